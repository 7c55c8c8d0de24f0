/** Each ICS's due diligence: its stage, its items by area, and the sign-offs that stand. */
package uk.nhs.ics.transition.projections.duediligence;
