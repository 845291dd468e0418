"""Find every KB mention in a text, with character offsets, using Aho-Corasick automata.

English: whole words only (a hyphen separates words, so "China-Russia" gives both countries),
longest match wins; names of countries, people, places, forums and regions match in their usual
capitalisation (so "turkey" and "china" the common nouns do not match), office titles match in
any case except all-capital abbreviations ("PM"). Chinese: longest match over simplified text;
strings listed as blockers in matching.yaml win the longest match and report nothing; country
abbreviations combine ("中方", "中美", "俄乌" -> one match per country, each on its own
characters) unless they overlap a longer name ("其中美国" -> 美国).

Ambiguous surfaces: a place name shared by several places picks the place in a country the text
mentions elsewhere, else the larger one; "Atlanta, Georgia" picks the US state because the name
follows a place of that country after a comma; otherwise a country outranks a place. A person's
short form shared by several people gives a tuple of them (most recently appointed first).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import ahocorasick

from summitry.kb.build import has_cjk
from summitry.kb.core import CONTEXT_BONUS
from summitry.kb.records import Country, KBMatch, Person, Place

if TYPE_CHECKING:
    from summitry.kb.core import KB

_LEN_BITS = 1024  # automaton values are entry_id * _LEN_BITS + key length
_BLOCKER = 0      # entry 0: a blocker (matches, reports nothing)
# kinds of place whose two-character Chinese name is matched whatever the population
_ZH_SHORT_OK = ("capital", "subdivision", "island", "landmark", "town", "district", "region")


def _country_of(record: object) -> str | None:
    if isinstance(record, Country):
        return record.iso3
    if isinstance(record, (Place, Person)):
        return record.country
    return None


class Matcher:
    """Use ``kb.matcher(lang)``; ``find(text)`` returns the KBMatch list in text order."""

    def __init__(self, lang: str):
        self.lang = lang
        self.entries: list[tuple] = [()]       # entry id -> candidates (kind, record, prior)
        self.entry_keys: list[str] = [""]
        self.cs = ahocorasick.Automaton()       # case-sensitive (en) / all keys (zh)
        self.ci = ahocorasick.Automaton()       # lower-cased office titles (en)
        self.compounds = ahocorasick.Automaton()  # zh country abbreviations
        self.compound_parts: list[tuple[tuple[int, int, object], ...]] = []
        self.ascii_keys: set[int] = set()       # zh: entry ids of Latin keys, checked for word boundaries
        self._has_ci = False
        self._has_compounds = False

    # ------------------------------------------------------------------ building

    def _entry(self, key: str, cands: list[tuple]) -> int:
        self.entries.append(tuple(cands))
        self.entry_keys.append(key)
        return len(self.entries) - 1

    @classmethod
    def build(cls, kb: "KB", lang: str) -> "Matcher":
        m = cls(lang)
        extra = kb._tables_extra
        stop_en = extra["place_stoplist_en"]
        min_pop = extra["zh_two_char_min_population"]
        min_pop_en = extra["en_city_min_population"]
        cs: dict[str, list[tuple]] = {}
        ci: dict[str, list[tuple]] = {}

        def put(table: dict[str, list[tuple]], key: str, cand: tuple) -> None:
            lst = table.setdefault(key, [])
            if all(c[1] is not cand[1] for c in lst):
                lst.append(cand)

        for name, cands in kb._names.items():
            if len(name) < 2:
                continue
            zh_key = has_cjk(name)
            for cand in cands:
                kind, rec, _ = cand
                if lang == "en":
                    if zh_key:
                        continue
                    if kind == "place" and (name in stop_en or rec.name in stop_en
                                            or (rec.kind == "city" and rec.population < min_pop_en)):
                        continue
                    if kind == "office" and not name.isupper():
                        put(ci, name.lower(), cand)
                        continue
                    put(cs, name, cand)
                    if "-" in name:
                        put(cs, name.replace("-", " "), cand)
                    if kind == "country" and len(name) >= 4 and not name.isupper():
                        put(cs, name.upper(), cand)
                else:
                    if not zh_key:
                        # Latin acronyms (APEC, G20, UAE) appear in Chinese text too
                        if name.isupper() and kind in ("forum", "country", "region"):
                            put(cs, name, cand)
                        continue
                    if kind == "place" and len(name) == 2 and rec.kind not in _ZH_SHORT_OK \
                            and rec.population < min_pop:
                        continue
                    put(cs, name, cand)
        for table, automaton in ((cs, m.cs), (ci, m.ci)):
            for key, cands in table.items():
                cands.sort(key=lambda c: -c[2])
                eid = m._entry(key, cands)
                if lang == "zh" and not has_cjk(key):
                    m.ascii_keys.add(eid)
                automaton.add_word(key, eid * _LEN_BITS + len(key))
        if lang == "zh":
            for b in extra["blockers_zh"]:
                if b not in cs:
                    m.cs.add_word(b, _BLOCKER * _LEN_BITS + len(b))
            m._build_compounds(kb, cs)
        if len(m.cs):
            m.cs.make_automaton()
        if len(m.ci):
            m.ci.make_automaton()
            m._has_ci = True
        return m

    def _build_compounds(self, kb: "KB", primary: dict[str, list[tuple]]) -> None:
        abbrev: dict[str, str] = kb._tables_extra["abbrev_zh"]
        forms: dict[str, tuple[tuple[int, int, object], ...]] = {}
        china = kb.countries.get("CHN")
        for ab, iso3 in abbrev.items():
            c = kb.countries[iso3]
            forms.setdefault(ab + "方", ((0, len(ab) + 1, c),))
            if china is not None and iso3 != "CHN":
                forms.setdefault("中" + ab, ((0, 1, china), (1, 1 + len(ab), c)))
        for parts, codes in kb._tables_extra["compounds_zh"]:
            spans, pos = [], 0
            for part, code in zip(parts, codes):
                spans.append((pos, pos + len(part), kb.countries[code]))
                pos += len(part)
            forms["".join(parts)] = tuple(spans)
        blockers = set(kb._tables_extra["blockers_zh"])
        for form, spans in forms.items():
            if form in primary or form in blockers:
                continue
            self.compound_parts.append(spans)
            self.compounds.add_word(form, (len(self.compound_parts) - 1) * _LEN_BITS + len(form))
        if len(self.compounds):
            self.compounds.make_automaton()
            self._has_compounds = True

    def zh_words(self) -> list[tuple[str, str]]:
        """(word, kind) of every Chinese key, for a segmenter's user dictionary."""
        out = []
        for eid in range(1, len(self.entries)):
            key = self.entry_keys[eid]
            if has_cjk(key):
                out.append((key, self.entries[eid][0][0]))
        for key in self.compounds.keys() if self._has_compounds else ():
            out.append((key, "country"))
        return out

    # ------------------------------------------------------------------ matching

    def find(self, text: str) -> list[KBMatch]:
        if not text:
            return []
        spans = self._find_zh(text) if self.lang == "zh" else self._find_en(text)
        return self._resolve(text, spans)

    def _find_en(self, text: str) -> list[tuple]:
        n = len(text)
        raw: list[tuple] = []
        for automaton, hay in ((self.cs, text), (self.ci, self._lower(text) if self._has_ci else None)):
            if hay is None or not len(automaton):
                continue
            for end, code in automaton.iter(hay):
                start = end - (code % _LEN_BITS) + 1
                if start > 0 and text[start - 1].isalnum():
                    continue
                if end + 1 < n and text[end + 1].isalnum():
                    continue
                raw.append((start, end + 1, code // _LEN_BITS, None))
        raw.sort(key=lambda s: (s[0], s[0] - s[1]))
        out: list[tuple] = []
        last = -1
        for s in raw:
            if s[0] >= last:
                out.append(s)
                last = s[1]
        return out

    @staticmethod
    def _lower(text: str) -> str:
        low = text.lower()
        if len(low) == len(text):
            return low
        return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)

    def _find_zh(self, text: str) -> list[tuple]:
        n = len(text)
        primary: list[tuple] = []
        for end, code in self.cs.iter_long(text):
            start = end - (code % _LEN_BITS) + 1
            eid = code // _LEN_BITS
            if eid in self.ascii_keys and (
                    (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum())
                    or (end + 1 < n and text[end + 1].isascii() and text[end + 1].isalnum())):
                continue
            primary.append((start, end + 1, eid, None))
        if not self._has_compounds:
            return [p for p in primary if p[2] != _BLOCKER]
        starts = [p[0] for p in primary]
        inside: set[int] = set()
        out: list[tuple] = []
        for end, code in self.compounds.iter_long(text):
            cstart, cend = end - (code % _LEN_BITS) + 1, end + 1
            # a primary match (or blocker) overlapping the compound and reaching outside it wins
            i = bisect_left(starts, cstart)
            if i > 0 and primary[i - 1][1] > cstart:
                continue
            j = i
            while j < len(primary) and primary[j][0] < cend and primary[j][1] <= cend \
                    and primary[j][2] != _BLOCKER:
                j += 1
            if j < len(primary) and primary[j][0] < cend:
                continue
            inside.update(range(i, j))
            for off, off_end, country in self.compound_parts[code // _LEN_BITS]:
                out.append((cstart + off, cstart + off_end, -1, country))
        out.extend(p for k, p in enumerate(primary) if k not in inside and p[2] != _BLOCKER)
        out.sort(key=lambda s: (s[0], s[1]))
        return out

    def _resolve(self, text: str, spans: list[tuple]) -> list[KBMatch]:
        entries = self.entries
        # countries the text names without ambiguity: the context for ambiguous names
        context: set[str] = set()
        for s in spans:
            if s[3] is not None:
                context.add(s[3].iso3)
                continue
            cands = entries[s[2]]
            if len(cands) == 1:
                iso = _country_of(cands[0][1])
                if iso:
                    context.add(iso)
        out: list[KBMatch] = []
        prev: KBMatch | None = None
        for s in spans:
            start, end, eid, fixed = s
            surface = text[start:end]
            if fixed is not None:
                m = KBMatch(start, end, "country", surface, fixed)
            else:
                cands = entries[eid]
                if len(cands) == 1:
                    kind, rec, _ = cands[0]
                    m = KBMatch(start, end, kind, surface, rec)
                else:
                    m = self._choose(text, start, end, surface, cands, context, prev)
            out.append(m)
            prev = m
        return out

    @staticmethod
    def _choose(text: str, start: int, end: int, surface: str, cands: tuple, context: set[str],
                prev: KBMatch | None) -> KBMatch:
        top_kind = cands[0][0]
        if top_kind in ("person", "person_short"):
            people = tuple(c[1] for c in cands if c[0] == top_kind)
            if len(people) > 1:
                return KBMatch(start, end, top_kind, surface, people)
        after_place = None
        if prev is not None and prev.kind == "place" and text[prev.end:start] in (", ", ","):
            after_place = prev.record.country

        def score(c: tuple) -> float:
            kind, rec, prior = c
            if kind == "place":
                if after_place is not None and rec.country == after_place and rec.kind == "subdivision":
                    return 1000.0 + prior
                return prior + (CONTEXT_BONUS if rec.country in context else 0.0)
            return prior

        kind, rec, _ = max(cands, key=score)
        return KBMatch(start, end, kind, surface, rec)
