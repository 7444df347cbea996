"""Integration tests of moscdrd's core path: UDP datagram -> parse ->
queue -> writer -> database, against the real daemon and both back ends
(a SQLite file and a throwaway PostgreSQL 15 cluster).

Each test sends real datagrams on 127.0.0.1, stops the daemon with SIGTERM
(which must commit everything received) and reads the rows back through
sqlite3 / psycopg2. No test asserts on timing.
"""

import datetime
import json
import os
import re
import socket
import signal
import subprocess

import pytest

import moscdr_test as mt
from moscdr_test import approx_row, to_epoch, wait_until

SAMPLE_COLS = ("scope, kind, seq, mos, packetloss_pct, jitter_ms, "
               "roundtrip_us, roundtrip_leg_us, samples, at_offset_s, "
               "reported_at")


def samples_of(db, call_id):
    return db.query_dicts(
        "SELECT " + SAMPLE_COLS + " FROM mos_sample s JOIN call c "
        "ON c.call_pk = s.call_pk WHERE c.call_id = ? "
        "ORDER BY s.scope, s.kind, s.seq", call_id)


def call_of(db, call_id, node="test"):
    rows = db.query_dicts("SELECT * FROM call WHERE call_id = ? AND node = ?",
                          call_id, node)
    assert len(rows) == 1, "expected one call %r/%r, got %r" % (
        call_id, node, rows)
    return rows[0]


def vcq(db, call_id):
    rows = db.query_dicts("SELECT * FROM v_call_quality WHERE call_id = ?",
                          call_id)
    assert len(rows) == 1, rows
    return rows[0]


def extra_of(v):
    if v is None or isinstance(v, dict):
        return v
    return json.loads(v)


def is_true(v):
    return v is True or v == 1


def is_false(v):
    return v is False or v == 0


def refusal_log_re(d):
    return re.compile(r"refused message from udp 127\.0\.0\.1:%d\b"
                      % d.source_port)


# ---------------------------------------------------------------- storing

def test_full_message_all_avps_and_progression(daemon, db):
    """A message with all 56 AVPs and an rtpengine reply lands as one call,
    two labelled legs, nine average/min/max samples with every value in its
    column and unit, and the per-SSRC MOS progression tied to sides A and B
    by label; the views convert round trips to milliseconds."""
    msg = mt.full_message("full-1@test")
    assert len([k for k in msg if k.startswith("mos")]) == 56
    d = daemon.start()
    d.send(msg)
    st = d.stop()

    prog = mt.expected_progression()
    nprog = sum(len(v) for v in prog.values())
    assert st["accepted"] == 1 and st["stored"] == 1
    assert st["calls_new"] == 1 and st["calls_merged"] == 0
    assert st["legs"] == 2
    assert st["samples"] == 9 + nprog
    assert st["mos_refused"] == 0

    c = call_of(db, "full-1@test")
    assert (c["from_tag"], c["to_tag"]) == (mt.FULL_FROM_TAG, mt.FULL_TO_TAG)
    assert c["from_uri"] == "sip:alice@example.org"
    assert c["to_uri"] == "sip:bob@example.org"
    assert (c["sip_code"], c["sip_reason"]) == (200, "OK")
    assert to_epoch(c["start_time"]) == pytest.approx(mt.FULL_START, abs=1e-3)
    assert to_epoch(c["end_time"]) == pytest.approx(mt.FULL_END, abs=1e-3)
    assert c["duration_s"] == pytest.approx(93.5, abs=1e-2)
    assert c["messages"] == 1
    assert c["received_at"] is not None and c["updated_at"] is not None
    assert extra_of(c["extra"]) == {"x_site": "lab-1"}

    legs = db.query("SELECT side, label FROM leg l JOIN call c "
                    "ON c.call_pk = l.call_pk WHERE c.call_id = ? "
                    "ORDER BY side", "full-1@test")
    assert legs == [("A", "Aleg_label"), ("B", "Bleg_label")]

    reply = mt.rtpengine_reply()
    created = reply["created"] + reply.get("created_us", 0) / 1e6
    rows = samples_of(db, "full-1@test")
    fixed = [r for r in rows if r["kind"] != "progression"]
    got = {(r["scope"], r["kind"]): r for r in fixed}
    assert sorted(got) == sorted((s, k) for s in ("call", "A", "B")
                                 for k in ("average", "min", "max"))
    for scope, kinds in mt.FULL_VALUES.items():
        for kind, (mos, at, pl, jit, rt, rtl, n) in kinds.items():
            r = got[(scope, kind)]
            assert r["seq"] == 0
            approx_row(r, {"mos": mos, "at_offset_s": at,
                           "packetloss_pct": pl, "jitter_ms": jit,
                           "roundtrip_us": rt, "roundtrip_leg_us": rtl,
                           "samples": n}, "%s/%s" % (scope, kind))
            # The time of a min/max may be derived from the rtpengine
            # reply's "created" plus the *_at offset; nothing else.
            if at is None:
                assert r["reported_at"] is None, (scope, kind)
            elif r["reported_at"] is not None:
                assert to_epoch(r["reported_at"]) == pytest.approx(
                    created + at, abs=2e-3), (scope, kind)

    for side in ("A", "B"):
        pr = [r for r in rows if r["kind"] == "progression"
              and r["scope"] == side]
        exp = prog[side]
        assert [r["seq"] for r in pr] == list(range(len(exp))), side
        for r, (mos, at, rt, jit, pl) in zip(pr, exp):
            assert r["mos"] == pytest.approx(mos, abs=1e-6)
            assert to_epoch(r["reported_at"]) == pytest.approx(at, abs=1e-3)
            assert r["roundtrip_us"] == rt
            assert r["jitter_ms"] == pytest.approx(jit)
            assert r["packetloss_pct"] == pytest.approx(pl)

    v = vcq(db, "full-1@test")
    approx_row(v, {
        "node": "test", "sip_code": 200, "messages": 1,
        "duration_s": 93.5,
        "mos_average": 3.9, "mos_min": 3.2, "mos_max": 4.3,
        "mos_min_at_s": 5, "mos_max_at_s": 727,
        "packetloss_pct_average": 2, "jitter_ms_average": 7,
        "roundtrip_ms_average": 90.93, "roundtrip_leg_ms_average": 45.0,
        "samples": 11,
        "a_label": "Aleg_label", "a_mos_average": 4.1, "a_mos_min": 3.5,
        "a_mos_max": 4.4, "a_packetloss_pct_average": 1,
        "a_jitter_ms_average": 4, "a_roundtrip_ms_average": 80.1,
        "b_label": "Bleg_label", "b_mos_average": 3.7, "b_mos_min": 2.9,
        "b_mos_max": 4.2, "b_packetloss_pct_average": 3,
        "b_jitter_ms_average": 9, "b_roundtrip_ms_average": 100.0,
        "mos_worst": 2.9, "quality_band": "some users dissatisfied",
    }, "v_call_quality")
    assert is_true(v["has_mos"])

    legq = {r["side"]: r for r in db.query_dicts(
        "SELECT * FROM v_leg_quality WHERE call_id = ?", "full-1@test")}
    assert sorted(legq) == ["A", "B"]
    approx_row(legq["A"], {
        "label": "Aleg_label", "mos_average": 4.1, "mos_min": 3.5,
        "mos_max": 4.4, "mos_min_at_s": 3, "mos_max_at_s": 70,
        "packetloss_pct_average": 1, "jitter_ms_average": 4,
        "roundtrip_ms_average": 80.1, "roundtrip_leg_ms_average": 40.511,
        "samples": 5, "progression_points": len(prog["A"]),
        "quality_band": "satisfied"}, "v_leg_quality A")
    approx_row(legq["B"], {
        "label": "Bleg_label", "mos_average": 3.7, "mos_min": 2.9,
        "mos_max": 4.2, "mos_min_at_s": 9, "mos_max_at_s": 120,
        "roundtrip_ms_average": 100.0, "roundtrip_leg_ms_average": 50.0,
        "samples": 6, "progression_points": len(prog["B"]),
        "quality_band": "some users dissatisfied"}, "v_leg_quality B")


