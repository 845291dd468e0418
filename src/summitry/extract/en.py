"""The English rules engine: knowledge-base entities, cue lexicon and dates, per sentence.

For every sentence it finds the entities the knowledge base knows (people,
offices, countries, demonyms, places, regions, forums), the date expressions
(``summitry.time``) and the event triggers of the lexicon (``lexicon/en.yaml``).
People are assembled from titles and names ("Chinese Foreign Minister Qin
Gang", "Ma Xingrui, the Communist Party chief in Xinjiang", "the Chinese
leader"); each trigger then takes its actor from the left (or a "by"/"of"
phrase, or a pronoun's antecedent), its target from the right, its status from
the modal cues of its clause and its date from the sentence or the narrative.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate, pairwise

from summitry.extract import mention_event_id
from summitry.extract.first_words import WORD, first_words
from summitry.extract.lexicon import alternation, load
from summitry.extract.text import Sentence, link_lists, split_sentences
from summitry.records import LEVELS, Document, Event, Mention, Party
from summitry.time import Interval, find_dates
from summitry.time.grammar import trie

# Offices held by one person at a time in a country: an unnamed holder can be resolved.
SINGLE_HOLDER = {
    "head_of_state", "head_of_government", "foreign_minister", "vice_president", "legislature_speaker",
    "finance_minister", "commerce_minister", "trade_representative", "national_security_adviser",
    "defense_minister", "cfac_office_director", "party_general_secretary",
}
# Gaps made only of these words and white space. (One white-space character per step: a run of
# spaces that could be split between two quantifiers took exponential time to reject.)
_CONNECTOR = re.compile(r"^(?:\s|,|and|&|as well as|plus|then|also|the|of|in|to|on|'s|’s)*$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^(?:\s|,|and|&|as well as|plus|respectively|then|on to|before|after|also)*$",
                       re.IGNORECASE)
_TITLE_GAP = re.compile(r"^(?:\s|and|the|of|for|to|,|-)*$", re.IGNORECASE)
# The capitalised name of a body between a country and a title: "(Chinese) Central Military Commission
# (Vice-Chairman)", "(Australian) Immigration (Minister)".
_BODY_BEFORE_TITLE = re.compile(r"(?:\s+(?:[A-Z][\w'’.-]*|of|and|for|the)){1,5}\s+")
# A name the knowledge base does not know: one to three capitalised words, with the particles of
# names between them ("Ursula von der Leyen", "Mohammed bin Salman").
# A possessive is not part of the name ("Minister Peter Dutton's office"); an apostrophe inside one is
# ("O'Brien").
# (a double-barrelled name keeps its second capital: "Ameenah Gurib-Fakim", "Jean-Claude")
# Names are spelt with the letters of Latin-script languages, not only English ones ("Taïb Fassi
# Fihri", "José Ángel", "Mevlüt Çavuşoğlu"): a name cut at its first such letter is another name.
# (Latin Extended-A alternates capital and small letters; either case goes on a word.)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_LOWER = "a-zß-öø-ÿĀ-ž"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)*-?(?:['’][{_UPPER}]?[{_LOWER}][{_LOWER}\-]+)*" \
    rf"|[{_UPPER}]['’][{_UPPER}][{_LOWER}\-]+"
_UNKNOWN_NAME = re.compile(
    rf"\s*((?:{_NAME_WORD}|[A-Z]{{2,}}[a-z]*)(?:(?:\s+(?:von|van|der|den|de|del|da|di|du|le|la|bin|ibn|al))*"
    rf"\s+(?:{_NAME_WORD})){{0,2}})(?![{_LOWER}]|['’][A-Za-z]{{2}})")
# What may stand between a title and its holder's name: "Assistant Secretary of State for East Asian
# and Pacific Affairs Daniel Kritenbrink", "Director General of the ... Department of Foreign Affairs".
_ORG_WORD = r"(?:[A-Z][\w.'’-]*|and|of|the|for|on|U\.S\.)"
_ORG_END = r"(?:Affairs|Relations|Council|Department|Ministry|Committee|Commission|Office|Bureau|Agency|" \
    r"Administration|House)"
_COMPLEMENT = re.compile(
    rf"(?:(?:\s*,)?\s+(?:for|of|on|at)\s+(?:the\s+)?(?:{_ORG_WORD}\s+){{0,8}}?{_ORG_END}"
    rf"(?:\s+(?:[A-Z][\w-]*\s+){{0,3}}?{_ORG_END})?){{1,2}}\s+")
# How far from a forum's edition a date may be and still be that edition's (a month's slack for loose
# dates).
_EDITION_SLACK = timedelta(days=45)
# The longest edition whose days date an attendance the sentence does not date: a summit's days, not
# a session of the UN General Assembly's month.
_EDITION_DAYS_MAX = timedelta(days=7)
# What may stand between a visit phrase and the "to" of its destination once the dates are taken out:
# "paid a state visit on Monday to", "made an official visit January 16-21, 2014 to the".
_DATED_THEN_TO = re.compile(r"\s+(?:(?:on|in|from|between|and|of|,)\s+)*,?\s*to\s+(?:the\s+)?")
# What may stand between a trigger and its first target: "visited Laos", "a trip to the Middle East",
# "led a delegation to Japan", "attended the 22nd meeting of the ... (SCO)", "visit to the country".
_FIRST_TARGET_GAP = re.compile(
    r"^(?:\s|,|\s(?:[–—:]|--)\s|(?:the|a|an|his|her|their|its|neighbou?ring|fellow|several|two|three|four|five|six|"
    r"[a-z]+-country|countries|country|nations|states|islands?|cities|city|capital|province|provinces|regions?|"
    r"northern|southern|eastern|western|central|north|south|east|west|in|at|of|to|on|for|and|from|"
    r"\d+(?:st|nd|rd|th)?|annual|meeting|council|heads|state|session|"
    r"summit|gathering|conference|forum|opening|ceremony|week|leaders'?|first|second|third|fourth|fifth|sixth|"
    r"inaugural|latest|upcoming|next|last|[A-Z][a-z]+)\b)*$")
_NAME_THEN_TITLE = re.compile(r"(?:with|and|,|met|meets|by|received|receives|hosted|hosts|that|said|says|added|told)\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?),\s+(?:the\s+|a\s+|an\s+)?")
_MODIFIER_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|government|era|team|camp|cabinet|presidency|doctrine|"
                             r"office|wife|husband|widow|son|daughter|family|aides?|deputy|spokes(?:man|woman|person)|"
                             r"(?:special\s+)?(?:envoy|representative))\b",
                             re.IGNORECASE)
# (A word before "which" is taken whole: split into pieces it cost the cube of its length to reject.)
_NOMINAL_STATUS = re.compile(
    r"\s*(?:[\w.’'-]+\s+){0,4}?(?:(?:is|are|was|were|has been|had been|will be|would be|looks?|seems?|appears?)"
    r"\s+(?:now\s+|also\s+)?|"
    r"(?=(?:scheduled|slated|planned|due)\s+(?:for|to|in|on)\b))"
    r"(expected|scheduled|set|due|planned|slated|likely|possible|postponed|delayed|put off|cancell?ed|called off|"
    r"scrapped)\b|\s*(?:(?!last\b|ago\b|yesterday\b|earlier\b|recent|previous\b)[\w.’'-]+\s+){0,4}?will\s+(?!have\b|be\s+(?:remembered|recalled|seen\s+as)\b)(\w+)\b"
    r"|\s*(?:[\w'’-]++\s*){0,3}?,?\s*which\s+(begins|starts|opens|is due|is scheduled|will begin|will start)\b",
    re.IGNORECASE)
_ANNOUNCED_THAT = re.compile(r"\bannounc(?:ed|es)\b[^.;]{0,60}?\bthat\b", re.IGNORECASE)
_COMPOUND_MEETING = re.compile(
    r"\s+(?:the\s+)?(?:\w+\s+)?((?:[A-Z][\w.]*\s*[-–]\s*){1,4}[A-Z][\w.]*)\s+(?:(?:tri|quadri)lateral\s+)?"
    r"(?:meeting|summit|talks)\b")
_SHARED_SUBJECT = re.compile(
    r"(?:\band|\bto|\bbefore|\bafter|\bthen|\balso|\bwhile|,)\s+(?:(?:will|would|shall|also|then|later|is|was|are|"
    r"were|has|have|had|be|to|due|set|expected|scheduled|plans?|planned|went on|go on|goes on)\s+){0,3}$", re.IGNORECASE)
_NOMINAL_TRIGGER = re.compile(
    r"(?:state |official |working )?(?:visits?|trips?|tours?|talks|meetings?|discussions|consultations|summit|"
    r"contacts?|journey|voyage|stops?|stopovers?|legs?|attendance|participation|presence|phone|video|telephone|"
    r"arrival(?!\s))\b",
    re.IGNORECASE)
_CAPITAL = re.compile(r"\s+capital\b")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_TOOK_HIM = re.compile(r"t(?:ook|akes|aking)\s+(?:him|her|them)\b", re.IGNORECASE)
_CALLED_ON = re.compile(r"call(?:s|ed|ing)?\s+on\b", re.IGNORECASE)
_URGED_TO = re.compile(r"(?:\s*,[^,]{1,60},)?\s+(?:to|not to)\s+[a-z]")
_SUBORDINATE = re.compile(r"\b(?:when|once|after|while|as soon as|until)\b", re.IGNORECASE)
# ... with only the verb's subject between the conjunction and the trigger
_SUBORDINATE_END = re.compile(r"\b(?:when|once|after|while|as soon as|until)\s+(?:[A-Z][\w.'’-]*\s+|the\s+|his\s+|her\s+|"
                              r"[a-z]+\s+){0,6}\Z")
_PAST_VERB = re.compile(r"\w+ed\b|met\b|held\b|had\b|made\b|paid\b|went\b|came\b|flew\b|left\b|spent\b|was\b|were\b",
                        re.IGNORECASE)
_THE_COUNTRY = re.compile(r"\s*(?:to\s+|of\s+|in\s+)?the\s+(?:[\w-]+\s+)?(?:country|nation|kingdom|republic|island|"
                          r"island\s+nation|city-state|archipelago)\b(?!['’]s)", re.IGNORECASE)
_ATTENDING = re.compile(r"attend|participat|t(?:ake|akes|ook|aking) part|presence|attendance|watch", re.IGNORECASE)
_OCCASION_OF = re.compile(r"\s+(?:at\s+|in\s+)?(?:the\s+)?", re.IGNORECASE)
# "(attended) the ceremony in": a short object, then where it was held (not "an event on human
# rights in North Korea")
_HELD_IN = re.compile(r"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:in|at)\s")
# "(attended) a summit on nuclear security in Seoul", "a conference on climate change at the UN General
# Assembly": a gathering named by its topic, then where or at which gathering it was held
_TOPIC_GATHERING = re.compile(r"\s+(?:the|a|an)\s+(?P<name>(?:[a-z-]+\s+){0,2}?(?:summit|conference)\s+(?:on|about)"
                              r"(?:\s+[a-z][\w'’-]*,?){1,5}?)(?=\s+(?:in|at|during)\s)")
# "(attended) the completion ceremony of the Dushanbe No.2 power plant in": an occasion with a longer
# name, then where it was held
_OCCASION_HELD_IN = re.compile(r"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,4}?(?:ceremony|ceremonies|parade|celebrations?|"
                               r"funeral|inauguration|commemoration|festivities|summit|conference)\s+(?:(?:of|for|marking)\s+"
                               r"(?:[\w.'’-]+\s+){1,8}?)?(?:in|at)\s")
_THE_GATHERING = re.compile(r"\s*the\s+(?:meeting|summit|forum|conference|gathering)\b", re.IGNORECASE)
_FROM_OF = re.compile(r"\s+(?:from|of|in)\s+(?:the\s+)?")
_SENT_FOR = re.compile(r"envoy|representative|emissary|adviser|advisor|aide|assistant|spokes", re.IGNORECASE)
_ON_BEHALF_BEFORE = re.compile(r"\b(?:envoy|envoys|representative|representatives|emissary|behalf)\s+of\s+(?:the\s+)?\Z",
                               re.IGNORECASE)
_WHO_AND_GAP = re.compile(r"\s*,\s*who\s[^,;]{1,80},\s*and\s*\Z")
_CONDITIONAL = re.compile(r"\s*(?:if|should|unless|whether)\b", re.IGNORECASE)
_WITH_AFTER = re.compile(r"\s+(?:with|from)\s")
_APPOSITION = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+)?")
# (a photo caption's place marks stand between: "Barack Obama (R) and Xi Jinping (L) arrive")
_CAPTION_MARK = r"(?:\s*\((?:[LRC]|left|right|cent(?:re|er)|front|back|[\w-]+\s+(?:left|right))\))?"
_AND_GAP = re.compile(r"^" + _CAPTION_MARK + r"\s*(?:,\s*)?(?:and|&)\s*$")
_COMMA_GAP = re.compile(r"^\s*,\s*$")
_FORWARD_GAP = re.compile(r"^\s*,?\s*(?:and\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,3}$")
# How far after a visit noun its "by"/"of" agent may stand ("a visit to Beijing last week by ...").
_BY_GAP_CHARS = 80
_BY_OF_BEFORE = re.compile(r"\b(?:by|of)\s+(?:the\s+|a\s+)?(?:[A-Z][\w.]*\s+){0,6}$")
_NEW_CLAUSE_GAP = re.compile(r",\s*(?:and\s+)?(?:after|before)\b", re.IGNORECASE)
_DESTINATION_AFTER = re.compile(r"\s+(?:to|of|in|at)\s", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:\w+\s+)?\Z")
# what may stand before a noun that opens its sentence ("Further bilateral talks are expected with")
_OPENING_MODIFIERS = re.compile(r"\s*(?:(?:following|after|during|in|at|before|ahead\s+of)\s+(?:his|her|their\s+)?)?"
                                r"(?:(?:the|further|more|separate|bilateral|formal|official|private|working|"
                                r"a|an)\s+)*", re.IGNORECASE)
_IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
_TOGETHER = re.compile(r"\b(?:tri|quadri)lateral|three-way|four-way|joint(?:ly)?|together\b", re.IGNORECASE)
# What any match of _TOGETHER holds, lower-cased ("joint" as "jo": a case-blind "i" matches "İ" and
# "ı" too, which ASCII lower-casing leaves alone).
_TOGETHER_HINTS = ("lateral", "three-way", "four-way", "jo", "together")
# (any of the hints as a substring, searched in the lower-cased sentence without slicing it)
_TOGETHER_HINT = re.compile("|".join(re.escape(hint) for hint in _TOGETHER_HINTS))


def _together(text: str, sent: Sentence, lowered: str):
    """_TOGETHER's match in the sentence, or None (a substring test first: most sentences hold
    none of its words)."""
    if _TOGETHER_HINT.search(lowered, sent.start, sent.end) is None:
        return None
    return _TOGETHER.search(text, sent.start, sent.end)


# A name joined by a hyphen to what follows is a modifier ("the Xi-Biden summit", "Xi-worship", and
# as machine translation spaces it, "the Xi -worship meeting"); a dash spaced on both sides is not.
_HYPHEN_NAME_AFTER = re.compile(r"[-–]\s*[A-Z]|[-–][a-z]|\s[-–][A-Za-z]")
# "Pakistan's top civilian and military leadership": the words between a country and its leadership
_LEADERSHIP_MODIFIERS = re.compile(r"(?<=\s)(?:(?:top|senior|civilian|military|political|national|and)\s+)+\Z",
                                   re.IGNORECASE)
_DELEGATION_END = re.compile(r"\b(?:delegations?|side)\Z", re.IGNORECASE)
_CONTRACTED_BEING = re.compile(r"(?:he|she)['’]s\s", re.IGNORECASE)
_AMBASSADOR = re.compile(r"\bambassador\b", re.IGNORECASE)
# How far after a meeting's parties the place that makes them visitors may stand.
_HOST_NEAR_CHARS = 30
# A visit told by "there" ("was there", "went there"): the place named last (see _events_for)
_THERE_END = re.compile(r"\bthere\Z", re.IGNORECASE)
# "Germany was the only country that Li chose to visit": a place the relative clause before a visit is about,
# when the visit's clause ends with its verb
_ABOUT_RELATIVE = re.compile(r"(?:was|is|has\s+been|had\s+been|became|becomes|will\s+be|remains|remained)\s+"
                             r"(?:the|its|his|her|their)\s+(?:[\w-]+\s+){0,4}?(?:country|nation|state|capital|city"
                             r"|destination|stop)\s+(?:(?:that|which)\s+)?(?:[\w-]+\s+){0,3}?\Z")
_PLURAL_RELATIVE = re.compile(r"\b(?:countries|nations|states|capitals)\s+(?:(?:that|which)\s+)?(?:[\w-]+\s+){0,3}?\Z")
_LISTED_AFTER_RELATIVE = re.compile(r"(?:\s+(?:in|on|last|this|earlier)\b[^,.;]{0,30}?)?,?\s+(?:including|such\s+as|namely)\s+")
_COUNTRY_LIST_GAP = re.compile(r"[^.;:()]*")
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;:!?]|,|\Z|(?:in|on|last|this|since|after|before|during)\b)")
_SPEECH_WORDS = re.compile(r"\b(?:address(?:ed|es|ing)?|speech(?:es)?|spoke|speak(?:s|ing)?|remarks)\b", re.IGNORECASE)
# What makes "visit" a verb ("decided to visit the SCO's Secretary-General", "will visit Putin")
_INFINITIVE_BEFORE = re.compile(r"\b(?:to|will|would|may|might|could|should|must|can|did|does|do)\s+"
                                r"(?:also\s+|then\s+|later\s+)?\Z|['’]ll\s+\Z", re.IGNORECASE)
# A line of a briefing's transcript that a reporter speaks
_ASKED_LINE = re.compile(r"\s*(?:QUESTION|Q)\s*:")
# Between a place and the passive visit after it: "Xinjiang, visited", "Xinjiang was visited"
_PASSIVE_PLACE_GAP = re.compile(r"\s*(?:,\s*|\s+(?:was|were|has\s+been|had\s+been|is\s+being)\s+)(?:also\s+|recently\s+)?")
# A relative clause about a person a date stands in, after the event's words: ", who was deposed in" (not
# ", which begins on Sunday", which may be the event's own)
_RELATIVE_CLAUSE_BEFORE = re.compile(r",\s+(?:who|whom|whose)\b[^,;:.]*\Z")
# A host's verb, whose guest is met where they were welcomed "to" (see _host)
_WELCOMED = re.compile(r"(?:welcom|receiv|host)", re.IGNORECASE)
# Where a meeting's own words end for its host: an infinitive of purpose, a relative clause, a dash
_HOST_STOP = re.compile(r"\bto\s+(?:[a-z]+ly\s+)?(?:support|help|build|fight|boost|fund|finance|promote|counter|"
                        r"combat|end|resolve|develop|expand|strengthen|improve|protect|defend|stop|prevent|create|"
                        r"invest|wage|pay|cover|rebuild|bring|the\s+amount)\b|\b(?:which|whose)\b|[;(—–]")
_DEPUTY = re.compile(r"(?:deputy|vice|assistant)\b", re.IGNORECASE)
_LED_BY = re.compile(r"\s*,?\s+(?:led|headed)\s+by\s")
# Between a country and the title it owns: "Yemen's foreign minister", "Yemeni Foreign Minister".
_OWNED_TITLE_GAP = re.compile(r"(?:['’]s)?\s+(?:the\s+)?")
# The end of a name in apposition: "the foreign minister, Abdulkarim Zubaidi, said".
_APPOSED_TITLE_GAP = re.compile(r"\s*,\s*the\s+")
_APPOSITION_END = re.compile(r"\s*(?:[,.;:)]|\s(?:and|said|says|told)\b|\Z)")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|its)\s+\Z", re.IGNORECASE)
_PORTFOLIO_BEFORE = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+ ){1,2}\Z")
_PORTFOLIO_WORD = (r"(?:Planning|Development|Reform|Finance|Commerce|Trade|Industry|Industries|Production|Defen[cs]e"
                   r"|Interior|Home|Affairs|Energy|Power|Water|Petroleum|Natural|Resources|Railways?|Information"
                   r"|Broadcasting|Health|Education|Agriculture|Labou?r|Justice|Law|Parliamentary|Communications?"
                   r"|Transport|Housing|Works|Economy|Tourism|Culture|Science|Technology|Environment|Climate|Change"
                   r"|Youth|Sports?|Women|Religious|Overseas|Ports|Shipping|Maritime|Textiles?|Investment"
                   r"|Privati[sz]ation|Food|Security|Human|Rights|Social|Welfare|Rural|Urban|Mines|Minerals|Aviation"
                   r"|Narcotics|Control|Revenue|Roads|Highways|Public|Telecommunications|Immigration|Citizenship"
                   r"|Border|Protection|Heritage|Fisheries|Forestry|Employment|Coordination|Statistics|Kashmir)")
_PORTFOLIO_AFTER = re.compile(rf" (?:for|of) (?:the )?({_PORTFOLIO_WORD}(?:(?:,| and| &)? {_PORTFOLIO_WORD}){{0,4}})"
                              r"(?= [A-Z][a-z])")
_DURING_BEFORE = re.compile(r"\b(?:during|in the course of|at the end of|on the sidelines of|following)\s+"
                            r"(?:[\w'’.-]+\s+){0,6}\Z", re.IGNORECASE)
# (not a bare "was to": "Xi was to visit Pakistan last year during his South Asia trip" - the trip took place)
_FUTURE_CUE = re.compile(r"will|would|shall|'ll|(?:is|are) (?:due |set |scheduled |slated |expected )?to|"
                         r"(?:was|were) (?:due |set |scheduled |slated |expected )to|"
                         r"scheduled|expected|upcoming|forthcoming|to be held|next (?:week|month|year)", re.IGNORECASE)
_SAYING_WORD = re.compile(r"sa(?:id|ys)|told|added|announced|stated|declared")
# A clause of saying whose own subject is a noun phrase no one is named in, right before a verb of
# travel: "He said the suspects travelled to Laos", "quoted sources as saying the eight attackers travelled".
_SAID_SUBJECT_BEFORE = re.compile(
    r"\b(?:said|says|saying|told\s+\w+|added|stated|reported|believed?s?)\s+(?:that\s+)?"
    r"(?:the|these|those|some|several|many|all|\d+)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*[^s\W]s\s+"
    r"(?:(?:had|have|were|had\s+been)\s+)?\Z")
_SAID_BEFORE = re.compile(r"\b(?:said|says|told\s+[\w\s]{1,20}?|added|announced|stated|declared)\s+(?:that\s+)?\Z",
                          re.IGNORECASE)
_PLANNED_TRIGGER = re.compile(r"\w+\s+(?:(?:are|is|will\s+be)\s+)?(?:(?:also|now)\s+)?(?:due|expected|scheduled|slated|set|planned)\b",
                              re.IGNORECASE)
# A trigger made of "to be" ("is in Moscow", "is due in Beijing") takes the subject standing right before
# it, or before an aside ("Xi, who ..., is in Moscow").
_BEING_TRIGGER = re.compile(r"(?:is|are|was|were)\b", re.IGNORECASE)
_SUBJECT_GAP = re.compile(r"\s*(?:,[^,]{0,100},\s*|,?\s*who\s+|\s+and\s+[^,.;]{0,60}?\s+)?"
                          r"(?:(?:also|now|currently|still|already)\s+)?\Z", re.IGNORECASE)
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Madam|Madame|Mister|Sir)\.?\s+\Z")
_AFTER_VERB_STOP = re.compile(r"[,;:]|\b(?:after|before|because|since|when|while|as|and)\b", re.IGNORECASE)
# A noun's object and an aside between commas, before the verb that says its status.
_ASIDE = re.compile(r"[^,;.]{0,60},[^,;.]{1,70},")
_COMPOUND_AFTER = re.compile(r"[-–](?:backed|based|led|funded|made|owned|born|style|listed|bound|friendly|allied|"
                             r"controlled|run|sponsored|supported)\b", re.IGNORECASE)
_WHO_BEFORE = re.compile(r"([\w'’.)]+)\s*,?\s+who\s+(?:[\w'’-]+\s+){0,3}\Z")
_AHEAD_OF_BEFORE = re.compile(r"\b(?:ahead of|on the eve of|in the run-up to|in (?:preparation for|advance of))\s+"
                              r"(?:[\w'’-]+\s+){0,6}\Z", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(that|which)\s+(?:[\w'’-]+\s+){0,3}\Z", re.IGNORECASE)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][a-z]+\s+(?:[a-z]+\s+)?\Z")
_SUBJECT_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:also|then|later|first|recently|reportedly|has|had|have|will|"
                             r"would|once|finally)\s+)?\Z")
# "Admiral Sun Jianguo's visit", "Smith's two-day state visit": a possessive name right before the
# noun names the traveller (up to three lowercase words between, "state", "two-day", "first").
_NAME_OWNING_BEFORE = re.compile(r"\b([A-Z][a-z]+)['’]s\s+(?:[a-z][\w-]*\s+){0,3}\Z")
_CALLED = re.compile(r"called\b", re.IGNORECASE)
_UNKNOWN_OPENING_NAME = re.compile(r"\s*((?:[A-Z][a-z'’]+[- ]){1,3}[A-Z][a-z'’]+)\s+(?:has|had|is|was|went|"
                                   r"became|returned|lived|moved|fled|spent|served|joined|left|grew|studied|"
                                   r"worked|wrote)\b")
_CLAUSE_SUBJECT_NAME = re.compile(r"\b(?:that|who|whom)\s+((?:[A-Z][a-z'’]+[- ]){1,4}[A-Z][a-z'’]+)\s+(?:is|was|has|had|"
                                  r"were|are|remains|remained)\b")
_ON_A_VISIT_BEFORE = re.compile(r"\b(?:on|for)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}\Z", re.IGNORECASE)
_SHORTLY_BEFORE = re.compile(r"\b(?:days|weeks|months|a day|a week|a month|shortly|just)\s+before\s+"
                             r"(?:[\w'’-]+\s+){0,6}\Z", re.IGNORECASE)
_WHO_ASIDE = re.compile(r",\s+(?:who|which)\s+[^,;.]*,")
_QUESTION_END = re.compile(r"\?[\"”’'»)\]]*\s*\Z")
_NAMING_BEFORE = re.compile(r"(?:\bwhat\s+(?:\w+\s+){1,2}|\b(?:is|are|was|were|be|been|being|also|often|commonly|"
                            r"once|widely)\s+)$", re.IGNORECASE)
_NAMING_AFTER = re.compile(r"(?:['’]s)?\s*(?:a|an|the|his|her|their|its|[\"“'‘])\s", re.IGNORECASE)
_SPOKESPERSON = re.compile(r"spokes(?:man|woman|person)|press secretary", re.IGNORECASE)
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_BUSINESS_TITLE = re.compile(r",\s+[^,;.]{0,40}?\b(?:CEO|chief\s+executive|founder|co-founder|businessman|"
                             r"businesswoman|tycoon|billionaire|entrepreneur|managing\s+director)\b")
_OPENING_NAME_THEN_TITLE = re.compile(r"([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),\s+(?:the\s+|a\s+|an\s+)?")
# How far after a gathering's name the place it is held in is looked for ("the SCO summit in Ufa")
_HELD_NEAR = 40
# ("for the G20 summit", "for a summit of the six-nation Shanghai Cooperation Organisation")
_FOR_GATHERING = re.compile(r"\A[^.;]{0,40}?\b(?:for|to attend|to join|to take part in)\s+(?:(?:the|a|an)\s+)?"
                            r"(?:(?:summit|meeting|conference|session)\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+){0,2}\Z",
                            re.IGNORECASE)
_DATELINE = re.compile(r"\A[A-Z][A-Z .'’-]+(?:,\s*[A-Z][A-Za-z .]+)?,\s*\Z")
# A paragraph's dateline: the place in capitals, maybe a day and an agency, then a dash or a colon
# ("BEIJING, Feb 17 (Reuters) - ", "ISLAMABAD: ", "NEW DELHI -- ")
_DATELINE_PLACE = re.compile(r"\s*[\"“]?([A-Z][A-Z'’.]+(?:[ -][A-Z][A-Z'’.]+){0,2})(?:\s*,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
                             r"(?:\s*,\s*\d{4})?(?:\s*\([A-Z][\w ]{1,24}\))?\s*(?:-{1,2}|[–—:])\s+")
# A line holding only a place's name, within a page's first characters
_LINE_ALONE = re.compile(r"^[ \t]*([A-Z][a-z]+(?: [A-Z][a-z]+)?)[ \t]*$", re.MULTILINE)
_DATELINE_LINE_WITHIN = 400
# "arrived here", "a visit here": the place of the dateline
_HERE_AFTER = re.compile(r"\s+here\b")
_HERE_IN = re.compile(r"\bhere\b(?!\s+(?:is|are|was|were|and now)\b)")
# A stretch of time ending on the report's day longer than this is no event's date (see _event_date).
_LONGEST_TRAILING_DAYS = 366
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had|'s|’s|'ve|’ve)\s+(?:(?:also|already|only|never|not|now|recently|"
                             r"repeatedly|twice|often|since|been)\s+)*\Z", re.IGNORECASE)
# A visit dated by its arrival runs on for a few days: a meeting two days later is still during it.
_STAY_RUNS_ON = 2
_COUNTED_COUNTRIES = re.compile(r"\s*(?:the\s+)?(two|three|four|five|six|seven|eight|\d+)\s+(?:[a-z-]+\s+)?"
                                r"(?:countries|nations)\b", re.IGNORECASE)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_ENDING = re.compile(r"\b(?:wrap(?:s|ped|ping)? up|conclud(?:e|es|ed|ing)|end(?:s|ed|ing)|finish(?:es|ed|ing)|"
                     r"complet(?:e|es|ed|ing))\s+(?:(?:a|an|his|her|their|the|its)\s+)?(?:[\w,-]+\s+){0,3}$",
                     re.IGNORECASE)
_BEING_IN = re.compile(r"(?:is|are|was|were)\b", re.IGNORECASE)
_POSSESSIVE_NOUN = re.compile(r"['’]s\s+[a-z]")
_IN_COMPOUND = re.compile(r"\s*[-–—]\s*[A-Za-z]")
# (not "by": "the corridor launched by Xi during his visit" - the agent of a passive is its subject)
_OBJECT_BEFORE = re.compile(r"\b(?:with|to|for|of|from|at|on|(?<!,\s)and|against|than)\s+$", re.IGNORECASE)
# Gapping after a visit: "(to Beijing) in June and (Janet Yellen) (in July)(, and ...)".
_GAPPED_LEAD = re.compile(r"[^,;.()]{0,40}?\s+and\s+(?:then\s+)?|,\s+(?:and\s+)?")
_GAPPED_AND = re.compile(r"\s*,?\s*(?:and\s+)?(?:then\s+|later\s+)?(?:with\s+)?")
_GAPPED_AND_THE = re.compile(r"\s*,?\s*(?:and\s+)?(?:then\s+|later\s+)?(?:to\s+)?the\s+")
_GAPPED_DATE_LEAD = re.compile(r"\s+(?:(?:in|on|during)\s+)?")
_GAPPED_END = re.compile(r"\s*(?:[,;.)]|and\b|\Z)")
# A subject of its own right before a verb joined to an earlier one: "and Home Minister Rajnath Singh
# also visited"
_NEW_SUBJECT_GAP = re.compile(r"\s+(?:also|then|later|too)\s+")
_AND_BEFORE = re.compile(r"(?:\band|,|;)\s+$")
# "arrives at Boeing headquarters in Washington state", "arrived at the Great Hall of the People in": a
# venue named before the place it is in
_VENUE_THEN_IN = re.compile(r"\s+(?:the\s+)?(?:[A-Z][\w'’.-]*+\s+){0,5}+(?:(?:(?:head)?quarters|airport|air\s+base|base|"
                            r"palace|hall|house|hotel|university|factory|plant|campus|cent(?:re|er)|museum|"
                            r"residence|compound|offices?|complex|stadium|school|embassy)\s+)?"
                            r"(?:of\s+the\s+(?:[A-Z][\w'’-]*+\s+){1,5}+)?(?:,\s*)?(?:in|near)\s+(?:the\s+)?")
_ALSO_BEFORE = re.compile(r"\balso\s+$")
# "In a phone call on Tuesday, Obama told Xi": a verb of telling after a call that opens the sentence
_TOLD_AFTER = re.compile(r"\b(?:told|tells|assured|assures|urged|urges|informed|informs|warned|warns|thanked|thanks|"
                         r"congratulated|congratulates|invited|invites|asked|asks|pressed|presses)\b\s*")
# "the G20 summit in New Delhi, where Li Qiang represented China", "..., which Xi will host": the gathering
# named before
_VERB_OF_A_GATHERING_BEFORE = re.compile(r"represent|host", re.IGNORECASE)
# "Blinken went to Beijing in June. Yellen followed in July", "he finally went in June": a verb with no
# destination of its own, of the trip just told
_TRIP_JUST_TOLD_VERB = re.compile(r"(?:followed|went|travel(?:l)?ed)\Z", re.IGNORECASE)
# "toured iconic places in Old Havana", "visited a mosque in Cairo": what was seen, then where it is
_TOURED = re.compile(r"(?:visit|tour)(?:s|ed|ing)?\Z", re.IGNORECASE)
_THINGS_THEN_IN = re.compile(r"\s+(?:the\s+|a\s+|an\s+|several\s+|two\s+|three\s+)?"
                             r"(?!(?:him|her|them|us|it|me)\b)(?:[a-z][\w'’-]*\s+){1,3}"
                             r"(?:in|near)\s+(?:the\s+)?(?:Old\s+|New\s+)?")
# "met Modi in the Russian city of Kazan": where the meeting was, told as the city of a country
_IN_THE_CITY_OF = re.compile(r"\b(?:in|at)\s+the\s+(?:[A-Z][\w'’-]+\s+)?(?:(?:port|resort|border|coastal|southern|"
                             r"northern|eastern|western)\s+)?(?:city|capital|town|port|resort|village)\s+of\s+$")
# "met King Salman in his capital, Riyadh", "in his hometown of Xi'an"
_IN_HIS_CAPITAL = re.compile(r"\bin\s+(?:his|her|their|its|the)\s+(?:capital|hometown|home\s+town|home\s+city)"
                             r"(?:\s*,\s*|\s+of\s+)$", re.IGNORECASE)
# An aside set off by commas, which holds no subject: ", famous for appearing before President Karzai,"
_SUBJECT_ASIDE = re.compile(r",\s+(?:who|whom|which|famous|known|best\s+known|noted|remembered|hailed|dubbed|once|"
                            r"formerly)\b[^,;.]*,")
# A perfect told as a count: "has visited the Middle East more times than all Chinese leaders combined"
_COUNTED_TIMES = re.compile(r"\b(?:more|fewer|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|"
                            r"multiple|numerous|countless)\s+times\b|\btwice\b|\brepeatedly\b|\bfrequently\b",
                            re.IGNORECASE)
# ... a count no date narrows to one of them: "many times in recent years", "more than 40 times"
_COUNTLESS_TIMES = re.compile(r"\b(?:more(?:\s+than\s+\w+)?|several|many|multiple|numerous|countless|dozens\s+of)\s+"
                              r"times\b|\brepeatedly\b|\bfrequently\b", re.IGNORECASE)
# Whose visit a place before a visit noun belongs to: "Wang Yi's", "his", "the Secretary's".
_LATER_THIS = re.compile(r"\blater (?:this|in the) (?:week|month|year)\b", re.IGNORECASE)
_HEADLINE_TO = re.compile(r"[A-Za-z]\s+to\s+\Z")
_TELEGRAPHIC_TO = re.compile(r"\s*(?:[A-Z][A-Z.]+(?: [A-Z][A-Z.]+)*\s*[-–—:]\s*)?"
                             r"(?:[A-Z][\w.'’-]*|and|of|the)(?:,?\s+(?:[A-Z][\w.'’-]*|and|of|the))*\s+to\s+"
                             r"(?:hold|have|attend|visit|meet|sign|host|give|make|pay|begin|start|open|travel|tour|"
                             r"receive|welcome|co-chair|chair)\s+(?:[a-z-]+\s+){0,3}")
# ... with up to two words of its own between ("Obama's historic Cuba visit", "Merkel's seventh China visit")
_POSSESSOR_BEFORE = re.compile(r"(?:['’]s?|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?:[a-z][\w-]*\s+){0,2}\Z")
_DENIED = re.compile(r"(?:\b(?:rather than|instead of|not|never)|n['’]t)\s+$", re.IGNORECASE)
# Patterns of the rules below, compiled once (the per-call pattern cache of ``re`` costs as much as a
# short search).
_AND_BETWEEN = re.compile(r"\s+and\s+")
_FOUR_DIGITS = re.compile(r"\d{4}")
_NOUN_PHRASE_STOP = re.compile(r"\bthat\b|;|,(?!\s*which\b)")
_HAVE_BEFORE = re.compile(r"\b(?:has|had|have)\s+(?:\w+\s+)?$")  # (a perfect: "announced ... that X has visited")
_PARTICIPLE_TIME_BEFORE = re.compile(r"\b(?:given|sentenced|jailed|imprisoned|arrested|detained|killed|elected|"
                                     r"re-elected|born|appointed|named|founded|established|launched)\b[^,;.]{0,25}$|"
                                     # "their pledge, made last year": a participle right before its own time
                                     r",\s+(?:made|announced|pledged|issued|adopted|proposed|reached|unveiled|"
                                     r"signed|agreed)\s+$",
                                     re.IGNORECASE)
_AS_ORGANISATION = re.compile(r"\b(?:members?|membership|observers?|role|join(?:s|ed|ing)?|accession|admission"
                              r"|admitted|charter)(?:\s+(?:of|in|to|at|into|played\s+by|by))?\s+(?:the\s+)?\Z",
                              re.IGNORECASE)
_LISTED_AFTER = re.compile(r"\)?\s*(?:,|and|or|as\s+well\s+as)\s+(?:the\s+)?|\s*\(\s*")  # (or its abbreviation)
_OTHER_TIME_BEFORE = re.compile(r"\b(?:since|until|till|before|ahead of)\s*$", re.IGNORECASE)
# "his first state visit to the United States since assuming the presidency in 2013": a date in a phrase
# of "since" after the trigger is the time the phrase counts from
_SINCE_PHRASE_BEFORE = re.compile(r"\bsince\s+(?:[A-Za-z'’-]+\s+){1,6}\Z", re.IGNORECASE)
_ON_IN_AT_BEFORE = re.compile(r"(?:on|in|at)\s*$")
_SAME_DAY = re.compile(r"\bsame day\b")
_THAT = re.compile(r"\bthat\b")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")
_SPACES = re.compile(r"\s*")
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_OF_COUNTRY_GAP = re.compile(r"^(?:'s|’s|,)?\s*$")
_OF_COUNTRY_GAP = re.compile(r"^\s*(?:of|in|for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$", re.IGNORECASE)
_TO = re.compile(r"\bto\b")
_AFFAIRS_AFTER = re.compile(r"\s*(?:Affairs|Relations)\b")
_CLOSING_PUNCTUATION = re.compile(r"[.!?。！？\"'”’)]\s*$")

def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" for c in word)


# ";", ": ", and the words but/while/whereas/however/follows/followed/precedes/preceded in any case. Spelt so that every branch starts
# with a character class, which lets the regex engine skip ahead to the few places a break may start
# (IGNORECASE with a leading \b would try every position of the sentence).
_CLAUSE_BREAK = re.compile(r";|:\s|" + "|".join(
    rf"{_any_case(w[0])}(?<=\b{_any_case(w[0])}){_any_case(w[1:])}\b"
    # ("Doval's visit to China follows frequent contacts between the leaders in 2015": what a visit
    # follows or precedes is a clause of its own, with its own dates)
    for w in ("while", "whereas", "however", "follows", "followed", "precedes", "preceded"))
    # ("small but cheering crowds", "brief but warm": a "but" between two adjectives is no break)
    + r"|[Bb](?<=\b[Bb])[Uu][Tt]\b(?<![a-z] [Bb][Uu][Tt])|(?<=[a-z] )but\b(?!\s+[a-z]+(?:ing|ed|y|ful|ous|al|ive|ic|ant|ent|ble)\b)")
# What any clause break holds, lower-cased (the words are matched in ASCII case only).
_CLAUSE_BREAK_HINTS = (";", ":", "but", "while", "whereas", "however", "follows", "followed", "precedes", "preceded")
_CLAUSE_BREAK_HINT = re.compile("|".join(re.escape(hint) for hint in _CLAUSE_BREAK_HINTS))


@dataclass(frozen=True)
class _TitleRecord:
    """An office known only from the lexicon's titles: a level, no knowledge-base key."""

    key: str | None
    level: str


