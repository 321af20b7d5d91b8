"""HTML -> plain text with an offset map into the raw HTML.

A regular-expression scanner rather than a parser: it never fails on broken
markup, keeps every kept character's position, and is linear in the input.
Block elements become line breaks (paragraphs); a line break in the source
between two CJK characters disappears, as browsers render it.
"""
from __future__ import annotations

import html
import re

from .offsets import OffsetMap, OffsetMapBuilder

_TOKEN = re.compile(r"""
   (?P<comment><!--.*?(?:-->|\Z))
 | (?P<skip><(?P<skipname>script|style|noscript|template|svg|title|iframe|object|math)\b[^>]*>
            .*?(?:</(?P=skipname)\s*>|\Z))
 | (?P<cdata><!\[CDATA\[.*?(?:\]\]>|\Z))
 | (?P<tag></?(?P<name>[a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]{0,4000}"|'[^']{0,4000}')*>)
 | (?P<decl><![^>]*>|<\?[^>]*>)
 | (?P<entity>&(?:\#[0-9]{1,8}|\#[xX][0-9a-fA-F]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});?)
 | (?P<brk>(?<![ \t\f])[ \t\f]*[\r\n]\s*)
""", re.IGNORECASE | re.DOTALL | re.VERBOSE)

_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_SNIFF = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)

BLOCK_TAGS = frozenset("""
    address article aside blockquote body br caption dd div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody
    tfoot thead tr ul
""".split())
CELL_TAGS = frozenset({"td", "th"})

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")


def looks_like_html(text: str) -> bool:
    return _SNIFF.match(text[:4096]) is not None


def html_title(raw: str) -> str | None:
    m = _TITLE.search(raw)
    if m is None:
        return None
    title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", m.group(1))).split())
    return title or None


def strip_html(raw: str) -> tuple[str, OffsetMap]:
    """Return the page's text and, for each of its characters, where it sits in `raw`."""
    out = _Writer()
    pos = 0
    for m in _TOKEN.finditer(raw):
        out.text(raw, pos, m.start())
        pos = m.end()
        kind = m.lastgroup
        if kind == "tag":
            name = m.group("name").lower()
            if name in BLOCK_TAGS:
                out.replace("\n", m.start(), m.end())
            elif name in CELL_TAGS:
                out.replace(" ", m.start(), m.end())
        elif kind == "entity":
            value = html.unescape(m.group())
            if value == m.group():
                out.text(raw, m.start(), m.end())
            else:
                out.replace(value, m.start(), m.end())
        elif kind == "brk":
            out.soft_break(m.start(), m.end())
    out.text(raw, pos, len(raw))
    return out.result()


class _Writer:
    """Collects text pieces and their offsets; resolves source line breaks lazily."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.map = OffsetMapBuilder()
        self.last = "\n"
        self.pending: tuple[int, int] | None = None

    def _flush_break(self, next_char: str) -> None:
        if self.pending is None:
            return
        start, end = self.pending
        self.pending = None
        if self.last.isspace() or (_CJK.match(self.last) and _CJK.match(next_char)):
            return
        self._emit(" ", start, end)

    def _emit(self, value: str, start: int, end: int) -> None:
        self.pieces.append(value)
        self.map.add_replaced(start, end - start, len(value))
        self.last = value[-1]

    def text(self, raw: str, start: int, end: int) -> None:
        if start >= end:
            return
        self._flush_break(raw[start])
        self.pieces.append(raw[start:end])
        self.map.add_identity(start, end - start)
        self.last = raw[end - 1]

    def replace(self, value: str, start: int, end: int) -> None:
        if not value:  # &#1; and other references to control characters stand for nothing
            return
        if value == "\n":
            self.pending = None
        else:
            self._flush_break(value[0])
        self._emit(value, start, end)

    def soft_break(self, start: int, end: int) -> None:
        if self.pending is None:
            self.pending = (start, end)
        else:
            self.pending = (self.pending[0], end)

    def result(self) -> tuple[str, OffsetMap]:
        return "".join(self.pieces), self.map.build()
