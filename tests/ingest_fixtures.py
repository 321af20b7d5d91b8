"""Hand-written texts for the ingest tests (invented parks, institutes and people)."""
from __future__ import annotations

from pathlib import Path

from zgc_graph.ingest.chars import fold_char
from zgc_graph.models import SourceDocument

# A clean paragraph in simplified characters with ASCII digits.
CLEAN = ("近日，云岭科技园管理委员会印发《云岭科技园促进集成电路产业发展若干措施》，支持园区企业开展关键技术攻关。"
         "目前，园区已聚集集成电路设计企业20家，年产值超过50亿元。"
         "星河智能研究院院长周明远表示：“新措施降低了企业研发成本，我们将与青石大学共建联合实验室。”")

# The same paragraph as a Taiwan or Hong Kong paper would print it.
TRADITIONAL = ("近日，雲嶺科技園管理委員會印發《雲嶺科技園促進集成電路產業發展若干措施》，支持園區企業開展關鍵技術攻關。"
               "目前，園區已聚集集成電路設計企業20家，年產值超過50億元。"
               "星河智能研究院院長周明遠表示：“新措施降低了企業研發成本，我們將與青石大學共建聯合實驗室。”")

# The same paragraph typed with full-width digits and brackets.
FULLWIDTH = CLEAN.replace("20家", "２０家").replace("50亿元", "５０亿元")

# A sentence with a character outside GBK (CJK extension A), for GB18030.
RARE = "青石大学教授刘䶮团队研制出新型存储芯片。"

HEADLINE = "云岭科技园发布新一轮企业服务措施"

# A feature story the way newspaper text files arrive: a headline, a byline,
# a paragraph cut by a column break inside a word, a photo caption set into
# the middle of a quotation, headings, and a speaker's line ending in ：.
PAGE = (
    f"{HEADLINE}\n\n"
    "本报记者 林晓\n\n"
    "作为区域创新发展主平台，包括云岭科技园、青石科学城、星河未来\n\n"
    "产业园在内的“两园一城”，以不足5%的土地贡献了全区四成的税收。\n\n"
    "园区已形成以人工智能、集成电\n\n"
    "路、生物医药为代表的产业集群，成为全区高质量发展的引擎。\n\n"
    "相关报道\n\n"
    "星河智能研究院院长周明远：\n\n"
    "研究院将发挥平台优势，持续推进“研发\n\n\n\n"
    "图为青石大学联合实验室一角。\n\n"
    "(记者 林晓 摄)\n\n"
    "成果转化”工作，与园区企业共建中试平台。\n\n"
    "园区企业服务中心已于6月启用，提供政策咨询、知识产权等服务。\n\n"
    "(云岭科技园管委会供图)\n"
)


# PAGE as the extractor should read it.
PAGE_TEXT = "\n".join([
    HEADLINE,
    "本报记者 林晓",
    "作为区域创新发展主平台，包括云岭科技园、青石科学城、星河未来产业园在内的“两园一城”，"
    "以不足5%的土地贡献了全区四成的税收。",
    "园区已形成以人工智能、集成电路、生物医药为代表的产业集群，成为全区高质量发展的引擎。",
    "相关报道",
    "星河智能研究院院长周明远：",
    "研究院将发挥平台优势，持续推进“研发成果转化”工作，与园区企业共建中试平台。",
    "园区企业服务中心已于6月启用，提供政策咨询、知识产权等服务。",
    "(云岭科技园管委会供图)",
])


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def assert_offsets_point_into_original(doc: SourceDocument) -> None:
    """Every text character came from the original: the same char or its folded form."""
    assert len(doc.offsets) == len(doc.text)
    previous = -1
    for i, ch in enumerate(doc.text):
        o = doc.offsets[i]
        assert o > previous, f"offsets not increasing at {i}"
        previous = o
        source = doc.original[o]
        if ch == "\n":
            assert source in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", (i, repr(source))
        else:
            assert ch == source or ch == fold_char(source), (i, ch, source)
