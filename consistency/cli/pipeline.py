"""The library's stages as the commands run them: briefings read (or taken from a warm
run's index), segmented, discovered and tracked, with the run's options and a progress bar
on a terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import click

from ..errors import ConsistencyError, OptionError
from ..match import SentenceIndex
from ..models import Document, Point, TrackResult
from ..track import (
    MatchKeeper,
    build_index,
    held_beside_discovery,
    sort_documents,
    track,
    worth_parallel,
    worth_parts,
)
from ..warm import Archive, load_archive
from ..watchlist import load_watchlist
from .options import _jobs, _selection, _skipper
from .output import _note, _progress

if TYPE_CHECKING:
    from ..discover import DiscoveredPoint


def _load(
    paths: Sequence[str],
    manifest: str | None,
    date: dt.date | None,
    since: dt.date | None,
    until: dt.date | None,
) -> list[Document]:
    from ..ingest import load_documents  # here: a warm run without paths reads no files

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
        if left_out:
            raise OptionError(f"no briefings left to read ({left_out} left out by --keep-going)")
        try:
            # the dates the briefings do have, for the error to name (review 77)
            every = load_documents(list(paths), manifest=manifest, date=date)
        except ConsistencyError:
            every = []
        raise no_briefings(since, until, [d.date for d in every])
    return docs


def no_briefings(
    since: dt.date | None, until: dt.date | None, dates: Sequence[dt.date] = ()
) -> OptionError:
    """The error for briefings none of which is in the ``since``/``until`` range, naming
    the dates they have: "no briefings from 2025-05-01 on: those given run from
    2025-01-06 to 2025-04-03"."""
    if since is not None and until is not None and since > until:
        return OptionError(f"--since {since} is after --until {until}")
    wanted = (
        f"from {since} to {until}"
        if since is not None and until is not None
        else f"from {since} on"
        if since is not None
        else f"up to {until}"
    )
    if not dates or (since is None and until is None):
        return OptionError("no briefings left to read (check --since/--until)")
    return OptionError(f"no briefings {wanted}: those given run from {min(dates)} to {max(dates)}")


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
        loaded = _load(paths, manifest, date, since, until)
        _note_unheard(loaded, include_questions, speakers)
        return loaded, None
    if not paths and (manifest or date):
        raise OptionError("--manifest and --date date the briefings of PATH...; give PATH...")
    docs = _load(paths, manifest, date, since, until) if paths else None
    if docs:
        _note_unheard(docs, include_questions, speakers)
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


def _note_unheard(
    docs: Sequence[Document], include_questions: bool, speakers: Sequence[str]
) -> None:
    """Name the briefings none of whose words are searched: every turn a journalist's
    (a title line read as a press label, say) or, with --speaker, none of theirs. They
    count as dates where nothing was said, and a reader should know why."""
    from ..ingest.select import listed
    from ..segment import select_turns

    unheard = [
        d
        for d in docs
        if not select_turns(d, include_questions=include_questions, speakers=speakers)
    ]
    if not unheard:
        return
    names = listed([d.path for d in unheard])
    whose = "of --speaker" if speakers else "of an official or narration"
    some, them = ("briefing has", "it") if len(unheard) == 1 else ("briefings have", "them")
    _note(
        f"{len(unheard)} {some} no words {whose}: {names}; nothing in {them} is searched "
        "(`consistency ingest` shows who speaks where)"
    )


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
    keeper: MatchKeeper | None = None,
    rising: tuple[dt.date, dt.date] | None = None,
    warm: bool = False,
) -> list[DiscoveredPoint]:
    """``discover`` with a progress bar on a terminal (``index``: the documents' sentences,
    segmented already; ``keeper``: where the engine's matches of the rows are kept for
    tracking them next; ``rising``: a report's period, whose new formulas are listed too;
    ``warm``: read from an index, whose kept matches spare most searching, so no search
    processes are started before the rows are known)."""
    from ..discover import PROGRESS_STAGES, discover  # here: most runs discover nothing

    with _progress(len(docs) + PROGRESS_STAGES, "discovering") as progress:
        return discover(
            docs,
            min_dates=min_dates,
            top=top,
            include_questions=include_questions,
            speakers=speakers,
            stop_phrases=stop_phrases,
            progress=progress,
            index=index,
            keeper=keeper,
            jobs=_jobs(),
            rising=rising,
            search_early=not warm,
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


def _shared_index(
    docs: Sequence[Document], include_questions: bool, speakers: Sequence[str]
) -> SentenceIndex | None:
    """The selected sentences of ``docs``, segmented and indexed once for a report's
    discovery and tracking, where the engine reads the discovered rows in this process
    (``--jobs 1``, or an archive too small for more: :func:`~consistency.track.worth_parts`)
    and the archive is small enough to hold the index beside discovery's arrays
    (:func:`~consistency.track.held_beside_discovery`); else None: discovery segments the
    briefings itself, the search processes index their own shares, and tracking reads the
    matches they found. An index held through discovery is memory spent for nothing where
    the processes search (on 8.4 M words it raised the report's peak to 1.2 GB)."""
    if worth_parts(docs, _jobs()) or not held_beside_discovery(docs):
        return None
    return _segmented(docs, include_questions, speakers)


def _track(
    docs: Sequence[Document],
    points: Sequence[Point],
    threshold: float,
    include_questions: bool,
    speakers: Sequence[str],
    corpus: SentenceIndex | Archive | None = None,
    kept: MatchKeeper | None = None,
) -> TrackResult:
    """``track`` with a progress bar on a terminal (``corpus``: the sentences already
    segmented, or a warm run's archive: its kept matches and stored sentences; ``kept``:
    matches found earlier in this run, see :class:`~consistency.track.RunMatches`)."""
    warm = corpus if isinstance(corpus, Archive) else None
    jobs = _jobs()
    if isinstance(corpus, SentenceIndex) and kept is None and worth_parallel(docs, points, jobs):
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
            store=kept if kept is not None else warm.store if warm else None,
            jobs=jobs,
        )
