"""Typed records that flow between the pipeline stages.

read documents -> normalise -> find mentions -> resolve entities ->
find relations -> build the graph -> export.  Every stage takes and returns
these dataclasses, so each can be tested on its own with hand-made input.

Offsets: a `SourceDocument` keeps the decoded file text (`original`) and the
normalised text the extractor reads (`text`).  Mentions and sentences carry
offsets into `text`; `Evidence` carries offsets into `original`, so that
`original[char_start:char_end] == evidence.text` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Sequence


class EntityType(str, Enum):
    """The four top classes of the contract (values are the zgc: local names)."""

    ORGANISATION = "Organisation"
    PERSON = "Person"
    POLICY = "Policy"
    PLATFORM = "Platform"


# Subclasses of the four top classes, as zgc: local names.  The ontology
# (ontology/zgc.ttl) declares each with rdfs:subClassOf its top class.
SUBTYPES: dict[str, EntityType] = {
    "Company": EntityType.ORGANISATION,
    "University": EntityType.ORGANISATION,
    "ResearchInstitute": EntityType.ORGANISATION,
    "GovernmentBody": EntityType.ORGANISATION,
    "StockExchange": EntityType.ORGANISATION,
    "Hospital": EntityType.ORGANISATION,
    "Fund": EntityType.ORGANISATION,
    "Department": EntityType.ORGANISATION,
    "MediaOutlet": EntityType.ORGANISATION,
    "Association": EntityType.ORGANISATION,
    "SciencePark": EntityType.PLATFORM,
    "ScienceCity": EntityType.PLATFORM,
    "DemonstrationZone": EntityType.PLATFORM,
    "InnovationConsortium": EntityType.PLATFORM,
    "Forum": EntityType.PLATFORM,
    "ServicePlatform": EntityType.PLATFORM,
    "PolicyDocument": EntityType.POLICY,
    "PolicyProgramme": EntityType.POLICY,
}

# Object properties between entities (zgc: local names).  The first nine are
# the contract's; the rest are declared in the ontology as extensions.
RELATIONS = (
    "leads", "memberOf", "locatedIn", "partOf", "issuedBy", "benefitsFrom",
    "affiliatedWith", "partnerOf", "predecessorOf", "subOrganizationOf", "foundedBy", "fundedBy", "operatedBy", "organisedBy", "listedOn",
    "replaces",
)
SYMMETRIC_RELATIONS = frozenset({"partnerOf"})


@dataclass(frozen=True)
class DocumentMetadata:
    """What the sidecar (`NAME.meta.yaml`/`.json`) or the text itself states."""

    title: str | None = None
    publication: str | None = None
    date: date | None = None
    source: str | None = None  # URL or citation, when known
    author: str | None = None  # byline, when known


@dataclass(frozen=True)
class SourceDocument:
    doc_id: str            # stable ASCII id: slug of the file name + content hash
    path: str              # the path as the user gave it
    original: str          # decoded file text; every Evidence offset points here
    text: str              # normalised text the extractor reads
    offsets: Sequence[int]  # offsets[i] = index in `original` of text[i]; ingest gives a compact OffsetMap
    encoding: str = "utf-8"
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the span of `original` it came from."""
        if end <= start:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return pos, pos
        char_end = getattr(self.offsets, "char_end", None)  # OffsetMap: an HTML entity is wider than 1
        last = char_end(end - 1) if char_end is not None else self.offsets[end - 1] + 1
        return self.offsets[start], last


@dataclass(frozen=True)
class Sentence:
    index: int             # position in the document, from 0
    start: int             # offsets into SourceDocument.text
    end: int
    text: str              # == document.text[start:end]
    paragraph: int         # index of the paragraph it belongs to


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence as written in the file, with offsets."""

    doc_id: str
    text: str              # == document.original[char_start:char_end]
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Mention:
    text: str              # surface form as it appears in the normalised text
    start: int             # offsets into SourceDocument.text
    end: int
    type: EntityType
    subtype: str | None    # a key of SUBTYPES, or None
    sentence: int          # Sentence.index
    rule: str              # name of the rule that found it (for debugging/evaluation)


@dataclass
class Entity:
    """One real-world thing, with every name the text uses for it."""

    label: str             # fullest name: becomes skos:prefLabel@zh
    type: EntityType
    subtype: str | None = None
    aliases: set[str] = field(default_factory=set)   # other surface forms
    doc_ids: set[str] = field(default_factory=set)   # documents that mention it

    @property
    def names(self) -> set[str]:
        return {self.label} | self.aliases


@dataclass(frozen=True)
class Relation:
    subject: str           # Entity.label of the subject (the entity key)
    predicate: str         # one of RELATIONS
    object: str            # Entity.label of the object
    evidence: Evidence
    rule: str              # pattern that found it
    confidence: float = 1.0


@dataclass(frozen=True)
class MemberGroup:
    """Members of one kind and how many the text states (12家上下游企业): a memberGroup value."""

    size: int
    kind: str              # as written, e.g. 上下游企业, 高校院所


@dataclass(frozen=True)
class Attribute:
    """A number, date or string read off the text (memberCount, issuedOn…)."""

    subject: str           # Entity.label
    property: str          # zgc: local name, e.g. "memberCount", "issuedOn", "memberGroup"
    value: int | date | str | MemberGroup
    evidence: Evidence
    rule: str
    confidence: float = 1.0
    precision: str | None = None  # for dates: "day" (xsd:date) or "month" (xsd:gYearMonth)


@dataclass(frozen=True)
class Membership:
    """A person's role in an organisation (becomes an org:Membership node)."""

    person: str            # Entity.label of the Person
    organisation: str | None  # Entity.label of the Organisation, if the text names one
    title: str             # e.g. 副总经理 (zgc:roleTitle@zh)
    evidence: Evidence
    rule: str
    confidence: float = 1.0


@dataclass
class DocumentExtraction:
    """Everything found in one document; entities are keyed by label."""

    document: SourceDocument
    entities: dict[str, Entity]
    relations: list[Relation]
    attributes: list[Attribute]
    memberships: list[Membership]


@dataclass
class Corpus:
    """Documents merged into one set of entities: what the graph is built from."""

    documents: list[SourceDocument]
    entities: dict[str, Entity]     # keyed by label (the prefLabel)
    relations: list[Relation]
    attributes: list[Attribute]
    memberships: list[Membership]
