package uk.nhs.ics.transition.web.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import uk.nhs.ics.transition.audit.evidence.EvidenceEntries;
import uk.nhs.ics.transition.audit.evidence.PackFormat;
import uk.nhs.ics.transition.audit.history.HistoryNarrator;
import uk.nhs.ics.transition.audit.ledger.Digest;
import uk.nhs.ics.transition.messages.ccg.SchemeStatus;
import uk.nhs.ics.transition.messages.common.Evidence;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.MilestoneKind;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.ics.DueDiligenceArea;
import uk.nhs.ics.transition.projections.board.BoardView;
import uk.nhs.ics.transition.projections.constitution.ConstitutionView;
import uk.nhs.ics.transition.projections.duediligence.DueDiligenceView;
import uk.nhs.ics.transition.projections.readiness.IcsRating;
import uk.nhs.ics.transition.projections.readiness.MilestoneView;
import uk.nhs.ics.transition.projections.transfer.LedgerTotals;
import uk.nhs.ics.transition.projections.transfer.TransferTotalsView;

/**
 * An evidence pack's {@code report.html}: the quarter in one printable page that needs no network (its stylesheet is
 * inline, it loads nothing): ratings and why, each milestone with its evidence, the board and its gaps, due diligence
 * and its sign-offs, the constitution, what transfers in, and the history in sentences with who did it and who
 * approved it. Written as it goes: the history streams from the ledger like the pack's events.
 */
