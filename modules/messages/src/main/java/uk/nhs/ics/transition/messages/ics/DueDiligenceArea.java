package uk.nhs.ics.transition.messages.ics;

/** The areas of the national CCG close-down and ICB establishment due diligence checklist. */
public enum DueDiligenceArea {
    STAFF("staff and staff benefits"),
    CONSTITUTIONAL("constitutional, corporate and regulatory matters"),
    QUALITY("quality governance"),
    CLAIMS("claims, litigation and insurance"),
    CONTRACTS("contracts, leases and commercial agreements"),
    PROPERTY("real estate and other assets and liabilities"),
    ENVIRONMENTAL("environmental matters"),
    INTELLECTUAL_PROPERTY("intellectual property"),
    FINANCE("finance (ledgers, balances, year-end, audit)"),
    DIGITAL("informatics, digital and information governance");

    private final String description;

    DueDiligenceArea(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
