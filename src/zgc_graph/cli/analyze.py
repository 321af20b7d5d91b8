"""`zgc-graph analyze`: who is central, how the graph falls apart, and who surrounds an entity."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..graph import network
from ..graph.ontology import read_graph
from ..query import text_width
from . import handle_errors

KINDS = (("Organisation", "organisations"), ("Platform", "platforms"), ("Policy", "policies"),
         ("Person", "people"))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


def _rows(rows: list[network.Centrality]) -> list[str]:
    width = max((text_width(r.label) for r in rows), default=0)
    return [f"  {i:>3}. {_pad(r.label, width)}  degree {r.degree:>4}  betweenness {r.betweenness:.4f}"
            for i, r in enumerate(rows, 1)]


def _relation_lines(sub) -> list[str]:
    lines = []
    for s, o, _key, data in network.iter_relations(sub):
        arrow = "↔" if data.get("symmetric") else "→"
        if data.get("symmetric") and s > o:
            continue
        lines.append(f"  {sub.nodes[s]['label']} —{data['label_zh']}{arrow} {sub.nodes[o]['label']}"
                     f"  ({len(data['evidence'])} evidence)")
    return lines


@click.command("analyze")
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The Turtle file to analyse.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1),
              help="How many of the most central entities to list per class.")
@click.option("--entity", metavar="NAME", default=None, help="Also show the neighbourhood of this entity.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0),
              help="Relations away from --entity to include.")
@click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json"]))
@handle_errors
def command(graph_path: Path, top: int, entity: str | None, depth: int, fmt: str) -> None:
    """Centrality (degree, betweenness) per class, connected components, an entity's neighbourhood."""
    G = network.entity_network(read_graph(graph_path))
    sub = network.neighbourhood(G, entity, depth) if entity else None
    scores = network.centrality(G)
    comps = network.components(G)
    sampled = len(G) > network.BETWEENNESS_EXACT_LIMIT
    if fmt == "json":
        doc = {
            "graph": str(graph_path), "entities": G.number_of_nodes(), "relations": network.relation_count(G),
            "betweenness_sampled": sampled,
            "central": {kind: [{"iri": r.node, "label": r.label, "degree": r.degree, "betweenness": r.betweenness}
                               for r in network.ranked(scores, kind, top)] for kind, _name in KINDS},
            "components": [{"size": c.size, "labels": [G.nodes[n]["label"] for n in c.nodes[:5]]} for c in comps],
        }
        if sub is not None:
            doc["neighbourhood"] = {
                "entity": G.nodes[sub.graph["centre"]]["label"], "depth": depth,
                "entities": [sub.nodes[n]["label"] for n in sorted(sub, key=lambda n: sub.nodes[n]["label"])],
                "relations": [{"subject": sub.nodes[s]["label"], "predicate": k, "label": d["label_zh"],
                               "object": sub.nodes[o]["label"], "evidence": [e["text"] for e in d["evidence"]]}
                              for s, o, k, d in network.iter_relations(sub)],
            }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(f"{graph_path}: {G.number_of_nodes()} entities, {network.relation_count(G)} relations, "
               f"{len(comps)} connected components")
    note = f" (betweenness estimated from {network.BETWEENNESS_SAMPLES} sources)" if sampled else ""
    for kind, name in KINDS:
        rows = network.ranked(scores, kind, top)
        if rows:
            click.echo(f"\nmost central {name}{note}:")
            click.echo("\n".join(_rows(rows)))
    click.echo("\nconnected components (largest first):")
    for i, comp in enumerate(comps[:top], 1):
        labels = "、".join(G.nodes[n]["label"] for n in comp.nodes[:5])
        more = " …" if comp.size > 5 else ""
        click.echo(f"  {i:>3}. {comp.size:>5} entities: {labels}{more}")
    if len(comps) > top:
        rest = comps[top:]
        click.echo(f"  … {len(rest)} more components with {sum(c.size for c in rest)} entities")
    if sub is not None:
        centre = sub.graph["centre"]
        click.echo(f"\nneighbourhood of {G.nodes[centre]['label']} (depth {depth}): "
                   f"{sub.number_of_nodes()} entities, {network.relation_count(sub)} relations")
        click.echo("\n".join(_relation_lines(sub)) or "  (no relations)")
