"""The ``consistency`` command line: parses options, calls the library, writes output.

Errors from the library (:class:`~consistency.errors.ConsistencyError`) and
usage errors become one line each on stderr and exit code 2; ``check`` exits 1
when it finds what ``--fail-on`` names.

The package: :mod:`~consistency.cli.app` holds the command group, its global options,
exit codes and errors, and :func:`main`; :mod:`~consistency.cli.commands` the commands;
:mod:`~consistency.cli.options` the options they share; :mod:`~consistency.cli.pipeline`
the library's stages as the commands run them; :mod:`~consistency.cli.output` writing
output; :mod:`~consistency.cli.config` defaults from a configuration file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .app import Terminated, main
from .output import write_output

if TYPE_CHECKING:
    from .app import cli


def __getattr__(name: str) -> object:
    """``cli``, the group with its commands registered (:func:`main` registers them only
    when a command is looked up, so that ``consistency --version`` loads none of them)."""
    if name != "cli":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import commands as commands  # registers the commands on the group
    from .app import cli

    globals()["cli"] = cli
    return cli


__all__ = ["Terminated", "cli", "main", "write_output"]
