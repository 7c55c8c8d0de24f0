package uk.nhs.ics.transition.messages.ccg;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The CCG learned who (if anyone) is the designate chief executive of a receiving ICS. */
@Revision("1")
public record ReceivingChiefExecutiveNoted(CcgCode ccgCode, IcsCode icsCode, String holderName) implements CcgEvent {}
