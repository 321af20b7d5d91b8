"""Benchmark: building the graph of N documents, against bare jieba on the same text.

For each N (default 1, 100, 1000) it makes a corpus with `bench/corpus.py` and reports

* the wall time of a cold build (a fresh process calling `api.build` with
  validation off, as `zgc-graph build --no-validate` does), and of bare
  `jieba.lcut` over exactly the same file texts, timed in this run before and
  after the build, with the ratio of the build to the mean of the two (the
  machine's speed drifts over minutes; the mean is jieba's speed around the build);
* the same cold build with validation on, as `zgc-graph build` runs by default
  (up to --default-max documents): its wall time, ratio and peak memory;
* time per stage (ingest, extract = mentions+resolve+relations over all
  workers, merge, graph, turtle, html) and a split of extraction into its
  phases, timed in-process on a sample of documents;
* peak memory: the sum over the build process and its workers of their
  proportional set size (PSS, so pages shared after fork count once), sampled,
  and the largest single process's peak RSS;
* triples, entities, and whether the seed's entities stayed one entity each;
* an incremental rebuild after adding one document (with the cache);
* whether `--jobs 1` and `--jobs N` give byte-identical Turtle;
* SHACL validation time (up to --validate-max documents);
* canned query times on the graph, with rdflib and through the Oxigraph store;
* `check_contract.py` on the graph.

It ends with one summary line for the largest N.  Not a test: nothing here asserts.

    .venv/bin/python bench/build_bench.py [-n 1 100 1000] [--jobs 2] [--work /tmp/zgc-bench]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CHECKER = REPO.parent / "shared" / "tools" / "check_contract.py"
sys.path.insert(0, str(HERE))

TARGET_RATIO = 2.0
TARGET_MEMORY_MIB = 1024
TARGET_INCREMENTAL = 0.10
TARGET_QUERY_MS = 100


# -- memory sampling -------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            pass
    return found


def _pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class MemorySampler(threading.Thread):
    """Peak of the summed PSS of a process and its descendants, every `interval` seconds or more.

    Reading a process's PSS walks its page tables in the kernel: ~17 ms for an
    800 MB process.  Every 50 ms over the build and its two workers, that took
    about half a core from a build that uses both, and the build's wall time
    with it.  The pause after each sample is therefore at least `overhead`
    times the sample's own time: the sampler takes at most ~1/overhead of a core.
    Memory peaks here last seconds (graph, Turtle), far longer than the pause.
    """

    def __init__(self, pid: int, interval: float = 0.05, overhead: int = 20) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.overhead = pid, interval, overhead
        self.peak_kib = 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            started = time.perf_counter()
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(p) for p in _tree(self.pid)))
            self.stopped.wait(max(self.interval, self.overhead * (time.perf_counter() - started)))

    def stop(self) -> int:
        self.stopped.set()
        self.join()
        return self.peak_kib


def run_child(args: list[str]) -> tuple[dict, float, float]:
    """Run this script in child mode; its JSON answer, the wall seconds and peak summed PSS in MiB."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    peak = sampler.stop() / 1024
    if proc.returncode != 0:
        raise SystemExit(f"child {args[0]} failed ({proc.returncode}):\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), wall, peak


# -- child modes (run in a fresh process) ---------------------------------------

def child_build(corpus: str, out: str, jobs: int, formats: str, use_cache: bool, seed_names: str | None,
                validate: bool = False) -> dict:
    from zgc_graph import api
    from zgc_graph.collector import leave_paused

    leave_paused()  # as the console script's build does: the process ends right after
    timings: dict[str, float] = {}
    report = api.build([corpus], out, formats=formats.split(","), validate_graph=validate, jobs=jobs,
                       use_cache=use_cache, timings=timings)
    answer = {
        "timings": timings, "seconds": report.seconds, "triples": report.triples, "documents": report.documents,
        "entities": sum(report.entities_by_type.values()), "relations": report.relations,
        "maxrss_self_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_workers_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "cpu_self_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
        "cpu_workers_s": sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
    }
    if seed_names:
        answer["seed_entities"] = _seed_entity_check(report.corpus, json.loads(Path(seed_names).read_text()))
    return answer


def _seed_entity_check(corpus, seed: list[list[str]]) -> dict:
    """Each seed entity's names should all belong to one entity of the big corpus, and no two seed entities to one.

    A short name that several entities hold (北交所, declared by copies for exchanges they renamed) says
    nothing of a split; the names that one entity alone holds do.
    """
    owners: dict[str, set[str]] = {}
    for label, entity in corpus.entities.items():
        for name in entity.names:
            owners.setdefault(name, set()).add(label)
    owner = {name: next(iter(labels)) for name, labels in owners.items() if len(labels) == 1}
    split, missing, holders = [], 0, {}
    for names in seed:
        found = {owner[n] for n in names if n in owner}
        if not found:
            missing += 1
        elif len(found) > 1:
            split.append(sorted(found))
        for label in found:
            holders.setdefault(label, []).append(names[0])
    merged = [sorted(v) for v in holders.values() if len(v) > 1]
    return {"seed": len(seed), "missing": missing, "split": len(split), "merged": len(merged),
            "split_examples": split[:3], "merged_examples": merged[:3]}


def child_validate(turtle: str) -> dict:
    """`zgc-graph validate FILE`: the file read into the build's store (timed apart), then validated."""
    from zgc_graph import api
    from zgc_graph.graph.build import TripleTable
    from zgc_graph.graph.ontology import read_graph

    started = time.perf_counter()
    graph = read_graph(Path(turtle), store=TripleTable())
    parsed = time.perf_counter()
    report = api.validate(graph)
    return {"seconds": time.perf_counter() - parsed, "parse_s": parsed - started, "conforms": report.conforms,
            "violations": len(report.violations)}


def child_queries(turtle: str, with_rdflib: bool, repeats: int = 3) -> dict:
    """Canned-query times on a loaded Oxigraph store (load timed apart), and with rdflib when asked."""
    from zgc_graph import store
    from zgc_graph.queries import get_canned, list_canned
    from zgc_graph.query import query_graph, read_turtle

    def timed(run) -> tuple[float, float, int]:
        times, rows = [], 0
        for _ in range(repeats):
            t = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - t)
            rows = len(result.rows) if result.rows is not None else int(bool(result.boolean))
            if times[0] > 5:  # far over the target already: one run says enough
                break
        return times[0] * 1000, statistics.median(times) * 1000, rows

    store_dir = Path(turtle).with_suffix(".oxigraph")
    t = time.perf_counter()
    store.load_store(turtle, store_dir)
    answer = {"store_load_s": time.perf_counter() - t, "rdflib": {}, "oxigraph": {}}
    oxi = store.open_for_query(turtle, store_dir)
    name = _busiest_label(oxi)
    answer["entity_param"] = name
    queries = {q.name: get_canned(q.name, **({"name": name} if "name" in q.params else {}))
               for q in list_canned()}
    for qname, sparql in queries.items():
        answer["oxigraph"][qname] = timed(lambda: store.query_store(sparql, oxi))
    if with_rdflib:
        started = time.perf_counter()
        graph = read_turtle(Path(turtle))
        answer["parse_s"] = time.perf_counter() - started
        for qname, sparql in queries.items():
            answer["rdflib"][qname] = timed(lambda: query_graph(sparql, graph))
    return answer


