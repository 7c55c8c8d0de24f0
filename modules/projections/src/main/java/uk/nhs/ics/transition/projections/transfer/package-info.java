/**
 * CCG transfer schemes: each scheme's status and agreements, and every item version by version. The same item
 * rows answer by CCG (the scheme) and by receiving ICS (its transfer ledger); totals are summed from the live items
 * when asked, so they always equal the sum of the items.
 */
package uk.nhs.ics.transition.projections.transfer;
