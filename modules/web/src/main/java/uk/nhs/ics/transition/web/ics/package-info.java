/** Endpoints of one ICS: its detail, milestones, board, due diligence, constitution and MoU, and transfer ledger. */
package uk.nhs.ics.transition.web.ics;
