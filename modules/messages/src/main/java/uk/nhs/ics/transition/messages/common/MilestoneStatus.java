package uk.nhs.ics.transition.messages.common;

/**
 * Where a milestone stands. {@link #AT_RISK} is a manual milestone in progress that has been flagged, with a reason;
 * reopening a complete milestone returns it to {@link #IN_PROGRESS}.
 */
public enum MilestoneStatus {
    NOT_STARTED,
    IN_PROGRESS,
    AT_RISK,
    COMPLETE;

    public boolean isComplete() {
        return this == COMPLETE;
    }
}
