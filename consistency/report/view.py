"""What every human-readable format shows, computed once from a :class:`TrackResult`.

The timeline has one cell per point and *date* (not per document: several
briefings can share a date), the summary counts stable and shifted points, and
long texts are shortened for table cells only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Change, Occurrence, Point, PointResult, Shift, Status, TrackResult, Wording
from ..normalise import normalise
from .diffmarkup import shorten

MAX_DATE_COLUMNS = 8
"""Above this many dates the timeline is a per-point summary instead of a grid."""

CELL_WIDTH = 60
"""Longest text shown in a table cell; JSON and CSV are never shortened."""

SYMBOLS = {
    Status.IDENTICAL: "=",
    Status.COSMETIC: "~",
    Status.SHIFTED: "\u2260",
    Status.ABSENT: "\u00b7",
}
CHANGED = "!"
LEGEND = (
    ("=", "identical"),
    ("~", "cosmetic"),
    ("\u2260", "shifted (vs canonical)"),
    ("\u00b7", "absent"),
    (CHANGED, "changed since previous date"),
)
"""Each symbol of the timeline grid and what it means."""

_SEVERITY = {Status.ABSENT: 0, Status.IDENTICAL: 1, Status.COSMETIC: 2, Status.SHIFTED: 3}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    """One point on one date.

    status: the worst status among the date's representative occurrences
        (shifted > cosmetic > identical), or absent.
    changed: a representative occurrence on this date changed wording since
        the previous date that has one.
    count: occurrences on this date.
    """

    date: dt.date
    status: Status
    changed: bool
    count: int

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.status] + (CHANGED if self.changed else "")

    @property
    def title(self) -> str:
        """A one-line description, e.g. for an HTML tooltip."""
        text = f"{self.date.isoformat()}: {self.status.value}"
        if self.count > 1:
            text += f" ({self.count} occurrences)"
        if self.changed:
            text += ", changed since the previous date"
        return text


@dataclass(frozen=True)
class PointSummary:
    """One point's row in the summary layout.

    present, total: dates with an occurrence, dates in the run.
    first, last: first and last date seen (None when never found).
    wordings, shifts: how many distinct wordings and changes of wording.
    """

    id: str
    text: str
    present: int
    total: int
    first: dt.date | None
    last: dt.date | None
    wordings: int
    shifts: int

    @property
    def state(self) -> str:
        """``never found``, ``stable`` (wording never changed) or ``shifted``."""
        if self.present == 0:
            return "never found"
        return "shifted" if self.shifts else "stable"


def dates(result: TrackResult) -> tuple[dt.date, ...]:
    """Every distinct date in the run, ascending."""
    seen = {d.date for d in result.documents}
    seen.update(o.date for p in result.points for o in p.occurrences)
    return tuple(sorted(seen))


def cells(point: PointResult, on: Sequence[dt.date]) -> tuple[Cell, ...]:
    """The point's cell for each date in ``on``.

    A document's representative occurrence is the one with a ``change``; where
    none on a date has one, all its occurrences count.
    """
    by_date: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for occ in point.occurrences:
        by_date[occ.date].append(occ)
    out = []
    for date in on:
        found = by_date.get(date, [])
        if not found:
            out.append(Cell(date, Status.ABSENT, False, 0))
            continue
        reps = [o for o in found if o.change is not None] or found
        status = max((o.status for o in reps), key=_SEVERITY.__getitem__)
        changed = any(o.change == Change.SHIFTED for o in reps)
        out.append(Cell(date, status, changed, len(found)))
    return tuple(out)


def summarise(point: PointResult, total: int) -> PointSummary:
    return PointSummary(
        id=point.point.id,
        text=point.point.text,
        present=len(point.dates_present),
        total=total,
        first=point.first_seen,
        last=point.last_seen,
        wordings=len(point.wordings),
        shifts=len(point.shifts),
    )


SLOT_NOTE = "only the words inserted in the formula changed"
"""How reports mark a shift whose formula words stayed the same (``Shift.slot``)."""

RECURRING_NOTE = "a wording used before"
"""How reports mark a shift back to a wording of an earlier date (``Shift.recurring``)."""


def shift_notes(shift: Shift) -> str:
    """The parenthesised notes of a shift for reports ("" when there are none)."""
    notes = [n for n, on in ((SLOT_NOTE, shift.slot), (RECURRING_NOTE, shift.recurring)) if on]
    return f"({'; '.join(notes)})" if notes else ""


def shifts(result: TrackResult) -> list[tuple[PointResult, Shift]]:
    """Every shift of every point, by date, then watchlist order, then document."""
    found = [(i, p, s) for i, p in enumerate(result.points) for s in p.shifts]
    found.sort(key=lambda t: (t[2].date, t[0], t[2].document, t[2].line))
    return [(p, s) for _, p, s in found]


def plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def summary_line(result: TrackResult) -> str:
    """One sentence: how many documents over which dates, how many points stable or shifted."""
    on = dates(result)
    docs = plural(len(result.documents), "document")
    if len(on) == 1:
        docs += f" dated {on[0].isoformat()}"
    elif on:
        docs += f" from {on[0].isoformat()} to {on[-1].isoformat()} ({plural(len(on), 'date')})"
    rows = [summarise(p, len(on)) for p in result.points]
    states = [s.state for s in rows]
    counts = [
        f"{states.count(state)} {state}"
        for state in ("stable", "shifted", "never found")
        if states.count(state)
    ]
    points = plural(len(rows), "talking point")
    return f"{docs}; {points}" + (f": {', '.join(counts)}." if counts else ".")


def wording_counts(point: Point, wording: Wording) -> str:
    """How often a wording was seen, and whether it is the canonical text or an alias.

    >>> p = Point("p", "consistent and clear", aliases=("consistent",))
    >>> w = Wording("Consistent and clear", "consistent and clear",
    ...             dt.date(2025, 9, 23), dt.date(2025, 9, 23), 1, 2)
    >>> wording_counts(p, w)
    '1 date, 2 times, canonical'
    """
    text = f"{plural(wording.dates, 'date')}, {plural(wording.count, 'time')}"
    said = normalise(wording.text)
    if said == normalise(point.text):
        return text + ", canonical"
    if any(said == normalise(alias) for alias in point.aliases):
        return text + ", alias"
    return text


def date_range(first: dt.date, last: dt.date) -> str:
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()} to {last.isoformat()}"


def one_line(text: str) -> str:
    """Collapse white-space runs (line breaks included) to single spaces."""
    return _SPACE.sub(" ", text).strip()


def ellipsise(text: str, width: int = CELL_WIDTH) -> str:
    """``text`` on one line, shortened to ``width`` characters for a table cell."""
    return shorten(one_line(text), width)
