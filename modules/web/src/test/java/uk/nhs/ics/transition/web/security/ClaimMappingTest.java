package uk.nhs.ics.transition.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ClaimMappingTest {

    @Test
    void without_configuration_the_claims_are_read_under_the_services_own_names() {
        ClaimMapping mapping = ClaimMapping.from(new MockEnvironment());
        Map<String, Object> claims = Map.of("sub", "jane", "roles", List.of("AUDITOR"));

        assertThat(mapping.isIdentity()).isTrue();
        assertThat(mapping.apply(claims)).isSameAs(claims);
    }

    @Test
    void keycloaks_realm_roles_are_found_by_a_dotted_path() {
        ClaimMapping mapping = ClaimMapping.from(
                new MockEnvironment().withProperty("ics.security.claims.roles", "realm_access.roles"));
        Map<String, Object> claims = Map.of(
                "sub",
                "jane",
                "realm_access",
                Map.of("roles", List.of("REGIONAL_OVERSIGHT", "offline_access")),
                "regions",
                List.of("Y59"));

        Caller caller = Caller.fromClaims(mapping.apply(claims));

        assertThat(caller.roles()).containsExactly(Role.REGIONAL_OVERSIGHT);
        assertThat(caller.regions()).containsExactly("Y59");
    }

    @Test
    void entra_ids_extension_claims_are_found_by_their_dotted_names_and_oid_can_be_the_subject() {
        ClaimMapping mapping = ClaimMapping.from(new MockEnvironment()
                .withProperty("ics.security.claims.ics", "extn.ics")
                .withProperty("ics.security.claims.sub", "oid"));
        Map<String, Object> claims = Map.of(
                "sub",
                "pairwise-123",
                "oid",
                "4f1c0e2a",
                "roles",
                List.of("PROGRAMME_MANAGER"),
                "extn.ics",
                List.of("QKS"));

        Caller caller = Caller.fromClaims(mapping.apply(claims));

        assertThat(caller.subject()).isEqualTo("4f1c0e2a");
        assertThat(caller.ics()).containsExactly("QKS");
        assertThat(caller.has(Role.PROGRAMME_MANAGER)).isTrue();
    }

    @Test
    void a_claim_named_by_the_mapping_replaces_one_under_the_services_name_even_when_absent() {
        ClaimMapping mapping =
                ClaimMapping.from(new MockEnvironment().withProperty("ics.security.claims.roles", "app_roles"));

        Map<String, Object> mapped = mapping.apply(Map.of("sub", "jane", "roles", List.of("NATIONAL_PROGRAMME")));

        assertThat(mapped).doesNotContainKey("roles");
        assertThat(Caller.fromClaims(mapped).roles()).isEmpty();
    }
}
