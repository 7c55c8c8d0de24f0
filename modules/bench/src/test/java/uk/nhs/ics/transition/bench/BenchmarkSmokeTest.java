package uk.nhs.ics.transition.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke mode, run with the test suite so the benchmark never rots: every phase runs, against the
 * jar the build has just made, on three ICSs for seconds, and produces every figure. No figure is compared with its
 * goal here: speed is measured by the full run and written to docs/performance.md.
 */
class BenchmarkSmokeTest {

    @Test
    void a_smoke_run_measures_every_figure_against_the_built_service() throws Exception {
        Path jar = Path.of(System.getProperty("ics.bench.service-jar", "../app/target/ics-transition.jar"));
        Path workDir = Path.of(System.getProperty("ics.bench.work-dir", "target/bench-smoke"));
        List<String> progress = new ArrayList<>();

        Result result = Benchmark.run(Settings.smoke(jar, workDir), progress::add);

        assertThat(result.load().writes()).as("writes loaded").isGreaterThan(100);
        assertThat(result.writes().writes()).as("writes in the mixed load").isPositive();
        assertThat(result.writes().refused()).as("writes refused").isZero();
        assertThat(result.writes().latency().p99()).isPositive();
        assertThat(result.writes().transferLag().count()
                        + result.writes().milestoneLag().count())
                .as("lag probes")
                .isPositive();
        assertThat(result.raw().inserts()).as("raw inserts").isPositive();
        assertThat(result.commandToRawRatio()).isPositive();
        assertThat(result.hotIcsEvents()).isGreaterThanOrEqualTo(50);
        assertThat(result.replays()).containsOnlyKeys(Benchmark.REPLAYED);
        assertThat(result.replays().values())
                .allSatisfy(r -> assertThat(r.eventsPerSecond()).isPositive());
        assertThat(result.icsAsOf().get("all").count()).isEqualTo(6 * 5);
        assertThat(result.nationAsOf().count()).isPositive();
        assertThat(result.pages())
                .containsKeys("/", "/systems/" + result.hotIcs(), "/audit", "all")
                .hasSize(6);
        assertThat(result.pages().get("all").count()).isEqualTo(5 * 5);
        assertThat(result.servicePeakResidentBytes()).isPositive();
        assertThat(Files.list(workDir).filter(p -> p.getFileName().toString().startsWith("result-")))
                .isNotEmpty();
        assertThat(Report.summary(result)).contains("commands / raw inserts", "replay of milestones", "page `/audit`");
    }
}
