/** What operators decide about the service itself, recorded like every other change: skipped dead letters. */
package uk.nhs.ics.transition.messages.operations;
