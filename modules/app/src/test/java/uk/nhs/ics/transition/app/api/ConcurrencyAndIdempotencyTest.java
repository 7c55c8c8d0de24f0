package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * Optimistic concurrency with ETags, safe retries with Idempotency-Key, reading one's own writes with
 * X-Min-Version, and CSV for spreadsheets. This class owns Somerset (QSL) and its CCG (11X).
 */
class ConcurrencyAndIdempotencyTest extends EndToEndTest {

    private String pm;

    @BeforeEach
    void somerset() {
        clock.setToday(LocalDate.of(2021, 9, 1));
        pm = api.programmeManager("QSL");
    }

    @Test
    void every_changeable_resource_answers_with_its_version_as_etag_and_if_none_match_gives_304() {
        Api.Response board = api.get("/api/v1/systems/QSL/board").token(pm).send();
        String etag = board.header("ETag");

        assertThat(etag).matches("\"[0-9]+\"");
        assertThat(api.get("/api/v1/systems/QSL/board")
                        .token(pm)
                        .header("If-None-Match", etag)
                        .send()
                        .status())
                .isEqualTo(304);
        for (String path : List.of(
                "/api/v1/systems/QSL/milestones",
                "/api/v1/systems/QSL/due-diligence",
                "/api/v1/systems/QSL/constitution",
                "/api/v1/ccgs/11X/transfer",
                "/api/v1/programme")) {
            assertThat(api.get(path).token(pm).send().header("ETag")).as(path).matches("\"[0-9]+\"");
        }
    }

    @Test
    void a_write_with_a_stale_if_match_is_refused_with_412_and_changes_nothing() {
        Api.Response first = api.post("/api/v1/systems/QSL/due-diligence/items")
                .token(pm)
                .json(Map.of("category", "STAFF", "title", "TUPE lists"))
                .send();
        if (first.status() == 409) {
            api.post("/api/v1/systems/QSL/due-diligence/start-planning")
                    .token(pm)
                    .send();
            first = api.post("/api/v1/systems/QSL/due-diligence/items")
                    .token(pm)
                    .json(Map.of("category", "STAFF", "title", "TUPE lists"))
                    .send();
        }
        String current = first.header("ETag");
        long events = events("QSL");

        Api.Response stale = api.post("/api/v1/systems/QSL/due-diligence/items")
                .token(pm)
                .header("If-Match", "\"" + (Long.parseLong(current.replace("\"", "")) - 1) + "\"")
                .json(Map.of("category", "FINANCE", "title", "Ledgers"))
                .send();
        Api.Response fresh = api.post("/api/v1/systems/QSL/due-diligence/items")
                .token(pm)
                .header("If-Match", current)
                .json(Map.of("category", "FINANCE", "title", "Ledgers"))
                .send();

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asText()).isEqualTo("VERSION_MISMATCH");
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(events("QSL")).isEqualTo(events + 1);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_answer_and_changes_nothing() {
        Map<String, Object> item = Map.of("kind", "ASSET", "description", "Taunton offices", "valuePence", 120_000_00);
        Api.Response first = api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .header("Idempotency-Key", "somerset-offices-1")
                .json(item)
                .send();
        long events = events("11X");

        Api.Response retry = api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .header("Idempotency-Key", "somerset-offices-1")
                .json(item)
                .send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events("11X")).isEqualTo(events);
    }

    @Test
    void a_key_used_again_for_a_different_request_is_refused() {
        api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .header("Idempotency-Key", "somerset-reused")
                .json(Map.of("kind", "ASSET", "description", "Yeovil clinic", "valuePence", 10))
                .send();
        long events = events("11X");

        Api.Response other = api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .header("Idempotency-Key", "somerset-reused")
                .json(Map.of("kind", "ASSET", "description", "Another building", "valuePence", 20))
                .send();

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(events("11X")).isEqualTo(events);
    }

    @Test
    void a_refusal_is_remembered_so_a_retry_is_refused_alike() {
        Map<String, Object> wrongReceiver =
                Map.of("kind", "ASSET", "description", "Misrouted", "receivingIcs", "QKS", "valuePence", 1);
        Api.Response first = api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .header("Idempotency-Key", "somerset-refused")
                .json(wrongReceiver)
                .send();
        Api.Response retry = api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .header("Idempotency-Key", "somerset-refused")
                .json(wrongReceiver)
                .send();

        assertThat(first.status()).isEqualTo(409);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void concurrent_retries_with_one_key_make_exactly_one_change() throws Exception {
        long events = events("11X");
        Map<String, Object> item = Map.of("kind", "ASSET", "description", "Bridgwater hub", "valuePence", 77);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Api.Response> retry = () -> new Api(port)
                    .post("/api/v1/ccgs/11X/transfer/items")
                    .token(pm)
                    .header("Idempotency-Key", "somerset-concurrent")
                    .json(item)
                    .send();
            List<Future<Api.Response>> answers = pool.invokeAll(List.of(retry, retry, retry, retry));
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().body()).isEqualTo(answers.get(0).get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(events("11X")).isEqualTo(events + 1);
    }

    @Test
    void a_read_waits_for_the_version_it_was_given_and_gives_up_with_503_on_one_never_written() {
        Api.Response write = api.post("/api/v1/ccgs/11X/transfer/items")
                .token(pm)
                .json(Map.of("kind", "STAFF", "description", "Somerset team", "headcount", 30, "wte", 27.5))
                .send();
        String version = write.json().get("version").asText();

        Api.Response read = api.get("/api/v1/ccgs/11X/transfer?size=500")
                .token(pm)
                .header("X-Min-Version", version)
                .send();
        Api.Response impossible = api.get("/api/v1/ccgs/11X/transfer")
                .token(pm)
                .header("X-Min-Version", "999999")
                .send();

        assertThat(read.status()).isEqualTo(200);
        assertThat(Long.parseLong(read.header("ETag").replace("\"", "")))
                .isGreaterThanOrEqualTo(Long.parseLong(version));
        assertThat(read.body()).contains("Somerset team");
        assertThat(impossible.status()).isEqualTo(503);
        assertThat(impossible.header("Retry-After")).isEqualTo("1");
        assertThat(impossible.json().get("code").asText()).isEqualTo("PROJECTION_BEHIND");
    }

    @Test
    void lists_and_summaries_open_cleanly_in_a_spreadsheet() {
        String national = api.nationalTeam();
        for (String path : List.of(
                "/api/v1/systems",
                "/api/v1/regions",
                "/api/v1/ccgs?ics=QSL",
                "/api/v1/readiness",
                "/api/v1/regions/Y58/readiness",
                "/api/v1/readiness/overdue?region=Y58",
                "/api/v1/systems/QSL/milestones")) {
            Api.Response csv =
                    api.get(path).token(national).header("Accept", "text/csv").send();
            byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);

            assertThat(csv.status()).as(path).isEqualTo(200);
            assertThat(csv.header("Content-Type")).as(path).startsWith("text/csv");
            assertThat(bytes[0] & 0xff)
                    .as(path + " starts with a byte-order mark")
                    .isEqualTo(0xEF);
            assertThat(csv.body()).as(path).contains("\r\n").doesNotContain("{\"");
        }
        assertThat(api.get("/api/v1/systems?region=Y58")
                        .token(national)
                        .header("Accept", "text/csv")
                        .send()
                        .body())
                .contains("QSL,Somerset,Y58,");
    }

    private long events(String aggregate) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", aggregate)
                .query(Long.class)
                .single();
    }
}
