"""Files and folders -> SourceDocuments; one bad file never stops the others."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError
from ..models import DocumentMetadata, SourceDocument
from .cache import Decoded, DecodedCache
from .decode import DecodeProblem, decode
from .html import html_title, looks_like_html, strip_html
from .metadata import (SidecarProblem, date_from_text, is_sidecar, read_sidecar, sidecar_path, slug,
                       title_from_text)
from .normalise import normalise

DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 256 * 1024 * 1024
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class SkippedFile:
    path: Path
    reason: str   # one line, without the path


class Unreadable(InputError):
    """InputError that keeps the path and the reason apart (for SkippedFile)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_document(path: Path) -> SourceDocument:
    """Read, decode and normalise one file; raise InputError with one line if it is not usable text."""
    return _read(Path(path))[0]


def _read(path: Path, cache: DecodedCache | None = None) -> tuple[SourceDocument, str]:
    """The document and the SHA-256 of its bytes (to spot the same file twice)."""
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    doc_id = f"{slug(path.stem)}-{digest[:8]}"
    key = (digest, path.suffix.lower())
    decoded = cache.get(key) if cache is not None else None
    if decoded is None:
        try:
            original, encoding = decode(data)
        except DecodeProblem as problem:
            raise Unreadable(path, str(problem)) from None
        del data  # a large file's bytes are not kept while its text is normalised
        decoded = _normalised(path, original, encoding)
        if cache is not None:
            cache.put(key, decoded)
    metadata = _metadata(path)
    if metadata.title is None:
        title = (html_title(decoded.original) if decoded.html else None) or title_from_text(decoded.text)
        if title is not None:
            metadata = replace(metadata, title=title)
    if metadata.date is None:
        metadata = replace(metadata, date=date_from_text(decoded.text))
    doc = SourceDocument(doc_id=doc_id, path=str(path), original=decoded.original, text=decoded.text,
                         offsets=decoded.offsets, encoding=decoded.encoding, metadata=metadata)
    return doc, digest


def _normalised(path: Path, original: str, encoding: str) -> Decoded:
    """What the file's text and suffix alone decide: the text, normalised, and its offsets."""
    if _NON_SPACE.search(original) is None:
        raise Unreadable(path, "no text (only whitespace)")
    html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(original)
    if html:
        stripped, to_raw = strip_html(original)
        text, to_stripped = normalise(stripped)
        offsets = to_stripped.compose(to_raw)
        del stripped
    else:
        text, offsets = normalise(original, markdown=path.suffix.lower() == ".md")
    if not text:
        what = "markup" if html else "whitespace and control characters"
        raise Unreadable(path, f"no text (only {what})")
    return Decoded(original, encoding, text, offsets, html)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise Unreadable(path, "is a folder, not a file")
        if path.exists() and not path.is_file():
            raise Unreadable(path, "not a regular file (a device, socket or pipe)")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable(path, f"file too large ({size / 2**20:.0f} MB; the limit is {MAX_BYTES // 2**20} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise Unreadable(path, "no such file or directory") from None
    except PermissionError:
        raise Unreadable(path, "cannot read (permission denied)") from None
    except OSError as err:
        raise Unreadable(path, f"cannot read ({(err.strerror or str(err)).lower()})") from None


def _metadata(path: Path) -> DocumentMetadata:
    sidecar = sidecar_path(path)
    if sidecar is None:
        return DocumentMetadata()
    try:
        return read_sidecar(sidecar)
    except SidecarProblem as problem:
        raise Unreadable(path, f"bad metadata sidecar: {problem}") from None


def read_documents(paths: list[Path], strict: bool = False,
                   cache_dir: Path | None = None) -> tuple[list[SourceDocument], list[SkippedFile]]:
    """Read files and folders (walked recursively, in sorted order); skip bad files with a reason.

    With `strict`, the first bad file raises instead.  A path that does not
    exist always raises: it is a typo, not a bad document.  With `cache_dir`,
    files decoded by an earlier build are not decoded again (see `cache.py`).
    """
    cache = DecodedCache(cache_dir) if cache_dir is not None else None
    skipped: list[SkippedFile] = []
    files: list[Path] = []
    for given in map(Path, paths):
        if not given.exists():
            raise InputError(f"{given}: no such file or directory")
        if given.is_dir():
            files.extend(_walk(given, skipped, strict))
        elif is_sidecar(given):
            skipped.append(SkippedFile(given, "metadata sidecar, not a document"))
        else:
            files.append(given)
    documents: list[SourceDocument] = []
    seen_files: set[str] = set()
    seen_content: dict[str, Path] = {}
    for path in files:
        real = os.path.realpath(path)
        if real in seen_files:
            continue
        seen_files.add(real)
        try:
            doc, digest = _read(path, cache)
        except Unreadable as err:
            if strict:
                raise
            skipped.append(SkippedFile(path, err.reason))
            continue
        if digest in seen_content:
            skipped.append(SkippedFile(path, f"same content as {seen_content[digest]}"))
            continue
        seen_content[digest] = path
        documents.append(doc)
    if not documents:
        raise InputError(_nothing_read(paths, skipped))
    if cache is not None:
        cache.save()
    return documents, skipped


def _walk(root: Path, skipped: list[SkippedFile], strict: bool) -> list[Path]:
    found: list[Path] = []

    def unreadable(err: OSError) -> None:
        where = Path(err.filename) if err.filename else root
        reason = f"cannot list folder ({(err.strerror or str(err)).lower()})"
        if strict:
            raise Unreadable(where, reason)
        skipped.append(SkippedFile(where, reason))

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith(".") or is_sidecar(Path(name)):
                continue
            if name.lower().endswith(DOCUMENT_SUFFIXES):
                found.append(Path(folder) / name)
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def _nothing_read(paths: list[Path], skipped: list[SkippedFile]) -> str:
    if skipped:
        first = skipped[0]
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        return f"no readable documents: {first.path}: {first.reason}{more}"
    where = ", ".join(str(p) for p in paths) or "(no paths given)"
    return f"no documents found in {where} (looked for {', '.join(DOCUMENT_SUFFIXES)} files)"