def test_rtpengine_reply_as_json_string(daemon, db):
    """The rtpengine reply may come as a JSON string (what the Lua script
    gets from rtpengine_query_v): the same progression is stored."""
    msg = mt.full_message("full-str@test")
    msg["rtpengine"] = json.dumps(msg["rtpengine"])
    d = daemon.start()
    d.send(msg)
    d.stop()
    prog = mt.expected_progression()
    n = db.query("SELECT s.scope, count(*) FROM mos_sample s JOIN call c "
                 "ON c.call_pk = s.call_pk WHERE c.call_id = ? "
                 "AND s.kind = 'progression' GROUP BY s.scope "
                 "ORDER BY s.scope", "full-str@test")
    assert n == [("A", len(prog["A"])), ("B", len(prog["B"]))]


def test_real_sample_datagrams(daemon, db):
    """The datagrams captured from a real Kamailio 5.6 store unchanged: the
    call_id (with its quote) byte for byte, MOS and round trip as sent."""
    files = mt.sample_datagrams()
    assert files, "no datagram-*.json samples found"
    msgs = []
    d = daemon.start()
    for p in files:
        with open(p, "rb") as f:
            raw = f.read()
        msgs.append(json.loads(raw))
        d.send(raw)
    st = d.stop()
    assert st["stored"] == len(files)
    for m in msgs:
        c = call_of(db, m["call_id"])
        assert c["messages"] == 1
        rows = {(r["scope"], r["kind"]): r for r in samples_of(db, m["call_id"])}
        avg = rows[("call", "average")]
        assert avg["mos"] == pytest.approx(float(m["mos_average"]))
        assert avg["roundtrip_us"] == int(m["mos_average_roundtrip"])
        assert avg["samples"] == int(m["mos_average_samples"])
        v = vcq(db, m["call_id"])
        assert v["roundtrip_ms_average"] == pytest.approx(
            int(m["mos_average_roundtrip"]) / 1000.0)
        if "mos_min_at" in m:
            mm, ss = m["mos_min_at"].split(":")
            assert v["mos_min_at_s"] == int(mm) * 60 + int(ss)
        for side in ("A", "B"):
            lab = m.get("mos_%s_label" % side)
            if lab is not None:
                assert v["%s_label" % side.lower()] == lab


