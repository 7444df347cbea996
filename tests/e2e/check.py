#!/usr/bin/python3
"""check.py: compares moscdrd's rows with what Kamailio and rtpengine reported.

Run by tests/e2e/run.sh after each backend's calls, once moscdrd has
exited (so every message is committed). The reference is the message the
Lua script logged (MOSCDR_LOG_MESSAGES=1): every mos_* AVP the rtpengine
module filled from rtpengine_delete's reply, and rtpengine_query's reply
itself. For each case run (a directory in --work) it asserts the rows of
call, leg, mos_sample and the views v_call_quality / v_leg_quality: values
equal, units converted (roundtrip us in mos_sample, ms in the views),
missing values NULL (never 0), one call row per call; plus what the case is
about (see CASES). Prints one "ok   - ..." or "FAIL - ..." line per check.

With --refused (sender authentication: moscdrd with a key the senders do
not share) it asserts instead that each case's call was reported by the
script and that no row at all was stored. --expect-stat NAME=VALUE asserts
a counter of moscdrd's exit line (dropped_auth, auth_bad_signature, ...).
"""

import argparse
import datetime
import json
import os
import sys
import time

SCOPES = ("call", "A", "B")
LABELS = {"A": "caller", "B": "callee"}

# What each case must show beyond the common checks.
#   messages: call.messages; mos: MOS values expected; code: sip_code
CASES = {
    "clean": {"messages": 1, "mos": True, "code": 200, "ended_by": "caller"},
    "impaired": {"messages": 1, "mos": True, "code": 200},
    "nortcp": {"messages": 1, "mos": False, "code": 200},
    # RTCP from one side only, a 2 s call: which side has a MOS is
    # checked with the legs' media ("some"), not by the all-sides checks
    "oneside": {"messages": 1, "mos": "some", "code": 200},
    "short": {"messages": 1, "mos": "some", "code": 200},
    "calleebye": {"messages": 1, "mos": True, "code": 200,
                  "ended_by": "callee", "query": False},
    "both": {"messages": 2, "mos": True, "code": 200},
    "busy": {"messages": 1, "mos": False, "code": 486,
             "reason": "Busy Here"},
    "cancel": {"messages": 1, "mos": False, "code": 487,
               "reason": "Request Terminated"},
    # no BYE from the parties: the dialog module's timeout ends it; no
    # rtpengine reply from the dialog's end event (no SIP message of the
    # call), but with --timeout-reply (run.sh: the proxy sends BYEs on
    # the timeout, dialog send_bye) the first BYE reports it with one
    "timeout": {"messages": 1, "mos": True, "code": 200,
                "ended_by": "timeout", "query": False},
    # 486 whose reason phrase is Latin-1: stored, the byte repaired
    "latin1": {"messages": 1, "mos": False, "code": 486,
               "reason": "Occup\ufffd ici"},
    # a Call-ID of about 600 bytes
    "longcid": {"messages": 1, "mos": True, "code": 200,
                "ended_by": "caller"},
    # a re-INVITE half way: still one call with both labels
    "reinvite": {"messages": 1, "mos": True, "code": 200,
                 "ended_by": "caller"},
}
# The same through the routing script that is not ours (foreign.lua).
CASES["fclean"] = CASES["clean"]
# no BYE at all (the proxy sends none either): reported from the
# dialog's end event, which has no SIP message of the call, so no
# rtpengine query (its reply needs the call's Call-ID in the message)
CASES["ftimeout"] = dict(CASES["timeout"])
CASES["fbusy"] = CASES["busy"]
# native.sh: no BYE at all (MOSCDR_TIMEOUT_BYE=0), reported from
# event_route[dialog:end], over evapi (its instance has MOSCDR_QUERY=0)
CASES["endevent"] = dict(CASES["timeout"], query=False)
# Cases checked as the clean call is (mos_missing, media facts, MOS).
CLEAN = ("clean", "fclean")
# Messages each case sends over each transport (kamailio instance).
TRANSPORT = {"clean": (1, 0), "impaired": (1, 0), "nortcp": (1, 0),
             "oneside": (1, 0), "short": (1, 0),
             "calleebye": (0, 1), "both": (1, 1), "busy": (1, 0),
             "cancel": (1, 0), "timeout": (1, 0), "latin1": (1, 0),
             "longcid": (1, 0), "reinvite": (1, 0),
             "fclean": (1, 0), "ftimeout": (1, 0), "fbusy": (1, 0),
             "endevent": (0, 1)}

