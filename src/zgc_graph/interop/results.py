"""Engine-neutral SPARQL answers, so rdflib, Oxigraph, Jena and the endpoint can be compared.

Engines legitimately differ in the surface of equal answers: Oxigraph
lowercases language tags and stores numbers by value, Jena and Oxigraph omit
`xsd:string` on plain literals, and every engine names blank nodes its own
way.  We reduce each solution to a frozenset of (variable, term key) pairs
with those differences normalised away, and compare solutions as multisets
(`Counter`), since SPARQL promises no order without ORDER BY.
"""
from __future__ import annotations

import math
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Mapping

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte")}

TermKey = tuple[str, ...]
Row = frozenset[tuple[str, TermKey]]
Rows = Counter  # Counter[Row]


def _canonical_lexical(value: str, datatype: str) -> str:
    """The canonical lexical form of a number or boolean; other values unchanged."""
    text = value.strip()
    try:
        if datatype in _INTEGER_TYPES:
            return str(int(text))
        if datatype == XSD + "decimal":
            number = Decimal(text).normalize()
            return "0" if number.is_zero() else format(number, "f")
        if datatype in (XSD + "double", XSD + "float"):
            number = float(text)
            if math.isnan(number):
                return "NaN"
            if math.isinf(number):
                return "INF" if number > 0 else "-INF"
            return repr(number)
        if datatype == XSD + "boolean":
            return {"1": "true", "0": "false"}.get(text, text)
    except (ValueError, InvalidOperation):
        return value  # ill-typed literal: compare it as written
    return value


def literal_key(value: str, lang: str | None = None, datatype: str | None = None) -> TermKey:
    if lang:
        return ("literal", value, lang.lower(), "")
    if not datatype or datatype in (XSD + "string", RDF_LANGSTRING):
        return ("literal", value, "", "")
    return ("literal", _canonical_lexical(value, datatype), "", datatype)


def iri_key(value: str) -> TermKey:
    return ("uri", value)


BNODE_KEY: TermKey = ("bnode",)  # labels are engine-private; only "a blank node" is comparable


def _json_term(term: Mapping[str, Any]) -> TermKey:
    kind = term["type"]
    if kind == "uri":
        return iri_key(term["value"])
    if kind == "bnode":
        return BNODE_KEY
    if kind in ("literal", "typed-literal"):
        return literal_key(term["value"], term.get("xml:lang"), term.get("datatype"))
    raise ValueError(f"unsupported term type in SPARQL JSON results: {kind}")


def rows_from_json(bindings: Iterable[Mapping[str, Mapping[str, Any]]]) -> Rows:
    """Rows from the `results.bindings` list of SPARQL 1.1 JSON results."""
    return Counter(frozenset((var, _json_term(term)) for var, term in row.items()) for row in bindings)


def rows_from_json_document(data: Mapping[str, Any]) -> Rows:
    """Rows from a whole SPARQL JSON document; ASK true is one empty solution, false none."""
    if "boolean" in data:
        return Counter([frozenset()]) if data["boolean"] else Counter()
    return rows_from_json(data["results"]["bindings"])


def _rdflib_term(term: Any) -> TermKey:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return iri_key(str(term))
    if isinstance(term, BNode):
        return BNODE_KEY
    if isinstance(term, Literal):
        return literal_key(str(term), term.language, str(term.datatype) if term.datatype else None)
    raise ValueError(f"unsupported rdflib term: {term!r}")


def rows_from_rdflib(result: Any) -> Rows:
    """Rows from an `rdflib.query.Result` (SELECT, ASK, CONSTRUCT or DESCRIBE)."""
    if result.type == "ASK":
        return Counter([frozenset()]) if result.askAnswer else Counter()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return triples_rows((_rdflib_term(s), _rdflib_term(p), _rdflib_term(o)) for s, p, o in result.graph)
    return Counter(
        frozenset((str(var), _rdflib_term(term)) for var, term in row.items() if term is not None)
        for row in result.bindings)


def _oxigraph_term(term: Any) -> TermKey:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return iri_key(term.value)
    if isinstance(term, ox.BlankNode):
        return BNODE_KEY
    if isinstance(term, ox.Literal):
        return literal_key(term.value, term.language, term.datatype.value)
    raise ValueError(f"unsupported Oxigraph term: {term!r}")


def rows_from_oxigraph(result: Any) -> Rows:
    """Rows from what `pyoxigraph.Store.query` returns."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean):
        return Counter([frozenset()]) if bool(result) else Counter()
    if isinstance(result, ox.QueryTriples):
        return triples_rows((_oxigraph_term(t.subject), _oxigraph_term(t.predicate), _oxigraph_term(t.object))
                            for t in result)
    names = [v.value for v in result.variables]
    return Counter(
        frozenset((name, _oxigraph_term(sol[name])) for name in names if sol[name] is not None)
        for sol in result)


def triples_rows(triples: Iterable[tuple[TermKey, TermKey, TermKey]]) -> Rows:
    """CONSTRUCT answers as rows over ?s ?p ?o, so graphs compare like solutions."""
    return Counter(frozenset((("s", s), ("p", p), ("o", o))) for s, p, o in triples)


def describe_difference(expected: Rows, actual: Rows, limit: int = 5) -> str:
    """A short human-readable account of how two answers differ ('' when equal)."""
    if expected == actual:
        return ""
    missing = list((expected - actual).elements())
    extra = list((actual - expected).elements())

    def show(row: Row) -> str:
        return "{" + ", ".join(f"?{var}={'|'.join(term)}" for var, term in sorted(row)) + "}"

    parts = [f"{sum(expected.values())} expected vs {sum(actual.values())} actual solutions"]
    if missing:
        parts.append(f"missing {len(missing)}: " + "; ".join(show(r) for r in missing[:limit]))
    if extra:
        parts.append(f"unexpected {len(extra)}: " + "; ".join(show(r) for r in extra[:limit]))
    return "\n".join(parts)
