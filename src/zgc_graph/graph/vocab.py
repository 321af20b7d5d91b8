"""Namespaces and IRIs of the graph (CONTRACT.md, "Namespaces")."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

ZGC = Namespace("https://w3id.org/zgc-graph/ontology#")
ZGCR = Namespace("https://w3id.org/zgc-graph/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "zgc": ZGC, "zgcr": ZGCR, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
    "skos": SKOS, "prov": PROV, "org": ORG, "foaf": FOAF, "schema": SCHEMA,
    "dcterms": DCTERMS,
}

SPARQL_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
