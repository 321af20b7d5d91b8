"""The entity graph as networkx: who is connected to whom, who is central.

`EntityGraph` reads the built rdflib graph (CONTRACT.md) once for what
every view needs: the entities, their classes and the relations between
them.  `EntityGraph.network(nodes)` turns some or all of it into a
`MultiDiGraph` whose nodes are entity IRIs and whose edges are relations
(one edge per subject, predicate, object, carrying every piece of
evidence); names, documents, facts, roles and evidence are read only for
the entities asked for, so a page that draws 2,000 of 40,000 entities
does not pay for the other 38,000.  `entity_network(graph)` is the whole
graph: the HTML explorer, `zgc-graph analyze` and the GraphML/GEXF/JSON
exporters all start from `EntityGraph`, so they agree on what an entity
and a relation are.

`layout` gives every node a position without scipy: a multilevel,
grid-accelerated force layout that handles 5,000 nodes in a few seconds,
where networkx's `spring_layout` needs minutes on this kind of machine.
"""
from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Callable, Collection, Iterable

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from ..collector import collector_paused
from ..errors import ZgcError
from .vocab import ORG, ZGC

TOP_CLASSES = ("Organisation", "Person", "Policy", "Platform")
PINYIN_LANG = "zh-latn-pinyin"
# Above this many nodes betweenness is estimated from a fixed sample of sources.
BETWEENNESS_EXACT_LIMIT = 1500
BETWEENNESS_SAMPLES = 300


# Terms looked up in loops (namespace attribute access is slow in rdflib).
_TYPE = RDF.type
_SUBCLASS = RDFS.subClassOf
_SUBJECT = RDF.subject
_PREDICATE = RDF.predicate
_OBJECT = RDF.object
_DERIVED = PROV.wasDerivedFrom
_EVIDENCE = ZGC.evidence
_CONFIDENCE = ZGC.confidence
_RULE = ZGC.extractionRule
_START = ZGC.charStart
_END = ZGC.charEnd
_PREF = SKOS.prefLabel
_ALT = SKOS.altLabel
_LABEL = RDFS.label
_TITLE = DCTERMS.title
_IDENTIFIER = DCTERMS.identifier
_MENTIONED = ZGC.mentionedIn
_DOCUMENT = ZGC.Document
_OBJECT_PROPERTY = OWL.ObjectProperty
_SYMMETRIC = OWL.SymmetricProperty
_MEMBERSHIP = ORG.Membership
_MEMBER = ORG.member
_ORGANIZATION = ORG.organization
_ROLE_TITLE = ZGC.roleTitle
_MEMBER_GROUP, _GROUP_SIZE, _MEMBER_KIND = ZGC.memberGroup, ZGC.groupSize, ZGC.memberKind
_ZGC = str(ZGC)

Values = dict[URIRef, list[Node]]  # predicate -> objects, for one subject


class EntityNotFound(ZgcError):
    """A name given on the command line matches no entity of the graph."""


# -- reading the rdflib graph ---------------------------------------------------
def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _is_pinyin(lit: Literal) -> bool:
    return (lit.language or "").lower() == PINYIN_LANG


def _is_zh(lit: Literal) -> bool:
    lang = (lit.language or "").lower()
    return (lang == "zh" or lang.startswith("zh-")) and not _is_pinyin(lit)


class _OnePass:
    """Every predicate's subject -> object map, made in one pass: for stores without eager indexes.

    The build's TripleTable builds an index with a full pass the first time a
    pattern needs one, so one pass of our own is the cheapest way in; each
    triple is filed while it is at hand, since touching a triple again costs
    about a microsecond on a large graph.  Maps are keyed by `hash(p)`: rdflib
    terms compare with a Python `__eq__` (about 1 µs, the largest cost of the
    old full-graph reader), while str hashes are cached and compared in C; two
    of a graph's few dozen predicates sharing a 64-bit hash is not a practical
    concern.  Subjects are the graph's own term objects, so lookups with them
    mostly match by identity.
    """

    def __init__(self, graph: Graph, inverse: Iterable[URIRef] = ()) -> None:
        # per predicate: subject -> its first object; subject -> all its objects when it has several;
        # for the `inverse` predicates, (subject, object) pairs by the object's hash, for `subjects_of`
        slots: dict[int, tuple[dict[Node, Node], dict[Node, list[Node]], dict[int, list] | None]] = {}
        wanted = {hash(p) for p in inverse}
        get = slots.get
        for (s, p, o), _contexts in graph.store.triples((None, None, None), context=graph):
            slot = get(hash(p))
            if slot is None:
                slot = slots[hash(p)] = ({}, {}, {} if hash(p) in wanted else None)
            first, several, by_object = slot
            if (seen := first.setdefault(s, o)) is not o:
                if s in several:
                    several[s].append(o)
                else:
                    several[s] = [seen, o]
            if by_object is not None:
                by_object.setdefault(hash(o), []).append((s, o))
        self._first = {h: slot[0] for h, slot in slots.items()}
        self._several = {h: slot[1] for h, slot in slots.items()}
        self._by_object = {h: slot[2] for h, slot in slots.items() if slot[2] is not None}

    def _maps(self, p: URIRef) -> tuple[dict[Node, Node], dict[Node, list[Node]]]:
        return self._first.get(hash(p), {}), self._several.get(hash(p), {})

    def pairs(self, p: URIRef) -> Iterable[tuple[Node, Node]]:
        first, several = self._maps(p)
        for s, o in first.items():
            if several and s in several:
                yield from ((s, each) for each in several[s])
            else:
                yield s, o

    def distinct_objects(self, p: URIRef) -> list[Node]:
        first, several = self._maps(p)
        found = {hash(o): o for o in first.values()}  # hashes, not Python __eq__, to drop repeats
        found.update((hash(o), o) for more in several.values() for o in more)
        return list(found.values())

    def subjects_of(self, p: URIRef, targets: Collection[Node]) -> dict[str, list[Node]]:
        by_object = self._by_object.get(hash(p))
        if by_object is not None:
            return {str(t): found for t in targets
                    if (found := [s for s, o in by_object.get(hash(t), ()) if o == t])}
        first, several = self._maps(p)
        hits = [pair for pair in first.items() if pair[1] in targets]
        if several:
            hits = [(s, o) for s, o in hits if s not in several]
            hits += [(s, o) for s, found in several.items() for o in found if o in targets]
        grouped: dict[str, list[Node]] = defaultdict(list)
        for s, o in hits:
            grouped[str(o)].append(s)
        return grouped

    def column(self, nodes: list[Node], p: URIRef) -> list[Node | None]:
        first, several = self._maps(p)
        if not several:
            return list(map(first.get, nodes))
        return [min(several[n], key=str) if n in several else first.get(n) for n in nodes]

    def values(self, nodes: Collection[Node], predicates: Iterable[URIRef]) -> dict[str, Values]:
        keyed = [(n, str(n)) for n in nodes]
        found: dict[str, Values] = defaultdict(dict)
        for p in predicates:
            first, several = self._maps(p)
            get = first.get
            for n, key in keyed:
                if (o := get(n)) is not None:
                    found[key][p] = list(several[n]) if several and n in several else [o]
        return found


