package uk.nhs.ics.transition.app.eventstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.ics.transition.audit.ledger.EventSeals;

/**
 * The keys events are sealed with, from a folder (a mounted secret in production): one file per key, named
 * {@code <key id>.key}, holding at least 32 random bytes in base64. The current key is the one named by
 * {@code ics.audit.seal.current-key}, or the only one. The embedded default keeps its key in its data folder,
 * generated on first use (owner-only); with an external database the folder must be given, since the point is a key
 * the database does not hold.
 */
public final class EventSealKeys {

    private static final Logger log = LoggerFactory.getLogger(EventSealKeys.class);

    private EventSealKeys() {}

    /** Reads the keys; with {@code generate}, creates a first one when there is none. */
    public static EventSeals load(Path folder, String currentKey, boolean generate) {
        try {
            if (generate && (!Files.isDirectory(folder) || keyFiles(folder).isEmpty())) {
                Files.createDirectories(folder);
                String id = "k" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "");
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Path file = folder.resolve(id + ".key");
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getEncoder().encodeToString(secret));
                log.info("Generated the event seal key {} in {}", id, folder.toAbsolutePath());
            }
            Map<String, byte[]> keys = keyFiles(folder);
            if (keys.isEmpty()) {
                throw new IllegalStateException("No event seal key in " + folder.toAbsolutePath() + ": events must be"
                        + " sealed with a key the database does not hold. Mount one (a file <key id>.key with 32 or"
                        + " more random bytes in base64) and set ics.audit.seal.key-dir");
            }
            String current = currentKey == null || currentKey.isBlank() ? onlyKey(keys, folder) : currentKey.strip();
            return new EventSeals(keys, current);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event seal keys in " + folder, e);
        }
    }

    private static String onlyKey(Map<String, byte[]> keys, Path folder) {
        if (keys.size() != 1) {
            throw new IllegalStateException("Several event seal keys in " + folder.toAbsolutePath() + " "
                    + keys.keySet() + ": name the one that seals new events with ics.audit.seal.current-key");
        }
        return keys.keySet().iterator().next();
    }

    private static Map<String, byte[]> keyFiles(Path folder) throws IOException {
        Map<String, byte[]> keys = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".key") && Files.isRegularFile(file)) {
                    keys.put(
                            name.substring(0, name.length() - ".key".length()),
                            Base64.getDecoder().decode(Files.readString(file).strip()));
                }
            }
        }
        return keys;
    }
}
