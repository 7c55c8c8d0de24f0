package uk.nhs.ics.transition.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs tokens for a laptop, a demo or a test, with the {@link DevSigningKey}, and verifies them. Only the embedded
 * default has one: with an external identity provider configured, the service neither issues nor accepts these.
 */
public class DevTokenIssuer {

    /** The {@code iss} of every development token; a token from anywhere else is refused. */
    public static final String ISSUER = "urn:ics-transition:dev";

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;
    private final Duration lifetime;
    private final String audience;

    /**
     * @param audience the audience every token names ({@code aud}), or {@code null} for none
     */
    public DevTokenIssuer(RSAKey key, Clock clock, Duration lifetime, String audience) {
        this.key = key;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.clock = clock;
        this.lifetime = lifetime;
        this.audience = audience == null || audience.isBlank() ? null : audience.strip();
    }

    /** A signed token whose claims describe the caller as given. */
    public String issue(String subject, String name, List<String> roles, List<String> ics, List<String> regions) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .claim(TokenClaims.NAME, name == null ? subject : name)
                .claim(TokenClaims.ROLES, roles)
                .claim(TokenClaims.ICS, ics)
                .claim(TokenClaims.REGIONS, regions);
        if (audience != null) {
            builder.audience(List.of(audience));
        }
        JwtClaimsSet claims = builder.build();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** Verifies signature, issuer and validity period of a development token. */
    public JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("the development signing key has no usable public key", e);
        }
    }
}
