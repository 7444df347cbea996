"""The rollups (migration 006: rollup_hour, rollup_mos) and the calls'
stored figures (migration 013: mos_average, mos_worst, has_mos, the
average losses on the call row) are exact.

Proves, on SQLite and PostgreSQL: after calls sent through the real
daemon, among them a call changed by a second message (its MOS, its start
time and so its hour), two messages for one call in the same batch, and a
retransmitted empty BYE after the report, the rollups equal the same
aggregates computed from the rows through the views, and each call's
figures equal those computed from its samples
(tests/sql/rollup_check.sql, one text for both back ends that
check_sql() fills in; also run by make bench); the check finds a
difference planted in either table or in a call's figures; a database
migrated from a release without rollups gets them filled from its
existing rows; and migration 013's backfill sets the figures of calls
stored without them.
"""

import os
import time

import pytest

import bi_data
import moscdr_test as mt

CHECK = os.path.join(mt.ROOT, "tests", "sql", "rollup_check.sql")

# What rollup_check.sql leaves in braces, per back end: the hour of a
# time as the rollups' hour column holds it (SQLite: ISO text; PostgreSQL:
# timestamptz), and the first time checked.
DIALECT = {
    "sqlite": {
        "hour": "strftime('%Y-%m-%dT%H:00:00.000Z',"
                " coalesce(v.start_time, v.received_at))",
        "since": "{literal}",
        "since_hour": "substr({literal}, 1, 13)",
        "all": "''",
    },
    "postgresql": {
        "hour": "date_trunc('hour', coalesce(v.start_time, v.received_at),"
                " 'UTC')",
        "since": "CAST({literal} AS timestamptz)",
        "since_hour": "date_trunc('hour', CAST({literal} AS timestamptz),"
                      " 'UTC')",
        "all": "'-infinity'",
    },
}


def check_sql(driver, since=None):
    """rollup_check.sql for DRIVER, checking the hours from the SQL
    literal SINCE on (every hour when None), without its final ';'."""
    d = DIALECT[driver]
    literal = d["all"] if since is None else since
    with open(CHECK) as f:
        sql = f.read()
    for key in ("hour", "since", "since_hour"):
        sql = sql.replace("{%s}" % key,
                          d[key].replace("{literal}", literal))
    assert "{" not in sql, "rollup_check.sql: a brace left unfilled"
    return sql.rstrip().rstrip(";")


def differences(db, since=None):
    return db.query(check_sql(db.driver, since))


def rollup_calls(db):
    return db.scalar("SELECT coalesce(sum(calls), 0) FROM rollup_hour"
                     " WHERE side = 'call'")


def changed_call_messages(now):
    """A call first reported without a start time and with a good MOS,
    then with its start time (a day earlier: another hour) and a poor
    MOS; then a BYE retransmitted without any MOS."""
    first = {"v": 1, "call_id": "chg@test", "node": "kam1",
             "sip_code": 200, "mos_average": "4.4", "mos_min": "4.1",
             "mos_average_A": "4.4", "mos_average_B": "4.3",
             "mos_A_label": "caller", "mos_B_label": "callee"}
    second = dict(first, start_time=now - bi_data.DAY - 300,
                  end_time=now - bi_data.DAY - 200, mos_average="2.9",
                  mos_min="2.1", mos_average_A="3.1",
                  mos_average_B="2.8", mos_average_packetloss="7")
    bye = {"v": 1, "call_id": "chg@test", "node": "kam1"}
    return first, second, bye


