"""Finding a point's wordings in the sentences of an archive."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import LCSseq, Levenshtein

from ..errors import OptionError
from ..lexicon import is_preposition, word_classes
from ..models import Point, Sentence, Token
from ..normalise import (
    DEFAULT_TOKENISER,
    NO_GRAMMAR,
    Grammar,
    Tokeniser,
    grammar_of,
    named_words,
    one_word,
    tokenise,
)
from .align import (
    FIRST_KEY,
    INSERT_COST,
    KEY_WORDS,
    MIN_MATCHED,
    MOVE_CREDIT,
    REPLACE_CREDIT,
    Alignment,
    Keyed,
    Names,
    WordingKeys,
    drop_dangling,
    drop_inserted,
    extend_edges,
    hyphened,
    is_party,
    longest_window,
    negation_edge,
    owner_keys,
    settle_on_clause,
    snap_compounds,
    variant_keys,
    wording_keys,
)
from .corpus import BoolArray, Corpus, IntArray, SentenceIndex, candidates_by_weight
from .weights import RARE, is_rare, similarity, weight

FloatArray = npt.NDArray[np.floating[Any]]

DEFAULT_THRESHOLD = 75.0
"""Default minimum score for an occurrence (see :mod:`consistency.match.align`)."""


_CLAUSE_BREAK = re.compile(r"[,;:\u3001\uff0c\uff1b\uff1a]")
"""Commas, semicolons and colons (and their Chinese forms). A formula written without
them is not found across one: in "enhance mutual understanding, trust and cooperation"
"trust" is the next item of a list, not "mutual trust" with a word inserted; a formula
that is a list ("amity, sincerity, mutual benefit and inclusiveness") may be found with
its commas moved or added. Found word for word, a formula is found whatever the
punctuation between its words: every verbatim occurrence is an occurrence."""


@dataclass(frozen=True)
class Form:
    """One accepted wording of a point (the canonical text or an alias), tokenised
    (``words``: the token texts, kept since every candidate sentence reads them;
    ``vocabulary``: the same as a set, which each hit on a candidate sentence asks;
    ``listed``: whether it holds a comma, semicolon or colon, see :data:`_CLAUSE_BREAK`;
    ``names``: its names, see :class:`~consistency.match.align.Names`; ``halted``: the
    words that any wording of its point says right after a prohibition, "stop
    *interfering*", where a negation before them stands for the prohibition, see
    :func:`make_forms`; ``plain``: the tokeniser's determiners, never names, however
    written (see :class:`~consistency.match.align.Names`); ``items``: the word ranges set
    off by a comma on both sides, the inner items of a list (see :func:`swaps`); ``breaks``:
    the places of its commas, semicolons and colons (before which word); ``list_tail``:
    the words of its last item where :data:`LIST_MARK` sets it off, else 0 (see
    :func:`_with_added_items`); ``terms``: the word ranges it sets off in quotation marks,
    see :func:`quoted_terms`; ``least``: how
    many of its words a span must have, :data:`~consistency.match.align.MIN_MATCHED`, or
    all of them in a wording of that many written words or fewer: "cannot be more" is
    four tokens, can | not be more, and "they cannot be waken up" no occurrence of it,
    a review)."""

    text: str
    tokens: tuple[Token, ...]
    words: tuple[str, ...] = field(init=False)
    vocabulary: frozenset[str] = field(init=False, compare=False, repr=False)
    listed: bool = field(init=False)
    names: Names = field(init=False, compare=False, repr=False)
    least: int = field(init=False, compare=False, repr=False)
    halted: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    plain: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    items: tuple[tuple[int, int], ...] = field(init=False, compare=False, repr=False)
    breaks: tuple[int, ...] = field(init=False, compare=False, repr=False)
    list_tail: int = field(init=False, compare=False, repr=False)
    terms: tuple[tuple[int, int], ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(t.text for t in self.tokens))
        object.__setattr__(self, "vocabulary", frozenset(self.words))
        object.__setattr__(self, "listed", bool(_CLAUSE_BREAK.search(self.text)))
        tokens, text = self.tokens, self.text
        gaps = [text[tokens[k - 1].end : tokens[k].start] for k in range(1, len(tokens))]
        breaks = tuple(k for k, gap in enumerate(gaps, 1) if _CLAUSE_BREAK.search(gap))
        marks = [k for k, gap in enumerate(gaps, 1) if gap.strip(_GAP_QUOTES) == LIST_MARK]
        object.__setattr__(self, "breaks", breaks)
        object.__setattr__(self, "items", tuple(pairwise(breaks)))
        object.__setattr__(self, "list_tail", len(tokens) - marks[-1] if marks else 0)
        object.__setattr__(self, "terms", quoted_terms(self.tokens, self.text))
        names = Names(self.tokens, self.text, sentence=False, plain=self.plain)
        object.__setattr__(self, "names", names)
        written = len(self.tokens) - sum(
            one_word(self.text, a, b) for a, b in pairwise(self.tokens)
        )
        least = len(self.tokens) if written <= MIN_MATCHED else MIN_MATCHED
        object.__setattr__(self, "least", least)


QUOTED_TERM_WORDS = 4
"""The most words a quoted part of a wording may have to be a term of its own."""

_QUOTES = (('"', '"'), ("\u201c", "\u201d"), ("\u300c", "\u300d"), ("\u300a", "\u300b"))
"""Double quotation marks and title marks (straight, curly, Chinese) a span may open or
close; single ones are left alone (an apostrophe reads the same)."""

_TERM_QUOTES = (*_QUOTES, ("\u00ab", "\u00bb"), ("\u300e", "\u300f"))
"""The marks that set off a term (see :func:`quoted_terms`): :data:`_QUOTES`, guillemets
and white corner quotes."""

_GAP_QUOTES = "".join(a + b for a, b in _TERM_QUOTES) + "'\u2018\u2019 "
"""Quotation marks (and spaces) around a list's items, which the marks between them
ignore (see :func:`_with_added_items`)."""

LIST_MARK = "\u3001"
"""The enumeration comma 、, which parts a list's items and nothing else (a comma parts
clauses as often: "当前，在中国和东盟国家的共同努力下{+，南海局势正趋于平稳+}" is no list
grown)."""


def quoted_terms(tokens: Sequence[Token], text: str) -> tuple[tuple[int, int], ...]:
    """The word ranges a wording sets off in quotation marks as terms: at most
    :data:`QUOTED_TERM_WORDS` words, not the whole wording. The writer marks the thing
    the formula is about (扎实推进“双减”, the principle of "one country, two systems"):
    the formula said of another term, or without its term, is another phrase, no near
    miss of it (see :func:`covers_term`).

    >>> from consistency.normalise import tokenise
    >>> text = "扎实推进“双减”工作"
    >>> quoted_terms(tokenise(text), text)
    ((2, 4),)
    """
    found: list[tuple[int, int]] = []
    for left, right in _TERM_QUOTES:
        start = text.find(left)
        while start >= 0:
            end = text.find(right, start + 1)
            if end < 0:
                break
            inside = [k for k, t in enumerate(tokens) if start < t.start and t.end <= end]
            if 0 < len(inside) <= QUOTED_TERM_WORDS and len(inside) < len(tokens):
                found.append((inside[0], inside[-1] + 1))
            start = text.find(left, end + 1)
    return tuple(sorted(found))


def covers_term(form: Form, a: int, b: int) -> bool:
    """Whether the wording's words ``a`` to ``b`` hold the whole of one of its quoted terms:
    replaced or dropped, the formula is said of something else (扎实推进{-双减-}{+各项+}工作,
    stock officialese: review 143); a word of the term changed is a drift of it
    (“双轨{-并行-}{+并进+}”)."""
    return any(a <= first and end <= b for first, end in form.terms)


@dataclass(frozen=True)
class Match:
    """A point found in a sentence.

    sentence: the sentence (offsets are document offsets).
    first, last: token indexes in ``sentence.tokens`` (inclusive) of the span.
    start, end: the span in the document text.
    score: 0-100 against ``form``.
    form: the best-scoring wording of the point.
    moved: document spans of runs of the point's words found out of order.
    """

    sentence: Sentence
    first: int
    last: int
    start: int
    end: int
    score: float
    form: Form
    moved: tuple[tuple[int, int], ...] = ()


def make_forms(point: Point, *, tokeniser: Tokeniser | None = None) -> list[Form]:
    """The canonical wording and each alias, tokenised, without duplicates.

    Each knows the words its point says right after a prohibition (the tokeniser's
    ``prohibitions``), in any of its wordings: "not interfering in ..." says "stop
    interfering in ...", and 不要发表不负责任的言论 the alias 发表不负责任的言论 of
    停止发表不负责任的言论, in other words, not the opposite (review 79)."""
    said: list[tuple[str, tuple[Token, ...]]] = []
    seen: set[tuple[str, ...]] = set()
    for text in (point.text, *point.aliases):
        tokens = tuple(tokenise(text, tokeniser=tokeniser))
        words = tuple(t.text for t in tokens)
        if tokens and words not in seen:
            seen.add(words)
            said.append((text, tokens))
    prohibitions = named_words(tokeniser, "prohibitions")
    halted = frozenset(w for words in seen for v, w in pairwise(words) if v in prohibitions)
    plain = named_words(tokeniser, "determiners")
    return [Form(text, tokens, halted, plain) for text, tokens in said]


SWAP_PART_MIN = 3
"""Words each half of a wording needs before the halves said the other way round are the
wording (see :func:`swapped_forms`)."""


@dataclass(frozen=True)
class Swapped:
    """A wording of two halves, said the other way round (see :func:`swapped_forms`).

    form: the halves swapped, as a wording of its own to search for.
    source: the wording.
    credit: what a span found for ``form`` keeps of its score: the lighter half earns
    :data:`~consistency.match.align.MOVE_CREDIT` of its weight, as a moved run does.
    head: how many words the half that now comes first has (0: nothing is marked moved,
    see :func:`owner_forms`).
    """

    form: Form
    source: Form
    credit: float
    head: int


def swapped_forms(
    forms: Sequence[Form], weigh: Callable[[str], float], tokeniser: Tokeniser | None = None
) -> list[Swapped]:
    """Each wording made of two halves of :data:`SWAP_PART_MIN` words or more, parted by
    its one comma (or semicolon, colon) or its one coordinator, with the halves swapped:
    "disagree where we must, cooperate where we can" says "cooperate where we can,
    disagree where we must" (a review: not found at any threshold, where the aligner's
    in-order words were "where we ... where we", every other word left over). A
    wording with more parts is a list, whose items the aligner moves as runs."""
    coordinators = named_words(tokeniser, "coordinators")
    known = {f.words for f in forms}
    out: list[Swapped] = []
    for form, k in _halves(forms, coordinators):
        tokens, text = form.tokens, form.text
        joined = tokens[k].text in coordinators
        head, tail = tokens[:k], tokens[k + joined :]
        turned = (
            text[tail[0].start : tail[-1].end]
            + text[head[-1].end : tail[0].start]
            + text[head[0].start : head[-1].end]
        )
        swapped = Form(
            turned, tuple(tokenise(turned, tokeniser=tokeniser)), form.halted, form.plain
        )
        if swapped.words in known:
            continue
        weights = [weigh(w) for w in form.words]
        lighter = min(sum(weights[:k]), sum(weights[k + joined :]))
        credit = 1.0 - (1.0 - MOVE_CREDIT) * lighter / sum(weights)
        out.append(Swapped(swapped, form, credit, len(tail)))
    return out


OWNED_WORDS = 2
"""The most words of what a name owns in a wording turned round by :func:`owner_forms`."""


def owner_forms(
    forms: Sequence[Form], weigh: Callable[[str], float], tokeniser: Tokeniser | None = None
) -> list[Swapped]:
    """Each wording with a name's possessive turned round, and the other way, as the
    tokeniser's ``owner_turns`` say it: "not only for *Japan's security* but also ..."
    says "not only for *the security of Japan* but also ..." (review 162: 11 dates of a
    formula said that way found at no threshold). The name (written with a capital, one
    word) owns one or :data:`OWNED_WORDS` content words, the wording's end or a function
    word after them; turned round, the name earns what a moved word does
    (:data:`~consistency.match.align.MOVE_CREDIT`). Nothing is marked moved: the diff
    shows the words as said."""
    endings = tuple(grammar_of(tokeniser).possessive_endings)
    turns = [_turn_words(t, tokeniser) for t in sorted(named_words(tokeniser, "owner_turns"))]
    known = {f.words for f in forms}
    out: list[Swapped] = []
    for form in forms:
        total = sum(weigh(w) for w in form.words) or 1.0
        for before, between, template in turns:
            for turned, name in _owners_turned(form, endings, before, between, template):
                said = Form(
                    turned, tuple(tokenise(turned, tokeniser=tokeniser)), form.halted, form.plain
                )
                if said.words in known:
                    continue
                known.add(said.words)
                credit = 1.0 - (1.0 - MOVE_CREDIT) * weigh(name) / total
                out.append(Swapped(said, form, credit, 0))
    return out


def _turn_words(
    template: str, tokeniser: Tokeniser | None
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """A template of ``owner_turns`` ("the {} of {}") as the words before the thing owned,
    the words between it and the owner (tokens), and the template."""
    head, middle, _ = (template + " ").split("{}", 2)
    words = [tuple(t.text for t in tokenise(part, tokeniser=tokeniser)) for part in (head, middle)]
    return words[0], words[1], template


def _owners_turned(
    form: Form,
    endings: Sequence[str],
    before: Sequence[str],
    between: Sequence[str],
    template: str,
) -> Iterator[tuple[str, str]]:
    """Each turning of a possessive in a wording (see :func:`owner_forms`): the wording's
    text turned, and the owner's word."""
    tokens, text, plain = form.tokens, form.text, form.plain
    n = len(tokens)
    words = form.words

    def owned(a: int) -> int:
        b = a
        while b < n and b - a < OWNED_WORDS and is_rare(words[b]):
            b += 1
        return b if b > a and (b == n or not is_rare(words[b])) else a

    def name(k: int) -> bool:
        return text[tokens[k].start : tokens[k].start + 1].isupper() and words[k] not in plain

    p, q = len(before), len(between)
    for k, word in enumerate(words):
        ending = next((e for e in endings if word.endswith(e) and len(word) > len(e)), None)
        if (
            ending is not None
            and name(k)
            and not (k and name(k - 1))
            and (b := owned(k + 1)) > k + 1
        ):
            owner = text[tokens[k].start : tokens[k].end - len(ending)]
            thing = text[tokens[k + 1].start : tokens[b - 1].end]
            said = template.format(thing, owner)
            yield (
                f"{text[: tokens[k].start]}{said}{text[tokens[b - 1].end :]}",
                word[: -len(ending)],
            )
        if tuple(words[k : k + p]) != tuple(before) or not p:
            continue
        b = owned(k + p)
        o = b + q
        if (
            b > k + p
            and o < n
            and tuple(words[b:o]) == tuple(between)
            and name(o)
            and is_rare(words[o])
            and (o + 1 == n or not is_rare(words[o + 1]))
            and endings
        ):
            thing = text[tokens[k + p].start : tokens[b - 1].end]
            owner = text[tokens[o].start : tokens[o].end]
            ending = sorted(endings)[0]
            said = f"{owner}{ending} {thing}"
            yield f"{text[: tokens[k].start]}{said}{text[tokens[o].end :]}", words[o]


