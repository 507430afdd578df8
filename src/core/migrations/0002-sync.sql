-- Sunlight workspace schema, version 2: the outbox.
--
-- Every insert, update or delete of a shared item, or of a row that
-- travels inside one (key results in their goal, lines in their plan,
-- a request's budget lines in the request), marks the item's sync
-- document dirty in the same transaction as the edit (docs/sync.md).
--
--   * A new or changed item: sync_doc upserted with dirty = 1.
--   * A deleted item: a tombstone (deleted = 1, dirty = 1), unless the
--     server never saw it (no rev): then its sync_doc row goes too.
--   * Applying a pulled document writes its rows (the triggers mark it
--     dirty) and then clears dirty in the same transaction.
--
-- The triggers of the tables insert into two views whose INSTEAD OF
-- triggers do the work once: sync_changed and sync_deleted. Times are
-- microseconds since the epoch, like every timestamp column.

-- The document last written to the rows from elsewhere (a pull): the
-- members the rows do not hold, its creating workspace and any member a
-- newer client added, come from here when it is encoded again.
ALTER TABLE sync_doc ADD COLUMN applied_json TEXT;

CREATE VIEW sync_changed AS SELECT doc_id, entity, entity_id FROM sync_doc;
CREATE TRIGGER sync_changed_insert INSTEAD OF INSERT ON sync_changed
BEGIN
  INSERT INTO sync_doc (doc_id, entity, entity_id, dirty, deleted, updated_at)
  VALUES (NEW.doc_id, NEW.entity, NEW.entity_id, 1, 0,
          CAST ((julianday ('now') - 2440587.5) * 86400000000.0 AS INTEGER))
  ON CONFLICT (doc_id) DO UPDATE
    SET entity = excluded.entity, entity_id = excluded.entity_id, dirty = 1, deleted = 0,
        updated_at = excluded.updated_at;
END;

CREATE VIEW sync_deleted AS SELECT doc_id FROM sync_doc;
CREATE TRIGGER sync_deleted_insert INSTEAD OF INSERT ON sync_deleted
BEGIN
  DELETE FROM sync_doc WHERE doc_id = NEW.doc_id AND rev IS NULL AND foreign_json IS NULL;
  UPDATE sync_doc
     SET entity_id = NULL, dirty = 1, deleted = 1,
         updated_at = CAST ((julianday ('now') - 2440587.5) * 86400000000.0 AS INTEGER)
   WHERE doc_id = NEW.doc_id;
END;

-- goal

CREATE TRIGGER goal_sync_insert AFTER INSERT ON goal
BEGIN
  INSERT INTO sync_changed VALUES ('goal:' || NEW.uuid, 'goal', NEW.id);
END;

CREATE TRIGGER goal_sync_update AFTER UPDATE ON goal
BEGIN
  INSERT INTO sync_changed VALUES ('goal:' || NEW.uuid, 'goal', NEW.id);
END;

CREATE TRIGGER goal_sync_delete AFTER DELETE ON goal
BEGIN
  INSERT INTO sync_deleted VALUES ('goal:' || OLD.uuid);
END;

-- key_result travels inside its goal.
-- A goal's deletion cascades here once the goal row is gone: then the
-- SELECT finds nothing and the goal's tombstone stays as it is.

CREATE TRIGGER key_result_sync_insert AFTER INSERT ON key_result
BEGIN
  INSERT INTO sync_changed
  SELECT 'goal:' || uuid, 'goal', id FROM goal
   WHERE id = NEW.goal_id;
END;

CREATE TRIGGER key_result_sync_update AFTER UPDATE ON key_result
BEGIN
  INSERT INTO sync_changed
  SELECT 'goal:' || uuid, 'goal', id FROM goal
   WHERE id IN (OLD.goal_id, NEW.goal_id);
END;

CREATE TRIGGER key_result_sync_delete AFTER DELETE ON key_result
BEGIN
  INSERT INTO sync_changed
  SELECT 'goal:' || uuid, 'goal', id FROM goal
   WHERE id = OLD.goal_id;
END;

-- annotation

CREATE TRIGGER annotation_sync_insert AFTER INSERT ON annotation
BEGIN
  INSERT INTO sync_changed VALUES ('annotation:' || NEW.uuid, 'annotation', NEW.id);
END;

CREATE TRIGGER annotation_sync_update AFTER UPDATE ON annotation
BEGIN
  INSERT INTO sync_changed VALUES ('annotation:' || NEW.uuid, 'annotation', NEW.id);
END;

CREATE TRIGGER annotation_sync_delete AFTER DELETE ON annotation
BEGIN
  INSERT INTO sync_deleted VALUES ('annotation:' || OLD.uuid);
END;

-- realloc_plan: document type "plan"

CREATE TRIGGER realloc_plan_sync_insert AFTER INSERT ON realloc_plan
BEGIN
  INSERT INTO sync_changed VALUES ('plan:' || NEW.uuid, 'realloc_plan', NEW.id);
END;

CREATE TRIGGER realloc_plan_sync_update AFTER UPDATE ON realloc_plan
BEGIN
  INSERT INTO sync_changed VALUES ('plan:' || NEW.uuid, 'realloc_plan', NEW.id);
END;

CREATE TRIGGER realloc_plan_sync_delete AFTER DELETE ON realloc_plan
BEGIN
  INSERT INTO sync_deleted VALUES ('plan:' || OLD.uuid);
END;

-- realloc_line travels inside its plan.

CREATE TRIGGER realloc_line_sync_insert AFTER INSERT ON realloc_line
BEGIN
  INSERT INTO sync_changed
  SELECT 'plan:' || uuid, 'realloc_plan', id FROM realloc_plan
   WHERE id = NEW.plan_id;
END;

CREATE TRIGGER realloc_line_sync_update AFTER UPDATE ON realloc_line
BEGIN
  INSERT INTO sync_changed
  SELECT 'plan:' || uuid, 'realloc_plan', id FROM realloc_plan
   WHERE id IN (OLD.plan_id, NEW.plan_id);
END;

CREATE TRIGGER realloc_line_sync_delete AFTER DELETE ON realloc_line
BEGIN
  INSERT INTO sync_changed
  SELECT 'plan:' || uuid, 'realloc_plan', id FROM realloc_plan
   WHERE id = OLD.plan_id;
END;

-- budget_request: document type "request"

CREATE TRIGGER budget_request_sync_insert AFTER INSERT ON budget_request
BEGIN
  INSERT INTO sync_changed VALUES ('request:' || NEW.uuid, 'budget_request', NEW.id);
END;

CREATE TRIGGER budget_request_sync_update AFTER UPDATE ON budget_request
BEGIN
  INSERT INTO sync_changed VALUES ('request:' || NEW.uuid, 'budget_request', NEW.id);
END;

CREATE TRIGGER budget_request_sync_delete AFTER DELETE ON budget_request
BEGIN
  INSERT INTO sync_deleted VALUES ('request:' || OLD.uuid);
END;

-- A request's budget lines travel inside it; other budget lines (plan,
-- forecast, committed, imports) are not shared and cost nothing here.

