"""Fingerprints of what a cached answer depends on: declared versions, source files, libraries.

Every cache in `out/.zgc-cache/` is named by one, so that changing any input
(an edited rule, a new lexicon, an upgraded jieba) makes the cache miss
instead of answering from stale work.
"""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from typing import Iterable


def fingerprint(*, declared: Iterable[str] = (), files: Iterable[tuple[str, Path]] = (),
                libraries: Iterable[str] = ()) -> str:
    """sha256 hex of the `declared` strings, each named file's bytes and each library's installed version."""
    digest = hashlib.sha256()
    for text in declared:
        digest.update(f"{text}\x1f".encode())
    for name in libraries:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"library {name}={version}\x1f".encode())
    for name, path in files:
        digest.update(f"file {name}\x1f".encode())
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()
