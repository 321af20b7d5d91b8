"""Relations, numbers and dates read off the sentences around the mentions.

Each pattern is a small function over one sentence: it looks for a trigger
word from `lexicon/relations.yaml` and takes subject and object from the
mentions around it.  Chinese news often leaves the subject out; patterns fall
back on the sentence's topic (该创新联合体 -> the consortium named before) or
on the organisations that opened the paragraph, with a lower confidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from itertools import accumulate

from ..ingest.metadata import date_from_text, numeral_value
from ..lexicon import Lexicon, load
from ..models import (Attribute, Entity, EntityType, Evidence, MemberGroup, Membership, Mention, Relation,
                      Sentence, SourceDocument)
from .mentions import ALIAS_DECLARATION, _alternation, suffix_of
from .persons import PersonRole, title_pattern
from .resolve import DocumentEntities, name_key
from .tokens import dictionary_tag, segment_name

ORG = EntityType.ORGANISATION
PLATFORM = EntityType.PLATFORM
POLICY = EntityType.POLICY
PERSON = EntityType.PERSON
CLAUSE_BREAK = re.compile(r"[，。；！？,;!?]")
# a year, month and day in digits or in Chinese numerals (2024年7月1日, 二〇二四年七月一日)
YEAR_PART = r"((?:19|20)\d\d|[一二][〇○零一二三四五六七八九]{3})"
MONTH_PART = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
DAY_PART = r"(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# …or as numbers alone (2024.1.20, 2024-01-20, 2024/1/20): a day
NUMERIC_DATE = r"((?:19|20)\d\d)[./-](\d{1,2})[./-](\d{1,2})(?!\d)"
DATE = re.compile(rf"(?:{YEAR_PART}年{MONTH_PART}月(?:{DAY_PART}日)?|{NUMERIC_DATE})")
COUNT_NUMBER = r"(\d+)"
# the two ends of a short name's declaration around it: （以下简称“Y”）
DECLARATION_OPEN = re.compile(r"简称[“\"「《]{0,2}$")
DECLARATION_CLOSE = re.compile(r"[”\"」》]{0,2}[)）]")


@dataclass
class Found:
    relations: list[Relation] = field(default_factory=list)
    attributes: list[Attribute] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)


@dataclass
class Context:
    """What the patterns of one sentence see."""

    doc: SourceDocument
    sentence: Sentence
    mentions: list[Mention]          # in this sentence, by position, anaphors resolved
    labels: dict[int, str]           # id(mention) -> entity label
    types: dict[str, EntityType]     # entity label -> type
    topic: dict[EntityType, str]     # latest entity of each type before this sentence (same paragraph)
    subjects: list[str]              # organisations that opened the paragraph
    lex: Lexicon
    found: Found
    speakers: list[str] = field(default_factory=list)  # organisations of a person quoted here
    raised: str | None = None        # the organisation that last completed a round in this paragraph

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def names_masked(self) -> str:
        """The text with every name blanked out (北京未来科学城管理委员会 -> □□…), offsets kept: a trigger
        word inside a name (管理 of 管理委员会) matches no pattern run over it.  Computed once a sentence:
        `hedged` asks for it at every trigger."""
        chars = list(self.text)
        for m in self.mentions:
            start, end = self.rel(m)
            chars[start:end] = "□" * (end - start)
        return "".join(chars)

    def rel(self, m: Mention) -> tuple[int, int]:
        return m.start - self.sentence.start, m.end - self.sentence.start

    def name_end(self, m: Mention) -> int:
        """Where the text goes on after a name: past its short name's declaration (X（以下简称“Y”）成立于…),
        or past the declaration's close when the name is the short one inside it."""
        end = self.rel(m)[1]
        declared = ALIAS_DECLARATION.match(self.text, end)
        if declared is not None:
            return declared.end()
        closing = DECLARATION_CLOSE.match(self.text, end)
        if closing is not None and DECLARATION_OPEN.search(self.text, 0, self.rel(m)[0]):
            return closing.end()
        return end

    def label(self, m: Mention) -> str:
        return self.labels[id(m)]

    def evidence(self) -> Evidence:
        return _sentence_evidence(self.doc, self.sentence)

    def relate(self, subject: str, predicate: str, obj: str, rule: str, confidence: float) -> None:
        if subject != obj:
            self.found.relations.append(Relation(subject, predicate, obj, self.evidence(), rule, confidence))

    def attribute(self, subject: str, prop: str, value, rule: str, confidence: float,
                  precision: str | None = None) -> None:
        self.found.attributes.append(Attribute(subject, prop, value, self.evidence(), rule, confidence, precision))

    def of_type(self, *types: EntityType) -> list[Mention]:
        return [m for m in self.mentions if self.types[self.label(m)] in types]

    def before(self, pos: int, *types: EntityType) -> list[Mention]:
        return [m for m in self.of_type(*types) if self.rel(m)[1] <= pos]

    def after(self, pos: int, *types: EntityType) -> list[Mention]:
        return [m for m in self.of_type(*types) if self.rel(m)[0] >= pos]

    def clause_start(self, pos: int) -> int:
        return max((m.end() for m in CLAUSE_BREAK.finditer(self.text, 0, pos)), default=0)

    def same_clause(self, a: int, b: int) -> bool:
        return CLAUSE_BREAK.search(self.text[min(a, b):max(a, b)]) is None

    @cached_property
    def _unconfirmed(self) -> bool:
        masked = self.names_masked
        return (masked.rstrip().endswith(("？", "?"))
                or _alternation(self.lex.triggers["unconfirmed"]).search(masked) is not None)

    def _sentence_hedged(self, clause_start: int) -> bool:
        """A condition, rumour or wish in the clauses before this one (如果…，若条件成熟，据市场传闻，)."""
        if self._unconfirmed:
            return True
        hedges = _alternation(self.lex.triggers["sentence_hedges"])
        earlier = self.names_masked[:clause_start]
        if hedges.search(earlier) is None:
            return False
        for word in self.lex.triggers["hedge_compounds"]:
            earlier = earlier.replace(word, "□")
        return hedges.search(earlier) is not None

    def hedged(self, pos: int, event: bool = False) -> bool:
        """Whether the clause of the verb at `pos` denies, only plans or, unless the verb is an `event`
        (印发, 组建), puts in the past what it says (X未入驻P, X拟于明年在…上市, X曾入驻P, 入驻P的申请未获批准):
        names and words that merely hold a hedge (未来, 模拟, 原材料) do not count."""
        start = self.clause_start(pos)
        end_match = CLAUSE_BREAK.search(self.text, pos)
        masked = self.names_masked
        before = masked[start:pos]
        for word in self.lex.triggers["hedge_compounds"]:
            before = before.replace(word, "□")
        if self._sentence_hedged(start):
            return True  # 如果审批通过，X将入驻P
        for marker in self.lex.triggers["former_name_markers"]:
            before = re.sub(f"{re.escape(marker)}(?=[《“]?□)", "□", before)  # 由原国家科委印发, 原《B》同时废止
        after = masked[pos:end_match.start() if end_match else len(masked)]
        hedges = self.lex.triggers["hedges"] + (() if event else self.lex.triggers["past_markers"])
        return (_alternation(hedges).search(before) is not None
                or _alternation(self.lex.triggers["denials_after"]).search(after) is not None)


EVENT_TRIGGERS = ("renamed",)  # trigger lists whose verbs name an event, done once and for good


def _triggers(ctx: Context, name: str):
    """The matches of a trigger list, but none in a clause that denies or only plans what it says."""
    return (m for m in _alternation(ctx.lex.triggers.get(name, ())).finditer(ctx.text)
            if not ctx.hedged(m.start(), event=name in EVENT_TRIGGERS))


def _run_after(ctx: Context, pos: int, *types: EntityType, stop: str = r"[。；！？;!?]|，(?!\s)") -> list[Mention]:
    """Mentions after `pos` up to the end of the clause (a 、-list stays together)."""
    end_match = re.compile(stop).search(ctx.text, pos)
    end = end_match.start() if end_match else len(ctx.text)
    return [m for m in ctx.after(pos, *types) if ctx.rel(m)[1] <= end]


def _coordinated(ctx: Context, m: Mention, joiners: tuple[str, ...] = ("、",)) -> list[Mention]:
    """m and the organisations joined to it right before (天津市委、滨江管委会), also past a
    short name's declaration (A（以下简称“甲”）、B)."""
    run = [m]
    orgs = ctx.of_type(ORG)

    def joined(gap: str) -> bool:
        declared = ALIAS_DECLARATION.match(gap)
        return (gap[declared.end():] if declared else gap) in joiners

    while True:
        start = ctx.rel(run[0])[0]
        prev = [o for o in orgs if joined(ctx.text[ctx.rel(o)[1]:start])]
        if not prev:
            return run
        run.insert(0, prev[-1])


# a date between a subject and its verb: X今年1月印发, X2023年9月12日发布
WHEN_DATE = r"(?:\d{4}年|今年|去年)?\d{1,2}月(?:\d{1,2}日)?(?:份)?|\d{4}年|今年|去年|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
ISSUE_JOINERS = ("、", "和", "与", "及", "会同", "同", "联合")
SUBJECT_GAP = r"^[”」》）)]*(?:将|已|还|也|率先|正式|共同|联合|试点|于[^，。]{0,12}|在[^，。]{0,16})*$"


def _nearest_before(ctx: Context, pos: int, types: tuple[EntityType, ...], max_gap: int,
                    allowed_gap: str = SUBJECT_GAP) -> Mention | None:
    cands = ctx.before(pos, *types)
    if not cands:
        return None
    m = cands[-1]
    gap = ctx.text[min(ctx.name_end(m), pos):pos]
    if len(gap) <= max_gap and re.match(allowed_gap, gap):
        return m
    return None


# ----------------------------------------------------------------- patterns

# what a list a leader tops ends with (领衔X年度百强榜单, 领衔X人工智能分榜)
RANKING = re.compile(r"[^，。；]*?(?:榜单|榜|排行|排名|名单|名录)")


def leads(ctx: Context) -> None:
    """A牵头组建P / 由A牵头，联合B、C共同发起的P / P由A牵头 / …即“P” / A联合B、C等高校发起设立P."""
    for trig in _triggers(ctx, "leads"):
        subj = _nearest_before(ctx, trig.start(), (ORG,), 16) \
            or _nearest_before(ctx, trig.start(), (ORG,), 12, r"^等(?:\d+[家个所])?[^，。；、\d]{0,8}(?:共同)?$")
        if subj is None:
            continue
        passive = ctx.text[:ctx.rel(subj)[0]].endswith("由")
        rest = ctx.text[trig.end():]
        if RANKING.match(rest):
            continue  # A领衔X联盟年度百强榜单: A tops a list X published
        jump = re.match(r"[^。；]*?即[“\"]?", rest)
        start = trig.end() + (jump.end() if jump else 0)
        after = [m for m in ctx.after(start, PLATFORM, ORG) if ctx.label(m) != ctx.label(subj)]
        target, members_ = None, []
        if after and ctx.same_clause(trig.end(), ctx.rel(after[0])[0]) and not passive:
            target = after[0]
            if ctx.text.startswith("的", ctx.name_end(target)) and ctx.rel(target)[0] == start:
                continue  # A牵头P的多中心临床试验: A leads P's trial, not P
        elif passive:
            made = re.search(r"的$", ctx.text[:ctx.rel(after[0])[0]]) if after else None
            platforms = [m for m in after if ctx.types[ctx.label(m)] is PLATFORM
                         and ctx.text[ctx.rel(m)[0] - 1:ctx.rel(m)[0]] == "的"]
            if platforms and "。" not in ctx.text[trig.end():ctx.rel(platforms[0])[0]]:
                target = platforms[0]  # 由A牵头，联合B、C共同发起的P
                members_ = [m for m in ctx.of_type(ORG) if trig.end() <= ctx.rel(m)[0] < ctx.rel(target)[0]]
            elif made is None:
                whole = _named_before(ctx, ctx.rel(subj)[0] - 1)
                target = whole  # P由A牵头
        if target is None:
            continue
        joined = _coordinated(ctx, subj, ("、", "和", "与", "及"))
        leader = _nearest_before(ctx, ctx.rel(joined[0])[0], (ORG,), 2, r"^(?:联合|携手|会同)$")
        if leader is not None and not passive:  # A联合B、C等发起设立P: A leads, B and C join
            _led_with_members(ctx, leader, joined, target)
            continue
        gap = ctx.text[ctx.rel(subj)[1]:trig.start()]
        with_another = re.search(r"(?:与|和|同|及)$", ctx.text[:ctx.rel(joined[0])[0]]) is not None and not passive
        if "共同" in gap or "联合" in gap or trig.group().startswith(("共同", "联合")) or len(joined) > 1 or with_another:
            # (SenseTime商汤科技与清华大学联合发起成立P: a party no rule named is still a co-founder)
            # A、B共同发起P, A与B联合成立的P: co-founders, not a leader; founders of an
            # institute or a company are not its members (an association's are)
            founded_only = ctx.types[ctx.label(target)] is ORG and target.subtype != "Association"
            for org in joined:
                if founded_only:
                    ctx.relate(ctx.label(target), "foundedBy", ctx.label(org), "co-founders", 0.8)
                else:
                    ctx.relate(ctx.label(org), "memberOf", ctx.label(target), "co-initiator", 0.8)
            continue
        _lead(ctx, subj, target, members_, "lead-trigger", 0.9, "co-initiator")


def _led_with_members(ctx: Context, leader: Mention, members: list[Mention], target: Mention) -> None:
    """A leads platform P and B, C are its members; an institute or company (not an
    association) is founded by all of them instead."""
    if ctx.types[ctx.label(target)] is ORG and target.subtype != "Association":
        for org in [leader, *members]:
            ctx.relate(ctx.label(target), "foundedBy", ctx.label(org), "co-founders", 0.8)
        return
    _lead(ctx, leader, target, members, "lead-with-members", 0.85, "lead-with-members")


def _lead(ctx: Context, leader: Mention, target: Mention, members: list[Mention], rule: str, confidence: float,
          member_rule: str) -> None:
    """The leader leads and is a member of the target; the others are members.  A facility or
    platform that one institution leads alone (由A牵头建设的实验装置) has no members to be one of,
    and an organisation other than an association (A发起的X子基金) was founded by its leader."""
    ctx.relate(ctx.label(leader), "leads", ctx.label(target), rule, confidence)
    if not members and target.type is ORG and target.subtype != "Association":
        ctx.relate(ctx.label(target), "foundedBy", ctx.label(leader), rule, 0.7)
    elif members or target.type is not PLATFORM or target.subtype in MEMBERED_PLATFORMS:
        ctx.relate(ctx.label(leader), "memberOf", ctx.label(target), rule, 0.7)
    for member in members:
        ctx.relate(ctx.label(member), "memberOf", ctx.label(target), member_rule, 0.8)


MEMBERED_PLATFORMS = frozenset({"InnovationConsortium", None})  # None: a platform of no known kind

OPENING_QUOTES, CLOSING_QUOTES = "“‘「『\"", "”’」』\""


def _named_before(ctx: Context, pos: int, kind: EntityType = PLATFORM) -> Mention | None:
    """The platform (or 该联合体…, or other `kind`) that ends right at `pos`, or at a closing quote there."""
    while pos > 0 and ctx.text[pos - 1] in CLOSING_QUOTES:
        pos -= 1
    found = [m for m in ctx.of_type(kind) if ctx.rel(m)[1] == pos]
    return found[0] if found else None


