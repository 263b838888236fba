"""The commands of the ``consistency`` group: each parses its options, calls the library and
writes its output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

import click
from click.core import ParameterSource

from ..changes import analyse_run
from ..check import FINDING_KINDS, NEAR_MARGIN, FindingKind, Gate, parse_kinds
from ..compare import compare_files
from ..errors import OptionError
from ..index import update_index
from ..match import SentenceIndex
from ..models import Level
from ..report import render_csv, render_html, render_json, render_markdown, render_report
from ..report import render_table as render_track_table
from ..report.check import CHECK_FORMATS, render_check
from ..report.compare import COMPARE_FORMATS, render_compare
from ..report.inventory import render_inventory
from ..timeline import (
    choose_period,
    short_baseline,
)
from ..track import (
    MatchKeeper,
    RunMatches,
    without_new_aliases,
    without_shadowed,
)
from ..warm import Archive, compare_in_index
from .app import cli
from .config import CONFIG_FILE, _from_config
from .options import (
    DEFAULT_CHECK_TOP,
    DEFAULT_DISCOVER_TOP,
    DEFAULT_REPORT_TOP,
    FileName,
    Percent,
    _parse_date,
    _selection,
    _skipper,
    _use_color,
    color_option,
    discover_options,
    index_option,
    input_options,
    jobs_option,
    manifest_option,
    output_option,
    plain_option,
    selection_options,
    similarity_option,
    speaker_options,
    threshold_option,
)
from .output import _note, _progress, write_output
from .pipeline import (
    _archive,
    _discover,
    _load,
    _points,
    _shared_index,
    _track,
    no_briefings,
)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@input_options
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--turns",
    is_flag=True,
    help="Also list each briefing's turns: line, role, speaker and words, as read.",
)
@output_option
@plain_option
def ingest(
    paths: tuple[str, ...],
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    turns: bool,
    output: str | None,
) -> None:
    """List the briefings as read: id, date and its source, title, speakers, words."""
    docs = _load(paths, manifest, date, since, until)
    write_output(render_inventory(docs, fmt=fmt, turns=turns), output)


@cli.command("track")
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option(
    "--points",
    "points_file",
    required=True,
    type=FileName(dir_okay=False),
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
    type=FileName(dir_okay=False),
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
    Without --points, the talking points are those 'discover' finds (the --top best,
    and up to five first said in the period), less briefing boilerplate and points that
    only find again a better point's words.
    """
    from ..discover import DEFAULT_STOP_PHRASES, load_stop_phrases, without_reversals

    stops = load_stop_phrases(stop_phrases) if stop_phrases else []
    if since is not None and baseline_until is not None and baseline_until >= since:
        raise OptionError("--baseline-until must be before --since")
    if since is not None and until is not None and since > until:
        raise no_briefings(since, until)
    docs, archive = _archive(
        paths, index_file, manifest, date, None, until, include_questions, speakers
    )
    corpus: SentenceIndex | Archive | None = archive
    kept: MatchKeeper | None = None
    start = since or (baseline_until + dt.timedelta(days=1) if baseline_until else None)
    if start is not None and not any(d.date >= start for d in docs):
        raise no_briefings(start, until, [d.date for d in docs])
    if points_file is None:
        # A report leaves briefing boilerplate out altogether (discover only ranks it last).
        stops = [*DEFAULT_STOP_PHRASES, *stops]
        if archive is None:
            corpus = shared = _shared_index(docs, include_questions, speakers)
        else:
            shared = archive.index  # a warm run's sentences, read from its index
        # discovery reads its rows with the engine: tracking them reads what it found (a
        # warm run's index keeps it for the next run, and gives what earlier runs found)
        kept = archive.store if archive is not None else RunMatches()
        # a formula first said in the period is listed too, past the --top best (with
        # a baseline before the period to be new against)
        first, last, period = choose_period(
            docs, since=since, until=until, baseline_until=baseline_until
        )
        rising = (first, last) if first and last and period.baseline_dates else None
        warm = archive is not None
        found = _discover(
            docs, min_dates, top, include_questions, speakers, stops, shared, kept, rising, warm
        )
        points = [p.point for p in without_reversals(found)]
        if not points:
            _note(
                f"no formulation recurs on {min_dates} or more dates; "
                "give more briefings, a lower --min-dates, or a watchlist with --points"
            )
    else:
        points = _points(points_file)
    result = _track(docs, points, threshold, include_questions, speakers, corpus, kept)
    if points_file is None:
        result = without_shadowed(result)
        if first is not None and period.baseline_dates:
            held = {p.point.id: p.replacing for p in found}
            result = without_new_aliases(result, first, held)
    analysis = analyse_run(
        docs,
        points,
        result,
        watchlist=points_file is not None,
        since=since,
        until=until,
        baseline_until=baseline_until,
        threshold=threshold,
        include_questions=include_questions,
        speakers=speakers,
    )
    text = render_report(
        result,
        fmt=fmt,
        color=_use_color(color, output),
        analysis=analysis,
        all_shifts=all_shifts,
    )
    write_output(text, output)
    if short := short_baseline(analysis.period):
        _note(short)


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
@jobs_option
@plain_option
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
    from ..discover import load_stop_phrases, render_toml
    from ..discover import render_json as render_discover_json
    from ..discover import render_table as render_discover_table

    stops = load_stop_phrases(stop_phrases) if stop_phrases else []
    docs, archive = _archive(
        paths, index_file, manifest, date, since, until, include_questions, speakers
    )
    shared = archive.index if archive is not None else None  # sentences read, not segmented
    keeper = archive.store if archive is not None else None  # the rows' matches, kept there
    warm = archive is not None
    found = _discover(
        docs, min_dates, top, include_questions, speakers, stops, shared, keeper, None, warm
    )
    if not found:
        _note(
            f"no formulation recurs on {min_dates} or more dates in the turns read; "
            "give more briefings, a lower --min-dates, or other --speaker/--stop-phrases"
        )
    if fmt == "toml":
        days = sorted({d.date for d in docs})
        text = render_toml(found, archive=(days[0], days[-1]) if days else None)
    else:
        text = (render_discover_json if fmt == "json" else render_discover_table)(found)
    write_output(text, output)


