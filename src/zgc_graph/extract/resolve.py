"""One entity per real-world thing, whatever names the text uses for it.

Names are linked when the text declares an alias (X(以下简称“Y”)), or when they
differ only in ways Chinese naming allows: a country or city in front
(英国X集团 / X集团), a company form (X集团 / X科技 / X(北京)医疗科技有限公司),
a zone designation (X科技园区 / X示范区), an abbreviation that keeps the first
and last characters (上海证券交易所 / 上交所), a policy's generic tail
(X改革措施 / X政策), or an office named by its level (市政府 / 天津市政府).
Every rule works through a lookup table, so merging stays linear in the
number of names.  The fullest name becomes the label.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from ..lexicon import Lexicon, load
from ..models import (Attribute, Corpus, DocumentExtraction, Entity, EntityType, Membership, Mention,
                      Relation, SYMMETRIC_RELATIONS)
from .mentions import ALIAS_DECLARATION, HAN, PRIORITY, is_level_office
from .tokens import dictionary_tag, is_distinctive, longest_place_word, segment_name

QUOTE_CHARS = "《》“”\"‘’「」『』 \u3000"
YEAR_PREFIX = re.compile(r"^(?:19|20)\d\d年?(?=\D{2})")


_DROP_QUOTES = str.maketrans("", "", QUOTE_CHARS)


def name_key(name: str) -> str:
    """Names compare without quotes, book-title marks and spaces."""
    return name.translate(_DROP_QUOTES)


@dataclass
class NameRecord:
    """A name as seen in the text, with the evidence for its type."""

    surface: str
    type: EntityType
    subtype: str | None
    rank: int                       # priority of the best rule that found it
    first_seen: int                 # offset of its first occurrence (for tie-breaking)
    doc_ids: set[str] = field(default_factory=set)


class _UnionFind:
    """Union-find over name keys that refuses to join names known to differ."""

    def __init__(self, distinct: set[frozenset[str]] | None = None) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.distinct = distinct or set()
        # per group: document -> the entity that document resolved these names to;
        # a document's own decision that two names differ is kept when merging
        self.owners: dict[str, dict[str, str]] = {}

    def add(self, key: str, owners: dict[str, str] | None = None) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.members[key] = {key}
            self.owners[key] = dict(owners or {})

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.distinct and any(frozenset((x, y)) in self.distinct
                                 for x in self.members[ra] for y in self.members[rb]):
            return
        oa, ob = self.owners[ra], self.owners[rb]
        if any(oa[doc] != ob[doc] for doc in oa.keys() & ob.keys()):
            return
        keep, drop = min(ra, rb), max(ra, rb)
        self.parent[drop] = keep
        self.members[keep] |= self.members.pop(drop)
        self.owners[keep] = {**self.owners.pop(drop), **self.owners[keep]}


def _strip_year(key: str) -> str:
    return YEAR_PREFIX.sub("", key)


BRACKETED = re.compile(r"[(（][^)）]{1,8}[)）]")


def _company_core(key: str, lex: Lexicon) -> str:
    return _company_stages(key, lex)[-1]


def _company_stages(key: str, lex: Lexicon) -> list[str]:
    """The name as each company tail comes off: 联影医疗科技股份有限公司, 联影医疗科技, 联影医疗, 联影."""
    stages = [BRACKETED.sub("", key)]
    changed = True
    while changed:
        changed = False
        for tail in lex.company_tails:
            core = stages[-1]
            if core.endswith(tail) and len(core) - len(tail) >= 2:
                stages.append(core[: -len(tail)])
                changed = True
    return stages


def _is_place(text: str, lex: Lexicon) -> bool:
    if text in lex.country_prefixes:
        return True
    if dictionary_tag(text) != "ns":  # a lone place token is a dictionary word: skip segmenting
        return False
    tokens = segment_name(text)
    return len(tokens) == 1 and tokens[0].tag == "ns"


def _place_prefix(key: str, lex: Lexicon) -> str | None:
    """The country or Chinese place a name starts with (英国, 北京), if any."""
    memo = lex.memo("place_prefix")  # asked for the same names in every pass and every document
    if key not in memo:
        kept = lex.memo("place_prefix.kept")  # a previous build's answers (see memo.py)
        memo[key] = kept[key] if key in kept else _find_place_prefix(key, lex)
    return memo[key]


def _find_place_prefix(key: str, lex: Lexicon) -> str | None:
    for country in lex.country_prefixes:
        if key.startswith(country):
            return country
    # a leading place token is a dictionary word tagged ns: segment only names that start with one
    if not any(dictionary_tag(key[:end]) == "ns" for end in range(1, min(len(key), longest_place_word()) + 1)):
        return None
    tokens = segment_name(key)
    if len(tokens) > 1 and tokens[0].tag == "ns":
        return tokens[0].text
    return None


def _line_of_business(text: str, lex: Lexicon) -> bool:
    """机器人, 基金管理, 新能源科技: words of a trade only (`industry_words`), which name no one company."""
    reachable = [True] + [False] * len(text)
    for i in range(len(text)):
        if reachable[i]:
            for j in range(i + 1, len(text) + 1):
                if text[i:j] in lex.industry_words:
                    reachable[j] = True
    return reachable[-1]


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def link_names(records: dict[str, NameRecord], links: list[tuple[str, str]], lex: Lexicon,
               *, within_document: bool, distinct: set[frozenset[str]] | None = None,
               owners: dict[str, dict[str, str]] | None = None) -> _UnionFind:
    """Union names that denote the same thing; `links` are pairs already known,
    `distinct` pairs the text shows to be different things."""
    uf = _UnionFind(distinct)
    for key in records:
        uf.add(key, (owners or {}).get(key))
    for a, b in links:
        if a in records and b in records:
            uf.union(a, b)
    by_type: dict[EntityType, list[str]] = defaultdict(list)
    for key, rec in records.items():
        by_type[rec.type].append(key)

    def group_by(keys, keyfunc):
        groups: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            k = keyfunc(key)
            if k:
                groups[k].append(key)
        for members in groups.values():
            for other in members[1:]:
                uf.union(members[0], other)

    orgs = by_type[EntityType.ORGANISATION]
    platforms = by_type[EntityType.PLATFORM]
    policies = by_type[EntityType.POLICY]

    # the same name with a year in front: 2021X论坛 = X论坛
    for etype_keys in by_type.values():
        group_by(etype_keys, lambda k: _strip_year(k) if len(_strip_year(k)) >= 2 else None)

    # company forms: X集团 = X科技 = X(北京)医疗科技有限公司 = X
    companies = [k for k in orgs if records[k].subtype in (None, "Company")]
    cores = {k: _company_core(k, lex) for k in companies}
    _keep_registered_names_apart(companies, cores, uf)
    group_by(companies, lambda k: cores[k] if len(cores[k]) >= 2 else None)

    def _share_a_document(a: str, b: str) -> bool:
        return bool(owners and owners.get(a, {}).keys() & owners.get(b, {}).keys())

    # a place in front: 英国X集团 = X集团, and 北京X科技有限公司 = X for companies
    company_by_core = {core: k for k, core in cores.items()}
    for etype_keys in (orgs, platforms):
        present = set(etype_keys)
        for key in etype_keys:
            place = _place_prefix(key, lex)
            if place:
                rest = key[len(place):]
                if rest not in present and records[key].subtype in (None, "Company"):
                    rest = company_by_core.get(_company_core(rest, lex), rest)
                if rest in present and rest not in lex.generic_names and len(rest) >= 2 \
                        and (within_document or not is_level_office(rest, lex) or _share_a_document(key, rest)):
                    uf.union(key, rest)  # across documents, 江州|市政府 is no 市政府 of another city

    # offices with their ending abbreviated: X科委 = X科学技术委员会, X高新区管委会 = X管理委员会
    group_by(orgs, lambda k: _office_key(k, lex))

    # zone designations: X科技园区 = X示范区 = X国家自主创新示范区
    group_by(platforms, lambda k: _zone_place(k, lex))

    # policies that differ only in a generic tail or a leading place/qualifier
    platform_names = set(platforms)

    def policy_core(key: str) -> str | None:
        core = key
        for end in range(len(key) - 3, 0, -1):  # the longest platform name the key starts with
            if key[:end] in platform_names:
                core = key[end:]
                break
        place = _place_prefix(core, lex)
        if place and len(core) - len(place) >= 3:
            core = core[len(place):]
        for mod in lex.drop_modifiers:
            if core.startswith(mod):
                core = core[len(mod):]
        for tail in lex.policy_core_tails:
            if core.endswith(tail) and len(core) - len(tail) >= 3:
                core = core[: -len(tail)]
                break
        return core if len(core) >= 3 else None
    group_by(policies, policy_core)

    if within_document:
        _link_abbreviations(records, orgs + platforms, uf, lex)
        _link_level_offices(orgs, uf, lex)
        _link_shortened_cores(records, orgs + platforms, uf, lex)
        _link_short_titles(policies, uf, {name for pair in links for name in pair})
    return uf


def _keep_registered_names_apart(companies: list[str], cores: dict[str, str], uf: _UnionFind) -> None:
    """Two registered names that differ before their legal form are two companies, however alike their
    cores (北京数境科技有限公司, 北京数境控股集团有限公司); 有限公司 and 股份有限公司 of one name are one."""
    by_core: dict[str, dict[str, str]] = defaultdict(dict)
    for key in companies:
        form = next((f for f in LEGAL_FORMS if key.endswith(f)), None)
        if form is not None and len(key) > len(form):
            by_core[cores[key]][key] = key[:-len(form)]
    for registered in by_core.values():
        for a, b in combinations(sorted(registered), 2):
            if registered[a] != registered[b]:
                uf.distinct.add(frozenset((a, b)))


def _link_short_titles(keys: list[str], uf: _UnionFind, declared: set[str]) -> None:
    """《指导意见》 after 《关于…的指导意见》: a short title that ends the one full title (unless the text
    declared whose it is: 《A（试行）》（以下简称《办法》）…《B暂行办法》同时废止)."""
    for key in keys:
        if len(key) > 8 or key in declared:
            continue
        fuller = [k for k in keys if k != key and k.endswith(key) and len(k) > len(key) + 3]
        if len(fuller) == 1:
            uf.union(key, fuller[0])


def _link_shortened_cores(records: dict[str, NameRecord], keys: list[str], uf: _UnionFind, lex: Lexicon) -> None:
    """5G创新联合体 -> 5G智能终端创新联合体: same suffix, the shorter core starts the longer,
    or starts it after its place (智源研究院 -> 北京智源人工智能研究院) or after its parent and place
    (安贞医院 -> 首都医科大学附属北京安贞医院).

    Place names are not cores (江州大学 is not short for 江州理工大学), nor is any university's: a field
    between its place and 大学 makes another university (云湖大学, 云湖理工大学), known place or not.
    """
    by_suffix: dict[tuple[str, EntityType], list[tuple[str, str, str]]] = defaultdict(list)
    for key in keys:
        for n in range(min(len(key) - 2, lex.max_suffix_len), 1, -1):
            suf = lex.suffixes.get(key[-n:])
            if suf is not None and suf.strong:
                if records[key].subtype == "University":
                    break
                core = key[:-n]
                by_suffix[(key[-n:], records[key].type)].append((core, _unplaced_cores(core, lex), key))
                break
    for members in by_suffix.values():
        for core, _, key in members:
            if len(core) < 2 or _is_place(core, lex) or core in lex.generic_modifiers:
                continue
            longer = [k for c, unplaced, k in members if c != core and (c.startswith(core) or any(
                u.startswith(core) for u in unplaced))]
            if len(longer) == 1:
                uf.union(key, longer[0])


def _unplaced_cores(core: str, lex: Lexicon) -> tuple[str, ...]:
    """The core without its place, and without its parent and the place after it (首都医科大学附属|北京|安贞)."""
    cores = []
    for part in (core, *(core.rsplit(m, 1)[1] for m in lex.affiliation_markers if m in core)):
        place = _place_prefix(part, lex)
        cores.append(part[len(place):] if place else part)
    return tuple(cores)


def _link_abbreviations(records: dict[str, NameRecord], keys: list[str], uf: _UnionFind, lex: Lexicon) -> None:
    """上交所 -> 上海证券交易所: same first and last character, in order, shorter."""
    by_ends: dict[tuple[str, str, EntityType], list[str]] = defaultdict(list)
    for key in keys:
        by_ends[(key[0], key[-1], records[key].type)].append(key)
    for key in keys:
        if len(key) < 3:
            continue
        suf = next((lex.suffixes[key[-n:]] for n in range(min(len(key), lex.max_suffix_len), 0, -1)
                    if key[-n:] in lex.suffixes), None)
        if suf is not None and suf.strong and key not in lex.standalone_names:
            continue  # a full name; a standalone one (上交所) is short for one
        longer = [k for k in by_ends[(key[0], key[-1], records[key].type)]
                  if len(k) >= len(key) + 2 and key not in k and _is_subsequence(key, k)]
        if len(longer) == 1:
            uf.union(key, longer[0])


def _link_level_offices(keys: list[str], uf: _UnionFind, lex: Lexicon) -> None:
    """市政府 -> the one 天津市政府 of the same document; 市科委 -> its 北京市科学技术委员会."""
    spelled = {k: "".join(ending) if (ending := _office_ending(k, lex)) else k for k in keys}
    for key in keys:
        if not key.startswith(lex.level_prefixes) or len(key) > 5:
            continue
        fuller = {uf.find(k) for k in keys if k != key and spelled[k].endswith(spelled[key])}
        if len(fuller) == 1:
            uf.union(key, fuller.pop())


def _office_ending(key: str, lex: Lexicon) -> tuple[str, str] | None:
    """北京市科委 -> (北京市, 科学技术委员会): the head and the office ending written in full."""
    if not key.endswith(lex.office_endings):
        return None
    for short, full in lex.suffix_abbreviations.items():
        for ending in (full, short):
            if key.endswith(ending):
                return key[: -len(ending)], full
    return None


def _office_key(key: str, lex: Lexicon) -> str | None:
    """What two names of one office share: the ending spelled out, a zone designation before it
    dropped (中关村科技园区管理委员会, 中关村管委会 -> 中关村管理委员会); None for other names."""
    found = _office_ending(key, lex)
    if found is None:
        return None
    head, full = found
    head = _zone_place(head, lex) or head
    return head + full if len(head) >= 2 else None


def _zone_place(key: str, lex: Lexicon) -> str | None:
    """中关村科技园区 -> 中关村: the name without its zone designation (None when it has none)."""
    for designation in lex.zone_designations:
        if key.endswith(designation) and len(key) - len(designation) >= 2:
            return key[: -len(designation)]
    return None


def _better_type(a: NameRecord, b: NameRecord) -> NameRecord:
    return a if (a.rank, a.subtype is not None) >= (b.rank, b.subtype is not None) else b


def entities_from(records: dict[str, NameRecord], uf: _UnionFind) -> tuple[dict[str, Entity], dict[str, str]]:
    """Entities keyed by label, and each name key -> its entity's label."""
    groups: dict[str, list[str]] = defaultdict(list)
    for key in records:
        groups[uf.find(key)].append(key)
    entities: dict[str, Entity] = {}
    label_of: dict[str, str] = {}
    for members in groups.values():
        recs = [records[k] for k in members]
        best = recs[0]
        for rec in recs[1:]:
            best = _better_type(best, rec)
        same_type = [r for r in recs if r.type is best.type]
        # the fullest Chinese name (美国高通公司, not Qualcomm)
        label_rec = max(same_type, key=lambda r: (HAN.search(r.surface) is not None, len(name_key(r.surface)),
                                                  -r.first_seen, r.surface))
        label = label_rec.surface
        subtype = label_rec.subtype or best.subtype or next((r.subtype for r in same_type if r.subtype), None)
        entity = entities.get(label)
        if entity is None:
            entity = entities[label] = Entity(label=label, type=best.type, subtype=subtype)
        for rec in recs:
            if rec.surface != label:
                entity.aliases.add(rec.surface)
            entity.doc_ids |= rec.doc_ids
        for key in members:
            label_of[key] = label
    return entities, label_of


