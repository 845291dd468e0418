"""Fusion: one record per real-world event, every mention kept, whatever the input order."""
import random

from summitry.fuse import MENTION_JOINER, fuse
from summitry.records import Event, Mention, Party

XI = Party("Xi Jinping", "CHN", "President", "head_of_state")
PUTIN = Party("Vladimir Putin", "RUS", "President", "head_of_state")
KHURELSUKH = Party("Ukhnaagiin Khurelsukh", "MNG", "President", "head_of_state")
BLINKEN = Party("Antony Blinken", "USA", "Secretary of State", "foreign_minister")


def ev(doc, type_="visit", status="occurred", actor=XI, counterparts=(), countries=("KAZ",), start=None, end=None,
       precision=None, forum=None, place=None, offset=0, lang="en"):
    if start and precision is None:
        precision = "day"
    m = Mention(doc=doc, status=status, lang=lang, text=f"{doc} sentence {offset}", start=offset, end=offset + 10)
    return Event(id=f"mn_{doc}_{offset}", type=type_, status=status, actor=actor, counterparts=list(counterparts),
                 countries=list(countries), place=place, forum=forum, start=start, end=end or start,
                 precision=precision, mentions=[m])


def docs_of(events):
    return [sorted(m.doc for m in e.mentions) for e in events]


def test_three_reports_of_one_visit_become_one_event_with_three_mentions():
    events = [
        ev("plan", status="planned", start="2022-09-14"),
        ev("tv", start="2022-09-14", place="Astana"),
        ev("zh", start="2022-09-14", lang="zh"),
    ]
    merged = fuse(events, {"plan": "2022-09-06", "tv": "2022-09-17", "zh": "2022-09-16"})
    assert len(merged) == 1
    (e,) = merged
    assert e.status == "occurred"
    assert sorted(m.doc for m in e.mentions) == ["plan", "tv", "zh"]
    assert {m.doc: m.status for m in e.mentions}["plan"] == "planned"
    assert e.place == "Astana"


def test_meetings_are_symmetric():
    a = ev("a", "meeting", actor=XI, counterparts=[PUTIN], countries=["UZB"], start="2022-09-15")
    b = ev("b", "meeting", actor=PUTIN, counterparts=[XI], countries=["UZB"], start="2022-09-15")
    assert docs_of(fuse([a, b])) == [["a", "b"]]


def test_a_trilateral_meeting_is_not_the_bilateral_of_the_same_day():
    bi = ev("a", "meeting", counterparts=[PUTIN], countries=["UZB"], start="2022-09-15")
    tri = ev("b", "meeting", counterparts=[PUTIN, KHURELSUKH], countries=["UZB"], start="2022-09-15")
    assert len(fuse([bi, tri])) == 2


def test_a_party_known_only_by_country_agrees_with_the_named_one():
    named = ev("a", "meeting", counterparts=[PUTIN], start="2022-09-15", countries=["UZB"])
    unnamed = ev("b", "meeting", counterparts=[Party(None, "RUS", None, "head_of_state")], start="2022-09-15",
                 countries=["UZB"])
    (e,) = fuse([named, unnamed])
    assert e.counterparts == [PUTIN]


def test_conflicting_day_precise_dates_are_not_merged_but_a_month_contains_a_day():
    a = ev("a", start="2022-09-14")
    b = ev("b", start="2022-09-20")
    assert len(fuse([a, b])) == 2
    month = ev("c", start="2022-09-01", end="2022-09-30", precision="month")
    (e,) = fuse([a, month])
    assert (e.start, e.end, e.precision) == ("2022-09-14", "2022-09-14", "day")


def test_a_visit_postponed_in_february_is_not_the_one_that_happened_in_june():
    announced = ev("d", actor=BLINKEN, countries=["CHN"], status="planned", start="2023-01-11", end="2023-01-20",
                   precision="month", offset=1)
    postponed = ev("d", actor=BLINKEN, countries=["CHN"], status="postponed", start="2023-02-01", offset=2)
    happened = ev("d", actor=BLINKEN, countries=["CHN"], start="2023-06-18", end="2023-06-19", offset=3)
    merged = fuse([happened, postponed, announced], {"d": "2023-06-18"})
    assert len(merged) == 2
    by_status = {e.status: e for e in merged}
    assert set(by_status) == {"postponed", "occurred"}
    assert by_status["postponed"].mentions[0].status == "postponed"


