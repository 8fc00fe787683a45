"""What a SPARQL request would fetch from outside the store (SERVICE endpoints, LOAD sources), found by parsing it.

A query that names an endpoint makes the server open a connection to it: left unchecked, anyone who
can query can make the server call any address it can reach. Such requests are parsed (rdflib's
SPARQL grammar, prefixes and BASE resolved), never matched as text, so comments, strings, letter
case, `\\u` escapes and prefixed names cannot hide an endpoint. A request the parser cannot read is
refused only when it could hold the keyword at all; the others go to the store as before.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from dangjian.ontology.errors import DangjianError

__all__ = ["Reach", "ReachRefused", "reach", "check_reach", "unescaped"]

# SPARQL reads \uXXXX and \UXXXXXXXX escapes anywhere in the text before its grammar.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class ReachRefused(DangjianError, ValueError):
    """The request would call an endpoint or fetch a source that the server does not allow; says which and how."""


@dataclass(frozen=True)
class Reach:
    """The endpoints a request's SERVICE clauses name and the sources its LOAD operations fetch.

    None stands for a target the parser could not pin down (a variable, or text it could not read).
    """

    services: tuple[str | None, ...] = ()
    loads: tuple[str | None, ...] = ()


def unescaped(text: str) -> str:
    """`text` with its `\\u` and `\\U` escapes read, as SPARQL reads them before its grammar.

    >>> unescaped('S\\\\u0045RVICE')
    'SERVICE'
    """
    if "\\" not in text:
        return text

    def one(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group()
    return _ESCAPE.sub(one, text)


def _mentions(text: str, word: str) -> bool:
    """Whether the keyword could be in `text`: a case-blind search of the unescaped text (never misses one)."""
    return re.search(word, unescaped(text), re.IGNORECASE) is not None


def _nodes(value) -> Iterator:
    """Every node of an rdflib parse tree or algebra, depth first, without recursion (queries nest deeply)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)


def _target(value) -> str | None:
    from rdflib import URIRef
    return str(value) if isinstance(value, URIRef) else None


def _parsed(text: str, update: bool):
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    if update:
        return translateUpdate(parseUpdate(text)).algebra
    return translateQuery(parseQuery(text)).algebra


def reach(text: str, *, update: bool = False) -> Reach:
    """The SERVICE endpoints (and, for an update, LOAD sources) that `text` names.

    >>> reach('PREFIX ex: <http://127.0.0.1:9/> SELECT * { SERVICE ex:admin { ?s ?p ?o } }')
    Reach(services=('http://127.0.0.1:9/admin',), loads=())
    >>> reach('SELECT * { ?s ?p "SERVICE <http://x/> {}" }  # SERVICE <http://y/>')
    Reach(services=(), loads=())
    """
    service, load = _mentions(text, "service"), update and _mentions(text, "load")
    if not service and not load:
        return Reach()
    try:
        tree = _parsed(text, update)
    except (Exception, RecursionError):  # unreadable: it may hold the keyword, so assume the worst
        return Reach((None,) if service else (), (None,) if load else ())
    nodes = [n for n in _nodes(tree) if getattr(n, "name", None) in ("ServiceGraphPattern", "Load")]
    return Reach(tuple(_target(n.get("term")) for n in nodes if n.name == "ServiceGraphPattern"),
                 tuple(_target(n.get("iri")) for n in nodes if n.name == "Load"))


def check_reach(text: str, *, services: Collection[str] = (), loads: Collection[str] = (),
                update: bool = False) -> Reach:
    """What `text` reaches; raises ReachRefused unless every endpoint and source it names is in the allow-lists.

    >>> check_reach('SELECT * { ?s ?p ?o }')
    Reach(services=(), loads=())
    >>> check_reach('SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }')
    Traceback (most recent call last):
    ...
    dangjian.graph.sparql.reach.ReachRefused: SERVICE is disabled on this server: the query may not call <http://127.0.0.1:9/>; an administrator can allow an endpoint with `dangjian serve --allow-service URL`
    """
    found = reach(text, update=update)
    _check("SERVICE", found.services, services, "the query may not call", "--allow-service")
    _check("LOAD", found.loads, loads, "the update may not fetch", "--allow-load")
    return found


def _check(keyword: str, found: tuple[str | None, ...], allowed: Collection[str], what: str, option: str) -> None:
    for target in found:
        if target is not None and target in allowed:
            continue
        named = f"<{target}>" if target else "an endpoint it does not name as an IRI (or that could not be parsed)"
        state = (f"{keyword} is disabled on this server" if not allowed
                 else f"{keyword} is limited to {', '.join(f'<{a}>' for a in sorted(allowed))}")
        raise ReachRefused(f"{state}: {what} {named}; an administrator can allow an endpoint with "
                           f"`dangjian serve {option} URL`")
