"""``track``: every talking point located in every document, with its timeline.

This is the library entry point behind ``consistency track`` and ``report``;
it reads no files and writes nothing (a warm run's match store, passed in, keeps
what was found).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
import traceback
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import replace
from itertools import accumulate, pairwise
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import Protocol, TypedDict

from ._gc import collector_paused
from .diff import word_diff
from .match import (
    DEFAULT_THRESHOLD,
    Corpus,
    Match,
    PackedSentences,
    SentenceIndex,
    find_point,
    negated_before,
    negating_words,
    says_opposite,
    span_words,
    threshold_of,
    turned_over,
)
from .match.corpus import BoolArray
from .match.key import match_key
from .models import (
    Document,
    Found,
    Occurrence,
    Point,
    PointResult,
    Progress,
    Saying,
    Status,
    TrackResult,
)
from .normalise import Tokeniser, grammar_of
from .segment import sentence_rows
from .timeline import changes, shifts, status_of, wordings


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


PARALLEL_MIN_CHARS = 2_000_000
"""Below this much text (about 300,000 words) ``track`` searches in one process
whatever ``jobs`` says: starting the others would cost more than they save."""

PARTS_PER_JOB = 3
"""The briefings are cut into this many parts per process, so that a process done
early takes another part instead of waiting for the slowest."""


class Selection(TypedDict, total=False):
    """What ``track`` and :func:`negated_sayings` read of the briefings and how they
    match: one value for callers that ask both the same (``diff``)."""

    threshold: float
    include_questions: bool
    speakers: Collection[str]
    tokeniser: Tokeniser | None


def negated_sayings(
    documents: Sequence[Document],
    points: Sequence[Point],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    turned: bool = False,
    index: SentenceIndex | None = None,
) -> list[Saying]:
    """Where ``documents`` say a point with a negation its wording lacks, or without one
    it has ("we *no longer* stand shoulder to shoulder with our allies"), or word for word
    right after one ("we will *not* uphold the rules-based international order"): the
    engine's near misses that say the opposite (see
    :func:`~consistency.match.says_opposite`), at the point's threshold. ``track`` counts
    none of the first kind and the second as the wording; a report tells both. By point,
    then document and place.

    Not the gate's other near misses (a name replaced, a word swapped, a run dropped):
    on the corpus, cards of them were noise ("the {-principle-}{+success+} of "one
    country, two systems"", 维护{-地区-}{+中东地区的+}和平与稳定: a review), where a gate
    that must fail loudly may be wrong now and then.

    ``turned``: only a wording said the other way round at one place, nothing else
    changed (see :func:`~consistency.match.turned_over`), as for discovered points,
    whose common phrases say other things with a negation too: "urged external forces
    *to not interfere* in China's internal affairs" is no "stop interfering in China's
    domestic affairs" turned over (MFA 2020-06-05). ``index``: the documents' selected
    sentences, indexed already (as :func:`build_index` gives them)."""
    if index is None:
        index = build_index(
            documents, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
        )
    grammar = grammar_of(tokeniser)
    negating = negating_words(tokeniser)
    out: list[Saying] = []
    for point in points:
        limit = threshold_of(point, threshold)
        lowered = replace(point, threshold=max(0.0, limit - TURNED_MARGIN))
        found = find_point(lowered, index, threshold=threshold, tokeniser=tokeniser, lenient=True)
        for m in found:
            text = index.text(m.sentence.document)
            if says_opposite(m, text, grammar):
                widened = negated_before(m, text, grammar) or m
                if (turned or m.score < limit) and not turned_over(
                    m.form.words, span_words(widened), grammar.negations, negating, grammar.denials
                ):
                    continue
                out.append(Saying(point, m.sentence.document, widened.start, widened.end))
    return out


TURNED_MARGIN = 5.0
"""How far under a point's threshold a wording said the other way round at one place,
nothing else changed (see :func:`~consistency.match.turned_over`), still counts as said
negated: the words that turn it score less than the one they replace ("Russia
{-remains-}{+is no longer+} open to a political and diplomatic settlement", 73.6:
review 142, no card while the gate failed on it)."""


def usable_cpus() -> int:
    """How many processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worth_parallel(docs: Sequence[Document], points: Sequence[Point], jobs: int) -> bool:
    """Whether ``jobs`` processes would search these briefings (see :func:`track`)."""
    return len(points) > 1 and worth_parts(docs, jobs)


