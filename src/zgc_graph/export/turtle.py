"""Turtle 1.1 writer: deterministic bytes, fast, readable.

rdflib's serializer takes ~16 s for 100k triples and its output order
depends on blank-node ids; this one groups triples by subject in one pass,
sorts everything, and writes canonical numbers.  Blank nodes (the ontology's
owl:unionOf lists) are written inline, as `[ … ]` or `( … )`, when referenced
once, and otherwise get a label derived from their content.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from ..fsutil import atomic_write_chunks
from ..graph.vocab import PREFIXES, ZGC
from . import register

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?[0-9]*\.?[0-9]+$|^[+-]?[0-9]+\.$")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_STRING_UNSAFE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\ud800-\udfff]')
_ONTOLOGY_NS = str(ZGC).rstrip("#")
# rdflib namespace attribute lookups are slow; these are used per triple.
_TYPE, _FIRST, _REST, _NIL = RDF.type, RDF.first, RDF.rest, RDF.nil


def iri_ref(text: str) -> str:
    """`<text>` with the characters an IRIREF may not hold written as \\u escapes (Turtle, N-Triples)."""
    return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", text) + ">"


def escape_string(text: str) -> str:
    """Body of a double-quoted Turtle (or SPARQL) string: escapes only where needed."""

    def sub(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in _STRING_ESCAPES:
            return _STRING_ESCAPES[ch]
        if "\ud800" <= ch <= "\udfff":  # a lone surrogate cannot be written in UTF-8
            return "\\uFFFD"
        return f"\\u{ord(ch):04X}"

    return _STRING_UNSAFE.sub(sub, text)


def canonical_decimal(lexical: str) -> str | None:
    """xsd:decimal canonical form (1.0, 0.85, -3.5), or None when not a decimal."""
    if not _DECIMAL.match(lexical.strip()):
        return None
    try:
        value = Decimal(lexical.strip())
    except InvalidOperation:
        return None
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text


def canonical_integer(lexical: str) -> str | None:
    text = lexical.strip()
    return str(int(text)) if _INTEGER.match(text) else None


class _Writer:
    def __init__(self, graph: Graph) -> None:
        self.prefixes = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda x: -len(x[1]))
        # subject -> its triples, as the store holds them: a dict of predicate -> objects per
        # subject cost ~200 MB more at 1,000 articles; subjects are grouped when written
        self.subjects: dict[Node, list[tuple[Node, Node, Node]]] = {}
        self.refs: dict[BNode, int] = defaultdict(int)
        subjects, refs = self.subjects, self.refs
        for triple in _stored_triples(graph):
            bucket = subjects.get(triple[0])
            if bucket is None:
                subjects[triple[0]] = [triple]
            else:
                bucket.append(triple)
            o = triple[2]
            kind = type(o)
            if kind is not URIRef and kind is not Literal and isinstance(o, BNode):
                refs[o] += 1
        # Keyed by id(): every node stays alive in `subjects` while writing, and rdflib's
        # Python-level __hash__/__eq__ cost more than rendering most terms.
        self.cache: dict[int, str] = {}
        self.type_text = self.iri(_TYPE)  # IRI rendering is one-to-one: compare text, not rdflib terms
        self.inline = {b for b in self.subjects if isinstance(b, BNode) and self.refs.get(b) == 1}
        self.inline |= {b for b, n in self.refs.items() if n == 1 and b not in self.subjects}
        self._break_cycles()
        self.labels = self._bnode_labels()

    def preds(self, s: Node) -> dict[Node, list[Node]]:
        """The predicates of `s` with their objects."""
        grouped: dict[Node, list[Node]] = {}
        for _s, p, o in self.subjects.get(s, ()):
            objs = grouped.get(p)
            if objs is None:
                grouped[p] = [o]
            else:
                objs.append(o)
        return grouped

    # -- blank nodes -------------------------------------------------------
    def _break_cycles(self) -> None:
        """A cycle of once-referenced blank nodes cannot be inlined: label its members."""
        state: dict[BNode, int] = {}
        for b in sorted(self.inline, key=str):
            if b not in state:
                self._visit(b, state)

    def _visit(self, b: BNode, state: dict[BNode, int]) -> None:
        # a method, not a closure: a recursive closure is a reference cycle, and with the
        # collector paused during a build it kept the whole writer alive (~30 MB at 1,000 documents)
        state[b] = 1
        for objs in self.preds(b).values():
            for o in objs:
                if o in self.inline:
                    if state.get(o) == 1:
                        self.inline.discard(o)
                    elif o not in state:
                        self._visit(o, state)
        state[b] = 2

    def _signature(self, b: BNode, depth: int = 0) -> str:
        parts = []
        for p, objs in self.preds(b).items():
            for o in objs:
                if isinstance(o, BNode):
                    o_text = self._signature(o, depth + 1) if depth < 3 else "_"
                else:
                    o_text = o.n3()
                parts.append(f"{p.n3()} {o_text}")
        return "[" + ";".join(sorted(parts)) + "]"

    def _bnode_labels(self) -> dict[BNode, str]:
        named = {b for b in set(self.subjects) | set(self.refs) if isinstance(b, BNode) and b not in self.inline}
        incoming: dict[BNode, list[str]] = defaultdict(list)
        if named:
            for s, triples in self.subjects.items():
                for _s, p, o in triples:
                    if o in named and not isinstance(s, BNode):
                        incoming[o].append(f"{s.n3()} {p.n3()}")
        keyed = sorted(
            (hashlib.sha1((self._signature(b) + "|" + "|".join(sorted(incoming[b]))).encode("utf-8")).hexdigest()[:12], b)
            for b in named
        )
        labels: dict[BNode, str] = {}
        seen: dict[str, int] = defaultdict(int)
        for key, b in keyed:  # ties are blank nodes that look alike: either order prints the same
            seen[key] += 1
            labels[b] = f"_:b{key}" + (f"_{seen[key]}" if seen[key] > 1 else "")
        return labels

    def _as_list(self, b: BNode) -> list[Node] | None:
        """The items of a well-formed RDF list starting at `b`, if it is one to inline."""
        items: list[Node] = []
        node: Node = b
        seen: set[Node] = set()
        while node != _NIL:
            if not isinstance(node, BNode) or node in seen or (node is not b and node not in self.inline):
                return None
            seen.add(node)
            preds = self.preds(node)
            if set(preds) != {_FIRST, _REST} or len(preds[_FIRST]) != 1 or len(preds[_REST]) != 1:
                return None
            items.append(preds[_FIRST][0])
            node = preds[_REST][0]
        return items

    # -- terms -------------------------------------------------------------
    def iri(self, iri: URIRef) -> str:
        text = str(iri)
        for prefix, ns in self.prefixes:
            if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return iri_ref(text)

    def literal(self, lit: Literal) -> str:
        lexical = str(lit)
        dt = lit.datatype
        if lit.language:
            return f'"{escape_string(lexical)}"@{lit.language}'
        if dt is None:
            return f'"{escape_string(lexical)}"'
        if dt == XSD.integer and (canon := canonical_integer(lexical)) is not None:
            return canon
        if dt == XSD.decimal and (canon := canonical_decimal(lexical)) is not None:
            return canon
        if dt == XSD.boolean and lexical in ("true", "false"):
            return lexical
        return f'"{escape_string(lexical)}"^^{self.iri(dt)}'

    def term(self, node: Node) -> str:
        cached = self.cache.get(id(node))
        if cached is not None:
            return cached
        if isinstance(node, URIRef):
            cached = self.iri(node)
        elif isinstance(node, Literal):
            cached = self.literal(node)
        elif isinstance(node, BNode):
            if node in self.inline:  # rendered in place, never cached
                return self.inline_bnode(node)
            cached = self.labels[node]
        else:
            raise TypeError(f"cannot write {type(node).__name__} in Turtle")
        self.cache[id(node)] = cached
        return cached

    def inline_bnode(self, b: BNode) -> str:
        items = self._as_list(b)
        if items is not None:
            return "( " + " ".join(self.term(i) for i in items) + " )" if items else "( )"
        triples = self.subjects.get(b)
        if not triples:
            return "[]"
        return "[ " + self.predicate_list(triples, " ; ") + " ]"

    def predicate_list(self, triples: list[tuple[Node, Node, Node]], sep: str) -> str:
        return sep.join(self.predicate_lines(triples))

    def predicate_lines(self, triples: list[tuple[Node, Node, Node]]) -> list[str]:
        """One subject's predicates in order ("a" first), each with its objects sorted and unique."""
        cache, term, type_text = self.cache, self.term, self.type_text
        pairs = []
        for _s, p, o in triples:
            p_text = cache.get(id(p)) or term(p)
            pairs.append(("" if p_text == type_text else p_text, cache.get(id(o)) or term(o)))
        pairs.sort()
        lines: list[str] = []
        current, shown = None, []
        for p_text, o_text in pairs:
            if p_text != current:
                if shown:
                    lines.append((current or "a") + " " + ", ".join(shown))
                current, shown = p_text, [o_text]
            elif o_text != shown[-1]:
                shown.append(o_text)
        if shown:
            lines.append((current or "a") + " " + ", ".join(shown))
        return lines

    # -- document ----------------------------------------------------------
    def subject_key(self, s: Node) -> tuple[int, str]:
        if isinstance(s, URIRef):
            return (0 if str(s).startswith(_ONTOLOGY_NS) else 1, str(s))
        return (2, self.labels.get(s, ""))

    def render(self) -> Iterator[str]:
        """The document in pieces that concatenate to it (a large graph is never one string)."""
        return (piece for piece, _shorter in self.render_twice(frozenset()))

    def render_twice(self, left_out: frozenset[Node]) -> Iterator[tuple[str, str]]:
        """Each piece of the document, and the same piece without the triples of `left_out`'s predicates."""
        prefixes = "\n".join(f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items()))
        yield prefixes, prefixes
        yield "\n", "\n"
        dropped = tuple(self.term(p) + " " for p in left_out)
        sep = " ;\n    "
        top = [s for s in self.subjects if not (isinstance(s, BNode) and s in self.inline)]
        for s in sorted(top, key=self.subject_key):
            head = self.term(s)
            lines = self.predicate_lines(self.subjects[s])
            piece = f"\n{head}\n    {sep.join(lines)} .\n"
            kept = [line for line in lines if not line.startswith(dropped)] if dropped else lines
            if len(kept) == len(lines):
                yield piece, piece
            else:
                yield piece, f"\n{head}\n    {sep.join(kept)} .\n" if kept else ""


