"""The dating stage: every reported event has a date, or says why it has none, and where it came from."""
import json
from pathlib import Path

import pytest

from summitry.dating import as_written, date_events, told_by_teaser, told_on_an_older_page
from summitry.dating import told_in_retrospect as retrospect
from summitry.extract import extract_document
from summitry.records import Document, Event, Mention, Party

XI = Party("Xi Jinping", "CHN", "President", "head_of_state")
PUTIN = Party("Vladimir Putin", "RUS", "President", "head_of_state")


def report(text, published="2023-03-22", lang="en", doc_id="d"):
    return Document(id=doc_id, text=text, lang=lang, published=published)


def told(doc, sentence, type_="visit", status="occurred", start=None, end=None, precision=None, **kw):
    """The event an engine would return for ``sentence`` of ``doc`` (dates only if it gave them)."""
    at = doc.text.index(sentence)
    mention = Mention(doc=doc.id, status=status, lang=doc.lang, text=sentence, start=at, end=at + len(sentence))
    return Event(id=f"mn_{at}_{type_}", type=type_, status=status, actor=kw.pop("actor", XI),
                 countries=kw.pop("countries", ["RUS"]), start=start, end=end or start,
                 precision=precision or ("day" if start else None), mentions=[mention], **kw)


def dates(ev):
    return ev.start, ev.end, ev.precision, ev.dated_by


# --- dated by the engine: text or context -------------------------------------------------------

def test_dates_given_by_the_events_own_sentence_are_text():
    doc = report("Xi Jinping arrived in Moscow on Monday for a state visit.")
    ev = told(doc, doc.text, start="2023-03-20")
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-20", "2023-03-20", "day", "text")


def test_dates_the_engine_carried_from_elsewhere_are_context():
    doc = report("Xi Jinping arrived in Moscow on Monday. He held talks with Vladimir Putin.")
    ev = told(doc, "He held talks with Vladimir Putin.", "meeting", start="2023-03-20", counterparts=[PUTIN])
    date_events(doc, [ev])
    assert ev.dated_by == "context"


def test_an_engine_that_says_where_its_date_comes_from_is_believed():
    doc = report("Xi Jinping held talks with Vladimir Putin.")
    ev = told(doc, doc.text, "meeting", start="2023-03-21", counterparts=[PUTIN], dated_by="text")
    date_events(doc, [ev])
    assert ev.dated_by == "text"


# --- undated events: context ---------------------------------------------------------------------

def test_an_undated_event_takes_the_date_of_the_earlier_event_of_its_paragraph():
    doc = report("Xi Jinping arrived in Moscow on Monday. He held talks with Vladimir Putin.")
    arrival = told(doc, "Xi Jinping arrived in Moscow on Monday.", start="2023-03-20")
    talks = told(doc, "He held talks with Vladimir Putin.", "meeting", counterparts=[PUTIN])
    date_events(doc, [arrival, talks])
    assert dates(talks) == ("2023-03-20", "2023-03-20", "day", "context")


def test_a_paragraphs_date_carries_only_to_events_of_the_same_people():
    # the engines' narratives carry dates by the same rule
    doc = report("Xi Jinping arrived in Moscow on Monday. Weeks before, Prime Minister Kavi Rand had visited "
                 "Russia too. Xi later held talks with Vladimir Putin.")
    rand = Party("Kavi Rand", "NZL", "Prime Minister", "head_of_government")
    arrival = told(doc, "Xi Jinping arrived in Moscow on Monday.", start="2023-03-20")
    other = told(doc, "Weeks before, Prime Minister Kavi Rand had visited Russia too.", actor=rand)
    talks = told(doc, "Xi later held talks with Vladimir Putin.", "meeting", counterparts=[PUTIN])
    date_events(doc, [arrival, other, talks])
    assert other.start != "2023-03-20"
    assert dates(talks) == ("2023-03-20", "2023-03-20", "day", "context")
    # someone in common is enough, and so is a report that names no one
    doc = report("Xi Jinping arrived in Moscow on Monday. The Chinese and Russian presidents held talks.")
    arrival = told(doc, "Xi Jinping arrived in Moscow on Monday.", start="2023-03-20")
    talks = told(doc, "The Chinese and Russian presidents held talks.", "meeting",
                 actor=Party(None, "CHN", "President", "head_of_state"),
                 counterparts=[Party(None, "RUS", "President", "head_of_state")])
    date_events(doc, [arrival, talks])
    assert dates(talks) == ("2023-03-20", "2023-03-20", "day", "context")


