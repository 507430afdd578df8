-- Sunlight workspace schema, version 3: what the sync client keeps.

-- The server's reason for refusing the last push of a document (a
-- "forbidden" answer). The item stays local, shown with the reason, and
-- is not sent again until it changes: an edit, a pull or a push.
ALTER TABLE sync_doc ADD COLUMN refusal TEXT;

-- Whose checkpoint last_seq is: the server's uuid (GET /); a checkpoint
-- of another server, or of this one restored from elsewhere, is not
-- used. client_id names the copy of the checkpoint kept on the server,
-- _local/sunlight-<client_id>.
ALTER TABLE sync_server ADD COLUMN server_uuid TEXT;
ALTER TABLE sync_server ADD COLUMN client_id TEXT;

-- Every change of a document's sync state moves updated_at (the outbox
-- triggers on an edit, a push or a pull recorded): a refusal holds only
-- for the version the server refused.
CREATE TRIGGER sync_doc_refusal_clear AFTER UPDATE OF updated_at ON sync_doc
WHEN OLD.refusal IS NOT NULL
BEGIN
  UPDATE sync_doc SET refusal = NULL WHERE doc_id = NEW.doc_id;
END;
