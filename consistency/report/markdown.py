"""The report as GitHub-flavoured Markdown (for pull requests, issues, wikis).

Diffs become ``~~removed~~ **added**``; every text from a briefing is escaped,
so a wording can never turn into markup.
"""

from __future__ import annotations

import datetime as dt

from ..models import KeyChange, KeyChangeKind, TrackResult
from ..timeline import Analysis, PointHistory
from . import view
from .diffmarkup import flatten, markdown_diff, markdown_escape, parse_diff


def _code(text: str) -> str:
    return f"`{text}`" if "`" not in text else markdown_escape(text)


def _table(headers: list[str], rows: list[list[str]], align: list[str]) -> str:
    from tabulate import tabulate  # here: JSON output needs no tables

    return tabulate(rows, headers=headers, tablefmt="pipe", colalign=align, disable_numparse=True)


def timeline(
    result: TrackResult,
    *,
    max_date_columns: int,
    said: dict[tuple[str, dt.date], KeyChangeKind] | None = None,
) -> str:
    """The timeline as a pipe table: a symbol grid, or a per-point summary past the threshold
    (``said``: see :func:`~consistency.report.view.uncounted`)."""
    if not result.points:
        return "No talking points."
    on = view.dates(result)
    if len(on) <= max_date_columns:
        cells = [view.cells(p, on, said) for p in result.points]
        rows = [
            [_code(p.point.id), *(c.symbol for c in row)]
            for p, row in zip(result.points, cells, strict=True)
        ]
        grid = _table(
            ["point", *(d.isoformat() for d in on)], rows, ["left"] + ["center"] * len(on)
        )
        shown = {c.symbol for row in cells for c in row}
        legend = "; ".join(f"`{k}` {meaning}" for k, meaning in view.legend(shown))
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


def _shift_blocks(analysis: Analysis) -> list[str]:
    blocks = []
    for point, s in view.shifts(analysis.result):
        document, day = view.previous(s)
        blocks.append(
            f"### {s.date.isoformat()} \u00b7 {_code(point.point.id)}"
            f"{' ' + view.shift_notes(s) if view.shift_notes(s) else ''}\n\n"
            f"{_code(s.document)}, line {s.line}; previously {_code(document)}{day}\n\n"
            f"> {markdown_diff(flatten(parse_diff(s.diff)))}"
        )
    return blocks


def _shift_section(analysis: Analysis, all_shifts: bool) -> str:
    counts = view.shift_counts(analysis)
    if not view.list_shifts(analysis, all_shifts):
        return (
            f"{counts.sentence()} `--all-shifts` lists them all (with their diffs); "
            "so does the JSON."
        )
    return "\n\n".join([counts.sentence(), *_shift_blocks(analysis)])


def _quote(text: str) -> str:
    return markdown_escape(view.quoted(text))


def _change_block(change: KeyChange) -> str:
    title = (
        f"- **{view.change_when(change)}** {view.KIND_LABELS[change.kind]}: {_code(change.point)}"
    )
    lines = [title]
    if change.before is not None:
        lines.append(f"  {markdown_diff(flatten(parse_diff(change.diff)))}")
    else:
        lines.append(f"  {_quote(change.after)}")
    lines.append(f"  {markdown_escape(view.change_where(change))}")
    return "  \n".join(lines)


def _changes(analysis: Analysis) -> str:
    parts = []
    if key := view.card_key(analysis):
        parts.append(key + markdown_diff(parse_diff(view.CARD_KEY)) + ".")
    if analysis.in_period:
        parts.append(f"### In the period ({view.period_span(analysis)})")
        parts.append("\n".join(_change_block(c) for c in analysis.in_period))
    else:
        parts.append(f"No change that matters in the period ({view.period_span(analysis)}).")
    if untold := view.untold_line(analysis):
        parts.append(markdown_escape(untold))
    if analysis.earlier:
        parts.append("### Earlier in the archive, newest first")
        parts.append("\n".join(_change_block(c) for c in analysis.earlier))
    return "\n\n".join(parts)


def _wordings(history: PointHistory, all_shifts: bool, absent: str) -> str:
    point = history.result.point
    lines = [
        f"### {_code(point.id)}",
        "",
        f"Canonical: {_quote(point.text)}",
        "",
    ]
    for fam in view.shown_families(history, all_shifts):
        lines.append(f"- {markdown_escape(view.family_line(fam))}: {_quote(fam.text)}")
    if folded := (not all_shifts and view.folded_line(history)):
        lines.append(f"- {markdown_escape(folded)}")
    if not history.families:
        lines.append(f"{markdown_escape(absent)}.")
    return "\n".join(lines)


def render_markdown(
    result: TrackResult,
    *,
    max_date_columns: int = view.MAX_DATE_COLUMNS,
    analysis: Analysis | None = None,
    all_shifts: bool = False,
) -> str:
    """The human report in Markdown, in the text report's order: summary, changes, details."""
    analysis = view.analysis_of(result, analysis)
    sections = [
        "# Talking-point report",
        f"**{markdown_escape(view.headline(analysis))}**",
        markdown_escape(view.scope_line(analysis)),
        "## Changes that matter",
        _changes(analysis),
        "## Timeline",
        timeline(analysis.result, max_date_columns=max_date_columns, said=view.uncounted(analysis)),
        "## Wordings",
        *[markdown_escape(note) for note in [view.wordings_note(analysis)] if note],
        "\n\n".join(_wordings(h, all_shifts, view.absent_line(analysis)) for h in analysis.points)
        or "No talking points.",
        "## Shifts",
        _shift_section(analysis, all_shifts),
    ]
    return "\n\n".join(sections) + "\n"
