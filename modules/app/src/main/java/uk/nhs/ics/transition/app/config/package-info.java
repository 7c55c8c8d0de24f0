/** Spring configuration of the service: mode, Axon, persistence, the clock, and the read and write sides. */
package uk.nhs.ics.transition.app.config;
