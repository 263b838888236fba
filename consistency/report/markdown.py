"""The report as GitHub-flavoured Markdown (for pull requests, issues, wikis).

Diffs become ``~~removed~~ **added**``; every text from a briefing is escaped,
so a wording can never turn into markup.
"""

from __future__ import annotations

from tabulate import tabulate

from ..models import PointResult, TrackResult
from . import view
from .diffmarkup import flatten, markdown_diff, markdown_escape, parse_diff


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text else markdown_escape(text)


def _table(headers: list[str], rows: list[list[str]], align: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="pipe", colalign=align, disable_numparse=True)


def timeline(result: TrackResult, *, max_date_columns: int) -> str:
    """The timeline as a pipe table: a symbol grid, or a per-point summary past the threshold."""
    if not result.points:
        return "No talking points."
    on = view.dates(result)
    if len(on) <= max_date_columns:
        rows = [[_code(p.point.id), *(c.symbol for c in view.cells(p, on))] for p in result.points]
        grid = _table(
            ["point", *(d.isoformat() for d in on)], rows, ["left"] + ["center"] * len(on)
        )
        legend = "; ".join(f"`{k}` {meaning}" for k, meaning in view.LEGEND)
        return f"{grid}\n\n{legend}"
    summary_rows = []
    for point in result.points:
        s = view.summarise(point, len(on))
        summary_rows.append(
            [
                _code(s.id),
                f"{s.present}/{s.total}",
                s.first.isoformat() if s.first else "\u2013",
                s.last.isoformat() if s.last else "\u2013",
                str(s.wordings),
                str(s.shifts),
                markdown_escape(view.ellipsise(s.text)),
            ]
        )
    headers = ["point", "dates", "first seen", "last seen", "wordings", "shifts", "canonical text"]
    return _table(
        headers, summary_rows, ["left", "right", "left", "left", "right", "right", "left"]
    )


def _shifts(result: TrackResult) -> str:
    blocks = []
    for point, s in view.shifts(result):
        blocks.append(
            f"### {s.date.isoformat()} \u00b7 {_code(point.point.id)}"
            f"{' ' + view.shift_notes(s) if view.shift_notes(s) else ''}\n\n"
            f"{_code(s.document)}, line {s.line}; previously {_code(s.previous_document)} "
            f"({s.previous_date.isoformat()})\n\n"
            f"> {markdown_diff(flatten(parse_diff(s.diff)))}"
        )
    return "\n\n".join(blocks) or "No wording changed between dates."


def _wordings(point: PointResult) -> str:
    lines = [
        f"### {_code(point.point.id)}",
        "",
        f"Canonical: \u201c{markdown_escape(view.one_line(point.point.text))}\u201d",
        "",
    ]
    for w in point.wordings:
        counts = view.wording_counts(point.point, w)
        text = markdown_escape(view.one_line(w.text))
        lines.append(f"- {view.date_range(w.first, w.last)} ({counts}): \u201c{text}\u201d")
    if not point.wordings:
        lines.append("Never found.")
    return "\n".join(lines)


def render_markdown(result: TrackResult, *, max_date_columns: int = view.MAX_DATE_COLUMNS) -> str:
    """The human report in Markdown: summary, timeline, shifts with diffs, wordings per point."""
    sections = [
        "# Talking-point report",
        view.summary_line(result),
        "## Timeline",
        timeline(result, max_date_columns=max_date_columns),
        "## Shifts",
        _shifts(result),
        "## Wordings",
        "\n\n".join(_wordings(p) for p in result.points) or "No talking points.",
    ]
    return "\n\n".join(sections) + "\n"
