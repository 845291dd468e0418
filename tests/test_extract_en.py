"""The English rules engine, sentence by sentence: what an analyst expects from plain news."""
import pytest

from summitry.extract.en import EnglishRuleEngine
from summitry.extract.text import split_sentences
from summitry.records import Document


@pytest.fixture(scope="module")
def engine():
    return EnglishRuleEngine()


def extract(engine, text, published="2023-06-20"):
    return engine.extract(Document(id="t", text=text, lang="en", published=published))


def attendances(engine, text, published="2023-06-20"):
    """The gatherings attended (without the visits that attending one abroad also tells)."""
    return [e for e in extract(engine, text, published) if e.type == "multilateral"]


def brief(ev):
    return (ev.type, ev.status, ev.actor.name, tuple(c.name or c.country for c in ev.counterparts),
            tuple(ev.countries))


def test_a_visit_with_its_actor_office_destination_place_and_dates(engine):
    (ev,) = extract(engine, "On June 18, 2023, US Secretary of State Antony Blinken arrived in Beijing "
                            "for a two-day visit.")
    assert brief(ev) == ("visit", "occurred", "Antony Blinken", (), ("CHN",))
    assert ev.actor.office == "Secretary of State" and ev.actor.level == "foreign_minister"
    assert ev.actor.country == "USA" and ev.place == "Beijing"
    assert (ev.start, ev.end, ev.precision) == ("2023-06-18", "2023-06-19", "day")


def test_every_mention_points_at_its_sentence(engine):
    text = "Markets were calm. Chinese Premier Li Qiang visited Germany on June 19, 2023."
    (ev,) = extract(engine, text)
    m = ev.mentions[0]
    assert text[m.start:m.end] == m.text == "Chinese Premier Li Qiang visited Germany on June 19, 2023."
    assert m.doc == "t" and m.lang == "en"


def test_a_tour_gives_one_visit_per_country(engine):
    events = extract(engine, "Liu Ning, the party chief of Guangxi, visited Vietnam, Singapore and Malaysia "
                             "in late March.", published="2023-04-10")
    assert sorted(e.countries[0] for e in events) == ["MYS", "SGP", "VNM"]
    assert all(e.actor.name == "Liu Ning" and e.actor.level == "subnational" for e in events)
    assert all((e.start, e.end) == ("2023-03-21", "2023-03-31") for e in events)


def test_a_region_is_the_destination_when_no_country_is_named(engine):
    (ev,) = extract(engine, "Ma Xingrui, the Communist Party chief in Xinjiang, made a four-day trip to "
                            "Central Asia in late March.", published="2023-04-10")
    assert set(ev.countries) == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert ev.place == "Central Asia"


@pytest.mark.parametrize("sentence,status", [
    ("Wang Yi will visit Moscow next week.", "planned"),
    ("Wang Yi is expected to visit Moscow next week.", "planned"),
    ("Wang Yi is scheduled to visit Moscow next week.", "planned"),
    ("Wang Yi may visit Moscow next week.", "speculated"),
    ("Observers predict that Wang Yi could visit Moscow next week.", "speculated"),
    ("Wang Yi postponed his visit to Moscow.", "postponed"),
    ("Wang Yi cancelled his visit to Moscow.", "cancelled"),
    ("Wang Yi visited Moscow last week.", "occurred"),
])
def test_status_comes_from_the_modal_cues(engine, sentence, status):
    (ev,) = extract(engine, sentence)
    assert (ev.type, ev.countries, ev.status) == ("visit", ["RUS"], status)


@pytest.mark.parametrize("sentence", [
    "Wang Yi has not visited Moscow since the war began.",
    "More than a million people visited the ministry's website last year.",
    "Chinese leaders visited 14 countries a year on average before the pandemic.",
    "Xi Jinping met Premier Li Qiang in Beijing on Monday.",
    "The minister told the BBC that relations were improving.",
])
def test_non_events_give_nothing(engine, sentence):
    assert extract(engine, sentence) == []


def test_meetings_with_counterparts_and_host(engine):
    (ev,) = extract(engine, "On May 10, Wang Yi and Jake Sullivan met in Vienna, Austria.")
    assert brief(ev) == ("meeting", "occurred", "Wang Yi", ("Jake Sullivan",), ("AUT",))
    assert ev.place == "Vienna" and ev.start == "2023-05-10"


def test_several_counterparts_met_respectively_are_separate_meetings(engine):
    events = extract(engine, "Xi Jinping met respectively with President Sadyr Japarov of Kyrgyzstan and "
                             "President Emomali Rahmon of Tajikistan on September 15, 2022.")
    assert sorted(brief(e)[3] for e in events) == [("Emomali Rahmon",), ("Sadyr Japarov",)]


def test_leaders_named_by_country_are_resolved_to_the_office_holder(engine):
    events = extract(engine, "President Xi Jinping also met with the leaders of Iran and Belarus on "
                             "September 16, 2022.")
    counterparts = {e.counterparts[0].country: e.counterparts[0].name for e in events}
    assert counterparts == {"IRN": "Ebrahim Raisi", "BLR": "Alexander Lukashenko"}


def test_an_unnamed_leader_is_the_office_holder_on_the_event_date(engine):
    (ev,) = extract(engine, "The Chinese leader will visit Kazakhstan on September 14.", published="2022-09-06")
    assert ev.actor.name == "Xi Jinping" and ev.actor.level == "head_of_state"
    (ev,) = extract(engine, "The Chinese leader visited Kazakhstan on September 7, 2013.", published="2013-09-08")
    assert ev.actor.name == "Xi Jinping"
    (ev,) = extract(engine, "The Chinese president visited Moscow on March 22, 2010.", published="2010-03-25")
    assert ev.actor.name == "Hu Jintao"


def test_a_trilateral_meeting_is_one_gathering(engine):
    (ev,) = extract(engine, "The heads of state of China, Russia and Mongolia held a trilateral meeting in "
                            "Samarkand on September 15, 2022.")
    assert ev.type == "meeting" and ev.actor.name == "Xi Jinping"
    assert {c.name for c in ev.counterparts} == {"Vladimir Putin", "Ukhnaagiin Khürelsükh"}
    assert ev.countries == ["UZB"]


def test_calls(engine):
    (ev,) = extract(engine, "On June 14, Qin Gang spoke with Antony Blinken on the phone.")
    assert brief(ev) == ("call", "occurred", "Qin Gang", ("Antony Blinken",), ())
    (ev,) = extract(engine, "Xi Jinping held a video call with Joe Biden on November 15, 2021.")
    assert brief(ev)[:4] == ("call", "occurred", "Xi Jinping", ("Joe Biden",))


