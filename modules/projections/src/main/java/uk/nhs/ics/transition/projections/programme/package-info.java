/** The national programme as recorded: every baseline with its decision date, and the Bill's stages. */
package uk.nhs.ics.transition.projections.programme;
