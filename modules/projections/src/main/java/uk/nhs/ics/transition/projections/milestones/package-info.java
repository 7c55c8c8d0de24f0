/** Where every milestone of every ICS stands, version by version: the base of milestones, ratings and readiness. */
package uk.nhs.ics.transition.projections.milestones;
