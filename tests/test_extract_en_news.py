"""The English rules engine on what real news says: plans told by headlines and dates, tours, visits put
off, what a story carries from one sentence to the next (sentences written for the tests)."""
import pytest

from summitry.extract.en import EnglishRuleEngine
from summitry.records import Document


@pytest.fixture(scope="module")
def engine():
    return EnglishRuleEngine()


def extract(engine, text, published="2023-06-20"):
    return engine.extract(Document(id="t", text=text, lang="en", published=published))


def attendances(engine, text, published="2023-06-20"):
    """The gatherings attended (without the visits that attending one abroad also tells)."""
    return [e for e in extract(engine, text, published) if e.type == "multilateral"]


def test_a_present_tense_visit_on_a_day_after_the_report_is_a_plan(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz travels to Japan next week for talks on trade.")
    assert (ev.status, ev.start) == ("planned", "2023-06-26")
    # a past verb stays what it says, whatever the report's day
    (ev,) = extract(engine, "German Chancellor Olaf Scholz travelled to Japan on July 2, 2023.")
    assert ev.status == "occurred"
    # a present tense's weekday is the nearest one, here the next (told on a Sunday)
    for text in ("Chancellor Olaf Scholz arrives in Tokyo on Monday.", "Olaf Scholz travels to Japan on Monday."):
        (ev,) = extract(engine, text, published="2023-06-18")
        assert (ev.status, ev.start) == ("planned", "2023-06-19")
    (ev,) = extract(engine, "Olaf Scholz was in Japan on Monday.", published="2023-06-18")
    assert (ev.status, ev.start) == ("occurred", "2023-06-12")


def test_a_headline_s_infinitive_is_a_plan(engine):
    events = extract(engine, "Scholz set to visit Japan and Vietnam\nGerman Chancellor Olaf Scholz spoke in Berlin.")
    assert sorted((e.status, e.countries[0]) for e in events) == [("planned", "JPN"), ("planned", "VNM")]
    events = extract(engine, "German chancellor to visit Japan, sign chip accord\nThe talks matter.")
    assert [(e.type, e.status, e.countries) for e in events] == [("visit", "planned", ["JPN"])]
    # a doubt in the headline stays a doubt
    events = extract(engine, "Scholz very unlikely to visit Japan, says Berlin\nThe talks matter.")
    assert [e.status for e in events] == ["speculated"]
    # a page's title is a headline with the site's name after it
    events = extract(engine, "German chancellor to visit Japan, sign semiconductor and hydrogen accords | The Morning "
                             "Ledger Mobile Edition\nThe talks matter.")
    assert [(e.status, e.countries) for e in events] == [("planned", ["JPN"])]


def test_passing_through_countries_visits_each_but_not_what_a_new_clause_names(engine):
    events = extract(engine, "Scholz, by contrast, has passed through Portugal and Spain, and after Italy he will "
                             "visit Greece.")
    assert sorted((e.countries[0], e.status) for e in events) == [
        ("ESP", "occurred"), ("GRC", "planned"), ("PRT", "occurred")]


def test_a_visit_put_off_is_the_story_s_visit_when_it_names_no_place(engine):
    events = extract(engine, "German Chancellor Olaf Scholz arrived in Tokyo on Monday. Scholz's visit, first planned "
                             "for last autumn, was postponed because of the budget crisis.")
    assert {(e.countries[0], e.status) for e in events} == {("JPN", "occurred"), ("JPN", "postponed")}
    events = extract(engine, "German Chancellor Olaf Scholz arrived in Tokyo on Monday. The visit was first planned "
                             "for October but was postponed.")
    assert ("JPN", "postponed") in {(e.countries[0], e.status) for e in events}
    # a visit noun that goes on as usual is not carried: what it says is told elsewhere
    events = extract(engine, "German Chancellor Olaf Scholz arrived in Tokyo on Monday. During his visit, trade "
                             "dominated.")
    assert len(events) == 1


def test_a_gathering_named_again_keeps_the_days_the_story_gave_it(engine):
    text = ("At the fifth BRICS summit in Durban, South Africa, on Tuesday, the five economies agreed to found a "
            "bank. The BRICS bank will open in two years. Indian Prime Minister Manmohan Singh said at the summit "
            "that the bank was overdue.")
    events = [e for e in extract(engine, text, "2013-03-28") if e.type == "multilateral"]
    assert [(e.actor.name, e.forum, e.start) for e in events] == [("Manmohan Singh", "BRICS", "2013-03-26")]


def test_an_organisation_named_is_no_gathering_the_meeting_looks_back_to(engine):
    # "the meeting" is no gathering of the organisations the story names as such
    for named in ("the role played by the Shanghai Cooperation Organisation (SCO) and the Istanbul Process",
                  "becoming members of the SCO", "India is an observer SCO"):
        text = (f"Officials of three countries met in New Delhi for talks on Afghanistan. They spoke of {named}. "
                "Chinese Assistant Foreign Minister Liu Jianchao, who attended the meeting, later met the hosts.")
        assert not [e for e in extract(engine, text, "2015-05-29") if e.type == "multilateral"], named
    # the gathering itself still is
    text = ("Leaders met at the summit of the SCO in Ufa on Friday. Chinese Assistant Foreign Minister Liu Jianchao "
            "attended the meeting.")
    assert [(e.forum, e.countries) for e in extract(engine, text, "2015-07-11") if e.type == "multilateral"] == [
        ("SCO", ["RUS"])]


def test_a_who_clause_is_about_the_noun_before_it(engine):
    assert extract(engine, "German Chancellor Olaf Scholz spoke about students who have gone to Japan.") == []
    (ev,) = extract(engine, "Olaf Scholz, Chancellor of Germany, who is visiting Japan, spoke on Monday.")
    assert (ev.type, ev.actor.name, ev.countries) == ("visit", "Olaf Scholz", ["JPN"])


def test_a_visit_that_something_came_ahead_of_is_past_when_its_date_is(engine):
    (ev,) = extract(engine, "Relations soured ahead of German Chancellor Olaf Scholz's visit to Japan last year.")
    assert (ev.status, ev.start) == ("occurred", "2022-01-01")
    (ev,) = extract(engine, "Relations soured ahead of German Chancellor Olaf Scholz's visit to Japan next month.")
    assert (ev.status, ev.start) == ("planned", "2023-07-01")


def test_a_past_visit_in_may_or_march_is_the_last_one_before_the_report(engine):
    for month, start in (("May", "2015-05-01"), ("March", "2015-03-01"), ("June", "2015-06-01")):
        (ev,) = extract(engine, f"German Chancellor Angela Merkel visited Japan in {month}.", published="2016-01-04")
        assert (ev.status, ev.start) == ("occurred", start)


def test_a_trip_during_which_a_plan_was_to_happen_took_place(engine):
    events = extract(engine, "Merkel was to visit Korea last year during her Asia trip to Japan and Vietnam but "
                             "dropped it.", published="2016-01-04")
    assert {e.countries[0]: e.status for e in events if e.countries[0] != "KOR"} == {
        "JPN": "occurred", "VNM": "occurred"}
    # a trip during which something will happen is still to come
    events = extract(engine, "Merkel will sign the deal during her trip to Japan next month.", published="2016-01-04")
    assert [e.status for e in events] == ["planned"]


def test_calling_on_several_people_to_act_is_no_meeting(engine):
    assert extract(engine, "Scholz has called on President Emmanuel Macron, Prime Minister Giorgia Meloni and "
                           "Prime Minister Mark Rutte to condemn the attack.") == []


def test_what_happens_later_this_week_is_still_to_come(engine):
    (ev,) = extract(engine, "Trade will dominate when Chancellor Olaf Scholz meets Prime Minister Fumio Kishida "
                            "later this week.")
    assert (ev.type, ev.status) == ("meeting", "planned")
    (ev,) = extract(engine, "Critics want Berlin to rethink German Chancellor Olaf Scholz's visit to Japan later "
                            "this month.")
    assert (ev.type, ev.status) == ("visit", "planned")


def test_a_visit_owned_by_a_name_the_knowledge_base_does_not_know_is_not_given_to_another(engine):
    text = ("German Chancellor Olaf Scholz is in Tokyo. Scholz may seek closer defence ties with Japan, after "
            "Vice Admiral Hartwig Quellenbrink's visit to Japan in March 2023.")
    events = extract(engine, text)
    # the admiral's visit is not the chancellor's: only the chancellor's own stay in Tokyo is his
    assert [(e.actor.name, e.countries, e.start) for e in events] == [("Olaf Scholz", ["JPN"], None)]
    # a known owner, a title or a day before the noun are no unknown name
    (ev,) = extract(engine, "Olaf Scholz's three-day visit to Japan ended on Sunday.")
    assert (ev.actor.name, ev.countries) == ("Olaf Scholz", ["JPN"])
    events = extract(engine, "German Chancellor Olaf Scholz held Sunday's talks with Japanese Prime Minister "
                             "Fumio Kishida in Tokyo.")
    assert sorted(e.type for e in events) == ["meeting", "visit"]  # (a meeting in Tokyo: Scholz was there)


def test_land_in_a_place_is_a_landing_only_as_a_verb(engine):
    assert extract(engine, "The militants hold swaths of land in Iraq and Syria, Chancellor Olaf Scholz said.") == []
    (ev,) = extract(engine, "Chancellor Olaf Scholz will land in Tokyo on Sunday.")
    assert (ev.type, ev.countries, ev.status) == ("visit", ["JPN"], "planned")


def test_a_question_about_a_trip_to_come_makes_it_speculated_not_planned(engine):
    (ev,) = extract(engine, "Would it be wise for Chancellor Olaf Scholz to travel to North Korea next month?")
    assert (ev.countries, ev.status) == (["PRK"], "speculated")
    (ev,) = extract(engine, "Chancellor Olaf Scholz will travel to North Korea next month.")
    assert ev.status == "planned"


@pytest.mark.parametrize("former, country", [("Kiev", "UKR"), ("Teheran", "IRN"), ("Bombay", "IND"),
                                             ("Rangoon", "MMR"), ("Sana'a", "YEM")])
def test_a_city_s_former_english_name_is_that_city(engine, former, country):
    (ev,) = extract(engine, f"Chancellor Olaf Scholz arrived in {former} on Sunday.")
    assert ev.countries == [country]


def test_a_bare_surname_is_not_someone_who_took_office_only_later(engine):
    # Wilbur Ross became Secretary of Commerce in 2017: a "Ross" of 2016 is someone else
    assert extract(engine, "Ross travelled to Beijing on Monday.", "2016-03-04") == []
    (ev,) = extract(engine, "Ross travelled to Beijing on Monday.", "2018-03-04")
    assert ev.actor.name == "Wilbur Ross"


def test_a_known_surname_after_an_unknown_first_name_is_someone_else(engine):
    events = extract(engine, "Army chief Raheel Sharif visited Kabul on Monday.", "2015-06-01")
    assert "Nawaz Sharif" not in [e.actor.name for e in events]
    (ev,) = extract(engine, "Prime Minister Nawaz Sharif visited Kabul on Monday.", "2015-06-01")
    assert ev.actor.name == "Nawaz Sharif"


def test_a_trip_told_again_as_a_noun_gives_its_date_to_the_verb(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz returned to Japan on an official visit in January 2021.")
    assert (ev.countries, ev.start, ev.end) == (["JPN"], "2021-01-01", "2021-01-31")


@pytest.mark.parametrize("second", [
    "Talks are expected with Japanese Prime Minister Fumio Kishida.",
    "She will have a working dinner with Japanese Prime Minister Fumio Kishida.",
    "She will hold talks and lunch at the Akasaka Palace with Japanese Prime Minister Fumio Kishida.",
])
def test_a_meeting_announced_inside_a_planned_visit_is_planned_with_the_traveller(engine, second):
    events = extract(engine, "German Foreign Minister Annalena Baerbock will visit Japan next week. " + second)
    meeting = next(e for e in events if e.type == "meeting")
    assert (meeting.actor.name, [c.name for c in meeting.counterparts], meeting.status) == (
        "Annalena Baerbock", ["Fumio Kishida"], "planned")


def test_a_meal_with_no_official_on_the_other_side_is_no_meeting(engine):
    events = extract(engine, "German Foreign Minister Annalena Baerbock had dinner with business leaders in Tokyo.")
    assert [e.type for e in events if e.type == "meeting"] == []


def test_he_after_a_sentence_about_someone_unknown_is_not_a_person_named_before(engine):
    story = ("British Home Secretary Theresa May spoke on Monday. Abu Hamza Quilliam has Jordanian nationality "
             "because he was born in Bethlehem. In 1989 he went to Peshawar.")
    assert extract(engine, story, "2015-06-04") == []
    # with no one else in between, "she" is the Home Secretary
    (ev,) = extract(engine, "British Home Secretary Theresa May spoke on Monday. In 2014 she went to Pakistan.",
                    "2015-06-04")
    assert (ev.actor.name, ev.countries) == ("Theresa May", ["PAK"])


def test_years_up_to_the_report_date_an_event_only_in_the_perfect(engine):
    # the decade belongs to the aid's scale, not to the trip
    (ev,) = extract(engine, "German Chancellor Olaf Scholz travels to Japan with aid on a scale Berlin has never "
                            "offered in the past decade.", "2023-06-20")
    assert ev.start is None  # dated later from the report, not 2013-2023
    # "has visited ... in the past two years": somewhere in those years
    (ev,) = extract(engine, "German Chancellor Olaf Scholz has visited Japan twice in the past two years.",
                    "2023-06-20")
    assert (ev.start, ev.end) == ("2021-06-20", "2023-06-20")


def test_a_visit_that_what_the_story_tells_comes_before_is_still_to_come(engine):
    events = extract(engine, "Olaf Scholz's trip to Tokyo, coming three weeks before Chinese Premier Li Qiang's visit "
                             "to Germany, raises questions.", "2023-06-20")
    assert ("Li Qiang", "planned") in [(e.actor.name, e.status) for e in events]
    # a date in the sentence tells when it was
    events = extract(engine, "In March, shortly before Chinese Premier Li Qiang's visit to Germany, the ministry "
                             "approved the deal.", "2023-06-20")
    assert [(e.actor.name, e.status) for e in events] == [("Li Qiang", "occurred")]


def test_a_double_barrelled_name_the_knowledge_base_does_not_know_is_kept_whole(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz met Mauritian President Aminata Quell-Barrow on Monday.")
    assert [c.name for c in ev.counterparts] == ["Aminata Quell-Barrow"]


def test_a_relative_clause_set_off_by_commas_does_not_end_the_meeting_s_place_and_day(engine):
    (ev,) = [e for e in extract(engine, "German Chancellor Olaf Scholz meets with Japanese Prime Minister Fumio "
                                        "Kishida, who is here to attend the trade fair, in Hamburg, Germany, "
                                        "March 3, 2023.") if e.type == "meeting"]
    assert (ev.countries, ev.place, ev.start) == (["DEU"], "Hamburg", "2023-03-03")


def test_entering_a_country_s_airspace_or_territory_is_being_there(engine):
    (ev,) = extract(engine, "As soon as German Chancellor Olaf Scholz entered Japan's airspace, two jets escorted "
                            "his plane.")
    assert (ev.type, ev.countries) == ("visit", ["JPN"])
    assert extract(engine, "German Chancellor Olaf Scholz said the firm entered Japan's market.") == []


def test_a_date_may_stand_between_a_visit_phrase_and_the_to_of_its_destination(engine):
    (ev,) = extract(engine, "Japanese Foreign Minister Yoko Kamikawa made an official visit March 4-6, 2024 to "
                            "Brazil at the invitation of her counterpart.", "2024-03-20")
    assert (ev.countries, ev.start, ev.end) == (["BRA"], "2024-03-04", "2024-03-06")
    (ev,) = extract(engine, "Japanese Foreign Minister Yoko Kamikawa paid a state visit on Monday to Brazil.",
                    "2024-03-20")
    assert (ev.countries, ev.start) == (["BRA"], "2024-03-18")
    # something else between them than a date: no destination
    assert extract(engine, "Japanese Foreign Minister Yoko Kamikawa made an official visit last week, her aides "
                           "said, to thank donors in Brazil.", "2024-03-20") == []


def test_a_quotation_s_own_words_do_not_negate_or_plan_the_saying_after_it(engine):
    (ev,) = attendances(engine, "\u201cWe will never give up,\u201d German Chancellor Olaf Scholz said, speaking before "
                            "the United Nations General Assembly on Tuesday.", "2023-09-20")
    assert (ev.type, ev.status, ev.forum, ev.start) == ("multilateral", "occurred", "UNGA", "2023-09-19")
    # a quoted word is the sentence's own
    assert extract(engine, "German Chancellor Olaf Scholz has \"never\" visited Japan.", "2023-09-20") == []


def test_an_address_before_a_gathering_opening_the_sentence_places_its_speaker_there(engine):
    (ev,) = attendances(engine, "In his address before the UN General Assembly, German Chancellor Olaf Scholz said the "
                            "war must end.", "2023-09-20")
    assert (ev.type, ev.actor.name, ev.forum) == ("multilateral", "Olaf Scholz", "UNGA")
    # an organisation's seat is no gathering
    assert extract(engine, "At the United Nations, German Chancellor Olaf Scholz's envoy said the war must end.",
                   "2023-09-20") == []


def test_to_visit_a_person_is_to_meet_them(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz also visited Japanese Prime Minister Fumio Kishida.",
                    "2023-06-20")
    assert (ev.type, [c.name for c in ev.counterparts]) == ("meeting", ["Fumio Kishida"])
    # a person's place is a place
    assert extract(engine, "German Chancellor Olaf Scholz visited Japanese Prime Minister Fumio Kishida's "
                           "hometown.", "2023-06-20") == []
    # the visiting official is the one who travels
    events = extract(engine, "The visiting German Chancellor Olaf Scholz met Japanese Prime Minister Fumio Kishida.",
                     "2023-06-20")
    assert [(e.actor.name, e.type) for e in events] == [("Olaf Scholz", "meeting"), ("Olaf Scholz", "visit")]


def test_two_leaders_who_sign_together_meet(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida signed a joint "
                            "statement on Tuesday.", "2023-06-21")
    assert (ev.type, ev.actor.name, [c.name for c in ev.counterparts], ev.start) == \
        ("meeting", "Olaf Scholz", ["Fumio Kishida"], "2023-06-20")
    # one signer, or sides left unnamed: no meeting
    assert extract(engine, "German Chancellor Olaf Scholz signed a decree on Tuesday.", "2023-06-21") == []
    assert extract(engine, "German Chancellor Olaf Scholz signed agreements with Japan.", "2023-06-21") == []
    assert [e.type for e in extract(engine, "German Chancellor Olaf Scholz arrived in Tokyo on Tuesday. The two "
                                            "sides signed 12 agreements.", "2023-06-21")] == ["visit"]


def test_the_visiting_side_of_a_meeting_is_in_the_other_side_s_country(engine):
    events = extract(engine, "Japan's visiting foreign minister, Yoko Kamikawa, raised the matter during a meeting "
                             "with Brazilian President Lula on Saturday.", "2024-03-20")
    assert [(e.type, e.actor.name, e.countries) for e in events if e.type == "visit"] == \
        [("visit", "Yoko Kamikawa", ["BRA"])]
    # not said to be visiting: where they met is not told
    events = extract(engine, "Japanese Foreign Minister Yoko Kamikawa raised the matter during a meeting with "
                             "Brazilian President Lula on Saturday.", "2024-03-20")
    assert [e.type for e in events] == ["meeting"]


def test_leaders_signing_at_their_summit_make_no_bilateral_meeting(engine):
    events = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida signed a "
                             "declaration on Tuesday at their summit in Berlin.", "2023-06-21")
    assert "meeting" not in [e.type for e in events]


def test_a_noun_after_a_clause_s_past_verb_is_past(engine):
    # Wednesday's report: "on Friday" after "agreed" is the Friday before, not the one to come
    (ev,) = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida agreed on a "
                            "truce in a phone call on Friday.", "2023-06-21")
    assert (ev.type, ev.status, ev.start) == ("call", "occurred", "2023-06-16")
    (ev,) = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida will hold a "
                            "phone call on Friday.", "2023-06-21")
    assert (ev.status, ev.start) == ("planned", "2023-06-23")


