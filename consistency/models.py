"""Frozen dataclasses that flow between the pipeline stages.

ingest -> :class:`Document` (with :class:`Turn`\\ s)
normalise -> :class:`Token`
segment -> :class:`Sentence`
watchlist -> :class:`Point`
match/timeline -> :class:`Occurrence`, :class:`PointResult`, :class:`TrackResult`

Every offset (``start``/``end``) anywhere refers to :attr:`Document.text`, the
decoded source text, which no stage ever changes.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

Progress = Callable[[int], None]
"""A progress callback: called with the number of steps just finished."""


class Role(StrEnum):
    """Who is speaking in a turn."""

    OFFICIAL = "official"
    PRESS = "press"
    NARRATION = "narration"


class DateSource(StrEnum):
    """Where a document's date came from, in the contract's resolution order."""

    OPTION = "option"
    MANIFEST = "manifest"
    FILENAME = "filename"
    HEADER = "header"
    ROW = "row"


class Status(StrEnum):
    """How an occurrence's wording compares with the point's canonical text."""

    IDENTICAL = "identical"
    COSMETIC = "cosmetic"
    SHIFTED = "shifted"
    ABSENT = "absent"


class Change(StrEnum):
    """How a document's wording compares with the nearest earlier dated one."""

    FIRST = "first"
    SAME = "same"
    SHIFTED = "shifted"


class Level(StrEnum):
    """Severity of a talking point in ``check`` (GitHub annotation type)."""

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


