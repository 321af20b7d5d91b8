"""Document identity and metadata: the stable id and the `NAME.meta.yaml` sidecar."""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import yaml

from ..models import DocumentMetadata
from .rules import IngestRules, load

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
FIELDS = ("title", "publication", "date", "source", "author")
_SLUG_MAX = 48


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date gets our message, not a ValueError."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class SidecarProblem(Exception):
    """One line saying what is wrong with a sidecar (the message names the file)."""


def slug(name: str) -> str:
    """Readable ASCII for a file name: pinyin for Chinese, [a-z0-9-] only (the doc_id prefix)."""
    if name.isascii():
        ascii_text = name
    else:
        from pypinyin import Style, lazy_pinyin  # 0.7 s to import: only when a name needs it

        words = lazy_pinyin(name, style=Style.NORMAL, errors="default")
        ascii_text = unicodedata.normalize("NFKD", "-".join(words)).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return text[:_SLUG_MAX].rstrip("-") or "doc"


def sidecar_path(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIXES)


def read_sidecar(path: Path) -> DocumentMetadata:
    """Parse a sidecar; unknown keys and malformed dates are errors (a typo must not pass)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
        data = json.loads(raw) if path.suffix == ".json" else yaml.load(raw, Loader=_Loader)
    except (OSError, UnicodeDecodeError) as err:
        raise SidecarProblem(f"{path}: cannot read metadata ({_reason(err)})") from None
    except (yaml.YAMLError, json.JSONDecodeError) as err:
        where = getattr(err, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise SidecarProblem(f"{path}: metadata is not valid {'JSON' if path.suffix == '.json' else 'YAML'}{line}") from None
    if data is None:
        return DocumentMetadata()
    if not isinstance(data, dict):
        raise SidecarProblem(f"{path}: metadata must be a mapping of {', '.join(FIELDS)}")
    unknown = sorted(str(k) for k in data if k not in FIELDS)
    if unknown:
        raise SidecarProblem(f"{path}: unknown metadata key {unknown[0]!r} (expected {', '.join(FIELDS)})")
    values: dict[str, object] = {}
    for key in FIELDS:
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if key == "date":
            values[key] = _date(path, value)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            values[key] = str(value).strip()
        else:
            raise SidecarProblem(f"{path}: metadata {key!r} must be text")
    return DocumentMetadata(**values)


def _date(path: Path, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SidecarProblem(f"{path}: metadata date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _reason(err: Exception) -> str:
    if isinstance(err, OSError):
        return (err.strerror or str(err)).lower()
    return str(err)


def title_from_text(text: str, rules: IngestRules | None = None) -> str | None:
    """The first line, when it reads like a headline: short and without sentence punctuation."""
    rules = rules or load()
    first = text[: text.find("\n")] if "\n" in text else text
    first = first.strip()
    if not first or len(first) > rules.heading_max_chars:
        return None
    if any(ch in rules.paragraph_final for ch in first):
        return None
    return first


_CHINESE_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "两": 2}
_SIGNED_DATE = re.compile(r"^((?:19|20)\d\d|[〇○Ｏ零一二三四五六七八九]{4})年"
                          r"(\d{1,2}|[一二三四五六七八九十]{1,2})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$")


def date_from_text(text: str) -> dt.date | None:
    """The date an official notice is signed with: a line of its own among the last three
    (2023年6月8日, 二〇二三年六月八日), under the issuing bodies."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][-3:]
    for line in reversed(lines):
        found = _SIGNED_DATE.match(line)
        if found:
            year, month, day = (numeral_value(part) for part in found.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def numeral_value(text: str) -> int:
    """2023, 六, 两, 十二, 二十八, 三十一, 二〇二三 as integers (dates and small counts as Chinese writes them)."""
    if text.isdigit():
        return int(text)
    if len(text) == 4:  # a year, digit by digit
        return int("".join(str(_CHINESE_DIGITS[ch]) for ch in text))
    if "十" not in text:
        return _CHINESE_DIGITS[text]
    tens, _, units = text.rpartition("十")
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)
