"""SHACL shapes: a contract-abiding graph passes, and each rule catches its own breakage.

Every broken case starts from a fresh copy of the hand-made graph in
`validate_fixtures.py`, changes one thing, and expects exactly the shapes
named (no more, no fewer), on the expected node and property.
"""
from __future__ import annotations

import hashlib
import tempfile
import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from validate_fixtures import (DOC, MEMBERSHIP, TEXT, ZGC, ZGCR, add_statement, conforming_graph, iri,
                               stmt)
from zgc_graph.errors import GraphFileError
from zgc_graph.graph import validate as validate_module
from zgc_graph.graph.ontology import load_ontology, load_shapes
from zgc_graph.export.turtle import serialize_turtle, turtle_chunks, turtle_chunks_twice
from zgc_graph.graph.shacl_bulk import NOT_QUERIED, TurtleCopy, oxigraph_store, split_shapes
from zgc_graph.graph.shacl_core import core_checks, shapes_to_recheck
from zgc_graph.graph.validate import ValidationReport, validate
from zgc_graph.graph.vocab import ORG, SPARQL_PREFIXES

WHOLE_GRAPH = "https://w3id.org/zgc-graph/ontology"
SHAPES = Namespace("https://w3id.org/zgc-graph/shapes#")
# a plain Namespace: pytest probes module attributes, and rdflib's XSD warns on unknown names
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")


def rename(g: Graph, old, new) -> None:
    """Replace a node everywhere it occurs."""
    for s, p, o in list(g):
        if old in (s, o):
            g.remove((s, p, o))
            g.add((new if s == old else s, p, new if o == old else o))


def replace(g: Graph, s, p, value) -> None:
    g.remove((s, p, None))
    g.add((s, p, value))


def add_fact(g: Graph, s, p, o) -> None:
    """A triple with a proper statement, so only the shape under test can object to it."""
    g.add((s, p, o))
    key = hashlib.sha1(" ".join(t.n3() for t in (s, p, o)).encode()).hexdigest()[:12]
    add_statement(g, ZGCR[f"statement/extra-{key}"], s, p, o, TEXT[:10])


def set_attribute(g: Graph, s, p, value) -> None:
    """Change an attribute and its statement together (the evidence rule stays satisfied)."""
    old = g.value(s, p)
    replace(g, s, p, value)
    for st in list(g.subjects(RDF.object, old)):
        if g.value(st, RDF.predicate) == p:
            replace(g, st, RDF.object, value)


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Graph], None]
    shapes: tuple[str, ...]          # every source shape expected to report; the first is checked in detail
    focus: URIRef | str | None       # focus node of the first expected shape (None: not checked)
    path: str | None = None          # result path of the first expected shape
    message: str = ""                # part of its message


def _shape_results(report: ValidationReport, shape: str):
    return [v for v in report.violations if v.source_shape == shape]


def _second_preflabel(g: Graph) -> None:
    g.add((iri("xinghe"), SKOS.prefLabel, Literal("星河控股", lang="zh")))
    g.add((iri("xinghe"), RDFS.label, Literal("星河控股", lang="zh")))


def _preflabel_zh_cn(g: Graph) -> None:
    for p in (SKOS.prefLabel, RDFS.label):
        g.remove((iri("xinghe"), p, Literal("星河集团", lang="zh")))
        g.add((iri("xinghe"), p, Literal("星河集团", lang="zh-CN")))


def _reverse_statement(g: Graph) -> None:
    replace(g, stmt("leads"), RDF.subject, iri("consortium"))
    replace(g, stmt("leads"), RDF.object, iri("xinghe"))


GROUP = ZGCR["membergroup/0123456789abcdef"]


def _member_group(size=Literal(12), kind=Literal("上下游企业", lang="zh"), whole=None, size_evidence=True):
    """A zgc:MemberGroup of the consortium (or of `whole`), with its evidence unless told otherwise."""
    def mutate(g: Graph) -> None:
        g.add((GROUP, RDF.type, ZGC.MemberGroup))
        if kind is not None:
            g.add((GROUP, ZGC.memberKind, kind))
        add_fact(g, whole if whole is not None else iri("consortium"), ZGC.memberGroup, GROUP)
        if size_evidence:
            add_fact(g, GROUP, ZGC.groupSize, size)
        else:
            g.add((GROUP, ZGC.groupSize, size))
    return mutate


