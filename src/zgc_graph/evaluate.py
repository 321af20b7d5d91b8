"""Score a built graph against a hand-made gold annotation (`zgc-graph evaluate`).

The gold file is YAML (format in the README, "Evaluating extraction"): entities
with type, aliases and a `core` flag; relations and attributes with evidence and
accepted alternatives; optional `excluded_mentions` (explanations shown beside
false positives) and `must_not` (entities, relations and attribute values that
must not appear).

Decisions worth knowing when reading the figures:

- Names are compared after NFKC, removing 《》〈〉“”""‘’「」『』 and whitespace; a
  predicted entity matches a gold entity when any of its names (prefLabel,
  altLabel, rdfs:label in Chinese) equals any gold name (label, aliases,
  canonical).
- Entity precision counts every predicted entity that matches no gold entity
  as a false positive, including those named in `excluded_mentions`: that list
  only explains why they are wrong.
- Relations are scored for the contract's nine properties plus any property
  the gold file uses; other predicted properties (e.g. subOrganizationOf when the
  gold does not annotate it) are counted apart as "not scored", because the gold
  cannot judge what it never annotated.  Symmetric properties (partnerOf, or any
  owl:SymmetricProperty in the graph) are compared in both directions and a
  pair stated both ways counts once.
- Type accuracy is over matched (predicted, gold) pairs: the predicted top
  classes must be non-empty and each be the gold type or one of `alt_types`.

Nothing here prints; `format_report` renders a report as text.
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .errors import GraphFileError, InputError, ZgcError
from .graph.vocab import ORG, ZGC

TOP_TYPES = ("Organisation", "Person", "Policy", "Platform")
# The contract's object properties: always scored, whatever the gold file uses.
CONTRACT_RELATIONS = frozenset({
    "leads", "memberOf", "locatedIn", "partOf", "issuedBy", "benefitsFrom",
    "affiliatedWith", "partnerOf", "predecessorOf",
})
SYMMETRIC = frozenset({"partnerOf"})
_ENTITY_PROPERTIES = frozenset({"mentionedIn"})  # zgc: links from an entity to a document, not a relation
_STRIP = set("《》〈〉“”\"‘’「」『』")


def normalise_name(text: Any) -> str:
    """The form names are compared in: NFKC, no title marks, quotes or whitespace."""
    text = unicodedata.normalize("NFKC", str(text))
    return "".join(ch for ch in text if ch not in _STRIP and not ch.isspace())


def _value_key(value: Any) -> str:
    """Compare attribute values as strings: dates as ISO, integers without padding."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        value = value.isoformat()
    text = normalise_name(value)
    if re.fullmatch(r"[+-]?\d+", text):
        return str(int(text))
    return text


# -- the gold file --------------------------------------------------------------

@dataclass(frozen=True)
class GoldEntity:
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    core: bool = True
    alt_types: tuple[str, ...] = ()
    canonical: str | None = None

    @property
    def names(self) -> frozenset[str]:
        raw = (self.label, *self.aliases, *([self.canonical] if self.canonical else []))
        return frozenset(n for n in map(normalise_name, raw) if n)

    @property
    def types(self) -> frozenset[str]:
        return frozenset((self.type, *self.alt_types))


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    core: bool = True
    accept_subjects: tuple[str, ...] = ()
    accept_objects: tuple[str, ...] = ()
    evidence: str = ""


@dataclass(frozen=True)
class GoldAttribute:
    subject: str
    property: str
    value: str
    core: bool = True
    accept_values: tuple[str, ...] = ()
    organisation: str | None = None
    evidence: str = ""


@dataclass(frozen=True)
class Gold:
    path: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    attributes: tuple[GoldAttribute, ...]
    excluded: tuple[tuple[str, str], ...] = ()          # (normalised text, why)
    must_not_entities: tuple[str, ...] = ()
    must_not_relations: tuple[GoldRelation, ...] = ()
    must_not_attributes: tuple[GoldAttribute, ...] = ()


