package uk.nhs.ics.transition.app.config;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import uk.nhs.ics.transition.app.database.OwnerOnly;
import uk.nhs.ics.transition.web.audit.ServiceSigner;

/**
 * The key the service signs with for readers outside it (evidence packs' manifests, the ledger's signed digest): an
 * RSA private key in PEM (PKCS #8, {@code -----BEGIN PRIVATE KEY-----}) from {@code ics.audit.signing.key-file}, a
 * mounted secret, required with an external database; on the embedded default generated into the data folder
 * ({@value #FILE_NAME}, owner-only) on first use. Public keys it replaced can stay published
 * ({@code ics.audit.signing.retired-keys-file}, a JWK set) so that what they signed can still be checked.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceSigningConfiguration {

    static final String FILE_NAME = "service-signing-key.pem";
    private static final int GENERATED_BITS = 3072;
    private static final int MINIMUM_BITS = 2048;
    private static final Logger log = LoggerFactory.getLogger(ServiceSigningConfiguration.class);

    @Bean
    ServiceSigner serviceSigner(
            Environment environment,
            @Value("${ics.data-dir}") Path dataDir,
            @Value("${ics.audit.signing.key-file:}") String keyFile,
            @Value("${ics.audit.signing.retired-keys-file:}") String retiredKeysFile) {
        boolean embedded = environment.getProperty(IcsEnvironment.EMBEDDED_DATABASE, Boolean.class, false);
        if (keyFile.isBlank() && !embedded) {
            throw new IllegalStateException("No service signing key: with an external database, evidence packs and"
                    + " digests are signed with a key from a mounted secret. Mount an RSA private key in PEM (PKCS #8,"
                    + " 2048 bits or more: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072) and set"
                    + " ICS_SIGNING_KEY_FILE (ics.audit.signing.key-file)");
        }
        Path file = keyFile.isBlank() ? generatedIfMissing(dataDir.resolve(FILE_NAME)) : Path.of(keyFile.strip());
        RSAKey key = read(file);
        List<RSAKey> retired = retiredKeysFile.isBlank() ? List.of() : retired(Path.of(retiredKeysFile.strip()));
        ServiceSigner signer = new ServiceSigner(key, retired);
        log.info("Signing evidence packs and digests with key {} (RFC 7638 thumbprint)", signer.keyId());
        return signer;
    }

    /** The key in the file: an RSA private key in PEM (PKCS #8), with its public part and its thumbprint as id. */
    static RSAKey read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            if (!pem.contains("-----BEGIN PRIVATE KEY-----") || base64.isEmpty()) {
                throw new IllegalStateException("the service signing key " + file + " is not an RSA private key in"
                        + " PEM (PKCS #8, -----BEGIN PRIVATE KEY-----)");
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)))
                    instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalStateException("the service signing key " + file + " lacks its CRT parameters");
            }
            if (privateKey.getModulus().bitLength() < MINIMUM_BITS) {
                throw new IllegalStateException("the service signing key " + file + " has "
                        + privateKey.getModulus().bitLength() + " bits; at least " + MINIMUM_BITS + " are needed");
            }
            RSAPublicKey publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyIDFromThumbprint()
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException("the service signing key " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    /** Generates a key into the file (owner-only) unless it exists. */
    static Path generatedIfMissing(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(GENERATED_BITS);
                byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(pkcs8)
                        + "\n-----END PRIVATE KEY-----\n";
                if (OwnerOnly.createFile(file, pem)) {
                    log.info("Generated the service signing key in {}", file.toAbsolutePath());
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the service signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot generate RSA keys", e);
        }
    }

    private static List<RSAKey> retired(Path file) {
        try {
            List<RSAKey> keys = new ArrayList<>();
            for (JWK key : JWKSet.load(file.toFile()).getKeys()) {
                if (!(key instanceof RSAKey rsa)) {
                    throw new IllegalStateException("the retired signing keys " + file + " hold a key that is not RSA");
                }
                keys.add(rsa.toPublicJWK());
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the retired signing keys " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the retired signing keys " + file + " are not a JWK set", e);
        }
    }
}
