"""The explorer in a real browser: Debian's Chromium, headless, network blocked, page opened from disk.

Every test counts requests to anything but file: and data: (they are aborted),
console errors, page errors and dialogs; a working page has none of them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from rdflib import Graph, URIRef

from network_fixtures import (HOSTILE_ALIAS, HOSTILE_LABEL, HOSTILE_SENTENCE, HOSTILE_TITLE, ContractGraph, hostile,
                              xinghe)
from zgc_graph.export.html import render_html
from zgc_graph.fsutil import atomic_write_bytes
from zgc_graph.graph.ontology import read_graph
from zgc_graph.graph.vocab import SPARQL_PREFIXES

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def launch_chromium(playwright) -> Browser:
    """Debian's Chromium (scripts/test.sh installs it with fonts-wqy-microhei for Chinese labels)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test.sh, which installs Debian's chromium")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)


@dataclass
class Watch:
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.external == [], "the page asked the network for something"
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


def open_page(browser: Browser, path: Path) -> tuple[Page, Watch]:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    watch = Watch()

    def route(r) -> None:
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            watch.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: watch.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("document.body.dataset.state === 'ready'", timeout=60_000)
    return page, watch


def entities_in(turtle: Path) -> dict[str, str]:
    """IRI -> prefLabel@zh of every entity in the Turtle, straight from SPARQL."""
    g = Graph()
    g.parse(turtle, format="turtle")
    rows = g.query(SPARQL_PREFIXES + """
        SELECT DISTINCT ?x ?label WHERE {
          VALUES ?top { zgc:Organisation zgc:Person zgc:Policy zgc:Platform }
          ?x a/rdfs:subClassOf* ?top ; skos:prefLabel ?label .
          FILTER(lang(?label) = "zh") }""")
    return {str(r.x): str(r.label) for r in rows}


def evidence_between(turtle: Path, subject: str, obj: str) -> set[str]:
    g = Graph()
    g.parse(turtle, format="turtle")
    rows = g.query(SPARQL_PREFIXES + """
        SELECT ?text WHERE { ?st a rdf:Statement ; rdf:subject ?s ; rdf:object ?o ; zgc:evidence ?text }""",
                   initBindings={"s": URIRef(subject), "o": URIRef(obj)})
    return {str(r.text) for r in rows}


def node_id(page: Page, label: str) -> int:
    found = page.evaluate("label => window.zgcExplorer.nodeId(label)", label)
    assert found is not None, f"{label} is not in the page"
    return found


def click_node(page: Page, label: str, scale: float = 1.3) -> int:
    nid = node_id(page, label)
    point = page.evaluate("([id, scale]) => window.zgcExplorer.pointOf(id, scale)", [nid, scale])
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("id => (window.zgcExplorer.selected || {}).node === id", arg=nid)
    return nid


def search(page: Page, text: str) -> None:
    page.fill("#search", text)
    page.wait_for_selector("#search-results button")
    page.press("#search", "Enter")


def assert_focused(page: Page, nid: int) -> None:
    page.wait_for_function("id => window.zgcExplorer.network.getSelectedNodes().includes(id)", arg=nid)
    view = page.evaluate("window.zgcExplorer.network.getViewPosition()")
    at = page.evaluate("id => window.zgcExplorer.network.getPositions([id])[id]", nid)
    assert math.dist((view["x"], view["y"]), (at["x"], at["y"])) < 1.0  # the view is centred on it


