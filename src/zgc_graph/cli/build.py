"""`zgc-graph build`: documents in, graph files out."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TextIO

import click

from .. import api
from . import handle_errors, skip_teardown


class ProgressLine:
    """One self-rewriting stderr line: documents done, rate, ETA; then the stage under way.

    Redrawn at most ten times a second, so a build of cached documents is not
    slowed down by the terminal.  The finished document count stays on screen;
    the stages after it (merging, the graph, writing: ~20 s at 1,000 articles)
    replace one another on the next line, which is cleared at the end.
    """

    def __init__(self, stream: TextIO, interval: float = 0.1) -> None:
        self.stream = stream
        self.interval = interval
        self.started = time.monotonic()
        self.drawn = 0.0
        self.width = 0
        self.keep = True  # end the line with a newline (documents), or clear it (a stage)

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.drawn < self.interval:
            return
        self.drawn = now
        elapsed = max(now - self.started, 1e-9)
        rate = done / elapsed
        eta = (total - done) / rate if rate > 0 else 0.0
        filled = int(24 * done / total) if total else 24
        self._draw(f"extracting [{'#' * filled}{'.' * (24 - filled)}] {done}/{total} documents, "
                   f"{rate:.1f}/s, ETA {int(eta) // 60}:{int(eta) % 60:02d}", keep=True)
        if done >= total:
            self.close()

    def status(self, words: str) -> None:
        self._draw(f"{words}...", keep=False)

    def _draw(self, text: str, keep: bool) -> None:
        if self.width and self.keep and not keep:  # a finished count stays; the stage goes below it
            self.close()
        self.stream.write("\r" + text.ljust(self.width))
        self.width, self.keep = len(text), keep
        self.stream.flush()

    def close(self) -> None:
        """End the line, so that what is printed next (an error, the summary) starts on its own."""
        if self.width:
            self.stream.write("\n" if self.keep else "\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(path_type=Path),
              help="Folder for zgc.ttl, zgc.html and other outputs.")
@click.option("--strict", is_flag=True, help="Stop at the first unreadable file instead of skipping it.")
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Drop relations found with a lower confidence.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation of the built graph.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Processes extracting documents in parallel  [default: every core].")
@click.option("--no-cache", is_flag=True,
              help="Extract every document again instead of reusing OUT/.zgc-cache/ (nor updating it).")
@click.option("--format", "-f", "formats", metavar="NAME", multiple=True,
              help="An output to write, repeatable (see `zgc-graph export --list`)  [default: turtle, html].")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@handle_errors
def command(paths: tuple[Path, ...], out_dir: Path, strict: bool, min_confidence: float, no_validate: bool,
            jobs: int | None, no_cache: bool, formats: tuple[str, ...], quiet: bool) -> None:
    """Build the knowledge graph from PATHS (files or folders; default: seeds/)."""
    skip_teardown()
    progress = ProgressLine(sys.stderr) if not quiet and sys.stderr.isatty() else None
    try:
        report = api.build(paths or (Path("seeds"),), out_dir, formats=formats or api.DEFAULT_FORMATS,
                           strict=strict, min_confidence=min_confidence,
                           validate_graph=not no_validate, jobs=jobs, use_cache=not no_cache, progress=progress,
                           status=progress.status if progress is not None else None)
    finally:
        if progress is not None:
            progress.close()
    for skipped in report.skipped:
        click.echo(f"skipped: {skipped.path}: {skipped.reason}", err=True)
    if not quiet:
        click.echo(report.summary())
        for name, path in report.outputs.items():
            click.echo(f"  {name}: {path}")
