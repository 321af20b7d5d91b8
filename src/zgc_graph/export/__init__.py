"""Exporters registered by name: adding a format touches one module.

An exporter takes the built rdflib graph and a target path and writes the file
atomically (see `zgc_graph.fsutil`).  Modules register themselves on import;
`EXPORTER_MODULES` lists the modules to import, so the registry is complete
without importing every heavy dependency up front.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rdflib import Graph

from ..errors import ZgcError

ExportFunc = Callable[[Graph, Path], None]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str           # file suffix, e.g. ".ttl"
    description: str
    write: ExportFunc


_REGISTRY: dict[str, Exporter] = {}

# Modules that call `register` when imported; one line per exporter module.
EXPORTER_MODULES = [
    "zgc_graph.export.turtle",
    "zgc_graph.export.rdf_formats",
    "zgc_graph.export.html",
    "zgc_graph.export.network_formats",
]


def register(name: str, suffix: str, description: str) -> Callable[[ExportFunc], ExportFunc]:
    def decorate(func: ExportFunc) -> ExportFunc:
        _REGISTRY[name] = Exporter(name, suffix, description, func)
        return func
    return decorate


def _load_all() -> None:
    for module in EXPORTER_MODULES:
        importlib.import_module(module)


def exporters() -> dict[str, Exporter]:
    _load_all()
    return dict(sorted(_REGISTRY.items()))


def get_exporter(name: str) -> Exporter:
    found = exporters()
    if name not in found:
        raise ZgcError(f"unknown export format '{name}' (known: {', '.join(found)})")
    return found[name]
