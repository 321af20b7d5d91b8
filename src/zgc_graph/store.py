"""An on-disk Oxigraph store beside the Turtle, for fast repeated queries.

`load_store` bulk-loads `out/zgc.ttl` into `out/zgc.oxigraph/` and writes a
stamp with the Turtle's sha256; `query` uses the store only while that stamp
matches, so a rebuilt graph is never answered from a stale store.  Answers
come back as rdflib terms (`QueryResult`), exactly like the rdflib engine's.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import GraphFileError, QueryError
from .export.turtle import canonical_decimal
from .graph.vocab import PREFIXES
from .query import QueryResult, _NS, _oxigraph_message

STAMP = "zgc-graph.stamp.json"
_XSD_STRING = str(XSD.string)
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass
class StoreInfo:
    path: Path
    triples: int
    turtle_sha256: str
    seconds: float


def default_store_dir(turtle: Path | str) -> Path:
    """out/zgc.ttl -> out/zgc.oxigraph"""
    return Path(turtle).with_suffix(".oxigraph")


def turtle_digest(turtle: Path | str) -> str:
    digest = hashlib.sha256()
    with open(turtle, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_stamp(store_dir: Path) -> dict:
    try:
        return json.loads((store_dir / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def store_is_current(turtle: Path | str, store_dir: Path | str) -> bool:
    """True when `store_dir` holds a store loaded from exactly this Turtle file."""
    stamp = _read_stamp(Path(store_dir))
    if not stamp.get("turtle_sha256") or not Path(turtle).is_file():
        return False
    return stamp["turtle_sha256"] == turtle_digest(turtle)


def load_store(turtle: Path | str, store_dir: Path | str | None = None) -> StoreInfo:
    """Bulk-load `turtle` into a fresh store at `store_dir`; an old store stays until the new one is complete."""
    started = time.perf_counter()
    turtle = Path(turtle)
    if not turtle.is_file():
        raise GraphFileError(f"graph file not found: {turtle} (run `zgc-graph build` first)")
    target = Path(store_dir) if store_dir else default_store_dir(turtle)
    target.parent.mkdir(parents=True, exist_ok=True)
    sha = turtle_digest(turtle)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = ox.Store(str(tmp))
        try:
            store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
        except SyntaxError as err:
            raise GraphFileError(f"graph file does not parse: {turtle}: {_one_line(str(err))}") from None
        store.flush()
        triples = len(store)
        del store
        gc.collect()  # the RocksDB lock is released only when the store is freed
        stamp = {"turtle": turtle.name, "turtle_sha256": sha, "triples": triples}
        (tmp / STAMP).write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return StoreInfo(target, triples, sha, time.perf_counter() - started)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def open_for_query(turtle: Path | str, store_dir: Path | str) -> ox.Store:
    """The loaded store when it is current, else the Turtle loaded into memory."""
    if store_is_current(turtle, store_dir):
        try:
            return ox.Store.read_only(str(store_dir))
        except OSError as err:
            raise GraphFileError(f"cannot open store {store_dir}: {_one_line(str(err))}") from None
    store = ox.Store()
    try:
        store.bulk_load(path=str(turtle), format=ox.RdfFormat.TURTLE)
    except SyntaxError as err:
        raise GraphFileError(f"graph file does not parse: {turtle}: {_one_line(str(err))}") from None
    return store


# -- terms ---------------------------------------------------------------------

def _bcp47_case(tag: str) -> str:
    """Oxigraph lowercases language tags; restore RFC 5646 case (zh-Latn-pinyin, en-GB)."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    in_extension = False
    for part in parts[1:]:
        in_extension = in_extension or len(part) == 1
        if not in_extension and len(part) == 4 and part.isalpha():
            part = part.title()
        elif not in_extension and len(part) == 2 and part.isalpha():
            part = part.upper()
        out.append(part)
    return "-".join(out)


def to_rdflib(term, *, canonical: bool = True) -> Node | None:
    """pyoxigraph term -> the rdflib term rdflib's own parser would have produced.

    `canonical` writes decimals in canonical form, as a store gives them back
    (1.50 -> 1.5); a parser keeps them as written.
    """
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=_bcp47_case(term.language))
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        value = term.value
        if canonical and datatype == str(XSD.decimal):
            value = canonical_decimal(value) or value
        return Literal(value, datatype=URIRef(datatype))
    raise QueryError(f"query: cannot convert {type(term).__name__} results (RDF-star is not supported)")


def query_store(sparql: str, store: ox.Store) -> QueryResult:
    """Answer `sparql` with Oxigraph, in the same shape as the rdflib engine."""
    try:
        answer = store.query(sparql, prefixes=_NS)
        if isinstance(answer, ox.QuerySolutions):
            names = [v.value for v in answer.variables]
            rows = [tuple(to_rdflib(sol[name]) for name in names) for sol in answer]
            return QueryResult("select", names, rows, engine="oxigraph")
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer), engine="oxigraph")
        graph = Graph()
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        for triple in answer:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return QueryResult("graph", graph=graph, engine="oxigraph")
    except SyntaxError as err:
        raise QueryError(_oxigraph_message(sparql, str(err))) from None
    except OSError as err:
        raise QueryError(f"query: cannot evaluate: {_one_line(str(err))}") from None
