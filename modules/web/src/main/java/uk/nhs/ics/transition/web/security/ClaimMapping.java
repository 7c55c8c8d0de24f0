package uk.nhs.ics.transition.web.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Where an identity provider puts the {@link TokenClaims}, when it cannot name them as the service does: configured by
 * {@code ics.security.claims.sub}, {@code .name}, {@code .roles}, {@code .ics} and {@code .regions}, each naming the
 * provider's claim (by default the same name). A claim is found by its exact name first (Entra ID's directory
 * extensions are named {@code extn.icsCodes}), else as a dotted path into nested objects (Keycloak's realm roles are
 * {@code realm_access.roles}). The claims are mapped once, as a token is decoded (and as a person signs in to the
 * pages), so everything after reads the service's own names.
 *
 * @param sources for each of the service's claim names, the provider's claim that holds it
 */
public record ClaimMapping(Map<String, String> sources) {

    static final String PREFIX = "ics.security.claims.";
    static final List<String> CLAIMS =
            List.of(TokenClaims.SUB, TokenClaims.NAME, TokenClaims.ROLES, TokenClaims.ICS, TokenClaims.REGIONS);

    public ClaimMapping {
        sources = Map.copyOf(sources);
    }

    /** The mapping configured in the environment; the service's own names where none is configured. */
    public static ClaimMapping from(Environment environment) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String claim : CLAIMS) {
            String source = environment.getProperty(PREFIX + claim, claim).strip();
            sources.put(claim, source.isEmpty() ? claim : source);
        }
        return new ClaimMapping(sources);
    }

    /** Whether every claim is read under its own name. */
    public boolean isIdentity() {
        return sources.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()));
    }

    /** The claims with the service's names set from the provider's (removed where the provider's is absent). */
    public Map<String, Object> apply(Map<String, Object> claims) {
        if (isIdentity()) {
            return claims;
        }
        Map<String, Object> mapped = new LinkedHashMap<>(claims);
        sources.forEach((claim, source) -> {
            if (!claim.equals(source)) {
                Object value = find(claims, source);
                if (value == null) {
                    mapped.remove(claim);
                } else {
                    mapped.put(claim, value);
                }
            }
        });
        return mapped;
    }

    /** The token with the service's claim names, its value, headers and times unchanged. */
    public Jwt apply(Jwt jwt) {
        if (isIdentity()) {
            return jwt;
        }
        Map<String, Object> mapped = apply(jwt.getClaims());
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(headers -> headers.putAll(jwt.getHeaders()))
                .claims(claims -> {
                    claims.clear();
                    claims.putAll(mapped);
                })
                .build();
    }

    private static Object find(Map<String, Object> claims, String source) {
        if (claims.containsKey(source)) {
            return claims.get(source);
        }
        Object node = claims;
        for (String part : source.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }
}
