"""Pausing the cyclic garbage collector around work on large graphs."""
from __future__ import annotations

import ctypes
import gc
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterator

_resume = True


def leave_paused() -> None:
    """For a process that ends as soon as its paused work returns (the console script's build).

    Re-enabling the collector would make its first collection walk every object
    the build made (~1.4 s at 1,000 documents) just before the process exits.
    """
    global _resume
    _resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a build or a large graph read.

    Each full collection walks every object alive, and a 1.3M-triple graph is
    millions of them: full collections cost a quarter of merge, graph and Turtle
    time at 1,000 documents (38 s -> 26 s) and more than the HTML exporter's
    read, for no memory back.  What is made here has no reference cycles that
    need collecting early.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and _resume:
            gc.enable()


def return_freed_memory() -> None:
    """Hand the C heap's free pages back to the system (glibc; elsewhere nothing happens).

    Oxigraph's copy of a 1,000-document graph for validation is ~450 MB of small
    native allocations.  Once it is dropped, glibc keeps those pages for later C
    allocations, but Python takes memory for its objects from separate mappings,
    so the stages after validation (the screen, Turtle, HTML) would grow on top
    of them: 1.05 GB instead of 0.58 GB resident when the Turtle writer starts.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # the process's C library: glibc has it, musl and others not
    except (OSError, AttributeError, TypeError):
        return None
