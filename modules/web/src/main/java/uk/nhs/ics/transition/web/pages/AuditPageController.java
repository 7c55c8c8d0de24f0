package uk.nhs.ics.transition.web.pages;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uk.nhs.ics.transition.audit.ledger.LedgerVerifier;
import uk.nhs.ics.transition.audit.trail.AuditFilter;
import uk.nhs.ics.transition.audit.trail.AuditTrail;
import uk.nhs.ics.transition.web.audit.AuditExport;
import uk.nhs.ics.transition.web.security.Caller;

/**
 * {@code /audit}: the trail for auditors (and the national team, as the trail's API allows), with the API's filters,
 * newest first; the ledger's digest; downloads of the filtered trail; and, on request, the chain's verification
 * (which reads every event, so it is not run on every view of the page).
 */
@Controller
@Hidden
class AuditPageController {

    static final int EVENTS_PER_PAGE = 50;

    private final AuditTrail trail;
    private final LedgerVerifier verifier;
    private final AuditExport export;
    private final PageAccess access;
    private final PageReads pages;

    AuditPageController(
            AuditTrail trail, LedgerVerifier verifier, AuditExport export, PageAccess access, PageReads pages) {
        this.trail = trail;
        this.verifier = verifier;
        this.export = export;
        this.access = access;
        this.pages = pages;
    }

    /** The filters of the trail, as the page's form and its links carry them. */
    public record Filters(String ics, String ccg, String type, String actor, Instant from, Instant to) {

        AuditFilter filter() {
            return new AuditFilter(blank(ics), blank(ccg), blank(type), blank(actor), from, to);
        }

        /** The filters as a query string (encoded), for links. */
        public String query() {
            List<String> parameters = new ArrayList<>();
            add(parameters, "ics", blank(ics));
            add(parameters, "ccg", blank(ccg));
            add(parameters, "type", blank(type));
            add(parameters, "actor", blank(actor));
            add(parameters, "from", from);
            add(parameters, "to", to);
            return String.join("&", parameters);
        }

        /** A link with these filters and more of a query. */
        public String link(String path, String more) {
            String query = query();
            if (more != null && !more.isEmpty()) {
                query = query.isEmpty() ? more : query + "&" + more;
            }
            return query.isEmpty() ? path : path + "?" + query;
        }

        public boolean any() {
            return !query().isEmpty();
        }

        private static void add(List<String> parameters, String name, Object value) {
            if (value != null) {
                parameters.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) @Pattern(regexp = "|Q[A-Z0-9]{2}") String ics,
            @RequestParam(required = false) @Pattern(regexp = "|[0-9A-Z]{3,5}") String ccg,
            @RequestParam(required = false) @Pattern(regexp = "|[A-Za-z]{1,80}") String type,
            @RequestParam(required = false) @Pattern(regexp = "|[^\\p{Cntrl}]{1,200}") String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            Caller caller,
            Model model) {
        access.audit(caller);
        Filters filters = new Filters(ics, ccg, type, actor, from, to);
        model.addAttribute("filters", filters);
        model.addAttribute("page", page);
        pages.consistently(() -> {
            AuditTrail.Slice slice = trail.page(filters.filter(), (long) page * EVENTS_PER_PAGE, EVENTS_PER_PAGE, true);
            model.addAttribute("events", slice.events());
            model.addAttribute("total", slice.total());
            model.addAttribute("pages", Math.max(1, (slice.total() + EVENTS_PER_PAGE - 1) / EVENTS_PER_PAGE));
            model.addAttribute("digest", verifier.digest(null));
            return null;
        });
        return "pages/audit";
    }

    @GetMapping("/audit/verification")
    String verification(
            @RequestParam(required = false) @Min(1) Long digestEvents,
            @RequestParam(required = false) @Pattern(regexp = "|[0-9a-f]{64}") String digestHead,
            Caller caller,
            Model model) {
        access.audit(caller);
        String head = digestHead == null || digestHead.isBlank() ? null : digestHead;
        model.addAttribute("verification", verifier.verify(head == null ? null : digestEvents, head));
        model.addAttribute("digestEvents", digestEvents);
        model.addAttribute("digestHead", digestHead);
        return "pages/audit-verification";
    }

    @GetMapping("/audit/export.csv")
    ResponseEntity<StreamingResponseBody> csv(
            @RequestParam(required = false) @Pattern(regexp = "|Q[A-Z0-9]{2}") String ics,
            @RequestParam(required = false) @Pattern(regexp = "|[0-9A-Z]{3,5}") String ccg,
            @RequestParam(required = false) @Pattern(regexp = "|[A-Za-z]{1,80}") String type,
            @RequestParam(required = false) @Pattern(regexp = "|[^\\p{Cntrl}]{1,200}") String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            Caller caller) {
        access.audit(caller);
        return export.response(new Filters(ics, ccg, type, actor, from, to).filter(), true);
    }

    @GetMapping("/audit/export.ndjson")
    ResponseEntity<StreamingResponseBody> ndjson(
            @RequestParam(required = false) @Pattern(regexp = "|Q[A-Z0-9]{2}") String ics,
            @RequestParam(required = false) @Pattern(regexp = "|[0-9A-Z]{3,5}") String ccg,
            @RequestParam(required = false) @Pattern(regexp = "|[A-Za-z]{1,80}") String type,
            @RequestParam(required = false) @Pattern(regexp = "|[^\\p{Cntrl}]{1,200}") String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            Caller caller) {
        access.audit(caller);
        return export.response(new Filters(ics, ccg, type, actor, from, to).filter(), false);
    }
}
