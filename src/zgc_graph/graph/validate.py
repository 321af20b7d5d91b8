"""Check a graph against the SHACL shapes in `ontology/shapes.ttl`.

The SHACL-SPARQL constraints run once per shape over the whole graph on
Oxigraph (see `shacl_bulk.py`), in a thread: Oxigraph works without the GIL
while the core constraints are screened over the whole graph on the other
core (`shacl_core.py`).  Only the shapes the screen flags, and
those it cannot read, are then checked by pySHACL, which writes their
results.  pySHACL runs without inference: RDFS would infer, from the ranges
in the ontology, exactly the types the domain/range shapes are meant to check.
Class membership still follows `rdfs:subClassOf*`, because the ontology's own
triples are in the data graph (built graphs include them; for other graphs
the ontology is mixed in).  The report is returned as data; nothing prints.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, SKOS
from rdflib.term import Node

from ..collector import return_freed_memory
from ..errors import GraphFileError, ZgcError
from .build import TripleTable
from .ontology import (ONTOLOGY_IRI, load_into_oxigraph, load_ontology, load_shapes, oxigraph_format,
                       read_graph)
from .shacl_bulk import oxigraph_store, run_bulk, split_shapes
from .shacl_core import core_checks, has_shapes, shapes_to_recheck, without_shapes
from .vocab import PREFIXES

SH = Namespace("http://www.w3.org/ns/shacl#")
ZGCSH = Namespace("https://w3id.org/zgc-graph/shapes#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, in terms a reader of the graph recognises."""

    focus_node: str          # the IRI (or blank node id) of the node at fault
    focus_label: str         # its prefLabel@zh, a readable form of a statement, or the prefixed IRI
    path: str | None         # the property at fault, as a prefixed name
    message: str
    severity: str            # "Violation", "Warning" or "Info"
    source_shape: str        # e.g. "zgcsh:EntityPrefLabel"
    value: str | None = None  # the offending value, when the shape names one

    def sort_key(self) -> tuple[str, str, str, str, str]:
        return (self.focus_label, self.focus_node, self.path or "", self.message, self.value or "")


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0
    source: str | None = None   # the file validated, when given a path

    def summary(self) -> str:
        where = f"{self.source}: " if self.source else ""
        if self.conforms:
            return f"{where}conforms to the shapes ({self.triples} triples)"
        nodes = len({v.focus_node for v in self.violations})
        plural = "s" if len(self.violations) != 1 else ""
        return (f"{where}{len(self.violations)} violation{plural} on {nodes} "
                f"node{'s' if nodes != 1 else ''} ({self.triples} triples)")


def validate(data: Graph | Path | str, copy: Callable[[], ox.Store] | None = None) -> ValidationReport:
    """Validate a graph, or an RDF file (Turtle unless its suffix says otherwise).

    `copy`: Oxigraph's copy of `data` when the caller has one loading already
    (a build tees its Turtle into a `TurtleCopy`; for a file, Oxigraph reads it
    while rdflib does).  Used when `data` holds the ontology, as a built graph
    does; otherwise a copy is made here.
    """
    source: str | None = None
    if isinstance(data, Graph):
        graph = data
    else:
        source = str(data)
        with ThreadPoolExecutor(max_workers=1) as worker:
            fmt = oxigraph_format(Path(data))
            if copy is None and fmt is not None:  # Oxigraph loads its own copy meanwhile, on the other core
                copy = worker.submit(load_into_oxigraph, Path(data), fmt).result
            # the build's store: at 1,000 documents it parses in 60 s instead of 94 and validates in
            # 77 s instead of 99, in 1.7 GB instead of 2.6
            graph = read_graph(Path(data), store=TripleTable())
        if len(graph) == 0:
            raise GraphFileError(f"graph file holds no triples: {source}")
    target = _target_graph(graph)
    shapes, bulk = split_shapes(load_shapes())
    bulk_results = Graph()
    if copy is None or target.store is not graph.store:
        copy = partial(oxigraph_store, target)
    checks = core_checks(shapes)
    # Oxigraph answers the SPARQL constraints without the GIL, on the other core, while this one screens
    with ThreadPoolExecutor(max_workers=1) as worker:
        bulk_found = worker.submit(run_bulk, bulk, copy, bulk_results)
        flagged = shapes_to_recheck(checks, target)
        try:
            found = bulk_found.result()
        except (SyntaxError, ValueError, TypeError, OSError):  # Oxigraph refuses a term: pySHACL checks everything
            shapes, checks, found, bulk_results = load_shapes(), (), 0, Graph()
    return_freed_memory()  # Oxigraph's copy
    shapes = without_shapes(shapes, {check.shape for check in checks} - flagged)
    conforms, results = _pyshacl(target, shapes) if has_shapes(shapes) else (True, Graph())
    violations = sorted(_violations(results, graph) + _violations(bulk_results, graph), key=Violation.sort_key)
    return ValidationReport(conforms=conforms and not found, violations=violations, triples=len(graph),
                            source=source)


