"""How much each word counts: the matcher's only notion of "important".

A word's **weight** is its information in ordinary language: a word people
write rarely says more than one they write all the time. It is read from the
background model in :mod:`consistency.lexicon` (Zipf frequencies), so it is a
property of the word alone, never of which briefings happen to be searched: a
span found in one briefing is the same span inside any archive.

======================  =====  ======================================
word                    Zipf   weight
======================  =====  ======================================
the / 的                 7.7    :data:`FLOOR` (a function word)
our                     6.1    0.37
china / 中国             5.6    0.48 / 0.31
peace                   5.2    0.56
fully                   4.9    0.62
comprehensively         3.0    1.00
======================  =====  ======================================

``weight = clamp((MAX_ZIPF - zipf) / ZIPF_SPAN, FLOOR, 1)``; the tokeniser's
function words always weigh :data:`FLOOR`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from ..lexicon import MAX_ZIPF, cut_short, lemmas, zipf

ZIPF_SPAN = 5.0
"""Zipf range over which a word's weight rises from :data:`FLOOR` to 1."""

FLOOR = 0.1
"""The weight of a function word: it counts, but ten times less than a rare word."""

RARE = 0.3
"""Words weighing at least this much pick candidate sentences and may be moved or
stand for a point's word at its edges; lighter ones are function words."""

SIMILAR_WORD = 85.0
"""rapidfuzz ratio at or above which two words count as spelled alike
("exchange"/"exchanges", "changed"/"unchanged"): both of 4+ characters, with
the same first three, or the one the other with a prefix put before it
(inflection and prefixes change one end of a word, not both; see
:func:`_prefix_added`)."""

AFFIX = 3
"""Characters two words spelled alike must share at their start or at their end."""


@lru_cache(maxsize=1 << 18)
def weight(word: str, function_words: frozenset[str] = frozenset()) -> float:
    """How much ``word`` counts in a score (see the module docstring).

    >>> weight("the") == FLOOR and weight("comprehensively") == 1.0
    True
    """
    if word in function_words:
        return FLOOR
    return max(FLOOR, min(1.0, (MAX_ZIPF - zipf(word)) / ZIPF_SPAN))


def is_rare(word: str, function_words: frozenset[str] = frozenset()) -> bool:
    """True for words that carry content (weight at least :data:`RARE`)."""
    return weight(word, function_words) >= RARE


def prefixed(a: str, b: str, prefixes: Iterable[str]) -> bool:
    """Whether one word is the other with one of the negating ``prefixes`` put before it
    (the tokeniser's): "instability", "denuclearization", "unchanged". Spelled alike, but
    the prefix turns the meaning into its opposite; "reunification" stays "unification".

    >>> p = ("in", "un", "de")
    >>> prefixed("instability", "stability", p), prefixed("reunification", "unification", p)
    (True, False)
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(long) > len(short) and any(long in (p + short, f"{p}-{short}") for p in prefixes)


def similarity(a: str, b: str) -> float:
    """0-1: 1 for the same word, the rapidfuzz ratio for words spelled alike, else 0.

    Two forms of one word in the dictionary (see :func:`~consistency.lexicon.lemmas`) are
    spelled alike at :data:`SIMILAR_WORD` at least, however short: "play"/"playing",
    "authority"/"authorities"; "urge"/"urgent" and "equal"/"equality" are other words. So
    is a word and the same cut short (see :func:`~consistency.lexicon.cut_short`): 坚定不移
    and 坚定.

    >>> similarity("exchange", "exchanges") > 0.9, similarity("play", "playing")
    (True, 0.85)
    >>> similarity("urge", "urgent"), similarity("china", "china's")
    (0.0, 0.0)
    """
    if a == b:
        return 1.0
    if cut_short(a, b):
        return SIMILAR_WORD / 100.0
    if len(a) < 4 or len(b) < 4:
        return 0.0
    if a[:AFFIX] != b[:AFFIX] and (a[-AFFIX:] != b[-AFFIX:] or not _prefix_added(a, b)):
        return 0.0
    if a[:AFFIX] == b[:AFFIX] and _infix_added(a, b) and not lemmas(a) & lemmas(b):
        return 0.0
    score = fuzz.ratio(a, b, score_cutoff=SIMILAR_WORD)
    if not score and lemmas(a) & lemmas(b):
        score = SIMILAR_WORD
    return score / 100.0


def _infix_added(a: str, b: str) -> bool:
    """Whether the longer word is the shorter one with letters put inside it, its start and
    end kept: "present"/"pres*id*ent", "basis"/"basi*c*s" are other words (review 74:
    "The federal states wants to *present*" read as "the Federal *President*"), where
    inflection changes a word's end and spelling swaps a letter ("defen*c*e"/"defen*s*e").
    A letter doubled, a vowel or an apostrophe put in is spelling too ("travel*l*ing",
    "neighbo*u*rhood", "people*'*s").

    >>> _infix_added("present", "president"), _infix_added("traveling", "travelling")
    (True, False)
    >>> _infix_added("exchange", "exchanges"), _infix_added("defence", "defense")
    (False, False)
    >>> _infix_added("neighborhood", "neighbourhood"), _infix_added("basis", "basics")
    (False, True)
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    k = 0
    while k < len(short) and short[k] == long[k]:
        k += 1
    j = 0
    while j < len(short) - k and short[-1 - j] == long[-1 - j]:
        j += 1
    if k == len(short) or j == 0:
        return False  # letters put at the end, or the end itself changed
    inserted = long[k : len(long) - j]
    if len(short) - k - j > 0 or not inserted:
        return False  # letters swapped, not only put in
    doubled = inserted in (long[k - 1 : k], long[k + 1 : k + 2])
    return not (len(inserted) == 1 and (doubled or inserted in _SPELLING_INSERTS))


_SPELLING_INSERTS = frozenset("aeiou'")
"""The letters whose putting in is spelling: a vowel ("neighbo*u*rhood",
"acknowledg*e*ment": review 64) and an apostrophe, a possessive for a plural
("people*'*s"/"peoples")."""


PREFIX_MIN = 2
"""Letters a prefix has at least: "re-" of "reunification", never the "p" of "president"."""


def _prefix_added(a: str, b: str) -> bool:
    """Whether the longer word is the shorter one with letters put before it (a prefix, of
    :data:`PREFIX_MIN` letters or more, hyphenated or not): words that share their end and
    not their start are otherwise different words ("western"/"eastern", "nuclear"/"unclear",
    "moment"/"movement", "constitution"/"institution"); inflection changes a word's end.

    >>> _prefix_added("reunification", "unification"), _prefix_added("president", "resident")
    (True, False)
    >>> _prefix_added("stability", "ability"), _prefix_added("co-operation", "operation")
    (False, True)
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    head = long[: len(long) - len(short)].rstrip("-")
    if head.isascii() and head.isalpha() and not _VOWELS.intersection(head):
        return False  # no syllable: "*st*ability" is no "ability" with a prefix (MFA)
    return long.endswith(short) and len(head) >= PREFIX_MIN


_VOWELS = frozenset("aeiouy")
"""A prefix written in Latin letters is a syllable at least, and holds one of these:
"re-", "un-", "co-", "dis-"; "st" of "stability" or "br" of "brought" is none."""
