"""The interactive HTML explorer: one self-contained, offline page.

The page is our own template around the vis-network build that ships inside
pyvis (pyvis's own template loads Bootstrap from a CDN and writes `lib/` into
the working directory).  Everything the page needs is inline: vis-network,
our script and style, and the graph as JSON in a `<script
type="application/json">` block, with `<`, `>` and `&` written as `\\u003c`…
so that no document text can close the block.  The script builds every piece
of text with `textContent`, never `innerHTML`.

Positions are computed here (`graph.network.layout`) and physics is off, so
the browser draws even 5,000 nodes at once instead of simulating for minutes.
The build's page draws at most `BUILD_MAX_NODES` entities, the most connected,
and says so on the page; only the entities drawn are read in full and laid out.
"""
from __future__ import annotations

import html
import importlib.util
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from ..collector import collector_paused
from ..errors import ZgcError
from ..fsutil import atomic_write_text
from ..graph import network
from . import register

VIS_VERSION = "vis-9.1.2"
# One colour and one shape per top class (shapes stay readable in greyscale).
CLASS_STYLE = {
    "Organisation": ("#2b6cb0", "dot"),
    "Person": ("#c53030", "diamond"),
    "Policy": ("#2f855a", "square"),
    "Platform": ("#d97706", "triangle"),
}
CLASS_FALLBACK_ZH = {"Organisation": "机构", "Person": "人物", "Policy": "政策", "Platform": "平台"}
SPACING = 120.0          # pixels between connected nodes
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_PLACEHOLDER = re.compile(r"/\*@(\w+)@\*/")


# The build's page draws at most this many entities, the most connected, and says so.
# A 1,000-article corpus has 40,000 entities, which no browser draws usefully as one
# picture.  2,000 keep the HTML stage of that build near 4 s and of a 100-article build
# near 1 s (two shared cores; layout and evidence grow with the entities drawn), and the
# page opens in 2-3 s in headless Chromium (bench/html_bench.py: 2,000 nodes settle in
# 1.7 s, 5,000 in about 3 s).  `zgc-graph html --max-nodes/--focus` draws other views;
# smaller graphs, the seed's among them, are drawn whole.
BUILD_MAX_NODES = 2000


@dataclass(frozen=True)
class HtmlReport:
    path: Path
    nodes: int           # entities drawn
    edges: int           # relations drawn (a symmetric pair counts once)
    total_nodes: int     # entities in the whole graph
    total_edges: int


def select_nodes(entities: network.EntityGraph, max_nodes: int | None = None, focus: str | None = None,
                 depth: int = 2) -> tuple[list[str], str | None]:
    """The entities to draw (the focus neighbourhood and/or the most connected) and the focus entity."""
    if max_nodes is not None and max_nodes < 1:
        raise ZgcError(f"--max-nodes must be at least 1, got {max_nodes}")
    centre = None
    if focus:
        sub = network.neighbourhood(entities.skeleton(), focus, depth)
        centre = sub.graph["centre"]
        U = network.simple_projection(sub)
        neighbours = {n: set(U[n]) for n in U}
    else:
        neighbours = entities.neighbours()
    if max_nodes is None or len(neighbours) <= max_nodes:
        return list(neighbours), centre
    keep = network.top_central_nodes(neighbours, max_nodes, entities.labels)
    if centre is not None and centre not in keep:
        keep = [centre, *keep[:-1]]
    return keep, centre


