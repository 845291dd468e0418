"""The working records of the Chinese rule engine (``summitry.extract.zh``) and its frames
(``summitry.extract.zh_frames``): tokens, slots and the state of the document being read, with the
text patterns and small text rules both read."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from summitry.extract.zh_text import Sentence
from summitry.records import Document, Event, Party

# Countries whose people bear Chinese names written the Chinese way (surname first, 2–3 characters).
CHINESE_NAMED = frozenset({"CHN", "TWN", "HKG", "MAC", "SGP"})
CLAUSE_BREAK = re.compile(r"[，,；;：:]")
# How many characters of an organ's name may stand between a country and a title (越共中央书记处常务书记).
ORGAN_GAP = 8
CLAUSE_BREAK_BEFORE = re.compile(r"[，,；;：:。！？!?][^，,；;：:。！？!?]*$")
# What stands right before a party that is an object, not a subject (同时任美国国务卿…, 会见了…).
OBJECT_LEAD = re.compile(
    r"(?:[同与跟向为给和及]|会见了?|会晤了?|接见了?|看望了?|邀请|致电)"
    r"(?:时任|现任|前任|新任|候任|当选)?"
    # an organ before a title of no country (同议会上院议长…): the party's title begins with it
    r"(?:议会|国会|政府|联邦|国家|外交部|国防部|参议院|众议院|最高)?\s*$"
)
LIST_JOINERS = ("、", "和", "及", "与", "以及", "同")
LATIN_GLOSS = re.compile(r"\s*[（(]\s*([A-Za-z][A-Za-z .'\-]{1,60}?)\s*[)）]")
# A gathering noun with nothing but a demonstrative before it (此次峰会) means the one named before.
BARE_GATHERING = re.compile(r"(?:此次|本次|这次|该|上述|本届|此届|这届|这一)?")
# A news agency's dateline (新华社巴黎5月6日电): its city is where the report was filed.
DATELINE = re.compile(r"[^，。：:\s]{0,16}?(?:\d{1,2}月)?(?:\d{1,2}日)?电[\s（(]")
# A clause that ends like this is a time clause (继…会面后，): its date is its own.
TIME_CLAUSE_END = re.compile(r"(?:后|以后|之后|以来|之前|前|时)\s*[，,；;：:]")
# Which place names an event's place best when several stand together (北京人民大会堂 → Beijing).
PLACE_RANK = {"capital": 0, "city": 0, "landmark": 2, "subdivision": 3}
LOCATIVE = ("在", "于", "赴", "前往", "抵达")
# 自…以来, 自从…以来: "since" an event.
SINCE = re.compile(r"自(?:从)?[^，,；;：:]{1,30}?以来")
# A day of the month with neither month nor year (21日): its month depends on the tense.
BARE_DAY = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}[日号]")
# 原定于当天在瑞士举行的美伊谈判: the talks held (or to be) where and when the clause says before them
TALKS_HELD = re.compile(r"举行的")
# 美伊的谈判今天（4月12日）结束: talks named by the date and what became of them (not a topic)
TALKS_END = re.compile(r"[^，,。；;]{0,14}?(?:结束|开始|举行|进行|启动|闭幕|落幕)")
AFTER_THAT = re.compile(r"(?<![先前随然最])后|以来")  # not 先后, 随后: those order events, they do not end a time clause
# How many sentences back an attending verb without object (…等出席。) may find its gathering.
GATHERING_LOOKBACK = 3
# How far after an attending verb its gathering may be named.
ATTEND_REACH = 28
# An attending verb that ends its clause (…等国领导人与会。, 也应邀出席。) or goes on with another verb
# (赵乐际出席并发表主旨演讲): it takes no object.
NO_OBJECT = re.compile(r"了?\s*(?:[，,。；;！!]|并|$)")  # …出席并致辞 too
SIDE_NOTE = re.compile(r"\s*[（(][^（）()]{1,6}[)）]")  # （左）, （右）
# How near a gathering of the knowledge base must be to the publication day to date an
# undated report of it (the article is about that edition).
EDITION_WINDOW = timedelta(days=60)


@dataclass
class Slot:
    """Something the grammar places in a frame: a party (or group of parties), a location, a gathering."""

    start: int
    end: int
    kind: str  # party | loc | forum
    parties: tuple[Party, ...] = ()
    country: str | None = None
    place: str | None = None
    forum: Any = None
    person: Any = None  # the knowledge-base person of a named party
    group: bool = False  # a group (中俄元首, 两国元首): several parties
    former: bool = False  # named by a former office (前外长): no longer acts for the state
    pair: bool = False  # 两国元首, 双方: the parties of the last meeting or call
    specific: int = 9  # how well a place names where an event is: a city best (see PLACE_RANK)


@dataclass
class Token:
    start: int
    end: int
    kind: str  # person | country | place | forum | title | group | country_actor | pair | pronoun | surname
    record: Any = None
    rank: int = 0


@dataclass
class DocState:
    doc: Document
    text: str  # simplified and masked, same length as doc.text
    published: date | None  # the last day the document may have been published
    person_marks: list[tuple[int, Any]]  # (offset, Person) of every named person, in order
    surnames: dict[str, Any]  # surname → Person, for Chinese persons named in full
    dates: list[Any]
    date_starts: list[int]
    forum_marks: list[tuple[int, Any]] = field(default_factory=list)  # (offset, Forum) in order
    place_marks: list[tuple[int, Any]] = field(default_factory=list)  # (offset, Place) in order
    sentences: list[Sentence] = field(default_factory=list)
    unknown_people: dict[str, Party] = field(default_factory=dict)  # names the KB does not know, as written
    last_group: tuple[Party, ...] = ()
    published_text: str | None = None  # doc.published when valid, for summitry.time
    reread: dict[tuple[int, str], list[Any]] = field(default_factory=dict)  # see dates_with_tense
    persons_learnt: int = 0  # how many of person_marks _learn_surnames has seen
    events: list[Event] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # 俄 → RUS, as this document means them
    # the parties that are the office holder the knowledge base gives for the day for a title with no
    # name written (德国总理), not a name the text gives
    office_holders: list[Party] = field(default_factory=list)
    # (paragraph, country) → the named head of that country's delegation (美国代表团由美副总统万斯率领)
    delegation_heads: dict[tuple[int, str], Party] = field(default_factory=dict)

    def in_headline(self, pos: int) -> bool:
        """Whether ``pos`` lies in the document's headline: a first line with a story under it."""
        first = self.sentences[0] if self.sentences else None
        return (first is not None and first.paragraph == 0 and first.start <= pos < first.end
                and len(self.sentences) > 1 and self.sentences[-1].paragraph > 0)

    def last_forum(self, pos: int) -> tuple[int, Any] | None:
        """The gathering of the knowledge base named last before ``pos``, with its offset."""
        i = bisect.bisect_left(self.forum_marks, pos, key=lambda fm: fm[0])
        return self.forum_marks[i - 1] if i else None

    def dates_with_tense(self, sent: Sentence, tense: str) -> list[Any]:
        """The sentence's dates read again in the given tense (offsets from the sentence start)."""
        key = (sent.start, tense)
        found = self.reread.get(key)
        if found is None:
            from summitry.time import find_dates

            found = self.reread[key] = find_dates(
                self.text[sent.start : sent.end], "zh", self.published_text, tense
            )
        return found

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self.sentences, pos, key=lambda s: s.start) - 1
        return self.sentences[i] if i >= 0 and pos < self.sentences[i].end else None


