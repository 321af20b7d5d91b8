"""Where the ontology and the SHACL shapes live, and their parsed graphs.

Both files sit in `ontology/` at the top of the repository (the install is
`pip install -e .`), so that triple stores, reviewers and the code read the
same Turtle.  Parsing is cached: every build and every validation reuses it.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import islice
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS
from rdflib.store import Store
from rdflib.util import guess_format

from ..errors import GraphFileError, ZgcError

ONTOLOGY_IRI = URIRef("https://w3id.org/zgc-graph/ontology")
SHAPES_IRI = URIRef("https://w3id.org/zgc-graph/shapes")


def ontology_dir() -> Path:
    """`ontology/` beside `src/`: parents[3] of src/zgc_graph/graph/ontology.py."""
    return Path(__file__).resolve().parents[3] / "ontology"


def ontology_path() -> Path:
    return ontology_dir() / "zgc.ttl"


def shapes_path() -> Path:
    return ontology_dir() / "shapes.ttl"


def parse_error_line(err: Exception) -> str:
    """One line from an rdflib parse error (BadSyntax spans several lines and quotes bytes)."""
    why = getattr(err, "_why", None)
    line = getattr(err, "lines", None)
    if why is not None and isinstance(line, int):
        return f"line {line + 1}: {why}"
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def read_graph(path: Path, what: str = "graph file", fmt: str | None = None, store: Store | None = None) -> Graph:
    """Parse an RDF file, turning every failure into one `GraphFileError` line.

    `store` holds the triples (rdflib's default, indexed in three ways, when None).
    """
    path = Path(path)
    if not path.exists():
        raise GraphFileError(f"{what} not found: {path}")
    if not path.is_file():
        raise GraphFileError(f"{what} is not a file: {path}")
    fmt = fmt or guess_format(str(path)) or "turtle"
    if fmt in _OXIGRAPH_FORMATS:
        graph = _parse_with_oxigraph(path, _OXIGRAPH_FORMATS[fmt], store)
        if graph is not None:
            return graph
    graph = Graph() if store is None else Graph(store=store)
    try:
        graph.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many unrelated types for bad input
        raise GraphFileError(f"{what} does not parse: {path}: {parse_error_line(err)}") from err
    return graph


_BATCH = 50_000  # triples converted and added at a time
_OXIGRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES}


def _parse_with_oxigraph(path: Path, fmt: ox.RdfFormat, store: Store | None) -> Graph | None:
    """The file parsed by Oxigraph, its terms made rdflib's; None when Oxigraph refuses it.

    rdflib's Turtle parser takes about a minute for the 1.3M triples of a
    1,000-article graph; Oxigraph's takes seconds, and each distinct term is
    converted once.  Language tags come back in their canonical case (zh-CN,
    en-GB), which RDF compares as equal to any other.  Whatever Oxigraph
    refuses (an IRI with a space, an RDF-star triple) is left to rdflib, whose
    reading and errors are the reference.
    """
    from ..store import to_rdflib  # imported here: store imports query, which imports this package

    graph = Graph() if store is None else Graph(store=store)
    add = getattr(graph.store, "add_triples", None)
    terms: dict = {}

    def term(node):
        found = terms.get(node)
        if found is None:
            found = terms[node] = to_rdflib(node, canonical=False)
        return found

    try:
        triples = ox.parse(path=path, format=fmt, base_iri=path.resolve().as_uri())
        while batch := [(term(t.subject), term(t.predicate), term(t.object)) for t in islice(triples, _BATCH)]:
            if add is not None:
                add(batch)
            else:
                for triple in batch:
                    graph.add(triple)
    except (SyntaxError, ValueError, OSError, ZgcError):
        if store is not None:  # the caller's store: rdflib starts it afresh
            graph.remove((None, None, None))
        return None
    for prefix, namespace in triples.prefixes.items():  # as rdflib's parser binds them
        graph.bind(prefix, namespace)
    return graph


def oxigraph_format(path: Path) -> ox.RdfFormat | None:
    """The format `read_graph` has Oxigraph parse `path` in; None for those left to rdflib."""
    return _OXIGRAPH_FORMATS.get(guess_format(str(path)) or "turtle")


def load_into_oxigraph(path: Path, fmt: ox.RdfFormat) -> ox.Store:
    """The file in an Oxigraph store, with the base IRI `read_graph` gives it.

    Raises what `Store.load` raises (SyntaxError, OSError) for a file it refuses.
    """
    store = ox.Store()
    store.load(path=path, format=fmt, base_iri=Path(path).resolve().as_uri())
    return store


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """The parsed ontology, cached: add it to a graph with `graph += load_ontology()`, never modify it."""
    return read_graph(ontology_path(), "ontology file", "turtle")


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The parsed SHACL shapes, cached and read-only like `load_ontology()`."""
    return read_graph(shapes_path(), "SHACL shapes file", "turtle")


@lru_cache(maxsize=1)
def property_signatures() -> dict[str, tuple[frozenset[str] | None, frozenset[str] | None]]:
    """zgc: property -> (the classes its subject may be, those its object may be), by local name.

    Read from the ontology's rdfs:domain and rdfs:range (a class, or an
    owl:unionOf of classes); None where it names no zgc: class (a literal range).
    """
    ontology = load_ontology()
    namespace = str(ONTOLOGY_IRI) + "#"

    def classes(node) -> frozenset[str] | None:
        if node is None:
            return None
        members = ontology.value(node, OWL.unionOf)
        nodes = list(Collection(ontology, members)) if members is not None else [node]
        names = frozenset(str(n)[len(namespace):] for n in nodes if str(n).startswith(namespace))
        return names or None

    return {str(prop)[len(namespace):]: (classes(ontology.value(prop, RDFS.domain)),
                                         classes(ontology.value(prop, RDFS.range)))
            for prop in set(ontology.subjects(RDFS.domain, None)) | set(ontology.subjects(RDFS.range, None))
            if str(prop).startswith(namespace)}