def test_the_next_day_is_counted_from_the_narratives_day():
    doc = report("Xi Jinping arrived in Moscow on Monday. The next day he held talks with Vladimir Putin.")
    arrival = told(doc, "Xi Jinping arrived in Moscow on Monday.", start="2023-03-20")
    talks = told(doc, "The next day he held talks with Vladimir Putin.", "meeting", counterparts=[PUTIN])
    date_events(doc, [arrival, talks])
    assert dates(talks) == ("2023-03-21", "2023-03-21", "day", "context")


def test_a_headline_takes_the_date_of_the_reports_first_dated_event():
    doc = report("习近平会见普京\n国家主席习近平21日在莫斯科会见俄罗斯总统普京。", lang="zh")
    headline = told(doc, "习近平会见普京", "meeting", counterparts=[PUTIN], countries=[])
    body = told(doc, "国家主席习近平21日在莫斯科会见俄罗斯总统普京。", "meeting", counterparts=[PUTIN],
                countries=["RUS"], start="2023-03-21")
    date_events(doc, [headline, body])
    assert dates(headline) == ("2023-03-21", "2023-03-21", "day", "context")
    assert body.dated_by == "text"


def test_an_earlier_paragraphs_date_is_not_carried_to_an_undated_event():
    doc = report("Xi in Moscow\nXi Jinping held talks with Vladimir Putin in Moscow on Tuesday.\n"
                 "Before the war, the two leaders met at the Beijing Olympics.")
    talks = told(doc, "Xi Jinping held talks with Vladimir Putin in Moscow on Tuesday.", "meeting",
                 counterparts=[PUTIN], start="2023-03-21")
    olympics = told(doc, "Before the war, the two leaders met at the Beijing Olympics.", "meeting",
                    counterparts=[PUTIN], countries=["CHN"])
    date_events(doc, [talks, olympics])
    assert dates(olympics) == ("2023-03-22", "2023-03-22", "day", "publication")


def test_a_headline_date_far_from_the_report_is_another_storys():
    doc = report("Xi first visited Russia on 22 March 2013\nXi Jinping held talks with Vladimir Putin.")
    talks = told(doc, "Xi Jinping held talks with Vladimir Putin.", "meeting", counterparts=[PUTIN])
    date_events(doc, [talks])
    assert dates(talks) == ("2023-03-22", "2023-03-22", "day", "publication")


def test_a_date_from_the_headline():
    doc = report("Xi to visit Russia on March 20\nXi Jinping will visit Russia, the ministry said.",
                 published="2023-03-17")
    ev = told(doc, "Xi Jinping will visit Russia, the ministry said.", status="planned")
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-20", "2023-03-20", "day", "context")


def test_the_datelines_day_is_the_day_the_report_was_written():
    doc = report("Xi meets Putin\nMOSCOW, March 21 (Reuters) - Xi Jinping held talks with Vladimir Putin.",
                 published="2023-03-24")
    sentence = "MOSCOW, March 21 (Reuters) - Xi Jinping held talks with Vladimir Putin."
    ev = told(doc, sentence, "meeting", counterparts=[PUTIN])
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-21", "2023-03-21", "day", "context")


# --- undated events: publication ----------------------------------------------------------------

def test_what_happened_is_on_the_publication_day():
    doc = report("Xi Jinping travelled to Russia, Moscow and met with Vladimir Putin.")
    ev = told(doc, doc.text)
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-22", "2023-03-22", "day", "publication")


