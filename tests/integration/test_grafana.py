"""The Grafana dashboard contrib/grafana/moscdr.json against a real
PostgreSQL database.

Proves: the file is a dashboard whose panels all query through the
"datasource" variable with raw SQL, over the views only, the day- and
hour-level panels over the rollup views (v_quality_hourly,
v_mos_distribution), never over the calls; and every panel's SQL, with
Grafana's macros expanded the way Grafana's PostgreSQL data source
expands them (the small expander below covers exactly the macros the
dashboard uses, and fails on any other "$"), runs on the schema moscdrd
creates and returns the rows expected for the known calls of
bi_data.py, computed in Python from the calls themselves (a rollup panel
counts a call in the hour it started).
"""

import datetime
import json
import os
import re
import time

import pytest

import bi_data
import moscdr_test as mt

DASHBOARD = os.path.join(mt.ROOT, "contrib", "grafana", "moscdr.json")
HOUR = 3600


def load_dashboard():
    with open(DASHBOARD) as f:
        return json.load(f)


def _iso(t):
    return datetime.datetime.fromtimestamp(
        t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _seconds(spec):
    m = re.fullmatch(r"(\d+)([smhd])", spec)
    assert m, "interval %r" % spec
    return int(m.group(1)) * {"s": 1, "m": 60, "h": 3600,
                              "d": 86400}[m.group(2)]


def expand(sql, t_from, t_to, interval, nodes):
    """Grafana's substitution for the macros and variables the dashboard
    uses: $__interval, $__interval_ms, $node (multi-value: a quoted
    list), $__timeGroupAlias(col, interval), $__timeFilter(col),
    $__unixEpochFrom() and $__unixEpochTo()."""
    sql = sql.replace("$__interval_ms", str(_seconds(interval) * 1000))
    sql = sql.replace("$__interval", interval)
    sql = sql.replace("$__unixEpochFrom()", str(int(t_from)))
    sql = sql.replace("$__unixEpochTo()", str(int(t_to)))
    sql = sql.replace("$node", ",".join(
        "'%s'" % n.replace("'", "''") for n in nodes))

    def group(m):
        s = _seconds(m.group(2))
        return 'floor(extract(epoch from %s)/%d)*%d AS "time"' % (
            m.group(1), s, s)
    sql = re.sub(r"\$__timeGroupAlias\(\s*([^,()]+?)\s*,\s*'?(\w+)'?\s*\)",
                 group, sql)
    sql = re.sub(r"\$__timeFilter\(\s*([^()]+?)\s*\)",
                 lambda m: "%s BETWEEN '%s' AND '%s'" % (
                     m.group(1), _iso(t_from), _iso(t_to)), sql)
    assert "$" not in sql, "a macro the expander does not know: %s" % sql
    return sql


@mt.not_sanitized("reads the dashboard's JSON: no C code of ours")
def test_dashboard_structure():
    """Importable shape: a datasource variable of the PostgreSQL type,
    every panel and target bound to it, raw SQL over the views only."""
    d = load_dashboard()
    assert d["uid"] and d["title"] and isinstance(d["schemaVersion"], int)
    var = {v["name"]: v for v in d["templating"]["list"]}
    assert var["datasource"]["type"] == "datasource"
    assert var["datasource"]["query"] in ("grafana-postgresql-datasource",
                                          "postgres")
    assert var["node"]["multi"] and var["node"]["includeAll"]
    ids = [p["id"] for p in d["panels"]]
    assert len(ids) == len(set(ids)) >= 6
    for p in d["panels"]:
        assert p["datasource"]["uid"] == "${datasource}", p["title"]
        for t in p["targets"]:
            assert t["datasource"]["uid"] == "${datasource}", p["title"]
            assert t["rawQuery"] is True and t["rawSql"].strip()
            assert t["format"] in ("time_series", "table")
            # A reporting role needs SELECT on the views only; only the
            # per-call table reads the calls, the rest the rollups.
            views = set(re.findall(r"\bFROM (v_\w+)", t["rawSql"]))
            assert views, p["title"]
            if p["type"] == "table":
                assert views == {"v_call_quality"}, p["title"]
            else:
                assert views <= {"v_quality_hourly", "v_mos_distribution"}, (
                    p["title"], views)
            assert not re.search(r"\b(FROM|JOIN)\s+(call|leg|mos_sample)\b",
                                 t["rawSql"])


def _avg(vals):
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals) if vals else None


