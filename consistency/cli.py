"""The ``consistency`` command line: parses options, calls the library, writes output.

Errors from the library (:class:`~consistency.errors.ConsistencyError`) and
usage errors become one line each on stderr and exit code 2; ``check`` exits 1
when it finds what ``--fail-on`` names.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import partial, wraps
from pathlib import Path
from typing import Any, TypeVar, cast

import click
from click.core import ParameterSource

from ._version import __version__
from .atomic import write_atomically
from .check import DEFAULT_SIMILARITY, FINDING_KINDS, NEAR_MARGIN, Gate, parse_kinds, run_check
from .compare import compare_files
from .config import find_config, load_config
from .context import file_of
from .discover import (
    DEFAULT_STOP_PHRASES,
    PROGRESS_STAGES,
    DiscoveredPoint,
    discover,
    load_stop_phrases,
    render_toml,
)
from .discover import render_json as render_discover_json
from .discover import render_table as render_discover_table
from .errors import ConfigError, ConsistencyError, InputError, InputErrors, OptionError
from .index import update_index
from .ingest import SUFFIXES, FileSelection, load_documents
from .match import DEFAULT_THRESHOLD, SentenceIndex
from .models import Document, Level, Point, TrackResult
from .printable import escape_controls
from .report import render_csv, render_html, render_json, render_markdown, render_report
from .report import render_table as render_track_table
from .report.check import CHECK_FORMATS, render_check
from .report.compare import COMPARE_FORMATS, render_compare
from .report.inventory import render_inventory
from .timeline import analyse
from .track import (
    build_index,
    sort_documents,
    track,
    usable_cpus,
    without_shadowed,
    worth_parallel,
)
from .warm import Archive, compare_in_index, load_archive
from .watchlist import load_watchlist

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

CONFIG_FILE = "consistency.config"
"""Key in ``ctx.meta`` of the configuration file read, if any."""

QUIET = "consistency.quiet"
"""Key in ``ctx.meta``: ``-q/--quiet`` was given (no progress, no notes)."""


GLOBAL_FLAGS = frozenset({"--no-config", "--debug", "-q", "--quiet"})
"""Options of the ``consistency`` group that may also come after the command name."""


class Terminated(BaseException):
    """SIGTERM, raised where the program is, so that ``finally`` blocks clean up."""


class OutputClosed(BaseException):
    """Standard output's reader went away. A BaseException: click would turn EPIPE into exit 1."""


def hoist_global_options(args: Sequence[str]) -> list[str]:
    """Move the group's options given after the command (``check --no-config``) before it.

    ``--config FILE`` moves with its value. Nothing after ``--`` moves.

    >>> hoist_global_options(["check", "a.txt", "--no-config", "-q", "--", "-q"])
    ['--no-config', '-q', 'check', 'a.txt', '--', '-q']
    """
    front: list[str] = []
    rest: list[str] = []
    k = 0
    while k < len(args):
        arg = args[k]
        if arg == "--":
            rest.extend(args[k:])
            break
        if arg in GLOBAL_FLAGS or arg.startswith("--config="):
            front.append(arg)
        elif arg == "--config" and k + 1 < len(args):
            front.extend(args[k : k + 2])
            k += 1
        else:
            rest.append(arg)
        k += 1
    return _lower_color(front + rest)


COMMAND_FLAGS = frozenset({"--color", "--no-color"})
"""Options of the commands that may also come before the command name."""


def _lower_color(args: list[str]) -> list[str]:
    """Move ``--color``/``--no-color`` given before the command name after it.

    >>> _lower_color(["--no-color", "-q", "report", "a/"])
    ['-q', 'report', '--no-color', 'a/']
    """
    front: list[str] = []
    moved: list[str] = []
    k = 0
    while k < len(args) and args[k].startswith("-") and args[k] != "--":
        if args[k] in COMMAND_FLAGS:
            moved.append(args[k])
        else:
            front.append(args[k])
            if args[k] == "--config" and k + 1 < len(args):
                k += 1
                front.append(args[k])
        k += 1
    if not moved or k >= len(args):
        return args
    return [*front, args[k], *moved, *args[k + 1 :]]


