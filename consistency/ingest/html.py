"""HTML page -> the briefing's text, with a real parser (selectolax's lexbor).

Web pages carry navigation, scripts and footers around the briefing. The main
content is found the way reader modes do it, with no site-specific rule: every
``<p>`` adds its text length to its parent (and half to its grandparent); the
element with the highest score holds the article. Pages without paragraphs fall
back to the whole ``<body>`` minus obvious boilerplate (``nav``, ``header``,
``footer``, ``aside``, forms, menus).

Block elements and ``<br>`` become line breaks, one paragraph per line; runs of
white space inside a line (``&nbsp;`` included) become one space.

Elements nested deeper than :data:`MAX_DEPTH` are flattened into their
ancestor at that depth before parsing (as browsers cap the DOM's depth): the
parser's time grows faster than linearly with nesting, and 200,000 nested
``<div>`` elements would otherwise take minutes. Their text is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .dates import date_in_line, parse_iso

_DROP = (
    "script, style, noscript, template, iframe, svg, canvas, object, embed, select, "
    "button, input, textarea, head"
)
_BOILERPLATE = "nav, header, footer, aside, form, menu"
_BLOCK = frozenset(
    [
        *("address", "article", "aside", "blockquote", "body", "caption", "center", "dd"),
        *("details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure"),
        *("footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr"),
        *("li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody"),
        *("td", "tfoot", "th", "thead", "tr", "ul"),
    ]
)
_SPACES = re.compile(r"[ \t\f\v\r\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MIN_HEADING = 12
"""A shorter ``<h1>`` ("News") is a section name, not the page's title."""
_DATE_META = re.compile(r"(?:published|publish_date|pubdate|date|created|issued)", re.I)

MAX_DEPTH = 256
"""Deepest element nesting kept; real pages stay under 40 (Chromium's parser caps at 512)."""
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b[^>]*?(/?)>")
_FLAT = frozenset(
    [
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("source", "track", "wbr", "param", "keygen"),
        # an open one of these is closed by the next sibling of the same kind: never deep
        *("p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt", "rp"),
        *("thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body"),
    ]
)


@dataclass(frozen=True, slots=True)
class Page:
    """What a page gives a briefing.

    text: the main content, one paragraph per line.
    title: the ``<title>`` (or the first ``<h1>`` when there is none, or when the
        title is that heading plus the site's name), white space collapsed; None if empty.
    date: a date from ``<title>``, a date ``<meta>`` or a ``<time datetime>``, if any.
    url: the page's own address (``<link rel=canonical>`` or ``og:url``), if given.
    """

    text: str
    title: str | None
    date: dt.date | None
    url: str | None = None


def html_to_page(markup: str) -> Page:
    """Extract the main text, the title and a header date from an HTML page."""
    tree = LexborHTMLParser(bounded_depth(markup))
    title = _title(tree)
    date = _page_date(tree, title)
    url = _url(tree)
    for node in tree.css(_DROP):
        node.decompose()
    root = _main(tree)
    if root is None:
        return Page("", title, date, url)
    parts: list[str] = []
    _walk(root, parts)
    lines = (" ".join(_SPACES.sub(" ", line).split()) for line in "".join(parts).split("\n"))
    return Page("\n".join(line for line in lines if line), title, date, url)


def bounded_depth(markup: str, limit: int = MAX_DEPTH) -> str:
    """``markup`` with the tags of elements nested deeper than ``limit`` replaced by spaces.

    The depth is estimated from the tags alone (elements that cannot nest in
    themselves, like ``<p>`` and ``<td>``, and void elements do not count), in
    one linear pass; pages within the limit are returned unchanged.
    """
    depth = deepest = 0
    for m in _TAG.finditer(markup):
        if m.group(2).lower() in _FLAT or m.group(3):
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    if deepest <= limit:
        return markup
    depth = 0
    out: list[str] = []
    last = 0
    for m in _TAG.finditer(markup):
        if m.group(2).lower() in _FLAT or m.group(3):
            continue
        if m.group(1):
            drop = depth > limit
            depth = max(0, depth - 1)
        else:
            depth += 1
            drop = depth > limit
        if drop:
            out.append(markup[last : m.start()])
            out.append("\n" if m.group(2).lower() in _BLOCK else " ")
            last = m.end()
    out.append(markup[last:])
    return "".join(out)


def _url(tree: LexborHTMLParser) -> str | None:
    for selector, attribute in (
        ('link[rel="canonical"]', "href"),
        ('meta[property="og:url"]', "content"),
    ):
        node = tree.css_first(selector)
        value = (node.attributes.get(attribute) or "").strip() if node is not None else ""
        if value:
            return value
    return None


def _title(tree: LexborHTMLParser) -> str | None:
    """The ``<title>``, or the first ``<h1>`` when the title is that heading plus the
    site's name ("Department Press Briefing - January 10, 2023 - United States
    Department of State")."""
    found: list[str] = []
    for selector in ("title", "h1"):
        node = tree.css_first(selector)
        text = " ".join(node.text().split()) if node is not None else ""
        found.append(text)
    title, heading = found
    if heading and (not title or (heading in title and len(heading) >= _MIN_HEADING)):
        return heading
    return title or None


def _page_date(tree: LexborHTMLParser, title: str | None) -> dt.date | None:
    if title is not None:
        found = date_in_line(title)
        if found is not None:
            return found
    for meta in tree.css("meta"):
        attrs = meta.attributes
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        content = attrs.get("content") or ""
        if name and _DATE_META.search(name):
            found = parse_iso(content)
            if found is not None:
                return found
    for node in tree.css("time[datetime]"):
        found = parse_iso(node.attributes.get("datetime") or "")
        if found is not None:
            return found
    return None


def _main(tree: LexborHTMLParser) -> LexborNode | None:
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        length = len(" ".join(p.text().split()))
        if not length:
            continue
        parent = p.parent
        for share in (1.0, 0.5):
            if parent is None:
                break
            key = parent.mem_id
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + share * length
            parent = parent.parent
    if scores:
        best = max(scores, key=lambda k: scores[k])
        return nodes[best]
    body = tree.body
    if body is None:
        return None
    for node in body.css(_BOILERPLATE):
        node.decompose()
    return body


def _walk(node: LexborNode, parts: list[str]) -> None:
    """The text under ``node``, block elements on lines of their own (no recursion:
    the parser may build a tree deeper than Python's stack)."""
    stack: list[LexborNode | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        children = list(item.iter(include_text=True))
        for child in reversed(children):
            tag = child.tag
            if tag == "-text":
                stack.append((child.text_content or "").replace("\n", " "))
            elif tag == "br":
                stack.append("\n")
            elif tag is None or tag.startswith("-"):
                continue
            elif tag in _BLOCK:
                stack.extend(("\n", child, "\n"))
            else:
                stack.append(child)
