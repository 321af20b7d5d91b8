"""`zgc-graph stats`: what the built graph holds, in numbers."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..query import compact, graph_stats, text_width
from . import handle_errors


@click.command("stats")
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The Turtle file to count.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]))
@handle_errors
def command(graph_path: Path, fmt: str) -> None:
    """Count entities per class (subclasses included), triples per property, documents and statements."""
    stats = graph_stats(graph_path)
    if fmt == "json":
        doc = {
            "graph": str(graph_path), "triples": stats.triples, "documents": stats.documents,
            "statements": stats.statements, "entities": stats.entities,
            "classes": {compact(str(c)): n for c, n in stats.classes},
            "properties": {compact(str(p)): n for p, n in stats.properties},
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    click.echo(f"{graph_path}: {stats.triples} triples, {stats.documents} documents, "
               f"{stats.entities} entities, {stats.statements} statements")
    for heading, items in (("instances per class (subclasses included)", stats.classes),
                           ("triples per property (instance data)", stats.properties)):
        click.echo(f"\n{heading}:")
        names = [compact(str(term)) for term, _n in items]
        width = max((text_width(n) for n in names), default=0)
        for name, (_term, n) in zip(names, items):
            click.echo(f"  {name}{' ' * (width - text_width(name))}  {n:>7}")