def _rank(vals, pct):
    """Nearest rank: the value at rank ceil(n * pct / 100), ascending."""
    vals = sorted(vals)
    r = -(-len(vals) * pct // 100)
    return vals[max(r, 1) - 1]


def _series(calls, field, agg=_avg):
    """(time, metric, value) rows grouped by hour and node, as the
    time-series panels return them."""
    groups = {}
    for c in calls:
        groups.setdefault((c.start - c.start % HOUR, c.node), []).append(c)
    out = []
    for (t, node), cs in sorted(groups.items()):
        if field is None:
            out.append((t, node, len(cs)))
            continue
        vals = [getattr(c, field) for c in cs
                if getattr(c, field) is not None]
        if vals:
            out.append((t, node, agg(vals)))
    return out


def _close(a, b):
    if a is None or b is None:
        return a is b
    if isinstance(b, str):
        return a == b
    return abs(a - b) <= 1e-5 + 1e-5 * abs(b)


def _assert_rows(got, want, what):
    assert len(got) == len(want), "%s: %r, want %r" % (what, got, want)
    for g, w in zip(got, want):
        assert len(g) == len(w) and all(_close(a, b) for a, b in zip(g, w)), (
            "%s: row %r, want %r" % (what, g, w))


@mt.not_sanitized("SQL on the views; the daemon stores the same calls in "
                  "test_sql_examples.py and test_core.py")
def test_panels_answer_right(pg_daemon, pg_db):
    """Each panel's SQL, expanded for the last two days with 1h buckets,
    returns what the known calls call for; the node variable filters."""
    calls, now = bi_data.load(pg_daemon)
    t_from, t_to = now - 2 * bi_data.DAY, now + 60
    # Twenty calls in one hour, for the percentiles, and one in the
    # hour the range starts in (a rollup panel leaves it out).
    base = now - 5 * HOUR - now % HOUR + 60
    extra = [bi_data.Call("p%02d@test" % i, "kam1", base + i,
                          mos=round(2.0 + 0.1 * i, 1), a=4.0, b=3.9,
                          loss=i % 4, jitter=i) for i in range(20)]
    edge = t_from + 1 if (t_from + 1) % HOUR else t_from + 2
    extra.append(bi_data.Call("edge@test", "kam2", edge, mos=3.9, a=4.0,
                              b=3.8, loss=1, jitter=2))
    d = pg_daemon.start()
    for c in extra:
        d.send(c.message())
    n = len(calls) + 1 + len(extra)
    mt.wait_until(lambda: pg_db.count_calls() == n, 30, "%d calls" % n)
    d.stop()
    calls = calls + extra
    inrange = [c for c in calls if t_from <= c.start <= t_to]
    # The rollup panels count a call in the hour it started.
    inhours = [c for c in calls if t_from <= c.start - c.start % HOUR <= t_to]
    # The range must catch MOS, no-MOS and several hours of both nodes.
    assert {c.node for c in inrange} == {"kam1", "kam2"}
    assert any(not c.has_mos for c in inrange)

    d = load_dashboard()
    var = {v["name"]: v for v in d["templating"]["list"]}
    got = pg_db.query(expand(var["node"]["query"], t_from, t_to, "1h", []))
    assert inhours != inrange, "the range should cut an hour"
    assert [r[0] for r in got] == ["kam1", "kam2"]

    nodes = ["kam1", "kam2"]
    checked = set()
    for p in d["panels"]:
        sql = expand(p["targets"][0]["rawSql"], t_from, t_to, "1h", nodes)
        rows = pg_db.query(sql)
        title = p["title"]
        if title == "MOS over time per node":
            want = _series(inhours, "mos")
        elif title == "MOS 5th percentile and median per node":
            want = sorted(
                [(t, n + " p5", _rank(v, 5)) for t, n, v in
                 _series(inhours, "mos", list)] +
                [(t, n + " median", _rank(v, 50)) for t, n, v in
                 _series(inhours, "mos", list)])
            assert any(len(v) > 2 for _, _, v in
                       _series(inhours, "mos", list)), "rank of a few"
        elif title == "Packet loss trend per node":
            want = _series(inhours, "loss")
        elif title == "Jitter trend per node":
            want = _series(inhours, "jitter")
        elif title == "Calls per node":
            want = _series(inhours, None)
        elif title == "Calls without MOS (no RTCP)":
            k = sum(not c.has_mos for c in inhours)
            want = [(k / len(inhours), k, len(inhours))]
        elif title == "Share of calls per quality band":
            banded = [c for c in inhours if c.band is not None]
            bands = {}
            for c in banded:
                bands.setdefault(c.band, []).append(c)
            order = sorted(bands, key=lambda b: -min(c.mos
                                                     for c in bands[b]))
            want = [(b, len(bands[b]), len(bands[b]) / len(banded))
                    for b in order]
            assert len(want) >= 3, "the data should span several bands"
        elif title.startswith("Worst calls of the period"):
            worst = sorted((c for c in inrange if c.mos_worst is not None),
                           key=lambda c: (c.mos_worst, c.call_id))[:25]
            cols = [r[:3] + (r[7], r[8], r[10], r[15]) for r in rows]
            rows = [(mt.to_epoch(r[0]),) + r[1:] for r in cols]
            want = [(c.start, c.node, c.call_id, c.mos_worst, c.mos, c.a,
                     c.b) for c in worst]
        else:
            pytest.fail("no expectation for panel %r" % title)
        _assert_rows(rows, want, title)
        checked.add(title)
    assert len(checked) == len(d["panels"])

    # Over more than 7 days the percentile panel has one point per UTC
    # day: the percentiles of that day's calls.
    p = next(p for p in d["panels"] if p["title"].startswith("MOS 5th"))
    long_from = now - 8 * bi_data.DAY
    days = {}
    for c in calls:
        if c.mos is not None and long_from <= c.start - c.start % HOUR <= t_to:
            days.setdefault((c.start - c.start % bi_data.DAY, c.node),
                            []).append(c.mos)
    assert any(len(v) > 2 for v in days.values()), "rank of a few"
    want = sorted([(t, n + " p5", _rank(v, 5)) for (t, n), v in days.items()]
                  + [(t, n + " median", _rank(v, 50))
                     for (t, n), v in days.items()])
    rows = pg_db.query(expand(p["targets"][0]["rawSql"], long_from, t_to,
                              "1h", nodes))
    _assert_rows(rows, want, "percentiles per day over 8 days")

    # The node variable narrows every panel: kam1 alone.
    p = next(p for p in d["panels"] if p["title"] == "Calls per node")
    rows = pg_db.query(expand(p["targets"][0]["rawSql"], t_from, t_to, "1h",
                              ["kam1"]))
    _assert_rows(rows, _series([c for c in inhours if c.node == "kam1"],
                               None), "Calls per node, kam1 only")
