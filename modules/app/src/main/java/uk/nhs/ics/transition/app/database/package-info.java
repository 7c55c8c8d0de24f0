/**
 * Where the service keeps everything: PostgreSQL, external or embedded. The event store, tokens, dead letters and
 * read models share one database whose schema Flyway owns; Hibernate only validates Axon's entities against it.
 */
package uk.nhs.ics.transition.app.database;