X = iri("xinghe")
S = stmt("leads")
CASES = [
    # entity IRIs
    Case("iri-raw-chinese", lambda g: rename(g, X, ZGCR["org/星河集团"]), ("zgcsh:EntityIri",),
         ZGCR["org/星河集团"], None, "plain ASCII"),
    Case("iri-space", lambda g: rename(g, X, ZGCR["org/xinghe jituan"]), ("zgcsh:EntityIri",),
         ZGCR["org/xinghe jituan"], None, "plain ASCII"),
    Case("iri-outside-zgcr", lambda g: rename(g, X, URIRef("http://example.org/xinghe")), ("zgcsh:EntityIri",),
         URIRef("http://example.org/xinghe"), None, "https://w3id.org/zgc-graph/id/"),
    Case("iri-blank-node", lambda g: rename(g, X, BNode("xinghe")), ("zgcsh:EntityIri",), None),
    # labels
    Case("preflabel-missing", lambda g: g.remove((X, SKOS.prefLabel, None)), ("zgcsh:EntityPrefLabel",),
         X, "skos:prefLabel", "exactly one skos:prefLabel"),
    Case("preflabel-two", _second_preflabel, ("zgcsh:EntityPrefLabel",), X, "skos:prefLabel", "exactly one"),
    Case("preflabel-not-plain-zh", _preflabel_zh_cn, ("zgcsh:EntityPrefLabel",), X, "skos:prefLabel", "@zh"),
    Case("rdfs-label-missing", lambda g: g.remove((X, RDFS.label, Literal("星河集团", lang="zh"))),
         ("zgcsh:EntityLabelRepeatsPrefLabel",), X, "rdfs:label", "repeated as rdfs:label"),
    Case("rdfs-label-differs", lambda g: (g.remove((X, RDFS.label, Literal("星河集团", lang="zh"))),
                                          g.add((X, RDFS.label, Literal("星河", lang="zh")))),
         ("zgcsh:EntityLabelRepeatsPrefLabel",), X, "rdfs:label", "repeated as rdfs:label"),
    Case("pinyin-missing", lambda g: g.remove((X, RDFS.label, Literal("Xīnghé Jítuán", lang="zh-Latn-pinyin"))),
         ("zgcsh:EntityPinyinLabel",), X, None, "zh-Latn-pinyin"),
    Case("mentioned-in-missing", lambda g: g.remove((X, ZGC.mentionedIn, None)), ("zgcsh:EntityMentionedIn",),
         X, "zgc:mentionedIn", "zgc:mentionedIn"),
    # evidence of relations and attributes
    Case("relation-without-statement", lambda g: g.remove((S, None, None)), ("zgcsh:RelationEvidence",),
         X, "zgc:leads", "no rdf:Statement"),
    Case("statement-in-wrong-direction", _reverse_statement, ("zgcsh:RelationEvidence",),
         X, "zgc:leads", "no rdf:Statement"),
    # an untyped statement backs nothing, and its evidence properties are out of their domain
    Case("statement-untyped", lambda g: g.remove((S, RDF.type, RDF.Statement)),
         ("zgcsh:RelationEvidence", "zgcsh:evidence-domain", "zgcsh:charStart-domain", "zgcsh:charEnd-domain",
          "zgcsh:confidence-domain", "zgcsh:extractionRule-domain"), X, "zgc:leads", "no rdf:Statement"),
    Case("attribute-without-statement", lambda g: g.remove((stmt("count"), None, None)),
         ("zgcsh:AttributeEvidence",), iri("consortium"), "zgc:memberCount", "no rdf:Statement"),
    # undeclared vocabulary
    Case("undeclared-property", lambda g: g.add((iri("lin"), ZGC.nickname, Literal("小林", lang="zh"))),
         ("zgcsh:DeclaredTerms",), URIRef(WHOLE_GRAPH), None, "not declared"),
    Case("undeclared-class", lambda g: g.add((ZGCR["platform/incubator-1"], RDF.type, ZGC.IncubatorBuilding)),
         ("zgcsh:DeclaredClasses",), URIRef(WHOLE_GRAPH), None, "not declared"),
    # documents
    Case("document-iri", lambda g: rename(g, DOC, URIRef("file:///tmp/news.txt")), ("zgcsh:DocumentIri",),
         URIRef("file:///tmp/news.txt"), None, "document IRI"),
    Case("document-encoding-not-string", lambda g: replace(g, DOC, ZGC.encoding, Literal(8)),
         ("zgcsh:DocumentEncoding",), DOC, "zgc:encoding", "xsd:string"),
    # statements
    Case("statement-no-subject", lambda g: g.remove((S, RDF.subject, None)),
         ("zgcsh:StatementSubject", "zgcsh:RelationEvidence"), S, "rdf:subject", "rdf:subject"),
    Case("statement-predicate-literal", lambda g: replace(g, S, RDF.predicate, Literal("leads")),
         ("zgcsh:StatementPredicate", "zgcsh:RelationEvidence"), S, "rdf:predicate", "rdf:predicate"),
    Case("statement-two-objects", lambda g: g.add((S, RDF.object, iri("park"))),
         ("zgcsh:StatementObject",), S, "rdf:object", "exactly one rdf:object"),
    Case("statement-no-evidence", lambda g: g.remove((S, ZGC.evidence, None)),
         ("zgcsh:StatementEvidence",), S, "zgc:evidence", "zgc:evidence"),
    Case("statement-evidence-untagged", lambda g: replace(g, S, ZGC.evidence, Literal("星河集团牵头组建")),
         ("zgcsh:StatementEvidence",), S, "zgc:evidence", "language-tagged"),
    Case("statement-two-evidences", lambda g: g.add((S, ZGC.evidence, Literal("另一句", lang="zh"))),
         ("zgcsh:StatementEvidence",), S, "zgc:evidence", "exactly one"),
    Case("statement-no-source", lambda g: g.remove((S, PROV.wasDerivedFrom, None)),
         ("zgcsh:StatementSource",), S, "prov:wasDerivedFrom", "zgc:Document"),
    Case("statement-source-not-document",
         lambda g: replace(g, S, PROV.wasDerivedFrom, iri("park")),
         ("zgcsh:StatementSource",), S, "prov:wasDerivedFrom", "zgc:Document"),
    Case("char-start-string", lambda g: replace(g, S, ZGC.charStart, Literal("0")),
         ("zgcsh:StatementCharStart", "zgcsh:StatementSpan"), S, "zgc:charStart", "xsd:integer"),
    Case("char-start-negative", lambda g: replace(g, S, ZGC.charStart, Literal(-1)),
         ("zgcsh:StatementCharStart",), S, "zgc:charStart", ">= 0"),
    Case("char-end-missing", lambda g: g.remove((S, ZGC.charEnd, None)),
         ("zgcsh:StatementCharEnd",), S, "zgc:charEnd", "zgc:charEnd"),
    Case("char-span-empty", lambda g: replace(g, S, ZGC.charStart, g.value(S, ZGC.charEnd)),
         ("zgcsh:StatementSpan",), S, "zgc:charStart", "less than zgc:charEnd"),
    Case("confidence-above-one", lambda g: replace(g, S, ZGC.confidence, Literal(Decimal("1.5"))),
         ("zgcsh:StatementConfidence",), S, "zgc:confidence", "between 0 and 1"),
    Case("confidence-double", lambda g: replace(g, S, ZGC.confidence, Literal(0.9)),
         ("zgcsh:StatementConfidence",), S, "zgc:confidence", "xsd:decimal"),
    Case("two-extraction-rules", lambda g: g.add((S, ZGC.extractionRule, Literal("other-rule"))),
         ("zgcsh:StatementRule",), S, "zgc:extractionRule", "at most one"),
    # attributes
    Case("member-count-negative", lambda g: set_attribute(g, iri("consortium"), ZGC.memberCount, Literal(-3)),
         ("zgcsh:MemberCount",), iri("consortium"), "zgc:memberCount", ">= 0"),
    Case("member-count-text", lambda g: set_attribute(g, iri("consortium"), ZGC.memberCount,
                                                      Literal("十二", lang="zh")),
         ("zgcsh:MemberCount",), iri("consortium"), "zgc:memberCount", "xsd:integer"),
    Case("issued-on-year-only", lambda g: set_attribute(g, iri("policy"), ZGC.issuedOn,
                                                        Literal("2023", datatype=XSD.gYear)),
         ("zgcsh:IssuedOn",), iri("policy"), "zgc:issuedOn", "xsd:gYearMonth"),
    Case("issued-on-text", lambda g: set_attribute(g, iri("policy"), ZGC.issuedOn, Literal("2023年4月", lang="zh")),
         ("zgcsh:IssuedOn",), iri("policy"), "zgc:issuedOn", "xsd:date"),
    Case("document-number-with-language", lambda g: add_fact(g, iri("policy"), ZGC.documentNumber,
                                                             Literal("京科发〔2026〕15号", lang="zh")),
         ("zgcsh:DocumentNumber",), iri("policy"), "zgc:documentNumber", "plain string"),
    # members counted by kind
    Case("member-group-without-kind", _member_group(kind=None), ("zgcsh:MemberGroupKind",),
         GROUP, "zgc:memberKind", "exactly one zgc:memberKind"),
    Case("member-group-of-none", _member_group(size=Literal(0)), ("zgcsh:MemberGroupSize",),
         GROUP, "zgc:groupSize", ">= 1"),
    Case("member-group-size-without-statement", _member_group(size_evidence=False), ("zgcsh:AttributeEvidence",),
         GROUP, "zgc:groupSize", "no rdf:Statement"),
    Case("member-group-of-a-person", _member_group(whole=iri("lin")), ("zgcsh:memberGroup-domain",),
         iri("lin"), None, "Organisation or a Platform"),
    # memberships
    Case("membership-member-is-organisation", lambda g: replace(g, MEMBERSHIP, ORG.member, iri("qiming")),
         ("zgcsh:MembershipMember",), MEMBERSHIP, "org:member", "zgc:Person"),
    Case("membership-without-member", lambda g: g.remove((MEMBERSHIP, ORG.member, None)),
         ("zgcsh:MembershipMember",), MEMBERSHIP, "org:member", "exactly one org:member"),
    Case("membership-organisation-is-platform",
         lambda g: replace(g, MEMBERSHIP, ORG.organization, iri("park")),
         ("zgcsh:MembershipOrganisation",), MEMBERSHIP, "org:organization", "zgc:Organisation"),
    Case("membership-without-title", lambda g: g.remove((MEMBERSHIP, ZGC.roleTitle, None)),
         ("zgcsh:MembershipRoleTitle",), MEMBERSHIP, "zgc:roleTitle", "zgc:roleTitle"),
    Case("membership-title-in-english", lambda g: replace(g, MEMBERSHIP, ZGC.roleTitle, Literal("CTO", lang="en")),
         ("zgcsh:MembershipRoleTitle",), MEMBERSHIP, "zgc:roleTitle", "@zh"),
    # no inference: a range never types an untyped node
    Case("affiliated-with-untyped-node", lambda g: add_fact(g, iri("lin"), ZGC.affiliatedWith, ZGCR["org/unknown"]),
         ("zgcsh:affiliatedWith-range",), iri("lin"), "zgc:affiliatedWith", "must be an Organisation"),
]


