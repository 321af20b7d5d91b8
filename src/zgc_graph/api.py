"""The library API: what the CLI and the tests call.

Functions return dataclasses and raise `zgc_graph.errors.ZgcError`; nothing
here prints.  See the stage modules for the work itself:
ingest -> extract (mentions, resolve, relations) -> graph -> export.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from rdflib import Graph

from .evaluate import EvaluationReport, evaluate, format_report  # noqa: F401  (re-export)
from .export import get_exporter
from .export.turtle import turtle_chunks_twice
from .extract import tokens
from .extract.resolve import merge_documents
from .graph.build import Fact, build_graph
from .graph.shacl_bulk import NOT_QUERIED, TurtleCopy
from .graph.validate import ValidationReport, Violation, validate  # noqa: F401  (re-export)
from .ingest import SkippedFile, read_documents
from .collector import collector_paused, return_freed_memory
from .errors import ValidationFailed, ZgcError
from .fsutil import stage_chunks
from .memo import load_memos, save_memos
from .models import Corpus
from .outlock import locked_output
from .query import GraphStats, QueryResult, format_result, graph_stats, run_query  # noqa: F401  (re-export)
from .runner import CACHE_DIRNAME, Progress, extract_documents

DEFAULT_FORMATS = ("turtle", "html")

# A build of this many characters or more frees the segmenters' dictionaries
# once its graph is built (~140 MB of a 1 GB peak at 1,000 documents); should
# the same process build again, they take a second to reload.
RELEASE_SEGMENTER_MIN_CHARS = 1_000_000


@dataclass
class BuildReport:
    documents: int
    skipped: list[SkippedFile]
    entities_by_type: dict[str, int]
    relations: int
    triples: int
    seconds: float
    outputs: dict[str, Path]
    corpus: Corpus = field(repr=False)
    graph: Graph = field(repr=False)
    left_out: list[Fact] = field(default_factory=list, repr=False)  # see graph.build.build_graph

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {t}" for t, n in sorted(self.entities_by_type.items()))
        skipped = f", {len(self.skipped)} skipped" if self.skipped else ""
        left_out = (f"; {len(self.left_out)} fact(s) left out: their entities are of another kind in "
                    f"other documents" if self.left_out else "")
        return (f"{self.documents} documents{skipped}; entities: {kinds or 'none'}; "
                f"{self.relations} relations; {self.triples} triples{left_out}; {self.seconds:.2f} s")


Status = Callable[[str], None]  # a few words as each stage but extraction (see Progress) starts


class _StageClock:
    """Times each stage into `timings` and announces it to `status` as it starts."""

    def __init__(self, timings: dict[str, float] | None, status: Status | None) -> None:
        self.timings = timings if timings is not None else {}
        self.status = status

    @contextmanager
    def stage(self, name: str, what: str) -> Iterator[None]:
        if self.status is not None and what:
            self.status(what)
        started = time.perf_counter()
        yield
        self.timings[name] = time.perf_counter() - started


def extract_corpus(paths: Sequence[Path | str], *, strict: bool = False,
                   min_confidence: float = 0.0, jobs: int | None = None, cache_dir: Path | str | None = None,
                   progress: Progress | None = None, status: Status | None = None,
                   timings: dict[str, float] | None = None) -> tuple[Corpus, list[SkippedFile]]:
    """Read, extract and merge documents: everything up to the graph.

    `jobs` processes extract in parallel (default: every core); `cache_dir`
    keeps each document's extraction for the next build; `progress(done, total)`
    is called per document and `status(words)` as each other stage starts;
    `timings`, when given, receives seconds per stage.
    """
    return _extract_corpus(paths, strict, min_confidence, jobs, cache_dir, progress, _StageClock(timings, status))


def _extract_corpus(paths, strict, min_confidence, jobs, cache_dir, progress,
                    clock: _StageClock) -> tuple[Corpus, list[SkippedFile]]:
    with clock.stage("ingest", "reading documents"):
        documents, skipped = read_documents([Path(p) for p in paths], strict=strict, cache_dir=cache_dir)
    with clock.stage("extract", ""):  # the progress bar shows this one
        extractions = extract_documents(documents, jobs=jobs, cache_dir=cache_dir, progress=progress)
    with clock.stage("merge", "merging entities"):
        corpus = merge_documents(extractions, min_confidence=min_confidence)
    return corpus, skipped


def build(paths: Sequence[Path | str] = ("seeds",), out_dir: Path | str = "out", *,
          formats: Sequence[str] = DEFAULT_FORMATS, strict: bool = False,
          min_confidence: float = 0.0, validate_graph: bool = True, jobs: int | None = None,
          use_cache: bool = True, progress: Progress | None = None, status: Status | None = None,
          timings: dict[str, float] | None = None) -> BuildReport:
    """Build the graph from `paths` (files or folders) and write `formats` into `out_dir`.

    Everything is computed before anything is written; each file is then
    replaced atomically under a lock, so a failed, invalid or interrupted build
    leaves the previous outputs as they were.  `jobs`, `progress`, `status`: see
    `extract_corpus`; `use_cache` keeps extractions in out_dir/.zgc-cache/;
    `timings`, when given, receives seconds per stage (ingest, extract, merge,
    graph, validate, then one per format).
    """
    with collector_paused():
        return _build(paths, out_dir, formats=formats, strict=strict, min_confidence=min_confidence,
                      validate_graph=validate_graph, jobs=jobs, use_cache=use_cache, progress=progress,
                      clock=_StageClock(timings, status))


def _validated_turtle(graph: Graph, turtle_target: Path | None, clock: _StageClock) -> Path | None:
    """Validate `graph`; raise ValidationFailed when it breaks a shape.

    When Turtle is among the outputs it is written first, to a staged file
    (returned; the caller renames it into place), and Oxigraph parses the same
    rendering, less the statement details its SPARQL constraints never read,
    for validation as it is written: at 1,000 documents the graph is then
    rendered once instead of twice, on two cores.
    """
    if turtle_target is None:
        with clock.stage("validate", f"validating {len(graph)} triples (SHACL)"):
            _require_conformance(validate(graph))
        return None
    with TurtleCopy() as copy:
        with clock.stage("turtle", f"writing {turtle_target} (Oxigraph reads it for validation)"):
            staged = stage_chunks(turtle_target, copy.tee_pairs(turtle_chunks_twice(graph, NOT_QUERIED)))
        try:
            with clock.stage("validate", f"validating {len(graph)} triples (SHACL)"):
                _require_conformance(validate(graph, copy=copy.take))
        except BaseException:
            staged.unlink()
            raise
    return staged


def _require_conformance(report: ValidationReport) -> None:
    if not report.conforms:
        first = report.violations[0]
        raise ValidationFailed(
            f"the built graph breaks {len(report.violations)} SHACL constraint(s), first: "
            f"{first.focus_label} {first.path or ''}: {first.message} "
            f"(outputs not written; --no-validate writes them anyway)")


def _build(paths, out_dir, *, formats, strict, min_confidence, validate_graph, jobs, use_cache, progress,
           clock: _StageClock) -> BuildReport:
    started = time.perf_counter()
    exporters = [get_exporter(name) for name in dict.fromkeys(formats)]  # a mistyped name fails before the work
    if not exporters:
        raise ZgcError("no output format given: nothing would be written")
    cache_dir = Path(out_dir) / CACHE_DIRNAME if use_cache else None
    if cache_dir is not None:
        load_memos(cache_dir)
    corpus, skipped = _extract_corpus(paths, strict, min_confidence, jobs, cache_dir, progress, clock)
    left_out: list[Fact] = []
    with clock.stage("graph", "building the graph"):
        graph = build_graph(corpus, left_out=left_out)
    if sum(len(doc.text) for doc in corpus.documents) >= RELEASE_SEGMENTER_MIN_CHARS:
        tokens.release_dictionaries()
        return_freed_memory()
    out = Path(out_dir)
    outputs: dict[str, Path] = {}
    with locked_output(out):
        turtle = next((e for e in exporters if e.name == "turtle"), None)
        turtle_target = out / f"zgc{turtle.suffix}" if turtle is not None else None
        staged = _validated_turtle(graph, turtle_target, clock) if validate_graph else None
        try:
            for exporter in exporters:
                target = out / f"zgc{exporter.suffix}"
                if exporter.name == "turtle" and staged is not None:
                    os.replace(staged, target)
                else:
                    with clock.stage(exporter.name, f"writing {target}"):
                        exporter.write(graph, target)
                outputs[exporter.name] = target
        finally:
            if staged is not None:
                staged.unlink(missing_ok=True)
    if cache_dir is not None:
        save_memos(cache_dir, corpus.entities.values())
    by_type = Counter(e.type.value for e in corpus.entities.values())
    dropped = set(left_out)
    return BuildReport(
        documents=len(corpus.documents), skipped=skipped, entities_by_type=dict(by_type),
        relations=len({(r.subject, r.predicate, r.object) for r in corpus.relations if r not in dropped}),
        triples=len(graph), seconds=time.perf_counter() - started, outputs=outputs,
        corpus=corpus, graph=graph, left_out=left_out,
    )
