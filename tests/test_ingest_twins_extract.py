"""The same paragraph, however it is encoded or typeset, yields the same entities."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest_fixtures import CLEAN, FULLWIDTH, TRADITIONAL, write
from zgc_graph import api

# CLEAN cut by a column break inside 青石大学, with a photo caption set in between.
CUT = CLEAN.index("青石") + 2
BROKEN = f"{CLEAN[:CUT]}\n\n图为联合实验室一角。\n\n(记者 林晓 摄)\n\n{CLEAN[CUT:]}\n"

TWINS = {
    "gbk.txt": CLEAN.encode("gbk"),
    "bom.txt": b"\xef\xbb\xbf" + CLEAN.encode("utf-8"),
    "utf16.txt": CLEAN.encode("utf-16"),
    "traditional.txt": TRADITIONAL.encode("utf-8"),
    "traditional-big5.txt": TRADITIONAL.encode("big5"),
    "fullwidth.txt": FULLWIDTH.encode("utf-8"),
    "page-break.txt": BROKEN.encode("utf-8"),
    "page.html": f"<html><body><p>{CLEAN[:40]}<b>{CLEAN[40:80]}</b>\n{CLEAN[80:]}</p></body></html>".encode(),
}


def _labels(path: Path) -> tuple[set[tuple[str, str]], object]:
    corpus, skipped = api.extract_corpus([path])
    assert skipped == []
    return {(e.label, e.type.value) for e in corpus.entities.values()}, corpus


@pytest.fixture(scope="module")
def clean_labels(tmp_path_factory) -> set[tuple[str, str]]:
    labels, _ = _labels(write(tmp_path_factory.mktemp("clean") / "clean.txt", CLEAN.encode("utf-8")))
    assert {("青石大学", "Organisation"), ("周明远", "Person")} <= labels  # the extractor reads this text
    return labels


@pytest.mark.parametrize("name", sorted(TWINS))
def test_twin_gives_the_same_entities_and_evidence_quotes_the_file(tmp_path, clean_labels, name):
    labels, corpus = _labels(write(tmp_path / name, TWINS[name]))
    assert labels == clean_labels
    (doc,) = corpus.documents
    evidence = [r.evidence for r in corpus.relations] + [m.evidence for m in corpus.memberships]
    assert evidence
    for ev in evidence:
        assert doc.original[ev.char_start:ev.char_end] == ev.text