class Token(NamedTuple):
    """One normalised word.

    text: the normalised form used for matching ("u.s." -> "us").
    start, end: its span in the source text; ``normalise(source[start:end])``
        gives back exactly this token.

    A named tuple rather than a frozen dataclass (the only one): an archive
    holds millions of tokens, and a frozen dataclass takes five times as long
    to build as a tuple.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Turn:
    """A stretch of a document spoken by one speaker.

    speaker: the label as written ("Guo Jiakun", "AFP", "Q"), or the known
        spokesperson for unlabelled official text; None for narration.
    role: official, press or narration.
    start, end: the span of the spoken text in the document (label excluded).
    line: 1-based line where the spoken text starts.
    """

    speaker: str | None
    role: Role
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class Document:
    """One dated briefing.

    id: path relative to the input root without extension, or the row id.
    path: the file it came from (``FILE#ROW`` for rows of .jsonl/.csv).
    text: the decoded source text, never modified (for HTML: the extracted text).
    date: the briefing's date.
    date_source: how the date was found.
    title: a title when the input has one (header line, HTML <title>, row column).
    source: a URL or other provenance when the input has one.
    turns: the speaker turns, in order, covering the spoken text.
    """

    id: str
    path: str
    text: str
    date: dt.date
    date_source: DateSource
    title: str | None = None
    source: str | None = None
    turns: tuple[Turn, ...] = ()
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        object.__setattr__(self, "_line_starts", tuple(starts))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` in :attr:`text`."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    @property
    def speakers(self) -> dict[str, Role]:
        """Each named speaker with their role, in order of first appearance."""
        seen: dict[str, Role] = {}
        for turn in self.turns:
            if turn.speaker is not None and turn.speaker not in seen:
                seen[turn.speaker] = turn.role
        return seen


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one turn, with its tokens.

    document: the document id.
    start, end: the sentence's span in the document text.
    line: 1-based line of ``start``.
    speaker, role: copied from the turn it belongs to.
    tokens: its normalised tokens, spans in the document text.
    """

    document: str
    start: int
    end: int
    line: int
    speaker: str | None
    role: Role
    tokens: tuple[Token, ...]


@dataclass(frozen=True)
class Point:
    """A talking point from a watchlist (or found by ``discover``).

    id: unique, ``[a-z0-9-]``.
    text: the canonical wording.
    aliases: other accepted wordings.
    tags: free labels.
    threshold: per-point match threshold (0-100), or None for the run's default.
    level: severity in ``check``.
    line: the line of its ``[[point]]`` table in the watchlist file, if any.
    """

    id: str
    text: str
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    threshold: float | None = None
    level: Level = Level.WARNING
    line: int | None = None


class Found(NamedTuple):
    """A point found in a document, as a warm run keeps it for the next
    (see :mod:`consistency.index.matches`).

    start, end: the span in the document's text.
    score: 0-100 against ``form``, the wording that matched best.
    speaker, role: who said it.

    A named tuple, like :class:`Token`: a ten-year archive keeps hundreds of
    thousands of them, read back on every run.
    """

    start: int
    end: int
    score: float
    form: str
    speaker: str | None
    role: Role


@dataclass(frozen=True)
class Occurrence:
    """One place a point was found.

    point: the point id.
    document: the document id; date: its date.
    speaker, role: who said it.
    text: the wording exactly as in the source: ``document.text[start:end]``.
    start, end, line, column: where (line and column 1-based).
    score: match score 0-100 against the best form (canonical or alias).
    form: the watchlist wording that matched best (the canonical text or an alias).
    status: against the canonical text.
    change: against the nearest earlier date's representative occurrence;
        None for occurrences that are not their document's representative.
    diff: word diff canonical -> occurrence, ``{-old-}{+new+}``.
    """

    point: str
    document: str
    date: dt.date
    speaker: str | None
    role: Role
    text: str
    start: int
    end: int
    line: int
    column: int
    score: float
    form: str
    status: Status
    diff: str
    change: Change | None = None


@dataclass(frozen=True)
class Wording:
    """A distinct wording of a point (compared after normalisation).

    text: the first exact source text seen with this wording.
    normalised: the normalised form that identifies it.
    first, last: date range it was seen in.
    dates: how many distinct dates it appears on.
    count: how many occurrences.
    """

    text: str
    normalised: str
    first: dt.date
    last: dt.date
    dates: int
    count: int


@dataclass(frozen=True)
class Shift:
    """The representative wording changed between two consecutive dates that have one.

    date, document: where the new wording appears.
    previous_date, previous_document: the earlier occurrence it is compared with.
    before, after: the two wordings as in their sources.
    diff: word diff before -> after.
    line: line of the new wording in its document.
    slot: True when the two wordings differ only in words inserted inside the
        formula (its topic slot: "China's position on X is ..."), not in the
        formula's own words.
    recurring: True when the new wording was already used on an earlier date
        (the line goes back to it); False when it is used for the first time.
    """

    date: dt.date
    document: str
    previous_date: dt.date
    previous_document: str
    before: str
    after: str
    diff: str
    line: int
    slot: bool = False
    recurring: bool = False


@dataclass(frozen=True)
class PointResult:
    """Everything found for one point across the documents.

    point: the watchlist entry.
    occurrences: sorted by date, then document, then position.
    absent: ids of documents (in document order) where the point was not found.
    wordings: distinct wordings, by first date.
    shifts: changes of representative wording, by date.
    """

    point: Point
    occurrences: tuple[Occurrence, ...]
    absent: tuple[str, ...]
    wordings: tuple[Wording, ...]
    shifts: tuple[Shift, ...]

    @property
    def dates_present(self) -> tuple[dt.date, ...]:
        return tuple(sorted({o.date for o in self.occurrences}))

    @property
    def first_seen(self) -> dt.date | None:
        return self.occurrences[0].date if self.occurrences else None

    @property
    def last_seen(self) -> dt.date | None:
        return self.occurrences[-1].date if self.occurrences else None


@dataclass(frozen=True)
class TrackResult:
    """The result of :func:`consistency.track`: documents (by date, then id) and points."""

    documents: tuple[Document, ...]
    points: tuple[PointResult, ...]


@dataclass(frozen=True)
class WordingFamily:
    """One distinct wording of a point (after normalisation), with how much it was used.

    text: its most frequent exact source text (the first seen on a tie).
    normalised: the normalised form that identifies it.
    first, last: the dates it was first and last used.
    dates: distinct dates it was used on; count: its occurrences.
    share: its share of the point's occurrences (0-1) in the dates reported.
    prevailing: the point's most used wording (most dates, then occurrences, then earliest).
    form: ``"canonical"`` or ``"alias"`` when it is a watchlist wording, else None.
    one_off: used on a single date and neither prevailing, nor a watchlist wording, nor
        new in the period (reports fold these; JSON lists them all).
    new: first used in the reporting period, never in its baseline.
    """

    text: str
    normalised: str
    first: dt.date
    last: dt.date
    dates: int
    count: int
    share: float
    prevailing: bool
    form: str | None
    one_off: bool
    new: bool


class KeyChangeKind(StrEnum):
    """The kinds of change a report puts first (defined in README, "Changes that matter")."""

    TAKEOVER = "takeover"
    NEW_WORDING = "new-wording"
    NEGATED = "negated"
    NEAR_MISS = "near-miss"
    NEW_POINT = "new-point"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Saying:
    """A point said in words ``track`` does not count as its wording, or counts where the
    words stand after a negation: said negated (see
    :func:`consistency.track.negated_sayings`), or a near miss (see
    :func:`consistency.check.near.near_sayings`, ``why`` it is not counted); its span in a
    document."""

    point: Point
    document: str
    start: int
    end: int
    why: str = ""


@dataclass(frozen=True)
class KeyChange:
    """A change that matters: what happened to a point, when, and the evidence.

    kind: takeover, new-wording, negated (a watchlist formula said with a negation it
        lacks, or without one it has, or word for word after one), near-miss (a watched
        formula said in words the engine does not count, instead of it), new-point or
        stopped.
    point: the point id.
    date: when it happened: the first date of the new wording or point; for
        ``stopped``, the last date the point was said.
    document, line: where (for ``stopped``: the last place it was said).
    before: the wording it replaces (takeover), the nearest wording used before the
        period (new-wording: see :func:`consistency.timeline.nearest`), the point's
        canonical text (negated, near-miss), or None.
    after: the new wording (takeover, new-wording, negated, near-miss, new-point) or the
        last one (stopped).
    diff: word diff before -> after ("" when there is no ``before``).
    evidence: one sentence with the counts behind the judgement.
    context: the sentence of the source the wording stands in.
    in_period: the change happened in the reporting period (else earlier in the archive).
    said_on: for a card of words ``track`` does not count (negated, near-miss), every
        date of the period those words were said on, ``date`` first; else empty.
    """

    kind: KeyChangeKind
    point: str
    date: dt.date
    document: str
    line: int
    before: str | None
    after: str
    diff: str
    evidence: str
    context: str
    in_period: bool
    said_on: tuple[dt.date, ...] = ()


@dataclass(frozen=True)
class ReportPeriod:
    """The dates a report is about, and the baseline it compares them with.

    first, last: the period's first and last dates with a briefing (None when empty).
    dates: how many dates with briefings it has.
    baseline_first, baseline_last, baseline_dates: the same for the baseline
        (every briefing before the period that was read); None/0 when there is none.
    explicit: the period was chosen with ``--since``/``--baseline-until``, so the
        report's details cover the period only; by default they cover the archive.
    """

    first: dt.date | None
    last: dt.date | None
    dates: int
    baseline_first: dt.date | None
    baseline_last: dt.date | None
    baseline_dates: int
    explicit: bool