def _halves(forms: Sequence[Form], coordinators: Collection[str]) -> Iterator[tuple[Form, int]]:
    """Each wording with a place it may be cut in two halves of :data:`SWAP_PART_MIN` words
    or more (see :func:`swapped_forms`): its one comma or coordinator; or, in a wording of
    more, each comma between two clauses, neither a short item of a list: "we would
    prefer to achieve our goals by political and diplomatic means, but as long as this
    is not possible, the special military operation continues" said from "as long as"
    on first (review 142: the gate passed it, the two commas and the "and" a list's)."""
    for form in forms:
        tokens, breaks = form.tokens, list(form.breaks)
        joins = [k for k in range(1, len(tokens)) if tokens[k].text in coordinators]
        cuts = sorted({*breaks, *joins})
        if len(cuts) > 1:
            ends = [0, *breaks, len(tokens)]
            if any(b - a < SWAP_PART_MIN for a, b in pairwise(ends)):
                continue
            cuts = breaks
        for k in cuts:
            joined = tokens[k].text in coordinators
            if k >= SWAP_PART_MIN and len(tokens) - k - joined >= SWAP_PART_MIN:
                yield form, k


WEIGHTS_KEPT = 1 << 18
"""How many words' weights a :class:`_Weights` keeps before it starts again."""


class _Weights(dict[str, float]):
    """Word -> weight under one set of function words, each word weighed once: the
    matcher weighs words millions of times, and a dict lookup is the cheapest call."""

    def __init__(self, function_words: frozenset[str]) -> None:
        super().__init__()
        self.function_words = function_words

    def __missing__(self, word: str) -> float:
        if len(self) >= WEIGHTS_KEPT:
            self.clear()
        found = self[word] = weight(word, self.function_words)
        return found


_WEIGHERS: dict[frozenset[str], _Weights] = {}


def weigher(tokeniser: Tokeniser | None = None) -> Callable[[str], float]:
    """``word -> weight`` for the tokeniser's language (see :mod:`.weights`), the same
    function for the same function words."""
    function_words = (tokeniser or DEFAULT_TOKENISER).function_words
    weights = _WEIGHERS.get(function_words)
    if weights is None:
        weights = _WEIGHERS[function_words] = _Weights(function_words)
    return weights.__getitem__


def threshold_of(point: Point, default: float = DEFAULT_THRESHOLD) -> float:
    """The point's own threshold, else the run's default: the one place this is decided."""
    return require_percent(point.threshold if point.threshold is not None else default, "threshold")


def require_percent(value: float, name: str) -> float:
    """``value`` if it is a score from 0 to 100, else :class:`OptionError`.

    NaN compares false with everything: a NaN threshold would let every score
    through the matcher's ``score < threshold`` test, or none, and a CI gate
    would pass with no findings.
    """
    if not (isinstance(value, int | float) and math.isfinite(value) and 0 <= value <= 100):
        raise OptionError(f"{name} must be a number from 0 to 100, not {value!r}")
    return float(value)


LONG_SPAN = 1000
"""A sentence longer than this many tokens (no real one is: an unpunctuated dump, or a
line repeated without a full stop) is searched block by block (see :func:`find_in_sentence`)."""


def find_in_sentence(
    form: Form,
    sentence: Sentence,
    text: str,
    threshold: float,
    cache: dict[str, tuple[str, float]],
    weigh: Callable[[str], float],
    *,
    closed: bool = False,
    words: Sequence[str] | None = None,
    lenient: bool = False,
    grammar: Grammar = NO_GRAMMAR,
    reaches: bool = False,
) -> list[Alignment]:
    """Every non-overlapping span of ``sentence`` matching ``form`` at ``threshold``
    (``lenient``: see :class:`~consistency.match.align.Keyed`, and a span that says the
    opposite, below, is kept too: a near miss; ``reaches``: the whole
    sentence is known to be bounded at ``threshold`` or more, see :func:`_bound`, so it
    is not bounded again).

    ``grammar``: the tokeniser's words by their part (see
    :class:`~consistency.match.align.Keyed`). A span holding a negation the
    wording does not, or lacking one it has beside the very word it negates, says the
    opposite and is not the wording ("*non-*interference in ..." is no "interference in
    ...", nor the other way round; "remains unchanged" may stand for "has not
    changed"); nor is a span that
    is not word for word and stands right after one ("China will *not* interfere in
    other countries' internal affairs" is no "interferes in other countries' internal
    affairs"). A wording found word for word is always found.

    A wording without commas is never found across one but word for word (see
    :data:`_CLAUSE_BREAK`):
    where the best span of a stretch crosses one, each side is searched on its own.
    The wording found word for word is the best span there can be (score 100),
    so it is taken without aligning; a stretch that cannot reach the threshold
    (its words weigh too little, see :func:`_bound`) is not aligned either.
    Both shortcuts give exactly what aligning every stretch gives.

    The best span of a stretch is taken, then the parts on either side are
    searched again. On a sentence of more than :data:`LONG_SPAN` tokens that
    would cost the square of its length (a formula repeated a thousand times
    without a full stop is found a thousand times, each after a search of all
    that follows), so such a sentence is searched in blocks of a few window
    lengths, left to right: a hit near a block's end is left to the next
    block, which starts early enough to see it whole.
    """
    tokens = sentence.tokens
    if words is None:
        words = tuple(t.text for t in tokens)
    negations, coordinators = grammar.negations, grammar.coordinators
    possessives = grammar.possessive_endings
    form_words = form.words
    wording = wording_keys(form_words, weigh)
    perfect = 100.0
    keyed: Keyed | None = None

    def is_function(word: str) -> bool:
        # The kind of a word at an edge is its rarity in ordinary language alone: a
        # grammar's list puts "even" with "on", but "an even closer" replaces "a".
        return not is_rare(word)

    least = form.least
    whole = (0, len(tokens)) if reaches else None

    def search(first: int, last: int) -> list[Alignment]:
        nonlocal keyed
        found: list[Alignment] = []
        spans = [(first, last)]
        while spans:
            lo, hi = spans.pop()
            if hi - lo < least:
                continue
            at = _verbatim(words, form_words, lo, hi, possessives)
            if at is not None:
                hit = Alignment(perfect, at, at + len(form_words))
            else:
                if (
                    closed
                    and (lo, hi) != whole
                    and _bound(words, lo, hi, wording, cache, weigh) < threshold
                ):
                    continue
                if keyed is None:
                    names = (form.names, Names(tokens, text))
                    keyed = Keyed(
                        form.words, weigh, words, cache, closed, names, lenient, grammar, least
                    )
                best = keyed.best(lo, hi)
                if best is None:
                    continue
                best = settle_on_clause(keyed, tokens, text, best, lo, hi)
                if keyed.matched(best) < least:
                    continue
                edged = extend_edges(
                    keyed, form.tokens, form.text, tokens, text, best, is_function, lo, hi
                )
                if edged.score <= 0.0 < best.score:
                    # the edges' verdict stands: what stands at an edge makes the span
                    # another thing ("... security for all *Europeans*"), and no narrower
                    # span of the stretch is the point either
                    continue
                hit = drop_inserted(keyed, drop_dangling(keyed, edged))
                hit = negation_edge(keyed, negations, tokens, text, hit, lo)
                if hit.score < threshold or hit.score <= 0.0:
                    # a span the rules reject is none at any threshold (at 0 it kept the
                    # halves said the other way round from their search: review 84)
                    continue
                if _grown_past(form_words, words, hit, coordinators, form.listed):
                    # another list: the formula may still stand elsewhere in the stretch
                    spans.append((lo, hit.first))
                    spans.append((hit.end, hi))
                    continue
                if form.listed:
                    k = _clause_inserted(tokens, text, words, form.vocabulary, hit)
                else:
                    # within the words aligned: the edges take in no punctuation the
                    # point lacks, but a comma between qualifiers before it ("a
                    # *comprehensive,* just and lasting peace")
                    cut = _clause_break(
                        text,
                        tokens,
                        words,
                        max(hit.first, best.first),
                        min(hit.end, best.end),
                        form_words,
                        coordinators,
                        grammar.determiners,
                    )
                    k = (
                        None
                        if cut is None
                        else next(
                            k
                            for k in range(hit.first + 1, hit.end)
                            if tokens[k].start > cut.start()
                        )
                    )
                if k is not None:
                    # the formula may stand whole on either side of the break
                    spans.append((lo, k))
                    spans.append((k, hi))
                    continue
            hit = snap_compounds(tokens, text, hit, lo, hi)
            how = opposite(hit)
            if how is None or (lenient and how not in _NO_NEAR_MISS):
                # a near miss may say the opposite: the gate reports a negation dropped
                found.append(hit)
            spans.append((lo, hit.first))
            spans.append((hit.end, hi))
        return found

    def opposite(hit: Alignment) -> str | None:
        return _opposite(form, words, tokens, text, hit.first, hit.end, hit.score, grammar)

    n = len(tokens)
    if n <= LONG_SPAN:
        return search(0, n)
    window = longest_window(len(form_words))
    block = max(64, 8 * window)
    found: list[Alignment] = []
    start = 0
    while n - start > block:
        end = start + block
        safe = end - 2 * window  # a hit ending past here may continue beyond the block
        hits = search(start, end)
        kept = [h for h in hits if h.end <= safe]
        found.extend(kept)
        resume = min([safe, *(h.first for h in hits if h.end > safe)])
        start = max(resume, max((h.end for h in kept), default=start), start + 1)
    found.extend(search(start, n))
    return found


