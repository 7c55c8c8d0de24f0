package uk.nhs.ics.transition.web.ccg;

import java.util.ArrayList;
import java.util.List;
import uk.nhs.ics.transition.messages.ccg.RegisterImportPlan;
import uk.nhs.ics.transition.messages.ccg.RegisterProblem;
import uk.nhs.ics.transition.web.csv.CsvView;

/**
 * What a register import answers: what each row did (or, in a dry run, would do), and every problem. As CSV, one line
 * per problem and one per row without any, so it opens beside the register in a spreadsheet.
 *
 * @param ccgCode the CCG
 * @param fileName the file imported
 * @param sha256 its SHA-256, as the audit trail records it
 * @param dryRun whether nothing was changed because it was a dry run
 * @param accepted whether no row is refused (an import that was not a dry run was then applied)
 * @param version the scheme's version after the import (the {@code ETag})
 * @param counts how many rows do what
 * @param rows each row's outcome in register order, then the live items the register does not name
 */
public record RegisterImportReport(
        String ccgCode,
        String fileName,
        String sha256,
        boolean dryRun,
        boolean accepted,
        long version,
        RegisterImportPlan.Counts counts,
        List<Row> rows)
        implements CsvView {

    /**
     * One row's outcome.
     *
     * @param row the row (the header is row 1), or null for a live item the register does not name
     * @param reference its reference
     * @param action ADD, AMEND, UNCHANGED, WITHDRAW, KEEP or REFUSE
     * @param itemId the item concerned (for an addition, the id it gets or would get)
     * @param problems errors (of a refused row) and warnings
     */
    public record Row(
            Integer row, String reference, RegisterImportPlan.Action action, String itemId, List<Finding> problems) {}

    /**
     * @param column the column at fault, or null for the row as a whole
     * @param code the stable code, the same as the single-item API answers with
     * @param severity ERROR (refuses the import) or WARNING
     * @param message what is wrong
     */
    public record Finding(String column, String code, RegisterProblem.Severity severity, String message) {}

    static RegisterImportReport of(
            String ccgCode, String fileName, String sha256, long version, RegisterImportPlan plan) {
        List<Row> rows = new ArrayList<>(plan.rows().size());
        for (RegisterImportPlan.RowOutcome outcome : plan.rows()) {
            rows.add(new Row(
                    outcome.row(),
                    outcome.reference(),
                    outcome.action(),
                    outcome.itemId(),
                    outcome.problems().stream()
                            .map(p -> new Finding(p.column(), p.code(), p.severity(), p.message()))
                            .toList()));
        }
        return new RegisterImportReport(
                ccgCode, fileName, sha256, plan.dryRun(), plan.accepted(), version, plan.counts(), rows);
    }

    @Override
    public List<String> csvHeader() {
        return List.of("row", "reference", "action", "itemId", "severity", "column", "code", "message");
    }

    @Override
    public List<List<Object>> csvRows() {
        List<List<Object>> lines = new ArrayList<>();
        for (Row row : rows) {
            if (row.problems().isEmpty()) {
                lines.add(line(row, null));
            }
            for (Finding problem : row.problems()) {
                lines.add(line(row, problem));
            }
        }
        return lines;
    }

    private static List<Object> line(Row row, Finding problem) {
        List<Object> line = new ArrayList<>(8);
        line.add(row.row());
        line.add(row.reference());
        line.add(row.action());
        line.add(row.itemId());
        line.add(problem == null ? null : problem.severity());
        line.add(problem == null ? null : problem.column());
        line.add(problem == null ? null : problem.code());
        line.add(problem == null ? null : problem.message());
        return line;
    }
}
