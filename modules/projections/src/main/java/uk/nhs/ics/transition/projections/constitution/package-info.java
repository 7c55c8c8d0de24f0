/** Each ICS NHS body's constitution (drafts, engagement, submission, decision), its MoU, and assurance comments. */
package uk.nhs.ics.transition.projections.constitution;