@dataclass(frozen=True, slots=True)
class _LocalMatch:
    """A match the engine finds itself, shaped like the knowledge base's matches."""

    start: int
    end: int
    kind: str
    surface: str
    record: _TitleRecord


@dataclass(slots=True)
class PartyRef:
    """A person (or a country's office) as the text refers to it, before it becomes a Party."""

    start: int
    end: int
    kind: str  # person | unknown | unnamed | pronoun | generic
    name: str | None = None
    country: str | None = None
    office: str | None = None
    office_key: str | None = None
    level: str | None = None
    plural: bool = False
    person: object = None  # summitry.kb.Person when known

    def party(self) -> Party:
        return Party(name=self.name, country=self.country, office=self.office, level=self.level)


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    type: str
    target: str  # right | none
    nominal: bool


@dataclass(slots=True)
class Target:
    start: int
    end: int
    country: str | None
    place: str | None = None
    region: object = None  # summitry.kb.Region
    forum: object = None  # summitry.kb.Forum
    anaphoric: bool = False  # "the country": one of the countries named before, whichever is not the actor's


@dataclass
class DocState:
    """What the narrative carries from one sentence to the next."""

    last_actor: PartyRef | None = None
    last_actor_sentence: int = -10
    last_date: tuple | None = None  # ((start, end), precision) of the last dated sentence
    last_date_people: frozenset = frozenset()  # the names of the parties of the event that dated it
    last_visit: tuple | None = None  # (sentence index, [(country, place)]) of the last visits told
    anchor_people: frozenset = frozenset()  # the same for the anchor date
    last_date_home: frozenset = frozenset()  # the names of those of its parties it placed in their own country
    anchor_home: frozenset = frozenset()  # the same for the anchor date
    anchor_date: tuple | None = None  # the same for the first event the document dates itself
    last_forum: tuple | None = None  # (Forum, place, country, interval)
    salient: dict = field(default_factory=dict)  # country -> PartyRef of its most recent named actor
    titled: dict = field(default_factory=dict)  # a title, lower case -> the person last named with it
    titled_in: dict = field(default_factory=dict)  # a title, lower case -> the sentence that named them
    last_place: tuple | None = None  # (sentence, match) of the last place or country a sentence named
    sentence: int = 0  # the sentence being read
    last_encounter: list = field(default_factory=list)  # the parties of the last meeting or call told
    clause_breaks: dict = field(default_factory=dict)  # sentence start -> its clause breaks
    objects_of: tuple = (-1, set())  # (sentence start, the ids of the parties that are objects there)
    forum_days: dict = field(default_factory=dict)  # forum key -> (place, country, span) first dated
    visits: dict = field(default_factory=dict)  # actor's name -> (countries, place) of the first visit told
    story_traveller: PartyRef | None = None  # the actor of the first visit told
    # (actor's name, countries) -> (status, ((start, end), precision) or None) of the first visit told there
    visit_told: dict = field(default_factory=dict)