def _pyshacl(target: Graph, shapes: Graph) -> tuple[bool, Graph]:
    with _quiet_pyshacl():
        from pyshacl import validate as shacl_validate  # 0.2 s to import: only when validating

        conforms, results, text = shacl_validate(
            target, shacl_graph=shapes, ont_graph=None,
            inference="none", advanced=False, abort_on_first=False,
        )
    if not isinstance(results, Graph):  # pySHACL returns its ValidationFailure instead of a report
        raise ZgcError(f"SHACL validation could not run: {text.splitlines()[0] if text else results}")
    return bool(conforms), results


class _PreparedQueryGraph(Graph):
    """A view of the data whose SPARQL queries are parsed once.

    pySHACL sends the same SPARQL constraint text for every focus node, and
    rdflib parses a query string on every call (about 50 ms each): thousands
    of entities would take minutes.  Prepared queries are evaluated identically.
    """

    def query(self, query_object, processor="sparql", result="sparql", initNs=None,  # noqa: N803
              initBindings=None, use_store_provided=True, **kwargs):  # noqa: N803
        if isinstance(query_object, str) and not initNs and not kwargs:
            query_object = _prepare(query_object)
        return super().query(query_object, processor, result, initNs, initBindings, use_store_provided, **kwargs)


@lru_cache(maxsize=64)
def _prepare(text: str):
    from rdflib.plugins.sparql import prepareQuery  # 0.2 s to import: only when pySHACL runs SPARQL

    return prepareQuery(text)


def _target_graph(data: Graph) -> Graph:
    """The graph pySHACL reads: the data, plus the ontology when the data lacks it.

    A built graph already holds the ontology: it is then viewed through its own
    store, not copied (pySHACL would copy it to mix the ontology in).
    """
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in data and type(data) is Graph:
        return _PreparedQueryGraph(store=data.store, identifier=data.identifier,
                                   namespace_manager=data.namespace_manager)
    target = _PreparedQueryGraph()
    for triple in data.triples((None, None, None)):
        target.add(triple)
    if (ONTOLOGY_IRI, RDF.type, OWL.Ontology) not in target:
        target += load_ontology()
    return target


def _drop(_record: logging.LogRecord) -> bool:
    return False


@contextmanager
def _quiet_pyshacl() -> Iterator[None]:
    """pySHACL re-creates a stderr handler on every call; a logger filter survives that."""
    logger = logging.getLogger("pyshacl-validate")
    logger.addFilter(_drop)
    try:
        yield
    finally:
        logger.removeFilter(_drop)


def _violations(results: Graph, data: Graph) -> list[Violation]:
    names = _Names(data)
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        found.append(Violation(
            focus_node=_node_id(focus),
            focus_label=names.label(focus),
            path=names.qname(path) if isinstance(path, URIRef) else None,
            message=messages[0] if messages else "constraint not met",
            severity=_local(severity) if severity is not None else "Violation",
            source_shape=names.qname(shape) if isinstance(shape, URIRef) else "(anonymous shape)",
            value=names.describe(value) if value is not None and value != focus else None,
        ))
    return found


def _node_id(node: Node | None) -> str:
    if node is None:
        return "(no focus node)"
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _local(iri: Node) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1]


class _Names:
    """Readable names for nodes: Chinese labels for entities, prefixed names for terms."""

    def __init__(self, data: Graph) -> None:
        self.data = data
        self.prefixes = sorted(((str(ns), p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
        self.prefixes.insert(0, (str(ZGCSH), "zgcsh"))

    def qname(self, iri: Node) -> str:
        text = str(iri)
        for ns, prefix in self.prefixes:
            if text.startswith(ns) and len(text) > len(ns):
                return f"{prefix}:{text[len(ns):]}"
        return text

    def pref_label(self, node: Node) -> str | None:
        labels = sorted(str(lit) for lit in self.data.objects(node, SKOS.prefLabel)
                        if isinstance(lit, Literal) and (lit.language or "").lower() == "zh")
        return labels[0] if labels else None

    def label(self, node: Node | None) -> str:
        if node is None:
            return "(no focus node)"
        if node == ONTOLOGY_IRI:  # the focus of checks over the whole graph
            return "(whole graph)"
        pref = self.pref_label(node)
        if pref:
            return pref
        if (node, RDF.type, RDF.Statement) in self.data:
            s, p, o = (self._first(node, p) for p in (RDF.subject, RDF.predicate, RDF.object))
            return " ".join(["statement:", self.describe(s) if s is not None else "?",
                             self.qname(p) if p is not None else "?", self.describe(o) if o is not None else "?"])
        return _node_id(node) if isinstance(node, BNode) else self.qname(node)

    def _first(self, node: Node, prop: URIRef) -> Node | None:
        """One value, the same on every run even when a broken statement has several."""
        values = sorted(self.data.objects(node, prop), key=lambda v: v.n3())
        return values[0] if values else None

    def describe(self, node: Node) -> str:
        if isinstance(node, Literal):
            return node.n3(self.data.namespace_manager)
        pref = self.pref_label(node)
        if pref:
            return pref
        return _node_id(node) if isinstance(node, BNode) else self.qname(node)