class DatesOfSentence(tuple):
    """(start, end, precision) read in the event's own sentence: ``dated_by`` "text"."""


class DatesOfContext(tuple):
    """(start, end, precision) from elsewhere (an earlier sentence, the gathering's edition in the
    knowledge base): ``dated_by`` "context"."""


def span_precision(start: date, end: date) -> str:
    """The precision of a known span: days, a whole month or year, or (wider) year."""
    if (end - start).days < 7:
        return "day"
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and start.month == end.month:
        return "month"
    return "year" if (end - start).days > 62 else "month"


def record_city(slot: Slot) -> str | None:
    """The place an event record names: a city. A lone venue or province gives its country only,
    so that reports naming the city and reports naming the venue still agree."""
    return slot.place if slot.specific <= PLACE_RANK["city"] + 1 else None


def place_name(place: Any) -> str | None:
    """The city an event record names for a place record (see ``record_city``): none for a venue or region."""
    return place.name if PLACE_RANK.get(place.kind, 1) <= PLACE_RANK["city"] + 1 else None


def is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def joins(text: str, end: int, start: int, limit: int = 3) -> bool:
    """Two tokens belong together: at most ``limit`` characters between them, no punctuation."""
    gap = text[end:start]
    if len(gap) > limit:
        return False
    return all(is_han(ch) or ch in " ·" for ch in gap)
