"""`evaluate()` on small hand-made gold/graph pairs whose every figure is known."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from evaluate_fixtures import GOLD, perfect, turtle
from zgc_graph.evaluate import Ratio, evaluate, format_report, load_gold, normalise_name


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def run(gold: Path, spec: dict, gold_text: str | None = None):
    if gold_text is not None:
        gold.write_text(gold_text, encoding="utf-8")
    return evaluate(gold, Graph().parse(data=turtle(spec), format="turtle"))


def test_perfect_graph_scores_one_everywhere(gold):
    report = run(gold, perfect())
    assert {name: r.value for name, r in report.figures().items()} == dict.fromkeys(report.figures(), 1.0)
    assert report.entity_precision == Ratio(8, 8) and report.relation_recall == Ratio(6, 6)
    assert report.attribute_recall == Ratio(3, 3)
    assert not (report.split_entities or report.merged_entities or report.false_positive_entities
                or report.false_positive_relations or report.missed_relations or report.missed_attributes)
    assert all(f.precision.value == 1.0 and f.recall.value == 1.0 for f in report.per_type.values())


def test_missing_core_entity_lowers_recall_exactly(gold):
    spec = perfect()
    del spec["entities"]["zhao"]
    spec["relations"] = [r for r in spec["relations"] if "zhao" not in r]
    spec["memberships"] = []
    report = run(gold, spec)
    assert report.entity_recall_core == Ratio(6, 7)
    assert report.entity_recall == Ratio(7, 8)
    assert report.entity_precision == Ratio(7, 7)
    assert report.relation_recall_core == Ratio(4, 5)
    assert report.attribute_recall_core == Ratio(2, 3)
    assert [e.label for e in report.missed_entities] == ["赵一鸣"]
    assert report.per_type["Person"].recall == Ratio(0, 1)


def test_missing_non_core_entity_keeps_core_recall(gold):
    spec = perfect()
    del spec["entities"]["kw"]
    report = run(gold, spec)
    assert report.entity_recall_core == Ratio(7, 7)
    assert report.entity_recall == Ratio(7, 8)


def test_entity_split_into_two_iris_is_counted(gold):
    spec = perfect()
    spec["entities"]["xh"] = ("Company", "星河智能科技有限公司", [])
    spec["entities"]["xh2"] = ("Company", "星河智能", [])
    report = run(gold, spec)
    assert len(report.split_entities) == 1
    split = report.split_entities[0]
    assert split.gold_label == "星河智能科技有限公司"
    assert sorted(v.label for v in split.predicted) == ["星河智能", "星河智能科技有限公司"]
    assert report.entity_precision == Ratio(9, 9)  # both halves name a gold entity
    assert report.merged_entities == []


def test_two_gold_entities_in_one_iri_are_merged(gold):
    spec = perfect()
    del spec["entities"]["kw"]
    spec["entities"]["gov"] = ("GovernmentBody", "云岭市政府", ["云岭市科委"])
    report = run(gold, spec)
    assert [(m.predicted.label, m.gold_labels) for m in report.merged_entities] == [
        ("云岭市政府", ("云岭市政府", "云岭市科委"))]
    assert report.entity_recall == Ratio(8, 8)
    assert report.split_entities == []


def test_wrong_type_lowers_type_accuracy(gold):
    spec = perfect()
    spec["entities"]["park"] = ("Company", "云岭数字产业园", [])
    report = run(gold, spec)
    assert report.type_accuracy == Ratio(7, 8)
    assert report.entity_recall == Ratio(8, 8)  # found, only mistyped
    [wrong] = report.wrong_types
    assert (wrong.predicted.label, wrong.predicted.types, wrong.gold_types) == (
        "云岭数字产业园", ("Organisation",), ("Platform",))
    assert report.per_type["Platform"].recall == Ratio(1, 2)
    assert report.per_type["Organisation"].precision == Ratio(4, 5)


def test_alt_types_are_accepted(gold):
    spec = perfect()
    spec["entities"]["cons"] = ("Company", "云岭算力创新联合体", [])  # gold: Platform, alt Organisation
    assert run(gold, spec).type_accuracy == Ratio(8, 8)


def test_subclass_declared_in_the_graph_itself_reaches_its_top_class(gold):
    spec = perfect()
    spec["entities"]["park"] = ("HighTechZone", "云岭数字产业园", [])
    extra = "zgc:HighTechZone rdfs:subClassOf zgc:SciencePark .\n"
    report = evaluate(gold, Graph().parse(data=turtle(spec) + extra, format="turtle"))
    assert report.type_accuracy == Ratio(8, 8) and report.entity_precision == Ratio(8, 8)


def test_accept_objects_are_honoured(gold):
    spec = perfect()
    spec["relations"][-1] = ("law", "issuedBy", "kw")  # listed in accept_objects
    report = run(gold, spec)
    assert report.relation_recall == Ratio(6, 6) and report.relation_precision == Ratio(6, 6)
    spec["relations"][-1] = ("law", "issuedBy", "yu")  # not listed
    report = run(gold, spec)
    assert report.relation_recall == Ratio(5, 6) and report.relation_precision == Ratio(5, 6)
    assert [(r.subject, r.object) for r in report.false_positive_relations] == [("云岭市数字经济促进办法", "云岭大学")]


def test_accept_subjects_are_honoured(gold):
    text = GOLD.replace("{subject: 云岭大学, predicate: memberOf, object: 云岭算力创新联合体, core: true}",
                        "{subject: 云岭大学, predicate: memberOf, object: 云岭算力创新联合体, core: true, "
                        "accept_subjects: [云岭市科委]}")
    spec = perfect()
    spec["relations"][2] = ("kw", "memberOf", "cons")
    assert run(gold, spec, text).relation_recall == Ratio(6, 6)


def test_partner_of_is_symmetric_and_counted_once(gold):
    spec = perfect()
    spec["relations"][3] = ("xh", "partnerOf", "yu")  # gold states it the other way round
    report = run(gold, spec)
    assert report.relation_recall == Ratio(6, 6) and report.relation_precision == Ratio(6, 6)
    spec["relations"].append(("yu", "partnerOf", "xh"))  # both directions: still one relation
    report = run(gold, spec)
    assert report.relation_precision == Ratio(6, 6)


def test_other_predicates_are_directed(gold):
    spec = perfect()
    spec["relations"][0] = ("park", "locatedIn", "xh")
    report = run(gold, spec)
    assert report.relation_recall_core == Ratio(4, 5)
    assert report.relation_precision == Ratio(5, 6)
    assert report.missed_relations[0].predicate == "locatedIn"


def test_names_match_without_title_marks_quotes_or_spaces(gold):
    spec = perfect()
    spec["entities"]["law"] = ("PolicyDocument", "《云岭市数字经济促进办法》", [])
    spec["entities"]["cons"] = ("InnovationConsortium", "算力联合体", [])  # gold alias written “算力联合体”
    spec["entities"]["xh"] = ("Company", "星河 智能科技有限公司", [])
    report = run(gold, spec)
    assert report.entity_recall == Ratio(8, 8) and report.entity_precision == Ratio(8, 8)
    assert report.relation_recall == Ratio(6, 6)
    assert normalise_name("《关于“数智 云岭”的‘若干’措施》") == "关于数智云岭的若干措施"


def test_canonical_name_matches(gold):
    spec = perfect()
    spec["entities"]["gov"] = ("GovernmentBody", "云岭市人民政府", [])
    assert run(gold, spec).entity_recall == Ratio(8, 8)


def test_false_positive_entity_counts_and_excluded_reason_is_shown(gold):
    spec = perfect()
    spec["entities"]["city"] = ("GovernmentBody", "云岭市", [])
    spec["entities"]["noun"] = ("Company", "科技企业", [])
    report = run(gold, spec)
    assert report.entity_precision == Ratio(8, 10)
    assert {(v.label, v.why) for v in report.false_positive_entities} == {("云岭市", "places"), ("科技企业", "")}
    text = format_report(report, show=True)
    assert "false-positive entities (2):" in text and "(excluded: places)" in text


def test_relation_to_an_entity_outside_the_gold_is_a_false_positive(gold):
    spec = perfect()
    spec["entities"]["city"] = ("GovernmentBody", "云岭市", [])
    spec["relations"].append(("xh", "locatedIn", "city"))
    report = run(gold, spec)
    assert report.relation_precision == Ratio(6, 7)
    assert report.relation_recall == Ratio(6, 6)


def test_predicates_the_gold_never_uses_are_not_scored(gold):
    spec = perfect()
    spec["relations"].append(("kw", "subOrganizationOf", "gov"))
    report = run(gold, spec)
    assert report.relation_precision == Ratio(6, 6)
    assert report.unscored_relations == {"subOrganizationOf": 1}
    # …but a contract property is always scored, even when this gold file never uses it
    spec["relations"].append(("xh", "predecessorOf", "yu"))
    assert run(gold, spec).relation_precision == Ratio(6, 7)


def test_attribute_values_role_titles_and_dates(gold):
    spec = perfect()
    spec["memberships"] = [("zhao", "xh", "高级副总裁")]  # in accept_values
    assert run(gold, spec).attribute_recall == Ratio(3, 3)
    spec["memberships"] = [("zhao", "xh", "总裁")]
    spec["attributes"] = [("cons", "memberCount", '"16"^^xsd:integer'),
                          ("law", "issuedOn", '"2023-04-12"^^xsd:date')]
    report = run(gold, spec)
    assert report.attribute_recall == Ratio(1, 3)
    assert sorted(a.property for a in report.missed_attributes) == ["memberCount", "roleTitle"]
    spec["attributes"] = [("law", "issuedOn", '"2023-04"^^xsd:gYearMonth')]
    assert "issuedOn" in {a.property for a in run(gold, spec).missed_attributes}


def test_must_not_items_are_reported(gold):
    text = GOLD + """\
