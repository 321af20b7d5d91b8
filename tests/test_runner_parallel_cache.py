"""Parallel extraction and the per-document cache (`zgc_graph.runner`), on invented paragraphs."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from zgc_graph import api, runner
from zgc_graph.cli.build import ProgressLine
from zgc_graph.extract import pipeline
from zgc_graph.ingest import read_documents

PARAGRAPHS = {
    "a-xinglan.txt": (
        "星澜智能科技有限公司(以下简称“星澜智能”)与北京云帆大学签署战略合作协议，双方将共建人工智能联合实验室。"
        "星澜智能董事长周明远表示，公司将把研发总部设在海淀区。\n\n"
        "据悉，星澜智能是云帆创新联合体的成员单位，该联合体由28家企业和高校组成。\n"
    ),
    "b-hengyuan.txt": (
        "恒远半导体集团宣布加入云帆创新联合体。恒远半导体集团总经理韩立新说，联合体为企业提供了共享的中试平台。\n\n"
        "此前，北京云帆大学与恒远半导体集团在芯片设计领域开展了多年合作。\n"
    ),
    "c-policy.txt": (
        "2023年5月，海淀区政府印发《海淀区支持算力基础设施建设若干措施》，对入驻云帆科技园的企业给予租金补贴。"
        "星澜智能科技有限公司成为首批获得支持的企业之一。\n"
    ),
}


def write_corpus(folder: Path, texts: dict[str, str] = PARAGRAPHS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path / "docs")


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Doc ids passed to the extractor in this process (jobs=1 keeps extraction here)."""
    calls: list[str] = []
    real = pipeline.extract_document

    def counting(doc):
        calls.append(doc.doc_id)
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", counting)
    return calls


def _build(paths, out: Path, **options) -> bytes:
    report = api.build(paths, out, formats=["turtle"], validate_graph=False, **options)
    return report.outputs["turtle"].read_bytes()


def test_one_and_two_jobs_give_identical_extractions(corpus):
    documents, _ = read_documents([corpus])
    serial = runner.extract_documents(documents, jobs=1)
    parallel = runner.extract_documents(documents, jobs=2)
    assert [e.document.doc_id for e in parallel] == [d.doc_id for d in documents]
    assert parallel == serial
    labels = {label for e in serial for label in e.entities}
    assert "星澜智能科技有限公司" in labels


def test_one_and_two_jobs_write_byte_identical_turtle(corpus, tmp_path):
    one = _build([corpus], tmp_path / "out1", jobs=1, use_cache=False)
    two = _build([corpus], tmp_path / "out2", jobs=2, use_cache=False)
    assert one == two
    assert "星澜智能科技有限公司".encode() in one
    assert not (tmp_path / "out1" / runner.CACHE_DIRNAME).exists()


def test_rebuild_reads_unchanged_documents_from_the_cache(corpus, tmp_path, counted):
    out = tmp_path / "out"
    first = _build([corpus], out, jobs=1)
    assert len(counted) == 3
    entries = _entries(out)
    assert len(entries) == 3
    stamps = [p.stat().st_mtime_ns for p in entries]

    counted.clear()
    second = _build([corpus], out, jobs=1)
    assert counted == []
    assert second == first
    assert [p.stat().st_mtime_ns for p in entries] == stamps


def test_added_or_changed_document_is_the_only_one_extracted(corpus, tmp_path, counted):
    out = tmp_path / "out"
    _build([corpus], out, jobs=1)
    (corpus / "d-new.txt").write_text("澄海生物医药有限公司在云帆科技园建成了新的研发中心。\n", encoding="utf-8")
    (corpus / "b-hengyuan.txt").write_text(PARAGRAPHS["b-hengyuan.txt"] + "恒远半导体集团今年将扩大招聘。\n",
                                           encoding="utf-8")
    counted.clear()
    turtle = _build([corpus], out, jobs=1).decode()
    paths = {d: Path(p).name for d, p in _doc_paths(corpus).items()}
    assert sorted(paths[d] for d in counted) == ["b-hengyuan.txt", "d-new.txt"]
    assert "澄海生物医药有限公司" in turtle
    assert turtle.encode() == _build([corpus], tmp_path / "fresh", jobs=1, use_cache=False)


