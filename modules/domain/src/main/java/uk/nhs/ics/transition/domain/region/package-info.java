/** The region aggregate: the registration of each of the seven NHS England regions. */
package uk.nhs.ics.transition.domain.region;
