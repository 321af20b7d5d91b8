"""What a rebuild keeps from the build before: decoded texts and per-name answers.

Each cache must only save time: a changed file is read afresh, a damaged
cache file is ignored, and the outputs are those of a build without caches.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from zgc_graph import api, runner
from zgc_graph.graph import pinyin
from zgc_graph.ingest import reader

from test_runner_parallel_cache import PARAGRAPHS, write_corpus


def _turtle(paths, out: Path, **options) -> bytes:
    report = api.build(paths, out, formats=["turtle"], validate_graph=False, jobs=1, **options)
    return report.outputs["turtle"].read_bytes()


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """Names of the files decoded and normalised in this process."""
    calls: list[str] = []
    real = reader._normalised

    def counting(path, original, encoding):
        calls.append(Path(path).name)
        return real(path, original, encoding)

    monkeypatch.setattr(reader, "_normalised", counting)
    return calls


def test_rebuild_decodes_only_new_or_changed_files(tmp_path, decoded):
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    _turtle([corpus], out)
    assert sorted(decoded) == sorted(PARAGRAPHS)

    decoded.clear()
    (corpus / "b-hengyuan.txt").write_text(PARAGRAPHS["b-hengyuan.txt"].replace("韩立新", "韩立德"), encoding="utf-8")
    (corpus / "d-new.txt").write_text("澄海生物医药有限公司在云帆科技园建成了新的研发中心。\n", encoding="gb18030")
    turtle = _turtle([corpus], out).decode()
    assert sorted(decoded) == ["b-hengyuan.txt", "d-new.txt"]
    assert "韩立德" in turtle and "韩立新" not in turtle and "澄海生物医药有限公司" in turtle
    assert '"gb18030"' in turtle.lower()
    assert turtle.encode() == _turtle([corpus], tmp_path / "fresh", use_cache=False)


def test_a_renamed_file_keeps_its_new_name(tmp_path, decoded):
    """The cache knows bytes, not paths: the document id and title follow the file."""
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    _turtle([corpus], out)
    (corpus / "c-policy.txt").rename(corpus / "c-renamed.txt")
    decoded.clear()
    turtle = _turtle([corpus], out).decode()
    assert decoded == []
    assert "c-renamed" in turtle and "c-policy" not in turtle


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95truncated"])
def test_damaged_cache_files_are_ignored(tmp_path, garbage):
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    first = _turtle([corpus], out)
    files = [p for p in (out / runner.CACHE_DIRNAME).iterdir() if p.is_file()]
    assert sorted(p.name.split("-")[0] for p in files) == ["ingest", "memo"]
    for path in files:
        path.write_bytes(garbage)
    assert _turtle([corpus], out) == first


def test_names_answered_by_the_build_before_are_not_romanised_again(tmp_path, monkeypatch):
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    first = _turtle([corpus], out)
    monkeypatch.setattr(pinyin, "_READY", {})  # as in a new process
    computed: list[str] = []
    real = pinyin._slug_and_romanised
    monkeypatch.setattr(pinyin, "_slug_and_romanised", lambda name: computed.append(name[0]) or real(name))
    monkeypatch.setattr(pinyin, "_romanise", lambda label, person: computed.append(label) or "x")
    assert _turtle([corpus], out) == first
    assert computed == []


def test_a_rebuild_looks_up_no_place_again(tmp_path, monkeypatch):
    """Places are looked up with jieba's dictionary (a second to load): a rebuild that
    extracts nothing must not need it, for names nor for the forms the merge derives
    from them (a policy title without the platform it starts with)."""
    texts = dict(PARAGRAPHS, **{"d-park.txt": "云帆科技园管委会印发《云帆科技园企业孵化支持办法》，支持入驻企业开展研发。\n"})
    corpus, out = write_corpus(tmp_path / "docs", texts), tmp_path / "out"
    first = _turtle([corpus], out)
    from zgc_graph.extract import resolve
    from zgc_graph.lexicon import load

    monkeypatch.setitem(vars(load()), "_memos", {})  # as in a new process
    looked_up: list[str] = []
    real = resolve._find_place_prefix
    monkeypatch.setattr(resolve, "_find_place_prefix", lambda key, lex: looked_up.append(key) or real(key, lex))
    assert _turtle([corpus], out) == first
    assert looked_up == []


def test_the_memo_file_holds_only_this_builds_names(tmp_path):
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    _turtle([corpus], out)
    (corpus / "b-hengyuan.txt").unlink()
    _turtle([corpus], out)
    memo = next((out / runner.CACHE_DIRNAME).glob("memo-*.pickle")).read_bytes()
    assert "星澜智能".encode() in memo and "恒远半导体".encode() not in memo


def test_a_few_documents_are_cut_by_jieba_alone(tmp_path):
    """Loading the fast backend costs more than it saves on a small rebuild; the words are the same."""
    doc = write_corpus(tmp_path / "docs", {"a.txt": PARAGRAPHS["a-xinglan.txt"]}) / "a.txt"
    code = f"""
import jieba
from zgc_graph import runner
from zgc_graph.extract import tokens
from zgc_graph.ingest import read_document
doc = read_document({str(doc)!r})
[extraction] = runner.extract_documents([doc], jobs=1)
assert tokens._fast_cut.cache_info().currsize == 0, "fast backend loaded"
assert tokens.cut(doc.text) == jieba.lcut(doc.text)
assert "星澜智能科技有限公司" in extraction.entities
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_cache_that_cannot_be_written_does_not_fail_the_build(tmp_path):
    """Caches only save time: where the cache folder cannot be made, the build goes on without it."""
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    out.mkdir()
    (out / runner.CACHE_DIRNAME).write_text("a file where the cache folder should be\n")
    assert _turtle([corpus], out) == _turtle([corpus], tmp_path / "fresh", use_cache=False)


def test_stale_cache_files_that_cannot_be_removed_do_not_fail_the_build(tmp_path, monkeypatch):
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    first = _turtle([corpus], out)
    for name in ("memo-0000000000000000.pickle", "ingest-0000000000000000.pickle"):  # as older code leaves
        (out / runner.CACHE_DIRNAME / name).write_bytes(b"old")

    def refuse(path, missing_ok=False):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(Path, "unlink", refuse)
    (corpus / "d-new.txt").write_text("澄海生物医药有限公司在云帆科技园建成了新的研发中心。\n", encoding="utf-8")
    turtle = _turtle([corpus], out)
    assert turtle != first and "澄海生物医药有限公司".encode() in turtle


def test_an_edited_metadata_sidecar_is_read_again(tmp_path, decoded):
    """Sidecars are not in the decoded-text cache: a new title shows on the next build."""
    corpus, out = write_corpus(tmp_path / "docs"), tmp_path / "out"
    sidecar = corpus / "c-policy.meta.yaml"
    sidecar.write_text("title: 海淀区算力政策解读\n", encoding="utf-8")
    assert "海淀区算力政策解读" in _turtle([corpus], out).decode()
    sidecar.write_text("title: 算力基础设施新政速览\n", encoding="utf-8")
    decoded.clear()
    turtle = _turtle([corpus], out).decode()
    assert decoded == []
    assert "算力基础设施新政速览" in turtle and "海淀区算力政策解读" not in turtle
