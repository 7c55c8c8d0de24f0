package uk.nhs.ics.transition.web.problem;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The shape of every error the API answers, for the OpenAPI description: what {@link Problems} builds (Spring's
 * {@code ProblemDetail} with the service's properties), as a schema a client generator can type. Never instantiated.
 */
public final class ProblemDocumentation {

    private ProblemDocumentation() {}

    /** RFC 9457 problem details. */
    @Schema(
            name = "Problem",
            description = "RFC 9457 problem details; `code` is stable, `errors` names each invalid field",
            example = "{\"type\": \"urn:ics-transition:problem:version-mismatch\", \"title\": \"The resource has"
                    + " changed\", \"status\": 412, \"detail\": \"If-Match named version 11 but the resource is at"
                    + " version 12; read it again and retry\", \"instance\":"
                    + " \"/api/v1/systems/QH8/milestones/Q1-SDP-UPDATED/complete\", \"code\": \"VERSION_MISMATCH\","
                    + " \"correlationId\": \"6f1c2a0e-6a1e-4b7e-9d1a-2f0c9b7e1d42\"}")
    public record Problem(
            @Schema(
                    description = "Identifies the kind of problem, by its code",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            URI type,

            @Schema(description = "A short summary of the kind of problem", requiredMode = Schema.RequiredMode.REQUIRED)
            String title,

            @Schema(description = "The HTTP status", requiredMode = Schema.RequiredMode.REQUIRED)
            int status,

            @Schema(description = "What happened, for a person to read")
            String detail,

            @Schema(description = "The path of the request refused")
            URI instance,

            @Schema(
                    description = "The stable code of the problem, such as `VERSION_MISMATCH`, `INVALID_INPUT`"
                            + " or a rule of the domain such as `BOARD_ORDER_VIOLATION`",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String code,

            @Schema(description = "The request's id in the service's logs and audit trail")
            String correlationId,

            @Schema(description = "Each invalid field or refused row")
            List<ProblemError> errors,

            @Schema(description = "A register import's rows that only warn (they refuse nothing)")
            List<ProblemError> warnings) {}

    /** One invalid field, or one refused row or cell of an uploaded register. */
    @Schema(
            name = "ProblemError",
            description = "One invalid field, or one refused row or cell of an uploaded register")
    public record ProblemError(
            @Schema(
                    description = "A JSON path such as `evidence[0].reference`, a parameter or a header; for a"
                            + " register, its column")
            String field,

            @Schema(description = "What is wrong with it", requiredMode = Schema.RequiredMode.REQUIRED)
            String message,

            @Schema(description = "An uploaded register's row, as a spreadsheet numbers it (the header is row 1)")
            Integer row,

            @Schema(description = "An uploaded register's column")
            String column,

            @Schema(description = "The row's stable code, as the single-item API answers")
            String code) {}
}
