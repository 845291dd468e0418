"""The ``serve`` command: the HTTP API and the web app over one store."""
from __future__ import annotations

import argparse
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
        "serve", help="serve a store over HTTP: JSON API and web app (read-only)",
        description="Serve one store read-only: a JSON API under /api (described at /api/openapi.json) "
                    "and a web app at / to browse events and their evidence, a person's travel and the "
                    "timeline of two countries. Binds to 127.0.0.1 unless told otherwise; there is no "
                    "authentication, so only bind to other addresses on a trusted network.",
        epilog=EXAMPLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", metavar="TARGET", default=None,
                   help="a DuckDB file or a postgresql:// DSN (default: $SUMMITRY_DB, else "
                        "summitry.duckdb in the user data directory)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8765, help="port to listen on (default 8765; 0: any free port)")
    p.add_argument("--quiet", action="store_true", help="do not log each request to standard error")
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
    from summitry.web.readonly import open_readonly
    from summitry.web.server import is_loopback, make_server

    try:
        store = open_readonly(args.db)
    except StoreError as exc:
        print(f"summitry: {exc}", file=sys.stderr)
        return 2
    with store:
        _warm_up()
        try:
            server = make_server(store, args.host, args.port, quiet=args.quiet)
        except OSError as exc:
            print(f"summitry: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        host, port = server.server_address[:2]
        shown = f"[{host}]" if ":" in host else host
        if not is_loopback(args.host):
            print(f"summitry: warning: listening on {args.host}, beyond this machine; the API has no "
                  "authentication", file=sys.stderr)
        print(f"summitry: serving {store.kind} store at http://{shown}:{port}/ (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
    return 0


def _warm_up() -> None:
    """Load the knowledge base now rather than on the first request that names a person."""
    try:
        from summitry.kb import get_kb
    except ImportError:
        return
    get_kb()