class ConsistencyGroup(click.Group):
    """A group whose errors are one ``consistency: error: ...`` line each, exit 2.

    Exit codes: 0 success, 1 ``check`` failed, 2 input, usage or internal
    error, 130 interrupted (Ctrl-C), 141 standard output closed by its reader,
    143 terminated (SIGTERM). An unexpected exception is one line naming the
    file at hand; ``--debug`` adds the traceback.
    """

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        argv = hoist_global_options(sys.argv[1:] if args is None else list(args))
        debug = "--debug" in argv[: argv.index("--")] if "--" in argv else "--debug" in argv
        if not argv:
            click.echo(
                self.get_usage(click.Context(self, info_name=kwargs.get("prog_name"))), err=True
            )
            click.echo("Try 'consistency --help' for help.", err=True)
            sys.exit(2)
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(argv, *rest, **kwargs)
        except click.exceptions.UsageError as e:
            config = _config_source(e)
            if config:
                _error(config)
                sys.exit(2)
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            _error(f"{e.format_message()}{hint}")
            sys.exit(2)
        except click.exceptions.Abort as e:
            if isinstance(e.__cause__, EOFError):
                _error("unexpected end of input")
                sys.exit(2)
            _interrupted()
        except KeyboardInterrupt:
            _interrupted()
        except Terminated:
            click.echo("consistency: terminated", err=True)
            sys.exit(143)
        except click.ClickException as e:
            _error(e.format_message())
            sys.exit(e.exit_code)
        except InputErrors as e:
            for err in e.errors:
                _error(str(err))
            sys.exit(2)
        except ConsistencyError as e:
            _error(str(e))
            sys.exit(2)
        except (BrokenPipeError, OutputClosed):
            # The reader went away (``| head``): 141 as a shell reports SIGPIPE, not 1,
            # which would read as "findings". Python's own flush at exit must not fail too.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as e:
            if debug:
                traceback.print_exc()
            _error(internal_error(e, debug=debug))
            sys.exit(2)
        sys.exit(rv if isinstance(rv, int) else 0)


def _config_source(error: click.exceptions.UsageError) -> str | None:
    """For a bad value that came from the configuration file: ``FILE: 'key': problem``."""
    ctx, param = error.ctx, getattr(error, "param", None)
    if ctx is None or param is None or param.name is None:
        return None
    if ctx.get_parameter_source(param.name) is not click.core.ParameterSource.DEFAULT_MAP:
        return None
    key = next((o[2:] for o in param.opts if o.startswith("--")), param.name)
    problem = " ".join(error.message.split())
    return f"{ctx.meta.get(CONFIG_FILE)}: '{key}': {problem}"


def _interrupted() -> None:
    click.echo("consistency: interrupted", err=True)
    sys.exit(130)


def internal_error(error: BaseException, *, debug: bool = False) -> str:
    """The one line for an unexpected exception: what, and on which file.

    >>> internal_error(ValueError("bad\\nvalue"))
    'internal error: ValueError: bad value (--debug shows the traceback)'
    """
    where = file_of(error)
    at = f" while working on {where}" if where else ""
    detail = " ".join(str(error).split()) or "(no message)"
    hint = "" if debug else " (--debug shows the traceback)"
    return f"internal error{at}: {type(error).__name__}: {detail}{hint}"


def _error(message: str) -> None:
    click.echo(f"consistency: error: {message}", err=True)


def _parse_date(ctx: click.Context, param: click.Parameter, value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def input_options(f: F) -> F:
    """PATH arguments and the options every briefing-reading command takes."""
    f = click.option(
        "--date",
        "date",
        callback=_parse_date,
        metavar="YYYY-MM-DD",
        help="Date of the briefing (only with a single input document).",
    )(f)
    f = click.option(
        "--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Ignore briefings after this."
    )(f)
    f = click.option(
        "--since",
        callback=_parse_date,
        metavar="YYYY-MM-DD",
        help="Ignore briefings before this.",
    )(f)
    return selection_options(manifest_option(f))


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an option's value in ``ctx.meta`` (for options every reading command shares)."""
    ctx.meta[f"consistency.{param.name}"] = value
    return value


def selection_options(f: F) -> F:
    """``--include GLOB`` and ``--exclude GLOB``: which files of input folders are briefings;
    ``--keep-going``: leave out a briefing that cannot be read, and say so."""
    f = click.option(
        "--keep-going",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="Leave out a briefing that cannot be read (binary, empty, undated...) with a "
        "'consistency: skipped: FILE: why' line on stderr, and go on with the rest.",
    )(f)
    f = click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        expose_value=False,
        callback=_remember,
        help="Skip files and folders of input folders matching GLOB (repeatable).",
    )(f)
    f = click.option(
        "--include",
        multiple=True,
        metavar="GLOB",
        expose_value=False,
        callback=_remember,
        help="Also read files of input folders matching GLOB, e.g. README.md (repeatable).",
    )(f)
    return f


