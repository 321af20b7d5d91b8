"""`zgc-graph load`: the built Turtle into an on-disk Oxigraph store for fast queries."""
from __future__ import annotations

from pathlib import Path

import click

from ..store import load_store
from . import handle_errors


@click.command("load")
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The Turtle file to load.")
@click.option("--store", "store_dir", default=None, type=click.Path(path_type=Path),
              help="Store folder (default: beside the Turtle, e.g. out/zgc.oxigraph).")
@handle_errors
def command(graph_path: Path, store_dir: Path | None) -> None:
    """Load the graph into an Oxigraph store; `zgc-graph query` uses it while it matches the Turtle."""
    info = load_store(graph_path, store_dir)
    click.echo(f"loaded {info.triples} triples from {graph_path} into {info.path} in {info.seconds:.2f} s")
