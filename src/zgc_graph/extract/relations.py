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
from datetime import date

from ..lexicon import Lexicon, load
from ..models import (Attribute, Entity, EntityType, Evidence, Membership, Mention, Relation, Sentence,
                      SourceDocument)
from .mentions import _alternation
from .persons import PersonRole
from .resolve import DocumentEntities

ORG = EntityType.ORGANISATION
PLATFORM = EntityType.PLATFORM
POLICY = EntityType.POLICY
PERSON = EntityType.PERSON
CLAUSE_BREAK = re.compile(r"[，。；！？,;!?]")
DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")
ANAPHOR = re.compile(r"(?:该|这一|此|这个|这家)(创新联合体|联合体|园区|科技园|公司|企业|集团|平台|基金|中心|科学城|示范区|联盟|大学|研究院)")
COUNT_NUMBER = r"(\d+)"


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

    @property
    def text(self) -> str:
        return self.sentence.text

    def rel(self, m: Mention) -> tuple[int, int]:
        return m.start - self.sentence.start, m.end - self.sentence.start

    def label(self, m: Mention) -> str:
        return self.labels[id(m)]

    def evidence(self) -> Evidence:
        start, end = self.doc.original_span(self.sentence.start, self.sentence.end)
        return Evidence(self.doc.doc_id, self.doc.original[start:end], start, end)

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

    def same_clause(self, a: int, b: int) -> bool:
        return CLAUSE_BREAK.search(self.text[min(a, b):max(a, b)]) is None


def _triggers(ctx: Context, name: str):
    return _alternation(ctx.lex.triggers[name]).finditer(ctx.text)


def _run_after(ctx: Context, pos: int, *types: EntityType, stop: str = r"[。；！？;!?]|，(?!\s)") -> list[Mention]:
    """Mentions after `pos` up to the end of the clause (a 、-list stays together)."""
    end_match = re.compile(stop).search(ctx.text, pos)
    end = end_match.start() if end_match else len(ctx.text)
    return [m for m in ctx.after(pos, *types) if ctx.rel(m)[1] <= end]


def _coordinated(ctx: Context, m: Mention) -> list[Mention]:
    """m and the organisations joined to it by 、 right before (北京市委、中关村管委会)."""
    run = [m]
    orgs = ctx.of_type(ORG)
    while True:
        start = ctx.rel(run[0])[0]
        prev = [o for o in orgs if ctx.rel(o)[1] == start - 1 and ctx.text[start - 1] == "、"]
        if not prev:
            return run
        run.insert(0, prev[0])


def _nearest_before(ctx: Context, pos: int, types: tuple[EntityType, ...], max_gap: int,
                    allowed_gap: str = r"^(?:将|已|还|也|率先|正式|共同|试点|于[^，。]{0,12}|在[^，。]{0,16})*$") -> Mention | None:
    cands = ctx.before(pos, *types)
    if not cands:
        return None
    m = cands[-1]
    gap = ctx.text[ctx.rel(m)[1]:pos]
    if len(gap) <= max_gap and re.match(allowed_gap, gap):
        return m
    return None


# ----------------------------------------------------------------- patterns

def leads(ctx: Context) -> None:
    for trig in _triggers(ctx, "leads"):
        subj = _nearest_before(ctx, trig.start(), (ORG,), 12)
        if subj is None:
            by = re.search(r"由$", ctx.text[:trig.start()])
            continue_subj = None
            for m in ctx.before(trig.start(), ORG):
                if ctx.text[ctx.rel(m)[0] - 1:ctx.rel(m)[0]] == "由" and ctx.rel(m)[1] == trig.start():
                    continue_subj = m
            if continue_subj is None or by is None and continue_subj is None:
                continue
            subj = continue_subj
        rest = ctx.text[trig.end():]
        jump = re.match(r"[^。；]*?即", rest)
        start = trig.end() + (jump.end() if jump else 0)
        objects = [m for m in ctx.after(start, PLATFORM, ORG) if ctx.label(m) != ctx.label(subj)]
        if objects and ctx.same_clause(trig.end(), ctx.rel(objects[0])[0]):
            ctx.relate(ctx.label(subj), "leads", ctx.label(objects[0]), "lead-trigger", 0.9)
        elif re.match(r"(?:组建|成立|建设)的", rest) is None:
            # 由A牵头组建的B / B由A牵头: the platform before
            whole = [m for m in ctx.before(ctx.rel(subj)[0], PLATFORM)]
            if whole and ctx.text[ctx.rel(whole[-1])[1]:ctx.rel(subj)[0]] in ("由",):
                ctx.relate(ctx.label(subj), "leads", ctx.label(whole[-1]), "by-lead", 0.85)


