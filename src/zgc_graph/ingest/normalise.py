"""Decoded text -> the normalised text the extractor reads, with an offset map.

Paragraphs are lines (blank lines dropped, surrounding whitespace stripped)
separated by one "\\n".  Newspaper page and column breaks cut sentences and
even words (未来 / 科学城): a paragraph that stops without sentence-final
punctuation but holds sentence-internal punctuation is glued to the next body
paragraph, skipping a photo caption that was set in between; a short line that
is a record of its own (支持单位：A、B) or a list item is never glued, and a list of
other articles' titles (往期推荐) is dropped.  The work is
streamed paragraph by paragraph, so memory stays a few times the file size.
"""
from __future__ import annotations

import re
from collections import deque
from typing import Callable, Iterator

from .chars import fold
from .offsets import OffsetMap, OffsetMapBuilder
from .rules import IngestRules, load

# The characters str.splitlines breaks at.
_LINE_ENDS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CHUNK = 1 << 20
# Invisible or control characters dropped from the text (tab is kept).
_DROP = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")
_NON_SPACE = re.compile(r"\S")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")


class Paragraph:
    """A kept line: stretches of the source, their text (before folding), and where it ends."""

    __slots__ = ("start", "end", "text", "brk", "_spans")

    def __init__(self, start: int, end: int, text: str, brk: int,
                 spans: list[tuple[int, int]] | None = None) -> None:
        self.start, self.end = start, end  # source span of the text, when it is one stretch
        self.text = text                   # the kept characters
        self.brk = brk                     # source index of the line break after it
        self._spans = spans                # several stretches, when characters were dropped

    @property
    def spans(self) -> list[tuple[int, int]]:
        return self._spans if self._spans is not None else [(self.start, self.end)]


def normalise(source: str, *, markdown: bool = False,
              rules: IngestRules | None = None) -> tuple[str, OffsetMap]:
    """Return (text, offsets) where offsets[i] is the index in `source` of text[i]."""
    rules = rules or load()
    pieces: list[str] = []
    offsets = OffsetMapBuilder()
    previous: Paragraph | None = None
    for group in _groups(_without_link_lists(_paragraphs(source, markdown), rules), rules):
        if previous is not None:
            pieces.append("\n")
            offsets.add_identity(previous.brk, 1)
        for para in group:
            if para._spans is None:
                offsets.add_identity(para.start, para.end - para.start)
            else:
                for start, end in para._spans:
                    offsets.add_identity(start, end - start)
        pieces.append(fold(group[0].text if len(group) == 1 else "".join(p.text for p in group)))
        previous = group[-1]
    return "".join(pieces), offsets.build()


def _paragraphs(source: str, markdown: bool) -> Iterator[Paragraph]:
    """Non-blank lines, read a chunk at a time: str.splitlines is C-fast, and chunks bound memory."""
    pos = 0
    while pos < len(source):
        cut = source.find("\n", pos + _CHUNK)
        chunk_end = len(source) if cut < 0 else cut + 1
        for line in source[pos:chunk_end].splitlines(keepends=True):
            para = _paragraph(source, pos, line, markdown)
            if para is not None:
                yield para
            pos += len(line)


def _paragraph(source: str, start: int, line: str, markdown: bool) -> Paragraph | None:
    """The line at `start` without its line break and surrounding whitespace (all of them isspace)."""
    stripped = line.strip()
    if not stripped:
        return None
    a = start + line.find(stripped)
    brk = start + len(line) - (2 if line.endswith("\r\n") else 1 if line[-1] in _LINE_ENDS else 0)
    if markdown and stripped.startswith("#"):
        m = _MD_HEADING.match(stripped)
        if m is not None:
            a += len(stripped) - len(stripped[m.end():].lstrip())
            stripped = stripped[m.end():].lstrip()
            if not stripped:
                return None
    b = a + len(stripped)
    if stripped.isprintable():  # the common case: nothing to drop
        return Paragraph(a, b, stripped, brk)
    spans = []
    pos = a
    for m in _DROP.finditer(source, a, b):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, b))
    spans = _trim(source, [(x, y) for x, y in spans if x < y])
    if not spans:
        return None
    return Paragraph(spans[0][0], spans[-1][1], "".join(source[x:y] for x, y in spans), brk, spans)


