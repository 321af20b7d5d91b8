"""A small hand-made graph that follows CONTRACT.md, for the ontology and validation tests.

Everything here is invented (星河集团, 启明大学, 青峰科技园 …); offsets are computed
from `TEXT`, so `TEXT[charStart:charEnd] == evidence` holds for every statement.
Each call returns a fresh graph, so a test can break its own copy.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from zgc_graph.graph.ontology import load_ontology
from zgc_graph.graph.vocab import ORG, PREFIXES, ZGC, ZGCR

TEXT = (
    "星河集团牵头组建星河智能制造创新联合体，联合体共有12家成员单位。"
    "启明大学作为成员单位加入星河智能制造创新联合体。"
    "星河智能制造创新联合体落户青峰科技园。"
    "青峰科技园是东湖示范区的组成部分。"
    "2023年4月，海淀区科委印发《智能制造专项扶持办法》。"
    "星河集团获得《智能制造专项扶持办法》支持。"
    "星河集团首席技术官林晓峰介绍了联合体的进展。"
    "启明大学与星河集团签署战略合作协议。"
)

DOC = ZGCR["doc/xinghe-news-4f2a9c"]

# key -> (IRI, class, prefLabel, pinyin)
ENTITIES = {
    "xinghe": (ZGCR["org/xinghe-jituan-5e1f0a"], ZGC.Company, "星河集团", "Xīnghé Jítuán"),
    "qiming": (ZGCR["org/qiming-daxue-83b2d1"], ZGC.University, "启明大学", "Qǐmíng Dàxué"),
    "kewei": (ZGCR["org/haidianqu-kewei-0c9e47"], ZGC.GovernmentBody, "海淀区科委", "Hǎidiànqū Kēwěi"),
    "consortium": (ZGCR["platform/xinghe-zhineng-zhizao-chuangxin-lianheti-a41c07"],
                   ZGC.InnovationConsortium, "星河智能制造创新联合体", "Xīnghé Zhìnéng Zhìzào Chuàngxīn Liánhétǐ"),
    "park": (ZGCR["platform/qingfeng-kejiyuan-2d7b55"], ZGC.SciencePark, "青峰科技园", "Qīngfēng Kējìyuán"),
    "zone": (ZGCR["platform/donghu-shifanqu-9a0e13"], ZGC.DemonstrationZone, "东湖示范区", "Dōnghú Shìfànqū"),
    "policy": (ZGCR["policy/zhineng-zhizao-zhuanxiang-fuchi-banfa-6f3d28"], ZGC.PolicyDocument,
               "智能制造专项扶持办法", "Zhìnéng Zhìzào Zhuānxiàng Fúchí Bànfǎ"),
    "lin": (ZGCR["person/lin-xiaofeng-b7e610"], ZGC.Person, "林晓峰", "Lín Xiǎofēng"),
}

# (statement key, subject key, predicate, object key, sentence that holds the evidence)
RELATIONS = [
    ("leads", "xinghe", ZGC.leads, "consortium", "星河集团牵头组建星河智能制造创新联合体"),
    ("member", "qiming", ZGC.memberOf, "consortium", "启明大学作为成员单位加入星河智能制造创新联合体"),
    ("located", "consortium", ZGC.locatedIn, "park", "星河智能制造创新联合体落户青峰科技园"),
    ("part", "park", ZGC.partOf, "zone", "青峰科技园是东湖示范区的组成部分"),
    ("issued", "policy", ZGC.issuedBy, "kewei", "海淀区科委印发《智能制造专项扶持办法》"),
    ("benefits", "xinghe", ZGC.benefitsFrom, "policy", "星河集团获得《智能制造专项扶持办法》支持"),
    ("affiliated", "lin", ZGC.affiliatedWith, "xinghe", "星河集团首席技术官林晓峰"),
    # asserted one way, evidenced the other way round: allowed for a symmetric property
    ("partner", "xinghe", ZGC.partnerOf, "qiming", "启明大学与星河集团签署战略合作协议"),
]

MEMBERSHIP = ZGCR["membership/lin-xiaofeng-xinghe-jituan-1c2d3e"]


def iri(key: str) -> URIRef:
    return ENTITIES[key][0]


def stmt(key: str) -> URIRef:
    return ZGCR[f"statement/{key}"]


def span(sentence: str) -> tuple[int, int]:
    start = TEXT.index(sentence)
    return start, start + len(sentence)


def add_statement(g: Graph, node: URIRef, s, p, o, sentence: str, rule: str = "test-rule") -> None:
    start, end = span(sentence)
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, PROV.wasDerivedFrom, DOC))
    g.add((node, ZGC.evidence, Literal(sentence, lang="zh")))
    g.add((node, ZGC.charStart, Literal(start)))
    g.add((node, ZGC.charEnd, Literal(end)))
    g.add((node, ZGC.confidence, Literal(Decimal("0.9"))))
    g.add((node, ZGC.extractionRule, Literal(rule)))


def conforming_graph(with_ontology: bool = True) -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    if with_ontology:
        g += load_ontology()
    g.add((DOC, RDF.type, ZGC.Document))
    g.add((DOC, ZGC.encoding, Literal("utf-8")))
    for node, cls, label, pinyin in ENTITIES.values():
        g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
        g.add((node, RDFS.label, Literal(label, lang="zh")))
        g.add((node, RDFS.label, Literal(pinyin, lang="zh-Latn-pinyin")))
        g.add((node, ZGC.mentionedIn, DOC))
    g.add((iri("xinghe"), SKOS.altLabel, Literal("星河", lang="zh")))
    for key, s, p, o, sentence in RELATIONS:
        g.add((iri(s), p, iri(o)))
        if key == "partner":
            add_statement(g, stmt(key), iri(o), p, iri(s), sentence)
        else:
            add_statement(g, stmt(key), iri(s), p, iri(o), sentence)
    count = Literal(12)
    g.add((iri("consortium"), ZGC.memberCount, count))
    add_statement(g, stmt("count"), iri("consortium"), ZGC.memberCount, count, "联合体共有12家成员单位")
    issued = Literal("2023-04", datatype=XSD.gYearMonth)
    g.add((iri("policy"), ZGC.issuedOn, issued))
    add_statement(g, stmt("date"), iri("policy"), ZGC.issuedOn, issued, "2023年4月，海淀区科委印发《智能制造专项扶持办法》")
    g.add((MEMBERSHIP, RDF.type, ORG.Membership))
    g.add((MEMBERSHIP, ORG.member, iri("lin")))
    g.add((MEMBERSHIP, ORG.organization, iri("xinghe")))
    g.add((MEMBERSHIP, ZGC.roleTitle, Literal("首席技术官", lang="zh")))
    return g
