"""Bad input never aborts a run: each case the hostile probe found, read as the reader reads it.

Every case is a line, a row or a file that gives no document (an ``IngestError`` naming the file
and the line) or a document that is kept after cleaning; the documents around it are always read.
"""
from __future__ import annotations

import codecs
import gzip
import json

import pytest
from test_store_support import pg_dsn_fixture, pg_server_fixture, target_fixture  # noqa: F401  (fixtures)

from summitry.extract import extract_document
from summitry.ingest import DocumentStream, ReadOptions, read_inputs
from summitry.pipeline import extract_events
from summitry.records import Document
from summitry.store import open_store
from summitry.store.ingest import content_hash

XI_VISIT = "Chinese President Xi Jinping arrived in Astana on Wednesday for a state visit to Kazakhstan."


def jsonl(*rows: dict | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows)


def good(i: int, text: str = XI_VISIT) -> dict:
    return {"id": f"good-{i}", "text": text, "lang": "en", "published": "2022-09-14"}


# --- decoding --------------------------------------------------------------------------------------------------

def test_a_byte_that_is_not_utf8_early_in_a_file_loses_its_line_only_and_the_files_beside_it_are_read(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "x", "text": "\xff\xfe\xfa"}\n' + jsonl(*[good(i) for i in range(1, 200)]).encode())
    beside = tmp_path / "beside.jsonl"
    beside.write_text(jsonl(good(200)), encoding="utf-8")
    docs, errors = read_inputs([bad, beside])
    assert [d.id for d in docs] == [f"good-{i}" for i in range(1, 201)]
    assert [(e.path, e.line) for e in errors] == [(str(bad), 1)]
    assert "not valid utf-8" in errors[0].message


def test_a_short_file_whose_only_odd_line_reads_as_windows_1252_is_read_so_and_noted(tmp_path):
    f = tmp_path / "latin.jsonl"
    f.write_bytes(jsonl(good(1)).encode() + b'{"id": "x", "text": "caf\xe9"}\n' + jsonl(good(2)).encode())
    stream = DocumentStream([f])
    assert [(d.id, d.text[-4:]) for d in stream] == [("good-1", "tan."), ("x", "café"), ("good-2", "tan.")]
    assert stream.errors == [] and [n.message for n in stream.notes] == ["read as cp1252 (detected)"]


def test_a_decoding_error_at_line_200_is_reported_at_line_200_and_the_41_lines_after_it_are_kept(tmp_path):
    f = tmp_path / "long.jsonl"
    lines = [jsonl(good(i)).encode() for i in range(1, 242)]
    lines[199] = b'{"id": "broken", "text": "\xff\xfe broken"}\n'
    f.write_bytes(b"".join(lines))
    docs, errors = read_inputs([f])
    assert [(e.line, "not valid utf-8" in e.message) for e in errors] == [(200, True)]
    assert len(docs) == 240 and docs[-41].id == "good-201" and docs[-1].id == "good-241"


def test_a_utf8_byte_order_mark_keeps_line_1(tmp_path):
    f = tmp_path / "bom.jsonl"
    f.write_bytes(codecs.BOM_UTF8 + jsonl(good(1), good(2)).encode())
    docs, errors = read_inputs([f])
    assert errors == [] and [d.id for d in docs] == ["good-1", "good-2"]


CHINESE = "国家主席习近平在人民大会堂会见俄罗斯总统普京，双方就中俄关系和共同关心的国际和地区问题深入交换意见。"
TRADITIONAL = "國家主席習近平在人民大會堂會見俄羅斯總統普京，雙方就中俄關係和共同關心的國際和地區問題深入交換意見。"
FRENCH = ("Le président français Emmanuel Macron a rencontré à Pékin le président chinois Xi Jinping; "
          "l'Élysée a salué des échanges « francs » sur le commerce, déjà très discuté.")


@pytest.mark.parametrize(("encoding", "text", "named"), [
    ("gb18030", CHINESE, "gb18030"),
    ("big5", TRADITIONAL, "big5"),
    ("utf-16", CHINESE, "utf-16-le"),        # with a byte-order mark
    ("utf-16-be", CHINESE + " Xi met Putin.", "utf-16-be"),  # without one
    ("latin-1", FRENCH, "cp1252"),           # Windows-1252 reads Latin-1's letters the same
])
def test_files_in_other_encodings_are_decoded_and_the_encoding_is_noted(tmp_path, encoding, text, named):
    f = tmp_path / "other.jsonl"
    rows = [{"id": f"d{i}", "text": text, "published": "2024-05-0" + str(i)} for i in range(1, 4)]
    f.write_bytes(jsonl(*rows).encode(encoding))
    stream = DocumentStream([f])
    docs = list(stream)
    assert stream.errors == []
    assert [d.text for d in docs] == [text] * 3 and docs[0].id == "d1"
    assert stream.summary.encodings == {named: 1}
    assert any(f"read as {named}" in n.message for n in stream.notes)


def test_a_text_file_in_gb18030_is_one_document(tmp_path):
    f = tmp_path / "xinhua.txt"
    f.write_bytes(CHINESE.encode("gb18030"))
    docs, errors = read_inputs([f])
    assert errors == [] and docs[0].text == CHINESE and docs[0].lang == "zh"


