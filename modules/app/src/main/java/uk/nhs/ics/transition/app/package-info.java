/**
 * The assembled service: configuration of Axon on PostgreSQL (embedded by default), the schema migrations, the
 * registration of the reference data at first start, and operational concerns (health, metrics, logs).
 */
package uk.nhs.ics.transition.app;
