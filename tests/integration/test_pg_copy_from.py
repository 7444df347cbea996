"""moscdrd --copy-from sqlite:PATH: an SQLite database moscdrd wrote is
copied into PostgreSQL; afterwards every table's row count and every
view's rows are the same on both sides. A second run copies nothing and
changes nothing; a copy into a database that already holds some of the
calls merges them (messages added up)."""

import datetime
import os
import subprocess

import pytest

import bi_data
import test_rollup
import moscdr_test as mt
from conftest import DaemonFactory


def _val(v):
    if isinstance(v, datetime.datetime):
        return round(v.timestamp(), 3)
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, str) and len(v) >= 20 and v[4] == "-" and v[10] == "T":
        try:
            return round(mt.to_epoch(v), 3)
        except ValueError:
            return v
    if isinstance(v, float):
        return round(v, 4)
    if isinstance(v, (dict, list)):
        import json
        return json.dumps(v, sort_keys=True)
    return v


def _json(v):
    import json
    if isinstance(v, str) and v[:1] in "{[":
        try:
            return json.dumps(json.loads(v), sort_keys=True)
        except ValueError:
            return v
    return v


def _rows(db, rel, cols):
    rows = db.query("SELECT %s FROM %s" % (", ".join(cols), rel))
    out = [tuple(_json(_val(v)) for v in r) for r in rows]
    return sorted(out, key=repr)


def _compare(sq, pg):
    views = [r[0] for r in pg.query(
        "SELECT table_name FROM information_schema.views"
        " WHERE table_schema = current_schema()"
        " AND table_name <> 'moscdr_partition' ORDER BY 1")]
    assert views, "no views in PostgreSQL"
    for t in ("call", "leg", "mos_sample"):
        assert sq.scalar("SELECT count(*) FROM %s" % t) == \
            pg.scalar("SELECT count(*) FROM %s" % t), t
    nonempty = 0
    for v in views:
        # part_at: PostgreSQL's partition key, shown by v_call_quality
        cols = [c for c in pg.columns(v) if c not in ("call_pk", "part_at")]
        got = _rows(pg, v, cols)
        assert _rows(sq, v, cols) == got, v
        nonempty += bool(got)
    assert nonempty == len(views), "a view without rows compares nothing"
    # part_at: PostgreSQL's partition key (migration 012), not in SQLite
    cols = [c for c in pg.columns("call") if c not in ("call_pk", "part_at")]
    assert _rows(sq, "call", cols) == _rows(pg, "call", cols)
    return views


def _copy(moscdrd, pg, path):
    r = subprocess.run([moscdrd, "-f", "/dev/null", "-o",
                        "database.driver=postgresql", "-o",
                        "database.conninfo=%s" % pg.conninfo,
                        "--copy-from", "sqlite:%s" % path],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    return r.stdout


def test_copy_from_sqlite(moscdrd, pg_db, tmp_path):
    path = str(tmp_path / "old.db")
    sq = mt.Database("sqlite", path=path)
    f = DaemonFactory(moscdrd, sq, str(tmp_path))
    try:
        bi_data.load(f)
        # A call with three messages, to carry `messages` over; before
        # it, a call captured from rtpengine whose endpoints sent no RTCP,
        # for the legs' media columns and the view of legs without MOS.
        d = f.start()
        with open(os.path.join(mt.ROOT, "tests", "data",
                               "e2e-reply-nortcp.json")) as fh:
            d.send(fh.read())
        for code in ("180", "200", None):
            m = {"call_id": "three-times", "mos_average": "3.9"}
            if code:
                m["sip_code"] = code
            d.send(m)
        mt.wait_until(lambda: sq.scalar("SELECT max(messages) FROM call")
                      == 3, 30, "three messages merged")
        d.stop()
    finally:
        f.cleanup()
    out = _copy(moscdrd, pg_db, path)
    assert "done" in out, out
    views = _compare(sq, pg_db)
    assert len(views) >= 4
    # The copy kept PostgreSQL's rollups exact, as the writer does.
    assert test_rollup.differences(pg_db) == []
    assert pg_db.scalar("SELECT count(*) FROM leg WHERE mos_missing ="
                        " 'no_rtcp' AND rtp_packets = 295") == 2
    # Every copied call in a partition of its day, none in the DEFAULT
    # partition (the days' partitions were made by the copy).
    assert pg_db.scalar("SELECT count(*) FROM call_default") == 0
    assert pg_db.scalar("SELECT count(DISTINCT tableoid) FROM call") >= 2
    # Twice: nothing copied, nothing changed.
    before = pg_db.query("SELECT call_id, messages FROM call ORDER BY 1")
    out = _copy(moscdrd, pg_db, path)
    assert "0 calls to copy" in out, out
    assert pg_db.query("SELECT call_id, messages FROM call"
                       " ORDER BY 1") == before
    _compare(sq, pg_db)
    assert test_rollup.differences(pg_db) == []


def test_copy_from_merges_and_resumes(moscdrd, pg_db, tmp_path):
    path = str(tmp_path / "old.db")
    sq = mt.Database("sqlite", path=path)
    f = DaemonFactory(moscdrd, sq, str(tmp_path))
    try:
        d = f.start()
        for i in range(5000):
            d.send({"call_id": "cf-%05d" % i, "mos_average": "4.0"})
            if i % 500 == 499:
                mt.wait_until(lambda: sq.count_calls() >= i - 400, 30, "")
        mt.wait_until(lambda: sq.count_calls() == 5000, 60, "5000 calls")
        d.stop()
        # PostgreSQL already has one of them (a daemon wrote it there).
        p = f.start(db=pg_db)
        p.send({"call_id": "cf-00007", "sip_code": "200"})
        mt.wait_until(lambda: pg_db.count_calls() == 1, 30, "one call")
        p.stop()
    finally:
        f.cleanup()
    # A copy that stopped after its first chunk: progress says so.
    out = _copy(moscdrd, pg_db, path)
    assert "5000 of 5000" in out, out
    src = os.path.realpath(path)
    pg_db.query("UPDATE moscdr_copy SET last_call_pk = 2000 WHERE source = ?"
                " RETURNING 1", src)
    pg_db.query("DELETE FROM call WHERE call_id > 'cf-01999'"
                " AND call_id <> 'cf-00007' RETURNING 1")
    out = _copy(moscdrd, pg_db, path)
    assert "3000 calls to copy (resuming" in out, out
    rows = pg_db.query("SELECT count(*), sum(messages) FROM call")
    assert rows == [(5000, 5001)]
    assert pg_db.query("SELECT messages, sip_code FROM call"
                       " WHERE call_id = 'cf-00007'") == [(2, 200)]
