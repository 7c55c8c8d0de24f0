/**
 * The read side: projections that fold events into PostgreSQL tables, one read model per processing group, and the
 * queries that answer the API from those tables.
 *
 * <p>Every projection is idempotent: it may see an event twice (after a crash, or in a replay) and end in the same
 * rows. Rows remember when the facts they show were recorded, so a query can answer as of a past instant.
 *
 * <p>The tables hold codes as their enum's name; the views hold the enums ({@link
 * uk.nhs.ics.transition.projections.Sql#code} reads a column back), so the web layer compares constants, never text,
 * and Jackson writes the names at the JSON boundary (ADR 0032). A projection names its columns when it writes: a
 * versioned table through {@link uk.nhs.ics.transition.projections.TemporalTable}, whose statements are built once
 * from its declared columns, the rest as whole SQL.
 */
package uk.nhs.ics.transition.projections;
