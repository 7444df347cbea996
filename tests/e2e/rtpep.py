#!/usr/bin/python3
"""rtpep.py: one call party's media for the moscdr end-to-end test.

It sends PCMU RTP (20 ms packets) and, once a second, an RTCP compound
packet (SR + SDES) whose report block describes the RTP it received from
the peer: fraction lost, cumulative lost, extended highest sequence number,
interarrival jitter (RFC 3550 A.8), and LSR/DLSR about the peer's last SR.
rtpengine computes a MOS only from such blocks, and needs them from both
parties (it derives each leg's round-trip time from LSR/DLSR); sipp sends
no RTCP, hence this program.

The remote media address is the one rtpengine wrote into the SDP this
party received. The sipp scenario extracts it and writes "ADDRESS PORT"
into --remote-file; this program waits for that file, so it can be started
before the call. RTP goes to PORT, RTCP to PORT+1; it listens on --port and
--port+1 (the port the scenario put into its own SDP).

Impairments (all on what this party sends): --drop PERCENT drops that share
of RTP packets (the peer sees loss), --jitter MS delays each RTP packet by
a random 0..MS, --delay MS delays every packet (RTP and RTCP; adds 2*MS to
the round trip). --no-rtcp sends RTP only.

It runs until SIGTERM/SIGINT or --max-seconds, then writes a JSON summary
to --stats (what it sent, dropped, received, and the last report block).
With --stop-file PATH it stops sending (RTP and RTCP, also what is still
queued by --delay/--jitter) once PATH exists and only receives from then
on: the caller's scenario creates that file shortly before its BYE, so
that rtpengine receives nothing between its query and its delete.
"""

import argparse
import heapq
import json
import os
import random
import select
import signal
import socket
import struct
import sys
import time

NTP_OFFSET = 2208988800  # seconds from 1900-01-01 to 1970-01-01
CLOCK = 8000             # PCMU clock rate
PTIME = 0.020
SAMPLES = int(CLOCK * PTIME)
PCMU_SILENCE = b"\xff" * SAMPLES


def ntp_now(now):
    """NTP timestamp (msw, lsw) of a unix time."""
    sec = int(now) + NTP_OFFSET
    frac = int((now - int(now)) * (1 << 32)) & 0xFFFFFFFF
    return sec & 0xFFFFFFFF, frac


