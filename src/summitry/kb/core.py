"""The knowledge base: indexes over the tables of :mod:`summitry.kb.build` and the lookups that
both extractors use. Build once, then pickle into the user cache (see :mod:`summitry.kb.cache`)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from summitry.kb.build import Tables, build_tables, has_cjk, place_prior
from summitry.kb.records import Country, Edition, Forum, Office, Person, Place, Region, Term
from summitry.kb.schema import DataError, DataProblem, parse_date, verification
from summitry.records import LEVELS

# How strongly each kind claims a surface that several records share; places use place_prior()
# (about 3..10), so any country, region, forum, person or office outranks a place of the same name.
KIND_PRIORITY = {
    "country": 100.0,
    "demonym": 95.0,
    "region": 90.0,
    "forum": 80.0,
    "person": 70.0,
    "person_short": 65.0,
    "office": 60.0,
}
# Bonus for a place whose country the text (or the caller) names elsewhere.
CONTEXT_BONUS = 5.0

Candidate = tuple  # (kind, record, prior)


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc

    return opencc.OpenCC("t2s")


_NAME_SEPARATORS = re.compile(r"[·•・‧]")


def _t2s(text: str) -> str:
    return _t2s_converter().convert(text)


def _role(title: str) -> str:
    """A title or office key compared by its end: case, hyphens and underscores aside."""
    return " ".join(title.replace("_", " ").replace("-", " ").casefold().split())


def as_date(value: date | datetime | str | None) -> date:
    """Accept a date, a datetime, an ISO string (YYYY, YYYY-MM, YYYY-MM-DD) or None (today)."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_date(str(value))
    except DataError as exc:
        raise ValueError(str(exc)) from None


