package uk.nhs.ics.transition.messages.ccg;

import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import uk.nhs.ics.transition.messages.common.CcgCode;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.RuleViolation;

/**
 * Synchronises a draft scheme with the CCG's register, all or nothing: a row whose reference is new adds an item, a
 * known reference with other values amends it, an unchanged row changes nothing, and with {@code withdrawMissing}
 * the live items the register does not name are withdrawn. Any refused row refuses the whole import; a dry run plans
 * the same way and changes nothing. Answers with the plan ({@link RegisterImportPlan}).
 *
 * @param fileName the name of the file imported, for the audit trail
 * @param sha256 the SHA-256 of the file's bytes (64 lower-case hex digits), for the audit trail
 * @param rows the register's rows, in order
 * @param withdrawMissing whether live items the register does not name are withdrawn (else kept, with a warning)
 * @param dryRun plan and answer only
 * @param reason why the register is imported (optional)
 */
public record ImportTransferRegister(
        @TargetAggregateIdentifier CcgCode ccgCode,
        String fileName,
        String sha256,
        List<RegisterRow> rows,
        boolean withdrawMissing,
        boolean dryRun,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    /** Most rows in one register. */
    public static final int MAX_ROWS = 50_000;

    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    public ImportTransferRegister {
        Checks.required(ccgCode, "ccgCode");
        fileName = Checks.text(fileName, "fileName", Checks.SHORT_TEXT);
        Checks.matches(sha256, SHA_256, "sha256", "a SHA-256 digest in lower-case hex");
        rows = List.copyOf(Checks.required(rows, "rows"));
        if (rows.size() > MAX_ROWS) {
            throw RuleViolation.invalid("rows", "a register has at most " + MAX_ROWS + " rows");
        }
        reason = Checks.optionalText(reason, "reason", Checks.LONG_TEXT);
    }

    /** The file stands for its rows (its digest covers them), so a log line or a fingerprint stays short. */
    @Override
    public String toString() {
        return "ImportTransferRegister[ccgCode=" + ccgCode + ", fileName=" + fileName + ", sha256=" + sha256
                + ", rows=" + rows.size() + ", withdrawMissing=" + withdrawMissing + ", dryRun=" + dryRun
                + ", reason=" + reason + ", expectedVersion=" + expectedVersion + "]";
    }
}
