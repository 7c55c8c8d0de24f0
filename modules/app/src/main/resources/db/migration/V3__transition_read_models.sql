-- Read models of the transition. Each projection owns its tables and rebuilds them on a replay.
--
-- Tables that change keep every version of every row, by knowledge time:
--   valid_from  when the event that made this version was recorded (its timestamp in the event store)
--   valid_to    when the next version's event was recorded; null while this version is current
--   version     the sequence number of that event in its aggregate (idempotency: an event applied twice finds
--               its own version already there; an older event never closes a newer version)
-- A read of the present takes the current versions (valid_to IS NULL, served by a partial index); a read "as of"
-- an instant takes the versions valid then. Ratings are never stored: they are computed at read time for the
-- date asked, under the baseline in force on it.

-- How far each projection has come for each aggregate: the version its rows show (ETag, X-Min-Version).
CREATE TABLE projection_position (
    projection    text    NOT NULL,
    aggregate_id  text    NOT NULL,
    version       bigint  NOT NULL,
    CONSTRAINT projection_position_pkey PRIMARY KEY (projection, aggregate_id)
);

-- ---------------------------------------------------------------- national programme (projection "programme")

CREATE TABLE programme_baseline (
    baseline_number     integer      NOT NULL,
    decided_on          date         NOT NULL,
    establishment_date  date         NOT NULL,
    quarter_ends        jsonb        NOT NULL,
    due_date_overrides  jsonb        NOT NULL,
    reason              text,
    previous_establishment_date date,
    recorded_at         timestamptz  NOT NULL,
    CONSTRAINT programme_baseline_pkey PRIMARY KEY (baseline_number)
);

COMMENT ON TABLE programme_baseline IS 'Every baseline of the timetable; the one in force on a date is the latest decided on or before it';

CREATE TABLE legislative_milestone (
    milestone    text         NOT NULL,
    occurred_on  date         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    CONSTRAINT legislative_milestone_pkey PRIMARY KEY (milestone),
    CONSTRAINT legislative_milestone_known CHECK (milestone IN ('INTRODUCED', 'SECOND_READING', 'THIRD_READING', 'ROYAL_ASSENT'))
);

-- ---------------------------------------------------------------- milestones (projection "milestones")

CREATE TABLE milestone_state (
    ics_code        varchar(3)   NOT NULL,
    milestone       text         NOT NULL,
    status          text         NOT NULL,
    completed_on    date,
    evidence        jsonb,
    at_risk_reason  text,
    note            text,
    valid_from      timestamptz  NOT NULL,
    valid_to        timestamptz,
    version         bigint       NOT NULL,
    CONSTRAINT milestone_state_pkey PRIMARY KEY (ics_code, milestone, version),
    CONSTRAINT milestone_state_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'AT_RISK', 'COMPLETE')),
    CONSTRAINT milestone_state_completion CHECK ((status = 'COMPLETE') = (completed_on IS NOT NULL)),
    CONSTRAINT milestone_state_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX milestone_state_current_idx ON milestone_state (ics_code, milestone) WHERE valid_to IS NULL;
CREATE INDEX milestone_state_history_idx ON milestone_state (ics_code, valid_from);
CREATE INDEX milestone_state_as_of_idx ON milestone_state (valid_from, valid_to);

-- ---------------------------------------------------------------- board (projection "board")

CREATE TABLE board_seat (
    ics_code                varchar(3)   NOT NULL,
    seat                    text         NOT NULL,
    role                    text         NOT NULL,
    seat_number             integer      NOT NULL,
    status                  text         NOT NULL,
    process                 text,
    holder                  text,
    conflicting_posts       text[]       NOT NULL,
    mental_health_expertise boolean      NOT NULL,
    confirmed_on            date,
    substantive_on          date,
    valid_from              timestamptz  NOT NULL,
    valid_to                timestamptz,
    version                 bigint       NOT NULL,
    CONSTRAINT board_seat_pkey PRIMARY KEY (ics_code, seat, version),
    CONSTRAINT board_seat_status CHECK (status IN ('VACANT', 'RECRUITING', 'PREFERRED_CANDIDATE', 'DESIGNATE_CONFIRMED', 'SUBSTANTIVE'))
);

CREATE INDEX board_seat_current_idx ON board_seat (ics_code, seat) WHERE valid_to IS NULL;
CREATE INDEX board_seat_history_idx ON board_seat (ics_code, valid_from);

-- ---------------------------------------------------------------- due diligence (projection "due-diligence")

CREATE TABLE due_diligence_state (
    ics_code      varchar(3)   NOT NULL,
    status        text         NOT NULL,
    started_on    date,
    completed_on  date,
    valid_from    timestamptz  NOT NULL,
    valid_to      timestamptz,
    version       bigint       NOT NULL,
    CONSTRAINT due_diligence_state_pkey PRIMARY KEY (ics_code, version),
    CONSTRAINT due_diligence_state_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'SIGNED_OFF'))
);

CREATE INDEX due_diligence_state_current_idx ON due_diligence_state (ics_code) WHERE valid_to IS NULL;

CREATE TABLE due_diligence_item (
    ics_code    varchar(3)   NOT NULL,
    item_id     text         NOT NULL,
    area        text         NOT NULL,
    title       text         NOT NULL,
    outcome     text         NOT NULL,
    risk        text,
    mitigation  text,
    valid_from  timestamptz  NOT NULL,
    valid_to    timestamptz,
    version     bigint       NOT NULL,
    CONSTRAINT due_diligence_item_pkey PRIMARY KEY (ics_code, item_id, version),
    CONSTRAINT due_diligence_item_outcome CHECK (outcome IN ('OPEN', 'ASSURED', 'ISSUE'))
);

