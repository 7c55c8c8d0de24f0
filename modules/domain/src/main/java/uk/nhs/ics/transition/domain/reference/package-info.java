/**
 * The reference data the service carries: the 7 regions, 42 ICSs, 106 CCGs and 4 boundary changes of 2021/22, as
 * published (see {@code reference-data/SOURCES.md}). It is registered by command at first start, so every
 * registration is in the audit trail; afterwards the registered events, not these files, are the record.
 */
package uk.nhs.ics.transition.domain.reference;
