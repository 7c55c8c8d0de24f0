package uk.nhs.ics.transition.app.skeleton;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/** The organisations answer from the reference data projection, to anyone with a valid token. */
class ReferenceDataApiTest extends EndToEndTest {

    @Test
    void the_seven_regions_are_listed_with_their_ics_counts() {
        String token = api.auditor();
        eventually(
                "all regions projected",
                () -> api.get("/api/v1/regions")
                                .token(token)
                                .send()
                                .json()
                                .get("totalItems")
                                .asInt()
                        == 7);

        JsonNode regions = api.get("/api/v1/regions").token(token).send().json();

        assertThat(regions.get("totalItems").asInt()).isEqualTo(7);
        int systems = 0;
        for (JsonNode region : regions.get("items")) {
            systems += region.get("icsCount").asInt();
        }
        assertThat(systems).isEqualTo(42);
        assertThat(regions.get("items").get(2).get("code").asText()).isEqualTo("Y59");
        assertThat(regions.get("items").get(2).get("name").asText()).isEqualTo("South East");
    }

    @Test
    void the_forty_two_systems_are_listed_with_their_region() {
        String token = api.nationalTeam();
        eventually(
                "all systems projected",
                () -> total(api.get("/api/v1/systems").token(token).send()) == 42);

        JsonNode page = api.get("/api/v1/systems?size=500").token(token).send().json();

        Set<String> regions = new HashSet<>();
        for (JsonNode system : page.get("items")) {
            regions.add(system.get("regionCode").asText());
        }
        assertThat(page.get("items")).hasSize(42);
        assertThat(regions).hasSize(7);
    }

    @Test
    void systems_can_be_filtered_by_region() {
        String token = api.regionalTeam("Y59");
        eventually(
                "Y59 projected",
                () -> total(api.get("/api/v1/systems?region=Y59").token(token).send()) == 6);

        JsonNode page =
                api.get("/api/v1/systems?region=Y59").token(token).send().json();

        List<String> codes = new ArrayList<>();
        page.get("items").forEach(system -> codes.add(system.get("code").asText()));
        assertThat(codes).contains("QKS").allSatisfy(code -> assertThat(code).startsWith("Q"));
        page.get("items")
                .forEach(system -> assertThat(system.get("regionCode").asText()).isEqualTo("Y59"));
    }

    @Test
    void pages_are_stable_and_the_size_is_capped() {
        String token = api.auditor();
        eventually(
                "all systems projected",
                () -> total(api.get("/api/v1/systems").token(token).send()) == 42);

        JsonNode first =
                api.get("/api/v1/systems?page=0&size=10").token(token).send().json();
        JsonNode second =
                api.get("/api/v1/systems?page=1&size=10").token(token).send().json();
        JsonNode huge =
                api.get("/api/v1/systems?size=100000").token(token).send().json();

        assertThat(first.get("items")).hasSize(10);
        assertThat(first.get("items").get(9).get("code").asText())
                .isLessThan(second.get("items").get(0).get("code").asText());
        assertThat(huge.get("size").asInt()).isEqualTo(500);
    }

    @Test
    void a_call_without_a_token_is_refused_with_problem_details() {
        Api.Response response = api.get("/api/v1/systems").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void a_forged_or_garbled_token_is_refused() {
        String token = api.auditor();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(api.get("/api/v1/systems").token(forged).send().status()).isEqualTo(401);
        assertThat(api.get("/api/v1/systems").token("not-a-jwt").send().status())
                .isEqualTo(401);
    }

    @Test
    void an_invalid_region_filter_is_named_in_the_problem() {
        Api.Response response = api.get("/api/v1/systems?region=%27%3B%20DROP%20TABLE")
                .token(api.auditor())
                .send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("region");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("SQL");
    }

    private static int total(Api.Response response) {
        return response.status() == 200 ? response.json().get("totalItems").asInt() : -1;
    }
}
