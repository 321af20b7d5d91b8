"""`zgc-graph validate`: exit codes and what the user reads."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from validate_fixtures import ZGC, conforming_graph, iri
from zgc_graph.cli import main
from zgc_graph.errors import GraphFileError, ValidationFailed


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def _write(path: Path, graph) -> Path:
    path.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    return path


def test_conforming_graph_exits_zero(runner, tmp_path):
    path = _write(tmp_path / "zgc.ttl", conforming_graph())
    result = runner.invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{path}: conforms to the shapes ({len(conforming_graph())} triples)"


def test_violations_are_listed_one_per_line_and_exit_non_zero(runner, tmp_path):
    g = conforming_graph()
    g.remove((iri("xinghe"), ZGC.mentionedIn, None))
    g.remove((iri("lin"), ZGC.mentionedIn, None))
    path = _write(tmp_path / "zgc.ttl", g)
    result = runner.invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code == ValidationFailed.exit_code
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("星河集团 | zgc:mentionedIn | an entity needs zgc:mentionedIn")
    assert lines[1].startswith("林晓峰 | zgc:mentionedIn | ")
    assert str(iri("xinghe")) in lines[0]  # the IRI too, to find the node in the file
    assert result.stderr.strip() == f"error: {path}: 2 violations on 2 nodes ({len(g)} triples)"


def test_missing_graph_is_one_line_on_stderr(runner, tmp_path):
    missing = tmp_path / "out" / "zgc.ttl"
    result = runner.invoke(main, ["validate", "--graph", str(missing)])
    assert result.exit_code == GraphFileError.exit_code
    assert result.stdout == ""
    assert result.stderr == f"error: graph file not found: {missing}\n"


def test_unparseable_graph_is_one_line_on_stderr(runner, tmp_path):
    path = tmp_path / "zgc.ttl"
    path.write_text("<not turtle", encoding="utf-8")
    result = runner.invoke(main, ["validate", "--graph", str(path)])
    assert result.exit_code == GraphFileError.exit_code
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"error: graph file does not parse: {path}: ")


def test_default_graph_is_out_zgc_ttl(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == GraphFileError.exit_code
    assert result.stderr == f"error: graph file not found: {Path('out/zgc.ttl')}\n"
    Path("out").mkdir()
    _write(Path("out/zgc.ttl"), conforming_graph())
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0
    assert "conforms" in result.stdout


def test_help_names_the_option(runner):
    result = runner.invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    assert "--graph" in result.output and "out/zgc.ttl" in result.output