def founded_by(ctx: Context) -> None:
    """P由A联合C、D等N家…共同组建 (or 由A…共同组建的P): A leads P, C and D are members,
    P has N members."""
    verbs = _alternation(ctx.lex.triggers["co_found"]).pattern
    for m in re.finditer(rf"(?:是|系)?由([^。；]*?)(?:{verbs})", ctx.text):
        if ctx.hedged(m.end(), event=True):
            continue  # 该研究院由A、B计划共同组建
        named = _named_before(ctx, m.start()) or _described_after(ctx, m.end())
        if named is None:
            _founders_of_organisation(ctx, m)
            continue
        whole = ctx.label(named)
        _member_groups(ctx, whole, m.start(1), m.end(1), "founded-by-groups")
        inner_start = m.start(1)
        founders = [x for x in ctx.after(inner_start, ORG) if ctx.rel(x)[1] <= m.end(1)]
        if not founders or ctx.rel(founders[0])[0] != inner_start:
            continue
        founders = _without_employers(ctx, founders)
        if not founders or ctx.rel(founders[0])[0] != inner_start:
            continue  # 由A主任X牵头…: a person leads, who is no organisation
        lead = founders[0]
        rest = ctx.text[ctx.rel(lead)[1]:m.end(1)]
        if rest.startswith(("联合", "牵头", "携手", "会同")) or len(founders) == 1 and not re.match("[、和及与等]", rest):
            # (由A、小满科技和B联合组建: founders no mention names leave no sure leader; 由A等30家单位共同发起:
            # A is the first of many)
            ctx.relate(ctx.label(lead), "leads", whole, "founded-by", 0.85)
            ctx.relate(ctx.label(lead), "memberOf", whole, "founded-by", 0.7)
            for member in founders[1:]:
                ctx.relate(ctx.label(member), "memberOf", whole, "founded-by", 0.8)
        else:
            for member in founders:
                ctx.relate(ctx.label(member), "memberOf", whole, "founded-by", 0.8)
        count = re.search(r"等" + COUNT_NUMBER + r"(?:家|个|所)", m.group(1))
        if count:
            ctx.attribute(whole, "memberCount", int(count.group(1)), "founded-by-count", 0.9)


def _without_employers(ctx: Context, orgs: list[Mention]) -> list[Mention]:
    """由A心内科主任刘沁与B共同发起设立: A is where the founder 刘沁 works, no founder itself."""
    def employs(org: Mention) -> bool:
        nxt = next((x for x in ctx.mentions if ctx.rel(x)[0] >= ctx.rel(org)[1]), None)
        return nxt is not None and nxt.type is PERSON \
            and not re.search(r"[、和及与，]", ctx.text[ctx.rel(org)[1]:ctx.rel(nxt)[0]])
    return [org for org in orgs if not employs(org)]


def _founders_of_organisation(ctx: Context, m: re.Match) -> None:
    """该研究院由A、B和C共同组建, X是由A联合B等共同组建的新型研发机构, 由A出资设立的X基金: each
    founder founded the organisation."""
    founded = _named_before(ctx, m.start(), ORG) or _described_after(ctx, m.end(), ORG)
    founders = [x for x in ctx.after(m.start(1), ORG) if ctx.rel(x)[1] <= m.end(1)]
    if founded is None or not founders or ctx.rel(founders[0])[0] != m.start(1):
        return
    for founder in _without_employers(ctx, founders):
        ctx.relate(ctx.label(founded), "foundedBy", ctx.label(founder), "founded-by-organisations", 0.8)


FOUNDER_GAP = r"^(?:已|将|还|也)?(?:在[^，。；、的]{1,12})?$"  # A在青州设立的P


def founders_before(ctx: Context) -> None:
    """A与B联合设立“X基金”, A和B共同出资成立X公司, A联合B设立规模为100亿元的X基金, A在Z设立的X研究院:
    the founders are named before the verb, the organisation right after it (or after a description
    ending in 的)."""
    verbs = _alternation(ctx.lex.triggers["co_found"] + ctx.lex.triggers["found_after_founders"]).pattern
    for founded in ctx.of_type(ORG):
        verb = re.search(rf"(?:{verbs})了?(?:[^，。；的]{{0,16}}的)?[“\"]?$", ctx.text[:ctx.rel(founded)[0]])
        founder = _nearest_before(ctx, verb.start(), (ORG,), 16, FOUNDER_GAP) if verb else None
        if founder is None or ctx.hedged(verb.start(), event=True):
            continue
        for who in _coordinated(ctx, founder, ("、", "和", "与", "及", "联合", "会同")):
            ctx.relate(ctx.label(founded), "foundedBy", ctx.label(who), "founders-before", 0.8)
        # A在江州高新区设立的P: P is in that zone
        where = [z for z in ctx.of_type(PLATFORM) if ctx.rel(founder)[1] < ctx.rel(z)[0] and ctx.rel(z)[1] <= verb.start()]
        if where:
            ctx.relate(ctx.label(founded), "locatedIn", ctx.label(where[-1]), "founded-in", 0.75)


def _member_groups(ctx: Context, whole: str, start: int, end: int, rule: str) -> None:
    """12家上下游企业、8家高校院所等20家创新主体: how many members of each kind (the total after
    等 is memberCount's).  A kind ends with a word of the lexicon's member_kinds."""
    kinds = _alternation(ctx.lex.triggers["member_kinds"]).pattern
    group = re.compile(rf"(?<![\d.])(等)?(\d+)(?:家|所|个)([^\d，,。；、等]{{0,8}}?(?:{kinds}))"
                       rf"(?=([、，,和及与]\d)|等|$)")
    for m in group.finditer(ctx.text[start:end]):
        if m.group(1) and not m.group(4):
            continue  # 等20家创新主体: the total, but 等14家企业和5所高校 are two groups
        ctx.attribute(whole, "memberGroup", MemberGroup(int(m.group(2)), m.group(3)), rule, 0.8)


def _described_after(ctx: Context, pos: int, kind: EntityType = PLATFORM) -> Mention | None:
    """The platform (or other `kind`) a 由…组建的 clause ending at `pos` describes: it starts right
    after 的 (or after a quote mark there: 组建的“光通信创新联合体”)."""
    if not ctx.text.startswith("的", pos):
        return None
    start = pos + 1
    while start < len(ctx.text) and ctx.text[start] in OPENING_QUOTES:
        start += 1
    found = [m for m in ctx.of_type(kind) if ctx.rel(m)[0] == start]
    return found[0] if found else None


def _platform_before(ctx: Context, pos: int) -> str | None:
    """The platform a sentence is about: named (or pointed to by 该…) before `pos`, else the topic."""
    before = ctx.before(pos, PLATFORM)
    if before:
        return ctx.label(before[-1])
    return ctx.topic.get(PLATFORM)


CONTINUED_LIST = re.compile(r"[，,](?:以及|及|和|还有|同时还有|此外还有)")


def _list_after(ctx: Context, pos: int, *types: EntityType) -> list[Mention]:
    """Mentions after `pos` to the end of the clause, and of clauses that go on
    with 以及/还有 (…等企业，以及A、B等高校)."""
    end = pos
    while True:
        stop = re.compile(r"[。；！？;!?]|[，,]").search(ctx.text, end)
        if stop is None:
            end = len(ctx.text)
            break
        if ctx.text[stop.start()] in "，," and CONTINUED_LIST.match(ctx.text, stop.start()):
            end = stop.end()
            continue
        end = stop.start()
        break
    return [m for m in ctx.after(pos, *types) if ctx.rel(m)[1] <= end]


MEMBERS = r"(?:成员|会员)(?:单位|企业)?"  # 成员单位, 会员企业: the members of an alliance
ROLL = re.compile(MEMBERS + r"名单[，,：:]")  # 公布首批成员名单，A、B等23家单位入选
ROLL_CHOSEN = re.compile(r"[^。；]*?(入选|在列|上榜)")


def members(ctx: Context) -> None:
    for trig in _triggers(ctx, "members"):
        whole = _platform_before(ctx, trig.start())
        if whole is None:
            continue
        listed = _list_after(ctx, trig.end(), ORG)
        for m in listed:
            if not _left_later(ctx, m, listed):
                ctx.relate(ctx.label(m), "memberOf", whole, "member-list", 0.9)
        clause_end = re.compile(r"[，,。；;！？]|$").search(ctx.text, trig.end()).start()
        _member_groups(ctx, whole, trig.end(), clause_end, "member-list-groups")  # 成员包括30家企业和10所高校
    for roll in ROLL.finditer(ctx.text):
        whole = _platform_before(ctx, roll.start())
        chosen = ROLL_CHOSEN.match(ctx.text, roll.end())
        if whole is None or chosen is None or ctx.hedged(chosen.start(1)):
            continue
        for m in _list_after(ctx, roll.end(), ORG):
            ctx.relate(ctx.label(m), "memberOf", whole, "member-roll", 0.8)


# …，其中B已被开除 / B已于今年退出: B named again after a list, then a verb that ends its membership
LEFT = re.compile(r"(?:已经?|也|均|现已|后)?(?:于[^，。；]{0,12})?(?:被)?(?:开除|除名|退出|移出|清退|取消|终止)")


def _left_later(ctx: Context, m: Mention, listed: list[Mention]) -> bool:
    """Whether the sentence, after the list, says that m left or was expelled."""
    after = ctx.rel(listed[-1])[1]
    return any(ctx.label(x) == ctx.label(m) and LEFT.match(ctx.text, ctx.name_end(x))
               for x in ctx.after(after, ORG))


def member_count(ctx: Context) -> None:
    counts = [(MEMBERS + r"(?:共有|共计|总数达|达到|已达|达|共|增至|增加至|增加到)" + COUNT_NUMBER + r"(?:家|个)", 0.8),
              # not 共有9家成员单位完成上市: a part of them
              (r"共有(?:成员(?:单位)?)?" + COUNT_NUMBER + r"(?:家|个)(?:成员(?:单位)?)?(?=[，。；！？]|$)", 0.8),
              (r"由" + COUNT_NUMBER + r"(?:家|个)[^，。；\d]{0,12}?(?:组成|组建|共同发起)", 0.8),  # not 由5家企业和3所高校组建
              (r"吸引" + COUNT_NUMBER + r"(?:家|个)[^，。；]{0,8}?(?:加入|参与)", 0.7),
              (MEMBERS + r"(?:包括|有)[^。；]*?等" + COUNT_NUMBER + r"(?:家|个)"
               r"(?![^，。；、\d]{0,8}?[、和及与]\d)", 0.7),  # not 等14家企业和5所高校: a group
              (MEMBERS + r"(?:总数|数量)(?:已|已经)?(?:达到|达|为)" + COUNT_NUMBER + r"(?:家|个)", 0.8),
              (r"(?:现有|拥有|已有|汇聚|集聚|已吸纳|累计吸纳)了?" + MEMBERS + COUNT_NUMBER + r"(?:家|个)", 0.8)]  # not 本年度吸纳…40家
    # N余家, N多家: a lower bound, not a count; no pattern takes a number followed by 余 or 多
    for pattern, confidence in counts:
        for m in re.finditer(pattern, ctx.text):
            if SUBSET_COUNT.search(ctx.names_masked, ctx.clause_start(m.start()), m.start()) \
                    or SUBSET_AFTER.match(ctx.text, m.end()) or pattern.startswith("共有") and _others_act(ctx, m.start()):
                continue  # 其中联盟成员单位共有37家入选, 上榜企业共有102家: a part, or another group
            whole = _platform_before(ctx, m.start())
            if whole is not None:
                ctx.attribute(whole, "memberCount", int(m.group(1)), "member-count", confidence)


SUBSET_COUNT = re.compile(r"其中|入选|上榜|获评|名单|榜单")
SUBSET_AFTER = re.compile(r"[^，。；！？]{0,4}?(?:入选|上榜|获评|获得|完成|参加|参与|上市)")
TENANT_GAP = r"^[^，。；：！？]{0,24}$"
AMONG_NONE = re.compile(r"(?:并)?(?:不含|不包括|不包含|没有|无)")
LISTED_TENANTS_GAP = r"^等[^，。；：！？]{0,16}[，,][^，。；：！？]{0,10}$"


def _sentence_subject(ctx: Context) -> Mention | None:
    """The organisation a sentence opens with (after a date or a short adverbial, or after a word for
    its kind: 毕业企业X)."""
    lead = re.match(r"^(?:[^，。]{0,12}[，,])?", ctx.text)
    kind = re.match(r"^[\u4e00-\u9fff]{0,4}(?:企业|公司|机构|单位)", ctx.text)
    for pos in sorted({0, lead.end() if lead else 0, kind.end() if kind else 0}):
        found = [m for m in ctx.of_type(ORG) if ctx.rel(m)[0] == pos]
        if found:
            return found[0]
    return None


COUNTED_OTHERS = r"(?:\d+|[一二两三四五六七八九十百千几数多])+[多余]?[家所个]"


def _at_a_fair(ctx: Context, trig: re.Match) -> bool:
    """Whether the verb speaks of a fair: its place is a stand (P展区汇聚了…, P展位…入驻该展位的…), or what
    it gathers are exhibitors (…汇聚了A等600余家参展企业)."""
    stands = _alternation(ctx.lex.triggers["exhibit_words"]).pattern
    place = ctx.before(trig.start(), PLATFORM)
    clause = ctx.text[trig.end():(CLAUSE_BREAK.search(ctx.text, trig.end()) or re.search("$", ctx.text)).start()]
    return (bool(place) and re.match(stands, ctx.text[ctx.rel(place[-1])[1]:]) is not None
            or re.match(rf"(?:该|本|此)?(?:{stands})", ctx.text[trig.end():]) is not None
            or "参展" in clause)


def _others_act(ctx: Context, pos: int) -> bool:
    """Whether the clause of the verb at `pos` has a subject of its own that names no one (50多家企业,
    我们的客户大多, 符合条件的企业): then the sentence's subject is not the clause's."""
    before = ctx.names_masked[ctx.clause_start(pos):pos]
    return (re.search(COUNTED_OTHERS, before) is not None
            or _alternation(ctx.lex.triggers["other_subjects"]).search(before) is not None)