def founded_by(ctx: Context) -> None:
    """B由A联合C、D等N家…共同组建: A leads B, C and D are members, B has N members."""
    verbs = _alternation(ctx.lex.triggers["co_found"]).pattern
    for m in re.finditer(rf"由([^。；]*?)(?:{verbs})", ctx.text):
        inner_start = m.start(1)
        founders = [x for x in ctx.after(inner_start, ORG) if ctx.rel(x)[1] <= m.end(1)]
        if not founders or ctx.rel(founders[0])[0] != inner_start:
            continue
        whole = _platform_before(ctx, m.start())
        if whole is None:
            continue
        lead = founders[0]
        rest = ctx.text[ctx.rel(lead)[1]:m.end(1)]
        if rest.startswith(("联合", "牵头", "携手", "会同")) or len(founders) == 1:
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


def _platform_before(ctx: Context, pos: int) -> str | None:
    """The platform a sentence is about: named (or pointed to by 该…) before `pos`, else the topic."""
    before = ctx.before(pos, PLATFORM)
    if before:
        return ctx.label(before[-1])
    return ctx.topic.get(PLATFORM)


def members(ctx: Context) -> None:
    for trig in _triggers(ctx, "members"):
        whole = _platform_before(ctx, trig.start())
        if whole is None:
            continue
        for m in _run_after(ctx, trig.end(), ORG):
            ctx.relate(ctx.label(m), "memberOf", whole, "member-list", 0.9)


def member_count(ctx: Context) -> None:
    counts = [r"共有" + COUNT_NUMBER + r"(?:家|个)成员(?:单位)?", r"成员(?:单位)?(?:达到|达|共|共计|已达)" + COUNT_NUMBER + r"(?:家|个)",
              r"由" + COUNT_NUMBER + r"(?:家|个)[^，。；]{0,12}?(?:组成|组建|共同发起)",
              r"吸引" + COUNT_NUMBER + r"(?:家|个)[^，。；]{0,8}?(?:加入|参与)"]
    for pattern in counts:
        for m in re.finditer(pattern, ctx.text):
            whole = _platform_before(ctx, m.start())
            if whole is not None:
                ctx.attribute(whole, "memberCount", int(m.group(1)), "member-count", 0.8)


def located(ctx: Context) -> None:
    for trig in _triggers(ctx, "located"):
        after_orgs = _run_after(ctx, trig.end(), ORG)
        after_platform = [m for m in ctx.after(trig.end(), PLATFORM) if ctx.same_clause(trig.end(), ctx.rel(m)[0])]
        tenant = _nearest_before(ctx, trig.start(), (ORG,), 24,
                                 r"^(?:等[^，。；]{0,16}?)?(?:将|已|还|也|均|都|正式|先后|陆续|成功|相继|已经)*$")
        if after_platform and tenant is not None and ctx.rel(after_platform[0])[0] - trig.end() <= 4:
            for org in _coordinated(ctx, tenant):
                ctx.relate(ctx.label(org), "locatedIn", ctx.label(after_platform[0]), "settle-in", 0.9)
        elif after_orgs:
            host = [m for m in ctx.before(trig.start(), PLATFORM)]
            if host:
                whole, confidence = ctx.label(host[-1]), 0.85
            elif PLATFORM in ctx.topic:
                whole, confidence = ctx.topic[PLATFORM], 0.7
            else:
                continue
            for org in after_orgs:
                ctx.relate(ctx.label(org), "locatedIn", whole, "host-admits", confidence)
    for m in re.finditer(r"位于", ctx.text):
        place = ctx.after(m.end(), PLATFORM)
        if not place or ctx.rel(place[0])[0] != m.end():
            continue
        tenant = _nearest_before(ctx, m.start(), (ORG,), 2)
        after = ctx.text[ctx.rel(place[0])[1]:]
        if tenant is None and after.startswith("的"):
            follow = [x for x in ctx.after(ctx.rel(place[0])[1], ORG) if ctx.rel(x)[0] - ctx.rel(place[0])[1] <= 3]
            tenant = follow[0] if follow else None
        if tenant is not None:
            ctx.relate(ctx.label(tenant), "locatedIn", ctx.label(place[0]), "located-at", 0.85)


