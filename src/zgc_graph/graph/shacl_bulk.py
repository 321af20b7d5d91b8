"""SHACL-SPARQL constraints run once per shape over the whole graph, on Oxigraph.

pySHACL runs a constraint's `sh:select` once per focus node through rdflib's
SPARQL engine, at several milliseconds a node: 88% of validating a 100-article
graph (13,000 focus nodes, 110 of 120 s), and tens of minutes at 1,000
articles.  Here each query runs once, with `$this` turned into a variable
bound to each of the shape's focus nodes (`sh:targetClass` through
`rdf:type/rdfs:subClassOf*`, `sh:targetSubjectsOf`, `sh:targetObjectsOf`,
`sh:targetNode`); the solutions are those the pre-bound queries give, one per
focus node and solution, and become the results pySHACL would report.
That holds when `$this` appears only where joining on it means what
substituting it means: in the query's own group, not in a nested group's
OPTIONAL or FILTER nor in a subquery.  `ontology/shapes.ttl` keeps to that,
and the tests compare the results with pySHACL's on every broken graph.
A constraint this cannot rewrite (other pre-bound variables such as `$PATH`,
a property shape, a shape without targets) stays with pySHACL.
"""
from __future__ import annotations

import errno
import os
import queue
import re
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS
from rdflib.term import Node

from ..collector import return_freed_memory
from ..export.rdf_formats import nt_term
from ..store import to_rdflib
from .vocab import ZGC

SH = Namespace("http://www.w3.org/ns/shacl#")
_THIS = re.compile(r"\$this\b")
_OTHER_PREBOUND = re.compile(r"\$(?!this\b)\w+")
_SELECT = re.compile(r"^\s*SELECT\s+(?:DISTINCT\s+|REDUCED\s+)?", re.IGNORECASE)


# Statement details no SPARQL constraint of ontology/shapes.ttl reads (a test keeps it so): a build
# leaves them out of Oxigraph's copy, 6 of a statement's 10 triples, ~200 MB at 1,000 articles.
# The core shapes that check them run on the complete graph.
NOT_QUERIED = frozenset({ZGC.evidence, ZGC.charStart, ZGC.charEnd, ZGC.confidence, ZGC.extractionRule,
                         PROV.wasDerivedFrom})


@dataclass(frozen=True)
class BulkConstraint:
    """One shape's SPARQL constraint as a single query over all its focus nodes."""

    shape: URIRef
    query: str
    messages: tuple[Literal, ...]
    severity: URIRef


@lru_cache(maxsize=4)  # the shapes graph is parsed once and read-only (ontology.load_shapes)
def split_shapes(shapes: Graph) -> tuple[Graph, tuple[BulkConstraint, ...]]:
    """The shapes without the SPARQL constraints run here, and those constraints."""
    bulk: list[BulkConstraint] = []
    taken: set[Node] = set()
    for shape, constraint in sorted(shapes.subject_objects(SH.sparql)):
        rewritten = _rewrite(shapes, shape, constraint)
        if rewritten is not None:
            bulk.append(rewritten)
            taken.add(constraint)
    rest = Graph()
    for prefix, namespace in shapes.namespaces():
        rest.bind(prefix, namespace)
    for s, p, o in shapes:
        if s not in taken and not (p == SH.sparql and o in taken):
            rest.add((s, p, o))
    return rest, tuple(bulk)


def _rewrite(shapes: Graph, shape: Node, constraint: Node) -> BulkConstraint | None:
    select = shapes.value(constraint, SH.select)
    targets = _targets(shapes, shape)
    if (not isinstance(shape, URIRef) or select is None or targets is None
            or _OTHER_PREBOUND.search(str(select)) or (shape, SH.path, None) in shapes
            or shapes.value(constraint, SH.deactivated) == Literal(True)):
        return None
    body = _THIS.sub("?this", str(select))
    head = _SELECT.match(body)
    where = body.find("{", head.end()) if head else -1
    if head is None or where < 0:
        return None
    projection = body[head.end():where]
    if not re.search(r"\?this\b", projection):
        projection = "?this " + projection
    query = (_prefixes(shapes, constraint) + body[:head.end()] + projection + "{\n  " + targets
             + body[where + 1:])
    messages = tuple(m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal))
    messages = messages or tuple(m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal))
    severity = shapes.value(shape, SH.severity)
    return BulkConstraint(shape, query, messages, severity if isinstance(severity, URIRef) else SH.Violation)


