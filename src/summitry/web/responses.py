"""JSON answers and the errors every endpoint may raise, shared by the routers."""
from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request, Response

from summitry.store import Store
from summitry.web import models

JSON = "application/json; charset=utf-8"
BAD_REQUEST: dict[int | str, dict[str, Any]] = {400: {"model": models.Error, "description": "A parameter is "
                                                       "missing, unknown or malformed."}}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.Error, "description": "No such record."}}


class NotFound(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _default(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def dumps(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=_default)


def json_response(body: dict[str, Any] | list[Any], status: int = 200, raw: dict[str, str] | None = None,
                  headers: dict[str, str] | None = None) -> Response:
    """``body`` as JSON; ``raw`` adds keys whose values are JSON text already (stored records)."""
    text = dumps(body)
    if raw:
        extra = ",".join(f"{json.dumps(k)}:{v}" for k, v in raw.items())
        text = text[:-1] + ("," if len(text) > 2 else "") + extra + "}"
    return Response(text.encode("utf-8"), status_code=status, media_type=JSON, headers=headers)


@contextmanager
def reader(request: Request) -> Iterator[Store]:
    """The store, for one request, through the app's readers (see ``summitry.web.readers``)."""
    with request.app.state.readers.reader() as store:
        yield store