@pytest.fixture(scope="module")
def xinghe_page_path(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("browser")
    turtle = xinghe()[0].write(folder / "zgc.ttl")
    html = folder / "zgc.html"
    render_html(read_graph(turtle), html)
    return turtle, html


def test_every_entity_is_drawn_and_nothing_is_fetched(browser, xinghe_page_path):
    turtle, html = xinghe_page_path
    page, watch = open_page(browser, html)
    assert page.evaluate("window.zgcExplorer.drawnNodeCount()") == len(entities_in(turtle)) == 11
    assert page.text_content("#corpus-title") in {"星河智能制造创新联合体揭牌、星河简讯", "星河简讯、星河智能制造创新联合体揭牌"}
    assert page.text_content("#counts").startswith("11 个实体 · 9 条关系 · 2 篇文档")
    legend = page.locator("#legend li")
    assert legend.count() == 4 and legend.first.locator("svg").count() == 1
    watch.assert_clean()
    page.close()


def test_search_by_alias_focuses_and_selects_the_full_name(browser, xinghe_page_path):
    page, watch = open_page(browser, xinghe_page_path[1])
    page.fill("#search", "星河市科委")
    first = page.locator("#search-results button").first
    assert first.text_content().startswith("星河市科学技术委员会")
    page.press("#search", "Enter")
    nid = node_id(page, "星河市科学技术委员会")
    page.wait_for_function("id => (window.zgcExplorer.selected || {}).node === id", arg=nid)
    assert page.text_content("#panel h2") == "星河市科学技术委员会"
    assert_focused(page, nid)
    search(page, "xinghe jituan")  # pinyin without tones finds it too
    assert page.text_content("#panel h2") == "星河集团"
    watch.assert_clean()
    page.close()


def test_clicking_a_node_shows_names_documents_and_evidence(browser, xinghe_page_path):
    turtle, html = xinghe_page_path
    page, watch = open_page(browser, html)
    click_node(page, "星河集团")
    panel = page.locator("#panel")
    assert page.text_content("#panel h2") == "星河集团"
    assert "企业 · 机构" in panel.text_content()
    names = page.locator("#panel .names li").all_text_contents()
    assert [n.split("标准名")[0].split("别名")[0] for n in names] == ["星河集团", "星河", "星河科技"]
    assert page.text_content("#panel .pinyin") == "Xīnghé Jítuán"
    assert sorted(page.locator("#panel .documents li").all_text_contents()) == ["星河智能制造创新联合体揭牌", "星河简讯"]
    lead = page.locator("#panel li.rel", has_text="牵头")
    assert lead.count() == 1
    assert lead.locator(".rel-head").text_content() == "星河集团→ 牵头 →星河智能制造创新联合体"
    entities = {label: iri for iri, label in entities_in(turtle).items()}
    sentences = evidence_between(turtle, entities["星河集团"], entities["星河智能制造创新联合体"])
    quoted = lead.locator("blockquote").all_text_contents()
    assert sorted(quoted) == sorted(sentences) and len(quoted) == 2
    metas = lead.locator(".meta").all_text_contents()
    assert any("《星河简讯》 · 字符 0–29" in m for m in metas)
    assert lead.locator("mark", has_text="星河集团").count() == 2  # the names are marked in the sentence
    # The highlight covers the node and its neighbours.
    page.wait_for_function("window.zgcExplorer.network.getSelectedNodes().length === 5")
    watch.assert_clean()
    page.close()


def test_clicking_an_edge_shows_its_evidence(browser, xinghe_page_path):
    page, watch = open_page(browser, xinghe_page_path[1])
    a, b = node_id(page, "东岭研究院"), node_id(page, "星河智能制造创新联合体")
    point = page.evaluate("""([a, b]) => {
        const net = window.zgcExplorer.network;
        net.focus(a, {scale: 1.5, animation: false});
        const pos = net.getPositions([a, b]);
        const mid = net.canvasToDOM({x: (pos[a].x * 2 + pos[b].x * 3) / 5, y: (pos[a].y * 2 + pos[b].y * 3) / 5});
        const box = document.getElementById('graph').getBoundingClientRect();
        return {x: box.left + mid.x, y: box.top + mid.y, node: net.getNodeAt(mid) ?? null, edge: net.getEdgeAt(mid) ?? null};
    }""", [a, b])
    assert point["node"] is None and point["edge"] is not None
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("(window.zgcExplorer.selected || {}).edge !== undefined")
    assert page.text_content("#panel h2") == "加入（member of）"
    assert page.text_content("#panel .rel-head") == "东岭研究院→ 加入 →星河智能制造创新联合体"
    assert page.text_content("#panel blockquote") == "华北大学、东岭研究院等单位加入该联合体，联合体落户星河科学城。"
    watch.assert_clean()
    page.close()


def test_filters_hide_classes_and_relation_types(browser, xinghe_page_path):
    page, watch = open_page(browser, xinghe_page_path[1])
    edges = page.evaluate("window.zgcExplorer.drawnEdgeCount()")
    page.uncheck('input[data-class="Person"]')
    assert page.evaluate("window.zgcExplorer.drawnNodeCount()") == 10
    assert page.evaluate("window.zgcExplorer.drawnEdgeCount()") == edges - 1  # 周明远's affiliation
    search(page, "周明远")  # finding a hidden entity shows its class again
    page.wait_for_function("window.zgcExplorer.drawnNodeCount() === 11")
    assert page.is_checked('input[data-class="Person"]')
    assert page.text_content("#panel h2") == "周明远"
    assert "副总裁 @ 星河集团" in page.text_content("#panel .roles")
    page.uncheck('input[data-predicate="memberOf"]')
    assert page.evaluate("window.zgcExplorer.drawnNodeCount()") == 11
    assert page.evaluate("window.zgcExplorer.drawnEdgeCount()") == edges - 2
    watch.assert_clean()
    page.close()


def test_hostile_text_is_shown_as_text_and_never_runs(browser, tmp_path):
    cg, _e = hostile()
    html = tmp_path / "hostile.html"
    render_html(cg.graph, html)
    page, watch = open_page(browser, html)
    assert page.text_content("#corpus-title") == HOSTILE_TITLE
    search(page, HOSTILE_ALIAS)
    page.wait_for_function("(window.zgcExplorer.selected || {}).node !== undefined")
    assert page.text_content("#panel h2") == HOSTILE_LABEL
    assert page.locator("#panel h2").is_visible()
    assert HOSTILE_ALIAS in page.locator("#panel .names").text_content()
    assert page.text_content("#panel blockquote") == HOSTILE_SENTENCE
    # Hovering shows the tooltip, as text too.
    nid = node_id(page, HOSTILE_LABEL)
    point = page.evaluate("id => window.zgcExplorer.pointOf(id, 1.5)", nid)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert page.text_content("div.vis-tooltip").startswith(HOSTILE_LABEL)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img, iframe, b").count() == 0
    assert page.locator("script").count() == 3
    watch.assert_clean()
    page.close()


def test_seed_explorer(browser, seed_build):
    """The issue's acceptance: the seed build's page, offline, searchable, with evidence on click."""
    turtle, html = seed_build.outputs["turtle"], seed_build.outputs["html"]
    page, watch = open_page(browser, html)
    entities = entities_in(turtle)
    assert page.evaluate("window.zgcExplorer.drawnNodeCount()") == len(entities)
    page.wait_for_timeout(300)
    atomic_write_bytes(REPO / "out" / "screenshot-graph.png", page.screenshot())

    search(page, "北交所")
    nid = node_id(page, "北京证券交易所")
    page.wait_for_function("id => (window.zgcExplorer.selected || {}).node === id", arg=nid)
    assert_focused(page, nid)

    click_node(page, "小米集团", scale=1.1)
    by_label = {label: iri for iri, label in entities.items()}
    sentences = evidence_between(turtle, by_label["小米集团"], by_label["3C智能制造创新联合体"])
    relation = page.locator("#panel li.rel", has_text="3C智能制造创新联合体")
    assert relation.count() >= 1 and sentences
    shown = set(relation.locator("blockquote").all_text_contents())
    assert shown and shown <= sentences
    page.mouse.move(5, 895)  # away from the node, so no tooltip covers the screenshot
    page.wait_for_timeout(300)
    atomic_write_bytes(REPO / "out" / "screenshot-panel.png", page.screenshot())
    watch.assert_clean()
    page.close()


def test_a_graph_without_entities_still_opens_cleanly(browser, tmp_path):
    html = tmp_path / "empty.html"
    render_html(ContractGraph().graph, html)
    page, watch = open_page(browser, html)
    assert page.evaluate("window.zgcExplorer.drawnNodeCount()") == 0
    assert page.text_content("#counts").startswith("0 个实体")
    page.fill("#search", "星河")
    assert page.text_content("#search-results") == "没有找到"
    watch.assert_clean()
    page.close()
