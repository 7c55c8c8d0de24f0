package uk.nhs.ics.transition.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RSA key the embedded default signs its own tokens with. It is generated once and kept in the data folder,
 * readable by its owner only, so tokens stay valid across restarts of the same installation. It never exists when
 * the service trusts an external identity provider.
 */
public final class DevSigningKey {

    private static final Logger log = LoggerFactory.getLogger(DevSigningKey.class);
    static final String FILE_NAME = "dev-signing-key.jwk.json";

    private DevSigningKey() {}

    /** Reads the key from the data folder, generating and storing it on first use. */
    public static RSAKey loadOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDirectory);
            if (!Files.exists(file)) {
                RSAKey generated = new RSAKeyGenerator(2048)
                        .keyUse(KeyUse.SIGNATURE)
                        .keyID(UUID.randomUUID().toString())
                        .generate();
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, generated.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
                    log.info("Generated the development token signing key in {}", file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the development signing key " + file + " is unusable", e);
        }
    }
}
