"""Writing the build's outputs, two at a time when there are cores for it.

After the graph is built, a build is single-threaded: at 1,000 articles the
Turtle file takes about 6 s and the HTML page about 4 s, one after the other,
while the second core idles.  Here the first format is written by this
process and the others by one forked process, which inherits the graph
instead of receiving a copy.  The forked process writes beside the targets
and this one renames its files into place only when both sides succeeded, so
the outputs end as a sequential build leaves them: the first format replaced,
then the others, or nothing more after an error.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from contextlib import suppress
from pathlib import Path
from typing import Callable, Sequence

from rdflib import Graph

from . import Exporter

Announce = Callable[[str], None]


def output_path(out: Path, exporter: Exporter) -> Path:
    return out / f"zgc{exporter.suffix}"


def write_outputs(graph: Graph, out: Path, exporters: Sequence[Exporter], *, parallel: bool,
                  timings: dict[str, float], announce: Announce | None = None) -> dict[str, Path]:
    """Write every exporter's file into `out`; seconds per format go into `timings`."""
    targets = {e.name: output_path(out, e) for e in exporters}
    announce = announce or (lambda words: None)
    if not parallel or len(exporters) < 2 or not _can_fork():
        for exporter in exporters:
            announce(f"writing {targets[exporter.name]}")
            timings[exporter.name] = _timed_write(exporter, graph, targets[exporter.name])
        return targets
    announce("writing " + " and ".join(str(t) for t in targets.values()))
    first, rest = exporters[0], list(exporters[1:])
    staged = {e.name: _staging_path(targets[e.name]) for e in rest}
    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_write_in_child, args=(graph, rest, staged, sender), daemon=True)
    child.start()
    sender.close()
    try:
        timings[first.name] = _timed_write(first, graph, targets[first.name])
        outcome, payload = _receive(receiver, child)
    except BaseException:
        _stop(child)
        _remove(staged.values())
        raise
    finally:
        receiver.close()
    child.join()
    if outcome == "error":
        _remove(staged.values())
        raise payload
    for exporter in rest:
        os.replace(staged[exporter.name], targets[exporter.name])
    timings.update(payload)
    return targets


def _can_fork() -> bool:
    return sys.platform.startswith("linux")


def _staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.staged")


def _timed_write(exporter: Exporter, graph: Graph, target: Path) -> float:
    started = time.perf_counter()
    exporter.write(graph, target)
    return time.perf_counter() - started


def _write_in_child(graph: Graph, exporters: list[Exporter], staged: dict[str, Path], sender) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops this one
    signal.signal(signal.SIGTERM, _interrupted)
    try:
        seconds = {e.name: _timed_write(e, graph, staged[e.name]) for e in exporters}
        message = ("ok", seconds)
    except BaseException as err:  # the parent raises it as if it had written the file itself
        message = ("error", err)
    try:
        sender.send(message)
    except Exception as err:  # the error itself would not pickle: send its words
        sender.send(("error", RuntimeError(f"{type(message[1]).__name__}: {message[1]} ({err})")))
    sender.close()


def _receive(receiver, child) -> tuple[str, object]:
    try:
        return receiver.recv()
    except EOFError:  # it died without a word: killed, or out of memory
        child.join()
        return "error", RuntimeError(f"the process writing the other outputs ended with exit code {child.exitcode}")


def _stop(child) -> None:
    """Interrupt the writer (see `_interrupted`); kill it if it does not stop."""
    child.terminate()
    child.join(timeout=10)
    if child.is_alive():
        child.kill()
        child.join()


def _interrupted(signum, frame) -> None:
    # raised inside the writer, so that the atomic write removes its half-written temporary file
    raise KeyboardInterrupt


def _remove(paths) -> None:
    for path in paths:
        with suppress(OSError):
            os.unlink(path)
