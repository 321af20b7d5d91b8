"""The entity graph as networkx: who is connected to whom, who is central.

`entity_network` reads the built rdflib graph (CONTRACT.md) into a
`MultiDiGraph` whose nodes are entity IRIs and whose edges are relations
(one edge per subject, predicate, object, carrying every piece of evidence).
The HTML explorer, `zgc-graph analyze` and the GraphML/GEXF/JSON exporters
all start from it, so they agree on what an entity and a relation are.

`layout` gives every node a position without scipy: a multilevel,
grid-accelerated force layout that handles 5,000 nodes in a few seconds,
where networkx's `spring_layout` needs minutes on this kind of machine.
"""
from __future__ import annotations

import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS
from rdflib.term import Node

from ..errors import ZgcError
from .vocab import ORG, ZGC

TOP_CLASSES = ("Organisation", "Person", "Policy", "Platform")
PINYIN_LANG = "zh-latn-pinyin"
# Above this many nodes betweenness is estimated from a fixed sample of sources.
BETWEENNESS_EXACT_LIMIT = 1500
BETWEENNESS_SAMPLES = 300


# Terms looked up in loops (namespace attribute access is slow in rdflib).
_TYPE = RDF.type
_STATEMENT = RDF.Statement
_SUBJECT = RDF.subject
_PREDICATE = RDF.predicate
_OBJECT = RDF.object
_DERIVED = PROV.wasDerivedFrom
_EVIDENCE = ZGC.evidence
_CONFIDENCE = ZGC.confidence
_RULE = ZGC.extractionRule
_START = ZGC.charStart
_END = ZGC.charEnd
_PREF = SKOS.prefLabel
_ALT = SKOS.altLabel
_LABEL = RDFS.label
_MENTIONED = ZGC.mentionedIn
_DOCUMENT = ZGC.Document
_SYMMETRIC = OWL.SymmetricProperty
_MEMBERSHIP = ORG.Membership
_MEMBER = ORG.member
_ORGANIZATION = ORG.organization
_ROLE_TITLE = ZGC.roleTitle


class EntityNotFound(ZgcError):
    """A name given on the command line matches no entity of the graph."""


# -- reading the rdflib graph ---------------------------------------------------
def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _is_pinyin(lit: Literal) -> bool:
    return (lit.language or "").lower() == PINYIN_LANG


def _is_zh(lit: Literal) -> bool:
    lang = (lit.language or "").lower()
    return (lang == "zh" or lang.startswith("zh-")) and not _is_pinyin(lit)


Index = dict[Node, dict[Node, list[Node]]]


def _index(graph: Graph) -> Index:
    """subject -> predicate -> objects, in one pass: rdflib lookups one by one are ~20 µs each."""
    out: Index = defaultdict(lambda: defaultdict(list))
    for s, p, o in graph:
        out[s][p].append(o)
    return out


def _one(index: Index, node: Node, prop: URIRef) -> Node | None:
    values = index.get(node, {}).get(prop)
    if not values:
        return None
    return values[0] if len(values) == 1 else min(values, key=str)


def _labels(index: Index, node: Node) -> dict[str, str]:
    """{'zh': …, 'en': …} from rdfs:label, for classes and properties."""
    found: dict[str, list[str]] = defaultdict(list)
    for lit in index.get(node, {}).get(_LABEL, ()):
        if isinstance(lit, Literal):
            lang = (lit.language or "").lower()
            key = "zh" if _is_zh(lit) else "en" if lang in ("en", "") or lang.startswith("en-") else ""
            if key:
                found[key].append(str(lit))
    return {k: sorted(v)[0] for k, v in found.items()}


def top_classes(graph: Graph, index: Index | None = None) -> dict[URIRef, URIRef]:
    """Every class that reaches a top class through rdfs:subClassOf*, mapped to that top class."""
    tops = {ZGC[t] for t in TOP_CLASSES}
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    pairs = (((s, o) for s, preds in index.items() for o in preds.get(RDFS.subClassOf, ())) if index is not None
             else graph.subject_objects(RDFS.subClassOf))
    for sub, sup in pairs:
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            parents[sub].add(sup)
    result: dict[URIRef, URIRef] = {t: t for t in tops}

    def reach(cls: URIRef, seen: frozenset[URIRef]) -> URIRef | None:
        if cls in result:
            return result[cls]
        for sup in sorted(parents.get(cls, ())):
            if sup not in seen and (top := reach(sup, seen | {cls})) is not None:
                return top
        return None

    for cls in sorted(parents):
        if (top := reach(cls, frozenset())) is not None:
            result[cls] = top
    return result