def _busiest_label(oxi) -> str:
    """The zh label of the entity mentioned in most documents (a realistic `entity` query)."""
    from zgc_graph import store

    rows = store.query_store("""
        SELECT ?label WHERE {
          { SELECT ?e (COUNT(?d) AS ?n) WHERE { ?e zgc:mentionedIn ?d } GROUP BY ?e }
          ?e skos:prefLabel ?label . FILTER(lang(?label) = "zh")
        } ORDER BY DESC(?n) STR(?e) LIMIT 1""", oxi).rows
    return str(rows[0][0])


def child_phases(corpus: str, sample: int) -> dict:
    """Seconds per extraction phase over `sample` documents, in this process, by wrapping the pipeline's steps."""
    from zgc_graph.extract import pipeline
    from zgc_graph.ingest import read_documents

    phases = {"split_sentences": "sentences", "views": "mentions", "first_pass": "mentions",
              "known_name_pass": "mentions", "partner_object_pass": "mentions", "list_sibling_pass": "mentions",
              "person_pass": "mentions", "declared_aliases": "resolve", "resolve_document": "resolve",
              "find_relations": "relations"}
    spent: dict[str, float] = {}

    def wrap(func, phase):
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[phase] = spent.get(phase, 0.0) + time.perf_counter() - t
        return timed

    for attr, phase in phases.items():
        if hasattr(pipeline, attr):
            setattr(pipeline, attr, wrap(getattr(pipeline, attr), phase))
    documents, _ = read_documents([Path(corpus)])
    documents = documents[:sample]
    pipeline.extract_document(documents[0])  # load jieba and the lexicon outside the timing
    spent.clear()
    started = time.perf_counter()
    for doc in documents:
        pipeline.extract_document(doc)
    total = time.perf_counter() - started
    spent["other"] = total - sum(spent.values())
    return {"documents": len(documents), "seconds": total, "phases": spent}


