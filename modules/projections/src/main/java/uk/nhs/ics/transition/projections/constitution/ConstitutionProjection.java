package uk.nhs.ics.transition.projections.constitution;

import static uk.nhs.ics.transition.projections.TemporalTable.values;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.common.IcsCode;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.messages.common.Programme;
import uk.nhs.ics.transition.messages.ics.AssuranceCommentAdded;
import uk.nhs.ics.transition.messages.ics.ConstitutionApproved;
import uk.nhs.ics.transition.messages.ics.ConstitutionDraftRecorded;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementClosed;
import uk.nhs.ics.transition.messages.ics.ConstitutionEngagementOpened;
import uk.nhs.ics.transition.messages.ics.ConstitutionReturned;
import uk.nhs.ics.transition.messages.ics.ConstitutionStatus;
import uk.nhs.ics.transition.messages.ics.ConstitutionSubmitted;
import uk.nhs.ics.transition.messages.ics.IcsEvent;
import uk.nhs.ics.transition.messages.ics.IcsTransitionOpened;
import uk.nhs.ics.transition.messages.ics.MouAgreed;
import uk.nhs.ics.transition.messages.ics.MouDrafted;
import uk.nhs.ics.transition.messages.ics.MouStatus;
import uk.nhs.ics.transition.projections.Json;
import uk.nhs.ics.transition.projections.PositionOnly;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.Sql;
import uk.nhs.ics.transition.projections.TemporalTable;

/** Folds constitution, MoU and assurance events into their tables. Drafts and comments are recorded once. */
@ProcessingGroup(ConstitutionProjection.NAME)
public class ConstitutionProjection {

    public static final String NAME = "constitution";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("constitution_state", "constitution_draft", "assurance_comment");

    static final TemporalTable STATE = new TemporalTable(
            "constitution_state",
            List.of("ics_code"),
            List.of(
                    "status",
                    "draft_version",
                    "engagement_opened_on",
                    "engagement_closed_on",
                    "submitted_on",
                    "submitted_gaps",
                    "decision",
                    "decision_comments",
                    "decided_on",
                    "mou_status",
                    "mou_document_reference",
                    "mou_agreed_on"),
            Set.of("submitted_gaps"));

    private final JdbcClient jdbc;

    public ConstitutionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(IcsTransitionOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.replace(
                jdbc,
                key(event.icsCode()),
                values(
                        "status", ConstitutionStatus.DRAFTING.name(),
                        "draft_version", 0,
                        "engagement_opened_on", null,
                        "engagement_closed_on", null,
                        "submitted_on", null,
                        "submitted_gaps", null,
                        "decision", null,
                        "decision_comments", null,
                        "decided_on", null,
                        "mou_status", MouStatus.NOT_STARTED.name(),
                        "mou_document_reference", null,
                        "mou_agreed_on", null),
                version,
                at);
    }

    @EventHandler
    void on(ConstitutionDraftRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO constitution_draft (ics_code, draft_version, document_reference, summary, recorded_at)
                        VALUES (:ics, :draft, :reference, :summary, :at)
                        ON CONFLICT (ics_code, draft_version) DO NOTHING""")
                .param("ics", event.icsCode().value())
                .param("draft", event.draftVersion())
                .param("reference", event.documentReference())
                .param("summary", event.summary())
                .param("at", Sql.timestamp(at))
                .update();
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values("status", ConstitutionStatus.DRAFTING.name(), "draft_version", event.draftVersion()),
                version,
                at);
    }

    @EventHandler
    void on(ConstitutionEngagementOpened event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values(
                        "status", ConstitutionStatus.ENGAGEMENT_OPEN.name(),
                        "engagement_opened_on", event.openedOn(),
                        "engagement_closed_on", null),
                version,
                at);
    }

    @EventHandler
    void on(ConstitutionEngagementClosed event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values("status", ConstitutionStatus.ENGAGEMENT_CLOSED.name(), "engagement_closed_on", event.closedOn()),
                version,
                at);
    }

    @EventHandler
    void on(ConstitutionSubmitted event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values(
                        "status",
                        ConstitutionStatus.SUBMITTED.name(),
                        "submitted_on",
                        event.submittedOn(),
                        "submitted_gaps",
                        Json.write(event.gaps()),
                        "decision",
                        null,
                        "decision_comments",
                        null,
                        "decided_on",
                        null),
                version,
                at);
    }

    @EventHandler
    void on(ConstitutionApproved event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values(
                        "status", ConstitutionStatus.APPROVED.name(),
                        "decision", ConstitutionView.Decision.Verdict.APPROVED.name(),
                        "decision_comments", event.comments(),
                        "decided_on", event.approvedOn()),
                version,
                at);
    }

    /** A return is dated the day it was recorded (in England). */
    @EventHandler
    void on(ConstitutionReturned event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values(
                        "status", ConstitutionStatus.DRAFTING.name(),
                        "decision", ConstitutionView.Decision.Verdict.RETURNED.name(),
                        "decision_comments", event.comments(),
                        "decided_on", LocalDate.ofInstant(at, Programme.ZONE)),
                version,
                at);
    }

    @EventHandler
    void on(MouDrafted event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values("mou_status", MouStatus.DRAFTED.name(), "mou_document_reference", event.documentReference()),
                version,
                at);
    }

    @EventHandler
    void on(MouAgreed event, @SequenceNumber long version, @Timestamp Instant at) {
        STATE.amend(
                jdbc,
                key(event.icsCode()),
                values("mou_status", MouStatus.AGREED.name(), "mou_agreed_on", event.agreedOn()),
                version,
                at);
    }

    @EventHandler
    void on(
            AssuranceCommentAdded event,
            @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_NAME) String author,
            @MetaDataValue(MetadataKeys.ACTOR_ROLE) String authorRole) {
        jdbc.sql("""
                        INSERT INTO assurance_comment (ics_code, comment_number, comment, author, author_role, recorded_at)
                        VALUES (:ics, :number, :comment, :author, :role, :at)
                        ON CONFLICT (ics_code, comment_number) DO NOTHING""")
                .param("ics", event.icsCode().value())
                .param("number", event.commentNumber())
                .param("comment", event.comment())
                .param("author", author)
                .param("role", authorRole)
                .param("at", Sql.timestamp(at))
                .update();
    }

    /** Every other event of an ICS: the position moves on. */
    @EventHandler
    @PositionOnly
    void on(IcsEvent event) {
        // the position is recorded around every handled event (see ProjectionTransactions)
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }

    private static Map<String, Object> key(IcsCode ics) {
        return Map.of("ics_code", ics.value());
    }
}
