/** Reference data and programme endpoints: regions, systems (ICSs), CCGs. */
package uk.nhs.ics.transition.web.reference;
