/**
 * Where the service keeps everything: PostgreSQL, external or embedded. The event store, tokens, dead letters and
 * read models share one database whose schema Flyway owns; everything is written with plain JDBC.
 */
package uk.nhs.ics.transition.app.database;