def test_rollups_exact(daemon, db):
    now = int(time.time())
    calls = bi_data.dataset(now)
    d = daemon.start()
    for c in calls:
        d.send(c.message())
    first, second, bye = changed_call_messages(now)
    d.send(first)
    n = len(calls) + 1
    mt.wait_until(lambda: db.count_calls() == n, 30, "%d calls" % n)
    assert differences(db) == []
    assert figures(db, "chg@test") == (4.4, 4.1, 1, None, None, None)
    d.send(second)
    mt.wait_until(lambda: db.scalar(
        "SELECT messages FROM call WHERE call_id = 'chg@test'") == 2, 30,
        "second message merged")
    assert differences(db) == []
    # The merge changed the samples, and with them the stored figures.
    assert figures(db, "chg@test") == (2.9, 2.1, 1, 7.0, None, None)
    d.send(bye)
    # Two messages for one call back to back: the same batch, two rounds.
    twice = bi_data.Call("twice@test", "kam2", now - 900, mos=3.6, a=3.7,
                         b=3.5, loss=1)
    d.send(twice.message())
    m2 = twice.message()
    m2["mos_average"] = "3.2"
    d.send(m2)
    mt.wait_until(lambda: db.scalar(
        "SELECT coalesce(sum(messages), 0) FROM call WHERE call_id IN"
        " ('chg@test', 'twice@test')") == 5, 30, "all merged")
    st = d.stop()
    assert st["stored"] == n + 4, st
    assert differences(db) == []
    # The BYE without MOS erased none of them.
    assert figures(db, "chg@test") == (2.9, 2.1, 1, 7.0, None, None)
    assert rollup_calls(db) == n + 1
    # The changed call left its first hour and counts where it starts.
    hour = db.query("SELECT hour, mos_calls, mos_sum FROM rollup_hour"
                    " WHERE node = 'kam1' AND side = 'call' AND calls > 0"
                    " ORDER BY hour")
    assert any(abs(r[2] - 2.9) < 1e-6 for r in hour if r[1] == 1), hour
    assert db.scalar("SELECT count(*) FROM rollup_mos WHERE kind = 'min'"
                     " AND side = 'call' AND calls > 0 AND mos > 4.05"
                     " AND mos < 4.15") == 0
    # The retransmitted BYE neither added a call nor removed its MOS.
    assert db.scalar("SELECT sum(calls_with_mos) FROM rollup_hour"
                     " WHERE side = 'call'") == sum(
        c.has_mos for c in calls) + 2


def test_check_finds_a_difference(daemon, db):
    now = int(time.time())
    d = daemon.start()
    for c in bi_data.dataset(now)[:4]:
        d.send(c.message())
    mt.wait_until(lambda: db.count_calls() == 4, 30, "4 calls")
    d.stop()
    assert differences(db) == []
    db_exec(db, "UPDATE rollup_hour SET talk_calls = talk_calls + 1"
            " WHERE side = 'call' AND calls > 0 AND hour = (SELECT min(hour)"
            " FROM rollup_hour)")
    diff = differences(db)
    assert len(diff) == 1 and diff[0][0] == "rollup_hour", diff
    db_exec(db, "UPDATE rollup_hour SET talk_calls = talk_calls - 1"
            " WHERE side = 'call' AND calls > 0 AND hour = (SELECT min(hour)"
            " FROM rollup_hour)")
    assert differences(db) == []
    db_exec(db, "UPDATE rollup_mos SET calls = calls + 1 WHERE kind = 'min'"
            " AND mos = (SELECT min(mos) FROM rollup_mos WHERE kind = 'min')")
    diff = differences(db)
    assert diff and all(r[0].startswith("rollup_mos min") for r in diff), diff
    db_exec(db, "UPDATE rollup_mos SET calls = calls - 1 WHERE kind = 'min'"
            " AND mos = (SELECT min(mos) FROM rollup_mos WHERE kind = 'min')")
    assert differences(db) == []
    # A call's stored figures: a wrong value, and a known one made NULL.
    one = "(SELECT min(call_pk) FROM call WHERE mos_worst IS NOT NULL)"
    db_exec(db, "UPDATE call SET mos_worst = mos_worst + 0.5"
            " WHERE call_pk = " + one)
    diff = differences(db)
    assert len(diff) == 1 and diff[0][0].startswith("call "), diff
    db_exec(db, "UPDATE call SET mos_worst = mos_worst - 0.5,"
            " has_mos = NULL WHERE call_pk = " + one)
    diff = differences(db)
    assert len(diff) == 1 and diff[0][0].startswith("call "), diff


def figures(db, call_id):
    """A call's stored figures: mos_average, mos_worst, has_mos (1/0),
    the call's, side A's and side B's average loss, MOS rounded to 0.01."""
    r = db.query("SELECT mos_average, mos_worst, CASE WHEN has_mos THEN 1"
                 " WHEN NOT has_mos THEN 0 END, packetloss_pct_average,"
                 " a_packetloss_pct_average, b_packetloss_pct_average"
                 " FROM call WHERE call_id = '%s'" % call_id)[0]
    return tuple(None if v is None else round(v, 2) for v in r)


