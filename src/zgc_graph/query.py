"""SPARQL over a built graph: run, and format the answer.

`run_query` reads the Turtle with rdflib, or asks the Oxigraph store beside
it when that store was loaded from exactly this Turtle (see `store.py`).
Both engines answer in rdflib terms, so formatting and comparisons are
shared.  Syntax errors are reported in one line with line and column.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from .errors import GraphFileError, QueryError, ZgcError
from .graph.vocab import PREFIXES, ZGC, ZGCR

ENGINES = ("auto", "rdflib", "oxigraph")
FORMATS = ("table", "csv", "json", "turtle")
_NS = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


@dataclass
class QueryResult:
    """A SELECT (vars + rows), an ASK (boolean) or a CONSTRUCT/DESCRIBE (graph) answer."""

    kind: str                                   # "select", "ask" or "graph"
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    engine: str = ""                            # which engine answered, for the curious


# -- errors ------------------------------------------------------------------

def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# One alternative in Oxigraph's "expected one of …": a quoted token, a character class, or words.
_EXPECTED_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]|[^,\s"\[][^,]*')


def _oxigraph_message(sparql: str, message: str) -> str:
    """'error at 3:12: expected …' -> 'query: line 3, column 12: expected …', made short."""
    m = re.match(r"error at (\d+):(\d+): (.*)", _squash(message))
    if not m:
        return f"query: {_squash(message)}"
    line, col, why = int(m.group(1)), int(m.group(2)), m.group(3)
    if "Prefix not found" in why:
        lines = sparql.splitlines()
        before = lines[line - 1][: col - 1] if 0 < line <= len(lines) else ""
        pm = re.search(r"([A-Za-z][\w.-]*)?:[\w.-]*$", before)
        prefix = (pm.group(1) or "") if pm else ""
        if pm:
            col = pm.start() + 1  # Oxigraph points after the name; point at its start
        why = f"unknown prefix '{prefix}:' (declare it with PREFIX {prefix}: <…>)"
    elif why.startswith("expected one of "):
        items = _EXPECTED_ITEM.findall(why[len("expected one of "):])
        kept = [i.strip() for i in items if i.strip() and not i.startswith("[")]
        shown = ", ".join(kept[:8]) + (", …" if len(kept) > 8 else "")
        if len(kept) == 1 and " " in kept[0]:  # a sentence, not a token: "The SELECT contains…"
            why = kept[0][:1].lower() + kept[0][1:]
        else:
            why = f"expected one of {shown}" if kept else "unexpected character"
    return f"query: line {line}, column {col}: {why}"


def _rdflib_message(err: Exception) -> str:
    lineno, col = getattr(err, "lineno", None), getattr(err, "col", None)
    text = _squash(str(err))
    if lineno is not None and col is not None:
        found = re.search(r"found ('.*?'|end of text)", text)
        msg = _squash(getattr(err, "msg", "") or "syntax error")
        msg = msg[:1].lower() + msg[1:]
        return f"query: line {lineno}, column {col}: {msg}" + (f", found {found.group(1)}" if found else "")
    return f"query: {text}"


def check_syntax(sparql: str) -> None:
    """Raise `QueryError` (one line, with line and column) when `sparql` does not parse.

    Oxigraph's parser gives the clearest messages, whichever engine answers.
    The query goes to an empty in-memory store and its lazy result is never
    iterated, so nothing is evaluated (not even a SERVICE call).
    """
    import pyoxigraph

    try:
        pyoxigraph.Store().query(sparql, prefixes=_NS)
    except SyntaxError as err:
        raise QueryError(_oxigraph_message(sparql, str(err))) from None


# -- engines -----------------------------------------------------------------

def read_turtle(graph_path: Path) -> Graph:
    from .graph.ontology import read_graph

    return read_graph(Path(graph_path), "graph file", "turtle")


def query_graph(sparql: str, graph: Graph) -> QueryResult:
    """Answer `sparql` with rdflib over an in-memory graph."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(sparql, initNs=_NS)
    except Exception as err:  # pyparsing errors, unknown prefixes…
        raise QueryError(_rdflib_message(err)) from None
    try:
        result = graph.query(prepared)
        if result.type == "SELECT":
            names = [str(v) for v in (result.vars or [])]
            rows = [tuple(row) for row in result]
            return QueryResult("select", names, rows, engine="rdflib")
        if result.type == "ASK":
            return QueryResult("ask", boolean=bool(result.askAnswer), engine="rdflib")
        out = Graph()
        for prefix, ns in PREFIXES.items():
            out.bind(prefix, ns)
        for triple in result:
            out.add(triple)
        return QueryResult("graph", graph=out, engine="rdflib")
    except ZgcError:
        raise
    except Exception as err:  # evaluation failures inside rdflib
        raise QueryError(f"query: cannot evaluate: {_squash(str(err)) or type(err).__name__}") from None


