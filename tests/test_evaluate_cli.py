"""`zgc-graph evaluate` as a user runs it: text, --show, --json, and bad input."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from zgc_graph.cli import main
from evaluate_fixtures import GOLD, perfect, turtle


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold.yaml"
    gold.write_text(GOLD, encoding="utf-8")
    spec = perfect()
    del spec["entities"]["kw"]
    spec["entities"]["city"] = ("GovernmentBody", "云岭市", [])
    graph = tmp_path / "zgc.ttl"
    graph.write_text(turtle(spec), encoding="utf-8")
    return gold, graph


def invoke(*args: str):
    return CliRunner().invoke(main, ["evaluate", *args])


def test_prints_the_figures(files):
    gold, graph = files
    result = invoke(str(gold), "--graph", str(graph))
    assert result.exit_code == 0, result.output
    assert "entity precision          0.875 (7/8)" in result.output
    assert "entity recall (all)       0.875 (7/8)" in result.output
    assert "false-positive" not in result.output


def test_show_lists_misses_and_false_positives(files):
    gold, graph = files
    result = invoke(str(gold), "--graph", str(graph), "--show")
    assert result.exit_code == 0, result.output
    assert "missed other entities (1):\n  云岭市科委 [Organisation]" in result.output
    assert "false-positive entities (1):\n  云岭市 [Organisation]" in result.output
    assert "(excluded: places)" in result.output


def test_json_is_machine_readable(files):
    gold, graph = files
    result = invoke(str(gold), "--graph", str(graph), "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["figures"]["entity_precision"] == {"value": 0.875, "hits": 7, "total": 8}
    assert doc["details"]["false_positive_entities"][0]["label"] == "云岭市"


def test_default_graph_is_out_zgc_ttl(files, tmp_path, monkeypatch):
    gold, graph = files
    (tmp_path / "out").mkdir()
    graph.rename(tmp_path / "out" / "zgc.ttl")
    monkeypatch.chdir(tmp_path)
    result = invoke(str(gold))
    assert result.exit_code == 0, result.output
    assert "graph: out/zgc.ttl" in result.output


@pytest.mark.parametrize("which, expected", [("gold", "error: gold file not found: "),
                                             ("graph", "error: graph file not found: ")])
def test_missing_file_is_one_line_and_non_zero(files, tmp_path, which, expected):
    gold, graph = files
    missing = tmp_path / "nope.yaml"
    args = [str(missing), "--graph", str(graph)] if which == "gold" else [str(gold), "--graph", str(missing)]
    result = invoke(*args)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected) and str(missing) in lines[0]


def test_graph_that_does_not_parse_is_one_line(files):
    gold, graph = files
    graph.write_text("this is not turtle <", encoding="utf-8")
    result = invoke(str(gold), "--graph", str(graph))
    assert result.exit_code != 0
    assert result.output.startswith("error: graph file does not parse: ") and result.output.count("\n") == 1
