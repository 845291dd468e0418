"""The Chinese cue lexicon (``lexicon/zh.yaml``): its schema, loading with clear errors, compiled patterns.

Everything the Chinese engine matches that is not a name (trigger verbs, status cues, titles,
country abbreviations, markup labels) lives in the YAML file; this module checks it against
``SCHEMA`` and compiles it once into the regular expressions the engine uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from summitry.records import LEVELS, STATUSES
from summitry.yamltext import safe_load

DEFAULT_PATH = Path(__file__).with_name("lexicon") / "zh.yaml"

_CUE = {"type": "string", "minLength": 1}
_CUES = {"type": "array", "items": _CUE, "minItems": 1, "uniqueItems": True}
_ISO3 = {"type": "string", "pattern": "^[A-Z]{3}$"}
_LEVEL = {"enum": list(LEVELS)}
_OFFICE_KEY = {"type": "string", "pattern": "^[a-z_]+$"}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "schema",
        "triggers",
        "gathering_nouns",
        "meeting_nouns",
        "ceremony_nouns",
        "international_markers",
        "business_gatherings",
        "status",
        "time_clause_ends",
        "negations",
        "invited_status",
        "invitation",
        "titles",
        "group_heads",
        "country_abbreviations",
        "not_visit_after",
        "talks_compounds",
        "not_abbreviations",
        "reference_before",
        "reference_after",
        "indirect_marks",
        "talks_rounds",
        "separately",
        "envoy_titles",
        "former_marks",
        "title_not_before",
        "party_countries",
        "city_abbreviations",
        "locatives_before_city",
        "country_actor_suffix",
        "country_actor_not_after",
        "pair_references",
        "not_the_person",
        "not_travellers",
        "person_pronouns",
        "speaker_pronouns",
        "speech_verbs",
        "address_forms",
        "pronoun_not_before",
        "pronoun_not_after",
        "surname_after",
        "surname_before",
        "same_day_references",
        "transliteration_chars",
        "surnames",
        "name_stop_chars",
        "han_names",
        "credit_lines",
        "caption_labels",
    ],
    "properties": {
        "schema": {"const": "summitry-lexicon-zh/1"},
        "triggers": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["cue", "type"],
                "properties": {
                    "cue": _CUE,
                    "type": {"enum": ["visit", "meeting", "call", "attend", "presence", "speech"]},
                    "destination": {"enum": ["after", "before", "either"]},
                    "counterparts": {"enum": ["after"]},
                    "sides": {"enum": ["countries"]},
                    "general": {"type": "boolean"},
                    "placed": {"type": "boolean"},
                    "resumes": {"type": "boolean"},
                    "sides_only": {"type": "boolean"},
                    "held": {"type": "boolean"},
                    "with": _CUES,
                    "country": _ISO3,
                },
            },
        },
        "gathering_nouns": _CUES,
        "meeting_nouns": _CUES,
        "ceremony_nouns": _CUES,
        "international_markers": _CUES,
        "business_gatherings": _CUES,
        "status": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["cue", "status"],
                "properties": {
                    "cue": _CUE,
                    "status": {"enum": list(STATUSES)},
                    "scope": {"enum": ["before", "clause"]},
                },
            },
        },
        "time_clause_ends": _CUES,
        "negations": _CUES,
        "invited_status": {
            "type": "object",
            "additionalProperties": False,
            "required": ["cue", "status"],
            "properties": {"cue": _CUE, "status": {"enum": list(STATUSES)}},
        },
        "invitation": {
            "type": "object",
            "additionalProperties": False,
            "required": ["open", "close"],
            "properties": {"open": _CUE, "close": _CUES},
        },
        "titles": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["cue", "office", "title", "level"],
                "properties": {
                    "cue": _CUE,
                    "office": _OFFICE_KEY,
                    "title": _CUE,
                    "level": _LEVEL,
                    "country": _ISO3,
                },
            },
        },
        "group_heads": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["cue", "office", "level"],
                "properties": {
                    "cue": _CUE,
                    "office": _OFFICE_KEY,
                    "level": _LEVEL,
                    "leader": {"type": "boolean"},
                },
            },
        },
        "party_countries": {"type": "object", "additionalProperties": _ISO3},
        "city_abbreviations": {"type": "object", "additionalProperties": {"type": "string", "minLength": 2}},
        "locatives_before_city": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "title_not_before": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "former_marks": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "envoy_titles": {"$ref": "#/properties/titles"},
        "separately": _CUES,
        "talks_rounds": _CUES,
        "reference_before": _CUES,
        "reference_after": _CUES,
        "indirect_marks": _CUES,
        "not_abbreviations": _CUES,
        "talks_compounds": _CUES,
        "not_visit_after": {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 1}},
        "country_abbreviations": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": "^.$"},
            "additionalProperties": _ISO3,
        },
        "country_actor_suffix": {"type": "string", "pattern": "^.$"},
        "country_actor_not_after": _CUES,
        "pair_references": _CUES,
        "not_the_person": _CUES,
        "not_travellers": _CUES,
        "person_pronouns": _CUES,
        "speaker_pronouns": _CUES,
        "speech_verbs": _CUES,
        "address_forms": _CUES,
        "pronoun_not_before": _CUES,
        "pronoun_not_after": _CUES,
        "surname_after": _CUES,
        "surname_before": _CUES,
        "same_day_references": _CUES,
        "transliteration_chars": {"type": "string", "minLength": 1},
        "surnames": {"type": "string", "minLength": 1},
        "name_stop_chars": _CUES,
        "han_names": {
            "type": "object",
            "additionalProperties": False,
            "required": ["surname_first", "any_han"],
            "properties": {"surname_first": {"type": "array", "items": _ISO3},
                           "any_han": {"type": "array", "items": _ISO3}},
        },
        "credit_lines": _CUES,
        "caption_labels": _CUES,
    },
}


class LexiconError(ValueError):
    """The lexicon file is not valid: the message names the file and the line."""


def _line_of(root: yaml.Node | None, path: list[Any]) -> int | None:
    """1-based line of the YAML node at ``path`` (the deepest one that exists)."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if k.value == key:
                    child = v
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def load_lexicon_data(path: Path | str = DEFAULT_PATH) -> dict[str, Any]:
    """The lexicon as plain data, checked against ``SCHEMA`` (``LexiconError`` names file and line)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise LexiconError(f"{where}: not valid YAML: {err}") from err
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        line = _line_of(yaml.compose(text), list(err.path))  # the text read again only to name the line
        where = "/".join(str(p) for p in err.path) or "(top)"
        raise LexiconError(f"{path}:{line}: {where}: {err.message}")
    for section in ("triggers", "status", "titles", "group_heads"):
        seen: dict[str, int] = {}
        for i, entry in enumerate(data[section]):
            if entry["cue"] in seen:
                line = _line_of(yaml.compose(text), [section, i])
                raise LexiconError(
                    f"{path}:{line}: {section}/{i}: cue {entry['cue']!r} listed twice "
                    f"(first as {section}/{seen[entry['cue']]})"
                )
            seen[entry["cue"]] = i
    return data


def _alternation(words) -> str:
    """A regex alternation that prefers the longest word."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class TitleCue:
    office: str
    title: str
    level: str
    country: str | None


