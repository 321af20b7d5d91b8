"""The Turtle loads and answers identically in rdflib, Oxigraph and Apache Jena (riot, ARQ, TDB2).

Jena is required here, not optional: the test command installs
`default-jre-headless` and `libapache-jena-java`; without them these tests
FAIL with the reason, because "loads in Jena" is a promise to users.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from zgc_graph.export.turtle import serialize_turtle
from zgc_graph.fsutil import atomic_write_text
from zgc_graph.graph.build import build_graph
from zgc_graph.graph.vocab import SPARQL_PREFIXES
from zgc_graph.interop import jena
from zgc_graph.interop.results import describe_difference, rows_from_json, rows_from_oxigraph, rows_from_rdflib

from graph_fixtures import make_corpus
from interop_fixtures import CONTRACT_QUERIES, canned_queries, contract_graph

COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def require_jena() -> None:
    reason = jena.jena_missing()
    if reason:
        pytest.fail(f"Apache Jena is required for the cross-engine test: {reason}", pytrace=False)


@dataclass
class Engines:
    ttl: Path
    rdflib: Graph
    oxigraph: ox.Store
    tdb2: Path
    queries: dict[str, str]


def _prepare(tmp: Path, graph: Graph, queries: dict[str, str] | None = None) -> Engines:
    """Write the Turtle once and load it everywhere; `queries` default to the canned ones."""
    require_jena()
    ttl = tmp / "zgc.ttl"
    atomic_write_text(ttl, serialize_turtle(graph))
    parsed = Graph().parse(ttl, format="turtle")
    store = ox.Store()
    store.load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    tdb = tmp / "tdb2"
    jena.tdb2_load(ttl, tdb)
    return Engines(ttl, parsed, store, tdb, queries if queries is not None else canned_queries(parsed))


@pytest.fixture(scope="module", params=["handmade", "pipeline", "seed"])
def engines(request, tmp_path_factory) -> Engines:
    tmp = tmp_path_factory.mktemp(f"engines-{request.param}")
    if request.param == "handmade":  # engine edge cases: blank nodes, odd escapes, capitalised tags
        return _prepare(tmp, contract_graph(), {k: SPARQL_PREFIXES + v for k, v in CONTRACT_QUERIES.items()})
    if request.param == "pipeline":  # the real graph builder on an invented two-document corpus
        return _prepare(tmp, build_graph(make_corpus()))
    report = request.getfixturevalue("seed_build")  # the real build of seeds/
    return _prepare(tmp, Graph().parse(report.outputs["turtle"], format="turtle"))


def test_jena_riot_parses_without_errors_or_warnings(engines: Engines) -> None:
    errors, warnings = jena.riot_validate(engines.ttl)
    assert (errors, warnings) == ([], [])


def test_every_engine_holds_the_same_number_of_triples(engines: Engines) -> None:
    counts = {
        "rdflib": len(engines.rdflib),
        "oxigraph": len(engines.oxigraph),
        "jena-arq": int(jena.arq_select(engines.ttl, COUNT_ALL)[0]["n"]["value"]),
        "jena-tdb2": int(jena.tdb2_select(engines.tdb2, COUNT_ALL)[0]["n"]["value"]),
    }
    assert len(engines.rdflib) > 0
    assert set(counts.values()) == {len(engines.rdflib)}, counts


def test_every_query_gives_the_same_answers_in_every_engine(engines: Engines) -> None:
    names = sorted(engines.queries)
    expected = {n: rows_from_rdflib(engines.rdflib.query(engines.queries[n])) for n in names}
    # TDB2 locks its folder per process, so its queries run one after another; ARQ runs beside them.
    with ThreadPoolExecutor(max_workers=2) as pool:
        arq = pool.submit(lambda: {n: rows_from_json(jena.arq_select(engines.ttl, engines.queries[n])) for n in names})
        tdb2 = pool.submit(lambda: {n: rows_from_json(jena.tdb2_select(engines.tdb2, engines.queries[n])) for n in names})
        answers = {
            "oxigraph": {n: rows_from_oxigraph(engines.oxigraph.query(engines.queries[n])) for n in names},
            "jena-arq": arq.result(),
            "jena-tdb2": tdb2.result(),
        }
    assert any(sum(rows.values()) for rows in expected.values()), "every query answered nothing: a vacuous check"
    problems = [f"{engine} / {n}:\n{describe_difference(expected[n], got[n])}"
                for engine, by_name in answers.items() for n, got in sorted(by_name.items()) if got != expected[n]]
    assert not problems, "\n\n".join(problems)
