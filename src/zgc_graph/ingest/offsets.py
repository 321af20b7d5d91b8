"""A compact map from normalised-text positions back to the decoded original.

A tuple of one int per character costs ~36 bytes a character (1.8 GB for a
50 MB file).  Normalisation only ever keeps slices of the original in order,
drops characters, or stands one short replacement for a longer stretch (an
HTML entity, a tag turned into a line break), so the map is stored as runs:

* identity run: text[t + k] came from original[o + k];
* replaced run: every character came from original[o:o + width].
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from typing import Iterator, overload


class OffsetMap:
    """offsets[i] = index in the original of text[i]; `char_end(i)` = where that source ends."""

    __slots__ = ("_t", "_o", "_w", "_n")

    def __init__(self, t: array, o: array, w: array, n: int) -> None:
        self._t, self._o, self._w, self._n = t, o, w, n

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls(array("q", [0]), array("q", [0]), array("q", [0]), n)

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._n))]
        r, i = self._run(i)
        return self._o[r] + (i - self._t[r]) if self._w[r] == 0 else self._o[r]

    def char_end(self, i: int) -> int:
        """Exclusive end in the original of the source of text[i] (an entity may be wide)."""
        r, i = self._run(i)
        if self._w[r] == 0:
            return self._o[r] + (i - self._t[r]) + 1
        return self._o[r] + self._w[r]

    def _run(self, i: int) -> tuple[int, int]:
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError(f"offset index {i} out of range 0..{self._n - 1}")
        return bisect_right(self._t, i) - 1, i

    def __iter__(self) -> Iterator[int]:
        for r in range(len(self._t)):
            start = self._t[r]
            stop = self._t[r + 1] if r + 1 < len(self._t) else self._n
            if self._w[r] == 0:
                yield from range(self._o[r], self._o[r] + stop - start)
            else:
                yield from (self._o[r] for _ in range(stop - start))

    @property
    def runs(self) -> int:
        return len(self._t) if self._n else 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return (self._n, self._t, self._o, self._w) == (other._n, other._t, other._o, other._w)
        if isinstance(other, (tuple, list)):
            return len(other) == self._n and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._n, self._t.tobytes(), self._o.tobytes(), self._w.tobytes()))

    def __repr__(self) -> str:
        return f"OffsetMap(len={self._n}, runs={self.runs})"

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """`self` maps text -> mid and `inner` maps mid -> original: return text -> original."""
        out = OffsetMapBuilder()
        for r in range(len(self._t) if self._n else 0):
            start = self._t[r]
            length = (self._t[r + 1] if r + 1 < len(self._t) else self._n) - start
            if self._w[r]:
                a = inner[self._o[r]]
                b = inner.char_end(self._o[r] + self._w[r] - 1)
                out.add_replaced(a, b - a, length)
                continue
            mid = self._o[r]
            while length > 0:
                q, _ = inner._run(mid)
                q_stop = inner._t[q + 1] if q + 1 < len(inner._t) else inner._n
                take = min(length, q_stop - mid)
                if inner._w[q]:
                    out.add_replaced(inner._o[q], inner._w[q], take)
                else:
                    out.add_identity(inner._o[q] + mid - inner._t[q], take)
                mid += take
                length -= take
        return out.build()


class OffsetMapBuilder:
    """Append runs in text order; contiguous identity runs merge into one."""

    def __init__(self) -> None:
        self._t, self._o, self._w = array("q"), array("q"), array("q")
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def add_identity(self, orig_start: int, length: int) -> None:
        if length <= 0:
            return
        if self._t and self._w[-1] == 0 and self._o[-1] + (self._n - self._t[-1]) == orig_start:
            self._n += length
            return
        self._push(orig_start, 0, length)

    def add_replaced(self, orig_start: int, width: int, length: int) -> None:
        """`length` text characters that all stand for original[orig_start:orig_start + width]."""
        if length > 0:
            self._push(orig_start, max(width, 1), length)

    def _push(self, orig_start: int, width: int, length: int) -> None:
        self._t.append(self._n)
        self._o.append(orig_start)
        self._w.append(width)
        self._n += length

    def build(self) -> OffsetMap:
        if not self._t:
            return OffsetMap(array("q", [0]), array("q", [0]), array("q", [0]), 0)
        return OffsetMap(self._t, self._o, self._w, self._n)
