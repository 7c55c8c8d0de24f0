/** The audit trail for auditors: search, export, verification of the hash chain, digests. */
package uk.nhs.ics.transition.web.audit;
