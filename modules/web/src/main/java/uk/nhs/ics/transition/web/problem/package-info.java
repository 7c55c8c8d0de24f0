/**
 * RFC 9457 problem details for every failure: a stable {@code code} clients can branch on, a human {@code detail},
 * the request's {@code correlationId}, and for validation an {@code errors} list naming each field. No stack trace,
 * SQL or class name ever reaches a client. Which failure answers with which problem is a table
 * ({@link uk.nhs.ics.transition.web.problem.ProblemTable}): one row per exception type, the nearest supertype's row
 * answering.
 */
package uk.nhs.ics.transition.web.problem;