class KB:
    """Countries, regions, places, forums, offices and office holders, with their aliases."""

    def __init__(self, tables: Tables, extra_dirs: Sequence[Path] = ()):
        self.extra_dirs = tuple(Path(d) for d in extra_dirs)
        self.problems: list[DataProblem] = list(tables.problems)
        self.countries: dict[str, Country] = tables.countries
        self.un_members: tuple[str, ...] = tables.un_members
        self.offices: dict[str, Office] = tables.offices
        self.office_rank: dict[str, int] = tables.office_rank
        self.people: dict[str, Person] = tables.people
        self.forums: dict[str, Forum] = tables.forums
        self.regions: dict[str, Region] = tables.regions
        self.places: list[Place] = tables.places
        self.leader_offices: dict[str, str] = tables.leader_offices
        self._tables_extra = {
            "abbrev_zh": tables.abbrev_zh,
            "compounds_zh": tables.compounds_zh,
            "blockers_zh": tables.blockers_zh,
            "place_stoplist_en": tables.place_stoplist_en,
            "person_short_stoplist_en": tables.person_short_stoplist_en,
            "zh_two_char_min_population": tables.zh_two_char_min_population,
            "en_city_min_population": tables.en_city_min_population,
            "zh_foreign_city_min_population": tables.zh_foreign_city_min_population,
            "zh_native_countries": tables.zh_native_countries,
            "zh_surname_like_min_population": tables.zh_surname_like_min_population,
            "zh_surname_like_endings": tables.zh_surname_like_endings,
            "curated_places": frozenset(tables.places[i] for i in tables.curated_places),
        }
        self._iso2 = {c.iso2: c.iso3 for c in self.countries.values()}
        # name -> candidates, exact and case-folded
        self._names: dict[str, list[Candidate]] = {}
        self._short: dict[str, list[Person]] = {}
        self._titles: dict[str, str] = {}
        self._place_names: dict[str, list[int]] = {}
        self._build_indexes(tables)
        # (ISO3 of a state or key of an organisation, office key) -> the terms of that office
        self._terms: dict[tuple[str, str], list[tuple[Term, Person]]] = {}
        for p in self.people.values():
            for tm in p.terms:
                self._terms.setdefault((tm.country or tm.organisation or "", tm.office), []).append((tm, p))
        # organisation key -> its offices, by rank
        self.organisation_offices: dict[str, tuple[str, ...]] = {}
        for key, o in sorted(self.offices.items(), key=lambda kv: self.office_rank.get(kv[0], 99)):
            if o.organisation:
                self.organisation_offices[o.organisation] = (*self.organisation_offices.get(o.organisation, ()), key)
        self._folded: dict[str, list[Candidate]] = {}
        for name, cands in self._names.items():
            lst = self._folded.setdefault(name.casefold(), [])
            for c in cands:
                if c not in lst:
                    lst.append(c)
        for lst in self._folded.values():
            lst.sort(key=lambda c: -c[2])
        self._matchers: dict[str, object] = {}

    # ------------------------------------------------------------------ indexes

    def _add(self, name: str, kind: str, record: object, prior: float) -> None:
        name = name.strip()
        if not name:
            return
        lst = self._names.setdefault(name, [])
        for i, (k, r, p) in enumerate(lst):
            if r is record or r == record:
                if prior > p:
                    lst[i] = (kind, record, prior)
                    lst.sort(key=lambda c: -c[2])
                return
        lst.append((kind, record, prior))
        lst.sort(key=lambda c: -c[2])

    def _build_indexes(self, t: Tables) -> None:
        for c in self.countries.values():
            for n in (c.name, c.name_zh, *c.aliases):
                self._add(n, "country", c, KIND_PRIORITY["country"])
            for d in c.demonyms:
                self._add(d, "demonym", c, KIND_PRIORITY["demonym"])
        for r in self.regions.values():
            for n in (r.name, r.name_zh, *t.region_aliases.get(r.key, ())):
                self._add(n, "region", r, KIND_PRIORITY["region"])
        for f in self.forums.values():
            for n in (f.name, f.acronym, *f.aliases, *f.names_zh):
                self._add(n, "forum", f, KIND_PRIORITY["forum"])
        for o in self.offices.values():
            for n in (*o.titles_en, *o.titles_zh):
                self._titles[n.casefold()] = o.key
                self._add(n, "office", o, KIND_PRIORITY["office"])
        for p in self.people.values():
            # a more recent office holder is the likelier bearer of a shared name
            recency = max((tm.start.toordinal() for tm in p.terms), default=0) / 1e7
            for n in (p.name, p.name_zh, *p.aliases):
                self._add(n, "person", p, KIND_PRIORITY["person"] + recency)
            for s in p.short:
                self._short.setdefault(s, []).append(p)
                self._add(s, "person_short", p, KIND_PRIORITY["person_short"] + recency)
        for lst in self._short.values():
            lst.sort(key=lambda p: -max((tm.start.toordinal() for tm in p.terms), default=0))
        for i, pl in enumerate(self.places):
            prior = place_prior(pl)
            names = (pl.name, *t.place_aliases.get(i, ()), *pl.names_zh)
            for n in names:
                self._place_names.setdefault(n, []).append(i)
                self._add(n, "place", pl, prior)

    # ------------------------------------------------------------------ lookups

    def candidates(self, text: str) -> list[Candidate]:
        """Every (kind, record, prior) a surface names, most likely first; exact case first, then
        case-insensitively."""
        text = text.strip()
        found = self._names.get(text) or self._folded.get(text.casefold())
        if not found and has_cjk(text):
            # traditional characters: the KB keys are simplified (习近平 for 習近平)
            simplified = _t2s(text)
            if simplified != text:
                found = self._names.get(simplified)
        return list(found or ())

    def lookup(self, text: str) -> list[object]:
        """Every record any alias (either language, any case) or code maps to."""
        out: list[object] = []
        code = self._code(text)
        if code:
            out.append(self.countries[code])
        for _, rec, _ in self.candidates(text):
            if rec not in out:
                out.append(rec)
        key = text.strip()
        if key in self.forums and self.forums[key] not in out:
            out.append(self.forums[key])
        if key in self.offices and self.offices[key] not in out:
            out.append(self.offices[key])
        if key in self.regions and self.regions[key] not in out:
            out.append(self.regions[key])
        if key in self.people and self.people[key] not in out:
            out.append(self.people[key])
        return out

    def _code(self, text: str) -> str | None:
        s = text.strip()
        if len(s) == 3 and s.upper() in self.countries:
            return s.upper()
        if len(s) == 2 and s.isupper() and s in self._iso2:
            return self._iso2[s]
        return None

    def country(self, text_or_code: str | None) -> Country | None:
        """A country by ISO2/ISO3 code, any English or Chinese name or alias, or demonym."""
        if not text_or_code:
            return None
        code = self._code(text_or_code)
        if code:
            return self.countries[code]
        text = text_or_code.strip()
        for candidate in (text, text[4:] if text[:4].lower() == "the " else None):
            if not candidate:
                continue
            for kind, rec, _ in self.candidates(candidate):
                if kind in ("country", "demonym"):
                    return rec  # type: ignore[return-value]
        return None

    def iso3(self, text_or_code: str | None) -> str | None:
        c = self.country(text_or_code)
        return c.iso3 if c else None

    def person(self, name_or_alias: str) -> Person | None:
        """A person by full name or alias in either language (or by id); a short form only when it
        is not shared."""
        if name_or_alias in self.people:
            return self.people[name_or_alias]
        for kind, rec, _ in self.candidates(name_or_alias):
            if kind == "person":
                return rec  # type: ignore[return-value]
        shared = self._short.get(name_or_alias.strip(), [])
        return shared[0] if len(shared) == 1 else None

    def holders_by_name_part(self, country: str, part: str, day: date | str | None = None) -> list[Person]:
        """Those holding an office of ``country`` on ``day`` one of whose Chinese names has ``part`` as
        whole segments (库珀 of 伊薇特·库珀, 费萨尔 of 费萨尔·本·法尔汉): the news writes an official
        it has just titled by one part of the name, which alone may name many people."""
        index: dict[str, list[Person]] | None = self.__dict__.get("_zh_name_parts")
        if index is None:
            index = {}
            for p in self.people.values():
                for n in {p.name_zh, *p.aliases, *p.short}:
                    if not n or not has_cjk(n):
                        continue
                    segments = [s for s in _NAME_SEPARATORS.split(_t2s(n)) if s]
                    for i in range(len(segments)):
                        for j in range(i + 1, len(segments) + 1):
                            key = "·".join(segments[i:j])
                            if len(key) >= 2 and p not in index.setdefault(key, []):
                                index[key].append(p)
            self.__dict__["_zh_name_parts"] = index
        d = as_date(day)
        key = "·".join(s for s in _NAME_SEPARATORS.split(_t2s(part)) if s)
        return [p for p in index.get(key, ()) if any(tm.country == country and tm.covers(d) for tm in p.terms)]

    def people_by_short(self, short: str) -> tuple[Person, ...]:
        """Everyone a short form may name, the most recently appointed first."""
        return tuple(self._short.get(short.strip(), ()))

    def office(self, title: str) -> Office | None:
        """The office of a title in English (any case) or Chinese, or of an office key."""
        if not title:
            return None
        key = title.strip()
        if key in self.offices:
            return self.offices[key]
        k = self._titles.get(key.casefold()) or self._titles.get(key.replace("_", " ").casefold())
        if k:
            return self.offices[k]
        # "Kazakh Foreign Minister", "Chinese Vice Premier": drop leading words until a title is left
        words = key.replace("_", " ").split()
        for i in range(1, len(words)):
            k = self._titles.get(" ".join(words[i:]).casefold())
            if k:
                return self.offices[k]
        return None

    def forum(self, name: str) -> Forum | None:
        if name in self.forums:
            return self.forums[name]
        for kind, rec, _ in self.candidates(name):
            if kind == "forum":
                return rec  # type: ignore[return-value]
        return None

    def edition(self, forum_key: str, day: date | str | None) -> Edition | None:
        """The edition of a forum held on ``day``, else the nearest one in time."""
        forum = self.forum(forum_key)
        if not forum or not forum.editions:
            return None
        d = as_date(day)

        def distance(e: Edition) -> int:
            if e.start <= d <= e.end:
                return 0
            return min(abs((e.start - d).days), abs((e.end - d).days))

        return min(forum.editions, key=lambda e: (distance(e), e.start))

    def region(self, name: str) -> Region | None:
        if name in self.regions:
            return self.regions[name]
        for kind, rec, _ in self.candidates(name):
            if kind == "region":
                return rec  # type: ignore[return-value]
        return None

    def places_named(self, name: str) -> list[Place]:
        idx = self._place_names.get(name.strip())
        if idx is None and has_cjk(name):
            idx = self._place_names.get(_t2s(name.strip()))
        if idx is None:
            folded = name.strip().casefold()
            idx = [i for n, ids in self._place_names.items() if n.casefold() == folded for i in ids]
        return [self.places[i] for i in idx]

    def place(self, name: str, context: Iterable[str] = ()) -> Place | None:
        """The likeliest place of a name: a place in a country of ``context`` (codes or names)
        first, then the larger place, capitals and subdivisions favoured."""
        found = self.places_named(name)
        if not found:
            return None
        ctx = {self.iso3(c) for c in context} - {None}
        return max(found, key=lambda p: place_prior(p) + (CONTEXT_BONUS if p.country in ctx else 0.0))

    # ------------------------------------------------------------------ offices

    def organisation(self, name: str | None) -> Forum | None:
        """The international organisation (its forums.yaml record) a name, acronym or key names,
        when the knowledge base knows offices of it: "UN", "联合国", "NATO", "北约", "EU"."""
        if not name:
            return None
        forum = self.forums.get(name.strip()) or self.forum(name)
        return forum if forum is not None and forum.key in self.organisation_offices else None

    def _office_keys(self, office_or_level: str, organisation: str | None = None) -> tuple[list[str], str | None]:
        """The office keys a key, level or title asks for (and the title, to prefer its own holders).
        With an organisation, its offices only; a title shared by offices ("Secretary-General",
        "秘书长", "president") then picks the organisation's offices whose titles end with it."""
        q = office_or_level.strip()
        if organisation is not None:
            own = self.organisation_offices.get(organisation, ())
            if q in LEVELS:
                return [k for k in own if self.offices[k].level == q], None
            office = self.offices.get(q) or self.office(q)
            if office is not None and office.key in own:
                return [office.key], None
            role = _role(q)
            keys = [k for k in own if _role(k).endswith(role) or any(
                _role(t).endswith(role) for t in (*self.offices[k].titles_en, *self.offices[k].titles_zh))]
            if keys and role:
                return keys, None
            raise KeyError(f"no office {office_or_level!r} of the organisation {organisation!r}")
        if q in self.offices:
            return [q], None
        if q in LEVELS:
            keys = [k for k, o in self.offices.items() if o.level == q]
            return sorted(keys, key=lambda k: self.office_rank.get(k, 99)), None
        office = self.office(q)
        if office:
            return [office.key], q.replace("_", " ")
        raise KeyError(f"unknown office, level or title: {office_or_level!r}")

    def _where(self, country_or_organisation: str | None, office_or_level: str) -> tuple[str, str | None]:
        """(ISO3 or organisation key, organisation key or None) of where an office is asked for: a
        country, an organisation, or nothing when the office itself is an organisation's."""
        if country_or_organisation:
            iso3 = self.iso3(country_or_organisation)
            if iso3:
                return iso3, None
            org = self.organisation(country_or_organisation)
            if org is not None:
                return org.key, org.key
            raise KeyError(f"unknown country or organisation: {country_or_organisation!r}")
        office = self.offices.get(office_or_level.strip()) or self.office(office_or_level)
        if office is not None and office.organisation:
            return office.organisation, office.organisation
        raise KeyError(f"which country's or organisation's {office_or_level!r}? (none given)")

    def holders(self, country: str | None, office_or_level: str, day: date | str | None = None,
                region: str | None = None) -> list[Person]:
        """Everyone holding the office (key, level or title) in ``country`` on ``day``, best first:
        a holder whose own title matches the title asked for, then the higher office, then the
        most recently appointed. ``country`` may name an international organisation instead ("UN",
        "北约"), or be None for an organisation's own office ("UN Secretary-General", "联合国秘书长")."""
        where, organisation = self._where(country, office_or_level)
        keys, title = self._office_keys(office_or_level, organisation)
        d = as_date(day)
        best: dict[str, tuple] = {}
        people: dict[str, Person] = {}
        for key in keys:
            for tm, p in self._terms.get((where, key), ()):
                if not tm.covers(d):
                    continue
                if region and (tm.region or "").casefold() != region.casefold():
                    continue
                score = (0 if title and tm.title.casefold() == title.casefold() else 1,
                         self.office_rank.get(tm.office, 99), -tm.start.toordinal())
                if p.id not in best or score < best[p.id]:
                    best[p.id] = score
                    people[p.id] = p
        return [people[pid] for pid in sorted(best, key=lambda pid: (best[pid], pid))]

    def resolve_office(self, country: str | None, office_or_level: str, day: date | str | None = None,
                       region: str | None = None) -> Person | None:
        """The person holding an office (key, level or title in en/zh) in a country (or an
        international organisation, see ``holders``) on a date."""
        found = self.holders(country, office_or_level, day, region)
        return found[0] if found else None

    def at_home(self, country: str | None, place: str | None) -> bool:
        """Whether an official of ``country`` in ``place`` (ISO3 codes) is at home: the same country,
        or one of its home territories (``home_territories.csv``: Macao for China)."""
        if not country or not place:
            return False
        if country == place:
            return True
        entry = self.countries.get(country)
        return entry is not None and place in entry.home_territories

    def leader_office(self, country: str) -> str:
        """The office of a country's leader: head of state unless ``leaders.csv`` says otherwise
        (a prime minister where the head of state is a monarch or a ceremonial president)."""
        return self.leader_offices.get(self.iso3(country) or country, "head_of_state")

    def leader(self, country: str, day: date | str | None = None) -> Person | None:
        """Who "the <country> leader" was on a date."""
        return self.resolve_office(country, self.leader_office(country), day)

    def term_on(self, person: Person | str, day: date | str | None = None) -> Term | None:
        """The highest office a person holds on a date (None when out of office)."""
        p = self.person(person) if isinstance(person, str) else person
        if p is None:
            return None
        d = as_date(day)
        terms = [tm for tm in p.terms if tm.covers(d)]
        if not terms:
            return None
        return min(terms, key=lambda tm: (self.office_rank.get(tm.office, 99), -tm.start.toordinal()))

    def country_on(self, person: Person, day: date | str | None = None) -> str | None:
        """The country a person acts for on a date: that of the office held then (None in an
        international organisation's office: NATO's Secretary General speaks for no state), else
        the person's own (None for someone known only in an organisation's offices)."""
        term = self.term_on(person, day) if day is not None else None
        if term is not None:
            return term.country
        return person.country

    # ------------------------------------------------------------------ matching

    def matcher(self, lang: str):
        """The matcher for 'en' or 'zh' (built on first use, then kept and cached)."""
        from summitry.kb.matcher import Matcher

        lang = "zh" if lang.startswith("zh") else "en"
        m = self._matchers.get(lang)
        if m is None:
            m = Matcher.build(self, lang)
            self._matchers[lang] = m
        return m

    def zh_user_dict(self) -> list[tuple[str, int, str]]:
        """Chinese KB names as (word, frequency, POS tag) for rjieba/jieba, so a name is one word."""
        tags = {"country": "ns", "place": "ns", "region": "ns", "person": "nr", "person_short": "nr",
                "forum": "nt", "office": "n", "demonym": "ns"}
        out = []
        for key, kind in self.matcher("zh").zh_words():
            out.append((key, 20000 + 1000 * len(key), tags.get(kind, "n")))
        return out

    def holder_rows_checked(self) -> dict[str, int]:
        """Office-holder rows by what their `verified` cell says: checked against their source on a
        day (``verified``), compiled from the cited reference (``reference``), or ``unverified``.
        A row holding two offices (head_of_state+head_of_government) counts once."""
        rows = {(p.id, t.title, t.start, t.end, t.region, t.to_country): t.verified
                for p in self.people.values() for t in p.terms}
        counts = {"holder_rows_verified": 0, "holder_rows_reference": 0, "holder_rows_unverified": 0}
        for value in rows.values():
            counts[f"holder_rows_{verification(value)}"] += 1
        return counts

    def stats(self) -> dict[str, int]:
        return {
            "countries": len(self.countries),
            "un_members": len(self.un_members),
            "regions": len(self.regions),
            "places": len(self.places),
            "forums": len(self.forums),
            "editions": sum(len(f.editions) for f in self.forums.values()),
            "offices": len(self.offices),
            "people": len(self.people),
            "terms": sum(len(p.terms) for p in self.people.values()),
            **self.holder_rows_checked(),
            "names": len(self._names),
            "problems": len(self.problems),
        }

    # ------------------------------------------------------------------ loading

    @classmethod
    def build(cls, extra_dirs: Sequence[str | Path] = ()) -> KB:
        """Build from the data files without any cache."""
        dirs = [Path(d) for d in extra_dirs]
        return cls(build_tables(dirs), dirs)

    @classmethod
    def load(cls, extra_dirs: Sequence[str | Path] = (), *, use_cache: bool = True) -> KB:
        """Load the KB: package data plus ``extra_dirs``, from the user cache when it is fresh."""
        from summitry.kb.cache import load_cached

        dirs = [Path(d) for d in extra_dirs]
        if not use_cache:
            return cls.build(dirs)
        return load_cached(dirs, lambda: cls.build(dirs))

