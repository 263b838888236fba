"""Renderers of discovered points: a watchlist (TOML), a table, JSON."""

from __future__ import annotations

from collections.abc import Sequence

import tomli_w
from tabulate import tabulate

from ..jsontext import dumps
from .corpus import _CONTROL
from .result import DiscoveredPoint


def _comment(text: str) -> str:
    """Text made safe for one TOML comment line."""
    return " ".join(_CONTROL.sub(" ", text).split())


_EXAMPLE_CHARS = 240


def _excerpt(sentence: str, text: str) -> str:
    """At most :data:`_EXAMPLE_CHARS` of ``sentence``, keeping ``text`` in view."""
    if len(sentence) <= _EXAMPLE_CHARS:
        return sentence
    at = max(sentence.find(text), 0)
    start = max(0, min(at - (_EXAMPLE_CHARS - len(text)) // 2, len(sentence) - _EXAMPLE_CHARS))
    end = start + _EXAMPLE_CHARS
    piece = sentence[start:end].strip()
    return ("..." if start > 0 else "") + piece + ("..." if end < len(sentence) else "")


def render_toml(points: Sequence[DiscoveredPoint]) -> str:
    """A talking-point file (watchlist) that ``track --points`` accepts unchanged.

    Each ``[[point]]`` has its id, text and aliases, preceded by comments
    giving its number of dates, first and last date, an example sentence and,
    for a family of several wordings, each wording with its occurrences. The
    occurrences of wordings the family grouped but lists no alias for (beyond
    the aliases kept, or found by the text itself, or no wording of the formula) are
    counted on a line of their own, so that the counts add up and the dates are
    not read as the text's alone: `track` finds of them what the engine reads as
    the formula.
    """
    out = [
        "# Talking points found by `consistency discover`, best first.",
        "# Edit freely: delete what is not a talking point, rename ids, add tags.",
        "",
    ]
    if not points:
        out.append("# No formulation recurred on enough dates.")
    for p in points:
        example = _excerpt(_comment(p.example), p.point.text)
        out.append(
            f"# {p.dates} dates, {p.first.isoformat()} to {p.last.isoformat()}, "
            f"{p.count} occurrences, score {p.score:g}"
        )
        out.append(f"# e.g. {example}")
        other = p.count - sum(n for _, n in p.wordings)
        if len(p.wordings) > 1 or (p.wordings and other > 0):
            out.append("# wordings (occurrences):")
            out.extend(f"#   {n:>5}  {_comment(w)}" for w, n in p.wordings)
            if other > 0:
                out.append(f"#   {other:>5}  (other wordings grouped with it)")
        out.append("[[point]]")
        out.append(tomli_w.dumps({"id": p.point.id}).rstrip("\n"))
        out.append(tomli_w.dumps({"text": p.point.text}).rstrip("\n"))
        if p.point.aliases:
            out.append(tomli_w.dumps({"aliases": list(p.point.aliases)}).rstrip("\n"))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


TABLE_TEXT_WIDTH = 60
"""The widest a point's text stands in ``--format table``; a longer one wraps onto more
lines (a 200-character formula made every row of the table 300 characters wide)."""


def render_table(points: Sequence[DiscoveredPoint]) -> str:
    """A plain-text table, one row per point: rank, dates, date range, score, text (wrapped
    at :data:`TABLE_TEXT_WIDTH`), aliases."""
    rows = [
        [
            rank,
            p.point.id,
            p.dates,
            f"{p.first.isoformat()} .. {p.last.isoformat()}",
            f"{p.score:.2f}",
            p.point.text,
            len(p.point.aliases),
        ]
        for rank, p in enumerate(points, 1)
    ]
    headers = ["#", "id", "dates", "first .. last", "score", "text", "aliases"]
    widths = [TABLE_TEXT_WIDTH if h == "text" else None for h in headers]
    return tabulate(rows, headers=headers, disable_numparse=True, maxcolwidths=widths) + "\n"


def render_json(points: Sequence[DiscoveredPoint]) -> str:
    """JSON: ``{"schema": 1, "points": [...]}`` with each point's wording and where it recurs."""
    data = {
        "schema": 1,
        "points": [
            {
                "id": p.point.id,
                "text": p.point.text,
                "aliases": list(p.point.aliases),
                "dates": p.dates,
                "count": p.count,
                "first": p.first.isoformat(),
                "last": p.last.isoformat(),
                "score": p.score,
                "example": p.example,
                "documents": list(p.documents),
                "wordings": [{"text": w, "count": n} for w, n in p.wordings],
            }
            for p in points
        ],
    }
    return dumps(data)
