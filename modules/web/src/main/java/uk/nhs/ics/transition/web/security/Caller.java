package uk.nhs.ics.transition.web.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
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
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : strings(jwt, "roles")) {
            for (Role known : Role.values()) {
                if (known.name().equals(role)) {
                    roles.add(known);
                }
            }
        }
        String name = jwt.getClaimAsString("name");
        return new Caller(
                jwt.getSubject(),
                name == null || name.isBlank() ? jwt.getSubject() : name,
                roles,
                Set.copyOf(strings(jwt, "ics")),
                Set.copyOf(strings(jwt, "regions")));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    private static List<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
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
