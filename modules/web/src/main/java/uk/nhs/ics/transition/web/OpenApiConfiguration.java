package uk.nhs.ics.transition.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import uk.nhs.ics.transition.web.approval.AwaitsSecondPerson;
import uk.nhs.ics.transition.web.approval.FourEyes;
import uk.nhs.ics.transition.web.csv.CsvAnswer;
import uk.nhs.ics.transition.web.csv.CsvMessageConverter;
import uk.nhs.ics.transition.web.http.CommandAnswer;
import uk.nhs.ics.transition.web.http.VersionedRead;
import uk.nhs.ics.transition.web.http.VersionedWrite;
import uk.nhs.ics.transition.web.http.Versions;
import uk.nhs.ics.transition.web.http.WriteContext;
import uk.nhs.ics.transition.web.http.Writes;
import uk.nhs.ics.transition.web.problem.ProblemDocumentation;
import uk.nhs.ics.transition.web.security.Caller;
import uk.nhs.ics.transition.web.security.DevTokenController;
import uk.nhs.ics.transition.web.security.Grant;
import uk.nhs.ics.transition.web.security.Requires;
import uk.nhs.ics.transition.web.security.TokenClaims;

/**
 * The OpenAPI 3 description served at {@code /v3/api-docs} (committed as {@code docs/api/openapi.yaml}): only what a
 * client sends is a parameter, every answer is typed, every error is a problem, and the conventions of the API (the
 * bearer token, {@code If-Match}, {@code Idempotency-Key}, {@code X-Min-Version}, CSV) are declared exactly where the
 * code honours them:
 *
 * <ul>
 *   <li>{@link Caller} and {@link Grant} are resolved from the token, never sent: they are not parameters;
 *   <li>a {@link VersionedWrite} takes {@code If-Match} and {@code Idempotency-Key}, answers a {@code WriteAnswer}
 *       with an {@code ETag}, and can be refused with 409, 412 and 413;
 *   <li>a {@link VersionedRead} takes {@code X-Min-Version} (503 when not reached) and {@code If-None-Match} (304);
 *   <li>a {@link CsvAnswer} also answers {@code text/csv}, after JSON, by {@code Accept} or {@code ?format=csv};
 *   <li>an {@link AwaitsSecondPerson} may answer 202 with the approval that waits for a second person (four eyes);
 *   <li>every operation that {@link Requires} a caller answers 401, 403, 422, 429 and 500 as problem details, and 404
 *       when it names something in its path.
 * </ul>
 */
@Configuration
public class OpenApiConfiguration {

