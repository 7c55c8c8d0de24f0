/**
 * The CCG transfer aggregate: one CCG's scheme of staff, assets, liabilities and contracts, its agreement by every
 * party, its variations, and its effecting and the CCG's abolition at establishment.
 *
 * <p>A variation is one of three named kinds ({@code VaryTransferScheme.Variation}: an item added, amended or
 * withdrawn), told apart once from the request's fields; the legislative gate is an aggregate member that sources
 * itself (ADR 0030).
 */
package uk.nhs.ics.transition.domain.ccg;
