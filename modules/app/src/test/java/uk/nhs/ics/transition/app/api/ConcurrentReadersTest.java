package uk.nhs.ics.transition.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.app.support.ConnectionsPerRequest;
import uk.nhs.ics.transition.app.support.EndToEndTest;

/**
 * Readers cannot take the service down: every read of the contract holds one pool connection at most (no query runs
 * inside another's row mapping), and 300 concurrent readers of every read endpoint get no 5xx while readiness stays
 * up.
 */
class ConcurrentReadersTest extends EndToEndTest {

    private static final Map<String, String> PATH_VALUES = Map.of(
            "icsCode", "QKS",
            "ccgCode", "91Q",
            "regionCode", "Y59",
            "name", "milestones");

    @Test
    void every_read_of_the_contract_holds_one_pool_connection_at_most() {
        String national = api.nationalTeam();
        List<String> reads = reads();
        Map<String, Integer> holdingMore = new java.util.TreeMap<>();

        for (String path : reads) {
            ConnectionsPerRequest.reset();
            Api.Response response = api.get(path).token(national).send();
            assertThat(response.status()).as("%s: %s", path, response).isLessThan(500);
            if (ConnectionsPerRequest.most() > 1) {
                holdingMore.put(path, ConnectionsPerRequest.most());
            }
        }

        assertThat(reads).hasSizeGreaterThan(20);
        assertThat(holdingMore)
                .as("reads that held more than one pool connection at once")
                .isEmpty();
    }

    @Test
    void three_hundred_concurrent_readers_of_every_read_endpoint_get_no_5xx_and_readiness_stays_up() throws Exception {
        String national = api.nationalTeam();
        List<String> reads = reads();
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(16))
                .build();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<Integer> readiness = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            while (reading.get()) {
                readiness.add(api.get("/actuator/health/readiness").send().status());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        probe.start();

        ExecutorService readers = Executors.newFixedThreadPool(300);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int reader = 0; reader < 300; reader++) {
                int first = reader;
                done.add(readers.submit(() -> {
                    start.await();
                    for (int i = 0; i < 3; i++) {
                        String path = reads.get((first + i * 7) % reads.size());
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                        .header("Authorization", "Bearer " + national)
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 500) {
                            failures.merge(path + " " + response.statusCode(), 1, Integer::sum);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get(3, TimeUnit.MINUTES);
            }
        } finally {
            readers.shutdownNow();
            reading.set(false);
            probe.join();
        }

        assertThat(failures).as("5xx answers to readers").isEmpty();
        assertThat(readiness).isNotEmpty().allMatch(status -> status == 200);
    }

    /** Every GET of the contract's API, with its path filled in. */
    private List<String> reads() {
        JsonNode docs = api.get("/v3/api-docs").send().json();
        List<String> reads = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = docs.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getValue().has("get") || !path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            String concrete = path.getKey();
            for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
                concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
            }
            if (!concrete.contains("{")) {
                reads.add(concrete);
            }
        }
        return reads;
    }
}