def test_without_an_occurred_report_the_latest_report_decides_the_status():
    early = ev("early", status="planned", start="2023-02-01", end="2023-02-28", precision="month")
    late = ev("late", status="postponed", start="2023-02-10")
    (e,) = fuse([early, late], {"early": "2023-01-20", "late": "2023-02-10"})
    assert e.status == "postponed"
    (e,) = fuse([early, ev("later", status="speculated", start="2023-02-01", end="2023-02-28",
                               precision="month")], {"early": "2023-01-20", "later": "2023-02-01"})
    assert e.status == "speculated"


def test_every_mention_is_kept_and_one_document_gives_one_mention():
    a = ev("d", start="2022-09-14", offset=0)
    b = ev("d", start="2022-09-14", offset=40)
    c = ev("e", start="2022-09-14")
    (e,) = fuse([a, b, c])
    assert [m.doc for m in e.mentions] == ["d", "e"]
    d_mention = e.mentions[0]
    assert d_mention.text == MENTION_JOINER.join(["d sentence 0", "d sentence 40"])
    assert (d_mention.start, d_mention.end) == (0, 50)


def test_undated_reports_join_the_dated_event_near_their_publication():
    dated = ev("a", start="2022-09-14")
    undated = ev("b")
    old = ev("c")
    merged = fuse([dated, undated, old], {"a": "2022-09-17", "b": "2022-09-20", "c": "2019-01-05"})
    assert sorted(docs_of(merged)) == [["a", "b"], ["c"]]


def test_an_undated_report_joins_the_dated_event_rather_than_reports_as_vague_as_itself():
    # a preview told as if it had happened (published three days before the visit), then the visit
    # itself with its days, then a report published after it without a date: that report is the
    # dated visit
    preview = ev("preview", countries=["PAK"])
    visit = ev("visit", countries=["PAK"], start="2015-04-20", end="2015-04-21")
    after = ev("after", countries=["PAK"])
    merged = fuse([preview, visit, after], {"preview": "2015-04-17", "visit": "2015-04-21", "after": "2015-04-23"})
    assert sorted(docs_of(merged)) == [["after", "visit"], ["preview"]]


def test_a_report_told_as_done_on_the_eve_of_the_dated_days_is_their_event():
    # a page stamped a day or two before the days other reports give a stay (its stamp in another
    # time zone, or the stay begun before the days they tell), as a dated report's days may be: two
    # days for a stay abroad, one for a meeting; further off it is another occasion
    visit = ev("visit", countries=["PAK"], start="2015-04-20", end="2015-04-21")
    for published, together in (("2015-04-18", True), ("2015-04-17", False)):
        merged = fuse([ev("eve", countries=["PAK"]), visit], {"eve": published, "visit": "2015-04-21"})
        assert (sorted(docs_of(merged)) == [["eve", "visit"]]) is together
    talks = ev("talks", "meeting", counterparts=[PUTIN], countries=["RUS"], start="2015-05-08")
    for published, together in (("2015-05-07", True), ("2015-05-06", False)):
        eve = ev("eve", "meeting", counterparts=[PUTIN], countries=["RUS"])
        merged = fuse([eve, talks], {"eve": published, "talks": "2015-05-09"})
        assert (sorted(docs_of(merged)) == [["eve", "talks"]]) is together


def test_a_documents_reports_of_the_day_it_joined_a_time_zone_away_all_join():
    # one report dates the meeting the 24th (Beijing time), a US report twice the 25th: both US
    # reports are the meeting the first joined across the time zone, not a second meeting
    beijing = ev("beijing", "meeting", counterparts=[PUTIN], countries=["USA"], start="2015-09-24")
    us_first = ev("us", "meeting", counterparts=[PUTIN], countries=["USA"], start="2015-09-25", offset=0)
    us_again = ev("us", "meeting", counterparts=[PUTIN], countries=["USA"], start="2015-09-25", offset=80)
    merged = fuse([beijing, us_first, us_again], {"beijing": "2015-09-25", "us": "2015-09-26"})
    assert docs_of(merged) == [["beijing", "us"]]
    # a document's report of another day is still another meeting (one document keeps one clock)
    us_later = ev("us", "meeting", counterparts=[PUTIN], countries=["USA"], start="2015-09-26", offset=160)
    assert len(fuse([beijing, us_first, us_later], {"beijing": "2015-09-25", "us": "2015-09-26"})) == 2


