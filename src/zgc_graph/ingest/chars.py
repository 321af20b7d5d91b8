"""Length-preserving character folding: full-width ASCII and traditional characters.

Every replacement is one character for one character, so folding never moves
an offset.  Chinese punctuation (，。、：；“”《》) is left alone: the extractor
and the evidence strings read it as written.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import opencc

# Full-width digits, Latin letters and round brackets; NFKC for these only.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_FULLWIDTH = [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B), 0xFF08, 0xFF09]


def _dictionary(name: str) -> Path:
    return Path(opencc.__file__).parent / "dictionary" / name


def _entries(name: str) -> list[tuple[str, str]]:
    with open(_dictionary(name), encoding="utf-8") as fh:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in fh if "\t" in line]


@dataclass(frozen=True)
class _Tables:
    table: dict[int, str]                 # every one-for-one replacement (for checks)
    fullwidth: re.Pattern[str]            # the few full-width characters we fold
    any_traditional: Callable[[str], bool]
    traditional: dict[int, str]           # traditional -> simplified, one char each
    phrase_re: re.Pattern[str] | None     # phrases where single characters would be wrong
    phrases: dict[str, str]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    fullwidth = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in _FULLWIDTH}
    converter = opencc.OpenCC("t2s")
    traditional: dict[int, str] = {}
    for key, _ in _entries("TSCharacters.txt"):
        if len(key) != 1:
            continue
        simplified = converter.convert(key)
        if len(simplified) == 1 and simplified != key:  # a longer result keeps the original char
            traditional[ord(key)] = simplified
    # Phrases where the character table alone would be wrong (乾隆 stays 乾隆),
    # kept only when the phrase converts to the same length.
    phrases: dict[str, str] = {}
    for key, _ in _entries("TSPhrases.txt"):
        simplified = converter.convert(key)
        if len(simplified) == len(key) and simplified != key.translate(traditional):
            phrases[key] = simplified
    phrase_re = (re.compile("|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p))))
                 if phrases else None)
    return _Tables(
        table={**traditional, **fullwidth},
        fullwidth=re.compile("[" + "".join(re.escape(chr(cp)) for cp in _FULLWIDTH) + "]"),
        any_traditional=_detector(frozenset(chr(cp) for cp in traditional)),
        traditional=traditional, phrase_re=phrase_re, phrases=phrases,
    )


def _detector(chars: frozenset[str]) -> Callable[[str], bool]:
    """A fast 'does the text hold one of `chars`' test.

    A character class of BMP characters compiles to a bitmap (1 µs per 100
    characters); astral members would turn it into a linear list, so they are
    tested only when the text holds an astral character at all.
    """
    bmp = re.compile("[" + "".join(re.escape(c) for c in sorted(chars) if ord(c) < 0x10000) + "]")
    astral = frozenset(c for c in chars if ord(c) >= 0x10000)

    def test(text: str) -> bool:
        if bmp.search(text) is not None:
            return True
        return bool(astral) and _ASTRAL.search(text) is not None and not astral.isdisjoint(text)

    return test


def fold(text: str) -> str:
    """Full-width ASCII -> ASCII and traditional -> simplified, one char for one char."""
    t = _tables()
    if t.fullwidth.search(text) is not None:  # a few characters: cheaper than translate()
        text = t.fullwidth.sub(lambda m: t.table[ord(m.group())], text)
    if not t.any_traditional(text):
        return text
    folded = text.translate(t.traditional)
    if t.phrase_re is None or t.phrase_re.search(text) is None:
        return folded
    pieces: list[str] = []
    pos = 0
    for m in t.phrase_re.finditer(text):
        pieces.append(folded[pos:m.start()])
        pieces.append(t.phrases[m.group()])
        pos = m.end()
    pieces.append(folded[pos:])
    return "".join(pieces)


def fold_char(ch: str) -> str:
    """What `fold` makes of one character out of context (for checks on offset maps)."""
    return _tables().table.get(ord(ch), ch)