def page_data(shown: nx.MultiDiGraph, total_nodes: int, total_edges: int, centre: str | None = None,
              limit: int | None = None) -> dict[str, Any]:
    """Everything the page shows, with nodes, classes, predicates and documents by index.

    `total_*` count the whole graph; `limit` is the --max-nodes the page was drawn with, if any.
    """
    nodes = sorted(shown.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    documents = sorted({d for n in nodes for d in shown.nodes[n]["documents"]}
                       | {ev["document"] for *_e, data in shown.edges(keys=True, data=True)
                          for ev in data["evidence"] if ev["document"]})
    doc_index = {d: i for i, d in enumerate(documents)}
    titles = shown.graph.get("documents", {})
    classes = sorted({shown.nodes[n]["class"] for n in nodes} | set(CLASS_STYLE),
                     key=lambda c: (list(CLASS_STYLE).index(c) if c in CLASS_STYLE else 99, c))
    class_zh = {network._local(iri): labels.get("zh") for iri, labels in shown.graph.get("classes", {}).items()}
    edges = _edge_rows(shown, index, doc_index)
    predicates = sorted({e["p"] for e in edges})
    pred_labels = {network._local(iri): labels for iri, labels in shown.graph.get("predicates", {}).items()}
    pred_index = {p: i for i, p in enumerate(predicates)}
    for edge in edges:
        edge["p"] = pred_index[edge["p"]]
    rows = _node_rows(shown, index, doc_index, {c: i for i, c in enumerate(classes)})
    class_counts = Counter(r["cls"] for r in rows)
    pred_counts = Counter(e["p"] for e in edges)
    return {
        "corpus": corpus_name([titles.get(d, network._local(d)) for d in sorted(titles)] or ["zgc-graph"]),
        "total": {"nodes": total_nodes, "edges": total_edges, "documents": len(titles)},
        "limit": limit,
        "focus": index.get(centre or "", None),
        "classes": [{"id": c, "label": class_zh.get(c) or CLASS_FALLBACK_ZH.get(c, c),
                     "color": CLASS_STYLE.get(c, ("#718096", "dot"))[0],
                     "shape": CLASS_STYLE.get(c, ("#718096", "dot"))[1],
                     "count": class_counts[i]} for i, c in enumerate(classes)],
        "predicates": [{"id": p, "label": pred_labels.get(p, {}).get("zh", p),
                        "en": pred_labels.get(p, {}).get("en", p),
                        "count": pred_counts[i]} for i, p in enumerate(predicates)],
        "documents": [{"iri": d, "title": titles.get(d, network._local(d))} for d in documents],
        "nodes": rows,
        "edges": edges,
    }


def _edge_rows(shown: nx.MultiDiGraph, index: dict[str, int], doc_index: dict[str, int]) -> list[dict[str, Any]]:
    """One row per relation; a symmetric pair becomes one undirected edge with both statements' evidence."""
    edges: list[dict[str, Any]] = []
    symmetric: dict[tuple[str, str, str], int] = {}
    for s, o, key, data in network.iter_relations(shown):
        evidence = [_evidence(ev, doc_index) for ev in data["evidence"]]
        if data.get("symmetric"):
            pair = (min(s, o), max(s, o), key)
            if pair in symmetric:
                merged = edges[symmetric[pair]]
                merged["ev"] = sorted({tuple(sorted(e.items())): e for e in merged["ev"] + evidence}.values(),
                                      key=lambda e: (e["d"], e["s"] if e["s"] is not None else -1, e["t"]))
                continue
            symmetric[pair] = len(edges)
        edges.append({"id": len(edges), "from": index[s], "to": index[o], "p": key,
                      "sym": bool(data.get("symmetric")), "ev": evidence})
    parallel: dict[tuple[int, int], int] = {}
    for edge in edges:
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        if nth:  # parallel relations between one pair: bend them apart so labels do not overlap
            bend = 0.2 * ((nth + 1) // 2) * (1 if nth % 2 else -1)
            edge["curve"] = bend if edge["from"] == pair[0] else -bend
    return edges


def _node_rows(shown: nx.MultiDiGraph, index: dict[str, int], doc_index: dict[str, int],
               class_index: dict[str, int]) -> list[dict[str, Any]]:
    """One row per entity: names, class, documents, facts, roles, position and size (by degree centrality)."""
    scores = network.degree_scores(shown)
    top = max(scores.values(), default=0.0) or 1.0
    positions = network.layout(shown, spacing=SPACING)
    rows = []
    for n in sorted(shown.nodes):
        d = shown.nodes[n]
        weight = math.sqrt(scores.get(n, 0.0) / top)
        rows.append({
            "id": index[n], "iri": n, "label": d["label"], "aliases": d["aliases"], "pinyin": d["pinyin"],
            "cls": class_index[d["class"]], "sub": d["subclass_label"],
            "docs": [doc_index[x] for x in d["documents"] if x in doc_index],
            "x": round(positions[n][0], 1), "y": round(positions[n][1], 1),
            "size": round(12 + 22 * weight, 1), "font": round(16 + 8 * weight),
            "degree": round(scores.get(n, 0.0), 4),
            "facts": [{"label": f["label_zh"], "value": f["value"],
                       "ev": [_evidence(ev, doc_index) for ev in f["evidence"]]} for f in d.get("facts", ())],
            "roles": [{"title": r["title"], "org": index.get(r["organisation"]),
                       "orgLabel": r.get("organisation_label", ""),
                       "ev": [_evidence(ev, doc_index) for ev in r["evidence"]]} for r in d.get("roles", ())],
        })
    return rows


def _evidence(ev: dict[str, Any], doc_index: dict[str, int]) -> dict[str, Any]:
    return {"t": ev["text"], "d": doc_index.get(ev["document"], -1), "s": ev["start"], "e": ev["end"],
            "r": ev["rule"], "c": ev["confidence"]}


def corpus_name(titles: list[str]) -> str:
    """The title bar's name for the corpus: its one title, a few titles, or the first and a count."""
    titles = [t for t in titles if t] or ["zgc-graph"]
    if len(titles) == 1:
        return titles[0]
    if len(titles) <= 3:
        return "、".join(titles)
    return f"{titles[0]} 等 {len(titles)} 篇文档"


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` survives to close it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_UNSAFE[m.group()], text)


def _asset(name: str) -> str:
    return resources.files("zgc_graph.export").joinpath("assets", name).read_text(encoding="utf-8")


def _vis_asset(name: str) -> str:
    """A file of the vis-network build inside pyvis, found without importing pyvis (which imports IPython)."""
    spec = importlib.util.find_spec("pyvis")
    try:
        if spec is None or not spec.submodule_search_locations:
            raise FileNotFoundError("pyvis is not installed")
        folder = Path(next(iter(spec.submodule_search_locations)))
        return (folder / "templates" / "lib" / VIS_VERSION / name).read_text(encoding="utf-8")
    except OSError as err:
        raise ZgcError(f"the HTML explorer needs pyvis 0.3.2 (its bundled {VIS_VERSION}/{name}): {err}") from None


def _inline(code: str, tag: str) -> str:
    """Code to put inside <script>/<style>: refuse anything that could end the element early."""
    if re.search(rf"</{tag}", code, re.IGNORECASE):
        raise ZgcError(f"cannot inline asset: it contains '</{tag}'")
    return code


def html_page(data: dict[str, Any], title: str) -> str:
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": _inline(_vis_asset("vis-network.css"), "style"),
        "APP_CSS": _inline(_asset("explorer.css"), "style"),
        "DATA": script_json(data),
        "VIS_JS": _inline(_vis_asset("vis-network.min.js"), "script"),
        "APP_JS": _inline(_asset("explorer.js"), "script"),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _asset("explorer.html"))


def render_html(graph: Graph, path: Path | str, max_nodes: int | None = None, focus: str | None = None,
                depth: int = 2) -> HtmlReport:
    """Write the explorer for `graph` to `path` (UTF-8, atomically); keep a subgraph if asked.

    Only the entities drawn are read in full (names, evidence) and laid out.
    """
    with collector_paused():
        page, counts = _render(graph, max_nodes, focus, depth)  # its garbage is freed before the collector resumes
    path = Path(path)
    atomic_write_text(path, page)
    return HtmlReport(path, *counts)


def _render(graph: Graph, max_nodes: int | None, focus: str | None, depth: int) -> tuple[str, tuple[int, ...]]:
    entities = network.EntityGraph(graph)
    keep, centre = select_nodes(entities, max_nodes=max_nodes, focus=focus, depth=depth)
    data = page_data(entities.network(keep), len(entities.types), entities.relation_count(), centre, max_nodes)
    counts = (len(data["nodes"]), len(data["edges"]), data["total"]["nodes"], data["total"]["edges"])
    return html_page(data, f"{data['corpus']} · zgc-graph"), counts


@register("html", ".html", "Interactive graph explorer: one offline HTML page with search, filters and evidence")
def write(graph: Graph, path: Path) -> None:
    """The build's page: at most BUILD_MAX_NODES entities, the most connected; the page says so."""
    render_html(graph, path, max_nodes=BUILD_MAX_NODES)