def test_same_message_twice_back_to_back(daemon, db):
    """The same message twice in a row (likely one batch) gives one call
    with messages = 2, counted once as new and once as merged."""
    msg = mt.full_message("twice-1@test")
    d = daemon.start()
    d.send(msg)
    d.send(msg)
    st = d.stop()
    assert st["stored"] == 2
    assert st["calls_new"] == 1 and st["calls_merged"] == 1
    assert st["db_errors"] == 0
    c = call_of(db, "twice-1@test")
    assert c["messages"] == 2
    assert db.scalar("SELECT count(*) FROM call") == 1
    assert db.scalar("SELECT count(*) FROM leg") == 2
    prog = mt.expected_progression()
    assert db.scalar("SELECT count(*) FROM mos_sample") == 9 + sum(
        len(v) for v in prog.values())


def test_same_message_twice_after_commit(daemon, db):
    """The second copy arriving after the first was committed merges into
    the stored call (messages = 2) instead of adding a row."""
    msg = mt.full_message("twice-2@test")
    d = daemon.start()
    d.send(msg)
    wait_until(lambda: db.count_calls() == 1, 20, "the first copy stored")
    d.send(msg)
    wait_until(lambda: db.scalar("SELECT messages FROM call") == 2, 20,
               "the second copy merged")
    st = d.stop()
    assert st["calls_new"] == 1 and st["calls_merged"] == 1
    assert db.scalar("SELECT count(*) FROM call") == 1
    c = call_of(db, "twice-2@test")
    assert to_epoch(c["updated_at"]) >= to_epoch(c["received_at"])


def test_retransmitted_bye_does_not_erase(daemon, db):
    """A second message for the call with every MOS field "" (a BYE
    retransmission after rtpengine forgot the call) keeps all stored
    values, labels and tags."""
    first = mt.full_message("bye-1@test")
    again = {"call_id": "bye-1@test"}
    for k in mt.avp_names():
        again[k] = ""
    again["from_tag"] = None
    d = daemon.start()
    d.send(first)
    wait_until(lambda: db.count_calls() == 1, 20, "the first message stored")
    before = db.query("SELECT " + SAMPLE_COLS + " FROM mos_sample "
                      "ORDER BY scope, kind, seq")
    d.send(again)
    st = d.stop()
    assert st["stored"] == 2 and st["calls_merged"] == 1
    c = call_of(db, "bye-1@test")
    assert c["messages"] == 2
    assert c["from_tag"] == mt.FULL_FROM_TAG
    assert c["sip_code"] == 200
    assert extra_of(c["extra"]) == {"x_site": "lab-1"}
    after = db.query("SELECT " + SAMPLE_COLS + " FROM mos_sample "
                     "ORDER BY scope, kind, seq")
    assert after == before
    assert db.query("SELECT side, label FROM leg ORDER BY side") == [
        ("A", "Aleg_label"), ("B", "Bleg_label")]
    v = vcq(db, "bye-1@test")
    assert v["mos_average"] == pytest.approx(3.9)


def test_later_message_fills_null(daemon, db):
    """A value unknown in the first message and sent in a later one is
    filled in; the values of the first message stay."""
    d = daemon.start()
    d.send({"call_id": "fill-1@test", "mos_average": "4.1",
            "extra_a": 1})
    wait_until(lambda: db.count_calls() == 1, 20, "the first message stored")
    d.send({"call_id": "fill-1@test", "mos_min": "3.4",
            "mos_average_jitter": "6", "sip_code": "486",
            "mos_B_label": "callee", "extra_b": "x"})
    d.stop()
    c = call_of(db, "fill-1@test")
    assert c["sip_code"] == 486
    assert c["messages"] == 2
    assert extra_of(c["extra"]) == {"extra_a": 1, "extra_b": "x"}
    rows = {(r["scope"], r["kind"]): r for r in samples_of(db, "fill-1@test")}
    assert rows[("call", "average")]["mos"] == pytest.approx(4.1)
    assert rows[("call", "average")]["jitter_ms"] == pytest.approx(6)
    assert rows[("call", "min")]["mos"] == pytest.approx(3.4)
    v = vcq(db, "fill-1@test")
    assert v["mos_average"] == pytest.approx(4.1)
    assert v["mos_min"] == pytest.approx(3.4)
    assert v["b_label"] == "callee"


