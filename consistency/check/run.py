"""``check`` itself: new briefings against a baseline, findings for the gate."""

from __future__ import annotations

import datetime as dt
import os
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace

from ..context import working_on
from ..diff import shared_ends, skeleton, word_diff
from ..errors import ConsistencyError, InputError, InputErrors, ManifestError, OptionError
from ..index import Index, phrase_sentences
from ..index.codec import content_hash
from ..ingest.select import FileSelection
from ..lexicon import lemmas, numbers_apart, numbers_in, times_apart
from ..match import (
    DEFAULT_THRESHOLD,
    Form,
    Match,
    drops,
    find_dropped,
    find_point,
    find_reworded,
    find_swapped,
    holds_run,
    is_rare,
    make_forms,
    negated_before,
    negating_words,
    require_percent,
    rewords,
    says_opposite,
    span_words,
    swaps,
    threshold_of,
    turned_over,
)
from ..match.align import Names
from ..models import Document, Level, Point, Progress, Role, Sentence
from ..normalise import TOKENISERS, Grammar, Tokeniser, grammar_of, named_words, normalise
from ..printable import escape_controls
from ..segment import document_sentences
from ..timeline import SLOT_FILLERS, grammar_only, nearest
from .baseline import Baseline, MemoryBaseline, open_baseline
from .findings import (
    DEFAULT_SIMILARITY,
    DISCOVERED_LEVEL,
    MIN_SENTENCE_WORDS,
    NAME_PUT_IN,
    NAME_REPLACED,
    NEAR_MARGIN,
    NEGATION_DROPPED,
    NEGATION_PUT_IN,
    RUN_DROPPED,
    RUN_REWORDED,
    WORD_SWAPPED,
    BaselineSummary,
    CheckedPoint,
    CheckResult,
    Finding,
    FindingKind,
    Reference,
)
from .points import IndexPoints, MemoryPoints, PointSource
from .runon import Habit, RunOn, run_on
from .similar import (
    Among,
    _line_col,
    _NewCorpus,
    _no_grammar,
    closest_wording,
    dates_of,
    has_sentence,
    nearest_sentence,
    word_similarity,
)


def discovered_points(
    documents: Sequence[Document],
    *,
    min_dates: int = 2,
    top: int | None = None,
    include_questions: bool = False,
    speakers: Collection[str] = (),
) -> list[Point]:
    """The baseline's best discovered points, as an index keeps and reads them: the whole
    list, then those on ``min_dates`` dates, the first ``top``. A folder and its index so
    give the same points; ``discover --top`` settles families among the best only (see
    README), and on the 499 MFA briefings before 2020-07-03 shared 168 of 200 with the
    index's, so ``check`` gave 5 findings from the folder and 3 from its index."""
    from ..discover import DEFAULT_MIN_DATES, discover

    found = discover(
        documents,
        min_dates=min(min_dates, DEFAULT_MIN_DATES),
        include_questions=include_questions,
        speakers=speakers,
    )
    return [f.point for f in found if f.dates >= min_dates][:top]


class _Taken:
    """The spans of a point's matches, by document, none overlapping another: whether a
    match shares words of one document with one is found by bisection (a briefing saying
    the formula thousands of times took minutes, a pass over every match for each: review
    71); ``check`` and the report's near misses keep their matches apart with it."""

    def __init__(self, matches: Iterable[Match]) -> None:
        self._spans: dict[str, list[tuple[int, int]]] = {}
        for m in matches:
            self.add(m)

    def overlaps(self, match: Match) -> bool:
        spans = self._spans.get(match.sentence.document)
        if not spans:
            return False
        k = bisect_left(spans, (match.end,))
        return k > 0 and spans[k - 1][1] > match.start

    def add(self, match: Match) -> None:
        insort(self._spans.setdefault(match.sentence.document, []), (match.start, match.end))


def another_subject(match: Match, span: Sequence[str]) -> bool:
    """Whether a span under the threshold, whose words are ``span``, is another subject's
    phrase rather than a near miss of the point: its names gone (see :func:`_names_gone`),
    its quoted term (see :func:`_terms_gone`), or both its ends (see :func:`_edges_gone`)."""
    return _names_gone(match, span) or _terms_gone(match, span) or _edges_gone(match, span)


def _terms_gone(match: Match, span: Sequence[str]) -> bool:
    """Whether the span keeps no word of a term the wording sets off in quotation marks
    (see :func:`~consistency.match.find.quoted_terms`): "坚持方针不动摇" is nothing of
    "坚持“一国两制”方针不动摇", nor "the so-called “snapback” campaign" of "the so-called
    “maximum pressure” campaign" (review 143)."""
    words = match.form.words
    return any(set(words[a:b]).isdisjoint(span) for a, b in match.form.terms)


def _names_gone(match: Match, span: Sequence[str]) -> bool:
    """Whether the point's wording names something (see :class:`~consistency.match.Names`)
    and the span keeps none of its names: under the threshold, that is another subject's
    phrase, no near miss. "uphold the principles of market economy" is nothing of
    "uphold the one-China principle" (fixture 000); "the Declaration on the *Behavior* of
    Parties" keeps its names and is one."""
    form = match.form
    at = _name_places(form)
    named = {form.words[k] for k in at}
    if not named or not named.isdisjoint(span):
        return False
    # ... but the formula said word for word around another name is the formula with its
    # name replaced: "our development partnership with *Nepal* is people-centric and
    # demand-driven" (review 91: a name of two words weighed it under the threshold)
    # (a determiner opening either may be another: "*the* development partnership with
    # Nepal ..." for "*Our* development partnership with Sri Lanka ...", review 93)
    before, after = _undetermined(form.words[: at[0]], form.plain), form.words[at[-1] + 1 :]
    said = _undetermined(span, form.plain)
    framed = (
        len(said) > len(before) + len(after)
        and tuple(said[: len(before)]) == tuple(before)
        and tuple(said[len(said) - len(after) :]) == tuple(after)
        and sum(is_rare(w) for w in (*before, *after)) >= _FRAME_CONTENT
    )
    return not framed


def _name_places(form: Form) -> list[int]:
    """The positions of a wording's names (see :class:`~consistency.match.align.Names`)."""
    return [k for k in range(len(form.words)) if k in form.names]


