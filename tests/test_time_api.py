"""summitry.time beyond the table: the publication date, intervals, errors, the word file, the CLI."""
from __future__ import annotations

import argparse
import json
import random
from datetime import date
from pathlib import Path

import pytest

from summitry.time import DateSpan, Interval, end_from_duration, find_dates, parse_published
from summitry.time.lexicon import LexiconError, load_words, words

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# --- the publication date ---------------------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("2023-04-10", ("2023-04-10", "2023-04-10", "day")),
    ("2023-04", ("2023-04-01", "2023-04-30", "month")),
    ("2024-02", ("2024-02-01", "2024-02-29", "month")),
    ("2023", ("2023-01-01", "2023-12-31", "year")),
    ("2023-04-10T08:30:00Z", ("2023-04-10", "2023-04-10", "day")),
    (date(2022, 9, 6), ("2022-09-06", "2022-09-06", "day")),
])
def test_parse_published_keeps_the_precision_it_has(value, expected):
    iv = parse_published(value)
    assert (*iv.iso(), iv.granularity) == expected


@pytest.mark.parametrize("value", [None, "", "  "])
def test_parse_published_unknown_is_none(value):
    assert parse_published(value) is None


@pytest.mark.parametrize("value", ["yesterday", "2023-13", "2023-02-30", "23-04-10", "2023/04/10"])
def test_parse_published_rejects_what_is_not_a_date(value):
    with pytest.raises(ValueError, match="published date"):
        parse_published(value)


def test_parse_published_rejects_other_types():
    with pytest.raises(TypeError, match="published date"):
        parse_published(2023)


def test_find_dates_rejects_a_bad_publication_date():
    with pytest.raises(ValueError, match="2023-13"):
        find_dates("last month", "en", "2023-13")


# --- intervals ------------------------------------------------------------------------------------

@pytest.mark.parametrize("granularity,precision", [
    ("day", "day"), ("days", "day"), ("week", "month"), ("part", "month"), ("month", "month"),
    ("season", "year"), ("quarter", "year"), ("year", "year"), ("decade", "year"), ("vague", "year"),
])
def test_precision_follows_granularity(granularity, precision):
    assert Interval(date(2023, 1, 1), date(2023, 1, 2), granularity).precision == precision


def test_interval_refuses_nonsense():
    with pytest.raises(ValueError):
        Interval(date(2023, 1, 2), date(2023, 1, 1), "days")
    with pytest.raises(ValueError):
        Interval(date(2023, 1, 1), date(2023, 1, 1), "fortnight")


def test_duration_fixes_the_end_from_a_start():
    (start,) = find_dates("on September 14", "en", "2022-09-10")
    (dur,) = find_dates("a two-day state visit", "en", "2022-09-10")
    assert dur.kind == "duration" and dur.interval is None and dur.days == 2
    assert end_from_duration(start.interval, dur.days).iso() == ("2022-09-14", "2022-09-15")
    (zh,) = find_dates("为期两天", "zh", None)
    assert end_from_duration(start.interval, zh.days).granularity == "days"
    with pytest.raises(ValueError):
        end_from_duration(start.interval, 0)


def test_span_serialises_to_json():
    (span,) = find_dates("late March", "en", "2023-04-10")
    assert isinstance(span, DateSpan)
    assert json.loads(json.dumps(span.to_dict())) == {
        "start": 0, "end": 10, "text": "late March", "kind": "part", "days": None,
        "interval": {"start": "2023-03-21", "end": "2023-03-31", "granularity": "part", "precision": "month"}}


# --- arguments ------------------------------------------------------------------------------------

def test_unknown_language_and_tense_are_errors():
    with pytest.raises(ValueError, match="language"):
        find_dates("May 5", "fr", None)
    with pytest.raises(ValueError, match="tense"):
        find_dates("May 5", "en", None, tense="present")


def test_empty_text_has_no_dates():
    assert find_dates("", "en", "2023") == [] and find_dates("", "zh", None) == []


def test_tense_moves_a_weekday_and_a_month():
    past = find_dates("on Friday in March", "en", "2023-04-10", "past")
    future = find_dates("on Friday in March", "en", "2023-04-10", "future")
    assert [s.interval.iso()[0] for s in past] == ["2023-04-07", "2023-03-01"]
    assert [s.interval.iso()[0] for s in future] == ["2023-04-14", "2024-03-01"]


def test_a_stated_weekday_picks_the_year():
    # 5 September fell on a Monday in 2022; with the weekday stated no other year fits
    (span,) = find_dates("Monday, September 5", "en", "2023-01-20", "past")
    assert span.interval.iso() == ("2022-09-05", "2022-09-05")


# --- robustness ---------------------------------------------------------------------------------

GARBLED = [
    "September 15th to 16th in September 15th to 16th", "On February 2023, 2", "On May 5-10",
    "mid -September", "In 3 days and 2 nights", "September 32 to 40, 20222", "from to between and",
    "14-16-18 September", "Sept.", "May May May", "2022-02-30", "9月32日至40日", "13月", "周八",
    "二〇二二年十三月", "为期几天", "上上个月", "（）（9月）", "the the the end of of", "0 days ago",
]


@pytest.mark.parametrize("text", GARBLED)
def test_garbled_text_does_not_crash(text):
    for lang in ("en", "zh"):
        for pub in ("2022-09-06", "2022-09", "2022", None):
            spans = find_dates(text, lang, pub)
            _check_spans(text, spans)


