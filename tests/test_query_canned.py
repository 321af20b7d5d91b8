"""Canned queries give the right rows, the same in rdflib and in the Oxigraph store."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph_fixtures import DOC_NEWS, ev, make_corpus
from zgc_graph.errors import GraphFileError, QueryError
from zgc_graph.export import get_exporter
from zgc_graph.graph.build import build_graph
from zgc_graph.queries import get_canned, list_canned
from zgc_graph.query import run_query
from zgc_graph.store import default_store_dir, load_store, store_is_current

REQUIRED = {"consortium-members", "member-groups", "located-in", "policies", "people", "entity", "relations-with-evidence", "parts"}


@pytest.fixture(scope="module")
def ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "zgc.ttl"
    get_exporter("turtle").write(build_graph(make_corpus()), path)
    load_store(path)
    return path


def rows(ttl: Path, query: str, /, engine: str = "rdflib", **params) -> list[tuple]:
    result = run_query(get_canned(query, **params), ttl, engine=engine)
    return [tuple(None if t is None else t.toPython() if isinstance(t, Literal) else str(t) for t in row)
            for row in result.rows]


def test_every_canned_query_is_described():
    queries = {q.name: q for q in list_canned()}
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert q.text.startswith("# title: ")
        assert q.title and q.description
    assert set(queries["entity"].params) == {"name"}


def test_consortium_members(ttl):
    assert rows(ttl, "consortium-members") == [
        ("星河智能制造创新联合体", "leads", "星河集团", 12, 3),
        ("星河智能制造创新联合体", "member", "东岭研究院", 12, 3),
        ("星河智能制造创新联合体", "member", "华北大学", 12, 3),
        ("星河智能制造创新联合体", "member", "南湖软件", 12, 3),
    ]


def test_member_groups(ttl):
    assert rows(ttl, "member-groups") == [("星河智能制造创新联合体", "企业", 8, 12),
                                          ("星河智能制造创新联合体", "高校院所", 4, 12)]


def test_located_in_and_parts(ttl):
    assert rows(ttl, "located-in") == [("星河科学城", "星河智能制造创新联合体", "Platform")]
    assert rows(ttl, "parts") == [("星河高新区", "星河科学城", True)]


def test_policies_with_issuer_and_dates(ttl):
    result = run_query(get_canned("policies"), ttl, engine="rdflib")
    assert [(str(p), str(i), str(d), d.datatype) for p, i, d in result.rows] == [
        ("星河市数据要素行动计划", "星河市科学技术委员会", "2024-03", XSD.gYearMonth),
        ("星河市科技创新若干措施", "星河市科学技术委员会", "2023-05-12", XSD.date),
    ]


def test_people_with_titles_and_organisations(ttl):
    assert rows(ttl, "people") == [("周明远", "副总裁", "星河集团"), ("林晓岚", "首席科学家", None)]


def test_entity_by_alias_with_evidence(ttl):
    found = rows(ttl, "entity", name="星河科技")
    assert found == rows(ttl, "entity", name="星河集团") == rows(ttl, "entity", name="Xīnghé Jítuán")
    leads = [r for r in found if r[1].endswith("#leads")]
    assert {(r[0], r[2]) for r in leads} == {("星河集团", "星河智能制造创新联合体")}
    assert sorted(r[3] for r in leads) == sorted([
        ev(DOC_NEWS, "牵头组建").text, ev(DOC_NEWS, "标准工作").text,
        "星河集团牵头的星河智能制造创新联合体再添新成员，南湖软件加入联合体。"])
    incoming = [r for r in found if r[0] == "周明远"]
    assert [r[1].rsplit("#")[-1] for r in incoming] == ["affiliatedWith"]
    assert incoming[0][3] == ev(DOC_NEWS, "副总裁周明远").text
    assert rows(ttl, "entity", name="没有这个机构") == []


def test_entity_shows_a_persons_title_with_its_evidence(ttl):
    found = rows(ttl, "entity", name="周明远")
    titles = [r for r in found if r[1].endswith("#roleTitle")]
    assert [(r[2], r[3]) for r in titles] == [("副总裁", ev(DOC_NEWS, "副总裁周明远").text)]


def test_relations_with_evidence(ttl):
    found = rows(ttl, "relations-with-evidence")
    assert len(found) == 13  # 11 relations, partnerOf twice, leads three times, one dangling dropped
    by_relation = {}
    for row in found:
        by_relation.setdefault(row[1], []).append(row)
    assert len(by_relation["partnerOf"]) == 2 and len(by_relation["leads"]) == 3
    (issued,) = [r for r in by_relation["issuedBy"] if r[0] == "星河市科技创新若干措施"]
    span = ev(DOC_NEWS, "印发")
    assert issued[3:7] == (span.text, "https://w3id.org/zgc-graph/id/doc/" + DOC_NEWS.doc_id,
                           span.char_start, span.char_end)
    assert issued[7:] == ("issue-verb", Decimal("0.95"))


@pytest.mark.parametrize("name", sorted(REQUIRED | {"documents"}))
def test_rdflib_and_oxigraph_store_give_identical_answers(ttl, name):
    assert store_is_current(ttl, default_store_dir(ttl))
    text = get_canned(name, **({"name": "星河科技"} if name == "entity" else {}))
    a = run_query(text, ttl, engine="rdflib")
    b = run_query(text, ttl, engine="auto")
    assert (a.engine, b.engine) == ("rdflib", "oxigraph")
    assert a.vars == b.vars
    assert a.rows == b.rows
    assert a.rows, f"{name} returned nothing on the fixture"


def test_parameters_are_escaped_not_pasted(ttl):
    hostile = '星河科技") } UNION { ?e ?p ?o } #'
    assert rows(ttl, "entity", name=hostile) == []
    assert rows(ttl, "entity", "oxigraph", name=hostile) == []


def test_names_with_quotes_and_backslashes_are_found_in_both_engines(tmp_path):
    odd = 'Q"uote\\u0041 \\ 星河'
    corpus = make_corpus()
    corpus.entities["南湖软件"].aliases.add(odd)
    path = tmp_path / "odd.ttl"
    get_exporter("turtle").write(build_graph(corpus), path)
    for engine in ("rdflib", "oxigraph"):
        found = rows(path, "entity", engine, name=odd)
        assert ("南湖软件", "http://www.w3.org/2004/02/skos/core#altLabel", odd) in [r[:3] for r in found], engine


def test_unknown_canned_query_or_parameter(ttl):
    with pytest.raises(QueryError, match="unknown canned query 'nope'"):
        get_canned("nope")
    with pytest.raises(QueryError, match="needs --param name="):
        get_canned("entity")
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        get_canned("people", colour="red")


def test_store_goes_stale_when_the_turtle_changes(ttl, tmp_path):
    copy = tmp_path / "zgc.ttl"
    copy.write_bytes(ttl.read_bytes())
    load_store(copy)
    assert run_query("ASK { ?s ?p ?o }", copy).engine == "oxigraph"
    copy.write_text(copy.read_text(encoding="utf-8") + "\n<urn:x> <urn:y> <urn:z> .\n", encoding="utf-8")
    result = run_query("ASK { <urn:x> <urn:y> <urn:z> }", copy)
    assert (result.engine, result.boolean) == ("rdflib", True)
    forced = run_query("ASK { <urn:x> <urn:y> <urn:z> }", copy, engine="oxigraph")
    assert forced.boolean is True  # the stale store is not used even when Oxigraph is asked for


def test_missing_or_broken_graph_is_a_graph_file_error(tmp_path):
    with pytest.raises(GraphFileError, match="not found"):
        run_query("ASK {}", tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text('<urn:a> <urn:b> "unterminated .\n', encoding="utf-8")
    for engine in ("rdflib", "oxigraph"):
        with pytest.raises(GraphFileError) as err:
            run_query("ASK {}", bad, engine=engine)
        assert "\n" not in str(err.value) and "bad.ttl" in str(err.value)
    with pytest.raises(GraphFileError):
        load_store(bad, tmp_path / "store")
    assert not (tmp_path / "store").exists()
