-- 003_retention.sql: an index for retention (retention.days).
--
-- moscdrd deletes the calls whose COALESCE(start_time, received_at) is
-- older than the retention period, oldest first, a few hundred per
-- transaction (store_sqlite.c, purge). This index on exactly that
-- expression lets each batch find its calls without reading the table;
-- the legs and samples go by ON DELETE CASCADE through their primary
-- keys, which start with call_pk.
CREATE INDEX IF NOT EXISTS call_retention
    ON call (coalesce(start_time, received_at));
