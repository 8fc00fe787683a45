"""The store as a whole RDF dataset: RDF files loaded into their named graphs, the store exported as one
document, validated against the SHACL shapes, counted; query results written for a file or a terminal.

Written against the Store protocol (dangjian.graph.store); knows nothing of lookups, projections or pages.
"""
