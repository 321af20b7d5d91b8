"""N-Triples, JSON-LD and TriG exports: each re-parses to exactly the Turtle's triples, byte-stable."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF

from zgc_graph.export import exporters, get_exporter
from zgc_graph.export.rdf_formats import split_by_document
from zgc_graph.export.turtle import serialize_turtle
from zgc_graph.graph.build import build_graph
from zgc_graph.graph.vocab import ZGC
from zgc_graph.interop import jena

from graph_fixtures import make_corpus
from interop_fixtures import CHENGUANG, CONSORTIUM, DOC_A, DOC_B, XINGHE, contract_graph

PARSERS = {"nt": "nt", "jsonld": "json-ld"}


def turtle_graph(graph: Graph) -> Graph:
    """What a user of out/zgc.ttl sees: the graph after a trip through our Turtle."""
    return Graph().parse(data=serialize_turtle(graph), format="turtle")


def union_of(ds: Dataset) -> Graph:
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@pytest.fixture(scope="module", params=["handmade", "pipeline", "seed"])
def source(request) -> Graph:
    if request.param == "handmade":
        return contract_graph()
    if request.param == "pipeline":
        return build_graph(make_corpus())
    return Graph().parse(request.getfixturevalue("seed_build").outputs["turtle"], format="turtle")


def test_formats_are_registered_with_their_suffixes() -> None:
    found = {name: e.suffix for name, e in exporters().items()}
    assert {"nt": ".nt", "jsonld": ".jsonld", "trig": ".trig"}.items() <= found.items()


@pytest.mark.parametrize("fmt", ["nt", "jsonld"])
def test_triple_formats_round_trip_to_the_turtle_triples(source: Graph, fmt: str, tmp_path: Path) -> None:
    target = tmp_path / f"zgc{get_exporter(fmt).suffix}"
    get_exporter(fmt).write(source, target)
    reparsed = Graph().parse(target, format=PARSERS[fmt])
    expected = turtle_graph(source)
    assert len(reparsed) == len(expected) > 0
    assert isomorphic(reparsed, expected)


def test_trig_round_trips_as_a_union_of_graphs(source: Graph, tmp_path: Path) -> None:
    target = tmp_path / "zgc.trig"
    get_exporter("trig").write(source, target)
    ds = Dataset()
    ds.parse(target, format="trig")
    assert isomorphic(union_of(ds), turtle_graph(source))


def test_trig_has_one_named_graph_per_document_holding_its_statements(source: Graph, tmp_path: Path) -> None:
    target = tmp_path / "zgc.trig"
    get_exporter("trig").write(source, target)
    ds = Dataset()
    ds.parse(target, format="trig")
    documents = set(source.subjects(RDF.type, ZGC.Document))
    named = {g.identifier: g for g in ds.graphs() if g.identifier != ds.default_graph.identifier and len(g)}
    assert set(named) == documents
    default = ds.default_graph
    assert not list(default.triples((None, RDF.type, RDF.Statement))), "statements belong in their document's graph"
    for doc, g in named.items():
        statements = set(g.subjects(RDF.type, RDF.Statement))
        assert statements
        assert all((st, PROV.wasDerivedFrom, doc) in g for st in statements)
        for st in statements:  # the fact each statement supports sits beside it
            fact = (g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object))
            assert fact in g
    assert (ZGC.Organisation, None, None) in default  # the ontology stays in the default graph


def test_dropping_one_document_keeps_facts_another_document_supports() -> None:
    default, named = split_by_document(contract_graph())
    remaining = Graph()
    for t in default:
        remaining.add(t)
    for t in named[DOC_B]:  # drop DOC_A's graph
        remaining.add(t)
    assert (CHENGUANG, ZGC.memberOf, CONSORTIUM) in remaining       # also read in DOC_B
    assert (XINGHE, ZGC.leads, CONSORTIUM) not in remaining          # read only in DOC_A
    assert not any(doc == DOC_A for doc in remaining.objects(None, PROV.wasDerivedFrom))


@pytest.mark.parametrize("fmt", ["nt", "jsonld", "trig"])
def test_exports_are_byte_identical_across_builds(fmt: str, tmp_path: Path) -> None:
    # Two separately built graphs: blank nodes get fresh random ids each time.
    first, second = tmp_path / "a", tmp_path / "b"
    get_exporter(fmt).write(contract_graph(), first)
    get_exporter(fmt).write(contract_graph(), second)
    assert first.read_bytes() == second.read_bytes()


def test_ntriples_lines_are_sorted_and_utf8(tmp_path: Path) -> None:
    target = tmp_path / "zgc.nt"
    get_exporter("nt").write(contract_graph(), target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(contract_graph())
    assert any("星河集团" in line for line in lines)


def test_jena_reads_every_export_without_complaint(tmp_path: Path) -> None:
    reason = jena.jena_missing()
    if reason:
        pytest.fail(f"Apache Jena is required: {reason}", pytrace=False)
    graph = contract_graph()
    # Debian's Jena lacks a JSON provider for its JSON-LD 1.1 parser; its JSON-LD 1.0 parser reads ours.
    for fmt, syntax in (("nt", None), ("trig", None), ("jsonld", "jsonld10")):
        target = tmp_path / f"zgc{get_exporter(fmt).suffix}"
        get_exporter(fmt).write(graph, target)
        assert jena.riot_validate(target, syntax) == ([], []), fmt
