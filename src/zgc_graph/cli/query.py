"""`zgc-graph query`: SPARQL over the built graph, or one of the canned queries."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import QueryError
from ..queries import get_canned, list_canned
from ..query import ENGINES, FORMATS, format_result, run_query
from . import handle_errors


def _read_query(query_or_file: str) -> str:
    if query_or_file == "-":
        return sys.stdin.read()
    path = Path(query_or_file)
    if "{" not in query_or_file and path.suffix in (".rq", ".sparql", ".txt") and not _is_file(path):
        raise QueryError(f"query file not found: {path}")
    if "\n" not in query_or_file and len(query_or_file) < 4096 and _is_file(path):
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"cannot read query file {path}: {err}") from None
    return query_or_file


def _is_file(path: Path) -> bool:
    """Whether `path` names a file; a query's text can be no valid name (too long a part)."""
    try:
        return path.is_file()
    except OSError:
        return False


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param needs KEY=VALUE, got '{pair}'")
        out[key.strip()] = value
    return out


def _listing() -> str:
    lines = []
    for q in list_canned():
        params = " ".join(f"--param {p}=…" for p in q.params)
        lines.append(f"{q.name}{' ' + params if params else ''}\n    {q.title}: {q.description}")
    return "\n".join(lines)


@click.command("query")
@click.argument("query_or_file", required=False)
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True,
              type=click.Path(path_type=Path), help="The Turtle file to query.")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(FORMATS),
              help="table, SPARQL 1.1 csv/json results, or turtle for CONSTRUCT/DESCRIBE.")
@click.option("--engine", default="auto", show_default=True, type=click.Choice(ENGINES),
              help="auto: the Oxigraph store from `zgc-graph load` when it is current, else rdflib.")
@click.option("--store", "store_dir", default=None, type=click.Path(path_type=Path),
              help="Oxigraph store folder (default: beside the Turtle, e.g. out/zgc.oxigraph).")
@click.option("--list", "list_only", is_flag=True, help="List the canned queries and exit.")
@click.option("--name", "canned", metavar="NAME", help="Run the canned query NAME (see --list).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A parameter of the canned query.")
@handle_errors
def command(query_or_file: str | None, graph_path: Path, fmt: str, engine: str, store_dir: Path | None,
            list_only: bool, canned: str | None, params: tuple[str, ...]) -> None:
    """Run a SPARQL query (text, a .rq file, or - for stdin) or a canned one over the graph.

    Common prefixes (zgc:, zgcr:, skos:, rdfs:, org:, prov:…) need no PREFIX line.
    """
    if list_only:
        click.echo(_listing())
        return
    if canned and query_or_file:
        raise click.UsageError("give either QUERY_OR_FILE or --name, not both")
    if params and not canned:
        raise click.UsageError("--param goes with --name")
    if canned:
        sparql = get_canned(canned, **_params(params))
    elif query_or_file:
        sparql = _read_query(query_or_file)
    else:
        raise click.UsageError("give a SPARQL query, a .rq file, --name NAME or --list")
    result = run_query(sparql, graph_path, engine=engine, store_dir=store_dir)
    click.echo(format_result(result, fmt), nl=False)
