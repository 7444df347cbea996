"""Socket activation as systemd does it, for tests that restart moscdrd on
a socket that outlives it.

The test process plays the part of systemd and of moscdrd.socket: it
binds and holds the UDP socket (ListenSocket), and starts each moscdrd
with that socket as descriptor 3 and LISTEN_FDS=1, LISTEN_PID=<the pid of
moscdrd itself> in its environment, as sd_listen_fds(3) expects. The pid
is known only after the fork, so the child runs this file first
(`python3 sockact.py FD[,FD...] -- ARGV...`): it moves the sockets to 3,
4, ..., sets LISTEN_PID to its own pid and execs ARGV, which keeps that
pid.

While no moscdrd runs, datagrams sent to the socket wait in its receive
buffer, as they do under systemd.

    ls = ListenSocket(rcvbuf=8 << 20)
    proc = popen([moscdrd, "-d", ...], [ls])
"""

import fcntl
import os
import socket
import subprocess
import sys

SD_LISTEN_FDS_START = 3
# Where the wrapper parks the descriptors before it moves them to 3, 4, ...
_PARK_FD_MIN = 100


class ListenSocket:
    """A socket the test holds across daemon restarts: UDP on 127.0.0.1
    and a free port unless told otherwise. rcvbuf (bytes) is set before the
    bind, as systemd's ReceiveBuffer= does (SO_RCVBUFFORCE when allowed)."""

    def __init__(self, host="127.0.0.1", port=0, kind=socket.SOCK_DGRAM,
                 rcvbuf=None):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, kind)
        if rcvbuf is not None:
            try:
                self.sock.setsockopt(socket.SOL_SOCKET, 33, rcvbuf)
            except OSError:     # SO_RCVBUFFORCE needs CAP_NET_ADMIN
                self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF,
                                     rcvbuf)
        self.sock.bind((host, port))
        if kind == socket.SOCK_STREAM:
            self.sock.listen(16)
        self.host = host
        self.port = self.sock.getsockname()[1]

    @property
    def address(self):
        """As udp.listen spells it: "127.0.0.1:PORT", "[::1]:PORT"."""
        if ":" in self.host:
            return "[%s]:%d" % (self.host, self.port)
        return "%s:%d" % (self.host, self.port)

    def fileno(self):
        return self.sock.fileno()

    def rcvbuf(self):
        """SO_RCVBUF as the kernel reports it (twice the usable size)."""
        return self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF)

    def pending(self):
        """Bytes of the first datagram waiting (0: none), without taking
        it; the socket is shared with the daemon, so only a hint."""
        try:
            return len(self.sock.recv(65536, socket.MSG_PEEK |
                                      socket.MSG_DONTWAIT))
        except BlockingIOError:
            return 0

    def close(self):
        self.sock.close()


def wrap_argv(argv, fds):
    """The argv that runs argv with fds passed as systemd passes them."""
    return ([sys.executable, os.path.abspath(__file__),
             ",".join(str(f) for f in fds), "--"] + list(argv))


def popen(argv, sockets, **kw):
    """subprocess.Popen of argv with sockets (ListenSocket or anything with
    fileno()) passed as descriptors 3, 4, ... and LISTEN_FDS/LISTEN_PID
    set. The returned process's pid is the pid of argv[0]."""
    fds = [s.fileno() for s in sockets]
    return subprocess.Popen(wrap_argv(argv, fds), pass_fds=fds, **kw)


def _exec(fds, argv):
    parked = [fcntl.fcntl(f, fcntl.F_DUPFD, _PARK_FD_MIN) for f in fds]
    for f in fds:
        os.close(f)
    for i, f in enumerate(parked):
        os.dup2(f, SD_LISTEN_FDS_START + i, inheritable=True)
        os.close(f)
    env = dict(os.environ)
    env["LISTEN_FDS"] = str(len(fds))
    env["LISTEN_PID"] = str(os.getpid())
    env.pop("LISTEN_FDNAMES", None)
    os.execve(argv[0], argv, env)


if __name__ == "__main__":
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit("usage: sockact.py FD[,FD...] -- PROGRAM [ARGS...]")
    _exec([int(x) for x in sys.argv[1].split(",") if x], sys.argv[3:])