@pytest.fixture(scope="module")
def conforming_report() -> ValidationReport:
    return validate(conforming_graph())


def test_conforming_graph_passes(conforming_report):
    assert conforming_report.violations == []
    assert conforming_report.conforms


def test_a_well_formed_member_group_passes():
    g = conforming_graph()
    _member_group()(g)
    assert validate(g).violations == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_breakage_is_caught_by_its_shape(case: Case):
    g = conforming_graph()
    case.mutate(g)
    report = validate(g)
    assert not report.conforms
    assert {v.source_shape for v in report.violations} == set(case.shapes)
    hits = _shape_results(report, case.shapes[0])
    if case.focus is not None:
        hits = [v for v in hits if v.focus_node == (str(case.focus))]
    assert hits, report.violations
    assert any(v.path == case.path and case.message in v.message for v in hits), hits


# Domains and ranges, from CONTRACT.md's "Relations" table (plus the ontology's extensions).
O, PE, PO, PL, D = "org", "person", "policy", "platform", "document"
REPRESENTATIVE = {O: iri("xinghe"), PE: iri("lin"), PO: iri("policy"), PL: iri("consortium"), D: DOC}
SIGNATURES = {
    "leads": ({O}, {PL, O}), "memberOf": ({O}, {PL, O}), "locatedIn": ({O, PL}, {PL}),
    "partOf": ({PL}, {PL}), "issuedBy": ({PO}, {O}), "benefitsFrom": ({O}, {PO, PL}),
    "affiliatedWith": ({PE}, {O}), "partnerOf": ({O}, {O}), "predecessorOf": ({PL, O}, {PL, O}),
    "subOrganizationOf": ({O}, {O}), "foundedBy": ({O}, {O}), "fundedBy": ({O}, {O}),
    "operatedBy": ({PL, O}, {O}), "organisedBy": ({PL}, {O}), "replaces": ({PO}, {PO}),
    "mentionedIn": ({O, PE, PO, PL}, {D}),
}
ORDER = [PE, PO, PL, O, D]