def located(ctx: Context) -> None:
    moves = _alternation(ctx.lex.triggers["moving_verbs"])
    for trig in _triggers(ctx, "located"):
        moved_on = moves.search(ctx.text, trig.end())
        if moved_on is not None and not moves.fullmatch(trig.group()) \
                and not [o for o in ctx.after(trig.end(), ORG) if ctx.rel(o)[0] < moved_on.start()]:
            continue  # X2019年入驻P，2022年已迁往Q: X is no longer in P
        tenant = _nearest_before(ctx, trig.start(), (ORG,), 24, TENANT_GAP)
        if tenant is not None:
            tenant = _tenant_itself(ctx, tenant, trig.start())
            if tenant is None:
                continue
        if _at_a_fair(ctx, trig):
            continue  # P展区汇聚了A、B…, 入驻该展位的A, 会展中心汇聚了A等600余家参展企业: a fair's stand, not a seat
        hosts = [m for m in ctx.after(trig.end(), PLATFORM)
                 if ctx.rel(m)[0] - trig.end() <= 10 and ctx.same_clause(trig.end(), ctx.rel(m)[0])
                 and not ctx.after(trig.end(), ORG)[:1] == [m]]
        hosts = [h for h in hosts if not [o for o in ctx.of_type(ORG) if trig.end() <= ctx.rel(o)[0] < ctx.rel(h)[0]]]
        followers = _list_after(ctx, trig.end(), ORG)
        if moved_on is not None and followers:
            # 已入驻A、B等企业，其中A已于2023年退租并迁出园区: B only
            leaver = _nearest_before(ctx, moved_on.start(), (ORG,), 16, r"^[^，。；]*$")
            followers = [o for o in followers if leaver is None or ctx.label(o) != ctx.label(leaver)]
        if followers and _people_of(ctx, followers[-1]):
            followers = []  # P汇聚了A、B等企业的3000余名员工: their people, all of them
        followers = [o for o in followers if not _people_of(ctx, o)]
        if not followers:
            among = re.match(r"[^，。；]*[，,]其中(?:包括|有)?", ctx.text[trig.end():])
            if among and not AMONG_NONE.match(ctx.text, trig.end() + among.end()):  # 其中不含X: not X
                followers = _list_after(ctx, trig.end() + among.end(), ORG)
        if tenant is None:  # A、B等12家企业通过评审，正式入驻P: the list closed a clause before
            tenant = _nearest_before(ctx, trig.start(), (ORG,), 40, LISTED_TENANTS_GAP)
        if tenant is None and not followers and not _others_act(ctx, trig.start()) \
                and not (hosts and ctx.text.startswith("的", ctx.rel(hosts[0])[1])):
            tenant = _sentence_subject(ctx)  # (入驻P的企业: those described)
        if tenant is None and not followers and hosts and len(ctx.subjects) == 1 and not _others_act(ctx, trig.start()) \
                and re.fullmatch(rf"(?:{WHEN_DATE})?[，,]?(?:又|再|随后|此后|后|已|正式)*", ctx.text[:trig.start()]) \
                and not ctx.text.startswith("的", ctx.rel(hosts[0])[1]):  # (迁入P的企业: those described)
            # 2015年，公司在P成立；2017年迁入Q: the subjectless clause goes on about the company before
            ctx.relate(ctx.subjects[0], "locatedIn", ctx.label(hosts[0]), "settle-in-subject", 0.7)
            continue
        if hosts and tenant is not None and "分别" in ctx.text[ctx.rel(tenant)[1]:trig.start()]:
            # A和B分别入驻P和Q: A in P, B in Q; A、B分别入驻P: each in P
            tenants = _coordinated(ctx, tenant, ("、", "和", "及"))
            places = [p for p in _run_after(ctx, trig.end(), PLATFORM) if ctx.rel(p)[0] >= ctx.rel(hosts[0])[0]]
            for org, place in _respectively(tenants, places):
                ctx.relate(ctx.label(org), "locatedIn", ctx.label(place), "settle-in-respectively", 0.8)
        elif hosts and tenant is not None:
            for org in _coordinated(ctx, tenant):
                ctx.relate(ctx.label(org), "locatedIn", ctx.label(hosts[0]), "settle-in", 0.85)
        elif followers and tenant is None:  # 江州大学引进了A: no place admits A
            host = [m for m in ctx.before(trig.start(), PLATFORM)]
            if host:
                whole, confidence = ctx.label(host[-1]), 0.85
            elif PLATFORM in ctx.topic:
                whole, confidence = ctx.topic[PLATFORM], 0.7
            else:
                continue
            for org in followers:
                ctx.relate(ctx.label(org), "locatedIn", whole, "host-admits", confidence)
        elif tenant is not None and re.match(r"(?:于此|在此|这里|园区|该园|本园)?(?:[。；！？，]|$)", ctx.text[trig.end():]):
            # …等12家企业集中签约入驻。, A、B等龙头企业均落户于此。, X正式入驻园区: the host was named before
            host = [m for m in ctx.before(ctx.rel(tenant)[0], PLATFORM)]
            whole = ctx.label(host[-1]) if host else ctx.topic.get(PLATFORM)
            if whole is not None:
                for org in _coordinated(ctx, tenant):
                    ctx.relate(ctx.label(org), "locatedIn", whole, "settle-in", 0.75)
    for m in re.finditer(r"(?:内|里)的", ctx.text):  # P内的X: X is in P
        whole = [p for p in ctx.of_type(PLATFORM) if ctx.rel(p)[1] == m.start()]
        inside = [x for x in ctx.of_type(PLATFORM, ORG) if ctx.rel(x)[0] == m.end()]
        if whole and inside:
            ctx.relate(ctx.label(inside[0]), "locatedIn", ctx.label(whole[0]), "inside", 0.75)
    for m in _triggers(ctx, "located_after"):  # X位于P, X坐落于P: the place named right after
        place = [p for p in ctx.after(m.end(), PLATFORM) if ctx.rel(p)[0] - m.end() <= 8
                 and ctx.same_clause(m.end(), ctx.rel(p)[0])]
        if not place:
            continue
        place = _innermost(ctx, place)
        tenant = _nearest_before(ctx, m.start(), (ORG,), 8, TENANT_GAP)
        after = ctx.text[ctx.rel(place)[1]:]
        if tenant is None and after.startswith("的"):
            follow = [x for x in ctx.after(ctx.rel(place)[1], ORG) if ctx.rel(x)[0] - ctx.rel(place)[1] <= 3]
            tenant = follow[0] if follow else None
        if tenant is None and not ctx.text[:m.start()].endswith(ctx.lex.triggers["units_elsewhere"]) \
                and not ITS_UNIT.search(ctx.text, 0, m.start()):
            tenant = _sentence_subject(ctx)  # X总部位于P, but not X…，研发中心位于Q, X…，其招聘中心位于Q
        if tenant is not None and BACKER_OF.match(ctx.names_masked, ctx.name_end(tenant), m.start()):
            continue  # A领投的X总部位于P: X's
        if tenant is not None:
            ctx.relate(ctx.label(tenant), "locatedIn", ctx.label(place), "located-at", 0.8)
    when = _alternation(ctx.lex.triggers["when_adverbs"]).pattern
    for trig in [*_triggers(ctx, "hosted_in"), *_triggers(ctx, "held_in")]:
        # P日前在X揭牌/成立, “P”在X揭牌: where a platform or organisation was set up; 论坛在X举行: where
        # a forum is held (no place of anything else, whose events are held anywhere)
        place = [p for p in ctx.before(trig.start(), PLATFORM)
                 if re.fullmatch(r"(?:正式|隆重)?", ctx.text[ctx.rel(p)[1]:trig.start()])]
        if not place:
            continue
        lead_in = ctx.text[:ctx.rel(place[-1])[0]]
        found = re.search(rf"[{CLOSING_QUOTES}]?(?:{when}|正式|已|于[^，。]{{0,12}})*在$", lead_in)
        if not found:
            continue
        subject = [x for x in ctx.of_type(PLATFORM, ORG) if ctx.rel(x)[1] == found.start()]
        set_up = trig.group() in ctx.lex.triggers["hosted_in"]
        made = next((x for x in ctx.after(trig.end(), PLATFORM, ORG)
                     if SET_UP_OBJECT.fullmatch(ctx.text, trig.end(), ctx.rel(x)[0])), None)
        if set_up and made is not None:
            subject = [made]  # A与B在X成立合资公司C: C is in X, not B
        elif set_up and re.match(rf"了?(?:{_alternation(ctx.lex.triggers['units_elsewhere']).pattern})", ctx.text[trig.end():]):
            continue  # A在X成立了研发中心: the centre is in X, A need not be
        if subject and (set_up or subject[0].subtype == "Forum"):
            ctx.relate(ctx.label(subject[0]), "locatedIn", ctx.label(place[-1]), "set-up-in" if set_up else "held-in", 0.7)


# A孵化的X, A领投的X, A投资的X: A describes the organisation the clause is about
BACKER_OF = re.compile(r"(?:孵化|投资|领投|跟投|培育|参股|控股|创办|创立|孕育|设立|投建|投资建设|收购)的")


PEOPLE_MOVE = re.compile(r"员工|人才|工程师|户口|户籍|一家|毕业生|职工|办理")


# X…，其招聘中心位于Q: a part of X is there, whatever it is (but 其总部位于Q is X's seat)
ITS_UNIT = re.compile(r"[，；]其(?!总部|注册地|办公地|本部)[^，。；的]{1,8}$")


def _tenant_itself(ctx: Context, tenant: Mention, verb: int) -> Mention | None:
    """Who settles, given the organisation named last before the verb: not the other party of a signing
    (A与B签约落户P: A), nothing when a unit or a project of it does (A的研发中心落户P, A投资建设的X项目落户P)."""
    gap = ctx.names_masked[ctx.name_end(tenant):verb]
    if BACKER_OF.match(gap):
        return None  # 由A孵化的X落户P, A领投的X已入驻P: X settles, whoever it is, not A
    if PEOPLE_MOVE.search(gap) or [p for p in ctx.of_type(EntityType.PERSON)
                                   if ctx.name_end(tenant) <= ctx.rel(p)[0] < verb]:
        return None  # A员工陈浩落户P, A研究员X的户口迁入P: a person's hukou or home, not A's seat
    if "总部" not in gap and (re.search(r"项目|基地", gap) or gap.startswith("的")
                              and any(unit in gap for unit in ctx.lex.triggers["units_elsewhere"])):
        return None  # (but A总部及研发中心项目落户P: A's headquarters, so A)
    if re.fullmatch(r"(?:正式)?签约", gap) and re.search(r"(?:与|和|同)$", ctx.text[:ctx.rel(tenant)[0]]):
        return _nearest_before(ctx, ctx.rel(tenant)[0] - 1, (ORG,), 0)
    return tenant


# P汇聚了A、B等企业的3000余名员工: people of the organisations
PEOPLE_OF = re.compile(r"(?:等[^，。；]{0,6})?的[^，。；]{0,12}?(?:员工|人才|工程师|科学家|专家|学者|毕业生|职工)")


def _people_of(ctx: Context, org: Mention) -> bool:
    """引进了A大学教授X团队, 引进了A大学X团队: people of the organisation, not the organisation."""
    end = ctx.name_end(org)
    rest = ctx.text[end:]
    return (title_pattern().match(rest) is not None or rest.startswith(ctx.lex.people_groups)
            or PEOPLE_OF.match(rest) is not None or ctx.text[:ctx.rel(org)[0]].endswith("来自")
            or any(ctx.rel(p)[0] == end for p in ctx.of_type(EntityType.PERSON)))


def _innermost(ctx: Context, places: list[Mention]) -> Mention:
    """X高新区Y产业园: the park is where a tenant is, the zone contains it."""
    chosen = places[0]
    for p in places[1:]:
        if ctx.rel(p)[0] == ctx.rel(chosen)[1]:
            chosen = p
    return chosen


def nested_places(ctx: Context) -> None:
    """X高新区Y产业园 names a park inside a zone."""
    platforms = ctx.of_type(PLATFORM)
    for outer, inner in zip(platforms, platforms[1:]):
        if outer.end == inner.start and outer.rule == inner.rule == "suffix":
            ctx.relate(ctx.label(inner), "partOf", ctx.label(outer), "nested-name", 0.7)


def part_of(ctx: Context) -> None:
    for m in re.finditer(r"包括([^。；]*?)在内的", ctx.text):
        whole = [x for x in ctx.after(m.end(), PLATFORM) if ctx.rel(x)[0] - m.end() <= 1]
        if not whole:
            continue
        parts = [x for x in ctx.after(m.start(1), PLATFORM) if ctx.rel(x)[1] <= m.end(1)]
        for part in parts:
            ctx.relate(ctx.label(part), "partOf", ctx.label(whole[0]), "including", 0.9)
    for m in re.finditer(r"由([^。；]*?)(?:组成|构成)", ctx.text):
        # 中关村示范区由海淀园、昌平园等16个分园组成: platforms only (organisations found a whole)
        whole = _named_before(ctx, m.start())
        inside = [x for x in ctx.of_type(PLATFORM, ORG) if m.start(1) <= ctx.rel(x)[0] and ctx.rel(x)[1] <= m.end(1)]
        if whole is None or ctx.types[ctx.label(whole)] is not PLATFORM or not inside \
                or ctx.rel(inside[0])[0] != m.start(1) or any(ctx.types[ctx.label(x)] is not PLATFORM for x in inside):
            continue
        for part in inside:
            ctx.relate(ctx.label(part), "partOf", ctx.label(whole), "composed-of", 0.8)
    for trig in _triggers(ctx, "has_parts"):
        # 中关村示范区包括海淀园、昌平园等16个分园 (the whole right before the verb, a list of platforms after)
        whole = _named_before(ctx, trig.start())
        parts = _run_after(ctx, trig.end(), PLATFORM, ORG)
        if whole is None or not parts or ctx.rel(parts[0])[0] != trig.end() \
                or any(ctx.types[ctx.label(x)] is not PLATFORM for x in parts):
            continue
        for part in parts:
            ctx.relate(ctx.label(part), "partOf", ctx.label(whole), "has-parts", 0.8)
    for trig in _triggers(ctx, "part_of"):
        whole = [x for x in ctx.before(trig.start(), PLATFORM) if ctx.same_clause(ctx.rel(x)[1], trig.start())]
        part = [x for x in ctx.before(trig.start(), PLATFORM) if x not in whole[-1:]] if whole else []
        if whole and part and re.search(r"是$", ctx.text[ctx.rel(part[-1])[1]:ctx.rel(whole[-1])[0]]):
            ctx.relate(ctx.label(part[-1]), "partOf", ctx.label(whole[-1]), "component", 0.85)
        elif whole and re.search(r"(?:^|[，。；])作为$", ctx.text[:ctx.rel(whole[-1])[0]]):
            # 作为W的重要组成部分，P…: the part opens the next clause
            comma = re.match(r"[^，。；]*[，,]", ctx.text[trig.end():])
            opening = trig.end() + comma.end() if comma else -1
            for part in [x for x in ctx.of_type(PLATFORM) if ctx.rel(x)[0] == opening][:1]:
                ctx.relate(ctx.label(part), "partOf", ctx.label(whole[-1]), "component-as", 0.8)


PREDECESSOR_GAP = r"(?:是|为|即)(?:(?:成立|创建|创立|始建|组建)于[^，。；]{2,14}的|[^，。；]{2,12}(?:成立|创建|创立|组建)的)?"


# 前身为A下属的一个研究所, 前身是A孵化的一个课题组: A owned or incubated the predecessor, unnamed
OWNER_OF_PREDECESSOR = re.compile(r"(?:下属|旗下|所属|内设|孵化|设立|成立|组建|培育)?(?:的|之)")


def predecessor(ctx: Context) -> None:
    kinds = (PLATFORM, ORG)
    for m in re.finditer(r"前身", ctx.text):
        before = ctx.before(m.start(), *kinds)
        after = ctx.after(m.end(), *kinds)
        if not before:
            continue
        if ctx.text[ctx.rel(before[-1])[1]:m.start()] == "的" and len(before) >= 2:
            # A就是B的前身
            gap = ctx.text[ctx.rel(before[-2])[1]:ctx.rel(before[-1])[0]]
            if re.fullmatch(r"(?:就|即|也|正)?是", gap):
                ctx.relate(ctx.label(before[-2]), "predecessorOf", ctx.label(before[-1]), "predecessor", 0.9)
        elif after and re.fullmatch(PREDECESSOR_GAP, ctx.text[m.end():ctx.rel(after[0])[0]]) \
                and not OWNER_OF_PREDECESSOR.match(ctx.text, ctx.name_end(after[0])):
            # B的前身是A / B，其前身为A / 前身为成立于2016年的A: B is the last name before, of A's kind if
            # one is named, and never a place something is in (X成立于2015年，总部位于P，前身为A: X's) nor an agent
            # (X由Y孵化，其前身为A: X's)
            places = _alternation(ctx.lex.triggers["located"] + ctx.lex.triggers["located_after"]).pattern
            named = [b for b in before if not re.search(rf"(?:{places}|由|被)$", ctx.text[:ctx.rel(b)[0]])]
            successor = [b for b in named if b.type is after[0].type] or named
            if successor:
                ctx.relate(ctx.label(after[0]), "predecessorOf", ctx.label(successor[-1]), "predecessor", 0.85)
    for m in re.finditer(rf"(?:{_alternation(ctx.lex.triggers['former_names']).pattern})[为是：:]?[“\"]?", ctx.text):
        # X原名A, X，曾用名“A”: A is X's earlier name
        old = ctx.after(m.end(), *kinds)
        new = _nearest_before(ctx, m.start(), kinds, 2, r"^[，,（(]?$")  # X（原名A）
        if old and ctx.rel(old[0])[0] == m.end() and new is not None and not ctx.hedged(m.start(), event=True):
            ctx.relate(ctx.label(old[0]), "predecessorOf", ctx.label(new), "former-name", 0.85)
    when = _alternation(ctx.lex.triggers["when_adverbs"]).pattern
    for trig in _triggers(ctx, "renamed"):
        old = _nearest_before(ctx, trig.start(), kinds, 16,
                              rf"^[”」》）)]*(?:{when}|已|已经|曾|正式|将|随后|此后|其后|后来|于[^，。；]{{0,12}}|{WHEN_DATE})*$")
        new = ctx.after(trig.end(), *kinds)
        if old is not None and new and ctx.rel(new[0])[0] == trig.end():
            ctx.relate(ctx.label(old), "predecessorOf", ctx.label(new[0]), "renamed", 0.9)
        elif old is not None and ctx.text.startswith("现名", trig.end()):
            # X于2023年8月由“A”更名为现名: X is the new name, the clause's subject before 由
            by = re.search(r"由[“\"]?$", ctx.text[:ctx.rel(old)[0]])
            new_name = _nearest_before(ctx, by.start(), (old.type,), 16, RENAMED_GAP) if by else None
            if new_name is not None:
                ctx.relate(ctx.label(old), "predecessorOf", ctx.label(new_name), "renamed-current", 0.85)


# between a company and 由“A”更名为现名: adverbs and a date (已于2023年8月)
RENAMED_GAP = r"^(?:已|已经|正式|此前|先后)*(?:于[^，。；]{0,12})?$"

# what stands between two titles that share one verb: 《A》《B》, 《A》、《B》, 《A》和《B》
TITLE_CHAIN_GAPS = frozenset(f"》{joiner}《" for joiner in ("", "、", "和", "及", "与", "以及")) | {"《", "》"}


