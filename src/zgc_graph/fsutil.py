"""Atomic file writes: a failed or interrupted build never leaves a half-written output."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: Path | str, chunks: Iterable[bytes]) -> None:
    """`atomic_write_bytes` for output produced piece by piece (a large Turtle file
    need never be held in memory whole)."""
    staged = stage_chunks(path, chunks)
    try:
        os.replace(staged, path)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


def stage_chunks(path: Path | str, chunks: Iterable[bytes]) -> Path:
    """Write `chunks` to a new temporary file beside `path`, synced to disk, and return it.

    For an output that must wait for a check before it replaces `path`: the
    caller renames it over `path` (os.replace) or removes it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for readers too
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path | str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def write_cache_file(path: Path, data: bytes) -> None:
    """Write beside, then rename: readers see the old entry or the whole new one.

    No fsync: a cache entry lost or torn by a crash is only recomputed.  A
    cache that cannot be written (read-only or full disk) never fails a build.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem[:16]}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def prune_cache_files(folder: Path, prefix: str, keep: Path) -> None:
    """Remove `prefix`* cache files other than `keep` (written by other code); never fails a build."""
    try:
        stale = [p for p in Path(folder).glob(f"{prefix}*.pickle") if p != keep]
        for path in stale:
            path.unlink(missing_ok=True)
    except OSError:
        pass
