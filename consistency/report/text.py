"""Plain-text output for terminals: the ``track`` table and the text report.

Colour (ANSI) only when asked for; the layout is the same either way.
"""

from __future__ import annotations

import datetime as dt

from ..models import KeyChange, KeyChangeKind, PointResult, Shift, Status, TrackResult
from ..timeline import Analysis, PointHistory
from . import view
from .diffmarkup import ansi_diff, condense, flatten, parse_diff

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_STATUS_COLOUR = {
    Status.IDENTICAL: "\x1b[32m",
    Status.COSMETIC: "\x1b[36m",
    Status.SHIFTED: "\x1b[33m",
    Status.ABSENT: _DIM,
}
_CHANGED_COLOUR = "\x1b[1;31m"
_CHANGE_WIDTH = 40


def _paint(text: str, colour: str, color: bool) -> str:
    return f"{colour}{text}{_RESET}" if color and text else text


def _cell(cell: view.Cell, color: bool) -> str:
    if cell.said is not None:
        return _paint(cell.symbol, _STATUS_COLOUR[Status.SHIFTED], color)
    symbol = _paint(view.SYMBOLS[cell.status], _STATUS_COLOUR[cell.status], color)
    if cell.changed:
        symbol += _paint(view.CHANGED, _CHANGED_COLOUR, color)
    return symbol


def _table(headers: list[str], rows: list[list[str]], align: list[str]) -> str:
    from tabulate import tabulate  # here: JSON output needs no tables

    return tabulate(rows, headers=headers, tablefmt="simple", colalign=align, disable_numparse=True)


def _grid(
    result: TrackResult, color: bool, said: dict[tuple[str, dt.date], KeyChangeKind]
) -> tuple[str, set[str]]:
    """The grid, and the symbols it shows."""
    on = view.dates(result)
    grid = [view.cells(p, on, said) for p in result.points]
    rows = [
        [p.point.id, *(_cell(c, color) for c in row)]
        for p, row in zip(result.points, grid, strict=True)
    ]
    headers = ["point", *(d.isoformat() for d in on)]
    shown = {c.symbol for row in grid for c in row}
    return _table(headers, rows, ["left"] + ["center"] * len(on)), shown


def _summary_table(result: TrackResult, color: bool) -> str:
    total = len(view.dates(result))
    rows = []
    for point in result.points:
        s = view.summarise(point, total)
        rows.append(
            [
                s.id,
                _paint(f"{s.present}/{s.total}", _DIM, color and s.present == 0),
                s.first.isoformat() if s.first else "-",
                s.last.isoformat() if s.last else "-",
                str(s.wordings),
                _paint(str(s.shifts), _STATUS_COLOUR[Status.SHIFTED], color and s.shifts > 0),
                view.ellipsise(s.text),
            ]
        )
    headers = ["point", "dates", "first seen", "last seen", "wordings", "shifts", "canonical text"]
    return _table(headers, rows, ["left", "right", "left", "left", "right", "right", "left"])


def _legend(color: bool, shown: set[str]) -> str:
    colours = {view.SYMBOLS[s]: c for s, c in _STATUS_COLOUR.items()}
    colours[view.CHANGED] = _CHANGED_COLOUR
    colours.update((s, _STATUS_COLOUR[Status.SHIFTED]) for s in view.UNCOUNTED.values())
    return "   ".join(
        f"{_paint(k, colours[k], color)} {meaning}" for k, meaning in view.legend(shown)
    )


def timeline(
    result: TrackResult,
    *,
    color: bool,
    max_date_columns: int,
    said: dict[tuple[str, dt.date], KeyChangeKind] | None = None,
) -> str:
    """A grid of status symbols (points x dates) when the dates fit, else a per-point summary
    (``said``: the dates of the report's cards of words ``track`` does not count, see
    :func:`~consistency.report.view.uncounted`)."""
    if not result.points:
        return "No talking points."
    if len(view.dates(result)) <= max_date_columns:
        grid, shown = _grid(result, color, said or {})
        return f"{grid}\n\n{_legend(color, shown)}"
    return _summary_table(result, color)


def _shift_table(result: TrackResult, color: bool) -> str:
    found = view.shifts(result)
    if not found:
        return "No wording changed between dates."
    rows = [
        [
            s.date.isoformat(),
            p.point.id,
            s.document,
            str(s.line),
            ansi_diff(condense(parse_diff(s.diff), width=_CHANGE_WIDTH), color=color),
        ]
        for p, s in found
    ]
    headers = ["date", "point", "document", "line", "change since the previous date"]
    return _table(headers, rows, ["left", "left", "left", "right", "left"])


