"""A read-only SPARQL 1.1 Protocol endpoint over one graph file (Starlette + uvicorn).

Why Oxigraph rather than rdflib: it parses and answers an order of magnitude
faster, serialises all four SPARQL result formats and Turtle/N-Triples
natively, and never holds the GIL while evaluating.  Answers equal rdflib's
(tests/test_interop_engines.py); Oxigraph only lowercases language tags.

Why a worker process: a runaway query cannot be stopped inside a thread.
Queries run one at a time in a child process that holds the store; when one
overruns `timeout`, the child is killed (the client gets 503) and a fresh one
loads the same snapshot of the file for the next request.

Read-only by construction: the worker only ever calls `Store.query`, which
cannot parse an update.  Requests that try to write (`update=`, an
`application/sparql-update` body, or an update sent as a query) are refused
with 403 before reaching it.  `SERVICE` is refused too: Oxigraph would
fetch remote endpoints, turning the server into an open HTTP proxy.
"""
from __future__ import annotations

import ipaddress
import multiprocessing
import re
import socket
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from .errors import GraphFileError, ZgcError
from .graph.vocab import PREFIXES

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0

JSON = "application/sparql-results+json"
XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
RDFXML = "application/rdf+xml"

# Accepted media type (and aliases clients send) -> the type we answer with.
RESULT_TYPES = {JSON: JSON, "application/json": JSON, XML: XML, "application/xml": XML,
                "text/xml": XML, CSV: CSV, TSV: TSV}
GRAPH_TYPES = {TURTLE: TURTLE, "application/turtle": TURTLE, "application/x-turtle": TURTLE,
               NTRIPLES: NTRIPLES, "text/plain": NTRIPLES, RDFXML: RDFXML}

_LEXICAL_NOISE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*', re.S)
_UPDATE = re.compile(r"^\s*(?:(?:BASE|PREFIX\s+[^\s:]*:)\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.I)


class ServeError(ZgcError):
    """The endpoint cannot start: port taken, address not available, worker failed."""


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


# -- request checks --------------------------------------------------------------
def _without_strings_and_iris(query: str) -> str:
    return _LEXICAL_NOISE.sub(" ", query)


def refusal(query: str) -> Answer | None:
    """403 for an update sent as a query, 400 for SERVICE; None when the query may run."""
    bare = _without_strings_and_iris(query)
    match = _UPDATE.match(bare)
    if match:
        return _text(403, f"SPARQL Update ({match.group(1).upper()}) is not allowed: this endpoint is read-only")
    if _SERVICE.search(bare):
        return _text(400, "SERVICE (federated query) is disabled on this endpoint")
    return None


def negotiate(accept: str | None, offers: dict[str, str]) -> str | None:
    """The best type in `offers` for an Accept header (RFC 9110 q-values, wildcards); None if none fits."""
    if not accept or not accept.strip():
        return next(iter(offers.values()))
    best: tuple[float, int, int, str] | None = None
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in offers:
            candidate, specificity = offers[media], 2
        elif media == "*/*":
            candidate, specificity = next(iter(offers.values())), 0
        elif media.endswith("/*"):
            major = media[:-1]
            candidate = next((v for k, v in offers.items() if k.startswith(major)), "")
            specificity = 1
        else:
            continue
        if candidate and (best is None or (q, specificity, -index) > best[:3]):
            best = (q, specificity, -index, candidate)
    return best[3] if best else None


# -- the worker process -------------------------------------------------------------
def _worker_main(conn: Connection, data: bytes) -> None:
    """Child process: load the snapshot, then answer (query, ...) messages until the pipe closes."""
    import pyoxigraph as ox

    store = ox.Store()
    try:
        store.load(data, format=ox.RdfFormat.TURTLE)
    except (SyntaxError, ValueError, OSError) as err:
        conn.send(("load-error", str(err).splitlines()[0] if str(err) else type(err).__name__))
        return
    conn.send(("ready", len(store)))
    # zgcr: is left out: its local names hold "/", which Turtle would have to escape.
    prefixes = {p: str(ns) for p, ns in PREFIXES.items() if p != "zgcr"}
    while True:
        try:
            query, default_graphs, named_graphs, result_type, graph_type = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(ox, store, prefixes, query, default_graphs, named_graphs, result_type, graph_type))


