/**
 * The HTTP conventions every endpoint shares: versions as {@code ETag}s, {@code If-Match} for optimistic
 * concurrency, {@code Idempotency-Key} for safe retries, {@code X-Min-Version} to read one's own writes, and the
 * {@code at} and {@code asOf} parameters of every read.
 */
package uk.nhs.ics.transition.web.http;
