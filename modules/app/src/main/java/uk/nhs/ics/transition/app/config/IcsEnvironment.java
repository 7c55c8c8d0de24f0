package uk.nhs.ics.transition.app.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, which of the two ways the service runs:
 *
 * <ul>
 *   <li><b>embedded default</b> (no {@code spring.datasource.url}): a PostgreSQL server started from the embedded
 *       binaries, data in the data folder, and development tokens signed with a key kept there. It listens on
 *       loopback only (API and management ports), because anyone who can reach it can mint a token; configured to
 *       listen anywhere else, it issues no development tokens and needs an identity provider, and asking for both
 *       is a start-up error;
 *   <li><b>external</b> ({@code SPRING_DATASOURCE_URL} set): that server, and tokens from the identity provider
 *       configured by {@code spring.security.oauth2.resourceserver.jwt.*}; no embedded server, no dev tokens.
 * </ul>
 *
 * It also turns {@code LOG_FORMAT=json} into Spring Boot's structured console logging (one JSON object per line),
 * names the version the build stamped ({@code META-INF/build-info.properties}) as {@code spring.application.version}
 * so that every log line carries it (the jar's manifest says the same when run with {@code java -jar}), and switches
 * Axon's update checker off. Anything set explicitly wins over what is decided here.
 */
public class IcsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE = "ics-transition-mode";
    public static final String EMBEDDED_DATABASE = "ics.database.embedded";
    public static final String DEV_TOKENS = "ics.security.dev-tokens";
    /** Whether the service migrates the schema as it starts (see {@code SchemaMigrations}). */
    public static final String MIGRATE_ON_START = "ics.database.migrate-on-start";
    /** The demo to load on an empty store ({@code ICS_DEMO}). */
    public static final String DEMO = "ics.demo.name";
    /** Whether a demo may be loaded into an external database ({@code ICS_DEMO_EXTERNAL_DATABASE}). */
    public static final String DEMO_EXTERNAL = "ics.demo.allow-external-database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> decided = new HashMap<>();
        boolean external = environment.containsProperty("spring.datasource.url");
        if ("migrate".equals(environment.getProperty("ics.command"))) {
            if (!external) {
                throw new IllegalStateException("migrate needs the database to migrate (SPRING_DATASOURCE_URL, with"
                        + " SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD for the schema's owner); the embedded default"
                        + " migrates its own database as the service starts");
            }
            decided.put(EMBEDDED_DATABASE, false);
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, decided));
            return;
        }
        boolean embedded = environment.getProperty(EMBEDDED_DATABASE, Boolean.class, !external);
        decided.put(EMBEDDED_DATABASE, embedded);
        // the embedded default migrates its own database; an external one is migrated apart (the migrate command)
        decided.put(MIGRATE_ON_START, embedded);

        boolean issuerConfigured = environment.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
                || environment.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location");
        boolean devTokensAsked = environment.getProperty(DEV_TOKENS, Boolean.class, false);
        boolean devTokens = environment.getProperty(DEV_TOKENS, Boolean.class, embedded && !issuerConfigured);
        if (devTokens && issuerConfigured) {
            throw new IllegalStateException(DEV_TOKENS + "=true cannot be combined with an identity provider"
                    + " (spring.security.oauth2.resourceserver.jwt.*): choose one source of trusted tokens");
        }
        String exposed = exposedAddresses(environment);
        if (devTokens && exposed != null) {
            if (devTokensAsked) {
                throw new IllegalStateException(DEV_TOKENS + "=true cannot be combined with listening beyond loopback ("
                        + exposed + "): anyone who can reach the service could mint a token for any role. Listen on"
                        + " 127.0.0.1 only, or configure an identity provider");
            }
            devTokens = false;
        }
        if (!devTokens && !issuerConfigured) {
            throw new IllegalStateException(
                    exposed != null && embedded
                            ? "No trusted token issuer: development tokens are issued only while the service listens on"
                                    + " loopback only, and it is configured to listen on " + exposed + ". Configure an"
                                    + " identity provider (spring.security.oauth2.resourceserver.jwt.issuer-uri, or"
                                    + " jwk-set-uri / public-key-location), or leave SERVER_ADDRESS unset"
                            : "No trusted token issuer: set spring.security.oauth2.resourceserver.jwt.issuer-uri (or"
                                    + " jwk-set-uri / public-key-location) for the identity provider, or run on the embedded"
                                    + " default, which issues its own development tokens on loopback");
        }
        decided.put(DEV_TOKENS, devTokens);
        String demo = environment.getProperty(DEMO, "");
        if (!demo.isBlank() && !embedded && !environment.getProperty(DEMO_EXTERNAL, Boolean.class, false)) {
            throw new IllegalStateException("ICS_DEMO=" + demo + " would load a demo programme into the external"
                    + " database " + environment.getProperty("spring.datasource.url") + ": the demo runs on the"
                    + " embedded default; set ICS_DEMO_EXTERNAL_DATABASE=true (" + DEMO_EXTERNAL + ") if that"
                    + " database really is for the demo");
        }
        if (devTokens) {
            if (!environment.containsProperty("server.address")) {
                decided.put("server.address", "127.0.0.1");
            }
            if (environment.containsProperty("management.server.port")
                    && !environment.containsProperty("management.server.address")) {
                decided.put("management.server.address", "127.0.0.1");
            }
        }

        String logFormat = environment.getProperty("LOG_FORMAT", environment.getProperty("ics.log-format", ""));
        if ("json".equalsIgnoreCase(logFormat) && !environment.containsProperty("logging.structured.format.console")) {
            decided.put("logging.structured.format.console", "ecs");
        }
        buildVersion().ifPresent(version -> decided.put("spring.application.version", version));
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, decided));
    }

    /** The version the build wrote into {@code META-INF/build-info.properties}, if it did. */
    static java.util.Optional<String> buildVersion() {
        try (java.io.InputStream in =
                IcsEnvironment.class.getClassLoader().getResourceAsStream("META-INF/build-info.properties")) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            java.util.Properties build = new java.util.Properties();
            build.load(in);
            return java.util.Optional.ofNullable(build.getProperty("build.version"));
        } catch (java.io.IOException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The addresses configured for the API or management port that are not loopback, or {@code null} when every
     * configured address is loopback (unset addresses are made loopback when development tokens are on).
     */
    static String exposedAddresses(ConfigurableEnvironment environment) {
        java.util.List<String> exposed = new java.util.ArrayList<>();
        for (String property : java.util.List.of("server.address", "management.server.address")) {
            String address = environment.getProperty(property);
            if (address != null && !address.isBlank() && !isLoopback(address.strip())) {
                exposed.add(property + "=" + address.strip());
            }
        }
        return exposed.isEmpty() ? null : String.join(", ", exposed);
    }

    private static boolean isLoopback(String address) {
        try {
            for (java.net.InetAddress resolved : java.net.InetAddress.getAllByName(address)) {
                if (!resolved.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // after the configuration files and the environment have been read, before logging is set up
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
