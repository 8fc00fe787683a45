"""A page to its articles: segmenting on titles, bylines and credits, and the article model the extractor fills.

Imports dangjian.loaders.text and places.
"""