def child_contract(turtle: str, engine: str) -> dict:
    """check_contract.py, unchanged but for how its SPARQL is answered.

    rdflib evaluates a basic graph pattern before applying initBindings, so the
    checker's per-relation query scans every rdf:Statement: ~23 s a relation on
    a 130k-triple graph (days for 1,000 documents).  `engine` "rdflib" writes
    the bound terms into the query text (~40 ms a query, the same rows: the
    bound variables are not projected); "oxigraph" also does that and answers
    the query from an Oxigraph store loaded from the same file (about 1 ms a
    query), with rows turned back into rdflib terms.  Everything else the
    checker does (parsing, label and type checks, the verdict) is its own.
    """
    import contextlib
    import io
    import re as regex
    import runpy

    import rdflib

    original = rdflib.Graph.query
    answer = _oxigraph_answerer(turtle) if engine == "oxigraph" else None

    def query(self, query_object, *args, initBindings=None, **kwargs):  # noqa: N803
        if isinstance(query_object, str) and initBindings:
            projected = regex.search(r"SELECT(.*?)WHERE", query_object, regex.S | regex.I)
            names = set(regex.findall(r"\?(\w+)", projected.group(1))) if projected else set()
            if not names & set(map(str, initBindings)):
                for var, term in initBindings.items():
                    query_object = regex.sub(rf"\?{var}(?!\w)", lambda _m, t=term: t.n3(), query_object)
                initBindings = None
        if answer is not None and isinstance(query_object, str) and not initBindings:
            return answer(query_object)
        return original(self, query_object, *args, initBindings=initBindings, **kwargs)

    rdflib.Graph.query = query
    sys.argv = [str(CHECKER), turtle]
    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        try:
            runpy.run_path(str(CHECKER), run_name="__main__")
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    lines = out.getvalue().strip().splitlines()
    return {"seconds": time.perf_counter() - started, "exit": code, "lines": lines}


def _oxigraph_answerer(turtle: str):
    """SELECT text -> list of row tuples of rdflib terms, from an Oxigraph store of `turtle`."""
    import pyoxigraph as ox

    from zgc_graph.store import to_rdflib

    store = ox.Store()
    store.bulk_load(path=turtle, format=ox.RdfFormat.TURTLE)

    def answer(text: str) -> list[tuple]:
        solutions = store.query(text)
        names = [v.value for v in solutions.variables]
        return [tuple(to_rdflib(row[name]) for name in names) for row in solutions]

    return answer


