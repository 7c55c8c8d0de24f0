/**
 * Operations: the readiness of the event store and projections, and the administration of the event processors
 * (replays requested durably and carried out by any node, dead letters retried or skipped) that the web layer asks
 * for through {@code web.ops.ProjectionOperations}.
 */
package uk.nhs.ics.transition.app.ops;
