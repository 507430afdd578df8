-- Sunlight workspace schema, version 1.
--
-- Conventions (docs/data-model.md explains each table):
--   * money: *_minor INTEGER (int64 minor units) + a currency TEXT (ISO 4217);
--   * days: INTEGER days since 1970-01-01 (date(day * 86400, 'unixepoch'));
--   * timestamps: INTEGER microseconds since the Unix epoch, UTC;
--   * shared items carry a uuid, so their sync document id is <type>:<uuid>.

CREATE TABLE workspace (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  uuid                TEXT    NOT NULL UNIQUE,
  name                TEXT    NOT NULL,
  currency            TEXT    NOT NULL CHECK (length (currency) = 3),
  calendar            TEXT    NOT NULL DEFAULT 'gregorian'
                        CHECK (calendar IN ('gregorian', 'solar-hijri', 'thai')),
  fiscal_start_month  INTEGER NOT NULL DEFAULT 1 CHECK (fiscal_start_month BETWEEN 1 AND 12),
  reserve_basis_points INTEGER NOT NULL DEFAULT 800 CHECK (reserve_basis_points BETWEEN 0 AND 10000),
  -- Finance calendar: the request is due this many days before a fiscal
  -- quarter starts; the monthly check-in falls on this day of the month.
  deadline_offset_days INTEGER NOT NULL DEFAULT 14 CHECK (deadline_offset_days >= 0),
  checkin_day         INTEGER NOT NULL DEFAULT 5 CHECK (checkin_day BETWEEN 1 AND 28),
  created_at          INTEGER NOT NULL
);

-- Finance deadlines and check-ins beyond the ones the settings imply.
CREATE TABLE finance_event (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('deadline', 'check-in', 'review')),
  day         INTEGER NOT NULL,
  title       TEXT    NOT NULL
);
CREATE INDEX finance_event_day ON finance_event (day);

-- The metrics finance asked for, in the order the Overview shows them.
CREATE TABLE kpi (
  metric      TEXT    PRIMARY KEY,
  position    INTEGER NOT NULL,
  goal_id     INTEGER REFERENCES goal (id) ON DELETE SET NULL
);

CREATE TABLE fx_rate (
  currency    TEXT    NOT NULL CHECK (length (currency) = 3),
  month_day   INTEGER NOT NULL,            -- first day of the Gregorian month
  -- 1 unit of currency = rate_num / rate_den units of the workspace currency.
  rate_num    INTEGER NOT NULL CHECK (rate_num > 0),
  rate_den    INTEGER NOT NULL CHECK (rate_den > 0),
  PRIMARY KEY (currency, month_day)
) WITHOUT ROWID;

CREATE TABLE headcount (
  month_day   INTEGER NOT NULL,
  role        TEXT    NOT NULL CHECK (role IN ('employees', 'sales-reps')),
  count       INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (month_day, role)
) WITHOUT ROWID;

CREATE TABLE channel (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  kind        TEXT    NOT NULL DEFAULT 'paid'
                CHECK (kind IN ('paid', 'organic', 'owned', 'events', 'partner', 'other')),
  color       TEXT,
  position    INTEGER NOT NULL DEFAULT 0,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  -- The import that created it, if one did: undoing that import removes
  -- it again when nothing else uses it.
  batch_id    INTEGER REFERENCES import_batch (id) ON DELETE SET NULL
);

CREATE TABLE campaign (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  channel_id  INTEGER NOT NULL REFERENCES channel (id) ON DELETE RESTRICT,
  name        TEXT    NOT NULL COLLATE NOCASE,
  external_id TEXT,
  first_day   INTEGER,
  last_day    INTEGER,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  batch_id    INTEGER REFERENCES import_batch (id) ON DELETE SET NULL,
  UNIQUE (channel_id, name)
);
CREATE INDEX campaign_channel ON campaign (channel_id);

