"""The options the commands share, as decorators, and the helpers that parse their values
or read those an option keeps for the whole run (``--include``, ``--keep-going``, ``--jobs``)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from ..check import DEFAULT_SIMILARITY
from ..check.points import DEFAULT_TOP
from ..errors import InputError, OptionError
from ..match import DEFAULT_THRESHOLD
from ..track import usable_cpus
from .output import FORMAT_SUFFIXES, _format_of_output, _to_file, format_choices

if TYPE_CHECKING:
    from ..ingest import FileSelection

F = TypeVar("F", bound=Callable[..., Any])


class FileName(click.Path):
    """``click.Path`` that refuses an empty name: a CI job's ``--points "$UNSET"`` must not
    read as no watchlist at all (``check`` would then hold the briefing to discovered
    points, which only warn, and pass it), nor ``-o ""`` as standard output."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("an empty file name (an unset variable?)", param, ctx)
        return super().convert(value, param, ctx)


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
    from ..ingest import FileSelection  # here: importing ingest loads all its readers

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


def manifest_option(f: F) -> F:
    """``--manifest FILE``: dates of briefings from a CSV."""
    return click.option(
        "--manifest",
        type=FileName(dir_okay=False),
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
        output = kwargs.get("output")
        if _to_file(output) and not os.path.isdir(os.path.dirname(str(output)) or "."):
            # said before the work, not after minutes of it
            raise OptionError("cannot write output: No such file or directory", path=output)
        if "fmt" in kwargs:
            kwargs["fmt"] = _format_of_output(kwargs["fmt"], output)
        return f(*args, **kwargs)

    return click.option(
        "--output",
        "-o",
        cls=_OutputOption,
        type=FileName(dir_okay=False, writable=True),
        help="Write to FILE (atomically) instead of standard output (- is standard output).",
    )(cast(F, run))


class _OutputOption(click.Option):
    """``--output``, whose help names the suffixes that choose one of the command's own
    formats (``discover`` has no SARIF, so its help names no ``.sarif``)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        choices = format_choices(ctx.command)
        suffixes = [
            f"{suffix} for JUnit" if fmt == "junit" else suffix
            for suffix, fmt in FORMAT_SUFFIXES.items()
            if fmt in choices and suffix not in (".htm", ".markdown")
        ]
        if record is None or not suffixes:
            return record
        names, text = record
        return names, (
            f"{text.rstrip('.')}; without --format, the format its suffix names "
            f"({', '.join(suffixes)})."
        )


DEFAULT_DISCOVER_TOP = 50
"""How many points ``discover`` lists by default (a large archive has thousands)."""

DEFAULT_CHECK_TOP = DEFAULT_TOP
"""How many discovered points ``check`` holds a new briefing to without a watchlist."""

DEFAULT_REPORT_TOP = 25
"""How many discovered points ``report`` tracks when no watchlist is given."""


def discover_options(*, top_default: int | None) -> Callable[[F], F]:
    """Options of talking-point discovery (``discover``, and ``report`` without --points)."""

    def decorate(f: F) -> F:
        f = click.option(
            "--stop-phrases",
            type=FileName(dir_okay=False),
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


def plain_option(f: F) -> F:
    """``--color/--no-color`` taken and ignored by a command that colours nothing: a script
    may give it to every command (reviews 123, 124: ``discover --no-color`` was an error,
    exit 2, where ``consistency --no-color discover`` is not)."""
    return click.option("--color/--no-color", default=None, hidden=True, expose_value=False)(f)


def _use_color(flag: bool | None, output: str | None) -> bool:
    """--color/--no-color; else none in a file; else NO_COLOR, then FORCE_COLOR (any non-empty
    value), then whether standard output is a terminal."""
    if flag is not None:
        return flag
    if _to_file(output) or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()  # None: started with it closed


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
        type=FileName(dir_okay=False),
        help="Read the archive from this index (built by 'consistency index'); the "
        "briefings given are brought up to date in it first (only new or changed ones are "
        "read afresh).",
    )(f)