must_not:
  entities: [云岭市, 算力]
  relations:
  - {subject: 云岭市科委, predicate: partnerOf, object: 云岭大学}
  attributes:
  - {subject: 云岭市数字经济促进办法, property: issuedOn, value: '2024-01-01'}
"""
    spec = perfect()
    assert run(gold, spec, text).must_not_violations == []
    spec["entities"]["city"] = ("GovernmentBody", "云岭市", [])
    spec["relations"].append(("yu", "partnerOf", "kw"))
    spec["attributes"][1] = ("law", "issuedOn", '"2024-01-01"^^xsd:date')
    violations = run(gold, spec, text).must_not_violations
    assert len(violations) == 3
    assert violations[0].startswith("relation 云岭大学 partnerOf 云岭市科委")
    assert violations[1] == "attribute 云岭市数字经济促进办法 issuedOn 2024-01-01"
    assert violations[2].startswith("entity 云岭市 ")


def test_show_lists_misses_and_false_positives_only_when_asked(gold):
    spec = perfect()
    del spec["entities"]["kw"]
    spec["relations"][0] = ("park", "locatedIn", "xh")
    report = run(gold, spec)
    brief, full = format_report(report), format_report(report, show=True)
    assert "entity recall (core)      1.000 (7/7)" in brief
    assert "missed" not in brief
    assert "missed other entities (1):\n  云岭市科委 [Organisation]" in full
    assert "missed core relations (1):\n  星河智能科技有限公司 locatedIn 云岭数字产业园" in full
    assert "false-positive relations (1):\n  云岭数字产业园 locatedIn 星河智能科技有限公司" in full


def test_to_dict_carries_figures_and_lists(gold):
    spec = perfect()
    del spec["entities"]["kw"]
    doc = run(gold, spec).to_dict()
    assert doc["figures"]["entity_recall"] == {"value": 7 / 8, "hits": 7, "total": 8}
    assert [e["label"] for e in doc["details"]["missed_entities"]] == ["云岭市科委"]


def test_unquoted_yaml_date_in_gold_is_read_as_iso(gold):
    gold_data = load_gold(gold)  # GOLD writes 2023-04-12 unquoted: YAML makes it a date
    assert [a.value for a in gold_data.attributes if a.property == "issuedOn"] == ["2023-04-12"]


def test_reads_a_turtle_file_path(gold, tmp_path):
    path = tmp_path / "g.ttl"
    path.write_text(turtle(perfect()), encoding="utf-8")
    report = evaluate(gold, path)
    assert report.graph == str(path) and report.entity_precision == Ratio(8, 8)


def test_shipped_gold_file_loads():
    gold = load_gold(Path(__file__).parent / "gold" / "seed.gold.yaml")
    assert gold.entities and gold.relations and gold.attributes
    assert all(e.type in ("Organisation", "Person", "Policy", "Platform") for e in gold.entities)


@pytest.mark.parametrize("edit, where", [
    (lambda t: t.replace("object: 云岭数字产业园, core: true}", "object: 云岭数字园, core: true}"), "relations[0]"),
    (lambda t: t.replace("type: Person", "type: Human"), "entities[4]"),
    (lambda t: t.replace("{subject: 赵一鸣, predicate: affiliatedWith, ", "{predicate: affiliatedWith, "),
     "relations[4]"),
    (lambda t: t.replace("entities:\n-", "entities:\n - ["), "line"),
])
def test_bad_gold_file_is_one_line_saying_where(gold, edit, where):
    from zgc_graph.errors import InputError

    gold.write_text(edit(GOLD), encoding="utf-8")
    with pytest.raises(InputError) as err:
        evaluate(gold, Graph().parse(data=turtle(perfect()), format="turtle"))
    message = str(err.value)
    assert "\n" not in message and str(gold) in message and where in message
