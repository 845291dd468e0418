"""A small OpenAI-compatible chat completions server for tests: it replays recorded answers.

It listens on a loopback port only, answers ``POST /v1/chat/completions`` with the first recorded
answer whose ``match`` text occurs in the request's user message (``{"events": []}`` when none
does), and can be told to misbehave for the next requests: an HTTP status (429, 500 ...) with an
optional ``Retry-After``, a delay (for time-outs), or a content that is not JSON. It can also refuse
JSON-schema response formats, as servers without structured output do, and JSON mode too. Usage is counted as one
token per four characters (one per Chinese character), so budgets can be tested.

Every request is kept (``requests``: the JSON body and the Authorization header), so tests can
check what was sent and that a cached run sends nothing.

    with FakeOpenAI(answers) as server:
        main(["extract", "docs.jsonl", "--engine", "llm", "--llm-base-url", server.base_url, ...])

Run alone, it serves a file of recorded answers (the benchmarks' script was tried against it):

    python tests/fake_openai_server.py --answers tests/data/llm/answers.json --port 8765
"""
from __future__ import annotations

import argparse
import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self


def _tokens(text: str) -> int:
    cjk = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    return max(1, cjk + (len(text) - cjk) // 4)


class FakeOpenAI:
    def __init__(self, answers: list[dict[str, Any]] | None = None, *, schema_support: bool = True,
                 json_mode_support: bool = True, refused_params: tuple[str, ...] = (), port: int = 0,
                 model: str = "fake-model"):
        #: [{"match": text in the user message, "answer": {"events": [...]}} or "content": raw text]
        self.answers = list(answers or [])
        self.schema_support = schema_support
        self.json_mode_support = json_mode_support
        #: request parameters refused with a 400 naming them (as reasoning models refuse max_tokens)
        self.refused_params = refused_params
        self.model = model
        self.requests: list[dict[str, Any]] = []
        self._script: deque[dict[str, Any]] = deque()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    # --- control ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def fail_next(self, status: int, times: int = 1, retry_after: float | None = None) -> None:
        for _ in range(times):
            self._script.append({"status": status, "retry_after": retry_after})

    def delay_next(self, seconds: float, times: int = 1) -> None:
        for _ in range(times):
            self._script.append({"delay": seconds})

    def garble_next(self, content: str = '{"events": [ {"type": "visit",', times: int = 1) -> None:
        for _ in range(times):
            self._script.append({"content": content})

    def start(self) -> FakeOpenAI:
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- answering ----------------------------------------------------------------------------

    def _reply(self, body: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any], float]:
        """(status, headers, JSON body, delay) for one request."""
        with self._lock:
            step = self._script.popleft() if self._script else {}
        delay = step.get("delay", 0.0)
        if "status" in step:
            headers = {"Retry-After": str(step["retry_after"])} if step.get("retry_after") is not None else {}
            return step["status"], headers, {"error": {"message": f"scripted HTTP {step['status']}",
                                                      "type": "fake"}}, delay
        for param in self.refused_params:
            if param in body:
                return 400, {}, {"error": {"message": f"Unsupported parameter: '{param}' is not supported with "
                                                      "this model.", "type": "invalid_request_error"}}, delay
        fmt = (body.get("response_format") or {}).get("type")
        if (fmt == "json_schema" and not self.schema_support) or (fmt == "json_object" and not self.json_mode_support):
            return 400, {}, {"error": {"message": f"response_format type {fmt} is not supported",
                                       "type": "invalid_request_error"}}, delay
        messages = body.get("messages") or []
        user = next((m.get("content") or "" for m in messages if m.get("role") == "user"), "")
        if "content" in step:
            content = step["content"]
        else:
            answer = next((a for a in self.answers if a["match"] in user), None)
            if answer is None:
                content = json.dumps({"events": []})
            elif "content" in answer:
                content = answer["content"]
            else:
                content = json.dumps(answer["answer"], ensure_ascii=False)
        prompt_tokens = sum(_tokens(m.get("content") or "") for m in messages)
        completion_tokens = _tokens(content)
        return 200, {}, {
            "id": f"chatcmpl-fake-{len(self.requests)}", "object": "chat.completion", "created": int(time.time()),
            "model": body.get("model") or self.model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens},
        }, delay

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a time-out)

            def do_GET(self) -> None:
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, {"object": "list", "data": [{"id": fake.model, "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    body = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    self._send(400, {"error": {"message": "body is not JSON"}})
                    return
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}"}})
                    return
                with fake._lock:
                    fake.requests.append({"body": body, "authorization": self.headers.get("Authorization")})
                status, headers, payload, delay = fake._reply(body)
                if delay:
                    time.sleep(delay)
                self._send(status, payload, headers)

        return Handler


def main() -> None:
    ap = argparse.ArgumentParser(description="Serve recorded answers as an OpenAI-compatible server on 127.0.0.1.")
    ap.add_argument("--answers", type=Path, help="a JSON list of {match, answer|content}")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--no-schema", action="store_true", help="refuse json_schema response formats")
    ap.add_argument("--seconds", type=float, default=600.0, help="stop after this long (default 600)")
    args = ap.parse_args()
    answers = json.loads(args.answers.read_text("utf-8")) if args.answers else []
    server = FakeOpenAI(answers, schema_support=not args.no_schema, port=args.port).start()
    print(f"fake OpenAI-compatible server at {server.base_url} for {args.seconds:.0f} s", flush=True)
    try:
        time.sleep(args.seconds)
    except KeyboardInterrupt:
        pass
    server.stop()


if __name__ == "__main__":
    main()
