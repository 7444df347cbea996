"""The operations side of moscdrd: /metrics, /health, retention and
make install.

Every test starts the real daemon (HTTP on 127.0.0.1, a port the kernel
picks, read back from the log line "metrics on http://ADDR/metrics") and
checks what an operator's tools would see: a page that a strict reading
of the Prometheus text format accepts, counters equal to the daemon's own
"exiting, stats:" line, a health check that turns 503 with a reason while
PostgreSQL is down and 200 again after, old calls deleted with their legs
and samples and nothing else, and the files make install puts in DESTDIR.
"""

import http.client
import math
import os
import re
import socket
import sqlite3
import subprocess
import time

import pytest

import moscdr_test as mt

NAME = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*\Z")
LABEL = re.compile(r"[a-zA-Z_][a-zA-Z0-9_]*\Z")
TYPES = ("counter", "gauge", "histogram", "summary", "untyped")
DAY = 86400.0


def metrics_address(d):
    m = mt.wait_until(lambda: re.search(
        r"metrics on http://(127\.0\.0\.1):(\d+)/metrics", d.log), 10,
        "the 'metrics on' log line")
    return m.group(1), int(m.group(2))


def http_get(d, path, method="GET"):
    host, port = metrics_address(d)
    c = http.client.HTTPConnection(host, port, timeout=10)
    try:
        c.request(method, path)
        r = c.getresponse()
        return r.status, r.getheader("Content-Type"), r.read().decode()
    finally:
        c.close()


def _labels(text, where):
    """'a="x",b="y\\"z"' into a dict, by the format's rules: only \\\\,
    \\" and \\n escapes; no duplicate names."""
    out = {}
    i = 0
    while i < len(text):
        m = re.match(r"([^=]+)=\"", text[i:])
        assert m, "%s: bad label at %r" % (where, text[i:])
        name = m.group(1)
        assert LABEL.match(name) and not name.startswith("__"), (
            "%s: label name %r" % (where, name))
        i += m.end()
        val = []
        while True:
            assert i < len(text), "%s: unterminated label value" % where
            ch = text[i]
            if ch == "\\":
                esc = text[i + 1:i + 2]
                assert esc in ("\\", "\"", "n"), "%s: escape \\%s" % (
                    where, esc)
                val.append("\n" if esc == "n" else esc)
                i += 2
            elif ch == "\"":
                i += 1
                break
            else:
                assert ch != "\n"
                val.append(ch)
                i += 1
        assert name not in out, "%s: label %s twice" % (where, name)
        out[name] = "".join(val)
        if i < len(text):
            assert text[i] == ",", "%s: expected ',' at %r" % (where,
                                                                 text[i:])
            i += 1
    return out


def parse_exposition(page):
    """Strict reading of the Prometheus text format 0.0.4 as moscdrd
    writes it. Returns {family: {"type", "help", "samples": [(name,
    labels, value)]}}; fails on anything the format does not allow."""
    assert page.endswith("\n"), "the page must end with a newline"
    fams = {}
    order = []
    cur = None
    seen = set()
    for ln, line in enumerate(page.split("\n")[:-1], 1):
        where = "line %d %r" % (ln, line)
        assert line.strip() == line and line, where
        if line.startswith("#"):
            m = re.match(r"# (HELP|TYPE) (\S+) (.+)\Z", line)
            assert m, where
            kind, name, rest = m.groups()
            assert NAME.match(name), where
            f = fams.setdefault(name, {"type": None, "help": None,
                                       "samples": []})
            if kind == "TYPE":
                assert f["type"] is None, "%s: second TYPE" % where
                assert not f["samples"], "%s: TYPE after samples" % where
                assert rest in TYPES, where
                f["type"] = rest
            else:
                assert f["help"] is None, "%s: second HELP" % where
                f["help"] = rest
            if name not in order:
                order.append(name)
            cur = name
            continue
        m = re.match(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)\Z", line)
        assert m, where
        name, _, ltext, val = m.groups()
        labels = _labels(ltext or "", where)
        value = float(val)      # also +Inf, NaN
        fam = cur
        f = fams.get(fam)
        assert f is not None and f["type"] is not None, (
            "%s: sample before its TYPE" % where)
        if f["type"] == "histogram":
            assert name in (fam + "_bucket", fam + "_sum", fam + "_count"), (
                "%s: not part of histogram %s" % (where, fam))
        else:
            assert name == fam, "%s: sample outside its family %s" % (
                where, fam)
        key = (name, tuple(sorted(labels.items())))
        assert key not in seen, "%s: duplicate sample" % where
        seen.add(key)
        f["samples"].append((name, labels, value))
    for name, f in fams.items():
        assert f["type"] and f["help"], "%s: TYPE and HELP" % name
        assert f["samples"], "%s: no samples" % name
        assert name.startswith(("moscdr_", "process_")), name
        if f["type"] == "counter":
            assert name.endswith("_total"), "counter %s without _total" % name
            assert all(v >= 0 and not math.isinf(v)
                       for _, _, v in f["samples"]), name
        if f["type"] == "histogram":
            # Per series (the labels but le): ordered cumulative
            # buckets ending in +Inf, and _count equal to that bucket.
            series = {}
            for n, lb, v in f["samples"]:
                key = tuple(sorted((k, x) for k, x in lb.items()
                                   if k != "le"))
                series.setdefault(key, {"b": [], "count": []})
                if n == name + "_bucket":
                    series[key]["b"].append((lb["le"], v))
                elif n == name + "_count":
                    series[key]["count"].append(v)
            for key, sr in series.items():
                les = [float(le) for le, _ in sr["b"]]
                assert les == sorted(les) and les[-1] == math.inf, (name,
                                                                    key)
                counts = [v for _, v in sr["b"]]
                assert counts == sorted(counts), "%s: not cumulative" % name
                assert sr["count"] == [counts[-1]], (
                    "%s: _count != +Inf" % name)
    return fams