def test_a_page_stamped_years_after_its_actor_left_office_is_not_dated_by_its_stamp():
    # the feed stamps a page of 2009 in 2015: Hu Jintao's last office ended in 2013
    hu = Party("Hu Jintao", "CHN", "President", "head_of_state")
    doc = report("As Hu Jintao flew home from Italy, troops filled the streets of Urumqi.", published="2015-09-03")
    ev = told(doc, doc.text, actor=hu, countries=["ITA"])
    date_events(doc, [ev])
    assert dates(ev) == (None, None, None, None)
    # in office at the stamp (or within a year of leaving it), the publication day stands
    doc = report("As Hu Jintao flew home from Italy, troops filled the streets of Urumqi.", published="2009-07-08")
    ev = told(doc, doc.text, actor=hu, countries=["ITA"])
    date_events(doc, [ev])
    assert dates(ev) == ("2009-07-08", "2009-07-08", "day", "publication")


@pytest.mark.parametrize(("url", "stamp", "written"), [
    # an archive's page of July 2009 that a feed stamps in September 2015: written in its address's month
    ("https://news.example.org/2009/07/troops-fill-the-streets/", "2015-09-03", "2009-07"),
    ("http://paper.example.com/world/2014-06/07/content_1234.htm", "2014-07-20", "2014-06-07"),
    ("http://wire.example.net/article/2013/11/30/talks-in-oslo-idUS1234", "2015-08-28", "2013-11-30"),
    # the address's day a few days or weeks before the stamp, or after it: the stamp stands
    ("http://wire.example.net/article/2014/01/24/talks-in-oslo-idUS1234", "2014-01-31", "2014-01-31"),
    ("https://news.example.org/2014/08/talks-in-oslo/", "2014-08-12", "2014-08-12"),
    ("https://news.example.org/2016/03/talks-in-oslo/", "2014-08-12", "2014-08-12"),
    # no date in the address, or numbers that are none ("/2015/13/", "/2015/02/30/")
    ("https://news.example.org/world/talks-in-oslo-1.456172", "2015-09-03", "2015-09-03"),
    ("https://news.example.org/2009/13/talks/", "2015-09-03", "2015-09-03"),
    ("https://news.example.org/2009/02/30/talks/", "2015-09-03", "2015-09-03"),
])
def test_a_page_is_read_as_written_on_its_addresss_date_when_that_is_long_before_its_stamp(url, stamp, written):
    doc = Document(id="d", text="Troops filled the streets.", lang="en", published=stamp, url=url)
    assert as_written(doc).published == written
    assert doc.published == stamp  # the document itself keeps its stamp


def test_relative_dates_of_a_page_older_than_its_stamp_count_from_its_addresss_date():
    doc = Document(id="d", lang="en", published="2015-09-03",
                   url="https://news.example.org/2009/07/08/president-cuts-short-trip/",
                   text="Chinese President Hu Jintao cut short a visit to Italy on Wednesday to deal with the unrest.")
    [ev] = [e for e in extract_document(doc) if e.countries == ["ITA"]]
    assert (ev.start, ev.dated_by) == ("2009-07-08", "text")


@pytest.mark.parametrize("status", ["planned", "speculated", "postponed", "cancelled"])
def test_what_is_still_to_come_is_in_the_year_after_the_publication_day(status):
    doc = report("Xi Jinping will visit Russia, the ministry said.")
    ev = told(doc, doc.text, status=status)
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-22", "2024-03-21", None, "publication")


def test_a_report_published_in_a_month_dates_what_happened_to_that_month():
    doc = report("Xi Jinping held talks with Vladimir Putin in Moscow.", published="2023-03")
    ev = told(doc, doc.text, "meeting", counterparts=[PUTIN])
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-01", "2023-03-31", "month", "publication")


def test_nothing_dates_an_event_of_a_report_without_publication_day():
    doc = report("Xi Jinping held talks with Vladimir Putin in Moscow.", published=None)
    ev = told(doc, doc.text, "meeting", counterparts=[PUTIN])
    date_events(doc, [ev])
    assert dates(ev) == (None, None, None, None)


