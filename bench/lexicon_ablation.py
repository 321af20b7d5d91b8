"""Does the seed's score rest on general rules or on single words?

Removes one vocabulary entry at a time (every entry of src/zgc_graph/lexicon/*.yaml
that occurs in the seed text), re-extracts the seed, evaluates it against the gold
annotation and reports the largest drop of each figure, with the entry behind it.
Issue 3 asks that no single removal moves a figure by more than a few points.

    .venv/bin/python bench/lexicon_ablation.py [--limit N]
"""
from __future__ import annotations

import argparse
import copy
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from zgc_graph import lexicon  # noqa: E402
from zgc_graph.api import extract_corpus  # noqa: E402
from zgc_graph.evaluate import evaluate  # noqa: E402
from zgc_graph.extract import persons  # noqa: E402
from zgc_graph.graph.build import build_graph  # noqa: E402

SEED = REPO / "seeds" / "zgc-pilot-reform-2022.txt"
GOLD = REPO / "tests" / "gold" / "seed.gold.yaml"
FIGURES = ("entity_precision", "entity_recall_core", "type_accuracy", "relation_precision",
           "relation_recall_core", "attribute_recall_core")


def entries(data, path=()):
    """(path, entry) for every removable vocabulary entry."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, (dict, list)):
                yield from entries(value, path + (key,))
            elif isinstance(value, str) and len(path) >= 1 and key not in ("surnames",):
                yield path, key  # a suffix -> subtype mapping: remove the key
            elif isinstance(value, str) and key == "surnames":
                for ch in value:
                    yield path + (key,), ch
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, str):
                yield path, item


def without(data, path, entry):
    data = copy.deepcopy(data)
    node = data
    for key in path[:-1]:
        node = node[key]
    last = path[-1] if path else None
    target = node[last] if last is not None else node
    if isinstance(target, dict):
        target.pop(entry, None)
    elif isinstance(target, list):
        target.remove(entry)
    elif isinstance(target, str):
        node[last] = target.replace(entry, "")
    return data


def score() -> dict[str, float]:
    lexicon.load.cache_clear()
    persons._title_pattern.cache_clear()
    corpus, _ = extract_corpus([SEED])
    report = evaluate(GOLD, build_graph(corpus))
    figures = report.to_dict()["figures"]
    out = {}
    for name in FIGURES:
        value = figures.get(name)
        if isinstance(value, dict):
            value = value.get("value")
        out[name] = float(value or 0.0)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="stop after N entries (0: all)")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    tmp = Path(tempfile.mkdtemp(prefix="zgc-ablation-"))
    for name in lexicon.FILES + ("ingest.yaml", "pinyin.yaml"):
        if (lexicon.HERE / name).exists():
            shutil.copy(lexicon.HERE / name, tmp / name)
    os.environ["ZGC_LEXICON_DIR"] = str(tmp)
    started = time.perf_counter()
    baseline = score()
    print("baseline", " ".join(f"{k}={v:.3f}" for k, v in baseline.items()))
    worst = {k: (0.0, "-") for k in FIGURES}
    tried = 0
    for name in lexicon.FILES:
        original = yaml.safe_load((lexicon.HERE / name).read_text(encoding="utf-8"))
        for path, entry in entries(original):
            if entry not in text:
                continue  # an entry the seed never uses cannot matter to it
            (tmp / name).write_text(yaml.safe_dump(without(original, path, entry), allow_unicode=True),
                                    encoding="utf-8")
            figures = score()
            tried += 1
            for key in FIGURES:
                drop = baseline[key] - figures[key]
                if drop > worst[key][0]:
                    worst[key] = (drop, f"{name}:{'/'.join(map(str, path))}:{entry}")
            if args.limit and tried >= args.limit:
                break
        shutil.copy(lexicon.HERE / name, tmp / name)
    print(f"entries removed one at a time: {tried} ({time.perf_counter() - started:.0f} s)")
    for key, (drop, entry) in worst.items():
        print(f"  largest drop of {key:22} {drop * 100:5.1f} points  (without {entry})")
    print(f"summary: {tried} single-entry removals; largest drop "
          f"{max(d for d, _ in worst.values()) * 100:.1f} points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