def test_random_text_never_breaks_offsets_or_overlaps():
    rng = random.Random(4)
    pieces = ["September", "Sept.", "14", "16th", "2022", "-", " to ", " and ", "between ", "from ", "the ",
              "end of ", "last ", "Monday", "(", ")", ", ", "May", "mid", " ", "9月", "14日", "至", "周四",
              "（", "）", "年", "上月", "为期", "两天", "ago", "years", "two-day", "visit", "今秋", "下旬",
              "十", "百", "两", "几", "〇", "二", "月", "日", "天", "前", "近", "0", "days", "a few", "weekend"]
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        for lang in ("en", "zh"):
            _check_spans(text, find_dates(text, lang, rng.choice(["2022-09-06", "2022", None]),
                                          rng.choice([None, "past", "future"])))


def _check_spans(text, spans):
    last_end = 0
    for s in spans:
        assert text[s.start:s.end] == s.text and s.start >= last_end and s.end > s.start
        last_end = s.end
        if s.interval is not None:
            assert s.interval.start <= s.interval.end


@pytest.mark.skipif(not (SHARED / "corpus" / "seeds.jsonl").exists(), reason="shared corpus absent")
def test_seed_articles_scan_cleanly():
    for line in (SHARED / "corpus" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        spans = find_dates(doc["text"], doc["lang"], doc["published"])
        _check_spans(doc["text"], spans)
        assert spans, doc["id"]


# --- the word file --------------------------------------------------------------------------------

def test_package_word_file_is_valid():
    w = words()
    assert set(w["en"]["months"]) == {str(i) for i in range(1, 13)}
    assert set(w["zh"]["weekdays"].values()) == set(range(7))


def test_a_broken_word_file_is_reported_with_its_line(tmp_path):
    text = (Path(__file__).resolve().parents[1] / "src/summitry/time/data/words.yaml").read_text(encoding="utf-8")
    broken = text.replace("    late: [21, end]", "    late: [21, last]")
    path = tmp_path / "words.yaml"
    path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index("    late: [21, last]") + 1
    with pytest.raises(LexiconError) as err:
        load_words(path)
    assert f"{path}:{line}" in str(err.value) and "parts/month/late" in str(err.value)


def test_invalid_yaml_is_reported_with_its_line(tmp_path):
    path = tmp_path / "words.yaml"
    path.write_text("en:\n  months: [\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"words\.yaml:\d+: not valid YAML"):
        load_words(path)


# --- the CLI ----------------------------------------------------------------------------------------

def _cli(argv, capsys):
    from summitry.time.cli import register

    parser = argparse.ArgumentParser(prog="summitry")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    status = args.func(args)
    out = capsys.readouterr()
    return status, out.out, out.err


def test_cli_prints_json(capsys):
    status, out, _ = _cli(["timex", "late March", "--lang", "en", "--ref", "2023-04-10"], capsys)
    assert status == 0
    (span,) = json.loads(out)
    assert span["text"] == "late March" and span["interval"]["start"] == "2023-03-21"


def test_cli_guesses_chinese_and_takes_tense(capsys):
    status, out, _ = _cli(["timex", "周四会见", "--ref", "2022-09-16", "--tense", "future"], capsys)
    assert status == 0 and json.loads(out)[0]["interval"]["start"] == "2022-09-22"


def test_cli_bad_ref_is_an_error(capsys):
    status, out, err = _cli(["timex", "last month", "--ref", "April"], capsys)
    assert status == 2 and out == "" and "--ref" in err


def test_trigger_scan_agrees_with_trying_every_position_on_random_text():
    from summitry.time import en, zh
    from summitry.time.resolve import Anchor

    rng = random.Random(11)
    pieces = ["September", "14", "16th", "2022", "-", " to ", " and ", "between ", "from ", "the ", "end of ",
              "last ", "Monday", "(", ")", ", ", "May", "mid", " ", "9月", "14日", "至", "周四", "（", "）",
              "年", "上月", "为期", "两天", "ago", "years", "two-day", "visit", "今秋", "下旬", "十", "两", "几",
              "月", "日", "天", "前", "近", "days", "a few", "weekend", "号", "周", "星期", "冬季", "季度", "第",
              "quarter", "first half of ", "this ", "next ", "year", "month", "早前", "不久", "年内", "、", "以来",
              "自", "in ", "over ", "past ", "coming ", "a ", "since ", "of ", "early ", "late ", "soon", "fall",
              "to", " or ", "mid-", "March", "中下旬", "周五", "下周一"]
    for _ in range(800):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        anchor = Anchor(parse_published(rng.choice(["2022-09-06", "2022", None])),
                        rng.choice([None, "past", "future"]))
        for grammar in (en.grammar(), zh.grammar()):
            assert grammar.scan(text, anchor, True) == grammar.scan_everywhere(text, anchor, True), text


# --- reading only some sentences ----------------------------------------------------------------

def test_dates_within_some_sentences_are_those_a_whole_text_scan_finds_there():
    from summitry.extract.text import split_sentences

    repo = Path(__file__).resolve().parents[1]
    docs = [json.loads(line) for line in (repo / "examples" / "corpus.jsonl").read_text("utf-8").splitlines()]
    rng = random.Random(7)
    checked = 0
    for doc in docs:
        sentences = split_sentences(doc["text"])
        chosen = [(s.start, s.end) for s in sentences if rng.random() < 0.5]
        whole = find_dates(doc["text"], doc["lang"], doc.get("published"))
        within = find_dates(doc["text"], doc["lang"], doc.get("published"), within=chosen)
        assert within == [d for d in whole if any(a <= d.start < b for a, b in chosen)], doc["id"]
        assert find_dates(doc["text"], doc["lang"], doc.get("published"),
                          within=[(s.start, s.end) for s in sentences]) == whole
        checked += len(within)
    assert checked > 50
    assert find_dates("Talks on May 5 and June 6.", "en", "2023-01-01", within=[]) == []