CREATE TABLE goal (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  objective   TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  framework   TEXT    NOT NULL DEFAULT 'okr' CHECK (framework IN ('okr', 'v2mom')),
  first_day   INTEGER NOT NULL,
  last_day    INTEGER NOT NULL CHECK (last_day >= first_day),
  author      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE key_result (
  id          INTEGER PRIMARY KEY,
  goal_id     INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
  metric      TEXT    NOT NULL,            -- a metric key of the engine, e.g. 'arr', 'churn'
  -- The target: money targets in minor units of the workspace currency,
  -- ratios in basis points, counts as counts; unit says which.
  target      INTEGER NOT NULL,
  unit        TEXT    NOT NULL CHECK (unit IN ('money', 'basis-points', 'count', 'days')),
  first_day   INTEGER NOT NULL,
  last_day    INTEGER NOT NULL CHECK (last_day >= first_day),
  position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX key_result_goal ON key_result (goal_id);

-- Every imported row points at its batch, so an import is undone whole.
CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  kind        TEXT    NOT NULL CHECK (kind IN ('spend', 'funnel', 'revenue', 'plan', 'demo')),
  file_name   TEXT    NOT NULL,
  sha256      TEXT    NOT NULL,
  -- SHA-256 of the first MiB and the size: equal for equal files, and
  -- cheap, so only a file that matches one is hashed whole before import.
  fingerprint TEXT    NOT NULL DEFAULT '',
  rows_accepted INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  mapping     TEXT,                        -- JSON: the column mapping used
  author      TEXT    NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL
);
CREATE INDEX import_batch_sha256 ON import_batch (sha256);
CREATE INDEX import_batch_fingerprint ON import_batch (fingerprint);

-- A user-defined column mapping, saved per source.
CREATE TABLE import_mapping (
  source      TEXT    PRIMARY KEY,
  kind        TEXT    NOT NULL,
  mapping     TEXT    NOT NULL             -- JSON
);

-- Budget: period × channel (× campaign) × version. The discretionary
-- reserve is a line of its own (channel_id NULL, is_reserve 1).
CREATE TABLE budget_request (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  title       TEXT    NOT NULL,
  first_day   INTEGER NOT NULL,
  last_day    INTEGER NOT NULL CHECK (last_day >= first_day),
  deadline_day INTEGER,
  status      TEXT    NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  rationale   TEXT    NOT NULL DEFAULT '',
  author      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE budget_line (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  version     TEXT    NOT NULL CHECK (version IN ('plan', 'request', 'forecast', 'committed')),
  channel_id  INTEGER REFERENCES channel (id) ON DELETE RESTRICT,
  campaign_id INTEGER REFERENCES campaign (id) ON DELETE RESTRICT,
  is_reserve  INTEGER NOT NULL DEFAULT 0 CHECK (is_reserve IN (0, 1)),
  first_day   INTEGER NOT NULL,
  last_day    INTEGER NOT NULL CHECK (last_day >= first_day),
  amount_minor INTEGER NOT NULL,
  currency    TEXT    NOT NULL CHECK (length (currency) = 3),
  goal_id     INTEGER REFERENCES goal (id) ON DELETE SET NULL,
  request_id  INTEGER REFERENCES budget_request (id) ON DELETE CASCADE,
  batch_id    INTEGER REFERENCES import_batch (id) ON DELETE CASCADE,
  note        TEXT    NOT NULL DEFAULT '',
  -- Committed lines are purchase orders and contracts: finance counts them as spent.
  reference   TEXT,
  CHECK ((is_reserve = 1 AND channel_id IS NULL AND campaign_id IS NULL)
         OR (is_reserve = 0 AND channel_id IS NOT NULL))
);
CREATE UNIQUE INDEX budget_line_cell ON budget_line
  (version, ifnull (request_id, 0), ifnull (channel_id, 0), ifnull (campaign_id, 0), is_reserve, first_day)
  WHERE version <> 'committed';
CREATE INDEX budget_line_period ON budget_line (version, first_day, channel_id);
CREATE INDEX budget_line_goal ON budget_line (goal_id) WHERE goal_id IS NOT NULL;

-- Daily actual spend per campaign, from ad-platform exports. Large.
CREATE TABLE spend (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  day         INTEGER NOT NULL,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE RESTRICT,
  amount_minor INTEGER NOT NULL,
  currency    TEXT    NOT NULL,
  -- The amount in workspace currency (equal to amount_minor when the same).
  amount_ws_minor INTEGER NOT NULL,
  impressions INTEGER NOT NULL DEFAULT 0 CHECK (impressions >= 0),
  clicks      INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
  conversions INTEGER NOT NULL DEFAULT 0 CHECK (conversions >= 0)
);
-- No index on batch_id: appending to one costs a fifth of the import
-- time, and undoing an import scans the table once instead.

CREATE TABLE customer (
  id          INTEGER PRIMARY KEY,
  external_id TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL DEFAULT '',
  acquired_day INTEGER,
  channel_id  INTEGER REFERENCES channel (id) ON DELETE SET NULL,
  campaign_id INTEGER REFERENCES campaign (id) ON DELETE SET NULL,
  batch_id    INTEGER REFERENCES import_batch (id) ON DELETE CASCADE
);
CREATE INDEX customer_channel ON customer (channel_id, acquired_day);

-- A lead and its way through the funnel: one row, a day per stage reached.
CREATE TABLE deal (
  id          INTEGER PRIMARY KEY,
  batch_id    INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  external_id TEXT    NOT NULL,
  channel_id  INTEGER REFERENCES channel (id) ON DELETE RESTRICT,
  campaign_id INTEGER REFERENCES campaign (id) ON DELETE RESTRICT,
  customer_id INTEGER REFERENCES customer (id) ON DELETE SET NULL,
  lead_day    INTEGER,                      -- NULL: an open lead with no dates yet
  mql_day     INTEGER,
  sql_day     INTEGER,
  opportunity_day INTEGER,
  won_day     INTEGER,
  lost_day    INTEGER,
  amount_minor INTEGER,
  gross_profit_minor INTEGER,               -- NULL when the margin is unknown
  currency    TEXT,
  owner       TEXT,                         -- the sales rep
  CHECK (won_day IS NULL OR lost_day IS NULL),
  UNIQUE (batch_id, external_id)
);
CREATE INDEX deal_lead_day ON deal (lead_day, channel_id);
CREATE INDEX deal_won_day ON deal (won_day, channel_id) WHERE won_day IS NOT NULL;
CREATE INDEX deal_external ON deal (external_id);

-- Marketing touches before a deal, for multi-touch attribution.
CREATE TABLE touchpoint (
  id          INTEGER PRIMARY KEY,
  deal_id     INTEGER NOT NULL REFERENCES deal (id) ON DELETE CASCADE,
  day         INTEGER NOT NULL,
  channel_id  INTEGER NOT NULL REFERENCES channel (id) ON DELETE RESTRICT,
  campaign_id INTEGER REFERENCES campaign (id) ON DELETE RESTRICT,
  position    INTEGER NOT NULL,
  UNIQUE (deal_id, position)
);

-- Monthly recurring revenue per customer per month.
CREATE TABLE customer_mrr (
  customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  month_day   INTEGER NOT NULL,             -- first day of the month it covers
  mrr_minor   INTEGER NOT NULL CHECK (mrr_minor >= 0),
  gross_profit_minor INTEGER,
  currency    TEXT    NOT NULL,
  batch_id    INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  PRIMARY KEY (customer_id, month_day)
) WITHOUT ROWID;
CREATE INDEX customer_mrr_month ON customer_mrr (month_day);
CREATE INDEX customer_mrr_batch ON customer_mrr (batch_id);

-- Day × campaign aggregates, written in the same transaction as the facts.
-- Any calendar's month or quarter is an exact sum of these days.
CREATE TABLE rollup_day (
  day         INTEGER NOT NULL,
  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
  channel_id  INTEGER NOT NULL REFERENCES channel (id) ON DELETE CASCADE,
  spend_minor INTEGER NOT NULL DEFAULT 0,
  impressions INTEGER NOT NULL DEFAULT 0,
  clicks      INTEGER NOT NULL DEFAULT 0,
  conversions INTEGER NOT NULL DEFAULT 0,
  leads       INTEGER NOT NULL DEFAULT 0,
  mqls        INTEGER NOT NULL DEFAULT 0,
  sqls        INTEGER NOT NULL DEFAULT 0,
  opportunities INTEGER NOT NULL DEFAULT 0,
  won         INTEGER NOT NULL DEFAULT 0,
  lost        INTEGER NOT NULL DEFAULT 0,
  won_minor   INTEGER NOT NULL DEFAULT 0,
  won_gross_profit_minor INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (campaign_id, day)
) WITHOUT ROWID;
CREATE INDEX rollup_day_channel ON rollup_day (channel_id, day);
CREATE INDEX rollup_day_day ON rollup_day (day);

-- Shared items. Each has a uuid: its sync document is <type>:<uuid>.
CREATE TABLE realloc_plan (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  title       TEXT    NOT NULL,
  rationale   TEXT    NOT NULL DEFAULT '',
  status      TEXT    NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'proposed', 'approved', 'rejected', 'applied')),
  scenario_group TEXT,                      -- drafts compared side by side share one
  reserve_draw_minor INTEGER NOT NULL DEFAULT 0,
  currency    TEXT    NOT NULL,
  goal_id     INTEGER REFERENCES goal (id) ON DELETE SET NULL,
  author      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  applied_at  INTEGER
);

