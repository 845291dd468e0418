"""The command line: extract writes valid records, eval agrees with the reference scorer, errors are counted."""
import json
import subprocess
import sys

import jsonschema
import pytest

from summitry.cli import build_parser, main
from summitry.records import json_schema

ARTICLE = ("Chinese President Xi Jinping arrived in Astana on Wednesday for a state visit to Kazakhstan, "
           "his first trip abroad since the pandemic. Xi met Kazakh President Kassym-Jomart Tokayev in Astana.")


@pytest.fixture()
def corpus(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "t1", "text": ARTICLE, "lang": "en", "published": "2022-09-15"}) + "\n",
                    encoding="utf-8")
    return path


def test_every_command_has_help_with_an_example(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        text = p.format_help()
        assert "example" in text.lower(), f"'summitry {name} --help' shows no example"


def test_extract_writes_records_that_validate(corpus, tmp_path):
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(corpus), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert records, "no event extracted from a plain visit report"
    for r in records:
        jsonschema.validate(r, json_schema())
        for m in r["mentions"]:
            assert ARTICLE[m["start"]:m["end"]] in m["text"] or m["text"].startswith(ARTICLE[m["start"]:m["start"] + 20])
    visits = [r for r in records if r["type"] == "visit"]
    assert any(r["actor"]["name"] == "Xi Jinping" and r["countries"] == ["KAZ"] for r in visits)


def test_an_output_of_dash_is_standard_output(corpus, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(corpus), "-o", "-"]) == 0
    assert not (tmp_path / "-").exists()
    assert [json.loads(line)["type"] for line in capsys.readouterr().out.splitlines()]


def test_no_merge_gives_one_record_per_mention(corpus, capsys):
    assert main(["extract", str(corpus), "--no-merge"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(len(r["mentions"]) == 1 for r in records)


def test_skipped_input_makes_a_nonzero_exit_with_a_count(corpus, tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "fine"}\n{oops\n', encoding="utf-8")
    assert main(["extract", str(corpus), str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2" in err and "1 input(s) skipped" in err


def test_schema_command_prints_the_schema(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def test_eval_agrees_with_the_reference_scorer_on_the_seeds(shared_dir, tmp_path, capsys):
    seeds = shared_dir / "corpus" / "seeds.jsonl"
    gold = shared_dir / "eval" / "seeds.gold.json"
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(seeds), "-o", str(out)]) == 0
    assert main(["eval", "--gold", str(gold), str(seeds), "--json"]) == 0
    ours = json.loads(capsys.readouterr().out)
    ref = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(gold), str(out), "--json"],
                         capture_output=True, text=True, check=True)
    reference = json.loads(ref.stdout)
    assert {k: v for k, v in ours.items() if k in reference} == reference
    assert set(ours) - set(reference) == {"empty_documents", "false_per_100_empty"}


def test_kb_extra_adds_the_people_a_user_follows(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SUMMITRY_KB_EXTRA", "")  # restored afterwards: --kb-extra sets it for the process
    extra = tmp_path / "kb" / "office_holders"
    extra.mkdir(parents=True)
    (extra / "mine.csv").write_text(
        "name,name_zh,short,aliases,country,office,title,start,end,region,to_country\n"
        "Zhou Testperson,周测试,,,CHN,party_secretary,Party Secretary,2023-01-01,,Hainan,\n", encoding="utf-8")
    doc = tmp_path / "doc.jsonl"
    doc.write_text(json.dumps({"id": "x", "published": "2024-03-05", "text": "Zhou Testperson visited Cambodia "
                               "on March 3, 2024."}) + "\n", encoding="utf-8")
    assert main(["extract", str(doc)]) == 0
    assert capsys.readouterr().out == ""  # an unknown name without a title is no one
    assert main(["--kb-extra", str(tmp_path / "kb"), "extract", str(doc)]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["actor"]["name"] == "Zhou Testperson" and record["actor"]["level"] == "subnational"
    assert record["countries"] == ["KHM"]
