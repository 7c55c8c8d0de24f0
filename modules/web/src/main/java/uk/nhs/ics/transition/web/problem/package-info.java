/**
 * RFC 9457 problem details for every failure: a stable {@code code} clients can branch on, a human {@code detail},
 * the request's {@code correlationId}, and for validation an {@code errors} list naming each field. No stack trace,
 * SQL or class name ever reaches a client.
 */
package uk.nhs.ics.transition.web.problem;
