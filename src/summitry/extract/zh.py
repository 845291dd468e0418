"""The Chinese rule engine: visits, meetings, gatherings and calls from Chinese news text.

How a document is read:

1. ``zh_text`` masks markup (image file names, credits, caption labels), converts traditional
   characters to simplified ones and splits sentences, all without moving a character, so every
   span found is a span of ``doc.text``.
2. One pass of the trigger pattern (lexicon ``triggers``) over the whole text finds the few
   sentences worth reading; a trigger must begin a word as rjieba (with the knowledge base's
   user dictionary) segments its neighbourhood, so 机会见到 is not 会见.
3. In those sentences the knowledge base's matcher (longest match, run once over the document)
   finds people, countries, places and gatherings; lexicon titles join them into parties
   (俄罗斯总统普京; 蒙古国总统呼日勒苏赫, a name the knowledge base does not know, kept as written
   with the title's office and country; 中国国家主席 with no name resolved to the office holder);
   country abbreviations make groups (中俄元首) and country actors (中方); 两国元首, 双方, 他,
   a bare surname (习), and in reported speech 我 and 总统先生 refer back to what the document
   named before.
4. Each trigger reads its frame: who acts (the nearest party before it, not the inviter of 应…
   邀请 nor the object of 同/与/会见; the head of a relative clause, 来华出席峰会的莫迪; the
   invitee of X邀请Y访问), where to (对X进行访问, 出访X, 抵达X, 访华), with whom (同X举行会谈,
   会见X), which gathering (出席…峰会, the knowledge base's or one whose name says it is
   international); where (the city nearest the trigger, a dateline's aside, else the gathering's
   host); the status from the cues between actor and trigger (将, 可能, 推迟 …); the date from
   ``summitry.time``, read again in the tense the status implies.

The engine (this module) reads documents and sentences into tokens and slots; the frames
(``zh_frames``) read the roles, dates and status of each trigger and make the events; the records
both share are in ``zh_slots``. Each report is its own event with one mention; a caption repeating the body yields the same
event again, and fusion (``summitry.fuse``) makes one event, and one mention per document, of them.
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from summitry.extract import mention_event_id
from summitry.extract.zh_frames import SAYING, Frame
from summitry.extract.zh_lexicon import Lexicon, TitleCue, load_lexicon
from summitry.extract.zh_slots import (
    CHINESE_NAMED,
    CLAUSE_BREAK,
    CLAUSE_BREAK_BEFORE,
    LATIN_GLOSS,
    LIST_JOINERS,
    ORGAN_GAP,
    PLACE_RANK,
    DocState,
    Slot,
    Token,
    is_han,
    joins,
)
from summitry.extract.zh_text import Sentence, SimplifiedConverter, mask_markup, split_sentences
from summitry.records import Document, Event, Mention, Party

# a meeting told as the week's news, not one of the past (去年6月…会见)
RECENT_DAYS = 7
# a guest received by the subject: 会见 (not 会面, 通话), or a ceremony held for them
RECEIVES = re.compile(r"会见|颁授仪式|欢迎仪式")
# an envoy or a delegation meets where it was sent (作为习近平特使会见土库曼斯坦总统)
ENVOY = re.compile(r"特使|特别代表|代表团")
OCCASIONS_BEFORE = re.compile(r"(?:多次|屡次|数次|多番|(?<![第两二三四五六七八九十0-9])[两二三四五六七八九十0-9]+次)(?:同[^，。]{1,12}?)?(?:先后|共同)?$")
TIME_ZONE = re.compile(r"(?:东部|西部|中部|山地|太平洋|大西洋|夏令|标准)?时间")
# what joins the parts of a transliterated name (梅利克-巴格达萨罗夫, 杰夫·兰德里)
NAME_JOINERS = ("-", "－", "‐", "·", "•")
# a title then 会…: the holder meets or talks (总统会见), else the title opens a body's name (国务委员会)
TITLE_THEN_MEETING = ("会见", "会谈", "会晤", "会面", "会同")
# the title of a work in book-title marks (bounded: an unclosed mark never reaches far)
DELEGATION_AFTER_TITLE = "代表团"
# right after a country: its unnamed representatives (not 代表团团长, a title, nor 代表处, an office)
REPRESENTATIVES = re.compile(r"(?:政府|方面)?(?:代表团|代表)(?![团处长])")
# between two titles one person holds (副总理兼外长, 国务委员兼公安部部长): 兼 and the second one's organ
JOINT_TITLE = re.compile(r"兼[^\s，,。；;、：:和与同及的]{0,8}")
MEETS_BEFORE = re.compile(r"(?:会见|会晤|接见)了?$")
WORK_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# a country's armed forces by its abbreviation right before a title (美军参谋长联席会议主席, 以军总参谋长)
MILITARY_OF = re.compile(r"(\w)军$")
# the organ of a region or a city right before a title (州立法会议主席, 市议会议长)
SUBNATIONAL_ORGAN = re.compile(r"[州省市](?:立法会议|议会|杜马|政府)$")
# a delegation's head (美国代表团由美副总统万斯率领, 双方代表团分别由A和B率领)
LED_BY = re.compile(r"代表团(?:分别)?由[^，,。；;]{2,60}?率领")
# a visit named as the one under way, whoever makes it (普京表示，此访…; 访问期间，两国外长还签署了…)
THIS_VISIT = re.compile(r"此访|这次访问|此次访问|本次访问|访问期间")
# talks named as those under way (此次会谈) or by where they are held (在卡塔尔的会谈)
THESE_TALKS = re.compile(r"(?:此次|这次|本次|在([^，,。；;的]{1,8})的)(?:会谈|会晤|磋商)")
# the year named before (同年5月, 当年秋天), and a year written out (2023年, 二〇二三年)
SAME_YEAR = re.compile(r"(?:同年|当年|该年|那年)$")
YEAR_WRITTEN = re.compile(r"(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年")
# 夫妇 (the couple) and 夫人 (the wife) after a name: 夫 is also a transliterated name's end (-ov)
SPOUSE_MARKS = ("夫妇", "夫人")


def _side_named(text: str, end: int) -> int | None:
    """Where a country's side named with 方面 ends, the country's name ending at ``end`` (巴基斯坦方面;
    伊朗方面, whose 伊朗方 the matcher reads as one country), or None."""
    if text.startswith("方面", end):
        return end + 2
    if text[end - 1 : end] == "方" and text.startswith("面", end):
        return end + 1
    return None


class ChineseRuleEngine:
    """Rule-based extraction for Chinese (simplified or traditional) news text."""

    name = "rules-zh"
    languages = ("zh",)

    def __init__(self, kb: Any = None, lexicon: Lexicon | None = None):
        import rjieba

        from summitry.kb import get_kb

        self.kb = kb if kb is not None else get_kb()
        self.lex = lexicon or load_lexicon()
        self.matcher = self.kb.matcher("zh")
        self.converter = SimplifiedConverter()
        # Office holders by (country, office, title, level, day): the lookup is the costly part.
        self._office_cache: dict[tuple, Party] = {}
        self._office_cues: dict[str, TitleCue] = {}
        # countries by the first character of their Chinese name, for the abbreviations (土: TUR, TKM …)
        by_first: dict[str, set[str]] = {}
        for country in self.kb.countries.values():
            if country.name_zh:
                by_first.setdefault(country.name_zh[0], set()).add(country.iso3)
        self._countries_by_first_char = {k: frozenset(v) for k, v in by_first.items()}
        self.segmenter = rjieba.Jieba()
        for word, freq, tag in self.kb.zh_user_dict():
            self.segmenter.add_word(word, freq, tag)

    # -- document ---------------------------------------------------------------------------

    def extract(self, doc: Document) -> list[Event]:
        if not doc.text:
            return []
        lex = self.lex
        masked = mask_markup(doc.text, lex.credit_lines, lex.caption_labels)
        text = self.converter.convert(masked)
        triggers = [(m.start(), m.end(), m.group()) for m in lex.trigger_re.finditer(text)]
        # (a verb of saying is a trigger only after a place, 在利雅得表示: most sentences have one)
        triggers = [t for t in triggers if t[2] not in SAYING or "在" in text[max(0, t[0] - 12) : t[0]]]
        abbreviated = [(m.start(), m.end(), m.group()) for m in lex.visit_abbr_re.finditer(text)]
        if not triggers and not abbreviated:
            return []
        from summitry.time import find_dates, parse_published

        anchor = doc.published
        try:
            published = parse_published(anchor) if anchor else None
        except ValueError as err:  # the document is still read, without a publication day
            warnings.warn(f"{doc.id}: {err}; dates relative to publication are left open", stacklevel=2)
            published, anchor = None, None
        # The latest day it may have been published (a month or a year when that is all we know):
        # an event after it is still to come.
        pub_day = published.end if published else None
        matches = self._after_triggers(text, triggers, self.matcher.find(text))
        matches.sort(key=lambda m: (m.start, -(m.end - m.start)))
        # 访美 is a visit to the United States, but 出访中美洲 is not a visit to China.
        name_starts = {m.start for m in matches}
        triggers += [t for t in abbreviated if t[0] + 1 not in name_starts]
        if not triggers:
            return []
        triggers.sort()
        person_marks = [
            (m.start, m.record if not isinstance(m.record, tuple) else m.record[0])
            for m in matches
            if m.kind in ("person", "person_short")
        ]
        spans = self._same_year(text, [s for s in find_dates(text, "zh", anchor) if s.interval is not None])
        sentences = split_sentences(text)
        state = DocState(
            doc,
            text,
            pub_day,
            person_marks,
            {},
            spans,
            [s.start for s in spans],
            [(m.start, m.record) for m in matches if m.kind == "forum"],
            [(m.start, m.record) for m in matches if m.kind == "place"],
            sentences,
            published_text=anchor,
        )
        state.abbreviations = self._abbreviations(matches)
        starts = [m.start for m in matches]
        ti = 0
        for sent in sentences:
            in_sentence = []
            while ti < len(triggers) and triggers[ti][0] < sent.end:
                if triggers[ti][0] >= sent.start:
                    in_sentence.append(triggers[ti])
                ti += 1
            self._learn_surnames(state, sent)
            if LED_BY.search(text, sent.start, sent.end):  # 美国代表团由美副总统万斯率领, whatever it tells
                lo = bisect.bisect_left(starts, sent.start)
                hi = bisect.bisect_left(starts, sent.end)
                kb_matches = [m for m in matches[lo:hi] if m.end <= sent.end]
                when = self._sentence_day(state, sent)
                self._learn_heads(state, sent, self._slots(state, sent, self._tokens(state, sent, kb_matches), when))
            if not in_sentence:
                continue
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            kb_matches = [m for m in matches[lo:hi] if m.end <= sent.end]
            self._read_sentence(state, sent, in_sentence, kb_matches)
        self._headline_named_by_story(state)
        self._visit_told_by_this_visit(state)
        self._talks_of_the_visit_told(state)
        self._undated_inside_a_dated_trip(state)
        self._delegations_named_by_their_heads(state)
        self._guest_received_where_no_place_is_told(state)
        return state.events

    @staticmethod
    def _learn_heads(state: DocState, sent: Sentence, slots: list[Slot]) -> None:
        """美国代表团由美副总统万斯率领, 双方代表团分别由卡利巴夫和万斯率领: the heads of the delegations,
        by country, for the talks of the paragraph."""
        for led in LED_BY.finditer(state.text, sent.start, sent.end):
            for slot in slots:
                # (美国代表团由美副总统万斯: the party may take the delegation's country with it)
                if (slot.kind == "party" and led.start() < slot.end <= led.end()
                        and not slot.group and slot.parties and slot.parties[0].name and slot.country):
                    state.delegation_heads.setdefault((sent.paragraph, slot.country), slot.parties[0])

    @staticmethod
    def _delegations_named_by_their_heads(state: DocState) -> None:
        """Talks between unnamed sides whose delegations' heads the paragraph names (美国和伊朗今天在瑞士举行
        技术层面谈判。美国代表团由美副总统万斯率领，…) are a meeting of those heads: the development set's
        convention for talks between delegations."""
        if not state.delegation_heads:
            return
        paragraph_of = {s.start: s.paragraph for s in state.sentences}
        for ev in state.events:
            if ev.type not in ("meeting", "call"):
                continue
            paragraph = paragraph_of.get(ev.mentions[-1].start)
            heads = [state.delegation_heads.get((paragraph, p.country)) if not p.name and p.country else None
                     for p in (ev.actor, *ev.counterparts)]
            if not any(heads):
                continue
            parties = [h or p for h, p in zip(heads, (ev.actor, *ev.counterparts), strict=True)]
            ev.actor, ev.counterparts = parties[0], parties[1:]

    @staticmethod
    def _undated_inside_a_dated_trip(state: DocState) -> None:
        """An event without a date, told after a visit the story dates to its days, of the traveller and in
        the visit's country (…27日至30日对俄罗斯进行正式友好访问。…在伊尔库茨克州会见州长…), takes the
        visit's days: the development set's ruling on an undated meeting inside a dated trip."""
        trips = []
        for ev in state.events:
            if ev.type == "visit" and ev.start and ev.precision == "day" and len(ev.countries) == 1:
                trips.append(ev)
                continue
            if ev.start or not trips:
                continue
            people = {p.key() for p in (ev.actor, *ev.counterparts) if p.name}
            trip = next((t for t in reversed(trips) if t.actor.key() in people and t.status == ev.status
                         and (not ev.countries or ev.countries == t.countries)
                         and t.mentions[0].start < ev.mentions[0].start), None)
            if trip is not None:
                ev.start, ev.end, ev.precision, ev.dated_by = trip.start, trip.end, trip.precision, "context"

    def _talks_of_the_visit_told(self, state: DocState) -> None:
        """此次会谈, 在卡塔尔的会谈 in a sentence that tells no event, after a story of a named visitor's
        arrival whose talks it has not told (伊朗代表团25日抵达卡塔尔首都多哈。卡塔尔方面称，此次会谈旨在…):
        the visitor's talks with the host country's side, on the visit's days."""
        text = state.text
        for sent in state.sentences:
            cue = THESE_TALKS.search(text, sent.start, sent.end)
            if cue is None or any(sent.start <= e.mentions[0].start < sent.end for e in state.events):
                continue
            told = [e for e in state.events if e.mentions[0].start < sent.start]
            visit = next((e for e in reversed(told) if e.type == "visit"), None)
            if visit is None or len(visit.countries) != 1 or not visit.actor.name or visit.status != "occurred":
                continue
            host = visit.countries[0]
            where = cue.group(1)
            country = self.kb.countries.get(host)
            if where and not (country is not None and country.name_zh and country.name_zh in where):
                continue  # 在卡塔尔的会谈: talks held where the visitor went, not elsewhere
            if any(e.type in ("meeting", "call") and any(p.key() == visit.actor.key()
                                                         for p in (e.actor, *e.counterparts)) for e in told):
                continue
            doc = state.doc
            side = Party(country=host)
            mention = Mention(doc=doc.id, status=visit.status, lang="zh", text=doc.text[sent.start : sent.end],
                              start=sent.start, end=sent.end)
            state.events.append(Event(
                id=mention_event_id(doc.id, sent.start, sent.end, "meeting", [visit.actor, side], [host], None),
                type="meeting", status=visit.status, actor=visit.actor, counterparts=[side], countries=[host],
                place=visit.place, forum=None, start=visit.start, end=visit.end, precision=visit.precision,
                dated_by=visit.dated_by, mentions=[mention]))

    def _guest_received_where_no_place_is_told(self, state: DocState) -> None:
        """习近平会见X国总统Y (a guest received, 会见, or honoured at a ceremony) in a story that places the
        meeting nowhere and tells no trip of either side: the guest came to the host's country (the
        subject's), a visit there on the meeting's days. Not a meeting of the past (去年6月，习近平主席会见
        黄循财总理), nor one the story places (在北京会见: the development set's ruling, a meeting's place tells
        no travel, nor another of the host's meetings in a story that places one), nor one of a story that
        tells a party's trip (丁薛祥赴土库曼斯坦…，分别会见…), nor one of
        an envoy, who is the one sent."""
        published = state.published
        if published is None:
            return
        # (a report of the first days of year 1 has no days before it to look back on)
        recent = max(published, date.min + timedelta(days=RECENT_DAYS)) - timedelta(days=RECENT_DAYS)
        recent = recent.isoformat()
        travellers = {e.actor.key() for e in state.events if e.type == "visit"}
        placed = [{p.key() for p in (e.actor, *e.counterparts)} for e in state.events
                  if e.type == "meeting" and e.countries]
        added = []
        for ev in state.events:
            if ev.type != "meeting" or ev.countries or ev.status != "occurred" or (ev.start or recent) < recent:
                continue
            host = ev.actor.country
            people = {p.key() for p in (ev.actor, *ev.counterparts) if p.name}
            if (not host or not ev.actor.name or people & travellers or any(ev.actor.key() in told for told in placed)
                    or not RECEIVES.search(ev.mentions[0].text) or ENVOY.search(ev.mentions[0].text)):
                continue
            for guest in ev.counterparts:
                if not guest.name or not guest.country or self.kb.at_home(guest.country, host):
                    continue
                m = ev.mentions[0]
                added.append(Event(
                    id=mention_event_id(state.doc.id, m.start, m.end, "visit", [guest], [host], None),
                    type="visit", status=ev.status, actor=guest, counterparts=[], countries=[host],
                    place=None, forum=None, start=ev.start, end=ev.end, precision=ev.precision,
                    dated_by=ev.dated_by, mentions=[m]))
        state.events.extend(added)

    @staticmethod
    def _visit_told_by_this_visit(state: DocState) -> None:
        """此访, 这次访问, 访问期间 in a story whose meeting was held in one country with a named party of
        another (普京表示，此访正值…; 访问期间，两国外长还签署了…): that party's visit there, on the
        meeting's days. Only when the sentence tells no visit of its own and the meeting has one such
        party."""
        text = state.text
        for sent in state.sentences:
            cue = THIS_VISIT.search(text, sent.start, sent.end)
            if cue is None:
                continue
            told = [e for e in state.events if e.mentions[0].start < sent.end]
            if any(e.type == "visit" and e.mentions[0].start == sent.start for e in told):
                continue
            meeting = next((e for e in reversed(told) if e.type == "meeting"), None)
            if meeting is None or len(meeting.countries) != 1 or meeting.status == "cancelled":
                continue
            host = meeting.countries[0]
            guests = [p for p in (meeting.actor, *meeting.counterparts)
                      if p.name and p.country and p.country != host]
            if len(guests) != 1 or any(p.country is None for p in (meeting.actor, *meeting.counterparts)):
                continue
            guest = guests[0]
            if any(e.type == "visit" and e.actor.key() == guest.key() and host in e.countries
                   and e.mentions[0].start >= sent.start and e.mentions[0].start < sent.end for e in state.events):
                continue
            doc = state.doc
            mention = Mention(doc=doc.id, status=meeting.status, lang="zh", text=doc.text[sent.start : sent.end],
                              start=sent.start, end=sent.end)
            state.events.append(Event(
                id=mention_event_id(doc.id, sent.start, sent.end, "visit", [guest], [host], None),
                type="visit", status=meeting.status, actor=guest, counterparts=[], countries=[host],
                place=None, forum=None, start=meeting.start, end=meeting.end, precision=meeting.precision,
                dated_by=meeting.dated_by, mentions=[mention]))

    @staticmethod
    def _same_year(text: str, spans: list[Any]) -> list[Any]:
        """同年5月, 当年秋天: a month or a season of the year the text named last (2023年2月初…。同年5月 is May
        2023, not May of the year of writing)."""
        from summitry.time.interval import DateSpan, Interval

        out = []
        year = None
        for span in spans:
            if SAME_YEAR.search(text, max(0, span.start - 2), span.start) and year is not None \
                    and span.interval.start.year == span.interval.end.year and span.interval.start.year != year:
                shift = year - span.interval.start.year
                try:
                    moved = Interval(span.interval.start.replace(year=span.interval.start.year + shift),
                                     span.interval.end.replace(year=span.interval.end.year + shift),
                                     span.interval.granularity)
                except ValueError:  # 29 February of a year without one
                    moved = None
                if moved is not None:
                    span = DateSpan(span.start, span.end, span.text, span.kind, moved, span.days)
            if YEAR_WRITTEN.search(span.text):
                year = span.interval.start.year if span.interval.start.year == span.interval.end.year else None
            out.append(span)
        return out

    @staticmethod
    def _headline_named_by_story(state: DocState) -> None:
        """A headline's title without a name (习近平会见X国总统) is named by the story under it: when the
        office holder the knowledge base gives is named nowhere in the story while the story names
        someone else of that country with that title's rank, the headline means them (the one such
        person), else the country alone. The knowledge base's holder may be out of date; the story is not."""
        if not state.office_holders or not state.sentences or not state.in_headline(state.sentences[0].start):
            return
        headline_end = state.sentences[0].end
        told: dict[str, set[tuple[str, str | None]]] = {}
        for ev in state.events:
            if ev.mentions[0].start >= headline_end:
                for p in (ev.actor, *ev.counterparts):
                    if p.name and p.country:
                        told.setdefault(p.country, set()).add((p.name, p.level))
        for ev in state.events:
            if ev.mentions[0].start >= headline_end:
                continue
            for p in (ev.actor, *ev.counterparts):
                named = told.get(p.country or "", set())
                if not named or not any(p is q for q in state.office_holders) \
                        or any(name == p.name for name, _ in named):
                    continue
                same_rank = {name for name, level in named if level == p.level}
                p.name = next(iter(same_rank)) if len(same_rank) == 1 else None


    def _after_triggers(self, text: str, triggers: list[tuple[int, int, str]], matches: list[Any]) -> list[Any]:
        """抵达卡塔尔: the matcher, reading longest from the left, finds 达卡 (Dhaka) across the trigger
        and loses 卡塔尔. A place or country that begins inside a trigger word gives way to what the
        text names right after the trigger."""
        inside = [m for m in matches if m.kind in ("place", "country")
                  and any(a < m.start < b for a, b, _ in triggers)]
        if not inside:
            return list(matches)
        kept = [m for m in matches if m not in inside]
        for m in inside:
            b = next(b for a, b, _ in triggers if a < m.start < b)
            found = [n for n in self.matcher.find(text[b : b + 24]) if n.start == 0]
            if not found:
                continue
            n = found[0]._replace(start=found[0].start + b, end=found[0].end + b)
            kept = [k for k in kept if not (b <= k.start < n.end)]
            kept.append(n)
        return kept

    def trigger_spans(self, doc: Document) -> list[tuple[int, int]]:
        """Where the lexicon's event triggers stand in ``doc.text`` (the simplified, masked text has
        the same offsets), whether or not they became events."""
        if not doc.text:
            return []
        lex = self.lex
        text = self.converter.convert(mask_markup(doc.text, lex.credit_lines, lex.caption_labels))
        found = [(m.start(), m.end()) for m in lex.trigger_re.finditer(text)]
        found += [(m.start(), m.end()) for m in lex.visit_abbr_re.finditer(text)]
        return sorted(found)

    def _abbreviations(self, matches: list[Any]) -> dict[str, str]:
        """The lexicon's country abbreviations as this document means them: a character stands for
        the one country named in full in the document whose name starts with it, when the document
        does not name the default one (访土 in a story on Turkmenistan, 巴方 in one on Brazil)."""
        # (named in full: the knowledge base's one-character aliases, 美 and 伊, are the abbreviations)
        named = {m.record.iso3 for m in matches if m.kind == "country" and m.end - m.start >= 2}
        out = dict(self.lex.abbreviations)
        if not named:
            return out
        for char, default in out.items():
            if default in named:
                continue
            others = named & self._countries_by_first_char.get(char, frozenset())
            if len(others) == 1:
                out[char] = next(iter(others))
        return out

    def _paragraph_speech(self, state: DocState, sent: Sentence) -> re.Match | None:
        """The speech verb that opens the words a sentence continues (李强表示，…。昨天，习近平主席同总统
        先生举行会谈…。): the first one of its paragraph before it, if any."""
        first = next((s for s in state.sentences if s.paragraph == sent.paragraph), sent)
        if first is sent:
            return None
        return self.lex.speech_re.search(state.text, first.start, sent.start)

    def _learn_surnames(self, state: DocState, sent: Sentence) -> None:
        """Chinese persons named in full up to this sentence can be referred to by surname alone."""
        marks = state.person_marks
        while state.persons_learnt < len(marks) and marks[state.persons_learnt][0] < sent.end:
            offset, person = marks[state.persons_learnt]
            state.persons_learnt += 1
            zh = getattr(person, "name_zh", "") or ""
            if person.country in CHINESE_NAMED and len(zh) >= 2 and state.text.startswith(zh, offset):
                state.surnames.setdefault(zh[0], person)

    # -- sentence -----------------------------------------------------------------------------

    def _read_sentence(
        self, state: DocState, sent: Sentence, triggers: list[tuple[int, int, str]], kb_matches: list[Any]
    ) -> None:
        text = state.text
        # 《……访问朝鲜纪实》, 《访华随笔》: a title of a work (a film, an article, a book) names the
        # event but does not report it; the sentence's dates are the work's (its airing, its printing)
        works = [(m.start(), m.end()) for m in WORK_TITLE.finditer(text, sent.start, sent.end)]
        triggers = [
            t for t in triggers
            # 在利雅得表示: a verb of saying tells a stay only right after a place
            if (t[2] not in SAYING or any(m.end == t[0] and m.kind in ("place", "country") for m in kb_matches))
            and (t[2].startswith(("赴", "访")) or self._begins_word(text, sent, t[0], t[1]))
            and not any(a < t[0] < b for a, b in works)
            and not self.lex.not_traveller_re.search(text, max(sent.start, t[0] - 6), t[0])
            # 四次出席…论坛, 多次会晤, 曾两次访问: a tally of several occasions is no one event
            and not OCCASIONS_BEFORE.search(text, max(sent.start, t[0] - 6), t[0])
        ]
        if not triggers:
            return
        when = self._sentence_day(state, sent)
        tokens = self._tokens(state, sent, kb_matches)
        slots = self._slots(state, sent, tokens, when)
        clause_starts = [sent.start] + [m.end() for m in CLAUSE_BREAK.finditer(text, sent.start, sent.end)]
        invitations = [
            (m.start(), m.end()) for m in self.lex.invitation_re.finditer(text, sent.start, sent.end)
        ]
        frame = Frame(self, state, sent, slots, clause_starts, invitations, when, [t[0] for t in triggers])
        seen: set[tuple] = set()
        for start, end, cue in triggers:
            frame.refer(start)
            for ev in frame.events(start, end, cue):
                key = (
                    ev.type,
                    ev.actor.key(),
                    tuple(sorted(p.key() for p in ev.counterparts)),
                    tuple(ev.countries),
                    ev.forum,
                )
                if key in seen:
                    continue
                seen.add(key)
                state.events.append(ev)
                if ev.type in ("meeting", "call"):
                    state.last_group = (ev.actor, *ev.counterparts)

    def _begins_word(self, text: str, sent: Sentence, start: int, end: int) -> bool:
        """Whether rjieba, reading a few characters around it, starts a word where the trigger starts
        (会见 in 有机会见到 does not). Only the neighbourhood is segmented: it is all that matters."""
        lo = max(sent.start, start - 4)
        if lo == start or not is_han(text[start - 1]):
            return True
        pos = lo
        for word in self.segmenter.cut(text[lo : min(sent.end, end + 2)]):
            if pos >= start:
                return pos == start
            pos += len(word)
        return False

    def _sentence_day(self, state: DocState, sent: Sentence) -> date | None:
        """The day people's offices are looked up for: the sentence's first date, else publication."""
        i = bisect.bisect_left(state.date_starts, sent.start)
        span = state.dates[i] if i < len(state.dates) and state.dates[i].start < sent.end else None
        if span is None and i > 0:
            # 同年5月，…。原计划在悉尼举行的美日印澳四国领导人会晤也随之取消: a sentence without a date goes
            # on in the time of the paragraph's last one
            before = state.dates[i - 1]
            if any(s.paragraph == sent.paragraph and s.start <= before.start < s.end for s in state.sentences):
                span = before
        if span is not None:
            interval = span.interval
            if state.published and interval.start <= state.published <= interval.end:
                return state.published  # 今年: the office holders of the day of writing
            return interval.start
        return state.published

    def _tokens(self, state: DocState, sent: Sentence, kb_matches: list[Any]) -> list[Token]:
        """Every name, title and reference in the sentence, overlaps resolved longest first."""
        lex, text, s0, s1 = self.lex, state.text, sent.start, sent.end
        found: list[Token] = []
        kinds = {
            "person": "person",
            "person_short": "person",
            "country": "country",
            "demonym": "country",
            "place": "place",
            "forum": "forum",
            "office": "title",
        }
        # On equal spans: a person before anything, 中方 an actor rather than a country.
        rank = {
            "person": 0,
            "named": 0,
            "addressee": 0,
            "speaker": 0,
            "country_actor": 1,
            "country": 2,
            "forum": 3,
            "place": 4,
            "group": 5,
            "sides": 5,
            "title": 6,
            "pair": 7,
            "surname": 8,
            "pronoun": 9,
        }
        for m in kb_matches:
            kind = kinds.get(m.kind)
            if kind is None:
                continue
            if kind == "person" and lex.not_the_person_re.match(text, m.end):
                continue  # 拜登政府: the administration, not the man
            record = m.record
            if kind == "title":  # the lexicon's cue when it has one: it may know the country (全国政协主席)
                record = lex.titles.get(text[m.start : m.end]) or self._office_cue(record)
            found.append(Token(m.start, m.end, kind, record))
        for m in lex.party_country_re.finditer(text, s0, s1):
            country = self.kb.country(lex.party_countries[m.group()])
            if country is not None:
                found.append(Token(m.start(), m.end(), "country", country))
        for m in lex.city_abbreviation_re.finditer(text, s0, s1):
            place = self.kb.place(lex.city_abbreviations[m.group()])
            if place is not None:
                found.append(Token(m.start(), m.end(), "place", place))
        for m in lex.title_re.finditer(text, s0, s1):
            found.append(Token(m.start(), m.end(), "title", lex.titles[m.group()]))
        named_in_full = [(m.start, m.end) for m in kb_matches if m.kind == "country" and m.end - m.start >= 2]
        for m in lex.group_re.finditer(text, s0, s1):
            if any(m.start(1) <= a and b <= m.end(1) for a, b in named_in_full):
                continue  # 古巴外长: Cuba's foreign minister, not those of Cuba (古) and Pakistan (巴)
            found.append(
                Token(
                    m.start(),
                    m.end(),
                    "group",
                    ([state.abbreviations[c] for c in m.group(1)], lex.group_heads[m.group(2)]),
                )
            )
        for m in lex.sides_abbr_re.finditer(text, s0, s1):
            start = m.start()
            if not self._begins_word(text, sent, start, m.end(1)):
                start += 1  # 参加美伊谈判: 加 ends 参加, it is no side (美伊 are)
            if m.end(1) - start >= 2:
                found.append(Token(start, m.end(), "sides", [state.abbreviations[c] for c in text[start : m.end(1)]]))
        for m in lex.country_actor_re.finditer(text, s0, s1):
            found.append(Token(m.start(), m.end(), "country_actor", state.abbreviations[m.group(1)]))
        for m in lex.pair_re.finditer(text, s0, s1):
            found.append(Token(m.start(), m.end(), "pair"))
        for m in lex.pronoun_re.finditer(text, s0, s1):
            found.append(Token(m.start(), m.end(), "pronoun"))
        speech = lex.speech_re.search(text, s0, s1) or self._paragraph_speech(state, sent)
        if speech is not None:  # reported speech: 我 and 总统先生 (see the lexicon)
            for m in lex.speaker_re.finditer(text, max(s0, speech.end()), s1):
                found.append(Token(m.start(), m.end(), "speaker", speech.start()))
            for m in lex.address_re.finditer(text, max(s0, speech.end()), s1):
                found.append(
                    Token(m.start(), m.end(), "addressee", (lex.titles[m.group(1)], speech.start()))
                )
            for m in lex.addressee_pronoun_re.finditer(text, max(s0, speech.end()), s1):
                found.append(Token(m.start(), m.end(), "addressee", (None, speech.start())))
        for written, party in state.unknown_people.items():
            pos = text.find(written, s0, s1)
            while pos >= 0:
                found.append(Token(pos, pos + len(written), "named", party))
                pos = text.find(written, pos + len(written), s1)
        for surname, person in state.surnames.items():
            pos = text.find(surname, s0, s1)
            while pos >= 0:
                before = text[pos - 1] if pos > 0 else ""
                after = text[pos + 1] if pos + 1 < len(text) else ""
                if (not is_han(before) or before in lex.surname_after) and after in lex.surname_before:
                    found.append(Token(pos, pos + 1, "surname", person))
                pos = text.find(surname, pos + 1, s1)
        # 俄罗斯驻委内瑞拉大使: where a diplomat is posted is not their country (the one before 驻 is)
        found = [t for t in found if not (t.kind == "country" and text[t.start - 1 : t.start] == "驻"
                                          and any(u.kind == "title" and 0 <= u.start - t.end <= 2 for u in found))]
        # 布达诺夫, 梅利克-巴格达萨罗夫: a place name that runs on into a transliterated name is part of
        # the name (a short one always, a longer one after a name's hyphen); not after a locative
        # (在平壤金日成广场: the place, then a venue named after a person)
        found = [t for t in found if t.kind != "place" or not lex.foreign_name_re.match(text, t.end, min(t.end + 2, s1))
                 or (t.end - t.start > 2 and text[t.start - 1 : t.start] not in NAME_JOINERS)
                 or text[t.start - 1 : t.start] in ("在", "于", "赴")]
        # 杰夫·兰德里: a place name (德里) that ends a name written with its joiner is part of the name
        found = [t for t in found if t.kind != "place"
                 or not lex.name_part_before_re.search(text, max(s0, t.start - 7), t.start)]
        # 美国东部时间21日, 莫斯科时间: a clock, not a party or a place
        found = [t for t in found if t.kind not in ("country", "place") or not TIME_ZONE.match(text, t.end)]
        # 谢夫乔维奇: a short form that a transliterated name runs into is the end of another name (a
        # title or a country before it is no name: 埃米尔塔米姆, 苏丹海赛姆, 日本高市早苗)
        short = {(m.start, m.end) for m in kb_matches if m.kind == "person_short"}
        ends = {u.end for u in found if u.kind in ("title", "country")}
        found = [t for t in found if t.kind != "person" or (t.start, t.end) not in short or t.start in ends
                 or not lex.foreign_name_re.fullmatch(text, max(s0, t.start - 2), t.start)]
        # 书记处, 总统府: a title word opening an organ's name is no title; 国务委员会, 外长会: nor one
        # opening a body's or a meeting's name (会见, 会谈 after a title are the title holder's acts)
        found = [t for t in found if t.kind != "title" or (
            text[t.end : t.end + 1] not in lex.title_not_before
            and not (text[t.end : t.end + 1] == "会" and text[t.end : t.end + 2] not in TITLE_THEN_MEETING))]
        for t in found:
            t.rank = rank[t.kind]
        found.sort(key=lambda t: (t.start, -(t.end - t.start), t.rank))
        kept: list[Token] = []
        reach = -1
        for t in found:
            if t.start >= reach:
                kept.append(t)
                reach = t.end
        return kept

    def _slots(
        self, state: DocState, sent: Sentence, tokens: list[Token], when: date | None
    ) -> list[Slot]:
        """Tokens joined into parties (country + title + name), locations and gatherings."""
        text = state.text
        slots: list[Slot] = []
        i = 0
        tokens = self._envoys(text, tokens)
        while i < len(tokens):
            t = tokens[i]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if t.kind == "envoy":  # 美国总统特使库什纳: the envoy, named after the title, is the party
                slot, used = self._titled(state, tokens, i, when, t.record.country, t.start, of_the_state=False)
                if slot is not None and any(p.name for p in slot.parties):
                    slots.append(slot)
                i = used
                continue
            if t.kind == "country":
                group = self._country_list(text, tokens, i, when)
                if group is not None:
                    slot, i = group
                    slots.append(slot)
                    continue
            title_at = i + 1
            if (
                t.kind == "country"
                and nxt is not None
                and nxt.kind == "place"
                and nxt.record.country == t.record.iso3
                and title_at + 1 < len(tokens)
                and tokens[title_at + 1].kind == "title"
                and nxt.start == t.end
                and joins(text, nxt.end, tokens[title_at + 1].start)
            ):
                title_at += 1  # 阿联酋阿布扎比王储: a title of a part of the country
            of_the_state = title_at == i + 1
            if t.kind == "country" and title_at < len(tokens) and tokens[title_at].kind == "title":
                title_at = self._last_joint_title(text, tokens, title_at)
            if (
                t.kind == "country"
                and title_at < len(tokens)
                and tokens[title_at].kind == "title"
                # 越共中央书记处常务书记, 美国驻华大使: the organ between country and title is part of it
                and joins(text, tokens[title_at - 1].end, tokens[title_at].start, ORGAN_GAP)
                # 就伊朗局势与联合国秘书长…: an organisation's title names the organisation, no country's
                and not self._organisation_office(tokens[title_at].record.office)
                # 丹麦诺和诺德基金会主席: a foundation's, a company's chair is no officer of the state
                and not self.lex.non_state_body_re.search(text, tokens[title_at - 1].end, tokens[title_at].start)
                # 正在朝鲜进行国事访问的国家主席习近平: a clause between country and title is no organ
                and "的" not in text[tokens[title_at - 1].end : tokens[title_at].start]
                # 前往以色列与以军总参谋长…: a conjunction between them joins no organ either
                and not re.search(r"[与和同及、]", text[tokens[title_at - 1].end : tokens[title_at].start])
                and not self.lex.trigger_re.search(text, tokens[title_at - 1].end, tokens[title_at].start)
            ):
                slot, used = self._titled(state, tokens, title_at, when, t.record.iso3, t.start,
                                          of_the_state=of_the_state)
                if slot is not None:
                    slots.append(slot)
                    i = used
                    continue
            if t.kind == "title" and self._of_non_state_body(text, max(sent.start, t.start - ORGAN_GAP), t.start):
                i += 1  # 诺和诺德公司董事会主席索文森: a foundation's, a company's chair is no officer of the state
                continue
            if t.kind == "title":
                # 伊朗内政部长和外长, 俄罗斯外长拉夫罗夫和国防部长: a title listed after a party of a country,
                # with no country of its own, is of that country
                prev = slots[-1] if slots else None
                listed_of = (prev.country if prev is not None and prev.kind == "party" and prev.country
                             and not prev.group and text[prev.end : t.start] in ("和", "、", "及")
                             and t.record.country is None and not self._organisation_office(t.record.office)
                             else None)  # (泰国总理阿努廷、联合国秘书长古特雷斯: the UN's, no country's)
                slot, used = self._titled(state, tokens, self._last_joint_title(text, tokens, i), when, listed_of,
                                          t.start)
                if slot is not None:
                    slots.append(slot)
                i = used
                continue
            if t.kind in ("person", "surname"):
                end = t.end
                cue = None
                if nxt is not None and nxt.kind == "title" and nxt.start == t.end:  # 普京总统
                    end, cue = nxt.end, nxt.record
                    i += 1
                person = self._pick(t.record, when, None, cue)
                party = self._person_party(person, when, cue)
                slots.append(Slot(t.start, end, "party", (party,), party.country, person=person))
            elif t.kind == "named":
                end = t.end
                if nxt is not None and nxt.kind == "title" and nxt.start == t.end:  # 朔尔茨总理
                    end = nxt.end
                    i += 1
                slots.append(Slot(t.start, end, "party", (t.record,), t.record.country))
            elif t.kind == "country" and (rep := REPRESENTATIVES.match(text, t.end)) is not None and (
                    nxt is None or nxt.start >= rep.end() + 1) and (
                    MEETS_BEFORE.search(text, max(sent.start, t.start - 4), t.start)
                    # 万斯与伊朗代表团在伊斯兰堡举行谈判: a named person's counterpart, a delegation
                    # (万斯与伊朗代表举行会谈: its representatives, alike)
                    or (text[t.start - 1 : t.start] in ("与", "同") and rep.group().endswith(("代表团", "代表"))
                        and any(s.kind == "party" and not s.group and s.parties and s.parties[0].name
                                and s.country != t.record.iso3 and t.start - s.end <= 16
                                and not re.search(r"[，,。；;：:]", text[s.end : t.start])
                                for s in [s for s in slots if s.kind == "party"][-1:]))):
                # 在会见巴基斯坦代表时, 会见了巴基斯坦代表团: unnamed representatives of a state met are a
                # party of that country (the development set's ruling on talks between unnamed delegations;
                # sides listed with 和/与, 美国和伊朗代表团举行谈判, are read as the talks' sides)
                slots.append(Slot(t.start, rep.end(), "party", (Party(country=t.record.iso3),), t.record.iso3))
            elif (t.kind == "country" and (side := _side_named(text, t.end)) is not None
                  and not REPRESENTATIVES.match(text, side)
                  and not text.startswith("的", side)  # (与美国方面的代表分别举行会晤: the talks' sides)
                  and text[t.start - 1 : t.start] in ("与", "同", "跟") and (nxt is None or nxt.start >= side)):
                # 鲁比奥与巴基斯坦方面通电话: the country's side met or called, as 与巴方 (Frame.country_sides
                # still reads it as a side of talks: 阿曼方面…与伊朗方面举行磋商)
                slots.append(Slot(t.start, side, "party", (Party(country=t.record.iso3),), t.record.iso3))
            elif t.kind == "country":
                slots.append(Slot(t.start, t.end, "loc", country=t.record.iso3))
            elif t.kind == "place":
                place = t.record
                prev = tokens[i - 1] if i else None
                if (
                    prev is not None
                    and prev.kind == "country"
                    and prev.end == t.start
                    and prev.record.iso3 != place.country
                ):  # 新加坡香格里拉酒店: not the Chinese town
                    place = self.kb.place(text[t.start : t.end], (prev.record.iso3,))
                    if place is None or place.country != prev.record.iso3:
                        slots.append(Slot(t.start, t.end, "loc", country=prev.record.iso3))
                        i += 1
                        continue
                loc = Slot(
                    t.start,
                    t.end,
                    "loc",
                    country=place.country,
                    place=place.name,
                    specific=PLACE_RANK.get(place.kind, 1),
                )
                last = slots[-1] if slots else None
                if (
                    last is not None
                    and last.kind == "loc"
                    and last.end == t.start
                    and last.country == loc.country
                ):
                    # 北京人民大会堂, 黑龙江省哈尔滨市, 美国旧金山: one location, named by its city
                    if last.place is not None and last.specific <= loc.specific:
                        loc = Slot(
                            last.start,
                            t.end,
                            "loc",
                            country=last.country,
                            place=last.place,
                            specific=last.specific,
                        )
                    else:
                        loc.start = last.start
                    slots[-1] = loc
                else:
                    slots.append(loc)
            elif t.kind == "forum":
                slots.append(Slot(t.start, t.end, "forum", forum=t.record))
            elif t.kind == "group":
                countries, head = t.record
                parties = tuple(self._leader(c, head, when) for c in dict.fromkeys(countries))
                slots.append(Slot(t.start, t.end, "party", parties, group=True))
            elif t.kind == "sides":  # 俄美乌谈判: the countries are the sides
                parties = tuple(Party(country=c) for c in dict.fromkeys(t.record))
                slots.append(Slot(t.start, t.end, "party", parties, group=True))
            elif t.kind == "country_actor":
                slots.append(Slot(t.start, t.end, "party", (Party(country=t.record),), t.record))
            elif t.kind == "pair":  # parties filled in when a trigger reads it (see Frame.refer)
                slots.append(Slot(t.start, t.end, "party", (), group=True, pair=True))
            elif t.kind == "speaker":  # 我: who speaks, the last person named before the speech verb
                person = self._last_person(state, t.record)
                if person is not None:
                    party = self._person_party(person, when, None)
                    slots.append(Slot(t.start, t.end, "party", (party,), party.country, person=person))
            elif t.kind == "addressee":  # 总统先生: the other side of the last meeting or call
                cue, speech_at = t.record
                speaker = self._last_person(state, speech_at)
                others = [
                    p
                    for p in state.last_group or self._last_pair(state, t.start)
                    if speaker is None or p.name != speaker.name
                ]
                party = next((p for p in others if cue is not None and p.level == cue.level), None)
                if party is None and cue is not None and speaker is not None:
                    # 赵乐际分别会见韩国总统、爱尔兰总理 … 习近平主席同总统先生举行会晤: of two guests the
                    # one the title names, met earlier in the story, not the last one met
                    party = next((p for ev in reversed(state.events) for p in (ev.actor, *ev.counterparts)
                                  if p.level == cue.level and p.name and p.country != speaker.country), None)
                if party is None:
                    party = others[0] if others else None
                if party is not None:
                    slots.append(Slot(t.start, t.end, "party", (replace(party),), party.country))
            elif t.kind == "pronoun":  # the last person named before its clause (习近平邀请他: not Xi)
                clause = CLAUSE_BREAK_BEFORE.search(text, sent.start, t.start)
                before = clause.start() + 1 if clause else t.start
                # …总理萨拉姆当天表示，…他已推迟…: a person of this sentence the knowledge base knows by a
                # part of the name only is nearer than the last one it knows in full
                named = next((s for s in reversed(slots) if s.kind == "party" and s.end <= before
                              and len(s.parties) == 1 and s.parties[0].name and not s.group), None)
                mark = bisect.bisect_left(state.person_marks, before, key=lambda pm: pm[0])
                if named is not None and (not mark or state.person_marks[mark - 1][0] < named.start):
                    slots.append(Slot(t.start, t.end, "party", (replace(named.parties[0]),), named.country,
                                      person=named.person))
                    i += 1
                    continue
                person = self._last_person(state, before)
                if person is not None:
                    party = self._person_party(person, when, None)
                    slots.append(Slot(t.start, t.end, "party", (party,), party.country, person=person))
            i += 1
        return slots

    def _of_non_state_body(self, text: str, lo: int, title_start: int) -> bool:
        """Whether a non-state body (基金会, 公司, 大学) is named right before a title, in its clause."""
        body = None
        for body in self.lex.non_state_body_re.finditer(text, lo, title_start):
            pass
        if body is None:  # (巴勒斯坦伊斯兰抵抗运动（哈马斯）政治局新任主席: a movement's name may stand further)
            for body in self.lex.movement_re.finditer(text, max(0, lo - 12), title_start):
                pass
        return body is not None and not CLAUSE_BREAK.search(text, body.end(), title_start) \
            and "、" not in text[body.end() : title_start]

    @staticmethod
    def _last_joint_title(text: str, tokens: list[Token], i: int) -> int:
        """The last of the titles one person holds (副总理兼外长, 王储兼首相): the one the name follows."""
        while (i + 1 < len(tokens) and tokens[i + 1].kind == "title"
               # (国务委员兼公安部部长, 副总理兼内政部长: the second title's organ after 兼)
               and JOINT_TITLE.fullmatch(text, tokens[i].end, tokens[i + 1].start)):
            i += 1
        return i

    def _country_list(self, text: str, tokens: list[Token], i: int, when: date | None
                      ) -> tuple[Slot, int] | None:
        """Countries named in full and listed before a group word (巴西、南非等国领导人, 沙特、
        巴林领导人): a group of each country's leader (or head of state, foreign minister …), and the
        index of the token after the list."""
        j = i
        while (j + 1 < len(tokens) and tokens[j + 1].kind == "country"
               and text[tokens[j].end : tokens[j + 1].start] in LIST_JOINERS):
            j += 1
        if j > i and tokens[i].record.iso3 == tokens[i + 1].record.iso3:
            return None  # 前往以色列与以色列总理…会晤: the destination, then the title's country, is no list
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        head = self.lex.group_head_after_list_re.match(text, tokens[j].end)
        if head is None:
            return None
        if j == i and not head.group().startswith("等") and head.group(1) in self.lex.titles:
            return None  # 美国总统 is a title; one country alone is a group as 伊拉克领导人, 法国等国领导人
        if after is not None and after.kind == "title" and after.start < head.end():
            if j == i:
                return None
            skip = j + 2  # 中国、俄罗斯两国总统: the title is the group word
        else:
            skip = j + 1
        cue = self.lex.group_heads[head.group(1)]
        countries = dict.fromkeys(tokens[k].record.iso3 for k in range(i, j + 1))
        parties = tuple(self._leader(c, cue, when) for c in countries)
        return Slot(tokens[i].start, head.end(), "party", parties, group=True), skip

    def _envoys(self, text: str, tokens: list[Token]) -> list[Token]:
        """An envoy's title with who sent them (美国总统特使, 习近平主席特使, 阿联酋总统中国事务特使)
        made one token: the sender is not a party, the envoy is, of the sender's country."""
        out: list[Token] = []
        for t in tokens:
            cue = self.lex.envoy_titles.get(text[t.start : t.end]) if t.kind == "title" else None
            if cue is None:
                out.append(t)
                continue
            sender: list[Token] = []
            while (out and len(sender) < 5 and out[-1].kind in ("country", "title", "person", "surname", "named")
                   and (joins(text, out[-1].end, (sender[-1] if sender else t).start, ORGAN_GAP)
                        # 老挝人革党中央总书记、国家主席通伦特使: the sender's titles, one after another
                        or sender and sender[-1].kind == "title" and out[-1].kind == "title"
                        and text[out[-1].end : sender[-1].start] == "、")
                   # 阿拉格齐与美国特使: a conjunction or a verb ends the sender (not 的 right before the
                   # title: 巴西总统卢拉的特使阿莫林 is Lula's envoy)
                   and (not sender and text[out[-1].end : t.start] == "的"
                        or not any(ch in self.lex.name_stop_chars
                                   for ch in text[out[-1].end : (sender[-1] if sender else t).start]))):
                sender.append(out.pop())
            country = cue.country
            for s in reversed(sender):  # the first named: 阿联酋总统中国事务特使 is the UAE's
                record = s.record[0] if isinstance(s.record, tuple) else s.record
                country = country or getattr(record, "iso3", None) or getattr(record, "country", None)
            envoy = Token(sender[-1].start if sender else t.start, t.end, "envoy",
                           TitleCue(cue.office, cue.title, cue.level, country))
            envoy.rank = t.rank
            out.append(envoy)
        return out

    def _titled(
        self,
        state: DocState,
        tokens: list[Token],
        i: int,
        when: date | None,
        country: str | None,
        start: int,
        of_the_state: bool = True,
    ) -> tuple[Slot | None, int]:
        """A party from the title at ``tokens[i]`` (with its country, if any): named, or the office holder.

        No office holder is looked up for a title of a part of the country (``of_the_state`` False:
        阿布扎比王储 is not the UAE's) or a former one (前总理, 原外长): the party is then the
        name written after the title, or the country alone.
        """
        text = state.text
        title: TitleCue = tokens[i].record
        former = text[tokens[i].start - 1 : tokens[i].start] in self.lex.former_marks
        if former:
            of_the_state = False
        end = tokens[i].end
        if text.startswith(DELEGATION_AFTER_TITLE, end):
            end += len(DELEGATION_AFTER_TITLE)  # 美国国会参议员代表团戴安斯一行: the delegation's leader
        if country is None and title.country is None:
            # 美军参谋长联席会议主席凯恩, 以军总参谋长扎米尔: a country's armed forces by its abbreviation
            army = MILITARY_OF.search(text, max(0, tokens[i].start - ORGAN_GAP), tokens[i].start)
            if army is not None and army.end() == tokens[i].start:
                country = state.abbreviations.get(army.group(1))
        named_country = country  # a country token before the title, not the title's own (国家主席: CHN)
        country = country or title.country
        # 联合国秘书长, 北约秘书长: an international organisation's official acts for no state
        of_organisation = country is None and self._organisation_office(title.office)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "named" and joins(text, end, nxt.start, 1):
            return Slot(start, nxt.end, "party", (nxt.record,), nxt.record.country), i + 2
        if (nxt is not None and nxt.kind in ("person", "surname") and end < nxt.start
                and self.lex.foreign_name_re.fullmatch(text, end, nxt.end)
                and not any(getattr(p, "name_zh", None) and text[end : nxt.end] in p.name_zh
                            for p in (nxt.record if isinstance(nxt.record, tuple) else (nxt.record,)))):
            # 中央组织部部长西沙瓦: a name the knowledge base knows (沙瓦) inside a longer one right after the
            # title is not that person; the whole name is written, of the country named last
            written = text[end : nxt.end]
            of = country or next((t.record.iso3 for t in reversed(tokens[:i]) if t.kind == "country"), None)
            if of is None:
                return None, i + 2
            party = Party(name=written, country=of, office=title.title, level=title.level)
            state.unknown_people.setdefault(written, party)
            return Slot(start, nxt.end, "party", (party,), of, former=former), i + 2
        if nxt is not None and nxt.kind in ("person", "surname") and (
            joins(text, end, nxt.start, 1)
            # 国务委员兼国务院秘书长吴政隆: a second title the lexicon lacks, after 兼, before the name
            or (nxt.kind == "person" and JOINT_TITLE.fullmatch(text, end, nxt.start) is not None)
            # 总统阿莱克桑达尔·武契奇: a given name the knowledge base does not list before a surname it does
            or self.lex.given_name_re.fullmatch(text, end, nxt.start)
        ):
            record = nxt.record
            # (of several people the knowledge base knows by that name, none of this country: the same)
            if named_country is not None and joins(text, end, nxt.start, 1) and all(
                    p.country != named_country for p in (record if isinstance(record, tuple) else (record,))):
                # 法国总统外事顾问博纳: a person of another country the KB knows by that short name is not
                # who a title of this country names; the name stays as written, of this country
                name = text[nxt.start : nxt.end]
                # (古巴外长罗德里格斯: unless this country's office holder bears the name in full)
                holder = self._holder_by_name_part(country, name, title, when) if of_the_state else None
                party = (self._person_party(holder, when, title) if holder is not None
                         else Party(name=name, country=country, office=title.title, level=title.level))
                state.unknown_people.setdefault(name, party)
                return Slot(start, nxt.end, "party", (party,), country, person=holder, former=former), i + 2
            given = text[end : nxt.start].rstrip("·• ")
            if given and isinstance(record, tuple):
                # 库尔班古力·别尔德穆哈梅多夫: of those who share the surname, the one with that given name
                record = tuple(p for p in record if (p.name_zh or "").startswith(given)) or record
                record = record[0] if len(record) == 1 else record
            person = self._pick(record, when, country, title)
            party = self._person_party(person, when, title)
            return Slot(start, nxt.end, "party", (party,), party.country, person=person, former=former), i + 2
        bound = nxt.start if nxt is not None else len(text)
        if nxt is not None and nxt.kind == "place" and nxt.start == end:
            bound = len(text)  # 总统帕特森: a name that is also a town's name
        name = self._unknown_name(text, end, bound, country)
        if country is None and not of_organisation:
            # 同朝鲜劳动党中央政治局常委、中央书记、组织指导部部长赵甬元: a name in characters after a title
            # that the country named before does not reach (a Korean, Vietnamese, Japanese name); read so
            # also when a transliteration reads only its start (越南祖国阵线中央委员会主席杜文战, not 杜文)
            guess = next((t.record.iso3 for t in reversed(tokens[:i]) if t.kind == "country"), None)
            if guess is not None and (guess in self.lex.surname_first or guess in self.lex.any_han):
                han = self._unknown_name(text, end, bound, guess)
                if han and (not name or (len(han) > len(name) and han.startswith(name))):
                    name, country = han, guess
        if name:
            written = name
            name_end = end + len(name)
            while i + 1 < len(tokens) and tokens[i + 1].start < name_end:
                i += 1  # tokens inside the name
            gloss = LATIN_GLOSS.match(text, name_end)
            person = None
            if gloss:
                person = self.kb.person(gloss.group(1))
                name = gloss.group(1) if person is None else name
                name_end = gloss.end()
            if person is None and re.search(r"[·•]", written):
                # 阿莱克桑达尔·武契奇: the knowledge base may know the surname the news usually writes alone,
                # the last part of the name or, after a second surname, one before it (…·诺沃亚·阿辛)
                for part in reversed(re.split(r"[·•]", written)[1:]):
                    known = self.kb.person(part) if len(part) >= 2 else None
                    known = self._pick(known, when, country, title) if known is not None else None
                    if known is not None and (country is None or known.country == country):
                        person = known
                        break
            of_body = i > 0 and tokens[i - 1].kind == "forum" and getattr(tokens[i - 1].record, "kind", "") == \
                "organisation" and joins(text, tokens[i - 1].end, tokens[i].start, 1)
            if country is None and not of_organisation and of_body and person is None:
                # 欧洲议会副议长奥马吉: an official of an international organisation's body acts for no state
                party = Party(name=name, country=None, office=title.title, level=title.level)
                state.unknown_people.setdefault(text[end : end + len(written)], party)
                return Slot(start, name_end, "party", (party,), None, former=former), i + 1
            if country is None and not of_organisation:
                # …会见哈萨克斯坦总统托卡耶夫，同议会上院议长阿希姆巴耶夫会谈: a foreign name after a
                # title of no country is of the country the sentence named last
                country = next((t.record.iso3 for t in reversed(tokens[:i]) if t.kind == "country"), None)
                if country is None and (title.level == "subnational" or SUBNATIONAL_ORGAN.search(
                        text, max(0, tokens[i].start - ORGAN_GAP), tokens[i].start)):
                    # 在伊尔库茨克州会见州长科布泽夫和州立法会议主席…: a governor's, a mayor's title, or one of
                    # a region's or a city's organ, is of the country of the place named last
                    country = next((t.record.country for t in reversed(tokens[:i])
                                    if t.kind == "place" and t.record.country), None)
                    of_the_state = False
                if country is None and text.startswith(("率领的", "带领的"), name_end):
                    # 会见由议长马兹鲁伊率领的阿联酋联邦国民议会代表团: the head is of the delegation's country
                    country = next((t.record.iso3 for t in tokens[i + 1 :]
                                    if t.kind == "country" and t.start == name_end + 3), None)
                if country is None:
                    return None, i + 1
            if person is None and country is not None and of_the_state:
                # 英国外交大臣库珀, 沙特外交大臣费萨尔: the part of a name the knowledge base gives in full,
                # of whoever holds an office of that country on the day (the title's office first)
                person = self._holder_by_name_part(country, written, title, when)
                if person is not None:
                    party = self._person_party(person, when, title)
                    state.unknown_people.setdefault(written, party)  # the name again later in the story
            if person is not None:
                party = self._person_party(person, when, title)
                return Slot(start, name_end, "party", (party,), party.country, person=person,
                             former=former), i + 1
            party = Party(name=name, country=country, office=title.title, level=title.level)
            state.unknown_people.setdefault(text[end : end + len(written)], party)
            return Slot(start, name_end, "party", (party,), country, former=former), i + 1
        if of_organisation and not former:  # the holder of the organisation's office then
            party = self._office_party(None, title.office, title.title, title.level, when)
            return Slot(start, end, "party", (party,), None), i + 1
        if country is None:
            return None, i + 1
        if not of_the_state:
            return Slot(start, end, "party", (Party(None, country, title.title, title.level),), country), i + 1
        party = self._office_party(country, title.office, title.title, title.level, when)
        if party.name:
            state.office_holders.append(party)
        return Slot(start, end, "party", (party,), country), i + 1

    def _unknown_name(self, text: str, pos: int, bound: int, country: str | None) -> str | None:
        """A name the knowledge base does not know, written right after a title."""
        lex = self.lex
        if country in lex.surname_first or country in lex.any_han:
            if pos >= bound or text[pos] in lex.name_stop_chars or lex.trigger_re.match(text, pos):
                return None  # 与日本首相通电话: no name after the title (通电话 is none)
            if country in lex.surname_first and (pos >= bound or text[pos] not in lex.surnames):
                # 新加坡副总理颜金勇: a surname the list lacks (not a transliterated name: 基金会主席索文森)
                name = self._tagged_name(text, pos, bound)
                return None if name is None or lex.foreign_name_re.fullmatch(name) else name
            longest = 3 if country in lex.surname_first else 4
            name = text[pos : pos + 1]
            for k in range(1, longest):
                ch = text[pos + k] if pos + k < bound else ""
                if not is_han(ch) or ch in lex.name_stop_chars:
                    break
                name += ch
            return name if len(name) >= 2 and is_han(name[0]) else None
        m = lex.foreign_name_re.match(text, pos, bound)
        if m is None:
            # 美国前运输部长赵小兰, 捷克众议长冈村富夫: a foreign official may bear a name in characters
            return self._tagged_name(text, pos, bound)
        # 威特科夫通电话: the name ends where a trigger begins
        trigger = lex.trigger_re.search(text, pos + 2, m.end() + 8)
        name = text[pos : trigger.start()] if trigger and trigger.start() < m.end() else m.group()
        if name.endswith("夫") and text.startswith(SPOUSE_MARKS, pos + len(name) - 1):
            name = name[:-1]  # 贝拉米洛夫妇, 贝拉米洛夫人: the couple, the wife; 夫 ends no name here
        return name.strip("·-") or None

    def _holder_by_name_part(self, country: str | None, written: str, title: TitleCue, when: date | None) -> Any:
        """The one person holding an office of ``country`` on ``when`` whose full name has ``written`` as a
        part (the title's office first), if there is one."""
        if country is None or when is None:
            return None
        named = self.kb.holders_by_name_part(country, written, when)
        fitting = [p for p in named if any(tm.office == title.office and tm.covers(when) for tm in p.terms)]
        return (fitting or named)[0] if len(fitting or named) == 1 else None

    def _tagged_name(self, text: str, pos: int, bound: int) -> str | None:
        """A name in characters right after a title that the segmenter tags as a person's (nr), alone
        or after a word it takes for a place (冈村 富夫), two to four characters, ending where a
        word of another kind begins (赵小兰。, 冈村富夫举行会谈; not 当天表示, 近日访华)."""
        window = text[pos : min(bound, pos + 8)]
        if len(window) < 2 or not is_han(window[0]):
            return None
        words = list(self.segmenter.tag(window))
        name = ""
        for k, (word, tag) in enumerate(words[:2]):
            if not all(is_han(ch) for ch in word):
                break
            if tag.startswith("nr"):
                name += word
                break
            if k == 0 and tag in ("ns", "nz") and len(words) > 1 and words[1][1].startswith("nr"):
                name += word
                continue
            return None
        if not 2 <= len(name) <= 4 or name[-1] in self.lex.name_stop_chars:
            return None
        after = pos + len(name)
        if after < len(text) and is_han(text[after]) and text[after] not in self.lex.name_stop_chars \
                and not self.lex.trigger_re.match(text, after):
            return None  # 最高领袖顾问拉里贾尼: a word before the name, not the name
        return name

    # -- parties ------------------------------------------------------------------------------

    def _office_cue(self, office: Any) -> TitleCue:
        """A title the knowledge base knows (and the lexicon does not), as a lexicon title."""
        cue = self._office_cues.get(office.key)
        if cue is None:
            title = office.titles_en[0] if office.titles_en else office.key
            cue = self._office_cues[office.key] = TitleCue(office.key, title, office.level, None)
        return cue

    def _organisation_office(self, office_key: str) -> bool:
        """Whether an office key is an international organisation's (its holder acts for no state)."""
        office = self.kb.offices.get(office_key)
        return office is not None and office.organisation is not None

    def _pick(self, record: Any, when: date | None, country: str | None, cue: TitleCue | None) -> Any:
        """The person a name means: one person, or among those who share it (a tuple, most recently
        appointed first) the one of ``country`` holding the office of ``cue`` on ``when``."""
        if not isinstance(record, tuple):
            return record
        candidates = [p for p in record if country is None or p.country == country] or list(record)
        if when is not None:
            holding = [(p, self.kb.term_on(p, when)) for p in candidates]
            holding = [(p, t) for p, t in holding if t is not None]
            fitting = [p for p, t in holding if cue is None or t.office == cue.office]
            if fitting or holding:
                return (fitting or [p for p, _ in holding])[0]
        return candidates[0]

    def _person_party(self, person: Any, when: date | None, cue: TitleCue | None) -> Party:
        term = None
        if when is not None:
            try:
                term = self.kb.term_on(person, when)
            except (ValueError, TypeError):
                term = None
        if term is not None:  # an organisation's office is of no country (term.organisation)
            return Party(person.name, term.country if term.organisation is None else None, term.title, term.level)
        return Party(person.name, person.country, cue.title if cue else None, cue.level if cue else None)

    def _leader(self, country: str, head: dict[str, Any], when: date | None) -> Party:
        """The party a group word (中俄元首, 中日领导人) names for one country."""
        if head.get("leader"):  # whoever leads that country (summitry.kb's leaders.csv)
            office = self.kb.leader_office(country)
            level = self.kb.offices[office].level if office in self.kb.offices else head["level"]
            return self._office_party(country, office, None, level, when)
        return self._office_party(country, head["office"], None, head["level"], when)

    def _office_party(
        self, country: str, office: str, title: str | None, level: str | None, when: date | None
    ) -> Party:
        """The holder of ``office`` in ``country`` on ``when``, or the office alone when unknown
        (``country`` None: an international organisation's office, which names the organisation)."""
        key = (country, office, title, level, when)
        party = self._office_cache.get(key)
        if party is None:
            # (an office only the lexicon names, 参议员's legislature_member, is held by no one on record)
            known = office in self.kb.offices
            person = self.kb.resolve_office(country, office, when) if when is not None and known else None
            party = (
                self._person_party(person, when, None)
                if person is not None
                else Party(None, country, title, level)
            )
            if len(self._office_cache) > 50_000:
                self._office_cache.clear()
            self._office_cache[key] = party
        return replace(party)  # parties are mutable records: each event gets its own

    def _last_person(self, state: DocState, pos: int) -> Any:
        i = bisect.bisect_left(state.person_marks, pos, key=lambda pm: pm[0])
        return state.person_marks[i - 1][1] if i else None

    def _last_pair(self, state: DocState, pos: int) -> tuple[Party, ...]:
        """The last two people of different countries named before ``pos``."""
        i = bisect.bisect_left(state.person_marks, pos, key=lambda pm: pm[0])
        picked: list[Any] = []
        for _, person in reversed(state.person_marks[:i]):
            if all(p.country != person.country for p in picked):
                picked.append(person)
                if len(picked) == 2:
                    break
        if len(picked) < 2:
            return ()
        return tuple(self._person_party(p, state.published, None) for p in reversed(picked))