def test_new_calls_written_once(daemon, db):
    """PostgreSQL: a new call's figures go in with its row (from the
    record's staged samples), so the pass after the merge, which sets
    them from the rows, finds nothing to change and no call row gets a
    second version; they are still exact (the check)."""
    if db.driver != "postgresql":
        pytest.skip("SQLite updates the row in place: nothing to prove")
    now = int(time.time())
    calls = bi_data.dataset(now)
    d = daemon.start()
    for c in calls:
        d.send(c.message())
    mt.wait_until(lambda: db.count_calls() == len(calls), 30, "calls")
    d.stop()
    # The daemon's backend flushed its statistics when it disconnected.
    # call is partitioned by time (migration 012): its rows and their
    # counts are in its partitions.
    stat = "SELECT coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0)" \
        " FROM pg_stat_user_tables WHERE relid IN (SELECT inhrelid" \
        " FROM pg_inherits WHERE inhparent = 'call'::regclass)"
    mt.wait_until(lambda: db.query(stat)[0][0] == len(calls), 30,
                  "the inserts counted")
    assert db.query(stat)[0][1] == 0
    assert differences(db) == []


def test_backfill_sets_figures(daemon, db):
    """Migration 013's backfill (the statement between its marker lines,
    which make bench also runs) gives calls stored without figures the
    ones the writer would have given them."""
    now = int(time.time())
    calls = bi_data.dataset(now)
    d = daemon.start()
    for c in calls:
        d.send(c.message())
    mt.wait_until(lambda: db.count_calls() == len(calls), 30, "calls")
    d.stop()
    db_exec(db, "UPDATE call SET mos_average = NULL, mos_worst = NULL,"
            " has_mos = NULL, packetloss_pct_average = NULL,"
            " a_packetloss_pct_average = NULL,"
            " b_packetloss_pct_average = NULL")
    assert len(differences(db)) == len(calls)
    with open(os.path.join(mt.ROOT, "sql", db.driver,
                           "013_call_summary.sql")) as f:
        text = f.read()
    backfill = text.split("-- backfill begin\n")[1].split(
        "-- backfill end")[0]
    db_exec(db, backfill.strip().rstrip(";"))
    assert differences(db) == []
    assert db.scalar("SELECT count(*) FROM call WHERE has_mos IS NULL") == 0


def db_exec(db, sql):
    c = db._connect()
    try:
        c.cursor().execute(sql)
        c.commit()
    finally:
        c.close()


def test_migration_fills_rollups(daemon, db):
    """A database of the release before 006: its rows are summed into
    the new tables when moscdrd migrates it."""
    now = int(time.time())
    calls = bi_data.dataset(now)
    d = daemon.start()
    for c in calls:
        d.send(c.message())
    mt.wait_until(lambda: db.count_calls() == len(calls), 30, "calls")
    d.stop()
    # Back to schema 5 plus 8 (as a landed database): no rollups.
    cascade = " CASCADE" if db.driver == "postgresql" else ""
    db_exec(db, "DROP TABLE rollup_mos" + cascade)
    db_exec(db, "DROP TABLE rollup_hour" + cascade)
    db_exec(db, "DELETE FROM moscdr_schema_version WHERE version = 6")
    db_exec(db, "DELETE FROM moscdr_views")  # the views on them, again
    d = daemon.start()
    mt.wait_until(lambda: db.scalar(
        "SELECT count(*) FROM moscdr_schema_version WHERE version = 6") == 1,
        30, "migration 006")
    d.stop()
    assert rollup_calls(db) == len(calls)
    assert differences(db) == []


