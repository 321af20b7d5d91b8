"""`zgc-graph evaluate`: how well a built graph matches a hand-made gold annotation."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..evaluate import evaluate, format_report
from . import handle_errors


@click.command("evaluate")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--graph", "graph_path", default=Path("out/zgc.ttl"), show_default=True,
              type=click.Path(path_type=Path), help="The built graph to score.")
@click.option("--show", is_flag=True, help="Also list missed and false-positive entities, relations and attributes.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (always with every list).")
@handle_errors
def command(gold: Path, graph_path: Path, show: bool, as_json: bool) -> None:
    """Score the graph against GOLD.yaml: precision, recall, type accuracy, split entities."""
    report = evaluate(gold, graph_path)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show=show))
