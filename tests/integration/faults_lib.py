"""What the fault tests share (test_faults.py, test_restart_faults.py,
test_outage.py): the numbered message they send, the daemon's last stats
line, its /health answer, and the check that a fault left the database
consistent.
"""

import json
import re
import urllib.error
import urllib.request

import moscdr_test as mt
from moscdr_test import wait_until

# One message = 1 call, 2 legs, 5 samples (call average/min/max, A and B
# averages): a call with fewer rows than that was half-written.
LEGS_PER_CALL = 2
SAMPLES_PER_CALL = 5


def message(prefix, i, pad=0):
    """Message number i of a test: Call-ID PREFIX-NNNNNN, the MOS values
    that give LEGS_PER_CALL legs and SAMPLES_PER_CALL samples; pad adds
    an extra AVP of that many bytes."""
    m = {"v": 1, "call_id": "%s-%06d" % (prefix, i), "from_tag": "ft%d" % i,
         "mos_average": "4.1", "mos_min": "3.9", "mos_max": "4.3",
         "mos_A_label": "a", "mos_average_A": "4.0",
         "mos_B_label": "b", "mos_average_B": "4.2"}
    if pad:
        m["x_pad"] = "p" * pad
    return json.dumps(m).encode()


def last_stats(d):
    """The counters of the daemon's last stats line (log.stats_interval,
    or the exit line); {} before the first."""
    m = re.findall(r"\bstats: (.*)$", d.log, re.M)
    return mt.parse_stats(m[-1]) if m else {}


def health(d):
    """(status, body) of GET /health on the daemon's metrics listener
    (metrics.listen, its address read from the log)."""
    addr = wait_until(lambda: re.search(
        r"metrics on http://(127\.0\.0\.1:\d+)/metrics", d.log), 10,
        "the metrics address").group(1)
    try:
        with urllib.request.urlopen("http://%s/health" % addr,
                                    timeout=5) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def check_consistent(db):
    """Nothing half-written: every call has exactly the legs and samples
    of its message, nothing points at a missing call, every call was
    merged from one message; on SQLite the file passes integrity_check."""
    assert db.scalar(
        "SELECT count(*) FROM call c WHERE (SELECT count(*) FROM leg l "
        "WHERE l.call_pk = c.call_pk) <> ?", LEGS_PER_CALL) == 0
    assert db.scalar(
        "SELECT count(*) FROM call c WHERE (SELECT count(*) FROM mos_sample "
        "s WHERE s.call_pk = c.call_pk) <> ?", SAMPLES_PER_CALL) == 0
    assert db.scalar("SELECT count(*) FROM leg l WHERE NOT EXISTS (SELECT 1 "
                     "FROM call c WHERE c.call_pk = l.call_pk)") == 0
    assert db.scalar("SELECT count(*) FROM mos_sample s WHERE NOT EXISTS "
                     "(SELECT 1 FROM call c WHERE c.call_pk = s.call_pk)") == 0
    assert db.scalar("SELECT count(*) FROM call WHERE messages <> 1") == 0
    if db.driver == "sqlite":
        assert db.query("PRAGMA integrity_check") == [("ok",)]
