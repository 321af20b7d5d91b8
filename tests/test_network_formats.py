"""GraphML, GEXF and node-link JSON exporters, and the `export` and `analyze` commands."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from network_fixtures import xinghe
from zgc_graph.cli import main
from zgc_graph.export import exporters
from zgc_graph.graph import network


@pytest.fixture(scope="module")
def turtle(tmp_path_factory):
    cg, _e = xinghe()
    return cg.write(tmp_path_factory.mktemp("formats") / "zgc.ttl")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_graphml_re_reads_with_the_same_nodes_edges_and_labels(turtle, tmp_path):
    out = tmp_path / "g.graphml"
    result = run("export", "--format", "graphml", "--graph", str(turtle), "--out", str(out))
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)
    cg, e = xinghe()
    G = network.entity_network(cg.graph)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    group = back.nodes[str(e["group"])]
    assert (group["label"], group["class"], group["subclass_label"]) == ("星河集团", "Organisation", "企业")
    assert group["aliases"] == "星河 | 星河科技"
    assert back.nodes[str(e["consortium"])]["memberCount"] == 12
    lead = back.get_edge_data(str(e["group"]), str(e["consortium"]))["leads"]
    assert lead["label"] == "牵头" and lead["evidence_count"] == 2 and "星河集团" in lead["evidence"]


def test_gexf_re_reads_with_the_same_counts(turtle, tmp_path):
    out = tmp_path / "g.gexf"
    assert run("export", "--format", "gexf", "--graph", str(turtle), "--out", str(out)).exit_code == 0
    back = nx.read_gexf(out)
    G = network.entity_network(xinghe()[0].graph)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert {d["label"] for _n, d in back.nodes(data=True)} == {d["label"] for _n, d in G.nodes(data=True)}


def test_json_is_node_link_with_all_evidence(turtle, tmp_path):
    out = tmp_path / "g.json"
    assert run("export", "--format", "json", "--graph", str(turtle), "--out", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"nodes", "links"} <= set(data)
    back = nx.node_link_graph(data, edges="links", directed=True, multigraph=True)
    G = network.entity_network(xinghe()[0].graph)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    sentences = {ev["text"] for link in data["links"] for ev in link["evidence"]}
    assert "星河简讯：星河集团牵头的星河智能制造创新联合体再添新成员。" in sentences
    assert any(node["label"] == "周明远" and node["roles"][0]["title"] == "副总裁" for node in data["nodes"])


def test_default_output_sits_beside_the_graph(turtle):
    result = run("export", "--format", "json", "--graph", str(turtle))
    assert result.exit_code == 0
    assert turtle.with_suffix(".json").is_file()


def test_list_shows_every_registered_format():
    result = run("export", "--list")
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.output.splitlines()]
    assert listed == list(exporters())
    assert {"graphml", "gexf", "json", "html", "turtle"} <= set(listed)


def test_bad_input_is_one_line_and_leaves_outputs_alone(turtle, tmp_path):
    unknown = CliRunner().invoke(main, ["export", "--format", "dot", "--graph", str(turtle)])
    assert unknown.exit_code != 0
    assert unknown.output.count("\n") == 1 and "unknown export format 'dot'" in unknown.output
    assert "graphml" in unknown.output
    out = tmp_path / "keep.graphml"
    out.write_text("earlier output", encoding="utf-8")
    missing = CliRunner().invoke(main, ["export", "--format", "graphml", "--graph", str(tmp_path / "nope.ttl"),
                                        "--out", str(out)])
    assert missing.exit_code == 4 and missing.output.count("\n") == 1 and "not found" in missing.output
    assert out.read_text(encoding="utf-8") == "earlier output"
    same = CliRunner().invoke(main, ["export", "--format", "turtle", "--graph", str(turtle)])
    assert same.exit_code != 0 and "refusing to overwrite" in same.output


def test_analyze_lists_central_entities_components_and_a_neighbourhood(turtle):
    result = run("analyze", "--graph", str(turtle), "--top", "3", "--entity", "星河", "--depth", "1")
    assert result.exit_code == 0, result.output
    out = result.output
    orgs = out.split("most central organisations:")[1].split("\n\n")[0]
    assert orgs.splitlines()[1].split()[1] == "星河集团"
    assert "most central platforms:" in out and "most central policies:" in out
    assert "3 connected components" in out
    assert "neighbourhood of 星河集团 (depth 1): 5 entities" in out
    assert "星河集团 —牵头→ 星河智能制造创新联合体  (2 evidence)" in out
    assert "星河集团 —合作伙伴↔ 华北大学" in out or "华北大学 —合作伙伴↔ 星河集团" in out


def test_analyze_json_and_unknown_entity(turtle):
    data = json.loads(run("analyze", "--graph", str(turtle), "--format", "json").output)
    assert data["entities"] == 11
    assert [c["size"] for c in data["components"]] == [8, 2, 1]
    assert data["central"]["Platform"][0]["label"] == "星河智能制造创新联合体"
    bad = CliRunner().invoke(main, ["analyze", "--graph", str(turtle), "--entity", "月亮集团"])
    assert bad.exit_code != 0 and bad.output == "error: no entity named '月亮集团' in the graph\n"


def test_seed_graphml_round_trip(seed_build, tmp_path):
    out = tmp_path / "seed.graphml"
    result = run("export", "--format", "graphml", "--graph", str(seed_build.outputs["turtle"]), "--out", str(out))
    assert result.exit_code == 0, result.output
    back = nx.read_graphml(out, force_multigraph=True)
    G = network.entity_network(seed_build.graph)
    assert (back.number_of_nodes(), back.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    analyze = run("analyze", "--graph", str(seed_build.outputs["turtle"]), "--top", "3")
    assert analyze.exit_code == 0 and "most central organisations:" in analyze.output
