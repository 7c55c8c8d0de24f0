/** The board of each ICS NHS body, seat by seat, version by version. */
package uk.nhs.ics.transition.projections.board;
