"""Option defaults from a configuration file (``consistency.toml``, or ``--config FILE``):
each command's ``default_map``, and errors in a value from the file that name the file and key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ..config import find_config, load_config
from ..errors import ConfigError, ConsistencyError, OptionError

T = TypeVar("T")


CONFIG_FILE = "consistency.config"
"""Key in ``ctx.meta`` of the configuration file read, if any."""


def _option_names(command: click.Command) -> dict[str, str]:
    """Long option names (underscored) -> parameter names, e.g. ``format`` -> ``fmt``."""
    names: dict[str, str] = {}
    for param in command.params:
        if isinstance(param, click.Option) and param.name:
            for opt in param.opts:
                if opt.startswith("--"):
                    names[opt[2:].replace("-", "_")] = param.name
    return names


def _config_defaults(ctx: click.Context, config: str | None, no_config: bool) -> None:
    if no_config:
        return
    path = Path(config) if config else find_config()
    if path is None:
        return
    top, per_command = load_config(path)
    ctx.meta[CONFIG_FILE] = str(path)
    group = ctx.command
    assert isinstance(group, click.Group)
    default_map: dict[str, dict[str, Any]] = {}
    known: set[str] = set()
    for name, command in group.commands.items():
        by_option = _option_names(command)
        known |= set(by_option)
        values = {by_option[k]: v for k, v in top.items() if k in by_option}
        for k, v in per_command.get(name, {}).items():
            if k not in by_option:
                raise OptionError(
                    f"unknown option {k.replace('_', '-')!r} for '{name}' in configuration",
                    path=str(path),
                )
            values[by_option[k]] = v
        default_map[name] = _as_lists(command, values)
    unknown = sorted(k for k in top if k not in known)
    if unknown:
        raise OptionError(
            f"unknown option {unknown[0].replace('_', '-')!r} in configuration", path=str(path)
        )
    tables = sorted(k for k in per_command if k not in group.commands)
    if tables:
        # a misspelt [chek] would leave every setting under it unread
        raise OptionError(
            f"unknown command table [{tables[0]}] in configuration "
            f"(commands: {', '.join(sorted(group.commands))})",
            path=str(path),
        )
    ctx.default_map = default_map


def _as_lists(command: click.Command, values: dict[str, Any]) -> dict[str, Any]:
    """A single string for a repeatable option (``fail-on = "shifted"``) is a list of one."""
    multiple = {p.name for p in command.params if isinstance(p, click.Option) and p.multiple}
    return {k: [v] if k in multiple and isinstance(v, str) else v for k, v in values.items()}


def _from_config(name: str, parse: Callable[[], T]) -> T:
    """``parse()``; an error in a value that came from the configuration names its file and key."""
    try:
        return parse()
    except ConsistencyError as e:
        ctx = click.get_current_context()
        if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT_MAP:
            raise
        path = ctx.find_root().meta.get(CONFIG_FILE)
        key = name.replace("_", "-")
        raise ConfigError(f"'{key}': {e.message}", path=path) from None
