"""The Chinese cue lexicon is data with a schema: the shipped file passes it, bad files fail clearly."""

from __future__ import annotations

import re

import pytest
import yaml

from summitry.extract.zh_lexicon import DEFAULT_PATH, Lexicon, LexiconError, load_lexicon_data
from summitry.records import LEVELS, STATUSES


@pytest.fixture(scope="module")
def data():
    return load_lexicon_data()


def test_the_shipped_lexicon_passes_its_schema(data):
    assert data["schema"] == "summitry-lexicon-zh/1"
    Lexicon(data)  # every pattern compiles


def test_every_event_kind_has_triggers_and_every_status_has_cues(data):
    kinds = {t["type"] for t in data["triggers"]}
    assert kinds == {"visit", "meeting", "call", "attend", "presence", "speech"}
    assert {s["status"] for s in data["status"]} >= set(STATUSES) - {"occurred"}


def test_title_levels_are_record_levels_and_abbreviations_are_single_characters(data):
    assert {t["level"] for t in data["titles"]} <= set(LEVELS)
    assert all(len(k) == 1 and re.fullmatch("[A-Z]{3}", v) for k, v in data["country_abbreviations"].items())


def test_the_trigger_pattern_prefers_the_longest_cue(data):
    lex = Lexicon(data)
    assert lex.trigger_re.search("对该国进行国事访问").group() == "国事访问"
    assert lex.trigger_re.search("同对方举行会谈").group() == "举行会谈"


def _write(tmp_path, text: str):
    path = tmp_path / "zh.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_bad_entry_is_reported_with_file_and_line(tmp_path):
    original = DEFAULT_PATH.read_text(encoding="utf-8")
    broken = original.replace(
        "  - {cue: 会见, type: meeting, counterparts: after}",
        "  - {cue: 会见, type: gathering, counterparts: after}",
    )
    assert broken != original
    path = _write(tmp_path, broken)
    line = next(i for i, l in enumerate(broken.splitlines(), 1) if "cue: 会见, type: gathering" in l)
    with pytest.raises(LexiconError) as err:
        load_lexicon_data(path)
    assert f"{path}:{line}:" in str(err.value)
    assert "gathering" in str(err.value)


def test_a_cue_listed_twice_is_an_error(tmp_path):
    original = DEFAULT_PATH.read_text(encoding="utf-8")
    doubled = original.replace(
        "  - {cue: 出访, type: visit, destination: after}",
        "  - {cue: 出访, type: visit, destination: after}\n  - {cue: 出访, type: visit, destination: before}",
    )
    with pytest.raises(LexiconError, match="listed twice"):
        load_lexicon_data(_write(tmp_path, doubled))


def test_a_missing_section_and_broken_yaml_are_errors(tmp_path):
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    del data["negations"]
    with pytest.raises(LexiconError, match="negations"):
        load_lexicon_data(_write(tmp_path, yaml.safe_dump(data, allow_unicode=True)))
    with pytest.raises(LexiconError, match=r"zh\.yaml:\d+: not valid YAML"):
        load_lexicon_data(_write(tmp_path, "triggers: [\n  {cue: 访问"))