def _selection() -> FileSelection:
    """The ``--include``/``--exclude`` globs of this run."""
    meta = click.get_current_context().meta
    return FileSelection(
        tuple(meta.get("consistency.include", ())), tuple(meta.get("consistency.exclude", ()))
    )


def _skipper() -> Callable[[InputError], None] | None:
    """With ``--keep-going``: print each briefing left out (even with ``--quiet``)."""
    meta = click.get_current_context().meta
    if not meta.get("consistency.keep_going"):
        return None

    def skipped(error: InputError) -> None:
        meta["consistency.skipped"] = meta.get("consistency.skipped", 0) + 1
        click.echo(f"consistency: skipped: {error}", err=True)

    return skipped


def _note(message: str) -> None:
    """A ``consistency: note: ...`` line on stderr, unless ``--quiet``."""
    if not click.get_current_context().meta.get(QUIET):
        click.echo(f"consistency: note: {message}", err=True)


def manifest_option(f: F) -> F:
    """``--manifest FILE``: dates of briefings from a CSV."""
    return click.option(
        "--manifest",
        type=click.Path(dir_okay=False),
        help="CSV with columns path,date (paths relative to the manifest).",
    )(f)


class Percent(click.FloatRange):
    """A score from 0 to 100: ``FloatRange(0, 100)`` that also refuses nan and inf.

    (``nan`` passes FloatRange's bounds, since it compares false with both.)
    """

    def __init__(self) -> None:
        super().__init__(0, 100)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number from 0 to 100", param, ctx)
        return number


def threshold_option(f: F) -> F:
    """``--threshold N``: the match score an occurrence needs."""
    return click.option(
        "--threshold",
        type=Percent(),
        default=DEFAULT_THRESHOLD,
        show_default=True,
        help="Minimum match score (0-100) for points without their own.",
    )(f)


def similarity_option(f: F) -> F:
    """``--similarity N``: how close a sentence must be to count as a rephrasing."""
    return click.option(
        "--similarity",
        type=Percent(),
        default=DEFAULT_SIMILARITY,
        show_default=True,
        help="Word similarity (0-100) from which a sentence is a rephrasing.",
    )(f)


def speaker_options(f: F) -> F:
    """Whose words count: officials by default."""
    f = click.option(
        "--include-questions", is_flag=True, help="Also track journalists' questions."
    )(f)
    f = click.option(
        "--speaker",
        "speakers",
        multiple=True,
        metavar="NAME",
        help="Only these speakers (repeatable).",
    )(f)
    return f


def output_option(f: F) -> F:
    """``--output``/``-o``; a command with ``--format`` also takes its format from the file's
    suffix when ``--format`` is not given (see :func:`_format_of_output`)."""

    @wraps(f)
    def run(*args: Any, **kwargs: Any) -> Any:
        if "fmt" in kwargs:
            kwargs["fmt"] = _format_of_output(kwargs["fmt"], kwargs.get("output"))
        return f(*args, **kwargs)

    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        help="Write to FILE (atomically) instead of standard output (- is standard output); "
        "without --format, the format its suffix names (.html, .md, .json, .csv, .toml, "
        ".sarif, .xml for JUnit) where the command has it.",
    )(cast(F, run))


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


