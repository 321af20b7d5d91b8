"""`zgc-graph export`: the built graph in any registered format (RDF syntaxes, GraphML, GEXF, JSON…)."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import ZgcError
from ..export import exporters, get_exporter
from ..graph.ontology import read_graph
from . import handle_errors


def _listing() -> str:
    found = exporters()
    width = max((len(name) for name in found), default=0)
    return "\n".join(f"{name:<{width}}  {e.suffix:<9} {e.description}" for name, e in found.items())


@click.command("export")
@click.option("--format", "fmt", metavar="NAME", help="An export format (see --list).")
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The Turtle file to convert.")
@click.option("--out", "out_path", default=None, type=click.Path(path_type=Path),
              help="Where to write [default: beside --graph, with the format's suffix].")
@click.option("--list", "list_only", is_flag=True, help="List the export formats and exit.")
@handle_errors
def command(fmt: str | None, graph_path: Path, out_path: Path | None, list_only: bool) -> None:
    """Write the graph in another format: `--list` shows every registered one."""
    if list_only:
        click.echo(_listing())
        return
    if not fmt:
        raise ZgcError(f"give --format NAME; known formats: {', '.join(exporters())}")
    exporter = get_exporter(fmt)
    target = out_path or graph_path.with_suffix(exporter.suffix)
    if target.resolve() == graph_path.resolve():
        raise ZgcError(f"refusing to overwrite the input graph {graph_path}; give --out")
    exporter.write(read_graph(graph_path), target)
    click.echo(f"wrote {target} ({exporter.name})")
