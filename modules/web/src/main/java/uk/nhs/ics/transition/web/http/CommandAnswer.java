package uk.nhs.ics.transition.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a write answers once its change is stored.
 *
 * @param version the aggregate's version after the change (also the response's {@code ETag})
 * @param itemId the identifier of the item the write created, if it created one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "WriteAnswer",
        description = "A write's answer once its change is durably stored",
        example = "{\"version\": 12, \"itemId\": \"T-3\"}")
public record CommandAnswer(
        @Schema(
                description = "The aggregate's version after the change; also the answer's ETag, for If-Match"
                        + " and X-Min-Version",
                requiredMode = Schema.RequiredMode.REQUIRED,
                minimum = "0")
        long version,

        @Schema(
                description = "The identifier of what the write created (a due diligence item `DD-1`, a transfer"
                        + " item `T-3`); absent when it created nothing")
        String itemId) {}
