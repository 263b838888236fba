"""The best rows read by the matching engine: what ``track`` finds of each.

Discovery counts a row by the n-gram occurrences it grouped (its family and
passages). A reader then tracks the row, as ``report`` does, and ``track``
counts what the engine finds for the row's text and aliases. The two differ:
a family takes in a shorter wording said elsewhere too ("work with the
international community" under "China stands ready to work with the
international community": 62 dates grouped, 18 tracked, on the 100 newest MFA
briefings), and the engine finds wordings no n-gram grouped (a word put in).
So the best rows are searched with the engine, and what a row reports (dates,
documents, count, wordings) is what ``track`` finds; a row the engine finds on
fewer than ``min_dates`` dates, or only in the words of a better row (see
:func:`consistency.track.shadowed`, as ``report`` drops it), gives way to the
next.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from ..match import DEFAULT_THRESHOLD, SentenceIndex, find_point
from ..match.corpus import BoolArray
from ..match.key import match_key
from ..models import Document, Found, Point
from ..normalise import Tokeniser
from ..track import (
    EarlySearch,
    MatchKeeper,
    found_of,
    search_in_parts,
    shadowed,
    sort_documents,
    unsearched,
    worth_parallel,
)
from .result import DiscoveredPoint

PERFECT = 100.0
"""The score of a wording found word for word."""

VERIFY_MARGIN = 0.25
"""Rows read by the engine beyond ``top``, as a share of it (at least
:data:`VERIFY_MIN_MARGIN`): the rows that give way are replaced from these."""

VERIFY_MIN_MARGIN = 10
"""The fewest rows read beyond ``top``."""


VERIFY_FLOOR = 100
"""A list of fewer rows is read as one of this many (see :func:`read_count`)."""


def verified_count(top: int) -> int:
    """How many of the best rows the engine's reading of a list of ``top`` may take its
    rows from: ``top`` and a margin."""
    return top + max(VERIFY_MIN_MARGIN, math.ceil(VERIFY_MARGIN * top))


def read_count(top: int) -> int:
    """How many of the best rows are read by the engine for a list of ``top``: those of a
    list of :data:`VERIFY_FLOOR` at least, so that a shorter list, the report's 25, is the
    first rows of ``--top 100`` (review 132: a formula the engine found on 19 dates, row
    13 of ``--top 100``, stood past the 35 rows read for 25, and the report tracked a
    filler row in its place)."""
    return verified_count(max(top, VERIFY_FLOOR))


def verify(
    found: Sequence[DiscoveredPoint],
    index: SentenceIndex | Callable[[], SentenceIndex],
    documents: Sequence[Document],
    *,
    min_dates: int,
    top: int,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    keeper: MatchKeeper | None = None,
    jobs: int = 1,
    rising: Collection[Point] = (),
    early: EarlySearch | None = None,
) -> list[DiscoveredPoint]:
    """``found`` (the best rows, best first) with the engine's counts, ranked again, less the
    rows the engine finds on fewer than ``min_dates`` dates or only inside better rows'
    words, the best ``top``; then those of the ``rising`` rows (new in a report's
    period) that are not among them.

    A row's score keeps every factor but its spread over dates, which becomes the
    engine's (see :class:`~consistency.discover.rank._Scorer`: ``log2(1 + dates)``).
    ``index``: the sentences the engine searches, or how to index them (called only
    if some row is searched in this process). ``include_questions``, ``speakers``: the
    turns ``index`` holds. ``keeper``: where matches are kept as ``track`` keeps them
    under these settings: a row's matches kept there by an earlier run (a warm run's
    index) are read, not searched again, in every briefing they were searched in; what
    is searched is kept (``report`` tracks the rows next and reads them from there).
    ``jobs``: the rows searched in every briefing are searched by this many processes
    where ``track`` would use them (see :func:`~consistency.track.worth_parallel`), each
    indexing a share of the briefings; the counts are the same. ``early``: processes
    started before, each with its share of ``documents`` indexed already: they search
    the rows searched in every briefing (see :class:`~consistency.track.EarlySearch`).
    """
    by_id = {d.id: d for d in documents}
    keys = {
        row.point: match_key(
            row.point, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
        )
        for row in found
    }
    kept = keeper.recall(set(keys.values())) if keeper is not None else {}
    hashes = {d.id: keeper.hash(d.id) if keeper is not None else d.id for d in documents}
    contents = set(hashes.values())
    todos = {
        row.point: unsearched(documents, hashes, kept.get(keys[row.point], {})) for row in found
    }
    whole = [row.point for row in found if len(todos[row.point]) == len(contents)]
    searched: dict[Point, list[tuple[str, Found]]] = {}
    if whole and early is not None:
        searched = dict(zip(whole, early.search(whole, DEFAULT_THRESHOLD), strict=True))
    elif len(whole) > 1 and worth_parallel(documents, whole, jobs):
        parts = search_in_parts(
            sort_documents(documents),
            whole,
            threshold=DEFAULT_THRESHOLD,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
            jobs=jobs,
        )
        searched = dict(zip(whole, parts, strict=True))
    fresh: dict[str, dict[str, list[Found]]] = {}
    rows: list[tuple[DiscoveredPoint, list[tuple[str, Found]]]] = []
    for row in found:
        key = keys[row.point]
        record = kept.get(key, {})
        todo = todos[row.point]
        if todo:
            record = {**record, **{sha: [] for sha in todo}}
            chosen = set(todo.values())
            hits = searched.get(row.point)
            if hits is None:
                if not isinstance(index, SentenceIndex):
                    index = index()
                within = index.within(chosen) if len(chosen) < len(documents) else None
                hits = _search(row.point, index, within, tokeniser)
            for doc, f in hits:
                if doc in chosen:
                    record[hashes[doc]].append(f)
            fresh[key] = record
        hits = [(d.id, f) for d in documents for f in record[hashes[d.id]]]
        rows.append((_counted(row, hits, by_id), hits))
    if keeper is not None and fresh:
        keeper.keep(fresh)
    rows = [r for r in rows if r[0].dates >= min_dates]
    rows.sort(key=lambda r: (-r[0].score, -r[0].dates, r[0].point.text))
    gone = shadowed(
        [[(doc, f.start, f.end, f.form == row.point.text) for doc, f in hits] for row, hits in rows]
    )
    named = _named_by_shadowed(rows, gone)
    if named:
        if not isinstance(index, SentenceIndex):
            index = index()
        for k, point in named.items():
            row = replace(rows[k][0], point=point)
            rows[k] = (_counted(row, _search(point, index, None, tokeniser), by_id), [])
    left = [row for (row, _), out in zip(rows, gone, strict=True) if not out]
    return left[:top] + [row for row in left[top:] if row.point in rising]


NAMING_SHARE = 2
"""How many times as often a shadowed row's own wording must be found word for word as the
wording of the row that shadows it to name that row (see :func:`_named_by_shadowed`)."""

NAMING_LIKENESS = 75
"""The least token-set ratio of two rows' wordings for one to name the other."""