def issued(ctx: Context) -> None:
    policies = ctx.of_type(POLICY)
    when = _alternation(ctx.lex.triggers["when_adverbs"]).pattern
    # X近日印发…, X于2023年4月印发…, X关于印发《P》的通知, X等七部门联合印发…
    issuer_gap = (rf"^(?:将|已|还|也|曾|正式|联合|共同|关于|等[\d一二三四五六七八九十两]+个?(?:部门|部委|单位)"
                  rf"|{when}|{WHEN_DATE}|于.{{0,12}}|在.{{0,16}})*$")
    for p in policies:
        start, end = ctx.rel(p)
        if _derived(ctx, p):
            continue  # 印发《P》实施细则, 发布《P》申报指南: another document than P is issued
        issuer = None
        confidence = 0.9
        rule = "issue-verb"
        verb_at = None
        # 《A》《B》: a chain of titles shares the verb before the first one
        chain_start = start
        while True:
            prev = [q for q in policies if chain_start - 4 <= ctx.rel(q)[1] < chain_start
                    and ctx.text[ctx.rel(q)[1]:chain_start] in TITLE_CHAIN_GAPS]
            if not prev:
                break
            chain_start = ctx.rel(prev[0])[0]
        lead_in = ctx.text[:chain_start].rstrip("《“")
        dated = re.search(rf"{YEAR_DATE}(?:{_alternation(ctx.lex.triggers['issued']).pattern})的$", lead_in)
        if dated and (stated := _stated_date(*_date_parts(dated))) is not None and stated[1] != "year":
            # 2019年5月印发的《P》: when P was issued, whoever issued it (a year alone is no issue date)
            ctx.attribute(ctx.label(p), "issuedOn", stated[0], "issued-on-before", 0.8, stated[1])
        verb = re.search(r"(" + _alternation(ctx.lex.triggers["issued"]).pattern + r")了?(?:新一轮|一批|若干)?$", lead_in)
        if verb and ctx.hedged(verb.start(), event=True):
            continue  # X拟于2026年3月印发《P》: not issued yet, on no day
        if verb:
            verb_at = verb.start()
            subj = _nearest_before(ctx, verb_at, (ORG,), 20, issuer_gap)
            if subj is not None:
                issuers = [ctx.label(o) for o in _coordinated(ctx, subj, ISSUE_JOINERS)]
            elif not ctx.before(verb_at, ORG, PERSON) and ctx.subjects and re.match(
                    issuer_gap, ctx.text[max((b.end() for b in CLAUSE_BREAK.finditer(ctx.text, 0, verb_at)), default=0):verb_at]):
                # the clause names no issuer of its own (2024年，昌平区出台… does: a place, no organisation)
                issuers, confidence, rule = list(ctx.subjects), 0.6, "issue-verb-paragraph-subject"
            else:
                issuers = []
            if re.search("|".join(ctx.lex.triggers["not_yet"]) + r"[^，。；]{0,8}?(?:印发|发布|出台|实施)", ctx.text[end:]):
                issuers = []  # 拟于近期印发实施: not issued yet
            for who in issuers:
                ctx.relate(ctx.label(p), "issuedBy", who, rule, confidence)
            issuer = issuers
        passive = re.match(r"[”》]?(?:日前|近日|已|已经|正式|于[^，。]{0,12})*由", ctx.text[end:])
        if passive:
            issuers, verb_end = _passive_issuers(ctx, end + passive.end())
            if issuers:
                for who in issuers:
                    ctx.relate(ctx.label(p), "issuedBy", ctx.label(who), "issued-by", 0.9)
                issuer, verb_at = [ctx.label(who) for who in issuers], verb_end  # 由A于2024年11月5日印发
                _document_number_at(ctx, p, verb_end)  # 由A、B联合印发（京兴发改〔2024〕31号）
        counted = re.match(rf"[”》]?(?:日前|近日|已|已经|正式|于[^，。]{{0,12}})*由{COUNTED_OFFICES}(?:联合|共同)?"
                           rf"(?:{_alternation(ctx.lex.triggers['issued']).pattern})", ctx.text[end:])
        if counted and not issuer and len(ctx.subjects) == numeral_value(counted.group(1)):
            # 该措施由两部门联合印发: the two offices the paragraph opened with
            for who in ctx.subjects:
                ctx.relate(ctx.label(p), "issuedBy", who, "issued-by-counted", 0.7)
        nested = [o for o in ctx.of_type(ORG) if start <= ctx.rel(o)[0] and ctx.rel(o)[1] < end
                  and ctx.text[ctx.rel(o)[1]:].startswith("关于")]
        for o in nested:
            ctx.relate(ctx.label(p), "issuedBy", ctx.label(o), "title-issuer", 0.9)
        published = re.match(r"[”》]?(?:正式)?(?:" + "|".join(ctx.lex.triggers["issued"]) + ")", ctx.text[end:])
        if published and verb_at is None and SINCE_ISSUE.match(ctx.text, end + published.end()):
            continue  # 2023年3月，在《P》印发一周年之际 / 印发以来: the date is a later one
        if verb_at is not None or published or nested and published:
            _issue_date(ctx, p, verb_at if verb_at is not None else start)


SINCE_ISSUE = re.compile(r"[一二三四五六七八九十两\d]+周年|以来")


# 公布《P》首批支持企业名单: a list of those P supports, published; not P
LIST_UNDER_TITLE = re.compile(r"[^，。；《》“”]{0,10}?名单")


def _derived(ctx: Context, p: Mention) -> bool:
    """《P》实施细则, 《P》申报指南, 《P》首批支持企业名单, or a bare 细则 pointing back to P: a document made
    from P, not P."""
    end = ctx.rel(p)[1]
    after = end + ctx.text.startswith("》", end)
    return p.text in ctx.lex.derived_documents or \
        _alternation(ctx.lex.derived_documents).match(ctx.names_masked, after) is not None \
        or LIST_UNDER_TITLE.match(ctx.text, after) is not None


def _passive_issuers(ctx: Context, after_by: int) -> tuple[list[Mention], int]:
    """由A印发, 由A、B联合印发, 由A于2024年11月5日印发: the run of offices that opens at `after_by` and
    ends at the verb, and where the verb ends."""
    verb = re.compile(rf"(?:于{DATE.pattern})?(?:正式|联合|共同|印发并)?(?:{_alternation(ctx.lex.triggers['issued']).pattern})")
    for last in ctx.after(after_by, ORG):
        run = _coordinated(ctx, last, ISSUE_JOINERS)
        if ctx.rel(run[0])[0] == after_by and (m := verb.match(ctx.text, ctx.rel(last)[1])):
            return run, m.end()
    return [], -1


COUNTED_OFFICES = r"([两二三四五六七八九十]|\d{1,2})个?(?:部门|部委|单位|机构)"


ON_ISSUE = re.compile(r"自(?:印发|发布|公布|颁布|下发)之日起(?:施行|实施|生效|执行)")


def _issue_date(ctx: Context, policy: Mention, pos: int) -> None:
    dates = [d for d in DATE.finditer(ctx.text) if d.end() <= pos]
    if not dates:
        return
    d = dates[-1]
    stated = _stated_date(*_date_parts(d))
    if stated is None:
        return
    ctx.attribute(ctx.label(policy), "issuedOn", stated[0], "issue-date", 0.85, stated[1])
    # 印发《P》，自印发之日起施行: in effect from that day (read up to the next title)
    end = ctx.rel(policy)[1]
    following = min((ctx.rel(q)[0] for q in ctx.of_type(POLICY) if ctx.rel(q)[0] > end
                     and ctx.label(q) != ctx.label(policy)), default=len(ctx.text))
    if ON_ISSUE.search(ctx.text, end, following):
        ctx.attribute(ctx.label(policy), "effectiveFrom", stated[0], "effective-on-issue", 0.8, stated[1])


def _date_parts(match: re.Match) -> tuple[str, str | None, str | None]:
    """Year, month and day of a match whose groups are dates, three groups each (DATE, YEAR_DATE): the
    first that matched."""
    groups = match.groups()
    return next(tuple(groups[i:i + 3]) for i in range(0, len(groups) - 2, 3) if groups[i] is not None)


def _stated_date(year: str, month: str | None, day: str | None) -> tuple[date, str] | None:
    """The date a text states (2021年, 2021年3月, 2021年3月5日, 二〇二一年三月五日) and its precision;
    None for 2月30日."""
    try:
        value = date(numeral_value(year), numeral_value(month or "1"), numeral_value(day or "1"))
    except ValueError:
        return None
    return value, "day" if day else "month" if month else "year"


VALID_FOR = re.compile(r"[，,]?有效期(?:为|是)?([两二三四五六七八九十]|\d{1,2})年")


def _last_day(first: date, years: int) -> date:
    """The day before the `years`th anniversary of `first` (a 29 February starts on 1 March)."""
    try:
        anniversary = first.replace(year=first.year + years)
    except ValueError:
        anniversary = date(first.year + years, 3, 1)
    return anniversary - timedelta(days=1)


def effective_date(ctx: Context) -> None:
    """《P》自2026年12月1日起施行, P于2027年1月1日正式生效: the day P takes effect (the latest
    policy named before it in the sentence, else the paragraph's), not the day it was issued;
    有效期至2028年12月31日: its last day, and so is the day before the Nth anniversary of a first
    day stated in the same sentence (自2027年1月1日起施行，有效期3年: 2029-12-31)."""
    if "有效期" not in ctx.text and not _alternation(ctx.lex.triggers["takes_effect"]).search(ctx.text):
        return
    any_verb = _alternation(ctx.lex.triggers["takes_effect"]).pattern
    strict = _alternation(ctx.lex.triggers["takes_effect_without_qi"]).pattern
    date_ = DATE.pattern
    for prop, rule, pattern in (
            ("effectiveFrom", "effective-date", rf"(?:自|从)?{date_}起(?:正式)?(?:{any_verb})|(?:于)?{date_}(?:正式)?(?:{strict})"),
            ("effectiveUntil", "effective-until", rf"有效期(?:至|到){date_}")):
        for m in re.finditer(pattern, ctx.text):
            if ctx.hedged(m.start()):
                continue  # 《P（征求意见稿）》，拟自2026年1月1日起施行: not yet in effect
            policies = ctx.before(m.start(), POLICY)
            if policies and _derived(ctx, policies[-1]):
                continue  # 《P》实施细则…, 细则自…起施行: the 细则's day, not P's
            label = ctx.label(policies[-1]) if policies else ctx.topic.get(POLICY)
            if label is None:
                continue
            stated = _stated_date(*_date_parts(m))
            if stated is not None:
                ctx.attribute(label, prop, stated[0], rule, 0.85, stated[1])
            term = VALID_FOR.match(ctx.text, m.end())
            if stated is not None and prop == "effectiveFrom" and stated[1] == "day" and term:
                ctx.attribute(label, "effectiveUntil", _last_day(stated[0], numeral_value(term.group(1))),
                              "effective-term", 0.8, "day")
    _effective_range(ctx, any_verb)


def _effective_range(ctx: Context, verbs: str) -> None:
    """自2024年1月1日起至2026年12月31日止施行, 有效期为2024年1月1日至2026年12月31日: the first and the
    last day of the policy named before it (else the paragraph's).  A range with neither 有效期 before
    it nor a verb of taking effect after it (自5月1日至6月30日，申报…) is some other period."""
    date_ = DATE.pattern
    pattern = (rf"有效期(?:为|是|自|从)?(?:{date_})起?(?:至|到)(?:{date_})止?"
               rf"|(?:自|从)(?:{date_})起?(?:至|到)(?:{date_})止?(?:{verbs})")
    for m in re.finditer(pattern, ctx.text):
        if ctx.hedged(m.start()):
            continue
        policies = ctx.before(m.start(), POLICY)
        if policies and _derived(ctx, policies[-1]):
            continue
        label = ctx.label(policies[-1]) if policies else ctx.topic.get(POLICY)
        ends = [_stated_date(*_date_parts(d)) for d in DATE.finditer(ctx.text, m.start(), m.end())]
        if label is None or len(ends) != 2 or None in ends:
            continue
        for prop, (value, precision) in zip(("effectiveFrom", "effectiveUntil"), ends):
            ctx.attribute(label, prop, value, "effective-range", 0.85, precision)


# 京科发〔2026〕15号 (brackets as written, or as [2026] and (2026)), right after a policy's title
NUMBER = r"[\u4e00-\u9fff]{1,12}[〔\[［(（](?:19|20)\d\d[〕\]］)）]第?\d{1,5}号"
DOCUMENT_NUMBER = re.compile(rf"》?(?:[(（]({NUMBER})[)）,，]|，(?:文号为|文号是|文号：)({NUMBER}))")
# 原《B》（海政发〔2022〕5号）同时废止: what may stand between the repealed title and the verb
REPEALED_GAP = rf"^》?(?:[(（]{NUMBER}[)）])?(?:也|亦|将)?$"
REPEALED_JOIN = re.compile(rf"》?(?:[(（]{NUMBER}[)）])?(?:、|和|及|与|以及)?原?《?")


def alliance_seats(ctx: Context) -> None:
    """A当选为理事长单位，B、C当选为副理事长单位: A leads the alliance the sentence is about, and
    each is a member of it."""
    if "单位" not in ctx.text:
        return
    chairs = ctx.lex.triggers["chair_seats"]
    seats = _alternation(chairs + ctx.lex.triggers["member_seats"]).pattern
    succeeding = _alternation(ctx.lex.triggers["succeeding_verbs"]).pattern
    for m in re.finditer(rf"(?:{_alternation(ctx.lex.triggers['seat_verbs']).pattern})({seats})", ctx.text):
        holder = _nearest_before(ctx, m.start(), (ORG,), 2, r"^(?:分别|共同|均)?$")
        predecessor = re.search(rf"(?:{succeeding})$", ctx.text[:ctx.rel(holder)[0]]) if holder is not None else None
        if predecessor is not None:  # A接替B担任理事长单位: the seat is A's
            holder = _nearest_before(ctx, predecessor.start(), (ORG,), 2, r"^(?:已|正式)?$")
        alliance = _platform_before(ctx, m.start() if holder is None else ctx.rel(holder)[0])
        if holder is None or alliance is None:
            continue
        for who in _coordinated(ctx, holder, ("、", "和", "及")):
            ctx.relate(ctx.label(who), "memberOf", alliance, "alliance-seat", 0.8)
            if m.group(1) in chairs:
                ctx.relate(ctx.label(who), "leads", alliance, "alliance-chair", 0.8)


def replaced_policies(ctx: Context) -> None:
    """《A》自印发之日起施行，原《B》同时废止; 《A》取代原《B》: A replaces B (the policy named last
    before the repealed one in the sentence, else the one the paragraph is about)."""
    if "废止" not in ctx.text and not _alternation(ctx.lex.triggers["replace_verbs"]).search(ctx.text):
        return
    for trig in _triggers(ctx, "repealed"):
        old = _nearest_before(ctx, trig.start(), (POLICY,), 24, REPEALED_GAP)
        if old is None:
            continue
        olds = _repealed_together(ctx, old)
        repealed = {ctx.label(p) for p in olds}
        new = [ctx.label(p) for p in ctx.before(ctx.rel(olds[0])[0], POLICY) if ctx.label(p) not in repealed]
        for label in sorted(repealed):
            if new:
                ctx.relate(new[-1], "replaces", label, "repealed-old", 0.8)
            elif ctx.topic.get(POLICY) not in (None, *repealed):  # 本措施自…起施行。《B》同时废止。
                ctx.relate(ctx.topic[POLICY], "replaces", label, "repealed-old-topic", 0.7)
    for trig in _triggers(ctx, "replace_verbs"):
        new = _nearest_before(ctx, trig.start(), (POLICY,), 4, r"^》?(?:将|正式|全面)*$")
        old = next((p for p in ctx.after(trig.end(), POLICY)
                    if re.fullmatch(r"(?:了)?(?:原|原有的|此前的)?《?", ctx.text[trig.end():ctx.rel(p)[0]])), None)
        if new is not None and old is not None and ctx.label(new) != ctx.label(old):
            ctx.relate(ctx.label(new), "replaces", ctx.label(old), "replaces-verb", 0.8)


def _repealed_together(ctx: Context, last: Mention) -> list[Mention]:
    """《A》（…）和《B》（…）同时废止: every policy of the run that ends with `last`, in order."""
    run = [last]
    while True:
        joined = [p for p in ctx.before(ctx.rel(run[0])[0], POLICY)
                  if REPEALED_JOIN.fullmatch(ctx.text, ctx.rel(p)[1], ctx.rel(run[0])[0])]
        if not joined:
            return run
        run.insert(0, joined[-1])


def document_number(ctx: Context) -> None:
    """《P》（京科发〔2026〕15号）: P's document number (发文字号), as printed (the original's brackets)."""
    if "号" not in ctx.text:
        return
    for p in ctx.of_type(POLICY):
        _document_number_at(ctx, p, ctx.rel(p)[1])