# rtpengine destroys a deleted call (and logs its final stats) after its
# delete-delay, 30 s by default: how long to wait for those lines.
FINAL_STATS_WAIT = float(os.environ.get("E2E_FINAL_STATS_WAIT", "45"))

# Cases whose stored packet counts must equal rtpengine's "Final packet
# stats": media through uac.xml, which stops it before the BYE, and the
# query reply sent along.
EXACT_COUNTS = ("clean", "impaired", "nortcp", "oneside", "short",
                "fclean")

# --exact-counts (run.sh): the EXACT_COUNTS cases must have been run with
# endpoints that stop before the BYE, so the exact check applies.
EXACT = {"required": False}

# Cases of --refused: the key moscdrd has is not the sender's (wrongkey),
# the sender has none (unsigned), the sender's key file is missing (nokey).
REFUSED_CASES = ("wrongkey", "unsigned", "nokey")

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
        print("ok   - " + what)
    else:
        failed += 1
        print("FAIL - " + what)
    return cond


def close(a, b, tol=1e-6):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= tol


class DB:
    """The same queries on SQLite and PostgreSQL; rows as dicts."""

    def __init__(self, args):
        self.pg = args.backend == "postgresql"
        if self.pg:
            import psycopg2
            import psycopg2.extras
            self.conn = psycopg2.connect(args.conninfo)
            self.cur = self.conn.cursor(
                cursor_factory=psycopg2.extras.RealDictCursor)
        else:
            import sqlite3
            self.conn = sqlite3.connect(args.db)
            self.conn.row_factory = sqlite3.Row
            self.cur = self.conn.cursor()

    def rows(self, sql, params=()):
        if self.pg:
            sql = sql.replace("?", "%s")
        self.cur.execute(sql, params)
        return [dict(r) for r in self.cur.fetchall()]


def epoch(t):
    """A stored time (SQLite ISO text, PG datetime) as unix seconds."""
    if t is None:
        return None
    if isinstance(t, datetime.datetime):
        return t.timestamp()
    d = datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%S.%fZ")
    return d.replace(tzinfo=datetime.timezone.utc).timestamp()


def messages_from_logs(paths):
    """call_id -> [message dict] from the Lua script's log lines."""
    out = {}
    for p in paths:
        with open(p, errors="replace") as f:
            for line in f:
                i = line.find("moscdr: message {")
                if i < 0:
                    continue
                m = json.loads(line[i + len("moscdr: message "):])
                out.setdefault(m["call_id"], []).append(m)
    return out


def at_seconds(v):
    m, s = v.split(":")
    return int(m) * 60 + int(s)


def expected_sample(msg, scope, kind):
    """The mos_sample row the AVPs of one scope/kind describe."""
    sfx = "" if scope == "call" else "_" + scope

    def g(metric):
        return msg.get("mos_" + kind + metric + sfx)

    def num(v, conv):
        return None if v is None else conv(v)

    mos = num(g(""), float)
    row = {
        "mos": mos if mos else None,
        "packetloss_pct": num(g("_packetloss"), float),
        "jitter_ms": num(g("_jitter"), float),
        "roundtrip_us": num(g("_roundtrip"), int),
        "roundtrip_leg_us": num(g("_roundtrip_leg"), int),
    }
    if kind == "average":
        row["samples"] = num(g("_samples"), int)
    else:
        row["at_offset_s"] = num(g("_at"), at_seconds)
    return row


def ssrc_of_label(reply, label):
    """The SSRC rtpengine's reply ties to a label (tags.*.medias.streams)."""
    for tag in (reply or {}).get("tags", {}).values():
        if tag.get("label") != label:
            continue
        for media in tag.get("medias", []):
            for st in media.get("streams", []):
                if "SSRC" in st:
                    return str(st["SSRC"])
    return None


