-- The audit trail is append-only, and an insert must never stand in for an update:
-- `INSERT OR REPLACE`, `REPLACE INTO` and upserts would remove the old row without firing
-- the delete trigger (SQLite skips delete triggers on REPLACE unless recursive_triggers is
-- on). BEFORE INSERT runs ahead of conflict resolution, so refusing an existing id here
-- refuses every form of replacement.
CREATE TRIGGER `audit_events_no_replace` BEFORE INSERT ON `audit_events`
WHEN NEW.`id` IS NOT NULL AND EXISTS (SELECT 1 FROM `audit_events` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