def _undetermined(words: Sequence[str], determiners: Collection[str]) -> Sequence[str]:
    """``words`` without the determiner that opens them."""
    return words[1:] if words and words[0] in determiners else words


_FRAME_CONTENT = 2
"""Content words the formula's words around its names must hold to be its frame when
another name stands between them: "the *market* principle" is no "the one-China
principle" with its name replaced."""


def _edges_gone(match: Match, span: Sequence[str]) -> bool:
    """Whether the span's first and last content words are both other than the wording's:
    under the threshold, what the two share is the inside of the formula alone, which
    another phrase may hold. "peace and stability *on the Korean Peninsula* serves ..." is
    nothing of "position on the Korean Peninsula issue" (review 88, MFA 2020-06-24); a
    near miss keeps at least one of the formula's ends ("*stance* on the Korean Peninsula
    issue")."""
    said = [w for w in match.form.words if is_rare(w)]
    here = [w for w in span if is_rare(w)]
    if len(said) < 2 or not here:
        return False
    return not _same_word(said[0], here[0]) and not _same_word(said[-1], here[-1])


def _same_word(a: str, b: str) -> bool:
    """The same word, up to case and inflection."""
    return a.lower() == b.lower() or bool(lemmas(a.lower()) & lemmas(b.lower()))


