"""One writer per output folder: two builds into the same out/ would interleave files.

The lock is an advisory `flock` on `out_dir/.zgc-build.lock`; the kernel
releases it when the process dies, so a crashed build never leaves a stale lock.
"""
from __future__ import annotations

import errno
import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import ZgcError

LOCK_NAME = ".zgc-build.lock"


@contextmanager
def locked_output(out_dir: Path | str) -> Iterator[Path]:
    """Hold an exclusive, non-blocking lock on `out_dir` for the duration of the block."""
    out = Path(out_dir)
    lock_path = out / LOCK_NAME
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise ZgcError(f"{out}/: cannot create the build lock ({(err.strerror or str(err)).lower()})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise ZgcError(f"{out}/: another build is writing here (lock {lock_path} is held)") from None
            raise ZgcError(f"{out}/: cannot lock ({(err.strerror or str(err)).lower()})") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield out
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
