"""End to end on the shipped seed article: what a user of `zgc-graph build` relies on."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
import jieba
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from zgc_graph import api
from zgc_graph.cli import main
from zgc_graph.errors import ValidationFailed, ZgcError
from zgc_graph.graph.vocab import SPARQL_PREFIXES

from conftest import REPO, SEEDS

CHECKER = REPO.parent / "shared" / "tools" / "check_contract.py"


@pytest.fixture(scope="module")
def graph(seed_turtle) -> Graph:
    g = Graph()
    g.parse(seed_turtle, format="turtle")
    return g


def select(graph: Graph, body: str) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in graph.query(SPARQL_PREFIXES + body)}


def related(graph: Graph, predicate: str, obj_label: str) -> set[str]:
    rows = select(graph, f"""
        SELECT ?sl WHERE {{
          ?s zgc:{predicate} ?o . ?o skos:prefLabel|skos:altLabel ?ol . FILTER(STR(?ol) = "{obj_label}")
          ?s skos:prefLabel ?sl .
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate zgc:{predicate} ; rdf:object ?o ; zgc:evidence ?ev .
        }}""")
    return {r[0] for r in rows}


def test_contract_checker_reports_no_failure(seed_turtle):
    result = subprocess.run([sys.executable, str(CHECKER), str(seed_turtle), "--quiet"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 fail" in result.stdout


def test_headline_fact_with_evidence(graph):
    assert "小米集团" in related(graph, "leads", "3C智能制造创新联合体")
    rows = select(graph, """
        SELECT ?n ?ev WHERE {
          ?c skos:prefLabel "3C智能制造创新联合体"@zh ; zgc:memberCount ?n .
          ?st rdf:subject ?c ; rdf:predicate zgc:memberCount ; rdf:object ?n ; zgc:evidence ?ev .
        }""")
    assert {n for n, _ in rows} == {"20"}
    assert all("20家" in ev for _, ev in rows)


def test_tenants_parts_and_members(graph):
    assert {"小马智行", "拉卡拉", "佰才邦", "百望云"} <= related(graph, "locatedIn", "中关村壹号")
    assert {"中关村科学城", "怀柔科学城", "未来科学城", "创新型产业集群示范区"} <= related(graph, "partOf", "三城一区")
    assert {"清华大学", "中科院软件所", "砾石", "思灵", "中国电信", "朗电"} <= related(
        graph, "memberOf", "3C智能制造创新联合体")


def test_people_with_organisation_and_title(graph):
    rows = select(graph, """
        SELECT ?person ?org ?title WHERE {
          ?m a org:Membership ; org:member/skos:prefLabel ?person ; zgc:roleTitle ?title .
          OPTIONAL { ?m org:organization/skos:prefLabel ?org }
        }""")
    people = {p for p, _, _ in rows}
    assert {"贾一伟", "张玉国", "杨颀", "侯云", "刘文博", "姚卫浩", "黄润东", "王燕"} <= people
    assert ("贾一伟", "中关村发展集团", "副总经理") in rows
    assert ("王燕", "清华大学技术转移研究院", "院长") in rows


def test_short_and_full_names_are_one_entity(graph):
    rows = select(graph, """
        SELECT ?e WHERE { ?e skos:prefLabel|skos:altLabel ?l . FILTER(STR(?l) IN ("北交所", "北京证券交易所")) }""")
    assert len(rows) == 1


def test_policies_with_issuers(graph):
    rows = select(graph, "SELECT DISTINCT ?p WHERE { ?p a/rdfs:subClassOf* zgc:Policy ; zgc:issuedBy ?o }")
    assert len(rows) >= 6
    policies = select(graph, "SELECT DISTINCT ?p WHERE { ?p a/rdfs:subClassOf* zgc:Policy }")
    assert len(policies) >= 8


def test_evidence_offsets_slice_the_document(seed_build):
    docs = {d.doc_id: d for d in seed_build.corpus.documents}
    for rel in seed_build.corpus.relations:
        doc = docs[rel.evidence.doc_id]
        assert doc.original[rel.evidence.char_start:rel.evidence.char_end] == rel.evidence.text


def test_two_builds_are_byte_identical_and_reparse(tmp_path, seed_turtle):
    again = api.build([SEEDS], tmp_path, formats=("turtle",))
    assert again.outputs["turtle"].read_bytes() == seed_turtle.read_bytes()
    first, second = Graph(), Graph()
    first.parse(seed_turtle, format="turtle")
    second.parse(again.outputs["turtle"], format="turtle")
    assert isomorphic(first, second)


def test_cli_build_from_a_new_paragraph(tmp_path):
    """No table of seed facts: a folder with only an unseen paragraph still yields a typed graph."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "news.txt").write_text(
        "近日，星河集团牵头组建“长江智能装备创新联合体”，成员单位包括蓝图大学、青松研究院等。"
        "星河集团副总裁周明远表示，联合体将聚焦工业软件。", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output
    g = Graph()
    g.parse(out / "zgc.ttl", format="turtle")
    assert "星河集团" in related(g, "leads", "长江智能装备创新联合体")
    assert "蓝图大学" in related(g, "memberOf", "长江智能装备创新联合体")
    assert "周明远" in {p for p, _ in select(g, """
        SELECT ?p ?o WHERE { ?x zgc:affiliatedWith ?y . ?x skos:prefLabel ?p . ?y skos:prefLabel ?o }""")}


