"""Ingest: files -> decoded, normalised `SourceDocument`s -> sentences.

decode (BOM, UTF-8, GB18030, careful guess; binaries refused) -> strip HTML ->
paragraphs, page-break joins, caption removal, character folding -> an
offset map back to the decoded file text.
"""
from __future__ import annotations

from .offsets import OffsetMap
from .reader import DOCUMENT_SUFFIXES, SkippedFile, read_document, read_documents
from .sentences import split_sentences

__all__ = ["DOCUMENT_SUFFIXES", "OffsetMap", "SkippedFile", "read_document", "read_documents",
           "split_sentences"]