def _format_of_output(fmt: str, output: str | None) -> str:
    """``fmt``, or the format ``output``'s suffix names when ``--format`` was left at its
    default (not given, nor set in a configuration file) and the command has that format:
    ``report -o report.html`` writes HTML."""
    ctx = click.get_current_context()
    if not _to_file(output) or ctx.get_parameter_source("fmt") is not ParameterSource.DEFAULT:
        return fmt
    wanted = FORMAT_SUFFIXES.get(Path(str(output)).suffix.lower())
    choices = next(
        (
            p.type.choices
            for p in ctx.command.params
            if p.name == "fmt" and isinstance(p.type, click.Choice)
        ),
        (),
    )
    if wanted is None:
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


DEFAULT_DISCOVER_TOP = 50
"""How many points ``discover`` lists by default (a large archive has thousands)."""

DEFAULT_CHECK_TOP = 200
"""How many discovered points ``check`` holds a new briefing to without a watchlist: the
strongest formulas, not every phrase that happened to recur twice."""

DEFAULT_REPORT_TOP = 25
"""How many discovered points ``report`` tracks when no watchlist is given."""


def discover_options(*, top_default: int | None) -> Callable[[F], F]:
    """Options of talking-point discovery (``discover``, and ``report`` without --points)."""

    def decorate(f: F) -> F:
        f = click.option(
            "--stop-phrases",
            type=click.Path(dir_okay=False),
            help="File of phrases never to report as talking points (one per line).",
        )(f)
        f = click.option(
            "--top",
            type=click.IntRange(min=1),
            default=top_default,
            show_default=top_default is not None,
            help="Keep only the N best points.",
        )(f)
        f = click.option(
            "--min-dates",
            type=click.IntRange(min=1),
            default=2,
            show_default=True,
            help="A formulation must recur on at least N distinct dates.",
        )(f)
        return f

    return decorate


def color_option(f: F) -> F:
    f = click.option(
        "--color/--no-color",
        default=None,
        help="Colour diffs (default: when writing to a terminal and NO_COLOR is unset).",
    )(f)
    return f


def _use_color(flag: bool | None, output: str | None) -> bool:
    """--color/--no-color; else none in a file; else NO_COLOR, then FORCE_COLOR (any non-empty
    value), then whether standard output is a terminal."""
    if flag is not None:
        return flag
    if _to_file(output) or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _to_file(output: str | None) -> bool:
    """Whether ``--output`` names a file (``-`` is standard output)."""
    return bool(output) and output != "-"


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal and not ``--quiet``; silent otherwise."""
    quiet = click.get_current_context().meta.get(QUIET)
    if quiet or not sys.stderr.isatty() or total <= 1:
        yield lambda n: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


def _load(
    paths: Sequence[str],
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
) -> list[Document]:
    docs = load_documents(
        list(paths),
        manifest=manifest,
        date=date,
        since=since,
        until=until,
        select=_selection(),
        note=_note,
        skip=_skipper(),
    )
    if not docs:
        left_out = click.get_current_context().meta.get("consistency.skipped", 0)
        raise OptionError(
            f"no briefings left to read ({left_out} left out by --keep-going)"
            if left_out
            else "no briefings left to read (check --since/--until)"
        )
    return docs


def jobs_option(f: F) -> F:
    """``--jobs N``: how many processes search an archive (0: one per processor)."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=0),
        default=0,
        expose_value=False,
        callback=_remember,
        help="Processes that search a large archive, each indexing a share of the "
        "briefings (default 0: one per processor; 1: this process alone). The output "
        "is the same.",
    )(f)


def _jobs() -> int:
    """The ``--jobs`` of this run, 0 read as the processors this process may use."""
    jobs = int(click.get_current_context().meta.get("consistency.jobs") or 0)
    return jobs or usable_cpus()


def index_option(f: F) -> F:
    """``--index FILE``: a warm run from an archive built by ``consistency index``."""
    return click.option(
        "--index",
        "index_file",
        type=click.Path(dir_okay=False),
        help="Read the archive from this index (built by 'consistency index'); PATH... "
        "are brought up to date in it first (only new or changed ones are read afresh). "
        "For diff, OLD and NEW may be ids of stored briefings.",
    )(f)


