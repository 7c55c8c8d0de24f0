package uk.nhs.ics.transition.app.database;

/** Where the embedded server listens; present only on the embedded default. */
public record EmbeddedDatabaseInfo(int port, String jdbcUrl) {}
