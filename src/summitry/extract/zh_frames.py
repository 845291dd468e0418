"""The frames of the Chinese rule engine: who acts, with whom, where, when and with what status,
for each trigger of a sentence, and the events they make (``summitry.extract.zh`` reads the
document and builds the slots these frames read)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from summitry.extract import mention_event_id
from summitry.extract.zh_slots import (
    AFTER_THAT,
    ATTEND_REACH,
    BARE_DAY,
    BARE_GATHERING,
    CLAUSE_BREAK,
    DATELINE,
    EDITION_WINDOW,
    GATHERING_LOOKBACK,
    LIST_JOINERS,
    LOCATIVE,
    NO_OBJECT,
    OBJECT_LEAD,
    ORGAN_GAP,
    SIDE_NOTE,
    SINCE,
    TALKS_END,
    TALKS_HELD,
    TIME_CLAUSE_END,
    DatesOfContext,
    DatesOfSentence,
    DocState,
    Slot,
    joins,
    place_name,
    record_city,
    span_precision,
)
from summitry.extract.zh_text import Sentence
from summitry.records import Event, Mention, Party

if TYPE_CHECKING:
    from summitry.extract.zh import ChineseRuleEngine


EDITION_YEAR = re.compile(r"^(?:19|20)\d{2}(?:年度?)?(?=\D)")
TALKS_JOINED = re.compile(r"(?:参加|出席|参与)(?:新一轮|下一轮|首轮|第[一二三四五六七八九十0-9]{1,3}轮)?$")
REFERENCE_END = re.compile(r"时|期间|之后|以后|后")
RECEIVED_BY = re.compile(r"[与同跟和]$")
OBJECT_LEAD_RELATIVE = re.compile(r"[同与跟向][^，,。；;的同与跟向]{0,8}(?:访问|访华|来华|到访|来访|出席|参加)[^，,。；;的]{0,6}的$")
THIS_TIME = re.compile(r"此次|这次|本次")
# the group word of a list of countries' officials (四国外长, 三国领导人)
GROUP_WORD = re.compile(r"[三四五六七八九十0-9]+国[^，,。；;、和与及]{0,6}$")
# the object of an attending verb that is a ceremony (就职典礼, 庆典, 仪式)
CEREMONY_OBJECT = re.compile(r"典礼|庆典|仪式")
# right after talks: what they achieved (仍取得积极进展)
TALKS_PROGRESS = re.compile(r"(?:仍|已|已经|均)?取得了?(?:积极|显著|良好|重要|重大|一定|实质性)?(?:的)?进展")
# a sentence opening on what came before the day last told (此前，…已对土库曼斯坦进行国事访问)
BEFORE_THAT = re.compile(r"(?:此前|在此之前|此前不久)[，,]")
# between a delegation's head and the delegation (万斯率领的美国代表团, 以万斯为首的美国代表团)
LED_BY = ("率领的", "带领的", "为首的")
# right after a visit: its eve (访华前夕)
VISIT_EVE = re.compile(r"前夕")
# a day counted from the last one told: the next (group 1) or the one before
RELATIVE_DAY = re.compile(r"(次日|翌日|第二天|隔天)|此前一天|前一天|前一日|头一天")
# right after a country: those who act for it unnamed (伊朗代表团, 阿曼方面)
DELEGATES_AFTER = re.compile(r"(?:政府)?(?:代表团|代表|方面)")
# A welcome ceremony told before talks in their sentence (欢迎仪式后，…举行会谈)
WELCOMED_BEFORE = re.compile(r"欢迎仪式(?:后|结束后|之后)")
# How a sentence that goes on with the subject before it opens: a place, a time, a verb of meeting.
SUBJECTLESS_OPENING = re.compile(r"(?:在|随后|此后|其间|期间|之后|还|并|又|同日|当天|当日|会见|会晤|接见)")
# a meeting verb, then titles up to the party they govern (会见土库曼斯坦民族领袖、人民委员会主席…)
MEETS_THEN_TITLES = re.compile(r"(?:会见|会晤|接见)了?[^，,。；;的]{1,24}$")
# A meeting verb right before an attending verb: 会见出席…的X, the attendees are those met (a relative
# clause), not who meets them
MET_BEFORE_RELATIVE = re.compile(r"(?:会见|会晤|接见|看望)了?(?:前来|专程|来华|来京|来沪)*$")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(written: str) -> int | None:
    """'10', '十', '一', '二十五', '七十' -> int (up to 99); None for anything else."""
    if written.isdigit():
        return int(written)
    tens, ten, units = written.partition("十")
    if not ten:
        return _DIGITS.get(written) if len(written) == 1 else None
    if (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


# 访问10周年, 会晤一周年: the anniversary of the event, counted in years
# (right after the trigger: 庆祝中巴建交75周年招待会 is the anniversary of something else)
ANNIVERSARY_AFTER = re.compile(r"([0-9]{1,3}|[一二两三四五六七八九十]{1,3})周年")
DAYPART_RANGE = re.compile(r"(?:上午|下午|中午|晚间|晚上|夜间|凌晨|早上|傍晚)(?:到|至)")
# a day told by reference to the day told before (当天, 次日): a particular day, like a date
HOLDS_BEFORE = re.compile(r"^(?:召开|举行|举办)了?")
SAME_DAY = re.compile(r"当天|当日|同日|同一天|次日|翌日|第二天|前一天")
# a part of the day, a particular time when the sentence told its day before (今天上午…，下午将…)
DAYPART = re.compile(r"上午|下午|中午|晚间|晚上|当晚|凌晨|早上|傍晚")
# a country's delegation or representatives right after its name
REPRESENTATIVES_AFTER = re.compile(r"(?:政府)?(?:代表团|代表)(?![处])")
# verbs of saying, a presence only right after the place they are said in (夏巴兹23日在利雅得表示)
SAYING = frozenset({"表示", "说", "称", "指出", "强调"})
# a relative clause of what is under way (正在沙特访问的)
ONGOING = re.compile(r"正在")
NEXT_ROUND = re.compile(r"(?:下一轮|下轮|下一次|下次|下一阶段)(?:的)?$")
# the last round held (俄美乌…举行了三轮三方会谈，最近一次会谈于2月17日至18日在日内瓦举行): of the same sides
LAST_ROUND = re.compile(r"(?:最近一次|最近一轮|上一轮|上轮|上一次|上次|前一轮)(?:的)?$")
# the head of a relative clause of travel that is the trip itself (前往巴基斯坦的行程)
TRIP_HEAD = re.compile(r"行程|旅程|访问行程|出访行程")
UNKNOWN_YET = re.compile(r"尚不清楚|尚不明确|尚未确定|仍不确定|还不清楚")
# A date that qualifies a matter (近期局势, 当前形势, 今年的情况) dates the matter, not an event.
DATE_OF_A_MATTER = re.compile(r"的?(?:局势|形势|情况|事态|动态|态势|热点|问题|议题|进展)")

# After a group's meeting named as a topic (美中元首会晤具有重要意义, 会晤成果, 会晤达成的共识).
GROUP_TOPIC_AFTER = re.compile(r"(?:具有|具备|意义|成果|精神|共识|达成的|的成果|的重要|对于|对)")
# Before a group, these point at a meeting the story tells (此次俄中元首会谈).
DEMONSTRATIVE = re.compile(r"此次|这次|本次|今天|昨天|当天")
# A span of years or a count before a trigger makes a general statement (近年来…多次会晤).
# attended from afar (以视频方式出席, 通过视频连线参加): no stay where the gathering is held
REMOTE = re.compile(r"视频|线上|远程|连线")
# a meeting held by video (以视频方式会见, 通过视频连线同…举行会谈): a call, in no one's country
BY_VIDEO = re.compile(r"(?:以|通过)(?:视频|线上|远程)(?:连线)?(?:方式|形式)?|视频连线")
GENERAL_TIME = re.compile(r"近年来|近些年|多年来|这些年来?|过去[一二两三四五六七八九十0-9]+年|[一二两三四五六七八九十0-9]+年来")
# (最近一次会谈: the latest, one event)
GENERAL_COUNT = re.compile(r"(?<![第首下上这那每该同近一二两三四五六七八九十0-9])(?:多|屡|数|[一二两三四五六七八九十0-9]+)次$")
# 在朝鲜进行(国事访问): the place where a visit is carried out, right before the visit.
AT_VISIT = re.compile(r"在[^，,。；;在]{1,16}?进行")
# What travels in a delegation's name, and who leads it.
DELEGATION = re.compile(r"代表团|谈判团队|谈判小组|工作组")
LEADS = re.compile(r"率|带领|带队")
# a bilateral mechanism's name (中俄议会合作委员会第十一次会议, 中英经济财金对话)
BILATERAL_MECHANISM = re.compile(r"委员会|对话|磋商|合作机制")
# 在X（和夫人Y）陪同下: X escorts the subject of the clause
ESCORT_AFTER = re.compile(r"(?:和夫人[^，,。；;]{1,8})?陪同下")
# 就…与/同/跟: the matter (就美方军事行动), then who is met; not 就是, 就要, 成就, 也就
TOPIC_BEFORE = re.compile(r"(?<![成也这那])就(?![是要在会将已能可此])[^，,。；;与同跟]{2,24}?(?=[与同跟])")


class Frame:
    """The frames of the triggers of one sentence."""

    def __init__(
        self,
        engine: ChineseRuleEngine,
        state: DocState,
        sent: Sentence,
        slots: list[Slot],
        clause_starts: list[int],
        invitations: list[tuple[int, int]],
        when: date | None,
        trigger_starts: list[int],
    ):
        self.engine, self.lex, self.kb = engine, engine.lex, engine.kb
        self.state, self.text, self.sent = state, state.text, sent
        self.trigger_starts = trigger_starts
        self._clauses: dict[int, tuple[int, int]] = {}
        self.slots, self.clause_starts, self.invitations, self.when = slots, clause_starts, invitations, when
        self.parties = [s for s in slots if s.kind == "party"]  # pair slots may stay empty: see refer
        self.locs = [s for s in slots if s.kind == "loc"]

    def refer(self, pos: int) -> None:
        """Give 两国元首, 双方 … the parties of the last meeting or call reported before ``pos``."""
        group = self.state.last_group or self.engine._last_pair(self.state, pos)
        for slot in self.slots:
            if not slot.pair:
                continue
            slot.parties = tuple(group) if len(group) >= 2 else ()
            word = self.text[slot.start : slot.end]
            head = next((h for cue, h in self.lex.group_heads.items() if word.endswith(cue)), None)
            if head is not None and slot.parties:  # 两国元首: the heads of the countries last named
                countries = dict.fromkeys(p.country for p in slot.parties if p.country)
                # (李强同阿努廷举行会谈。会谈后，两国总理…: the premiers the story named, whoever the knowledge
                # base has in that office on the day)
                levels = {head["level"]} | ({"head_of_state", "head_of_government"} if head.get("leader") else set())
                named = {p.country: p for p in slot.parties if p.name and p.country and p.level in levels}
                slot.parties = tuple(replace(named[c]) if c in named else self.engine._leader(c, head, self.when)
                                     for c in countries)

    # positions

    def clause_of(self, pos: int) -> tuple[int, int]:
        """(start, end) of the clause around ``pos`` (clauses end at ，；： — asked often, so kept)."""
        found = self._clauses.get(pos)
        if found is None:
            i = bisect.bisect_right(self.clause_starts, pos) - 1
            start = self.clause_starts[max(i, 0)]
            end = self.clause_starts[i + 1] if i + 1 < len(self.clause_starts) else self.sent.end
            found = self._clauses[pos] = (start, end)
        return found

    def invited(self, slot: Slot) -> bool:
        return any(a <= slot.start and slot.end <= b for a, b in self.invitations)

    def object_of_preposition(self, slot: Slot) -> bool:
        """The party is governed by 同/与/向 … or by a meeting verb (会见了X): not a subject."""
        escort = slot
        while escort is not None and not ESCORT_AFTER.match(self.text, escort.end):
            # 在朝鲜劳动党总书记、国务委员长金正恩陪同下: the titles listed before the escort's name
            escort = next((p for p in self.parties if p.start == escort.end + 1
                           and self.text[escort.end] == "、"), None)
        if escort is not None:
            return True  # 在金正恩和夫人李雪主陪同下: who escorts is no subject
        lead = OBJECT_LEAD.search(self.text, max(self.sent.start, slot.start - 8), slot.start)
        if lead is None:
            # 同来华访问的洪森主席举行会晤: a relative clause of travel between 同 and the one met
            lead = OBJECT_LEAD_RELATIVE.search(self.text, max(self.sent.start, slot.start - 16), slot.start)
        before = next((p for p in reversed(self.parties) if p.end <= slot.start), None)
        if lead is None and before is not None and self.text[before.end : slot.start] in ("", "、"):
            # 会见朝鲜劳动党总书记、国务委员长金正恩: the titles listed after an object are the same object's
            return self.object_of_preposition(before)
        if lead is None and before is not None and self.text[before.end : slot.start] in ("，", ","):
            # 分别会见A，总统B，同C共同主持…: a clause that names one party and nothing else goes on with
            # the list of the clause before it
            c0, c1 = self.clause_of(slot.start)
            if c0 == slot.start and self.text[slot.end : c1].strip(" ，,、") == "":
                return self.object_of_preposition(before)
        if lead is None:
            # …，同朝鲜劳动党中央政治局常委、中央书记、组织指导部部长赵甬元举行会谈: a clause that opens
            # with 同/与/跟 governs its first party, however long the titles before the name
            c0, _ = self.clause_of(slot.start)
            if any(c0 <= s.start < slot.start for s in self.parties):
                return False
            # 分别会见土库曼斯坦民族领袖、人民委员会主席X: a meeting verb governs the first party after it,
            # however many titles stand between
            return ((self.text[c0 : c0 + 1] in ("同", "与", "跟") and c0 < slot.start)
                    or MEETS_THEN_TITLES.search(self.text, c0, slot.start) is not None)
        # 应习近平邀请 厄瓜多尔总统…: the close of 应…邀请 governs no one
        return not any(a <= lead.start() < b for a, b in self.invitations)

    # roles

    def subject_before(self, pos: int) -> Slot | None:
        """The nearest party before ``pos`` that is neither an inviter nor the object of 同/与/向."""
        for slot in reversed(self.parties):
            if (
                slot.end <= pos
                and not slot.group
                and not self.invited(slot)
                and not self.object_of_preposition(slot)
            ):
                return slot
        return None

    def relative_head(self, te: int) -> Slot | None:
        """The party a relative clause ending in 的 describes (来华出席峰会的印度总理莫迪)."""
        _, c1 = self.clause_of(te)
        de = self.text.find("的", te, c1)
        while de >= 0:
            if any(te <= s.start < de for s in self.parties):
                return None
            head = next((s for s in self.parties if s.start == de + 1 and not s.group), None)
            if head is None:
                # 来华访问的土库曼斯坦民族领袖、人民委员会主席别尔德穆哈梅多夫: the country, then titles
                # that do not join it, then the party of that country
                loc = next((s for s in self.locs if s.start == de + 1 and s.place is None), None)
                head = loc and next((s for s in self.parties if loc.end <= s.start <= loc.end + ORGAN_GAP + 4
                                     and s.country == loc.country and not s.group
                                     and not re.search(r"[，,。；;和与同及]", self.text[loc.end : s.start])), None)
            if head is None:
                # 来华出席…论坛的欧盟委员会委员谢夫乔维奇: an organisation, then a title, then its official
                # (who acts for no state)
                org = next((s for s in self.slots if s.kind == "forum" and s.start == de + 1), None)
                head = org and next((s for s in self.parties if org.end <= s.start <= org.end + ORGAN_GAP
                                     and not s.group and s.parties and s.parties[0].country is None
                                     and not re.search(r"[，,。；;和与同及]", self.text[org.end : s.start])), None)
            if head is None:
                # 正在朝鲜进行国事访问的中共中央总书记、国家主席习近平: titles listed before the one that
                # names the party
                head = next((s for s in self.parties if de + 1 < s.start <= de + 1 + ORGAN_GAP + 8
                             and not s.group and self.text[s.start - 1] == "、" and s.parties[0].name
                             and not re.search(r"[，,。；;和与同及的]", self.text[de + 1 : s.start])), None)
            if head is not None:
                return head
            de = self.text.find("的", de + 1, c1)
        return None

    def invitee(self, ts: int) -> Slot | None:
        """In X邀请Y访问Z, Y: the party right after the last 邀请 of the clause before the trigger."""
        c0, _ = self.clause_of(ts)
        at = self.text.rfind(self.lex.invited_cue, c0, ts)
        if at < 0 or any(a <= at < b for a, b in self.invitations):
            return None  # 应习近平邀请 厄瓜多尔总统将访华: the close of 应…邀请, not X邀请Y
        after = at + len(self.lex.invited_cue)
        return next(
            (s for s in self.parties if after <= s.start <= after + 1 and s.end <= ts and not s.group), None
        )

    def earlier_subject(self, ts: int) -> Slot | None:
        """The subject of an earlier clause, unless this clause invites someone else (并邀请…赴…)."""
        c0, _ = self.clause_of(ts)
        if self.text.find(self.lex.invited_cue, c0, ts) >= 0:
            return None
        if self.text.startswith("并", c0):
            # …致信联合国秘书长古特雷斯，并与古特雷斯通话: 并 goes on with the subject of the clause
            # before, the first party there, not its object
            p0, _ = self.clause_of(c0 - 1) if c0 > self.sent.start else (c0, c0)
            first = next((s for s in self.parties if p0 <= s.start and s.end <= c0 and not s.group
                          and not self.invited(s) and not self.object_of_preposition(s)), None)
            if first is not None:
                return first
        return self.subject_before(c0)

    def actor(self, ts: int, te: int) -> Slot | None:
        """Who travels or attends: the head of a relative clause, the subject of the clause (or of an
        earlier one), else the subject that opens a later clause (在对X进行国事访问期间，习近平…)."""
        head = self.relative_head(te)
        if head is not None:
            return head
        c0, _ = self.clause_of(ts)
        invitee = self.invitee(ts)
        if invitee is not None:
            return invitee
        subject = self.subject_before(ts)
        if subject is not None and subject.start >= c0:
            return subject
        subject = self.earlier_subject(ts)
        if subject is not None:
            return subject
        later = next((s for s in self.parties if s.start >= ts and not s.group), None)
        if later is not None and (later.start in self.clause_starts or (
                self.lex.time_clause_end_re.search(self.text, ts, later.start)
                and not any(ts < t < later.start for t in self.trigger_starts))):
            # 在对朝鲜进行国事访问之际，中共中央总书记、国家主席习近平…: the subject after the time clause
            return later
        return None

    def meets_at(self, pos: int) -> bool:
        """A meeting or call is told right at ``pos`` (…与伊朗谈判, …同美方会谈)."""
        m = self.lex.trigger_re.match(self.text, pos, pos + 8) or self.lex.trigger_re.match(self.text, pos + 2)
        return m is not None and self.lex.triggers[m.group()]["type"] in ("meeting", "call")

    def chain_after(self, pos: int, candidates: list[Slot], gap: int = 2) -> list[Slot]:
        """Slots right after ``pos`` (within ``gap``), then those listed with 、/和/及 after them."""
        out: list[Slot] = []
        reach = pos
        for slot in candidates:
            if slot.start < reach:
                continue
            between = self.text[reach : slot.start].strip()
            if not out:
                if slot.start - reach > gap or (between and between not in ("了", "到", "至", "于")):
                    break
            elif between not in LIST_JOINERS:
                break
            elif between in ("与", "同") and self.meets_at(slot.end):
                break  # 前往瑞士与伊朗谈判: 与 governs who the talks are with, not another destination
            out.append(slot)
            reach = slot.end
            side = SIDE_NOTE.match(self.text, reach)
            if side:
                reach = side.end()
        return out

    def status(self, actor: Slot | None, ts: int, te: int) -> str | None:
        """The status the cues give (None: the event is denied)."""
        lex, text = self.lex, self.text
        c0, c1 = self.clause_of(ts)
        # Put off or called off: in the trigger's clause, or later in the sentence as long as no
        # other party comes in between (原定下月访华，但访问已被推迟).
        later = next((s.start for s in self.parties if s.start >= te), self.sent.end)
        for m in lex.status_re.finditer(text, c0, max(c1, later)):
            if lex.status[m.group()].get("scope") != "clause":
                continue
            if m.start() >= c1:  # a later clause: not when the cue governs an event of its own (取消…访问)
                _, m_end = self.clause_of(m.start())
                own = any(m.end() <= t < m_end for t in self.trigger_starts) and any(
                    m.end() <= slot.start < m_end for slot in (*self.locs, *self.parties))
                if own:  # (but 宣布推迟访问, a bare 访问 naming no one and nowhere, is this event's)
                    continue
            return lex.status[m.group()]["status"]
        if lex.negation_re.search(text, max(self.sent.start, ts - 4), ts):
            return None
        if VISIT_EVE.match(text, te):
            return "planned"  # 在访华前夕接受专访: on the eve of the visit, it is still to come
        lo, hi = c0, ts
        if actor is not None and c0 <= actor.start and actor.end <= ts and self.object_of_preposition(actor):
            # 以色列代表团将赴美国，与美方…进行磋商: the clause's subject is left out, the one met is named
            # first; the cues of the sentence up to it are the event's
            lo = self.sent.start
        elif actor is not None and actor.end <= ts:
            lo = actor.end
        elif actor is not None and lex.time_clause_end_re.search(text, te, actor.start) is not None \
                and any(lex.status[m.group()]["status"] == "planned" for m in lex.status_re.finditer(text, c0, ts)):
            # 在即将对中国进行国事访问之际，武契奇接受专访: the time clause is the visit's own, and its cue
            # (即将) is the visit's
            return "planned"
        elif actor is not None and actor is self.relative_head(te) and ONGOING.search(self.text, c0, ts):
            return "occurred"  # 正在沙特访问的夏巴兹23日表示，巴方将…: the stay is under way, whatever he says
        elif actor is not None and actor is self.relative_head(te) and (own := [
                m for m in lex.status_re.finditer(text, c0, ts) if lex.status[m.group()].get("scope") != "clause"]):
            # 即将访问中国的马克龙23日接受了专访: the relative clause's own cue is the trip's, not what the
            # main clause tells of its head
            return lex.status[own[-1].group()]["status"]
        elif actor is not None:
            # the subject comes later (访问期间，习近平将…; 访土期间，丁薛祥作为…主席，将同…): the cues
            # after it count, up to the next event the sentence tells
            lo = actor.end
            # (与到访的伊拉克总理扎伊迪会谈，双方重申将…: the next event may start right after the name)
            hi = next((t for t in self.trigger_starts if t >= actor.end), self.sent.end)
        status = "occurred"
        # talks named before what happens to them (下一次谈判可能在本周末举行, 谈判将于14日举行): the cue of
        # that predicate is theirs
        ahead = lex.talks_ahead_re.match(text, te)
        if ahead is not None and ahead.group(1) in lex.status:
            return lex.status[ahead.group(1)]["status"]
        if NEXT_ROUND.search(text, max(self.sent.start, ts - 4), ts):
            # 下一轮谈判: a round still to come, whose plans may not even be known (尚不清楚…计划), or
            # that is only hoped for or guessed at in its clause (乌方期待…举行下一轮会谈, 下次会谈地点可能…)
            hoped = any(lex.status[m.group()]["status"] == "speculated" for m in lex.status_re.finditer(text, c0, c1))
            return "speculated" if hoped or UNKNOWN_YET.search(text, self.sent.start, self.sent.end) else "planned"
        for m in lex.status_re.finditer(text, lo, hi):
            entry = lex.status[m.group()]
            if entry.get("scope") == "clause":
                continue
            ender = lex.time_clause_end_re.search(text, m.end(), hi)
            if ender and CLAUSE_BREAK.search(text, ender.end(), hi):
                continue  # 在即将卸任之际，… : the cue dates the time clause, not the event
            status = entry["status"]
        if actor is not None and actor is self.invitee(ts):
            status = lex.invited_status
        return status

    def date_span(self, ts: int) -> Any:
        """The date of the event at ``ts``: the nearest date before it in the sentence (not one that
        belongs to an earlier time clause with an event of its own: 继2015年在新加坡会面后，再次会面),
        else the first after it; for 当天/同日, the last date before the sentence."""
        state = self.state
        lo = bisect.bisect_left(state.date_starts, self.sent.start)
        hi = bisect.bisect_left(state.date_starts, self.sent.end)
        inside = [s for s in state.dates[lo:hi] if s.end <= self.sent.end]
        own_clause = self.clause_of(ts)[0]
        inside = [s for s in inside if not (s.interval.precision == "year"
                                            and self.lex.year_of_gathering_re.match(self.text, s.end))]
        since = SINCE.search(self.text, self.sent.start, ts)
        own_start, own_end = self.clause_of(ts)
        later = next((s for s in inside if ts <= s.start < own_end), None)
        for span in reversed(inside):
            if later is not None and span.end <= ts and span.start < own_start:
                return later  # 媒体23日报道说，下一轮会谈预计于27日前后举行: the talks' own date
            if span.end > ts:
                continue
            if since is not None and since.start() <= span.start < since.end():
                continue  # 自2月底…以来，双方首次会晤: the date is what the time is counted from
            if span.start < own_start and THIS_TIME.search(self.text, own_start, ts):
                continue  # 不久前同洪森会晤，…此次将同首相先生会见: this time's event has not that date
            if DATE_OF_A_MATTER.match(self.text, span.end):
                continue  # 就伊朗近期局势致信…: the time of the situation spoken of, not of the event
            if (self.lex.speech_date_re.match(self.text, span.end) and self.text.find("，", span.end, ts) >= 0
                    and any(s.start >= ts for s in inside)):
                continue  # 特朗普16日称，…谈判可能在本周末举行: the day of the words; the talks have their own
            if span.start < own_start and NEXT_ROUND.search(self.text, max(own_start, ts - 4), ts):
                continue  # 媒体今天（4月14日）报道，…，但在下一轮谈判…: the next round is still to come that day
            c0, c1 = self.clause_of(span.start)
            if c0 == own_clause and AFTER_THAT.search(self.text, span.end, ts):
                continue  # 今年1月就任后的首次通话: the date is the earlier event's
            if (
                c1 <= own_clause
                and TIME_CLAUSE_END.search(self.text, c0, c1)
                and any(c0 <= t < c1 for t in self.trigger_starts if t != ts)
            ):
                continue
            return span
        after = [s for s in inside if s.start >= ts]
        # 同一天，X与Y会面时，敦促…恢复去年…的安排: a same-day reference before the event dates it, not
        # what the sentence says after it
        if after and not self.lex.same_day_re.search(self.text, self.sent.start, ts):
            return after[0]
        if self.lex.same_day_re.search(self.text, self.sent.start, self.sent.end):
            days = [d for d in state.dates[:lo] if d.interval.precision == "day"]
            # 当晚: the day of the last event told (…会谈。…今年5月1日起…。当晚，…举行欢迎宴会: 21 April),
            # else the last day written before
            told = next((e.start for e in reversed(state.events) if e.precision == "day" and e.start), None)
            found = next((d for d in reversed(days) if d.interval.iso()[0] == told), None) or (days[-1] if days else None)
            if found is not None or not after:
                return found
            return after[0]
        return None

    def days_in_turn(self, ts: int, status: str, n: int) -> list[DatesOfSentence] | None:
        """16日、17日先后与A及B会面: n days listed with 、, one for each party in turn."""
        span = self.date_span(ts)
        start, end, precision = self.dates(ts, status)
        if span is None or precision != "day" or "、" not in span.text or not start:
            return None
        first, last = date.fromisoformat(start), date.fromisoformat(end or start)
        if (last - first).days + 1 != n:
            return None
        return [DatesOfSentence(((first + timedelta(days=i)).isoformat(),) * 2 + ("day",)) for i in range(n)]

    def dates(self, ts: int, status: str) -> tuple[str | None, str | None, str | None]:
        cue = self.lex.trigger_re.match(self.text, ts)
        anniversary = self.anniversary_year(cue.end()) if cue is not None else None
        span = self.date_span(ts)
        if span is None and BEFORE_THAT.match(self.text, self.sent.start):
            # 习近平是6日抵达阿斯塔纳的。此前，习近平已对土库曼斯坦进行国事访问: in the week before the
            # last day told (no day of its own: an approximate stay)
            lo = bisect.bisect_left(self.state.date_starts, self.sent.start)
            days = [d for d in self.state.dates[:lo] if d.interval is not None and d.interval.precision == "day"]
            if days:
                last = days[-1].interval.start
                return DatesOfContext(((last - timedelta(days=7)).isoformat(),
                                       (last - timedelta(days=1)).isoformat(), "month"))
        relative = RELATIVE_DAY.search(self.text, self.sent.start, ts)
        if relative is not None and (span is None or span.start < self.sent.start):
            # 次日, 此前一天: the day after or before the last day told before the sentence
            lo = bisect.bisect_left(self.state.date_starts, self.sent.start)
            days = [d for d in self.state.dates[:lo] if d.interval is not None and d.interval.precision == "day"]
            if days:
                day = days[-1].interval.start + timedelta(days=1 if relative.group(1) else -1)
                return DatesOfContext((day.isoformat(), day.isoformat(), "day"))
        elif (relative is not None and span is not None and span.end <= relative.start()
              and span.interval.precision == "day" and span.interval.start == span.interval.end):
            # 12日抵达阿布扎比，次日与…举行谈判: the day after the one the sentence told before
            day = span.interval.start + timedelta(days=1 if relative.group(1) else -1)
            return DatesOfSentence((day.isoformat(), day.isoformat(), "day"))
        if anniversary is not None and (span is None or span.interval.start.year != anniversary):
            # 今年是习近平主席对哈萨克斯坦进行国事访问10周年: the visit was ten years before (去年对越进行
            # 历史性访问一周年 keeps its own year), never in the year of writing
            return DatesOfSentence((f"{anniversary}-01-01", f"{anniversary}-12-31", "year"))
        if span is None:
            return None, None, None
        interval = span.interval
        published = self.state.published
        # 从11日下午到12日凌晨: a range the dates' grammar reads as two days (a part of the day between)
        k = bisect.bisect_left(self.state.date_starts, span.start)
        before = self.state.dates[k - 1] if k > 0 else None
        after = self.state.dates[k + 1] if k + 1 < len(self.state.dates) else None
        first, last = ((before, span) if before is not None and DAYPART_RANGE.fullmatch(self.text, before.end, span.start)
                       else (span, after) if after is not None and DAYPART_RANGE.fullmatch(self.text, span.end, after.start)
                       else (None, None))
        if first is not None and first.interval.start <= last.interval.end and first.interval.precision == "day" \
                and last.interval.precision == "day":
            start, end = first.interval.iso()[0], last.interval.iso()[1]
            told = DatesOfSentence if first.start >= self.sent.start else DatesOfContext
            return told((start, end, "day"))
        # The date was read without knowing the tense; a plan looks ahead (周三: next Wednesday), and a
        # report of what happened looks back (21日 written on 10 May: 21 April).
        tense = None
        if status in ("planned", "speculated") and (
            span.kind in ("weekday", "relative", "part")
            # 将于23日 written on 3 May: 23 May, not 23 April
            or (published and interval.end < published and BARE_DAY.fullmatch(span.text))
        ):
            tense = "future"
        elif (
            status == "occurred"
            and published
            and interval.start > published
            and (span.kind == "weekday" or BARE_DAY.fullmatch(span.text))
        ):
            tense = "past"
        if tense is not None and re.search(r"(?:同年|当年|该年|那年)$", self.text[max(0, span.start - 2) : span.start]):
            tense = None  # 当年秋天: the season of the year named before, read already (ChineseRuleEngine._same_year)
        if tense is not None:
            offset = self.sent.start
            for again in self.state.dates_with_tense(self.sent, tense):
                if again.start + offset == span.start and again.interval is not None:
                    interval = again.interval
                    break
        start, end = interval.iso()
        # 同日, 当天: the date of an earlier sentence
        told = DatesOfSentence if span.start >= self.sent.start else DatesOfContext
        return told((start, end, interval.precision))

    def anniversary_year(self, te: int) -> int | None:
        """The year of an event whose anniversary follows its trigger (访问10周年, 会晤一周年): the year of
        writing less the count of years."""
        m = ANNIVERSARY_AFTER.match(self.text, te)
        if m is None or self.state.published is None:
            return None
        years = chinese_number(m.group(1))
        if not years:
            return None
        return self.state.published.year - years

    # events

    def events(self, ts: int, te: int, cue: str) -> list[Event]:
        entry = self.lex.triggers.get(cue)
        if entry is None:  # 访俄, 访美 …
            entry = {"cue": cue, "type": "visit", "country": self.state.abbreviations[cue[1]]}
        kind = entry["type"]
        c0, c1 = self.clause_of(ts)
        sentence = self.text[self.sent.start : self.sent.end]
        if entry.get("with") and not any(word in sentence for word in entry["with"]):
            return []  # 欢迎 in talk, not at a ceremony
        since = SINCE.search(self.text, c0, c1)
        if since is not None and since.start() < ts and te <= since.end():
            return []  # 自旧金山会晤以来: a time mark naming an event reported elsewhere, undated here
        if GENERAL_TIME.search(self.text, self.sent.start, ts) or GENERAL_COUNT.search(self.text, max(c0, ts - 6), ts):
            return []  # 近年来…先后同…会晤, 我同总书记同志6次会晤: a general statement, no event
        if kind == "visit":
            return self.visit(ts, te, entry)
        if kind == "presence":
            return self.presence(ts, te)
        if kind == "speech":
            return self.speak_at(ts, te)
        if kind in ("meeting", "call"):
            if self.text.startswith("机制", te):
                return []  # 中俄总理定期会晤机制: a mechanism named, not a meeting held
            if (self.lex.reference_before_re.search(self.text, max(c0, ts - 2), ts)
                    and self.lex.reference_after_re.match(self.text, te)
                    and any(e.type in ("meeting", "call") for e in self.state.events)):
                return []  # 在会谈中指出: the talks told before, as a setting (在与X会晤后表示 tells new ones)
            # (斡旋美伊谈判: the mark may stand before the sides named right before the talks)
            sides = next((s for s in self.parties if s.group and not s.pair and s.end == ts), None)
            lead = sides.start if sides is not None else ts
            if self.lex.indirect_re.search(self.text, max(c0, lead - 4), lead):
                return []  # 间接谈判, 斡旋美伊谈判: mediated talks are no meeting of the sides
            if kind == "meeting" and BY_VIDEO.search(self.text, c0, ts):
                kind = "call"
            return self.meeting(ts, te, entry, kind)
        events = self.attend(ts, te, entry)
        if not any(e.type == "visit" for e in events):  # 在平壤木兰馆出席…欢迎宴会: there, whatever the object
            events += self.presence(ts, te)
        return events

    def invited_to_a_ceremony(self, ts: int, te: int) -> list[Event]:
        """应美方邀请，韩正…出席了就职典礼: a ceremony attended at the invitation of another country, with
        no place told, is attended in that country."""
        _, c1 = self.clause_of(ts)
        if not CEREMONY_OBJECT.search(self.text, te, min(c1, te + ATTEND_REACH)):
            return []
        inviters = [q for a, b in self.invitations if b <= ts for q in self.parties
                    if a <= q.start and q.end <= b and q.country]
        actor = self.actor(ts, te)
        if not inviters or actor is None or actor.group or not actor.parties or not actor.parties[0].name:
            return []
        party, there = actor.parties[0], inviters[0].country
        if not party.country or self.kb.at_home(party.country, there) or self.stated_city(ts) is not None:
            return []
        status = self.status(actor, ts, te)
        if status is None:
            return []
        return [self.make("visit", ts, te, status, party, countries=[there])]

    def speak_at(self, ts: int, te: int) -> list[Event]:
        """马克龙在七国集团峰会上表示: who speaks at a gathering named right before (after 在) attends it,
        read as 出席 of that gathering."""
        c0, _ = self.clause_of(ts)
        at = self.text.rfind("在", c0, ts)
        if at < 0:
            return []
        named = self.text[at + 1 : ts]
        forum = next((s for s in self.slots if s.kind == "forum" and s.start == at + 1 and s.end == ts), None)
        noun = self.lex.gathering_re.search(named)
        if forum is None and (noun is None or noun.end() != len(named)):
            return []  # 在会上表示, 在峰会后的新闻发布会上说: no gathering named right before
        events = self.attend(at, at + 1, {"type": "attend"})
        return [e for e in events if e.type in ("multilateral", "visit")]

    def mechanism_side(self, name: str, at: int) -> Slot | None:
        """The other side of a bilateral mechanism named by its two countries' abbreviations (中俄议会合作
        委员会, 中英经济财金对话): a party of that country alone, if the name is one."""
        abbreviations = self.state.abbreviations
        if len(name) < 4 or name[0] not in abbreviations or name[1] not in abbreviations \
                or not BILATERAL_MECHANISM.search(name):
            return None
        first, second = abbreviations[name[0]], abbreviations[name[1]]
        if first == second:
            return None
        _, subject = self.left_parties(at)
        own = subject.country if subject is not None else None
        other = second if own == first else first if own == second else None
        return Slot(at, at, "party", (Party(country=other),), other) if other else None

    def member_titles(self) -> set[str]:
        """The titles of members of a legislature (参议员: Senator), whom no office holder resolves."""
        return {t.title for t in self.lex.titles.values() if t.office == "legislature_member"}

    def presence(self, ts: int, te: int) -> list[Event]:
        """The actor placed abroad by a locative of their own (在平壤体育馆同…观看演出, 在平壤木兰馆出席
        欢迎宴会, 参访位于平壤的…学校): a visit to the country of that place. Not a meeting's place (在北京
        会见X tells a meeting, not X's travel: see the development set's rulings)."""
        c0, c1 = self.clause_of(ts)
        placed = [s for s in self.locs if c0 <= s.start < ts and s.country
                  and self.text[s.start - 1 : s.start] in ("在", "于")]
        if self.text[ts:te] == "期间" or self.text[ts:te] in SAYING:
            # 在京期间: the stay is the place's right before it (not 在撒马尔罕举行的峰会期间, a gathering's);
            # 在利雅得表示: so are the words said there (not 在会见X后表示, 在社交媒体上称)
            placed = [s for s in placed if s.end == ts]
        if not placed:  # 参访位于平壤的…: the place after the verb
            placed = [s for s in self.locs if te <= s.start < c1 and s.country
                      and self.text[max(c0, s.start - 2) : s.start] == "位于"]
        if not placed:
            return []
        where = placed[-1]
        actor = self.actor(ts, te)
        if actor is None or actor.group or actor.former or not actor.parties[0].name:
            return []
        if actor is not self.relative_head(te) and self.describes_others(te, []):
            return []  # 在北京观看演出的观众: the clause tells of others
        status = self.status(actor, ts, te)
        if status is None:
            return []
        travellers = [actor]
        if actor.end <= ts:  # 习近平和夫人彭丽媛在…: each of the subjects listed
            travellers = [s for s in self.listed_before(actor) if not s.former] + travellers
        elif actor is self.relative_head(te):  # 同在博鳌出席年会的卢拉、黄循财: each of the guests listed
            travellers += [s for s in self.listed_after(actor) if not s.former]
        return [self.make("visit", ts, te, status, t.parties[0], countries=[where.country],
                          place=record_city(where))
                for t in travellers
                if t.parties[0].name and t.parties[0].country and not self.kb.at_home(t.parties[0].country, where.country)]

    def make(
        self,
        kind: str,
        ts: int,
        te: int,
        status: str,
        actor: Party,
        counterparts: Iterable[Party] = (),
        countries: Iterable[str] = (),
        place: str | None = None,
        forum: str | None = None,
        dates: tuple[str | None, str | None, str | None] | None = None,
    ) -> Event:
        counterparts = list(counterparts)
        countries = list(countries)
        dates = dates if dates is not None else self.dates(ts, status)
        start, end, precision = dates
        # where the dates come from, when the engine knows; else summitry.dating tells
        dated_by = "text" if isinstance(dates, DatesOfSentence) else \
            "context" if isinstance(dates, DatesOfContext) else None
        published = self.state.published
        if (
            status == "occurred"
            and start
            and published
            and start > published.isoformat()
            and precision == "day"
        ):
            status = "planned"  # an announcement that says no 将 (应…邀请，…于6月16日访问)
        elif (status == "occurred" and start and end and published and precision != "day"
              and start >= published.isoformat() and end > published.isoformat()):
            status = "planned"  # 欢迎马克龙总统年内访华: a time still to come from the day of writing
        if (status in ("planned", "speculated") and start and end and published and precision != "day"
                and start < published.isoformat() <= end):
            # 乌方期待在本月内举行下一轮会谈: what is still to come in a month or a year begins no earlier
            # than the day of writing
            start = published.isoformat()
        doc = self.state.doc
        s = self.sent
        mention = Mention(
            doc=doc.id, status=status, lang="zh", text=doc.text[s.start : s.end], start=s.start, end=s.end
        )
        return Event(
            id=mention_event_id(doc.id, s.start, s.end, kind, [actor, *counterparts], countries, forum),
            type=kind,
            status=status,
            actor=actor,
            counterparts=counterparts,
            countries=countries,
            place=place,
            forum=forum,
            start=start,
            end=end,
            precision=precision,
            dated_by=dated_by,
            mentions=[mention],
        )

    def visit(self, ts: int, te: int, entry: dict[str, Any]) -> list[Event]:
        text = self.text
        c0, _ = self.clause_of(ts)
        dests: list[Slot] = []
        if entry.get("country"):
            dests = [Slot(ts, te, "loc", country=entry["country"])]
        dui = text.rfind("对", c0, ts)
        if not dests and dui >= 0:
            dests = [s for s in self.locs if dui < s.start and s.end <= ts]
            abbreviated = self.state.abbreviations.get(text[dui + 1 : dui + 2])
            if not dests and abbreviated and text.startswith("进行", dui + 2):
                # 对华进行国事访问, 去年对越进行历史性访问: the country's abbreviation after 对
                dests = [Slot(dui + 1, dui + 2, "loc", country=abbreviated)]
        where = entry.get("destination")
        at = AT_VISIT.search(text, c0, ts)
        if not dests and at is not None and at.end() == ts:
            # 正在朝鲜进行国事访问的习近平: where the visit is carried out
            dests = [s for s in self.locs if at.start() < s.start and s.end <= at.end()][-1:]
        if not dests and where in ("after", "either"):
            dests = self.chain_after(te, [s for s in self.locs if s.start >= te])
        if not dests and where == "before":
            dests = [s for s in self.locs if s.end <= ts and joins(text, s.end, ts, 1)][-1:]
        if not dests and where == "either":
            dests = [s for s in self.locs if s.end <= ts][-1:]
        if not dests and entry.get("resumes"):
            # 直到当年6月，布林肯才成行: the trip made is the one the story told before, where it was to go
            actor = self.actor(ts, te)
            told = actor is not None and actor.parties and next(
                (e for e in reversed(self.state.events) if e.type == "visit" and e.actor.key() == actor.parties[0].key()
                 and len(e.countries) == 1), None)
            if told:
                dests = [Slot(ts, te, "loc", country=told.countries[0])]
        if not dests and self.relative_head(te) is not None:
            # 在克里姆林宫会见到访的…拉里贾尼: a visitor received where the sentence places the meeting
            hosts = [s for s in self.locs if s.end <= ts and s.country]
            visitor = self.relative_head(te)
            if not hosts and RECEIVED_BY.search(text, max(c0, ts - 3), ts):
                # 默茨17日同到访的法国总统马克龙举行会谈: no place told, the visitor comes to the host's
                # country (the subject who receives them, of another country)
                host = self.subject_before(ts)
                if host is not None and host.country and host.country != visitor.country:
                    hosts = [Slot(host.start, host.end, "loc", country=host.country)]
            if hosts:
                dests = hosts[-1:]
        if not dests:
            for a, b in self.invitations:
                inviter = [p for p in self.parties if a <= p.start and p.end <= b and p.country]
                if inviter:
                    dests = [Slot(inviter[0].start, inviter[0].end, "loc", country=inviter[0].country)]
                    break
        if not dests:
            return []
        separately = self.lex.separately_re.search(text, c0, ts)
        if separately is not None and len(dests) > 1:
            # 夏巴兹和穆尼尔分别访问沙特和伊朗: each traveller to the destination in the same place of the list
            travellers = [s for s in self.parties if c0 <= s.start and s.end <= separately.start()
                          and not s.group and not s.former]
            if len(travellers) == len(dests):
                status = self.status(travellers[-1], ts, te)
                if status is None:
                    return []
                return [self.make("visit", ts, te, status, t.parties[0], countries=[d.country], place=record_city(d))
                        for t, d in zip(travellers, dests) if d.country and not self.kb.at_home(t.parties[0].country, d.country)]
        # 为马克龙总统年内访华做好准备, 就马克龙总统访华进行沟通: the visit named as the matter of 为/就 is
        # that of whoever stands right before it, not the clause's subject's
        named = next((q for q in reversed(self.parties) if c0 <= q.start and q.end <= ts), None)
        if (named is not None and not named.group and named.parties and named.parties[0].name
                and ts - named.end <= 6 and not re.search(r"[，,。；;、和与同及的]", text[named.end : ts])
                and text[named.start - 1 : named.start] in ("为", "就")):
            actor = named
            prepared = text[named.start - 1] == "为"  # (a visit prepared for is still to come)
        else:
            actor = self.actor(ts, te)
            prepared = False
        if actor is None or not (actor.parties[0].name or actor.parties[0].office) or actor.former:
            return []  # 中方 (欢迎美方官员来华): a country does not travel; 前外长: no longer the state's
        if not actor.parties[0].name and actor.parties[0].office in self.member_titles():
            return []  # 欢迎更多捷克众议员来华访问: members of a legislature, unnamed, are no one in particular
        if actor is not self.relative_head(te) and self.describes_others(te, dests):
            return []  # …倡议访华的师生: the visitors are what the relative clause describes
        if actor.end <= ts and self.delegation_travels(actor, ts):
            return []  # 特朗普称，美国代表团20日将抵达…: the delegation goes, not the one who speaks of it
        status = self.status(actor, ts, te)
        if status is None:
            return []
        if prepared and status == "occurred":
            status = "planned"
        # In a relative clause (4月14日…会见来华访问的哈立德) the sentence's date is the main clause's: a
        # day of the stay, not its first and last (the dating stage and fusion widen it).
        dates = None
        if (actor is self.relative_head(te) and status in ("planned", "speculated")
                and not self.dates_near(self.clause_of(ts)[0], actor.start)):
            # 即将访问中国的马克龙23日接受了专访: the main clause's day is not the trip's, still to come
            dates = (None, None, None)
        events = []
        travellers = [actor]
        if actor is self.relative_head(te):  # 会见来华出席论坛的新加坡总理黄循财、越南总理范明政: each
            travellers += [s for s in self.listed_after(actor) if not s.former]
        elif actor.end <= ts:  # 新加坡总理黄循财、越南总理范明政22日抵达天津: each of the subjects
            travellers = [s for s in self.listed_before(actor) if not s.former] + travellers
            # (科斯塔和冯德莱恩将来华: those listed after the subject, before the visit, too)
            travellers += [s for s in self.listed_after(actor) if s.end <= ts and not s.former]
        # 苏林、通伦将分别于5月12日至14日、5月15日至17日对中国进行国事访问: each traveller on the dates in
        # the same place of the list
        own_dates = self.dates_of_each(travellers, ts) if len(travellers) > 1 else None
        for i, traveller in enumerate(travellers):
            party = traveller.parties[0]
            for dest in dests:
                if not dest.country or self.kb.at_home(party.country, dest.country):
                    continue
                events.append(
                    self.make(
                        "visit", ts, te, status, party, countries=[dest.country], place=record_city(dest),
                        dates=own_dates[i] if own_dates else dates,
                    )
                )
        return events

    def dates_of_each(self, travellers: list[Slot], ts: int) -> list[Any] | None:
        """The dates a 分别 after the travellers gives each of them, in the order of the list (one date
        expression each, between the cue and the trigger), else None."""
        separately = self.lex.separately_re.search(self.text, travellers[-1].end, ts)
        if separately is None:
            return None
        spans = [d for d in self.dates_near(separately.end(), ts) if d.interval is not None]
        if len(spans) != len(travellers):
            return None
        return [DatesOfSentence((*d.interval.iso(), d.interval.precision)) for d in spans]

    def listed_before(self, slot: Slot) -> list[Slot]:
        """The named parties listed right before ``slot`` (新加坡总理黄循财、越南总理范明政抵达), first first."""
        out: list[Slot] = []
        first = slot
        for s in reversed(self.parties):
            if s.end > first.start or s is first:
                continue
            if self.text[s.end : first.start] not in ("、", "和", "及", "以及") or s.group or not s.parties[0].name:
                break
            out.insert(0, s)
            first = s
        return out

    def listed_after(self, slot: Slot) -> list[Slot]:
        """The named parties listed right after ``slot`` (…的新加坡总理黄循财、越南总理范明政)."""
        out: list[Slot] = []
        last = slot
        for s in self.parties:
            if s.start < last.end or s is last:
                continue
            if self.text[last.end : s.start] not in ("、", "和", "及", "以及") or s.group or not s.parties[0].name:
                break
            out.append(s)
            last = s
        return out

    def delegation_travels(self, actor: Slot, ts: int) -> bool:
        """A delegation named between the actor and the trigger, with no party after it, is what
        travels, unless the actor leads it (X率领代表团抵达, 由X率领的代表团抵达)."""
        found = None
        for m in DELEGATION.finditer(self.text, actor.end, ts):
            found = m
        if found is None or any(found.end() <= s.start < ts for s in self.parties):
            return False
        return not LEADS.search(self.text, actor.end, found.start())

    def describes_others(self, te: int, dests: list[Slot]) -> bool:
        """The trigger (with its destination) closes a relative clause (访华的师生, 到访的舰队) whose head
        is not a party: the clause tells of them, not of a person named before it."""
        end = max([te, *(d.end for d in dests if d.start >= te)])
        if self.text[end : end + 1] != "的":
            return False
        if self.text[end + 1 : end + 2] in ("", "。", "，", ",", "；", ";", "！", "？", "\n"):
            return False  # 查波是应习近平的邀请对我国进行国事访问的。: 是…的 tells the visit, no clause ends
        if TRIP_HEAD.match(self.text, end + 1):
            return False  # 万斯前往巴基斯坦的行程已被取消: the clause names the traveller's own trip
        return not any(s.start == end + 1 for s in self.parties)

    def topic_before(self, ts: int) -> tuple[int, int] | None:
        """The matter a meeting or call is about when told before the one met (罗德里格斯9日就美方军事
        行动与多国领导人通话: 美方 is what they talk about, not who): from 就 to the 与/同/跟 that names
        those met, in the trigger's clause."""
        c0, _ = self.clause_of(ts)
        m = TOPIC_BEFORE.search(self.text, c0, ts)
        return (m.start(), m.end()) if m is not None else None

    def left_parties(self, ts: int) -> tuple[list[Slot], Slot | None]:
        """Parties of the trigger's clause before it, and the subject (from an earlier clause if need be)."""
        c0, _ = self.clause_of(ts)
        left = [s for s in self.parties if c0 <= s.start and s.end <= ts]
        topic = self.topic_before(ts)
        if topic is not None:
            left = [s for s in left if not topic[0] <= s.start < topic[1]]
        if left and not self.object_of_preposition(left[0]):
            return left, left[0]
        return left, self.earlier_subject(ts)

    def country_sides(self, ts: int, te: int, subject: Slot | None = None) -> tuple[list[Slot], list[Slot]]:
        """Countries named as the sides of talks (美国和伊朗谈判, 以色列与黎巴嫩政府将…在美国举行谈判,
        丹麦、格陵兰岛和美国的代表…举行会晤): listed with 和/与/同/、 before the trigger in its clause,
        when the clause dates or places the talks or counts their round. Returns the sides, and apart
        those met (the objects of 与/同 after the sides: 俄罗斯、乌克兰的代表…与美国方面的代表分别举行会晤,
        伊朗方面将与巴基斯坦和卡塔尔代表团…会晤), as party slots of the countries alone. ``subject``: a
        party of one country that the clause names before (以方同意…与黎巴嫩政府开始谈判)."""
        c0, _ = self.clause_of(ts)
        named = [s for s in self.locs if s.place is None and c0 <= s.start < ts]
        # (与伊朗方面: a country's side named with 方面, read as the country before its 方面)
        named = sorted(named + [Slot(s.start, s.end - 2, "loc", country=s.country) for s in self.parties
                                if c0 <= s.start < ts and s.country and self.text[s.end - 2 : s.end] == "方面"
                                and not s.group and not any(p.name for p in s.parties)], key=lambda s: s.start)
        runs: list[list[Slot]] = []
        for loc in named:
            if runs and re.fullmatch(r"(?:政府|方面|代表团|代表)?[和与同及、]", self.text[runs[-1][-1].end : loc.start]):
                runs[-1].append(loc)
            else:
                runs.append([loc])
        sides: list[Slot] = []
        met: list[Slot] = []
        for run in runs:
            lead = self.text[max(c0, run[0].start - 3) : run[0].start]
            if lead.endswith(("与", "同", "跟")):
                if sides and not met:
                    met = run  # 与美国方面的代表: those met
                continue
            if lead.endswith(("在", "于")) or self.lex.motion_before_re.search(lead):
                continue  # 在美国, 前往瑞士: where the talks are, not a side
            if not sides and not met:
                sides = run
        if len(sides) == 1 and not met:
            # 伊朗代表团当天在伊斯兰堡与美方代表团举行了会谈: a side named with 方 and its delegation, met
            met = [q for q in self.parties if sides[0].end < q.start and q.end <= ts and q.country
                   and q.country != sides[0].country and not q.group and not any(p.name for p in q.parties)
                   and self.text[q.end - 1] == "方" and DELEGATES_AFTER.match(self.text, q.end)
                   and self.text[max(c0, q.start - 1) : q.start] in ("与", "同", "跟")][:1]
        if not sides and not met and subject is None:
            # 伊朗代表团23日抵达伊斯兰堡，与美国代表团举行会谈: the delegation the sentence opens on, and the
            # one it meets in a later clause
            opener = next((s for s in sorted(self.parties + self.locs, key=lambda s: s.start)
                           if self.sent.start <= s.start < c0), None)
            others = [run for run in runs if self.text[max(c0, run[0].start - 1) : run[0].start] in ("与", "同", "跟")
                      and REPRESENTATIVES_AFTER.match(self.text, run[-1].end)]
            if (opener is not None and opener.kind == "loc" and opener.place is None and others
                    and REPRESENTATIVES_AFTER.match(self.text, opener.end)
                    and all(s.country != opener.country for s in others[0])
                    # (dated or placed from the opening clause on: 23日抵达伊斯兰堡)
                    and (self.dates_near(opener.end, ts) or any(opener.end <= s.start < ts and s.place is not None
                                                                 for s in self.locs))):
                as_slots = [Slot(s.start, s.end, "party", (Party(country=s.country),), s.country)
                            for s in [opener, *others[0]]]
                return as_slots[:1], as_slots[1:]
        if not sides and not met and subject is None:
            # 伊朗方面将与巴基斯坦代表团举行双边会晤，下午将与美国、巴基斯坦和卡塔尔代表举行四方会议: a clause
            # that names only those met goes on with the side an earlier clause of the sentence named
            others = next((run for run in runs if self.text[max(c0, run[0].start - 1) : run[0].start] in ("与", "同", "跟")
                           and REPRESENTATIVES_AFTER.match(self.text, run[-1].end)), None)
            prior = self.prior_side(c0) if others is not None and not any(
                c0 <= s.start < others[0].start for s in self.parties + self.locs) else None
            if prior is not None and all(s.country != prior.country for s in others):
                sides, met = [prior], others
        if not sides and subject is not None and subject.country and not any(p.name for p in subject.parties):
            sides = [subject]
            met = next((run for run in runs if self.text[max(c0, run[0].start - 3) : run[0].start]
                        .endswith(("与", "同", "跟")) and run[0].start > subject.end), [])
        if len(sides) + len(met) < 2:
            return [], []
        if not self.particular_talks(ts, te, sides[0].start, (met or sides)[-1].end):
            return [], []
        def as_parties(slots: list[Slot]) -> list[Slot]:
            return [Slot(s.start, s.end, "party", (Party(country=s.country),), s.country) for s in slots]
        return as_parties(sides), as_parties(met)

    def head_of(self, side: Slot) -> Slot:
        """The named head of a country's delegation told right before it (万斯率领的美国代表团, 以万斯为首的
        美国代表团): talks between delegations are a meeting of their heads; else the side itself."""
        return next((q for q in self.parties if q.end <= side.start and not q.group and q.parties
                     and q.parties[0].name and q.country == side.country
                     and self.text[q.end : side.start] in LED_BY), side)

    def side_of(self, party: Party) -> str | None:
        """Whom a party acts for: its country, else the organisation of its office (科斯塔和冯德莱恩 are
        both the EU's), else itself."""
        if party.country:
            return party.country
        office = self.kb.office(party.office) if party.office else None
        if office is not None and office.organisation:
            return f"organisation:{office.organisation}"
        return party.name

    def paragraph_subject(self, ts: int) -> Slot | None:
        """The actor of the event told last in the paragraph, for a sentence that names no one before
        ``ts`` and opens with a place, a time or a verb (访俄期间，赵乐际在莫斯科参观了…。在伊尔库茨克州会见
        州长…): Chinese leaves out a subject it goes on with."""
        if any(s.start < ts for s in self.parties) or not SUBJECTLESS_OPENING.match(self.text, self.sent.start):
            return None
        last = next((e for e in reversed(self.state.events) if e.actor is not None and e.actor.name), None)
        if last is None:
            return None
        told = last.mentions[-1].end
        start = next((s.start for s in self.state.sentences if s.start <= told < s.end), told)
        if not any(s.start == start and s.paragraph == self.sent.paragraph for s in self.state.sentences):
            return None
        return Slot(self.sent.start, self.sent.start, "party", (last.actor,), last.actor.country)

    def earlier_sides(self, ts: int) -> list[Slot]:
        """The sides of talks told before ``ts``, as party slots of their countries alone: a group of
        countries named earlier in the sentence (美伊双方同意继续谈判，但在下一轮谈判…), else the countries
        of the last meeting the document told, when it was one of unnamed sides (俄美乌…新一轮会谈…。…下一轮会谈)."""
        group = next((s for s in reversed(self.parties) if s.group and not s.pair and s.end <= ts
                      and len({p.country for p in s.parties if p.country}) >= 2
                      and not any(p.name for p in s.parties)), None)
        # 美伊代表各自…，将尽快举行下一轮谈判: countries abbreviated side by side (美伊) are a group too
        named = [s for s in self.locs if s.place is None and s.end <= ts]
        run: list[Slot] = []
        for loc in reversed(named):
            if run and (loc.end != run[-1].start or loc.country == run[-1].country):
                if len(run) >= 2:
                    break
                run = []
            run.append(loc)
        if len(run) >= 2 and (group is None or run[0].start > group.end):
            parties = tuple(Party(country=loc.country) for loc in reversed(run))
            # 俄美乌就…举行了三方会谈: an abbreviation right after the run that the knowledge base does not
            # name (乌) is a side too
            pos = run[0].end
            while (pos < ts and self.text[pos] in self.state.abbreviations
                   and not any(loc.start <= pos < loc.end for loc in self.locs)
                   and self.state.abbreviations[self.text[pos]] not in {p.country for p in parties}):
                parties += (Party(country=self.state.abbreviations[self.text[pos]]),)
                pos += 1
        elif group is not None:
            parties = group.parties
        else:
            parties = self.state.last_group
            if any(p.name for p in parties):
                return []
        countries = list(dict.fromkeys(p.country for p in parties if p.country))
        if len(countries) < 2:
            return []
        return [Slot(ts, ts, "party", (Party(country=c),), c) for c in countries]

    def prior_side(self, c0: int) -> Slot | None:
        """The side an earlier clause of the sentence opens its talks on: one country, unnamed, right before its
        方面 or delegation and after no 与/同 or place word (伊朗方面将与巴基斯坦…会晤), with no other party after it."""
        named = [s for s in self.locs if s.place is None and self.sent.start <= s.start < c0]
        for loc in reversed(named):
            lead = self.text[max(self.sent.start, loc.start - 3) : loc.start]
            if lead.endswith(("与", "同", "跟", "和", "、", "及", "在", "于")) or self.lex.motion_before_re.search(lead):
                continue
            if not DELEGATES_AFTER.match(self.text, loc.end - (self.text[loc.end - 1] == "方")):
                return None
            if any(loc.end <= s.start < c0 for s in self.parties):
                return None
            return loc
        return None

    def particular_talks(self, ts: int, te: int, first: int, last: int | None = None) -> bool:
        """Talks that are an event: dated, placed or counted between their first side and just after the
        trigger (美国和伊朗谈判12日无果而终, 以色列与黎巴嫩将于14日在美国举行谈判, 新一轮谈判). Talks named as a
        topic (伊朗与美国的谈判正在继续; 巴加埃23日表示，当前…的谈判), or as a means (通过谈判解决), are not."""
        c0, _ = self.clause_of(ts)
        first = max(first, c0)
        last = first if last is None else last
        if self.lex.talks_means_re.search(self.text, max(c0, ts - 6), ts):
            return False
        if self.lex.talks_compound_re.match(self.text, te):
            return False  # 谈判调解方: the mediators, not talks
        if self.lex.talks_round_re.search(self.text, c0, ts):
            return True
        if TALKS_PROGRESS.match(self.text, te):
            return True  # 伊朗和阿曼的会谈仍取得积极进展: talks that made progress were held
        # 原定于当天在瑞士举行的美伊谈判: a relative clause before the sides dates and places the talks
        relative = TALKS_HELD.search(self.text, c0, first)
        # 美国代表团20日将抵达伊斯兰堡参加美伊谈判: talks someone goes to take part in are dated and
        # placed by that clause
        joined = TALKS_JOINED.search(self.text, max(c0, first - 6), first)
        lo = c0 if relative is not None or joined is not None else first
        reach = min(te + 12, self.sent.end)  # (not into the next sentence: 美伊谈判仍在进行。美国媒体8日…)
        # (当天, 次日: a day told by reference, a particular day like a date: 伊朗代表团当天在伊斯兰堡与美国
        # 代表团举行了会谈)
        dated = bool(self.dates_near(lo, reach)) or SAME_DAY.search(self.text, lo, reach) is not None
        # 当地时间今天上午，伊朗方面将与…分别举行双边会晤，下午将与美国、…代表举行四方会议: a part of the day
        # in a later clause is of the day the sentence told before it
        dated = dated or (DAYPART.search(self.text, lo, reach) is not None
                          and (bool(self.dates_near(self.sent.start, lo))
                               or SAME_DAY.search(self.text, self.sent.start, lo) is not None))
        placed = any((s.start > last or s.start < first) and (relative is not None or joined is None or s.place is not None)
                     and self.text[s.start - 1 : s.start] != "就"  # (就伊朗问题进行磋商: the matter, no place)
                     for s in self.locs if lo <= s.start < reach)  # (who joins is no place: 伊朗拒绝参加美伊谈判)
        # 伊朗与美国的谈判 names the talks as a topic; 丹麦与美国官员14日的会谈 names a day's talks, and
        # 美伊的谈判今天（4月12日）结束 what became of them that day
        topic = (self.text[last:ts].endswith("的") and not self.dates_near(last, ts)
                 and not (self.dates_near(te, te + 12) and TALKS_END.match(self.text, te)))
        return (dated or placed) and not topic

    def group_topic(self, ts: int, te: int, left: list[Slot]) -> bool:
        """美中元首会晤具有重要意义, 中美元首会晤成果: a meeting of a group of leaders named as a topic of
        what someone says, neither dated, placed nor pointed at (此次, 这次) nor held (举行): no event."""
        group = next((s for s in left if s.group and not s.pair), None)
        if group is None or not GROUP_TOPIC_AFTER.match(self.text, te):
            return False
        c0, _ = self.clause_of(ts)
        if self.text.find("举行", c0, ts) >= 0 or DEMONSTRATIVE.search(self.text, max(c0, group.start - 4), group.start):
            return False
        return not self.dates_near(c0, te) and not any(c0 <= s.start < te for s in self.locs)

    def dates_near(self, lo: int, hi: int) -> list[Any]:
        """The document's date expressions that start in [lo, hi)."""
        i = bisect.bisect_left(self.state.date_starts, lo)
        j = bisect.bisect_left(self.state.date_starts, hi)
        return self.state.dates[i:j]

    def meeting(
        self, ts: int, te: int, entry: dict[str, Any], kind: str, extra: Iterable[Slot] = ()
    ) -> list[Event]:
        if entry.get("placed") and self.stated_city(ts) is None:
            return []  # 签署协议 with no place told: no meeting
        left, subject = self.left_parties(ts)
        if entry.get("general") and not self.particular_talks(
                # (阿曼方面3日在马斯喀特与伊朗方面举行磋商: the first side may be no party, the met one is)
                ts, te, left[0].start if left and not self.object_of_preposition(left[0]) else self.clause_of(ts)[0]):
            return []  # 通过对话谈判解决, 参与谈判: talks in general
        if entry.get("sides_only"):
            # 黎巴嫩和以色列同意14日举行首次会议: only countries listed as its sides make it a meeting (not
            # 双方 of the talks told before: 俄美双方商定…举行俄美乌三方工作组的首次会议)
            sides, _ = self.country_sides(ts, te)
            if len(sides) < 2:
                return []
        if entry.get("sides") == "countries" and len(left) < 2 and not any(s.group for s in left):
            sides, met = self.country_sides(ts, te, left[0] if left else None)
            if sides and met and self.lex.separately_re.search(self.text, met[-1].end, ts):
                # 俄、乌代表与美方代表分别会晤, 伊方将与巴、卡代表团分别会晤: one meeting for each pair
                pairs = ([(side, met[0]) for side in sides] if len(met) == 1
                         else [(sides[0], other) for other in met])
                status = self.status(None, ts, te)
                if status is None:
                    return []
                countries, place = self.host(ts)
                return [self.make(kind, ts, te, status, a.parties[0], [b.parties[0]], countries, place)
                        for a, b in pairs if a.country != b.country]
            if len(sides) >= 2:  # 美国和伊朗谈判: the countries are the sides
                left = [self.head_of(s) for s in sides]
                subject = left[0]
            elif sides and met and all(DELEGATES_AFTER.match(self.text, s.end)
                                       or DELEGATES_AFTER.match(self.text, s.end - (self.text[s.end - 1] == "方"))
                                       for s in (sides[-1], met[-1])) or (
                    # 美国政府23日与加拿大代表团举行谈判: a government and the delegation it meets
                    sides and met and len(sides) == 1 and self.text.startswith("政府", sides[-1].end)
                    and REPRESENTATIVES_AFTER.match(self.text, met[-1].end)):
                # 伊朗代表团23日在马斯喀特与阿曼方面举行会谈: a delegation and the side it meets
                left = [self.head_of(s) for s in sides + met]
                subject = left[0]
            elif (NEXT_ROUND.search(self.text, max(self.clause_of(ts)[0], ts - 4), ts)
                  or LAST_ROUND.search(self.text, max(self.clause_of(ts)[0], ts - 5), ts)):
                # 乌方期待在本月内举行下一轮会谈, 下次会谈地点可能仍在伊斯兰堡: the next round is one of the
                # talks told before, between the same sides
                earlier = self.earlier_sides(ts)
                if earlier:
                    left, subject = earlier, earlier[0]
        adjacent = next((s for s in left if s.group and not s.pair and s.parties and s.end == ts
                         and not any(p.name for p in s.parties)), None)
        if adjacent is not None and entry.get("sides") == "countries":
            # 阿曼外交大臣称美伊下一轮谈判26日在日内瓦举行: the sides named right before the talks are
            # all their parties; whoever the clause names before (who speaks of them) is none
            left, subject = [adjacent], adjacent
        if self.group_topic(ts, te, left):
            return []
        if subject is None and not left:
            subject = self.paragraph_subject(ts)
        slots = list(left)
        if subject is not None and subject not in slots:
            slots.insert(0, subject)
        if entry.get("counterparts") == "after":
            c0, c1 = self.clause_of(ts)
            if self.lex.reference_before_re.search(self.text, max(c0, ts - 2), ts):
                # 在会见蒙卡达时重申了他的立场: those met end where the time clause does
                ender = REFERENCE_END.search(self.text, te, c1)
                c1 = ender.start() if ender is not None else c1
            slots += [s for s in self.parties if te <= s.start and s.end <= c1]
            if self.lex.separately_re.search(self.text, self.clause_of(ts)[0], ts):
                # 分别会见土库曼斯坦民族领袖…库尔班古力·别尔德穆哈梅多夫，总统谢尔达尔·别尔德穆哈梅多夫，…:
                # the list of those met goes on in clauses that name one party and nothing else
                while c1 < self.sent.end:
                    n0, n1 = self.clause_of(c1 + 1)
                    alone = [s for s in self.parties if n0 <= s.start and s.end <= n1]
                    if len(alone) != 1 or self.text[n0:n1].strip(" ，,、") != self.text[alone[0].start : alone[0].end]:
                        break
                    slots.append(alone[0])
                    c1 = n1
        slots += list(extra)
        parties: list[Party] = []
        for slot in slots:
            for p in slot.parties:
                if all(p.key() != q.key() for q in parties):
                    parties.append(p)
        # the sides: countries, and each organisation's named official (who has no country)
        if parties and len({self.side_of(p) for p in parties if p.country or p.name}) == 1 \
                and entry.get("sides") == "countries" and any(b <= ts for _, b in self.invitations):
            # 应李强邀请，科斯塔和冯德莱恩将来华举行中国－欧盟领导人会晤: talks the guests come to hold are
            # with who invited them
            inviter = next((q for a, b in self.invitations if b <= ts for q in self.parties
                            if a <= q.start and q.end <= b and q.parties and q.parties[0].name
                            and self.side_of(q.parties[0]) != self.side_of(parties[0])), None)
            if inviter is not None:
                parties = [*parties, inviter.parties[0]]
        if (entry.get("sides") == "countries" and len({self.side_of(p) for p in parties if p.country or p.name}) == 1
                and slots and all(self.object_of_preposition(slot) for slot in slots)):
            # 伊朗代表团3日在马斯喀特与阿曼外交大臣巴德尔举行磋商: the delegation the sentence opens on is the
            # other side (a side left unnamed is its country)
            opener = next((s for s in sorted(self.parties + self.locs, key=lambda s: s.start)
                           if self.sent.start <= s.start < ts), None)
            if (opener is not None and opener.kind == "loc" and opener.place is None and opener.country
                    and REPRESENTATIVES_AFTER.match(self.text, opener.end) and opener.end <= slots[0].start
                    and opener.country != parties[0].country):
                parties = [Party(country=opener.country), *parties]
        if len(parties) < 2 or len({self.side_of(p) for p in parties if p.country or p.name}) < 2:
            return []  # one side only, or a domestic meeting
        actor_slot = slots[0]
        status = self.status(actor_slot if not actor_slot.group else None, ts, te)
        if status is None:
            return []
        countries: list[str] = []
        place = None
        if kind == "meeting":
            countries, place = self.host(ts)
        # (伊朗方面将与巴基斯坦和卡塔尔代表团分别举行双边会晤，下午将与美国、…代表举行四方会议: the 分别 of an
        # earlier trigger is that trigger's)
        since = max([actor_slot.end, *(t + 1 for t in self.trigger_starts if actor_slot.end <= t < ts)])
        separately = self.lex.separately_re.search(self.text, since, ts)
        if separately is not None:
            # 分别同A、B通电话, 先后会见A和B: one meeting or call with each of those named after the cue
            # the subjects before the cue go together (赵乐际和韩正分别会见…); the objects of 同/与 before
            # it, and those listed with them (同A、B分别举行会谈), are met each on their own
            first_object = next((slot.start for slot in slots if slot is not actor_slot
                                 and self.object_of_preposition(slot)), separately.start())
            together = [p for slot in slots if slot.end <= min(first_object, separately.start())
                        or slot is actor_slot for p in slot.parties]
            each = [p for p in parties if all(p is not q for q in together)]
            each = [p for p in each if p.country not in {q.country for q in together}]
            subjects = self.listed_subjects(actor_slot, slots, separately.start())
            if len(subjects) >= 2 and len(each) <= 1:
                # 塔米姆和首相穆罕默德分别会见了拉里贾尼: each subject meets the one named on their own
                met = each or [p for p in parties if all(p is not q for slot in subjects for q in slot.parties)]
                if len(met) == 1:
                    return [self.make(kind, ts, te, status, slot.parties[0], met, countries, place)
                            for slot in subjects if slot.parties and slot.parties[0].country != met[0].country]
            if together and each:
                days = self.days_in_turn(ts, status, len(each)) if separately.group() == "先后" else None
                return [self.make(kind, ts, te, status, together[0], [*together[1:], p], countries, place,
                                  dates=days[i] if days else None)
                        for i, p in enumerate(each)]
        if kind == "call" and len(parties) > 2 and not actor_slot.group and "视频" not in entry.get("cue", "视频"):
            # 同沙特、阿联酋、卡塔尔领导人通电话: a phone call has two ends, one call with each
            return [self.make(kind, ts, te, status, parties[0], [p], countries, place) for p in parties[1:]]
        welcomed = kind == "meeting" and len(countries) <= 1 and parties[0].country \
            and WELCOMED_BEFORE.search(self.text, self.sent.start, ts)
        if welcomed and not countries:
            countries = [parties[0].country]  # (the host welcomes: the talks are in the host's country)
        made = [self.make(kind, ts, te, status, parties[0], parties[1:], countries, place)]
        if welcomed:
            # 欢迎仪式后，李强同卡尼举行会谈: talks after a welcome ceremony are those of a guest's visit
            made += [self.make("visit", ts, te, status, p, countries=countries)
                     for p in parties[1:] if p.name and p.country and not self.kb.at_home(p.country, countries[0])]
        return made

    def listed_subjects(self, actor_slot: Slot, slots: list[Slot], cue: int) -> list[Slot]:
        """The subject and those listed with it by 和/、/及 before a 分别 (A和B分别会见C): not objects of
        同/与, not groups."""
        out = [actor_slot]
        for slot in slots:
            if slot.start < out[-1].end or slot.end > cue:
                continue
            if slot.group or self.text[out[-1].end : slot.start] not in ("和", "、", "及", "以及"):
                break
            out.append(slot)
        return out

    def host(self, ts: int, forum: Any = None, day: date | None = None) -> tuple[list[str], str | None]:
        """Where a meeting or gathering takes place: the city nearest the trigger in its clause, or a
        country there after 在/赴 (赴法国出席…); else a city elsewhere in the sentence (a dateline's
        aside); else the gathering's host."""
        c0, c1 = self.clause_of(ts)
        places = [s for s in self.locs if s.place]
        near = [s for s in places if c0 <= s.start < c1]
        if near:
            best = min(near, key=lambda s: abs(s.start - ts))
            return [best.country], record_city(best)
        for s in self.locs:
            if c0 <= s.start < c1 and self.text[max(c0, s.start - 2) : s.start].endswith(LOCATIVE):
                return [s.country], None
        dateline = DATELINE.match(self.text, self.sent.start, self.sent.end)
        # a later clause's place is where it says (以色列不会停止对加沙地带的打击), unless 在 places it
        far = [s for s in places if (dateline is None or s.start >= dateline.end())
               and (s.start < c0 or self.text[max(c1, s.start - 2) : s.start].endswith(LOCATIVE))]
        if far:
            best = min(far, key=lambda s: abs(s.start - ts))
            return [best.country], record_city(best)
        forums = [forum] if forum is not None else [s.forum for s in self.slots if s.kind == "forum"]
        for f in forums:
            edition = self.edition(f, day)
            if edition is not None:
                return [edition.country], edition.city
        return [], None

    def earlier_gathering(self, ts: int) -> tuple[Any, str, tuple[str, str | None] | None, Sentence] | None:
        """The gathering an attending verb without object (与会, 参加, 等出席) means: the last one named
        before it, in its sentence or the few before (…论坛年会在博鳌开幕。…总统X、总理Y等出席。), a
        forum of the knowledge base or an international gathering noun (a generic one named by the city
        its sentence gives: 巴塞罗那多边峰会). (forum, name, (country, city) where that sentence places it,
        that sentence)."""
        state = self.state
        k = bisect.bisect_right(state.sentences, ts, key=lambda sn: sn.start) - 1
        looked = state.sentences[max(0, k - GATHERING_LOOKBACK) : k + 1]
        if self.text.startswith("分别致辞", ts) and state.sentences and state.sentences[0] not in looked:
            # 托卡耶夫、洪玛奈…分别致辞, far into a story on the gathering its headline names
            looked = [state.sentences[0], *looked]
        for sent in reversed(looked):
            lo, hi = sent.start, min(ts, sent.end)
            forum_at = [(at, f) for at, f in state.forum_marks if lo <= at < hi]
            held = None
            for held in self.lex.held_gathering_re.finditer(self.text, lo, hi):
                pass
            places = [(at, p) for at, p in state.place_marks if lo <= at < hi]
            where = (places[-1][1].country, place_name(places[-1][1])) if places else None
            if where is None and sent is self.sent:
                # 阿拉伯国家联盟首脑会议23日在巴林举行，埃及总统塞西出席: held in a country the clause names
                held_in = [s for s in self.locs if lo <= s.start < hi and s.place is None and s.country
                           and self.text[s.start - 1 : s.start] == "在"]
                where = (held_in[-1].country, None) if held_in else None
            # in an earlier sentence, a forum counts only as a gathering that sentence says is held (一个
            # 联合国 named in passing is not what 蔡奇、王毅等参加 attend)
            held_forum = forum_at and (sent is self.sent or self.lex.held_gathering_re.search(self.text, lo, hi)
                                       or self.lex.attend_re.search(self.text, lo, hi))
            if held_forum and (held is None or forum_at[-1][0] >= held.start()):
                forum = forum_at[-1][1]
                return forum, forum.acronym or forum.name, where, sent
            if held is None:
                continue
            if (held_forum and getattr(forum_at[-1][1], "kind", "") == "organisation"
                    and not re.search(r"[，,。；;]", self.text[forum_at[-1][0] : held.start()])):
                # 伊斯兰合作组织23日在吉达召开紧急外长会议: the meeting an organisation holds is its own
                forum = forum_at[-1][1]
                return forum, forum.acronym or forum.name, where, sent
            name = held.group(1) or held.group(3)
            name = HOLDS_BEFORE.sub("", name, count=1) or name  # (主持召开…峰会)
            # 习近平出席2026世界人工智能大会暨…开幕式: the name begins after who attends, without its year
            attended = None
            for attended in self.lex.attend_re.finditer(name):
                pass
            if attended is not None:
                name = name[attended.end() :]
            name = EDITION_YEAR.sub("", name, count=1) or name
            if not self.lex.international_re.search(name):
                return None  # 纪念…大会在京举行: a gathering at home, not of states
            return None, name, where, sent
        return None

    def stated_city(self, ts: int) -> Slot | None:
        """The city the trigger's clause names (在巴塞罗那出席), nearest the trigger."""
        c0, c1 = self.clause_of(ts)
        near = [s for s in self.locs if s.place and c0 <= s.start < c1]
        if not near:  # 在法国出席七国集团峰会: a country the locative names
            near = [s for s in self.locs if c0 <= s.start < ts
                    and self.text[max(c0, s.start - 1) : s.start] in LOCATIVE]
        return min(near, key=lambda s: abs(s.start - ts)) if near else None

    def edition(self, forum: Any, day: date | None) -> Any:
        day = day or self.when
        if forum is None or day is None:
            return None
        edition = self.kb.edition(forum.key, day)
        if edition is None or abs((edition.start - day).days) > EDITION_WINDOW.days:
            return None
        return edition

    def named_gathering(self, offset: int, dates: tuple, countries: list[str], place: str | None) -> tuple:
        """Dates and host of a gathering from the sentence that named it (where this one does not)."""
        state = self.state
        sent = state.sentence_at(offset)
        if sent is None:
            return dates, countries, place
        if dates[0] is None:
            lo = bisect.bisect_left(state.date_starts, sent.start)
            if lo < len(state.dates) and state.dates[lo].end <= sent.end:
                start, end = state.dates[lo].interval.iso()
                dates = (start, end, state.dates[lo].interval.precision)
        if not countries:
            i = bisect.bisect_left(state.place_marks, sent.start, key=lambda pm: pm[0])
            if i < len(state.place_marks) and state.place_marks[i][0] < sent.end:
                found = state.place_marks[i][1]
                countries, place = [found.country], found.name
        return dates, countries, place

    def held_by_a_group(self, ts: int, te: int) -> list[Event]:
        """巴基斯坦、土耳其、埃及和沙特阿拉伯四国外长…在伊斯兰堡举行会议: a meeting held by the officials of
        three or more countries listed before it is a gathering each of them attends (named by the group:
        四国外长会议), held where the clause places it."""
        c0, _ = self.clause_of(ts)
        group = next((s for s in reversed(self.parties) if c0 <= s.start and s.end <= ts and s.group
                      and not s.pair), None)
        if group is None or len({p.country for p in group.parties if p.country}) < 3 \
                or not all(p.name for p in group.parties):
            return []
        status = self.status(None, ts, te)
        if status is None:
            return []
        head = GROUP_WORD.search(self.text, group.start, group.end)
        name = (head.group() if head else "") + self.text[te - 2 : te]
        countries, place = self.host(ts)
        stated = self.stated_city(ts)
        events = []
        for party in group.parties:
            events.append(self.make("multilateral", ts, te, status, party, countries=countries, place=place,
                                    forum=name))
            if stated is not None and party.country and not self.kb.at_home(party.country, stated.country):
                events.append(self.make("visit", ts, te, status, party, countries=[stated.country],
                                        place=record_city(stated)))
        return events

    def attend(self, ts: int, te: int, entry: dict[str, Any]) -> list[Event]:
        lex, text = self.lex, self.text
        if entry.get("held"):
            return self.held_by_a_group(ts, te)
        _, c1 = self.clause_of(ts)
        # the object stands near the verb (出席在北京举行的第十届…论坛): 主持实施…改革、推动…加入世界贸易组织
        # names no gathering the actor attends
        c1 = min(c1, te + ATTEND_REACH)
        meeting_noun = lex.meeting_noun_re.search(text, te, c1)
        gathering = lex.gathering_re.search(text, te, c1)
        named_at = None
        earlier_where = None  # (country, city) of a gathering named in an earlier sentence
        earlier_sentence = None
        forum_slot = next((s for s in self.slots if s.kind == "forum" and te <= s.start < c1), None)
        if (
            meeting_noun
            and not (gathering and gathering.start() < meeting_noun.start())
            and forum_slot is None
        ):
            inside = [s for s in self.parties if te <= s.start and s.end <= meeting_noun.end()]
            named = self.state.last_forum(ts)
            k = bisect.bisect_right(self.state.sentences, ts, key=lambda sn: sn.start) - 1
            if (not inside and meeting_noun.group() == "会晤" and "参加" not in text[ts:te]
                    and BARE_GATHERING.fullmatch(text[te : meeting_noun.start()].lstrip("了"))
                    and named is not None and named[0] >= self.state.sentences[max(0, k - 1)].start):
                # 金砖国家领导人会晤…开幕，卢拉主持会晤: the gathering just named is a 会晤 itself
                gathering, meeting_noun = meeting_noun, None
        if (
            meeting_noun
            and not (gathering and gathering.start() < meeting_noun.start())
            and forum_slot is None
        ):
            inside = [s for s in self.parties if te <= s.start and s.end <= meeting_noun.end()]
            if text[ts:te] == "主持" and any(s.group and not s.pair and s.parties
                                              and not any(p.name for p in s.parties) for s in inside):
                return []  # 主持黎以会谈: who hosts the sides' talks is no side (the talks are told by 会谈)
            return self.meeting(ts, te, {"type": "meeting"}, "meeting", extra=inside)
        if forum_slot is not None and getattr(forum_slot.forum, "kind", "") == "organisation" and not (
                self.lex.gathering_re.search(text, forum_slot.start, forum_slot.end)
                or self.lex.gathering_after_name_re.match(text, forum_slot.end)):
            # 主持完成加入世界贸易组织的谈判: an organisation is no gathering unless one of its meetings is named
            # (出席上海合作组织峰会, 出席世界贸易组织部长级会议)
            forum_slot = None
        if forum_slot is not None:
            forum = forum_slot.forum
            name = forum.acronym or forum.name
        elif gathering is not None:
            # The name is what stands before the gathering noun, its modifiers (由…召开的) aside.
            name = text[te : gathering.end()].lstrip("了 ").rsplit("的", 1)[-1]
            name = HOLDS_BEFORE.sub("", name, count=1) or name  # 主持召开…峰会: the name, not its verb
            # 2026世界人工智能大会 is 世界人工智能大会 of that year: one gathering whatever the year's mark
            name = EDITION_YEAR.sub("", name, count=1) or name
            forum = None
            if lex.business_gathering_re.search(name):
                return []  # 跨国公司领导人青岛峰会: a gathering of businesses, not of states
            if BARE_GATHERING.fullmatch(
                name[: -len(gathering.group())]
            ):  # 峰会, 此次峰会: the one named before
                named = self.state.last_forum(ts)
                if named is None:
                    # 在巴塞罗那出席峰会: a gathering the text places, named by its city
                    city = self.stated_city(ts)
                    if city is None or not lex.international_re.search(gathering.group()):
                        return []  # 在京出席大会: a gathering at home, not of states
                    name = self.text[city.start : city.end] + gathering.group()
                    named = (None, None)
                forum = named[1]
                if forum is not None:
                    name = forum.acronym or forum.name
                if self.date_span(ts) is None and named[0] is not None:
                    named_at = named[0]
            elif not lex.international_re.search(name):
                other = self.mechanism_side(name, te)
                if other is None:
                    return []
                # 出席中俄议会合作委员会第十一次会议: a bilateral mechanism is a meeting of its two sides
                return self.meeting(ts, te, {"type": "meeting"}, "meeting", extra=[other])
        elif NO_OBJECT.match(text, te) or lex.ceremony_re.match(text, te):
            # …举行峰会，巴西、南非等国领导人与会; …论坛在博鳌开幕。李强出席开幕式: the gathering named before
            earlier = self.earlier_gathering(ts)
            if earlier is None:
                return self.invited_to_a_ceremony(ts, te)
            forum, name, earlier_where, earlier_sentence = earlier
        else:
            return self.invited_to_a_ceremony(ts, te)
        head = self.relative_head(te)
        if head is None and MET_BEFORE_RELATIVE.search(text, max(self.sent.start, ts - 8), ts):
            return []  # 集体会见出席…论坛的外方代表: those who attend are the ones met, here unnamed
        left, subject = self.left_parties(ts)
        actors = [s for s in left if not self.object_of_preposition(s)] or ([subject] if subject else [])
        if head is not None:
            actors = [head, *self.listed_after(head)]
        elif len(actors) == 1 and actors[0].end <= ts:
            # 新加坡总理黄循财和越南总理范明政出席…: each of the subjects listed
            actors = [*self.listed_before(actors[0]), actors[0], *self.listed_after(actors[0])]
            actors = [a for a in actors if a.end <= ts]
        actors = [a for a in actors if not a.former]  # 前政要 attend for themselves, not for a state
        if not actors:
            return []
        status = self.status(actors[0] if not actors[0].group else None, ts, te)
        if status is None:
            return []
        # (a relative clause, 会见出席…论坛的X, takes the main clause's day: a day of the gathering)
        dates = self.dates(ts, status)
        if dates[0] is None and earlier_sentence is not None and earlier_sentence.start < self.sent.start:
            dated = [d for d in self.dates_near(earlier_sentence.start, earlier_sentence.end) if d.interval]
            if dated:  # the sentence that named the gathering dates it (…2026年年会26日在博鳌开幕。)
                best = min(dated, key=lambda d: d.interval.end - d.interval.start).interval
                start, end = best.iso()
                dates = (start, end, best.precision)
        if named_at is not None and dates[0] is None:
            # the sentence that named the gathering dates it, and so tells which edition it was
            dates = self.named_gathering(named_at, dates, ["-"], None)[0]
        day = date.fromisoformat(dates[0]) if dates[0] else None
        countries, place = self.host(ts, forum, day)
        if earlier_where is not None:
            countries, place = [earlier_where[0]], earlier_where[1]
        if named_at is not None:  # 主持峰会 after 首届…峰会在西安举行: that sentence dates and places it
            dates, countries, place = self.named_gathering(named_at, dates, countries, place)
        dated = dates[0] is not None  # by the text, not by the knowledge base's edition
        if dates[0] is None and forum is not None:
            edition = self.edition(forum, self.state.published)
            if edition is not None:
                dates = DatesOfContext((
                    edition.start.isoformat(),
                    edition.end.isoformat(),
                    span_precision(edition.start, edition.end),
                ))
        # 在喀山出席峰会: attending a gathering where the clause places it is a stay in that country
        stated = self.stated_city(ts)
        where = (stated.country, record_city(stated)) if stated is not None else earlier_where
        if where is None and forum is not None and len(countries) == 1 and dated:
            # 卢拉25日出席博鳌亚洲论坛2026年年会开幕式: a gathering the knowledge base places (that year's
            # edition) is attended where it is held, a stay there for a guest from abroad
            where = (countries[0], place)
        if where is not None and REMOTE.search(self.text, self.clause_of(ts)[0], ts):
            where = None  # 以视频方式出席: attended from afar, no stay
        if (not countries and where is None and not REMOTE.search(self.text, self.clause_of(ts)[0], ts)
                and all(p.country == "CHN" for slot in actors for p in slot.parties)
                and not any(getattr(pl, "country", None) not in (None, "CHN") for _, pl in self.state.place_marks)
                and not any(e.type == "visit" and e.actor.country == "CHN" for e in self.state.events)):
            # 韩正出席第二届中国国际供应链促进博览会开幕式: Chinese officials at a gathering a story places
            # nowhere, and that tells no trip abroad, attend it at home
            countries = ["CHN"]
        events = []
        for slot in actors:
            for party in slot.parties:
                events.append(
                    self.make(
                        "multilateral",
                        ts,
                        te,
                        status,
                        party,
                        countries=countries,
                        place=place,
                        forum=name,
                        dates=dates,
                    )
                )
                if where is not None and party.name and party.country and not self.kb.at_home(party.country, where[0]):
                    events.append(self.make("visit", ts, te, status, party, countries=[where[0]],
                                            place=where[1], dates=dates))
        return events
