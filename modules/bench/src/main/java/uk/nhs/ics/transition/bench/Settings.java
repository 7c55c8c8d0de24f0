package uk.nhs.ics.transition.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one benchmark run does. {@code --mode=full} (the default) is the measurement we steer by; {@code --mode=smoke}
 * is the same code on a tiny programme for seconds, run by the test suite so the benchmark never rots.
 *
 * @param mode full or smoke
 * @param phases what the run measures ({@code --phases=demo,register} measures only those two); each phase starts its
 *     own service on a fresh data folder
 * @param clients concurrent HTTP clients driving writes (and JDBC connections for the raw baseline)
 * @param duration how long the measured mixed write load and the raw baseline each run
 * @param systems how many ICSs (and their CCGs) to load; 0 means all 42
 * @param itemsPerCcg transfer items loaded into each CCG's scheme
 * @param targetEvents top the store up to this many events before measuring replays, as-of reads and memory
 * @param hotIcsEvents give one ICS at least this many events (its own and its CCGs') before measuring its as-of reads
 * @param asOfSamples as-of reads per endpoint
 * @param demoUntil the demo phase loads the demo's history up to this day ({@code ICS_CLOCK_FIXED_DATE}); null for
 *     the whole programme, which is what its goal is about
 * @param registerRows rows of the register the register phase imports and then imports again unchanged
 * @param registerImports how many such registers it imports (each into its own CCG's empty scheme), for medians
 * @param url a running service to drive instead of starting one (its dev-token endpoint must be on)
 * @param jdbcUrl that service's PostgreSQL, for the raw baseline and store counts (user from {@code PGUSER})
 * @param serviceJar the service's jar, started with the embedded default
 * @param serviceOptions JVM options for the started service
 * @param workDir where the run keeps the service's data, its log and the JSON result
 * @param report the Markdown file a full run appends its summary to (none for smoke)
 * @param seed the random seed of the write mix
 * @param nodes nodes of the service the programme phase's writers are spread over (one database; the first node runs
 *     it embedded, the others use it as an external PostgreSQL)
 * @param soak how long the soak phase keeps the mixed load running, reporting minute by minute
 */
public record Settings(
        String mode,
        List<Phase> phases,
        int clients,
        Duration duration,
        int systems,
        int itemsPerCcg,
        long targetEvents,
        long hotIcsEvents,
        int asOfSamples,
        LocalDate demoUntil,
        int registerRows,
        int registerImports,
        URI url,
        String jdbcUrl,
        Path serviceJar,
        List<String> serviceOptions,
        Path workDir,
        Path report,
        long seed,
        int nodes,
        Duration soak) {

    /**
     * What a run can measure, each phase on its own freshly started service, in this order (the short ones first, so
     * that a fault shows within minutes): the demo's load; a register's import and re-import; the programme and
     * everything measured on it (mixed writes, raw baseline, replays, as-of reads, memory).
     */
    public enum Phase {
        DEMO,
        REGISTER,
        PROGRAMME,
        /** The mixed load for a long time, window by window: errors, memory and lag over time. Only when asked. */
        SOAK;

        /** As given in {@code --phases}. */
        String argument() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Phase of(String argument) {
            return Arrays.stream(values())
                    .filter(phase -> phase.argument().equals(argument.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--phases are among "
                            + Arrays.stream(values()).map(Phase::argument).toList() + "; not " + argument));
        }
    }

    public Settings {
        phases = List.copyOf(phases);
    }

    /** Whether the run measures this phase. */
    public boolean measures(Phase phase) {
        return phases.contains(phase);
    }

    /** The full run, as the README's command starts it from the repository's root. */
    public static Settings full() {
        return new Settings(
                "full",
                List.of(Phase.DEMO, Phase.REGISTER, Phase.PROGRAMME),
                8,
                Duration.ofSeconds(60),
                0,
                2_000,
                1_000_000,
                10_000,
                200,
                null,
                10_000,
                5,
                null,
                null,
                Path.of("modules/app/target/ics-transition.jar"),
                List.of("-Xmx512m"),
                Path.of("bench-results"),
                Path.of("docs/performance.md"),
                20211224L,
                1,
                Duration.ofMinutes(30));
    }

    /**
     * A run of seconds on three ICSs: every phase, nothing of scale (the demo's first quarter, a register of 50 rows).
     */
    public static Settings smoke(Path serviceJar, Path workDir) {
        return new Settings(
                "smoke",
                List.of(Phase.values()),
                2,
                Duration.ofSeconds(3),
                3,
                5,
                0,
                50,
                5,
                LocalDate.of(2021, 6, 30),
                50,
                1,
                null,
                null,
                serviceJar,
                List.of("-Xmx512m"),
                workDir,
                null,
                1L,
                2,
                Duration.ofSeconds(6));
    }

    /** Settings from {@code --name=value} arguments over the defaults of their mode. */
    public static Settings parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value; not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String mode = given.getOrDefault("mode", "full");
        Settings base =
                switch (mode) {
                    case "full" -> full();
                    case "smoke" -> smoke(full().serviceJar(), Path.of("bench-results/smoke"));
                    default -> throw new IllegalArgumentException("--mode is full or smoke, not " + mode);
                };
        URI url = given.containsKey("url") ? URI.create(given.get("url")) : null;
        List<Phase> phases = given.containsKey("phases")
                ? Arrays.stream(given.get("phases").split(","))
                        .map(Phase::of)
                        .distinct()
                        .sorted()
                        .toList()
                : defaultPhases(base, url);
        Settings settings = new Settings(
                mode,
                phases,
                integer(given, "clients", base.clients()),
                given.containsKey("duration") ? Duration.parse("PT" + given.get("duration")) : base.duration(),
                integer(given, "systems", base.systems()),
                integer(given, "items-per-ccg", base.itemsPerCcg()),
                longer(given, "target-events", base.targetEvents()),
                longer(given, "hot-ics-events", base.hotIcsEvents()),
                integer(given, "as-of-samples", base.asOfSamples()),
                given.containsKey("demo-until")
                        ? (given.get("demo-until").isBlank() ? null : LocalDate.parse(given.get("demo-until")))
                        : base.demoUntil(),
                integer(given, "register-rows", base.registerRows()),
                integer(given, "register-imports", base.registerImports()),
                url,
                given.getOrDefault("jdbc-url", null),
                Path.of(given.getOrDefault("service-jar", base.serviceJar().toString())),
                given.containsKey("service-options")
                        ? List.of(given.get("service-options").trim().split("\\s+"))
                        : base.serviceOptions(),
                Path.of(given.getOrDefault("work-dir", base.workDir().toString())),
                given.containsKey("report")
                        ? (given.get("report").isBlank() ? null : Path.of(given.get("report")))
                        : base.report(),
                longer(given, "seed", base.seed()),
                integer(given, "nodes", base.nodes()),
                given.containsKey("soak") ? Duration.parse("PT" + given.get("soak")) : base.soak());
        List<String> unknown = new ArrayList<>(given.keySet());
        unknown.removeAll(List.of(
                "mode",
                "phases",
                "clients",
                "duration",
                "systems",
                "items-per-ccg",
                "target-events",
                "hot-ics-events",
                "as-of-samples",
                "demo-until",
                "register-rows",
                "register-imports",
                "url",
                "jdbc-url",
                "service-jar",
                "service-options",
                "work-dir",
                "report",
                "seed",
                "nodes",
                "soak"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown settings: " + unknown);
        }
        if (settings.clients() < 1
                || settings.itemsPerCcg() < 1
                || settings.registerRows() < 1
                || settings.registerImports() < 1
                || settings.nodes() < 1) {
            throw new IllegalArgumentException(
                    "--clients, --items-per-ccg, --register-rows, --register-imports and --nodes must be at least 1");
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("--phases names at least one phase");
        }
        if (url != null && settings.nodes() > 1) {
            throw new IllegalArgumentException("--nodes starts the other nodes on the first one's embedded database:"
                    + " it cannot be combined with --url");
        }
        if (url != null && !phases.equals(List.of(Phase.PROGRAMME))) {
            throw new IllegalArgumentException("--url drives a running service, so only the programme phase runs:"
                    + " the demo and register phases each start the service on a fresh data folder");
        }
        return settings;
    }

    /** Every phase; only the programme against a running service (the others need a fresh data folder). */
    private static List<Phase> defaultPhases(Settings base, URI url) {
        return url == null ? base.phases() : List.of(Phase.PROGRAMME);
    }

    /**
     * The arguments that reproduce these settings' measured workload: those that differ from their mode's defaults
     * (where the run keeps its files, and which jar it starts, are left out).
     */
    public String arguments() {
        Settings base = mode.equals("full") ? full() : smoke(serviceJar, workDir);
        List<String> args = new ArrayList<>();
        if (!mode.equals("full")) {
            args.add("--mode=" + mode);
        }
        differs(args, "phases", joined(phases), joined(defaultPhases(base, url)));
        differs(args, "clients", clients, base.clients);
        differs(
                args,
                "duration",
                duration.toString().substring(2),
                base.duration.toString().substring(2));
        differs(args, "systems", systems, base.systems);
        differs(args, "items-per-ccg", itemsPerCcg, base.itemsPerCcg);
        differs(args, "target-events", targetEvents, base.targetEvents);
        differs(args, "hot-ics-events", hotIcsEvents, base.hotIcsEvents);
        differs(args, "as-of-samples", asOfSamples, base.asOfSamples);
        differs(
                args,
                "demo-until",
                demoUntil == null ? "" : demoUntil.toString(),
                base.demoUntil == null ? "" : base.demoUntil.toString());
        differs(args, "register-rows", registerRows, base.registerRows);
        differs(args, "register-imports", registerImports, base.registerImports);
        differs(args, "url", url, base.url);
        differs(args, "jdbc-url", jdbcUrl, base.jdbcUrl);
        differs(args, "service-options", String.join(" ", serviceOptions), String.join(" ", base.serviceOptions));
        differs(args, "seed", seed, base.seed);
        differs(args, "nodes", nodes, base.nodes);
        differs(args, "soak", soak.toString().substring(2), base.soak.toString().substring(2));
        return args.stream()
                .map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg)
                .collect(Collectors.joining(" "));
    }

    private static String joined(List<Phase> phases) {
        return phases.stream().map(Phase::argument).collect(Collectors.joining(","));
    }

    private static void differs(List<String> args, String name, Object value, Object otherwise) {
        if (!Objects.equals(value, otherwise)) {
            args.add("--" + name + "=" + value);
        }
    }

    private static int integer(Map<String, String> given, String name, int otherwise) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name).replace("_", "")) : otherwise;
    }

    private static long longer(Map<String, String> given, String name, long otherwise) {
        return given.containsKey(name) ? Long.parseLong(given.get(name).replace("_", "")) : otherwise;
    }
}
