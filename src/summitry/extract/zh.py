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

Each report is its own event with one mention; a caption repeating the body yields the same
event again, and fusion (``summitry.fuse``) makes one event, and one mention per document, of them.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from summitry.extract import mention_event_id
from summitry.extract.zh_lexicon import Lexicon, TitleCue, load_lexicon
from summitry.extract.zh_text import Sentence, SimplifiedConverter, mask_markup, split_sentences
from summitry.records import Document, Event, Mention, Party

# Countries whose people bear Chinese names written the Chinese way (surname first, 2–3 characters).
_CHINESE_NAMED = frozenset({"CHN", "TWN", "HKG", "MAC", "SGP"})
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
# How many characters of an organ's name may stand between a country and a title (越共中央书记处常务书记).
_ORGAN_GAP = 8
_CLAUSE_BREAK_BEFORE = re.compile(r"[，,；;：:。！？!?][^，,；;：:。！？!?]*$")
# What stands right before a party that is an object, not a subject (同时任美国国务卿…, 会见了…).
_OBJECT_LEAD = re.compile(
    r"(?:[同与跟向为给和及]|会见了?|会晤了?|接见了?|看望了?|邀请|致电)"
    r"(?:时任|现任|前任|新任|候任|当选)?"
    # an organ before a title of no country (同议会上院议长…): the party's title begins with it
    r"(?:议会|国会|政府|联邦|国家|外交部|国防部|参议院|众议院|最高)?\s*$"
)
_LIST_JOINERS = ("、", "和", "及", "与", "以及", "同")
_LATIN_GLOSS = re.compile(r"\s*[（(]\s*([A-Za-z][A-Za-z .'\-]{1,60}?)\s*[)）]")
# A gathering noun with nothing but a demonstrative before it (此次峰会) means the one named before.
_BARE_GATHERING = re.compile(r"(?:此次|本次|这次|该|上述|本届|此届|这届|这一)?")
# A news agency's dateline (新华社巴黎5月6日电): its city is where the report was filed.
_DATELINE = re.compile(r"[^，。：:\s]{0,16}?(?:\d{1,2}月)?(?:\d{1,2}日)?电[\s（(]")
# A clause that ends like this is a time clause (继…会面后，): its date is its own.
_TIME_CLAUSE_END = re.compile(r"(?:后|以后|之后|以来|之前|前|时)\s*[，,；;：:]")
# Which place names an event's place best when several stand together (北京人民大会堂 → Beijing).
_PLACE_RANK = {"capital": 0, "city": 0, "landmark": 2, "subdivision": 3}
_LOCATIVE = ("在", "于", "赴", "前往", "抵达")
# 自…以来, 自从…以来: "since" an event.
_SINCE = re.compile(r"自(?:从)?[^，,；;：:]{1,30}?以来")
# A day of the month with neither month nor year (21日): its month depends on the tense.
_BARE_DAY = re.compile(r"[0-9０-９一二三四五六七八九十]{1,3}[日号]")
_AFTER_THAT = re.compile(r"(?<![先前随然最])后|以来")  # not 先后, 随后: those order events, they do not end a time clause
# How many sentences back an attending verb without object (…等出席。) may find its gathering.
_GATHERING_LOOKBACK = 3
# How far after an attending verb its gathering may be named.
_ATTEND_REACH = 28
# An attending verb that ends its clause (…等国领导人与会。, 也应邀出席。): it takes no object.
_NO_OBJECT = re.compile(r"了?\s*(?:[，,。；;！!]|$)")
_SIDE_NOTE = re.compile(r"\s*[（(][^（）()]{1,6}[)）]")  # （左）, （右）
# How near a gathering of the knowledge base must be to the publication day to date an
# undated report of it (the article is about that edition).
_EDITION_WINDOW = timedelta(days=60)


@dataclass
class _Slot:
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
    specific: int = 9  # how well a place names where an event is: a city best (see _PLACE_RANK)


@dataclass
class _Token:
    start: int
    end: int
    kind: str  # person | country | place | forum | title | group | country_actor | pair | pronoun | surname
    record: Any = None
    rank: int = 0


