package uk.nhs.ics.transition.messages.ics;

/** How a board role is recruited: the national process, or local filling of posts. */
public enum RecruitmentProcess {
    NATIONAL,
    LOCAL
}
