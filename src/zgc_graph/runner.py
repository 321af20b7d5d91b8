"""Extraction over many documents: on every core, and only for what changed.

Documents are independent until the merge, so they are extracted in a
process pool (one jieba per worker, loaded once) and put back in input
order, which keeps the output byte-identical whatever the number of jobs.
Each extraction is cached as a pickle keyed by the document's content and by
a fingerprint of the extractor (version, lexicon, rule code), so a rebuild
after adding one article extracts only that article.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import shutil
import signal
import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

from .errors import ZgcError
from .extract import pipeline, tokens
from .fingerprint import fingerprint
from .fsutil import write_cache_file
from .lexicon import lexicon_dir
from .models import DocumentExtraction, SourceDocument

CACHE_DIRNAME = ".zgc-cache"
SEGMENTERS = ("jieba", "jieba-fast-dat")  # their dictionaries decide the words
_ENTRY_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent

# Fewer characters to extract than this are cut by jieba alone (see tokens.prefer_plain_jieba).
FAST_SEGMENTER_MIN_CHARS = 150_000

Progress = Callable[[int, int], None]  # (documents done, documents in all)


# -- cache keys ----------------------------------------------------------------

def extractor_fingerprint() -> str:
    """What an extraction depends on besides the text: a change to any of it invalidates the cache.

    EXTRACTOR_VERSION is the declared part; the lexicon files (ZGC_LEXICON_DIR's
    when set), the rule code and the segmenters' versions are hashed as well, so
    an edit that forgets to bump it is not answered from a stale cache, nor is a
    change to the pickled records or to jieba's dictionary.
    """
    return _fingerprint(str(Path(lexicon_dir()).resolve()), pipeline.EXTRACTOR_VERSION)


@lru_cache(maxsize=8)
def _fingerprint(chosen_lexicon: str, version: str) -> str:
    own = sorted((_PACKAGE / "lexicon").glob("*.yaml")) + sorted((_PACKAGE / "lexicon").glob("*.py"))
    own += sorted((_PACKAGE / "extract").glob("*.py"))
    own += [_PACKAGE / "models.py"] + [_PACKAGE / "ingest" / f"{name}.py" for name in ("sentences", "rules", "metadata")]
    named = [(path.relative_to(_PACKAGE).as_posix(), path) for path in own]
    chosen = Path(chosen_lexicon)
    if chosen != (_PACKAGE / "lexicon").resolve():
        named += [(f"chosen-lexicon/{path.name}", path) for path in sorted(chosen.glob("*.yaml"))]
    return fingerprint(declared=[f"version={version}"], files=named, libraries=SEGMENTERS)


def document_key(doc: SourceDocument) -> str:
    """sha256 of the document's id and texts (evidence offsets point into `original`)."""
    digest = hashlib.sha256()
    for part in (doc.doc_id, doc.text, doc.original):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cache_path(cache_dir: Path, doc: SourceDocument) -> Path:
    return Path(cache_dir) / extractor_fingerprint()[:16] / f"{document_key(doc)}.pickle"


# -- cache entries ---------------------------------------------------------------

def _dumps(doc: SourceDocument, extraction: DocumentExtraction) -> bytes:
    """The extraction without its document: the caller has the document already."""
    entry = {"format": _ENTRY_FORMAT, "doc_id": doc.doc_id, "extraction": replace(extraction, document=None)}
    return pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)


def _loads(data: bytes, doc: SourceDocument) -> DocumentExtraction | None:
    """The extraction in `data` re-joined to `doc`, or None when `data` is not a usable entry."""
    try:
        entry = pickle.loads(data)
    except Exception:  # truncated, corrupt, or written by other code: recompute
        return None
    if not isinstance(entry, dict) or entry.get("format") != _ENTRY_FORMAT or entry.get("doc_id") != doc.doc_id:
        return None
    extraction = entry.get("extraction")
    if not isinstance(extraction, DocumentExtraction):
        return None
    return replace(extraction, document=doc)


def _read_entry(path: Path, doc: SourceDocument) -> DocumentExtraction | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return _loads(data, doc)