def test_cli_build_missing_folder_is_one_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "zgc.ttl").write_text("previous build", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nowhere"), "--out", str(out)])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "nowhere" in lines[0]
    assert (out / "zgc.ttl").read_text(encoding="utf-8") == "previous build"


def test_the_console_script_prints_its_summary_and_exits_zero_through_a_pipe(tmp_path):
    # the script ends a build without freeing the heap: what it printed must still arrive
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("北京星河科技集团牵头成立星河智能制造创新联合体。", encoding="utf-8")
    script = Path(sys.executable).with_name("zgc-graph")
    done = subprocess.run([str(script), "build", str(docs), "--out", str(tmp_path / "out"), "--no-validate"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "1 documents" in done.stdout and done.stdout.rstrip().endswith("zgc.html")
    assert (tmp_path / "out" / "zgc.ttl").stat().st_size > 0


def test_cli_build_writes_only_the_formats_asked_for(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("北京星河科技集团牵头成立星河智能制造创新联合体。", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(out), "--no-validate",
                                       "--format", "nt", "-f", "graphml"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["zgc.graphml", "zgc.nt"]
    g = Graph()
    g.parse(out / "zgc.nt", format="nt")
    assert "北京星河科技集团" in related(g, "leads", "星河智能制造创新联合体")


def test_cli_build_with_an_unknown_format_stops_before_extracting(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("北京星河科技集团牵头成立星河智能制造创新联合体。", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "zgc.ttl").write_text("previous build", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(docs), "--out", str(out), "--format", "turtel"])
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "turtel" in lines[0] and "turtle" in lines[0]
    assert (out / "zgc.ttl").read_text(encoding="utf-8") == "previous build"
    assert not (out / ".zgc-cache").exists()  # nothing was extracted


def test_a_library_build_with_no_format_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("北京星河科技集团牵头成立星河智能制造创新联合体。", encoding="utf-8")
    with pytest.raises(ZgcError, match="no output format"):
        api.build([docs], tmp_path / "out", formats=())


def _undeclared_property_added(build_graph):
    """build_graph, with a triple no shape allows: a zgc: property the ontology does not declare."""
    def broken(corpus, **kwargs):
        g = build_graph(corpus, **kwargs)
        g.add((URIRef("https://w3id.org/zgc-graph/resource/x"), URIRef("https://w3id.org/zgc-graph/ontology#madeUp"),
               Literal("1")))
        return g
    return broken


@pytest.mark.parametrize("formats", [("turtle", "html"), ("html",)])
def test_a_build_whose_graph_breaks_a_shape_leaves_the_previous_outputs(tmp_path, monkeypatch, formats):
    # with Turtle asked for, it is written (and read by Oxigraph) before validation ends: it must not land
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("北京星河科技集团牵头成立星河智能制造创新联合体。", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("zgc.ttl", "zgc.html"):
        (out / name).write_text("previous build", encoding="utf-8")
    monkeypatch.setattr(api, "build_graph", _undeclared_property_added(api.build_graph))
    with pytest.raises(ValidationFailed, match="madeUp|not declared"):
        api.build([docs], out, formats=formats)
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".zgc-")) == ["zgc.html", "zgc.ttl"]
    for name in ("zgc.ttl", "zgc.html"):
        assert (out / name).read_text(encoding="utf-8") == "previous build"


def test_a_large_build_frees_the_segmenters_and_the_next_build_is_the_same(tmp_path, monkeypatch, seed_turtle):
    # the dictionaries are loaded again on demand: the words, hence labels and IRIs, cannot change
    monkeypatch.setattr(api, "RELEASE_SEGMENTER_MIN_CHARS", 0)
    first = api.build([SEEDS], tmp_path / "a", formats=("turtle",))
    assert not jieba.dt.initialized
    second = api.build([SEEDS], tmp_path / "b", formats=("turtle",), use_cache=False)
    assert first.outputs["turtle"].read_bytes() == second.outputs["turtle"].read_bytes() == seed_turtle.read_bytes()
