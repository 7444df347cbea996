#!/usr/bin/python3
"""tests/bench/queries.py: the time of every query of the shipped Grafana
dashboard (contrib/grafana/moscdr.json, PostgreSQL only: it is a
PostgreSQL data source's dashboard) and of the ten SQL examples
(tests/sql/examples.sql) on one database, and the rollup check
(tests/sql/rollup_check.sql). Run by tests/bench/run.sh (make
bench) at each database size.

    queries.py sqlite PATH | postgresql CONNINFO  [--check]

Prints one line per query, "query=<name> ms=<best of 3> rows=<n>", then,
with --check, "check=rollups differences=<n>"; exits 1 when the rollups
differ from the rows (or a query fails), else 0. The dashboard's panels
are timed for the last 24 hours (its default range, $__interval 5m)
and for the last 30 days ($__interval 1h), Grafana's macros expanded as
tests/integration/test_grafana.py does.
"""

import os
import sys
import time

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(TOP, "tests", "integration"))

import test_grafana  # noqa: E402  (the dashboard loader and expander)
import test_rollup  # noqa: E402  (the rollup check, per back end)
import test_sql_examples  # noqa: E402  (the examples' parser)


def connect(driver, target):
    if driver == "sqlite":
        import sqlite3
        return sqlite3.connect("file:%s?mode=ro" % target, uri=True)
    import psycopg2
    c = psycopg2.connect(target)
    c.autocommit = True
    return c


def timed(conn, sql, runs=3):
    best, rows = None, 0
    for _ in range(runs):
        cur = conn.cursor()
        t0 = time.perf_counter()
        cur.execute(sql)
        rows = len(cur.fetchall())
        ms = (time.perf_counter() - t0) * 1000.0
        best = ms if best is None else min(best, ms)
    return best, rows


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("sqlite", "postgresql"):
        sys.stderr.write(__doc__)
        return 2
    driver, target = sys.argv[1], sys.argv[2]
    conn = connect(driver, target)
    failed = 0
    queries = []
    ex = test_sql_examples.load_examples()
    for n in sorted(ex):
        queries.append(("example%d" % n, ex[n][1][driver]))
    if driver == "postgresql":
        d = test_grafana.load_dashboard()
        now = time.time()
        var = {v["name"]: v for v in d["templating"]["list"]}
        cur = conn.cursor()
        cur.execute("SELECT DISTINCT node FROM rollup_hour ORDER BY 1")
        nodes = [r[0] for r in cur.fetchall()] or ["none"]
        for label, span, interval in (("24h", 86400, "5m"),
                                      ("30d", 30 * 86400, "1h")):
            queries.append(("grafana_%s_node_variable" % label,
                            test_grafana.expand(var["node"]["query"],
                                                now - span, now, interval,
                                                [])))
            for p in d["panels"]:
                name = "grafana_%s_%s" % (label, "".join(
                    ch if ch.isalnum() else "_" for ch in
                    p["title"].lower()).strip("_"))
                queries.append((name, test_grafana.expand(
                    p["targets"][0]["rawSql"], now - span, now, interval,
                    nodes)))
    for name, sql in queries:
        try:
            ms, rows = timed(conn, sql)
            print("query=%s ms=%.1f rows=%d" % (name, ms, rows))
        except Exception as e:  # a broken query is a failure, not a figure
            print("query=%s failed: %s" % (name, str(e).splitlines()[0]))
            failed = 1
            if driver == "postgresql":
                conn.rollback()
        sys.stdout.flush()
    if "--check" in sys.argv:
        sql = test_rollup.check_sql(driver)
        t0 = time.perf_counter()
        cur = conn.cursor()
        cur.execute(sql)
        diff = cur.fetchall()
        print("check=rollups differences=%d s=%.1f" % (
            len(diff), time.perf_counter() - t0))
        for r in diff[:10]:
            print("  difference: %r" % (r,))
        if diff:
            failed = 1
    return failed


if __name__ == "__main__":
    sys.exit(main())
