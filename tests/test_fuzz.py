"""Property tests with hypothesis: the date grammar, the engines and the reader on generated input.

``make test`` runs each property on a few dozen cases (the ``quick`` profile, seconds in all);
``make fuzz`` runs thousands (the ``fuzz`` profile, ``SUMMITRY_FUZZ=1``). A failing case is kept
in ``.hypothesis/`` and tried first next time.
"""
from __future__ import annotations

import gzip
import json
import os
import random
from datetime import date

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from summitry.extract import extract_document
from summitry.ingest import DocumentStream
from summitry.pipeline import extract_events
from summitry.records import Document, json_schema
from summitry.time import find_dates

settings.register_profile("quick", max_examples=25, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("fuzz", max_examples=2_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile("fuzz" if os.environ.get("SUMMITRY_FUZZ") else "quick")

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
DATE_WORDS = {
    "zh": ["上旬", "前年", "周四", "10年前", "明年", "5月上旬", "15日", "本月", "去年底", "9月15日", "2022年", "近日",
           "下周一", "为期两天", "年初"],
    "en": ["last year", "next year", "Thursday", "ten years ago", "early May", "on the 14th", "in the coming months",
           "next month", "September 15", "2022", "late March", "a two-day visit", "the end of the year", "last week"],
}


@st.composite
def published_dates(draw) -> str:
    """A publication date of any year the calendar has, to the day, month or year."""
    day = draw(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    return draw(st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]]))


def _check_spans(text, spans):
    last = 0
    for span in spans:
        assert last <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text
        last = span.end
        if span.interval is not None:
            assert date(1, 1, 1) <= span.interval.start <= span.interval.end <= date(9999, 12, 31)


@given(st.text(), st.sampled_from(["en", "zh"]), published_dates())
def test_find_dates_reads_any_text_at_any_date(text, lang, published):
    _check_spans(text, find_dates(text, lang, published))


@given(st.sampled_from(["en", "zh"]).flatmap(lambda lang: st.tuples(
    st.just(lang), st.lists(st.sampled_from(DATE_WORDS[lang]), min_size=1, max_size=4),
    st.lists(st.text(max_size=8), min_size=4, max_size=4))), published_dates(),
    st.sampled_from([None, "past", "future"]))
def test_find_dates_reads_date_expressions_at_any_date(words, published, tense):
    lang, exprs, fillers = words
    text = "".join(f + e for f, e in zip(fillers, exprs)) + fillers[-1]
    _check_spans(text, find_dates(text, lang, published, tense))


def _valid_records(doc, events):
    for event in events:
        VALIDATOR.validate(event.to_dict())
        (mention,) = event.mentions
        assert mention.doc == doc.id and 0 <= mention.start < mention.end <= len(doc.text)
        assert doc.text[mention.start:mention.end] == mention.text
        assert event.start is None or event.end is None or event.start <= event.end


@given(st.text(max_size=400), st.sampled_from(["en", "zh"]), published_dates())
def test_the_engines_give_valid_records_for_any_text(text, lang, published):
    doc = Document(id="fuzz", text=text, lang=lang, published=published)
    _valid_records(doc, extract_document(doc))


PEOPLE = {"en": ["Chinese President Xi Jinping", "Russian President Vladimir Putin", "Xi", "he",
                 "Secretary of State Antony Blinken", "Kazakh President Kassym-Jomart Tokayev", "the Chinese leader",
                 "Prime Minister Narendra Modi", "Wang Yi"],
          "zh": ["国家主席习近平", "俄罗斯总统普京", "习近平", "他", "外交部长王毅", "美国国务卿布林肯", "哈萨克斯坦总统托卡耶夫",
                 "印度总理莫迪"]}
PLACES = {"en": ["Moscow", "Beijing", "Kazakhstan", "Astana", "Samarkand", "the United States", "India", "Paris"],
          "zh": ["莫斯科", "北京", "哈萨克斯坦", "阿斯塔纳", "撒马尔罕", "美国", "印度", "巴黎"]}
