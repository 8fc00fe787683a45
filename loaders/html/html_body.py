"""The article body of an HTML page: pick the block that holds the article, drop page chrome, render paragraphs."""
from __future__ import annotations

import re
from collections.abc import Iterator

from dangjian.loaders.html.html_tree import Node

# Never text: code, styles, embedded widgets and page navigation.
DROP = frozenset("script style noscript iframe template svg canvas button select textarea object embed "
                 "head nav aside audio video map title".split())
# Page chrome when it surrounds the article; inside the chosen article block a <header> is the headline and byline.
_CHROME = frozenset("header footer form".split())
BLOCK = frozenset("address article aside blockquote body caption center dd details dialog div dl dt "
                  "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main "
                  "menu ol p pre section summary table tbody tfoot thead tr ul".split())
_CELL = frozenset(("td", "th"))
_NOISE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|sidebar|share|comments?|copyright|"
                    r"related|recommend|advert|ads?|topbar|toolbar|footer)(?=$|[\s_-])")
_CONTENT = re.compile(r"content|article|正文|detail|entry|post-body|text_con|txt")
_NOT_CONTENT = re.compile(r"list|title|meta|info|tags?(?:$|[\s_-])|summary|author")
_CJK = "\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_SOFT = "\x01"  # a source line break: nothing between two CJK characters, a space elsewhere
_SOFT_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}]){_SOFT}+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_MIN_SHARE = 0.25


def article_body(root: Node) -> tuple[Node, str]:
    """The node holding the article and its text, paragraphs separated by "\\n"."""
    sizes = _text_sizes(root)
    block = choose_block(root, sizes)
    page_level = block.tag in ("body", "#document", "html")
    return block, render(block, sizes, page_level=page_level)


def choose_block(root: Node, sizes: dict[int, int]) -> Node:
    """<article> if one holds a fair share of the page, else the biggest content-named block, else the element
    holding the most paragraphs, else <main>/<body>."""
    body = next((node for node in root.iter() if node.tag == "body"), root)
    floor = _MIN_SHARE * sizes[id(body)]
    articles = [node for node in root.iter() if node.tag == "article" and sizes[id(node)] > floor]
    if articles:
        return max(articles, key=lambda node: sizes[id(node)])
    named = [node for node in root.iter() if _is_candidate(node) and sizes[id(node)] > floor]
    if named:
        return _innermost(max(named, key=lambda node: sizes[id(node)]), named, sizes)
    holder = _paragraph_parent(body, sizes)
    if holder is not None and sizes[id(holder)] > floor and holder is not body:
        return holder
    main = [node for node in root.iter() if node.tag == "main" and sizes[id(node)] > floor]
    return main[0] if main else body


def _paragraph_parent(body: Node, sizes: dict[int, int]) -> Node | None:
    """The element whose own paragraphs (<p> children and bare text) hold the most text: the article on a plain page."""
    best, best_score = None, 0
    for node in _visible(body):
        score = sum(len(child.strip()) if isinstance(child, str) else sizes[id(child)]
                    for child in node.children if isinstance(child, str) or child.tag == "p")
        if score > best_score:
            best, best_score = node, score
    return best


def _visible(root: Node) -> Iterator[Node]:
    """Elements under `root` outside dropped subtrees and page headers and footers."""
    stack = [root]
    while stack:
        node = stack.pop()
        if _dropped(node) or node.tag in ("header", "footer"):
            continue
        yield node
        stack.extend(child for child in reversed(node.children) if isinstance(child, Node))


def _is_candidate(node: Node) -> bool:
    names = node.names()
    return bool(_CONTENT.search(names)) and not _NOT_CONTENT.search(names) and not _NOISE.search(names)


def _innermost(best: Node, named: list[Node], sizes: dict[int, int]) -> Node:
    """Descend into a nested content block that still holds most of the text (wrapper → article-content)."""
    while True:
        inner = [node for node in named if node is not best and best.contains(node)
                 and sizes[id(node)] >= 0.7 * sizes[id(best)]]
        if not inner:
            return best
        best = max(inner, key=lambda node: sizes[id(node)])


def _dropped(node: Node) -> bool:
    return node.tag in DROP or bool(_NOISE.search(node.names()))


def _text_sizes(root: Node) -> dict[int, int]:
    """Visible non-link characters under each element: link lists (menus, related articles) weigh nothing."""
    sizes: dict[int, int] = {}
    for node in reversed(list(root.iter())):  # descendants before their ancestors
        if _dropped(node) or node.tag in ("header", "footer"):
            sizes[id(node)] = 0
            continue
        total = 0
        for child in node.children:
            if isinstance(child, str):
                total += len(child.strip())
            elif child.tag != "a":
                total += sizes[id(child)]
        sizes[id(node)] = total
    return sizes


def render(block: Node, sizes: dict[int, int], *, page_level: bool) -> str:
    """Text of `block`: blocks and <br> become line breaks, whitespace squashed, empty lines dropped."""
    parts: list[str] = []
    stack: list[tuple[Node | str | None, bool]] = [(block, False)]
    while stack:
        item, in_pre = stack.pop()
        if item is None:
            parts.append("\n")
        elif isinstance(item, str):
            parts.append(item.replace(_SOFT, "") if in_pre else _squash(item))
        elif item is block or not _skip(item, sizes, block, page_level):
            if item.tag == "br":
                parts.append("\n")
                continue
            if item.tag in _CELL:
                parts.append(" ")
            if item.tag in BLOCK:
                parts.append("\n")
                stack.append((None, in_pre))
            inner_pre = in_pre or item.tag == "pre"
            stack.extend((child, inner_pre) for child in reversed(item.children))
    text = _SOFT_BETWEEN_CJK.sub("", "".join(parts)).replace(_SOFT, " ")
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _skip(node: Node, sizes: dict[int, int], block: Node, page_level: bool) -> bool:
    if _dropped(node):
        return True
    if node.tag == "footer" or (node.tag == "header" and page_level):
        return True
    # A form wrapping the whole page (ASP.NET sites) is not chrome; a comment form is.
    return node.tag == "form" and sizes[id(node)] < 0.5 * sizes[id(block)]


def _squash(text: str) -> str:
    """HTML whitespace: runs with a line break become soft breaks, other runs one space; a lone space is kept as is."""
    return _SPACES.sub(_space_for, text.replace(_SOFT, ""))


def _space_for(match: re.Match) -> str:
    run = match[0]
    if "\n" in run or "\r" in run:
        return _SOFT
    return run if len(run) == 1 and run != "\t" else " "
