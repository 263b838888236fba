"""``track``: every talking point located in every document, with its timeline.

This is the library entry point behind ``consistency track`` and ``report``;
it reads no files and writes nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .diff import word_diff
from .match import DEFAULT_THRESHOLD, Corpus, PackedSentences, SentenceIndex, find_point
from .models import Document, Occurrence, Point, PointResult, Progress, TrackResult
from .normalise import Tokeniser
from .segment import sentence_rows
from .timeline import shifts, status_of, with_changes, wordings


def sort_documents(documents: Sequence[Document]) -> tuple[Document, ...]:
    """Documents by date, then id (the contract's order)."""
    return tuple(sorted(documents, key=lambda d: (d.date, d.id)))


def build_index(
    documents: Sequence[Document],
    *,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
) -> SentenceIndex:
    """Segment and tokenise the selected turns of every document, and index them."""
    sentences = PackedSentences()
    for doc in documents:
        for row in sentence_rows(
            doc, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
        ):
            sentences.add(doc.id, *row)
        if progress:
            progress(1)
    return SentenceIndex(sentences, {d.id: d.text for d in documents})


SHADOWED_SHARE = 0.8
"""A point whose occurrences overlap an earlier point's at least this often is dropped."""


def _same_words(a: int, b: int, s: int, e: int) -> bool:
    """Whether the occurrence ``[a, b)`` mostly re-finds the earlier one ``[s, e)``."""
    shared = min(b, e) - max(a, s)
    if a <= s and e <= b:  # it holds the earlier one whole
        return 4 * shared > 3 * (b - a)
    return 2 * shared > b - a


def without_shadowed(result: TrackResult) -> TrackResult:
    """Drop each point that only finds again the words of earlier points.

    Discovered points come best first; a lower one whose every occurrence
    lies inside an occurrence of a better one ("remains unchanged", found as
    a shifted "has not changed"), or most of whose occurrences
    (:data:`SHADOWED_SHARE`) overlap one by more than half of their own
    length (one passage cut two ways: "interfering in China's internal
    affairs that brook" beside "stop interfering in China's internal
    affairs"), or hold one that makes more than three quarters of them,
    adds nothing to a report but a second count of the same words. A longer
    formula holding a better one ("address trade differences through
    dialogue and consultation") stays. Points found nowhere are kept: their
    absence is news.
    """
    kept: list[PointResult] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for pr in result.points:
        spans = [(o.start, o.end, taken.get(o.document, ())) for o in pr.occurrences]
        inside = all(any(s <= a and b <= e for s, e in near) for a, b, near in spans)
        overlaps = sum(any(_same_words(a, b, s, e) for s, e in near) for a, b, near in spans)
        if spans and (inside or overlaps >= SHADOWED_SHARE * len(spans)):
            continue
        kept.append(pr)
        for o in pr.occurrences:
            taken.setdefault(o.document, []).append((o.start, o.end))
    return TrackResult(documents=result.documents, points=tuple(kept))


def track(
    documents: Sequence[Document],
    points: Sequence[Point],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
    index: Corpus | None = None,
) -> TrackResult:
    """Find every point in every document and build each point's timeline.

    ``threshold`` applies to points without their own; ``include_questions``
    and ``speakers`` choose whose words count (default: officials and
    narration). Pass a prebuilt ``index`` to reuse segmentation across calls.
    """
    docs = sort_documents(documents)
    by_id = {d.id: d for d in docs}
    if index is None:
        index = build_index(
            docs,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
            progress=progress,
        )
    order = {d.id: k for k, d in enumerate(docs)}
    results: list[PointResult] = []
    for point in points:
        occurrences: list[Occurrence] = []
        for match in find_point(point, index, threshold=threshold, tokeniser=tokeniser):
            doc = by_id[match.sentence.document]
            text = doc.text[match.start : match.end]
            line, column = doc.line_col(match.start)
            occurrences.append(
                Occurrence(
                    point=point.id,
                    document=doc.id,
                    date=doc.date,
                    speaker=match.sentence.speaker,
                    role=match.sentence.role,
                    text=text,
                    start=match.start,
                    end=match.end,
                    line=line,
                    column=column,
                    score=round(match.score, 1),
                    form=match.form.text,
                    status=status_of(text, point.text, tokeniser=tokeniser),
                    diff=word_diff(point.text, text, tokeniser=tokeniser),
                )
            )
        occurrences.sort(key=lambda o: (o.date, order[o.document], o.start))
        occurrences = with_changes(occurrences, tokeniser=tokeniser)
        present = {o.document for o in occurrences}
        results.append(
            PointResult(
                point=point,
                occurrences=tuple(occurrences),
                absent=tuple(d.id for d in docs if d.id not in present),
                wordings=tuple(wordings(occurrences, tokeniser=tokeniser)),
                shifts=tuple(shifts(occurrences, point.text, tokeniser=tokeniser)),
            )
        )
        if progress:
            progress(1)
    return TrackResult(documents=docs, points=tuple(results))