def run_query(sparql: str, graph_path: Path | str, *, engine: str = "auto",
              store_dir: Path | str | None = None) -> QueryResult:
    """Answer `sparql` over the Turtle at `graph_path`.

    engine "auto" uses the Oxigraph store beside the Turtle when it was loaded
    from this very file, else rdflib; "oxigraph" uses that store or loads the
    Turtle into an in-memory Oxigraph store; "rdflib" always parses the Turtle.
    """
    from . import store

    if engine not in ENGINES:
        raise QueryError(f"unknown engine '{engine}' (known: {', '.join(ENGINES)})")
    graph_path = Path(graph_path)
    if not graph_path.is_file():
        raise GraphFileError(f"graph file not found: {graph_path} (run `zgc-graph build` first)")
    check_syntax(sparql)
    store_path = Path(store_dir) if store_dir else store.default_store_dir(graph_path)
    if engine == "rdflib" or (engine == "auto" and not store.store_is_current(graph_path, store_path)):
        return query_graph(sparql, read_turtle(graph_path))
    return store.query_store(sparql, store.open_for_query(graph_path, store_path))


# -- formatting ----------------------------------------------------------------

def compact(iri: str) -> str:
    """A readable short form of an IRI for tables: zgc:leads, zgcr:org/huawei-3f9a1c."""
    best = max((ns for ns in _NS.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in _NS.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def display(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def text_width(text: str) -> int:
    """Columns `text` takes in a terminal: CJK and full-width characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - text_width(text))


def format_table(names: Sequence[str], rows: Sequence[Sequence[Node | None]]) -> str:
    cells = [[display(t).replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ") for t in row] for row in rows]
    widths = [max([text_width(n)] + [text_width(r[i]) for r in cells]) for i, n in enumerate(names)]
    lines = [" | ".join(_pad(n, w) for n, w in zip(names, widths)).rstrip()]
    lines.append("-+-".join("-" * w for w in widths))
    lines += [" | ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The answer as text: an aligned table, SPARQL 1.1 CSV or JSON results, or Turtle for graphs."""
    from .export.turtle import serialize_turtle

    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
    if result.kind == "graph":
        if fmt not in ("table", "turtle"):
            raise QueryError(f"--format {fmt} does not apply to CONSTRUCT/DESCRIBE results; use turtle")
        return serialize_turtle(result.graph if result.graph is not None else Graph())
    if fmt == "turtle":
        raise QueryError("--format turtle applies only to CONSTRUCT/DESCRIBE queries")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)}) + "\n"
        if fmt == "csv":
            return "_askResult\r\n" + ("true" if result.boolean else "false") + "\r\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return format_table(result.vars, result.rows)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(result.vars)
        for row in result.rows:
            writer.writerow(["" if t is None else (f"_:{t}" if isinstance(t, BNode) else str(t)) for t in row])
        return buf.getvalue()
    bindings = [
        {name: _json_term(term) for name, term in zip(result.vars, row) if term is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": list(result.vars)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- stats ---------------------------------------------------------------------

@dataclass
class GraphStats:
    triples: int
    documents: int
    statements: int
    entities: int
    classes: list[tuple[URIRef, int]]      # instances under zgcr:, counting subclasses
    properties: list[tuple[URIRef, int]]   # triples under zgcr: subjects, per predicate


def _stats_order(item: tuple[URIRef, int]) -> tuple[bool, int, str]:
    """Our own terms first, then the standard vocabularies they align to; larger counts first."""
    term, count = item
    return (not str(term).startswith(str(ZGC)), -count, str(term))


def graph_stats(graph_path: Path | str) -> GraphStats:
    """Counts a user checks first: how many of each class and property, documents, statements."""
    graph = read_turtle(Path(graph_path))
    data_ns = str(ZGCR)
    supers: dict[Node, set[Node]] = {}
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        supers.setdefault(sub, set()).add(sup)

    def ancestors(cls: Node) -> set[Node]:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in supers.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        return seen

    members: dict[Node, set[Node]] = {}
    for s, cls in graph.subject_objects(RDF.type):
        if str(s).startswith(data_ns):
            for c in ancestors(cls):
                if isinstance(c, URIRef):
                    members.setdefault(c, set()).add(s)
    props: Counter[URIRef] = Counter(p for s, p, _o in graph if str(s).startswith(data_ns))
    tops = [ZGC.Organisation, ZGC.Person, ZGC.Policy, ZGC.Platform]
    entities = set().union(*(members.get(t, set()) for t in tops))
    return GraphStats(
        triples=len(graph),
        documents=len(members.get(ZGC.Document, ())),
        statements=len(members.get(RDF.Statement, ())),
        entities=len(entities),
        classes=sorted(((c, len(m)) for c, m in members.items()), key=_stats_order),
        properties=sorted(props.items(), key=_stats_order),
    )