class _Lookups:
    """Pattern lookups, for rdflib's own memory stores: indexed, but ~7 µs a triple on a full pass."""

    def __init__(self, graph: Graph) -> None:
        self._graph = graph

    def pairs(self, p: URIRef) -> Iterable[tuple[Node, Node]]:
        return self._graph.subject_objects(p)

    def distinct_objects(self, p: URIRef) -> list[Node]:
        return list(set(self._graph.objects(None, p)))

    def subjects_of(self, p: URIRef, targets: Collection[Node]) -> dict[str, list[Node]]:
        found = {str(t): list(self._graph.subjects(p, t)) for t in targets}
        return {t: subjects for t, subjects in found.items() if subjects}

    def column(self, nodes: list[Node], p: URIRef) -> list[Node | None]:
        return [min(found, key=str) if (found := list(self._graph.objects(n, p))) else None for n in nodes]

    def values(self, nodes: Collection[Node], predicates: Iterable[URIRef]) -> dict[str, Values]:
        wanted = {str(p): p for p in predicates}
        found: dict[str, Values] = {}
        for node in nodes:
            out: Values = {}
            if len(wanted) <= 4:  # a few lookups cost less than reading every triple of the node
                for p in wanted.values():
                    objects = list(self._graph.objects(node, p))
                    if objects:
                        out[p] = objects
            else:
                for p, o in self._graph.predicate_objects(node):
                    if (key := wanted.get(str(p))) is not None:
                        out.setdefault(key, []).append(o)
            if out:
                found[str(node)] = out
        return found


def _source(graph: Graph) -> _OnePass | _Lookups:
    from rdflib.plugins.stores.memory import Memory, SimpleMemory

    if type(graph.store) in (Memory, SimpleMemory):
        return _Lookups(graph)
    return _OnePass(graph, inverse=(_TYPE, _SUBJECT, _MEMBER))  # the predicates `EntityGraph` asks subjects_of


def _one(values: Values, prop: URIRef) -> Node | None:
    found = values.get(prop)
    if not found:
        return None
    return found[0] if len(found) == 1 else min(found, key=str)


def _labels(values: Values) -> dict[str, str]:
    """{'zh': …, 'en': …} from rdfs:label, for classes and properties."""
    found: dict[str, list[str]] = defaultdict(list)
    for lit in values.get(_LABEL, ()):
        if isinstance(lit, Literal):
            lang = (lit.language or "").lower()
            key = "zh" if _is_zh(lit) else "en" if lang in ("en", "") or lang.startswith("en-") else ""
            if key:
                found[key].append(str(lit))
    return {k: sorted(v)[0] for k, v in found.items()}


def _label(values: Values, node: str) -> str:
    """The Chinese prefLabel, else a non-pinyin rdfs:label, else the IRI's last segment."""
    zh = [str(v) for v in values.get(_PREF, ()) if isinstance(v, Literal) and _is_zh(v)]
    if not zh:
        zh = [str(v) for v in values.get(_LABEL, ()) if isinstance(v, Literal) and not _is_pinyin(v)]
    return min(zh) if zh else _local(node)


def _names(values: Values, node: str) -> tuple[str, list[str], str]:
    """Label, aliases and pinyin of an entity."""
    label = _label(values, node)
    pinyin = sorted(str(v) for v in values.get(_PREF, ()) if isinstance(v, Literal) and _is_pinyin(v))
    aliases = sorted({str(v) for v in values.get(_ALT, ()) if isinstance(v, Literal) and not _is_pinyin(v)} - {label})
    return label, aliases, pinyin[0] if pinyin else ""