class EnglishRuleEngine:
    """Rules over knowledge-base entities and the English cue lexicon.

    An instance reads one document at a time (it keeps the document's cues while it reads it): use
    one instance per thread."""

    name = "rules-en"
    languages = ("en",)

    def __init__(self, kb=None) -> None:
        from summitry.kb import get_kb

        self.kb = kb or get_kb()
        self.matcher = self.kb.matcher("en")
        self._holders: dict = {}
        self._terms: dict = {}
        self._posts: dict = {}  # (a person's name, day) -> the countries an office posts them to  # (id of a person, day) -> (the person, the knowledge base's term_on)
        self._editions: dict = {}  # (forum key, day) -> the knowledge base's nearest edition
        self._reread: dict = {}
        self._surnames: dict | None = None  # family name -> the knowledge base's people, built when first asked
        self._editions_by_city: dict | None = None
        self._cues_key: int | None = None
        self._cues: dict = {}
        lex = load("en")
        self.triggers = []
        for etype, entries in lex["triggers"].items():
            for entry in entries:
                rx = re.compile(rf"(?<![\w-])(?:{entry['pattern']})(?![\w-])", re.IGNORECASE)
                self.triggers.append((etype, entry.get("target", "right"), rx))
        # Each pattern is tried only at the words it can start with (a pattern whose first words
        # cannot be told is scanned in full).
        self.trigger_index: dict[str, list[int]] = {}
        self.unindexed_triggers: list[int] = []
        flat = [e for es in lex["triggers"].values() for e in es]
        for i, entry in enumerate(flat):
            words = first_words(entry["pattern"])
            if words is None:
                self.unindexed_triggers.append(i)
            else:
                for w in words:
                    self.trigger_index.setdefault(w, []).append(i)
        self.not_name_words = frozenset(w.lower() for w in lex["not_name_words"])
        self.organisation_words = frozenset(w.lower() for w in lex["organisation_words"])
        self.company_words = frozenset(w.lower() for w in lex["company_words"])
        self.status_rx = {status: _words_rx(pats) for status, pats in lex["status"].items()}
        # Cues too are tried only at the words they can start with; a status whose first words
        # cannot be told is scanned in full. A cue that starts with no word ("'ll") but is plain text
        # is looked for as a string instead: only a sentence that holds it is scanned in full.
        self.status_first_words: dict[str, set[str] | None] = {}
        self.status_wordless: dict[str, list[str]] = {}
        for status, pats in lex["status"].items():
            wordless = [p for p in pats if first_words(p) is None]
            if all(_plain_lowercase(p) for p in wordless):
                self.status_first_words[status] = first_words(alternation([p for p in pats if p not in wordless]))
                self.status_wordless[status] = wordless
            else:
                self.status_first_words[status] = None
        self.negation_rx = _words_rx(lex["negation"])
        self.non_event_rx = _words_rx(lex["non_event"])
        # The negations and the words of non-events ("a visitor") near a trigger are looked for at
        # their first words too (a search would try every position of the window).
        self.window_first_words = {"negation": first_words(alternation(lex["negation"])),
                                   "non_event": first_words(alternation(lex["non_event"]))}
        self._cue_first_words = frozenset().union(
            *(w for w in (*self.status_first_words.values(), *self.window_first_words.values()) if w))
        self._statuses_of: dict[str, list[str]] = {}  # a cue's first word -> the statuses (or kinds) it may start
        for status, first in (*self.status_first_words.items(), *self.window_first_words.items()):
            for word in first or ():
                self._statuses_of.setdefault(word, []).append(status)
        self._status_words: dict[str, list[tuple[int, str]]] = {}  # status or kind -> the document's words its cues may start at
        self.pair_levels: dict[str, list[str]] = lex.get("pair_levels") or {}
        self.reporting_rx = _words_rx(lex["reporting_verbs"])
        self.national_titles = {c: {t.lower(): o for t, o in titles.items()}
                                for c, titles in lex.get("national_titles", {}).items()}
        # Titles, leader words, groups and pronouns in one pass, longest alternatives first.
        groups = [(level, pats) for level, pats in lex["titles"].items()]
        groups += [("pair", lex["pair_terms"]), ("leader", lex["leader_terms"]), ("generic", lex["generic_people"]),
                   ("pronoun", lex["pronouns"]), ("counterpart", lex["counterpart_terms"])]
        lexical = "|".join(f"(?P<{name}>{alternation(pats)})" for name, pats in groups)
        self.lexical_rx = re.compile(r"(?<![\w-])(?:" + lexical + r")(?![\w-])", re.IGNORECASE)
        self.lexical_first_words = first_words(lexical)  # tried only where one of these stands
        # The words any trigger, title or cue can start at, found in one scan of the lower-cased
        # text (a word-for-word walk would visit every word of the document). A word starts after
        # a character that is no letter (the text is given a leading space): the scan starts with
        # that character, which lets the regex engine skip over the letters inside words instead of
        # trying a match at each of them; the word is group 1.
        candidates = set(self.trigger_index) | (self.lexical_first_words or set()) | self._cue_first_words
        self.candidate_rx = re.compile(rf"{_BEFORE_TOKEN}({trie(candidates)}){_TOKEN_END}")

    # ------------------------------------------------------------------ entry point
    def extract(self, doc: Document) -> list[Event]:
        from summitry.time import parse_published

        text = doc.text
        sentences = _outside(split_sentences(text), link_lists(text))  # a page's lists of links tell nothing
        found = self.matcher.find(text)
        if "$" in text:  # "US$ 28 billion", "HK$": a currency names no country
            found = [m for m in found if not (m.kind == "country" and text.startswith("$", m.end))]
        matches = _without_other_bearers(text, _with_surnames(text, _without_joined_short_forms(
            text, sorted(found, key=lambda m: (m.start, -m.end))), self.not_name_words))
        self._text = text
        self._lowered = _ascii_lower(text)  # once for the document
        self._cues_key = None
        words = self._candidate_words(text, self._lowered)
        matches = self._with_lexical_matches(text, self._places_in_context(matches), words)
        triggers = self._find_triggers(text, words)
        # Dates are read only in the sentences that use them: those with a trigger or a forum
        # (what a sentence with neither leaves the narrative does not depend on its dates).
        dates = find_dates(text, "en", doc.published, within=_sentences_with(
            sentences, [t.start for t in triggers] + [m.start for m in matches if m.kind == "forum"]))
        published = parse_published(doc.published)
        self._note_status_words(words)
        state = DocState()
        events: list[Event] = []
        by_matches, by_dates, by_triggers = _ByStart(matches), _ByStart(dates), _ByStart(triggers)
        for si, sent in enumerate(sentences):
            state.sentence = si
            s_matches, s_dates, s_triggers = by_matches.inside(sent), by_dates.inside(sent), by_triggers.inside(sent)
            if si and state.last_place is not None and state.last_place[0] < si - 1:
                state.last_place = None
            if s_triggers and _QUESTION_END.search(text, sent.start, sent.end) and \
                    _ASKED_LINE.match(text, max(text.rfind("\n", 0, sent.start) + 1, 0), sent.end):
                # a reporter's question at a briefing ("QUESTION: Is the Secretary considering traveling
                # to Qatar and Egypt?") tells no event: the answer does
                s_triggers = []
            parties = self._parties(text, sent, s_matches, published.start if published else None)
            # "the visiting Assistant Secretary": an adjective that says who visits, not a trip ("visited
            # State Councilor Yang" stays: to visit a person is to meet them).
            s_triggers = [t for t in s_triggers
                          if not (t.type == "visit" and t.target != "by" and any(p.start - t.end in (0, 1) and p.kind != "pronoun"
                                                            for p in parties)
                                  and not ((not t.nominal or _INFINITIVE_BEFORE.search(text, max(0, t.start - 16),
                                                                                        t.start))
                                           and _VISIT_VERB.fullmatch(text, t.start, t.end)
                                           and not text.endswith("ing", t.start, t.end)))
                          # "visiting Mongolian counterpart Bold": the same, before a nationality
                          and not (t.type == "visit" and text.endswith("ing", t.start, t.end) and any(
                              m.start - t.end in (0, 1) and m.kind == "demonym"
                              and any(0 <= x.start - m.end <= 1 and x.kind in ("counterpart", "office", "person")
                                      for x in s_matches)
                              for m in s_matches))]
            s_triggers = [t for i, t in enumerate(s_triggers)
                          if not (i + 1 < len(s_triggers) and s_triggers[i + 1].type == t.type
                                  and _AND_BETWEEN.fullmatch(text[t.end:s_triggers[i + 1].start]))]
            if state.last_actor is not None and self._opens_with_unknown_name(text, sent, s_matches):
                # "Abu Qatada has Jordanian nationality ... In 1989 he went to Peshawar": a sentence about
                # someone the knowledge base does not know makes "he" that person, not one named before
                state.last_actor = None
            told_here: list[Event] = []
            for trig in s_triggers:
                told_here.extend(self._events_for(doc, text, sent, si, trig, s_triggers, parties, s_matches,
                                                  s_dates, state, published))
            told_here.extend(self._opening_gathering(doc, text, sent, parties, s_matches, s_dates, told_here, state,
                                                     published))
            if len(told_here) > 1:
                told_here = _once_per_sentence(told_here)
            events.extend(told_here)
            # (a forum's organisation, not one of its gatherings: "the role played by the SCO", "members of
            # the SCO", "an observer of the SCO" is no gathering "the meeting" may look back to)
            forums = _gatherings_named([m for m in s_matches if m.kind == "forum"], text, sent.start)
            if forums:  # after the sentence's own events: "the meeting" looks back to it from the next one
                for fm in forums:  # the last one noted is the one "the meeting" looks back to
                    self._note_forum(fm, s_matches, s_dates, state, doc, published)
            self._update_state(sent, si, parties, s_dates, state, told_here)
            named = [m for m in s_matches if m.kind in ("place", "country")]
            if named:
                state.last_place = (si, named[-1])
        return _visits_at_gatherings(_hosts_from_visits(_consolidate_regions(events, self.kb)))

    def trigger_spans(self, doc: Document) -> list[tuple[int, int]]:
        """Where the lexicon's event triggers stand in ``doc.text``, whether or not they became
        events (the hybrid engine sends the model the ones that did not)."""
        text = doc.text
        return [(t.start, t.end) for t in self._find_triggers(text, self._candidate_words(text))]

    # ------------------------------------------------------------------ lexical layer
    def _candidate_words(self, text: str, lowered: str | None = None) -> list[tuple[int, str]]:
        """The words of ``text`` (as ``_words`` gives them) at which a trigger, title or cue may start;
        ``lowered``: the text ASCII-lower-cased, when the caller has it already."""
        if lowered is None:
            lowered = _ascii_lower(text)
        return [(m.start(1) - 1, m.group(1)) for m in self.candidate_rx.finditer(" " + lowered)]

    def _places_in_context(self, matches: list) -> list:
        """An ambiguous place name goes to the namesake in a country the document talks about
        ("Amur" in a story about Russia is the Russian region, not the Indian town)."""
        mentioned = {m.record.iso3 for m in matches if m.kind in ("country", "demonym")}
        if not mentioned:
            return matches
        out = []
        context = tuple(sorted(mentioned))
        namesakes: dict[str, object] = {}  # a place name the document repeats is looked up once
        for m in matches:
            if m.kind == "demonym" and m.record.capital and _CAPITAL.match(self._text, m.end):
                # "the Indian capital": the capital city, standing for the place.
                capital = self.kb.place(m.record.capital, context=(m.record.iso3,))
                if capital is not None:
                    out.append(_LocalMatch(m.start, _CAPITAL.match(self._text, m.end).end(), "place", m.surface,
                                           capital))
                    continue
            if m.kind == "place" and m.record.country not in mentioned:
                if m.surface not in namesakes:
                    namesakes[m.surface] = self.kb.place(m.surface, context=context)
                alt = namesakes[m.surface]
                if alt is not None and alt.country in mentioned:
                    m = _LocalMatch(m.start, m.end, "place", m.surface, alt)
                elif m.record.kind == "city" and (m.record.population or 0) < _OBSCURE_TOWN:
                    continue  # a small town of a country the story never names: a namesake
            out.append(m)
        return out

    def _lexical_finditer(self, text: str, words):
        """The lexical pattern's matches, left to right without overlaps, tried at candidate words only."""
        return _finditer_at_words(self.lexical_rx, text, words, self.lexical_first_words, 0, len(text))

    def _with_lexical_matches(self, text: str, matches: list, words=None) -> list:
        """Titles the knowledge base lacks, leader words, groups and pronouns, as matches of the document."""
        taken = _Spans((m.start, m.end) for m in matches if m.kind == "office")
        extra = []
        words = words if words is not None else _words(text)
        deputised = []
        for m in self._lexical_finditer(text, words):
            kind = m.lastgroup
            if kind in _TITLE_LEVELS:
                if taken.overlaps(m.start(), m.end()):
                    if not _DEPUTY.match(m.group(0)):
                        continue
                    # "vice defense minister": the deputy, not the minister the knowledge base's title names
                    deputised.append((m.start(), m.end()))
                extra.append(_LocalMatch(m.start(), m.end(), "office", m.group(0), _TitleRecord(None, kind)))
            else:
                extra.append(_LocalMatch(m.start(), m.end(), kind, m.group(0), None))
        if deputised:
            matches = [m for m in matches if not (m.kind == "office" and any(
                a < m.start and m.end <= b for a, b in deputised))]
            extra = [m for m in extra if not (m.kind == "office" and (m.start, m.end) not in deputised and any(
                a <= m.start < b for a, b in deputised))]
        ministers = [i for i, m in enumerate(matches) if m.kind == "office" and m.record.key == "minister"]
        if ministers:
            named = _Spans((m.start, m.end) for m in matches if m.kind != "office")
            matches = list(matches)
            for i in ministers:
                matches[i] = self._with_portfolio(text, matches[i], named)
        return sorted(matches + extra, key=lambda m: (m.start, -m.end))

    def _with_portfolio(self, text: str, m, named: _Spans):
        """A bare "Minister" of the knowledge base with the portfolio before it: "Interior Minister",
        "Immigration Minister" (one or two capitalised words that name no one and nothing else)."""
        # ... or after it: "Federal Minister for Planning and Development Ahsan Iqbal" (a portfolio's words,
        # so that the name after them is the minister's)
        after = _PORTFOLIO_AFTER.match(text, m.end)
        end = after.end() if after is not None and not named.covers(after.start(1)) else m.end
        if m.start < 2 or text[m.start - 1] != " ":
            portfolio = None
        else:
            portfolio = _PORTFOLIO_BEFORE.search(text, max(0, m.start - 40), m.start)
        start = m.start
        for word in reversed(list(re.finditer(r"[A-Z][a-z]+", portfolio.group(0)))) if portfolio else ():
            w_start = portfolio.start() + word.start()
            if word.group(0).lower() in self.not_name_words or named.covers(w_start):
                break
            start = w_start
        if start == m.start and end == m.end:
            return m
        return _LocalMatch(start, end, "office", text[start:end], _TitleRecord(m.record.key, m.record.level))

    def _find_triggers(self, text: str, words=None) -> list[Trigger]:
        found: list[Trigger] = []
        matched = []
        for start, word in (words if words is not None else _words(text)):
            for i in self.trigger_index.get(word, ()):
                m = self.triggers[i][2].match(text, start)
                if m is not None:
                    matched.append((i, m))
        for i in self.unindexed_triggers:
            matched.extend((i, m) for m in self.triggers[i][2].finditer(text))
        for i, m in matched:
            etype, target, _ = self.triggers[i]
            found.append(Trigger(m.start(), m.end(), etype, target, bool(_NOMINAL_TRIGGER.match(m.group(0)))))
        # Longest first; an overlapped shorter trigger is dropped, a call outranks a meeting it contains.
        rank = {"call": 0, "multilateral": 1, "visit": 2, "meeting": 3}
        found.sort(key=lambda t: (t.start, -(t.end - t.start), rank[t.type]))
        kept: list[Trigger] = []
        for t in found:
            if kept and t.start < kept[-1].end:
                prev = kept[-1]
                if rank[t.type] < rank[prev.type] and t.end >= prev.end:
                    kept[-1] = t
                continue
            kept.append(t)
        return kept

    # ------------------------------------------------------------------ people
    def _plausible_name(self, name: str, start: int, matches) -> bool:
        if not _plausible_name(name, start, matches, self.not_name_words, self.organisation_words):
            return False
        # "Director He Yiming of the Xinjiang Commerce Department": no name runs into a body's name.
        after = _NEXT_WORD.match(self._text, start + len(name))
        return not (after and after.group(1).lower() in self.organisation_words)

    def _unknown_subject(self, text, sent, trig, matches) -> bool:
        """Whether a capitalised word the knowledge base does not know stands right before a verb, as its
        subject (a name: not the sentence's first word, nor a word that never starts a name)."""
        if not _CAPITALISED_BEFORE.search(text[max(sent.start, trig.start - 40):trig.start]):
            return False
        m = _SUBJECT_BEFORE.search(text, max(sent.start, trig.start - 40), trig.start)
        if m is None or m.start(1) == sent.start or m.group(1).lower() in self.not_name_words:
            return False
        if m.group(1).lower() in self.organisation_words or not text[sent.start:m.start(1)].strip():
            return False
        return not any(x.start <= m.start(1) < x.end for x in matches)

    def _unknown_possessor(self, text, sent, trig, matches) -> bool:
        """Whether a name the knowledge base does not know owns the event noun ("Sun Jianguo's visit"):
        a capitalised possessive right before the noun that no match covers and that is not a word
        which never ends a name (a title, a day, a month)."""
        m = _NAME_OWNING_BEFORE.search(text, max(sent.start, trig.start - 60), trig.start)
        if m is None or m.group(1).lower() in self.not_name_words or m.group(1).lower() in self.organisation_words:
            return False
        return not any(x.start <= m.start(1) < x.end for x in matches)

    def _unknown_clause_subject(self, text, start, end, matches) -> bool:
        """Whether a clause between ``start`` and ``end`` has for its subject a name of two or more
        capitalised words no match covers ("... that Senior Advisor Robert Serry is ...")."""
        for m in _CLAUSE_SUBJECT_NAME.finditer(text, start, end):
            words = m.group(1).split()
            if len(words) < 2 or words[-1].lower() in self.not_name_words or \
                    words[-2].lower() in self.not_name_words or words[-1].lower() in self.organisation_words:
                continue
            if not any(x.start < m.end(1) and m.start(1) < x.end for x in matches):
                return True
        return False

    def _opens_with_unknown_name(self, text, sent, matches) -> bool:
        """Whether the sentence opens with a name of two or more words no match covers, then a verb."""
        m = _UNKNOWN_OPENING_NAME.match(text, sent.start, sent.end)
        if m is None or m.group(1).split()[0].lower() in self.not_name_words:
            return False
        return not any(x.start < m.end(1) and x.end > m.start(1) for x in matches)

    def _titled_surname(self, word: str, office_key: str | None, when: date | None):
        """The one person of the knowledge base with this family name who holds the office on ``when``."""
        if office_key is None or when is None or " " in word:
            return None
        if self._surnames is None:
            self._surnames = {}
            for person in self.kb.people.values():
                words = person.name.replace("-", " ").split()
                if len(words) >= 2:
                    surname = words[0] if person.country in _FAMILY_NAME_FIRST else words[-1]
                    self._surnames.setdefault(surname, []).append(person)
        found = []
        for person in self._surnames.get(word, ()):
            if any(t.office == office_key and t.covers(when) for t in person.terms):
                found.append(person)
        return found[0] if len(found) == 1 else None

    def _leader_key(self, words: str, country: str) -> str:
        """"Heads of state" are heads of state; "the Japanese leader" is whoever leads Japan."""
        return "head_of_state" if "head" in words.lower() else self.kb.leader_office(country)

    def _organisation_office(self, office_key: str | None) -> bool:
        """Whether an office key is an international organisation's (its holder acts for no state)."""
        office = self.kb.offices.get(office_key) if office_key else None
        return office is not None and office.organisation is not None

    def _level_of(self, office_key: str) -> str:
        office = self.kb.offices.get(office_key)
        return office.level if office is not None else "other"

    def _choose_person(self, record, when: date | None, office_key: str | None):
        """The person a name means; a short name shared by several goes to the one in office then."""
        if not isinstance(record, tuple):
            return record
        if len(record) == 1:
            return record[0]
        if when is None:
            return None
        in_office = []
        for person in record:
            term = self._term_on(person, when)
            if term is not None:
                in_office.append((office_key is not None and term.office == office_key, person))
        if not in_office:
            return None
        best = max(flag for flag, _ in in_office)
        chosen = [p for flag, p in in_office if flag == best]
        return chosen[0] if len(chosen) == 1 else None

    def _parties(self, text: str, sent: Sentence, matches: list, when: date | None = None) -> list[PartyRef]:
        """Assemble people and unnamed office holders from titles, names and demonyms."""
        parties: list[PartyRef] = []
        if not any(m.kind in _PARTY_KINDS for m in matches):
            return parties  # no title, name, leader word, group or pronoun: nobody to assemble
        offices = [m for m in matches if m.kind == "office"]
        people = [m for m in matches if m.kind in ("person", "person_short")]
        nationals = [m for m in matches if m.kind in ("demonym", "country")]
        places = sorted((m for m in matches if m.kind == "place"), key=lambda m: m.start)
        used_offices: set[int] = set()

        def country_before(pos: int) -> tuple[str | None, int]:
            """The country of a title from the demonym or country right before it, and where it starts:
            also across the body the title belongs to ("Chinese Central Military Commission
            Vice-Chairman"), but not a company's ("Malaysia Airlines Chief Executive")."""
            for n in reversed(nationals):
                if n.end > pos:
                    continue
                if pos - n.end > 80:
                    break  # too far to be the title's
                gap = text[n.end:pos].replace("'s", "").replace("’s", "")
                if _TITLE_GAP.match(gap):
                    return n.record.iso3, n.start
                if len(gap) <= 80 and _BODY_BEFORE_TITLE.fullmatch(gap) and \
                        not any(w.lower().strip(".") in self.company_words for w in gap.split()) and \
                        not any(n.end <= m.start and m.end <= pos for m in offices + people):
                    return n.record.iso3, n.start
                break
            return None, pos

        def title_gap(a: int, b: int) -> bool:
            """Only connectors (and the countries of a title: "Ambassador to China") between a and b."""
            gap = text[a:b]
            if _COMPLEMENT.fullmatch(gap.rstrip() if gap.endswith(" ") else gap + " ") or \
                    _COMPLEMENT.fullmatch(gap):
                return True
            for n in nationals:
                if a <= n.start and n.end <= b:
                    gap = gap.replace(n.surface, " ")
            return bool(_TITLE_GAP.match(gap)) and b - a <= 60

        def title_chain_before(pos: int) -> tuple[list, int]:
            """Office matches standing right before ``pos`` ("State Councilor and Foreign Minister")."""
            chain = []
            cursor = pos
            for o in reversed(offices):
                if chain and _SENT_FOR.search(o.surface) and _OF.fullmatch(text, o.end, cursor):
                    break  # "special envoy of President Xi": the envoy is someone else
                if o.end <= cursor and title_gap(o.end, cursor):
                    chain.insert(0, o)
                    cursor = o.start
                elif o.end <= cursor:
                    # Allow an organisation phrase between the title and the name ("Director General of
                    # the US Department of Foreign Affairs Yang Tao") only when short.
                    break
            return chain, cursor

        for pm in people:
            if _MODIFIER_AFTER.match(text, pm.end) or text[max(0, pm.end - 2):pm.end + 1] in ("-", ) or \
                    _HYPHEN_NAME_AFTER.match(text, pm.end, pm.end + 4):
                continue  # "the Biden administration", "the Xi-Biden summit": a name used as a modifier
            chain, cursor = title_chain_before(pm.start)
            person = self._choose_person(pm.record, when, chain[-1].record.key if chain else None)
            if person is None and isinstance(pm.record, tuple):
                # "Saudi Arabia's King Abdullah" while two kings of that name reign: the one of the
                # country named before the name
                named_country = country_before(cursor)[0]
                person = self._choose_person(tuple(p for p in pm.record if p.country == named_country), when,
                                             chain[-1].record.key if chain else None) if named_country else None
            if person is None:
                continue
            if pm.kind == "person_short" and not chain and not isinstance(pm, _LocalMatch) and when is not None \
                    and person.terms and min(tm.start for tm in person.terms) > when:
                # a bare surname the document never gives in full ("Ross made a video after travelling
                # to Xinjiang", 2016) is not a person who took office only later (Wilbur Ross, 2017)
                continue
            for o in chain:
                used_offices.add(id(o))
            office = chain[-1].record if chain else None
            country, start = country_before(cursor) if chain else (None, pm.start)
            honorific = None if chain else _HONORIFIC_BEFORE.search(text, max(0, pm.start - 9), pm.start)
            if honorific:
                start = honorific.start()  # "Mr Sharif": the honorific is part of the reference
            parties.append(PartyRef(
                start=start, end=pm.end, kind="person", name=person.name,
                # in an international organisation's office on that day: no country (see kb.country_on)
                country=self._country_on(person, when) if when is not None else person.country or country,
                office=_title(chain[-1]) if chain else None,
                office_key=office.key if office else None, level=office.level if office else None,
                person=person,
            ))
        # A name the knowledge base does not know, followed by its title: "met with Orens, chairman of ...".
        # (only a sentence with a title can hold one)
        found = list(_NAME_THEN_TITLE.finditer(text, sent.start, sent.end)) if offices else []
        opening = _OPENING_NAME_THEN_TITLE.match(text, sent.start, sent.end) if offices else None
        def titled_at(pos: int) -> bool:
            """Whether a title starts at ``pos``, or after a country there ("Yemen's foreign minister")."""
            return any(o.start == pos for o in offices) or any(
                n.start == pos and any(_OWNED_TITLE_GAP.fullmatch(text, n.end, o.start) for o in offices)
                for n in nationals)

        for m in ([opening] if opening else []) + found:  # "Zhou Ming, the governor of ..."
            name_start = m.start(1)
            if self._plausible_name(m.group(1), name_start, matches) and titled_at(m.end()) \
                    and not any(p.start <= name_start < p.end for p in parties):
                parties.append(PartyRef(name_start, m.end(1), "unknown", name=m.group(1)))
        parties.sort(key=lambda p: p.start)
        # Appositions: "Ma Xingrui, the Communist Party chief in Xinjiang," gives the person an office.
        for p in parties:
            app = _APPOSITION.match(text, p.end, sent.end)
            if not app or p.kind not in ("person", "unknown"):
                continue
            for o in offices:
                lead = text[app.end():o.start]
                if o.start >= app.end() and (id(o) in used_offices or any(q is not p and q.start <= o.start < q.end
                                                                            for q in parties)):
                    # "Raheel Sharif, met Chinese President Xi Jinping": the next title is another's
                    break
                if o.start >= app.end() and len(lead) <= 30 and re.fullmatch(r"(?:[\w'’-]+\s+)*", lead):
                    used_offices.add(id(o))
                    if p.office is None:
                        p.office, p.office_key, p.level = _title(o), o.record.key, o.record.level
                    if p.country is None:  # "the party chief of Hainan": the province's country
                        # ("Abdulkarim Zubaidi, Yemen's foreign minister": the country before the title)
                        owner = country_before(o.start)[0] if p.kind == "unknown" else None
                        p.country = owner or _country_after(text, o.end, sent.end, nationals + places,
                                                            self.company_words)
                    break
        for o in offices:
            if id(o) in used_offices:
                continue
            # A title followed by a name the knowledge base does not know: "Commerce Representative Dai Qi",
            # "First Vice Prime Minister of Kyrgyzstan Tairbek Sarpashev".
            complement = _COMPLEMENT.match(text, o.end, sent.end)
            name_from = complement.end() if complement else o.end
            of_country = None
            if not complement and _OF.match(text, o.end, sent.end):
                of_country = next((n for n in nationals if n.kind == "country"
                                   and n.start == _OF.match(text, o.end, sent.end).end()), None)
                if of_country is not None:
                    name_from = of_country.end
            m = _UNKNOWN_NAME.match(text[name_from:min(sent.end, name_from + 40)])
            if m is None and not complement and text.startswith(",", o.end):
                # "the Yemeni foreign minister, Abdulkarim Zubaidi, said": a name in apposition, closed
                named = _UNKNOWN_NAME.match(text[o.end + 1:min(sent.end, o.end + 41)])
                if named and _APPOSITION_END.match(text, o.end + 1 + named.end(1)):
                    m, name_from = named, o.end + 1
            chain, cursor = title_chain_before(o.end)
            country, cursor = country_before(cursor)
            country = country or (of_country.record.iso3 if of_country is not None else None) or \
                _country_after(text, o.end, sent.end, nationals, self.company_words)
            if m and self._plausible_name(m.group(1), name_from + m.start(1), matches):
                name_start = name_from + m.start(1)
                name_end = name_start + len(m.group(1))
                if any(name_start < pm.start < name_end for pm in people):
                    continue  # "Chief Executive Officer Abdullah Abdullah": a word of the title, then a known name
                if _MODIFIER_AFTER.match(text, name_end):
                    used_offices.add(id(o))
                    continue  # "Minister Peter Dutton's office said": the office, not the minister
                for c in chain:
                    used_offices.add(id(c))
                # "President Xi" in a story that never gives his full name: the holder of that office
                # then whose family name it is.
                known, office = self._titled_surname(m.group(1), o.record.key, when), o.record
                for nation, titles in self.national_titles.items() if known is None else ():
                    # "Chancellor Osborne": the title as a country that uses it for another office
                    # reads it, when that office's holder of the day bears the name
                    other = self.kb.office(titles[o.surface.lower()]) if o.surface.lower() in titles else None
                    holder = self._titled_surname(m.group(1), other.key, when) if other else None
                    if holder is not None and holder.country == nation:
                        known, office = holder, other
                if known is not None:
                    parties.append(PartyRef(cursor, name_end, "person", name=known.name,
                                            country=self._country_on(known, when), office=_title(o),
                                            office_key=office.key,
                                            level=office.level, person=known))
                    continue
                # ("Deputy Prime Minister Obrad Kestovic of Montenegro": the country after the name)
                country = country or _country_after(text, name_end, sent.end, nationals, self.company_words)
                if country is None and o.record.level == "subnational":
                    # "Yunnan Party Chief Qin Rongguang": the province before the title is in its country
                    region = next((pl for pl in reversed(places) if pl.end <= cursor
                                   and _TITLE_GAP.fullmatch(text[pl.end:cursor])), None)
                    country = region.record.country if region is not None else None
                parties.append(PartyRef(cursor, name_end, "unknown", name=m.group(1),
                                        country=country, office=_title(o), office_key=o.record.key,
                                        level=o.record.level))
                continue
            if any(p.start <= o.start < p.end for p in parties):
                continue
            if any(q.kind == "person" and q.end <= cursor and _APPOSED_TITLE_GAP.fullmatch(text, q.end, cursor)
                   for q in parties):
                continue  # "Ajit Doval, the national security advisor and Special Representative for ...": his title
            if not country and self._organisation_office(o.record.key):
                # "the UN chief", "NATO's Secretary General": the holder of the organisation's office
                parties.append(PartyRef(cursor, o.end, "unnamed", office=_title(o), office_key=o.record.key,
                                        level=o.record.level))
                continue
            if country:
                for c in chain:
                    used_offices.add(id(c))
                record = self._national_office(o, country)
                parties.append(PartyRef(cursor, o.end, "unnamed", country=country, office=_title(o),
                                        office_key=record.key, level=record.level,
                                        plural=o.surface.lower().endswith("s")))
            elif re.search(r"\bthe\s+$", text[max(sent.start, cursor - 5):cursor], re.IGNORECASE) and \
                    not _OF.match(text, o.end, sent.end):
                # "The Secretary", "the Foreign Minister": the holder the document already named.
                parties.append(PartyRef(cursor, o.end, "title", office=_title(o), office_key=o.record.key,
                                        level=o.record.level))
        # "the Chinese leader(s)", "China's head of state", "the leaders of Iran, Belarus and Turkey"
        for m in matches:
            if m.kind != "leader" or any(p.start <= m.start < p.end for p in parties):
                continue
            modifiers = _LEADERSHIP_MODIFIERS.search(text, max(sent.start, m.start - 60), m.start) \
                if m.surface.lower() == "leadership" else None
            country, start = country_before(modifiers.start() if modifiers else m.start)
            if country:
                key = self._leader_key(m.surface, country)
                if modifiers and "military" in modifiers.group(0).lower() and not re.search(
                        r"civilian|political", modifiers.group(0), re.IGNORECASE):
                    key = "military_chief"  # "Pakistan's military leadership": its officers, not its head
                parties.append(PartyRef(start, m.end, "unnamed", country=country, office_key=key,
                                        level=self._level_of(key), plural=m.surface.lower().endswith("s")))
                continue
            of = _OF.match(text, m.end, sent.end)
            if of:
                # "the leaders of Iran and Belarus", not "the head of Syrian opposition"
                listed = _country_list(text, of.end(), sent.end, [n for n in nationals if n.kind == "country"])
                for n in listed:
                    key = self._leader_key(m.surface, n.record.iso3)
                    parties.append(PartyRef(n.start, n.end, "unnamed", country=n.record.iso3,
                                            office_key=key, level=self._level_of(key)))
        for m in matches:
            if m.kind == "generic" and not any(p.start <= m.start < p.end for p in parties):
                joined = next((p for p in parties if p.kind == "generic" and 0 < m.start - p.end <= 1), None)
                if joined is not None:  # "a Russian government delegation": one group
                    joined.end = m.end
                    joined.plural = m.surface.lower().endswith("s")
                    continue
                country, start = country_before(m.start)
                if _LED_BY.match(text, m.end, sent.end):
                    continue  # "a Japanese delegation led by Fumio Kishida": its head is the party
                if country:
                    parties.append(PartyRef(start, m.end, "generic", country=country,
                                            plural=m.surface.lower().endswith("s")))
            elif m.kind == "pronoun" and not any(p.start <= m.start < p.end for p in parties):
                parties.append(PartyRef(m.start, m.end, "pronoun"))
            elif m.kind == "pair" and not any(p.start <= m.start < p.end for p in parties):
                parties.append(PartyRef(m.start, m.end, "pair", plural=True))
            elif m.kind == "counterpart" and not any(p.start <= m.start < p.end for p in parties):
                # "his Japanese counterpart" (the holder of the actor's office in Japan, once the actor
                # is known), "his Yemeni counterpart Abed Rabbo Hadi" (a name the KB may not know)
                country, start = country_before(m.start)
                named = next((p for p in parties if 0 <= p.start - m.end <= 2 and p.kind == "person"), None)
                if named is not None:
                    # "Obama and his Cuban counterpart Raul Castro met": the whole phrase is the person
                    # (its "his" is no party of its own, and does not part Castro from Obama)
                    owner = _POSSESSIVE_BEFORE.search(text, max(sent.start, start - 7), start)
                    named.start = owner.start() if owner else start
                    continue
                if country is None:
                    # "his counterparts from Russia, Iran and Turkey": one for each country
                    of = _FROM_OF.match(text, m.end, sent.end)
                    listed = _country_list(text, of.end(), sent.end, [n for n in nationals if n.kind == "country"]) \
                        if of else []
                    parties.extend(PartyRef(n.start, n.end, "counterpart", country=n.record.iso3) for n in listed)
                    continue
                if any(0 <= p.start - m.end <= 2 for p in parties):
                    continue  # a known name follows: the name is the party
                name = _UNKNOWN_NAME.match(text[m.end:min(sent.end, m.end + 40)])
                if name and self._plausible_name(name.group(1), m.end + name.start(1), matches):
                    parties.append(PartyRef(start, m.end + name.end(1), "unknown", name=name.group(1), country=country))
                else:
                    parties.append(PartyRef(start, m.end, "counterpart", country=country,
                                            plural=m.surface.lower().endswith("s")))
        parties.sort(key=lambda p: p.start)
        # A spokesperson tells of events and takes part in none (nor is the "he" of the next sentence).
        return [p for p in _not_inside_others(parties)
                if not (p.office_key == "spokesperson" or p.office and _SPOKESPERSON.search(p.office))]

    # ------------------------------------------------------------------ events
    def _events_for(self, doc, text, sent, si, trig, s_triggers, parties, matches, s_dates, state,
                    published) -> list[Event]:
        clause_start, clause_end = _clause(text, sent, trig, state.clause_breaks, self._lowered)
        # A bare noun ("the 22nd meeting of ...") inside the object does not end the window.
        # Nor does the verb's own trip told again as a noun ("returned to Washington on an official visit
        # in January 2003": the date is the return's), nor an aside's place ("met Fabius, in Moscow, on Tuesday").
        # Nor does one inside a relative clause set off by commas: "meets with Karim Masimov, who is here to
        # attend the Expo, in Urumqi, Sept. 1": the place and the day after it are the meeting's.
        relatives = [m.span() for m in _WHO_ASIDE.finditer(text, trig.end, clause_end)] \
            if ", wh" in text[trig.end:clause_end] else []
        window_end = min([t.start for t in s_triggers if t.start > trig.end and not (t.nominal and t.target == "none")
                          and not (trig.type == t.type == "visit" and not trig.nominal and t.nominal
                                   and _ON_A_VISIT_BEFORE.search(text, max(trig.end, t.start - 40), t.start))
                          and not _is_placing(t) and not any(a <= t.start < b for a, b in relatives)]
                         + [clause_end])
        # (what is visited is no place of state before a visit or after it - "the museum", "the website" -;
        # a meeting's only after it: "met tourists", not "said on his Facebook page after a meeting with")
        if self._found_in("non_event", self.non_event_rx, text,
                          trig.start if trig.type in ("meeting", "call") else max(clause_start, trig.start - 25),
                          min(clause_end, trig.end + 40)):
            return []
        if self._found_in("negation", self.negation_rx, text,
                          _after_quote_said(text, max(clause_start, trig.start - 30), trig.start), trig.start):
            return []
        if not trig.nominal and \
                _HAVE_BEFORE.search(text, max(clause_start, trig.start - 20), trig.start) and \
                _COUNTED_TIMES.search(text, trig.end, clause_end) and \
                (_COUNTLESS_TIMES.search(text, trig.end, clause_end) or
                 not any(clause_start <= d.start < clause_end for d in s_dates)):
            # "has visited the Middle East more times than ...", "has met Mongolian leaders many times in
            # recent years": a count, no event of its own (a date tells when one of a few was: "has
            # visited Japan twice in the past two years")
            return []
        if trig.type == "visit" and not trig.nominal and trig.target != "by" and \
                _PARTICIPLE.match(text, trig.start, trig.end) and \
                _PASSIVE_BEFORE.search(text, max(clause_start, trig.start - 12), trig.start):
            return []  # "detainees were returned to Algeria": what is moved does not visit
        if trig.type == "meeting" and _HOSTED_BY.match(text, trig.start, clause_end) and \
                _GATHERING_BEFORE_HOST.search(text, max(clause_start, trig.start - 70), trig.start):
            return []  # "will attend a summit on terrorism hosted by Mr. Obama": the gathering's host, no talks
        if not trig.nominal and self._unknown_subject(text, sent, trig, [*matches, *parties]):
            return []  # "where Nixon met Mao": a subject the knowledge base does not know
        if trig.nominal and self._unknown_possessor(text, sent, trig, [*matches, *parties]):
            # "Xi may seek closer ties, after Admiral Sun Jianguo's visit to Iran": the visit is the
            # admiral's, whom the knowledge base does not know, not that of a person named before
            return []
        actor_refs, counterpart_refs, group = self._participants(text, sent, si, trig, parties, clause_start,
                                                                 window_end, state, s_triggers)
        if trig.type == "call" and _CALLED.match(text, trig.start) and (
                _NAMING_BEFORE.search(text, max(sent.start, trig.start - 30), trig.start) or any(
                    _NAMING_AFTER.match(text, c.end) for c in counterpart_refs[:1])):
            return []  # "what he called Obama's mad rush", "called Putin a thug": naming, not phoning
        if trig.type == "meeting" and _CALLED_ON.match(text, trig.start) and \
                any(_URGED_TO.match(text, c.end) for c in counterpart_refs):
            # "Ms Allen called on the Chancellor to press China", "called on Obama, Biden and Kerry to
            # condemn": urging, not calling on
            return []
        if _BEING_TRIGGER.match(text, trig.start):
            actor_refs = [r for r in actor_refs if r.end <= trig.start and _SUBJECT_GAP.match(text, r.end, trig.start)]
        lead = text[max(clause_start, trig.start - 30):trig.start]
        relative = None if trig.nominal or not ("hat " in lead or "hich " in lead) or \
            _TOOK_HIM.match(text, trig.start, trig.end) else \
            _RELATIVE_BEFORE.search(text, max(clause_start, trig.start - 30), trig.start)
        who = _WHO_BEFORE.search(text, max(clause_start, trig.start - 40), trig.start) \
            if not trig.nominal and "who " in lead else None
        if who is not None and not any(p.start < who.end(1) <= p.end for p in [*parties, *matches]):
            # "asylum seekers who have gone to Australia": the one a "who" clause is about is the noun
            # before it, here no one the knowledge base knows (not "Lee, President of Korea, who")
            return []
        if relative is not None:
            # "a village close to the stronghold of a party that is in the Turkey-backed army": the
            # subject of a clause opened by "that" or "which" is the thing it follows, not a person
            # named before it.
            actor_refs = [r for r in actor_refs if r.start >= relative.end(1)]
        quote = _quote_around(text, sent, trig.start)
        if quote is not None:
            # Words quoted from a speaker: the speaker standing outside the quote is not its subject
            # ('Yahya said, "the aircraft was programmed to fly to Beijing"').
            actor_refs = [r for r in actor_refs if quote[0] <= r.start < quote[1]]
            counterpart_refs = [r for r in counterpart_refs if quote[0] <= r.start < quote[1]]
        put_off = None  # "The visit was initially scheduled for 2014 but was postponed": the story's trip
        if trig.type == "visit" and trig.nominal and state.visits and \
                not _DESTINATION_AFTER.search(text, trig.start, trig.end + 1) and \
                not _DESTINATION_AFTER.match(text, trig.end):
            if not actor_refs and state.story_traveller is not None and _THE_BEFORE.search(text, sent.start, trig.start):
                actor_refs = [state.story_traveller]
            put_off = next((state.visits[r.name] for r in actor_refs if r.name in state.visits), None)
        aside = _is_aside(text, trig)
        if _is_placing(trig) and not aside and _is_headline(sent):
            return []  # "In China, U.K. Chancellor Focuses on Trade": a headline's capitals name no one
        if aside:
            # "Putin, in Kazan on Tuesday, said": the place of an aside is where the party it follows is
            actor_refs = [r for r in actor_refs if r.end == trig.start - 2]
        if not actor_refs and trig.type == "meeting" and trig.nominal and counterpart_refs and \
                state.story_traveller is not None and _OPENING_MODIFIERS.fullmatch(text, sent.start, trig.start):
            # "Talks are expected with Premier Li Keqiang": a meeting the sentence opens with, whose
            # subject is not named, is the story's traveller's
            actor_refs = [state.story_traveller]
        if not actor_refs:
            return []
        spans = [(p.start, p.end) for p in parties]
        targets = [t for t in self._targets(text, trig, window_end, matches, sent, s_dates)
                   if not any(a <= t.start and t.end <= b for a, b in spans)
                   and not any(a <= t.start < b for a, b in relatives)]
        if aside:
            targets = [t for t in targets[:1] if t.start == trig.end + 1]
        # Cheap checks first: a visit needs a destination, a meeting or call a counterpart (or a
        # "the two sides" narrative is no event), a gathering a forum or a named meeting.
        if trig.type == "visit" and not any(t.country or t.region for t in targets):
            targets = self._counted_countries(text, sent, trig, window_end, matches) or \
                self._place_before_noun(text, sent, trig, matches) or \
                self._place_of_where(text, sent, trig, matches) or self._the_country(text, sent, trig, matches, spans)
            if not targets and (_ALSO_BEFORE.search(text, max(sent.start, trig.start - 12), trig.start) or
                                _TRIP_JUST_TOLD_VERB.match(text, trig.start, trig.end)):
                # "Modi visited China in May and Home Minister Rajnath Singh also visited in November": where
                # the visit before it went
                # (a trip just named counts too for one who "went" or "followed": "Blinken's trip to
                # Beijing was postponed; he finally went in June")
                before = [t for t in s_triggers if t.type == "visit" and t.end <= trig.start and
                          (not t.nominal or _TRIP_JUST_TOLD_VERB.match(text, trig.start, trig.end))]
                if before:
                    targets = [t for t in self._targets(text, before[-1], trig.start, matches, sent, s_dates)
                               if t.country and not any(a <= t.start and t.end <= b for a, b in spans)]
                elif state.last_visit is not None and si - state.last_visit[0] <= 1:
                    # "Xi arrived in Kazan on Tuesday ... Modi also arrived on Tuesday": where the visit the
                    # sentence before told went
                    targets = [Target(trig.end, trig.end, country, place=place) for country, place in state.last_visit[1]]
            if not targets and _THERE_END.search(text, trig.start, trig.end):
                # "The deal was signed in Kabul. Kerry was there last weekend": the place named last,
                # in the sentence or the one before it
                named = [m for m in matches if m.kind in ("place", "country") and m.end <= trig.start]
                last = named[-1] if named else (state.last_place[1] if state.last_place is not None
                                                and si - state.last_place[0] == 1 else None)
                targets = [_target(last)] if last is not None else []
            if not targets and _CLAUSE_ENDS.match(text, trig.end, sent.end) and (
                    not trig.nominal or _INFINITIVE_BEFORE.search(text, max(0, trig.start - 16), trig.start)):
                # "Germany was the only EU country that Premier Li Keqiang chose to visit": the place a
                # relative clause with no object of its own is about
                first = min(r.start for r in actor_refs)
                about = _ABOUT_RELATIVE.search(text, sent.start, first)
                if about is not None:
                    named = [m for m in matches if m.kind in ("place", "country") and m.end <= about.start()
                             and _SPACES.fullmatch(text, m.end, about.start())]
                    targets = [_target(named[-1])] if named else []
                # "investments in Central Asian countries President Xi visited in September, including
                # Turkmenistan, Kazakhstan and Kyrgyzstan": the countries the relative clause lists after it
                listed = _LISTED_AFTER_RELATIVE.match(text, trig.end, sent.end)
                if not targets and listed is not None and _PLURAL_RELATIVE.search(text, sent.start, first):
                    targets = [_target(m) for m in matches if m.kind == "country" and listed.end() <= m.start
                               and _COUNTRY_LIST_GAP.fullmatch(text, listed.end(), m.start)]
                    targets = _listed_run(text, targets)
            if not targets and _HERE_AFTER.match(text, trig.end, window_end):
                # "BEIJING - Pakistan's president arrived here on Tuesday": where the report was filed
                here = self._dateline_place(text, sent.start)
                if here is not None:
                    targets = [Target(trig.end, trig.end, here.country, place=here.name)]
            if not targets and put_off is not None and \
                    self._status(text, sent, clause_start, trig, s_dates) in ("postponed", "cancelled"):
                targets = [Target(trig.end, trig.end, c, place=put_off[1]) for c in put_off[0]]
            if not targets:
                if (not trig.nominal or _INFINITIVE_BEFORE.search(text, max(0, trig.start - 16), trig.start)) and \
                        _VISIT_VERB.fullmatch(text, trig.start, trig.end):
                    # "Bold also visited State Councilor Yang Jiechi": to visit a person is to meet them
                    first = next((p for p in parties if p.start >= trig.end), None)
                    if first is not None and first.kind in ("person", "office", "person_short") and \
                            _TITLE_GAP.match(text[trig.end:first.start]) and first.start - trig.end < 40 and \
                            not _POSSESSIVE_NOUN.match(text, first.end):  # (not "visited Xi's hometown")
                        meeting = Trigger(trig.start, trig.end, "meeting", "right", False)
                        return self._events_for(doc, text, sent, si, meeting, s_triggers, parties, matches, s_dates,
                                                state, published)
                return []
        if trig.type in ("meeting", "call") and not counterpart_refs and (
                not any(r.kind == "pair" for r in actor_refs) or _SIGNED.match(text, trig.start)):
            return []  # (a signing needs the other side named: "the two sides signed 21 agreements" is no meeting)
        if trig.type == "meeting" and _SIGNED.match(text, trig.start) and _GATHERING_NOUN.search(sent.text):
            return []  # "the six leaders signed a treaty at their summit": the gathering, or the talks, tell it
        status = self._status(text, sent, clause_start, trig, s_dates)
        # Dates and hosts that stand after the next trigger are that trigger's ("held talks with X
        # and will attend the summit in Samarkand on Thursday").
        people = frozenset(n for n in (
            r.name or (state.last_actor.name if r.kind == "pronoun" and state.last_actor is not None else None)
            for r in (*actor_refs, *counterpart_refs)) if n)
        event_span = self._event_date(text, sent, trig, s_dates, state, status, published,
                                      (clause_start, window_end), people)
        if event_span is None and trig.nominal and status == "occurred" and published is not None and \
                _RECENT_BEFORE.search(text, max(sent.start, trig.start - 24), trig.start):
            # "during a recent visit to Beijing by John Kerry": before the report, within a month
            event_span = ((published.start - _RECENT_REACH, published.end), "year")  # (loose, as "recently")
        ongoing = _ongoing_on_weekday(text, trig, s_dates, clause_start, window_end)
        if status == "occurred" and published is not None and type(event_span) is tuple and (
                trig.nominal or ongoing or _present_on_weekday(text, trig, s_dates, clause_start, window_end)) \
                and not _PAST_CLAUSE_VERB.search(  # (from the break word that opens the clause: "followed")
                    text, _after_quote_said(text, max(sent.start, clause_start - 10), trig.start), trig.start):
            # A noun without a verb's tense ("a summit meeting between Modi and Obama on 30 September")
            # is on the day nearest the report: one still to come (within a season) is a plan (not
            # when a past verb of its clause gives the tense: "began a historic visit on Sunday").
            # So is a present tense's weekday: "Xi arrives in Islamabad on Monday", told on a Sunday,
            # is the next day, not six days before.
            ahead = self._event_date(text, sent, trig, s_dates, state, "planned", published,
                                     (clause_start, window_end), people)
            soon = (ahead[0][0] - published.end).days if type(ahead) is tuple and ahead != event_span else None
            if soon is not None and soon <= _NEAR_AHEAD_DAYS and soon < (published.start - event_span[0][1]).days:
                # (what is going on now goes on to that day: "is attending the summit, which ends on Friday")
                status, event_span = ("occurred" if ongoing else "planned"), ahead
        interval = event_span[0] if event_span else None
        if status == "planned" and interval and published is not None and interval[1] < published.start \
                and not isinstance(event_span, _FromContext) and \
                _AHEAD_OF_BEFORE.search(text, max(clause_start, trig.start - 80), trig.start):
            # "ahead of Premier Li's visit to India last year": a visit still to come when something else
            # happened, but past when the report was written
            status = "occurred"
        if status == "occurred" and interval and published is not None and interval[0] > published.end \
                and not ongoing and not isinstance(event_span, _FromContext) and \
                not _PAST_VERB.match(text, trig.start, trig.end) \
                and not any(_FOUR_DIGITS.search(d.text) for d in s_dates if clause_start <= d.start < window_end):
            # "Xi visits Pakistan next week": a day the text gives after the report's is still to come (not
            # a past verb's, nor a date with its year: the report's day may be wrong)
            status = "planned"
        elif status == "occurred" and not _PAST_VERB.match(text, trig.start, trig.end) and \
                _LATER_THIS.search(text, trig.end, window_end):
            status = "planned"  # "when Obama meets with Xi later this week", "a state visit later this month"
        when = interval[0] if interval else (published.start if published else None)
        if any(r.kind == "pair" for r in actor_refs):
            # "the two leaders agreed to meet again": the parties of the meeting or call just told
            pair_ref = next(r for r in actor_refs if r.kind == "pair")
            if trig.type not in ("meeting", "call") or trig.nominal or len(state.last_encounter) < 2 \
                    or trig.start - pair_ref.end > 25:
                return []  # only as the subject of a verb: "the two sides want the meeting" is no event
            named = text[pair_ref.start:pair_ref.end].lower()
            levels = next((lv for office, lv in self.pair_levels.items() if named.endswith(office)), None)
            if levels and any(p.level and p.level not in levels for p in state.last_encounter):
                return []  # "the two presidents" after a meeting with a foreign minister
            pair = [PartyRef(0, 0, "person", name=p.name, country=p.country, office=p.office, level=p.level)
                    for p in state.last_encounter]
            actor_refs, counterpart_refs = pair[:1], pair[1:] + [r for r in counterpart_refs if r.kind != "pair"]
            group = True
        anniversary = _ANNIVERSARY_OF.search(text, max(clause_start, trig.start - 80), trig.start) \
            if trig.nominal and "nniversar" in sent.text else None
        if anniversary is not None:
            # "This year marks the 10th anniversary of Xi's state visit to Kazakhstan": the visit is of
            # its own year, counted back from the one the anniversary falls in; not knowing how many
            # years, of no year the text gives (no event)
            years = _ordinal_number(anniversary.group(1) or "")
            year_now = next((int(y) for y in _A_YEAR.findall(text, sent.start, anniversary.start())),
                            published.start.year if published is not None else None)
            if not years or year_now is None:
                return []
            status, event_span = "occurred", ((date(year_now - years, 1, 1), date(year_now - years, 12, 31)), "year")
        out: list[Event] = []
        seen: set[str] = set()
        if trig.type in ("meeting", "call") and actor_refs and counterpart_refs and all(
                r.kind == "generic" and r.plural for r in actor_refs) and all(
                r.kind in ("generic", "counterpart") and r.plural for r in counterpart_refs):
            return []  # "Chinese officials were in contact with their US counterparts": no one in particular
        for ref in actor_refs:
            if ref.kind == "pronoun":
                # "During his visit to Islamabad, Chinese President Xi Jinping announced ...": a
                # pronoun in an opening phrase refers to the subject that follows it.
                ahead = _cataphora(text, sent, ref, parties)
                # "he" refers first to a person named earlier in the same sentence as a subject: not
                # an object ("met with Putin", "called on his counterpart Zardari"), nor the second of
                # a pair ("Putin and Modi"), but the subject of a clause joined by ", and" ("..., and
                # Wang Yi spent three days there").
                if state.objects_of[0] != sent.start:  # found once for all the sentence's pronouns
                    state.objects_of = (sent.start, _objects_of(text, s_triggers, parties))
                objects = state.objects_of[1]
                before = [p for p in parties if p.end <= ref.start and p.kind in ("person", "unknown")
                          and not _OBJECT_BEFORE.search(text, max(sent.start, p.start - 12), p.start)
                          and id(p) not in objects]
                lead = text[max(clause_start, ref.start - 30):ref.start]
                speaker = _SAID_BEFORE.search(text, max(clause_start, ref.start - 30), ref.start) \
                    if _SAYING_WORD.search(lead) else None
                if ahead is None and speaker is None and not before and \
                        self._unknown_clause_subject(text, sent.start, ref.start, matches):
                    # "Eliasson told reporters that Senior Advisor Robert Serry is in good shape after being
                    # threatened during his visit to Crimea": the pronoun is the clause's subject's, someone
                    # the knowledge base does not know, not the actor of a sentence before
                    continue
                if ahead is not None:
                    ref = ahead
                elif speaker is not None:
                    # "X said he will visit Israel": he is X, whoever X is; when X is no one the
                    # knowledge base knows ("the head of a mobile phone company"), no one known travels.
                    said_by = [p for p in parties if clause_start <= p.start and p.end <= speaker.start()
                               and p.kind in ("person", "unknown", "unnamed", "pronoun", "title")]
                    if not said_by:
                        continue
                    if said_by[-1].kind != "pronoun":
                        ref = said_by[-1]
                elif before:
                    ref = before[-1]
            actor = self._resolve(ref, when, state)
            if actor is None and ref.kind in ("pronoun", "generic"):
                # An unresolved "he" or "officials": the nearest named person before it in the clause.
                named = [p for p in parties if p.end <= ref.start and p.start >= clause_start
                         and p.kind in ("person", "unknown", "unnamed")]
                actor = self._resolve(named[-1], when, state) if named else None
            if actor is None or actor.key() in seen:
                continue
            if actor.country is None and (trig.type == "visit" or actor.level in (None, "other")) \
                    and not self._organisation_office(getattr(self.kb.office(actor.office or ""), "key", None)):
                # A name the knowledge base does not know, with no country: whether a trip takes them
                # abroad cannot be told, and without a state's office they act for no state (an
                # international organisation's official has no country, and every trip is abroad).
                continue
            seen.add(actor.key())
            out.extend(self._events_of_actor(doc, text, sent, trig, actor, counterpart_refs, targets, matches,
                                             clause_end, window_end, state, when, status, event_span, group))
        if trig.type == "visit" and not trig.nominal and out:
            out.extend(self._gapped_visits(doc, text, sent, out, targets, parties, s_dates, window_end, state,
                                           status, published, seen))
            out.extend(self._gapped_destinations(doc, text, sent, trig, out, matches, s_dates, window_end, status,
                                                 published))
        if trig.type == "meeting" and not trig.nominal and out:
            out.extend(self._gapped_meetings(doc, text, sent, trig, out, parties, s_dates, window_end, state,
                                             status, published))
        return out

    def _gapped_meetings(self, doc, text, sent, trig, told, parties, s_dates, window_end, state, status,
                         published) -> list[Event]:
        """"will meet State Councilor Yang Jiechi on Tuesday and Premier Li Keqiang on Wednesday": each
        counterpart after the first with a day of its own is a meeting of its own on that day (the verb
        left out)."""
        meeting = next((ev for ev in told if ev.type == "meeting" and len(ev.counterparts) == 1), None)
        if meeting is None:
            return []
        after = [p for p in parties if trig.end <= p.start < window_end]
        if not after:
            return []
        out: list[Event] = []
        cursor, met = after[0].end, {meeting.counterparts[0].key()}
        for i, p in enumerate(after):
            dated = next((d for d in s_dates if d.interval is not None and d.start >= p.end
                          and _GAPPED_DATE_LEAD.fullmatch(text, p.end, d.start)), None)
            if dated is None or not _GAPPED_END.match(text, dated.end):
                break  # "met Yang and Li on Tuesday": one list, read as such
            if i:
                if p.kind not in ("person", "office", "unknown") or not _GAPPED_AND.fullmatch(text, cursor, p.start):
                    break
                dated = self._in_tense(dated, status, published)
                other = self._resolve(p, dated.interval.start, state, counterpart=True)
                if other is None or other.key() in met or other.name == meeting.actor.name:
                    break
                met.add(other.key())
                span = ((dated.interval.start, dated.interval.end), dated.interval.precision)
                out.append(self._event(doc, sent, "meeting", status, meeting.actor, [other], meeting.countries,
                                       meeting.place, None, span))
            cursor = dated.end
        return out

    def _posted_to(self, actor: Party, when: date | None) -> frozenset:
        """The countries an envoy lives in on ``when`` by an office held there ("Ambassador to China"),
        whatever the text calls the envoy ("U.S. China envoy Max Baucus")."""
        if when is None or not actor.name:
            return frozenset()
        key = (actor.name, when)
        if key not in self._posts:  # (asked again for every event of the same people on the same day)
            if len(self._posts) > 50_000:
                self._posts.clear()
            person = self.kb.person(actor.name)
            self._posts[key] = frozenset(t.to_country for t in getattr(person, "terms", ()) or ()
                                         if t.to_country and t.covers(when))
        return self._posts[key]

    def _gapped_destinations(self, doc, text, sent, trig, told, matches, s_dates, window_end, status,
                             published) -> list[Event]:
        """"Modi visited China in May and the United States in September": each destination after the
        first with a date of its own is a visit of its own on that date (the verb left out)."""
        visit = next((ev for ev in told if ev.type == "visit" and len(ev.countries) == 1), None)
        if visit is None:
            return []
        out: list[Event] = []
        cursor, seen = None, {visit.countries[0], visit.actor.country}
        for i, m in enumerate(mm for mm in matches if mm.kind in ("country", "place")
                              and trig.end <= mm.start < window_end):
            dated = next((d for d in s_dates if d.interval is not None and d.start >= m.end
                          and _GAPPED_DATE_LEAD.fullmatch(text, m.end, d.start)), None)
            if dated is None or not _GAPPED_END.match(text, dated.end):
                break  # "visited China and Russia in May": one list, read as such
            if i:
                country = m.record.iso3 if m.kind == "country" else m.record.country
                if not _GAPPED_AND.fullmatch(text, cursor, m.start) and not \
                        _GAPPED_AND_THE.fullmatch(text, cursor, m.start) or country in seen:
                    break
                seen.add(country)
                dated = self._in_tense(dated, status, published)
                span = ((dated.interval.start, dated.interval.end), dated.interval.precision)
                out.append(self._event(doc, sent, "visit", status, visit.actor, [], [country],
                                       m.record.name if m.kind == "place" else None, None, span))
            cursor = dated.end
        return out

    def _gapped_visits(self, doc, text, sent, told, targets, parties, s_dates, window_end, state, status,
                       published, seen) -> list[Event]:
        """"Blinken travelled to Beijing in June and Yellen in July": another traveller to the same
        place, the verb and destination left out, with a date of its own."""
        out: list[Event] = []
        cursor = max(t.end for t in targets)
        for p in parties:
            if p.start < cursor or p.start >= window_end:
                continue
            if p.kind not in ("person", "unknown") or not _GAPPED_LEAD.fullmatch(text, cursor, p.start):
                break
            dated = next((d for d in s_dates if d.interval is not None and d.start >= p.end
                          and _GAPPED_DATE_LEAD.fullmatch(text, p.end, d.start)), None)
            if dated is None or not _GAPPED_END.match(text, dated.end):
                break  # "... and Yellen said": a new clause with a verb of its own
            dated = self._in_tense(dated, status, published)
            actor = self._resolve(p, dated.interval.start, state)
            if actor is None or actor.key() in seen:
                break
            seen.add(actor.key())
            span = ((dated.interval.start, dated.interval.end), dated.interval.precision)
            out.extend(self._event(doc, sent, "visit", status, actor, [], ev.countries, ev.place, None, span)
                       for ev in told if ev.type == "visit" and actor.country not in ev.countries)
            cursor = dated.end
        return out

    def _events_of_actor(self, doc, text, sent, trig, actor, counterpart_refs, targets, matches, clause_end,
                         window_end, state, when, status, event_span, group=False) -> list[Event]:
        place = next((t.place for t in targets if t.place), None)
        results: list[tuple[str, Party, list[Party], list[str], str | None, str | None]] = []
        if trig.type == "visit":
            dests = [t for t in targets if t.country or t.region]
            if dests and dests[0].anaphoric:
                dests = [t for t in dests if t.country != actor.country][:1]
            countries: list[str] = []
            posted = self._posted_to(actor, when)
            for t in dests:
                if t.region is None and t.country and t.country != actor.country and t.country not in countries \
                        and t.country not in posted:
                    # (an ambassador's trip inside the country of the posting is no visit abroad)
                    countries.append(t.country)
            for c in countries:
                c_place = next((t.place for t in dests if t.country == c and t.place), None)
                results.append(("visit", actor, [], [c], c_place, None))
            # A region is one visit somewhere in it ("tours to Latin America, the US and Europe": one
            # for Latin America, one for the US, one for Europe), never one visit per member country.
            for t in dests:
                if t.region is not None:
                    members = sorted(set(t.region.members) - {actor.country} - set(countries))
                    if members:
                        results.append(("visit", actor, [], members, t.region.name, None))
            if not results:
                return []
            # "flew to Brazil for the G20 summit in Rio": the trip's purpose is a gathering too.
            purpose = next((m for m in matches if m.kind == "forum" and dests[-1].end <= m.start < window_end
                            and _FOR_GATHERING.match(text[dests[-1].end:m.start])), None)
            if purpose is not None:
                ed = self._edition(purpose.record.key, when)
                # (the place said right after the gathering: "for the G20 summit in Rio", not one further on,
                # "... the pipeline, which would transit gas into Xinjiang")
                held_country, held_place = _place_after(text, purpose.end, min(window_end, purpose.end + _HELD_NEAR),
                                                        [m for m in matches if m.kind == "place"])
                host = held_country or (ed.country if ed else None) or dests[-1].country
                forum_place = held_place or (ed.city if ed else None)
                results.append(("multilateral", actor, [], [host] if host else [], forum_place, purpose.record))
                for other in _coordinated_forums(text, [(m.start, m.end, m.record) for m in matches
                                                        if m.kind == "forum"], purpose.record):
                    results.append(("multilateral", actor, [], [host] if host else [], forum_place, other))
        elif trig.type == "multilateral":
            if text.startswith(("host", "Host"), trig.start) and any(
                    m.kind in ("place", "country") and 0 <= trig.start - m.end <= 2 for m in matches):
                return []  # "when San Francisco hosts the APEC summit": a city hosts, no one attends
            forum, f_place, f_country, f_span = self._forum_target(targets, state, text, trig, window_end, when)
            if forum is not None and getattr(forum, "kind", None) == "organisation" and \
                    _JOIN.match(text, trig.start, trig.end) and \
                    not _GATHERING_NOUN.search(text, trig.end, min(window_end, trig.end + 40)):
                return []  # "to persuade Obama to join the EU": to become a member, not to attend
            if f_span is not None and (event_span is None or event_span[1] != "day"):
                event_span = _FromContext(f_span)  # "will attend the meeting": when that meeting was said to be
            the_gathering = forum is None and (_THE_GATHERING.match(text, trig.end, clause_end) or
                                               _VERB_OF_A_GATHERING_BEFORE.match(text, trig.start, trig.end))
            named = next((m for m in matches if m.kind == "forum" and m.start >= trig.end), None) \
                if the_gathering else None
            if the_gathering and named is None:
                # "Leaders of the BRICS countries, including Xi and Modi, attended the summit": the
                # gathering the sentence named before
                named = next((m for m in reversed(matches) if m.kind == "forum" and sent.start <= m.start
                              and m.end <= trig.start), None)
            if named is not None:
                # "Putin, who chaired the summit, and Xi attended the BRICS summit": the gathering the
                # sentence names after
                forum, f_place, f_country, _ = self._forum_target(
                    [Target(named.start, named.end, None, forum=named.record)], state, text, trig, window_end, when)
            if forum is None:
                # "attended the China-Russia-Mongolia trilateral meeting": a meeting of those countries'
                # holders of the actor's own office.
                others = self._compound_meeting(text, trig, window_end, matches, actor, when, state)
                if others:
                    return [self._event(doc, sent, "meeting", status, actor, others, [], None, None, event_span)]
                # "attended the fourth ministerial conference of the Istanbul Process in Beijing": a
                # gathering the knowledge base does not list, known by its form.
                forum, f_end = _gathering_by_form(text, trig.end, clause_end)
                topic = _TOPIC_GATHERING.match(text, trig.end, clause_end) if forum is None else None
                if topic is not None:
                    # a gathering named by its topic only when held in a city abroad ("a conference on
                    # poverty in Guizhou" is no diplomacy)
                    t_country, t_place = _place_after(text, topic.end(), clause_end, matches)
                    if t_place and t_country and t_country != actor.country:
                        forum, f_end = _FormForum(topic.group("name")), topic.end()
                if forum is None:
                    # "attended the ceremony in Moscow": a gathering with no name, but the actor was there
                    held = (_HELD_IN.match(text, trig.end, window_end) or _OCCASION_HELD_IN.match(text, trig.end, window_end)) \
                        if _ATTENDING.match(text, trig.start) else None
                    country, where = _place_after(text, held.start(), window_end, matches) if held else (None, None)
                    if country is None and _ATTENDING.match(text, trig.start):
                        # "attended India's Republic Day parade": an occasion of the country named
                        country = next((m.record.iso3 for m in matches if m.kind == "country"
                                        and _OCCASION_OF.fullmatch(text, trig.end, m.start)
                                        and text.startswith(("'s ", "’s "), m.end)), None)
                    if country and country != actor.country:
                        return [self._event(doc, sent, "visit", status, actor, [], [country], where, None,
                                            event_span)]
                    return []
                f_country, f_place = _place_after(text, f_end, clause_end, matches)
                place = None
            results.append(("multilateral", actor, [], [f_country] if f_country else [], f_place or place,
                            forum))
            # "the BRICS and SCO summits in Ufa": each gathering the list names, in the same place
            for other in _coordinated_forums(text, [(t.start, t.end, t.forum) for t in targets if t.forum], forum):
                edition = self._edition(other.key, when)
                o_country = f_country or (edition.country if edition else None)
                results.append(("multilateral", actor, [], [o_country] if o_country else [],
                                f_place or place or (edition.city if edition else None), other))
        else:
            counterparts = [self._counterpart(r, actor, when) if r.kind == "counterpart" else
                            self._resolve(r, when, state, counterpart=True) for r in counterpart_refs
                            # ("met Robin Li, the chairman and CEO of Baidu": a business's head holds no office)
                            if not (r.kind == "unknown" and _BUSINESS_TITLE.match(text, r.end, min(sent.end, r.end + 60)))]
            # ("a meeting between Obama and Castro during the US president's trip": Obama once)
            # ("Wang Yi says the Chinese side is willing": his own side is no one he meets)
            counterparts = [c for c in counterparts if c is not None and (c.name or c.country)
                            and not (c.name and c.name == actor.name)
                            and not (c.name is None and actor.country and c.country == actor.country)]
            if not counterparts:
                return []
            host, m_place = self._host(targets, matches, text, trig, window_end, state, when)
            if host is None:
                # "flew to Cairo, where he met Sisi": the place the relative clause hangs on
                where = self._place_of_where(text, sent, trig, matches)
                if where and where[0].country:
                    host, m_place = where[0].country, where[0].place
                elif _HERE_IN.search(text, trig.end, window_end):
                    # "BEIJING - Chang Wanquan met with Baek Seung-joo here on Thursday"
                    here = self._dateline_place(text, sent.start)
                    host, m_place = (here.country, here.name) if here is not None else (None, None)
            everyone = [actor, *counterparts]
            if len({p.country for p in everyone}) == 1 and everyone[0].country:
                return []  # officials of one country meeting each other: domestic
            kind = trig.type
            trilateral = _together(text, sent, self._lowered)
            if trilateral or group or len(counterparts) == 1:
                results.append((kind, actor, counterparts, [host] if host else [], m_place, None))
            else:
                for c in counterparts:
                    results.append((kind, actor, [c], [host] if host else [], m_place, None))
            if host and kind == "meeting" and \
                    self._host(targets, matches, text, trig, min(window_end, _HOST_NEAR_CHARS + max(
                        [trig.end, *(r.end for r in counterpart_refs)])), state, when)[0] == host:
                # "met Wang Yi in Beijing": who met a host in the host's country was there (a place said
                # right after the meeting's parties: not "meeting with Obama and what he thinks of the
                # airstrikes against ISIS in Syria"; not a meeting in a third country, which may be a
                # gathering's; not an ambassador, who lives there)
                hosted = any(p.country == host for p in everyone)
                for p in everyone if hosted else ():
                    if p.name and p.country and p.country != host and not _AMBASSADOR.search(p.office or ""):
                        results.append(("visit", p, [], [host], m_place, None))
            elif kind == "meeting" and "visiting" in sent.text:
                # "Australia's visiting foreign minister, Julie Bishop, made the request during a meeting
                # with the prime minister": the visitor is in the country of the side they meet
                for p in everyone:
                    others = {o.country for o in everyone if o is not p and o.country} - {p.country}
                    if p.name and p.country and len(others) == 1 and (not host or host in others) and \
                            not _AMBASSADOR.search(p.office or "") and _called_visiting(text, sent, p.name):
                        results.append(("visit", p, [], sorted(others), m_place, None))
        out = []
        for etype, a, cps, countries, where, forum in results:
            e_status, e_span = status, event_span
            if etype == "visit" and trig.nominal and event_span is None and status == "occurred" and a.name \
                    and not _OWN_TENSE_AFTER.match(text, trig.end, min(sent.end, trig.end + 40)):
                # "Xi visits Pakistan next week ... Xi's state visit to Pakistan is the first by a Chinese
                # leader in nine years": the trip the story has told, with its status and days
                told = state.visit_told.get((a.name, tuple(countries)))
                if told is not None and told[0] != "occurred":
                    e_status, e_span = told[0], _FromContext(told[1]) if told[1] else None
            if etype == "multilateral" and getattr(forum, "key", None) == "un" and when is not None and \
                    _SPEECH_WORDS.search(text, max(sent.start, trig.start - 20), min(sent.end, trig.end + 20)):
                # "Obama's address to the UN", in the weeks of a General Assembly's session: a speech
                # to the UN is made at its General Assembly
                edition = self._edition("unga", when)
                if edition is not None:
                    forum = self.kb.forum("unga")
                    countries, where = countries or [edition.country], where or edition.city
            if e_span is None and e_status == "occurred" and a.name and when is not None and \
                    _HAS_DONE.search(text, sent.start, trig.end):
                # "Xi has been a tireless diplomat, ... in tours to Latin America": some time in the
                # office the actor holds, up to the report
                term = self.kb.term_on(a.name, when)
                if term is not None and term.start < when:
                    e_span = ((term.start, when), "year")
            if etype == "multilateral" and e_span is None:
                e_span = self._edition_days(forum, when, e_status, countries)
            elif etype == "multilateral" and type(e_span) is tuple and e_span[0][0] == e_span[0][1]:
                e_span = self._from_opening_day(sent, forum, e_span) or e_span
            elif etype == "multilateral" and type(e_span) is tuple:
                # "at the SCO summit in Dushanbe earlier this month": the days of the edition held within
                # a loose span, where the sentence says it was held
                edition = self._edition(getattr(forum, "key", None), e_span[0][0])
                if edition is not None and e_span[0][0] <= edition.start and edition.end <= e_span[0][1] and \
                        (edition.end - edition.start) < (e_span[0][1] - e_span[0][0]) and \
                        (not countries or edition.country in countries):
                    e_span = ((edition.start, edition.end), "day")
            out.append(self._event(doc, sent, etype, e_status, a, cps, countries, where, forum, e_span))
        return out

    def _from_opening_day(self, sent: Sentence, forum, span):
        """A gathering's week dated by its first day ("the APEC leaders' week, which starts on Nov 11"):
        from that day to the end of the listed edition that begins within the week after it."""
        day = span[0][0]
        if not _OPENING_ON.search(sent.text):
            return None
        edition = self._edition(getattr(forum, "key", None), day)
        if edition is None or not timedelta(0) <= edition.start - day <= timedelta(days=7):
            return None
        return ((day, edition.end), "day")

    def _edition_days(self, forum, when: date | None, status: str, countries=()) -> _FromContext | None:
        """The days of the edition of a listed gathering held around the report's day, for an
        attendance the sentence does not date ("Obama attended the G20 summit in Antalya", told the day
        after it ended, is of its two days, not of the report's day; see ``_EDITION_DAYS_MAX``): an edition already begun for
        what took place, one not yet over for what is to come; held where the sentence says, if it does."""
        edition = self._edition(getattr(forum, "key", None), when)
        if edition is None or when is None or (edition.start > when if status == "occurred" else edition.end < when) \
                or countries and edition.country not in countries or edition.end - edition.start > _EDITION_DAYS_MAX:
            return None
        return _FromContext(((edition.start, edition.end), "day"))

    def _event(self, doc, sent, etype, status, actor, counterparts, countries, place, forum, span) -> Event:
        start = end = precision = dated_by = None
        if span is not None:
            (s, e), precision = span
            start, end = s.isoformat(), e.isoformat()
            dated_by = "context" if isinstance(span, _FromContext) else "text"
        mention = Mention(doc=doc.id, status=status, lang="en", text=sent.text, start=sent.start, end=sent.end)
        forum_name = forum.acronym or forum.name if forum is not None else None
        eid = mention_event_id(doc.id, sent.start, sent.end, etype, [actor, *counterparts], countries, forum_name)
        return Event(id=eid, type=etype, status=status, actor=actor, counterparts=counterparts,
                     countries=countries, place=place, forum=forum_name, start=start, end=end,
                     precision=precision, dated_by=dated_by, mentions=[mention])

    # ------------------------------------------------------------------ status
    def _sentence_cues(self, text: str, sent: Sentence, s_dates) -> dict:
        """The status cues of a sentence, found once for all its triggers: none inside a date ("May 5")
        and none denied ("postponed rather than cancelled")."""
        key = sent.start  # reset for every document by extract()
        if self._cues_key != key:
            self._cues_key = key
            self._cues = {}
            for status, rx in self.status_rx.items():
                self._cues[status] = [
                    m for m in self._cue_matches(text, sent, status, rx)
                    if not any(d.start <= m.start() < d.end for d in s_dates)
                    and not _DENIED.search(text, max(sent.start, m.start() - 14), m.start())]
        return self._cues

    def _note_status_words(self, words: list[tuple[int, str]]) -> None:
        """The document's candidate words that each status's cues may start at, kept apart per
        status: each sentence's scan for a status then walks only its own few words."""
        self._status_words = {status: [] for status in (*self.status_first_words, *self.window_first_words)}
        for item in words:  # one pass: most words start no cue at all
            for status in self._statuses_of.get(item[1], ()):
                self._status_words[status].append(item)

    def _found_in(self, kind: str, rx: re.Pattern, text: str, lo: int, hi: int) -> bool:
        """Whether ``rx`` (the negations or the non-events) matches in ``text[lo:hi]``, as
        ``rx.search(text, lo, hi)`` would tell, tried at the document's words it can start with."""
        found = _finditer_at_words(rx, text, self._status_words[kind], self.window_first_words[kind], lo, hi)
        if next(found, None) is not None:
            return True
        if hi < len(text) and (text[hi].isalnum() or text[hi] in "-_'’"):
            # The window ends inside a word ("... not|ed"): what stands of it may match as a word of
            # its own, as the search (which ends there too) finds it, though it is none of the
            # document's words. That last piece is searched as it stands.
            cut = hi
            while cut > lo and (text[cut - 1].isalnum() or text[cut - 1] in "-_'’"):
                cut -= 1
            return rx.search(text, cut, hi) is not None
        return False

    def _cue_matches(self, text: str, sent: Sentence, status: str, rx: re.Pattern):
        """The matches of a status's cues in the sentence, tried at candidate words only (in full
        when the sentence holds a cue that starts with no word)."""
        first = self.status_first_words[status]
        if first is not None and self.status_wordless.get(status):
            lowered = sent.text.lower()
            if any(cue in lowered for cue in self.status_wordless[status]):
                first = None
        return _finditer_at_words(rx, text, self._status_words[status], first, sent.start, sent.end)

    def _status(self, text: str, sent: Sentence, clause_start: int, trig: Trigger, s_dates) -> str:
        status = self._status_told(text, sent, clause_start, trig, s_dates)
        if status == "occurred" and trig.nominal and not s_dates and \
                _SHORTLY_BEFORE.search(text, max(clause_start, trig.start - 50), trig.start):
            # "Xi's travel to Islamabad, coming three weeks before Modi's visit to China": what the story
            # tells now comes first, so the visit is still to come (a date in the sentence says otherwise:
            # "In September, shortly before Xi's state visit, ...")
            return "planned"
        if status == "planned" and _QUESTION_END.search(text, sent.start, sent.end):
            # "would it be appropriate for Prime Minister Abe to go to North Korea?": a question about a
            # trip to come asks whether there will be one; it announces no plan
            return "speculated"
        return status

    def _status_told(self, text: str, sent: Sentence, clause_start: int, trig: Trigger, s_dates) -> str:
        cues = self._sentence_cues(text, sent, s_dates)

        def cue(status: str, a: int, b: int):
            """The last cue of ``status`` in text[a:b]."""
            found = None
            for m in cues[status]:
                if m.start() >= b:
                    break
                if m.start() >= a:
                    found = m
            return found

        before = (_after_quote_said(text, max(clause_start, trig.start - 80), trig.start), trig.start)
        adverbs = _LEADING_ADVERBS.match(text, sent.start, trig.start)
        if adverbs is not None and _OPENING_POSSESSIVE.match(text, sent.start, sent.end) or \
                adverbs is not None and _OPENING_PHRASE.match(text, sent.start, trig.start):
            before = (max(before[0], adverbs.end()), before[1])
        after = (trig.end, trig.end)
        if trig.nominal:
            stop = _NOUN_PHRASE_STOP.search(text[trig.end:min(sent.end, trig.end + 60)])
            after = (trig.end, trig.end + (stop.start() if stop else 60))
        # After a verb, a cue belongs to the verb's own phrase ("visited Delhi last year, after postponing
        # his visit to Islamabad" is no postponed visit to Delhi).
        if cues["cancelled"] or cues["postponed"]:
            stop = _AFTER_VERB_STOP.search(text, trig.end, min(sent.end, trig.end + 40))
            after_verb = (trig.end, stop.start() if stop else trig.end + 40)
            for status in ("cancelled", "postponed"):
                if cue(status, max(clause_start, trig.start - 40), trig.start) or \
                        cue(status, *(after if trig.nominal else after_verb)):
                    return status
        if _unfulfilled_before(text, max(clause_start, trig.start - 40), trig.start):
            return "cancelled"  # "was to have travelled to Pakistan too": the plan did not come about
        if _PLAN_BEFORE.search(text, max(clause_start, trig.start - 30), trig.start):
            # "was to visit Pakistan last year during his South Asia trip ... but postponed it": the plan's
            # fate told after the whole object
            put_off = _BUT_PUT_OFF.search(text, trig.end, sent.end)
            if put_off is not None:
                return "cancelled" if put_off.group(1).lower().startswith(("canc", "call", "scra", "drop")) \
                    else "postponed"
        if _CONDITIONAL.match(text, sent.start, sent.end):
            return "speculated"
        spec = cue("speculated", *before)
        plan = cue("planned", *before) or _PLANNED_TRIGGER.match(text, trig.start, trig.end)
        during = _DURING_BEFORE.search(text, max(clause_start, trig.start - 60), trig.start) \
            if trig.nominal and plan is not None else None
        if during is not None and plan is not None and plan.start() < during.start() and \
                not _FUTURE_CUE.fullmatch(plan.group(0)):
            # "agreed to build the corridor during Li Keqiang's visit": what was agreed is a plan, not the
            # visit it was agreed during; only a future ("will sign during the visit") makes it one.
            plan = None
        if trig.nominal:
            attached = _NOMINAL_STATUS.match(text, after[0], after[1])
            aside = None if attached else _ASIDE.match(text, trig.end, min(sent.end, trig.end + 160))
            if aside:  # "Xi's trip, originally scheduled for last year, was postponed"
                attached = _NOMINAL_STATUS.match(text, aside.end(), min(sent.end, aside.end() + 60))
            if attached:
                word = next(g for g in attached.groups() if g).lower()
                if word in ("likely", "possible"):
                    return "speculated"
                if word in ("postponed", "delayed", "put off"):
                    return "postponed"
                if word in ("cancelled", "canceled", "called off", "scrapped"):
                    return "cancelled"
                plan = plan or attached
        elif not (spec or plan) and "announc" in self._lowered[sent.start:trig.start] and \
                _ANNOUNCED_THAT.search(text, sent.start, trig.start) and \
                not _HAVE_BEFORE.search(text[max(sent.start, trig.start - 20):trig.start]):
            # "announced on September 4 that X visited Russia": announcements of visits announce plans.
            return "planned"
        cue_at = max((m.start() for m in (spec, plan) if m is not None), default=None)
        if cue_at is not None and _SUBORDINATE.search(text, cue_at, trig.start) and \
                _SUBORDINATE_END.search(text, cue_at, trig.start):
            # "the corridor is likely to come up when Xi visits Pakistan on Monday": the main clause's
            # mood is not the visit's; a present tense there is a visit still to come, a past one
            # ("when Xi visited") one that happened
            return "occurred" if _PAST_VERB.match(text, trig.start, trig.end) else "planned"
        if not spec and _is_headline(sent) and \
                _HEADLINE_TO.search(text, max(sent.start, trig.start - 40), trig.start):
            return "planned"  # "Chinese president to visit Pakistan": a headline's infinitive is a plan
        if spec and (not plan or spec.start() >= plan.start() or spec.group(0).lower() in ("possible", "likely")):
            return "speculated"
        if plan:
            return "planned"
        if _TELEGRAPHIC_TO.fullmatch(text, sent.start, trig.start):
            # "PARIS - UN Secretary General Ban Ki-moon and French Foreign Minister Laurent Fabius to hold
            # joint press conference": names, then an infinitive with no verb before it (a headline's or an
            # agenda's style), is a plan
            return "planned"
        return "occurred"

    # ------------------------------------------------------------------ dates
    def _event_date(self, text, sent, trig, s_dates, state, status, published, clause=None,
                    people: frozenset = frozenset()):
        """((start, end), precision) of the event, from its sentence or the narrative."""
        if clause is not None:
            # Only the dates of the trigger's own clause ("...; he last went in 2018").
            s_dates = [d for d in s_dates if clause[0] <= d.start < clause[1]]
        usable = []
        reported = None
        # "Kerry said on Tuesday in Lima": the day of the saying is the day the speaker was there
        speaking = trig.type == "visit" and _SPEAKING_IN.match(text, trig.start) is not None
        for span in s_dates:
            if span.interval is None:
                continue
            head = text[max(sent.start, span.start - 25):span.start]
            if _DATELINE.match(text[sent.start:span.start]):
                continue  # "RIO DE JANEIRO, Nov 19 (Reuters) -": the day of the report
            if _OTHER_TIME_BEFORE.search(head):
                continue  # "his first trip since April 2017": another time, not this event's
            if span.start > trig.end and _SINCE_PHRASE_BEFORE.search(text, max(trig.end, span.start - 60), span.start):
                continue  # "his first visit to the US since assuming the presidency in 2013": that phrase's time
            if span.start > trig.end and _PARTICIPLE_TIME_BEFORE.search(head):
                continue  # "the case of Ilham Tohti, given a life sentence last September": that sentence's time
            if span.start > trig.end and _RELATIVE_CLAUSE_BEFORE.search(text, max(trig.end, span.start - 100), span.start):
                continue  # "went to Saudi Arabia as ... forces loyal to Saleh, who was deposed in 2011": his time
            if published is not None and span.interval.end == published.end and \
                    (span.interval.end - span.interval.start).days > _LONGEST_TRAILING_DAYS and \
                    not _PERFECT_BEFORE.search(text, max(sent.start, trig.start - 30), trig.start):
                # "travels to Pakistan with aid on a scale never offered in the past decade": a stretch
                # of years up to the report tells of a relationship, not when the trip is; only a
                # perfect ("has visited Pakistan twice in the past two years") puts the event in it
                continue
            if not speaking and self.reporting_rx.search(head) and _ON_IN_AT_BEFORE.search(head) or \
                    _SAME_DAY.search(text[span.start:span.end]) or \
                    span.end <= trig.start and _THAT.search(text[span.end:trig.start]) and \
                    self.reporting_rx.search(text, sent.start, span.start):  # (the short test first)
                # "said in an interview last month that ...": the date of the saying
                reported = reported or span  # "said on June 6": the date of the report
                continue
            usable.append(span)
        usable = _in_the_year_given(text, usable)
        if not usable and reported is not None and status in ("planned", "speculated"):
            # Announced on a day for later: the event falls in the weeks after the announcement.
            s0 = reported.interval.start
            return (s0, reported.interval.end + timedelta(days=60)), "month"
        durations = [d for d in s_dates if d.kind == "duration" and d.days]
        found = None
        if usable:
            nearest = min(usable, key=lambda d: (_distance(d, trig), d.start))
            # "agreed to go to China for the September 3rd parade" (told after it): a plan of the past is
            # dated as written, not in the future of the report
            past_plan = status == "planned" and _PAST_PLAN_BEFORE.search(text, max(sent.start, trig.start - 40),
                                                                         trig.start)
            best = nearest if past_plan else self._in_tense(nearest, status, published)
            found = (best.interval.start, best.interval.end), best.interval.precision
        else:
            # The narrative's date carries to the next events it tells; a passing reference ("Blinken's
            # visit to China shows ...") or a headline takes the date of the document's main story.
            carried = state.anchor_date if trig.nominal or _is_headline(sent) else state.last_date
            carried_people = state.last_date_people if carried is state.last_date else state.anchor_people
            if people and carried_people and not people & carried_people:
                carried = None  # "Altankhuyag went in October 2013. ... Bold returned to Beijing": not his date
            if trig.type == "visit" and people & (state.last_date_home if carried is state.last_date
                                                  else state.anchor_home):
                # "Xi welcomed Hadi to Beijing in November 2013. ... The first stop on Xi's tour, Saudi
                # Arabia, ...": a day he spent at home is no day of his trip abroad
                carried = None
            if carried is not None:
                (s, e), precision = carried
                # (a date of the narrative's tense only: what happened is not after the report, what is
                # still to come not before it, as the dating stage carries dates)
                if not (status == "occurred" and published is not None and s > published.end) and \
                        not (status in ("planned", "speculated") and published is not None and e < published.start):
                    found = _FromContext(((s, e), precision))
        if found is None:
            return None  # summitry.dating dates it from the report
        (s, e), precision = found
        marked = _FromContext if isinstance(found, _FromContext) else tuple
        if durations and precision == "day" and s == e:
            if _ENDING.search(text, max(sent.start, trig.start - 50), trig.start):
                # "wrapped up a four-day visit on Sunday": the day given is the last
                return marked(((s - timedelta(days=durations[0].days - 1), s), "day"))
            # "a two-day visit" from its first day
            return marked(((s, s + timedelta(days=durations[0].days - 1)), "day"))
        return found

    def _in_tense(self, span, status: str, published):
        """A date without its year or week ("on Monday", "in early February") read again in the
        event's tense: a plan's Monday is the next one, a past visit's the last one."""
        # A postponed or cancelled trip was put off from a day still to come ("due to begin on Sunday").
        tense = {"planned": "future", "speculated": "future", "occurred": "past", "postponed": "future",
                 "cancelled": "future"}.get(status)
        if tense is None or published is None or _FOUR_DIGITS.search(span.text):
            return span
        if status in ("postponed", "cancelled") and span.kind != "weekday":
            return span  # "on February 1, ... postponed": the day it was put off, as written
        iv = span.interval
        if tense == "future" and iv.start >= published.start or tense == "past" and iv.end <= published.end:
            return span  # already on the side of the publication day the tense wants
        key = (span.text, tense, published)
        if key not in self._reread:
            if len(self._reread) > 50_000:
                self._reread.clear()
            # ("May" and "March" alone are not read as months: read them as the text had them, "in May")
            again = find_dates(span.text, "en", published, tense) or find_dates(f"in {span.text}", "en", published, tense)
            self._reread[key] = again[0] if len(again) == 1 and again[0].interval is not None else None
        return self._reread[key] or span

    # ------------------------------------------------------------------ who
    def _participants(self, text, sent, si, trig, parties, clause_start, window_end, state, s_triggers=()):
        left = [p for p in parties if p.end <= trig.start and p.start >= clause_start]
        if left and ", " in text[clause_start:trig.start]:
            # "General Joseph Dunford, famous for appearing before President Hamid Karzai in uniform, ...
            # returned to the United States": who stands in an aside is not the subject
            asides = [m.span() for m in _SUBJECT_ASIDE.finditer(text, clause_start, trig.start)]
            if asides:
                left = [p for p in left if not any(a <= p.start < b for a, b in asides)]
        # "X met Y before returning ...", "X went to the US to attend ...": a verb joined to an earlier
        # trigger shares its subject, so the earlier trigger's object is not this one's actor.
        earlier = [t for t in s_triggers if t.end <= trig.start and t.start >= clause_start and not t.nominal
                   and not _is_placing(t)]
        if earlier and _SHARED_SUBJECT.search(text, max(clause_start, trig.start - 12), trig.start) and not (
                left and _NEW_SUBJECT_GAP.fullmatch(text, left[-1].end, trig.start)
                and _AND_BEFORE.search(text, max(clause_start, left[-1].start - 6), left[-1].start)):
            # (not when a subject of its own stands right before it: "Modi visited China in May and Home
            # Minister Rajnath Singh also visited in November")
            left = [p for p in left if p.end <= earlier[0].start]
            verb = earlier[0]
        else:
            verb = trig
        right = [p for p in parties if p.start >= trig.end and p.start < window_end]
        actors: list[PartyRef] = []
        counterparts: list[PartyRef] = []
        # "a visit to China by Janet Yellen", "the attendance of Chinese officials"
        by = None
        for p in right:
            gap = text[trig.end:p.start]
            # (not a possessive far on: "on a visit to Beijing, expressed concern ..., to the annoyance of
            # his hosts" - "his" is no visitor)
            if trig.nominal and len(gap) <= _BY_GAP_CHARS and _BY_OF_BEFORE.search(gap) and \
                    not (p.kind == "pronoun" and text.startswith(("his", "His"), p.start)):
                by = p
                break
        # Subjects coordinated before a trigger with no target of its own: "Xi and Biden met".
        subjects = _coordinated(text, left, headline=si == 0 and _is_headline(sent))
        if trig.type == "visit" and not verb.nominal and left and _SAID_SUBJECT_BEFORE.search(
                text[left[-1].end:verb.start]):
            # "He said the suspects travelled to Laos", "... saying the attackers travelled to Yunnan to cross
            # the border into Laos": the suspects went, not he
            subjects = []
        if trig.type == "visit" and _TOOK_HIM.match(text, trig.start, trig.end):
            # "Li discussed it with Humala during a trip that took him to Brazil": him is the subject
            first = next((p for p in left if p.kind in ("person", "unknown", "unnamed")), None)
            subjects = [first] if first is not None else []
        if trig.target == "by":
            # (the party right after "by": "attended by Xi and Obama")
            by = right[0] if right and _SPACES.fullmatch(text, trig.end, right[0].start) else None
            subjects = []
        if by is not None:
            idx = right.index(by)
            group = _coordinated_forward(text, right[idx:])
            if trig.type in ("meeting", "call"):
                actors, counterparts = group[:1], group[1:]
            else:
                actors = group
        elif subjects:
            if trig.type in ("meeting", "call"):
                actors, counterparts = subjects[:1], subjects[1:]
            else:
                actors = subjects
        if trig.type in ("meeting", "call") and trig.target == "right":
            listed = _coordinated_forward(text, [p for p in right if p is not by], unnamed_groups=True)
            if re.search(r"between\s*$", text[trig.start:trig.end], re.IGNORECASE) and listed and not counterparts:
                # "talks between A and B": both sides stand after the trigger.
                actors, listed = listed[:1], listed[1:]
            counterparts = counterparts + [p for p in listed if p not in counterparts]
        # "with Russian President Putin hold meeting" (translated word order): the counterpart stands
        # after "with" before a trigger that has no target of its own.
        if trig.type in ("meeting", "call") and trig.target == "none" and not counterparts:
            withs = [p for p in left if _WITH_BEFORE.search(text[max(clause_start, p.start - 8):p.start])]
            if withs:
                counterparts = withs[-1:]
                actors = [p for p in actors if p is not withs[-1]] or \
                    _coordinated(text, [p for p in left if p.end <= withs[-1].start])
        # "held a video call with Joe Biden", "a phone call from Zelensky": no target of its own, then "with".
        if trig.type in ("meeting", "call") and trig.target == "none" and _WITH_AFTER.match(text, trig.end):
            counterparts += [p for p in _coordinated_forward(text, right) if p not in counterparts]
        # "Wang Yi told his Russian counterpart Sergei Lavrov in a phone call": a verb's subject and
        # object before a call that has no target of its own.
        if trig.type == "call" and trig.target == "none" and not counterparts and actors:
            named = [p for p in left if p.kind in ("person", "unknown", "unnamed", "counterpart")]
            if len(named) >= 2 and named[-1] is actors[-1] and len(subjects) == 1:
                actors, counterparts = named[:1], named[1:]
        # "In a phone call on Tuesday, Obama told Xi that ...": a call opening the sentence, then a verb of
        # telling whose subject and object are its parties
        if trig.type == "call" and trig.target == "none" and not actors and not counterparts and \
                _OPENING_PHRASE.match(text, sent.start, trig.start) is not None:
            told = _TOLD_AFTER.search(text, trig.end, min(window_end, trig.end + 160))
            if told is not None:
                before = [p for p in right if p.end <= told.start() and p.kind in ("person", "unknown", "unnamed")]
                after = [p for p in right if p.start >= told.end() and
                         p.kind in ("person", "unknown", "unnamed", "counterpart")]
                if before and after and _TITLE_GAP.match(text[told.end():after[0].start]):
                    actors, counterparts = before[-1:], after[:1]
        # "spoke with Blinken on the phone": the counterpart stands inside the trigger.
        inside = [p for p in parties if trig.start < p.start and p.end <= trig.end and p.kind != "pronoun"]
        if trig.type in ("meeting", "call"):
            counterparts += [p for p in inside if p not in counterparts]
        elif not actors and trig.nominal and inside:
            actors = inside[:1]  # "the attendance of Chinese officials at the summit"
        if not actors and trig.type == "visit" and _CONTRACTED_BEING.match(text, trig.start):
            # "today he's in Cairo": the pronoun the trigger opens with is its subject
            actors = [p for p in parties if p.start == trig.start and p.kind == "pronoun"]
        if not actors:
            # "During a visit to Dushanbe for the SCO summit, Chinese President Xi Jinping inaugurated
            # ...": a noun in the sentence's opening phrase is the subject's
            # ("Speaking in Lima, Kerry said", "At a news conference in Cairo, Kerry said": a visit's
            # phrase opening the sentence is the subject's too)
            # ("Meeting Xi in the Great Hall, Mamnoon Hussain said": a meeting's participle opening it too)
            if _OPENING_PHRASE.match(text, sent.start, trig.start) or \
                    _OPENING_TRIGGER.fullmatch(text, sent.start, trig.start) and (
                        trig.type == "visit" or _PARTICIPLE_ING.match(text, trig.start, trig.end)):
                # ("During a meeting with Putin, Xi said": the subject after the comma, not the object)
                ahead = next((p for p in parties if p.start >= trig.end and p.kind in ("person", "unknown", "unnamed")
                              and _SUBJECT_AFTER_OPENING.search(text, trig.end, p.start)), None)
                if ahead is not None:
                    if trig.type in ("meeting", "call") and not counterparts:
                        # ("Meeting Xi in the Great Hall, Mamnoon said": whom the participle names)
                        counterparts = _coordinated_forward(text, [p for p in parties if trig.end <= p.start
                                                                   and p.end <= ahead.start and p.kind != "pronoun"])
                    return [ahead], [c for c in counterparts if c is not ahead], False
            # ("Talks are expected with Li": the other side, for a subject the story may give)
            return [], counterparts if trig.nominal and trig.type == "meeting" else [], False
        # "A and B met with C and D": one meeting of both sides, not bilaterals.
        group = len(subjects) > 1
        return actors, [c for c in counterparts if c not in actors], group

    def _counterpart(self, ref: PartyRef, actor: Party, when: date | None) -> Party:
        """"His Japanese counterpart": the holder in Japan of the actor's office, when the knowledge base
        knows one; else Japan's party at the actor's level."""
        # the actor's office as the knowledge base records it on the day ("Secretary Kerry": Secretary of
        # State), else as the text titles it
        person = self.kb.person(actor.name) if actor.name else None
        term = self._term_on(person, when) if person is not None and when is not None else None
        office = self.kb.offices.get(term.office) if term is not None else \
            (self.kb.office(actor.office) if actor.office else None)
        key = office.key if office is not None else {"head_of_state": "head_of_state",
                                                      "head_of_government": "head_of_government",
                                                      "foreign_minister": "foreign_minister"}.get(actor.level or "")
        if key in SINGLE_HOLDER and when is not None and ref.country:
            holder = self._holder(ref.country, key, when)
            if holder is not None:
                term = self._term_on(holder, when)
                return Party(name=holder.name, country=ref.country, office=term.title if term else None,
                             level=term.level if term else actor.level)
        return Party(name=None, country=ref.country, office=None, level=actor.level)

    def _holder(self, country: str, office_key: str, when: date):
        key = (country, office_key, when)
        if key not in self._holders:
            if len(self._holders) > 50_000:
                self._holders.clear()
            self._holders[key] = self.kb.resolve_office(country, office_key, when)
        return self._holders[key]

    def _term_on(self, person, when: date | None):
        """``kb.term_on(person, when)``, kept per person and day: the parties of every sentence ask
        it again for the same people on the document's day."""
        key = (id(person), when)
        kept = self._terms.get(key)
        if kept is None or kept[0] is not person:
            if len(self._terms) > 50_000:
                self._terms.clear()
            kept = self._terms[key] = (person, self.kb.term_on(person, when))
        return kept[1]

    def _country_on(self, person, when: date | None) -> str | None:
        """``kb.country_on(person, when)`` through the kept terms."""
        term = self._term_on(person, when) if when is not None else None
        return term.country if term is not None else person.country

    def _resolve(self, ref: PartyRef, when: date | None, state: DocState, counterpart: bool = False) -> Party | None:
        """A Party for a reference: people as they are, offices by their holder, pronouns by antecedent."""
        if ref.kind == "pronoun":
            ante = state.last_actor
            return self._resolve(ante, when, state) if ante is not None and ante.kind != "pronoun" else None
        if ref.kind == "title":
            named = state.titled.get(ref.office.lower()) if ref.office else None
            return self._resolve(named, when, state) if named is not None else None
        if ref.kind == "generic":
            salient = state.salient.get(ref.country)
            if salient is not None:
                return self._resolve(salient, when, state)
            if counterpart and ref.country:
                # "held talks with a Japanese delegation": the other side is the country's
                return Party(name=None, country=ref.country, office=None, level=None)
            return None
        if ref.kind == "unnamed":
            holder = None
            named = state.titled.get(ref.office.lower()) if ref.office else None
            if named is not None and named.name and named.country == ref.country and \
                    state.sentence - state.titled_in.get(ref.office.lower(), -9) <= 1:
                # "Chinese President Yang Shangkun visited Pakistan in 1991. ... Sharif received the
                # Chinese President": the holder the story named with that title just before
                return self._resolve(named, when, state)
            if ref.office_key in SINGLE_HOLDER and ref.country and when is not None:
                holder = self._holder(ref.country, ref.office_key, when)
            elif ref.country is None and when is not None and self._organisation_office(ref.office_key):
                holder = self._holder(None, ref.office_key, when)
            if holder is None and ref.country in state.salient and ref.office_key == "head_of_state":
                sal = state.salient[ref.country]
                if sal.level == "head_of_state":
                    return sal.party()
            if holder is not None:
                term = self._term_on(holder, when)
                return Party(name=holder.name, country=ref.country, office=ref.office or (term.title if term else None),
                             level=ref.level or (term.level if term else None))
            return Party(name=None, country=ref.country, office=ref.office, level=ref.level)
        if ref.kind == "person" and ref.person is not None and (ref.office is None or ref.level is None):
            term = self._term_on(ref.person, when) if when is not None else None
            if term is not None:
                return Party(name=ref.name, country=ref.country or term.country, office=ref.office or term.title,
                             level=ref.level or term.level)
            if ref.office is None and when is not None and _far_from_every_term(ref.person, when):
                # "Abdul Sattar flew into Istanbul on Aug. 30" (2015): a bare name of someone whose every
                # office the knowledge base knows ended years before is a namesake, or no state's actor
                return None
        return ref.party()

    # ------------------------------------------------------------------ where
    def _targets(self, text, trig, window_end, matches, sent, s_dates=()) -> list[Target]:
        """Countries, places, regions and forums that follow the trigger as one list."""
        if trig.target == "by" and trig.type == "visit":
            # "Xinjiang, visited this week by British finance minister George Osborne": the place named
            # right before the passive
            before = [m for m in matches if m.kind in ("country", "place") and sent.start <= m.start
                      and m.end <= trig.start and _PASSIVE_PLACE_GAP.fullmatch(text, m.end, trig.start)]
            return [_target(before[-1])] if before else []
        if trig.target == "by":
            # "The G20 summit in Brisbane was attended by Xi and Obama": the gathering named last
            # before the passive, with the places between them
            forums = [m for m in matches if m.kind == "forum" and sent.start <= m.start and m.end <= trig.start]
            if not forums:
                return []
            return [Target(forums[-1].start, forums[-1].end, None, forum=forums[-1].record)] + [
                _target(m) for m in matches if m.kind in ("country", "place")
                and forums[-1].end <= m.start and m.end <= trig.start]
        if trig.target == "left":
            before = [m for m in matches if m.kind in ("country", "place") and sent.start <= m.end <= trig.start
                      and _SPACES.fullmatch(text[m.end:trig.start])
                      and _TO_BEFORE.search(text[max(sent.start, m.start - 8):m.start])]
            if before:
                return [_target(before[-1])]
            # "made an official visit January 16-21 to the PRC": with nothing on its left, a date may
            # stand between the phrase and its "to"
            after = next((m for m in matches if m.kind in ("country", "place") and trig.end < m.start < window_end),
                         None)
            if after is None:
                return []
            gap = text[trig.end:after.start]
            for d in s_dates:
                if trig.end <= d.start and d.end <= after.start:
                    gap = gap.replace(d.text, " ")
            return [_target(after)] if _DATED_THEN_TO.fullmatch(gap) else []
        items = [m for m in matches if m.kind in ("country", "place", "region", "forum")
                 and trig.end <= m.start < window_end]
        out: list[Target] = []
        cursor = trig.end
        for m in items:
            gap = text[cursor:m.start]
            if not out:
                for d in s_dates:
                    if cursor <= d.start and d.end <= m.start:
                        gap = gap.replace(d.text, " ")
                if not _FIRST_TARGET_GAP.match(gap) and not (trig.nominal and _BY_THEN_TO.match(gap)) and \
                        not (trig.type == "visit" and _VENUE_THEN_IN.fullmatch(gap)) and \
                        not (not trig.nominal and m.kind in ("place", "country") and
                             _TOURED.match(text, trig.start, trig.end) and _THINGS_THEN_IN.fullmatch(gap)) and \
                        not (trig.type == "multilateral" and m.kind in ("forum", "place") and
                             _topic_gathering_before(gap)):
                    break  # ("a visit by Chinese President Xi Jinping to Islamabad": the visitor, then where)
            if out and _NEW_CLAUSE_GAP.search(gap):
                break  # "passed through France, and after Germany he will visit Brussels": a new clause
            if out and not _LIST_GAP.match(gap) and not _CONNECTOR.match(gap):
                # The list has ended; a later place still says where ("met in Vienna, Austria").
                if m.kind in ("place", "country") and _IN_AT_BEFORE.search(gap) and not self.reporting_rx.search(gap):
                    pass  # (not across someone's saying: "the visit ended, analysts said it was viewed in Washington")
                else:
                    break
            if m.kind == "country" and _BEING_IN.match(text, trig.start) and _POSSESSIVE_NOUN.match(text, m.end):
                break  # "it is in China's interest": no one is in China
            if m.kind in ("country", "place") and _COMPOUND_AFTER.match(text, m.end):
                break  # "the Turkey-backed army", "a Beijing-bound flight": a modifier, not a destination
            if m.kind == "country":
                # "Vietnam's Ha Giang province": the country owns the place that follows.
                out.append(Target(m.start, m.end, m.record.iso3))
            elif m.kind == "place":
                if out and out[-1].place is None and out[-1].country == m.record.country and \
                        _PLACE_OF_COUNTRY_GAP.match(text[out[-1].end:m.start]):
                    out[-1].place = m.record.name
                    out[-1].end = m.end
                else:
                    out.append(Target(m.start, m.end, m.record.country, place=m.record.name))
            elif m.kind == "region":
                out.append(Target(m.start, m.end, None, region=m.record))
            elif m.kind == "forum":
                out.append(Target(m.start, m.end, None, forum=m.record))
            cursor = m.end
        return out

    def _compound_meeting(self, text, trig, window_end, matches, actor, when, state) -> list[Party]:
        m = _COMPOUND_MEETING.match(text, trig.end, window_end)
        if not m:
            return []
        countries = [n.record.iso3 for n in matches if n.kind in ("country", "demonym")
                     and m.start(1) <= n.start < m.end(1)]
        if len(countries) < 2 or actor.country not in countries:
            return []
        office = self.kb.office(actor.office) if actor.office else None
        key = office.key if office is not None else (actor.level or "head_of_state")
        refs = [PartyRef(0, 0, "unnamed", country=c, office_key=key, level=actor.level)
                for c in dict.fromkeys(countries) if c != actor.country]
        return [p for p in (self._resolve(r, when, state) for r in refs) if p is not None]

    def _counted_countries(self, text, sent, trig, window_end, matches) -> list[Target]:
        """"visits to the three countries": the countries the sentence named before, when there are
        that many of them."""
        m = _COUNTED_COUNTRIES.match(text, trig.end, window_end)
        if not m:
            return []
        word = m.group(1).lower()
        wanted = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
        named: list[Target] = []
        for n in matches:
            if n.kind in ("country", "demonym") and sent.start <= n.start < trig.start \
                    and n.record.iso3 not in {t.country for t in named}:
                named.append(Target(m.start(), m.end(), n.record.iso3))
        if not wanted or len(named) < wanted:
            # "a visit to three major countries in the Middle East, Saudi Arabia, Egypt and Iran"
            after = [n for n in matches if n.kind == "country" and m.end() <= n.start < sent.end]
            listed = _country_list(text, after[0].start, sent.end, after) if after else []
            if wanted and len(listed) == wanted:
                return [Target(n.start, n.end, n.record.iso3) for n in listed]
        # The actor's own country is named too ("Chinese President Xi Jinping"): drop it when one too many.
        if len(named) == (wanted or 0) + 1:
            named = [t for t in named if t.country != self._actor_country_hint(text, sent, trig, matches)]
        return named if wanted and len(named) == wanted else []

    def _the_country(self, text, sent, trig, matches, party_spans) -> list[Target]:
        """"during Xi Jinping's visit to the country", "ahead of his state visit to the country": the
        countries the sentence named before (not in a party's title), nearest first; the first that
        is not the actor's own is meant."""
        if not _THE_COUNTRY.match(text, trig.end):
            return []
        return [Target(m.start, m.end, m.record.iso3, anaphoric=True) for m in reversed(matches)
                if m.kind in ("country", "demonym") and sent.start <= m.start and m.end <= trig.start
                and not any(a <= m.start and m.end <= b for a, b in party_spans)]

    def _place_before_noun(self, text, sent, trig, matches) -> list[Target]:
        """"Wang Yi's Washington visit", "his Moscow trip": the place of a visit noun standing before it."""
        if not trig.nominal:
            return []
        before = next((m for m in reversed(matches) if m.kind in ("country", "place", "demonym")
                       and m.end <= trig.start and sent.start <= m.start), None)
        if before is None or text[before.end:trig.start].strip() or \
                not _POSSESSOR_BEFORE.search(text, max(sent.start, before.start - 50), before.start):
            return []
        if before.kind == "demonym":  # "Osborne's Chinese tour"
            return [Target(before.start, before.end, before.record.iso3)]
        return [_target(before)]

    def _national_office(self, title_match, country: str):
        """The office a title names in a country that uses it for another (the British chancellor is
        the Chancellor of the Exchequer, not the head of government a German chancellor is)."""
        other = self.national_titles.get(country, {}).get(title_match.surface.lower())
        return (self.kb.office(other) or title_match.record) if other else title_match.record

    def _opening_gathering(self, doc, text, sent, parties, matches, s_dates, told, state, published) -> list[Event]:
        """"On the sidelines of the G20 summit in Antalya, Xi met Putin", "During the BRICS summit in
        Ufa, Modi called for reform": a sentence that opens at a gathering the knowledge base knows
        places its subject there (an attendance of the gathering)."""
        opening = _OPENING_GATHERING.match(text, sent.start, sent.end)
        if opening is None:
            return []
        forum = next((m for m in matches if m.kind == "forum" and opening.end() <= m.start <= opening.end() + 12), None)
        forum_end = forum.end if forum is not None else -1
        record = forum.record if forum is not None else None
        if forum is None:  # "At the fourth ministerial conference of the Istanbul Process in Beijing, ..."
            article = _ARTICLE_AT_END.search(text, opening.start(), opening.end())
            record, forum_end = _gathering_by_form(text, article.start() if article else opening.end(), sent.end)
            if record is None:  # "the 2011 IISS Asia Security Summit": the name after the year
                record, forum_end = _gathering_by_form(text, opening.end(), sent.end)
            if record is None:
                return []
        comma = text.find(",", forum_end, sent.end)
        if comma < 0 or comma - forum_end > 60:
            return []
        if getattr(record, "kind", None) == "organisation" and not _GATHERING_NOUN.search(text, forum_end, comma):
            return []  # "At the United Nations, the Chinese envoy said": an organisation's seat, no gathering
        subject = next((p for p in parties if p.start > comma), None)
        if subject is None or subject.kind not in ("person", "unnamed", "unknown") or subject.start - comma > 60:
            return []
        when = published.start if published else None
        actor = self._resolve(subject, when, state)
        if actor is None or not actor.name or any(
                e.type == "multilateral" and e.actor.name == actor.name for e in told):
            return []
        country, place = _place_after(text, forum_end, comma, matches)
        edition = self._edition(getattr(record, "key", None), when)
        country = country or (edition.country if edition else None)
        # "..., Xi will address the summit" is to come; "..., Obama said the talks would go on" is not:
        # a "would" after a verb of saying is the saying's content, and the saying took place there
        will = _WILL.search(text, comma, sent.end)
        status = "planned" if will and not self.reporting_rx.search(text, subject.end, will.start()) else "occurred"
        # "At the 2011 IISS Asia Security Summit": a date in the opening dates the gathering
        if not any(opening.start() <= d.start < comma for d in s_dates):  # (dates are read only where needed)
            s_dates = find_dates(text, "en", doc.published, within=[(opening.start(), comma)])
        dated = next((d for d in s_dates if d.interval is not None and opening.start() <= d.start < comma), None)
        span = ((dated.interval.start, dated.interval.end), dated.interval.precision) if dated else \
            self._edition_days(record, when, status, [country] if country else ())
        return [self._event(doc, sent, "multilateral", status, actor, [], [country] if country else [],
                            place or (edition.city if edition else None), record, span)]

    def _dateline_place(self, text: str, pos: int):
        """The place a report was filed from, as the dateline of the paragraph holding ``pos`` or of
        the story's first paragraph gives it ("BEIJING, Feb 17 (Reuters) -", "ISLAMABAD:"), else None."""
        para = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
        first = text.find("\n") + 1 if 0 < text.find("\n") < pos else 0
        for start in dict.fromkeys((para, first)):
            m = _DATELINE_PLACE.match(text, start)
            if m is not None:
                place = self.kb.place(m.group(1).title())
                if place is not None:
                    return place
        # a page's dateline on a line of its own near the top ("Press Trust of India | Beijing | February 14")
        for line in _LINE_ALONE.finditer(text, 0, min(len(text), pos, _DATELINE_LINE_WITHIN)):
            place = self.kb.place(line.group(1))
            if place is not None and place.kind in ("capital", "city"):
                return place
        return None

    def _place_of_where(self, text, sent, trig, matches) -> list[Target]:
        """"Pakistan, where Xi Jinping on Monday began the first visit by a Chinese president": a visit
        told in a relative clause of a place, without a destination of its own, is to that place."""
        where = None
        for m in _WHERE.finditer(text, sent.start, trig.start):
            where = m
        if where is None:
            return []
        before = next((m for m in reversed(matches) if m.kind in ("country", "place") and m.end <= where.start()
                       and sent.start <= m.start), None)
        if before is None or text[before.end:where.start()].strip(" ,") or \
                self.reporting_rx.search(text, where.end(), trig.start) or any(
                m.kind in ("country", "place") and where.end() <= m.start < trig.start for m in matches):
            return []
        return [_target(before)]

    def _actor_country_hint(self, text, sent, trig, matches) -> str | None:
        """The country of the person nearest before the trigger, as the sentence gives it."""
        people = [n for n in matches if n.kind in ("person", "person_short") and sent.start <= n.start < trig.start
                  and not isinstance(n.record, tuple)]
        return people[-1].record.country if people else None

    def _forum_target(self, targets, state, text, trig, window_end, when):
        for t in targets:
            if t.forum is not None:
                forum = t.forum
                # Not a country that is part of a name ("the China-Arab States Summit", "China-GCC").
                hosts = [x for x in targets if x.forum is None and not _IN_COMPOUND.match(text, x.end)
                         and not (x.start and text[x.start - 1] in "-–—")]
                place = next((x.place for x in hosts if x.place), None)
                country = next((x.country for x in hosts if x.country), None)
                edition = self._edition(forum.key, when)
                if edition is not None and country in (None, edition.country):
                    # (an edition in another country than the text names is another edition: "the ASEAN
                    # summit in Laos" is not in the Kuala Lumpur of the edition nearest the report)
                    place = place or edition.city
                    country = country or edition.country
                # "At the sixth BRICS summit in Fortaleza on Tuesday ... Modi said at the summit that BRICS":
                # a gathering named again is on the days the story first gave it
                told = state.forum_days.get(forum.key)
                return forum, place or (told and told[0]), country or (told and told[1]), told and told[2]
        # "will attend the meeting": the gathering named last in the narrative.
        if state.last_forum is not None and re.match(r"\s*(?:the\s+)?(?:meeting|summit|forum|conference|gathering)\b",
                                                      text[trig.end:window_end], re.IGNORECASE):
            forum, place, country, span = state.last_forum
            if span is None and forum.key in state.forum_days:
                # named last without a date ("the Brics Contingent Reserve Arrangement"): the days the
                # story gave the gathering
                told = state.forum_days[forum.key]
                place, country, span = place or told[0], country or told[1], told[2]
            if span is not None and when is not None and not (
                    span[0][0] - _EDITION_SLACK <= when <= span[0][1] + _EDITION_SLACK):
                # "at the BRICS summit in Johannesburg in 2023 ... Xi will attend the summit's outreach
                # session on Thursday": the gathering named last, in its edition of the event's days
                edition = self._edition(forum.key, when)
                if edition is not None:
                    place, country, span = edition.city, edition.country, ((edition.start, edition.end), "day")
            return forum, place, country, span
        # "the Samarkand Summit": a gathering named after its host city.
        m = re.match(r"\s*(?:the\s+)?([A-Z][\w-]+)\s+[Ss]ummit\b", text[trig.end:window_end])
        if m and when is not None:
            found = self._forum_by_city(m.group(1), when)
            if found:
                return (*found, None)
        return None, None, None, None

    def _edition(self, forum_key: str, when: date | None, slack_days: int = _EDITION_SLACK.days):
        """The edition of a forum held around ``when`` (a month's slack for loose dates), else None."""
        if when is None or not forum_key:
            return None
        key = (forum_key, when)
        if key not in self._editions:  # (the same forum and day are asked for again and again)
            if len(self._editions) > 50_000:
                self._editions.clear()
            self._editions[key] = self.kb.edition(forum_key, when)
        ed = self._editions[key]
        if ed is None or when < ed.start - timedelta(days=slack_days) or when > ed.end + timedelta(days=slack_days):
            return None
        return ed

    def _forum_by_city(self, city: str, when: date):
        if self._editions_by_city is None:  # the forums' editions by host city, gathered when first asked
            self._editions_by_city = {}
            for forum in self.kb.forums.values():
                for ed in forum.editions:
                    if ed.city:
                        self._editions_by_city.setdefault(ed.city.lower(), []).append((forum, ed))
        best = None
        for forum, ed in self._editions_by_city.get(city.lower(), ()):
            if abs((ed.start - when).days) <= 60:
                best = (forum, ed.city, ed.country)
        return best

    def _host(self, targets, matches, text, trig, clause_end, state, when):
        # a place after an infinitive or a relative clause is that clause's ("signed deals ... nearly
        # equal to the aid the US gave to support its war in Afghanistan": no meeting in Afghanistan)
        stop = _HOST_STOP.search(text, trig.end, clause_end)
        clause_end = stop.start() if stop else clause_end
        welcome = _WELCOMED.match(text, trig.start, trig.end)
        for m in matches:
            if m.kind in ("place", "country") and trig.start - 60 <= m.start < clause_end:
                head = text[max(0, m.start - 12):m.start]
                # ("welcomed Hadi to Beijing": where the guest was welcomed to)
                if _IN_AT_BEFORE.search(head) or _IN_HIS_CAPITAL.search(text, max(0, m.start - 40), m.start) or \
                        m.kind == "place" and _IN_THE_CITY_OF.search(text, max(0, m.start - 50), m.start) or \
                        welcome and m.start > trig.end and _TO_BEFORE.search(head):
                    if m.kind == "place":
                        return m.record.country, m.record.name
                    return m.record.iso3, None
        for m in matches:
            if m.kind == "forum" and trig.start - 80 <= m.start < clause_end and when is not None:
                ed = self._edition(m.record.key, when)
                if ed is not None:
                    return ed.country, ed.city
        return None, None

    # ------------------------------------------------------------------ narrative
    def _note_forum(self, fm, matches, s_dates, state, doc, published) -> None:
        near = sorted((d for d in s_dates if d.interval is not None), key=lambda d: abs(d.start - fm.end))
        dated = near[0] if near else None
        when = dated.interval.start if dated else (published.start if published else None)
        span = ((dated.interval.start, dated.interval.end), dated.interval.precision) if dated else None
        place = next((m.record.name for m in matches if m.kind == "place" and m.start > fm.end), None)
        country = next((m.record.country for m in matches if m.kind == "place" and m.start > fm.end), None)
        if when is not None:
            ed = self._edition(fm.record.key, when)
            if ed is not None:
                place, country = place or ed.city, country or ed.country
        state.last_forum = (fm.record, place, country, span)
        if span is not None:
            state.forum_days.setdefault(fm.record.key, (place, country, span))

    def _update_state(self, sent, si, parties, s_dates, state, told_here: list[Event]) -> None:
        """What the sentence leaves for the next ones; ``told_here`` are the events it told."""
        told = [e for e in told_here if e.type in ("meeting", "call")]
        if told:
            state.last_encounter = [told[-1].actor, *told[-1].counterparts]
        for e in told_here:
            if e.type == "visit" and e.actor.name:
                state.visit_told.setdefault((e.actor.name, tuple(e.countries)), (
                    e.status, _interval_of(e) if e.start else None))
            # the first visit an actor is told making is the story's (a region's members are no one place)
            if e.type == "visit" and e.actor.name and len(e.countries) == 1 and e.actor.name not in state.visits:
                state.visits[e.actor.name] = (e.countries, e.place)
                if state.story_traveller is None:
                    a = e.actor
                    state.story_traveller = PartyRef(0, 0, "person", name=a.name, country=a.country, office=a.office,
                                                     level=a.level)
        subjects = [p for p in parties if p.kind in ("person", "unknown", "unnamed")]
        for p in parties:
            if p.kind in ("person", "unknown") and p.name and p.office:
                words = p.office.lower().split()
                # "Secretary of State" answers to "the Secretary of State" and "the Secretary".
                for i in range(1, len(words) + 1):
                    state.titled[" ".join(words[:i])] = p
                    state.titled_in[" ".join(words[:i])] = si
                state.titled[words[-1]] = p
                state.titled_in[words[-1]] = si
        visits = [(e.countries[0], e.place) for e in told_here if e.type == "visit" and len(e.countries) == 1]
        if visits:
            state.last_visit = (si, visits)
        if told_here:
            last = told_here[-1]
            ref = PartyRef(0, 0, "person", name=last.actor.name, country=last.actor.country,
                           office=last.actor.office, level=last.actor.level)
            if last.actor.name:
                state.last_actor, state.last_actor_sentence = ref, si
                if last.actor.country:
                    state.salient[last.actor.country] = ref
        elif subjects:
            first = subjects[0]
            if first.kind != "unnamed" or first.name:
                state.last_actor, state.last_actor_sentence = first, si
        if si - state.last_actor_sentence > 2:
            state.last_actor = None
        # The narrative's date is that of the last event it dated, not of any date it mentions in
        # passing ("the first since Mike Pompeo went in October 2018").
        # (a window of weeks after a plan's announcement is no date the text gives)
        own = [e for e in told_here if e.start and (e.precision == "day" or e.precision == "month" and (
            date.fromisoformat(e.end or e.start) - date.fromisoformat(e.start)).days <= 31)]
        dated = [d for d in s_dates if d.interval is not None]
        if own and dated:
            state.last_date = _interval_of(own[-1])
            state.last_date_people = frozenset(p.name for p in (own[-1].actor, *own[-1].counterparts) if p.name)
            state.last_date_home = _at_home(own[-1])
            if state.anchor_date is None:
                state.anchor_date = _interval_of(own[0])
                state.anchor_people = frozenset(p.name for p in (own[0].actor, *own[0].counterparts) if p.name)
                state.anchor_home = _at_home(own[0])


