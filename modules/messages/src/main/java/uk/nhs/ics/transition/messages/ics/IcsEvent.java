package uk.nhs.ics.transition.messages.ics;

import uk.nhs.ics.transition.messages.common.IcsCode;

/** An event in the life of one ICS's transition; its aggregate is identified by the ICS code. */
public interface IcsEvent {

    IcsCode icsCode();
}
