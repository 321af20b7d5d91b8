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

from .extract.resolve import name_key
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
    """Fill this process's memos from the cache folder, if it holds usable ones."""
    try:
        data = pickle.loads(memo_path(cache_dir).read_bytes())
        romanised, places = data["pinyin"], data["place_prefix"]
    except Exception:  # absent, truncated, or written by other code: recompute
        return
    if isinstance(romanised, dict) and isinstance(places, dict):
        pinyin.preload(romanised)
        load().memo("place_prefix").update(places)


def save_memos(cache_dir: Path | str, entities: Iterable[Entity]) -> None:
    """Keep the answers for this build's entities (and no others, so the file never outgrows
    the corpus); remove memo files that other code or lexicons wrote."""
    entities = list(entities)
    places = load().memo("place_prefix")
    keys = {name_key(name) for entity in entities for name in entity.names}
    data = {
        "pinyin": pinyin.answers((e.label, e.type is EntityType.PERSON) for e in entities),
        "place_prefix": {key: places[key] for key in keys if key in places},
    }
    target = memo_path(cache_dir)
    write_cache_file(target, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    prune_cache_files(Path(cache_dir), _PREFIX, keep=target)
