-- While a read model is replayed, its reads answer from a copy of its tables taken when the replay began (see
-- ReplaySnapshots). The copies live in this schema only while the replay runs; they are created LIKE the read
-- model's own tables, so their structure is always the one these migrations gave those tables.

CREATE SCHEMA replay_snapshot;

-- which projections are held, and which of their tables were copied
CREATE TABLE replay_snapshot.snapshot (
    projection  text         NOT NULL,
    tables      text[]       NOT NULL,
    taken_at    timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT snapshot_pkey PRIMARY KEY (projection)
);

-- the held projections' positions (projection_position) when the replay began: the versions their copies show
CREATE TABLE replay_snapshot.position (
    projection    text    NOT NULL,
    aggregate_id  text    NOT NULL,
    version       bigint  NOT NULL,
    CONSTRAINT position_pkey PRIMARY KEY (projection, aggregate_id)
);

COMMENT ON SCHEMA replay_snapshot IS 'Copies of read models being replayed, so reads keep answering meanwhile.';
