-- 007_writer.sql: the last batch each running moscdrd committed.
--
-- A batch's transaction ends by writing (writer, batch) here, in the same
-- transaction as its rows. When the connection is lost after COMMIT was
-- sent and before its answer came (a failover, a server stopped at that
-- moment), the daemon reconnects, possibly to another server, and reads
-- this row: the batch number it sent means the batch committed and must
-- not be written again (that would count its messages twice); anything
-- else means it did not, and it is retried. writer is a random id a
-- daemon draws each time it connects its store; one row per daemon run,
-- a few bytes each; a row whose daemon has stopped is never read again
-- and may be deleted at any time.
CREATE TABLE moscdr_writer (
	writer		text PRIMARY KEY,
	batch		bigint NOT NULL,
	updated_at	timestamptz NOT NULL DEFAULT now()
);