@dataclass
class _DocState:
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
        matches = sorted(self.matcher.find(text), key=lambda m: (m.start, -(m.end - m.start)))
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
        spans = [s for s in find_dates(text, "zh", anchor) if s.interval is not None]
        sentences = split_sentences(text)
        state = _DocState(
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
            if not in_sentence:
                continue
            lo = bisect.bisect_left(starts, sent.start)
            hi = bisect.bisect_left(starts, sent.end)
            kb_matches = [m for m in matches[lo:hi] if m.end <= sent.end]
            self._read_sentence(state, sent, in_sentence, kb_matches)
        return state.events

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
        named = {m.record.iso3 for m in matches if m.kind == "country"}
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

    def _paragraph_speech(self, state: _DocState, sent: Sentence) -> re.Match | None:
        """The speech verb that opens the words a sentence continues (李强表示，…。昨天，习近平主席同总统
        先生举行会谈…。): the first one of its paragraph before it, if any."""
        first = next((s for s in state.sentences if s.paragraph == sent.paragraph), sent)
        if first is sent:
            return None
        return self.lex.speech_re.search(state.text, first.start, sent.start)

    def _learn_surnames(self, state: _DocState, sent: Sentence) -> None:
        """Chinese persons named in full up to this sentence can be referred to by surname alone."""
        marks = state.person_marks
        while state.persons_learnt < len(marks) and marks[state.persons_learnt][0] < sent.end:
            offset, person = marks[state.persons_learnt]
            state.persons_learnt += 1
            zh = getattr(person, "name_zh", "") or ""
            if person.country in _CHINESE_NAMED and len(zh) >= 2 and state.text.startswith(zh, offset):
                state.surnames.setdefault(zh[0], person)

    # -- sentence -----------------------------------------------------------------------------

    def _read_sentence(
        self, state: _DocState, sent: Sentence, triggers: list[tuple[int, int, str]], kb_matches: list[Any]
    ) -> None:
        text = state.text
        triggers = [
            t for t in triggers if t[2].startswith(("赴", "访")) or self._begins_word(text, sent, t[0], t[1])
        ]
        if not triggers:
            return
        when = self._sentence_day(state, sent)
        tokens = self._tokens(state, sent, kb_matches)
        slots = self._slots(state, sent, tokens, when)
        clause_starts = [sent.start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end)]
        invitations = [
            (m.start(), m.end()) for m in self.lex.invitation_re.finditer(text, sent.start, sent.end)
        ]
        frame = _Frame(self, state, sent, slots, clause_starts, invitations, when, [t[0] for t in triggers])
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
        if lo == start or not _is_han(text[start - 1]):
            return True
        pos = lo
        for word in self.segmenter.cut(text[lo : min(sent.end, end + 2)]):
            if pos >= start:
                return pos == start
            pos += len(word)
        return False

    def _sentence_day(self, state: _DocState, sent: Sentence) -> date | None:
        """The day people's offices are looked up for: the sentence's first date, else publication."""
        i = bisect.bisect_left(state.date_starts, sent.start)
        if i < len(state.dates) and state.dates[i].start < sent.end:
            interval = state.dates[i].interval
            if state.published and interval.start <= state.published <= interval.end:
                return state.published  # 今年: the office holders of the day of writing
            return interval.start
        return state.published

    def _tokens(self, state: _DocState, sent: Sentence, kb_matches: list[Any]) -> list[_Token]:
        """Every name, title and reference in the sentence, overlaps resolved longest first."""
        lex, text, s0, s1 = self.lex, state.text, sent.start, sent.end
        found: list[_Token] = []
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
            found.append(_Token(m.start, m.end, kind, record))
        for m in lex.party_country_re.finditer(text, s0, s1):
            country = self.kb.country(lex.party_countries[m.group()])
            if country is not None:
                found.append(_Token(m.start(), m.end(), "country", country))
        for m in lex.city_abbreviation_re.finditer(text, s0, s1):
            place = self.kb.place(lex.city_abbreviations[m.group()])
            if place is not None:
                found.append(_Token(m.start(), m.end(), "place", place))
        for m in lex.title_re.finditer(text, s0, s1):
            found.append(_Token(m.start(), m.end(), "title", lex.titles[m.group()]))
        for m in lex.group_re.finditer(text, s0, s1):
            found.append(
                _Token(
                    m.start(),
                    m.end(),
                    "group",
                    ([state.abbreviations[c] for c in m.group(1)], lex.group_heads[m.group(2)]),
                )
            )
        for m in lex.sides_abbr_re.finditer(text, s0, s1):
            found.append(_Token(m.start(), m.end(), "sides", [state.abbreviations[c] for c in m.group(1)]))
        for m in lex.country_actor_re.finditer(text, s0, s1):
            found.append(_Token(m.start(), m.end(), "country_actor", state.abbreviations[m.group(1)]))
        for m in lex.pair_re.finditer(text, s0, s1):
            found.append(_Token(m.start(), m.end(), "pair"))
        for m in lex.pronoun_re.finditer(text, s0, s1):
            found.append(_Token(m.start(), m.end(), "pronoun"))
        speech = lex.speech_re.search(text, s0, s1) or self._paragraph_speech(state, sent)
        if speech is not None:  # reported speech: 我 and 总统先生 (see the lexicon)
            for m in lex.speaker_re.finditer(text, max(s0, speech.end()), s1):
                found.append(_Token(m.start(), m.end(), "speaker", speech.start()))
            for m in lex.address_re.finditer(text, max(s0, speech.end()), s1):
                found.append(
                    _Token(m.start(), m.end(), "addressee", (lex.titles[m.group(1)], speech.start()))
                )
            for m in lex.addressee_pronoun_re.finditer(text, max(s0, speech.end()), s1):
                found.append(_Token(m.start(), m.end(), "addressee", (None, speech.start())))
        for written, party in state.unknown_people.items():
            pos = text.find(written, s0, s1)
            while pos >= 0:
                found.append(_Token(pos, pos + len(written), "named", party))
                pos = text.find(written, pos + len(written), s1)
        for surname, person in state.surnames.items():
            pos = text.find(surname, s0, s1)
            while pos >= 0:
                before = text[pos - 1] if pos > 0 else ""
                after = text[pos + 1] if pos + 1 < len(text) else ""
                if (not _is_han(before) or before in lex.surname_after) and after in lex.surname_before:
                    found.append(_Token(pos, pos + 1, "surname", person))
                pos = text.find(surname, pos + 1, s1)
        # 俄罗斯驻委内瑞拉大使: where a diplomat is posted is not their country (the one before 驻 is)
        found = [t for t in found if not (t.kind == "country" and text[t.start - 1 : t.start] == "驻"
                                          and any(u.kind == "title" and 0 <= u.start - t.end <= 2 for u in found))]
        # 布达诺夫: a short place name that runs on into a transliterated name is part of the name
        found = [t for t in found if t.kind != "place" or t.end - t.start > 2
                 or not lex.foreign_name_re.match(text, t.end, min(t.end + 2, s1))]
        # 书记处, 总统府: a title word opening an organ's name is no title
        found = [t for t in found if t.kind != "title" or text[t.end : t.end + 1] not in lex.title_not_before]
        for t in found:
            t.rank = rank[t.kind]
        found.sort(key=lambda t: (t.start, -(t.end - t.start), t.rank))
        kept: list[_Token] = []
        reach = -1
        for t in found:
            if t.start >= reach:
                kept.append(t)
                reach = t.end
        return kept

    def _slots(
        self, state: _DocState, sent: Sentence, tokens: list[_Token], when: date | None
    ) -> list[_Slot]:
        """Tokens joined into parties (country + title + name), locations and gatherings."""
        text = state.text
        slots: list[_Slot] = []
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
                and _joins(text, nxt.end, tokens[title_at + 1].start)
            ):
                title_at += 1  # 阿联酋阿布扎比王储: a title of a part of the country
            if (
                t.kind == "country"
                and title_at < len(tokens)
                and tokens[title_at].kind == "title"
                # 越共中央书记处常务书记, 美国驻华大使: the organ between country and title is part of it
                and _joins(text, tokens[title_at - 1].end, tokens[title_at].start, _ORGAN_GAP)
                # 丹麦诺和诺德基金会主席: a foundation's, a company's chair is no officer of the state
                and not self.lex.non_state_body_re.search(text, tokens[title_at - 1].end, tokens[title_at].start)
            ):
                slot, used = self._titled(state, tokens, title_at, when, t.record.iso3, t.start,
                                          of_the_state=title_at == i + 1)
                if slot is not None:
                    slots.append(slot)
                    i = used
                    continue
            if t.kind == "title":
                slot, used = self._titled(state, tokens, i, when, None, t.start)
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
                slots.append(_Slot(t.start, end, "party", (party,), party.country, person=person))
            elif t.kind == "named":
                end = t.end
                if nxt is not None and nxt.kind == "title" and nxt.start == t.end:  # 朔尔茨总理
                    end = nxt.end
                    i += 1
                slots.append(_Slot(t.start, end, "party", (t.record,), t.record.country))
            elif t.kind == "country":
                slots.append(_Slot(t.start, t.end, "loc", country=t.record.iso3))
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
                        slots.append(_Slot(t.start, t.end, "loc", country=prev.record.iso3))
                        i += 1
                        continue
                loc = _Slot(
                    t.start,
                    t.end,
                    "loc",
                    country=place.country,
                    place=place.name,
                    specific=_PLACE_RANK.get(place.kind, 1),
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
                        loc = _Slot(
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
                slots.append(_Slot(t.start, t.end, "forum", forum=t.record))
            elif t.kind == "group":
                countries, head = t.record
                parties = tuple(self._leader(c, head, when) for c in dict.fromkeys(countries))
                slots.append(_Slot(t.start, t.end, "party", parties, group=True))
            elif t.kind == "sides":  # 俄美乌谈判: the countries are the sides
                parties = tuple(Party(country=c) for c in dict.fromkeys(t.record))
                slots.append(_Slot(t.start, t.end, "party", parties, group=True))
            elif t.kind == "country_actor":
                slots.append(_Slot(t.start, t.end, "party", (Party(country=t.record),), t.record))
            elif t.kind == "pair":  # parties filled in when a trigger reads it (see _Frame.refer)
                slots.append(_Slot(t.start, t.end, "party", (), group=True, pair=True))
            elif t.kind == "speaker":  # 我: who speaks, the last person named before the speech verb
                person = self._last_person(state, t.record)
                if person is not None:
                    party = self._person_party(person, when, None)
                    slots.append(_Slot(t.start, t.end, "party", (party,), party.country, person=person))
            elif t.kind == "addressee":  # 总统先生: the other side of the last meeting or call
                cue, speech_at = t.record
                speaker = self._last_person(state, speech_at)
                others = [
                    p
                    for p in state.last_group or self._last_pair(state, t.start)
                    if speaker is None or p.name != speaker.name
                ]
                party = next((p for p in others if cue is not None and p.level == cue.level),
                             others[0] if others else None)
                if party is not None:
                    slots.append(_Slot(t.start, t.end, "party", (replace(party),), party.country))
            elif t.kind == "pronoun":  # the last person named before its clause (习近平邀请他: not Xi)
                clause = _CLAUSE_BREAK_BEFORE.search(text, sent.start, t.start)
                person = self._last_person(state, clause.start() + 1 if clause else t.start)
                if person is not None:
                    party = self._person_party(person, when, None)
                    slots.append(_Slot(t.start, t.end, "party", (party,), party.country, person=person))
            i += 1
        return slots

    def _country_list(self, text: str, tokens: list[_Token], i: int, when: date | None
                      ) -> tuple[_Slot, int] | None:
        """Countries named in full and listed before a group word (巴西、南非等国领导人, 沙特、
        巴林领导人): a group of each country's leader (or head of state, foreign minister …), and the
        index of the token after the list."""
        j = i
        while (j + 1 < len(tokens) and tokens[j + 1].kind == "country"
               and text[tokens[j].end : tokens[j + 1].start] in _LIST_JOINERS):
            j += 1
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
        return _Slot(tokens[i].start, head.end(), "party", parties, group=True), skip

    def _envoys(self, text: str, tokens: list[_Token]) -> list[_Token]:
        """An envoy's title with who sent them (美国总统特使, 习近平主席特使, 阿联酋总统中国事务特使)
        made one token: the sender is not a party, the envoy is, of the sender's country."""
        out: list[_Token] = []
        for t in tokens:
            cue = self.lex.envoy_titles.get(text[t.start : t.end]) if t.kind == "title" else None
            if cue is None:
                out.append(t)
                continue
            sender: list[_Token] = []
            while (out and len(sender) < 3 and out[-1].kind in ("country", "title", "person", "surname", "named")
                   and _joins(text, out[-1].end, (sender[-1] if sender else t).start, _ORGAN_GAP)
                   # 阿拉格齐与美国特使: a conjunction or a verb ends the sender
                   and not any(ch in self.lex.name_stop_chars
                               for ch in text[out[-1].end : (sender[-1] if sender else t).start])):
                sender.append(out.pop())
            country = cue.country
            for s in reversed(sender):  # the first named: 阿联酋总统中国事务特使 is the UAE's
                record = s.record[0] if isinstance(s.record, tuple) else s.record
                country = country or getattr(record, "iso3", None) or getattr(record, "country", None)
            envoy = _Token(sender[-1].start if sender else t.start, t.end, "envoy",
                           TitleCue(cue.office, cue.title, cue.level, country))
            envoy.rank = t.rank
            out.append(envoy)
        return out

    def _titled(
        self,
        state: _DocState,
        tokens: list[_Token],
        i: int,
        when: date | None,
        country: str | None,
        start: int,
        of_the_state: bool = True,
    ) -> tuple[_Slot | None, int]:
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
        named_country = country  # a country token before the title, not the title's own (国家主席: CHN)
        country = country or title.country
        # 联合国秘书长, 北约秘书长: an international organisation's official acts for no state
        of_organisation = country is None and self._organisation_office(title.office)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.kind == "named" and _joins(text, end, nxt.start, 1):
            return _Slot(start, nxt.end, "party", (nxt.record,), nxt.record.country), i + 2
        if nxt is not None and nxt.kind in ("person", "surname") and (
            _joins(text, end, nxt.start, 1)
            # 总统阿莱克桑达尔·武契奇: a given name the knowledge base does not list before a surname it does
            or self.lex.given_name_re.fullmatch(text, end, nxt.start)
        ):
            record = nxt.record
            if named_country is not None and not isinstance(record, tuple) and record.country != named_country \
                    and _joins(text, end, nxt.start, 1):
                # 法国总统外事顾问博纳: a person of another country the KB knows by that short name is not
                # who a title of this country names; the name stays as written, of this country
                name = text[nxt.start : nxt.end]
                party = Party(name=name, country=country, office=title.title, level=title.level)
                state.unknown_people.setdefault(name, party)
                return _Slot(start, nxt.end, "party", (party,), country, former=former), i + 2
            given = text[end : nxt.start].rstrip("·• ")
            if given and isinstance(record, tuple):
                # 库尔班古力·别尔德穆哈梅多夫: of those who share the surname, the one with that given name
                record = tuple(p for p in record if (p.name_zh or "").startswith(given)) or record
                record = record[0] if len(record) == 1 else record
            person = self._pick(record, when, country, title)
            party = self._person_party(person, when, title)
            return _Slot(start, nxt.end, "party", (party,), party.country, person=person, former=former), i + 2
        bound = nxt.start if nxt is not None else len(text)
        if nxt is not None and nxt.kind == "place" and nxt.start == end:
            bound = len(text)  # 总统帕特森: a name that is also a town's name
        name = self._unknown_name(text, end, bound, country)
        if name:
            written = name
            name_end = end + len(name)
            while i + 1 < len(tokens) and tokens[i + 1].start < name_end:
                i += 1  # tokens inside the name
            gloss = _LATIN_GLOSS.match(text, name_end)
            person = None
            if gloss:
                person = self.kb.person(gloss.group(1))
                name = gloss.group(1) if person is None else name
                name_end = gloss.end()
            if person is None and re.search(r"[·•]", written):
                # 阿莱克桑达尔·武契奇: the knowledge base may know the surname the news usually writes alone
                known = self.kb.person(re.split(r"[·•]", written)[-1])
                known = self._pick(known, when, country, title) if known is not None else None
                if known is not None and (country is None or known.country == country):
                    person = known
            if person is not None:
                party = self._person_party(person, when, title)
                return _Slot(start, name_end, "party", (party,), party.country, person=person,
                             former=former), i + 1
            if country is None and not of_organisation:
                # …会见哈萨克斯坦总统托卡耶夫，同议会上院议长阿希姆巴耶夫会谈: a foreign name after a
                # title of no country is of the country the sentence named last
                country = next((t.record.iso3 for t in reversed(tokens[:i]) if t.kind == "country"), None)
                if country is None:
                    return None, i + 1
            party = Party(name=name, country=country, office=title.title, level=title.level)
            state.unknown_people.setdefault(text[end : end + len(written)], party)
            return _Slot(start, name_end, "party", (party,), country, former=former), i + 1
        if of_organisation and not former:  # the holder of the organisation's office then
            party = self._office_party(None, title.office, title.title, title.level, when)
            return _Slot(start, end, "party", (party,), None), i + 1
        if country is None:
            return None, i + 1
        if not of_the_state:
            return _Slot(start, end, "party", (Party(None, country, title.title, title.level),), country), i + 1
        party = self._office_party(country, title.office, title.title, title.level, when)
        return _Slot(start, end, "party", (party,), country), i + 1

    def _unknown_name(self, text: str, pos: int, bound: int, country: str | None) -> str | None:
        """A name the knowledge base does not know, written right after a title."""
        lex = self.lex
        if country in lex.surname_first or country in lex.any_han:
            if country in lex.surname_first and (pos >= bound or text[pos] not in lex.surnames):
                return None
            longest = 3 if country in lex.surname_first else 4
            name = text[pos : pos + 1]
            for k in range(1, longest):
                ch = text[pos + k] if pos + k < bound else ""
                if not _is_han(ch) or ch in lex.name_stop_chars:
                    break
                name += ch
            return name if len(name) >= 2 and _is_han(name[0]) else None
        m = lex.foreign_name_re.match(text, pos, bound)
        if m is None:
            return None
        # 威特科夫通电话: the name ends where a trigger begins
        trigger = lex.trigger_re.search(text, pos + 2, m.end() + 8)
        name = text[pos : trigger.start()] if trigger and trigger.start() < m.end() else m.group()
        return name.strip("·-") or None

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
            person = self.kb.resolve_office(country, office, when) if when is not None else None
            party = (
                self._person_party(person, when, None)
                if person is not None
                else Party(None, country, title, level)
            )
            if len(self._office_cache) > 50_000:
                self._office_cache.clear()
            self._office_cache[key] = party
        return replace(party)  # parties are mutable records: each event gets its own

    def _last_person(self, state: _DocState, pos: int) -> Any:
        i = bisect.bisect_left(state.person_marks, pos, key=lambda pm: pm[0])
        return state.person_marks[i - 1][1] if i else None

    def _last_pair(self, state: _DocState, pos: int) -> tuple[Party, ...]:
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


class _DatesOfSentence(tuple):
    """(start, end, precision) read in the event's own sentence: ``dated_by`` "text"."""


class _DatesOfContext(tuple):
    """(start, end, precision) from elsewhere (an earlier sentence, the gathering's edition in the
    knowledge base): ``dated_by`` "context"."""


def _span_precision(start: date, end: date) -> str:
    """The precision of a known span: days, a whole month or year, or (wider) year."""
    if (end - start).days < 7:
        return "day"
    if start.day == 1 and (end + timedelta(days=1)).day == 1 and start.month == end.month:
        return "month"
    return "year" if (end - start).days > 62 else "month"


def _city(slot: _Slot) -> str | None:
    """The place an event record names: a city. A lone venue or province gives its country only,
    so that reports naming the city and reports naming the venue still agree."""
    return slot.place if slot.specific <= _PLACE_RANK["city"] + 1 else None


def _place_name(place: Any) -> str | None:
    """The city an event record names for a place record (see ``_city``): none for a venue or region."""
    return place.name if _PLACE_RANK.get(place.kind, 1) <= _PLACE_RANK["city"] + 1 else None


def _is_han(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _joins(text: str, end: int, start: int, limit: int = 3) -> bool:
    """Two tokens belong together: at most ``limit`` characters between them, no punctuation."""
    gap = text[end:start]
    if len(gap) > limit:
        return False
    return all(_is_han(ch) or ch in " ·" for ch in gap)


class _Frame:
    """The frames of the triggers of one sentence."""

    def __init__(
        self,
        engine: ChineseRuleEngine,
        state: _DocState,
        sent: Sentence,
        slots: list[_Slot],
        clause_starts: list[int],
        invitations: list[tuple[int, int]],
        when: date | None,
        trigger_starts: list[int],
    ):
        self.engine, self.lex, self.kb = engine, engine.lex, engine.kb
        self.state, self.text, self.sent = state, state.text, sent
        self.trigger_starts = trigger_starts
        self._clauses: dict[int, tuple[int, int]] = {}
        self.slots, self.clause_starts, self.invitations, self.when = slots, clause_starts, invitations, when
        self.parties = [s for s in slots if s.kind == "party"]  # pair slots may stay empty: see refer
        self.locs = [s for s in slots if s.kind == "loc"]

    def refer(self, pos: int) -> None:
        """Give 两国元首, 双方 … the parties of the last meeting or call reported before ``pos``."""
        group = self.state.last_group or self.engine._last_pair(self.state, pos)
        for slot in self.slots:
            if not slot.pair:
                continue
            slot.parties = tuple(group) if len(group) >= 2 else ()
            word = self.text[slot.start : slot.end]
            head = next((h for cue, h in self.lex.group_heads.items() if word.endswith(cue)), None)
            if head is not None and slot.parties:  # 两国元首: the heads of the countries last named
                countries = dict.fromkeys(p.country for p in slot.parties if p.country)
                slot.parties = tuple(self.engine._leader(c, head, self.when) for c in countries)

    # positions

    def clause_of(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause around ``pos`` (clauses end at ，；： — asked often, so kept)."""
        found = self._clauses.get(pos)
        if found is None:
            i = bisect.bisect_right(self.clause_starts, pos) - 1
            start = self.clause_starts[max(i, 0)]
            end = self.clause_starts[i + 1] if i + 1 < len(self.clause_starts) else self.sent.end
            found = self._clauses[pos] = (start, end)
        return found

    def invited(self, slot: _Slot) -> bool:
        return any(a <= slot.start and slot.end <= b for a, b in self.invitations)

    def object_of_preposition(self, slot: _Slot) -> bool:
        """The party is governed by 同/与/向 … or by a meeting verb (会见了X): not a subject."""
        lead = _OBJECT_LEAD.search(self.text, max(self.sent.start, slot.start - 8), slot.start)
        # 应习近平邀请 厄瓜多尔总统…: the close of 应…邀请 governs no one
        return lead is not None and not any(a <= lead.start() < b for a, b in self.invitations)

    # roles

    def subject_before(self, pos: int) -> _Slot | None:
        """The nearest party before ``pos`` that is neither an inviter nor the object of 同/与/向."""
        for slot in reversed(self.parties):
            if (
                slot.end <= pos
                and not slot.group
                and not self.invited(slot)
                and not self.object_of_preposition(slot)
            ):
                return slot
        return None

    def relative_head(self, te: int) -> _Slot | None:
        """The party a relative clause ending in 的 describes (来华出席峰会的印度总理莫迪)."""
        _, c1 = self.clause_of(te)
        de = self.text.find("的", te, c1)
        while de >= 0:
            if any(te <= s.start < de for s in self.parties):
                return None
            head = next((s for s in self.parties if s.start == de + 1 and not s.group), None)
            if head is not None:
                return head
            de = self.text.find("的", de + 1, c1)
        return None

    def invitee(self, ts: int) -> _Slot | None:
        """In X邀请Y访问Z, Y: the party right after the last 邀请 of the clause before the trigger."""
        c0, _ = self.clause_of(ts)
        at = self.text.rfind(self.lex.invited_cue, c0, ts)
        if at < 0 or any(a <= at < b for a, b in self.invitations):
            return None  # 应习近平邀请 厄瓜多尔总统将访华: the close of 应…邀请, not X邀请Y
        after = at + len(self.lex.invited_cue)
        return next(
            (s for s in self.parties if after <= s.start <= after + 1 and s.end <= ts and not s.group), None
        )

    def earlier_subject(self, ts: int) -> _Slot | None:
        """The subject of an earlier clause, unless this clause invites someone else (并邀请…赴…)."""
        c0, _ = self.clause_of(ts)
        if self.text.find(self.lex.invited_cue, c0, ts) >= 0:
            return None
        return self.subject_before(c0)

    def actor(self, ts: int, te: int) -> _Slot | None:
        """Who travels or attends: the head of a relative clause, the subject of the clause (or of an
        earlier one), else the subject that opens a later clause (在对X进行国事访问期间，习近平…)."""
        head = self.relative_head(te)
        if head is not None:
            return head
        c0, _ = self.clause_of(ts)
        invitee = self.invitee(ts)
        if invitee is not None:
            return invitee
        subject = self.subject_before(ts)
        if subject is not None and subject.start >= c0:
            return subject
        subject = self.earlier_subject(ts)
        if subject is not None:
            return subject
        later = next((s for s in self.parties if s.start >= ts and not s.group), None)
        if later is not None and (later.start in self.clause_starts or (
                self.lex.time_clause_end_re.search(self.text, ts, later.start)
                and not any(ts < t < later.start for t in self.trigger_starts))):
            # 在对朝鲜进行国事访问之际，中共中央总书记、国家主席习近平…: the subject after the time clause
            return later
        return None

    def meets_at(self, pos: int) -> bool:
        """A meeting or call is told right at ``pos`` (…与伊朗谈判, …同美方会谈)."""
        m = self.lex.trigger_re.match(self.text, pos, pos + 8) or self.lex.trigger_re.match(self.text, pos + 2)
        return m is not None and self.lex.triggers[m.group()]["type"] in ("meeting", "call")

    def chain_after(self, pos: int, candidates: list[_Slot], gap: int = 2) -> list[_Slot]:
        """Slots right after ``pos`` (within ``gap``), then those listed with 、/和/及 after them."""
        out: list[_Slot] = []
        reach = pos
        for slot in candidates:
            if slot.start < reach:
                continue
            between = self.text[reach : slot.start].strip()
            if not out:
                if slot.start - reach > gap or (between and between not in ("了", "到", "至", "于")):
                    break
            elif between not in _LIST_JOINERS:
                break
            elif between in ("与", "同") and self.meets_at(slot.end):
                break  # 前往瑞士与伊朗谈判: 与 governs who the talks are with, not another destination
            out.append(slot)
            reach = slot.end
            side = _SIDE_NOTE.match(self.text, reach)
            if side:
                reach = side.end()
        return out

    def status(self, actor: _Slot | None, ts: int, te: int) -> str | None:
        """The status the cues give (None: the event is denied)."""
        lex, text = self.lex, self.text
        c0, c1 = self.clause_of(ts)
        # Put off or called off: in the trigger's clause, or later in the sentence as long as no
        # other party comes in between (原定下月访华，但访问已被推迟).
        later = next((s.start for s in self.parties if s.start >= te), self.sent.end)
        for m in lex.status_re.finditer(text, c0, max(c1, later)):
            if lex.status[m.group()].get("scope") != "clause":
                continue
            if m.start() >= c1:  # a later clause: not when the cue governs an event of its own (取消…访问)
                _, m_end = self.clause_of(m.start())
                own = any(m.end() <= t < m_end for t in self.trigger_starts) and any(
                    m.end() <= slot.start < m_end for slot in (*self.locs, *self.parties))
                if own:  # (but 宣布推迟访问, a bare 访问 naming no one and nowhere, is this event's)
                    continue
            return lex.status[m.group()]["status"]
        if lex.negation_re.search(text, max(self.sent.start, ts - 4), ts):
            return None
        lo, hi = c0, ts
        if actor is not None and actor.end <= ts:
            lo = actor.end
        elif actor is not None:
            # the subject comes later (访问期间，习近平将…; 访土期间，丁薛祥作为…主席，将同…): the cues
            # after it count, up to the next event the sentence tells
            lo = actor.end
            hi = next((t for t in self.trigger_starts if t > actor.end), self.sent.end)
        status = "occurred"
        # talks named before what happens to them (下一次谈判可能在本周末举行, 谈判将于14日举行): the cue of
        # that predicate is theirs
        ahead = lex.talks_ahead_re.match(text, te)
        if ahead is not None and ahead.group(1) in lex.status:
            return lex.status[ahead.group(1)]["status"]
        for m in lex.status_re.finditer(text, lo, hi):
            entry = lex.status[m.group()]
            if entry.get("scope") == "clause":
                continue
            ender = lex.time_clause_end_re.search(text, m.end(), hi)
            if ender and _CLAUSE_BREAK.search(text, ender.end(), hi):
                continue  # 在即将卸任之际，… : the cue dates the time clause, not the event
            status = entry["status"]
        if actor is not None and actor is self.invitee(ts):
            status = lex.invited_status
        return status

    def date_span(self, ts: int) -> Any:
        """The date of the event at ``ts``: the nearest date before it in the sentence (not one that
        belongs to an earlier time clause with an event of its own: 继2015年在新加坡会面后，再次会面),
        else the first after it; for 当天/同日, the last date before the sentence."""
        state = self.state
        lo = bisect.bisect_left(state.date_starts, self.sent.start)
        hi = bisect.bisect_left(state.date_starts, self.sent.end)
        inside = [s for s in state.dates[lo:hi] if s.end <= self.sent.end]
        own_clause = self.clause_of(ts)[0]
        inside = [s for s in inside if not (s.interval.precision == "year"
                                            and self.lex.year_of_gathering_re.match(self.text, s.end))]
        since = _SINCE.search(self.text, self.sent.start, ts)
        own_start, own_end = self.clause_of(ts)
        later = next((s for s in inside if ts <= s.start < own_end), None)
        for span in reversed(inside):
            if later is not None and span.end <= ts and span.start < own_start:
                return later  # 媒体23日报道说，下一轮会谈预计于27日前后举行: the talks' own date
            if span.end > ts:
                continue
            if since is not None and since.start() <= span.start < since.end():
                continue  # 自2月底…以来，双方首次会晤: the date is what the time is counted from
            if (self.lex.speech_date_re.match(self.text, span.end) and self.text.find("，", span.end, ts) >= 0
                    and any(s.start >= ts for s in inside)):
                continue  # 特朗普16日称，…谈判可能在本周末举行: the day of the words; the talks have their own
            c0, c1 = self.clause_of(span.start)
            if c0 == own_clause and _AFTER_THAT.search(self.text, span.end, ts):
                continue  # 今年1月就任后的首次通话: the date is the earlier event's
            if (
                c1 <= own_clause
                and _TIME_CLAUSE_END.search(self.text, c0, c1)
                and any(c0 <= t < c1 for t in self.trigger_starts if t != ts)
            ):
                continue
            return span
        after = [s for s in inside if s.start >= ts]
        if after:
            return after[0]
        if self.lex.same_day_re.search(self.text, self.sent.start, self.sent.end):
            return next((d for d in reversed(state.dates[:lo]) if d.interval.precision == "day"), None)
        return None

    def dates(self, ts: int, status: str) -> tuple[str | None, str | None, str | None]:
        span = self.date_span(ts)
        if span is None:
            return None, None, None
        interval = span.interval
        published = self.state.published
        # The date was read without knowing the tense; a plan looks ahead (周三: next Wednesday), and a
        # report of what happened looks back (21日 written on 10 May: 21 April).
        tense = None
        if status in ("planned", "speculated") and span.kind in ("weekday", "relative", "part"):
            tense = "future"
        elif (
            status == "occurred"
            and published
            and interval.start > published
            and (span.kind == "weekday" or _BARE_DAY.fullmatch(span.text))
        ):
            tense = "past"
        if tense is not None:
            offset = self.sent.start
            for again in self.state.dates_with_tense(self.sent, tense):
                if again.start + offset == span.start and again.interval is not None:
                    interval = again.interval
                    break
        start, end = interval.iso()
        # 同日, 当天: the date of an earlier sentence
        told = _DatesOfSentence if span.start >= self.sent.start else _DatesOfContext
        return told((start, end, interval.precision))

    # events

    def events(self, ts: int, te: int, cue: str) -> list[Event]:
        entry = self.lex.triggers.get(cue)
        if entry is None:  # 访俄, 访美 …
            entry = {"cue": cue, "type": "visit", "country": self.state.abbreviations[cue[1]]}
        kind = entry["type"]
        c0, c1 = self.clause_of(ts)
        sentence = self.text[self.sent.start : self.sent.end]
        if entry.get("with") and not any(word in sentence for word in entry["with"]):
            return []  # 欢迎 in talk, not at a ceremony
        since = _SINCE.search(self.text, c0, c1)
        if since is not None and since.start() < ts and te <= since.end():
            return []  # 自旧金山会晤以来: a time mark naming an event reported elsewhere, undated here
        if kind == "visit":
            return self.visit(ts, te, entry)
        if kind in ("meeting", "call"):
            if (self.lex.reference_before_re.search(self.text, max(c0, ts - 2), ts)
                    and self.lex.reference_after_re.match(self.text, te)
                    and any(e.type in ("meeting", "call") for e in self.state.events)):
                return []  # 在会谈中指出: the talks told before, as a setting (在与X会晤后表示 tells new ones)
            if self.lex.indirect_re.search(self.text, max(c0, ts - 3), ts):
                return []  # 间接谈判: mediated talks are no meeting of the sides
            return self.meeting(ts, te, entry, kind)
        return self.attend(ts, te, entry)

    def make(
        self,
        kind: str,
        ts: int,
        te: int,
        status: str,
        actor: Party,
        counterparts: Iterable[Party] = (),
        countries: Iterable[str] = (),
        place: str | None = None,
        forum: str | None = None,
        dates: tuple[str | None, str | None, str | None] | None = None,
    ) -> Event:
        counterparts = list(counterparts)
        countries = list(countries)
        dates = dates if dates is not None else self.dates(ts, status)
        start, end, precision = dates
        # where the dates come from, when the engine knows; else summitry.dating tells
        dated_by = "text" if isinstance(dates, _DatesOfSentence) else \
            "context" if isinstance(dates, _DatesOfContext) else None
        published = self.state.published
        if (
            status == "occurred"
            and start
            and published
            and start > published.isoformat()
            and precision == "day"
        ):
            status = "planned"  # an announcement that says no 将 (应…邀请，…于6月16日访问)
        doc = self.state.doc
        s = self.sent
        mention = Mention(
            doc=doc.id, status=status, lang="zh", text=doc.text[s.start : s.end], start=s.start, end=s.end
        )
        return Event(
            id=mention_event_id(doc.id, s.start, s.end, kind, [actor, *counterparts], countries, forum),
            type=kind,
            status=status,
            actor=actor,
            counterparts=counterparts,
            countries=countries,
            place=place,
            forum=forum,
            start=start,
            end=end,
            precision=precision,
            dated_by=dated_by,
            mentions=[mention],
        )

    def visit(self, ts: int, te: int, entry: dict[str, Any]) -> list[Event]:
        text = self.text
        c0, _ = self.clause_of(ts)
        dests: list[_Slot] = []
        if entry.get("country"):
            dests = [_Slot(ts, te, "loc", country=entry["country"])]
        dui = text.rfind("对", c0, ts)
        if not dests and dui >= 0:
            dests = [s for s in self.locs if dui < s.start and s.end <= ts]
        where = entry.get("destination")
        if not dests and where in ("after", "either"):
            dests = self.chain_after(te, [s for s in self.locs if s.start >= te])
        if not dests and where == "before":
            dests = [s for s in self.locs if s.end <= ts and _joins(text, s.end, ts, 1)][-1:]
        if not dests and where == "either":
            dests = [s for s in self.locs if s.end <= ts][-1:]
        if not dests and self.relative_head(te) is not None:
            # 在克里姆林宫会见到访的…拉里贾尼: a visitor received where the sentence places the meeting
            hosts = [s for s in self.locs if s.end <= ts and s.country]
            if hosts:
                dests = hosts[-1:]
        if not dests:
            for a, b in self.invitations:
                inviter = [p for p in self.parties if a <= p.start and p.end <= b and p.country]
                if inviter:
                    dests = [_Slot(inviter[0].start, inviter[0].end, "loc", country=inviter[0].country)]
                    break
        if not dests:
            return []
        separately = self.lex.separately_re.search(text, c0, ts)
        if separately is not None and len(dests) > 1:
            # 夏巴兹和穆尼尔分别访问沙特和伊朗: each traveller to the destination in the same place of the list
            travellers = [s for s in self.parties if c0 <= s.start and s.end <= separately.start()
                          and not s.group and not s.former]
            if len(travellers) == len(dests):
                status = self.status(travellers[-1], ts, te)
                if status is None:
                    return []
                return [self.make("visit", ts, te, status, t.parties[0], countries=[d.country], place=_city(d))
                        for t, d in zip(travellers, dests) if d.country and d.country != t.parties[0].country]
        actor = self.actor(ts, te)
        if actor is None or not (actor.parties[0].name or actor.parties[0].office) or actor.former:
            return []  # 中方 (欢迎美方官员来华): a country does not travel; 前外长: no longer the state's
        if actor is not self.relative_head(te) and self.describes_others(te, dests):
            return []  # …倡议访华的师生: the visitors are what the relative clause describes
        status = self.status(actor, ts, te)
        if status is None:
            return []
        # In a relative clause (4月14日…会见来华访问的哈立德) the sentence's date is the main clause's: a
        # day of the stay, not its first and last (the dating stage and fusion widen it).
        dates = None
        events = []
        party = actor.parties[0]
        for dest in dests:
            if not dest.country or dest.country == party.country:
                continue
            events.append(
                self.make(
                    "visit", ts, te, status, party, countries=[dest.country], place=_city(dest), dates=dates
                )
            )
        return events

    def describes_others(self, te: int, dests: list[_Slot]) -> bool:
        """The trigger (with its destination) closes a relative clause (访华的师生, 到访的舰队) whose head
        is not a party: the clause tells of them, not of a person named before it."""
        end = max([te, *(d.end for d in dests if d.start >= te)])
        if self.text[end : end + 1] != "的":
            return False
        return not any(s.start == end + 1 for s in self.parties)

    def left_parties(self, ts: int) -> tuple[list[_Slot], _Slot | None]:
        """Parties of the trigger's clause before it, and the subject (from an earlier clause if need be)."""
        c0, _ = self.clause_of(ts)
        left = [s for s in self.parties if c0 <= s.start and s.end <= ts]
        if left and not self.object_of_preposition(left[0]):
            return left, left[0]
        return left, self.earlier_subject(ts)

    def country_sides(self, ts: int, te: int) -> list[_Slot]:
        """Countries named as the sides of talks (美国和伊朗谈判, 以色列与黎巴嫩政府将…在美国举行谈判):
        listed with 和/与/同 before the trigger in its clause, when the clause dates or places the talks
        or counts their round. Party slots of the countries alone."""
        c0, _ = self.clause_of(ts)
        named = [s for s in self.locs if s.place is None and c0 <= s.start < ts]
        sides: list[_Slot] = []
        for loc in named:
            if sides:
                between = self.text[sides[-1].end : loc.start]
                if not re.fullmatch(r"(?:政府|方面|代表团)?[和与同及、]", between):
                    if len(sides) >= 2:
                        break  # 在美国 after the sides: the host, not a side
                    sides = []
            sides.append(loc)
        if sides and self.lex.motion_before_re.search(self.text, max(c0, sides[0].start - 3), sides[0].start):
            sides = sides[1:]  # 前往瑞士与美国谈判: Switzerland is where, not a side
        if len(sides) < 2:
            return []
        if not self.particular_talks(ts, te, sides[0].start, sides[-1].end):
            return []
        return [_Slot(s.start, s.end, "party", (Party(country=s.country),), s.country) for s in sides]

    def particular_talks(self, ts: int, te: int, first: int, last: int | None = None) -> bool:
        """Talks that are an event: dated, placed or counted between their first side and just after the
        trigger (美国和伊朗谈判12日无果而终, 以色列与黎巴嫩将于14日在美国举行谈判, 新一轮谈判). Talks named as a
        topic (伊朗与美国的谈判正在继续; 巴加埃23日表示，当前…的谈判), or as a means (通过谈判解决), are not."""
        c0, _ = self.clause_of(ts)
        first = max(first, c0)
        last = first if last is None else last
        if self.lex.talks_means_re.search(self.text, max(c0, ts - 6), ts):
            return False
        if self.lex.talks_compound_re.match(self.text, te):
            return False  # 谈判调解方: the mediators, not talks
        if self.lex.talks_round_re.search(self.text, c0, ts):
            return True
        dated = bool(self.dates_near(first, te + 12))
        placed = any(s.start > last for s in self.locs if first <= s.start < te + 12)
        # 伊朗与美国的谈判 names the talks as a topic; 丹麦与美国官员14日的会谈 names a day's talks
        topic = self.text[last:ts].endswith("的") and not self.dates_near(last, ts)
        return (dated or placed) and not topic

    def dates_near(self, lo: int, hi: int) -> list[Any]:
        """The document's date expressions that start in [lo, hi)."""
        i = bisect.bisect_left(self.state.date_starts, lo)
        j = bisect.bisect_left(self.state.date_starts, hi)
        return self.state.dates[i:j]

    def meeting(
        self, ts: int, te: int, entry: dict[str, Any], kind: str, extra: Iterable[_Slot] = ()
    ) -> list[Event]:
        left, subject = self.left_parties(ts)
        if entry.get("general") and not self.particular_talks(
                ts, te, left[0].start if left else self.clause_of(ts)[0]):
            return []  # 通过对话谈判解决, 参与谈判: talks in general
        if entry.get("sides") == "countries" and len(left) < 2 and not any(s.group for s in left):
            sides = self.country_sides(ts, te)
            if sides:  # 美国和伊朗谈判: the countries are the sides
                left, subject = sides, sides[0]
        slots = list(left)
        if subject is not None and subject not in slots:
            slots.insert(0, subject)
        if entry.get("counterparts") == "after":
            _, c1 = self.clause_of(ts)
            slots += [s for s in self.parties if te <= s.start and s.end <= c1]
        slots += list(extra)
        parties: list[Party] = []
        for slot in slots:
            for p in slot.parties:
                if all(p.key() != q.key() for q in parties):
                    parties.append(p)
        # the sides: countries, and each organisation's named official (who has no country)
        if len(parties) < 2 or len({p.country or p.name for p in parties if p.country or p.name}) < 2:
            return []  # one side only, or a domestic meeting
        actor_slot = slots[0]
        status = self.status(actor_slot if not actor_slot.group else None, ts, te)
        if status is None:
            return []
        countries: list[str] = []
        place = None
        if kind == "meeting":
            countries, place = self.host(ts)
        separately = self.lex.separately_re.search(self.text, actor_slot.end, ts)
        if separately is not None:
            # 分别同A、B通电话, 先后会见A和B: one meeting or call with each of those named after the cue
            # the subjects before the cue go together (赵乐际和韩正分别会见…); the objects of 同/与 before
            # it, and those listed with them (同A、B分别举行会谈), are met each on their own
            first_object = next((slot.start for slot in slots if slot is not actor_slot
                                 and self.object_of_preposition(slot)), separately.start())
            together = [p for slot in slots if slot.end <= min(first_object, separately.start())
                        or slot is actor_slot for p in slot.parties]
            each = [p for p in parties if all(p is not q for q in together)]
            if together and each:
                return [self.make(kind, ts, te, status, together[0], [*together[1:], p], countries, place)
                        for p in each if p.country not in {q.country for q in together}]
        if kind == "call" and len(parties) > 2 and not actor_slot.group and "视频" not in entry.get("cue", "视频"):
            # 同沙特、阿联酋、卡塔尔领导人通电话: a phone call has two ends, one call with each
            return [self.make(kind, ts, te, status, parties[0], [p], countries, place) for p in parties[1:]]
        return [self.make(kind, ts, te, status, parties[0], parties[1:], countries, place)]

    def host(self, ts: int, forum: Any = None, day: date | None = None) -> tuple[list[str], str | None]:
        """Where a meeting or gathering takes place: the city nearest the trigger in its clause, or a
        country there after 在/赴 (赴法国出席…); else a city elsewhere in the sentence (a dateline's
        aside); else the gathering's host."""
        c0, c1 = self.clause_of(ts)
        places = [s for s in self.locs if s.place]
        near = [s for s in places if c0 <= s.start < c1]
        if near:
            best = min(near, key=lambda s: abs(s.start - ts))
            return [best.country], _city(best)
        for s in self.locs:
            if c0 <= s.start < c1 and self.text[max(c0, s.start - 2) : s.start].endswith(_LOCATIVE):
                return [s.country], None
        dateline = _DATELINE.match(self.text, self.sent.start, self.sent.end)
        far = [s for s in places if dateline is None or s.start >= dateline.end()]
        if far:
            best = min(far, key=lambda s: abs(s.start - ts))
            return [best.country], _city(best)
        forums = [forum] if forum is not None else [s.forum for s in self.slots if s.kind == "forum"]
        for f in forums:
            edition = self.edition(f, day)
            if edition is not None:
                return [edition.country], edition.city
        return [], None

    def earlier_gathering(self, ts: int) -> tuple[Any, str, tuple[str, str | None] | None, Sentence] | None:
        """The gathering an attending verb without object (与会, 参加, 等出席) means: the last one named
        before it, in its sentence or the few before (…论坛年会在博鳌开幕。…总统X、总理Y等出席。), a
        forum of the knowledge base or an international gathering noun (a generic one named by the city
        its sentence gives: 巴塞罗那多边峰会). (forum, name, (country, city) where that sentence places it,
        that sentence)."""
        state = self.state
        k = bisect.bisect_right(state.sentences, ts, key=lambda sn: sn.start) - 1
        for sent in reversed(state.sentences[max(0, k - _GATHERING_LOOKBACK) : k + 1]):
            lo, hi = sent.start, min(ts, sent.end)
            forum_at = [(at, f) for at, f in state.forum_marks if lo <= at < hi]
            held = None
            for held in self.lex.held_gathering_re.finditer(self.text, lo, hi):
                pass
            places = [(at, p) for at, p in state.place_marks if lo <= at < hi]
            where = (places[-1][1].country, _place_name(places[-1][1])) if places else None
            # in an earlier sentence, a forum counts only as a gathering that sentence says is held (一个
            # 联合国 named in passing is not what 蔡奇、王毅等参加 attend)
            held_forum = forum_at and (sent is self.sent or self.lex.held_gathering_re.search(self.text, lo, hi)
                                       or self.lex.attend_re.search(self.text, lo, hi))
            if held_forum and (held is None or forum_at[-1][0] >= held.start()):
                forum = forum_at[-1][1]
                return forum, forum.acronym or forum.name, where, sent
            if held is None:
                continue
            name = held.group(1) or held.group(3)
            if not self.lex.international_re.search(name):
                return None  # 纪念…大会在京举行: a gathering at home, not of states
            return None, name, where, sent
        return None

    def stated_city(self, ts: int) -> _Slot | None:
        """The city the trigger's clause names (在巴塞罗那出席), nearest the trigger."""
        c0, c1 = self.clause_of(ts)
        near = [s for s in self.locs if s.place and c0 <= s.start < c1]
        if not near:  # 在法国出席七国集团峰会: a country the locative names
            near = [s for s in self.locs if c0 <= s.start < ts
                    and self.text[max(c0, s.start - 1) : s.start] in _LOCATIVE]
        return min(near, key=lambda s: abs(s.start - ts)) if near else None

    def edition(self, forum: Any, day: date | None) -> Any:
        day = day or self.when
        if forum is None or day is None:
            return None
        edition = self.kb.edition(forum.key, day)
        if edition is None or abs((edition.start - day).days) > _EDITION_WINDOW.days:
            return None
        return edition

    def named_gathering(self, offset: int, dates: tuple, countries: list[str], place: str | None) -> tuple:
        """Dates and host of a gathering from the sentence that named it (where this one does not)."""
        state = self.state
        sent = state.sentence_at(offset)
        if sent is None:
            return dates, countries, place
        if dates[0] is None:
            lo = bisect.bisect_left(state.date_starts, sent.start)
            if lo < len(state.dates) and state.dates[lo].end <= sent.end:
                start, end = state.dates[lo].interval.iso()
                dates = (start, end, state.dates[lo].interval.precision)
        if not countries:
            i = bisect.bisect_left(state.place_marks, sent.start, key=lambda pm: pm[0])
            if i < len(state.place_marks) and state.place_marks[i][0] < sent.end:
                found = state.place_marks[i][1]
                countries, place = [found.country], found.name
        return dates, countries, place

    def attend(self, ts: int, te: int, entry: dict[str, Any]) -> list[Event]:
        lex, text = self.lex, self.text
        _, c1 = self.clause_of(ts)
        # the object stands near the verb (出席在北京举行的第十届…论坛): 主持实施…改革、推动…加入世界贸易组织
        # names no gathering the actor attends
        c1 = min(c1, te + _ATTEND_REACH)
        meeting_noun = lex.meeting_noun_re.search(text, te, c1)
        gathering = lex.gathering_re.search(text, te, c1)
        named_at = None
        earlier_where = None  # (country, city) of a gathering named in an earlier sentence
        earlier_sentence = None
        forum_slot = next((s for s in self.slots if s.kind == "forum" and te <= s.start < c1), None)
        if (
            meeting_noun
            and not (gathering and gathering.start() < meeting_noun.start())
            and forum_slot is None
        ):
            inside = [s for s in self.parties if te <= s.start and s.end <= meeting_noun.end()]
            return self.meeting(ts, te, {"type": "meeting"}, "meeting", extra=inside)
        if forum_slot is not None and getattr(forum_slot.forum, "kind", "") == "organisation" and not (
                self.lex.gathering_re.search(text, forum_slot.start, forum_slot.end)
                or self.lex.gathering_after_name_re.match(text, forum_slot.end)):
            # 主持完成加入世界贸易组织的谈判: an organisation is no gathering unless one of its meetings is named
            # (出席上海合作组织峰会, 出席世界贸易组织部长级会议)
            forum_slot = None
        if forum_slot is not None:
            forum = forum_slot.forum
            name = forum.acronym or forum.name
        elif gathering is not None:
            # The name is what stands before the gathering noun, its modifiers (由…召开的) aside.
            name = text[te : gathering.end()].lstrip("了 ").rsplit("的", 1)[-1]
            forum = None
            if _BARE_GATHERING.fullmatch(
                name[: -len(gathering.group())]
            ):  # 峰会, 此次峰会: the one named before
                named = self.state.last_forum(ts)
                if named is None:
                    # 在巴塞罗那出席峰会: a gathering the text places, named by its city
                    city = self.stated_city(ts)
                    if city is None or not lex.international_re.search(gathering.group()):
                        return []  # 在京出席大会: a gathering at home, not of states
                    name = self.text[city.start : city.end] + gathering.group()
                    named = (None, None)
                forum = named[1]
                if forum is not None:
                    name = forum.acronym or forum.name
                if self.date_span(ts) is None and named[0] is not None:
                    named_at = named[0]
            elif not lex.international_re.search(name):
                return []
        elif _NO_OBJECT.match(text, te) or lex.ceremony_re.match(text, te):
            # …举行峰会，巴西、南非等国领导人与会; …论坛在博鳌开幕。李强出席开幕式: the gathering named before
            earlier = self.earlier_gathering(ts)
            if earlier is None:
                return []
            forum, name, earlier_where, earlier_sentence = earlier
        else:
            return []
        head = self.relative_head(te)
        left, subject = self.left_parties(ts)
        actors = [s for s in left if not self.object_of_preposition(s)] or ([subject] if subject else [])
        if head is not None:
            actors = [head]
        actors = [a for a in actors if not a.former]  # 前政要 attend for themselves, not for a state
        if not actors:
            return []
        status = self.status(actors[0] if not actors[0].group else None, ts, te)
        if status is None:
            return []
        # (a relative clause, 会见出席…论坛的X, takes the main clause's day: a day of the gathering)
        dates = self.dates(ts, status)
        if dates[0] is None and earlier_sentence is not None and earlier_sentence.start < self.sent.start:
            dated = [d for d in self.dates_near(earlier_sentence.start, earlier_sentence.end) if d.interval]
            if dated:  # the sentence that named the gathering dates it (…2026年年会26日在博鳌开幕。)
                best = min(dated, key=lambda d: d.interval.end - d.interval.start).interval
                start, end = best.iso()
                dates = (start, end, best.precision)
        day = date.fromisoformat(dates[0]) if dates[0] else None
        countries, place = self.host(ts, forum, day)
        if earlier_where is not None:
            countries, place = [earlier_where[0]], earlier_where[1]
        if named_at is not None:  # 主持峰会 after 首届…峰会在西安举行: that sentence dates and places it
            dates, countries, place = self.named_gathering(named_at, dates, countries, place)
        if dates[0] is None and forum is not None:
            edition = self.edition(forum, self.state.published)
            if edition is not None:
                dates = _DatesOfContext((
                    edition.start.isoformat(),
                    edition.end.isoformat(),
                    _span_precision(edition.start, edition.end),
                ))
        # 在喀山出席峰会: attending a gathering where the clause places it is a stay in that country
        stated = self.stated_city(ts)
        where = (stated.country, _city(stated)) if stated is not None else earlier_where
        events = []
        for slot in actors:
            for party in slot.parties:
                events.append(
                    self.make(
                        "multilateral",
                        ts,
                        te,
                        status,
                        party,
                        countries=countries,
                        place=place,
                        forum=name,
                        dates=dates,
                    )
                )
                if where is not None and party.name and party.country and party.country != where[0]:
                    events.append(self.make("visit", ts, te, status, party, countries=[where[0]],
                                            place=where[1], dates=dates))
        return events