public class EvidenceReport {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK).withZone(Programme.ZONE);

    private static final String STYLE = """
            body{font-family:Arial,Helvetica,sans-serif;color:#212b32;margin:2rem;line-height:1.4}
            h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #005eb8}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.85rem}
            th,td{border:1px solid #d8dde0;padding:.3rem .4rem;text-align:left;vertical-align:top}
            th{background:#f0f4f5}.GREEN{background:#e6f4ea}.AMBER{background:#fff4d6}.RED{background:#fde8e8}
            .meta{font-size:.9rem}.meta dt{font-weight:bold;float:left;clear:left;width:12rem}.meta dd{margin:0 0 .2rem 12rem}
            .small{font-size:.8rem;color:#4c6272}code{word-break:break-all}
            @media print{body{margin:1cm}h2{break-after:avoid}tr{break-inside:avoid}}
            """;

    private final EvidenceViews views;
    private final EvidenceEntries entries;
    private final HistoryNarrator narrator;
    private final ObjectMapper json = new ObjectMapper();

    public EvidenceReport(EvidenceViews views, EvidenceEntries entries, HistoryNarrator narrator) {
        this.views = views;
        this.entries = entries;
        this.narrator = narrator;
    }

    void write(EvidencePackRequest request, Digest digest, long events, OutputStream out) throws IOException {
        Writer html = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        String title = "Evidence pack: " + request.icsName() + " (" + request.icsCode() + "), "
                + (request.quarter().equals("ALL") ? "the whole programme" : request.quarter());
        html.write("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>");
        html.write(escape(title));
        html.write("</title><style>");
        html.write(STYLE);
        html.write("</style></head><body>\n<h1>");
        html.write(escape(title));
        html.write("</h1>\n<dl class=\"meta\">");
        meta(html, "Known as of", when(request.knownAsOf()) + " (" + request.knownAsOf() + ")");
        meta(html, "Ratings for", String.valueOf(request.ratedAt()));
        if (request.quarterEnd() != null) {
            meta(html, "Quarter ends", String.valueOf(request.quarterEnd()));
        }
        meta(html, "Region", request.regionCode());
        meta(html, "Predecessor CCGs", String.join(", ", request.ccgs()));
        meta(html, "Events in the pack", String.valueOf(events));
        meta(html, "Ledger digest", digest.events() + " events, root " + digest.root());
        meta(
                html,
                "Requested by",
                request.requestedBy().name() + " (" + request.requestedBy().sub() + ", "
                        + request.requestedBy().role()
                        + (request.requestedBy().scope() == null
                                ? ""
                                : " for " + request.requestedBy().scope())
                        + ") on " + when(request.generatedAt()));
        html.write("</dl>\n");

        ratings(html, request);
        milestones(html, request);
        board(html, request);
        dueDiligence(html, request);
        constitution(html, request);
        transfers(html, request);
        history(html, request, digest);

        html.write("<h2>Checking this pack</h2><p class=\"small\">Every file's SHA-256 is in ");
        html.write(PackFormat.MANIFEST);
        html.write(", which the service signed (");
        html.write(PackFormat.SIGNATURE);
        html.write("); each event's ledger entry and ");
        html.write(PackFormat.PROOF);
        html.write(" lead to the ledger's digest above. Check it offline with <code>java -jar ics-transition.jar"
                + " verify-pack this.zip --keys keys.json</code> (keys from GET /api/v1/audit/keys), or with"
                + " docs/audit/verify_pack.py.</p>\n</body></html>\n");
        html.flush();
    }

    private void ratings(Writer html, EvidencePackRequest request) throws IOException {
        html.write("<h2>Ratings</h2>\n");
        Optional<IcsRating> rating = views.rating(request);
        if (rating.isEmpty()) {
            html.write("<p>The ICS was not yet known.</p>\n");
            return;
        }
        IcsRating r = rating.get();
        html.write("<table><tr><th>Overall</th>");
        for (String quarter : r.ratingsByQuarter().keySet()) {
            html.write("<th>" + escape(quarter) + "</th>");
        }
        html.write("<th>Complete</th><th>Overdue</th></tr>\n<tr>");
        rated(html, r.overallRating() == null ? null : r.overallRating().name());
        for (Map.Entry<String, ?> quarter : r.ratingsByQuarter().entrySet()) {
            rated(html, quarter.getValue() == null ? null : quarter.getValue().toString());
        }
        html.write("<td>" + r.milestonesComplete() + " of " + r.milestonesTotal() + " (" + r.percentComplete()
                + "%)</td><td>" + r.overdueCount() + "</td></tr></table>\n");
    }

    private void milestones(Writer html, EvidencePackRequest request) throws IOException {
        html.write(
                "<h2>Milestones</h2>\n<table><tr><th>Milestone</th><th>Due</th><th>Status</th><th>Rating and why</th>"
                        + "<th>Completed</th><th>Evidence, risks and notes</th></tr>\n");
        for (MilestoneView m : views.milestones(request)) {
            html.write("<tr><td><strong>" + escape(m.code()) + "</strong><br>" + escape(m.title()) + "</td><td>"
                    + escape(String.valueOf(m.dueDate())) + "</td><td>" + escape(m.status()) + "</td>");
            String rating = m.rating() == null ? "" : m.rating().name();
            html.write("<td class=\"" + escape(rating) + "\">" + escape(rating)
                    + (m.ratingRule() == null
                            ? ""
                            : ": " + escape(m.ratingRule().explanation())) + "</td><td>"
                    + escape(m.completedOn() == null ? "" : m.completedOn().toString()) + "</td><td>");
            for (Evidence evidence : m.evidence() == null ? List.<Evidence>of() : m.evidence()) {
                html.write(escape(evidence.reference()) + ": " + escape(evidence.description()) + "<br>");
            }
            if (m.atRiskReason() != null) {
                html.write("At risk: " + escape(m.atRiskReason()) + "<br>");
            }
            if (m.note() != null) {
                html.write("Note: " + escape(m.note()));
            }
            if (m.kind() == MilestoneKind.DERIVED && m.completingFacts() != null) {
                html.write("<span class=\"small\">Completed by: " + escape(m.completingFacts()) + "</span>");
            }
            html.write("</td></tr>\n");
        }
        html.write("</table>\n");
    }

    private void board(Writer html, EvidencePackRequest request) throws IOException {
        html.write("<h2>Board</h2>\n");
        Optional<BoardView> board = views.board(request);
        if (board.isEmpty()) {
            html.write("<p>No board recorded.</p>\n");
            return;
        }
        html.write(
                "<p>"
                        + (board.get().meetsMinimum()
                                ? "Meets the minimum composition."
                                : "Does not yet meet the minimum composition: "
                                        + escape(String.join(", ", board.get().gaps())))
                        + "</p>\n<table><tr><th>Seat</th><th>Status</th><th>Holder</th><th>Process</th><th>Confirmed</th></tr>\n");
        for (BoardView.Seat seat : board.get().roles()) {
            html.write("<tr><td>" + escape(seat.role()) + "</td><td>" + escape(seat.status()) + "</td><td>"
                    + escape(seat.holder()) + "</td><td>" + escape(seat.process()) + "</td><td>"
                    + escape(
                            seat.confirmedOn() == null ? "" : seat.confirmedOn().toString()) + "</td></tr>\n");
        }
        html.write("</table>\n");
    }

    private void dueDiligence(Writer html, EvidencePackRequest request) throws IOException {
        html.write("<h2>Due diligence</h2>\n");
        Optional<DueDiligenceView> view = views.dueDiligence(request);
        if (view.isEmpty()) {
            html.write("<p>Not started.</p>\n");
            return;
        }
        DueDiligenceView dd = view.get();
        html.write("<p>" + escape(dd.status()) + (dd.completedOn() == null ? "" : ", complete on " + dd.completedOn())
                + ".</p>\n");
        html.write("<table><tr><th>Area</th><th>Item</th><th>Outcome</th><th>Risk and mitigation</th></tr>\n");
        for (Map.Entry<DueDiligenceArea, List<DueDiligenceView.Item>> area :
                dd.itemsByArea().entrySet()) {
            for (DueDiligenceView.Item item : area.getValue()) {
                html.write("<tr><td>" + escape(area.getKey()) + "</td><td>" + escape(item.itemId()) + " "
                        + escape(item.title()) + "</td><td>" + escape(item.outcome()) + "</td><td>"
                        + escape(item.risk()) + (item.mitigation() == null ? "" : ": " + escape(item.mitigation()))
                        + "</td></tr>\n");
            }
        }
        html.write("</table>\n<table><tr><th>Signed off by</th><th>As</th></tr>\n");
        for (DueDiligenceView.SignOff signOff : dd.signOffs()) {
            html.write("<tr><td>" + escape(signOff.signatory()) + "</td><td>" + escape(signOff.capacity())
                    + (signOff.ccgCode() == null ? "" : " of " + escape(signOff.ccgCode())) + "</td></tr>\n");
        }
        html.write("</table>\n");
    }

    private void constitution(Writer html, EvidencePackRequest request) throws IOException {
        html.write("<h2>Constitution and MoU</h2>\n");
        Optional<ConstitutionView> view = views.constitution(request);
        if (view.isEmpty()) {
            html.write("<p>Nothing recorded.</p>\n");
            return;
        }
        ConstitutionView c = view.get();
        html.write("<p>Constitution: " + escape(c.status()) + " (draft " + c.currentDraftVersion() + ")"
                + (c.decision() == null
                        ? ""
                        : "; " + escape(c.decision().decision()) + " on "
                                + c.decision().decidedOn()
                                + (c.decision().comments() == null
                                        ? ""
                                        : ": " + escape(c.decision().comments())))
                + ". MoU: " + escape(c.mou().status()) + ".</p>\n");
    }

    private void transfers(Writer html, EvidencePackRequest request) throws IOException {
        html.write("<h2>What transfers in</h2>\n<table><tr><th>From</th><th>Scheme</th><th>Items</th><th>Assets</th>"
                + "<th>Liabilities</th><th>Contracts</th><th>Headcount (WTE)</th></tr>\n");
        LedgerTotals totals = views.transferTotals(request);
        for (var ccg : totals.byCcg()) {
            totalsRow(html, ccg.ccgCode(), ccg.schemeStatus(), ccg.totals());
        }
        totalsRow(html, "every CCG", null, totals.totals());
        html.write("</table>\n");
    }

    private static void totalsRow(Writer html, String from, SchemeStatus status, TransferTotalsView t)
            throws IOException {
        html.write("<tr><td>" + escape(from) + "</td><td>" + escape(status) + "</td><td>" + t.items() + "</td><td>"
                + pounds(t.assetsPence()) + "</td><td>" + pounds(t.liabilitiesPence()) + "</td><td>"
                + t.contractCount() + " (" + pounds(t.contractAnnualValuePence()) + " a year)</td><td>"
                + t.headcount() + " (" + t.wte() + ")</td></tr>\n");
    }

    /** The pack's events in sentences, read from the ledger a second time (the same snapshot as the events file). */
    private void history(Writer html, EvidencePackRequest request, Digest digest) throws IOException {
        html.write("<h2>History</h2>\n<table><tr><th>Ledger entry</th><th>When</th><th>What, who and why</th></tr>\n");
        try {
            entries.stream(request.icsCode(), request.ccgs(), request.knownAsOf(), digest.events(), entry -> {
                JsonNode payload = parse(entry.event().payload());
                JsonNode metaData = parse(entry.event().metaData());
                String sentence = narrator.sentence(
                        entry.event().eventType(),
                        payload,
                        text(metaData, MetadataKeys.ACTOR_NAME),
                        text(metaData, MetadataKeys.ACTOR_ROLE),
                        text(metaData, MetadataKeys.ACTOR_SCOPE),
                        text(metaData, MetadataKeys.REASON),
                        text(metaData, MetadataKeys.APPROVED_BY_NAME),
                        text(metaData, MetadataKeys.APPROVED_BY_ROLE),
                        text(metaData, MetadataKeys.APPROVED_BY_SCOPE));
                try {
                    html.write("<tr><td>" + entry.sequence() + "</td><td>"
                            + escape(when(entry.event().timeStamp()))
                            + "</td><td>" + escape(entry.event().aggregateIdentifier()) + ": " + escape(sentence)
                            + "</td></tr>\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        html.write("</table>\n");
    }

    /** The pack's {@code README.txt}: what it is and how to check it. */
    static String readme(EvidencePackRequest request, Digest digest) {
        return "Evidence pack of " + request.icsName() + " (" + request.icsCode() + "), " + request.quarter()
                + "\r\n\r\n"
                + "Known as of " + request.knownAsOf() + "; ratings for " + request.ratedAt() + ".\r\n"
                + "Ledger digest: " + digest.events() + " events, head " + digest.head() + ", root " + digest.root()
                + ".\r\n\r\n"
                + PackFormat.EVENTS + "  every event of the ICS and of the CCG schemes it receives from, with its"
                + " ledger entry\r\n"
                + PackFormat.PROOF + "  the hashes linking those entries to the ledger's digest (RFC 6962)\r\n"
                + "*.csv  the views as known at the pack's instant\r\n"
                + PackFormat.REPORT + "  the same, readable and printable\r\n"
                + PackFormat.MANIFEST + "  every file's SHA-256, the parameters, who asked and when\r\n"
                + PackFormat.SIGNATURE + "  the manifest signed by the service (JWS, RS256)\r\n\r\n"
                + "To check it offline: java -jar ics-transition.jar verify-pack <this zip> --keys <keys.json>\r\n"
                + "(keys.json from GET /api/v1/audit/keys), or python3 verify_pack.py <this zip> <keys.json>"
                + " (docs/audit in the service's source).\r\n";
    }

    private static void meta(Writer html, String term, String value) throws IOException {
        html.write("<dt>" + escape(term) + "</dt><dd>" + escape(value) + "</dd>");
    }

    private static void rated(Writer html, String rating) throws IOException {
        html.write("<td class=\"" + escape(rating == null ? "" : rating) + "\">" + escape(rating == null ? "" : rating)
                + "</td>");
    }

    private JsonNode parse(byte[] bytes) {
        if (bytes == null) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            return node == null ? json.createObjectNode() : node;
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String when(Instant instant) {
        return WHEN.format(instant);
    }

    private static String when(String timeStamp) {
        try {
            return when(Instant.parse(timeStamp));
        } catch (RuntimeException unreadable) {
            return timeStamp;
        }
    }

    private static String pounds(long pence) {
        return String.format(Locale.UK, "£%,d.%02d", pence / 100, Math.abs(pence % 100));
    }

    /** A code as its name, escaped ({@code ""} for none). */
    static String escape(Enum<?> code) {
        return code == null ? "" : escape(code.name());
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
