"""Answers that outlive a build: each name's romanisation and the place it starts with.

Both are pure functions of a name, of our code and lexicon, and of the
dictionaries of jieba and pypinyin.  A rebuild of 1,000 articles asks them for
~40,000 names (about 3 s of pinyin on two cores and 1 s of segmenting) and
almost all of them were answered by the build before.  They are kept in the
build's cache folder, in a file named by a fingerprint of everything they
depend on, so any change to that code, lexicon or library starts afresh; a
missing or unreadable file is only recomputed.
"""
from __future__ import annotations

import pickle
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .fingerprint import fingerprint
from .fsutil import prune_cache_files, write_cache_file
from .graph import pinyin
from .lexicon import load
from .models import Entity, EntityType
from .runner import extractor_fingerprint

_FORMAT = 1
_PREFIX = "memo-"


@lru_cache(maxsize=1)
def _pinyin_fingerprint() -> str:
    package = Path(__file__).resolve().parent
    files = [(name, package / name) for name in ("graph/pinyin.py", "lexicon/pinyin.yaml")]
    return fingerprint(declared=[f"format={_FORMAT}"], files=files, libraries=["pypinyin"])


def memo_path(cache_dir: Path | str) -> Path:
    # place prefixes depend on what extractions do (rules, lexicon, segmenters), pinyin on its own code
    key = fingerprint(declared=[extractor_fingerprint(), _pinyin_fingerprint()])[:16]
    return Path(cache_dir) / f"{_PREFIX}{key}.pickle"


def load_memos(cache_dir: Path | str) -> None:
    """Fill this process's memos from the cache folder, if it holds usable ones.

    Called as a build starts: place answers known so far are moved aside, to be
    reused when asked again, so that what this build asks is what it saves.
    """
    places_asked, places_kept = load().memo("place_prefix"), load().memo("place_prefix.kept")
    places_kept.update(places_asked)
    places_asked.clear()
    try:
        data = pickle.loads(memo_path(cache_dir).read_bytes())
        romanised, places = data["pinyin"], data["place_prefix"]
    except Exception:  # absent, truncated, or written by other code: recompute
        return
    if isinstance(romanised, dict) and isinstance(places, dict):
        pinyin.preload(romanised)
        load().memo("place_prefix.kept").update(places)


def save_memos(cache_dir: Path | str, entities: Iterable[Entity]) -> None:
    """Keep the answers this build asked for (and no others, so the file never outgrows the
    corpus); remove memo files that other code or lexicons wrote.

    Pinyin is kept for the entities' labels; places for every name the merge looked at,
    which includes forms it derived (a policy title without its platform), not only names.
    """
    entities = list(entities)
    data = {
        "pinyin": pinyin.answers((e.label, e.type is EntityType.PERSON) for e in entities),
        "place_prefix": dict(load().memo("place_prefix")),
    }
    target = memo_path(cache_dir)
    write_cache_file(target, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    prune_cache_files(Path(cache_dir), _PREFIX, keep=target)
