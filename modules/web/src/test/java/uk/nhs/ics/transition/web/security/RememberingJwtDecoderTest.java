package uk.nhs.ics.transition.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.SpringSecurityCoreVersion;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A verified token is remembered only while it is valid, and only for exactly the same token; and the behaviour of
 * Spring Security it works around is still there in the version it was checked against.
 */
class RememberingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2021-09-30T17:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private Instant expiry = NOW.plusSeconds(3600);
    private boolean refuse;

    private final JwtDecoder real = token -> {
        verified.add(token);
        if (refuse) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject("jane")
                .issuedAt(NOW.minusSeconds(10))
                .notBefore(NOW.minusSeconds(10))
                .expiresAt(expiry)
                .build();
    };

    @Test
    void the_same_token_is_verified_once_while_it_is_valid() {
        RememberingJwtDecoder decoder = new RememberingJwtDecoder(real, at(NOW), 10);

        decoder.decode("token-a");
        decoder.decode("token-a");
        Jwt jwt = decoder.decode("token-a");

        assertThat(verified).containsExactly("token-a");
        assertThat(jwt.getSubject()).isEqualTo("jane");
    }

    @Test
    void a_different_token_even_by_one_character_is_verified_afresh() {
        RememberingJwtDecoder decoder = new RememberingJwtDecoder(real, at(NOW), 10);

        decoder.decode("token-a");
        decoder.decode("token-b");

        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void an_expired_token_goes_back_to_the_real_decoder_which_refuses_it() {
        expiry = NOW.plusSeconds(60);
        Instant[] now = {NOW};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        RememberingJwtDecoder decoder = new RememberingJwtDecoder(real, clock, 10);
        decoder.decode("token-a");

        now[0] = NOW.plusSeconds(61);
        refuse = true;

        assertThatThrownBy(() -> decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void it_remembers_at_most_its_capacity() {
        RememberingJwtDecoder decoder = new RememberingJwtDecoder(real, at(NOW), 10);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 100; i++) {
                decoder.decode("token-" + i);
            }
        }

        assertThat(verified)
                .as("of the second round, at most the 10 remembered are answered from memory")
                .hasSizeGreaterThanOrEqualTo(190);
    }

    /**
     * Fails when Spring Security changes: then check whether its own decoder still verifies the same token every
     * time, and remove {@link RememberingJwtDecoder} if it does not.
     */
    @Test
    void springs_own_decoder_still_verifies_the_same_token_every_time() throws Exception {
        assertThat(SpringSecurityCoreVersion.getVersion())
                .as("the Spring Security release RememberingJwtDecoder was checked against; check it again and update"
                        + " this")
                .isEqualTo("6.5.11");
        AtomicInteger processed = new AtomicInteger();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>() {
            @Override
            public JWTClaimsSet process(JWT jwt, SecurityContext context) throws BadJOSEException, JOSEException {
                processed.incrementAndGet();
                try {
                    return jwt.getJWTClaimsSet();
                } catch (java.text.ParseException e) {
                    throw new BadJOSEException("unreadable", e);
                }
            }
        };
        SignedJWT signed = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("jane")
                        .expirationTime(java.util.Date.from(Instant.now().plusSeconds(3600)))
                        .build());
        signed.sign(new MACSigner(new byte[32]));
        String token = signed.serialize();
        NimbusJwtDecoder spring = new NimbusJwtDecoder(processor);
        spring.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());

        spring.decode(token);
        spring.decode(token);

        assertThat(processed)
                .as("Spring's decoder now remembers what it verified: RememberingJwtDecoder can go")
                .hasValue(2);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
