"""The subcommands that run the article loaders: load, remove, extract, eval.

They are the only commands that import dangjian.loaders; the others (one level up) read a store through
dangjian.graph. Each registers itself like any command (see dangjian.api.commands).
"""
