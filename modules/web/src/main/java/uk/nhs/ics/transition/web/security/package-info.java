/**
 * Who is calling and what they may do: bearer JWTs (from the organisation's identity provider, or on the embedded
 * default from the service's own dev key), the caller their claims describe, and the "who may do what" table.
 */
package uk.nhs.ics.transition.web.security;
