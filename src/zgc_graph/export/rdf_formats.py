"""N-Triples, JSON-LD and TriG: the same triples as the Turtle, for tools that want another syntax.

Every writer is deterministic (same graph, same bytes): blank nodes get labels
derived from their content, lines and JSON objects are sorted.

TriG splits the graph so that a user can drop one article's facts by dropping
one named graph:

* one named graph per source document, named by the document's IRI, holds
  every `rdf:Statement` node derived from it (`prov:wasDerivedFrom` the
  document: the statement with its evidence, offsets and confidence) and the
  fact each such statement supports (`S P O` where the statement has
  `rdf:subject S ; rdf:predicate P ; rdf:object O`).  A fact read in two
  documents appears in both graphs, so dropping one keeps it;
* the default graph holds everything else: the ontology, the documents'
  own descriptions, entity descriptions (types, labels, `zgc:mentionedIn`),
  membership nodes, and any fact without a statement naming its document.

The union of all graphs is exactly the Turtle graph.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import PROV, RDF, XSD
from rdflib.term import Node

from ..fsutil import atomic_write_text
from ..graph.vocab import PREFIXES
from . import register
from .turtle import canonical_decimal, canonical_integer, escape_string, iri_ref, serialize_turtle

Triple = tuple[Node, Node, Node]


# -- blank nodes ---------------------------------------------------------------
def stable_bnodes(graph: Graph) -> Graph:
    """The graph with blank nodes renamed from their content (RDF canonical labelling).

    Only the triples that touch a blank node are canonicalised, so a graph
    with a handful of blank nodes (the ontology's owl:unionOf lists) costs a
    copy, not a full canonicalisation.
    """
    blank = [t for t in graph if isinstance(t[0], BNode) or isinstance(t[2], BNode)]
    if not blank:
        return graph
    touched = Graph()
    for t in blank:
        touched.add(t)
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    for t in graph:
        if not (isinstance(t[0], BNode) or isinstance(t[2], BNode)):
            out.add(t)
    for s, p, o in to_canonical_graph(touched):
        out.add((_short(s), p, _short(o)))
    return out


def _short(node: Node) -> Node:
    """Canonical labels are 64 hex digits; 16 keep them unique in practice and readable."""
    if isinstance(node, BNode):
        return BNode("b" + hashlib.sha1(str(node).encode("ascii")).hexdigest()[:16])
    return node


# -- N-Triples -----------------------------------------------------------------
# rdflib namespace attribute lookups are slow; nt_term runs per term
_STRING, _INTEGER, _DECIMAL = XSD.string, XSD.integer, XSD.decimal


def nt_term(node: Node) -> str:
    if isinstance(node, URIRef):
        return iri_ref(str(node))
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        lexical = str(node)
        if node.language:
            return f'"{escape_string(lexical)}"@{node.language}'
        datatype = node.datatype
        if datatype is None or datatype == _STRING:
            return f'"{escape_string(lexical)}"'
        if datatype == _INTEGER:
            lexical = canonical_integer(lexical) or lexical
        elif datatype == _DECIMAL:
            lexical = canonical_decimal(lexical) or lexical
        return f'"{escape_string(lexical)}"^^{iri_ref(str(datatype))}'
    raise TypeError(f"cannot write {type(node).__name__} in N-Triples")


def serialize_ntriples(graph: Graph) -> str:
    """N-Triples 1.1 (UTF-8), one triple per line, lines sorted: diffable and deterministic."""
    lines = sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in stable_bnodes(graph)})
    return "".join(line + "\n" for line in lines)


@register("nt", ".nt", "N-Triples: one sorted triple per line, for grep, diff and bulk loaders")
def write_ntriples(graph: Graph, path: Path) -> None:
    atomic_write_text(path, serialize_ntriples(graph))


# -- JSON-LD -------------------------------------------------------------------
def _json_sort_key(value: Any) -> str:
    if isinstance(value, dict) and "@id" in value:
        return "0" + str(value["@id"])
    return "1" + json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sorted_json(value: Any, key: str | None = None) -> Any:
    """Sort every JSON array except `@list` ones: in RDF, only lists have an order."""
    if isinstance(value, dict):
        return {k: _sorted_json(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return items if key == "@list" else sorted(items, key=_json_sort_key)
    return value


def serialize_jsonld(graph: Graph) -> str:
    """JSON-LD 1.1 with an inline context of our prefixes (no remote context to fetch)."""
    context = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}
    text = stable_bnodes(graph).serialize(format="json-ld", context=context, auto_compact=True)
    data = json.loads(text)
    if isinstance(data, dict) and "@graph" not in data and "@context" in data:
        single = {k: v for k, v in data.items() if k != "@context"}
        data = {"@context": data["@context"], "@graph": [single] if single else []}
    return json.dumps(_sorted_json(data), ensure_ascii=False, indent=2) + "\n"


@register("jsonld", ".jsonld", "JSON-LD 1.1 with an inline context: for web and JSON tooling")
def write_jsonld(graph: Graph, path: Path) -> None:
    atomic_write_text(path, serialize_jsonld(graph))


# -- TriG ----------------------------------------------------------------------
def split_by_document(graph: Graph) -> tuple[Graph, dict[URIRef, Graph]]:
    """(default graph, {document IRI: its named graph}); see the module docstring for the split."""
    named: dict[URIRef, Graph] = {}
    moved: set[Triple] = set()
    for statement in set(graph.subjects(RDF.type, RDF.Statement)):
        docs = sorted(d for d in graph.objects(statement, PROV.wasDerivedFrom) if isinstance(d, URIRef))
        if not docs:
            continue
        triples: list[Triple] = list(graph.triples((statement, None, None)))
        fact = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate),
                graph.value(statement, RDF.object))
        if None not in fact and fact in graph:
            triples.append(fact)  # type: ignore[arg-type]
        for doc in docs:
            target = named.setdefault(doc, Graph())
            for t in triples:
                target.add(t)
        moved.update(triples)
    default = Graph()
    for t in graph:
        if t not in moved:
            default.add(t)
    return default, named


def _turtle_body(graph: Graph) -> str:
    """Our Turtle writer's output without its @prefix header (TriG declares prefixes once)."""
    lines = serialize_turtle(graph).splitlines()
    start = 0
    while start < len(lines) and (lines[start].startswith("@prefix ") or not lines[start].strip()):
        start += 1
    return "\n".join(lines[start:]).rstrip() + "\n"


def serialize_trig(graph: Graph) -> str:
    """TriG 1.1: the default graph first, then one `<document> { … }` block per document, by IRI."""
    default, named = split_by_document(graph)
    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    out.append("")
    if len(default):
        out.append(_turtle_body(default))
    for doc in sorted(named):
        out.append(f"{iri_ref(str(doc))} {{\n{_turtle_body(named[doc])}}}\n")
    return "\n".join(out)


@register("trig", ".trig", "TriG: one named graph per source document, ontology and entities in the default graph")
def write_trig(graph: Graph, path: Path) -> None:
    atomic_write_text(path, serialize_trig(graph))