def _document_title(index: Index, doc: Node) -> str:
    for prop in (DCTERMS.title, _LABEL, DCTERMS.identifier):
        values = sorted(str(v) for v in index.get(doc, {}).get(prop, ()))
        if values:
            return values[0]
    return _local(str(doc))


def _number(lit: Any) -> int | None:
    try:
        return int(lit.toPython()) if isinstance(lit, Literal) else None
    except (TypeError, ValueError):
        return None


def _statements(index: Index, titles: dict[str, str]) -> dict[tuple, list[dict[str, Any]]]:
    """Evidence of every rdf:Statement, keyed by the (subject, predicate, object) it supports."""
    found: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for st, preds in index.items():
        if _STATEMENT not in preds.get(_TYPE, ()):
            continue
        s, p, o = (_one(index, st, _SUBJECT), _one(index, st, _PREDICATE), _one(index, st, _OBJECT))
        if s is None or p is None or o is None:
            continue
        doc = _one(index, st, _DERIVED)
        text = _one(index, st, _EVIDENCE)
        conf = _one(index, st, _CONFIDENCE)
        rule = _one(index, st, _RULE)
        if doc is not None and str(doc) not in titles:
            titles[str(doc)] = _document_title(index, doc)
        try:
            confidence = float(conf.toPython()) if isinstance(conf, Literal) else None
        except (TypeError, ValueError):
            confidence = None
        found[(s, p, o)].append({
            "text": str(text) if text is not None else "",
            "document": str(doc) if doc is not None else "",
            "start": _number(_one(index, st, _START)),
            "end": _number(_one(index, st, _END)),
            "rule": str(rule) if rule is not None else "",
            "confidence": confidence,
        })
    for items in found.values():
        items.sort(key=lambda e: (e["document"], e["start"] if e["start"] is not None else -1,
                                  e["end"] if e["end"] is not None else -1, e["text"], e["rule"]))
    return found


def _entity_attrs(index: Index, node: URIRef, types: list[URIRef], tops: dict[URIRef, URIRef],
                  class_labels: dict[URIRef, dict[str, str]]) -> dict[str, Any]:
    preds = index.get(node, {})
    top = tops[types[0]]
    specific = sorted((t for t in types if t != tops[t]), key=str) or [top]
    sub = specific[0]
    zh = sorted(str(v) for v in preds.get(_PREF, ()) if isinstance(v, Literal) and _is_zh(v))
    if not zh:
        zh = sorted(str(v) for v in preds.get(_LABEL, ()) if isinstance(v, Literal) and not _is_pinyin(v))
    label = zh[0] if zh else _local(str(node))
    pinyin = sorted(str(v) for v in preds.get(_PREF, ()) if isinstance(v, Literal) and _is_pinyin(v))
    aliases = sorted({str(v) for v in preds.get(_ALT, ())
                      if isinstance(v, Literal) and not _is_pinyin(v)} - {label})
    return {
        "label": label,
        "aliases": aliases,
        "pinyin": pinyin[0] if pinyin else "",
        "class": _local(str(top)),
        "class_label": class_labels.get(top, {}).get("zh", _local(str(top))),
        "subclass": _local(str(sub)),
        "subclass_label": class_labels.get(sub, {}).get("zh", _local(str(sub))),
        "documents": sorted({str(d) for d in preds.get(_MENTIONED, ())}),
    }


