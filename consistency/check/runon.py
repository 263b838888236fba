"""Words put in after a formula's end: a wording said word for word that runs on.

A formula's span ends with its last word ("the Government's number one mission is to
grow the economy"), so words a new briefing puts after it ("... grow the economy *in
every part of the country*") are no part of any span, and the wording read as said
before (review 153, G1: a new qualifier of a slogan passed ``check``, ``report`` and
``diff``). What follows a formula varies; what tells an addition is the baseline's
habit: where the point's sayings there (nine in ten) end their clause right after it,
or go on with the same words ("... and that there was more to do"), a new saying that
does so only a few words later, those words qualifying the formula (no verb, no word
that opens a clause first), has put them in.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..index import phrase_sentences
from ..lexicon import is_verb
from ..match import Match
from ..models import Token
from .baseline import Baseline

RUN_ON_WORDS = 8
"""The most words after a formula read as put in at its end: a run that goes on past
them before its clause ends is the sentence going on, not a qualifier of the formula."""

RUN_ON_LEAST = 2
"""The fewest words read as put in at a formula's end ("grow the economy *now*" is left
to the sentence)."""

RUN_ON_ALIKE = 0.9
"""The share of the baseline's sayings of a point that must go on alike right after it
(see :data:`Habit`) for words a new saying puts there to be read as put in."""

RUN_ON_EVIDENCE = 3
"""The fewest baseline sayings of the point that can show that habit."""

RUN_ON_SAMPLE = 60
"""The most baseline sentences read for each wording (the first, in the archive's
order)."""

_BREAK = re.compile(r"[^\s\-\u2010\u2011'\u2019]")
"""Between two tokens, what ends a clause: any mark but a hyphen or an apostrophe."""


@dataclass(frozen=True)
class RunOn:
    """Words a saying puts after a wording's end.

    last: the index of the last token put in; sayings: the baseline's sayings of the
    point read; alike: how many of them go on in its usual ways (see :data:`Habit`):
    ``closes``, their clause ending right after it, ``usual``, those words following it
    (``()``: none).
    """

    last: int
    sayings: int
    alike: int
    closes: bool = True
    usual: tuple[str, ...] = ()

    @property
    def habit(self) -> str:
        """The usual ways in words: ``end their clause``, ``go on with "and that"``, or
        both joined by "or"."""
        ways = ["end their clause"] if self.closes else []
        if self.usual:
            ways.append(f'go on with "{" ".join(self.usual)}"')
        return " or ".join(ways)


_CLOSE = ()
"""What a saying has after a wording where its clause ends there."""

_NEXT = 2
"""The words after a wording that stand for what a saying goes on with."""

Habit = tuple[int, int, frozenset[tuple[str, ...]]]
"""Of a point's sayings in the baseline (all its wordings): how many were read, how many
go on in one of its usual ways right after it, and those ways (:data:`_CLOSE`: the clause
ends there; else the next :data:`_NEXT` words): the clause's end, one same continuation,
or the two together, where they make :data:`RUN_ON_ALIKE` of the sayings; none where
they do not."""


def _habit(baseline: Baseline, forms: Collection[tuple[str, ...]]) -> Habit:
    """What the baseline's sayings of the point (any of its wordings ``forms``) go on with
    right after them (see :data:`Habit`)."""
    after: Counter[tuple[str, ...]] = Counter()
    for form in sorted(forms):
        m = len(form)
        for n in phrase_sentences(baseline, form, limit=RUN_ON_SAMPLE):
            sentence = baseline.sentence(n)
            tokens = sentence.tokens
            text = baseline.text(sentence.document)
            words = [t.text for t in tokens]
            for at in range(len(words) - m + 1):
                if tuple(words[at : at + m]) == form:
                    after[_next(tokens, text, words, at + m - 1)] += 1
    sayings = after.total()
    closed = after.pop(_CLOSE, 0)
    usual, same = after.most_common(1)[0] if after else (_CLOSE, 0)
    for ways, alike in (
        (frozenset({_CLOSE}), closed),
        (frozenset({usual}), same),
        (frozenset({_CLOSE, usual}), closed + same),
    ):
        if alike and alike >= RUN_ON_ALIKE * sayings:
            return sayings, alike, ways
    return sayings, 0, frozenset()


def _next(tokens: Sequence[Token], text: str, words: Sequence[str], end: int) -> tuple[str, ...]:
    """What follows token ``end``: :data:`_CLOSE` where its clause ends within
    :data:`_NEXT` tokens, else the next :data:`_NEXT` words."""
    for k in range(end + 1, end + 1 + _NEXT):
        if k >= len(tokens) or _BREAK.search(text, tokens[k - 1].end, tokens[k].start):
            return _CLOSE
    return tuple(words[end + 1 : end + 1 + _NEXT])


def run_on(
    match: Match,
    text: str,
    baseline: Baseline,
    forms: frozenset[tuple[str, ...]],
    habits: dict[frozenset[tuple[str, ...]], Habit],
    openers: Collection[str] = (),
) -> RunOn | None:
    """The words the sentence of ``match`` (a wording of the point said word for word, in
    ``text``; ``forms``: all its wordings) puts right after its end, where the baseline's
    sayings of the point go on in a usual way (:data:`Habit`) and this one does so
    :data:`RUN_ON_LEAST` to :data:`RUN_ON_WORDS` words later, in the same clause (review
    153: "... grow the economy *in every part of the country*," where its sayings before
    end their clause or go on "and that there was more to do"), words that qualify the
    formula (see :func:`_qualifies`). None otherwise. ``habits``: each point's habit read
    so far; ``openers``: the tokeniser's words that open a clause of their own."""
    if forms not in habits:
        habits[forms] = _habit(baseline, forms)
    sayings, alike, ways = habits[forms]
    if not ways or sayings < RUN_ON_EVIDENCE:
        return None
    # the tokens after the span only: a line of 600 KB holds the formula hundreds of times
    tokens = match.sentence.tokens
    after = match.last
    words = [t.text for t in tokens[after : after + 1 + RUN_ON_WORDS + _NEXT]]
    for k in range(after, min(len(tokens), after + 1 + RUN_ON_WORDS)):
        closes = k + 1 >= len(tokens) or bool(
            _BREAK.search(text, tokens[k].end, tokens[k + 1].start)
        )
        here = k - after
        then = _CLOSE if closes else tuple(words[here + 1 : here + 1 + _NEXT])
        if then in ways:
            put = words[1 : here + 1]
            if len(put) < RUN_ON_LEAST or not _qualifies(put, openers):
                return None
            usual = next((w for w in ways if w != _CLOSE), ())
            if usual and len(put) == len(usual) and put[0] == usual[0]:
                # the usual continuation, another word in it: "... sanctions in
                # *Afghanistan*" where a saying before went on "in Qatar" (review 160)
                return None
            return RunOn(k, sayings, alike, _CLOSE in ways, usual)
        if closes:
            return None
    return None


def _qualifies(put: Sequence[str], openers: Collection[str]) -> bool:
    """Whether words put after a formula qualify it ("in every part of the country", "to new
    heights"), not say something more in a clause of their own: the first no word that
    opens one (a coordinator, contrastive or subordinator of the tokeniser's: "and we
    have conveyed it at all levels", "but that difficult choices lay ahead", "as some
    forces claim", "while inflation falls"), none a verb ("must be maintained"; see
    :func:`~consistency.lexicon.is_verb`): the sentence goes on, the formula is the same
    (reviews 136, 140 and a fresh-clone review: false findings)."""
    return put[0] not in openers and not any(is_verb(w) for w in put)
