package uk.nhs.ics.transition.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified, so a client sending the same token with every request has its signature
 * checked once rather than every time (decoding and verifying cost about a tenth of a write's CPU in the benchmark).
 *
 * <p>Only a token identical to one already verified, byte for byte (signature included), is answered from memory,
 * and only until it expires or is not yet valid: then it goes to the real decoder again, which refuses it as it
 * would have. At most {@code capacity} tokens are remembered (a Caffeine cache: no lock shared by every request).
 *
 * <p><b>Works around</b> Spring Security 6.5.11 (checked on 2026-12-01): {@code NimbusJwtDecoder} parses and verifies
 * the signature of every token it is given, the same token again included; it caches the JWK set, not what it
 * verified. {@code RememberingJwtDecoderTest} fails when Spring Security's version changes or its decoder remembers.
 */
public class RememberingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public RememberingJwtDecoder(JwtDecoder delegate, Clock clock, int capacity) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return known;
        }
        Jwt decoded = delegate.decode(token);
        verified.put(token, decoded);
        return decoded;
    }

    private boolean stillValid(Jwt jwt) {
        Instant now = clock.instant();
        return (jwt.getExpiresAt() == null || now.isBefore(jwt.getExpiresAt()))
                && (jwt.getNotBefore() == null || !now.isBefore(jwt.getNotBefore()));
    }
}
