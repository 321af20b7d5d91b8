"""Answers from different engines compare equal when only their surface differs, and not otherwise."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from zgc_graph.interop.results import describe_difference, rows_from_json, rows_from_oxigraph, rows_from_rdflib

DATA = """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/lab> <https://example.org/name> "Yúnlǐng Shíyànshì"@zh-Latn-pinyin ;
    <https://example.org/staff> "0120"^^xsd:integer ;
    <https://example.org/share> "0.50"^^xsd:decimal ;
    <https://example.org/note> "云岭"^^xsd:string ;
    <https://example.org/site> [ <https://example.org/city> "星河市"@zh ] .
"""
QUERY = "SELECT ?p ?o WHERE { <https://example.org/lab> ?p ?o }"


def test_rdflib_and_oxigraph_agree_after_normalising() -> None:
    store = ox.Store()
    store.load(DATA, format=ox.RdfFormat.TURTLE)
    # Oxigraph lowercases the tag and stores 0120 as 120; rdflib keeps the tag's case.
    assert any(sol["o"].language == "zh-latn-pinyin" for sol in store.query(QUERY) if isinstance(sol["o"], ox.Literal))
    assert rows_from_rdflib(Graph().parse(data=DATA, format="turtle").query(QUERY)) == rows_from_oxigraph(store.query(QUERY))


def test_json_bindings_normalise_tags_numbers_and_plain_strings() -> None:
    a = rows_from_json([{"o": {"type": "literal", "value": "12", "xml:lang": "zh-Latn-pinyin"}},
                        {"o": {"type": "literal", "value": "007", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
                        {"o": {"type": "literal", "value": "x", "datatype": "http://www.w3.org/2001/XMLSchema#string"}},
                        {"o": {"type": "bnode", "value": "b0"}}])
    b = rows_from_json([{"o": {"type": "bnode", "value": "genid-77"}},
                        {"o": {"type": "literal", "value": "x"}},
                        {"o": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
                        {"o": {"type": "literal", "value": "12", "xml:lang": "zh-latn-pinyin"}}])
    assert a == b


def test_real_differences_remain_and_are_described() -> None:
    integer = {"o": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}
    decimal = {"o": {"type": "literal", "value": "7", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}}
    lang_zh = {"o": {"type": "literal", "value": "7", "xml:lang": "zh"}}
    assert rows_from_json([integer]) != rows_from_json([decimal])
    assert rows_from_json([integer]) != rows_from_json([lang_zh])
    assert rows_from_json([integer]) != rows_from_json([integer, integer])  # multisets, not sets
    message = describe_difference(rows_from_json([integer]), rows_from_json([decimal]))
    assert "missing 1" in message and "unexpected 1" in message and "decimal" in message
    assert describe_difference(rows_from_json([integer]), rows_from_json([integer])) == ""
