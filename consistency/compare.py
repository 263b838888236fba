"""``diff OLD NEW``: what a fresh briefing repeats, shifts, adds and drops against an earlier one.

Two parts:

1. **Talking points.** Each point (a watchlist's, or those discovered in the
   two briefings) is located in both, as ``track`` would, and classed:
   ``same`` (every wording NEW uses is one OLD used), ``shifted`` (NEW uses a
   wording OLD never did, or says the point after a negation OLD did not have; shown
   with its word diff against OLD's closest wording), ``new`` (only in NEW),
   ``dropped`` (only in OLD).
   Without a watchlist, points are discovered over the two briefings as if
   they were two dates (so a formula needs to be in both to be a point:
   discovered points are ``same`` or ``shifted``; ``new`` and ``dropped``
   need a watchlist, and the sentence counts below cover the rest).
2. **Sentences.** Each official sentence of NEW is either repeated (the same
   words as a sentence of OLD), a rephrasing (a sentence of OLD at or above
   ``similarity`` word similarity, not identical: listed with its word diff)
   or new; the sentences of OLD that NEW neither repeats nor rephrases are
   dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .check import (
    DEFAULT_SIMILARITY,
    MIN_SENTENCE_WORDS,
    MemoryBaseline,
    has_sentence,
    nearest_sentence,
    word_similarity,
)
from .diff import word_diff
from .errors import ConsistencyError, InputErrors, OptionError
from .match import DEFAULT_THRESHOLD, require_percent
from .models import Document, Occurrence, Point, Role, Sentence
from .normalise import Tokeniser, normalise
from .segment import document_sentences
from .track import Selection, negated_sayings, track


class PointChange(StrEnum):
    """How a point fares from OLD to NEW."""

    SAME = "same"
    SHIFTED = "shifted"
    NEW = "new"
    DROPPED = "dropped"
    ABSENT = "absent"


@dataclass(frozen=True)
class Place:
    """A wording of a point in one of the two briefings (as in its source)."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class PointComparison:
    """One point in OLD and NEW.

    change: same, shifted, new, dropped, or absent (in neither).
    old, new: the representative wording in each (the NEW wording that is
        new, for a shift; the OLD wording closest to it), or None.
    old_count, new_count: occurrences in each.
    diff: word diff old -> new wording (shifted), else the wording itself.
    kept: for a shift, the NEW occurrence that says a wording of OLD, when one does:
        the new wording stands beside the old one, not in its place.
    note: why a shift is one though ``track`` does not count the NEW wording (a watched
        formula said in words ``check`` reports as a near miss), else "".
    """

    point: Point
    change: PointChange
    old: Place | None
    new: Place | None
    old_count: int
    new_count: int
    diff: str
    kept: Place | None = None
    note: str = ""


@dataclass(frozen=True)
class Rephrasing:
    """A sentence of NEW that closely rephrases one of OLD."""

    old: Place
    new: Place
    similarity: float
    diff: str


@dataclass(frozen=True)
class SentenceCounts:
    """Official sentences of NEW by fate, and OLD's sentences NEW dropped."""

    repeated: int
    rephrased: int
    new: int
    dropped: int


