package uk.nhs.ics.transition.messages.approval;

/**
 * The actions that assure rather than record, and so may need a second person (which of them do is configuration;
 * by default all). Their names are stable: configuration, events and the audit trail use them.
 */
public enum FourEyesAction {
    /** A signatory's sign-off of an ICS's due diligence. */
    DUE_DILIGENCE_SIGN_OFF("sign off due diligence"),
    /** The regional team's approval of a submitted constitution. */
    CONSTITUTION_APPROVAL("approve the constitution"),
    /** The regional team's return of a submitted constitution. */
    CONSTITUTION_RETURN("return the constitution"),
    /** The national team's re-baseline of the programme. */
    REBASELINE("re-baseline the programme"),
    /** A party's agreement of a CCG's transfer scheme. */
    TRANSFER_SCHEME_AGREEMENT("agree the transfer scheme"),
    /** An operator's retry of a read model's dead letters. */
    DEAD_LETTER_RETRY("retry the dead letters"),
    /** An operator's replay of a read model from the start of history. */
    PROJECTION_REPLAY("replay the read model");

    private final String words;

    FourEyesAction(String words) {
        this.words = words;
    }

    /** The action in words, as a sentence continues it: "asked to sign off due diligence". */
    public String words() {
        return words;
    }
}