def _document_number_at(ctx: Context, p: Mention, pos: int) -> None:
    m = DOCUMENT_NUMBER.match(ctx.text, pos)
    if m:
        group = 1 if m.group(1) else 2  # 《P》（京科发〔2026〕15号）, …印发，文号为京科发〔2026〕15号
        printed = ctx.doc.original_span(ctx.sentence.start + m.start(group), ctx.sentence.start + m.end(group))
        ctx.attribute(ctx.label(p), "documentNumber", ctx.doc.original[slice(*printed)], "document-number", 0.9)


YEAR_DATE = rf"(?:{YEAR_PART}年(?:{MONTH_PART}月(?:{DAY_PART}日)?)?|{NUMERIC_DATE})"


def founding_date(ctx: Context) -> None:
    """X成立于2021年3月, X于2015年正式成立, 2018年，X(在P)揭牌成立: when an organisation or platform
    was founded (to the year, month or day the text gives)."""
    if not _alternation(ctx.lex.triggers["founded"]).search(ctx.text):
        return
    verbs = _alternation(ctx.lex.triggers["founded"]).pattern
    after_name = (re.compile(rf"(?:正式)?(?:{verbs})于{YEAR_DATE}"),  # …成立于2021年
                  re.compile(rf"于{YEAR_DATE}(?:正式)?(?:{verbs})(?![\u4e00-\u9fffA-Za-z0-9])"))  # …于2015年成立, not 成立了X, 成立3周年
    opened = re.match(rf"{YEAR_DATE}[，,]", ctx.text)  # 2018年，X成立
    for m in ctx.of_type(ORG, PLATFORM):
        start, end = ctx.rel(m)[0], ctx.name_end(m)
        found = next((f for f in (p.match(ctx.text, end) for p in after_name) if f), None)
        if found is None and opened is not None and start == opened.end() \
                and re.match(rf"(?:在[^，。；的]{{1,20}}?)?(?:正式)?(?:{verbs})(?:[，。；]|$)", ctx.text[end:]):
            found = opened  # 2018年，X成立; 2015年，X在P成立 (not X在P的研发中心成立: the centre's)
        if found is None or re.match(r"[和、及与]", ctx.text[found.end():]):
            continue  # A与B成立于2019年和2021年: which date is whose, the text leaves to the reader
        stated = _stated_date(*_date_parts(found))
        if stated is not None:
            ctx.attribute(ctx.label(m), "foundingDate", stated[0], "founding-date", 0.85, stated[1])


def benefits(ctx: Context) -> None:
    for trig in _triggers(ctx, "benefits_before"):
        sources = [p for p in ctx.after(trig.end(), POLICY, PLATFORM)
                   if ctx.text[trig.end():ctx.rel(p)[0]] in ("", "《", "“")]
        if not sources:
            continue
        source = sources[0]
        beneficiaries = [o for o in ctx.after(ctx.rel(source)[1], ORG)]
        if beneficiaries and re.fullmatch(r"[》”]?(?:的(?:实施|出台|落地|支持|推动|带动))?[，,]?",
                                          ctx.text[ctx.rel(source)[1]:ctx.rel(beneficiaries[0])[0]]):
            ctx.relate(ctx.label(beneficiaries[0]), "benefitsFrom", ctx.label(source), "benefit-from", 0.9)
        else:
            before = ctx.before(trig.start(), ORG)
            if before and ctx.same_clause(ctx.rel(before[-1])[1], trig.start()):
                ctx.relate(ctx.label(before[-1]), "benefitsFrom", ctx.label(source), "benefit-from", 0.85)
    for trig in _triggers(ctx, "benefits_obtain"):
        sources = [p for p in ctx.after(trig.end(), POLICY)
                   if ctx.rel(p)[0] - trig.end() <= 1 or re.fullmatch(r"了[《“]", ctx.text[trig.end():ctx.rel(p)[0]])]
        if not sources:
            continue
        runs = [sources[0]]
        for p in ctx.after(ctx.rel(sources[0])[1], POLICY):
            if ctx.rel(p)[0] - ctx.rel(runs[-1])[1] <= 2 and ctx.text[ctx.rel(runs[-1])[1]:ctx.rel(p)[0]] in ("”“", "、", "》《", ""):
                runs.append(p)
        end = ctx.rel(runs[-1])[1]
        if NOT_THE_PROGRAMME.match(ctx.text, end):
            continue  # X教授入选P评审专家库: the jury's pool, not P
        described = [o for o in ctx.after(end, ORG) if re.fullmatch(r"[》”]?的", ctx.text[end:ctx.rel(o)[0]])]
        holder = [o for o in ctx.before(trig.start(), ORG)]
        if described:  # A为入选P的X颁发证书: X is selected, A hands the certificate
            holders = described[:1]
        elif not holder or not ctx.same_clause(ctx.rel(holder[-1])[1], trig.start()) and _others_act(ctx, trig.start()) \
                or ctx.text[:ctx.rel(holder[-1])[0]].endswith(("（", "(")) \
                or [p for p in ctx.of_type(EntityType.PERSON) if ctx.rel(holder[-1])[1] <= ctx.rel(p)[0] < trig.start()]:
            continue  # 李建国介绍，已有200家企业享受了《P》; A推荐X入选P; X（A研究员）入选P: not A
        else:
            # A、B等42家企业享受了《P》: every company of the list
            listed = _nearest_before(ctx, trig.start(), (ORG,), 16, r"^(?:等[^，。；、]{0,10})?(?:已|均|都|也|还|先后)*$")
            holders = _coordinated(ctx, listed) if listed is not None else holder[-1:]
        for p in runs:
            for who in holders:
                ctx.relate(ctx.label(who), "benefitsFrom", ctx.label(p), "obtain", 0.75)
    for m in re.finditer(r"在", ctx.text):
        src = [p for p in ctx.after(m.end(), POLICY) if ctx.rel(p)[0] == m.end()]
        if not src:
            continue
        tail = ctx.text[ctx.rel(src[0])[1]:]
        if re.match(r"(?:的)?(?:机遇|支持|推动|带动|引领)下[，,]", tail):
            after = ctx.after(ctx.rel(src[0])[1], ORG)
            if after and ctx.text[ctx.rel(src[0])[1]:ctx.rel(after[0])[0]].rstrip("，,").endswith("下"):
                ctx.relate(ctx.label(after[0]), "benefitsFrom", ctx.label(src[0]), "under-policy", 0.6)


def participates(ctx: Context) -> None:
    """A、B等N家企业牵头实施“P” / A落实了“P1”“P2”等政策: they benefit from P."""
    for name, confidence in (("participate", 0.6), ("benefits_apply", 0.6)):
        for trig in _triggers(ctx, name):
            targets = [p for p in _run_after(ctx, trig.end(), POLICY) if ctx.rel(p)[0] - trig.end() <= 1 or
                       ctx.text[trig.end():ctx.rel(p)[0]].strip("“”《》") == ""]
            if not targets:
                continue
            chain = [targets[0]]
            for p in ctx.after(ctx.rel(targets[0])[1], POLICY):
                if ctx.text[ctx.rel(chain[-1])[1]:ctx.rel(p)[0]] in ("”“", "、", "》《", "”、“", ""):
                    chain.append(p)
            holder = _nearest_before(ctx, trig.start(), (ORG,), 40,
                                     r"^(?:等[^，。；]{0,16}?)?(?:[^，。；]{0,20}中)?(?:将|已|还|也|均|都|正式|率先|积极|认真)*$")
            if holder is None:
                continue
            for org in _coordinated(ctx, holder):
                for p in chain:
                    ctx.relate(ctx.label(org), "benefitsFrom", ctx.label(p), name, confidence)


def sub_organisations(ctx: Context) -> None:
    """A隶属于B; B旗下的A, B下属A; A是B旗下的…公司: A is a unit of B."""
    for trig in _triggers(ctx, "sub_org_of"):  # 隶属于: the unit before, the parent after
        child = _nearest_before(ctx, trig.start(), (ORG,), 2)
        parents = [o for o in ctx.after(trig.end(), ORG) if ctx.rel(o)[0] == trig.end()]
        if child is not None and parents:
            ctx.relate(ctx.label(child), "subOrganizationOf", ctx.label(parents[0]), "sub-org-verb", 0.85)
    for trig in _triggers(ctx, "sub_org_under"):  # 旗下: the parent before, the unit after
        parent = _nearest_before(ctx, trig.start(), (ORG,), 0)
        if parent is None:
            continue
        start = ctx.rel(parent)[0]
        if ctx.text.startswith(FUND_UNIT, trig.end()) or _no_longer_unit(ctx, start, trig.end()):
            continue  # A是B旗下基金投资的企业: a fund's investment, not B's unit; …，2024年被整体出售给C
        if trig.group() == "所属" and ctx.text.startswith("的", trig.end()):
            # A所属的B: B is the group A belongs to
            groups = [o for o in ctx.after(trig.end(), ORG) if ctx.rel(o)[0] == trig.end() + 1]
            if groups:
                ctx.relate(ctx.label(parent), "subOrganizationOf", ctx.label(groups[0]), "sub-org-belongs", 0.8)
            continue
        if ctx.text[start - 1:start] == "是":  # A是B旗下的人工智能公司: what follows describes A
            subject = _nearest_before(ctx, start - 1, (ORG,), 0)
            if subject is not None:
                ctx.relate(ctx.label(subject), "subOrganizationOf", ctx.label(parent), "sub-org-under", 0.8)
            continue
        units = [o for o in ctx.after(trig.end(), ORG) if _unit_noun(ctx, ctx.text[trig.end():ctx.rel(o)[0]])]
        if units and not _sold(ctx, units[0]):
            ctx.relate(ctx.label(units[0]), "subOrganizationOf", ctx.label(parent), "sub-org-under", 0.85)
    holders = _alternation(ctx.lex.triggers["controlling_holders"]).pattern
    for m in re.finditer(rf"(的|其)(?:{holders})(?:为|是)", ctx.text):  # X的控股股东为B, …，其控股股东为B
        child = _nearest_before(ctx, m.start(), (ORG,), 0 if m.group(1) == "的" else 60, r"^[^。；]*$")
        parents = [o for o in ctx.after(m.end(), ORG) if ctx.rel(o)[0] == m.end()]
        if _no_longer_unit(ctx, m.start(), m.end()):
            continue  # 本次权益变动前，X的控股股东为B: no longer
        if child is not None and parents:
            ctx.relate(ctx.label(child), "subOrganizationOf", ctx.label(parents[0]), "controlling-holder", 0.8)
    set_up = _alternation(ctx.lex.triggers["sub_org_set_up"]).pattern
    units_ = _alternation(ctx.lex.triggers["sub_org_units"]).pattern
    through = _alternation(ctx.lex.triggers["sub_org_through"]).pattern
    # B在Z注册成立全资子公司A, B通过控股子公司A开展…; B设立全资子公司A，并通过控股子公司C…: B's too
    last: tuple[Mention, Mention] | None = None  # the unit and parent of the clause before
    for m in re.finditer(rf"(?:{set_up}|{through})了?(?:{units_})", ctx.text):
        parent = _nearest_before(ctx, m.start(), (ORG,), 30, r"^[^，。；、]*$")
        if parent is None and last is not None \
                and re.fullmatch(r"[)）]?，(?:并|同时|还|另)?", ctx.text[ctx.rel(last[0])[1]:m.start()]):
            parent = last[1]
        units = [o for o in ctx.after(m.end(), ORG) if ctx.rel(o)[0] == m.end()]
        if units and (ctx.hedged(m.start()) or _sold(ctx, units[0])
                      or ctx.text.startswith(PROVISIONAL_NAMES, ctx.name_end(units[0]))):
            continue  # B拟设立全资子公司A（暂定名）; B曾通过控股子公司A…; A已被出售
        if parent is not None and re.search(r"(?:与|和|及|、)$", ctx.text[:ctx.rel(parent)[0]]):
            continue  # A与B合资成立子公司C: a joint venture, of either or neither
        if parent is not None and units:
            ctx.relate(ctx.label(units[0]), "subOrganizationOf", ctx.label(parent), "sub-org-set-up", 0.8)
            last = units[0], parent
    become = _alternation(ctx.lex.triggers["sub_org_become"]).pattern
    for parent in ctx.of_type(ORG):  # A将成为B的控股子公司
        start, end = ctx.rel(parent)
        before = re.search(rf"(?:{become})$", ctx.text[:start])
        if before is None or not re.match(rf"的(?:{units_})", ctx.text[end:]):
            continue
        child = _nearest_before(ctx, before.start(), (ORG,), 4, r"^(?:将|已|将会|正式|随即)*$")
        if child is None or _no_longer_unit(ctx, before.start(), end):
            continue  # X拟收购Y股权，交易完成后，Y将成为X的控股子公司: not yet
        ctx.relate(ctx.label(child), "subOrganizationOf", ctx.label(parent), "sub-org-become", 0.8)


# 本次权益变动前，X的控股股东为B, 2020年以前，X是B的全资子公司: a state before a change; 星衡（杭州）科技有限公司（暂定名）:
# not yet registered; 拟收购…, 尚待…审查, 本次交易完成后: a deal still pending (unless the sentence says it was done)
CHANGE_BEFORE = re.compile(r"(?:变动|变更|转让|重组|交易|划转|收购|并购)(?:完成)?前|以前|之前|此前")
PENDING = re.compile(r"拟(?:收购|出售|转让|并购|购买|受让)|尚待|尚需|待批|等待[^，。；]{0,12}(?:审批|审查|批准)"
                     r"|(?:交易|收购|重组|转让|交割|生效|通过|获批)(?:完成)?后")
DONE = re.compile(r"已完成|宣布完成|完成了|已于[^，。；]{0,12}完成")
SOLD_LATER = re.compile(r"被[^，。；]{0,12}?(?:收购|出售)|出售给|转让给|将[^，。；]{0,24}?(?:转让|出售)")


def _no_longer_unit(ctx: Context, start: int, end: int) -> bool:
    """Whether the unit-of relation stated between `start` and `end` held before a change, is pending, or was
    undone later in the sentence (…，此后被C整体收购; …，B已将所持股权转让给C)."""
    before = ctx.text[:start]
    return (CHANGE_BEFORE.search(before) is not None or ctx.hedged(start)
            or PENDING.search(ctx.text) is not None and DONE.search(ctx.text) is None
            or SOLD_LATER.search(ctx.text, end) is not None)
FUND_UNIT = ("基金", "的基金", "下属基金", "管理的基金")
PROVISIONAL_NAMES = ("(暂定名)", "（暂定名）", "(筹)", "（筹）")
SOLD = re.compile(r"[^，。；]{0,16}?(?:出售|转让|剥离|处置|注销)")


def _sold(ctx: Context, unit: Mention) -> bool:
    """B旗下的A已于2024年被出售: A was B's."""
    return SOLD.match(ctx.text, ctx.name_end(unit)) is not None


def _unit_noun(ctx: Context, gap: str) -> bool:
    """Nothing, 的, or what the unit is (的全资子公司) between 旗下 and the unit's name."""
    gap = gap.removeprefix("的")
    return gap == "" or gap in ctx.lex.triggers["sub_org_nouns"]


FIRST_PERSON = re.compile(r"(?:我们|我院|我校|我司|我们公司|我们学校)(?:将|已|还|也|正|会)*$")


FUND_INVESTOR = re.compile(r"有限合伙人|出资人|\bLP\b|基金份额|向该基金出资|认购该基金")
NOT_THE_PROGRAMME = re.compile(r"[》”]?(?:的)?(?:评审)?(?:专家库|专家委员会|评审专家|专家组|评委会|评委)")
# A旗下B基金, 纳斯达克上市公司Y: the first name describes the party that follows it
DESCRIBES_ANOTHER = ("旗下", "下属", "控股的", "上市公司")
NO_COOPERATION = re.compile(r"(?:并无|从未|未曾|从来没有|没有任何)(?:过)?(?:任何)?合作")
SIDE_BY_SIDE = ("亮相", "入选", "出席", "登台", "参展", "上榜", "获奖", "获评", "领奖", "参加", "参会")
MANY_PARTIES = re.compile(r"了?(?:三方|四方|多方)")
# between the first party and 与: a bracket (A（Qualcomm）与C…), adverbs, a date (A近日与C…, A于3月5日与C…)
PARTNER_GAP = (r"^(?:[(（][^()（）]{1,30})?[)）]?(?:将|还|也|已|曾|分别|正式|近日|日前|近期|今天|今日|昨天|昨日|此前|目前|当天|同日"
               r"|于[^，。；]{1,12}?)*$")
