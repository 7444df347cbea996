#!/usr/bin/python3
"""ports.py: free loopback ports for the moscdr end-to-end test.

  ports.py blocks N SIZE   print N base ports, one a line, each the start
                           of SIZE consecutive ports free for UDP and TCP
                           on 127.0.0.1; the blocks do not overlap

Ports are taken from 20000..29999, below Linux's default ephemeral range,
so that no client socket of another program is handed one of them while
the test runs. A port is free when a UDP and a TCP socket can bind it.
"""

import random
import socket
import sys

LOW, HIGH = 20000, 29999


def is_free(port):
    for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
        s = socket.socket(socket.AF_INET, kind)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        finally:
            s.close()
    return True


def blocks(n, size):
    taken = set()
    out = []
    tries = 0
    while len(out) < n:
        tries += 1
        if tries > 20000:
            raise SystemExit("ports.py: no %d free blocks of %d" % (n, size))
        base = random.randrange(LOW, HIGH - size) & ~1
        span = range(base, base + size)
        if any(p in taken for p in span):
            continue
        if all(is_free(p) for p in span):
            taken.update(span)
            out.append(base)
    return out


def main():
    if len(sys.argv) != 4 or sys.argv[1] != "blocks":
        raise SystemExit("usage: ports.py blocks N SIZE")
    for b in blocks(int(sys.argv[2]), int(sys.argv[3])):
        print(b)


if __name__ == "__main__":
    main()
