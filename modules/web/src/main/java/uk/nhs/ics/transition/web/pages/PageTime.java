package uk.nhs.ics.transition.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.ics.transition.projections.AsOf;
import uk.nhs.ics.transition.web.http.Reads;

/**
 * The two times every page answers for, as the API does: the rating date ({@code ?at=}, by default the business
 * clock's today) and the knowledge time ({@code ?asOf=}, by default now). Links between pages carry them along, so a
 * person looking at December 2021 stays in December 2021 as they move around.
 *
 * @param given the rating date asked for, or null
 * @param asOf the knowledge time asked for, or null
 * @param at the rating date in effect
 * @param today the business clock's today
 */
public record PageTime(LocalDate given, Instant asOf, LocalDate at, LocalDate today) {

    static PageTime of(LocalDate at, Instant asOf, Reads reads) {
        return new PageTime(at, asOf, reads.at(at), reads.at(null));
    }

    public AsOf knowledge() {
        return AsOf.of(asOf);
    }

    /** Whether the page shows anything but today as known now: then a banner says so. */
    public boolean isPast() {
        return (given != null && !given.equals(today)) || asOf != null;
    }

    /** A link to a page of the service at the same times. */
    public String link(String path) {
        return link(path, null);
    }

    /** A link to a page of the service at the same times, with more of a query (already encoded). */
    public String link(String path, String query) {
        List<String> parameters = new ArrayList<>();
        if (given != null) {
            parameters.add("at=" + given);
        }
        if (asOf != null) {
            parameters.add("asOf=" + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8));
        }
        if (query != null && !query.isEmpty()) {
            parameters.add(query);
        }
        return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
    }

    /** The value for the knowledge time's form field. */
    public String asOfText() {
        return asOf == null ? "" : asOf.toString();
    }

    /** The value for the rating date's form field. */
    public String atText() {
        return given == null ? "" : given.toString();
    }
}
