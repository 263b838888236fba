"""Configuration files: ``consistency.toml`` or ``[tool.consistency]`` in ``pyproject.toml``.

The nearest such file in the working directory or a parent sets defaults for
command-line options, by their long names (``points``, ``fail-on``...). A table
named after a command (``[check]``, or ``[tool.consistency.check]``) overrides
them for that command. Relative paths are resolved against the file's folder.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ConfigError

PATH_KEYS = frozenset({"points", "against", "manifest", "output", "db", "stop_phrases"})
"""Options whose values are paths, resolved relative to the configuration file."""


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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "consistency" in data["tool"]


def load_config(path: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Read a configuration file: (global defaults, per-command overrides).

    Keys are returned with underscores (``fail-on`` -> ``fail_on``).
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise ConfigError(f"cannot read configuration: {e.strerror or e}", path=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("configuration is not UTF-8", path=str(path)) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"invalid TOML: {e}", path=str(path)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("consistency", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError("[tool.consistency] must be a table", path=str(path))
    base = path.parent
    top: dict[str, Any] = {}
    commands: dict[str, dict[str, Any]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            commands[key] = {_key(k): _resolve(_key(k), v, base) for k, v in value.items()}
        else:
            top[_key(key)] = _resolve(_key(key), value, base)
    return top, commands


def _key(name: str) -> str:
    return name.replace("-", "_")


def _resolve(key: str, value: Any, base: Path) -> Any:
    if key in PATH_KEYS:
        if isinstance(value, str):
            return str(base / value) if value != "-" else value
        if isinstance(value, list):
            return [str(base / v) if isinstance(v, str) else v for v in value]
    return value