def test_value_not_sent_is_null(daemon, db):
    """What was not sent is NULL in the tables and the views, never 0;
    what was sent as "0" is 0."""
    d = daemon.start()
    d.send({"call_id": "null-1@test", "mos_average": "4.2"})
    d.send({"call_id": "zero-1@test", "mos_average": "4.2",
            "mos_average_packetloss": "0", "mos_average_jitter": 0,
            "mos_average_roundtrip": "0"})
    d.send({"call_id": "nomos-1@test", "sip_code": 200})
    d.stop()

    c = call_of(db, "null-1@test")
    for col in ("from_tag", "to_tag", "from_uri", "to_uri", "sip_code",
                "sip_reason", "start_time", "end_time", "duration_s",
                "extra", "answer_time"):
        assert c[col] is None, col
    assert db.query("SELECT count(*) FROM leg l JOIN call c ON "
                    "c.call_pk = l.call_pk WHERE c.call_id = ?",
                    "null-1@test") == [(0,)]
    rows = samples_of(db, "null-1@test")
    assert [(r["scope"], r["kind"]) for r in rows] == [("call", "average")]
    r = rows[0]
    assert r["mos"] == pytest.approx(4.2)
    for col in ("packetloss_pct", "jitter_ms", "roundtrip_us",
                "roundtrip_leg_us", "samples", "at_offset_s", "reported_at"):
        assert r[col] is None, col
    v = vcq(db, "null-1@test")
    for col in ("mos_min", "mos_max", "mos_min_at_s", "mos_max_at_s",
                "packetloss_pct_average", "jitter_ms_average",
                "roundtrip_ms_average", "roundtrip_leg_ms_average", "samples",
                "a_label", "a_mos_average", "a_mos_min", "a_mos_max",
                "a_packetloss_pct_average", "a_jitter_ms_average",
                "a_roundtrip_ms_average", "b_label", "b_mos_average",
                "b_mos_min", "b_mos_max", "b_packetloss_pct_average",
                "b_jitter_ms_average", "b_roundtrip_ms_average",
                "sip_code", "start_time", "duration_s"):
        assert v[col] is None, col
    assert v["mos_worst"] == pytest.approx(4.2)

    z = {(r["scope"], r["kind"]): r for r in samples_of(db, "zero-1@test")}
    za = z[("call", "average")]
    assert za["packetloss_pct"] == 0 and za["packetloss_pct"] is not None
    assert za["jitter_ms"] == 0 and za["jitter_ms"] is not None
    assert za["roundtrip_us"] == 0 and za["roundtrip_us"] is not None
    vz = vcq(db, "zero-1@test")
    assert vz["roundtrip_ms_average"] == 0
    assert vz["roundtrip_ms_average"] is not None

    n = vcq(db, "nomos-1@test")
    assert samples_of(db, "nomos-1@test") == []
    for col in ("mos_average", "mos_min", "mos_max", "mos_worst",
                "quality_band"):
        assert n[col] is None, col
    assert is_false(n["has_mos"])


def test_mos_zero_is_null_and_counted(daemon, db):
    """A MOS of "0" (or above 5) is not a score: stored as NULL, the other
    values of the sample kept, and counted as mos_refused."""
    d = daemon.start()
    d.send({"call_id": "mos0-1@test", "mos_average": "0",
            "mos_average_packetloss": "3", "mos_min": "7.5",
            "mos_min_jitter": "4", "mos_max": "4.0"})
    st = d.stop()
    assert st["mos_refused"] == 2
    assert st["stored"] == 1
    rows = {(r["scope"], r["kind"]): r for r in samples_of(db, "mos0-1@test")}
    assert rows[("call", "average")]["mos"] is None
    assert rows[("call", "average")]["packetloss_pct"] == pytest.approx(3)
    assert rows[("call", "min")]["mos"] is None
    assert rows[("call", "min")]["jitter_ms"] == pytest.approx(4)
    assert rows[("call", "max")]["mos"] == pytest.approx(4.0)
    v = vcq(db, "mos0-1@test")
    assert v["mos_average"] is None and v["quality_band"] is None
    assert v["mos_worst"] is None


# ----------------------------------------------------------- refusals

def test_bad_input_refused_counted_and_logged(daemon, db):
    """Each kind of bad datagram, interleaved with good ones, is refused
    and counted under its reason; the log names the sender; every good
    message is stored."""
    deep = b'{"call_id":"deep@test","x":' + b"[" * 19 + b"]" * 19 + b"}"
    bad = [
        (b"{not json", "not_json"),
        (b"[1, 2, 3]", "not_object"),
        (json.dumps({"mos_average": "4.0"}).encode(), "bad_call_id"),
        (json.dumps({"call_id": "x" * 1025}).encode(), "bad_call_id"),
        (json.dumps({"call_id": ""}).encode(), "bad_call_id"),
        (json.dumps({"call_id": "t@test", "mos_average": True}).encode(),
         "bad_type"),
        (json.dumps({"call_id": 12345}).encode(), "bad_type_or_call_id"),
        (b'{"call_id":"utf8-\xff\xfe@test"}', "bad_utf8"),
        (deep, "too_deep"),
        (b"", "empty"),
        (json.dumps({"call_id": "val@test", "mos_average": "good"}).encode(),
         "bad_value"),
        (json.dumps({"call_id": "ver@test", "v": 2}).encode(),
         "bad_version"),
    ]
    good_ids = ["good-%d@test" % i for i in range(len(bad) + 1)]
    good_ids.append("y" * 1024)         # the longest call_id allowed
    d = daemon.start()
    for i, (raw, _) in enumerate(bad):
        d.send({"call_id": good_ids[i], "mos_average": "4.1"})
        d.send(raw)
    for gid in good_ids[len(bad):]:
        d.send({"call_id": gid, "mos_average": "4.1"})
    st = d.stop()

    assert st["received_udp"] == len(bad) + len(good_ids)
    assert st["accepted"] == len(good_ids)
    assert st["stored"] == len(good_ids)
    want = {}
    for _, reason in bad:
        want[reason] = want.get(reason, 0) + 1
    # A non-string call_id may be called a bad type or a bad call_id.
    either = want.pop("bad_type_or_call_id")
    for reason, n in want.items():
        if reason in ("bad_type", "bad_call_id"):
            continue
        assert st["refused_" + reason] == n, reason
    assert (st["refused_bad_type"] + st["refused_bad_call_id"]
            == want["bad_type"] + want["bad_call_id"] + either)
    total_refused = sum(v for k, v in st.items() if k.startswith("refused_"))
    assert total_refused == len(bad)

    stored = sorted(r[0] for r in db.query("SELECT call_id FROM call"))
    assert stored == sorted(good_ids)
    log = d.log
    assert refusal_log_re(d).search(log), log
    assert re.search(r"refused message from udp 127\.0\.0\.1:%d: not_json"
                     % d.source_port, log), log


