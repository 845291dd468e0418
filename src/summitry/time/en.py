"""English date grammar (news and machine-translated news)."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from summitry.time.grammar import Grammar, Result, Rules, alt, trie
from summitry.time.interval import Interval, month_iv, shift_month, year_iv
from summitry.time.lexicon import words
from summitry.time.resolve import (
    Anchor,
    day_or_none,
    day_range,
    days_or_none,
    month_part_iv,
    quarter_iv,
    season_iv,
    season_of,
    year_ok,
    year_part_iv,
)


class _Lex:
    """Lookup tables and regex pieces built from the word lists."""

    def __init__(self) -> None:
        en = words()["en"]
        self.month_no: dict[str, int] = {}
        full, abbr = [], []
        for no, names in en["months"].items():
            for name in names["full"]:
                full += [name, name.upper()]
                self.month_no[name.lower()] = int(no)
            for name in names["abbr"]:
                abbr += [name, name.upper()]
                self.month_no[name.lower()] = int(no)
        self.ambiguous = {m.lower() for m in en["ambiguous_months"]}
        self.context_re = re.compile(
            r"(?i:\b(?:" + alt(en["month_context"]) + r"))[\s-]*$")
        # a month next to a day or year: full names, or abbreviations with an optional dot
        self.MONTH = r"(?:" + alt(full + abbr) + r")\b\.?"
        self.MONTH_FULL = r"(?:" + alt(full) + r")\b"
        self.weekday_no: dict[str, int] = {}
        wds = []
        for no, names in en["weekdays"].items():
            for name in names:
                wds += [name, name.upper()]
                self.weekday_no[name.lower()] = int(no)
        # lookbehinds must be fixed-width: one per name word
        not_names = "".join(f"(?<!{re.escape(w)} )" for w in en["weekday_names_after"])
        self.WEEKDAY = not_names + r"(?:" + alt(wds) + r")\b"
        self.vague = {k.lower() for k in en["vague_numbers"]}
        self.numbers: dict[str, int] = {k.lower(): v for k, v in {**en["numbers"], **en["vague_numbers"]}.items()}
        word_numbers = [k for k in self.numbers if k not in ("a", "an", "some")]
        self.NUM = r"(?:\d{1,3}|(?i:" + alt(word_numbers) + r"))\b"
        self.NUM_A = r"(?:\d{1,3}|(?i:" + alt(list(self.numbers)) + r"))\b"
        self.units: dict[str, str] = en["units"]
        self.seasons: dict[str, str] = en["seasons"]
        # a season word used as an adjective ("autumn term") is none, nor, capitalised, in a name
        # ("Spring Festival", "Summer Davos", "Winter Olympics")
        compounds = alt(en["season_compounds"])
        lower = alt(list(self.seasons))
        capital = alt([w.capitalize() for w in self.seasons] + [w.upper() for w in self.seasons])
        self.SEASON = (rf"(?:(?:{lower})\b(?!\s+(?:{compounds})\b)"
                       rf"|(?:{capital})\b(?!\s+(?:[A-Z]|(?:{compounds})\b)))")
        self.NOUNS = r"(?:" + alt(en["duration_nouns"]) + r")\b"
        # every expression holds one of these; the scan looks for them first
        keywords = TRIGGER_WORDS + list(self.seasons)
        keywords += [w.capitalize() for w in keywords] + [w.upper() for w in keywords]
        # (one lookbehind for both branches: a trigger never starts inside a word)
        self.TRIGGER = r"(?<![^\W\d])(?:\d+|" + trie(full + abbr + wds + keywords) + r"\b)"
        # what may come before the trigger within an expression
        self.lead_words = frozenset(LEAD_WORDS) | frozenset(self.numbers)

    def month(self, s: str) -> int:
        return self.month_no[s.rstrip(".").lower()]

    def number(self, s: str) -> int:
        s = s.lower()
        return int(s) if s.isdigit() else self.numbers[re.sub(r"\s+", " ", s)]


DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d.,$€£])(?:1[89]|20)\d\d(?![\d%]|s\b|(?<=0)'s\b)"  # not the decade "1990s"
WS = r"\s+"
# between a date and its year: "September 14, 2022", "September 14 , 2022", "September 14，2022"
YS = r"\s*[,，]?\s*"
# a range connector between days or months ("and" is added where it may join them)
DASH = r"(?:\s*[-–—~]\s*|\s+(?i:to|through|thru|until|till)\s+)"


#: words of which every expression holds at least one (besides digits, month and weekday names,
#: seasons); the scan only looks for expressions around them
TRIGGER_WORDS = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                 "night", "nights", "quarter", "earlier", "later", "yesterday", "today", "tomorrow",
                 "tonight", "morning", "afternoon", "evening", "soon", "shortly", "recently", "lately",
                 "future", "long", "weekend"]
#: words that may lead into an expression before its first trigger ("from", "the end of last")
LEAD_WORDS = ["from", "between", "since", "the", "a", "an", "his", "her", "its", "their", "this", "that",
              "in", "over", "during", "within", "for", "throughout", "last", "next", "coming", "past",
              "current", "previous", "following", "recent", "near", "before", "early", "mid", "late",
              "end", "beginning", "start", "middle", "first", "second", "latter", "half", "part", "of",
              "to", "or"]


def _int(s: str | None) -> int | None:
    return int(re.sub(r"\D", "", s)) if s else None


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    L = _Lex()
    M, MF, WD, SEASON = L.MONTH, L.MONTH_FULL, L.WEEKDAY, L.SEASON
    rules = Rules()
    rule = rules.rule

    def RY(p: str) -> str:
        """A year named relatively after a date: "May 5 last year", "in March this year"."""
        return rf",?{WS}(?P<{p}ry>(?i:this|last|next|the\s+previous|the\s+following){WS}(?i:year))\b"

    def rel_year(m, p: str) -> int | None:
        ry = m.group(p + "ry")
        if ry is None:
            return None
        word = ry.lower().split()[-2]
        return {"last": -1, "previous": -1, "next": 1, "following": 1}.get(word, 0)

    def between_conn(p: str) -> str:
        """A range connector; "and" after "between", or joining two days in a row ("14 and 15")."""
        return rf"(?:{DASH}|\s+(?P<{p}and>(?i:and|&))\s+)"

    def and_ok(m, p: str, d1: str | None, d2: str | None, months: tuple[str, str] | None = None) -> bool:
        if m.group(p + "and") is None or m.group(p + "pre") and m.group(p + "pre").lower() == "between":
            return True
        if months is not None and d1 is not None and d2 is not None:
            # "on Aug 31 and Sept 1": two days in a row across a month's end (February's 28th or 29th)
            m1, m2 = L.month(months[0]), L.month(months[1])
            if m1 == m2:  # "June 5 and June 6"
                return _int(d2) == _int(d1) + 1
            last = {2: (28, 29), 4: (30,), 6: (30,), 9: (30,), 11: (30,)}.get(m1, (31,))
            return m2 == m1 % 12 + 1 and _int(d1) in last and _int(d2) == 1
        return d1 is not None and d2 is not None and _int(d2) == _int(d1) + 1

    # ------------------------------------------------------------------ periods (statistics)
    @rule("period_years",
          rf"(?:(?P<py_pre>(?i:from|between|since)){WS})?(?P<py_y1>{YEAR})"
          rf"(?:\s*[-–—]\s*|{WS}(?i:to|and|until|till|through){WS})(?P<py_y2>{YEAR})")
    def _period_years(m, ctx):
        y1, y2 = int(m.group("py_y1")), int(m.group("py_y2"))
        if not (year_ok(y1) and year_ok(y2)) or y2 < y1:
            return None
        return Result("period", Interval(date(y1, 1, 1), date(y2, 12, 31), "year"))

    @rule("period_open",
          rf"(?:(?P<po_since>(?i:since|from)){WS})?(?P<po_y>{YEAR})"
          rf"(?:{WS}(?i:to|until|till|through){WS}(?i:the|its|their|a){WS}[a-z][\w-]*)")
    def _period_open(m, ctx):
        return _period_from(int(m.group("po_y")), ctx)

    @rule("period_since", rf"(?i:since){WS}(?P<ps_y>{YEAR})(?!\s*(?:{M}))")
    def _period_since(m, ctx):
        return _period_from(int(m.group("ps_y")), ctx)

    def _period_from(y, ctx):
        if not year_ok(y):
            return None
        ref = ctx.anchor.ref
        end = ref.end if ref is not None and ref.end.year >= y else date(y, 12, 31)
        return Result("period", Interval(date(y, 1, 1), end, "year"))

    # ------------------------------------------------------------------ numeric dates
    @rule("iso", rf"(?<![A-Za-z0-9_./\\-])(?P<iso_y>{YEAR})(?P<iso_sep>[-/.])(?P<iso_m>[01]?\d)(?P=iso_sep)"
                 r"(?P<iso_d>[0-3]?\d)(?![A-Za-z0-9_-]|\.[A-Za-z0-9])")
    def _iso(m, ctx):
        iv = day_or_none(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
        return Result("absolute", iv) if iv and year_ok(iv.start.year) else None

    @rule("numeric", r"(?<![A-Za-z0-9_./\\-])(?P<nu_a>[0-3]?\d)(?P<nu_sep>[/.])(?P<nu_b>[0-3]?\d)(?P=nu_sep)"
                     r"(?P<nu_y>(?:1[89]|20)\d\d)(?![A-Za-z0-9_/-]|\.[A-Za-z0-9])")
    def _numeric(m, ctx):
        """14/09/2022 or 09/14/2022 when only one reading is a date; 14.09.2022 day first."""
        a, b, y = int(m.group("nu_a")), int(m.group("nu_b")), int(m.group("nu_y"))
        if a > 12 or m.group("nu_sep") == "." or a == b:
            iv = day_or_none(y, b, a)
        elif b > 12:
            iv = day_or_none(y, a, b)
        else:
            return None  # 05/04/2022: April or May
        return Result("absolute", iv) if iv and year_ok(y) else None

    # ------------------------------------------------------------------ day ranges
    @rule("range_md",
          rf"(?:(?P<rmd_pre>(?i:from|between)){WS})?(?P<rmd_m1>{M})\s*(?P<rmd_d1>{DAY})"
          rf"(?:{YS}(?P<rmd_y1>{YEAR}))?{between_conn('rmd_')}"
          rf"(?:(?P<rmd_m2>{M})\s*)?(?P<rmd_d2>{DAY})(?:{YS}(?P<rmd_y2>{YEAR}))?")
    def _range_md(m, ctx):
        # (two dates with their years joined by "and" stay two: "September 14, 2022 and September 15, 2022")
        months = (m.group("rmd_m1"), m.group("rmd_m2")) if m.group("rmd_m2") and not m.group("rmd_y1") else None
        if not and_ok(m, "rmd_", m.group("rmd_d1"), None if m.group("rmd_m2") and not months else m.group("rmd_d2"),
                      months):
            return None
        return _day_range(ctx, m.group("rmd_m1"), m.group("rmd_d1"), m.group("rmd_y1"),
                          m.group("rmd_m2"), m.group("rmd_d2"), m.group("rmd_y2"))

    @rule("range_dm",
          rf"(?:(?P<rdm_pre>(?i:from|between)){WS})?(?:(?i:the){WS})?(?P<rdm_d1>{DAY})"
          rf"(?:{WS}(?:(?i:of){WS})?(?P<rdm_m1>{M})(?:{YS}(?P<rdm_y1>{YEAR}))?)?{between_conn('rdm_')}"
          rf"(?:(?i:the){WS})?(?P<rdm_d2>{DAY}){WS}(?:(?i:of){WS})?(?P<rdm_m2>{M})"
          rf"(?:{YS}(?P<rdm_y2>{YEAR}))?")
    def _range_dm(m, ctx):
        months = (m.group("rdm_m1"), m.group("rdm_m2")) if m.group("rdm_m1") and not m.group("rdm_y1") else None
        if not and_ok(m, "rdm_", None if m.group("rdm_m1") and not months else m.group("rdm_d1"), m.group("rdm_d2"),
                      months):
            return None
        m1 = m.group("rdm_m1") or m.group("rdm_m2")
        return _day_range(ctx, m1, m.group("rdm_d1"), m.group("rdm_y1"),
                          m.group("rdm_m2"), m.group("rdm_d2"), m.group("rdm_y2"))

    def _day_range(ctx, m1s, d1s, y1s, m2s, d2s, y2s):
        m1 = L.month(m1s)
        m2 = L.month(m2s) if m2s else m1
        d1, d2 = _int(d1s), _int(d2s)
        y1, y2 = _int(y1s), _int(y2s)
        if not (year_ok(y1) and year_ok(y2)):
            return None
        if (m2, d2) == (m1, d1) or (m2 == m1 and d2 < d1 and not (y2 and y1 and y2 > y1)):
            return None
        if y1 is not None and y2 is not None:
            iv = days_or_none(y1, m1, d1, y2, m2, d2)
        elif y2 is not None:
            iv = day_range(m1, d1, m2, d2)(y2)
        elif y1 is not None:
            iv = day_range(m1, d1, m2, d2, y_end=False)(y1)
        else:
            make = day_range(m1, d1, m2, d2)
            if make(2000) is None and make(2001) is None:
                return None
            return Result("range", ctx.anchor.infer_year(make))
        return Result("range", iv) if iv else None

    # ------------------------------------------------------------------ month ranges
    @rule("range_mm",
          rf"(?:(?P<rmm_pre>(?i:from|between)){WS})?(?P<rmm_m1>{MF})(?:{YS}(?P<rmm_y1>{YEAR}))?"
          rf"{between_conn('rmm_')}(?P<rmm_m2>{MF})(?!\s*{DAY})(?:{YS}(?P<rmm_y2>{YEAR}))?")
    def _range_mm(m, ctx):
        if not and_ok(m, "rmm_", None, None):
            return None
        m1, m2 = L.month(m.group("rmm_m1")), L.month(m.group("rmm_m2"))
        y1, y2 = _int(m.group("rmm_y1")), _int(m.group("rmm_y2"))
        if m1 == m2 and not (y1 and y2) or not (year_ok(y1) and year_ok(y2)):
            return None

        def make(year_end: int) -> Interval | None:
            start_year = year_end - 1 if m2 < m1 else year_end
            if y1 is not None:
                start_year = y1
            if start_year > year_end:
                return None
            s, e = month_iv(start_year, m1), month_iv(year_end, m2)
            return Interval(s.start, e.end, "month")
        if y2 is not None:
            iv = make(y2)
        elif y1 is not None:
            iv = make(y1 + 1 if m2 < m1 else y1)
        else:
            iv = ctx.anchor.infer_year(make)
        return Result("range", iv)

    # ------------------------------------------------------------------ weekdays
    @rule("weekday_range",
          rf"(?:(?P<wr_pre>(?i:from|between)){WS})?(?P<wr_w1>{WD}){between_conn('wr_')}(?P<wr_w2>{WD})")
    def _weekday_range(m, ctx):
        """"from Wednesday to Friday": the first day as a weekday alone, the last one after it."""
        if not and_ok(m, "wr_", None, None):
            return None
        w1, w2 = L.weekday_no[m.group("wr_w1").lower()], L.weekday_no[m.group("wr_w2").lower()]
        return Result("range", _weekday_span(ctx.anchor.weekday(w1), (w2 - w1) % 7)) if w1 != w2 else None

    @rule("weekday",
          rf"(?:(?P<wd_mod>(?i:this\s+past|this\s+coming|last|next|this|coming|past)){WS})?(?P<wd_w>{WD})"
          rf"(?:(?:[,，]\s*|\s*[(（]\s*|{WS})(?:(?P<wd_m>{M})\s*(?P<wd_d>{DAY})|(?:(?i:the){WS})?"
          rf"(?P<wd_d2>{DAY}){WS}(?:(?i:of){WS})?(?P<wd_m2>{M}))(?:{YS}(?P<wd_y>{YEAR}))?(?:\s*[)）])?)?")
    def _weekday(m, ctx):
        wd = L.weekday_no[m.group("wd_w").lower()]
        ms, ds = m.group("wd_m") or m.group("wd_m2"), m.group("wd_d") or m.group("wd_d2")
        if ds:
            month, day, y = L.month(ms), _int(ds), _int(m.group("wd_y"))
            if day_or_none(2000, month, day) is None:  # "Monday (September 31)": the weekday alone
                return Result("weekday", ctx.anchor.weekday(wd), end=m.end("wd_w"))
            if y is not None:
                iv = day_or_none(y, month, day)
                return Result("absolute", iv) if iv and year_ok(y) else None
            return Result("absolute", ctx.anchor.infer_year(lambda yy: day_or_none(yy, month, day), weekday=wd))
        mod = (m.group("wd_mod") or "").lower().split()
        a = ctx.anchor
        if not mod:
            iv = a.weekday(wd)
        elif mod[-1] == "past" or mod == ["last"]:
            iv = a.weekday(wd, "last")
        elif mod[-1] == "coming" or mod == ["next"]:
            iv = a.weekday(wd, "next")
        else:  # this
            iv = a.weekday(wd, "week")
        return Result("weekday", iv)

    # ------------------------------------------------------------------ single days
    @rule("md",
          rf"(?P<md_m>{M})\s*(?P<md_d>{DAY})(?:{YS}(?P<md_y>{YEAR})|{RY('md_')})?"
          rf"(?:(?:,\s*|\s*\(\s*)(?P<md_w>{WD})(?:\s*[)）])?)?")
    def _md(m, ctx):
        return _day(ctx, m.group("md_m"), m.group("md_d"), m.group("md_y"), m.group("md_w"), rel_year(m, "md_"))

    @rule("dm",
          rf"(?:(?i:the){WS})?(?P<dm_d>{DAY}){WS}(?:(?i:of){WS})?(?P<dm_m>{M})(?:{YS}(?P<dm_y>{YEAR})|{RY('dm_')})?"
          rf"(?:(?:,\s*|\s*\(\s*)(?P<dm_w>{WD})(?:\s*[)）])?)?")
    def _dm(m, ctx):
        return _day(ctx, m.group("dm_m"), m.group("dm_d"), m.group("dm_y"), m.group("dm_w"), rel_year(m, "dm_"))

    def _day(ctx, ms, ds, ys, ws, ry=None):
        month, day, y = L.month(ms), _int(ds), _int(ys)
        if y is not None:
            iv = day_or_none(y, month, day)
            return Result("absolute", iv) if iv and year_ok(y) else None
        if day_or_none(2000, month, day) is None:  # no year has it (leap day included)
            return None
        if ry is not None:
            return Result("absolute", ctx.anchor.relative(lambda r: day_or_none(r.year + ry, month, day)))
        wd = L.weekday_no[ws.lower()] if ws else None
        return Result("absolute", ctx.anchor.infer_year(lambda yy: day_or_none(yy, month, day), weekday=wd))

    @rule("on_the_nth", rf"(?<=\b[Oo]n\s)(?i:the){WS}(?P<nth_d>{DAY})(?<=st|nd|rd|th)(?!\s*[A-Za-z\d])")
    def _on_the_nth(m, ctx):
        day = _int(m.group("nth_d"))
        return Result("absolute", ctx.anchor.infer_month(lambda y, mo: day_or_none(y, mo, day)))

    # ------------------------------------------------------------------ parts of months and years
    PART = (r"(?i:the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|"
            r"the\s+middle\s+of|middle\s+of|the\s+first\s+half\s+of|first\s+half\s+of|"
            r"the\s+second\s+half\s+of|second\s+half\s+of|the\s+latter\s+half\s+of|"
            r"the\s+first\s+part\s+of|the\s+latter\s+part\s+of|early|mid|late|end)\b")
    REL = r"(?i:this|last|next|the|the\s+current|the\s+previous|the\s+following)"

    @rule("part",
          rf"(?P<pt_p>{PART})(?:\s*-?\s*(?i:to|or)\b\s*-?\s*(?P<pt_p2>(?i:mid|late))\b)?\s*-?\s*"
          rf"(?:(?P<pt_m>{MF})(?:{YS}(?P<pt_y>{YEAR})|{RY('pt_')})?"
          rf"|(?P<pt_rel>{REL}){WS}(?P<pt_u>(?i:month|year))\b|(?P<pt_y2>{YEAR})"
          rf"|(?P<pt_s>{SEASON})(?:{WS}(?P<pt_sy>{YEAR}))?|(?:(?i:the){WS})?(?P<pt_dec>(?:19|20)\d0)'?s\b)")
    def _part(m, ctx):
        p = re.sub(r"^the\s+|\s+of$", "", m.group("pt_p").lower())
        p = re.sub(r"\s+", " ", p)
        month_part = {"early": "early", "beginning": "early", "start": "early", "first part": "early",
                      "mid": "mid", "middle": "mid", "late": "late", "end": "late", "latter part": "late"}
        year_part = {"early": "early", "beginning": "beginning", "start": "beginning",
                     "first part": "early", "mid": "mid", "middle": "mid", "late": "late", "end": "end",
                     "latter part": "late", "first half": "first_half", "second half": "second_half",
                     "latter half": "second_half"}
        a = ctx.anchor
        if m.group("pt_p2") and not m.group("pt_m"):
            return None  # "early to mid" only reads with a month
        if m.group("pt_s"):
            season = L.seasons[m.group("pt_s").lower()]
            y = _int(m.group("pt_sy"))
            iv = season_iv(y, season) if y else a.infer_year(lambda yy: season_iv(yy, season))
            return Result("part", iv)
        if m.group("pt_m"):
            month = L.month(m.group("pt_m"))
            y = _int(m.group("pt_y"))
            half = p in ("first half", "second half", "latter half")
            p2 = m.group("pt_p2")
            if half and p2 is None:
                part_fn = (lambda yy: _half_month(yy, month, p != "first half"))
            elif half:
                return None
            elif p2 is not None:  # "mid-to-late September": both parts
                part_fn = (lambda yy: month_part_iv(yy, month, month_part[p]).hull(
                    month_part_iv(yy, month, p2.lower()), "part"))
            else:
                part_fn = (lambda yy: month_part_iv(yy, month, month_part[p]))
            if y is not None:
                return Result("part", part_fn(y)) if year_ok(y) else None
            ry = rel_year(m, "pt_")
            if ry is not None:
                return Result("part", a.relative(lambda r: part_fn(r.year + ry)))
            return Result("part", a.infer_year(part_fn))
        if m.group("pt_dec"):
            # early/mid/late in a decade: its first four, middle four, last four years
            first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(month_part.get(p, ""), (None, None))
            if first is None:
                return None
            y = int(m.group("pt_dec"))
            return Result("part", Interval(date(y + first, 1, 1), date(y + last, 12, 31), "year"))
        if m.group("pt_y2"):
            y = int(m.group("pt_y2"))
            return Result("part", year_part_iv(y, year_part[p])) if year_ok(y) else None
        rel, unit = m.group("pt_rel").lower().split()[-1], m.group("pt_u").lower()
        n = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(rel, 0)
        if unit == "month":
            if p in ("first half", "second half", "latter half"):
                def f(r):
                    yy, mm = shift_month(r.year, r.month, n)
                    return _half_month(yy, mm, p != "first half")
            else:
                def f(r):
                    yy, mm = shift_month(r.year, r.month, n)
                    return month_part_iv(yy, mm, month_part[p])
        else:
            def f(r):
                return year_part_iv(r.year + n, year_part[p])
        return Result("part", a.relative(f))

    # ------------------------------------------------------------------ seasons and quarters
    @rule("season",
          rf"(?:(?P<ss_mod>(?i:this\s+past|this\s+coming|this|last|next|the|coming|past)){WS})?"
          rf"(?P<ss_s>{SEASON})(?:{WS}(?:(?i:of){WS})?(?P<ss_y>{YEAR}))?(?!{WS}(?i:of)\b)")
    def _season(m, ctx):
        season = L.seasons[m.group("ss_s").lower()]
        mod = (m.group("ss_mod") or "").lower().split()
        y = _int(m.group("ss_y"))
        if y is not None:
            return Result("part", season_iv(y, season)) if year_ok(y) else None
        if mod in ([], ["the"]) and not _before(_PREP_BEFORE, ctx.text, m.start()):
            return None  # "the fall in prices", "spring" as a noun

        a = ctx.anchor
        if not mod or mod == ["the"]:
            return Result("part", a.infer_year(lambda yy: season_iv(yy, season)))

        def f(r):
            cur_year, cur = season_of(r)
            this = season_iv(cur_year if cur == "winter" and season == "winter" else r.year, season)
            if mod == ["this"]:
                return this
            if mod[-1] == "past" or mod == ["last"]:
                return this if this.end < r else season_iv(this.start.year - 1, season)
            return this if this.start > r else season_iv(this.start.year + 1, season)
        return Result("part", a.relative(f))

    @rule("quarter",
          rf"(?:(?i:the){WS})?(?P<q_n>(?i:first|second|third|fourth|1st|2nd|3rd|4th)){WS}(?i:quarter)\b"
          rf"(?:{WS}(?:(?i:of){WS})?(?P<q_y>{YEAR}))?")
    def _quarter(m, ctx):
        q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}[m.group("q_n").lower()]
        y = _int(m.group("q_y"))
        if y is not None:
            return Result("part", quarter_iv(y, q)) if year_ok(y) else None
        return Result("part", ctx.anchor.infer_year(lambda yy: quarter_iv(yy, q)))

    @rule("decade", rf"(?:(?i:the){WS})?(?P<dc_y>(?:19|20)\d0)'?s\b")
    def _decade(m, ctx):
        y = int(m.group("dc_y"))
        return Result("absolute", Interval(date(y, 1, 1), date(y + 9, 12, 31), "decade"))

    # ------------------------------------------------------------------ relative expressions
    @rule("rest_of",
          rf"(?P<ro_w>(?i:earlier|later)){WS}(?i:this|in\s+the){WS}(?P<ro_u>(?i:week|month|year))\b")
    def _rest_of(m, ctx):
        earlier = m.group("ro_w").lower() == "earlier"
        iv = ctx.anchor.rest_of(m.group("ro_u").lower(), earlier)
        return Result("relative" if earlier else "vague", iv)

    @rule("window",
          rf"(?:(?i:in|over|during|within|for|throughout){WS})?(?i:the){WS}"
          rf"(?P<wn_dir>(?i:past|last|next|coming|previous|recent|following)){WS}"
          rf"(?:(?P<wn_n>{L.NUM_A}){WS}(?:(?i:of){WS})?)?(?P<wn_u>(?i:days|weeks|months|years|decades))\b")
    def _window(m, ctx):
        forward = m.group("wn_dir").lower() in ("next", "coming", "following")
        unit = L.units[m.group("wn_u").lower()]
        if m.group("wn_n") is None:
            name = ("coming_" if forward else "recent_") + (unit + "s" if unit != "decade" else "years")
            return Result("vague" if forward else "relative", ctx.anchor.named_window(name))
        n = L.number(m.group("wn_n"))
        if n <= 0:
            return None
        return Result("vague" if forward else "relative", ctx.anchor.window(unit, -n if forward else n))

    @rule("window_one",
          rf"(?:(?i:in|over|during|within|for|throughout){WS})?(?i:the){WS}"
          rf"(?P<w1_dir>(?i:past|previous)){WS}(?P<w1_u>(?i:week|month|year|decade))\b")
    def _window_one(m, ctx):
        return Result("relative", ctx.anchor.window(L.units[m.group("w1_u").lower()], 1))

    @rule("recent", rf"(?i:in\s+recent|over\s+recent|in\s+the\s+coming|over\s+the\s+coming)"
                    rf"{WS}(?P<rc_u>(?i:days|weeks|months|years))\b")
    def _recent(m, ctx):
        forward = "coming" in m.group(0).lower()
        unit = L.units[m.group("rc_u").lower()]
        return Result("vague" if forward else "relative",
                      ctx.anchor.named_window(("coming_" if forward else "recent_") + unit + "s"))

    @rule("unit_rel",
          rf"(?P<ur_mod>(?i:this\s+past|this\s+coming|the\s+coming|the\s+current|the\s+previous|"
          rf"the\s+following|last|next|this|coming)){WS}(?P<ur_u>(?i:week|month|year))\b")
    def _unit_rel(m, ctx):
        mod = m.group("ur_mod").lower().split()[-1]
        n = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get(mod, 0)
        return Result("relative", ctx.anchor.unit_offset(m.group("ur_u").lower(), n))

    @rule("ago",
          rf"(?P<ag_n>{L.NUM_A}){WS}(?P<ag_u>(?i:days?|weeks?|months?|years?|decades?)){WS}"
          rf"(?P<ag_d>(?i:ago|earlier|from\s+now|hence))\b")
    def _ago(m, ctx):
        n = L.number(m.group("ag_n"))
        if n <= 0:
            return None
        unit = L.units[m.group("ag_u").lower()]
        sign = 1 if m.group("ag_d").lower() in ("from now", "hence") else -1
        if re.sub(r"\s+", " ", m.group("ag_n").lower()) in L.vague:
            # "a few weeks ago": somewhere in the last few (twice n) units
            return Result("relative", ctx.anchor.window(unit, -2 * n if sign > 0 else 2 * n))
        return Result("relative", ctx.anchor.unit_offset(unit, sign * n))

    @rule("weekend",
          rf"(?P<we_mod>(?i:this\s+past|this\s+coming|the\s+coming|the\s+past|last|next|this|the)){WS}"
          r"(?i:weekend)\b")
    def _weekend(m, ctx):
        mod = m.group("we_mod").lower().split()
        if mod == ["the"] and not _before(_WEEKEND_PREP, ctx.text, m.start()):
            return None
        offset = {"last": -1, "next": 1}.get(mod[0]) if len(mod) == 1 else None
        if mod == ["this"]:
            offset = 0
        a = ctx.anchor
        if mod[-1] == "past":
            return Result("relative", Anchor(a.ref, "past").weekend())
        if mod[-1] == "coming":
            return Result("relative", Anchor(a.ref, "future").weekend())
        return Result("relative", a.weekend(offset))

    @rule("day_word",
          r"(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|"
          r"tonight|last\s+night|this\s+morning|this\s+afternoon|this\s+evening)\b")
    def _day_word(m, ctx):
        s = m.group(0).lower()
        n = -2 if "before" in s else 2 if "after" in s else -1 if s.startswith(("yesterday", "last")) \
            else 1 if s.startswith("tomorrow") else 0
        return Result("relative", ctx.anchor.unit_offset("day", n))

    @rule("vague",
          r"(?<!\bas\s)(?P<vg>(?i:soon|shortly|in\s+the\s+near\s+future|before\s+long|recently|lately))\b"
          r"(?!\s+(?i:as|after|before)\b)")
    def _vague(m, ctx):
        s = re.sub(r"\s+", " ", m.group("vg").lower())
        name = {"soon": "soon", "shortly": "soon", "before long": "soon", "in the near future": "near_future",
                "recently": "recently", "lately": "lately"}[s]
        return Result("vague" if name in ("soon", "near_future") else "relative", ctx.anchor.named_window(name))

    # ------------------------------------------------------------------ durations
    @rule("duration",
          rf"(?:(?i:a|an|the|his|her|its|their|this|that){WS})?(?P<du_n>{L.NUM}|\d{{1,2}})\s*[-–]\s*"
          rf"(?P<du_u>(?i:day|week|night))(?:[-\s](?i:long))?\b(?!-)"
          rf"(?:(?:,?\s+(?!(?i:and|or|in|on|at|to|of|with|for)\b)[A-Za-z][\w-]*){{0,3}}?\s+(?P<du_noun>{L.NOUNS}))?")
    def _duration(m, ctx):
        n = L.number(m.group("du_n"))
        unit = m.group("du_u").lower()
        if n <= 0 or n > 90:
            return None
        return Result("duration", None, n * 7 if unit == "week" else n)

    @rule("days_nights",
          rf"(?P<dn_n>{L.NUM_A}){WS}(?i:days?){WS}(?i:and){WS}{L.NUM_A}{WS}(?i:nights?)\b")
    def _days_nights(m, ctx):
        n = L.number(m.group("dn_n"))
        return Result("duration", None, n) if 0 < n <= 90 else None

    # ------------------------------------------------------------------ months and years alone
    @rule("month_year", rf"(?P<my_m>{M})(?:{YS}|{WS}(?i:of){WS})(?P<my_y>{YEAR})")
    def _month_year(m, ctx):
        y = int(m.group("my_y"))
        return Result("absolute", month_iv(y, L.month(m.group("my_m")))) if year_ok(y) else None

    @rule("month",
          rf"(?:(?P<mo_mod>(?i:this\s+past|this\s+coming|last|next|this|coming|past)){WS})?(?P<mo_m>{MF})"
          rf"(?!\s*-?\d)(?:{RY('mo_')})?")
    def _month(m, ctx):
        name = m.group("mo_m")
        month = L.month(name)
        mod = (m.group("mo_mod") or "").lower().split()
        if not mod and name.lower() in L.ambiguous and not _before(L.context_re, ctx.text, m.start()):
            return None  # "May" the verb or a name, "March" the noun
        a = ctx.anchor
        ry = rel_year(m, "mo_")
        if ry is not None and not mod:
            return Result("absolute", a.relative(lambda r: month_iv(r.year + ry, month)))
        if ry is not None:
            return None  # "last March this year"
        if not mod:
            return Result("absolute", a.infer_year(lambda yy: month_iv(yy, month)))

        def f(r):
            this = month_iv(r.year, month)
            if mod == ["this"]:
                return this
            if mod[-1] == "past" or mod == ["last"]:
                return this if this.end < r else month_iv(r.year - 1, month)
            return this if this.start > r else month_iv(r.year + 1, month)
        return Result("relative", a.relative(f))

    @rule("year", rf"(?<![\w$€£.,/-])(?P<yr_y>{YEAR})(?![\w/]|-\w|[.,]\d)")
    def _year(m, ctx):
        y = int(m.group("yr_y"))
        if not year_ok(y):
            return None
        # "2000 troops": a count, not a year, unless a preposition comes before it
        if re.match(r"\s[a-z]", ctx.text[m.end():m.end() + 2]) and not _before(_PREP_BEFORE, ctx.text, m.start()):
            return None
        return Result("absolute", year_iv(y))

    def lead_in(text: str, lo: int, core: int) -> list[int]:
        """Starts of the lead-in words ("from", "the end of last", "a two-") right before ``core``."""
        starts: list[int] = []
        i = core
        for _ in range(MAX_LEAD_WORDS):
            j = i
            while j > lo and text[j - 1] in _SEPARATORS:
                j -= 1
            if j == i and i != core:
                break
            k = j
            while k > lo and text[k - 1].isalpha():
                k -= 1
            if k == j or text[k:j].lower() not in L.lead_words:
                break
            starts.append(k)
            i = k
        starts.reverse()
        return starts

    return Grammar(rules, trigger=L.TRIGGER, lead_in=lead_in, start=r"\b")


MAX_LEAD_WORDS = 6
_SEPARATORS = frozenset(" \t\n\r,-\u00a0")


_PREP_BEFORE = re.compile(
    r"(?i:\b(?:in|during|by|until|till|since|over|through|throughout|before|after|from|for|of|this|the|"
    r"and|to|early|mid|late|around|about)\s+(?:the\s+)?)$")


_WEEKEND_PREP = re.compile(r"(?i:\b(?:at|over|during|on|for|by|until|in|after|before)\s+)$")


def _weekday_span(first: Interval | None, days: int) -> Interval | None:
    """From ``first`` to ``days`` days after it (kept as wide as ``first`` when that is wider)."""
    if first is None:
        return None
    end = first.start + timedelta(days=days)
    if first.granularity == "day":
        return Interval(first.start, end, "days")
    return Interval(first.start, max(end, first.end), first.granularity)


def _before(pattern: re.Pattern, text: str, pos: int) -> bool:
    """Whether ``pattern`` (anchored with $) matches the few words just before ``pos``."""
    return pattern.search(text, max(0, pos - 40), pos) is not None


def _half_month(year: int, month: int, second: bool) -> Interval:
    return month_part_iv(year, month, "second_half" if second else "first_half")


def scan(text: str, anchor, periods: bool = False, within: list[tuple[int, int]] | None = None):
    return grammar().scan(text, anchor, periods, within=within)

