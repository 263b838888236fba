"""Manifests: a CSV with columns ``path,date`` that dates briefings from outside.

Paths are relative to the manifest's directory. Every problem names the
manifest and its line: a missing column, an empty path, a bad date, a path
listed twice with different dates, or a path that does not exist.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass

from ..errors import ConsistencyError, InputError, ManifestError
from .dates import parse_iso
from .encoding import decode
from .files import read_bytes
from .rows import MANIFEST_FIELD_LIMIT, csv_field_limit


@dataclass(frozen=True, slots=True)
class Entry:
    """One manifest row: the date it gives, and where it was written (for errors)."""

    date: dt.date
    manifest: str
    line: int


def read_manifest(path: str, errors: list[ConsistencyError]) -> dict[str, Entry]:
    """Entries of the manifest at ``path``, keyed by the real path of each listed file.

    Problems are appended to ``errors``; rows with problems are left out.
    """
    try:
        data = read_bytes(path)
    except InputError as exc:
        errors.append(ManifestError(exc.message, path=exc.path, line=exc.line))
        return {}
    except FileNotFoundError:
        errors.append(ManifestError("manifest not found", path=path))
        return {}
    except OSError as exc:
        errors.append(ManifestError(f"cannot read manifest: {exc.strerror}", path=path))
        return {}
    try:
        text = decode(data, path=path)
    except InputError as exc:
        errors.append(ManifestError(exc.message, path=exc.path, line=exc.line))
        return {}
    return parse_manifest(text, path, errors)


def parse_manifest(text: str, path: str, errors: list[ConsistencyError]) -> dict[str, Entry]:
    """Entries of a manifest given as text (see :func:`read_manifest`)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    base = os.path.dirname(os.path.abspath(path))
    header: list[str] | None = None
    entries: dict[str, Entry] = {}
    line = 1
    rows = iter(reader)
    while True:
        try:
            with csv_field_limit(MANIFEST_FIELD_LIMIT):
                row = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:  # e.g. a cell past the csv module's 128 KiB field limit
            errors.append(ManifestError(f"malformed CSV: {exc}", path=path, line=line))
            return entries
        row_line, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().casefold() for cell in row]
            missing = [c for c in ("path", "date") if c not in header]
            if missing:
                errors.append(
                    ManifestError(
                        f"manifest needs a header row with columns path,date (missing: "
                        f"{', '.join(missing)})",
                        path=path,
                        line=row_line,
                    )
                )
                return {}
            continue
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        listed = cells.get("path", "")
        raw_date = cells.get("date", "")
        if not listed:
            errors.append(ManifestError("empty path", path=path, line=row_line))
            continue
        date = parse_iso(raw_date)
        if date is None:
            errors.append(
                ManifestError(
                    f"bad date {raw_date!r} for {listed} (expected YYYY-MM-DD)",
                    path=path,
                    line=row_line,
                )
            )
            continue
        target = os.path.join(base, listed)
        if not os.path.isfile(target):
            errors.append(ManifestError(f"no such file: {listed}", path=path, line=row_line))
            continue
        key = os.path.realpath(target)
        earlier = entries.get(key)
        if earlier is not None and earlier.date != date:
            errors.append(
                ManifestError(
                    f"{listed} listed twice with different dates (also line {earlier.line})",
                    path=path,
                    line=row_line,
                )
            )
            continue
        entries.setdefault(key, Entry(date, path, row_line))
    if header is None:
        errors.append(ManifestError("empty manifest (expected a header row path,date)", path=path))
    return entries
