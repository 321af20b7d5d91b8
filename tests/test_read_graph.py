"""Reading graph files (`graph.ontology.read_graph`): Oxigraph's parser, rdflib's reading."""
from __future__ import annotations

import logging

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from zgc_graph.graph.build import TripleTable
from zgc_graph.graph import ontology
from zgc_graph.graph.ontology import read_graph

VARIED = """\
@prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/default#> .

ex:xinghe ex:label "星河集团"@zh, "Xīnghé Jítuán"@zh-Latn-pinyin, "Star River"@en-GB ;
    ex:members 007, "20"^^xsd:integer ;
    ex:confidence 0.850, "1.50"^^xsd:decimal ;
    ex:issued "2023-04"^^xsd:gYearMonth, "2023-02-30"^^xsd:date ;
    ex:note "line one\\nline \\"two\\"" ;
    ex:partner [ ex:label "启明大学"@zh ; ex:list ( 1 2 ) ] ;
    :flag true .
<#local> ex:seeAlso <../elsewhere> .
"""


def test_a_turtle_file_reads_as_rdflib_reads_it(tmp_path, monkeypatch):
    """Oxigraph parses it (rdflib's parser takes a minute for a 1,000-article graph), with the same
    result, relative IRIs resolved against the file as rdflib resolves them."""
    path = tmp_path / "varied.ttl"
    path.write_text(VARIED, encoding="utf-8")
    reference = Graph().parse(path, format="turtle")

    def not_rdflib(*args, **kwargs):
        raise AssertionError("rdflib's parser was used")

    monkeypatch.setattr(Graph, "parse", not_rdflib)
    for store in (None, TripleTable()):
        graph = read_graph(path, store=store)
        assert isomorphic(graph, reference)
        bound = dict(graph.namespaces())
        assert str(bound["ex"]) == "https://example.org/" and str(bound[""]) == "https://example.org/default#"
    literal = read_graph(path).value(URIRef("https://example.org/xinghe"), URIRef("https://example.org/members"),
                                     any=True)
    assert literal in (Literal("007", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")),
                       Literal("20", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))


def test_what_oxigraph_refuses_is_read_by_rdflib(tmp_path, caplog, monkeypatch):
    """Oxigraph stops at the IRI with a space after adding the blank node: rdflib reads the file
    again from the start, into an empty store (no second copy of the blank node)."""
    monkeypatch.setattr(ontology, "_BATCH", 1)
    path = tmp_path / "loose.ttl"
    path.write_text('<https://example.org/a> <https://example.org/p> [ <https://example.org/q> 1 ] .\n'
                    '<https://example.org/a b> <https://example.org/p> "x" .\n', encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="rdflib"):
        reference = Graph().parse(path, format="turtle")
        for store in (None, TripleTable()):
            graph = read_graph(path, store=store)
            assert len(graph) == len(reference) == 3
            assert _without_blank_nodes(graph) == _without_blank_nodes(reference)
            assert len({o for o in graph.objects() if isinstance(o, BNode)}) == 1


def _without_blank_nodes(graph: Graph) -> set:
    return {t for t in graph if not any(isinstance(term, BNode) for term in t)}
