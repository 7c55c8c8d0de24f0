package uk.nhs.ics.transition.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke mode, run with the test suite so the benchmark never rots: every phase runs, against the
 * jar the build has just made, on three ICSs, the demo's first quarter and a register of 50 rows, for seconds each,
 * and produces every figure. No figure is compared with its
 * goal here: speed is measured by the full run and written to docs/performance.md.
 */
class BenchmarkSmokeTest {

    @Test
    void a_smoke_run_measures_every_figure_against_the_built_service() throws Exception {
        Path jar = Path.of(System.getProperty("ics.bench.service-jar", "../app/target/ics-transition.jar"));
        Path workDir = Path.of(System.getProperty("ics.bench.work-dir", "target/bench-smoke"));
        List<String> progress = new ArrayList<>();

        Result result = Benchmark.run(Settings.smoke(jar, workDir), progress::add);

        assertThat(result.demo().until())
                .as("the smoke run loads the demo's first quarter")
                .isNotNull();
        assertThat(result.demo().readySeconds()).isPositive();
        assertThat(result.demo().events()).as("events of the demo").isGreaterThan(100);
        assertThat(result.demo().eventsPerSecond()).isPositive();
        assertThat(result.demo().caughtUpSeconds())
                .isGreaterThanOrEqualTo(result.demo().readySeconds());
        assertThat(result.demo().cpuUntilReady().service())
                .as("the service's CPU time")
                .isPositive();
        assertThat(result.demo().cpuUntilReady().database())
                .as("its PostgreSQL's CPU time")
                .isPositive();
        assertThat(result.register().imports()).isEqualTo(1);
        assertThat(result.register().firstImport().count()).isEqualTo(1);
        assertThat(result.register().reimport().count()).isEqualTo(1);
        assertThat(result.register().firstImport().p50()).isPositive();
        assertThat(result.register().reimport().p50()).isPositive();
        assertThat(result.register().firstImportCpu().count()).isEqualTo(1);
        assertThat(result.register().eventsPerImport())
                .as("one event per row and one for the import")
                .isEqualTo(result.register().rows() + 1L);

        Result.ProgrammePhase programme = result.programme();
        assertThat(programme.load().writes()).as("writes loaded").isGreaterThan(100);
        assertThat(programme.writes().writes()).as("writes in the mixed load").isPositive();
        assertThat(programme.writes().refused()).as("writes refused").isZero();
        assertThat(programme.writes().nodes())
                .as("the smoke run writes through two nodes")
                .isEqualTo(2);
        assertThat(programme.writes().conflictsRetried())
                .as("conflicts retried, read from both nodes' metrics")
                .isNotNull()
                .isNotNegative();
        assertThat(programme.writes().latency().p99()).isPositive();
        assertThat(programme.writes().transferLag().count()
                        + programme.writes().milestoneLag().count())
                .as("lag probes")
                .isPositive();
        assertThat(programme.raw().inserts()).as("raw inserts").isPositive();
        assertThat(programme.commandToRawRatio()).isPositive();
        assertThat(programme.hotIcsEvents()).isGreaterThanOrEqualTo(50);
        assertThat(programme.replays()).containsOnlyKeys(Benchmark.REPLAYED);
        assertThat(programme.replays().values())
                .allSatisfy(r -> assertThat(r.eventsPerSecond()).isPositive());
        assertThat(programme.icsAsOf().get("all").count()).isEqualTo(6 * 5);
        assertThat(programme.nationAsOf().count()).isPositive();
        assertThat(programme.pages())
                .containsKeys("/", "/systems/" + programme.hotIcs(), "/audit", "all")
                .hasSize(6);
        assertThat(programme.pages().get("all").count()).isEqualTo(5 * 5);
        assertThat(programme.evidencePack().ics()).isEqualTo(programme.hotIcs());
        assertThat(programme.evidencePack().events())
                .as("the hot ICS's pack holds its events and its CCGs'")
                .isGreaterThanOrEqualTo(programme.hotIcsEvents());
        assertThat(programme.evidencePack().latency().count()).isEqualTo(3);
        assertThat(programme.servicePeakResidentBytes()).isPositive();
        assertThat(Files.list(workDir).filter(p -> p.getFileName().toString().startsWith("result-")))
                .isNotEmpty();
        assertThat(result.soak().windows()).as("the soak's windows").hasSize(2);
        assertThat(result.soak().writes()).as("writes in the soak").isPositive();
        assertThat(result.soak().serverErrors()).as("5xx in the soak").isZero();
        assertThat(result.soak().windows())
                .allSatisfy(w -> assertThat(w.events()).isPositive());
        assertThat(Report.summary(result))
                .contains(
                        "conflicts the 2 nodes retried",
                        "The soak, window by window",
                        "commands / raw inserts",
                        "replay of milestones",
                        "demo up to 2021-06-30 loaded",
                        "register of 50 rows imported",
                        "the same register imported again, unchanged",
                        "page `/audit`",
                        "evidence pack of " + programme.hotIcs());
    }
}
