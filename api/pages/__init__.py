"""What the API shows people and describes to machines: the /docs and /sparql pages, the competency
questions they offer, the SPARQL service description and the OpenAPI example responses.

No routes here (dangjian.api.routes serves these); nothing here opens a store.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "sparql_page": ("query_page",),
}, modules=("docs_page", "openapi_examples", "service_description"))
