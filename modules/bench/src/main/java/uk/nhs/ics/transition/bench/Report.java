package uk.nhs.ics.transition.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The readable summary of a run, with each goal and whether the run met it (reported, never asserted). */
final class Report {

    private Report() {}

    static void append(Path report, Result result) throws IOException {
        Files.writeString(
                report,
                "\n" + summary(result),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static String summary(Result r) {
        StringBuilder out = new StringBuilder();
        Settings s = r.settings();
        out.append("### Run of ")
                .append(r.started())
                .append(" (")
                .append(r.mode())
                .append(")\n\n");
        out.append("- machine: ")
                .append(r.machine().cpu())
                .append(", ")
                .append(r.machine().cores())
                .append(" cores, ")
                .append(gib(r.machine().memoryBytes()))
                .append(" GiB; ")
                .append(r.machine().os())
                .append("; ")
                .append(r.machine().jvm())
                .append('\n');
        List<String> settings = new ArrayList<>();
        if (r.demo() != null) {
            settings.add(
                    r.demo().until() == null
                            ? "the whole demo"
                            : "the demo up to " + r.demo().until());
        }
        if (r.register() != null) {
            settings.add(
                    r.register().imports() + " registers of " + r.register().rows() + " rows");
        }
        if (r.programme() != null) {
            settings.add(s.clients() + " clients" + (s.nodes() > 1 ? " over " + s.nodes() + " nodes" : "") + ", "
                    + s.duration().toSeconds() + " s per measured phase, "
                    + (s.systems() == 0 ? "all" : s.systems()) + " ICSs, " + s.itemsPerCcg()
                    + " items per CCG, store topped up to " + s.targetEvents() + " events");
        }
        if (r.soak() != null) {
            settings.add("soak of " + r.soak().soak().toSeconds() + " s in windows of "
                    + r.soak().window().toSeconds() + " s");
        }
        settings.add("service options " + (s.serviceOptions().isEmpty() ? "none" : s.serviceOptions()));
        out.append("- settings: ").append(String.join("; ", settings)).append('\n');
        out.append("- command: `java -jar modules/bench/target/ics-transition-bench.jar")
                .append(s.arguments().isEmpty() ? "" : " " + s.arguments())
                .append("`\n");
        if (r.programme() != null) {
            Result.ProgrammePhase p = r.programme();
            out.append("- load: ")
                    .append(p.load().writes())
                    .append(" writes in ")
                    .append(round(p.load().seconds()))
                    .append(" s (")
                    .append(round(p.load().writes() / p.load().seconds()))
                    .append(" per s), ")
                    .append(p.load().events())
                    .append(" events stored; top-up ")
                    .append(p.topUp().writes())
                    .append(" writes in ")
                    .append(round(p.topUp().seconds()))
                    .append(" s; finally ")
                    .append(p.events())
                    .append(" events, ")
                    .append(p.hotIcsEvents())
                    .append(" of them ")
                    .append(p.hotIcs())
                    .append("'s\n");
        }
        out.append("\n| figure | measured | goal | |\n|---|---|---|---|\n");
        if (r.demo() != null) {
            demo(out, r.demo());
        }
        if (r.register() != null) {
            register(out, r.register());
        }
        if (r.programme() != null) {
            programme(out, s, r.programme());
        }
        if (r.soak() != null) {
            soak(out, r.soak());
        }
        return out.toString();
    }

    private static void demo(StringBuilder out, DemoLoad.Outcome demo) {
        boolean whole = demo.until() == null;
        row(
                out,
                "demo " + (whole ? "programme" : "up to " + demo.until()) + " loaded: `java -jar` with `ICS_DEMO="
                        + DemoLoad.DEMO + "` until ready (s; " + demo.events() + " events, "
                        + round(demo.eventsPerSecond()) + " per s)",
                decimal(demo.readySeconds()),
                whole ? "< 60" : "",
                whole ? demo.readySeconds() < 60 : null);
        row(out, "demo: until every read model has caught up (s)", decimal(demo.caughtUpSeconds()), "", null);
        if (demo.cpuUntilReady() != null) {
            row(
                    out,
                    "demo: CPU used until ready, service / its PostgreSQL (s)",
                    decimal(demo.cpuUntilReady().service()) + " / "
                            + decimal(demo.cpuUntilReady().database()),
                    "",
                    null);
        }
    }

    private static void register(StringBuilder out, RegisterImport.Outcome register) {
        boolean goalSize = register.rows() == 10_000;
        String of = register.imports() == 1 ? "" : ", median of " + register.imports();
        row(
                out,
                "register of " + register.rows() + " rows imported (s" + of + "; " + register.eventsPerImport()
                        + " events)",
                seconds(register.firstImport()),
                goalSize ? "< 10" : "",
                goalSize ? register.firstImport().p50() < 10_000 : null);
        row(
                out,
                "the same register imported again, unchanged (s" + of + ")",
                seconds(register.reimport()),
                goalSize ? "< 3" : "",
                goalSize ? register.reimport().p50() < 3_000 : null);
        row(
                out,
                "after an import, until every read model has caught up (s" + of + ")",
                seconds(register.caughtUp()),
                "",
                null);
        if (register.firstImportCpu().count() > 0) {
            row(
                    out,
                    "CPU used while an import is answered, service and its PostgreSQL (s" + of + "): first / again",
                    seconds(register.firstImportCpu()) + " / " + seconds(register.reimportCpu()),
                    "",
                    null);
        }
    }

    private static void programme(StringBuilder out, Settings s, Result.ProgrammePhase r) {
        MixedLoad.Outcome w = r.writes();
        RawBaseline.Outcome raw = r.raw();
        row(out, "commands per second (" + s.clients() + " clients)", round(w.writesPerSecond()), "", null);
        row(
                out,
                "raw INSERT + COMMIT per second (" + s.clients() + " connections, " + raw.payloadBytes() + " + "
                        + raw.metadataBytes() + " bytes)",
                round(raw.insertsPerSecond()),
                "",
                null);
        row(
                out,
                "**commands / raw inserts**",
                percent(r.commandToRawRatio()),
                ">= 50 %",
                r.commandToRawRatio() == null ? null : r.commandToRawRatio() >= 0.5);
        row(
                out,
                "write latency p50 / p95 / p99 (ms)",
                triple(w.latency()),
                "p99 < 50",
                below(w.latency().p99(), 50));
        row(out, "raw insert latency p50 / p95 / p99 (ms)", triple(raw.latency()), "", null);
        row(
                out,
                "projection lag, transfer scheme p50 / p99 (ms)",
                pair(w.transferLag()),
                "p99 < 500",
                below(w.transferLag().p99(), 500));
        row(
                out,
                "projection lag, milestones p50 / p99 (ms)",
                pair(w.milestoneLag()),
                "p99 < 500",
                below(w.milestoneLag().p99(), 500));
        row(
                out,
                "writes refused during the load (by HTTP status)",
                w.refused() + (w.refusedByStatus().isEmpty() ? "" : " " + w.refusedByStatus()),
                "0",
                w.refused() == 0);
        if (w.nodes() > 1) {
            row(
                    out,
                    "conflicts the " + w.nodes() + " nodes retried (per second; " + w.conflictsRetried() + " in all)",
                    w.conflictsRetriedPerSecond() == null ? "n/a" : decimal(w.conflictsRetriedPerSecond()),
                    "",
                    null);
        }
        for (Map.Entry<String, Measures.Replay> replay : r.replays().entrySet()) {
            row(
                    out,
                    "replay of " + replay.getKey() + " (events per second over "
                            + replay.getValue().events() + ")",
                    round(replay.getValue().eventsPerSecond()),
                    ">= 20,000",
                    replay.getValue().eventsPerSecond() >= 20_000);
        }
        Samples.Percentiles ics = r.icsAsOf().get("all");
        row(
                out,
                "one ICS as of an instant, p50 / p95 (ms; " + r.hotIcs() + ", " + r.hotIcsEvents() + " events)",
                ics.p50() + " / " + ics.p95(),
                "p95 < 200",
                below(ics.p95(), 200));
        row(
                out,
                "the nation as of an instant, p50 / p95 / max (ms; " + r.events() + " events)",
                r.nationAsOf().p50() + " / " + r.nationAsOf().p95() + " / "
                        + r.nationAsOf().max(),
                "< 2,000",
                below(r.nationAsOf().max(), 2000));
        for (Map.Entry<String, Samples.Percentiles> page : r.pages().entrySet()) {
            if (!page.getKey().equals("all")) {
                Samples.Percentiles p = page.getValue();
                row(
                        out,
                        "page `" + page.getKey() + "` p50 / p95 (ms; HTML, today and random dates)",
                        p.p50() + " / " + p.p95(),
                        "p95 < 300",
                        below(p.p95(), 300));
            }
        }
        if (r.evidencePack() != null) {
            Measures.Pack pack = r.evidencePack();
            row(
                    out,
                    "evidence pack of " + pack.ics() + " (whole history: " + pack.events() + " events, "
                            + pack.bytes() / 1024 + " KiB) p50 / max (ms)",
                    pack.latency().p50() + " / " + pack.latency().max(),
                    r.events() >= 1_000_000 ? "< 5,000 at 1M events" : "",
                    r.events() >= 1_000_000 ? below(pack.latency().max(), 5000) : null);
        }
        row(
                out,
                "service peak resident memory (MiB)",
                r.servicePeakResidentBytes() == null
                        ? "n/a"
                        : Long.toString(r.servicePeakResidentBytes() / (1024 * 1024)),
                "< 1,024 at 1M events",
                r.servicePeakResidentBytes() == null ? null : r.servicePeakResidentBytes() < 1024L * 1024 * 1024);
        out.append("\nAs of an instant, per read of ").append(r.hotIcs()).append(" (p50 / p95 / p99 ms): ");
        r.icsAsOf().forEach((path, p) -> {
            if (!path.equals("all")) {
                String read = path.replace("/api/v1/systems/" + r.hotIcs(), "");
                out.append('`')
                        .append(read.isEmpty() ? "/" : read)
                        .append("` ")
                        .append(triple(p))
                        .append("; ");
            }
        });
        out.setLength(out.length() - 2);
        out.append(".\n");
    }

    private static void soak(StringBuilder out, Soak.Outcome soak) {
        row(
                out,
                "soak: writes, refused, 5xx over " + soak.soak().toSeconds() + " s",
                soak.writes() + ", " + soak.refused() + ", " + soak.serverErrors(),
                "no 5xx",
                soak.serverErrors() == 0);
        out.append("\nThe soak, window by window:\n\n")
                .append("| window | ended after (s) | writes/s | refused (5xx) | write p99 (ms) | lag p99, transfer / ")
                .append("milestones (ms) | resident (MiB) | events |\n|---|---|---|---|---|---|---|---|\n");
        for (Soak.Window w : soak.windows()) {
            out.append("| ")
                    .append(w.index())
                    .append(" | ")
                    .append(round(w.endedAfterSeconds()))
                    .append(" | ")
                    .append(round(w.writesPerSecond()))
                    .append(" | ")
                    .append(w.refused())
                    .append(" (")
                    .append(w.serverErrors())
                    .append(") | ")
                    .append(w.latencyP99())
                    .append(" | ")
                    .append(w.transferLagP99())
                    .append(" / ")
                    .append(w.milestoneLagP99())
                    .append(" | ")
                    .append(w.residentBytes() == null ? "n/a" : Long.toString(w.residentBytes() / (1024 * 1024)))
                    .append(" | ")
                    .append(w.events())
                    .append(" |\n");
        }
    }

    private static void row(StringBuilder out, String figure, String value, String goal, Boolean met) {
        out.append("| ")
                .append(figure)
                .append(" | ")
                .append(value)
                .append(" | ")
                .append(goal)
                .append(" | ")
                .append(met == null ? "" : met ? "met" : "**missed**")
                .append(" |\n");
    }

    private static Boolean below(Double value, double limit) {
        return value == null ? null : value < limit;
    }

    private static String triple(Samples.Percentiles p) {
        return p.p50() + " / " + p.p95() + " / " + p.p99();
    }

    private static String pair(Samples.Percentiles p) {
        return p.count() == 0 ? "n/a" : p.p50() + " / " + p.p99() + " (" + p.count() + " probes)";
    }

    private static String percent(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.UK, "%.0f %%", ratio * 100);
    }

    /** The median in seconds, and the slowest when there are several. */
    private static String seconds(Samples.Percentiles p) {
        String median = String.format(Locale.UK, "%,.2f", p.p50() / 1000);
        return p.count() > 1 ? median + String.format(Locale.UK, " (slowest %,.2f)", p.max() / 1000) : median;
    }

    private static String decimal(double value) {
        return String.format(Locale.UK, "%,.1f", value);
    }

    private static String round(double value) {
        return String.format(Locale.UK, "%,.0f", value);
    }

    private static String gib(long bytes) {
        return String.format(Locale.UK, "%.1f", bytes / (1024.0 * 1024 * 1024));
    }
}
