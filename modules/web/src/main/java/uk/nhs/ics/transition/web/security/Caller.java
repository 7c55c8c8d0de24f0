package uk.nhs.ics.transition.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The person behind a request, as their token describes them.
 *
 * @param subject the token's {@code sub}, recorded as the actor of every change they make
 * @param name the token's {@code name}
 * @param roles the roles granted; unknown role names are ignored
 * @param ics the ICS codes a programme manager may change
 * @param regions the region codes a regional team oversees
 */
public record Caller(String subject, String name, Set<Role> roles, Set<String> ics, Set<String> regions) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        ics = Set.copyOf(new TreeSet<>(ics));
        regions = Set.copyOf(new TreeSet<>(regions));
    }

    public static Caller from(Jwt jwt) {
        return fromClaims(jwt.getClaims());
    }

    /**
     * The caller the claims describe ({@code sub}, {@code name}, {@code roles}, {@code ics}, {@code regions}), the same
     * whether they come from a bearer token or from the identity provider's sign-in of a person in a browser.
     */
    public static Caller fromClaims(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(claims, TokenClaims.ROLES)) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        Object sub = claims.get(TokenClaims.SUB);
        String subject = sub == null ? null : sub.toString();
        Object given = claims.get(TokenClaims.NAME);
        String name = given instanceof String text && !text.isBlank() ? text : subject;
        return new Caller(
                subject,
                name,
                roles,
                Set.copyOf(strings(claims, TokenClaims.ICS)),
                Set.copyOf(strings(claims, TokenClaims.REGIONS)));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    private static List<String> strings(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        if (value instanceof Collection<?> values) {
            return values.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        return List.of();
    }
}
