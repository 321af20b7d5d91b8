"""Corpus -> rdflib Graph, exactly as /work/shared/CONTRACT.md describes.

Every node is an IRI derived from content (see `iris.py`): no blank nodes,
no counters, so the same corpus always gives the same graph.  Every
relation, number, date and title carries an rdf:Statement with its evidence.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePath

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.stores.memory import SimpleMemory
from rdflib.term import Node

from ..models import (SUBTYPES, SYMMETRIC_RELATIONS, Attribute, Corpus, Entity, EntityType, Evidence, MemberGroup,
                      Membership, Relation, SourceDocument)
from .iris import EntityIris, document_iri, member_group_iri, membership_iri, statement_iri
from .ontology import load_ontology, property_signatures
from .pinyin import prepare as prepare_pinyin, romanise
from .vocab import ORG, PREFIXES, ZGC

PINYIN_LANG = "zh-Latn-pinyin"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_URL = re.compile(r"^https?://[!-~]+$")


@dataclass(frozen=True)
class _Fact:
    """One triple with one piece of evidence: becomes the triple plus an rdf:Statement."""

    subject: URIRef
    predicate: URIRef
    object: Node
    evidence: Evidence
    rule: str
    confidence: float

    @property
    def key(self) -> tuple[str, ...]:
        ev = self.evidence
        return (str(self.subject), str(self.predicate), self.object.n3(), ev.doc_id,
                str(ev.char_start), str(ev.char_end))


class TripleTable(SimpleMemory):
    """An in-memory store for a graph that is built once and then mostly read in full.

    rdflib's default store keeps three nested indexes plus per-triple contexts,
    about 900 bytes a triple: a 1,000-article corpus (1.3M triples) needed
    1.1 GB for the graph alone, and adding the triples was the slowest part of
    the build.  This one keeps the triples in one insertion-ordered dict (about
    100 bytes a triple) and builds a by-subject, by-predicate or by-object
    index only when a pattern first needs it; the indexes share the triple
    tuples, so each costs a pointer per triple.  Namespace bindings are
    SimpleMemory's.  It holds one graph: every context sees all of it.  It
    says it is context- and graph-aware only because pySHACL wraps the data
    graph's store in a Dataset, which insists on those flags.
    """

    context_aware = True
    graph_aware = True

    def __init__(self, configuration=None, identifier=None) -> None:
        super().__init__(configuration, identifier)
        self._triples: dict[tuple[Node, Node, Node], None] = {}
        self._indexes: list[dict[Node, list[tuple[Node, Node, Node]]] | None] = [None, None, None]
        self._indexed = False

    def add(self, triple, context, quoted: bool = False) -> None:
        table = self._triples
        if triple in table:
            return
        table[triple] = None
        if not self._indexed:
            return
        for pos, index in enumerate(self._indexes):
            if index is not None:
                bucket = index.get(triple[pos])
                if bucket is None:
                    index[triple[pos]] = [triple]
                else:
                    bucket.append(triple)

    def add_triples(self, triples) -> None:
        """Many triples at once: the build's way in, without a call per triple."""
        if self._indexed:
            for triple in triples:
                self.add(triple, None)
        else:
            self._triples.update(dict.fromkeys(triples))

    def addN(self, quads) -> None:  # noqa: N802 (rdflib's name)
        add = self.add
        for s, p, o, context in quads:
            add((s, p, o), context)

    def remove(self, triple_pattern, context=None) -> None:
        doomed = [triple for triple, _ in self.triples(triple_pattern)]
        for triple in doomed:
            del self._triples[triple]
        if doomed:
            self._indexes = [None, None, None]  # rebuilt on demand
            self._indexed = False

    def _index(self, pos: int) -> dict[Node, list[tuple[Node, Node, Node]]]:
        index = self._indexes[pos]
        if index is None:
            index = {}
            for triple in self._triples:
                bucket = index.get(triple[pos])
                if bucket is None:
                    index[triple[pos]] = [triple]
                else:
                    bucket.append(triple)
            self._indexes[pos] = index
            self._indexed = True
        return index

    def triples(self, triple_pattern, context=None):
        s, p, o = triple_pattern
        no_contexts = iter(())  # Graph ignores the contexts of a triple
        if s is None and p is None and o is None:
            # the whole graph (exporters): a snapshot, so the caller may add while iterating
            for triple in list(self._triples):
                yield triple, no_contexts
            return
        if s is not None and p is not None and o is not None:
            if (s, p, o) in self._triples:
                yield (s, p, o), no_contexts
            return
        bucket = None
        for pos, term in enumerate((s, p, o)):
            if term is not None:
                found = self._index(pos).get(term)
                if not found:
                    return
                if bucket is None or len(found) < len(bucket):
                    bucket = found
        for triple in list(bucket):
            ts, tp, to = triple
            if (s is None or ts is s or ts == s) and (p is None or tp is p or tp == p) \
                    and (o is None or to is o or to == o):
                yield triple, no_contexts

    def with_predicate(self, predicate: Node) -> list[tuple[Node, Node, Node]]:
        """The triples of one predicate: the by-predicate index's own list, not to be modified."""
        return self._index(1).get(predicate, [])

    def stored_triples(self):
        """The triple tuples themselves, for a writer that reads the whole graph without copying it."""
        return iter(self._triples)

    def __len__(self, context=None) -> int:
        return len(self._triples)

    def contexts(self, triple=None):
        return iter(())


