package uk.nhs.ics.transition.app.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import uk.nhs.ics.transition.app.cli.VerifyPackCommand;

/** Evidence packs as a test handles them: opened, changed as an attacker would, zipped again, verified offline. */
final class Packs {

    private Packs() {}

    /** What the verifier said and how it ended. */
    record Verdict(int status, String out, String err) {

        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n" + out + err;
        }
    }

    /** The files of a pack, in order. */
    static Map<String, byte[]> open(byte[] zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }

    static List<String> lines(Map<String, byte[]> files, String name) {
        List<String> lines = new ArrayList<>();
        for (String line : text(files, name).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A copy of the pack with one file replaced. */
    static Map<String, byte[]> with(Map<String, byte[]> files, String name, byte[] content) {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(name, content);
        return changed;
    }

    static Map<String, byte[]> with(Map<String, byte[]> files, String name, List<String> lines) {
        return with(files, name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code java -jar ics-transition.jar verify-pack} (its main class, without Spring) on the pack. */
    static Verdict verify(Path folder, byte[] pack, String... options) {
        try {
            Path file = Files.createTempFile(folder, "pack-", ".zip");
            Files.write(file, pack);
            List<String> args = new ArrayList<>();
            args.add(file.toString());
            args.addAll(List.of(options));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = VerifyPackCommand.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Verdict(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
