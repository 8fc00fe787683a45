"""The command line and the HTTP API (FastAPI) over a dangjian store."""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "app": ("create_app",),
    "cli": ("main",),
    "settings": ("Settings",),
}, modules=("answers", "commands", "pages", "routes"))
