"""`zgc-graph build`: documents in, graph files out."""
from __future__ import annotations

from pathlib import Path

import click

from .. import api
from . import handle_errors


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder for zgc.ttl, zgc.html and other outputs.")
@click.option("--strict", is_flag=True, help="Stop at the first unreadable file instead of skipping it.")
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Drop relations found with a lower confidence.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation of the built graph.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@handle_errors
def command(paths: tuple[Path, ...], out_dir: Path, strict: bool, min_confidence: float, no_validate: bool,
            quiet: bool) -> None:
    """Build the knowledge graph from PATHS (files or folders; default: seeds/)."""
    report = api.build(paths or (Path("seeds"),), out_dir, strict=strict, min_confidence=min_confidence,
                       validate_graph=not no_validate)
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped.path}: {skipped.reason}", err=True)
    if not quiet:
        click.echo(report.summary())
        for name, path in report.outputs.items():
            click.echo(f"  {name}: {path}")
