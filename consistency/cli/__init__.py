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

from .app import (
    COMMAND_FLAGS,
    GLOBAL_FLAGS,
    ConsistencyGroup,
    Terminated,
    cli,
    hoist_global_options,
    internal_error,
    main,
)
from .commands import (
    check_command,
    diff_command,
    discover_command,
    index_command,
    ingest,
    report_command,
    track_command,
)
from .config import CONFIG_FILE
from .options import (
    DEFAULT_CHECK_TOP,
    DEFAULT_DISCOVER_TOP,
    DEFAULT_REPORT_TOP,
    Percent,
    color_option,
    discover_options,
    index_option,
    input_options,
    jobs_option,
    manifest_option,
    output_option,
    selection_options,
    similarity_option,
    speaker_options,
    threshold_option,
)
from .output import FORMAT_NOTE, FORMAT_SUFFIXES, QUIET, OutputClosed, write_output

__all__ = [
    "COMMAND_FLAGS",
    "CONFIG_FILE",
    "DEFAULT_CHECK_TOP",
    "DEFAULT_DISCOVER_TOP",
    "DEFAULT_REPORT_TOP",
    "FORMAT_NOTE",
    "FORMAT_SUFFIXES",
    "GLOBAL_FLAGS",
    "QUIET",
    "ConsistencyGroup",
    "OutputClosed",
    "Percent",
    "Terminated",
    "check_command",
    "cli",
    "color_option",
    "diff_command",
    "discover_command",
    "discover_options",
    "hoist_global_options",
    "index_command",
    "index_option",
    "ingest",
    "input_options",
    "internal_error",
    "jobs_option",
    "main",
    "manifest_option",
    "output_option",
    "report_command",
    "selection_options",
    "similarity_option",
    "speaker_options",
    "threshold_option",
    "track_command",
    "write_output",
]
