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
    (ev,) = [e for e in extract(engine, "TOKYO: German Chancellor Olaf Scholz and his Japanese counterpart Fumio "
                                "Kishida met Monday in Tokyo.") if e.type == "meeting"]
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


def _parties(events):
    return [(e.actor.name, e.actor.country, [(c.name, c.country) for c in e.counterparts]) for e in events
            if e.type == "meeting"]


def test_an_official_the_knowledge_base_does_not_know_keeps_the_country_the_text_gives(engine):
    expected = [("Olaf Scholz", "DEU", [("Zorvan Abdulkarim", "YEM")])]
    for text in ("German Chancellor Olaf Scholz met Foreign Minister Zorvan Abdulkarim of Yemen in Berlin.",
                 "German Chancellor Olaf Scholz met Zorvan Abdulkarim, Yemen's foreign minister, in Berlin.",
                 "German Chancellor Olaf Scholz met with Zorvan Abdulkarim, the foreign minister of Yemen, in Berlin.",
                 "German Chancellor Olaf Scholz met with the Yemeni foreign minister, Zorvan Abdulkarim, in Berlin."):
        assert _parties(extract(engine, text)) == expected, text
    # and travels as an official of that country
    events = extract(engine, "Deputy Prime Minister Zorvan Abdulkarim of Yemen visited Germany on Monday.")
    assert [(e.actor.name, e.actor.country, e.countries) for e in events] == [("Zorvan Abdulkarim", "YEM", ["DEU"])]


def test_a_delegation_led_by_someone_is_its_head_and_an_unnamed_one_is_its_country(engine):
    events = extract(engine, "German Chancellor Olaf Scholz held talks with a Japanese delegation led by Prime "
                             "Minister Fumio Kishida.")
    assert _parties(events) == [("Olaf Scholz", "DEU", [("Fumio Kishida", "JPN")])]
    events = extract(engine, "German Chancellor Olaf Scholz held talks with a Japanese delegation on Monday.")
    assert _parties(events) == [("Olaf Scholz", "DEU", [(None, "JPN")])]
    # officials in general are no side of a meeting
    assert extract(engine, "German Chancellor Olaf Scholz met Japanese officials on Monday.") == []


def test_a_briefing_s_he_is_somewhere_is_the_person_it_talks_about(engine):
    events = extract(engine, "MS. SPOKESWOMAN: German Chancellor Olaf Scholz has been very engaged. Today he’s in "
                             "Tokyo. QUESTION: Thank you.")
    assert [(e.type, e.actor.name, e.countries) for e in events] == [("visit", "Olaf Scholz", ["JPN"])]
    # a quoted "he's in" a place that is no country is nowhere
    assert extract(engine, "German Chancellor Olaf Scholz spoke. \"He's in a detention center,\" Lee said.") == []


def test_a_deputy_s_title_is_not_the_minister_s_it_contains(engine):
    events = extract(engine, "German Chancellor Olaf Scholz met with Zorvan Abdulkarim, vice defense minister of "
                             "Yemen, on Thursday.")
    assert _parties(events) == [("Olaf Scholz", "DEU", [("Zorvan Abdulkarim", "YEM")])]
    # unnamed, the deputy is the country's, not the minister the knowledge base knows
    events = extract(engine, "German Chancellor Olaf Scholz met with the Yemeni vice defense minister on Thursday.")
    assert _parties(events) == [("Olaf Scholz", "DEU", [(None, "YEM")])]


def test_a_british_chancellor_is_the_chancellor_of_the_exchequer_of_the_day(engine):
    events = extract(engine, "Chancellor George Osborne arrived on Monday. Mr Osborne is in Xinjiang, in China, on "
                             "a trade visit.", published="2015-09-23")
    assert {(e.actor.name, e.actor.country, e.countries[0]) for e in events} == {("George Osborne", "GBR", "CHN")}
    (ev,) = extract(engine, "The British chancellor will visit Japan next week.", published="2015-09-23")
    assert (ev.actor.name, ev.countries) == ("George Osborne", ["JPN"])


def test_a_title_after_an_apposed_name_and_a_verb_is_the_next_persons(engine):
    """A name set off by commas takes the title that stands in apposition to it ("Zorvan Abdulkarim,
    Yemen's foreign minister, said"), never the title of the person named after the verb: "Japan's
    military chief, Admiral Katsutoshi Kawano, met US Defense Secretary Jim Mattis" keeps Kawano's own
    office."""
    events = extract(engine, "Japan's military chief, Admiral Katsutoshi Kawano, met US Defense Secretary Jim Mattis "
                             "in Washington on Tuesday.", published="2017-06-21")
    assert [(e.actor.name, e.actor.office, [(c.name, c.office) for c in e.counterparts]) for e in events
            if e.type == "meeting"] == [
        ("Katsutoshi Kawano", "Chief of Staff, Joint Staff", [("Jim Mattis", "Defense Secretary")])]
    events = extract(engine, "Pakistan's army chief, General Raheel Sharif, met Chinese President Xi Jinping in "
                             "Beijing on Tuesday.", published="2015-04-22")
    assert {(e.actor.name, e.actor.office) for e in events} == {("Raheel Sharif", "Chief of Army Staff")}


def test_two_family_names_that_stand_together_are_one_name_of_someone_else(engine):
    # Abbas and Ansari are each a leader's family name; together they name a separatist
    events = extract(engine, "Sartaj Aziz met Abbas Ansari in New Delhi on Sunday.", published="2015-08-20")
    assert not [e for e in events if e.type == "meeting"]
    (meeting,) = [e for e in extract(engine, "Sartaj Aziz met Abbas in Ramallah on Sunday.", published="2015-08-20")
                  if e.type == "meeting"]
    assert [c.name for c in meeting.counterparts] == ["Mahmoud Abbas"]
