"""IRIs of entities, documents, statements and memberships (CONTRACT.md, "Labels and identity").

An entity IRI is a readable toneless-pinyin slug plus a short hash of the
label: 华为 and 华威 share the slug `huawei` but never the hash.  Everything
is derived from content, never from order or randomness, so the same input
gives the same IRIs on every build.
"""
from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from ..models import EntityType
from .pinyin import slug
from .vocab import ZGCR

KIND = {
    EntityType.ORGANISATION: "org",
    EntityType.PERSON: "person",
    EntityType.POLICY: "policy",
    EntityType.PLATFORM: "platform",
}

HASH_LEN = 6


def _sha1(*parts: str) -> str:
    # U+001F between parts: ("ab", "c") and ("a", "bc") hash differently.
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def entity_iri(label: str, type_: EntityType, *, hash_len: int = HASH_LEN) -> URIRef:
    """zgcr:{kind}/{slug}-{hash of the label}, e.g. zgcr:org/huawei-3f9a1c."""
    name = slug(label, is_person=type_ is EntityType.PERSON)
    return ZGCR[f"{KIND[type_]}/{name}-{_sha1(label)[:hash_len]}"]


class EntityIris:
    """Mints entity IRIs for one build and guarantees distinct labels get distinct IRIs.

    Two labels whose slug and 6-hex hash both agree (about one pair in sixteen
    million sharing a slug) are told apart by a longer hash for the later one
    in code-point order of the labels, so the outcome does not depend on the
    order entities arrive in.
    """

    def __init__(self, labels: dict[str, EntityType], *, hash_len: int = HASH_LEN) -> None:
        self._iris: dict[str, URIRef] = {}
        taken: dict[URIRef, str] = {}
        for label in sorted(labels):
            length = hash_len
            iri = entity_iri(label, labels[label], hash_len=length)
            while iri in taken and length < 40:
                length = min(40, length + 6)
                iri = entity_iri(label, labels[label], hash_len=length)
            taken[iri] = label
            self._iris[label] = iri

    def __getitem__(self, label: str) -> URIRef:
        return self._iris[label]

    def __contains__(self, label: object) -> bool:
        return label in self._iris


def document_iri(doc_id: str) -> URIRef:
    return ZGCR[f"doc/{quote(doc_id, safe='-._~')}"]


def statement_iri(subject: str, predicate: str, obj: str, doc_id: str, start: int, end: int) -> URIRef:
    """zgcr:stmt/{16 hex}: one node per (triple, evidence span); `obj` is the N-Triples form."""
    return ZGCR[f"stmt/{_sha1(subject, predicate, obj, doc_id, str(start), str(end))[:16]}"]


def membership_iri(person: str, organisation: str | None, title: str) -> URIRef:
    """zgcr:membership/{16 hex}: one node per (person, organisation, title), however often stated."""
    return ZGCR[f"membership/{_sha1(person, organisation or '', title)[:16]}"]


def member_group_iri(whole: str, kind: str) -> URIRef:
    """zgcr:membergroup/{16 hex}: one node per (consortium, kind of member), whatever sizes are stated."""
    return ZGCR[f"membergroup/{_sha1(whole, kind)[:16]}"]
