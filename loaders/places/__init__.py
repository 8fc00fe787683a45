"""The gazetteer: administrative divisions and functional zones (`data/zones.tsv`), their index and name forms.

Imports nothing else of dangjian.loaders.
"""
