package uk.nhs.ics.transition.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import uk.nhs.ics.transition.messages.common.Checks;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.Text;

/**
 * What every token must say, whoever issued it, on top of its signature, issuer and validity period (checked by the
 * decoder): who it is for, until when, and nothing the audit trail could not record faithfully.
 *
 * <ul>
 *   <li>a non-blank {@code sub} (every change is recorded under it), which is not {@code system}: that actor is
 *       reserved for what the service records by itself;
 *   <li>an {@code exp}, no further away than the maximum lifetime (from {@code iat}, and from now);
 *   <li>the configured audience among its {@code aud}, when one is configured;
 *   <li>{@code sub}, {@code name}, and every entry of {@code roles}, {@code ics} and {@code regions} are single lines
 *       of valid text ({@link Text}) of at most {@link Checks#SHORT_TEXT} characters.
 * </ul>
 *
 * A token that breaks a rule is refused with 401, as a badly signed one is.
 */
public final class TokenRules implements OAuth2TokenValidator<Jwt> {

    private final Duration maxLifetime;
    private final String audience;
    private final Clock clock;

    /**
     * @param maxLifetime the longest a token may be valid for
     * @param audience the audience a token must name, or {@code null} for none
     */
    public TokenRules(Duration maxLifetime, String audience, Clock clock) {
        this.maxLifetime = maxLifetime;
        this.audience = audience == null || audience.isBlank() ? null : audience.strip();
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        List<String> problems = new ArrayList<>();
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            problems.add("the token names no subject (sub)");
        } else if (subject.strip().equalsIgnoreCase(MetadataKeys.SYSTEM_ACTOR)) {
            problems.add("the subject '" + MetadataKeys.SYSTEM_ACTOR + "' is reserved for the service itself");
        }
        Instant expires = jwt.getExpiresAt();
        Instant now = clock.instant();
        if (expires == null) {
            problems.add("the token has no expiry (exp)");
        } else {
            Instant issued = jwt.getIssuedAt();
            if (issued != null && Duration.between(issued, expires).compareTo(maxLifetime) > 0
                    || Duration.between(now, expires).compareTo(maxLifetime) > 0) {
                problems.add("the token is valid for longer than " + maxLifetime.toHours() + " hours");
            }
        }
        if (audience != null && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            problems.add("the token is not for this service (aud)");
        }
        text(problems, TokenClaims.SUB, subject);
        text(problems, TokenClaims.NAME, jwt.getClaims().get(TokenClaims.NAME));
        for (String claim : List.of(TokenClaims.ROLES, TokenClaims.ICS, TokenClaims.REGIONS)) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof Collection<?> values) {
                values.forEach(entry -> text(problems, claim, entry));
            } else {
                text(problems, claim, value);
            }
        }
        if (problems.isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(problems.stream()
                .map(p -> new OAuth2Error("invalid_token", p, null))
                .toList());
    }

    private static void text(List<String> problems, String claim, Object value) {
        if (value == null) {
            return;
        }
        if (!(value instanceof String text)) {
            problems.add("the claim " + claim + " must be text");
            return;
        }
        if (text.length() > Checks.SHORT_TEXT) {
            problems.add("the claim " + claim + " is longer than " + Checks.SHORT_TEXT + " characters");
            return;
        }
        String problem = Text.problem(text, false);
        if (problem != null) {
            problems.add("the claim " + claim + " " + problem);
        }
    }
}
