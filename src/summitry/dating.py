"""Dating: every reported event gets a date, and says where it comes from (``Event.dated_by``).

The stage runs after the engines, on one document's events at a time (``summitry.extract``
calls it, so ``extract``, ``ingest`` and ``eval`` all see its dates), and knows nothing of the
engine that found them.

An event the engine dated keeps its dates. ``dated_by`` is ``text`` when a date expression of
the event's own sentence gives them, else ``context`` (the engine carried them from elsewhere in
the report). An event with no date takes, in order:

1. ``context``: the date of the nearest earlier event of the same paragraph that its own sentence
   dates ("arrived in Moscow on Monday ... He held talks with Putin"), when the two name someone
   in common (or either names no one), as the engines' narratives carry dates; a headline's event takes
   the date of the report's first such event, when it lies where an undated report of the event
   may sit (``summitry.fuse.undated_window``). Paragraphs farther back are not read: a later
   paragraph that says no date is as often background ("before the war, the two met at the
   Olympics") as the story going on;
2. ``context``: a date in the headline, under the same condition;
3. ``context``: the dateline's day ("BEIJING, Nov 19 (Reuters) -", 新华社北京3月20日电), the day
   the report was written, taken as the publication day below;
4. ``publication``: the report's publication day. What happened ("travelled to", "arrived in",
   "held talks", 抵达, 会见) is on or shortly before it: start = end = that day, precision
   ``day`` (a month or a year when that is all the report gives). What is still to come
   (planned, speculated, and postponed or cancelled, which are about a planned time) is after
   it: start = that day, end a year later (``_PLAN_REACH``, the gold's window for a plan told
   without a date), precision null;
5. nothing: the report has no publication day, or the event is background told in retrospect
   ("then-Vice President Xi's visit", "had visited", 时任, 曾访问) with no date of its own, which
   is not on the report's day; dates and ``dated_by`` stay null.

A teaser, a link to another story in a list of them after the report (``told_by_teaser``), is of a
day the page does not say: it keeps only a date that names its year, and takes none of the above.
Another story's summary that ends with that story's day in brackets ("... (29.10.2013)") is of that
day (``context``), unless its own sentence dates it with a year; one whose brackets name no year (a
video's caption, "(March 20)") is a teaser.
A page whose address names a day more than a month before its stamp is read as written that day
(``as_written``, applied before the engines read it).

A context date must be of the event's tense (what happened is not dated after the report, what
is to come not before it) and no coarser than a month: "this year" or "in 2015" dates no
narrative. Dates are found with ``summitry.time.find_dates``; there is no second grammar here.

``precision`` keeps its meaning: how finely ``start``..``end`` pins the event down. Fusion matches
publication-dated reports like undated ones (``summitry.fuse.matching_interval``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from summitry.records import Document, Event
from summitry.time import DateSpan, Interval, find_dates, parse_published

FUTURE_STATUSES = frozenset({"planned", "speculated", "postponed", "cancelled"})
# How far a date read in the sentence may be from the engine's dates and still be the one they
# come from: the engine may have read a weekday or a month again in the event's tense.
_TEXT_SLACK = timedelta(days=7)
# A headline is the first line of a report of several lines, when it is this short.
_HEADLINE_MAX = 200
# A dateline: a place in capitals and a date, then the agency or a dash; or 新华社北京3月20日电.
_DATELINE_REACH = 80  # characters from the start of its line
# A dateline: a place in capitals and a date, then the agency or a dash ("BEIJING, Nov 19 (Reuters)
# -"); 新华社北京3月20日电. Only the date part is read, by summitry.time.
_DATELINE = {
    "en": re.compile(r"[ \t]*[A-Z][A-Za-z.'’-]*(?:[ .][A-Za-z.'’-]+)*(?:,[ \t]*[A-Za-z.'’-]+(?:[ .][A-Za-z.'’-]+)*)*,"
                     r"[ \t]*(?P<date>[A-Z][\w ,.]{2,28}?)[ \t]*(?:\(|--|[-–—])"),
    "zh": re.compile(r"[ \t]*[\u4e00-\u9fff]{1,12}?(?P<date>(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日)[电讯]"),
}
# Words that date an event by its distance from the narrative's date ("the next day", 峰会前一天):
# the date grammar places dates from the publication day, so the stage shifts the context's day.
_DAYS_FROM_CONTEXT = {
    "en": [(re.compile(r"\b(?:the\s+(?:next|following)\s+day|a\s+day\s+later)\b", re.IGNORECASE), 1),
           (re.compile(r"\b(?:the\s+(?:day|evening|night)\s+before|a\s+day\s+earlier)\b", re.IGNORECASE), -1)],
    "zh": [(re.compile(r"次日|翌日|第二天|隔天"), 1), (re.compile(r"前一天|前一日|前一晚|前夕"), -1)],
}
# Words that tell an event in retrospect, as background to the news: "then-Vice President Xi's
# visit", "the late Prime Minister", "had visited", "later that year", 时任, 曾访问, 早在, 同年. Such an event without a date of
# its own is not on the report's day: it keeps no date rather than a false one (rule 4 below).
_RETROSPECT = {
    "en": re.compile(r"\bthen[- ](?:[A-Z][\w.]*\s+){0,2}(?:[Vv]ice[- ])?(?:[Pp]resident|[Pp]remier|[Pp]rime\s+[Mm]inister"
                     r"|[Ss]ecretary|[Cc]hancellor|[Ff]oreign\s+[Mm]inister|[Ll]eader|[Kk]ing|[Cc]hairman|[Gg]overnor"
                     r"|[Pp]arty\s+[Cc]hief|[Mm]inister|[Aa]mbassador)"
                     r"|\b(?:[Tt]he\s+)?late\s+(?:[A-Z][\w.]*\s+){0,3}(?:[Pp]resident|[Pp]remier|[Pp]rime\s+[Mm]inister|[Ll]eader"
                     r"|[Kk]ing|[Cc]hairman)"
                     r"|\bhad\s+(?:\w+ly\s+)?(?:visited|met|travell?ed|gone|flown|been\s+to|held\s+talks)\b"
                     # "later in the same year", "that year": a year of the story's past the report named before
                     r"|\b(?:[Tt]hat|[Tt]he\s+(?:same|following|previous))\s+year\b"
                     # trips told as a habit of the past: "explaining China's role in tours to Latin America,
                     # the US and Europe", "his many visits to Africa"
                     r"|\b[Ii]n\s+(?:(?:his|her|their|many|several|numerous|frequent|repeated)\s+)*"
                     r"(?:tours|trips|visits|journeys)\s+(?:to|of|across)\b"
                     r"|\b(?:many|several|numerous|frequent|repeated|previous|past|earlier|countless)\s+"
                     r"(?:tours|trips|visits|journeys)\b"),
    "zh": re.compile(r"时任|早在|同年|当年|次年|翌年|那年|曾经?(?:多次|先后|两次|[一二三四五六七八九十\d]+次)?(?:访问|到访|出访|访华|会见|会晤|赴|来华|出席)"),
}
# A date in a page's address ("/2009/07/troops-swarm-urumqi/", "/2014-06/07/content_1756.htm"): a year from
# 1990 on and a month, and maybe a day, as path segments; the page was first published then.
_URL_DATE = re.compile(r"/((?:199|20[0-4])\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=[/-])")
# How far before its feed stamp an address's date must lie for the page to be taken for older than the
# stamp: a feed or an archive stamps the day it fetched a page (chinadigitaltimes.net's pages of 2009
# carry stamps of 2015), a few days after a story's own date (an address names the day the story was
# begun) is still its day.
_URL_OLDER_BY = timedelta(days=31)
# A line of page furniture: a link to another story in a list of links after the report. A page
# fetched long after its day carries the links of the day it was fetched ("Obama arrives in Cuba;
# hopes visit will usher in change" between other stories' titles on a page a feed stamps 2014),
# so the report's day is not a teaser's day, nor are its weekdays counted from it. A teaser is a
# title (a line of one clause that ends no sentence) with a title or a truncated summary ("...") for
# a neighbour, or a summary ending in its link's label ("... on Sunday.  Full Article | Video"),
# after a paragraph of the report.
_LINK_LABEL = re.compile(r"\bFull\s+(?:Article|Story|Coverage)(?:\s*\|\s*Video)?\s*$")
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
# Another story's summary in a list of them after the report may end with that story's day in
# brackets: "(29.10.2013)", a video caption's "(March 20)", "(March 20, 2016)".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPTION_DATE = re.compile(rf"\((?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
                           rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)\)\s*$", re.MULTILINE)
_ENDS_SENTENCE = re.compile(r"[.!?\"”’')\]:;,。！？」）]\s*$")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’]?\s+[A-Z]")
_TITLE_MAX = 200  # characters
_TAIL = 48  # characters at a line's end that hold any of the endings above (searched there only)
_PARAGRAPH_MIN = 60  # characters of a line of the report that ends a sentence
# A year written out: a teaser that names it is dated by it, as the engine read it.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Date expressions that date no narrative: lengths of time, statistics periods.
_NOT_NARRATIVE = frozenset({"duration", "period"})
_NARRATIVE_PRECISIONS = frozenset({"day", "month"})
_UNREAD = object()
# How far after the day it is told a plan without a date of its own may fall (a year: the gold's
# window for such plans, and longer than fusion's reach for undated plans)
_PLAN_REACH = timedelta(days=365)
# Words that call someone a former office holder: a report that says so was written after the term.
_FORMER = {"en": re.compile(r"\b(?:former|ex-|erstwhile|one-time|onetime|retired)", re.IGNORECASE),
           "zh": re.compile(r"前任|前(?=[\u4e00-\u9fff]{0,8}(?:总统|总理|首相|主席|部长|外长|国务卿|秘书长))|原(?=[\u4e00-\u9fff]{0,8}(?:总统|总理|首相|主席|部长|外长))|卸任")}
# How long after a person's last term a page that has them act is taken for older than its stamp.
_OUT_OF_OFFICE = timedelta(days=366)
# Date expressions whose reading depends on the tense of what they date.
_TENSED_KINDS = frozenset({"weekday", "relative"})


def as_written(doc: Document) -> Document:
    """``doc`` with the day it was written as its publication date, which the engines and this stage
    read relative dates from: its address's date when that lies more than a month before its stamp
    ("President Hu Jintao cut short a visit to Italy ... early today", on a page of July 2009 a feed
    stamps September 2015, is of 2009), else ``doc`` itself. The stored document keeps its stamp."""
    found = _URL_DATE.search(doc.url) if doc.url and doc.published else None
    if found is None:
        return doc
    try:
        stamp = parse_published(doc.published)
        year, month, day = int(found[1]), int(found[2]), found[3]
        written = parse_published(f"{year:04d}-{month:02d}" + (f"-{day}" if day else ""))
    except (ValueError, TypeError):
        return doc  # no calendar day ("/2015/02/30/"), or a stamp the engines warn of
    if stamp is None or written is None or written.end + _URL_OLDER_BY >= stamp.start:
        return doc
    return replace(doc, published=written.start.isoformat()[:10 if day else 7])


def date_events(doc: Document, events: list[Event]) -> list[Event]:
    """Give each of ``doc``'s events (as an engine returns them, one mention each) its dates and
    ``dated_by``; returns the same list, changed in place."""
    if not events:
        return events
    report = _Report(doc)
    ordered = sorted(events, key=lambda e: (e.mentions[0].start, e.mentions[0].end) if e.mentions else (0, 0))
    teasers = {id(ev) for ev in ordered if report.teaser(ev)}
    captions: dict[int, tuple[Interval | None, int]] = {}
    for ev in ordered:
        if id(ev) not in teasers:
            caption = report.caption(ev)
            if caption is not None:
                teasers.add(id(ev))
                captions[id(ev)] = caption
    for ev in ordered:
        day, bracket = captions.get(id(ev), (None, 0))
        if day is not None and not (ev.start and _YEAR.search(doc.text, ev.mentions[0].start, bracket)):
            report.date_on(ev, day, "context")  # another story's summary, of the day its caption gives
        elif id(ev) in teasers and not _YEAR.search(ev.mentions[0].text or ""):
            ev.start = ev.end = ev.precision = ev.dated_by = None  # another story's, of a day the page does not say
        elif ev.start and ev.dated_by is None:
            ev.dated_by = "text" if report.sentence_dates(ev) else "context"
    told = [ev for ev in ordered if ev.start and ev.dated_by == "text" and ev.mentions
            and ev.precision in _NARRATIVE_PRECISIONS and id(ev) not in teasers]
    for ev in ordered:
        if not ev.start and id(ev) not in teasers:
            report.date_undated(ev, told)
    return events


class _Report:
    """One document and what the stage reads of it, worked out once when first needed."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text or ""
        self.lang = doc.lang if doc.lang in ("en", "zh") else "en"
        try:
            self.published = parse_published(doc.published) if doc.published else None
        except (ValueError, TypeError):
            self.published = None  # the engines warn of it; the report is dated as if it had none
        self._dates: dict[tuple[int, int, str | None], list[DateSpan]] = {}
        self._dateline: Interval | None | object = _UNREAD
        first_break = self.text.find("\n")
        has_headline = 0 < first_break <= _HEADLINE_MAX and self.text[first_break:].strip() != ""
        self.headline_end = first_break if has_headline else 0
        self._first_paragraph: int | None | object = _UNREAD

    # --- date expressions of the report -------------------------------------------------------

    def between(self, start: int, end: int, tense: str | None) -> list[DateSpan]:
        """The placed date expressions of the report from ``start`` to ``end`` (a sentence, a line:
        a range that ends between words) read in ``tense``; only these ranges are scanned."""
        key = (start, end, tense)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = [
                s for s in find_dates(self.text, self.lang, self.published, tense, within=[(start, end)])
                if s.interval is not None and s.kind not in _NOT_NARRATIVE]
        return found

    def sentence_dates(self, ev: Event) -> bool:
        """Whether a date expression of the event's own sentence gives (about) its dates."""
        if not ev.mentions:
            return False
        m = ev.mentions[0]
        first = date.fromisoformat(ev.start)
        last = date.fromisoformat(ev.end) if ev.end else first
        for tense in (None, _tense(ev.status)):
            for span in self.between(m.start, m.end, tense):
                iv = span.interval
                if iv.start - _TEXT_SLACK <= last and first <= iv.end + _TEXT_SLACK:
                    return True
        return False

    def narrative_dates(self, start: int, end: int, status: str) -> list[Interval]:
        """The dates between ``start`` and ``end`` as a narrative of an event of ``status`` may mean
        them: as written (the year that overlaps the report), a weekday or a relative date read
        in the event's tense ("on Monday" in a plan is the next Monday)."""
        out = []
        retold = None
        for span in self.between(start, end, None):
            iv = span.interval
            if span.kind in _TENSED_KINDS:
                if retold is None:
                    retold = {s.start: s.interval for s in self.between(start, end, _tense(status))}
                iv = retold.get(span.start, iv)
            out.append(iv)
        return out

    # --- undated events -------------------------------------------------------------------------

    def date_undated(self, ev: Event, told: list[Event]) -> None:
        """Rules 1 to 5 of the module's docstring."""
        background = ev.status == "occurred" and told_in_retrospect(self.doc, ev)
        found = self.context_date(ev, told) if ev.mentions and not background else None
        if found is not None:
            if found.granularity == "day":
                shift = self.days_from_context(ev)
                found = Interval(found.start + shift, found.end + shift, "day")
            ev.start, ev.end = found.iso()
            ev.precision = found.precision
            ev.dated_by = "context"
            return
        if background:
            return  # background without a date of its own: not on the report's day, nor its narrative's
        if self.stamped_after_term(ev):
            return  # a page older than its stamp: not on the report's day (see stamped_after_term)
        # the day the report was written: its dateline's, else its publication day
        dateline = self.dateline_day()
        if dateline:
            self.date_on(ev, dateline, "context")
        elif self.published is None:
            ev.dated_by = None  # nothing dates it: the report has no publication day
        else:
            self.date_on(ev, self.published, "publication")

    @staticmethod
    def date_on(ev: Event, day: Interval, dated_by: str) -> None:
        """Date an event told on ``day`` (a report's, a story's): what happened then, or what is to
        come in the year after it."""
        ev.dated_by = dated_by
        if ev.status in FUTURE_STATUSES:
            ev.start, ev.end, ev.precision = day.start.isoformat(), (day.start + _PLAN_REACH).isoformat(), None
        else:
            ev.start, ev.end = day.iso()
            ev.precision = day.precision

    def context_date(self, ev: Event, told: list[Event]) -> Interval | None:
        """A date the report gives the narrative that tells ``ev`` (rules 1 and 2)."""
        m = ev.mentions[0]
        in_headline = m.start < self.headline_end
        if in_headline:  # a headline tells the report's main story: its first event dated by its sentence
            earlier = [e for e in told if e.mentions[0].start >= self.headline_end][:1]
        else:  # the nearest earlier one of its paragraph, when it tells of the same people
            paragraph = self.line_start(m.start)
            earlier = [e for e in told if paragraph <= e.mentions[0].start and e.mentions[0].end <= m.start][-1:]
            earlier = [e for e in earlier if _share_people(e, ev)]
        # 1. the event its own sentence dates
        for source in earlier:
            first = date.fromisoformat(source.start)
            last = date.fromisoformat(source.end) if source.end else first
            granularity = "month" if source.precision == "month" else "day" if first == last else "days"
            iv = Interval(first, last, granularity)
            if self._narrative(iv, ev.status) and (not in_headline or self._near_report(iv, ev.status)):
                return iv
        # 2. the headline's date
        if self.headline_end and not in_headline:
            for iv in reversed(self.narrative_dates(0, self.headline_end, ev.status)):
                if self._narrative(iv, ev.status) and self._near_report(iv, ev.status):
                    return iv
        return None

    def stamped_after_term(self, ev: Event) -> bool:
        """Whether the event's actor, a person the knowledge base knows, had left every office more
        than a year before the report's publication day: "As Hu Jintao flew home from Italy" on a page
        a feed stamps 2015 was written in 2009, when he could fly home as president, and the report's
        day is no date of the event; unless the report calls them a former office holder, as one written
        after their term would."""
        if self.published is None or not ev.actor.name or not ev.mentions or \
                _FORMER[self.lang].search(ev.mentions[0].text or ""):
            return False  # ("Former Prime Minister Kevin Rudd visited Beijing": the writer knew)
        from summitry.kb import get_kb  # (only for the few events without a date of their own)

        person = get_kb().person(ev.actor.name)
        if person is None or not person.terms or any(t.end is None for t in person.terms):
            return False
        return max(t.end for t in person.terms) < self.published.start - _OUT_OF_OFFICE

    def caption(self, ev: Event) -> tuple[Interval | None, int] | None:
        """When the event is told by another story's summary after the report, one that ends with its
        day in brackets ("... a deadly attack. (29.10.2013)", a video's "... in Havana. (March 20)"): that
        day when the brackets name its year, else None (a day of a year the page does not say), and
        where the brackets open; None for any other line."""
        if not ev.mentions or self.lang != "en":
            return None
        m = ev.mentions[0]
        start = self.line_start(m.start)
        end = self._line_end(start)
        if start <= self.headline_end or m.end > end:
            return None
        found = _CAPTION_DATE.search(self.text, max(start, end - _TAIL), end)  # (a line's end only)
        if found is None or not self._paragraph_before(start):
            return None
        days = [span.interval for span in self.between(found.start(), found.end(), None)
                if span.interval.precision == "day"]
        named_year = _YEAR.search(self.text, found.start(), found.end()) is not None
        return (days[0] if days and named_year else None), found.start()

    def teaser(self, ev: Event) -> bool:
        """Whether the event is told by a line of links to other stories after the report (see
        ``_LINK_LABEL``): a sentence of the report wrapped over lines is none."""
        if not ev.mentions or self.lang != "en":
            return False  # (the Chinese feeds are broadcasts' transcripts: no links between their lines)
        m = ev.mentions[0]
        start = self.line_start(m.start)
        end = self._line_end(start)
        if start <= self.headline_end or m.end > end:
            return False
        line = self.text[start:end].strip()
        if not (_LINK_LABEL.search(line, max(0, len(line) - _TAIL)) or _title(line) and any(
                _title(near) or _TRUNCATED.search(near, max(0, len(near) - _TAIL))
                for near in self._neighbours(start, end))):
            return False
        return self._paragraph_before(start)

    def _line_end(self, start: int) -> int:
        end = self.text.find("\n", start)
        return len(self.text) if end < 0 else end

    def _neighbours(self, start: int, end: int) -> list[str]:
        """The nearest lines that say something before and after the line from ``start`` to ``end``
        (found by walking out line by line: an event's cost does not grow with the document)."""
        found = []
        text, pos = self.text, start
        while pos > self.headline_end:
            prev = max(self.headline_end, text.rfind("\n", self.headline_end, pos - 1) + 1)
            before = text[prev:pos].strip()
            if before:
                found.append(before)
                break
            pos = prev
        pos = end
        while pos < len(text):
            nxt = self._line_end(pos + 1)
            after = text[pos:nxt].strip()
            if after:
                found.append(after)
                break
            pos = nxt
        return found

    def _paragraph_before(self, start: int) -> bool:
        """Whether a line of the report's text (one that ends a sentence) comes before ``start``."""
        if self._first_paragraph is _UNREAD:
            self._first_paragraph = None  # the end of the report's first such line, looked for once
            pos = self.headline_end
            while pos < len(self.text):
                end = self._line_end(pos + 1)
                line = self.text[pos:end].strip()
                if len(line) >= _PARAGRAPH_MIN and _ENDS_SENTENCE.search(line, max(0, len(line) - _TAIL)):
                    self._first_paragraph = end
                    break
                pos = end
        return self._first_paragraph is not None and self._first_paragraph <= start

    def line_start(self, pos: int) -> int:
        """Where the line (the paragraph) holding ``pos`` begins."""
        return max(self.text.rfind("\n", 0, pos), self.text.rfind("\r", 0, pos)) + 1

    def days_from_context(self, ev: Event) -> timedelta:
        """How far the event's sentence puts it from the narrative's day ("the next day": one)."""
        m = ev.mentions[0]
        for pattern, days in _DAYS_FROM_CONTEXT[self.lang]:
            if pattern.search(self.text, m.start, m.end):
                return timedelta(days=days)
        return timedelta(0)

    def dateline_day(self) -> Interval | None:
        """The day of a dateline opening one of the first lines after the headline, if any."""
        if self._dateline is _UNREAD:
            self._dateline = self._find_dateline()
        return self._dateline

    def _find_dateline(self) -> Interval | None:
        shape = _DATELINE[self.lang]
        line_start, lines = self.headline_end, 0
        while line_start < len(self.text) and lines < 3:
            line_end = self.text.find("\n", line_start)
            line_end = len(self.text) if line_end < 0 else line_end
            if self.text[line_start:line_end].strip():
                lines += 1
                found = shape.match(self.text, line_start, min(line_end, line_start + _DATELINE_REACH))
                if found:
                    for span in self.between(found.start("date"), found.end("date"), None):
                        if span.interval.precision == "day":
                            return span.interval
            line_start = line_end + 1
        return None

    def _narrative(self, iv: Interval, status: str) -> bool:
        """A date that may be this event's: a day or a month, on the side of the report its tense says."""
        if iv.precision not in _NARRATIVE_PRECISIONS:
            return False
        if self.published is None:
            return True
        if status in FUTURE_STATUSES:
            return iv.end >= self.published.start
        return iv.start <= self.published.end

    def _near_report(self, iv: Interval, status: str) -> bool:
        """A date from farther afield in the report: where an undated report of the event may sit."""
        from summitry.fuse import undated_window  # fusion's rule for it, so the two never disagree

        if self.published is None:
            return True
        published = {"day": self.published.start.isoformat(), "month": self.published.start.isoformat()[:7]}.get(
            self.published.precision, str(self.published.start.year))
        window = undated_window("planned" if status in FUTURE_STATUSES else "occurred", published)
        return window is None or (iv.start <= window[1] and window[0] <= iv.end)


