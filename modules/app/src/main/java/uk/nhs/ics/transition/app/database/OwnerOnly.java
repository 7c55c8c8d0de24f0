package uk.nhs.ics.transition.app.database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders of the embedded default that only their owner may read or change (on file systems with POSIX
 * permissions; elsewhere the operating system's defaults stand).
 */
public final class OwnerOnly {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {}

    /** The folder, created if missing, readable and writable by its owner only. */
    static Path directory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (POSIX) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        return directory;
    }

    /** A random secret kept in the file (created owner-only on first use), as URL-safe text. */
    static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (POSIX) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } else if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return Files.readString(file).strip();
    }

    /**
     * Writes the text into a new file that only its owner may read or change, unless the file exists already (another
     * process made it first: theirs stands).
     *
     * @return whether this call created it
     */
    public static boolean createFile(Path file, String text) throws IOException {
        try {
            if (POSIX) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return false;
        }
        Files.writeString(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        return true;
    }

    /** Takes write permission away from group and others everywhere under the folder. */
    static void notWritableByOthers(Path folder) throws IOException {
        if (!POSIX) {
            return;
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.removeAll(others)) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        }
    }
}
