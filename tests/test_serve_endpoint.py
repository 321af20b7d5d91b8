"""`zgc-graph serve`: a SPARQL 1.1 Protocol endpoint a real client (SPARQLWrapper) can use, read-only."""
from __future__ import annotations

import csv
import io
import re
import signal
import socket
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path
from urllib.error import HTTPError

import httpx
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from zgc_graph.cli import main
from zgc_graph.export.turtle import serialize_turtle
from zgc_graph.graph.build import build_graph
from zgc_graph.graph.vocab import SPARQL_PREFIXES
from zgc_graph.interop.results import rows_from_json_document, rows_from_rdflib
from zgc_graph.serve import SparqlServer

from graph_fixtures import make_corpus
from interop_fixtures import canned_queries

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
INSERT = 'PREFIX zgc: <https://w3id.org/zgc-graph/ontology#> INSERT DATA { <https://example.org/x> zgc:memberCount 1 }'
CONSTRUCT = SPARQL_PREFIXES + "CONSTRUCT { ?s zgc:memberCount ?n } WHERE { ?s zgc:memberCount ?n }"


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "zgc.ttl"
    path.write_text(serialize_turtle(build_graph(make_corpus())), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(ttl: Path) -> Graph:
    return Graph().parse(ttl, format="turtle")


@pytest.fixture(scope="module")
def server(ttl: Path):
    srv = SparqlServer(ttl, port=0)  # default host: loopback
    srv.start()
    yield srv
    srv.stop()


def client(url: str, query: str, fmt: str = JSON, method: str | None = None) -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method == POSTDIRECTLY:
        sw.setMethod(POST)
        sw.setRequestMethod(POSTDIRECTLY)
    elif method == POST:
        sw.setMethod(POST)
        sw.setRequestMethod(URLENCODED)
    return sw


def count(url: str) -> int:
    data = client(url, COUNT).query().convert()
    return int(data["results"]["bindings"][0]["n"]["value"])


def test_every_canned_query_answers_like_rdflib(server: SparqlServer, graph: Graph) -> None:
    methods = [None, POST, POSTDIRECTLY]  # GET, form POST and direct POST, in turn
    for i, (name, query) in enumerate(sorted(canned_queries(graph).items())):
        expected = rows_from_rdflib(graph.query(query))
        assert sum(expected.values()) > 0, f"{name} answers nothing on the test graph: a vacuous check"
        got = rows_from_json_document(client(server.url, query, JSON, methods[i % 3]).query().convert())
        assert got == expected, name


def test_update_is_refused_and_changes_nothing(server: SparqlServer) -> None:
    before = count(server.url)
    sw = client(server.url, INSERT, JSON, POST)  # SPARQLWrapper sends update=… for INSERT
    with pytest.raises(HTTPError) as err:
        sw.query()
    assert err.value.code == 403
    refused = [
        httpx.post(server.url, content=INSERT.encode(), headers={"Content-Type": "application/sparql-update"}),
        httpx.get(server.url, params={"update": INSERT}),
        httpx.get(server.url, params={"query": INSERT}),
        httpx.post(server.url, data={"query": "# a comment\n" + INSERT.replace("INSERT", "insert")}),
        httpx.request("PUT", server.url, content=b"<a> <b> <c> ."),
    ]
    assert [r.status_code for r in refused] == [403, 403, 403, 403, 405]
    assert "read-only" in refused[0].text
    assert count(server.url) == before


def test_malformed_query_is_400_with_a_message(server: SparqlServer) -> None:
    with pytest.raises(QueryBadFormed):
        client(server.url, "SELECT ?s WHERE { ?s ?p }").query()
    reply = httpx.get(server.url, params={"query": "SELECT ?s WHERE { ?s ?p }"})
    assert reply.status_code == 400 and reply.text.startswith("malformed query:") and "1:" in reply.text
    assert httpx.get(server.url).status_code == 400  # no query at all


def test_federated_service_calls_are_refused(server: SparqlServer) -> None:
    reply = httpx.get(server.url, params={"query": f"SELECT * WHERE {{ SERVICE <{server.url}> {{ ?s ?p ?o }} }}"})
    assert reply.status_code == 400 and "SERVICE" in reply.text


def test_results_negotiate_xml_csv_and_tsv(server: SparqlServer, graph: Graph) -> None:
    query = SPARQL_PREFIXES + "SELECT ?label WHERE { ?x a/rdfs:subClassOf* zgc:Organisation ; skos:prefLabel ?label }"
    expected = sorted(str(row.label) for row in graph.query(query))
    assert expected

    doc = client(server.url, query, XML).query().convert()
    assert isinstance(doc, xml.dom.minidom.Document)
    assert sorted(n.firstChild.data for n in doc.getElementsByTagName("literal")) == expected

    result = client(server.url, query, CSV).query()
    assert result.response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(result.convert().decode("utf-8"))))
    assert rows[0] == ["label"] and sorted(r[0] for r in rows[1:]) == expected

    result = client(server.url, query, TSV).query()
    assert result.response.headers["Content-Type"].startswith("text/tab-separated-values")
    lines = result.convert().decode("utf-8").splitlines()
    assert lines[0] == "?label"
    terms = [re.fullmatch(r'"(.*)"@([A-Za-z-]+)', line) for line in lines[1:]]  # TSV writes RDF terms
    assert all(terms) and sorted(m.group(1) for m in terms) == expected


