"""Briefings stored as rows: ``.jsonl`` (one JSON object a line) and ``.csv`` (with a header).

Each row needs ``text`` and ``date`` (``YYYY-MM-DD``); ``id``, ``title`` and
``source`` are optional, other fields are ignored. Every problem names the
file and the line the row starts on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..errors import ConsistencyError, InputError

_FIELDS = ("id", "date", "text", "title", "source")


@dataclass(frozen=True, slots=True)
class Row:
    """One briefing row.

    number: 1-based position among the file's rows (``FILE#ROW``).
    line: the line it starts on.
    date: the raw ``date`` value ('' when absent).
    """

    number: int
    line: int
    id: str | None
    date: str
    text: str
    title: str | None
    source: str | None


BRIEFING_FIELD_LIMIT = 2**31 - 1
"""Briefing texts are longer than the csv module's default 128 KiB field limit."""

MANIFEST_FIELD_LIMIT = 128 * 1024
"""A manifest cell is a path or a date: the csv module's default limit refuses a longer one."""


def _limited(reader: Iterator[list[str]], limit: int) -> Iterator[list[str]]:
    """``reader``'s rows, each read under the field limit ``limit``."""
    while True:
        with csv_field_limit(limit):
            cells = next(reader, None)
        if cells is None:
            return
        yield cells


@contextmanager
def csv_field_limit(limit: int) -> Iterator[None]:
    """The csv module's field limit set to ``limit`` while reading, then put back: it is
    process-wide, and a briefing CSV read first must not lift a manifest's."""
    before = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _row(
    fields: dict[str, object], number: int, line: int, path: str, errors: list[ConsistencyError]
) -> Row | None:
    values: dict[str, str | None] = {}
    for name in _FIELDS:
        value = fields.get(name)
        if value is None:
            values[name] = None
        elif isinstance(value, bool) or not isinstance(value, str | int | float):
            errors.append(InputError(f"field {name!r} must be a string", path=path, line=line))
            return None
        else:
            values[name] = str(value)
    text = values["text"]
    if text is None:
        errors.append(InputError("missing field 'text'", path=path, line=line))
        return None
    if not text.strip():
        errors.append(InputError("empty text", path=path, line=line))
        return None
    ident = (values["id"] or "").strip() or None
    title = (values["title"] or "").strip() or None
    source = (values["source"] or "").strip() or None
    return Row(number, line, ident, (values["date"] or "").strip(), text, title, source)


def parse_jsonl(text: str, path: str, errors: list[ConsistencyError]) -> list[Row]:
    """The rows of a ``.jsonl`` text; blank lines are skipped."""
    rows: list[Row] = []
    number = 0
    for index, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        number += 1
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            errors.append(InputError(f"invalid JSON: {exc.msg}", path=path, line=index))
            continue
        except ValueError:  # an integer past Python's digit limit
            errors.append(InputError("invalid JSON: number too long", path=path, line=index))
            continue
        except RecursionError:
            errors.append(InputError("invalid JSON: nested too deeply", path=path, line=index))
            continue
        if not isinstance(value, dict):
            errors.append(InputError("expected a JSON object", path=path, line=index))
            continue
        row = _row(value, number, index, path, errors)
        if row is not None:
            rows.append(row)
    return rows


def parse_csv(text: str, path: str, errors: list[ConsistencyError]) -> list[Row]:
    """The rows of a ``.csv`` text with a header row naming at least ``date`` and ``text``."""
    # strict: a quote left open is an error, not a field that swallows the rows after it
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[Row] = []
    line = 1
    number = 0
    try:
        for cells in _limited(reader, BRIEFING_FIELD_LIMIT):
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [cell.strip().casefold() for cell in cells]
                missing = [c for c in ("date", "text") if c not in header]
                if missing:
                    errors.append(
                        InputError(
                            f"missing column {', '.join(repr(c) for c in missing)} "
                            "(a briefing CSV needs columns date,text)",
                            path=path,
                            line=start,
                        )
                    )
                    return []
                twice = sorted({c for c in header if c and header.count(c) > 1})
                if twice:
                    errors.append(
                        InputError(
                            f"column {twice[0]!r} named twice in the header", path=path, line=start
                        )
                    )
                    return []
                continue
            number += 1
            if len(cells) != len(header):
                errors.append(
                    InputError(
                        f"expected {len(header)} fields, found {len(cells)}",
                        path=path,
                        line=start,
                    )
                )
                continue
            row = _row(dict(zip(header, cells, strict=True)), number, start, path, errors)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        errors.append(InputError(f"malformed CSV: {exc}", path=path, line=line))
    return rows
