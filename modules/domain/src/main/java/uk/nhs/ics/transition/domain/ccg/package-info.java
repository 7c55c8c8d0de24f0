/**
 * The CCG transfer aggregate: one CCG's scheme of staff, assets, liabilities and contracts, its agreement by every
 * party, its variations, and its effecting and the CCG's abolition at establishment.
 */
package uk.nhs.ics.transition.domain.ccg;