# --------------------------------------------------------------- one document

@dataclass
class DocumentEntities:
    entities: dict[str, Entity]
    label_of: dict[str, str]            # name key -> entity label

    def label(self, mention: Mention) -> str | None:
        return self.label_of.get(name_key(mention.text))

    def names(self) -> dict[str, tuple[EntityType, str | None]]:
        """Every name (label and alias) with its entity's type, for finding more mentions."""
        out = {}
        for entity in self.entities.values():
            for name in entity.names:
                out[name] = (entity.type, entity.subtype)
        return out

    def _companies(self) -> list[Entity]:
        return [e for e in self.entities.values()
                if e.type is EntityType.ORGANISATION and e.subtype in (None, "Company")]

    def _new_short_name(self, short: str, lex: Lexicon) -> bool:
        return len(short) >= 2 and short not in self.label_of and short not in lex.generic_names \
            and short not in lex.generic_modifiers and not _is_place(short, lex) and not _line_of_business(short, lex)

    def short_forms(self, lex: Lexicon) -> dict[str, tuple[EntityType, str | None]]:
        """Company names without their company form (京东方 for 京东方科技集团), to look for; one that two
        companies of the document share (机器人 of 青溪机器人有限公司 and 云湖机器人有限公司) stands for neither."""
        out = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in self._companies():
            for name in entity.names:
                *stages, core = _company_stages(name_key(name), lex)
                place = _place_prefix(core, lex)
                for short in (core, core[len(place):] if place else ""):
                    if self._new_short_name(short, lex) \
                            and (len(short) >= 3 or any(is_distinctive(t) for t in segment_name(short))):
                        out[short] = (entity.type, entity.subtype)
                        owners[short].add(entity.label)
                # 联影医疗 for 联影医疗科技股份有限公司: a tail left on, but more than a place and a tail;
                # 芯源微电子 for 北京芯源微电子有限公司, without its place as well
                for stage in stages[1:]:
                    unplaced = stage[len(place or ""):]
                    if len(_company_core(unplaced, lex)) < 2 or unplaced in lex.company_tails:
                        continue
                    for short in (stage, unplaced):
                        if self._new_short_name(short, lex):
                            out[short] = (entity.type, entity.subtype)
                            owners[short].add(entity.label)
        return {short: kind for short, kind in out.items() if len(owners[short]) == 1}

    def name_prefixes(self, lex: Lexicon) -> dict[str, str]:
        """Company names cut after a word (长飞光纤 for 长飞光纤光缆股份有限公司, 中芯国际 for
        中芯国际集成电路制造有限公司) -> the label they stand for.

        No company-form rule links these, so the caller declares each one it finds.  At least four
        characters, two left over, more than a place and an industry word (北京科技 is no one's),
        and a prefix of two companies of the document stands for neither.  A prefix that opens with
        a place stands also without it when four characters are left (星河动力).
        """
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in self._companies():
            for name in entity.names:
                core = _company_core(name_key(name), lex)
                for token in segment_name(core)[:-1]:
                    prefix = core[:token.end]
                    if len(prefix) >= 4 and len(core) - len(prefix) >= 2:
                        owners[prefix].add(entity.label)
        out = {}
        without_place: dict[str, set[str]] = defaultdict(set)  # 星河动力 for 北京星河动力航天科技股份有限公司
        for prefix, labels in sorted(owners.items()):
            place = _place_prefix(prefix, lex) or ""
            rest = prefix[len(place):]
            if len(labels) == 1 and self._new_short_name(prefix, lex) and len(rest) >= 2 \
                    and rest not in lex.company_tails and rest not in lex.generic_names:
                out[prefix] = next(iter(labels))
                if place and len(rest) >= 4 and self._new_short_name(rest, lex):
                    without_place[rest] |= labels
        out.update({rest: next(iter(labels)) for rest, labels in without_place.items()
                    if len(labels) == 1 and rest not in out})
        return out


