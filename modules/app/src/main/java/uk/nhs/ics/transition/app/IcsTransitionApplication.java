package uk.nhs.ics.transition.app;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import uk.nhs.ics.transition.app.cli.VerifyPackCommand;
import uk.nhs.ics.transition.app.database.MigrateCommand;
import uk.nhs.ics.transition.app.database.SchemaMigrations;

/**
 * Starts the service. With no database configured it runs on an embedded PostgreSQL kept in {@code ./data}.
 *
 * <p>{@code migrate} as the first argument migrates the external database's schema instead, and exits.
 */
@SpringBootApplication(scanBasePackages = "uk.nhs.ics.transition")
public class IcsTransitionApplication {

    /**
     * Runs the service, or one of the commands that need neither Spring nor a database, named by the first argument:
     * {@code verify-pack} checks an evidence pack offline.
     */
    public static void main(String[] args) {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case SchemaMigrations.COMMAND -> System.exit(MigrateCommand.run(rest.toArray(String[]::new)));
            case "verify-pack" -> System.exit(VerifyPackCommand.run(rest, System.out, System.err));
            default -> SpringApplication.run(IcsTransitionApplication.class, args);
        }
    }
}
