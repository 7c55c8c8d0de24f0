package uk.nhs.ics.transition.messages.ics;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** The regional team agreed the 2022/23 MoU. */
@Revision("1")
public record MouAgreed(IcsCode icsCode, LocalDate agreedOn) implements IcsEvent {}
