"""Driving Debian's Jena 4.5 from Python: the classpath, the Xerces fix, and errors as one line."""
from __future__ import annotations

from pathlib import Path

import pytest

from zgc_graph.interop import jena

DATA = """@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/id/yunling-lab> <https://example.org/p/founded> "2019-04-01"^^xsd:date ;
    <https://example.org/p/staff> 120 ;
    <https://example.org/p/name> "云岭实验室"@zh , "Yúnlǐng Shíyànshì"@zh-Latn-pinyin .
"""


@pytest.fixture(scope="module", autouse=True)
def _jena_required() -> None:
    reason = jena.jena_missing()
    if reason:
        pytest.fail(f"Apache Jena is required: {reason}", pytrace=False)


@pytest.fixture()
def ttl(tmp_path: Path) -> Path:
    path = tmp_path / "lab.ttl"
    path.write_text(DATA, encoding="utf-8")
    return path


def test_typed_literals_work_thanks_to_the_xerces_bundle_fix(ttl: Path) -> None:
    # Without the relocated message bundles, any xsd:date/xsd:integer dies in XSDDatatype.<clinit>.
    rows = jena.arq_select(ttl, "SELECT ?o WHERE { ?s ?p ?o FILTER(datatype(?o) = <http://www.w3.org/2001/XMLSchema#date>) }")
    assert rows == [{"o": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#date",
                           "value": "2019-04-01"}}]


def test_riot_reports_a_clean_file_as_clean(ttl: Path) -> None:
    assert jena.riot_validate(ttl) == ([], [])


def test_riot_reports_warnings_and_errors_it_finds(tmp_path: Path) -> None:
    shaky = tmp_path / "shaky.ttl"
    shaky.write_text('<https://example.org/a> <https://example.org/n> "十二"^^<http://www.w3.org/2001/XMLSchema#integer> .\n',
                     encoding="utf-8")
    errors, warnings = jena.riot_validate(shaky)
    assert errors == [] and len(warnings) == 1 and "not valid for datatype" in warnings[0]
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/a b> <https://example.org/n> 1 .\n", encoding="utf-8")
    errors, _ = jena.riot_validate(broken)
    assert len(errors) == 1 and "IRI" in errors[0]


def test_tdb2_database_answers_like_arq(ttl: Path, tmp_path: Path) -> None:
    db = tmp_path / "db"
    jena.tdb2_load(ttl, db)
    query = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"
    assert sorted(map(str, jena.tdb2_select(db, query))) == sorted(map(str, jena.arq_select(ttl, query)))
    assert jena.tdb2_select(db, 'ASK { ?s ?p "云岭实验室"@zh }') == [{}]
    assert jena.tdb2_select(db, 'ASK { ?s ?p "云岭"@zh }') == []


def test_a_malformed_query_is_one_clear_error(ttl: Path) -> None:
    with pytest.raises(jena.JenaError) as err:
        jena.arq_select(ttl, "SELECT ?s WHERE { ?s ?p }")
    assert "arq.sparql failed" in str(err.value) and "\n" not in str(err.value)


def test_missing_jars_are_named_with_the_install_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(jena.JAR_DIR_ENV, str(tmp_path))
    reason = jena.jena_missing()
    assert reason is not None and "jena-arq" in reason and "apt-get install" in reason
    assert not jena.jena_available()
    with pytest.raises(jena.JenaError, match="Jena jars missing"):
        jena.arq_select(tmp_path / "any.ttl", "ASK {}")


def test_the_fix_lives_outside_the_repository() -> None:
    first = Path(jena.classpath().split(":")[0])
    repo = Path(__file__).resolve().parents[1]
    assert first.is_file() and repo not in first.resolve().parents
