"""Find every KB mention in a text, with character offsets, using Aho-Corasick automata.

English: whole words only (a hyphen separates words, so "China-Russia" gives both countries),
longest match wins; names of countries, people, places, forums and regions match in their usual
capitalisation (so "turkey" and "china" the common nouns do not match); office titles match in
lower case, Title Case, Sentence case and UPPER CASE (an all-capital abbreviation such as "PM"
only as written). Chinese: longest match over simplified text;
strings listed as blockers in matching.yaml win the longest match and report nothing; country
abbreviations combine ("中方", "中美", "俄乌" -> one match per country, each on its own
characters) unless they overlap a longer name ("其中美国" -> 美国).

Ambiguous surfaces: a place name shared by several places picks the place in a country the text
mentions elsewhere, else the larger one; "Atlanta, Georgia" picks the US state because the name
follows a place of that country after a comma (山东德州: with nothing between); otherwise a
country outranks a place. A person's short form shared by several people gives a tuple of them
(most recently appointed first).
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import ahocorasick

from summitry.gcpause import cycles_paused
from summitry.kb.build import has_cjk
from summitry.kb.core import CONTEXT_BONUS
from summitry.kb.records import Country, KBMatch, Person, Place

# Forum names that end in a gathering's noun, whose plural a list of gatherings takes.
_GATHERING_NOUNS_EN = ("summit", "meeting", "conference", "forum", "dialogue")

if TYPE_CHECKING:
    from summitry.kb.core import KB

# KBMatch is a named tuple; tuple.__new__ skips its Python-level constructor (hot path)
_new = tuple.__new__
_JOINERS = ("", ",", ", ", "，")
_FUSED = "+"   # the kind of an entry that stands for several matches (its record: the parts)
_LEN_SHIFT = 10  # automaton values are entry_id << _LEN_SHIFT | key length (bytes for zh)
_LEN_BITS = 1 << _LEN_SHIFT
_LEN_MASK = _LEN_BITS - 1
_BLOCKER = 0      # entry 0: a blocker (matches, reports nothing)


_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "d'affaires"}


def _title_case(low: str) -> str:
    return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in low.split(" "))


def _fused_place_titles(kb: KB, primary: dict[str, list[tuple]]) -> dict[str, tuple]:
    """A place fused with a title that begins with the place's own suffix, one match per part:
    湖南省 + 省委书记 -> 湖南省委书记 (湖南 | 省委书记), 纽约州 + 州长 -> 纽约州长 (纽约 | 州长). As
    longer keys they win over the place name alone."""
    titles = [(t, o) for o in kb.offices.values() if o.level == "subnational" for t in o.titles_zh]
    fused: dict[str, tuple] = {}
    for key, cands in primary.items():
        kind, rec, _ = cands[0]
        if kind != "place" or len(cands) > 1:
            continue
        for title, office in titles:
            for n in (3, 2, 1):   # the longest suffix the title begins with (自治区, 省, 市, 州)
                suffix = title[:n]
                if len(title) > n and len(key) > n and key.endswith(suffix) and has_cjk(suffix):
                    base = key[:-n]
                    fused.setdefault(base + title, ((0, len(base), "place", rec, rec.country),
                                                    (len(base), len(base) + len(title), "office", office, None)))
                    break
    return fused


def _prune(cands: list[tuple]) -> list[tuple]:
    """Drop candidates that can never win in text: a place of the same country as a better
    candidate, and any place but a subdivision ("Atlanta, Georgia") under a non-place."""
    top_kind, top_rec, _ = cands[0]
    out = [cands[0]]
    seen = {_country_of(top_rec)} if top_kind == "place" else set()
    for c in cands[1:]:
        kind, rec, _ = c
        if kind == "place":
            if top_kind != "place" and (rec.kind != "subdivision" or rec.country == _country_of(top_rec)):
                continue
            if rec.country in seen:
                continue
            seen.add(rec.country)
        out.append(c)
    return out


def _as_bytes_text(key: str) -> str:
    """A key as the Latin-1 view of its UTF-8 bytes (see Matcher._find_zh)."""
    return key.encode("utf-8").decode("latin-1")


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
        self.cs = ahocorasick.Automaton()       # every key (zh: as UTF-8 bytes, see _find_zh)
        self.compounds = ahocorasick.Automaton()  # zh country abbreviations
        self.compound_parts: list[tuple[tuple, ...]] = []   # (start, end, kind, record, ISO3) per part
        self.compound_forms: list[str] = []
        self.ascii_from = 1 << 40               # zh: lowest entry id of a Latin key (they come last)
        self.info: list[tuple] = [("", None, None, "")]  # entry id -> (kind, record, ISO3, key)
        self._has_compounds = False

    # ------------------------------------------------------------------ building

    def _entry(self, key: str, cands: list[tuple]) -> int:
        self.entries.append(tuple(cands))
        self.entry_keys.append(key)
        return len(self.entries) - 1

    @classmethod
    def build(cls, kb: KB, lang: str) -> Matcher:
        m = cls(lang)
        extra = kb._tables_extra
        stop_en = extra["place_stoplist_en"]
        short_stop = extra["person_short_stoplist_en"]
        min_pop = extra["zh_two_char_min_population"]
        min_pop_en = extra["en_city_min_population"]
        min_pop_foreign = extra["zh_foreign_city_min_population"]
        zh_native = set(extra["zh_native_countries"])
        min_pop_surname = extra["zh_surname_like_min_population"]
        surname_endings = tuple(extra["zh_surname_like_endings"])
        curated = extra["curated_places"]   # places_extra rows: always matched
        cs: dict[str, list[tuple]] = {}

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
                    if kind == "place" and (name in stop_en or rec.name in stop_en or (
                            rec.kind == "city" and rec.population < min_pop_en and rec not in curated)):
                        continue
                    if kind == "person_short" and name in short_stop:
                        continue
                    if kind == "office" and not name.isupper():
                        # titles in any usual case: lower, Title Case, Sentence case, UPPER
                        low = name.lower()
                        for variant in (name, low, low[:1].upper() + low[1:], _title_case(low), name.upper()):
                            put(cs, variant, cand)
                        continue
                    put(cs, name, cand)
                    if kind == "forum" and name.lower().endswith(_GATHERING_NOUNS_EN):
                        put(cs, name + "s", cand)  # "the BRICS and SCO summits": the plural of "SCO summit"
                    if "-" in name:
                        put(cs, name.replace("-", " "), cand)
                    # headlines and datelines ("BEIJING, Sept. 14 (Xinhua) --") are in capitals
                    if len(name) >= 4 and not name.isupper() and (
                            kind == "country" or (kind == "place" and (
                                rec.kind == "capital" or rec.population >= 1_000_000 or rec in curated))):
                        put(cs, name.upper(), cand)
                else:
                    if not zh_key:
                        # Latin acronyms (APEC, G20, UAE) appear in Chinese text too
                        if name.isupper() and kind in ("forum", "country", "region"):
                            put(cs, name, cand)
                        continue
                    if kind == "place" and rec.kind == "city" and rec not in curated and (
                            (len(name) == 2 and rec.population < min_pop)
                            or (rec.country not in zh_native and rec.population < (
                                min_pop_surname if name.endswith(surname_endings) else min_pop_foreign))):
                        continue
                    put(cs, name, cand)
        if lang == "zh":
            for b in extra["blockers_zh"]:   # a blocker that is also a name (胜利, a town) blocks it
                cs.pop(b, None)
        if lang == "zh":
            for key, parts in _fused_place_titles(kb, cs).items():
                cs.setdefault(key, [(_FUSED, parts, 0.0)])
        if lang == "zh":   # Chinese keys first: Latin keys get the highest entry ids (see _find_zh)
            cs = dict(sorted(cs.items(), key=lambda kv: not has_cjk(kv[0])))
        for table, automaton in ((cs, m.cs),):
            for key, cands in table.items():
                cands.sort(key=lambda c: -c[2])
                cands[:] = _prune(cands)
                eid = m._entry(key, cands)
                if lang == "zh" and not has_cjk(key):
                    m.ascii_from = min(m.ascii_from, eid)
                if lang == "zh":
                    raw = _as_bytes_text(key)
                    automaton.add_word(raw, eid * _LEN_BITS + len(raw))
                else:
                    automaton.add_word(key, eid * _LEN_BITS + len(key))
        if lang == "zh":
            for b in extra["blockers_zh"]:
                raw = _as_bytes_text(b)
                m.cs.add_word(raw, _BLOCKER * _LEN_BITS + len(raw))
            m._build_compounds(kb, cs)
        # surface = key: keys are matched exactly as written (case variants are keys of their own)
        m.info = [("", None, None, "")] + [
            (c[0][0], c[0][1], _country_of(c[0][1]), k) if len(c) == 1 else ("", None, None, k)
            for c, k in zip(m.entries[1:], m.entry_keys[1:])]
        if len(m.cs):
            m.cs.make_automaton()
        return m

    def _build_compounds(self, kb: KB, primary: dict[str, list[tuple]]) -> None:
        """Chinese strings that name several things at once, one match per part: country
        abbreviations (中方, 中美, 俄乌) and a place fused with a title that begins with the
        place's own suffix (湖南省 + 省委书记 -> 湖南 | 省委书记, 加州 + 州长 -> 加 | 州长)."""
        abbrev: dict[str, str] = kb._tables_extra["abbrev_zh"]
        forms: dict[str, tuple[tuple, ...]] = {}

        def country_part(start: int, end: int, c) -> tuple:
            return (start, end, "country", c, c.iso3)

        china = kb.countries.get("CHN")
        for ab, iso3 in abbrev.items():
            c = kb.countries[iso3]
            forms.setdefault(ab + "方", (country_part(0, len(ab) + 1, c),))
            if china is not None and iso3 != "CHN":
                forms.setdefault("中" + ab, (country_part(0, 1, china), country_part(1, 1 + len(ab), c)))
        for parts, codes in kb._tables_extra["compounds_zh"]:
            spans, pos = [], 0
            for part, code in zip(parts, codes):
                spans.append(country_part(pos, pos + len(part), kb.countries[code]))
                pos += len(part)
            forms["".join(parts)] = tuple(spans)
        blockers = set(kb._tables_extra["blockers_zh"])
        for form, spans in forms.items():
            if form in primary or form in blockers:
                continue
            self.compound_parts.append(spans)
            self.compound_forms.append(form)
            raw = _as_bytes_text(form)
            self.compounds.add_word(raw, (len(self.compound_parts) - 1) * _LEN_BITS + len(raw))
        if len(self.compounds):
            self.compounds.make_automaton()
            self._has_compounds = True

    def zh_words(self) -> list[tuple[str, str]]:
        """(word, kind) of every Chinese key, for a segmenter's user dictionary."""
        out = []
        for eid in range(1, len(self.entries)):
            key = self.entry_keys[eid]
            kind = self.entries[eid][0][0]
            if has_cjk(key) and kind != _FUSED:
                out.append((key, kind))
        for form in self.compound_forms:   # 中方, 中美
            out.append((form, "country"))
        return out

    # ------------------------------------------------------------------ matching

    def find(self, text: str) -> list[KBMatch]:
        if not text:
            return []
        # The cyclic GC would otherwise run every few hundred new matches and walk the whole KB;
        # matches hold no cycles, so it is paused while they are made.
        with cycles_paused():
            return self._find_zh(text) if self.lang == "zh" else self._find_en(text)

    def _find_en(self, text: str) -> list[KBMatch]:
        """Leftmost-longest matches kept when they are whole words, resolved in the same pass
        (one loop per match: this is the hot path of both extractors)."""
        n = len(text)
        info = self.info
        out: list[KBMatch] = []
        append = out.append
        context: set[str] = set()
        add_context = context.add
        pending: list[int] = []
        for end, code in self.cs.iter_long(text):
            start = end - (code & _LEN_MASK) + 1
            if start and text[start - 1].isalnum():
                continue
            end += 1
            if end < n and text[end].isalnum():
                continue
            eid = code >> _LEN_SHIFT
            kind, rec, iso, key = info[eid]
            if kind:
                append(_new(KBMatch, (start, end, kind, key, rec)))
                if iso is not None:
                    add_context(iso)
            else:
                pending.append(len(out))
                append(_new(KBMatch, (start, end, "", key, eid)))
        for i in pending:
            start, end, _, surface, eid = out[i]
            out[i] = self._choose(text, start, end, surface, self.entries[eid], context, out[i - 1] if i else None)
        return out

    def _find_zh(self, text: str) -> list[KBMatch]:
        """Chinese keys are searched in the UTF-8 bytes of the text (seen as Latin-1 characters):
        the automaton then branches on at most 256 byte values instead of thousands of Chinese
        characters, which makes the scan several times faster; UTF-8 is self-synchronising, so a
        match always starts and ends on character boundaries. Offsets are mapped back to
        characters in one pass."""
        data = text.encode("utf-8")
        hay = data.decode("latin-1")
        nb = len(data)
        # (last byte, code) of each leftmost-longest match; code 0 marks a dropped match
        primary = list(self.cs.iter_long(hay))
        comps: list[tuple] = []     # accepted compounds: (byte start, byte end, compound id)
        if self._has_compounds:
            np_ = len(primary)
            for end, code in self.compounds.iter_long(hay):
                cstart, cend = end - (code & _LEN_MASK) + 1, end + 1
                # a primary match (or blocker) overlapping the compound and reaching outside it wins
                i = j = bisect_left(primary, (cstart,))
                rejected = False
                while j < np_:
                    pend, pcode = primary[j]
                    pstart = pend - (pcode & _LEN_MASK) + 1
                    if pstart >= cend:
                        break
                    if pstart < cstart or pend >= cend or pcode >> _LEN_SHIFT == _BLOCKER:
                        rejected = True
                        break
                    j += 1
                if rejected:
                    continue
                for k in range(i, j):   # primary matches inside the compound give way to it
                    primary[k] = (primary[k][0], 0)
                comps.append((cstart, cend, code >> _LEN_SHIFT))
        # one pass: byte offsets -> character offsets, records, context for ambiguous names
        info = self.info
        parts = self.compound_parts
        forms = self.compound_forms
        ascii_text = nb == len(text)
        out: list[KBMatch] = []
        append = out.append
        context: set[str] = set()
        add_context = context.add
        pending: list[int] = []

        def emit_parts(cstart: int, pieces) -> None:
            """The matches a compound or a fused key stands for, at their places in the text."""
            for off, off_end, pkind, prec, piso in pieces:
                append(_new(KBMatch, (cstart + off, cstart + off_end, pkind, text[cstart + off:cstart + off_end],
                                      prec)))
                if piso is not None:
                    add_context(piso)

        pos_b = pos_c = 0
        ci, nc = 0, len(comps)
        next_comp = comps[0][0] if nc else nb + 1
        ascii_from = self.ascii_from
        for last, code in primary:
            eid = code >> _LEN_SHIFT
            if not eid:   # a blocker, or a match inside an accepted compound
                continue
            bstart = last - (code & _LEN_MASK) + 1
            bend = last + 1
            if eid >= ascii_from:   # a Latin acronym must stand alone: "SCO" but not "SCOTLAND"
                before = data[bstart - 1] if bstart else 32
                after = data[bend] if bend < nb else 32
                if (before < 128 and chr(before).isalnum()) or (after < 128 and chr(after).isalnum()):
                    continue
            while next_comp < bstart:
                cb, ce, cid = comps[ci]
                cstart = cb if ascii_text else pos_c + len(data[pos_b:cb].decode("utf-8"))
                emit_parts(cstart, parts[cid])
                pos_b, pos_c = ce, cstart + len(forms[cid])
                ci += 1
                next_comp = comps[ci][0] if ci < nc else nb + 1
            kind, rec, iso, key = info[eid]
            if ascii_text:
                cstart, cend = bstart, bend
            else:
                cstart = pos_c + len(data[pos_b:bstart].decode("utf-8"))
                cend = cstart + len(key)
                pos_b, pos_c = bend, cend
            if kind:
                if kind != _FUSED:
                    append(_new(KBMatch, (cstart, cend, kind, key, rec)))
                    if iso is not None:
                        add_context(iso)
                else:
                    emit_parts(cstart, rec)
            else:
                pending.append(len(out))
                append(_new(KBMatch, (cstart, cend, "", key, eid)))
        while ci < nc:
            cb, ce, cid = comps[ci]
            cstart = cb if ascii_text else pos_c + len(data[pos_b:cb].decode("utf-8"))
            emit_parts(cstart, parts[cid])
            pos_b, pos_c = ce, cstart + len(forms[cid])
            ci += 1
        for i in pending:
            start, end, _, surface, eid = out[i]
            out[i] = self._choose(text, start, end, surface, self.entries[eid], context, out[i - 1] if i else None)
        return out

    @staticmethod
    def _choose(text: str, start: int, end: int, surface: str, cands: tuple, context: set[str],
                prev: KBMatch | None) -> KBMatch:
        top_kind = cands[0][0]
        if top_kind in ("person", "person_short"):
            people = tuple(c[1] for c in cands if c[0] == top_kind)
            if len(people) > 1:
                return KBMatch(start, end, top_kind, surface, people)
        # "Atlanta, Georgia", "山东德州", "美国得州": a place right after a place or country of the
        # same country (nothing or a comma between) belongs to that country
        after = None
        if prev is not None and prev.kind in ("place", "country") and text[prev.end:start] in _JOINERS:
            after = prev.record.country if prev.kind == "place" else prev.record.iso3

        def score(c: tuple) -> float:
            kind, rec, prior = c
            if kind == "place":
                if after is not None and rec.country == after:
                    return 1000.0 + prior
                return prior + (CONTEXT_BONUS if rec.country in context else 0.0)
            return prior

        kind, rec, _ = max(cands, key=score)
        return KBMatch(start, end, kind, surface, rec)
