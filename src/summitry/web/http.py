"""What every answer goes through on its way out, as small ASGI middlewares, and the HTTP protocol.

From the outside in:

* ``Guard``: the request line and body within limits (414, 413), a Host the server answers to
  (a DNS-rebinding page names another host: 421), security headers on every answer;
* CORS (Starlette's middleware, for the origins the operator allows);
* gzip (Starlette's middleware, level 5: most of the gain for a fraction of level 9's time);
* ``ConditionalGet``: a weak ETag over each successful GET's body; a matching ``If-None-Match``
  gets 304 with no body.

Every error, from the app or from these layers, is JSON: ``{"error": "..."}``.

``Protocol`` is uvicorn's httptools protocol with a deadline for the request head (a client that
opens a connection and sends its headers slowly is cut off: 408) and a cap on its size (414 or
431), each answered in JSON; uvicorn itself closes connections idle between requests.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

MAX_URL = 8192             # bytes of path and query string
MAX_HEAD = 32768           # bytes of the request head (request line and headers)
MAX_BODY = 1 << 20         # bytes of a request body (corrections are small JSON objects)

# The page loads only its own files and talks only to this server.
SECURITY_HEADERS = [
    (b"content-security-policy",
     (b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
     b"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
_REASONS = {400: "Bad Request", 408: "Request Timeout", 413: "Content Too Large", 414: "URI Too Long",
            421: "Misdirected Request", 431: "Request Header Fields Too Large"}


def error_body(message: str) -> bytes:
    return json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")


async def send_error(send: Send, status: int, message: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = error_body(message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


# --- hosts ---------------------------------------------------------------------------------------

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_name(value: str) -> str:
    """The name in a Host header, without its port, lower-case ('[::1]:8765' -> '::1')."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Limits, the Host allow-list and security headers (see the module's docstring).

    ``allowed_hosts`` None accepts any Host (a server bound beyond loopback, behind its own name);
    otherwise the names (without port) it answers to, e.g. ``localhost`` and ``127.0.0.1``.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None = None,
                 max_url: int = MAX_URL, max_body: int = MAX_BODY):
        self.app = app
        self.allowed = None if allowed_hosts is None else {host_name(h) for h in allowed_hosts}
        self.max_url = max_url
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        length = len(scope.get("raw_path") or scope["path"].encode("utf-8")) + len(scope.get("query_string", b""))
        if length > self.max_url:
            await send_error(send_secured, 414, f"the URL is {length} bytes long; at most {self.max_url} are read")
            return
        if self.allowed is not None:
            host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
            if host_name(host) not in self.allowed:
                await send_error(send_secured, 421, f"this server does not answer for the host {host!r}")
                return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await send_error(send_secured, 413, f"the request body is larger than {self.max_body} bytes")
            return
        await self.app(scope, self._capped(receive), send_secured)

    def _capped(self, receive: Receive) -> Receive:
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return capped


class BodyTooLarge(Exception):
    def __init__(self, limit: int):
        super().__init__(f"the request body is larger than {limit} bytes")


# --- CORS ----------------------------------------------------------------------------------------

class Cors(CORSMiddleware):
    """Starlette's CORS, with its refusals in JSON like every other error."""

    def preflight_response(self, request_headers):
        response = super().preflight_response(request_headers)
        if response.status_code >= 400:
            reason = response.body.decode("utf-8", "replace")
            response.body = error_body(f"CORS preflight refused: {reason}")
            response.headers["content-type"] = "application/json; charset=utf-8"
            response.headers["content-length"] = str(len(response.body))
        return response


# --- ETag ----------------------------------------------------------------------------------------

def etag_of(body: bytes) -> bytes:
    return b'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def _matches(if_none_match: bytes, tag: bytes) -> bool:
    wanted = {t.strip() for t in if_none_match.split(b",")}
    return b"*" in wanted or tag in wanted or tag[2:] in wanted


