"""Talking-point files (watchlists): TOML ``[[point]]`` tables -> :class:`Point`.

tomllib gives no line numbers, so errors about a point name the line of its
``[[point]]`` header, found by scanning the raw text.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from .config import loads_toml
from .errors import WatchlistError
from .models import Level, Point
from .normalise import tokenise
from .printable import clean_text, escape_controls

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*point[ \t]*\]\]", re.MULTILINE)
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_KEYS = {"id", "text", "aliases", "tags", "threshold", "level"}


DEFAULT_LEVEL = Level.ERROR
"""The level of a watchlist point that sets none: its findings fail ``check`` (as in Vale)."""


def load_watchlist(path: str | Path, *, level: Level = DEFAULT_LEVEL) -> list[Point]:
    """Read and validate a watchlist file; ``level`` is for points that set none."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise WatchlistError(f"cannot read watchlist: {e.strerror or e}", path=name) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise WatchlistError("watchlist is not UTF-8", path=name, line=line) from None
    return parse_watchlist(text, path=name, level=level)


def parse_watchlist(
    text: str, *, path: str = "<watchlist>", level: Level = DEFAULT_LEVEL
) -> list[Point]:
    """Validate watchlist TOML text; errors name ``path`` and the line."""
    try:
        data = loads_toml(text)
    except tomllib.TOMLDecodeError as e:
        msg = str(e)
        m = _TOML_LINE.search(msg)
        line = int(m.group(1)) if m else None
        msg = _TOML_LINE.sub("", msg).strip()
        raise WatchlistError(f"invalid TOML: {msg}", path=path, line=line) from None
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
    seen: dict[str, int | None] = {}
    for k, table in enumerate(tables):
        line = header_lines[k] if k < len(header_lines) else None
        point = _point(table, path=path, line=line, level=level)
        if point.id in seen:
            first = seen[point.id]
            raise WatchlistError(
                f"duplicate point id {point.id!r} (first defined at line {first})",
                path=path,
                line=line,
            )
        seen[point.id] = line
        points.append(point)
    return points


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^[ \t]*\[?[ \t]*{re.escape(key)}\b", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _point(table: dict[str, Any], *, path: str, line: int | None, level: Level) -> Point:
    def fail(msg: str) -> WatchlistError:
        return WatchlistError(msg, path=path, line=line)

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        allowed = ", ".join(sorted(_KEYS))
        raise fail(f"unknown key {unknown[0]!r} in [[point]] (allowed: {allowed})")
    pid = table.get("id")
    if not isinstance(pid, str) or not pid:
        raise fail("[[point]] needs an 'id' (a string of a-z, 0-9 and dashes)")
    if not _ID.fullmatch(pid):
        raise fail(f"invalid point id {pid!r}: use lowercase a-z, 0-9 and single dashes")
    text = table.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail(f"point {pid!r} has an empty or missing 'text'")
    if not tokenise(text):
        raise fail(f"point {pid!r}: 'text' has no words")
    aliases = _strings(table.get("aliases", []), "aliases", pid, fail)
    tags_raw = table.get("tags", [])
    for key, value in (("text", text), *(("aliases", a) for a in aliases)):
        if clean_text(value) != value:
            raise fail(
                f"point {pid!r}: {key!r} holds a control or bidi character "
                f"(\"{escape_controls(value)}\")"
            )
    if isinstance(tags_raw, list) and any(
        isinstance(t, str) and escape_controls(t) != t for t in tags_raw
    ):
        raise fail(f"point {pid!r}: 'tags' hold a control character")
    for alias in aliases:
        if not tokenise(alias):
            raise fail(f"point {pid!r}: alias {alias!r} has no words")
    tags = _strings(table.get("tags", []), "tags", pid, fail)
    threshold = table.get("threshold")
    if threshold is not None:
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise fail(f"point {pid!r}: 'threshold' must be a number from 0 to 100")
        if not 0 <= threshold <= 100:
            raise fail(f"point {pid!r}: 'threshold' {threshold} is outside 0-100")
        threshold = float(threshold)
    level_raw = table.get("level", level.value)
    try:
        level = Level(level_raw)
    except ValueError:
        raise fail(
            f"point {pid!r}: 'level' must be error, warning or notice, not {level_raw!r}"
        ) from None
    return Point(
        id=pid,
        text=text.strip(),
        aliases=tuple(a.strip() for a in aliases),
        tags=tuple(tags),
        threshold=threshold,
        level=level,
        line=line,
    )


def _strings(value: Any, key: str, pid: str, fail: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"point {pid!r}: {key!r} must be a list of non-empty strings")
    return list(value)