# ---------------------------------------------------------------------- helpers
_TITLE_LEVELS = frozenset(LEVELS)
# The kinds of match a party is made from (countries and demonyms only qualify one).
_PARTY_KINDS = frozenset({"office", "person", "person_short", "leader", "generic", "pronoun", "pair", "counterpart"})


class _Spans:
    """Sorted character spans, asked whether a position or a span falls on one (by bisection)."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        # the furthest end among the spans up to each index
        self.reach = list(accumulate((b for _, b in self.spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def covers(self, pos: int) -> bool:
        return self.overlaps(pos, pos + 1)


# A town smaller than this, in a country the document never names, is taken for a namesake.
_OBSCURE_TOWN = 200_000

_CAPITALISED_WORD = re.compile(r"[A-Z]\w*(?:['’][A-Z]\w*)?")
# A short name stands as a whole word, not inside a longer one or a name joined by an apostrophe
# ("Brien" in "O'Brien", "Xi" in "Xi'An"); a possessive ("Xi's") is fine.
_NAME_JOINED_BEFORE = re.compile(r"(?:[\w-]|\w['’])\Z")
_NAME_JOINED_AFTER = re.compile(r"\w|['’][A-Z]")
_FIRST_NAME_BEFORE = re.compile(r"(?<![.!?:;\n] )(?<!\A)\b([A-Z][a-z]+) \Z")

# Where the family name comes first, a person is referred to by the first word ("Xi", "Yoon").
_FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}


# A rank or a calling right before a bare family name says whose it is: "General Sharif" is a soldier,
# not the prime minister of that name; "the photographer Abbas" is not the Palestinian president (a
# "Secretary-General Ban" keeps his office).
_RANK_BEFORE = re.compile(r"(?<![\w-])(?:General|Gen\.|Lt\.|Lieutenant|Major|Maj\.|Admiral|Adm\.|(?:Air\s+)?Marshal|"
                          r"Brigadier|Colonel|Col\.|Captain|Capt\.|Commander|Sergeant)\s+\Z")
_CALLING_BEFORE = re.compile(r"\b(?:photographer|artist|painter|writer|novelist|author|poet|journalist|reporter|"
                             r"singer|actor|actress|filmmaker|director|professor|Professor|Prof\.|scholar|lawyer|"
                             r"activist|dissident|businessman|tycoon|player|coach|footballer|cricketer|blogger|"
                             r"cleric|imam|preacher|pastor)\s+\Z")
_MILITARY_OFFICES = frozenset({"military_chief", "defense_minister", "cmc_vice_chairman"})


def _military(person) -> bool:
    return any(t.office in _MILITARY_OFFICES for t in getattr(person, "terms", ()) or ())


def _without_joined_short_forms(text: str, matches: list) -> list:
    """Drop family names that stand together as one name of someone else: "Abbas Ansari", a
    separatist, is neither Mahmoud Abbas nor Hamid Ansari (two people's short forms one space apart)."""
    people = [m for m in matches if m.kind in ("person", "person_short")]
    joined = set()
    for a, b in pairwise(people):
        if (a.kind == "person_short" or b.kind == "person_short") and b.start == a.end + 1 and text[a.end] == " " \
                and a.record is not b.record:
            joined.update((id(a), id(b)))
    return [m for m in matches if id(m) not in joined] if joined else matches


def _without_other_bearers(text: str, matches: list) -> list:
    """Drop a document's bare family names that a rank or a calling gives to someone else, wherever
    the document repeats them ("the photographer Abbas ... – Abbas"). A rank before the family name
    of the one officer the document names in full is that officer ("General Raheel Sharif ... General
    Sharif" is the general, not Prime Minister Nawaz Sharif, whose short form "Sharif" is)."""
    others = set()
    officers: dict[str, list] = {}
    ranked = {}
    for m in matches:
        if m.kind == "person" and not isinstance(m.record, tuple) and _military(m.record):
            words = m.record.name.replace("-", " ").split()
            if len(words) > 1:
                family = words[0] if m.record.country in _FAMILY_NAME_FIRST else words[-1]
                if not any(p is m.record for p in officers.get(family, ())):
                    officers.setdefault(family, []).append(m.record)
    for m in matches:
        if m.kind != "person_short":
            continue
        before = max(0, m.start - 24)
        people = m.record if isinstance(m.record, tuple) else (m.record,)
        rank = _RANK_BEFORE.search(text, before, m.start)
        if rank and len(officers.get(m.surface, ())) == 1 and not any(p is officers[m.surface][0] for p in people):
            ranked[id(m)] = officers[m.surface][0]  # the bare name elsewhere stays no one's, as below
        if m.surface in others:
            continue
        if _CALLING_BEFORE.search(text, before, m.start) or rank and not any(_military(p) for p in people):
            others.add(m.surface)
    if not others and not ranked:
        return matches
    return [(_LocalMatch(m.start, m.end, "person_short", m.surface, ranked[id(m)]) if id(m) in ranked else m)
            for m in matches if id(m) in ranked or not (m.kind == "person_short" and m.surface in others)]


def _with_surnames(text: str, matches: list, not_first: frozenset = frozenset()) -> list:
    """Add the short references ("Xi", "Biden") to people the document names in full somewhere.

    Only names the document itself introduces count, so "Xi" is Xi Jinping in a story about him and
    nothing in a story that never names him. A short form after a first name nobody knows is someone
    else's family name ("General Dalbir Singh" is not Rajnath Singh), whoever found it.
    """
    covered_all = _Spans((m.start, m.end) for m in matches if m.kind != "person_short")
    matches = [m for m in matches if m.kind != "person_short"
               or not _unknown_first_name_before(text, m.start, not_first, covered_all)]
    short: dict[str, object] = {}
    clash: set[str] = set()
    for m in matches:
        if m.kind != "person" or isinstance(m.record, tuple):
            continue
        words = m.record.name.replace("-", " ").split()
        if len(words) < 2:
            continue
        surname = words[0] if m.record.country in _FAMILY_NAME_FIRST else words[-1]
        if len(surname) < 2 or not surname[0].isupper():
            continue
        if surname in short and short[surname] is not m.record:
            clash.add(surname)
        short[surname] = m.record
    for name in clash:
        del short[name]
    # A short name is a whole capitalised word ("Xi" in "Xi's", not in "Xinjiang" or "Xi'An").
    names = [n for n in short if _CAPITALISED_WORD.fullmatch(n)]
    if not names:
        return matches
    covered = _Spans((m.start, m.end) for m in matches)
    extra = []
    for name in names:  # found by plain string search: a few names, each searched at C speed
        start = text.find(name)
        while start != -1:
            end = start + len(name)
            if not _NAME_JOINED_BEFORE.search(text, max(0, start - 2), start) and \
                    not _NAME_JOINED_AFTER.match(text, end) and not covered.covers(start) and \
                    not _unknown_first_name_before(text, start, not_first, covered):
                extra.append(_LocalMatch(start, end, "person_short", name, short[name]))
            start = text.find(name, end)
    return sorted(matches + extra, key=lambda m: (m.start, -m.end))


def _unknown_first_name_before(text: str, start: int, not_first: frozenset, covered: _Spans) -> bool:
    """Whether a capitalised word no match covers stands right before ``start`` as a first name."""
    if not (start > 1 and text[start - 1] == " " and text[start - 2].islower()):
        return False
    first = _FIRST_NAME_BEFORE.search(text, max(0, start - 30), start)
    return bool(first) and first.group(1).lower() not in not_first and not covered.covers(first.start(1))


def _finditer_at_words(rx: re.Pattern, text: str, words: list[tuple[int, str]], first: frozenset | set | None,
                       lo: int, hi: int):
    """``rx.finditer(text, lo, hi)``, left to right without overlaps, but tried only at the
    ``words`` (sorted (start, word) pairs) that are among ``first``, the words ``rx`` can start
    with (``None``: they cannot be told, and the text is scanned in full)."""
    if first is None:
        yield from rx.finditer(text, lo, hi)
        return
    reach = lo
    for i in range(bisect_left(words, (lo, "")), len(words)):
        start, word = words[i]
        if start >= hi:
            break
        if start < reach or word not in first:
            continue
        m = rx.match(text, start, hi)
        if m is not None:
            reach = m.end()
            yield m


def _words(text: str) -> list[tuple[int, str]]:
    """Where each word starts, and the word in lower case: the places a trigger or title may start."""
    return [(m.start(), m.group(0)) for m in WORD.finditer(_ascii_lower(text))]


def _ascii_lower(text: str) -> str:
    """``text`` with its ASCII capitals in lower case, for scans that look for ASCII words and marks:
    every offset stays where it was, and every ASCII character is what ASCII lower-casing makes
    of it. (``str.lower`` lowers other letters too, which those scans do not look at; it is many
    times faster than a translation table on a text that is not all ASCII. Two characters are
    lowered into ASCII by it: "İ", which also lengthens the text, and the Kelvin sign; a text
    with either is translated ASCII only.)"""
    lowered = text.lower()
    if len(lowered) != len(text) or "\u212a" in text:
        return text.translate(_ASCII_LOWER)
    return lowered


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Where a word token of ``WORD`` ends, for a pattern that must match whole tokens; and the character
# before one starts, in lower-cased text (not a letter, nor the hyphen of a hyphenated word).
_TOKEN_END = r"(?![A-Za-z])(?!-[A-Za-z])"
_BEFORE_TOKEN = r"[^a-z](?<![a-z]-)"


def _plain_lowercase(pattern: str) -> bool:
    """Whether a pattern is plain lower-case ASCII text that ``str.lower`` finds in any case
    (a case-blind regex's "i", "k" and "s" also match letters beyond ASCII: not those)."""
    return pattern.isascii() and re.escape(pattern) == pattern and pattern == pattern.lower() \
        and not set(pattern) & set("iks")


def _words_rx(patterns: list[str]) -> re.Pattern:
    """Any of the lexicon's patterns, as whole words, case-insensitively."""
    return re.compile(rf"(?<![\w-])(?:{alternation(patterns)})(?![\w-])", re.IGNORECASE)


class _FromContext(tuple):
    """A ((start, end), precision) carried to an event from elsewhere in the narrative (an earlier
    sentence, the gathering it named last): the event's record says ``dated_by`` "context"."""


# "the SCO summit", "the SCO's summit", "the Shanghai Cooperation Organisation (SCO) summit"
_GATHERING_AFTER_NAME = re.compile(r"\W{0,3}\w*\W{1,3}(?:summit|meeting|session|conference|talks)\b", re.IGNORECASE)


def _gatherings_named(forums: list, text: str, start: int) -> list:
    """The forums of a sentence named as gatherings, not as organisations ("the role played by the SCO and
    the Istanbul Process", "members of the SCO", "an observer of the SCO"): the forums "the meeting" of a
    later sentence may be."""
    out, previous, skipped = [], None, False
    for fm in forums:
        listed = previous is not None and skipped and _LISTED_AFTER.fullmatch(text, previous.end, fm.start)
        skipped = bool(listed or _AS_ORGANISATION.search(text, max(start, fm.start - 40), fm.start))
        if not skipped and getattr(fm.record, "kind", None) == "organisation" and not (
                _GATHERING_NOUN.search(text, max(start, fm.start - 30), fm.start) or
                _GATHERING_AFTER_NAME.match(text, fm.end, fm.end + 30)):
            # an organisation named with no gathering beside it ("a United Nations fund", "the UN's
            # agency") holds no meeting "the gathering" of a later sentence may be
            skipped = True
        if not skipped:
            out.append(fm)
        previous = fm
    return out


# How far from every term the knowledge base knows a person named without a title acts for no state.
_OUT_OF_OFFICE_YEARS = 5


def _far_from_every_term(person, when: date) -> bool:
    """Whether every known term of ``person`` ended more than ``_OUT_OF_OFFICE_YEARS`` before ``when`` (not
    one that begins after it: the knowledge base often lacks a career's earlier offices)."""
    terms = getattr(person, "terms", ()) or ()
    reach = timedelta(days=366 * _OUT_OF_OFFICE_YEARS)
    return bool(terms) and all(t.end is not None and t.end + reach < when for t in terms)


def _listed_run(text: str, targets: list) -> list:
    """The first countries of ``targets`` that stand as one list ("Turkmenistan, Kazakhstan, Uzbekistan and
    Kyrgyzstan"), up to the first gap that is not a comma or "and"."""
    run = targets[:1]
    for t in targets[1:]:
        if not re.fullmatch(r"\s*(?:,|,?\s*and|&)\s*", text[run[-1].end:t.start]):
            break
        run.append(t)
    return run


def _at_home(ev: Event) -> frozenset:
    """The names of the parties of a meeting or a gathering held in their own country (the host's side)."""
    if ev.type not in ("meeting", "multilateral") or len(ev.countries) != 1:
        return frozenset()
    return frozenset(p.name for p in (ev.actor, *ev.counterparts) if p.name and p.country == ev.countries[0])


def _interval_of(ev: Event) -> tuple:
    return (date.fromisoformat(ev.start), date.fromisoformat(ev.end or ev.start)), ev.precision


def _sentences_with(sentences: list[Sentence], positions: list[int]) -> list[tuple[int, int]]:
    """The (start, end) ranges of the sentences holding any of ``positions``, in text order."""
    starts = [s.start for s in sentences]
    chosen = sorted({bisect_right(starts, pos) - 1 for pos in positions} - {-1})
    return [(sentences[i].start, sentences[i].end) for i in chosen]


class _ByStart:
    """Items sorted by start, cut into the ones that start inside a sentence (by bisection)."""

    def __init__(self, items: Sequence) -> None:
        self.items = items
        self.starts = [item.start for item in items]

    def inside(self, sent: Sentence) -> list:
        return self.items[bisect_left(self.starts, sent.start):bisect_left(self.starts, sent.end)]


def _title(office_match) -> str:
    surface = office_match.surface.strip()
    return surface[:1].upper() + surface[1:]


def _plausible_name(name: str, start: int, matches, not_first: frozenset, organisations: frozenset) -> bool:
    """Whether capitalised words after a title can be a person's name: not a word that never starts a
    name, not an organisation, and not inside another entity (a town may share a first name)."""
    words = name.split()
    if words[0].lower() in not_first or any(w.lower() in organisations for w in words):
        return False
    # A town may share a first name ("Stanley"); other entities may not stand inside a name.
    return not any(m.start <= start < m.end and m.kind != "place" for m in matches)


def _country_after(text, pos, limit, nationals, company_words=frozenset()) -> str | None:
    """'President Zaparov of Kyrgyzstan', 'Ambassador to China' is not the holder's country, nor is
    'chief executive of Malaysia Airlines' a holder of Malaysia's office."""
    for n in sorted(nationals, key=lambda n: n.start):
        if n.start >= pos and n.start - pos <= 40:
            gap = text[pos:n.start]
            after = _NEXT_WORD.match(text, n.end)
            if _OF_COUNTRY_GAP.match(gap) and not _TO.search(gap) \
                    and not _AFFAIRS_AFTER.match(text[n.end:n.end + 12]) \
                    and not (after and after.group(1).lower() in company_words):
                return getattr(n.record, "iso3", None) or getattr(n.record, "country", None)
            break
    return None


def _country_list(text, pos, limit, nationals) -> list:
    out = []
    cursor = pos
    for n in nationals:
        if n.start < cursor:
            continue
        if n.start >= limit:
            break
        if not _LIST_GAP.match(text[cursor:n.start]):
            break
        out.append(n)
        cursor = n.end
    return out


def _not_inside_others(parties: list[PartyRef]) -> list[PartyRef]:
    """The parties that no other party's longer span holds, in order (the spans compared as plain
    tuples: a sentence's parties are compared pairwise)."""
    if len(parties) < 2:
        return parties
    spans = [(p.start, p.end) for p in parties]
    out = []
    for i, (start, end) in enumerate(spans):
        for j, (q_start, q_end) in enumerate(spans):
            # (j != i: a span is not longer than itself, so a party listed twice holds no copy of itself)
            if q_start <= start and end <= q_end and q_end - q_start > end - start and j != i:
                break
        else:
            out.append(parties[i])
    return out


# A plan told as one that did not come about: "was to have travelled", "was supposed to visit",
# "had been due to meet", "had planned to attend" (the verb follows, an adverb between at most).
def _unfulfilled_before(text: str, lo: int, hi: int) -> bool:
    """Whether _UNFULFILLED matches in text[lo:hi]; searched only when one of the words it holds
    stands there (most windows hold none)."""
    window = text[lo:hi]
    return ("was" in window or "were" in window or "had" in window) and \
        _UNFULFILLED.search(text, lo, hi) is not None


# A plan told with a verb of the past: "was to", "was due to", "had planned to"
_PLAN_WORDS = (r"(?:(?:was|were)\s+(?:to|due\s+to|scheduled\s+to|set\s+to|expected\s+to)|"
               r"(?:had\s+)?(?:planned|intended|hoped)\s+to)")
_PLAN_BEFORE = re.compile(r"\b" + _PLAN_WORDS + r"\s+$", re.IGNORECASE)
# ... and those an agreement or a promise makes, a word before the trigger allowed ("agreed to go to
# China for the parade"), which date the plan as written (see _event_date)
_PAST_PLAN_BEFORE = re.compile(r"\b(?:" + _PLAN_WORDS + r"|(?:agreed|promised|decided)\s+to|(?:was|were)\s+slated\s+to|"
                               r"had\s+been\s+(?:(?:due|scheduled|set|expected|slated)\s+)?to)\s+(?:\w+\s+)?\Z",
                               re.IGNORECASE)
_BUT_PUT_OFF = re.compile(r"\bbut\s+(?:later\s+|then\s+|eventually\s+|had\s+to\s+)?(postponed|put\s+off|delayed|deferred|"
                          r"cancell?ed|called\s+off|scrapped|dropped)\s+(?:it|the\s+(?:trip|visit|tour|journey))\b",
                          re.IGNORECASE)
_UNFULFILLED = re.compile(r"\b(?:(?:was|were)\s+(?:to\s+have|supposed\s+to(?:\s+have)?)|had\s+been\s+(?:due|scheduled|"
                          r"expected|set|slated)\s+to|had\s+(?:planned|hoped|intended)\s+to)\s+(?:\w+ly\s+)?$")

# A sentence opening at a gathering: "On the sidelines of the", "During the", "Speaking at a", "At the
# close of the", "At a news conference at the end of the".
_OPENING_GATHERING = re.compile(
    r"[\"“‘']?\s*(?:(?:speaking|addressing\s+\w+|talking\s+to\s+reporters)\s+)?"
    r"(?:(?:at|in)\s+(?:a|an|the|his|her|their)\s+(?:joint\s+)?(?:news|press)\s+conference\s+)?"
    r"(?:at(?:\s+the\s+(?:close|end|opening|start|conclusion)\s+of)?|during|on\s+the\s+(?:sidelines|margins)"
    r"\s+of|in\s+(?:his|her|their|a)\s+(?:[a-z-]+\s+)?(?:address|speech|remarks)\s+(?:before|to|at))\s+(?:the\s+|a\s+|an\s+|this\s+year's\s+|last\s+\w+'s\s+)?(?:\d{4}\s+)?", re.IGNORECASE)
# A gathering's noun (not a press conference, which anyone holds): "At the United Nations, the envoy
# said" names no gathering; "the six leaders signed a treaty at their summit" does.
_GATHERING_NOUN = re.compile(r"\b(?:summit|meeting|forum|session|assembly|gathering|council|talks|"
                             r"(?<!press )(?<!news )conference)\b", re.IGNORECASE)
_HOSTED_BY = re.compile(r"host(?:ed|s)\s+by\b", re.IGNORECASE)
# a gathering named right before its host ("a summit on global terrorism hosted by", "the conference
# on Afghanistan, hosted by"): a few words of its own, no verb of another clause between
_GATHERING_BEFORE_HOST = re.compile(r"\b(?:summit|forum|session|assembly|gathering|(?<!press )(?<!news )conference|"
                                    r"meeting\s+of)\b(?:\s+(?:on|of|for|about|in|at|and|the|a|an|[\w'’-]+)){0,6},?\s*\Z",
                                    re.IGNORECASE)
_ARTICLE_AT_END = re.compile(r"(?:the|a|an)\s+(?:\d{4}\s+)?$", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|would|is\s+to|are\s+to|plans?\s+to|is\s+expected\s+to)\b", re.IGNORECASE)
_BY_THEN_TO = re.compile(r"\s+(?:by\s+[^,;.!?]{1,80}?\s+to|of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,6}(?:to|in))\s+(?:the\s+)?$")
_WHERE = re.compile(r",?\s+where\s+")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+$", re.IGNORECASE)
_VISITING = re.compile(r"\bvisiting\s+")
# Words of a title between "visiting" and a name: "foreign minister, ", "Chinese President ", "U.S. "
_TITLE_WORDS = re.compile(r"(?:(?:[A-Za-z][\w.'’-]*|of|the|and)\s*,?\s+){0,6}")
_JOIN = re.compile(r"join", re.IGNORECASE)
# A noun with a past tense of its own right after it: "PM Oli's China visit has already proved successful"
_OWN_TENSE_AFTER = re.compile(r"(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?\s+"
                              r"(?:has|had|was|were|did|went|ended|concluded|proved)\b")
_SIGNED = re.compile(r"sign|inked", re.IGNORECASE)
_VISIT_VERB = re.compile(r"visit(?:s|ed|ing)?", re.IGNORECASE)
_PARTICIPLE = re.compile(r"[A-Za-z]+(?:ed|wn|en|nt)\b")  # returned, flown, taken, sent: not "paying"

# "began a historic visit", "paid a state visit": a verb of the past right
# before the noun gives it its tense
# A clause's past verb before a noun gives the noun its tense: "began a historic visit on Sunday",
# "agreed on a truce in a phone call on Friday" (last Friday's, not next).
_PAST_CLAUSE_VERB = re.compile(
    r"\b(?:agreed|said|held|had|discussed|signed|spoke|talked|met|announced|reached|exchanged|vowed|pledged|urged|"
    r"told|stressed|expressed|welcomed|reiterated|noted|praised|thanked|congratulated|condemned|warned|asked|followed|"
    r"arrived|landed|began|begun|started|opened|pushed|pressed|raised|critici[sz]ed|toured|delivered|addressed|"
    r"attended|made|paid|ended|concluded|completed|undertook|wrapped\s+up|kicked\s+off|cut\s+short)\b", re.IGNORECASE)

def _in_the_year_given(text: str, spans: list) -> list:
    """"In 2013, Xi visited Kazakhstan in September": a month or a day the clause gives without its year
    is in the one year the clause names (read from the report's day, it was in another), and stands
    for that year, as the finer of the two. Not a date in brackets: "(SCMP, January 15)" cites a source."""
    years = [d for d in spans if d.interval.granularity == "year" and _FOUR_DIGITS.search(d.text)]
    if len(years) != 1:
        return spans
    year = years[0].interval.start.year
    out = []
    moved = False
    for d in spans:
        iv = d.interval
        if d is not years[0] and d.kind == "absolute" and iv.granularity in ("month", "day") and \
                not _FOUR_DIGITS.search(d.text) and iv.start.year == iv.end.year and \
                text.rfind("(", 0, d.start) <= text.rfind(")", 0, d.start):
            try:
                # (the year written into its text, so that no later reading in a tense moves it)
                d = replace(d, text=f"{d.text} {year}", interval=Interval(
                    iv.start.replace(year=year), iv.end.replace(year=year), iv.granularity))
            except ValueError:  # the 29th of February of a year without one
                pass
            else:
                moved = True
        out.append(d)
    return [d for d in out if d is not years[0]] if moved else spans


# A verb in the present tense: "arrives", "travels", "meets", "heads", "visits".
_PRESENT_VERB = re.compile(r"(?!(?:was|has|is|does|his|its|as|us|this|thus)\b)[a-z]+(?<!s)s\b|goes\b|flies\b",
                            re.IGNORECASE)


def _present_on_weekday(text: str, trig, s_dates, clause_start: int, clause_end: int) -> bool:
    """Whether a verb trigger in the present tense is dated by a weekday of its clause alone."""
    if trig.nominal or not _PRESENT_VERB.match(text, trig.start, trig.end):
        return False
    return _dated_by_weekdays_alone(s_dates, clause_start, clause_end)


def _dated_by_weekdays_alone(s_dates, clause_start: int, clause_end: int) -> bool:
    """Whether the clause's dates are all weekdays (and there is one)."""
    days = [d for d in s_dates if clause_start <= d.start < clause_end and d.interval is not None]
    return bool(days) and all(d.kind == "weekday" for d in days)


# "which starts on Nov 11", "beginning on Monday": the first day of what is dated
_OPENING_ON = re.compile(r"\b(?:starts?|started|starting|begins?|began|beginning|opens?|opened|kicks? off|"
                         r"kicked off|kicking off)\s+on\s", re.IGNORECASE)
# "has visited", "has been ... in tours to", "have met": the present perfect, some time up to now
_HAS_DONE = re.compile(r"\b(?:has|have)\s+(?:(?:also|already|often|repeatedly|twice|since)\s+)*(?:been|made|paid|"
                       r"visited|travell?ed|met|held|toured|undertaken|gone)\b", re.IGNORECASE)
# "a recent visit", "his recent trip to": an event of the weeks before the report
_RECENT_BEFORE = re.compile(r"\b(?:most\s+)?recent\s+(?:[a-z-]+\s+){0,2}\Z", re.IGNORECASE)
# (the gold's window for "recently", 30 days: a season's reached back over a new year and gave a trip of
# January a country-year of the year before, "Harper's highly publicized recent visit to Israel", told
# in February 2014)
_RECENT_REACH = timedelta(days=30)
# "is attending", "are visiting": the present progressive, an event going on as the report is written
_PROGRESSIVE_BEFORE = re.compile(r"\b(?:is|are|am|['’]s|['’]re)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)


def _ongoing_on_weekday(text: str, trig, s_dates, clause_start: int, clause_end: int) -> bool:
    """Whether a verb trigger in the present progressive is dated by a weekday of its clause alone:
    the weekday nearest the report, ahead or behind ("is attending the gathering, which ends on Friday")."""
    if trig.nominal or not re.match(r"\w+ing\b", text[trig.start:trig.end]):
        return False
    if not _PROGRESSIVE_BEFORE.search(text, max(0, trig.start - 20), trig.start):
        return False
    return _dated_by_weekdays_alone(s_dates, clause_start, clause_end)


# How far ahead of its report an event told by a noun alone may be read as still to come.
_NEAR_AHEAD_DAYS = 92


def _clause(text: str, sent: Sentence, trig: Trigger, breaks: dict, lowered: str) -> tuple[int, int]:
    """The clause of a trigger: between the clause breaks (";", "but", "while" ...) around it.

    ``breaks`` keeps each sentence's breaks, found once for all of its triggers; ``lowered`` is the
    text ASCII-lower-cased."""
    if sent.start not in breaks:
        # Most sentences hold none of the breaks' characters or words: a substring test on the
        # lower-cased sentence tells so far more cheaply than the scan.
        breaks[sent.start] = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end)] \
            if _CLAUSE_BREAK_HINT.search(lowered, sent.start, sent.end) else []
    start, end = sent.start, sent.end
    for b_start, b_end in breaks[sent.start]:
        if b_end <= trig.start:
            start = b_end
        elif b_start >= trig.end:
            end = b_start
            break
    return start, end


