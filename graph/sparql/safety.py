"""Turning user input into SPARQL terms safely: IRIs checked by pyoxigraph, literals escaped by it."""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from dangjian.ontology import ARTICLE, DJ, ID, PREFIXES

__all__ = ["iri", "literal", "iri_list", "entity_iri", "article_iri", "term_iri", "MAX_INPUT"]

MAX_INPUT = 2000


def iri(value: str) -> str:
    """The IRI as SPARQL text `<…>`; raises ValueError for anything that is not an absolute IRI.

    >>> iri("https://w3id.org/dangjian/id/place/320507103004")
    '<https://w3id.org/dangjian/id/place/320507103004>'
    """
    if len(value) > MAX_INPUT:
        raise ValueError(f"IRI longer than {MAX_INPUT} characters")
    return str(ox.NamedNode(value))


def literal(value: str, language: str | None = None) -> str:
    """A string literal as SPARQL text, quotes, backslashes and newlines escaped.

    >>> literal('a"b')
    '"a\\\\"b"'
    """
    if language:
        return str(ox.Literal(value, language=language))
    return str(ox.Literal(value))


def iri_list(values: Iterable[str]) -> str:
    """Space-separated `<…>` terms for a VALUES block; every IRI checked."""
    return " ".join(iri(v) for v in values)


def _expand(identifier: str, base: str) -> str:
    identifier = identifier.strip()
    if not identifier:
        raise ValueError("empty identifier")
    if "://" in identifier or identifier.startswith("urn:"):
        return identifier
    return base + identifier


def entity_iri(identifier: str) -> str:
    """The entity IRI for a full IRI or its local part (`place/320507103004`); raises ValueError.

    >>> entity_iri("org/南京银行")
    'https://w3id.org/dangjian/id/org/南京银行'
    """
    value = _expand(identifier, ID)
    iri(value)
    return value


def article_iri(identifier: str) -> str:
    """The article IRI for a full IRI or its hash; raises ValueError."""
    value = _expand(identifier, ARTICLE)
    iri(value)
    return value


def term_iri(name: str) -> str:
    """A vocabulary term given as `partOf`, `dj:partOf` or a full IRI; raises ValueError.

    >>> term_iri("dj:partOf")
    'https://w3id.org/dangjian/ontology#partOf'
    """
    name = name.strip()
    prefix, sep, local = name.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        value = PREFIXES[prefix] + local
    elif "://" in name:
        value = name
    else:
        value = DJ + name
    iri(value)
    return value
