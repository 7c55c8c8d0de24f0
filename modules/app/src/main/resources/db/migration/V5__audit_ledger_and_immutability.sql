-- The audit trail's ledger, and append-only enforcement by the database itself.
--
-- audit_ledger: one entry per event, in the order the ledger received them (sequence 1, 2, 3, ...), with a SHA-256
-- over the previous entry's hash and a canonical encoding of the stored event (see ChainHash). It also indexes who,
-- in which role, why and for which request, so the trail can be searched without reading every payload.
--
-- Neither the events nor the ledger can be changed or removed, not even through the service's own connection:
-- a trigger refuses UPDATE, DELETE and TRUNCATE. (A superuser can disable the trigger; that is exactly what
-- /audit/verify exists to catch. docs/operations/database-roles.md gives the grants for a production role that can
-- only insert and select.)

CREATE TABLE audit_ledger (
    sequence           bigint       NOT NULL,
    global_index       bigint       NOT NULL,
    event_identifier   text         NOT NULL,
    event_type         text         NOT NULL,
    aggregate_type     text,
    aggregate_id       text         NOT NULL,
    aggregate_version  bigint       NOT NULL,
    occurred_at        timestamptz  NOT NULL,
    ics_code           varchar(3),
    ccg_code           varchar(5),
    actor              text,
    actor_name         text,
    actor_role         text,
    actor_scope        text,
    reason             text,
    correlation_id     text,
    causation_id       text,
    client_address     text,
    hash               char(64)     NOT NULL,
    previous_hash      char(64)     NOT NULL,
    recorded_at        timestamptz  NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT audit_ledger_pkey PRIMARY KEY (sequence),
    CONSTRAINT audit_ledger_global_index_key UNIQUE (global_index),
    CONSTRAINT audit_ledger_hash_format CHECK (hash ~ '^[0-9a-f]{64}$' AND previous_hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX audit_ledger_ics_idx ON audit_ledger (ics_code, sequence) WHERE ics_code IS NOT NULL;
CREATE INDEX audit_ledger_ccg_idx ON audit_ledger (ccg_code, sequence) WHERE ccg_code IS NOT NULL;
CREATE INDEX audit_ledger_type_idx ON audit_ledger (event_type, sequence);
CREATE INDEX audit_ledger_actor_idx ON audit_ledger (actor, sequence);
CREATE INDEX audit_ledger_time_idx ON audit_ledger (occurred_at, sequence);
CREATE INDEX audit_ledger_correlation_idx ON audit_ledger (correlation_id);
CREATE INDEX audit_ledger_recorded_idx ON audit_ledger (recorded_at, sequence);

CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER audit_ledger_append_only
    BEFORE UPDATE OR DELETE ON audit_ledger
    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER audit_ledger_no_truncate
    BEFORE TRUNCATE ON audit_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();
