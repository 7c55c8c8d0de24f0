package uk.nhs.ics.transition.messages.programme;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.Baseline;

/** The programme was re-baselined: from the decision date, the new baseline is in force. */
@Revision("1")
public record ProgrammeRebaselined(
        String programmeId,
        int baselineNumber,
        LocalDate decidedOn,
        Baseline baseline,
        LocalDate previousEstablishmentDate,
        String reason)
        implements ProgrammeEvent {}
