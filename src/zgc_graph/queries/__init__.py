"""Canned SPARQL queries: `*.rq` files beside this module.

Each file starts with `# title: …` and `# description: …` lines, and one
`# param: NAME — what it is` line per parameter.  A parameter appears in the
query as the variable `$NAME`, so the file stays valid SPARQL on its own; it
is replaced by an escaped string literal, never pasted in raw, so it may
stand wherever an expression may (FILTER, BIND), not in a triple pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from ..errors import QueryError

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:—|–|-|:)?\s*(.*)$")
_SPARQL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    params: dict[str, str]   # parameter name -> what it is
    text: str                # the query as stored, with `$param` variables


def _parse(name: str, text: str) -> CannedQuery:
    fields: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if not m:
            if line.strip() and not line.lstrip().startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param":
            pm = _PARAM.match(value)
            if pm:
                params[pm.group(1)] = pm.group(2)
        else:
            fields[key] = value
    return CannedQuery(name, fields.get("title", name), fields.get("description", ""), params, text)


def list_canned() -> list[CannedQuery]:
    """Every canned query, sorted by name."""
    folder = resources.files(__name__)
    found = [
        _parse(entry.name[:-3], entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir() if entry.name.endswith(".rq")
    ]
    return sorted(found, key=lambda q: q.name)


def sparql_string(value: str) -> str:
    """`value` as a SPARQL string expression that cannot end early or inject syntax.

    Some parsers (rdflib) expand `\\uXXXX` anywhere in the query text before
    parsing, even after an escaped backslash; a value holding a backslash
    followed by u/U is therefore split there and rejoined with CONCAT.
    """
    pieces = re.split(r"(?<=\\)(?=[uU])", value)
    quoted = ['"' + "".join(_SPARQL_ESCAPES.get(ch, ch) for ch in piece) + '"' for piece in pieces]
    return quoted[0] if len(quoted) == 1 else "CONCAT(" + ", ".join(quoted) + ")"


def get_canned(name: str, /, **params: str) -> str:
    """The text of canned query `name` with its parameters filled in."""
    known = {q.name: q for q in list_canned()}
    query = known.get(name)
    if query is None:
        raise QueryError(f"unknown canned query '{name}' (known: {', '.join(sorted(known))})")
    unknown = sorted(set(params) - set(query.params))
    if unknown:
        takes = ", ".join(query.params) or "no parameters"
        raise QueryError(f"canned query '{name}' has no parameter '{unknown[0]}' (takes: {takes})")
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryError(f"canned query '{name}' needs --param {missing[0]}=VALUE ({query.params[missing[0]]})")
    text = query.text
    for key, value in params.items():
        text = re.sub(rf"\${re.escape(key)}\b", lambda _m, v=str(value): sparql_string(v), text)
    return text
