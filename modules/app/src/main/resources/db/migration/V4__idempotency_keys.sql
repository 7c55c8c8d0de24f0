-- Answers to writes that carried an Idempotency-Key: a retry with the same key (from the same caller, for the
-- same request) gets the first answer back and changes nothing. The key is written in the same transaction as
-- the command's events, so a change and its recorded answer commit together or not at all. Refusals (4xx) are
-- kept too, so a retry is refused the same way. Rows expire (ics.web.idempotency-ttl) and are deleted.

CREATE TABLE idempotency_key (
    caller        text         NOT NULL,
    key           text         NOT NULL,
    fingerprint   text         NOT NULL,
    status        integer      NOT NULL,
    content_type  text         NOT NULL,
    body          text         NOT NULL,
    etag          text,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz  NOT NULL,
    CONSTRAINT idempotency_key_pkey PRIMARY KEY (caller, key)
);

CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
