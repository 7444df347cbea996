"""PostgreSQL's time partitions (sql/postgresql/012_partitions.sql): a
database made by the landed version (schema 11, tests/data/pg-v11.sql)
migrates with every view's and rollup's rows unchanged; retention drops
whole partitions, after the rows that landed in the DEFAULT partition
were moved into partitions of their own at start."""

import contextlib
import os
import re
import subprocess
import time

import moscdr_test as mt
import test_rollup

FIXTURE = os.path.join(mt.ROOT, "tests", "data", "pg-v11.sql")
DAY = 86400


def _restore(db):
    r = subprocess.run(["psql", db.conninfo, "-q", "-X", "-v",
                        "ON_ERROR_STOP=1", "-f", FIXTURE],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def _snapshot(db, cols=None):
    """{relation: sorted rows} of the reporting views, the rollups and
    the three tables (their columns of schema 11: cols, when given)."""
    views = [r[0] for r in db.query(
        "SELECT table_name FROM information_schema.views"
        " WHERE table_schema = current_schema() AND table_name LIKE 'v\\_%'"
        " ORDER BY 1")]
    cols = cols or {}
    out = {}
    for rel in views + ["rollup_hour", "rollup_mos", "call", "leg",
                        "mos_sample"]:
        c = cols.get(rel) or db.columns(rel)
        cols[rel] = c
        out[rel] = sorted(db.query("SELECT %s FROM %s" % (", ".join(c),
                                                          rel)), key=repr)
    return out, cols


def _send_old(d, now, n, step):
    """n calls that started 10 days ago and later, step seconds apart:
    older than any partition made ahead, so into the DEFAULT ones."""
    for i in range(n):
        d.send({"v": 1, "call_id": "old-%d" % i,
                "start_time": now - 10 * DAY - i * step,
                "mos_average": "3.5"})


@contextlib.contextmanager
def _held_by_vacuum(db, partitions):
    """Another session holding SHARE UPDATE EXCLUSIVE on partitions, the
    lock a VACUUM (or ANALYZE) holds, until the block ends."""
    import psycopg2
    vacuum = psycopg2.connect(db.conninfo)
    try:
        cur = vacuum.cursor()
        for p in partitions:
            cur.execute("LOCK TABLE %s IN SHARE UPDATE EXCLUSIVE MODE" % p)
        yield
    finally:
        vacuum.rollback()
        vacuum.close()


def test_v11_database_migrates(pg_daemon, pg_db):
    """The fixture (120 calls over 30 days, some without a start time,
    some merged) is moved into day partitions: every view's, rollup's
    and table's rows are what they were, nothing is left in the DEFAULT
    partitions, each call is in the partition of its day with its legs
    and samples, JIT is off for the database and rollup_check.sql finds
    no difference. A later message of a migrated call then merges into
    it, and a new call gets a call_pk above the migrated ones."""
    _restore(pg_db)
    assert pg_db.scalar("SELECT max(version) FROM moscdr_schema_version") \
        == 11
    before, cols = _snapshot(pg_db)
    assert len(before) >= 10 and all(before.values()), \
        "a relation without rows compares nothing"
    d = pg_daemon.start()
    d.stop()
    # 012 and every later migration (013 adds the call's stored figures).
    assert pg_db.scalar("SELECT max(version) FROM moscdr_schema_version") \
        >= 12
    after, _ = _snapshot(pg_db, cols)
    for rel in before:
        assert after[rel] == before[rel], rel
    assert test_rollup.differences(pg_db) == []
    for t in ("call", "leg", "mos_sample"):
        assert pg_db.scalar("SELECT count(*) FROM %s_default" % t) == 0, t
        assert pg_db.scalar(
            "SELECT count(*) FROM %s WHERE tableoid::regclass::text <>"
            " '%s_p' || to_char(part_at AT TIME ZONE 'UTC', 'YYYYMMDD')"
            % (t, t)) == 0, t
    assert pg_db.scalar("SELECT count(*) FROM call WHERE part_at <>"
                        " coalesce(start_time, received_at)") == 0
    assert pg_db.scalar("SELECT count(*) FROM call WHERE start_time IS NULL"
                        ) > 0
    for t in ("leg", "mos_sample"):
        assert pg_db.scalar("SELECT count(*) FROM %s JOIN call USING"
                            " (call_pk, part_at)" % t) == \
            len(before[t]), t
    assert pg_db.scalar("SELECT count(*) FROM moscdr_partition WHERE"
                        " parent = 'call'") >= 30
    assert pg_db.scalar("SHOW jit") == "off"

    cid, node, start, msgs, top = pg_db.query(
        "SELECT call_id, node, extract(epoch FROM start_time)::float8,"
        " messages, (SELECT max(call_pk) FROM call) FROM call"
        " WHERE start_time IS NOT NULL ORDER BY call_pk LIMIT 1")[0]
    d = pg_daemon.start()
    d.send({"v": 1, "call_id": cid, "node": node, "start_time": start,
            "sip_code": 200})
    d.send({"v": 1, "call_id": "new-after-012", "node": node,
            "start_time": time.time() - 5})
    mt.wait_until(lambda: pg_db.count_calls() == 121, 30, "the new call")
    mt.wait_until(lambda: pg_db.scalar(
        "SELECT messages FROM call WHERE call_id = ?", cid) == msgs + 1,
        30, "the merge into the migrated call")
    d.stop()
    assert pg_db.scalar("SELECT call_pk FROM call WHERE call_id ="
                        " 'new-after-012'") > top
    assert test_rollup.differences(pg_db) == []


def test_retention_drops_partitions(pg_daemon, pg_db):
    """Calls that started 10 to 12 days ago land in the DEFAULT partition
    (partitions are made from yesterday on); the next start moves them
    into day partitions of their own (logged), and retention.days = 5
    then drops those partitions with their legs and samples (logged with
    the calls they held) and keeps the recent calls and the rollups."""
    now = time.time()
    d = pg_daemon.start()
    for i in range(30):
        d.send({"v": 1, "call_id": "old-%d" % i,
                "start_time": now - 10 * DAY - i * 2 * 3600,
                "mos_average": "3.5", "mos_average_A": "3.4",
                "mos_A_label": "a"})
    for i in range(5):
        d.send({"v": 1, "call_id": "new-%d" % i, "start_time": now - i * 60,
                "mos_average": "4.0", "mos_average_A": "4.1",
                "mos_A_label": "a"})
    mt.wait_until(lambda: pg_db.count_calls() == 35, 30, "all stored")
    d.stop()
    assert pg_db.scalar("SELECT count(*) FROM call_default") == 30
    assert pg_db.scalar("SELECT count(*) FROM leg_default") == 30
    rollup = test_rollup.rollup_calls(pg_db)
    assert rollup == 35

    d = pg_daemon.start(retention__days=5)
    line = mt.wait_until(lambda: re.search(
        r"retention: deleted (\d+) calls", d.log), 30,
        "the retention log line")
    d.stop()
    assert re.search(r"moved 30 calls from the DEFAULT partitions", d.log)
    assert int(line.group(1)) == 30
    assert len(re.findall(r"retention: dropped the partitions of", d.log)) \
        >= 2
    assert sorted(r[0] for r in pg_db.query("SELECT call_id FROM call")) == \
        sorted("new-%d" % i for i in range(5))
    for t in ("leg", "mos_sample"):
        assert pg_db.scalar("SELECT count(*) FROM %s" % t) == \
            pg_db.scalar("SELECT count(*) FROM %s JOIN call USING"
                         " (call_pk, part_at)" % t), t
    assert pg_db.scalar("SELECT count(*) FROM moscdr_partition WHERE"
                        " hi <= now() - interval '5 days'") == 0
    assert pg_db.scalar("SELECT count(*) FROM call_default") == 0
    assert test_rollup.rollup_calls(pg_db) == rollup


def test_maintenance_passes_a_partition_being_vacuumed(pg_daemon, pg_db):
    """Another session holds SHARE UPDATE EXCLUSIVE on today's partitions,
    the lock a VACUUM (or ANALYZE) holds, for the whole test. Moving the
    DEFAULT partitions' rows at start, retention's drop of the old
    partitions and making a partition ahead lock only the three parent
    tables (migration 014), so none of them waits for that lock: with
    migration 012's lock of every partition each would wait
    lock_timeout (2 s) and fail, run after run."""
    now = time.time()
    d = pg_daemon.start()
    _send_old(d, now, 10, 3600)
    d.send({"v": 1, "call_id": "today", "start_time": now - 60,
            "mos_average": "4.0"})
    mt.wait_until(lambda: pg_db.count_calls() == 11, 30, "all stored")
    d.stop()
    assert pg_db.scalar("SELECT count(*) FROM call_default") == 10
    today = pg_db.scalar("SELECT to_char(now() AT TIME ZONE 'UTC',"
                         " 'YYYYMMDD')")
    with _held_by_vacuum(pg_db, ["%s_p%s" % (t, today)
                                 for t in ("call", "leg", "mos_sample")]):
        d = pg_daemon.start(retention__days=5)
        line = mt.wait_until(lambda: re.search(
            r"retention: deleted (\d+) calls", d.log), 30,
            "the retention log line")
        assert int(line.group(1)) == 10
        assert re.search(r"moved 10 calls from the DEFAULT partitions",
                         d.log)
        assert "lock timeout" not in d.log
        d.send({"v": 1, "call_id": "during", "start_time": time.time(),
                "mos_average": "4.1"})
        mt.wait_until(lambda: pg_db.count_calls() == 2, 30,
                      "a call stored while the lock is held")
        d.stop()
        made = pg_db.query("SET lock_timeout = '2s'; SELECT"
                           " moscdr_partition_make(now() + interval"
                           " '20 days', 1)")
        assert made == [(1,)]
    assert sorted(r[0] for r in pg_db.query("SELECT call_id FROM call")) \
        == ["during", "today"]


def test_retention_counts_only_what_it_dropped(pg_daemon, pg_db):
    """A drop that times out on its locks (a vacuum of the old partitions
    themselves, held here by another session) is logged, drops nothing
    and counts nothing; the next start drops the partitions and counts
    their 10 calls once."""
    d = pg_daemon.start()
    _send_old(d, time.time(), 10, 600)
    mt.wait_until(lambda: pg_db.count_calls() == 10, 30, "all stored")
    d.stop()
    d = pg_daemon.start()   # moves them out of the DEFAULT partitions
    d.stop()
    old = [r[0] for r in pg_db.query(
        "SELECT partition FROM moscdr_partition WHERE hi <= now() -"
        " interval '5 days'")]
    assert len(old) >= 3
    with _held_by_vacuum(pg_db, old):
        d = pg_daemon.start(retention__days=5)
        mt.wait_until(lambda: "lock timeout" in d.log, 30,
                      "the drop's lock timeout")
        time.sleep(1)
        d.stop()
        assert not re.search(r"retention: deleted [1-9]", d.log), d.log
        assert pg_db.count_calls() == 10
    d = pg_daemon.start(retention__days=5)
    line = mt.wait_until(lambda: re.search(
        r"retention: deleted (\d+) calls", d.log), 30,
        "the retention log line")
    d.stop()
    assert int(line.group(1)) == 10
    assert pg_db.count_calls() == 0