def _archive(
    paths: Sequence[str],
    index_file: str | None,
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    include_questions: bool,
    speakers: Sequence[str],
) -> tuple[list[Document], Archive | None]:
    """The documents to work on, and with ``--index`` the archive of a warm run."""
    if index_file is None:
        if not paths:
            raise click.UsageError("Missing argument 'PATH...' (or give --index FILE).")
        return _load(paths, manifest, date, since, until), None
    if not paths and (manifest or date):
        raise OptionError("--manifest and --date date the briefings of PATH...; give PATH...")
    docs = _load(paths, manifest, date, since, until) if paths else None
    with _progress(len(docs) if docs else 0, "indexing") as progress:
        archive = load_archive(
            index_file,
            docs,
            include_questions=include_questions,
            speakers=speakers,
            since=since,
            until=until,
            progress=progress,
        )
    if not archive.documents:
        raise OptionError("no briefings left to read (check --since/--until)", path=index_file)
    return list(archive.documents), archive


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


def _write_stdout(text: str) -> None:
    """``text`` on standard output; a failed write (``> /dev/full``) is one error, exit 2.

    The descriptor is then pointed at /dev/null so that Python's own flush at
    exit does not fail a second time (and change the exit code).
    """
    try:
        click.echo(text, nl=not text.endswith("\n"), color=True)
        sys.stdout.flush()
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
    file the run read (named or found); a report
    written inside an input folder would be read as a briefing next time.
    """
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
        if readable and os.path.isdir(source) and real.startswith(source.rstrip(os.sep) + os.sep):
            raise OptionError(
                f"output inside the input folder {item} would be read as a briefing; "
                "write it elsewhere",
                path=output,
            )


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
                    f"unknown option {k!r} for '{name}' in configuration", path=str(path)
                )
            values[by_option[k]] = v
        default_map[name] = _as_lists(command, values)
    unknown = sorted(k for k in top if k not in known)
    if unknown:
        raise OptionError(f"unknown option {unknown[0]!r} in configuration", path=str(path))
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


@click.group(cls=ConsistencyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="Read option defaults from FILE (default: nearest consistency.toml).",
)
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars and no notes on stderr.")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, no_config: bool, quiet: bool, debug: bool) -> None:
    """Track official talking points across dated briefings and show how their wording shifts.

    PATH may be a file, a directory (read recursively) or - for standard input.
    --no-config, --config, -q and --debug may also follow the command;
    --color/--no-color may also come before it.
    """
    ctx.meta[QUIET] = quiet
    _config_defaults(ctx, config, no_config)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@input_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@output_option
def ingest(
    paths: tuple[str, ...],
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    output: str | None,
) -> None:
    """List the briefings as read: id, date and its source, title, speakers, words."""
    docs = _load(paths, manifest, date, since, until)
    write_output(render_inventory(docs, fmt=fmt), output)


def _points(points_file: str) -> list[Point]:
    return load_watchlist(points_file)


def _discover(
    docs: Sequence[Document],
    min_dates: int,
    top: int | None,
    include_questions: bool,
    speakers: Sequence[str],
    stop_phrases: Sequence[str],
    index: SentenceIndex | None = None,
) -> list[DiscoveredPoint]:
    """``discover`` with a progress bar on a terminal (``index``: the documents' sentences,
    segmented already)."""
    with _progress(len(docs) + PROGRESS_STAGES, "discovering") as progress:
        return discover(
            docs,
            min_dates=min_dates,
            top=top,
            include_questions=include_questions,
            speakers=speakers,
            stop_phrases=stop_phrases,
            progress=progress,
            sentences=None if index is None else index.sentences,
        )


def _segmented(
    docs: Sequence[Document], include_questions: bool, speakers: Sequence[str]
) -> SentenceIndex:
    """The selected sentences of ``docs``, indexed as ``track`` would (progress on a terminal)."""
    with _progress(len(docs), "reading") as progress:
        return build_index(
            sort_documents(docs),
            include_questions=include_questions,
            speakers=speakers,
            progress=progress,
        )


def _track(
    docs: Sequence[Document],
    points: Sequence[Point],
    threshold: float,
    include_questions: bool,
    speakers: Sequence[str],
    corpus: SentenceIndex | Archive | None = None,
) -> TrackResult:
    """``track`` with a progress bar on a terminal (``corpus``: the sentences already
    segmented, or a warm run's archive: its kept matches and stored sentences)."""
    warm = corpus if isinstance(corpus, Archive) else None
    jobs = _jobs()
    if isinstance(corpus, SentenceIndex) and worth_parallel(docs, points, jobs):
        # processes that index their own share beat one that has every sentence already
        corpus = None
    total = len(points) + (len(docs) if corpus is None else 0)
    index: SentenceIndex | Callable[[Sequence[Document]], SentenceIndex] | None = (
        warm.sentences if warm else corpus if isinstance(corpus, SentenceIndex) else None
    )
    with _progress(total, "tracking") as progress:
        return track(
            docs,
            points,
            threshold=threshold,
            include_questions=include_questions,
            speakers=speakers,
            progress=progress,
            index=index,
            store=warm.store if warm else None,
            jobs=jobs,
        )


@cli.command("track")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option(
    "--points",
    "points_file",
    required=True,
    type=click.Path(dir_okay=False),
    help="Talking-point file (TOML).",
)
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json", "csv", "html"]),
    default="table",
    show_default=True,
)
@output_option
@threshold_option
@speaker_options
@color_option
@index_option
@jobs_option
def track_command(
    paths: tuple[str, ...],
    points_file: str,
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    output: str | None,
    threshold: float,
    speakers: tuple[str, ...],
    include_questions: bool,
    color: bool | None,
    index_file: str | None,
) -> None:
    """Locate every talking point of --points in every briefing."""
    points = _points(points_file)
    docs, corpus = _archive(
        paths, index_file, manifest, date, since, until, include_questions, speakers
    )
    result = _track(docs, points, threshold, include_questions, speakers, corpus)
    renderers: dict[str, Callable[[], str]] = {
        "table": lambda: render_track_table(result, color=_use_color(color, output)),
        "markdown": lambda: render_markdown(result),
        "json": lambda: render_json(result),
        "csv": lambda: render_csv(result),
        "html": lambda: render_html(result),
    }
    write_output(renderers[fmt](), output)