def _outside(allowed: set[str]) -> str:
    return next(k for k in ORDER if k not in allowed)


def _inside(allowed: set[str]) -> str:
    return next(k for k in ORDER if k in allowed)


DOMAIN_RANGE_CASES = []
for _name, (_dom, _rng) in sorted(SIGNATURES.items()):
    DOMAIN_RANGE_CASES.append((f"{_name}-domain", _name, _outside(_dom), _inside(_rng)))
    DOMAIN_RANGE_CASES.append((f"{_name}-range", _name, _inside(_dom), _outside(_rng)))

def test_a_company_is_listed_on_a_stock_exchange_only():
    """zgc:listedOn: an organisation's shares on an exchange; a university is no exchange."""
    g = conforming_graph()
    exchange = ZGCR["org/exchange"]
    g.add((exchange, RDF.type, ZGC.StockExchange))
    g.add((exchange, SKOS.prefLabel, Literal("江州证券交易所", lang="zh")))
    g.add((exchange, RDFS.label, Literal("江州证券交易所", lang="zh")))
    g.add((exchange, RDFS.label, Literal("Jiangzhou Zhengquan Jiaoyisuo", lang="zh-Latn-pinyin")))
    g.add((exchange, ZGC.mentionedIn, DOC))
    add_fact(g, iri("xinghe"), ZGC.listedOn, exchange)
    assert validate(g).conforms
    add_fact(g, iri("xinghe"), ZGC.listedOn, iri("qiming"))
    report = validate(g)
    assert [(v.source_shape, v.focus_node) for v in report.violations] == [("zgcsh:listedOn-range", str(iri("xinghe")))]


