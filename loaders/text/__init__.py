"""Words and sentences: normalised text, the lexicon of real-world terms, word segmentation and its routes,
alternations of many words, dates in text, the words that make a name.

Imports dangjian.loaders.places only.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "alternation": ("longest_of",),
    "dates": ("find_date",),
    "lexicon": ("CJK", "is_surname_start", "ORG_SUFFIXES", "PARTY_SUFFIXES", "SURNAMES_2"),
    "name_words": ("abbreviates", "described_by_kind", "inner_start", "is_generic", "is_generic_place", "lead_length",
                   "name_tag", "names_unit", "starts_common"),
    "text": ("clean_label", "ends_sentence", "for_matching", "name_key", "Sentence", "split_sentences"),
    "words": ("frequency", "guessed_words", "tag"),
}, modules=("lexicon", "words"))
