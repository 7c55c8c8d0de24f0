package uk.nhs.ics.transition.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A verified token is remembered only while it is valid, and only for exactly the same token. */
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
    void it_remembers_at_most_its_capacity_forgetting_the_least_recently_used() {
        RememberingJwtDecoder decoder = new RememberingJwtDecoder(real, at(NOW), 2);

        decoder.decode("a");
        decoder.decode("b");
        decoder.decode("a");
        decoder.decode("c");
        decoder.decode("a");
        decoder.decode("b");

        assertThat(verified).containsExactly("a", "b", "c", "b");
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