@cli.command("report")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option(
    "--points",
    "points_file",
    type=click.Path(dir_okay=False),
    help="Talking-point file (TOML); without it, points are discovered.",
)
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json", "csv"]),
    default="text",
    show_default=True,
)
@output_option
@threshold_option
@speaker_options
@color_option
@discover_options(top_default=DEFAULT_REPORT_TOP)
@click.option(
    "--baseline-until",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="End of the baseline; the period starts the day after (default: the day before "
    "--since, or the archive's last month is the period).",
)
@click.option(
    "--all-shifts",
    is_flag=True,
    help="List every wording and every shift (one-off variants included), not just a count.",
)
@index_option
@jobs_option
def report_command(
    paths: tuple[str, ...],
    points_file: str | None,
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    output: str | None,
    threshold: float,
    speakers: tuple[str, ...],
    include_questions: bool,
    color: bool | None,
    min_dates: int,
    top: int | None,
    stop_phrases: str | None,
    baseline_until: dt.date | None,
    all_shifts: bool,
    index_file: str | None,
) -> None:
    """The main job: what changed in the talking points' wording, then the details.

    --since/--until choose the reporting period; the briefings before it are read
    as its baseline (up to --baseline-until), and the details cover the period.
    Without them, the period is the archive's last month and the details cover it all.
    Without --points, the talking points are those ``discover`` finds (the --top best),
    less briefing boilerplate and points that only find again a better point's words.
    """
    stops = load_stop_phrases(stop_phrases) if stop_phrases else []
    if since is not None and baseline_until is not None and baseline_until >= since:
        raise OptionError("--baseline-until must be before --since")
    docs, archive = _archive(
        paths, index_file, manifest, date, None, until, include_questions, speakers
    )
    corpus: SentenceIndex | Archive | None = archive
    start = since or (baseline_until + dt.timedelta(days=1) if baseline_until else None)
    if start is not None and not any(d.date >= start for d in docs):
        raise OptionError("no briefings left to read (check --since/--until)")
    if points_file is None:
        # A report leaves briefing boilerplate out altogether (discover only ranks it last).
        stops = [*DEFAULT_STOP_PHRASES, *stops]
        shared = None
        if corpus is None:
            # segmented once, for discovery and then for tracking
            corpus = shared = _segmented(docs, include_questions, speakers)
        found = _discover(docs, min_dates, top, include_questions, speakers, stops, shared)
        points = [p.point for p in found]
        if not points:
            _note(
                f"no formulation recurs on {min_dates} or more dates; "
                "give more briefings, a lower --min-dates, or a watchlist with --points"
            )
    else:
        points = _points(points_file)
    result = _track(docs, points, threshold, include_questions, speakers, corpus)
    if points_file is None:
        result = without_shadowed(result)
    analysis = analyse(result, since=since, until=until, baseline_until=baseline_until)
    text = render_report(
        result,
        fmt=fmt,
        color=_use_color(color, output),
        analysis=analysis,
        all_shifts=all_shifts,
    )
    write_output(text, output)


