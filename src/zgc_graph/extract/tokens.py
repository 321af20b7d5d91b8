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
from itertools import takewhile
from typing import Callable, NamedTuple

import jieba

try:  # a C++ jieba: the same words on pure-Han runs, several times faster (x86-64 Linux wheels)
    import jieba_fast_dat
except ImportError:  # pragma: no cover - exercised where the wheel does not exist
    jieba_fast_dat = None

from ..lexicon import load as load_lexicon

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
    """word -> tag from jieba's dictionary, whose lines are `word frequency tag`.

    It is the table `jieba.posseg` builds on import a line at a time (half a
    second); split at once, it takes a fifth of that.  A file with any other
    shape is left to jieba.posseg.
    """
    jieba.initialize()
    with jieba.dt.get_dict_file() as fh:
        text = fh.read().decode("utf-8").removesuffix("\n")
    fields = text.replace("\n", " ").split(" ")
    rows = text.count("\n") + 1
    if "\r" in text or len(fields) != 3 * rows or not "".join(fields[1::3]).isdigit() or "" in fields:
        from jieba import posseg

        return posseg.dt.word_tag_tab
    return dict(zip(fields[0::3], fields[2::3]))


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
# an unknown word (工业和信息化|部于|2023, 信息化|局对|《P》, (|含北交|所, 该众|创|空间, 甲乙|园由|北京): split those back off.
GLUED_AFTER = frozenset("于在的与和及将是已等对由")
GLUED_BEFORE = frozenset("含如与由在对向从据和及同将把该后为")
LEVEL_CHARACTERS = frozenset("市区省县")  # 市科委, 区政府: an office named by its level
# a two-character word is only split off these (由长|飞光纤): the others start surnames (向, 和)
GLUED_BEFORE_ONE = frozenset("含如由在对从据将把该")


def _unglue(word: str, tags: dict[str, str]) -> list[str]:
    if len(word) >= 3 and word[-1] == "兼" and word in tags and word[:-1] in load_lexicon().title_set:
        return [word[:-1], word[-1]]  # 副|总裁兼|星河研究院院长: a title, then 兼 and the next post
    if word in tags and tags[word] in _PLACE_OR_NOUN and word[-1] in load_lexicon().locatives:
        return _suffix_then_locative(word)
    if (len(word) >= 4 or word[0] == word[1:2]) and word in tags:
        return _suffix_then_title(word)
    if len(word) < 2 or word in tags or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return [word]
    if word[-1] in GLUED_AFTER and len(word) == 2:
        return [word[0], word[1]]
    if len(word) == 3 and word[-1] == "该":
        return [word[:2], word[2]]  # 计划|领投该|公司: 该 opens the noun phrase after the verb
    if len(word) == 3 and word[1] in "将把对向" and word[2] in LEVEL_CHARACTERS:
        return [word[:2], word[2]]  # 现将市|科委: a verb's object, the city's office, begins at 市
    if word[-1] in "为现" and len(word) in (3, 4) and word[0] in load_lexicon().surnames:
        return [word[:-1], word[-1]]  # 任命|孟知秋为|北京…, 总经理|王芳现|兼任: a name, then a verb or 现
    if word[0] in GLUED_BEFORE and len(word) >= 3 or word[0] in GLUED_BEFORE_ONE and len(word) == 2:
        return [word[0], word[1:]]
    return [word]


# the tags of the fused words to split (城内 s, 研究所里 n), not of places or idioms (厦中 ns, 在改革中 l)
_PLACE_OR_NOUN = frozenset({"s", "n"})


def _suffix_then_locative(word: str) -> list[str]:
    """城内 -> 城|内, 研究所里 -> 研究所|里: jieba fuses the last character of some names with the
    word of place after them, which would hide the end of 中关村科学城 in 中关村|科学|城内."""
    rest = word[:-1]
    lex = load_lexicon()
    if rest in lex.suffix_last_chars or any(rest.endswith(s) for s in lex.suffixes):
        return [rest, word[-1]]
    return [word]


