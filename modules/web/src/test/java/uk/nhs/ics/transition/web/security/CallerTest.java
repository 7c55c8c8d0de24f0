package uk.nhs.ics.transition.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller is the same whoever tells the service about them: a bearer token, or the identity provider's sign-in. */
class CallerTest {

    private static final Map<String, Object> CLAIMS = Map.of(
            "sub", "jane.smith",
            "name", "Jane Smith",
            "roles", List.of("REGIONAL_OVERSIGHT", "SOMETHING_ELSE"),
            "regions", List.of("Y59"),
            "iss", "https://login.example.invalid/realm");

    @Test
    void a_bearer_token_and_an_identity_providers_sign_in_with_the_same_claims_are_the_same_caller() {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .claims(claims -> claims.putAll(CLAIMS))
                .issuedAt(Instant.parse("2021-12-28T09:00:00Z"))
                .expiresAt(Instant.parse("2021-12-28T17:00:00Z"))
                .build();
        DefaultOidcUser person = new DefaultOidcUser(
                List.of(new SimpleGrantedAuthority("OIDC_USER")),
                new OidcIdToken(
                        "id-token",
                        Instant.parse("2021-12-28T09:00:00Z"),
                        Instant.parse("2021-12-28T17:00:00Z"),
                        CLAIMS));

        Caller fromToken = Caller.from(jwt);
        SecurityContextHolder.getContext()
                .setAuthentication(new OAuth2AuthenticationToken(person, person.getAuthorities(), "nhs"));
        try {
            assertThat(CallerArgumentResolver.current()).isEqualTo(fromToken);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(fromToken)
                .isEqualTo(new Caller(
                        "jane.smith", "Jane Smith", Set.of(Role.REGIONAL_OVERSIGHT), Set.of(), Set.of("Y59")));
    }

    @Test
    void a_single_value_claim_counts_and_a_missing_name_is_the_subject() {
        Caller caller =
                Caller.fromClaims(Map.of("sub", "pm-1", "name", " ", "roles", "PROGRAMME_MANAGER", "ics", "QKS"));

        assertThat(caller)
                .isEqualTo(new Caller("pm-1", "pm-1", Set.of(Role.PROGRAMME_MANAGER), Set.of("QKS"), Set.of()));
    }
}
