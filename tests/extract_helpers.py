"""Run the extractor on a paragraph written in a test."""
from __future__ import annotations

from pathlib import Path

from zgc_graph import api
from zgc_graph.models import Corpus


def extract(tmp_path: Path, text: str, name: str = "para.txt") -> Corpus:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    corpus, skipped = api.extract_corpus([path])
    assert not skipped
    return corpus


def types(corpus: Corpus) -> dict[str, str]:
    return {label: e.type.value for label, e in corpus.entities.items()}


def triples(corpus: Corpus) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in corpus.relations}


def entity_named(corpus: Corpus, name: str):
    for entity in corpus.entities.values():
        if name in entity.names:
            return entity
    raise AssertionError(f"no entity named {name}: {sorted(corpus.entities)}")
