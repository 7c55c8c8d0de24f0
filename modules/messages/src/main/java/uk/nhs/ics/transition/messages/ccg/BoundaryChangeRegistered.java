package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** A boundary change was registered: items of this CCG may be received by another ICS. */
@Revision("1")
public record BoundaryChangeRegistered(
        CcgCode ccgCode, IcsCode fromIcs, IcsCode toIcs, String area, int lsoaCount, LocalDate effectiveDate)
        implements CcgEvent {}
