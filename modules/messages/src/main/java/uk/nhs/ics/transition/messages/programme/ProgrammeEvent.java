package uk.nhs.ics.transition.messages.programme;

/** An event of the national programme: the Bill's progress and the baselines. */
public interface ProgrammeEvent {

    String programmeId();
}