def _trim(source: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Strip whitespace at both ends of the concatenated spans, dropping emptied spans."""
    while spans:
        a, b = spans[0]
        m = _NON_SPACE.search(source, a, b)
        if m is not None:
            spans[0] = (m.start(), b)
            break
        spans.pop(0)
    while spans:
        a, b = spans[-1]
        while b > a and source[b - 1].isspace():
            b -= 1
        if b > a:
            spans[-1] = (a, b)
            break
        spans.pop()
    return spans


def _without_link_lists(paragraphs: Iterator[Paragraph], rules: IngestRules) -> Iterator[Paragraph]:
    """The paragraphs less each list of other articles' titles (往期推荐 and the headlines under it)."""
    in_list = False
    for para in paragraphs:
        if rules.link_list.match(para.text):
            in_list = True
            continue
        if in_list and len(para.text) <= rules.caption_max_chars \
                and para.text.rstrip(rules.closing_quotes)[-1:] not in rules.sentence_terminators:
            continue
        in_list = False
        yield para


def _groups(paragraphs: Iterator[Paragraph], rules: IngestRules) -> Iterator[list[Paragraph]]:
    """Yield runs of paragraphs that form one logical paragraph (captions in between dropped)."""
    buffer: deque[Paragraph] = deque()

    def peek(i: int) -> Paragraph | None:
        while len(buffer) <= i:
            nxt = next(paragraphs, None)
            if nxt is None:
                return None
            buffer.append(nxt)
        return buffer[i]

    first = True
    while peek(0) is not None:
        group = [buffer.popleft()]
        internal = _has_internal(group[0].text, rules)
        while internal and _unfinished(group[-1].text, rules, title=first and len(group) == 1):
            skip = _continuation(peek, rules)
            if skip is None:
                break
            for _ in range(skip):
                buffer.popleft()
            group.append(buffer.popleft())
        first = False
        yield group


def _has_internal(text: str, rules: IngestRules) -> bool:
    for mark in rules.sentence_internal:
        if mark in text:
            return True
    return False


def _unfinished(text: str, rules: IngestRules, *, title: bool) -> bool:
    """A body paragraph cut by a break: no final punctuation, not a heading, credit or title."""
    if text[-1] in rules.paragraph_final_brackets:
        return False
    core = text.rstrip(rules.closing_quotes)
    if not core or core[-1] in rules.paragraph_final:
        return False
    if title and len(text) <= rules.heading_max_chars:
        return False
    return not (_is_credit(text, rules) or _is_caption(text, rules) or _is_record(text, rules))


def _continuation(peek: Callable[[int], Paragraph | None], rules: IngestRules) -> int | None:
    """How many caption paragraphs to skip before the continuation, or None if there is none."""
    for n in range(rules.caption_max_lines + 1):
        para = peek(n)
        if para is None:
            break
        if _is_credit(para.text, rules):
            after = peek(n + 1)
            return n + 1 if after is not None and _is_body(after.text, rules) else None
        if len(para.text) > rules.caption_max_chars:
            break
    nxt = peek(0)
    if nxt is not None and _is_caption(nxt.text, rules):
        after = peek(1)
        return 1 if after is not None and _is_body(after.text, rules) else None
    return 0 if nxt is not None and _is_body(nxt.text, rules) else None


def _is_body(text: str, rules: IngestRules) -> bool:
    return not (_is_heading(text, rules) or _is_credit(text, rules) or _is_caption(text, rules)
                or _is_record(text, rules) or rules.list_item.match(text) is not None)


def _is_record(text: str, rules: IngestRules) -> bool:
    return len(text) <= rules.caption_max_chars and rules.record.search(text) is not None


def _is_heading(text: str, rules: IngestRules) -> bool:
    return len(text) <= rules.heading_max_chars and rules.heading_punctuation.isdisjoint(text)


def _is_credit(text: str, rules: IngestRules) -> bool:
    return len(text) <= rules.caption_max_chars and rules.credit.search(text) is not None


def _is_caption(text: str, rules: IngestRules) -> bool:
    return len(text) <= rules.caption_max_chars and rules.caption.search(text) is not None