def final_packet_stats(log, call_id, wait=FINAL_STATS_WAIT):
    """rtpengine's "Final packet stats" of a call, from its log: per label,
    the RTP and the RTCP packets received from that party. rtpengine logs
    them when it destroys the call, its delete-delay (30 s by default)
    after the delete: waits up to wait seconds for them."""
    head = "Final packet stats"
    mark = "[%s]" % call_id
    deadline = time.time() + wait
    while True:
        try:
            with open(log, errors="replace") as f:
                seen = any(head in line and mark in line for line in f)
        except OSError:
            seen = False
        if seen or time.time() >= deadline:
            break
        time.sleep(0.5)
    # the block's lines follow its head at once; let it be written out
    time.sleep(0.2)
    out, label, mine = {}, None, False
    try:
        f = open(log, errors="replace")
    except OSError:
        return out
    with f:
        for line in f:
            if "Final packet stats" in line:
                mine = ("[%s]" % call_id) in line
                label = None
                continue
            if not mine or "[%s]" % call_id not in line:
                continue
            body = line.split("[core] ", 1)[-1]
            if body.startswith("--- Tag ") and "(label '" in body:
                label = body.split("(label '", 1)[1].split("'", 1)[0]
            elif body.startswith("--------- Port") and label:
                pk = int(body.split("SSRC", 1)[1].split(",")[1].split()[0])
                kind = "rtcp" if "(RTCP)" in body else "rtp"
                d = out.setdefault(label, {"rtp": 0, "rtcp": 0})
                d[kind] += pk
    return out