def test_refusal_log_limited_per_address_not_port(daemon):
    """A sender whose source port changes gets one refusal line per reason
    and interval, not one per port; every message is still counted."""
    d = daemon.start()
    socks = []
    for _ in range(3):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    assert len({s.getsockname()[1] for s in socks}) == 3
    for s in socks:
        s.sendto(b"not json", ("127.0.0.1", d.port))
    for s in socks:
        s.sendto(b"[]", ("127.0.0.1", d.port))
    st = d.stop()
    for s in socks:
        s.close()
    assert st["refused_not_json"] == 3
    assert st["refused_not_object"] == 3
    log = d.log
    assert len(re.findall(r"refused message from udp 127\.0\.0\.1:\d+: "
                          r"not_json", log)) == 1, log
    assert len(re.findall(r"refused message from udp 127\.0\.0\.1:\d+: "
                          r"not_object", log)) == 1, log


# -------------------------------------------------------------- shutdown

def test_nothing_lost_on_sigterm(daemon, db):
    """2,000 messages sent as fast as possible, SIGTERM right after the
    last: the daemon reads what the kernel buffered and commits it all."""
    with open(mt.sample_file("datagram-kamailio56-avps.json")) as f:
        base = json.load(f)
    n = 2000
    d = daemon.start()
    for i in range(n):
        base["call_id"] = "burst-%05d@test" % i
        d.send(base)
    st = d.stop()
    assert st["received_udp"] == n
    assert st["stored"] == n
    assert st["calls_new"] == n
    assert db.scalar("SELECT count(*) FROM call") == n
    assert db.scalar("SELECT count(DISTINCT call_id) FROM call") == n


def test_sigint_commits_and_exits_zero(daemon, db):
    """SIGINT stops the daemon like SIGTERM: what was received is stored,
    exit code 0."""
    d = daemon.start()
    for i in range(50):
        d.send({"call_id": "int-%03d@test" % i, "mos_average": "3.8"})
    st = d.stop(sig=signal.SIGINT)
    assert st["stored"] == 50
    assert db.scalar("SELECT count(*) FROM call") == 50


def test_periodic_stats_line(daemon, db):
    """With log.stats_interval set, the daemon logs "stats: k=v ..." lines
    while running, with the documented counter names."""
    d = daemon.start(log__stats_interval=1)
    d.send({"call_id": "stats-1@test", "mos_average": "4.0"})
    line = wait_until(
        lambda: re.search(r"(?<!exiting, )stats: (.*received_udp=1\b.*)$",
                          d.log, re.M), 20, "a periodic stats line")
    st = mt.parse_stats(line.group(1))
    for name in STATS_NAMES:
        assert name in st, name
    final = d.stop()
    for name in STATS_NAMES:
        assert name in final, name


STATS_NAMES = (
    ["received_udp", "received_evapi", "accepted", "stored", "calls_new",
     "calls_merged", "legs", "samples", "mos_refused"]
    + ["refused_" + r for r in (
        "empty", "too_large", "bad_utf8", "too_deep", "not_json",
        "not_object", "bad_call_id", "bad_type", "bad_value",
        "bad_version")]
    + ["dropped_" + w for w in (
        "queue_full", "denied", "auth", "spool_full",
        "rejected")]
    + ["batches", "db_errors", "db_reconnects", "spool_written",
       "spool_replayed", "evapi_frames", "evapi_framing_errors",
       "evapi_reconnects", "queue_len", "spool_bytes"])


# ------------------------------------------------------------------ views

V_CALL_QUALITY = [
    "call_pk", "node", "call_id", "from_tag", "to_tag", "from_uri", "to_uri",
    "sip_code", "sip_reason", "start_time", "end_time", "duration_s",
    "received_at", "messages",
    "mos_average", "mos_min", "mos_max", "mos_min_at_s", "mos_max_at_s",
    "packetloss_pct_average", "jitter_ms_average", "roundtrip_ms_average",
    "roundtrip_leg_ms_average", "samples",
    "a_label", "a_mos_average", "a_mos_min", "a_mos_max",
    "a_packetloss_pct_average", "a_jitter_ms_average",
    "a_roundtrip_ms_average",
    "b_label", "b_mos_average", "b_mos_min", "b_mos_max",
    "b_packetloss_pct_average", "b_jitter_ms_average",
    "b_roundtrip_ms_average",
    "mos_worst", "has_mos", "quality_band",
    "answer_time", "ringing_s", "talk_s",
    "a_rtp_packets", "a_rtp_bytes", "a_rtp_errors", "a_rtcp_packets",
    "a_remote_addr", "a_remote_port", "a_protocol", "a_codec",
    "a_ssrc", "a_last_packet", "a_mos_missing", "b_rtp_packets",
    "b_rtp_bytes", "b_rtp_errors", "b_rtcp_packets", "b_remote_addr",
    "b_remote_port", "b_protocol", "b_codec", "b_ssrc",
    "b_last_packet", "b_mos_missing",
]