def resolve_document(doc_id: str, text: str, mentions: list[Mention], lex: Lexicon | None = None,
                     extra_names: dict[str, str] | None = None) -> DocumentEntities:
    """Group a document's mentions into entities; `extra_names` maps alias -> name it stands for."""
    lex = lex or load()
    records: dict[str, NameRecord] = {}
    for m in mentions:
        key = name_key(m.text)
        if len(key) < 2:
            continue
        rec = NameRecord(m.text, m.type, m.subtype, PRIORITY.get(m.rule, 0), m.start, {doc_id})
        old = records.get(key)
        records[key] = rec if old is None else _merge_record(old, rec)
    links = []
    for alias, target in (extra_names or {}).items():
        a, t = name_key(alias), name_key(target)
        if t in records and a not in records:
            base = records[t]
            records[a] = NameRecord(alias, base.type, base.subtype, base.rank - 1, len(text), {doc_id})
        links.append((a, t))
    links += _without_legal_form(records, lex)
    uf = link_names(records, links, lex, within_document=True, distinct=distinct_names(text, mentions))
    entities, label_of = entities_from(records, uf)
    for label in [l for l in entities if _is_bare_office(l, lex)]:
        del entities[label]
        label_of = {k: v for k, v in label_of.items() if v != label}
    return DocumentEntities(entities, label_of)