def worth_parts(docs: Sequence[Document], jobs: int) -> bool:
    """Whether ``jobs`` processes would search these briefings for several points."""
    return (
        jobs > 1 and len(docs) >= 2 * jobs and sum(len(d.text) for d in docs) >= PARALLEL_MIN_CHARS
    )


def _parts(docs: Sequence[Document], count: int) -> list[list[Document]]:
    """``docs`` cut into at most ``count`` runs of about the same amount of text (each
    cut where the running total comes nearest to its share)."""
    ends = list(accumulate(len(d.text) for d in docs))
    total = ends[-1] if ends else 0
    cuts = [0]
    for k in range(1, count):
        goal = total * k / count
        at = bisect_left(ends, goal)
        if at < len(ends) and at > 0 and goal - ends[at - 1] < ends[at] - goal:
            at -= 1
        cut = min(at + 1, len(docs))
        if cut > cuts[-1]:
            cuts.append(cut)
    cuts.append(len(docs))
    return [list(docs[a:b]) for a, b in pairwise(cuts) if b > a]


def _search_part(
    docs: Sequence[Document],
    points: Sequence[Point],
    threshold: float,
    include_questions: bool,
    speakers: Collection[str],
    tokeniser: Tokeniser | None,
) -> list[list[tuple[str, Found]]]:
    """Each point's matches in some of the briefings, indexed here (a worker's job)."""
    index = build_index(
        docs, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
    )
    return [
        found_by_document(point, index, threshold=threshold, tokeniser=tokeniser)
        for point in points
    ]


def found_by_document(
    point: Point,
    corpus: Corpus,
    *,
    threshold: float,
    tokeniser: Tokeniser | None,
    within: BoolArray | None = None,
) -> list[tuple[str, Found]]:
    """The engine's matches of ``point`` in ``corpus`` (in the sentences ``within`` marks,
    when given), as kept: by document id."""
    matches = find_point(point, corpus, threshold=threshold, tokeniser=tokeniser, within=within)
    return [(m.sentence.document, found_of(m)) for m in matches]


def search_in_parts(
    docs: Sequence[Document],
    points: Sequence[Point],
    *,
    threshold: float,
    include_questions: bool,
    speakers: Collection[str],
    tokeniser: Tokeniser | None,
    jobs: int,
    progress: Progress | None = None,
) -> list[list[tuple[str, Found]]]:
    """Each point's matches in ``docs``, the briefings cut into parts searched by ``jobs``
    processes, each indexing its own part; in the order one process gives.

    A span depends only on the sentence around it (the engine's stability), so a
    briefing's matches are the same whichever part it is in. The processes are
    started fresh (forkserver, or spawn where there is none), never forked from
    this one, which may hold threads.
    """
    parts = _parts(docs, jobs * PARTS_PER_JOB)
    context = _fresh_processes()
    order = {d.id: k for k, d in enumerate(docs)}
    found: list[list[tuple[str, Found]]] = [[] for _ in points]
    options = (threshold, include_questions, tuple(speakers), tokeniser)
    with ProcessPoolExecutor(max_workers=min(jobs, len(parts)), mp_context=context) as pool:
        futures = [pool.submit(_search_part, part, tuple(points), *options) for part in parts]
        for part, future in zip(parts, futures, strict=True):
            for mine, theirs in zip(found, future.result(), strict=True):
                mine.extend(theirs)
            if progress:
                progress(len(part))
    _in_briefing_order(found, order)
    return found


def _in_briefing_order(found: list[list[tuple[str, Found]]], order: Mapping[str, int]) -> None:
    """Each point's matches gathered from the parts sorted as one process finds them: by
    briefing (``order``: each id's place), then start."""
    for hits in found:
        hits.sort(key=lambda h: (order[h[0]], h[1].start))