def render_table(
    result: TrackResult, *, color: bool = False, max_date_columns: int = view.MAX_DATE_COLUMNS
) -> str:
    """The ``track`` table: the timeline, then every shift with its (condensed) diff.

    Up to ``max_date_columns`` dates, points are rows and dates columns, each
    cell a status symbol with a legend below; past that, one summary row per
    point (dates present, first and last seen, wordings, shifts), so the output
    stays readable with 5 dates or 500.
    """
    timeline_text = timeline(result, color=color, max_date_columns=max_date_columns)
    return f"{timeline_text}\n\n{_shift_table(result, color)}\n"


def _heading(text: str, underline: str, color: bool) -> str:
    return f"{_paint(text, _BOLD, color)}\n{underline * len(text)}"


def _shift_blocks(shifts: list[tuple[PointResult, Shift]], color: bool) -> list[str]:
    blocks = []
    for point, s in shifts:
        document, day = view.previous(s)
        where = f"{s.document}, line {s.line}; previously {document}{day}"
        diff = ansi_diff(flatten(parse_diff(s.diff)), color=color)
        head = f"{_paint(s.date.isoformat(), _BOLD, color)}  {point.point.id}"
        if notes := view.shift_notes(s):
            head += f"  {notes}"
        blocks.append(f"{head}\n  {where}\n  {diff}")
    return blocks


def _change_block(change: KeyChange, color: bool) -> str:
    lines = [_paint(view.change_title(change), _BOLD, color)]
    if change.before is not None:
        lines.append("  " + ansi_diff(flatten(parse_diff(change.diff)), color=color))
    else:
        lines.append(f"  {view.quoted(change.after)}")
    lines.append(f"  {view.change_where(change)}")
    return "\n".join(lines)


def _changes(analysis: Analysis, color: bool) -> str:
    parts = []
    if key := view.card_key(analysis):
        parts.append(key + ansi_diff(parse_diff(view.CARD_KEY), color=color) + ".")
    if analysis.in_period:
        parts.append(
            f"In the period ({view.period_span(analysis)}):\n\n"
            + "\n\n".join(_change_block(c, color) for c in analysis.in_period)
        )
    else:
        parts.append(f"No change that matters in the period ({view.period_span(analysis)}).")
    if untold := view.untold_line(analysis):
        parts.append(untold)
    if analysis.earlier:
        parts.append(
            "Earlier in the archive, newest first:\n\n"
            + "\n\n".join(_change_block(c, color) for c in analysis.earlier)
        )
    return "\n\n".join(parts)


def _wordings(history: PointHistory, all_shifts: bool, absent: str) -> str:
    point = history.result.point
    lines = [f'{point.id}: "{view.nested_quotes(view.one_line(point.text))}"']
    for fam in view.shown_families(history, all_shifts):
        lines.append(f"  {view.family_line(fam)}")
        lines.append(f"        {view.one_line(fam.text)}")
    if folded := (not all_shifts and view.folded_line(history)):
        lines.append(f"  {folded}")
    if not history.families:
        lines.append(f"  {absent[0].lower()}{absent[1:]}")
    return "\n".join(lines)


def _shift_section(analysis: Analysis, all_shifts: bool, color: bool) -> str:
    counts = view.shift_counts(analysis)
    if not view.list_shifts(analysis, all_shifts):
        return (
            f"{counts.sentence()} --all-shifts lists them all (with their diffs); so does the JSON."
        )
    found = view.shifts(analysis.result)
    return "\n\n".join([counts.sentence(), *_shift_blocks(found, color)])


def render_text(
    result: TrackResult,
    *,
    color: bool = False,
    max_date_columns: int = view.MAX_DATE_COLUMNS,
    analysis: Analysis | None = None,
    all_shifts: bool = False,
) -> str:
    """The human report as plain text: summary, changes that matter, then the details.

    Details: the timeline (a grid of dates, or one summary row per point), each
    point's wording families (one-off variants folded unless ``all_shifts``), and
    the shifts between dates (listed when few or with ``all_shifts``, else counted).
    """
    analysis = view.analysis_of(result, analysis)
    shown = analysis.result
    sections = [
        _heading("Talking-point report", "=", color),
        view.headline(analysis),
        view.scope_line(analysis),
        _heading("Changes that matter", "-", color),
        _changes(analysis, color),
        _heading("Timeline", "-", color),
        timeline(
            shown, color=color, max_date_columns=max_date_columns, said=view.uncounted(analysis)
        ),
        _heading("Wordings", "-", color),
        *[note for note in [view.wordings_note(analysis)] if note],
        "\n\n".join(_wordings(h, all_shifts, view.absent_line(analysis)) for h in analysis.points)
        or "No talking points.",
        _heading("Shifts", "-", color),
        _shift_section(analysis, all_shifts, color),
    ]
    return "\n\n".join(sections) + "\n"