def _targets(shapes: Graph, shape: Node) -> str | None:
    """A group binding ?this to each focus node of `shape` once, or None when it has none we can write."""
    classes = sorted(shapes.objects(shape, SH.targetClass))
    nodes = sorted(shapes.objects(shape, SH.targetNode))
    if any(not isinstance(t, URIRef) for t in classes + nodes):
        return None
    parts = []
    if classes:
        parts.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* ?zgcTarget . VALUES ?zgcTarget {{ "
                     + " ".join(c.n3() for c in classes) + " }")
    for prop, pattern in ((SH.targetSubjectsOf, "?this {} ?zgcAny ."), (SH.targetObjectsOf, "?zgcAny {} ?this .")):
        parts += [pattern.format(p.n3()) for p in sorted(shapes.objects(shape, prop))]
    if nodes:
        parts.append("VALUES ?this { " + " ".join(n.n3() for n in nodes) + " }")
    if not parts:
        return None
    union = " UNION ".join("{ " + part + " }" for part in parts)
    return "{ SELECT DISTINCT ?this WHERE { " + union + " } }\n"


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = set()
    for source in shapes.objects(constraint, SH.prefixes):
        for declaration in shapes.objects(source, SH.declare):
            prefix, namespace = shapes.value(declaration, SH.prefix), shapes.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                lines.add(f"PREFIX {prefix}: <{namespace}>")
    return "".join(line + "\n" for line in sorted(lines))


# -- running them --------------------------------------------------------------

def oxigraph_store(data: Graph, batch: int = 50_000) -> ox.Store:
    """The data in an in-memory Oxigraph store.

    The triples go in as N-Triples text, a batch at a time: half the time of
    making an Oxigraph term per rdflib term, and never the whole text in
    memory.  Oxigraph parses a batch without holding the GIL, so the next one
    is rendered in a thread meanwhile (at 1,000 documents: 7.5 s instead of
    10).  `load`, not `bulk_load`: as fast in memory, and the bulk loader's
    buffers added ~130 MB to the build's peak.  Raises SyntaxError or
    ValueError when Oxigraph refuses a term (an IRI with a space, a malformed
    language tag), TypeError for a term N-Triples cannot hold: pySHACL then
    checks everything.  Typed values come back canonical (007 -> 7).
    """
    store = ox.Store()
    for text in _one_ahead(_ntriples_batches(data, batch)):
        store.load(input=text, format=ox.RdfFormat.N_TRIPLES)
    return store


def _ntriples_batches(data: Graph, batch: int) -> Iterator[bytes]:
    """The graph as N-Triples, in batches of whole lines.

    Each load reads its blank node labels afresh, so the triples with a blank
    node (a few, in the ontology) all go in the last batch, where `_:b` still
    names one node.
    """
    rendered: dict[int, str] = {}  # by id(): the graph's own term objects, alive as long as it is
    get = rendered.get

    def term(node: Node) -> str:
        text = get(id(node))
        if text is None:
            text = rendered[id(node)] = nt_term(node)
        return text

    stored = getattr(data.store, "stored_triples", None)  # a TripleTable: no tuple made per triple
    triples = stored() if stored is not None else iter(data)
    with_blank_nodes: list[str] = []
    while chunk := list(islice(triples, batch)):
        lines = []
        for s, p, o in chunk:
            line = f"{term(s)} {term(p)} {term(o)} .\n"
            (with_blank_nodes if isinstance(s, BNode) or isinstance(o, BNode) else lines).append(line)
        yield "".join(lines).encode("utf-8")
    yield "".join(with_blank_nodes).encode("utf-8")


def _one_ahead(batches: Iterator[bytes]) -> Iterator[bytes]:
    """`batches`, each next one made in a worker thread while the caller uses the last."""
    with ThreadPoolExecutor(max_workers=1) as worker:
        coming = worker.submit(next, batches, None)
        while (batch := coming.result()) is not None:
            coming = worker.submit(next, batches, None)
            yield batch


class TurtleCopy:
    """An Oxigraph store that parses a Turtle document in a worker thread as it is written.

    A build writes its Turtle anyway: teeing those bytes into Oxigraph spares
    rendering the graph a second time as N-Triples, and Oxigraph parses on the
    other core while the writer renders.  The bytes reach it through a named
    pipe, which Oxigraph reads without the GIL; through a Python file object it
    would ask for 1 KB at a time, each time waiting for the GIL.  A thread pumps
    the pipe from a queue of chunks, so neither side waits for the other's turn
    (with the pipe's 64 KB alone, rendering and parsing took turns: no gain).
    Use as a context manager: leaving it removes the pipe and ends the threads.
    """

    def __init__(self) -> None:
        self._folder = tempfile.mkdtemp(prefix="zgc-copy-")
        self._pipe = os.path.join(self._folder, "graph.ttl")
        os.mkfifo(self._pipe, 0o600)
        self._chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=8)  # 8 MB in flight at most
        self._store: ox.Store | None = ox.Store()
        self._workers = ThreadPoolExecutor(max_workers=2)
        self._loaded = self._workers.submit(self._store.load, path=self._pipe, format=ox.RdfFormat.TURTLE)
        self._pumped = self._workers.submit(self._pump)

    def __enter__(self) -> TurtleCopy:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._end()
        self._workers.shutdown()
        shutil.rmtree(self._folder, ignore_errors=True)
        self._store = None

    def tee(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        """`chunks`, each also handed to the parser; the end of `chunks` ends the document."""
        return self.tee_pairs((chunk, chunk) for chunk in chunks)

    def tee_pairs(self, pairs: Iterable[tuple[bytes, bytes]]) -> Iterator[bytes]:
        """The first of each pair; the parser gets the second (the same part of a shorter document,
        such as one without the triples the SPARQL constraints never read: see NOT_QUERIED)."""
        try:
            for chunk, copied in pairs:
                self._put(copied)
                yield chunk
        finally:
            self._end()

    def take(self) -> ox.Store:
        """The loaded store, once the document has ended; raises what `Store.load` raised.

        This object keeps no reference to it, so dropping it frees its memory.
        """
        self._end()
        self._pumped.result()
        self._loaded.result()
        store, self._store = self._store, None
        if store is None:
            raise RuntimeError("the copy was taken already")
        return store

    def _end(self) -> None:
        if not self._pumped.done():
            self._put(None)

    def _put(self, chunk: bytes | None) -> None:
        while not self._pumped.done():
            try:
                self._chunks.put(chunk, timeout=0.1)
                return
            except queue.Full:
                continue

    def _pump(self) -> None:
        fd = self._open_pipe()
        try:
            while (chunk := self._chunks.get()) is not None:
                view = memoryview(chunk)
                while fd is not None and view:
                    try:
                        view = view[os.write(fd, view):]
                    except BrokenPipeError:  # the parser stopped (a syntax error): drop the rest
                        os.close(fd)
                        fd = None
        finally:
            if fd is not None:
                os.close(fd)

    def _open_pipe(self) -> int | None:
        """The pipe's writing end, once the parser has opened it; None when the parser is gone."""
        while True:
            try:
                fd = os.open(self._pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as err:
                if err.errno != errno.ENXIO or self._loaded.done():  # ENXIO: no reader yet
                    return None
                time.sleep(0.002)
                continue
            os.set_blocking(fd, True)
            return fd


def run_bulk(constraints: tuple[BulkConstraint, ...], copy: Callable[[], ox.Store], report: Graph) -> int:
    """Run `constraints` over the data, adding their sh:ValidationResults to `report`; how many.

    `copy` gives Oxigraph's copy of the data (`oxigraph_store`, `TurtleCopy.take`);
    what it raises when Oxigraph refuses a term goes to the caller.
    """
    if not constraints:
        return 0
    store = copy()
    return_freed_memory()  # the parser's buffers (~50 MB at 1,000 documents), before the queries' own
    return sum(_add_results(constraint, store, report) for constraint in constraints)


def _add_results(constraint: BulkConstraint, store: ox.Store, report: Graph) -> int:
    """Run `constraint` and add one sh:ValidationResult per solution to `report`, as pySHACL would."""
    added = 0
    for solution in store.query(constraint.query):
        focus = to_rdflib(solution["this"])
        if focus is None:
            continue
        result = BNode()
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, focus))
        report.add((result, SH.sourceShape, constraint.shape))
        report.add((result, SH.resultSeverity, constraint.severity))
        report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
        for variable, prop in (("path", SH.resultPath), ("value", SH.value)):
            value = to_rdflib(solution[variable])  # None when unbound or not selected
            if value is not None:
                report.add((result, prop, value))
        for message in constraint.messages:
            report.add((result, SH.resultMessage, message))
        added += 1
    return added