# Attributes, by where the contract and the ontology put them.
ATTRIBUTE_DOMAIN_CASES = [
    ("memberCount", iri("lin"), Literal(7)),
    ("issuedOn", iri("xinghe"), Literal("2023-04-01", datatype=XSD.date)),
    ("effectiveFrom", iri("xinghe"), Literal("2023-05-01", datatype=XSD.date)),
    ("effectiveUntil", iri("xinghe"), Literal("2026-04-30", datatype=XSD.date)),
    ("documentNumber", iri("xinghe"), Literal("京科发〔2026〕15号")),
    ("foundingDate", iri("policy"), Literal("2021", datatype=XSD.gYear)),
    ("encoding", iri("xinghe"), Literal("utf-8")),
    ("roleTitle", iri("xinghe"), Literal("主任", lang="zh")),
    ("evidence", MEMBERSHIP, Literal("星河集团首席技术官林晓峰", lang="zh")),
    ("charStart", MEMBERSHIP, Literal(0)),
    ("charEnd", MEMBERSHIP, Literal(5)),
    ("confidence", MEMBERSHIP, Literal(Decimal("0.5"))),
    ("extractionRule", MEMBERSHIP, Literal("title-rule")),
]


def _wrong_domains_and_ranges(g: Graph) -> None:
    for _id, name, s_kind, o_kind in DOMAIN_RANGE_CASES:
        add_fact(g, REPRESENTATIVE[s_kind], ZGC[name], REPRESENTATIVE[o_kind])
    for name, subject, value in ATTRIBUTE_DOMAIN_CASES:
        add_fact(g, subject, ZGC[name], value)


@pytest.fixture(scope="module")
def domain_range_report() -> ValidationReport:
    """All wrong-domain/range triples in one graph: each has its own shape, so one run tells them apart."""
    g = conforming_graph()
    _wrong_domains_and_ranges(g)
    return validate(g)


def test_domain_range_graph_reports_nothing_else(domain_range_report):
    expected = {f"zgcsh:{case_id}" for case_id, *_ in DOMAIN_RANGE_CASES}
    expected |= {f"zgcsh:{name}-domain" for name, *_ in ATTRIBUTE_DOMAIN_CASES}
    assert {v.source_shape for v in domain_range_report.violations} == expected


@pytest.mark.parametrize("case_id,name,s_kind,o_kind", DOMAIN_RANGE_CASES, ids=[c[0] for c in DOMAIN_RANGE_CASES])
def test_relation_domain_and_range(domain_range_report, case_id, name, s_kind, o_kind):
    hits = [v for v in domain_range_report.violations if v.source_shape == f"zgcsh:{case_id}"]
    assert [v.focus_node for v in hits] == [str(REPRESENTATIVE[s_kind])]
    side = "subject" if case_id.endswith("-domain") else "object"
    assert hits[0].message.startswith(f"the {side} of zgc:{name} must be")
    assert hits[0].path == (None if side == "subject" else f"zgc:{name}")


@pytest.mark.parametrize("name,subject,value", ATTRIBUTE_DOMAIN_CASES, ids=[c[0] for c in ATTRIBUTE_DOMAIN_CASES])
def test_attribute_domain(domain_range_report, name, subject, value):
    hits = [v for v in domain_range_report.violations if v.source_shape == f"zgcsh:{name}-domain"]
    assert [v.focus_node for v in hits] == [str(subject)]
    assert f"the subject of zgc:{name} must be" in hits[0].message


# Variants the contract allows: they must not be reported.
def _pinyin_lowercase_tag(g: Graph) -> None:
    g.remove((X, RDFS.label, Literal("Xīnghé Jítuán", lang="zh-Latn-pinyin")))
    g.add((X, RDFS.label, Literal("Xīnghé Jítuán", lang="zh-latn-pinyin")))


def _pinyin_as_preflabel(g: Graph) -> None:
    g.remove((X, RDFS.label, Literal("Xīnghé Jítuán", lang="zh-Latn-pinyin")))
    g.add((X, SKOS.prefLabel, Literal("Xīnghé Jítuán", lang="zh-Latn-pinyin")))


def _blank_statement(g: Graph) -> None:
    rename(g, S, BNode())


