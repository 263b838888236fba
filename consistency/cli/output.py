"""Writing output: standard output, or a file written atomically that is none of the
command's inputs; the format an ``--output`` file's suffix names; and the notes and progress
bars on stderr that ``--quiet`` silences."""

from __future__ import annotations

import io
import os
import select
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click
from click.core import ParameterSource

from ..atomic import write_atomically
from ..errors import OptionError
from ..printable import escape_controls
from .config import CONFIG_FILE

QUIET = "consistency.quiet"
"""Key in ``ctx.meta``: ``-q/--quiet`` was given (no progress, no notes)."""


class OutputClosed(BaseException):
    """Standard output's reader went away. A BaseException: click would turn EPIPE into exit 1."""


def _note(message: str) -> None:
    """A ``consistency: note: ...`` line on stderr, unless ``--quiet``."""
    if not click.get_current_context().meta.get(QUIET):
        click.echo(f"consistency: note: {message}", err=True)


def _to_file(output: str | None) -> bool:
    """Whether ``--output`` names a file (``-`` is standard output)."""
    return bool(output) and output != "-"


def _talking() -> bool:
    """Whether a person watches stderr (a terminal) and did not ask for ``--quiet``: progress
    and confirmations are for them; a script or a CI log gets none."""
    if click.get_current_context().meta.get(QUIET):
        return False
    return sys.stderr is not None and sys.stderr.isatty()


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal and not ``--quiet``; silent otherwise."""
    if not _talking() or total <= 1:
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


FORMAT_NOTE = "consistency.format_note"
"""Where :func:`_format_of_output` leaves its note for :func:`write_output` to give once
the file is written (a run that fails says only its error)."""

FORMAT_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".toml": "toml",
    ".sarif": "sarif",
    ".xml": "junit",
}
"""The format an ``--output`` file's suffix names."""

_PLAIN_SUFFIXES = frozenset({"", ".txt", ".text", ".log", ".out"})
"""Suffixes of a file that plain text suits: no note that its suffix names no format."""


def format_choices(command: click.Command) -> Sequence[str]:
    """The formats ``command``'s ``--format`` offers (none without that option)."""
    return next(
        (
            p.type.choices
            for p in command.params
            if p.name == "fmt" and isinstance(p.type, click.Choice)
        ),
        (),
    )