def _first_line(message: str, limit: int = 300) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "syntax error"
    return line if len(line) <= limit else line[:limit] + "…"


def _answer(ox: Any, store: Any, prefixes: dict[str, str], query: str, default_graphs: list[str],
            named_graphs: list[str], result_type: str | None, graph_type: str | None) -> tuple:
    options: dict[str, Any] = {}
    if default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
    if named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
    try:
        result = store.query(query, **options)
        if isinstance(result, ox.QueryTriples):
            if graph_type is None:
                return ("not-acceptable", "graph")
            fmt = ox.RdfFormat.from_media_type(graph_type)
            body = ox.serialize(result, format=fmt, prefixes=prefixes if graph_type == TURTLE else None)
            return ("ok", graph_type, body)
        if result_type is None:
            return ("not-acceptable", "results")
        return ("ok", result_type, result.serialize(format=ox.QueryResultsFormat.from_media_type(result_type)))
    except (SyntaxError, ValueError) as err:  # ValueError: e.g. a bad IRI in default-graph-uri
        return ("bad-query", _first_line(str(err)))
    except Exception as err:  # evaluation failure: report it, keep the worker
        return ("error", f"{type(err).__name__}: {err}")


class SparqlEndpoint:
    """One graph snapshot served by a killable worker process; thread-safe, one query at a time."""

    def __init__(self, graph_path: Path | str, timeout: float = DEFAULT_TIMEOUT) -> None:
        path = Path(graph_path)
        if not path.is_file():
            raise GraphFileError(f"graph file not found: {path}" if not path.exists() else f"graph file is not a file: {path}")
        self.path = path
        self.timeout = timeout
        self._data = path.read_bytes()
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Connection | None = None
        self.triples = self._start_worker()

    def _start_worker(self) -> int:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, self._data),
                                        name="zgc-graph-sparql-worker", daemon=True)
        process.start()
        child.close()
        try:
            status, detail = parent.recv()
        except EOFError:
            process.join()
            raise ServeError(f"SPARQL worker died while loading {self.path} (exit code {process.exitcode})") from None
        if status != "ready":
            process.join()
            raise GraphFileError(f"graph file does not parse: {self.path}: {detail}")
        self._process, self._conn = process, parent
        return int(detail)

    def _stop_worker(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None

    def execute(self, query: str, *, accept: str | None = None, default_graphs: list[str] | None = None,
                named_graphs: list[str] | None = None) -> Answer:
        """Run one query and return the HTTP answer (status, content type, body)."""
        refused = refusal(query)
        if refused:
            return refused
        result_type, graph_type = negotiate(accept, RESULT_TYPES), negotiate(accept, GRAPH_TYPES)
        if result_type is None and graph_type is None:
            return _text(406, f"cannot answer with any of: {accept}; offered: {', '.join(RESULT_TYPES | GRAPH_TYPES)}")
        if not self._lock.acquire(timeout=self.timeout):
            return _text(503, f"server busy: another query held the endpoint for {self.timeout:g} s")
        try:
            return self._execute_locked(query, result_type, graph_type, default_graphs or [], named_graphs or [])
        finally:
            self._lock.release()

    def _execute_locked(self, query: str, result_type: str | None, graph_type: str | None,
                        default_graphs: list[str], named_graphs: list[str]) -> Answer:
        if self._conn is None:
            self._start_worker()
        assert self._conn is not None
        try:
            self._conn.send((query, default_graphs, named_graphs, result_type, graph_type))
            if not self._conn.poll(self.timeout):
                self._stop_worker()  # the next request gets a fresh worker
                return _text(503, f"query cancelled: it ran longer than the {self.timeout:g} s limit")
            reply = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._stop_worker()
            return _text(500, "query failed: the query worker stopped unexpectedly")
        status = reply[0]
        if status == "ok":
            media = reply[1]
            charset = "; charset=utf-8" if media not in (JSON, XML, RDFXML) else ""
            return Answer(200, media + charset, reply[2])
        if status == "bad-query":
            return _text(400, f"malformed query: {reply[1]}")
        if status == "not-acceptable":
            offered = GRAPH_TYPES if reply[1] == "graph" else RESULT_TYPES
            return _text(406, f"this query returns {'a graph' if reply[1] == 'graph' else 'solutions'}; "
                              f"acceptable types: {', '.join(offered)}")
        return _text(500, f"query failed: {reply[1]}")

    def close(self) -> None:
        with self._lock:
            self._stop_worker()


# -- HTTP -------------------------------------------------------------------------
INDEX_TEXT = """zgc-graph SPARQL endpoint (read-only)

  GET  /sparql?query=...                               SPARQL 1.1 Protocol query
  POST /sparql  (application/x-www-form-urlencoded)   query=...
  POST /sparql  (application/sparql-query)             the query as the body
  Results: JSON, XML, CSV, TSV; graphs: Turtle, N-Triples, RDF/XML (Accept header).
"""


def create_app(endpoint: SparqlEndpoint) -> Any:
    """The Starlette app: /sparql (GET, POST), / (a short help text), CORS for browser clients."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    def respond(answer: Answer) -> Response:
        return Response(answer.body, status_code=answer.status, media_type=answer.content_type)

    async def sparql(request: Request) -> Response:
        url_params = parse_qs(request.url.query, keep_blank_values=True)
        params: dict[str, list[str]] = {k: list(v) for k, v in url_params.items()}
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await request.body()
            if media == "application/sparql-update":
                return respond(_text(403, "SPARQL Update is not allowed: this endpoint is read-only"))
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return respond(_text(400, "request body is not UTF-8"))
            if media == "application/x-www-form-urlencoded":
                for key, values in parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(key, []).extend(values)
            elif media == "application/sparql-query":
                params.setdefault("query", []).append(text)
            else:
                return respond(_text(415, "POST a query as application/x-www-form-urlencoded (query=...) "
                                          "or application/sparql-query"))
        if "update" in params:
            return respond(_text(403, "SPARQL Update is not allowed: this endpoint is read-only"))
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            return respond(_text(400, "expected exactly one non-empty 'query' parameter"))
        answer = await run_in_threadpool(
            endpoint.execute, queries[0], accept=request.headers.get("accept"),
            default_graphs=params.get("default-graph-uri", []), named_graphs=params.get("named-graph-uri", []))
        return respond(answer)

    async def index(request: Request) -> Response:
        return PlainTextResponse(INDEX_TEXT)

    return Starlette(
        routes=[Route("/sparql", sparql, methods=["GET", "POST"]), Route("/", index, methods=["GET"])],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["*"], max_age=600)],
    )


def bind_socket(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or one line saying why not (e.g. the port is taken)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise ServeError(f"cannot resolve host '{host}': {err.strerror}") from err
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as err:
        sock.close()
        if err.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise ServeError(f"port {port} on {host} is already in use; choose another with --port") from err
        raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    return sock


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


class SparqlServer:
    """Binds the socket and loads the graph up front, so every failure happens before serving."""

    def __init__(self, graph_path: Path | str, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout: float = DEFAULT_TIMEOUT) -> None:
        import uvicorn

        self.socket = bind_socket(host, port)
        try:
            self.endpoint = SparqlEndpoint(graph_path, timeout)
        except BaseException:
            self.socket.close()
            raise
        self.host = host
        self.port = self.socket.getsockname()[1]
        config = uvicorn.Config(create_app(self.endpoint), log_level="warning", access_log=False,
                                lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/sparql"

    def run(self) -> None:
        """Serve until interrupted (Ctrl-C), then stop the worker."""
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self.close()

    def start(self) -> None:
        """Serve from a background thread (tests, notebooks); returns once requests are accepted."""
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self.socket]},
                                        name="zgc-graph-serve", daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise ServeError(f"the server stopped while starting on {self.url}")
            self._thread.join(0.02)

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join()
        self.close()

    def close(self) -> None:
        self.endpoint.close()
        self.socket.close()
