package uk.nhs.ics.transition.domain.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quoted_fields_keep_commas_and_doubled_quotes() {
        var rows = Csv.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("a", "x, y").containsEntry("b", "say \"hi\"");
    }

    @Test
    void lf_and_crlf_line_ends_and_a_missing_final_newline_all_read() {
        assertThat(Csv.parse("a,b\n1,2\n3,4")).hasSize(2);
        assertThat(Csv.parse("a,b\r\n1,2\r\n")).hasSize(1);
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_refused() {
        assertThatThrownBy(() -> Csv.parse("a,b\n1,2,3\n")).isInstanceOf(IllegalStateException.class);
    }
}
