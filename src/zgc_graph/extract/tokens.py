"""Word segmentation with jieba, once per sentence, with dictionary tags.

jieba's POS tagger is six times slower than plain segmentation; the rules only
need a word's usual tag, so we read it from jieba's dictionary (`?` for words
jieba made up with its HMM, which are mostly names).
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from typing import Callable, NamedTuple

import jieba
import jieba.posseg

try:  # a C++ jieba: the same words on pure-Han runs, several times faster (x86-64 Linux wheels)
    import jieba_fast_dat
except ImportError:  # pragma: no cover - exercised where the wheel does not exist
    jieba_fast_dat = None

jieba.setLogLevel(logging.WARNING)

# Tags that mark a word as distinctive: places, organisations, proper names,
# abbreviations, foreign words, and words unknown to the dictionary.
DISTINCTIVE_TAGS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng", "x", "?", "ng", "g"})


class Token(NamedTuple):
    """A word: a tuple, because a document makes hundreds of thousands of them."""

    text: str
    start: int   # offsets into SourceDocument.text
    end: int
    tag: str     # jieba dictionary tag, "?" when unknown
    is_word: bool  # has a letter or digit (not punctuation or space)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    jieba.initialize()
    return jieba.posseg.dt.word_tag_tab


def dictionary_tag(word: str) -> str | None:
    """jieba's dictionary tag for `word`, None when the dictionary lacks it."""
    return _tags().get(word)


@lru_cache(maxsize=1)
def longest_place_word() -> int:
    """Length of the longest dictionary word tagged as a place (ns)."""
    return max((len(word) for word, tag in _tags().items() if tag == "ns"), default=0)


def _tag(word: str, tags: dict[str, str]) -> str:
    tag = tags.get(word)
    if tag is None:
        tag = "eng" if word.isascii() and word.isalnum() else ("?" if word.strip() else "w")
    return tag


# jieba's HMM sometimes glues a function character to the end or the start of
# an unknown word (工业和信息化|部于|2023, (|含北交|所): split those back off.
GLUED_AFTER = frozenset("于在的与和及将")
GLUED_BEFORE = frozenset("含如与由在对向从据和及同将把")


def _unglue(word: str, tags: dict[str, str]) -> list[str]:
    if len(word) < 2 or word in tags or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return [word]
    if word[-1] in GLUED_AFTER and len(word) == 2:
        return [word[0], word[1]]
    if word[0] in GLUED_BEFORE and len(word) >= 3:
        return [word[0], word[1:]]
    return [word]


# jieba.cut's own split of a text into blocks it segments and characters it passes through.
_BLOCK, _SPACE = jieba.re_han_default, jieba.re_skip_default
_PURE_HAN = re.compile("[\u4E00-\u9FD5]+")


@lru_cache(maxsize=1)
def _fast_cut() -> Callable[[str], list[str]]:
    """jieba_fast_dat over jieba's own dictionary, or jieba itself when it is not installed.

    It agrees with jieba on runs of Han characters only (it splits 12.5% and
    COVID-19 differently), so `cut` gives it nothing else.
    """
    if jieba_fast_dat is None:
        return jieba.lcut
    jieba_fast_dat.setLogLevel(logging.WARNING)
    jieba_fast_dat.set_dictionary(jieba.dt.dictionary or os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    jieba_fast_dat.initialize()
    return jieba_fast_dat.lcut


def cut(text: str) -> list[str]:
    """Exactly `jieba.lcut(text)`, with the pure-Han blocks (most of a text) cut by the fast backend."""
    fast = _fast_cut()
    words: list[str] = []
    for i, block in enumerate(_BLOCK.split(text)):
        if not block:
            continue
        if i % 2:  # a block jieba segments
            words.extend(fast(block) if _PURE_HAN.fullmatch(block) else jieba.lcut(block))
        else:  # jieba passes whitespace runs through whole and everything else one character at a time
            for j, part in enumerate(_SPACE.split(block)):
                if j % 2:
                    words.append(part)
                else:
                    words.extend(part)
    return words


def segment(text: str, offset: int = 0) -> list[Token]:
    """Tokens of a sentence, with offsets starting at `offset`."""
    tokens: list[Token] = []
    pos = offset
    for cut_word in cut(text):
        for word, tag, is_word in _pieces(cut_word):
            end = pos + len(word)
            tokens.append(Token(word, pos, end, tag, is_word))
            pos = end
    return tokens


@lru_cache(maxsize=1 << 17)
def _pieces(cut_word: str) -> tuple[tuple[str, str, bool], ...]:
    """(text, tag, is_word) of the tokens a segmenter's word becomes: words recur, so once each."""
    tags = _tags()
    return tuple((word, _tag(word, tags), any(ch.isalnum() for ch in word)) for word in _unglue(cut_word, tags))


@lru_cache(maxsize=65536)
def segment_name(text: str) -> tuple[Token, ...]:
    """Tokens of a short string such as a candidate name (cached: names recur)."""
    return tuple(segment(text))


def is_distinctive(token: Token) -> bool:
    return token.tag in DISTINCTIVE_TAGS or any(ch.isascii() and ch.isalnum() for ch in token.text)