def test_construct_answers_turtle_or_ntriples(server: SparqlServer, graph: Graph) -> None:
    expected = graph.query(CONSTRUCT).graph
    assert len(expected) > 0
    turtle = client(server.url, CONSTRUCT, TURTLE).query()
    assert turtle.response.headers["Content-Type"].startswith("text/turtle")
    assert isomorphic(Graph().parse(data=turtle.convert(), format="turtle"), expected)
    nt = httpx.get(server.url, params={"query": CONSTRUCT}, headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"].startswith("application/n-triples")
    assert isomorphic(Graph().parse(data=nt.text, format="nt"), expected)


def test_unacceptable_types_get_406(server: SparqlServer) -> None:
    assert httpx.get(server.url, params={"query": COUNT}, headers={"Accept": "image/png"}).status_code == 406
    assert httpx.get(server.url, params={"query": CONSTRUCT}, headers={"Accept": "text/csv"}).status_code == 406


def test_cors_lets_a_browser_client_query(server: SparqlServer) -> None:
    origin = "https://yasgui.example"
    preflight = httpx.options(server.url, headers={
        "Origin": origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, accept"})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    reply = httpx.post(server.url, data={"query": COUNT}, headers={"Origin": origin,
                                                                   "Accept": "application/sparql-results+json"})
    assert reply.status_code == 200 and reply.headers["access-control-allow-origin"] == "*"


def test_a_runaway_query_is_cancelled_and_the_endpoint_recovers(ttl: Path) -> None:
    srv = SparqlServer(ttl, port=0, timeout=0.5)
    srv.start()
    try:
        huge = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        reply = httpx.get(srv.url, params={"query": huge}, timeout=60)
        assert reply.status_code == 503 and "0.5 s" in reply.text
        assert count(srv.url) == srv.endpoint.triples  # a fresh worker answers the next query
    finally:
        srv.stop()


def non_loopback_addresses() -> list[str]:
    """This machine's own IPv4 addresses other than 127.x, from `ip` (falling back to `hostname -I`)."""
    for cmd, pattern in ((["ip", "-o", "-4", "addr", "show"], r"\binet (\d+(?:\.\d+){3})/"),
                         (["hostname", "-I"], r"\b(\d+(?:\.\d+){3})\b")):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=5, check=False).stdout
        except (OSError, subprocess.TimeoutExpired):
            continue
        found = [a for a in re.findall(pattern, out) if not a.startswith("127.")]
        if found:
            return found
    return []


def test_cli_serves_on_loopback_only_by_default(ttl: Path) -> None:
    addresses = non_loopback_addresses()
    if not addresses:
        pytest.fail("this machine has no non-loopback IPv4 address to check the default binding against")
    own = addresses[0]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from zgc_graph.cli import main; main()", "serve", "--graph", str(ttl), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:(\d+)/sparql)", line)
        assert match, f"unexpected start-up line: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        url, port = match.group(1), int(match.group(2))
        assert count(url) > 0
        with pytest.raises(OSError):  # refused: nothing listens on this machine's LAN address
            socket.create_connection((own, port), timeout=5).close()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert proc.returncode is not None


def test_host_option_makes_it_reachable_on_that_address(ttl: Path) -> None:
    own = non_loopback_addresses()[0]  # this machine's own address, nothing beyond it
    srv = SparqlServer(ttl, host=own, port=0)
    srv.start()
    try:
        assert srv.url.startswith(f"http://{own}:")
        assert count(srv.url) == srv.endpoint.triples
    finally:
        srv.stop()


def test_port_in_use_is_one_line_and_a_non_zero_exit(ttl: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--graph", str(ttl), "--port", str(port)])
    assert result.exit_code != 0
    assert result.output.strip() == f"error: port {port} on 127.0.0.1 is already in use; choose another with --port"


def test_missing_or_broken_graph_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--graph", str(tmp_path / "nope.ttl"), "--port", "0"])
    assert result.exit_code != 0 and result.output.strip() == f"error: graph file not found: {tmp_path / 'nope.ttl'}"
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/a> <https://example.org/b> .\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--graph", str(broken), "--port", "0"])
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: graph file does not parse: {broken}")