def value(fams, name, **labels):
    fam = name if name in fams else re.sub(r"_(bucket|sum|count)$", "", name)
    f = fams[fam]
    hits = [v for n, lb, v in f["samples"] if n == name and lb == labels]
    assert len(hits) == 1, "%s%r: %r" % (name, labels, f["samples"])
    return hits[0]


def test_metrics_page_is_valid_and_matches_the_counters(daemon, db):
    """After known traffic (3 calls, one of them sent twice, one
    message that is not JSON) the page passes the strict parser and its
    counters equal those of the daemon's exit line; /health is 200 ok;
    other paths and methods are refused."""
    d = daemon.start(metrics__listen="127.0.0.1:0")
    for i in range(3):
        d.send({"call_id": "m-%d" % i, "mos_average": "4.1",
                "mos_average_A": "4.0", "mos_A_label": "x"})
    d.send({"call_id": "m-0", "mos_min": "3.0"})
    d.send("this is not json")
    mt.wait_until(lambda: db.count_calls() == 3 and
                  db.scalar("SELECT messages FROM call WHERE call_id = ?",
                            "m-0") == 2, 20, "3 calls, m-0 merged")

    def settled():
        fams = parse_exposition(http_get(d, "/metrics")[2])
        return fams if value(fams, "moscdr_messages_stored_total") == 4 \
            else None
    fams = mt.wait_until(settled, 10, "4 messages stored in /metrics")
    status, ctype, body = http_get(d, "/metrics")
    assert status == 200 and ctype.startswith("text/plain; version=0.0.4")
    fams = parse_exposition(body)

    assert http_get(d, "/health")[0:3:2] == (200, "ok\n")
    assert http_get(d, "/nothing")[0] == 404
    assert http_get(d, "/metrics", method="POST")[0] == 405

    st = d.stop()
    assert value(fams, "moscdr_messages_received_total",
                 transport="udp") == st["received_udp"] == 5
    assert value(fams, "moscdr_messages_refused_total",
                 reason="not_json") == st["refused_not_json"] == 1
    assert value(fams, "moscdr_calls_new_total") == st["calls_new"] == 3
    assert value(fams, "moscdr_calls_merged_total") == st["calls_merged"] == 1
    assert value(fams, "moscdr_rows_written_total", table="call") == 4
    assert value(fams, "moscdr_rows_written_total", table="leg") == st["legs"]
    assert value(fams, "moscdr_rows_written_total",
                 table="mos_sample") == st["samples"] > 0
    assert value(fams, "moscdr_messages_accepted_total") == st["accepted"]
    assert value(fams, "moscdr_batches_total") == st["batches"] >= 1
    # Every batch was timed (failed ones too: there were none).
    assert value(fams, "moscdr_batch_commit_seconds_count") == st["batches"]
    assert value(fams, "moscdr_db_up") == 1
    assert value(fams, "moscdr_db_errors_total") == st["db_errors"] == 0
    assert value(fams, "moscdr_journal_backlog") == 0
    assert value(fams, "moscdr_queue_length") == 0
    assert value(fams, "moscdr_retention_days") == 0
    (_, info, one), = fams["moscdr_build_info"]["samples"]
    assert one == 1 and info["node"] == "test" and info["driver"] == db.driver
    assert re.match(r"\d+\.\d+", info["version"])