def _date_with_day(g: Graph) -> None:
    set_attribute(g, iri("policy"), ZGC.issuedOn, Literal("2023-04-12", datatype=XSD.date))


def _statement_without_optional_parts(g: Graph) -> None:
    g.remove((S, ZGC.confidence, None))
    g.remove((S, ZGC.extractionRule, None))


def _membership_without_organisation(g: Graph) -> None:
    g.remove((MEMBERSHIP, ORG.organization, None))


def _percent_encoded_iri(g: Graph) -> None:
    rename(g, X, ZGCR["org/%E6%98%9F%E6%B2%B3-5e1f0a"])


def _symmetric_statement_same_direction(g: Graph) -> None:
    replace(g, stmt("partner"), RDF.subject, iri("xinghe"))
    replace(g, stmt("partner"), RDF.object, iri("qiming"))


ALLOWED = [_pinyin_lowercase_tag, _pinyin_as_preflabel, _blank_statement, _date_with_day,
           _statement_without_optional_parts, _membership_without_organisation, _percent_encoded_iri,
           _symmetric_statement_same_direction]


@pytest.mark.parametrize("mutate", ALLOWED, ids=lambda f: f.__name__.lstrip("_"))
def test_allowed_variants_conform(mutate):
    g = conforming_graph()
    mutate(g)
    report = validate(g)
    assert report.violations == [] and report.conforms


def _pyshacl_alone(g: Graph, monkeypatch) -> ValidationReport:
    """The report of pySHACL running every constraint, the SPARQL ones once per focus node."""
    with monkeypatch.context() as patched:
        patched.setattr(validate_module, "split_shapes", lambda shapes: (shapes, ()))
        patched.setattr(validate_module, "core_checks", lambda shapes: ())
        return validate(g)


def _two_wrong_labels_and_an_unbacked_relation(g: Graph) -> None:
    """Several SPARQL shapes at once, on several nodes, with literal values."""
    _second_preflabel(g)
    g.remove((iri("lin"), RDFS.label, Literal("林晓峰", lang="zh")))
    g.add((iri("qiming"), ZGC.leads, iri("consortium")))


AGREEMENT = ([(c.id, c.mutate) for c in CASES] + [(f.__name__.lstrip("_"), f) for f in ALLOWED]
             + [("several-at-once", _two_wrong_labels_and_an_unbacked_relation),
                ("wrong-domains-and-ranges", _wrong_domains_and_ranges)])


@pytest.mark.parametrize("mutate", [m for _, m in AGREEMENT], ids=[i for i, _ in AGREEMENT])
def test_whole_graph_sparql_checks_report_what_pyshacl_reports(mutate, monkeypatch):
    """The SPARQL constraints run once per shape on Oxigraph (minutes saved on a large corpus):
    the violations must be exactly those of a SHACL engine evaluating them node by node."""
    g = conforming_graph()
    mutate(g)
    ours, reference = validate(g), _pyshacl_alone(g, monkeypatch)
    assert (ours.conforms, ours.violations) == (reference.conforms, reference.violations)
    if mutate is _two_wrong_labels_and_an_unbacked_relation:
        assert {v.source_shape for v in ours.violations} == {
            "zgcsh:EntityPrefLabel", "zgcsh:EntityLabelRepeatsPrefLabel", "zgcsh:RelationEvidence"}


def test_oxigraph_copy_is_the_same_graph_whatever_its_batches():
    """Oxigraph reads the data in batches; a blank node's triples in different batches must stay one node."""
    ex = Namespace("http://example.org/")
    g = Graph()
    items = [BNode() for _ in range(3)]
    g.add((ex.start, ex.list, items[0]))
    for n, (item, after) in enumerate(zip(items, [*items[1:], RDF.nil])):
        g.add((ex[f"filler{n}"], ex.p, Literal(n)))  # pushes the list's triples into different batches
        g.add((item, RDF.first, Literal(n)))
        g.add((item, RDF.rest, after))
    count = "SELECT (COUNT(?x) AS ?n) WHERE { <http://example.org/start> <http://example.org/list>/<%s>*/<%s> ?x }" % (
        RDF.rest, RDF.first)
    for batch in (2, 50_000):
        store = oxigraph_store(g, batch=batch)
        assert len(store) == len(g)
        assert int(next(iter(store.query(count)))["n"].value) == 3


@pytest.mark.parametrize("mutate", [m for _, m in AGREEMENT], ids=[i for i, _ in AGREEMENT])
def test_a_copy_parsed_from_the_written_turtle_finds_what_a_copy_of_the_graph_finds(mutate):
    """A build's Oxigraph reads the Turtle as it is written: the same violations as reading the graph."""
    g = conforming_graph()
    mutate(g)
    with TurtleCopy() as copy:
        assert b"".join(copy.tee(turtle_chunks(g))) == serialize_turtle(g).encode("utf-8")
        teed = validate(g, copy=copy.take)
    direct = validate(g)
    assert (teed.conforms, teed.violations) == (direct.conforms, direct.violations)


