"""Fixtures of moscdr's integration tests.

- pg_cluster (session): one throwaway PostgreSQL 15 cluster started with
  tests/pg/cluster.sh on a free port in a temporary directory; destroyed at
  the end of the session, also when tests fail. When MOSCDR_TEST_PG_DIR
  names a cluster already started (tests/run-all.sh), that one is used
  and left running.
- backend: "sqlite" or "postgresql"; tests that take it run on both.
- db: a fresh database of that back end for each test (a new SQLite file,
  or CREATE DATABASE on the cluster, dropped afterwards).
- daemon: a factory; start(**overrides) runs $MOSCDRD in the foreground on
  that database and returns a ready Daemon (moscdr_test.py). Every process
  it started is killed by its pid when the test ends.
- A per-test deadline (signal.alarm; pytest-timeout may be missing) turns a
  hang into a failure; it never judges speed.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid

import pytest

import moscdr_test as mt

TEST_DEADLINE = int(os.environ.get("MOSCDR_TEST_DEADLINE", "180"))
CLUSTER_SH = os.path.join(mt.ROOT, "tests", "pg", "cluster.sh")


def moscdrd_path():
    p = os.environ.get("MOSCDRD")
    if not p:
        p = os.path.join(mt.ROOT, "build", "moscdrd")
    return os.path.abspath(p)


class DeadlineExceeded(Exception):
    pass


@pytest.fixture(autouse=True)
def deadline():
    """Fails a test that is still running after TEST_DEADLINE seconds."""
    def on_alarm(signum, frame):
        raise DeadlineExceeded("test still running after %d s" % TEST_DEADLINE)
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(TEST_DEADLINE)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="session")
def moscdrd():
    p = moscdrd_path()
    if not os.access(p, os.X_OK):
        pytest.fail("moscdrd not found at %s (build it, or set MOSCDRD)" % p)
    return p


def free_tcp_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Cluster:
    """The session's PostgreSQL cluster, driven through cluster.sh."""

    def __init__(self, existing_dir=None):
        self.conninfo = None
        if existing_dir:
            # tests/run-all.sh already started one: use it, leave it be.
            self.top = None
            self.dir = existing_dir
            with open(os.path.join(existing_dir, "port")) as f:
                self.port = int(f.read().strip())
            return
        # pytest's tmp dirs are 0700; the server runs as "postgres" and
        # must reach its directory, so it gets one of its own under /tmp.
        self.top = tempfile.mkdtemp(prefix="moscdr-it-pg-")
        os.chmod(self.top, 0o755)
        self.dir = os.path.join(self.top, "pg")
        self.port = free_tcp_port()

    def run(self, *args):
        r = subprocess.run([CLUSTER_SH] + list(args), capture_output=True,
                           text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError("cluster.sh %s failed (%d): %s%s"
                               % (" ".join(args), r.returncode, r.stdout,
                                  r.stderr))
        return r.stdout.strip()

    def start(self):
        out = self.run("start", self.dir, str(self.port))
        self.conninfo = out.splitlines()[-1]
        return self.conninfo

    def stop(self):
        self.run("stop", self.dir)

    def kill(self):
        """SIGKILL of the postmaster: the next start does crash recovery."""
        self.run("kill", self.dir)

    def is_up(self):
        r = subprocess.run([CLUSTER_SH, "status", self.dir],
                           capture_output=True, timeout=60)
        return r.returncode == 0

    def destroy(self):
        if self.top is None:
            if not self.is_up():
                self.start()
            return
        try:
            self.run("destroy", self.dir)
        finally:
            shutil.rmtree(self.top, ignore_errors=True)

    def dsn(self, dbname):
        from psycopg2.extensions import make_dsn
        return make_dsn(self.conninfo, dbname=dbname)

    def admin(self, sql):
        import psycopg2
        c = psycopg2.connect(self.dsn("postgres"))
        c.autocommit = True
        try:
            c.cursor().execute(sql)
        finally:
            c.close()


@pytest.fixture(scope="session")
def pg_cluster():
    if not os.access(CLUSTER_SH, os.X_OK):
        pytest.fail("%s missing or not executable" % CLUSTER_SH)
    cl = Cluster(os.environ.get("MOSCDR_TEST_PG_DIR"))
    try:
        cl.start()
        yield cl
    finally:
        cl.destroy()


def _pg_database(cluster):
    name = "moscdr_it_" + uuid.uuid4().hex[:12]
    if not cluster.is_up():
        cluster.start()   # a failed outage test may have left it down
    cluster.admin("CREATE DATABASE %s" % name)
    return name, mt.Database("postgresql", conninfo=cluster.dsn(name))


def _pg_drop(cluster, name):
    if not cluster.is_up():
        cluster.start()
    cluster.admin("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request):
    return request.param


@pytest.fixture
def db(request, backend, tmp_path):
    if backend == "sqlite":
        yield mt.Database("sqlite", path=str(tmp_path / "moscdr.db"))
        return
    cluster = request.getfixturevalue("pg_cluster")
    name, d = _pg_database(cluster)
    try:
        yield d
    finally:
        _pg_drop(cluster, name)


@pytest.fixture
def pg_db(pg_cluster):
    """A fresh PostgreSQL database, for tests that only make sense there."""
    name, d = _pg_database(pg_cluster)
    try:
        yield d
    finally:
        _pg_drop(pg_cluster, name)


class DaemonFactory:
    def __init__(self, binary, db, workdir):
        self.binary = binary
        self.db = db
        self.workdir = workdir
        self.started = []

    def start(self, opts=None, db=None, wait_ready=True, extra_args=(),
              listen_sockets=(), **kw):
        """Starts moscdrd with the test defaults, the database's options,
        then opts ({"section.name": value}) and kw (section__name=value),
        in that order; later ones win. Waits for 'ready'. listen_sockets
        (sockact.ListenSocket) are passed as systemd passes them; udp.listen
        defaults to the first one's address then."""
        db = db or self.db
        n = len(self.started)
        name = "moscdrd-%d" % n
        overrides = {
            "node": "test",
            "udp.listen": (listen_sockets[0].address if listen_sockets
                           else "127.0.0.1:0"),
            "spool.dir": os.path.join(self.workdir, name + "-spool"),
            "database.flush_interval": 50,
        }
        overrides.update(db.daemon_options())
        overrides.update(opts or {})
        for k, v in kw.items():
            overrides[k.replace("__", ".")] = v
        d = mt.Daemon(self.binary, db, self.workdir, name, overrides,
                      extra_args, listen_sockets)
        self.started.append(d)
        if wait_ready:
            d.wait_ready()
        return d

    def cleanup(self):
        for d in self.started:
            d.kill()


@pytest.fixture
def daemon(request, moscdrd, db, tmp_path):
    f = DaemonFactory(moscdrd, db, str(tmp_path))
    yield f
    f.cleanup()
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        for d in f.started:
            print("---- %s log (%s) ----" % (d.name, " ".join(d.argv)))
            print(d.log[-20000:])


@pytest.fixture
def pg_daemon(request, moscdrd, pg_db, tmp_path):
    f = DaemonFactory(moscdrd, pg_db, str(tmp_path))
    yield f
    f.cleanup()
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        for d in f.started:
            print("---- %s log (%s) ----" % (d.name, " ".join(d.argv)))
            print(d.log[-20000:])


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets fixtures know whether the test body failed (to print the logs).
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)
