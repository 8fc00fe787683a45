"""A forgiving element tree built with the stdlib `html.parser`, enough to find an article's body and metadata."""
from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Opening one of these while one of the listed kind is open closes that one first, as browsers do.
_AUTO_CLOSE = {"p": {"p"}, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr"},
               "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}


class Node:
    """An element: tag, attributes, and children that are Nodes or text strings."""

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None = None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(child for child in reversed(node.children) if isinstance(child, Node))

    def find_all(self, tag: str) -> list[Node]:
        """Elements named `tag` at or below this node, in document order."""
        return [node for node in self.iter() if node.tag == tag]

    def text(self) -> str:
        """All text below this node joined with spaces (for metadata, not for the body)."""
        parts: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            elif item.tag not in ("script", "style"):
                stack.extend(reversed(item.children))
        return " ".join(" ".join(parts).split())

    def names(self) -> str:
        """Class and id, lower-cased, for matching words such as content/article/正文."""
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()

    def contains(self, other: Node) -> bool:
        node: Node | None = other
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.open: dict[str, int] = {}  # open elements by tag, so a stray end tag costs nothing on deep pages

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        closes = _AUTO_CLOSE.get(tag)
        if closes and self.current.tag in closes:
            self._close_current()
        node = Node(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node
            self.open[tag] = self.open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        if not self.open.get(tag):
            return
        while self.current.tag != tag:
            self._close_current()
        self._close_current()

    def _close_current(self) -> None:
        self.open[self.current.tag] -= 1
        self.current = self.current.parent or self.root

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(markup: str) -> Node:
    """The element tree of `markup`; never raises on broken HTML.

    >>> parse_html("<p>蠡口<br>社区").find_all("br")[0].parent.tag
    'p'
    """
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root
