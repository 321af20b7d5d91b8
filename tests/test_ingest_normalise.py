"""Page-break joins, caption removal, headings, sentences and the offset invariant."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest_fixtures import HEADLINE, PAGE, PAGE_TEXT, assert_offsets_point_into_original, write
from zgc_graph.ingest import read_document, split_sentences
from zgc_graph.ingest.normalise import normalise
from zgc_graph.models import SourceDocument


@pytest.fixture
def page(tmp_path: Path) -> SourceDocument:
    return read_document(write(tmp_path / "page.txt", PAGE.encode("utf-8")))


def test_page_reads_as_expected(page):
    assert page.text == PAGE_TEXT


def test_word_cut_by_a_column_break_is_rejoined(page):
    assert "星河未来产业园在内" in page.text
    assert "集成电路、生物医药" in page.text


def test_caption_in_the_middle_of_a_sentence_is_skipped(page):
    assert "图为青石大学联合实验室一角" not in page.text
    assert "记者 林晓 摄" not in page.text
    assert "持续推进“研发成果转化”工作" in page.text


def test_headings_bylines_and_speaker_lines_stay_apart(page):
    lines = page.text.split("\n")
    assert lines[:2] == [HEADLINE, "本报记者 林晓"]
    assert "相关报道" in lines and "星河智能研究院院长周明远：" in lines


def test_caption_after_a_finished_paragraph_is_kept(page):
    assert page.text.endswith("等服务。\n(云岭科技园管委会供图)")


def test_unfinished_subheadline_before_a_heading_is_not_joined():
    text, _ = normalise("园区围绕做强创新主体、集聚创新要素等方面开展改革，取得积极成效\n\n特别报道\n\n"
                        "本报记者 林晓\n\n近日，园区举行发布会。\n")
    assert text.split("\n") == ["园区围绕做强创新主体、集聚创新要素等方面开展改革，取得积极成效",
                                "特别报道", "本报记者 林晓", "近日，园区举行发布会。"]


@pytest.mark.parametrize("credit", ["(云岭科技园管委会供图)", "（记者 林晓 摄）", "新华社记者 王磊 摄", "图片来源：青石大学"])
def test_credit_lines_are_recognised(credit):
    text, _ = normalise(f"{HEADLINE}\n\n青石大学、云岭科技园共建的中试基地\n\n图为基地内景。\n\n{credit}\n\n已投入使用。\n")
    assert text == f"{HEADLINE}\n青石大学、云岭科技园共建的中试基地已投入使用。"


def test_two_caption_lines_and_a_bare_picture_line():
    two = normalise(f"{HEADLINE}\n\n今年以来，园区企业达到\n\n园区一角。\n\n企业员工在生产线上工作。\n\n"
                    "(记者 林晓 摄)\n\n两千家，同比增长一成。")[0]
    bare = normalise(f"{HEADLINE}\n\n今年以来，园区企业达到\n\n图为园区一角。\n\n两千家，同比增长一成。")[0]
    assert two == bare == f"{HEADLINE}\n今年以来，园区企业达到两千家，同比增长一成。"


def test_paragraph_without_internal_punctuation_is_not_joined():
    text, _ = normalise(f"{HEADLINE}\n\n园区企业服务中心启用\n\n中心提供政策咨询等服务。")
    assert text == f"{HEADLINE}\n园区企业服务中心启用\n中心提供政策咨询等服务。"


def test_field_lines_guest_lines_and_list_items_are_never_glued():
    """A post's field lines (支持单位：A、B), guest lines (李卫东 | 教授、博导) and numbered items end where
    they end, though they hold a 、 and no final punctuation; a sentence cut by a break is still rejoined."""
    text, _ = normalise(f"{HEADLINE}\n支持单位：云岭汽车电子有限公司、青石数据科技有限公司\n"
                        "云岭智控科技有限公司等企业已入驻园区。\n李卫东 | 青石大学教授、博士生导师\n"
                        "周雅琴 | 云岭智算科技有限公司创始人、CEO\n园区企业达到两千家，包括\n"
                        "①云岭智控科技有限公司\n今年以来，园区企业达到\n两千家，同比增长一成。")
    assert text.split("\n")[1:] == [
        "支持单位：云岭汽车电子有限公司、青石数据科技有限公司", "云岭智控科技有限公司等企业已入驻园区。",
        "李卫东 | 青石大学教授、博士生导师", "周雅琴 | 云岭智算科技有限公司创始人、CEO", "园区企业达到两千家，包括",
        "①云岭智控科技有限公司", "今年以来，园区企业达到两千家，同比增长一成。"]


def test_a_list_of_other_articles_titles_is_dropped():
    """往期推荐 and the headlines under it are no part of the text; body text after them is."""
    text, _ = normalise(f"{HEADLINE}\n云岭智算完成B轮融资。\n\n往期推荐\n①云岭医疗完成A轮融资 长风资本领投\n"
                        "②青石大学与云岭科技共建联合实验室\n\n【相关阅读】\n园区发布新政\n云岭智算与青石大学签署合作协议。")
    assert text.split("\n")[1:] == ["云岭智算完成B轮融资。", "云岭智算与青石大学签署合作协议。"]


def test_short_first_line_is_a_title_even_with_a_comma():
    text, _ = normalise("多措并举，园区加快培育创新主体\n\n近日，园区举行发布会。")
    assert text == "多措并举，园区加快培育创新主体\n近日，园区举行发布会。"


def test_paragraph_ending_in_brackets_or_closing_quotes_is_finished():
    text, _ = normalise("他说，“这是新起点。”\n\n下一段，继续报道\n\n(完)\n\n附件：措施全文")
    assert text.split("\n") == ["他说，“这是新起点。”", "下一段，继续报道", "(完)", "附件：措施全文"]


def test_sentences_split_keep_closing_quotes_and_paragraphs(page):
    sentences = split_sentences(page)
    texts = [s.text for s in sentences]
    assert "星河智能研究院院长周明远：" in texts
    assert texts[-2:] == ["园区企业服务中心已于6月启用，提供政策咨询、知识产权等服务。", "(云岭科技园管委会供图)"]
    assert [s.index for s in sentences] == list(range(len(sentences)))
    by_text = {s.text: s for s in sentences}
    assert by_text["星河智能研究院院长周明远："].paragraph == 5
    assert by_text["(云岭科技园管委会供图)"].paragraph == 8
    quoted = split_sentences(SourceDocument("d", "d.txt", "x", "他说：“好。”然后离开；大家鼓掌！对吗?是的", tuple(range(24))))
    assert [s.text for s in quoted] == ["他说：“好。”", "然后离开；", "大家鼓掌！", "对吗?", "是的"]


def test_sentences_are_stripped_and_skip_punctuation_only_pieces():
    text = "  第一句。 。。  第二句！ "
    doc = SourceDocument("d", "d.txt", text, text, tuple(range(len(text))))
    assert [(s.text, text[s.start:s.end]) for s in split_sentences(doc)] == [("第一句。", "第一句。"), ("第二句！", "第二句！")]


def test_every_sentence_maps_back_to_the_file_as_written(page):
    assert_offsets_point_into_original(page)
    spans = {}
    for s in split_sentences(page):
        assert s.text == page.text[s.start:s.end]
        a, b = page.original_span(s.start, s.end)
        spans[s.text] = page.original[a:b]
        assert page.original[a:b].replace("\n", "").startswith(s.text[:10])
    assert spans["研究院将发挥平台优势，持续推进“研发成果转化”工作，与园区企业共建中试平台。"] == (
        "研究院将发挥平台优势，持续推进“研发\n\n\n\n图为青石大学联合实验室一角。\n\n(记者 林晓 摄)\n\n"
        "成果转化”工作，与园区企业共建中试平台。")
    assert spans["园区已形成以人工智能、集成电路、生物医药为代表的产业集群，成为全区高质量发展的引擎。"] == (
        "园区已形成以人工智能、集成电\n\n路、生物医药为代表的产业集群，成为全区高质量发展的引擎。")


def test_control_and_invisible_characters_are_dropped_but_mapped():
    source = "\ufeff云岭\u200b科技园\x07发布措施。\r\n\r\n\u3000\u3000园区企业\x1b响应。\u2028第三段。"
    text, offsets = normalise(source)
    assert text == "云岭科技园发布措施。\n园区企业响应。\n第三段。"
    doc = SourceDocument("d", "d.txt", source, text, offsets)
    assert_offsets_point_into_original(doc)


def test_markdown_heading_markers_are_removed(tmp_path):
    doc = read_document(write(tmp_path / "note.md", f"# {HEADLINE}\n\n正文第一段。\n".encode()))
    assert doc.text == f"{HEADLINE}\n正文第一段。"
    assert doc.metadata.title == HEADLINE