# --- characters no store takes ---------------------------------------------------------------------------------

def test_lone_surrogates_in_an_id_or_a_text_are_replaced_and_the_document_is_extracted_and_written(tmp_path):
    f = tmp_path / "surrogates.jsonl"
    f.write_text('{"id": "lone-\\ud800", "text": "' + XI_VISIT + ' \\udfff", "published": "2022-09-14"}\n'
                 '{"id": "pair-\\ud83d\\ude00", "text": "fine"}\n', encoding="utf-8")
    docs, errors = read_inputs([f])
    assert errors == []
    assert docs[0].id == "lone-\ufffd" and docs[0].text.endswith("\ufffd")
    assert docs[1].id == "pair-\U0001f600"  # a proper pair stays one character
    content_hash(docs[0])
    events = extract_events(docs)
    assert events and all(e.to_json().encode("utf-8") for e in events)


def test_nul_characters_are_replaced_identically_for_both_stores(tmp_path, target):
    f = tmp_path / "nul.jsonl"
    f.write_text(jsonl({"id": "nul\u0000id", "text": XI_VISIT + "\u0000", "source": "wire\u0000",
                        "published": "2022-09-14"}), encoding="utf-8")
    docs, errors = read_inputs([f])
    assert errors == [] and docs[0].id == "nul\ufffdid" and "\u0000" not in docs[0].text + docs[0].source
    with open_store(target) as store:
        report = store.ingest(docs)
        assert report.errors == [] and report.added == 1
        assert store.db.rows("SELECT id, source FROM documents") == [("nul\ufffdid", "wire\ufffd")]


# --- publication dates -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("published", ["2022-13-45", "2022-02-30", "0000-00-00", "2022-00", "1899-12-31",
                                       "2101-01-01", "14/09/2022"])
def test_an_impossible_publication_date_is_a_reported_line_and_the_run_goes_on(tmp_path, published):
    f = tmp_path / "dates.jsonl"
    f.write_text(jsonl(good(1), {**good(2), "published": published}, good(3)), encoding="utf-8")
    docs, errors = read_inputs([f])
    assert [d.id for d in docs] == ["good-1", "good-3"]
    assert [(e.line, "published" in e.message) for e in errors] == [(2, True)]
    extract_events(docs)  # what is read extracts without a ValueError


def test_the_years_a_publication_date_may_have_are_configurable(tmp_path):
    f = tmp_path / "old.jsonl"
    f.write_text(jsonl({"id": "a", "text": "x", "published": "1850-03-01"}), encoding="utf-8")
    assert read_inputs([f])[1]
    docs, errors = read_inputs([f], ReadOptions(published_years=(1800, 2100)))
    assert errors == [] and docs[0].published == "1850-03-01"


@pytest.mark.parametrize("text", ["5月上旬，习近平访问俄罗斯。", "前年习近平访问俄罗斯。", "周四习近平会见普京。",
                                  "10年前习近平访问俄罗斯。"])
@pytest.mark.parametrize("published", ["0001-01-01", "0005-06-01", "0010-12-31"])
def test_documents_of_years_1_to_10_extract_without_error(text, published):
    doc = Document(id="early", text=text, lang="zh", published=published)
    for event in extract_document(doc):
        assert event.start is None or event.start >= "0001-01-01"


# --- files inside directories ------------------------------------------------------------------------------------

def test_files_skipped_inside_a_directory_are_listed_and_counted(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl(good(1)), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.jsonl").write_text(jsonl(good(9)), encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "a.jsonl")
    (tmp_path / "packed.jsonl.gz").write_bytes(gzip.compress(jsonl(good(2)).encode()))
    stream = DocumentStream([tmp_path])
    assert [d.id for d in stream] == ["good-1", "good-2"]
    skipped = {name.rsplit("/", 1)[-1]: why for name, why in stream.summary.skipped_files}
    assert set(skipped) == {"notes.pdf", ".git", "link.jsonl"}
    assert "link" in skipped["link.jsonl"] and "hidden" in skipped[".git"]
    assert stream.errors == []  # listed, not errors: the directory was read as asked


def test_a_file_named_on_the_command_line_is_read_whatever_its_links(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl(good(1)), encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to(tmp_path / "a.jsonl")
    assert [d.id for d in read_inputs([tmp_path / "link.jsonl"])[0]] == ["good-1"]


def test_the_command_counts_the_files_skipped_in_a_directory_and_lists_them_when_verbose(tmp_path, capsys):
    from summitry import cli

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text(jsonl(good(1)), encoding="utf-8")
    (inputs / "notes.pdf").write_bytes(b"%PDF")
    out = tmp_path / "events.jsonl"
    assert cli.main(["extract", "--quiet", "--workers", "1", str(inputs), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 file(s) inside directories not read" in err and "notes.pdf" not in err
    assert cli.main(["extract", "--quiet", "--verbose", "--workers", "1", str(inputs), "-o", str(out)]) == 0
    assert f"not read: {inputs / 'notes.pdf'}: not a type summitry reads" in capsys.readouterr().err
