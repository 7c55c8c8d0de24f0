package uk.nhs.ics.transition.web.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Map;
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
@Tag(name = "Development tokens", description = "Only on the embedded default; absent (404) in production")
public class DevTokenController {

    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @PostMapping
    @Operation(summary = "Issue a development token signed with the service's own key")
    public Map<String, String> issue(@Valid @RequestBody DevTokenRequest request) {
        return Map.of(
                "token",
                issuer.issue(
                        request.sub().strip(),
                        request.name(),
                        request.roles().stream().map(Role::name).toList(),
                        request.ics(),
                        request.regions()));
    }
}
