-- The outbox: one row per message, planned or gone out, keyed by rule +
-- customer + occasion (`key`), so planning again never makes a second one.
-- A message the seller sent by hand has no rule. `day` is the local day it
-- goes out (the caps and the worklist count days); `due` the UTC instant.
-- An email's attempt is written (status 'ambiguous', attempted_at) and committed
-- before the mail server is called, and 'sent' or 'failed' after: a crash in
-- between leaves it ambiguous, never resent by itself. CHECKs are chains of
-- equalities, not IN lists (see check_lists.rs).
CREATE TABLE care_messages (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    rule_id      INTEGER REFERENCES care_rules (id) ON DELETE SET NULL,
    due          TEXT NOT NULL,
    day          TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel = 'email' OR channel = 'sms' OR channel = 'wechat' OR channel = 'wangwang'),
    recipient    TEXT,
    priority     TEXT NOT NULL CHECK (priority = 'care' OR priority = 'marketing' OR priority = 'transactional'),
    status       TEXT NOT NULL CHECK (status = 'planned' OR status = 'skipped' OR status = 'copied' OR status = 'exported' OR status = 'sent' OR status = 'failed' OR status = 'ambiguous'),
    reason       TEXT,
    displaced_by TEXT,
    subject      TEXT,
    text         TEXT NOT NULL,
    error        TEXT,
    attempted_at TEXT,
    done_at      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX care_messages_by_day ON care_messages (day, channel);
CREATE INDEX care_messages_by_customer ON care_messages (customer_id, day);
CREATE INDEX care_messages_by_rule ON care_messages (rule_id, day);