class Receiver:
    """RFC 3550 receiver statistics for one incoming RTP source."""

    def __init__(self):
        self.ssrc = None
        self.base_seq = 0
        self.max_seq = 0
        self.cycles = 0
        self.received = 0
        self.expected_prior = 0
        self.received_prior = 0
        self.transit = None
        self.jitter = 0.0
        self.lsr = 0           # middle 32 bits of the last SR's NTP time
        self.lsr_arrival = None
        self.srs = 0

    def on_rtp(self, pkt, now):
        if len(pkt) < 12 or (pkt[0] >> 6) != 2:
            return
        seq, ts, ssrc = struct.unpack("!HII", pkt[2:12])
        if self.ssrc != ssrc:
            # a new source (or the first): restart the statistics
            self.__init__()
            self.ssrc = ssrc
            self.base_seq = seq
            self.max_seq = seq
        else:
            delta = (seq - self.max_seq) & 0xFFFF
            if 0 < delta < 3000:
                if seq < self.max_seq:
                    self.cycles += 1 << 16
                self.max_seq = seq
            elif delta != 0 and delta <= 0xFFFF - 100:
                # a big jump: treat as a restart of the sequence
                self.base_seq = seq
                self.max_seq = seq
                self.cycles = 0
                self.received = 0
                self.expected_prior = 0
                self.received_prior = 0
        self.received += 1
        arrival = int(now * CLOCK)
        transit = (arrival - ts) & 0xFFFFFFFF
        if self.transit is not None:
            d = abs(((transit - self.transit + (1 << 31)) & 0xFFFFFFFF)
                    - (1 << 31))
            self.jitter += (d - self.jitter) / 16.0
        self.transit = transit

    def on_rtcp(self, pkt, now):
        # walk the compound packet; keep the SR's NTP time
        off = 0
        while off + 8 <= len(pkt):
            pt = pkt[off + 1]
            length = (struct.unpack("!H", pkt[off + 2:off + 4])[0] + 1) * 4
            if pt == 200 and off + 20 <= len(pkt):
                msw, lsw = struct.unpack("!II", pkt[off + 8:off + 16])
                self.lsr = ((msw & 0xFFFF) << 16) | (lsw >> 16)
                self.lsr_arrival = now
                self.srs += 1
            off += length

    def report_block(self, now):
        """(block bytes, summary dict) or (None, None) before any RTP."""
        if self.ssrc is None:
            return None, None
        ext_max = self.cycles + self.max_seq
        expected = ext_max - self.base_seq + 1
        lost = expected - self.received
        lost_c = max(min(lost, 0x7FFFFF), -0x800000)
        exp_int = expected - self.expected_prior
        rec_int = self.received - self.received_prior
        self.expected_prior = expected
        self.received_prior = self.received
        lost_int = exp_int - rec_int
        fraction = 0 if exp_int <= 0 or lost_int <= 0 else \
            min((lost_int << 8) // exp_int, 255)
        dlsr = 0
        if self.lsr_arrival is not None:
            # rounded down, so rtpengine's RTT never comes out negative
            dlsr = int((now - self.lsr_arrival) * 65536)
        block = struct.pack("!IIIIII", self.ssrc,
                            (fraction << 24) | (lost_c & 0xFFFFFF),
                            ext_max & 0xFFFFFFFF, int(self.jitter),
                            self.lsr, dlsr)
        summary = {"ssrc": self.ssrc, "fraction_lost": fraction,
                   "cumulative_lost": lost, "expected": expected,
                   "received": self.received, "highest_seq": ext_max,
                   "jitter_units": int(self.jitter),
                   "jitter_ms": self.jitter * 1000.0 / CLOCK,
                   "lsr": self.lsr, "dlsr": dlsr}
        return block, summary


def read_remote(path):
    try:
        with open(path) as f:
            parts = f.read().split()
    except OSError:
        return None
    if len(parts) < 2:
        return None
    try:
        return parts[0], int(parts[1])
    except ValueError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--remote-file", required=True)
    ap.add_argument("--drop", type=float, default=0.0)
    ap.add_argument("--jitter", type=float, default=0.0)
    ap.add_argument("--delay", type=float, default=0.0)
    ap.add_argument("--no-rtcp", action="store_true")
    ap.add_argument("--rtcp-interval", type=float, default=1.0)
    ap.add_argument("--max-seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--stats", default=None)
    ap.add_argument("--stop-file", default=None)
    args = ap.parse_args()

    rnd = random.Random(args.seed)
    rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rtp.bind((args.bind, args.port))
    rtcp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rtcp.bind((args.bind, args.port + 1))
    for s in (rtp, rtcp):
        s.setblocking(False)

    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))

    ssrc = rnd.getrandbits(32)
    seq = rnd.getrandbits(16)
    ts = rnd.getrandbits(32)
    cname = ("rtpep-%d@127.0.0.1" % args.port).encode()
    rx = Receiver()
    out = []   # heap of (due, n, socket, bytes, addr): delayed sends
    nout = 0
    sent = dropped = octets = rtcp_sent = 0
    last_block = None
    remote = None
    started = time.time()
    next_rtp = next_rtcp = None
    stopped_at = None

    def queue(due, sock, data, addr):
        nonlocal nout
        nout += 1
        heapq.heappush(out, (due, nout, sock, data, addr))

    while not stop and time.time() - started < args.max_seconds:
        now = time.time()
        if stopped_at is None and args.stop_file and \
                os.path.exists(args.stop_file):
            # the caller is about to hang up: send nothing more
            stopped_at = now
            out.clear()
            next_rtp = next_rtcp = None
        if remote is None and stopped_at is None:
            remote = read_remote(args.remote_file)
            if remote is not None:
                next_rtp = now
                next_rtcp = now + args.rtcp_interval / 2
        if remote is not None and stopped_at is None:
            while next_rtp <= now:
                hdr = struct.pack("!BBHII", 0x80, 0, seq, ts, ssrc)
                seq = (seq + 1) & 0xFFFF
                ts = (ts + SAMPLES) & 0xFFFFFFFF
                if args.drop > 0 and rnd.random() * 100.0 < args.drop:
                    dropped += 1
                else:
                    extra = rnd.uniform(0, args.jitter) if args.jitter else 0
                    queue(next_rtp + (args.delay + extra) / 1000.0, rtp,
                          hdr + PCMU_SILENCE, remote)
                    sent += 1
                    octets += len(PCMU_SILENCE)
                next_rtp += PTIME
            if not args.no_rtcp and next_rtcp <= now:
                block, summary = rx.report_block(now)
                msw, lsw = ntp_now(now)
                # RTP time of "now" on this sender's clock
                rtp_now = (ts - int((next_rtp - now) * CLOCK)) & 0xFFFFFFFF
                rc = 1 if block else 0
                sr = struct.pack("!BBHIIIIII", 0x80 | rc, 200,
                                 6 + 6 * rc, ssrc, msw, lsw, rtp_now,
                                 sent & 0xFFFFFFFF, octets & 0xFFFFFFFF)
                if block:
                    sr += block
                    last_block = summary
                item = struct.pack("!BB", 1, len(cname)) + cname
                chunk = struct.pack("!I", ssrc) + item + b"\0"
                chunk += b"\0" * (-len(chunk) % 4)
                sdes = struct.pack("!BBH", 0x81, 202,
                                   len(chunk) // 4) + chunk
                addr = (remote[0], remote[1] + 1)
                queue(now + args.delay / 1000.0, rtcp, sr + sdes, addr)
                rtcp_sent += 1
                next_rtcp += args.rtcp_interval
        while out and out[0][0] <= now:
            _, _, sock, data, addr = heapq.heappop(out)
            try:
                sock.sendto(data, addr)
            except OSError:
                pass
        wake = [now + 0.05]
        if out:
            wake.append(out[0][0])
        if next_rtp is not None:
            wake.append(next_rtp)
        if next_rtcp is not None and not args.no_rtcp:
            wake.append(next_rtcp)
        timeout = max(0.0, min(wake) - time.time())
        try:
            ready, _, _ = select.select([rtp, rtcp], [], [], timeout)
        except InterruptedError:
            continue
        for s in ready:
            while True:
                try:
                    pkt = s.recv(2048)
                except (BlockingIOError, InterruptedError):
                    break
                except OSError:
                    break
                t = time.time()
                if s is rtp:
                    rx.on_rtp(pkt, t)
                else:
                    rx.on_rtcp(pkt, t)

    summary = {"port": args.port, "remote": remote, "ssrc": ssrc,
               "rtp_sent": sent, "rtp_dropped": dropped,
               "rtcp_sent": rtcp_sent, "rtp_received": rx.received,
               "srs_received": rx.srs, "peer_ssrc": rx.ssrc,
               "stop_file": args.stop_file, "stopped_at": stopped_at,
               "last_report": last_block}
    if args.stats:
        tmp = args.stats + ".tmp"
        with open(tmp, "w") as f:
            json.dump(summary, f)
        os.rename(tmp, args.stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
