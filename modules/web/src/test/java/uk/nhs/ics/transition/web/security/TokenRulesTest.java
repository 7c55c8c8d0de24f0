package uk.nhs.ics.transition.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private final TokenRules rules = new TokenRules(Duration.ofHours(24), null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_token_with_a_subject_an_expiry_and_clean_claims_is_accepted() {
        assertThat(rules.validate(token(b -> {})).hasErrors()).isFalse();
    }

    @Test
    void a_token_without_a_subject_or_with_a_blank_one_is_refused() {
        assertThat(problems(token(b -> b.claims(c -> c.remove("sub"))))).anyMatch(p -> p.contains("no subject"));
        assertThat(problems(token(b -> b.subject("  ")))).anyMatch(p -> p.contains("no subject"));
    }

    @Test
    void the_system_subject_is_reserved_for_the_service() {
        assertThat(problems(token(b -> b.subject("system")))).anyMatch(p -> p.contains("reserved"));
        assertThat(problems(token(b -> b.subject("SYSTEM")))).anyMatch(p -> p.contains("reserved"));
    }

    @Test
    void a_token_without_an_expiry_or_valid_for_too_long_is_refused() {
        assertThat(problems(token(b -> b.claims(c -> c.remove("exp"))))).anyMatch(p -> p.contains("no expiry"));
        assertThat(problems(token(b -> b.expiresAt(Instant.parse("9999-01-01T00:00:00Z")))))
                .anyMatch(p -> p.contains("longer than 24 hours"));
        assertThat(problems(token(b -> b.issuedAt(NOW.minus(Duration.ofDays(3))).expiresAt(NOW.plusSeconds(60)))))
                .anyMatch(p -> p.contains("longer than 24 hours"));
    }

    @Test
    void claims_that_break_the_text_rule_are_refused() {
        assertThat(problems(token(b -> b.subject("jane\u0000")))).anyMatch(p -> p.contains("sub must not contain NUL"));
        assertThat(problems(token(b -> b.claim("name", "Jane\r\nSmith")))).anyMatch(p -> p.contains("single line"));
        assertThat(problems(token(b -> b.claim("roles", List.of("AUDITOR", "a\ud800b")))))
                .anyMatch(p -> p.contains("roles must be valid Unicode"));
        assertThat(problems(token(b -> b.claim("ics", List.of("Q\u202eKS")))))
                .anyMatch(p -> p.contains("bidirectional"));
    }

    @Test
    void with_an_audience_configured_a_token_must_name_it() {
        TokenRules withAudience =
                new TokenRules(Duration.ofHours(24), "ics-transition", Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(withAudience
                        .validate(token(b -> b.audience(List.of("ics-transition"))))
                        .hasErrors())
                .isFalse();
        assertThat(withAudience
                        .validate(token(b -> b.audience(List.of("another-service"))))
                        .hasErrors())
                .isTrue();
        assertThat(withAudience.validate(token(b -> {})).hasErrors()).isTrue();
    }

    private List<String> problems(Jwt jwt) {
        return rules.validate(jwt).getErrors().stream()
                .map(OAuth2Error::getDescription)
                .toList();
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("jane.smith")
                .issuedAt(NOW.minusSeconds(60))
                .expiresAt(NOW.plus(Duration.ofHours(8)))
                .claim("name", "Jane Smith")
                .claim("roles", List.of("REGIONAL_OVERSIGHT"))
                .claim("regions", List.of("Y59"));
        change.accept(builder);
        return builder.build();
    }
}
