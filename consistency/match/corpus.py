"""The sentences the matcher searches, and how candidates are picked among them.

**Candidates.** A sentence can only match a wording at a threshold ``T`` if the
weights of the wording's words it holds (the same word or one spelled alike)
add up to ``T`` percent of the wording's weight: no alignment earns more. So
the candidates are exactly those sentences, found from an inverted index of
word -> sentence numbers (numpy arrays): the postings of the wording's rarest
words first, until the words left could not reach ``T`` on their own, then the
other words only to total the bound. The cost grows with the sentences that
share the wording's rare words, not with the size of the archive; and whether a
sentence is a candidate depends on that sentence alone.

The bound is then taken again per window: the words must stand within the
longest window the aligner looks at (:func:`~consistency.match.align.longest_window`),
with at least :data:`~consistency.match.align.MIN_MATCHED` of them, computed
for all candidates at once from the places of each word (numpy).

**Memory.** Sentences are kept packed (:class:`PackedSentences`: their words, and
their token spans in one array), a few machine words per token; a sentence's
:class:`~consistency.models.Token` objects are built when it is scored.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, Protocol, overload

import numpy as np
import numpy.typing as npt

from ..lexicon import CUT_SHORT, is_han
from ..models import Role, Sentence
from ..normalise import make_tokens
from .align import MIN_MATCHED, MOVE_CREDIT, REPLACE_CREDIT, longest_window
from .weights import AFFIX, is_rare, similarity

IntArray = npt.NDArray[np.signedinteger[Any]]
BoolArray = npt.NDArray[np.bool_]


def distinct(values: IntArray) -> IntArray:
    """The sorted distinct values of ``values``.

    ``np.unique`` hashes before it sorts (numpy 2.3 and later), which costs
    tens of times what a sort does on the arrays built here.
    """
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


class Corpus(Protocol):
    """What the matcher needs from the sentences it searches.

    :class:`SentenceIndex` keeps them in memory; ``consistency.index`` serves
    them from SQLite.
    """

    def candidates(self, words: Iterable[str]) -> list[int]:
        """Numbers of the sentences worth scoring for a wording with these words
        (a superset of :func:`candidates_by_weight`'s answer is fine)."""
        ...

    def sentence(self, n: int) -> Sentence:
        """Sentence number ``n``."""
        ...

    def text(self, document: str) -> str:
        """The full text of a document (sentence offsets refer to it)."""
        ...


class LazySentences(Sequence[Sentence]):
    """Sentences kept compact and rebuilt, with their tokens, when asked for.

    A subclass says how many there are and how to rebuild one (:meth:`unpack`);
    the last :data:`KEPT` rebuilt are kept (the matcher asks for a candidate
    sentence once per wording). Iterating rebuilds each in turn and keeps none.
    """

    KEPT = 1 << 16
    """How many rebuilt sentences are kept for reuse."""

    def __init__(self) -> None:
        self._kept: dict[int, Sentence] = {}

    def __len__(self) -> int:
        raise NotImplementedError

    def unpack(self, n: int) -> Sentence:
        """Sentence number ``n``, rebuilt."""
        raise NotImplementedError

    def document(self, n: int) -> str:
        """The document of sentence number ``n`` (without rebuilding it)."""
        raise NotImplementedError

    @overload
    def __getitem__(self, n: int) -> Sentence: ...

    @overload
    def __getitem__(self, n: slice) -> Sequence[Sentence]: ...

    def __getitem__(self, n: int | slice) -> Sentence | Sequence[Sentence]:
        if isinstance(n, slice):
            return [self.unpack(k) for k in range(*n.indices(len(self)))]
        if n < 0:
            n += len(self)
        kept = self._kept.get(n)
        if kept is None:
            if len(self._kept) >= self.KEPT:
                self._kept.clear()
            kept = self._kept[n] = self.unpack(n)
        return kept

    def __iter__(self) -> Iterator[Sentence]:
        return (self.unpack(k) for k in range(len(self)))


class PackedSentences(LazySentences):
    """Sentences as arrays: each one's place and speaker, its words, and every token's span.

    An archive of millions of tokens then holds a word reference and two
    integers per token, not a token object.
    """

    def __init__(self) -> None:
        super().__init__()
        self._heads: list[tuple[str, int, int, int, str | None, Role]] = []
        self.words: list[tuple[str, ...]] = []
        self._spans = array("i")
        self._first = array("q", [0])

    def append(self, sentence: Sentence) -> None:
        """Pack ``sentence`` (its tokens are not kept)."""
        s = sentence
        self.add(
            s.document,
            s.start,
            s.end,
            s.line,
            s.speaker,
            s.role,
            [t.text for t in s.tokens],
            [n for t in s.tokens for n in (t.start, t.end)],
        )

    def add(
        self,
        document: str,
        start: int,
        end: int,
        line: int,
        speaker: str | None,
        role: Role,
        words: Sequence[str],
        spans: Iterable[int],
    ) -> None:
        """Pack a sentence given as columns: its token texts and their flat spans
        ``[start0, end0, start1, ...]`` (what :func:`~consistency.segment.sentence_rows` gives)."""
        self._heads.append((document, start, end, line, speaker, role))
        self.words.append(tuple(words))
        self._spans.extend(spans)
        self._first.append(len(self._spans) // 2)

    def __len__(self) -> int:
        return len(self._heads)

    def document(self, n: int) -> str:
        """The document of sentence number ``n``."""
        return self._heads[n][0]

    def unpack(self, n: int) -> Sentence:
        """Sentence number ``n``, rebuilt from its arrays."""
        document, start, end, line, speaker, role = self._heads[n]
        a, b = 2 * self._first[n], 2 * self._first[n + 1]
        tokens = tuple(make_tokens(self.words[n], self._spans[a:b]))
        return Sentence(document, start, end, line, speaker, role, tokens)


class _Numbering(dict[str, int]):
    """Word -> number, numbering each new word as it comes (one C-level lookup per word)."""

    def __missing__(self, word: str) -> int:
        n = self[word] = len(self)
        return n


class SentenceIndex:
    """Sentences in memory with an inverted index from word to sentence numbers.

    Built once per run; every point's candidates come from it.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        texts: dict[str, str],
        token_texts: Sequence[Sequence[str]] | None = None,
    ) -> None:
        """``texts`` maps a document id to its text (for edge punctuation checks).

        ``token_texts``, when given, are each sentence's token texts: the index is
        built from them without touching ``sentences``, which may then be a
        lazy sequence (a warm run unpacks only the sentences it scores).
        """
        self.sentences = sentences
        self.texts = texts
        if token_texts is None and isinstance(sentences, PackedSentences):
            token_texts = sentences.words
        if token_texts is None:
            token_texts = [tuple(t.text for t in s.tokens) for s in sentences]
        self._words: list[Sequence[str]] = [
            w if isinstance(w, tuple) else tuple(w) for w in token_texts
        ]
        vocab = _Numbering()
        ids = array("i", map(vocab.__getitem__, chain.from_iterable(self._words)))
        lengths = array("q", map(len, self._words))
        self.vocab: dict[str, int] = dict(vocab)
        count = max(1, len(lengths))
        self._ids = np.asarray(ids, dtype=np.int32)
        self._first = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._first[1:])
        self._sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        self._positions = np.argsort(self._ids, kind="stable").astype(np.int32)
        self._position_bounds = np.searchsorted(
            self._ids[self._positions], np.arange(len(vocab) + 1)
        )
        pairs = distinct(self._ids.astype(np.int64) * count + self._sentence_of)
        self._postings = (pairs % count).astype(np.int32)
        self._bounds = np.searchsorted(pairs // count, np.arange(len(vocab) + 1))
        self._affixes: dict[str, list[str]] | None = None
        self._alike: dict[str, tuple[str, ...]] = {}
        self._documents: tuple[dict[str, int], IntArray] | None = None

    def sentence(self, n: int) -> Sentence:
        """Sentence number ``n``."""
        return self.sentences[n]

    def within(self, documents: Collection[str]) -> BoolArray:
        """Which sentences (by number) belong to ``documents``."""
        if self._documents is None:
            sentences = self.sentences
            if isinstance(sentences, LazySentences):
                of: Callable[[int], str] = sentences.document
            else:

                def of(n: int) -> str:
                    return sentences[n].document

            numbers: dict[str, int] = {}
            per = [numbers.setdefault(of(n), len(numbers)) for n in range(len(sentences))]
            self._documents = (numbers, np.asarray(per, dtype=np.int32))
        numbers, column = self._documents
        wanted = [numbers[d] for d in documents if d in numbers]
        return np.isin(column, np.asarray(wanted, dtype=np.int32))

    def words(self, n: int) -> Sequence[str]:
        """The token texts of sentence number ``n``."""
        return self._words[n]

    def text(self, document: str) -> str:
        """The text of ``document``."""
        return self.texts[document]

    def postings(self, word: str) -> IntArray:
        """Sorted numbers of the sentences that contain ``word``."""
        i = self.vocab.get(word)
        if i is None:
            return np.empty(0, dtype=np.int64)
        return self._postings[self._bounds[i] : self._bounds[i + 1]]

    def positions(self, word: str) -> IntArray:
        """Sorted places (in the index's run of all tokens) where ``word`` stands."""
        i = self.vocab.get(word)
        if i is None:
            return np.empty(0, dtype=np.int64)
        return self._positions[self._position_bounds[i] : self._position_bounds[i + 1]]

    def word_places(self, words: Sequence[str], sentences: IntArray) -> tuple[IntArray, IntArray]:
        """Every token of ``sentences`` that is one of ``words``: its sentence's row in
        ``sentences``, and which of ``words`` it is (two arrays, in token order)."""
        which = np.full(len(self.vocab), -1, dtype=np.int32)
        for k, word in enumerate(words):
            i = self.vocab.get(word)
            if i is not None:
                which[i] = k
        starts = self._first[sentences]
        lengths = self._first[sentences + 1] - starts
        ends = np.cumsum(lengths)
        at = np.arange(ends[-1] if len(ends) else 0) + np.repeat(starts - (ends - lengths), lengths)
        found = which[self._ids[at]]
        rows = np.repeat(np.arange(len(sentences)), lengths)
        hit = found >= 0
        return rows[hit], found[hit]

    def best_window_credit(
        self,
        keys: Sequence[tuple[Sequence[str], float, int]],
        sentences: IntArray,
        width: int,
        least: int,
    ) -> npt.NDArray[np.float64]:
        """For each of ``sentences`` (sorted), the most weight ``width`` tokens of it hold.

        ``keys`` are a wording's distinct words, each as its spellings (the word
        and the words spelled like it), its weight in the wording and how many
        times the wording has it. A window holding any spelling of a key earns
        the key's weight; a window holding fewer than ``least`` of the wording's
        words earns nothing (the matcher takes no such span).
        """
        places = []
        for spellings, _, _ in keys:
            found = [self.positions(w) for w in spellings]
            at = np.sort(np.concatenate(found)) if len(found) > 1 else found[0]
            places.append(at[np.isin(self._sentence_of[at], sentences)])
        starts = distinct(np.concatenate(places)) if places else np.empty(0, dtype=np.int64)
        best = np.zeros(len(sentences))
        if not len(starts):
            return best
        owner = self._sentence_of[starts]
        stop = np.minimum(starts + width, self._first[owner + 1])
        credit = np.zeros(len(starts))
        count = np.zeros(len(starts), dtype=np.int64)
        for (_, weight, times), at in zip(keys, places, strict=True):
            if len(at):
                after = np.append(at, np.iinfo(np.int64).max)[np.searchsorted(at, starts)]
                held = after < stop
                credit += weight * held
                count += times * held
        credit[count < least] = 0.0
        groups = np.flatnonzero(np.diff(owner, prepend=-1))
        best[np.searchsorted(sentences, owner[groups])] = np.maximum.reduceat(credit, groups)
        return best

    def frequency(self, word: str) -> int:
        """How many sentences contain ``word``."""
        i = self.vocab.get(word)
        return 0 if i is None else int(self._bounds[i + 1] - self._bounds[i])

    def spelled_alike(self, word: str) -> list[str]:
        """Words of the archive spelled like ``word`` (itself excluded); each word's are
        found once (candidates and keys both ask)."""
        short = len(word) >= CUT_SHORT and is_han(word)
        if len(word) < 4 and not short:
            return []
        kept = self._alike.get(word)
        if kept is not None:
            return list(kept)
        if self._affixes is None:
            self._affixes = {}
            for w in self.vocab:
                if len(w) >= 4:
                    self._affixes.setdefault(w[:AFFIX] + "-", []).append(w)
                    self._affixes.setdefault("-" + w[-AFFIX:], []).append(w)
                if len(w) >= CUT_SHORT and is_han(w):
                    self._affixes.setdefault(w[:CUT_SHORT] + "+", []).append(w)
        near = {
            *self._affixes.get(word[:AFFIX] + "-", ()),
            *self._affixes.get("-" + word[-AFFIX:], ()),
            *(self._affixes.get(word[:CUT_SHORT] + "+", ()) if short else ()),
        }
        found = self._alike[word] = tuple(
            sorted(w for w in near if w != word and similarity(word, w))
        )
        return list(found)

    def is_common(self, word: str) -> bool:
        """True for function words (see :func:`~consistency.match.weights.is_rare`)."""
        return not is_rare(word)

    def candidates(self, words: Iterable[str]) -> list[int]:
        """Every sentence holding at least one of ``words`` (see :func:`candidates_by_weight`)."""
        found = [self.postings(w) for w in set(words)]
        return [int(n) for n in distinct(np.concatenate(found))] if found else []


def word_gains(
    words: Sequence[str],
    weigh: Callable[[str], float],
    alike: Callable[[str], Sequence[str]],
) -> tuple[dict[str, float], float]:
    """What each of a wording's words adds to the most a sentence could score when it
    holds the word, and what the wording earns at most with none of them, in weight.

    A word present earns at most its weight (moved, a word spelled like it earns by
    its own weight: :data:`~consistency.match.align.MOVE_CREDIT` of it); a missing
    one at most :data:`~consistency.match.align.REPLACE_CREDIT` of it, when a word
    stands in its place. (``find`` bounds each stretch more tightly: in a short
    point only another of its words may stand for a missing content word, which a
    sentence-wide count cannot tell.)
    """
    gains: dict[str, float] = {}
    base = 0.0
    for word in words:
        w = weigh(word)
        top = max([w, *(MOVE_CREDIT * similarity(v, word) * weigh(v) for v in alike(word))])
        kept = REPLACE_CREDIT * w
        base += kept
        gains[word] = gains.get(word, 0.0) + top - kept
    return gains, base


def candidates_by_weight(
    index: SentenceIndex,
    words: Sequence[str],
    weigh: Callable[[str], float],
    limit: float,
    *,
    within: BoolArray | None = None,
) -> list[int]:
    """The sentences whose words could reach ``limit`` percent of the wording's weight
    (of those ``within`` marks, when given: see :meth:`SentenceIndex.within`)."""
    total = sum(weigh(w) for w in words)
    alike = {w: index.spelled_alike(w) for w in dict.fromkeys(words)}
    per_word, base = word_gains(words, weigh, alike.__getitem__)
    need = limit / 100.0 * total - base - 1e-9
    ranked = sorted(per_word.items(), key=lambda kv: (-kv[1], kv[0]))
    postings: list[IntArray] = []
    for w, _ in ranked:
        variants = [w, *alike[w]]
        arrays = [index.postings(v) for v in variants]
        postings.append(distinct(np.concatenate(arrays)) if len(arrays) > 1 else arrays[0])
    rest = sum(weight for _, weight in ranked)
    pick: list[IntArray] = []
    for (_, weight), found in zip(ranked, postings, strict=True):
        if rest < need:
            break
        pick.append(found)
        rest -= weight
    if not pick:
        return []
    candidates = distinct(np.concatenate(pick))
    if within is not None:
        candidates = candidates[within[candidates]]
    credit = np.zeros(len(candidates))
    for (_, weight), found in zip(ranked, postings, strict=True):
        credit += weight * np.isin(candidates, found, assume_unique=True)
    candidates = candidates[credit >= need]
    keys = [([w, *alike[w]], weight, words.count(w)) for w, weight in ranked]
    least = min(MIN_MATCHED, len(words))
    near = index.best_window_credit(keys, candidates, longest_window(len(words)), least)
    return [int(n) for n in candidates[near >= need]]


CANDIDATE_SHARE = 0.4
"""For stores that cannot total weights (the SQLite index), a candidate sentence
holds at least this share of a wording's rare words."""

KEY_RULE = "lexicon-1"
"""Names the candidate rule; an index built under another rule is rebuilt."""


def candidate_keys(words: Iterable[str], is_common: Callable[[str], bool]) -> tuple[list[str], int]:
    """The words that pick candidate sentences for a wording, and how many a sentence needs.

    The rare words (all of them when none is rare); a sentence needs
    :data:`CANDIDATE_SHARE` of them (at least one).
    """
    distinct = sorted(set(words))
    rare = [w for w in distinct if not is_common(w)] or distinct
    return rare, max(1, math.ceil(CANDIDATE_SHARE * len(rare)))
