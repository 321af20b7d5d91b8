"""Word segmentation with jieba, once per sentence, with dictionary tags.

jieba's POS tagger is six times slower than plain segmentation; the rules only
need a word's usual tag, so we read it from jieba's dictionary (`?` for words
jieba made up with its HMM, which are mostly names).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

# Tags that mark a word as distinctive: places, organisations, proper names,
# abbreviations, foreign words, and words unknown to the dictionary.
DISTINCTIVE_TAGS = frozenset({"ns", "nt", "nz", "nr", "nrt", "nrfg", "j", "eng", "x", "?", "ng", "g"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int   # offsets into SourceDocument.text
    end: int
    tag: str     # jieba dictionary tag, "?" when unknown
    is_word: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_word", any(ch.isalnum() for ch in self.text))


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    jieba.initialize()
    return jieba.posseg.dt.word_tag_tab


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


def segment(text: str, offset: int = 0) -> list[Token]:
    """Tokens of a sentence, with offsets starting at `offset`."""
    tags = _tags()
    tokens: list[Token] = []
    pos = offset
    for cut in jieba.cut(text):
        for word in _unglue(cut, tags):
            tokens.append(Token(word, pos, pos + len(word), _tag(word, tags)))
            pos += len(word)
    return tokens


@lru_cache(maxsize=65536)
def segment_name(text: str) -> tuple[Token, ...]:
    """Tokens of a short string such as a candidate name (cached: names recur)."""
    return tuple(segment(text))


def is_distinctive(token: Token) -> bool:
    return token.tag in DISTINCTIVE_TAGS or any(ch.isascii() and ch.isalnum() for ch in token.text)
