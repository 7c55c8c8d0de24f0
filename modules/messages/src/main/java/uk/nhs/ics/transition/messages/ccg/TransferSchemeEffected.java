package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/** The transfer took place at establishment. */
@Revision("1")
public record TransferSchemeEffected(CcgCode ccgCode, LocalDate effectiveOn) implements CcgEvent {}
