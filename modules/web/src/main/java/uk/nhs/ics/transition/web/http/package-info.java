/**
 * The HTTP conventions every endpoint shares: versions as {@code ETag}s, {@code If-Match} for optimistic
 * concurrency, {@code Idempotency-Key} for safe retries, {@code X-Min-Version} to read one's own writes, and the
 * {@code at} and {@code asOf} parameters of every read. A handler that writes takes a {@link
 * uk.nhs.ics.transition.web.http.WriteContext} and hands it its command; {@link uk.nhs.ics.transition.web.http.Writes}
 * carries every write out the same way.
 */
package uk.nhs.ics.transition.web.http;