@dataclass(frozen=True)
class SentenceChanges:
    """What the counts of :class:`SentenceCounts` count: the sentences of NEW that are new,
    and those of OLD that NEW dropped, in the order they stand."""

    added: tuple[Place, ...]
    dropped: tuple[Place, ...]


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`."""

    old: Document
    new: Document
    points_source: str
    points: tuple[PointComparison, ...]
    rephrasings: tuple[Rephrasing, ...]
    sentences: SentenceCounts
    similarity: float
    changed: SentenceChanges = SentenceChanges((), ())

    def count(self, change: PointChange) -> int:
        return sum(1 for p in self.points if p.change is change)


def _two_dates(old: Document, new: Document) -> tuple[Document, Document]:
    """The pair with distinct ids and dates (NEW dated after OLD), for discovery and tracking."""
    new_id = new.id if new.id != old.id else f"{new.id} (new)"
    old_id = old.id if new.id != old.id else f"{old.id} (old)"
    new_date = new.date if new.date > old.date else old.date + dt.timedelta(days=1)
    return replace(old, id=old_id), replace(new, id=new_id, date=new_date)


def compare(
    old: Document,
    new: Document,
    *,
    points: Sequence[Point] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
) -> Comparison:
    """Compare two briefings: talking points (``points``, else discovered) and sentences."""
    a, b = _two_dates(old, new)
    source = "watchlist"
    if points is None:
        from .discover import discover

        source = "discovered"
        points = [
            d.point
            for d in discover(
                [a, b],
                min_dates=2,
                include_questions=include_questions,
                speakers=speakers,
                tokeniser=tokeniser,
            )
        ]
    selection: Selection = {
        "threshold": threshold,
        "include_questions": include_questions,
        "speakers": speakers,
        "tokeniser": tokeniser,
    }
    result = track([a, b], points, **selection)
    negated: dict[str, list[Place]] = {}
    if points:
        # a formula said negated in NEW and not so in OLD: shifted, not the same ("should
        # {+not+} uphold ..." was "Repeated the same": a review; so was a discovered
        # "provide security assistance to Ukraine" after "will {+no longer+}", review 59)
        said = negated_sayings([a, b], points, turned=source == "discovered", **selection)
        olds = {
            (x.point.id, normalise(a.text[x.start : x.end], tokeniser=tokeniser))
            for x in said
            if x.document == a.id
        }
        for x in said:
            place = b.text[x.start : x.end]
            if (
                x.document == b.id
                and (x.point.id, normalise(place, tokeniser=tokeniser)) not in olds
            ):
                negated.setdefault(x.point.id, []).append(Place(place, *b.line_col(x.start)))
    otherwise: dict[str, tuple[Place, str]] = {}
    if points and source == "watchlist":
        # a watched formula OLD said, NEW says only in words the gate reports as a near
        # miss: shifted, not dropped (review 61: "{-remains open to-}{+has lost interest
        # in+} a political ... settlement" was "Dropped from NEW")
        from .check.near import near_sayings

        said_in_new = {
            p.point.id for p in result.points if any(o.document == b.id for o in p.occurrences)
        }
        for x in near_sayings(
            [b],
            points,
            found_on={pid: {b.date} for pid in said_in_new},
            **selection,
        ):
            if x.point.id not in negated and x.point.id not in otherwise:
                place = b.text[x.start : x.end]
                otherwise[x.point.id] = (Place(place, *b.line_col(x.start)), x.why)
    compared = [
        _compare_point(
            p.point,
            [o for o in p.occurrences if o.document == a.id],
            [o for o in p.occurrences if o.document == b.id],
            tokeniser,
            negated.get(p.point.id, []),
            otherwise.get(p.point.id),
        )
        for p in result.points
    ]
    rephrasings, counts, changed = _sentences(
        a, b, similarity, include_questions, speakers, tokeniser
    )
    return Comparison(
        old=old,
        new=new,
        points_source=source,
        points=tuple(compared),
        rephrasings=tuple(rephrasings),
        sentences=counts,
        changed=changed,
        similarity=similarity,
    )


def _place(o: Occurrence) -> Place:
    return Place(o.text, o.line, o.column)


def _said_as(
    point: Point,
    olds: Sequence[Occurrence],
    said: Place,
    new_count: int,
    tokeniser: Tokeniser | None,
    note: str = "",
) -> PointComparison:
    """The point shifted to words ``track`` does not count as it (``said`` in NEW), against
    the wording OLD had, else the formula's text."""
    before = olds[0].text if olds else point.text
    return PointComparison(
        point,
        PointChange.SHIFTED,
        _place(olds[0]) if olds else None,
        said,
        len(olds),
        new_count,
        word_diff(before, said.text, tokeniser=tokeniser),
        note=note,
    )


def _compare_point(
    point: Point,
    olds: Sequence[Occurrence],
    news: Sequence[Occurrence],
    tokeniser: Tokeniser | None,
    negated: Sequence[Place] = (),
    otherwise: tuple[Place, str] | None = None,
) -> PointComparison:
    if otherwise is not None and olds and not news:
        # OLD said the formula, NEW only a near miss of it: where OLD did not say it either,
        # NEW's words are no change (a review: "{-brook-}{+allow+} no foreign
        # interference", both briefings saying "allow")
        said, why = otherwise
        return _said_as(point, olds, said, 0, tokeniser, note=f"a near miss ({why})")
    if negated:
        # the formula said negated in NEW: against the wording OLD had (else the formula's)
        return _said_as(point, olds, negated[0], len(news), tokeniser)
    if not olds and not news:
        return PointComparison(point, PointChange.ABSENT, None, None, 0, 0, "")
    if not olds:
        # against the wording it was found as: a wording of the watchlist reads plain, a
        # new one shows its change (review 65: "closely communicate with ..." read as
        # the formula, "New in NEW", with nothing marked)
        first = news[0]
        diff = word_diff(first.form, first.text, tokeniser=tokeniser)
        return PointComparison(point, PointChange.NEW, None, _place(first), 0, len(news), diff)
    if not news:
        first = olds[0]
        return PointComparison(
            point, PointChange.DROPPED, _place(first), None, len(olds), 0, first.text
        )
    old_words = {normalise(o.text, tokeniser=tokeniser): o for o in olds}
    new_words = [(n, normalise(n.text, tokeniser=tokeniser)) for n in news]
    for n, key in new_words:
        if key not in old_words:
            words = key.split(" ")
            closest = max(
                olds,
                key=lambda o: (
                    word_similarity(words, normalise(o.text, tokeniser=tokeniser).split(" ")),
                    -o.start,
                ),
            )
            kept = next((o for o, said in new_words if said in old_words), None)
            return PointComparison(
                point,
                PointChange.SHIFTED,
                _place(closest),
                _place(n),
                len(olds),
                len(news),
                word_diff(closest.text, n.text, tokeniser=tokeniser),
                _place(kept) if kept is not None else None,
            )
    best = max(news, key=lambda o: (o.score, -o.start))
    twin = old_words[normalise(best.text, tokeniser=tokeniser)]
    return PointComparison(
        point, PointChange.SAME, _place(twin), _place(best), len(olds), len(news), best.text
    )


def _sentences(
    old: Document,
    new: Document,
    similarity: float,
    include_questions: bool,
    speakers: Collection[str],
    tokeniser: Tokeniser | None,
) -> tuple[list[Rephrasing], SentenceCounts, SentenceChanges]:
    baseline = MemoryBaseline(
        [old], include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
    )
    repeated = rephrased = fresh = 0
    used: set[int] = set()
    identical: set[str] = set()
    out: list[Rephrasing] = []
    added: list[Place] = []
    for s in document_sentences(
        new, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
    ):
        words = [t.text for t in s.tokens]
        if has_sentence(baseline, words):
            repeated += 1
            identical.add(" ".join(words))
            continue
        near = None
        if s.role is not Role.PRESS and len(words) >= MIN_SENTENCE_WORDS:
            near = nearest_sentence(baseline, words, similarity=similarity)
        if near is None:
            fresh += 1
            added.append(_sentence_place(new, s))
            continue
        n, score = near
        used.add(n)
        rephrased += 1
        other = baseline.sentence(n)
        before = old.text[other.start : other.end]
        after = new.text[s.start : s.end]
        out.append(
            Rephrasing(
                old=Place(before, other.line, old.line_col(other.start)[1]),
                new=Place(after, s.line, new.line_col(s.start)[1]),
                similarity=round(score, 1),
                diff=word_diff(before, after, tokeniser=tokeniser),
            )
        )
    texts = baseline.words_of(range(len(baseline.index.sentences)))
    dropped = [
        _sentence_place(old, baseline.sentence(n))
        for n, t in sorted(texts.items())
        if n not in used and t not in identical
    ]
    counts = SentenceCounts(repeated, rephrased, fresh, len(dropped))
    return out, counts, SentenceChanges(tuple(added), tuple(dropped))


def _sentence_place(document: Document, sentence: Sentence) -> Place:
    """Where a sentence stands in its document, and its words as written."""
    return Place(
        document.text[sentence.start : sentence.end],
        sentence.line,
        document.line_col(sentence.start)[1],
    )


def read_side(
    path: str,
    name: str,
    date: dt.date | None,
    *,
    manifest: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> Document:
    """The one briefing of ``path``, the ``name`` (OLD or NEW) side of a comparison,
    dated by ``date`` (``--old-date``/``--new-date``) when given."""
    from .ingest import load_documents

    docs = load_documents(
        [path],
        manifest=manifest,
        since=since,
        until=until,
        date=date,
        date_option=f"--{name.lower()}-date",
    )
    return _one(docs, name, path)


def _one(docs: list[Document], name: str, given: str) -> Document:
    if not docs:
        raise OptionError(f"{name} has no briefing in the --since/--until range", path=given)
    if len(docs) != 1:
        raise OptionError(f"{name} must be one briefing, but it holds {len(docs)}", path=given)
    return docs[0]


def compare_files(
    old: str,
    new: str,
    *,
    points_file: str | None = None,
    manifest: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    old_date: dt.date | None = None,
    new_date: dt.date | None = None,
) -> Comparison:
    """``consistency diff OLD NEW``: read both briefings (and the watchlist), compare them.

    Each of OLD and NEW must hold exactly one briefing in the ``since``/``until`` range.
    ``old_date``/``new_date`` date them (``--old-date``/``--new-date``); else a manifest,
    ``manifest.csv`` beside them, their file names or their first lines.
    """
    from .watchlist import load_watchlist

    require_percent(threshold, "threshold")
    require_percent(similarity, "similarity")
    points = load_watchlist(points_file) if points_file else None
    sides: list[Document] = []
    problems: list[ConsistencyError] = []
    for path, name, date in ((old, "OLD", old_date), (new, "NEW", new_date)):
        try:
            sides.append(read_side(path, name, date, manifest=manifest, since=since, until=until))
        except InputErrors as e:
            problems.extend(e.errors)
        except ConsistencyError as e:
            problems.append(e)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputErrors(problems)
    a, b = sides
    return compare(
        a,
        b,
        points=points,
        threshold=threshold,
        similarity=similarity,
        include_questions=include_questions,
        speakers=speakers,
    )
