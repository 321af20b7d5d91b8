"""Pausing the cyclic garbage collector around work on large graphs."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

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
