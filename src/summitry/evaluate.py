"""Scoring extracted events against a gold file (``summitry-gold/1``).

The figures are defined by the project's reference scorer (``shared/eval/score.py``);
this module computes the same figures inside summitry so that ``summitry eval``
needs no second process, and a test checks the two agree on the same output.

Matching works per document: every (event, mention) pair extracted from a
document is one prediction, every gold event that the document reports is one
gold item. Predictions and gold items are paired greedily, pairs that also get
the dates and the status right first.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, NamedTuple

_NOT_WORD = re.compile(r"[^\w\s]")


def normalise_name(name: str | None) -> str:
    """Casefolded, accents stripped, punctuation turned to spaces, spaces collapsed."""
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).split())


def names_agree(predicted: str | None, aliases: Sequence[str] | None) -> bool:
    """Equal to an alias, or (both multi-word) one's words all among the other's."""
    p = normalise_name(predicted)
    if not p or not aliases:
        return False
    p_words = set(p.split())
    for alias in aliases:
        a = normalise_name(alias)
        if a == p:
            return True
        a_words = set(a.split())
        if len(p_words) > 1 and len(a_words) > 1 and (p_words <= a_words or a_words <= p_words):
            return True
    return False


def _party_agrees(party: dict, gold_party: dict) -> bool:
    if gold_party.get("names"):
        return names_agree(party.get("name"), gold_party["names"])
    return party.get("country") == gold_party.get("country")


def _forum_agrees(predicted: str | None, aliases: Sequence[str]) -> bool:
    forum = normalise_name(predicted)
    if not forum:
        return False
    words = forum.split()
    for alias in aliases:
        a = normalise_name(alias)
        if a == forum or a in words or (len(a) > 4 and a in forum):
            return True
    return False


def lenient_match(event: dict, gold: dict) -> bool:
    """Type, participants and target agree (dates and status aside)."""
    kind = gold["type"]
    if event.get("type") != kind:
        return False
    actor = event.get("actor") or {}
    if kind in ("meeting", "call"):
        parties = [actor, *(event.get("counterparts") or [])]
        return all(any(_party_agrees(p, g) for p in parties) for g in gold["participants"])
    if not names_agree(actor.get("name"), gold["actor"]):
        return False
    countries = set(event.get("countries") or [])
    if kind == "visit":
        return bool(countries & set(gold["destination"]))
    if kind == "multilateral":
        return _forum_agrees(event.get("forum"), gold["forum"]) or gold.get("host_country") in countries
    return False


def dates_within(event: dict, gold: dict) -> bool:
    start = event.get("start")
    if not start:
        return False
    end = event.get("end") or start
    lo, hi = gold["window"]
    return start[:10] <= hi and end[:10] >= lo


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    figures: dict[str, Any]
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        L, S, M = self.figures["lenient"], self.figures["strict"], self.figures["merge"]
        return [
            f"lenient P {L['p']:.3f} R {L['r']:.3f} F1 {L['f1']:.3f}  (tp {L['tp']} fp {L['fp']} fn {L['fn']})",
            f"strict  P {S['p']:.3f} R {S['r']:.3f} F1 {S['f1']:.3f}",
            (f"status accuracy {self.figures['status_accuracy']:.3f}  "
             f"date accuracy {self.figures['date_accuracy']:.3f}"),
            f"merge   P {M['p']:.3f} R {M['r']:.3f} F1 {M['f1']:.3f}  ({M['gold_pairs']} gold pairs)",
            *([(f"false events per 100 documents that report none {self.figures['false_per_100_empty']:.1f}"
                f"  ({self.figures['empty_documents']} such documents)")] if self.figures["empty_documents"] else []),
        ]


def scored_documents(gold: dict, only_docs: Iterable[str] | None = None) -> set[str]:
    """The documents a gold file scores: those it lists, with or without events, and those its events
    cite; ``only_docs`` narrows them."""
    docs = set(gold.get("documents") or ())
    for g in gold["events"]:
        docs.update(g["mentions"])
    if only_docs is not None:
        docs &= set(only_docs)
    return docs


def score(gold: dict, events: Sequence[dict], only_docs: Iterable[str] | None = None) -> Score:
    """Lenient/strict P/R/F1, status and date accuracy and pairwise merge P/R/F1."""
    docs = scored_documents(gold, only_docs)

    predictions: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for index, event in enumerate(events):
        for mention in event.get("mentions") or ():
            if mention.get("doc") in docs:
                predictions[mention["doc"]].append((index, mention))
    gold_items: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    for g in gold["events"]:
        for doc, status in g["mentions"].items():
            if doc in docs:
                gold_items[doc].append((g, status))

    matched = fp = fn = strict = status_right = dates_right = 0
    empty_docs = false_in_empty = 0  # documents with no gold event at all, and what is extracted there
    matched_required = strict_required = 0
    links: list[tuple[int, str]] = []
    misses: list[str] = []
    spurious: list[str] = []
    for doc in sorted(docs):
        preds, golds = predictions[doc], gold_items[doc]
        if not golds:
            empty_docs += 1
            false_in_empty += len(preds)
        candidates = []
        for pi, (index, mention) in enumerate(preds):
            event = events[index]
            for gi, (g, status) in enumerate(golds):
                if lenient_match(event, g):
                    quality = int(dates_within(event, g)) + int(mention.get("status") == status)
                    candidates.append((-quality, pi, gi))
        candidates.sort()
        taken_p: set[int] = set()
        taken_g: set[int] = set()
        for _, pi, gi in candidates:
            if pi in taken_p or gi in taken_g:
                continue
            taken_p.add(pi)
            taken_g.add(gi)
            index, mention = preds[pi]
            g, status = golds[gi]
            date_ok = dates_within(events[index], g)
            status_ok = mention.get("status") == status
            matched += 1
            dates_right += date_ok
            status_right += status_ok
            strict += date_ok and status_ok
            if g.get("required", True):
                matched_required += 1
                strict_required += date_ok and status_ok
            links.append((index, g["id"]))
        for gi, (g, status) in enumerate(golds):
            if gi not in taken_g and g.get("required", True):
                fn += 1
                misses.append(f"{doc}: {g['id']} {g['type']} ({status}) {g.get('note', '')}".rstrip())
        for pi, (index, mention) in enumerate(preds):
            if pi not in taken_p:
                fp += 1
                ev = events[index]
                who = (ev.get("actor") or {}).get("name")
                spurious.append(f"{doc}: {ev.get('type')} {who} -> {ev.get('countries')} "
                                f"{ev.get('forum') or ''} | {(mention.get('text') or '')[:100]}")

    lp, _, _ = _prf(matched, fp, fn)
    lr = matched_required / (matched_required + fn) if matched_required + fn else 0.0
    sp = strict / (matched + fp) if matched + fp else 0.0
    sr = strict_required / (matched_required + fn) if matched_required + fn else 0.0

    same_pred = same_gold = same_both = 0
    for (e1, g1), (e2, g2) in combinations(links, 2):
        same_pred += e1 == e2
        same_gold += g1 == g2
        same_both += e1 == e2 and g1 == g2
    mp = same_both / same_pred if same_pred else float(bool(links))
    mr = same_both / same_gold if same_gold else float(bool(links))

    figures = {
        "lenient": {"p": lp, "r": lr, "f1": _f1(lp, lr), "tp": matched, "fp": fp, "fn": fn},
        "strict": {"p": sp, "r": sr, "f1": _f1(sp, sr), "tp": strict},
        "status_accuracy": status_right / matched if matched else 0.0,
        "date_accuracy": dates_right / matched if matched else 0.0,
        "merge": {"p": mp, "r": mr, "f1": _f1(mp, mr), "gold_pairs": same_gold},
        # beyond score.py: how often a document that reports no event yields one anyway
        "empty_documents": empty_docs,
        "false_per_100_empty": 100 * false_in_empty / empty_docs if empty_docs else 0.0,
    }
    return Score(figures, misses, spurious)


# --- travel logs ----------------------------------------------------------------------------------
# What an analyst reads off a travel log: the countries each person was in, by year. The gold's
# occurred events put people abroad the way the store's legs do (summitry.store.ingest.travellers):
# a visit's actor in its one destination, a gathering's actor in its host country, a meeting's
# named participants in its host country, each when that is not their own (nor one of their
# country's home territories); the year is the one the gold window starts in.

class GoldStay(NamedTuple):
    """A person abroad as the gold tells it: the years its window spans, the country."""

    names: tuple[str, ...]
    first_year: int
    last_year: int
    country: str
    required: bool


def gold_country_years(gold: dict, at_home=None) -> list[GoldStay]:
    """Each stay abroad the gold's occurred events tell (see above)."""
    out = []
    for g in gold["events"]:
        window = g.get("window") or [None, None]
        if "occurred" not in g["mentions"].values() or not window[0]:
            continue
        years = int(window[0][:4]), int((window[1] or window[0])[:4])
        if g["type"] == "visit":
            where = g.get("destination") or []
            people = [(g.get("actor") or [], g.get("actor_country"))] if len(where) == 1 else []
        elif g["type"] == "multilateral":
            where = [g["host_country"]] if g.get("host_country") else []
            people = [(g.get("actor") or [], g.get("actor_country"))]
        elif g["type"] == "meeting":
            where = [g["host_country"]] if g.get("host_country") else []
            people = [(p.get("names") or [], p.get("country")) for p in g.get("participants") or []]
        else:
            continue
        for names, home in people:
            for country in where:
                if names and country != home and not (at_home and home and at_home(home, country)):
                    out.append(GoldStay(tuple(names), *years, country, g.get("required", True)))
    return out


