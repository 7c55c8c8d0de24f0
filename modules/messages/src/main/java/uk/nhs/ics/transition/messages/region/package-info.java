/** Messages registering the seven NHS England regions. */
package uk.nhs.ics.transition.messages.region;
