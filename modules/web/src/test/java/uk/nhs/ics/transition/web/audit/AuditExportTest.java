package uk.nhs.ics.transition.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the contract says of the CSV export is what it writes. */
class AuditExportTest {

    @Test
    void the_contract_names_every_column_the_export_writes_in_its_order() {
        List<String> described = new ArrayList<>();
        Matcher column = Pattern.compile("`(\\w+)`").matcher(AuditExport.CSV_DESCRIPTION);
        while (column.find()) {
            described.add(column.group(1));
        }

        assertThat(described).containsExactlyElementsOf(AuditExport.CSV_COLUMNS);
    }
}
