"""Entity IRIs: ASCII, readable, stable across builds, never colliding; pinyin labels."""
from __future__ import annotations

import re

from zgc_graph.graph.iris import EntityIris, document_iri, entity_iri, statement_iri
from zgc_graph.graph.pinyin import romanise, slug
from zgc_graph.graph.vocab import ZGCR
from zgc_graph.models import EntityType

ORG = EntityType.ORGANISATION
IRI = re.compile(r"^https://w3id\.org/zgc-graph/id/(org|person|policy|platform)/[a-z0-9-]{1,40}-[0-9a-f]{6}$")


def test_homophones_share_a_slug_but_not_an_iri():
    huawei, huawei2 = entity_iri("华为", ORG), entity_iri("华威", ORG)
    assert slug("华为") == slug("华威") == "huawei"
    assert huawei != huawei2
    assert IRI.match(str(huawei)) and IRI.match(str(huawei2))
    assert str(huawei).startswith(str(ZGCR) + "org/huawei-")


def test_iris_are_ascii_and_depend_only_on_the_label():
    labels = ["星河集团", "5G智能终端创新联合体", "《星河市科技创新若干措施》", "IBM中国研究院（北京）",
              "星河市科学技术委员会、星河高新技术产业开发区管理委员会", "🚀"]
    for label in labels:
        iri = entity_iri(label, ORG)
        assert IRI.match(str(iri)), iri
        assert iri == entity_iri(label, ORG)
    assert entity_iri("5G智能终端创新联合体", EntityType.PLATFORM).startswith(
        str(ZGCR) + "platform/5g-zhineng-zhongduan-chuangxin-lianheti-")
    assert entity_iri("周明远", EntityType.PERSON).startswith(str(ZGCR) + "person/zhou-mingyuan-")


def test_slug_is_short_and_keeps_latin_and_digits():
    assert slug("AI创新中心 v2.0") == "ai-chuangxin-zhongxin-v2-0"
    long = slug("星河市科学技术委员会、星河高新技术产业开发区管理委员会")
    assert len(long) <= 40 and not long.endswith("-")
    assert slug("《》") == "x"


def test_minting_resolves_hash_collisions_deterministically():
    # Emoji do not reach the slug: forty labels share it, and a one-hex hash must collide.
    labels = {f"星河{chr(0x1F600 + i)}": ORG for i in range(40)}
    assert {slug(label) for label in labels} == {"xinghe"}
    first = EntityIris(labels, hash_len=1)
    iris = [first[label] for label in labels]
    assert len(set(iris)) == len(labels)
    again = EntityIris(dict(reversed(list(labels.items()))), hash_len=1)
    assert all(first[label] == again[label] for label in labels)


def test_document_and_statement_iris():
    assert document_iri("xinghe-news-0a1b2c") == ZGCR["doc/xinghe-news-0a1b2c"]
    a = statement_iri("s", "p", "o", "d", 0, 10)
    assert re.fullmatch(r".*/stmt/[0-9a-f]{16}", str(a))
    assert a == statement_iri("s", "p", "o", "d", 0, 10)
    assert a != statement_iri("s", "p", "o", "d", 0, 11)
    assert statement_iri("ab", "c", "o", "d", 0, 1) != statement_iri("a", "bc", "o", "d", 0, 1)


def test_romanised_labels_group_syllables_into_capitalised_words():
    assert romanise("星河集团") == "Xīnghé Jítuán"
    assert romanise("西安交通大学") == "Xī'ān Jiāotōng Dàxué"
    assert romanise("5G智能终端创新联合体") == "5G Zhìnéng Zhōngduān Chuàngxīn Liánhétǐ"
    assert romanise("IBM中国研究院（北京）") == "IBM Zhōngguó Yánjiūyuàn (Běijīng)"
    assert romanise("《星河市科技创新若干措施》").startswith("Xīnghé Shì Kējì")
    assert romanise("周明远", is_person=True) == "Zhōu Míngyuǎn"
    assert romanise("欧阳明", is_person=True) == "Ōuyáng Míng"
    assert romanise("单立新", is_person=True).startswith("Shàn ")


def test_words_added_to_jiebas_global_dictionary_change_nothing():
    import jieba

    before = (romanise("星河智能制造"), slug("星河智能制造"))
    jieba.add_word("星河智能制造", freq=10**9)
    try:
        assert (romanise("星河智能制造"), slug("星河智能制造")) == before
    finally:
        jieba.del_word("星河智能制造")


def test_labels_romanised_on_several_processes_read_the_same(monkeypatch):
    # a large build romanises its labels in a process pool; IRIs and pinyin labels must not change
    from zgc_graph.graph import pinyin

    names = [("星河集团", False), ("中关村科学城管委会", False), ("欧阳明远", True), ("马克·扎克伯格", True),
             ("5G智能终端创新联合体", False), ("西安交通大学", False), ("单雪", True)]
    expected = [(pinyin._slug(label, person, pinyin.SLUG_MAX), pinyin._romanise(label, person)) for label, person in names]
    monkeypatch.setattr(pinyin, "_READY", {})
    monkeypatch.setattr(pinyin, "_PREPARE_MIN", 1)
    pinyin.prepare(names, processes=2)
    assert set(pinyin._READY) == set(names)
    assert [(pinyin.slug(label, is_person=p), pinyin.romanise(label, is_person=p)) for label, p in names] == expected