def _format_of_output(fmt: str, output: str | None) -> str:
    """``fmt``, or the format ``output``'s suffix names when ``--format`` was left at its
    default (not given, nor set in a configuration file) and the command has that format:
    ``report -o report.html`` writes HTML."""
    ctx = click.get_current_context()
    if not _to_file(output) or ctx.get_parameter_source("fmt") is not ParameterSource.DEFAULT:
        return fmt
    suffix = Path(str(output)).suffix.lower()
    wanted = FORMAT_SUFFIXES.get(suffix)
    choices = format_choices(ctx.command)
    if wanted is None:
        if suffix not in _PLAIN_SUFFIXES and choices and not ctx.meta.get(QUIET):
            ctx.meta[FORMAT_NOTE] = (
                f"consistency: note: {suffix} names no output format; wrote {fmt} to "
                f"{escape_controls(str(output))} (see --format)"
            )
        return fmt
    if wanted not in choices:
        if not ctx.meta.get(QUIET):
            name = ctx.info_name or "this command"
            ctx.meta[FORMAT_NOTE] = (
                f"consistency: note: {name} has no {wanted} output; wrote {fmt} to "
                f"{escape_controls(str(output))} (see --format)"
            )
        return fmt
    return wanted


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to stdout (no ``output``, or ``-``), or atomically to ``output``
    (see :mod:`consistency.atomic`: nothing is left behind on an error, Ctrl-C or SIGTERM).

    An ``output`` that is a device, a FIFO or a link to one (``/dev/null``,
    ``/dev/stdout``) is written through, never replaced by a regular file; a
    symbolic link to a file keeps pointing where it did (its target is
    replaced). An ``output`` that is one of the command's inputs is refused.
    A write that fails (disk full) is one error; the old file stays intact.
    """
    if not _to_file(output):
        _write_stdout(text)
        return
    assert output is not None
    _refuse_input_as_output(output)
    try:
        mode = os.stat(output).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as e:
        raise OptionError(f"cannot write output: {e.strerror or e}", path=output) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise OptionError("cannot write output: is a directory", path=output)
    if mode is not None and not stat.S_ISREG(mode):
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        except OSError as e:
            raise OptionError(f"cannot write output: {e.strerror or e}", path=output) from None
    else:
        target = os.path.realpath(output) if os.path.islink(output) else output
        write_atomically(target, text)
    note = click.get_current_context().meta.pop(FORMAT_NOTE, None)
    if note:
        click.echo(note, err=True)
    elif _talking() and (mode is None or stat.S_ISREG(mode)):
        # one line a file (a review: the format note and this one said it twice)
        size = len(text.encode("utf-8"))
        shown = f"{size:,} bytes" if size < 10_000 else f"{round(size / 1024):,} KB"
        click.echo(f"consistency: wrote {escape_controls(output)} ({shown})", err=True)


def _write_stdout(text: str) -> None:
    """``text`` on standard output, all of it; a failed write (``> /dev/full``) is one
    error, exit 2; a reader gone (``| head``) is :class:`OutputClosed` (exit 141).

    Into a pipe or a file, written to the descriptor directly, short writes resumed (a
    terminal, and a captured stream, go through click): Python's own stream
    dropped the rest of a write the pipe took only part of (the first 64 KiB of a
    report reached ``head``, and the run exited 0), and a descriptor left non-blocking
    by the parent (some CI runners) turned a full pipe into a lost tail. On an error
    the descriptor is pointed at /dev/null so that Python's own flush at exit does
    not fail a second time (and change the exit code). Nothing to say is nothing written:
    ``check --format github`` with no findings wrote an empty line (fresh-clone check 148).
    """
    if not text:
        return
    if sys.stdout is None:  # the process started with it closed (``>&-``)
        raise OptionError("cannot write to standard output: it is closed", path="<stdout>")
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        fd = None  # a captured stream (click's test runner): it takes every write whole
    try:
        if fd is None or os.isatty(fd):
            # a terminal takes what it is given, and click knows the Windows console
            click.echo(text, nl=not text.endswith("\n"), color=True)
            sys.stdout.flush()
            return
        sys.stdout.flush()
        line = text if text.endswith("\n") else text + "\n"
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        _write_all(fd, line.encode(encoding, errors="replace"))
    except BrokenPipeError:
        raise OutputClosed() from None
    except OSError as e:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
        raise OptionError(
            f"cannot write to standard output: {e.strerror or e}", path="<stdout>"
        ) from None


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of ``data`` to ``fd``: a short write is resumed where it stopped, and a
    non-blocking descriptor that is full is waited on until it takes more."""
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            select.select([], [fd], [])
            continue
        view = view[written:]


_INPUT_PARAMS = (
    *("paths", "points_file", "against", "manifest", "stop_phrases", "db", "index_file"),
    *("old", "new"),
)
"""Parameters of the commands that name files a command reads."""


def _refuse_input_as_output(output: str) -> None:
    """Refuse ``-o`` onto a file the command reads, or into a folder it reads.

    ``report 2025-10-22.txt -o 2025-10-22.txt`` would replace the briefing with
    its report, ``track fx --points tp.toml -o tp.toml`` the watchlist, ``report fx
    --index a.db -o a.db`` the index, and ``-o consistency.toml`` the configuration
    file the run read (named or found), or the ``manifest.csv`` beside a briefing named
    on the command line, which dates it; a report
    written inside an input folder would be read as a briefing next time.
    """
    from ..ingest import MANIFEST, SUFFIXES  # here: importing ingest loads all its readers

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return
    named: list[str] = []
    for name in _INPUT_PARAMS:
        value = ctx.params.get(name)
        if isinstance(value, str):
            named.append(value)
        elif isinstance(value, list | tuple):
            named.extend(v for v in value if isinstance(v, str))
    config = ctx.find_root().meta.get(CONFIG_FILE)
    if isinstance(config, str):
        named.append(config)
    real = os.path.realpath(output)
    readable = os.path.splitext(real)[1].lower() in SUFFIXES
    for item in named:
        if item == "-":
            continue
        source = os.path.realpath(item)
        if real == source:
            raise OptionError(f"output would overwrite the input {item}", path=output)
        beside = os.path.join(os.path.dirname(source), MANIFEST)
        if real == beside and os.path.isfile(source) and os.path.isfile(beside):
            raise OptionError(f"output would overwrite the manifest that dates {item}", path=output)
        if readable and os.path.isdir(source) and real.startswith(source.rstrip(os.sep) + os.sep):
            raise OptionError(
                f"output inside the input folder {item} would be read as a briefing; "
                "write it elsewhere",
                path=output,
            )
