"""Property: whatever the text, normalising and splitting never crash, and offsets hold."""
from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest_fixtures import assert_offsets_point_into_original
from zgc_graph.errors import InputError
from zgc_graph.ingest import read_document, split_sentences
from zgc_graph.ingest.html import strip_html
from zgc_graph.ingest.normalise import normalise
from zgc_graph.models import SourceDocument

# Pieces a hostile or just messy file is made of: Chinese news phrases,
# traditional and full-width characters, page breaks, captions, controls,
# invisible characters, other scripts, markup.
PIECES = [
    "，", "。", "、", "：", "；", "！", "？", "”", "“", "(", ")", "（", "）", "…", "!", "?", ".",
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\x0c", "\x00", "\x07", "\x1b", "\x85", "\t", " ", "\u3000",
    "\u200b", "\ufeff", "\u202e", "\ud7ff", "\U0001f600", "\U00020000",
    "云岭科技园", "青石大学", "集成电", "路产业", "未来", "科学城", "園區", "發佈", "２０家", "ＡＩ",
    "图为园区一角。", "(记者 林晓 摄)", "(管委会供图)", "相关报道", "本报记者 林晓",
    "Zhongguancun", "Привет", "مرحبا", "한국어", "#", "<p>", "</p>", "<br>", "&amp;", "&#20013;", "&bogus;",
    "<script>x<y</script>", "<!-- c -->", "<", ">", "&",
]

messy_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=30),
              st.text(alphabet=st.characters(codec="utf-8"), min_size=200, max_size=2000)),
    max_size=60,
).map("".join)


def _check_sentences(doc: SourceDocument) -> None:
    last_end = -1
    for s in split_sentences(doc):
        assert s.text == doc.text[s.start:s.end] and s.text.strip() == s.text and s.text
        assert s.start >= last_end
        last_end = s.end
        a, b = doc.original_span(s.start, s.end)
        assert 0 <= a < b <= len(doc.original)
        for i in (s.start, s.end - 1):
            assert a <= doc.offsets[i] < b


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_text, st.booleans())
def test_normalise_and_split_never_crash_and_map_back(source, markdown):
    text, offsets = normalise(source, markdown=markdown)
    doc = SourceDocument("d", "d.txt", source, text, offsets)
    assert_offsets_point_into_original(doc)
    assert "\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")
    _check_sentences(doc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_text)
@example("&#1")  # a reference to a control character: html.unescape gives ""
@example("园区&#0;&#x1;新闻")
def test_html_stripping_never_crashes_and_maps_into_the_raw_page(raw):
    stripped, to_raw = strip_html(raw)
    assert len(to_raw) == len(stripped)
    text, to_stripped = normalise(stripped)
    offsets = to_stripped.compose(to_raw)
    doc = SourceDocument("d", "d.html", raw, text, offsets)
    previous = -1
    for i in range(len(text)):
        o = offsets[i]
        assert previous <= o < len(raw) and o < offsets.char_end(i) <= len(raw)
        previous = o
    _check_sentences(doc)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=3000),
    messy_text.map(lambda s: s.encode("utf-8")),
    messy_text.map(lambda s: s.encode("gb18030", errors="replace")),
    st.tuples(messy_text, st.integers(0, 50)).map(lambda t: t[0].encode("utf-8")[: -t[1] or None]),
))
def test_any_bytes_decode_or_fail_with_one_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "f.txt"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except InputError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    assert_offsets_point_into_original(doc)
    _check_sentences(doc)
