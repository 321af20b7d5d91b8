"""A fast screen for SHACL core shapes: which shapes could a graph break?

pySHACL checks core constraints (sh:class, sh:datatype, sh:minCount…) one focus
node at a time, building a report as it goes: 34 of the 50 s that validating a
1,000-article graph took, nearly all of it confirming that a built graph
conforms.  The screen reads each property once, as a subject -> values map, and
asks of every focus node only whether some constraint fails; on Oxigraph the
same questions cost half a second a shape.  Only the shapes it flags, and the
shapes it cannot read, then go to pySHACL, which reports them as it always has.

So the screen may flag a shape pySHACL accepts (the shape is then merely checked
again, slowly), but must never pass one it rejects.  It follows pySHACL's own
tests where they are simple (a datatype, a language tag, a count) and flags
whatever it is not sure of (a comparison between anything but two numbers).
The tests compare the flagged shapes with pySHACL's reports on every broken
graph they know.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Callable, Iterable

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

# Shape properties that constrain nothing, or only choose the focus and value nodes.
_DESCRIPTIVE = {RDF.type, RDFS.comment, RDFS.label, RDFS.seeAlso, SH.message, SH.severity, SH.name,
                SH.description, SH.order, SH.group, SH.path, SH.flags, SH.deactivated,
                SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)

# pySHACL's test of a value's Python type, for the datatypes it knows (others pass once well typed)
_PYTHON_TYPES = {XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: int, XSD.float: float,
                 XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: date}
_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.IRIOrLiteral: (URIRef, Literal), SH.BlankNodeOrLiteral: (BNode, Literal),
}
_COMPARISONS = {SH.minInclusive: lambda v, bound: v >= bound, SH.maxInclusive: lambda v, bound: v <= bound,
                SH.minExclusive: lambda v, bound: v > bound, SH.maxExclusive: lambda v, bound: v < bound}

_STRING, _LANG_STRING = XSD.string, RDF.langString  # namespace attributes are slow: these are read per value
# (data, focus nodes, subject -> values of the path or None for a node shape) -> some focus node fails
Test = Callable[["_Data", set[Node], "dict[Node, list[Node]] | None"], bool]
Conforms = Callable[[Node], bool]  # one value node


class _Unsupported(Exception):
    """A shape the screen cannot read: it stays with pySHACL."""


@dataclass(frozen=True)
class CoreCheck:
    """One shape's focus nodes, path and constraints, as the screen reads them."""

    shape: URIRef
    classes: tuple[URIRef, ...]
    subjects_of: tuple[URIRef, ...]
    objects_of: tuple[URIRef, ...]
    nodes: tuple[Node, ...]
    path: URIRef | None
    tests: tuple[Test, ...]
    compared_with: tuple[URIRef, ...] = ()  # sh:lessThan's properties: the tests read them too

    @property
    def reads(self) -> frozenset[URIRef]:
        """The properties whose subject -> values maps `fails` reads."""
        return frozenset((self.path,) if self.path is not None else ()).union(
            self.subjects_of, self.objects_of, self.compared_with)

    def fails(self, data: "_Data") -> bool:
        if not self.tests:
            return False
        focus = data.focus_nodes(self)
        values = data.values(self.path) if self.path is not None else None
        return any(test(data, focus, values) for test in self.tests)


@lru_cache(maxsize=4)  # shapes graphs are parsed once and read-only (ontology.load_shapes, split_shapes)
def core_checks(shapes: Graph) -> tuple[CoreCheck, ...]:
    """A check for every named shape with targets that no other shape refers to and the screen can read."""
    referenced = set(shapes.objects())
    found = []
    for shape in sorted({s for t in _TARGETS for s in shapes.subjects(t, None)}):
        if isinstance(shape, URIRef) and shape not in referenced:
            try:
                found.append(_check(shapes, shape))
            except _Unsupported:
                pass
    return tuple(found)


