package uk.nhs.ics.transition.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service being measured: the built jar started as a user starts it (the embedded default, its own PostgreSQL
 * on a port we choose so the raw baseline can use the same server), or a service already running elsewhere.
 */
final class ServiceUnderTest implements AutoCloseable {

    /** Linux's unit of process CPU time in {@code /proc} (USER_HZ, 100 on every architecture the JDK runs on). */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    /** The business date the run's service works on: Q1 to Q3 are past, so their milestones can be completed. */
    static final String BUSINESS_DATE = "2022-02-01";

    private final Process process;
    private final List<String> command;
    private final Map<String, String> environment;
    private final URI url;
    private final String jdbcUrl;
    private final Path log;
    private Path dataDir;
    private long launched;
    private double readySeconds = Double.NaN;

    private ServiceUnderTest(Process process, URI url, String jdbcUrl, Path log) {
        this(process, List.of(), Map.of(), url, jdbcUrl, log);
    }

    private ServiceUnderTest(
            Process process, List<String> command, Map<String, String> environment, URI url, String jdbcUrl, Path log) {
        this.process = process;
        this.command = command;
        this.environment = environment;
        this.url = url;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
    }

    /** The plain service on a fresh data folder in the run's folder, its business date {@link #BUSINESS_DATE}. */
    static ServiceUnderTest start(Settings settings) throws IOException, InterruptedException {
        return start(
                settings,
                settings.workDir(),
                Map.of(),
                List.of("--ics.clock.fixed-date=" + BUSINESS_DATE),
                Duration.ofMinutes(5));
    }

