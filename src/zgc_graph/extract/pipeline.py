"""One document through the extraction stages: mentions -> entities -> relations."""
from __future__ import annotations

from ..ingest import split_sentences
from ..lexicon import load
from ..models import DocumentExtraction, SourceDocument
from .mentions import first_pass, investor_pass, known_name_pass, list_sibling_pass, partner_object_pass, views
from .persons import person_pass
from .relations import find_relations
from .resolve import declared_aliases, resolve_document

EXTRACTOR_VERSION = "2"  # bump when rules change, so cached extractions are redone


def extract_document(doc: SourceDocument) -> DocumentExtraction:
    lex = load()
    sentences = split_sentences(doc)
    sentence_views = views(sentences)
    mentions = first_pass(sentence_views, lex)
    aliases = declared_aliases(doc.text, mentions, lex)
    resolved = resolve_document(doc.doc_id, doc.text, mentions, lex, aliases)
    # once a name (or a short form of it) is known, each occurrence counts
    prefixes = resolved.name_prefixes(lex)
    short_forms = {prefix: (resolved.entities[label].type, resolved.entities[label].subtype)
                   for prefix, label in prefixes.items()}
    short_forms.update(resolved.short_forms(lex))
    mentions = known_name_pass(sentence_views, mentions, resolved.names(), short_forms)
    aliases = {**{m.text: prefixes[m.text] for m in mentions if m.text in prefixes}, **aliases}
    mentions = partner_object_pass(sentence_views, mentions, lex)
    mentions = investor_pass(sentence_views, mentions, lex)
    mentions = list_sibling_pass(sentence_views, mentions, lex)
    mentions, roles = person_pass(sentence_views, mentions, lex)
    resolved = resolve_document(doc.doc_id, doc.text, mentions, lex, aliases)
    mentions = known_name_pass(sentence_views, mentions, resolved.names())
    resolved = resolve_document(doc.doc_id, doc.text, mentions, lex, aliases)
    found = find_relations(doc, sentences, mentions, resolved, roles, lex)
    return DocumentExtraction(doc, resolved.entities, found.relations, found.attributes, found.memberships)