def _suffix_then_title(word: str) -> list[str]:
    """大学教授 -> 大学|教授, 局局长 -> 局|局长: jieba's dictionary fuses some name suffixes with the
    title after them, which would hide the end of 电子科技大学 in 电子科技|大学教授.  A one-character
    suffix is split off only before a title that repeats it (局|局长, not 系|主任, a title of its own)."""
    lex = load_lexicon()  # the vocabulary, not the segmenter, knows suffixes and titles
    for split in range(1 if word[0] == word[1] else 2, len(word) - 1):
        if word[:split] in lex.suffixes and word[split:] in lex.title_set:
            return [word[:split], word[split:]]
    return [word]


# jieba.cut's own split of a text into blocks it segments and characters it passes through.
_BLOCK, _SPACE = jieba.re_han_default, jieba.re_skip_default
_PURE_HAN = re.compile("[\u4E00-\u9FD5]+")
_HAN_RUN = re.compile("([\u4E00-\u9FD5]+)")


@lru_cache(maxsize=1)
def _fast_cut() -> Callable[[str], list[str]]:
    """jieba_fast_dat over jieba's own dictionary, or jieba itself when it is not installed.

    It agrees with jieba on runs of Han characters only (it splits 12.5% and
    COVID-19 differently), so `cut` gives it nothing else, and not even those
    where the two break ties differently (see `_REPEATED`).
    """
    if jieba_fast_dat is None:
        return jieba.lcut
    jieba_fast_dat.setLogLevel(logging.WARNING)
    jieba_fast_dat.set_dictionary(jieba.dt.dictionary or os.path.join(os.path.dirname(jieba.__file__), "dict.txt"))
    jieba_fast_dat.initialize()
    fast = jieba_fast_dat.lcut
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    return lambda block: jieba.lcut(block) if _REPEATED.search(block) or _mirrored_tie(block, freq) else fast(block)


# 源源源 is 源|源源 or 源源|源: the same words, the same probability.  jieba breaks
# such ties one way, jieba_fast_dat the other.  The same two words in either order
# make the same string only when both repeat one piece (ab = ba), so the piece
# runs three times at least: jieba cuts those blocks.
_REPEATED = re.compile(r"(.{1,4})\1\1")

# 合牵合 is 合|牵合 or 合牵|合 when 合牵 and 牵合 are words of the same frequency: a tie again.
_MIRRORED = re.compile(r"(?=(.)(.)\1)")


def _mirrored_tie(block: str, freq: dict[str, int]) -> bool:
    """Whether some xyx in `block` has xy and yx in the dictionary with one frequency (none in
    56,000 Han runs of the bench corpus, so jieba cuts next to nothing more)."""
    for m in _MIRRORED.finditer(block):
        pair = freq.get(m.group(1) + m.group(2))
        if pair and pair == freq.get(m.group(2) + m.group(1)):
            return True
    return False


_plain_jieba_preferred = False


def prefer_plain_jieba(preferred: bool) -> None:
    """Cut with jieba alone while the fast backend is not loaded: for a few documents.

    Loading jieba_fast_dat's dictionary takes about a second, what jieba alone
    spends on ~150k characters more than the fast backend would; the words are
    the same either way.
    """
    global _plain_jieba_preferred
    _plain_jieba_preferred = preferred


def cut(text: str) -> list[str]:
    """Exactly `jieba.lcut(text)`, with the Han runs (most of a text) cut by the fast backend."""
    if _plain_jieba_preferred and not _fast_cut.cache_info().currsize:
        return jieba.lcut(text)
    fast = _fast_cut()
    words: list[str] = []
    for i, block in enumerate(_BLOCK.split(text)):
        if not block:
            continue
        if i % 2:  # a block jieba segments
            words.extend(fast(block) if _PURE_HAN.fullmatch(block) else _cut_mixed(block))
        else:  # jieba passes whitespace runs through whole and everything else one character at a time
            for j, part in enumerate(_SPACE.split(block)):
                if j % 2:
                    words.append(part)
                else:
                    words.extend(part)
    return words


