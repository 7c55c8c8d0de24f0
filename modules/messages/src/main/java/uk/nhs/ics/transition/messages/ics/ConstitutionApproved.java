package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional team approved the constitution. */
@Revision("1")
public record ConstitutionApproved(IcsCode icsCode, int draftVersion, String comments, LocalDate approvedOn)
        implements IcsEvent {}