PREFIX_DROPPED = "prefix dropped"
"""What :func:`_opposite` says of a span lacking a negating prefix its wording has."""

NEGATED_APART = "negated apart"
"""What :func:`_opposite` says of a span lacking its wording's negation, said just before it."""

_NO_NEAR_MISS = (PREFIX_DROPPED, NEGATED_APART)
"""The ways of saying the opposite that make no near miss: neither the formula nor its
opposite for sure."""


def _opposite(
    form: Form,
    words: Sequence[str],
    tokens: Sequence[Token],
    text: str,
    first: int,
    end: int,
    score: float,
    grammar: Grammar,
) -> str | None:
    """How the span ``words[first:end]`` says the opposite of ``form``, or None: a negation
    of ``grammar`` one of them has and the other not, or one right before the span ("We
    will *not* interfere in ...", 不干涉别国内政 for 干涉别国内政) or a word before it, that
    word a negation carrier (see :func:`_negation_at`: "the UK *no longer* supports ..."),
    or a word of the formula said with a negating prefix in its place: "an
    *unjust* and lasting peace", as "a *non-just* and lasting peace" is. A negation
    joined by a hyphen to a
    word the wording lacks negates that word alone: "China's position on the
    *non-proliferation* issue is consistent and clear" says the formula (a review: a
    false card). The wording's own negating prefix gone ("interference" for
    "non-interference") is :data:`PREFIX_DROPPED`: the opposite, but as often the noun
    in another construction ("we *oppose* interference in other countries' internal
    affairs", "*never* intended to interfere") as the principle turned over."""
    negations, carriers = grammar.negations, grammar.negation_carriers
    prefixes = grammar.negating_prefixes
    if not negations:
        return None
    form_words = form.words
    span = words[first:end]
    said = {
        w
        for k, w in enumerate(span, first)
        if w in negations
        and not (
            k + 1 < len(tokens)
            and words[k + 1] not in form.vocabulary
            and hyphened(text, tokens[k], tokens[k + 1])
        )
        and not (k + 1 < end and words[k + 1] in form.halted)
        # a negation before a verb that denies, which the wording lacks, affirms:
        # 不*排除* ("does not rule out") for 不会 ("will not")
        and not (
            k + 1 < end and words[k + 1] in grammar.denials and words[k + 1] not in form.vocabulary
        )
    }
    negated = any(w in negations for w in form_words)
    if said - form.vocabulary and not negated:
        return "put in"
    if negated and _negation_moved(form, words, first, end, negations):
        return "put in"
    if not negated and _prefix_put_in(form.vocabulary, span, prefixes, words[first - 1 : first]):
        return "put in"
    if negated and not said and _negation_at(tokens, text, first, negations) is not None:
        # the formula's negation said just before the span, a word or two apart: "不要动辄
        # 干涉别国的内政" says 不干涉别国内政 in other words (mfa-zh 2020-05-21, a review:
        # a false card); the span without it is no occurrence, nor a near miss
        return NEGATED_APART
    # the wording's negation gone while the word it negates is there ("interference" for
    # "non-interference"); said otherwise, it may go ("remains unchanged" for "has not
    # changed"); another negation may stand for it ("*never* interfere" for "not
    # interfere", 从不干涉 for 不干涉)
    for j, w in enumerate(form_words[:-1]):
        if w not in negations or said:
            continue
        # the word it negates, past the words that carry it on ("no *longer* provide": a
        # review found "will continue to provide ..." counted as "will no longer provide
        # ...", which lacks "longer" too)
        k = j + 1
        while k < len(form_words) - 1 and form_words[k] in carriers:
            k += 1
        # ... or past a word the span says otherwise (从来不*会*关闭 said 不排除关闭: the
        # verb kept, the negation gone, review 137)
        if form_words[k] not in span and k + 1 < len(form_words) and j + 1 == k:
            k += 1
        if j == 0 or form_words[k] in span:
            # a wording that opens with its negation is not found without it: "*not just*
            # of the United States" is no "of the United States"
            return PREFIX_DROPPED if j + 1 in form.names.glued else "dropped"
    if (
        score < 100.0
        and words[first] not in form.halted
        and _negation_at(tokens, text, first, negations, carriers) is not None
    ):
        return "before"
    return None


def _negation_moved(
    form: Form,
    words: Sequence[str],
    first: int,
    end: int,
    negations: Collection[str],
) -> bool:
    """Whether the span ``words[first:end]`` says the wording's negation before a word of
    another of its clauses, the word the wording negates gone: "中国开放的大门不会越开越大"
    ("... will not open ever wider") is no "中国开放的大门不会关闭，只会越开越大" ("will not
    close, will only open ever wider") with two words dropped, but the line turned over
    (review 150: the gate showed `不会{-关闭，只会-}越开越大`, no word of the opposite). In
    one clause a negation still holds the phrase it stood before: "brook no interference"
    for "brook no foreign interference" (MFA)."""
    wording, breaks = form.words, form.breaks
    span = words[first:end]
    for k in range(first, end - 1):
        if words[k] not in negations:
            continue
        at = [j for j in range(len(wording) - 1) if wording[j] == words[k]]
        negated = {wording[j + 1] for j in at}
        after = words[k + 1]
        if (
            negated
            and after not in negated
            and not any(w in span for w in negated)
            and any(
                wording[i] == after and any(j < b <= i for b in breaks)
                for j in at
                for i in range(j + 1, len(wording))
            )
        ):
            return True
    return False


def _prefix_put_in(
    vocabulary: Collection[str],
    span: Sequence[str],
    prefixes: Collection[str],
    before: Sequence[str] = (),
) -> bool:
    """Whether the span, or the word ``before`` it, says a word of the formula missing
    from the span with a negating prefix glued to it ("unjust" for "just", "insecure" for
    "secure"; "an *unjust* and reasonable order", where the span starts after it)."""
    gone = set(vocabulary).difference(span)
    return bool(gone) and any(
        w[: len(w) - len(v)] in prefixes
        for w in (*before, *span)
        if w not in vocabulary
        for v in gone
        if len(v) >= PREFIXED_BASE and w.endswith(v)
    )


PREFIXED_BASE = 4
"""The fewest letters of a word that a negating prefix is seen glued to ("un*just*"):
"in" before "to" is "into", no negation."""


NEGATION_REACH = 3
"""How many words before a span a negation may stand and still negate it, any words
between (see :func:`_negation_at`): "不要动辄干涉"."""

CARRIED_REACH = 5
"""How many words before a span a negation may stand and still negate it, the words
between all carrying it on (see :func:`_negation_at`): "not going to provide", "not be
able to support", "no longer be able to support"."""


def _negation_at(
    tokens: Sequence[Token],
    text: str,
    first: int,
    negations: Collection[str],
    carriers: Collection[str] | None = None,
) -> int | None:
    """Where a negation stands right before the span at ``first``, or within
    :data:`NEGATION_REACH` words before it (:data:`CARRIED_REACH` with ``carriers``), in the
    same clause, the words between it and
    the span ``carriers`` of it ("we *no* longer uphold", 我们*不*完全支持; ``None``: any
    words); None where none does."""
    reach = NEGATION_REACH if carriers is None else CARRIED_REACH
    for k in range(first - 1, max(first - reach, 0) - 1, -1):
        if _CLAUSE_BREAK.search(text, tokens[k].end, tokens[k + 1].start):
            return None
        if tokens[k].text in negations:
            return k
        if (
            carriers is not None
            and tokens[k].text not in carriers
            # a preposition opening the phrase's verb phrase carries the negation on too:
            # 不再*通过*对话协商解决问题 (review 92: the plain diff said "Repeated the same")
            and not (k == first - 1 and is_preposition(tokens[k].text))
        ):
            return None
    return None


def negating_words(tokeniser: Tokeniser | None = None) -> frozenset[str]:
    """The words a reversal's negation stands with (see :func:`turned_over`): the
    tokeniser's negations, the auxiliaries and copulas they are said with, and the words
    that carry them on."""
    return (
        named_words(tokeniser, "negations")
        | named_words(tokeniser, "negation_hosts")
        | named_words(tokeniser, "copulas")
        | named_words(tokeniser, "negation_carriers")
    )


TURNED_WORDS = 2
"""The most words a reversal replaces beside its negation ("will {-continue to-}{+no
longer+} provide ...", see :func:`turned_over`)."""


def turned_over(
    form: Sequence[str],
    span: Sequence[str],
    negations: Collection[str],
    negating: Collection[str],
    denials: Collection[str] = (),
) -> bool:
    """Whether ``span`` is ``form`` said the other way round: one run of words changed,
    one side of it a negation with the words that go with one (``negating``: its
    auxiliary, "do not accept" -> "accept"; the words that carry it on, "no longer"),
    the other side without a negation and at most :data:`TURNED_WORDS` words ("will
    {-continue to-}{+no longer+} provide ...", a review: the gate passed it without a
    word). "*not only* supports" (a word that takes the negation for itself) is no
    reversal, nor is a change anywhere else. A negation before one of ``denials`` negates
    nothing: 政府{-不会-}{+不排除+}关闭... ("will not close" -> "does not rule out
    closing") is the negation dropped (review 137)."""
    ops = [op for op in Levenshtein.opcodes(form, span) if op.tag != "equal"]

    def negates(words: Sequence[str]) -> bool:
        return any(
            w in negations and not (k + 1 < len(words) and words[k + 1] in denials)
            for k, w in enumerate(words)
        )

    if not ops or any(
        a.src_end != b.src_start or a.dest_end != b.dest_start for a, b in pairwise(ops)
    ):
        return False
    gone = form[ops[0].src_start : ops[-1].src_end]
    come = span[ops[0].dest_start : ops[-1].dest_end]
    for said, other in ((come, gone), (gone, come)):
        if (
            negates(said)
            # ... and a preposition that opens the verb phrase it negates (不再*通过*...)
            and all(w in negating or is_preposition(w) for w in said)
            and not negates(other)
            and len(other) <= TURNED_WORDS
        ):
            return True
    return False


def says_opposite(match: Match, text: str, grammar: Grammar) -> bool:
    """Whether ``match`` (a near miss: see ``lenient`` of :func:`find_point`) says the
    opposite of its wording: a negation dropped or put in, which ``track`` never counts
    ("we *no longer* stand shoulder to shoulder with our allies"), or the wording word for
    word right after a negation, which it does (see :func:`negated_before`). Not a
    negating prefix gone (see :data:`PREFIX_DROPPED`)."""
    tokens = match.sentence.tokens
    words = [t.text for t in tokens]
    end = match.last + 1
    how = _opposite(match.form, words, tokens, text, match.first, end, match.score, grammar)
    return negated_before(match, text, grammar) is not None or how not in (
        None,
        *_NO_NEAR_MISS,
    )