def _without_legal_form(records: dict[str, NameRecord], lex: Lexicon) -> list[tuple[str, str]]:
    """北京人形机器人创新中心 in an article about 北京人形机器人创新中心有限公司: the company without its
    legal form, whatever its own suffix made it (a platform here), is the company.  Retypes that
    name's record and returns the links to make."""
    links = []
    for key, rec in list(records.items()):
        if rec.type is not EntityType.ORGANISATION or rec.subtype not in (None, "Company"):
            continue
        stages = _company_stages(key, lex)
        short = stages[1] if len(stages) > 1 else None
        if short in records and len(short) >= 4 and key.startswith(short) and key[len(short):] in LEGAL_FORMS:
            old = records[short]
            records[short] = NameRecord(old.surface, rec.type, rec.subtype, min(rec.rank, old.rank) - 1,
                                        old.first_seen, old.doc_ids)
            links.append((short, key))
    return links


def _is_bare_office(label: str, lex: Lexicon) -> bool:
    """市政府 alone names no particular government."""
    return label.startswith(lex.level_prefixes) and len(label) <= 4 and label[1:] in ("政府", "委", "委员会", "政府办")


# 北京经济技术开发区（北京亦庄）: a short name in brackets, followed by punctuation or a verb, not more name
BRACKETED_SHORT_NAME = re.compile(r"[(（]([\u4e00-\u9fff]{2,8})[)）](?![\u4e00-\u9fff]{0,3}(?:院|所|校|部|中心|公司))")
BRACKETED_LATIN_NAME = re.compile(r"[(（]([A-Za-z][A-Za-z0-9&.\- ]{2,30})[)）]")
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
DISTINCT_TRIGGERS = ("前身", "更名为", "改名为", "组成部分", "隶属", "下属", "旗下", "子公司", "成员")
# what joins two names of one list or two parties (A、B, A与B签署…): the names are two things
DISTINCT_JOINERS = frozenset({"、", "与", "和", "及", "同", "以及"})
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司")
# …and what, right after the second name, makes the first its unit (A是B的全资子公司, A为B旗下企业)
DISTINCT_AFTER = re.compile(r"的?(?:全资|控股|参股)?(?:子公司|孙公司|分公司|旗下|下属)")