CREATE TABLE realloc_line (
  id          INTEGER PRIMARY KEY,
  plan_id     INTEGER NOT NULL REFERENCES realloc_plan (id) ON DELETE CASCADE,
  from_channel_id INTEGER REFERENCES channel (id) ON DELETE RESTRICT,   -- NULL: the reserve
  from_first_day  INTEGER NOT NULL,
  to_channel_id   INTEGER REFERENCES channel (id) ON DELETE RESTRICT,   -- NULL: the reserve
  to_first_day    INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  position    INTEGER NOT NULL DEFAULT 0,
  CHECK (from_channel_id IS NOT NULL OR to_channel_id IS NOT NULL)
);
CREATE INDEX realloc_line_plan ON realloc_line (plan_id);

CREATE TABLE annotation (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  kind        TEXT    NOT NULL
                CHECK (kind IN ('win', 'loss', 'experiment', 'note', 'unexpected-expense')),
  title       TEXT    NOT NULL,
  body        TEXT    NOT NULL DEFAULT '',
  channel_id  INTEGER REFERENCES channel (id) ON DELETE SET NULL,
  campaign_id INTEGER REFERENCES campaign (id) ON DELETE SET NULL,
  first_day   INTEGER NOT NULL,
  last_day    INTEGER NOT NULL CHECK (last_day >= first_day),
  goal_id     INTEGER REFERENCES goal (id) ON DELETE SET NULL,
  plan_id     INTEGER REFERENCES realloc_plan (id) ON DELETE RESTRICT,
  next_steps  TEXT    NOT NULL DEFAULT '',
  hypothesis  TEXT,
  expected_outcome TEXT,
  actual_outcome TEXT,
  amount_minor INTEGER,                     -- an unexpected expense's amount
  currency    TEXT,
  -- The metric values the claim cites, the formula version and the import
  -- batches behind them, frozen when it was written (JSON).
  snapshot    TEXT    NOT NULL DEFAULT '{}',
  author      TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  -- Shared items from a newer schema are kept whole and shown read-only.
  read_only   INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
  CHECK (kind <> 'loss' OR plan_id IS NOT NULL),
  CHECK (kind <> 'experiment' OR (hypothesis IS NOT NULL AND expected_outcome IS NOT NULL))
);
CREATE INDEX annotation_period ON annotation (first_day, channel_id);

