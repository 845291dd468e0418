"""`summitry kb resolve|lookup|stats` print JSON to stdout and return an exit status."""
from __future__ import annotations

import json

import pytest

from summitry.cli import main


def run(capsys, *argv: str) -> tuple[int, object]:
    status = main(["kb", *argv])
    out = capsys.readouterr().out
    return status, json.loads(out[: out.rindex("}") + 1] if out.lstrip().startswith("{") else out)


def test_resolve_prints_the_holder_as_json(capsys):
    status, data = run(capsys, "resolve", "--country", "CHN", "--office", "president", "--date", "2022-09-14")
    assert status == 0
    assert data["name"] == "Xi Jinping" and data["name_zh"] == "习近平"
    assert data["term"]["office"] == "head_of_state"


def test_resolve_accepts_chinese_titles_and_country_names(capsys):
    status, data = run(capsys, "resolve", "--country", "中国", "--office", "国家主席", "--date", "2012-06-01")
    assert (status, data["name"]) == (0, "Hu Jintao")


def test_resolve_with_no_holder_exits_1_and_bad_office_exits_2(capsys):
    status, data = run(capsys, "resolve", "--country", "CHN", "--office", "president", "--date", "1800-01-01")
    assert (status, data["name"]) == (1, None)
    status, data = run(capsys, "resolve", "--country", "CHN", "--office", "grand vizier", "--date", "2020-01-01")
    assert status == 2 and "grand vizier" in data["error"]


def test_lookup_prints_the_record(capsys):
    status, data = run(capsys, "lookup", "哈萨克斯坦")
    assert status == 0
    assert (data["type"], data["iso3"], data["name"]) == ("country", "KAZ", "Kazakhstan")
    status, data = run(capsys, "lookup", "no-such-thing-anywhere")
    assert status == 1 and "error" in data


def test_lookup_all_lists_every_record(capsys):
    status, data = run(capsys, "lookup", "--all", "Georgia")
    assert status == 0
    assert {d["type"] for d in data} >= {"country", "place"}


def test_stats_prints_counts_per_table(capsys):
    status, data = run(capsys, "stats")
    assert status == 0
    assert data["un_members"] == 193
    for table in ("countries", "regions", "places", "forums", "editions", "offices", "people", "terms"):
        assert data[table] > 0, table
    # office-holder rows by whether they were checked against their source
    checked = data["holder_rows_verified"] + data["holder_rows_reference"] + data["holder_rows_unverified"]
    assert data["people"] <= checked <= data["terms"]


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["kb", "resolve", "--help"])
    assert "summitry kb resolve --country CHN" in capsys.readouterr().out


def test_kb_extra_directory_adds_office_holders(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMITRY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SUMMITRY_KB_EXTRA", "")      # restored after the test: main() extends it
    extra = tmp_path / "extra"
    (extra / "office_holders").mkdir(parents=True)
    (extra / "office_holders" / "mine.csv").write_text(
        "name,name_zh,short,aliases,country,office,title,start,end,region,to_country\n"
        "Gao Testgov,高测试,Gao,,CHN,governor,Governor,2025-01-01,,Testshire,\n", encoding="utf-8")
    status = main(["--kb-extra", str(extra), "kb", "resolve", "--country", "CHN", "--office", "governor",
                   "--region", "Testshire", "--date", "2025-06-01"])
    data = json.loads(capsys.readouterr().out)
    assert (status, data["name"], data["name_zh"]) == (0, "Gao Testgov", "高测试")
    assert list((tmp_path / "cache").glob("kb-*.pickle")), "the compiled KB goes to the user cache"
