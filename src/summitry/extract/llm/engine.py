"""The ``llm`` and ``hybrid`` engines.

``llm`` sends every document (in passages of at most ``chunk_chars`` characters, cut between
sentences, overlapping by ``overlap_sentences``) and grounds what the model answers.

``hybrid`` runs the rule engine of the document's language first and keeps its events. The model
then reads only the sentences around the triggers the rules left without a complete event (a
trigger word in a sentence where the rules built no event with a named actor and its
counterpart, destination or gathering), ``hybrid_context`` sentences either side, joined into one
excerpt per document. A document whose triggers all became complete events, or that has no
trigger, costs no request. The model's events that repeat one of the rules' are left out.

Both read many documents at once (``extract_many``): requests for the next documents are in
flight while the answers of the first are grounded, at most ``concurrency`` at a time.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field

from summitry.extract import DocumentNotRead, engine_for
from summitry.extract.llm.grounding import DocView, Grounder, dedupe
from summitry.extract.llm.passages import Passage, document_passages, excerpt_passages, sentence_spans
from summitry.extract.llm.transport import LLMRun, current_run
from summitry.records import Document, Event


@dataclass
class _Plan:
    doc: Document
    passages: list[Passage]
    excerpt: bool
    futures: list[Future] = field(default_factory=list)
    rule_events: list[Event] = field(default_factory=list)


class LLMEngine:
    """Events read by a language model behind an OpenAI-compatible server, grounded in the text and
    the knowledge base. Configured by the current ``LLMRun`` (see ``summitry.extract.llm``)."""

    name = "llm"
    languages = ("en", "zh")

    def __init__(self, kb=None) -> None:
        from summitry.kb import get_kb

        self.kb = kb or get_kb()

    def extract(self, doc: Document) -> list[Event]:
        for _, result in self.extract_many([doc]):
            if isinstance(result, Exception):
                raise result
            return result
        return []

    def extract_many(self, docs: Iterable[Document]) -> Iterator[tuple[Document, list[Event] | DocumentNotRead]]:
        run = current_run()
        ahead = max(2, run.settings.concurrency * 2)  # documents whose requests may be in flight
        waiting: deque[_Plan] = deque()
        for doc in docs:
            plan = self._plan(doc, run)
            plan.futures = [run.submit(doc, p, plan.excerpt) for p in plan.passages]
            waiting.append(plan)
            while len(waiting) > ahead or (waiting and all(f.done() for f in waiting[0].futures)):
                plan = waiting.popleft()
                yield plan.doc, self._finish(plan, run)
        while waiting:
            plan = waiting.popleft()
            yield plan.doc, self._finish(plan, run)

    def _plan(self, doc: Document, run: LLMRun) -> _Plan:
        s = run.settings
        return _Plan(doc, document_passages(doc, s.chunk_chars, s.overlap_sentences), excerpt=False)

    def _finish(self, plan: _Plan, run: LLMRun) -> list[Event] | DocumentNotRead:
        try:
            replies = [f.result() for f in plan.futures]
        except DocumentNotRead as exc:
            run.document_done(plan.doc, not_read=str(exc))
            return exc
        view = DocView(plan.doc)
        grounder = Grounder(self.kb, run.tally)
        found: list[Event] = []
        for passage, reply in zip(plan.passages, replies, strict=True):
            if reply.items is not None:
                found.extend(grounder.events(view, reply.items, passage.ranges))
        events = self._combine(plan, dedupe(found, run.tally), run)
        run.document_done(plan.doc)
        return events

    def _combine(self, plan: _Plan, found: list[Event], run: LLMRun) -> list[Event]:
        return found


class HybridEngine(LLMEngine):
    """The rules first; the model only where they found a trigger but no complete event."""

    name = "hybrid"

    def _plan(self, doc: Document, run: LLMRun) -> _Plan:
        rules = engine_for(doc.lang or "en")
        rule_events = rules.extract(doc)
        return _Plan(doc, self.passages(doc, rule_events, rules.trigger_spans(doc), run.settings.hybrid_context,
                                        run.settings.chunk_chars), excerpt=True, rule_events=rule_events)

    @staticmethod
    def passages(doc: Document, rule_events: list[Event], triggers: list[tuple[int, int]], context: int,
                 limit: int) -> list[Passage]:
        """The excerpts the model reads: around each sentence with a trigger but no complete event."""
        if not triggers:
            return []
        spans = sentence_spans(doc)
        told = [(m.start, m.end) for ev in rule_events if complete(ev) for m in ev.mentions]
        open_sentences = []
        t = sorted(triggers)
        k = 0
        for i, (a, b) in enumerate(spans):
            while k < len(t) and t[k][0] < a:
                k += 1
            if k < len(t) and t[k][0] < b and not any(ms < b and a < me for ms, me in told):
                open_sentences.append(i)
        return excerpt_passages(spans, open_sentences, context, limit)

    def _combine(self, plan: _Plan, found: list[Event], run: LLMRun) -> list[Event]:
        new = [ev for ev in found if not any(repeats(ev, r) for r in plan.rule_events)]
        if len(new) < len(found):
            run.tally.notes["already found by the rules"] += len(found) - len(new)
        return [*plan.rule_events, *new]


def complete(ev: Event) -> bool:
    """Whether a rule event says who and what: a named actor, and the counterpart of a meeting or
    call, the destination of a visit, the gathering (or its host) of a multilateral."""
    if not ev.actor.name:
        return False
    if ev.type in ("meeting", "call"):
        return bool(ev.counterparts)
    if ev.type == "visit":
        return bool(ev.countries)
    return bool(ev.forum or ev.countries)


def repeats(ev: Event, other: Event) -> bool:
    """Whether ``ev`` tells what ``other`` already does: the same type and parties, for a visit or
    gathering the same destination or forum, and no dates that keep them apart."""
    if ev.type != other.type:
        return False
    if ev.start and other.start and (ev.start > (other.end or other.start) or other.start > (ev.end or ev.start)):
        return False
    if ev.type in ("meeting", "call"):
        a = {p.key() for p in (ev.actor, *ev.counterparts)}
        b = {p.key() for p in (other.actor, *other.counterparts)}
        return a == b or len(a & b) >= 2
    if ev.actor.key() != other.actor.key():
        return False
    return bool(set(ev.countries) & set(other.countries)) or (ev.forum is not None and ev.forum == other.forum)