-- Comments and decisions are immutable once written. target is the sync
-- document id of what they are about (plan:<uuid>, annotation:<uuid>, …).
CREATE TABLE comment (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  target      TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  author      TEXT    NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX comment_target ON comment (target, created_at);

CREATE TABLE decision (
  id          INTEGER PRIMARY KEY,
  uuid        TEXT    NOT NULL UNIQUE,
  target      TEXT    NOT NULL,
  verdict     TEXT    NOT NULL CHECK (verdict IN ('approve', 'reject', 'defer', 'note')),
  note        TEXT    NOT NULL DEFAULT '',
  author      TEXT    NOT NULL,
  meeting_day INTEGER,
  created_at  INTEGER NOT NULL
);
CREATE INDEX decision_target ON decision (target, created_at);

CREATE TRIGGER comment_immutable BEFORE UPDATE ON comment
BEGIN
  SELECT RAISE (ABORT, 'comments are immutable');
END;
CREATE TRIGGER decision_immutable BEFORE UPDATE ON decision
BEGIN
  SELECT RAISE (ABORT, 'decisions are immutable');
END;

-- Who changed what, when: written by the command layer in the same
-- transaction as the change.
CREATE TABLE history (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  author      TEXT    NOT NULL,
  action      TEXT    NOT NULL,              -- 'edit', 'insert', 'delete', 'undo', 'redo', 'import'
  label       TEXT    NOT NULL,              -- the command as the user saw it
  entity      TEXT    NOT NULL,              -- table name
  entity_id   INTEGER,
  field       TEXT,
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX history_entity ON history (entity, entity_id, at);

-- Sync state per shared document and per server.
CREATE TABLE sync_doc (
  doc_id      TEXT    PRIMARY KEY,           -- <type>:<uuid>
  entity      TEXT    NOT NULL,
  entity_id   INTEGER,
  rev         TEXT,                          -- last revision the server confirmed
  base_json   TEXT,                          -- the document at rev, for merges
  dirty       INTEGER NOT NULL DEFAULT 1 CHECK (dirty IN (0, 1)),
  deleted     INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  schema_version INTEGER NOT NULL DEFAULT 1,
  foreign_json TEXT,                         -- a newer schema's document, kept whole
  conflict_json TEXT,                        -- a true clash waiting for the user
  updated_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_doc_dirty ON sync_doc (dirty) WHERE dirty = 1;

CREATE TABLE sync_server (
  id          INTEGER PRIMARY KEY,
  url         TEXT    NOT NULL,
  db_name     TEXT    NOT NULL,
  username    TEXT,
  last_seq    TEXT,                          -- opaque
  last_sync_at INTEGER,
  UNIQUE (url, db_name)
);
