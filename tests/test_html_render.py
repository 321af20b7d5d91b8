"""The explorer page as a file: self-contained, safe JSON, subgraph options, the `html` command."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from network_fixtures import HOSTILE_ALIAS, HOSTILE_LABEL, HOSTILE_SENTENCE, HOSTILE_TITLE, hostile, xinghe
from zgc_graph.cli import main
from zgc_graph.export import exporters
from zgc_graph.export import html as html_export
from zgc_graph.export.html import BUILD_MAX_NODES, render_html, script_json
from zgc_graph.graph import network

CHROMIUM = Path("/usr/bin/chromium")

DATA_BLOCK = re.compile(r'<script type="application/json" id="zgc-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    cg, e = xinghe()
    path = tmp_path_factory.mktemp("html") / "zgc.html"
    report = render_html(cg.graph, path)
    return path, report, e


def test_registered_as_an_exporter():
    assert exporters()["html"].suffix == ".html"


def test_page_loads_nothing_from_outside(rendered):
    html = rendered[0].read_text(encoding="utf-8")
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"<(script|img|iframe|embed|object|source)\b[^>]*\bsrc\s*=", html, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html, re.I)
    assert not re.search(r"@import", html, re.I)
    assert "default-src 'none'" in html  # and the browser is told to refuse anything else


def test_data_block_holds_the_whole_graph(rendered):
    path, report, _e = rendered
    data = page_data(path.read_text(encoding="utf-8"))
    assert (report.nodes, report.edges) == (len(data["nodes"]), len(data["edges"])) == (11, 9)
    assert set(data["corpus"].split("、")) == {"星河智能制造创新联合体揭牌", "星河简讯"}
    group = next(n for n in data["nodes"] if n["label"] == "星河集团")
    assert group["aliases"] == ["星河", "星河科技"] and group["pinyin"] == "Xīnghé Jítuán"
    assert data["classes"][group["cls"]]["label"] == "机构"
    leads = [ed for ed in data["edges"] if data["predicates"][ed["p"]]["id"] == "leads"]
    assert len(leads) == 1 and len(leads[0]["ev"]) == 2
    assert {data["documents"][ev["d"]]["title"] for ev in leads[0]["ev"]} == {"星河智能制造创新联合体揭牌", "星河简讯"}
    partners = [ed for ed in data["edges"] if data["predicates"][ed["p"]]["id"] == "partnerOf"]
    assert len(partners) == 2 and all(ed["sym"] for ed in partners)  # each symmetric pair drawn once


def test_one_colour_and_shape_per_class_and_size_by_centrality(rendered):
    data = page_data(rendered[0].read_text(encoding="utf-8"))
    classes = data["classes"]
    assert len({c["color"] for c in classes}) == len({c["shape"] for c in classes}) == len(classes) == 4
    sizes = {n["label"]: n["size"] for n in data["nodes"]}
    assert sizes["星河集团"] > sizes["东岭研究院"] > sizes["孤岛科技"]


def test_hostile_text_cannot_close_the_data_block(tmp_path):
    cg, _e = hostile()
    path = tmp_path / "h.html"
    render_html(cg.graph, path)
    html = path.read_text(encoding="utf-8")
    block = DATA_BLOCK.findall(html)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    evil = next(n for n in data["nodes"] if n["label"] == HOSTILE_LABEL)
    assert evil["aliases"] == [HOSTILE_ALIAS]
    assert data["edges"][0]["ev"][0]["t"] == HOSTILE_SENTENCE
    assert data["documents"][0]["title"] == HOSTILE_TITLE
    render_html(xinghe()[0].graph, tmp_path / "benign.html")
    assert html.count("<script") == (tmp_path / "benign.html").read_text(encoding="utf-8").count("<script")
    assert "<iframe" not in html and "<img" not in html
    assert re.search(r"<title>&lt;iframe src=javascript:alert\(1\)&gt;", html)


def test_script_json_escapes_everything_that_could_end_a_script():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert not re.search("[<>&\u2028]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_max_nodes_keeps_the_most_connected(tmp_path):
    cg, _e = xinghe()
    report = render_html(cg.graph, tmp_path / "top.html", max_nodes=2)
    data = page_data((tmp_path / "top.html").read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"星河集团", "星河智能制造创新联合体"}
    assert (report.nodes, report.total_nodes) == (2, 11)
    assert data["total"]["nodes"] == 11 and len(data["edges"]) == 1


def test_focus_draws_the_neighbourhood_and_selects_the_centre(tmp_path):
    cg, _e = xinghe()
    render_html(cg.graph, tmp_path / "focus.html", focus="星河市科委", depth=1)
    data = page_data((tmp_path / "focus.html").read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"星河市科学技术委员会", "星河市科技创新若干措施"}
    assert data["nodes"][data["focus"]]["label"] == "星河市科学技术委员会"
    render_html(cg.graph, tmp_path / "focus2.html", focus="星河市科委", depth=2, max_nodes=2)
    data = page_data((tmp_path / "focus2.html").read_text(encoding="utf-8"))
    assert "星河市科学技术委员会" in {n["label"] for n in data["nodes"]} and len(data["nodes"]) == 2


def test_same_graph_same_bytes(tmp_path):
    render_html(xinghe()[0].graph, tmp_path / "a.html")
    render_html(xinghe()[0].graph, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_cli_writes_utf8_under_a_c_locale_and_nothing_in_the_working_directory(tmp_path):
    cg, _e = xinghe()
    graph = cg.write(tmp_path / "zgc.ttl")
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    out = tmp_path / "site" / "explorer.html"
    command = [str(Path(sys.executable).with_name("zgc-graph")), "html", "--graph", str(graph), "--out", str(out)]
    result = subprocess.run(command,
                            cwd=work, env=env, capture_output=True)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert list(work.iterdir()) == []  # no lib/ folder, no stray files
    assert sorted(p.name for p in out.parent.iterdir()) == ["explorer.html"]
    assert "星河集团" in out.read_bytes().decode("utf-8")


def test_cli_errors_are_one_line_and_keep_the_earlier_page(tmp_path):
    cg, _e = xinghe()
    graph = cg.write(tmp_path / "zgc.ttl")
    out = tmp_path / "zgc.html"
    ok = CliRunner().invoke(main, ["html", "--graph", str(graph), "--out", str(out), "--max-nodes", "3"])
    assert ok.exit_code == 0 and ok.output == f"wrote {out}: 3 entities, 3 relations (of 11 entities, 9 relations)\n"
    before = out.read_bytes()
    bad = CliRunner().invoke(main, ["html", "--graph", str(graph), "--out", str(out), "--focus", "月亮集团"])
    assert bad.exit_code != 0 and bad.output == "error: no entity named '月亮集团' in the graph\n"
    missing = CliRunner().invoke(main, ["html", "--graph", str(tmp_path / "none.ttl"), "--out", str(out)])
    assert missing.exit_code == 4 and missing.output.count("\n") == 1
    assert out.read_bytes() == before


def visible_note(path: Path) -> tuple[str, str] | None:
    """(#counts, #view-note) as Chromium shows the page opened from disk, network blocked; None if no note."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test.sh, which installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(path.resolve().as_uri())
        page.wait_for_function("document.body.dataset.state === 'ready'", timeout=60_000)
        counts = page.text_content("#counts")
        note = page.text_content("#view-note") if page.is_visible("#view-note") else None
        browser.close()
    assert errors == []
    return (counts, note) if note is not None else None


def test_the_builds_page_draws_the_most_connected_up_to_its_cap_and_says_how_many_exist(tmp_path, monkeypatch):
    cg, _e = xinghe()
    monkeypatch.setattr(html_export, "BUILD_MAX_NODES", 3)
    path = tmp_path / "zgc.html"
    exporters()["html"].write(cg.graph, path)  # what `zgc-graph build` calls
    data = page_data(path.read_text(encoding="utf-8"))
    # 星河集团 and the consortium have four neighbours each; of the two with two, 华北大学's are the better connected
    assert sorted(n["label"] for n in data["nodes"]) == sorted(["星河集团", "星河智能制造创新联合体", "华北大学"])
    assert (data["total"]["nodes"], data["limit"]) == (11, 3)
    assert {(data["nodes"][e["from"]]["label"], data["nodes"][e["to"]]["label"]) for e in data["edges"]} == {
        ("星河集团", "星河智能制造创新联合体"), ("华北大学", "星河智能制造创新联合体"), ("星河集团", "华北大学")}
    counts, note = visible_note(path)
    assert counts.startswith("3 个实体 · 3 条关系")
    assert note.startswith("只显示关联最多的 3 个实体（共 11 个）")
    assert "zgc-graph html --max-nodes N" in note and "zgc-graph html --focus" in note


def test_a_graph_within_the_cap_is_drawn_whole_without_a_note(tmp_path):
    cg, _e = xinghe()
    path = tmp_path / "zgc.html"
    exporters()["html"].write(cg.graph, path)
    data = page_data(path.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == data["total"]["nodes"] == 11
    assert visible_note(path) is None


def test_the_seed_builds_page_shows_every_entity(seed_build):
    data = page_data(seed_build.outputs["html"].read_text(encoding="utf-8"))
    entities = network.entity_network(seed_build.graph)
    assert len(entities) < BUILD_MAX_NODES
    assert {n["iri"] for n in data["nodes"]} == set(entities.nodes)
    assert len(data["edges"]) == data["total"]["edges"] == network.relation_count(entities)