    /**
     * The service's jar started as a user starts it, on a fresh data folder under {@code folder} (its log beside it),
     * with the run's JVM options, these environment variables (and no inherited {@code ICS_DEMO} or
     * {@code ICS_CLOCK_FIXED_DATE}) and these arguments; ready when its readiness probe answers 200.
     */
    static ServiceUnderTest start(
            Settings settings, Path folder, Map<String, String> environment, List<String> arguments, Duration patience)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.serviceJar())) {
            throw new IllegalStateException("no service jar at "
                    + settings.serviceJar().toAbsolutePath() + ": build it first (./mvnw -B -DskipTests package)");
        }
        Path dataDir = folder.resolve("data").toAbsolutePath();
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        int httpPort = freePort();
        int databasePort = freePort();
        Path log = folder.resolve("service.log").toAbsolutePath();
        List<String> command = serviceCommand(settings, httpPort);
        command.add("--ics.data-dir=" + dataDir);
        command.add("--ics.database.embedded-port=" + databasePort);
        command.addAll(arguments);
        return launch(
                command,
                environment,
                URI.create("http://localhost:" + httpPort),
                "jdbc:postgresql://localhost:" + databasePort + "/ics_transition?user=postgres",
                log,
                dataDir,
                patience);
    }

    /** The service's jar as every node of a run starts it: the run's JVM options, its own port, the run's tokens. */
    private static List<String> serviceCommand(Settings settings, int httpPort) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(settings.serviceOptions());
        command.add("-jar");
        command.add(settings.serviceJar().toAbsolutePath().toString());
        command.add("--server.port=" + httpPort);
        command.add("--ics.security.dev-token-lifetime=12h");
        // the benchmark measures what the service can do, not its per-caller rate limit (its clients share tokens)
        command.add("--ics.web.rate-limit.per-second=1000000");
        return command;
    }

    /**
     * Another node of the same service: its own JVM, caches and processors, on the first node's database as on an
     * external PostgreSQL (so it neither starts a server nor migrates), trusting the development tokens the first one
     * issues (the same key, from the first one's data folder) and sealing events and signing evidence with the same
     * keys.
     */
    static ServiceUnderTest startAnotherNode(Settings settings, ServiceUnderTest first, Path folder, Duration patience)
            throws IOException, InterruptedException {
        if (first.dataDir == null) {
            throw new IllegalStateException("another node needs a first one started here, on the embedded default");
        }
        Files.createDirectories(folder);
        int httpPort = freePort();
        Path log = folder.resolve("service.log").toAbsolutePath();
        String password =
                Files.readString(first.dataDir.resolve("postgres-password")).strip();
        String database = first.jdbcUrl.substring(0, first.jdbcUrl.indexOf('?'));
        List<String> command = serviceCommand(settings, httpPort);
        command.add("--spring.datasource.url=" + database);
        command.add("--spring.datasource.username=postgres");
        command.add("--ics.security.dev-tokens=true");
        command.add("--ics.data-dir=" + first.dataDir);
        command.add("--ics.audit.seal.key-dir=" + first.dataDir.resolve("event-seal-keys"));
        // the key evidence packs and digests are signed with, which the first one generated
        command.add("--ics.audit.signing.key-file=" + first.dataDir.resolve("service-signing-key.pem"));
        command.add("--ics.clock.fixed-date=" + BUSINESS_DATE);
        return launch(
                command,
                Map.of("SPRING_DATASOURCE_PASSWORD", password),
                URI.create("http://localhost:" + httpPort),
                first.jdbcUrl,
                log,
                null,
                patience);
    }

    /**
     * The same service started again, as before, on the data folder a killed (or stopped) one left behind: the same
     * ports, arguments and environment; its log is appended to.
     */
    static ServiceUnderTest restart(ServiceUnderTest stopped, Duration patience)
            throws IOException, InterruptedException {
        if (stopped.process == null || stopped.process.isAlive()) {
            throw new IllegalStateException("only a service started here, and stopped, can be started again");
        }
        return launch(
                stopped.command,
                stopped.environment,
                stopped.url,
                stopped.jdbcUrl,
                stopped.log,
                stopped.dataDir,
                patience);
    }

    private static ServiceUnderTest launch(
            List<String> command,
            Map<String, String> environment,
            URI url,
            String jdbcUrl,
            Path log,
            Path dataDir,
            Duration patience)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("ICS_DEMO");
        builder.environment().remove("ICS_CLOCK_FIXED_DATE");
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        Process process = builder.start();
        ServiceUnderTest service = new ServiceUnderTest(process, command, environment, url, jdbcUrl, log);
        service.launched = launched;
        service.dataDir = dataDir;
        try {
            service.awaitReady(patience);
        } catch (RuntimeException | InterruptedException notReady) {
            service.close();
            throw notReady;
        }
        service.readySeconds = service.secondsSinceLaunch();
        return service;
    }

    /** Kills the service's JVM at once (SIGKILL), as a crash or an out-of-memory kill would. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The service's process id (the token store names a node by it). */
    long pid() {
        return process.pid();
    }

    /** The service's data folder (its embedded PostgreSQL's files are in {@code postgres}). */
    Path dataDir() {
        return dataDir;
    }

    static ServiceUnderTest attach(URI url, String jdbcUrl) throws InterruptedException {
        ServiceUnderTest service = new ServiceUnderTest(null, url, jdbcUrl, null);
        service.awaitReady(Duration.ofMinutes(1));
        return service;
    }

    URI url() {
        return url;
    }

    /** The service's PostgreSQL, or null if it was not given. */
    /** The service's database; on the embedded server, with its superuser's password from the data folder. */
    String jdbcUrl() {
        Path password = dataDir == null ? null : dataDir.resolve("postgres-password");
        if (password != null && Files.exists(password)) {
            try {
                return jdbcUrl + "&password=" + Files.readString(password).strip();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return jdbcUrl;
    }

    boolean started() {
        return process != null;
    }

    /** Seconds from launching the process until the readiness probe answered 200 (NaN if attached, not started). */
    double readySeconds() {
        return readySeconds;
    }

    /** Seconds since the process was launched (NaN if attached, not started). */
    double secondsSinceLaunch() {
        return process == null ? Double.NaN : (System.nanoTime() - launched) / 1e9;
    }

    /** The most memory the service's process has had resident (Linux's VmHWM), if it was started here. */
    OptionalLong peakResidentBytes() {
        return status("VmHWM:");
    }

    OptionalLong residentBytes() {
        return status("VmRSS:");
    }

    /**
     * CPU seconds used so far, by the service's JVM (with what it ran and waited for, initdb among them) and by its
     * embedded PostgreSQL (the server, its live processes, and those it has reaped); empty if attached, not started,
     * or not on Linux. Beside the wall-clock time it shows how much of a phase was work and how much was waiting for
     * a CPU on a shared machine.
     */
    Optional<Cpu> cpu() {
        if (process == null) {
            return Optional.empty();
        }
        OptionalDouble service = cpuSeconds(process.pid(), true);
        if (service.isEmpty()) {
            return Optional.empty();
        }
        String folder = dataDir.toString();
        double database = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != process.pid())
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
                .filter(p -> p.info().commandLine().orElse("").contains(folder))
                .flatMap(server -> Stream.concat(
                        Stream.of(cpuSeconds(server.pid(), true)),
                        server.descendants().map(child -> cpuSeconds(child.pid(), false))))
                .mapToDouble(seconds -> seconds.orElse(0))
                .sum();
        return Optional.of(new Cpu(service.getAsDouble(), database));
    }

    /** CPU seconds of the service's JVM and of its PostgreSQL. */
    record Cpu(double service, double database) {
        Cpu since(Cpu before) {
            return new Cpu(service - before.service, database - before.database);
        }
    }

    /** User and system time of a Linux process from {@code /proc/<pid>/stat}, with its reaped children's if asked. */
    private static OptionalDouble cpuSeconds(long pid, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command's closing parenthesis start with the third, the state
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReapedChildren) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return OptionalDouble.of(ticks / (double) CLOCK_TICKS_PER_SECOND);
        } catch (IOException | RuntimeException gone) {
            return OptionalDouble.empty();
        }
    }

    private OptionalLong status(String field) {
        if (process == null) {
            return OptionalLong.empty();
        }
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    String kilobytes = line.substring(field.length()).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private void awaitReady(Duration patience) throws InterruptedException {
        Http http = new Http(url);
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the service stopped while starting; see " + log);
            }
            try {
                if (http.get(null, "/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + patience + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