Fact = Relation | Attribute | Membership


def build_graph(corpus: Corpus, *, left_out: list[Fact] | None = None) -> Graph:
    """The knowledge graph of `corpus`, with the ontology's own triples included.

    A fact whose entities, once merged across documents, are not of the kinds
    its property allows (the ontology's rdfs:domain and rdfs:range) is left
    out, and appended to `left_out` when given: a name can be a person in one
    article and a company in another, and an entity is one kind of thing.
    """
    graph = Graph(store=TripleTable())
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    graph += load_ontology()

    prepare_pinyin([(label, e.type is EntityType.PERSON) for label, e in corpus.entities.items()])
    iris = EntityIris({label: e.type for label, e in corpus.entities.items()})
    facts: list[_Fact] = []
    mentioned: dict[str, set[str]] = {label: set(e.doc_ids) for label, e in corpus.entities.items()}
    fits = _Signatures(corpus, left_out)

    for rel in corpus.relations:
        if rel.subject not in iris or rel.object not in iris:
            continue  # an endpoint the resolver dropped: no dangling nodes in the graph
        if not fits(rel, rel.predicate, rel.subject, rel.object):
            continue
        pred = _zgc(rel.predicate)
        s, o = iris[rel.subject], iris[rel.object]
        facts.append(_Fact(s, pred, o, rel.evidence, rel.rule, rel.confidence))
        if rel.predicate in SYMMETRIC_RELATIONS:
            facts.append(_Fact(o, pred, s, rel.evidence, rel.rule, rel.confidence))
        for label in (rel.subject, rel.object):
            mentioned[label].add(rel.evidence.doc_id)

    for attr in corpus.attributes:
        if attr.subject not in iris or not fits(attr, attr.property, attr.subject):
            continue
        if isinstance(attr.value, MemberGroup):
            facts += _member_group(graph, iris[attr.subject], attr)
            mentioned[attr.subject].add(attr.evidence.doc_id)
            continue
        value = attribute_literal(attr)
        if value is None:
            continue
        facts.append(_Fact(iris[attr.subject], _zgc(attr.property), value, attr.evidence, attr.rule,
                           attr.confidence))
        mentioned[attr.subject].add(attr.evidence.doc_id)

    for m in corpus.memberships:
        if m.person not in iris or not fits(m, "affiliatedWith", m.person):
            continue
        fits_org = m.organisation in iris and fits(m, "affiliatedWith", m.person, m.organisation)
        org = iris[m.organisation] if fits_org else None
        title = m.title.strip()
        if org is None and not title:
            continue
        node = membership_iri(str(iris[m.person]), str(org) if org else None, title)
        graph.add((node, RDF.type, ORG.Membership))
        graph.add((node, ORG.member, iris[m.person]))
        mentioned[m.person].add(m.evidence.doc_id)
        if title:
            facts.append(_Fact(node, ZGC.roleTitle, Literal(title, lang="zh"), m.evidence, m.rule, m.confidence))
        if org is not None:
            graph.add((node, ORG.organization, org))
            facts.append(_Fact(iris[m.person], ZGC.affiliatedWith, org, m.evidence, m.rule, m.confidence))
            mentioned[m.organisation].add(m.evidence.doc_id)

    docs = {doc.doc_id: doc for doc in corpus.documents}
    for doc_id in sorted(set(docs) | {f.evidence.doc_id for f in facts} | set().union(*mentioned.values())):
        _add_document(graph, doc_id, docs.get(doc_id))
    for label in sorted(corpus.entities):
        _add_entity(graph, iris[label], corpus.entities[label], mentioned[label])
    for key, fact in _best_per_statement(facts):
        _add_fact(graph, fact, key)
    return graph