def test_the_cache_keeps_only_the_documents_of_the_last_build(corpus, tmp_path, counted):
    """An edited or removed document's old extraction is dropped, so the cache does not grow with every edit."""
    out = tmp_path / "out"
    _build([corpus], out, jobs=1)
    (corpus / "b-hengyuan.txt").write_text(PARAGRAPHS["b-hengyuan.txt"] + "恒远半导体集团今年将扩大招聘。\n",
                                           encoding="utf-8")
    (corpus / "c-policy.txt").unlink()
    _build([corpus], out, jobs=1)
    assert len(_entries(out)) == 2
    counted.clear()
    _build([corpus], out, jobs=1)
    assert counted == []  # and what is kept is what the build reads


def _entries(out: Path) -> list[Path]:
    """The extraction entries (one per document, in a folder named by the extractor's fingerprint)."""
    return sorted((out / runner.CACHE_DIRNAME).glob("*/*.pickle"))


def _doc_paths(folder: Path) -> dict[str, str]:
    documents, _ = read_documents([folder])
    return {d.doc_id: d.path for d in documents}


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95truncated"])
def test_corrupt_cache_entry_is_ignored_and_rewritten(corpus, tmp_path, counted, garbage):
    out = tmp_path / "out"
    first = _build([corpus], out, jobs=1)
    victim = _entries(out)[0]
    victim.write_bytes(garbage)
    counted.clear()
    again = _build([corpus], out, jobs=1)
    assert len(counted) == 1
    assert again == first
    assert victim.stat().st_size > len(garbage)
    counted.clear()
    _build([corpus], out, jobs=1)
    assert counted == []


def test_entry_of_another_document_is_not_trusted(corpus, tmp_path, counted):
    """A cache file copied over another one's name must not give that document the wrong facts."""
    out = tmp_path / "out"
    first = _build([corpus], out, jobs=1)
    a, b = _entries(out)[:2]
    a.write_bytes(b.read_bytes())
    counted.clear()
    assert _build([corpus], out, jobs=1) == first
    assert len(counted) == 1


def test_new_extractor_version_reextracts_everything_and_drops_old_entries(corpus, tmp_path, counted,
                                                                           monkeypatch):
    out = tmp_path / "out"
    _build([corpus], out, jobs=1)
    old_folders = [p.name for p in (out / runner.CACHE_DIRNAME).iterdir() if p.is_dir()]
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", pipeline.EXTRACTOR_VERSION + "-next")
    counted.clear()
    _build([corpus], out, jobs=1)
    assert len(counted) == 3
    new_folders = [p.name for p in (out / runner.CACHE_DIRNAME).iterdir() if p.is_dir()]
    assert len(new_folders) == 1 and new_folders != old_folders


def test_another_jieba_version_reextracts_everything(corpus, tmp_path, counted, monkeypatch):
    """A new jieba may ship another dictionary, hence other words: cached extractions do not apply."""
    from importlib import metadata

    out = tmp_path / "out"
    _build([corpus], out, jobs=1)
    real = metadata.version
    monkeypatch.setattr(metadata, "version", lambda name: "99.0" if name == "jieba" else real(name))
    runner._fingerprint.cache_clear()
    try:
        counted.clear()
        _build([corpus], out, jobs=1)
        assert len(counted) == 3
    finally:
        monkeypatch.undo()
        runner._fingerprint.cache_clear()


