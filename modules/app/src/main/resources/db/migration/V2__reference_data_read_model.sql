-- Read model of the organisations as registered (projection "reference-data"). Registrations never change,
-- so each row is written once; recorded_at is when the registration event was recorded, which lets a query
-- answer "as of" an instant. No foreign keys: projections in different segments may write in any order.

CREATE TABLE region_view (
    region_code  varchar(3)   NOT NULL,
    name         text         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    CONSTRAINT region_view_pkey PRIMARY KEY (region_code)
);

CREATE TABLE ics_view (
    ics_code          varchar(3)   NOT NULL,
    name              text         NOT NULL,
    region_code       varchar(3)   NOT NULL,
    ons_code          text         NOT NULL,
    icb_name          text         NOT NULL,
    predecessor_ccgs  text[]       NOT NULL,
    recorded_at       timestamptz  NOT NULL,
    CONSTRAINT ics_view_pkey PRIMARY KEY (ics_code)
);

CREATE INDEX ics_view_region_idx ON ics_view (region_code, ics_code);

CREATE TABLE ccg_view (
    ccg_code     varchar(5)   NOT NULL,
    name         text         NOT NULL,
    ics_code     varchar(3)   NOT NULL,
    ons_code     text         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    CONSTRAINT ccg_view_pkey PRIMARY KEY (ccg_code)
);

CREATE INDEX ccg_view_ics_idx ON ccg_view (ics_code, ccg_code);

CREATE TABLE boundary_change_view (
    ccg_code        varchar(5)   NOT NULL,
    from_ics        varchar(3)   NOT NULL,
    to_ics          varchar(3)   NOT NULL,
    area            text         NOT NULL,
    lsoa_count      integer      NOT NULL,
    effective_date  date         NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    CONSTRAINT boundary_change_view_pkey PRIMARY KEY (ccg_code, to_ics)
);