def _prune(cache_dir: Path, used: set[Path]) -> None:
    """Keep the entries of this build only, like the decoded texts and memos beside them.

    Entries made by another extractor version are never read again; those of an
    edited or removed document would only pile up.  Temporary files of a writer
    still at work are left alone.
    """
    current = extractor_fingerprint()[:16]
    try:
        folders = [p for p in Path(cache_dir).iterdir() if p.is_dir() and p.name != current]
        unused = [p for p in (Path(cache_dir) / current).glob("*.pickle") if p not in used]
    except OSError:
        return
    for folder in folders:
        if len(folder.name) == 16 and all(c in "0123456789abcdef" for c in folder.name):
            shutil.rmtree(folder, ignore_errors=True)
    for entry in unused:
        try:
            entry.unlink(missing_ok=True)
        except OSError:
            pass


# -- workers ---------------------------------------------------------------------

def _init_worker() -> None:
    """Once per worker: load jieba and the lexicon; leave Ctrl-C to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up()


def _warm_up() -> None:
    from .extract.tokens import segment
    from .lexicon import load

    # loads the segmenters' dictionaries and what mixed Han/Latin text needs, once, before
    # the workers fork (a no-op in a worker that inherited them)
    segment("预热5G")
    load()


def _extract(doc: SourceDocument) -> DocumentExtraction:
    """One document; an unexpected failure names the document it happened on."""
    try:
        return pipeline.extract_document(doc)
    except ZgcError:
        raise
    except Exception as err:
        raise RuntimeError(f"extracting {doc.path}: {type(err).__name__}: {err}") from err


def _extract_task(task: tuple[int, SourceDocument, str | None]) -> tuple[int, bytes]:
    index, doc, path = task
    data = _dumps(doc, _extract(doc))
    if path is not None:
        write_cache_file(Path(path), data)
    return index, data


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _pool_context():
    # fork shares the parent's loaded modules and starts in milliseconds; elsewhere use the default
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# -- the entry point ------------------------------------------------------------

def extract_documents(documents: Sequence[SourceDocument], *, jobs: int | None = None,
                      cache_dir: Path | str | None = None,
                      progress: Progress | None = None) -> list[DocumentExtraction]:
    """Extract every document, in input order; `jobs=1` stays in this process.

    `jobs` defaults to the number of usable cores.  With `cache_dir`, unchanged
    documents are read from the cache and new extractions are written to it.
    `progress(done, total)` is called once per finished document.
    """
    total = len(documents)
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    results: list[DocumentExtraction | None] = [None] * total
    paths: list[Path | None] = [None] * total
    done = 0

    def finished(index: int, extraction: DocumentExtraction) -> None:
        nonlocal done
        results[index] = extraction
        done += 1
        if progress is not None:
            progress(done, total)

    pending: list[int] = []
    for index, doc in enumerate(documents):
        if cache_dir is not None:
            paths[index] = cache_path(Path(cache_dir), doc)
            cached = _read_entry(paths[index], doc)
            if cached is not None:
                finished(index, cached)
                continue
        pending.append(index)

    workers = min(jobs, len(pending))
    tokens.prefer_plain_jieba(sum(len(documents[i].text) for i in pending) < FAST_SEGMENTER_MIN_CHARS)
    if workers <= 1:
        for index in pending:
            doc = documents[index]
            extraction = _extract(doc)
            if paths[index] is not None:
                write_cache_file(paths[index], _dumps(doc, extraction))
            finished(index, extraction)
    else:
        # load the dictionaries here, once: the workers inherit them through fork, and the
        # merge that follows needs them in this process anyway
        _warm_up()
        tasks = ((i, documents[i], str(paths[i]) if paths[i] is not None else None) for i in pending)
        with _pool_context().Pool(workers, initializer=_init_worker) as pool:
            for index, data in pool.imap_unordered(_extract_task, tasks):
                extraction = _loads(data, documents[index])
                if extraction is None:  # cannot happen unless pickling is broken
                    raise RuntimeError(f"worker returned an unreadable extraction for {documents[index].path}")
                finished(index, extraction)
    if cache_dir is not None:
        _prune(Path(cache_dir), {path for path in paths if path is not None})
    return results  # type: ignore[return-value]