_ORDINAL = (r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth)")
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth")
# "the 10th anniversary of Xi's state visit to", "the twentieth anniversary of the first visit by":
# the years since, then what is remembered (a few words, no verb of another clause)
_ANNIVERSARY_OF = re.compile(r"\b(?:(?:the|its|their)\s+)?(?:(\d{1,3}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS)
                             + r"|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth)\s+)?anniversary\s+of\s+"
                             r"(?:[\w'’.-]+\s+){0,6}\Z", re.IGNORECASE)


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _ordinal_number(word: str) -> int | None:
    """The number an ordinal says ("10th", "tenth", "fiftieth"), None when none."""
    word = word.lower()
    if word[:1].isdigit():
        return int(re.match(r"\d+", word).group())
    tens = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70}
    return _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else tens.get(word)
# A gathering known by its form: an ordinal, a "-lateral" word or a name before a gathering noun,
# optionally "of/on" a name: "the 10th ASEM summit", "a trilateral summit", "the fourth ministerial
# conference of the Istanbul Process", "the China-Arab States Summit".
_GATHERING_FORM = re.compile(
    r"\s*(?:the\s+|a\s+|an\s+)?(?P<name>(?:(?P<ord>" + _ORDINAL + r")\s+)?"
    r"(?P<words>(?:(?:[A-Z][\w.&'’-]*|[a-z]+lateral|ministerial|leaders['’]?|high-level|regional)\s+){0,5})"
    r"(?:[Ss]ummit|[Cc]onference|[Ff]orum|[Dd]ialogue|[Mm]inisterial\s+[Mm]eeting|[Ll]eaders['’]?\s+[Mm]eeting)"
    r"(?P<of>\s+(?:of|on)\s+(?:the\s+)?(?:[A-Z][\w.&'’-]*(?:\s+|$)){1,6})?)")