# what an agreement between a company and an investor is: a letter of intent (group 1) or a deal
INVESTMENT_DEAL = re.compile(r"[^，。；]{0,16}?(?:(投资意向书|意向书|意向协议|投资意向协议)|投资协议|增资协议|融资协议)")


def _is_fund(ctx: Context, m: Mention) -> bool:
    if m.subtype == "Fund":
        return True
    suffix = suffix_of(ctx.label(m), ctx.lex)
    return suffix is not None and suffix.subtype == "Fund"


def _signed_in_pairs(ctx: Context, chain: list[Mention]) -> bool:
    """A与B、C与D(、E与F): partners pair by pair, when that is how the names are joined; whether they were."""
    joins = [ctx.text[ctx.name_end(a):ctx.rel(b)[0]] for a, b in zip(chain, chain[1:])]
    if len(chain) < 4 or len(chain) % 2 or any(j not in ("与", "同", "和") for j in joins[0::2]) \
            or any(j not in ("、", "，") for j in joins[1::2]):
        return False
    for a, b in zip(chain[0::2], chain[1::2]):
        ctx.relate(ctx.label(a), "partnerOf", ctx.label(b), "partner-pairs", 0.8)
    return True


def _invested_by_fund(ctx: Context, parties: list[Mention]) -> bool:
    """A与B基金签署投资协议: the fund funds the other parties (and is no partner of theirs); unless they put
    money into the fund (A作为有限合伙人向该基金出资, 认购该基金份额): then it is funded, by them."""
    funds = [p for p in parties if _is_fund(ctx, p)]
    others = [p for p in parties if p not in funds]
    if funds and others and FUND_INVESTOR.search(ctx.text):
        return True
    for company in others:
        for fund in funds:
            ctx.relate(ctx.label(company), "fundedBy", ctx.label(fund), "investment-deal", 0.8)
    return bool(funds and others)


def partners(ctx: Context) -> None:
    """A与B签署/合作…: partners; A与B共建P: both also build P (P's operators, or an institute's founders)."""
    triggers = _alternation(ctx.lex.triggers["partner"]).pattern
    co_build = _alternation(ctx.lex.triggers["co_build"]).pattern
    for m in re.finditer(rf"(?:将|还|也|已)?(?:与|同)([^，。；！？]{{2,60}}?)(?:共同)?({triggers})", ctx.names_masked):
        if ctx.hedged(m.start(2)) or NO_COOPERATION.search(ctx.names_masked):
            continue  # A与B拟开展合作, A与B不存在合作关系, A与B的合作已中止, …，两家公司此前并无合作
        if m.group(2) == "携手" and ctx.text.startswith(SIDE_BY_SIDE, m.end()):
            continue  # A与B携手亮相/入选…: together on a stage or a list, not in a venture
        # A和B分别与C…; A（Qualcomm）与C…
        subj = _nearest_before(ctx, m.start(), (ORG,), 36, PARTNER_GAP)
        partners_ = [o for o in ctx.after(m.start(1), ORG) if ctx.rel(o)[1] <= m.end(1)
                     and not ctx.text.startswith(DESCRIBES_ANOTHER, ctx.name_end(o))]
        subjects = _coordinated(ctx, subj, ("、", "和", "及")) if subj is not None else []
        if re.match(rf"[^，。；]{{0,20}}?(?:{_alternation(ctx.lex.triggers['not_partnership_documents']).pattern})",
                    ctx.text[m.end():]):
            continue  # A与B签订《房屋租赁合同》, A与B签署和解协议: no partnership
        deal = INVESTMENT_DEAL.match(ctx.text, m.end())
        if deal is not None and (deal.group(1) is not None or _invested_by_fund(ctx, subjects + partners_)):
            continue  # A与B签署投资意向书: nothing agreed yet; A与B基金签署投资协议: B funds A
        if subj is not None and _signed_in_pairs(ctx, [subj, *partners_]):
            continue  # 现场，A与B、C与D分别签署…: A with B, C with D
        builds = m.group(2) in ctx.lex.triggers["co_build"]
        if subjects and builds and re.search(r"^[^，。；]*，由$", ctx.text[:ctx.rel(subj)[0]]):
            # P成立于2018年，由A与B、C等单位共同建设: they build P, the sentence's subject
            _co_built(ctx, 0, subjects + partners_, "co-build-passive")
        elif subjects and len(subjects) > 1 and "分别" in ctx.text[ctx.rel(subj)[1]:m.start()]:
            # A、B分别与C、D签署…: A with C, B with D; A、B分别与C签署…: each with C
            for who, other in _respectively(subjects, partners_):
                ctx.relate(ctx.label(who), "partnerOf", ctx.label(other), "partner-respectively", 0.8)
        elif subjects:
            for who in subjects:
                for other in partners_:
                    ctx.relate(ctx.label(who), "partnerOf", ctx.label(other), "partner-with", 0.85)
            if MANY_PARTIES.match(ctx.text, m.end()):  # A与B、C签署三方协议: B and C are partners too
                for i, one in enumerate(partners_):
                    for other in partners_[i + 1:]:
                        ctx.relate(ctx.label(one), "partnerOf", ctx.label(other), "partner-parties", 0.8)
            builders = subjects + partners_
            if builds:
                _co_built(ctx, m.end() + ctx.text.startswith("的", m.end()), builders)  # A与B共建(的)P
            # A与B签署合作协议，(将)共建P: the agreement's next clause builds P
            elif (then := re.match(rf"[^，。；]{{0,12}}，(?:将|双方将|双方)?(?:{co_build})", ctx.text[m.end():])):
                _co_built(ctx, m.end() + then.end(), builders)
        elif FIRST_PERSON.search(ctx.text[:m.start()]):
            # “我们将与X共建…”, said by someone of organisation Y: Y partners with X
            for who in ctx.speakers:
                for other in partners_:
                    ctx.relate(who, "partnerOf", ctx.label(other), "speaker-partner", 0.7)
    issuing = _alternation(ctx.lex.triggers["issued"] + ctx.lex.triggers["drafting"]).pattern
    for trig in _triggers(ctx, "together"):
        others = _run_after(ctx, trig.end(), ORG)
        if others and re.match(rf"(?:等[^，。；]{{0,6}})?(?:联合|共同|研究)?(?:{issuing})", ctx.text[ctx.name_end(others[-1]):]):
            continue  # A会同B印发《P》, A会同B起草答复: both issue the document (issuedBy), no partnership
        subj = _nearest_before(ctx, trig.start(), (ORG,), 4, r"^(?:将|还|也|已)*$")
        clause_start = ctx.clause_start(trig.start())
        if subj is not None:
            subjects, confidence = [ctx.label(o) for o in _coordinated(ctx, subj)], 0.8
        elif not [o for o in ctx.before(trig.start(), ORG) if ctx.rel(o)[0] >= clause_start]:
            subjects, confidence = list(ctx.subjects), 0.5
        else:
            continue
        for who in subjects:
            for other in others:
                ctx.relate(who, "partnerOf", ctx.label(other), "together-with", confidence)