def mos_missing_reasons():
    """The reasons of the one reason table in the code (record_value.c's
    missing_names), in its order."""
    with open(os.path.join(mt.ROOT, "src", "record_value.c")) as f:
        return re.findall(r'\[REC_MISSING_[A-Z_]+\] = "([a-z_]+)"', f.read())


def _quality(fams, node, side):
    """The call-quality figures of one node and side from the page."""
    def get(name, **lb):
        return value(fams, name, node=node, side=side, **lb)
    reasons = {lb["reason"]: v for n, lb, v in
               fams["moscdr_calls_without_mos_total"]["samples"]
               if lb["node"] == node and lb["side"] == side}
    buckets = {lb["le"]: v for n, lb, v in fams["moscdr_call_mos"]["samples"]
               if n == "moscdr_call_mos_bucket" and lb["node"] == node and
               lb["side"] == side}
    return {"count": get("moscdr_call_mos_count"),
            "sum": get("moscdr_call_mos_sum"), "buckets": buckets,
            "without": {k: v for k, v in reasons.items() if v},
            "reasons": set(reasons),
            "loss_count": get("moscdr_call_packet_loss_percent_count"),
            "jitter_sum": get("moscdr_call_jitter_seconds_sum")}


def test_quality_metrics_count_each_call_once(daemon, db):
    """Calls are counted per node and side once, by the message that
    created them: a retransmitted BYE (same call, every MOS field empty),
    in the same batch or a later one, and a later message with other
    values change nothing; sides without MOS count under the reason the
    database stores; every reason of the table is exported at 0 from
    the start; calls = MOS count + sum of the reasons per side."""
    d = daemon.start(metrics__listen="127.0.0.1:0")
    fams = parse_exposition(http_get(d, "/metrics")[2])
    own = _quality(fams, "test", "A")
    assert own["count"] == 0 and own["without"] == {}
    assert own["reasons"] == set(mos_missing_reasons()) >= {
        "no_media", "no_rtcp", "too_short", "no_reply", "unknown"}
    with open(os.path.join(mt.ROOT, "tests", "data",
                           "e2e-reply-nortcp.json")) as f:
        nortcp = f.read()
    d.send({"call_id": "q-1", "node": "k1", "mos_A_label": "caller",
            "mos_average_A": "4.4", "mos_average_packetloss_A": "0",
            "mos_average_jitter_A": "3"})
    d.send({"call_id": "q-2", "node": "k1", "mos_average_A": "3.1",
            "mos_average_B": "2.0", "mos_B_label": "callee"})
    d.send({"call_id": "q-2", "node": "k1"})      # same batch, most likely
    d.send(nortcp)                                # node "test", no RTCP
    mt.wait_until(lambda: db.count_calls() == 3, 20, "3 calls")
    d.send({"call_id": "q-1", "node": "k1"})      # the retransmitted BYE
    d.send({"call_id": "q-2", "node": "k1", "mos_average_A": "4.0"})

    def settled():
        f = parse_exposition(http_get(d, "/metrics")[2])
        return f if value(f, "moscdr_messages_stored_total") == 6 else None
    fams = mt.wait_until(settled, 20, "6 messages stored")
    assert value(fams, "moscdr_calls_new_total") == 3
    assert value(fams, "moscdr_node_calls_total", node="k1") == 2
    assert value(fams, "moscdr_node_calls_total", node="test") == 1
    a = _quality(fams, "k1", "A")
    assert a["count"] == 2 and abs(a["sum"] - 7.5) < 1e-6
    # 3.1 counts at its own edge (le is inclusive), 4.4 above 4.34.
    assert a["buckets"] == {"2.58": 0, "3.1": 1, "3.6": 1, "4.03": 1,
                            "4.34": 1, "+Inf": 2}
    assert a["without"] == {}
    assert a["loss_count"] == 1 and abs(a["jitter_sum"] - 0.003) < 1e-9
    b = _quality(fams, "k1", "B")
    assert b["count"] == 1 and b["buckets"]["2.58"] == 1
    assert b["without"] == {"no_reply": 1}     # q-1: no B, no reply
    t = _quality(fams, "test", "A"), _quality(fams, "test", "B")
    stored = db.query("SELECT side, mos_missing FROM leg ORDER BY side")
    assert [r[1] for r in stored if r[1] is not None] == ["no_rtcp"] * 2
    assert [x["without"] for x in t] == [{"no_rtcp": 1}, {"no_rtcp": 1}]
    for node, calls in (("k1", 2), ("test", 1)):
        for side in "AB":
            q = _quality(fams, node, side)
            assert q["count"] + sum(q["without"].values()) == calls
    d.stop()


