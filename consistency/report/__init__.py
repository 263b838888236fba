"""Renderers for a :class:`~consistency.models.TrackResult`: each returns a string, none writes.

- :func:`render_json`, :func:`render_csv`: machine-readable (the contract's JSON, schema 1);
- :func:`render_table`: the ``track`` table for terminals;
- :func:`render_report`: the human report as text, Markdown or HTML
  (:func:`render_markdown`, :func:`render_html`), or JSON/CSV.
"""

from __future__ import annotations

from typing import Literal, get_args

from ..errors import OptionError
from ..models import TrackResult
from ..timeline import Analysis
from .data import CSV_COLUMNS, render_csv, render_json, to_dict
from .diffmarkup import Segment, format_diff, parse_diff
from .html import render_html
from .markdown import render_markdown
from .text import render_table, render_text
from .view import MAX_DATE_COLUMNS

ReportFormat = Literal["text", "markdown", "html", "json", "csv"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)


def render_report(
    result: TrackResult,
    *,
    fmt: str = "text",
    color: bool = False,
    max_date_columns: int = MAX_DATE_COLUMNS,
    analysis: Analysis | None = None,
    all_shifts: bool = False,
) -> str:
    """The human report: summary, changes that matter, then timeline, wordings and shifts.

    ``fmt`` is one of :data:`REPORT_FORMATS`; ``color`` applies to ``text`` only.
    ``analysis`` (from :func:`consistency.timeline.analyse`) sets the reporting
    period; by default it is the archive's last month against the rest.
    ``all_shifts`` unfolds one-off variants and lists every shift.
    """
    if fmt == "text":
        return render_text(
            result,
            color=color,
            max_date_columns=max_date_columns,
            analysis=analysis,
            all_shifts=all_shifts,
        )
    if fmt == "markdown":
        return render_markdown(
            result, max_date_columns=max_date_columns, analysis=analysis, all_shifts=all_shifts
        )
    if fmt == "html":
        return render_html(result, analysis=analysis, all_shifts=all_shifts)
    if fmt == "json":
        return render_json(result, analysis=analysis)
    if fmt == "csv":
        return render_csv(analysis.result if analysis is not None else result)
    raise OptionError(f"unknown report format {fmt!r} (choose from {', '.join(REPORT_FORMATS)})")


__all__ = [
    "CSV_COLUMNS",
    "MAX_DATE_COLUMNS",
    "REPORT_FORMATS",
    "ReportFormat",
    "Segment",
    "format_diff",
    "parse_diff",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_report",
    "render_table",
    "render_text",
    "to_dict",
]