def test_multilateral_gatherings_take_the_forum_and_its_host(engine):
    events = extract(engine, "Xi Jinping attended the G20 summit in Bali on November 15, 2022.")
    (ev,) = [e for e in events if e.type == "multilateral"]
    assert (ev.type, ev.forum, ev.countries, ev.place) == ("multilateral", "G20", ["IDN"], "Bali")


def test_who_attended_a_gathering_abroad_visited_its_country_but_a_plan_to_attend_says_only_that(engine):
    events = extract(engine, "Indian Prime Minister Narendra Modi spoke at the BRICS summit in Fortaleza on "
                             "July 15, 2014.", published="2014-07-16")
    assert sorted((e.type, e.countries[0], e.start) for e in events) == [
        ("multilateral", "BRA", "2014-07-15"), ("visit", "BRA", "2014-07-15")]
    events = extract(engine, "Narendra Modi will attend the BRICS summit in Fortaleza next week.",
                     published="2014-07-06")
    assert [(e.type, e.status) for e in events] == [("multilateral", "planned")]
    # at home, a gathering is no visit
    events = extract(engine, "Xi Jinping attended the SCO summit in Qingdao on June 10, 2018.")
    assert [e.type for e in events] == ["multilateral"]


def test_a_gathering_going_on_as_the_report_is_written_ends_on_the_weekday_ahead(engine):
    # (told on Wednesday 15 November 2023: Friday is the 17th, not the 10th)
    events = extract(engine, "Xi Jinping is attending the APEC summit in San Francisco, which ends on Friday.",
                     published="2023-11-15")
    assert {(e.type, e.status, e.start) for e in events} == {
        ("multilateral", "occurred", "2023-11-17"), ("visit", "occurred", "2023-11-17")}


def test_a_pronoun_takes_the_actor_of_the_previous_sentence(engine):
    events = extract(engine, "Wang Ning, party boss of Yunnan province, crossed the border into Vietnam on "
                             "March 27. He continued his tour with stops in Laos and Myanmar.",
                     published="2023-04-10")
    assert sorted((e.actor.name, e.countries[0]) for e in events) == [
        ("Wang Ning", "LAO"), ("Wang Ning", "MMR"), ("Wang Ning", "VNM")]


def test_surnames_refer_to_the_person_named_earlier(engine):
    events = extract(engine, "Chinese President Xi Jinping arrived in Moscow on March 20, 2023. "
                             "Xi held talks with Putin the next day.", published="2023-03-22")
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.actor.name == "Xi Jinping" and meeting.counterparts[0].name == "Vladimir Putin"


def test_a_surname_is_a_whole_word_not_part_of_a_longer_one():
    from summitry.extract.en import _LocalMatch, _with_surnames

    biden = type("Person", (), {"name": "Joe Biden", "country": "USA"})()
    text = "Joe Biden spoke. Biden's aides, Bidenomics, Mr.Biden-Harris and O'Biden; Biden."
    found = [m.start for m in _with_surnames(text, [_LocalMatch(0, 9, "person", "Joe Biden", biden)])
             if m.kind == "person_short"]
    # "Biden's", "Mr.Biden-" and the last "Biden" count; "Bidenomics" and "O'Biden" do not (whether
    # "Biden-Harris" names the person is for the parties to judge)
    assert found == [text.index("Biden's"), text.index("Biden-"), text.rindex("Biden")]


def test_an_unknown_person_keeps_the_title_and_country(engine):
    events = extract(engine, "On June 5, Wang Yi met Zambian Foreign Minister Stanley Kakubo in Beijing.")
    (ev,) = [e for e in events if e.type == "meeting"]  # (and Kakubo's visit to China)
    assert ev.counterparts[0].name == "Stanley Kakubo"
    assert ev.counterparts[0].country == "ZMB" and ev.counterparts[0].office == "Foreign Minister"


def test_translation_noise_does_not_break_sentences_or_invent_events(engine):
    text = "The news was very arrogant.The Chinese Heads would visit Kazakhstan on September 14."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["The news was very arrogant.",
                                           "The Chinese Heads would visit Kazakhstan on September 14."]
    (ev,) = extract(engine, text, published="2022-09-06")
    assert (ev.actor.name, ev.status, ev.start) == ("Xi Jinping", "planned", "2022-09-14")
    repeated = extract(engine, "Li Zhanshu visited Russia, Mongolia, Mongolia, Mongolia,Nepal and South Korea.",
                       published="2022-09-06")
    assert sorted(e.countries[0] for e in repeated) == ["KOR", "MNG", "NPL", "RUS"]


def test_a_page_wrapped_at_a_fixed_width_is_read_in_whole_sentences(engine):
    wrapped = ("Trade talks stall | The Daily Record\n"
               "A delegation of exporters arrived on Tuesday during Premier Li's \n"
               "official visit to Germany, where he is expected to sign several\n"
               "agreements with Chancellor Angela Merkel and to address business\n"
               "leaders in Berlin.\n"
               "Exports fell.")
    texts = [s.text for s in split_sentences(wrapped)]
    assert texts[0] == "Trade talks stall | The Daily Record"  # the headline stays a line of its own
    assert texts[1].startswith("A delegation") and texts[1].endswith("leaders in Berlin.")
    assert texts[2] == "Exports fell."
    (visit,) = [e for e in extract(engine, wrapped, published="2015-10-28") if e.type == "visit"]
    assert visit.actor.name == "Li Keqiang" and visit.countries == ["DEU"]


def test_short_lines_of_a_page_that_is_not_wrapped_stay_apart():
    page = ("Obama lands in Havana\nMarkets fall for a third day as investors\nHAVANA - The White House said on "
            "Monday that the president would not meet Fidel Castro.")
    assert [s.text for s in split_sentences(page)][1] == "Markets fall for a third day as investors"


def test_a_plan_read_in_the_future_and_a_report_date_is_not_the_event_date(engine):
    (ev,) = [e for e in extract(engine, "On Monday, Joe Biden is due to meet President Vo Van Thuong in Hanoi.",
                                published="2023-09-08") if e.type == "meeting"]
    assert ev.start == "2023-09-11"  # the next Monday, not the last one
    (ev,) = extract(engine, "The ministry said on June 6 that Blinken will visit China.", published="2023-06-07")
    assert ev.status == "planned" and ev.start >= "2023-06-06" and ev.precision == "month"


