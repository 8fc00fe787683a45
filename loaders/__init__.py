"""From articles (text, Markdown, HTML, JSON Lines) to facts to RDF: reading, segmenting, extracting, resolving.

The subpackages, each importing only the ones before it that it names:

    html      HTML pages to text and metadata, publication dates
    read      files to documents (encoding, text, Markdown, HTML, JSON Lines), `ReadError` naming file and line
    places    the gazetteer of divisions and functional zones and its data
    text      normalised text, the lexicon, words and their routes, alternations, dates, name words
    articles  a page to articles (titles, bylines, credits) and the article model
    extract   mentions, their resolution, and the facts drawn from them
    rdf       facts to N-Quads, store formats, retracting a source
    scoring   gold annotations and precision/recall against them
    load      the pipeline over files, in one process, many, or on Dask
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {}, modules=("html", "read", "places", "text", "articles", "extract",
                                                           "rdf", "scoring", "load"))
