"""The extractor's vocabulary, read from the YAML files beside this module.

Only general vocabulary lives here (suffixes, trigger verbs, titles,
surnames); never facts about a particular article.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from ..models import EntityType

HERE = Path(__file__).parent
FILES = ("entities.yaml", "names.yaml", "persons.yaml", "relations.yaml")


def lexicon_dir() -> Path:
    """Where the vocabulary is read from: ZGC_LEXICON_DIR, to try your own, or the shipped files."""
    return Path(os.environ.get("ZGC_LEXICON_DIR") or HERE)


def _read(name: str) -> dict:
    with open(lexicon_dir() / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class Suffix:
    text: str
    type: EntityType
    subtype: str | None
    strong: bool


@dataclass(frozen=True)
class Lexicon:
    suffixes: dict[str, Suffix]            # suffix text -> what it makes
    max_suffix_len: int
    document_endings: tuple[str, ...]
    policy_followers: frozenset[str]
    media_after_title: tuple[str, ...]
    media_before_title: tuple[str, ...]
    publication_endings: tuple[str, ...]
    works_before_title: tuple[str, ...]
    works_after_title: tuple[str, ...]
    planning_endings: tuple[str, ...]
    derived_documents: tuple[str, ...]
    adverbs_before_plans: tuple[str, ...]
    standalone_names: frozenset[str]
    other_parties: tuple[str, ...]
    official_prefixes: tuple[str, ...]
    zone_designations: tuple[str, ...]
    suffix_abbreviations: dict[str, str]  # short ending -> full ending, longest short first
    enumeration_heads: dict[str, tuple[EntityType, str | None]]
    apposition_heads: dict[str, tuple[EntityType, str | None]]
    non_entity_heads: tuple[str, ...]
    vague_policy_heads: tuple[str, ...]
    left_boundaries: frozenset[str]
    left_boundaries_by_length: tuple[str, ...]
    list_conjunctions: tuple[str, ...]
    conjoined_fields: tuple[str, ...]
    party_after_verb: frozenset[str]
    not_office_words: frozenset[str]
    people_groups: tuple[str, ...]
    bylines: tuple[str, ...]
    company_tails: tuple[str, ...]
    industry_words: frozenset[str]
    policy_core_tails: tuple[str, ...]
    policy_name_tails: tuple[str, ...]
    name_verbs: frozenset[str]
    generic_modifiers: frozenset[str]
    drop_modifiers: tuple[str, ...]
    affiliation_markers: tuple[str, ...]
    locatives: frozenset[str]
    generic_names: frozenset[str]
    country_prefixes: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    titles: tuple[str, ...]
    honorific_titles: frozenset[str]
    department_in_title: tuple[str, ...]
    title_compounds: tuple[str, ...]
    government_heads: dict[str, tuple[str, ...]]  # 市 -> (市长, 副市长…)
    after_name: tuple[str, ...]
    office_verbs: tuple[str, ...]
    appointing_verbs: tuple[str, ...]
    office_adverbs: tuple[str, ...]
    forms_of_address: tuple[str, ...]
    former_marks: tuple[str, ...]
    past_marks: tuple[str, ...]
    time_words: frozenset[str]
    promotion_verbs: tuple[str, ...]
    past_role_verbs: tuple[str, ...]
    future_role_verbs: tuple[str, ...]
    departure_verbs: tuple[str, ...]
    job_moves: tuple[str, ...]
    surnames: frozenset[str]
    triggers: dict[str, tuple[str, ...]]
    anaphor_kinds: dict[str, str]  # 公司 -> Company: an anaphor noun's referent may be named otherwise

    def memo(self, name: str) -> dict:
        """A cache for answers that depend only on this vocabulary and the question (a name)."""
        return self._memos.setdefault(name, {})

    @cached_property
    def _memos(self) -> dict[str, dict]:
        return {}

    # Derived once per lexicon: the rules ask for these per token or per sentence.
    @cached_property
    def suffix_last_chars(self) -> frozenset[str]:
        return frozenset(s[-1] for s in self.suffixes)

    @cached_property
    def policy_endings(self) -> tuple[str, ...]:
        """Words that end a policy's name (措施, 办法, 政策…), longest first."""
        return _longest_first([*self.document_endings,
                               *(s for s, v in self.suffixes.items() if v.type is EntityType.POLICY)])

    @cached_property
    def office_endings(self) -> tuple[str, ...]:
        """Every short and full office ending (科委, 科学技术委员会…): one endswith() rules most names out."""
        return tuple(self.suffix_abbreviations) + tuple(self.suffix_abbreviations.values())

    @cached_property
    def title_set(self) -> frozenset[str]:
        return frozenset(self.titles)

    @cached_property
    def titles_by_first_char(self) -> dict[str, tuple[str, ...]]:
        by_char: dict[str, list[str]] = {}
        for title in self.titles:
            by_char.setdefault(title[0], []).append(title)
        return {ch: tuple(titles) for ch, titles in by_char.items()}


def _typed(mapping: dict) -> dict[str, tuple[EntityType, str | None]]:
    return {k: (EntityType(v[0]), v[1]) for k, v in mapping.items()}


