"""The ontology file: every term the pipeline uses is declared, labelled and aligned sanely."""
from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from zgc_graph.graph.ontology import ONTOLOGY_IRI, load_ontology, ontology_path, shapes_path
from zgc_graph.graph.vocab import PREFIXES, SPARQL_PREFIXES, ZGC
from zgc_graph.models import RELATIONS, SUBTYPES, SYMMETRIC_RELATIONS, EntityType

TOP = [ZGC[t.value] for t in EntityType]
ATTRIBUTES = ["memberCount", "roleTitle", "issuedOn", "evidence", "charStart", "charEnd",
              "confidence", "extractionRule", "encoding", "groupSize", "memberKind"]
ALL_CLASSES = TOP + [ZGC.Document, ZGC.MemberGroup] + [ZGC[n] for n in SUBTYPES]
ALL_PROPERTIES = [ZGC[n] for n in (*RELATIONS, "mentionedIn", "memberGroup", *ATTRIBUTES)]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def test_files_are_found_from_the_package():
    assert ontology_path().name == "zgc.ttl" and ontology_path().is_file()
    assert shapes_path().name == "shapes.ttl" and shapes_path().is_file()
    assert ontology_path().parent.name == "ontology"


def test_load_is_cached(onto):
    assert load_ontology() is onto
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto


@pytest.mark.parametrize("name", sorted(SUBTYPES))
def test_each_subtype_is_a_subclass_of_its_top_class(onto, name):
    assert (ZGC[name], RDF.type, OWL.Class) in onto
    assert (ZGC[name], RDFS.subClassOf, ZGC[SUBTYPES[name].value]) in onto


def test_every_zgc_class_reaches_exactly_one_top_class(onto):
    """Alignment must not make a platform an organisation (or any class two kinds of thing)."""
    rows = onto.query(SPARQL_PREFIXES + """
        SELECT ?c (COUNT(DISTINCT ?top) AS ?n) WHERE {
            ?c a owl:Class . FILTER(STRSTARTS(STR(?c), STR(zgc:)))
            OPTIONAL { ?c rdfs:subClassOf* ?top .
                       VALUES ?top { zgc:Organisation zgc:Person zgc:Policy zgc:Platform zgc:Document
                                     zgc:MemberGroup } }
        } GROUP BY ?c""")
    counts = {str(c): int(n) for c, n in rows}
    assert len(counts) == len(ALL_CLASSES)
    assert all(n == 1 for n in counts.values()), counts


def test_top_classes_are_pairwise_disjoint(onto):
    kinds = TOP + [ZGC.Document, ZGC.MemberGroup]
    for i, a in enumerate(kinds):
        for b in kinds[i + 1:]:
            assert (a, OWL.disjointWith, b) in onto or (b, OWL.disjointWith, a) in onto, (a, b)


@pytest.mark.parametrize("term", ALL_CLASSES + ALL_PROPERTIES, ids=lambda t: str(t).split("#")[1])
def test_every_term_has_chinese_and_english_labels_and_a_comment(onto, term):
    langs = {lit.language for lit in onto.objects(term, RDFS.label) if isinstance(lit, Literal)}
    assert {"zh", "en"} <= langs
    assert any(isinstance(c, Literal) and c.language == "en" for c in onto.objects(term, RDFS.comment))


@pytest.mark.parametrize("name", RELATIONS + ("mentionedIn",))
def test_relations_are_object_properties_with_domain_and_range(onto, name):
    prop = ZGC[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(prop, RDFS.domain) is not None
    assert onto.value(prop, RDFS.range) is not None


@pytest.mark.parametrize("name", ATTRIBUTES)
def test_attributes_are_datatype_properties_with_domain_and_range(onto, name):
    prop = ZGC[name]
    assert (prop, RDF.type, OWL.DatatypeProperty) in onto
    assert onto.value(prop, RDFS.domain) is not None
    assert onto.value(prop, RDFS.range) is not None


def test_symmetric_relations_are_declared_symmetric(onto):
    declared = {str(p).split("#")[1] for p in onto.subjects(RDF.type, OWL.SymmetricProperty)}
    assert declared == set(SYMMETRIC_RELATIONS)


def _classes(onto: Graph, node) -> set[URIRef]:
    """A class or the members of its owl:unionOf list."""
    if isinstance(node, BNode):
        return set(Collection(onto, onto.value(node, OWL.unionOf)))
    return {node}


# From CONTRACT.md, "Relations": the ontology may not say less or differently.
O, PE, PO, PL = (ZGC[t] for t in ("Organisation", "Person", "Policy", "Platform"))
CONTRACT_SIGNATURES = {
    "leads": ({O}, {PL, O}), "memberOf": ({O}, {PL, O}), "locatedIn": ({O, PL}, {PL}),
    "partOf": ({PL}, {PL}), "issuedBy": ({PO}, {O}), "benefitsFrom": ({O}, {PO, PL}),
    "affiliatedWith": ({PE}, {O}), "partnerOf": ({O}, {O}), "predecessorOf": ({PL, O}, {PL, O}),
}


@pytest.mark.parametrize("name", sorted(CONTRACT_SIGNATURES))
def test_relation_signatures_match_the_contract(onto, name):
    domain, range_ = CONTRACT_SIGNATURES[name]
    assert _classes(onto, onto.value(ZGC[name], RDFS.domain)) == domain
    assert _classes(onto, onto.value(ZGC[name], RDFS.range)) == range_


def test_all_iris_are_ascii(onto):
    iris = {t for triple in onto for t in triple if isinstance(t, URIRef)}
    assert iris and all(str(i).isascii() and " " not in str(i) for i in iris)


def test_uses_the_project_prefixes(onto):
    bound = {prefix: str(ns) for prefix, ns in onto.namespaces()}
    for prefix, ns in PREFIXES.items():
        if prefix != "zgcr":  # the ontology names no individuals
            assert bound.get(prefix) == str(ns), prefix


def test_oxigraph_reads_the_same_triples(onto):
    store = pyoxigraph.Store()
    store.load(path=str(ontology_path()), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(onto)


def test_serialising_the_ontology_is_deterministic():
    """Builds include the ontology; its blank nodes (unions, restrictions) must not change the bytes."""
    outputs = set()
    for _ in range(2):
        g = Graph()
        g.parse(ontology_path(), format="turtle")
        outputs.add(g.serialize(format="turtle"))
    assert len(outputs) == 1


def test_alignment_targets_exist_in_their_vocabularies(onto):
    """A misspelt schema:/org:/prov: term would align to nothing, silently."""
    from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SDO, SKOS, XSD

    vocabularies = [DCTERMS, FOAF, ORG, PROV, SDO, SKOS, XSD]
    external = {o for p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf, RDFS.domain, RDFS.range)
                for o in onto.objects(None, p)
                if isinstance(o, URIRef) and not str(o).startswith(str(ZGC))
                and not str(o).startswith((str(RDF), str(RDFS), str(OWL)))}
    assert external
    unknown = [str(t) for t in external if not any(t in v for v in vocabularies)]
    assert unknown == []