def _respectively(lefts: list[Mention], rights: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A、B分别…C、D: A with C and B with D when the lists pair up; A、B分别…C: each with C; else no pair
    is sure."""
    if len(rights) == 1:
        return [(left, rights[0]) for left in lefts]
    return list(zip(lefts, rights)) if len(lefts) == len(rights) else []


OWN_UNIT = re.compile(r"(?:其|该公司)?(?:全资|控股)?(?:子公司)?")
# what may stand between 成立/设立 and the organisation it sets up (成立了合资公司C)
SET_UP_OBJECT = re.compile(r"了?(?:一家|一个)?(?:合资公司|全资子公司|控股子公司|子公司|分公司|新公司|公司|企业)?")
# an operator named as such later in the sentence, who runs what others built
ENTRUSTED = re.compile(r"(?:日常)?运营(?:管理)?(?:工作)?(?:则|现|已|将)?(?:委托给|委托|交由|交给)")
OPERATOR_NAMED = re.compile(rf"由[^，。；]{{2,40}}?(?:负责|承担)?(?:日常)?(?:运营|运行)|运营(?:主体|单位|方)(?:为|是)|{ENTRUSTED.pattern}")


def _co_built(ctx: Context, pos: int, builders: list[Mention], rule: str = "co-build") -> None:
    """The platform or institute named right at `pos` (after 共建, or opening the sentence): built
    by each of `builders`, who run a platform and found an institute."""
    if ctx.text[pos:pos + 1] in OPENING_QUOTES:
        pos += 1  # 双方将共建“P”
    built = [m for m in ctx.of_type(PLATFORM, ORG) if ctx.rel(m)[0] == pos]
    if not built:
        return
    target = ctx.label(built[0])
    predicate = "operatedBy" if ctx.types[target] is PLATFORM else "foundedBy"
    if predicate == "operatedBy" and OPERATOR_NAMED.search(ctx.names_masked, pos):
        return  # A与B共建的P，由C负责运营: C runs it
    for who in builders:
        ctx.relate(target, predicate, ctx.label(who), rule, 0.75)


INVESTOR_GAP = r"^(?:等[^，。；、\d]{0,6})?(?:已|已经|曾)?(?:联合|共同|也|还|再次|继续|持续)?$"
FUNDED_ROUND = r"(?:宣布|已|近日|日前|正式|顺利|成功)*(?:完成|获得|获)了?[^，。；]{0,16}?"


def funded_by(ctx: Context) -> None:
    """X完成C轮融资，本轮融资由A领投，B、C跟投 / A投资了X / X获得A的战略投资: X is funded by A, B, C."""
    rounds = "|".join(map(re.escape, ctx.lex.triggers["funding_round"]))
    for trig in _triggers(ctx, "invest"):
        start = trig.start()
        owned = re.search(r"的(?:战略|天使|股权|风险|联合|首轮)?$", ctx.text[:start])
        if owned:  # X获得A的战略投资: the investors end before 的
            start = owned.start()
        investor = _nearest_before(ctx, start, (ORG,), 10, INVESTOR_GAP)
        if investor is None:
            continue
        investors = _coordinated(ctx, investor, ("、", "和", "及", "与"))
        funded, rule, confidence = None, "invest", 0.8
        after = [m for m in ctx.after(trig.end(), ORG) if ctx.text[trig.end():ctx.rel(m)[0]] in ("", "了")]
        in_round = [m for m in ctx.before(ctx.rel(investors[0])[0], ORG)
                    if re.match(FUNDED_ROUND + f"(?:{rounds})", ctx.text[ctx.rel(m)[1]:])]
        getter = re.search(r"(?:获得|获)了?$", ctx.text[:ctx.rel(investors[0])[0]])
        led_round = re.match(rf"的[^，。；]{{0,12}}?(?:{rounds})", ctx.text[trig.end():])
        if owned or getter and led_round:  # X获得A的战略投资, X已获得A领投的5000万元A轮融资
            getter_org = _nearest_before(ctx, getter.start(), (ORG,), 12) if getter else None
            funded = ctx.label(getter_org) if getter_org else None
        elif after:  # A投资了X, A领投X; A投资了B的竞争对手C, A领投了B分拆出的C: C
            head = next((m for m in ctx.after(ctx.rel(after[0])[1], ORG)
                         if re.fullmatch(r"[^，。；、]{0,8}的[^，。；、]{0,8}", ctx.text[ctx.rel(after[0])[1]:ctx.rel(m)[0]])), None)
            funded = ctx.label(head or after[0])
        elif in_round:  # X完成C轮融资，由A领投
            funded = ctx.label(in_round[-1])
        elif re.search(rf"(?:本|此|该)轮(?:{rounds})", ctx.text):  # X完成B轮融资。(Y是其客户。)本轮融资由A领投
            funded, rule, confidence = (ctx.raised or (ctx.subjects[-1:] or [ctx.topic.get(ORG)])[0],
                                        "invest-round", 0.75)
        if funded is not None:
            for who in investors:
                ctx.relate(funded, "fundedBy", ctx.label(who), rule, confidence)
    support = _alternation(ctx.lex.triggers["funding_support"]).pattern
    for m in re.finditer(rf"(?:获得|获)了?([^，。；]{{2,40}}?)的?(?:{support})", ctx.text):  # X获得A资金支持
        funders = [o for o in ctx.after(m.start(1), ORG) if ctx.rel(o)[1] <= m.end(1)]
        getter = _nearest_before(ctx, m.start(), (ORG,), 8, r"^(?:已|日前|近日|先后|还|也|均|共)*$")
        if getter is not None and funders and ctx.rel(funders[0])[0] == m.start(1):
            for who in _coordinated(ctx, funders[-1], ("、", "和", "及", "与")):
                ctx.relate(ctx.label(getter), "fundedBy", ctx.label(who), "funding-support", 0.75)


# what may open a clause before its 由A运营 (现已交由A统一运营, 今后改由A运营)
HANDED_TO = re.compile(r"(?:现|目前|今后)?(?:已经|已|将)?[交改转]?$")
# 由A负责规划建设和运营管理: the duties named before the operating verb
OPERATOR_GAP = r"^(?:等[^，。；、的\d]{0,6})?(?:共同|联合|负责|具体|主要|统一|日常)*(?:规划|投资|开发|建设|招商)*[和、]?$"


def operated_by(ctx: Context) -> None:
    """依托A建设的P, P依托A和B建设, P由A负责运营，依托B建设, A承建的P, P的运营主体为A: A is the
    host, operator or builder of P.  A clause without P of its own (，依托B建设; ，运营主体为B)
    continues the sentence's P, or the P that ends the clause before it (…设立X基金，由A负责管理)."""
    hosted = _alternation(ctx.lex.triggers["hosted_by"]).pattern
    operated = _alternation(ctx.lex.triggers["operated_by"]).pattern
    described = None  # P of an earlier clause of the sentence (P由A承建，依托B建设)
    for m in re.finditer(rf"依托([^，。；]{{2,60}}?)(?:{hosted})|由([^，。；]{{2,60}}?)(?:{operated})", ctx.names_masked):
        if ctx.hedged(m.start()):
            continue  # 原由A运营的P (A runs P no more), P拟由A运营
        group = 1 if m.group(1) else 2
        opens = OWN_UNIT.match(ctx.text, m.start(group)).end()  # 由其全资子公司A负责运营: A
        first = [x for x in ctx.of_type(ORG) if ctx.rel(x)[0] == opens]
        last = _nearest_before(ctx, m.end(group), (ORG,), 10, OPERATOR_GAP) if first else None
        if last is None:
            continue
        operators = [x for x in _coordinated(ctx, last, ("、", "和", "与", "及")) if ctx.rel(x)[0] >= opens]
        if not operators or operators[0] is not first[0]:
            continue
        at = HANDED_TO.search(ctx.text, 0, m.start()).start()  # …，现已交由A统一运营: from 现 on
        target = (_described_after(ctx, m.end(), PLATFORM) or _described_after(ctx, m.end(), ORG)
                  or _operated_before(ctx, at))
        if target is None and ctx.text[:at].endswith("，"):
            # P…，由A运营: P ends the clause before, or opens it (P位于X，由A负责运营)
            opening = max(ctx.text.rfind(p, 0, at - 1) for p in "，；") + 1
            before = _operated_before(ctx, at - 1, r"^$")
            if before is not None and ctx.text[:ctx.rel(before)[0]].endswith(ctx.lex.triggers["located_after"]):
                before = None  # 办公楼位于P，由A统一管理: A manages the building, not P
            target = described or before \
                or next((x for x in ctx.of_type(PLATFORM) if ctx.rel(x)[0] == opening), None)
        if target is None:
            continue
        described = target
        if m.group().endswith(("建设", "承建")) and OPERATOR_NAMED.search(ctx.names_masked, m.end()):
            continue  # P由A开发建设，现由B负责日常运营: B runs it
        rule = "hosted-by" if group == 1 else "operated-by"
        for who in operators:
            ctx.relate(ctx.label(target), "operatedBy", ctx.label(who), rule, 0.8)
    for m in ENTRUSTED.finditer(ctx.names_masked):  # P由A开发建设，日常运营则委托给B: B runs P
        who = next((x for x in ctx.of_type(ORG) if ctx.rel(x)[0] == m.end()), None)
        target = described or next(iter(ctx.before(m.start(), PLATFORM)), None)
        if who is not None and target is not None and not ctx.hedged(m.start()):
            ctx.relate(ctx.label(target), "operatedBy", ctx.label(who), "operation-entrusted", 0.75)
    for trig in _triggers(ctx, "operated_by_active"):  # A承建的P
        who = _nearest_before(ctx, trig.start(), (ORG,), 2, r"^(?:负责|具体)?$")
        operated = _described_after(ctx, trig.end(), PLATFORM) or _described_after(ctx, trig.end(), ORG)
        if who is not None and operated is not None:
            ctx.relate(ctx.label(operated), "operatedBy", ctx.label(who), "operator-before", 0.75)
    for trig in _triggers(ctx, "operator_duties"):  # A负责P的日常运营, A承担联合体日常运营
        who = _nearest_before(ctx, trig.start(), (ORG,), 4, r"^(?:将|还|也|已|主要|具体)*$")
        named = next((p for p in ctx.after(trig.end(), PLATFORM) if ctx.rel(p)[0] == trig.end()), None)
        if named is not None:
            target, end = ctx.label(named), ctx.rel(named)[1]
        else:  # a bare noun for the platform the paragraph is about
            noun = _alternation(ctx.lex.triggers["anaphor_nouns"]).match(ctx.text, trig.end())
            topic = ctx.topic.get(PLATFORM)
            target, end = (topic, noun.end()) if noun and topic and topic.endswith(noun.group()) else (None, 0)
        if who is not None and target is not None and re.match(
                rf"的?(?:日常)?(?:{_alternation(ctx.lex.triggers['operation_nouns']).pattern})", ctx.text[end:]):
            ctx.relate(target, "operatedBy", ctx.label(who), "operator-duty", 0.75)
    for trig in _triggers(ctx, "operator_nouns"):
        operators = _run_after(ctx, trig.end(), ORG)
        changed = CHANGED_TO.match(ctx.names_masked, trig.end())
        if changed is not None:  # P的运营主体(已由A)变更为C: C, and no operator stated before
            operators = [x for x in operators if ctx.rel(x)[0] >= changed.end()]
        gap = ctx.text[trig.end():ctx.rel(operators[0])[0]] if operators else None
        if changed is not None and operators and ctx.rel(operators[0])[0] == changed.end():
            gap = "为"
        if gap not in ("是", "为", "系", ""):
            continue
        if gap == "":  # 园区运营方A公司: the operator named in apposition, alone
            operators = operators[:1]
        operated = _operator_noun_owner(ctx, trig.start())
        if operated is not None:
            if changed is not None:  # …由A负责运营。2024年起，该平台的运营单位变更为C: A no more
                now = {ctx.label(who) for who in operators}
                ctx.found.relations[:] = [r for r in ctx.found.relations if not (
                    r.subject == operated and r.predicate == "operatedBy" and r.object not in now)]
            for who in operators:
                ctx.relate(operated, "operatedBy", ctx.label(who), "operator-noun", 0.8)


CHANGED_TO = re.compile(r"(?:已|已经|正式)?(?:由[^，。；]{2,40}?)?(?:变更为|调整为|更换为|改为)")


def _operator_noun_owner(ctx: Context, pos: int) -> str | None:
    """Whose 运营主体 a noun at `pos` names: P的运营主体; 园区运营方 (the park the sentence or paragraph
    is about); 该中心…，运营主体为A (the sentence's P)."""
    named = _operated_before(ctx, pos, r"的?$")
    if named is not None:
        return ctx.label(named)
    if re.search(r"(?:园区|该园|本园|基地)$", ctx.text[:pos]):
        return _platform_before(ctx, pos)
    if ctx.text[:pos].endswith("，"):
        return next((ctx.label(m) for m in ctx.of_type(PLATFORM) if ctx.rel(m)[0] == 0), None)
    return None


def _operated_before(ctx: Context, pos: int, gap: str = r"^(?:是|系|目前|现)?$") -> Mention | None:
    """The platform or organisation right before `pos` (past a copula such as 是)."""
    return _nearest_before(ctx, pos, (PLATFORM, ORG), 2, gap)


ORGANISER_GAP = r"^(?:等[^，。；、的\d]{0,6})?(?:共同|联合)?$"


def organised_by(ctx: Context) -> None:
    """P由A、B和C共同主办，D承办; A主办的P; P的主办单位为A: the organisers of a forum or other
    event series."""
    described = None  # P由A主办，B承办: the event of the sentence's earlier clause
    for trig in _triggers(ctx, "organise"):
        last = _nearest_before(ctx, trig.start(), (ORG,), 8, ORGANISER_GAP)
        if last is None:
            continue
        organisers = _coordinated(ctx, last, ("、", "和", "与", "及"))
        head = ctx.rel(organisers[0])[0]
        event = _described_after(ctx, trig.end(), PLATFORM)  # A主办的P
        if event is None and ctx.text[:head].endswith("由"):
            event = _nearest_before(ctx, head - 1, (PLATFORM,), 2, r"^(?:将|已|是|系)?$")
        event_label = ctx.label(event) if event is not None else None
        if event_label is None and ctx.text[:head].endswith("，"):
            event_label = described
        if event_label is None:
            continue
        described = event_label
        for who in organisers:
            ctx.relate(event_label, "organisedBy", ctx.label(who), "organiser", 0.8)
    for trig in _triggers(ctx, "organiser_nouns"):  # P的主办单位为A、B; 论坛主办方A
        organisers = _run_after(ctx, trig.end(), ORG)
        gap = ctx.text[trig.end():ctx.rel(organisers[0])[0]] if organisers else None
        if gap not in ("是", "为", "系", "：", ""):
            continue
        event = _nearest_before(ctx, trig.start(), (PLATFORM,), 1, r"^的?$")
        if event is not None:
            for who in organisers if gap else organisers[:1]:
                ctx.relate(ctx.label(event), "organisedBy", ctx.label(who), "organiser-noun", 0.8)


def listed_on(ctx: Context) -> None:
    """X在上海证券交易所科创板上市, X日前在…上市, X于2020年登陆深圳证券交易所, X是…企业，2020年在…上市: the
    exchange that lists X's shares (X named before it, else the company the sentence opens with)."""
    if "登陆" not in ctx.text and not _alternation(ctx.lex.triggers["listed"]).search(ctx.text):
        return
    boards = _alternation(ctx.lex.triggers["listing_boards"]).pattern
    listed = _alternation(ctx.lex.triggers["listed"]).pattern
    when = _alternation(ctx.lex.triggers["when_adverbs"]).pattern
    for exchange in ctx.of_type(ORG):
        start, end = ctx.rel(exchange)
        verb = re.search(r"(?:在|于|登陆)$", ctx.text[:start])
        if exchange.subtype != "StockExchange" or verb is None or verb.group() != "登陆" \
                and not re.match(rf"(?:{boards})?(?:挂牌)?(?:{listed})", ctx.text[end:]):
            continue
        if ctx.hedged(verb.start()):
            continue  # X拟于明年在…上市, X有望登陆…
        rest = ctx.text[end:]
        if _alternation(ctx.lex.triggers["delisted"]).search(rest) \
                or re.match(rf"(?:{boards})?(?:挂牌)?(?:{listed})(?:{_alternation(ctx.lex.triggers['listed_shares']).pattern})", rest):
            continue  # …上市，2024年被终止上市; X所持限售股…在…上市流通
        if re.match(rf"(?:{boards})?(?:挂牌)?(?:{listed})(?:的|公司)", ctx.text[end:]):
            continue  # 对在X上市的企业给予奖励, 在纳斯达克上市公司Y的协助下: the companies so described are others
        company = (_nearest_before(ctx, verb.start(), (ORG,), 16, rf"^(?:{when}|已|将|正式|成功|于)*(?:{WHEN_DATE})?$")
                   or (None if _others_act(ctx, verb.start()) else _sentence_subject(ctx)))
        if company is not None and BACKER_OF.match(ctx.names_masked, ctx.name_end(company), verb.start()):
            continue  # A投资的X于2024年在港交所上市: X's listing
        if company is not None and company.subtype not in ("StockExchange", "GovernmentBody"):
            ctx.relate(ctx.label(company), "listedOn", ctx.label(exchange), "listed-on", 0.85)


PATTERNS = (leads, founded_by, founders_before, members, member_count, located, nested_places, part_of, predecessor,
            issued, benefits, participates, partners, sub_organisations, funded_by, operated_by,
            organised_by, effective_date, founding_date, listed_on, replaced_policies, document_number, alliance_seats)


# --------------------------------------------------------------- the stage

def _anaphor_pattern(lex: Lexicon) -> re.Pattern:
    """该创新联合体, 本届论坛, or a bare noun opening a clause before one of the anaphor_followers."""
    memo = lex.memo("anaphor_pattern")
    if not memo:
        nouns = f"({_alternation(lex.triggers['anaphor_nouns']).pattern})"
        followers = _alternation(lex.triggers["anaphor_followers"]).pattern
        memo["pattern"] = re.compile(
            f"(?:{_alternation(lex.triggers['anaphor_determiners']).pattern}){nouns}"
            rf"|(?:^|(?<=[，。；]))(?:\d{{4}}年[，,]?|今年|去年|目前|近日)?{nouns}(?=[^\u4e00-\u9fff]|{followers})")
    return memo["pattern"]


def _unnamed_one_before(text: str, sentence_start: int, pos: int, noun: str) -> bool:
    """Whether this or the sentence before introduces one more of `noun`'s kind without a name (另一家联合体,
    一只美元基金): what 该+noun then points to."""
    previous = max(text.rfind(end, 0, max(0, sentence_start - 1)) for end in "。！？\n") + 1
    return re.search(rf"(?:另一|又一|一)(?:家|个|只|所|支)[^，。；“”《》\n]{{0,12}}?{re.escape(noun)}",
                     text[previous:pos]) is not None


# anaphors that stand for what a passage is about, as a subject does, rather than for any name before them
SUBJECT_NOUNS = frozenset({"公司", "企业"})


def _anaphors(doc: SourceDocument, sentence: Sentence, entity_of: dict[int, str], mentions: list[Mention],
              entities: dict[str, Entity], history: list[tuple[str, EntityType]], secondary: set[str],
              lex: Lexicon, own_company: bool = False, openers: frozenset[str] = frozenset()) -> list[Mention]:
    """该创新联合体 -> the latest entity whose name ends with the same noun, counting those named
    earlier in the same sentence (星辰智算成立于2021年，…，公司首席执行官X: 星辰智算's).  A bare noun
    (公司董事长X, as a company's own report says it) passes over the `secondary` names, and a bare 公司
    points nowhere in a text that calls its own company so (`own_company`).  该公司 and 公司 prefer a company
    that opened a sentence of the paragraph (`openers`) to one named inside it: X的主要客户是A和B。该公司… is X."""
    found = []
    for m in _anaphor_pattern(lex).finditer(sentence.text):
        group = 1 if m.group(1) else 2
        noun = m.group(group)
        if group == 2 and own_company and noun == "公司":
            continue
        rel_start = m.start() if group == 1 else m.start(2)
        start, end = sentence.start + rel_start, sentence.start + m.end(group)
        if any(x.start < end and start < x.end for x in mentions):
            continue
        earlier = [(entity_of[id(x)], entities[entity_of[id(x)]].type) for x in mentions
                   if x.end <= start and id(x) in entity_of]
        recent = list(reversed(history + earlier))
        if group == 2:
            recent = [named for named in recent if named[0] not in secondary] or recent
        if group == 1 and _unnamed_one_before(doc.text, sentence.start, start, noun):
            continue  # 小米牵头的另一家联合体则专注智能制造。该联合体…: the one without a name
        if noun in SUBJECT_NOUNS and openers:
            recent = [named for named in recent if named[0] in openers] + [named for named in recent
                                                                            if named[0] not in openers]
        # the latest name ending with the noun, else holding it (集团 -> X集团有限公司), else any of its kind
        same_noun = [(label, etype) for label, etype in recent if label.endswith(noun)] \
            or [(label, etype) for label, etype in recent if noun in label and len(noun) > 1]
        for label, etype in same_noun[:1] or recent:
            entity = entities[label]
            if label.endswith(noun) or entity.subtype is not None and lex.anaphor_kinds.get(noun) == entity.subtype:
                mention = Mention(sentence.text[rel_start:m.end(group)], start, end, etype, None, sentence.index,
                                  "anaphor")
                entity_of[id(mention)] = label
                found.append(mention)
                break
    return found


def _secondary_names(doc: SourceDocument, mentions: list[Mention], labels: dict[int, str], lex: Lexicon) -> set[str]:
    """Names introduced as another's unit, former self or acquisition (控股子公司A, 前身为成立于2018年的A,
    收购A, 完成对A的全资收购): not what a bare 公司 means."""
    units = tuple(lex.triggers["sub_org_units"])
    return {labels[id(m)] for m in mentions if id(m) in labels
            and (doc.text[max(0, m.start - 6):m.start].endswith(units)
                 or SECONDARY_BEFORE.search(doc.text, max(0, m.start - 20), m.start)
                 or SECONDARY_AFTER.match(doc.text, m.end))}


SECONDARY_BEFORE = re.compile(r"(?:前身[为是系](?:[^，。；]{0,12}的)?|收购|并购|兼并)$")
SECONDARY_AFTER = re.compile(r"的(?:全资|控股)?(?:收购|并购)|\d+(?:\.\d+)?%(?:的)?股权")


# what may stand right before a bare 公司 that is the text's own company (B持有公司32%股份, 公司向A提供…)
OWN_COMPANY_BEFORE = ("持有", "控制", "向", "与", "对", "和", "及", "给", "由", "从", "把", "被", "让")


def _company_speaks_of_itself(doc: SourceDocument, sentences: list[Sentence], mentions: list[Mention],
                              labels: dict[int, str], types: dict[str, EntityType]) -> bool:
    """Whether the text calls its own company 公司, as an issuer's report does: a bare 公司 before any
    organisation is named, or in the very clause that names the latest one (B持有公司32%股份); then no bare
    公司 of the text is the organisation named last (公司董事长X is not B's)."""
    spans = [(m.start, m.end) for m in mentions]
    org_ends = sorted(m.end for m in mentions if id(m) in labels and types[labels[id(m)]] is ORG)
    for sentence in sentences:
        if not re.search(r"[，。；！？,;!?]", sentence.text):
            continue  # a heading (公司简介)
        for match in re.finditer("公司", sentence.text):
            pos = sentence.start + match.start()
            if any(a <= pos < b for a, b in spans):
                continue
            before = doc.text[max(0, pos - 2):pos]
            if before and "\u4e00" <= before[-1] <= "\u9fff" and not before.endswith(OWN_COMPANY_BEFORE):
                continue  # 子公司, 上市公司, 该公司
            named = [end for end in org_ends if end <= pos]
            if not named or not re.search(r"[，。；！？,;!?\n]", doc.text[named[-1]:pos]):
                return True
    return False


def _paragraph_subjects(ctx_text: str, start: int, mentions: list[Mention], labels: dict[int, str],
                        types: dict[str, EntityType]) -> list[str]:
    """Organisations a sentence opens with (据了解，天津市委、滨江管委会…)."""
    lead = re.match(r"^(?:[^，。]{1,6}，)?", ctx_text)
    pos = start + (lead.end() if lead else 0)
    run: list[str] = []
    for m in mentions:
        if m.start == pos and types[labels[id(m)]] is ORG:
            run.append(labels[id(m)])
            if ctx_text[m.end - start:m.end - start + 1] == "、":
                pos = m.end + 1
    return run


def find_relations(doc: SourceDocument, sentences: list[Sentence], mentions: list[Mention],
                   resolved: DocumentEntities, roles: list[PersonRole], lex: Lexicon | None = None) -> Found:
    lex = lex or load()
    found = Found()
    types = {label: e.type for label, e in resolved.entities.items()}
    labels: dict[int, str] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        label = resolved.label(m)
        if label is None:
            continue
        labels[id(m)] = label
        by_sentence.setdefault(m.sentence, []).append(m)
    history: list[tuple[str, EntityType]] = []
    all_anaphors: list[Mention] = []
    topic: dict[EntityType, str] = {}
    subjects: list[str] = []
    speakers = _speakers(sentences, roles, resolved)
    secondary = _secondary_names(doc, mentions, labels, lex)
    own_company = _company_speaks_of_itself(doc, sentences, mentions, labels, types)
    paragraph = -1
    raised: str | None = None
    openers: set[str] = set()  # organisations that opened a sentence of this paragraph
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, topic, subjects, raised, openers = sentence.paragraph, {}, [], None, set()
        local = by_sentence.get(sentence.index, [])
        openers.update(_paragraph_subjects(sentence.text, sentence.start, local, labels, types))
        anaphors = _anaphors(doc, sentence, labels, local, resolved.entities, history, secondary, lex, own_company,
                             frozenset(openers))
        all_anaphors.extend(anaphors)
        local = sorted(local + anaphors, key=lambda m: m.start)
        ctx = Context(doc, sentence, local, labels, types, dict(topic), list(subjects), lex, found,
                      speakers.get(sentence.index, []), raised)
        for pattern in PATTERNS:
            pattern(ctx)
        raised = _round_raiser(ctx) or raised
        opened = _paragraph_subjects(sentence.text, sentence.start, local, labels, types)
        if opened:
            subjects = opened
        for m in local:
            label = labels[id(m)]
            history.append((label, types[label]))
            topic[types[label]] = label
        opening = _opening_platform(sentence, local, labels, types)
        if opening is not None:
            topic[PLATFORM] = opening  # P位于…，是Q的重要组成部分。园区入驻企业…: P's, not Q's
    # organisations named right before a title: 该公司 and the like, and names whose mention the
    # person pass did not take for an organisation (北京X创新中心, the X创新中心有限公司 of the article)
    org_ends = {m.end: labels[id(m)] for m in [*mentions, *all_anaphors]
                if id(m) in labels and types[labels[id(m)]] is ORG}
    _memberships(doc, sentences, roles, resolved, found, org_ends, lex)
    _sub_organisations(doc, sentences, mentions, resolved, found)
    _notice_signed_on(doc, sentences, mentions, resolved, found)
    return found


def _opening_platform(sentence: Sentence, local: list[Mention], labels: dict[int, str],
                      types: dict[str, EntityType]) -> str | None:
    """The platform a sentence is about when it opens with one (after a heading in 【】 or a time word and a
    comma): what a later bare 园区 means, rather than a larger place named inside the sentence (but in
    星湖园区——云杉科学城 the name after the dash is the park's)."""
    heading = re.match(r"^(?:【[^】]{1,12}】)?", sentence.text).end()
    lead = re.match(r"[^，。]{1,6}，", sentence.text[heading:])
    for pos in (heading, heading + lead.end() if lead else heading):
        first = next((m for m in local if m.start == sentence.start + pos and id(m) in labels), None)
        if first is not None:
            named_again = sentence.text.startswith(("—", "：", ":"), first.end - sentence.start)
            return labels[id(first)] if types[labels[id(first)]] is PLATFORM and not named_again else None
    return None


def _round_raiser(ctx: Context) -> str | None:
    """The organisation of this sentence that completes or gets a round (X宣布完成B轮融资): what a later
    本轮融资 of the paragraph is about."""
    rounds = _alternation(ctx.lex.triggers["funding_round"]).pattern
    raisers = [m for m in ctx.of_type(ORG) if re.match(FUNDED_ROUND + f"(?:{rounds})", ctx.text[ctx.rel(m)[1]:])]
    return ctx.label(raisers[-1]) if raisers else None


def _speakers(sentences: list[Sentence], roles: list[PersonRole], resolved: DocumentEntities) -> dict[int, list[str]]:
    """Sentence index -> organisations of the person whose words it quotes.

    A quotation opened in the sentence that names the speaker runs on through the
    paragraph until it closes (X董事长Y表示：“…。…我们将与Z共建…。”).
    """
    by_index = {s.index: s for s in sentences}
    out: dict[int, list[str]] = {}
    for role in roles:
        orgs = [resolved.label(o) for o in role.organisations if resolved.label(o)]
        first = by_index.get(role.sentence)
        if not orgs or first is None:
            continue
        after_name = first.text[role.person.end - first.start:]
        quoted = "“" in after_name
        index = first.index
        while index in by_index and by_index[index].paragraph == first.paragraph:
            out.setdefault(index, [])
            out[index] += [o for o in orgs if o not in out[index]]
            if not quoted or "”" in (after_name if index == first.index else by_index[index].text):
                break
            index += 1
    return out


def _sentence_evidence(doc: SourceDocument, sentence: Sentence) -> Evidence:
    start, end = doc.original_span(sentence.start, sentence.end)
    return Evidence(doc.doc_id, doc.original[start:end], start, end)


def _memberships(doc: SourceDocument, sentences: list[Sentence], roles: list[PersonRole],
                 resolved: DocumentEntities, found: Found, org_ends: dict[int, str], lex: Lexicon) -> None:
    """Each person's title and organisation (该公司首席执行官X: the company named before)."""
    by_index = {s.index: s for s in sentences}
    for role in roles:
        person = resolved.label(role.person)
        if person is None:
            continue
        title = _present_title(doc.text, role, lex)
        if title is None:
            continue
        evidence = _sentence_evidence(doc, by_index[role.sentence])
        orgs = [resolved.label(o) for o in role.organisations if resolved.label(o)]
        if not orgs:
            title_at = role.person.start - len(role.title)
            if doc.text[title_at - 1:title_at] in lex.former_marks:
                title_at -= 1  # 该公司原副总经理X
            pointed = org_ends.get(title_at) or org_ends.get(role.person.start)
            orgs = [pointed] if pointed else []
        rule, confidence = "org-title-name", 0.9
        if not orgs:
            title_at = role.person.start - len(role.title)
            government = _government_of(doc.text[max(0, title_at - 8):title_at], role.title, resolved, lex)
            orgs, rule, confidence = ([government] if government else []), "government-head", 0.8
        if not orgs:
            found.memberships.append(Membership(person, None, title, evidence, "title-name", 0.8))
        if rule == "org-title-name" and orgs[-1].endswith("委"):
            title = _party_and_government_titles(person, orgs[-1], title, evidence, resolved, found, lex)
        for org in orgs:
            found.memberships.append(Membership(person, org, title, evidence, rule, confidence))
            found.relations.append(Relation(person, "affiliatedWith", org, evidence, rule, confidence))


def _former_unnamed(lex: Lexicon) -> re.Pattern:
    """原/前 or 时任/曾任… opening a clause, then up to eight characters of a name before the title."""
    memo = lex.memo("former_unnamed")
    if not memo:
        marks = _alternation(tuple(lex.past_marks) + lex.past_role_verbs).pattern
        memo["pattern"] = re.compile(rf"(?:^|[，。；、：｜|\s])(?:{marks})[\u4e00-\u9fffA-Za-z]{{0,8}}$")
    return memo["pattern"]


# 2003年至2011年, 2015年3月—2019年12月, 当年的…: a period that is over (not 2019年至今)
CLOSED_PERIOD = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:至|到|—|－|-|~|～)\d{4}年|当年|昔日|彼时")


