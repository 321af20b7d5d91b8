"""Apache Jena from Debian's `libapache-jena-java` (4.5), driven as plain `java` commands.

Debian ships jars without the `riot`/`arq` launcher scripts, so we build the
classpath ourselves.  Two traps (see known-traps.md): `/usr/share/java/*`
holds two SLF4J bindings that recurse into a StackOverflowError, so the
classpath lists jars by name; and Debian's jena-core moves Xerces to the
package `xerces.*` but leaves its message bundles under
`org/apache/jena/ext/xerces/impl/`, so every command dies in
`XSDDatatype.<clinit>` unless those bundles are also found under
`xerces/impl/` -- we copy them, at that path, into a small jar in a cache
folder placed first on the classpath (never into the repository).

Run `python -m zgc_graph.interop.jena` to print the classpath for your own
`java -cp` commands.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from pathlib import Path

from ..errors import ZgcError

JAR_DIR_ENV = "ZGC_JENA_JARS"          # override /usr/share/java, e.g. for a Jena unpacked elsewhere
DEFAULT_JAR_DIR = Path("/usr/share/java")
INSTALL_HINT = "install them with: apt-get install default-jre-headless libapache-jena-java"

JENA_JARS = (
    "jena-arq", "jena-base", "jena-cmds", "jena-core", "jena-dboe-base", "jena-dboe-index",
    "jena-dboe-storage", "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri",
    "jena-rdfconnection", "jena-shacl", "jena-shex", "jena-tdb", "jena-tdb2",
)
DEPENDENCY_JARS = (
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpclient-cache", "httpcore", "jackson-annotations",
    "jackson-core", "jackson-databind", "jakarta.json-api", "jsonld-java", "protobuf", "thrift",
    "titanium-json-ld", "slf4j-api", "slf4j-simple", "jcl-over-slf4j",
)
# Short-lived commands: skip the optimising JIT, it only costs start-up time.  Older JVMs
# without the class-archive options below ignore them instead of refusing to start.
JVM_OPTIONS = ("-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
               "-Dfile.encoding=UTF-8")
_XERCES_PREFIX = "org/apache/jena/ext/xerces/impl/"
_LOG_LINE = re.compile(r"^\[[^\]]*\]\s+(ERROR|WARN)\s+(.*)$")
# Wall-clock bound for one command; Jena on a laptop-sized graph needs seconds.
COMMAND_TIMEOUT = 600


class JenaError(ZgcError):
    """Java or the Jena jars are missing, or a Jena command failed."""


def jar_dir() -> Path:
    return Path(os.environ.get(JAR_DIR_ENV) or DEFAULT_JAR_DIR)


def jena_missing() -> str | None:
    """Why Jena cannot run here (one line), or None when it can."""
    if shutil.which("java") is None:
        return f"java is not on PATH; {INSTALL_HINT}"
    base = jar_dir()
    missing = [name for name in JENA_JARS + DEPENDENCY_JARS if not (base / f"{name}.jar").is_file()]
    if missing:
        return f"Jena jars missing in {base}: {', '.join(missing)}; {INSTALL_HINT}"
    return None


def jena_available() -> bool:
    return jena_missing() is None


def _cache_dir() -> Path:
    """Per-user folder in the temp dir for the generated jar and class archive (never the repository)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = Path(tempfile.gettempdir()) / f"zgc-graph-jena-{uid}"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def _file_key(*paths: Path) -> str:
    text = "|".join(f"{p.resolve()}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in paths)
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _xerces_bundle_jar() -> Path:
    """A jar holding jena-core's Xerces message bundles at `xerces/impl/`, where the relocated code looks.

    A jar rather than a folder: the JVM's class-data sharing (below) refuses
    class paths that contain non-empty folders.
    """
    core = jar_dir() / "jena-core.jar"
    target = _cache_dir() / f"xerces-bundles-{_file_key(core)}.jar"
    if target.is_file():
        return target
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", dir=target.parent)
    with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(core) as jar, zipfile.ZipFile(fh, "w") as out:
        for name in sorted(jar.namelist()):
            if name.startswith(_XERCES_PREFIX) and name.endswith(".properties"):
                out.writestr("xerces/impl/" + name[len(_XERCES_PREFIX):], jar.read(name))
    os.replace(tmp, target)  # atomic: a concurrent run sees the old state or the whole jar
    return target


def _class_archive_options(cp: str) -> tuple[list[str], tuple[Path, Path] | None]:
    """JVM options for a class-data-sharing archive of the Jena classes: a third less start-up CPU.

    The first command writes the archive (to a temporary name, renamed when
    complete); later ones map it.  A stale or foreign archive is ignored by
    the JVM (-Xshare:auto), and -Xlog:disable keeps its notes off stdout.
    """
    java = shutil.which("java")
    if java is None:
        return [], None
    key = hashlib.sha1(f"{_file_key(Path(java))}|{cp}".encode()).hexdigest()[:12]
    archive = _cache_dir() / f"jena-classes-{key}.jsa"
    if archive.is_file():
        return ["-Xshare:auto", "-Xlog:disable", f"-XX:SharedArchiveFile={archive}"], None
    pending = archive.with_name(f"{archive.stem}.{os.getpid()}.{threading.get_ident()}.tmp")
    return ["-Xlog:disable", f"-XX:ArchiveClassesAtExit={pending}"], (pending, archive)


def classpath() -> str:
    """The explicit Jena classpath, Xerces bundle fix first."""
    reason = jena_missing()
    if reason:
        raise JenaError(reason)
    base = jar_dir()
    entries = [str(_xerces_bundle_jar())] + [str(base / f"{name}.jar") for name in JENA_JARS + DEPENDENCY_JARS]
    return os.pathsep.join(entries)


def _run(main_class: str, *args: str) -> subprocess.CompletedProcess[str]:
    cp = classpath()
    archive_options, to_publish = _class_archive_options(cp)
    cmd = ["java", *JVM_OPTIONS, *archive_options, "-cp", cp, main_class, *args]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8",
                              timeout=COMMAND_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as err:
        raise JenaError(f"{main_class} did not finish within {COMMAND_TIMEOUT} s") from err
    if to_publish is not None and to_publish[0].is_file():
        os.replace(*to_publish)
    return proc


def _log_messages(stderr: str) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    warnings: list[str] = []
    for line in stderr.splitlines():
        match = _LOG_LINE.match(line.strip())
        if match:
            (errors if match.group(1) == "ERROR" else warnings).append(match.group(2))
    return errors, warnings


def _failure(main_class: str, proc: subprocess.CompletedProcess[str]) -> JenaError:
    lines = [ln.strip() for ln in proc.stderr.splitlines() if ln.strip()]
    detail = next((ln for ln in lines if "ERROR" in ln or "Exception" in ln), lines[-1] if lines else "no output")
    return JenaError(f"{main_class} failed (exit {proc.returncode}): {detail}")


def riot_validate(path: Path | str, syntax: str | None = None) -> tuple[list[str], list[str]]:
    """Parse an RDF file with Jena RIOT; return its (errors, warnings), one message each.

    `syntax` overrides the guess from the file suffix.  Debian's Jena has no
    JSON provider for its JSON-LD 1.1 parser (titanium), so read JSON-LD with
    syntax="jsonld10".
    """
    options = [f"--syntax={syntax}"] if syntax else []
    proc = _run("riotcmd.riot", "--validate", *options, str(path))
    errors, warnings = _log_messages(proc.stderr)
    if proc.returncode != 0 and not errors and not warnings:
        raise _failure("riotcmd.riot", proc)
    return errors, warnings


def _with_query_file(query: str, run) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="zgc-jena-q-") as tmp:
        qfile = Path(tmp) / "query.rq"
        qfile.write_text(query, encoding="utf-8")
        return run(str(qfile))


