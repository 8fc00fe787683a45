"""Gold annotations and scoring a store's entities and relations against them (precision, recall, F1).

Imports nothing else of dangjian.loaders.
"""
