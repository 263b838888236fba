"""Configuration files: ``consistency.toml`` or ``[tool.consistency]`` in ``pyproject.toml``.

The nearest such file in the working directory or a parent sets defaults for
command-line options, by their long names (``points``, ``fail-on``...). A table
named after a command (``[check]``, or ``[tool.consistency.check]``) overrides
them for that command. Relative paths are resolved against the file's folder.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError

PATH_KEYS = frozenset({"points", "against", "manifest", "output", "db", "index", "stop_phrases"})
"""Options whose values are paths, resolved relative to the configuration file."""

_PERCENT_KEYS = frozenset({"threshold", "similarity", "near"})
_COUNT_KEYS = frozenset({"top", "min_dates"})
_FLAG_KEYS = frozenset(
    {"include_questions", "color", "prune", "rebuild", "keep_going", "all_shifts", "strict"}
)
_DATE_KEYS = frozenset({"date", "since", "until"})
_STRING_LIST_KEYS = frozenset({"fail_on", "warn_on", "speaker"})
_STRING_KEYS = frozenset({"format"})


def loads_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, with nesting too deep for the parser as a ``TOMLDecodeError``.

    tomllib recurses once per level of ``[[[...`` or ``{a={a=...``; a hostile file
    would otherwise end in a RecursionError traceback.
    """
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply") from None


_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")


def toml_error(error: tomllib.TOMLDecodeError) -> tuple[str, int | None]:
    """tomllib's message without its "(at line L, column C)", and the line: errors
    name ``FILE:LINE`` like every other error of the tool."""
    message = str(error)
    found = _TOML_LINE.search(message)
    return _TOML_LINE.sub("", message).strip(), int(found.group(1)) if found else None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``consistency.toml`` or ``pyproject.toml`` with ``[tool.consistency]``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "consistency.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml holds ``[tool.consistency]``; one that cannot be parsed
    but names the table is the user's configuration too, so that its error is shown
    (:func:`load_config`) rather than the settings dropped without a word."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = loads_toml(text)
    except tomllib.TOMLDecodeError:
        return _TOOL_TABLE.search(text) is not None
    return isinstance(data.get("tool"), dict) and "consistency" in data["tool"]


_TOOL_TABLE = re.compile(r"^\s*\[+\s*tool\s*\.\s*consistency\b", re.MULTILINE)


def load_config(path: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Read a configuration file: (global defaults, per-command overrides).

    Keys are returned with underscores (``fail-on`` -> ``fail_on``).
    """
    from .ingest.files import read_bytes  # here: importing ingest loads all its readers

    try:
        data = loads_toml(read_bytes(str(path), pipes=True).decode("utf-8-sig"))
    except InputError as e:
        raise ConfigError(e.message, path=str(path)) from None
    except OSError as e:
        raise ConfigError(f"cannot read configuration: {e.strerror or e}", path=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("configuration is not UTF-8", path=str(path)) from None
    except tomllib.TOMLDecodeError as e:
        message, line = toml_error(e)
        raise ConfigError(f"invalid TOML: {message}", path=str(path), line=line) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("consistency", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError("[tool.consistency] must be a table", path=str(path))
    base = path.parent
    top: dict[str, Any] = {}
    commands: dict[str, dict[str, Any]] = {}
    where = str(path)
    for key, value in data.items():
        if isinstance(value, dict):
            commands[key] = {
                _key(k): _resolve(_key(k), _checked(f"{key}.{k}", _key(k), v, where), base)
                for k, v in value.items()
            }
        else:
            top[_key(key)] = _resolve(_key(key), _checked(key, _key(key), value, where), base)
    return top, commands


def _checked(name: str, key: str, value: Any, path: str) -> Any:
    """``value`` if it has the type option ``key`` takes, else a :class:`ConfigError`.

    Options this module does not know are only held to scalars (or lists of
    them) with finite numbers; click checks the rest.
    """
    problem = _type_problem(key, value)
    if problem is not None:
        raise ConfigError(f"{name!r} {problem}", path=path)
    return value


def _type_problem(key: str, value: Any) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, not {value}"
    if key in PATH_KEYS:
        return None if isinstance(value, str) and value else "must be a path (a string)"
    if key in _PERCENT_KEYS:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "must be a number from 0 to 100"
        return None if 0 <= value <= 100 else f"{value} is outside 0-100"
    if key in _COUNT_KEYS:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        return None if value >= 1 else f"must be at least 1, not {value}"
    if key == "jobs":
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        return None if value >= 0 else f"must be 0 or more, not {value}"
    if key in _FLAG_KEYS:
        return None if isinstance(value, bool) else "must be true or false"
    if key in _DATE_KEYS:
        ok = isinstance(value, str) or (
            isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        )
        return None if ok else "must be a date (YYYY-MM-DD)"
    if key in _STRING_KEYS:
        return None if isinstance(value, str) else "must be a string"
    if key in _STRING_LIST_KEYS:
        if isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            return None
        return "must be a string or a list of strings"
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, float) and not math.isfinite(item):
            return f"must be a finite number, not {item}"
        if isinstance(item, list | dict):
            return "must be a value or a list of values"
    return None


def _key(name: str) -> str:
    return name.replace("-", "_")


def _resolve(key: str, value: Any, base: Path) -> Any:
    """A path option's value taken relative to the configuration file's folder, ``..``
    folded away: a summary names ``/ci/fixtures/briefings``, not ``/ci/cfg/../fixtures/
    briefings`` (a fresh-clone review)."""
    if key in PATH_KEYS:
        if isinstance(value, str):
            return os.path.normpath(base / value) if value != "-" else value
        if isinstance(value, list):
            return [os.path.normpath(base / v) if isinstance(v, str) else v for v in value]
    return value