def _fresh_processes() -> ForkServerContext | SpawnContext:
    """Processes started fresh (forkserver, or spawn where there is none), never forked
    from this one, which may hold threads."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


EARLY_MAX_CHARS = 20_000_000
"""The most text (about 3 M words) indexed while discovery ranks (see
:func:`held_beside_discovery`): by an :class:`EarlySearch`, whose processes hold their
shares indexed beside discovery's own arrays (on 8.4 M words, 50 M characters, 415 MB a
process of two beside the ranking process's 1.1 GB), or by a report that searches in its
own process (one index for discovery and tracking: 280 MB there). A larger archive is
indexed after ranking, once discovery's arrays are freed."""


def worth_early(docs: Sequence[Document], jobs: int) -> bool:
    """Whether an :class:`EarlySearch` of ``jobs`` processes is started for these briefings:
    where ``jobs`` processes would search them (:func:`worth_parts`), and their indexes may
    be held beside discovery's arrays (:func:`held_beside_discovery`)."""
    return worth_parts(docs, jobs) and held_beside_discovery(docs)


def held_beside_discovery(docs: Sequence[Document]) -> bool:
    """Whether an index of these briefings may be held while discovery ranks them: they
    hold no more than :data:`EARLY_MAX_CHARS` of text."""
    return sum(len(d.text) for d in docs) <= EARLY_MAX_CHARS


EARLY_NICENESS = 10
"""How much lower the priority of an :class:`EarlySearch` process is than its starter's."""


class EarlySearch:
    """Processes started before the points they search are known: each indexes its share
    of the briefings at once, then searches it for the points :meth:`search` gives.

    Discovery starts them before it ranks its rows, so that the briefings are indexed on
    the other processors while it ranks, not after (on the 500 MFA briefings the
    engine's reading of the best rows took 6.4 s after ranking, indexing included; 3.2-3.4
    s with the shares indexed early). The
    matches are those of :func:`search_in_parts`, in the same order. Leaving the
    ``with`` block, or :meth:`close`, stops the processes.
    """

    def __init__(
        self,
        docs: Sequence[Document],
        *,
        include_questions: bool,
        speakers: Collection[str],
        tokeniser: Tokeniser | None,
        jobs: int,
    ) -> None:
        parts = _parts(docs, jobs)
        context = _fresh_processes()
        self._order = {d.id: k for k, d in enumerate(docs)}
        self._links: list[Connection] = []
        self._workers: list[BaseProcess] = []
        for _ in parts:
            mine, theirs = context.Pipe()
            worker = context.Process(target=_serve_part, args=(theirs,), daemon=True)
            worker.start()
            theirs.close()
            self._links.append(mine)
            self._workers.append(worker)
        options = (include_questions, tuple(speakers), tokeniser)
        # sent from a thread: a process reads its share only once it has started
        self._sender = threading.Thread(
            target=self._send, args=(parts, options), name="early-search", daemon=True
        )
        self._sender.start()

    def _send(self, parts: list[list[Document]], options: tuple[object, ...]) -> None:
        for link, part in zip(self._links, parts, strict=True):
            with suppress(OSError):
                link.send((part, *options))

    def search(self, points: Sequence[Point], threshold: float) -> list[list[tuple[str, Found]]]:
        """Each point's matches in every briefing, by document id, in the briefings'
        order (as :func:`search_in_parts` gives them)."""
        self._sender.join()
        ended = "a search process ended before it answered"
        for link in self._links:
            try:
                link.send((tuple(points), threshold))
            except OSError:
                raise RuntimeError(ended) from None
        found: list[list[tuple[str, Found]]] = [[] for _ in points]
        for link in self._links:
            try:
                answer = link.recv()
            except EOFError:
                raise RuntimeError(ended) from None
            if isinstance(answer, str):
                raise RuntimeError(f"a search process failed: {answer}")
            for mine, theirs in zip(found, answer, strict=True):
                mine.extend(theirs)
        _in_briefing_order(found, self._order)
        return found

    def close(self) -> None:
        """Stop the processes (each ends once told, or is ended)."""
        self._sender.join()
        for link in self._links:
            with suppress(OSError):
                link.send(None)
            link.close()
        for worker in self._workers:
            worker.join(timeout=5)
            if worker.is_alive():
                worker.terminate()
                worker.join()
        self._links, self._workers = [], []

    def __enter__(self) -> EarlySearch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve_part(link: Connection) -> None:
    """An :class:`EarlySearch` process: index the share of the briefings sent first, then
    answer each request (points, threshold) with their matches in it, until told to end
    (``None``) or the other end is gone. A failure is answered with its traceback; an
    interrupt (Ctrl-C reaches every process of the terminal's group) ends it quietly, the
    starting process saying what happened."""
    with suppress(KeyboardInterrupt, BrokenPipeError):
        _serve(link)