def shapes_to_recheck(checks: Iterable[CoreCheck], data: Graph) -> set[URIRef]:
    """The shapes some focus node of `data` may break: pySHACL must check those.

    Checks that read the same properties run together, and each property's map is dropped
    after the last check that reads it: kept all at once, the maps of a
    1,000-article graph took ~100 MB while Oxigraph's copy was still in memory.
    """
    read = _Data(data)
    ordered = sorted(checks, key=lambda check: (sorted(map(str, check.reads)), str(check.shape)))
    last_read = {prop: index for index, check in enumerate(ordered) for prop in check.reads}
    flagged = set()
    for index, check in enumerate(ordered):
        if check.fails(read):
            flagged.add(check.shape)
        read.forget(prop for prop in check.reads if last_read[prop] == index)
    return flagged


def without_shapes(shapes: Graph, drop: set[URIRef]) -> Graph:
    """`shapes` without the shapes in `drop` and the blank nodes only they use (their sh:or lists)."""
    doomed: set[Node] = set()
    pending: list[Node] = list(drop)
    while pending:
        node = pending.pop()
        if node not in doomed:
            doomed.add(node)
            pending += [o for o in shapes.objects(node) if isinstance(o, BNode)]
    rest = Graph()
    for prefix, namespace in shapes.namespaces():
        rest.bind(prefix, namespace)
    for triple in shapes:
        if triple[0] not in doomed:
            rest.add(triple)
    return rest


def has_shapes(shapes: Graph) -> bool:
    """Whether any shape has focus nodes: explicit targets, or a shape that is also a class."""
    return (any((None, target, None) in shapes for target in _TARGETS)
            or any((s, RDF.type, RDFS.Class) in shapes for s in shapes.subjects(RDF.type, SH.NodeShape)))


# -- reading a shape ---------------------------------------------------------------

def _check(shapes: Graph, shape: URIRef) -> CoreCheck:
    if any(p not in _DESCRIPTIVE and p not in _CONSTRAINTS for p in shapes.predicates(shape)) \
            or (shape, RDF.type, RDFS.Class) in shapes:  # its own instances are focus nodes too: pySHACL
        raise _Unsupported
    path = shapes.value(shape, SH.path)
    if path is not None and not isinstance(path, URIRef):
        raise _Unsupported  # inverse, sequence and alternative paths: pySHACL
    targets = {t: tuple(sorted(shapes.objects(shape, t))) for t in _TARGETS}
    if any(not isinstance(n, URIRef) for t in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf)
           for n in targets[t]):
        raise _Unsupported
    deactivated = shapes.value(shape, SH.deactivated) == Literal(True)  # pySHACL skips it: so does the screen
    tests = () if deactivated else tuple(
        _CONSTRAINTS[p](shapes, shape, path, argument) for p in _CONSTRAINTS
        for argument in sorted(shapes.objects(shape, p)))
    compared_with = tuple(sorted(p for p in shapes.objects(shape, SH.lessThan) if isinstance(p, URIRef)))
    return CoreCheck(shape, targets[SH.targetClass], targets[SH.targetSubjectsOf], targets[SH.targetObjectsOf],
                     targets[SH.targetNode], path, tests, compared_with)


def _value_nodes(focus: set[Node], values: dict[Node, list[Node]] | None) -> Iterable[Node]:
    if values is None:
        return focus  # a node shape's value node is its focus node
    get = values.get
    return (v for f in focus for v in get(f, ()))


def _count(path: Node | None, argument: Node, too_few: bool) -> Test:
    if path is None or not isinstance(argument, Literal) or not isinstance(argument.value, int):
        raise _Unsupported
    limit = argument.value
    if too_few:
        if limit == 1:
            return lambda data, focus, values: not focus <= values.keys()
        return lambda data, focus, values: any(len(values.get(f, ())) < limit for f in focus)
    return lambda data, focus, values: any(len(values.get(f, ())) > limit for f in focus)


def _each(conforms: Callable[["_Data"], Conforms]) -> Test:
    """A constraint on each value node on its own; `conforms(data)` makes the test of one node."""
    return lambda data, focus, values: not all(map(conforms(data), _value_nodes(focus, values)))


def _class_conforms(cls: Node) -> Callable[["_Data"], Conforms]:
    if not isinstance(cls, URIRef):
        raise _Unsupported
    return lambda data: data.instances(cls).__contains__


def _class(shapes, shape, path, argument) -> Test:
    return _each(_class_conforms(argument))