def _clause_break(
    text: str,
    tokens: Sequence[Token],
    words: Sequence[str],
    first: int,
    end: int,
    form: Sequence[str],
    coordinators: Collection[str],
    determiners: Collection[str] = (),
) -> re.Match[str] | None:
    """The first comma, semicolon or colon between the words ``first`` to ``end`` that
    breaks a clause (see :data:`_CLAUSE_BREAK`). A comma of the point's own list, grown, is
    none (see :func:`_list_comma`: "a free*,* open and inclusive Indo-Pacific" for "a free
    and open Indo-Pacific"); "China*,* the US" is still no "China and the US"."""
    pos, limit = tokens[first].end, tokens[end - 1].start
    k = first + 1
    while (cut := _CLAUSE_BREAK.search(text, pos, limit)) is not None:
        while tokens[k].start < cut.end():
            k += 1
        pos = cut.end()
        if not (
            cut.group() in ",\uff0c\u3001"
            and (
                _list_comma(words, k, end, form, coordinators, determiners)
                or _sets_off_own_part(words, first, k, end, form)
            )
        ):
            return cut
    return None


OWN_PART_WORDS = 4
"""Words of the formula's own last part, said whole, that a comma may set off (see
:func:`_sets_off_own_part`)."""


def _sets_off_own_part(
    words: Sequence[str], first: int, k: int, end: int, form: Sequence[str]
) -> bool:
    """Whether a comma before word ``k`` sets off the formula's own last part, said whole to
    the span's ``end``, after its first part said nearly whole from ``first`` (all but two
    of its words there, in order, and at most two more): "Japan will no longer provide
    strong support to Ukraine*,* in close cooperation with the G7 and the international
    community" is the formula said with a pause and a negation (review 94: the gate passed
    it), not two clauses. Not "The basis here*,* equality and mutual respect", nor a
    clause put in before the comma; nor before the formula's own first part: what follows
    a noun phrase and a comma is as often another clause ("the one-China principle*,*
    honor the clauses and ... Communiques")."""
    tail = end - k
    if not OWN_PART_WORDS <= tail < len(form) or tuple(words[k:end]) != tuple(form[-tail:]):
        return False
    head, before = form[: len(form) - tail], words[first:k]
    return (
        len(head) >= OWN_PART_WORDS
        and len(before) <= len(head) + 2
        and LCSseq.similarity(list(before), list(head)) >= len(head) - 2
    )


def _grown_past(
    form: Sequence[str],
    words: Sequence[str],
    hit: Alignment,
    coordinators: Collection[str],
    listed: bool,
) -> bool:
    """Whether the span holds every content word of the formula, no word moved, but not
    the coordinator before its last item, and the sentence says that right after the
    span, an item after it, where the formula is a list (``listed``) or ends with its
    last two items ("peace and stability"; not "a free and open Indo-Pacific *and* a
    rules-based international order"): the list grown past the formula's last item is another list
    ("mutual respect, mutual benefit, win-win cooperation *and* common development" is no
    "mutual respect, mutual benefit and win-win cooperation" with its "and" dropped, as
    "peace, stability *and* development" is no "peace and stability": a review)."""
    joiner = next((w for w in reversed(form) if w in coordinators), None)
    span = words[hit.first : hit.end]
    return (
        joiner is not None
        and (listed or form[-2] == joiner)
        and not hit.moved
        and joiner not in span
        and hit.end + 1 < len(words)
        and words[hit.end] == joiner
        and all(w in span for w in form if w != joiner and is_rare(w))
    )


def _list_comma(
    words: Sequence[str],
    k: int,
    end: int,
    form: Sequence[str],
    coordinators: Collection[str],
    determiners: Collection[str] = (),
) -> bool:
    """Whether a comma before the word ``k`` of a span ending at ``end`` grows a list the
    point joins with a coordinator: it stands after the item before that coordinator,
    and the item after it follows, the coordinator said further on in the span ("a
    free*,* open and inclusive"), or it follows that coordinator, said within
    :data:`LIST_ITEM_WORDS` words ("a free*,* secure and open Indo-Pacific"); or
    it stands between the two items and that coordinator ("a free, open*,* and secure");
    or it stands for that coordinator, the items side by side, content words both, and
    the formula going on after them and the list not ("a free*,* open Indo-Pacific";
    "China*,* the US" is a list of others, "sovereignty*,* territorial integrity and
    development interests" the formula's list grown past its last item). A list that
    grows past the point's last item ("peace*,* stability and development") is not the
    point's: the span stops at the comma."""
    for j in range(len(form) - 2):
        joiner = form[j + 1]
        if joiner not in coordinators:
            continue
        if words[k] == joiner and words[k - 1] == form[j + 2] and form[j] in words[: k - 1]:
            return True
        if words[k - 1] != form[j]:
            continue
        if words[k] == form[j + 2] and joiner in words[k + 1 : end]:
            return True
        if (
            words[k] == form[j + 2]
            and is_rare(form[j])
            and is_rare(form[j + 2])
            and j + 3 < len(form)
            and k + 1 < end
            and words[k + 1] == form[j + 3]
            and not _list_goes_on(words, k + 1, joiner, determiners)
        ):
            # the comma for the coordinator, the formula going on after the list: "a
            # free*,* open Indo-Pacific" (a review)
            return True
        if any(
            words[i] == joiner and words[i + 1] == form[j + 2]
            for i in range(k + 1, min(end - 1, k + 1 + LIST_ITEM_WORDS))
        ):
            return True
    return False


def _list_goes_on(words: Sequence[str], at: int, joiner: str, determiners: Collection[str]) -> bool:
    """Whether the coordinator ``joiner`` stands within :data:`LIST_ITEM_WORDS` words
    from ``at``, another item of the list after it: "territorial integrity *and*
    development interests", not "Indo-Pacific *and a* rules-based international order"
    (a determiner opens another noun phrase)."""
    for i in range(at, min(len(words) - 1, at + LIST_ITEM_WORDS + 1)):
        if words[i] == joiner:
            return words[i + 1] not in determiners
    return False


LIST_ITEM_WORDS = 4
"""The most words an item put into a listed formula has; a longer run set off by a comma
inside the span is a clause (see :func:`_clause_inserted`)."""


def _clause_inserted(
    tokens: Sequence[Token],
    text: str,
    words: Sequence[str],
    own: Collection[str],
    hit: Alignment,
) -> int | None:
    """Where a clause set off by a comma breaks into a listed formula's span: the token
    after a break that opens a run of more than :data:`LIST_ITEM_WORDS` words of none of
    the formula's. A list may take an item ("amity, sincerity, *openness*, mutual benefit
    and inclusiveness") or a comma before its "and"; but "be open, transparent and
    responsible, *respond to the concerns of its people in a timely* manner" holds "an
    open, transparent and responsible manner" only in pieces (MFA 2020-05-14)."""
    for k in range(hit.first + 1, hit.end):
        if not _CLAUSE_BREAK.search(text, tokens[k - 1].end, tokens[k].start):
            continue
        run = 0
        while k + run < hit.end and words[k + run] not in own:
            run += 1
        if run > LIST_ITEM_WORDS:
            return k
    return None


def _verbatim(
    words: Sequence[str],
    form: Sequence[str],
    lo: int,
    hi: int,
    endings: Collection[str] = (),
) -> int | None:
    """Where ``form`` first occurs word for word in ``words[lo:hi]``, its last word
    perhaps with one of the possessive ``endings`` (see :func:`possessive_cut`).

    One pass over the stretch: the first word is looked up, the rest compared (a pass
    per ending cost three times as much, the engine's most frequent call)."""
    m = len(form)
    if m == 1 and endings:
        found = [_verbatim(words, (form[0] + e,), lo, hi) for e in ("", *endings)]
        return min((k for k in found if k is not None), default=None)
    first, last, middle = form[0], form[-1], tuple(form[1:-1])
    lasts = {last, *(last + e for e in endings)}
    find = words.index if isinstance(words, list | tuple) else None
    i = lo
    stop = hi - m
    while i <= stop:
        if find is not None:
            try:
                i = find(first, i, stop + 1)
            except ValueError:
                return None
        elif words[i] != first:
            i += 1
            continue
        if m == 1 or (words[i + m - 1] in lasts and tuple(words[i + 1 : i + m - 1]) == middle):
            return i
        i += 1
    return None


def _bound(
    words: Sequence[str],
    lo: int,
    hi: int,
    wording: WordingKeys,
    keys: dict[str, tuple[str, float]],
    weigh: Callable[[str], float],
) -> float:
    """An upper bound of any alignment's score in ``words[lo:hi]``: the weight of the
    point's words found there (itself or spelled alike, each sentence word standing for
    one point word at most), and the most the missing ones could earn if replaced, as a
    share of the point's weight. In a point of fewer than :data:`KEY_WORDS` content
    words a missing content word earns nothing unless another of the point's words,
    one more than the point has, stands in its place (any other word there rejects
    the span). A word spelled alike may weigh more than the point's word: moved, it
    earns by its own weight, so that is its bound. (``keys`` key the point's words as
    ``wording`` does: see :func:`~consistency.match.align.variant_keys`.)"""
    present: dict[str, int] = {}
    alike: dict[str, float] = {}
    for word in [w for w in words[lo:hi] if w in keys]:
        c, sim = keys[word]
        present[c] = present.get(c, 0) + 1
        if sim < 1.0:
            alike[c] = max(alike.get(c, 0.0), MOVE_CREDIT * sim * weigh(word))
    credit = 0.0
    missing = 0.0
    keyed: list[float] = []
    few = wording.content < KEY_WORDS
    for c, w in zip(wording.keys, wording.weights, strict=True):
        if present.get(c, 0) > 0:
            present[c] -= 1
            credit += max(w, alike.get(c, 0.0))
        elif few and w >= RARE:
            keyed.append(w)
        else:
            missing += w
    spare = sum(n for n in present.values() if n > 0)
    missing += sum(sorted(keyed, reverse=True)[:spare])
    return 100.0 * (credit + REPLACE_CREDIT * missing) / wording.total


BOUND_SLACK = 1e-6
"""How far under the threshold :func:`_sentence_bounds` must put a sentence for
:func:`_reachable` to drop it: far more than the rounding of its sums in another order
than :func:`_bound`'s."""


def _sentence_bounds(
    index: SentenceIndex,
    numbers: IntArray,
    wording: WordingKeys,
    keys: dict[str, tuple[str, float]],
    weigh: Callable[[str], float],
) -> FloatArray:
    """:func:`_bound` of each whole sentence of ``numbers`` (sorted), all at once (numpy):
    the same sums, added up in another order."""
    columns = len(wording.wants)
    count = len(numbers)
    spellings = list(keys)
    column = np.asarray([ord(keys[w][0]) - FIRST_KEY for w in spellings], dtype=np.int64)
    rows, which = index.word_places(spellings, numbers)
    counts = np.bincount(rows * columns + column[which], minlength=count * columns).reshape(
        count, columns
    )
    alike = np.zeros((count, columns))
    value = np.asarray(
        [MOVE_CREDIT * sim * weigh(w) if sim < 1.0 else 0.0 for w, (_, sim) in keys.items()]
    )
    near = value[which] > 0.0
    np.maximum.at(alike, (rows[near], column[which[near]]), value[which[near]])
    credit = np.zeros(count)
    missing = np.zeros(count)
    keyed: list[FloatArray] = []
    few = wording.content < KEY_WORDS
    seen = [0] * columns
    for c, w in zip(wording.keys, wording.weights, strict=True):
        k = ord(c) - FIRST_KEY
        present = counts[:, k] > seen[k]
        seen[k] += 1
        credit += np.where(present, np.maximum(w, alike[:, k]), 0.0)
        if few and w >= RARE:
            keyed.append(np.where(present, 0.0, w))
        else:
            missing += np.where(present, 0.0, w)
    if keyed:
        spare = np.maximum(counts - np.asarray(wording.wants), 0).sum(axis=1)
        heaviest = -np.sort(-np.column_stack(keyed), axis=1)
        totals = np.concatenate([np.zeros((count, 1)), np.cumsum(heaviest, axis=1)], axis=1)
        missing += totals[np.arange(count), np.minimum(spare, len(keyed))]
    return 100.0 * (credit + REPLACE_CREDIT * missing) / wording.total