for _param in report_command.params:
    # In a report, --since starts the reporting period; what comes before is its baseline.
    if _param.name == "since" and isinstance(_param, click.Option):
        _param.help = "Start of the reporting period; earlier briefings are its baseline."


@cli.command("discover")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@input_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "toml", "json"]),
    default="table",
    show_default=True,
    help="toml writes a watchlist that track --points accepts unchanged.",
)
@output_option
@speaker_options
@discover_options(top_default=DEFAULT_DISCOVER_TOP)
@index_option
def discover_command(
    paths: tuple[str, ...],
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    output: str | None,
    speakers: tuple[str, ...],
    include_questions: bool,
    min_dates: int,
    top: int | None,
    stop_phrases: str | None,
    index_file: str | None,
) -> None:
    """Find recurring formulations (talking points) without a watchlist."""
    stops = load_stop_phrases(stop_phrases) if stop_phrases else []
    docs, _ = _archive(paths, index_file, manifest, date, since, until, include_questions, speakers)
    found = _discover(docs, min_dates, top, include_questions, speakers, stops)
    renderers = {"table": render_discover_table, "toml": render_toml, "json": render_discover_json}
    write_output(renderers[fmt](found), output)


def _kinds_help(what: str) -> str:
    return f"{what}: comma-separated {', '.join(FINDING_KINDS)}, or none (repeatable)."


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--db",
    required=True,
    type=click.Path(dir_okay=False),
    help="The SQLite index file to create or update.",
)
@click.option("--prune", is_flag=True, help="Remove indexed briefings that were not given.")
@click.option(
    "--rebuild", is_flag=True, help="Empty the index first (also one of an older schema)."
)
@click.option("--include-questions", is_flag=True, help="Also index journalists' questions.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@input_options
def index_command(
    paths: tuple[str, ...],
    db: str,
    prune: bool,
    rebuild: bool,
    include_questions: bool,
    fmt: str,
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
) -> None:
    """Build or update (incrementally, in one transaction) the SQLite index --db."""
    docs = _load(paths, manifest, date, since, until)
    with _progress(len(docs), "indexing") as progress:
        stats = update_index(
            db,
            docs,
            prune=prune,
            rebuild=rebuild,
            include_questions=include_questions,
            progress=progress,
            discoverer=lambda stored: _discover(stored, 2, None, include_questions, (), ()),
        )
    write_output(stats.to_json() if fmt == "json" else f"{stats}\n", None)


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="NEW...")
@click.option(
    "--against",
    required=True,
    metavar="BASELINE",
    help="Earlier briefings (a file or directory) or an index built by 'consistency index'.",
)
@click.option(
    "--points",
    "points_file",
    type=click.Path(dir_okay=False),
    help="Talking-point file (TOML); without it, the points discovered in the baseline.",
)
@click.option(
    "--fail-on",
    multiple=True,
    default=("shifted",),
    show_default=True,
    metavar="KINDS",
    help=_kinds_help("Finding kinds that make the check fail (exit 1)"),
)
@click.option(
    "--warn-on",
    multiple=True,
    metavar="KINDS",
    help=_kinds_help("Finding kinds to report without failing"),
)
@click.option("--strict", is_flag=True, help="Findings of warning-level points fail too.")
@click.option(
    "--level",
    type=click.Choice([lv.value for lv in Level]),
    help="Level of points that set none [default: error for watchlist points, "
    "warning for discovered ones].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
)
@output_option
@threshold_option
@click.option(
    "--near",
    type=Percent(),
    default=NEAR_MARGIN,
    show_default=True,
    help="A new wording scoring up to N under a point's threshold (a key word swapped, "
    "a name replaced) is a shifted finding too, as is one with a single word swapped; "
    "0: only wordings at the threshold.",
)
@similarity_option
@click.option(
    "--min-dates",
    type=click.IntRange(1),
    default=2,
    show_default=True,
    help="Without --points: use discovered points found on at least N dates.",
)
@click.option(
    "--top",
    type=click.IntRange(1),
    default=DEFAULT_CHECK_TOP,
    show_default=True,
    help="Without --points: check only the N best discovered points.",
)
@manifest_option
@selection_options
@click.option(
    "--date",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Date of the new briefing (only with a single one).",
)
@click.option(
    "--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Ignore baseline briefings before."
)
@click.option(
    "--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Ignore baseline briefings after."
)
@speaker_options
@color_option
def check_command(
    paths: tuple[str, ...],
    against: str,
    points_file: str | None,
    fail_on: tuple[str, ...],
    warn_on: tuple[str, ...],
    strict: bool,
    level: str | None,
    fmt: str,
    output: str | None,
    threshold: float,
    near: float,
    similarity: float,
    min_dates: int,
    top: int | None,
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    speakers: tuple[str, ...],
    include_questions: bool,
    color: bool | None,
) -> int:
    """The CI gate: exit 1 when NEW words a known point in a way the baseline never has.

    Only points of level error fail (watchlist points, by default); warning points
    (discovered ones, by default) fail with --strict; notice points never.
    """
    gate = Gate(
        _from_config("fail_on", lambda: parse_kinds(fail_on)),
        _from_config("warn_on", lambda: parse_kinds(warn_on)),
        strict,
    )
    result = run_check(
        paths,
        against,
        points_file=points_file,
        manifest=manifest,
        date=date,
        since=since,
        until=until,
        kinds=gate.kinds,
        threshold=threshold,
        similarity=similarity,
        near=near,
        min_dates=min_dates,
        top=top,
        include_questions=include_questions,
        speakers=speakers,
        level=Level(level) if level else None,
        select=_selection(),
        note=_note,
        skip=_skipper(),
    )
    text = render_check(result, fmt=fmt, gate=gate, color=_use_color(color, output))
    write_output(text, output)
    return 1 if result.failing(gate) else 0


