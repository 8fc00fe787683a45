"""Markdown body to plain lines: markup that is not wording (`#`, `**`, link targets, images) removed, words kept."""
from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def markdown_to_text(body: str) -> str:
    """Plain text of a Markdown body, one output line per input line (so line numbers still match).

    >>> markdown_to_text("# 标题\\n**蠡口社区**开展[活动](http://x)")
    '标题\\n蠡口社区开展活动'
    """
    body = _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), body)
    return "\n".join(_line(line) for line in body.split("\n"))


def _line(line: str) -> str:
    if _FENCE.match(line) or _RULE.match(line) or _SETEXT.match(line) or _LINK_DEF.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        line = heading[1]
    line = _BULLET.sub("", _QUOTE.sub("", line))
    line = _LINK.sub(r"\1", _IMAGE.sub("", line))
    return _CODE.sub(r"\1", _STRONG.sub(r"\2", line))


def first_heading(body: str) -> str | None:
    """The first `#` heading's text, used as the title when front matter has none."""
    for line in body.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            return _line(line).strip() or None
        if line.strip():
            return None
    return None
