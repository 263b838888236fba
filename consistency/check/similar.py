"""Sentence similarity for ``check`` and ``diff``: near-variants, closest wordings."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from ..diff import word_moves
from ..index import phrase_sentences
from ..match import (
    DEFAULT_THRESHOLD,
    Match,
    SentenceIndex,
    candidates_by_weight,
    find_point,
    make_forms,
    span_words,
    weigher,
)
from ..models import Point, Sentence
from ..normalise import Tokeniser, named_words
from ..timeline import closeness, grammar_only
from .baseline import Baseline
from .findings import DEFAULT_SIMILARITY, Reference

CLOSEST_CANDIDATES = 40
"""How many baseline sentences are searched for the closest wording of a finding."""

_RARE_KEYS = 6


def encode_words(sequences: Sequence[Sequence[str]]) -> list[str]:
    """Each word sequence as a string with one character per distinct word (shared table)."""
    table: dict[str, str] = {}
    out: list[str] = []
    for words in sequences:
        chars = []
        for w in words:
            c = table.get(w)
            if c is None:
                c = table[w] = chr(0x100 + len(table))
            chars.append(c)
        out.append("".join(chars))
    return out


def word_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word-level similarity 0-100 (rapidfuzz ``ratio`` with each word as one symbol).

    >>> word_similarity("a b c d".split(), "a b x d".split())
    75.0
    """
    x, y = encode_words([a, b])
    return float(fuzz.ratio(x, y))


def reordered_similarity(a: Sequence[str], b: Sequence[str], floor: float) -> float:
    """:func:`word_similarity`, the words a part moved elsewhere counted as kept, less a
    word on each side for each part moved, where that reaches ``floor`` and the plain
    one does not: "full respect for *the UN Charter and* the universally recognised norms
    of international law" said "... norms of international law *and the UN Charter*"
    is a rephrasing (90), not a new sentence (80; review 97: `diff` said nothing of it).
    The moves are the word diff's (:func:`~consistency.diff.word_moves`), found only
    where the words, sorted, are that alike.

    >>> a = "we stand for peace and we oppose war".split()
    >>> word_similarity(a, a[4:] + a[:4]), reordered_similarity(a, a[4:] + a[:4], 85)
    (50.0, 87.5)
    """
    plain = word_similarity(a, b)
    if plain >= floor:
        return plain
    x, y = encode_words([a, b])
    if fuzz.ratio("".join(sorted(x)), "".join(sorted(y))) < floor:
        return plain
    runs = word_moves(a, b)
    kept = sum(len(text) for code, text in runs if code in (0, 2))
    moves = sum(1 for code, _ in runs if code == 2)
    total = len(a) + len(b)
    return max(plain, 100.0 * (2 * kept - 2 * moves) / total) if total else plain


def has_sentence(baseline: Baseline, words: Sequence[str]) -> bool:
    """Whether the baseline holds a sentence with exactly these normalised words."""
    if not words:
        return True
    target = " ".join(words)
    return any(text == target for text in baseline.words_of(baseline.containing(words)).values())


def nearest_sentence(
    baseline: Baseline,
    words: Sequence[str],
    *,
    similarity: float = DEFAULT_SIMILARITY,
    limit: int = 200,
) -> tuple[int, float] | None:
    """The baseline sentence most similar to ``words`` at or above ``similarity``, if any.

    Candidates share at least half of the sentence's (up to six) rarest
    words; identical sentences are not returned. Ties go to the later sentence.
    """
    distinct = sorted(
        (w for w in set(words) if not baseline.is_common(w)),
        key=lambda w: (baseline.frequency(w), w),
    )
    keys = [w for w in distinct if baseline.frequency(w) > 0][:_RARE_KEYS]
    if not keys:
        return None
    need = max(1, math.ceil(len(keys) / 2))
    hits: Counter[int] = Counter()
    for w in keys:
        hits.update(baseline.postings(w))
    ranked = sorted((n for n, h in hits.items() if h >= need), key=lambda n: (-hits[n], -n))
    if not ranked:
        return None
    texts = baseline.words_of(ranked[:limit])
    target = " ".join(words)
    best: tuple[int, float] | None = None
    for n in sorted(texts, reverse=True):
        other = texts[n]
        if other == target:
            continue
        score = reordered_similarity(words, other.split(" "), similarity)
        if score >= similarity and (best is None or score > best[1]):
            best = (n, score)
    return best