def _share_people(source: Event, ev: Event) -> bool:
    """Whether a narrative's date may carry from ``source`` to ``ev``: they name someone in common,
    or one of them names no one ("Xi arrived in Islamabad on Monday, three weeks before Modi's visit
    to China": Xi's Monday is not Modi's). The engine's narrative carries its dates by the same rule."""
    ours = {p.name for p in (ev.actor, *ev.counterparts) if p.name}
    theirs = {p.name for p in (source.actor, *source.counterparts) if p.name}
    return not ours or not theirs or bool(ours & theirs)


def told_by_teaser(doc: Document, ev: Event) -> bool:
    """Whether ``ev`` is told by a link to another story after the report (see ``_LINK_LABEL``), or
    by another story's summary whose day in brackets names no year ("(March 20)"): without a year
    of its own it is left undated."""
    report = _Report(doc)
    if report.teaser(ev):
        return True
    caption = report.caption(ev)
    return caption is not None and caption[0] is None


def told_on_an_older_page(doc: Document, ev: Event) -> bool:
    """Whether ``ev``'s page was written long before its stamp (its actor had left every office over
    a year before it, and the report does not call them former): without a date of its own it is
    left undated."""
    return _Report(doc).stamped_after_term(ev)


def _title(line: str) -> bool:
    """A line in a title's form: short, one clause, ending no sentence."""
    return 0 < len(line) <= _TITLE_MAX and not _ENDS_SENTENCE.search(line, max(0, len(line) - _TAIL)) \
        and not _SENTENCE_INSIDE.search(line)


def told_in_retrospect(doc: Document, ev: Event) -> bool:
    """Whether the sentence that tells ``ev`` tells it as background ("then-Vice President Xi's
    visit", "had visited", 时任, 曾访问): without a date of its own it is left undated."""
    m = ev.mentions[0] if ev.mentions else None
    rx = _RETROSPECT["zh" if doc.lang == "zh" else "en"]
    return m is not None and rx.search(doc.text or "", m.start, m.end) is not None


def _tense(status: str) -> str:
    return "future" if status in FUTURE_STATUSES else "past"


def dating_shares(events: Iterable[Event]) -> dict[str, int]:
    """How many events each dating source dates (``none`` for undated ones)."""
    counts = {"text": 0, "context": 0, "publication": 0, "none": 0}
    for ev in events:
        counts[ev.dated_by or "none"] += 1
    return counts
