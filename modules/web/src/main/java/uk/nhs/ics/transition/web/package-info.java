/**
 * The HTTP API of {@code ../shared/spec/api.md}: thin controllers that turn a request into a command or a query and
 * the answer back into JSON (or CSV), with authentication, authorisation and RFC 9457 problem details around them.
 * No rule of the domain lives here.
 */
package uk.nhs.ics.transition.web;