def _serve(link: Connection) -> None:
    failed: str | None = None
    index: SentenceIndex | None = None
    tokeniser: Tokeniser | None = None
    if hasattr(os, "nice"):
        # indexing beside the ranking process, not in its way: on two processors three
        # processes share them until the shares are indexed
        with suppress(OSError):
            os.nice(EARLY_NICENESS)
    try:
        part, include_questions, speakers, tokeniser = link.recv()
        index = build_index(
            part, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
        )
        del part
    except EOFError:
        return
    except Exception:
        failed = traceback.format_exc()
    while True:
        try:
            asked = link.recv()
        except EOFError:
            return
        if asked is None:
            return
        points, threshold = asked
        answer: object = failed
        if index is not None:
            try:
                answer = [
                    found_by_document(point, index, threshold=threshold, tokeniser=tokeniser)
                    for point in points
                ]
            except Exception:
                answer = traceback.format_exc()
        link.send(answer)


def found_of(m: Match) -> Found:
    """What is kept of a match: its span, score, wording and speaker."""
    s = m.sentence
    return Found(m.start, m.end, m.score, m.form.text, s.speaker, s.role)


SHADOWED_SHARE = 0.8
"""A point whose occurrences overlap an earlier point's at least this often is dropped."""


def _same_words(a: int, b: int, s: int, e: int) -> bool:
    """Whether the occurrence ``[a, b)`` mostly re-finds the earlier one ``[s, e)``."""
    shared = min(b, e) - max(a, s)
    if a <= s and e <= b:  # it holds the earlier one whole
        return 4 * shared > 3 * (b - a)
    return 2 * shared > b - a


def without_shadowed(result: TrackResult) -> TrackResult:
    """Drop each point that only finds again the words of earlier points (see
    :func:`shadowed`)."""
    rows = [
        [(o.document, o.start, o.end, o.form == pr.point.text) for o in pr.occurrences]
        for pr in result.points
    ]
    gone = shadowed(rows)
    kept = tuple(pr for pr, out in zip(result.points, gone, strict=True) if not out)
    return TrackResult(documents=result.documents, points=kept)


def without_new_aliases(
    result: TrackResult, start: dt.date, held: Mapping[str, Collection[str]] | None = None
) -> TrackResult:
    """Each point without the aliases it finds only from ``start`` on, nor those ``held``
    back (by point id; a discovered watchlist comments them out, see
    :func:`~consistency.discover.verify.took_over`): a discovered point's wording first
    said in a report's period, or that took the place of the others, is a new wording,
    not one accepted (reviews 65, 66: "Japan has *strongly* requested ...", carded as
    new, was listed beside the card as "alias" and in the HTML as "also accepted").
    Tracking found them; the report reads them as wordings of the point."""
    points = []
    for pr in result.points:
        before = {o.form for o in pr.occurrences if o.date < start}
        said = {o.form for o in pr.occurrences}
        out = set((held or {}).get(pr.point.id, ()))
        kept = tuple(a for a in pr.point.aliases if (a in before or a not in said) and a not in out)
        points.append(
            pr if kept == pr.point.aliases else replace(pr, point=replace(pr.point, aliases=kept))
        )
    return TrackResult(documents=result.documents, points=tuple(points))


OWN_WORDING_MIN = 2
"""The fewest finds of a point's own wording that :func:`shadowed` judges by themselves."""


