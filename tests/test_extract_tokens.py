"""The segmenter gives exactly jieba's words, whichever backend cuts the Han runs."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jieba
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from zgc_graph.extract import tokens
from zgc_graph.extract.tokens import cut, segment

REPO = Path(__file__).resolve().parents[1]
TRICKY = [
    "2023年营业收入增长12.5%，达到3.2亿元", "COVID-19疫苗与5G-A网络", "A+B轮融资，C#与.NET", "IPv6+ 创新联合体",
    "R&D投入占比0.875", "a_b下划线  两个空格\r\n换行", "全角：＃１２３％，“引号”（括号）", "北京市海淀区中关村大街1号",
    "", "   ", "。", "张三、李四和王五", "v2.0版本于2023-01-05发布",
    "源源源、万万万万万、朗朗朗朗朗朗朗", "印区区区", "合牵合", "江南Style很火，B超检查，T恤衫，A股上市", "2023年3C智能制造创新联合体新增12家上下游企业，营收约920亿元",
    "联席CEO刘文博近日表示，IPv6+与5G-A网络已在中关村科学城落地",
]


@pytest.fixture(autouse=True)
def fast_backend():
    """A small build earlier in this process may have asked for jieba alone: test the fast backend."""
    tokens.prefer_plain_jieba(False)


def _paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    for path in sorted((REPO / "tests" / "generalisation").glob("*.yaml")):
        texts.append(str(yaml.safe_load(path.read_text(encoding="utf-8")).get("text", "")))
    return texts


@pytest.mark.parametrize("text", TRICKY + _paragraphs())
def test_cut_is_jiebas_cut(text):
    assert cut(text) == jieba.lcut(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="中关村科技园区管理委员会印发了通知小米集团牵头成立创新联合体北京大学0123456789.%-+#&_ abcXYZ，。、“”（）\n",
               max_size=60))
def test_cut_matches_jieba_on_any_mix_of_han_digits_and_symbols(text):
    assert cut(text) == jieba.lcut(text)


def test_token_offsets_cover_the_text():
    text = "中关村管委会于2023年印发《若干措施》，支持12.5%的企业。"
    tokens = segment(text, offset=100)
    assert "".join(t.text for t in tokens) == text
    assert tokens[0].start == 100 and tokens[-1].end == 100 + len(text)
    assert all(a.end == b.start for a, b in zip(tokens, tokens[1:]))
    assert [t.is_word for t in tokens if t.text in ("，", "。", "《")] == [False, False, False]


def test_dictionary_tags_are_jieba_possegs():
    """The tag table is read from jieba's dictionary at once; it must be the one jieba.posseg builds."""
    import jieba.posseg

    assert tokens._tags() == jieba.posseg.dt.word_tag_tab


RELEASE = """
from zgc_graph.collector import return_freed_memory
from zgc_graph.extract import tokens


def resident_mib():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) // 1024


text = "中关村科技园区管理委员会印发《关于支持创新联合体建设的若干措施》，小米集团牵头组建3C智能制造创新联合体。"
words = [token.text for token in tokens.segment(text * 20)]
loaded = resident_mib()
tokens.release_dictionaries()
return_freed_memory()
released = resident_mib()
again = [token.text for token in tokens.segment(text * 20)]
print(loaded, released, again == words)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_releasing_the_dictionaries_gives_their_memory_back_and_the_next_cut_the_same_words():
    done = subprocess.run([sys.executable, "-c", RELEASE], capture_output=True, text=True, timeout=120)
    loaded, released, same = done.stdout.split()
    assert int(loaded) - int(released) > 80, (loaded, released)
    assert same == "True"
