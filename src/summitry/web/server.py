"""Serving the WSGI application with the standard library (``wsgiref``), one thread per request."""
from __future__ import annotations

import ipaddress
import socket
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _wsgiref_server

from summitry.store import Store
from summitry.web.app import create_app


class ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True          # a client that hangs does not keep the process alive
    allow_reuse_address = True


class ThreadingWSGIServerIPv6(ThreadingWSGIServer):
    address_family = socket.AF_INET6


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass


def make_server(store: Store, host: str = "127.0.0.1", port: int = 8765, quiet: bool = False) -> WSGIServer:
    """A server bound to ``host:port`` (port 0: any free port, see ``server.server_address``),
    not yet serving: call ``serve_forever()``, and ``shutdown()`` from another thread to stop."""
    handler = QuietHandler if quiet else WSGIRequestHandler
    server_class = ThreadingWSGIServerIPv6 if ":" in host else ThreadingWSGIServer
    return _wsgiref_server(host, port, create_app(store), server_class=server_class, handler_class=handler)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
