"""Chinese date grammar (simplified Chinese news; Arabic, full-width and Chinese numerals)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

from summitry.time.grammar import Grammar, Result, Rules, alt
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
    year_ok,
    year_part_iv,
)

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")

# digits in any of the three scripts; lookbehinds keep a number from starting inside another
_ARABIC = "0-9０-９"
_NOT_AFTER_NUM = "(?<![0-9０-９〇零一二三四五六七八九十两百千万几多数第])"
#: every expression holds one of these; the scan looks for them first
TRIGGER = r"[0-9０-９]+|[年月日号周旬季天春夏秋冬久稍]|星期|礼拜|早前|最近|近期"
#: what may come before the trigger within an expression (numbers, 上个, 过去的, 自, 为期, 至)
LEAD_CHARS = frozenset(" \t\n\u3000" "0123456789０１２３４５６７８９〇零一二三四五六七八九十两百几数多第"
                       "上下本这个今昨去明前后近过未来最接的半不自从为期至到~～-－–—世纪")
SEP = r"\s*(?:[至到~～\-－–—]|—)\s*"


class _Lex:
    def __init__(self) -> None:
        zh = words()["zh"]
        self.digits: dict[str, int] = zh["digits"]
        digit_chars = "".join(self.digits)
        cn = digit_chars.replace("〇", "").replace("零", "")
        self.NUM = rf"{_NOT_AFTER_NUM}(?:[{_ARABIC}]{{1,2}}(?![{_ARABIC}])|[{cn}十]{{1,3}})"
        self.COUNT = rf"{_NOT_AFTER_NUM}(?:[{_ARABIC}]{{1,3}}(?![{_ARABIC}])|[{cn}十百]{{1,4}}|几|数)"
        year_digits = "".join(c for c, v in self.digits.items() if c != "两")
        self.YEAR = rf"(?<![{_ARABIC}])(?:[{_ARABIC}]{{4}}|[{year_digits}]{{4}})(?![{_ARABIC}])"
        self.weekdays: dict[str, int] = zh["weekdays"]
        self.WCH = "[" + "".join(self.weekdays) + "]"
        self.WEEK = "(?:" + alt(zh["weekday_words"]) + ")"
        self.seasons: dict[str, str] = zh["seasons"]
        self.SCH = "[" + "".join(self.seasons) + "]"
        self.rel_years: dict[str, int] = zh["years"]
        self.rel_months: dict[str, int] = zh["months"]
        self.rel_weeks: dict[str, int] = zh["weeks"]
        self.rel_days: dict[str, int] = zh["days"]
        self.RELY = "(?:" + alt(list(self.rel_years)) + ")"
        self.RELM = "(?:" + alt(list(self.rel_months)) + ")"
        self.RELW = "(?:" + alt(list(self.rel_weeks)) + ")"
        self.NOT_DAY = "(?:" + alt(zh["day_names_before"]) + ")"
        self.NOT_SEASON = "(?:" + alt(zh["season_names_before"]) + ")"
        self.NOT_SEASON_CHAR = "(?:" + alt(zh["season_char_names_before"]) + ")"

    def number(self, s: str) -> int | None:
        """'14', '１４', '十四', '二十', '两', '一百', '二〇二二' -> int; None for 几/数 (a few);
        -1 for a run of numerals that is no number ('十十'), which every range check refuses."""
        s = s.translate(_FULLWIDTH).strip()
        if s.isdigit():
            return int(s)
        if s in ("几", "数"):
            return None
        try:
            return self._numeral(s)
        except (KeyError, ValueError):
            return -1

    def _numeral(self, s: str) -> int:
        if "百" in s:
            a, _, b = s.partition("百")
            return (self.digits[a] if a else 1) * 100 + (self._numeral(b) if b else 0)
        if "十" in s:
            a, _, b = s.partition("十")
            return (self.digits[a] if a else 1) * 10 + (self.digits[b] if b else 0)
        if len(s) == 1:
            return self.digits[s]
        return int("".join(str(self.digits[c]) for c in s))


def _day_exists(month: int | None, day: int) -> bool:
    """Whether some year has this day of this month (of any month, when the month is unknown)."""
    return day_or_none(2000, month or 1, day) is not None


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    L = _Lex()
    NUM, COUNT, YEAR, WCH, WEEK = L.NUM, L.COUNT, L.YEAR, L.WCH, L.WEEK
    rules = Rules()
    rule = rules.rule

    # a weekday in brackets after a day, as in 9月14日（周三）
    WPAREN = rf"(?:\s*[（(]\s*{WEEK}{WCH}\s*[）)])"

    def YP(p: str) -> str:
        return rf"(?:(?P<{p}y>{YEAR})\s*年|(?P<{p}ry>{L.RELY}))"

    def MP(p: str) -> str:
        return rf"(?:(?P<{p}m>{NUM})\s*月|(?P<{p}rm>{L.RELM}))"

    def ym(m: re.Match, p: str) -> tuple | None:
        """(year, year offset, month, month offset) of the YP/MP groups with prefix ``p``."""
        y = m.group(p + "y") if (p + "y") in m.re.groupindex else None
        ry = m.group(p + "ry") if (p + "ry") in m.re.groupindex else None
        mo = m.group(p + "m") if (p + "m") in m.re.groupindex else None
        rm = m.group(p + "rm") if (p + "rm") in m.re.groupindex else None
        year = L.number(y) if y else None
        month = L.number(mo) if mo else None
        if not year_ok(year) or (month is not None and not 1 <= month <= 12):
            return None
        return (year, L.rel_years[ry] if ry else None, month, L.rel_months[rm] if rm else None)

    def place(ctx, parts: tuple, build: Callable[[int, int], Interval | None],
              weekday: int | None = None) -> Interval | None:
        """Resolve a (year?, month?) pair, explicit or relative, through ``build(year, month)``."""
        year, ryear, month, rmonth = parts
        a: Anchor = ctx.anchor
        if rmonth is not None:
            def f(r):
                yy, mm = shift_month(r.year, r.month, rmonth)
                return build(yy, mm)
            return a.relative(f)
        if month is not None:
            if year is not None:
                return build(year, month)
            if ryear is not None:
                return a.relative(lambda r: build(r.year + ryear, month))
            return a.infer_year(lambda yy: build(yy, month), weekday)
        return a.infer_month(build, weekday)

    def has_year_only(parts) -> bool:
        year, ryear, month, rmonth = parts
        return (year is not None or ryear is not None) and month is None and rmonth is None

    # ------------------------------------------------------------------ numeric dates and periods
    @rule("iso", r"(?<![A-Za-z0-9_./\\-])(?P<iso_y>[0-9]{4})(?P<iso_sep>[-/.])(?P<iso_m>[01]?\d)"
                 r"(?P=iso_sep)(?P<iso_d>[0-3]?\d)(?![A-Za-z0-9_-]|\.[A-Za-z0-9])")
    def _iso(m, ctx):
        y = int(m.group("iso_y"))
        iv = day_or_none(y, int(m.group("iso_m")), int(m.group("iso_d")))
        return Result("absolute", iv) if iv and year_ok(y) else None

    @rule("period_years", rf"(?:[自从]\s*)?(?P<py_y1>{YEAR})\s*年?{SEP}(?P<py_y2>{YEAR})\s*年")
    def _period_years(m, ctx):
        y1, y2 = L.number(m.group("py_y1")), L.number(m.group("py_y2"))
        if not (year_ok(y1) and year_ok(y2)) or y2 < y1:
            return None
        return Result("period", Interval(date(y1, 1, 1), date(y2, 12, 31), "year"))

    @rule("period_since", rf"(?:[自从]\s*)?(?P<ps_y>{YEAR})\s*年\s*(?:以来|至今)")
    def _period_since(m, ctx):
        y = L.number(m.group("ps_y"))
        if not year_ok(y):
            return None
        ref = ctx.anchor.ref
        end = ref.end if ref is not None and ref.end.year >= y else date(y, 12, 31)
        return Result("period", Interval(date(y, 1, 1), end, "year"))

    # ------------------------------------------------------------------ day ranges
    @rule("range",
          rf"(?:{YP('r1')}\s*)?(?:(?P<r_mp>{MP('r1')})\s*)?(?P<r_d1>{NUM})\s*(?:[日号]{WPAREN}?)?"
          rf"(?:{SEP}|\s*(?P<r_and>[、和及与])\s*)"
          rf"(?:(?:(?P<r_y2>{YEAR})\s*年\s*)?(?P<r_m2>{NUM})\s*月\s*)?(?P<r_d2>{NUM})\s*[日号]{WPAREN}?")
    def _range(m, ctx):
        parts = ym(m, "r1")
        if parts is None or has_year_only(parts) and m.group("r_m2") is None:
            return None
        d1, d2 = L.number(m.group("r_d1")), L.number(m.group("r_d2"))
        m2 = L.number(m.group("r_m2")) if m.group("r_m2") else None
        y2 = L.number(m.group("r_y2")) if m.group("r_y2") else None
        if m2 is not None and not 1 <= m2 <= 12 or not year_ok(y2):
            return None
        year, ryear, month, rmonth = parts
        if not (_day_exists(month, d1) and _day_exists(m2 if m2 is not None else month, d2)):
            return None
        if m2 is None and d2 <= d1:
            return None
        if m.group("r_and") and (m2 is not None or d2 != d1 + 1):
            return None  # "14日和16日": two days, not a range; each is read on its own
        if y2 is not None and year is not None and month is not None:
            iv = days_or_none(year, month, d1, y2, m2, d2)
            return Result("range", iv) if iv else None

        def build(yy: int, mm: int) -> Interval | None:
            end_month = m2 if m2 is not None else mm
            return day_range(mm, d1, end_month, d2, y_end=False)(yy)
        if month is None and rmonth is None and year is None and ryear is None and m2 is not None:
            return None  # "14至10月16日": the first day's month is unknown
        return Result("range", place(ctx, parts, build))

    @rule("range_month",
          rf"(?:{YP('rm1')}\s*)?(?P<rm_m1>{NUM})\s*月{SEP}(?:(?P<rm_y2>{YEAR})\s*年\s*)?(?P<rm_m2>{NUM})\s*月份?"
          rf"(?!\s*(?:{NUM})\s*[日号])")
    def _range_month(m, ctx):
        parts = ym(m, "rm1")
        m1, m2 = L.number(m.group("rm_m1")), L.number(m.group("rm_m2"))
        y2 = L.number(m.group("rm_y2")) if m.group("rm_y2") else None
        if parts is None or not (1 <= m1 <= 12 and 1 <= m2 <= 12) or not year_ok(y2):
            return None
        year, ryear = parts[0], parts[1]

        def build(y1: int, _month: int = 0) -> Interval | None:
            end_year = y2 if y2 is not None else (y1 + 1 if m2 < m1 else y1)
            if end_year < y1 or (end_year == y1 and m2 <= m1):
                return None
            return Interval(month_iv(y1, m1).start, month_iv(end_year, m2).end, "month")
        return Result("range", ctx.anchor.in_year(year, ryear, build))

    # ------------------------------------------------------------------ weekday ranges
    @rule("weekday_range",
          rf"(?<![每{_ARABIC}〇零一二三四五六七八九十两几数个])(?P<wr_mod>{L.RELW})?{WEEK}(?P<wr_w1>{WCH}){SEP}"
          rf"(?:(?P<wr_mod2>{L.RELW})?{WEEK})?(?P<wr_w2>{WCH})(?![一二三四五六七八九十年次])")
    def _weekday_range(m, ctx):
        """周三至周五, 本周三至五, 下周一到下周三."""
        w1, w2 = L.weekdays[m.group("wr_w1")], L.weekdays[m.group("wr_w2")]
        mod, mod2 = m.group("wr_mod"), m.group("wr_mod2")
        a = ctx.anchor
        first = a.weekday(w1, "week", L.rel_weeks[mod]) if mod else a.weekday(w1)
        if mod2 is not None:
            last = a.weekday(w2, "week", L.rel_weeks[mod2])
            if first is None or last is None or last.end <= first.start:
                return None
            return Result("range", first.hull(last, "days" if first.granularity == "day" else None))
        if w1 == w2:
            return None
        if first is None:
            return Result("range", None)
        end = first.start + timedelta(days=(w2 - w1) % 7)
        gran = "days" if first.granularity == "day" else first.granularity
        return Result("range", Interval(first.start, max(end, first.end), gran))

    # ------------------------------------------------------------------ weekdays with a date
    @rule("weekday_date",
          rf"(?P<wd_mod>{L.RELW})?{WEEK}(?P<wd_w>{WCH})\s*[（(]\s*(?:(?P<wd_y>{YEAR})\s*年\s*)?"
          rf"(?:(?P<wd_m>{NUM})\s*月\s*)?(?P<wd_d>{NUM})\s*[日号]\s*[）)]")
    def _weekday_date(m, ctx):
        year = L.number(m.group("wd_y")) if m.group("wd_y") else None
        month = L.number(m.group("wd_m")) if m.group("wd_m") else None
        if not year_ok(year) or month is not None and not 1 <= month <= 12:
            return None
        if year is not None and month is None:
            return None
        day = L.number(m.group("wd_d"))
        wd = L.weekdays[m.group("wd_w")]
        if not _day_exists(month, day):  # 周四（9月31日）: the weekday alone
            return Result("weekday", ctx.anchor.weekday(wd), end=m.end("wd_w"))
        iv = place(ctx, (year, None, month, None), lambda yy, mm: day_or_none(yy, mm, day), wd)
        return Result("absolute", iv)

    # ------------------------------------------------------------------ single days
    @rule("date",
          rf"(?<![同每某单这那])(?:{YP('d')}\s*)?(?:(?P<d_mp>{MP('d')})\s*)?(?P<d_d>{NUM})\s*(?(d_mp)[日号]|日)"
          rf"(?:\s*[（(]?\s*{WEEK}(?P<d_w>{WCH})\s*[）)]?)?")
    def _date(m, ctx):
        parts = ym(m, "d")
        if parts is None or has_year_only(parts):
            return None
        day = L.number(m.group("d_d"))
        if not _day_exists(parts[2], day):
            return Result(None, None)  # 9月31日: no such day, and neither its month nor its day alone
        wd = L.weekdays[m.group("d_w")] if m.group("d_w") else None
        return Result("absolute", place(ctx, parts, lambda yy, mm: day_or_none(yy, mm, day), wd))

    # ------------------------------------------------------------------ parts of months
    # 上中旬, 中下旬: two parts together
    MONTH_PART_PAIRS = {"上中旬": ("early", "mid"), "中下旬": ("mid", "late")}
    MONTH_PART = {"上旬": "early", "初": "early", "中旬": "mid", "下旬": "late", "底": "late", "末": "late",
                  "上半月": "first_half", "下半月": "second_half"}

    @rule("month_part",
          rf"(?:{YP('mp')}\s*)?{MP('mp')}\s*(?P<mp_p>上中旬|中下旬|上旬|中旬|下旬|上半月|下半月|初|底|末)")
    def _month_part(m, ctx):
        parts = ym(m, "mp")
        if parts is None:
            return None
        first, last = MONTH_PART_PAIRS.get(m.group("mp_p")) or (MONTH_PART[m.group("mp_p")],) * 2
        return Result("part", place(ctx, parts, lambda yy, mm: month_part_iv(yy, mm, first).hull(
            month_part_iv(yy, mm, last), "part")))

    @rule("month_part_bare", r"(?<![上下本这当同个])(?P<mpb_p>月初|月底|月末|上旬|中旬|下旬|上半月|下半月)")
    def _month_part_bare(m, ctx):
        p = m.group("mpb_p")
        part = MONTH_PART[p[1:] if p[0] == "月" else p]
        # the month is the one the publication date and tense point to (月底 in a past report on
        # 16 September is late August)
        return Result("part", ctx.anchor.infer_month(lambda yy, mm: month_part_iv(yy, mm, part)))

    # ------------------------------------------------------------------ parts of years, seasons
    # 年中 is mid-year, but not the 年 of one word and the 中 of 中国, 中方, 中美 ...
    MID_YEAR = "年中(?![国华方日美俄欧非亚印韩朝英法德])"
    YEAR_PART = {"年初": "beginning", "初": "beginning", "年底": "end", "底": "end", "年末": "end",
                 "末": "end", "年中": "mid", "上半年": "first_half", "前半年": "first_half",
                 "下半年": "second_half", "后半年": "second_half"}

    @rule("year_part",
          rf"(?<![{_ARABIC}〇零一二三四五六七八九十两百千几多数近往每])(?:(?P<yp_yp>{YP('yp')})\s*)?"
          rf"(?(yp_yp)(?P<yp_p>年初|年底|年末|{MID_YEAR}|上半年|下半年|初|底|末|第?(?P<yp_q>[一二三四1-4])季度)"
          rf"|(?P<yp_p2>年初|年底|年末|{MID_YEAR}|上半年|下半年|第?(?P<yp_q2>[一二三四1-4])季度))")
    def _year_part(m, ctx):
        parts = ym(m, "yp")
        if parts is None:
            return None
        year, ryear = parts[0], parts[1]
        q = m.group("yp_q") or m.group("yp_q2")
        if q:
            qn = L.number(q)

            def build(yy: int) -> Interval:
                return quarter_iv(yy, qn)
        else:
            part = YEAR_PART[m.group("yp_p") or m.group("yp_p2")]

            def build(yy: int) -> Interval:
                return year_part_iv(yy, part)
        # 年底, 上半年 alone: the year the publication date and tense point to
        return Result("part", ctx.anchor.in_year(year, ryear, build))

    @rule("season",
          rf"(?:(?P<s_yp>{YP('s')})\s*)?(?P<s_s>{L.SCH})(?:季|天)(?!{L.NOT_SEASON})"
          rf"|(?P<s_rel>[今去明])(?P<s_s2>{L.SCH})(?!{L.NOT_SEASON_CHAR})")
    def _season(m, ctx):
        parts = ym(m, "s")
        if parts is None:
            return None
        year, ryear = parts[0], parts[1]
        if m.group("s_rel"):
            ryear = {"今": 0, "去": -1, "明": 1}[m.group("s_rel")]
        season = L.seasons[m.group("s_s") or m.group("s_s2")]
        return Result("part", ctx.anchor.in_year(year, ryear, lambda yy: season_iv(yy, season)))

    @rule("decade",
          rf"(?P<dc_y>{YEAR})\s*年代"
          rf"|(?P<dc_c>上世纪|上个世纪|二十世纪|20世纪|本世纪|二十一世纪|21世纪)?(?P<dc_n>[1-9]0|[一二三四五六七八九]十)\s*年代")
    def _decade(m, ctx):
        """2010年代; 上世纪90年代 (the 1990s); 80年代 alone is the 1980s, 20年代 alone is left out."""
        if m.group("dc_y"):
            y = L.number(m.group("dc_y"))
        else:
            n = L.number(m.group("dc_n"))
            century = m.group("dc_c")
            if century is None:
                if n < 30:
                    return None  # the 1920s or the 2020s
                y = 1900 + n
            else:
                y = (1900 if century in ("上世纪", "上个世纪", "二十世纪", "20世纪") else 2000) + n
        if not year_ok(y) or y % 10:
            return None
        return Result("absolute", Interval(date(y, 1, 1), date(y + 9, 12, 31), "decade"))

    # ------------------------------------------------------------------ months and years
    @rule("month", rf"(?:{YP('mo')}\s*)?{MP('mo')}(?:份)?")
    def _month(m, ctx):
        parts = ym(m, "mo")
        if parts is None:
            return None
        kind = "relative" if parts[2] is None else "absolute"
        return Result(kind, place(ctx, parts, lambda yy, mm: month_iv(yy, mm)))

    @rule("year", rf"(?P<yr_y>{YEAR})\s*年(?:度)?|(?P<yr_ry>{L.RELY})")
    def _year(m, ctx):
        if m.group("yr_y"):
            y = L.number(m.group("yr_y"))
            return Result("absolute", year_iv(y)) if year_ok(y) else None
        off = L.rel_years[m.group("yr_ry")]
        return Result("relative", ctx.anchor.relative(lambda r: year_iv(r.year + off)))

    # ------------------------------------------------------------------ weekdays and weeks
    @rule("weekday",
          rf"(?<![每{_ARABIC}〇零一二三四五六七八九十两几数个])(?P<w_mod>{L.RELW})?{WEEK}(?P<w_w>{WCH})"
          r"(?![一二三四五六七八九十年次])")
    def _weekday(m, ctx):
        wd = L.weekdays[m.group("w_w")]
        mod = m.group("w_mod")
        if mod is None:
            return Result("weekday", ctx.anchor.weekday(wd))
        return Result("weekday", ctx.anchor.weekday(wd, "week", L.rel_weeks[mod]))

    @rule("weekend", rf"(?P<we_mod>{L.RELW})?周末")
    def _weekend(m, ctx):
        mod = m.group("we_mod")
        return Result("relative", ctx.anchor.weekend(L.rel_weeks[mod] if mod else None))

    @rule("week", rf"(?P<wk_mod>{L.RELW}){WEEK}(?!{WCH})")
    def _week(m, ctx):
        return Result("relative", ctx.anchor.unit_offset("week", L.rel_weeks[m.group("wk_mod")]))

    # ------------------------------------------------------------------ relative counts
    UNIT = {"年": "year", "个月": "month", "个多月": "month", "月": "month", "周": "week", "个星期": "week",
            "星期": "week", "天": "day", "日": "day"}

    @rule("ago",
          rf"(?P<ag_n>{COUNT}|多)\s*(?:(?P<ag_u>年|个多?月)\s*(?:之|以)?(?P<ag_d>前)"
          r"|(?P<ag_u2>周|个星期|星期|天)\s*(?:之|以)?(?P<ag_d2>前|后))(?![往夕线列所来者台])")
    def _ago(m, ctx):
        n = L.number(m.group("ag_n")) if m.group("ag_n") != "多" else None
        if n is not None and n <= 0:
            return None
        # "三年后" is mostly counted from the story ("疫情三年后"), so only days and weeks look ahead
        unit = UNIT[m.group("ag_u") or m.group("ag_u2")]
        back = (m.group("ag_d") or m.group("ag_d2")) == "前"
        if n is None:  # 几年前, 多年前: some years back
            name = ("recent_" if back else "coming_") + unit + "s"
            return Result("vague", ctx.anchor.named_window(name))
        return Result("relative", ctx.anchor.unit_offset(unit, -n if back else n))

    @rule("window",
          rf"(?<!将)(?P<wn_d>近|过去的?|最近的?|未来的?|今后的?|接下来的?)\s*(?P<wn_n>{COUNT})?\s*"
          r"(?P<wn_u>年|个多?月|周|个星期|星期|天|日)(?:来|以来|里|中|内)?"
          rf"|(?P<wn_n2>{COUNT}|多)\s*(?P<wn_u2>年|个多?月|周|个星期|天)(?:来|以来)")
    def _window(m, ctx):
        """近两个月, 过去两年, 未来几个月; also 十年来 (the ten years up to publication)."""
        forward = bool(m.group("wn_d")) and m.group("wn_d")[0] in "未今接"
        unit = UNIT[m.group("wn_u") or m.group("wn_u2")]
        count = m.group("wn_n") or m.group("wn_n2")
        n = L.number(count) if count and count != "多" else None
        if n is not None and n <= 0:
            return None
        if n is None:
            name = ("coming_" if forward else "recent_") + unit + "s"
            return Result("vague" if forward else "relative", ctx.anchor.named_window(name))
        return Result("vague" if forward else "relative", ctx.anchor.window(unit, -n if forward else n))

    @rule("day_word", r"(?<!后的)(?<!来的)(?:" + alt(list(L.rel_days)) + rf")(?!{L.NOT_DAY})")
    def _day_word(m, ctx):
        return Result("relative", ctx.anchor.unit_offset("day", L.rel_days[m.group(0)]))

    @rule("two_days", r"(?P<td>今明|明后)两(?P<td_u>天|日|年)")
    def _two_days(m, ctx):
        """今明两天 (today and tomorrow), 明后两天, 今明两年 (this year and next)."""
        first = 0 if m.group("td") == "今明" else 1
        unit = "year" if m.group("td_u") == "年" else "day"
        a, b = ctx.anchor.unit_offset(unit, first), ctx.anchor.unit_offset(unit, first + 1)
        if a is None or b is None:
            return Result("relative", None)
        return Result("relative", a.hull(b, "days" if unit == "day" else "year"))

    @rule("rest_of", rf"(?<![{_ARABIC}〇零一二三四五六七八九十两百几多数个半今去明本当同])(?P<ro_u>年|月)内")
    def _rest_of(m, ctx):
        """年内, 月内: from publication to the end of the year or month."""
        unit = "year" if m.group("ro_u") == "年" else "month"
        return Result("vague", ctx.anchor.rest_of(unit, earlier=False))

    # 前不久 and 不久前 are both "not long ago"; only a bare 不久 (不久将访华) looks ahead
    VAGUE = {"不久的将来": "near_future", "日前": "recent_days", "不久前": "recently", "前不久": "recently", "早前": "recently", "最近": "lately",
             "不久": "soon", "稍后": "soon", "近期": None}

    # (最近一次会谈: the latest one, no time)
    @rule("vague", rf"(?<![{_ARABIC}〇零一二三四五六七八九十])(?P<vg>不久的将来|日前|前不久|不久前|早前|最近(?!的?一[次轮届])|近期|不久|稍后)")
    def _vague(m, ctx):
        name = VAGUE[m.group("vg")]
        if name is None:  # 近期: the near past, or the near future when the text speaks of it
            name = "near_future" if ctx.anchor.tense == "future" else "recently"
        kind = "vague" if name in ("soon", "near_future") else "relative"
        return Result(kind, ctx.anchor.named_window(name))

    # ------------------------------------------------------------------ durations
    @rule("duration", rf"为期\s*(?P<du_n>{COUNT})\s*(?P<du_u>天|日|周|个星期|星期)")
    def _duration(m, ctx):
        n = L.number(m.group("du_n"))
        if n is None or n <= 0:
            return None
        return Result("duration", None, n * 7 if UNIT[m.group("du_u")] == "week" else n)

    @rule("days_nights", rf"(?P<dn_n>{COUNT})\s*天\s*(?:{COUNT})\s*夜")
    def _days_nights(m, ctx):
        n = L.number(m.group("dn_n"))
        return Result("duration", None, n) if n is not None and n > 0 else None

    return Grammar(rules, trigger=TRIGGER, lead_in=lead_in)


def lead_in(text: str, lo: int, core: int) -> list[int]:
    """Each character of the run of lead-in characters (numbers, 上个, 过去的, 自, 为期) before ``core``."""
    i = core
    floor = max(lo, core - MAX_LEAD)
    while i > floor and text[i - 1] in LEAD_CHARS:
        i -= 1
    return [k for k in range(i, core) if not text[k].isspace()]


MAX_LEAD = 16


def scan(text: str, anchor: Anchor, periods: bool = False, within: list[tuple[int, int]] | None = None):
    return grammar().scan(text, anchor, periods, within=within)
