"""Members counted by kind (12家上下游企业、8家高校院所): in the Turtle, in SPARQL and on the page."""
from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, XSD

from extract_helpers import extract
from zgc_graph import api
from zgc_graph.graph.network import entity_network
from zgc_graph.graph.vocab import ZGC
from zgc_graph.queries import get_canned
from zgc_graph.query import run_query

TEXT = ("2023年5月，蓝图集团牵头组建“江城光电子创新联合体”。该创新联合体由蓝图集团联合11家上下游企业、"
        "7家高校院所等19家创新主体共同组建，将围绕硅光芯片开展联合攻关。\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "news.txt").write_text(TEXT, encoding="utf-8")
    # the default build validates: a group that broke a shape would fail here
    return api.build([folder], tmp_path_factory.mktemp("out"), formats=("turtle",))


def test_each_group_is_a_node_with_its_size_kind_and_evidence(built):
    g = built.graph
    (consortium,) = g.subjects(ZGC.memberGroup, None, unique=True)
    groups = {(int(g.value(node, ZGC.groupSize)), str(g.value(node, ZGC.memberKind)))
              for node in g.objects(consortium, ZGC.memberGroup)}
    assert groups == {(11, "上下游企业"), (7, "高校院所")}
    assert set(g.objects(consortium, ZGC.memberCount)) == {Literal(19, datatype=XSD.integer)}
    for node in g.objects(consortium, ZGC.memberGroup):
        assert (node, RDF.type, ZGC.MemberGroup) in g
        for s, p, o in ((consortium, ZGC.memberGroup, node), (node, ZGC.groupSize, g.value(node, ZGC.groupSize))):
            (statement,) = [st for st in g.subjects(RDF.subject, s) if g.value(st, RDF.predicate) == p
                            and g.value(st, RDF.object) == o]
            evidence = str(g.value(statement, ZGC.evidence))
            assert evidence.startswith("该创新联合体由蓝图集团联合11家") and TEXT.index(evidence) == \
                int(g.value(statement, ZGC.charStart))


def test_the_canned_query_lists_the_groups_largest_first(built):
    result = run_query(get_canned("member-groups"), built.outputs["turtle"], engine="oxigraph")
    assert [tuple(t.toPython() for t in row) for row in result.rows] == [
        ("江城光电子创新联合体", "上下游企业", 11, 19), ("江城光电子创新联合体", "高校院所", 7, 19)]


def test_the_page_shows_the_groups_among_the_consortiums_facts(built):
    G = entity_network(built.graph)
    (node,) = [n for n, d in G.nodes(data=True) if d["label"] == "江城光电子创新联合体"]
    groups = [(f["value"], len(f["evidence"])) for f in G.nodes[node]["facts"] if f["property"] == "memberGroup"]
    assert groups == [("11 上下游企业", 1), ("7 高校院所", 1)]
    # a group is no entity: no node, no edge
    assert all("membergroup" not in n for n in G.nodes)


def test_a_listed_group_after_等_is_a_group_when_another_follows_and_no_total(tmp_path):
    """等14家企业和5所高校: two kinds of members; the text gives no total, so none is stated."""
    ext = extract(tmp_path, "2024年6月，星河大学牵头成立星河智能传感产业联盟。联盟成员单位包括蓝图传感器有限公司、"
                            "青松微电子股份有限公司等14家企业和5所高校。")
    groups = {(a.value.size, a.value.kind) for a in ext.attributes if a.property == "memberGroup"}
    assert groups == {(14, "企业"), (5, "高校")}
    assert not [a for a in ext.attributes if a.property == "memberCount"]
