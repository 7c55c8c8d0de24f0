package uk.nhs.ics.transition.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code promtool} (package {@code prometheus}, which {@code .ci/run} installs when it is missing), run on the
 * scrape and on the repository's rules and configuration. {@code -Dpromtool=...} names another one.
 */
public final class Promtool {

    private Promtool() {}

    /** What promtool said, and how it exited. */
    public record Result(int exitCode, String output) {
        public boolean passed() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ": " + output;
        }
    }

    public static Path executable() {
        Path promtool = Path.of(System.getProperty("promtool", "/usr/bin/promtool"));
        if (!Files.isExecutable(promtool)) {
            throw new IllegalStateException(
                    promtool + " is missing: install Debian's prometheus package (.ci/run does)");
        }
        return promtool;
    }

    /** Runs promtool with the arguments, feeding it the input on standard input (or nothing). */
    public static Result run(String stdin, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(arguments));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool did not finish within a minute: " + command);
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
