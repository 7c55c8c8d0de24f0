/** The organisations as registered: regions, ICSs with their region and predecessor CCGs, CCGs with their ICS. */
package uk.nhs.ics.transition.projections.reference;
