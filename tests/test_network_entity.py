"""The entity graph read from the RDF graph, and the analytics on it."""
from __future__ import annotations

import math

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDFS

from network_fixtures import ContractGraph, xinghe
from zgc_graph.graph import network
from zgc_graph.graph.build import TripleTable
from zgc_graph.graph.vocab import SPARQL_PREFIXES, ZGC


@pytest.fixture(scope="module")
def built():
    cg, e = xinghe()
    return cg, e, network.entity_network(cg.graph)


def test_nodes_are_the_entities_with_their_names(built):
    cg, e, G = built
    assert set(G.nodes) == {str(x) for x in e.values()}  # no documents, statements or memberships
    group = G.nodes[str(e["group"])]
    assert group["label"] == "星河集团"
    assert group["aliases"] == ["星河", "星河科技"]
    assert group["pinyin"] == "Xīnghé Jítuán"
    assert (group["class"], group["subclass"], group["subclass_label"]) == ("Organisation", "Company", "企业")
    assert len(group["documents"]) == 2
    assert G.graph["documents"][group["documents"][0]] in {"星河智能制造创新联合体揭牌", "星河简讯"}
    assert G.nodes[str(e["person"])]["class"] == "Person"


def test_one_edge_per_relation_with_every_evidence_sentence(built):
    cg, e, G = built
    edges = G.get_edge_data(str(e["group"]), str(e["consortium"]))
    assert set(edges) == {"leads"}
    lead = edges["leads"]
    assert lead["label_zh"] == "牵头" and lead["label_en"] == "leads"
    assert len(lead["evidence"]) == 2
    for ev in lead["evidence"]:
        text = cg.texts[next(d for d in cg.texts if str(d) == ev["document"])]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert "星河集团" in ev["text"] and ev["rule"] and 0 < ev["confidence"] <= 1


def test_relation_labels_come_from_the_graph_not_the_code():
    cg = ContractGraph(labels={"leads": ("领衔组建", "spearheads")})
    doc = cg.document("d-1", "一篇新闻", "甲公司领衔组建乙联盟。\n")
    a = cg.entity("Company", "甲公司", docs=(doc,))
    b = cg.entity("InnovationConsortium", "乙联盟", docs=(doc,))
    cg.relation(a, "leads", b, doc, "甲公司领衔组建乙联盟。")
    cg.graph.remove((ZGC.leads, RDFS.label, Literal("牵头", lang="zh")))
    G = network.entity_network(cg.graph)
    assert G.edges[str(a), str(b), "leads"]["label_zh"] == "领衔组建"


def test_subclass_chains_reach_the_top_class():
    cg = ContractGraph()
    cg.graph.add((ZGC.StateOwnedCompany, RDFS.subClassOf, ZGC.Company))
    cg.graph.add((ZGC.StateOwnedCompany, RDFS.label, Literal("国有企业", lang="zh")))
    node = cg.entity("StateOwnedCompany", "东方重工")
    data = network.entity_network(cg.graph).nodes[str(node)]
    assert (data["class"], data["subclass"], data["subclass_label"]) == ("Organisation", "StateOwnedCompany", "国有企业")


def test_titles_and_numbers_are_kept_with_their_evidence(built):
    _cg, e, G = built
    roles = G.nodes[str(e["person"])]["roles"]
    assert [(r["title"], r["organisation"]) for r in roles] == [("副总裁", str(e["group"]))]
    assert "周明远" in roles[0]["evidence"][0]["text"]
    facts = G.nodes[str(e["consortium"])]["facts"]
    assert [(f["property"], f["value"]) for f in facts] == [("memberCount", "12")]
    assert "12家" in facts[0]["evidence"][0]["text"]


def test_symmetric_relations_are_marked_and_counted_once(built):
    _cg, e, G = built
    assert G.edges[str(e["nanhu"]), str(e["beian"]), "partnerOf"]["symmetric"]
    assert G.edges[str(e["beian"]), str(e["nanhu"]), "partnerOf"]["symmetric"]
    assert network.relation_count(G) == G.number_of_edges() - 2  # two partnerOf pairs


def test_centrality_ranks_the_hub_first(built):
    _cg, e, G = built
    scores = network.centrality(G)
    top_org = network.ranked(scores, "Organisation", 1)[0]
    assert top_org.label == "星河集团"
    # 星河集团 has four distinct neighbours: the consortium, the policy, the university (partner) and its VP
    assert top_org.degree == 4
    assert scores[str(e["group"])].betweenness == max(s.betweenness for s in scores.values())
    assert scores[str(e["alone"])].degree == 0 and scores[str(e["alone"])].betweenness == 0
    assert [r.label for r in network.ranked(scores, "Platform", 5)][0] == "星河智能制造创新联合体"


def test_components_largest_first(built):
    _cg, e, G = built
    comps = network.components(G)
    assert [c.size for c in comps] == [8, 2, 1]
    assert set(comps[0].nodes[:2]) == {str(e["group"]), str(e["consortium"])}  # most connected first (4 each)
    assert comps[2].nodes == (str(e["alone"]),)


@pytest.mark.parametrize("name", ["星河集团", "星河", "星河科技", "xinghe jituan", "Xīnghé Jítuán", " 星河科技 "])
def test_find_entity_by_any_name(built, name):
    _cg, e, G = built
    assert network.find_entity(G, name) == str(e["group"])


