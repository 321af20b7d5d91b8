"""A small hand-made graph shaped like CONTRACT.md, with invented organisations and documents.

It exercises what engines disagree on: language tags with capitals, integers
and dates, blank nodes (an rdf:Statement written as `[]` and an owl:unionOf
list), evidence strings with quotes, a backslash and a newline, and one
relation supported by two documents.
"""
from __future__ import annotations

from collections import Counter

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from zgc_graph.graph.vocab import ORG, PREFIXES, ZGC, ZGCR

PINYIN = "zh-Latn-pinyin"

DOC_A = ZGCR["doc/xinghe-weekly-2023-0a1b2c"]
DOC_B = ZGCR["doc/yunling-bulletin-2023-3d4e5f"]
XINGHE = ZGCR["org/xinghe-jituan-7c1e2a"]            # 星河集团
CONSORTIUM = ZGCR["platform/xinghe-zhineng-9b3f10"]  # 星河智能制造创新联合体
CHENGUANG = ZGCR["org/chenguang-daxue-4d2a88"]        # 晨光大学
BUREAU = ZGCR["org/yunling-qu-kejiju-52ce01"]         # 云岭区科技创新局
POLICY = ZGCR["policy/yunling-zhizao-fuchi-1f0e77"]   # 《云岭区智能制造专项扶持办法》
LIN = ZGCR["person/lin-xiaochuan-aa03b4"]             # 林晓川
MEMBERSHIP = ZGCR["membership/5e1f0c3b9a7d2e41"]

SENTENCE_A1 = "星河集团牵头组建的星河智能制造创新联合体已吸纳成员单位35家，晨光大学等高校参与其中。"
SENTENCE_A2 = "《云岭区智能制造专项扶持办法》由云岭区科技创新局于2023年3月15日发布，\n被称为\"智造十条\"。"
SENTENCE_B1 = "据星河集团副总裁林晓川介绍，晨光大学是联合体首批成员（路径见 C:\\docs）。"


def _entity(g: Graph, node: URIRef, cls: URIRef, zh: str, pinyin: str, *docs: URIRef, alt: str | None = None) -> None:
    g.add((node, RDF.type, cls))
    g.add((node, SKOS.prefLabel, Literal(zh, lang="zh")))
    g.add((node, RDFS.label, Literal(zh, lang="zh")))
    g.add((node, RDFS.label, Literal(pinyin, lang=PINYIN)))
    if alt:
        g.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
    for doc in docs:
        g.add((node, ZGC.mentionedIn, doc))


def _statement(g: Graph, node, s, p, o, doc: URIRef, sentence: str, start: int) -> None:
    g.add((s, p, o))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, PROV.wasDerivedFrom, doc))
    g.add((node, ZGC.evidence, Literal(sentence, lang="zh")))
    g.add((node, ZGC.charStart, Literal(start, datatype=XSD.integer)))
    g.add((node, ZGC.charEnd, Literal(start + len(sentence), datatype=XSD.integer)))


