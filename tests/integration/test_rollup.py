"""The rollups (migration 006: rollup_hour, rollup_mos) are exact.

Proves, on SQLite and PostgreSQL: after calls sent through the real
daemon, among them a call changed by a second message (its MOS, its start
time and so its hour), two messages for one call in the same batch, and a
retransmitted empty BYE after the report, the rollups equal the same
aggregates computed from the rows through the views
(tests/sql/rollup_check_<driver>.sql, also run by make bench); the check
finds a difference planted in either table; and a database migrated from
a release without rollups gets them filled from its existing rows.
"""

import os
import time

import bi_data
import moscdr_test as mt

CHECK = os.path.join(mt.ROOT, "tests", "sql", "rollup_check_%s.sql")


def check_sql(driver, since=None):
    with open(CHECK % driver) as f:
        sql = f.read()
    if since is None:
        since = "''" if driver == "sqlite" else "'-infinity'"
    return sql.replace(":since", since).rstrip().rstrip(";")


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
    d.send(second)
    mt.wait_until(lambda: db.scalar(
        "SELECT messages FROM call WHERE call_id = 'chg@test'") == 2, 30,
        "second message merged")
    assert differences(db) == []
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
