"""Romanised labels and IRI slugs from Chinese names.

Words come from a private jieba tokenizer, so that words other stages add to
jieba's global dictionary never change a label or an IRI between builds.
Latin letters and digits are kept as written.
"""
from __future__ import annotations

import functools
import logging
import math
import multiprocessing
import os
import re
import sys
import unicodedata
from dataclasses import dataclass
from importlib import resources

import yaml

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_VOWEL_START = re.compile(r"^[aoeāáǎàōóǒòēéěè]")
_OPENING = set("([{“‘")
_JOINERS = set("-/")
_NAME_SEPARATORS = "·・•"


@dataclass(frozen=True)
class _Lexicon:
    compound_surnames: frozenset[str]
    surname_readings: dict[str, str]
    drop: frozenset[str]
    punctuation: dict[str, str]


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    text = resources.files("zgc_graph.lexicon").joinpath("pinyin.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return _Lexicon(
        compound_surnames=frozenset(data.get("compound_surnames") or ()),
        surname_readings=dict(data.get("surname_readings") or {}),
        drop=frozenset(data.get("drop_punctuation") or ""),
        punctuation=dict(data.get("punctuation_map") or {}),
    )


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()  # jieba's own tokenizer: in a build the extractor has loaded its dictionary already
    return jieba.dt


def _has_han(text: str) -> bool:
    return _HAN.search(text) is not None


@functools.lru_cache(maxsize=1 << 16)
def _syllables(word: str) -> tuple[str, ...]:
    """Tone-marked syllables of a word; characters pypinyin does not know stay as they are."""
    from pypinyin import Style, pinyin

    return tuple(s[0] for s in pinyin(word, style=Style.TONE, errors=lambda chars: [c for c in chars]))


def _words(label: str, is_person: bool) -> list[str]:
    """Split a label into words: jieba's, or surname + given name for a person."""
    if is_person:
        if 2 <= len(label) <= 4 and all(_has_han(c) for c in label):
            cut = 2 if label[:2] in _lexicon().compound_surnames and len(label) > 2 else 1
            return [label[:cut], label[cut:]]
        if any(sep in label for sep in _NAME_SEPARATORS):  # 马克·扎克伯格: one word per part
            return [w for w in re.split(f"([{_NAME_SEPARATORS}])", label) if w]
    words: list[str] = []
    for word in _tokenizer().lcut(label, HMM=False):
        words.extend(_split_long(word) if len(word) >= 4 and _has_han(word) else [word])
    return words


def _split_long(word: str) -> list[str]:
    """Re-cut a long dictionary word (西安交通大学) into its shorter dictionary words.

    jieba's own best route over the word's DAG, with the whole word itself
    excluded; pieces of four or more characters are cut again.
    """
    tokenizer = _tokenizer()
    dag = tokenizer.get_DAG(word)
    n = len(word)
    log_total = math.log(tokenizer.total)
    route: dict[int, tuple[float, int]] = {n: (0.0, 0)}
    for i in range(n - 1, -1, -1):
        ends = (set(dag[i]) | {i}) - ({n - 1} if i == 0 else set())
        route[i] = max(
            (math.log(tokenizer.FREQ.get(word[i:j + 1]) or 1) - log_total + route[j + 1][0], j)
            for j in ends
        )
    pieces: list[str] = []
    i = 0
    while i < n:
        j = route[i][1]
        pieces.append(word[i:j + 1])
        i = j + 1
    out: list[str] = []
    for piece in pieces:
        out.extend(_split_long(piece) if len(piece) >= 4 else [piece])
    return out


@functools.lru_cache(maxsize=1 << 17)  # words recur across labels
def _romanise_word(word: str, toned: bool, surname: bool) -> str:
    readings = _lexicon().surname_readings
    syllables = (readings[word],) if surname and word in readings else _syllables(word)
    out = syllables[0]
    for syl in syllables[1:]:
        # Apostrophe before a syllable starting with a vowel (Xī'ān), as in standard pinyin.
        out += ("'" + syl) if toned and _VOWEL_START.match(syl) else syl
    return out if toned else _strip_tones(out)


def _strip_tones(text: str) -> str:
    """xiǎo -> xiao, lǜ -> lv (pypinyin's toneless spelling of ü)."""
    decomposed = unicodedata.normalize("NFD", text).replace("u\u0308", "v").replace("U\u0308", "V")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1 << 18)  # a label is romanised twice (IRI slug, pinyin label)
