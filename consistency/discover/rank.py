"""Ranking: the score of a point and the test for stop phrases."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate

import numpy as np
from rapidfuzz import fuzz, process

from ..lexicon import phrase_zipf
from ..normalise import normalise
from .corpus import _GLUE, _Corpus, _Group, _Occ
from .ngrams import _find_all, _Form
from .press import PressWords, shared_share

_SAMPLE = 30
"""Occurrences (spread evenly) on which capitals and neighbours are measured."""


def _sample(occs: Sequence[_Occ]) -> Sequence[_Occ]:
    if len(occs) <= _SAMPLE:
        return occs
    step = len(occs) / _SAMPLE
    return [occs[int(k * step)] for k in range(_SAMPLE)]


class _Scorer:
    """The ranking score described in the module docstring."""

    def __init__(self, corpus: _Corpus, stops: _Stops, press: PressWords | None = None) -> None:
        self.corpus = corpus
        self.stops = stops
        self.press = press if press else None
        per_word: Counter[int] = Counter()
        pdate, ids = corpus.pdate, corpus.ids
        at = 0
        while at < len(ids):  # one date at a time: dates never decrease along the corpus
            end = bisect_right(pdate, pdate[at], at)
            per_word.update(set(ids[at:end]))
            at = end
        n = len(corpus.dates)
        self.weight = [
            0.0
            if w in corpus.stop
            else 0.5 + 0.5 * min(1.0, max(0.0, math.log((n + 1) / (per_word[k] + 0.5))))
            for k, w in enumerate(corpus.words)
        ]
        self.count = [0] * len(corpus.words)
        for w, c in Counter(corpus.ids).items():
            self.count[w] = c
        per_date = Counter(pdate)
        self.tokens_to = list(accumulate((per_date[d] for d in range(n)), initial=0))
        positions = max(1, len(corpus.ids))
        self.edge_rate = sum(x <= _EDGE for x in corpus.lead) / positions
        self.usual_turn = _usual_unit(corpus)
        self.outside_rate = corpus.outside_share()
        self.names = _name_words(corpus)
        self.floors: dict[tuple[int, ...], float] = {}
        """The least score of a formula said in frames: its best frame's (see
        :func:`~consistency.discover._rank_cores_by_frames`)."""
        self.ceilings: dict[tuple[int, ...], float] = {}
        """The most score of a template with a slot for a name: its best filled
        wording's (see :func:`~consistency.discover.ngrams._name_slots`)."""

    def __call__(self, group: _Group, since: int | None = None) -> float:
        """The group's score; ``since``: see :meth:`as_new`."""
        corpus = self.corpus
        spread = math.log2(1 + len(group.dates))
        specific = math.sqrt(min(sum(self.weight[w] for w in group.key), _MAX_SPECIFIC))
        specific *= _beyond_ordinary(self.lift(group, since))
        sample = _sample(group.occs)
        score = spread * specific * (1 - 0.8 * _caps(corpus, sample, self.names) ** 2)
        score *= (1 - 0.7 * _slot(corpus, sample)) * (0.6 + 0.4 * _closure(corpus, sample))
        if any(
            corpus.numeric[w] and _numeric(corpus.words[w]) for w in group.key
        ) and not _fixed_number(corpus, group.key, sample):
            score *= 0.3
        if self.stops.hit(group, sample):
            score *= 0.05
        score *= _timed(corpus, group.key)
        score *= 1 - 0.9 * self.boilerplate(group.key, sample, group.dates)
        score *= 1 - 0.9 * max(
            _announcement(corpus, sample, group.dates), self.statement(sample, group.dates)
        )
        score *= 1 - 0.7 * _cut_quote(corpus, sample)
        score *= 1 - _SHARED_MAX * _shared_excess(self.shared(group, sample))
        score = min(score, self.ceilings.get(tuple(group.key), score))
        return round(max(score, self.floors.get(tuple(group.key), 0.0)), 4)

    def statement(self, occs: Sequence[_Occ], dates: Sequence[int]) -> float:
        """How much a phrase belongs to the briefing's own statements, outside its questions
        and answers (0..1), learned.

        A briefing's announcements (events, visits, holiday arrangements) stand
        before its first question or after its last answer; its positions are
        given in answers, and said in a statement too. ``outside``, the share of
        occurrences (in documents with questions) that stand outside the Q&A, is
        set against the share of all positions that do (``r``): ``excess =
        (outside - r) / (1 - r)``, and the result is ``clamp((excess - 0.6) /
        0.3, 0, 1)``: 0 for a phrase said in answers a third of the time or more.
        0 for a phrase found on fewer than :data:`_STATEMENT_EVIDENCE` dates, or
        in fewer occurrences in documents with questions. On the MFA corpora the
        event announcements stand at 1.0, the formulas of the top 100 at 0.5 or
        less (a third of them in statements at most).
        """
        if len(dates) < _STATEMENT_EVIDENCE or self.outside_rate >= 1:
            return 0.0
        where = [self.corpus.outside_questions(o.start) for o in occs]
        known = [w for w in where if w is not None]
        if len(known) < _STATEMENT_EVIDENCE:
            return 0.0
        r = self.outside_rate
        excess = (sum(known) / len(known) - r) / (1 - r)
        return min(1.0, max(0.0, (excess - _STATEMENT_FROM) / _STATEMENT_SPAN))

    def shared(self, group: _Group, sample: Sequence[_Occ]) -> float:
        """The journalists' share of the phrase's use (see :mod:`.press`); 0 without
        their turns, or with fewer than :data:`_SHARED_EVIDENCE` uses of theirs.

        Their uses are counted for each wording of the sampled occurrences, set
        against all the group's occurrences.
        """
        press = self.press
        if press is None:
            return 0.0
        keys = {self.corpus.key(o) for o in sample}
        said = sum(press.count(k) for k in keys)
        if said < _SHARED_EVIDENCE:
            return 0.0
        return shared_share(len(group.occs), len(self.corpus.ids), said, press.tokens)

    def boilerplate(self, key: Sequence[int], occs: Sequence[_Occ], dates: Sequence[int]) -> float:
        """How much a phrase behaves like the genre's procedure (0..1), learned from the data.

        Procedural phrases open or close a turn ("we have noted the reports",
        "next question") or make up a short answer of their own ("I'm not
        aware of the situation you mentioned. I'd refer you to the competent
        authorities."), and are said about every topic. ``edge``, the share
        of occurrences that open or close their turn, is set against the share
        of all positions that do (``r``): ``excess = (edge - r) / (1 - r)``,
        and ``at_edge = clamp((excess - 0.4) / 0.4, 0, 1)``. ``brief`` is
        :meth:`brevity`. ``generic`` is 1 when the phrase keeps company with
        no topic word (see :meth:`topicality`: at most 3), 0 from 20 on,
        log-linear between. The result is ``generic * max(at_edge, brief)``,
        and 0 for a phrase found on fewer than :data:`_EVIDENCE` dates (too
        little to learn from).
        """
        if len(dates) < _EVIDENCE or not occs:
            return 0.0
        edge = max(_opens(self.corpus, occs), _closes(self.corpus, occs))
        excess = (edge - self.edge_rate) / (1 - self.edge_rate) if self.edge_rate < 1 else 0.0
        at_edge = min(1.0, max(0.0, (excess - _EDGE_FROM) / _EDGE_SPAN))
        procedure = max(at_edge, self.brevity(occs))
        if not procedure:
            return 0.0
        return procedure * self.generic(key, occs)

    def generic(self, key: Sequence[int], occs: Sequence[_Occ]) -> float:
        """1 for a phrase said about every topic, 0 for one tied to one (see :meth:`topicality`)."""
        topical = math.log(max(self.topicality(key, occs), 1.0))
        return min(1.0, max(0.0, (_TOPIC_HIGH - topical) / (_TOPIC_HIGH - _TOPIC_LOW)))

    def brevity(self, occs: Sequence[_Occ]) -> float:
        """How much shorter than usual the turns that hold a phrase are (0..1).

        A non-answer is short: "I'm not aware of the situation you mentioned",
        "I'd refer you to the competent authorities" make up most of their
        turn, where the genre's positions come inside an answer of several
        sentences. ``ratio`` is the median length (tokens) of the turns (or
        paragraphs) holding the occurrences over the usual one (the median
        at a token drawn at random, :func:`_usual_unit`); the result is
        ``clamp((0.65 - ratio) / 0.25, 0, 1)``: 1 for turns under 0.4 of the
        usual length, 0 from 0.65 on (0.7 to 1.3 for the formulas of the
        MFA corpus, 0.25 to 0.5 for its non-answers).
        """
        if not occs or not self.usual_turn:
            return 0.0
        lengths = sorted(b - a for a, b in (self.corpus.unit(o.start, o.end) for o in occs))
        ratio = lengths[len(lengths) // 2] / self.usual_turn
        return min(1.0, max(0.0, (_BRIEF_FROM - ratio) / _BRIEF_SPAN))

    def topicality(self, key: Sequence[int], occs: Sequence[_Occ]) -> float:
        """How strongly the phrase keeps company with one topic word in its turns.

        For each content word near the occurrences (at most :data:`_AROUND`
        tokens either side in the same document, the occurrence's own
        sentence left out), other than the phrase's own: the share of
        occurrences with it, divided by the chance that a stretch of that
        length holds it at the word's corpus frequency. The largest such
        ratio among words found beside at least a third of the occurrences;
        1 when none is. "Taiwan" beside a Taiwan
        formula gives tens; a procedural phrase, said about everything, has
        no such companion.
        """
        corpus = self.corpus
        ids, function = corpus.ids, corpus.function
        own = set(key)
        seen: Counter[int] = Counter()
        span = 0
        psent = corpus.psent
        for o in occs:
            a, b = corpus.document_span(o.start)
            a, b = max(a, o.start - _AROUND), min(b, o.end + _AROUND)
            s0, s1 = o.start, o.end
            sent = psent[o.start]
            while s0 > a and psent[s0 - 1] == sent:
                s0 -= 1
            while s1 < b and psent[s1] == psent[s1 - 1]:
                s1 += 1
            span += (s0 - a) + (b - s1)
            seen.update({w for w in (*ids[a:s0], *ids[s1:b]) if not function[w]} - own)
        m = len(occs)
        if not m:
            return 1.0
        span_per = span / m
        total = max(1, len(ids))
        best = 1.0
        for w, c in seen.items():
            if 3 * c >= m and c >= 2:
                chance = 1 - math.exp(-span_per * self.count[w] / total)
                best = max(best, (c / m) / chance if chance > 0 else best)
        return best

    def lift(self, group: _Group, since: int | None = None) -> float:
        """How much more often the briefings say the phrase than ordinary language does.

        ``log10`` of the phrase's rate in the corpus (its occurrences, variants
        included, per token, counted as the fewest they could stand for: see
        :func:`_fewest`) minus ``log10`` of its ordinary-language rate
        (:func:`~consistency.lexicon.phrase_zipf`), both in Zipf units. The
        rate is the higher of the whole corpus's and that of the phrase's own
        season (:meth:`season_rate`): a slogan of everyday words ("as long as
        it takes") is said densely while it is the line, where ordinary
        language, said at any time, is spread over the whole archive. With
        ``since`` (an index of the corpus's dates), the rate over the dates from it on
        counts too (see :meth:`as_new`).
        """
        corpus = self.corpus
        rate = max(_fewest(len(group.occs)) / len(corpus.ids), self.season_rate(group))
        if since is not None:
            tokens = self.tokens_to[-1] - self.tokens_to[since]
            if tokens:
                rate = max(rate, _fewest(len(group.occs)) / tokens)
        return math.log10(rate) + 9.0 - phrase_zipf(corpus.words[w] for w in group.key)

    def as_new(self, group: _Group, since: int) -> float:
        """The score of a phrase first said on date ``since`` (an index of the corpus's
        dates) or later, its rate taken over the dates from ``since`` on: a formula a
        government starts to say in a report's period is said that densely since it came
        (review 84: "a new era of shared security and common prosperity", on 4 of the
        last 8 of 500 dates, read as ordinary English against the whole archive)."""
        return self(group, since)

    def season_rate(self, group: _Group) -> float:
        """Occurrences per token over the dates that hold the middle 80 % of them.

        0 for a phrase with fewer than :data:`_SEASON_OCCS` occurrences: too few to
        tell a season from chance.
        """
        n = len(group.occs)
        if n < _SEASON_OCCS:
            return 0.0
        pdate = self.corpus.pdate
        dates = sorted(pdate[o.start] for o in group.occs)
        lo, hi = dates[n // 10], dates[n - 1 - n // 10]
        inside = sum(lo <= d <= hi for d in dates)
        tokens = self.tokens_to[hi + 1] - self.tokens_to[lo]
        return _fewest(inside) / tokens if tokens else 0.0


_TIME_ONLY = 0.05
"""The ranking factor of a phrase that only tells a time (see :func:`_timed`)."""


def _timed(corpus: _Corpus, key: Sequence[int]) -> float:
    """The ranking factor of the calendar in a phrase: no talking point tells a time.

    A phrase that only tells a time (see :meth:`_Corpus.only_time`): "the past few weeks",
    "early next year", "the end of the month", "in recent days", 今年以来, ranks as ordinary
    language does (x :data:`_TIME_ONLY`). A time at either end of a phrase is cut off it
    where it is found (see :func:`~consistency.discover.ngrams._trim`): "flood defences
    *last week*", "set out new measures *by the end of the month*".
    """
    return _TIME_ONLY if corpus.only_time(key) else 1.0


def _fixed_number(corpus: _Corpus, key: Sequence[int], occs: Sequence[_Occ]) -> bool:
    """Whether a phrase of :data:`FIXED_NUMBER_CONTENT` content words or more, its numbers and
    the words right after them (their units: 年, "per cent") aside, says the same numbers in
    every occurrence, on :data:`FIXED_NUMBER_DATES` dates or more: a number the phrase holds
    ("all 11 relevant UN Security Council resolutions", "spending 2.5 per cent of GDP on
    defence by 2030": reviews 108, 117, ranked past 140), not a count that changes, nor a
    phrase of time said with each count in turn ("過去6年來", "過去3年來": review 111)."""
    words = corpus.words
    numeric = [_numeric(words[w]) for w in key]
    content = [
        w
        for k, w in enumerate(key)
        if not corpus.function[w] and not numeric[k] and not (k and numeric[k - 1])
    ]
    if len(content) < FIXED_NUMBER_CONTENT:
        return False
    said = {tuple(w for w in corpus.key(o) if _numeric(words[w])) for o in occs}
    return len(said) == 1 and len({corpus.pdate[o.start] for o in occs}) >= FIXED_NUMBER_DATES


FIXED_NUMBER_CONTENT = 3
"""Content words, its numbers aside, a phrase needs for a number it always says to be its
own (see :func:`_fixed_number`)."""

FIXED_NUMBER_DATES = 10
"""Dates a phrase must say its number on, the same each time, for it to be the phrase's
own (see :func:`_fixed_number`)."""


def _numeric(word: str) -> bool:
    """Whether a word is a count or a date, which makes a phrase one day's ("2,000 tons",
    "on May 5", "the 70th anniversary"): a word with a digit in it and no letter but an
    ordinal's ending. A name with a digit among its letters is none: "the G7", "the G20",
    "5G" (review 94: "... in close cooperation with the G7 and the international
    community", 30 of 100 dates, ranked out of a report)."""
    return any(c.isdigit() for c in word) and _ORDINAL.fullmatch(word.lower()) is not None


_ORDINAL = re.compile(r"[\d.,]*\d(?:st|nd|rd|th)?")
"""A number in digits, as a count or an ordinal ("2000", "70th")."""


_MAX_SPECIFIC = 8.0

_CONFIDENCE_Z = 1.2816
"""The normal quantile of a one-sided 90 % bound."""


def _fewest(count: int) -> float:
    """The lowest rate (per span of text) that ``count`` occurrences prove: the lower
    one-sided 90 % bound of a Poisson mean (Wilson and Hilferty's approximation).

    A phrase said twice in a small archive has a high rate by chance alone; ordinary
    English ("a little bit", "the first time") then reads as the genre's own. Two
    occurrences prove 0.53, five 2.4, a hundred 87: the bound matters where counts are
    small, and a formula said often keeps its rate.

    >>> [round(_fewest(k), 2) for k in (1, 2, 5, 100)]
    [0.1, 0.53, 2.43, 87.42]
    """
    if count <= 0:
        return 0.0
    return count * max(0.0, 1 - 1 / (9 * count) - _CONFIDENCE_Z / (3 * math.sqrt(count))) ** 3


_SEASON_OCCS = 10
"""Occurrences a phrase needs before the rate of its own season counts."""

_LIFT_FLOOR, _LIFT_FULL = -1.0, 0.5
"""A phrase whose lift is at most ``_LIFT_FLOOR`` is ordinary language (factor 0.05);
from ``_LIFT_FULL`` on it counts fully; linear between."""


def _beyond_ordinary(lift: float) -> float:
    """The ranking factor of a lift: 0.05 for ordinary phrases up to 1 for the genre's own."""
    share = (lift - _LIFT_FLOOR) / (_LIFT_FULL - _LIFT_FLOOR)
    return min(1.0, max(0.05, share))


_SHARED_FROM, _SHARED_SPAN, _SHARED_MAX = 0.3, 0.3, 0.8
"""A phrase the journalists use at more than ``_SHARED_FROM`` of the combined rate starts
to lose rank, up to ``_SHARED_MAX`` of it from ``_SHARED_FROM + _SHARED_SPAN`` on: a formula
quoted back in questions stays under 0.3 ("one country, two systems" 0.30), the name of a
topic or everyday English comes to 0.45 and above."""

_SHARED_EVIDENCE = 3
"""Uses in the journalists' turns a phrase needs before their share counts."""

_STATEMENT_FROM, _STATEMENT_SPAN = 0.6, 0.3
"""Excess share of occurrences outside the questions and answers from which a phrase starts
to count as the briefing's own statement, and the span over which it comes to count fully."""

_STATEMENT_EVIDENCE = 3
"""Dates (and occurrences in documents with questions) a phrase needs before its place
outside the questions and answers counts."""


def _shared_excess(share: float) -> float:
    return min(1.0, max(0.0, (share - _SHARED_FROM) / _SHARED_SPAN))


_EDGE = 2
"""An occurrence is at the edge of its turn when at most this many tokens stand between."""


_EVIDENCE = 10
"""Dates a phrase needs before its place in turns says anything about it."""

_EDGE_FROM, _EDGE_SPAN = 0.4, 0.4
"""Excess edge share from which a phrase starts to count as procedure, and the span over
which it comes to count fully."""

_TOPIC_LOW, _TOPIC_HIGH = math.log(3.0), math.log(20.0)
"""Topicality up to 3 is no topic at all; from 20 on the phrase belongs to a topic."""

_BRIEF_FROM, _BRIEF_SPAN = 0.65, 0.25
"""Turns shorter than this share of the usual length start to mark a non-answer; the span
below it over which they come to mark one fully."""

_AROUND = 120
"""Tokens either side of an occurrence that count as its company."""

_BLOCKS = 10
"""The corpus's dates are cut into this many runs of equal size to measure evenness."""


def _evenness(ndates: int, dates: Sequence[int]) -> float:
    """How evenly a phrase's dates spread over the corpus's time (0..1).

    The corpus's dates are cut into :data:`_BLOCKS` runs of equal size; a
    phrase found on ``d`` dates drawn evenly at random would touch
    ``K * (1 - (1 - 1/K) ** d)`` of them. Evenness is the share of that
    expectation the phrase touches: a formula of one season or one affair
    touches few runs, the procedural phrases of the genre touch them all.
    """
    blocks = min(_BLOCKS, ndates)
    if blocks < 2 or not dates:
        return 1.0
    touched = len({d * blocks // ndates for d in dates})
    expected = blocks * (1 - (1 - 1 / blocks) ** len(dates))
    return min(1.0, touched / expected)


def _usual_unit(corpus: _Corpus) -> int:
    """The median length of the turn (or paragraph) that holds a token drawn at random."""
    lengths: list[int] = []
    at, n = 0, len(corpus.ids)
    while at < n:
        a, b = corpus.unit(at, at + 1)
        lengths.append(b - a)
        at = b
    lengths.sort()
    half, seen = n / 2, 0
    for length in lengths:
        seen += length
        if seen >= half:
            return length
    return 0


def _opens(corpus: _Corpus, occs: Sequence[_Occ]) -> float:
    """Share of occurrences that open their turn (or paragraph)."""
    lead = corpus.lead
    return sum(lead[o.start] <= _EDGE for o in occs) / len(occs) if occs else 0.0


def _closes(corpus: _Corpus, occs: Sequence[_Occ]) -> float:
    """Share of occurrences that close their turn (or paragraph)."""
    tail = corpus.tail
    return sum(tail[o.end - 1] <= _EDGE for o in occs) / len(occs) if occs else 0.0


_ENDS = 0.1
"""The opening and the closing tenth of a briefing: where its announcements stand."""

_ANNOUNCE_FROM, _ANNOUNCE_SPAN = 0.3, 0.4
"""Excess share in a briefing's ends from which a phrase starts to count as an
announcement, and the span over which it comes to count fully."""


def _announcement(corpus: _Corpus, occs: Sequence[_Occ], dates: Sequence[int]) -> float:
    """How much a phrase behaves like the briefing's own announcements (0..1), learned.

    The genre opens and closes a briefing with its procedure: the day's
    figures (首先向大家通报一组数字), events and visits ("at the invitation of"),
    holiday arrangements (休会期间，外交部发言人办公室将照常接受记者电话和传真提问),
    the moderator's hand-overs ("kick us off"). ``ends``, the share of
    occurrences in the first or last :data:`_ENDS` of their briefing's
    selected words, is set against the share a phrase spread anywhere would
    have (``2 * _ENDS``): ``excess = (ends - 0.2) / 0.8``; the result is
    ``clamp((excess - 0.3) / 0.4, 0, 1)``, and 0 for a phrase found on fewer
    than :data:`_EVIDENCE` dates. A formula said in answers as well as in an
    opening statement stays well under (0.1 to 0.35 on the MFA corpora). An occurrence
    inside the questions and answers is at no end (see :meth:`_Corpus.outside_questions`).
    """
    if len(dates) < _EVIDENCE or not occs:
        return 0.0
    ends = 0
    for o in occs:
        if corpus.outside_questions(o.start) is False:
            # an answer is no announcement, however early the question came: "Israel has
            # the right to defend itself" in answer to a briefing's first question
            # (review 159: 82 dates, ranked 1,526th)
            continue
        a, b = corpus.document_span(o.start)
        at = (o.start - a) / max(1, b - a)
        ends += at < _ENDS or at >= 1 - _ENDS
    chance = 2 * _ENDS
    excess = (ends / len(occs) - chance) / (1 - chance)
    return min(1.0, max(0.0, (excess - _ANNOUNCE_FROM) / _ANNOUNCE_SPAN))


_PAIRED = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u300a", "\u300b"))
"""Quotation and title marks that open and close a unit (not ``’``, also an apostrophe)."""

_MARKS = re.compile('["' + "".join(a + b for a, b in _PAIRED) + "]")
"""Any of the marks :func:`_cut_quote` counts."""


def _cut_quote(corpus: _Corpus, occs: Sequence[_Occ]) -> float:
    """Share of occurrences that begin or end inside a quotation or a title.

    'implement the "one country' and 阿人所有”的阿富汗和平和解进程 cut a quoted
    formula ("one country, two systems", “阿人主导、阿人所有”) in two: a
    fragment, even where it recurs. An occurrence counts when, with the marks
    next to it taken in (:meth:`~consistency.discover.corpus._Corpus.surface`),
    its opening and closing marks still do not pair up.
    """
    if not occs:
        return 0.0
    cut = 0
    for o in occs:
        if not _MARKS.search(corpus.written(o)):
            # the surface takes in a mark only beside one of the span's own
            continue
        text = corpus.surface(o)
        if text.count('"') % 2 or any(text.count(a) != text.count(b) for a, b in _PAIRED):
            cut += 1
    return cut / len(occs)


NAME_SHARE = 0.9
"""A word the archive writes with a capital at least this often (where no sentence opens
with it) is a name: "Wang", "Blinken", "Councilor"; "principles", "build" are words that
a formula may capitalise ("the Five Principles of Peaceful Coexistence")."""


def _name_words(corpus: _Corpus) -> bytearray:
    """1 for each word of the vocabulary the archive writes as a name (see
    :data:`NAME_SHARE`), learned from its own text."""
    ids = np.frombuffer(corpus.ids, dtype=f"i{corpus.ids.itemsize}")
    psent = np.frombuffer(corpus.psent, dtype=f"i{corpus.psent.itemsize}")
    upper = np.frombuffer(corpus.capital, dtype=np.uint8)
    inner = np.zeros(len(ids), dtype=bool)
    inner[1:] = psent[1:] == psent[:-1]  # see _Corpus.sentence_initial
    n = len(corpus.words)
    said = np.bincount(ids[inner], minlength=n)
    capital = np.bincount(ids[inner], weights=upper[inner], minlength=n)
    return bytearray(((said > 0) & (capital >= NAME_SHARE * said)).astype(np.uint8).tobytes())


def _caps(corpus: _Corpus, occs: Sequence[_Occ], names: bytearray) -> float:
    """Share of capitalised content words, not counting a sentence's first word, in a
    phrase that names someone or something: one of its capitalised words is a word the
    archive writes as a name (see :func:`_name_words`), as in "State Councilor and Foreign
    Minister Wang Yi". 0 for a phrase whose capitals are ordinary words: a formula written
    as a title ("the Five Principles of Peaceful Coexistence", "Build Back Better"). A name
    of capitalised parts joined by hyphens is one word: "a free and open *Indo-Pacific*"
    names a region once, not twice (review 151: the formula, on 30 dates, ranked #53)."""
    capital = total = 0
    named = False
    ids, function, upper, mark = corpus.ids, corpus.function, corpus.capital, corpus.mark
    for o in occs:
        for p in range(o.start, o.end):
            if p > o.start and mark[p] == _GLUE and upper[p] and upper[p - 1]:
                continue
            if not function[ids[p]] and not corpus.sentence_initial(p):
                total += 1
                capital += upper[p]
                named = named or bool(upper[p] and names[ids[p]])
    return capital / total if total and named else 0.0


def _closure(corpus: _Corpus, occs: Sequence[_Occ]) -> float:
    """Share of occurrences that end where the clause ends or punctuation follows.

    A position is said as a complete unit ("... is consistent and clear.");
    a phrase that always runs on into more words ("China stands ready to")
    opens a sentence rather than stating a position.
    """
    ends = sum(not corpus.joinable(o.end - 1, o.end) for o in occs)
    return ends / len(occs) if occs else 0.0


def _slot(corpus: _Corpus, occs: Sequence[_Occ]) -> float:
    """How much the words next to the phrase look like a slot for varying names or numbers.

    For each side: (distinct capitalised or numeric neighbours - 1) /
    (occurrences - 1); a neighbour counts only when nothing but space
    separates it from the phrase. The larger side wins.
    """
    if len(occs) < 2:
        return 0.0
    best = 0.0
    for left in (True, False):
        seen: set[int] = set()
        for o in occs:
            j = o.start - 1 if left else o.end
            ok = corpus.joinable(j, o.start) if left else corpus.joinable(o.end - 1, j)
            if ok and (corpus.capital[j] or corpus.numeric[corpus.ids[j]]):
                seen.add(corpus.ids[j])
        best = max(best, max(len(seen) - 1, 0) / (len(occs) - 1))
    return best


class _Stops:
    """Stop phrases, and the test of whether a group is one of them.

    A group is stopped when its wording contains a stop phrase, is part of
    one, or scores at least 90 against one (``fuzz.ratio``), or when most of
    its occurrences overlap an occurrence of a stop phrase in the text (the
    remnant "comment on the reports" of "do you have any comment on the
    reports").
    """

    def __init__(self, corpus: _Corpus, phrases: Iterable[str]) -> None:
        self.corpus = corpus
        self.phrases = sorted({n for n in (normalise(p) for p in phrases) if n})
        padded = [f" {p} " for p in self.phrases]
        # one search for "a stop phrase stands in the wording", one for "the wording stands
        # in a stop phrase" (the phrases joined by a character no wording holds)
        self._holds = re.compile("|".join(map(re.escape, padded))) if padded else None
        self._within = "\n".join(padded)
        self.cover = bytearray(len(corpus.ids))
        forms: dict[tuple[int, ...], _Form] = {}
        for phrase in self.phrases:
            ids = [corpus.vocab.get(w) for w in phrase.split()]
            key = tuple(w for w in ids if w is not None)
            if len(key) == len(ids):
                forms[key] = _Form(key, coordinated=False)
        if forms:
            found = _find_all(corpus, list(forms.values()), min(map(len, forms)))
            for key, starts in zip(forms, found, strict=True):
                for i in starts:
                    self.cover[i : i + len(key)] = b"\x01" * len(key)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def hit(self, group: _Group, sample: Sequence[_Occ]) -> bool:
        if not self.phrases:
            return False
        corpus = self.corpus
        text = corpus.text_of(group.key)
        if process.extractOne(text, self.phrases, scorer=fuzz.ratio, score_cutoff=90):
            return True
        padded = f" {text} "
        if padded in self._within or (self._holds is not None and self._holds.search(padded)):
            return True
        hits = sum(any(self.cover[o.start : o.end]) for o in sample)
        return hits * 2 >= len(sample) > 0
