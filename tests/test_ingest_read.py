"""Folders, failure isolation, sidecars and document ids."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import pytest
import yaml

from ingest_fixtures import CLEAN, HEADLINE, PAGE, TRADITIONAL, write
from zgc_graph.errors import InputError
from zgc_graph.ingest import SkippedFile, read_document, read_documents

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of good and bad files, nested, with things that are not documents."""
    root = tmp_path / "corpus"
    write(root / "b-page.txt", PAGE.encode("utf-8"))
    write(root / "a-gbk.txt", CLEAN.encode("gbk"))
    write(root / "nested" / "c-trad.md", TRADITIONAL.encode("utf-8"))
    write(root / "nested" / "deeper" / "d-page.html", f"<p>{CLEAN}</p>".encode())
    write(root / "empty.txt", b"")
    write(root / "scan.txt", b"%PDF-1.7\n%binary")
    write(root / "nested" / "photo.htm", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(root / "image.png", b"\x89PNG\r\n\x1a\n")            # not a document suffix
    write(root / "b-page.meta.yaml", f"title: {HEADLINE}\n".encode())  # a sidecar, not a document
    write(root / ".hidden" / "x.txt", CLEAN.encode())           # hidden folders are skipped
    return root


def test_folder_reads_good_files_and_skips_bad_ones_with_reasons(mixed):
    docs, skipped = read_documents([mixed])
    assert [Path(d.path).relative_to(mixed).as_posix() for d in docs] == [
        "a-gbk.txt", "b-page.txt", "nested/c-trad.md", "nested/deeper/d-page.html"]
    assert docs[0].text == docs[2].text == docs[3].text == CLEAN
    assert {(s.path.relative_to(mixed).as_posix(), s.reason) for s in skipped} == {
        ("empty.txt", "empty file"),
        ("scan.txt", "binary file (PDF), not text"),
        ("nested/photo.htm", "binary file (PNG image), not text"),
    }
    assert all(isinstance(s, SkippedFile) for s in skipped)


def test_order_is_the_same_on_every_run(mixed):
    first = [d.doc_id for d in read_documents([mixed])[0]]
    assert first == [d.doc_id for d in read_documents([mixed])[0]]


def test_strict_raises_at_the_first_bad_file(mixed):
    with pytest.raises(InputError) as err:
        read_documents([mixed], strict=True)
    assert str(err.value) == f"{mixed / 'empty.txt'}: empty file"


def test_missing_path_raises_even_when_others_are_fine(mixed, tmp_path):
    with pytest.raises(InputError, match=r"no-such-folder: no such file or directory$"):
        read_documents([mixed, tmp_path / "no-such-folder"])


def test_no_documents_at_all(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no documents found in .*empty \(looked for \.txt"):
        read_documents([tmp_path / "empty"])
    write(tmp_path / "bad" / "x.txt", b"")
    with pytest.raises(InputError, match=r"no readable documents: .*x\.txt: empty file"):
        read_documents([tmp_path / "bad"])


def test_files_given_explicitly_are_read_whatever_their_suffix(tmp_path):
    notes = write(tmp_path / "notes.log", CLEAN.encode())
    sidecar = write(tmp_path / "notes.meta.yaml", b"title: x\n")
    docs, skipped = read_documents([notes, sidecar, notes])
    assert [d.path for d in docs] == [str(notes)]
    assert skipped == [SkippedFile(sidecar, "metadata sidecar, not a document")]


def test_the_same_content_twice_is_read_once(tmp_path):
    a = write(tmp_path / "a.txt", CLEAN.encode())
    b = write(tmp_path / "copy" / "b.txt", CLEAN.encode())
    docs, skipped = read_documents([tmp_path])
    assert [d.path for d in docs] == [str(a)]
    assert skipped == [SkippedFile(b, f"same content as {a}")]


def test_doc_id_is_ascii_slug_plus_content_hash(tmp_path):
    data = CLEAN.encode()
    doc = read_document(write(tmp_path / "云岭科技园 新闻.txt", data))
    assert doc.doc_id == f"yun-ling-ke-ji-yuan-xin-wen-{hashlib.sha256(data).hexdigest()[:8]}"
    again = read_document(write(tmp_path / "elsewhere" / "云岭科技园 新闻.txt", data))
    changed = read_document(write(tmp_path / "changed" / "云岭科技园 新闻.txt", data + "补充。".encode()))
    assert again.doc_id == doc.doc_id != changed.doc_id
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}", changed.doc_id)


def test_sidecar_metadata(tmp_path):
    path = write(tmp_path / "story.txt", PAGE.encode())
    write(tmp_path / "story.meta.yaml", yaml.safe_dump(
        {"title": "园区新闻", "publication": "云岭日报", "date": "2023-04-05",
         "source": "https://example.org/story", "author": "林晓"}, allow_unicode=True).encode())
    meta = read_document(path).metadata
    assert (meta.title, meta.publication, meta.date, meta.source, meta.author) == (
        "园区新闻", "云岭日报", dt.date(2023, 4, 5), "https://example.org/story", "林晓")


def test_title_falls_back_to_a_headline_like_first_line(tmp_path):
    assert read_document(write(tmp_path / "p.txt", PAGE.encode())).metadata.title == HEADLINE
    assert read_document(write(tmp_path / "c.txt", CLEAN.encode())).metadata.title is None
    write(tmp_path / "n.meta.yaml", "author: 林晓\n".encode())
    meta = read_document(write(tmp_path / "n.txt", PAGE.encode())).metadata
    assert (meta.title, meta.author, meta.date) == (HEADLINE, "林晓", None)


NOTICE = ("关于印发《云岭高新区促进硬科技创业若干措施》的通知\n\n各有关单位：\n"
          "2022年3月，管委会启动了调研。现将措施印发给你们，请认真贯彻执行。\n\n云岭高新区管委会\n{signed}\n")


@pytest.mark.parametrize("signed, expected", [
    ("2023年6月8日", dt.date(2023, 6, 8)),
    ("二〇二三年十二月二十八日", dt.date(2023, 12, 28)),
    ("二〇二三年二月三十日", None),       # no such day: no date rather than a wrong one
    ("（此件公开发布）", None),           # no signature date: a date inside the body is not the document's
])
def test_a_notice_is_dated_by_its_signature_line(tmp_path, signed, expected):
    path = write(tmp_path / "notice.txt", NOTICE.format(signed=signed).encode())
    assert read_document(path).metadata.date == expected


def test_a_sidecar_date_wins_over_the_signature_line(tmp_path):
    path = write(tmp_path / "notice.txt", NOTICE.format(signed="2023年6月8日").encode())
    write(tmp_path / "notice.meta.yaml", "date: 2023-06-12\n".encode())
    assert read_document(path).metadata.date == dt.date(2023, 6, 12)


@pytest.mark.parametrize("sidecar, problem", [
    ("date: 2023-13-40\n", "metadata date '2023-13-40' is not an ISO date (YYYY-MM-DD)"),
    ("titel: 园区新闻\n", "unknown metadata key 'titel' (expected title, publication, date, source, author)"),
    ("title: [unclosed\n", "metadata is not valid YAML at line 2"),
    ("- just\n- a list\n", "metadata must be a mapping of title, publication, date, source, author"),
])
def test_bad_sidecar_skips_its_document_with_a_reason(tmp_path, sidecar, problem):
    path = write(tmp_path / "story.txt", PAGE.encode())
    meta = write(tmp_path / "story.meta.yaml", sidecar.encode())
    write(tmp_path / "other.txt", CLEAN.encode())
    docs, skipped = read_documents([tmp_path])
    assert [Path(d.path).name for d in docs] == ["other.txt"]
    assert skipped == [SkippedFile(path, f"bad metadata sidecar: {meta}: {problem}")]


def test_seed_sidecar_states_only_what_the_text_states():
    doc = read_document(SEEDS / "zgc-pilot-reform-2022.txt")
    meta = doc.metadata
    assert meta.title and meta.title == doc.text.split("\n")[0]
    assert meta.author and meta.author in doc.text.split("\n")[2]
    assert (meta.publication, meta.date, meta.source) == (None, None, None)
