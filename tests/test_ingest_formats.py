"""The formats and inputs the reader streams: compressed JSON Lines, Parquet, globs, standard input."""
from __future__ import annotations

import datetime
import gzip
import io
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import zstandard

from summitry.ingest import DocumentStream, ReadOptions, read_inputs

ROWS = [{"id": f"d{i}", "text": f"Text number {i}.", "published": "2022-09-14"} for i in range(1, 6)]


def jsonl(rows) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


def test_gzip_and_zstd_json_lines_read_like_plain_ones(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(jsonl(ROWS[:2])))
    (tmp_path / "b.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(jsonl(ROWS[2:])))
    docs, errors = read_inputs([tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.zst"])
    assert errors == [] and [d.id for d in docs] == ["d1", "d2", "d3", "d4", "d5"]


def test_a_zstd_stream_written_without_its_size_is_read_too(tmp_path):
    f = tmp_path / "streamed.ndjson.zst"
    with open(f, "wb") as raw, zstandard.ZstdCompressor().stream_writer(raw) as writer:
        writer.write(jsonl(ROWS))
    assert [d.id for d in read_inputs([f])[0]] == ["d1", "d2", "d3", "d4", "d5"]


def test_parquet_rows_with_a_named_text_column_and_typed_dates(tmp_path):
    f = tmp_path / "docs.parquet"
    pq.write_table(pa.table({
        "id": [1, 2, 3],
        "body": ["Xi met Putin.", "Blinken visited Beijing.", "x"],
        "published": [datetime.date(2022, 9, 14), datetime.date(2023, 6, 18), datetime.date(1800, 1, 1)],
        "lang": ["en", "en", None],
    }), f)
    stream = DocumentStream([f], ReadOptions(text_column="body"))
    docs = list(stream)
    assert [(d.id, d.published, d.lang) for d in docs] == [("1", "2022-09-14", "en"), ("2", "2023-06-18", "en")]
    assert [(e.line, "outside the years" in e.message) for e in stream.errors] == [(3, True)]  # row 3


def test_a_parquet_file_without_the_text_column_says_which_columns_it_has(tmp_path):
    f = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"id": ["a"], "content": ["x"]}), f)
    _, errors = read_inputs([f])
    assert "needs the columns id and text" in errors[0].message and "content" in errors[0].message


def test_globs_expand_to_the_files_they_match_in_order(tmp_path):
    for name, rows in (("b.jsonl", ROWS[1:2]), ("a.jsonl", ROWS[:1]), ("c.txt", [])):
        (tmp_path / name).write_bytes(jsonl(rows) if rows else b"a text file")
    docs, errors = read_inputs([str(tmp_path / "*.jsonl"), str(tmp_path / "nothing-*.jsonl")])
    assert [d.id for d in docs] == ["d1", "d2"]
    assert [e.message for e in errors] == ["no file matches this pattern"]


def test_standard_input_is_read_as_json_lines(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl(ROWS[:2]))))
    docs, errors = read_inputs(["-"])
    assert errors == [] and [d.id for d in docs] == ["d1", "d2"]


def test_the_stream_tells_how_far_it_has_read_and_where_each_document_came_from(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_bytes(jsonl(ROWS))
    stream = DocumentStream([f])
    assert stream.summary.bytes_total == f.stat().st_size and stream.bytes_done == 0
    assert [d.id for d in stream] and stream.bytes_done == f.stat().st_size
    assert stream.origin("d3") == f"{f}:3" and stream.origin("unknown") is None


def test_a_document_is_read_once_and_a_later_copy_in_another_file_is_reported(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(jsonl(ROWS[:2]))
    (tmp_path / "b.jsonl").write_bytes(jsonl(ROWS[1:3]))
    docs, errors = read_inputs([tmp_path])
    assert [d.id for d in docs] == ["d1", "d2", "d3"]
    assert [(e.path.rsplit("/", 1)[-1], e.line) for e in errors] == [("b.jsonl", 1)]
    assert f"first at {tmp_path / 'a.jsonl'}:2" in errors[0].message
