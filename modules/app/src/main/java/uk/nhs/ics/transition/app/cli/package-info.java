/**
 * What {@code java -jar ics-transition.jar <command>} does besides running the service: commands that need neither
 * Spring nor a database, such as checking an evidence pack offline.
 */
package uk.nhs.ics.transition.app.cli;
