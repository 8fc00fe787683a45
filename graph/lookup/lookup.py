"""The lookups behind the JSON API, in one place: search, card, neighbourhood, articles, summary counts."""
from __future__ import annotations

from dangjian.graph.lookup.articles import article_facts, list_articles
from dangjian.graph.lookup.card import entity_card
from dangjian.graph.lookup.labels import select
from dangjian.graph.lookup.neighbourhood import neighbourhood
from dangjian.graph.lookup.search import search_entities
from dangjian.graph.sparql.safety import iri
from dangjian.graph.lookup.summary import stats_summary

__all__ = ["search_entities", "entity_card", "neighbourhood", "list_articles", "article_facts",
           "stats_summary", "entity_exists"]


def entity_exists(store, entity: str) -> bool:
    """Whether the graph has any triple with `entity` as subject or object."""
    ref = iri(entity)
    return bool(select(store, f"SELECT ?x WHERE {{ {{ {ref} ?p ?x }} UNION {{ ?x ?p {ref} }} }} LIMIT 1"))
