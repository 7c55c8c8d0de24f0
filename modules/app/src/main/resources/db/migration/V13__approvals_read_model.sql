-- The approvals read model (four eyes, docs/decisions/0025-four-eyes-approvals.md): one row per request for an action
-- that needs a second person, with the exact command it carries out once approved, and how it was decided.
-- Rebuilt from the events on a replay, like every read model.

CREATE TABLE approval (
    approval_id        text         NOT NULL,
    action             text         NOT NULL,
    subject            text         NOT NULL,
    target             text         NOT NULL,
    authority          text,
    ics_code           text,
    ccg_code           text,
    target_version     bigint,
    command_type       text         NOT NULL,
    command            text         NOT NULL,
    summary            text         NOT NULL,
    reason             text,
    requested_by       text         NOT NULL,
    requested_by_name  text,
    requested_role     text,
    requested_scope    text,
    requested_at       timestamptz  NOT NULL,
    decidable_until    date         NOT NULL,
    status             text         NOT NULL,
    decided_by         text,
    decided_by_name    text,
    decided_role       text,
    decided_at         timestamptz,
    decision_reason    text,
    superseded_by      text,
    version            bigint       NOT NULL,
    CONSTRAINT approval_pkey PRIMARY KEY (approval_id),
    CONSTRAINT approval_status CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED'))
);

CREATE INDEX approval_pending_idx ON approval (subject) WHERE status = 'PENDING';
CREATE INDEX approval_requested_idx ON approval (requested_at, approval_id) WHERE status = 'PENDING';
