"""HTML pages to text and metadata: the parsed tree, the article body, title/date/source meta, publication dates.

Imports nothing else of dangjian.loaders.
"""
