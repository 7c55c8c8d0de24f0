package uk.nhs.ics.transition.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;
import uk.nhs.ics.transition.web.security.Requires;

/**
 * The OpenAPI 3 description served at {@code /v3/api-docs}: every operation with the errors it can answer (as
 * RFC 9457 problem details), the bearer token it needs, and the headers of the API's conventions.
 */
@Configuration
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI icsTransitionApi() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; `code` is stable, `errors` names each invalid field")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().example("BOARD_ORDER_VIOLATION"))
                .addProperty("correlationId", new StringSchema())
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new ObjectSchema()
                                        .addProperty("field", new StringSchema())
                                        .addProperty("message", new StringSchema())
                                        .addProperty(
                                                "row",
                                                new IntegerSchema()
                                                        .description("an uploaded register's row (header is row 1)"))
                                        .addProperty(
                                                "column",
                                                new StringSchema().description("an uploaded register's column"))
                                        .addProperty(
                                                "code",
                                                new StringSchema()
                                                        .description("the row's stable code, as the"
                                                                + " single-item API answers"))));
        return new OpenAPI()
                .info(new Info()
                        .title("ics-transition API")
                        .version("v1")
                        .description("Steering the 42 ICSs through the 2021/22 transition to statutory ICS NHS bodies."
                                + " Writes answer with the aggregate's version (also the ETag); reads accept `at`"
                                + " (the rating date) and `asOf` (the knowledge time)."))
                .components(new Components()
                        .addSchemas(PROBLEM, problem)
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Adds to every API operation the problems it can answer, and the headers of the conventions. */
    @Bean
    OperationCustomizer documentedProblems() {
        return (operation, handler) -> {
            Requires requires = handler.getMethodAnnotation(Requires.class);
            if (requires == null) {
                return operation;
            }
            boolean write = handler.hasMethodAnnotation(PostMapping.class);
            Map<String, String> problems = new LinkedHashMap<>();
            problems.put("401", "Missing, expired or unacceptable bearer token");
            problems.put("403", "The caller's roles do not allow this (here)");
            problems.put("404", "An organisation, milestone, seat or item named does not exist");
            problems.put("422", "Invalid input: `errors` names each field");
            if (write) {
                problems.put("400", "Malformed JSON");
                problems.put("409", "A rule of the domain refuses the change (see `code`)");
                problems.put("412", "If-Match named a version that is no longer current");
                problems.put("413", "Request body too large");
                header(operation, "If-Match", "Only if the resource is still at this version (an ETag from a read)");
                header(operation, "Idempotency-Key", "Retries with the same key get the first answer");
            } else {
                problems.put("503", "X-Min-Version was not reached in time; retry shortly");
                header(operation, "X-Min-Version", "Wait (briefly) until the read shows at least this version");
            }
            problems.put(
                    "429", "More requests than this caller may make in a second; retry after `Retry-After` seconds");
            problems.put("500", "The service failed; quote the correlationId");
            problems.forEach((status, description) -> {
                if (operation.getResponses() != null
                        && !operation.getResponses().containsKey(status)) {
                    operation
                            .getResponses()
                            .addApiResponse(
                                    status,
                                    new ApiResponse()
                                            .description(description)
                                            .content(new Content()
                                                    .addMediaType(
                                                            "application/problem+json",
                                                            new MediaType()
                                                                    .schema(new Schema<>()
                                                                            .$ref("#/components/schemas/"
                                                                                    + PROBLEM)))));
                }
            });
            return operation;
        };
    }

    private static void header(Operation operation, String name, String description) {
        operation.addParametersItem(new HeaderParameter()
                .name(name)
                .description(description)
                .required(false)
                .schema(new StringSchema()));
    }
}
