package uk.nhs.ics.transition.messages.ccg;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;

/** The CCG was abolished. */
@Revision("1")
public record CcgAbolished(CcgCode ccgCode, LocalDate abolishedOn) implements CcgEvent {}