_DAY_NAME = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
                       r"May|June|July|August|September|October|November|December)\b")
# A body of one country's own, not a gathering of states: "the Central Conference on Work Relating to
# Foreign Affairs", "the Xinjiang Work Forum", "the Party Congress".
_DOMESTIC_GATHERING = re.compile(r"\b(?:Party|Congress|Plenary|Plenum|Central|Work|Provincial|Committee|People['’]s|"
                                 r"Press|News|Business|Investment|Economic Work)\b")


@dataclass(frozen=True)
class _FormForum:
    """A gathering the knowledge base does not list, named as the text names it."""

    name: str
    key: str = ""
    acronym: str = ""


def _place_after(text: str, pos: int, limit: int, matches) -> tuple[str | None, str | None]:
    """(country, place) of the first "in <place or country>" after ``pos``: where a gathering is held."""
    for m in matches:
        if m.kind in ("place", "country") and pos <= m.start < limit and \
                _IN_AT_BEFORE.search(text[max(pos, m.start - 12):m.start]) and \
                not _COMPOUND_AFTER.match(text, m.end):
            return (m.record.country, m.record.name) if m.kind == "place" else (m.record.iso3, None)
    return None, None


def _gathering_by_form(text: str, pos: int, limit: int) -> tuple[_FormForum | None, int]:
    """The gathering named at ``pos`` by its form, and where its name ends; (None, pos) when there is none."""
    m = _GATHERING_FORM.match(text, pos, limit)
    if m is None:
        return None, pos
    words = m.group("words")
    if not (m.group("ord") or m.group("of") or re.search(r"[A-Z]|lateral", words)):
        return None, pos  # "a conference", "the regional forum": no name
    name = m.group("name").strip()
    if m.group("of") and _DAY_NAME.search(m.group("of")):
        if not (m.group("ord") or re.search(r"[A-Z]|lateral", words)):
            return None, pos  # "a regional conference on Sunday"
        name = name[:m.start("of") - m.start("name")].strip()
    if _DOMESTIC_GATHERING.search(name):
        return None, pos
    return _FormForum(name), m.start("name") + len(name)


