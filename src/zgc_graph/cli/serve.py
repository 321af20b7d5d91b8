"""`zgc-graph serve`: a read-only SPARQL endpoint over a built graph."""
from __future__ import annotations

from pathlib import Path

import click

from .. import serve
from . import handle_errors


@click.command("serve")
@click.option("--graph", "graph_path", default="out/zgc.ttl", show_default=True, type=click.Path(path_type=Path),
              help="Turtle file to serve (loaded once; restart to pick up a new build).")
@click.option("--host", default=serve.DEFAULT_HOST, show_default=True,
              help="Address to listen on; anything but loopback makes the endpoint reachable from other machines.")
@click.option("--port", default=serve.DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--timeout", default=serve.DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is cancelled with 503.")
@handle_errors
def command(graph_path: Path, host: str, port: int, timeout: float) -> None:
    """Serve the graph over the SPARQL 1.1 Protocol (read-only; CORS enabled for YASGUI)."""
    server = serve.SparqlServer(graph_path, host=host, port=port, timeout=timeout)
    if not serve.is_loopback(host):
        click.echo(f"warning: listening on {host}: other machines can query this endpoint", err=True)
    click.echo(f"serving {server.endpoint.triples} triples from {graph_path} at {server.url} "
               f"(read-only; Ctrl-C to stop)")
    server.run()
