"""moscdrd --report FILE: the HTML report, on both back ends.

Proves: the figures the page carries (its JSON object and the data-v of
its table cells) are those of the views v_daily_quality (the 5th
percentile and median per node among them), v_quality_daily (the same
per side) and v_call_quality and of mos_sample for the period asked;
calls outside the period are not in it; a day or period without any MOS
says "no data" (JSON null), never 0; --worst 0 leaves the worst calls
out; on PostgreSQL the report's session runs with jit off; a Call-ID with <, ", ' and & comes out escaped
(the page's text and JSON give it back unchanged, the raw HTML never
holds it); headless Chromium opens the page with no console error and no
network request and draws every chart (a screenshot is kept in build/);
a missing SQLite file or Chart.js is a clear error, not a page.
"""

import copy
import html.parser
import json
import os
import re
import subprocess
import time

import pytest

import moscdr_test as mt
from test_metrics import mos_missing_reasons

DAY = 86400.0
HOSTILE = 'r-<script>alert("x")</script>&\'q'
SCREENSHOT = os.path.join(mt.ROOT, "build", "report-screenshot.png")


def _reply(name):
    with open(os.path.join(mt.ROOT, "tests", "data", name)) as f:
        return json.load(f)


def _with_progression(base, call_id, start, values):
    """The captured clean call, re-timed to start, with side A's and
    side B's progression MOS (x10) replaced by values[0] and values[1]."""
    m = copy.deepcopy(base)
    m["call_id"] = call_id
    m["start_time"] = str(start)
    m["answer_time"] = str(start + 0.02)
    m["end_time"] = str(start + 6)
    rep = m["rtpengine"]
    rep = json.loads(rep) if isinstance(rep, str) else rep
    for k, ssrc in enumerate(sorted(rep["SSRC"])):
        entries = rep["SSRC"][ssrc]["MOS progression"]["entries"]
        for i, e in enumerate(entries):
            e["MOS"] = values[k % 2][i % len(values[k % 2])]
    m["rtpengine"] = rep
    low = min(min(v) for v in values) / 10.0
    for key in ("mos_min", "mos_min_A", "mos_min_B"):
        m[key] = "%.1f" % low
    return m


def _populate(d, now):
    clean = _reply("e2e-reply-clean.json")
    nortcp = _reply("e2e-reply-nortcp.json")
    sent = 0
    for day in range(3):
        for i in range(6):
            t = now - day * DAY - 3600 - i * 60
            node = "k1" if i % 2 == 0 else "k2"
            mos = [4.4, 4.1, 3.8, 3.3, 2.9, 2.2][(i + day) % 6]
            d.send({"call_id": "c-%d-%d" % (day, i), "node": node,
                    "start_time": t, "end_time": t + 30,
                    "mos_average": "%.1f" % mos, "mos_min": "%.1f" % mos,
                    "mos_average_A": "%.1f" % mos, "mos_A_label": "caller",
                    "mos_average_B": "%.1f" % min(4.4, mos + 0.3),
                    "mos_B_label": "callee"})
            sent += 1
    for k, vals in enumerate(([20, 25, 31], [44, 38, 41]),):
        m = _with_progression(clean, "p-%d" % k, now - 7200 - k,
                              [vals, list(reversed(vals))])
        m["node"] = "k1"
        d.send(m)
        sent += 1
    m = copy.deepcopy(nortcp)
    m["call_id"] = "no-rtcp"
    m["node"] = "k2"
    for key in ("start_time", "answer_time", "end_time"):
        m[key] = str(now - 5000)
    d.send(m)
    d.send({"call_id": HOSTILE, "node": "k<2>", "start_time": now - 4000,
            "mos_average": "1.5", "mos_min": "1.1", "mos_average_A": "1.5",
            "mos_A_label": "a\"b"})
    # Outside a 7-day period.
    d.send({"call_id": "old", "node": "k1", "start_time": now - 10 * DAY,
            "mos_average": "1.0", "mos_min": "1.0"})
    return sent + 3


