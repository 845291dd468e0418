"""What the model is asked, and what its answer must look like.

The model is asked only for what it can read in the text: the events, with the people as the text
names them, the places and gatherings as written, the date expression as written, and the
evidence quoted word for word. It is never asked for character offsets, ISO codes or calendar
dates: summitry finds the quote in the document, and the knowledge base and the date grammar
turn names and date expressions into codes and intervals (``summitry.extract.llm.grounding``).

``PROMPT_VERSION`` is part of every cache key: change it whenever the instructions or the answer
schema change, so that no answer to an older prompt is reused.
"""
from __future__ import annotations

import json
import re
from typing import Any

from summitry.records import EVENT_TYPES, STATUSES, Document

PROMPT_VERSION = "events-2"

_TEXT_OR_NULL = {"type": ["string", "null"]}

PARTY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "name": {**_TEXT_OR_NULL, "description": "the person's name as the text gives it (the fullest form "
                                                  "it uses), null when the text names no one"},
        "title": {**_TEXT_OR_NULL, "description": "the office as the text words it, e.g. 'Foreign Minister'"},
        "country": {**_TEXT_OR_NULL, "description": "the country the person acts for, as the text words it"},
    },
    "required": ["name", "title", "country"],
    "additionalProperties": False,
}

#: The JSON Schema of an answer (OpenAI structured output: every key required, nothing else allowed).
ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "type": {"type": "string", "enum": list(EVENT_TYPES)},
                    "status": {"type": "string", "enum": list(STATUSES)},
                    "actor": PARTY_SCHEMA,
                    "counterparts": {"type": "array", "items": PARTY_SCHEMA},
                    "destination": {**_TEXT_OR_NULL, "description": "visit: the country travelled to; "
                                                                     "meeting or gathering: the host country"},
                    "place": {**_TEXT_OR_NULL, "description": "city or venue, as written"},
                    "forum": {**_TEXT_OR_NULL, "description": "multilateral: the summit or forum, as written"},
                    "date": {**_TEXT_OR_NULL, "description": "the words of the text that date the event, "
                                                             "copied exactly; null if none"},
                    "evidence": {"type": "string", "description": "the sentence that tells the event, "
                                                                  "copied exactly from the text"},
                },
                "required": ["type", "status", "actor", "counterparts", "destination", "place", "forum",
                             "date", "evidence"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["events"],
    "additionalProperties": False,
}

SYSTEM_PROMPT = """\
You read news and list the high-level diplomatic events the text reports. Answer with one JSON \
object {"events": [...]} and nothing else.

Event types:
- visit: a person travels to another country (one entry per person and destination country);
- meeting: a person meets one or more others in person (talks, audiences, a received delegation);
- multilateral: a person attends a summit, forum or conference of several states (one entry per person);
- call: a phone or video call.

Status, as the text tells it: occurred (it happened or is happening), planned (announced or \
scheduled), speculated (expected, possible, rumoured), postponed, cancelled.

For each event give:
- actor and counterparts: name as the text writes it (its fullest form in the text; null if the \
text names no one, e.g. "the Chinese leader"), title as the text words it, country as the text \
words it (a name or an adjective such as "Chinese"). Keep the text's language and script: do not \
translate or romanise names;
- destination: for a visit the country travelled to, for a meeting or gathering the host \
country, as the text words it (null if not told);
- place: the city or venue as written (null if not told); forum: the gathering's name as written;
- date: the words of the text that date the event ("on Wednesday", "next month", "9月15日"), \
copied exactly, or null;
- evidence: the one sentence (or the shortest passage) of the text that tells the event, copied \
character for character. Never shorten it with "..." and never paraphrase it.

Rules: only events the text itself reports, including past events told in passing and planned \
ones; nothing you know from elsewhere; no guesses. Do not compute dates, codes or positions. \
Meetings between officials of one country, company and party business are not diplomatic events. \
If the text reports no event, answer {"events": []}.
"""

#: Said in plain JSON mode, where the server does not hold the model to the schema.
SCHEMA_REMINDER = "The JSON must follow this schema exactly:\n"


def user_message(doc: Document, passage: str, excerpt: bool) -> str:
    """The document's passage with what dates it: the publication day and the language."""
    lines = [f"Published: {doc.published or 'unknown'}"]
    if excerpt:
        lines.append("Excerpts of the article (\"[...]\" marks text left out):")
    else:
        lines.append("Article:")
    lines.append(passage)
    return "\n".join(lines)


def messages(doc: Document, passage: str, excerpt: bool, with_schema_text: bool) -> list[dict[str, str]]:
    system = SYSTEM_PROMPT
    if with_schema_text:
        system += "\n" + SCHEMA_REMINDER + json.dumps(ANSWER_SCHEMA, separators=(",", ":"))
    return [{"role": "system", "content": system},
            {"role": "user", "content": user_message(doc, passage, excerpt)}]


def response_format(mode: str) -> dict[str, Any]:
    if mode == "json_schema":
        return {"type": "json_schema",
                "json_schema": {"name": "diplomatic_events", "strict": True, "schema": ANSWER_SCHEMA}}
    return {"type": "json_object"}


class MalformedAnswer(ValueError):
    """The model's answer is not a JSON object with a list of events."""


_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.IGNORECASE)


def parse_answer(content: str | None) -> list[dict[str, Any]]:
    """The event objects of an answer. Code fences and text around the object are tolerated (plain
    JSON mode lets some models add them); anything else raises ``MalformedAnswer``. Each item is
    checked later, one by one, so that one bad item does not lose the others."""
    if not content or not content.strip():
        raise MalformedAnswer("empty answer")
    text = _FENCE.sub("", content.strip())
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        first, last = text.find("{"), text.rfind("}")
        if first < 0 or last <= first:
            raise MalformedAnswer("no JSON object in the answer") from None
        try:
            data = json.loads(text[first:last + 1])
        except json.JSONDecodeError as e:
            raise MalformedAnswer(f"not JSON: {e.msg} at character {e.pos}") from None
    if isinstance(data, list):  # some models answer the bare list
        data = {"events": data}
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise MalformedAnswer("the answer has no 'events' list")
    return data["events"]
