"""A small hand-made corpus of invented organisations, people and policies.

Shared by the graph, Turtle and query tests.  Every Evidence is cut from the
document text by searching for its sentence, so offsets are always right.
"""
from __future__ import annotations

from datetime import date

from zgc_graph.models import (Attribute, Corpus, DocumentMetadata, Entity, EntityType, Evidence, MemberGroup,
                              Membership, Relation, SourceDocument)

NEWS = (
    "星河集团牵头组建的星河智能制造创新联合体今日揭牌，联合体首批成员单位共12家。\n"
    "华北大学、东岭研究院等单位加入该联合体，联合体落户星河科学城。\n"
    "星河集团副总裁周明远表示，联合体将聚焦工业软件和智能装备。\n"
    "星河市科委于2023年5月12日印发《星河市科技创新若干措施》。\n"
    "星河科学城是星河高新区的重要组成部分。\n"
    "星河科技与华北大学签署战略合作协议，星河科技将牵头联合体的标准工作。\n"
    "联合体首席科学家林晓岚介绍了研发计划。\n"
)
BRIEF = (
    "2024年3月，星河市科委发布《星河市数据要素行动计划》。\n"
    "星河集团牵头的星河智能制造创新联合体再添新成员，南湖软件加入联合体。\n"
    "该联合体由星河集团联合8家企业、4家高校院所组建。\n"
)


def _doc(doc_id: str, text: str, title: str, when: date | None) -> SourceDocument:
    meta = DocumentMetadata(title=title, publication="星河日报", date=when, source="https://example.org/news/1")
    return SourceDocument(doc_id=doc_id, path=f"{doc_id}.txt", original=text, text=text,
                          offsets=tuple(range(len(text))), metadata=meta)


DOC_NEWS = _doc("xinghe-news-0a1b2c", NEWS, "星河智能制造创新联合体揭牌", date(2023, 6, 1))
DOC_BRIEF = _doc("xinghe-brief-3d4e5f", BRIEF, "星河简讯", None)


def ev(doc: SourceDocument, needle: str) -> Evidence:
    """Evidence for the sentence of `doc` that contains `needle`."""
    at = doc.original.index(needle)
    start = doc.original.rfind("\n", 0, at) + 1
    end = doc.original.index("\n", at)
    return Evidence(doc.doc_id, doc.original[start:end], start, end)


def make_corpus() -> Corpus:
    O, P, Y, L = EntityType.ORGANISATION, EntityType.PERSON, EntityType.POLICY, EntityType.PLATFORM
    both = {DOC_NEWS.doc_id, DOC_BRIEF.doc_id}
    news = {DOC_NEWS.doc_id}
    entities = [
        Entity("星河集团", O, "Company", {"星河科技", "星河"}, both),
        Entity("星河智能制造创新联合体", L, "InnovationConsortium", {"联合体"}, both),
        Entity("华北大学", O, "University", set(), news),
        Entity("东岭研究院", O, "ResearchInstitute", set(), news),
        Entity("南湖软件", O, "Company", set(), {DOC_BRIEF.doc_id}),
        Entity("周明远", P, None, set(), news),
        Entity("林晓岚", P, None, set(), news),
        Entity("星河市科学技术委员会", O, "GovernmentBody", {"星河市科委"}, both),
        Entity("星河市科技创新若干措施", Y, "PolicyDocument", {"《星河市科技创新若干措施》"}, news),
        Entity("星河市数据要素行动计划", Y, "PolicyDocument", set(), {DOC_BRIEF.doc_id}),
        Entity("星河科学城", L, "ScienceCity", set(), news),
        Entity("星河高新区", L, "DemonstrationZone", set(), news),
    ]
    consortium = "星河智能制造创新联合体"
    relations = [
        Relation("星河集团", "leads", consortium, ev(DOC_NEWS, "牵头组建"), "lead-pattern", 0.9),
        Relation("星河集团", "leads", consortium, ev(DOC_BRIEF, "再添新成员"), "lead-pattern", 0.9),
        Relation("星河集团", "leads", consortium, ev(DOC_NEWS, "标准工作"), "lead-verb", 0.6),
        Relation("华北大学", "memberOf", consortium, ev(DOC_NEWS, "加入该联合体"), "enumeration-join", 0.8),
        Relation("东岭研究院", "memberOf", consortium, ev(DOC_NEWS, "加入该联合体"), "enumeration-join", 0.8),
        Relation("南湖软件", "memberOf", consortium, ev(DOC_BRIEF, "南湖软件加入"), "join-verb", 0.85),
        Relation(consortium, "locatedIn", "星河科学城", ev(DOC_NEWS, "落户星河科学城"), "settle-verb", 0.75),
        Relation("星河科学城", "partOf", "星河高新区", ev(DOC_NEWS, "组成部分"), "part-of", 0.7),
        Relation("星河市科技创新若干措施", "issuedBy", "星河市科学技术委员会", ev(DOC_NEWS, "印发"), "issue-verb", 0.95),
        Relation("星河市数据要素行动计划", "issuedBy", "星河市科学技术委员会", ev(DOC_BRIEF, "发布"), "issue-verb", 0.95),
        Relation("星河集团", "partnerOf", "华北大学", ev(DOC_NEWS, "战略合作"), "cooperation", 0.8),
        Relation("星河集团", "leads", "不存在的机构", ev(DOC_NEWS, "牵头组建"), "lead-pattern", 0.9),
    ]
    attributes = [
        Attribute(consortium, "memberCount", 12, ev(DOC_NEWS, "共12家"), "member-count"),
        Attribute(consortium, "memberGroup", MemberGroup(8, "企业"), ev(DOC_BRIEF, "8家企业"), "founded-by-groups"),
        Attribute(consortium, "memberGroup", MemberGroup(4, "高校院所"), ev(DOC_BRIEF, "8家企业"), "founded-by-groups"),
        Attribute("星河市科技创新若干措施", "issuedOn", date(2023, 5, 12), ev(DOC_NEWS, "印发"), "date", precision="day"),
        Attribute("星河市数据要素行动计划", "issuedOn", date(2024, 3, 1), ev(DOC_BRIEF, "发布"), "date", precision="month"),
    ]
    memberships = [
        Membership("周明远", "星河集团", "副总裁", ev(DOC_NEWS, "副总裁周明远"), "org-title-name", 0.9),
        Membership("林晓岚", None, "首席科学家", ev(DOC_NEWS, "林晓岚"), "title-name", 0.7),
    ]
    return Corpus(
        documents=[DOC_NEWS, DOC_BRIEF],
        entities={e.label: e for e in entities},
        relations=relations,
        attributes=attributes,
        memberships=memberships,
    )