def test_translated_word_order_puts_the_destination_before_the_visit(engine):
    (ev,) = extract(engine, "Russian President Putin on 16th May to China carry out state visit.",
                    published="2024-05-16")
    assert brief(ev)[:3] == ("visit", "occurred", "Vladimir Putin") and ev.countries == ["CHN"]
    (ev,) = extract(engine, "Kim Jong Un with Russian President Putin hold meeting in Vostochny.",
                    published="2023-09-14")
    assert brief(ev)[:4] == ("meeting", "occurred", "Kim Jong Un", ("Vladimir Putin",))


def test_a_title_alone_refers_to_the_holder_named_before(engine):
    events = extract(engine, "Secretary of State Antony Blinken arrived in Shanghai on April 24. "
                             "The Secretary met Party Secretary Chen Jining on April 25.", published="2024-04-26")
    meeting = next(e for e in events if e.type == "meeting")
    assert meeting.actor.name == "Antony Blinken" and meeting.counterparts[0].name == "Chen Jining"


def test_a_demonym_capital_is_the_capital(engine):
    (ev,) = extract(engine, "Joe Biden arrived in the Indian capital on Friday.", published="2023-09-10")
    assert ev.countries == ["IND"] and ev.place == "New Delhi"


def test_the_leader_of_a_parliamentary_country_is_its_prime_minister(engine):
    (ev,) = extract(engine, "The Japanese leader visited Seoul on May 7, 2023.", published="2023-05-10")
    assert (ev.actor.name, ev.actor.level) == ("Fumio Kishida", "head_of_government")
    (ev,) = extract(engine, "The heads of state of China and Russia met in Samarkand on September 15, 2022.",
                    published="2022-09-16")
    assert {ev.actor.name, ev.counterparts[0].name} == {"Xi Jinping", "Vladimir Putin"}


def test_a_call_told_in_passing_and_a_trip_which_begins_later(engine):
    (ev,) = extract(engine, "Wang Yi told his Russian counterpart Sergei Lavrov in a phone call on Tuesday "
                            "that Beijing supports the talks.", published="2024-04-10")
    assert brief(ev) == ("call", "occurred", "Wang Yi", ("Sergey Lavrov",), ())
    assert ev.start == "2024-04-09"
    (ev,) = extract(engine, "Biden's trip to Hanoi, which begins on Sunday, will be his first.",
                    published="2023-11-20")
    assert (ev.status, ev.countries, ev.start) == ("planned", ["VNM"], "2023-11-26")


def test_a_gathering_during_a_visit_is_hosted_where_the_visit_is_and_no_named_country_hosts_it(engine):
    events = extract(engine, "Chinese President Xi Jinping arrived in Riyadh on Wednesday. Xi also took part in "
                             "the first China-Arab States Summit on Friday.", published="2022-12-10")
    (gathering,) = [e for e in events if e.type == "multilateral"]
    assert (gathering.forum, gathering.countries, gathering.place) == ("LAS", ["SAU"], "Riyadh")
    assert gathering.start == "2022-12-09"


def test_news_agency_phrasings(engine):
    (ev,) = [e for e in extract(engine, "At the invitation of Xi Jinping, Brazilian President Luiz Inacio Lula da "
                                        "Silva is paying a state visit to China from April 12 to 15.",
                                published="2023-04-14")]
    assert (ev.status, ev.countries, ev.start, ev.end) == ("occurred", ["CHN"], "2023-04-12", "2023-04-15")
    tour = extract(engine, "At the invitation of French President Emmanuel Macron and Serbian President "
                           "Aleksandar Vucic, Chinese President Xi Jinping will pay state visits to the two "
                           "countries from May 5 to 8.", published="2024-05-03")
    assert sorted(e.countries[0] for e in tour) == ["FRA", "SRB"]
    assert all(e.status == "planned" and e.actor.name == "Xi Jinping" for e in tour)
    (ev,) = extract(engine, "U.S. Treasury Secretary Janet Yellen wrapped up a four-day visit to China on Sunday.",
                    published="2023-07-09")
    assert (ev.start, ev.end) == ("2023-07-06", "2023-07-09")


def test_being_somewhere_now_and_calls_received(engine):
    events = extract(engine, "Chinese President Xi Jinping is in Moscow for talks with Russian President "
                             "Vladimir Putin.", published="2023-03-21")
    visit = next(e for e in events if e.type == "visit")
    # no date of its own: the dating stage (tests/test_dating.py) puts it on the publication day
    assert (visit.countries, visit.start) == (["RUS"], None)
    assert extract(engine, "Stability is in China's interest, the minister said.", published="2023-03-21") == []
    (ev,) = extract(engine, "Japanese Prime Minister Fumio Kishida received a phone call from Ukrainian President "
                            "Volodymyr Zelensky on Wednesday.", published="2023-04-20")
    assert brief(ev) == ("call", "occurred", "Fumio Kishida", ("Volodymyr Zelensky",), ())


def test_he_after_a_clause_joined_by_comma_and_is_that_clause_subject(engine):
    # "Yoon" is the second of a pair (no comma); "Modi" opens a new clause: "he" is Modi.
    events = extract(engine, "Japanese Prime Minister Fumio Kishida went to Seoul in May and Yoon to Tokyo in March, "
                             "and Indian Prime Minister Narendra Modi spent two days in Paris in July 2023, when he "
                             "was received by French President Emmanuel Macron at the Elysee Palace.",
                     published="2023-08-01")
    meetings = [brief(e) for e in events if e.type == "meeting"]
    assert meetings == [("meeting", "occurred", "Narendra Modi", ("Emmanuel Macron",), ("FRA",))]


def test_the_two_presidents_refer_back_only_to_a_meeting_of_presidents(engine):
    text = ("Chinese Foreign Minister Wang Yi met President Joe Biden at the White House on October 27, 2023. "
            "The two presidents met again in Bali a year earlier.")
    # (Wang Yi met Biden at the White House: Wang Yi's visit; no meeting of two presidents)
    assert [e.type for e in extract(engine, text, published="2023-10-28")] == ["meeting", "visit"]
    text = ("Chinese President Xi Jinping met President Joe Biden in Woodside on November 15, 2023. "
            "The two presidents held a phone call on April 2, 2024.")
    call = next(e for e in extract(engine, text, published="2024-04-03") if e.type == "call")
    assert {call.actor.name, *(c.name for c in call.counterparts)} == {"Xi Jinping", "Joe Biden"}


