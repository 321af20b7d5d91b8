"""Whatever text comes in, the pipeline never crashes, the Turtle re-parses and
every evidence offset slices the original file to the evidence string."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from rdflib import Graph

from zgc_graph import api
from zgc_graph.errors import InputError
from zgc_graph.export.turtle import serialize_turtle
from zgc_graph.graph.build import build_graph

from conftest import SEEDS

# Characters of tech-policy news (so rules fire), plus anything Unicode has.
NEWS = ("星河集团牵头组建创新联合体成员单位包括蓝图大学研究院等家企业入驻科学城园区管委会印发《关于支持的若干措施》"
        "副总裁周明远表示受益于政策与签署合作协议前身是由联合共同“”、，。；：！？（）()0123456789年月日\n\n ")
TEXT = st.text(alphabet=st.one_of(st.sampled_from(NEWS), st.characters(codec="utf-8")), max_size=400)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_builds_a_valid_graph(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "doc.txt"
    path.write_bytes(text.encode("utf-8", errors="replace"))
    try:
        corpus, _ = api.extract_corpus([path])
    except InputError as err:
        assert "\n" not in str(err) and str(path.name) in str(err)
        return
    documents = {d.doc_id: d for d in corpus.documents}
    for fact in [*corpus.relations, *corpus.attributes, *corpus.memberships]:
        ev = fact.evidence
        assert documents[ev.doc_id].original[ev.char_start:ev.char_end] == ev.text
    turtle = serialize_turtle(build_graph(corpus))
    Graph().parse(data=turtle, format="turtle")


DRIVER = textwrap.dedent("""
    import os, signal, sys, time
    import zgc_graph.fsutil as fsutil

    # as at a terminal: a test run started in the background inherits SIGINT ignored
    signal.signal(signal.SIGINT, signal.default_int_handler)
    real_fsync = os.fsync

    def interrupted_fsync(fd):
        # SIGINT arrives while the new zgc.ttl is half-way to disk
        name = os.readlink(f"/proc/self/fd/{fd}")
        if ".zgc.ttl." in name:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
        real_fsync(fd)

    fsutil.os.fsync = interrupted_fsync
    from zgc_graph.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_sigint_during_turtle_write_keeps_previous_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    previous = b"# the previous build\n"
    (out / "zgc.ttl").write_bytes(previous)
    result = subprocess.run([sys.executable, "-c", DRIVER, "build", str(SEEDS), "--out", str(out), "--no-validate"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 130, result.stderr
    assert "interrupted" in result.stderr
    assert (out / "zgc.ttl").read_bytes() == previous
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]