@cli.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--points",
    "points_file",
    type=click.Path(dir_okay=False),
    help="Talking-point file (TOML); without it, the points discovered in both briefings.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(COMPARE_FORMATS)),
    default="text",
    show_default=True,
)
@output_option
@threshold_option
@similarity_option
@manifest_option
@click.option(
    "--old-date", callback=_parse_date, metavar="YYYY-MM-DD", help="Date of OLD (when undated)."
)
@click.option(
    "--new-date", callback=_parse_date, metavar="YYYY-MM-DD", help="Date of NEW (when undated)."
)
@click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Refuse older briefings.")
@click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Refuse newer briefings.")
@speaker_options
@color_option
@index_option
def diff_command(
    old: str,
    new: str,
    points_file: str | None,
    fmt: str,
    output: str | None,
    threshold: float,
    similarity: float,
    manifest: str | None,
    old_date: dt.date | None,
    new_date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    speakers: tuple[str, ...],
    include_questions: bool,
    color: bool | None,
    index_file: str | None,
) -> None:
    """What NEW repeats, shifts, adds and drops relative to OLD, and what it rephrases.

    With --index, OLD or NEW may be the id of a briefing stored in the index.
    """
    compare_with = compare_files if index_file is None else partial(compare_in_index, index_file)
    comparison = compare_with(
        old,
        new,
        points_file=points_file,
        manifest=manifest,
        since=since,
        until=until,
        threshold=threshold,
        similarity=similarity,
        include_questions=include_questions,
        speakers=speakers,
        old_date=old_date,
        new_date=new_date,
    )
    write_output(render_compare(comparison, fmt=fmt, color=_use_color(color, output)), output)


def main() -> None:
    """Console-script entry point: SIGTERM unwinds like Ctrl-C, so temp files are removed."""

    def terminate(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        raise Terminated()

    with suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGTERM, terminate)
    cli(prog_name="consistency")
