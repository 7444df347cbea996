-- 003_retention.sql: an index for retention (retention.days).
--
-- moscdrd deletes the calls whose COALESCE(start_time, received_at) is
-- older than the retention period, oldest first, a few hundred per
-- transaction (store_pg.c, purge). This index on exactly that expression
-- lets each batch find its calls without reading the table; the legs and
-- samples go by ON DELETE CASCADE through their primary keys, which
-- start with call_pk.
--
-- On a large existing table this CREATE INDEX blocks writes while it
-- runs (migrations run in one transaction at start). To avoid that,
-- create it beforehand by hand with
--   CREATE INDEX CONCURRENTLY call_retention
--       ON call ((coalesce(start_time, received_at)));
-- and this migration then only records the version.
CREATE INDEX IF NOT EXISTS call_retention
    ON call ((coalesce(start_time, received_at)));