def check(
    new: Sequence[Document],
    baseline: Baseline,
    points: PointSource,
    *,
    summary: BaselineSummary,
    kinds: Collection[FindingKind] = (FindingKind.SHIFTED,),
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    near: float = NEAR_MARGIN,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Compare each new briefing with ``baseline`` and report what ``kinds`` name.

    ``points`` are the points to check (see :class:`MemoryPoints`,
    :class:`IndexPoints`). A wording that scores up to ``near`` under a point's
    threshold is a shifted one too (see :data:`NEAR_MARGIN`). ``progress`` is
    called with 1 per new briefing.
    """
    kinds = frozenset(kinds)
    findings: list[Finding] = []
    checked: list[CheckedPoint] = []
    references: dict[tuple[str, tuple[str, ...]], tuple[Reference, float] | None] = {}
    # each point's habit after its end in the baseline, read once for every new briefing
    habits: dict[frozenset[tuple[str, ...]], Habit] = {}
    said: list[list[Sentence]] = []
    for doc in new:
        with working_on(doc.path):
            said.append(
                document_sentences(
                    doc, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
                )
            )
    unchecked: list[ConsistencyError] = [
        InputError(
            "nothing to check: no turn by the speakers given"
            if speakers
            else "nothing to check: no official's turn (journalists' questions are checked "
            "only with --include-questions; `consistency ingest "
            f"{escape_controls(doc.path)} --turns` shows whose each turn is)",
            path=doc.path,
        )
        for doc, sentences in zip(new, said, strict=True)
        if not any(s.tokens for s in sentences)
    ]
    if len(unchecked) == 1:
        raise unchecked[0]
    if unchecked:
        raise InputErrors(unchecked)
    for doc, sentences in zip(new, said, strict=True):
        with working_on(doc.path):
            words = [tuple(t.text for t in s.tokens) for s in sentences]
            baseline.prefetch({w for ws in words for w in ws})
            novel = [k for k, ws in enumerate(words) if not has_sentence(baseline, ws)]
            novel_sentences = [sentences[k] for k in novel]
            doc_findings: list[Finding] = []
            seen: dict[int, tuple[Point, int]] = {}
            if kinds & _WORDINGS:
                for at in range(0, len(novel_sentences), SENTENCE_BLOCK):
                    # a briefing of many thousand sentences, a block at a time: what the
                    # engine holds for one point's matches stays bounded (review 119: a
                    # 9.5 MB line of formula words took 2.8 GB)
                    block_seen: dict[int, tuple[Point, int]] = {}
                    doc_findings.extend(
                        f
                        for f in _shifted(
                            doc,
                            novel_sentences[at : at + SENTENCE_BLOCK],
                            baseline,
                            points,
                            block_seen,
                            references,
                            habits,
                            threshold=threshold,
                            near=near,
                            tokeniser=tokeniser,
                        )
                        if f.kind in kinds
                    )
                    for position, (point, n) in block_seen.items():
                        seen[position] = (point, n + seen.get(position, (point, 0))[1])
            if FindingKind.REPHRASED in kinds:
                taken = [(f.start, f.end) for f in doc_findings]
                doc_findings.extend(
                    _rephrased(doc, novel_sentences, baseline, similarity, taken, tokeniser)
                )
            findings.extend(sorted(doc_findings, key=_finding_order))
            if not points.discovered and len(seen) < len(points):
                fresh = set(novel)
                repeated = [s for k, s in enumerate(sentences) if k not in fresh]
                seen.update(_said_again(doc, repeated, points, seen, threshold, tokeniser))
            checked.extend(_checked(doc, points, seen))
        if progress:
            progress(1)
    notes: list[str] = []
    if kinds & _WORDINGS and len(points) == 0:
        notes.append("no talking points to check (none given, none discovered in the baseline)")
    summary = BaselineSummary(
        kind=summary.kind,
        source=summary.source,
        documents=summary.documents,
        first=summary.first,
        last=summary.last,
        points=len(points),
        points_source="discovered" if points.discovered else "watchlist",
        capped=points.discovered and points.top == len(points),
    )
    return CheckResult(
        documents=tuple(new),
        baseline=summary,
        kinds=kinds,
        checked=tuple(checked),
        findings=tuple(findings),
        notes=tuple(notes),
    )


SENTENCE_BLOCK = 5000
"""The most new sentences of one briefing searched at once (see :func:`check`): a
briefing holds a few hundred; a line of many thousand sentences of formula words (a
hostile input) is searched a block at a time, each a search of its own, so the matches
held at once stay bounded."""


def _finding_order(f: Finding) -> tuple[int, int, str, str]:
    return (f.line, f.column, f.kind.value, f.point or "")


def _said_again(
    doc: Document,
    sentences: Sequence[Sentence],
    points: PointSource,
    seen: dict[int, tuple[Point, int]],
    threshold: float,
    tokeniser: Tokeniser | None,
) -> dict[int, tuple[Point, int]]:
    """The watchlist points not found in the briefing's new sentences that its sentences
    said before in the baseline (``sentences``, never searched for findings) say, with
    how often: a point the briefing repeats word for word is said in it (review 66:
    JUnit skipped such points as "not said in this briefing")."""
    if not sentences:
        return {}
    corpus = _NewCorpus(sentences, {doc.id: doc.text}, tokeniser)
    wanted = {position for position, _, _ in points.form_hits(corpus.word_sets)} - set(seen)
    out: dict[int, tuple[Point, int]] = {}
    for position, point in sorted(points.points(wanted).items()):
        corpus.limit = threshold_of(point, threshold)
        if found := find_point(point, corpus, threshold=threshold, tokeniser=tokeniser):
            out[position] = (point, len(found))
    return out


def _checked(
    doc: Document, points: PointSource, seen: dict[int, tuple[Point, int]]
) -> list[CheckedPoint]:
    """Watchlist points: all of them; discovered points: those found in ``doc``."""
    if not points.discovered:
        return [
            CheckedPoint(doc.id, p, seen[k][1] if k in seen else 0)
            for k, p in enumerate(points.all())
        ]
    return [CheckedPoint(doc.id, p, n) for _, (p, n) in sorted(seen.items()) if n]


def _shifted(
    doc: Document,
    sentences: Sequence[Sentence],
    baseline: Baseline,
    points: PointSource,
    seen: dict[int, tuple[Point, int]],
    references: dict[tuple[str, tuple[str, ...]], tuple[Reference, float] | None],
    habits: dict[frozenset[tuple[str, ...]], Habit],
    *,
    threshold: float,
    near: float,
    tokeniser: Tokeniser | None,
) -> list[Finding]:
    """Occurrences of points in ``sentences`` whose wording the baseline never has,
    those scoring up to ``near`` under the point's threshold included, and, for a
    watchlist, the near misses of :data:`NEAR_MARGIN`."""
    if not sentences:
        return []
    misses = near > 0 and not points.discovered
    # a point said the other way round is reported whatever --near says, as the one
    # finding of its kind for a discovered point: a policy turned over ("we *don't*
    # oppose any unilateral change") is no common phrase (a review: the gate passed it
    # without a word), and no near miss (review 69: --near 0 passed "we will *not*
    # continue to advocate for a two-state solution"); with near misses it is among them
    reversals = not misses
    grammar = grammar_of(tokeniser)
    negating = negating_words(tokeniser)
    function = named_words(tokeniser, "function_words")
    openers = grammar.coordinators | {
        w for part in ("contrastives", "subordinators") for w in named_words(tokeniser, part)
    }
    corpus = _NewCorpus(sentences, {doc.id: doc.text}, tokeniser)
    denying = set(corpus.candidates(grammar.denials)) if reversals else set()
    hits = points.form_hits(corpus.word_sets)
    limits = points.thresholds(sorted({p for p, _, _ in hits}))
    possible: set[int] = set()
    for position, words, where in hits:
        if position in possible:
            continue
        corpus.limit = max(0.0, limits.get(position, threshold) - near)
        if corpus.could_match(words, where) or (
            misses
            and any(
                swaps(words, corpus.words(k), corpus.weigh)
                or drops(words, corpus.words(k), corpus.weigh)
                or rewords(words, corpus.words(k), corpus.weigh, negations=grammar.negations)
                for k in where
            )
        ):
            possible.add(position)
    found: list[tuple[int, Finding]] = []
    known: dict[tuple[str, tuple[str, ...], bool], bool] = {}
    for position, point in sorted(points.points(possible).items()):
        forms = {f.words for f in make_forms(point, tokeniser=tokeniser)}
        limit = threshold_of(point, threshold)
        corpus.limit = max(0.0, limit - near)
        lowered = replace(point, threshold=corpus.limit)
        matches = find_point(lowered, corpus, threshold=threshold, tokeniser=tokeniser)
        rejected: dict[int, str] = {}
        taken = _Taken(matches)
        if misses:
            numbers = corpus.candidates(w for f in forms for w in f)
            for more, why in (
                (
                    find_point(
                        lowered, corpus, threshold=threshold, tokeniser=tokeniser, lenient=True
                    ),
                    None,
                ),
                (find_swapped(point, corpus, numbers, tokeniser=tokeniser), WORD_SWAPPED),
                (find_dropped(point, corpus, numbers, tokeniser=tokeniser), RUN_DROPPED),
                (find_reworded(point, corpus, numbers, tokeniser=tokeniser), RUN_REWORDED),
            ):
                for s in more:
                    if not taken.overlaps(s):
                        taken.add(s)
                        matches.append(s)
                    elif (k := _widened_miss(matches, s, limit)) is not None:
                        # the near miss read whole: "our Neighbourhood First policy and
                        # Vision {-SAGAR-}{+MAHASAGAR+}", not an alias's "... and Vision"
                        # with its name dropped (review 136)
                        taken.add(s)
                        rejected.pop(id(matches[k]), None)
                        matches[k] = s
                    else:
                        continue
                    text = corpus.text(s.sentence.document)
                    opposite = why is not None and says_opposite(s, text, grammar)
                    rejected[id(s)] = (
                        why if why and not opposite else _why_lenient(s, text, grammar)
                    )
        elif reversals:
            lenient = find_point(
                lowered, corpus, threshold=threshold, tokeniser=tokeniser, lenient=True
            )
            if points.discovered and denying:
                # a negation turned into a denial's: 政府{-不会-}{+不排除+}关闭..., which the
                # aligner reads as words said otherwise (review 137); only the sentences
                # holding a denial (a line of 633 KB took twice as long searched whole)
                numbers = sorted(denying & set(corpus.candidates(w for f in forms for w in f)))
                lenient += find_reworded(point, corpus, numbers, tokeniser=tokeniser)
            # of a discovered point, its words and a negation put in or dropped at one
            # place, nothing else changed: "China *never* interferes in *the* internal
            # affairs of ..." is another phrase
            for s in lenient:
                text = corpus.text(s.sentence.document)
                # with the negation it leaves out before it ("no" of "no *longer*
                # support ...", review 87)
                span = span_words(negated_before(s, text, grammar) or s)
                if (
                    (
                        not points.discovered
                        or any(
                            turned_over(f, span, grammar.negations, negating, grammar.denials)
                            for f in forms
                        )
                    )
                    and not taken.overlaps(s)
                    and says_opposite(s, text, grammar)
                ):
                    taken.add(s)
                    matches.append(s)
                    rejected[id(s)] = _why_lenient(s, text, grammar)
        after_not: set[int] = set()
        for k, m in enumerate(list(matches)):
            widened = negated_before(m, doc.text, grammar)
            if widened is None:
                continue
            if id(m) in rejected:
                # a near miss after a negation: shown with it ("{-a-}{+no+} just ...")
                matches[k] = widened
                rejected[id(widened)] = NEGATION_PUT_IN
            elif span_words(m) in forms:
                # the formula word for word after a negation: track counts it
                matches.append(widened)
                rejected[id(widened)] = NEGATION_PUT_IN
                after_not.add(id(widened))
        turned = rejected.keys() | after_not
        occurring = sum(1 for m in matches if m.score >= limit and id(m) not in turned)
        if occurring:
            seen[position] = (point, occurring)
        for match in matches:
            span = span_words(match)
            if span in forms and id(match) not in turned:
                put = run_on(match, doc.text, baseline, frozenset(forms), habits, openers)
                if (
                    put is not None
                    and points.discovered
                    and times_apart(span, _words_to(match, put.last), function)
                ):
                    # the diary's time after the phrase: "the joint economic commission
                    # {+on Tuesday+}" (review 155 G4: a warning on unchanged text)
                    put = None
                if put is not None:
                    key = (point.id, span)
                    if key not in references:
                        references[key] = closest_wording(
                            point, span, baseline, threshold=threshold, tokeniser=tokeniser
                        )
                    finding = _run_on_finding(
                        doc, point, match, put, references[key], tokeniser, threshold
                    )
                    found.append((position, finding))
                    continue
            if (
                span in forms
                or (
                    match.score >= 100.0
                    and id(match) not in turned
                    and holds_run(span, match.form.words)
                )
                or (match.score < limit and another_subject(match, span))
            ):
                # a wording of the point said word for word, alone or in words another
                # wording of it has around it (see match.find._with_sibling_edges)
                continue
            if points.discovered and (
                (any(numbers_apart(span, f) for f in forms) and _numbers_vary(baseline, span))
                or any(times_apart(span, f, function) for f in forms)
            ):
                # "The delegation included {-10-}{+9+} members of Congress": a count, a
                # date, in a phrase that recurs; not its wording (a review: most of a
                # daily gate's warnings); a number always the same is the formula's; nor
                # is the diary's time ("bosses at Chequers {-next week-}{+on Monday+}")
                continue
            near_miss = id(match) in rejected
            said = (point.id, span, near_miss)
            if said not in known:
                # the formula word for word after the same negation: said before where
                # the baseline has those very words
                known[said] = (
                    bool(phrase_sentences(baseline, span))
                    if id(match) in after_not
                    else _said_before(
                        baseline, lowered, span, threshold, tokeniser, near_miss=near_miss
                    )
                    or (points.discovered and _numbers_vary(baseline, span))
                )
            if known[said]:
                continue
            key = (point.id, span)
            if key not in references:
                ref = _closest_form(point, span, baseline, tokeniser) if points.discovered else None
                references[key] = ref or closest_wording(
                    point, span, baseline, threshold=threshold, tokeniser=tokeniser
                )
            found.append(
                (
                    position,
                    _finding(
                        doc,
                        point,
                        match,
                        span,
                        references[key],
                        tokeniser,
                        threshold,
                        rejected=id(match) in rejected,
                        negated=id(match) in after_not,
                        why=rejected.get(id(match), ""),
                    ),
                )
            )
            ref = references[key]
            if ref is not None and (
                _same_skeleton(point, found[-1][1].text, ref[0].text, tokeniser)
                or (
                    points.discovered
                    and _fills_a_slot(
                        baseline, span, tuple(normalise(ref[0].text, tokeniser=tokeniser).split())
                    )
                )
            ):
                found[-1] = (position, replace(found[-1][1], kind=FindingKind.SLOT))
            elif _spelled_otherwise(point, span, ref, tokeniser):
                found[-1] = (position, replace(found[-1][1], kind=FindingKind.SPELLING))
    return _merge_overlapping(found)


def _said_before(
    baseline: Baseline,
    point: Point,
    span: tuple[str, ...],
    threshold: float,
    tokeniser: Tokeniser | None,
    *,
    near_miss: bool = False,
) -> bool:
    """Whether the baseline says ``span`` as the point: where its words stand, the engine
    finds the point in those very words (``near_miss``: as the near misses are found too).

    Words the baseline holds are not enough: a wording cut short at either end ("respect
    China's sovereignty and territorial", "{-jointly-} uphold peace and stability in the
    border areas") stands inside every full one, and passed the gate as a wording the
    baseline had (a review).
    """
    numbers = phrase_sentences(baseline, span)
    at, size = 0, SAID_FIRST
    while at < len(numbers):  # a few first, then more: a wording said before is said often
        some = numbers[at : at + size]
        at, size = at + size, size * 4
        among = Among(baseline, some)
        matches = find_point(point, among, threshold=threshold, tokeniser=tokeniser)
        if near_miss:
            matches += find_point(
                point, among, threshold=threshold, tokeniser=tokeniser, lenient=True
            )
            matches += find_swapped(point, among, some, tokeniser=tokeniser)
        if any(span_words(m) == span for m in matches):
            return True
    return False


def _fills_a_slot(baseline: Baseline, new: tuple[str, ...], old: tuple[str, ...]) -> bool:
    """Whether ``new`` says ``old`` with other words in one place inside it, where the
    baseline puts :data:`~consistency.timeline.SLOT_FILLERS` different fillers or more
    between the same words, none of them in half those places or more: a discovered
    point that is a frame said of many topics, "推动{-离岸贸易-}{+农村电商+}提质增效"
    beside 推动跨境电商提质增效, 推动加工贸易提质增效, ... (review 150: six warnings of
    the discovered gate on four dates; as a report's :func:`~consistency.timeline.middle_slot`
    reads a watched formula's place). Fillers of up to :data:`SLOT_WORDS` words, the
    words around them one at least on each side; not where a content word of ``old``'s
    filler stands in half the baseline's fillers or more (the formula's own word)."""
    head, tail = shared_ends(new, old)
    middle = len(new) - head - tail
    if head and not tail and len(new) > head and 0 < len(old) - head <= _end_room(new[:head]):
        return _ends_on_a_slot(baseline, new[:head], old[head:], new[head])
    if not head or not tail or not 0 < middle <= SLOT_WORDS:
        return False
    front, back = new[:head], new[len(new) - tail :]
    fillers: Counter[tuple[str, ...]] = Counter()
    for text in baseline.words_of(phrase_sentences(baseline, back)).values():
        words = text.split(" ")
        for k in range(head + 1, len(words) - tail + 1):
            if tuple(words[k : k + tail]) != back:
                continue
            for m in range(1, SLOT_WORDS + 1):
                if k - m - head >= 0 and tuple(words[k - m - head : k - m]) == front:
                    fillers[tuple(words[k - m : k])] += 1
                    break
    everywhere = sum(fillers.values())
    if any(
        2 * sum(n for f, n in fillers.items() if word in f) >= everywhere
        for word in old[head : len(old) - tail]
        if is_rare(word)
    ):
        # a word of the wording there in half the fillers or more is the formula's own:
        # "Pakistan {-has always desired-}{+desires+} peaceful{+, good-neighbourly+} and
        # cooperative relations ..." (review 140's plant), "peaceful" in most of them
        return False
    fillers.pop(new[head : head + middle], None)
    total = sum(fillers.values())
    return len(fillers) >= SLOT_FILLERS and 2 * max(fillers.values()) < total


SLOT_WORDS = 4
"""The most words that fill a slot of a discovered frame (see :func:`_fills_a_slot`)."""


def _ends_on_a_slot(
    baseline: Baseline, front: tuple[str, ...], last: tuple[str, ...], said: str
) -> bool:
    """Whether a discovered point's last words ``last`` (one, or up to
    :data:`SLOT_END_WORDS`), replaced by words opening on ``said``, stand where the
    baseline puts :data:`SLOT_END_FILLERS` different words or more after the point's other
    words ``front``, ``said`` among them (:data:`SLOT_EVIDENCE` times at least) and none
    in half those places or more: a row cut where its sentences part, "our Embassies have
    been working hard to *expand*" of "... to expand food processing", "... to support
    dairy", "... to promote climate finance" (review 161 G4: an unchanged briefing warned
    "working hard to {-expand-}{+support climate finance+}"). Not where a content word of
    ``last`` stands there in half those places or more (the formula's own word)."""
    after: Counter[str] = Counter()
    n = len(front)
    for text in baseline.words_of(phrase_sentences(baseline, front)).values():
        words = text.split(" ")
        for k in range(len(words) - n):
            if tuple(words[k : k + n]) == front:
                after[words[k + n]] += 1
    total = sum(after.values())
    if any(is_rare(w) and 2 * after[w] >= total for w in last):
        return False
    return (
        after[said] >= SLOT_EVIDENCE
        and len(after) >= SLOT_END_FILLERS
        and 2 * max(after.values()) < total
    )


SLOT_END_WORDS = 2
"""The most last words of a discovered point that a slot at its end may replace (see
:func:`_ends_on_a_slot`): "the Ministry of Foreign Affairs {-will follow-}{+deployed+}"
(review 162 G1: an unchanged briefing warned; after "the Ministry of Foreign Affairs"
the baseline says "will", "has", "deployed", ...)."""


def _end_room(front: Sequence[str]) -> int:
    """How many last words of a discovered point a slot at its end may replace after the
    words ``front``: :data:`SLOT_END_WORDS` after a phrase of two content words or more
    (a subject of its own, "the Ministry of Foreign Affairs"), else one: after "China"
    alone, "China {+is+} firmly {-opposes-}{+determined in opposing+}" is the formula
    reworded (MFA's gate), not a slot."""
    return SLOT_END_WORDS if sum(map(is_rare, front)) >= 2 else 1


SLOT_END_FILLERS = 3
"""The fewest different words the baseline says after a discovered point's other words
for its last word to be a slot (see :func:`_ends_on_a_slot`), the new one among them."""

SLOT_EVIDENCE = 2
"""Times the baseline says the new word in a discovered point's last place for it to be
one of the words said there (see :func:`_ends_on_a_slot`)."""


def _numbers_vary(baseline: Baseline, span: tuple[str, ...]) -> bool:
    """Whether the baseline says ``span`` word for word but for its numbers (see
    :func:`~consistency.lexicon.numbers_apart`) with two numbers or more, its own aside: a
    count that changes, "The delegation included {-10-}{+9+} members of Congress", "Fewer
    than {-16-}{+21+} Member States have notified their plans so far" (review 81: a warning,
    the baseline saying it on 23 dates), not a number the formula holds, "the {-27-}{+26+}
    member states speak with one voice", said with 27 on every date before (review 115),
    :data:`FIXED_NUMBER_EVIDENCE` times at least. The engine is not asked (the point, a
    phrase with a count in it, scores a baseline's other count as a word replaced)."""
    own = numbers_in(span)
    if not own:
        return False
    said = _numbers_said(baseline, span)
    if said is None:
        return True
    said.pop(own, None)
    return len(said) >= 2 or 0 < sum(said.values()) < FIXED_NUMBER_EVIDENCE


FIXED_NUMBER_EVIDENCE = 3
"""How many times the baseline must say a phrase with one number, and no other, for that
number to be the phrase's own (see :func:`_numbers_vary`)."""


def _numbers_said(baseline: Baseline, span: tuple[str, ...]) -> Counter[tuple[str, ...]] | None:
    """How many stretches of the baseline say ``span`` word for word but for its numbers,
    or word for word, by their numbers (see :func:`~consistency.lexicon.numbers_in`); None
    where its words between numbers are too few to look it up by (a date: "3月19日")."""
    runs: list[list[str]] = [[]]
    for w in span:
        if numbers_in([w]):
            runs.append([])
        else:
            runs[-1].append(w)
    longest = max(runs, key=len)
    if len(longest) < 2:
        return None
    out: Counter[tuple[str, ...]] = Counter()
    for text in baseline.words_of(phrase_sentences(baseline, tuple(longest))).values():
        words = text.split(" ")
        for k in range(len(words) - len(span) + 1):
            stretch = words[k : k + len(span)]
            if stretch == list(span) or numbers_apart(stretch, span):
                out[numbers_in(stretch)] += 1
    return out


SAID_FIRST = 4
"""Baseline sentences holding a wording's words that :func:`_said_before` searches first
(then four times as many at each step, until one says it)."""


def _words_to(match: Match, last: int) -> tuple[str, ...]:
    """The words of ``match``'s sentence from its first word to token ``last``."""
    return tuple(t.text for t in match.sentence.tokens[match.first : last + 1])


def _run_on_finding(
    doc: Document,
    point: Point,
    match: Match,
    more: RunOn,
    ref: tuple[Reference, float] | None,
    tokeniser: Tokeniser | None,
    threshold: float,
) -> Finding:
    """A wording said word for word with words put in after its end (see
    :mod:`.runon`), against its last saying in the baseline (``ref``, the wording's), its
    diff marking the words put in as added."""
    grown = replace(match, last=more.last, end=match.sentence.tokens[more.last].end)
    words = span_words(grown)
    near = None if ref is None else (ref[0], word_similarity(words, span_words(match)))
    finding = _finding(doc, point, grown, words, near, tokeniser, threshold)
    return replace(
        finding,
        diff=word_diff(doc.text[match.start : match.end], finding.text, tokeniser=tokeniser),
        run_on=(more.alike, more.sayings, more.habit),
    )


def _finding(
    doc: Document,
    point: Point,
    match: Match,
    span: Sequence[str],
    ref: tuple[Reference, float] | None,
    tokeniser: Tokeniser | None,
    threshold: float,
    *,
    rejected: bool = False,
    negated: bool = False,
    why: str = "",
) -> Finding:
    text = doc.text[match.start : match.end]
    line, column = doc.line_col(match.start)
    end_line, end_column = doc.line_col(match.end - 1)
    reference, sim = (ref[0], ref[1]) if ref else (None, None)
    return Finding(
        kind=FindingKind.SHIFTED,
        point=point.id,
        level=point.level,
        document=doc.id,
        path=doc.path,
        date=doc.date,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=text,
        reference=reference,
        canonical=point.text,
        diff=word_diff(reference.text if reference else point.text, text, tokeniser=tokeniser),
        score=round(match.score, 1),
        similarity=None if sim is None else round(sim, 1),
        start=match.start,
        end=match.end,
        threshold=threshold_of(point, threshold),
        rejected=rejected and not negated,
        negated=negated,
        why=why if rejected and not negated else "",
    )


_WORDINGS = frozenset({FindingKind.SHIFTED, FindingKind.SLOT, FindingKind.SPELLING})
"""The finding kinds of a point's new wording (see :func:`_shifted`)."""


def _spelled_otherwise(
    point: Point,
    span: Sequence[str],
    ref: tuple[Reference, float] | None,
    tokeniser: Tokeniser | None,
) -> bool:
    """Whether the new wording ``span`` (its words) differs from the closest baseline
    wording, or from the point's text or an alias, only in words spelled alike, one for
    one (see :func:`~consistency.timeline.grammar_only`; not by a negating prefix, nor a
    word cut short): "in keeping with our {-Neighbourhood-}{+Neighborhood+} First
    policy", "{-programme-}{+program+}" (review 64: errors, where a report has no card for
    them). A grammar word put in or left out is a shift still ("Cold War mentality and
    {+the+} ideological bias")."""
    prefixes = named_words(tokeniser, "negating_prefixes")
    endings = named_words(tokeniser, "possessive_endings")
    said = [point.text, *point.aliases, *([ref[0].text] if ref else [])]
    return any(
        grammar_only(
            span,
            normalise(text, tokeniser=tokeniser).split(),
            _no_grammar,
            prefixes,
            endings=endings,
        )
        for text in said
    )


def _same_skeleton(point: Point, new: str, old: str, tokeniser: Tokeniser | None) -> bool:
    """Whether ``new`` and ``old`` differ only in words inserted inside the point's formula."""
    return skeleton(point.text, new, tokeniser=tokeniser) == skeleton(
        point.text, old, tokeniser=tokeniser
    )


def _merge_overlapping(found: Sequence[tuple[int, Finding]]) -> list[Finding]:
    """One finding per stretch of new wording: the best-ranked point's, naming the others.

    Discovered points overlap ("China deplores and firmly opposes", "China
    firmly rejects"...), so one changed word could otherwise be reported
    once per point that covers it.
    """
    kept: list[Finding] = []
    for _, finding in sorted(found, key=lambda pf: (pf[0], pf[1].start)):
        for k, other in enumerate(kept):
            if other.start < finding.end and finding.start < other.end:
                if finding.point not in other.also and finding.point != other.point:
                    kept[k] = replace(other, also=(*other.also, finding.point or ""))
                break
        else:
            kept.append(finding)
    return kept


def _closest_form(
    point: Point, span: Sequence[str], baseline: Baseline, tokeniser: Tokeniser | None
) -> tuple[Reference, float] | None:
    """The point's wording closest to ``span`` that the baseline has, at its latest date:
    the one a report's card would show it against (see :func:`~consistency.timeline.nearest`;
    review 85: "敦促美方{+尽快+}纠正错误" against the alias that lacks the word replaced,
    where the point's own "敦促美方立即纠正错误" reads `{-立即-}{+尽快+}` as the report does).

    For discovered points, whose wordings were all seen in the baseline.
    """
    forms = make_forms(point, tokeniser=tokeniser)
    said: dict[str, tuple[tuple[str, ...], list[int]]] = {}
    for form in forms:
        key = " ".join(form.words)
        if key not in said and (ids := list(phrase_sentences(baseline, form.words))):
            said[key] = (form.words, ids)
    if not said:
        return None
    counts = Counter({key: len(ids) for key, (_, ids) in said.items()})
    words, ids = said[nearest(" ".join(span), counts, " ".join(forms[0].words))]
    owners = baseline.documents_of(ids)
    n = max(ids, key=lambda i: (baseline.date_of(owners[i]), i))
    sentence = baseline.sentence(n)
    tokens = sentence.tokens
    texts = [t.text for t in tokens]
    m = len(words)
    at = next(i for i in range(len(texts) - m + 1) if tuple(texts[i : i + m]) == words)
    source = baseline.text(sentence.document)
    start, end = tokens[at].start, tokens[at + m - 1].end
    line, column = _line_col(source, start)
    doc = sentence.document
    ref = Reference(
        source[start:end],
        doc,
        baseline.date_of(doc),
        baseline.path_of(doc),
        line,
        column,
        dates_of(baseline, owners),
    )
    return ref, word_similarity(span, words)


def _rephrased(
    doc: Document,
    sentences: Sequence[Sentence],
    baseline: Baseline,
    similarity: float,
    taken: Sequence[tuple[int, int]],
    tokeniser: Tokeniser | None,
) -> list[Finding]:
    """Official sentences of ``doc`` that closely rephrase a baseline sentence.

    A sentence that already holds a shifted wording is left out: that finding
    says more.
    """
    out: list[Finding] = []
    for s in sentences:
        if s.role is Role.PRESS or len(s.tokens) < MIN_SENTENCE_WORDS:
            continue
        if any(a < s.end and s.start < b for a, b in taken):
            continue
        words = [t.text for t in s.tokens]
        near = nearest_sentence(baseline, words, similarity=similarity)
        if near is None:
            continue
        n, score = near
        other = baseline.sentence(n)
        other_text = baseline.text(other.document)
        before = other_text[other.start : other.end]
        line, column = doc.line_col(s.start)
        end_line, end_column = doc.line_col(s.end - 1)
        ref_line, ref_column = _line_col(other_text, other.start)
        text = doc.text[s.start : s.end]
        out.append(
            Finding(
                kind=FindingKind.REPHRASED,
                point=None,
                level=Level.ERROR,
                document=doc.id,
                path=doc.path,
                date=doc.date,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                text=text,
                reference=Reference(
                    before,
                    other.document,
                    baseline.date_of(other.document),
                    baseline.path_of(other.document),
                    ref_line,
                    ref_column,
                ),
                canonical=None,
                diff=word_diff(before, text, tokeniser=tokeniser),
                score=round(score, 1),
                similarity=round(score, 1),
                start=s.start,
                end=s.end,
            )
        )
    return out


PRESS_SHARE = 0.6
"""The share of a new briefing's speech (officials' and journalists' turns) read as the
journalists' above which ``check`` says so (see :func:`_read_as_press`)."""


def _read_as_press(new: Sequence[Document]) -> list[str]:
    """A line for each new briefing whose speech reads mostly as the journalists': only the
    officials' words are checked, and a speaker label not read as one leaves its answers in
    the question before it (review 156: every answer of "Nabila Massrali, Spokesperson for
    Foreign Affairs and Security Policy:" was, and the gate passed a negation put in there
    with "No findings."). At a briefing the officials say the most; an interview may not."""
    lines = []
    for doc in new:
        said = {Role.OFFICIAL: 0, Role.PRESS: 0}
        for turn in doc.turns:
            if turn.role in said:
                said[turn.role] += turn.end - turn.start
        spoken = said[Role.OFFICIAL] + said[Role.PRESS]
        if spoken and said[Role.PRESS] > PRESS_SHARE * spoken:
            where = escape_controls(doc.path)
            share = round(100 * said[Role.PRESS] / spoken)
            lines.append(
                f"{where}: {share}% of what is said there reads as the journalists' questions, "
                "which are not checked (a speaker label not read as one? `consistency ingest "
                f"{where} --turns` shows whose each turn is)"
            )
    return lines


def _in_own_baseline(
    new: Sequence[Document],
    baseline: Baseline,
    index: Index | None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[str]:
    """A line for each new briefing the baseline also holds: one of the same text (and
    turns), whose wordings can then none be new, or one of the same id and date (the same
    briefing, edited since). A gate whose archive already holds today's transcript would
    pass it unseen. (An index's briefings count from ``since`` to ``until``, as the
    baseline does.)"""
    if index is not None:
        held = [
            (d.sha256, d.id, d.date)
            for d in index.documents()
            if (since is None or d.date >= since) and (until is None or d.date <= until)
        ]
    else:
        assert isinstance(baseline, MemoryBaseline)
        held = [(content_hash(d), d.id, d.date) for d in baseline.documents.values()]
    by_hash = {h: name for h, name, _ in held}
    by_name = {(name, date) for _, name, date in held}
    lines = []
    for doc in new:
        where = escape_controls(doc.path)
        twin = by_hash.get(content_hash(doc))
        if twin is not None:
            lines.append(
                f"{where} has the same text as {escape_controls(twin)} of the baseline, so none "
                "of its wordings can be new (to check it, leave it out: --until DATE)"
            )
        elif (doc.id, doc.date) in by_name:
            lines.append(
                f"{where} has the same name and date as {escape_controls(doc.id)} of the "
                "baseline: if it is that briefing, its wordings are in the baseline already "
                "(to check it, leave it out: --until DATE)"
            )
    return lines


BASELINE_SIDE = ("the baseline, --against", "a baseline briefing: --keep-going leaves it out")
"""How an error reading the baseline ends: for the baseline (a folder, a path that is
none), or for one of its briefings (see :func:`_side_said`)."""

NEW_SIDE = ("the new briefings, NEW", "a new briefing: a gate never leaves one out")
"""The same for the new briefings: one that cannot be read is never left out."""


def _side_said(error: ConsistencyError, side: tuple[str, str]) -> ConsistencyError:
    """``error``, from reading one side of the gate, saying which (``side``: see
    :data:`BASELINE_SIDE`, :data:`NEW_SIDE`): a CI log names the folder, not the option
    ("gate/empty: no briefings found" is the baseline's, ``--against``), and a briefing
    of the baseline that cannot be read can be left out (``--keep-going``), where a new
    one never is (fresh-clone trials 182 and 186: neither was said, and ``--keep-going``
    seemed to promise more)."""
    if not isinstance(error, InputError) or isinstance(error, ManifestError):
        return error
    whole = error.path is None or not os.path.isfile(error.path)
    said = f"{error.message} ({side[0] if whole else side[1]})"
    return type(error)(said, path=error.path, line=error.line)


def run_check(
    new_paths: Sequence[str],
    against: str,
    *,
    points_file: str | None = None,
    manifest: str | None = None,
    date: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kinds: Collection[FindingKind] = (FindingKind.SHIFTED,),
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    near: float = NEAR_MARGIN,
    min_dates: int = 2,
    top: int | None = None,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    level: Level | None = None,
    select: FileSelection | None = None,
    note: Callable[[str], None] | None = None,
    skip: Callable[[InputError], None] | None = None,
) -> CheckResult:
    """``consistency check``: read the new briefings, open the baseline, pick the points, check.

    ``against`` is an index file (recognised by its SQLite header) or a
    briefing file or directory. ``date`` dates the single new briefing;
    ``since``/``until`` restrict the baseline; ``manifest`` dates files of
    both. Without ``points_file``, the points are those discovered in the
    baseline on ``min_dates`` dates or more (the ``top`` best, if given).
    ``level`` is the level of points that set none (default: ``error`` for
    watchlist points, ``warning`` for discovered ones). ``select``, ``note`` and
    ``skip`` are :func:`~consistency.ingest.load_documents`'s; ``skip`` applies to the
    baseline only (a new briefing that cannot be read is always an error).
    """
    from ..ingest import load_documents
    from ..watchlist import load_watchlist

    require_percent(threshold, "threshold")
    require_percent(similarity, "similarity")
    require_percent(near, "near")
    watchlist = load_watchlist(points_file, level=level or Level.ERROR) if points_file else None
    # a new briefing that cannot be read fails the run even with ``skip``: a gate
    # never passes a transcript it did not check
    try:
        new = load_documents(
            list(new_paths), manifest=manifest, date=date, select=select, note=note
        )
    except InputErrors as e:
        raise InputErrors([_side_said(err, NEW_SIDE) for err in e.errors]) from None
    except InputError as e:
        raise _side_said(e, NEW_SIDE) from None
    if not new:
        raise OptionError("no new briefings to check")

    def load(paths: Sequence[str]) -> list[Document]:
        try:
            docs = load_documents(
                list(paths),
                manifest=manifest,
                since=since,
                until=until,
                select=select,
                note=note,
                skip=skip,
                date_option="",  # --date dates the new briefing, never the baseline's
            )
        except InputErrors as e:
            raise InputErrors([_side_said(err, BASELINE_SIDE) for err in e.errors]) from None
        except InputError as e:
            raise _side_said(e, BASELINE_SIDE) from None
        if not docs:
            raise OptionError(
                "the baseline has no briefings (check --against and --since/--until)",
                path=str(against),
            )
        return docs

    baseline, summary, index = open_baseline(
        [against],
        load=load,
        include_questions=include_questions,
        speakers=speakers,
        since=since,
        until=until,
    )
    tokeniser = TOKENISERS.get(index.tokeniser) if index is not None else None
    try:
        points: PointSource
        if watchlist is not None:
            points = MemoryPoints(watchlist, baseline.is_common, tokeniser=tokeniser)
        elif index is not None:
            points = IndexPoints(
                index, min_dates=min_dates, top=top, level=level or DISCOVERED_LEVEL
            )
        else:
            assert isinstance(baseline, MemoryBaseline)
            found = discovered_points(
                list(baseline.documents.values()),
                min_dates=min_dates,
                top=top,
                include_questions=include_questions,
                speakers=speakers,
            )
            points = MemoryPoints(
                [replace(p, level=level or DISCOVERED_LEVEL) for p in found],
                baseline.is_common,
                discovered=True,
                top=top,
            )
        result = check(
            new,
            baseline,
            points,
            summary=summary,
            kinds=kinds,
            threshold=threshold,
            similarity=similarity,
            near=near,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
        )
        own = _in_own_baseline(new, baseline, index, since, until)
        if not include_questions:
            own += _read_as_press(new)
        return replace(result, notes=(*result.notes, *own)) if own else result
    finally:
        if index is not None:
            index.close()


def _widened_miss(matches: Sequence[Match], near: Match, limit: float) -> int | None:
    """Which of ``matches`` the lenient ``near`` takes the place of: the one match it
    overlaps, itself under ``limit`` (a near miss), inside ``near``'s span and scoring
    less; None where there is no such one."""
    over = [
        k
        for k, m in enumerate(matches)
        if m.sentence.document == near.sentence.document
        and m.start < near.end
        and near.start < m.end
    ]
    if len(over) != 1:
        return None
    m = matches[over[0]]
    inside = near.start <= m.start and m.end <= near.end
    return over[0] if inside and m.score < min(limit, near.score) else None


def _why_lenient(match: Match, text: str, grammar: Grammar) -> str:
    """Why ``track`` does not count a near miss that ``find_point`` finds only when lenient:
    a negation put in or dropped, else a name of the formula replaced or put in (see
    :func:`name_why`)."""
    if not says_opposite(match, text, grammar):
        return name_why(match, text)
    own = any(w in grammar.negations for w in match.form.words)
    return NEGATION_DROPPED if own else NEGATION_PUT_IN


def name_why(match: Match, text: str) -> str:
    """A name of the formula replaced, or, where the span keeps every name of the wording it
    was found as and holds one more, a name put in: "China's position *on the Meng Wanzhou
    incident* is consistent and resolute" keeps "China's" (a fresh-clone trial: the note
    said a name was replaced)."""
    tokens = match.sentence.tokens
    names = Names(tokens, text)
    form = match.form
    own = {form.words[k] for k in _name_places(form)}
    put = any(
        k in names and tokens[k].text not in form.vocabulary
        for k in range(match.first, match.last + 1)
    )
    return NAME_PUT_IN if put and own <= set(span_words(match)) else NAME_REPLACED
