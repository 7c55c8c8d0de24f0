/** Operational endpoints: the readiness of the event store and projections. */
package uk.nhs.ics.transition.app.ops;
