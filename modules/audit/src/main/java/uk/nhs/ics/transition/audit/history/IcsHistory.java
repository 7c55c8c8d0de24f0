package uk.nhs.ics.transition.audit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import uk.nhs.ics.transition.audit.trail.AuditEvent;
import uk.nhs.ics.transition.audit.trail.AuditFilter;
import uk.nhs.ics.transition.audit.trail.AuditTrail;

/** An ICS's events (its own and its CCGs') in order, each with its sentence, as known at an instant. */
public class IcsHistory {

    private final AuditTrail trail;
    private final HistoryNarrator narrator;
    private final ObjectMapper json = new ObjectMapper();

    public IcsHistory(AuditTrail trail, HistoryNarrator narrator) {
        this.trail = trail;
        this.narrator = narrator;
    }

    /** One page of the history, and how many entries it has. */
    public record Slice(List<HistoryEntry> entries, long total) {}

    public Slice history(String ics, Instant asOf, long offset, int limit) {
        return slice(ics, asOf, offset, limit, false);
    }

    /** As {@link #history}, newest first: the page of a timeline that opens on the latest change. */
    public Slice latest(String ics, Instant asOf, long offset, int limit) {
        return slice(ics, asOf, offset, limit, true);
    }

    private Slice slice(String ics, Instant asOf, long offset, int limit, boolean newestFirst) {
        AuditFilter filter = new AuditFilter(ics, null, null, null, null, asOf == null ? null : asOf.plusMillis(1));
        AuditTrail.Slice page = trail.page(filter, offset, limit, newestFirst);
        return new Slice(page.events().stream().map(this::entry).toList(), page.total());
    }

    private HistoryEntry entry(AuditEvent event) {
        return new HistoryEntry(
                event.sequence(),
                event.occurredAt(),
                event.type(),
                event.aggregate(),
                event.aggregateVersion(),
                event.actor(),
                event.actorRole(),
                event.reason(),
                event.correlationId(),
                narrator.sentence(
                        event.type(),
                        parse(event.payload()),
                        event.actorName(),
                        event.actorRole(),
                        event.actorScope(),
                        event.reason(),
                        event.approvedByName(),
                        event.approvedByRole(),
                        event.approvedByScope()),
                event.approvedBy());
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