def test_a_second_traveller_with_the_verb_left_out_visits_the_same_place_on_a_date_of_its_own(engine):
    events = extract(engine, "Secretary of State Antony Blinken travelled to Beijing in June and Treasury "
                             "Secretary Janet Yellen in July, while Commerce Secretary Gina Raimondo stayed home.",
                     published="2023-09-01")
    assert sorted((e.actor.name, tuple(e.countries), e.place, e.start) for e in events) == [
        ("Antony Blinken", ("CHN",), "Beijing", "2023-06-01"), ("Janet Yellen", ("CHN",), "Beijing", "2023-07-01")]
    # a second person with a verb of their own, or a host in their own country, is no gapped visit
    assert [e.actor.name for e in extract(engine, "Xi Jinping visited Russia in March 2023 and Vladimir Putin "
                                                  "in October 2023.", published="2023-11-01")] == ["Xi Jinping"]
    assert [e.actor.name for e in extract(engine, "Xi Jinping visited Russia in March 2023 and Joe Biden said "
                                                  "in May 2023 that he was worried.", published="2023-06-01")] == [
        "Xi Jinping"]


def test_a_place_before_a_visit_noun_is_its_destination(engine):
    (ev,) = extract(engine, "After Wang Yi's Washington visit on October 28, 2023, officials sounded hopeful.",
                    published="2023-10-30")
    assert brief(ev) == ("visit", "occurred", "Wang Yi", (), ("USA",)) and ev.place == "Washington"
    # only a possessed visit noun: "the Washington visit rules" names no traveller's trip
    assert extract(engine, "Officials discussed the Washington visit rules on October 28, 2023.") == []


# ---------------------------------------------------------------------- real news (issue 12)
@pytest.mark.parametrize("sentence", [
    "Manmohan Singh didn’t attend the Commonwealth summit in Colombo in 2013.",
    "Xi Jinping didn't visit Japan in 2014.",
])
def test_a_contracted_negation_denies_the_event(engine, sentence):
    assert extract(engine, sentence, published="2015-01-10") == []


def test_a_region_in_a_list_of_destinations_is_one_visit_somewhere_in_it(engine):
    events = extract(engine, "Xi Jinping toured Latin America, the US and Europe in 2015.", published="2016-01-10")
    by_place = {e.place: e.countries for e in events}
    assert len(events) == 3 and by_place[None] == ["USA"]
    assert "BRA" in by_place["Latin America"] and "FRA" in by_place["Europe"]


def test_words_quoted_from_a_speaker_are_not_the_speaker_s_trip(engine):
    assert extract(engine, "Malaysian Prime Minister Najib Razak said, \u201cThe aircraft was programmed to fly "
                           "to Beijing.\u201d", published="2014-03-18") == []
    (ev,) = extract(engine, '"Chinese President Xi Jinping will visit Pakistan next week," the ministry said.',
                    published="2015-04-16")
    assert brief(ev)[:3] == ("visit", "planned", "Xi Jinping")


@pytest.mark.parametrize("sentence", [
    "Malaysia Airlines Chief Executive Ahmad Jauhari Yahya flew to Beijing on Tuesday.",
    "News Corp. Executive Chairman Rupert Murdoch was visiting China last week.",
])
def test_a_company_s_officer_is_no_state_s_actor(engine, sentence):
    assert extract(engine, sentence, published="2015-09-14") == []


def test_titles_and_possessives_are_not_part_of_a_name(engine):
    (ev,) = extract(engine, "Australian Immigration Minister Peter Dutton's visit to Cambodia was a success.",
                    published="2015-04-20")
    assert (ev.actor.name, ev.actor.country, ev.actor.office) == ("Peter Dutton", "AUS", "Immigration Minister")
    (ev,) = extract(engine, "First Vice Prime Minister of Kyrgyzstan Tairbek Sarpashev left for China on Monday.",
                    published="2015-06-10")
    assert (ev.actor.name, ev.actor.country, ev.countries) == ("Tairbek Sarpashev", "KGZ", ["CHN"])


def test_a_portfolio_after_the_title_is_part_of_it(engine):
    # "Minister for Planning and Development" is a title: the name is what follows it
    for text in ("Australian Minister for Immigration and Border Protection Peter Dutton visited Cambodia on Monday.",
                 ("Australia's Federal Minister for Planning, Development and Reform Peter Dutton visited Cambodia "
                  "on Monday.")):
        (ev,) = extract(engine, text, published="2015-04-22")
        assert (ev.actor.name, ev.actor.country, ev.status, ev.start) == (
            "Peter Dutton", "AUS", "occurred", "2015-04-20"), text
    # a planned trip is still one
    (ev,) = extract(engine, "Australian Minister for Trade Peter Dutton plans to visit Cambodia.",
                    published="2015-04-22")
    assert (ev.actor.name, ev.status) == ("Peter Dutton", "planned")


def test_the_body_between_a_country_and_a_title_keeps_the_country(engine):
    (ev,) = extract(engine, "Chinese Central Military Commission Vice-Chairman Fan Changlong visited India in "
                            "November.", published="2015-12-01")
    assert (ev.actor.name, ev.actor.country, ev.countries) == ("Fan Changlong", "CHN", ["IND"])


def test_a_title_and_a_family_name_are_the_office_holder_of_that_name(engine):
    events = extract(engine, "President Xi will first visit Saudi Arabia, then meet with President Abdel Fattah "
                             "al-Sisi in Cairo.", published="2016-01-15")
    assert {e.actor.name for e in events} == {"Xi Jinping"}
    assert sorted((e.type, e.countries[0]) for e in events) == [("meeting", "EGY"), ("visit", "EGY"), ("visit", "SAU")]


@pytest.mark.parametrize("sentence", [
    "National police spokesman Prawut Thavornsiri said the suspect had gone to Malaysia.",
    "Republican chairman Ed Royce criticised what he called Obama's mad rush.",
    "Senator John McCain called Vladimir Putin a thug.",
    "Chief Executive Leung Chun-ying refused to meet their demands for democracy.",
    "\u201cHead of Syrian Opposition to Visit China This Week,\u201d Reuters reported.",
    "Uyghurs settle near a village taken from Assad, close to a party that is in the Turkey-backed army.",
    "Ukrainian President Petro Poroshenko's wife Marina called on Michelle Obama to join the campaign.",
])
def test_what_real_news_says_around_leaders_is_no_event(engine, sentence):
    assert extract(engine, sentence, published="2015-09-01") == []