def test_unknown_and_ambiguous_names_are_one_line_errors(built):
    _cg, _e, G = built
    with pytest.raises(network.EntityNotFound, match="no entity named '星河集' .*did you mean: .*星河集团"):
        network.find_entity(G, "星河集")
    cg = ContractGraph()
    cg.entity("Company", "华光电子", ("华光",))
    cg.entity("ResearchInstitute", "华光研究所", ("华光",))
    with pytest.raises(network.EntityNotFound, match="'华光' names 2 entities") as err:
        network.find_entity(network.entity_network(cg.graph), "华光")
    assert "\n" not in str(err.value)


def test_neighbourhood_by_depth(built):
    _cg, e, G = built
    one = network.neighbourhood(G, "联合体", 1)
    assert {one.nodes[n]["label"] for n in one} == {"星河智能制造创新联合体", "星河集团", "华北大学", "东岭研究院", "星河科学城"}
    assert one.graph["centre"] == str(e["consortium"])
    two = network.neighbourhood(G, "联合体", 2)
    assert {two.nodes[n]["label"] for n in two} - {one.nodes[n]["label"] for n in one} == {"星河市科技创新若干措施", "周明远"}
    assert two.has_edge(str(e["group"]), str(e["consortium"]), "leads")
    assert set(network.neighbourhood(G, "孤岛科技", 3)) == {str(e["alone"])}


def _grid_graph(components: int, hub_leaves: int) -> nx.Graph:
    G = nx.Graph()
    for c in range(components):
        G.add_edges_from((f"c{c}-{i}", f"c{c}-{i + 1}") for i in range(5))
    G.add_edges_from(("hub", f"leaf{i}") for i in range(hub_leaves))
    G.add_edges_from(nx.relabel_nodes(nx.random_labeled_tree(300, seed=3), lambda n: f"t{n}").edges)
    G.add_edge("hub", "t0")
    G.add_node("lonely")
    return G


def test_layout_spreads_nodes_and_keeps_components_apart():
    G = _grid_graph(components=30, hub_leaves=150)
    pos = network.layout(G, spacing=100)
    assert set(pos) == set(G)
    assert pos == network.layout(G, spacing=100)  # deterministic
    points = list(pos.values())
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    closest = min(math.dist(points[i], points[j]) for i in range(len(points)) for j in range(i))
    assert closest > 10  # nobody sits on top of anybody (natural length 100)
    boxes = []
    for comp in nx.connected_components(G):
        xs, ys = [pos[n][0] for n in comp], [pos[n][1] for n in comp]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[:i]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], "components overlap"
    # edges come out near the natural length, not collapsed or flung apart
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in G.edges)
    assert 30 < lengths[len(lengths) // 2] < 400


def test_seed_network_has_every_entity_and_every_relation_has_evidence(seed_build):
    graph = seed_build.graph
    G = network.entity_network(graph)
    rows = graph.query(SPARQL_PREFIXES + """
        SELECT DISTINCT ?x WHERE {
          VALUES ?top { zgc:Organisation zgc:Person zgc:Policy zgc:Platform }
          ?x a/rdfs:subClassOf* ?top }""")
    assert set(G.nodes) == {str(r.x) for r in rows}
    assert G.number_of_edges() > 0
    assert all(data["evidence"] for *_e, data in G.edges(keys=True, data=True))
    assert all(d["label"] and d["class"] in network.TOP_CLASSES for _n, d in G.nodes(data=True))


def _everything(G: nx.MultiDiGraph) -> tuple:
    return (sorted(G.nodes(data=True)), sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]), G.graph)


def test_the_builds_store_and_rdflibs_memory_store_give_the_same_network(built):
    """The build's TripleTable is read in one pass, rdflib's memory store by lookups: same answer."""
    cg, _e, G = built
    table = Graph(store=TripleTable())
    for triple in cg.graph:
        table.add(triple)
    assert _everything(network.entity_network(table)) == _everything(G)


def test_a_part_of_the_network_keeps_its_relations_and_names_what_lies_outside(built):
    cg, e, _G = built
    person, consortium, university = str(e["person"]), str(e["consortium"]), str(e["university"])
    part = network.EntityGraph(cg.graph).network([person, consortium, university])
    assert set(part) == {person, consortium, university}
    assert set(part.edges(keys=True)) == {(university, consortium, "memberOf")}
    assert len(part.edges[university, consortium, "memberOf"]["evidence"]) == 1
    role = part.nodes[person]["roles"][0]  # his organisation is not drawn, but is named
    assert (role["title"], role["organisation"], role["organisation_label"]) == ("副总裁", str(e["group"]), "星河集团")
    assert "周明远" in role["evidence"][0]["text"]
    assert part.nodes[consortium]["facts"][0]["value"] == "12"


def test_ties_go_to_entities_attached_to_better_connected_ones():
    neighbours = {"hub": {"a", "b", "c"}, "a": {"hub"}, "b": {"hub"}, "c": {"hub"},
                  "x": {"y"}, "y": {"x"}, "alone": set()}
    asked: list[set[str]] = []

    def labels(nodes):
        asked.append(set(nodes))
        return {n: n for n in nodes}

    # a, b and c (leaves of the hub) beat x and y (a pair on its own), then names break the tie
    assert network.top_central_nodes(neighbours, 3, labels) == ["hub", "a", "b"]
    assert asked == [{"hub", "a", "b", "c"}]  # names only of those that could make the cut