# An opening phrase before the subject: "During a visit to Dushanbe for the SCO summit, ".
# (after a sentence adverb or two: "Perhaps, inevitably, on a visit to Britain, Li was asked")
_SENTENCE_ADVERBS = (r"(?:(?:Perhaps|Maybe|However|Meanwhile|Indeed|Still|Yet|Also|Then|Later|Earlier|Now|Once"
                     r"|[A-Z][a-z]+ly)\s*,\s*(?:[a-z]+ly\s*,\s*)?)")
_OPENING_WORDS = "During|On|In|At|After|Following|Upon|Throughout|Ahead of"
_OPENING_PHRASE = re.compile(rf"\s*(?:(?:{_OPENING_WORDS})\b|{_SENTENCE_ADVERBS}(?:{_OPENING_WORDS.lower()})\b)"
                             r"[^;.]{0,120}\Z")
# The sentence adverbs before an opening phrase are the main clause's: "Perhaps, on a visit to Britain, Li
# was asked" tells a visit, whatever "perhaps" says of the asking.
_LEADING_ADVERBS = re.compile(rf"\s*{_SENTENCE_ADVERBS}(?=(?:{_OPENING_WORDS.lower()}|before|since|towards|to mark"
                              r"|for)\b)")


def _topic_gathering_before(gap: str) -> bool:
    """Whether a gap is a gathering named by its topic and the word that says where it is held
    ("a summit on global terrorism at the"): the place or gathering after it is the first target."""
    m = _TOPIC_GATHERING.match(gap)
    return m is not None and re.fullmatch(r"\s+(?:in|at|during)\s+(?:the\s+)?", gap[m.end():]) is not None