def _fail(path: Path, where: str, what: str) -> InputError:
    return InputError(f"gold file {path}: {where}: {what}")


def _strings(value: Any, path: Path, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise _fail(path, where, "expected a list of names")
    return tuple(str(v) for v in value)


def _required(item: dict, key: str, path: Path, where: str) -> str:
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _fail(path, where, f"missing `{key}`")
    return value if not isinstance(value, str) else value.strip()


def _items(data: dict, key: str, path: Path) -> list[dict]:
    items = data.get(key) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise _fail(path, key, "expected a list of mappings")
    return items


def _entity(item: dict, path: Path, where: str) -> GoldEntity:
    etype = _required(item, "type", path, where)
    alt = _strings(item.get("alt_types"), path, f"{where} alt_types")
    for t in (etype, *alt):
        if t not in TOP_TYPES:
            raise _fail(path, where, f"unknown type {t!r} (use one of {', '.join(TOP_TYPES)})")
    return GoldEntity(label=str(_required(item, "label", path, where)), type=etype,
                      aliases=_strings(item.get("aliases"), path, f"{where} aliases"),
                      core=bool(item.get("core", True)), alt_types=alt,
                      canonical=item.get("canonical") or None)


def _relation(item: dict, path: Path, where: str) -> GoldRelation:
    return GoldRelation(
        subject=str(_required(item, "subject", path, where)),
        predicate=str(_required(item, "predicate", path, where)),
        object=str(_required(item, "object", path, where)),
        core=bool(item.get("core", True)),
        accept_subjects=_strings(item.get("accept_subjects"), path, f"{where} accept_subjects"),
        accept_objects=_strings(item.get("accept_objects"), path, f"{where} accept_objects"),
        evidence=str(item.get("evidence") or ""),
    )


def _attribute(item: dict, path: Path, where: str) -> GoldAttribute:
    value = item.get("value")
    if value is None:
        raise _fail(path, where, "missing `value`")
    accept = item.get("accept_values") or []
    if not isinstance(accept, list):
        raise _fail(path, where, "accept_values must be a list")
    org = item.get("organisation")
    return GoldAttribute(
        subject=str(_required(item, "subject", path, where)),
        property=str(_required(item, "property", path, where)),
        value=_value_key(value), core=bool(item.get("core", True)),
        accept_values=tuple(_value_key(v) for v in accept),
        organisation=str(org) if org else None, evidence=str(item.get("evidence") or ""),
    )


def _excluded(data: dict, path: Path) -> tuple[tuple[str, str], ...]:
    """`text` may list several mentions separated by ' / ' or ';'; a spaced '(note)' is a comment."""
    found: list[tuple[str, str]] = []
    for i, item in enumerate(_items(data, "excluded_mentions", path)):
        why = str(item.get("why") or "excluded")
        for part in re.split(r"\s+/\s+|[;；]", str(_required(item, "text", path, f"excluded_mentions[{i}]"))):
            part = re.sub(r"\s+\([^)]*\)\s*$", "", part)
            bare = re.sub(r"[(（][^)）]*[)）]$", "", part)  # 普佑恒(普利单抗注射液) also excludes 普佑恒
            for name in dict.fromkeys((normalise_name(part), normalise_name(bare))):
                if name:
                    found.append((name, why))
    return tuple(found)


def load_gold(path: Path | str) -> Gold:
    """Read and check a gold YAML file; every problem is one `InputError` line."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"gold file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"gold file {path}: not UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "YAML"
        raise _fail(path, where, str(getattr(err, "problem", None) or err).splitlines()[0]) from None
    if not isinstance(data, dict):
        raise InputError(f"gold file {path}: expected a mapping with `entities`")
    entities = tuple(_entity(e, path, f"entities[{i}]") for i, e in enumerate(_items(data, "entities", path)))
    relations = tuple(_relation(r, path, f"relations[{i}]") for i, r in enumerate(_items(data, "relations", path)))
    attributes = tuple(_attribute(a, path, f"attributes[{i}]")
                       for i, a in enumerate(_items(data, "attributes", path)))
    must_not = data.get("must_not") or {}
    if not isinstance(must_not, dict):
        raise _fail(path, "must_not", "expected a mapping of `entities`, `relations`, `attributes`")
    gold = Gold(
        path=str(path), entities=entities, relations=relations, attributes=attributes,
        excluded=_excluded(data, path),
        must_not_entities=_strings(must_not.get("entities"), path, "must_not.entities"),
        must_not_relations=tuple(_relation(r, path, f"must_not.relations[{i}]")
                                 for i, r in enumerate(_items(must_not, "relations", path))),
        must_not_attributes=tuple(_attribute(a, path, f"must_not.attributes[{i}]")
                                  for i, a in enumerate(_items(must_not, "attributes", path))),
    )
    _check_references(gold, path)
    return gold


def _check_references(gold: Gold, path: Path) -> None:
    """A relation or attribute naming no gold entity is almost always a typo in the gold file."""
    known = set().union(*(e.names for e in gold.entities)) if gold.entities else set()
    for i, rel in enumerate(gold.relations):
        for name in (rel.subject, rel.object, *rel.accept_subjects, *rel.accept_objects):
            if normalise_name(name) not in known:
                raise _fail(path, f"relations[{i}]", f"{name!r} is not the label or alias of a gold entity")
    for i, attr in enumerate(gold.attributes):
        for name in (attr.subject, attr.organisation):
            if name and normalise_name(name) not in known:
                raise _fail(path, f"attributes[{i}]", f"{name!r} is not the label or alias of a gold entity")


# -- the predicted graph ----------------------------------------------------------

@dataclass(frozen=True)
class PredictedEntity:
    iri: str
    label: str
    names: frozenset[str]
    types: frozenset[str]


@dataclass(frozen=True)
class PredictedRelation:
    subject: str          # IRIs
    predicate: str        # zgc: local name
    object: str
    evidence: str = ""


@dataclass(frozen=True)
class PredictedAttribute:
    subject: str          # IRI of the entity (the person, for roleTitle)
    property: str
    value: str            # `_value_key` form


def _is_chinese(lit: Any) -> bool:
    if not isinstance(lit, Literal):
        return False
    lang = (lit.language or "").lower()
    return lang == "" or (lang.startswith("zh") and "latn" not in lang)


def _top_classes(graph: Graph) -> dict[URIRef, frozenset[str]]:
    """Each class -> the top classes it reaches by rdfs:subClassOf* (graph plus shipped ontology)."""
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    sources = [graph]
    try:
        from .graph.ontology import load_ontology
        sources.append(load_ontology())
    except ZgcError:  # a missing ontology only loses subclasses the graph does not declare itself
        pass
    for source in sources:
        for sub, sup in source.subject_objects(RDFS.subClassOf):
            if isinstance(sub, URIRef) and isinstance(sup, URIRef):
                parents[sub].add(sup)
    tops = {ZGC[t]: t for t in TOP_TYPES}
    cache: dict[URIRef, frozenset[str]] = {}

    def reach(cls: URIRef) -> frozenset[str]:
        if cls not in cache:
            seen, todo, found = {cls}, [cls], set()
            while todo:
                current = todo.pop()
                if current in tops:
                    found.add(tops[current])
                for sup in parents.get(current, ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            cache[cls] = frozenset(found)
        return cache[cls]

    return {cls: reach(cls) for cls in set(graph.objects(None, RDF.type)) if isinstance(cls, URIRef)}


def _entities(graph: Graph) -> dict[str, PredictedEntity]:
    tops = _top_classes(graph)
    found: dict[str, PredictedEntity] = {}
    for node in set(graph.subjects(RDF.type, None)):
        if not isinstance(node, URIRef):
            continue
        types = frozenset().union(*(tops.get(c, frozenset()) for c in graph.objects(node, RDF.type)))
        if not types:
            continue
        by_kind = [sorted(str(lit) for lit in graph.objects(node, p) if _is_chinese(lit))
                   for p in (SKOS.prefLabel, RDFS.label, SKOS.altLabel)]
        names = frozenset(n for n in (normalise_name(x) for kind in by_kind for x in kind) if n)
        label = next((kind[0] for kind in by_kind if kind), str(node))
        found[str(node)] = PredictedEntity(iri=str(node), label=label, names=names, types=types)
    return found


def _evidence(graph: Graph) -> dict[tuple[str, str, str], str]:
    found: dict[tuple[str, str, str], str] = {}
    for st in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = graph.value(st, RDF.subject), graph.value(st, RDF.predicate), graph.value(st, RDF.object)
        text = graph.value(st, ZGC.evidence)
        if s is not None and p is not None and o is not None and text is not None:
            key = (str(s), str(p), str(o))
            found[key] = min(found.get(key, str(text)), str(text))
    return found


def _symmetric(graph: Graph) -> frozenset[str]:
    declared = {str(p)[len(str(ZGC)):] for p in graph.subjects(RDF.type, OWL.SymmetricProperty)
                if str(p).startswith(str(ZGC))}
    return SYMMETRIC | declared


def _relations(graph: Graph, entities: dict[str, PredictedEntity],
               symmetric: frozenset[str]) -> list[PredictedRelation]:
    evidence = _evidence(graph)
    found: dict[tuple[str, str, str], PredictedRelation] = {}
    for s, p, o in graph:
        if not (str(p).startswith(str(ZGC)) and str(s) in entities and str(o) in entities):
            continue
        name = str(p)[len(str(ZGC)):]
        if name in _ENTITY_PROPERTIES:
            continue
        key = (name, *sorted((str(s), str(o)))) if name in symmetric else (name, str(s), str(o))
        text = evidence.get((str(s), str(p), str(o))) or evidence.get((str(o), str(p), str(s)), "")
        if key not in found or (not found[key].evidence and text):
            found[key] = PredictedRelation(str(s), name, str(o), text)
    return sorted(found.values(), key=lambda r: (r.predicate, r.subject, r.object))


def _attributes(graph: Graph, entities: dict[str, PredictedEntity]) -> list[PredictedAttribute]:
    found: set[PredictedAttribute] = set()
    for s, p, o in graph:
        if not (isinstance(o, Literal) and str(p).startswith(str(ZGC))):
            continue
        name = str(p)[len(str(ZGC)):]
        if str(s) in entities:
            found.add(PredictedAttribute(str(s), name, _value_key(o)))
        elif name == "roleTitle":  # on an org:Membership node: the person is its org:member
            for person in graph.objects(s, ORG.member):
                if str(person) in entities:
                    found.add(PredictedAttribute(str(person), name, _value_key(o)))
    return sorted(found, key=lambda a: (a.property, a.subject, a.value))


# -- the report --------------------------------------------------------------------

@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """hits/total, or None when there is nothing to count."""
        return self.hits / self.total if self.total else None

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})" if self.total else "n/a (0/0)"


@dataclass(frozen=True)
class EntityView:
    label: str
    iri: str
    types: tuple[str, ...]
    why: str = ""         # for a false positive: the excluded_mentions reason, if any


@dataclass(frozen=True)
class WrongType:
    predicted: EntityView
    gold_label: str
    gold_types: tuple[str, ...]


@dataclass(frozen=True)
class Split:
    gold_label: str
    predicted: tuple[EntityView, ...]


@dataclass(frozen=True)
class Merged:
    predicted: EntityView
    gold_labels: tuple[str, ...]


@dataclass(frozen=True)
class RelationView:
    subject: str          # labels, for reading
    predicate: str
    object: str
    evidence: str = ""


@dataclass(frozen=True)
class TypeFigures:
    precision: Ratio      # predicted entities of this class that match a gold entity accepting the class
    recall: Ratio         # gold entities of this type found with an acceptable class


@dataclass
class EvaluationReport:
    gold: str
    graph: str
    entity_precision: Ratio
    entity_recall_core: Ratio
    entity_recall: Ratio
    type_accuracy: Ratio
    relation_precision: Ratio
    relation_recall_core: Ratio
    relation_recall: Ratio
    attribute_recall_core: Ratio
    attribute_recall: Ratio
    per_type: dict[str, TypeFigures]
    split_entities: list[Split] = field(default_factory=list)
    merged_entities: list[Merged] = field(default_factory=list)
    missed_entities: list[GoldEntity] = field(default_factory=list)
    false_positive_entities: list[EntityView] = field(default_factory=list)
    wrong_types: list[WrongType] = field(default_factory=list)
    missed_relations: list[GoldRelation] = field(default_factory=list)
    false_positive_relations: list[RelationView] = field(default_factory=list)
    missed_attributes: list[GoldAttribute] = field(default_factory=list)
    unscored_relations: dict[str, int] = field(default_factory=dict)
    must_not_violations: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Ratio]:
        """The headline ratios by name, in display order."""
        return {name: getattr(self, name) for name in (
            "entity_precision", "entity_recall_core", "entity_recall", "type_accuracy",
            "relation_precision", "relation_recall_core", "relation_recall",
            "attribute_recall_core", "attribute_recall")}

    def to_dict(self) -> dict[str, Any]:
        """Plain data for `--json`: figures as {value, hits, total}, then every detail list."""
        def ratio(r: Ratio) -> dict[str, Any]:
            return {"value": r.value, "hits": r.hits, "total": r.total}

        details = ("split_entities", "merged_entities", "missed_entities", "false_positive_entities",
                   "wrong_types", "missed_relations", "false_positive_relations", "missed_attributes")
        return {
            "gold": self.gold, "graph": self.graph,
            "figures": {k: ratio(v) for k, v in self.figures().items()},
            "split_entities": len(self.split_entities), "merged_entities": len(self.merged_entities),
            "per_type": {t: {"precision": ratio(f.precision), "recall": ratio(f.recall)}
                         for t, f in self.per_type.items()},
            "unscored_relations": dict(self.unscored_relations),
            "must_not_violations": list(self.must_not_violations),
            "details": {key: [asdict(x) for x in getattr(self, key)] for key in details},
        }


# -- matching ----------------------------------------------------------------------

class _Matcher:
    """Gold names -> gold entities, and the name sets a gold relation accepts."""

    def __init__(self, gold: Gold) -> None:
        self.gold = gold
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for i, ent in enumerate(gold.entities):
            for name in ent.names:
                self.by_name[name].append(i)

    def gold_for(self, entity: PredictedEntity) -> list[int]:
        return sorted({i for n in entity.names for i in self.by_name.get(n, ())})

    def expand(self, names: Iterable[str]) -> frozenset[str]:
        """Every name of every gold entity named, plus the names themselves."""
        out: set[str] = set()
        for raw in names:
            name = normalise_name(raw)
            out.add(name)
            for i in self.by_name.get(name, ()):
                out |= self.gold.entities[i].names
        return frozenset(out)


def _relation_matches(rel: GoldRelation, pred: PredictedRelation, entities: dict[str, PredictedEntity],
                      matcher: _Matcher, symmetric: frozenset[str]) -> bool:
    if rel.predicate != pred.predicate:
        return False
    subjects = matcher.expand((rel.subject, *rel.accept_subjects))
    objects = matcher.expand((rel.object, *rel.accept_objects))
    s, o = entities[pred.subject].names, entities[pred.object].names
    if s & subjects and o & objects:
        return True
    return rel.predicate in symmetric and bool(o & subjects and s & objects)


def _view(entity: PredictedEntity, why: str = "") -> EntityView:
    return EntityView(entity.label, entity.iri, tuple(sorted(entity.types)), why)


def _score_entities(gold: Gold, entities: dict[str, PredictedEntity], matcher: _Matcher,
                    report: dict[str, Any]) -> None:
    matched_by: dict[int, list[PredictedEntity]] = defaultdict(list)
    excluded = dict(reversed(gold.excluded))  # first reason wins
    fp: list[EntityView] = []
    type_hits = type_total = 0
    wrong: list[WrongType] = []
    merged: list[Merged] = []
    for ent in sorted(entities.values(), key=lambda e: (e.label, e.iri)):
        hits = matcher.gold_for(ent)
        if not hits:
            why = next((excluded[n] for n in sorted(ent.names) if n in excluded), "")
            fp.append(_view(ent, why))
            continue
        if len(hits) > 1:
            merged.append(Merged(_view(ent), tuple(gold.entities[i].label for i in hits)))
        for i in hits:
            matched_by[i].append(ent)
            type_total += 1
            if ent.types <= gold.entities[i].types:
                type_hits += 1
            else:
                g = gold.entities[i]
                wrong.append(WrongType(_view(ent), g.label, tuple(sorted(g.types))))
    core = [i for i, e in enumerate(gold.entities) if e.core]
    report.update(
        entity_precision=Ratio(len(entities) - len(fp), len(entities)),
        entity_recall_core=Ratio(sum(1 for i in core if matched_by[i]), len(core)),
        entity_recall=Ratio(sum(1 for i in range(len(gold.entities)) if matched_by[i]), len(gold.entities)),
        type_accuracy=Ratio(type_hits, type_total),
        split_entities=[Split(gold.entities[i].label, tuple(_view(e) for e in matched_by[i]))
                        for i in sorted(matched_by) if len(matched_by[i]) > 1],
        merged_entities=merged,
        missed_entities=[e for i, e in enumerate(gold.entities) if not matched_by[i]],
        false_positive_entities=fp, wrong_types=wrong,
        per_type=_per_type(gold, entities, matcher, matched_by),
    )


def _per_type(gold: Gold, entities: dict[str, PredictedEntity], matcher: _Matcher,
              matched_by: dict[int, list[PredictedEntity]]) -> dict[str, TypeFigures]:
    figures: dict[str, TypeFigures] = {}
    for t in TOP_TYPES:
        predicted = [e for e in entities.values() if t in e.types]
        right = sum(1 for e in predicted if any(t in gold.entities[i].types for i in matcher.gold_for(e)))
        of_type = [i for i, g in enumerate(gold.entities) if g.type == t]
        found = sum(1 for i in of_type if any(e.types <= gold.entities[i].types for e in matched_by.get(i, ())))
        if predicted or of_type:
            figures[t] = TypeFigures(Ratio(right, len(predicted)), Ratio(found, len(of_type)))
    return figures


def _rel_view(rel: PredictedRelation, entities: dict[str, PredictedEntity]) -> RelationView:
    return RelationView(entities[rel.subject].label, rel.predicate, entities[rel.object].label, rel.evidence)


def _score_relations(gold: Gold, entities: dict[str, PredictedEntity], relations: list[PredictedRelation],
                     symmetric: frozenset[str], matcher: _Matcher, report: dict[str, Any]) -> None:
    scored_predicates = CONTRACT_RELATIONS | {r.predicate for r in gold.relations} \
        | {r.predicate for r in gold.must_not_relations}
    scored = [r for r in relations if r.predicate in scored_predicates]
    unscored: dict[str, int] = defaultdict(int)
    for r in relations:
        if r.predicate not in scored_predicates:
            unscored[r.predicate] += 1
    found = [any(_relation_matches(g, p, entities, matcher, symmetric) for p in scored) for g in gold.relations]
    true_pos = [p for p in scored if any(_relation_matches(g, p, entities, matcher, symmetric)
                                         for g in gold.relations)]
    core = [i for i, g in enumerate(gold.relations) if g.core]
    report.update(
        relation_precision=Ratio(len(true_pos), len(scored)),
        relation_recall_core=Ratio(sum(1 for i in core if found[i]), len(core)),
        relation_recall=Ratio(sum(found), len(gold.relations)),
        missed_relations=[g for g, ok in zip(gold.relations, found) if not ok],
        false_positive_relations=[_rel_view(p, entities) for p in scored if p not in true_pos],
        unscored_relations=dict(sorted(unscored.items())),
    )
def _attribute_matches(attr: GoldAttribute, pred: PredictedAttribute, entities: dict[str, PredictedEntity],
                       matcher: _Matcher) -> bool:
    return (pred.property == attr.property and pred.value in {attr.value, *attr.accept_values}
            and bool(entities[pred.subject].names & matcher.expand((attr.subject,))))


def _score_attributes(gold: Gold, entities: dict[str, PredictedEntity], attributes: list[PredictedAttribute],
                      matcher: _Matcher, report: dict[str, Any]) -> None:
    def found(attr: GoldAttribute) -> bool:
        return any(_attribute_matches(attr, p, entities, matcher) for p in attributes)

    ok = [found(a) for a in gold.attributes]
    core = [i for i, a in enumerate(gold.attributes) if a.core]
    report.update(
        attribute_recall_core=Ratio(sum(1 for i in core if ok[i]), len(core)),
        attribute_recall=Ratio(sum(ok), len(gold.attributes)),
        missed_attributes=[a for a, hit in zip(gold.attributes, ok) if not hit],
    )


def _must_not(gold: Gold, entities: dict[str, PredictedEntity], relations: list[PredictedRelation],
              attributes: list[PredictedAttribute], symmetric: frozenset[str], matcher: _Matcher) -> list[str]:
    """Everything the graph states that the gold file's `must_not` forbids, one line each."""
    found = [f"relation {v.subject} {v.predicate} {v.object}" for v in
             (_rel_view(p, entities) for p in relations
              if any(_relation_matches(m, p, entities, matcher, symmetric) for m in gold.must_not_relations))]
    found += [f"attribute {entities[p.subject].label} {p.property} {p.value}" for p in attributes
              if any(_attribute_matches(m, p, entities, matcher) for m in gold.must_not_attributes)]
    forbidden = {normalise_name(n): n for n in gold.must_not_entities}
    for ent in sorted(entities.values(), key=lambda e: (e.label, e.iri)):
        for name in sorted(ent.names & forbidden.keys()):
            found.append(f"entity {forbidden[name]} ({ent.label}, {ent.iri})")
    return found


def evaluate(gold: Path | str, graph: Path | str | Graph) -> EvaluationReport:
    """Compare the graph (a file, or an rdflib Graph) with the gold annotation."""
    annotation = load_gold(gold)
    if isinstance(graph, Graph):
        data, source = graph, "(in-memory graph)"
    else:
        from .graph.ontology import read_graph
        data, source = read_graph(Path(graph)), str(graph)
        if len(data) == 0:
            raise GraphFileError(f"graph file holds no triples: {graph}")
    entities = _entities(data)
    symmetric = _symmetric(data)
    relations = _relations(data, entities, symmetric)
    matcher = _Matcher(annotation)
    parts: dict[str, Any] = {}
    _score_entities(annotation, entities, matcher, parts)
    _score_relations(annotation, entities, relations, symmetric, matcher, parts)
    attributes = _attributes(data, entities)
    _score_attributes(annotation, entities, attributes, matcher, parts)
    parts["must_not_violations"] = _must_not(annotation, entities, relations, attributes, symmetric, matcher)
    return EvaluationReport(gold=str(gold), graph=source, **parts)


# -- text --------------------------------------------------------------------------

_FIGURE_NAMES = {
    "entity_precision": "entity precision", "entity_recall_core": "entity recall (core)",
    "entity_recall": "entity recall (all)", "type_accuracy": "type accuracy",
    "relation_precision": "relation precision", "relation_recall_core": "relation recall (core)",
    "relation_recall": "relation recall (all)", "attribute_recall_core": "attribute recall (core)",
    "attribute_recall": "attribute recall (all)",
}


def _gold_relation_line(rel: GoldRelation) -> str:
    line = f"{rel.subject} {rel.predicate} {rel.object}"
    alternatives = [*(f"subject {s}" for s in rel.accept_subjects if s != rel.subject),
                    *(f"object {o}" for o in rel.accept_objects if o != rel.object)]
    return line + (f"  (or {', '.join(alternatives)})" if alternatives else "")


def format_report(report: EvaluationReport, show: bool = False) -> str:
    """The figures as aligned text; with `show`, every miss and false positive too."""
    lines = [f"gold:  {report.gold}", f"graph: {report.graph}", ""]
    for key, ratio in report.figures().items():
        lines.append(f"  {_FIGURE_NAMES[key]:<26}{ratio}")
    lines.append(f"  {'split entities':<26}{len(report.split_entities)}")
    lines.append(f"  {'merged entities':<26}{len(report.merged_entities)}")
    if report.per_type:
        lines += ["", "per type:"]
        for t, fig in report.per_type.items():
            lines.append(f"  {t:<14}precision {fig.precision!s:<22}recall {fig.recall}")
    if report.unscored_relations:
        unscored = ", ".join(f"{p} {n}" for p, n in report.unscored_relations.items())
        lines += ["", f"not scored (predicate absent from the gold): {unscored}"]
    if report.must_not_violations:
        lines += ["", f"must_not violated ({len(report.must_not_violations)}):"]
        lines += [f"  {v}" for v in report.must_not_violations]
    if show:
        lines += _details(report)
    return "\n".join(lines)


def _section(title: str, items: list[str]) -> list[str]:
    return ["", f"{title} ({len(items)}):", *(f"  {i}" for i in items)] if items else []


def _details(report: EvaluationReport) -> list[str]:
    def ent(v: EntityView) -> str:
        return f"{v.label} [{'/'.join(v.types)}] {v.iri}"

    out: list[str] = []
    out += _section("missed core entities", [f"{e.label} [{e.type}]" for e in report.missed_entities if e.core])
    out += _section("missed other entities", [f"{e.label} [{e.type}]" for e in report.missed_entities if not e.core])
    out += _section("false-positive entities", [ent(v) + (f"  (excluded: {v.why})" if v.why else "")
                                                 for v in report.false_positive_entities])
    out += _section("wrong types", [f"{ent(w.predicted)}  gold {w.gold_label} [{'/'.join(w.gold_types)}]"
                                    for w in report.wrong_types])
    out += _section("split entities", [f"{s.gold_label}: " + "; ".join(ent(v) for v in s.predicted)
                                       for s in report.split_entities])
    out += _section("merged entities", [f"{ent(m.predicted)}: " + "; ".join(m.gold_labels)
                                        for m in report.merged_entities])
    out += _section("missed core relations", [_gold_relation_line(r) for r in report.missed_relations if r.core])
    out += _section("missed other relations", [_gold_relation_line(r) for r in report.missed_relations
                                               if not r.core])
    out += _section("false-positive relations", [f"{r.subject} {r.predicate} {r.object}"
                                                 + (f"  « {_one_line(r.evidence)} »" if r.evidence else "")
                                                 for r in report.false_positive_relations])
    out += _section("missed attributes", [
        f"{a.subject} {a.property} {a.value}" + ("" if a.core else "  (not core)")
        + (f"  (or {', '.join(v for v in a.accept_values if v != a.value)})"
           if any(v != a.value for v in a.accept_values) else "")
        for a in report.missed_attributes])
    return out


def _one_line(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
