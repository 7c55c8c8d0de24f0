package uk.nhs.ics.transition.app.database;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar ics-transition.jar migrate}: migrates the external database named by {@code SPRING_DATASOURCE_URL}
 * (as {@code SPRING_FLYWAY_USER}, the schema's owner, when given) and exits: 0 when the schema is up to date, 1 when
 * it could not be migrated. Only what migrating needs starts: a connection and Flyway (this class is the command's
 * only source, never scanned by the service).
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import(SchemaMigrations.class)
public class MigrateCommand {

    private static final Logger log = LoggerFactory.getLogger(MigrateCommand.class);

    public static int run(String... args) {
        SpringApplication application = new SpringApplication(MigrateCommand.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(
                Map.of(SchemaMigrations.MIGRATE_ON_START, "true", "ics.command", SchemaMigrations.COMMAND));
        try (ConfigurableApplicationContext context = application.run(args)) {
            log.info("The schema is up to date");
            return 0;
        } catch (RuntimeException e) {
            log.error("The schema could not be migrated: {}", e.getMessage());
            return 1;
        }
    }
}