@pytest.mark.parametrize("mutate", [m for _, m in AGREEMENT], ids=[i for i, _ in AGREEMENT])
def test_a_copy_without_the_unqueried_statement_details_finds_the_same(mutate):
    """A build's Oxigraph reads the Turtle less the triples no SPARQL constraint reads."""
    g = conforming_graph()
    mutate(g)
    with TurtleCopy() as copy:
        assert b"".join(copy.tee_pairs(turtle_chunks_twice(g, NOT_QUERIED))) == serialize_turtle(g).encode("utf-8")
        teed = validate(g, copy=copy.take)
    direct = validate(g)
    assert (teed.conforms, teed.violations) == (direct.conforms, direct.violations)


def test_the_copy_leaves_out_the_statement_details_and_nothing_else():
    g = conforming_graph()
    with TurtleCopy() as copy:
        for _chunk in copy.tee_pairs(turtle_chunks_twice(g, NOT_QUERIED)):
            pass
        store = copy.take()
    left_out = sum(1 for p in NOT_QUERIED for _ in g.triples((None, p, None)))
    assert left_out >= 6 * len(set(g.subjects(RDF.type, RDF.Statement))) > 0
    assert len(store) == len(g) - left_out


def test_no_sparql_constraint_reads_what_the_copy_leaves_out():
    _rest, bulk = split_shapes(load_shapes())
    names = {str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for p in NOT_QUERIED}
    assert names == {"evidence", "charStart", "charEnd", "confidence", "extractionRule", "wasDerivedFrom"}
    for constraint in bulk:
        assert not [n for n in names if n in constraint.query], constraint.shape
    # zgcsh:DeclaredTerms reads every predicate: those left out must be declared ones
    ontology = load_ontology()
    assert all((p, None, None) in ontology for p in NOT_QUERIED if str(p).startswith(str(ZGC)))


@pytest.mark.parametrize("mutate", [m for _, m in AGREEMENT], ids=[i for i, _ in AGREEMENT])
def test_a_file_is_validated_as_its_graph_is(mutate, tmp_path):
    """`zgc-graph validate FILE` has Oxigraph read the file itself while rdflib reads it."""
    g = conforming_graph()
    mutate(g)
    path = tmp_path / "graph.ttl"
    path.write_text(serialize_turtle(g), encoding="utf-8")
    from_file, direct = validate(path), validate(g)

    def seen(report):  # a blank node is named afresh when its file is read
        return report.conforms, [dataclasses.replace(v, focus_node="_:") if v.focus_node.startswith("_:") else v
                                 for v in report.violations]

    assert seen(from_file) == seen(direct)