def _named_by_shadowed(
    rows: Sequence[tuple[DiscoveredPoint, list[tuple[str, Found]]]], gone: Sequence[bool]
) -> dict[int, Point]:
    """The rows to be named by a row they shadow, by index, with their new point: the
    engine reads a row's variant in it, so a row that discovery grouped from a few of the
    formula's sayings counts them all and may rank first, then shadow the formula's own
    row ("the UK's support for Ukraine remained *unwavering*", 14 of its 44 readings word
    for word, over "... remained *ironclad*", 42: review 157; "the international community
    must not abandon *the Afghan people*", 6, over "... *the people of Afghanistan*", 20:
    review 155). The shadowed row names the other where its own wordings are found word
    for word :data:`NAMING_SHARE` times as often, it is no shorter, and the two are alike
    (:data:`NAMING_LIKENESS`): the row keeps its place, with the shadowed row's point (its
    id and text), the other's wordings its aliases."""
    if not any(gone):
        return {}
    spans: list[dict[str, list[tuple[int, int]]]] = []
    for _, hits in rows:
        by_doc: dict[str, list[tuple[int, int]]] = {}
        for doc, f in hits:
            by_doc.setdefault(doc, []).append((f.start, f.end))
        spans.append(by_doc)
    named: dict[int, Point] = {}
    for k, out in enumerate(gone):
        row, hits = rows[k]
        if not out or not hits:
            continue

        def overlap(j: int, hits: Sequence[tuple[str, Found]] = hits) -> int:
            return sum(
                any(a < f.end and f.start < b for a, b in spans[j].get(doc, ())) for doc, f in hits
            )

        shadow = max((j for j in range(k) if not gone[j]), key=overlap, default=None)
        if shadow is None or shadow in named or not overlap(shadow):
            continue
        other = rows[shadow][0]
        mine, theirs = sum(n for _, n in row.wordings), sum(n for _, n in other.wordings)
        if (
            mine >= NAMING_SHARE * max(theirs, 1)
            and len(row.point.text.split()) >= len(other.point.text.split())
            and fuzz.token_set_ratio(row.point.text.lower(), other.point.text.lower())
            >= NAMING_LIKENESS
        ):
            wordings = (other.point.text, *other.point.aliases, *row.point.aliases)
            aliases = tuple(w for w in dict.fromkeys(wordings) if w != row.point.text)
            named[shadow] = replace(row.point, aliases=aliases)
    return named


