"""HTML page -> the briefing's text, with a real parser (selectolax's lexbor).

Web pages carry navigation, scripts and footers around the briefing. The main
content is found the way reader modes do it, with no site-specific rule: every
``<p>`` adds its text length to its parent (and half to its grandparent); the
element with the highest score holds the article. Pages without paragraphs fall
back to the whole ``<body>`` minus obvious boilerplate (``nav``, ``header``,
``footer``, ``aside``, forms, menus).

Block elements and ``<br>`` become line breaks, one paragraph per line; runs of
white space inside a line (``&nbsp;`` included) become one space.
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
    tree = LexborHTMLParser(markup)
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
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            parts.append((child.text_content or "").replace("\n", " "))
        elif tag == "br":
            parts.append("\n")
        elif tag is None or tag.startswith("-"):
            continue
        elif tag in _BLOCK:
            parts.append("\n")
            _walk(child, parts)
            parts.append("\n")
        else:
            _walk(child, parts)
