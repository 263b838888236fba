"""Variant families: the wordings of one formula grouped into one point, its text and aliases."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, pairwise

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ..lexicon import (
    is_adverb,
    is_finite_verb,
    is_han_name,
    is_verb,
    may_stand_for,
    word_classes,
)
from ..match.align import HYPHENS, KEY_WORDS, Keyed
from ..match.find import DEFAULT_THRESHOLD, holds_run
from ..match.weights import RARE, similarity
from ..normalise import NO_GRAMMAR, Grammar, has_ending
from ..slug import HAN as _HAN
from ..slug import slug
from .corpus import (
    _ARTICLES,
    _CONTROL,
    _COORDINATORS,
    _LIST,
    _SOFT,
    _adjective,
    _Corpus,
    _Group,
    _Occ,
)
from .ngrams import CORE_SHARE, NAMED_APART, RICH_CORE, _dedupe, _rich_content
from .rank import _Scorer

GROUP_THRESHOLD = 88.0
"""``fuzz.ratio`` (0-100) at or above which two candidate wordings are one point."""
MAX_ALIASES = 10
"""At most this many aliases per point (the most frequent wordings): enough to match
the variants actually used without turning a watchlist into a phrase list."""
_BLOCK_CAP = 300
"""Leaders sharing a word pair beyond which that pair no longer proposes comparisons."""


def _group(
    keys: Sequence[tuple[int, ...]],
    texts: Sequence[str],
    can_lead: Sequence[bool],
    function_ids: Collection[int],
    names: Mapping[int, str] | None = None,
    negation: Callable[[tuple[int, ...]], frozenset[int]] | None = None,
) -> list[int]:
    """Leader of each candidate (index into ``texts``, which come best first).

    A candidate joins the most similar earlier *leader* with ``fuzz.ratio`` >=
    :data:`GROUP_THRESHOLD`, else one that is the same but for one word more
    or less at an edge ("China stands ready to work" / "stands ready to
    work"); otherwise it leads a group of its own. Only leaders sharing a
    word pair (not two function words) with the candidate are compared
    (blocking), so the cost grows with the number of candidates, not its
    square; comparing with leaders only keeps different formulas from
    chaining together; a wording naming something the leader does not, and
    the other way round, never joins it (:func:`_other_names`), nor one negated
    where the leader is not, or the other way round (``negation``: see
    :meth:`_Corpus.negated`). A candidate
    that may not lead (a fragment) and joins no leader gets -1.
    """
    leader = list(range(len(texts)))
    blocks: dict[tuple[int, int], list[int]] = {}
    exact: dict[tuple[int, ...], int] = {}
    shorter: dict[tuple[int, ...], int] = {}
    named = _Named(keys, names or {})
    negated = [negation(key) for key in keys] if negation is not None else []
    for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
        pairs = {p for p in pairwise(key) if p[0] not in function_ids or p[1] not in function_ids}
        pool_set: set[int] = set()
        for pair in pairs:
            block = blocks.get(pair)
            if block is not None and len(block) < _BLOCK_CAP:
                pool_set.update(block)
        best = -1
        if pool_set:
            pool = sorted(pool_set)
            scores = process.cdist(
                [text],
                [texts[j] for j in pool],
                scorer=fuzz.ratio,
                score_cutoff=GROUP_THRESHOLD,
                dtype=np.float64,
            )[0]
            # the most similar leader that names nothing else and is negated alike, the
            # first of equals; the tests are read only for leaders close enough
            for k in sorted(np.flatnonzero(scores).tolist(), key=lambda k: -scores[k]):
                j = pool[k]
                if (not negated or negated[j] == negated[i]) and (not names or named.alike(i, j)):
                    best = j
                    break
        if best < 0:
            near = [
                j
                for j in (exact.get(key[1:]), exact.get(key[:-1]), shorter.get(key))
                if j is not None
            ]
            best = min(near, default=-1)
        if best >= 0:
            leader[i] = best
        elif not can_lead[i]:
            leader[i] = -1
        else:
            for pair in pairs:
                blocks.setdefault(pair, []).append(i)
            exact.setdefault(key, i)
            shorter.setdefault(key[1:], i)
            shorter.setdefault(key[:-1], i)
    return leader


def _main_key(corpus: _Corpus, occs: Sequence[_Occ]) -> tuple[int, ...]:
    """The most frequent wording (token ids) of some occurrences; ties: the first seen."""
    first = occs[0]
    size = first.end - first.start
    if all(o.end - o.start == size for o in occs):
        keys = Counter(map(corpus.key, occs)) if len(occs) > 1 else None
        if keys is None or len(keys) == 1:
            return corpus.key(first)
        return keys.most_common(1)[0][0]
    return Counter(map(corpus.key, occs)).most_common(1)[0][0]


@dataclass(frozen=True)
class _Described:
    text: str
    aliases: tuple[str, ...]
    example: str
    counts: tuple[int, ...] = ()
    firsts: tuple[dt.date, ...] = ()


def _describe(
    corpus: _Corpus,
    group: _Group,
    names: Mapping[int, str] | None,
    weigh: Callable[[str], float],
) -> _Described:
    """Canonical text, aliases and an example sentence of a group.

    Occurrences are counted by wording (normalised), a list's occurrences said with one
    more item before it taken with that item (see :func:`_list_led`); the most frequent
    wording is the point's, written in its most frequent exact form; each
    other wording becomes an alias, most frequent first, unless it drops a
    name the point's text holds (``names``: word id -> name): an alias is
    matched alone, and "affairs are purely China's internal affairs" would
    find the Hong Kong formula for the Xinjiang one. Nor may an alias put a
    name in place of a word of the point ("peace and stability in
    *Afghanistan*" for "peace and stability in the region", 推动*叙利亚*问题
    for 推动半岛问题); a name added beside all of the point's words is the
    same formula said in full ("the *Korean* Peninsula", *朝鲜*半岛). An alias is also one of
    the formula's wordings, not a part of it or the formula in a longer context
    (``weigh``: the engine's word weights; see :func:`_wordings`), and not a part of the
    point's words said more than :data:`PART_OWN_LIFE` times as often as the point's
    wording, word for word: "China's internal affairs" (84) under "interfere in China's internal
    affairs" (16), "cooperation in various fields" (57) under "practical cooperation in
    various fields" (19) live outside the formula, and matched alone would find others;
    "a community with a shared future for mankind" (16) under "the vision of a community
    with a shared future for mankind" (18) stays. A part said fewer than
    :data:`CUT_EVIDENCE` times is no alias either: too little to tell a wording from a
    piece cut out of the formula ("the multilateral trading", once, under "the
    multilateral trading system").
    """
    by_key: dict[tuple[int, ...], Counter[str]] = {}
    first: dict[str, int] = {}
    at: dict[tuple[int, ...], list[_Occ]] = {}
    occs = _list_led(corpus, group.key, group.occs, names or {})
    longer = {corpus.key(o) for o, was in zip(occs, group.occs, strict=True) if o != was}
    for k, o in enumerate(occs):
        surface = corpus.surface(o)
        key = corpus.key(o)
        by_key.setdefault(key, Counter())[surface] += 1
        at.setdefault(key, []).append(o)
        first.setdefault(surface, k)

    def best(surfaces: Counter[str]) -> str:
        return min(surfaces, key=lambda s: (-surfaces[s], first[s]))

    counts = {k: c.total() for k, c in by_key.items()}
    cuts: list[int] = []
    if group.key in at:
        o = at[group.key][0]
        cuts = [p for p in range(1, len(group.key)) if corpus.mark[o.start + p] == _SOFT]
    naming = _named_by(corpus, group.key, counts, cuts, longer, names or {})
    naming = _uncut(corpus, naming, counts, at)
    ranked = sorted(
        by_key,
        key=lambda key: (
            key != naming,
            -by_key[key].total(),
            min(first[s] for s in by_key[key]),
        ),
    )
    text = best(by_key[ranked[0]])
    example = corpus.sentence_text(occs[first[text]].start)
    named = names or {}
    own = {named[w] for w in ranked[0] if w in named}
    content = [corpus.words[w] for w in ranked[0] if weigh(corpus.words[w]) >= RARE]

    def names_kept(key: tuple[int, ...]) -> bool:
        theirs = {named[w] for w in key if w in named}
        if not own <= theirs:
            return False
        if theirs <= own:
            return True
        words = [corpus.words[w] for w in key]
        # every word of the point is there, alone or inside a longer name (朝鲜半岛)
        return all(_alike(c, words) or any(c in w for w in words) for c in content)

    negated = corpus.negated(ranked[0])
    kept = [
        key
        for key in ranked
        if key is ranked[0] or (names_kept(key) and corpus.negated(key) == negated)
    ]
    kept = _wordings(kept, [best(by_key[key]) for key in kept], corpus.words, weigh)
    own_ids = set(kept[0])
    kept = kept[:1] + [key for key in kept[1:] if not _cut(corpus, at[key], weigh, kept[0], key)]
    said = by_key[kept[0]].total()
    kept = kept[:1] + [
        key
        for key in kept[1:]
        if not (
            (by_key[key].total() > PART_OWN_LIFE * said or by_key[key].total() < CUT_EVIDENCE)
            and _holds(kept[0], key, text, best(by_key[key]))
        )
    ]
    kept = kept[:1] + [
        key
        for key in kept[1:]
        if not (
            _runs_on(corpus, at[key])
            and (
                key[-1] not in own_ids
                or (kept[0][: len(key)] == key and _holds(kept[0], key, text, best(by_key[key])))
            )
        )
    ]
    kept = kept[:1] + [key for key in kept[1:] if not _in_longer_context(kept[0], key)]
    for k, key in enumerate(kept[1:], 1):
        if carrier := _carried(corpus, key, kept[0]):
            cut = key[carrier:]
            moved = [_Occ(o.start + carrier, o.end) for o in at[key]]
            surfaces = by_key.setdefault(cut, Counter())
            for o in moved:
                surface = corpus.surface(o)
                surfaces[surface] += 1
                first.setdefault(surface, first[best(by_key[key])])
            at.setdefault(cut, []).extend(moved)
            kept[k] = cut
    kept = kept[:1] + [
        key
        for key in kept[1:]
        if not _unstated(corpus, kept[0], key) or not _holds(kept[0], key, text, best(by_key[key]))
    ]
    kept = list(dict.fromkeys(kept))
    kept = kept[: MAX_ALIASES + 1]
    if lead := _always_before(corpus, [o for o in occs if corpus.ids[o.start] == kept[0][0]]):
        surfaces = Counter(corpus.surface(_Occ(o.start - lead, o.end)) for o in at[kept[0]])
        text = min(surfaces, key=lambda s: (-surfaces[s], s))
    return _Described(
        text=text,
        aliases=tuple(best(by_key[key]) for key in kept[1:]),
        example=" ".join(_CONTROL.sub(" ", example).split()),
        counts=tuple(by_key[key].total() for key in kept),
        firsts=tuple(corpus.dates[min(corpus.pdate[o.start] for o in at[key])] for key in kept),
    )


def _unstated(corpus: _Corpus, point: tuple[int, ...], part: tuple[int, ...]) -> bool:
    """Whether wording ``part`` is the subject of ``point``, a statement, without what the
    statement says of it: ``point`` opens with ``part`` and holds a finite verb after it
    ("our commitment to Israel's security *is ironclad*"). The subject alone is no wording
    of the statement: matched alone, a gate took "our commitment to Israel's security is
    *conditional*" for a known wording (review 166: the alias "commitment to Israel's
    security", "I think our ..." with its lead-in cut, in the gate's points). An object is
    a wording still ("political mutual trust" of "enhance political mutual trust", 维护
    半岛和平稳定: a first version that dropped every part without the verb took 47 of the
    MFA row's 137 dates)."""
    n = len(part)
    return (
        0 < n < len(point)
        and point[:n] == part
        and any(is_finite_verb(corpus.words[w]) for w in point[n:])
        and not any(is_finite_verb(corpus.words[w]) for w in part)
    )


ALWAYS_BEFORE = 1.0
"""The share of a family's sayings the function words before them must open for those to be
its own (see :func:`_always_before`): all, in every wording that opens on the name's first
word. Those of the name's wording alone named "*a* defense policy that is defensive in
nature" (MFA), which lost a date: said there after "China's", in another wording ("defense
policies ..."), which the point's text then did not find. Those of every wording named
none where an alias opens elsewhere ("*our* position remains unchanged", review 162)."""

ALWAYS_EVIDENCE = 5
"""The fewest sayings of a wording that tell the function words before it are its own."""

ALWAYS_WORDS = 2
"""The most function words :func:`_always_before` gives back to a wording."""


def _always_before(corpus: _Corpus, occs: Sequence[_Occ]) -> int:
    """How many function words (up to :data:`ALWAYS_WORDS`) stand right before the wording
    of ``occs``, the same ones, in its clause, in :data:`ALWAYS_BEFORE` of its sayings or
    more, each a determiner or the word that opens the clause in every saying (a
    subordinator, a preposition: "*At* this point in time there is nothing more to add",
    fresh-clone trial 187): words the phrase is said with, which the cut of function words at a
    phrase's ends took from it. A row then reads as the phrase is said: "*as* far as I am
    aware", "*if* I remember correctly", "*this* point in time" (review 165: rows cut
    inside a fixed expression), "*those* responsible must be held fully accountable"
    (fresh-clone trial 184: the row lost its subject), and the speaker's pronoun (the
    tokeniser's ``first_person``) before a verb, its subject: "*We* urge the US to abide
    by ...", "*I* think our commitment to ..." (fresh-clone trial 186: the row opened on
    "think"). Not a "that" the verb before it takes ("stressed *that* ..."), nor what
    governs a phrase inside its clause: a preposition, an auxiliary, "to" ("*with* the
    trade unions", "*is*
    in contact with", "*to* combat ...": a first version gave those back, on every
    archive measured), nor, inside a clause, anything before a determiner (a noun phrase
    is whole). No coordinator or contrastive ("*And* ...", "*But* ..."). Five
    sayings at least: at three, review 161's "part of our Neighbourhood First policy" (59
    dates) was named "*As* part of ..." from three of its sayings, and the engine then
    counted 25."""
    if len(occs) < ALWAYS_EVIDENCE:
        return 0
    ids, stop = corpus.ids, corpus.stop
    first = corpus.words[ids[occs[0].start]]
    lead = 0
    for k in range(1, ALWAYS_WORDS + 1):
        seen = Counter(
            ids[o.start - k]
            for o in occs
            if o.start - k >= 0 and corpus.joinable(o.start - k, o.start - k + 1)
        )
        if not seen:
            break
        word, count = seen.most_common(1)[0]
        said = corpus.words[word]
        if (
            count < ALWAYS_BEFORE * len(occs)
            or said not in stop
            or said in _COORDINATORS
            or said in corpus.contrastives
        ):
            break
        opens = sum(
            ids[o.start - k] == word and not corpus.same_clause(o.start - k - 1, o.start - k)
            for o in occs
        ) >= ALWAYS_BEFORE * len(occs)
        subject = (
            said in corpus.first_person
            and k == 1
            and (is_verb(first) or "VERB" in word_classes(first))
        )
        if not opens and (
            corpus.words[ids[occs[0].start - k + 1]] in corpus.determiners
            or (said not in corpus.determiners and not subject)
        ):
            # a noun phrase is whole ("(with) the trade unions"), and a word inside a
            # clause governs the phrase ("(is) in contact with"); the clause's first word,
            # in every saying, is its own ("*At* this point in time there is nothing more
            # to add": fresh-clone trial 187, the row opened on "this")
            break
        lead = k
    return lead


def _carried(corpus: _Corpus, wording: tuple[int, ...], point: tuple[int, ...]) -> int:
    """How many words open ``wording`` before the point's first word that are a carrier's:
    the corpus says them just before the point itself, word for word, too (the most such
    words), no word before the point shares a content word with it, and the wording
    differs from the point past them. "What we are *seeing is* a manufacturing revival
    ..." was the wording "seeing is a manufacturing revival ...", said on the last four
    dates, all in that carrier, and the report carded `{+seeing is+} a manufacturing
    {-renaissance-}{+revival+}` though the carrier had said "... seeing is a manufacturing
    renaissance ..." before (review 130). Words put before the formula that no carrier
    said before it ("seeing is *firmly* a ...") stay: a change of the formula; so does a
    wording that is the point after them, a fuller wording of it."""
    if point[0] not in wording or not 0 < (at := wording.index(point[0])) <= CARRIED_WORDS:
        return 0
    if wording[at:] == point or _shares(corpus, wording[:at], point):
        return 0
    return next((c for c in range(at, 0, -1) if _said(corpus, wording[:c] + point)), 0)


def _shares(corpus: _Corpus, words: tuple[int, ...], point: tuple[int, ...]) -> bool:
    """Whether ``words`` hold a content word of ``point``."""
    return any(not corpus.function[w] for w in set(words) & set(point))


def _said(corpus: _Corpus, ids: tuple[int, ...]) -> bool:
    """Whether the corpus says ``ids`` word for word, in one clause, somewhere."""
    return any(corpus.same_clause(int(i), int(i) + len(ids) - 1) for i in corpus.where(ids))


CARRIED_WORDS = 3
"""The most words of a carrier a discovered wording may open with (see
:func:`_carried`); more are the formula in a longer context (see
:func:`_in_longer_context`)."""


def _in_longer_context(
    point: tuple[int, ...], wording: tuple[int, ...], function: Sequence[int] | None = None
) -> bool:
    """Whether ``wording`` is ``point``, one word replaced, put in or left out at most, after
    a lead-in of :data:`CONTEXT_WORDS` words or more: the formula in a carrier, not a
    wording of it ("*Let me underline that* the safety and security of Indian nationals
    *abroad* is our highest priority" was an alias, review 136).
    "point I can only tell you that Russia's war of aggression against Ukraine is a
    flagrant violation of international law" was an alias of "Russia's war ... flagrant
    breach of international law", and a shift read a false `{-point I can only tell you
    that-}` (review 100). Not a fuller wording: words after a point cut short ("coordinated
    pressure remains the surest path *to a durable ceasefire*"), or a lead-in with more
    changed ("the UK continued to work *very* closely with our allies and partners"), or
    a lead-in that shares a word with the formula, part of its own frame ("*affairs are
    purely* China's internal affairs that brook no foreign interference", MFA), or one
    before the formula's first word replaced, an edge variant ("uphold the vision *of* a
    community with a shared future for mankind" of "*building* a community ...").
    With ``function`` (by word id), a function word the lead-in shares with the formula
    does not make it the formula's own ("continue *to* believe that a two-state solution
    remains the only viable path *to* ...")."""
    return any(
        wording[lead] == point[0]
        and not {w for w in wording[:lead] if function is None or not function[w]} & set(point)
        and Levenshtein.distance(wording[lead:], point) <= 1
        for lead in range(CONTEXT_WORDS, len(wording) - len(point) + 2)
    )


def _framing(corpus: _Corpus, point: tuple[int, ...], wording: tuple[int, ...]) -> bool:
    """Whether ``wording`` is ``point`` in a longer context (see :func:`_in_longer_context`,
    function words aside), the article ``point`` opens with aside too: "continue to
    believe that *a* two-state solution remains ..." frames "*the* two-state solution
    remains ..." (fresh-clone trial 182)."""
    if _in_longer_context(point, wording, corpus.function):
        return True
    return (
        len(point) > 1
        and corpus.words[point[0]] in _ARTICLES
        and _in_longer_context(point[1:], wording, corpus.function)
    )


CONTEXT_WORDS = 3
"""Words around a formula that make a wording holding it a carrier (see
:func:`_in_longer_context`)."""


def _uncut(
    corpus: _Corpus,
    naming: tuple[int, ...],
    counts: Mapping[tuple[int, ...], int],
    at: Mapping[tuple[int, ...], Sequence[_Occ]],
) -> tuple[int, ...]:
    """``naming``, or, where it always runs on past its last word (see :func:`_runs_on`: a
    piece of its carriers cut short), the longest wording inside it that does not, said
    alone as often as ``naming`` at least, and in more than half of the family's sayings
    (alone or in longer wordings) and more than ``naming`` is: "hit by illegitimate
    unilateral sanctions *keeps*" (5 times, each going on "growing", "getting longer")
    named the row of "illegitimate unilateral sanctions" (22 alone, in all 40 sayings;
    review 160), "a new package of export controls *worth*" that of "a new package of
    export controls". A wording of two content words or more, opening on no list item:
    负责任的态度 ("a responsible attitude") is the last item of 公开、透明、负责任的态度,
    no formula of its own. ``naming`` said :data:`UNCUT_EVIDENCE` times at least: said
    twice, each going on, it is as often a sentence that goes on (two translations of one
    briefing, ``diff``: "advance the reform and opening up at our own pace" stays)."""
    if len(at.get(naming, ())) < UNCUT_EVIDENCE or not _runs_on(corpus, at[naming]):
        return naming
    function, mark = corpus.function, corpus.mark
    start = at[naming][0].start

    def opens_item(part: tuple[int, ...]) -> bool:
        return any(
            naming[i : i + len(part)] == part and mark[start + i] in (_SOFT, _LIST)
            for i in range(1, len(naming) - len(part) + 1)
        )

    least = max(_sayings(naming, counts), sum(counts.values()) // 2)
    parts = {
        part: n
        for part in counts
        if _part_of(part, naming)
        and counts[part] >= counts[naming]
        and sum(not function[w] for w in part) >= 2
        and not _runs_on(corpus, at[part])
        and not opens_item(part)
        and (n := _sayings(part, counts)) > least
    }
    return max(parts, key=lambda k: (len(k), parts[k], k), default=naming)


def _sayings(wording: tuple[int, ...], counts: Mapping[tuple[int, ...], int]) -> int:
    """How many of a family's sayings (``counts``: by the wording each spans) say
    ``wording``, alone or inside a longer wording."""
    return sum(c for k, c in counts.items() if k == wording or _part_of(wording, k))


UNCUT_EVIDENCE = 3
"""The fewest sayings of a family's name that always run on for it to be read as cut
short (see :func:`_uncut`)."""


def _named_by(
    corpus: _Corpus,
    key: tuple[int, ...],
    counts: Mapping[tuple[int, ...], int],
    cuts: Collection[int] = (),
    longer: Collection[tuple[int, ...]] = (),
    names: Collection[int] = (),
) -> tuple[int, ...]:
    """The wording that names a family whose best-ranked wording is ``key``: of ``key``
    and its variants, the one the most occurrences say, alone or inside a frame
    (``counts``: occurrences by the wording each spans). A variant is at least as long as
    ``key``, does not hold it (a frame around it is none) and keeps every content word of
    it, or another spelling of it: "the neocolonial practices of *the* former
    metropolitan powers" (said 20 times, alone and after "overcome", "end", ...) names
    the row over "... of former metropolitan powers" (7; review 97). Not "the
    comprehensive strategic partnership" (170) for "comprehensive strategic *cooperative*
    partnership" (10), which MFA says of a few countries, nor 反对单边制裁 ("oppose
    unilateral sanctions") for 实施单边制裁 ("impose ..."): another word is another
    formula the family may have taken in. A shorter wording names it only where ``key``
    is that wording and a clause after its last comma, or before its first (``cuts``:
    where ``key``'s commas stand), and that wording, of :data:`_RICH_WORDS` content words
    or more, is said more than :data:`CORE_SHARE` times as often: "a Black Sea region that
    is secure, open to trade, and free from coercion" (13 times) names the row of "...,
    and that has not changed" (4; review 98).
    Any other part said far more often is as often another phrase ("China's internal
    affairs" under "interfere in China's internal affairs"). ``key``'s list with an item
    put before it (``longer``, see :func:`_list_led`) holds ``key`` but is no frame: it
    names the family where it is said more often than ``key`` alone ("a democratic,
    stable, peaceful, progressive and inclusive Bangladesh" on 3 dates, "a stable, ..."
    on 2: the shorter named the row, and a reordering was carded as `{+democratic,+}`,
    review 136). A wording of ``key``'s words but for function words left out names it
    where said more ("de-risking, not decoupling" 24 times, "de-risking, *and* not
    decoupling" 16: review 156). Of the :data:`_NAMING_POOL` most frequent wordings; ties:
    ``key``."""

    words, function = corpus.words, corpus.function
    endings = corpus.possessive_endings

    def owner(word: str) -> str:
        # "Japan's security" is "the security of Japan" (review 151)
        end = next((e for e in endings if has_ending(word, (e,))), "")
        return word[: len(word) - len(end)]

    own = [owner(words[w]) for w in key if not function[w]]

    def said(wording: tuple[int, ...]) -> int:
        return _sayings(wording, counts)

    def variant(other: tuple[int, ...]) -> bool:
        theirs = [owner(words[w]) for w in other if not function[w]]
        return all(_alike(w, theirs) for w in own)

    key_said = said(key)
    best, most = key, key_said
    if cuts:
        # the clause after the last comma, or before the first: not a list's items
        for part in (key[: max(cuts)], key[min(cuts) :]):
            n = said(part)
            if (
                part in counts
                and sum(not function[w] for w in part) >= _RICH_WORDS
                and n > CORE_SHARE * key_said
                and n > most
            ):
                best, most = part, n
    if best != key:
        # the clause is named as a family of its own would be: by a variant of it said
        # more ("维护地区和平稳定", 64 times, under "中方将同地区国家一道，*维护地区和平与
        # 稳定*", whose clause, 35, named the row: review 164)
        return _named_by(corpus, best, counts, (), (), names)

    def modified(other: tuple[int, ...]) -> bool:
        # "a *just and* democratic multipolar world order" (16 of the family's 136
        # sayings, 30 with its frames) of "democratic multipolar world order", the end its
        # carriers share (review 160): a word coordinated with the first, of a class the
        # dictionary knows both in, a modifier like it, no frame (see ngrams._trim); not
        # the end of a clause before ("*communiqués and* prudently and properly ...")
        lead = len(other) - len(key)
        if not 2 <= lead <= 4 or other[lead:] != key or words[other[lead - 1]] not in _COORDINATORS:
            return False
        item = other[lead - 2]
        return (
            len(words[item]) > 1
            and item not in key
            and item not in names
            and words[item] not in _COORDINATORS
            and bool(word_classes(words[item]) & word_classes(words[key[0]]))
            and all(function[w] for w in other[: lead - 2])
        )

    for other in sorted({*longer, *filter(modified, counts)}, key=lambda k: (-counts[k], k)):
        n = said(other)
        if n > key_said - n and (best == key or n > most):
            best, most = other, n
    if best != key:
        return best

    def fewer_function_words(other: tuple[int, ...]) -> bool:
        # "de-risking, not decoupling" (24) for "de-risking, and not decoupling" (16):
        # the same words but for a function word left out (review 156)
        if not len(key) > len(other) > 0 or _part_of(other, key):
            return False
        rest = iter(key)
        return all(w in rest for w in other) and [w for w in key if not function[w]] == [
            w for w in other if not function[w]
        ]

    for other in sorted(counts, key=lambda k: (-counts[k], k))[:_NAMING_POOL]:
        if other == key or _part_of(key, other) or not variant(other):
            continue
        if len(other) >= len(key) or fewer_function_words(other):
            n = said(other)
            if n > most:
                best, most = other, n
    return best


_NAMING_POOL = 20
"""How many of a family's most frequent wordings :func:`_named_by` weighs."""


def _list_led(
    corpus: _Corpus,
    key: tuple[int, ...],
    occs: Sequence[_Occ],
    names: Mapping[int, str],
) -> list[_Occ]:
    """``occs``, those of ``key``, a list ("stable, peaceful, progressive and inclusive
    Bangladesh"), said after one more item of it ("a *democratic,* stable, ...") taking
    it in, where most of them are: the list said in full, not ``key`` in a frame (see
    :func:`_named_by`). The item is a word or two, a content word first, no name, none of
    ``key``'s, after a function word, a mark or the clause's start, with the list's
    comma after it; the most frequent such item, if any."""
    own = [o for o in occs if corpus.key(o) == key]
    if not own or not any(
        corpus.mark[own[0].start + p] in (_SOFT, _LIST)
        for p in range(1, min(LIST_ITEM + 1, len(key)))
    ):
        return list(occs)
    items: Counter[tuple[int, ...]] = Counter()
    item_of: dict[_Occ, tuple[int, ...]] = {}
    ids, function, mark = corpus.ids, corpus.function, corpus.mark
    for o in own:
        if mark[o.start] not in (_SOFT, _LIST):
            continue
        j = o.start
        while (
            o.start - j < LIST_ITEM + 1
            and corpus.same_clause(j - 1, o.start)
            and not function[ids[j - 1]]
            and (j == o.start or not mark[j])
        ):
            j -= 1
        item = tuple(int(w) for w in ids[j : o.start])
        if (
            0 < len(item) <= LIST_ITEM
            and (j == 0 or not corpus.same_clause(j - 1, j) or function[ids[j - 1]] or mark[j])
            and not set(item) & set(key)
            and not any(w in names for w in item)
        ):
            items[item] += 1
            item_of[o] = item
    if not items:
        return list(occs)
    item, n = min(items.items(), key=lambda kv: (-kv[1], kv[0]))
    if 2 * n <= len(own):
        return list(occs)
    taken = [o for o in own if item_of.get(o) == item]
    lead = len(item)
    # the function words the list alone is said after, where all of its fuller wordings
    # are said after them too ("*a* stable, ..." and "*a* democratic, stable, ...")
    for o in occs:
        extra = o.end - o.start - len(key)
        if 0 < extra <= LIST_ITEM and corpus.key(o)[extra:] == key:
            before = ids[o.start : o.start + extra]
            if all(function[w] for w in before) and all(
                corpus.same_clause(t.start - lead - extra, t.start)
                and tuple(ids[t.start - lead - extra : t.start - lead]) == tuple(before)
                for t in taken
            ):
                lead += extra
                break
    return [_Occ(o.start - lead, o.end) if item_of.get(o) == item else o for o in occs]


LIST_ITEM = 2
"""The most words of a list's item :func:`_list_led` puts before a list."""


def _runs_on(corpus: _Corpus, occs: Sequence[_Occ]) -> bool:
    """Whether a wording never ends where its clause does: every occurrence runs on into
    the next word. The start of the point's wording that always does is the formula cut
    short, no wording of it: 家属表示诚挚 (8 times, "extend sincere ...") of
    家属表示诚挚慰问, "China stands ready" of "China stands ready to work", "the
    multilateral trading" of "the multilateral trading system"; its end may open a
    clause ("the harbour board's internal affairs are its own"). Nor is a wording that
    always runs on past a last word not the point's: a piece of a longer saying
    (共商、共建、共享原则，*始终* of 秉持共商共建共享原则). Said in no language's words: a
    clause's end is punctuation or a turn's end."""
    return len(occs) >= CUT_EVIDENCE and all(corpus.joinable(o.end - 1, o.end) for o in occs)


PART_OWN_LIFE = 2.0
"""A part of the point's wording said more than this many times as often as the whole
lives outside it: not an alias (see :func:`_describe`)."""

CUT_SHARE = 0.7
"""A wording is cut out of a longer phrase when one word follows it (or precedes it) in at
least this share of its occurrences (see :func:`_cut`)."""

CUT_EVIDENCE = 2
"""Occurrences a wording needs before its neighbours say it is cut."""


def _cut(
    corpus: _Corpus,
    occs: Sequence[_Occ],
    weigh: Callable[[str], float],
    wording: Sequence[int],
    key: Sequence[int],
) -> bool:
    """Whether a wording is a piece cut out of a longer phrase, learned from where it stands.

    When the same content word follows it, with nothing but space between, in
    :data:`CUT_SHARE` of its occurrences ("interfere in China's internal" +
    *affairs*, "the multilateral trading" + *regime*), or precedes it that often
    and is a word of the point's own ``wording`` (*political* + "settlement of the
    Korean Peninsula issue"), the phrase goes on past its edge: the
    wording is part of the formula, not one of its wordings, and an alias matched
    alone would find that part everywhere. Said in no language's words: a
    compound, a name or a fixed verb phrase cut in two reads the same way in
    any of them. A function word does not cut: "(on) the basis of mutual respect"
    and "China stands ready (to)" are whole; nor does a verb before a formula
    that is its object ("*oppose* unilateral sanctions and long-arm jurisdiction").
    Where the point's ``wording`` holds the wording ``key`` after a content word of its
    own, a content word of the same class preceding it stands in that word's place: "we
    *categorically* reject attempts to rewrite ..." is "we *firmly* reject ..." with the
    adverb swapped, and "reject attempts to rewrite ..." no wording of it (review 89: its
    card read `{-firmly-} reject ...`, the swap lost).
    """
    if len(occs) < CUT_EVIDENCE:
        return False
    ids = corpus.ids
    point = set(wording)
    place = _replaced_before(wording, key)
    if place is not None and weigh(corpus.words[place]) < RARE:
        place = None  # a content word of the point's own it stands for
    for after in (True, False):
        seen: Counter[int] = Counter()
        for o in occs:
            if after and corpus.joinable(o.end - 1, o.end):
                seen[ids[o.end]] += 1
            elif (
                not after
                and corpus.joinable(o.start - 1, o.start)
                and (
                    ids[o.start - 1] in point
                    or (
                        place is not None
                        and may_stand_for(corpus.words[ids[o.start - 1]], corpus.words[place])
                    )
                )
            ):
                seen[ids[o.start - 1]] += 1
        if seen:
            word, count = seen.most_common(1)[0]
            if count >= CUT_SHARE * len(occs) and weigh(corpus.words[word]) >= RARE:
                return True
    return False


def _replaced_before(wording: Sequence[int], key: Sequence[int]) -> int | None:
    """The word of ``wording`` right before where ``key`` stands in it (the first place),
    or None where ``key`` stands nowhere in it or at its start."""
    n = len(key)
    for i in range(1, len(wording) - n + 1):
        if tuple(wording[i : i + n]) == tuple(key):
            return wording[i - 1]
    return None


ALIAS_SHARE = 2 / 3
"""An alias holds at least this share of the point's weight (see :func:`_wordings`)."""

ALIAS_OWN = 1 / 2
"""The point holds at least this share of an alias's weight: the alias may say more at its
edges ("uphold the vision of" for "building"), not mostly something else."""


def _wordings(
    keys: Sequence[tuple[int, ...]],
    surfaces: Sequence[str],
    words: Sequence[str],
    weigh: Callable[[str], float],
) -> list[tuple[int, ...]]:
    """The point's wording ``keys[0]`` and those of ``keys[1:]`` that are its aliases
    (``surfaces``: each as written, ``words``: the corpus's words by id).

    An alias is matched alone wherever the briefings say it, so it must be the
    formula, not a part of it or the formula inside more words:

    - it holds most of the point's weight (:data:`ALIAS_SHARE`) and the point
      at least half of its own (:data:`ALIAS_OWN`; words counted by
      :mod:`~consistency.match.weights`, a word spelled alike counting as
      present): "a shared future" is not a wording of "the vision of a
      community with a shared future for mankind", nor "benefits to our two
      countries and peoples" of "serves the fundamental interests of the two
      countries and peoples"; "enhance mutual trust" is one of "enhance
      political mutual trust";
    - it does not hold the point's wording or a shorter alias word for word:
      that one finds it already ("abide by international law and basic norms
      governing international relations"); but "consistent and clear-cut"
      holds no "consistent and clear", which ends inside a compound;
    - it is not the end of one saying and the start of the next (:func:`_wraps`):
      "China's domestic affairs, and stop" under "stop interfering in China's
      domestic affairs" ("... interfere in China's domestic affairs, and stop
      pushing the bill");
    - it does not put a coordinator where the point has another word
      (:func:`_joins_instead`): "rules *and the* multilateral trading system" is no
      "rules-based multilateral trading system";
    - it is the formula by the engine's own reading (:func:`_one_formula`): "the
      *fact that* the one-China principle" shares the name that weighs most with "the
      *basis of* the one-China principle" but not its frame.
    """
    texts = [[words[w] for w in key] for key in keys]
    point = texts[0]
    same = [
        k == 0
        or (
            _share(point, t, weigh) >= ALIAS_SHARE
            and _share(t, point, weigh) >= ALIAS_OWN
            and not _wraps(point, t, surfaces[k])
            and not _joins_instead(point, t, weigh)
            and _one_formula(point, t, weigh)
        )
        for k, t in enumerate(texts)
    ]
    kept: list[int] = []
    for k in sorted(range(len(keys)), key=lambda k: (k != 0, len(keys[k]), k)):
        if same[k] and not any(_holds(keys[k], keys[j], surfaces[k], surfaces[j]) for j in kept):
            kept.append(k)
    chosen = set(kept)
    return [key for k, key in enumerate(keys) if k in chosen]


def _one_formula(point: Sequence[str], other: Sequence[str], weigh: Callable[[str], float]) -> bool:
    """Whether one wording is the other's formula: the matching engine finds one inside the
    other at :data:`FAMILY_THRESHOLD`, as ``track`` would (so an alias only lets the formula's
    whole wording be the span: "the multilateral trading *regime*" for "the multilateral
    trading system", found as "the multilateral trading"), or one keeps every content word
    of the other (:func:`_keeps`: reordered, inflected, said in more words; "important
    consensus was reached" for "reached important consensus", which the engine does not move
    in so short a wording). A replaced key word fails both: "the *precondition* of the
    one-China principle" is not "the *basis* of the one-China principle" (the name that
    weighs most is shared, the frame is not), nor 作出了重*大*贡献 作出了重*要*贡献."""
    if max(_found(point, other, weigh), _found(other, point, weigh)) >= FAMILY_THRESHOLD:
        return True
    return _keeps(point, other, weigh) or _keeps(other, point, weigh)


def _found(point: Sequence[str], other: Sequence[str], weigh: Callable[[str], float]) -> float:
    """The engine's score of the best span of ``other`` read as an occurrence of ``point``."""
    best = Keyed(point, weigh, other, {}).best(0, len(other))
    return 0.0 if best is None else best.score


def _wraps(point: Sequence[str], other: Sequence[str], written: str) -> bool:
    """Whether wording ``other`` (``written`` as it stands) ends, past a comma or another
    clause mark, on the point's first word, or opens on its last word before one: the
    point's end and the start of its next saying ("..., and *stop*" after "*stop*
    interfering in ..."), not the formula reordered."""
    if len(other) < 2 or len(point) < 2 or not _CLAUSE_MARK.search(written):
        return False
    head, tail = _CLAUSE_MARK.split(written, maxsplit=1)[0], _CLAUSE_MARK.split(written)[-1]
    short = 3  # the piece past the mark is the other saying's first word or two
    return (other[-1] == point[0] and len(tail.split()) < short) or (
        other[0] == point[-1] and len(head.split()) < short
    )


_CLAUSE_MARK = re.compile(r"[,;:\uff0c\uff1b\uff1a\u3001]")
"""The marks that end a clause inside a sentence (English and Chinese)."""


def _share(a: Sequence[str], b: Sequence[str], weigh: Callable[[str], float]) -> float:
    """The share of ``a``'s weight in words that ``b`` has too (each once; a word spelled
    alike, or a compound sharing a part of four letters or more, counts as the same
    word: "clear-cut" for "clear")."""
    left = list(b)
    held = 0.0
    for word in a:
        if word in left:
            left.remove(word)
            held += weigh(word)
            continue
        near = next((o for o in left if similarity(word, o) or _same_part(word, o)), None)
        if near is not None:
            left.remove(near)
            held += weigh(word)
    total = sum(weigh(w) for w in a)
    return held / total if total else 0.0


def _same_part(a: str, b: str) -> bool:
    if "-" not in a and "-" not in b:
        return False
    return any(len(p) >= 4 for p in set(a.split("-")) & set(b.split("-")))


def _holds(key: tuple[int, ...], part: tuple[int, ...], text: str, written: str) -> bool:
    """Whether wording ``key`` (written ``text``) holds the shorter ``part`` (written
    ``written``) word for word, and not as the start or end of a compound. Written with
    other marks between its words, it holds it still: 秉持共商、共建、共享原则 holds
    秉持共商共建共享原则 (see :func:`_unmarked`)."""
    n = len(part)
    if n >= len(key) or not any(key[i : i + n] == part for i in range(len(key) - n + 1)):
        return False
    text, written = text.casefold(), written.casefold()
    at = text.find(written)
    if at < 0:
        text, written = _unmarked(text), _unmarked(written)
        at = text.find(written)
    while at >= 0:
        end = at + len(written)
        if text[at - 1 : at] not in HYPHENS and text[end : end + 1] not in HYPHENS:
            return True
        at = text.find(written, at + 1)
    return False


def _unmarked(text: str) -> str:
    """``text`` without its punctuation, symbols and spaces; hyphens and apostrophes stay
    (they join the words of a compound)."""
    return "".join(
        c
        for c in text
        if c in HYPHENS
        or c in "'\u2019"
        or not (c.isspace() or unicodedata.category(c).startswith(("P", "S")))
    )


def _ranked(corpus: _Corpus, groups: Iterable[_Group]) -> list[_Group]:
    return sorted(groups, key=lambda g: (-g.score, -len(g.dates), corpus.text_of(g.key)))


def _merge_nested(
    corpus: _Corpus,
    groups: list[_Group],
    scorer: _Scorer,
    min_words: int,
) -> list[_Group]:
    """Fold a group into a better-ranked one when it is that formula said shorter or longer.

    Going down the ranking, a group joins an earlier one (as aliases, the
    earlier wording staying the point's text) when its wording is at least
    half as long as the other's and either lies inside it while being found
    on at most 1.5 times as many dates (a shortened form that rarely stands
    without the full one: "equality and mutual benefit" inside "mutual
    respect, equality and mutual benefit"), or holds it (the formula in a
    longer context: "the vision of a community with a shared future for
    mankind"). A shorter phrase with a life of its own ("dialogue and
    consultation" beside "resolve issues through dialogue and consultation")
    stays a point of its own.
    """
    accepted: list[_Group] = []
    exact: dict[tuple[int, ...], int] = {}
    parts = _Holders(min_words)
    absorbed: dict[int, list[_Group]] = {}
    for group in groups:
        key = group.key
        target = parts.first(key)
        if target is not None and len(group.dates) > 1.5 * len(accepted[target].dates):
            target = None
        if target is None:
            target = next(
                (exact[sub] for sub in _pieces(key, (len(key) + 1) // 2) if sub in exact), None
            )
        if target is not None and corpus.negated(key) != corpus.negated(accepted[target].key):
            target = None
        if target is not None:
            absorbed.setdefault(target, []).append(group)
            continue
        exact.setdefault(key, len(accepted))
        parts.add(key)
        accepted.append(group)
    for target, extra in absorbed.items():
        group = accepted[target]
        if any(_said_in(group, g) for g in extra):
            # the formula's own occurrences, not the frames it is said in (see _absorb)
            occs = _merged(corpus, [group, *extra], group.key)
        else:
            occs = _dedupe(o for g in [group, *extra] for o in g.occs)
        merged = _Group(
            occs=occs,
            key=group.key,
            dates=sorted({corpus.pdate[o.start] for o in occs}),
            core=group.core,
        )
        merged.score = scorer(merged)
        accepted[target] = merged
    return _ranked(corpus, accepted)


class _Holders:
    """The wordings of accepted groups, to find the first one that holds a given wording.

    :meth:`first` answers which earlier wording has ``key`` as a contiguous part
    at least half its own length (and at least ``min_words`` long). Each wording
    is indexed by its ``min_words``-word windows, so memory grows with the
    wordings' total length (listing every part would grow with its cube); a
    lookup checks the postings of ``key``'s rarest window.
    """

    def __init__(self, min_words: int) -> None:
        self.size = min_words
        self.keys: list[tuple[int, ...]] = []
        self.windows: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def add(self, key: tuple[int, ...]) -> None:
        n = len(self.keys)
        self.keys.append(key)
        size = self.size
        for at in range(len(key) - size + 1):
            self.windows.setdefault(key[at : at + size], []).append((n, at))

    def first(self, key: tuple[int, ...]) -> int | None:
        """The first wording added that holds ``key`` (at most twice as long), or None."""
        size, windows = self.size, self.windows
        if len(key) < size:
            return None
        best: list[tuple[int, int]] | None = None
        shift = 0
        for at in range(len(key) - size + 1):
            posted = windows.get(key[at : at + size])
            if posted is None:
                return None
            if best is None or len(posted) < len(best):
                best, shift = posted, at
        assert best is not None
        longest = 2 * len(key)
        for n, at in best:
            holder = self.keys[n]
            start = at - shift
            if start >= 0 and len(holder) <= longest and holder[start : start + len(key)] == key:
                return n
        return None


FAMILY_THRESHOLD = DEFAULT_THRESHOLD
"""A wording is in a formula's family when the matching engine finds it as an occurrence
of the formula (or the formula as an occurrence of it) at this score: the engine's own
default threshold, so discovery and tracking agree on what one formula is."""

FAMILY_LIMIT = 2000
"""Families are formed among the best-ranked points until this many are settled (or
``top``); points further down keep their own rows. Aligning every point of a large
archive with its neighbours would cost more than the rest of discovery."""

FAMILY_FLOOR = 250
"""Families are formed among this many points at least, whatever ``top``: the rows of
``--top 25`` (the report's) are the first 25 of ``--top 100``'s (review 77: at ``--top
25`` "Britain is back on the world stage" was an 8-date carrier row, at ``--top 100`` a
27-date row with its alias, and the report tracked the carrier)."""

FAMILY_MARGIN = 50
"""With ``top``, families are formed among the best ``2 * top + FAMILY_MARGIN`` points, so
that a wording ranked just past ``top`` still joins its formula's row. A longer list
settles more families, and a formula that gathers variants from further down rises:
on the MFA corpus ``--top 100`` shares 83 points with the first 100 of ``--top 400``
and 79 with those of ``--top 1000`` (which are those of the whole list; 9.7 s against
13.0 s)."""

_RICH_WORDS = 4
"""Content words (and more words than that) a point needs to keep its row beside a
better-ranked point that holds it, when found on more than :data:`CORE_SHARE` times its
dates (see :func:`_families`); a shorter phrase inside a sentence is as often a piece
of it ("peace and stability" of "... peace and stability in the Middle East", where
rows of such pieces crowded out MFA formulas)."""

_FAMILY_POOL = 12
"""Better-ranked points whose wording is aligned with a point's (the closest by
rapidfuzz's token-set ratio on the words)."""

_FAMILY_PREFILTER = 50.0
"""Token-set ratio below which two wordings are not aligned at all."""


def _families(
    corpus: _Corpus,
    groups: list[_Group],
    scorer: Callable[[_Group], float],
    weigh: Callable[[str], float],
    *,
    enough: int | None = None,
    names: Mapping[int, str] | None = None,
) -> list[_Group]:
    """Fold each point into a better-ranked one whose formula it is a variant of.

    Going down the ranking, a point joins the better-ranked point it is closest to
    (compared with point leaders only, so formulas never chain; the engine's score, ties
    to the better ranked) among those where the
    matching engine's word alignment (:mod:`consistency.match.align`:
    reordered parts, inflection, inserted and dropped words, edge words)
    scores one wording as an occurrence of the other at
    :data:`FAMILY_THRESHOLD` or more, and the other has every content word
    of the one (see :func:`_keeps`); but a point of :data:`_RICH_WORDS` content words
    that stands inside the other's wording and is found on more than
    :data:`CORE_SHARE` times its dates keeps its row. Only points sharing a content word are
    compared, and of those the :data:`_FAMILY_POOL` closest by token-set
    ratio. The family's text is its most frequent full wording: of the
    members' wordings at least as long as the best-ranked one's, the most
    frequent (ties: the better ranked); every other wording is an alias. ``enough``: stop
    folding once that many points are settled (the rest is cut off anyway).
    """
    accepted: list[_Group] = []
    by_word: dict[int, list[int]] = {}
    absorbed: dict[int, list[_Group]] = {}
    words, function = corpus.words, corpus.function
    texts: list[list[str]] = []
    joined: list[str] = []
    name_ids = _name_ids(corpus) if names is None else names
    for group in groups:
        if enough is not None and len(accepted) >= enough:
            accepted.append(group)
            continue
        mine = [words[w] for w in group.key]
        content = {w for w in group.key if not function[w]}
        pool = sorted({j for w in content for j in by_word.get(w, ())})
        target = None
        closest = 0.0
        if pool:
            text = " ".join(mine)
            hits = process.extract(
                text,
                [joined[j] for j in pool],
                scorer=fuzz.token_set_ratio,
                score_cutoff=_FAMILY_PREFILTER,
                limit=_FAMILY_POOL,
            )
            for _, _, at in sorted(hits, key=lambda h: pool[h[2]]):
                j = pool[at]
                if _other_names(group.key, accepted[j].key, name_ids) or _lacks_names(
                    group.key, accepted[j].key, name_ids, function
                ):
                    continue
                if corpus.negated(group.key) != corpus.negated(accepted[j].key):
                    continue
                if (
                    not group.core
                    and len(group.key) > _RICH_WORDS
                    and sum(not function[w] for w in group.key) >= _RICH_WORDS
                    and _stands_in(group.key, accepted[j].key, words)
                    and len(group.dates) > CORE_SHARE * len(accepted[j].dates)
                ):
                    # a formula of its own said far more often than a sentence that holds
                    # it, which would name the row and count its dates alone (review 70:
                    # the gate then passed the formula reworded in another sentence), in
                    # any spelling of its words (review 161: "peace and tranquility in
                    # the border areas", 69 dates, named by a carrier of 8 that spelled
                    # "tranquillity")
                    continue
                inside = _aligned(mine, texts[j], weigh)
                holds = _aligned(texts[j], mine, weigh)
                fit = max(
                    inside if inside >= FAMILY_THRESHOLD and _keeps(mine, texts[j], weigh) else 0,
                    holds if holds >= FAMILY_THRESHOLD and _keeps(texts[j], mine, weigh) else 0,
                )
                if fit > closest:
                    # the formula it is said closest to: "恪守一个中国原则和...的规定" joins
                    # "敦促美方*恪守*一个中国原则和...规定", not the better-ranked "*严重违反*
                    # 一个中国原则和...规定" it is an edge variant of (mfa-zh)
                    target, closest = j, fit
        if target is not None:
            absorbed.setdefault(target, []).append(group)
            continue
        for w in content:
            by_word.setdefault(w, []).append(len(accepted))
        texts.append(mine)
        joined.append(" ".join(mine))
        accepted.append(group)
    return _absorb(corpus, accepted, absorbed, scorer, weigh)


def _absorb(
    corpus: _Corpus,
    accepted: list[_Group],
    absorbed: dict[int, list[_Group]],
    scorer: Callable[[_Group], float],
    weigh: Callable[[str], float],
) -> list[_Group]:
    """Each accepted group with the groups folded into it, ranked again.

    The merged group's wording is the most frequent of the members' wordings
    at least as long as the accepted one's (ties: the better ranked), none of them
    another member (of :data:`_RICH_WORDS` content words: "China's domestic affairs" is a
    piece of "stop interfering in China's domestic affairs", MFA) in a longer context said
    on less than half its dates (see
    :func:`_in_longer_context`: "continue to believe that a two-state solution remains
    ...", 4 sayings on 6 dates, over "two-state solution remains ...", the row's best
    ranked, on 52, whose sayings mostly open on "a" or "the": review 156; "does not
    change the facts on the ground", on as many dates as "the facts on the ground
    whatsoever", is the formula: review 161). Where the accepted one is such a carrier
    (ranked above the formula, which closes the speaker's turns and reads partly as
    procedure: fresh-clone trial 182, a carrier of 3 dates named a formula's row of 18),
    the member on the most dates stands in its place; but a member that
    lies inside that wording and is found on more than :data:`CORE_SHARE` times its dates
    is the formula, and that wording a frame it is said in: "our ironclad
    commitment to the defense of Japan" (35 dates) in "Today's announcement reflects
    our ironclad commitment ..." (9 dates), which ranked first (a review: the row was
    named by the frame and counted its 9 dates).
    """
    for target, extra in absorbed.items():
        group = accepted[target]
        occs = _dedupe(o for g in [group, *extra] for o in g.occs)
        counts = Counter(map(corpus.key, occs))
        members = [group, *extra]
        framed = {
            id(g)
            for g in members
            if any(
                2 * len(g.dates) < len(o.dates)
                and len(g.key) >= len(o.key) + CONTEXT_WORDS - 1
                and sum(not corpus.function[w] for w in o.key) >= _RICH_WORDS
                and _framing(corpus, o.key, g.key)
                for o in members
                if o is not g
            )
        }
        lead = (
            group
            if id(group) not in framed
            else max(
                (g for g in members if id(g) not in framed),
                key=lambda g: (len(g.dates), -members.index(g)),
            )
        )
        wordings = [lead.key] + [
            g.key
            for g in members
            if g is not lead and id(g) not in framed and len(g.key) >= len(lead.key)
        ]
        key = max(wordings, key=lambda k: (counts[k], -wordings.index(k)))
        chosen = next(g for g in members if g.key == key)
        cores = [
            g for g in members if _said_in(g, chosen, corpus.words) or _carries(corpus, chosen, g)
        ] or [g for g in members if _said_otherwise_in(corpus, g, chosen, weigh)]
        if cores:
            key = max(cores, key=lambda g: (len(g.dates), -members.index(g))).key
            key, occs = _grown(corpus, key, _merged(corpus, members, key))
        merged = _Group(
            occs=occs,
            key=key,
            dates=sorted({corpus.pdate[o.start] for o in occs}),
            core=bool(cores),
        )
        merged.score = max(group.score, scorer(merged))
        if cores or group.core:
            # the frames' words tell which wording each saying is, not how the row ranks
            merged.occs = _narrowed(corpus, key, occs, weigh)
        accepted[target] = merged
    return _ranked(corpus, accepted)


GROW_SHARE = 2 / 3
"""The share of a core's sayings that must go on with the same words for the core to take
them in (see :func:`_grown`)."""

_GROW_WORDS = 8
"""The most words a core takes in on either side (see :func:`_grown`)."""


def _grown(
    corpus: _Corpus, key: tuple[int, ...], occs: Sequence[_Occ]
) -> tuple[tuple[int, ...], list[_Occ]]:
    """The core ``key`` of a family said in frames, grown over the words that
    :data:`GROW_SHARE` of its sayings (anywhere, in its frames too) say beside it in the
    same clause, to a content word at either end; its occurrences among ``occs`` grown
    with it. Each frame held the
    core's occurrences it was said in, so the core left to name the family can be a
    piece of the formula: "lodged a solemn protest" where 37 of its 46 sayings go on
    "through diplomatic channels" after "The embassy ...", "The Director-General ...",
    "We have already ..." (review 162: the row dropped the formula's last three words)."""
    n = len(key)
    said = _said_at(corpus, key)
    if not said:
        return key, list(occs)
    ids, function = corpus.ids, corpus.function
    need = GROW_SHARE * len(said)

    def grow(step: int) -> list[int]:
        at = [a + n - 1 if step > 0 else a for a in said]
        taken: list[int] = []
        kept = 0
        while len(taken) < _GROW_WORDS:
            nxt = Counter(
                ids[a + step]
                for a in at
                if a >= 0
                and (corpus.joinable(a, a + 1) if step > 0 else a > 0 and corpus.joinable(a - 1, a))
            )
            if not nxt:
                break
            word, times = nxt.most_common(1)[0]
            if times < need:
                break
            at = [
                a + step if 0 <= a + step < len(ids) and ids[a + step] == word else -1 for a in at
            ]
            taken.append(word)
            if not function[word]:
                kept = len(taken)
        return taken[:kept]

    after, before = grow(1), grow(-1)
    if not after and not before:
        return key, list(occs)
    left, right = len(before), len(after)
    grown_key = (*reversed(before), *key, *after)
    out = []
    for o in occs:
        if corpus.key(o) == key:
            wider = _Occ(o.start - left, o.end + right)
            if (
                wider.start >= 0
                and wider.end <= len(ids)
                and corpus.same_clause(wider.start, wider.end - 1)
                and corpus.key(wider) == grown_key
            ):
                o = wider
        out.append(o)
    return grown_key, _dedupe(out)


def _narrowed(
    corpus: _Corpus, key: tuple[int, ...], occs: Sequence[_Occ], weigh: Callable[[str], float]
) -> list[_Occ]:
    """``occs`` of a family named by its core ``key``, each frame's that holds the formula
    in other words cut to the span the engine reads as the formula (at
    :data:`FAMILY_THRESHOLD`): a frame that says it another way counts as that wording,
    not as the whole frame ("The Government of Japan *lodged a strong protest through
    diplomatic channels* against the Laos side" under "lodged a solemn protest through
    diplomatic channels": the wording with "strong" was no alias, its sayings counted as
    "other wordings grouped with it": a fresh-clone trial). A wording that holds the
    formula word for word (a frame, gone already where the formula is found inside it: see
    :func:`_merged`) or only function words more ("*a* stable, peaceful ... Bangladesh")
    stays whole, and so do words at its edge said nowhere else beside the formula: they
    are that wording's own, not a frame's ("*firmly* a manufacturing revival ...": see
    :func:`_carried`)."""
    point = [corpus.words[w] for w in key]
    keys = _word_keys(tuple(point), weigh, NO_GRAMMAR)
    n = len(key)
    beside: _Beside | None = None
    out = []
    for o in occs:
        said = corpus.key(o)
        if len(said) > n and not any(said[i : i + n] == key for i in range(len(said) - n + 1)):
            best = Keyed(point, weigh, [corpus.words[w] for w in said], keys).best(0, len(said))
            if best is not None and best.score >= FAMILY_THRESHOLD:
                beside = beside or _Beside(corpus, key)
                head, tail = said[: best.first], said[best.end :]
                opening = corpus.words[said[best.first]]
                first = best.first if _framed(corpus, head, beside, opening) else 0
                end = best.end if _framed(corpus, tail, beside) else len(said)
                o = _Occ(o.start + first, o.start + end)
        out.append(o)
    return _dedupe(out)


def _said_at(corpus: _Corpus, key: tuple[int, ...]) -> list[int]:
    """Where the corpus says ``key`` word for word, in one clause."""
    n = len(key)
    return [int(a) for a in corpus.where(key) if corpus.same_clause(int(a), int(a) + n - 1)]


class _Beside:
    """The words the corpus says right before and right after a formula's sayings, in
    the same clause, counted once for every occurrence :func:`_narrowed` reads."""

    def __init__(self, corpus: _Corpus, key: tuple[int, ...]) -> None:
        ids, n = corpus.ids, len(key)
        said = _said_at(corpus, key)
        self.sayings = len(said)
        self.before = Counter(ids[a - 1] for a in said if a > 0 and corpus.same_clause(a - 1, a))
        self.after = Counter(
            ids[a + n] for a in said if a + n < len(ids) and corpus.same_clause(a + n - 1, a + n)
        )


def _framed(
    corpus: _Corpus, part: tuple[int, ...], beside: _Beside, opening: str | None = None
) -> bool:
    """Whether ``part``, said after a wording of a formula (before it, where the
    wording's ``opening`` word is given), is a frame's: it holds a content word, and the
    word next to the wording is said next to the formula itself, word for word
    (``beside``), but not in :data:`GROW_SHARE` of its sayings: there it is the formula's
    own word, one the row's wording was cut short of ("*only* path to a just and lasting
    peace" in "a two-state solution is the *only* path to a lasting and just peace",
    review 157: the alias lost its first six words). An adjective before a wording that
    opens on no verb is its modifier, no frame ("the *preventive* counter-terrorism and
    de-radicalization measures", MFA)."""
    if all(corpus.function[w] for w in part):
        return False
    before = opening is not None
    if before and _adjective(corpus.words[part[-1]]) and not is_verb(str(opening)):
        return False
    times = beside.before[part[-1]] if before else beside.after[part[0]]
    return 0 < times < GROW_SHARE * beside.sayings


def _carriers(
    corpus: _Corpus,
    groups: list[_Group],
    weigh: Callable[[str], float],
    *,
    enough: int | None = None,
) -> list[_Group]:
    """Fold the rows that hold a rich formula, better ranked or not, said on more than
    :data:`CORE_SHARE` times their dates, into the formula's row: each is the formula in
    a longer context, a carrier sentence of a few dates ("Together with France and the
    United Kingdom we insist that *humanitarian access must be granted immediately and
    without hindrance*": review 74, three rows of one formula, the carriers first; review
    65, four carriers of "a free and open Indo-Pacific" below its row). The formula names
    the row, which ranks as the best of them. A formula of fewer than
    :data:`_RICH_WORDS` content words (a common word coordinated with one counts: "a
    comprehensive, *just* and lasting peace", review 82) said in a longer wording is as
    often a part of
    another formula ("Hong Kong affairs are purely *China's internal affairs*") and
    keeps the rows apart.

    The carriers are the best ``enough`` rows; the formula may rank below them on its
    own: said mostly inside them, it scores less than the best of them ("Indian
    Illegally Occupied Jammu and Kashmir", 121 dates, ranked 337th alone under five
    carriers of 13 to 24 dates: review 155, where ``--top 100`` listed the carriers and
    ``--top 150`` the formula)."""
    limit = len(groups) if enough is None else min(enough, len(groups))
    rows_with: dict[int, set[int]] = {}
    for j in range(limit):
        for w in groups[j].key:
            rows_with.setdefault(w, set()).add(j)
    folded: dict[int, list[int]] = {}
    taken: set[int] = set()
    for k, group in enumerate(groups):
        if (
            k in taken  # a carrier of a formula above it: its row is gone
            or len(group.key) <= _RICH_WORDS
            or _rich_content([corpus.words[w] for w in group.key], corpus.stop) < _RICH_WORDS
        ):
            continue
        near = set.intersection(*(rows_with.get(w, set()) for w in set(group.key)))
        holders = [
            j
            for j in sorted(near)
            if j != k
            and len(group.dates) > CORE_SHARE * len(groups[j].dates)
            and j not in taken
            and j not in folded
            and _part_of(group.key, groups[j].key)
        ]
        if holders:
            folded[k] = holders
            taken.update(holders)
    if not folded:
        return groups
    out = list(groups)
    for k, holders in folded.items():
        members = [groups[k], *(groups[j] for j in holders)]
        occs = _narrowed(corpus, groups[k].key, _merged(corpus, members, groups[k].key), weigh)
        merged = _Group(
            occs=occs,
            key=groups[k].key,
            dates=sorted({corpus.pdate[o.start] for o in occs}),
            core=True,
        )
        merged.score = max(g.score for g in members)
        out[k] = merged
    return _ranked(corpus, [g for j, g in enumerate(out) if j not in taken])


def _heads(corpus: _Corpus, groups: list[_Group], *, enough: int | None = None) -> list[_Group]:
    """Fold a row whose wording opens a longer row's into that one, better ranked or
    not, where it is said inside it on most of its dates and on at most
    :data:`CORE_SHARE` times as many dates as the longer row: the formula's head, said
    alone now and then ("a two-State solution", 40 dates, 35 of them in "a two-State
    solution, with Israel and Palestine living side by side in peace and security":
    review 163, two rows of one formula, the head first). Before the families were
    joined the longer row was three (26, 11 and 9 dates), and the head said on more
    than half as many dates again as any stayed (see :func:`_merge_nested`). The head
    folds into the longer row said on the most dates; a row another folds into stays.
    A formula's end is no head: "推动两军关系健康稳定发展" is the formula that
    "*共同*推动两军关系健康稳定发展" says with a modifier before it (review 164: folded, the
    row lost six places). ``enough``: only the best that many rows."""
    limit = len(groups) if enough is None else min(enough, len(groups))
    rows_with: dict[int, list[int]] = {}
    for j in range(limit):
        for w in set(groups[j].key):
            rows_with.setdefault(w, []).append(j)
    into: dict[int, int] = {}
    targets: set[int] = set()
    for k in range(limit):
        head = groups[k]
        if k in targets:
            continue
        best: int | None = None
        for j in rows_with.get(head.key[0], ()):
            whole = groups[j]
            if (
                j == k
                or j in into
                or len(whole.key) <= len(head.key)
                or whole.key[: len(head.key)] != head.key
                or len(head.dates) > CORE_SHARE * len(whole.dates)
                or corpus.negated(head.key) != corpus.negated(whole.key)
            ):
                continue
            spans = sorted((o.start, o.end) for o in whole.occs)
            starts = [a for a, _ in spans]
            inside = set()
            for o in head.occs:
                at = bisect.bisect_right(starts, o.start) - 1
                if at >= 0 and spans[at][1] >= o.end:
                    inside.add(corpus.pdate[o.start])
            if 2 * len(inside) > len(head.dates) and (
                best is None or len(whole.dates) > len(groups[best].dates)
            ):
                best = j
        if best is not None:
            into[k] = best
            targets.add(best)
    if not into:
        return groups
    out = list(groups)
    for j in sorted(targets):
        members = [groups[j], *(groups[k] for k in sorted(into) if into[k] == j)]
        occs = _dedupe(o for g in members for o in g.occs)
        merged = _Group(
            occs=occs,
            key=groups[j].key,
            dates=sorted({corpus.pdate[o.start] for o in occs}),
            core=any(g.core for g in members),
        )
        merged.score = max(g.score for g in members)
        out[j] = merged
    return _ranked(corpus, [g for k, g in enumerate(out) if k not in into])


def _merged(corpus: _Corpus, groups: Sequence[_Group], key: tuple[int, ...]) -> list[_Occ]:
    """The groups' occurrences in corpus order, one per place: where one of wording ``key``
    stands inside another (a frame it is said in), the one of ``key``; elsewhere the
    longest (see :func:`~consistency.discover.ngrams._dedupe`)."""
    occs = [o for g in groups for o in g.occs]
    mine = sorted({o for o in occs if corpus.key(o) == key}, key=lambda o: o.start)
    starts = [o.start for o in mine]

    def frames(o: _Occ) -> bool:
        at = bisect.bisect_left(starts, o.start)
        return at < len(mine) and mine[at].end <= o.end and mine[at] != o

    return _dedupe(o for o in occs if not frames(o))


def _said_in(core: _Group, frame: _Group, words: Sequence[str] = ()) -> bool:
    """Whether ``core``, a formula said only in frames, is said in ``frame`` and found on
    more than :data:`CORE_SHARE` times its dates: the formula, not a part of the frame.
    With the corpus's ``words``, said in another spelling of a word too: "outstanding
    issues of concern such as the *abduction*, nuclear and missile issues must be resolved
    comprehensively before ..." (5 dates) is a frame of "... such as the *abductions*,
    nuclear and missile issues" (14; review 151: the frame named the row, and the report
    carded the formula "no longer said" while it went on)."""
    if not core.core or len(core.dates) <= CORE_SHARE * len(frame.dates):
        return False
    return _stands_in(core.key, frame.key, words)


def _said_otherwise_in(
    corpus: _Corpus, core: _Group, frame: _Group, weigh: Callable[[str], float]
) -> bool:
    """Whether ``core``, a formula said only in frames and found on more than
    :data:`CORE_SHARE` times the dates of ``frame``, is said in it in other words: the
    engine reads it inside the frame's wording at :data:`FAMILY_THRESHOLD`, the frame
    saying more ("registered a *formal* objection through diplomatic channels over the
    incident and are waiting for answers", 4 dates, of "registered a firm objection
    through diplomatic channels", 23: a fresh-clone trial, the frame named the row and
    the engine then counted its 4 dates). Only where no core is said in it word for word
    (see :func:`_said_in`): a variant core of the family ("lodged a *strong* protest ...")
    named review 162's row over the formula said in the frame."""
    if not core.core or len(core.dates) <= CORE_SHARE * len(frame.dates):
        return False
    return _reads_inside(corpus, core.key, frame.key, weigh)


def _reads_inside(
    corpus: _Corpus, part: tuple[int, ...], whole: tuple[int, ...], weigh: Callable[[str], float]
) -> bool:
    """Whether the engine reads wording ``part`` inside the longer ``whole``, at
    :data:`FAMILY_THRESHOLD`, one content word replaced by another of its class ("a
    *formal* objection" for "a firm objection"), none left out ("bilateral relations *and*
    international and regional issues" holds no "*major* international and regional
    issues", MFA: a first version folded that row into it)."""
    if len(part) >= len(whole):
        return False
    words = corpus.words
    said = [words[w] for w in whole]
    point = tuple(words[w] for w in part)
    best = Keyed(point, weigh, said, _word_keys(point, weigh, NO_GRAMMAR)).best(0, len(said))
    if (
        best is None
        or best.score < FAMILY_THRESHOLD
        or best.end - best.first != len(part)
        or holds_run(whole, part)
    ):
        return False
    other = [(a, b) for a, b in zip(part, whole[best.first : best.end], strict=True) if a != b]
    if len(other) != 1:
        return False
    [(a, b)] = other
    # one content word for another of its class, not another form of it: "China-Russia
    # comprehensive strategic *partnership* of coordination for a new era" is another
    # formula than "comprehensive strategic *partners* of coordination" (MFA)
    one, two = words[a], words[b]
    return (
        not corpus.function[a]
        and not corpus.function[b]
        and not similarity(one, two)
        and not one.startswith(two[:_STEM])
        and (not word_classes(one) or bool(word_classes(one) & word_classes(two)))
    )


_STEM = 5
"""Letters two words share at their start to be one word in two forms (see
:func:`_reads_inside`: "partners", "partnership")."""


def _stands_in(part: tuple[int, ...], whole: tuple[int, ...], words: Sequence[str] = ()) -> bool:
    """Whether ``part`` stands in ``whole`` (see :func:`_part_of`); with the corpus's
    ``words``, each word as spelled or in another spelling ("tranquility",
    "tranquillity")."""
    if _part_of(part, whole):
        return True
    if not words or len(part) >= len(whole):
        return False
    return any(
        all(w == p or similarity(words[w], words[p]) for w, p in zip(whole[i:], part, strict=False))
        for i in range(len(whole) - len(part) + 1)
    )


def _carries(corpus: _Corpus, whole: _Group, part: _Group) -> bool:
    """Whether ``whole``'s wording is a carrier of ``part``'s, a formula said in it after a
    carrier of :data:`CARRIER_WORDS` or more (and before its end or a function word), of
    :data:`NAMED_APART` content words or more, or of
    :data:`~consistency.discover.ngrams.RICH_CORE` holding a verb, a statement of its own
    ("dialogue is the only way forward", 43 dates, review 155: named by "Pakistan's view
    is that ... in the region", 4, the engine then counted 2; not "China's internal
    affairs" in "stop interfering in China's internal affairs"), said after
    :data:`FORMULA_FRAMES`
    different words or more, found on more than :data:`CORE_SHARE` times the dates
    ``whole`` is found on, and at least as often without it as with it (review 152: a
    carrier on 5 of 20 dates, the formula without it on 5 others): "The Prime Minister has
    made clear that *Japan is prepared to hold talks with North Korea without
    preconditions*" (10 dates; review 121: the row of the formula, said on 23 dates after
    three carriers, was named by this one, and a gate on discovered points passed the
    formula negated); "Let me underline once again that *ASEAN centrality remains the
    cornerstone of our regional architecture* and we expect all partners to respect it"
    (review 124: 13 of the formula's 30 dates)."""
    words, stop, pdate = corpus.words, corpus.stop, corpus.pdate
    rich = _rich_content([words[w] for w in part.key], stop)
    if (
        not _after_carrier(whole.key, part.key, words, stop)
        or len(part.dates) <= CORE_SHARE * len(whole.dates)
        or rich < RICH_CORE
        or (rich < NAMED_APART and not any(is_finite_verb(words[w]) for w in part.key))
    ):
        return False
    spans = sorted((o.start, o.end) for o in whole.occs)
    starts = [a for a, _ in spans]

    def carried(o: _Occ) -> bool:
        at = bisect.bisect_left(starts, o.start + 1) - 1
        return at >= 0 and spans[at][1] >= o.end

    alone = {pdate[o.start] for o in part.occs if not carried(o)}
    if len(alone) < len(whole.dates):
        return False
    return len(_frames_before(corpus, part.occs)) >= FORMULA_FRAMES


def _after_carrier(
    key: tuple[int, ...], part: tuple[int, ...], words: Sequence[str], stop: Collection[str]
) -> bool:
    """Whether ``part`` stands in ``key`` after a carrier (see :func:`_carries`): after a
    function word, or after a verb where it opens on an article, the verb's object ("the
    minister backed *a federal solution for the island with both communities sharing
    power ...*", a fresh-clone trial: the carrier, 7 sayings, named the row of the
    formula's 18)."""
    n = len(part)
    opens_object = words[part[0]] in _ARTICLES
    return any(
        key[at : at + n] == part
        and (
            (words[key[at - 1]] in stop and words[key[at - 1]] not in _COORDINATORS)
            or (opens_object and is_verb(words[key[at - 1]]))
        )
        and (at + n == len(key) or words[key[at + n]] in stop)
        for at in range(CARRIER_WORDS, len(key) - n + 1)
    )


def _frames_before(corpus: _Corpus, occs: Iterable[_Occ]) -> list[str]:
    """The frames ``occs`` are said in, each named by the nearest content word before it in
    its clause ("" at the clause's start), one frame in its inflections."""
    words, ids, stop = corpus.words, corpus.ids, corpus.stop
    frames: list[str] = []
    for o in occs:
        j = o.start
        while j > 0 and corpus.same_clause(j - 1, o.start) and words[ids[j - 1]] in stop:
            j -= 1
        word = words[ids[j - 1]] if j > 0 and corpus.same_clause(j - 1, o.start) else ""
        if not any(f == word or similarity(f, word) for f in frames):
            frames.append(word)
    return frames


CARRIER_WORDS = 2
"""Words a carrier says before a formula for the formula to name the row (see
:func:`_carries`), the last a function word that joins no list ("The Prime Minister has
made clear *that*", not "international law *and*"): a name or an article before a wording
is no carrier ("*Xinjiang* affairs are purely China's internal affairs", "*the* cold war
mentality and zero-sum game mindset", MFA)."""

FORMULA_FRAMES = 3
"""Frames a formula said inside a row's wording must be said in for it to name the row
(see :func:`_carries`): more than the :data:`~consistency.discover.ngrams.CORE_FRAMES` of a
shared phrase, for the row has a name already."""


def _lead_ins(corpus: _Corpus, groups: list[_Group], *, enough: int | None = None) -> list[_Group]:
    """``groups`` (ranked) without the rows that lead into a better-ranked one: a clause
    said before a colon with that row's formula after it, on :data:`LEAD_SHARE` of its
    occurrences or more, is the formula's carrier, no talking point of its own ("For the
    Federal Ministry of Finance the starting point is clear: *the debt brake is anchored
    in the Basic Law ...*", review 123: ten such rows in the top 100, one carded "no
    longer said" when that carrier fell silent and the formula went on). ``enough``: stop
    once that many rows are settled."""
    opening: set[int] = set()
    kept: list[_Group] = []
    for group in groups:
        if enough is not None and len(kept) >= enough:
            kept.append(group)
            continue
        led = sum(1 for o in group.occs if _leads_in(corpus, o, opening))
        if group.occs and led >= LEAD_SHARE * len(group.occs):
            continue
        opening.update(o.start for o in group.occs)
        kept.append(group)
    return kept


def _leads_in(corpus: _Corpus, occ: _Occ, opening: Collection[int]) -> bool:
    """Whether ``occ`` ends its clause on a colon, or a few words before (:data:`LEAD_REACH`:
    "I can only repeat what the Minister *has said*:"), a better row's occurrence opening
    the next clause within as many words."""
    last = occ.end - 1 + corpus.room[occ.end - 1] - 1  # the clause's last token
    end = last + 1
    if (
        last - occ.end >= LEAD_REACH
        or end >= len(corpus.ids)
        or corpus.psent[last] != corpus.psent[end]
    ):
        return False
    between = corpus.doc_of(end).text[corpus.ends[last] : corpus.starts[end]]
    if ":" not in between and "\uff1a" not in between:
        return False
    return any(p in opening for p in range(end, min(end + LEAD_REACH, len(corpus.ids))))


LEAD_SHARE = 0.8
"""The share of a row's occurrences that must lead into a better row for it to be that
row's carrier (see :func:`_lead_ins`)."""

LEAD_REACH = 3
"""How far before its clause's colon a row may end (the words a row never ends on: "has
said"), and how far after it the better row's formula may open (the function words before
its first word: "...: *the* debt brake ...")."""


def _part_of(part: tuple[int, ...], whole: tuple[int, ...]) -> bool:
    """Whether ``part`` stands in ``whole``, its words together and in order."""
    return len(part) < len(whole) and holds_run(whole, part)


def _passages(
    corpus: _Corpus,
    groups: list[_Group],
    scorer: Callable[[_Group], float],
    weigh: Callable[[str], float],
    *,
    enough: int | None = None,
    names: Mapping[int, str] | None = None,
) -> list[_Group]:
    """Fold a point into a better-ranked one when most of its occurrences overlap that one's.

    Two points found in one passage, overlapping but neither inside the other
    ("Hong Kong affairs are purely China's internal affairs" and "affairs are
    purely China's internal affairs that brook no foreign interference"), are
    one formula cut two ways; a reader wants it once. Going down the ranking,
    a point joins the better-ranked point whose occurrences share a content
    word's position with at least half of its own (:data:`_PASSAGE_SHARE`),
    not counting occurrences of the other that lie inside its own and cover
    half of it or less (a longer formula holding a short one, "Xinjiang
    affairs are purely *China's internal affairs*", is a formula of its
    own); a point said mostly on its
    own ("issues of mutual interest" beside "in-depth exchange of views on
    ... issues of mutual interest") stays a row, and so does one naming
    something the other does not (:func:`_other_names`). ``enough``:
    stop once that many points are settled.
    """
    owner: dict[int, tuple[int, int, int]] = {}
    name_ids = _name_ids(corpus) if names is None else names
    accepted: list[_Group] = []
    absorbed: dict[int, list[_Group]] = {}
    ids, function = corpus.ids, corpus.function
    for group in groups:
        if enough is not None and len(accepted) >= enough:
            accepted.append(group)
            continue
        hits: Counter[int] = Counter()
        for o in group.occs:
            spans = (owner.get(p) for p in range(o.start, o.end))
            size = o.end - o.start
            hits.update(
                {
                    j
                    for j, a, b in filter(None, spans)
                    if a < o.start or b > o.end or 2 * (b - a) > size
                }
            )
        need = _PASSAGE_SHARE * len(group.occs)
        target = min(
            (j for j, n in hits.items() if n >= need),
            key=lambda j: (-hits[j], j),
            default=None,
        )
        if target is not None and not _other_names(group.key, accepted[target].key, name_ids):
            absorbed.setdefault(target, []).append(group)
            continue
        at = len(accepted)
        for o in group.occs:
            for p in range(o.start, o.end):
                if not function[ids[p]]:
                    owner.setdefault(p, (at, o.start, o.end))
        accepted.append(group)
    return _absorb(corpus, accepted, absorbed, scorer, weigh)


_PASSAGE_SHARE = 0.5
"""Share of a point's occurrences that must overlap a better point's for it to join that one."""


_NAME_SHARE = 0.5
"""A word is a name when more than this share of its occurrences is capitalised (a
sentence's first word never counts as capitalised)."""


def _name_ids(corpus: _Corpus) -> dict[int, str]:
    """The names of the corpus, by id: words it writes capitalised ("Xinjiang", "Hong",
    "Kong", "Venezuelan"), and Chinese words that jieba's dictionary tags as names of
    places, people or organisations (香港, 新疆, 世界卫生组织): Han script has no capitals."""
    words = corpus.words
    capital = Counter(compress(corpus.ids, corpus.capital))
    total = Counter(corpus.ids) if capital else Counter()
    names = {w: words[w] for w, n in capital.items() if n > _NAME_SHARE * total[w]}
    han = [w for w, word in enumerate(words) if _HAN.search(word)]
    if han:
        names.update((w, words[w]) for w in han if is_han_name(words[w]))
    return names


class _Named:
    """The names in each wording, read once, for :func:`_other_names` over many pairs.

    Grouping asks it of every candidate against each leader close enough to it; the
    names of a wording are gathered once and each distinct pair of sets of names is
    compared once.
    """

    def __init__(self, keys: Sequence[tuple[int, ...]], names: Mapping[int, str]) -> None:
        self.keys = keys
        self.names = names
        self._sets: dict[int, frozenset[str]] = {}
        self._verdicts: dict[tuple[frozenset[str], frozenset[str]], bool] = {}

    def of(self, j: int) -> frozenset[str]:
        got = self._sets.get(j)
        if got is None:
            names = self.names
            got = self._sets[j] = frozenset(names[w] for w in self.keys[j] if w in names)
        return got

    def alike(self, i: int, j: int) -> bool:
        """Whether wording ``j`` names nothing else than wording ``i`` does."""
        mine = self.of(i)
        if not mine:
            return True
        theirs = self.of(j)
        other = self._verdicts.get((mine, theirs))
        if other is None:
            other = self._verdicts[mine, theirs] = _names_differ(mine, theirs)
        return not other


def _other_names(a: Collection[int], b: Collection[int], names: Mapping[int, str]) -> bool:
    """Whether each wording names something the other does not: another formula.

    "Xinjiang affairs are purely China's internal affairs" is not "Hong Kong
    affairs are purely China's internal affairs", though all but the name
    agree; a name only dropped ("position is consistent and clear") is no
    other formula.
    """
    return _names_differ({names[w] for w in a if w in names}, {names[w] for w in b if w in names})


def _lacks_names(
    member: Sequence[int],
    leader: Sequence[int],
    names: Mapping[int, str],
    function: Sequence[int],
) -> bool:
    """Whether the ``leader``'s wording puts a name inside the ``member``'s, a short one
    (fewer than :data:`~consistency.match.KEY_WORDS` content words): a name of its own
    standing between two of the member's words. The engine reads such a name as
    another subject ("in accordance with the *Basic* Law" is no "in accordance with the
    law"), and the member is never one of the point's aliases (see :func:`_describe`), so
    folded in it would only swell the point's dates with occurrences that tracking the
    point never finds: "China's position is clear" (10 times) made 44 dates of "China's
    position on the *Venezuelan* issue is consistent and clear" (3 times). A name before
    or after the member's words qualifies the whole formula ("*Hong Kong's* prosperity
    and stability")."""
    if sum(not function[w] for w in member) >= KEY_WORDS:
        return False
    mine = {names[w] for w in member if w in names}
    own = set(member)
    at = [k for k, w in enumerate(leader) if w in own]
    if len(at) < 2:
        return False
    return any(
        w in names and not _same_name(names[w], mine) and w not in own
        for w in leader[at[0] + 1 : at[-1]]
    )


def _names_differ(mine: Collection[str], theirs: Collection[str]) -> bool:
    return _name_beyond(mine, theirs) and _name_beyond(theirs, mine)


def _name_beyond(names: Iterable[str], others: Collection[str]) -> bool:
    """Whether one of ``names`` has no form among ``others``."""
    return any(w not in others and not _same_name(w, others) for w in names)


def _same_name(name: str, names: Collection[str]) -> bool:
    """Whether ``names`` has ``name`` or a form of it: "China" / "Chinese", "Korea" / "Korean"
    (the shorter less its last letter, at least four letters, opens the longer)."""
    for other in names:
        short, long = (name, other) if len(name) <= len(other) else (other, name)
        if short == long or (len(short) > _STEM and long.startswith(short[:-1])):
            return True
    return False


_STEM = 4
"""Letters a name must have before its other forms ("Chinese" of "China") are told by their
opening letters."""


def _keeps(point: Sequence[str], other: Sequence[str], weigh: Callable[[str], float]) -> bool:
    """Whether every content word of ``point`` is in ``other`` (or a word spelled alike).

    A family may reorder, inflect, add or drop words, but a wording whose
    content word is replaced by another is another formula: "China and
    Japan" is not "China and the US". In a short wording (fewer than
    :data:`~consistency.match.KEY_WORDS` content words) every word counts; a
    longer one may differ in its first or last content word (an edge
    variant: "*building* a community with a shared future for mankind", "the
    *vision* of a community with a shared future for mankind"), and one of more
    than ``KEY_WORDS`` in any one content word, as the engine scores it
    ("Hong Kong affairs are purely China's *domestic* affairs",
    两国*元首*达成的重要共识 beside 两国*领导人*达成的重要共识): with four, one of
    them is a quarter of the meaning (维护*半岛*和平稳定 is not 维护*海上*和平稳定).
    """
    have = set(other)
    content = [w for w in point if weigh(w) >= RARE]
    needed = content if len(content) >= KEY_WORDS else point
    missing = [k for k, w in enumerate(needed) if w not in have and not _alike(w, have)]
    if not missing:
        return True
    if len(missing) == 1 and _adverb_swapped(needed[missing[0]], point, have, weigh):
        return True
    if needed is not content or len(missing) != 1:
        return False
    edge = missing[0] in (0, len(content) - 1)
    return edge or len(content) > KEY_WORDS


def _adverb_swapped(
    word: str, point: Sequence[str], have: Collection[str], weigh: Callable[[str], float]
) -> bool:
    """Whether ``word``, the one of ``point`` the other wording lacks, is an adverb (dropped
    or swapped for another) or a common word the other says an adverb for: "The President
    has been *incredibly* clear" and "... *very* clear" are one formula (review 166: two rows,
    112 dates between them, the one said on 65 ranked past 200, and a gate passed "...
    *somewhat* clear"), as "*comprehensively* and effectively implement" and "*fully* and
    ..." are. How much, not what: the formula says the same of the same thing."""
    if is_adverb(word):
        return True
    return weigh(word) < RARE and any(is_adverb(w) for w in have if w not in point)


def _alike(word: str, words: Iterable[str]) -> bool:
    return any(similarity(word, o) for o in words)


def _aligned(
    point: Sequence[str],
    other: Sequence[str],
    weigh: Callable[[str], float],
    grammar: Grammar = NO_GRAMMAR,
) -> float:
    """The engine's score of ``other`` read as an occurrence of ``point`` (0-100); with
    the coordinators of ``grammar``, one of them never stands for another word, as in
    ``track``. Families are grouped without that rule: "ease tensions *over* the Iranian
    nuclear issue" is a wording of "ease tensions *and resolve* the Iranian nuclear
    issue"."""
    keyed = Keyed(point, weigh, other, _word_keys(tuple(point), weigh, grammar), grammar=grammar)
    return keyed.score(0, len(other)).score


@lru_cache(maxsize=1 << 12)
def _word_keys(
    point: tuple[str, ...], weigh: Callable[[str], float], grammar: Grammar
) -> dict[str, tuple[str, float]]:
    """The words keyed against ``point`` so far (the ``cache`` of
    :class:`~consistency.match.align.Keyed`): grouping families aligns one wording against
    thousands of others, whose words are mostly the same few; each is keyed once."""
    return {}


_JOINING = Grammar(coordinators=_COORDINATORS)
"""The grammar of :func:`_joins_instead`: its coordinators alone."""


def _joins_instead(
    point: Sequence[str], other: Sequence[str], weigh: Callable[[str], float]
) -> bool:
    """Whether ``other`` is ``point`` with a coordinator in place of one of its words, which
    the engine rejects: "Hong Kong affairs *and* China's internal affairs" joins two things
    where "Hong Kong affairs *are* China's internal affairs" says one is the other."""
    return _aligned(point, other, weigh, _JOINING) == 0.0 < _aligned(point, other, weigh)


def _pieces(key: tuple[int, ...], shortest: int) -> Iterable[tuple[int, ...]]:
    """The contiguous parts of ``key`` at least ``shortest`` long, longest first."""
    size = len(key)
    for length in range(size, max(shortest, 1) - 1, -1):
        for start in range(size - length + 1):
            yield key[start : start + length]


def _unique_ids(texts: Sequence[str]) -> list[str]:
    taken: set[str] = set()
    out: list[str] = []
    for text in texts:
        base = slug(text)
        name, k = base, 1
        while name in taken:
            k += 1
            name = f"{base}-{k}"
        taken.add(name)
        out.append(name)
    return out
