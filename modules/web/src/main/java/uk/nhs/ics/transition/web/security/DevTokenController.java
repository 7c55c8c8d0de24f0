package uk.nhs.ics.transition.web.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/dev/tokens}: a signed token for whoever the body describes. It exists only on the embedded
 * default (a laptop, a demo, the tests): with an identity provider configured it is not registered at all.
 */
@RestController
@ConditionalOnProperty(name = "ics.security.dev-tokens", havingValue = "true")
@RequestMapping("/api/v1/dev/tokens")
@Tag(name = "Development tokens")
public class DevTokenController {

    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** A signed development token. */
    @Schema(
            name = "DevelopmentToken",
            example = "{\"token\": \"eyJraWQiOiJkZXYiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJqYW5lLnNtaXRoIn0.c2lnbmF0dXJl\"}")
    public record DevelopmentToken(
            @Schema(
                    description = "A JWT to send as `Authorization: Bearer <token>`",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String token) {}

    @PostMapping
    @Operation(
            operationId = "issueDevelopmentToken",
            summary = "Issue a development token signed with the service's own key",
            description = "Needs no token: it is how one gets one on a laptop, in a demo or in the tests. The token"
                    + " says what the body says (`sub`, `name`, `roles`, `ics`, `regions`), is valid for the configured"
                    + " lifetime and names the configured audience. This operation exists only on the embedded"
                    + " default: wherever an identity provider is configured it is absent (404), and so is this"
                    + " entry of the description.")
    public DevelopmentToken issue(@Valid @RequestBody DevTokenRequest request) {
        return new DevelopmentToken(issuer.issue(
                request.sub().strip(),
                request.name(),
                request.roles().stream().map(Role::name).toList(),
                request.ics(),
                request.regions()));
    }
}
