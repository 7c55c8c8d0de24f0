/**
 * The read side: projections that fold events into PostgreSQL tables, one read model per processing group, and the
 * queries that answer the API from those tables.
 *
 * <p>Every projection is idempotent: it may see an event twice (after a crash, or in a replay) and end in the same
 * rows. Rows remember when the facts they show were recorded, so a query can answer as of a past instant.
 */
package uk.nhs.ics.transition.projections;
