"""The subcommands that run the article loaders: load, remove, extract, eval.

They are the only commands that import dangjian.loaders; the others (one level up) read a store through
dangjian.graph. Each registers itself like any command (see dangjian.api.commands).
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {}, modules=("eval", "extract", "load", "remove"))