def test_cross_language_reports_merge_once_names_are_canonical():
    en = ev("en", "multilateral", forum="SCO", countries=["UZB"], start="2022-09-15", end="2022-09-16")
    zh = ev("zh", "multilateral", forum="SCO", countries=["UZB"], start="2022-09-15", lang="zh")
    (e,) = fuse([en, zh])
    assert {m.lang for m in e.mentions} == {"en", "zh"}
    assert (e.start, e.end) == ("2022-09-15", "2022-09-16")  # a stay runs through the days its reports give


def test_consecutive_visits_form_one_trip():
    kaz = ev("a", start="2022-09-14")
    uzb = ev("a", countries=["UZB"], start="2022-09-15", end="2022-09-16", offset=20)
    sco = ev("a", "multilateral", forum="SCO", countries=["UZB"], start="2022-09-15", end="2022-09-16", offset=40)
    later = ev("b", countries=["FRA"], start="2022-11-02")
    merged = {tuple(e.countries) + (e.type,): e for e in fuse([kaz, uzb, sco, later])}
    trip = merged[("KAZ", "visit")].trip
    assert trip and merged[("UZB", "visit")].trip == trip == merged[("UZB", "multilateral")].trip
    assert merged[("FRA", "visit")].trip != trip


def test_the_same_input_gives_the_same_events_in_any_order():
    rng = random.Random(5)
    events = [
        ev("a", start="2022-09-14"), ev("b", start="2022-09-14"), ev("c", status="planned"),
        ev("d", "meeting", counterparts=[PUTIN], countries=["UZB"], start="2022-09-15"),
        ev("e", "meeting", actor=PUTIN, counterparts=[XI], countries=["UZB"]),
        ev("f", countries=["UZB"], start="2022-09-15", end="2022-09-16"),
        ev("g", actor=BLINKEN, countries=["CHN"], start="2023-06-18"),
    ]
    published = {k: "2022-09-17" for k in "abcdef"} | {"g": "2023-06-19"}
    expected = [e.to_dict() for e in fuse(events, published)]
    for _ in range(10):
        shuffled = events[:]
        rng.shuffle(shuffled)
        assert [e.to_dict() for e in fuse(shuffled, published)] == expected


def test_adding_documents_later_merges_into_existing_events():
    first = [ev("a", start="2022-09-14"), ev("g", actor=BLINKEN, countries=["CHN"], start="2023-06-18")]
    later = [ev("b", start="2022-09-14")]
    incremental = fuse(fuse(first) + later)
    at_once = fuse(first + later)
    assert [e.to_dict() for e in incremental] == [e.to_dict() for e in at_once]


def test_events_of_one_sentence_with_several_destinations_have_distinct_ids():
    tour = [ev("d", countries=[c], start="2022-09-04", offset=0) for c in ("RUS", "MNG", "NPL", "KOR")]
    merged = fuse(tour)
    assert len(merged) == 4 and len({e.id for e in merged}) == 4


def test_reports_of_one_stay_that_date_different_days_of_it_merge():
    landed = ev("a", start="2023-11-14")
    next_day = ev("b", start="2023-11-15")
    a_week_later = ev("c", start="2023-11-22")
    assert sorted(docs_of(fuse([landed, next_day, a_week_later]))) == [["a", "b"], ["c"]]


def test_a_stay_told_by_its_arrival_and_its_departure_runs_from_one_to_the_other():
    plan = ev("plan", status="planned", start="2026-06-08", end="2026-06-09")
    arrival = [ev(f"arr{i}", start="2026-06-08", place="Pyongyang") for i in range(3)]  # most reports: the 8th
    departure = ev("dep", start="2026-06-09")
    (e,) = fuse([plan, *arrival, departure])
    assert (e.start, e.end, e.precision) == ("2026-06-08", "2026-06-09", "day")
    # a day without a report between two reported days is part of the stay
    (e,) = fuse([*arrival, ev("two-days-on", start="2026-06-10")])
    assert (e.start, e.end) == ("2026-06-08", "2026-06-10")


