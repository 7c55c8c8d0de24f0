package uk.nhs.ics.transition.messages.ccg;

/** What a transfer scheme item transfers. */
public enum TransferItemKind {
    STAFF,
    ASSET,
    LIABILITY,
    CONTRACT
}
