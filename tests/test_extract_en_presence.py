"""The English rules engine: a visit told only by where the actor is - speaking in a foreign city, at a
news conference there, or placed there in an aside (sentences written for the tests)."""
import pytest

from summitry.extract.en import EnglishRuleEngine
from summitry.records import Document


@pytest.fixture(scope="module")
def engine():
    return EnglishRuleEngine()


def visits(engine, text, published="2023-06-20"):
    events = engine.extract(Document(id="t", text=text, lang="en", published=published))
    return [(e.actor.name, e.countries, e.place, e.start) for e in events if e.type == "visit"]


def test_speaking_to_reporters_in_a_foreign_city_is_being_there_on_the_day_of_speaking(engine):
    assert visits(engine, "German Chancellor Olaf Scholz told reporters in Tokyo on Monday that trade would grow.") \
        == [("Olaf Scholz", ["JPN"], "Tokyo", "2023-06-19")]
    assert visits(engine, "German Chancellor Olaf Scholz told reporters on Monday in Tokyo that trade would grow.") \
        == [("Olaf Scholz", ["JPN"], "Tokyo", "2023-06-19")]
    # at home, or in a statement, he went nowhere
    assert visits(engine, "German Chancellor Olaf Scholz told reporters in Berlin that trade would grow.") == []
    assert visits(engine, "German Chancellor Olaf Scholz spoke in a statement of growing trade.") == []


def test_a_phrase_of_presence_opening_the_sentence_is_its_subject_s(engine):
    assert visits(engine, "Speaking in Tokyo, German Chancellor Olaf Scholz said trade would grow.") == [
        ("Olaf Scholz", ["JPN"], "Tokyo", None)]
    assert visits(engine, "At a news conference in Tokyo, German Chancellor Olaf Scholz said trade would grow.") \
        == [("Olaf Scholz", ["JPN"], "Tokyo", None)]
    assert visits(engine, "Visiting Tokyo on Monday, German Chancellor Olaf Scholz said trade would grow.") == [
        ("Olaf Scholz", ["JPN"], "Tokyo", "2023-06-19")]


def test_a_place_in_an_aside_after_the_actor_places_the_actor_there(engine):
    assert visits(engine, "German Chancellor Olaf Scholz, in Tokyo on Monday, said trade would grow.") == [
        ("Olaf Scholz", ["JPN"], "Tokyo", "2023-06-19")]
    # an aside that is no place, or an aside after someone else's phrase, places no one
    assert visits(engine, "German Chancellor Olaf Scholz, in turn, said trade would grow.") == []
    assert visits(engine, "German Chancellor Olaf Scholz praised the deal, in Berlin on Monday.") == []


def test_an_aside_s_place_does_not_cut_a_meeting_off_from_where_it_was_held(engine):
    events = engine.extract(Document(id="t", lang="en", published="2023-06-20", text=(
        "German Chancellor Olaf Scholz spoke after his meeting with Prime Minister Fumio Kishida, unseen, in Tokyo, "
        "Japan, on Tuesday.")))
    assert [(e.type, e.countries) for e in events if e.type == "meeting"] == [("meeting", ["JPN"])]


def test_a_company_s_chief_executive_holds_no_office_of_the_country_in_its_name(engine):
    assert visits(engine, "At a news conference in Tokyo, Ignaz Oberhuber, chief executive of Austria Airlines, "
                          "said the plane was sound.") == []


def test_a_travel_verb_with_an_adverb_still_goes_somewhere(engine):
    assert visits(engine, "German Chancellor Olaf Scholz flew secretly to Tokyo in August 2011.") == [
        ("Olaf Scholz", ["JPN"], "Tokyo", "2011-08-01")]


def test_a_meeting_held_in_a_country_brings_its_foreign_participants_there(engine):
    events = engine.extract(Document(id="t", lang="en", published="2023-06-20", text=(
        "German Chancellor Olaf Scholz met Prime Minister Fumio Kishida and Foreign Minister Zorvan Abdulkarim of "
        "Yemen in Tokyo on Monday.")))
    assert sorted((e.actor.name, e.countries[0]) for e in events if e.type == "visit") == [
        ("Olaf Scholz", "JPN"), ("Zorvan Abdulkarim", "JPN")]
    # a place said far on, of something else, brings no one there
    events = engine.extract(Document(id="t", lang="en", published="2023-06-20", text=(
        "German Chancellor Olaf Scholz talks of his meeting with Prime Minister Fumio Kishida and of what he thinks "
        "of the airstrikes against the rebels in Yemen.")))
    assert [e.type for e in events] == ["meeting"]


def test_speaking_to_the_press_or_at_a_joint_news_conference_abroad_is_being_there(engine):
    assert visits(engine, "German Chancellor Olaf Scholz, speaking to reporters in Tokyo on Monday, urged calm.") == [
        ("Olaf Scholz", ["JPN"], "Tokyo", "2023-06-19")]
    assert visits(engine, "German Chancellor Olaf Scholz said at a joint news conference with Prime Minister Fumio "
                          "Kishida in Tokyo that trade would grow.") == [("Olaf Scholz", ["JPN"], "Tokyo", None)]


def test_a_meeting_in_a_third_country_or_an_ambassador_s_meeting_brings_no_one_anywhere(engine):
    events = engine.extract(Document(id="t", lang="en", published="2023-06-20", text=(
        "German Chancellor Olaf Scholz and Prime Minister Fumio Kishida met in Vienna on Monday.")))
    assert [e.type for e in events] == ["meeting"]
    events = engine.extract(Document(id="t", lang="en", published="2023-06-20", text=(
        "Prime Minister Fumio Kishida met with German Ambassador to Japan Zorvan Abdulkarim in Tokyo on Monday.")))
    assert [e.type for e in events if e.type == "visit"] == []


def test_a_place_opening_the_sentence_places_its_subject_there(engine):
    assert visits(engine, "The talks ended. In Tokyo on Monday, German Chancellor Olaf Scholz said trade would "
                          "grow.") == [("Olaf Scholz", ["JPN"], "Tokyo", "2023-06-19")]
    # at home, or before no one, or in a headline, it places no one
    assert visits(engine, "In Berlin on Monday, German Chancellor Olaf Scholz said trade would grow.") == []
    assert visits(engine, "In Tokyo, officials said trade would grow.") == []
    assert visits(engine, "In Tokyo, German Chancellor Scholz Talks Trade\nThe talks went well.") == []
    # and it does not take the subject of the sentence's verb from a gathering
    events = engine.extract(Document(id="t", lang="en", published="2023-06-20", text=(
        "In Tokyo, German Chancellor Olaf Scholz also gave a speech to the Arab League.")))
    assert ("multilateral", "Olaf Scholz") in {(e.type, e.actor.name) for e in events}


def test_a_place_before_a_visit_noun_may_follow_a_word_of_the_owner_s_or_be_a_nationality(engine):
    assert visits(engine, "The deal was signed during German Chancellor Olaf Scholz's landmark Japan visit.") == [
        ("Olaf Scholz", ["JPN"], None, None)]
    assert visits(engine, "What is striking about German Chancellor Olaf Scholz's Japanese tour is its length.") == [
        ("Olaf Scholz", ["JPN"], None, None)]
    # without an owner, a nationality before the noun says who visits as well as where
    assert visits(engine, "German Chancellor Olaf Scholz praised the Japanese visit.") == []
