"""Writes the bad-input corpus of this folder (run from anywhere: python tests/data/bad_inputs/make.py).

Each file is a kind of input the hostile probe of issue 15 found, or one like it; ``expected.yaml``
says what reading each must give. The files are generated so that their odd bytes are exact and
reviewable here; the test reads the files themselves.
"""
from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
VISIT = "Chinese President Xi Jinping arrived in Astana on Wednesday for a state visit to Kazakhstan."
ZH = "国家主席习近平在人民大会堂会见俄罗斯总统普京，双方就中俄关系深入交换意见。"
ZH_TRADITIONAL = "國家主席習近平在人民大會堂會見俄羅斯總統普京，雙方就中俄關係深入交換意見。"
FR = ("Le président français Emmanuel Macron a rencontré à Pékin le président chinois Xi Jinping; "
      "l'Élysée a salué des échanges « francs » sur le commerce, déjà très discuté.")


def row(doc_id: str, text: str = VISIT, **fields) -> str:
    return json.dumps({"id": doc_id, "text": text, "published": "2022-09-14", **fields}, ensure_ascii=False)


def lines(*rows: str) -> str:
    return "".join(r + "\n" for r in rows)


def write(name: str, data: bytes | str) -> None:
    (HERE / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def main() -> None:
    # a byte that is not UTF-8 in a UTF-8 file: its line only is lost
    write("not_utf8_line.jsonl", lines(row("utf8-a", ZH)).encode() + b'{"id": "utf8-b", "text": "caf\xe9 \xff"}\n'
          + lines(row("utf8-c")).encode())
    # the probe's case: the error at line 200, and 41 good lines after it
    body = [row(f"line-{i}").encode() + b"\n" for i in range(1, 242)]
    body[199] = b'{"id": "line-200", "text": "\xff\xfe\xfd"}\n'
    write("decoding_error_line_200.jsonl", b"".join(body))
    write("utf8_bom.jsonl", codecs.BOM_UTF8 + lines(row("bom-1"), row("bom-2")).encode())
    write("gb18030.jsonl", lines(row("gb-1", ZH), row("gb-2", ZH)).encode("gb18030"))
    write("big5.jsonl", lines(row("big5-1", ZH_TRADITIONAL), row("big5-2", ZH_TRADITIONAL)).encode("big5"))
    write("utf16.jsonl", lines(row("utf16-1", ZH), row("utf16-2", VISIT)).encode("utf-16"))
    write("latin1.jsonl", lines(row("latin1-1", FR), row("latin1-2", FR)).encode("latin-1"))
    write("crlf.jsonl", lines(row("crlf-1"), row("crlf-2")).replace("\n", "\r\n"))
    # characters no store takes, written as JSON escapes
    write("lone_surrogates.jsonl", '{"id": "surrogate-\\ud800", "text": "' + VISIT + ' \\udc00"}\n'
          '{"id": "surrogate-text", "text": "\\ud83d\\ude00 ' + VISIT + ' \\ud83d"}\n')
    write("nul.jsonl", '{"id": "nul-\\u0000", "text": "' + VISIT + '\\u0000", "source": "wire\\u0000"}\n')
    write("impossible_dates.jsonl", lines(row("date-ok-1"), row("date-13-45", published="2022-13-45"),
                                          row("date-02-30", published="2022-02-30"),
                                          row("date-zero", published="0000-00-00"),
                                          row("date-year-5", published="0005-03-01"),
                                          row("date-ok-2", published="2022-02-28T23:59:59Z")))
    write("not_documents.jsonl", lines(row("shape-ok-1"), "{not json", "[1, 2, 3]", "null",
                                       json.dumps({"text": "no id"}), json.dumps({"id": "no-text"}),
                                       json.dumps({"id": "text-number", "text": 42}),
                                       json.dumps({"id": "bad-lang", "text": "x", "lang": "fr"}),
                                       "[" * 100_000 + "]" * 100_000, row("shape-ok-2")))
    write("duplicate_ids.jsonl", lines(row("dup"), row("dup", "a second text"), row("dup-other")))
    full = gzip.compress(lines(*[row(f"gz-{i}") for i in range(1, 400)]).encode(), mtime=0)
    write("truncated.jsonl.gz", full[: len(full) // 2])
    write("random_bytes.jsonl", bytes((i * 151 + 7) % 256 for i in range(4096)))
    write("empty.jsonl", b"")
    write("not_parquet.parquet", b"PAR1 this is not a Parquet file")
    write("not_a_type.pdf", b"%PDF-1.4")
    # hostile text: 80,000 full stops before a letter (its square in backtracking before)
    write("full_stops.jsonl", lines(row("full-stops", "." * 80_000 + "a")))


if __name__ == "__main__":
    main()