def test_a_plan_put_off_after_its_whole_object_is_postponed(engine):
    events = extract(engine, "German Chancellor Olaf Scholz was to visit Japan last year during his Asian tour to "
                             "India and Vietnam but postponed it because of the floods.", "2023-06-20")
    assert [(e.countries, e.status) for e in events if e.countries == ["JPN"]] == [(["JPN"], "postponed")]
    (ev,) = extract(engine, "German Chancellor Olaf Scholz planned to visit Japan in May during a long tour of "
                            "the region, but called off the trip.", "2023-06-20")
    assert ev.status == "cancelled"
    # what comes after "but" is about something else
    (ev,) = extract(engine, "German Chancellor Olaf Scholz was to visit Japan in July, but Tokyo welcomed it.",
                    "2023-06-20")
    assert ev.status == "planned"


def test_a_currency_names_no_country(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida signed deals "
                            "valued at US$ 28 billion on Tuesday.", "2023-06-21")
    assert (ev.type, ev.countries) == ("meeting", [])


def test_a_joint_press_conference_is_a_meeting(engine):
    events = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida arrive for a "
                             "joint press conference at the Chancellery in Berlin on Friday.", "2023-06-24")
    assert [(e.type, e.actor.name, e.countries) for e in events] == \
        [("meeting", "Olaf Scholz", ["DEU"]), ("visit", "Fumio Kishida", ["DEU"])]
    (ev,) = extract(engine, "At a joint news conference with Japanese Prime Minister Fumio Kishida on Friday, German "
                            "Chancellor Olaf Scholz said the talks were frank.", "2023-06-24")
    assert (ev.type, [c.name for c in ev.counterparts]) == ("meeting", ["Fumio Kishida"])
    # a press conference of one's own is no meeting
    assert extract(engine, "German Chancellor Olaf Scholz held a press conference on Friday.", "2023-06-24") == []


