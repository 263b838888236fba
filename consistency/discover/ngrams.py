"""Recurring n-grams: candidate phrases, cut where a reader would, and all their occurrences."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress, count, pairwise

import numpy as np
import numpy.typing as npt

from ..lexicon import is_finite_verb, number_word, phrase_zipf
from ..match.weights import similarity
from .corpus import (
    _ARTICLES,
    _COORDINATORS,
    _GLUE,
    _LIST,
    _LIST_ITEM_WORDS,
    _SOFT,
    _Corpus,
    _Occ,
)


def _frequent_lengths(
    corpus: _Corpus, k: int, min_dates: int
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]:
    """Where n-grams (n >= k) recur on at least ``min_dates`` dates.

    Returns two arrays over the corpus positions: the length of the longest
    recurring n-gram starting there (0 where the k-gram does not recur) and
    that n-gram's number, which is the same for equal n-grams of one length.
    Level by level (a-priori): an (n+1)-gram is only counted where both
    n-grams inside it recur, and it is numbered by the pair (number of the
    n-gram, next token id). Counting is a sort of flat integer arrays, so
    memory stays a few machine words per position whatever the corpus holds.
    """
    ids = np.frombuffer(corpus.ids, dtype=np.int32)
    room = np.frombuffer(corpus.room, dtype=np.uint16)
    pdate = np.frombuffer(corpus.pdate, dtype=np.int32)
    maxlen = np.zeros(len(ids), dtype=np.int32)
    last = np.zeros(len(ids), dtype=np.int32)
    cur = np.flatnonzero(room >= k).astype(np.int32)
    vocab = len(corpus.words)
    gram = ids[cur]
    for n in range(2, k):
        gram = _numbered(_pair(gram, vocab, ids[cur + n - 1]))[0]
    n = k
    while cur.size:
        numbers, flags = _numbered(_pair(gram, vocab, ids[cur + n - 1]), pdate[cur], min_dates)
        if n > k:
            failed = ~flags
            maxlen[cur[failed]] = n - 1
            last[cur[failed]] = gram[failed]
        keep = cur[flags]
        nkeep = numbers[flags]
        del numbers, flags
        # keep is sorted: position i + 1 was kept exactly when it follows i in keep
        nxt = room[keep] > n
        nxt[:-1] &= keep[1:] == keep[:-1] + 1
        nxt[-1:] = False
        stop = ~nxt
        maxlen[keep[stop]] = n
        last[keep[stop]] = nkeep[stop]
        cur = keep[nxt]
        gram = nkeep[nxt]
        n += 1
    return maxlen, last


def _pair(
    first: npt.NDArray[np.int32], size: int, second: npt.NDArray[np.int32]
) -> npt.NDArray[np.int64]:
    """One exact integer per pair (``first``, ``second``), ``second`` below ``size``."""
    keys = first.astype(np.int64)
    keys *= size
    keys += second
    return keys


def _numbered(
    keys: npt.NDArray[np.int64],
    dates: npt.NDArray[np.int32] | None = None,
    min_dates: int = 1,
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.bool_]]:
    """Number equal ``keys`` 0, 1, ...; with ``dates``, also whether each key's
    number occurs on at least ``min_dates`` distinct dates.

    ``dates`` never decrease along the keys, so a stable sort leaves each key's
    dates in order and distinct dates are where the date changes in a run.
    """
    order = np.argsort(keys, kind="stable")
    ranked = keys[order]
    new = np.empty(len(keys), dtype=np.bool_)
    new[:1] = True
    np.not_equal(ranked[1:], ranked[:-1], out=new[1:])
    del ranked
    numbers = np.empty(len(keys), dtype=np.int32)
    numbers[order] = np.cumsum(new, dtype=np.int32) - 1
    if dates is None or min_dates <= 1:
        return numbers, np.ones(len(keys), dtype=np.bool_)
    seen = dates[order]
    del order
    fresh = new.copy()
    np.not_equal(seen[1:], seen[:-1], out=fresh[1:])
    fresh |= new
    del seen
    if not len(keys):
        return numbers, fresh
    distinct = np.add.reduceat(fresh.astype(np.int32), np.flatnonzero(new))
    return numbers, distinct[numbers] >= min_dates


def _maximal_candidates(
    corpus: _Corpus,
    maxlen: npt.NDArray[np.int32],
    last: npt.NDArray[np.int32],
    min_dates: int,
) -> list[_Occ]:
    """One occurrence of each phrase that is maximal (stands on its own) on >= min_dates dates.

    The occurrence is the phrase's first maximal one; phrases come in the order of it.
    """
    room = np.frombuffer(corpus.room, dtype=np.uint16).astype(np.int32)
    pdate = np.frombuffer(corpus.pdate, dtype=np.int32)
    at = np.flatnonzero(maxlen)
    length = maxlen[at]
    before = np.maximum(at - 1, 0)
    inner = (at > 0) & (maxlen[before] > length) & (room[before] == room[at] + 1)
    at, length = at[~inner], length[~inner]
    if not at.size:
        return []
    numbers, flags = _numbered(_pair(last[at], int(maxlen.max()) + 1, length), pdate[at], min_dates)
    firsts = np.unique(numbers[flags], return_index=True)[1]
    starts = at[flags][firsts]
    ends = starts + length[flags][firsts]
    order = np.argsort(starts, kind="stable")
    return [_Occ(s, e) for s, e in zip(starts[order].tolist(), ends[order].tolist(), strict=True)]


@dataclass(frozen=True, slots=True)
class _Form:
    """A candidate phrase as token ids; ``coordinated``: it starts with "and"/"or"."""

    ids: tuple[int, ...]
    coordinated: bool


FRAME_WORDS = 5
"""The most words a reporting frame has, its verb included ("the Prime Minister's
spokesman said")."""

NAMED_FRAME_WORDS = 8
"""The most words a reporting frame has when those before its verb are a name or title
written with capitals (and function words): "the Prime Minister's Official Spokesperson
said"."""

TOLD_WORDS = 2
"""The most words between a reporting verb and the "that" after it that belong to the
frame: whom it was said to ("told *the House* that ...")."""

CLEFT_WORDS = 8
"""The most words a frame ending in a cleft ("is that", "is to") has, both included ("What
I can tell you here is that")."""


def _frame_cut(
    words: Sequence[str],
    lo: int,
    hi: int,
    verbs: Collection[str],
    before_that: Collection[str] = (),
    clefts: Collection[str] = (),
    stop: Collection[str] = (),
    named: Sequence[int] = (),
) -> tuple[int, int]:
    """``words[lo:hi]`` without a reporting frame: a verb that reports speech (the
    tokeniser's ``reporting_verbs``, or one of its ``saying_that`` with "that" after it:
    ``before_that``) among its first :data:`FRAME_WORDS` words
    (:data:`NAMED_FRAME_WORDS` where those before it are ``named``, written with
    capitals, or function words), with what stands before it (and the "that"), or as its
    last word; or two words of the tokeniser's ``clefts`` ("is that", "is to") among the
    first :data:`CLEFT_WORDS`, with what stands before them where that holds one word
    not in ``stop`` at most. "the PMOS said the Prime Minister had made his views very
    clear" says "the Prime Minister had made his views very clear"; "asked whether the
    PM" and "the PMS said" are who spoke, said on every page of a summary; "What I can
    say is that the rules are clear" says "the rules are clear" (review 81: four rows
    opened "say is that"), "Our job is to protect and strengthen the Affordable Care
    Act" says "protect and strengthen ..." (review 83), where "Japan's consistent
    position is that it hopes ..." is one formula."""
    if not verbs and not before_that and not clefts:
        return lo, hi
    end = min(hi, lo + FRAME_WORDS)
    while end < min(hi, lo + NAMED_FRAME_WORDS) and all(
        (j < len(named) and named[j]) or words[j] in stop for j in range(lo, end)
    ):
        # a title written with capitals is one subject however long: "the Prime
        # Minister's Official Spokesperson said that ..." (review 87: four rows)
        end += 1
    for k in range(lo, end):
        if words[k] in verbs:
            lo = k + 1
            # ... and whom it was said to: "told *journalists that*" (review 87)
            told = words[lo : min(hi, lo + TOLD_WORDS + 1)]
            if "that" in told:
                lo += told.index("that") + 1
        elif words[k] in before_that and k + 1 < hi and words[k + 1] == "that":
            lo = k + 2
    for k in range(lo, min(hi - 1, lo + CLEFT_WORDS - 1)):
        if f"{words[k]} {words[k + 1]}" in clefts:
            if sum(w not in stop for w in words[lo:k]) <= 1:
                lo = k + 2
            break
    if hi > lo and words[hi - 1] in verbs:
        hi -= 1
    return lo, hi


def _trims(corpus: _Corpus, occ: _Occ, min_words: int) -> list[tuple[_Form, bool]]:
    """The phrase of an occurrence cut where a reader would (see :func:`_trim`), and
    where that cut an enumeration comma (、) between the two items of a list, the pair
    whole too: "携手同行、久久为功" (review 72: a slogan said on 16 of 40 dates had no row,
    cut to a fragment of a carrier). The pair is a list of two where the phrase holds
    no other comma; the item alone stays a candidate, for 维护半岛和平稳定 is said alone
    as often as in "实现半岛无核化、维护半岛和平稳定" (mfa-zh), and the dates decide.
    Each with whether it is such a pair."""
    cut = _trim(corpus, occ, min_words)
    alone = [] if cut is None else [(cut, False)]
    if _LIST not in corpus.mark[occ.start + 1 : occ.end]:
        return alone
    pair = _trim(corpus, occ, min_words, pair=True)
    if pair is None or pair == cut:
        return alone
    at = _start_of(corpus, occ, pair.ids)
    marks = corpus.mark[at + 1 : at + len(pair.ids)]
    if marks.count(_LIST) != 1 or _SOFT in marks:
        return alone
    split = marks.index(_LIST) + 1
    words = corpus.words
    second = pair.ids[split:]
    if len(second) > PAIR_ITEM_WORDS:
        # ... or where a function word joins the list to what it qualifies: 开放包容、互学
        # 互鉴|的全球治理观 (review 92: the row was "互学互鉴的全球治理观")
        end = next(
            (k for k in range(split, len(pair.ids)) if words[pair.ids[k]] in corpus.stop),
            len(pair.ids),
        )
        second = pair.ids[split:end]
    # the first item as long as the second, in characters: a pair is balanced, and
    # what stands before it is the carrier's ("双方同意 | 携手同行、久久为功")
    need = sum(len(words[w]) for w in second)
    first = split
    while first > 0 and sum(len(words[w]) for w in pair.ids[first:split]) < need:
        first -= 1
    ids = pair.ids[first:]

    def size(a: int, b: int) -> int:
        # the words of an item, a compound's pieces one (跑|路 of 跑路: review 141's
        # 让数据多跑路、群众少跑腿 had no row, its first item four tokens)
        return sum(
            1
            for p in range(at + a, at + b)
            if p == at + a or not (corpus.mark[p] == _GLUE or corpus.fused(p))
        )

    if (
        not second
        or max(size(first, split), size(split, split + len(second))) > PAIR_ITEM_WORDS
        or len(ids) < min_words
        or _content([words[w] for w in ids], corpus.stop) < 2
        or words[ids[0]] in corpus.stop
    ):
        return alone
    if cut is not None and cut.ids == ids:
        return alone
    return [*alone, (_Form(ids, False), True)]


def _pair_union(
    corpus: _Corpus, occ: _Occ, pairs: list[tuple[_Form, bool]]
) -> tuple[_Form, tuple[tuple[int, ...], tuple[int, ...]]] | None:
    """The pair of :func:`_trims` (``pairs``, its output for ``occ``) with the words the
    cut kept before its first item, and the two it joins (the cut, the pair): those
    words may be the formula's own, its subject (民进党当局“倚外谋独”、“以武拒统”, review 147:
    the row was the cut, 民进党当局“倚外谋独”, the pair balanced to “倚外谋独”、“以武拒统”), or
    a carrier's (双方同意 | 携手同行、久久为功): the caller keeps it where it is said about
    as often as the pair (see :data:`JOINED_SHARE`)."""
    if len(pairs) != 2 or not pairs[1][1] or pairs[0][1]:
        return None
    cut, pair = pairs[0][0].ids, pairs[1][0].ids
    at, start = _start_of(corpus, occ, cut), _start_of(corpus, occ, pair)
    split = next((k for k in range(1, len(pair)) if corpus.mark[start + k] == _LIST), len(pair))
    if not at < start or at + len(cut) != start + split:
        return None
    return _Form(cut + pair[split:], False), (cut, pair)


PAIR_ITEM_WORDS = 3
"""The most words an item of a list of two kept whole has (see :func:`_trims`), the first
item taken as long as the second in characters: paired phrases of a few words each
(相互尊重、平等互利; 携手同行、久久为功), where longer items are clauses of their own, each
as often said alone (实现半岛无核化、维护半岛和平稳定)."""


def _clause_pairs(
    corpus: _Corpus, occ: _Occ, min_words: int
) -> list[tuple[_Form, tuple[int, ...], tuple[int, ...]]]:
    """Each two clauses of an occurrence a comma parts, whole, with the two clauses apart
    (function words off their ends): a formula of two clauses ("脱钩断链损人害己，开放合作
    互利共赢"; "dialogue must take precedence over confrontation, and cooperation must
    replace rivalry") is cut at its comma by :func:`_trim`, each half a row of a few words
    or none. The caller keeps a pair said about as often as either clause (see
    :data:`JOINED_SHARE`): clauses said apart as often are rows of their own."""
    s = occ.start
    mark = corpus.mark
    stop = corpus.stop
    words = [corpus.words[w] for w in corpus.ids[s : occ.end]]
    commas = [r for r in range(1, len(words)) if mark[s + r] == _SOFT]
    bounds = [0, *commas, len(words)]
    out: list[tuple[_Form, tuple[int, ...], tuple[int, ...]]] = []
    for a, b, c in zip(bounds, bounds[1:], bounds[2:], strict=False):
        if max(b - a, c - b) > CLAUSE_PAIR_WORDS:
            continue
        # a clause opening with "but" (the tokeniser's contrastives) is the second half of
        # a couplet however short: "Israel has the right to defend itself, *but how it
        # does so matters*", "we do not want war, *but we are not afraid of it*"
        contrast = words[b] in corpus.contrastives
        least = (CONTRAST_CONTENT, 1) if contrast else (CLAUSE_CONTENT, CLAUSE_CONTENT)
        if _content(words[a:b], stop) < least[0] or _content(words[b:c], stop) < least[1]:
            continue
        sub = _Occ(s + a, s + c)
        form = _trim(corpus, sub, min_words, joined=b - a)
        if form is None:
            continue
        cut = _start_of(corpus, sub, form.ids) - s
        if not cut < b < cut + len(form.ids):
            continue
        first_ids = _stripped(form.ids[: b - cut], corpus.words, stop)
        second_ids = _stripped(form.ids[b - cut :], corpus.words, stop)
        if contrast:
            # the contrasting clause is nothing said alone ("how it does so matters"): the
            # pair is set against its first clause only, its function words kept where
            # they are most of it ("we do not want war")
            first_ids = first_ids if len(first_ids) >= min_words else form.ids[: b - cut]
            if len(first_ids) >= min_words:
                out.append((form, first_ids, first_ids))
        elif min(len(first_ids), len(second_ids)) >= min_words:
            out.append((form, first_ids, second_ids))
    return out


def _stripped(ids: tuple[int, ...], words: Sequence[str], stop: Collection[str]) -> tuple[int, ...]:
    """``ids`` without the function words at their ends."""
    lo, hi = 0, len(ids)
    while lo < hi and words[ids[lo]] in stop:
        lo += 1
    while hi > lo and words[ids[hi - 1]] in stop:
        hi -= 1
    return ids[lo:hi]


CLAUSE_CONTENT = 3
"""The fewest content words each clause of a pair has (see :func:`_clause_pairs`): a
lead-in ("今年以来", "earlier this week") is no clause of a formula."""

CONTRAST_CONTENT = 2
"""The fewest content words the clause before a contrasting one ("..., but ...") has in a
pair (see :func:`_clause_pairs`); the contrasting clause needs one."""

CLAUSE_PAIR_WORDS = 10
"""The most words a clause of a pair has (see :func:`_clause_pairs`)."""

JOINED_SHARE = 0.75
"""The least share of either clause's dates a pair of clauses is said on to be a
candidate (see :func:`_clause_pairs`)."""

JOINED_DATES = 5
"""The fewest dates a pair of clauses is said on to be a candidate (see
:func:`_clause_pairs`): on fewer, that two clauses come together tells nothing (two
briefings a diff compares say together every clause of a sentence both say)."""


def _enumerated(corpus: _Corpus, at: int, words: Sequence[str]) -> bool:
    """Whether ``words`` open a clause (at position ``at``) with the number of an item of
    an enumeration: a number, then a function word ("*一是*推广减盐、减油、减糖行动",
    "first is ...": review 141 found a list renumbered carded as a change of wording, the
    number read as the formula's first word)."""
    return (
        len(words) == 2
        and number_word(words[0])
        and words[1] in corpus.stop
        and (at == 0 or not corpus.same_clause(at - 1, at) or corpus.mark[at] != 0)
    )


def _trim(
    corpus: _Corpus, occ: _Occ, min_words: int, *, pair: bool = False, joined: int = 0
) -> _Form | None:
    """Cut a phrase where a reader would; None if too little is left.

    A comma that does not separate the items of a list (no "and"/"or"
    follows) is a clause boundary: what stands before the first such comma
    ("Forum, the two heads of state") or after the last ("..., China will
    continue") is dropped, and so is a reporting frame (see :func:`_frame_cut`);
    a list ("a sea of peace, friendship and cooperation") is kept whole. The
    halves of a hyphenated compound are never separated, nor two single Han
    characters that make one word the segmenter did not know (see
    :meth:`_Corpus.fused`); then function words go from both ends (numbers from
    the end), except a leading article followed by a content word, a leading
    negation ("no foreign government ... has the right to interfere": cut, it
    says the opposite), with the function word before it where the corpus contracts
    the two ("do not support ...", as "don't support ..." must open), and the function
    word each item of a 、-list opens with (*为*党育人、*为*国育才); a list item's number
    goes with its function word (see :func:`_enumerated`), and so does a lead-in's noun
    before the speaker's "we" once the function word before it went (这些*年*我们...).
    """
    s = occ.start
    mark = corpus.mark
    words = [corpus.words[w] for w in corpus.ids[s : occ.end]]
    lo, hi = 0, len(words)
    commas = [r for r in range(1, hi) if mark[s + r] in (_SOFT, _LIST)]
    mirrored = 0
    if commas:
        parallel = _parallel(words, commas, corpus.stop)
        if not corpus.same_clause(s + hi - 1, s + hi):
            parallel |= _contrast(words, commas, corpus.negations, corpus.stop)
        items = {r for r in commas if mark[s + r] == _LIST} if pair else set()
        if joined:
            items.add(joined)
        fused = [r for r in range(1, hi) if corpus.fused(s + r)]
        lo, hi = _comma_cut(words, commas, corpus.stop, parallel | items, fused)
        # a clause mirroring the one before ends the phrase whole, function words and all:
        # "cooperate where we can, disagree *where we must*"
        bounds = [*commas, len(words)]
        mirrored = max((bounds[k + 1] for k, c in enumerate(commas) if c in parallel), default=0)
        mirrored = min(mirrored, hi)
    lo, hi = _quote_cut(corpus, s, lo, hi)
    lo, hi = _frame_cut(
        words,
        lo,
        hi,
        corpus.reporting,
        corpus.saying_that,
        corpus.clefts,
        corpus.stop,
        corpus.capital[s : occ.end],
    )
    opening = lo

    def paired(k: int, hi: int) -> bool:
        # a common word coordinated with a content word is a modifier like it: "a *just*
        # and lasting peace" (review 77: 30 dates, no row; cut to "lasting peace"); not a
        # word of one letter, which is grammar ("我们*将*同地区国家携手": 同 is "with")
        return (
            k + 2 < hi
            and len(words[k]) > 1
            and words[k + 1] in _COORDINATORS
            and words[k + 2] not in corpus.stop
            and mark[s + k + 1] not in (_SOFT, _LIST)
        )

    def listed(k: int, hi: int) -> bool:
        # ... and so is one a list comma parts from the content words coordinated after
        # it: "a *just*, comprehensive and lasting peace" (review 154: the row was
        # "comprehensive and lasting peace")
        return (
            k + 2 < hi
            and len(words[k]) > 1
            and mark[s + k + 1] in (_SOFT, _LIST)
            and words[k + 1] not in corpus.stop
            and _list_and(words[k + 1 : min(hi, k + 1 + _LIST_REACH)], corpus.stop)
        )

    while True:
        start = (lo, hi)
        while lo < hi and (
            (mark[s + lo] == _GLUE and corpus.same_clause(s + lo - 1, s + lo))
            or corpus.fused(s + lo)
        ):
            lo += 1
        while lo < hi and (
            (corpus.same_clause(s + hi - 1, s + hi) and mark[s + hi] == _GLUE)
            or corpus.fused(s + hi)
        ):
            hi -= 1
        while (
            hi > max(lo, mirrored)
            and (words[hi - 1] in corpus.trailing or corpus.pronoun(s + hi - 1))
            and mark[s + hi - 1] != _GLUE
            and not corpus.fused(s + hi - 1)
        ):
            hi -= 1
        while (
            lo < hi
            and (words[lo] in corpus.stop or corpus.pronoun(s + lo))
            and not (lo + 1 < hi and (mark[s + lo + 1] == _GLUE or corpus.fused(s + lo + 1)))
            and not (words[lo] in corpus.stop and paired(lo, hi))
        ):
            if (
                words[lo] in _ARTICLES
                and lo + 1 < hi
                and (words[lo + 1] not in corpus.stop or paired(lo + 1, hi) or listed(lo + 1, hi))
            ):
                break
            if words[lo] in corpus.negations:
                break
            if any(words[k] == words[lo] and mark[s + k] == _LIST for k in range(lo + 2, hi - 1)):
                # the function word every item of a parallel list opens with: "*为*党育人、
                # *为*国育才" (review 143: the row was "党育人、为国育才")
                break
            if (
                lo + 1 < hi
                and corpus.ids[s + lo + 1] in corpus.negation_ids
                and corpus.ids[s + lo] in corpus.contracted_before
            ):
                # the auxiliary the negation is contracted with elsewhere: "do not support"
                break
            if lo + 1 < hi and corpus.bound_after.get(corpus.ids[s + lo + 1]) == corpus.ids[s + lo]:
                break
            lo += 1
        if _enumerated(corpus, s + lo, words[lo : lo + 2]) and lo + 1 < hi:
            lo += 1
        elif (
            lo > opening
            and lo + 1 < hi
            and words[lo] not in corpus.stop
            and words[lo + 1] in corpus.first_person
            and words[lo - 1] in corpus.stop
            and not mark[s + lo]
        ):
            # the noun of a lead-in whose function word went, before the speaker's "we":
            # 这些*年*我们一直致力于推动... (review 141: the row and the headline opened
            # "年我们一直致力于...", "years we have ..."); the clause starts with "we"
            lo += 1
        if lo < hi and (dated := corpus.dated_end(s + lo, s + hi)):
            # the diary's time is none of the phrase: "flood defences *last week*",
            # "a phone call *on Saturday*" (reviews 146-153: rows of the top 100)
            hi -= dated
        elif lo < hi and (dated := corpus.dated_start(s + lo, s + hi)):
            # "[this] *week* to discuss accountability for ..." (review 149)
            lo += dated
        if (lo, hi) == start:
            break
    if lo < hi and words[lo] in corpus.negations:
        # a clause negated: its subject and verb of function words stand with the
        # negation ("*this is* not an era of war", review 70: the slogan was "not an era
        # of war"; "*we do* not support")
        back = lo
        while (
            back > max(opening, lo - NEGATED_CLAUSE)
            and words[back - 1] in corpus.stop
            and words[back - 1] not in _COORDINATORS
            and not mark[s + back]
        ):
            back -= 1
        lo = back
    core = words[lo:hi]
    if len(core) < min_words or _content(core, corpus.stop) < 2 or _periodic(core):
        return None
    if _ends_inside_list(corpus, s, lo, hi):
        return None
    # "and" joins the phrase to the word before it ("fully *and* effectively ..."); after a
    # function word it is no such join (但*与*群众期盼相比还有差距: "but *compared with*")
    coordinated = (
        lo > 0
        and words[lo - 1] in _COORDINATORS
        and not mark[s + lo]
        and not (lo > 1 and words[lo - 2] in corpus.stop)
    )
    if coordinated:
        lo -= 1
    return _Form(tuple(corpus.ids[s + lo : s + hi]), coordinated)


_OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u300a": "\u300b", "\u300c": "\u300d"}
"""Quotation and title marks that open a unit, and the marks that close them."""


NEGATED_CLAUSE = 2
"""The most function words before a negation that open a phrase with it (see
:func:`_trim`): a subject and its verb, "this is not", "we do not"."""


def _quote_cut(corpus: _Corpus, s: int, lo: int, hi: int) -> tuple[int, int]:
    """The span of tokens ``s + lo .. s + hi`` without a quotation cut in two: it ends
    before a quotation it opens and does not close (nor does the mark right after it),
    and starts after one it closes and did not open. 'the steady and sustained
    implementation of "one country' is 'the steady and sustained implementation of';
    a quotation whole ('the principle of "one country, two systems"') stays."""
    if hi - lo < 2:
        return lo, hi
    text = corpus.doc_of(s + lo).text
    starts, ends = corpus.starts, corpus.ends
    # a mark opened right before the span is the span's own (surface() takes it in)
    before = text[max(0, starts[s + lo] - 1) : starts[s + lo]]
    opened: list[tuple[int, str]] = [(lo, _OPENING[before])] if before in _OPENING else []
    first = lo
    for k in range(lo + 1, hi):
        gap = text[ends[s + k - 1] : starts[s + k]]
        for c in gap:
            if c == '"':
                # a straight mark before a word opens, after one closes
                c = "\u201c" if not opened or opened[-1][1] != '"' else "\u201d"
                if c == "\u201c":
                    opened.append((k, '"'))
                    continue
            if c in _OPENING:
                opened.append((k, _OPENING[c]))
            elif opened and (c == opened[-1][1] or (c == "\u201d" and opened[-1][1] == '"')):
                opened.pop()
            elif c in _OPENING.values():
                first = k
    last = hi
    if opened:
        k, closing = opened[0]
        after = text[ends[s + hi - 1] : ends[s + hi - 1] + 1]
        if not (len(opened) == 1 and after in (closing, "\u201d")) and k > lo:
            last = k
    return (first, last) if first < last else (lo, hi)


def _comma_cut(
    words: Sequence[str],
    commas: Sequence[int],
    stop: Collection[str],
    parallel: Collection[int] | None = None,
    fused: Collection[int] = (),
) -> tuple[int, int]:
    """The span of ``words`` left once heads and tails set off by non-list commas go.

    When both cuts would meet (one comma, no list), the side with more
    content words stays ("At the invitation of ... Wang Yi, Foreign Minister"); of two
    with as many, the rarer in ordinary language (see
    :func:`~consistency.lexicon.phrase_zipf`): "如同本会多次强调的，「一国两制」在台湾没有
    市场" ("as this Council has stressed many times, ...") keeps the formula, not the
    carrier (review 137).
    ``parallel``: the commas between mirrored clauses (see :func:`_parallel`), where the
    caller has them; ``fused``: see :func:`_bare_list`.
    """
    lo, hi = 0, len(words)
    if parallel is None:
        parallel = _parallel(words, commas)
    listed = _bare_list(words, commas, stop, fused) | set(parallel)
    for head in commas:
        # a list's "and" comes within an item or two of its commas ("peace, friendship and
        # cooperation"); one far on joins something else ("At present, the overall
        # situation in the border areas is stable and controllable")
        if head in listed or (
            _list_and(words[head : head + _LIST_REACH], stop)
            and not _clause_after(words, commas, head, stop)
        ):
            break
        lo = head
    for k in range(len(commas) - 1, -1, -1):
        tail = commas[k]
        if tail in listed:
            break
        rest = words[tail:hi]
        if not _COORDINATORS.isdisjoint(rest) and not (
            rest[0] in _COORDINATORS and _content(rest, stop) > 1
        ):
            break
        if rest[0] in _COORDINATORS and k > 0 and _list_item(words[commas[k - 1] : tail]):
            break
        hi = tail
    if lo < hi:
        return lo, hi
    bounds = [0, *commas, len(words)]
    pieces = list(pairwise(bounds))

    def weight(p: tuple[int, int]) -> tuple[int, float, int]:
        piece = words[p[0] : p[1]]
        rare = -phrase_zipf(w for w in piece if w not in stop)
        return _content(piece, stop), rare, -p[0]

    return max(pieces, key=weight)


def _clause_after(
    words: Sequence[str], commas: Sequence[int], head: int, stop: Collection[str]
) -> bool:
    """Whether the words after the comma at ``head``, up to the coordinator
    :func:`_list_and` found, make a clause, holding a finite verb of the function words
    (an auxiliary, a copula: "are", "will"), where those before it, from the comma before
    or the start, hold no finite verb: a topic set off, no list item ("As for the digital
    agenda, *the relevant discussions are* still ongoing and I will not anticipate their
    outcome": fresh-clone trial 184, the row was named by one topic, its ten others
    aliases). Items of one list are alike: "the talks, the visit and the agreement";
    "talks are under way, a visit is planned and ...". A verb of content words is no
    sign: 公开、透明、*负责*任的态度 is a list (a first version cut it to its last item)."""
    start = max((c for c in commas if c < head), default=0)
    if any(is_finite_verb(w) for w in words[start:head]):
        return False
    after = words[head : head + _LIST_REACH]
    end = next((k for k, w in enumerate(after) if w in _COORDINATORS), len(after))
    return any(w in stop and is_finite_verb(w) for w in after[:end])


_LIST_REACH = _LIST_ITEM_WORDS + 1
"""Words after a comma within which a list's coordinator stands (see :func:`_comma_cut`)."""


def _list_and(after: Sequence[str], stop: Collection[str]) -> bool:
    """Whether the words after a comma hold the coordinator of a list: right after the
    comma (", and cooperation"), or after an item, which has a content word ("peace,
    *friendship* and cooperation"). A coordinator after function words alone joins no
    item: 但*与*群众期盼相比还有差距 is "but *compared with* ..." (review 143: a clause
    said on 27 dates after a different clause each time was a row per clause before it,
    "工作机制，但与群众期盼相比还有差距", and the gate read the word before the comma as the
    formula's, `{-办法-}{+服务+}，但与...`). A common word of more than one letter
    coordinated with a content word is a modifier like it, an item: "a fair, *just* and
    non-discriminatory ..." (as in :func:`_trim`)."""
    for k, word in enumerate(after):
        if word in _COORDINATORS:
            modifier = (
                k > 0 and len(after[k - 1]) > 1 and k + 1 < len(after) and after[k + 1] not in stop
            )
            return k == 0 or modifier or any(w not in stop for w in after[:k])
    return False


BARE_ITEM_WORDS = 2
"""The most words an item of a list without "and" has (see :func:`_bare_list`)."""


PARALLEL_END = 3
"""The last words of two clauses that mirror each other by their ends (see :func:`_parallel`)."""

PARALLEL_SHARED = 2
"""Words two clauses parted by a comma must share, in the same places, to mirror each
other (see :func:`_parallel`)."""


def _parallel(words: Sequence[str], commas: Sequence[int], stop: Collection[str] = ()) -> set[int]:
    """The commas between two clauses that mirror each other: the clause after the comma has,
    in :data:`PARALLEL_SHARED` places or more and in at least half the places of the shorter
    of the two, the word that stands in the same place of the clause before the comma, read
    from where they agree best (the clause before may open with a lead-in, or be a word
    shorter: "strong *where it* matters, lean *where it* can be", review 74; "cooperate
    *where we* can, disagree *where we* must"), or :data:`PARALLEL_SHARED` of the last
    :data:`PARALLEL_END` places read from their ends ("open to partners *where we* can, and
    protective of our interests *where we* must", review 115). One slogan in two halves, not
    a clause set off: cut there, the slogan said on 25 of 40 dates had no row (review 68)."""
    out: set[int] = set()
    bounds = [*commas, len(words)]
    for k, comma in enumerate(commas):
        after = words[comma : bounds[k + 1]]
        if after and after[0] in _COORDINATORS:
            # the clause after may open with its coordinator: "terrorism and talks cannot
            # go together, *and* blood and water cannot flow together" (review 110: the
            # row was its first half)
            after = after[1:]
        start = commas[k - 1] if k else 0
        # the clause before may be a word shorter or open with a lead-in: "strong *where
        # it* matters, lean *where it* can be" (review 74: the slogan was its first half)
        best = max(
            (
                (sum(a == b for a, b in zip(words[at:comma], after, strict=False)), at)
                for at in range(start, comma - len(after) + 2)
                if comma - at >= len(after) - 1
            ),
            default=(0, comma),
        )
        same, at = best
        mirrored = same >= PARALLEL_SHARED and 2 * same >= min(len(after), comma - at)
        # ... or they end alike, the same words in the same places from their ends:
        # "open to partners *where we* can, and protective of our interests *where we* must"
        ends = zip(reversed(words[start:comma]), reversed(after), range(PARALLEL_END), strict=False)
        mirrored = mirrored or sum(a == b for a, b, _ in ends) >= PARALLEL_SHARED
        # (a couplet's first half may open with a lead-in too: "臺灣 | 堅守現狀不挑釁")
        lead_in = max(start, comma - len(after))
        if mirrored or (stop and _couplet(words[lead_in:comma], after, stop)):
            out.add(comma)
    return out


def _couplet(before: Sequence[str], after: Sequence[str], stop: Collection[str]) -> bool:
    """Whether two clauses are a couplet: as many words, as many characters, and the
    function words (``stop``), one at least, in the same places, the content words all
    others ("堅守現狀*不*挑釁，捍衛主權*不*退讓", "hold the status quo *without*
    provocation, defend sovereignty *without* retreat": review 111, the slogan was its
    first half)."""
    if len(before) != len(after) or len(before) < 3:
        return False
    if sum(map(len, before)) != sum(map(len, after)):
        return False
    light = [w in stop for w in before]
    return (
        any(light)
        and light == [w in stop for w in after]
        and all(a == b for a, b, f in zip(before, after, light, strict=True) if f)
        and not any(a == b for a, b, f in zip(before, after, light, strict=True) if not f)
    )


def _contrast(
    words: Sequence[str], commas: Sequence[int], negations: Collection[str], stop: Collection[str]
) -> set[int]:
    """The last comma, where it sets off a short contrast opening with a negation (a
    function word may stand before it) that ends the clause (the caller knows the words
    end theirs): "de-risking*, not decoupling*" (review 81: 40 dates, cut to "de-risking"
    in four carriers), 不屈服*，也不挑釁* (review 78). One formula in two halves, as a
    mirrored clause is (see :func:`_parallel`), not a clause set off; a contrast the
    sentence goes on from opens a clause ("..., 不...", mfa-zh)."""
    after = words[commas[-1] :]
    lead = 1 if len(after) > 2 and after[0] in stop and after[1] in negations else 0
    if (
        len(after) > lead
        and after[lead] in negations
        and len(after) <= CONTRAST_WORDS
        and _content(after, stop) >= 1
    ):
        return {commas[-1]}
    return set()


CONTRAST_WORDS = 4
"""The most words of a contrast set off by a comma that :func:`_contrast` keeps with the
phrase before it ("not decoupling", 也不挑釁): a longer clause is one of its own."""


def _bare_list(
    words: Sequence[str],
    commas: Sequence[int],
    stop: Collection[str],
    fused: Collection[int] = (),
) -> set[int]:
    """The commas that part the items of a list with no coordinator: those around an item
    of one or two content words (公开、*透明*、负责任的态度; 维护国家主权、*安全*、发展利益), which
    no clause is. Cut there, "中方始终本着公开" stood for "中方始终本着公开、透明、负责任的态度".
    ``fused``: the positions of words one with the word before them (see
    :meth:`_Corpus.fused`): 路常通 is one word the segmenter did not know, not three
    (review 72: "门常开，路常通，心相连" was discovered as "路常通，心相连")."""
    listed: set[int] = set()
    for a, b in pairwise(commas):
        item = words[a:b]
        size = len(item) - sum(1 for r in range(a + 1, b) if r in fused)
        if 0 < size <= BARE_ITEM_WORDS and not any(w in stop for w in item):
            listed.update((a, b))
    return listed


def _ends_inside_list(corpus: _Corpus, s: int, lo: int, hi: int) -> bool:
    """Whether the phrase at ``s + lo .. s + hi`` ends on a short item after a list comma
    while the list goes on there with a coordinator or an enumeration comma: "build a
    safe, orderly" of "build a safe, orderly and humane immigration system",
    维护国家主权、安全 of 维护国家主权、安全和发展利益, 拓展农业、渔业、林业 of
    拓展农业、渔业、林业、牧业合作 (review 72: an alias). What the briefings share there is
    a list cut before its last item, which no reader would quote."""
    mark = corpus.mark
    last = next((r for r in range(hi - 1, lo, -1) if mark[s + r] in (_SOFT, _LIST)), None)
    if last is None or hi - last > BARE_ITEM_WORDS:
        return False
    after = s + hi
    if corpus.same_clause(after - 1, after) and mark[after] == _LIST:
        return True
    if not corpus.joinable(after - 1, after):
        return False
    word = corpus.words[corpus.ids[after]]
    # ... or its one-word last item goes on to the noun it qualifies: 拓展农业、渔业、林业
    # of 拓展农业、渔业、林业合作 (review 72: the alias of a point)
    return word in _COORDINATORS or (hi - last == 1 and word not in corpus.stop)


def _list_item(words: Sequence[str]) -> bool:
    """Whether ``words`` (between two commas) reads as an item of a serial list.

    "..., disagree where we must, and engage ..." is the last item of a
    list, not a new clause, when the item before it is short and joins
    nothing itself.
    """
    return 0 < len(words) <= _LIST_ITEM_WORDS and _COORDINATORS.isdisjoint(words)


def _periodic(words: Sequence[str]) -> bool:
    """Whether ``words`` are one shorter unit said twice or more ("x y x y", "x x x").

    Such a phrase is a stutter or a filler line repeated, not a formulation.
    """
    n = len(words)
    return any(words[p:] == words[: n - p] for p in range(1, n // 2 + 1))


def _content(words: Iterable[str], stop: Collection[str]) -> int:
    return sum(w not in stop for w in words)


def _rich_content(words: Sequence[str], stop: Collection[str]) -> int:
    """Content words, a common word of more than one letter coordinated with one among
    them: "a *just* and lasting peace" has three (review 77: a formula said on 30 dates,
    in four carrier rows and no row of its own, for it had two, too few to be said in
    carriers)."""
    paired = sum(
        1
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
        if a in stop and len(a) > 1 and b in _COORDINATORS and c not in stop
    )
    return _content(words, stop) + paired


def _start_of(corpus: _Corpus, occ: _Occ, ids: tuple[int, ...]) -> int:
    """Where the trimmed form ``ids`` of the occurrence ``occ`` starts (see :func:`_trim`,
    which may take in one word before it)."""
    n = len(ids)
    for at in range(max(0, occ.start - 1), occ.end - n + 1):
        if tuple(corpus.ids[at : at + n]) == ids:
            return at
    raise AssertionError("a trimmed form lies in its occurrence")


CORE_SHARE = 1.5
"""A phrase shared by several candidates stands on its own when it is found on more than
this many times the dates of the most frequent of them (see :func:`_shared_cores`); the
same share as a shorter wording that folds into a longer one
(:func:`~consistency.discover.families._merge_nested`)."""


CORE_FRAMES = 2
"""How many frames a phrase must be said in, each in its own words, to stand on its own
(see :func:`_shared_cores`)."""

RICH_CORE = 3
"""Content words a phrase needs before frames of any length count for it (see
:func:`_shared_cores`); a shorter one stands in longer sentences as a fragment of them."""


def _shared_cores(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    min_words: int,
    names: Collection[int] = (),
) -> dict[tuple[int, ...], tuple[_Form, list[list[tuple[int, ...]]]]]:
    """Phrases that end several candidates and are none: a formula said only in frames that
    recur, each its own candidate ("Let me underline *our ironclad commitment to the defense
    of Japan*", "Nothing about this changes *our ironclad commitment ...*", a review: five
    rows of one formula, and no row of it). ``placed``: each candidate's token ids and where
    one of its occurrences starts. Each shared end, the longest that the same candidates
    share, cut as a candidate is (:func:`_trim`), with its frames (the candidates it came
    from, those of one frame in its inflections together); whether it stands on its own is
    for its dates to say (:data:`CORE_SHARE`). A frame is named by the word before the
    phrase, and before a function word by the nearest content word too (see
    :func:`_frame_word`). Only frames that fold into the phrase once it is a point count: at
    most twice its length (any length for a phrase of :data:`RICH_CORE` content words, said
    in carrier sentences: "visit is an important opportunity to advance our shared vision of
    *a free and open Indo-Pacific*", review 65), and naming nothing it does not (``names``:
    the ids of names; but a phrase of :data:`NAMED_APART` content words said after two names
    or more, each a word from it, and after a subject naming nothing is the subjects' to
    say: "the UK remained / the Prime Minister was / the government was *committed to a
    two-state solution as the only route to lasting peace*", review 108, three rows and none
    of the formula). Such a phrase of :data:`RICH_CORE` content words and more than the
    fewest words has for frames the candidates that hold it before a function word of theirs
    too ("want *a rules-based order where sovereignty is respected* and disputes resolved":
    review 68). "Hong Kong affairs are purely China's internal affairs" is a formula of its
    own, no frame of "China's internal affairs", which would stand beside it. A shared
    beginning is no formula: where frames part, an object or a list is cut short ("provide a
    fair, just and non-discriminatory" of "... business environment for Chinese companies",
    tried on MFA); the frame, a verb that introduces the formula, stands before it."""
    ends: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    heads: dict[tuple[int, ...], list[tuple[tuple[int, ...], int]]] = {}
    for ids in placed:
        for k in range(min_words, len(ids) + 1):
            ends.setdefault(ids[-k:], []).append(ids)
        for i in range(len(ids) - min_words):
            heads.setdefault(ids[i : i + min_words], []).append((ids, i))
    words = corpus.words
    cores: dict[tuple[int, ...], tuple[_Form, list[list[tuple[int, ...]]]]] = {}
    for part, holders in ends.items():
        if len(holders) < 2 or part in placed:
            continue
        k = len(part)
        longer = {h[-(k + 1) :] for h in holders}
        if any(len(ends.get(x, ())) == len(holders) for x in longer):
            continue  # the same candidates share more of it
        before = [_frame_word(words, h, len(h) - k, corpus.stop) for h in holders]
        holder = holders[0]
        at = placed[holder] + len(holder) - k
        # a list of two at the shared end is kept whole ("携手同行、久久为功": review 72)
        form = next((f for f, _ in reversed(_trims(corpus, _Occ(at, at + k), min_words))), None)
        if form is None or form.ids in placed:
            continue
        own = set(form.ids)
        # a frame at most twice the phrase's length folds into it once it is a point; a
        # longer one is a carrier, and only a phrase of RICH_CORE content words is said in
        # carriers ("a free and open Indo-Pacific" in four: review 65)
        rich = _rich_content([words[i] for i in form.ids], corpus.stop) >= RICH_CORE
        frames: list[tuple[str, list[tuple[int, ...]]]] = []
        inner_at: list[int] = []
        if rich and len(form.ids) > min_words:
            # a rich phrase is said inside carriers too, before a function word of theirs:
            # "want *a rules-based order where sovereignty is respected* and disputes
            # resolved" (review 68: four carriers, four rows, none of the formula); before
            # a content word it may be cut short ("mutual benefit and win-win *results*",
            # MFA); a phrase of the fewest words is as often a piece of a longer name
            # there ("all-weather *strategic cooperative partners* and iron-clad friends")
            inner = _held_inside(corpus, placed, heads, part, form.ids, min_words)
            # ... but where carriers go on the same way, to their next content word,
            # more often than carriers end on it, those words are the phrase's own:
            # "本着公开、透明、负责任*的态度*" ("in an open, transparent and responsible
            # manner", mfa-zh) is cut short; "... interests *of our* citizens / companies"
            ways = Counter(_to_content(words, h, i + k, corpus.stop) for h, i in inner)
            if ways and max(ways.values()) > len(holders):
                inner = []
            holders = [*holders, *(h for h, _ in inner)]
            inner_at = [i for _, i in inner]
            before = [*before, *(_frame_word(words, h, i, corpus.stop) for h, i in inner)]
        apart = _rich_content([words[i] for i in form.ids], corpus.stop) >= NAMED_APART
        kept: list[tuple[tuple[int, ...], int]] = []
        subjects: list[tuple[str, tuple[int, ...], frozenset[int]]] = []
        for h, word, at_ in zip(holders, before, _places(holders, k, inner_at), strict=True):
            if not rich and 2 * len(form.ids) < len(h):
                continue
            kept.append((h, at_))
            near = _next_to(h, form.ids, apart, _set_off(corpus, placed, h, form.ids))
            named = frozenset(
                h[i]
                for i in near
                if h[i] in names and h[i] not in own and corpus.written_as_name(placed[h] + i)
            )
            if not named:
                _add_frame(frames, word, h)
            elif apart and h[near[-1]] not in named:
                # a subject a word from the phrase: "the UK remained ..."
                subjects.append((word, h, named))
        if frames and len({n for _, _, n in subjects}) >= CORE_FRAMES:
            for word, h, _ in subjects:
                _add_frame(frames, word, h)
        if len(frames) >= CORE_FRAMES:
            cores.setdefault(form.ids, (form, []))[1].extend(f[1] for f in frames)
        elif rich and len(kept) >= CORE_FRAMES:
            said = _framed_alike(corpus, placed, kept, k, min_words, names)
            if said is not None:
                cores.setdefault(said[0].ids, (said[0], []))[1].extend(said[1])
    for form, opened in _clause_openings(corpus, placed, min_words):
        cores.setdefault(form.ids, (form, []))[1].extend(opened)
    return cores


def _held_inside(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    heads: dict[tuple[int, ...], list[tuple[tuple[int, ...], int]]],
    part: tuple[int, ...],
    form: tuple[int, ...],
    min_words: int,
) -> list[tuple[tuple[int, ...], int]]:
    """The candidates that hold the shared end ``part``, or its trimmed ``form``, inside,
    with where ``part`` would start in each: before a function word of theirs, or before a
    comma ("Russia remains *open to an honest and mutually respectful dialogue with all our
    neighbours*, provided, of course", review 120: a carrier row, the formula's 41 dates
    in two rows of carriers)."""
    words, stop, mark = corpus.words, corpus.stop, corpus.mark
    k, n = len(part), len(form)
    off = next((j for j in range(k - n + 1) if part[j : j + n] == form), None)
    out: list[tuple[tuple[int, ...], int]] = []
    for h, i in heads.get(part[:min_words], ()):
        if h[i : i + k] == part and i + k < len(h) and words[h[i + k]] in stop:
            out.append((h, i))
    if off is None or len(form) < min_words:
        return out
    seen = {h for h, _ in out}
    for h, i in heads.get(form[:min_words], ()):
        end = i + n
        if (
            h not in seen
            and h[i:end] == form
            and end < len(h)
            and mark[placed[h] + end] == _SOFT
            and i >= off
        ):
            seen.add(h)
            out.append((h, i - off))
    return out


def _clause_openings(
    corpus: _Corpus, placed: dict[tuple[int, ...], int], min_words: int
) -> list[tuple[_Form, list[list[tuple[int, ...]]]]]:
    """Phrases that open several candidates and end a clause in each: a formula said
    before clauses of its own ("*中国军队愿同各国军队加强交流、深化互信、拓展合作*，
    共同维护地区和平稳定", "...，为构建和平安宁的世界贡献力量": review 116, a row per carrier
    and none of the formula). Where candidates part on a comma, nothing is cut short
    (where they part inside a clause an object or a list may be: see
    :func:`_shared_cores`). A phrase of :data:`RICH_CORE` content words, each candidate
    going on in its own words a frame of it."""
    starts: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    mark = corpus.mark
    for ids in placed:
        at = placed[ids]
        for k in range(min_words, len(ids)):
            if mark[at + k] == _SOFT:
                starts.setdefault(ids[:k], []).append(ids)
    out: list[tuple[_Form, list[list[tuple[int, ...]]]]] = []
    words, stop = corpus.words, corpus.stop
    for part, holders in starts.items():
        if part in placed:
            continue
        frames: dict[int, list[tuple[int, ...]]] = {}
        for h in holders:
            frames.setdefault(h[len(part)], []).append(h)
        if len(frames) < CORE_FRAMES:
            continue
        at = placed[holders[0]]
        form = _trim(corpus, _Occ(at, at + len(part)), min_words)
        if (
            form is None
            or form.ids in placed
            or _rich_content([words[w] for w in form.ids], stop) < RICH_CORE
        ):
            continue
        out.append((form, list(frames.values())))
    return out


def _add_frame(
    frames: list[tuple[str, list[tuple[int, ...]]]], word: str, holder: tuple[int, ...]
) -> None:
    """Count ``holder`` in the frame ``word`` names, one frame in its inflections
    ("interferes in", "interfering in", ...)."""
    frame = next((f for f in frames if f[0] == word or similarity(f[0], word)), None)
    if frame is None:
        frames.append((word, [holder]))
    else:
        frame[1].append(holder)


def _places(holders: Sequence[tuple[int, ...]], k: int, inner_at: Sequence[int]) -> list[int]:
    """Where a shared phrase of ``k`` words stands in each of ``holders``: at the end of
    those it ends, then at ``inner_at`` in those that hold it inside."""
    ending = len(holders) - len(inner_at)
    return [len(h) - k for h in holders[:ending]] + list(inner_at)


def _framed_alike(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    kept: Sequence[tuple[tuple[int, ...], int]],
    k: int,
    min_words: int,
    names: Collection[int],
) -> tuple[_Form, list[list[tuple[int, ...]]]] | None:
    """A rich phrase that carriers say each after the same words, up to their nearest
    content word, and that is said in frames of its own once those words are its own:
    "..., Japan will *F*." / "*Japan will F*, while ..." / "... stressed that Japan would
    *F*" are one frame of F, "Japan will" (review 107: three carrier rows and none of F,
    said on 39 dates), and "Japan will F" is said after "war" and at a carrier's start:
    two frames. The longer phrase, with its frames (``kept``: the holders with where the
    phrase of ``k`` words stands in each; ``names``: the ids of names), or None."""
    words, stop = corpus.words, corpus.stop
    leads: dict[tuple[int, ...], list[tuple[tuple[int, ...], int]]] = {}
    for h, at in kept:
        j = at - 1
        while j >= 0 and words[h[j]] in stop:
            j -= 1
        # (the two words before those naming no other party: a name right before the
        # longer phrase would make it that party's, see _next_to)
        if j >= 0 and not any(w in names for w in h[max(0, j - 2) : j]):
            leads.setdefault(h[j:at], []).append((h, j))
    for _, holders in sorted(leads.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(holders) < CORE_FRAMES:
            break
        frames: dict[str, list[tuple[int, ...]]] = {}
        for h, j in holders:
            frames.setdefault(_frame_word(words, h, j, stop), []).append(h)
        if len(frames) < CORE_FRAMES:
            continue
        h, j = holders[0]
        at = next(x for y, x in kept if y is h)
        start, end = placed[h] + j, placed[h] + at + k
        form = next((f for f, _ in reversed(_trims(corpus, _Occ(start, end), min_words))), None)
        if form is None or form.ids in placed:
            continue
        return form, list(frames.values())
    return None


NAMED_APART = 5
"""Content words of a phrase that a carrier naming a thing well before it still frames
(see :func:`_next_to`)."""


def _core_at(holder: tuple[int, ...], core: tuple[int, ...]) -> int:
    """Where ``core`` stands in ``holder``, the last place it does (its length if none)."""
    return next(
        (i for i in range(len(holder) - len(core), -1, -1) if holder[i : i + len(core)] == core),
        len(holder),
    )


def _set_off(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    holder: tuple[int, ...],
    core: tuple[int, ...],
) -> bool:
    """Whether ``core`` stands right after a comma in ``holder`` (where it is placed)."""
    at = _core_at(holder, core)
    return 0 < at < len(holder) and corpus.mark[placed[holder] + at] == _SOFT


def _next_to(
    holder: tuple[int, ...], core: tuple[int, ...], apart: bool, set_off: bool = False
) -> range:
    """Where the words of ``holder`` stand that a name among would make ``core`` said of
    another thing: all of them, or for a core of :data:`NAMED_APART` content words (``apart``),
    the two right before where it stands (the frame's own subject, far before it, is the
    carrier's: "Any arrangement north of the *Litani* has to include a phased return of
    displaced families under international monitoring", review 98), none where a comma
    sets it off (``set_off``: "an end to the occupation and two *States*, Israel and
    Palestine living side by side in peace and security", review 101, UN house style
    capitalising "States"). A shorter core said after a name is as often that name's
    ("urge the *US* to abide by the one-China principle": MFA's rows sharing a wording
    went from 11 to 14 when any rich core was)."""
    if not apart:
        return range(len(holder))
    if set_off:
        return range(0)
    at = _core_at(holder, core)
    return range(max(0, at - 2), at)


MIDDLE_FRAMES = 3
"""How many frames, each with its own words before and after, a phrase said inside them
needs (see :func:`_shared_middles`)."""


def _shared_middles(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    min_words: int,
) -> dict[tuple[int, ...], tuple[_Form, list[list[tuple[int, ...]]]]]:
    """Phrases of :data:`RICH_CORE` content words said inside candidates that part on
    both sides: a formula whose carrier sentences go on each its own way after it, so that
    it ends none of them ("reaffirm our *unwavering support for the sovereignty and
    territorial integrity* of Ukraine", "visit is a sign of our *...* of Georgia", review
    81: four rows, none of the formula). The words :data:`MIDDLE_FRAMES` candidates or
    more share around a common run of ``min_words``, as far as all of them agree, each
    going on with a function word ("of", "between", "in": shared or not), cut as a
    candidate is; with the candidates as frames, named as :func:`_shared_cores` names
    them. Where the candidates part on one side, those that go on alike are read on (see
    :func:`_agreeing`): a formula said in two wordings ("the crimes *of* / *committed by*
    the Zionist regime in Gaza and the West Bank", review 146: four carrier rows, none
    of it). Whether it stands on its own is for its dates to say (:data:`CORE_SHARE`). A
    phrase that is a core already keeps its frames: more of them would cost it its row
    (MFA: "the Five Principles of Peaceful Coexistence")."""
    words, stop = corpus.words, corpus.stop
    grams: dict[tuple[int, ...], dict[tuple[int, ...], int]] = {}
    for ids in placed:
        for i in range(1, len(ids) - min_words):
            grams.setdefault(ids[i : i + min_words], {}).setdefault(ids, i)
    opening: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    ending: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for ids in placed:
        opening.setdefault(ids[:min_words], []).append(ids)
        ending.setdefault(ids[-min_words:], []).append(ids)
    out: dict[tuple[int, ...], tuple[_Form, list[list[tuple[int, ...]]]]] = {}
    seen: set[tuple[tuple[int, ...] | int, ...]] = set()
    for gram, where in grams.items():
        if len(where) < MIDDLE_FRAMES or all(words[w] in stop for w in gram):
            continue
        for holders, at, lo, hi in _agreeing(sorted(where.items()), min_words, seen):
            framed = [_frame_word(words, h, a - lo, stop) for h, a in zip(holders, at, strict=True)]
            start = placed[holders[0]] + at[0] - lo
            form = _trim(corpus, _Occ(start, start + lo + hi), min_words)
            if (
                form is None
                or form.ids in placed
                or _rich_content([words[w] for w in form.ids], stop) < RICH_CORE
            ):
                continue
            frames: dict[str, list[tuple[int, ...]]] = {}
            for h, frame in zip(holders, framed, strict=True):
                frames.setdefault(frame, []).append(h)
            if (
                CORE_FRAMES <= len(frames) < MIDDLE_FRAMES
                and len(form.ids) > min_words
                and _one_clause(
                    corpus, _start_of(corpus, _Occ(start, start + lo + hi), form.ids), form.ids
                )
            ):
                # (a phrase of the fewest words is as often a piece of a longer name at a
                # candidate's edge: "comprehensive *strategic cooperative partners*", MFA)
                edges = _edge_holders(
                    words, stop, corpus.openers, form.ids, opening, ending, min_words
                )
                for h, frame in edges:
                    if h not in holders:
                        frames.setdefault(frame, []).append(h)
            # the carriers that go on with a content word, counted by frame: one carrier
            # read on in several candidates ("Japan lodged *...* concerning the vessel",
            # "... from Kenya", "... from Morocco") is one (a fresh-clone trial: the
            # formula, said in four frames, had no row)
            going_on = {
                (h[a + hi], frame)
                for h, a, frame in zip(holders, at, framed, strict=True)
                if words[h[a + hi]] not in stop
            }
            alike = Counter(word for word, _ in going_on)
            if words[holders[0][at[0] + hi - 1]] not in stop and (
                2 * len({frame for _, frame in going_on}) >= len(frames)
                or max(alike.values(), default=0) > 1
            ):
                # the carriers go on with words of the phrase's own kind: where they part
                # is no phrase's end ("the five principles of peaceful | co-existence",
                # 本着公开、透明、负责任 | 态度); one going on so alone is its own clause
                # ("the world is watching *...* live on television" beside "... is
                # shameful", "... with the Secretary-General": review 146)
                continue
            if len(frames) >= MIDDLE_FRAMES:
                out.setdefault(form.ids, (form, []))[1].extend(frames.values())
    return out


def _one_clause(corpus: _Corpus, at: int, ids: tuple[int, ...]) -> bool:
    """Whether the phrase ``ids`` at ``at`` holds no comma: a phrase of two clauses at a
    candidate's edge is as often two formulas said together ("武器装备更新换代，不是针对任何
    特定国家和目标", review 164: one row took the rows of both)."""
    return not any(corpus.mark[at + k] in (_SOFT, _LIST) for k in range(1, len(ids)))


def _edge_holders(
    words: Sequence[str],
    stop: Collection[str],
    openers: Collection[int],
    phrase: tuple[int, ...],
    opening: Mapping[tuple[int, ...], Sequence[tuple[int, ...]]],
    ending: Mapping[tuple[int, ...], Sequence[tuple[int, ...]]],
    min_words: int,
) -> list[tuple[tuple[int, ...], str]]:
    """The candidates that open with ``phrase`` and go on with a function word that leads
    what follows (``openers``: one that opens clauses, see :attr:`_Corpus.openers`; no
    coordinator), or end with it, each with the frame it names (see :func:`_frame_word`;
    "" for an opening): the same phrase's frames where a candidate's edge is its edge
    (``opening``, ``ending``: the candidates by their first and last ``min_words``
    words). A fresh-clone
    trial: "registered a firm objection through diplomatic channels" said inside two
    frames, at the end of a third ("The foreign secretary ...") and at the start of a
    fourth ("... over the incident and are waiting for answers"), had its row on 8 draws
    of 15; the inner frames alone were too few."""
    n = len(phrase)
    found: list[tuple[tuple[int, ...], str]] = []
    for h in opening.get(phrase[:min_words], ()):
        # (not a list's first items, "美方摒弃冷战思维*和*零和博弈...", nor a modifier of
        # what follows, "“阿人主导、阿人所有”*的*和平和解进程": mfa-zh)
        if len(h) > n and h[:n] == phrase and h[n] in openers and words[h[n]] not in _COORDINATORS:
            found.append((h, ""))
    for h in ending.get(phrase[-min_words:], ()):
        if len(h) > n and h[-n:] == phrase:
            found.append((h, _frame_word(words, h, len(h) - n, stop)))
    return found


def _agreeing(
    where: list[tuple[tuple[int, ...], int]],
    lo: int,
    seen: set[tuple[tuple[int, ...] | int, ...]],
    hi: int = 0,
) -> Iterator[tuple[list[tuple[int, ...]], list[int], int, int]]:
    """The runs candidates ``where`` (each with the place of a shared run in it, ``hi``
    words long; ``lo`` words long at the first call) say alike around that run, read
    outward as far as all agree: each run's holders, the run's places in them, and its
    words before and after those places. A holder the run reaches the start or end of
    leaves the others to read on (a shared beginning or end is :func:`_shared_cores`'s,
    :func:`_name_slots`'s); where the rest part, the :data:`MIDDLE_FRAMES` or more that
    go on with one word are read on apart. ``seen``: the runs read already, with their
    holders."""
    if hi == 0:
        lo, hi = 0, lo
    if len(where) < MIDDLE_FRAMES:
        return
    while True:
        if any(a - lo == 0 or a + hi == len(h) for h, a in where):
            inner = [(h, a) for h, a in where if a - lo > 0 and a + hi < len(h)]
            yield from _agreeing(inner, lo, seen, hi)
            return
        before = {h[a - lo - 1] for h, a in where}
        if len(before) == 1:
            lo += 1
            continue
        after = {h[a + hi] for h, a in where}
        if len(after) == 1:
            hi += 1
            continue
        break
    holders = [h for h, _ in where]
    at = [a for _, a in where]
    key: tuple[tuple[int, ...] | int, ...] = (*holders, at[0] - lo, at[0] + hi)
    if key in seen:
        return
    seen.add(key)
    yield holders, at, lo, hi
    for side, parted in ((-1, before), (1, after)):
        for word in sorted(parted):
            alike = [(h, a) for h, a in where if h[a - lo - 1 if side < 0 else a + hi] == word]
            if len(alike) < len(where):
                yield from _agreeing(alike, lo, seen, hi)


SLOT_FILLERS = 4
"""How many different names must fill the slot after a shared beginning for it to be a
template (see :func:`_name_slots`); two or three are as often a longer name cut short
("the establishment of diplomatic relations between China and ..." Panama, Russia, El
Salvador: MFA)."""


def _name_slots(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    min_words: int,
    names: Collection[int],
) -> list[tuple[_Form, list[list[tuple[int, ...]]]]]:
    """Shared beginnings that candidates go on from with a name alone: a template with a
    slot for a place or a party ("issued an advisory for Indian nationals travelling to
    *Kenya* / *Sri Lanka* / *Bangladesh*": review 70, twelve rows of one line). Each
    candidate is a frame of its own. The slot opens with a function word ("to", "in"),
    holds names and function words only, and takes :data:`SLOT_FILLERS` names or more;
    the shared words end on no name and hold :data:`RICH_CORE` content words that are
    none ("meeting with President *Putin*", "willing to work with *India*" are pieces
    of sentences, no templates). Where what follows the shared words holds a content
    word that is no name, the candidates part on an object, and the shared beginning
    is no formula (see :func:`_shared_cores`); each one found stands on its own as a
    shared end does, by its dates (:data:`CORE_SHARE`)."""
    if not names:
        return []
    words, stop = corpus.words, corpus.stop
    starts: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for ids in placed:
        for k in range(min_words, len(ids)):
            starts.setdefault(ids[:k], []).append(ids)
    out: list[tuple[_Form, list[list[tuple[int, ...]]]]] = []
    for part, holders in starts.items():
        if len(holders) < CORE_FRAMES:
            continue
        k = len(part)
        if len({h[k] for h in holders}) < CORE_FRAMES:
            continue  # the same candidates share more of it
        while k > min_words and words[part[k - 1]] in stop:
            k -= 1  # the slot's own function words: "travelling | to Kenya"
        rests = {h[k:] for h in holders}
        if len(rests) < SLOT_FILLERS or not all(
            words[rest[0]] in stop
            and any(w in names for w in rest)
            and all(w in names or words[w] in stop for w in rest)
            for rest in rests
        ):
            continue
        at = placed[holders[0]]
        form = _trim(corpus, _Occ(at, at + k), min_words)
        if (
            form is None
            or form.ids[0] != part[0]
            or form.ids[-1] in names
            or _content([words[w] for w in form.ids if w not in names], stop) < RICH_CORE
        ):
            continue
        out.append((form, [[h] for h in holders]))
    out += _name_gaps(corpus, placed, min_words, names)
    return out


def _name_gaps(
    corpus: _Corpus,
    placed: dict[tuple[int, ...], int],
    min_words: int,
    names: Collection[int],
) -> list[tuple[_Form, list[list[tuple[int, ...]]]]]:
    """Candidates alike but for a name inside them, :data:`SLOT_FILLERS` names or more in
    that place: a template with a slot before words they share ("A delegation from
    *France* / *Kenya* / ... called on the Foreign Secretary and discussed trade and
    connectivity projects", "The Joint Commission Meeting between India and *Mauritius*
    will be held in New Delhi next month": review 70, a row per country). The template
    is the side of the slot with more content words that are no names (the side before
    it on a tie), cut as a candidate is, with :data:`RICH_CORE` of them. The slot stands
    after a function word and a content word that is no name ("a *delegation* from"):
    a name that opens a phrase, or stands after an article alone, is as often a party to
    a formula of its own ("the China-*Iran* comprehensive strategic partnership", MFA,
    where "comprehensive strategic partnership" ranked as a template then joined
    "comprehensive strategic cooperative partnership", another formula)."""
    words, stop = corpus.words, corpus.stop
    gaps: dict[tuple[tuple[int, ...], tuple[int, ...]], list[tuple[int, ...]]] = {}
    for ids in placed:
        k = 0
        while k < len(ids):
            if ids[k] not in names:
                k += 1
                continue
            end = k
            while end < len(ids) and ids[end] in names:
                end += 1
            before = ids[:k]
            if (
                end < len(ids)
                and k > 0
                and words[ids[k - 1]] in stop
                and any(w not in names and words[w] not in stop for w in before)
            ):
                gaps.setdefault((before, ids[end:]), []).append(ids)
            k = end

    def rich(side: tuple[int, ...]) -> int:
        return _content([words[w] for w in side if w not in names], stop)

    out: list[tuple[_Form, list[list[tuple[int, ...]]]]] = []
    for (before, after), holders in gaps.items():
        if len(holders) < SLOT_FILLERS:
            continue
        at = placed[holders[0]]
        if rich(before) >= rich(after):
            occ = _Occ(at, at + len(before))
        else:
            start = at + len(holders[0]) - len(after)
            occ = _Occ(start, start + len(after))
        form = _trim(corpus, occ, min_words)
        if form is None or rich(form.ids) < RICH_CORE:
            continue
        out.append((form, [[h] for h in holders]))
    return out


def _frame_word(words: Sequence[str], ids: tuple[int, ...], at: int, stop: Collection[str]) -> str:
    """The word that names the frame ``ids`` says a phrase in, the phrase at ``at``: the
    word before it, and before a function word the nearest content word too ("choices
    *are*", "decisions ... *are*": two frames, review 70)."""
    if at == 0:
        return ""
    word = words[ids[at - 1]]
    if word not in stop:
        return word
    j = at - 2
    while j >= 0 and words[ids[j]] in stop:
        j -= 1
    return f"{words[ids[j]]} {word}" if j >= 0 else word


def _to_content(
    words: Sequence[str], ids: tuple[int, ...], at: int, stop: Collection[str]
) -> tuple[int, ...]:
    """``ids`` from ``at`` up to their next content word, that word included."""
    end = next((j + 1 for j in range(at, len(ids)) if words[ids[j]] not in stop), len(ids))
    return ids[at:end]


def _find_all(corpus: _Corpus, forms: Sequence[_Form], size: int) -> list[list[int]]:
    """Start positions of every occurrence of every form, in one scan of the corpus.

    Positions are picked by the form's first ``size`` tokens (every form has
    at least that many), then each length that forms with that head have is
    looked up whole.
    """
    index = {form.ids: fi for fi, form in enumerate(forms)}
    lengths: dict[tuple[int, ...], list[int]] = {}
    for form in forms:
        lengths.setdefault(form.ids[:size], []).append(len(form.ids))
    heads = {head: sorted(set(sizes)) for head, sizes in lengths.items()}
    found: list[list[int]] = [[] for _ in forms]
    ids, room = corpus.ids, corpus.room
    starts = zip(*(ids[j:] for j in range(size)), strict=False)
    for i in compress(count(), map(heads.__contains__, starts)):
        room_i = room[i]
        for length in heads[tuple(ids[i : i + size])]:
            if length > room_i:
                break
            fi = index.get(tuple(ids[i : i + length]))
            if fi is not None:
                found[fi].append(i)
    return found


def _variants(corpus: _Corpus, form: _Form, starts: list[int]) -> list[list[_Occ]]:
    """The occurrences of a form, widened by the variable words at its edges.

    A form that starts with "and"/"or" takes in the word before it and splits
    by that word ("fully and effectively ...", "comprehensively and
    effectively ..."): grouping decides later which of those belong together.
    """
    n = len(form.ids)
    starts = [i for i in starts if corpus.whole(i, i + n)]
    if not form.coordinated:
        return [_take_stem(corpus, [_Occ(i, i + n) for i in starts])] if starts else []
    by_word: dict[int, list[_Occ]] = {}
    for i in starts:
        j = i - 1
        if corpus.joinable(j, i) and not corpus.stopword(j) and corpus.whole(j, i + n):
            by_word.setdefault(corpus.ids[j], []).append(_Occ(j, i + n))
    return [_take_stem(corpus, occs) for occs in by_word.values()]


def _take_stem(corpus: _Corpus, occs: list[_Occ]) -> list[_Occ]:
    """Take in neighbouring words that vary only in their ending ("build"/"building")."""
    if len(occs) < 2:
        return occs
    ids, words, function = corpus.ids, corpus.words, corpus.function
    for left in (True, False):
        nbr: list[int | None] = []
        for o in occs:
            if left:
                j, ok = o.start - 1, corpus.joinable(o.start - 1, o.start)
                ok = ok and corpus.whole(j, o.end)
            else:
                j, ok = o.end, corpus.joinable(o.end - 1, o.end)
                ok = ok and corpus.whole(o.start, j + 1)
            nbr.append(j if ok and not function[ids[j]] else None)
        got = [words[ids[j]] for j in nbr if j is not None]
        if (
            len(got) >= max(2, math.ceil(0.8 * len(occs)))
            and len(set(got)) > 1
            and len(_common_prefix(got)) >= 4
        ):
            occs = [
                o if j is None else (_Occ(j, o.end) if left else _Occ(o.start, j + 1))
                for o, j in zip(occs, nbr, strict=True)
            ]
    return occs


def _common_prefix(words: Sequence[str]) -> str:
    lo, hi = min(words), max(words)
    k = 0
    while k < min(len(lo), len(hi)) and lo[k] == hi[k]:
        k += 1
    return lo[:k]


def _contained(occs: Iterable[_Occ]) -> set[_Occ]:
    """The occurrences that lie inside a longer occurrence (of any candidate)."""
    inside: set[_Occ] = set()
    reach = -1
    for o in sorted(set(occs), key=lambda o: (o.start, -o.end)):
        if o.end <= reach:
            inside.add(o)
        else:
            reach = o.end
    return inside


def _dedupe(occs: Iterable[_Occ]) -> list[_Occ]:
    """Occurrences in corpus order, without those inside another one."""
    out: list[_Occ] = []
    for o in sorted(occs, key=lambda o: (o.start, -o.end)):
        if out and o.end <= out[-1].end:
            continue
        out.append(o)
    return out


_SEED = 4
"""Length of the n-grams whose recurrence seeds the search: a shorter phrase is
found when a recurring phrase one word longer holds it ("is consistent and clear")."""
