package uk.nhs.ics.transition.web.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvAttachmentTest {

    @Test
    void a_csv_answer_is_named_after_its_path_under_the_api() {
        assertThat(CsvAttachment.fileName("/api/v1/readiness/overdue")).isEqualTo("readiness-overdue.csv");
        assertThat(CsvAttachment.fileName("/api/v1/systems/QKS/milestones")).isEqualTo("systems-QKS-milestones.csv");
        assertThat(CsvAttachment.fileName("/api/v1/")).isEqualTo("answer.csv");
    }
}
