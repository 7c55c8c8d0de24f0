package uk.nhs.ics.transition.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The claims the documentation names are the claims the code reads, in the deployment guide and the contract. */
class TokenClaimsDocumentationTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z]+)` \\|");

    @Test
    void the_deployment_guides_claims_table_names_the_claims_the_code_reads() throws IOException {
        String guide = Files.readString(Path.of("../../deploy/README.md"), StandardCharsets.UTF_8);
        String table = guide.substring(guide.indexOf("## Tokens and identity providers"));

        assertThat(claims(table)).containsExactlyElementsOf(ClaimMapping.CLAIMS);
        assertThat(guide).doesNotContain("`systems` claim");
    }

    @Test
    void the_openapi_bearer_scheme_names_the_claims_the_code_reads() {
        assertThat(claims(TokenClaims.DESCRIPTION)).containsExactlyElementsOf(ClaimMapping.CLAIMS);
    }

    private static List<String> claims(String text) {
        List<String> claims = new ArrayList<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            claims.add(row.group(1));
        }
        return claims;
    }
}