def _datatype_conforms(datatype: Node) -> Callable[["_Data"], Conforms]:
    """pySHACL's test: the literal's datatype (xsd:string for a plain one), then its Python value."""
    if not isinstance(datatype, URIRef) or datatype in (RDFS.Literal, RDFS.Datatype):
        raise _Unsupported
    expected = _PYTHON_TYPES.get(datatype)
    lang_string, string = datatype == _LANG_STRING, datatype == _STRING

    def conforms(v: Node) -> bool:
        if not isinstance(v, Literal):
            return False
        if lang_string:
            matches = bool(v.language)
        elif string:
            matches = v.datatype == _STRING or (v.datatype is None and v.language is None)
        else:
            matches = v.datatype == datatype and getattr(v, "ill_typed", None) is not True
        if not matches or expected is None:
            return matches
        return isinstance(v.value, expected)
    return lambda data: conforms


def _datatype(shapes, shape, path, argument) -> Test:
    return _each(_datatype_conforms(argument))


def _node_kind_conforms(kind: Node) -> Callable[["_Data"], Conforms]:
    if kind not in _NODE_KINDS:
        raise _Unsupported
    kinds = _NODE_KINDS[kind]
    return lambda data: lambda v: isinstance(v, kinds)


def _node_kind(shapes, shape, path, argument) -> Test:
    return _each(_node_kind_conforms(argument))


def _text(v: Node) -> str:
    """pySHACL's string form of a value node: a string literal's value, otherwise its lexical form."""
    if isinstance(v, Literal) and v.value is not None and v.datatype in (None, _LANG_STRING, _STRING):
        return str(v.value)
    return str(v)


def _pattern(shapes, shape, path, argument) -> Test:
    flags = shapes.value(shape, SH.flags)
    if len(list(shapes.objects(shape, SH.pattern))) > 1 or not isinstance(argument, Literal) \
            or (flags is not None and set(str(flags)) - set("i")):
        raise _Unsupported
    regex = re.compile(str(argument), re.IGNORECASE if flags is not None else 0)
    return _each(lambda data: lambda v: not isinstance(v, BNode) and regex.search(_text(v)) is not None)


def _length(argument: Node, fits: Callable[[int, int], bool]) -> Test:
    if not isinstance(argument, Literal) or not isinstance(argument.value, int):
        raise _Unsupported
    limit = argument.value
    return _each(lambda data: lambda v: not isinstance(v, BNode) and fits(len(_text(v)), limit))


def _min_length(shapes, shape, path, argument) -> Test:
    return _length(argument, lambda length, limit: length >= limit)


def _max_length(shapes, shape, path, argument) -> Test:
    return _length(argument, lambda length, limit: length <= limit)


def _number(node: Node) -> int | float | Decimal | None:
    value = node.value if isinstance(node, Literal) else None
    return value if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool) else None


def _comparison(holds: Callable) -> Callable:
    """Only two numbers are compared here: anything else is flagged, for pySHACL to judge."""
    def write(shapes, shape, path, argument) -> Test:
        bound = _number(argument)
        if bound is None:
            raise _Unsupported
        return _each(lambda data: lambda v: (n := _number(v)) is not None and holds(n, bound))
    return write


def _less_than(shapes, shape, path, argument) -> Test:
    if not isinstance(argument, URIRef):
        raise _Unsupported

    def fails(data, focus, values) -> bool:
        others = data.values(argument)
        for f in focus:
            for v in ([f] if values is None else values.get(f, ())):
                for other in others.get(f, ()):
                    a, b = _number(v), _number(other)
                    if a is None or b is None or not a < b:
                        return True
        return False
    return fails


def _language_in(shapes, shape, path, argument) -> Test:
    """pySHACL's reading: the tag, or its first subtag, is one of the list (any case); '*' is any tag."""
    ranges = list(Collection(shapes, argument)) if isinstance(argument, BNode) else []
    if not ranges or not all(isinstance(r, Literal) and isinstance(r.value, str) for r in ranges):
        raise _Unsupported
    wanted = {str(r.value).lower() for r in ranges}

    def conforms(v: Node) -> bool:
        if not isinstance(v, Literal) or not v.language:
            return False
        tag = v.language.lower()
        return "*" in wanted or tag in wanted or tag.split("-")[0] in wanted
    return _each(lambda data: conforms)