def _kinds_help(what: str) -> str:
    return f"{what}: comma-separated {', '.join(FINDING_KINDS)}, or none (repeatable)."


@cli.command("index")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--db",
    required=True,
    type=FileName(dir_okay=False),
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
@output_option
@plain_option
def index_command(
    paths: tuple[str, ...],
    db: str,
    prune: bool,
    rebuild: bool,
    include_questions: bool,
    fmt: str,
    output: str | None,
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
    write_output(stats.to_json() if fmt == "json" else f"{stats}\n", output)


@cli.command("check")
@click.argument("paths", nargs=-1, required=True, metavar="NEW...")
@click.option(
    "--against",
    required=True,
    type=FileName(),
    metavar="BASELINE",
    help="Earlier briefings (a file or directory) or an index built by 'consistency index'.",
)
@click.option(
    "--points",
    "points_file",
    type=FileName(dir_okay=False),
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
    from ..check import run_check

    gate = Gate(
        _from_config("fail_on", lambda: parse_kinds(fail_on, required=True)),
        _from_config("warn_on", lambda: parse_kinds(warn_on)),
        strict,
    )
    notes: list[str] = []  # said once the output is written: an error stays one line
    if gate.fail_on and FindingKind.SHIFTED not in gate.fail_on | gate.warn_on:
        named = ",".join(sorted(k.value for k in gate.fail_on))
        ctx = click.get_current_context()
        if ctx.get_parameter_source("fail_on") is ParameterSource.DEFAULT_MAP:
            config = ctx.find_root().meta.get(CONFIG_FILE) or "the configuration"
            given = f'fail-on = "{named}" in {config}'
            wanted = f'fail-on = "shifted,{named}"'
        else:
            given, wanted = f"--fail-on {named}", f"--fail-on shifted,{named}"
        notes.append(
            f"{given} leaves out shifted: new wordings of known points are not "
            f"looked for ({wanted} adds {named} to them)"
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
        note=notes.append,
        skip=_skipper(),
    )
    text = render_check(result, fmt=fmt, gate=gate, color=_use_color(color, output))
    write_output(text, output)
    for line in notes:
        _note(line)
    return 1 if result.failing(gate) else 0


@cli.command("diff")
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--points",
    "points_file",
    type=FileName(dir_okay=False),
    help=(
        "Talking-point file (TOML), or an index (built by 'consistency index') whose "
        "discovered points to use; without it, the points discovered in both briefings."
    ),
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