def test_a_report_of_one_day_of_a_stay_leaves_its_span_for_reports_without_a_date():
    # arrival, departure, a second report of the departure day, then a report dated by its
    # publication on the arrival day: all one visit
    reports = [ev("a", start="2026-06-08"), ev("b", start="2026-06-09"), ev("c", start="2026-06-09"),
               by_publication("d", "2026-06-08")]
    (e,) = fuse(reports, {"a": "2026-06-08", "b": "2026-06-09", "c": "2026-06-09", "d": "2026-06-08"})
    assert sorted(m.doc for m in e.mentions) == ["a", "b", "c", "d"]
    assert (e.start, e.end) == ("2026-06-08", "2026-06-09")


def test_meetings_a_day_apart_are_one_only_when_different_documents_date_them():
    # one report in Beijing time, one in local time: a day apart, one meeting
    local = ev("d", "meeting", counterparts=[PUTIN], countries=["UZB"], start="2022-09-15")
    beijing = ev("e", "meeting", counterparts=[PUTIN], countries=["UZB"], start="2022-09-16")
    assert docs_of(fuse([local, beijing])) == [["d", "e"]]
    # one document that dates two days keeps two meetings; two days apart are two meetings
    again = ev("d", "meeting", counterparts=[PUTIN], countries=["UZB"], start="2022-09-16", offset=40)
    assert len(fuse([local, again])) == 2
    later = ev("f", "meeting", counterparts=[PUTIN], countries=["UZB"], start="2022-09-17")
    assert len(fuse([local, later])) == 2


def test_fuse_with_sources_names_the_reports_each_event_is_made_of():
    from summitry.fuse import fuse_with_sources

    reports = [ev("d", start="2022-09-14", offset=0), ev("d", countries=["UZB"], start="2022-09-15", offset=20),
               ev("d", start="2022-09-14", offset=40), ev("e", start="2022-09-14")]
    pairs = fuse_with_sources(reports)
    by_country = {event.countries[0]: sources for event, sources in pairs}
    assert by_country == {"KAZ": [0, 2, 3], "UZB": [1]}
    assert [e.to_dict() for e, _ in pairs] == [e.to_dict() for e in fuse(reports)]


# --- reports dated only by their publication day (summitry.dating) ------------------------------

def by_publication(doc, published, status="occurred", **kw):
    """A report with no date of its own, dated by the dating stage from its publication day."""
    future = status != "occurred"
    e = ev(doc, status=status, start=published, precision=None if future else "day", **kw)
    e.end = None if future else published
    e.dated_by = "publication"
    return e


def test_publication_dated_reports_a_day_apart_are_one_event_of_the_earliest_day():
    a = by_publication("a", "2022-09-15", type_="meeting", counterparts=[PUTIN], countries=["UZB"])
    b = by_publication("b", "2022-09-16", type_="meeting", counterparts=[PUTIN], countries=["UZB"])
    (e,) = fuse([a, b], {"a": "2022-09-15", "b": "2022-09-16"})
    assert sorted(m.doc for m in e.mentions) == ["a", "b"]
    assert (e.start, e.end, e.precision, e.dated_by) == ("2022-09-15", "2022-09-15", "day", "publication")


def test_a_stay_reported_each_day_runs_through_the_days_of_its_reports():
    days = ["2022-09-14", "2022-09-15", "2022-09-16"]
    (e,) = fuse([by_publication(f"d{i}", d) for i, d in enumerate(days)], {f"d{i}": d for i, d in enumerate(days)})
    assert (e.start, e.end, e.precision, e.dated_by) == ("2022-09-14", "2022-09-16", "day", "publication")


def test_publication_dated_visits_a_year_apart_stay_two_events():
    a, b = by_publication("a", "2021-09-15"), by_publication("b", "2022-09-15")
    merged = fuse([a, b], {"a": "2021-09-15", "b": "2022-09-15"})
    assert sorted(docs_of(merged)) == [["a"], ["b"]]


