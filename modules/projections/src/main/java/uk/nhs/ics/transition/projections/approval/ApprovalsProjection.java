package uk.nhs.ics.transition.projections.approval;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.nhs.ics.transition.messages.approval.ApprovalGranted;
import uk.nhs.ics.transition.messages.approval.ApprovalRejected;
import uk.nhs.ics.transition.messages.approval.ApprovalRequested;
import uk.nhs.ics.transition.messages.approval.ApprovalSuperseded;
import uk.nhs.ics.transition.messages.common.MetadataKeys;
import uk.nhs.ics.transition.projections.ReadModelReset;
import uk.nhs.ics.transition.projections.Sql;

/**
 * Folds each approval into one row: what was asked, by whom, until when, and how it was decided. Every write is keyed
 * by the approval and guarded by its version, so an event seen twice changes nothing.
 */
@ProcessingGroup(ApprovalsProjection.NAME)
public class ApprovalsProjection {

    public static final String NAME = "approvals";

    /** Every table this projection writes. */
    public static final List<String> TABLES = List.of("approval");

    private final JdbcClient jdbc;

    public ApprovalsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            ApprovalRequested event,
            @MetaDataValue(MetadataKeys.ACTOR_NAME) String name,
            @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
            @MetaDataValue(MetadataKeys.ACTOR_SCOPE) String scope,
            @Timestamp Instant at,
            @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO approval (approval_id, action, subject, target, authority, ics_code, ccg_code,
                                              target_version, command_type, command, summary, reason, requested_by,
                                              requested_by_name, requested_role, requested_scope, requested_at,
                                              decidable_until, status, version)
                        VALUES (:id, :action, :subject, :target, :authority, :ics, :ccg, :targetVersion, :commandType,
                                :command, :summary, :reason, :requestedBy, :name, :role, :scope, :at, :decidableUntil,
                                'PENDING', :version)
                        ON CONFLICT (approval_id) DO NOTHING""")
                .param("id", event.approvalId())
                .param("action", event.action().name())
                .param("subject", event.subject())
                .param("target", event.target())
                .param("authority", event.authority())
                .param("ics", event.icsCode())
                .param("ccg", event.ccgCode())
                .param("targetVersion", event.targetVersion())
                .param("commandType", event.commandType())
                .param("command", event.command())
                .param("summary", event.summary())
                .param("reason", event.reason())
                .param("requestedBy", event.requestedBy())
                .param("name", name)
                .param("role", role)
                .param("scope", scope)
                .param("at", Sql.timestamp(at))
                .param("decidableUntil", event.decidableUntil())
                .param("version", version)
                .update();
    }

    @EventHandler
    void on(
            ApprovalGranted event,
            @MetaDataValue(MetadataKeys.ACTOR) String by,
            @MetaDataValue(MetadataKeys.ACTOR_NAME) String name,
            @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
            @Timestamp Instant at,
            @SequenceNumber long version) {
        decide(event.approvalId(), ApprovalView.Status.APPROVED, by, name, role, at, null, version);
    }

    @EventHandler
    void on(
            ApprovalRejected event,
            @MetaDataValue(MetadataKeys.ACTOR) String by,
            @MetaDataValue(MetadataKeys.ACTOR_NAME) String name,
            @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
            @Timestamp Instant at,
            @SequenceNumber long version) {
        decide(event.approvalId(), ApprovalView.Status.REJECTED, by, name, role, at, event.reason(), version);
    }

    @EventHandler
    void on(ApprovalSuperseded event, @Timestamp Instant at, @SequenceNumber long version) {
        jdbc.sql("""
                        UPDATE approval SET status = 'SUPERSEDED', superseded_by = :by, decided_at = :at,
                               version = :version
                         WHERE approval_id = :id AND version < :version""")
                .param("id", event.approvalId())
                .param("by", event.supersededBy())
                .param("at", Sql.timestamp(at))
                .param("version", version)
                .update();
    }

    private void decide(
            String id,
            ApprovalView.Status status,
            String by,
            String name,
            String role,
            Instant at,
            String reason,
            long version) {
        jdbc.sql("""
                        UPDATE approval SET status = :status, decided_by = :by, decided_by_name = :name,
                               decided_role = :role, decided_at = :at, decision_reason = :reason, version = :version
                         WHERE approval_id = :id AND version < :version""")
                .param("id", id)
                .param("status", status.name())
                .param("by", by)
                .param("name", name)
                .param("role", role)
                .param("at", Sql.timestamp(at))
                .param("reason", reason)
                .param("version", version)
                .update();
    }

    @ResetHandler
    void reset() {
        ReadModelReset.clear(jdbc, NAME, TABLES);
    }
}
