package uk.nhs.ics.transition.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one benchmark run does. {@code --mode=full} (the default) is the measurement we steer by; {@code --mode=smoke}
 * is the same code on a tiny programme for seconds, run by the test suite so the benchmark never rots.
 *
 * @param mode full or smoke
 * @param clients concurrent HTTP clients driving writes (and JDBC connections for the raw baseline)
 * @param duration how long the measured mixed write load and the raw baseline each run
 * @param systems how many ICSs (and their CCGs) to load; 0 means all 42
 * @param itemsPerCcg transfer items loaded into each CCG's scheme
 * @param targetEvents top the store up to this many events before measuring replays, as-of reads and memory
 * @param hotIcsEvents give one ICS at least this many events (its own and its CCGs') before measuring its as-of reads
 * @param asOfSamples as-of reads per endpoint
 * @param url a running service to drive instead of starting one (its dev-token endpoint must be on)
 * @param jdbcUrl that service's PostgreSQL, for the raw baseline and store counts (user from {@code PGUSER})
 * @param serviceJar the service's jar, started with the embedded default
 * @param serviceOptions JVM options for the started service
 * @param workDir where the run keeps the service's data, its log and the JSON result
 * @param report the Markdown file a full run appends its summary to (none for smoke)
 * @param seed the random seed of the write mix
 */
public record Settings(
        String mode,
        int clients,
        Duration duration,
        int systems,
        int itemsPerCcg,
        long targetEvents,
        long hotIcsEvents,
        int asOfSamples,
        URI url,
        String jdbcUrl,
        Path serviceJar,
        List<String> serviceOptions,
        Path workDir,
        Path report,
        long seed) {

    /** The full run, as the README's command starts it from the repository's root. */
    public static Settings full() {
        return new Settings(
                "full",
                8,
                Duration.ofSeconds(60),
                0,
                2_000,
                1_000_000,
                10_000,
                200,
                null,
                null,
                Path.of("modules/app/target/ics-transition.jar"),
                List.of("-Xmx512m"),
                Path.of("bench-results"),
                Path.of("docs/performance.md"),
                20211224L);
    }

    /** A run of seconds on three ICSs: every phase, nothing of scale. */
    public static Settings smoke(Path serviceJar, Path workDir) {
        return new Settings(
                "smoke",
                2,
                Duration.ofSeconds(3),
                3,
                5,
                0,
                50,
                5,
                null,
                null,
                serviceJar,
                List.of("-Xmx512m"),
                workDir,
                null,
                1L);
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
        Settings settings = new Settings(
                mode,
                integer(given, "clients", base.clients()),
                given.containsKey("duration") ? Duration.parse("PT" + given.get("duration")) : base.duration(),
                integer(given, "systems", base.systems()),
                integer(given, "items-per-ccg", base.itemsPerCcg()),
                longer(given, "target-events", base.targetEvents()),
                longer(given, "hot-ics-events", base.hotIcsEvents()),
                integer(given, "as-of-samples", base.asOfSamples()),
                given.containsKey("url") ? URI.create(given.get("url")) : null,
                given.getOrDefault("jdbc-url", null),
                Path.of(given.getOrDefault("service-jar", base.serviceJar().toString())),
                given.containsKey("service-options")
                        ? List.of(given.get("service-options").trim().split("\\s+"))
                        : base.serviceOptions(),
                Path.of(given.getOrDefault("work-dir", base.workDir().toString())),
                given.containsKey("report")
                        ? (given.get("report").isBlank() ? null : Path.of(given.get("report")))
                        : base.report(),
                longer(given, "seed", base.seed()));
        List<String> unknown = new ArrayList<>(given.keySet());
        unknown.removeAll(List.of(
                "mode",
                "clients",
                "duration",
                "systems",
                "items-per-ccg",
                "target-events",
                "hot-ics-events",
                "as-of-samples",
                "url",
                "jdbc-url",
                "service-jar",
                "service-options",
                "work-dir",
                "report",
                "seed"));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown settings: " + unknown);
        }
        if (settings.clients() < 1 || settings.itemsPerCcg() < 1) {
            throw new IllegalArgumentException("--clients and --items-per-ccg must be at least 1");
        }
        return settings;
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
        differs(args, "url", url, base.url);
        differs(args, "jdbc-url", jdbcUrl, base.jdbcUrl);
        differs(args, "service-options", String.join(" ", serviceOptions), String.join(" ", base.serviceOptions));
        differs(args, "seed", seed, base.seed);
        return args.stream()
                .map(arg -> arg.contains(" ") ? "'" + arg + "'" : arg)
                .collect(Collectors.joining(" "));
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
