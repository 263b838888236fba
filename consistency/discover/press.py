"""The journalists' words: how much a phrase belongs to the questions as well as the answers.

A talking point is what the officials say and the journalists, as a rule, do
not: they ask about it, in words of their own. A phrase both sides use at the
same rate is the language of the topic (the name of an issue: "the trade war",
"the Iranian nuclear issue") or of everyday speech ("around the world", "in the
future"), not the official line. In a Q&A transcript the journalists' turns are
a sample of that shared language, taken on the same days and topics, so
discovery can learn it from the archive itself: :class:`PressWords` counts a
phrase in the turns discovery does not read (the journalists'), and
:func:`shared_share` sets its rate there against its rate in the officials'
turns. A phrase a journalist quotes back ("You keep *saying* ...", after a verb of the
tokeniser's ``quoting``) is the officials' words, asked about, and does not count as theirs.

On the MFA corpus (the officials' 703,000 words, the journalists' 218,000): "the
one-China principle" 0.05, "a community with a shared future for mankind" 0.12,
"one country, two systems" 0.30, "around the world" 0.46, "the South China Sea"
0.55, "in the future" 0.54, "the trade war" 0.80.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from ..models import Document, Role
from ..normalise import Tokeniser, named_words, token_columns
from ..segment import select_turns

MIN_TOKENS = 500
"""Journalists' words an archive needs before their use says anything (a statement or a
speech has none: every phrase is then the officials' alone)."""


class PressWords:
    """The words of the turns discovery leaves out that are journalists' (``Role.PRESS``).

    Words are numbered as in the discovery corpus (``words``, id -> word);
    a word the officials never say gets no number (it stands in no phrase).
    With ``include_questions`` (the journalists' turns are read as the
    officials'), none are left.
    """

    def __init__(
        self,
        documents: Sequence[Document],
        words: Sequence[str],
        *,
        include_questions: bool,
        speakers: Collection[str],
        tokeniser: Tokeniser | None,
    ) -> None:
        number = {w: k for k, w in enumerate(words)}
        ids = array("i")
        quoted = bytearray()
        verbs = named_words(tokeniser, "quoting")
        leads = quote_leads(tokeniser)
        before_that = named_words(tokeniser, "saying_that")
        if not include_questions:
            for doc in documents:
                chosen = {
                    (t.start, t.end)
                    for t in select_turns(doc, include_questions=False, speakers=speakers)
                }
                for turn in doc.turns:
                    if turn.role is Role.PRESS and (turn.start, turn.end) not in chosen:
                        found, spans = token_columns(
                            doc.text[turn.start : turn.end], turn.start, tokeniser=tokeniser
                        )
                        ids.extend(number.get(w, -1) for w in found)
                        ids.append(-1)
                        quoted += _quoted(doc.text, found, spans, verbs, leads, before_that)
                        quoted.append(0)
        self.tokens = len(ids) - ids.count(-1)
        self._row = ids
        self._quoted = bytes(quoted)
        self._ids: npt.NDArray[np.int32] = np.frombuffer(self._row, dtype=np.int32)
        self._order: npt.NDArray[Any] = np.argsort(self._ids, kind="stable")
        self._bounds: list[int] = np.searchsorted(
            self._ids[self._order], np.arange(-1, len(words) + 1)
        ).tolist()
        self._counted: dict[tuple[int, ...], int] = {}

    def __bool__(self) -> bool:
        return self.tokens >= MIN_TOKENS

    def count(self, key: Sequence[int]) -> int:
        """How many times the phrase of word ids ``key`` stands in the journalists' turns."""
        key = tuple(key)
        known = self._counted.get(key)
        if known is None:
            known = self._counted[key] = self._count(key)
        return known

    def _count(self, key: tuple[int, ...]) -> int:
        if not key or not self.tokens:
            return 0
        bounds = self._bounds
        sizes = [bounds[w + 2] - bounds[w + 1] for w in key]
        pick = min(range(len(key)), key=sizes.__getitem__)
        if not sizes[pick]:
            return 0
        w, m = key[pick], len(key)
        places = self._order[bounds[w + 1] : bounds[w + 2]]
        quoted = self._quoted
        if len(places) <= _FEW:
            row, whole = self._row, array("i", key)
            return sum(
                row[p - pick : p - pick + m] == whole
                for p in places.tolist()
                if p >= pick and p - pick + m <= len(row) and not quoted[p - pick]
            )
        starts = places - pick
        starts = starts[(starts >= 0) & (starts + m <= len(self._ids))]
        ids = self._ids
        keep = np.frombuffer(quoted, dtype=np.uint8)[starts] == 0
        for k, other in enumerate(key):
            if k != pick:
                keep &= ids[starts + k] == other
        return int(keep.sum())


_QUOTE_BREAK = frozenset(".?!\u3002\uff1f\uff01")
"""A sentence's end: the words after it quote nothing the verb before it takes."""


def quote_leads(tokeniser: Tokeniser | None) -> frozenset[str]:
    """The words that may stand between a quoting verb and the quote (see :func:`_quoted`)."""
    return (
        named_words(tokeniser, "determiners")
        | named_words(tokeniser, "first_person")
        | named_words(tokeniser, "addressees")
    )


def _quoted(
    text: str,
    words: Sequence[str],
    spans: Sequence[int],
    verbs: Collection[str],
    leads: Collection[str],
    before_that: Collection[str] = (),
) -> bytes:
    """For each of a turn's ``words`` (``spans`` flat, as :func:`token_columns` gives them),
    1 where a phrase starting there is quoted: right after one of the ``verbs`` (or one of
    ``before_that`` with "that" after it), or after it and up to two of the ``leads``
    (the tokeniser's determiners, first-person pronouns and addressees: "you keep telling
    *us* ...", fresh-clone trial 182) or "that", in its sentence. A
    journalist who says "You keep saying those responsible must be held accountable, but
    ...", "you said that the world cannot look away", "you keep saying *we* stand firmly
    by ..." (the row opens on "stand": fresh-clone trial 184) or "you have insisted that
    ..." asks about the officials' words and does not speak them; one who says "the
    minister said at this point in time that ..." speaks the words after "at" (review 162:
    an adverbial after the verb)."""
    marks = bytearray(len(words))
    n = len(words)
    for k, word in enumerate(words):
        if word in verbs:
            start = k + 1
        elif word in before_that and k + 1 < n and words[k + 1] == "that":
            start = k + 2
        else:
            continue
        for j in range(start, min(start + QUOTE_LEAD + 1, n)):
            if not _QUOTE_BREAK.isdisjoint(text[spans[2 * j - 1] : spans[2 * j]]):
                break
            marks[j] = 1
            if words[j] not in leads and words[j] != "that":
                break
    return bytes(marks)


QUOTE_LEAD = 2
"""The most words ("that", a determiner, "we") between a quoting verb and the quote's first
word of substance: "you said *that the* world cannot look away"."""


_FEW = 48
"""Places of the rarest word up to which a phrase is checked word by word, not with numpy
(whose cost per call outweighs a few dozen comparisons)."""


def shared_share(official: int, official_tokens: int, press: int, press_tokens: int) -> float:
    """The journalists' share of a phrase's use, their rates set side by side (0..1).

    ``rate_p / (rate_p + rate_o)``: 0 for a phrase only officials say, 0.5
    for one both say as often per word spoken.
    """
    if not official_tokens or not press_tokens:
        return 0.0
    rate_o = official / official_tokens
    rate_p = press / press_tokens
    return rate_p / (rate_p + rate_o) if rate_p + rate_o else 0.0
