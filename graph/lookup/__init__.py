"""What the JSON API looks up in a store: search by name (and its label index), an entity's card and
neighbourhood, the articles and their evidence sentences, summary counts, and the names shown for them.

Written against the Store protocol, with user input made safe by dangjian.graph.sparql.safety; knows
nothing of the networkx projection, the graph page or HTTP.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "label_index": ("LabelIndex",),
    "lookup": ("article_facts", "entity_card", "entity_exists", "list_articles", "search_entities", "stats_summary"),
    "neighbourhood": ("MAX_HOPS", "MAX_NODES"),
    "search": ("MAX_QUERY_CHARS",),
})