class ConditionalGet:
    """Weak ETags over the body of successful GETs, and 304 for a matching If-None-Match."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if_none_match = next((v for k, v in scope["headers"] if k == b"if-none-match"), None)
        start: Message | None = None
        chunks: list[bytes] = []

        async def buffered(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if message["status"] != 200:
                    start = None
                    await send(message)
                    return
                start = message
                return
            if start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            tag = etag_of(body)
            headers = [(k, v) for k, v in start["headers"] if k != b"etag"]
            headers.append((b"etag", tag))
            if if_none_match is not None and _matches(if_none_match, tag):
                kept = [(k, v) for k, v in headers if k not in (b"content-length", b"content-type")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": headers})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered)


# --- answers kept for an unchanging snapshot -------------------------------------------------------

class AnswerCache:
    """Keeps the answers to GET /api/... for as long as the data they come from cannot change.

    ``generation()`` names the data the app reads now (a DuckDB snapshot; see
    ``Readers.generation``), or None when it may change at any time (PostgreSQL): then nothing is
    kept. An answer is kept with its encoding (gzip or not), its ETag and its headers, under the
    path, the query string and the generation, so an answer from older data is never given for
    newer; the least recently used go first past ``max_bytes``.
    """

    def __init__(self, app: ASGIApp, generation, max_bytes: int = 64 << 20, stats: dict[str, int] | None = None):
        from collections import OrderedDict

        self.app = app
        self.generation = generation
        self.max_bytes = max_bytes
        self.kept: OrderedDict[tuple, tuple[Message, bytes]] = OrderedDict()
        self.size = 0
        # hits, misses, kept answers and their bytes (shown by /healthz)
        self.stats = stats if stats is not None else {}
        self.stats.update(hits=0, misses=0, kept=0, bytes=0)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/")
                or self.max_bytes <= 0):
            await self.app(scope, receive, send)
            return
        generation = self.generation()
        if generation is None:
            await self.app(scope, receive, send)
            return
        headers = scope["headers"]
        gzip_ok = any(k == b"accept-encoding" and b"gzip" in v for k, v in headers)
        key = (generation, scope["path"], scope.get("query_string", b""), gzip_ok)
        found = self.kept.get(key)
        if found is not None:
            self.stats["hits"] += 1
            self.kept.move_to_end(key)
            start, body = found
            if_none_match = next((v for k, v in headers if k == b"if-none-match"), None)
            tag = next((v for k, v in start["headers"] if k == b"etag"), None)
            if if_none_match is not None and tag is not None and _matches(if_none_match, tag):
                kept = [(k, v) for k, v in start["headers"] if k not in (b"content-length", b"content-type",
                                                                       b"content-encoding")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": list(start["headers"])})
            await send({"type": "http.response.body", "body": body})
            return
        self.stats["misses"] += 1
        # a request that carried If-None-Match may be answered 304: ask for the whole answer to keep it
        asked = [(k, v) for k, v in headers if k != b"if-none-match"]
        conditional = next((v for k, v in headers if k == b"if-none-match"), None)
        start: Message | None = None
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            if start["status"] == 200:
                self._store(key, start, body)
            tag = next((v for k, v in start["headers"] if k == b"etag"), None)
            if start["status"] == 200 and conditional is not None and tag is not None and _matches(conditional, tag):
                kept = [(k, v) for k, v in start["headers"] if k not in (b"content-length", b"content-type",
                                                                       b"content-encoding")]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                await send({"type": "http.response.body", "body": b""})
                return
            await send({**start, "headers": list(start["headers"])})
            await send({"type": "http.response.body", "body": body})

        await self.app({**scope, "headers": asked}, receive, keep)

    def _store(self, key: tuple, start: Message, body: bytes) -> None:
        size = len(body) + 512
        if size > self.max_bytes // 8:
            return
        self.kept[key] = (start, body)
        self.size += size
        while self.size > self.max_bytes:
            _, (_, old) = self.kept.popitem(last=False)
            self.size -= len(old) + 512
        self.stats.update(kept=len(self.kept), bytes=self.size)


# --- the HTTP protocol ---------------------------------------------------------------------------

def _raw_error(status: int, message: str) -> bytes:
    body = error_body(message)
    return b"".join([
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n".encode(),
        b"content-type: application/json; charset=utf-8\r\n",
        b"content-length: " + str(len(body)).encode() + b"\r\n",
        *(k + b": " + v + b"\r\n" for k, v in SECURITY_HEADERS),
        b"connection: close\r\n\r\n", body])


class Protocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline and a size cap on the request head, and its
    own refusals in JSON. ``header_timeout`` comes from the class (see ``server.protocol_class``)."""

    header_timeout = 10.0
    _head_timer = None
    _head_bytes = 0

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_too_slow)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self._refuse(408, f"the request head was not received within {self.header_timeout:g} s")

    def _refuse(self, status: int, message: str) -> None:
        self._disarm_head_timer()
        self.transport.write(_raw_error(status, message))
        self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self.transport.is_closing():
            return
        super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        # uvicorn calls this for a head the parser refused, or that a callback below refused
        status, message = self._refusal or (400, "the request is not valid HTTP/1.1")
        self._refuse(status, message)

    _refusal: tuple[int, str] | None = None

    def _stop(self, status: int, message: str) -> None:
        """Refuse the request from inside a parser callback: the parser stops, then uvicorn
        calls ``send_400_response``."""
        self._refusal = (status, message)
        raise _Refused(message)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._head_bytes = 0
        self._arm_head_timer()

    def on_url(self, url: bytes) -> None:
        super().on_url(url)
        if len(self.url) > MAX_URL:
            self._stop(414, f"the URL is longer than {MAX_URL} bytes")

    def on_header(self, name: bytes, value: bytes) -> None:
        self._head_bytes += len(name) + len(value) + 4
        if self._head_bytes > MAX_HEAD:
            self._stop(431, f"the request headers are longer than {MAX_HEAD} bytes")
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._disarm_head_timer()
        super().on_headers_complete()


class _Refused(Exception):
    pass


_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def download_name(stem: str, extension: str) -> str:
    """A file name for Content-Disposition: letters, digits, dot, dash and underscore only."""
    return f"{_SAFE_NAME.sub('-', stem).strip('-') or 'summitry'}.{extension}"
