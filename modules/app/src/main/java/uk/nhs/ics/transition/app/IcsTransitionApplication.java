package uk.nhs.ics.transition.app;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import uk.nhs.ics.transition.app.database.MigrateCommand;
import uk.nhs.ics.transition.app.database.SchemaMigrations;

/**
 * Starts the service. With no database configured it runs on an embedded PostgreSQL kept in {@code ./data}.
 *
 * <p>{@code migrate} as the first argument migrates the external database's schema instead, and exits.
 */
@SpringBootApplication(scanBasePackages = "uk.nhs.ics.transition")
public class IcsTransitionApplication {

    public static void main(String[] args) {
        if (args.length > 0 && SchemaMigrations.COMMAND.equals(args[0])) {
            System.exit(MigrateCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(IcsTransitionApplication.class, args);
    }
}