def _parse_json_results(main_class: str, proc: subprocess.CompletedProcess[str]) -> list[dict]:
    if proc.returncode != 0:
        raise _failure(main_class, proc)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError as err:
        raise JenaError(f"{main_class} printed no JSON results: {proc.stdout[:200]!r}") from err
    if "boolean" in data:  # ASK: true is one empty solution, false is none
        return [{}] if data["boolean"] else []
    return data["results"]["bindings"]


def arq_select(ttl: Path | str, query: str) -> list[dict]:
    """Run a SELECT (or ASK) with ARQ over `ttl`; return SPARQL-JSON bindings."""
    return _with_query_file(query, lambda q: _parse_json_results(
        "arq.sparql", _run("arq.sparql", "--data", str(ttl), "--query", q, "--results=json")))


def tdb2_load(ttl: Path | str, db_dir: Path | str) -> None:
    """Build a TDB2 database in `db_dir` with `tdb2.tdbloader`, the loader Fuseki users run."""
    proc = _run("tdb2.tdbloader", "--loc", str(db_dir), str(ttl))
    errors, warnings = _log_messages(proc.stderr)
    if proc.returncode != 0 or errors:
        raise _failure("tdb2.tdbloader", proc)


def tdb2_select(db_dir: Path | str, query: str) -> list[dict]:
    """Run a SELECT (or ASK) with `tdb2.tdbquery` against a TDB2 database; return SPARQL-JSON bindings."""
    return _with_query_file(query, lambda q: _parse_json_results(
        "tdb2.tdbquery", _run("tdb2.tdbquery", "--loc", str(db_dir), "--query", q, "--results=json")))


if __name__ == "__main__":  # `python -m zgc_graph.interop.jena`: print the classpath
    import sys

    try:
        sys.stdout.write(classpath() + "\n")
    except JenaError as err:
        sys.stderr.write(f"error: {err}\n")
        sys.exit(err.exit_code)
