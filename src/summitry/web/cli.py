"""The ``serve`` command: the HTTP API and the web app over one store."""
from __future__ import annotations

import argparse
import os
import sys

from summitry.store import StoreError

EXAMPLE = """examples:
  summitry serve --db events.duckdb                 # then open http://127.0.0.1:8765/
  summitry serve --db events.duckdb --port 9000 --quiet
  curl 'http://127.0.0.1:8765/api/travel?name=Xi+Jinping&year=2022'
  summitry serve --db postgresql://summitry@localhost:5433/summitry
"""


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "serve", help="serve a store over HTTP: JSON API and web app",
        description="Serve one store read-only: a JSON API under /api (described at /api/openapi.json) "
                    "and a web app at / to browse events and their evidence, a person's travel and the "
                    "timeline of two countries. Binds to 127.0.0.1 unless told otherwise. Reading needs no "
                    "authentication, so only bind to other addresses on a trusted network; corrections "
                    "(writes) are off unless $SUMMITRY_API_TOKEN is set, and then need it as a bearer token.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="TARGET", default=None,
                   help="a DuckDB file or a postgresql:// DSN (default: $SUMMITRY_DB, else "
                        "summitry.duckdb in the user data directory)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8765, help="port to listen on (default 8765; 0: any free port)")
    p.add_argument("--quiet", action="store_true", help="do not log each request to standard error")
    p.add_argument("--allow-host", action="append", default=None, metavar="NAME",
                   help="a Host name the server answers to (repeatable). Bound to loopback it answers only to "
                        "localhost, 127.0.0.1 and ::1 unless told more (against DNS rebinding); bound elsewhere, "
                        "to any Host unless names are given")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="a web origin (https://host:port) whose pages may call the API (repeatable; default none; "
                        "also $SUMMITRY_CORS_ORIGINS, comma-separated)")
    p.add_argument("--idle-timeout", type=float, default=5.0, metavar="SECONDS",
                   help="close a kept-alive connection idle this long (default 5)")
    p.add_argument("--header-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="close a connection whose request head is not complete after this long (default 10)")
    p.add_argument("--cache-mb", type=float, default=64.0, metavar="MB",
                   help="memory for answers kept while a DuckDB snapshot is served (default 64; 0: none). "
                        "PostgreSQL answers are never kept: others may change the data at any time")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes answering requests (default 1); each reads the store through its own "
                        "connections, and keeps its own answers")
    p.set_defaults(func=cmd_serve)


def _port(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"a port is from 0 to 65535, not {number}")
    return number


def cmd_serve(args: argparse.Namespace) -> int:
    from summitry.web.app import create_app
    from summitry.web.readers import open_readers
    from summitry.web.server import Server, is_loopback, loopback_hosts

    try:
        readers = open_readers(args.db)
    except StoreError as exc:
        print(f"summitry: {exc}", file=sys.stderr)
        return 2
    try:
        if args.workers <= 1:
            _warm_up()  # (each worker warms up on its own)
        loopback = is_loopback(args.host)
        hosts = [*(loopback_hosts(args.host) if loopback else ()), *(args.allow_host or ())]
        origins = [*args.cors_origin, *(o.strip() for o in os.environ.get("SUMMITRY_CORS_ORIGINS", "").split(",")
                                        if o.strip())]
        token = os.environ.get("SUMMITRY_API_TOKEN") or None
        cache_bytes = int(args.cache_mb * (1 << 20))
        if args.workers > 1:
            # each worker opens its own readers: this process's were only to check the store
            app = {"db": readers.target, "allowed_hosts": hosts or None, "cors_origins": origins,
                   "cache_bytes": cache_bytes}
        else:
            app = create_app(readers, allowed_hosts=hosts or None, cors_origins=origins, token=token,
                             cache_bytes=cache_bytes)
        try:
            server = Server(app, args.host, args.port, quiet=args.quiet, idle_timeout=args.idle_timeout,
                            header_timeout=args.header_timeout, workers=max(1, args.workers))
        except OSError as exc:
            print(f"summitry: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        if not loopback:
            print(f"summitry: warning: listening on {args.host}, beyond this machine; reading needs no "
                  "authentication", file=sys.stderr)
        writes = "corrections on (bearer token)" if token else "read-only (set SUMMITRY_API_TOKEN for corrections)"
        print(f"summitry: serving {readers.kind} store at {server.url} ({writes}; Ctrl-C to stop)", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
    finally:
        readers.close()
    return 0


def _warm_up() -> None:
    """Load the knowledge base and the map's points now rather than on the first requests."""
    from summitry import geo

    try:
        from summitry.kb import get_kb
    except ImportError:
        return
    get_kb()
    geo.country("USA")
