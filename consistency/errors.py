"""The library's exceptions.

Every problem with what a user gave us (a file, a watchlist, an option) is a
:class:`ConsistencyError` that knows the file and, where there is one, the line.
The CLI prints ``str(error)`` as one line and exits with code 2; nothing here
imports click.
"""

from __future__ import annotations

from .printable import escape_controls


class ConsistencyError(Exception):
    """Base class: a problem a user can fix, reported as ``PATH[:LINE]: message``.

    ``str()`` is always one printable line: control characters in a path or a
    quoted value (a newline in a manifest cell) are escaped.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return escape_controls(f"{where}{self.message}")


class InputError(ConsistencyError):
    """A briefing that cannot be read: missing, unreadable, binary, undated, malformed."""


class ManifestError(InputError):
    """A manifest that cannot be read in full: the briefings it would date may be undated."""


class WatchlistError(ConsistencyError):
    """A talking-point file that is not valid TOML or breaks the watchlist rules."""


class ConfigError(ConsistencyError):
    """A configuration file (``consistency.toml``, ``pyproject.toml``) that is invalid."""


class IndexFileError(ConsistencyError):
    """A SQLite index that is missing, of another schema version, or not an index."""


class OptionError(ConsistencyError):
    """An option value that cannot be used (bad date, --date with several documents...)."""


class InputErrors(ConsistencyError):
    """Several problems found in one run, kept together so each can be reported.

    ``errors`` holds every problem in input order; ``str()`` is one line per
    problem, so a CLI can print them all at once.
    """

    def __init__(self, errors: list[ConsistencyError]):
        super().__init__(f"{len(errors)} problems")
        self.errors = list(errors)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
