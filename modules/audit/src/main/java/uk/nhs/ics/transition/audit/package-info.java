/**
 * The audit trail: who changed what, when, from where, why, and in answer to which request; the ledger that makes
 * the trail tamper-evident; and the exports and readable history built on it.
 */
package uk.nhs.ics.transition.audit;
