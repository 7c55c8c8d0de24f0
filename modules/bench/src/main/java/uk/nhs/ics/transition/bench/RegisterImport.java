package uk.nhs.ics.transition.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A CCG's register imported as a programme manager uploads it ({@code POST /api/v1/ccgs/{ccg}/transfer/imports}, CSV),
 * then the same file again, which changes nothing. Each register goes into its own CCG's empty scheme on a service
 * started for this phase alone, and every upload waits until the read models have caught up with what came before
 * it, so that it is timed on a quiet service, as a programme manager's would be.
 */
final class RegisterImport {

    /** The register's columns, as the service's template has them. */
    static final List<String> COLUMNS = List.of(
            "kind",
            "reference",
            "description",
            "receivingIcs",
            "valuePence",
            "counterparty",
            "annualValuePence",
            "endDate",
            "novationRequired",
            "staffGroup",
            "headcount",
            "wte");

    /**
     * What the phase measured; durations in milliseconds, from request sent to the report received.
     *
     * @param rows rows per register
     * @param imports registers imported (each once, then once again)
     * @param firstImport the imports that added every row
     * @param reimport the same registers again, unchanged
     * @param caughtUp from a first import's answer until every read model had caught up with it
     * @param eventsPerImport the events one first import stored
     * @param firstImportCpu CPU time the service and its PostgreSQL used while a first import was answered (none
     *     where not measurable)
     * @param reimportCpu the same for the imports again
     */
    record Outcome(
            int rows,
            int imports,
            Samples.Percentiles firstImport,
            Samples.Percentiles reimport,
            Samples.Percentiles caughtUp,
            long eventsPerImport,
            Samples.Percentiles firstImportCpu,
            Samples.Percentiles reimportCpu) {}

    private RegisterImport() {}

    static Outcome run(Settings settings, Consumer<String> progress) throws Exception {
        progress.accept("register: starting the service on a fresh data folder");
        try (ServiceUnderTest service = ServiceUnderTest.start(
                settings,
                settings.workDir().resolve("register"),
                Map.of(),
                List.of("--ics.clock.fixed-date=" + ServiceUnderTest.BUSINESS_DATE),
                Duration.ofMinutes(5))) {
            Http http = new Http(service.url());
            Programme programme = Programme.discover(http, 0);
            Measures measures = new Measures(http, programme, service.jdbcUrl());
            if (programme.ccgs.size() < settings.registerImports()) {
                throw new IllegalArgumentException(
                        "--register-imports is at most " + programme.ccgs.size() + ", one register per CCG");
            }
            Samples first = new Samples();
            Samples again = new Samples();
            Samples caughtUp = new Samples();
            Samples firstCpu = new Samples();
            Samples againCpu = new Samples();
            long eventsPerImport = 0;
            for (int i = 0; i < settings.registerImports(); i++) {
                String ccg = programme.ccgs.get(i);
                byte[] register = register(ccg, settings.registerRows(), new Random(settings.seed() + i));
                measures.awaitCaughtUp(Duration.ofMinutes(10));
                long before = measures.events();

                Optional<ServiceUnderTest.Cpu> cpu = service.cpu();
                long start = System.nanoTime();
                JsonNode imported = upload(http, programme, ccg, register);
                long importNanos = System.nanoTime() - start;
                first.add(importNanos);
                used(cpu, service).ifPresent(firstCpu::add);
                expect(imported, "added", settings.registerRows(), ccg);
                long answered = System.nanoTime();
                measures.awaitCaughtUp(Duration.ofMinutes(10));
                caughtUp.add(System.nanoTime() - answered);
                eventsPerImport = measures.events() - before;

                cpu = service.cpu();
                start = System.nanoTime();
                JsonNode reimported = upload(http, programme, ccg, register);
                long reimportNanos = System.nanoTime() - start;
                again.add(reimportNanos);
                used(cpu, service).ifPresent(againCpu::add);
                expect(reimported, "unchanged", settings.registerRows(), ccg);
                if (reimported.get("version").asLong()
                        != imported.get("version").asLong()) {
                    throw new IllegalStateException(
                            "importing " + ccg + "'s register again changed its scheme: version "
                                    + imported.get("version") + " became " + reimported.get("version"));
                }
                progress.accept(String.format(
                        Locale.UK,
                        "register of %d rows into %s: imported in %.2f s, again unchanged in %.2f s",
                        settings.registerRows(),
                        ccg,
                        importNanos / 1e9,
                        reimportNanos / 1e9));
            }
            return new Outcome(
                    settings.registerRows(),
                    settings.registerImports(),
                    first.percentiles(),
                    again.percentiles(),
                    caughtUp.percentiles(),
                    eventsPerImport,
                    firstCpu.percentiles(),
                    againCpu.percentiles());
        }
    }

    /** The CPU time the service and its PostgreSQL used since {@code before}, in nanoseconds. */
    private static OptionalLong used(Optional<ServiceUnderTest.Cpu> before, ServiceUnderTest service) {
        Optional<ServiceUnderTest.Cpu> after = service.cpu();
        if (before.isEmpty() || after.isEmpty()) {
            return OptionalLong.empty();
        }
        ServiceUnderTest.Cpu used = after.get().since(before.get());
        return OptionalLong.of(Math.round((used.service() + used.database()) * 1e9));
    }

    /** The register as a spreadsheet saves it: the template's columns, one item a row, a mix of kinds. */
    static byte[] register(String ccg, int rows, Random random) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (int n = 1; n <= rows; n++) {
            Map<String, Object> item = Programme.item(Programme.kindFor(random), random);
            for (String column : COLUMNS) {
                Object value =
                        column.equals("reference") ? ccg + "-BENCH-" + String.format("%05d", n) : item.get(column);
                if (!column.equals(COLUMNS.get(0))) {
                    csv.append(',');
                }
                csv.append(value == null ? "" : value);
            }
            csv.append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode upload(Http http, Programme programme, String ccg, byte[] register) {
        return http.expectOk(
                        http.upload(
                                programme.managerToken,
                                "/api/v1/ccgs/" + ccg + "/transfer/imports?reason=Benchmark",
                                register,
                                "text/csv",
                                Map.of("Content-Disposition", "attachment; filename=\"" + ccg + "-register.csv\"")),
                        "importing " + ccg + "'s register")
                .json();
    }

    /** Fails the run unless the import was applied and every row did what it should. */
    private static void expect(JsonNode report, String count, int rows, String ccg) {
        if (!report.get("accepted").asBoolean()
                || report.get("dryRun").asBoolean()
                || report.get("counts").get(count).asInt() != rows) {
            throw new IllegalStateException(
                    ccg + "'s register of " + rows + " rows was not " + count + " row by row: " + report.get("counts"));
        }
    }
}
