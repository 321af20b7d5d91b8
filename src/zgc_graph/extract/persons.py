"""People next to a job title, and the organisation named right before them.

News text introduces people as ORG + TITLE + NAME (星河发展集团副总经理周明远),
ORG + NAME + TITLE for academic and honorific titles (蓝图大学李明教授), or
TITLE + NAME alone.  A name is two or three Chinese characters starting with
a common surname; where it ends is read from what follows (在/表示/介绍…).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Lexicon, load
from ..models import EntityType, Mention
from .mentions import TRAILING_ALIAS_DECLARATION, SentenceView, select
from .tokens import dictionary_tag

CHAIN_JOINERS = ("、", "兼", "和", "及")
BIO_OPENER = re.compile(r"([\u4e00-\u9fff]{2,3})[，,](?:男|女)[，,]")
NAME_END_PUNCT = set("，。；：、！？,;:!?“”\"（）() \n")


@dataclass(frozen=True)
class PersonRole:
    person: Mention
    organisations: tuple[Mention, ...]
    title: str                 # as written, e.g. 联合创始人、联席CEO or 国际合作处副处长
    sentence: int


@lru_cache(maxsize=1)
def title_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, load().titles)))


def _is_han(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _ends_name(rest: str, lex: Lexicon) -> bool:
    return not rest or rest[0] in NAME_END_PUNCT or rest.startswith(lex.after_name) \
        or title_pattern().match(rest) is not None or _office_ahead().match(rest) is not None


@lru_cache(maxsize=1)
def _verbs_of_office() -> tuple[str, ...]:
    """接任, 出任, 担任…: verbs of taking or holding an office, of two characters or more."""
    lex = load()
    return tuple(v for v in lex.office_verbs + lex.promotion_verbs if len(v) > 1)


@lru_cache(maxsize=1)
def _office_ahead() -> re.Pattern:
    """A verb of office, perhaps after an adverbial (此前担任, 已于去年调任): a name may end before it."""
    return re.compile(rf"(?:{_adverbial_words()})*(?:{'|'.join(map(re.escape, _verbs_of_office()))})")


def _name_after(text: str, pos: int, lex: Lexicon) -> str | None:
    while pos < len(text) and text[pos] == " ":
        pos += 1
    for length in (3, 2):
        cand = text[pos:pos + length]
        if len(cand) != length or not _is_han(cand) or cand[0] not in lex.surnames:
            continue
        if length == 3 and text[pos + 2:].startswith(lex.after_name) \
                and title_pattern().match(text[pos + 3:]) is None:
            continue  # 李明和… is 李明 and…, but 包信和院士 is 包信和
        if length == 3 and cand[2] in TIME_AFTER and (dictionary_tag(cand[:2]) or "nr")[:2] != "nr":
            continue  # 博士|毕业后: a word and when, no name
        if length == 3 and cand.endswith("为") and title_pattern().match(text[pos + 3:]) is not None:
            continue  # 选举…董事长林晟为理事长: 为 before a title is the verb (张有为表示 keeps its 为)
        if length == 3 and _office_ahead().match(text, pos + 2):
            continue  # 副总经理陈默|接任董事会秘书, 总经理王芳|现兼任…: the 接 opens the verb, 现 its adverbial
        if length == 3 and cand[2] == "现" and text[pos + 3:pos + 4] in ("已", "在", "为", "正"):
            continue  # 首席技术官韩冰|现已加盟…: 现 opens an adverb
        if length == 2 and (dictionary_tag(cand) or "nr") in NOT_NAME_TAGS:
            continue  # 总经理|应该|是X: a modal verb, no given name
        if _ends_name(text[pos + length:], lex):
            return cand
    return None


# jieba's tags of two-character words that are never a person's name (应该, 可能, 已经)
NOT_NAME_TAGS = frozenset({"v", "d", "c", "p", "r", "u", "ad"})


# what may follow a word to say when (毕业后, 入职前, 上任时): such a word and it are no name
TIME_AFTER = frozenset("后前时")


def _name_before(text: str, pos: int, lex: Lexicon, org_ends: set[int]) -> str | None:
    for length in (3, 2):
        start = pos - length
        cand = text[start:pos] if start >= 0 else ""
        if len(cand) != length or not _is_han(cand) or cand[0] not in lex.surnames or cand[1:] in lex.time_words:
            continue  # (已于去年调任…: 于 is a surname, but 去年 no given name)
        before = text[start - 1] if start > 0 else ""
        if start == 0 or before in NAME_END_PUNCT or start in org_ends or text[:start].endswith(lex.titles) \
                or any(text[:start].endswith(b) for b in lex.left_boundaries_by_length):
            return cand
    return None


def _chains(text: str) -> list[tuple[int, int]]:
    """Runs of titles joined by 、/兼 (联合创始人、联席CEO), as (start, end)."""
    chains: list[list[int]] = []
    for m in title_pattern().finditer(text):
        if chains and text[chains[-1][1]:m.start()] in ("",) + CHAIN_JOINERS:
            chains[-1][1] = m.end()
        else:
            chains.append([m.start(), m.end()])
    return [(a, b) for a, b in chains]


def person_pass(sentence_views: list[SentenceView], mentions: list[Mention], lex: Lexicon | None = None
                ) -> tuple[list[Mention], list[PersonRole]]:
    lex = lex or load()
    found = list(mentions)
    roles: list[PersonRole] = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for view in sentence_views:
        text = view.text
        base = view.sentence.start
        local = by_sentence.get(view.sentence.index, [])
        orgs_by_end = {m.end - base: m for m in local if m.type is EntityType.ORGANISATION}
        occupied = [(m.start - base, m.end - base) for m in local]
        persons_at: dict[tuple[int, int], Mention] = {}  # a second title of a person found here
        org_spans = {m.start - base: m.end - base for m in local if m.type is EntityType.ORGANISATION}
        chains = _chains(text)
        office: tuple[str, int, int] | None = None  # (name, start, end of title) of the last 现任… role
        for chain_start, chain_end in chains:
            if any(a < chain_end and chain_start < b for a, b in occupied) \
                    or text.startswith(lex.title_compounds, chain_end):  # 当选为理事长单位
                continue
            title_start = chain_start
            own_org = None
            name = _name_after(text, chain_end, lex)
            if name is not None:
                name_start = text.index(name, chain_end)
                org_anchor = chain_start
                dept = _department_before(text, chain_start, orgs_by_end, lex)
                if dept is not None:
                    title_start = org_anchor = dept
            elif (serving := _person_in_office(text, chain_start, orgs_by_end, lex)
                  or _next_office(text, chain_start, office, orgs_by_end, lex)) is not None:
                name, name_start = serving
                org_anchor = chain_start
                office = (name, name_start, chain_end)
            elif (serving := _name_after_series(text, chain_end, chains, org_spans, lex)) is not None:
                name, name_start = serving
                org_anchor = chain_start
            elif (appointed := _appointed_to_own(text, chain_start, orgs_by_end, lex)) is not None:
                name, name_start, own_org = appointed
                org_anchor = chain_start
            elif (captioned := _name_before_brackets(text, chain_start, chain_end, orgs_by_end, lex)) is not None:
                name, name_start = captioned
                org_anchor = chain_start
            elif _organisations_before(text, chain_start, orgs_by_end) \
                    and (holder := _held_by(text, chain_end, lex, orgs_by_end)) is not None:
                name, name_start = holder
                org_anchor = chain_start
            else:
                last_title = title_pattern().match(text, _last_title_start(text, chain_start, chain_end))
                if last_title is None or last_title.group(0) not in lex.honorific_titles:
                    continue
                name = _name_before(text, chain_start, lex, set(orgs_by_end))
                if name is None:
                    continue
                name_start = chain_start - len(name)
                org_anchor = name_start
                appointed_as = title_pattern().match(text, chain_end + 1) if text.startswith("为", chain_end) else None
                if appointed_as is not None:  # A公司聘请李俊教授为首席科学家: A's 首席科学家, no 教授 of A
                    verb = next((v for v in lex.appointing_verbs if text[:name_start].endswith(v)), None)
                    if verb is None:
                        continue
                    own_org = orgs_by_end.get(name_start - len(verb))
                    title_start, chain_end = appointed_as.span()
                    occupied.append((title_start, chain_end))
            name_end = name_start + len(name)
            person = persons_at.get((name_start, name_end))
            if person is None:
                if any(a < name_end and name_start < b for a, b in occupied):
                    continue
                person = Mention(name, base + name_start, base + name_end, EntityType.PERSON, None,
                                 view.sentence.index, "person")
                found.append(person)
                occupied.append((name_start, name_end))
                persons_at[name_start, name_end] = person
            orgs = [own_org] if own_org is not None else _organisations_before(text, org_anchor, orgs_by_end)
            title = text[title_start:chain_end]
            roles.append(PersonRole(person, tuple(orgs), title, view.sentence.index))
    return select(found), roles


def _person_in_office(text: str, title_start: int, orgs_by_end: dict[int, Mention], lex: Lexicon
                      ) -> tuple[str, int] | None:
    """刘建国曾任北京市海淀区人民政府副区长, 任命刘建国为…管理委员会副主任: the person named
    before a verb of office, the organisation and title after it; (name, start) or None."""
    orgs = _organisations_before(text, title_start, orgs_by_end)
    if not orgs:
        return None
    sentence_start = orgs[-1].end - title_start  # mentions hold document offsets; `text` is the sentence
    verb_end = orgs[0].start - sentence_start
    for verb in lex.office_verbs + ("为",):
        if not text.startswith(verb, verb_end - len(verb)):
            continue
        verb_start = verb_end - len(verb)
        adverbial = _adverbials().search(text, 0, verb_start)
        adverb = adverbial.group() if adverbial else ""
        name = _name_before(text, verb_start - len(adverb), lex, set(orgs_by_end))  # X此前担任…, X已于去年调任…
        if name is None:
            # 王晓东，男，1972年出生，博士，现任…所长: the person a biography opens with
            bio = BIO_OPENER.match(text)
            if bio is not None and bio.group(1)[0] in lex.surnames and text.startswith("，", verb_end - len(verb) - 1):
                return bio.group(1), 0
            return None  # not 任 of 同时担任 for a verb: a shorter verb here only ends the longer one
        name_start = verb_start - len(adverb) - len(name)
        if verb == "为" and not text[:name_start].endswith(lex.appointing_verbs):
            continue
        return name, name_start
    return None


@lru_cache(maxsize=1)
def _adverbials() -> re.Pattern:
    """What may stand between a name and its verb of office (X同志此前担任, X已于去年调任, X于2024年3月出任)."""
    return re.compile(rf"(?:{_adverbial_words()})+$")


@lru_cache(maxsize=1)
def _adverbial_words() -> str:
    lex = load()
    words = "|".join(map(re.escape, sorted({*lex.office_adverbs, *lex.forms_of_address, *lex.time_words}, key=len,
                                              reverse=True)))
    return rf"{words}|已经|已|将|于(?:\d{{4}}年)?(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?"


def _appointed_to_own(text: str, title_start: int, orgs_by_end: dict[int, Mention], lex: Lexicon
                      ) -> tuple[str, int, Mention] | None:
    """经X集团董事会研究决定，任命Y(女士)为集团总经理: the bare noun before the title is the organisation of
    that kind named earlier in the sentence; A公司聘任Y为首席技术官: A, named right before the verb;
    (name, start, organisation) or None."""
    noun = next((n for n in lex.anaphor_kinds if text.startswith(n, title_start - len(n))), "")
    if not text.startswith("为", title_start - len(noun) - 1):
        return None
    verb_at = title_start - len(noun) - 1
    address = next((a for a in lex.forms_of_address if text.startswith(a, verb_at - len(a))), "")  # 聘任X女士为公司…
    name = _name_before(text, verb_at - len(address), lex, set(orgs_by_end))
    if name is None:
        return None
    name_start = verb_at - len(address) - len(name)
    verb = next((v for v in lex.appointing_verbs if text[:name_start].endswith(v)), None)
    if verb is None:
        return None
    if not noun:
        own = orgs_by_end.get(name_start - len(verb))
        return (name, name_start, own) if own is not None else None
    kind = lex.anaphor_kinds[noun]
    for end in sorted((e for e in orgs_by_end if e <= name_start), reverse=True):
        org = orgs_by_end[end]
        if org.text.endswith(noun) or org.subtype == kind:
            return name, name_start, org
    return None


def _held_by(text: str, title_end: int, lex: Lexicon, orgs_by_end: dict[int, Mention]) -> tuple[str, int] | None:
    """江南研究院院长由中国工程院院士、江州大学教授葛远衡担任: the person named right before the verb
    of office that ends the clause opened by 由 after the title; (name, start) or None.  Only after an
    organisation's name: a bare noun before the title (实验室主任由…) may point anywhere."""
    held = HELD_BY.match(text, title_end)
    if held is None:
        return None
    name = _name_before(text, held.end(1), lex, set(orgs_by_end))
    return (name, held.end(1) - len(name)) if name is not None else None


