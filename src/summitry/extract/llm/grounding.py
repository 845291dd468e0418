"""Grounding: a model's answer becomes events only as far as the document and the knowledge base
bear it out.

For each event the model lists:

1. its evidence quote is found in the part of the document the model was shown: exactly, else
   ignoring case, white space and punctuation (and traditional against simplified characters);
   the mention is the sentence or sentences that hold it, so its offsets point at the evidence.
   A quote that is not there is a hallucination: the event is dropped.
2. the people are resolved through the knowledge base: a name the knowledge base knows gives its
   usual English form, country and the office held on the event's date; a name it does not know
   is kept as written, if the text writes it; an unnamed office ("the Chinese foreign minister")
   is the office's holder on the event's date when the office has one holder. A name, title or
   country the text does not contain is not taken.
3. the destination, place and forum are resolved the same way (countries to ISO codes, places to
   their English name and country, forums to their usual name and, through their editions, their
   host);
4. the date expression the model copied is found next to the evidence and read by
   ``summitry.time`` relative to the publication day, in the event's tense (a model never computes
   a date); an event whose date cannot be read is kept undated, for ``summitry.dating``;
5. the record is checked against the event schema.

What fails a step that the event needs is dropped and counted by reason (``Grounder.dropped``),
never guessed. The counts are what ``summitry extract --engine llm`` reports at the end.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from datetime import date, timedelta
from functools import cache, cached_property
from typing import Any

from summitry.extract import mention_event_id
from summitry.records import EVENT_TYPES, STATUSES, Document, Event, Mention, Party

# An evidence quote shorter than this (letters and digits, after normalising) proves nothing.
MIN_QUOTE = {"en": 12, "zh": 5}
# How far apart the pieces of a quote the model cut with "..." may lie.
_PIECE_GAP = 400
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\.\.\.+|…+)\s*")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A forum's edition is the one of the event when their dates are this close (loose dates: a month).
_EDITION_SLACK = timedelta(days=45)
FUTURE = {"planned", "speculated", "postponed", "cancelled"}


def _fold_char(ch: str) -> str:
    """A character as the tolerant comparison sees it: compatibility form, case-folded, and only
    letters and digits (white space and punctuation compare equal to nothing)."""
    return "".join(c for c in unicodedata.normalize("NFKC", ch).casefold() if c.isalnum())


class DocView:
    """One document as grounding reads it, each view built when first needed."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.lang = doc.lang if doc.lang in ("en", "zh") else "en"

    @cached_property
    def simplified(self) -> str:
        """The text with traditional characters made simplified (same length, same offsets)."""
        if not _CJK.search(self.text):
            return self.text
        from summitry.extract.zh_text import SimplifiedConverter

        return SimplifiedConverter().convert(self.text)

    @cached_property
    def folded(self) -> tuple[str, list[int]]:
        """The tolerant form of the text and, for each of its characters, its offset in ``text``."""
        chars: list[str] = []
        where: list[int] = []
        for i, ch in enumerate(self.simplified):
            f = _fold_char(ch)
            chars.append(f)
            where.extend([i] * len(f))
        return "".join(chars), where

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        from summitry.extract.llm.passages import sentence_spans

        return sentence_spans(self.doc)

    @cached_property
    def published(self):
        from summitry.time import parse_published

        try:
            return parse_published(self.doc.published)
        except (ValueError, TypeError):
            return None

    def says(self, words: str) -> bool:
        """Whether the text contains ``words``: as a whole word for Latin script (case-insensitively,
        except for a short all-capital acronym), as characters for Chinese."""
        words = words.strip()
        if not words:
            return False
        if _CJK.search(words):
            return self._simplify(words) in self.simplified
        acronym = len(words) <= 4 and words.isupper()
        body = r"\s+".join(re.escape(w) for w in words.split())
        return re.search(rf"(?<!\w){body}(?!\w)", self.text, 0 if acronym else re.IGNORECASE) is not None

    def _simplify(self, s: str) -> str:
        if not _CJK.search(s):
            return s
        from summitry.extract.zh_text import SimplifiedConverter

        return SimplifiedConverter().convert(s)

    # --- finding a quote ----------------------------------------------------------------------

    def find(self, quote: str, prefer: tuple[tuple[int, int], ...] = (), near: tuple[int, int] | None = None,
             min_chars: int = 1, within: tuple[tuple[int, int], ...] | None = None) -> tuple[int, int] | None:
        """Where ``quote`` stands in the text (start, end), exactly or tolerantly; pieces cut with
        "..." in order and close together. Only inside the ranges ``within`` when given (what the
        model was shown); among several places, one inside ``prefer`` first, then the one nearest
        ``near``."""
        pieces = [p for p in _ELLIPSIS.split(quote.strip()) if p.strip()]
        if not pieces:
            return None
        if sum(len(_fold_text(p)) for p in pieces) < min_chars:
            return None
        first = self._find_piece(pieces[0], prefer, near, 0, len(self.text), within)
        if first is None:
            return None
        start, end = first
        for piece in pieces[1:]:
            nxt = self._find_piece(piece, (), None, end, min(len(self.text), end + _PIECE_GAP + len(piece) * 2),
                                   within)
            if nxt is None:
                return None
            end = nxt[1]
        return start, end

    def _find_piece(self, piece: str, prefer, near, lo: int, hi: int, within=None) -> tuple[int, int] | None:
        piece = piece.strip()
        found = []
        i = self.text.find(piece, lo, hi)
        while i >= 0:
            found.append((i, i + len(piece)))
            i = self.text.find(piece, i + 1, hi)
        if not found:
            folded, where = self.folded
            key = _fold_text(self._simplify(piece))
            if not key:
                return None
            j = folded.find(key)
            while j >= 0:
                a, b = where[j], where[j + len(key) - 1] + 1
                if lo <= a and b <= hi:
                    found.append((a, b))
                j = folded.find(key, j + 1)
        if within is not None:
            found = [f for f in found if any(a <= f[0] and f[1] <= b for a, b in within)]
        if not found:
            return None
        inside = [f for f in found if any(a <= f[0] and f[1] <= b for a, b in prefer)]
        pool = inside or found
        if near is not None:
            return min(pool, key=lambda f: (max(near[0] - f[1], f[0] - near[1], 0), f[0]))
        return pool[0]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s[0] for s in self.sentences]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentences that hold ``start..end`` (the span itself where it lies between sentences)."""
        spans = self.sentences
        if not spans:
            return start, end
        i = max(0, bisect_right(self._sentence_starts, start) - 1)
        j = i
        while j + 1 < len(spans) and spans[j + 1][0] < end:
            j += 1
        first = spans[i][0] if spans[i][0] <= start < spans[i][1] else start
        return first, max(end, spans[j][1])


def _fold_text(s: str) -> str:
    return "".join(_fold_char(c) for c in s)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value if value and value.lower() not in ("null", "none", "unknown", "n/a") else None


@cache
def _event_validator():
    from jsonschema import Draft202012Validator

    from summitry.records import json_schema

    return Draft202012Validator(json_schema("Event"))


class Tally:
    """What grounding left out, by reason, over a run."""

    def __init__(self) -> None:
        self.dropped: Counter[str] = Counter()  # events dropped
        self.notes: Counter[str] = Counter()    # parts of kept events left out (a counterpart, a date)


class Grounder:
    """Turns a model's event items into grounded ``Event`` records, counting what it drops in
    ``tally``."""

    def __init__(self, kb, tally: Tally | None = None):
        from summitry.extract.en import SINGLE_HOLDER

        self.kb = kb
        self.single_holder = SINGLE_HOLDER
        self.tally = tally or Tally()
        self.dropped = self.tally.dropped
        self.notes = self.tally.notes

    def events(self, view: DocView, items: list[Any], shown: tuple[tuple[int, int], ...] = ()) -> list[Event]:
        """The grounded events of one answer's items; ``shown``: the ranges of the text the model
        was shown (its quotes must be there), the whole text when empty."""
        return [ev for ev in (self.event(view, item, shown) for item in items) if ev is not None]

    def _drop(self, reason: str) -> None:
        self.dropped[reason] += 1

    def event(self, view: DocView, item: Any, shown: tuple[tuple[int, int], ...] = ()) -> Event | None:
        if not isinstance(item, dict):
            return self._drop("not an event object")
        etype, status = item.get("type"), item.get("status")
        if etype not in EVENT_TYPES or status not in STATUSES:
            return self._drop("unknown type or status")
        quote = item.get("evidence")
        if not isinstance(quote, str) or not quote.strip():
            return self._drop("no evidence quote")
        found = view.find(quote, min_chars=MIN_QUOTE[view.lang], within=shown or None)
        if found is None:
            return self._drop("evidence quote not in the text")
        m_start, m_end = view.sentence_bounds(*found)

        interval = self._interval(view, _clean(item.get("date")), (m_start, m_end), status)
        when = interval.start if interval is not None else (view.published.start if view.published else None)

        actor = self._party(view, item.get("actor"), when)
        if actor is None:
            return self._drop("actor not grounded")
        counterparts: list[Party] = []
        for raw in item.get("counterparts") or []:
            p = self._party(view, raw, when)
            if p is None:
                self.notes["counterpart not grounded"] += 1
            elif p.key() != actor.key() and all(p.key() != c.key() for c in counterparts):
                counterparts.append(p)

        forum, f_place, f_country = self._forum(view, _clean(item.get("forum")), when)
        dest = self._country(view, _clean(item.get("destination")))
        place, p_country = self._place(view, _clean(item.get("place")), dest)
        if dest is None and _clean(item.get("destination")):  # a city given as the destination
            d_place, dest = self._place(view, _clean(item.get("destination")), None)
            place = place or d_place
        host = dest or p_country or f_country
        place = place or f_place

        if etype == "visit":
            if host is None:
                return self._drop("visit without a destination in the text")
            if host == actor.country:
                return self._drop("visit to the actor's own country")
            countries = [host]
        elif etype in ("meeting", "call"):
            if not counterparts:
                return self._drop("meeting or call without a grounded counterpart")
            countries = [host] if host and etype == "meeting" else []
        else:
            if forum is None and host is None:
                return self._drop("gathering without a forum or host in the text")
            countries = [host] if host else []

        mention = Mention(doc=view.doc.id, status=status, lang=view.lang, text=view.text[m_start:m_end],
                          start=m_start, end=m_end)
        start = end = precision = None
        if interval is not None:
            start, end, precision = interval.start.isoformat(), interval.end.isoformat(), interval.precision
        ev = Event(id=mention_event_id(view.doc.id, m_start, m_end, etype, [actor, *counterparts], countries, forum),
                   type=etype, status=status, actor=actor, counterparts=counterparts, countries=countries,
                   place=place, forum=forum, start=start, end=end, precision=precision, mentions=[mention])
        if next(_event_validator().iter_errors(ev.to_dict()), None) is not None:
            return self._drop("not a valid event record")
        return ev

    # --- people -------------------------------------------------------------------------------

    def _country(self, view: DocView, words: str | None) -> str | None:
        if not words or not view.says(words):
            return None
        c = self.kb.country(words)
        return c.iso3 if c else None

    def _person(self, name: str, country: str | None, when: date | None):
        kb = self.kb
        person = kb.person(name)
        if person is None and when is not None:  # a surname several people share: the one in office
            serving = [p for p in kb.people_by_short(name)
                       if kb.term_on(p, when) is not None and (country is None or p.country == country)]
            person = serving[0] if len(serving) == 1 else None
        return person

    def _names_in_text(self, view: DocView, person) -> bool:
        return any(view.says(n) for n in (person.name, person.name_zh, *person.aliases, *person.short) if n)

    def _party(self, view: DocView, raw: Any, when: date | None) -> Party | None:
        if not isinstance(raw, dict):
            return None
        name, title = _clean(raw.get("name")), _clean(raw.get("title"))
        country = self._country(view, _clean(raw.get("country")))
        title = title if title and view.says(title) else None
        office = self.kb.office(title) if title else None
        if name:
            person = self._person(name, country, when)
            if person is not None and self._names_in_text(view, person):
                term = self.kb.term_on(person, when) if when is not None else None
                if term is not None:
                    return Party(name=person.name, country=term.country, office=term.title, level=term.level)
                return Party(name=person.name, country=person.country, office=title,
                             level=office.level if office else None)
            if view.says(name):
                return Party(name=name, country=country, office=title, level=office.level if office else None)
            self.notes["name not in the text"] += 1
            return None
        if country is None:
            return None
        if office is not None and office.key in self.single_holder and when is not None:
            holder = self.kb.resolve_office(country, office.key, when)
            if holder is not None:
                return Party(name=holder.name, country=country, office=title, level=office.level)
        return Party(name=None, country=country, office=title, level=office.level if office else None)

    # --- where --------------------------------------------------------------------------------

    def _place(self, view: DocView, words: str | None, country: str | None) -> tuple[str | None, str | None]:
        """(place name, its country) of a place the text names; the name as written when the
        knowledge base does not know it."""
        if not words or not view.says(words):
            return None, None
        place = self.kb.place(words, context=(country,) if country else ())
        if place is None:
            return words, None
        if country is not None and place.country != country:
            return words, None
        return place.name, place.country

    def _forum(self, view: DocView, words: str | None, when: date | None
               ) -> tuple[str | None, str | None, str | None]:
        """(forum name, host city, host country) of a gathering the text names."""
        if not words or not view.says(words):
            return None, None, None
        forum = self.kb.forum(words)
        if forum is None:
            return words, None, None
        name = forum.acronym or forum.name
        edition = self.kb.edition(forum.key, when) if when is not None else None
        if edition is None or not (edition.start - _EDITION_SLACK <= when <= edition.end + _EDITION_SLACK):
            return name, None, None
        return name, edition.city, edition.country

    # --- when ---------------------------------------------------------------------------------

    def _interval(self, view: DocView, words: str | None, mention: tuple[int, int], status: str):
        """The interval the copied date expression means, read by summitry.time where it stands."""
        if not words:
            return None
        at = view.find(words, (mention,), near=mention)
        if at is None:
            self.notes["date not in the text"] += 1
            return None
        from summitry.time import end_from_duration, find_dates

        lo, hi = view.sentence_bounds(*at)
        lo, hi = min(lo, mention[0]), max(hi, mention[1])
        tense = "future" if status in FUTURE else "past"
        spans = find_dates(view.text, view.lang, view.published, tense, within=[(lo, hi)])
        dated = [s for s in spans if s.interval is not None and s.start < at[1] and at[0] < s.end]
        if not dated:
            self.notes["date not read"] += 1
            return None
        interval = dated[0].interval
        for s in dated[1:]:
            interval = interval.hull(s.interval)
        durations = [s for s in spans if s.kind == "duration" and s.days and mention[0] <= s.start < mention[1]]
        if durations and interval.granularity == "day":
            interval = end_from_duration(interval, durations[0].days)
        return interval


def dedupe(events: list[Event], tally: Tally) -> list[Event]:
    """One event of a document per identity (type, parties, countries, forum, status): passages
    overlap, and a model may list an event twice."""
    out: list[Event] = []
    seen: set[tuple] = set()
    for ev in events:
        key = _identity(ev)
        if key in seen:
            tally.notes["told twice"] += 1
            continue
        seen.add(key)
        out.append(ev)
    return out


def _identity(ev: Event) -> tuple:
    return (ev.type, ev.actor.key(), tuple(sorted(p.key() for p in ev.counterparts)), tuple(ev.countries),
            ev.forum, ev.status)
