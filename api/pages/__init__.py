"""What the API shows people and describes to machines: the /docs and /sparql pages, the competency
questions they offer, the SPARQL service description and the OpenAPI example responses.

No routes here (dangjian.api.routes serves these); nothing here opens a store.
"""