def test_another_lexicon_folder_does_not_reuse_extractions(corpus, tmp_path, counted, monkeypatch):
    """ZGC_LEXICON_DIR changes the vocabulary, so the cached extractions do not apply."""
    import shutil

    from zgc_graph.lexicon import HERE, load

    out = tmp_path / "out"
    _build([corpus], out, jobs=1)
    mine = tmp_path / "lexicon"
    shutil.copytree(HERE, mine, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with open(mine / "names.yaml", "a", encoding="utf-8") as fh:
        fh.write("\n# a local edit\n")
    monkeypatch.setenv("ZGC_LEXICON_DIR", str(mine))
    load.cache_clear()
    try:
        counted.clear()
        _build([corpus], out, jobs=1)
        assert len(counted) == 3
    finally:
        monkeypatch.delenv("ZGC_LEXICON_DIR")
        load.cache_clear()


def test_workers_fill_the_cache_for_the_next_build(corpus, tmp_path, counted):
    out = tmp_path / "out"
    first = _build([corpus], out, jobs=2)
    assert len(_entries(out)) == 3
    counted.clear()
    assert _build([corpus], out, jobs=1) == first
    assert counted == []


def test_progress_is_reported_once_per_document_cached_or_not(corpus, tmp_path):
    documents, _ = read_documents([corpus])
    cache = tmp_path / "cache"
    for _ in range(2):  # the second pass is all cache hits
        seen: list[tuple[int, int]] = []
        runner.extract_documents(documents, jobs=2, cache_dir=cache, progress=lambda d, t: seen.append((d, t)))
        assert seen == [(1, 3), (2, 3), (3, 3)]


def test_jobs_below_one_is_refused(corpus):
    documents, _ = read_documents([corpus])
    with pytest.raises(ValueError):
        runner.extract_documents(documents, jobs=0)


def test_progress_line_shows_count_rate_and_eta_then_ends_the_line():
    stream = io.StringIO()
    line = ProgressLine(stream, interval=0)
    line(1, 4)
    line(4, 4)
    text = stream.getvalue()
    assert "1/4 documents" in text and "4/4 documents" in text
    assert "/s" in text and "ETA" in text
    assert text.endswith("\n") and text.count("\n") == 1
    line.close()  # already ended: no second newline
    assert stream.getvalue() == text


def _screen(written: str) -> list[str]:
    """What a terminal shows after `written`: each \\r returns to the start of the line and overwrites."""
    lines = []
    for line in written.split("\n"):
        shown = ""
        for part in line.split("\r"):
            shown = part + shown[len(part):]
        lines.append(shown.rstrip())
    return lines


def test_stages_after_extraction_replace_each_other_below_the_count_and_are_cleared_at_the_end():
    stream = io.StringIO()
    line = ProgressLine(stream, interval=0)
    line.status("reading documents")
    line(2, 2)
    line.status("merging entities")
    assert _screen(stream.getvalue())[1] == "merging entities..."
    line.status("writing out/zgc.ttl")
    assert _screen(stream.getvalue())[1] == "writing out/zgc.ttl..."
    line.close()
    count, stage = _screen(stream.getvalue())
    assert count.startswith("extracting [") and "2/2 documents" in count
    assert stage == ""  # cleared, and the summary prints where the stages were


def test_build_announces_each_stage_as_it_starts(corpus, tmp_path):
    seen: list[str] = []
    timings: dict[str, float] = {}
    api.build([corpus], tmp_path / "out", jobs=1, status=seen.append, timings=timings)
    # the Turtle is written before validation ends (Oxigraph reads it), and lands only if it validates
    assert seen == ["reading documents", "merging entities", "building the graph",
                    f"writing {tmp_path / 'out' / 'zgc.ttl'} (Oxigraph reads it for validation)",
                    f"validating {seen[4].split()[1]} triples (SHACL)", f"writing {tmp_path / 'out' / 'zgc.html'}"]
    assert list(timings) == ["ingest", "extract", "merge", "graph", "turtle", "validate", "html"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_document_is_named_in_the_error(corpus, monkeypatch, jobs):
    real = pipeline.extract_document

    def broken(doc):
        if "恒远" in doc.text:
            raise KeyError("boom")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", broken)
    documents, _ = read_documents([corpus])
    with pytest.raises(RuntimeError, match=r"b-hengyuan\.txt.*KeyError"):
        runner.extract_documents(documents, jobs=jobs)


def test_cli_build_jobs_and_no_cache(corpus, tmp_path):
    from click.testing import CliRunner

    from zgc_graph.cli import main

    runner_ = CliRunner()
    out = tmp_path / "out"
    first = runner_.invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "2", "--no-cache",
                                  "--no-validate", "--quiet"])
    assert first.exit_code == 0, first.output
    assert first.output == ""  # --quiet, and no progress line when stderr is not a terminal
    assert not (out / runner.CACHE_DIRNAME).exists()
    turtle = (out / "zgc.ttl").read_bytes()

    second = runner_.invoke(main, ["build", str(corpus), "--out", str(out), "-j", "1", "--no-validate"])
    assert second.exit_code == 0, second.output
    assert "extracting" not in second.output and "3 documents" in second.output
    assert len(_entries(out)) == 3
    assert (out / "zgc.ttl").read_bytes() == turtle

    refused = runner_.invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "0"])
    assert refused.exit_code != 0 and "--jobs" in refused.output