def test_process_metrics(daemon, db):
    """The standard process_* families describe the daemon's process: its
    start time (that of moscdr_start_time_seconds, within the clock's
    resolution), memory, CPU and descriptors, the soft limit as in
    /proc/PID/limits."""
    d = daemon.start(metrics__listen="127.0.0.1:0")
    fams = parse_exposition(http_get(d, "/metrics")[2])
    with open("/proc/%d/limits" % d.pid) as f:
        soft = [ln.split()[3] for ln in f if ln.startswith("Max open files")]
    with open("/proc/%d/status" % d.pid) as f:
        rss = [int(ln.split()[1]) * 1024 for ln in f
               if ln.startswith("VmRSS:")][0]
    fds = len(os.listdir("/proc/%d/fd" % d.pid))
    d.stop()
    assert fams["process_cpu_seconds_total"]["type"] == "counter"
    start = value(fams, "process_start_time_seconds")
    assert abs(start - value(fams, "moscdr_start_time_seconds")) < 2
    assert value(fams, "process_max_fds") == float(soft[0])
    assert 0.5 * rss < value(fams, "process_resident_memory_bytes") < 2 * rss
    assert value(fams, "process_virtual_memory_bytes") > \
        value(fams, "process_resident_memory_bytes")
    assert abs(value(fams, "process_open_fds") - fds) <= 3
    assert value(fams, "process_cpu_seconds_total") >= 0


def test_metrics_evapi_client_state(daemon, db):
    """An evapi client to a port where nobody listens shows as one
    client, not connected, with failed attempts counted."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()      # nothing listens there now
    d = daemon.start(metrics__listen="127.0.0.1:0",
                     evapi__address="127.0.0.1:%d" % port)

    def failed():
        fams = parse_exposition(http_get(d, "/metrics")[2])
        f = fams.get("moscdr_evapi_client_connect_failures_total")
        return fams if f and f["samples"][0][2] >= 1 else None
    fams = mt.wait_until(failed, 20, "a failed evapi attempt in /metrics")
    conn = fams["moscdr_evapi_connected"]["samples"]
    assert len(conn) == 1 and conn[0][2] == 0
    assert conn[0][1]["peer"] == "127.0.0.1:%d" % port
    d.stop()


def test_metrics_port_taken_keeps_collecting(daemon, db):
    """A metrics port already in use is logged; the daemon still stores
    what it receives."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    try:
        port = s.getsockname()[1]
        d = daemon.start(metrics__listen="127.0.0.1:%d" % port)
        assert "/metrics and /health are off" in d.log
        d.send({"call_id": "still-stored"})
        mt.wait_until(lambda: db.count_calls() == 1, 20, "the call stored")
        d.stop()
    finally:
        s.close()


@pytest.fixture
def cluster_restored(pg_cluster):
    yield pg_cluster
    if not pg_cluster.is_up():
        pg_cluster.start()


def test_health_follows_postgresql(pg_daemon, pg_db, cluster_restored):
    """/health is 200 while PostgreSQL takes writes, 503 with a reason
    naming the database once it has been away METRICS_HEALTH_DOWN_S (and
    records wait in the journal), and 200 again once it is back and the
    backlog has been written."""
    d = pg_daemon.start(metrics__listen="127.0.0.1:0")
    d.send({"call_id": "h-0"})
    mt.wait_until(lambda: pg_db.count_calls() == 1, 20, "h-0 stored")
    assert http_get(d, "/health")[0] == 200
    cluster_restored.stop()
    d.send({"call_id": "h-1"})
    status, _, body = mt.wait_until(
        lambda: (lambda r: r if r[0] == 503 else None)(http_get(d, "/health")),
        30, "/health 503 while PostgreSQL is down")
    assert body.startswith("database ") and body.endswith("\n") and \
        body.count("\n") == 1, body
    cluster_restored.start()
    mt.wait_until(lambda: http_get(d, "/health")[0] == 200, 60,
                  "/health 200 after PostgreSQL is back")
    mt.wait_until(lambda: pg_db.count_calls() == 2, 30, "h-1 replayed")
    fams = parse_exposition(http_get(d, "/metrics")[2])
    assert value(fams, "moscdr_db_errors_total") >= 1
    assert value(fams, "moscdr_db_reconnects_total") >= 1
    assert value(fams, "moscdr_journal_backlog") == 0
    d.stop()