def contract_graph() -> Graph:
    """The hand-made graph: ontology fragment, six entities, two documents, evidence for every fact."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    # -- ontology fragment (default graph in TriG) --
    for top in (ZGC.Organisation, ZGC.Person, ZGC.Policy, ZGC.Platform, ZGC.Document):
        g.add((top, RDF.type, OWL.Class))
    for sub, top in ((ZGC.Company, ZGC.Organisation), (ZGC.University, ZGC.Organisation),
                     (ZGC.GovernmentBody, ZGC.Organisation), (ZGC.InnovationConsortium, ZGC.Platform),
                     (ZGC.PolicyDocument, ZGC.Policy)):
        g.add((sub, RDF.type, OWL.Class))
        g.add((sub, RDFS.subClassOf, top))
    g.add((ZGC.University, RDFS.label, Literal("大学", lang="zh")))
    g.add((ZGC.University, RDFS.label, Literal("University", lang="en")))
    union = BNode()
    Collection(g, union, [ZGC.Platform, ZGC.Organisation])
    range_class = BNode()
    g.add((range_class, OWL.unionOf, union))
    g.add((ZGC.leads, RDF.type, OWL.ObjectProperty))
    g.add((ZGC.leads, RDFS.range, range_class))
    # -- documents --
    g.add((DOC_A, RDF.type, ZGC.Document))
    g.add((DOC_A, DCTERMS.title, Literal("星河智能制造创新联合体扩容", lang="zh")))
    g.add((DOC_A, DCTERMS.issued, Literal("2023-05-06", datatype=XSD.date)))
    g.add((DOC_B, RDF.type, ZGC.Document))
    g.add((DOC_B, DCTERMS.title, Literal("云岭区科技简报", lang="zh")))
    # -- entities --
    _entity(g, XINGHE, ZGC.Company, "星河集团", "Xīnghé Jítuán", DOC_A, DOC_B, alt="星河")
    _entity(g, CONSORTIUM, ZGC.InnovationConsortium, "星河智能制造创新联合体",
            "Xīnghé Zhìnéng Zhìzào Chuàngxīn Liánhétǐ", DOC_A, alt="联合体")
    _entity(g, CHENGUANG, ZGC.University, "晨光大学", "Chénguāng Dàxué", DOC_A, DOC_B)
    _entity(g, BUREAU, ZGC.GovernmentBody, "云岭区科技创新局", "Yúnlǐng Qū Kējì Chuàngxīn Jú", DOC_A)
    _entity(g, POLICY, ZGC.PolicyDocument, "《云岭区智能制造专项扶持办法》",
            "Yúnlǐng Qū Zhìnéng Zhìzào Zhuānxiàng Fúchí Bànfǎ", DOC_A, alt="智造十条")
    _entity(g, LIN, ZGC.Person, "林晓川", "Lín Xiǎochuān", DOC_B)
    # -- facts, each with its evidence --
    a1, a2, b1 = 120, 410, 57
    _statement(g, ZGCR["stmt/0000000000000a01"], XINGHE, ZGC.leads, CONSORTIUM, DOC_A, SENTENCE_A1, a1)
    _statement(g, ZGCR["stmt/0000000000000a02"], CHENGUANG, ZGC.memberOf, CONSORTIUM, DOC_A, SENTENCE_A1, a1)
    _statement(g, ZGCR["stmt/0000000000000b01"], CHENGUANG, ZGC.memberOf, CONSORTIUM, DOC_B, SENTENCE_B1, b1)
    _statement(g, ZGCR["stmt/0000000000000a03"], CONSORTIUM, ZGC.memberCount,
               Literal(35, datatype=XSD.integer), DOC_A, SENTENCE_A1, a1)
    _statement(g, ZGCR["stmt/0000000000000a04"], POLICY, ZGC.issuedBy, BUREAU, DOC_A, SENTENCE_A2, a2)
    _statement(g, BNode(), POLICY, ZGC.issuedOn, Literal("2023-03-15", datatype=XSD.date), DOC_A, SENTENCE_A2, a2)
    _statement(g, ZGCR["stmt/0000000000000b02"], LIN, ZGC.affiliatedWith, XINGHE, DOC_B, SENTENCE_B1, b1)
    g.add((MEMBERSHIP, RDF.type, ORG.Membership))
    g.add((MEMBERSHIP, ORG.member, LIN))
    g.add((MEMBERSHIP, ORG.organization, XINGHE))
    _statement(g, ZGCR["stmt/0000000000000b03"], MEMBERSHIP, ZGC.roleTitle, Literal("副总裁", lang="zh"),
               DOC_B, SENTENCE_B1, b1)
    return g


# Queries in the style of the canned ones, over the hand-made graph; each hits an engine difference.
CONTRACT_QUERIES = {
    "organisations": """
        SELECT ?org ?name ?pinyin WHERE {
          ?org a/rdfs:subClassOf* zgc:Organisation ; skos:prefLabel ?name ; rdfs:label ?pinyin .
          FILTER(langMatches(lang(?pinyin), "zh-Latn-pinyin"))
        }""",
    "evidence": """
        SELECT ?s ?p ?o ?doc ?text ?start ?end WHERE {
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              prov:wasDerivedFrom ?doc ; zgc:evidence ?text ; zgc:charStart ?start ; zgc:charEnd ?end .
        }""",
    "types": """
        SELECT ?top (COUNT(DISTINCT ?x) AS ?n) WHERE {
          VALUES ?top { zgc:Organisation zgc:Person zgc:Policy zgc:Platform }
          ?x a/rdfs:subClassOf* ?top .
        } GROUP BY ?top""",
    "numbers_and_dates": """
        SELECT ?x ?count ?date WHERE {
          { ?x zgc:memberCount ?count FILTER(?count > 10) } UNION { ?x zgc:issuedOn ?date }
        }""",
    "optional_title": """
        SELECT ?person ?org ?title WHERE {
          ?person zgc:affiliatedWith ?org .
          OPTIONAL { ?m org:member ?person ; org:organization ?org ; zgc:roleTitle ?title }
        }""",
    "blank_statements": "SELECT ?st ?p WHERE { ?st a rdf:Statement ; rdf:predicate ?p FILTER(isBlank(?st)) }",
    "ask_pinyin_lowercase": 'ASK { ?x rdfs:label ?l FILTER(langMatches(lang(?l), "zh-latn-pinyin")) }',
}


def best_known_name(graph: Graph) -> str:
    """A value for canned queries' `name` parameter, read from the graph itself (never typed in):
    the Chinese name of the entity with the most evidence statements."""
    statements = Counter(graph.objects(None, RDF.subject))
    labelled = [(-statements[e], str(label)) for e, label in graph.subject_objects(SKOS.prefLabel)
                if isinstance(label, Literal) and label.language == "zh"]
    if not labelled:
        raise AssertionError("the graph has no skos:prefLabel@zh to fill the 'name' parameter with")
    return min(labelled)[1]


def canned_queries(graph: Graph) -> dict[str, str]:
    """Every canned query, parameters filled from `graph`."""
    from zgc_graph.queries import get_canned, list_canned

    queries = {}
    for canned in list_canned():
        unknown = set(canned.params) - {"name"}
        if unknown:
            raise AssertionError(f"canned query {canned.name} takes {sorted(unknown)}: teach interop_fixtures a value")
        queries[canned.name] = get_canned(canned.name, **{p: best_known_name(graph) for p in canned.params})
    return queries
