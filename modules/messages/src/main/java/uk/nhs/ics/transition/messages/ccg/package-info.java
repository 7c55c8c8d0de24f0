/**
 * Messages of one CCG: its registration, its boundary change if it has one, and its transfer scheme (the staff,
 * assets, liabilities and contracts that transfer to the receiving ICS NHS bodies at establishment).
 */
package uk.nhs.ics.transition.messages.ccg;
