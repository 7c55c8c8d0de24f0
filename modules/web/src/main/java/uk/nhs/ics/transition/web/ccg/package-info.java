/** A CCG's transfer scheme: its items, agreement, variations, effecting and the CCG's abolition. */
package uk.nhs.ics.transition.web.ccg;
