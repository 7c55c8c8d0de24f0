package uk.nhs.ics.transition.messages.ics;

import org.axonframework.serialization.Revision;
import uk.nhs.ics.transition.messages.common.IcsCode;

/** Recruitment to a board seat started. */
@Revision("1")
public record RecruitmentStarted(IcsCode icsCode, BoardSeat seat, RecruitmentProcess process) implements IcsEvent {}