@pytest.mark.parametrize("lang,sentence", [
    ("en", "The alliance later led to then-US President Richard Nixon's visit to China."),
    ("en", "The late Prime Minister Benazir Bhutto visited China to raise the issue."),
    ("en", "It was raised with Pakistan when late Pakistani Prime Minister Benazir Bhutto visited China."),
    ("en", "Moshe Yegar, a deputy director-general of the ministry, had visited New Delhi."),
    ("en", "Later in the same year, Chinese President Jiang Zemin came to Pakistan."),
    ("en", "Scholz has explained Germany's role in tours to Latin America, the US and Australia."),
    ("en", "In his many visits to Africa, the president met dozens of leaders."),
    ("zh", "时任国家副主席习近平访问柬埔寨。"),
    ("zh", "同年，国家主席江泽民访问巴基斯坦。"),
    ("zh", "习近平主席曾多次访问俄罗斯。"),
])
def test_background_told_in_retrospect_is_not_dated_by_the_report(lang, sentence):
    doc = report(sentence, lang=lang)
    ev = told(doc, sentence, actor=Party("Richard Nixon", "USA"))
    date_events(doc, [ev])
    assert dates(ev) == (None, None, None, None)
    # nor by the narrative it is told in: the news of the paragraph is of another time
    narrative = "On 21 February 2023 the two sides met." if lang == "en" else "2023年2月21日，两国领导人会面。"
    doc = report(narrative + " " + sentence, lang=lang)
    ev = told(doc, sentence)
    date_events(doc, [ev, told(doc, narrative, start="2023-02-21")])
    assert dates(ev) == (None, None, None, None)


def test_background_keeps_the_date_its_own_sentence_gives():
    doc = report("In 1972, then-US President Richard Nixon visited China.")
    ev = told(doc, doc.text, actor=Party("Richard Nixon", "USA"), countries=["CHN"], start="1972-01-01",
              end="1972-12-31", precision="year")
    date_events(doc, [ev])
    assert dates(ev) == ("1972-01-01", "1972-12-31", "year", "text")


def test_a_former_office_holder_in_the_news_is_not_background():
    doc = report("Former Australian Prime Minister Kevin Rudd visited Beijing and met Xi Jinping.")
    ev = told(doc, doc.text, actor=Party("Kevin Rudd", "AUS"), countries=["CHN"])
    date_events(doc, [ev])
    assert dates(ev) == ("2023-03-22", "2023-03-22", "day", "publication")


# --- through the engines -------------------------------------------------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Xi Jinping travelled to Kazakhstan, Astana and met with Kassym-Jomart Tokayev."),
    ("en", "Chinese President Xi Jinping is in Kazakhstan for talks with President Kassym-Jomart Tokayev."),
    ("zh", "国家主席习近平抵达阿斯塔纳，开始对哈萨克斯坦进行国事访问。"),
])
def test_every_engine_output_is_dated_by_the_stage(lang, text):
    events = extract_document(report(text, published="2022-09-14", lang=lang))
    assert events and all(dates(e)[:2] == ("2022-09-14", "2022-09-14") for e in events)
    assert {e.dated_by for e in events} == {"publication"}


def test_every_event_of_the_development_corpora_has_a_date_or_no_publication_day(shared_dir):
    """A cheap slice here; benchmarks/dating_sources.py checks the whole corpora."""
    for name, limit in (("zh-xwlb-2026.jsonl", 400), ("en-gdelt.jsonl", 200)):
        path = Path(shared_dir) / "corpus" / "real" / name
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for _, line in zip(range(limit), fh)]
        for row in rows:
            doc = Document(**{k: row.get(k) for k in ("id", "text", "lang", "published", "source", "url")})
            for ev in extract_document(doc):
                assert ev.start or not doc.published or retrospect(doc, ev) or told_by_teaser(doc, ev) \
                    or told_on_an_older_page(doc, ev), \
                    f"{doc.id}: {ev.mentions[0].text[:80]}"
                assert (ev.dated_by is None) == (ev.start is None)


# --- teasers: links to other stories after the report ------------------------------------------

_STORY = ("Floods close roads in the north\n"
          "Heavy rain closed dozens of roads across the northern provinces on Tuesday, officials said.\n"
          "Rescue teams reached three villages cut off by the water.\n")


def chile_visits(text, published="2014-03-04"):
    doc = Document(id="d", text=text, lang="en", published=published)
    return [(e.start, e.dated_by) for e in extract_document(doc) if e.countries == ["CHL"]]


