package uk.nhs.ics.transition.app.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * A write whose transaction fails at commit (a full disk did it in production; here a deferred constraint trigger
 * refuses the aggregate's events at commit time) leaves nothing behind: not in the store, and not in memory. The next
 * write gets the next version and sees the true state, with and without an {@code Idempotency-Key}, for each kind of
 * aggregate and each family of writes. This class owns Devon (QJK) and its CCG (15N).
 */
class FailedCommitTest extends EndToEndTest {

    private String pm;

    @BeforeEach
    void devon_and_a_trigger_that_fails_commits_on_demand() {
        clock.setToday(LocalDate.of(2021, 9, 1));
        pm = api.programmeManager("QJK");
        jdbc.sql("""
                        CREATE TABLE IF NOT EXISTS test_fail_commit (aggregate_id text PRIMARY KEY);
                        CREATE OR REPLACE FUNCTION test_fail_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF EXISTS (SELECT 1 FROM test_fail_commit WHERE aggregate_id = NEW.aggregate_identifier)
                            THEN RAISE EXCEPTION 'test: the commit of % fails', NEW.aggregate_identifier;
                            END IF;
                            RETURN NULL;
                        END $$;
                        DROP TRIGGER IF EXISTS test_fail_commit ON domain_event_entry;
                        CREATE CONSTRAINT TRIGGER test_fail_commit AFTER INSERT ON domain_event_entry
                            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_commit();""").update();
    }

    @AfterEach
    void no_more_failing_commits() {
        jdbc.sql("DROP TRIGGER IF EXISTS test_fail_commit ON domain_event_entry; DELETE FROM test_fail_commit")
                .update();
    }

    @ParameterizedTest(name = "with an Idempotency-Key: {0}")
    @ValueSource(booleans = {false, true})
    void a_failed_commit_of_a_transfer_item_leaves_the_scheme_as_the_store_has_it(boolean withKey) {
        Api.Response first = write(withKey, () -> item("first " + withKey));
        long version = version(first);
        int itemNumber = itemNumber(first);

        Api.Response failed = failingCommitOf("15N", () -> write(withKey, () -> item("never stored " + withKey)));
        Api.Response next = write(withKey, () -> item("next " + withKey));

        assertThat(failed.status()).as("%s", failed).isEqualTo(500);
        assertThat(itemNumber(next))
                .as("the next item, not one past an item never stored")
                .isEqualTo(itemNumber + 1);
        assertTheStoreHasNoGapAndHolds("15N", version(next), "next " + withKey, "never stored " + withKey);
        assertThat(version(next)).isGreaterThan(version);

        // amending and withdrawing name items that really exist, and refuse the one that never was
        String neverStored = "T-" + (itemNumber + 2);
        Api.Response amendPhantom = api.post("/api/v1/ccgs/15N/transfer/items/" + neverStored + "/amend")
                .token(pm)
                .json(Map.of("kind", "ASSET", "description", "phantom", "valuePence", 1))
                .send();
        assertThat(amendPhantom.status()).as("%s", amendPhantom).isEqualTo(404);
        Api.Response withdraw = write(withKey, () -> api.post("/api/v1/ccgs/15N/transfer/items/"
                        + next.json().get("itemId").asText() + "/withdraw")
                .token(pm)
                .json(Map.of("reason", "duplicate")));
        assertThat(withdraw.status()).as("%s", withdraw).isEqualTo(200);
        assertTheStoreHasNoGapAndHolds("15N", version(withdraw), "duplicate", "never stored " + withKey);
    }

    @ParameterizedTest(name = "with an Idempotency-Key: {0}")
    @ValueSource(booleans = {false, true})
    void a_failed_commit_on_an_ics_leaves_every_part_of_it_as_the_store_has_it(boolean withKey) {
        List<Function<String, Api.Call>> writes = List.of(
                marker -> api.post("/api/v1/systems/QJK/due-diligence/items")
                        .token(pm)
                        .json(Map.of("category", "STAFF", "title", marker)),
                marker -> api.post("/api/v1/systems/QJK/constitution/drafts")
                        .token(pm)
                        .json(Map.of("documentReference", "DEVON-1", "summary", marker)),
                marker -> api.post("/api/v1/systems/QJK/milestones/Q2-SUB-ICS-PLAN/at-risk")
                        .token(pm)
                        .json(Map.of("reason", marker)));
        ensurePlanningAndMilestoneStarted();

        for (Function<String, Api.Call> family : writes) {
            String before = "before " + UUID.randomUUID();
            String neverStored = "never stored " + UUID.randomUUID();
            String next = "next " + UUID.randomUUID();
            long version = version(write(withKey, () -> family.apply(before)));

            Api.Response failed = failingCommitOf("QJK", () -> write(withKey, () -> family.apply(neverStored)));
            Api.Response after = write(withKey, () -> family.apply(next));

            assertThat(failed.status()).as("%s", failed).isEqualTo(500);
            assertThat(version(after)).isGreaterThan(version);
            assertTheStoreHasNoGapAndHolds("QJK", version(after), next, neverStored);
        }
    }

    private void ensurePlanningAndMilestoneStarted() {
        api.post("/api/v1/systems/QJK/due-diligence/start-planning").token(pm).send();
        api.post("/api/v1/systems/QJK/milestones/Q2-SUB-ICS-PLAN/start")
                .token(pm)
                .send();
    }

    private Api.Call item(String description) {
        return api.post("/api/v1/ccgs/15N/transfer/items")
                .token(pm)
                .json(Map.of("kind", "ASSET", "description", description, "valuePence", 100));
    }

    private static Api.Response write(boolean withKey, Supplier<Api.Call> call) {
        Api.Call request = call.get();
        if (withKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return request.send();
    }

    private Api.Response failingCommitOf(String aggregate, Supplier<Api.Response> write) {
        jdbc.sql("INSERT INTO test_fail_commit VALUES (:id)")
                .param("id", aggregate)
                .update();
        try {
            return write.get();
        } finally {
            jdbc.sql("DELETE FROM test_fail_commit").update();
        }
    }

    /**
     * The aggregate's stream has no gap, the event at the version a write answered is that write's, and nothing of
     * the write whose commit failed is anywhere in it. (Relays may add events of their own at any moment, so versions
     * are compared with the store, not counted.)
     */
    private void assertTheStoreHasNoGapAndHolds(String aggregate, long version, String written, String neverStored) {
        var stream = jdbc.sql("""
                        SELECT count(*), max(sequence_number),
                               count(*) FILTER (WHERE convert_from(payload, 'UTF8') LIKE :never)
                          FROM domain_event_entry WHERE aggregate_identifier = :id""")
                .param("id", aggregate)
                .param("never", "%" + neverStored + "%")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
        assertThat(stream[0])
                .as("events of %s: one per sequence number, no gap", aggregate)
                .isEqualTo(stream[1] + 1);
        assertThat(stream[2]).as("events of the write whose commit failed").isZero();
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                         WHERE aggregate_identifier = :id AND sequence_number = :version""")
                .param("id", aggregate)
                .param("version", version)
                .query(String.class)
                .single();
        assertThat(payload).as("the event at the version the write answered").contains(written);
    }

    private static long version(Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().get("version").asLong();
    }

    private static int itemNumber(Api.Response response) {
        return Integer.parseInt(response.json().get("itemId").asText().substring(2));
    }
}
