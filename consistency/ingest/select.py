"""Which files of an input folder are briefings: extensions, project files, --include/--exclude.

An archive folder often holds more than briefings: a README, a LICENSE, a
CHANGELOG, a ``.tsv`` index of the files. Those are not read; they are listed
in one note instead, so that nothing is dropped silently. ``--include GLOB``
and ``--exclude GLOB`` decide where the defaults are wrong.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

PROJECT_FILES = re.compile(
    r"(readme|licen[cs]e|copying|notice|changelog|changes|history|contributing|"
    r"code[_-]of[_-]conduct|security|authors|contributors|maintainers|codeowners|todo)"
    r"(\.[^.]+)*",
    re.IGNORECASE,
)
"""Names of the files a software or data project keeps beside its content, with any
extensions (``README.md``, ``LICENSE.txt``); ``security-council.txt`` is not one."""

NOTE_NAMES = 10
"""How many skipped files a note names before saying "and N more"."""


@dataclass(frozen=True)
class FileSelection:
    """``--include``/``--exclude`` globs for the files found in input folders.

    ``include`` adds files to those read by default (briefing extensions, less
    project files); ``exclude`` removes files and folders, and wins. Each glob
    is matched against the path relative to the input folder (with ``/``) and
    against the file name; ``*`` also matches ``/``. A folder that an exclude
    glob matches is not entered. Files named on the command line are always read.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def excluded(self, relative: str) -> bool:
        """Whether ``relative`` (a file or folder below an input folder) is excluded."""
        return _matches(self.exclude, relative)

    def decide(self, relative: str, known_type: bool) -> bool:
        """Whether a file is read as a briefing: not excluded, and either included or of a
        briefing type and not a project file (README, LICENSE...)."""
        if self.excluded(relative):
            return False
        if _matches(self.include, relative):
            return True
        return known_type and not is_project_file(relative.rsplit("/", 1)[-1])

    def names_folder(self, relative: str) -> bool:
        """Whether an include glob starts with the path of folder ``relative``: a hidden
        folder (``.pending``) is walked only when a glob names it (``.pending/*``); ``*``
        alone does not walk into ``.git``."""
        return any(g == relative or g.startswith(relative + "/") for g in self.include)


def is_project_file(name: str) -> bool:
    """Whether ``name`` is a README, LICENSE, CHANGELOG... (see :data:`PROJECT_FILES`).

    >>> [is_project_file(n) for n in ("README.md", "license.txt", "security-council.txt")]
    [True, True, False]
    """
    return PROJECT_FILES.fullmatch(name) is not None


def _matches(globs: Sequence[str], relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(relative, g) or fnmatch.fnmatchcase(name, g) for g in globs)


def listed(names: Sequence[str]) -> str:
    """The first :data:`NOTE_NAMES` of ``names`` for a note, and how many more there are.

    >>> listed(["a", "b"]), listed([str(k) for k in range(12)])[-15:]
    ('a, b', '8, 9 and 2 more')
    """
    out = ", ".join(names[:NOTE_NAMES])
    if len(names) > NOTE_NAMES:
        out += f" and {len(names) - NOTE_NAMES} more"
    return out


def skipped_note(skipped: Sequence[str]) -> str:
    """One line naming the files of input folders that were not read (hidden ones said so).

    >>> skipped_note(["a/README.md", "a/files.tsv"])
    'skipped 2 files that are not briefings: a/README.md, a/files.tsv (--include GLOB reads them)'
    >>> skipped_note(["a/.draft.txt"])
    'skipped 1 file that is not a briefing: a/.draft.txt (hidden) (--include GLOB reads them)'
    """
    names = listed(
        [f"{path} (hidden)" if os.path.basename(path).startswith(".") else path for path in skipped]
    )
    what = "file that is not a briefing" if len(skipped) == 1 else "files that are not briefings"
    return f"skipped {len(skipped)} {what}: {names} (--include GLOB reads them)"