def test_a_subject_the_knowledge_base_does_not_know_is_not_replaced_by_one_named_before(engine):
    events = extract(engine, "Xi Jinping and Vladimir Putin could meet in the villa where Nixon met Mao.",
                     published="2014-07-16")
    assert [brief(e)[:4] for e in events] == [("meeting", "speculated", "Xi Jinping", ("Vladimir Putin",))]


def test_a_family_name_after_an_unknown_first_name_is_not_the_namesake(engine):
    events = extract(engine, "Home Minister Rajnath Singh spoke on Monday. Chinese Defence Minister Chang Wanquan "
                             "met Indian Army chief General Dalbir Singh in Delhi.", published="2015-11-20")
    assert not any("Rajnath Singh" in {c.name for c in e.counterparts} for e in events)


def test_postponement_and_cancellation_belong_to_their_own_phrase(engine):
    events = extract(engine, "President Xi Jinping visited Delhi last year, after postponing his visit to "
                             "Islamabad.", published="2015-04-20")
    assert sorted((e.countries[0], e.status) for e in events) == [("IND", "occurred"), ("PAK", "postponed")]
    (ev,) = extract(engine, "Xi Jinping's visit to Pakistan, originally scheduled for September, was postponed.",
                    published="2015-04-20")
    assert ev.status == "postponed"
    (ev,) = extract(engine, "The White House ruled out a meeting between Barack Obama and Raul Castro during the "
                            "US president's trip.", published="2016-03-15")
    assert brief(ev)[:4] == ("meeting", "cancelled", "Barack Obama", ("Raúl Castro",))


def test_a_pronoun_of_an_opening_phrase_refers_to_the_subject_after_it(engine):
    events = extract(engine, "Narendra Modi spoke on Sunday. During his two-day trip to Pakistan, Chinese President "
                             "Xi Jinping will launch projects.", published="2015-04-19")
    assert [(e.actor.name, e.countries) for e in events] == [("Xi Jinping", ["PAK"])]
    (ev,) = extract(engine, "During his meeting with Chinese President Xi Jinping, Turkish President Recep Tayyip "
                            "Erdogan said Turkey respects China.", published="2015-08-01")
    assert brief(ev)[:4] == ("meeting", "occurred", "Recep Tayyip Erdoğan", ("Xi Jinping",))


def test_his_after_a_meeting_is_the_subject_not_the_counterpart(engine):
    events = extract(engine, "In 2013, Prime Minister Li Keqiang called on his Pakistani counterpart Asif Ali Zardari "
                             "on his visit to Pakistan.", published="2015-04-19")
    visit = next(e for e in events if e.type == "visit")
    assert (visit.actor.name, visit.countries) == ("Li Keqiang", ["PAK"])


def test_a_country_s_leadership_is_its_leader(engine):
    events = extract(engine, "Chinese President Xi Jinping arrived in Islamabad on Monday. He met with Pakistan's "
                             "top civilian and military leadership.", published="2015-04-20")
    meeting = next(e for e in events if e.type == "meeting")
    assert (meeting.actor.name, meeting.counterparts[0].name) == ("Xi Jinping", "Nawaz Sharif")


def test_due_in_a_place_is_a_planned_visit_and_being_somewhere_takes_its_own_subject(engine):
    (ev,) = extract(engine, "India's Prime Minister Narendra Modi is due in China next month.", published="2015-04-21")
    assert brief(ev) == ("visit", "planned", "Narendra Modi", (), ("CHN",)) and ev.start == "2015-05-01"
    (ev,) = extract(engine, "Amnesty asked John Kerry, who is in Beijing for talks, to visit a mosque.",
                    published="2014-07-09")
    assert (ev.actor.name, ev.countries) == ("John Kerry", ["CHN"])
    assert extract(engine, "US President Barack Obama said a decision is expected in Iran.") == []


def test_honorifics_belong_to_the_name_in_a_list_of_counterparts(engine):
    events = extract(engine, "Pakistani Prime Minister Nawaz Sharif and President Mamnoon Hussain spoke. Chinese "
                             "President Xi Jinping will spend two days holding talks with his counterpart Mamnoon "
                             "Hussain, Mr Sharif and other ministers.", published="2015-04-19")
    assert sorted(e.counterparts[0].name for e in events if e.type == "meeting") == ["Mamnoon Hussain", "Nawaz Sharif"]


def test_one_trip_told_twice_in_a_sentence_is_one_record(engine):
    (ev,) = extract(engine, "Australian Prime Minister Anthony Albanese is due in Shanghai and Beijing from Nov 4 to "
                            "7, the first visit to China by an Australian leader since 2016.", published="2023-10-30")
    assert (ev.status, ev.countries, ev.start) == ("planned", ["CHN"], "2023-11-04")


@pytest.mark.parametrize("sentence,forum,host", [
    ("Wang Yi attended the fourth ministerial conference of the Istanbul Process in Beijing on Friday.",
     "fourth ministerial conference of the Istanbul Process", ["CHN"]),
    ("Chinese Premier Li Keqiang attended the 10th ASEM summit in Milan on Thursday.", "10th ASEM summit", ["ITA"]),
    ("Chinese President Xi Jinping attended a trilateral summit with Japan and South Korea.", "trilateral summit", []),
])
def test_a_gathering_the_knowledge_base_does_not_list_is_known_by_its_form(engine, sentence, forum, host):
    (ev,) = [e for e in extract(engine, sentence, published="2014-10-19") if e.type == "multilateral"]
    assert (ev.type, ev.forum, ev.countries) == ("multilateral", forum, host)


@pytest.mark.parametrize("sentence", [
    "Chinese President Xi Jinping attended a press conference in Beijing.",
    "Chinese President Xi Jinping attended the Central Conference on Work Relating to Foreign Affairs.",
    "Zhang Chunxian, Party chief of the region, said at a regional conference on Sunday that the fight is grim.",
])
def test_a_gathering_without_a_name_or_of_one_country_is_no_multilateral(engine, sentence):
    assert extract(engine, sentence, published="2014-10-19") == []


