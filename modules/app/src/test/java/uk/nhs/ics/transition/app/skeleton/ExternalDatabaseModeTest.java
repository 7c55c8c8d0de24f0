package uk.nhs.ics.transition.app.skeleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.nhs.ics.transition.app.IcsTransitionApplication;
import uk.nhs.ics.transition.app.database.EmbeddedPostgresServer;
import uk.nhs.ics.transition.app.support.Api;
import uk.nhs.ics.transition.web.security.DevTokenIssuer;

/**
 * With SPRING_DATASOURCE_URL and an identity provider configured, the service uses that database, starts no
 * embedded server, and neither has a development signing key nor serves the token endpoint. People sign in to the
 * pages through the identity provider (OAuth2 login with its client registration); the development sign-in page does
 * not exist.
 */
class ExternalDatabaseModeTest {

    /** The identity provider's endpoints: never called (the sign-in is not completed), so they need not exist. */
    private static final String IDP = "https://login.example.invalid/realm/protocol/openid-connect";

    private static EmbeddedPostgres external;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startExternalServer() throws IOException {
        // a stand-in for the organisation's PostgreSQL server
        external = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternalServer() throws IOException {
        external.close();
    }

    @Test
    void without_an_event_seal_key_it_refuses_to_start_and_says_why() throws IOException {
        Path signingKey = signingKey(dataDir);
        assertThatThrownBy(() -> new SpringApplicationBuilder(IcsTransitionApplication.class)
                        .run(
                                "--ics.audit.signing.key-file=" + signingKey,
                                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--ics.database.migrate-on-start=true",
                                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.invalid/r",
                                "--ics.data-dir=" + dataDir,
                                "--server.port=0",
                                "--spring.jmx.enabled=false")
                        .close())
                .hasRootCauseMessage(
                        "No event seal key: with an external database, events are sealed with a key the database does"
                                + " not hold. Mount a folder with one (a file <key id>.key holding 32 or more random"
                                + " bytes in base64) and set ICS_EVENT_SEAL_KEY_DIR (ics.audit.seal.key-dir)");
    }

    @Test
    void without_a_service_signing_key_it_refuses_to_start_and_says_why() throws IOException {
        Path keys = Files.createDirectories(dataDir.resolve("mounted-secret"));
        Files.writeString(keys.resolve("k1.key"), Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> new SpringApplicationBuilder(IcsTransitionApplication.class)
                        .run(
                                "--ics.audit.seal.key-dir=" + keys,
                                "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                                "--spring.datasource.username=postgres",
                                "--ics.database.migrate-on-start=true",
                                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.invalid/r",
                                "--ics.data-dir=" + dataDir,
                                "--server.port=0",
                                "--spring.jmx.enabled=false")
                        .close())
                .hasRootCauseMessage("No service signing key: with an external database, evidence packs and digests"
                        + " are signed with a key from a mounted secret. Mount an RSA private key in PEM (PKCS #8,"
                        + " 2048 bits or more: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072) and set"
                        + " ICS_SIGNING_KEY_FILE (ics.audit.signing.key-file)");
        assertThat(Files.exists(dataDir.resolve("service-signing-key.pem")))
                .as("no key is generated beside an external database")
                .isFalse();
    }

    /** A mounted secret holding an RSA private key in PEM, as openssl genpkey writes it. */
    private static Path signingKey(Path folder) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder()
                            .encodeToString(
                                    generator.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return Files.writeString(
                    Files.createDirectories(folder.resolve("signing-secret")).resolve("key.pem"), pem);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void no_embedded_server_no_dev_key_and_the_token_endpoint_is_absent() throws IOException {
        Path keys = Files.createDirectories(dataDir.resolve("mounted-secret"));
        Files.writeString(keys.resolve("k1.key"), Base64.getEncoder().encodeToString(new byte[32]));
        Path signingKey = signingKey(dataDir);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(IcsTransitionApplication.class)
                .run(
                        "--ics.audit.seal.key-dir=" + keys,
                        "--ics.audit.signing.key-file=" + signingKey,
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--ics.database.migrate-on-start=true",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=https://login.example.invalid/realm",
                        "--spring.security.oauth2.client.registration.nhs.client-id=ics-transition",
                        "--spring.security.oauth2.client.registration.nhs.client-secret=not-a-secret",
                        "--spring.security.oauth2.client.registration.nhs.client-name=NHS identity",
                        "--spring.security.oauth2.client.registration.nhs.authorization-grant-type=authorization_code",
                        "--spring.security.oauth2.client.registration.nhs.scope=openid,profile",
                        "--spring.security.oauth2.client.registration.nhs.redirect-uri="
                                + "{baseUrl}/login/oauth2/code/{registrationId}",
                        "--spring.security.oauth2.client.provider.nhs.authorization-uri=" + IDP + "/auth",
                        "--spring.security.oauth2.client.provider.nhs.token-uri=" + IDP + "/token",
                        "--spring.security.oauth2.client.provider.nhs.jwk-set-uri=" + IDP + "/certs",
                        "--spring.security.oauth2.client.provider.nhs.user-name-attribute=sub",
                        "--ics.data-dir=" + dataDir,
                        "--server.port=0",
                        "--spring.jmx.enabled=false")) {
            Api api = new Api(
                    ((WebServerApplicationContext) service).getWebServer().getPort());

            assertThat(service.getBeansOfType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(service.getBeansOfType(DevTokenIssuer.class)).isEmpty();
            var tokenRequest = api.post("/api/v1/dev/tokens")
                    .json("{\"sub\":\"x\",\"roles\":[\"NATIONAL_PROGRAMME\"]}")
                    .send();
            assertThat(tokenRequest.status()).isEqualTo(404);
            assertThat(tokenRequest.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Files.exists(dataDir.resolve("dev-signing-key.jwk.json")))
                    .isFalse();
            assertThat(api.get("/api/v1/systems").send().status()).isEqualTo(401);

            // the description: no development token operation; OpenID Connect discovery beside the bearer scheme
            var docs = api.get("/v3/api-docs").send().json();
            assertThat(docs.path("paths").has("/api/v1/dev/tokens")).isFalse();
            assertThat(docs.path("components")
                            .path("securitySchemes")
                            .path("openIdConnect")
                            .path("openIdConnectUrl")
                            .asText())
                    .isEqualTo("https://login.example.invalid/realm/.well-known/openid-configuration");
            assertThat(docs.path("components").path("securitySchemes").has("bearer"))
                    .isTrue();
            assertThat(docs.path("security").toString()).contains("bearer", "openIdConnect");

            assertThat(api.get("/sign-in/dev").send().status()).isEqualTo(404);
            var page = api.get("/regions/Y56").header("Accept", "text/html").send();
            assertThat(page.status()).isEqualTo(302);
            assertThat(page.header("Location")).endsWith("/sign-in");
            var signIn = api.get("/sign-in").send();
            assertThat(signIn.body())
                    .contains("href=\"/oauth2/authorization/nhs\"", "Sign in with NHS identity")
                    .doesNotContain("/sign-in/dev");
            var login = api.get("/oauth2/authorization/nhs").send();
            assertThat(login.status()).isEqualTo(302);
            assertThat(login.header("Location"))
                    .startsWith(IDP + "/auth?response_type=code&client_id=ics-transition&scope=openid%20profile&state=")
                    .contains("redirect_uri=http://localhost:" + api.port() + "/login/oauth2/code/nhs");
            Long events = new JdbcTemplate(external.getPostgresDatabase())
                    .queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            assertThat(events)
                    .as("the reference data went into the external database")
                    .isGreaterThanOrEqualTo(160);
        }
    }
}
