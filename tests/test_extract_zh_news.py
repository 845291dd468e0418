"""The Chinese rule engine on constructions common in broadcast news (sentences written for these
tests, in the style of 新闻联播 and news-agency copy)."""

from __future__ import annotations

import warnings

import pytest

from summitry.records import Document, Event


@pytest.fixture(scope="module")
def engine():
    from summitry.extract.zh import ChineseRuleEngine

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ChineseRuleEngine()


def extract(engine, text: str, published: str | None = "2026-04-14") -> list[Event]:
    return engine.extract(Document("t", text, "zh", published))


def summary(events: list[Event]) -> set[tuple]:
    return {(e.type, e.actor.name or e.actor.country, tuple(sorted(p.name or p.country for p in e.counterparts)),
             tuple(e.countries)) for e in events}


# -- country abbreviations ----------------------------------------------------------------------


def test_an_abbreviation_means_the_country_the_document_names_in_full(engine):
    text = ("国务院副总理丁薛祥将赴土库曼斯坦出席天然气项目开工仪式。访土期间，他将同土方共同主持合作委员会会议。")
    visits = [e for e in extract(engine, text) if e.type == "visit"]
    assert visits and all(e.countries == ["TKM"] for e in visits)


def test_an_abbreviation_keeps_its_default_when_the_default_country_is_named(engine):
    text = "土耳其总统埃尔多安与土库曼斯坦总统通电话。国家主席习近平明年将访土。"
    (visit,) = [e for e in extract(engine, text) if e.type == "visit"]
    assert visit.countries == ["TUR"]


def test_an_interview_is_not_a_visit(engine):
    assert extract(engine, "伊朗外长在接受美国电视台采访中表示，伊方不会退让。") == []
    assert extract(engine, "俄罗斯总统普京在专访中谈及对华关系。") == []
