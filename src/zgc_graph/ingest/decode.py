"""Bytes -> text: byte-order marks, UTF-8, GB18030/GBK, then a careful guess.

Strict decoders are tried first because a guess can be confidently wrong;
charset-normalizer is the last resort and must be sure.  Binary files are
refused before decoding, with the kind of file named.
"""
from __future__ import annotations

import re
import unicodedata

from .chars import fold_char

# (magic bytes, what to call the file)
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx or .xlsx"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office 97-2003 document"),
    (b"\x7fELF", "executable"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030"),
)

_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
_SAMPLE = 200_000
_MAX_NON_TEXT = 0.10       # share of odd characters above which a "text" is really binary
_MIN_GB_PLAUSIBLE = 0.90   # share of GB2312 characters in real simplified/traditional Chinese
_MAX_CHAOS = 0.15          # charset-normalizer's mess ratio we still trust


class DecodeProblem(Exception):
    """The one-line reason a file is not usable text (the caller adds the path)."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise DecodeProblem."""
    if not data:
        raise DecodeProblem("empty file")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError as err:
                raise DecodeProblem(f"not valid {encoding.upper()} although it starts with that "
                                    f"byte-order mark (byte {err.start + len(bom)})") from None
            return _checked(text), encoding
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise DecodeProblem(f"binary file ({kind}), not text")
    if b"\x00" in data:
        raise DecodeProblem(f"binary file (contains NUL bytes{_utf16_hint(data)}), not text")
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    gb_text: str | None = None
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    if gb_text is not None and _gb_plausible(gb_text):
        return _checked(gb_text), "gb18030"
    for encoding in ("utf-8", "gb18030"):  # a cut-off last character, a few corrupt bytes
        text = _nearly(data, encoding)
        if text is not None:
            return _checked(text), encoding
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    if gb_text is not None:  # valid GB18030 and nothing better: keep it
        return _checked(gb_text), "gb18030"
    raise DecodeProblem("cannot decode: not UTF-8, UTF-16 or GB18030/GBK, and no confident guess")


def _nearly(data: bytes, encoding: str) -> str | None:
    """Decode with U+FFFD for bad bytes, if they are a handful (≤ 1 per 1,000 characters)."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode(encoding))
    if bad <= max(1, len(text) // 1000) and (encoding != "gb18030" or _gb_plausible(text)):
        return text
    return None


def _utf16_hint(data: bytes) -> str:
    """Notepad-style UTF-16 without its mark is full of NULs too: say so when it reads as text."""
    head = data[:8192]
    head = head[: len(head) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        readable = sum(1 for ch in sample if ch.isprintable() or ch in "\r\n\t")
        if sample and readable / len(sample) >= 0.95 and not _NON_TEXT.search(sample):
            return "; UTF-16 without a byte-order mark?"
    return ""


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control, private-use or unassigned characters."""
    sample = text[:_SAMPLE]
    if not sample:
        return text
    odd = len(_NON_TEXT.findall(sample))
    # unassigned characters are never printable: ask the cheap question first
    unassigned = {ch for ch in set(sample) if not ch.isprintable() and ord(ch) > 0x7F
                  and unicodedata.category(ch) == "Cn"}
    odd += sum(sample.count(ch) for ch in unassigned)
    if odd / len(sample) > _MAX_NON_TEXT:
        raise DecodeProblem("binary file (mostly non-text characters), not text")
    return text


def _gb_plausible(text: str) -> bool:
    """Big5 and Shift-JIS bytes also decode as GB18030, into rare characters: reject that."""
    counts: dict[str, int] = {}
    for ch in text[:20_000]:
        if ord(ch) > 0x7F and not ch.isspace():
            counts[ch] = counts.get(ch, 0) + 1
    total = sum(counts.values())
    if total < 20:
        return True
    common = sum(n for ch, n in counts.items() if _in_gb2312(ch) or _in_gb2312(fold_char(ch)))
    return common / total >= _MIN_GB_PLAUSIBLE


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        return None
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if encoding.replace("_", "").startswith("gb") and not _gb_plausible(text):
        return None
    return _checked(text), encoding.replace("_", "-")