def shadowed(rows: Sequence[Sequence[tuple[str, int, int, bool]]]) -> list[bool]:
    """Which points (each given as its occurrences' document, span and whether the point's
    own text is the wording found there, best point first) only find again the words
    of earlier points kept.

    Discovered points come best first; a lower one whose every occurrence
    lies inside an occurrence of a better one ("remains unchanged", found as
    a shifted "has not changed"), or most of whose occurrences
    (:data:`SHADOWED_SHARE`) overlap one by more than half of their own
    length (one passage cut two ways: "interfering in China's internal
    affairs that brook" beside "stop interfering in China's internal
    affairs"), or hold one that makes more than three quarters of them,
    adds nothing to a report but a second count of the same words. So is one
    whose own text is found (:data:`OWN_WORDING_MIN` times or more) mostly where a
    better point is: its formula is that point's, and what its aliases add beyond
    is another phrase (a row "interfere in China's internal affairs" under
    "stop interfering in China's domestic affairs", whose alias "China's internal
    affair" finds the bare noun said of Xinjiang and Hong Kong). A longer
    formula holding a better one ("address trade differences through
    dialogue and consultation") stays. Points found nowhere are kept: their
    absence is news.
    """
    out: list[bool] = []
    taken: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        spans = [(a, b, own, taken.get(doc, ())) for doc, a, b, own in row]
        inside = all(any(s <= a and b <= e for s, e in near) for a, b, _, near in spans)
        again = [any(_same_words(a, b, s, e) for s, e in near) for a, b, _, near in spans]
        mine = [hit for hit, (_, _, own, _) in zip(again, spans, strict=True) if own]
        gone = bool(spans) and (
            inside
            or sum(again) >= SHADOWED_SHARE * len(spans)
            or (len(mine) >= OWN_WORDING_MIN and sum(mine) >= SHADOWED_SHARE * len(mine))
        )
        out.append(gone)
        if not gone:
            for doc, a, b, _ in row:
                taken.setdefault(doc, []).append((a, b))
    return out


def unsearched(
    documents: Sequence[Document], hashes: Mapping[str, str], record: Collection[str]
) -> dict[str, str]:
    """One document (by id, the first of its content) of each content hash that ``record``
    (what a point was searched in before) lacks: a content is searched once, however many
    briefings hold it."""
    return {hashes[d.id]: d.id for d in reversed(documents) if hashes[d.id] not in record}


class MatchKeeper(Protocol):
    """Where matches found by earlier runs are kept, by point key and document content
    hash (:class:`consistency.index.MatchStore` keeps them in an index file)."""

    def hash(self, document: str) -> str:
        """The content hash of the document of this id."""
        ...

    def recall(self, keys: Collection[str]) -> dict[str, dict[str, list[Found]]]:
        """Each key's kept matches, by content hash of the briefings searched."""
        ...

    def keep(self, found: Mapping[str, Mapping[str, Sequence[Found]]]) -> bool:
        """Keep these records (whole); False when they could not be kept."""
        ...


class RunMatches:
    """A :class:`MatchKeeper` in memory, for one run: what one step found, the next
    reads instead of searching again (``report`` tracks the rows ``discover`` has
    just read with the engine). Documents are told apart by id: within a run,
    an id names one text."""

    def __init__(self) -> None:
        self._kept: dict[str, dict[str, list[Found]]] = {}

    def hash(self, document: str) -> str:
        """The document's id (see the class docstring)."""
        return document

    def recall(self, keys: Collection[str]) -> dict[str, dict[str, list[Found]]]:
        """Each key's kept matches, by document."""
        return {k: dict(self._kept[k]) for k in keys if k in self._kept}

    def keep(self, found: Mapping[str, Mapping[str, Sequence[Found]]]) -> bool:
        """Keep these records (whole)."""
        for key, record in found.items():
            self._kept[key] = {doc: list(hits) for doc, hits in record.items()}
        return True


