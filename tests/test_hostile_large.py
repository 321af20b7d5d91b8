"""A 50 MB news file reads in bounded memory: no per-character Python objects are kept."""
from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from ingest_fixtures import CLEAN, FULLWIDTH, PAGE, PAGE_TEXT, TRADITIONAL
from zgc_graph.ingest import read_document
from zgc_graph.ingest.chars import fold

SIZE = 50 * 2**20


def test_fifty_megabytes_read_with_bounded_memory(tmp_path: Path):
    # Realistic paragraphs: a feature page with breaks and a caption, long body
    # paragraphs, one traditional and one full-width paragraph per block.
    block = PAGE + "\n" + "\n\n".join([CLEAN * 6] * 6 + [TRADITIONAL * 2, FULLWIDTH * 2]) + "\n\n"
    chunk = block.encode("utf-8")
    copies = SIZE // len(chunk) + 1
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        for _ in range(copies):
            fh.write(chunk)
    size = path.stat().st_size
    assert size >= SIZE
    fold("預熱")  # load the conversion tables outside the measurement
    gc.collect()

    tracemalloc.start()
    try:
        doc = read_document(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 8 * size, f"peak {peak / 2**20:.0f} MB for a {size / 2**20:.0f} MB file"
    assert doc.offsets.runs < len(doc.text) / 50          # runs, not one entry per character
    expected_block = PAGE_TEXT + "\n" + "\n".join([CLEAN * 6] * 6 + [CLEAN * 2] * 2)
    assert len(doc.text) == copies * (len(expected_block) + 1) - 1
    assert doc.text.count("星河未来产业园在内") == copies  # page breaks joined in every block
    assert "图为青石大学联合实验室一角" not in doc.text      # captions skipped in every block
    assert doc.text.endswith(f"{CLEAN * 2}\n{CLEAN * 2}")
    # Offsets stay right at the far end of the file.
    last = len(doc.text) - len(CLEAN * 2)
    a, b = doc.original_span(last, len(doc.text))
    assert doc.original[a:b] == FULLWIDTH * 2