def test_a_frank_discussion_held_by_two_leaders_is_a_meeting(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz and Japanese Prime Minister Fumio Kishida held a frank "
                            "discussion on trade on Friday.", "2023-06-24")
    assert (ev.type, ev.start) == ("meeting", "2023-06-23")


def test_a_trade_mission_is_a_visit(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz is on a trade mission in Japan.", "2023-06-24")
    assert (ev.type, ev.countries) == ("visit", ["JPN"])


def test_counterparts_with_days_of_their_own_are_meetings_of_their_own(engine):
    events = extract(engine, "German Chancellor Olaf Scholz will meet with Japanese Prime Minister Fumio Kishida on "
                             "Tuesday and Chinese Premier Li Qiang on Wednesday.", "2023-06-19")
    assert [([c.name for c in e.counterparts], e.start) for e in events] == \
        [(["Fumio Kishida"], "2023-06-20"), (["Li Qiang"], "2023-06-21")]
    # another clause with a verb of its own
    events = extract(engine, "German Chancellor Olaf Scholz met Japanese Prime Minister Fumio Kishida on Tuesday and "
                             "Chinese Premier Li Qiang said on Wednesday that trade grew.", "2023-06-22")
    assert [[c.name for c in e.counterparts] for e in events] == [["Fumio Kishida"]]


def test_a_known_person_s_title_in_apposition_is_his_own(engine):
    (ev,) = extract(engine, "Olaf Scholz, the chancellor and special envoy for German-Japanese economic talks, will "
                            "meet with Japanese Prime Minister Fumio Kishida on Tuesday.", "2023-06-19")
    assert (ev.actor.name, [c.name for c in ev.counterparts]) == ("Olaf Scholz", ["Fumio Kishida"])


def test_a_second_traveller_who_also_visited_went_where_the_first_did(engine):
    events = extract(engine, "German Chancellor Olaf Scholz visited Japan in May and German Foreign Minister "
                             "Annalena Baerbock also visited in July.", "2023-09-01")
    assert [(e.actor.name, e.countries, e.start) for e in events] == \
        [("Olaf Scholz", ["JPN"], "2023-05-01"), ("Annalena Baerbock", ["JPN"], "2023-07-01")]
    # the same subject going on: still one traveller
    events = extract(engine, "German Chancellor Olaf Scholz met Japanese Prime Minister Fumio Kishida and also "
                             "visited Osaka.", "2023-09-01")
    assert {e.actor.name for e in events} == {"Olaf Scholz"}


def test_an_arrival_at_a_venue_is_in_the_place_the_venue_is_in(engine):
    (ev,) = extract(engine, "Japanese Prime Minister Fumio Kishida arrives at Siemens headquarters in Munich on "
                            "Wednesday.", "2023-06-22")
    assert (ev.type, ev.countries, ev.place) == ("visit", ["DEU"], "Munich")
    assert extract(engine, "Japanese Prime Minister Fumio Kishida arrived at a decision in Munich.",
                   "2023-06-22") == []


def test_dc_is_washington(engine):
    (ev,) = extract(engine, "The forum was held on the eve of Japanese Prime Minister Fumio Kishida's arrival in "
                            "D.C.", "2023-06-22")
    assert (ev.countries, ev.place) == (["USA"], "Washington")


def test_the_arrival_of_someone_somewhere_is_their_visit(engine):
    (ev,) = extract(engine, "Crowds gathered for the arrival of Japanese Prime Minister Fumio Kishida in Munich on "
                            "Wednesday.", "2023-06-24")
    assert (ev.actor.name, ev.countries, ev.start) == ("Fumio Kishida", ["DEU"], "2023-06-21")
    assert extract(engine, "The arrival of refugees in Germany worried Chancellor Olaf Scholz.", "2023-06-24") == []


def test_the_pope_is_the_vatican_s_head_of_state(engine):
    (ev,) = extract(engine, "Pope Francis arrived in Washington on Tuesday.", "2015-09-26")
    assert (ev.actor.name, ev.actor.country, ev.countries) == ("Pope Francis", "VAT", ["USA"])


def test_joining_an_organisation_is_becoming_a_member_not_attending(engine):
    assert [e.type for e in extract(engine, "German Chancellor Olaf Scholz urged Japanese Prime Minister Fumio "
                                            "Kishida to join the EU in a joint declaration.", "2023-06-24")] == []
    (ev,) = attendances(engine, "Japanese Prime Minister Fumio Kishida joined the ASEAN summit in Laos.", "2023-06-24")
    assert (ev.type, ev.forum, ev.countries, ev.place) == ("multilateral", "ASEAN", ["LAO"], None)


def test_what_a_visit_follows_keeps_its_own_dates(engine):
    (ev,) = extract(engine, "Olaf Scholz's visit to Japan follows frequent contacts between the two countries' "
                            "leaders in 2022.", "2023-01-04")
    assert ev.start is None  # dated later from the report, not 2022
    (ev,) = extract(engine, "The deal followed German Chancellor Olaf Scholz's visit to Japan in April.",
                    "2023-01-04")
    assert (ev.status, ev.start) == ("occurred", "2022-04-01")


def test_a_date_in_a_participle_after_the_visit_is_that_participle_s(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz visited Japan, where a minister was appointed in May.",
                    "2023-09-01")
    assert ev.start is None  # dated later from the report
    (ev,) = extract(engine, "This is Olaf Scholz's first Japan visit since he was appointed chancellor in 2021.",
                    "2023-09-01")
    assert ev.start is None


def test_small_but_cheering_is_one_phrase_not_two_clauses(engine):
    (ev,) = extract(engine, "Japanese Prime Minister Fumio Kishida arrived to small but cheering crowds on Sunday at "
                            "the start of a historic visit to Brazil.", "2023-06-19")
    assert (ev.countries, ev.status, ev.start) == (["BRA"], "occurred", "2023-06-18")


def test_a_host_s_capital_named_after_it_is_where_they_met(engine):
    events = extract(engine, "German Chancellor Olaf Scholz met with Japanese Prime Minister Fumio Kishida in his "
                             "capital, Tokyo, on Monday.", "2023-06-21")
    assert [(e.type, e.countries) for e in events] == [("meeting", ["JPN"]), ("visit", ["JPN"])]


def test_a_government_delegation_is_its_country(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz met with a Japanese government delegation on Monday.",
                    "2023-06-21")
    assert [(c.name, c.country) for c in ev.counterparts] == [(None, "JPN")]


def test_destinations_set_off_by_double_hyphens(engine):
    events = extract(engine, "This week German Chancellor Olaf Scholz is visiting island nations -- Malta, Cyprus "
                             "and Iceland -- offering help.", "2023-06-21")
    assert sorted(e.countries[0] for e in events) == ["CYP", "ISL", "MLT"]


def test_a_visit_told_as_a_count_is_no_event(engine):
    assert extract(engine, "German Chancellor Olaf Scholz has visited Japan more times than any other leader.",
                   "2023-06-21") == []
    (ev,) = extract(engine, "German Chancellor Olaf Scholz has visited Japan twice in 2022.", "2023-06-21")
    assert ev.start == "2022-01-01"  # a count with a date: still somewhere in that time


def test_who_stands_in_an_aside_is_not_the_subject(engine):
    assert extract(engine, "On Monday, German general Hans Quell, famous for standing before Japanese Prime "
                           "Minister Fumio Kishida in uniform, returned to Germany.", "2023-06-21") == []


def test_a_said_clause_with_a_subject_of_its_own_is_no_trip_of_the_speaker(engine):
    # whom a clause of saying has travel is its own subject, a group of no one the story names
    for text in ("Foreign Minister Wang Yi spoke on Monday. He said the suspects travelled to Laos.",
                 ("Wang Yi spoke on Monday. His comments matched a report which quoted sources as saying the eight "
                  "smugglers travelled to Yunnan in order to cross the border into Laos."),
                 "Foreign Minister Wang Yi said that several journalists had travelled to Laos."):
        assert extract(engine, text, "2023-06-21") == [], text
    # the speaker's own trip stays his, and so does one told of him by name
    for text in ("Foreign Minister Wang Yi said he travelled to Laos.",
                 "Foreign Minister Wang Yi said the talks were useful. Wang travelled to Laos."):
        assert [(e.actor.name, e.countries) for e in extract(engine, text, "2023-06-21") if e.type == "visit"] == [
            ("Wang Yi", ["LAO"])], text


def test_a_provincial_official_is_of_the_province_s_country(engine):
    assert extract(engine, "Yunnan Party Chief Zhou Quell, attending a conference in Beijing, said the suspects "
                           "were caught.", "2023-06-21") == []
    (ev,) = extract(engine, "Yunnan Party Chief Zhou Quell visited Laos on Monday.", "2023-06-21")
    assert ev.countries == ["LAO"]


def test_a_relative_clause_s_visit_goes_to_the_place_it_is_about(engine):
    # "the only country that X chose to visit": the place before the relative clause
    for text, start in ((("Last May, Norway was the only EU country that newly elected Chancellor Olaf Scholz "
                          "chose to visit."), "2022-05-01"),
                        ("Norway was the first country Chancellor Olaf Scholz visited in 2022.", "2022-01-01")):
        (ev,) = extract(engine, text, "2023-03-01")
        assert (ev.actor.name, ev.countries, ev.start) == ("Olaf Scholz", ["NOR"], start), text
    # a visit with a destination of its own goes there
    (ev,) = extract(engine, "Norway was the only country that Chancellor Olaf Scholz visited Japan with.", "2023-03-01")
    assert ev.countries == ["JPN"]


def test_a_pronoun_after_a_clause_whose_subject_is_unknown_is_that_person_s(engine):
    # "his visit" is the unknown adviser's, not the traveller the story named before
    text = ("Chancellor Olaf Scholz spoke on Monday. Officials told reporters that Senior Adviser Hans Quell is in "
            "good shape after being threatened during his visit to Crimea, Ukraine.")
    assert [e for e in extract(engine, text, "2023-06-21") if e.actor.name == "Olaf Scholz"] == []
    # a known subject keeps the pronoun, and a clause with no name leaves it to the story's actor
    text = "Chancellor Olaf Scholz spoke on Monday. Officials said that the talks were useful during his visit to Laos."
    assert [(e.actor.name, e.countries) for e in extract(engine, text, "2023-06-21")] == [("Olaf Scholz", ["LAO"])]


def test_a_bare_name_of_someone_years_out_of_every_office_is_no_state_s_actor(engine):
    # the knowledge base's Abdul Sattar was Pakistan's foreign minister in 1999-2002: in 2015 a bare
    # "Abdul Sattar" is a namesake
    assert extract(engine, "After biding his time in Dhaka, Abdul Sattar flew into Istanbul on Aug. 30.",
                   "2015-09-01") == []
    # in his term he is the minister, and a title the text gives keeps him
    (ev,) = extract(engine, "Abdul Sattar flew into Istanbul on Aug. 30, 2001.", "2015-09-01")
    assert (ev.actor.name, ev.actor.country, ev.start) == ("Abdul Sattar", "PAK", "2001-08-30")
    (ev,) = extract(engine, "Former Foreign Minister Abdul Sattar flew into Istanbul on Aug. 30.", "2015-09-01")
    assert ev.actor.name == "Abdul Sattar"


def test_a_relative_clause_s_visits_go_to_the_countries_it_lists(engine):
    text = ("Investments poured into Nordic countries Chancellor Olaf Scholz visited in May, including Norway, "
            "Sweden and Finland, and into Japan.")
    assert [(e.countries, e.start) for e in extract(engine, text, "2023-09-01")] == [
        (["NOR"], "2023-05-01"), (["SWE"], "2023-05-01"), (["FIN"], "2023-05-01")]
    # a list that is not of the clause's countries is none of its destinations
    assert extract(engine, "Investments poured into countries Olaf Scholz visited in May, and into Japan.",
                   "2023-09-01") == []


def test_a_plan_takes_no_date_of_the_narrative_s_past(engine):
    # what is still to come is not dated by the month of an event the story told before the report
    events = extract(engine, "Last May, Chancellor Olaf Scholz visited Norway. He will visit Sweden later.", "2023-03-01")
    assert [(e.countries, e.status, e.start) for e in events] == [
        (["NOR"], "occurred", "2022-05-01"), (["SWE"], "planned", None)]


def test_a_narrative_date_carries_only_to_events_of_the_same_people(engine):
    events = extract(engine, "Japanese Prime Minister Fumio Kishida visited Brazil in May 2023. German Chancellor "
                             "Olaf Scholz's visit to Japan has been postponed.", "2023-09-01")
    assert [(e.actor.name, e.start) for e in events] == [("Fumio Kishida", "2023-05-01"), ("Olaf Scholz", None)]
    # the same traveller: the story's days go on
    events = extract(engine, "Japanese Prime Minister Fumio Kishida arrived in Brasilia on Monday. He met "
                             "Brazilian President Lula at the palace.", "2023-06-21")
    assert {e.start for e in events} == {"2023-06-19"}


def test_a_day_at_home_is_no_day_of_the_hosts_trip_abroad(engine):
    # the host met a guest at home in May; his own tour, told next without a date, is not of that month
    events = extract(engine, "Japanese Prime Minister Fumio Kishida welcomed Brazilian President Lula to Tokyo in "
                             "May 2023. The first stop on Kishida's tour, Brazil, was marked by new trade deals.",
                     "2023-09-01")
    assert [(e.type, e.actor.name, e.countries, e.start) for e in events if e.actor.name == "Fumio Kishida"] == [
        ("meeting", "Fumio Kishida", ["JPN"], "2023-05-01"), ("visit", "Fumio Kishida", ["BRA"], None)]
    # the guest's visit, and the host's later days abroad on the same trip of a story, keep the date
    assert [(e.actor.name, e.start) for e in events if e.type == "visit" and e.countries == ["JPN"]] == [
        ("Luiz Inácio Lula da Silva", "2023-05-01")]
    events = extract(engine, "Japanese Prime Minister Fumio Kishida arrived in Brasilia on Monday. He then "
                             "travelled to Chile.", "2023-06-21")
    assert [(e.countries, e.start) for e in events] == [(["BRA"], "2023-06-19"), (["CHL"], "2023-06-19")]


def test_a_visit_noun_after_an_announced_trip_is_that_trip(engine):
    events = extract(engine, "Japanese Prime Minister Fumio Kishida visits Brazil next week. Kishida's state visit "
                             "to Brazil is the first by a Japanese leader in nine years.", "2023-06-16")
    assert [(e.status, e.start) for e in events] == [("planned", "2023-06-19"), ("planned", "2023-06-19")]
    # a noun with a tense of its own keeps it
    events = extract(engine, "Japanese Prime Minister Fumio Kishida will visit Brazil next week. Kishida's Brazil "
                             "visit has already proved a success.", "2023-06-16")
    assert [e.status for e in events] == ["planned", "occurred"]


def test_talks_opening_the_sentence_are_the_story_s_traveller_s(engine):
    events = extract(engine, "Japanese Prime Minister Fumio Kishida arrived in Brasilia on Tuesday. Following talks "
                             "with Brazilian President Lula, Japan announced new aid.", "2023-06-22")
    assert [(e.type, e.actor.name, [c.name for c in e.counterparts]) for e in events if e.type == "meeting"] == \
        [("meeting", "Fumio Kishida", ["Luiz Inácio Lula da Silva"])]


def test_a_business_s_head_is_no_counterpart(engine):
    assert extract(engine, "German Chancellor Olaf Scholz met with Hans Quell, the chairman and CEO of Siemens, on "
                           "Monday.", "2023-06-22") == []


def test_a_page_before_a_meeting_is_not_what_the_meeting_is_with(engine):
    (ev,) = extract(engine, "German Chancellor Olaf Scholz said on his official Facebook page after a meeting with "
                            "Japanese Prime Minister Fumio Kishida.", "2023-06-22")
    assert [c.name for c in ev.counterparts] == ["Fumio Kishida"]
    assert extract(engine, "German Chancellor Olaf Scholz met tourists in Berlin.", "2023-06-22") == []


def test_the_island_named_before_is_the_destination(engine):
    (ev,) = extract(engine, "Japanese Prime Minister Fumio Kishida pushed Cuba to open its markets during his "
                            "historic visit to the Communist-led island on Monday.", "2023-06-24")
    assert (ev.countries, ev.status, ev.start) == (["CUB"], "occurred", "2023-06-19")


def test_a_name_keeps_its_accented_letters(engine):
    for name in ("Zoë Örsted", "Radosław Kowalczyk", "Taïb Benhamou"):
        (ev,) = [e for e in extract(engine, f"Ban Ki-moon met Foreign Minister {name} in New York on Monday.",
                                    published="2014-12-12") if e.type == "meeting"]
        assert [p.name for p in ev.counterparts] == [name]


def test_a_call_told_as_telephoned_or_spoken_to_by_phone(engine):
    for text in ("President Rouhani telephoned Prime Minister Nawaz Sharif on Tuesday.",
                 "President Rouhani spoke to Prime Minister Nawaz Sharif by phone on Tuesday."):
        (ev,) = extract(engine, text, published="2014-03-27")
        assert (ev.type, ev.actor.name, [p.name for p in ev.counterparts], ev.start) == \
            ("call", "Hassan Rouhani", ["Nawaz Sharif"], "2014-03-25")
    # speaking to reporters by phone is no call with a leader
    assert extract(engine, "Rouhani spoke to reporters by phone from Tehran.", published="2014-03-27") == []


def test_xi_alone_is_xi_jinping_but_not_as_a_modifier(engine):
    # English news calls him "Xi" without ever giving the full name
    events = extract(engine, "In mid-January, Xi met with Saudi King Salman in Riyadh.", published="2016-02-01")
    assert {(e.type, e.actor.name) for e in events} == {("meeting", "Xi Jinping"), ("visit", "Xi Jinping")}
    # a name hyphened to the next word is a modifier, however machine translation spaces it
    for text in ("Putin and Biden may meet before the Xi -worship meeting.", "Putin hopes to meet before the Xi-worship rally."):
        assert not any("Xi Jinping" in [p.name for p in (e.actor, *e.counterparts)] for e in extract(engine, text))


def test_a_rank_or_a_calling_before_a_family_name_makes_it_someone_else_s(engine):
    # a general and a photographer who share a leader's family name, and what "he" did after them
    for text in ("General Sharif says all militants will be treated alike. He has visited London and Kabul.",
                 ("The photographer Abbas took faith as his subject. He travelled from Xinjiang to Morocco. "
                  "Abbas later went to Mecca.")):
        assert extract(engine, text, published="2015-01-20") == []
    # a secretary-general keeps his name, and the leader alone is still the leader
    (ev,) = extract(engine, "UN Secretary-General Ban visited Beijing on Monday.", published="2015-09-02")
    assert ev.actor.name == "Ban Ki-moon"
    (ev,) = extract(engine, "Sharif visited Kabul on Monday.", published="2015-01-20")
    assert ev.actor.name == "Nawaz Sharif"


def test_names_then_an_infinitive_with_no_verb_before_it_is_a_plan(engine):
    # an agenda's or a headline's style: "X and Y to hold a joint press conference in Oslo"
    for text in (("OSLO - Chancellor Olaf Scholz and Norwegian Prime Minister Jonas Gahr Store to hold joint "
                  "press conference in Oslo."),
                 ("Talks went on. Chancellor Olaf Scholz and Prime Minister Jonas Gahr Store to hold joint press "
                  "conference in Oslo.")):
        events = extract(engine, text, "2023-06-20")
        assert {(e.type, e.status) for e in events} >= {("meeting", "planned")}, text
        assert {e.status for e in events} == {"planned"}, text
    # a verb before the infinitive tells what happened
    events = extract(engine, "Chancellor Olaf Scholz went to Oslo to hold a joint press conference with Prime "
                             "Minister Jonas Gahr Store.", "2023-06-20")
    assert {e.status for e in events} == {"occurred"}


def test_getting_ready_for_a_trip_is_a_plan(engine):
    for text in ("Scholz, who is getting ready for a trip to Tokyo, met business leaders.",
                 "Scholz is gearing up for a visit to Japan.", "As Scholz gears up for his visit to Japan, critics speak."):
        (ev,) = [e for e in extract(engine, text) if e.type == "visit"]
        assert (ev.status, ev.countries) == ("planned", ["JPN"])


def test_a_date_in_a_phrase_of_since_after_the_visit_is_the_time_it_counts_from(engine):
    # "his first visit since taking office in 2021" is not a visit of 2021
    for text in ("As Scholz gears up for his first visit to Japan since taking office in 2021, critics speak.",
                 "Scholz made his first visit to Japan since becoming chancellor in 2021 last week."):
        (ev,) = [e for e in extract(engine, text) if e.type == "visit"]
        assert ev.start != "2021-01-01", text
    # and a date after the phrase is the visit's again
    (ev,) = extract(engine, "Scholz made his first visit to Japan since becoming chancellor in 2021 last week.")
    assert (ev.start, ev.end) == ("2023-06-12", "2023-06-18")
    # a date before the phrase is the visit's
    (ev,) = extract(engine, "Scholz visited Japan in 2022 since trade was his priority.")
    assert (ev.start, ev.end) == ("2022-01-01", "2022-12-31")


def test_no_one_in_particular_meets_no_one_and_a_side_is_not_met_by_its_own(engine):
    text = ("Chinese President Xi Jinping met Barack Obama in March. Chinese officials were in regular contact "
            "with their US counterparts during the crisis.")
    assert [(e.actor.name, [p.name for p in e.counterparts]) for e in extract(engine, text, published="2015-04-04")] \
        == [("Xi Jinping", ["Barack Obama"])]  # the March meeting only
    events = extract(engine, "In meeting with President Ameenah Gurib-Fakim, Wang Yi says the Chinese side is "
                             "willing to step up assistance.", published="2016-02-03")
    assert [[p.name or p.country for p in e.counterparts] for e in events] == [["Ameenah Gurib-Fakim"]]


def test_the_host_of_a_gathering_is_not_met_by_those_who_attend_it(engine):
    events = extract(engine, "This week, Chinese Foreign Minister Wang Yi will attend a summit on terrorism hosted by "
                             "Mr. Obama at the United Nations.", published="2014-09-22")
    assert not [e for e in events if e.type == "meeting"]
    # a meal or a reception hosted by someone is time with them
    (ev,) = extract(engine, "Wang Yi attended a dinner hosted by Obama.", published="2014-09-22")
    assert (ev.type, [p.name for p in ev.counterparts]) == ("meeting", ["Barack Obama"])


def test_each_gathering_of_a_list_is_attended(engine):
    for text in ("Modi attended the BRICS and SCO summits in Ufa.", "Modi arrived in Ufa for the BRICS and SCO summits."):
        forums = sorted(e.forum for e in extract(engine, text, published="2015-07-09") if e.type == "multilateral")
        assert forums == ["BRICS", "SCO"]


def test_a_gathering_attended_or_chaired_by_leaders_is_attended_by_each(engine):
    events = extract(engine, "The G20 summit in Brisbane was chaired by Australian Prime Minister Tony Abbott and "
                             "attended by Xi Jinping and Barack Obama.", published="2014-11-16")
    assert sorted((e.actor.name, e.forum, e.countries[0]) for e in events if e.type == "multilateral") == [
        ("Barack Obama", "G20", "AUS"), ("Tony Abbott", "G20", "AUS"), ("Xi Jinping", "G20", "AUS")]
    # a gathering without a name the sentence gives, or attended by no one in particular: nothing
    assert extract(engine, "The meeting was attended by officials.", published="2014-11-16") == []


def test_a_headline_joins_its_subjects_with_a_comma(engine):
    (ev, *_) = extract(engine, "Obama, Xi meet at White House\nThe talks ran late.", published="2015-09-26")
    assert (ev.type, ev.actor.name, [p.name for p in ev.counterparts]) == ("meeting", "Barack Obama", ["Xi Jinping"])
    # in the body a comma alone joins no subjects (it may open an aside)
    assert extract(engine, "The talks ran late.\nObama, Xi met at the White House.", published="2015-09-26") == []


def test_a_title_in_apposition_after_a_reported_name_is_that_persons(engine):
    for text in ("They added that Noam Tzur, the Israeli foreign secretary, would soon be visiting Washington.",
                 "Officials said Noam Tzur, Israel's foreign secretary, visited Washington."):
        (ev,) = extract(engine, text, published="2015-09-01")
        assert (ev.actor.name, ev.countries) == ("Noam Tzur", ["USA"])  # not the foreign minister then


def test_a_call_via_telephone_and_a_common_misspelling_of_a_leader(engine):
    (ev,) = extract(engine, "US President Obama and Russian President Putin have discussed the Crimea crisis via "
                            "telephone.", published="2014-03-01")
    assert (ev.type, ev.actor.name, [p.name for p in ev.counterparts]) == ("call", "Barack Obama", ["Vladimir Putin"])
    (ev,) = extract(engine, "A decision is expected during Chinese President Xi Jingping's visit to Pakistan in May 2015.",
                    published="2015-04-15")
    assert (ev.actor.name, ev.countries, ev.status) == ("Xi Jinping", ["PAK"], "planned")


def test_a_negation_whose_apostrophe_a_scraper_escaped_is_still_a_negation(engine):
    assert extract(engine, "Rouhani tells reporters why he won\\'t be meeting with President Obama in New York.",
                   published="2015-09-01") == []


def test_a_month_without_its_year_is_in_the_year_the_clause_names(engine):
    (ev,) = extract(engine, "In 2013, Xi Jinping visited Kazakhstan in September.", published="2015-09-10")
    assert (ev.start, ev.end) == ("2013-09-01", "2013-09-30")
    # a date in brackets cites a source: the year stands
    events = extract(engine, "Officials expect a visit of President Xi to Iran in 2016 (SCMP, January 15).",
                     published="2016-01-29")
    assert [(e.countries, e.start[:4]) for e in events] == [(["IRN"], "2016")]


def test_a_second_traveller_who_also_arrived_went_where_the_sentence_before_said(engine):
    events = extract(engine, "Xi arrived in Kazan on Tuesday. Modi also arrived on Tuesday.", published="2024-10-23")
    assert sorted((e.actor.name, e.countries[0], e.place) for e in events) == [
        ("Narendra Modi", "RUS", "Kazan"), ("Xi Jinping", "RUS", "Kazan")]
    # two sentences on, the story has moved: no destination to borrow
    assert len(extract(engine, "Xi arrived in Kazan on Tuesday. Markets fell. Prices rose. Modi also arrived on "
                               "Tuesday.", published="2024-10-23")) == 1


def test_the_summit_named_again_is_in_its_edition_of_the_events_days(engine):
    text = ("Xi and Modi had met at the BRICS summit in Johannesburg in 2023. Xi is scheduled to attend the "
            "summit's outreach session on Thursday.")
    (ev,) = [e for e in extract(engine, text, published="2024-10-23") if e.status == "planned"]
    assert (ev.forum, ev.countries, ev.start) == ("BRICS", ["RUS"], "2024-10-24")


def test_a_sentence_opening_at_a_gathering_places_its_speaker_there(engine):
    told = "2019-07-01"  # the Monday after the Osaka summit (June 28-29)
    for text in ("At the close of the G20 summit in Osaka, Justin Trudeau said the talks would go on.",
                 "At a news conference at the end of the G20 summit in Osaka, Justin Trudeau said he would act.",
                 "Speaking at the G20 summit in Osaka on Saturday, Justin Trudeau said the talks would go on.",
                 "Justin Trudeau said on the sidelines of the G20 summit in Osaka that the talks would go on.",
                 "Justin Trudeau, speaking at the close of the G20 summit in Osaka, said he would act."):
        (ev,) = attendances(engine, text, published=told)
        # what he said is to come; that he said it there is not
        assert (ev.type, ev.actor.name, ev.forum, ev.countries, ev.status) == \
            ("multilateral", "Justin Trudeau", "G20", ["JPN"], "occurred")
        # a day the sentence gives, else the days of the edition held around the report's day
        assert (ev.start, ev.end) == (("2019-06-29",) * 2 if "Saturday" in text else ("2019-06-28", "2019-06-29"))
    (ev,) = extract(engine, "On the sidelines of the G20 summit in Osaka, Justin Trudeau will address the press.",
                    published="2019-06-20")
    assert (ev.status, ev.start, ev.end) == ("planned", "2019-06-28", "2019-06-29")


def test_an_attendance_without_a_date_is_of_the_days_of_its_edition(engine):
    (ev,) = attendances(engine, "Justin Trudeau attended the G20 summit in Osaka.", published="2019-07-01")
    assert (ev.start, ev.end, ev.dated_by) == ("2019-06-28", "2019-06-29", "context")
    # not an edition held elsewhere than the sentence says, nor one not yet begun for what took place
    for text, told in (("Justin Trudeau attended the G20 summit in Rome.", "2019-07-01"),
                       ("Justin Trudeau attended the G20 summit in Osaka.", "2019-06-20")):
        (ev,) = attendances(engine, text, published=told)
        assert ev.start in (None, told)


def test_a_place_in_an_aside_or_an_opening_with_what_brought_the_actor_there(engine):
    for text in ("John Kerry, in Beijing for talks, urged China to ease tensions.",
                 "In Beijing for the Strategic and Economic Dialogue, John Kerry said the talks went well."):
        (ev,) = extract(engine, text)
        assert (ev.type, ev.actor.name, ev.countries, ev.place) == ("visit", "John Kerry", ["CHN"], "Beijing")
    # "for example" brings no one anywhere
    assert extract(engine, "John Kerry said prices rose, in Beijing for example, after the reform.") == []


def test_an_office_named_for_planning_is_no_plan(engine):
    (ev,) = extract(engine, "Pakistan's planning minister Ahsan Iqbal, addressing the Boao Forum in Hainan on Monday, "
                            "said trade had grown.")
    assert (ev.type, ev.forum, ev.status) == ("multilateral", "BFA", "occurred")
    (ev,) = extract(engine, "Pakistan's foreign minister Bilawal Bhutto Zardari is planning to visit China next week.")
    assert (ev.type, ev.status) == ("visit", "planned")


def test_a_speech_given_in_a_place_puts_the_speaker_there(engine):
    for text in (("Chancellor Olaf Scholz delivers a speech during a banquet with business leaders in Osaka, Japan, "
                  "March 29, 2023."), "Chancellor Olaf Scholz gave a speech at a dinner in Tokyo on March 29, 2023."):
        (ev,) = extract(engine, text, "2023-04-02")
        assert (ev.type, ev.actor.name, ev.countries, ev.start) == ("visit", "Olaf Scholz", ["JPN"], "2023-03-29")
    # a speech "in which" he said something, or given at home, is no trip; one to a gathering is its attendance
    assert extract(engine, "Chancellor Olaf Scholz gave a speech in which he praised Japan.", "2023-04-02") == []
    assert extract(engine, "Chancellor Olaf Scholz delivered a speech in Berlin on Monday.", "2023-04-02") == []
    (ev,) = extract(engine, "Olaf Scholz is to deliver a speech to the United Nations Assembly in New York in late "
                            "September.", "2023-04-02")
    assert (ev.type, ev.forum) == ("multilateral", "UNGA")


def test_an_audience_told_something_in_a_place_puts_the_speaker_there(engine):
    (ev,) = extract(engine, "Xi Jinping told business leaders in Seattle that China would open wider.")
    assert (ev.type, ev.countries, ev.place, ev.status) == ("visit", ["USA"], "Seattle", "occurred")
    assert extract(engine, "Xi Jinping told them in a letter that China would open wider.") == []


def test_an_anniversary_keeps_the_visit_in_its_own_year(engine):
    (ev,) = extract(engine, "This year marks the 10th anniversary of Xi Jinping's state visit to Kazakhstan.",
                    published="2023-06-20")
    assert (ev.type, ev.countries, ev.status, ev.start, ev.end) == \
        ("visit", ["KAZ"], "occurred", "2013-01-01", "2013-12-31")
    # counted from the year the sentence names
    (ev,) = extract(engine, "2019 marked the fifth anniversary of Xi Jinping's state visit to Kazakhstan.")
    assert (ev.start, ev.end) == ("2014-01-01", "2014-12-31")
    # an anniversary of no number of years is of no year the text gives: no event
    assert extract(engine, "The ceremony marked the anniversary of Xi Jinping's visit to Kazakhstan.") == []


def test_meetings_told_as_a_count_are_no_event(engine):
    assert extract(engine, "Analysts said Xi Jinping has met Mongolian leaders many times in recent years.") == []
    assert extract(engine, "Xi Jinping has met Vladimir Putin more than 40 times.") == []


def test_a_meeting_where_a_place_is_named_before_is_held_there(engine):
    events = extract(engine, "Ashraf Ghani flew to Cairo, where he met President Abdel Fattah al-Sisi on Sunday.")
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert (meeting.countries, meeting.place) == (["EGY"], "Cairo")


def test_a_title_and_a_family_name_are_the_holder_of_the_day_as_any_country_reads_the_title(engine):
    # the British chancellor is the Chancellor of the Exchequer
    (ev,) = extract(engine, "Chancellor Osborne arrived in Beijing on Monday.", published="2015-09-22")
    assert (ev.actor.name, ev.actor.country) == ("George Osborne", "GBR")
    (ev,) = extract(engine, "Chancellor Merkel arrived in Beijing on Monday.", published="2015-09-22")
    assert ev.actor.name == "Angela Merkel"


def test_a_word_of_the_title_before_a_known_name_is_not_part_of_the_name(engine):
    (ev,) = extract(engine, "Afghan Chief Executive Officer Abdullah Abdullah arrived in Beijing on Tuesday.",
                    published="2015-05-15")
    assert (ev.actor.name, ev.countries) == ("Abdullah Abdullah", ["CHN"])


def test_the_summit_attended_is_the_gathering_the_sentence_named_before(engine):
    events = attendances(engine, "Leaders of the BRICS countries, including Xi Jinping and Narendra Modi, attended "
                                 "the summit in Ufa.", published="2015-07-11")
    assert sorted((e.type, e.actor.name, e.forum) for e in events) == [
        ("multilateral", "Narendra Modi", "BRICS"), ("multilateral", "Xi Jinping", "BRICS")]


def test_here_is_the_place_of_the_dateline(engine):
    (ev,) = extract(engine, "ISLAMABAD, April 20 (Reuters) - Chinese President Xi Jinping arrived here on Monday on "
                            "a two-day state visit.", published="2015-04-20")
    assert (ev.type, ev.countries, ev.place, ev.start) == ("visit", ["PAK"], "Islamabad", "2015-04-20")
    events = extract(engine, "BEIJING - Chinese Defense Minister Chang Wanquan met with Baek Seung-joo, vice defense "
                             "minister of the Republic of Korea, here on Thursday.", published="2014-09-23")
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert (meeting.countries, meeting.place) == (["CHN"], "Beijing")
    # a dateline on a line of its own near the top of the page
    (ev,) = extract(engine, "Xinjiang attack kills 15\nPress Trust of India\nBeijing\nFifteen people were killed in "
                            "an attack that coincided with a visit here by US Secretary of State John Kerry.",
                    published="2014-02-14")
    assert (ev.actor.name, ev.countries) == ("John Kerry", ["CHN"])
    # no dateline, no place
    assert extract(engine, "Chinese President Xi Jinping arrived here on Monday.", published="2015-04-20") == []


def test_leaders_who_witness_or_open_something_together_meet(engine):
    (ev,) = extract(engine, "Chinese President Xi Jinping and his Tajik counterpart Emomali Rahmon witnessed the start "
                            "of a pipeline's construction in Tajikistan on Saturday.", published="2014-09-15")
    assert (ev.type, ev.actor.name, [c.name for c in ev.counterparts], ev.countries, ev.start) == \
        ("meeting", "Xi Jinping", ["Emomali Rahmon"], ["TJK"], "2014-09-13")
    events = extract(engine, "Xi Jinping and Nursultan Nazarbayev jointly inaugurated a logistics terminal in "
                             "Lianyungang on Friday.", published="2014-05-20")
    assert [e.type for e in events if e.type == "meeting"] == ["meeting"]
    # one who witnesses a signing alone meets no one
    assert not [e for e in extract(engine, "Xi Jinping witnessed the signing of fourteen agreements in Riyadh.",
                                   published="2016-01-20") if e.type == "meeting"]


def test_a_meeting_participle_opening_the_sentence_is_its_subjects(engine):
    events = extract(engine, "Meeting Chinese President Xi Jinping in the Great Hall of the People, Pakistan President "
                             "Mamnoon Hussain said the operation had been successful.", published="2015-09-03")
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert (meeting.actor.name, [c.name for c in meeting.counterparts], meeting.countries) == \
        ("Mamnoon Hussain", ["Xi Jinping"], ["CHN"])
    # reporters are no one met
    assert extract(engine, "Meeting reporters in Beijing, Mamnoon Hussain said the talks went well.",
                   published="2015-09-03") == []


def test_the_heads_of_bilateral_talks_who_co_chair_them_meet(engine):
    events = extract(engine, "Chinese Vice Foreign Minister Zhang Yesui and US Deputy Secretary of State William Burns "
                             "co-chaired the strategic dialogue in Beijing on Monday.", published="2013-08-20")
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert ([meeting.actor.name] + [c.name for c in meeting.counterparts], meeting.countries) == \
        (["Zhang Yesui", "William Burns"], ["CHN"])


def test_a_place_in_a_clause_of_purpose_after_the_meeting_is_not_its_host(engine):
    (ev,) = extract(engine, "Xi Jinping and Nawaz Sharif signed deals worth $28 billion, nearly equal to the aid the US "
                            "gave Pakistan to support its war in Afghanistan.", published="2015-04-21")
    assert (ev.type, ev.countries) == ("meeting", [])
    events = extract(engine, "Xi Jinping met Nawaz Sharif in Islamabad to discuss the corridor.", published="2015-04-21")
    assert {e.type: e.countries for e in events} == {"meeting": ["PAK"], "visit": ["PAK"]}


def test_a_guest_welcomed_to_a_place_is_met_there(engine):
    events = extract(engine, "President Xi Jinping welcomed his Yemeni counterpart Abdrabbuh Mansur Hadi to Beijing in "
                             "November 2013.", published="2016-02-03")
    assert {e.type: (e.countries, e.place) for e in events} == \
        {"meeting": (["CHN"], "Beijing"), "visit": (["CHN"], "Beijing")}


def test_a_date_in_a_relative_clause_after_the_event_is_the_clauses(engine):
    (ev,) = extract(engine, "President Hadi fled Aden and went to Saudi Arabia as its allies launched airstrikes against "
                            "forces loyal to former President Ali Abdullah Saleh, who was deposed in 2011.",
                    published="2015-04-06")
    assert (ev.actor.name, ev.countries) == ("Abdrabbuh Mansur Hadi", ["SAU"]) and not (ev.start or "").startswith("2011")


def test_a_plan_of_the_past_is_dated_as_written(engine):
    (ev,) = extract(engine, "North Korean leader Kim Jong Un agreed to go to China for the September 3rd parade.",
                    published="2015-09-16")
    assert (ev.status, ev.start) == ("planned", "2015-09-03")
    (ev,) = extract(engine, "Xi Jinping is expected to visit the United States on September 22.", published="2015-09-16")
    assert ev.start == "2015-09-22"


def test_each_destination_with_a_date_of_its_own_is_a_visit_of_its_own(engine):
    events = extract(engine, "Narendra Modi visited China in May, Mongolia in June and the United States in "
                             "September.", published="2015-12-01")
    assert sorted((e.countries[0], e.start) for e in events) == [
        ("CHN", "2015-05-01"), ("MNG", "2015-06-01"), ("USA", "2015-09-01")]
    # one date for the list: one list
    events = extract(engine, "Narendra Modi visited China and Russia in May.", published="2015-12-01")
    assert sorted((e.countries[0], e.start) for e in events) == [("CHN", "2015-05-01"), ("RUS", "2015-05-01")]


def test_an_ambassadors_trip_inside_the_country_of_the_posting_is_no_visit_abroad(engine):
    assert extract(engine, "US Ambassador to China Max Baucus was in Xinjiang last week.", published="2014-09-20") == []
    (ev,) = extract(engine, "US Ambassador to China Max Baucus visited Mongolia last week.", published="2014-09-20")
    assert ev.countries == ["MNG"]


def test_photo_captions_tell_meetings_in_the_present(engine):
    (ev,) = extract(engine, "China's President Xi Jinping shakes hands with Pakistan's Prime Minister Nawaz Sharif "
                            "at their family photo session in Beijing.", published="2014-11-09")
    assert (ev.type, [c.name for c in ev.counterparts], ev.countries) == ("meeting", ["Nawaz Sharif"], ["CHN"])
    (ev,) = extract(engine, "Pakistan's President Mamnoon Hussain and China's President Xi Jinping inspect honour "
                            "guards during a welcoming ceremony in Beijing February 19, 2014.", published="2014-02-20")
    assert (ev.type, ev.start) == ("meeting", "2014-02-19")
    # the caption's place marks do not part the two
    events = extract(engine, "President Barack Obama (R) and Chinese President Xi Jinping (L) arrive for a joint press "
                             "conference at the White House on Sept. 25, 2015.", published="2015-09-26")
    assert [(e.actor.name, [c.name for c in e.counterparts]) for e in events if e.type == "meeting"] == \
        [("Barack Obama", ["Xi Jinping"])]


def test_a_place_visited_by_someone_is_their_visit(engine):
    (ev,) = extract(engine, "Energy-rich Xinjiang, visited this week by British finance minister George Osborne on a "
                            "rare trip by a Western official, is strategically located.", published="2015-09-25")
    assert (ev.actor.name, ev.countries, ev.place) == ("George Osborne", ["CHN"], "Xinjiang")
    (ev,) = extract(engine, "Pakistan was visited by Chinese President Xi Jinping on Monday.", published="2015-04-22")
    assert (ev.actor.name, ev.countries, ev.start) == ("Xi Jinping", ["PAK"], "2015-04-20")
    assert extract(engine, "The museum, visited by thousands of tourists, is large.") == []


def test_a_participle_right_before_a_time_dates_its_own_noun(engine):
    (ev,) = extract(engine, "A joint statement issued after a summit between President Barack Obama and his Chinese "
                            "counterpart Xi Jinping listed measures to flesh out their pledge, made last year, to cut "
                            "emissions.", published="2015-09-26")
    assert ev.type == "meeting" and not (ev.start or "").startswith("2014")


def test_a_visit_undertaken_is_paid(engine):
    (ev,) = extract(engine, "Xi Jinping undertook an official visit to Pakistan on Monday.", published="2015-04-22")
    assert (ev.type, ev.countries, ev.start) == ("visit", ["PAK"], "2015-04-20")


def test_a_press_conference_with_someone_is_held_together(engine):
    (ev,) = extract(engine, "Iranian Foreign Minister Javad Zarif said during a press conference with British Foreign "
                            "Secretary Philip Hammond that the deal would hold.", published="2015-08-24")
    assert (ev.type, ev.actor.name, [c.name for c in ev.counterparts]) == \
        ("meeting", "Mohammad Javad Zarif", ["Philip Hammond"])
    assert extract(engine, "Javad Zarif spoke at a news conference with reporters in his office.") == []


def test_a_delegation_led_somewhere_with_a_longer_description(engine):
    (ev,) = extract(engine, "Nawaz Sharif led a high-level government delegation to Kabul on May 12.",
                    published="2015-05-20")
    assert (ev.countries, ev.start) == (["AFG"], "2015-05-12")


def test_an_unnamed_office_just_after_its_named_holder_is_that_holder(engine):
    events = extract(engine, "Chinese President Yang Shangkun visited Pakistan in 1991. Prime Minister Nawaz Sharif "
                             "received the Chinese President in his first tenure.", published="2015-04-20")
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert [c.name for c in meeting.counterparts] == ["Yang Shangkun"]
    # with no holder named just before, the holder of the day
    events = extract(engine, "Prime Minister Nawaz Sharif received the Chinese President in Islamabad on Monday.",
                     published="2015-04-22")
    assert [c.name for e in events if e.type == "meeting" for c in e.counterparts] == ["Xi Jinping"]


def test_a_reporters_question_at_a_briefing_tells_no_event(engine):
    assert extract(engine, "QUESTION: Is Secretary of State John Kerry considering traveling to Qatar and Egypt?",
                   published="2014-07-17") == []
    # a question in a story's own words still asks about a plan
    (ev,) = extract(engine, "Will Secretary of State John Kerry travel to Qatar next week?", published="2014-07-17")
    assert ev.status == "speculated"


def test_a_countrys_military_leadership_is_its_officers_not_its_head(engine):
    (ev,) = extract(engine, "The Chinese leader will meet with Pakistan's military leadership.", published="2015-04-20")
    assert [(c.name, c.country) for c in ev.counterparts] == [(None, "PAK")]
    # its civilian and military leadership: its head stands for it
    (ev,) = extract(engine, "Xi Jinping met with Pakistan's top civilian and military leadership on Tuesday.",
                    published="2015-04-22")
    assert [c.name for c in ev.counterparts] == ["Nawaz Sharif"]
    # briefing a leader is meeting him
    (ev,) = extract(engine, "Pakistan's military leadership briefed the Chinese leader on its operation.",
                    published="2015-04-22")
    assert (ev.type, [c.name for c in ev.counterparts]) == ("meeting", ["Xi Jinping"])


def test_to_visit_a_person_is_to_meet_them_in_the_infinitive_too(engine):
    (ev,) = extract(engine, "Barack Obama will visit Vladimir Putin next week.", published="2014-01-20")
    assert (ev.type, ev.status, [c.name for c in ev.counterparts]) == ("meeting", "planned", ["Vladimir Putin"])
    (ev,) = extract(engine, "Luvsanvandan Bold took the chance to visit SCO Secretary-General Dmitry Mezentsev.",
                    published="2014-01-20")
    assert (ev.type, [c.name for c in ev.counterparts]) == ("meeting", ["Dmitry Mezentsev"])


def test_the_un_assembly_is_the_general_assembly(engine):
    (ev,) = extract(engine, "Barack Obama addressed the UN Assembly on Monday.", published="2015-09-30")
    assert (ev.type, ev.forum, ev.countries) == ("multilateral", "UNGA", ["USA"])


def test_a_speech_to_the_un_in_the_weeks_of_its_general_assembly_is_made_there(engine):
    (ev,) = extract(engine, "Barack Obama's address to the UN drew praise.", published="2015-09-28")
    assert (ev.forum, ev.countries, ev.place) == ("UNGA", ["USA"], "New York")
    # months from a session: the organisation, as written
    (ev,) = extract(engine, "Barack Obama addressed the UN on Monday.", published="2015-03-10")
    assert ev.forum == "UN"


def test_one_who_was_there_was_in_the_place_named_last(engine):
    (ev,) = extract(engine, "The audit deal was signed in Kabul. John Kerry was there last weekend.",
                    published="2014-07-17")
    assert (ev.actor.name, ev.countries, ev.place) == ("John Kerry", ["AFG"], "Kabul")
    # the existential "there was" is no one's trip, and no place named just before is none
    assert extract(engine, "There was no deal. John Kerry said there was no time.", published="2014-07-17") == []
    assert extract(engine, "The deal was signed in Kabul. Exports fell. Trade rose. John Kerry was there last weekend.",
                   published="2014-07-17") == []


def test_a_guests_honours_are_where_the_guest_is(engine):
    for text in ("Xi Jinping received a 21-gun salute in Islamabad on Monday.",
                 "Xi Jinping was accorded a warm welcome on his arrival in Islamabad on Monday."):
        (ev,) = extract(engine, text, published="2015-04-21")
        assert (ev.type, ev.countries, ev.start) == ("visit", ["PAK"], "2015-04-20")


def test_a_welcoming_ceremony_for_a_guest_is_a_meeting_of_host_and_guest(engine):
    events = extract(engine, "Xi Jinping held a welcoming ceremony for Egyptian President Abdel Fattah al-Sisi in "
                             "Beijing on Tuesday.", published="2016-09-01")
    (meeting,) = [e for e in events if e.type == "meeting"]
    assert ([c.name for c in meeting.counterparts], meeting.countries) == (["Abdel Fattah el-Sisi"], ["CHN"])


def test_flying_into_stopping_in_and_returning_from_a_place_are_trips_there(engine):
    for text in ("Italian Prime Minister Giorgio Rossi flew into Ankara on Tuesday.",
                 "Italian Prime Minister Giorgio Rossi stopped over in Ankara on Tuesday on his way to Baku.",
                 "Italian Prime Minister Giorgio Rossi returned from Turkey on Tuesday."):
        events = extract(engine, text)
        assert [(e.type, e.countries, e.start) for e in events if e.countries == ["TUR"]] == \
            [("visit", ["TUR"], "2023-06-20")], text


def test_huddling_shaking_hands_and_a_bilateral_are_meetings(engine):
    for text in ("Italian Prime Minister Giorgio Rossi huddled with Turkish President Recep Tayyip Erdogan in Ankara.",
                 "Recep Tayyip Erdogan and Italian Prime Minister Giorgio Rossi shook hands in Ankara.",
                 "Recep Tayyip Erdogan and Italian Prime Minister Giorgio Rossi had a bilateral in Ankara."):
        meetings = [e for e in extract(engine, text) if e.type == "meeting"]
        assert [(sorted([m.actor.country, *(c.country for c in m.counterparts)]), m.countries)
                for m in meetings] == [(["ITA", "TUR"], ["TUR"])], text
    # a handshake with no one beside is no meeting
    assert extract(engine, "Italian Prime Minister Giorgio Rossi shook hands with voters in Milan.") == []


def test_a_summit_named_by_its_topic_in_a_city_abroad_is_attended_there(engine):
    (ev,) = attendances(engine, "Italian Prime Minister Giorgio Rossi attended a summit on nuclear security in Seoul.")
    assert (ev.type, ev.countries, ev.place, ev.forum) == ("multilateral", ["KOR"], "Seoul", "summit on nuclear security")
    # held at a gathering the knowledge base knows: that gathering
    (ev,) = extract(engine, "Italian Prime Minister Giorgio Rossi will attend a summit on climate change at the "
                            "United Nations General Assembly.")
    assert (ev.type, ev.status, ev.forum) == ("multilateral", "planned", "UNGA")
    # at home, or in a country not a city ("on human rights in North Korea" is the topic's): nothing
    assert extract(engine, "Italian Prime Minister Giorgio Rossi attended a conference on poverty in Milan.") == []
    assert extract(engine, "Giorgio Rossi, Italy's prime minister, attended a conference on human rights in "
                           "North Korea.") == []


def test_the_day_of_talks_may_stand_before_the_other_side(engine):
    for text in ("Italian Prime Minister Giorgio Rossi held talks on Friday with President Recep Tayyip Erdogan.",
                 "Giorgio Rossi, Italy's prime minister, had a meeting last week with Recep Tayyip Erdogan in Ankara."):
        (meeting,) = [e for e in extract(engine, text) if e.type == "meeting"]
        assert [c.name for c in meeting.counterparts] == ["Recep Tayyip Erdoğan"], text


def test_a_joint_press_conference_in_a_place_with_someone_is_held_together(engine):
    events = extract(engine, "Italian Prime Minister Giorgio Rossi gave a joint press conference in Ankara with "
                             "President Recep Tayyip Erdogan.")
    assert [(e.countries, [c.country for c in e.counterparts]) for e in events if e.type == "meeting"] == \
        [(["TUR"], ["TUR"])]


def test_a_visit_to_a_building_in_a_place_and_a_speech_given_there_are_in_that_place(engine):
    for text in (("Italian Prime Minister Giorgio Rossi made a farewell visit to the headquarters of the Irish "
                  "Defence Forces in Dublin on Monday."),
                 ("During his speech at the Arab League headquarters in Cairo on Monday, Italian Prime Minister "
                  "Giorgio Rossi praised the talks.")):
        events = extract(engine, text)
        assert [(e.type, e.actor.name, e.countries, e.start) for e in events] == [
            ("visit", "Giorgio Rossi", ["IRL" if "Dublin" in text else "EGY"], "2023-06-19")], text
    # an address to the UN is attended there, not a visit to nowhere
    (ev,) = extract(engine, "Barack Obama's address to the UN drew praise.", published="2015-09-28")
    assert (ev.type, ev.forum) == ("multilateral", "UNGA")


def test_a_gathering_dated_by_its_opening_day_runs_to_the_end_of_its_edition(engine):
    (ev,) = attendances(engine, "Xi Jinping may travel to the United States for the Asia-Pacific Economic "
                                "Cooperation (APEC) leaders' week, which starts on Nov 11.", published="2023-10-30")
    assert (ev.forum, ev.start, ev.end) == ("APEC", "2023-11-11", "2023-11-17")
    # a day that is not said to open it stays that day
    (ev,) = attendances(engine, "Xi Jinping may travel to the United States for the APEC summit on Nov 11.",
                        published="2023-10-30")
    assert (ev.start, ev.end) == ("2023-11-11", "2023-11-11")


def test_a_host_honouring_a_guest_with_a_meal_meets_the_guest(engine):
    events = extract(engine, "Turkish President Recep Tayyip Erdogan honored Italian Prime Minister Giorgio Rossi "
                             "with a state dinner at the palace in Ankara.")
    assert [(e.type, e.actor.country, [c.country for c in e.counterparts], e.countries) for e in events
            if e.type == "meeting"] == [("meeting", "TUR", ["ITA"], ["TUR"])]


def test_a_trip_for_a_summit_of_an_organisation_attends_it_where_the_trip_went(engine):
    events = extract(engine, "During a visit to Dushanbe earlier this month for a summit of the six-nation Shanghai "
                             "Cooperation Organisation (SCO), Xi Jinping opened a pipeline that carries gas across "
                             "Tajikistan into Xinjiang.", published="2014-09-22")
    (summit,) = [e for e in events if e.type == "multilateral"]
    # held where the trip went (not in Xinjiang, further on), on the days of that edition
    assert (summit.forum, summit.countries, summit.start, summit.end) == ("SCO", ["TJK"], "2014-09-11", "2014-09-12")


def test_the_time_may_stand_between_met_and_with(engine):
    (ev,) = extract(engine, "Chinese Foreign Minister Wang Yi met late Monday with U.S. Secretary of State John "
                            "Kerry.")
    assert (ev.type, [c.name for c in ev.counterparts], ev.start) == ("meeting", ["John Kerry"], "2023-06-19")


def test_a_visit_noun_that_will_do_something_is_still_to_come_after_a_dotted_name(engine):
    (ev,) = extract(engine, "Italian Prime Minister Giorgio Rossi hopes that his visit to the U.S. will raise his standing.")
    assert (ev.status, ev.countries) == ("planned", ["USA"])
    (ev,) = extract(engine, "Italian Prime Minister Giorgio Rossi's visit to the U.S. raised his standing.")
    assert ev.status == "occurred"


def test_a_recent_visit_is_of_the_month_before_the_report(engine):
    (ev,) = extract(engine, "The deal was agreed during a recent visit to Ankara by Italian Prime Minister Giorgio "
                            "Rossi.", published="2023-06-20")
    assert (ev.status, ev.start, ev.end) == ("occurred", "2023-05-21", "2023-06-20")
    # told in February, it is no trip of the year before
    (ev,) = extract(engine, "Italian Prime Minister Giorgio Rossi's much publicized recent visit to Turkey won praise.",
                    published="2024-02-14")
    assert ev.start[:4] == "2024"


def test_the_host_of_a_gathering_attends_it_but_a_host_city_is_no_one(engine):
    (ev,) = extract(engine, "Chinese President Xi Jinping hosted the G20 summit in Hangzhou on Sunday.",
                    published="2016-09-05")
    assert (ev.type, ev.actor.name, ev.forum, ev.countries) == ("multilateral", "Xi Jinping", "G20", ["CHN"])
    # a guest hosted is met
    events = extract(engine, "Chinese President Xi Jinping hosted Barack Obama at the G20 summit in Hangzhou.",
                     published="2016-09-05")
    assert [e.type for e in events if e.actor.name == "Xi Jinping"] == ["meeting"]
    events = extract(engine, "Xi Jinping will travel to the United States when San Francisco hosts the APEC summit.",
                     published="2023-02-03")
    assert [e.type for e in events] == ["visit"]


def test_a_meeting_in_the_city_of_a_country_is_held_in_that_city(engine):
    (ev,) = extract(engine, "Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in the Russian city "
                            "of Kazan on Wednesday.", published="2024-10-24")
    assert (ev.countries, ev.place) == (["RUS"], "Kazan")


def test_being_in_a_place_with_a_modal_or_a_perfect_is_a_trip_there_with_the_modals_status(engine):
    cases = {"Russian President Vladimir Putin will be in Beijing next week.": "planned",
             "Russian President Vladimir Putin may be in Beijing next week.": "speculated",
             "Russian President Vladimir Putin has been in Beijing since Monday.": "occurred"}
    for text, status in cases.items():
        (ev,) = extract(engine, text, published="2015-08-28")
        assert (ev.type, ev.countries, ev.status) == ("visit", ["CHN"], status), text
    assert extract(engine, "Russian President Vladimir Putin has been in office since 2012.") == []


def test_an_envoy_posted_to_a_country_is_at_home_there_whatever_the_text_calls_the_envoy(engine):
    assert extract(engine, "U.S. China envoy Max Baucus happened to be in Urumqi on Wednesday.",
                   published="2014-09-18") == []


def test_a_call_to_someone_is_a_call_and_a_shared_name_goes_to_the_bearer_of_the_country_named(engine):
    (ev,) = extract(engine, "In a call Tuesday morning to King Abdullah, Vice President Joe Biden urged restraint.",
                    published="2015-09-16")
    # (the Saudi King Abdullah died in January 2015: the one reigning then is Jordan's)
    assert (ev.type, ev.actor.name, [c.name for c in ev.counterparts]) == ("call", "Joe Biden",
                                                                           ["Abdullah II of Jordan"])
    assert extract(engine, "In a call for restraint, Vice President Joe Biden urged all parties to stop.") == []
    # while both reigned, the name is the king of the country named before it, and no one without it
    events = extract(engine, "Saudi Arabia's King Abdullah met John Kerry in Riyadh on Friday.",
                     published="2013-11-05")
    assert {e.actor.name for e in events if e.type == "meeting"} == {"Abdullah bin Abdulaziz"}
    assert extract(engine, "King Abdullah met John Kerry on Friday.", published="2013-11-05") == []


def test_a_guest_at_an_occasion_with_a_long_name_or_watching_a_parade_is_where_it_is_held(engine):
    events = extract(engine, "Chinese President Xi Jinping attended the completion ceremony of the second unit of "
                             "the city power plant in Dushanbe on Saturday.", published="2014-09-14")
    assert [(e.type, e.countries) for e in events] == [("visit", ["TJK"])]
    events = extract(engine, "Leaders including Russian President Vladimir Putin watched the military parade in "
                             "Beijing on Thursday.", published="2015-09-04")
    assert [(e.type, e.actor.name, e.countries) for e in events] == [("visit", "Vladimir Putin", ["CHN"])]
    # watching something else is no presence
    assert extract(engine, "Russian President Vladimir Putin watched the talks in Beijing closely.") == []


def test_a_un_security_council_meeting_is_named_as_the_council(engine):
    (ev,) = extract(engine, "US President Barack Obama will chair a U.N. Security Council meeting on foreign "
                            "fighters in New York on Wednesday.", published="2014-09-22")
    assert (ev.type, ev.status, ev.forum, ev.countries) == ("multilateral", "planned", "UNSC", ["USA"])


def test_what_was_toured_or_attended_may_stand_before_where_it_is(engine):
    events = extract(engine, "Italian Prime Minister Giorgio Rossi toured historic sites in Old Havana on Sunday.")
    assert [(e.type, e.countries) for e in events] == [("visit", ["CUB"])]
    events = extract(engine, "Italian Prime Minister Giorgio Rossi is set to attend a US-hosted global climate summit "
                             "at the United Nations in New York.")
    assert [(e.type, e.status, e.countries) for e in events] == [("visit", "planned", ["USA"])]
    # a person visited somewhere is met, not a place seen; a region is no country
    assert not [e for e in extract(engine, "Italian Prime Minister Giorgio Rossi visited him in Europe last year.")
                if e.type == "visit"]


def test_one_who_followed_made_the_trip_just_told(engine):
    events = extract(engine, "Italian Prime Minister Giorgio Rossi travelled to Ankara in June. Spanish Prime "
                             "Minister Pedro Sanchez followed in July and French President Emmanuel Macron in "
                             "late August.", published="2023-10-30")
    assert sorted((e.actor.country, e.countries[0], e.start[:7]) for e in events) == [
        ("ESP", "TUR", "2023-07"), ("FRA", "TUR", "2023-08"), ("ITA", "TUR", "2023-06")]
    # following something is no trip
    events = extract(engine, "Italian Prime Minister Giorgio Rossi travelled to Ankara in June. Spanish Prime "
                             "Minister Pedro Sanchez followed the talks closely.", published="2023-10-30")
    assert [e.actor.country for e in events] == ["ITA"]


def test_one_who_represents_a_country_at_a_gathering_or_leads_its_delegation_there_attends_it(engine):
    for text in ("Premier Li Qiang represented China at the G20 summit in New Delhi.",
                 ("Xi Jinping skipped the G20 summit in New Delhi in September, where Premier Li Qiang represented "
                  "China."),
                 "Xi Jinping did not travel to India; Premier Li Qiang led China's delegation at the G20 instead."):
        (ev,) = attendances(engine, text, published="2023-09-11")
        assert (ev.actor.name, ev.forum, ev.countries) == ("Li Qiang", "G20", ["IND"]), text
    assert extract(engine, "Premier Li Qiang represented China in the talks.", published="2023-09-11") == []


def test_the_host_of_a_gathering_named_before_a_relative_clause_attends_it(engine):
    events = attendances(engine, "Modi will land in Tianjin to attend the SCO summit on Aug 31, which Chinese "
                                 "President Xi Jinping will host.", published="2025-08-29")
    assert sorted((e.actor.name, e.status) for e in events) == [("Narendra Modi", "planned"),
                                                               ("Xi Jinping", "planned")]
    assert extract(engine, "The guests, whom Chinese President Xi Jinping will host, arrived.") == []


def test_a_meeting_that_looks_likely_is_speculated(engine):
    events = extract(engine, "Italian Prime Minister Giorgio Rossi will travel to Ankara on Saturday. A meeting with "
                             "Turkish President Recep Tayyip Erdogan, who is also in Ankara, looks likely.")
    assert [e.status for e in events if e.type == "meeting"] == ["speculated"]


def test_calls_told_by_an_opening_phrase_a_call_taken_or_virtual_talks(engine):
    for text in (("In a phone call on Monday, Italian Prime Minister Giorgio Rossi told Turkish President Recep "
                  "Tayyip Erdogan that the talks mattered."),
                 ("Turkish President Recep Tayyip Erdogan took a call from Italian Prime Minister Giorgio Rossi on "
                  "Monday."),
                 ("Italian Prime Minister Giorgio Rossi held virtual talks with Turkish President Recep Tayyip Erdogan "
                  "on Monday.")):
        (ev,) = extract(engine, text)
        assert (ev.type, sorted([ev.actor.country, *(c.country for c in ev.counterparts)]), ev.start) == \
            ("call", ["ITA", "TUR"], "2023-06-19"), text


def test_the_gathering_looked_back_to_is_no_organisation_named_before(engine):
    events = extract(engine, "The U.S. pledged $3 billion to a United Nations fund. Congressional leaders hosted a "
                             "breakfast for activists on Friday. Six U.S. lawmakers, including House Democratic "
                             "leader Nancy Pelosi, joined the gathering.", published="2015-09-26")
    assert [e for e in events if e.type == "multilateral"] == []


def test_one_who_went_made_the_trip_just_named_and_two_days_apart_are_two_trips(engine):
    events = extract(engine, "Italian Prime Minister Giorgio Rossi's trip to Ankara, due in February, was postponed; "
                             "he finally went in June.", published="2023-10-30")
    assert sorted((e.status, e.countries[0], e.start[5:7]) for e in events) == [
        ("occurred", "TUR", "06"), ("postponed", "TUR", "02")]
    # "went on to" is no trip
    events = extract(engine, "Italian Prime Minister Giorgio Rossi travelled to Ankara in June. He went on to win "
                             "the vote.", published="2023-10-30")
    assert len(events) == 1


def test_a_trip_told_in_the_present_perfect_is_of_the_actors_term_up_to_the_report(engine):
    (ev,) = extract(engine, "Chinese President Xi Jinping has visited Pakistan.", published="2016-01-24")
    # (Xi Jinping has been president since 14 March 2013)
    assert (ev.status, ev.start, ev.end) == ("occurred", "2013-03-14", "2016-01-24")
    # a span the sentence gives stays
    (ev,) = extract(engine, "Chinese President Xi Jinping has visited Pakistan twice in the past two years.",
                    published="2016-01-24")
    assert (ev.start, ev.end) == ("2014-01-24", "2016-01-24")


def test_the_asean_regional_forum_is_a_gathering_of_its_own(engine):
    (ev,) = attendances(engine, "Chinese Foreign Minister Wang Yi attended the ASEAN Regional Forum in Kuala Lumpur "
                                "on Thursday.", published="2015-08-07")
    assert (ev.forum, ev.countries) == ("ARF", ["MYS"])
