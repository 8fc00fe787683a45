"""Words and sentences: normalised text, the lexicon of real-world terms, word segmentation and its routes,
alternations of many words, dates in text, the words that make a name.

Imports dangjian.loaders.places only.
"""
