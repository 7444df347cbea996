"""The ten SQL examples of docs/sql-examples.md (tests/sql/examples.sql) against both back
ends.

Proves, for SQLite and PostgreSQL alike: the file holds exactly ten
questions, each with a text for each back end; every text runs on the
schema the daemon created; and each answers its question correctly for
the known calls of bi_data.py, sent through the real daemon. The
expected answers are computed in Python from the calls' own values and
times, so a wrong date boundary, a lost side or a band mix-up fails.
"""

import os
import re
import time

import pytest

import bi_data
import moscdr_test as mt

EXAMPLES = os.path.join(mt.ROOT, "tests", "sql", "examples.sql")
DAY = bi_data.DAY


def load_examples(path=EXAMPLES):
    """{n: (question, {"sqlite": sql, "postgresql": sql})} from the file:
    "-- Qn: question" starts a query, "-- sqlite:" / "-- postgresql:"
    start a dialect's text; a text without either serves both."""
    out = {}
    cur = None
    dialect = None
    with open(path) as f:
        for line in f:
            m = re.match(r"^-- Q(\d+): (.*)$", line)
            if m:
                cur = int(m.group(1))
                assert cur not in out, "Q%d twice" % cur
                out[cur] = (m.group(2).strip(), {})
                dialect = None
                continue
            m = re.match(r"^-- (sqlite|postgresql):\s*$", line)
            if m:
                assert cur is not None, "dialect line before any query"
                dialect = m.group(1)
                continue
            if cur is None or line.startswith("--") or not line.strip():
                continue
            texts = out[cur][1]
            for d in ((dialect,) if dialect else ("sqlite", "postgresql")):
                texts[d] = texts.get(d, "") + line
    for n, (q, texts) in out.items():
        for d in ("sqlite", "postgresql"):
            assert d in texts, "Q%d has no %s text" % (n, d)
            sql = texts[d].strip()
            assert sql.endswith(";") and sql.count(";") == 1, (
                "Q%d %s: one statement ending with ';'" % (n, d))
            texts[d] = sql[:-1]
    return out


@mt.not_sanitized("reads the examples' file: no C code of ours")
def test_examples_file_has_ten_questions():
    """docs/sql-examples.md promises ten; the file is their only copy."""
    ex = load_examples()
    assert sorted(ex) == list(range(1, 11))