def call_quality_columns(db):
    """v_call_quality's (and v_poor_calls') columns on db's back end:
    PostgreSQL's end with the partition key (sql/postgresql/views.sql)."""
    return V_CALL_QUALITY + (["part_at"] if db.driver == "postgresql" else [])


V_LEG_QUALITY = [
    "call_pk", "node", "call_id", "start_time", "side", "label",
    "mos_average", "mos_min", "mos_max", "mos_min_at_s", "mos_max_at_s",
    "packetloss_pct_average", "jitter_ms_average", "roundtrip_ms_average",
    "roundtrip_leg_ms_average", "samples", "progression_points",
    "quality_band",
    "rtp_packets", "rtp_bytes", "rtp_errors", "rtcp_packets",
    "remote_addr", "remote_port", "protocol", "codec", "ssrc",
    "last_packet", "mos_missing",
]
V_DAILY_QUALITY = [
    "day", "node", "calls", "calls_with_mos", "share_with_mos",
    "mos_average", "mos_min", "share_very_satisfied", "share_satisfied",
    "share_some_dissatisfied", "share_many_dissatisfied",
    "share_nearly_all_dissatisfied", "share_not_recommended",
    "share_no_mos_no_media", "share_no_mos_no_rtcp",
    "share_no_mos_too_short", "share_no_mos_no_reply",
    "share_no_mos_unknown", "share_no_mos_peer_no_rtcp",
    "talk_s_total", "talk_s_average", "ringing_s_average",
    "mos_p5", "mos_median",
]
# The rollup views (docs/schema.md): v_quality_daily has "day" for "hour".
V_QUALITY_HOURLY = [
    "hour", "node", "side", "calls", "calls_with_mos", "share_with_mos",
    "mos_calls", "mos_average", "mos_p5", "mos_median", "mos_min",
    "share_very_satisfied", "share_satisfied", "share_some_dissatisfied",
    "share_many_dissatisfied", "share_nearly_all_dissatisfied",
    "share_not_recommended", "packetloss_calls", "packetloss_pct_average",
    "jitter_calls", "jitter_ms_average", "calls_no_mos_no_media",
    "calls_no_mos_no_rtcp", "calls_no_mos_too_short",
    "calls_no_mos_no_reply", "calls_no_mos_unknown",
    "calls_no_mos_peer_no_rtcp", "talk_calls", "talk_s", "ringing_calls",
    "ringing_s", "calls_a_worse", "calls_b_worse",
]
V_MOS_MISSING_BY_REMOTE = [
    "remote_addr", "mos_missing", "calls", "legs",
    "first_seen", "last_seen",
]
CALL_COLUMNS = [
    "call_pk", "node", "call_id", "from_tag", "to_tag", "from_uri", "to_uri",
    "sip_code", "sip_reason", "start_time", "end_time", "duration_s",
    "received_at", "updated_at", "messages", "extra", "answer_time",
    # the stored figures (migration 013)
    "mos_average", "mos_worst", "has_mos", "packetloss_pct_average",
    "a_packetloss_pct_average", "b_packetloss_pct_average",
]


def test_schema_and_view_columns(daemon, db):
    """The tables and views have the documented columns in the documented
    order on both back ends, and the schema version is the newest
    migration."""
    d = daemon.start()
    d.stop()
    calls = call_quality_columns(db)
    assert db.columns("v_call_quality") == calls
    assert db.columns("v_leg_quality") == V_LEG_QUALITY
    assert db.columns("v_daily_quality") == V_DAILY_QUALITY
    assert db.columns("v_poor_calls") == calls
    assert db.columns("v_mos_missing_by_remote") == V_MOS_MISSING_BY_REMOTE
    assert db.columns("v_quality_hourly") == V_QUALITY_HOURLY
    assert db.columns("v_quality_daily") == ["day"] + V_QUALITY_HOURLY[1:]
    assert db.columns("v_mos_distribution") == [
        "hour", "node", "side", "mos", "calls"]
    # PostgreSQL's partition key, last in each table (migration 012)
    part = ["part_at"] if db.driver == "postgresql" else []
    assert sorted(db.columns("call")) == sorted(CALL_COLUMNS + part)
    assert db.columns("leg") == [
        "call_pk", "side", "label", "rtp_packets", "rtp_bytes",
        "rtp_errors", "rtcp_packets", "remote_addr", "remote_port",
        "protocol", "codec", "ssrc", "last_packet", "mos_missing"] + part
    assert db.columns("mos_sample") == [
        "call_pk", "scope", "kind", "seq", "mos", "packetloss_pct",
        "jitter_ms", "roundtrip_us", "roundtrip_leg_us", "samples",
        "at_offset_s", "reported_at"] + part
    sqldir = os.path.join(mt.ROOT, "sql", db.driver)
    newest = max(int(f[:3]) for f in os.listdir(sqldir)
                 if re.match(r"\d{3}_.*\.sql$", f))
    assert db.scalar("SELECT max(version) FROM moscdr_schema_version") \
        == newest