def test_a_speaker_at_a_gathering_attends_it(engine):
    events = extract(engine, "At the sixth Brics Summit in Fortaleza, Brazil, on Tuesday, the five economies agreed. "
                             "Prime Minister Narendra Modi said at the summit that Brics was new.",
                     published="2014-07-16")
    (ev,) = [e for e in events if e.actor.name == "Narendra Modi" and e.type == "multilateral"]
    assert (ev.type, ev.forum, ev.countries, ev.start) == ("multilateral", "BRICS", ["BRA"], "2014-07-15")
    assert extract(engine, "US President Barack Obama said at a press conference that he was pleased.") == []


def test_a_visit_during_which_something_was_agreed_happened(engine):
    (ev,) = extract(engine, "China and Pakistan agreed to build the corridor during Chinese Premier Li Keqiang's visit "
                            "to Pakistan in May 2013.", published="2015-05-08")
    assert (ev.status, ev.countries, ev.start) == ("occurred", ["PAK"], "2013-05-01")
    (ev,) = extract(engine, "China and Pakistan will sign the deal during Chinese Premier Li Keqiang's visit to "
                            "Pakistan next week.", published="2015-05-18")
    assert ev.status == "planned"


def test_a_counterpart_is_the_holder_of_the_actor_s_office_in_that_country(engine):
    (ev,) = [e for e in extract(engine, "Chinese Premier Li Keqiang held talks with his Indian counterpart in Beijing "
                                "on Friday.", published="2015-05-16") if e.type == "meeting"]
    assert brief(ev) == ("meeting", "occurred", "Li Keqiang", ("Narendra Modi",), ("CHN",))
    (ev,) = [e for e in extract(engine, "Chinese President Xi Jinping welcomed his Yemeni counterpart Abed Rabbo Hadi "
                                "to Beijing in November 2013.", published="2016-02-03") if e.type == "meeting"]
    assert (ev.counterparts[0].name, ev.counterparts[0].country) == ("Abed Rabbo Hadi", "YEM")
    (ev,) = extract(engine, "Secretary of State John Kerry told his Japanese counterpart during a phone call last "
                            "week that talks should resume.", published="2014-07-17")
    assert (ev.type, ev.counterparts[0].country) == ("call", "JPN")


def test_an_actor_urged_to_refrain_from_a_trip_makes_none(engine):
    assert extract(engine, "Kerry told reporters that Prime Minister Shinzo Abe should refrain from going to North "
                           "Korea.", published="2014-07-17") == []


def test_a_meeting_told_with_an_undated_visit_is_hosted_where_the_visit_goes(engine):
    # the style of an engagement log: one line a day, no date in the line
    events = extract(engine, "Wang Yi travelled to Egypt, Cairo and met with Sameh Shoukry.", published="2023-12-28")
    meeting = next(e for e in events if e.type == "meeting")
    assert (meeting.countries, meeting.place, meeting.start) == (["EGY"], "Cairo", None)
    # two sentences, undated: nothing says the meeting was during that visit
    events = extract(engine, "Wang Yi has visited Egypt many times. He met with Sameh Shoukry.", published="2023-12-28")
    assert all(not e.countries for e in events if e.type == "meeting")


def test_an_envoy_travels_not_the_leader_who_sent_them(engine):
    for text in ("Yang Jiechi, special envoy of President Xi Jinping, visited Moscow on Monday.",
                 "Special envoy of President Xi Jinping Yang Jiechi visited Moscow on Monday."):
        (ev,) = extract(engine, "Chinese President Xi Jinping spoke. " + text, published="2015-07-10")
        assert (ev.actor.name, ev.countries) == ("Yang Jiechi", ["RUS"])


def test_a_round_of_calls_with_counterparts_of_several_countries_is_one_call_each(engine):
    events = extract(engine, "Chinese Foreign Minister Wang Yi held phone talks with his counterparts from Russia, "
                             "Iran and Turkey on Sunday.", published="2015-07-10")
    assert sorted(e.counterparts[0].country for e in events) == ["IRN", "RUS", "TUR"]
    assert all(e.type == "call" and e.actor.name == "Wang Yi" for e in events)


def test_every_leader_listed_as_attending_attends_the_chair_included(engine):
    events = attendances(engine, "Russian President Vladimir Putin, who chaired the summit, and Chinese President Xi "
                                 "Jinping attended the BRICS summit in Ufa on Thursday.", published="2015-07-10")
    assert sorted(e.actor.name for e in events) == ["Vladimir Putin", "Xi Jinping"]
    assert all((e.type, e.forum, e.countries) == ("multilateral", "BRICS", ["RUS"]) for e in events)


def test_attending_an_unnamed_gathering_in_a_foreign_city_is_a_visit(engine):
    (ev,) = extract(engine, "Vice Premier Zhang Gaoli attended the ceremony in Moscow on Saturday.",
                    published="2015-05-10")
    assert brief(ev) == ("visit", "occurred", "Zhang Gaoli", (), ("RUS",))
    assert extract(engine, "US Secretary of State John Kerry spoke at an event on human rights in North Korea.",
                   published="2015-05-10") == []


def test_a_noun_of_the_opening_phrase_belongs_to_the_subject_after_it(engine):
    events = extract(engine, "During a visit to Dushanbe this month for a summit of the Shanghai Cooperation "
                             "Organisation, visiting Chinese President, Xi Jinping inaugurated a pipeline.",
                     published="2014-09-25")
    assert ("Xi Jinping", ["TJK"]) in [(e.actor.name, e.countries) for e in events if e.type == "visit"]
    events = extract(engine, "On a visit to three major countries in the Middle East, Saudi Arabia, Egypt and Iran, "
                             "from January 19 to 23, Chinese President Xi Jinping brought a message.",
                     published="2016-01-25")
    assert sorted(e.countries[0] for e in events) == ["EGY", "IRN", "SAU"]


def test_sentence_adverbs_before_the_opening_phrase_are_the_main_clause_s(engine):
    # "perhaps" is said of the asking, not of the visit the opening phrase tells
    for text in (("Perhaps, inevitably, on a visit to Norway earlier this year, German Chancellor Olaf Scholz was "
                  "asked about fishing."),
                 "Interestingly, during his visit to Norway, German Chancellor Olaf Scholz spoke of fishing."):
        (ev,) = extract(engine, text, published="2023-09-20")
        assert (ev.type, ev.status, ev.actor.name, ev.countries) == ("visit", "occurred", "Olaf Scholz", ["NOR"]), text
    # a speculation about the visit itself still is one
    (ev,) = extract(engine, "Olaf Scholz may perhaps visit Norway.", published="2023-09-20")
    assert ev.status == "speculated"


