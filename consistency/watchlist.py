"""Talking-point files (watchlists): TOML ``[[point]]`` tables -> :class:`Point`.

tomllib gives no line numbers, so errors about a point name the line of the key
at fault within its ``[[point]]`` table (else the table's header line), found by
scanning the raw text. Every problem of the file is reported, one line each.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .config import loads_toml, toml_error
from .errors import ConsistencyError, InputError, InputErrors, WatchlistError
from .ingest.files import read_bytes
from .models import Level, Point
from .normalise import tokenise
from .printable import clean_text, escape_controls

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*point[ \t]*\]\]", re.MULTILINE)
_KEYS = {"id", "text", "aliases", "tags", "threshold", "level"}


DEFAULT_LEVEL = Level.ERROR
"""The level of a watchlist point that sets none: its findings fail ``check`` (as in Vale)."""


def load_watchlist(path: str | Path, *, level: Level = DEFAULT_LEVEL) -> list[Point]:
    """Read and validate a watchlist file; ``level`` is for points that set none."""
    name = str(path)
    try:
        raw = read_bytes(name, pipes=True)
    except InputError as e:
        raise WatchlistError(e.message, path=name) from None
    except OSError as e:
        raise WatchlistError(f"cannot read watchlist: {e.strerror or e}", path=name) from None
    if b"\x00" in raw[:16] and _is_sqlite(name):
        # review 82: an index given to report --points read "base.db:1: watchlist is not UTF-8"
        raise WatchlistError(
            "an SQLite database, not a TOML watchlist (an index made by 'consistency index' "
            "is read by --index, by check --against and by diff --points)",
            path=name,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise WatchlistError("watchlist is not UTF-8", path=name, line=line) from None
    return parse_watchlist(text, path=name, level=level)


def _is_sqlite(path: str) -> bool:
    """Whether ``path`` is an SQLite database (asked only of a file with a NUL byte in its
    first line, which no watchlist has: the index package loads on demand)."""
    from .index import is_sqlite_file

    return is_sqlite_file(path)


def parse_watchlist(
    text: str, *, path: str = "<watchlist>", level: Level = DEFAULT_LEVEL
) -> list[Point]:
    """Validate watchlist TOML text; errors name ``path`` and the line."""
    try:
        data = loads_toml(text)
    except tomllib.TOMLDecodeError as e:
        message, line = toml_error(e)
        raise WatchlistError(f"invalid TOML: {message}", path=path, line=line) from None
    header_lines = [text.count("\n", 0, m.start()) + 1 for m in _HEADER.finditer(text)]
    extra = sorted(set(data) - {"point"})
    if extra:
        line = _key_line(text, extra[0])
        raise WatchlistError(
            f"unknown top-level key {extra[0]!r} (expected [[point]] tables)", path=path, line=line
        )
    tables = data.get("point", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise WatchlistError("'point' must be an array of tables ([[point]])", path=path)
    if not tables:
        raise WatchlistError("no [[point]] tables: the watchlist is empty", path=path)
    points: list[Point] = []
    problems: list[ConsistencyError] = []
    seen: dict[str, int | None] = {}
    lines = text.count("\n") + 2
    for k, table in enumerate(tables):
        line = header_lines[k] if k < len(header_lines) else None
        end = header_lines[k + 1] if k + 1 < len(header_lines) else lines
        where = _Lines(text, line, end)
        try:
            point = _point(table, path=path, where=where, level=level)
        except InputErrors as e:
            # a table's problems in the order of their lines, as a reader goes down the file
            problems.extend(sorted(e.errors, key=lambda p: p.line or 0))
            continue
        if point.id in seen:
            first = seen[point.id]
            problems.append(
                WatchlistError(
                    f"duplicate point id {point.id!r} (first defined at line {first})",
                    path=path,
                    line=where.of("id"),
                )
            )
            continue
        seen[point.id] = where.of("id")
        points.append(point)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputErrors(problems)
    return points


class _Lines:
    """Finds the line of a key inside one ``[[point]]`` table of the raw text."""

    def __init__(self, text: str, header: int | None, end: int) -> None:
        self.text = text
        self.header = header
        self.end = end

    def of(self, key: str | None) -> int | None:
        """The line of ``key`` in the table, else the table's header line."""
        if key is None or self.header is None:
            return self.header
        pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=")
        for number, raw in enumerate(self.text.split("\n")[self.header : self.end - 1]):
            if pattern.match(raw):
                return self.header + 1 + number
        return self.header


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^[ \t]*\[?[ \t]*{re.escape(key)}\b", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _point(table: dict[str, Any], *, path: str, where: _Lines, level: Level) -> Point:
    """The point of one table, or :class:`InputErrors` with each of its problems."""
    problems: list[ConsistencyError] = []

    def fail(msg: str, key: str | None = None) -> WatchlistError:
        error = WatchlistError(msg, path=path, line=where.of(key))
        problems.append(error)
        return error

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        allowed = ", ".join(sorted(_KEYS))
        fail(f"unknown key {unknown[0]!r} in [[point]] (allowed: {allowed})", unknown[0])
    pid = table.get("id")
    if not isinstance(pid, str) or not pid:
        fail("[[point]] needs an 'id' (a string of a-z, 0-9 and dashes)", "id")
        pid = "?"
    elif not _ID.fullmatch(pid):
        fail(f"invalid point id {pid!r}: use lowercase a-z, 0-9 and single dashes", "id")
    text = table.get("text")
    if not isinstance(text, str) or not text.strip():
        fail(f"point {pid!r} has an empty or missing 'text'", "text")
        text = ""
    elif not tokenise(text):
        fail(f"point {pid!r}: 'text' has no words", "text")
    elif clean_text(text) != text:
        fail(
            f"point {pid!r}: 'text' holds a control or bidi character "
            f'("{escape_controls(text)}")',
            "text",
        )
    aliases = _strings(table.get("aliases", []), "aliases", pid, fail)
    for alias in aliases:
        if clean_text(alias) != alias:
            fail(
                f"point {pid!r}: 'aliases' holds a control or bidi character "
                f'("{escape_controls(alias)}")',
                "aliases",
            )
        elif not tokenise(alias):
            fail(f"point {pid!r}: alias {alias!r} has no words", "aliases")
    tags_raw = table.get("tags", [])
    if isinstance(tags_raw, list) and any(
        isinstance(t, str) and escape_controls(t) != t for t in tags_raw
    ):
        fail(f"point {pid!r}: 'tags' hold a control character", "tags")
    tags = _strings(tags_raw, "tags", pid, fail)
    threshold = table.get("threshold")
    if threshold is not None:
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            fail(f"point {pid!r}: 'threshold' must be a number from 0 to 100", "threshold")
            threshold = None
        elif not 0 <= threshold <= 100:
            fail(f"point {pid!r}: 'threshold' {threshold} is outside 0-100", "threshold")
            threshold = None
        else:
            threshold = float(threshold)
    level_raw = table.get("level", level.value)
    try:
        level = Level(level_raw)
    except ValueError:
        fail(f"point {pid!r}: 'level' must be error, warning or notice, not {level_raw!r}", "level")
    if problems:
        raise InputErrors(problems)
    return Point(
        id=pid,
        text=text.strip(),
        aliases=tuple(a.strip() for a in aliases),
        tags=tuple(tags),
        threshold=threshold,
        level=level,
        line=where.header,
    )


def _strings(value: Any, key: str, pid: str, fail: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        fail(f"point {pid!r}: {key!r} must be a list of non-empty strings", key)
        return []
    return list(value)