def test_a_publication_dated_report_takes_the_text_date_of_the_event_it_joins():
    dated = ev("a", start="2022-09-14")
    dated.dated_by = "text"
    (e,) = fuse([dated, by_publication("b", "2022-09-16")], {"a": "2022-09-14", "b": "2022-09-16"})
    assert (e.start, e.end, e.dated_by) == ("2022-09-14", "2022-09-14", "text")


def test_a_plan_dated_by_its_reports_is_after_the_latest_and_open_ended():
    a = by_publication("a", "2022-08-01", status="planned")
    b = by_publication("b", "2022-08-20", status="planned")
    (e,) = fuse([a, b], {"a": "2022-08-01", "b": "2022-08-20"})
    assert (e.start, e.end, e.precision, e.dated_by) == ("2022-08-20", None, None, "publication")


def test_two_undated_reports_of_visits_to_one_country_a_year_apart_stay_two_events():
    first, second = ev("a", countries=["USA"]), ev("b", countries=["USA"])
    merged = fuse([first, second], {"a": "2013-09-20", "b": "2014-09-24"})
    assert sorted(docs_of(merged)) == [["a"], ["b"]]


def test_reports_dated_only_by_publication_are_read_as_undated():
    # the dating stage gives an undated report its publication day; fusion still reads a window
    def by_publication(doc, published):
        e = ev(doc, countries=["USA"], start=published)
        e.dated_by = "publication"  # the field the dating stage adds
        return e

    year_apart = fuse([by_publication("a", "2013-09-20"), by_publication("b", "2014-09-24")],
                      {"a": "2013-09-20", "b": "2014-09-24"})
    assert len(year_apart) == 2
    # a report published three days after a dated visit is that visit, though its own day differs
    dated = ev("c", countries=["USA"], start="2013-09-17")
    (e,) = fuse([dated, by_publication("a", "2013-09-20")], {"a": "2013-09-20", "c": "2013-09-18"})
    assert e.start == "2013-09-17"


def test_reports_without_a_date_join_only_reports_published_close_together():
    # a month-precise report spans the month, but the undated reports published three weeks apart
    # are not one visit
    month = ev("m", countries=["USA"], start="2013-09-01", end="2013-09-30", precision="month")
    early, late = ev("a", countries=["USA"]), ev("b", countries=["USA"])
    merged = fuse([month, early, late], {"m": "2013-10-02", "a": "2013-09-05", "b": "2013-10-25"})
    assert sorted(docs_of(merged)) == [["a", "m"], ["b"]]


def test_reports_with_neither_a_date_nor_a_publication_day_join_only_their_own_document():
    a1, a2, b = ev("a"), ev("a", offset=40), ev("b")
    assert sorted(docs_of(fuse([a1, a2, b]))) == [["a"], ["b"]]


def test_a_meeting_told_from_both_sides_in_beijing_and_local_time_is_one_event():
    biden = Party("Joe Biden", "USA", "President", "head_of_state")
    local = ev("en", "meeting", actor=biden, counterparts=[XI], countries=["USA"], start="2023-11-15",
               place="Woodside")
    beijing = ev("zh", "meeting", actor=XI, counterparts=[biden], countries=["USA"], start="2023-11-16", lang="zh",
                 place="San Francisco")
    (e,) = fuse([local, beijing], {"en": "2023-11-16", "zh": "2023-11-16"})
    assert sorted(m.doc for m in e.mentions) == ["en", "zh"]
    assert {e.actor.name, *(p.name for p in e.counterparts)} == {"Joe Biden", "Xi Jinping"}
    assert len(e.counterparts) == 1
    assert e.start == "2023-11-15"  # of days reports a time zone apart give, the first


def test_what_happened_takes_the_day_most_reports_give_then_the_earliest_report():
    a = ev("a", "meeting", counterparts=[PUTIN], countries=["RUS"], start="2023-03-21")
    b = ev("b", "meeting", counterparts=[PUTIN], countries=["RUS"], start="2023-03-22")
    c = ev("c", "meeting", counterparts=[PUTIN], countries=["RUS"], start="2023-03-22")
    (e,) = fuse([a, b, c], {"a": "2023-03-21", "b": "2023-03-23", "c": "2023-03-24"})
    assert e.start == "2023-03-22"
    (e,) = fuse([a, b], {"a": "2023-03-23", "b": "2023-03-22"})
    assert e.start == "2023-03-22"