    static {
        // resolved from the token and the request on the server, never sent by a client
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Grant.class, WriteContext.class);
    }

    public static final String PROBLEM = "Problem";
    public static final String WRITE_ANSWER = "WriteAnswer";
    public static final String APPROVAL_PENDING = "ApprovalPending";
    private static final String FOUR_EYES = "**Four eyes:** when this action needs a second person"
            + " (`ICS_FOUR_EYES_ACTIONS`, every such action by default), its rules are checked at once but nothing is"
            + " changed: it answers 202 with the approval that waits (`ApprovalPending`, at `Location`), which another"
            + " person with the same right approves (`grantApproval`: then it is carried out, recorded with both) or"
            + " rejects (`rejectApproval`). A later request for the same thing supersedes it.";
    public static final String BEARER = "bearer";
    public static final String OPENID_CONNECT = "openIdConnect";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";
    private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    /** Every tag of the API, with what it is for; an operation's tag must be one of these (the contract test). */
    static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry(
                    "Reference data",
                    "The seven regions, the 42 ICSs and the 106 CCGs of the programme, with the ratings the caller may"
                            + " see"),
            Map.entry(
                    "Programme",
                    "The national baseline: quarter ends, the establishment date, the Bill's stages and every"
                            + " re-baseline (the national team records them)"),
            Map.entry(
                    "Systems",
                    "One ICS at a glance, the ledger of what it receives from every CCG, and its history in"
                            + " sentences"),
            Map.entry(
                    "Milestones",
                    "An ICS's national milestones, rated at a date; programme managers move the manual ones (derived"
                            + " milestones complete themselves from the facts that complete them)"),
            Map.entry(
                    "Board",
                    "The board of the ICS NHS body: recruitment, preferred candidates, designate and substantive"
                            + " appointments, and whether the minimum composition is met"),
            Map.entry(
                    "Due diligence",
                    "Due diligence in its ten areas: planning, items, their assessment, and the sign-offs of the"
                            + " predecessor CCGs' accountable officers and the designate chief executive"),
            Map.entry(
                    "Constitution and MoU",
                    "The constitution (drafts, engagement, submission, the regional team's decision), the 2022/23"
                            + " MoU, and assurance comments"),
            Map.entry(
                    "CCG transfer schemes",
                    "Each CCG's transfer scheme: its items (staff, assets, liabilities, contracts), agreement by the"
                            + " CCG and every receiving ICS, variations, effecting and abolition; and the scheme as a"
                            + " register to export, edit in a spreadsheet and import"),
            Map.entry(
                    "Readiness",
                    "Ratings nationally, per region and per quarter at a date, and the overdue milestones; every"
                            + " summary is also a spreadsheet (CSV)"),
            Map.entry(
                    "Audit",
                    "The immutable trail of every change (who, in which role, why, for which request), its hash"
                            + " chain, digests and exports, for auditors and the national team; evidence packs per ICS"
                            + " and quarter that verify offline, and the keys they are signed with"),
            Map.entry(
                    "Approvals",
                    "Four eyes: the requests that wait for a second person (a sign-off, a constitution's approval or"
                            + " return, a re-baseline, a scheme's agreement, a replay, a retry of dead letters), which"
                            + " another person with the same right approves or rejects"),
            Map.entry(
                    "Operations",
                    "The read models for operators: position, lag, replays and dead letters (national team; auditors"
                            + " read)"),
            Map.entry(
                    "Development tokens",
                    "Only on the embedded default (a laptop, a demo, the tests): tokens signed with the service's own"
                            + " key. Absent, from this description too, wherever an identity provider is configured"));

    @Bean
    OpenAPI icsTransitionApi(Environment environment) {
        Components components = new Components();
        ModelConverters.getInstance()
                .readAll(ProblemDocumentation.Problem.class)
                .forEach(components::addSchemas);
        // the answer of every VersionedWrite, which springdoc cannot see behind their ResponseEntity<?>
        ModelConverters.getInstance().readAll(CommandAnswer.class).forEach(components::addSchemas);
        // the answer of an action that waits for a second person, also behind a ResponseEntity<?>
        ModelConverters.getInstance().readAll(FourEyes.Pending.class).forEach(components::addSchemas);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(TokenClaims.DESCRIPTION));
        SecurityRequirement security = new SecurityRequirement().addList(BEARER);
        List<SecurityRequirement> requirements = new ArrayList<>(List.of(security));
        String issuer = environment.getProperty(ISSUER);
        if (issuer != null && !issuer.isBlank()) {
            components.addSecuritySchemes(
                    OPENID_CONNECT,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.OPENIDCONNECT)
                            .openIdConnectUrl(
                                    issuer.strip().replaceAll("/+$", "") + "/.well-known/openid-configuration")
                            .description("Sign in through the identity provider; its tokens carry the claims of the"
                                    + " bearer scheme"));
            requirements.add(new SecurityRequirement().addList(OPENID_CONNECT));
        }
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("ics-transition API")
                        .version("v1")
                        .contact(new Contact().name("NHS England ICS transition programme"))
                        .license(new License().name("Open Government Licence v3.0"))
                        .description("""
                                Steering the 42 integrated care systems (ICSs) through the 2021/22 transition to \
                                statutory ICS NHS bodies.

                                Conventions: writes are commands (`POST` to a verb-named sub-resource) that answer \
                                a `WriteAnswer` with the aggregate's version, also sent as `ETag`; `If-Match` with \
                                a stale version is 412 before any rule is applied; `Idempotency-Key` makes a retry \
                                safe. Reads are eventually consistent: `X-Min-Version` waits briefly for a version \
                                just written. Reads accept `at` (the date ratings are computed for) and `asOf` (an \
                                instant: the state as it was known then). Lists are paged (`page`, `size`, at most \
                                500). Summaries and lists also answer CSV (`Accept: text/csv` or `?format=csv`). \
                                Every error is an RFC 9457 problem (`application/problem+json`) with a stable \
                                `code`; invalid input names each field in `errors`."""))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(components)
                .security(requirements);
        new TreeMap<>(TAGS)
                .forEach((name, description) ->
                        api.addTagsItem(new Tag().name(name).description(description)));
        return api;
    }

    /**
     * Tags in one order, each once, so the description reads (and diffs) the same on every start; only those of the
     * operations there are (no development tokens where there is no such operation).
     */
    @Bean
    OpenApiCustomizer tagsInOrder() {
        return api -> {
            if (api.getTags() != null) {
                java.util.Set<String> used = new java.util.HashSet<>();
                if (api.getPaths() != null) {
                    api.getPaths().values().forEach(path -> path.readOperations()
                            .forEach(operation -> {
                                if (operation.getTags() != null) {
                                    used.addAll(operation.getTags());
                                }
                            }));
                }
                api.getTags().removeIf(tag -> !used.contains(tag.getName()));
                Map<String, Tag> tags = new TreeMap<>();
                api.getTags()
                        .forEach(tag -> tags.merge(tag.getName(), tag, (a, b) -> a.getDescription() != null ? a : b));
                api.setTags(new ArrayList<>(tags.values()));
            }
        };
    }

    /** {@code @JsonRawValue} text is sent as the JSON it holds (an event's payload): an object, not a string. */
    @Bean
    PropertyCustomizer rawJsonIsAnObject() {
        return (property, type) -> {
            Annotation[] annotations = type.getCtxAnnotations();
            if (annotations != null) {
                for (Annotation annotation : annotations) {
                    if (annotation instanceof JsonRawValue) {
                        return new ObjectSchema()
                                .description(property.getDescription())
                                .additionalProperties(true);
                    }
                }
            }
            return property;
        };
    }

    /** The conventions, the CSV answers and the problems of every API operation. */
    @Bean
    OperationCustomizer contractConventions() {
        return (operation, handler) -> {
            Requires requires = handler.getMethodAnnotation(Requires.class);
            if (requires == null) {
                return operation;
            }
            String who = "**Who may:** " + requires.value().who() + ".";
            if (handler.hasMethodAnnotation(AwaitsSecondPerson.class)) {
                who = FOUR_EYES + "\n\n" + who;
            }
            operation.setDescription(
                    operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
            ApiResponses responses = operation.getResponses();
            ApiResponse ok = success(responses);
            if (handler.hasMethodAnnotation(VersionedWrite.class)) {
                header(
                        operation,
                        "If-Match",
                        "Only if the resource is still at this version: an ETag from a read or"
                                + " a write's answer, such as `\"12\"` (412 when it is not, whatever the rules would say)",
                        "\"12\"");
                header(
                        operation,
                        Writes.IDEMPOTENCY_KEY,
                        "Retries with the same key get the first answer and change"
                                + " nothing more (1 to 200 letters, digits or `._:-`)",
                        "mse-board-2021-09-01");
                if (ok != null) {
                    if (untyped(ok)) {
                        ok.setContent(new Content()
                                .addMediaType(
                                        JSON,
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + WRITE_ANSWER))));
                    }
                    ok.addHeaderObject("ETag", etag("The aggregate's version after the change"));
                }
                problem(responses, "409", "A rule of the domain refuses the change (see `code`)");
                problem(responses, "412", "If-Match named a version that is no longer current (`VERSION_MISMATCH`)");
                problem(responses, "413", "The request body is larger than the service takes");
            }
            VersionedRead versioned = handler.getMethodAnnotation(VersionedRead.class);
            if (versioned != null) {
                header(
                        operation,
                        Versions.MIN_VERSION,
                        "Wait briefly until the read shows at least this version (a"
                                + " write's answer); 503 when it does not in time",
                        "12");
                problem(
                        responses,
                        "503",
                        "X-Min-Version was not reached in time (`PROJECTION_BEHIND`); retry after"
                                + " `Retry-After` seconds");
            }
            if (versioned != null && versioned.answersVersion()) {
                header(
                        operation,
                        "If-None-Match",
                        "The ETag already held: 304 and no body when it is still current",
                        "\"12\"");
                if (ok != null) {
                    ok.addHeaderObject("ETag", etag("The version the answer shows"));
                }
                responses.addApiResponse(
                        "304",
                        new ApiResponse()
                                .description("Not modified: If-None-Match already names this version")
                                .addHeaderObject("ETag", etag("The version, unchanged")));
            }
            if (handler.hasMethodAnnotation(AwaitsSecondPerson.class) && !responses.containsKey("202")) {
                responses.addApiResponse(
                        "202",
                        new ApiResponse()
                                .description("Four eyes: nothing is changed yet; the request waits for a second person,"
                                        + " as the approval answered")
                                .content(new Content()
                                        .addMediaType(
                                                JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + APPROVAL_PENDING))))
                                .addHeaderObject(
                                        "Location",
                                        new Header()
                                                .description("The approval (`getApproval`)")
                                                .schema(new StringSchema()))
                                .addHeaderObject("ETag", etag("The approval's version")));
            }
            CsvAnswer csv = handler.getMethodAnnotation(CsvAnswer.class);
            if (csv != null && ok != null) {
                csv(operation, ok, csv, handler);
            }
            if (hasBody(handler)) {
                problem(responses, "400", "The body is not JSON, or not of this operation's shape");
            }
            if (names(handler)) {
                problem(responses, "404", "An organisation, milestone, seat or item the path names does not exist");
            }
            problem(responses, "401", "Missing, expired or unacceptable bearer token");
            problem(responses, "403", "The caller's roles do not allow this (here)");
            problem(responses, "422", "Invalid input: `errors` names each field");
            problem(
                    responses,
                    "429",
                    "More requests than this caller may make in a second; retry after `Retry-After`" + " seconds");
            problem(responses, "500", "The service failed; quote the correlationId");
            sort(operation);
            return operation;
        };
    }

    /** The development token endpoint needs no token: it is how one gets one. */
    @Bean
    OperationCustomizer developmentTokensNeedNoToken() {
        return (operation, handler) -> {
            if (DevTokenController.class.isAssignableFrom(handler.getBeanType())) {
                operation.setSecurity(List.of());
                problem(operation.getResponses(), "400", "The body is not JSON, or not of this operation's shape");
                problem(operation.getResponses(), "422", "Invalid input: `errors` names each field");
                problem(operation.getResponses(), "429", "Too many requests from this address");
                sort(operation);
            }
            return operation;
        };
    }

    private static void csv(Operation operation, ApiResponse ok, CsvAnswer csv, HandlerMethod handler) {
        List<String> columns =
                csv.columns().length > 0 ? List.of(csv.columns()) : CsvMessageConverter.columns(answerType(handler));
        Content content = new Content();
        if (ok.getContent() != null) {
            ok.getContent().forEach((type, media) -> {
                if (!type.equals(CSV)) {
                    content.addMediaType(type.equals("*/*") ? JSON : type, media);
                }
            });
        }
        content.addMediaType(
                CSV,
                new MediaType()
                        .schema(new StringSchema()
                                .description("UTF-8 with a byte-order mark, RFC 4180 (CRLF, quoted where needed), cells"
                                        + " that could start a formula prefixed with `'`; "
                                        + csv.rows() + "; columns: "
                                        + String.join(
                                                ", ",
                                                columns.stream()
                                                        .map(c -> "`" + c + "`")
                                                        .toList()))));
        ok.setContent(content);
        ok.addHeaderObject(
                "Content-Disposition",
                new Header()
                        .description("CSV only: `attachment; filename=\"...csv\"`, named after the path")
                        .schema(new StringSchema()));
        operation.addParametersItem(new QueryParameter()
                .name("format")
                .description("`csv` for the spreadsheet (for links, where `Accept: text/csv` cannot be set); `json`"
                        + " by default")
                .required(false)
                .schema(new StringSchema()._enum(List.of("json", "csv"))));
    }

    /** The declared answer type, inside a {@code ResponseEntity} where there is one. */
    private static ResolvableType answerType(HandlerMethod handler) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        return HttpEntity.class.isAssignableFrom(type.resolve(Object.class))
                ? type.as(HttpEntity.class).getGeneric(0)
                : type;
    }

    private static boolean hasBody(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)
                    && !parameter.getParameterType().equals(byte[].class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                return true;
            }
        }
        return false;
    }

    private static ApiResponse success(ApiResponses responses) {
        for (String status : List.of("200", "201", "202")) {
            if (responses.containsKey(status)) {
                return responses.get(status);
            }
        }
        return null;
    }

    /** An answer springdoc could not type ({@code ResponseEntity<?>}): no schema, or a bare object. */
    private static boolean untyped(ApiResponse response) {
        if (response.getContent() == null || response.getContent().isEmpty()) {
            return true;
        }
        for (MediaType media : response.getContent().values()) {
            Schema<?> schema = media.getSchema();
            if (schema != null
                    && (schema.get$ref() != null
                            || schema.getProperties() != null
                            || (schema.getType() != null && !"object".equals(schema.getType())))) {
                return false;
            }
        }
        return true;
    }

    private static Header etag(String description) {
        return new Header().description(description).schema(new StringSchema().example("\"12\""));
    }

    private static void header(Operation operation, String name, String description, String example) {
        if (operation.getParameters() != null) {
            for (Parameter existing : operation.getParameters()) {
                if (name.equalsIgnoreCase(existing.getName()) && "header".equals(existing.getIn())) {
                    return;
                }
            }
        }
        operation.addParametersItem(new HeaderParameter()
                .name(name)
                .description(description)
                .required(false)
                .schema(new StringSchema().example(example)));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
        }
        Content content = response.getContent() == null ? new Content() : response.getContent();
        content.remove("*/*");
        content.putIfAbsent(
                PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        response.setContent(content);
        if (status.equals("429") || status.equals("503")) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header().description("Seconds to wait before retrying").schema(new IntegerSchema().example(1)));
        }
    }

    /** Responses in the order of their status codes, so the description reads (and diffs) in one order. */
    private static void sort(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }
}
