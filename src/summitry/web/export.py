"""Downloads of what a view shows: events as CSV, JSON Lines or Parquet; a person's legs likewise.

CSV and Parquet hold one flat row per event (``analytics.flat_events``: the export's columns with
CAMEO and PLOVER codes; in CSV a list is joined with "; "); JSON Lines holds the full records.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from fastapi import Response

from summitry import analytics
from summitry.web.http import download_name

MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
         "parquet": "application/vnd.apache.parquet"}


def _csv(table: pa.Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.column_names)
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for row in zip(*columns):
        writer.writerow(["; ".join("" if v is None else str(v) for v in cell) if isinstance(cell, list)
                         else ("" if cell is None else cell) for cell in row])
    return out.getvalue().encode("utf-8")


def _parquet(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def download(body: bytes, fmt: str, stem: str) -> Response:
    return Response(body, media_type=MEDIA[fmt],
                    headers={"content-disposition": f'attachment; filename="{download_name(stem, fmt)}"'})


def events_file(records: list[dict[str, Any]], fmt: str, stem: str) -> Response:
    """Event records as a download."""
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
        return download(body.encode("utf-8"), fmt, stem)
    table = analytics.flat_events(analytics.coded_record(r) for r in records)
    return download(_csv(table) if fmt == "csv" else _parquet(table), fmt, stem)


def table_file(table: pa.Table, rows: list[dict[str, Any]], fmt: str, stem: str) -> Response:
    """A table (``rows`` are its JSON Lines form) as a download."""
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)
        return download(body.encode("utf-8"), fmt, stem)
    return download(_csv(table) if fmt == "csv" else _parquet(table), fmt, stem)
