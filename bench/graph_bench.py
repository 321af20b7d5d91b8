"""Benchmark: build, Turtle writing and canned queries on a synthetic graph.

Invented organisations and consortia (random syllables from a fixed set),
N relations, each with its own evidence sentence, built with the project's
own builder.  Reports seconds for build_graph, our Turtle writer, rdflib's
own Turtle serializer (for comparison, skip with --no-rdflib-serializer),
`load_store`, and each canned query with rdflib and with the Oxigraph store.

    .venv/bin/python bench/graph_bench.py [--entities 2000] [--relations 3000]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from rdflib import Graph

from zgc_graph.export.turtle import serialize_turtle
from zgc_graph.graph.build import build_graph
from zgc_graph.models import Corpus, DocumentMetadata, Entity, EntityType, Evidence, Relation, SourceDocument
from zgc_graph.queries import get_canned, list_canned
from zgc_graph.query import query_graph
from zgc_graph.store import load_store, open_for_query, query_store

SYLLABLES = "星河华北东岭南湖青松远航启明云帆智联数科恒通卓越新元天工"
SUFFIXES = ["科技有限公司", "研究院", "大学", "集团"]


def make_corpus(n_entities: int, n_relations: int, seed: int = 7) -> Corpus:
    rng = random.Random(seed)
    labels: set[str] = set()
    while len(labels) < n_entities:
        labels.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5))) + rng.choice(SUFFIXES))
    orgs = sorted(labels)
    consortia = [f"{name[:4]}创新联合体" for name in orgs[: max(1, n_entities // 20)]]
    lines = []
    relations = []
    for i in range(n_relations):
        a = rng.choice(orgs)
        b = rng.choice(consortia)
        lines.append(f"{a}加入{b}。")
    text = "\n".join(lines) + "\n"
    doc = SourceDocument("bench-0000", "bench.txt", text, text, tuple(range(len(text))),
                         metadata=DocumentMetadata(title="基准文档"))
    pos = 0
    for line in lines:
        a, b = line[:-1].split("加入")
        relations.append(Relation(a, "memberOf", b, Evidence(doc.doc_id, line, pos, pos + len(line)), "bench", 0.8))
        pos += len(line) + 1
    entities = {o: Entity(o, EntityType.ORGANISATION, "Company", set(), {doc.doc_id}) for o in orgs}
    entities.update({c: Entity(c, EntityType.PLATFORM, "InnovationConsortium", set(), {doc.doc_id})
                     for c in consortia})
    return Corpus([doc], entities, relations, [], [])


def timed(func, *args):
    started = time.perf_counter()
    result = func(*args)
    return result, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entities", type=int, default=2000)
    ap.add_argument("--relations", type=int, default=3000)
    ap.add_argument("--no-rdflib-serializer", action="store_true")
    args = ap.parse_args()
    corpus = make_corpus(args.entities, args.relations)
    graph, t_build = timed(build_graph, corpus)
    text, t_ours = timed(serialize_turtle, graph)
    t_rdflib = None if args.no_rdflib_serializer else timed(graph.serialize, None, "turtle")[1]
    with tempfile.TemporaryDirectory() as tmp:
        ttl = Path(tmp) / "zgc.ttl"
        ttl.write_text(text, encoding="utf-8")
        _, t_load = timed(load_store, ttl)
        store = open_for_query(ttl, ttl.with_suffix(".oxigraph"))
        parsed, t_parse = timed(lambda: Graph().parse(ttl, format="turtle"))
        print(f"{len(graph)} triples: build {t_build:.2f} s, our Turtle {t_ours:.2f} s"
              + (f", rdflib Turtle {t_rdflib:.2f} s" if t_rdflib is not None else "")
              + f", rdflib parse {t_parse:.2f} s, Oxigraph load {t_load:.2f} s")
        for q in list_canned():
            sparql = get_canned(q.name, **{p: corpus.relations[0].subject for p in q.params})
            a, t_a = timed(query_graph, sparql, parsed)
            b, t_b = timed(query_store, sparql, store)
            same = "same" if a.rows == b.rows else "DIFFERENT"
            print(f"  {q.name:<24} {len(a.rows):>6} rows  rdflib {t_a:7.2f} s  oxigraph {t_b:6.3f} s  {same}")


if __name__ == "__main__":
    main()
