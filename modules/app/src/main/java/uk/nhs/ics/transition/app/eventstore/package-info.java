/** The event store as the service uses it: Axon's embedded event store, made to tell processors of new events. */
package uk.nhs.ics.transition.app.eventstore;
