"""Encodings, character folding, HTML and binary refusal: what read_document makes of a file."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest_fixtures import CLEAN, FULLWIDTH, RARE, TRADITIONAL, assert_offsets_point_into_original, write
from zgc_graph.errors import InputError
from zgc_graph.ingest import read_document, split_sentences


@pytest.fixture
def clean(tmp_path: Path):
    return read_document(write(tmp_path / "clean.txt", CLEAN.encode("utf-8")))


@pytest.mark.parametrize("name, data, encoding", [
    ("gbk.txt", CLEAN.encode("gbk"), "gb18030"),
    ("bom.txt", b"\xef\xbb\xbf" + CLEAN.encode("utf-8"), "utf-8-sig"),
    ("utf16le.txt", b"\xff\xfe" + CLEAN.encode("utf-16-le"), "utf-16-le"),
    ("utf16be.txt", b"\xfe\xff" + CLEAN.encode("utf-16-be"), "utf-16-be"),
    ("crlf.txt", CLEAN.replace("。", "。\r\n", 1).encode("utf-8"), "utf-8"),
])
def test_encoding_twins_read_as_the_clean_file(tmp_path, clean, name, data, encoding):
    doc = read_document(write(tmp_path / name, data))
    assert doc.encoding == encoding
    assert doc.text.replace("\n", "") == clean.text
    assert "\ufeff" not in doc.original


def test_gb18030_four_byte_characters_decode(tmp_path):
    text = CLEAN + RARE
    data = text.encode("gb18030")
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")  # the fixture really needs GB18030
    doc = read_document(write(tmp_path / "gb18030.txt", data))
    utf8 = read_document(write(tmp_path / "utf8.txt", text.encode("utf-8")))
    assert doc.encoding == "gb18030"
    assert doc.text == utf8.text and "刘䶮" in doc.text


def test_big5_is_not_mistaken_for_gbk(tmp_path):
    """Big5 bytes are valid GB18030 too, decoding to nonsense; the reader must notice."""
    doc = read_document(write(tmp_path / "big5.txt", TRADITIONAL.encode("big5")))
    assert doc.encoding == "big5"
    assert doc.text == CLEAN


@pytest.mark.parametrize("variant", [TRADITIONAL, FULLWIDTH])
def test_traditional_and_fullwidth_twins_fold_to_the_clean_text(tmp_path, clean, variant):
    doc = read_document(write(tmp_path / "twin.txt", variant.encode("utf-8")))
    assert doc.text == clean.text
    assert doc.original == variant                      # the file as written is kept
    assert_offsets_point_into_original(doc)
    for s in split_sentences(doc):                       # evidence quotes the file as written
        a, b = doc.original_span(s.start, s.end)
        assert doc.original[a:b] in variant and len(doc.original[a:b]) == len(s.text)


def test_fullwidth_digits_point_at_fullwidth_originals(tmp_path):
    doc = read_document(write(tmp_path / "fw.txt", FULLWIDTH.encode("utf-8")))
    i = doc.text.index("20家")
    assert doc.original[doc.offsets[i]:doc.offsets[i + 2] + 1] == "２０家"


def test_chinese_punctuation_is_not_folded(tmp_path):
    doc = read_document(write(tmp_path / "punct.txt", "据介绍：园区“十四五”规划《纲要》已发布；企业、高校积极参与。".encode()))
    assert doc.text == "据介绍：园区“十四五”规划《纲要》已发布；企业、高校积极参与。"


def test_simplified_text_is_not_over_converted(tmp_path):
    """乾 in a simplified text (乾隆) must survive: phrases win over single characters."""
    doc = read_document(write(tmp_path / "s.txt", "该园区位于乾隆年间修建的古镇旁。".encode()))
    assert doc.text == "该园区位于乾隆年间修建的古镇旁。"


HTML_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>云岭科技园 &amp; 新闻</title>
<style>p { color: red; } .x > .y {}</style>
<script>var t = "<p>不是正文</p>"; if (a < b && c) {}</script></head>
<body><!-- 导航 <p>注释</p> -->
<h1>云岭科技园发布新一轮措施</h1>
<p>近日，<b>云岭科技园</b>管理委员会印发新措施，
支持企业开展<a href="/x?a=1&amp;b=2" title="a > b">关键技术</a>攻关。</p>
<p>周明远表示：&ldquo;我们将与青石大学共建联合实验室。&rdquo;<br>园区企业数量达到&#50;&#x30;家。</p>
</body></html>
"""


def test_html_page_is_stripped_to_its_text(tmp_path):
    doc = read_document(write(tmp_path / "page.html", HTML_PAGE.encode("utf-8")))
    assert doc.text == ("云岭科技园发布新一轮措施\n"
                        "近日，云岭科技园管理委员会印发新措施，支持企业开展关键技术攻关。\n"
                        "周明远表示：“我们将与青石大学共建联合实验室。”\n"
                        "园区企业数量达到20家。")
    assert doc.metadata.title == "云岭科技园 & 新闻"
    assert doc.original == HTML_PAGE
    spans = {s.text: doc.original[slice(*doc.original_span(s.start, s.end))] for s in split_sentences(doc)}
    assert spans["周明远表示：“我们将与青石大学共建联合实验室。”"] == "周明远表示：&ldquo;我们将与青石大学共建联合实验室。&rdquo;"
    assert spans["园区企业数量达到20家。"] == "园区企业数量达到&#50;&#x30;家。"
    assert spans["近日，云岭科技园管理委员会印发新措施，支持企业开展关键技术攻关。"].startswith("近日，<b>云岭")


def test_html_is_sniffed_in_a_txt_file(tmp_path):
    doc = read_document(write(tmp_path / "saved.txt", HTML_PAGE.encode("utf-8")))
    assert "<" not in doc.text and "var t" not in doc.text


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", " \n\t\r\n\u3000\n".encode("utf-8"), "no text (only whitespace)"),
    ("nul.txt", CLEAN.encode("utf-8")[:30] + b"\x00\x00" + b"abc", "binary file (contains NUL bytes), not text"),
    ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "binary file (PDF), not text"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (PNG image), not text"),
    ("report.md", b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" * 4, "binary file (ZIP archive, e.g. .docx or .xlsx), not text"),
    ("empty.html", b"<html><head><script>x()</script></head><body>  </body></html>", "no text (only markup)"),
])
def test_unusable_files_raise_one_line_naming_the_file(tmp_path, name, data, problem):
    path = write(tmp_path / name, data)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: {problem}"
    assert "\n" not in str(err.value)


def test_random_high_bytes_are_refused(tmp_path):
    import random

    rng = random.Random(7)
    path = write(tmp_path / "noise.txt", bytes(rng.randrange(1, 256) for _ in range(20_000)))
    with pytest.raises(InputError) as err:
        read_document(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert "binary" in message or "cannot decode" in message


def test_utf16_without_bom_gets_a_hint(tmp_path):
    path = write(tmp_path / "u16.txt", CLEAN.encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 without a byte-order mark"):
        read_document(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match=r"nothing\.txt: no such file or directory$"):
        read_document(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_document(tmp_path)
