"""Corrections over HTTP: anyone may read them; making one needs the server's token.

Writing is off unless the server was given a token (``SUMMITRY_API_TOKEN``); a write then needs it
as ``Authorization: Bearer <token>``. A browser never adds that header by itself, so another site's
page cannot make the analyst's browser write (CSRF); writes must also be JSON
(``Content-Type: application/json``, which a plain HTML form cannot send), and a request that
names another site as its ``Origin`` is refused unless that origin is allowed by CORS.
"""
from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from summitry.store import corrections as corr
from summitry.web import models
from summitry.web.http import host_name
from summitry.web.responses import json_response, reader


class WriteRefused(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


router = APIRouter()


class Span(BaseModel):
    doc_id: str
    start_char: int
    end_char: int


class CorrectionRequest(BaseModel):
    """A correction to make: what, of which event, by whom and why."""

    action: Literal["reject", "set", "merge", "split"]
    event_id: str = Field(description="The event as it is now (`ev_...`).")
    author: str = Field(min_length=1, max_length=200, description="Who makes it.")
    reason: str = Field("", max_length=5000, description="Why.")
    fields: dict[str, Any] | None = Field(
        None, description=f"set: the fields and their new values ({', '.join(corr.FIELDS)}), as in the record.")
    others: list[str] | None = Field(None, description="merge: the events that are the same as `event_id`.")
    mentions: list[Span] | None = Field(
        None, description="split: the reports to split off into another event, as its evidence gives them.")


class Correction(BaseModel):
    id: int
    at: str = Field(description="When (UTC, ISO 8601).")
    author: str
    action: Literal["reject", "set", "merge", "split"]
    target: dict[str, Any] = Field(description="The event(s) as they were: `event_id`, `anchors` (the content ids of "
                                               "its reports, which find it again after any re-fusion) and `record`; "
                                               "for a merge, `events`, a list of those.")
    change: dict[str, Any] = Field(description="set: `fields`; split: the `anchors` split off.")
    reason: str


class CorrectionList(BaseModel):
    corrections: list[Correction]


class CorrectionMade(BaseModel):
    correction: Correction
    outcome: str = Field(description="`applied`, or `already` when the data already said so.")


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": models.Error, "description": text} for code, text in (
        (400, "The correction is malformed or would make an invalid record."),
        (401, "No token, or the wrong one."), (403, "Writing is off, or the request comes from another site."),
        (404, "No such event."), (409, "The correction no longer applies."),
        (415, "The body is not JSON."), (503, "The database is busy or unavailable: retry."))}


def require_writer(request: Request) -> None:
    """The request may write: the server has a token, the request carries it, and nothing says it
    comes from a page of another site."""
    token = request.app.state.token
    if not token:
        raise WriteRefused(403, "writing is off: the server was started without SUMMITRY_API_TOKEN")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise WriteRefused(401, "a write needs the server's token: Authorization: Bearer <token>",
                           {"www-authenticate": 'Bearer realm="summitry"'})
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise WriteRefused(415, "a write's body must be JSON (Content-Type: application/json)")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        own = host_name(request.headers.get("host", ""))
        allowed = set(getattr(request.app.state, "cors_origins", ()))
        if host_name(origin.split("://", 1)[-1].split("/", 1)[0]) != own and origin not in allowed:
            raise WriteRefused(403, f"a write from a page of {origin} is refused")


@router.get("/api/corrections", response_model=CorrectionList, operation_id="listCorrections",
            summary="Corrections made so far",
            description="Every correction, oldest first, with who made it, when, what and why; with `event_id`, "
                        "those about that event (through the reports it is made of).")
def list_corrections(request: Request, event_id: Annotated[str | None, Query(
        description="Only corrections about this event.")] = None) -> Response:
    with reader(request) as store:
        found = corr.list_corrections(store.db)
        if event_id:
            anchors = set(corr.anchors_of(store.db, event_id))
            found = [c for c in found if c.all_anchors() & anchors]
    return json_response({"corrections": [_public(c) for c in found]})


def _public(c: corr.Correction) -> dict[str, Any]:
    return c.to_dict()


@router.post("/api/corrections", response_model=CorrectionMade, status_code=201, responses=WRITE_ERRORS,
             operation_id="makeCorrection", summary="Make a correction (needs the token)",
             description="Reject an event, set some of its fields, merge other events into it, or split some of "
                         "its reports off into another event. Kept for good and applied again after every "
                         "ingest. Needs `Authorization: Bearer <SUMMITRY_API_TOKEN>`.",
             dependencies=[Depends(require_writer)])
def make_correction(request: Request, body: CorrectionRequest) -> Response:
    readers = request.app.state.readers
    with readers.writer() as store:
        try:
            made = corr.make(store.db, body.action, body.event_id, author=body.author, reason=body.reason,
                             fields=body.fields, others=body.others or (),
                             split_mentions=[(m.doc_id, m.start_char, m.end_char) for m in body.mentions or ()])
            stored, outcome = corr.add(store.db, made)
        except corr.CorrectionError as exc:
            message = str(exc)
            status = 404 if message.startswith("no event") else 409 if "does not apply" in message else 400
            raise WriteRefused(status, message) from None
    return json_response({"correction": _public(stored), "outcome": outcome}, status=201)
