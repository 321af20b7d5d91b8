"""`zgc-graph query`, `stats` and `load` as a user runs them."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_fixtures import make_corpus
from zgc_graph.cli import main
from zgc_graph.export import get_exporter
from zgc_graph.graph.build import build_graph
from zgc_graph.query import text_width


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "zgc.ttl"
    get_exporter("turtle").write(build_graph(make_corpus()), path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_malformed_query_is_one_line_with_line_and_column(ttl, engine):
    bad = "SELECT ?s\nWHERE {\n  ?s zgc:leads ?o .\n  FILTER(?o = \n}"
    result = run("query", bad, "--graph", str(ttl), "--engine", engine)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and result.stdout == ""
    assert re.match(r"error: query: line 5, column \d+: expected ", lines[0]), lines[0]


def test_a_long_one_line_query_is_run_not_taken_for_a_file_name(ttl):
    # 300 characters between slashes are no valid file name: the check for a file must not fail
    query = ("SELECT ?l (COUNT(DISTINCT ?d) AS ?docs) WHERE { ?e skos:prefLabel ?l ; zgc:mentionedIn ?d "
             + "FILTER(lang(?l) = \"zh\" && STRLEN(?l) > 0 && STRLEN(?l) < 1000) " * 4 + "} GROUP BY ?l ORDER BY ?l")
    assert len(query) > 300 and "/" not in query
    result = run("query", query, "--graph", str(ttl), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "l,docs"


def test_unknown_prefix_names_the_prefix(ttl):
    result = run("query", "SELECT * WHERE { ?s nope:thing ?o }", "--graph", str(ttl))
    assert result.exit_code == 3
    assert result.stderr.strip() == ("error: query: line 1, column 21: unknown prefix 'nope:' "
                                     "(declare it with PREFIX nope: <…>)")


def test_missing_graph_file(tmp_path):
    result = run("query", "ASK {}", "--graph", str(tmp_path / "zgc.ttl"))
    assert result.exit_code == 4
    assert "graph file not found" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_table_is_aligned_for_chinese_text(ttl):
    result = run("query", "SELECT ?name WHERE { ?e a zgc:Company ; skos:prefLabel ?name "
                          "FILTER(lang(?name) = 'zh') } ORDER BY ?name", "--graph", str(ttl))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].rstrip() == "name"
    assert [line.rstrip() for line in lines[2:4]] == ["南湖软件", "星河集团"]
    assert len({text_width(line) for line in lines[1:4]}) == 1  # rule as wide as the widest cell
    assert lines[-1] == "(2 rows)"


def test_query_from_file_csv_and_json(ttl, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?e ?n WHERE { ?e zgc:memberCount ?n }", encoding="utf-8")
    result = run("query", str(rq), "--graph", str(ttl), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0] == ["e", "n"] and table[1][1] == "12"
    assert table[1][0].startswith("https://w3id.org/zgc-graph/id/platform/")
    result = run("query", str(rq), "--graph", str(ttl), "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["head"]["vars"] == ["e", "n"]
    (binding,) = doc["results"]["bindings"]
    assert binding["n"] == {"type": "literal", "value": "12",
                            "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert binding["e"]["type"] == "uri"
    missing = run("query", str(tmp_path / "nope.rq"), "--graph", str(ttl))
    assert missing.exit_code == 3 and "query file not found" in missing.stderr


def test_ask_and_construct(ttl):
    assert run("query", "ASK { ?s zgc:partOf ?o }", "--graph", str(ttl)).stdout == "true\n"
    result = run("query", "CONSTRUCT { ?s zgc:partOf ?o } WHERE { ?s zgc:partOf ?o }",
                 "--graph", str(ttl), "--format", "turtle")
    assert result.exit_code == 0
    assert result.stdout.startswith("@prefix ") and "zgc:partOf <https://w3id.org/zgc-graph/id/platform/" in result.stdout


def test_list_and_named_queries(ttl):
    listing = run("query", "--list").stdout
    assert "consortium-members" in listing and "entity --param name=…" in listing
    result = run("query", "--name", "entity", "--param", "name=星河市科委", "--graph", str(ttl), "--format", "json")
    assert result.exit_code == 0, result.stderr
    issued = {b["subject"]["value"] for b in json.loads(result.stdout)["results"]["bindings"]
              if b["property"]["value"].endswith("#issuedBy")}
    assert issued == {"星河市科技创新若干措施", "星河市数据要素行动计划"}
    bad = run("query", "--name", "entity", "--graph", str(ttl))
    assert bad.exit_code == 3 and "needs --param name=" in bad.stderr
    assert run("query", "--name", "nope", "--graph", str(ttl)).exit_code == 3
    assert run("query", "--graph", str(ttl)).exit_code == 2  # nothing to run: usage error


def test_stats_counts_classes_with_subclasses(ttl):
    result = run("stats", "--graph", str(ttl), "--format", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["documents"] == 2 and doc["entities"] == 12
    assert doc["classes"]["zgc:Organisation"] == 5 and doc["classes"]["zgc:Company"] == 2
    assert doc["classes"]["zgc:Platform"] == 3 and doc["classes"]["zgc:Person"] == 2
    # 13 relation statements, 3 attribute statements, 2 title statements, 2 member groups' links and sizes
    assert doc["statements"] == 22 == doc["classes"]["rdf:Statement"]
    assert doc["classes"]["zgc:MemberGroup"] == 2
    assert doc["properties"]["zgc:partnerOf"] == 2 and doc["properties"]["zgc:leads"] == 1
    text = run("stats", "--graph", str(ttl)).stdout
    assert text.splitlines()[0].endswith("2 documents, 12 entities, 22 statements")


def test_load_then_query_uses_the_store(ttl, tmp_path):
    store = tmp_path / "store"
    result = run("load", "--graph", str(ttl), "--store", str(store))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("loaded ") and str(store) in result.stdout
    args = ["--name", "people", "--graph", str(ttl), "--store", str(store)]
    by_store = run("query", *args, "--engine", "auto")
    by_rdflib = run("query", *args, "--engine", "rdflib")
    assert by_store.stdout == by_rdflib.stdout and "周明远" in by_store.stdout
    # loading again replaces the store in place
    assert run("load", "--graph", str(ttl), "--store", str(store)).exit_code == 0
    assert run("query", *args).stdout == by_rdflib.stdout
    missing = run("load", "--graph", str(tmp_path / "none.ttl"))
    assert missing.exit_code == 4 and "graph file not found" in missing.stderr


def test_querying_does_not_load_the_extractor(ttl):
    """A query starts in a fraction of a second: jieba and the extraction rules stay unloaded."""
    import subprocess
    import sys

    probe = ("import sys\nfrom zgc_graph.cli import main\n"
             f"main(['query', '--name', 'people', '--graph', {str(ttl)!r}], standalone_mode=False)\n"
             "print(sorted(m for m in ('jieba', 'zgc_graph.extract.mentions', 'zgc_graph.api') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    *rows, loaded = result.stdout.strip().splitlines()
    assert any("周明远" in row for row in rows), result.stdout
    assert loaded == "[]"
