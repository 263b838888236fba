"""Renderers of discovered points: a watchlist (TOML), a table, JSON."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

import tomli_w
from tabulate import tabulate

from ..jsontext import dumps
from ..normalise import tokenise
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


RECENT_DAYS = 31
"""An alias first said in the archive's last this many days is written, in a watchlist,
commented out (see :func:`render_toml`); the report's default period."""


def render_toml(
    points: Sequence[DiscoveredPoint], *, archive: tuple[dt.date, dt.date] | None = None
) -> str:
    """A talking-point file (watchlist) that ``track --points`` accepts unchanged.

    Each ``[[point]]`` has its id, text and aliases, preceded by comments
    giving its number of dates, first and last date, an example sentence and,
    for a family of several wordings, each wording with its occurrences. The
    occurrences of wordings the family grouped but lists no alias for (beyond
    the aliases kept, or found by the text itself, or no wording of the formula) are
    counted on a line of their own, so that the counts add up and the dates are
    not read as the text's alone: `track` finds of them what the engine reads as
    the formula.

    ``archive``: the archive's first and last dates. An alias first said in its last
    :data:`RECENT_DAYS` days (of an archive longer than twice that) is written commented
    out in the list, with the date it was first said: an alias is a wording ``check``
    accepts, and a watchlist made of an archive that holds yesterday's briefing would
    accept yesterday's new wording ("the collective West is waging a *proxy* war", 7 times
    in the last 8 briefings of 40, review 61). So is an alias first said late in its
    point's life (see :func:`_late`). Uncomment it to accept it.
    """
    out = [
        "# Talking points found by `consistency discover`, best first.",
        "# Edit freely: delete what is not a talking point, rename ids, add tags.",
        "",
    ]
    if not points:
        out.append("# No formulation recurred on enough dates.")
    since = _recent_since(archive)
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
            first = dict(zip((w for w, _ in p.wordings), p.firsts, strict=False))
            out.append("aliases = [")
            for alias in p.point.aliases:
                quoted = tomli_w.dumps({"a": alias})[4:].rstrip("\n")
                day = first.get(alias)
                if since is not None and day is not None and day >= since:
                    out.append(
                        f"    # new, first said {day.isoformat()} (in the archive's last "
                        f"{RECENT_DAYS} days): uncomment to accept"
                    )
                    out.append(f"    # {quoted},")
                elif day is not None and p.dates >= LATE_MIN_DATES and _late(day, p.first, p.last):
                    out.append(
                        f"    # new, first said {day.isoformat()} (in the last "
                        f"{round(100 * (1 - LATE_SHARE))}% of the time the point was said, "
                        f"{p.first.isoformat()} to {p.last.isoformat()}): uncomment to accept"
                    )
                    out.append(f"    # {quoted},")
                elif day is not None and alias in p.replacing:
                    out.append(
                        f"    # new, first said {day.isoformat()}, and said since in place of "
                        "the wordings before it: uncomment to accept"
                    )
                    out.append(f"    # {quoted},")
                else:
                    out.append(f"    {quoted},")
            out.append("]")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


LATE_SHARE = 0.8
"""An alias first said after this share of the time from its point's first date to its
last is new to the point, and written commented out (see :func:`_late`)."""


LATE_MIN_DATES = 10
"""A point said on fewer dates has no life to be late in: its second wording, on its
second date, is no drift (see :func:`_late`)."""


def _late(day: dt.date, first: dt.date, last: dt.date) -> bool:
    """Whether a wording first said on ``day`` came late in the life of a point said from
    ``first`` to ``last`` (over :data:`RECENT_DAYS` days twice at least): after
    :data:`LATE_SHARE` of it. Review 87: "The safety and security of British nationals is
    our priority" ({-top-}, first said 35 days before the archive's end, the point said
    for a year) was a live alias, and a gate built from the file passed the drift; on MFA
    7 of 154 aliases are so late ("Cold-War mindset and ideological bias", 2020-06-29).
    Only for a point said on :data:`LATE_MIN_DATES` dates or more."""
    span = (last - first).days
    return span >= 2 * RECENT_DAYS and (day - first).days >= LATE_SHARE * span


def _recent_since(archive: tuple[dt.date, dt.date] | None) -> dt.date | None:
    """The first day of the archive's last :data:`RECENT_DAYS` days, or None when the
    archive is no longer than twice that."""
    if archive is None:
        return None
    first, last = archive
    if (last - first).days < 2 * RECENT_DAYS:
        return None
    return last - dt.timedelta(days=RECENT_DAYS - 1)


TABLE_TEXT_WIDTH = 60
"""The widest a point's text stands in ``--format table``; a longer one wraps onto more
lines (a 200-character formula made every row of the table 300 characters wide)."""


_OPENERS = "\u300a\u201c\u2018\u300c(\uff08[\"'"
"""Marks that open what follows them: a line never ends on one."""


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: a wide character (Han) two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrapped(text: str, width: int) -> str:
    """``text`` in lines of at most ``width`` columns, cut only between words (the
    tokeniser's): review 85's table cut 国际关系基本准 | 则 ("norms") in two, as a wrapper
    that knows only spaces cuts Han text anywhere. A word wider than a line stands alone."""
    breaks = [t.start for t in tokenise(text)][1:]
    for k, b in enumerate(breaks):
        while b > 0 and text[b - 1] in _OPENERS:
            b -= 1
        breaks[k] = b
    lines: list[str] = []
    start, last = 0, 0
    for b in [*breaks, len(text)]:
        if _columns(text[start:b].rstrip()) > width and last > start:
            lines.append(text[start:last].rstrip())
            start = last
            while start < len(text) and text[start].isspace():
                start += 1
        last = b
    lines.append(text[start:].strip())
    return "\n".join(line for line in lines if line)


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
            _wrapped(p.point.text, TABLE_TEXT_WIDTH),
            len(p.point.aliases),
        ]
        for rank, p in enumerate(points, 1)
    ]
    headers = ["#", "id", "dates", "first .. last", "score", "text", "aliases"]
    return tabulate(rows, headers=headers, disable_numparse=True) + "\n"


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
                "wordings": [
                    {
                        "text": w,
                        "count": n,
                        "first": day.isoformat() if day else None,
                        "took_over": w in p.replacing,
                    }
                    for (w, n), day in zip(
                        p.wordings, p.firsts or (None,) * len(p.wordings), strict=True
                    )
                ],
            }
            for p in points
        ],
    }
    return dumps(data)
