package uk.nhs.ics.transition.app.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import uk.nhs.ics.transition.web.security.DevSigningKey;
import uk.nhs.ics.transition.web.security.DevTokenIssuer;

/**
 * The embedded default's own tokens: a key generated into the data folder, the issuer that signs tokens with it
 * (served by {@code DevTokenController} under the same condition), and the decoder that trusts only them. None of it exists with an external identity provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = IcsEnvironment.DEV_TOKENS, havingValue = "true")
public class DevTokenConfiguration {

    @Bean
    DevTokenIssuer devTokenIssuer(
            @Value("${ics.data-dir}") Path dataDir,
            @Value("${ics.security.dev-token-lifetime:8h}") Duration lifetime,
            @Value("${ics.security.token.audience:}") String audience) {
        // tokens live in real time, whatever the business clock says
        return new DevTokenIssuer(DevSigningKey.loadOrCreate(dataDir), Clock.systemUTC(), lifetime, audience);
    }

    @Bean
    JwtDecoder jwtDecoder(DevTokenIssuer issuer) {
        return issuer.decoder();
    }
}
