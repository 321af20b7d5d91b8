"""The entity graph for network tools: GraphML and GEXF (Gephi, Cytoscape), node-link JSON (D3).

These carry the entity graph of `graph.network.entity_network`, not the RDF:
one node per entity with its labels and classes as attributes, one edge per
relation with its Chinese label and evidence.  GraphML and GEXF only hold
scalar attributes, so lists are joined with " | " and evidence is reduced to
its first sentence and a count; the JSON keeps everything.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Graph

from ..fsutil import atomic_write_bytes, atomic_write_text
from ..graph.network import entity_network
from . import register

JOIN = " | "


def _evidence_summary(evidence: list[dict[str, Any]]) -> dict[str, Any]:
    first = evidence[0] if evidence else {}
    return {
        "evidence_count": len(evidence),
        "evidence": first.get("text", ""),
        "evidence_document": first.get("document", ""),
        "evidence_start": first.get("start") if first.get("start") is not None else -1,
        "evidence_end": first.get("end") if first.get("end") is not None else -1,
    }


def scalar_network(graph: Graph) -> nx.MultiDiGraph:
    """The entity graph with only str/int/float/bool attributes, as GraphML and GEXF require."""
    G = entity_network(graph)
    titles = G.graph.get("documents", {})
    flat = nx.MultiDiGraph()
    for node, d in G.nodes(data=True):
        attrs: dict[str, Any] = {
            "label": d["label"], "aliases": JOIN.join(d["aliases"]), "pinyin": d["pinyin"],
            "class": d["class"], "class_label": d["class_label"],
            "subclass": d["subclass"], "subclass_label": d["subclass_label"],
            "documents": JOIN.join(titles.get(x, x) for x in d["documents"]),
            "document_count": len(d["documents"]),
        }
        for fact in d.get("facts", ()):
            attrs[fact["property"]] = _scalar(fact["value"])
        if d.get("roles"):
            attrs["roles"] = JOIN.join(
                r["title"] + (f" @ {G.nodes[r['organisation']]['label']}" if r["organisation"] else "")
                for r in d["roles"])
        flat.add_node(node, **attrs)
    for s, o, key, d in G.edges(keys=True, data=True):
        flat.add_edge(s, o, key=key, predicate=d["predicate"], relation=key, label=d["label_zh"],
                      label_en=d["label_en"], **_evidence_summary(d["evidence"]))
    return flat


def _scalar(value: str) -> int | str:
    try:
        return int(value)
    except ValueError:
        return value


def _consistent(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Give every node the same attribute keys (GEXF/GraphML declare one type per key)."""
    keys = {k: type(v) for _n, d in G.nodes(data=True) for k, v in d.items()}
    for _n, d in G.nodes(data=True):
        for key, kind in keys.items():
            if key not in d:
                d[key] = -1 if kind is int else ""
            elif kind is str and not isinstance(d[key], str):
                d[key] = str(d[key])
    return G


def serialize_graphml(graph: Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(_consistent(scalar_network(graph)), buffer, encoding="utf-8", prettyprint=True,
                     named_key_ids=True)
    return buffer.getvalue()


def serialize_gexf(graph: Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(_consistent(scalar_network(graph)), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def node_link(graph: Graph) -> dict[str, Any]:
    """networkx node-link data (`nodes`, `links`): what D3's force layout reads."""
    G = entity_network(graph)
    data = nx.node_link_data(G, edges="links")
    data["graph"] = {k: v for k, v in G.graph.items()}
    return data


@register("graphml", ".graphml", "GraphML of the entity graph (Gephi, Cytoscape, yEd): labels and classes as attributes")
def write_graphml(graph: Graph, path: Path) -> None:
    atomic_write_bytes(path, serialize_graphml(graph))


@register("gexf", ".gexf", "GEXF of the entity graph (Gephi): labels and classes as attributes")
def write_gexf(graph: Graph, path: Path) -> None:
    atomic_write_bytes(path, serialize_gexf(graph))


@register("json", ".json", "Node-link JSON of the entity graph (D3): every label, class and evidence sentence")
def write_json(graph: Graph, path: Path) -> None:
    atomic_write_text(path, json.dumps(node_link(graph), ensure_ascii=False, indent=1, sort_keys=True) + "\n")