def travel_score(gold_stays: Sequence[GoldStay], found: Sequence[tuple[str, int, str]]) -> dict[str, Any]:
    """Country-years of a travel log (``found``: person, year, country) against the gold's stays:
    precision, recall and F1 of (person, year, country), and the mean Jaccard overlap of each
    person's countries per year. A found country-year is true when a gold stay of that person and
    country has that year in its window; one only optional stays tell is neither true nor false,
    and an optional stay is never missed. A person is named by the gold's first name for them."""
    def stays_of(person: str, year: int, country: str) -> list[int]:
        return [i for i, g in enumerate(gold_stays) if g.country == country and g.first_year <= year <= g.last_year
                and names_agree(person, g.names)]

    def canonical(i: int) -> str:
        return normalise_name(gold_stays[i].names[0])

    true_found: dict[tuple[str, int, str], list[int]] = {}
    false_found: set[tuple[str, int, str]] = set()
    for person, year, country in set(found):
        matching = stays_of(person, year, country)
        if not matching:
            false_found.add((person, year, country))
        elif any(gold_stays[i].required for i in matching):
            true_found[(person, year, country)] = [i for i in matching if gold_stays[i].required]
    hit_year = {i: year for (_, year, _), stays in true_found.items() for i in stays}
    gold_keys = {(canonical(i), hit_year.get(i, g.first_year), g.country)
                 for i, g in enumerate(gold_stays) if g.required}
    found_keys = {(canonical(stays[0]), year, country) for (_, year, country), stays in true_found.items()}
    false_keys = {(normalise_name(person), year, country) for person, year, country in false_found}
    # the mean Jaccard overlap of a person's countries in a year, over the person-years either side names
    sides: dict[tuple[str, int], tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for person, year, country in gold_keys:
        sides[(person, year)][0].add(country)
    for person, year, country in found_keys | false_keys:
        sides[(person, year)][1].add(country)
    jaccards = [len(g & f) / len(g | f) for g, f in sides.values() if g | f]
    tp, fn, fp = len(found_keys & gold_keys), len(gold_keys - found_keys), len(false_keys)
    p, r, f = _prf(tp, fp, fn)
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn,
            "mean_jaccard": sum(jaccards) / len(jaccards) if jaccards else 1.0, "person_years": len(jaccards),
            "false": sorted(false_found), "missed": sorted(gold_keys - found_keys)}
