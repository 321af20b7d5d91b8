"""Generalisation: paragraphs the extractor has never seen, each built on its own.

Every `tests/generalisation/*.yaml` holds a short paragraph (`text`) written in
the register of Chinese tech-policy news about organisations, people and
policies that are not in the seed article, annotated in the gold format that
`zgc-graph evaluate` reads, plus `must_not` (entities, relations and attribute
values a careful reader would never state).

Thresholds per paragraph.  Issue 3 asks that the paragraphs "pass" with the
facts "the extractor must find"; its seed targets are 0.95 core entity recall,
0.90 precision, 0.85 core relation recall.  A paragraph has only 3-10 core
entities and 1-7 core relations, so one miss moves a figure by 10-30 points:
the floors below allow about one miss per paragraph, never a pattern missed
wholesale.  A paragraph with nothing to count on a figure (total 0) passes it.
- core entity recall >= 0.8, entity precision >= 0.8, type accuracy >= 0.8
- core relation recall >= 0.7, relation precision >= 0.8
- core attribute recall >= 0.7 (numbers, dates and role titles are facts too)
- no split entities (a short name or 以下简称 must join its full name: the
  issue's alias resolution), and no `must_not` item in the graph.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from zgc_graph import api
from zgc_graph.evaluate import evaluate, format_report, load_gold

HERE = Path(__file__).parent / "generalisation"
PARAGRAPHS = sorted(HERE.glob("*.yaml"))

THRESHOLDS = {
    "entity_recall_core": 0.8,
    "entity_precision": 0.8,
    "type_accuracy": 0.8,
    "relation_recall_core": 0.7,
    "relation_precision": 0.8,
    "attribute_recall_core": 0.7,
}


def _text(path: Path) -> str:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["text"].strip()


def test_there_are_enough_paragraphs():
    assert len(PARAGRAPHS) >= 18


@pytest.mark.parametrize("path", PARAGRAPHS, ids=lambda p: p.stem)
def test_annotation_is_consistent_with_its_paragraph(path: Path):
    """The gold must describe its own text: evidence verbatim, every entity named in it."""
    text = _text(path)
    sentences = re.findall(r"[。！？]”?", text)
    assert 2 <= len(sentences) <= 5, f"{len(sentences)} sentences"
    gold = load_gold(path)  # also checks that relations name gold entities
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in [*raw.get("relations", []), *raw.get("attributes", [])]:
        for evidence in [item["evidence"], *item.get("alt_evidence", [])]:
            assert evidence in text, f"evidence not in text: {evidence}"
    flat = re.sub(r"[《》“”\s]", "", text)
    for entity in gold.entities:
        assert any(re.sub(r"[《》“”\s]", "", n) in flat for n in (entity.label, *entity.aliases)), entity.label
    assert gold.must_not_entities or gold.must_not_relations, "say what must not be invented"


@pytest.mark.parametrize("path", PARAGRAPHS, ids=lambda p: p.stem)
def test_paragraph_is_extracted(path: Path, tmp_path: Path):
    source = tmp_path / f"{path.stem}.txt"
    source.write_text(_text(path) + "\n", encoding="utf-8")
    build = api.build([source], tmp_path / "out", formats=("turtle",))
    report = evaluate(path, build.outputs["turtle"])
    failures = [f"{name} {getattr(report, name)} < {floor}" for name, floor in THRESHOLDS.items()
                if getattr(report, name).total and getattr(report, name).value < floor]
    failures += [f"split: {s.gold_label}" for s in report.split_entities]
    failures += [f"must_not: {v}" for v in report.must_not_violations]
    assert not failures, "; ".join(failures) + "\n\n" + format_report(report, show=True)