CREATE INDEX due_diligence_item_current_idx ON due_diligence_item (ics_code, item_id) WHERE valid_to IS NULL;
CREATE INDEX due_diligence_item_history_idx ON due_diligence_item (ics_code, valid_from);

CREATE TABLE due_diligence_sign_off (
    ics_code    varchar(3)   NOT NULL,
    signer      text         NOT NULL,
    signatory   text         NOT NULL,
    capacity    text         NOT NULL,
    ccg_code    varchar(5),
    valid_from  timestamptz  NOT NULL,
    valid_to    timestamptz,
    version     bigint       NOT NULL,
    CONSTRAINT due_diligence_sign_off_pkey PRIMARY KEY (ics_code, signer, version)
);

CREATE INDEX due_diligence_sign_off_current_idx ON due_diligence_sign_off (ics_code) WHERE valid_to IS NULL;

-- ---------------------------------------------------------------- constitution and MoU (projection "constitution")

CREATE TABLE constitution_state (
    ics_code                varchar(3)   NOT NULL,
    status                  text         NOT NULL,
    draft_version           integer      NOT NULL,
    engagement_opened_on    date,
    engagement_closed_on    date,
    submitted_on            date,
    submitted_gaps          jsonb,
    decision                text,
    decision_comments       text,
    decided_on              date,
    mou_status              text         NOT NULL,
    mou_document_reference  text,
    mou_agreed_on           date,
    valid_from              timestamptz  NOT NULL,
    valid_to                timestamptz,
    version                 bigint       NOT NULL,
    CONSTRAINT constitution_state_pkey PRIMARY KEY (ics_code, version)
);

CREATE INDEX constitution_state_current_idx ON constitution_state (ics_code) WHERE valid_to IS NULL;

CREATE TABLE constitution_draft (
    ics_code            varchar(3)   NOT NULL,
    draft_version       integer      NOT NULL,
    document_reference  text         NOT NULL,
    summary             text,
    recorded_at         timestamptz  NOT NULL,
    CONSTRAINT constitution_draft_pkey PRIMARY KEY (ics_code, draft_version)
);

CREATE TABLE assurance_comment (
    ics_code        varchar(3)   NOT NULL,
    comment_number  integer      NOT NULL,
    comment         text         NOT NULL,
    author          text,
    author_role     text,
    recorded_at     timestamptz  NOT NULL,
    CONSTRAINT assurance_comment_pkey PRIMARY KEY (ics_code, comment_number)
);

-- ---------------------------------------------------------------- CCG transfer schemes (projection "transfer-schemes")

CREATE TABLE transfer_scheme (
    ccg_code      varchar(5)   NOT NULL,
    status        text         NOT NULL,
    agreed_on     date,
    effected_on   date,
    abolished_on  date,
    variations    integer      NOT NULL,
    valid_from    timestamptz  NOT NULL,
    valid_to      timestamptz,
    version       bigint       NOT NULL,
    CONSTRAINT transfer_scheme_pkey PRIMARY KEY (ccg_code, version),
    CONSTRAINT transfer_scheme_status CHECK (status IN ('DRAFT', 'AGREED', 'EFFECTED'))
);

CREATE INDEX transfer_scheme_current_idx ON transfer_scheme (ccg_code) WHERE valid_to IS NULL;

CREATE TABLE transfer_agreement (
    ccg_code    varchar(5)   NOT NULL,
    party       text         NOT NULL,
    signatory   text         NOT NULL,
    valid_from  timestamptz  NOT NULL,
    valid_to    timestamptz,
    version     bigint       NOT NULL,
    CONSTRAINT transfer_agreement_pkey PRIMARY KEY (ccg_code, party, version)
);

CREATE INDEX transfer_agreement_current_idx ON transfer_agreement (ccg_code) WHERE valid_to IS NULL;

-- Money is whole pence (bigint), whole-time equivalents whole hundredths: sums are exact.
CREATE TABLE transfer_item (
    ccg_code            varchar(5)   NOT NULL,
    item_id             text         NOT NULL,
    item_number         integer      NOT NULL,
    receiving_ics       varchar(3)   NOT NULL,
    kind                text         NOT NULL,
    description         text         NOT NULL,
    counterparty        text,
    value_pence         bigint,
    annual_value_pence  bigint,
    end_date            date,
    novation_required   boolean,
    headcount           integer,
    wte_hundredths      bigint,
    valid_from          timestamptz  NOT NULL,
    valid_to            timestamptz,
    version             bigint       NOT NULL,
    CONSTRAINT transfer_item_pkey PRIMARY KEY (ccg_code, item_id, version),
    CONSTRAINT transfer_item_kind CHECK (kind IN ('STAFF', 'ASSET', 'LIABILITY', 'CONTRACT')),
    CONSTRAINT transfer_item_money CHECK (coalesce(value_pence, 0) >= 0 AND coalesce(annual_value_pence, 0) >= 0)
);

CREATE INDEX transfer_item_current_idx ON transfer_item (ccg_code, item_number) WHERE valid_to IS NULL;
CREATE INDEX transfer_item_receiving_current_idx ON transfer_item (receiving_ics, ccg_code, item_number) WHERE valid_to IS NULL;
CREATE INDEX transfer_item_receiving_history_idx ON transfer_item (receiving_ics, valid_from);
CREATE INDEX transfer_item_history_idx ON transfer_item (ccg_code, valid_from);