def _rank(vals, pct):
    vals = sorted(vals)
    return vals[max(-(-len(vals) * pct // 100), 1) - 1]


def _band_shares(vals):
    edges = [(4.34, 9), (4.03, 4.34), (3.60, 4.03), (3.10, 3.60),
             (2.58, 3.10), (-9, 2.58)]
    return [sum(lo - 1e-6 <= v < hi - 1e-6 for v in vals) / len(vals)
            for lo, hi in edges]


def test_views_percentiles(daemon, db):
    """v_quality_hourly and v_quality_daily (and v_daily_quality's new
    columns) against the same figures computed in Python from the calls'
    rows in v_call_quality: averages, nearest-rank 5th percentile and
    median per side, band shares, the lowest minimum."""
    now = int(time.time())
    calls = bi_data.dataset(now)
    base = now - 3 * 3600 - now % 3600 + 30
    calls += [bi_data.Call("q%02d@test" % i, "kam2", base + i,
                           mos=round(1.5 + 0.1 * i, 1),
                           mos_min=round(1.2 + 0.1 * i, 1),
                           a=round(4.4 - 0.1 * (i % 7), 1),
                           b=round(2.0 + 0.1 * (i % 23), 1), loss=i % 5,
                           jitter=i) for i in range(30)]
    d = daemon.start()
    for c in calls:
        d.send(c.message())
    mt.wait_until(lambda: db.count_calls() == len(calls), 30, "calls")
    d.stop()
    assert differences(db) == []
    rows = db.query_dicts("SELECT start_time, received_at, node,"
                          " mos_average, mos_min, a_mos_average,"
                          " b_mos_average FROM v_call_quality")
    groups = {}
    for r in rows:
        t = mt.to_epoch(r["start_time"] or r["received_at"])
        for per, key in ((3600, "hour"), (86400, "day")):
            for side, col in (("call", "mos_average"), ("A", "a_mos_average"),
                              ("B", "b_mos_average")):
                g = groups.setdefault((key, t - t % per, r["node"], side),
                                      {"n": 0, "v": [], "min": []})
                g["n"] += 1
                if r[col] is not None:
                    g["v"].append(r[col])
                if side == "call" and r["mos_min"] is not None:
                    g["min"].append(r["mos_min"])
    checked = 0
    for key, view in (("hour", "v_quality_hourly"), ("day", "v_quality_daily")):
        got = db.query_dicts("SELECT * FROM %s ORDER BY 1, 2, 3" % view)
        assert len(got) == len([k for k in groups if k[0] == key]), view
        for r in got:
            t = mt.to_epoch(r[key]) if key == "hour" else mt.to_epoch(
                str(mt.to_day(r[key])) + "T00:00:00Z")
            g = groups[(key, t, r["node"], r["side"])]
            assert r["calls"] == g["n"], (view, r)
            assert r["mos_calls"] == len(g["v"]), (view, r)
            if g["v"]:
                assert abs(r["mos_average"] - sum(g["v"]) / len(g["v"])) \
                    < 1e-5, (view, r)
                assert abs(r["mos_p5"] - _rank(g["v"], 5)) < 1e-5, (view, r)
                assert abs(r["mos_median"] - _rank(g["v"], 50)) < 1e-5, (
                    view, r)
                shares = _band_shares(g["v"])
                for col, want in zip(
                        ("share_very_satisfied", "share_satisfied",
                         "share_some_dissatisfied", "share_many_dissatisfied",
                         "share_nearly_all_dissatisfied",
                         "share_not_recommended"), shares):
                    assert abs(r[col] - want) < 1e-9, (view, col, r)
                checked += len(g["v"]) > 20
            else:
                assert r["mos_average"] is None and r["mos_p5"] is None
            if r["side"] == "call" and g["min"]:
                assert abs(r["mos_min"] - min(g["min"])) < 1e-5, (view, r)
            elif r["side"] != "call":
                assert r["mos_min"] is None, (view, r)
    assert checked >= 6, "the 30 calls of one hour: every side, both views"
    daily = db.query_dicts("SELECT day, node, mos_p5, mos_median"
                           " FROM v_daily_quality")
    same = db.query_dicts("SELECT day, node, mos_p5, mos_median"
                          " FROM v_quality_daily WHERE side = 'call'")
    key = lambda r: (str(r["day"]), r["node"])
    assert sorted(daily, key=key) == sorted(same, key=key)


if __name__ == "__main__":
    # test_rollup.py DRIVER [SINCE]: the check for one back end, e.g. for
    # sqlite3 or psql
    import sys
    print(check_sql(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
          + ";")
