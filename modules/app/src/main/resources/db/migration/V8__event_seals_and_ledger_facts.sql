-- Events the service did not write are told apart from those it did (docs/decisions/0014-trust-at-the-edges.md).
--
-- seal: an HMAC-SHA256 of the event as stored, with a key the database does not hold, written by the service as it
-- appends the event ("<key id>.<hex>"). Someone who can only INSERT (or a superuser) can add a row, but not a seal
-- the service's key verifies.
ALTER TABLE domain_event_entry ADD COLUMN seal text;

COMMENT ON COLUMN domain_event_entry.seal IS 'HMAC-SHA256 of the stored event by the service: <key id>.<hex>';

-- Events stored before this migration were written by a release that did not seal: the first global index that must
-- be sealed. Append-only, like the events.
CREATE TABLE event_seal_boundary (
    sealed_from_global_index  bigint       NOT NULL,
    recorded_at               timestamptz  NOT NULL DEFAULT now()
);

INSERT INTO event_seal_boundary (sealed_from_global_index)
SELECT coalesce(max(global_index), 0) + 1 FROM domain_event_entry;

CREATE TRIGGER event_seal_boundary_append_only
    BEFORE UPDATE OR DELETE ON event_seal_boundary
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER event_seal_boundary_no_truncate
    BEFORE TRUNCATE ON event_seal_boundary
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

-- What the ledger found when it chained each event: AUTHENTIC, BEFORE_SEALING (stored before sealing began),
-- UNSEALED, UNKNOWN_KEY or FORGED; and the caller's own request id (X-Request-Id), beside the service's correlation id.
-- Like every column the trail shows, both are derived from the event's stored bytes and checked by /audit/verify.
ALTER TABLE audit_ledger
    ADD COLUMN client_request_id text,
    ADD COLUMN seal_verdict text;

CREATE INDEX audit_ledger_seal_verdict_idx ON audit_ledger (seal_verdict)
    WHERE seal_verdict NOT IN ('AUTHENTIC', 'BEFORE_SEALING');
