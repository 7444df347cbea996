-- 008_journal.sql: how far each journal has been applied.
--
-- moscdrd writes every accepted message to its journal (the spool
-- directory) before it queues it, each under a sequence number. Every
-- batch it commits also sets, in the same transaction, the last sequence
-- number the batch applied for that journal's identity, so after a crash
-- the replay starts exactly after the last committed message: no
-- message is counted twice (call.messages stays exact), none is skipped.
-- One row per journal: several daemons may share one database.
CREATE TABLE IF NOT EXISTS journal_position (
	journal		TEXT PRIMARY KEY,
	seq		INTEGER NOT NULL,
	updated_at	TEXT NOT NULL
);