def test_a_visit_to_the_country_is_to_the_one_named_before(engine):
    (ev,) = extract(engine, "In December 2009, Cambodia deported 20 Uyghurs back to China and days later signed a "
                            "trade package during then-Vice President Xi Jinping's visit to the country.",
                    published="2015-01-10")
    assert (ev.actor.name, ev.countries, ev.start) == ("Xi Jinping", ["KHM"], "2009-12-01")
    (ev,) = extract(engine, "Chinese President Xi Jinping published an article in an Iranian newspaper on Thursday, "
                            "ahead of his state visit to the country.", published="2016-01-21")
    assert (ev.status, ev.countries) == ("planned", ["IRN"])


def test_an_arrival_and_the_cities_of_a_country_are_destinations(engine):
    (ev,) = extract(engine, "This pre-dated Chinese President Xi Jinping's arrival in India on September 17.",
                    published="2014-09-25")
    assert (ev.countries, ev.start) == (["IND"], "2014-09-17")
    events = extract(engine, "Last month, Chinese Premier Li Keqiang travelled to the western cities of Almaty and "
                             "Astana.", published="2014-12-20")
    assert [e.countries for e in events] == [["KAZ"]]


def test_a_visit_in_a_when_clause_takes_its_own_tense_not_the_main_clause_mood(engine):
    (ev,) = extract(engine, "The corridor is likely to come up for discussion when Chinese President Xi Jinping "
                            "visits Pakistan on Monday.", published="2015-04-17")
    assert (ev.status, ev.start) == ("planned", "2015-04-20")
    (ev,) = extract(engine, "India's proposed July visit of Prime Minister Narendra Modi to Central Asia will offer "
                            "little.", published="2015-04-20")
    assert (ev.status, ev.start) == ("planned", "2015-07-01")


def test_calling_on_someone_to_act_is_no_meeting(engine):
    assert extract(engine, "Chinese President Xi Jinping called on Russian President Vladimir Putin to support the "
                           "plan.", published="2015-09-23") == []
    events = extract(engine, "In 2013, Prime Minister Li Keqiang called on his Pakistani counterpart Asif Ali Zardari "
                             "on his visit to Pakistan.", published="2015-04-19")
    assert "meeting" in [e.type for e in events]


def test_a_counterpart_holds_the_office_the_knowledge_base_gives_the_actor(engine):
    (ev,) = extract(engine, "US Secretary of State John Kerry spoke. Secretary Kerry told his Japanese counterpart "
                            "during a phone call last week that talks should resume.", published="2014-07-17")
    assert (ev.type, ev.counterparts[0].name) == ("call", "Fumio Kishida")


def test_a_trip_that_took_him_somewhere_is_the_subject_s_visit(engine):
    events = extract(engine, "Chinese Premier Li Keqiang met Peruvian President Ollanta Humala during a trip that also "
                             "took him to Brazil.", published="2015-05-30")
    assert ("visit", "Li Keqiang", ["BRA"]) in [(e.type, e.actor.name, e.countries) for e in events]


def test_a_pages_list_of_links_tells_no_event(engine):
    # the menu under an article names other stories, published long before the page
    page = ("Chinese President Xi Jinping spoke about trade in Beijing on Monday.\n"
            "Share this:\nWorld Cup Final\nXi Visits Kazakhstan, Russia, Belarus\nPremier Tours Africa\n"
            "Spring Festival\nObama Arrives in Havana\n")
    assert extract(engine, page, "2016-02-04") == []
    # one headline-like line among sentences is the story's own
    story = "Xi Jinping visits Kazakhstan\nChinese President Xi Jinping arrived in Astana on Monday."
    assert {e.countries[0] for e in extract(engine, story, "2016-02-04")} == {"KAZ"}


def test_a_line_cut_off_in_mid_sentence_is_another_story_s_teaser(engine):
    # the teasers under an article, whatever their length, are other stories: their "Sunday" is not
    # a day of this page's week
    page = ("Chinese President Xi Jinping spoke about trade in Beijing on Monday.\n"
            " ROME - German Chancellor Olaf Scholz flew to Italy on Sunday to discuss a long-running "
            "dispute over the ...\n"
            "Commentary: Why the Chancellor's visit to Japan is a turning point for the region and…\n"
            "Olaf Scholz receives Japanese Prime Minister Fumio Kishida ... READ MORE\n")
    assert extract(engine, page, "2023-02-04") == []
    # a sentence that ends, and a quote trailing off after a full stop, are the page's own
    story = ("German Chancellor Olaf Scholz flew to Italy on Sunday.\n"
             'He said: "We will see."...\n')
    assert [e.countries for e in extract(engine, story, "2023-02-04")] == [["ITA"]]


def test_a_meeting_told_by_a_noun_alone_is_on_the_day_nearest_the_report(engine):
    # no verb says when: 30 September after a July report is the one to come, a plan
    (ev,) = [e for e in extract(engine, "The bank opens before a summit meeting between Indian Prime Minister "
                                "Narendra Modi and US President Barack Obama on 30 September in Washington.",
                                "2014-07-16") if e.type == "meeting"]
    assert (ev.type, ev.status, ev.start) == ("meeting", "planned", "2014-09-30")
    # 10 July after a July report is the one just past
    (ev,) = [e for e in extract(engine, "The summit meeting between Indian Prime Minister Narendra Modi and US "
                                "President Barack Obama on 10 July in Washington went well.", "2014-07-16")
             if e.type == "meeting"]
    assert (ev.status, ev.start) == ("occurred", "2014-07-10")
    # a day far ahead is not read as a plan: November after a June report is the last one
    (ev,) = [e for e in extract(engine, "The summit meeting between Indian Prime Minister Narendra Modi and US "
                                "President Barack Obama on 20 November in Washington set the tone.", "2014-06-16")
             if e.type == "meeting"]
    assert (ev.status, ev.start) == ("occurred", "2013-11-20")


def test_a_place_after_someone_elses_saying_is_not_where_the_visitor_went(engine):
    events = extract(engine, "As Chinese President Xi Jinping's visit to Pakistan ended, analysts said it was "
                             "being watched in Washington.", "2015-04-22")
    assert [(e.type, e.countries) for e in events] == [("visit", ["PAK"])]


@pytest.mark.parametrize("told", ["he was to have travelled to Pakistan too", "he was supposed to visit Pakistan",
                                  "he had been due to visit Pakistan"])
