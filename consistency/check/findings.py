"""What ``check`` reports: finding kinds, findings, the gate that decides which fail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from ..errors import OptionError
from ..models import Document, Level, Point

DEFAULT_SIMILARITY = 85.0
"""Word-level similarity (0-100) at or above which two sentences are near-variants."""

MIN_SENTENCE_WORDS = 6
"""Shorter sentences ("Thank you.", "Next question.") are never reported as rephrased."""

NEAR_MARGIN = 5.0
"""A new wording of a point that scores up to this much under the point's threshold is a
shifted finding (with its score), not an absence: "China's position ... is consistent and
*firm*" (74.8) is the drift the gate is for, a word past what ``track`` counts as the
formula. Near misses count too: a wording where a name is replaced, scored as any
replacement ("the Declaration on the *Behavior* of Parties ...", which ``track``
rejects), and a wording with one word swapped and the rest of it in place, whatever it
scores (:func:`~consistency.match.find_swapped`: "through dialogue and
*communication*"). Near misses are a watchlist's only: the user chose those formulas,
where points discovered in the baseline include common phrases ("in accordance with the
law") whose every swap is another phrase. A margin of 0 turns all of these off."""


class FindingKind(StrEnum):
    """What a finding says about the new briefing."""

    SHIFTED = "shifted"
    SLOT = "slot"
    SPELLING = "spelling"
    REPHRASED = "rephrased"


FINDING_KINDS: tuple[str, ...] = tuple(k.value for k in FindingKind)


def parse_kinds(values: Iterable[str], *, required: bool = False) -> frozenset[FindingKind]:
    """Finding kinds from option values (each may hold several, comma-separated).

    ``none`` stands for no kind at all; an empty value is an error, not ``none``: a CI
    job's ``--fail-on "$UNSET"`` must not turn the gate off. ``required``: no value at
    all (``fail-on = []`` in a configuration file) is an error too.

    >>> sorted(parse_kinds(["shifted,rephrased"]))
    [<FindingKind.REPHRASED: 'rephrased'>, <FindingKind.SHIFTED: 'shifted'>]
    """
    values = list(values)
    if required and not values:
        raise OptionError(
            f"no finding kinds given (choose from {', '.join(FINDING_KINDS)}; "
            "'none' fails on nothing)"
        )
    kinds: set[FindingKind] = set()
    for value in values:
        for part in str(value).split(","):
            name = part.strip().lower()
            if not name:
                raise OptionError(
                    f"empty finding kind in {str(value)!r} (choose from "
                    f"{', '.join(FINDING_KINDS)}; 'none' fails on nothing)"
                )
            if name == "none":
                continue
            try:
                kinds.add(FindingKind(name))
            except ValueError:
                raise OptionError(
                    f"unknown finding kind {name!r} (choose from {', '.join(FINDING_KINDS)}, none)"
                ) from None
    return frozenset(kinds)


DISCOVERED_LEVEL = Level.WARNING
"""The level of points discovered in the baseline: reported, failing only with ``--strict``,
so a gate without a watchlist does not fail on a recurring phrase that is not a formula."""

DEFAULT_FAIL_ON: frozenset[FindingKind] = frozenset({FindingKind.SHIFTED})
"""What ``check`` fails on when ``--fail-on`` is not given."""


@dataclass(frozen=True)
class Gate:
    """When ``check`` fails: the policy, as in Vale and ruff.

    fail_on: finding kinds that can fail the check (``--fail-on``).
    warn_on: finding kinds reported without failing (``--warn-on``).
    strict: ``warning`` points fail too (``--strict``).

    A finding of a kind in ``fail_on`` has its point's level: ``error`` fails,
    ``warning`` fails only when ``strict``, ``notice`` never. Findings of any
    other kind are notices. With ``fail_on`` empty (``--fail-on none``) the
    default kinds are still looked for and reported, as notices.
    """

    fail_on: frozenset[FindingKind] = DEFAULT_FAIL_ON
    warn_on: frozenset[FindingKind] = frozenset()
    strict: bool = False

    @classmethod
    def parse(
        cls, fail_on: Iterable[str], warn_on: Iterable[str] = (), *, strict: bool = False
    ) -> Gate:
        """A gate from option values (``"shifted,slot"``, ``"none"``; a bare string is one value).

        >>> Gate.parse("none").kinds == DEFAULT_FAIL_ON
        True
        """
        return cls(parse_kinds(_values(fail_on)), parse_kinds(_values(warn_on)), strict)

    @property
    def kinds(self) -> frozenset[FindingKind]:
        """The finding kinds to look for."""
        return self.fail_on | self.warn_on if self.fail_on else DEFAULT_FAIL_ON | self.warn_on

    def level(self, finding: Finding) -> Level:
        """The level ``finding`` is reported at: its point's, or notice for other kinds."""
        return finding.level if finding.kind in self.fail_on else Level.NOTICE

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` makes the check fail."""
        level = self.level(finding)
        return level is Level.ERROR or (self.strict and level is Level.WARNING)

    def held(self, finding: Finding) -> bool:
        """Whether ``finding`` is a warning that fails the check only with ``--strict``."""
        return self.level(finding) is Level.WARNING and not self.strict


def _values(value: Iterable[str] | str) -> list[str]:
    """Option values: a string (as in ``fail-on = "shifted"`` in a config file) is one value."""
    if isinstance(value, str):
        return [value]
    out = []
    for v in value:
        if not isinstance(v, str):
            raise OptionError(f"finding kinds must be strings, not {v!r}")
        out.append(v)
    return out


@dataclass(frozen=True)
class Reference:
    """A wording in the baseline, as it stands in its source.

    text: the wording (``source[start:end]``); document, date, path: where;
    line, column: 1-based position of its start; dates: how many of the baseline's dates
    say it word for word (0 where not counted: a rephrased sentence's), so that a reader
    sees a diff against a one-off wording for what it is (a fresh-clone trial).
    """

    text: str
    document: str
    date: dt.date
    path: str
    line: int
    column: int
    dates: int = 0

    def where(self, *, line: bool = True) -> str:
        """Its date, its document (unless the id is the date) and, with ``line``, its line:
        ``2020-07-02, line 10``, ``2025-09-23, 001_ea51057881414630, line 16``."""
        parts = [self.date.isoformat()]
        if self.document != parts[0]:
            parts.append(self.document)
        if line:
            parts.append(f"line {self.line}")
        return ", ".join(parts)

    def cited(self, *, line: bool = True) -> str:
        """:meth:`where`, and how often the baseline says it where counted: ``2020-07-02,
        line 10; said on 3 dates``."""
        if not self.dates:
            return self.where(line=line)
        return f"{self.where(line=line)}; said on {self.dates} date{'s' * (self.dates != 1)}"


NAME_REPLACED = "a name of the formula replaced"
NAME_PUT_IN = "a name put into the formula"
WORD_SWAPPED = "one word of the formula swapped"
RUN_DROPPED = "a run of the formula's inner words dropped"
RUN_REWORDED = "up to three of the formula's words said in other words"
NEGATION_PUT_IN = "a negation put in: it says the opposite"
NEGATION_DROPPED = "the formula's negation dropped: it says the opposite"
REJECTIONS = (
    NAME_REPLACED,
    NAME_PUT_IN,
    WORD_SWAPPED,
    RUN_DROPPED,
    RUN_REWORDED,
    NEGATION_PUT_IN,
    NEGATION_DROPPED,
)
"""Why ``track`` does not count a near miss that scores its threshold (``Finding.why``)."""
OPPOSITES = (NEGATION_PUT_IN, NEGATION_DROPPED)
"""Those of :data:`REJECTIONS` that make the wording say the opposite: no near miss."""


@dataclass(frozen=True)
class Finding:
    """One thing ``check`` reports.

    kind: shifted or rephrased.
    point: the point id (None for rephrased sentences).
    level: the point's level (warning for rephrased sentences).
    document, path, date: the new briefing.
    line, column, end_line, end_column: the span of ``text`` (1-based; end inclusive).
    text: the new wording, exactly as in the source.
    reference: the closest baseline wording, if the baseline has one.
    canonical: the point's canonical text (None for rephrased sentences).
    diff: word diff from the reference (else the canonical text) to ``text``.
    score: the match score against the point (rephrased: the similarity).
    similarity: word-level similarity of ``text`` to ``reference`` (0-100).
    also: other points whose occurrences overlap this one (reported once, here).
    start, end: the span of ``text`` in the new briefing's text.
    threshold: the point's threshold (shifted and slot findings): a finding scoring
        under it is a near miss (see :data:`NEAR_MARGIN`).
    rejected: a span ``track`` does not count whatever it scores (a name of the formula
        replaced, or one word swapped in it): a near miss too, unless it says the
        opposite; ``why`` says which (one of :data:`REJECTIONS`).
    negated: the formula said word for word right after a negation ("will *not* uphold
        ..."): ``track`` counts the words, but the sentence says it is not done.
    run_on: for a wording said word for word with words put in after its end, how many
        of the point's sayings in the baseline go on in its usual ways there, of how many
        read, and those ways in words (``end their clause``, ``go on with "and that"``;
        see :mod:`~consistency.check.runon`); ``None`` otherwise.
    """

    kind: FindingKind
    point: str | None
    level: Level
    document: str
    path: str
    date: dt.date
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    reference: Reference | None
    canonical: str | None
    diff: str
    score: float
    similarity: float | None = None
    also: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    threshold: float | None = None
    rejected: bool = False
    negated: bool = False
    why: str = ""
    run_on: tuple[int, int, str] | None = None

    @property
    def opposite(self) -> bool:
        """Whether the wording says the opposite of the point: a negation put in or dropped
        (``track`` does not count it), or the formula word for word right after a negation.
        No near miss: a policy turned over is the change a gate on talking points is for,
        and ``--near 0`` keeps it (review 69: "near miss" read oddly beside such an
        error, and ``--near 0`` passed "we will *not* continue to advocate for ...")."""
        return self.negated or (self.rejected and self.why in OPPOSITES)

    @property
    def opposite_note(self) -> str:
        """``a negation put in (score 99.2; track does not count it)`` for a wording that
        says the opposite; else ``""``."""
        if self.negated:
            return (
                f"a negation stands right before the formula (score {self.score:g}; track"
                " counts the words)"
            )
        if not self.opposite:
            return ""
        why = self.why.removesuffix(": it says the opposite")
        return f"{why} (score {self.score:g}; track does not count it)"

    @property
    def near_miss(self) -> bool:
        """Whether ``track`` would not count the wording as the point, and it does not say
        the opposite (see :attr:`opposite`): it scores under the point's threshold, or it
        is a span ``track`` rejects (``--near 0`` drops them all)."""
        if self.opposite:
            return False
        return self.rejected or (self.threshold is not None and self.score < self.threshold)

    @property
    def score_note(self) -> str:
        """``score 63.8, under the point's threshold 75 (within --near of it)``, for a near
        miss; else ``""``."""
        if not self.near_miss:
            return ""
        under = self.threshold is not None and self.score < self.threshold
        if self.rejected and self.why:
            # which one (a review: "a name replaced, one word swapped, or a negation"
            # undersold a reversal; a word swapped 11 under the threshold read "within
            # --near of it")
            if under:
                limit = f"under the point's threshold {self.threshold:g}"
                return f"score {self.score:g}, {limit}: {self.why}"
            return f"score {self.score:g}, but track does not count it: {self.why}"
        if under:
            # reported as within --near of the threshold (a review: the line did not say)
            return (
                f"score {self.score:g}, under the point's threshold {self.threshold:g}"
                " (within --near of it)"
            )
        return (
            f"score {self.score:g}, but track does not count it: a name of the formula"
            " replaced, one word swapped, or a negation"
        )

    @property
    def note(self) -> tuple[str, str] | None:
        """The line a finding's text carries after its diff, as (label, note): ``("near
        miss", score_note)`` or ``("says the opposite", opposite_note)``; else None."""
        if self.opposite:
            return ("says the opposite", self.opposite_note)
        if self.near_miss:
            return ("near miss", self.score_note)
        if self.run_on_note:
            return ("words put in", self.run_on_note)
        return None

    @property
    def run_on_note(self) -> str:
        """``after the formula's end, where 12 of its 12 sayings before end their clause
        (track counts the formula)`` (or ``... go on with "and that"``) for words put in
        after a wording said word for word; else ``""``."""
        if self.run_on is None:
            return ""
        alike, sayings, ways = self.run_on
        return (
            f"after the formula's end, where {alike} of its {sayings} sayings before {ways}"
            " (track counts the formula)"
        )

    @property
    def title(self) -> str:
        """A one-line title, e.g. ``shifted wording of 'sea-of-peace'``."""
        if self.kind is FindingKind.SHIFTED:
            return f"shifted wording of '{self.point}'"
        if self.kind is FindingKind.SLOT:
            return f"new words inside '{self.point}'"
        if self.kind is FindingKind.SPELLING:
            return f"words spelled otherwise in '{self.point}'"
        return "rephrased sentence"


@dataclass(frozen=True)
class CheckedPoint:
    """A point checked in one new briefing (a test case in JUnit output).

    occurrences: how many times it was found there (0 for a watchlist point
    the briefing does not mention).
    """

    document: str
    point: Point
    occurrences: int


@dataclass(frozen=True)
class BaselineSummary:
    """What the new briefings were compared with (``capped``: the discovered points are
    the ``--top`` best, more recurring in the baseline)."""

    kind: str
    source: str
    documents: int
    first: dt.date | None
    last: dt.date | None
    points: int
    points_source: str
    capped: bool = False


@dataclass(frozen=True)
class CheckResult:
    """The result of :func:`check`.

    documents: the new briefings, in the order given.
    baseline: what they were compared with.
    kinds: the finding kinds looked for.
    checked: each (new briefing, point) pair that was checked.
    findings: sorted by briefing, line, column, kind, point.
    """

    documents: tuple[Document, ...]
    baseline: BaselineSummary
    kinds: frozenset[FindingKind]
    checked: tuple[CheckedPoint, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())

    def failing(self, gate: Gate) -> list[Finding]:
        """The findings that make ``check`` fail under ``gate``."""
        return [f for f in self.findings if gate.fails(f)]