def _or(shapes, shape, path, argument) -> Test:
    """sh:or of shapes that each hold one sh:class, sh:datatype or sh:nodeKind."""
    members = list(Collection(shapes, argument)) if isinstance(argument, BNode) else []
    if not members:
        raise _Unsupported
    alternatives = []
    for member in members:
        own = [(p, o) for p, o in shapes.predicate_objects(member) if p not in (RDF.type, SH.message)]
        if len(own) != 1 or own[0][0] not in _ALTERNATIVES:
            raise _Unsupported
        alternatives.append(_ALTERNATIVES[own[0][0]](own[0][1]))

    def conforms(data) -> Conforms:
        tests = [alternative(data) for alternative in alternatives]
        return lambda v: any(test(v) for test in tests)
    return _each(conforms)


_ALTERNATIVES = {SH["class"]: _class_conforms, SH.datatype: _datatype_conforms, SH.nodeKind: _node_kind_conforms}


_CONSTRAINTS: dict[URIRef, Callable[..., Test]] = {
    SH.minCount: lambda shapes, shape, path, argument: _count(path, argument, too_few=True),
    SH.maxCount: lambda shapes, shape, path, argument: _count(path, argument, too_few=False),
    SH["class"]: _class,
    SH.datatype: _datatype,
    SH.nodeKind: _node_kind,
    SH.pattern: _pattern,
    SH.minLength: _min_length,
    SH.maxLength: _max_length,
    **{parameter: _comparison(holds) for parameter, holds in _COMPARISONS.items()},
    SH.lessThan: _less_than,
    SH.languageIn: _language_in,
    SH["or"]: _or,
}


# -- reading the data ----------------------------------------------------------------

class _Data:
    """The data graph as the screen reads it: each property once, as subject -> distinct values."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._values: dict[URIRef, dict[Node, list[Node]]] = {}
        self._supers: dict[Node, frozenset[Node]] = {}
        self._instances: dict[URIRef, set[Node]] = {}
        self._typed: dict[Node, list[Node]] | None = None

    def _triples(self, prop: URIRef) -> Iterable[tuple[Node, Node, Node]]:
        with_predicate = getattr(self.graph.store, "with_predicate", None)  # the build's TripleTable
        return with_predicate(prop) if with_predicate is not None else self.graph.triples((None, prop, None))

    def values(self, prop: URIRef) -> dict[Node, list[Node]]:
        found = self._values.get(prop)
        if found is None:
            found = {}
            for s, _p, o in self._triples(prop):  # a graph holds each triple once: values are distinct
                bucket = found.get(s)
                if bucket is None:
                    found[s] = [o]
                else:
                    bucket.append(o)
            self._values[prop] = found
        return found

    def forget(self, props: Iterable[URIRef]) -> None:
        for prop in props:
            if prop != RDFS.subClassOf:  # superclasses() reads it for every new class
                self._values.pop(prop, None)

    def superclasses(self, cls: Node) -> frozenset[Node]:
        """`cls` and every class it is an rdfs:subClassOf*, as asserted in the data."""
        found = self._supers.get(cls)
        if found is None:
            direct = self.values(RDFS.subClassOf)
            seen, pending = {cls}, [cls]
            while pending:
                for parent in direct.get(pending.pop(), ()):
                    if parent not in seen:
                        seen.add(parent)
                        pending.append(parent)
            found = self._supers[cls] = frozenset(seen)
        return found

    def instances(self, cls: URIRef) -> set[Node]:
        found = self._instances.get(cls)
        if found is None:
            if self._typed is None:  # class -> the nodes typed with it
                self._typed = {}
                for s, _p, o in self._triples(RDF.type):
                    self._typed.setdefault(o, []).append(s)
            found = self._instances[cls] = {n for t, nodes in self._typed.items()
                                            if cls in self.superclasses(t) for n in nodes}
        return found

    def focus_nodes(self, check: CoreCheck) -> set[Node]:
        found: set[Node] = set(check.nodes)
        for cls in check.classes:
            found |= self.instances(cls)
        for prop in check.subjects_of:
            found.update(self.values(prop))
        for prop in check.objects_of:
            found.update(o for values in self.values(prop).values() for o in values)
        return found
