package uk.nhs.ics.transition.messages.ccg;

import uk.nhs.ics.transition.messages.common.CcgCode;

/** An event in the life of one CCG and its transfer scheme; its aggregate is identified by the CCG code. */
public interface CcgEvent {

    CcgCode ccgCode();
}
