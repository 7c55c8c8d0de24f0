package uk.nhs.ics.transition.web.ccg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import uk.nhs.ics.transition.projections.transfer.TransferItemView;
import uk.nhs.ics.transition.web.csv.CsvView;

/**
 * A transfer register as CSV in the import's columns: the template (one example row per kind) or a scheme's export
 * (its live items in the order added). The service's one CSV writer writes it, with a byte-order mark and formulas
 * neutralised, so an export opens safely in a spreadsheet and imports again unchanged.
 */
record RegisterDocument(List<List<Object>> csvRows) implements CsvView {

    @Override
    public List<String> csvHeader() {
        return RegisterColumn.NAMES;
    }

    /** The live items of a scheme; an item without a reference of the CCG's own is named by its item id. */
    static RegisterDocument export(List<TransferItemView> items) {
        List<List<Object>> rows = new ArrayList<>(items.size());
        for (TransferItemView item : items) {
            rows.add(row(
                    item.kind(),
                    item.reference() == null ? item.itemId() : item.reference(),
                    item.description(),
                    item.receivingIcs(),
                    item.valuePence(),
                    item.counterparty(),
                    item.annualValuePence(),
                    item.endDate(),
                    item.novationRequired(),
                    item.staffGroup(),
                    item.headcount(),
                    item.wte()));
        }
        return new RegisterDocument(rows);
    }

    /** An example row of each kind, for a CCG whose own ICS is {@code ownIcs}. */
    static RegisterDocument template(String ownIcs) {
        return new RegisterDocument(List.of(
                row(
                        "STAFF",
                        "STF-001",
                        "Commissioning and contracting team",
                        ownIcs,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Administrative and clerical",
                        48,
                        new BigDecimal("43.60")),
                row(
                        "ASSET",
                        "AST-001",
                        "Primary care estate fit-out",
                        ownIcs,
                        12_500_000L,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                row(
                        "LIABILITY",
                        "LIA-001",
                        "Continuing healthcare claims",
                        ownIcs,
                        3_400_050L,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                row(
                        "CONTRACT",
                        "CON-001",
                        "Community health services",
                        ownIcs,
                        null,
                        "Community Health Services NHS Foundation Trust",
                        410_000_000L,
                        LocalDate.of(2024, 3, 31),
                        true,
                        null,
                        null,
                        null)));
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }
}