def _member_group(graph: Graph, whole: URIRef, attr: Attribute) -> list[_Fact]:
    """A zgc:MemberGroup node (its kind as written); the link to it and its size are facts with evidence."""
    group: MemberGroup = attr.value  # type: ignore[assignment]
    node = member_group_iri(str(whole), group.kind)
    graph.add((node, RDF.type, ZGC.MemberGroup))
    graph.add((node, ZGC.memberKind, Literal(group.kind, lang="zh")))
    return [_Fact(whole, ZGC.memberGroup, node, attr.evidence, attr.rule, attr.confidence),
            _Fact(node, ZGC.groupSize, Literal(group.size), attr.evidence, attr.rule, attr.confidence)]


class _Signatures:
    """Whether a fact's entities are of the kinds its property allows; the misfits, collected."""

    def __init__(self, corpus: Corpus, left_out: list[Fact] | None) -> None:
        self.kinds = {label: e.type.value for label, e in corpus.entities.items()}
        self.signatures = property_signatures()
        self.left_out = left_out

    def __call__(self, fact: Fact, prop: str, subject: str, obj: str | None = None) -> bool:
        domain, range_ = self.signatures.get(prop, (None, None))
        if (domain is None or self.kinds[subject] in domain) and \
                (obj is None or range_ is None or self.kinds[obj] in range_):
            return True
        if self.left_out is not None:
            self.left_out.append(fact)
        return False


def attribute_literal(attr: Attribute) -> Literal | None:
    """The typed literal of an attribute value: integers, dates by precision, strings @zh."""
    value = attr.value
    if attr.property == "memberCount" or isinstance(value, int) and not isinstance(value, bool):
        try:
            return Literal(int(value))
        except (TypeError, ValueError):
            return None
    if attr.property == "documentNumber":  # an identifier, not Chinese prose: no language tag
        return Literal(value.strip()) if isinstance(value, str) and value.strip() else None
    if isinstance(value, str) and attr.property in ("issuedOn", "effectiveFrom", "effectiveUntil"):
        text = value.strip()
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
            return Literal(text, datatype=XSD.gYearMonth)
        try:
            value = date.fromisoformat(text)
        except ValueError:
            return None
    if isinstance(value, date):
        if attr.precision == "month":
            return Literal(f"{value.year:04d}-{value.month:02d}", datatype=XSD.gYearMonth)
        if attr.precision == "year":
            return Literal(f"{value.year:04d}", datatype=XSD.gYear)
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, float):
        return decimal_literal(value)
    if isinstance(value, str) and value.strip():
        return Literal(value.strip(), lang="zh")
    return None


