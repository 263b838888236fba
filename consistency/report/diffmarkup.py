"""The contract's diff notation, ``{-removed-}{+added+}``, as data and back.

Every renderer shows the same diff string differently (ANSI colours, Markdown,
HTML), so it is parsed once into segments: ``("=", text)`` unchanged,
``("-", text)`` removed, ``("+", text)`` added, ``("~", text)`` moved here
from elsewhere in the wording (``{~the bottom up~}``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Literal

from ..diff import separator

Op = Literal["=", "-", "+", "~"]
Segment = tuple[Op, str]

_OPEN = {"-": "{-", "+": "{+", "~": "{~"}
_CLOSE = {"-": "-}", "+": "+}", "~": "~}"}
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
ELLIPSIS = "\u2026"


def parse_diff(markup: str) -> list[Segment]:
    """Split diff markup into segments; adjacent segments of one kind are merged.

    An opening marker without its closing one is literal text, so any string
    parses; empty markers (``{--}``) vanish.

    >>> parse_diff("{-comprehensively-}{+fully+} and effectively")
    [('-', 'comprehensively'), ('+', 'fully'), ('=', ' and effectively')]
    >>> parse_diff("a {-b")
    [('=', 'a {-b')]
    """
    segments: list[Segment] = []
    literal: list[str] = []
    i = 0
    while True:
        opener = _next_opener(markup, i)
        if opener is None:
            literal.append(markup[i:])
            break
        j, op = opener
        close = markup.find(_CLOSE[op], j + 2)
        if close == -1:
            literal.append(markup[i : j + 2])
            i = j + 2
            continue
        literal.append(markup[i:j])
        _append(segments, "=", "".join(literal))
        literal = []
        _append(segments, op, markup[j + 2 : close])
        i = close + 2
    _append(segments, "=", "".join(literal))
    return segments


def _next_opener(markup: str, start: int) -> tuple[int, Op] | None:
    found: list[tuple[int, Op]] = []
    for op in ("-", "+", "~"):
        j = markup.find(_OPEN[op], start)
        if j != -1:
            found.append((j, op))
    return min(found) if found else None


def _append(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1] = (op, segments[-1][1] + text)
    else:
        segments.append((op, text))


def format_diff(segments: Sequence[Segment]) -> str:
    """Write segments back in the contract's notation (the inverse of :func:`parse_diff`)."""
    return "".join(text if op == "=" else f"{_OPEN[op]}{text}{_CLOSE[op]}" for op, text in segments)


def sides(segments: Sequence[Segment]) -> tuple[str, str]:
    """The old and the new text that a diff compares (a moved run is in the new text only)."""
    old = "".join(text for op, text in segments if op != "+")
    new = "".join(text for op, text in segments if op != "-")
    return old, new


def flatten(segments: Sequence[Segment]) -> list[Segment]:
    """Collapse white-space runs (line breaks included) to one space, for one-line display."""
    return [(op, _SPACE.sub(" ", text)) for op, text in segments]


def shorten(text: str, width: int) -> str:
    """Cut ``text`` to at most ``width`` characters with a trailing ``…``, at a word boundary
    when one is in the second half: a space, or in text written without spaces the end of
    a word as the tokeniser segments it (not 继 of 继续).

    >>> shorten("a sea of peace, friendship and cooperation", 20)
    'a sea of peace,…'
    >>> shorten("支持世卫组织在全球抗疫合作中继续发挥领导作用", 16)
    '支持世卫组织在全球抗疫合作中…'
    """
    if len(text) <= width:
        return text
    keep = max(width - 1, 0)
    cut = text[:keep]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    else:
        from ..normalise import tokenise

        ends = [t.end for t in tokenise(text) if t.end <= keep]
        if ends and ends[-1] > width // 2:
            cut = text[: ends[-1]]
    return cut.rstrip() + ELLIPSIS


def condense(
    segments: Sequence[Segment], *, context: int = 4, width: int | None = None
) -> list[Segment]:
    """Keep only ``context`` unchanged words around each change, eliding the rest with ``…``.

    Table cells must stay narrow, but cutting a diff at a fixed width could cut
    off the very change it shows; this shortens what did not change, and
    (given ``width``) only the tail of a change longer than that.
    A diff without changes is returned flattened but whole.
    """
    flat = flatten(segments)
    if all(op == "=" for op, _ in flat):
        return flat
    out: list[Segment] = []
    last = len(flat) - 1
    for k, (op, text) in enumerate(flat):
        if op != "=":
            out.append((op, text if width is None else shorten(text, width)))
            continue
        words = list(_WORD.finditer(text))
        keep_head = 0 if k == 0 else context
        keep_tail = 0 if k == last else context
        if len(words) < keep_head + keep_tail + max(context, 1):
            out.append((op, text))
            continue
        head = text[: words[keep_head - 1].end()] + " " if keep_head else ""
        tail = " " + text[words[-keep_tail].start() :] if keep_tail else ""
        out.append((op, f"{head}{ELLIPSIS}{tail}"))
    return out


