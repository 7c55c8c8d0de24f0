-- Axon's JDBC storage engine, token store and dead-letter queue replace its JPA ones, on the same tables
-- (docs/decisions/0012-axon-jdbc-engine.md). What the JDBC components need that the JPA ones did not:
--
--   * they leave generated keys to the database: the global index and the association value id take their
--     existing sequences (which step by 1, as before) as column defaults;
--   * the JDBC dead-letter queue writes and reads its instants as ISO-8601 text, as the event store always has
--     (time_stamp): the dead letters' timestamptz columns become that text, converted in place, so a dead letter the
--     JPA queue stored is read by the JDBC one unchanged.

ALTER TABLE domain_event_entry
    ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_global_index_seq');
ALTER SEQUENCE domain_event_entry_global_index_seq OWNED BY domain_event_entry.global_index;

ALTER TABLE association_value_entry
    ALTER COLUMN id SET DEFAULT nextval('association_value_entry_id_seq');
ALTER SEQUENCE association_value_entry_id_seq OWNED BY association_value_entry.id;

ALTER TABLE dead_letter_entry
    ALTER COLUMN enqueued_at TYPE varchar(255)
        USING to_char(enqueued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    ALTER COLUMN last_touched TYPE varchar(255)
        USING to_char(last_touched AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    ALTER COLUMN processing_started TYPE varchar(255)
        USING to_char(processing_started AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

COMMENT ON COLUMN dead_letter_entry.enqueued_at IS 'ISO-8601 UTC with millisecond precision, as Axon''s JDBC queue writes it';
