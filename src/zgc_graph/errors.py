"""User-facing errors: one clear line saying what and where.

Library code raises `ZgcError` (or a subclass); the CLI prints its message on
one line to stderr and exits non-zero, with no traceback unless --debug.
"""
from __future__ import annotations


class ZgcError(Exception):
    """An error the user can act on; `str(err)` is the one line to print."""

    exit_code = 1


class InputError(ZgcError):
    """A document cannot be read: missing, empty, binary, undecodable."""

    exit_code = 2


class QueryError(ZgcError):
    """A SPARQL query is malformed or names an unknown canned query."""

    exit_code = 3


class GraphFileError(ZgcError):
    """A graph file is missing or does not parse."""

    exit_code = 4


class ValidationFailed(ZgcError):
    """SHACL validation found violations."""

    exit_code = 5