_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>|])")
_MD_MARK: dict[Op, str] = {"-": "~~", "+": "**", "~": "*"}
_MD_TAG: dict[Op, str] = {"-": "del", "+": "strong", "~": "em"}
"""The HTML elements GitHub renders the delimiters as, for where they cannot stand."""


def markdown_escape(text: str) -> str:
    r"""Backslash-escape what Markdown (GFM) would read as markup.

    >>> markdown_escape("a *b* | c")
    'a \\*b\\* \\| c'
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown_diff(segments: Sequence[Segment]) -> str:
    """Render a diff as Markdown: ``~~removed~~ **added** ↷*moved*``.

    White space inside a change moves outside its delimiters (GFM ignores
    ``~~x ~~``), and two adjacent changes get a space between them (none in
    text written without spaces: ``~~坚决~~**坚定**``). The arrow of a move stands
    before its ``*``: inside, between two Han characters (抗疫*↷分享*和), the ``*``
    follows a letter and precedes a symbol, which CommonMark reads as no emphasis.
    A change whose delimiters would not open or close there (see :func:`_flanks`) is
    written as the HTML element they stand for: ``文化、<del>教育、</del>卫生``.
    """
    pieces: list[tuple[Op, str, str, str]] = []
    previous: Op | None = None
    previous_text = ""
    for op, text in segments:
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        if (
            op != "="
            and previous not in (None, "=")
            and not lead
            and not previous_text[-1:].isspace()
        ):
            lead = separator(previous_text, core)
        if op == "=" or not core:
            pieces.append(("=", "", markdown_escape(text) if op == "=" else text, ""))
        else:
            pieces.append((op, lead, markdown_escape(core), trail))
        previous, previous_text = op, text
    parts: list[str] = []
    for k, (op, lead, body, trail) in enumerate(pieces):
        if op == "=":
            parts.append(body)
            continue
        arrow = "\u21b7" if op == "~" else ""
        before = (lead + arrow)[-1:] or (parts[-1][-1:] if parts else "")
        after = trail[:1] or (_opening(pieces[k + 1]) if k + 1 < len(pieces) else "")
        if _flanks(before, body, after):
            mark = _MD_MARK[op]
            parts.append(f"{lead}{arrow}{mark}{body}{mark}{trail}")
        else:
            tag = _MD_TAG[op]
            parts.append(f"{lead}{arrow}<{tag}>{body}</{tag}>{trail}")
    return "".join(parts)


def _opening(piece: tuple[Op, str, str, str]) -> str:
    """The first character :func:`markdown_diff` writes for a piece (a change's as written
    with delimiters: an HTML tag in their place opens with punctuation just the same)."""
    op, lead, body, _ = piece
    if op == "=":
        return body[:1]
    return (lead + ("\u21b7" if op == "~" else "") + _MD_MARK[op])[:1]


def _flanks(before: str, body: str, after: str) -> bool:
    """Whether delimiters put around ``body`` (escaped Markdown, no space at its ends)
    open and close emphasis or strikethrough, ``before`` and ``after`` being the
    characters outside them ("" at an end of the line).

    CommonMark's flanking rules (GFM's strikethrough follows them): a run of delimiters
    followed by punctuation opens only after white space or punctuation, and one after
    punctuation closes only before white space or punctuation. Review 102:
    ``文化、~~教育、~~卫生`` printed its tildes, the closing ``~~`` being between 、 and
    卫; so did ``safe~~, rapid~~ and``. A symbol (↷, ¥) is punctuation to CommonMark
    0.31 (markdown-it-py) and not to older parsers (cmark-gfm), so it counts as
    punctuation inside the delimiters and as none outside them.

    >>> _flanks("、", "教育", "卫"), _flanks("、", "教育、", "卫"), _flanks("、", "教育、", "")
    (True, False, True)
    """

    def punctuation(char: str, *, symbols: bool) -> bool:
        kind = unicodedata.category(char)
        return kind.startswith("P") or (kind.startswith("S") and (symbols or char.isascii()))

    def bound(char: str) -> bool:
        return not char or char.isspace() or punctuation(char, symbols=False)

    opens = not punctuation(body[0], symbols=True) or bound(before)
    closes = not punctuation(body[-1], symbols=True) or bound(after)
    return opens and closes


def ansi_diff(segments: Sequence[Segment], *, color: bool = True) -> str:
    """Render a diff as text in the contract's notation, removals red and additions green."""
    if not color:
        return format_diff(segments)
    colours = {"-": "\x1b[31m", "+": "\x1b[32m", "~": "\x1b[36m"}
    return "".join(
        text if op == "=" else f"{colours[op]}{_OPEN[op]}{text}{_CLOSE[op]}\x1b[0m"
        for op, text in segments
    )