def part_of(ctx: Context) -> None:
    for m in re.finditer(r"包括([^。；]*?)在内的", ctx.text):
        whole = [x for x in ctx.after(m.end(), PLATFORM) if ctx.rel(x)[0] - m.end() <= 1]
        if not whole:
            continue
        parts = [x for x in ctx.after(m.start(1), PLATFORM) if ctx.rel(x)[1] <= m.end(1)]
        for part in parts:
            ctx.relate(ctx.label(part), "partOf", ctx.label(whole[0]), "including", 0.9)
    for trig in _triggers(ctx, "part_of"):
        whole = [x for x in ctx.before(trig.start(), PLATFORM) if ctx.same_clause(ctx.rel(x)[1], trig.start())]
        part = [x for x in ctx.before(trig.start(), PLATFORM) if x not in whole[-1:]] if whole else []
        if whole and part and re.search(r"是$", ctx.text[ctx.rel(part[-1])[1]:ctx.rel(whole[-1])[0]]):
            ctx.relate(ctx.label(part[-1]), "partOf", ctx.label(whole[-1]), "component", 0.85)


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
        elif after and re.fullmatch(r"(?:是|为|即)", ctx.text[m.end():ctx.rel(after[0])[0]]):
            # B的前身是A / B，其前身为A
            ctx.relate(ctx.label(after[0]), "predecessorOf", ctx.label(before[-1]), "predecessor", 0.85)
    for trig in _triggers(ctx, "renamed"):
        old = _nearest_before(ctx, trig.start(), kinds, 2)
        new = ctx.after(trig.end(), *kinds)
        if old is not None and new and ctx.rel(new[0])[0] == trig.end():
            ctx.relate(ctx.label(old), "predecessorOf", ctx.label(new[0]), "renamed", 0.9)


def issued(ctx: Context) -> None:
    policies = ctx.of_type(POLICY)
    for p in policies:
        start, end = ctx.rel(p)
        issuer = None
        confidence = 0.9
        rule = "issue-verb"
        verb_at = None
        # 《A》《B》: a chain of titles shares the verb before the first one
        chain_start = start
        while True:
            prev = [q for q in policies if ctx.rel(q)[1] in (chain_start - 2, chain_start - 1)
                    and ctx.text[ctx.rel(q)[1]:chain_start].strip("《》") == ""]
            if not prev:
                break
            chain_start = ctx.rel(prev[0])[0]
        lead_in = ctx.text[:chain_start].rstrip("《“")
        verb = re.search(r"(" + _alternation(ctx.lex.triggers["issued"]).pattern + r")了?(?:新一轮|一批|若干)?$", lead_in)
        if verb:
            verb_at = verb.start()
            subj = _nearest_before(ctx, verb_at, (ORG,), 20, r"^(?:将|已|还|也|正式|于.{0,12}|在.{0,16})*$")
            if subj is not None:
                issuers = [ctx.label(o) for o in _coordinated(ctx, subj)]
            elif not ctx.before(verb_at, ORG, PERSON) and ctx.subjects:
                issuers, confidence, rule = list(ctx.subjects), 0.6, "issue-verb-paragraph-subject"
            else:
                issuers = []
            if re.search("|".join(ctx.lex.triggers["not_yet"]) + r"[^，。；]{0,8}?(?:印发|发布|出台|实施)", ctx.text[end:]):
                issuers = []  # 拟于近期印发实施: not issued yet
            for who in issuers:
                ctx.relate(ctx.label(p), "issuedBy", who, rule, confidence)
            issuer = issuers
        passive = re.match(r"[”》]?(?:由)", ctx.text[end:])
        if passive:
            by = [o for o in ctx.after(end, ORG) if ctx.rel(o)[0] - end <= 3]
            if by and re.match(r"(?:" + "|".join(ctx.lex.triggers["issued"]) + ")", ctx.text[ctx.rel(by[0])[1]:]):
                ctx.relate(ctx.label(p), "issuedBy", ctx.label(by[0]), "issued-by", 0.9)
                issuer, verb_at = [ctx.label(by[0])], ctx.rel(by[0])[1]
        nested = [o for o in ctx.of_type(ORG) if start <= ctx.rel(o)[0] and ctx.rel(o)[1] < end
                  and ctx.text[ctx.rel(o)[1]:].startswith("关于")]
        for o in nested:
            ctx.relate(ctx.label(p), "issuedBy", ctx.label(o), "title-issuer", 0.9)
        published = re.match(r"[”》]?(?:正式)?(?:" + "|".join(ctx.lex.triggers["issued"]) + ")", ctx.text[end:])
        if verb_at is not None or published or nested and published:
            _issue_date(ctx, p, verb_at if verb_at is not None else start)