def top_classes(subclass_pairs: Iterable[tuple[Node, Node]]) -> dict[str, str]:
    """Every class that reaches a top class through rdfs:subClassOf*, mapped to that top class."""
    tops = {str(ZGC[t]) for t in TOP_CLASSES}
    parents: dict[str, set[str]] = defaultdict(set)
    for sub, sup in subclass_pairs:
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            parents[str(sub)].add(str(sup))
    result: dict[str, str] = {t: t for t in tops}

    def reach(cls: str, seen: frozenset[str]) -> str | None:
        if cls in result:
            return result[cls]
        for sup in sorted(parents.get(cls, ())):
            if sup not in seen and (top := reach(sup, seen | {cls})) is not None:
                return top
        return None

    for cls in sorted(parents):
        if (top := reach(cls, frozenset())) is not None:
            result[cls] = top
    return result


def _document_title(values: Values, doc: str) -> str:
    for prop in (_TITLE, _LABEL, _IDENTIFIER):
        found = sorted(str(v) for v in values.get(prop, ()))
        if found:
            return found[0]
    return _local(doc)


def _number(lit: Any) -> int | None:
    try:
        return int(lit.toPython()) if isinstance(lit, Literal) else None
    except (TypeError, ValueError):
        return None


def _confidence(lit: Any) -> float | None:
    try:
        return float(lit.toPython()) if isinstance(lit, Literal) else None
    except (TypeError, ValueError):
        return None


Evidence = dict[tuple[str, str, Any], list[dict[str, Any]]]  # (subject, predicate, object) -> evidence rows


