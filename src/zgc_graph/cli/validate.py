"""`zgc-graph validate`: check a built graph against the contract's SHACL shapes."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import ValidationFailed
from ..graph.validate import Violation, validate
from . import handle_errors


def format_violation(v: Violation) -> str:
    """One line a reader can act on: which node (by its Chinese name), which property, what is wrong."""
    line = f"{v.focus_label} | {v.path or '(node)'} | {v.message}"
    if v.value is not None:
        line += f" | value: {v.value}"
    if v.focus_label != v.focus_node and not v.focus_node.startswith("_:"):
        line += f" | {v.focus_node}"
    return line


@click.command("validate")
@click.option("--graph", "graph_path", default=Path("out/zgc.ttl"), show_default=True,
              type=click.Path(path_type=Path), help="The graph file to check (Turtle, or by suffix).")
@handle_errors
def command(graph_path: Path) -> None:
    """Check a graph against ontology/shapes.ttl; exit non-zero when it does not conform."""
    report = validate(graph_path)
    for violation in report.violations:
        click.echo(format_violation(violation))
    if not report.conforms:
        raise ValidationFailed(report.summary())
    click.echo(report.summary())