def _near(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-5 + 1e-5 * abs(b)


def _avg(vals):
    vals = [v for v in vals if v is not None]
    return sum(vals) / len(vals) if vals else None


def _check_rows(got, want, keys, what):
    """got: list of dicts; want: list of tuples in keys order."""
    assert len(got) == len(want), "%s: %d rows, want %d: %r" % (
        what, len(got), len(want), got)
    for g, w in zip(got, want):
        for k, v in zip(keys, w):
            if isinstance(v, float) or (isinstance(v, int) and
                                        not isinstance(v, bool) and
                                        isinstance(g[k], float)):
                assert _near(g[k], v), "%s.%s: %r, want %r (row %r)" % (
                    what, k, g[k], v, g)
            else:
                assert g[k] == v, "%s.%s: %r, want %r (row %r)" % (
                    what, k, g[k], v, g)


def _day(t):
    return time.strftime("%Y-%m-%d", time.gmtime(t))


def expected(n, calls, now):
    """(keys, rows) the query n must return for calls at time now."""
    today = bi_data.day_start(now)
    recent = lambda c, s: c.start >= now - s
    # The rollup questions: whole hours, a call in the hour it started.
    hourly = lambda c, s: c.start - c.start % 3600 >= (now - s) - (now - s) % 3600
    if n == 1:
        rows = []
        for node in sorted({c.node for c in calls}):
            cs = [c for c in calls if c.node == node
                  and today - DAY <= c.start < today]
            if cs:
                rows.append((node, len(cs), sum(c.has_mos for c in cs),
                             _avg(c.mos for c in cs)))
        return ("node", "calls", "calls_with_mos", "mos_average"), rows
    if n == 2:
        cs = sorted((c for c in calls if recent(c, 3600) and
                     c.mos is not None and c.mos < 3.1),
                    key=lambda c: (c.mos, c.call_id))
        return (("call_id", "node", "mos_average", "quality_band"),
                [(c.call_id, c.node, c.mos, c.band) for c in cs])
    if n == 3:
        rows = []
        for node in sorted({c.node for c in calls}):
            cs = [c for c in calls if c.node == node and hourly(c, 7 * DAY)]
            if cs:
                both = [c for c in cs if c.a is not None and c.b is not None]
                rows.append((node, sum(c.a < c.b for c in both),
                             sum(c.b < c.a for c in both),
                             _avg(c.a for c in cs), _avg(c.b for c in cs)))
        return ("node", "a_worse", "b_worse", "a_mos_average",
                "b_mos_average"), rows
    if n == 4:
        cs = sorted((c for c in calls if recent(c, DAY) and not c.has_mos),
                    key=lambda c: (c.start, c.call_id))
        return (("call_id", "node", "sip_code", "duration_s"),
                [(c.call_id, c.node, c.sip_code, c.duration) for c in cs])
    if n == 5:
        cs = sorted((c for c in calls if c.start >= today and
                     c.mos_worst is not None),
                    key=lambda c: (c.mos_worst, c.call_id))[:10]
        return (("call_id", "node", "mos_worst", "mos_average",
                 "a_mos_average", "b_mos_average"),
                [(c.call_id, c.node, c.mos_worst, c.mos, c.a, c.b)
                 for c in cs])
    if n == 6:
        groups = {}
        for c in calls:
            if c.start >= today - 30 * DAY:
                groups.setdefault((_day(c.start), c.node), []).append(c)
        rows = []
        for (day, node), cs in sorted(groups.items()):
            mins = [c.mos_min for c in cs if c.mos_min is not None]
            rows.append((day, node, len(cs),
                         sum(c.has_mos for c in cs) / len(cs),
                         _avg(c.mos for c in cs), min(mins) if mins else None))
        return ("day", "node", "calls", "share_with_mos", "mos_average",
                "mos_min"), rows
    if n == 7:
        rows = []
        for node in sorted({c.node for c in calls}):
            cs = [c for c in calls if c.node == node and hourly(c, 7 * DAY)]
            if cs:
                k = sum(c.has_mos for c in cs)
                rows.append((node, len(cs), k, k / len(cs)))
        return ("node", "calls", "calls_with_mos", "share_with_mos"), rows
    if n == 8:
        def lossy(c):
            return any(v is not None and v > 5
                       for v in (c.loss, c.a_loss, c.b_loss))
        cs = sorted((c for c in calls if recent(c, DAY) and lossy(c)),
                    key=lambda c: (c.start, c.call_id))
        return (("call_id", "packetloss_pct_average",
                 "a_packetloss_pct_average", "b_packetloss_pct_average"),
                [(c.call_id, c.loss, c.a_loss, c.b_loss) for c in cs])
    if n == 9:
        prog = mt.expected_progression()
        rows = []
        for side in sorted(prog):
            for seq, (mos, at, rt, jit, pl) in enumerate(prog[side]):
                rows.append((side, seq, mos, float(pl), float(jit),
                             rt / 1000.0))
        return ("side", "seq", "mos", "packetloss_pct", "jitter_ms",
                "roundtrip_ms"), rows
    if n == 10:
        groups = {}
        for c in calls:
            if hourly(c, DAY):
                groups.setdefault(c.start - c.start % 3600, []).append(c)
        rows = []
        for hour, cs in sorted(groups.items()):
            mins = [c.mos_min for c in cs if c.mos_min is not None]
            rows.append((hour, len(cs), _avg(c.mos for c in cs),
                         min(mins) if mins else None))
        return ("hour", "calls", "mos_average", "mos_min"), rows
    raise AssertionError("no expectation for Q%d" % n)


def _normalize(n, rows):
    for r in rows:
        if "day" in r:
            r["day"] = mt.to_day(r["day"])
        if n == 10:
            r["hour"] = mt.to_epoch(r["hour"])
        if n == 9:
            r["reported_at"] = mt.to_epoch(r["reported_at"])
    return rows


def test_sql_examples_answer_right(daemon, db, backend):
    """Each example, as docs/sql-examples.md prints it for this back end, returns
    exactly the rows the known calls call for."""
    calls, now = bi_data.load(daemon)
    ex = load_examples()
    # The answers depend on "now": take it right before querying, and
    # make sure each question has something to find with this data.
    qnow = time.time()
    nonempty = 0
    for n in sorted(ex):
        question, texts = ex[n]
        keys, want = expected(n, calls, qnow)
        got = _normalize(n, db.query_dicts(texts[backend]))
        _check_rows(got, want, keys, "Q%d (%s) %s" % (n, backend, question))
        nonempty += bool(want)
        if n == 9:
            prog = mt.expected_progression()
            times = [at for side in sorted(prog) for (_, at, _, _, _)
                     in prog[side]]
            assert [r["reported_at"] for r in got] == pytest.approx(
                times, abs=1e-3)
    # Every question has rows with this data, whatever the time of day
    # (h1 is always in the last hour, t1 always today).
    assert nonempty == 10, "an empty answer: the data misses a question"