def _issue_date(ctx: Context, policy: Mention, pos: int) -> None:
    dates = [d for d in DATE.finditer(ctx.text) if d.end() <= pos]
    if not dates:
        return
    d = dates[-1]
    year, month, day = int(d.group(1)), int(d.group(2)), d.group(3)
    try:
        value = date(year, month, int(day) if day else 1)
    except ValueError:
        return
    ctx.attribute(ctx.label(policy), "issuedOn", value, "issue-date", 0.85, "day" if day else "month")


def benefits(ctx: Context) -> None:
    for trig in _triggers(ctx, "benefits_before"):
        sources = [p for p in ctx.after(trig.end(), POLICY, PLATFORM) if ctx.rel(p)[0] == trig.end()]
        if not sources:
            continue
        source = sources[0]
        beneficiaries = [o for o in ctx.after(ctx.rel(source)[1], ORG)]
        if beneficiaries and ctx.text[ctx.rel(source)[1]:ctx.rel(beneficiaries[0])[0]] in ("，", ",", ""):
            ctx.relate(ctx.label(beneficiaries[0]), "benefitsFrom", ctx.label(source), "benefit-from", 0.9)
        else:
            before = ctx.before(trig.start(), ORG)
            if before and ctx.same_clause(ctx.rel(before[-1])[1], trig.start()):
                ctx.relate(ctx.label(before[-1]), "benefitsFrom", ctx.label(source), "benefit-from", 0.85)
    for trig in _triggers(ctx, "benefits_obtain"):
        sources = [p for p in ctx.after(trig.end(), POLICY) if ctx.rel(p)[0] - trig.end() <= 1]
        if not sources:
            continue
        runs = [sources[0]]
        for p in ctx.after(ctx.rel(sources[0])[1], POLICY):
            if ctx.rel(p)[0] - ctx.rel(runs[-1])[1] <= 2 and ctx.text[ctx.rel(runs[-1])[1]:ctx.rel(p)[0]] in ("”“", "、", "》《", ""):
                runs.append(p)
        holder = [o for o in ctx.before(trig.start(), ORG)]
        if not holder:
            continue
        for p in runs:
            ctx.relate(ctx.label(holder[-1]), "benefitsFrom", ctx.label(p), "obtain", 0.75)
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


def partners(ctx: Context) -> None:
    triggers = _alternation(ctx.lex.triggers["partner"]).pattern
    for m in re.finditer(rf"(?:将|还|也|已)?(?:与|同)([^，。；！？]{{2,60}}?)(?:共同)?(?:{triggers})", ctx.text):
        subj = _nearest_before(ctx, m.start(), (ORG,), 3, r"^(?:将|还|也|已|曾)*$")
        if subj is None:
            continue
        partners_ = [o for o in ctx.after(m.start(1), ORG) if ctx.rel(o)[1] <= m.end(1)]
        for who in _coordinated(ctx, subj):
            for other in partners_:
                ctx.relate(ctx.label(who), "partnerOf", ctx.label(other), "partner-with", 0.85)
    for trig in _triggers(ctx, "together"):
        others = _run_after(ctx, trig.end(), ORG)
        subj = _nearest_before(ctx, trig.start(), (ORG,), 4, r"^(?:将|还|也|已)*$")
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(ctx.text, 0, trig.start())), default=0)
        if subj is not None:
            subjects, confidence = [ctx.label(o) for o in _coordinated(ctx, subj)], 0.8
        elif not [o for o in ctx.before(trig.start(), ORG) if ctx.rel(o)[0] >= clause_start]:
            subjects, confidence = list(ctx.subjects), 0.5
        else:
            continue
        for who in subjects:
            for other in others:
                ctx.relate(who, "partnerOf", ctx.label(other), "together-with", confidence)


