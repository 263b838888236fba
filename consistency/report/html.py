"""The report as one self-contained HTML page (inline CSS; no scripts, fonts or images).

The page comes from ``consistency/templates/report.html`` with autoescaping on:
every text from a briefing is escaped, diffs become ``<del>``/``<ins>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2

from ..models import TrackResult
from . import view
from .diffmarkup import Segment, flatten, parse_diff


def template(name: str) -> jinja2.Template:
    """A page template of ``consistency/templates`` (all extend ``_page.html``)."""
    return _environment().get_template(name)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("consistency", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


_LEGEND_CLASSES = ("identical", "cosmetic", "shifted", "absent", "changed")


@dataclass(frozen=True)
class _ShiftView:
    point: str
    date: str
    document: str
    line: int
    previous_document: str
    previous_date: str
    diff: list[Segment]
    notes: str


@dataclass(frozen=True)
class _PointView:
    id: str
    text: str
    aliases: tuple[str, ...]
    summary: view.PointSummary
    cells: tuple[view.Cell, ...]
    wordings: list[tuple[str, str, str]]


def render_html(result: TrackResult, *, max_date_columns: int = view.MAX_DATE_COLUMNS) -> str:
    """The human report as HTML: summary, timeline (status-coloured cells), shifts, wordings.

    Up to ``max_date_columns`` dates the timeline has a column per date; past
    that, each point gets a summary row with a strip of one thin cell per date.
    """
    on = view.dates(result)
    points = [
        _PointView(
            id=p.point.id,
            text=view.one_line(p.point.text),
            aliases=p.point.aliases,
            summary=view.summarise(p, len(on)),
            cells=view.cells(p, on),
            wordings=[
                (
                    view.date_range(w.first, w.last),
                    view.wording_counts(p.point, w),
                    view.one_line(w.text),
                )
                for w in p.wordings
            ],
        )
        for p in result.points
    ]
    shifts = [
        _ShiftView(
            point=p.point.id,
            date=s.date.isoformat(),
            document=s.document,
            line=s.line,
            previous_document=s.previous_document,
            previous_date=s.previous_date.isoformat(),
            diff=flatten(parse_diff(s.diff)),
            notes=view.shift_notes(s),
        )
        for p, s in view.shifts(result)
    ]
    return template("report.html").render(
        summary=view.summary_line(result),
        dates=[d.isoformat() for d in on],
        grid=len(on) <= max(max_date_columns, 0),
        points=points,
        shifts=shifts,
        documents=result.documents,
        legend=[(cls, *entry) for cls, entry in zip(_LEGEND_CLASSES, view.LEGEND, strict=True)],
    )
