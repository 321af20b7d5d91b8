"""Sentences of a normalised document, with offsets into `SourceDocument.text`.

Sentences end at 。！？；!? (a closing quote right after stays with them) and
at paragraph breaks, so a paragraph ending in ： (a speaker's name before a
quote) is a sentence of its own.
"""
from __future__ import annotations

import re

from ..models import Sentence, SourceDocument
from .rules import IngestRules, load

_WORD = re.compile(r"[^\W_]")


def split_sentences(doc: SourceDocument, rules: IngestRules | None = None) -> list[Sentence]:
    rules = rules or load()
    text = doc.text
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        pos = start
        for m in rules.sentence_end.finditer(text, start, end):
            _add(sentences, text, pos, m.end(), paragraph)
            pos = m.end()
        _add(sentences, text, pos, end, paragraph)
        paragraph += 1
        start = end + 1
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Append text[start:end] stripped of whitespace, unless it holds no letter or digit."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _WORD.search(text, start, end) is None:
        return
    sentences.append(Sentence(index=len(sentences), start=start, end=end,
                              text=text[start:end], paragraph=paragraph))