def _search(
    point: Point, index: SentenceIndex, within: BoolArray | None, tokeniser: Tokeniser | None
) -> list[tuple[str, Found]]:
    """The engine's matches of ``point`` in ``index`` (in the sentences ``within`` marks,
    when given), by document id."""
    return [
        (m.sentence.document, found_of(m))
        for m in find_point(
            point, index, threshold=DEFAULT_THRESHOLD, tokeniser=tokeniser, within=within
        )
    ]


def _counted(
    row: DiscoveredPoint, hits: Sequence[tuple[str, Found]], documents: dict[str, Document]
) -> DiscoveredPoint:
    """``row`` with the dates, documents, count and wordings of ``hits`` (document id and
    match), and its score's spread over dates made theirs. A wording is counted where it
    is found at score 100: word for word (a hyphenated word it cuts taken in whole)."""
    ids = sorted({doc for doc, _ in hits}, key=lambda d: (documents[d].date, d))
    dates = sorted({documents[d].date for d in ids})
    wordings = (row.point.text, *row.point.aliases)
    said = dict.fromkeys(wordings, 0)
    since: dict[str, dt.date] = {}
    on: dict[str, set[dt.date]] = {w: set() for w in wordings}
    for doc, f in hits:
        day = documents[doc].date
        if f.score >= PERFECT and f.form in said:
            said[f.form] += 1
            since[f.form] = min(day, since.get(f.form, day))
            on[f.form].add(day)
    other = {
        w: {documents[doc].date for doc, f in hits if f.score < PERFECT or f.form != w}
        for w in wordings
    }
    spread = math.log2(1 + len(dates)) / math.log2(1 + row.dates) if row.dates else 0.0
    # an alias the engine never finds word for word is no wording of the archive: a
    # fragment the n-grams grouped, which would accept what it stands in ("open and
    # rules-based Indo-Pacific" of a drift, review 66)
    wordings = (row.point.text, *(a for a in row.point.aliases if said[a]))
    return DiscoveredPoint(
        point=replace(row.point, aliases=wordings[1:]),
        dates=len(dates),
        documents=tuple(ids),
        first=dates[0] if dates else row.first,
        last=dates[-1] if dates else row.last,
        example=row.example,
        score=row.score * spread,
        count=len(hits),
        wordings=tuple((w, said[w]) for w in wordings),
        firsts=tuple(since.get(w) for w in wordings),
        took_over=tuple(took_over(on[w], other[w], dates) for w in wordings),
    )


TOOK_OVER_DATES = 3
"""The fewest dates a wording is said on before :func:`took_over` reads it as the new line."""


TOOK_OVER_RECENT = 3
"""A wording took the place of the others in the newest ``1 / TOOK_OVER_RECENT`` of the
point's dates, or the line changed long ago and it is the line (see :func:`took_over`)."""


def took_over(mine: set[dt.date], others: set[dt.date], dates: Sequence[dt.date]) -> bool:
    """Whether a wording said word for word on ``mine`` took the place of the point's other
    wordings (said on ``others``; ``dates``: the point's, sorted): from one of its dates
    on, after the point's first, it is said on :data:`TOOK_OVER_DATES` dates or more,
    on most of the point's dates, while the others are said on half of them or fewer, and
    those dates are the newest of the point's (:data:`TOOK_OVER_RECENT`).
    "zero tolerance for *extremism* in all its forms and manifestations", said in place of
    "terrorism" from 41 days before the end of a weekly archive (review 64), is the line
    changed, no other way to say it, even where it was said once or twice long before; a
    wording said beside the others, or on :data:`TOOK_OVER_DATES` dates before it
    prevailed, is one."""
    for before, start in enumerate(sorted(mine)):
        if before >= TOOK_OVER_DATES:
            return False  # a wording of the point's before it took over
        if start <= dates[0]:
            continue
        since = [d for d in dates if d >= start]
        said = sum(1 for d in since if d in mine)
        if said < TOOK_OVER_DATES:
            return False
        if 2 * said > len(since) and 2 * len(others.intersection(since)) <= len(since):
            # the line changed in the point's newest dates; one changed long ago is the
            # line now ("构建人类命运共同体" from 2017, of an archive to 2020)
            return TOOK_OVER_RECENT * len(since) <= len(dates)
    return False
