package uk.nhs.ics.transition.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.messages.common.ErrorCode;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.RuleViolation;
import uk.nhs.ics.transition.messages.ics.BoardRole;
import uk.nhs.ics.transition.messages.ics.BoardSeat;
import uk.nhs.ics.transition.messages.ics.NamePreferredCandidate;
import uk.nhs.ics.transition.messages.ics.StartRecruitment;

/** A refusal names the request's field, where the command calls it otherwise, wherever it was refused. */
class RequestFieldsTest {

    @Test
    void a_command_that_will_not_be_built_names_the_requests_field_in_its_field_and_words() {
        RuntimeException refused = catchRuntimeException(() -> new NamePreferredCandidate(
                IcsCode.of("QKS"), BoardSeat.single(BoardRole.CHAIR), " ", List.of(), false, null));

        RuleViolation named = (RuleViolation) RequestFields.inRequestTerms(NamePreferredCandidate.class, refused);

        assertThat(((RuleViolation) refused).field()).isEqualTo("candidateName");
        assertThat(named.field()).isEqualTo("name");
        assertThat(named.code()).isEqualTo(((RuleViolation) refused).code());
        assertThat(named.getMessage()).doesNotContain("candidateName");
    }

    @Test
    void a_refusal_of_the_domain_names_the_requests_field_too() {
        RuleViolation domain = new RuleViolation(
                ErrorCode.PERSON_ALREADY_ON_BOARD, "candidateName", "Cedi Frederick is already named for CHAIR");

        RuleViolation named = (RuleViolation) RequestFields.inRequestTerms(NamePreferredCandidate.class, domain);

        assertThat(named.field()).isEqualTo("name");
        assertThat(named.code()).isEqualTo(ErrorCode.PERSON_ALREADY_ON_BOARD);
        assertThat(named.getMessage()).isEqualTo("Cedi Frederick is already named for CHAIR");
    }

    @Test
    void other_fields_commands_and_failures_are_left_as_they_are() {
        RuleViolation role = new RuleViolation(ErrorCode.UNKNOWN_BOARD_SEAT, "role", "no seat");
        RuleViolation sameNameElsewhere = new RuleViolation(ErrorCode.INVALID_INPUT, "candidateName", "x");
        IllegalStateException failure = new IllegalStateException("down");

        assertThat(RequestFields.inRequestTerms(NamePreferredCandidate.class, role))
                .isSameAs(role);
        assertThat(RequestFields.inRequestTerms(StartRecruitment.class, sameNameElsewhere))
                .isSameAs(sameNameElsewhere);
        assertThat(RequestFields.inRequestTerms(NamePreferredCandidate.class, failure))
                .isSameAs(failure);
    }
}
