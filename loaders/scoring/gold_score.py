"""Precision, recall and F1 of a store's entities and relations against a document's gold annotations.

Entities are scored per class: a system node of a class matches the gold entities of that class it is
named like (loaders.scoring.gold); several nodes for one gold entity count all but one as wrong; a node matching
nothing counts as wrong only when one of its names occurs in the text (else it is listed as ungrounded).
Relations are scored per property: both ends must match the gold relation's ends by name, either way
round for the symmetric `coBuildsWith`; a post is a person → organization relation whose title is
checked separately. Optional gold items are neither required nor held against a system that finds them.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dangjian.loaders.scoring.gold import Gold, as_list, normalize
from dangjian.graph.store import Store
from dangjian.ontology import DJ, sparql_prefixes

__all__ = ["CORE_TYPES", "SECONDARY_TYPES", "CORE_PREDICATES", "SECONDARY_PREDICATES", "System", "read_system",
           "score", "prf"]

CORE_TYPES = ["Province", "City", "District", "Zone", "Street", "Community", "PartyOrganization",
              "Organization", "Person", "Event", "Article"]
SECONDARY_TYPES = ["ResidentialCompound", "Program", "Facility"]
CORE_PREDICATES = ["partOf", "hostUnit", "subOrganizationOf", "post", "coBuildsWith", "organizer", "partner", "author"]
SECONDARY_PREDICATES = ["location"]
SYMMETRIC = {"coBuildsWith"}


@dataclass
class System:
    """What a store says, in the terms gold is written in: classes and names per node, relations, posts."""

    types: dict[str, set[str]]
    labels: dict[str, set[str]]
    relations: set[tuple[str, str, str]]
    posts: set[tuple[str, str, str]]  # holder, organization, title ("" when none)

    def names(self, node: str) -> set[str]:
        return self.labels.get(node) or {node}

    def shortest_name(self, node: str) -> str:
        return min(self.names(node), key=len)


def _select(store: Store, body: str) -> list[dict[str, str]]:
    result = store.query(sparql_prefixes() + body)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def read_system(store: Store) -> System:
    """The store's nodes, names, relations and posts (a party organization counts as that, not also as an
    Organization)."""
    types: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, "SELECT DISTINCT ?e ?t WHERE { ?e a ?t FILTER(STRSTARTS(STR(?t), STR(dj:))) }"):
        types[row["e"]].add(row["t"][len(DJ):])
    for classes in types.values():
        if "PartyOrganization" in classes:
            classes.discard("Organization")
    labels: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, "SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label|skos:altLabel ?l }"):
        labels[row["e"]].add(row["l"])
    wanted = " ".join(f"dj:{p}" for p in CORE_PREDICATES + SECONDARY_PREDICATES if p != "post")
    relations = {(r["s"], r["p"][len(DJ):], r["o"])
                 for r in _select(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {wanted} }} ?s ?p ?o }}")}
    posts = {(r["h"], r["o"], r.get("t", "")) for r in _select(store, """SELECT DISTINCT ?h ?o ?t WHERE {
        ?x a dj:Post ; dj:holder ?h ; dj:organization ?o OPTIONAL { ?x dj:title ?t } }""")}
    return System(dict(types), dict(labels), relations, posts)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined).

    >>> prf(3, 1, 0)
    (0.75, 1.0, 0.8571428571428571)
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold: Gold, text: str, system: System) -> dict:
    """The report: `entities` and `relations` (tp, fp, fn per class and property), `entity_prf` and
    `relation_prf` over the core classes and properties, `post_title_accuracy`, and the lists `missed`,
    `false_positives`, `ungrounded` (names found in no sentence, not counted)."""
    report: dict = {"entities": {}, "relations": {}, "false_positives": [], "missed": [], "ungrounded": []}
    _score_entities(gold, normalize(text), system, report)
    _score_relations(gold, system, report)
    report["entity_prf"] = _total(report["entities"], CORE_TYPES)
    report["relation_prf"] = _total(report["relations"], CORE_PREDICATES)
    return report


def _score_entities(gold: Gold, text: str, system: System, report: dict) -> None:
    found: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))  # class → gold index → nodes
    wrong: dict[str, int] = defaultdict(int)
    for node, classes in system.types.items():
        for cls in classes & set(CORE_TYPES + SECONDARY_TYPES):
            hits = gold.match(system.labels.get(node, set()), {cls})
            for index in hits:
                found[cls][index].append(node)
            if hits:
                continue
            grounded = any(normalize(label) and normalize(label) in text for label in system.labels.get(node, ()))
            report["false_positives" if grounded else "ungrounded"].append(f"{cls}: {system.shortest_name(node)}")
            wrong[cls] += grounded

    def found_as_any(index: int) -> bool:
        return any(found[other].get(index) for other in gold.types(index))

    for cls in CORE_TYPES + SECONDARY_TYPES:
        required = [i for i in range(len(gold.entities))
                    if cls in gold.types(i) and not gold.entities[i].get("optional")]
        tp = sum(1 for i in required if found[cls].get(i))
        fn = sum(1 for i in required if not found_as_any(i))
        duplicates = sum(len(nodes) - 1 for nodes in found[cls].values() if len(nodes) > 1)
        fp = wrong[cls] + duplicates
        if required or fp:
            report["entities"][cls] = {"tp": tp, "fp": fp, "fn": fn, "duplicates": duplicates}
        report["missed"] += [f"{cls}: {gold.entities[i]['name']}" for i in required if not found_as_any(i)]


def _score_relations(gold: Gold, system: System, report: dict) -> None:
    stated = [(s, p, o, "") for s, p, o in system.relations] + [(h, "post", o, t) for h, o, t in system.posts]
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    hit: set[int] = set()
    titles_right = titles = 0
    for s, p, o, title in stated:
        index = _gold_relation(gold, p, gold.match(system.names(s)), gold.match(system.names(o)))
        if index is None:
            if p in CORE_PREDICATES + SECONDARY_PREDICATES:
                counts[p]["fp"] += 1
                report["false_positives"].append(f"{p}: {system.shortest_name(s)} -> {system.shortest_name(o)}")
            continue
        relation = gold.relations[index]
        if index not in hit and not relation.get("optional"):
            counts[p]["tp"] += 1
            if p == "post":
                wanted, given = normalize(relation.get("title", "")), normalize(title)
                titles += 1
                titles_right += bool(title) and (wanted in given or given in wanted)
        hit.add(index)
    for index, relation in enumerate(gold.relations):
        if index not in hit and not relation.get("optional"):
            counts[as_list(relation["p"])[0]]["fn"] += 1
            report["missed"].append(f"{'/'.join(as_list(relation['p']))}: {relation['s']} -> {relation['o']}")
    report["relations"] = dict(counts)
    report["post_title_accuracy"] = titles_right / titles if titles else None


def _gold_relation(gold: Gold, p: str, subjects: set[int], objects: set[int]) -> int | None:
    """The first gold relation of property `p` whose ends are among these gold entities."""
    for index, relation in enumerate(gold.relations):
        if p not in as_list(relation["p"]):
            continue
        s, o = gold.named(relation["s"]), gold.named(relation["o"])
        if (subjects & s and objects & o) or (p in SYMMETRIC and subjects & o and objects & s):
            return index
    return None


def _total(table: dict, keys: list[str]) -> tuple[float, float, float]:
    return prf(*(sum(table[k][c] for k in keys if k in table) for c in ("tp", "fp", "fn")))