class _NewCorpus(SentenceIndex):
    """New sentences in memory, searched with the engine's own candidate rule."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        texts: dict[str, str],
        tokeniser: Tokeniser | None,
    ) -> None:
        super().__init__(sentences, texts)
        self.limit = DEFAULT_THRESHOLD
        self.weigh = weigher(tokeniser)
        self.word_sets = [frozenset(t.text for t in s.tokens) for s in sentences]

    def could_match(self, words: Sequence[str], sentences: Iterable[int]) -> list[int]:
        """The sentences among ``sentences`` where a wording of ``words`` can reach the limit."""
        wanted = set(sentences)
        return [n for n in candidates_by_weight(self, words, self.weigh, self.limit) if n in wanted]


class Among:
    """The baseline seen through some of its sentences (a :class:`~consistency.match.Corpus`
    the engine searches): each of ``numbers`` is a candidate for every wording."""

    def __init__(self, baseline: Baseline, numbers: Sequence[int] = ()) -> None:
        self.baseline = baseline
        self.numbers = list(numbers)

    def candidates(self, words: Iterable[str]) -> list[int]:
        return self.numbers

    def sentence(self, n: int) -> Sentence:
        return self.baseline.sentence(n)

    def text(self, document: str) -> str:
        return self.baseline.text(document)

    def is_common(self, word: str) -> bool:
        return self.baseline.is_common(word)


class _Narrowed(Among):
    """A baseline whose candidates are cut to those sharing most words with one wording."""

    def __init__(self, baseline: Baseline, words: Sequence[str], limit: int) -> None:
        super().__init__(baseline)
        self.limit = limit
        self.hits: Counter[int] = Counter()
        rare = [w for w in set(words) if not baseline.is_common(w)] or sorted(set(words))
        for w in sorted(rare):
            self.hits.update(baseline.postings(w))

    def candidates(self, words: Iterable[str]) -> list[int]:
        found = self.baseline.candidates(words)
        found.sort(key=lambda n: (-self.hits[n], -n))
        return sorted(found[: self.limit])


def closest_wording(
    point: Point,
    words: Sequence[str],
    baseline: Baseline,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    tokeniser: Tokeniser | None = None,
    limit: int = CLOSEST_CANDIDATES,
) -> tuple[Reference, float] | None:
    """The baseline wording of ``point`` closest to ``words``, with its similarity.

    Closest as a diff reads it (:func:`~consistency.timeline.closeness`): the most
    words kept, then the fewest changes; on a tie a wording of the point's own (its
    text or an alias: a one-off as near is no better reference, "{-undermining-}{+preserve+}
    peace and stability ..." beside "{-uphold-}{+preserve+}", a review), the one said on
    more of the point's last :data:`RECENT_DATES` dates (the line it holds now: review
    160's "will {-certainly-}{+eventually+} be achieved" against the wording that took
    over, not `{+eventually+}` against the older text), its text before an alias (review
    161: "is {+not+} well known", not "is {-very-}{+not+} well known" against an alias said
    a third as often; "will {-always-} remain an integral and inalienable part", not
    "{~integral and~}" against the alias that reorders them and lacks "always" too), then
    the nearest
    in length ("Free Trade Area {-3.0-}{+4.0+}", not "Free Trade Area {+4.0+}"), the more
    used, the higher :func:`word_similarity`; shown where it was said last. Only the
    ``limit`` baseline sentences sharing most rare words with ``words`` are searched.
    """
    forms = make_forms(point, tokeniser=tokeniser)
    own = {form.words for form in forms}
    canonical = forms[0].words
    narrowed = _Narrowed(baseline, words, limit)
    said: dict[tuple[str, ...], tuple[int, tuple[dt.date, str, int], Match]] = {}
    dates: dict[tuple[str, ...], set[dt.date]] = {}
    for match in find_point(point, narrowed, threshold=threshold, tokeniser=tokeniser):
        found = span_words(match)
        doc = match.sentence.document
        where = (baseline.date_of(doc), doc, -match.start)
        count, last, latest = said.get(found, (0, where, match))
        if where >= last:
            last, latest = where, match
        said[found] = (count + 1, last, latest)
        dates.setdefault(found, set()).add(where[0])
    if not said:
        return None
    # the line the point holds now: its wordings said on its last dates
    recent = set(sorted(set().union(*dates.values()))[-RECENT_DATES:])

    prefixes = named_words(tokeniser, "negating_prefixes")
    endings = named_words(tokeniser, "possessive_endings")

    def rank(
        found: tuple[str, ...],
    ) -> tuple[bool, int, int, int, bool, int, bool, int, int, float, tuple[object, ...]]:
        near = closeness(words, found)
        count, where, _ = said[found]
        return (
            # the wording spelled alike first: "Hong {-Kong-}{+Kong's+} affairs are ...",
            # not the one-off "Hong Kong's affairs {-because they-} are {-entirely-} ..."
            # that keeps more words as written (review 119: an error, not a spelling)
            grammar_only(words, found, _no_grammar, prefixes, endings=endings),
            -near.lost,
            -near.changes,
            -near.grammar_lost,
            found in own,
            len(dates[found] & recent) if found in own else 0,
            found == canonical,
            -near.apart,
            count,
            word_similarity(words, found),
            where,
        )

    best = max(said, key=rank)
    _, (date, doc, _), match = said[best]
    text = baseline.text(doc)
    line, column = _line_col(text, match.start)
    ref = Reference(
        text[match.start : match.end],
        doc,
        date,
        baseline.path_of(doc),
        line,
        column,
        dates_said(baseline, best),
    )
    return ref, word_similarity(words, best)


RECENT_DATES = 10
"""The point's last dates whose wordings are the line it holds now (see
:func:`closest_wording`)."""


def dates_said(baseline: Baseline, words: Sequence[str]) -> int:
    """How many of the baseline's dates say ``words`` (normalised) word for word."""
    return dates_of(baseline, baseline.documents_of(phrase_sentences(baseline, words)))


def dates_of(baseline: Baseline, owners: Mapping[int, str]) -> int:
    """How many dates the documents of some sentences (``owners``: sentence -> document,
    as :meth:`Baseline.documents_of` gives them) fall on."""
    return len({baseline.date_of(doc) for doc in owners.values()})


def _no_grammar(word: str) -> bool:
    """No word is a grammar word: words spelled alike are, one for one (see
    :func:`~consistency.timeline.grammar_only`)."""
    return False


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