def test_a_teaser_among_other_stories_titles_is_not_dated_by_the_page():
    # a page fetched years after its stamp lists the stories of the day it was fetched
    page = _STORY + ("More stories\nNorwegian Prime Minister Halvard Strand arrives in Chile for talks\n"
                     "Markets slip as oil prices climb\n")
    assert chile_visits(page) == [(None, None)]
    # nor is one beside a truncated summary
    page = _STORY + ("Norwegian Prime Minister Halvard Strand arrives in Chile for talks\n"
                     "An elephant has killed a man in a village near the...\n")
    assert chile_visits(page) == [(None, None)]


def test_a_summary_ending_in_its_links_label_is_a_teaser_and_its_weekday_counts_from_no_day():
    page = _STORY + ("(Reporting by Ann Lee; Editing by Tom Ray)\n"
                     "Norwegian Prime Minister Halvard Strand arrived in Chile on Sunday at the start of a three-day "
                     "state visit.  Full Article | Video \nDownload the app from the store.\n")
    assert chile_visits(page) == [(None, None)]
    # a teaser that names its year is dated by it
    page = _STORY + ("Norwegian Prime Minister Halvard Strand arrived in Chile on March 20, 2016 for a state "
                     "visit.  Full Article | Video \n")
    assert chile_visits(page) == [("2016-03-20", "text")]


def test_another_storys_summary_ending_in_its_day_is_of_that_day():
    # a list of related stories after the report, each summary ending with its story's day
    page = _STORY + ("Norwegian Prime Minister Halvard Strand arrived in Chile for talks on trade. The visit was "
                     "his first to South America. (12.01.2013)\n"
                     "Markets slipped as oil prices climbed. (02.03.2014)\n")
    assert chile_visits(page) == [("2013-01-12", "context")]
    # a video's caption with a day but no year is of a year the page does not say: a teaser's
    page = _STORY + ("Norwegian Prime Minister Halvard Strand says his trip to Chile opens a new chapter. He spoke "
                     "to embassy staff after arriving in Santiago. (March 20)\n")
    assert chile_visits(page) == [(None, None)]
    # the summary's own date with its year is kept
    page = _STORY + ("Norwegian Prime Minister Halvard Strand arrived in Chile on 11 January 2013 for talks. "
                     "(12.01.2013)\n")
    assert chile_visits(page) == [("2013-01-11", "text")]


def test_the_reports_own_lines_are_no_teasers():
    # the headline, a standfirst before any paragraph, a sentence of the report, a sentence wrapped over lines
    assert chile_visits("Norwegian Prime Minister Halvard Strand arrives in Chile\nTalks on trade open today, "
                        "officials said in a statement on Monday.\n") == [("2014-03-04", "publication")]
    assert chile_visits("Talks in Santiago\nNorwegian Prime Minister Halvard Strand arrives in Chile for talks\n"
                        "Markets slip as oil prices climb\n" + _STORY[_STORY.index("\n") + 1:]) == [
        ("2014-03-04", "publication")]
    assert chile_visits(_STORY + "Norwegian Prime Minister Halvard Strand arrived in Chile for talks on trade.\n"
                        "Markets slip as oil prices climb\n") == [("2014-03-04", "publication")]
    assert chile_visits(_STORY + "On Monday the Norwegian prime minister, Halvard Strand,\narrived in Chile for "
                        "talks\non trade.\n") == [("2014-03-03", "text")]


def test_a_broadcasts_lines_are_no_teasers():
    # a Chinese transcript's lines end without a full stop as often as with one
    text = ("新闻联播\n今天上午，国务院召开常务会议，研究部署防汛救灾工作，会议由国务院总理主持，各部门负责人出席会议。\n"
            "国家主席习近平抵达阿斯塔纳，开始对哈萨克斯坦进行国事访问\n经济运行总体平稳\n")
    events = extract_document(report(text, published="2022-09-14", lang="zh"))
    assert [(e.countries, e.start) for e in events if e.type == "visit"] == [(["KAZ"], "2022-09-14")]