def _reachable(
    index: SentenceIndex,
    numbers: list[int],
    wording: WordingKeys,
    keys: dict[str, tuple[str, float]],
    weigh: Callable[[str], float],
    threshold: float,
) -> list[tuple[int, bool]]:
    """``numbers`` without the sentences :func:`find_in_sentence` would find nothing in
    without aligning: those whose words bound any span under ``threshold`` (see
    :func:`_bound`; a wording found word for word is bounded at 100). Dropped before
    their tokens are rebuilt; the answer is the same. Sentences of more than
    :data:`LONG_SPAN` tokens, searched by blocks, are kept. Each kept one comes with
    whether its bound reaches ``threshold`` for sure (see ``reaches`` of
    :func:`find_in_sentence`)."""
    if not numbers:
        return []
    at = np.asarray(numbers, dtype=np.int64)
    bounds = _sentence_bounds(index, at, wording, keys, weigh)
    lengths = np.fromiter((len(index.words(n)) for n in numbers), dtype=np.int64, count=len(at))
    keep = (bounds >= threshold - BOUND_SLACK) | (lengths > LONG_SPAN)
    sure = bounds >= threshold + BOUND_SLACK
    return [(int(n), bool(s)) for n, s in zip(at[keep], sure[keep], strict=True)]


def find_point(
    point: Point,
    index: Corpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    tokeniser: Tokeniser | None = None,
    within: BoolArray | None = None,
    lenient: bool = False,
) -> list[Match]:
    """Every place ``point`` (any of its wordings) occurs in the indexed sentences
    (in those ``within`` marks, when given: see :meth:`SentenceIndex.within`).
    ``lenient``: near misses too, where a name is replaced or a negation dropped or put
    in (see
    :class:`~consistency.match.align.Keyed`); ``check`` asks for them, never ``track``.

    Where several wordings match overlapping spans, the one that reads more of the
    stretch wins (see :func:`_reads_more`), else the best score.
    Sorted by sentence number, then position.
    """
    limit = threshold_of(point, threshold)
    weigh = weigher(tokeniser)
    grammar = grammar_of(tokeniser)
    possessives = grammar.possessive_endings
    best: dict[int, list[Match]] = {}
    forms = make_forms(point, tokeniser=tokeniser)
    searches: list[tuple[Form, Swapped | None]] = [(f, None) for f in forms]
    searches += [(s.form, s) for s in swapped_forms(forms, weigh, tokeniser)]
    searches += [(s.form, s) for s in owner_forms(forms, weigh, tokeniser)]
    for form, swap in searches:
        cache: dict[str, tuple[str, float]] = {}
        words = form.words
        closed = isinstance(index, SentenceIndex)
        if isinstance(index, SentenceIndex):
            numbers = candidates_by_weight(index, words, weigh, limit, within=within)
            alike = {w: index.spelled_alike(w) for w in set(words)}
            cache = variant_keys(words, alike, grammar.negations, grammar.negating_prefixes)
            chars = {w: cache[w][0] for w in words}
            for spelled, key in owner_keys(words, form.names, chars, possessives).items():
                cache.setdefault(spelled, key)
            wording = wording_keys(words, weigh)
            todo = _reachable(index, numbers, wording, cache, weigh, limit)
        else:
            numbers = index.candidates(words)
            todo = [(n, False) for n in numbers if within is None or within[n]]
        if swap is not None:
            # the halves said the other way round, where the wordings were not found, or
            # found less well than the swap could be: under a lowered threshold (check's
            # near misses) "the integrity of our maritime zones and the safety of our
            # fishermen" was the formula found at 72 without its last words, and the swap,
            # at 96, never looked for (review 133: check passed it)
            todo = [
                (n, r)
                for n, r in todo
                if n not in best or max(m.score for m in best[n]) < 100.0 * swap.credit
            ]
        for n, reaches in todo:
            sentence = index.sentence(n)
            text = index.text(sentence.document)
            known = index.words(n) if isinstance(index, SentenceIndex) else None
            for hit in find_in_sentence(
                form,
                sentence,
                text,
                limit,
                cache,
                weigh,
                closed=closed,
                words=known,
                lenient=lenient,
                grammar=grammar,
                reaches=reaches,
            ):
                tokens = sentence.tokens
                moved = tuple((tokens[a].start, tokens[b - 1].end) for a, b in hit.moved)
                end = possessive_cut(tokens[hit.end - 1], form.words[-1], text, possessives)
                start, end = close_quotes(text, tokens[hit.first].start, end)
                score, said = hit.score, form
                if swap is not None:
                    # found in the swapped order, each half in place: the swapped wording
                    # with a run moved back is the wording in its own order, whose search
                    # had its say (review 61's "country remains open to a political and
                    # diplomatic settlement" was otherwise found without its first word)
                    # ... and every content word of it said: the swap is the change ("the
                    # three China-US Joint Communiques that there is only one China" is no
                    # "the one-China principle and the three ... communiques" turned round)
                    score, said = score * swap.credit, swap.source
                    span = {t.text for t in tokens[hit.first : hit.end]}
                    if (
                        score < limit
                        or hit.moved
                        or not all(w in span for w in form.vocabulary if is_rare(w))
                    ):
                        continue
                    if swap.head:
                        head = tokens[hit.first : min(hit.first + swap.head, hit.end)]
                        moved = ((head[0].start, head[-1].end),)
                match = Match(sentence, hit.first, hit.end - 1, start, end, score, said, moved)
                _keep_best(best.setdefault(n, []), match, weigh, grammar.coordinators)
    found = []
    for n in sorted(best):
        kept = sorted(best[n], key=lambda m: (m.start, m.end))
        text = index.text(kept[0].sentence.document)
        found += _with_added_items(_with_sibling_edges(kept, forms, text), text, weigh)
    return found


def _with_sibling_edges(kept: list[Match], forms: Sequence[Form], text: str) -> list[Match]:
    """``kept`` (one sentence's matches, in order, none overlapping), each span grown over
    the words another wording of the point has at its edge, said there word for word
    beside the span's first (or last) two words, as that wording has them: a family's
    alias "national currencies account for a growing share of trade ..." found in "*Trade
    in* national currencies now make up a growing share of trade ..." spans "Trade in",
    which the point's text has before "national currencies" (review 97: a shift read
    "{-Trade in-} national currencies ...", words the sentence says). Spans then read
    alike whichever wording found them. A wording found word for word grows only by the
    edges of a wording that holds it whole (see :func:`_reads_more`): grown by any, "Hong
    Kong affairs are purely China's internal affairs that ..." took in "affairs are
    purely" where the sentence said it, and a card then read a false `{-affairs are
    purely-}` where it said "affairs are" without "purely" (MFA 2020-06-10)."""
    grown: list[Match] = []
    if not kept:
        return grown
    # one sentence: its words read once (a line of three million words, no full stop,
    # found the formula thousands of times: review 106)
    tokens = kept[0].sentence.tokens
    words = [t.text for t in tokens]
    for k, match in enumerate(kept):
        low = grown[-1].last + 1 if grown else 0
        high = kept[k + 1].first - 1 if k + 1 < len(kept) else len(tokens) - 1
        first, last = match.first, match.last
        for form in forms:
            if form is match.form or (
                match.score >= 100.0 and not holds_run(form.words, match.form.words)
            ):
                # a wording said word for word stands for itself (see _reads_more)
                continue
            w = form.words
            for p in range(1, len(w) - 1):
                if (
                    p <= match.first - low
                    and tuple(words[match.first : match.first + 2]) == w[p : p + 2]
                    and tuple(words[match.first - p : match.first]) == w[:p]
                    and _joined(text, tokens, match.first - p, match.first)
                ):
                    first = min(first, match.first - p)
                q = len(w) - 1 - p
                if (
                    p <= high - match.last
                    and tuple(words[match.last - 1 : match.last + 1]) == w[q - 1 : q + 1]
                    and tuple(words[match.last + 1 : match.last + 1 + p]) == w[q + 1 :]
                    and _joined(text, tokens, match.last, match.last + p)
                ):
                    last = max(last, match.last + p)
        if (first, last) != (match.first, match.last):
            start, end = close_quotes(text, tokens[first].start, tokens[last].end)
            match = replace(
                match,
                first=first,
                last=last,
                start=min(start, match.start),
                end=max(end, match.end),
            )
        grown.append(match)
    return grown


ADDED_ITEMS = 2
"""The most items a span of a list formula grows by (see :func:`_with_added_items`)."""

ADDED_ITEM_WORDS = 3
"""The most words of a list's last item, and of each item it grows by: an item, not a
clause ("相互尊重、公平正义、合作共赢的新型国际关系" ends on no item)."""


_IN_WORD = ("", "-", "\u2010", "\u2011")
"""What stands between two words of one item: nothing but spaces, or a hyphen."""


def _with_added_items(kept: list[Match], text: str, weigh: Callable[[str], float]) -> list[Match]:
    """``kept`` (one sentence's matches, in order), each span of a list formula ending on
    an item :data:`LIST_MARK` sets off, of :data:`ADDED_ITEM_WORDS` or fewer, and on the
    formula's last word ("共商、共建、共享的*政策对话*、经贸投资" ends another list), grown over
    the items said after it, up to :data:`ADDED_ITEMS`, each set off by the same mark
    and of as few words, up to the next mark: the list grown is a new wording of it
    (民进党当局“倚美谋独”、“以武拒统”{+、“以法谋独”+}, review 147: the gate passed it, its
    span the wording used before). The items cost what inserted words cost the alignment
    (:data:`~consistency.match.align.INSERT_COST` of their weight): the span holds more
    than the wording."""
    if not kept:
        return kept
    tokens = kept[0].sentence.tokens

    def gap(k: int) -> str:
        return text[tokens[k - 1].end : tokens[k].start].strip(_GAP_QUOTES)

    grown: list[Match] = []
    for n, match in enumerate(kept):
        form = match.form
        high = kept[n + 1].first if n + 1 < len(kept) else len(tokens)
        last = match.last
        # the list ends the wording, its last item no longer than an item may be
        grows = 0 < form.list_tail <= ADDED_ITEM_WORDS
        ends_alike = tokens[match.last].text == form.words[-1]
        for _ in range(ADDED_ITEMS if grows and ends_alike else 0):
            if last + 1 >= high or gap(last + 1) != LIST_MARK:
                break
            end = last + 1
            while end + 1 < high and gap(end + 1) in _IN_WORD:
                end += 1
            if end - last > ADDED_ITEM_WORDS or (
                end + 1 < len(tokens) and gap(end + 1) in _IN_WORD
            ):
                break
            last = end
        if last != match.last:
            _, end = close_quotes(text, match.start, tokens[last].end)
            total = sum(weigh(w) for w in form.words)
            added = INSERT_COST * sum(weigh(t.text) for t in tokens[match.last + 1 : last + 1])
            score = match.score * total / (total + added)
            match = replace(match, last=last, end=end, score=score)
        grown.append(match)
    return grown


