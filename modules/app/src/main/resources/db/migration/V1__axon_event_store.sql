-- Axon Framework's tables: the event store (events and snapshots), the token store of the streaming
-- processors, sagas and their association values, and the dead-letter queue.
--
-- Written by hand to match Axon 4.13's JPA entities, with two deliberate choices:
--   * every serialized column is bytea: the rows hold their own bytes (no oid large objects to orphan)
--     and the JSON stays readable with convert_from(payload, 'UTF8');
--   * the global index and the association value id come from sequences that step by 1 (see orm.xml),
--     so the global index has no runs of unused numbers for the processors to wait on.
-- Hibernate validates these tables at start-up; it never creates or alters them.

CREATE SEQUENCE domain_event_entry_global_index_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index          bigint       NOT NULL,
    event_identifier      varchar(255) NOT NULL,
    aggregate_identifier  varchar(255) NOT NULL,
    sequence_number       bigint       NOT NULL,
    type                  varchar(255),
    time_stamp            varchar(255) NOT NULL,
    payload_type          varchar(255) NOT NULL,
    payload_revision      varchar(255),
    payload               bytea        NOT NULL,
    meta_data             bytea,
    CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT domain_event_entry_aggregate_sequence_key UNIQUE (aggregate_identifier, sequence_number)
);

COMMENT ON TABLE domain_event_entry IS 'The event store: every fact the service has recorded, in global order. Append-only.';
COMMENT ON COLUMN domain_event_entry.time_stamp IS 'ISO-8601 UTC with millisecond precision (fixed width, so it sorts as text)';

CREATE TABLE snapshot_event_entry (
    aggregate_identifier  varchar(255) NOT NULL,
    sequence_number       bigint       NOT NULL,
    type                  varchar(255) NOT NULL,
    event_identifier      varchar(255) NOT NULL,
    time_stamp            varchar(255) NOT NULL,
    payload_type          varchar(255) NOT NULL,
    payload_revision      varchar(255),
    payload               bytea        NOT NULL,
    meta_data             bytea,
    CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier)
);

COMMENT ON TABLE snapshot_event_entry IS 'Aggregate snapshots: a cache of state, rebuildable from domain_event_entry at any time.';

CREATE TABLE token_entry (
    processor_name  varchar(255) NOT NULL,
    segment         integer      NOT NULL,
    owner           varchar(255),
    timestamp       varchar(255) NOT NULL,
    token_type      varchar(255),
    token           bytea,
    CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment)
);

COMMENT ON TABLE token_entry IS 'How far each segment of each streaming processor has read the event store, and who owns it.';

CREATE TABLE saga_entry (
    saga_id          varchar(255) NOT NULL,
    saga_type        varchar(255),
    revision         varchar(255),
    serialized_saga  bytea,
    CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id)
);

CREATE SEQUENCE association_value_entry_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE association_value_entry (
    id                 bigint       NOT NULL,
    association_key    varchar(255) NOT NULL,
    association_value  varchar(255),
    saga_id            varchar(255) NOT NULL,
    saga_type          varchar(255),
    CONSTRAINT association_value_entry_pkey PRIMARY KEY (id)
);

CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_lookup_idx ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE dead_letter_entry (
    dead_letter_id        varchar(255)  NOT NULL,
    processing_group      varchar(255)  NOT NULL,
    sequence_identifier   varchar(255)  NOT NULL,
    sequence_index        bigint        NOT NULL,
    message_type          varchar(255)  NOT NULL,
    event_identifier      varchar(255)  NOT NULL,
    time_stamp            varchar(255)  NOT NULL,
    payload_type          varchar(255)  NOT NULL,
    payload_revision      varchar(255),
    payload               bytea         NOT NULL,
    meta_data             bytea,
    type                  varchar(255),
    aggregate_identifier  varchar(255),
    sequence_number       bigint,
    token_type            varchar(255),
    token                 bytea,
    enqueued_at           timestamptz   NOT NULL,
    last_touched          timestamptz,
    processing_started    timestamptz,
    cause_type            varchar(255),
    cause_message         varchar(1023),
    diagnostics           bytea,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_key UNIQUE (processing_group, sequence_identifier, sequence_index)
);

CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);

COMMENT ON TABLE dead_letter_entry IS 'Events a projection could not handle, with their cause, kept in order per aggregate until retried.';