def distinct_names(text: str, mentions: list[Mention]) -> set[frozenset[str]]:
    """Names the text itself keeps apart: the two sides of 前身/组成部分…, items of one list, two
    names joined by 与/和 (北京汀兰控股有限公司与北京汀兰科技有限公司签署协议: two companies), and a unit
    and its parent (A是B的全资子公司)."""
    pairs: set[frozenset[str]] = set()
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    for group in by_sentence.values():
        group.sort(key=lambda m: m.start)
        for a, b in zip(group, group[1:]):
            between = text[a.end:b.start]
            if between in DISTINCT_JOINERS or any(t in between for t in DISTINCT_TRIGGERS) \
                    or DISTINCT_AFTER.match(text, b.end):
                ka, kb = name_key(a.text), name_key(b.text)
                if ka != kb:
                    pairs.add(frozenset((ka, kb)))
    return pairs


def _merge_record(old: NameRecord, new: NameRecord) -> NameRecord:
    best = _better_type(old, new)
    return NameRecord(old.surface if old.first_seen <= new.first_seen else new.surface, best.type, best.subtype,
                      best.rank, min(old.first_seen, new.first_seen), old.doc_ids | new.doc_ids)


def declared_aliases(text: str, mentions: list[Mention], lex: Lexicon | None = None) -> dict[str, str]:
    """X(以下简称“Y”): Y names the mention that ends right before the bracket (or the 》 of its title);
    so does a bare short name in brackets that begins as X does (北京经济技术开发区（北京亦庄）), and an
    organisation's name in Latin letters (美国高通公司（Qualcomm）)."""
    lex = lex or load()
    by_end = {m.end: m for m in mentions}
    found = {}
    for match in ALIAS_DECLARATION.finditer(text):
        start = match.start()
        owner = by_end.get(start) or (by_end.get(start - 1) if text[start - 1:start] == "》" else None)
        if owner is not None:
            found[match.group(1).strip()] = owner.text
    for match in BRACKETED_SHORT_NAME.finditer(text):
        owner, short = by_end.get(match.start()), match.group(1)
        if owner is not None and owner.type is not EntityType.PERSON and short[0] == owner.text[0] \
                and len(short) < len(owner.text) and not _is_place(short, lex) and short not in lex.generic_names:
            found.setdefault(short, owner.text)
    for match in BRACKETED_LATIN_NAME.finditer(text):  # 美国高通公司（Qualcomm）
        owner = by_end.get(match.start())
        if owner is not None and owner.type is EntityType.ORGANISATION:
            found.setdefault(match.group(1).strip(), owner.text)
    return found


