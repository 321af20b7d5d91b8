"""Benchmark: the HTML explorer on a synthetic 5,000-entity graph in headless Chromium.

Generates a contract-shaped corpus programmatically (invented organisations,
people, policies and platforms; a few hubs that many documents mention),
builds the graph with the project's own builder, renders the explorer, opens
it from disk in Debian's Chromium with the network blocked, and reports:

* render: seconds to turn the rdflib graph into the HTML file (layout included);
* settle: milliseconds from navigation start until the network is drawn
  (positions are precomputed and physics is off, so drawn = stable);
* click: milliseconds from pressing the mouse on a node until the side panel
  has changed and the browser reaches its next animation frame (median and
  maximum of several clicks, the most connected node first), and until the
  canvas has redrawn the highlighted neighbourhood (the page paints the panel
  first, then the canvas).

Targets: settle < 5,000 ms, click < 200 ms.  Prints one summary line.

    .venv/bin/python bench/html_bench.py [--entities 5000] [--out bench/results/html-bench.html]
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from zgc_graph.export.html import render_html
from zgc_graph.graph.build import build_graph
from zgc_graph.models import (Attribute, Corpus, DocumentMetadata, Entity, EntityType, Evidence, Membership,
                              Relation, SourceDocument)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SYLLABLES = "星河云海天启华信恒远博源思锐瑞智联创达新明光宇泰安嘉德弘景睿拓峰澜川岳鸿晟昊钧毅诚澄朗逸航"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉建晓宁琳晨阳"
KINDS = [  # (type, subtype, suffixes, share)
    (EntityType.ORGANISATION, "Company", ["科技", "集团", "智能", "软件", "半导体", "生物"], 0.40),
    (EntityType.ORGANISATION, "University", ["大学"], 0.04),
    (EntityType.ORGANISATION, "ResearchInstitute", ["研究院", "实验室"], 0.06),
    (EntityType.ORGANISATION, "GovernmentBody", ["市科委", "区管委会"], 0.03),
    (EntityType.ORGANISATION, "Fund", ["创投基金"], 0.02),
    (EntityType.PERSON, None, [""], 0.12),
    (EntityType.POLICY, "PolicyDocument", ["若干措施", "行动计划", "管理办法"], 0.15),
    (EntityType.PLATFORM, "InnovationConsortium", ["创新联合体"], 0.08),
    (EntityType.PLATFORM, "SciencePark", ["科技园"], 0.06),
    (EntityType.PLATFORM, "ScienceCity", ["科学城"], 0.04),
]


def _names(rng: random.Random, count: int, make) -> list[str]:
    seen: set[str] = set()
    out = []
    while len(out) < count:
        name = make()
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def synthetic_corpus(entities: int = 5000, seed: int = 20240601) -> Corpus:
    """A corpus whose graph has exactly `entities` entities, every one in at least one relation."""
    rng = random.Random(seed)
    pool: dict[tuple, list[str]] = {}
    taken: set[str] = set()
    for etype, sub, suffixes, share in KINDS:
        count = max(2, round(entities * share))
        if etype is EntityType.PERSON:
            make = lambda: rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))  # noqa: E731
        else:
            make = lambda s=suffixes: "".join(rng.sample(SYLLABLES, rng.choice((2, 3)))) + rng.choice(s)  # noqa: E731
        names = [n for n in _names(rng, count * 2, make) if n not in taken][:count]
        taken.update(names)
        pool[(etype, sub)] = names
    labels = [(name, key) for key, names in pool.items() for name in names]
    rng.shuffle(labels)
    labels = labels[:entities]
    kind = {name: key for name, key in labels}
    by_kind: dict[tuple, list[str]] = {}
    for name, key in labels:
        by_kind.setdefault(key, []).append(name)

    def pick(*keys: tuple, fresh: list[str] | None) -> str:
        """A fresh entity of one of `keys` if asked and any is waiting, else a popular one (Zipf-like)."""
        for i, name in enumerate(fresh or ()):
            if kind[name] in keys:
                return fresh.pop(i)  # type: ignore[union-attr]
        key = rng.choice([k for k in keys if by_kind.get(k)])
        names = by_kind[key]
        return names[min(int(rng.paretovariate(0.8)) - 1, len(names) - 1)]

    O = EntityType.ORGANISATION
    orgs = [(O, "Company"), (O, "University"), (O, "ResearchInstitute"), (O, "Fund")]
    gov = [(O, "GovernmentBody")]
    platforms = [(EntityType.PLATFORM, s) for s in ("InnovationConsortium", "SciencePark", "ScienceCity")]
    policies = [(EntityType.POLICY, "PolicyDocument")]
    persons = [(EntityType.PERSON, None)]
    patterns = [
        ("leads", orgs, platforms, "{s}牵头组建{o}，推动关键技术攻关。"),
        ("memberOf", orgs, platforms, "{s}作为成员单位加入{o}。"),
        ("locatedIn", orgs, platforms, "{s}落户{o}，建设研发中心。"),
        ("partOf", platforms, platforms, "{s}是{o}的重要组成部分。"),
        ("issuedBy", policies, gov, "{o}印发《{s}》，支持企业创新。"),
        ("benefitsFrom", orgs, policies, "{s}获得《{o}》支持，研发投入持续增长。"),
        ("partnerOf", orgs, orgs, "{s}与{o}签署战略合作协议。"),
    ]
    fresh = [name for name, _k in labels]
    documents, relations, memberships, attributes = [], [], [], []
    mentioned: dict[str, set[str]] = {name: set() for name in kind}
    number = 0
    while fresh or len(relations) < entities * 1.6:
        number += 1
        doc_id = f"synthetic-{number:05d}"
        sentences: list[tuple[str, tuple]] = []
        for _ in range(rng.randint(4, 9)):
            if fresh and kind[fresh[0]] in persons or rng.random() < 0.08:
                person, org = pick(*persons, fresh=fresh), pick(*orgs, fresh=None)
                title = rng.choice(["总经理", "副总裁", "首席科学家", "院长"])
                sentences.append((f"{org}{title}{person}介绍了最新进展。", ("member", person, org, title)))
                continue
            predicate, subjects, objects, template = rng.choice(patterns)
            # one end new to the corpus (while any is left), the other a well-known one
            new_subject = rng.random() < 0.5
            s = pick(*subjects, fresh=fresh if new_subject else None)
            o = pick(*objects, fresh=None if new_subject else fresh)
            if s != o:
                sentences.append((template.format(s=s, o=o), (predicate, s, o)))
        text, spans = "", []
        for sentence, fact in sentences:
            spans.append((len(text), len(text) + len(sentence), sentence, fact))
            text += sentence + "\n"
        meta = DocumentMetadata(title=f"合成科技新闻第{number}号", publication="合成日报")
        documents.append(SourceDocument(doc_id, f"{doc_id}.txt", text, text, range(len(text)), metadata=meta))
        for start, end, sentence, fact in spans:
            ev = Evidence(doc_id, sentence, start, end)
            if fact[0] == "member":
                _m, person, org, title = fact
                memberships.append(Membership(person, org, title, ev, "synthetic-title", 0.8))
                names = (person, org)
            else:
                predicate, s, o = fact
                relations.append(Relation(s, predicate, o, ev, "synthetic", round(rng.uniform(0.6, 0.95), 2)))
                names = (s, o)
                if predicate == "leads" and rng.random() < 0.3:
                    attributes.append(Attribute(o, "memberCount", rng.randint(5, 60), ev, "synthetic-count"))
            for name in names:
                mentioned[name].add(doc_id)
    ents = {}
    for name, (etype, sub) in kind.items():
        aliases = {name[:2]} if etype is EntityType.ORGANISATION and rng.random() < 0.2 else set()
        ents[name] = Entity(name, etype, sub, aliases - {name}, mentioned[name])
    return Corpus(documents, ents, relations, attributes, memberships)


def measure(html: Path, clicks: int = 7) -> dict[str, float]:
    """Open `html` with the network blocked; time the first draw and clicks on nodes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        external = []
        page.route("**/*", lambda route: (external.append(route.request.url), route.abort())
                   if not route.request.url.startswith(("file:", "data:")) else route.continue_())
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(html.resolve().as_uri())
        page.wait_for_function("document.body.dataset.state === 'ready'", timeout=120_000)
        settle = page.evaluate("window.zgcExplorer.readyAt")
        drawn = page.evaluate("window.zgcExplorer.drawnNodeCount()")
        times, drawn_times = [], []
        for node in page.evaluate(f"window.zgcExplorer.sampleNodes({clicks})"):
            point = page.evaluate(f"window.zgcExplorer.pointOf({node}, 1.0)")
            page.wait_for_timeout(300)  # let the zoomed view draw before timing the click
            page.evaluate("""() => {
                window.__down = null; window.__panel = null; window.__drawn = null;
                window.zgcExplorer.network.once('afterDrawing', () => { window.__drawn = performance.now(); });
                window.addEventListener('pointerdown', () => { window.__down = performance.now(); },
                                        {once: true, capture: true});
                const panel = document.getElementById('panel');
                const seen = new MutationObserver(() => {
                    seen.disconnect();
                    requestAnimationFrame(() => { window.__panel = performance.now(); });
                });
                seen.observe(panel, {childList: true, subtree: true, characterData: true});
            }""")
            page.mouse.click(point["x"], point["y"])
            page.wait_for_function("window.__panel !== null", timeout=10_000)
            times.append(page.evaluate("window.__panel - window.__down"))
            page.wait_for_function("window.__drawn !== null", timeout=10_000)
            drawn_times.append(page.evaluate("window.__drawn - window.__down"))
            clicked = page.evaluate("window.zgcExplorer.selected")
            if clicked != {"node": node}:
                raise RuntimeError(f"clicked node {node} but the panel shows {clicked}")
        browser.close()
    return {"settle_ms": settle, "click_ms": statistics.median(times), "click_max_ms": max(times),
            "highlight_ms": statistics.median(drawn_times),
            "drawn": drawn, "external": len(external), "errors": len(errors)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--out", type=Path, default=Path("bench/results/html-bench.html"))
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = synthetic_corpus(args.entities)
    graph = build_graph(corpus)
    built = time.perf_counter() - started
    started = time.perf_counter()
    report = render_html(graph, args.out)
    rendered = time.perf_counter() - started
    result = measure(args.out)
    size_mb = args.out.stat().st_size / 1e6
    ok = result["settle_ms"] < 5000 and result["click_ms"] < 200 and result["external"] == 0 and not result["errors"]
    print(f"html-bench: {report.nodes} nodes, {report.edges} edges, {len(graph)} triples; build {built:.1f} s, "
          f"render {rendered:.1f} s, {size_mb:.1f} MB; drawn {result['drawn']}; "
          f"settle {result['settle_ms']:.0f} ms (target < 5000); click median {result['click_ms']:.0f} ms, "
          f"max {result['click_max_ms']:.0f} ms (target < 200); canvas highlight drawn after "
          f"{result['highlight_ms']:.0f} ms (median); external requests {result['external']}, "
          f"errors {result['errors']}; {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