HELD_BY = re.compile(r"由([^，。；由]{2,40}?)(?:担任|出任|兼任)")


def _next_office(text: str, title_start: int, office: tuple[str, int, int] | None,
                 orgs_by_end: dict[int, Mention], lex: Lexicon) -> tuple[str, int] | None:
    """现任A所长、B研究员, 此前担任A董事长，曾任B副总经理: an organisation and title joined by 、
    (or by a comma and another verb of office) to the last office held are the same person's;
    (name, start) or None."""
    orgs = _organisations_before(text, title_start, orgs_by_end)
    if office is None or not orgs:
        return None
    sentence_start = orgs[-1].end - title_start
    between = text[office[2]:orgs[0].start - sentence_start]
    joined = between == "、" or between[:1] == "，" and between[1:] in lex.office_verbs
    return office[:2] if joined else None


def _name_after_series(text: str, pos: int, chains: list[tuple[int, int]], org_spans: dict[int, int],
                       lex: Lexicon) -> tuple[str, int] | None:
    """中国科学院院士、清华大学教授薛其坤: a title at `pos` is one of a 、-series of organisation and
    title that ends with the person's name; (name, start) or None."""
    for start, end in chains:
        if start < pos:
            continue
        org_end = org_spans.get(pos + 1)  # 、清华大学(计算机系)教授
        if not text.startswith("、", pos) or org_end is None \
                or not (org_end == start or _is_department(text[org_end:start], lex)):
            return None
        name = _name_after(text, end, lex)
        if name is not None:
            return name, text.index(name, end)
        pos = end
    return None


