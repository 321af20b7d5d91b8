"""`zgc-graph html`: the interactive explorer from a built graph, optionally a readable subgraph."""
from __future__ import annotations

from pathlib import Path

import click

from ..export.html import render_html
from ..graph.ontology import read_graph
from . import handle_errors


@click.command("html")
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The Turtle file to draw.")
@click.option("--out", "out_path", default="out/zgc.html", show_default=True,
              type=click.Path(path_type=Path), help="The HTML file to write (one self-contained page).")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Keep only the N most connected entities (after --focus).")
@click.option("--focus", metavar="NAME", default=None,
              help="Draw only the neighbourhood of the entity with this name, alias or pinyin.")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="How many relations away from --focus to draw.")
@handle_errors
def command(graph_path: Path, out_path: Path, max_nodes: int | None, focus: str | None, depth: int) -> None:
    """Write the offline HTML explorer: search, filters, and evidence for every relation."""
    report = render_html(read_graph(graph_path), out_path, max_nodes=max_nodes, focus=focus, depth=depth)
    shown = f"{report.nodes} entities, {report.edges} relations"
    if report.nodes < report.total_nodes:
        shown += f" (of {report.total_nodes} entities, {report.total_edges} relations)"
    click.echo(f"wrote {report.path}: {shown}")