def _tokens(label: str, is_person: bool) -> tuple[tuple[str, str], ...]:
    """(kind, text) pairs: kind is 'han', 'latin', 'punct' or 'space'."""
    lex = _lexicon()
    out: list[tuple[str, str]] = []
    for word in _words(label, is_person):
        if _has_han(word):
            out.append(("han", word))
            continue
        for ch in word:
            if ch in lex.drop:
                continue
            ch = lex.punctuation.get(ch, unicodedata.normalize("NFKC", ch))
            if not ch.strip():
                out.append(("space", " "))
            elif ch.isalnum():
                out.append(("latin", ch))
            else:
                out.append(("punct", ch))
    return tuple(out)


# (label, is_person) -> (slug, romanised label), filled by `prepare` for a large build
_READY: dict[tuple[str, bool], tuple[str, str]] = {}
_PREPARE_MIN = 4000  # fewer labels take under a second here: not worth starting processes
SLUG_MAX = 40


def prepare(names: list[tuple[str, bool]], processes: int | None = None) -> None:
    """Romanise many (label, is_person) at once, for the graph stage and the memo to find ready.

    A build of 1,000 articles has ~40k labels, about 4 s of pinyin in one
    process, so many labels are romanised on every core; the answers are the
    same wherever they are computed.
    """
    todo = sorted(set(names) - _READY.keys())
    if processes is None:
        processes = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    done = None
    if processes >= 2 and len(todo) >= _PREPARE_MIN and sys.platform.startswith("linux"):  # fork: Linux
        try:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                done = pool.map(_slug_and_romanised, todo, chunksize=max(1, len(todo) // (processes * 8)))
        except (AssertionError, OSError):  # inside a daemonic worker, or no memory to fork: here
            pass
    _READY.update(zip(todo, done if done is not None else map(_slug_and_romanised, todo)))


def preload(answers: dict[tuple[str, bool], tuple[str, str]]) -> None:
    """Answers kept from an earlier build (see `zgc_graph.memo`)."""
    _READY.update(answers)


def answers(names) -> dict[tuple[str, bool], tuple[str, str]]:
    """(label, is_person) -> (slug, romanised label) for `names`, computed where not ready."""
    return {name: _READY.get(name) or _slug_and_romanised(name) for name in names}


def _slug_and_romanised(name: tuple[str, bool]) -> tuple[str, str]:
    label, is_person = name
    return _slug(label, is_person, SLUG_MAX), _romanise(label, is_person)


def romanise(label: str, *, is_person: bool = False) -> str:
    """Tone-marked pinyin, one capitalised word per jieba word: 星河集团 -> Xīnghé Jítuán."""
    ready = _READY.get((label, is_person))
    return ready[1] if ready is not None else _romanise(label, is_person)


def _romanise(label: str, is_person: bool) -> str:
    parts: list[str] = []
    prev = ""
    pending_space = False
    first_han = True
    for kind, text in _tokens(label, is_person):
        if kind == "space":
            pending_space = bool(parts)
            continue
        if kind == "han":
            word = _romanise_word(text, toned=True, surname=is_person and first_han)
            first_han = False
            word = word[:1].upper() + word[1:]
            if parts and (pending_space or prev in ("han", "latin") or
                          (prev == "punct" and parts[-1] not in _OPENING | _JOINERS)):
                parts.append(" ")
            parts.append(word)
        elif kind == "latin":
            if parts and (pending_space or prev == "han"):
                parts.append(" ")
            parts.append(text)
        else:
            if parts and text in _OPENING and parts[-1] != " ":
                parts.append(" ")
            parts.append(text)
        prev = kind
        pending_space = False
    return "".join(parts).strip()


def slug(label: str, *, is_person: bool = False, max_len: int = SLUG_MAX) -> str:
    """Toneless ASCII slug [a-z0-9-], words joined by hyphens: 星河集团 -> xinghe-jituan."""
    ready = _READY.get((label, is_person)) if max_len == SLUG_MAX else None
    return ready[0] if ready is not None else _slug(label, is_person, max_len)


def _slug(label: str, is_person: bool, max_len: int) -> str:
    pieces: list[str] = []
    for kind, text in _tokens(label, is_person):
        if kind == "han":
            surname = is_person and not pieces
            pieces.append("-" + _romanise_word(text, toned=False, surname=surname) + "-")
        elif kind == "latin":
            pieces.append(_strip_tones(text))
        else:
            pieces.append("-")
    raw = "".join(pieces).lower()
    text = re.sub(r"[^a-z0-9]+", "-", raw).strip("-")
    if len(text) > max_len:
        cut = text[:max_len]
        if "-" in cut[max_len // 2:] and text[max_len] != "-":
            cut = cut[: cut.rindex("-")]
        text = cut.strip("-")
    return text or "x"
