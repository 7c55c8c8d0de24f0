package uk.nhs.ics.transition.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a write answers once its change is stored.
 *
 * @param version the aggregate's version after the change (also the response's {@code ETag})
 * @param itemId the identifier of the item the write created, if it created one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommandAnswer(long version, String itemId) {}