def _insert_old_call_without_start(db, call_id, when):
    """A call whose start is unknown and whose reception is `when` (unix
    s): not something the daemon can be made to write, so by SQL."""
    if db.driver == "sqlite":
        import datetime
        iso = datetime.datetime.fromtimestamp(
            when, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        c = sqlite3.connect(db.path)
        with c:
            c.execute("INSERT INTO call (node, call_id, received_at,"
                      " updated_at) VALUES ('test', ?, ?, ?)",
                      (call_id, iso, iso))
        c.close()
    else:
        # part_at: the partition key (012), the reception without a start
        db.query("INSERT INTO call (node, call_id, received_at, updated_at,"
                 " part_at) VALUES ('test', ?, to_timestamp(?),"
                 " to_timestamp(?), to_timestamp(?)) RETURNING call_pk",
                 call_id, when, when, when)


def test_retention_deletes_old_calls_with_their_rows(daemon, db):
    """With retention.days = 30: 1,203 calls that started 31..40 days
    ago (more than two batches of 500) and one received 45 days ago
    without a start time are deleted, with their legs and samples; the
    calls of the last 29 days and their rows are untouched. Counted in
    /metrics and logged once for the run."""
    now = int(time.time())
    d = daemon.start()
    old = 1203
    for i in range(old):
        d.send({"call_id": "old-%d" % i,
                "start_time": now - 31 * DAY - i * 600,
                "mos_average": "3.5", "mos_average_A": "3.4",
                "mos_A_label": "a", "mos_average_B": "3.6",
                "mos_B_label": "b"})
    for i in range(20):
        d.send({"call_id": "new-%d" % i, "start_time": now - i * 3600 * 35,
                "mos_average": "4.0", "mos_average_A": "4.1",
                "mos_A_label": "a"})
    mt.wait_until(lambda: db.count_calls() == old + 20, 60, "all stored")
    d.stop()
    _insert_old_call_without_start(db, "old-nostart", now - 45 * DAY)
    keep_legs = db.scalar("SELECT count(*) FROM leg JOIN call USING (call_pk)"
                          " WHERE call_id LIKE 'new-%'")
    keep_samples = db.scalar("SELECT count(*) FROM mos_sample JOIN call "
                             "USING (call_pk) WHERE call_id LIKE 'new-%'")
    assert keep_legs == 20 and keep_samples == 40

    d = daemon.start(metrics__listen="127.0.0.1:0", retention__days=30)
    line = mt.wait_until(lambda: re.search(
        r"retention: deleted (\d+) calls that started before (\S+)", d.log),
        60, "the retention log line")
    assert int(line.group(1)) == old + 1
    fams = parse_exposition(http_get(d, "/metrics")[2])
    assert value(fams, "moscdr_retention_deleted_calls_total") == old + 1
    assert value(fams, "moscdr_retention_days") == 30
    d.stop()
    assert len(re.findall(r"retention: deleted", d.log)) == 1
    assert sorted(r[0] for r in db.query("SELECT call_id FROM call")) == \
        sorted("new-%d" % i for i in range(20))
    assert db.scalar("SELECT count(*) FROM leg") == keep_legs
    assert db.scalar("SELECT count(*) FROM mos_sample") == keep_samples


def test_sqlite_children_always_have_their_call(backend, daemon, db):
    """SQLite's writer runs without foreign-key checks
    (store_sqlite_sql.h, STORE_SQLITE_SQL_FK_OFF): the writer itself
    must keep every leg and sample with its call. After new calls, merges
    that add a leg and a sample, a record the database refuses after its
    call row was written (a test trigger; the batch is written again one
    by one and the record dropped whole) and retention (which turns the
    checks on to cascade): PRAGMA foreign_key_check finds nothing, every
    call has exactly its rows, and the deleted calls' rows are gone."""
    if backend != "sqlite":
        pytest.skip("the foreign-key checks are off on SQLite only")
    now = int(time.time())
    d = daemon.start()
    d.stop()
    c = sqlite3.connect(db.path)
    with c:
        c.execute("CREATE TRIGGER test_refuse BEFORE INSERT ON leg"
                  " WHEN NEW.label = 'refuse-me'"
                  " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")
    c.close()
    d = daemon.start(retention__days=30)
    n, old = 30, 10
    for i in range(old):
        d.send({"call_id": "old-%d" % i, "start_time": now - 40 * DAY,
                "mos_average": "3.5", "mos_average_A": "3.4",
                "mos_A_label": "a"})
    for i in range(n):
        d.send({"call_id": "new-%d" % i, "start_time": now - 60,
                "mos_average": "4.0", "mos_average_A": "4.1",
                "mos_A_label": "a"})
    d.send({"call_id": "refused", "start_time": now - 60,
            "mos_average": "4.0", "mos_average_A": "4.1",
            "mos_A_label": "refuse-me"})
    mt.wait_until(lambda: db.count_calls() >= n, 30, "the new calls stored")
    for i in range(n):
        d.send({"call_id": "new-%d" % i, "mos_average_B": "3.6",
                "mos_B_label": "b"})
    mt.wait_until(lambda: db.scalar("SELECT count(*) FROM leg WHERE side ="
                                    " 'B'") == n, 30, "the merges stored")
    mt.wait_until(lambda: re.search(r"retention: deleted %d calls" % old,
                                    d.log), 60, "the retention log line")
    st = d.stop()
    assert st["dropped_rejected"] == 1
    assert db.query("PRAGMA foreign_key_check") == []
    assert sorted(r[0] for r in db.query("SELECT call_id FROM call")) == \
        sorted("new-%d" % i for i in range(n))
    assert db.scalar("SELECT count(*) FROM call c WHERE (SELECT count(*)"
                     " FROM leg l WHERE l.call_pk = c.call_pk) <> 2") == 0
    assert db.scalar("SELECT count(*) FROM call c WHERE (SELECT count(*)"
                     " FROM mos_sample s WHERE s.call_pk = c.call_pk)"
                     " <> 3") == 0
    assert db.scalar("SELECT count(*) FROM leg") == 2 * n
    assert db.scalar("SELECT count(*) FROM mos_sample") == 3 * n
    assert db.query("PRAGMA integrity_check") == [("ok",)]


def test_make_install_into_destdir(tmp_path):
    """make install DESTDIR=... puts the daemon, the configuration (kept
    when present), the migrations, the systemd unit (pointing at the
    installed binary), the Grafana dashboard, the Kamailio script and the
    SQL examples where docs/operations.md says."""
    dest = tmp_path / "root"
    conf = dest / "etc" / "moscdr" / "moscdrd.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("# the operator's own file\n")
    r = subprocess.run(["make", "-s", "install", "DESTDIR=%s" % dest,
                        "PREFIX=/usr"], cwd=mt.ROOT, capture_output=True,
                       text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    share = dest / "usr" / "share" / "moscdr"
    for p in ("usr/sbin/moscdrd", "usr/share/moscdr/moscdrd.conf.example",
              "usr/share/moscdr/sql/sqlite/001_schema.sql",
              "usr/share/moscdr/sql/postgresql/003_retention.sql",
              "usr/share/doc/moscdr/examples.sql",
              "usr/share/doc/moscdr/README.md",
              "usr/share/doc/moscdr/docs/operations.md",
              "usr/share/man/man8/moscdrd.8",
              "usr/share/man/man5/moscdrd.conf.5",
              "usr/lib/sysusers.d/moscdr.conf",
              "usr/lib/tmpfiles.d/moscdr.conf",
              "usr/share/moscdr/contrib/grafana/moscdr.json",
              "usr/share/moscdr/contrib/kamailio/moscdr.lua",
              "usr/share/moscdr/contrib/kamailio/moscdr-native.cfg",
              "usr/share/moscdr/contrib/kamailio/kamailio-native.cfg",
              "usr/lib/systemd/system/moscdrd.service"):
        assert (dest / p).is_file(), p
    assert os.access(dest / "usr/sbin/moscdrd", os.X_OK)
    assert conf.read_text() == "# the operator's own file\n"
    unit = (dest / "usr/lib/systemd/system/moscdrd.service").read_text()
    assert "ExecStart=/usr/sbin/moscdrd -d -f /etc/moscdr/moscdrd.conf" in unit
    assert "/usr/local" not in unit
    assert share.is_dir()