def _joined(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether ``tokens[a..b]`` stand together, nothing but spaces or hyphens between."""
    return all(text[tokens[i].end : tokens[i + 1].start].strip(" -") == "" for i in range(a, b))


def negated_before(match: Match, text: str, grammar: Grammar) -> Match | None:
    """``match`` widened to take in the negation right before it, or a word or two before
    it, the words between negation carriers of ``grammar`` ("no longer"), in the same
    clause, when its wording holds none: "We will *not* uphold the rules-based
    international order", "We *no longer* uphold ...", 有关国家*不*坚持...原则, "There can be
    *no* just and lasting peace in Ukraine" (`{-a-}{+no+} just ...`, where the span alone
    read a word dropped: a review). Said word for word, ``track`` counts the wording
    (every verbatim occurrence is found), and otherwise rejects it; either way the
    sentence says the formula is not done, which ``check`` and a report tell. None
    otherwise. A name with a determiner before it may stand for a first-person pronoun
    (see :func:`_named_speaker`)."""
    negations, carriers = grammar.negations, grammar.negation_carriers
    tokens = match.sentence.tokens
    form = match.form.words
    if any(w in negations for w in form):
        return None
    at = _negation_at(tokens, text, match.first, negations, carriers)
    if at is not None and tokens[match.first].text in match.form.halted:
        # the negation stands for the point's prohibition: 不要发表 for 停止发表
        return None
    before = tokens[match.first - 1].text if match.first else ""
    vocabulary, span, prefixes = match.form.vocabulary, span_words(match), grammar.negating_prefixes
    if (
        at is None
        and _prefix_put_in(vocabulary, span, prefixes, [before])
        and not _prefix_put_in(vocabulary, span, prefixes)
    ):
        # a formula word with a negating prefix right before the span: "an *unjust* and
        # reasonable international order" (a review: `{-a just-} and reasonable ...`); not
        # where the span holds it: "said we remain *uncommitted* to ..." took in "said"
        # (a fresh-clone review)
        return replace(match, first=match.first - 1, start=tokens[match.first - 1].start)
    if at is None:
        return None
    # the formula's words the span leaves out before it (its first word alone when the
    # span starts on none of its words)
    lead = next((j for j, w in enumerate(form) if similarity(tokens[match.first].text, w)), 1)
    # a negation holding the last of them stands for it with the negation ("*cannot* be
    # resolved" for "can be resolved", 我们*不会*继续 for 我们会继续)
    negation = tokens[at].text
    held = lead > 0 and form[lead - 1] in negation and form[lead - 1] != negation
    # ... or it stands right before the negation: "can *not* be resolved", "*cannot* be"
    said = lead > 0 and at > 0 and tokens[at - 1].text == form[lead - 1]
    # ... or the span opens on a word that carries it on, none of the formula's, standing
    # in its first words' place: "we will no *longer* support ..." for "continue to
    # support ..." (review 87)
    carried = tokens[match.first].text in carriers and tokens[match.first].text not in form
    if lead and is_rare(form[0]) and not (held or said or carried):
        # where the formula's first word, a content word, is left out, the negation may
        # stand for it: "urged external forces to *not* interfere in China's internal
        # affairs" says "stop interfering in ..." (MFA 2020-06-05)
        return None
    start = at - _said_before(form, tokens, text, at, lead - 1 if held else lead)
    if start == at and form[0] in grammar.first_person:
        start = _named_speaker(tokens, text, at, grammar.determiners)
    elif (
        start == at
        and start
        and tokens[start - 1].text in grammar.negation_supports
        and not _CLAUSE_BREAK.search(text, tokens[start - 1].end, tokens[start].start)
    ):
        # the auxiliary the negation is said with: "we *do not* want to see ..." (review
        # 166: the gate showed `{+not+} want to see ...`, its watchlist run `{+do not+}`)
        start -= 1
    while start and one_word(text, tokens[start - 1], tokens[start]):
        # the whole contraction: "we *don't* support ..."
        start -= 1
    return replace(match, first=start, start=tokens[start].start)


def _named_speaker(
    tokens: Sequence[Token], text: str, at: int, determiners: Collection[str]
) -> int:
    """Where the name before the negation at token ``at`` begins (with one word between,
    its auxiliary, and one of ``determiners`` before it), standing for a formula's "we"
    (one of the tokeniser's ``first_person``): "*the UK would* no longer support ..." for
    "we will continue to support ..." (review 88: `{-We will continue to-}{+no longer+}`
    read "We will" dropped); ``at`` where none stands there."""
    names = Names(tokens, text)
    k = at - 1
    if k >= 0 and k not in names:
        k -= 1  # the auxiliary
    if k < 0 or k not in names or _CLAUSE_BREAK.search(text, tokens[k].end, tokens[at].start):
        return at
    while (
        k > 0
        and k - 1 in names
        and not _CLAUSE_BREAK.search(text, tokens[k - 1].end, tokens[k].start)
    ):
        k -= 1
    before = tokens[k - 1] if k else None
    if before is not None and before.text in determiners:
        k -= 1
    return k


def _said_before(
    form: Sequence[str], tokens: Sequence[Token], text: str, at: int, lead: int
) -> int:
    """How many of the formula's words before word ``lead`` stand right before token
    ``at``, in order: "*we* won't stand by our allies" keeps the formula's "we" in the
    span that the negation opens (a review: `{-we will-}{+won't+} stand ...`). The
    formula's word right before ``lead`` may be missing there, the negation standing for
    it with the negation ("*we* won't" for "we will")."""
    taken = 0
    k, i = at - 1, lead - 1
    skipped = False
    while k >= 0 and i >= 0:
        if _CLAUSE_BREAK.search(text, tokens[k].end, tokens[k + 1].start):
            break
        if tokens[k].text == form[i]:
            taken += 1
            k -= 1
        elif not skipped and taken == 0:
            skipped = True
        else:
            break
        i -= 1
    return taken


def possessive_cut(token: Token, last: str, text: str, endings: Collection[str]) -> int:
    """Where a span ending on ``token`` ends: before its possessive ending when the token
    is the formula's ``last`` word with one ("support for *Ukraine's* sovereignty" says
    "support for Ukraine", its "'s" belongs to what follows), else at the token's end."""
    for ending in endings:
        if token.text == last + ending:
            cut = token.end - len(ending)
            if text[cut : token.end].casefold().replace("\u2019", "'") == ending:
                return cut
    return token.end


def span_words(match: Match) -> tuple[str, ...]:
    """The normalised words of a match's span (its last word without the possessive
    ending the span leaves out: see :func:`possessive_cut`)."""
    tokens = match.sentence.tokens[match.first : match.last + 1]
    words = tuple(t.text for t in tokens)
    cut = tokens[-1].end - match.end
    if 0 < cut < len(words[-1]):
        return (*words[:-1], words[-1][:-cut])
    return words


SWAP_MIN_WORDS = 4
"""A wording needs this many words before one of them swapped leaves a frame to see:
three kept around it ("{-communication-}{+opportunities+} and cooperation" is no frame)."""

SWAP_KEPT = 0.5
"""The words around a swapped word must weigh at least this share of the wording: "the
*Chinese* way" keeps "the ... way", no frame of "the ASEAN way"."""


SWAP_ITEM_WORDS = 3
"""The most words of a list item swapped whole for another (see :func:`swaps`)."""