def test_a_turtle_copy_that_cannot_parse_raises_without_holding_up_the_writer(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the copy makes its pipe
    chunks = [b"<http://example.org/a> <http://example.org/b> 1 .\n", b"not turtle at all\n" * 500_000]
    with TurtleCopy() as copy:
        assert sum(len(chunk) for chunk in copy.tee(chunks)) == sum(map(len, chunks))  # 9 MB: more than it buffers
        with pytest.raises(SyntaxError):
            copy.take()
    assert list(tmp_path.iterdir()) == []


def test_a_turtle_writer_that_fails_ends_the_copy_and_its_pipe(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def failing():
        yield b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        with TurtleCopy() as copy:
            for _chunk in copy.tee(failing()):
                pass
    assert list(tmp_path.iterdir()) == []


def test_graph_without_ontology_triples_is_validated_with_the_ontology_mixed_in():
    g = conforming_graph(with_ontology=False)
    before = len(g)
    assert validate(g).conforms
    assert len(g) == before  # the caller's graph is not modified
    g.add((iri("lin"), ZGC.leads, iri("consortium")))
    report = validate(g)
    assert {v.source_shape for v in report.violations} == {"zgcsh:leads-domain", "zgcsh:RelationEvidence"}


def test_built_graph_is_not_modified_by_validation():
    g = conforming_graph()
    before = set(g)
    validate(g)
    assert set(g) == before


def test_subclass_instances_are_found_by_the_contract_query():
    """The graph carries the ontology, so a store answers `a/rdfs:subClassOf*` queries."""
    g = conforming_graph()
    rows = g.query(SPARQL_PREFIXES + "SELECT ?x WHERE { ?x a/rdfs:subClassOf* zgc:Organisation }")
    assert {r[0] for r in rows} == {iri("xinghe"), iri("qiming"), iri("kewei")}


def test_violations_name_entities_by_their_chinese_label_and_statements_by_their_triple():
    g = conforming_graph()
    g.remove((X, ZGC.mentionedIn, None))
    g.remove((S, ZGC.evidence, None))
    report = validate(g)
    labels = {v.source_shape: v.focus_label for v in report.violations}
    assert labels["zgcsh:EntityMentionedIn"] == "星河集团"
    assert labels["zgcsh:StatementEvidence"] == "statement: 星河集团 zgc:leads 星河智能制造创新联合体"


def test_report_order_is_stable():
    g = conforming_graph()
    for key in ("xinghe", "qiming", "lin"):
        g.remove((iri(key), ZGC.mentionedIn, None))
    first, second = validate(g), validate(g)
    assert first.violations == second.violations
    assert [v.focus_label for v in first.violations] == sorted(v.focus_label for v in first.violations)


def test_summary_counts_violations_and_nodes():
    g = conforming_graph()
    g.remove((X, ZGC.mentionedIn, None))
    g.remove((X, SKOS.prefLabel, None))
    report = validate(g)
    assert report.summary().startswith("2 violations on 1 node (")


# Files
def test_validates_a_turtle_file(tmp_path):
    path = tmp_path / "zgc.ttl"
    path.write_text(conforming_graph().serialize(format="turtle"), encoding="utf-8")
    report = validate(path)
    assert report.conforms and report.source == str(path)
    assert report.summary().startswith(f"{path}: conforms")


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(GraphFileError) as err:
        validate(tmp_path / "nope.ttl")
    assert str(err.value) == f"graph file not found: {tmp_path / 'nope.ttl'}"


def test_unparseable_file_says_where(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text('@prefix ex: <http://e/> .\nex:a ex:b "unterminated .\n', encoding="utf-8")
    with pytest.raises(GraphFileError) as err:
        validate(path)
    message = str(err.value)
    assert "\n" not in message and str(path) in message and "line" in message


def test_binary_file_is_one_line(tmp_path):
    path = tmp_path / "image.ttl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(GraphFileError) as err:
        validate(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_empty_file_and_folder_are_refused(tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(GraphFileError, match="no triples"):
        validate(empty)
    with pytest.raises(GraphFileError, match="not a file"):
        validate(tmp_path)


@pytest.mark.parametrize("mutate", [m for _, m in AGREEMENT], ids=[i for i, _ in AGREEMENT])
def test_core_screen_flags_exactly_the_shapes_pyshacl_reports(mutate, monkeypatch):
    """Shapes the whole-graph screen passes are not checked again: it must flag every shape that
    pySHACL would report, and on these graphs no other (or the screen would save nothing)."""
    g = conforming_graph()
    mutate(g)
    checks = core_checks(split_shapes(load_shapes())[0])
    screened = {check.shape for check in checks if check.tests}  # the others' SPARQL constraints ran whole
    flagged = shapes_to_recheck(checks, validate_module._target_graph(g))
    reported = {SHAPES[v.source_shape.removeprefix("zgcsh:")] for v in _pyshacl_alone(g, monkeypatch).violations}
    assert flagged == reported & screened


def test_a_conforming_graph_never_reaches_pyshacl(monkeypatch):
    """Every shape in ontology/shapes.ttl is screened on Oxigraph: pySHACL (one focus node at a
    time, most of a large validation's time) runs only when something is wrong."""
    def no_pyshacl(*args):
        raise AssertionError("pySHACL ran on a conforming graph")

    monkeypatch.setattr(validate_module, "_pyshacl", no_pyshacl)
    assert validate(conforming_graph()).conforms
    g = conforming_graph()
    _second_preflabel(g)
    assert not validate(g).conforms  # a SPARQL shape: still no pySHACL


def test_shapes_the_screen_cannot_read_are_left_to_pyshacl():
    """A shape added to shapes.ttl with a constraint or path the screen does not know is never
    passed by it: it stays in the shapes pySHACL checks."""
    shapes = Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://example.org/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        ex:Known a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:minCount 1 .
        ex:NestedShape a sh:NodeShape ; sh:targetClass ex:C ; sh:node ex:Other .
        ex:InversePath a sh:PropertyShape ; sh:targetClass ex:C ; sh:path [ sh:inversePath ex:p ] ; sh:minCount 1 .
        ex:Equals a sh:PropertyShape ; sh:targetClass ex:C ; sh:path ex:p ; sh:equals ex:q .
        ex:AlsoAClass a sh:NodeShape, rdfs:Class ; sh:targetNode ex:a ; sh:nodeKind sh:IRI .
        ex:Other a sh:NodeShape ; sh:targetNode ex:a ; sh:nodeKind sh:IRI .
    """, format="turtle")
    assert [str(check.shape) for check in core_checks(shapes)] == ["https://example.org/Known"]