def test_a_party_known_by_country_takes_the_first_name_a_report_gives_it():
    china = Party(None, "CHN", None, "head_of_state")
    li = Party("Li Qiang", "CHN", "Premier", "head_of_government")
    reports = [ev("a", "meeting", actor=china, counterparts=[PUTIN], countries=["RUS"], start="2023-05-10"),
               ev("b", "meeting", actor=XI, counterparts=[PUTIN], countries=["RUS"], start="2023-05-10"),
               ev("c", "meeting", actor=li, counterparts=[PUTIN], countries=["RUS"], start="2023-05-10")]
    assert sorted(docs_of(fuse(reports))) == [["a", "b"], ["c"]]


def test_fusing_whole_islands_alone_gives_what_fusing_everything_gives():
    from summitry.fuse import fusion_key, islands

    rng = random.Random(11)
    people = [XI, PUTIN, BLINKEN, Party(None, "CHN", None, "head_of_state")]
    reports, published = [], {}
    for i in range(300):
        actor = rng.choice(people)
        other = rng.choice([p for p in people if p.country != actor.country])
        kind = rng.choice(["visit", "meeting", "multilateral"])
        day = rng.choice([None, f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
        status = rng.choice(["occurred", "occurred", "planned", "postponed"])
        published[f"d{i}"] = rng.choice([None, f"2022-{rng.randint(1, 12):02d}-15"])
        reports.append(ev(f"d{i}", kind, status=status, actor=actor, counterparts=[other] if kind == "meeting" else [],
                          countries=["KAZ"], start=day, forum="SCO" if kind == "multilateral" else None))
    everything = {e.id: e.to_dict() for e in fuse(reports, published)}
    keys = [fusion_key(r, published[r.mentions[0].doc]) for r in reports]
    by_block = {}
    for r, k in zip(reports, keys):
        by_block.setdefault(k.block, []).append((r, k))
    pieces = {}
    for members in by_block.values():
        labels = islands([(k.scope, k.reach_from, k.reach_to, r.mentions[0].doc) for r, k in members])
        for label, (r, _) in zip(labels, members):
            pieces.setdefault((id(members), label), []).append(r)
    assert len(pieces) > 20
    alone = {}
    for piece in pieces.values():
        alone.update({e.id: e.to_dict() for e in fuse(piece, published)})
    # trips chain events across islands: compare the events without them
    strip = {k: {**v, "trip": None} for k, v in everything.items()}
    assert {k: {**v, "trip": None} for k, v in alone.items()} == strip


def test_a_report_dated_by_its_own_sentence_outweighs_one_dated_by_its_context():
    told = ev("a", start="2025-06-16", end="2025-06-18")
    told.dated_by = "text"
    carried = ev("b", start="2025-06-17")
    carried.dated_by = "context"
    (e,) = fuse([carried, told], {"a": "2025-06-10", "b": "2025-06-20"})
    assert (e.start, e.end, e.dated_by) == ("2025-06-16", "2025-06-18", "text")


def test_a_place_near_another_is_the_same_occasion_but_another_city_is_not():
    # the knowledge base's points: Woodside is 40 km from San Francisco (not the Woodside in
    # Queens), Camp David about 100 km from Washington, Tianjin 110 km from Beijing
    def meeting(doc, place, country):
        return ev(doc, "meeting", counterparts=[PUTIN], countries=[country], start="2023-11-15", place=place)

    assert len(fuse([meeting("a", "Woodside", "USA"), meeting("b", "San Francisco", "USA")])) == 1
    assert len(fuse([meeting("a", "Camp David", "USA"), meeting("b", "Washington", "USA")])) == 1
    assert len(fuse([meeting("a", "Beijing", "CHN"), meeting("b", "Tianjin", "CHN")])) == 2
    assert len(fuse([meeting("a", "Woodside", "USA"), meeting("b", "New York", "USA")])) == 2
