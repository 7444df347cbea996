"""Known calls for the reporting tests (test_sql_examples.py,
test_grafana.py): a small set spread over yesterday, the last hour, today
and earlier days, on two nodes, with and without MOS, with one side worse
than the other and with high packet loss, plus one call with rtpengine's
MOS progression. The calls go through the real daemon; the expected
answers are computed here, in Python, from the same definitions the views
document (sql/*/views.sql), not read back from the database.
"""

import time

import moscdr_test as mt

DAY = 86400.0
PROGRESSION_CALL_ID = "a84b4c76e66710@192.0.2.10"


class Call:
    """One call as sent: MOS values of the whole call and of each side
    (None = not sent), average packet loss per scope."""

    def __init__(self, call_id, node, start, mos=None, mos_min=None,
                 a=None, b=None, loss=None, a_loss=None, b_loss=None,
                 jitter=None, duration=60.0, sip_code=200):
        self.call_id = call_id
        self.node = node
        self.start = start
        self.mos = mos
        self.mos_min = mos_min
        self.a = a
        self.b = b
        self.loss = loss
        self.a_loss = a_loss
        self.b_loss = b_loss
        self.jitter = jitter
        self.duration = duration
        self.sip_code = sip_code

    @property
    def has_mos(self):
        return any(v is not None for v in (self.mos, self.mos_min, self.a,
                                           self.b))

    @property
    def mos_worst(self):
        known = [v for v in (self.mos, self.mos_min, self.a, self.b)
                 if v is not None]
        return min(known) if known else None

    @property
    def band(self):
        m = self.mos
        if m is None:
            return None
        for limit, name in ((4.34, "very satisfied"), (4.03, "satisfied"),
                            (3.60, "some users dissatisfied"),
                            (3.10, "many users dissatisfied"),
                            (2.58, "nearly all users dissatisfied")):
            if m >= limit:
                return name
        return "not recommended"

    def message(self):
        m = {"v": 1, "call_id": self.call_id, "node": self.node,
             "start_time": self.start, "end_time": self.start + self.duration,
             "sip_code": self.sip_code, "sip_reason": "OK"}
        # As Kamailio writes AVPs: strings.
        for key, v in (("mos_average", self.mos), ("mos_min", self.mos_min),
                       ("mos_average_A", self.a), ("mos_average_B", self.b),
                       ("mos_average_packetloss", self.loss),
                       ("mos_average_packetloss_A", self.a_loss),
                       ("mos_average_packetloss_B", self.b_loss),
                       ("mos_average_jitter", self.jitter)):
            if v is not None:
                m[key] = "%g" % v
        if self.a is not None or self.a_loss is not None:
            m["mos_A_label"] = "caller"
        if self.b is not None or self.b_loss is not None:
            m["mos_B_label"] = "callee"
        return m


def day_start(t):
    return t - (t % DAY)


def dataset(now):
    """The known calls, placed relative to now (unix s)."""
    today = day_start(now)
    y = today - DAY
    return [
        Call("y1@test", "kam1", y + 10 * 3600, mos=4.2, a=4.3, b=4.0, loss=1,
             jitter=3),
        Call("y2@test", "kam1", y + 14 * 3600, mos=3.0, mos_min=2.5, a=3.4,
             b=2.8, loss=4, b_loss=7, jitter=12),
        Call("y3@test", "kam2", y + 9 * 3600, mos=3.8, a=3.7, b=3.9, loss=0,
             jitter=5),
        Call("y4@test", "kam2", y + 11 * 3600, sip_code=200),
        Call("h1@test", "kam1", now - 600, mos=2.9, mos_min=2.6, a=3.0, b=2.9,
             loss=6, jitter=20),
        Call("h2@test", "kam2", now - 1200, mos=4.4, a=4.4, b=4.3, loss=0,
             jitter=2),
        Call("h3@test", "kam1", now - 1800),
        # Exactly 3.1 is not "below 3.1" (PostgreSQL compares as real).
        Call("h4@test", "kam2", now - 2400, mos=3.1, a=3.3, b=3.1, loss=2,
             jitter=9),
        Call("t1@test", "kam2", today + (now - today) // 2, mos=3.3, a=3.2,
             b=3.5, loss=3, a_loss=5.5, jitter=8),
        Call("d3@test", "kam1", now - 3 * DAY, mos=3.5, a=3.6, b=3.3, loss=1,
             jitter=4),
        Call("d40@test", "kam1", now - 40 * DAY, mos=2.0, a=2.0, b=2.2,
             loss=9, jitter=30),
    ]


def progression_message():
    """The call of the progression example (start time in 2024)."""
    m = mt.full_message(PROGRESSION_CALL_ID)
    m["node"] = "kam1"
    return m


def load(daemon_factory):
    """Starts a daemon, sends every known call and the progression call,
    waits until all are stored, stops it. Returns (calls, now)."""
    # Whole seconds: stored times keep milliseconds, and a duration of
    # exactly 60 s must stay exactly 60 s.
    now = int(time.time())
    calls = dataset(now)
    d = daemon_factory.start()
    for c in calls:
        d.send(c.message())
    d.send(progression_message())
    n = len(calls) + 1
    mt.wait_until(lambda: d.db.count_calls() == n, 30,
                  "%d calls stored" % n)
    st = d.stop()
    assert st["stored"] == n and st["calls_new"] == n, st
    return calls, now
