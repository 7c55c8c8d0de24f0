/** The national programme aggregate: legislative milestones in order, and re-baselining with its history. */
package uk.nhs.ics.transition.domain.programme;
