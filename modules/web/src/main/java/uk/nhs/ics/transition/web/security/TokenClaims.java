package uk.nhs.ics.transition.web.security;

/**
 * The claims of a token that say who the caller is: the one place they are named. {@link Caller} reads them,
 * {@link TokenRules} checks them, {@link DevTokenIssuer} writes them, and the OpenAPI description and the
 * documentation (README, deploy/README.md) say the same. An identity provider that cannot emit these names has its own
 * mapped onto them by {@code ics.security.claims.*} ({@link ClaimMapping}), never by renaming them here.
 */
public final class TokenClaims {

    /** The person's identifier, recorded as the actor of every change. */
    public static final String SUB = "sub";

    /** The person's display name (the subject when absent). */
    public static final String NAME = "name";

    /** Any of the {@link Role} names; others are ignored. */
    public static final String ROLES = "roles";

    /** The ICS codes a programme manager may change. */
    public static final String ICS = "ics";

    /** The region codes a regional team oversees. */
    public static final String REGIONS = "regions";

    /** The claims as the OpenAPI description's bearer scheme states them. */
    public static final String DESCRIPTION = """
            A JWT from the identity provider (or, on the embedded default, `POST /api/v1/dev/tokens`). Its claims say \
            who the caller is:

            | claim | meaning |
            |-------|---------|
            | `sub` | the person's identifier, recorded as the actor of every change |
            | `name` | display name |
            | `roles` | any of `PROGRAMME_MANAGER`, `REGIONAL_OVERSIGHT`, `NATIONAL_PROGRAMME`, `AUDITOR` |
            | `ics` | ICS codes a programme manager may change, e.g. `["QKS"]` |
            | `regions` | region codes a regional team oversees, e.g. `["Y59"]` |

            Every token needs an `exp` no more than the configured lifetime away, and names the configured \
            audience in `aud` when one is set (`ICS_TOKEN_AUDIENCE`).""";

    private TokenClaims() {}
}
