/** What operators decide about the service itself, recorded as events: skipped dead letters. */
package uk.nhs.ics.transition.domain.operations;
