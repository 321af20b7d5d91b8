"""Hand-made gold/graph pairs for the evaluate tests (all names invented).

`GOLD` has 8 entities (7 core), 6 relations (5 core) and 3 attributes (all
core); `perfect()` is the graph a flawless extractor would build from the
paragraph the gold describes, as a spec that `turtle()` renders.
"""
from __future__ import annotations

GOLD = """\
conventions: [invented names for the evaluate tests]
excluded_mentions:
- text: 云岭市 / 云栖区
  why: places
- text: 数字经济 (bare)
  why: generic nouns
entities:
- {label: 星河智能科技有限公司, type: Organisation, aliases: [星河智能], core: true}
- {label: 云岭大学, type: Organisation, core: true}
- {label: 云岭市政府, type: Organisation, core: true, canonical: 云岭市人民政府}
- {label: 云岭市科委, type: Organisation, core: false}
- {label: 赵一鸣, type: Person, core: true}
- {label: 云岭市数字经济促进办法, type: Policy, core: true}
- {label: 云岭数字产业园, type: Platform, core: true}
- {label: 云岭算力创新联合体, type: Platform, aliases: [“算力联合体”], core: true, alt_types: [Organisation]}
relations:
- {subject: 星河智能科技有限公司, predicate: locatedIn, object: 云岭数字产业园, core: true}
- {subject: 星河智能科技有限公司, predicate: leads, object: 云岭算力创新联合体, core: true}
- {subject: 云岭大学, predicate: memberOf, object: 云岭算力创新联合体, core: true}
- {subject: 云岭大学, predicate: partnerOf, object: 星河智能科技有限公司, core: true}
- {subject: 赵一鸣, predicate: affiliatedWith, object: 星河智能, core: true}
- {subject: 云岭市数字经济促进办法, predicate: issuedBy, object: 云岭市政府, core: false,
   accept_objects: [云岭市政府, 云岭市科委]}
attributes:
- {subject: 云岭算力创新联合体, property: memberCount, value: 15, core: true}
- {subject: 赵一鸣, property: roleTitle, value: 副总裁, organisation: 星河智能科技有限公司,
   accept_values: [副总裁, 高级副总裁], core: true}
- {subject: 云岭市数字经济促进办法, property: issuedOn, value: 2023-04-12, core: true}
"""

PREFIXES = """\
@prefix zgc: <https://w3id.org/zgc-graph/ontology#> .
@prefix zgcr: <https://w3id.org/zgc-graph/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def perfect() -> dict:
    """A graph spec: entities key -> (class, prefLabel, altLabels); relations; memberships; attributes."""
    return {
        "entities": {
            "xh": ("Company", "星河智能科技有限公司", ["星河智能"]),
            "yu": ("University", "云岭大学", []),
            "gov": ("GovernmentBody", "云岭市政府", []),
            "kw": ("GovernmentBody", "云岭市科委", []),
            "zhao": ("Person", "赵一鸣", []),
            "law": ("PolicyDocument", "云岭市数字经济促进办法", []),
            "park": ("SciencePark", "云岭数字产业园", []),
            "cons": ("InnovationConsortium", "云岭算力创新联合体", ["算力联合体"]),
        },
        "relations": [("xh", "locatedIn", "park"), ("xh", "leads", "cons"), ("yu", "memberOf", "cons"),
                      ("yu", "partnerOf", "xh"), ("zhao", "affiliatedWith", "xh"), ("law", "issuedBy", "gov")],
        "memberships": [("zhao", "xh", "副总裁")],
        "attributes": [("cons", "memberCount", '"15"^^xsd:integer'), ("law", "issuedOn", '"2023-04-12"^^xsd:date')],
    }


def turtle(spec: dict) -> str:
    lines = [PREFIXES]
    for key, (cls, pref, alts) in spec["entities"].items():
        alt = "".join(f' ; skos:altLabel "{a}"@zh' for a in alts)
        lines.append(f'zgcr:{key} a zgc:{cls} ; skos:prefLabel "{pref}"@zh, "Pinyin {key}"@zh-Latn-pinyin ; '
                     f'rdfs:label "{pref}"@zh{alt} .')
    for s, p, o in spec["relations"]:
        lines.append(f"zgcr:{s} zgc:{p} zgcr:{o} .")
    for i, (person, org, title) in enumerate(spec["memberships"]):
        lines.append(f'zgcr:m{i} a org:Membership ; org:member zgcr:{person} ; org:organization zgcr:{org} ; '
                     f'zgc:roleTitle "{title}"@zh .')
    for s, p, lit in spec["attributes"]:
        lines.append(f"zgcr:{s} zgc:{p} {lit} .")
    return "\n".join(lines) + "\n"
