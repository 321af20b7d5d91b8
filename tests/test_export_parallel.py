"""Writing the outputs two at a time (`zgc_graph.export.parallel`): same files, and nothing lost on failure."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from zgc_graph import api
from zgc_graph.errors import ZgcError
from zgc_graph.export import Exporter, get_exporter
from zgc_graph.export.parallel import write_outputs
from zgc_graph.fsutil import atomic_write_chunks, atomic_write_text

from test_runner_parallel_cache import write_corpus

PREVIOUS = "the previous build's file\n"


def _graph() -> Graph:
    graph = Graph()
    graph.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("甲")))
    return graph


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.endswith((".tmp", ".staged")))


def _turtle_then(second: Exporter, out: Path, **options) -> None:
    write_outputs(_graph(), out, [get_exporter("turtle"), second], parallel=True, timings={}, **options)


def test_two_jobs_write_byte_identical_files_to_one_job(tmp_path):
    corpus = write_corpus(tmp_path / "docs")
    formats = ["turtle", "html", "nt"]
    timings: dict[str, float] = {}
    seen: list[str] = []
    one = api.build([corpus], tmp_path / "one", formats=formats, jobs=1, use_cache=False, validate_graph=False)
    two = api.build([corpus], tmp_path / "two", formats=formats, jobs=2, use_cache=False, validate_graph=False,
                    timings=timings, status=seen.append)
    for name in formats:
        assert two.outputs[name].read_bytes() == one.outputs[name].read_bytes(), name
    assert "星澜智能科技有限公司" in two.outputs["html"].read_text(encoding="utf-8")
    assert set(formats) <= set(timings)
    assert f"writing {two.outputs['turtle']} and {two.outputs['html']} and {two.outputs['nt']}" in seen
    assert _leftovers(tmp_path / "two") == []


def test_a_format_that_fails_in_the_second_process_keeps_its_previous_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "zgc.broken").write_text(PREVIOUS)

    def broken(graph, path):
        raise ZgcError(f"{path.name}: cannot write this format")

    with pytest.raises(ZgcError, match="cannot write this format"):
        _turtle_then(Exporter("broken", ".broken", "fails", broken), out)
    assert (out / "zgc.broken").read_text() == PREVIOUS
    assert _leftovers(out) == []


def test_a_second_process_that_dies_is_an_error_not_a_missing_file(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "zgc.dies").write_text(PREVIOUS)

    def dies(graph, path):
        atomic_write_text(path, "half")
        os._exit(9)  # as if killed for memory after writing

    with pytest.raises(RuntimeError, match="exit code 9"):
        _turtle_then(Exporter("dies", ".dies", "dies", dies), out)
    assert (out / "zgc.dies").read_text() == PREVIOUS
    assert _leftovers(out) == []


def test_a_failing_first_format_stops_the_second_process_and_removes_its_half_written_file(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "zgc.slow").write_text(PREVIOUS)
    started = tmp_path / "started"

    def slow(graph, path):
        def chunks():
            yield b"first part\n"
            started.touch()
            time.sleep(120)  # still writing when the first format fails
            yield b"never\n"
        atomic_write_chunks(path, chunks())

    def failing_turtle(graph, path):
        deadline = time.monotonic() + 60
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        raise ZgcError("disk full")

    first = Exporter("turtle", ".ttl", "fails once the other is half-way", failing_turtle)
    began = time.monotonic()
    with pytest.raises(ZgcError, match="disk full"):
        write_outputs(_graph(), out, [first, Exporter("slow", ".slow", "slow", slow)], parallel=True, timings={})
    assert started.exists()
    assert time.monotonic() - began < 60
    assert (out / "zgc.slow").read_text() == PREVIOUS
    assert not (out / "zgc.ttl").exists()
    assert _leftovers(out) == []
