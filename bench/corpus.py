"""A corpus of N documents for the scale benchmark: the seed texts plus varied copies.

The names to vary are not listed here: they are what the extractor itself
finds in `seeds/` (labels and aliases of every entity).  Each copy is a seed
text with

* its numbers replaced by other numbers of the same length (years stay years);
* in three copies of four, most entity names rewritten: the distinctive start
  of an organisation, platform or policy name (the part before its lexicon
  suffix) becomes generated syllables, consistently for its aliases, and a
  person gets a generated name; the remaining names stay, so the same entity
  recurs across many documents and merging has real work to do;
* in one copy of four, every name kept (the seed's entities recur as themselves).

Everything is seeded by the copy's number, so a corpus is the same on every run.

    .venv/bin/python bench/corpus.py OUT_DIR -n 100
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from zgc_graph import api
from zgc_graph.ingest import read_documents
from zgc_graph.lexicon import load
from zgc_graph.models import EntityType

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
# Characters for generated names: common in Chinese company and product names.
SYLLABLES = ("星河云海天启华信恒远博源思锐瑞智联创达新明光宇泰安嘉德弘景睿拓峰澜川岳鸿晟昊钧毅诚澄朗逸航"
             "辰曜铭昕朗煜璟骏凯越卓嘉茂森林泽润清雅灵秀翔腾飞扬龙凤麒麟鹏程万里九州东方南北西中"
             "金银铜铁玉石晶钻宝蓝青紫橙绿红白黑墨丹彩虹霓霞雪霜冰雨雷电风")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉建晓宁琳晨阳欣怡浩宇子轩梓涵雨桐佳琪"
KEEP_ALL_EVERY = 4       # every 4th copy keeps every name
KEEP_SHARE = 0.25        # in the other copies, this share of entities keeps its name
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class SeedText:
    path: Path
    text: str


@dataclass(frozen=True)
class Name:
    """One entity found in the seeds: its names and the characters that make it distinctive."""

    label: str
    names: tuple[str, ...]
    person: bool
    distinctive: frozenset[str]


def seed_texts(seeds: Path = SEEDS) -> list[SeedText]:
    documents, _ = read_documents([seeds])
    return [SeedText(Path(doc.path), doc.original) for doc in documents]


def _core(label: str, suffixes: dict) -> str:
    """The label without its longest lexicon suffix (集团, 大学, 示范区…)."""
    for n in range(min(len(label) - 2, max(map(len, suffixes))), 0, -1):
        if label[-n:] in suffixes:
            return label[:-n]
    return label


def seed_names(seeds: Path = SEEDS) -> list[Name]:
    """The entities the extractor finds in `seeds` (one in-process extraction, no cache)."""
    corpus, _ = api.extract_corpus([seeds], jobs=1)
    suffixes = load().suffixes
    found = []
    for label, entity in corpus.entities.items():
        person = entity.type is EntityType.PERSON
        core = _core(label, suffixes)
        head = core if len(core) <= 3 else core[:2]
        distinctive = frozenset(ch for ch in (label if person else head) if "\u4e00" <= ch <= "\u9fff")
        names = tuple(sorted(entity.names, key=lambda n: (-len(n), n)))
        found.append(Name(label, names, person, distinctive))
    return found


class Copier:
    """Rewrites seed texts into copy number `i`; one pattern over all names and numbers."""

    def __init__(self, texts: list[SeedText], names: list[Name]) -> None:
        self.texts = texts
        self.names = names
        self.owner: dict[str, Name] = {}
        for entry in names:
            for name in entry.names:
                self.owner.setdefault(name, entry)
        alternatives = sorted(self.owner, key=lambda n: (-len(n), n))
        self.pattern = re.compile("|".join(map(re.escape, alternatives)) + r"|\d+" if alternatives else r"\d+")
        self.surnames = "".join(sorted(load().surnames))

    def copy(self, i: int) -> str:
        rng = random.Random(f"zgc-bench-{i}")
        base = self.texts[i % len(self.texts)].text
        keep_all = i % KEEP_ALL_EVERY == 0
        permuted = set() if keep_all else {n.label for n in self.names if rng.random() >= KEEP_SHARE}
        chars: dict[str, str] = {}
        people: dict[tuple[int, str], str] = {}

        def org_char(ch: str) -> str:
            if ch not in chars:
                chars[ch] = rng.choice(SYLLABLES)
            return chars[ch]

        def person_char(pos: int, ch: str) -> str:
            key = (0 if pos == 0 else 1, ch)
            if key not in people:
                people[key] = rng.choice(self.surnames if pos == 0 else GIVEN)
            return people[key]

        def rewrite(match: re.Match[str]) -> str:
            found = match.group()
            if found[0].isdigit() and found.isdigit():
                return _number(found, match.string[match.end():match.end() + 1], rng)
            entry = self.owner[found]
            if entry.label not in permuted:
                return found
            if entry.person:
                return "".join(person_char(pos, ch) for pos, ch in enumerate(found))
            return "".join(org_char(ch) if ch in entry.distinctive else ch for ch in found)

        return self.pattern.sub(rewrite, base)


def _number(digits: str, unit: str, rng: random.Random) -> str:
    """Another number of the same length; years, months and days stay valid."""
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return f"20{rng.randrange(0, 30):02d}"
    if unit == "月" and len(digits) <= 2:
        return str(rng.randrange(1, 13))
    if unit in ("日", "号") and len(digits) <= 2:
        return str(rng.randrange(1, 29))
    if len(digits) == 1:
        return str(rng.randrange(1, 10))
    return str(rng.randrange(1, 10)) + "".join(str(rng.randrange(10)) for _ in range(len(digits) - 1))


def copy_name(i: int) -> str:
    return f"copy-{i:05d}.txt"


def make_corpus(out: Path, n: int, *, seeds: Path = SEEDS, copier: Copier | None = None) -> list[Path]:
    """`out` holds the seed files (with their sidecars) and copies up to `n` documents in all."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    texts = seed_texts(seeds)
    written = []
    for seed in texts[:n]:
        target = out / seed.path.name
        shutil.copyfile(seed.path, target)
        for sidecar in seed.path.parent.glob(seed.path.stem + ".meta.*"):
            shutil.copyfile(sidecar, out / sidecar.name)
        written.append(target)
    copier = copier or Copier(texts, seed_names(seeds))
    for i in range(len(written), n):
        written.append(add_copy(out, i, copier))
    return written


def add_copy(out: Path, i: int, copier: Copier) -> Path:
    target = Path(out) / copy_name(i)
    target.write_text(copier.copy(i), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=100, help="documents in all (seeds included)")
    args = parser.parse_args()
    files = make_corpus(args.out, args.n)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    print(f"{len(files)} documents, {chars} characters in {args.out}")


if __name__ == "__main__":
    main()