def _stored_triples(graph: Graph) -> Iterator[tuple[Node, Node, Node]]:
    """The triples as tuples the store already holds, when it keeps them (rdflib's Graph makes one per triple)."""
    stored = getattr(graph.store, "stored_triples", None)
    return stored() if stored is not None else iter(graph)


def serialize_turtle(graph: Graph) -> str:
    """The graph as Turtle 1.1 text; the same graph always gives the same text."""
    return "".join(_Writer(graph).render())


@register("turtle", ".ttl", "Turtle 1.1 (RDF): the graph with its ontology and evidence")
def write(graph: Graph, path: Path) -> None:
    atomic_write_chunks(path, turtle_chunks(graph))


def turtle_chunks(graph: Graph) -> Iterator[bytes]:
    """The Turtle document as UTF-8, about a megabyte at a time."""
    return _encoded_batches(_Writer(graph).render())


def turtle_chunks_twice(graph: Graph, left_out: frozenset[Node]) -> Iterator[tuple[bytes, bytes]]:
    """The Turtle document as `turtle_chunks` gives it, each chunk paired with the same part of a
    document without the triples of the predicates in `left_out`: one rendering, two documents."""
    batch, full, shorter, size = 1 << 20, [], [], 0
    for piece, short_piece in _Writer(graph).render_twice(left_out):
        full.append(piece)
        shorter.append(short_piece)
        size += len(piece)
        if size >= batch:
            yield "".join(full).encode("utf-8"), "".join(shorter).encode("utf-8")
            full, shorter, size = [], [], 0
    yield "".join(full).encode("utf-8"), "".join(shorter).encode("utf-8")


def _encoded_batches(pieces: Iterator[str], batch: int = 1 << 20) -> Iterator[bytes]:
    """Encode as the writer goes: the Turtle of a 1,000-article corpus is ~110 MB,
    and holding it as one string and then as bytes cost ~400 MB at the build's peak."""
    buffered: list[str] = []
    size = 0
    for piece in pieces:
        buffered.append(piece)
        size += len(piece)
        if size >= batch:
            yield "".join(buffered).encode("utf-8")
            buffered, size = [], 0
    yield "".join(buffered).encode("utf-8")
