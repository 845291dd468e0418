"""Ingest reads JSON Lines, text, HTML and directories; bad input is reported by file and line."""
import json

from summitry.ingest import detect_language, read_inputs


def write_jsonl(path, rows):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")


def test_jsonl_documents_keep_their_fields(tmp_path):
    f = tmp_path / "docs.jsonl"
    write_jsonl(f, [{"id": "a", "text": "Xi Jinping visited Kazakhstan.", "lang": "en", "published": "2022-09-14",
                     "source": "wire", "url": "https://example.org/a"}])
    docs, errors = read_inputs([f])
    assert errors == []
    assert docs[0].id == "a" and docs[0].published == "2022-09-14" and docs[0].url == "https://example.org/a"


def test_bad_lines_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    f = tmp_path / "docs.jsonl"
    write_jsonl(f, [
        {"id": "a", "text": "one"},
        "{not json",
        {"text": "no id"},
        {"id": "d", "text": "bad date", "published": "14/09/2022"},
        {"id": "e", "text": "fine", "published": "2022-09"},
    ])
    docs, errors = read_inputs([f])
    assert [d.id for d in docs] == ["a", "e"]
    assert [(e.line) for e in errors] == [2, 3, 4]
    assert all(str(f) in str(e) for e in errors)
    assert "published" in errors[2].message


def test_text_files_take_their_stem_as_id_and_directories_are_walked(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "zh1.txt").write_text("国家主席习近平抵达阿斯塔纳。", encoding="utf-8")
    (tmp_path / "en1.txt").write_text("The minister arrived in Hanoi.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    docs, errors = read_inputs([tmp_path])
    assert {d.id: d.lang for d in docs} == {"en1": "en", "zh1": "zh"}
    assert errors == []


def test_missing_paths_and_duplicate_ids_are_errors(tmp_path):
    f = tmp_path / "a.jsonl"
    write_jsonl(f, [{"id": "x", "text": "one"}, {"id": "x", "text": "two"}])
    docs, errors = read_inputs([f, tmp_path / "nope.jsonl"])
    assert len(docs) == 1
    assert any("duplicate document id" in e.message for e in errors)
    assert any("no such file" in e.message for e in errors)


def test_html_pages_give_main_text_and_date(tmp_path):
    page = tmp_path / "page.html"
    body = " ".join(["The foreign minister arrived in Vientiane on Monday for talks with his Lao counterpart."] * 4)
    page.write_text(f"""<html><head><title>Minister in Laos</title>
<meta property="article:published_time" content="2024-03-18T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Minister in Laos</h1><p>{body}</p><p>{body}</p></article>
<footer>Copyright</footer></body></html>""", encoding="utf-8")
    docs, errors = read_inputs([page])
    assert errors == []
    assert docs[0].id == "page" and "Vientiane" in docs[0].text
    assert docs[0].published == "2024-03-18"
    assert "Copyright" not in docs[0].text


def test_language_is_told_by_script():
    assert detect_language("Blinken arrived in Beijing.") == "en"
    assert detect_language("布林肯抵达北京，开始对中国进行访问。") == "zh"
    assert detect_language("習近平抵達撒馬爾罕 (Samarkand)。") == "zh"
    assert detect_language("12345") is None