CREATE TRIGGER budget_line_sync_insert AFTER INSERT ON budget_line
WHEN NEW.request_id IS NOT NULL
BEGIN
  INSERT INTO sync_changed
  SELECT 'request:' || uuid, 'budget_request', id FROM budget_request
   WHERE id = NEW.request_id;
END;

CREATE TRIGGER budget_line_sync_update AFTER UPDATE ON budget_line
WHEN OLD.request_id IS NOT NULL OR NEW.request_id IS NOT NULL
BEGIN
  INSERT INTO sync_changed
  SELECT 'request:' || uuid, 'budget_request', id FROM budget_request
   WHERE id IN (OLD.request_id, NEW.request_id);
END;

CREATE TRIGGER budget_line_sync_delete AFTER DELETE ON budget_line
WHEN OLD.request_id IS NOT NULL
BEGIN
  INSERT INTO sync_changed
  SELECT 'request:' || uuid, 'budget_request', id FROM budget_request
   WHERE id = OLD.request_id;
END;

-- comment and decision are immutable (0001 refuses updates): only
-- inserts and deletions reach the outbox.

-- comment

CREATE TRIGGER comment_sync_insert AFTER INSERT ON comment
BEGIN
  INSERT INTO sync_changed VALUES ('comment:' || NEW.uuid, 'comment', NEW.id);
END;

CREATE TRIGGER comment_sync_delete AFTER DELETE ON comment
BEGIN
  INSERT INTO sync_deleted VALUES ('comment:' || OLD.uuid);
END;

-- decision

CREATE TRIGGER decision_sync_insert AFTER INSERT ON decision
BEGIN
  INSERT INTO sync_changed VALUES ('decision:' || NEW.uuid, 'decision', NEW.id);
END;

CREATE TRIGGER decision_sync_delete AFTER DELETE ON decision
BEGIN
  INSERT INTO sync_deleted VALUES ('decision:' || OLD.uuid);
END;

-- Shared items written before the outbox existed are waiting to be pushed.
INSERT INTO sync_changed
  SELECT 'goal:' || uuid, 'goal', id FROM goal
  UNION ALL SELECT 'annotation:' || uuid, 'annotation', id FROM annotation
  UNION ALL SELECT 'plan:' || uuid, 'realloc_plan', id FROM realloc_plan
  UNION ALL SELECT 'request:' || uuid, 'budget_request', id FROM budget_request
  UNION ALL SELECT 'comment:' || uuid, 'comment', id FROM comment
  UNION ALL SELECT 'decision:' || uuid, 'decision', id FROM decision;