DAY1 = 1709251200       # 2024-03-01T00:00:00Z
DAY2 = DAY1 + 86400


def test_view_values(daemon, db):
    """Quality bands at the MOS values rtpengine really emits (one decimal,
    including the band edges 3.6 and 3.1), has_mos, mos_worst over the call
    and its sides, the daily aggregates, and v_poor_calls worst first."""
    calls = [
        # call_id, start, fields, band, mos_worst
        ("q1", DAY1 + 100, {"mos_average": "4.4"}, "very satisfied", 4.4),
        ("q2", DAY1 + 200, {"mos_average": "4.3"}, "satisfied", 4.3),
        ("q3", DAY1 + 300, {"mos_average": "4.0"},
         "some users dissatisfied", 4.0),
        ("q4", DAY1 + 400, {"mos_average": "3.6"},
         "some users dissatisfied", 3.6),
        ("q5", DAY1 + 500, {"mos_average": "3.1", "mos_min": "2.8"},
         "many users dissatisfied", 2.8),
        ("q6", DAY1 + 600, {"mos_average": "2.6"},
         "nearly all users dissatisfied", 2.6),
        ("q7", DAY1 + 700, {"mos_average": "2.5", "mos_average_A": "1.9",
                            "mos_A_label": "caller"},
         "not recommended", 1.9),
        ("q8", DAY1 + 800, {"sip_code": 200}, None, None),
        ("q9", DAY2 + 100, {"mos_average": "4.1"}, "satisfied", 4.1),
        ("q10", DAY2 + 200, {"mos_average": "4.2"}, "satisfied", 4.2),
        ("q11", None, {"mos_average": "4.4"}, "very satisfied", 4.4),
    ]
    today_before = datetime.datetime.now(datetime.timezone.utc).date()
    d = daemon.start()
    for cid, start, fields, _, _ in calls:
        m = {"call_id": cid}
        if start is not None:
            m["start_time"] = start
            m["end_time"] = start + 60
        m.update(fields)
        d.send(m)
    d.stop()
    today_after = datetime.datetime.now(datetime.timezone.utc).date()

    for cid, _, fields, band, worst in calls:
        v = vcq(db, cid)
        assert v["quality_band"] == band, (cid, v["mos_average"])
        if worst is None:
            assert v["mos_worst"] is None, cid
            assert is_false(v["has_mos"]), cid
        else:
            assert v["mos_worst"] == pytest.approx(worst, abs=1e-6), cid
            assert is_true(v["has_mos"]), cid

    daily = {(mt.to_day(r["day"]), r["node"]): r for r in
             db.query_dicts("SELECT * FROM v_daily_quality")}
    d1 = daily.pop(("2024-03-01", "test"))
    approx_row(d1, {
        "calls": 8, "calls_with_mos": 7, "share_with_mos": 7 / 8,
        "mos_average": (4.4 + 4.3 + 4.0 + 3.6 + 3.1 + 2.6 + 2.5) / 7,
        "mos_min": 2.8,
        "share_very_satisfied": 1 / 7, "share_satisfied": 1 / 7,
        "share_some_dissatisfied": 2 / 7, "share_many_dissatisfied": 1 / 7,
        "share_nearly_all_dissatisfied": 1 / 7,
        "share_not_recommended": 1 / 7}, "2024-03-01")
    d2 = daily.pop(("2024-03-02", "test"))
    approx_row(d2, {
        "calls": 2, "calls_with_mos": 2, "share_with_mos": 1.0,
        "mos_average": 4.15, "mos_min": None,
        "share_very_satisfied": 0, "share_satisfied": 1.0,
        "share_some_dissatisfied": 0, "share_many_dissatisfied": 0,
        "share_nearly_all_dissatisfied": 0,
        "share_not_recommended": 0}, "2024-03-02")
    # q11 has no start_time: it counts on the day it was received.
    assert len(daily) == 1, daily
    (day, node), d3 = daily.popitem()
    assert node == "test"
    assert day in (today_before.isoformat(), today_after.isoformat())
    assert d3["calls"] == 1 and d3["share_very_satisfied"] == 1.0

    poor = db.query("SELECT call_id, mos_worst FROM v_poor_calls")
    assert [r[0] for r in poor] == ["q7", "q6", "q5"]
    assert db.columns("v_poor_calls") == call_quality_columns(db)


# ---------------------------------------------------------- two daemons

def test_two_daemons_share_one_postgresql(pg_daemon, pg_db):
    """Two daemons with different node names on one PostgreSQL database,
    started together (both migrate) and fed the same call_ids at the same
    time: two calls per call_id, one per node, and no database error."""
    a = pg_daemon.start(node="node-a", wait_ready=False)
    b = pg_daemon.start(node="node-b", wait_ready=False)
    a.wait_ready()
    b.wait_ready()
    n = 300
    for i in range(n):
        m = {"call_id": "shared-%04d@test" % i, "mos_average": "4.0"}
        a.send(m)
        b.send(m)
    sa = a.stop()
    sb = b.stop()
    for st in (sa, sb):
        assert st["stored"] == n and st["calls_new"] == n
        assert st["db_errors"] == 0
        assert st["spool_written"] == 0
    assert pg_db.scalar("SELECT count(*) FROM call") == 2 * n
    rows = pg_db.query("SELECT call_id, count(*), min(node), max(node) "
                       "FROM call GROUP BY call_id")
    assert len(rows) == n
    assert all(r[1:] == (2, "node-a", "node-b") for r in rows), rows[:5]
    assert pg_db.scalar("SELECT count(*) FROM moscdr_schema_version") >= 1


