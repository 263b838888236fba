"""The changes a report tells: the timeline's analysis (:func:`~consistency.timeline.analyse`)
with what the period's briefings say that ``track`` never counts, a formula said negated
or in words the gate reports as a near miss.

``track`` tells the changes of what it counts only: these searches cost a cold search of
the period (1.8 s for 100 points over the MFA corpus's last month, against 4.9 s for the
whole run; a warm run searches nothing), which ``report`` and ``check`` pay (review 123).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence

from .check.near import near_sayings
from .models import Document, Point, TrackResult
from .timeline import Analysis, analyse, with_near_misses, with_negations
from .track import build_index, negated_sayings


def analyse_run(
    docs: Sequence[Document],
    points: Sequence[Point],
    result: TrackResult,
    *,
    watchlist: bool,
    since: dt.date | None = None,
    until: dt.date | None = None,
    baseline_until: dt.date | None = None,
    threshold: float,
    include_questions: bool = False,
    speakers: Collection[str] = (),
) -> Analysis:
    """The analysis of ``result`` (``points`` tracked in ``docs``) for the period chosen so
    (see :func:`~consistency.timeline.analyse`), with the period's negated sayings of
    ``points`` (of discovered points, one said the other way round at one place: see
    :func:`~consistency.match.turned_over`) and their near misses (discovered points' too:
    review 154's "the immediate {-and unconditional-} release of all hostages" was in no
    part of a report without a watchlist, where ``check`` named it)."""
    analysis = analyse(result, since=since, until=until, baseline_until=baseline_until)
    if analysis.period.first is None:
        return analysis
    first, last = analysis.period.first, analysis.period.last or analysis.period.first
    period_docs = [d for d in docs if first <= d.date <= last]
    # the period's sentences, indexed once for both searches
    indexed = build_index(period_docs, include_questions=include_questions, speakers=speakers)
    said = negated_sayings(
        period_docs,
        points,
        threshold=threshold,
        include_questions=include_questions,
        speakers=speakers,
        turned=not watchlist,
        index=indexed,
    )
    analysis = with_negations(analysis, said, docs, result)
    near = near_sayings(
        period_docs,
        points,
        threshold=threshold,
        include_questions=include_questions,
        speakers=speakers,
        found_on={p.point.id: {o.date for o in p.occurrences} for p in result.points},
        index=indexed,
    )
    return with_near_misses(analysis, near, docs, result)