VERBS = {"en": ["met {p} in {place}", "visited {place}", "will visit {place}", "held talks with {p}",
                "spoke by phone with {p}", "arrived in {place} for a state visit", "postponed a trip to {place}",
                "attended the SCO summit in {place}", "is expected to meet {p}"],
         "zh": ["在{place}会见{p}", "访问{place}", "将访问{place}", "同{p}举行会谈", "同{p}通电话", "抵达{place}进行国事访问",
                "推迟访问{place}", "出席在{place}举行的上合组织峰会"]}
WHEN = {"en": ["", " on Thursday", " on September 15", " last year", " in early May", " next month"],
        "zh": ["", "周四", "9月15日", "去年", "5月上旬", "下个月"]}


@st.composite
def templated_documents(draw, doc_id: str) -> Document:
    lang = draw(st.sampled_from(["en", "zh"]))
    sentences = []
    for _ in range(draw(st.integers(1, 5))):
        who, other = draw(st.sampled_from(PEOPLE[lang])), draw(st.sampled_from(PEOPLE[lang]))
        verb = draw(st.sampled_from(VERBS[lang])).format(p=other, place=draw(st.sampled_from(PLACES[lang])))
        when = draw(st.sampled_from(WHEN[lang]))
        sentences.append(f"{who}{when} {verb}." if lang == "en" else f"{when}{who}{verb}。")
    published = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))).isoformat()
    return Document(id=doc_id, text=(" " if lang == "en" else "").join(sentences), lang=lang, published=published)


@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=6, unique=True).flatmap(
    lambda ids: st.tuples(*[templated_documents(f"doc-{i}") for i in ids])), st.randoms(use_true_random=False))
def test_templated_news_gives_valid_records_whatever_the_order_of_the_documents(docs, rnd):
    docs = list(docs)
    for doc in docs:
        _valid_records(doc, extract_document(doc))
    fused = extract_events(docs)
    for event in fused:
        VALIDATOR.validate(event.to_dict())
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    assert sorted(e.to_json() for e in extract_events(shuffled)) == sorted(e.to_json() for e in fused)


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                        max_size=3), max_leaves=8)
DOCUMENT_LIKE = st.fixed_dictionaries({}, optional={
    "id": st.text(max_size=12) | st.integers(), "text": st.text(max_size=60) | JSON_VALUES,
    "lang": st.sampled_from(["en", "zh", "EN", "zh-CN", "fr", ""]) | JSON_VALUES,
    "published": published_dates() | st.text(max_size=12) | JSON_VALUES, "source": JSON_VALUES, "url": JSON_VALUES})


def _check_stream(path):
    stream = DocumentStream([path])
    docs = list(stream)  # never raises
    for doc in docs:
        assert isinstance(doc.id, str) and doc.id and isinstance(doc.text, str)
        for value in (doc.id, doc.text, doc.source or "", doc.url or ""):
            assert "\x00" not in value
            value.encode("utf-8")  # no lone surrogate is left
        assert doc.published is None or 1900 <= int(doc.published[:4]) <= 2100
    assert all(e.path == str(path) for e in stream.errors)
    return docs, stream.errors


@given(st.binary(max_size=2_000), st.sampled_from([".jsonl", ".txt", ".html", ".parquet", ".jsonl.gz", ".json"]))
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_reader_takes_any_bytes_in_any_file(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and random.random() < 0.5 else data)
    _check_stream(path)


@given(st.lists(DOCUMENT_LIKE | JSON_VALUES, max_size=8), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
       st.booleans())
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_the_reader_takes_any_json_lines_and_keeps_every_good_document(tmp_path_factory, rows, encoding, ascii_only):
    lines = [json.dumps(r, ensure_ascii=ascii_only) for r in rows]
    try:
        data = "".join(line + "\n" for line in lines).encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    path = tmp_path_factory.mktemp("lines") / "input.jsonl"
    path.write_bytes(data)
    docs, errors = _check_stream(path)
    assert len(docs) + len(errors) <= len(rows)


@pytest.mark.parametrize("seed", range(3))
def test_the_reader_takes_a_file_of_random_bytes_of_every_byte_value(tmp_path, seed):
    rnd = random.Random(seed)
    path = tmp_path / "noise.jsonl"
    path.write_bytes(bytes(rnd.randrange(256) for _ in range(100_000)))
    _check_stream(path)