def entity_network(graph: Graph) -> nx.MultiDiGraph:
    """The entity graph: node = entity IRI, edge = relation (key = predicate local name).

    Node attributes: label, aliases, pinyin, class (top class), class_label,
    subclass, subclass_label, documents, facts (numbers and dates with
    evidence), roles (titles from org:Membership).  Edge attributes:
    predicate, label_zh, label_en, symmetric, evidence (list of dicts with
    text, document, start, end, rule, confidence).  `G.graph` holds
    `documents` ({IRI: title}), `predicates` and `classes` ({IRI: labels}).
    """
    index = _index(graph)
    tops = top_classes(graph, index)
    class_labels = {cls: _labels(index, cls) for cls in tops}
    types: dict[URIRef, list[URIRef]] = {}
    titles: dict[str, str] = {}
    symmetric: set[Node] = set()
    for node, preds in index.items():
        classes = preds.get(_TYPE, ())
        if isinstance(node, URIRef):
            found = sorted({c for c in classes if c in tops}, key=lambda c: (c != tops[c], str(c)))
            if found:
                types[node] = found  # type: ignore[assignment]
            if _DOCUMENT in classes:
                titles[str(node)] = _document_title(index, node)
        if _SYMMETRIC in classes:
            symmetric.add(node)
    evidence = _statements(index, titles)

    G = nx.MultiDiGraph()
    for node in sorted(types, key=str):
        attrs = _entity_attrs(index, node, types[node], tops, class_labels)
        for doc in attrs["documents"]:
            if doc not in titles:
                titles[doc] = _document_title(index, URIRef(doc))
        G.add_node(str(node), **attrs, facts=[], roles=[])

    predicates: dict[str, dict[str, str]] = {}
    triples = []
    for node in types:
        for p, objects in index[node].items():
            if p == _TYPE:
                continue
            for o in objects:
                if o in types:
                    triples.append((node, p, o))
                elif isinstance(o, Literal) and str(p).startswith(str(ZGC)):
                    labels = predicates.setdefault(str(p), _labels(index, p))
                    G.nodes[str(node)]["facts"].append({
                        "property": _local(str(p)), "label_zh": labels.get("zh", _local(str(p))),
                        "value": str(o), "evidence": evidence.get((node, p, o), []),
                    })
    for s, p, o in sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        labels = predicates.setdefault(str(p), _labels(index, p))
        G.add_edge(str(s), str(o), key=_local(str(p)), predicate=str(p),
                   label_zh=labels.get("zh", _local(str(p))), label_en=labels.get("en", _local(str(p))),
                   symmetric=p in symmetric, evidence=evidence.get((s, p, o), []))
    _add_roles(G, index, evidence)
    for _node, data in G.nodes(data=True):
        data["facts"].sort(key=lambda f: (f["property"], f["value"]))
    G.graph.update(
        documents=dict(sorted(titles.items())),
        predicates=dict(sorted(predicates.items())),
        classes={str(c): class_labels.get(c, {}) for c in sorted(tops, key=str)},
    )
    return G


def _add_roles(G: nx.MultiDiGraph, index: Index, evidence: dict[tuple, list[dict[str, Any]]]) -> None:
    """Titles kept on org:Membership nodes, attached to the person as `roles`."""
    members = [m for m, preds in index.items() if _MEMBERSHIP in preds.get(_TYPE, ())]
    for m in sorted(members, key=str):
        person = _one(index, m, _MEMBER)
        if person is None or str(person) not in G:
            continue
        org = _one(index, m, _ORGANIZATION)
        titles: list[Node | None] = sorted(index[m].get(_ROLE_TITLE, ()), key=str) or [None]
        for title in titles:
            G.nodes[str(person)]["roles"].append({
                "title": str(title) if title is not None else "",
                "organisation": str(org) if org is not None and str(org) in G else "",
                "evidence": evidence.get((m, _ROLE_TITLE, title), []) if title is not None else [],
            })
    for _node, data in G.nodes(data=True):
        data["roles"].sort(key=lambda r: (r["organisation"], r["title"]))


# -- analytics -----------------------------------------------------------------
@dataclass(frozen=True)
class Centrality:
    node: str
    label: str
    cls: str
    degree: int            # distinct neighbours (undirected, simple)
    betweenness: float     # normalised


@dataclass(frozen=True)
class Component:
    size: int
    nodes: tuple[str, ...]  # most connected first


