package uk.nhs.ics.transition.messages.approval;

/**
 * An event of an approval. Its aggregate is the approval itself, so the organisation it is about travels in its
 * facts: the audit trail files it under that ICS (and CCG), beside the events of what it approves.
 */
public interface ApprovalEvent {

    String approvalId();

    /** The ICS the approved action is about, if it is about one. */
    String icsCode();

    /** The CCG the approved action is about, if it is about one. */
    String ccgCode();
}
