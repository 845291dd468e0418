"""Running the application under uvicorn: a bound socket, timeouts, and no version in ``Server``.

    server = Server(app, "127.0.0.1", 0)      # binds now; server.port is the port it got
    server.serve()                            # until Ctrl-C (or server.stop() from another thread)
"""
from __future__ import annotations

import asyncio
import ipaddress
import json
import os
import socket
import threading

import uvicorn

from summitry.web.http import LOOPBACK_NAMES, Protocol


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def loopback_hosts(host: str) -> tuple[str, ...]:
    """The Host names a server bound to ``host`` on loopback answers to (DNS rebinding: a page of
    another site that resolves its own name to 127.0.0.1 sends that name, and is refused)."""
    return tuple(dict.fromkeys([*LOOPBACK_NAMES, host]))


def protocol_class(header_timeout: float) -> type[Protocol]:
    return type("SummitryProtocol", (Protocol,), {"header_timeout": header_timeout})


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(1024)  # connections queue from now on, before uvicorn starts accepting
    sock.set_inheritable(True)
    return sock


SETTINGS_ENV = "SUMMITRY_SERVE_SETTINGS"


def app_from_settings():
    """The application a worker process serves, from the settings its parent left in the
    environment (``Server`` with ``workers`` > 1): each worker opens its own readers."""
    from summitry.web.app import create_app
    from summitry.web.cli import _warm_up
    from summitry.web.readers import open_readers

    settings = json.loads(os.environ[SETTINGS_ENV])
    Protocol.header_timeout = settings["header_timeout"]
    _warm_up()
    return create_app(open_readers(settings["db"]), allowed_hosts=settings["allowed_hosts"],
                      cors_origins=settings["cors_origins"], token=os.environ.get("SUMMITRY_API_TOKEN") or None,
                      cache_bytes=settings["cache_bytes"])


class Server:
    """uvicorn serving ``app`` on ``host:port`` (port 0: any free port, see ``port``).

    ``idle_timeout`` closes a kept-alive connection with no new request; ``header_timeout`` cuts
    off a client that has not sent a whole request head in that time (408). With ``workers`` > 1,
    ``app`` is the settings of ``app_from_settings`` and that many processes share the socket,
    each with its own readers (uvicorn's supervisor restarts one that dies).
    """

    def __init__(self, app, host: str = "127.0.0.1", port: int = 8765, *, quiet: bool = False,
                 idle_timeout: float = 5.0, header_timeout: float = 10.0, workers: int = 1):
        self.socket = _bind(host, port)
        self.host = host
        self.port = self.socket.getsockname()[1]
        self.workers = workers
        try:
            import uvloop  # noqa: F401
            loop = "uvloop"
        except ImportError:  # pragma: no cover - uvloop is not built for every platform
            loop = "asyncio"
        options = {"loop": loop, "lifespan": "off", "server_header": False, "backlog": 1024,
                   "timeout_keep_alive": max(1, round(idle_timeout)), "access_log": not quiet,
                   "log_level": "warning" if quiet else "info"}
        if workers > 1:
            os.environ[SETTINGS_ENV] = json.dumps({**app, "header_timeout": header_timeout})
            self.config = uvicorn.Config("summitry.web.server:app_from_settings", factory=True, workers=workers,
                                         http="summitry.web.http:Protocol", **options)
        else:
            self.config = uvicorn.Config(app, http=protocol_class(header_timeout), **options)
        self.server = uvicorn.Server(self.config)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve(self) -> None:
        """Serve until stopped (Ctrl-C, SIGTERM, or ``stop()``)."""
        try:
            if self.workers > 1:
                from uvicorn.supervisors import Multiprocess

                Multiprocess(self.config, sockets=[self.socket]).run()
            else:
                self.server.run(sockets=[self.socket])
        finally:
            self.socket.close()

    def start_in_thread(self) -> threading.Thread:
        """Serve from a background thread (tests, benchmarks); returns once the server accepts."""

        def run() -> None:
            asyncio.run(self.server.serve(sockets=[self.socket]))

        thread = threading.Thread(target=run, name="summitry-server", daemon=True)
        thread.start()
        while not self.server.started and thread.is_alive():
            threading.Event().wait(0.01)
        return thread

    def stop(self) -> None:
        self.server.should_exit = True
