"""Serving: compression, conditional GET, CORS, the Host allow-list, limits and timeouts answered in
JSON, keep-alive, no version in Server, a DuckDB file that stays writable while served, and
PostgreSQL connections that come back after the database does."""
from __future__ import annotations

import gzip
import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_store_support import (  # noqa: F401  (fixtures)
    TOUR,
    doc,
    line_extractor,
    pg_dsn_fixture,
    pg_server_fixture,
)

from summitry.store import open_store
from summitry.web import create_app, open_readers
from summitry.web.server import Server, loopback_hosts

SUPPORT = Path(__file__).with_name("test_store_support.py")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serving") / "store.duckdb"
    with open_store(path) as store:
        store.ingest([doc("tour", TOUR)], extract=line_extractor)
    return path


@pytest.fixture(scope="module")
def readers(db):
    found = open_readers(db)
    yield found
    found.close()


def client(readers, **options) -> TestClient:
    return TestClient(create_app(readers, **options), raise_server_exceptions=False)


# --- in process --------------------------------------------------------------------------------------

def test_answers_are_gzipped_for_clients_that_accept_it(readers):
    web = client(readers)
    packed = web.get("/api/events", headers={"accept-encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and "accept-encoding" in packed.headers["vary"].lower()
    plain = web.get("/api/events", headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert packed.json() == plain.json()


def test_conditional_get_answers_304_for_an_unchanged_answer(readers):
    web = client(readers)
    first = web.get("/api/events", params={"type": "visit"})
    tag = first.headers["etag"]
    assert tag.startswith('W/"')
    again = web.get("/api/events", params={"type": "visit"}, headers={"if-none-match": tag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == tag
    other = web.get("/api/events", params={"type": "meeting"}, headers={"if-none-match": tag})
    assert other.status_code == 200 and other.headers["etag"] != tag


def test_cors_allows_only_the_configured_origins(readers):
    web = client(readers, cors_origins=["https://analyst.example"])
    allowed = web.get("/api/stats", headers={"origin": "https://analyst.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
    other = web.get("/api/stats", headers={"origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers
    preflight = web.options("/api/stats", headers={"origin": "https://elsewhere.example",
                                                   "access-control-request-method": "GET"})
    assert preflight.status_code == 400 and "error" in preflight.json()
    assert "access-control-allow-origin" not in client(readers).get(
        "/api/stats", headers={"origin": "https://analyst.example"}).headers


def test_answers_are_kept_for_a_snapshot_and_never_given_for_newer_data(tmp_path, db):
    path = tmp_path / "kept.duckdb"
    path.write_bytes(db.read_bytes())
    readers = open_readers(path, refresh_seconds=0)
    try:
        app = create_app(readers)
        web = TestClient(app)
        first = web.get("/api/stats")
        again = web.get("/api/stats")
        assert again.json() == first.json() and again.headers["etag"] == first.headers["etag"]
        with open_store(path) as store:   # another writer adds a document
            store.ingest([doc("more", TOUR[:1], published="2023-01-01")], extract=line_extractor)
        readers.reload()
        assert web.get("/api/stats").json()["totals"]["documents"] == first.json()["totals"]["documents"] + 1
    finally:
        readers.close()


def test_a_loopback_server_answers_only_to_loopback_host_names(readers):
    web = client(readers, allowed_hosts=loopback_hosts("127.0.0.1"))
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "localhost"):
        assert web.get("/healthz", headers={"host": host}).status_code == 200, host
    rebound = web.get("/api/stats", headers={"host": "attacker.example:8765"})
    assert rebound.status_code == 421 and "attacker.example" in rebound.json()["error"]


def test_a_long_url_is_a_json_414(readers):
    reply = client(readers).get("/api/events", params={"actor": "x" * 9000})
    assert reply.status_code == 414 and reply.headers["content-type"].startswith("application/json")
    assert "URL" in reply.json()["error"]


def test_a_large_body_is_a_json_413(readers):
    reply = client(readers).post("/api/events", content=b"{" + b" " * (2 << 20) + b"}",
                                 headers={"content-type": "application/json"})
    assert reply.status_code == 413 and "error" in reply.json()


def test_every_answer_carries_the_security_headers(readers):
    web = client(readers)
    for path in ("/api/stats", "/api/nothing", "/api/events?limit=0"):
        reply = web.get(path)
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert "default-src 'none'" in reply.headers["content-security-policy"]


# --- over a socket -------------------------------------------------------------------------------------

@pytest.fixture
def served(readers):
    server = Server(create_app(readers, allowed_hosts=loopback_hosts("127.0.0.1")), "127.0.0.1", 0, quiet=True,
                    idle_timeout=1, header_timeout=0.5)
    thread = server.start_in_thread()
    yield server
    server.stop()
    thread.join(timeout=10)


def raw_exchange(port: int, data: bytes, wait: float = 5.0) -> bytes:
    """Send ``data`` and read until the server closes the connection (or ``wait`` runs out)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as sock:
        sock.sendall(data)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except TimeoutError:
            pass
    return b"".join(chunks)


def status_and_json(raw: bytes) -> tuple[int, dict]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


def test_connections_are_kept_alive_and_the_server_header_names_no_version(served):
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    conn.request("GET", "/api/events", headers={"accept-encoding": "gzip"})
    first = conn.getresponse()
    body = first.read()
    local = conn.sock.getsockname()
    conn.request("GET", "/healthz")
    second = conn.getresponse()
    second.read()
    assert first.status == second.status == 200
    assert conn.sock.getsockname() == local                       # the same connection served both
    assert first.getheader("content-encoding") == "gzip"
    assert json.loads(gzip.decompress(body))["total"] == 10
    assert first.getheader("server") is None
    conn.close()


def test_a_url_too_long_for_the_parser_is_a_json_414(served):
    status, body = status_and_json(raw_exchange(served.port, b"GET /api/events?actor=" + b"x" * 20000
                                                + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
    assert status == 414 and "URL" in body["error"]


def test_headers_too_large_are_a_json_431(served):
    status, body = status_and_json(raw_exchange(served.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                + b"X-Filler: " + b"y" * 40000 + b"\r\n\r\n"))
    assert status == 431 and "headers" in body["error"]


def test_a_request_head_sent_too_slowly_is_cut_off_with_a_json_408(served):
    started = time.monotonic()
    raw = raw_exchange(served.port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n", wait=5)
    assert time.monotonic() - started < 4
    status, body = status_and_json(raw)
    assert status == 408 and "0.5 s" in body["error"]


def test_an_idle_kept_alive_connection_is_closed(served):
    with socket.create_connection(("127.0.0.1", served.port), timeout=5) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        started = time.monotonic()
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
        assert received.startswith(b"HTTP/1.1 200") and time.monotonic() - started < 4


def test_invalid_http_is_a_json_400(served):
    status, body = status_and_json(raw_exchange(served.port, b"NOT HTTP AT ALL\r\n\r\n"))
    assert status == 400 and "HTTP" in body["error"]


# --- DuckDB: served and ingested at once ------------------------------------------------------------

def test_serving_a_duckdb_file_does_not_block_ingest(tmp_path, db):
    path = tmp_path / "live.duckdb"
    path.write_bytes(db.read_bytes())
    readers = open_readers(path, refresh_seconds=0.1)
    try:
        web = client(readers)
        before = web.get("/api/stats").json()["totals"]["documents"]
        # another process ingests into the file while the server answers requests
        ingest = subprocess.Popen([sys.executable, str(SUPPORT), str(path), "60"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        answered = 0
        while ingest.poll() is None:
            assert web.get("/api/events", params={"limit": 5}).status_code == 200
            answered += 1
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert "done" in out and answered > 0
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # the server reads the file again once the writer is done
            documents = web.get("/api/stats").json()["totals"]["documents"]
            current = web.get("/healthz").json()["database"]["current"]
            if documents == before + 60 and current:
                break
            time.sleep(0.1)
        assert documents == before + 60 and current
    finally:
        readers.close()


# --- PostgreSQL: the database goes away and comes back ----------------------------------------------

class Proxy:
    """A TCP relay on loopback to PostgreSQL that can cut every connection and refuse new ones."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = 0
        self.conns: list[socket.socket] = []
        self.listener: socket.socket | None = None
        self.restore()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client_sock, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.conns += [client_sock, upstream]
            for a, b in ((client_sock, upstream), (upstream, client_sock)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self) -> None:
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the thread waiting in accept()
        except OSError:
            pass
        self.listener.close()
        for conn in self.conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()
        self.conns = []


def test_postgres_readers_reconnect_after_the_database_comes_back(pg_dsn):
    from psycopg.conninfo import conninfo_to_dict

    with open_store(pg_dsn) as store:
        store.ingest([doc("tour", TOUR)], extract=line_extractor)
    params = conninfo_to_dict(pg_dsn)
    proxy = Proxy(params.get("host", "127.0.0.1"), int(params.get("port", 5432)))
    relayed = f"postgresql://{params['user']}@127.0.0.1:{proxy.port}/{params['dbname']}"
    readers = open_readers(relayed, wait_seconds=1, reconnect_timeout=30)
    try:
        web = client(readers)
        assert web.get("/api/stats").json()["totals"]["events"] == 10
        proxy.cut()
        down = web.get("/api/stats")
        assert down.status_code == 503 and "does not answer" in down.json()["error"]
        health = web.get("/healthz")
        assert health.status_code == 503 and health.json()["database"]["state"] == "unavailable"
        proxy.restore()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            reply = web.get("/api/stats")
            if reply.status_code == 200:
                break
            time.sleep(0.2)
        assert reply.status_code == 200 and reply.json()["totals"]["events"] == 10
        assert web.get("/healthz").json()["status"] == "ok"
    finally:
        proxy.cut()
        readers.close()


def test_several_worker_processes_serve_one_port(db, tmp_path):
    import re
    import urllib.request

    copy = tmp_path / "workers.duckdb"
    copy.write_bytes(db.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "summitry.cli", "serve", "--db", str(copy), "--port", "0",
                             "--quiet", "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://\S+/", proc.stdout.readline()).group(0)
        deadline = time.monotonic() + 60
        while True:  # the workers start after the socket is bound: the first requests wait in its queue
            try:
                with urllib.request.urlopen(url + "api/stats", timeout=30) as reply:
                    assert json.load(reply)["totals"]["events"] == 10
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.5)
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        commands = [Path(f"/proc/{c}/cmdline").read_bytes() for c in children]
        assert sum(b"multiprocessing.spawn" in c for c in commands) == 2
    finally:
        proc.terminate()
        proc.wait(timeout=30)