@collector_paused
def track(
    documents: Sequence[Document],
    points: Sequence[Point],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
    index: Corpus | Callable[[Sequence[Document]], Corpus] | None = None,
    store: MatchKeeper | None = None,
    jobs: int = 1,
) -> TrackResult:
    """Find every point in every document and build each point's timeline.

    ``threshold`` applies to points without their own; ``include_questions``
    and ``speakers`` choose whose words count (default: officials and
    narration). Pass a prebuilt ``index`` to reuse segmentation across calls,
    or a function giving the index of some of the documents. With a ``store``,
    a point is searched only in the briefings it was not searched in before
    (by content), the rest is read from the store, and what was found is kept
    there; the result is the same. Only the briefings something is searched in
    are then indexed (none, when the store has every match). ``jobs`` > 1, with
    no ``index`` and no ``store``, searches an archive of at least
    :data:`PARALLEL_MIN_CHARS` in that many processes (see
    :func:`search_in_parts`); the result is the same.
    """
    docs = sort_documents(documents)
    by_id = {d.id: d for d in docs}

    def build(subset: Sequence[Document]) -> Corpus:
        if index is not None and not callable(index):
            return index
        if index is not None:
            return index(subset)
        return build_index(
            subset,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
            progress=progress,
        )

    def found(
        corpus: Corpus, point: Point, within: BoolArray | None = None
    ) -> list[tuple[str, Found]]:
        return found_by_document(
            point, corpus, threshold=threshold, tokeniser=tokeniser, within=within
        )

    def key(point: Point) -> str:
        return match_key(
            point,
            threshold=threshold,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
        )

    updates: dict[str, dict[str, list[Found]]] = {}
    if index is None and store is None and worth_parallel(docs, points, jobs):
        searched_all = search_in_parts(
            docs,
            points,
            threshold=threshold,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
            jobs=jobs,
            progress=progress,
        )
        by_point = dict(zip(points, searched_all, strict=True))

        def hits_of(point: Point) -> Iterable[tuple[str, Found]]:
            return by_point[point]

    elif store is None:
        everything = build(docs)

        def hits_of(point: Point) -> Iterable[tuple[str, Found]]:
            return found(everything, point)

    else:
        keys = {p: key(p) for p in points}
        kept = store.recall(set(keys.values()))
        hashes = {d.id: store.hash(d.id) for d in docs}
        # per point, one briefing of each content it was not searched in before
        todo = {p: unsearched(docs, hashes, kept.get(k, {})) for p, k in keys.items()}
        needed = {doc_id for t in todo.values() for doc_id in t.values()}
        searched = build([d for d in docs if d.id in needed]) if needed else None
        covered = set(by_id) if index is not None and not callable(index) else needed

        def hits_of(point: Point) -> Iterable[tuple[str, Found]]:
            record = kept.setdefault(keys[point], {})
            chosen = set(todo[point].values())
            if chosen and searched is not None:
                within = (
                    searched.within(chosen)
                    if isinstance(searched, SentenceIndex) and chosen != covered
                    else None
                )
                fresh: dict[str, list[Found]] = {sha: [] for sha in todo[point]}
                for doc_id, f in found(searched, point, within):
                    if doc_id in chosen:
                        fresh[hashes[doc_id]].append(f)
                record.update(fresh)
                updates[keys[point]] = record
            return ((d.id, f) for d in docs for f in record[hashes[d.id]])

    order = {d.id: k for k, d in enumerate(docs)}
    results: list[PointResult] = []
    for point in points:
        hits = hits_of(point)
        occurrences: list[Occurrence] = []
        judged: dict[str, tuple[Status, str]] = {}  # a point's occurrences share a few wordings
        for doc_id, f in hits:
            doc = by_id[doc_id]
            text = doc.text[f.start : f.end]
            line, column = doc.line_col(f.start)
            if text not in judged:
                judged[text] = (
                    status_of(text, point.text, tokeniser=tokeniser),
                    word_diff(point.text, text, tokeniser=tokeniser),
                )
            status, diff = judged[text]
            occurrences.append(
                Occurrence(
                    point=point.id,
                    document=doc.id,
                    date=doc.date,
                    speaker=f.speaker,
                    role=f.role,
                    text=text,
                    start=f.start,
                    end=f.end,
                    line=line,
                    column=column,
                    score=round(f.score, 1),
                    form=f.form,
                    status=status,
                    diff=diff,
                )
            )
        occurrences.sort(key=lambda o: (o.date, order[o.document], o.start))
        for occ, change in zip(occurrences, changes(occurrences, tokeniser=tokeniser), strict=True):
            object.__setattr__(occ, "change", change)  # made just above: set, not copied
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
    if store is not None and updates:
        store.keep(updates)
    return TrackResult(documents=docs, points=tuple(results))