# ----------------------------------------------------------- the CLI

def run_cli(moscdrd, *args):
    return subprocess.run([moscdrd] + list(args), capture_output=True,
                          text=True, timeout=30)


def test_config_check_ok(moscdrd, tmp_path):
    """-t accepts the shipped configuration (its data paths moved to a
    directory of the test's own: -t checks that they are writable)."""
    conf = os.path.join(mt.ROOT, "conf", "moscdrd.conf")
    r = run_cli(moscdrd, "-t", "-f", conf,
                "-o", "database.path=%s" % (tmp_path / "m.db"),
                "-o", "spool.dir=%s" % (tmp_path / "spool"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("configuration OK: %s " % conf), r.stdout


BROKEN_CONFIGS = [
    # what is wrong, file text, line of the error
    ("unknown top-level option", 'node = "x"\n\nnosuch = 1\n', 3),
    ("unknown option in a section",
     'node = "x"\ndatabase {\n\tnosuch_option = 1\n}\n', 3),
    ("syntax error in a section",
     'node = "x"\n\ndatabase {\n\tdriver = = "sqlite"\n}\n', 4),
    ("bad value in a section",
     'node = "x"\n\ndatabase {\n\tbatch_size = 10\n'
     '\tdriver = "oracle"\n}\n', 5),
    ("stray closing brace", 'node = "x"\n\n}\n', 3),
]


@pytest.mark.parametrize("what,text,line", BROKEN_CONFIGS,
                         ids=[c[0].replace(" ", "-") for c in BROKEN_CONFIGS])
def test_config_check_broken_file(moscdrd, tmp_path, what, text, line):
    """-t on a broken file exits 1 and names the file and the line of the
    error."""
    p = tmp_path / "broken.conf"
    p.write_text(text)
    r = run_cli(moscdrd, "-t", "-f", str(p))
    assert r.returncode == 1, what
    out = r.stdout + r.stderr
    assert "configuration OK" not in out
    assert re.search(re.escape(str(p)) + r":%d: " % line, out), out


def test_config_check_truncated_file(moscdrd, tmp_path):
    """-t on a file that ends inside a section (a truncated copy) fails."""
    p = tmp_path / "truncated.conf"
    p.write_text('node = "x"\n\ndatabase {\n\tdriver = "sqlite"\n')
    r = run_cli(moscdrd, "-t", "-f", str(p))
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert re.search(re.escape(str(p)) + r":\d+: ", out), out


def test_override_unknown_option_fails(moscdrd):
    """-o with an option that does not exist fails and names it."""
    conf = os.path.join(mt.ROOT, "conf", "moscdrd.conf")
    r = run_cli(moscdrd, "-t", "-f", conf, "-o", "database.no_such=1")
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert "configuration OK" not in out
    assert "no_such" in out, out


def test_override_applies(moscdrd):
    """-o values are checked like file values: a number that does not
    parse is refused."""
    conf = os.path.join(mt.ROOT, "conf", "moscdrd.conf")
    r = run_cli(moscdrd, "-t", "-f", conf, "-o", "database.batch_size=abc")
    assert r.returncode != 0
    assert "configuration OK" not in r.stdout + r.stderr


def test_answer_time_ringing_and_talk(daemon, db):
    """Proves: answer_time (the 2xx) is stored, a later message without
    one does not erase it, and v_call_quality gives ringing (start to
    answer) and talk (answer to end) apart, in seconds, while duration_s
    counts both; a call never answered has NULL ringing and talk, never
    0."""
    d = daemon.start()
    d.send({"call_id": "ans-1@test", "start_time": "1700000000.250",
            "answer_time": "1700000004.500", "end_time": 1700000064.75,
            "mos_average": "4.2"})
    d.send({"call_id": "ans-1@test", "end_time": 1700000064.75})
    d.send({"call_id": "ans-2@test", "start_time": 1700000000,
            "end_time": 1700000003, "sip_code": 486})
    d.stop()
    rows = db.query_dicts("SELECT call_id, ringing_s, talk_s, duration_s,"
                          " messages FROM v_call_quality ORDER BY call_id")
    assert len(rows) == 2
    a, b = rows
    assert a["messages"] == 2
    assert a["ringing_s"] == pytest.approx(4.25, abs=1e-3)
    assert a["talk_s"] == pytest.approx(60.25, abs=1e-3)
    assert a["duration_s"] == pytest.approx(64.5, abs=1e-3)
    assert b["ringing_s"] is None and b["talk_s"] is None
    assert b["duration_s"] == pytest.approx(3.0, abs=1e-3)
    assert db.scalar("SELECT count(*) FROM call WHERE answer_time IS NULL"
                     ) == 1