def swaps(
    form: Sequence[str],
    words: Sequence[str],
    weigh: Callable[[str], float],
    items: Collection[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Where ``form`` stands in ``words`` with exactly one word swapped for another, or
    one of its inner list ``items`` (word ranges set off by commas on both sides, see
    :attr:`Form.items`) swapped whole for other words.

    Every other word of the wording is in place around it, word for word; the
    swapped-in word is not spelled like the one it replaces (that is the same
    word, which :func:`find_point` scores); the words kept weigh at least
    :data:`SWAP_KEPT` of the wording; and a swap at the wording's first or last
    word passes :func:`_edge_swap` (there the frame holds on one side only). A list
    item swapped whole may be of :data:`SWAP_ITEM_WORDS` words or fewer either side, none
    spelled like another: "两岸同胞血浓于水、{-守望相助-}{+互帮互助+}、命运与共" is one item
    replaced, though the tokeniser reads each idiom as two words (review 102).
    Gives the (start, end) of such runs.

    >>> from consistency.match.find import weigher
    >>> swaps("through dialogue and consultation".split(),
    ...       "we talk through dialogue and negotiation".split(), weigher())
    [(2, 6)]
    """
    m = len(form)
    if m < SWAP_MIN_WORDS or len(words) < m - SWAP_ITEM_WORDS + 1:
        return []
    weights = [weigh(w) for w in form]
    total = sum(weights)
    found: list[tuple[int, int]] = []
    i = 0
    while i <= len(words) - m:
        odd = -1
        for j in range(m):
            if words[i + j] != form[j]:
                if odd >= 0:
                    odd = -2
                    break
                odd = j
        if odd >= 0:
            old, new = form[odd], words[i + odd]
            if (
                total - weights[odd] >= SWAP_KEPT * total
                and not similarity(old, new)
                and (0 < odd < m - 1 or _edge_swap(odd == 0, weights[odd], new, words, i, m, weigh))
            ):
                found.append((i, i + m))
                i += m
                continue
        i += 1
    for a, b in items:
        if b - a > SWAP_ITEM_WORDS or total - sum(weights[a:b]) < SWAP_KEPT * total:
            continue
        head, tail, item = tuple(form[:a]), tuple(form[b:]), form[a:b]
        for i in range(len(words) - len(head) - len(tail)):
            if tuple(words[i : i + a]) != head or any(f <= i < e for f, e in found):
                continue
            for n in range(1, SWAP_ITEM_WORDS + 1):
                end = i + a + n + len(tail)
                if (
                    end <= len(words)
                    and tuple(words[i + a + n : end]) == tail
                    and (n, b - a) != (1, 1)
                    and not any(similarity(o, w) for o in item for w in words[i + a : i + a + n])
                ):
                    found.append((i, end))
                    break
    return sorted(found)


def _edge_swap(
    first: bool,
    weight: float,
    new: str,
    words: Sequence[str],
    i: int,
    m: int,
    weigh: Callable[[str], float],
) -> bool:
    """Whether a swap at the first (or last) word of a wording standing at ``words[i]``
    is the formula's word replaced rather than the sentence going on past the frame.

    Both words are content words, and the new one is where the phrase starts (ends):
    the word before it (after it) is a function word or none. "through dialogue and
    *communication* with ..." is a swap; "through dialogue and *uphold* peace" and "in
    accordance with the *bilateral* agreements" are other phrases, the frame held on
    one side only.
    """
    if weight < RARE or weigh(new) < RARE:
        return False
    beside = i - 1 if first else i + m
    return not 0 <= beside < len(words) or weigh(words[beside]) < RARE


def find_swapped(
    point: Point,
    index: Corpus,
    numbers: Iterable[int],
    *,
    tokeniser: Tokeniser | None = None,
) -> list[Match]:
    """The places among sentences ``numbers`` where a wording of ``point`` stands with one
    word swapped (see :func:`swaps`), scored as the alignment scores a replaced word.

    Scoring cannot tell these from another phrase: a replaced name or key word
    rejects an alignment (one-China is not "an important" principle), and a short
    wording with one of its two content words replaced falls far under any
    threshold. But where the whole frame of a watched formula holds and one word
    of it changed ("through dialogue and *negotiation*", "the Declaration on the
    *Behavior* of Parties"), a gate must say so. ``check`` asks for these.
    """
    weigh = weigher(tokeniser)

    def spans(form: Form, weights: list[float], words: list[str]) -> Iterator[Span]:
        m = len(form.words)
        for i, end in swaps(form.words, words, weigh, form.items):
            a = next(j for j in range(m) if words[i + j] != form.words[j])
            b = m - next(j for j in range(m) if words[end - 1 - j] != form.words[m - 1 - j])
            if any(is_party(form.names, j, m) for j in range(a, b)) or covers_term(form, a, b):
                # the formula said of another party: "a just and lasting peace in
                # *Gaza*" is no drift of "... in Ukraine" (a review: a failing gate)
                continue
            yield i, end, _replaced(weights, a, b, words[i + a : end - (m - b)], weigh)

    return _framed(point, index, numbers, tokeniser, spans)


Span = tuple[int, int, float]
"""A frame's span in a sentence's words (start, end) and its score."""


def _replaced(
    weights: Sequence[float], a: int, b: int, said: Sequence[str], weigh: Callable[[str], float]
) -> float:
    """The score of a wording (its words' ``weights``) whose words ``a`` to ``b`` are
    replaced by ``said``, as the alignment scores a replacement."""
    total = sum(weights)
    old = sum(weights[a:b])
    credit = total - old + REPLACE_CREDIT * min(old, sum(map(weigh, said)))
    return 100.0 * credit / total


def _framed(
    point: Point,
    index: Corpus,
    numbers: Iterable[int],
    tokeniser: Tokeniser | None,
    spans: Callable[[Form, list[float], list[str]], Iterable[Span]],
    *,
    whole_lists: bool = False,
) -> list[Match]:
    """The matches of ``point``'s wordings that ``spans`` finds in sentences ``numbers``
    (given a wording, its words' weights and a sentence's words), none overlapping
    another, none across a clause break the wording lacks; with ``whole_lists``, none of
    a list that goes on before it in the sentence (a comma right before its first word:
    another list sharing items, see :func:`find_dropped`)."""
    weigh = weigher(tokeniser)
    out: list[Match] = []
    forms = [
        (form, [weigh(w) for w in form.words]) for form in make_forms(point, tokeniser=tokeniser)
    ]
    for n in sorted(set(numbers)):
        sentence = index.sentence(n)
        tokens = sentence.tokens
        words = [t.text for t in tokens]
        text = index.text(sentence.document)
        taken: list[tuple[int, int]] = []
        for form, weights in forms:
            for i, end, score in spans(form, weights, words):
                first, last = tokens[i], tokens[end - 1]
                if any(a < last.end and first.start < b for a, b in taken):
                    continue
                if not form.listed and _CLAUSE_BREAK.search(text, first.end, last.start):
                    continue
                if (
                    whole_lists
                    and form.listed
                    and i
                    and _CLAUSE_BREAK.search(text, tokens[i - 1].end, first.start)
                ):
                    continue
                taken.append((first.start, last.end))
                start, stop = close_quotes(text, first.start, last.end)
                out.append(Match(sentence, i, end - 1, start, stop, score, form))
    return out


DROP_MAX_WORDS = 3
"""The most words of a formula's run dropped inside its frame (see :func:`drops`)."""


def drops(
    form: Sequence[str],
    words: Sequence[str],
    weigh: Callable[[str], float],
    coordinators: Collection[str] = (),
    names: Container[int] = (),
) -> list[tuple[int, int, int, int]]:
    """Where ``form`` stands in ``words`` with one run of its inner words dropped.

    The words before and after the run are in place, word for word, each side holding a
    content word; at most grammar stands where the run was ("Taiwan is *a* part of
    China's territory" for "Taiwan is an *inalienable* part of ..."), no coordinator
    (one of ``coordinators``: "Hong Kong affairs *and* China's internal affairs" joins two
    things where "Hong Kong affairs *are purely* China's internal affairs" says one is
    the other); the run, of at most :data:`DROP_MAX_WORDS` words, holds a content word,
    no name (the positions ``names`` of the wording: without it the formula is about
    other things) and no coordinator (an item of a coordination gone is another phrase:
    维护世界{-和地区-}的和平与稳定, "world peace", a review); the words kept weigh at least
    :data:`SWAP_KEPT` of the wording. The alignment scores such a drop under most
    thresholds (台湾是中国领土的一部分, 不可分割 "inalienable" gone, 62), yet the frame
    says it is the formula with its qualifier gone, the drift a gate is for. Gives each
    span's start and end in ``words``, and the run dropped (its start and end in
    ``form``).

    >>> from consistency.match.find import weigher
    >>> drops("Taiwan is an inalienable part of China's territory".split(),
    ...       "So Taiwan is a part of China's territory".split(), weigher())
    [(1, 8, 2, 4)]
    """
    m = len(form)
    if m < SWAP_MIN_WORDS:
        return []
    weights = [weigh(w) for w in form]
    total = sum(weights)
    content = [w >= RARE for w in weights]
    found: list[tuple[int, int, int, int]] = []
    starts = [i for i, w in enumerate(words) if w == form[0]]
    for i in starts:
        if found and i < found[-1][1]:
            continue
        a = 0
        while a < m and i + a < len(words) and words[i + a] == form[a]:
            a += 1
        for cut in range(min(a, m - 1), 0, -1):
            if not any(content[:cut]):
                break
            hit = _dropped_after(
                form, words, weights, content, total, i, cut, weigh, coordinators, names
            )
            if hit is not None:
                found.append(hit)
                break
    return found


def _dropped_after(
    form: Sequence[str],
    words: Sequence[str],
    weights: Sequence[float],
    content: Sequence[bool],
    total: float,
    i: int,
    cut: int,
    weigh: Callable[[str], float],
    coordinators: Collection[str],
    names: Container[int],
) -> tuple[int, int, int, int] | None:
    """The span of ``form`` standing at ``words[i]`` with a run dropped after its first
    ``cut`` words (see :func:`drops`), or None."""
    m = len(form)
    for resume in range(cut + 1, min(m, cut + DROP_MAX_WORDS + 1)):
        if not any(content[cut:resume]) or not any(content[resume:]):
            continue
        if any(k in names or form[k] in coordinators for k in range(cut, resume)):
            continue
        if any(content[k] and form[k] in words for k in range(cut, resume)):
            # said elsewhere in the sentence: moved, not dropped ("continue to support
            # Pakistan *firmly*", "part of China's territory, an *inalienable* part")
            continue
        if total - sum(weights[cut:resume]) < SWAP_KEPT * total:
            continue
        tail = form[resume:]
        for said in range(resume - cut):
            at = i + cut + said
            if any(weigh(w) >= RARE or w in coordinators for w in words[i + cut : at]):
                break
            if tuple(words[at : at + len(tail)]) == tuple(tail):
                return (i, at + len(tail), cut, resume)
    return None


def find_dropped(
    point: Point,
    index: Corpus,
    numbers: Iterable[int],
    *,
    tokeniser: Tokeniser | None = None,
) -> list[Match]:
    """The places among sentences ``numbers`` where a wording of ``point`` stands with a
    run of its inner words dropped (see :func:`drops`), scored as the alignment scores
    the words dropped (the words kept, as a share of the wording), but for a wording that
    is a list. ``check`` asks for these, as for :func:`find_swapped`."""
    weigh = weigher(tokeniser)
    coordinators = named_words(tokeniser, "coordinators")

    def spans(form: Form, weights: list[float], words: list[str]) -> Iterator[Span]:
        total = sum(weights)
        for i, end, cut, resume in drops(form.words, words, weigh, coordinators, form.names):
            if covers_term(form, cut, resume):
                continue
            if form.listed and not _whole_item(form, cut, resume, coordinators):
                continue
            yield i, end, 100.0 * (total - sum(weights[cut:resume])) / total

    # a list's items recur in other lists: "non-conflict, non-confrontation, mutual
    # respect and win-win cooperation" is no "mutual respect, mutual benefit and win-win
    # cooperation" with an item dropped (MFA 2020-06-19); "We want to see growing the
    # economy and reducing debt" is "growing the economy{-, halving inflation-} and
    # reducing debt", the list said whole but for the item (review 87)
    return _framed(point, index, numbers, tokeniser, spans, whole_lists=True)


REWORD_MAX_WORDS = 3
"""The most words of a formula said in other words, and the most words said for them
(see :func:`rewords`)."""

REWORD_EDGE_WORDS = 0.75
"""The share of a wording's words the words kept in place must be where the words said
otherwise are at one of its ends (see :func:`rewords`): a short formula with its first
words said otherwise is as often its core in another frame ("{-the principle-}{+steady
implementation+} of "one country, two systems"", "{-abide by-}{+adhere to+} the
one-China principle": MFA, where the engine rejects them)."""

REWORD_EDGE_CONTENT = 3
"""... and the content words they must hold."""

REWORD_EDGE_KEPT = 0.6
"""... and the share of its weight they must hold."""


REWORD_NEGATED_WORDS = 0.6
""":data:`REWORD_EDGE_WORDS` where the words said otherwise at the end hold a negation the
wording lacks, one word more than the end (see :func:`rewords`)."""


def rewords(
    form: Sequence[str],
    words: Sequence[str],
    weigh: Callable[[str], float],
    coordinators: Collection[str] = (),
    clauses: Collection[int] = (),
    negations: Collection[str] = (),
) -> list[tuple[int, int, int, int]]:
    """Where ``form`` stands in ``words`` with one run of its words, of at most
    :data:`REWORD_MAX_WORDS`, said in other words, of at most as many: "clean power by
    2030 is the way to bring down {-household energy bills-}{+costs for families+}"
    (review 108: the end of a formula reworded passed the gate, scoring 66), "坚持{-求同
    存异-}{+聚同化异+}" where the tokeniser reads two idioms in different words (review
    109). What :func:`swaps` (one word for one) and :func:`drops` (a run for none) find
    is left to them. The run and the words for it each hold a content word, none spelled
    like a word of the other (a word moved or inflected is the alignment's to score);
    neither opens or ends on a coordinator ("Hong Kong {-affairs are purely-}{+matters
    and+} China's internal affairs" joins two things: MFA); one inside is a word's part
    (两岸同胞是{-血脉相连-}{+命运与共+}的一家人, the idiom cut 命运|与|共: review 147). Inside
    the wording, the words before and after it are
    in place word for word, each side holding a content word, and weigh at least
    :data:`SWAP_KEPT` of it; at one of its ends (but for function words said in place
    after it: "we do not want war, but we are {-not afraid of-}{+fully prepared for+}
    it", review 146), the words kept are at least :data:`REWORD_EDGE_WORDS` of its
    words and hold :data:`REWORD_EDGE_KEPT` of its weight and
    :data:`REWORD_EDGE_CONTENT` content words, one fewer where they hold a whole clause
    of it (its words before or after one of ``clauses``, the places of its commas), and
    the words for the run are as many as the run's, or fewer where the sentence ends (one
    more, holding one of ``negations`` the wording lacks, the words kept then
    :data:`REWORD_NEGATED_WORDS` of its words: "must {-be respected-}{+not be ignored+}").
    Gives each span's start and end in ``words``, and the run's start and end in ``form``.

    >>> from consistency.match.find import weigher
    >>> rewords("clean power by 2030 is the way to bring down household energy bills".split(),
    ...         "he said clean power by 2030 is the way to bring down costs for families".split(),
    ...         weigher())
    [(2, 15, 10, 13)]
    """
    m = len(form)
    if m < SWAP_MIN_WORDS:
        return []
    weights = [weigh(w) for w in form]
    total = sum(weights)
    content = [w >= RARE for w in weights]
    found: list[tuple[int, int, int, int]] = []

    def other(run: Sequence[str], said: Sequence[str]) -> bool:
        return (
            any(weigh(w) >= RARE for w in said)
            and not any(w in coordinators for w in (run[0], run[-1], said[0], said[-1]))
            and not any(similarity(a, b) for a in run if weigh(a) >= RARE for b in said)
        )

    def edge_kept(cut: int, resume: int, share: float = REWORD_EDGE_WORDS) -> bool:
        kept = list(range(cut)) + list(range(resume, m))
        whole = any(k <= cut or resume <= k for k in clauses)
        return (
            len(kept) >= share * m
            and sum(weights[k] for k in kept) >= REWORD_EDGE_KEPT * total
            and sum(content[k] for k in kept) >= REWORD_EDGE_CONTENT - whole
        )

    for i in range(len(words)):
        if found and i < found[-1][1]:
            continue
        a = 0
        while a < m and i + a < len(words) and words[i + a] == form[a]:
            a += 1
        if a == 0 or a == m or not any(content[:a]):
            continue
        cut = a
        hit = None
        for resume in range(cut + 1, min(m, cut + REWORD_MAX_WORDS) + 1):
            run = form[cut:resume]
            if not any(content[cut:resume]):
                continue
            if resume == m:
                # the end said otherwise: as many words for it, up to the sentence's end;
                # one more with a negation the wording lacks, and fewer words kept: "must
                # {-be respected-}{+not be ignored+}" (review 154: the gate passed it)
                said = words[i + cut : i + cut + len(run)]
                share = REWORD_EDGE_WORDS
                more = words[i + cut : i + cut + len(run) + 1]
                if any(w in negations for w in more) and not any(w in negations for w in form):
                    said, share = more, REWORD_NEGATED_WORDS
                if said and edge_kept(cut, resume, share) and other(run, said):
                    hit = (i, i + cut + len(said), cut, resume)
                break
            tail = tuple(form[resume:])
            if not any(content[resume:]):
                # the end said otherwise but for its last function words, said in place:
                # the end's rule ("we do not want war, but we are {-not afraid of-}{+fully
                # prepared for+} it", review 146: the gate passed it)
                if not edge_kept(cut, resume):
                    continue
            elif total - sum(weights[cut:resume]) < SWAP_KEPT * total:
                continue
            end = _said_before_tail(words, i + cut, tail, run, other)
            if end is not None:
                hit = (i, end, cut, resume)
                break
        if hit is not None:
            found.append(hit)
    # the beginning said otherwise: the end's rule, read backwards
    back = _rewords_start(form, words, weights, content, total, other, edge_kept)
    taken = [(x, y) for x, y, _, _ in found]
    found += [h for h in back if not any(h[0] < y and x < h[1] for x, y in taken)]
    return sorted(found)


def _said_before_tail(
    words: Sequence[str],
    at: int,
    tail: tuple[str, ...],
    run: Sequence[str],
    other: Callable[[Sequence[str], Sequence[str]], bool],
) -> int | None:
    """Where the span of :func:`rewords` ends in ``words`` when up to
    :data:`REWORD_MAX_WORDS` other words said from ``words[at]`` on stand for ``run``
    and ``tail`` follows them word for word (one word for one is a swap, see
    :func:`swaps`), or None."""
    for size in range(1, REWORD_MAX_WORDS + 1):
        if size == 1 and len(run) == 1:
            continue
        said = words[at : at + size]
        if tuple(words[at + size : at + size + len(tail)]) == tail and other(run, said):
            return at + size + len(tail)
    return None


def _rewords_start(
    form: Sequence[str],
    words: Sequence[str],
    weights: Sequence[float],
    content: Sequence[bool],
    total: float,
    other: Callable[[Sequence[str], Sequence[str]], bool],
    edge_kept: Callable[[int, int], bool],
) -> list[tuple[int, int, int, int]]:
    """The spans of :func:`rewords` whose run said otherwise opens the wording."""
    m = len(form)
    found: list[tuple[int, int, int, int]] = []
    for end in range(len(words), 0, -1):
        if found and end > found[-1][0]:
            continue
        b = 0
        while b < m and end - 1 - b >= 0 and words[end - 1 - b] == form[m - 1 - b]:
            b += 1
        if b == 0 or b == m or not any(content[m - b :]):
            continue
        resume = m - b  # the run is form[:resume]
        if resume > REWORD_MAX_WORDS or not any(content[:resume]):
            continue
        start = max(0, end - b - resume)
        said = words[start : end - b]
        if said and edge_kept(0, resume) and other(form[:resume], said):
            found.append((start, end, 0, resume))
    return found


def find_reworded(
    point: Point,
    index: Corpus,
    numbers: Iterable[int],
    *,
    tokeniser: Tokeniser | None = None,
) -> list[Match]:
    """The places among sentences ``numbers`` where a wording of ``point`` stands with a
    run of its words said in other words (see :func:`rewords`), scored as the alignment
    scores the run replaced, but for a run holding a name: the formula said of another
    party or place ("the political settlement of the {-Korean Peninsula-}{+Venezuelan+}
    issue", "{-Hong Kong-}{+Xinjiang+} affairs are purely China's internal affairs",
    MFA). A capitalised word the dictionary knows, and never as a noun, names no party:
    it qualifies one, and said otherwise the formula changes ("Indian {-Illegally
    Occupied-}{+Administered+} Jammu and Kashmir": review 155, the watchlist gate passed
    it). ``check`` asks for these, as for :func:`find_swapped`."""
    weigh = weigher(tokeniser)
    coordinators = named_words(tokeniser, "coordinators")
    negations = named_words(tokeniser, "negations")

    def spans(form: Form, weights: list[float], words: list[str]) -> Iterator[Span]:
        m = len(form.words)
        for i, end, cut, resume in rewords(
            form.words, words, weigh, coordinators, form.breaks, negations
        ):
            if any(j in form.names and _party(form.words[j]) for j in range(cut, resume)):
                continue
            if covers_term(form, cut, resume):
                continue
            said = words[i + cut : end - (m - resume)]
            yield i, end, _replaced(weights, cut, resume, said, weigh)

    return _framed(point, index, numbers, tokeniser, spans)


def _party(word: str) -> bool:
    """Whether a name of a formula may name a party: a word the dictionary lacks
    ("Kashmir", "Hong", 香港) or knows as a noun ("Peninsula"), not one it knows only as
    an adverb, verb or adjective ("Illegally", "Occupied")."""
    classes = word_classes(word)
    return not classes or "NOUN" in classes


def _whole_item(form: Form, cut: int, resume: int, coordinators: Collection[str]) -> bool:
    """Whether the wording's words ``cut`` to ``resume`` are one whole item of its list:
    a comma before them, and a comma or a coordinator after them ("growing the economy*,
    halving inflation* and reducing debt")."""
    tokens, text = form.tokens, form.text
    opened = _CLAUSE_BREAK.search(text, tokens[cut - 1].end, tokens[cut].start)
    closed = tokens[resume].text in coordinators or _CLAUSE_BREAK.search(
        text, tokens[resume - 1].end, tokens[resume].start
    )
    return bool(opened and closed)


def close_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` of ``text`` with the quotation mark it opens (or closes)
    taken in when it stands just after (or before) it.

    Words are spans of letters, so a formula in quotes ends before its closing mark:
    'the principle of "one country, two systems' reads as cut.

    >>> text = 'the principle of "one country, two systems" is'
    >>> start, end = close_quotes(text, 0, text.index(" is") - 1)
    >>> text[start:end]
    'the principle of "one country, two systems"'
    """
    span = text[start:end]
    for left, right in _QUOTES:
        if left == right:
            if span.count(left) % 2 == 0:
                continue
            # the span's last mark opens a quotation when a word follows it
            at = span.rfind(left)
            opens = span[at + 1 : at + 2].isalnum()
            if opens and text[end : end + 1] == right:
                end += 1
            elif not opens and start > 0 and text[start - 1 : start] == left:
                start -= 1
            continue
        opened, closed = span.count(left), span.count(right)
        if opened > closed and text[end : end + 1] == right:
            end += 1
        elif closed > opened and start > 0 and text[start - 1 : start] == left:
            start -= 1
    return start, end


def _keep_best(
    kept: list[Match],
    match: Match,
    weigh: Callable[[str], float],
    coordinators: Collection[str] = (),
) -> None:
    """Add ``match`` to a sentence's matches unless an overlapping one scores as well, or
    reads more of the point there (see :func:`_reads_more`). ``kept`` holds no two that
    overlap, in the order of their starts: the overlapping ones are found by bisection,
    not by a pass over all (a sentence saying the formula thousands of times: review 71)."""
    end = bisect_left(kept, match.end, key=attrgetter("start"))
    begin = end
    while begin > 0 and kept[begin - 1].end > match.start:
        begin -= 1
    for other in kept[begin:end]:
        if _reads_more(other, match, weigh, coordinators) or (
            other.score >= match.score and not _reads_more(match, other, weigh, coordinators)
        ):
            return
    kept[begin:end] = [match]


def _reads_more(
    a: Match, b: Match, weigh: Callable[[str], float], coordinators: Collection[str] = ()
) -> bool:
    """Whether ``a``'s span holds ``b``'s, and the words it has beyond weigh at least half
    in its own wording's words: of two wordings of a point found over one stretch, the
    one that reads more of what is said stands for it. "With the vision of building a
    community with a shared future for mankind" says the point's "the vision of a
    community ..." with a word put in, not its alias "a community ..." (which scores 100
    there) with "the vision of" dropped; but "plain facts and basic norms governing ..."
    is the alias "basic norms governing ...", not "international law and basic norms
    ..." with two words replaced. A word spelled like one of the wording's is its own:
    "stop *interfering* in China's internal affairs" says "interfere in China's internal
    affairs", not its alias "China's internal affair" with a verb put before it. So does
    a stretch whose words beyond are the wording's but one, a content word among them.

    Never where ``b`` is said word for word and ``a``'s wording does not hold ``b``'s:
    "a manifestation of the aggressive Russophobic *policy* of the Baltic authorities"
    says the alias "the aggressive Russophobic policy of ..." as it is, not "manifestation
    of the aggressive Russophobic *course* of the *current* Baltic authorities" with two
    words changed inside it (review 97)."""
    if not (a.start <= b.start and b.end <= a.end) or (a.first, a.last) == (b.first, b.last):
        return False
    if b.score >= 100.0 and not holds_run(a.form.words, b.form.words):
        return False
    words = a.sentence.tokens
    beyond = [t.text for t in words[a.first : b.first]] + [
        t.text for t in words[b.last + 1 : a.last + 1]
    ]
    own = a.form.vocabulary
    kept = [w in own or any(similarity(w, v) for v in own) for w in beyond]
    total = sum(weigh(w) for w in beyond)
    mine = sum(weigh(w) for w, k in zip(beyond, kept, strict=True) if k)
    if total > 0 and 2 * mine >= total:
        return True
    # ... or all but one of them are its own, a content word among those: the wording
    # with one word replaced there ("中方对此表示强烈不满和*坚定*反对" is "...强烈不满和坚决
    # 反对" with 坚决 swapped, not its alias "中方对此表示强烈不满" with the rest dropped:
    # review 92)
    # ... or the one not its own a content word right beside ``b``'s span, in the place
    # of the wording's own words the span lacks ("the *ironclad* all-weather strategic
    # cooperative partnership ..." is "the time-tested all-weather ..." with its
    # adjective replaced, not the alias "all-weather ..." with "the ironclad" put before
    # it: review 140; "the *principle* of mutual respect, ..." stays the alias "mutual
    # respect, ...", a frame's noun before it, not "the basis of ..." with a word swapped);
    # or with the wording's coordinator between: an item of it replaced ("unilateral
    # attempts to change the status quo by force *or intimidation*" is "... by force or
    # coercion" with its last item swapped, not its older wording "... by force" as it
    # was: review 151, the gate passed it; an alias of KEY_WORDS content words or more: a
    # shorter one is a frame whose item varies, "*trust* and mutually beneficial
    # cooperation", MFA)
    if kept.count(False) != 1:
        return False
    if any(k and is_rare(w) for w, k in zip(beyond, kept, strict=True)):
        return True
    other = kept.index(False)
    before = other < b.first - a.first
    gap = b.first - a.first - other - 1 if before else other - (b.first - a.first)
    beside = gap == 0 or (
        gap == 1
        and beyond[other + 1 if before else other - 1] in coordinators
        and sum(is_rare(w) for w in b.form.words) >= KEY_WORDS
    )
    if not (any(kept) and beside and is_rare(beyond[other])):
        return False
    # the wording's own words on that side of ``b``'s, one a content word the span lacks
    wording, theirs = list(a.form.words), b.form.words
    edge = theirs[0] if before else theirs[-1]
    if edge not in wording:
        return False
    at = wording.index(edge) if before else len(wording) - 1 - wording[::-1].index(edge)
    side = wording[:at] if before else wording[at + 1 :]
    said = {t.text for t in words[a.first : a.last + 1]}
    return any(is_rare(w) and w not in said for w in side)


def holds_run(words: Sequence[object], run: Sequence[object]) -> bool:
    """Whether ``run`` stands in ``words`` as one unbroken run."""
    m = len(run)
    return any(tuple(words[i : i + m]) == tuple(run) for i in range(len(words) - m + 1))


def words_of(tokens: Sequence[Token]) -> list[str]:
    """The normalised words of ``tokens``."""
    return [t.text for t in tokens]