def stats_file(work, name, who):
    """The summary rtpep.py wrote for endpoint who ("a", "b") of a case."""
    try:
        with open(os.path.join(work, name, who + ".stats")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def check_refused(db, be, name, msgs):
    """A call the script reported and moscdrd refused: nothing stored."""
    tag = "%s/%s" % (be, name)
    prefix = "e2e-%s-%s-" % (be, name)
    ids = [c for c in msgs if c.startswith(prefix)]
    check(len(ids) == 1 and len(msgs[ids[0]]) == 1,
          tag + ": the script reported the call once (%d call(s) logged)"
          % len(ids))
    rows = db.rows("SELECT count(*) AS n FROM call WHERE call_id LIKE ?",
                   (prefix + "%",))
    check(rows[0]["n"] == 0, tag + ": no call row stored")


def check_case(db, be, name, msgs, work, exp):
    tag = "%s/%s" % (be, name)
    prefix = "e2e-%s-%s-" % (be, name)
    ids = [c for c in msgs if c.startswith(prefix)]
    if not check(len(ids) == 1, tag + ": the script logged one call"):
        return
    cid = ids[0]
    sent = msgs[cid]
    msg = sent[0]
    check(len(sent) == 1, tag + ": one message per call (sent %d)"
          % len(sent))
    check('"' in cid and "\\" in cid,
          tag + ": Call-ID with '\"' and '\\' survived the JSON escaping")

    calls = db.rows("SELECT * FROM call WHERE call_id = ?", (cid,))
    if not check(len(calls) == 1, tag + ": exactly one call row"):
        return
    c = calls[0]
    pk = c["call_pk"]
    check(c["node"] == "e2e", tag + ": node from moscdrd's config")
    check(c["messages"] == exp["messages"],
          tag + ": messages = %d (got %s)" % (exp["messages"],
                                            c["messages"]))
    for k in ("from_tag", "to_tag", "from_uri", "to_uri"):
        check(c[k] == msg.get(k), tag + ": %s = %r" % (k, msg.get(k)))
    check("SIPpTag00" in (c["from_tag"] or "") and
          "SIPpTag01" in (c["to_tag"] or ""),
          tag + ": from_tag is the caller's, to_tag the callee's")
    check(c["sip_code"] == exp["code"], tag + ": sip_code %d" % exp["code"])
    if "reason" in exp:
        check(c["sip_reason"] == exp["reason"],
              tag + ": sip_reason %r" % exp["reason"])
    st, et = epoch(c["start_time"]), epoch(c["end_time"])
    check(close(st, msg.get("start_time"), 0.002) and
          close(et, msg.get("end_time"), 0.002),
          tag + ": start_time and end_time as sent (ms)")
    check(close(c["duration_s"], et - st, 0.01),
          tag + ": duration_s = end - start (%.3f s)" % (et - st))
    if exp["code"] == 200:
        at = msg.get("answer_time")
        check(at is not None and float(msg["start_time"]) < float(at) <
              float(msg["end_time"]),
              tag + ": answer_time sent, after start_time, before end_time")
        check(close(epoch(c["answer_time"]), at, 0.002),
              tag + ": answer_time stored as sent (ms)")
        vq = db.rows("SELECT ringing_s, talk_s FROM v_call_quality WHERE "
                     "call_pk = ?", (c["call_pk"],))[0]
        check(close(vq["ringing_s"], float(at) - st, 0.01) and
              close(vq["talk_s"], et - float(at), 0.01),
              tag + ": v_call_quality ringing_s %.3f + talk_s %.3f apart"
              % (float(at) - st, et - float(at)))
    if name == "longcid":
        check(len(cid.encode()) >= 600,
              tag + ": Call-ID of %d bytes stored" % len(cid.encode()))
    if "ended_by" in exp:
        extra = c["extra"]
        if isinstance(extra, str):
            extra = json.loads(extra)
        check((extra or {}).get("ended_by") == exp["ended_by"],
              tag + ": extra.ended_by = %s" % exp["ended_by"])

    legs = {r["side"]: r["label"] for r in
            db.rows("SELECT side, label FROM leg WHERE call_pk = ?", (pk,))}
    check(legs == LABELS, tag + ": legs A=caller, B=callee (got %r)" % legs)

    # The media facts from rtpengine's reply and the reason for no MOS.
    lm = {r["side"]: r for r in
          db.rows("SELECT * FROM leg WHERE call_pk = ?", (pk,))}
    if name == "nortcp":
        check(all(lm[sd]["mos_missing"] == "no_rtcp" and
                  (lm[sd]["rtp_packets"] or 0) > 0 and
                  lm[sd]["rtcp_packets"] == 0 for sd in "AB"),
              tag + ": RTP but no RTCP: mos_missing no_rtcp on both legs "
              "(%r)" % [(lm[sd]["mos_missing"], lm[sd]["rtp_packets"],
                         lm[sd]["rtcp_packets"]) for sd in "AB"])
    if name in CLEAN:
        check(all(lm[sd]["mos_missing"] is None for sd in "AB"),
              tag + ": both legs have a MOS: mos_missing NULL")
        check(all(lm[sd]["remote_addr"] == "127.0.0.1" and
                  lm[sd]["protocol"] == "RTP/AVP" and
                  lm[sd]["codec"] == "PCMU/8000" for sd in "AB"),
              tag + ": legs' remote_addr, protocol and codec from the reply")
    if name in EXACT_COUNTS:
        # The caller's scenario makes both endpoints stop sending 0.5 s
        # before its BYE (uac.xml, rtpep.py --stop-file): rtpengine
        # receives nothing between the query (which the stored counts
        # come from) and the delete (which logs the final stats), so
        # the two are equal, per side, RTP and RTCP.
        final = final_packet_stats(
            os.path.join(os.path.dirname(work), "rtpengine", "log"), cid)
        got = {LABELS[sd]: {"rtp": lm[sd]["rtp_packets"],
                            "rtcp": lm[sd]["rtcp_packets"]} for sd in "AB"}
        eps = [stats_file(work, name, w) for w in ("a", "b")]
        stopped = [e.get("stopped_at") for e in eps]
        if all(e.get("stop_file") for e in eps) or EXACT["required"]:
            check(all(t is not None and t < float(msg["end_time"])
                      for t in stopped),
                  tag + ": both endpoints stopped sending before the BYE "
                  "(at %r, BYE at %s)" % (stopped, msg.get("end_time")))
            check(len(final) == 2 and final == got and
                  all(got[lb]["rtp"] > 0 for lb in got),
                  tag + ": leg packet counts (RTP, RTCP) %r equal "
                  "rtpengine's Final packet stats %r" % (got, final))
        else:
            # endpoints started without --stop-file (a runner other than
            # run.sh) send until they are stopped after the call: the
            # final stats count what came after the query too, so the
            # stored counts are at most those (more would be a side mixed
            # up or a stream counted twice)
            check(len(final) == 2 and all(
                lb in got and 0 < got[lb]["rtp"] <= final[lb]["rtp"] and
                got[lb]["rtcp"] <= final[lb]["rtcp"] for lb in final),
                  tag + ": leg packet counts (RTP, RTCP) %r at most "
                  "rtpengine's Final packet stats %r (endpoints not "
                  "stopped before the BYE)" % (got, final))

    samples = {}
    for r in db.rows("SELECT * FROM mos_sample WHERE call_pk = ?", (pk,)):
        samples[(r["scope"], r["kind"], r["seq"])] = r
    has_mos = {sd: any(k[0] == sd and r["mos"] is not None
                       for k, r in samples.items()) for sd in "AB"}
    facts = [(sd, has_mos[sd], lm[sd]["mos_missing"], lm[sd]["rtp_packets"],
              lm[sd]["rtcp_packets"]) for sd in "AB"]
    if name == "oneside":
        check(not has_mos["A"] and lm["A"]["mos_missing"] == "no_rtcp" and
              (lm["A"]["rtp_packets"] or 0) > 0 and
              lm["A"]["rtcp_packets"] == 0,
              tag + ": the caller sent no RTCP: no MOS, mos_missing no_rtcp "
              "(side, MOS, mos_missing, RTP, RTCP: %r)" % facts)
        # rtpengine (10.5) computes a side's MOS only with RTCP from both
        # parties (it needs a round trip): the callee gets none either,
        # and its reason names the cause, its peer: peer_no_rtcp
        check(not has_mos["B"] and
              lm["B"]["mos_missing"] == "peer_no_rtcp" and
              (lm["B"]["rtcp_packets"] or 0) > 0,
              tag + ": the callee sent RTCP, its peer none: no MOS, "
              "mos_missing peer_no_rtcp (%r)" % facts)
        day = db.rows("SELECT share_no_mos_peer_no_rtcp AS p, calls FROM "
                      "v_daily_quality")
        remote = db.rows("SELECT calls FROM v_mos_missing_by_remote WHERE "
                         "mos_missing = 'peer_no_rtcp' AND "
                         "remote_addr = '127.0.0.1'")
        # (summed over the days: the run may cross midnight UTC)
        check(day and close(sum((d["p"] or 0) * d["calls"] for d in day),
                            1, 1e-6) and
              len(remote) == 1 and remote[0]["calls"] == 1,
              tag + ": v_daily_quality's share_no_mos_peer_no_rtcp counts "
              "this one call (%r), v_mos_missing_by_remote lists it (%r)"
              % (day, remote))
    if name == "short":
        # the documented rule for a leg with RTP: a MOS -> NULL, else
        # 0 RTCP packets -> no_rtcp, else 0 from the peer ->
        # peer_no_rtcp, else (under 8 s of talk) too_short
        peer = {"A": "B", "B": "A"}
        want = {sd: None if has_mos[sd] else
                "no_rtcp" if lm[sd]["rtcp_packets"] == 0 else
                "peer_no_rtcp" if lm[peer[sd]]["rtcp_packets"] == 0 else
                "too_short" for sd in "AB"}
        check(all((lm[sd]["rtp_packets"] or 0) > 0 and
                  lm[sd]["mos_missing"] == want[sd] for sd in "AB"),
              tag + ": mos_missing as the rule gives, %r (side, MOS, "
              "mos_missing, RTP, RTCP: %r)" % (want, facts))
    if exp["mos"] == "some":
        return
    v = db.rows("SELECT * FROM v_call_quality WHERE call_pk = ?", (pk,))[0]

    if not exp["mos"]:
        mos_avps = [k for k in msg if k.startswith("mos_")
                    and not k.endswith("_label")]
        check(not mos_avps, tag + ": rtpengine filled no MOS AVP")
        check(all(r["mos"] is None for r in samples.values()),
              tag + ": every stored MOS is NULL (never 0)")
        check(v["mos_average"] is None and v["a_mos_average"] is None and
              v["b_mos_average"] is None and v["quality_band"] is None and
              not v["has_mos"],
              tag + ": v_call_quality: no MOS, no band, has_mos false")
        return

    for scope in SCOPES:
        for kind in ("average", "min", "max"):
            want = expected_sample(msg, scope, kind)
            got = samples.get((scope, kind, 0))
            if not check(got is not None and want["mos"] is not None,
                         tag + ": mos_sample %s/%s present" % (scope, kind)):
                continue
            diffs = [k for k, w in want.items()
                     if not close(got[k], w, 1e-4)]
            check(not diffs, tag + ": mos_sample %s/%s equals the AVPs%s"
                  % (scope, kind, " (differs: %s; want %r got %r)"
                     % (diffs, want, {k: got[k] for k in diffs})
                     if diffs else ""))

    # the views, with the units they promise
    want_v = {
        "mos_average": float(msg["mos_average"]),
        "mos_min": float(msg["mos_min"]),
        "mos_max": float(msg["mos_max"]),
        "mos_min_at_s": at_seconds(msg["mos_min_at"]),
        "roundtrip_ms_average": int(msg["mos_average_roundtrip"]) / 1000.0,
        "roundtrip_leg_ms_average":
            int(msg["mos_average_roundtrip_leg"]) / 1000.0,
        "a_mos_average": float(msg["mos_average_A"]),
        "b_mos_average": float(msg["mos_average_B"]),
        "a_roundtrip_ms_average":
            int(msg["mos_average_roundtrip_A"]) / 1000.0,
        "b_roundtrip_ms_average":
            int(msg["mos_average_roundtrip_B"]) / 1000.0,
        "a_packetloss_pct_average": float(msg["mos_average_packetloss_A"]),
        "b_packetloss_pct_average": float(msg["mos_average_packetloss_B"]),
        "samples": int(msg["mos_average_samples"]),
    }
    diffs = [k for k, w in want_v.items() if not close(v[k], w, 1e-4)]
    check(not diffs, tag + ": v_call_quality equals the AVPs, round trip "
          "in ms (%.3f ms = %s us)%s" % (
              want_v["roundtrip_ms_average"], msg["mos_average_roundtrip"],
              "" if not diffs else " differs: %r" %
              {k: (want_v[k], v[k]) for k in diffs}))
    worst = min(float(msg[k]) for k in
                ("mos_average", "mos_min", "mos_average_A", "mos_min_A",
                 "mos_average_B", "mos_min_B"))
    check(close(v["mos_worst"], worst, 1e-4) and bool(v["has_mos"]),
          tag + ": mos_worst %.1f, has_mos true" % worst)
    band = next(b for lim, b in (
        (4.34, "very satisfied"), (4.03, "satisfied"),
        (3.60, "some users dissatisfied"), (3.10, "many users dissatisfied"),
        (2.58, "nearly all users dissatisfied"), (0, "not recommended"))
        if want_v["mos_average"] >= lim)
    check(v["quality_band"] == band, tag + ": quality_band %r" % band)

    # rtpengine's own reply (the query, just before the delete)
    reply = msg.get("rtpengine")
    if isinstance(reply, str):      # sent as JSON text
        reply = json.loads(reply)
    if exp.get("query", True) is False:
        prog = [k for k in samples if k[1] == "progression"]
        check(reply is None and not prog,
              tag + ": no rtpengine reply sent (MOSCDR_QUERY=0, or no SIP "
              "message of the call), no progression stored")
        return
    check(isinstance(reply, dict) and reply.get("result") == "ok",
          tag + ": the message carries rtpengine's query reply")
    for side in ("A", "B"):
        ssrc = ssrc_of_label(reply, LABELS[side])
        stats = (reply or {}).get("SSRC", {}).get(ssrc or "", {})
        avg = stats.get("average MOS", {})
        check(ssrc is not None and "MOS" in avg and
              abs(avg["MOS"] / 10.0 - float(msg["mos_average_" + side]))
              <= 0.1001,
              tag + ": side %s: rtpengine's average MOS %s agrees with "
              "mos_average_%s %s" % (side, avg.get("MOS"), side,
                                     msg["mos_average_" + side]))
        entries = stats.get("MOS progression", {}).get("entries", [])
        got = sorted((r for k, r in samples.items()
                      if k[0] == side and k[1] == "progression"),
                     key=lambda r: r["seq"])
        want = [(e["MOS"] / 10.0 if e["MOS"] else None,
                 e["round-trip time"], e["reported at"]) for e in entries]
        have = [(r["mos"], r["roundtrip_us"], epoch(r["reported_at"]))
                for r in got]
        same = len(want) == len(have) and all(
            close(w[0], h[0], 1e-4) and w[1] == h[1] and
            close(w[2], h[2], 0.001) for w, h in zip(want, have))
        check(len(want) > 0 and same,
              tag + ": side %s: %d progression samples as rtpengine "
              "reported them%s" % (side, len(want), "" if same else
                                   " (want %r got %r)" % (want, have)))
        lq = db.rows("SELECT progression_points, label FROM v_leg_quality"
                     " WHERE call_pk = ? AND side = ?", (pk, side))
        check(len(lq) == 1 and lq[0]["progression_points"] == len(want)
              and lq[0]["label"] == LABELS[side],
              tag + ": v_leg_quality side %s: %d progression points"
              % (side, len(want)))

    a, b = stats_file(work, name, "a"), stats_file(work, name, "b")
    check(a.get("rtcp_sent", 0) > 2 and b.get("rtcp_sent", 0) > 2 and
          a.get("srs_received", 0) > 2 and b.get("srs_received", 0) > 2,
          tag + ": both endpoints sent and received RTCP through rtpengine")
    if name in CLEAN + ("calleebye", "both", "reinvite"):
        check(float(msg["mos_average_A"]) >= 4.3 and
              float(msg["mos_average_B"]) >= 4.3 and
              float(msg["mos_average_packetloss"]) == 0,
              tag + ": clean media: MOS %s / %s (A/B), no loss" % (
                  msg["mos_average_A"], msg["mos_average_B"]))
    if name == "impaired":
        loss_b = float(msg["mos_average_packetloss_B"])
        loss_a = float(msg["mos_average_packetloss_A"])
        measured = 100.0 * (b.get("last_report") or {}).get(
            "cumulative_lost", 0) / max(1, (b.get("last_report") or {})
                                        .get("expected", 1))
        check(a.get("rtp_dropped", 0) > 0 and measured > 0,
              tag + ": the caller dropped %d RTP packets, the callee "
              "measured %.1f %% loss" % (a.get("rtp_dropped", 0), measured))
        check(0 < loss_b <= 25 and loss_a == 0,
              tag + ": the callee's leg (B) reports loss %s %%, the "
              "caller's (A) %s %%" % (loss_b, loss_a))
        check(v["b_mos_average"] < v["a_mos_average"] and
              v["b_packetloss_pct_average"] > 0,
              tag + ": v_call_quality: b_mos_average %s < a_mos_average %s"
              % (v["b_mos_average"], v["a_mos_average"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--backend", required=True)
    ap.add_argument("--db")
    ap.add_argument("--conninfo")
    ap.add_argument("--work", required=True)
    ap.add_argument("--kamlog", action="append", default=[])
    ap.add_argument("--moscdrd-log", required=True)
    ap.add_argument("--name", help="run name in the Call-IDs "
                    "(e2e-NAME-CASE-...); default: the backend")
    ap.add_argument("--refused", action="store_true",
                    help="every case's message must have been refused")
    ap.add_argument("--expect-stat", action="append", default=[],
                    metavar="NAME=VALUE")
    ap.add_argument("--exact-counts", action="store_true",
                    help="the endpoints of the EXACT_COUNTS cases stop "
                    "before the BYE: stored packet counts must equal "
                    "rtpengine's final ones")
    ap.add_argument("--timeout-reply", action="store_true",
                    help="the timeout case was ended by the proxy's own "
                    "BYEs (dialog send_bye): its message must carry "
                    "rtpengine's query reply")
    args = ap.parse_args()
    EXACT["required"] = args.exact_counts
    if args.timeout_reply:
        CASES["timeout"] = dict(CASES["timeout"], query=True)
    be = args.name or args.backend

    msgs = messages_from_logs(args.kamlog)
    db = DB(args)
    ran = sorted(d for d in os.listdir(args.work)
                 if os.path.isdir(os.path.join(args.work, d)))
    # moscdrd's own counters, from its exit line
    stats = {}
    with open(args.moscdrd_log, errors="replace") as f:
        for line in f:
            if "exiting, stats:" in line:
                stats = dict(kv.split("=", 1) for kv in
                             line.split("exiting, stats:", 1)[1].split()
                             if "=" in kv)
    for kv in args.expect_stat:
        k, v = kv.split("=", 1)
        check(stats.get(k) == v, be + ": moscdrd's exit line has %s=%s "
              "(got %s)" % (k, v, stats.get(k)))

    if args.refused:
        names = [n for n in ran if n in REFUSED_CASES]
        for name in names:
            check_refused(db, be, name, msgs)
        total = db.rows("SELECT count(*) AS n FROM call")[0]["n"]
        check(total == 0 and len(names) > 0,
              be + ": no call row at all after %d refused calls"
              % len(names))
        print("# %s: %d passed, %d failed" % (be, passed, failed))
        return 0 if failed == 0 else 1

    for name in ran:
        if name in CASES:
            check_case(db, be, name, msgs, args.work, CASES[name])

    if "down" in ran:
        ids = [c for c in msgs if c.startswith("e2e-%s-down-" % be)]
        rows = db.rows("SELECT count(*) AS n FROM call WHERE call_id LIKE ?",
                       ("e2e-%s-down-%%" % be,))
        check(len(ids) == 1 and rows[0]["n"] == 0,
              be + "/down: the message sent while moscdrd was down is lost,"
              " nothing else was stored for it")
    # v_daily_quality's talk time: the answered calls' end - answer as
    # sent, summed over the days; ringing (start to answer) apart
    sent = [m for ms in msgs.values() for m in ms[:1]
            if m["call_id"].startswith("e2e-%s-" % be) and
            m.get("answer_time") and not m["call_id"].startswith(
                "e2e-%s-down-" % be)]
    talk = sum(float(m["end_time"]) - float(m["answer_time"]) for m in sent)
    ring = sum(float(m["answer_time"]) - float(m["start_time"])
               for m in sent)
    days = db.rows("SELECT talk_s_total, talk_s_average, ringing_s_average,"
                   " calls FROM v_daily_quality")
    got_talk = sum(d["talk_s_total"] or 0 for d in days)
    check(sent and len(days) >= 1 and close(got_talk, talk, 0.01 *
                                            len(sent)) and
          (len(days) > 1 or (
              close(days[0]["talk_s_average"], talk / len(sent), 0.01) and
              close(days[0]["ringing_s_average"], ring / len(sent), 0.01))),
          be + ": v_daily_quality: talk_s_total %.3f s over %d answered "
          "calls (average %.3f s), ringing apart (average %.3f s): %r"
          % (talk, len(sent), talk / max(1, len(sent)),
             ring / max(1, len(sent)), days))
    total = db.rows("SELECT count(*) AS n FROM call")[0]["n"]
    want = len([n for n in ran if n in CASES])
    check(total == want, be + ": %d call rows for %d calls" % (total, want))

    udp = sum(TRANSPORT[n][0] for n in ran if n in TRANSPORT)
    ev = sum(TRANSPORT[n][1] for n in ran if n in TRANSPORT)
    check(stats.get("received_udp") == str(udp) and
          stats.get("received_evapi") == str(ev),
          be + ": moscdrd received %d over UDP and %d over evapi (its exit "
          "line: udp=%s evapi=%s)" % (udp, ev, stats.get("received_udp"),
                                      stats.get("received_evapi")))
    refused = {k: v for k, v in stats.items()
               if (k.startswith("refused_") or k.startswith("dropped_")
                   or k.startswith("auth_") or k == "db_errors")
               and v != "0"}
    check(stats and not refused,
          be + ": nothing refused, dropped or failed in the database%s"
          % ("" if not refused else " (%r)" % refused))
    print("# %s: %d passed, %d failed" % (be, passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