PATTERNS = (leads, founded_by, members, member_count, located, part_of, predecessor, issued, benefits, participates,
            partners)


# --------------------------------------------------------------- the stage

def _anaphors(doc: SourceDocument, sentence: Sentence, entity_of: dict[int, str], mentions: list[Mention],
              entities: dict[str, Entity], history: list[tuple[str, EntityType]]) -> list[Mention]:
    """该创新联合体 -> the latest entity whose name ends with the same noun."""
    found = []
    for m in ANAPHOR.finditer(sentence.text):
        noun = m.group(1)
        start = sentence.start + m.start()
        if any(x.start <= start < x.end for x in mentions):
            continue
        for label, etype in reversed(history):
            if label.endswith(noun) or (noun in ("公司", "企业", "集团") and etype is ORG
                                          and entities[label].subtype == "Company"):
                mention = Mention(m.group(0), start, sentence.start + m.end(), etype, None, sentence.index, "anaphor")
                entity_of[id(mention)] = label
                found.append(mention)
                break
    return found


def _paragraph_subjects(ctx_text: str, start: int, mentions: list[Mention], labels: dict[int, str],
                        types: dict[str, EntityType]) -> list[str]:
    """Organisations a sentence opens with (据了解，北京市委、中关村管委会…)."""
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
    topic: dict[EntityType, str] = {}
    subjects: list[str] = []
    paragraph = -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            paragraph, topic, subjects = sentence.paragraph, {}, []
        local = by_sentence.get(sentence.index, [])
        local = sorted(local + _anaphors(doc, sentence, labels, local, resolved.entities, history),
                       key=lambda m: m.start)
        ctx = Context(doc, sentence, local, labels, types, dict(topic), list(subjects), lex, found)
        for pattern in PATTERNS:
            pattern(ctx)
        opened = _paragraph_subjects(sentence.text, sentence.start, local, labels, types)
        if opened:
            subjects = opened
        for m in local:
            label = labels[id(m)]
            history.append((label, types[label]))
            topic[types[label]] = label
    _memberships(doc, sentences, roles, resolved, found)
    _sub_organisations(doc, sentences, mentions, resolved, found)
    return found


def _sentence_evidence(doc: SourceDocument, sentence: Sentence) -> Evidence:
    start, end = doc.original_span(sentence.start, sentence.end)
    return Evidence(doc.doc_id, doc.original[start:end], start, end)


def _memberships(doc: SourceDocument, sentences: list[Sentence], roles: list[PersonRole],
                 resolved: DocumentEntities, found: Found) -> None:
    by_index = {s.index: s for s in sentences}
    for role in roles:
        person = resolved.label(role.person)
        if person is None:
            continue
        evidence = _sentence_evidence(doc, by_index[role.sentence])
        orgs = [resolved.label(o) for o in role.organisations if resolved.label(o)]
        if not orgs:
            found.memberships.append(Membership(person, None, role.title, evidence, "title-name", 0.8))
        for org in orgs:
            found.memberships.append(Membership(person, org, role.title, evidence, "org-title-name", 0.9))
            found.relations.append(Relation(person, "affiliatedWith", org, evidence, "org-title-name", 0.9))


def _sub_organisations(doc: SourceDocument, sentences: list[Sentence], mentions: list[Mention],
                       resolved: DocumentEntities, found: Found) -> None:
    """清华大学技术转移研究院 is part of 清华大学 when both are named."""
    orgs = {label for label, e in resolved.entities.items() if e.type is ORG}
    by_index = {s.index: s for s in sentences}
    seen = set()
    for m in mentions:
        child = resolved.label(m)
        if child not in orgs or child in seen:
            continue
        parents = [p for p in orgs if p != child and child.startswith(p) and len(child) - len(p) >= 2]
        if parents:
            seen.add(child)
            parent = max(parents, key=len)
            found.relations.append(Relation(child, "subOrganizationOf", parent,
                                            _sentence_evidence(doc, by_index[m.sentence]), "name-prefix", 0.8))