def test_a_plan_told_as_one_that_did_not_come_about_is_no_visit(engine, told):
    events = extract(engine, f"When Chinese President Xi Jinping came to India in September last year, {told}.",
                     "2015-04-20")
    assert {(e.countries[0], e.status) for e in events} == {("IND", "occurred"), ("PAK", "cancelled")}


def test_a_visit_that_will_do_something_is_still_to_come(engine):
    (ev,) = extract(engine, "Chinese President Xi Jinping's state visit to Washington will do little to ease "
                            "tensions.", "2015-08-05")
    assert (ev.status, ev.countries) == ("planned", ["USA"])
    # ...unless the text says it is past
    (ev,) = extract(engine, "Chinese President Xi Jinping's visit to Washington last week will help ties.", "2015-08-05")
    assert ev.status == "occurred"


def test_what_is_moved_somewhere_does_not_visit(engine):
    # the passive's subject is moved; the official named beside it stays where he is
    assert extract(engine, "With the permission of US Secretary of Defense Chuck Hagel, two detainees were returned "
                           "to Algeria.", "2014-01-01") == []
    # a visit in progress ("is visiting") is the subject's own
    (ev,) = extract(engine, "US President Barack Obama is visiting Germany.", "2014-01-01")
    assert ev.countries == ["DEU"]


def test_a_visit_told_in_a_where_clause_is_to_the_place_before_it(engine):
    (ev,) = extract(engine, "Pakistan, where Chinese President Xi Jinping on Monday began the first visit by a "
                            "Chinese president in nearly a decade, matters to Washington.", "2015-04-22")
    assert (ev.type, ev.countries, ev.start) == ("visit", ["PAK"], "2015-04-20")
    # not across someone's saying
    assert extract(engine, "The summit was held in Beijing, where Chinese officials said the visit by US President "
                           "Barack Obama mattered.", "2015-04-22") == []


def test_a_visit_by_someone_to_somewhere(engine):
    (ev,) = extract(engine, "The deal was signed during a visit by Chinese President Xi Jinping to Islamabad.",
                    "2015-04-22")
    assert (ev.type, ev.actor.name, ev.countries, ev.place) == ("visit", "Xi Jinping", ["PAK"], "Islamabad")


def test_attending_a_countrys_occasion_is_a_visit_there(engine):
    (ev,) = extract(engine, "US President Barack Obama attended India's Republic Day parade in January.", "2015-04-24")
    assert (ev.type, ev.countries, ev.start) == ("visit", ["IND"], "2015-01-01")
    (ev,) = extract(engine, "US President Barack Obama's presence at India's Republic Day celebrations in January "
                            "irritated China.", "2015-04-24")
    assert (ev.type, ev.countries) == ("visit", ["IND"])
    # one's own country's occasion is no trip
    assert extract(engine, "US President Barack Obama attended America's Independence Day celebrations.") == []


@pytest.mark.parametrize("sentence,forum,country", [
    (("On the sidelines of the G20 summit in Antalya, Chinese President Xi Jinping met Russian President "
      "Vladimir Putin."), "G20", "TUR"),
    ("During the BRICS summit in Ufa, Indian Prime Minister Narendra Modi called for reform.", "BRICS", "RUS"),
    ("US President Barack Obama told reporters Monday at the G20 summit in Antalya that the US must act.", "G20",
     "TUR"),
])
def test_a_sentence_set_at_a_gathering_places_its_subject_there(engine, sentence, forum, country):
    gatherings = [e for e in extract(engine, sentence, "2015-11-19") if e.type == "multilateral"]
    assert [(e.forum, e.countries) for e in gatherings] == [(forum, [country])]


def test_a_sentence_set_at_a_gathering_whose_subject_is_no_one_tells_no_attendance(engine):
    assert extract(engine, "At the G20 summit, officials said the talks went well.", "2015-11-19") == []


def test_a_sentence_set_at_a_gathering_known_by_its_form_and_dated_there(engine):
    (ev,) = extract(engine, "At the 2011 IISS Asia Security Summit, Chinese Defense Minister Liang Guanglie spelled "
                            "out China's core interests.", "2015-09-19")
    assert (ev.type, ev.actor.name, ev.forum, ev.start, ev.end) == (
        "multilateral", "Liang Guanglie", "IISS Asia Security Summit", "2011-01-01", "2011-12-31")


def test_a_visit_a_past_verb_began_is_past_on_its_weekday(engine):
    (ev,) = extract(engine, "US President Barack Obama began a historic visit to Cuba on Sunday.", "2014-01-16")
    assert (ev.status, ev.start) == ("occurred", "2014-01-12")


def test_a_visiting_counterpart_is_met(engine):
    ev, visit = extract(engine, "Chinese Foreign Minister Wang Yi met here Thursday with visiting Mongolian "
                                "counterpart Luvsanvandan Bold.", "2014-01-17")
    assert (ev.type, ev.actor.name, [p.name for p in ev.counterparts]) == (
        "meeting", "Wang Yi", ["Luvsanvandan Bold"])
    # and, visiting, is in China
    assert (visit.type, visit.actor.name, visit.countries) == ("visit", "Luvsanvandan Bold", ["CHN"])


def test_destinations_set_off_by_a_dash(engine):
    events = extract(engine, "This week Indian Prime Minister Narendra Modi is visiting Indian Ocean island nations – "
                             "the Seychelles, Mauritius and Sri Lanka – offering assistance.", "2015-03-10")
    assert sorted(e.countries[0] for e in events) == ["LKA", "MUS", "SYC"]


def test_a_visit_scheduled_for_a_month_is_a_plan(engine):
    (ev,) = extract(engine, "The two powers are entering a new relationship, with Chinese President Xi Jinping's "
                            "visit to the USA scheduled for September.", "2015-04-24")
    assert (ev.status, ev.countries, ev.start) == ("planned", ["USA"], "2015-09-01")


def test_a_british_chancellor_is_no_head_of_government(engine):
    (ev,) = extract(engine, "The British chancellor visited China's Xinjiang region on Tuesday.", "2015-09-23")
    assert ev.actor.country == "GBR" and ev.actor.level != "head_of_government"
    (ev,) = extract(engine, "The German chancellor visited China on Tuesday.", "2015-09-23")
    assert ev.actor.name == "Angela Merkel"


def test_the_national_titles_name_offices_the_knowledge_base_has():
    from summitry.extract.lexicon import load
    from summitry.kb import get_kb

    kb = get_kb()
    for country, titles in load("en")["national_titles"].items():
        assert kb.country(country) is not None
        assert all(kb.office(office) is not None for office in titles.values()), country