# ---------------------------------------------------------- across documents

def merge_documents(extractions: list[DocumentExtraction], *, min_confidence: float = 0.0,
                    lex: Lexicon | None = None) -> Corpus:
    """Merge per-document entities into one set; relations follow their entities."""
    lex = lex or load()
    records: dict[str, NameRecord] = {}
    links: list[tuple[str, str]] = []
    owners: dict[str, dict[str, str]] = defaultdict(dict)
    contested = _contested_aliases(extractions)
    for order, ext in enumerate(extractions):
        for entity in sorted(ext.entities.values(), key=lambda e: e.label):
            label_key = name_key(entity.label)
            for name in sorted(entity.names, key=lambda n: (n != entity.label, n)):
                key = name_key(name)
                if name != entity.label and (is_level_office(key, lex) or _generic_office(key, lex) or key in contested):
                    # 市政府 is 北京市政府 in one article and 天津市政府 in the next, 园区管委会 one park's
                    # committee or another's, and 星河 (以下简称“星河”) may be declared for two companies in two
                    # articles: an alias that only its own document resolves joins nothing across documents
                    key = f"{key}\x00{ext.document.doc_id}"
                owners[key][ext.document.doc_id] = entity.label
                rank = 2 if name == entity.label else 1
                rec = NameRecord(name, entity.type, entity.subtype, rank, order, set(entity.doc_ids))
                old = records.get(key)
                if old is None:
                    records[key] = rec
                else:
                    old.doc_ids |= rec.doc_ids
                    if old.type is not rec.type and rank > old.rank:
                        records[key] = NameRecord(old.surface, rec.type, rec.subtype, rank, old.first_seen,
                                                  old.doc_ids)
                links.append((key, label_key))
    uf = link_names(records, links, lex, within_document=False, owners=owners)
    entities, label_of = entities_from(records, uf)

    def relabel(label: str) -> str:
        return label_of.get(name_key(label), label)

    relations: list[Relation] = []
    attributes: list[Attribute] = []
    memberships: list[Membership] = []
    for ext in extractions:
        for rel in ext.relations:
            if rel.confidence < min_confidence:
                continue
            s, o = relabel(rel.subject), relabel(rel.object)
            if s == o:
                continue
            if rel.predicate in SYMMETRIC_RELATIONS and o < s:
                s, o = o, s
            relations.append(Relation(s, rel.predicate, o, rel.evidence, rel.rule, rel.confidence))
        for att in ext.attributes:
            if att.confidence >= min_confidence:
                attributes.append(Attribute(relabel(att.subject), att.property, att.value, att.evidence,
                                            att.rule, att.confidence, att.precision))
        for mem in ext.memberships:
            if mem.confidence >= min_confidence:
                memberships.append(Membership(relabel(mem.person),
                                              relabel(mem.organisation) if mem.organisation else None,
                                              mem.title, mem.evidence, mem.rule, mem.confidence))
    return Corpus(
        documents=[ext.document for ext in extractions],
        entities=dict(sorted(entities.items())),
        relations=sorted(set(relations), key=_relation_order),
        attributes=sorted(set(attributes), key=lambda a: (a.subject, a.property, str(a.value), a.evidence.doc_id,
                                                          a.evidence.char_start)),
        memberships=sorted(set(memberships), key=lambda m: (m.person, m.organisation or "", m.title,
                                                            m.evidence.doc_id, m.evidence.char_start)),
    )


def _contested_aliases(extractions: list[DocumentExtraction]) -> set[str]:
    """Aliases that documents give to entities of different names (星河 for 北京星河智算科技有限公司 in one
    article, for 北京星河环保科技有限公司 in another)."""
    claims: dict[str, set[str]] = defaultdict(set)
    for ext in extractions:
        for entity in ext.entities.values():
            for name in entity.names:
                if name != entity.label:
                    claims[name_key(name)].add(name_key(entity.label))
    return {key for key, labels in claims.items() if len(labels) > 1}


def _generic_office(key: str, lex: Lexicon) -> bool:
    """园区管委会, 开发区管委会: an office of a kind of place, not of a named one."""
    for n in range(min(len(key) - 1, lex.max_suffix_len), 1, -1):
        if key[-n:] in lex.suffixes:
            return key[:-n] in lex.generic_names
    return False


def _relation_order(rel: Relation):
    return (rel.subject, rel.predicate, rel.object, rel.evidence.doc_id, rel.evidence.char_start, rel.rule)
