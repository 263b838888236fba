"""The gate's near misses in a set of briefings, for a report: where a watched formula is
said in words the engine does not count as it, and that do not say the opposite.

``check`` reads one new briefing at a time and reports each near miss; a report reads a
period, and cards only those that stand *instead of* the formula (see
:func:`consistency.timeline.with_near_misses`). Both find them by the same rules: a
wording scoring up to ``near`` under the point's threshold, a name of the formula
replaced or put in (the engine's lenient reading), one word of the formula swapped, a
run of its inner words dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from ..match import (
    DEFAULT_THRESHOLD,
    Match,
    SentenceIndex,
    find_dropped,
    find_point,
    find_reworded,
    find_swapped,
    make_forms,
    negated_before,
    says_opposite,
    span_words,
    threshold_of,
)
from ..match.find import DROP_MAX_WORDS
from ..models import Document, Point, Saying
from ..normalise import Tokeniser, grammar_of
from ..track import build_index
from .findings import NEAR_MARGIN, RUN_DROPPED, RUN_REWORDED, WORD_SWAPPED
from .run import _Taken, _widened_miss, another_subject, name_why


def near_sayings(
    documents: Sequence[Document],
    points: Sequence[Point],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    near: float = NEAR_MARGIN,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    found_on: Mapping[str, Collection[dt.date]] | None = None,
    index: SentenceIndex | None = None,
) -> list[Saying]:
    """Where ``documents`` say a point in a wording of its own that ``track`` does not
    count, by ``check``'s rules for a watchlist's near misses (see the module docstring),
    but for those that say the opposite (a report cards them as said negated: see
    :func:`consistency.track.negated_sayings`). Each with its score and why it is not
    counted; by point, then document and place. ``found_on``: the dates each point (by
    id) is found on already; the briefings of those dates are not searched for it (a
    report cards only the near misses that stand instead of the formula). ``index``: the
    documents' selected sentences, indexed already (as :func:`build_index` gives them)."""
    if near <= 0 or not documents or not points:
        return []
    if index is None:
        index = build_index(
            documents, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
        )
    grammar = grammar_of(tokeniser)
    out: list[Saying] = []
    for point in points:
        skip = found_on.get(point.id, ()) if found_on is not None else ()
        ids = {d.id for d in documents if d.date not in skip}
        if not ids:
            continue
        within = index.within(ids) if len(ids) < len(documents) else None
        forms = {f.words for f in make_forms(point, tokeniser=tokeniser)}
        limit = threshold_of(point, threshold)
        lowered = replace(point, threshold=max(0.0, limit - near))
        counted = find_point(point, index, threshold=threshold, tokeniser=tokeniser, within=within)
        found: list[tuple[Match, str]] = [
            (m, f"score {m.score:.1f}, under the point's threshold {limit:g}")
            for m in find_point(
                lowered, index, threshold=threshold, tokeniser=tokeniser, within=within
            )
            if m.score < limit
        ]
        lenient = find_point(
            lowered, index, threshold=threshold, tokeniser=tokeniser, within=within, lenient=True
        )
        # a word swapped or a run of at most DROP_MAX_WORDS dropped leaves one of a
        # wording's DROP_MAX_WORDS + 1 rarest words in place
        numbers = index.candidates(
            w
            for f in forms
            for w in sorted(set(f), key=lambda w: (index.frequency(w), w))[: DROP_MAX_WORDS + 1]
        )
        if within is not None:
            numbers = [n for n in numbers if within[n]]
        found += [(m, _uncounted(m, name_why(m, index.text(m.sentence.document)))) for m in lenient]
        found += [
            (m, _uncounted(m, WORD_SWAPPED))
            for m in find_swapped(point, index, numbers, tokeniser=tokeniser)
        ]
        found += [
            (m, _uncounted(m, RUN_DROPPED))
            for m in find_dropped(point, index, numbers, tokeniser=tokeniser)
        ]
        found += [
            (m, _uncounted(m, RUN_REWORDED))
            for m in find_reworded(point, index, numbers, tokeniser=tokeniser)
        ]
        taken, occurrences = _Taken(counted), _Taken(counted)
        kept: list[Match] = []
        whys: list[str] = []
        for m, why in found:
            span = span_words(m)
            if span in forms:
                continue
            at = None
            if taken.overlaps(m):
                # the near miss read whole, as `check` reads it (review 136)
                at = None if occurrences.overlaps(m) else _widened_miss(kept, m, limit)
                if at is None:
                    continue
            if m.score < limit and another_subject(m, span):
                continue  # another subject's phrase, as check reads it
            text = index.text(m.sentence.document)
            if says_opposite(m, text, grammar) or negated_before(m, text, grammar):
                continue
            taken.add(m)
            if at is None:
                kept.append(m)
                whys.append(why)
            else:
                kept[at], whys[at] = m, why
        out += [
            Saying(point, m.sentence.document, m.start, m.end, why=why)
            for m, why in zip(kept, whys, strict=True)
        ]
    out.sort(key=lambda s: (points.index(s.point), s.document, s.start))
    return out


def _uncounted(match: Match, why: str) -> str:
    """Why a near miss that scores the threshold is none, as ``check`` says it."""
    return f"score {match.score:.1f}, but track does not count it: {why}"
