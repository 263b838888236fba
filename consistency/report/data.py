"""Machine-readable output: the contract's JSON (schema 1) and a CSV of occurrences.

JSON keys come in a fixed order: the contract's keys first, in the contract's
order, then this version's additions. ``schema-1.json`` beside this module is
the JSON Schema of the output.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import lru_cache
from typing import Any

from ..jsontext import dumps
from ..models import (
    Document,
    KeyChange,
    Occurrence,
    PointResult,
    ReportPeriod,
    Shift,
    TrackResult,
    Wording,
    WordingFamily,
)
from ..timeline import Analysis, PointHistory, analyse
from .diffmarkup import parse_diff


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _score(value: float) -> float:
    return round(float(value), 1)


def document_dict(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "date": _date(doc.date),
        "date_source": doc.date_source.value,
        "title": doc.title,
        "source": doc.source,
    }


def moved_runs(diff: str) -> list[str]:
    """The runs of words a diff shows as moved (``{~...~}``), in order."""
    return list(_moved_runs(diff))


@lru_cache(maxsize=1 << 14)
def _moved_runs(diff: str) -> tuple[str, ...]:
    # a formula's occurrences share a few diffs: each is parsed once
    return tuple(text for op, text in parse_diff(diff) if op == "~")


def occurrence_dict(occ: Occurrence) -> dict[str, Any]:
    return {
        "document": occ.document,
        "date": occ.date.isoformat(),  # never None: a report has tens of thousands
        "speaker": occ.speaker,
        "text": occ.text,
        "start": occ.start,
        "end": occ.end,
        "line": occ.line,
        "score": _score(occ.score),
        "status": occ.status.value,
        "change": None if occ.change is None else occ.change.value,
        "diff": occ.diff,
        "column": occ.column,
        "role": occ.role.value,
        "form": occ.form,
        "moved": moved_runs(occ.diff),
    }


def wording_dict(wording: Wording) -> dict[str, Any]:
    return {
        "text": wording.text,
        "normalised": wording.normalised,
        "first": _date(wording.first),
        "last": _date(wording.last),
        "dates": wording.dates,
        "count": wording.count,
    }


def shift_dict(shift: Shift) -> dict[str, Any]:
    return {
        "date": _date(shift.date),
        "document": shift.document,
        "previous_date": _date(shift.previous_date),
        "previous_document": shift.previous_document,
        "before": shift.before,
        "after": shift.after,
        "diff": shift.diff,
        "line": shift.line,
        "slot": shift.slot,
        "recurring": shift.recurring,
        "moved": moved_runs(shift.diff),
    }


def family_dict(family: WordingFamily) -> dict[str, Any]:
    return {
        "text": family.text,
        "normalised": family.normalised,
        "first": _date(family.first),
        "last": _date(family.last),
        "dates": family.dates,
        "count": family.count,
        "share": family.share,
        "prevailing": family.prevailing,
        "form": family.form,
        "one_off": family.one_off,
        "new": family.new,
    }


def change_dict(change: KeyChange) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "point": change.point,
        "date": _date(change.date),
        "document": change.document,
        "line": change.line,
        "before": change.before,
        "after": change.after,
        "diff": change.diff,
        "evidence": change.evidence,
        "context": change.context,
        "in_period": change.in_period,
        "said_on": [_date(d) for d in change.said_on],
    }


def period_dict(period: ReportPeriod) -> dict[str, Any]:
    return {
        "first": _date(period.first),
        "last": _date(period.last),
        "dates": period.dates,
        "explicit": period.explicit,
        "baseline": {
            "first": _date(period.baseline_first),
            "last": _date(period.baseline_last),
            "dates": period.baseline_dates,
        },
    }


def point_dict(result: PointResult, history: PointHistory | None = None) -> dict[str, Any]:
    point = result.point
    out = {
        "id": point.id,
        "text": point.text,
        "occurrences": [occurrence_dict(o) for o in result.occurrences],
        "absent": list(result.absent),
        "aliases": list(point.aliases),
        "tags": list(point.tags),
        "level": point.level.value,
        "first_seen": _date(result.first_seen),
        "last_seen": _date(result.last_seen),
        "wordings": [wording_dict(w) for w in result.wordings],
        "shifts": [shift_dict(s) for s in result.shifts],
    }
    if history is not None:
        out["families"] = [family_dict(f) for f in history.families]
        out["changes"] = [change_dict(c) for c in history.changes]
    return out


def to_dict(result: TrackResult, analysis: Analysis | None = None) -> dict[str, Any]:
    """The JSON document as plain Python data (schema 1).

    The contract's keys come first; then this version's additions: per point its
    wording ``families`` and ``changes``, and at the top the reporting ``period``,
    the ``headline`` every format prints, and every change that matters.
    """
    from .view import headline  # view renders; data only borrows its sentence

    analysis = analysis if analysis is not None else analyse(result)
    shown = analysis.result
    return {
        "schema": 1,
        "documents": [document_dict(d) for d in shown.documents],
        "points": [point_dict(h.result, h) for h in analysis.points],
        "period": period_dict(analysis.period),
        "headline": headline(analysis),
        "changes": [change_dict(c) for c in analysis.changes],
    }


def render_json(result: TrackResult, analysis: Analysis | None = None) -> str:
    """The contract's JSON: two-space indent, UTF-8 kept as is, a trailing newline."""
    return dumps(to_dict(result, analysis))


CSV_COLUMNS = (
    "point",
    "document",
    "date",
    "speaker",
    "role",
    "status",
    "change",
    "score",
    "line",
    "column",
    "start",
    "end",
    "text",
    "diff",
)


def render_csv(result: TrackResult) -> str:
    """One row per occurrence, in the JSON's order, under a header of :data:`CSV_COLUMNS`.

    Absences are not rows: a tidy table of what was found loads straight into
    a spreadsheet or a data frame, and the JSON's ``absent`` lists the rest.
    Empty cells stand for null (no speaker; no ``change`` for occurrences that
    are not their document's representative).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for point in result.points:
        for occ in point.occurrences:
            writer.writerow(
                map(
                    spreadsheet_safe,
                    (
                        point.point.id,
                        occ.document,
                        occ.date.isoformat(),
                        occ.speaker or "",
                        occ.role.value,
                        occ.status.value,
                        "" if occ.change is None else occ.change.value,
                        f"{_score(occ.score):.1f}",
                        occ.line,
                        occ.column,
                        occ.start,
                        occ.end,
                        occ.text,
                        occ.diff,
                    ),
                )
            )
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'``.

    Document ids, speakers and quoted text come from the briefings: a cell
    starting ``=HYPERLINK(...)`` or ``@SUM(...)`` must not become a live formula
    when the CSV is opened (OWASP's CSV-injection advice). Numbers are left alone.

    >>> spreadsheet_safe("=1+1"), spreadsheet_safe("peace"), spreadsheet_safe(-1)
    ("'=1+1", 'peace', -1)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell
