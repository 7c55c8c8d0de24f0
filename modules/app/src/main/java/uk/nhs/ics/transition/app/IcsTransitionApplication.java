package uk.nhs.ics.transition.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the service. With no database configured it runs on an embedded PostgreSQL kept in {@code ./data}. */
@SpringBootApplication(scanBasePackages = "uk.nhs.ics.transition")
public class IcsTransitionApplication {

    public static void main(String[] args) {
        SpringApplication.run(IcsTransitionApplication.class, args);
    }
}
