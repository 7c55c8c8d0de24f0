package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A due diligence item was assessed. */
@Revision("1")
public record DueDiligenceItemAssessed(
        IcsCode icsCode, DueDiligenceItemId itemId, AssessmentOutcome outcome, RiskRating risk, String mitigation)
        implements IcsEvent {}
