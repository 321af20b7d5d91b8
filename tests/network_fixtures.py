"""Contract-shaped rdflib graphs written by hand, for the network, export and explorer tests.

Invented organisations only.  `ContractGraph` writes exactly what
/work/shared/CONTRACT.md promises (a small TBox with Chinese labels, entities
with prefLabel/altLabel/pinyin and zgc:mentionedIn, relations with an
rdf:Statement carrying the evidence sentence and its offsets), so these tests
do not depend on the graph builder.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from zgc_graph.graph.vocab import ORG, PREFIXES, ZGC, ZGCR

SUBCLASSES = {
    "Company": ("Organisation", "企业"),
    "University": ("Organisation", "高校"),
    "ResearchInstitute": ("Organisation", "科研机构"),
    "GovernmentBody": ("Organisation", "政府机构"),
    "InnovationConsortium": ("Platform", "创新联合体"),
    "ScienceCity": ("Platform", "科学城"),
    "PolicyDocument": ("Policy", "政策文件"),
}
TOP = {"Organisation": "机构", "Person": "人物", "Policy": "政策", "Platform": "平台"}
PROPERTIES = {
    "leads": ("牵头", "leads"), "memberOf": ("加入", "member of"), "locatedIn": ("位于", "located in"),
    "issuedBy": ("发布单位", "issued by"), "benefitsFrom": ("受益于", "benefits from"),
    "affiliatedWith": ("任职于", "affiliated with"), "partnerOf": ("合作伙伴", "partner of"),
    "memberCount": ("成员数量", "member count"), "roleTitle": ("职务", "role title"),
}


def _slug(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


class ContractGraph:
    """Builds a graph the way the contract describes it, one call per fact."""

    def __init__(self, labels: dict[str, tuple[str, str]] | None = None) -> None:
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns, override=True)
        self.texts: dict[URIRef, str] = {}
        g = self.graph
        for top, zh in TOP.items():
            g.add((ZGC[top], RDF.type, OWL.Class))
            g.add((ZGC[top], RDFS.label, Literal(zh, lang="zh")))
            g.add((ZGC[top], RDFS.label, Literal(top, lang="en")))
        for sub, (top, zh) in SUBCLASSES.items():
            g.add((ZGC[sub], RDF.type, OWL.Class))
            g.add((ZGC[sub], RDFS.subClassOf, ZGC[top]))
            g.add((ZGC[sub], RDFS.label, Literal(zh, lang="zh")))
        for prop, (zh, en) in {**PROPERTIES, **(labels or {})}.items():
            g.add((ZGC[prop], RDFS.label, Literal(zh, lang="zh")))
            g.add((ZGC[prop], RDFS.label, Literal(en, lang="en")))
        g.add((ZGC.partnerOf, RDF.type, OWL.SymmetricProperty))
        # The ontology's union lists are blank nodes: readers must not trip over them.
        union = BNode()
        g.add((ZGC.leads, RDFS.range, union))
        g.add((union, OWL.unionOf, RDF.nil))

    def document(self, key: str, title: str, text: str) -> URIRef:
        doc = ZGCR[f"doc/{key}"]
        self.graph.add((doc, RDF.type, ZGC.Document))
        self.graph.add((doc, DCTERMS.identifier, Literal(key)))
        self.graph.add((doc, DCTERMS.title, Literal(title, lang="zh")))
        self.texts[doc] = text
        return doc

    def entity(self, cls: str, label: str, aliases: tuple[str, ...] = (), pinyin: str | None = None,
               docs: tuple[URIRef, ...] = ()) -> URIRef:
        node = ZGCR[f"{cls.lower()}/e-{_slug(label)}"]
        self.graph.add((node, RDF.type, ZGC[cls]))
        self.graph.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
        self.graph.add((node, RDFS.label, Literal(label, lang="zh")))
        self.graph.add((node, SKOS.prefLabel, Literal(pinyin or f"pinyin {_slug(label)}", lang="zh-Latn-pinyin")))
        for alias in aliases:
            self.graph.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        for doc in docs:
            self.graph.add((node, ZGC.mentionedIn, doc))
        return node

    def _statement(self, s: URIRef, p: URIRef, o, doc: URIRef, sentence: str, rule: str, confidence: float) -> URIRef:
        text = self.texts[doc]
        start = text.index(sentence)
        st = ZGCR[f"statement/s-{_slug(str(s) + str(p) + str(o) + str(doc) + sentence)}"]
        g = self.graph
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        g.add((st, PROV.wasDerivedFrom, doc))
        g.add((st, ZGC.evidence, Literal(sentence, lang="zh")))
        g.add((st, ZGC.charStart, Literal(start)))
        g.add((st, ZGC.charEnd, Literal(start + len(sentence))))
        g.add((st, ZGC.extractionRule, Literal(rule)))
        g.add((st, ZGC.confidence, Literal(f"{confidence}", datatype=XSD.decimal)))
        return st

    def relation(self, s: URIRef, prop: str, o: URIRef, doc: URIRef, sentence: str, rule: str = "hand",
                 confidence: float = 0.9) -> None:
        pairs = [(s, o), (o, s)] if prop == "partnerOf" else [(s, o)]
        for a, b in pairs:
            self.graph.add((a, ZGC[prop], b))
            self._statement(a, ZGC[prop], b, doc, sentence, rule, confidence)

    def attribute(self, s: URIRef, prop: str, value: Literal, doc: URIRef, sentence: str) -> None:
        self.graph.add((s, ZGC[prop], value))
        self._statement(s, ZGC[prop], value, doc, sentence, "hand-number", 0.8)

    def membership(self, person: URIRef, org: URIRef, title: str, doc: URIRef, sentence: str) -> None:
        node = ZGCR[f"membership/m-{_slug(str(person) + str(org) + title)}"]
        g = self.graph
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, person))
        g.add((node, ORG.organization, org))
        g.add((node, ZGC.roleTitle, Literal(title, lang="zh")))
        self._statement(node, ZGC.roleTitle, Literal(title, lang="zh"), doc, sentence, "title-name", 0.9)
        self.relation(person, "affiliatedWith", org, doc, sentence, "title-name")

    def write(self, path: Path) -> Path:
        self.graph.serialize(path, format="turtle", encoding="utf-8")
        return path


NEWS = (
    "星河集团牵头组建的星河智能制造创新联合体今日揭牌，联合体首批成员单位共12家。\n"
    "华北大学、东岭研究院等单位加入该联合体，联合体落户星河科学城。\n"
    "星河集团副总裁周明远表示，联合体将聚焦工业软件和智能装备。\n"
    "星河市科委印发《星河市科技创新若干措施》，星河集团获得该措施支持。\n"
    "星河集团与华北大学签署战略合作协议。\n"
    "南湖软件与北岸数据联合发布开源工具链。\n"
)
BRIEF = "星河简讯：星河集团牵头的星河智能制造创新联合体再添新成员。\n"


def xinghe() -> tuple[ContractGraph, dict[str, URIRef]]:
    """Eleven entities in three components: a consortium with its members, a pair, and one on its own."""
    cg = ContractGraph()
    d1 = cg.document("xinghe-news-1a2b3c", "星河智能制造创新联合体揭牌", NEWS)
    d2 = cg.document("xinghe-brief-4d5e6f", "星河简讯", BRIEF)
    e = {
        "group": cg.entity("Company", "星河集团", ("星河", "星河科技"), "Xīnghé Jítuán", (d1, d2)),
        "consortium": cg.entity("InnovationConsortium", "星河智能制造创新联合体", ("联合体",),
                                "Xīnghé Zhìnéng Zhìzào Chuàngxīn Liánhétǐ", (d1, d2)),
        "university": cg.entity("University", "华北大学", (), "Huáběi Dàxué", (d1,)),
        "institute": cg.entity("ResearchInstitute", "东岭研究院", (), "Dōnglǐng Yánjiūyuàn", (d1,)),
        "city": cg.entity("ScienceCity", "星河科学城", (), "Xīnghé Kēxuéchéng", (d1,)),
        "commission": cg.entity("GovernmentBody", "星河市科学技术委员会", ("星河市科委",), None, (d1,)),
        "policy": cg.entity("PolicyDocument", "星河市科技创新若干措施", ("《星河市科技创新若干措施》",), None, (d1,)),
        "person": cg.entity("Person", "周明远", (), "Zhōu Míngyuǎn", (d1,)),
        "nanhu": cg.entity("Company", "南湖软件", (), None, (d1,)),
        "beian": cg.entity("Company", "北岸数据", (), None, (d1,)),
        "alone": cg.entity("Company", "孤岛科技", (), None, (d2,)),
    }
    cg.relation(e["group"], "leads", e["consortium"], d1, "星河集团牵头组建的星河智能制造创新联合体今日揭牌，联合体首批成员单位共12家。")
    cg.relation(e["group"], "leads", e["consortium"], d2, "星河简讯：星河集团牵头的星河智能制造创新联合体再添新成员。", "lead-pattern", 0.8)
    for member in ("university", "institute"):
        cg.relation(e[member], "memberOf", e["consortium"], d1, "华北大学、东岭研究院等单位加入该联合体，联合体落户星河科学城。")
    cg.relation(e["consortium"], "locatedIn", e["city"], d1, "华北大学、东岭研究院等单位加入该联合体，联合体落户星河科学城。")
    cg.relation(e["policy"], "issuedBy", e["commission"], d1, "星河市科委印发《星河市科技创新若干措施》，星河集团获得该措施支持。")
    cg.relation(e["group"], "benefitsFrom", e["policy"], d1, "星河市科委印发《星河市科技创新若干措施》，星河集团获得该措施支持。")
    cg.relation(e["group"], "partnerOf", e["university"], d1, "星河集团与华北大学签署战略合作协议。")
    cg.relation(e["nanhu"], "partnerOf", e["beian"], d1, "南湖软件与北岸数据联合发布开源工具链。")
    cg.membership(e["person"], e["group"], "副总裁", d1, "星河集团副总裁周明远表示，联合体将聚焦工业软件和智能装备。")
    cg.attribute(e["consortium"], "memberCount", Literal(12), d1,
                 "星河集团牵头组建的星河智能制造创新联合体今日揭牌，联合体首批成员单位共12家。")
    return cg, e


HOSTILE_LABEL = "<script>window.__pwned=1;alert(1)</script>恶意科技"
HOSTILE_ALIAS = '"><img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_SENTENCE = "</script><script>window.__pwned=1;alert(1)</script>恶意科技与<b>星河集团</b>合作。"
HOSTILE_TITLE = "<iframe src=javascript:alert(1)></iframe>新闻"


def hostile() -> tuple[ContractGraph, dict[str, URIRef]]:
    """Labels, an alias, a sentence and a title that would run script if inserted as HTML."""
    cg = ContractGraph()
    doc = cg.document("hostile-0a0b0c", HOSTILE_TITLE, "导语。\n" + HOSTILE_SENTENCE + "\n")
    e = {
        "evil": cg.entity("Company", HOSTILE_LABEL, (HOSTILE_ALIAS,), None, (doc,)),
        "group": cg.entity("Company", "星河集团", (), None, (doc,)),
    }
    cg.relation(e["evil"], "partnerOf", e["group"], doc, HOSTILE_SENTENCE)
    return cg, e