class Lexicon:
    """The lexicon compiled: lookups by cue and the patterns the engine runs."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.triggers: dict[str, dict[str, Any]] = {t["cue"]: t for t in data["triggers"]}
        self.trigger_re = re.compile(_alternation(self.triggers))
        abbreviations = data["country_abbreviations"]
        self.abbreviations: dict[str, str] = dict(abbreviations)
        abbr_class = "[" + re.escape("".join(abbreviations)) + "]"
        # 访俄, 访美: 访 and an abbreviation is a visit to that country (访华 is listed as a trigger),
        # unless 访 ends another word (采访中: "in the interview").
        not_after = "".join(data["not_visit_after"])
        self.visit_abbr_re = re.compile(
            (f"(?<![{re.escape(not_after)}])" if not_after else "") + "访"
            + "(?!" + _alternation(data["not_abbreviations"]) + ")(" + abbr_class + r")(?![国方])")

        self.status: dict[str, dict[str, Any]] = {s["cue"]: s for s in data["status"]}
        # (日前, "the other day", is no cue after a day of the month: 将于29日前往华盛顿 is a plan)
        on_day = [cue for cue in self.status if cue.startswith("日")]
        self.status_re = re.compile(
            ("(?<![0-9０-９零〇一二三四五六七八九十两])(?:" + _alternation(on_day) + ")|" if on_day else "")
            + _alternation([cue for cue in self.status if not cue.startswith("日")]))
        # (时 of 时间, 时期, 时任 ends no time clause: 美国东部时间21日上午，… is a clock)
        self.time_clause_end_re = re.compile("(?:" + _alternation(data["time_clause_ends"]) + ")(?![间期任刻])")
        self.negation_re = re.compile("(?:" + _alternation(data["negations"]) + r")\s*$")
        inv = data["invitation"]
        self.invitation_re = re.compile(
            re.escape(inv["open"]) + r"(?!该)([^，。；！？]{1,40}?)(?:" + _alternation(inv["close"]) + ")"
        )

        self.titles: dict[str, TitleCue] = {
            t["cue"]: TitleCue(t["office"], t["title"], t["level"], t.get("country"))
            for t in [*data["titles"], *data["envoy_titles"]]
        }
        self.envoy_titles = {t["cue"]: self.titles[t["cue"]] for t in data["envoy_titles"]}
        self.title_re = re.compile(_alternation(self.titles))
        self.group_heads: dict[str, dict[str, Any]] = {g["cue"]: g for g in data["group_heads"]}
        # after a list of countries named in full: 巴西、南非等国领导人, 法国、英国等多国领导人, 巴林领导人
        self.group_head_after_list_re = re.compile(
            "等?(?:[多几两三四五六七八九十]?国)?(" + _alternation(self.group_heads) + ")")
        # 中俄元首, 中美两国领导人, 中俄蒙元首
        self.group_re = re.compile(
            "(" + abbr_class + "{2,5})(?:两国|三国|四国|五国)?(" + _alternation(self.group_heads) + ")"
        )
        self.country_actor_re = re.compile(
            "(?<!["
            + re.escape("".join(data["country_actor_not_after"]))
            + "])("
            + abbr_class
            + ")"
            + re.escape(data["country_actor_suffix"])
            + r"(?![面向法式案针便])"
        )
        # (三方 refers back only as a subject: 三方会谈, 三方工作组 name talks of sides told in the clause)
        self.pair_re = re.compile("(?:" + _alternation(data["pair_references"]) + ")"
                                  "(?<!三方)|三方(?!会谈|谈判|磋商|会晤|会议|机制|合作|工作组|安全)")
        self.pronoun_re = re.compile(
            "(?<!["
            + re.escape("".join(data["pronoun_not_after"]))
            + "])(?:"
            + _alternation(data["person_pronouns"])
            + ")(?!["
            + re.escape("".join(data["pronoun_not_before"]))
            + "])"
        )
        not_after = "(?<![" + re.escape("".join(data["pronoun_not_after"])) + "])"
        not_before = "(?![" + re.escape("".join(data["pronoun_not_before"])) + "])"
        self.speaker_re = re.compile(
            not_after + "(?:" + _alternation(data["speaker_pronouns"]) + ")" + not_before
        )
        self.speech_re = re.compile("(?:" + _alternation(data["speech_verbs"]) + ")[，,：:]")
        self.address_re = re.compile(
            "(" + _alternation(self.titles) + ")(?:" + _alternation(data["address_forms"]) + ")"
        )
        # 习近平主席同你举行会晤: in reported speech 你/您 is the one spoken to
        self.addressee_pronoun_re = re.compile(not_after + "(?:你|您)(?![们好])")
        self.not_the_person_re = re.compile(_alternation(data["not_the_person"]))
        # 航母舰队正前往伊朗: what travels right before the verb is no person
        self.not_traveller_re = re.compile("(?:" + _alternation(data["not_travellers"]) + ")(?:正在|已经|正|已|将|即将)?$")
        self.surname_after = frozenset(data["surname_after"])
        self.surname_before = frozenset(data["surname_before"])
        self.same_day_re = re.compile(_alternation(data["same_day_references"]))
        translit = re.escape("".join(data["transliteration_chars"].split()))
        # (a full name may run long: 丹尼尔·罗伊-希尔克里斯特·诺沃亚·阿辛)
        self.foreign_name_re = re.compile("[" + translit + "]{2,24}")
        # a name's joiner and what follows it of a transliterated name, right before a position (杰夫·兰|德里)
        self.name_part_before_re = re.compile("[·•][" + translit + "]{0,6}$")
        self.given_name_re = re.compile("[" + translit + "]{1,12}[·•]")
        self.name_stop_chars = frozenset(data["name_stop_chars"])
        self.party_countries: dict[str, str] = dict(data["party_countries"])
        self.party_country_re = re.compile(_alternation(self.party_countries))
        self.city_abbreviations: dict[str, str] = dict(data["city_abbreviations"])
        # 在京 but not 在京津冀 (a region), 来京 but not 北京 itself (the KB finds that)
        self.city_abbreviation_re = re.compile(
            "(?<=[" + re.escape("".join(data["locatives_before_city"])) + "])(["
            + re.escape("".join(self.city_abbreviations)) + "])(?![津冀剧城郊东西南北港沪])")
        self.title_not_before = frozenset(data["title_not_before"])
        # 2026年夏季达沃斯论坛, 2026年年会: a year that is part of a gathering's name dates nothing
        self.year_of_gathering_re = re.compile(
            "[^，,。；;、\\s在举召于将是]{0,12}?(?:" + _alternation(data["gathering_nouns"]) + ")")
        self.non_state_body_re = re.compile("基金会|公司|集团|大学|学院|银行|协会|商会|企业|研究院|研究所|学会|俱乐部")
        # armed and political movements that hold no state office (哈马斯政治局主席, 黎真主党领导人): their
        # officers are no party of the state their name begins with
        self.movement_re = re.compile("抵抗运动|哈马斯|真主党|胡塞武装|伊斯兰圣战|反对派|叛军|武装组织")
        self.speech_date_re = re.compile("(?:晚|上午|下午|晚间|早些时候)?(?:" + _alternation(data["speech_verbs"]) + ")")
        # 上海合作组织峰会, 世界贸易组织第十四届部长级会议: a gathering named right after an organisation
        self.gathering_after_name_re = re.compile(
            "[^，,。；;、（）()]{0,10}?(?:" + _alternation(data["gathering_nouns"]) + ")")
        self.talks_ahead_re = re.compile(
            "[^，,。；;]{0,6}?(" + _alternation(self.status) + ")[^，,。；;]{0,14}?(?:举行|进行|开始|召开|展开|重启)")
        self.attend_re = re.compile(_alternation([t["cue"] for t in data["triggers"] if t["type"] == "attend"]))
        self.motion_before_re = re.compile("(?:前往|赴|抵达|到|去|飞往)$")
        self.talks_means_re = re.compile("(?:通过|经由|借助)(?:对话|和平|外交)?(?:和|与)?(?:对话)?$")
        self.ceremony_re = re.compile("了?(?:" + _alternation(data["ceremony_nouns"]) + ")")
        # 在巴塞罗那举行多边峰会: a gathering held, with its name (group 1) and noun (group 2)
        # (or 欧洲政治共同体领导人会议今天在埃里温举行: the name before the verb)
        nouns = _alternation(data["gathering_nouns"])
        # (a name may hold a quoted part: 乌克兰问题“意愿联盟”峰会; a gathering someone chairs, 主持…峰会, is held)
        name_char = "(?:[^，,。；;：:“”（）()]|“[^“”，,。；;：:（）()]{1,12}”)"
        self.held_gathering_re = re.compile(
            "(?:举行|召开|主办|举办|主持)了?(" + name_char + "{0,20}?(" + nouns + "))"
            "|((?:" + name_char + "{2,24}?|“[^“”，,。；;：:（）()]{1,12}”)(" + nouns + "))[^，,。；;：:]{0,16}?(?:举行|召开|开幕)")
        self.reference_before_re = re.compile("(?:" + _alternation(data["reference_before"]) + r")\s*$")
        self.reference_after_re = re.compile(_alternation(data["reference_after"]))
        self.indirect_re = re.compile("(?:" + _alternation(data["indirect_marks"]) + r")\s*$")
        self.talks_round_re = re.compile(_alternation(data["talks_rounds"]))
        self.talks_compound_re = re.compile(_alternation(data["talks_compounds"]))
        # 俄美乌谈判, 美伊三方会谈, 俄美第二轮会谈: abbreviations of the sides right before talks
        # (and 美伊双方将于30日在多哈进行谈判: the sides as the subject of talks later in the clause)
        self.sides_abbr_re = re.compile("(" + abbr_class + "{2,5})(?:第[一二三四五六七八九十0-9]{1,3}轮|新一轮|首轮|下一轮)?"
                                        "(?:(?:[双三四]方)?(?=谈判|会谈|磋商)|(?:[双三四]方|(?:[双三四]方)?(?:代表团|代表))(?=[^，,。；;]{0,30}?(?:谈判|会谈|磋商)))")
        self.separately_re = re.compile(_alternation(data["separately"]))

        self.former_marks = frozenset(data["former_marks"])
        self.surnames = frozenset("".join(data["surnames"].split()))
        self.surname_first = frozenset(data["han_names"]["surname_first"])
        self.any_han = frozenset(data["han_names"]["any_han"])
        self.invited_cue: str = data["invited_status"]["cue"]
        self.invited_status: str = data["invited_status"]["status"]
        self.gathering_re = re.compile(_alternation(data["gathering_nouns"]))
        self.meeting_noun_re = re.compile(_alternation(data["meeting_nouns"]))
        self.international_re = re.compile(_alternation(data["international_markers"]))
        self.business_gathering_re = re.compile(_alternation(data["business_gatherings"]))
        self.credit_lines = tuple(data["credit_lines"])
        self.caption_labels = tuple(data["caption_labels"])


@cache
def load_lexicon(path: str | None = None) -> Lexicon:
    """The compiled lexicon (the package's own unless ``path`` names another file)."""
    return Lexicon(load_lexicon_data(path or DEFAULT_PATH))