@lru_cache(maxsize=1)
def load() -> Lexicon:
    entities = _read("entities.yaml")
    names = _read("names.yaml")
    persons = _read("persons.yaml")
    relations = _read("relations.yaml")
    suffixes: dict[str, Suffix] = {}
    for type_key, etype in (("organisation", EntityType.ORGANISATION),
                            ("platform", EntityType.PLATFORM), ("policy", EntityType.POLICY)):
        for strength in ("strong", "weak"):
            for text, subtype in (entities[type_key].get(strength) or {}).items():
                suffixes.setdefault(text, Suffix(text, etype, subtype, strength == "strong"))
    # the trigger verbs of relation patterns also end a name on its left
    verb_triggers = ("leads", "co_found", "located", "located_after", "issued", "benefits_before", "benefits_obtain", "partner",
                     "together", "participate", "renamed", "sub_org_of", "sub_org_under")
    boundaries = set(names["left_boundaries"]) | {w for k in verb_triggers for w in relations[k] if len(w) > 1}
    standalone = entities["organisation"]["standalone"]
    for subtype, bodies in standalone.items():
        for name in bodies:
            suffixes.setdefault(name, Suffix(name, EntityType.ORGANISATION, subtype, True))
    return Lexicon(
        suffixes=suffixes,
        max_suffix_len=max(len(s) for s in suffixes),
        document_endings=_longest_first(entities["policy"]["document_endings"]),
        policy_followers=frozenset(entities["policy"]["followers"]),
        media_after_title=_longest_first(entities["policy"]["media_after_title"]),
        media_before_title=_longest_first(entities["policy"]["media_before_title"]),
        publication_endings=_longest_first(entities["policy"]["publication_endings"]),
        works_before_title=_longest_first(entities["policy"]["works_before_title"]),
        works_after_title=_longest_first(entities["policy"]["works_after_title"]),
        planning_endings=_longest_first(entities["policy"]["planning_endings"]),
        derived_documents=_longest_first(entities["policy"]["derived_documents"]),
        adverbs_before_plans=_longest_first(entities["policy"]["adverbs_before_plans"]),
        standalone_names=frozenset(name for bodies in standalone.values() for name in bodies),
        other_parties=_longest_first(entities["organisation"]["other_parties"]),
        official_prefixes=_longest_first(names["official_prefixes"]),
        zone_designations=_longest_first(entities["zone_designations"]),
        suffix_abbreviations={k: entities["suffix_abbreviations"][k]
                              for k in _longest_first(entities["suffix_abbreviations"])},
        enumeration_heads=_typed(entities["enumeration_heads"]),
        apposition_heads=_typed(entities["apposition_heads"]),
        non_entity_heads=_longest_first(entities["non_entity_heads"]),
        vague_policy_heads=_longest_first(entities["vague_policy_heads"]),
        left_boundaries=frozenset(boundaries),
        left_boundaries_by_length=_longest_first(boundaries),
        list_conjunctions=_longest_first(names["list_conjunctions"]),
        conjoined_fields=tuple(names["conjoined_fields"]),
        party_after_verb=frozenset(names["party_after_verb"]),
        not_office_words=frozenset(names["not_office_words"]),
        people_groups=tuple(names["people_groups"]),
        bylines=_longest_first(names["bylines"]),
        company_tails=tuple(names["company_tails"]),  # in the file's order: see names.yaml
        industry_words=frozenset(names["industry_words"]) | frozenset(names["company_tails"]),
        policy_core_tails=tuple(names["policy_core_tails"]),
        policy_name_tails=tuple(names["policy_name_tails"]),
        name_verbs=frozenset(names["name_verbs"]),
        generic_modifiers=frozenset(names["generic_modifiers"]),
        drop_modifiers=_longest_first(names["drop_modifiers"]),
        affiliation_markers=tuple(names["affiliation_markers"]),
        locatives=frozenset(names["locatives"]),
        generic_names=frozenset(names["generic_names"]),
        country_prefixes=_longest_first(names["country_prefixes"]),
        level_prefixes=_longest_first(names["level_prefixes"]),
        titles=_longest_first(persons["titles"]),
        honorific_titles=frozenset(persons["honorific_titles"]),
        department_in_title=tuple(persons["department_in_title"]),
        title_compounds=tuple(persons["title_compounds"]),
        government_heads={level: tuple(titles) for level, titles in persons["government_heads"].items()},
        after_name=_longest_first(persons["after_name"]),
        office_verbs=_longest_first(persons["office_verbs"]),
        appointing_verbs=_longest_first(persons["appointing_verbs"]),
        office_adverbs=_longest_first(persons["office_adverbs"]),
        forms_of_address=_longest_first(persons["forms_of_address"]),
        former_marks=tuple(persons["former_marks"]),
        past_marks=tuple(persons["past_marks"]),
        time_words=frozenset(persons["time_words"]),
        promotion_verbs=_longest_first(persons["promotion_verbs"]),
        past_role_verbs=_longest_first(persons["past_role_verbs"]),
        future_role_verbs=_longest_first(persons["future_role_verbs"]),
        departure_verbs=tuple(persons["departure_verbs"]),
        job_moves=tuple(persons["job_moves"]),
        surnames=frozenset(persons["surnames"]),
        triggers={k: _longest_first(v) for k, v in relations.items() if k != "anaphor_kinds"},
        anaphor_kinds=dict(relations["anaphor_kinds"]),
    )
