"""The English rules engine: who takes part, as real news names them - a counterpart named after
"his ... counterpart", officials the knowledge base does not know, leaderships and delegations
(sentences written for the tests)."""
import pytest

from summitry.extract.en import EnglishRuleEngine
from summitry.records import Document


@pytest.fixture(scope="module")
def engine():
    return EnglishRuleEngine()


def extract(engine, text, published="2023-06-20"):
    return engine.extract(Document(id="t", text=text, lang="en", published=published))


def test_a_counterpart_named_after_his_is_one_party_coordinated_with_the_subject(engine):
    (ev,) = extract(engine, "TOKYO: German Chancellor Olaf Scholz and his Japanese counterpart Fumio Kishida met "
                            "Monday in Tokyo.")
    assert (ev.type, ev.actor.name, [c.name for c in ev.counterparts], ev.countries) == (
        "meeting", "Olaf Scholz", ["Fumio Kishida"], ["JPN"])


def test_a_possessive_far_after_a_visit_noun_is_not_its_visitor(engine):
    events = extract(engine, "Critics said the deal was a mistake and German Chancellor Olaf Scholz, on a visit to "
                             "Tokyo, voiced concern over trade, to the annoyance of his hosts.")
    assert [(e.type, e.actor.name, e.countries) for e in events if e.type == "visit"] == [
        ("visit", "Olaf Scholz", ["JPN"])]
    # a visitor named by "by" still is one
    (ev,) = extract(engine, "A visit to Tokyo by German Chancellor Olaf Scholz was announced on Monday.")
    assert (ev.actor.name, ev.countries) == ("Olaf Scholz", ["JPN"])
