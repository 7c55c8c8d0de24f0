-- A replay of a read model is a request recorded before it is acknowledged (202): whichever node of the service
-- starts it, and whenever (after a crash, at the next start), the request is not lost. At most one replay of a
-- projection is waiting to start at any time.
CREATE TABLE projection_replay (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    projection    text         NOT NULL,
    requested_by  text         NOT NULL,
    request_id    text,
    requested_at  timestamptz  NOT NULL DEFAULT now(),
    state         text         NOT NULL DEFAULT 'REQUESTED',
    attempts      integer      NOT NULL DEFAULT 0,
    started_at    timestamptz,
    started_by    text,
    finished_at   timestamptz,
    failure       text,
    CONSTRAINT projection_replay_pkey PRIMARY KEY (id),
    CONSTRAINT projection_replay_state CHECK (state IN ('REQUESTED', 'STARTED', 'CAUGHT_UP', 'FAILED'))
);

CREATE UNIQUE INDEX projection_replay_one_waiting ON projection_replay (projection) WHERE state = 'REQUESTED';

COMMENT ON TABLE projection_replay IS 'Replays of read models: requested, started (tokens reset), caught up or failed.';

-- Scheduled work that must run once across every node of the service (ShedLock's table).
CREATE TABLE shedlock (
    name        varchar(64)   NOT NULL,
    lock_until  timestamptz   NOT NULL,
    locked_at   timestamptz   NOT NULL,
    locked_by   varchar(255)  NOT NULL,
    CONSTRAINT shedlock_pkey PRIMARY KEY (name)
);

COMMENT ON TABLE shedlock IS 'Which node runs each scheduled job, and until when (ShedLock).';
