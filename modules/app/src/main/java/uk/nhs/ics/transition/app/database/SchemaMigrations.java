package uk.nhs.ics.transition.app.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Who migrates the schema. The embedded default migrates its own database as it starts (one command for a newcomer).
 * With an external database the service runs as the application role, which may not change the schema: the
 * migrations run apart, as a one-off command of the same jar ({@code java -jar ics-transition.jar migrate}, a
 * Kubernetes Job with the schema owner's credentials), and the service refuses to start against a schema older than
 * it needs, saying what to run. A schema newer than the service is fine (the previous release during a rolling
 * deployment).
 */
@Configuration(proxyBeanMethods = false)
public class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    /** Whether the service migrates the schema as it starts: by default on the embedded default only. */
    public static final String MIGRATE_ON_START = "ics.database.migrate-on-start";

    /** The service's own database role, which every migration grants what it needs. */
    public static final String APP_ROLE = "ics.database.app-role";

    /** The command-line word that runs the migrations and exits. */
    public static final String COMMAND = "migrate";

    /** After every migration, the service's role gets what it needs on every table (see {@link ServiceRoleGrants}). */
    @Bean
    ServiceRoleGrants serviceRoleGrants(Environment environment) {
        return new ServiceRoleGrants(environment.getProperty(APP_ROLE, ""));
    }

    @Bean
    FlywayMigrationStrategy migrationStrategy(Environment environment) {
        boolean migrate = environment.getProperty(MIGRATE_ON_START, Boolean.class, true);
        return flyway -> {
            if (migrate) {
                MigrateResult result = flyway.migrate();
                log.info(
                        "Database schema migrated from version {} to {} ({} migrations applied)",
                        result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion,
                        result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                        result.migrationsExecuted);
            } else {
                requireCurrent(flyway);
            }
        };
    }

    /** Refuses a schema older than this release needs, naming the command that brings it up to date. */
    static void requireCurrent(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        MigrationInfo[] pending = info.pending();
        if (pending.length > 0) {
            throw new IllegalStateException("The database schema is at version "
                    + (current == null ? "none (no migrations applied)" : current.getVersion())
                    + ", and this release needs version " + pending[pending.length - 1].getVersion() + " ("
                    + pending.length + " migrations pending). Migrate it first with the schema owner's credentials:"
                    + " java -jar ics-transition.jar migrate, with SPRING_DATASOURCE_URL, SPRING_FLYWAY_USER and"
                    + " SPRING_FLYWAY_PASSWORD (docs/operations/database-roles.md)");
        }
        log.info(
                "The database schema is at version {}, as this release needs",
                current == null ? "none" : current.getVersion());
    }
}