def _is_placing(trig: Trigger) -> bool:
    """Whether a trigger is the bare "in" that places its subject: an aside's ("Putin, in Kazan on
    Tuesday, said") or a sentence's opening ("In Kazan on Tuesday, Putin said"). It neither ends
    another trigger's window nor takes a later verb's subject."""
    return trig.type == "visit" and trig.end - trig.start == 2


def _is_aside(text: str, trig: Trigger) -> bool:
    """Whether a trigger is the "in" of an aside ("Putin, in Kazan on Tuesday, said")."""
    return trig.type == "visit" and trig.end - trig.start == 2 and text.startswith(", ", trig.start - 2)


# A visit's own phrase opening the sentence: "Speaking in Lima, ...", "At a news conference in Cairo, ...".
_PARTICIPLE_ING = re.compile(r"[A-Za-z]+ing\b")
_OPENING_TRIGGER = re.compile(r"[\s\"“‘']*")
_SPEAKING_IN = re.compile(r"(?:told|speaking|spoke|speaks)\b", re.IGNORECASE)
# ... and the comma that ends it, right before the subject ("..., visiting Chinese President, Xi Jinping")
_SUBJECT_AFTER_OPENING = re.compile(r",\s*(?:the\s+)?(?:[a-z]+\s+)?\Z")
# An opening phrase with a possessive pronoun, before the subject: "During his visit to Islamabad, ".
_OPENING_POSSESSIVE = re.compile(
    rf"\s*{_SENTENCE_ADVERBS}?(?i:During|On|In|At|After|Before|Following|Ahead of|Upon|Throughout|Since|Towards|To mark"
    r"|For)\b"
    r"[^,;.]{0,80}?\b(?:his|her|their)\b[^,;]{0,80}?,\s*(?:the\s+)?")


def _cataphora(text: str, sent: Sentence, ref: PartyRef, parties: list[PartyRef]) -> PartyRef | None:
    """The subject a pronoun of the sentence's opening phrase refers ahead to, or None."""
    opening = _OPENING_POSSESSIVE.match(text, sent.start, sent.end)
    if opening is None or not ref.start < opening.end():
        return None
    return next((p for p in parties if p.start >= opening.end() - 1 and p.kind in ("person", "unknown", "unnamed")
                 and p.start - opening.end() <= 2), None)


def _objects_of(text: str, triggers, parties: list[PartyRef]) -> set[int]:
    """The parties that stand as the object of a meeting or call in the sentence ("met Putin", "called
    on his counterpart Zardari"): the first party after the trigger, and those listed with it."""
    out: set[int] = set()
    for t in triggers:
        if t.type not in ("meeting", "call") or t.target != "right":
            continue
        after = [p for p in parties if p.start >= t.end and p.kind != "pronoun"]
        # ("met him in Beijing, and Putin said": the object is "him")
        if after and not any(q.kind == "pronoun" and t.end <= q.start < after[0].start
                             and text[q.start:q.end].lower() == "him" for q in parties):
            out.update(id(p) for p in _coordinated_forward(text, after))
    return out


_QUOTE_MARKS = re.compile(r'["“”]')


def _after_quote_said(text: str, lo: int, pos: int) -> int:
    """Where the words before ``pos`` that speak of it begin, from ``lo``: after a quotation that ends
    with its own punctuation ('"I will never hesitate," Obama said at the UN': the quote's "never" and
    "will" are not the saying's), but not after a quoted word ('has "never" visited')."""
    end = max(text.rfind("”", lo, pos), text.rfind('"', lo, pos))
    return end + 1 if end > lo and text[end - 1] in ",.!?" else lo


def _quote_around(text: str, sent: Sentence, pos: int) -> tuple[int, int] | None:
    """The quoted span of the sentence that holds ``pos`` (curly quotes open and close, straight ones
    pair up), or None; a sentence whose quotes do not pair up is read as unquoted."""
    if '"' not in sent.text and "“" not in sent.text and "”" not in sent.text:
        return None
    marks = [(m.start(), m.group(0)) for m in _QUOTE_MARKS.finditer(text, sent.start, sent.end)]
    opened = None
    spans = []
    for at, mark in marks:
        if opened is None:
            if mark == "”":
                return None
            opened = at
        else:
            if mark == "“":
                return None
            spans.append((opened, at + 1))
            opened = None
    if opened is not None:
        if marks[0][1] == '"':
            return None
        spans.append((opened, sent.end))  # a quote running on past the sentence's end
    return next((span for span in spans if span[0] < pos < span[1]), None)


def _coordinated(text: str, left: list[PartyRef], headline: bool = False) -> list[PartyRef]:
    """The subject group right before a trigger: the nearest party and those joined to it by 'and'
    (by a comma alone in a headline: "Obama, Xi meet at White House")."""
    if not left:
        return []
    # The nearest person-like party is the subject; appositions in between are skipped.
    # ("Yang Jiechi, special envoy of President Xi Jinping, visited Moscow": the envoy travels, not
    # the one he speaks for)
    candidates = [p for p in left if p.kind in ("person", "unknown", "unnamed", "pronoun", "generic", "title", "pair",
                                               "counterpart")
                  and not _ON_BEHALF_BEFORE.search(text, max(0, p.start - 30), p.start)]
    if not candidates:
        return []
    group = [candidates[-1]]
    for p in reversed(candidates[:-1]):
        gap = text[p.end:group[0].start]
        # "Putin, who chaired the summit, and Xi attended": a relative clause between the two
        if _AND_GAP.match(gap) or _COMMA_GAP.match(gap) and (len(group) > 1 or headline) or _WHO_AND_GAP.match(gap):
            group.insert(0, p)
        else:
            break
    return group


def _coordinated_forward(text: str, right: list[PartyRef], unnamed_groups: bool = False) -> list[PartyRef]:
    """The parties listed from the first of ``right`` on; a group of no one in particular ("Chinese
    officials") only when ``unnamed_groups`` (a meeting's other side: the country's)."""
    group: list[PartyRef] = []
    for p in right:
        if p.kind in ("pronoun", "pair"):
            if group:
                break
            continue
        if group:
            gap = text[group[-1].end:p.start]
            if not _LIST_GAP.match(gap) and not _FORWARD_GAP.match(gap):
                break
        group.append(p)
    return [p for p in group if p.kind != "generic" or p.name or unnamed_groups and p.country
            and _DELEGATION_END.search(text, p.start, p.end)]


_FORUM_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")


def _coordinated_forums(text: str, forums: list[tuple[int, int, object]], first) -> list:
    """The gatherings listed right after ``first`` ("the BRICS and SCO summits", "the G20, APEC and
    ASEAN meetings") among ``forums`` (start, end, record, in the text's order), each joined to the
    one before by a comma or "and"."""
    at = next((i for i, f in enumerate(forums) if f[2] is first), None)
    if at is None:
        return []
    out = []
    for before, (start, _, record) in zip(forums[at:], forums[at + 1:]):
        if not _FORUM_LIST_GAP.fullmatch(text, before[1], start) or record in out or record is first:
            break
        out.append(record)
    return out


def _target(m) -> Target:
    """A destination from a country's or a place's match."""
    if m.kind == "country":
        return Target(m.start, m.end, m.record.iso3)
    return Target(m.start, m.end, m.record.country, place=m.record.name)


# The site's name a page's title ends with: " | Business Standard Mobile Website", " - The Hindu".
_SITE_AFTER_TITLE = re.compile(r"\s+[|–—-]\s+[^|–—.!?]{2,60}\Z")


def _is_headline(sent: Sentence) -> bool:
    """A short line without closing punctuation: a title or a cross-head, not narrative (a title is
    measured without the site's name after it)."""
    return _is_headline_text(sent.text)


@lru_cache(maxsize=1024)
def _is_headline_text(text: str) -> bool:
    # (kept by text: each trigger of a sentence asks it again)
    if len(text) >= 90:
        site = _SITE_AFTER_TITLE.search(text)
        text = text[:site.start()] if site else text
    return len(text) < 90 and not _CLOSING_PUNCTUATION.search(text)


def _distance(span, trig: Trigger) -> int:
    if span.end <= trig.start:
        return trig.start - span.end
    if span.start >= trig.end:
        return span.start - trig.end
    return 0


def _once_per_sentence(told: list[Event]) -> list[Event]:
    """One record per event a sentence tells: "Albanese is due in Beijing from Nov 4, the first visit
    to China by an Australian leader since 2016" is one trip, as the first trigger tells it."""
    seen: dict[tuple, list[Event]] = {}
    out = []
    for ev in told:
        key = (ev.type, ev.actor.key(), tuple(sorted(p.key() for p in ev.counterparts)), tuple(ev.countries),
               ev.forum)
        kept = seen.setdefault(key, [])
        # (two days the sentence gives apart are two trips: "the trip, due in February, was postponed; he
        # finally went in June")
        if not kept or all(k.dated_by == ev.dated_by == "text" and not _dates_touch(k, ev) for k in kept):
            kept.append(ev)
            out.append(ev)
    return out


def _visits_by_actor(events: list[Event]) -> dict[str | None, list[Event]]:
    """The document's one-country visits, by traveller (so that lookups are not over all events)."""
    found: dict[str | None, list[Event]] = {}
    for e in events:
        if e.type == "visit" and len(e.countries) == 1:
            found.setdefault(e.actor.name, []).append(e)
    return found


def _outside(sentences: list[Sentence], spans: list[tuple[int, int]]) -> list[Sentence]:
    if not spans:
        return sentences
    return [s for s in sentences if not any(a <= s.start < b for a, b in spans)]


def _consolidate_regions(events: list[Event], kb) -> list[Event]:
    """Drop a region-wide visit when the same document names the countries of that trip."""
    visits = _visits_by_actor(events)
    out = []
    for ev in events:
        if ev.type == "visit" and len(ev.countries) > 1:
            named = {other.countries[0] for other in visits.get(ev.actor.name, ()) if _dates_touch(other, ev)}
            if named & set(ev.countries):
                continue
        out.append(ev)
    return out


def _called_visiting(text: str, sent: Sentence, name: str) -> bool:
    """Whether the sentence calls ``name`` "visiting": right before the name or its title ("the
    visiting Chinese President Xi Jinping", "Australia's visiting foreign minister, Julie Bishop")."""
    words = name.split()
    for m in _VISITING.finditer(text, sent.start, sent.end):
        window = text[m.end():min(sent.end, m.end() + 60)]
        at = min((i for i in (window.find(w) for w in (words[0], words[-1])) if i >= 0), default=-1)
        if at >= 0 and _TITLE_WORDS.fullmatch(window[:at]):
            return True
    return False


def _hosts_from_visits(events: list[Event]) -> list[Event]:
    """A meeting or gathering with no place named takes the country a participant is visiting at that
    time, as the document tells both (a planned visit hosts a planned meeting, not a rumoured one);
    a stay runs on for a few days after the day it is dated. Undated, the two are told in one
    sentence ("travelled to Egypt, Cairo and met with Sameh Shoukry"): the report dates them alike."""
    visits = _visits_by_actor(events)
    for ev in events:
        if ev.type not in ("meeting", "multilateral") or ev.countries:
            continue
        names = {p.name for p in [ev.actor, *ev.counterparts] if p.name}
        hosts = {(v.countries[0], v.place) for name in names for v in visits.get(name, ())
                 if v.status == ev.status and (_dates_touch(v, ev, _STAY_RUNS_ON) if v.start and ev.start
                                               else not v.start and not ev.start and _same_sentence(v, ev))}
        if len({h[0] for h in hosts}) == 1:
            (country, place), *_ = sorted(hosts, key=lambda h: (h[1] is None, h[1] or ""))
            ev.countries = [country]
            ev.place = ev.place or place
    return events


def _visits_at_gatherings(events: list[Event]) -> list[Event]:
    """Who attended a gathering in a foreign country was there: each attendance abroad that took place
    is also a visit to that country, told by the same sentence, unless the sentence already tells that
    visit ("Modi said at the BRICS summit in Fortaleza": a visit to Brazil too). Not a planned
    attendance: a plan to attend says no more than that (the seeds' gold keeps such visits out)."""
    told = {(e.actor.name, e.countries[0], e.mentions[0].start) for e in events
            if e.type == "visit" and e.countries and e.mentions}
    added = []
    for ev in events:
        if ev.type != "multilateral" or ev.status != "occurred" or not ev.countries or not ev.mentions or \
                not ev.actor.name or \
                not ev.actor.country or ev.countries[0] == ev.actor.country:
            continue
        key = (ev.actor.name, ev.countries[0], ev.mentions[0].start)
        if key in told:
            continue
        told.add(key)
        m = ev.mentions[0]
        added.append(replace(ev, type="visit", counterparts=[], forum=None, countries=ev.countries[:1],
                             id=mention_event_id(m.doc, m.start, m.end, "visit", [ev.actor], ev.countries[:1], None),
                             mentions=list(ev.mentions)))
    return events + added


def _same_sentence(a: Event, b: Event) -> bool:
    return bool(a.mentions and b.mentions) and (a.mentions[0].start, a.mentions[0].end) == \
        (b.mentions[0].start, b.mentions[0].end)


def _dates_touch(a: Event, b: Event, slack_days: int = 0) -> bool:
    """Whether the dates of ``a`` (widened by ``slack_days`` on both sides) and ``b`` overlap."""
    if not (a.start and b.start):
        return True
    slack = timedelta(days=slack_days)
    a0, a1 = date.fromisoformat(a.start) - slack, date.fromisoformat(a.end or a.start) + slack
    return a0 <= date.fromisoformat(b.end or b.start) and date.fromisoformat(b.start) <= a1