def child_main(argv: list[str]) -> None:
    mode, *rest = argv
    if mode == "build":
        corpus, out, jobs, formats, cache, seed_names, *validate = rest
        answer = child_build(corpus, out, int(jobs), formats, cache == "cache", seed_names or None,
                             validate == ["validate"])
    elif mode == "validate":
        answer = child_validate(rest[0])
    elif mode == "queries":
        answer = child_queries(rest[0], rest[1] == "rdflib")
    elif mode == "contract":
        answer = child_contract(rest[0], rest[1])
    elif mode == "phases":
        answer = child_phases(rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown child mode {mode}")
    print(json.dumps(answer, ensure_ascii=False), flush=True)
    if mode == "build":
        os._exit(0)  # as the `zgc-graph` console script ends a build: without freeing the heap


# -- the benchmark -----------------------------------------------------------------

def jieba_baseline(files: list[Path]) -> tuple[float, int]:
    """Seconds of bare `jieba.lcut` over the file texts, in this process (jieba loaded beforehand)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in files]
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started, sum(map(len, texts))


def available_formats(wanted: list[str]) -> list[str]:
    from zgc_graph.export import exporters

    known = exporters()
    return [f for f in wanted if f in known]


def fmt_stages(timings: dict[str, float]) -> str:
    order = ["ingest", "extract", "merge", "graph", "validate", "turtle", "html"]
    keys = [k for k in order if k in timings] + sorted(k for k in timings if k not in order)
    return ", ".join(f"{k} {timings[k]:.2f}" for k in keys)


def bench_one(n: int, args, copier, seed_names_file: Path, formats: list[str]) -> dict:
    from corpus import add_copy, make_corpus

    work = args.work / f"n{n}"
    corpus, out = work / "corpus", work / "out"
    shutil.rmtree(work, ignore_errors=True)
    files = make_corpus(corpus, n, copier=copier)
    print(f"\n== N = {n} documents ({corpus}); load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores",
          flush=True)

    jieba_s, chars = jieba_baseline(files)
    print(f"jieba.lcut     {jieba_s:8.2f} s  over {chars} characters ({chars / jieba_s / 1000:.0f}k chars/s)",
          flush=True)
    fmt = ",".join(formats)
    build, wall, pss = run_child(["build", str(corpus), str(out), str(args.jobs), fmt, "cache", str(seed_names_file)])
    default = None
    if n <= args.default_max:  # what `zgc-graph build` does with no options: validation on
        default = run_child(["build", str(corpus), str(work / "out-default"), str(args.jobs), fmt, "nocache", "",
                             "validate"])
        shutil.rmtree(work / "out-default", ignore_errors=True)
    # this machine's speed drifts by 10-30% over minutes: time jieba again after the build, and compare
    # the build with the mean of the two, the jieba speed around the time of the build
    jieba_after, _ = jieba_baseline(files)
    print(f"jieba.lcut     {jieba_after:8.2f} s  again, after the build ({chars / jieba_after / 1000:.0f}k chars/s)",
          flush=True)
    jieba_s = (jieba_s + jieba_after) / 2
    ratio = wall / jieba_s
    print(f"build          {wall:8.2f} s  wall, --jobs {args.jobs}, cold cache, no validation "
          f"(in-process {build['seconds']:.2f} s); ratio to jieba {ratio:.2f} against the mean of the two "
          f"(target <= {TARGET_RATIO})")
    print(f"  stages (s)   {fmt_stages(build['timings'])}")
    print(f"  cpu          build process {build['cpu_self_s']:.1f} s, workers {build['cpu_workers_s']:.1f} s "
          f"(user+system; with {os.cpu_count()} cores shared with whatever else runs)")
    print(f"  memory       peak {pss:.0f} MiB summed PSS of all build processes (target < {TARGET_MEMORY_MIB}); "
          f"largest RSS: build process {build['maxrss_self_mib']:.0f} MiB, worker {build['maxrss_workers_mib']:.0f} MiB")
    print(f"  graph        {build['triples']} triples, {build['entities']} entities, {build['relations']} relations, "
          f"{build['documents']} documents")
    seed = build.get("seed_entities") or {}
    if seed:
        print(f"  seed entities {seed['seed']}: missing {seed['missing']}, split over several IRIs {seed['split']}, "
              f"merged with another seed entity {seed['merged']}"
              + (f"; e.g. split {seed['split_examples']}" if seed["split"] else "")
              + (f"; e.g. merged {seed['merged_examples']}" if seed["merged"] else ""))
    result = {"n": n, "chars": chars, "jieba": jieba_s, "wall": wall, "ratio": ratio, "pss": pss, "build": build}
    if default is not None:
        d_build, d_wall, d_pss = default
        result["default"] = {"ratio": d_wall / jieba_s, "pss": d_pss}
        print(f"default build  {d_wall:8.2f} s  wall, the same with SHACL validation on, as `zgc-graph build` does: "
              f"ratio {d_wall / jieba_s:.2f}, peak {d_pss:.0f} MiB summed PSS")
        print(f"  stages (s)   {fmt_stages(d_build['timings'])}")

    phases, _, _ = run_child(["phases", str(corpus), str(min(n, args.phase_sample))])
    total = phases["seconds"]
    split = ", ".join(f"{k} {v / total:.0%}" for k, v in sorted(phases["phases"].items(), key=lambda kv: -kv[1]))
    print(f"  extract split in-process over {phases['documents']} documents, {total / phases['documents']:.3f} s/doc: "
          f"{split}")

    if n <= args.identity_max:
        other = work / "out-jobs1"
        _, wall1, _ = run_child(["build", str(corpus), str(other), "1", "turtle", "nocache", ""])
        same = (other / "zgc.ttl").read_bytes() == (out / "zgc.ttl").read_bytes()
        result["identical"] = same
        print(f"jobs 1 vs {args.jobs}    Turtle byte-identical: {'yes' if same else 'NO'} "
              f"(--jobs 1 --no-cache build {wall1:.2f} s)")
        shutil.rmtree(other, ignore_errors=True)

    graph = work / "graph.ttl"  # the N-document graph, kept for the checks after the incremental build
    shutil.copyfile(out / "zgc.ttl", graph)
    if n > 1:
        added = add_copy(corpus, n, copier)
        inc, inc_wall, inc_pss = run_child(["build", str(corpus), str(out), str(args.jobs), fmt, "cache", ""])
        share = inc_wall / wall
        result["incremental"] = share
        print(f"incremental    {inc_wall:8.2f} s  wall after adding {added.name}: {share:.1%} of the full build "
              f"(target < {TARGET_INCREMENTAL:.0%}); peak {inc_pss:.0f} MiB")
        print(f"  stages (s)   {fmt_stages(inc['timings'])}")
    if n <= args.validate_max:
        val, _, _ = run_child(["validate", str(graph)])
        print(f"validate       {val['seconds']:8.2f} s  SHACL, conforms: {val['conforms']} ({val['violations']} violations); "
              f"reading the Turtle file before it {val['parse_s']:.2f} s, as zgc-graph validate does")
        result["validate"] = val

    if n >= args.query_min:
        q, _, _ = run_child(["queries", str(graph), "rdflib" if n <= args.rdflib_query_max else "-"])
        worst = {}
        for engine in ("oxigraph", "rdflib"):
            if not q[engine]:
                continue
            cells = ", ".join(f"{name} {v[1]:.0f}" for name, v in q[engine].items())
            worst[engine] = max(v[1] for v in q[engine].values())
            print(f"queries {engine:8s} median ms of 3 (1 when over 5 s): {cells}")
        parse = f"rdflib parse of the Turtle {q['parse_s']:.2f} s; " if "parse_s" in q else ""
        print(f"  {parse}Oxigraph store load {q['store_load_s']:.2f} s (not in the query times); "
              f"entity query for {q['entity_param']}")
        result["queries"] = worst

    if n <= args.contract_raw_max and CHECKER.exists():
        t = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, str(CHECKER), str(graph)], capture_output=True,
                                  text=True, timeout=args.contract_timeout)
            lines = (proc.stdout + proc.stderr).strip().splitlines()
            print(f"check_contract {time.perf_counter() - t:8.2f} s  as shipped, exit {proc.returncode}: "
                  f"{lines[-1] if lines else ''}")
        except subprocess.TimeoutExpired:
            print(f"check_contract as shipped: stopped after {args.contract_timeout} s")
    if not CHECKER.exists() and n >= args.query_min:
        print(f"check_contract skipped: {CHECKER} not found")
    for engine, limit, how in (("rdflib", args.contract_max, "initBindings inlined"),
                               ("oxigraph", args.contract_oxigraph_max, "its SPARQL answered by Oxigraph")):
        if CHECKER.exists() and n <= limit:
            con, _, _ = run_child(["contract", str(graph), engine])
            lines = con["lines"]
            result["contract"] = result.get("contract", True) and con["exit"] == 0
            print(f"check_contract {con['seconds']:8.2f} s  {how}, exit {con['exit']}: {lines[-1] if lines else ''}")
            for line in lines[:-1][:5]:
                print(f"  {line}")

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def summary(r: dict) -> str:
    def verdict(ratio: float, pss: float) -> str:
        return (f"{ratio:.2f}x (<= {TARGET_RATIO:g}: {'ok' if ratio <= TARGET_RATIO else 'MISSED'}), peak {pss:.0f} MiB "
                f"(< {TARGET_MEMORY_MIB}: {'ok' if pss < TARGET_MEMORY_MIB else 'MISSED'})")

    parts = [f"N={r['n']} ({r['chars'] / 1e6:.2f}M chars): build --no-validate {r['wall']:.1f} s vs jieba "
             f"{r['jieba']:.1f} s (mean of before and after) = {verdict(r['ratio'], r['pss'])}"]
    if "default" in r:
        parts.append(f"with validation (the default) {verdict(r['default']['ratio'], r['default']['pss'])}")
    if "incremental" in r:
        ok = r["incremental"] < TARGET_INCREMENTAL
        parts.append(f"incremental {r['incremental']:.1%} (< {TARGET_INCREMENTAL:.0%}: {'ok' if ok else 'MISSED'})")
    if "identical" in r:
        parts.append(f"jobs 1 = jobs N: {'yes' if r['identical'] else 'NO'}")
    if "queries" in r:
        q = r["queries"]
        parts.append(f"slowest canned query {q['oxigraph']:.0f} ms on the Oxigraph store "
                     f"(< {TARGET_QUERY_MS}: {'ok' if q['oxigraph'] < TARGET_QUERY_MS else 'MISSED'})"
                     + (f", {q['rdflib']:.0f} ms in rdflib" if "rdflib" in q else ""))
    if "contract" in r:
        parts.append(f"contract {'pass' if r['contract'] else 'FAIL'}")
    seed = r["build"].get("seed_entities")
    if seed:
        parts.append(f"seed entities split {seed['split']}, merged {seed['merged']}")
    return "summary: " + "; ".join(parts)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2:])
        return
    sys.stdout.reconfigure(line_buffering=True)  # progress shows when redirected to a file
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, nargs="+", default=[1, 100, 1000], help="corpus sizes")
    parser.add_argument("--jobs", type=int, default=None, help="build processes (default: every core)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/zgc-bench"), help="folder for corpora and outputs")
    parser.add_argument("--formats", default="turtle,html", help="formats to build (ones not registered are skipped)")
    parser.add_argument("--validate-max", type=int, default=100, help="run SHACL validation up to this N")
    parser.add_argument("--identity-max", type=int, default=1000, help="compare --jobs 1 Turtle up to this N")
    parser.add_argument("--default-max", type=int, default=1000,
                        help="also time a cold build with validation on (the command's default) up to this N")
    parser.add_argument("--query-min", type=int, default=100, help="time queries and check the contract from this N")
    parser.add_argument("--contract-raw-max", type=int, default=1,
                        help="also run check_contract.py as shipped up to this N (its rdflib queries take ~23 s "
                             "per relation on a 100-document graph)")
    parser.add_argument("--rdflib-query-max", type=int, default=100,
                        help="also time the queries in rdflib up to this N (minutes each at 1,000 documents)")
    parser.add_argument("--contract-max", type=int, default=100,
                        help="run check_contract.py (bindings inlined) up to this N (one rdflib query per "
                             "relation: ~3 min at 100 documents, hours at 1,000)")
    parser.add_argument("--contract-oxigraph-max", type=int, default=1000,
                        help="run check_contract.py with its SPARQL answered by Oxigraph up to this N (minutes "
                             "at 1,000 documents, most of it rdflib parsing the Turtle)")
    parser.add_argument("--contract-timeout", type=int, default=900, help="seconds for the shipped checker")
    parser.add_argument("--phase-sample", type=int, default=20, help="documents for the extraction-phase split")
    parser.add_argument("--keep", action="store_true", help="keep corpora and outputs in --work")
    args = parser.parse_args()
    from corpus import Copier, seed_names, seed_texts
    from zgc_graph.runner import default_jobs

    args.jobs = args.jobs or default_jobs()
    formats = available_formats(args.formats.split(","))
    skipped = sorted(set(args.formats.split(",")) - set(formats))
    print(f"zgc-graph build benchmark: --jobs {args.jobs}, formats {','.join(formats)}"
          + (f" ({','.join(skipped)} not registered yet)" if skipped else "") + f", {os.cpu_count()} cores")
    names = seed_names()
    copier = Copier(seed_texts(), names)
    args.work.mkdir(parents=True, exist_ok=True)
    seed_names_file = args.work / "seed-names.json"
    seed_names_file.write_text(json.dumps([list(n.names) for n in names], ensure_ascii=False), encoding="utf-8")
    results = [bench_one(n, args, copier, seed_names_file, formats) for n in sorted(args.n)]
    print()
    print(summary(results[-1]))


if __name__ == "__main__":
    main()
