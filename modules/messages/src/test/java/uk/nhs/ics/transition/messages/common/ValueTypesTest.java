package uk.nhs.ics.transition.messages.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Codes, money and text are validated where they are made, so an invalid one cannot exist. */
class ValueTypesTest {

    @Test
    void organisation_codes_have_their_published_shapes() {
        assertThat(IcsCode.of("QKS").toString()).isEqualTo("QKS");
        assertThat(CcgCode.of("D2P2L").value()).isEqualTo("D2P2L");
        assertThat(RegionCode.of("Y59")).isEqualTo(new RegionCode("Y59"));
        assertThatThrownBy(() -> IcsCode.of("qks")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> IcsCode.of("'; DROP TABLE x; --")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> CcgCode.of("<script>")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> RegionCode.of(null)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void money_is_whole_pence_and_prints_as_pounds() {
        assertThat(Money.pence(120_000_000).toString()).isEqualTo("£1,200,000.00");
        assertThat(Money.pence(5).minus(Money.pence(7)).toString()).isEqualTo("-£0.02");
        assertThatThrownBy(() -> Money.nonNegative(-1L, "valuePence"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.field()).isEqualTo("valuePence"));
    }

    @Test
    void text_is_trimmed_and_bounded() {
        assertThat(Checks.text("  a reason ", "reason", 20)).isEqualTo("a reason");
        assertThatThrownBy(() -> Checks.text("   ", "reason", 20)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Checks.text("x".repeat(21), "reason", 20)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Checks.text("bell\u0007", "reason", 20)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_missing_reason_has_its_own_code() {
        assertThatThrownBy(() -> Checks.reason(" "))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REASON_REQUIRED));
    }
}