@functools.lru_cache(maxsize=1 << 12)
def decimal_literal(value: float) -> Literal:
    """xsd:decimal in canonical form (1.0, 0.85): stores compare it by value, Turtle keeps it."""
    text = format(Decimal(repr(round(float(value), 6))).normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _text_literal(text: str) -> Literal:
    return Literal(text, lang="zh") if _HAN.search(text) else Literal(text)


def _add_document(graph: Graph, doc_id: str, doc: SourceDocument | None) -> None:
    node = document_iri(doc_id)
    graph.add((node, RDF.type, ZGC.Document))
    graph.add((node, DCTERMS.identifier, Literal(doc_id)))
    if doc is None:
        return
    meta = doc.metadata
    graph.add((node, ZGC.encoding, Literal(doc.encoding)))
    name = meta.title or PurePath(doc.path).name
    if name:
        graph.add((node, RDFS.label, _text_literal(name)))
    if meta.title:
        graph.add((node, DCTERMS.title, _text_literal(meta.title)))
    if meta.date:
        graph.add((node, DCTERMS.date, Literal(meta.date.isoformat(), datatype=XSD.date)))
    if meta.publication:
        graph.add((node, DCTERMS.publisher, _text_literal(meta.publication)))
    if meta.source:
        source = meta.source.strip()
        graph.add((node, DCTERMS.source, URIRef(source) if _URL.match(source) else _text_literal(source)))
    creator = getattr(meta, "author", None) or getattr(meta, "creator", None)
    if creator:
        graph.add((node, DCTERMS.creator, _text_literal(str(creator))))


@functools.lru_cache(maxsize=256)
def _zgc(local_name: str) -> URIRef:
    return ZGC[local_name]


def _entity_class(entity: Entity) -> URIRef:
    if entity.subtype and SUBTYPES.get(entity.subtype) == entity.type:
        return _zgc(entity.subtype)
    return _zgc(entity.type.value)


# Namespace attribute lookups mint a new URIRef each time; these run per entity and per fact.
_TYPE, _PREF_LABEL, _ALT_LABEL, _LABEL, _MENTIONED_IN = RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, ZGC.mentionedIn


@functools.lru_cache(maxsize=1 << 14)
def _document_node(doc_id: str) -> URIRef:
    return document_iri(doc_id)


def _add_entity(graph: Graph, node: URIRef, entity: Entity, doc_ids: set[str]) -> None:
    label = Literal(entity.label, lang="zh")
    pinyin = Literal(romanise(entity.label, is_person=entity.type is EntityType.PERSON), lang=PINYIN_LANG)
    triples = [(node, _TYPE, _entity_class(entity)), (node, _PREF_LABEL, label), (node, _LABEL, label),
               (node, _PREF_LABEL, pinyin)]
    triples += [(node, _ALT_LABEL, Literal(alias, lang="zh")) for alias in entity.aliases
                if alias.strip() and alias != entity.label]
    triples += [(node, _MENTIONED_IN, _document_node(doc_id)) for doc_id in doc_ids]
    graph.store.add_triples(triples)  # a TripleTable: no per-triple checks or events


def _best_per_statement(facts: list[_Fact]) -> list[tuple[tuple[str, ...], _Fact]]:
    """One statement per (triple, evidence span): the most confident rule wins, ties by rule name.

    Returns (key, fact) pairs in key order; the key is computed once per fact (`n3()` is slow).
    """
    best: dict[tuple[str, ...], _Fact] = {}
    for fact in facts:
        key = fact.key
        kept = best.get(key)
        if kept is None or (-fact.confidence, fact.rule) < (-kept.confidence, kept.rule):
            best[key] = fact
    return [(k, best[k]) for k in sorted(best)]


_STATEMENT_PROPS = (RDF.type, RDF.Statement, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom,
                    ZGC.evidence, ZGC.charStart, ZGC.charEnd, ZGC.extractionRule, ZGC.confidence)


def _add_fact(graph: Graph, fact: _Fact, key: tuple[str, ...]) -> None:
    (a, statement, subject, predicate, obj, derived, evidence, char_start, char_end, rule,
     confidence) = _STATEMENT_PROPS
    ev = fact.evidence
    node = statement_iri(*key[:3], ev.doc_id, ev.char_start, ev.char_end)
    triples = [
        (fact.subject, fact.predicate, fact.object),
        (node, a, statement),
        (node, subject, fact.subject),
        (node, predicate, fact.predicate),
        (node, obj, fact.object),
        (node, derived, _document_node(ev.doc_id)),
        (node, evidence, _zh(ev.text)),
        (node, char_start, _integer(ev.char_start)),
        (node, char_end, _integer(ev.char_end)),
        (node, confidence, decimal_literal(fact.confidence)),
    ]
    if fact.rule:
        triples.append((node, rule, _plain(fact.rule)))
    graph.store.add_triples(triples)  # a TripleTable: no per-triple checks or events


# Many statements share a sentence, an offset, a rule: build each literal once.
@functools.lru_cache(maxsize=1 << 16)
def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@functools.lru_cache(maxsize=1 << 16)
def _integer(value: int) -> Literal:
    return Literal(value)


@functools.lru_cache(maxsize=1 << 12)
def _plain(text: str) -> Literal:
    return Literal(text)
