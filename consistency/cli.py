"""The ``consistency`` command line: parses options, calls the library, writes output.

Errors from the library (:class:`~consistency.errors.ConsistencyError`) and
usage errors become one line each on stderr and exit code 2; ``check`` exits 1
when it finds what ``--fail-on`` names.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from ._version import __version__
from .check import DEFAULT_SIMILARITY, FINDING_KINDS, parse_kinds, run_check
from .compare import compare_files
from .config import find_config, load_config
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
from .errors import ConsistencyError, InputErrors, OptionError
from .index import update_index
from .ingest import load_documents
from .match import DEFAULT_THRESHOLD
from .models import Document, Point, TrackResult
from .report import render_csv, render_html, render_json, render_markdown, render_report
from .report import render_table as render_track_table
from .report.check import CHECK_FORMATS, render_check
from .report.compare import COMPARE_FORMATS, render_compare
from .report.inventory import render_inventory
from .track import track, without_shadowed
from .watchlist import load_watchlist

F = TypeVar("F", bound=Callable[..., Any])


class ConsistencyGroup(click.Group):
    """A group whose errors are one ``consistency: error: ...`` line each, exit 2."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            rv = super().main(*args, **kwargs)
        except click.exceptions.UsageError as e:
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            _error(f"{e.format_message()}{hint}")
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
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
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


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
    return manifest_option(f)


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
    f = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        help="Write to FILE (atomically) instead of standard output.",
    )(f)
    return f


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
    if flag is not None:
        return flag
    if output or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty() or total <= 1:
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
    docs = load_documents(list(paths), manifest=manifest, date=date, since=since, until=until)
    if not docs:
        raise OptionError("no briefings left to read (check --since/--until)")
    return docs


def write_output(text: str, output: str | None) -> None:
    """Write ``text`` to stdout, or atomically to ``output`` (temp file + rename)."""
    if not output:
        click.echo(text, nl=not text.endswith("\n"), color=True)
        return
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise OptionError(f"cannot write output: {e.strerror or e}", path=output) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_mode(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would give: the old file's, or 0o666 less umask.

    ``mkstemp`` makes private (0o600) files; a report is usually meant to be shared.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


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
        default_map[name] = values
    unknown = sorted(k for k in top if k not in known)
    if unknown:
        raise OptionError(f"unknown option {unknown[0]!r} in configuration", path=str(path))
    ctx.default_map = default_map


@click.group(cls=ConsistencyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="consistency")
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="Read option defaults from FILE (default: nearest consistency.toml).",
)
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, no_config: bool) -> None:
    """Track official talking points across dated briefings and show how their wording shifts.

    PATH may be a file, a directory (read recursively) or - for standard input.
    """
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
) -> list[DiscoveredPoint]:
    """``discover`` with a progress bar on a terminal."""
    with _progress(len(docs) + PROGRESS_STAGES, "discovering") as progress:
        return discover(
            docs,
            min_dates=min_dates,
            top=top,
            include_questions=include_questions,
            speakers=speakers,
            stop_phrases=stop_phrases,
            progress=progress,
        )


def _track(
    docs: Sequence[Document],
    points: Sequence[Point],
    threshold: float,
    include_questions: bool,
    speakers: Sequence[str],
) -> TrackResult:
    """``track`` with a progress bar on a terminal."""
    with _progress(len(docs) + len(points), "tracking") as progress:
        return track(
            docs,
            points,
            threshold=threshold,
            include_questions=include_questions,
            speakers=speakers,
            progress=progress,
        )


@cli.command("track")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
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
) -> None:
    """Locate every talking point of --points in every briefing."""
    points = _points(points_file)
    docs = _load(paths, manifest, date, since, until)
    result = _track(docs, points, threshold, include_questions, speakers)
    renderers: dict[str, Callable[[], str]] = {
        "table": lambda: render_track_table(result, color=_use_color(color, output)),
        "markdown": lambda: render_markdown(result),
        "json": lambda: render_json(result),
        "csv": lambda: render_csv(result),
        "html": lambda: render_html(result),
    }
    write_output(renderers[fmt](), output)


@cli.command("report")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
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
) -> None:
    """The main job: a human report of every talking point's wording over time.

    Without --points, the talking points are those ``discover`` finds (the --top best),
    less briefing boilerplate and points that only find again a better point's words.
    """
    stops = load_stop_phrases(stop_phrases) if stop_phrases else []
    docs = _load(paths, manifest, date, since, until)
    if points_file is None:
        # A report leaves briefing boilerplate out altogether (discover only ranks it last).
        stops = [*DEFAULT_STOP_PHRASES, *stops]
        found = _discover(docs, min_dates, top, include_questions, speakers, stops)
        points = [p.point for p in found]
        if not points:
            click.echo(
                f"consistency: note: no formulation recurs on {min_dates} or more dates; "
                "give more briefings, a lower --min-dates, or a watchlist with --points",
                err=True,
            )
    else:
        points = _points(points_file)
    result = _track(docs, points, threshold, include_questions, speakers)
    if points_file is None:
        result = without_shadowed(result)
    write_output(render_report(result, fmt=fmt, color=_use_color(color, output)), output)


@cli.command("discover")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
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
) -> None:
    """Find recurring formulations (talking points) without a watchlist."""
    stops = load_stop_phrases(stop_phrases) if stop_phrases else []
    docs = _load(paths, manifest, date, since, until)
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(CHECK_FORMATS)),
    default="text",
    show_default=True,
)
@output_option
@threshold_option
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
    fmt: str,
    output: str | None,
    threshold: float,
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
    """The CI gate: exit 1 when NEW words a known point in a way the baseline never has."""
    failing_kinds = parse_kinds(fail_on)
    result = run_check(
        paths,
        against,
        points_file=points_file,
        manifest=manifest,
        date=date,
        since=since,
        until=until,
        kinds=failing_kinds | parse_kinds(warn_on),
        threshold=threshold,
        similarity=similarity,
        min_dates=min_dates,
        top=top,
        include_questions=include_questions,
        speakers=speakers,
    )
    text = render_check(result, fmt=fmt, fail_on=failing_kinds, color=_use_color(color, output))
    write_output(text, output)
    return 1 if result.failing(failing_kinds) else 0


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
@click.option("--since", callback=_parse_date, metavar="YYYY-MM-DD", help="Refuse older briefings.")
@click.option("--until", callback=_parse_date, metavar="YYYY-MM-DD", help="Refuse newer briefings.")
@speaker_options
@color_option
def diff_command(
    old: str,
    new: str,
    points_file: str | None,
    fmt: str,
    output: str | None,
    threshold: float,
    similarity: float,
    manifest: str | None,
    since: dt.date | None,
    until: dt.date | None,
    speakers: tuple[str, ...],
    include_questions: bool,
    color: bool | None,
) -> None:
    """What NEW repeats, shifts, adds and drops relative to OLD, and what it rephrases."""
    comparison = compare_files(
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
    )
    write_output(render_compare(comparison, fmt=fmt, color=_use_color(color, output)), output)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="consistency")
