/**
 * Messages of one ICS's transition: its milestone plan, the board of its ICS NHS body, its due diligence, its
 * constitution and MoU, and the facts other aggregates relay to it (the Bill's progress, agreed transfer schemes).
 */
package uk.nhs.ics.transition.messages.ics;