def relation_count(G: nx.MultiDiGraph) -> int:
    """Relations as a reader counts them: a symmetric pair (A partnerOf B, B partnerOf A) is one."""
    seen = set()
    for s, o, key, data in G.edges(keys=True, data=True):
        seen.add((min(s, o), max(s, o), key) if data.get("symmetric") else (s, o, key))
    return len(seen)


def simple_projection(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per connected pair: what 'central' and 'connected' mean here."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes))
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def centrality(G: nx.MultiDiGraph) -> dict[str, Centrality]:
    """Degree and betweenness on the simple projection; betweenness is sampled on large graphs.

    The sample is seeded, so the numbers are the same on every run.
    """
    U = simple_projection(G)
    k = BETWEENNESS_SAMPLES if len(U) > BETWEENNESS_EXACT_LIMIT else None
    between = nx.betweenness_centrality(U, k=k, seed=0 if k else None, normalized=True)
    return {n: Centrality(n, G.nodes[n]["label"], G.nodes[n]["class"], U.degree(n), between[n]) for n in U}


def ranked(scores: dict[str, Centrality], cls: str | None = None, top: int = 10) -> list[Centrality]:
    """The `top` most central entities (of class `cls`): by degree, then betweenness, then name."""
    rows = [c for c in scores.values() if cls is None or c.cls == cls]
    rows.sort(key=lambda c: (-c.degree, -c.betweenness, c.label, c.node))
    return rows[:top]


def components(G: nx.MultiDiGraph) -> list[Component]:
    """Connected components (ignoring direction), largest first."""
    U = simple_projection(G)
    found = []
    for nodes in nx.connected_components(U):
        ordered = sorted(nodes, key=lambda n: (-U.degree(n), G.nodes[n]["label"], n))
        found.append(Component(len(ordered), tuple(ordered)))
    found.sort(key=lambda c: (-c.size, G.nodes[c.nodes[0]]["label"]))
    return found


def fold(text: str) -> str:
    """Compare names loosely: NFKC, case and pinyin tone marks ignored."""
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def names_of(data: dict[str, Any]) -> list[str]:
    return [data["label"], *data.get("aliases", ()), *([data["pinyin"]] if data.get("pinyin") else [])]


def find_entities(G: nx.MultiDiGraph, name: str) -> list[str]:
    """Entities whose label, alias or pinyin equals `name` (loosely), preferred labels first."""
    key = fold(name)
    if not key:
        return []
    by_label = sorted(n for n, d in G.nodes(data=True) if fold(d["label"]) == key)
    if by_label:
        return by_label
    return sorted(n for n, d in G.nodes(data=True) if any(fold(x) == key for x in names_of(d)) or n == name)


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The one entity called `name`, or an `EntityNotFound` saying what was found instead."""
    found = find_entities(G, name)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        labels = ", ".join(f"{G.nodes[n]['label']} <{n}>" for n in found[:5])
        raise EntityNotFound(f"'{name}' names {len(found)} entities: {labels}; give the full name")
    key = fold(name)
    near = sorted({d["label"] for _n, d in G.nodes(data=True) if key and any(key in fold(x) for x in names_of(d))})
    hint = f" (did you mean: {', '.join(near[:5])}?)" if near else ""
    raise EntityNotFound(f"no entity named '{name}' in the graph{hint}")


def neighbourhood(G: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The entities within `depth` relations of the entity called `name`, and the relations among them."""
    if depth < 0:
        raise ZgcError(f"depth must be 0 or more, got {depth}")
    centre = find_entity(G, name)
    reach = nx.single_source_shortest_path_length(simple_projection(G), centre, cutoff=depth)
    sub = G.subgraph(sorted(reach)).copy()
    sub.graph["centre"] = centre
    return sub


# -- layout --------------------------------------------------------------------
def layout(G: nx.Graph | nx.MultiDiGraph, *, seed: int = 7, spacing: float = 1.0) -> dict[str, tuple[float, float]]:
    """Deterministic positions for every node; `spacing` is the natural edge length.

    Components are laid out apart and then packed in rows, largest first.
    Each component is laid out multilevel: leaves fold into their neighbour and
    matched pairs merge until the graph is small, the small graph gets a full
    force layout, and each finer level starts from its parent's position and
    only needs a few refining steps.  Repulsion is exact within two natural
    lengths (a grid finds the pairs) and comes from the centroids of a coarse
    grid beyond, so a step costs O(nodes), not O(nodes²).  numpy is imported
    here, not at module level, to keep `zgc-graph` quick to start.
    """
    import numpy as np

    nodes = sorted(G.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    comp = _component_labels(n, edges)
    pos = _multilevel(n, edges, comp, rng)
    pos = _pack(pos, comp)
    return {v: (float(pos[i, 0] * spacing), float(pos[i, 1] * spacing)) for i, v in enumerate(nodes)}


def _component_labels(n: int, edges: Any) -> Any:
    import numpy as np

    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for u, v in edges.tolist():
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    roots = [root(i) for i in range(n)]
    relabel = {r: k for k, r in enumerate(sorted(set(roots)))}
    return np.array([relabel[r] for r in roots], dtype=np.int64)


def _coarsen(n: int, edges: Any, rng: Any) -> Any:
    """Parent of every node one level up: leaves fold into their neighbour, then a matching."""
    import numpy as np

    adj: list[list[int]] = [[] for _ in range(n)]
    for u, v in edges.tolist():
        adj[u].append(v)
        adj[v].append(u)
    deg = np.array([len(a) for a in adj])
    group = np.full(n, -1, dtype=np.int64)
    next_id = 0
    for i in np.argsort(-deg, kind="stable").tolist():
        leaves = [j for j in adj[i] if deg[j] == 1 and group[j] < 0]
        if deg[i] > 1 and leaves and group[i] < 0:
            group[i] = next_id
            group[leaves] = next_id
            next_id += 1
    order = np.lexsort((rng.random(n), deg)).tolist()
    for i in order:
        if group[i] >= 0:
            continue
        free = [j for j in adj[i] if group[j] < 0 and j != i]
        group[i] = next_id
        if free:
            group[min(free, key=lambda j: (deg[j], j))] = next_id
        next_id += 1
    return group


def _multilevel(n: int, edges: Any, comp: Any, rng: Any) -> Any:
    import numpy as np

    levels = []  # (parent map, edges of the finer level, mean weight of the finer level)
    cur_n, cur_edges, cur_weight = n, edges, np.ones(n)
    sizes = np.bincount(comp)
    while cur_n > max(100, 1.05 * len(sizes)):
        parent = _coarsen(cur_n, cur_edges, rng)
        coarse_n = int(parent.max()) + 1
        if coarse_n > 0.85 * cur_n:
            break
        levels.append((parent, cur_edges, float(cur_weight.mean())))
        coarse = parent[cur_edges]
        coarse = coarse[coarse[:, 0] != coarse[:, 1]]
        cur_edges = np.unique(np.sort(coarse, axis=1), axis=0).reshape(-1, 2) if len(coarse) else coarse
        cur_weight = np.bincount(parent, weights=cur_weight, minlength=coarse_n)
        cur_n = coarse_n
    comps = [comp]
    for parent, _e, _w in levels:
        up = np.zeros(int(parent.max()) + 1, dtype=np.int64)
        up[parent] = comps[-1]
        comps.append(up)
    # The coarsest level: every component around its own centre, far from the others.
    centres = _spread_centres(sizes)
    k = math.sqrt(float(cur_weight.mean()))
    start = centres[comps[-1]] + _disc(rng, cur_n) * np.sqrt(sizes[comps[-1]])[:, None] * 0.7
    pos = _force(start, cur_edges, comps[-1], centres, sizes, k, iterations=60, temperature=3.0 * k)
    for depth in range(len(levels) - 1, -1, -1):
        parent, fine_edges, mean_weight = levels[depth]
        k = math.sqrt(mean_weight)
        pos = _prolong(pos, parent, k, rng)
        pos = _force(pos, fine_edges, comps[depth], centres, sizes, k, iterations=30 if depth else 40,
                     temperature=1.5 * k)
    return pos


def _disc(rng: Any, count: int) -> Any:
    import numpy as np

    angle = rng.random(count) * 2 * math.pi
    r = np.sqrt(rng.random(count))
    return np.stack([np.cos(angle) * r, np.sin(angle) * r], axis=1)


def _prolong(pos: Any, parent: Any, k: float, rng: Any) -> Any:
    """Children start on a sunflower spiral around their parent, one natural length apart."""
    import numpy as np

    order = np.argsort(parent, kind="stable")
    counts = np.bincount(parent)
    starts = np.cumsum(counts) - counts
    rank = np.empty(len(parent), dtype=np.int64)
    rank[order] = np.arange(len(parent)) - np.repeat(starts, counts)
    theta = rank * math.pi * (3 - math.sqrt(5)) + rng.random(len(parent)) * 0.5
    r = 0.6 * k * np.sqrt(rank + 0.3)
    return pos[parent] + np.stack([np.cos(theta) * r, np.sin(theta) * r], axis=1)


def _spread_centres(sizes: Any) -> Any:
    """Component centres on a line, far enough apart never to touch while they are laid out."""
    import numpy as np

    extent = 3.0 * np.sqrt(sizes) + 4.0
    y = np.cumsum(extent) - extent / 2
    return np.stack([np.zeros(len(sizes)), y], axis=1)


def _close_pairs(pos: Any, reach: float) -> tuple[Any, Any]:
    """All pairs (i < j) closer than about `reach`, found through a grid of `reach`-sized cells."""
    import numpy as np

    cell = np.floor(pos / reach).astype(np.int64)
    cell -= cell.min(axis=0)
    width = int(cell[:, 1].max()) + 3
    key = (cell[:, 0] + 1) * width + cell[:, 1] + 1
    order = np.argsort(key, kind="stable")
    skeys = key[order]
    firsts, seconds = [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
        target = key + dx * width + dy
        lo = np.searchsorted(skeys, target, "left")
        hi = np.searchsorted(skeys, target, "right")
        counts = hi - lo
        total = int(counts.sum())
        if total == 0:
            continue
        i = np.repeat(np.arange(len(pos)), counts)
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        j = order[np.repeat(lo, counts) + within]
        keep = i < j if (dx, dy) == (0, 0) else np.ones(total, dtype=bool)
        firsts.append(i[keep])
        seconds.append(j[keep])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(firsts), np.concatenate(seconds)


def _force(pos: Any, edges: Any, comp: Any, centres: Any, sizes: Any, k: float, *, iterations: int,
           temperature: float) -> Any:
    """Fruchterman-Reingold: exact repulsion within 2k (grid), cell centroids beyond (large components).

    Repulsion grows with the square root of degree (as in ForceAtlas2, tempered)
    so hubs keep their neighbours, and their labels, at a readable distance.
    A weak pull towards each component's own centre keeps components round
    and apart while they are laid out; `_pack` places them afterwards.
    """
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    pos = pos.copy()
    degree = np.bincount(edges.ravel(), minlength=n) if len(edges) else np.zeros(n)
    weight = np.sqrt((degree + 1) / 2.0)
    span = np.sqrt(sizes[comp])[:, None]
    reach = 2.0 * k
    members = [np.nonzero(comp == c)[0] for c in np.unique(comp) if np.count_nonzero(comp == c) >= FAR_FIELD_MIN]
    cool = (0.05 * k / temperature) ** (1.0 / max(iterations - 1, 1))
    far = np.zeros_like(pos)
    for step in range(iterations):
        disp = np.zeros_like(pos)
        i, j = _close_pairs(pos, reach)
        if len(i):
            delta = pos[i] - pos[j]
            d2 = np.maximum((delta ** 2).sum(axis=1), 1e-6 * k * k)
            push = np.where(d2 < reach * reach, k * k * weight[i] * weight[j] / d2, 0.0)[:, None] * delta
            disp += _scatter(n, i, push) - _scatter(n, j, push)
        if step % 3 == 0:  # far-away mass moves slowly: refresh it every third step
            for idx in members:
                far[idx] = _far_field(pos[idx], weight[idx], k, reach)
        disp += far
        if len(edges):
            u, v = edges[:, 0], edges[:, 1]
            delta = pos[u] - pos[v]
            pull = (np.sqrt((delta ** 2).sum(axis=1)) / k)[:, None] * delta
            disp += _scatter(n, v, pull) - _scatter(n, u, pull)
        disp -= 0.1 * k * (pos - centres[comp]) / span
        length = np.sqrt(np.maximum((disp ** 2).sum(axis=1), 1e-12))[:, None]
        pos += disp / length * np.minimum(length, temperature)
        temperature *= cool
    return pos


FAR_FIELD_MIN = 48   # components smaller than this only feel repulsion within 2k
FAR_FIELD_CELLS = 16


def _far_field(pos: Any, weight: Any, k: float, reach: float) -> Any:
    """Repulsion from the weighted centroids of a coarse grid's cells, ignoring the node's own cell."""
    import numpy as np

    lo = pos.min(axis=0)
    size = max(float((pos.max(axis=0) - lo).max()) / FAR_FIELD_CELLS, reach)
    cell = np.minimum(((pos - lo) / size).astype(np.int64), FAR_FIELD_CELLS - 1)
    key = cell[:, 0] * FAR_FIELD_CELLS + cell[:, 1]
    mass = np.bincount(key, weights=weight, minlength=FAR_FIELD_CELLS ** 2)
    occupied = np.nonzero(mass)[0]
    m = mass[occupied]
    centroid = np.stack([np.bincount(key, weights=pos[:, 0] * weight, minlength=mass.size)[occupied] / m,
                         np.bincount(key, weights=pos[:, 1] * weight, minlength=mass.size)[occupied] / m], axis=1)
    dx = pos[:, 0:1] - centroid[None, :, 0]
    dy = pos[:, 1:2] - centroid[None, :, 1]
    force = (k * k) * weight[:, None] * m[None, :] / np.maximum(dx * dx + dy * dy, reach * reach)
    force[key[:, None] == occupied[None, :]] = 0.0
    return np.stack([(force * dx).sum(axis=1), (force * dy).sum(axis=1)], axis=1)


def _scatter(n: int, index: Any, values: Any) -> Any:
    """Sum rows of `values` into `n` rows by `index` (bincount: much faster than np.add.at)."""
    import numpy as np

    return np.stack([np.bincount(index, weights=values[:, 0], minlength=n),
                     np.bincount(index, weights=values[:, 1], minlength=n)], axis=1)


def _pack(pos: Any, comp: Any) -> Any:
    """Components in rows (largest first), each moved by its bounding box, with a gap between."""
    import numpy as np

    count = int(comp.max()) + 1
    lo = np.full((count, 2), np.inf)
    hi = np.full((count, 2), -np.inf)
    np.minimum.at(lo, comp, pos)
    np.maximum.at(hi, comp, pos)
    size = hi - lo + 1.5
    order = sorted(range(count), key=lambda c: (-size[c, 0] * size[c, 1], c))
    row_width = max(float(np.sqrt((size[:, 0] * size[:, 1]).sum()) * 1.15), float(size[:, 0].max()))
    offset = np.zeros((count, 2))
    x = y = row_height = 0.0
    for c in order:
        if x > 0 and x + size[c, 0] > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        offset[c] = (x - lo[c, 0], y - lo[c, 1])
        x += size[c, 0]
        row_height = max(row_height, size[c, 1])
    out = pos + offset[comp]
    return out - (out.min(axis=0) + out.max(axis=0)) / 2


def top_central_nodes(G: nx.MultiDiGraph, count: int) -> list[str]:
    """The `count` entities with most distinct neighbours (ties: name), for --max-nodes."""
    U = simple_projection(G)
    return sorted(U, key=lambda n: (-U.degree(n), G.nodes[n]["label"], n))[:count]


def degree_scores(G: nx.MultiDiGraph) -> dict[str, float]:
    """networkx degree centrality on the simple projection: sizes the explorer's nodes."""
    return nx.degree_centrality(simple_projection(G)) if len(G) > 1 else {n: 0.0 for n in G}


def iter_relations(G: nx.MultiDiGraph) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    """(subject, object, key, data) in a stable order."""
    return sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))