class _Cells(html.parser.HTMLParser):
    """Per table id: rows of (data-v or None, text) per cell; the text of
    elements of class "call"."""

    def __init__(self):
        super().__init__()
        self.tables, self.calls = {}, []
        self._table = self._cell = self._call = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._table = self.tables.setdefault(a.get("id"), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = [a.get("data-v"), ""]
            self._table[-1].append(self._cell)
        if "call" in (a.get("class") or "").split():
            self._call = [""]
            self.calls.append(self._call)

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag in ("td", "th"):
            self._cell = None
        elif tag in ("span", "td"):
            self._call = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[1] += data
        if self._call is not None:
            self._call[0] += data


def _report(d, out, *args):
    argv = [a for a in d.argv if a != "-d"] + ["--report", out] + list(args)
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


def _page_data(page):
    m = re.search(r'<script type="application/json" id="moscdr-data">'
                  r'(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def _num(v):
    return None if v is None else float(v)


def _shown(v, dec):
    """A figure's text in a table cell: dec decimals, or "no data"."""
    return "no data" if v is None else "%.*f" % (dec, v)


def _sides(db, since):
    day = "day::text" if db.driver == "postgresql" else "day"
    return db.query_dicts(
        "SELECT %s AS day_text, node, side, calls, mos_calls, mos_average,"
        " mos_p5, mos_median FROM v_quality_daily WHERE day >= ? AND side"
        " IN ('A', 'B') ORDER BY day, node, side" % day, since)


@pytest.fixture
def report(daemon, db, tmp_path):
    now = time.time()
    d = daemon.start()
    n = _populate(d, now)
    mt.wait_until(lambda: db.count_calls() == n, 30, "%d calls" % n)
    d.stop()
    out = str(tmp_path / "report.html")
    r = _report(d, out, "--days", "7", "--worst", "5")
    assert r.returncode == 0, r.stdout + r.stderr
    with open(out, encoding="utf-8") as f:
        page = f.read()
    since = time.strftime("%Y-%m-%d", time.gmtime(
        (int(now // DAY) - 6) * DAY))
    return {"d": d, "db": db, "out": out, "page": page, "since": since,
            "tmp": tmp_path}


def test_report_figures_equal_the_views(report):
    db, page, since = report["db"], report["page"], report["since"]
    data = _page_data(page)
    assert data["since"] == since and data["days"] == 7
    day = "v.day::text" if db.driver == "postgresql" else "v.day"
    rows = db.query_dicts("SELECT v.*, %s AS day_text FROM v_daily_quality"
                          " AS v WHERE v.day >= ? ORDER BY v.day, v.node"
                          % day, since)
    assert len(rows) == len(data["daily"]) >= 6
    bands = ["very_satisfied", "satisfied", "some_dissatisfied",
             "many_dissatisfied", "nearly_all_dissatisfied",
             "not_recommended"]
    # One share per reason of the code's table, as the view has them.
    assert data["reasons"] == mos_missing_reasons() == [
        c[len("share_no_mos_"):] for c in db.columns("v_daily_quality")
        if c.startswith("share_no_mos_")]
    for v, p in zip(rows, data["daily"]):
        assert v["day_text"] == p["day"] and v["node"] == p["node"]
        assert (v["calls"], v["calls_with_mos"]) == (p["calls"],
                                                     p["calls_with_mos"])
        for k in ("mos_average", "mos_p5", "mos_median", "mos_min"):
            assert _num(v[k]) == p[k], k
        assert [_num(v["share_" + b]) for b in bands] == p["bands"]
        assert [_num(v["share_no_mos_" + r]) for r in data["reasons"]] == \
            p["no_mos"]
    # The old call's day is outside the period.
    assert all(p["day"] >= since for p in data["daily"])
    assert sum(p["calls"] for p in data["daily"]) == \
        db.scalar("SELECT count(*) FROM call") - 1
    # The tables show the same rows, each cell's value that of the view.
    cells = _Cells()
    cells.feed(page)
    mos = cells.tables["table-mos"][1:]
    assert len(mos) == len(rows)
    assert [c[1] for c in cells.tables["table-mos"][0]][4:8] == [
        "average MOS", "5th percentile", "median", "lowest MOS"]
    for v, tr in zip(rows, mos):
        assert [c[1] for c in tr[:2]] == [v["day_text"], v["node"]]
        for k, (col, dec) in enumerate((("mos_average", 2), ("mos_p5", 1),
                                        ("mos_median", 1), ("mos_min", 1))):
            assert _num(tr[4 + k][0]) == _num(v[col]), col
            assert tr[4 + k][1] == _shown(v[col], dec), col
    # The percentiles tell something the average does not: the fixture
    # has rows whose 5th percentile, median and average all differ.
    assert any(len({p["mos_p5"], p["mos_median"], p["mos_average"]}) == 3
               for p in data["daily"])

    # Per side: v_quality_daily's A and B rows, in the JSON and the table.
    sides = _sides(db, since)
    assert len(sides) == len(data["sides"]) == 2 * len(rows)
    for v, p in zip(sides, data["sides"]):
        assert (v["day_text"], v["node"], v["side"]) == \
            (p["day"], p["node"], p["side"])
        for k in ("calls", "mos_calls", "mos_average", "mos_p5",
                  "mos_median"):
            assert _num(v[k]) == p[k], k
    # Side B is better than side A in the fixture: a swap would show.
    by = {(p["day"], p["node"], p["side"]): p for p in data["sides"]}
    assert any(by[(dd, n, "A")]["mos_median"] !=
               by[(dd, n, "B")]["mos_median"] for dd, n, s in by if s == "A")
    st = cells.tables["table-sides"]
    assert [c[1] for c in st[0]] == [
        "day", "node", "side", "calls", "with an average MOS", "average MOS",
        "5th percentile", "median"]
    assert len(st) - 1 == len(sides)
    for v, tr in zip(sides, st[1:]):
        assert [c[1] for c in tr[:3]] == [v["day_text"], v["node"],
                                          v["side"]]
        assert [_num(c[0]) for c in tr[3:]] == [
            _num(v[k]) for k in ("calls", "mos_calls", "mos_average",
                                 "mos_p5", "mos_median")]
        assert [c[1] for c in tr[5:]] == [
            _shown(v["mos_average"], 2), _shown(v["mos_p5"], 1),
            _shown(v["mos_median"], 1)]
    band_rows = cells.tables["table-bands"][1:]
    for v, tr in zip(rows, band_rows):
        assert [_num(c[0]) for c in tr[2:]] == \
            [_num(v["share_" + b]) for b in bands]
    nomos = cells.tables["table-nomos"][1:]
    assert any(_num(tr[3][0]) for tr in nomos), "no_rtcp share shown"

    # The worst calls: v_call_quality's order, values and progressions.
    cond = ("coalesce(start_time, received_at) >= ?" if db.driver == "sqlite"
            else "coalesce(start_time, received_at) >= ?::timestamptz")
    worst = db.query_dicts(
        "SELECT call_pk, call_id, node, mos_worst, mos_average,"
        " a_mos_average, b_mos_average FROM v_call_quality WHERE " + cond +
        " AND mos_worst IS NOT NULL ORDER BY mos_worst, call_pk LIMIT 5",
        since + "T00:00:00.000Z")
    assert [w["call_id"] for w in worst] == \
        [p["call_id"] for p in data["worst"]]
    assert worst[0]["call_id"] == HOSTILE
    assert "old" not in [p["call_id"] for p in data["worst"]]
    for w, p in zip(worst, data["worst"]):
        for k in ("mos_worst", "mos_average", "a_mos_average",
                  "b_mos_average"):
            assert _num(w[k]) == p[k], k
        prog = db.query("SELECT scope, at_offset_s, mos FROM mos_sample"
                        " WHERE call_pk = ? AND kind = 'progression' AND"
                        " mos IS NOT NULL ORDER BY scope, seq",
                        w["call_pk"])
        for side in "AB":
            assert [(_num(a), _num(m)) for s, a, m in prog if s == side] \
                == [(pt["x"], pt["y"]) for pt in p["prog"][side]]
    shown = [p for p in data["worst"] if p["call_id"].startswith("p-")]
    assert shown and all(len(p["prog"]["A"]) >= 3 for p in shown)
    wt = cells.tables["table-worst"][1:]
    assert [tr[3][1] for tr in wt] == [w["call_id"] for w in worst]


def test_report_escapes_database_text(report):
    page = report["page"]
    assert HOSTILE not in page and "<script>alert" not in page
    assert "k<2>" not in page and 'a"b' not in page
    cells = _Cells()
    cells.feed(page)
    # Back to the very text through an HTML parser and through JSON.
    assert HOSTILE in [c[0] for c in cells.calls]
    assert _page_data(page)["worst"][0]["call_id"] == HOSTILE
    assert page.count("<script") == 3


def test_report_worst_zero_leaves_the_section_out(report):
    out = str(report["tmp"] / "noworst.html")
    r = _report(report["d"], out, "--days", "7", "--worst", "0")
    assert r.returncode == 0, r.stdout + r.stderr
    with open(out, encoding="utf-8") as f:
        page = f.read()
    data = _page_data(page)
    assert data["worst_asked"] == 0 and data["worst"] == []
    body = page.split("<script")[0]
    assert "<h2>The 5 worst" in report["page"].split("<script")[0]
    assert "worst calls" not in body and 'id="chart-prog-' not in body
    cells = _Cells()
    cells.feed(page)
    assert "table-worst" not in cells.tables
    # The rest of the page is all there.
    assert data["daily"] == _page_data(report["page"])["daily"]
    assert len(cells.tables["table-sides"]) > 1


def test_report_postgresql_session_has_jit_off(report):
    """The report's own session runs with jit off, even where the
    database's default is on (JIT made the report's queries take tens of
    seconds on partitioned tables)."""
    db = report["db"]
    if db.driver != "postgresql":
        assert _page_data(report["page"])["jit"] is None
        return
    name = db.scalar("SELECT current_database()")
    c = db._connect()
    try:
        c.cursor().execute("ALTER DATABASE %s SET jit = on" % name)
    finally:
        c.close()
    assert db.scalar("SELECT current_setting('jit')") == "on"
    out = str(report["tmp"] / "jit.html")
    r = _report(report["d"], out, "--days", "7", "--worst", "5")
    assert r.returncode == 0, r.stdout + r.stderr
    with open(out, encoding="utf-8") as f:
        data = _page_data(f.read())
    assert data["jit"] == "off"
    assert data["worst"] == _page_data(report["page"])["worst"]


def test_report_period_without_mos(daemon, db, tmp_path):
    """Calls but no MOS: every MOS figure and band share of those days
    says "no data" (null in the JSON), in the tables and on the charts;
    a day with MOS beside it keeps its figures."""
    now = time.time()
    today = int(now // DAY) * DAY
    t = today + (now - today) / 2
    nortcp = _reply("e2e-reply-nortcp.json")
    m = copy.deepcopy(nortcp)
    m["call_id"] = "no-rtcp"
    m["node"] = "k1"
    for key in ("start_time", "answer_time", "end_time"):
        m[key] = str(t)
    d = daemon.start()
    d.send(m)
    d.send({"call_id": "bare", "node": "k2", "start_time": t,
            "end_time": t + 10})
    d.send({"call_id": "yesterday", "node": "k1", "start_time": today - 3600,
            "mos_average": "4.1", "mos_min": "3.9", "mos_average_A": "4.1",
            "mos_A_label": "caller"})
    mt.wait_until(lambda: db.count_calls() == 3, 30, "3 calls")
    d.stop()
    pages = {}
    for days in (1, 2):
        out = str(tmp_path / ("nomos-%d.html" % days))
        r = _report(d, out, "--days", str(days), "--worst", "5")
        assert r.returncode == 0, r.stdout + r.stderr
        with open(out, encoding="utf-8") as f:
            pages[days] = f.read()
    today_s = time.strftime("%Y-%m-%d", time.gmtime(today))

    # One day: calls, none with a MOS.
    data = _page_data(pages[1])
    rows = db.query_dicts("SELECT node, calls, mos_average, mos_p5,"
                          " mos_median, mos_min, share_satisfied FROM"
                          " v_daily_quality WHERE day >= ? ORDER BY node",
                          today_s)
    assert [(v["node"], v["calls"]) for v in rows] == [("k1", 1), ("k2", 1)]
    assert all(v[k] is None for v in rows for k in v if k.startswith(
        ("mos_", "share_")))
    assert [(p["node"], p["calls"]) for p in data["daily"]] == \
        [("k1", 1), ("k2", 1)]
    for p in data["daily"]:
        assert [p[k] for k in ("mos_average", "mos_p5", "mos_median",
                               "mos_min")] == [None] * 4
        assert p["bands"] == [None] * 6
    sides = _sides(db, today_s)
    assert len(data["sides"]) == len(sides) == 4
    assert all(p["calls"] == 1 and p["mos_calls"] == 0 and
               [p["mos_average"], p["mos_p5"], p["mos_median"]] ==
               [None] * 3 for p in data["sides"])
    cells = _Cells()
    cells.feed(pages[1])
    for tr in cells.tables["table-mos"][1:]:
        assert [c[1] for c in tr[2:4]] == ["1", "0"]
        assert [c for c in tr[4:]] == [[None, "no data"]] * 4
    for tr in cells.tables["table-bands"][1:]:
        assert [c for c in tr[2:]] == [[None, "no data"]] * 6
    for tr in cells.tables["table-sides"][1:]:
        assert [c[1] for c in tr[3:]] == ["1", "0"] + ["no data"] * 3
    wt = cells.tables["table-worst"]
    assert len(wt) == 2 and "no call with a MOS" in wt[1][0][1]
    assert data["worst"] == []

    # Two days: yesterday's figures, today's "no data".
    data = _page_data(pages[2])
    y = [p for p in data["daily"] if p["day"] != today_s]
    assert [(p["node"], round(p["mos_average"], 6), round(p["mos_p5"], 6),
             round(p["mos_median"], 6)) for p in y] == [("k1", 4.1, 4.1, 4.1)]
    assert [p["call_id"] for p in data["worst"]] == ["yesterday"]

    if mt.SANITIZED or db.driver != "sqlite":
        return
    # On the charts: no line through today, "no data" written there.
    import cdp
    b = cdp.Browser()
    try:
        marks = {}
        for days in (1, 2):
            pg = b.open(str(tmp_path / ("nomos-%d.html" % days)), 1280, 900)
            marks[days] = pg.evaluate(
                "Array.from(document.querySelectorAll('canvas')).map("
                "function (c) { return c.id + '=' +"
                " c.getAttribute('data-nodata'); }).join(' ')")
            assert pg.console_errors() == [] and pg.requests() == []
    finally:
        b.close()
    # The MOS charts (per node, side A, side B) and the bands (a bar per
    # day and node): today has no value on any line or bar; yesterday's
    # call has a MOS of the call and of side A, none of side B. The
    # shares without MOS are known every day.
    assert marks[1] == ("chart-mos=1 chart-side-A=1 chart-side-B=1"
                        " chart-bands=2 chart-nomos=0")
    assert marks[2] == ("chart-mos=1 chart-side-A=1 chart-side-B=2"
                        " chart-bands=2 chart-nomos=0")


def test_report_errors(report):
    d, tmp = report["d"], report["tmp"]
    out = str(tmp / "x.html")
    r = _report(d, out, "--days", "0")
    assert r.returncode == 1 and "--days" in r.stderr
    r = subprocess.run(
        [a for a in d.argv if a != "-d"] + ["--report", out, "--days", "x"],
        capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "whole number" in r.stderr
    if report["db"].driver == "sqlite":
        missing = str(tmp / "none.db")
        argv = [a for a in d.argv if a != "-d"]
        argv += ["-o", "database.path=" + missing, "--report", out]
        r = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        assert r.returncode == 1 and "none.db" in r.stderr
        assert not os.path.exists(missing)
    assert not os.path.exists(out)


@mt.not_sanitized("Chromium runs no C code of ours; the report is written "
                  "by the other tests of this file")
def test_report_in_headless_chromium(report):
    """Chromium opens the page from disk: no console error or warning,
    no exception, no request besides the file, every chart drawn."""
    if report["db"].driver != "sqlite":
        pytest.skip("the page is the same; opened once, from SQLite")
    import cdp
    b = cdp.Browser()
    try:
        p = b.open(report["out"], 1280, 900)
        charts = p.evaluate("document.body.getAttribute('data-charts')")
        worst = p.evaluate("JSON.parse(document.getElementById("
                           "'moscdr-data').textContent).worst.filter("
                           "function (w) { return w.prog.A.length +"
                           " w.prog.B.length > 0; }).length")
        drawn = p.evaluate(
            "Array.from(document.querySelectorAll('canvas')).filter("
            "function (c) { var d = c.getContext('2d').getImageData(0, 0,"
            " c.width, c.height).data; for (var i = 3; i < d.length; i +="
            " 4) if (d[i] !== 0) return true; return false; }).length")
        os.makedirs(os.path.dirname(SCREENSHOT), exist_ok=True)
        p.screenshot(SCREENSHOT)
        errors = p.console_errors()
        requests = p.requests()
    finally:
        b.close()
    assert errors == []
    assert requests == []
    # Five charts of the days (MOS per node, per side A and B, bands,
    # without MOS); of the 5 worst calls only p-0 has a progression.
    assert int(charts) == 5 + worst and worst == 1
    assert drawn == 5 + worst
    assert os.path.getsize(SCREENSHOT) > 20000