ACADEMY_HONOURS = ("院士", "外籍院士")
ACADEMIES = ("科学院", "工程院", "科学院学部", "学部")


def _listed_after_a_past_verb(text: str, pos: int, lex: Lexicon) -> bool:
    """X曾先后担任A技术总监、B副总裁: B's post follows the past verb through a list of posts (but not
    X曾任A董事长、现任B总经理)."""
    clause = re.split(r"[，。；！？,;!?\n]", text[max(0, pos - 60):pos])[-1]
    if not clause.endswith("、") and "、" not in clause:
        return False
    past = [m for verb in lex.past_role_verbs for m in re.finditer(re.escape(verb), clause)]
    return bool(past) and not re.search(r"现任|现为|目前担任|兼任|现兼任", clause[max(m.end() for m in past):])


def _present_title(text: str, role: PersonRole, lex: Lexicon) -> str | None:
    """The title the person holds now: the role's, or the one taken on after it (原副总经理X已接替Y出任
    总经理); None for a role held once (原董事长X, X曾任A董事长 but …，现任B总经理 holds B's,
    董事长X已于上月离职).  The graph states present posts only."""
    if role.organisations and (text[:role.organisations[0].start].endswith(lex.past_role_verbs + lex.future_role_verbs)
                               or text[role.organisations[0].start - 1:role.organisations[0].start] in lex.past_marks
                               or _listed_after_a_past_verb(text, role.organisations[0].start, lex)):
        return None  # X曾任A董事长; 原A主任X; X将出任A总经理; X曾先后担任A总监、B副总裁
    if role.title in ACADEMY_HONOURS and role.organisations and not role.organisations[-1].text.endswith(ACADEMIES):
        return None  # 江州大学化学学院院士X: an academy's honour, no post at the college
    first = min([role.person.start, *(o.start for o in role.organisations)])
    lead = re.split(r"[。；！？\n]", text[max(0, first - 40):first])[-1]
    if CLOSED_PERIOD.search(lead):
        return None  # 2003年至2011年，X担任A高级研究员: a post of those years
    sentence_start = max(text.rfind(end, 0, role.person.start) for end in "。！？\n") + 1
    sentence_end = min((i for i in (text.find(end, role.person.end) for end in "。！？\n") if i >= 0), default=len(text))
    if _alternation(lex.triggers["unconfirmed_posts"]).search(text, sentence_start, sentence_end):
        return None  # 网传“X出任A董事长”不实: a rumour, denied
    if not text[:role.person.start].endswith(role.title):
        return role.title
    opening = role.organisations[0].start if role.organisations else role.person.start - len(role.title)
    if text[:opening].removesuffix("的").endswith(lex.departure_verbs):
        return None  # 卸任董事长X, 被解聘的A首席技术官X (but X调任A所长 holds A's)
    clause = CLAUSE_BREAK.split(text[role.person.end:role.person.end + 40], maxsplit=1)[0]
    taken_on = re.search(rf"(?:{'|'.join(lex.promotion_verbs)})(?:该公司|公司)?", clause)
    title = taken_on and title_pattern().match(clause, taken_on.end())
    if title:
        return title.group()  # 副总经理X升任总经理, 原副总经理X已接替Y出任总经理
    title_at = role.person.start - len(role.title)
    if text[title_at - 1:title_at] in lex.past_marks:
        return None
    if not role.organisations and _former_unnamed(lex).search(text, max(0, title_at - 12), title_at):
        return None  # 前百度副总裁X, 时任公司总经理X: a former post at an organisation no rule named
    if any(verb in clause for verb in lex.departure_verbs) or _moves_on(clause, lex):
        return None
    rest = re.split(r"[。；！？]", text[role.person.end:role.person.end + 60], maxsplit=1)[0]
    later = re.search(rf"[，,](?:已经?|现已|日前已?|随后|后|也)?被?(?:{'|'.join(lex.departure_verbs)})", rest)
    return None if later else role.title  # 董事长X在任期间违规担保，已被撤职


def _moves_on(clause: str, lex: Lexicon) -> bool:
    """A云湖创投合伙人X加入B担任…, 首席技术官X现已加盟B: the post before the name is the one X leaves."""
    adverbs = r"(?:已经?|现已|正式|近日|日前|随后)*"
    return re.match(rf"{adverbs}(?:{'|'.join(lex.job_moves)})", clause) is not None \
        or re.match(rf"{adverbs}加入[^，。；]{{2,24}}?(?:担任|出任|任职|任)", clause) is not None


def _party_and_government_titles(person: str, committee: str, chain: str, evidence: Evidence,
                                 resolved: DocumentEntities, found: Found, lex: Lexicon) -> str:
    """北京市委常委、副市长X: 常委 of the committee; 副市长 of the city's government when the article
    names it (else of no organisation), never of the committee.  Returns the committee's titles."""
    titles = re.split(r"、|兼", chain)
    heads = {t for level in lex.government_heads.values() for t in level}
    held = [t for t in titles if t in heads]
    if not held or len(held) == len(titles):
        return chain
    for title in held:
        government = _government_of(committee[:-1], title, resolved, lex)
        found.memberships.append(Membership(person, government, title, evidence,
                                            "government-head" if government else "title-name", 0.8))
        if government:
            found.relations.append(Relation(person, "affiliatedWith", government, evidence, "government-head", 0.8))
    return "、".join(t for t in titles if t not in heads)


def _government_of(before: str, title: str, resolved: DocumentEntities, lex: Lexicon) -> str | None:
    """合肥市副市长: 合肥市人民政府 (or 合肥市政府), when the article names it."""
    for level, heads in lex.government_heads.items():
        if title not in heads:
            continue
        for length in range(2, 8):
            place = before[-length:]
            if len(place) == length and place.endswith(level):
                for office in ("人民政府", "政府"):
                    label = resolved.label_of.get(name_key(place + office))
                    if label is not None:
                        return label
    return None


def _sub_organisations(doc: SourceDocument, sentences: list[Sentence], mentions: list[Mention],
                       resolved: DocumentEntities, found: Found) -> None:
    """蓝图大学技术转移研究院 is part of 蓝图大学 when both are named; 澄岭智能中央研究院 of the company
    whose short name 澄岭智能 opens it."""
    orgs = {label for label, e in resolved.entities.items() if e.type is ORG}
    company_names = [(name, label) for label, e in resolved.entities.items() if e.subtype == "Company"
                     for name in e.names if len(name) >= 3 and dictionary_tag(name) != "ns"]
    by_index = {s.index: s for s in sentences}
    lex = load()
    seen = set()
    for m in mentions:
        child = resolved.label(m)
        if child not in orgs or child in seen:
            continue
        parents = [p for p in orgs if p != child and _opens_name_of(p, child, resolved, lex)]
        if not parents and resolved.entities[child].subtype in COMPANY_UNITS:
            parents = [label for name, label in company_names
                       if label != child and _opens_name_of(name, child, resolved, lex)]
        if parents:
            seen.add(child)
            parent = max(parents, key=len)
            sentence = by_index[m.sentence]
            if NO_TIES.search(sentence.text.replace(parent, "□")):
                continue  # X与A无股权关系: the text denies what the name suggests
            found.relations.append(Relation(child, "subOrganizationOf", parent,
                                            _sentence_evidence(doc, sentence), "name-prefix", 0.8))


NO_TIES = re.compile(r"与□(?:之间)?(?:无|没有|并无|不存在|并不存在)[^，。；]{0,6}关系|并非□(?:的)?(?:下属|所属|子公司|直属)")


def _opens_name_of(parent: str, child: str, resolved: DocumentEntities, lex: Lexicon) -> bool:
    """Whether `parent` opens `child`'s name as a word of its own (江州大学 does not open 江州大学城管理办公室),
    and names more than a brand the child company shares (江州云图 does not own 江州云图智能科技股份有限公司)."""
    if not child.startswith(parent) or len(child) - len(parent) < 2:
        return False
    starts = [0, *accumulate(len(w.text) for w in segment_name(child))]
    if len(parent) not in starts and max(k for k in starts if k < len(parent)) > 0:
        return False  # a word begins inside the parent's name and runs past it (江州|大学城), though
        # one word may hold both (清华大学电子工程系 is one word to jieba)
    parent_entity = resolved.entities.get(parent)
    brand_only = parent_entity is None or suffix_of(parent, lex) is None
    return not (brand_only and resolved.entities[child].subtype == "Company")


# what a company's own name may open besides its subsidiaries (澄岭智能中央研究院, 星河科技战略部)
COMPANY_UNITS = ("ResearchInstitute", "Department")

NOTICE_TITLE = re.compile(r"关于(?:印发|发布|公布|转发)《[^》]+》(?:等[^》]{0,6})?的通知")


def _notice_signed_on(doc: SourceDocument, sentences: list[Sentence], mentions: list[Mention],
                      resolved: DocumentEntities, found: Found) -> None:
    """X关于印发《P》的通知, numbered 海政发〔2026〕8号 on a line of its own below the title and signed
    2023年6月8日 on one at the end: P has that document number and was issued that day."""
    title = sentences[0] if sentences else None
    announced = NOTICE_TITLE.search(title.text) if title is not None else None
    if announced is None:
        return
    policies = sorted({label for m in mentions if m.sentence == title.index and (label := resolved.label(m))
                       and resolved.entities[label].type is POLICY
                       and announced.start() <= m.start - title.start < announced.end()})
    numbered = next((s for s in sentences[1:3] if re.fullmatch(NUMBER, s.text.strip())), None)
    signed = [(s, when) for s in sentences[-3:] if (when := date_from_text(s.text)) is not None]
    for label in policies:
        if numbered is not None:
            evidence = _sentence_evidence(doc, numbered)
            found.attributes.append(Attribute(label, "documentNumber", evidence.text.strip(), evidence,
                                              "notice-number", 0.85))
        if signed:
            sentence, when = signed[-1]
            found.attributes.append(Attribute(label, "issuedOn", when, _sentence_evidence(doc, sentence),
                                              "notice-signed", 0.8, "day"))