def _cut_mixed(block: str) -> list[str]:
    """`jieba.lcut` of a block that mixes Han with letters or digits (2023年, 3C创新联合体),
    its Han runs cut by the fast backend.

    jieba's best path through the block breaks where a Han run meets the rest
    unless a dictionary word spans the break.  Its buffer of single characters
    may span it, but the buffer's HMM works on its Han runs one at a time; so
    the parts cut alone give jieba's words, save where a run of single
    characters at a part's edge is itself a dictionary word (jieba keeps those
    as characters, and would not once they join the neighbour's).  Where either
    could happen, jieba cuts the block.
    """
    parts = _HAN_RUN.split(block)  # other, Han, other, ..., other (the ends may be empty)
    jieba.dt.check_initialized()
    freq = jieba.dt.FREQ
    edge = 0
    for part in parts[:-1]:
        edge += len(part)
        if 0 < edge < len(block) and _spanned(block, edge, freq):
            return jieba.lcut(block)
    fast = _fast_cut()
    words: list[str] = []
    for i, part in enumerate(parts):
        if part:
            cut_part = fast(part) if i % 2 else jieba.lcut(part)
            if _edge_characters_form_a_word(cut_part, freq):
                return jieba.lcut(block)
            words.extend(cut_part)
    return words


def _spanned(block: str, edge: int, freq: dict[str, int]) -> bool:
    """Whether a dictionary entry (or the start of one) runs across `edge`: one that mixes Han with the rest."""
    return any(block[start:edge + 1] in freq for start in range(max(0, edge - _longest_mixed_entry()), edge))


def _edge_characters_form_a_word(words: list[str], freq: dict[str, int]) -> bool:
    """Whether single-character words at either end of `words` join into a dictionary word."""
    leading = "".join(takewhile(lambda word: len(word) == 1, words))
    trailing = "".join(takewhile(lambda word: len(word) == 1, reversed(words)))[::-1]
    return (any(freq.get(leading[:n]) for n in range(2, len(leading) + 1))
            or any(freq.get(trailing[-n:]) for n in range(2, len(trailing) + 1)))


@lru_cache(maxsize=1)
def _longest_mixed_entry() -> int:
    """The longest dictionary entry with both Han and other characters (江南Style: 7)."""
    return max((len(w) for w in jieba.dt.FREQ if _HAN_RUN.search(w) and not _PURE_HAN.fullmatch(w)), default=0)


# Token(...) goes through a Python-level __new__; this is the same tuple, three times faster.
_new_token = tuple.__new__


def segment(text: str, offset: int = 0) -> list[Token]:
    """Tokens of a sentence, with offsets starting at `offset`."""
    tokens: list[Token] = []
    append = tokens.append
    pos = offset
    for cut_word in cut(text):
        for word, length, tag, is_word in _pieces(cut_word):
            end = pos + length
            append(_new_token(Token, (word, pos, end, tag, is_word)))
            pos = end
    return tokens


@lru_cache(maxsize=1 << 17)
def _pieces(cut_word: str) -> tuple[tuple[str, int, str, bool], ...]:
    """(text, length, tag, is_word) of the tokens a segmenter's word becomes: words recur, so once each."""
    tags = _tags()
    return tuple((word, len(word), _tag(word, tags), any(ch.isalnum() for ch in word))
                 for word in _unglue(cut_word, tags))


@lru_cache(maxsize=65536)
def segment_name(text: str) -> tuple[Token, ...]:
    """Tokens of a short string such as a candidate name (cached: names recur)."""
    return tuple(segment(text))


def is_distinctive(token: Token) -> bool:
    return token.tag in DISTINCTIVE_TAGS or any(ch.isascii() and ch.isalnum() for ch in token.text)


def release_dictionaries() -> None:
    """Free jieba's dictionary and the tables made from it (~140 MB resident).

    For a large build once nothing more will be segmented, so that validation's
    copy of the graph has that room.  The next cut loads them again (about a
    second) and gives the same words: jieba's tokenizer reloads whenever it is
    not `initialized` (every cut checks), and the three fields cleared here are
    those its constructor sets; so too for jieba_fast_dat's native trie.
    """
    for cached in (_tags, _pieces, segment_name, _fast_cut):
        cached.cache_clear()
    with jieba.dt.lock:
        jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = {}, 0, False
    if jieba_fast_dat is not None:
        fast = jieba_fast_dat.dt
        with fast.lock:
            fast.dat, fast.total, fast.initialized = type(fast.dat)(), 0, False
