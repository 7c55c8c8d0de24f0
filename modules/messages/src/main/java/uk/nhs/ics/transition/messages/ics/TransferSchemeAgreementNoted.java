package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The ICS learned that a predecessor CCG's transfer scheme is agreed. */
@Revision("1")
public record TransferSchemeAgreementNoted(IcsCode icsCode, CcgCode ccgCode, LocalDate agreedOn) implements IcsEvent {}
