package uk.nhs.ics.transition.audit.trail;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One entry of the audit trail: the event, who made the change, in which role, why, for which request, and where
 * it stands in the hash chain.
 *
 * @param sequence its place in the ledger
 * @param globalIndex its place in the event store
 * @param eventIdentifier the event's identifier
 * @param occurredAt when it was recorded
 * @param type the event type, e.g. {@code DesignateAppointmentConfirmed}
 * @param aggregateType the aggregate type, e.g. {@code IcsTransition}
 * @param aggregate the aggregate, e.g. {@code QKS}
 * @param aggregateVersion the event's sequence number in its aggregate
 * @param icsCode the ICS it concerns, if any
 * @param ccgCode the CCG it concerns, if any
 * @param actor who made the change ({@code system} for the service itself)
 * @param actorName their name
 * @param actorRole the role they acted in
 * @param actorScope the organisation the role was held for
 * @param reason why, where the rules ask
 * @param correlationId the request it came from
 * @param causationId the message that caused it
 * @param clientAddress the client address
 * @param payload the event's facts, as stored
 * @param hash this entry's hash
 * @param previousHash the previous entry's hash
 * @param clientRequestId the caller's own id for the request ({@code X-Request-Id}), if it gave one
 * @param seal what the ledger found of the event's seal: {@code AUTHENTIC} (written by the service),
 *     {@code BEFORE_SEALING} (stored by a release that did not seal), or {@code UNSEALED}, {@code UNKNOWN_KEY},
 *     {@code FORGED} (not written by the service); absent for entries recorded before verdicts were kept
 * @param traceId the W3C trace of the request it came from (32 hex digits), as its metadata records it; absent for
 *     events recorded before traces were kept, and for those the service recorded by itself (at start-up, a demo)
 * @param approvalId the approval a change was made under, when it needed a second person (four eyes)
 * @param approvedBy who approved it ({@code sub}); the actor is who asked for it
 * @param approvedByName their name
 * @param approvedByRole the role they approved it in
 * @param approvedByScope the organisation that role was held for
 */
public record AuditEvent(
        long sequence,
        long globalIndex,
        String eventIdentifier,
        Instant occurredAt,
        String type,
        String aggregateType,
        String aggregate,
        long aggregateVersion,
        String icsCode,
        String ccgCode,
        String actor,
        String actorName,
        String actorRole,
        String actorScope,
        String reason,
        String correlationId,
        String causationId,
        String clientAddress,
        @JsonRawValue String payload,
        String hash,
        String previousHash,
        String clientRequestId,
        String seal,
        String traceId,
        String approvalId,
        String approvedBy,
        String approvedByName,
        String approvedByRole,
        String approvedByScope) {}
