"""Files to documents: bytes to text (encoding detected), plain text, Markdown with front matter, HTML and JSON Lines
records, each checked, with `ReadError` naming file and line.

Imports dangjian.loaders.html only.
"""
