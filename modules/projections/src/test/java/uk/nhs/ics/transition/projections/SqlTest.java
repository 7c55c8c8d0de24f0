package uk.nhs.ics.transition.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;

class SqlTest {

    @Test
    void a_code_column_reads_back_as_its_constant_and_null_stays_null() {
        assertThat(Sql.code(SchemeStatus.class, "AGREED")).isEqualTo(SchemeStatus.AGREED);
        assertThat(Sql.code(SchemeStatus.class, null)).isNull();
    }

    @Test
    void a_code_the_enum_does_not_have_is_a_fault_of_the_store_not_a_value_for_a_client() {
        assertThatThrownBy(() -> Sql.code(SchemeStatus.class, "Agreed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Agreed");
    }
}