class EntityGraph:
    """The entities of an rdflib graph, their classes and the relations between them, read once.

    A relation is a triple between two entities whose predicate some
    rdf:Statement names or the graph declares an owl:ObjectProperty
    (CONTRACT.md: every relation has its statement); a fact is a literal of a
    zgc: property that some statement names.  A statement is any node with
    rdf:subject, rdf:predicate and rdf:object.  IRIs are handed out as str.
    """

    def __init__(self, graph: Graph) -> None:
        src = self._src = _source(graph)
        self.tops = top_classes(src.pairs(_SUBCLASS))
        wanted = {*map(URIRef, self.tops), _DOCUMENT, _OBJECT_PROPERTY, _SYMMETRIC}
        typed = src.subjects_of(_TYPE, wanted)
        classes: dict[str, set[str]] = defaultdict(set)
        self._terms: dict[str, Node] = {}  # the graph's own term objects: set lookups hit by identity
        for cls in self.tops:
            for node in typed.get(cls, ()):
                if isinstance(node, URIRef):
                    classes[key := str(node)].add(cls)
                    self._terms.setdefault(key, node)
        tops = self.tops
        # top classes first, then the specific ones: the first names the top class
        self.types = {n: sorted(found, key=lambda c: (c != tops[c], c)) if len(found) > 1 else [*found]
                      for n, found in classes.items()}
        self.documents = sorted({str(d) for d in typed.get(str(_DOCUMENT), ()) if isinstance(d, URIRef)})
        self.symmetric = {str(p) for p in typed.get(str(_SYMMETRIC), ())}
        named = {str(p) for p in src.distinct_objects(_PREDICATE) if isinstance(p, URIRef)}
        declared = {str(p) for p in (*typed.get(str(_OBJECT_PROPERTY), ()), *typed.get(str(_SYMMETRIC), ()))}
        self.fact_predicates = [URIRef(p) for p in sorted(named) if p.startswith(_ZGC)]
        relations = []
        for p in sorted((named | declared) - {str(_TYPE), str(_MENTIONED)}):
            for s, o in src.pairs(URIRef(p)):
                if isinstance(o, URIRef) and (s := str(s)) in self.types and (o := str(o)) in self.types:
                    relations.append((s, p, o))
        self.relations = sorted(relations)

    def _nodes(self, iris: Iterable[str]) -> set[Node]:
        return {self._terms.get(n) or URIRef(n) for n in iris}

    def relation_count(self) -> int:
        """Relations as a reader counts them: a symmetric pair (A partnerOf B, B partnerOf A) is one."""
        return len({(min(s, o), max(s, o), _local(p)) if p in self.symmetric else (s, o, _local(p))
                    for s, p, o in self.relations})

    def neighbours(self) -> dict[str, set[str]]:
        """Distinct neighbours of every entity, ignoring direction (the simple projection)."""
        found: dict[str, set[str]] = {n: set() for n in sorted(self.types)}
        for s, _p, o in self.relations:
            if s != o:
                found[s].add(o)
                found[o].add(s)
        return found

    def names(self, nodes: Iterable[str]) -> dict[str, tuple[str, list[str], str]]:
        """Label, aliases and pinyin of each entity."""
        wanted = sorted({n for n in nodes if n in self.types})
        values = self._src.values(self._nodes(wanted), (_PREF, _LABEL, _ALT))
        return {n: _names(values.get(n, {}), n) for n in wanted}

    def labels(self, nodes: Iterable[str]) -> dict[str, str]:
        """The label of each entity (see `_names`), without its aliases and pinyin."""
        wanted = sorted({n for n in nodes if n in self.types})
        values = self._src.values(self._nodes(wanted), (_PREF, _LABEL))
        return {n: _label(values.get(n, {}), n) for n in wanted}

    def skeleton(self) -> nx.MultiDiGraph:
        """Every entity with its names and every relation without evidence: enough to search and pick."""
        G = nx.MultiDiGraph()
        for n, (label, aliases, pinyin) in self.names(self.types).items():
            G.add_node(n, label=label, aliases=aliases, pinyin=pinyin)
        for s, p, o in self.relations:
            G.add_edge(s, o, key=_local(p), predicate=p, symmetric=p in self.symmetric)
        return G

    def network(self, nodes: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The entity graph of `nodes` (default: every entity) and the relations among them.

        Node attributes: label, aliases, pinyin, class (top class), class_label,
        subclass, subclass_label, documents, facts (numbers and dates with
        evidence), roles (titles from org:Membership, with the organisation's
        IRI and label).  Edge attributes: predicate, label_zh, label_en,
        symmetric, evidence (list of dicts with text, document, start, end,
        rule, confidence).  `G.graph` holds `documents` ({IRI: title}),
        `predicates` and `classes` ({IRI: labels}).
        """
        keep = set(self.types) if nodes is None else {n for n in nodes if n in self.types}
        src = self._src
        values = src.values(self._nodes(keep), (_PREF, _LABEL, _ALT, _MENTIONED, *self.fact_predicates))
        memberships = self._memberships(keep)
        groups = self._member_groups(values.get(n, {}).get(_MEMBER_GROUP, ()) for n in keep)
        evidence, sources = self._evidence(keep, memberships, also=groups)
        edges = [(s, p, o) for s, p, o in self.relations if s in keep and o in keep]
        facts = {n: [(str(p), o, str(o) if isinstance(o, Literal) else groups[str(o)])
                     for p in self.fact_predicates for o in values.get(n, {}).get(p, ())
                     if isinstance(o, Literal) or str(o) in groups] for n in keep}
        used = sorted({p for _s, p, _o in edges} | {p for found in facts.values() for p, _o, _v in found})
        labels = src.values(self._nodes([*self.tops, *used]), (_LABEL,))
        class_labels = {c: _labels(labels.get(c, {})) for c in self.tops}
        predicates = {p: _labels(labels.get(p, {})) for p in used}
        docs = set(self.documents) | sources | {str(d) for n in keep for d in values.get(n, {}).get(_MENTIONED, ())}
        doc_values = src.values(self._nodes(docs), (_TITLE, _LABEL, _IDENTIFIER))
        titles = {d: _document_title(doc_values.get(d, {}), d) for d in sorted(docs)}
        org_labels = self.labels(m["organisation"] for m in memberships.values() if m["organisation"])

        G = nx.MultiDiGraph()
        for node in sorted(keep):
            vals = values.get(node, {})
            label, aliases, pinyin = _names(vals, node)
            types = self.types[node]
            top = self.tops[types[0]]
            specific = [t for t in types if t != self.tops[t]]  # already sorted
            sub = specific[0] if specific else top
            G.add_node(node, **{
                "label": label, "aliases": aliases, "pinyin": pinyin,
                "class": _local(top), "class_label": class_labels.get(top, {}).get("zh", _local(top)),
                "subclass": _local(sub), "subclass_label": class_labels.get(sub, {}).get("zh", _local(sub)),
                "documents": sorted({str(d) for d in vals.get(_MENTIONED, ())}),
                "facts": sorted(({"property": _local(p), "label_zh": predicates[p].get("zh", _local(p)),
                                  "value": shown, "evidence": evidence.get((node, p, o if isinstance(o, Literal)
                                                                             else str(o)), [])}
                                 for p, o, shown in facts[node]), key=lambda f: (f["property"], f["value"])),
                "roles": [],
            })
        for m, role in sorted(memberships.items()):
            for title in role["titles"]:
                G.nodes[role["person"]]["roles"].append({
                    "title": str(title) if title is not None else "",
                    "organisation": role["organisation"],
                    "organisation_label": org_labels.get(role["organisation"], ""),
                    "evidence": evidence.get((m, str(_ROLE_TITLE), title), []) if title is not None else [],
                })
        for _node, data in G.nodes(data=True):
            data["roles"].sort(key=lambda r: (r["organisation"], r["title"]))
        for s, p, o in edges:
            labels_p = predicates[p]
            G.add_edge(s, o, key=_local(p), predicate=p, label_zh=labels_p.get("zh", _local(p)),
                       label_en=labels_p.get("en", _local(p)), symmetric=p in self.symmetric,
                       evidence=evidence.get((s, p, o), []))
        G.graph.update(documents=titles, predicates=dict(sorted(predicates.items())),
                       classes={c: class_labels[c] for c in sorted(self.tops)})
        return G

    def _memberships(self, keep: set[str]) -> dict[str, dict[str, Any]]:
        """org:Membership nodes whose member is kept: person, organisation (if an entity), titles, the node."""
        found = self._src.subjects_of(_MEMBER, self._nodes(keep))
        nodes = {m for ms in found.values() for m in ms}
        values = self._src.values(nodes, (_TYPE, _MEMBER, _ORGANIZATION, _ROLE_TITLE))
        terms = {str(m): m for m in nodes}
        out = {}
        for m in sorted(values):
            vals = values[m]
            person = _one(vals, _MEMBER)
            if _MEMBERSHIP not in vals.get(_TYPE, ()) or person is None or str(person) not in keep:
                continue
            org = _one(vals, _ORGANIZATION)
            out[m] = {"person": str(person), "node": terms[m],
                      "organisation": str(org) if org is not None and str(org) in self.types else "",
                      "titles": sorted(vals.get(_ROLE_TITLE, ()), key=str) or [None]}
        return out

    def _member_groups(self, linked: Iterable[Iterable[Node]]) -> dict[str, str]:
        """zgc:MemberGroup nodes linked from kept entities, each shown as its size and kind (12 上下游企业)."""
        nodes = {str(g): g for found in linked for g in found if isinstance(g, URIRef)}
        values = self._src.values(list(nodes.values()), (_GROUP_SIZE, _MEMBER_KIND))
        shown = {}
        for key in nodes:
            sizes = sorted({str(v) for v in values.get(key, {}).get(_GROUP_SIZE, ())}, key=lambda v: (len(v), v))
            kinds = sorted(str(v) for v in values.get(key, {}).get(_MEMBER_KIND, ()))
            shown[key] = f"{'/'.join(sizes) or '?'} {kinds[0] if kinds else ''}".strip()
        return shown

    def _evidence(self, keep: set[str], memberships: dict[str, dict[str, Any]],
                  also: Collection[str] = ()) -> tuple[Evidence, set[str]]:
        """Evidence of the statements about `keep` and `memberships` whose object is kept, in `also`,
        or a literal.

        Only these statements are read.  Returns the evidence by (subject,
        predicate, object) and the documents it cites.
        """
        src = self._src
        subjects = self._nodes(keep) | {m["node"] for m in memberships.values()}
        subject_of: dict[Node, str] = {}
        for subject, found in sorted(src.subjects_of(_SUBJECT, subjects).items(), reverse=True):
            for st in found:
                subject_of[st] = subject  # the smallest subject wins, like every other part below
        statements = list(subject_of)
        objects = src.column(statements, _OBJECT)
        wanted = sorted(((str(st), st, o) for st, o in zip(statements, objects)
                         if o is not None and (isinstance(o, Literal) or str(o) in keep or str(o) in also)),
                        key=itemgetter(0))
        nodes = [st for _key, st, _o in wanted]
        columns = [src.column(nodes, p) for p in (_PREDICATE, _DERIVED, _EVIDENCE, _RULE, _START, _END, _CONFIDENCE)]
        found: Evidence = defaultdict(list)
        documents = set()
        for (_key, st, o), p, doc, text, rule, start, end, confidence in zip(wanted, *columns):
            if p is None:
                continue
            if doc is not None:
                documents.add(str(doc))
            found[(subject_of[st], str(p), o if isinstance(o, Literal) else str(o))].append({
                "text": str(text) if text is not None else "",
                "document": str(doc) if doc is not None else "",
                "start": _number(start),
                "end": _number(end),
                "rule": str(rule) if rule is not None else "",
                "confidence": _confidence(confidence),
            })
        for items in found.values():
            items.sort(key=lambda e: (e["document"], e["start"] if e["start"] is not None else -1,
                                      e["end"] if e["end"] is not None else -1, e["text"], e["rule"]))
        return found, documents


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """The whole entity graph: node = entity IRI, edge = relation (key = predicate local name).

    See `EntityGraph.network` for the attributes.
    """
    with collector_paused():
        return EntityGraph(graph).network()


# -- analytics -----------------------------------------------------------------
@dataclass(frozen=True)
class Centrality:
    node: str
    label: str
    cls: str
    degree: int            # distinct neighbours (undirected, simple)
    betweenness: float     # normalised


@dataclass(frozen=True)
class Component:
    size: int
    nodes: tuple[str, ...]  # most connected first


def relation_count(G: nx.MultiDiGraph) -> int:
    """Relations as a reader counts them: a symmetric pair (A partnerOf B, B partnerOf A) is one."""
    seen = set()
    for s, o, key, data in G.edges(keys=True, data=True):
        seen.add((min(s, o), max(s, o), key) if data.get("symmetric") else (s, o, key))
    return len(seen)


def simple_projection(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per connected pair: what 'central' and 'connected' mean here."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def centrality(G: nx.MultiDiGraph) -> dict[str, Centrality]:
    """Degree and betweenness on the simple projection; betweenness is sampled on large graphs.

    The sample is seeded, so the numbers are the same on every run.
    """
    U = simple_projection(G)
    k = BETWEENNESS_SAMPLES if len(U) > BETWEENNESS_EXACT_LIMIT else None
    between = nx.betweenness_centrality(U, k=k, seed=0 if k else None, normalized=True)
    return {n: Centrality(n, G.nodes[n]["label"], G.nodes[n]["class"], U.degree(n), between[n]) for n in U}


def ranked(scores: dict[str, Centrality], cls: str | None = None, top: int = 10) -> list[Centrality]:
    """The `top` most central entities (of class `cls`): by degree, then betweenness, then name."""
    rows = [c for c in scores.values() if cls is None or c.cls == cls]
    rows.sort(key=lambda c: (-c.degree, -c.betweenness, c.label, c.node))
    return rows[:top]


def components(G: nx.MultiDiGraph) -> list[Component]:
    """Connected components (ignoring direction), largest first."""
    U = simple_projection(G)
    found = []
    for nodes in nx.connected_components(U):
        ordered = sorted(nodes, key=lambda n: (-U.degree(n), G.nodes[n]["label"], n))
        found.append(Component(len(ordered), tuple(ordered)))
    found.sort(key=lambda c: (-c.size, G.nodes[c.nodes[0]]["label"]))
    return found


def fold(text: str) -> str:
    """Compare names loosely: NFKC, case and pinyin tone marks ignored."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def names_of(data: dict[str, Any]) -> list[str]:
    return [data["label"], *data.get("aliases", ()), *([data["pinyin"]] if data.get("pinyin") else [])]


def find_entities(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Entities whose label, alias or pinyin equals `name` (loosely), preferred labels first."""
    key = fold(name)
    if not key:
        return []
    by_label = sorted(n for n, d in G.nodes(data=True) if fold(d["label"]) == key)
    if by_label:
        return by_label
    return sorted(n for n, d in G.nodes(data=True) if any(fold(x) == key for x in names_of(d)) or n == name)


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The one entity called `name`, or an `EntityNotFound` saying what was found instead."""
    found = find_entities(G, name)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        labels = ", ".join(f"{G.nodes[n]['label']} <{n}>" for n in found[:5])
        raise EntityNotFound(f"'{name}' names {len(found)} entities: {labels}; give the full name")
    key = fold(name)
    near = sorted({d["label"] for _n, d in G.nodes(data=True) if key and any(key in fold(x) for x in names_of(d))})
    hint = f" (did you mean: {', '.join(near[:5])}?)" if near else ""
    raise EntityNotFound(f"no entity named '{name}' in the graph{hint}")


def neighbourhood(G: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within `depth` relations of the entity called `name`, and the relations among them."""
    if depth < 0:
        raise ZgcError(f"depth must be 0 or more, got {depth}")
    centre = find_entity(G, name)
    reach = nx.single_source_shortest_path_length(simple_projection(G), centre, cutoff=depth)
    sub = G.subgraph(sorted(reach)).copy()
    sub.graph["centre"] = centre
    return sub


# -- layout --------------------------------------------------------------------
def layout(G: nx.Graph | nx.MultiDiGraph, *, seed: int = 7, spacing: float = 1.0) -> dict[str, tuple[float, float]]:
    """Deterministic positions for every node; `spacing` is the natural edge length.

    Components are laid out apart and then packed in rows, largest first.
    Each component is laid out multilevel: leaves fold into their neighbour and
    matched pairs merge until the graph is small, the small graph gets a full
    force layout, and each finer level starts from its parent's position and
    only needs a few refining steps.  Repulsion is exact within two natural
    lengths (a grid finds the pairs) and comes from the centroids of a coarse
    grid beyond, so a step costs O(nodes), not O(nodes²).  numpy is imported
    here, not at module level, to keep `zgc-graph` quick to start.
    """
    import numpy as np

    nodes = sorted(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    comp = _component_labels(n, edges)
    pos = _multilevel(n, edges, comp, rng)
    pos = _pack(pos, comp)
    return {v: (float(pos[i, 0] * spacing), float(pos[i, 1] * spacing)) for i, v in enumerate(nodes)}


def _component_labels(n: int, edges: Any) -> Any:
    import numpy as np

    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for u, v in edges.tolist():
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    roots = [root(i) for i in range(n)]
    relabel = {r: k for k, r in enumerate(sorted(set(roots)))}
    return np.array([relabel[r] for r in roots], dtype=np.int64)


def _coarsen(n: int, edges: Any, rng: Any) -> Any:
    """Parent of every node one level up: leaves fold into their neighbour, then a matching."""
    import numpy as np

    adj: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges.tolist():
        adj[u].append(v)
        adj[v].append(u)
    deg = np.array([len(a) for a in adj])
    group = np.full(n, -1, dtype=np.int64)
    next_id = 0
    for i in np.argsort(-deg, kind="stable").tolist():
        leaves = [j for j in adj[i] if deg[j] == 1 and group[j] < 0]
        if deg[i] > 1 and leaves and group[i] < 0:
            group[i] = next_id
            group[leaves] = next_id
            next_id += 1
    order = np.lexsort((rng.random(n), deg)).tolist()
    for i in order:
        if group[i] >= 0:
            continue
        free = [j for j in adj[i] if group[j] < 0 and j != i]
        group[i] = next_id
        if free:
            group[min(free, key=lambda j: (deg[j], j))] = next_id
        next_id += 1
    return group


def _multilevel(n: int, edges: Any, comp: Any, rng: Any) -> Any:
    import numpy as np

    levels = []  # (parent map, edges of the finer level, mean weight of the finer level)
    cur_n, cur_edges, cur_weight = n, edges, np.ones(n)
    sizes = np.bincount(comp)
    while cur_n > max(100, 1.05 * len(sizes)):
        parent = _coarsen(cur_n, cur_edges, rng)
        coarse_n = int(parent.max()) + 1
        if coarse_n > 0.85 * cur_n:
            break
        levels.append((parent, cur_edges, float(cur_weight.mean())))
        coarse = parent[cur_edges]
        coarse = coarse[coarse[:, 0] != coarse[:, 1]]
        cur_edges = np.unique(np.sort(coarse, axis=1), axis=0).reshape(-1, 2) if len(coarse) else coarse
        cur_weight = np.bincount(parent, weights=cur_weight, minlength=coarse_n)
        cur_n = coarse_n
    comps = [comp]
    for parent, _e, _w in levels:
        up = np.zeros(int(parent.max()) + 1, dtype=np.int64)
        up[parent] = comps[-1]
        comps.append(up)
    # The coarsest level: every component around its own centre, far from the others.
    centres = _spread_centres(sizes)
    k = math.sqrt(float(cur_weight.mean()))
    start = centres[comps[-1]] + _disc(rng, cur_n) * np.sqrt(sizes[comps[-1]])[:, None] * 0.7
    pos = _force(start, cur_edges, comps[-1], centres, sizes, k, iterations=60, temperature=3.0 * k)
    for depth in range(len(levels) - 1, -1, -1):
        parent, fine_edges, mean_weight = levels[depth]
        k = math.sqrt(mean_weight)
        pos = _prolong(pos, parent, k, rng)
        pos = _force(pos, fine_edges, comps[depth], centres, sizes, k, iterations=30 if depth else 40,
                     temperature=1.5 * k)
    return pos


def _disc(rng: Any, count: int) -> Any:
    import numpy as np

    angle = rng.random(count) * 2 * math.pi
    r = np.sqrt(rng.random(count))
    return np.stack([np.cos(angle) * r, np.sin(angle) * r], axis=1)


def _prolong(pos: Any, parent: Any, k: float, rng: Any) -> Any:
    """Children start on a sunflower spiral around their parent, one natural length apart."""
    import numpy as np

    order = np.argsort(parent, kind="stable")
    counts = np.bincount(parent)
    starts = np.cumsum(counts) - counts
    rank = np.empty(len(parent), dtype=np.int64)
    rank[order] = np.arange(len(parent)) - np.repeat(starts, counts)
    theta = rank * math.pi * (3 - math.sqrt(5)) + rng.random(len(parent)) * 0.5
    r = 0.6 * k * np.sqrt(rank + 0.3)
    return pos[parent] + np.stack([np.cos(theta) * r, np.sin(theta) * r], axis=1)


def _spread_centres(sizes: Any) -> Any:
    """Component centres on a line, far enough apart never to touch while they are laid out."""
    import numpy as np

    extent = 3.0 * np.sqrt(sizes) + 4.0
    y = np.cumsum(extent) - extent / 2
    return np.stack([np.zeros(len(sizes)), y], axis=1)


def _close_pairs(pos: Any, reach: float) -> tuple[Any, Any]:
    """All pairs (i < j) closer than about `reach`, found through a grid of `reach`-sized cells."""
    import numpy as np

    cell = np.floor(pos / reach).astype(np.int64)
    cell -= cell.min(axis=0)
    width = int(cell[:, 1].max()) + 3
    key = (cell[:, 0] + 1) * width + cell[:, 1] + 1
    order = np.argsort(key, kind="stable")
    skeys = key[order]
    cells = (int(cell[:, 0].max()) + 3) * width
    dense = cells <= 16 * len(pos) + 4096  # a table of every cell is cheaper than binary searches
    if dense:
        per_cell = np.bincount(key, minlength=cells)
        first = np.cumsum(per_cell) - per_cell
    firsts, seconds = [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
        target = key + dx * width + dy
        if dense:
            lo, counts = first[target], per_cell[target]
        else:
            lo = np.searchsorted(skeys, target, "left")
            counts = np.searchsorted(skeys, target, "right") - lo
        total = int(counts.sum())
        if total == 0:
            continue
        i = np.repeat(np.arange(len(pos)), counts)
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        j = order[np.repeat(lo, counts) + within]
        keep = i < j if (dx, dy) == (0, 0) else np.ones(total, dtype=bool)
        firsts.append(i[keep])
        seconds.append(j[keep])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(firsts), np.concatenate(seconds)


def _force(pos: Any, edges: Any, comp: Any, centres: Any, sizes: Any, k: float, *, iterations: int,
           temperature: float) -> Any:
    """Fruchterman-Reingold: exact repulsion within 2k (grid), cell centroids beyond (large components).

    Repulsion grows with the square root of degree (as in ForceAtlas2, tempered)
    so hubs keep their neighbours, and their labels, at a readable distance.
    A weak pull towards each component's own centre keeps components round
    and apart while they are laid out; `_pack` places them afterwards.
    """
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    pos = pos.copy()
    degree = np.bincount(edges.ravel(), minlength=n) if len(edges) else np.zeros(n)
    weight = np.sqrt((degree + 1) / 2.0)
    span = np.sqrt(sizes[comp])[:, None]
    reach = 2.0 * k
    members = [np.nonzero(comp == c)[0] for c in np.unique(comp) if np.count_nonzero(comp == c) >= FAR_FIELD_MIN]
    cool = (0.05 * k / temperature) ** (1.0 / max(iterations - 1, 1))
    far = np.zeros_like(pos)
    u, v = (edges[:, 0], edges[:, 1]) if len(edges) else (None, None)
    x, y = pos[:, 0], pos[:, 1]  # views: x and y apart, not (n, 2) rows, keep numpy on fast paths
    for step in range(iterations):
        disp = np.zeros_like(pos)
        i, j = _close_pairs(pos, reach)
        if len(i):
            dx, dy = x[i] - x[j], y[i] - y[j]
            d2 = np.maximum(dx * dx + dy * dy, 1e-6 * k * k)
            push = np.where(d2 < reach * reach, k * k * weight[i] * weight[j] / d2, 0.0)
            _scatter_into(disp, i, j, push * dx, push * dy)
        if step % 3 == 0:  # far-away mass moves slowly: refresh it every third step
            for idx in members:
                far[idx] = _far_field(pos[idx], weight[idx], k, reach)
        disp += far
        if u is not None:
            dx, dy = x[u] - x[v], y[u] - y[v]
            pull = np.sqrt(dx * dx + dy * dy) / k
            _scatter_into(disp, v, u, pull * dx, pull * dy)
        disp -= 0.1 * k * (pos - centres[comp]) / span
        length = np.sqrt(np.maximum((disp ** 2).sum(axis=1), 1e-12))[:, None]
        pos += disp / length * np.minimum(length, temperature)
        temperature *= cool
    return pos


FAR_FIELD_MIN = 48   # components smaller than this only feel repulsion within 2k
FAR_FIELD_CELLS = 16


def _far_field(pos: Any, weight: Any, k: float, reach: float) -> Any:
    """Repulsion from the weighted centroids of a coarse grid's cells, ignoring the node's own cell."""
    import numpy as np

    lo = pos.min(axis=0)
    size = max(float((pos.max(axis=0) - lo).max()) / FAR_FIELD_CELLS, reach)
    cell = np.minimum(((pos - lo) / size).astype(np.int64), FAR_FIELD_CELLS - 1)
    key = cell[:, 0] * FAR_FIELD_CELLS + cell[:, 1]
    mass = np.bincount(key, weights=weight, minlength=FAR_FIELD_CELLS ** 2)
    occupied = np.nonzero(mass)[0]
    m = mass[occupied]
    centroid = np.stack([np.bincount(key, weights=pos[:, 0] * weight, minlength=mass.size)[occupied] / m,
                         np.bincount(key, weights=pos[:, 1] * weight, minlength=mass.size)[occupied] / m], axis=1)
    dx = pos[:, 0:1] - centroid[None, :, 0]
    dy = pos[:, 1:2] - centroid[None, :, 1]
    pull = m / np.maximum(dx * dx + dy * dy, reach * reach)  # (nodes, cells)
    pull[np.arange(len(pos)), np.searchsorted(occupied, key)] = 0.0  # not from its own cell
    # sum over cells of pull * (p - centroid) = p * sum(pull) - pull @ centroids: two passes, not six
    return (k * k) * weight[:, None] * (pos * pull.sum(axis=1)[:, None] - pull @ centroid)


def _scatter_into(disp: Any, plus: Any, minus: Any, fx: Any, fy: Any) -> None:
    """Add each pair's force to its `plus` node and subtract it from its `minus` node."""
    import numpy as np

    n = len(disp)
    disp[:, 0] += np.bincount(plus, weights=fx, minlength=n) - np.bincount(minus, weights=fx, minlength=n)
    disp[:, 1] += np.bincount(plus, weights=fy, minlength=n) - np.bincount(minus, weights=fy, minlength=n)


def _pack(pos: Any, comp: Any) -> Any:
    """Components in rows (largest first), each moved by its bounding box, with a gap between."""
    import numpy as np

    count = int(comp.max()) + 1
    lo = np.full((count, 2), np.inf)
    hi = np.full((count, 2), -np.inf)
    np.minimum.at(lo, comp, pos)
    np.maximum.at(hi, comp, pos)
    size = hi - lo + 1.5
    order = sorted(range(count), key=lambda c: (-size[c, 0] * size[c, 1], c))
    row_width = max(float(np.sqrt((size[:, 0] * size[:, 1]).sum()) * 1.15), float(size[:, 0].max()))
    offset = np.zeros((count, 2))
    x = y = row_height = 0.0
    for c in order:
        if x > 0 and x + size[c, 0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        offset[c] = (x - lo[c, 0], y - lo[c, 1])
        x += size[c, 0]
        row_height = max(row_height, size[c, 1])
    out = pos + offset[comp]
    return out - (out.min(axis=0) + out.max(axis=0)) / 2


def top_central_nodes(neighbours: dict[str, set[str]], count: int,
                      labels: Callable[[Iterable[str]], dict[str, str]]) -> list[str]:
    """The `count` entities with most distinct neighbours, most connected first.

    Ties go to the entity whose neighbours are better connected (a leaf of a
    hub that is drawn rather than one half of a pair on its own), then by
    name and IRI.  Names are asked for only for the entities that can make
    the cut, not for every entity of a large graph.
    """
    degree = {n: len(found) for n, found in neighbours.items()}
    rank = {n: (-d, -sum(degree[m] for m in neighbours[n])) for n, d in degree.items()}
    chosen = list(rank)
    if count < len(chosen):
        cut = sorted(rank.values())[count - 1]
        chosen = [n for n in chosen if rank[n] <= cut]
    names = labels(chosen)
    return sorted(chosen, key=lambda n: (rank[n], names.get(n, ""), n))[:count]


def degree_scores(G: nx.MultiDiGraph) -> dict[str, float]:
    """networkx degree centrality on the simple projection: sizes the explorer's nodes."""
    return nx.degree_centrality(simple_projection(G)) if len(G) > 1 else {n: 0.0 for n in G}


def iter_relations(G: nx.MultiDiGraph) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    """(subject, object, key, data) in a stable order."""
    return sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