def _last_title_start(text: str, start: int, end: int) -> int:
    last = start
    for m in title_pattern().finditer(text, start, end):
        last = m.start()
    return last


def _name_before_brackets(text: str, title_start: int, title_end: int, orgs_by_end: dict[int, Mention],
                          lex: Lexicon) -> tuple[str, int] | None:
    """苏慕白（北京X有限公司创始人、首席科学家）: a name, then its organisation and title in brackets (an
    interview's speaker, a caption) -> (name, start)."""
    org = orgs_by_end.get(title_start)
    if org is None or text[title_end:title_end + 1] not in ("）", ")"):
        return None
    bracket = title_start - (org.end - org.start) - 1
    if bracket < 1 or text[bracket] not in ("（", "("):
        return None
    name = _name_before(text, bracket, lex, set(orgs_by_end))
    return (name, bracket - len(name)) if name is not None else None


def _department_before(text: str, pos: int, orgs_by_end: dict[int, Mention], lex: Lexicon) -> int | None:
    """国际合作处 in ORG国际合作处副处长: kept in the title, not an organisation."""
    for org_end in sorted(orgs_by_end, reverse=True):
        if org_end < pos and _is_department(text[org_end:pos], lex):
            return org_end
    return None


def _is_department(between: str, lex: Lexicon) -> bool:
    """国际合作处, 计算机系: a few characters of a unit inside the organisation before them."""
    return len(between) <= 8 and _is_han(between) and between.endswith(lex.department_in_title)


def _organisations_before(text: str, pos: int, orgs_by_end: dict[int, Mention]) -> list[Mention]:
    """The organisation ending where the title starts (or its short name's declaration does),
    and any joined to it by 、."""
    # X（以下简称“Y”）首席执行官Z: the title follows the short name's declaration
    declared = TRAILING_ALIAS_DECLARATION.search(text, 0, pos) if pos not in orgs_by_end else None
    if declared is not None:
        pos = declared.start()
    orgs = []
    while pos in orgs_by_end:
        org = orgs_by_end[pos]
        orgs.insert(0, org)
        rel_start = pos - (org.end - org.start)
        if rel_start > 0 and text[rel_start - 1] == "、":
            pos = rel_start - 1
        else:
            break
    return orgs
