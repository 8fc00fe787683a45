"""An article's mentions (places, organizations, people, titles, quotes), their resolution to one node each, and
the facts (events, people, co-building) the extractor draws from them.

Imports dangjian.loaders.text, places and articles.
"""
