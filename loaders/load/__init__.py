"""The pipeline over files: read, segment, extract, write RDF to a store, in one process, many, or on Dask.

Imports dangjian.loaders.read, text, articles, extract and rdf.
"""
