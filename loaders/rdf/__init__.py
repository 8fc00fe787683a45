"""Facts to RDF: N-Quads text of an article's facts, the store formats, and retracting a source's facts.

Imports dangjian.loaders.articles only.
"""
