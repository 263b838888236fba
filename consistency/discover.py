"""Discover recurring talking points without a watchlist.

A *talking point* is a formulation that officials repeat on at least
``min_dates`` distinct dates. :func:`discover` finds them in time roughly
linear in the size of the corpus; it never compares sentences pairwise.

How it works
------------

1. **Clauses.** The selected sentences (officials and narration by default:
   the same turns as ``track``) are cut into clauses at hard punctuation
   (``; : ( ) ! ? .`` and dashes). Commas and quotes do not cut, so "a sea of
   peace, friendship and cooperation" stays one unit, while "(DOC)" does not
   glue onto what precedes it. Every normalised token becomes an integer.
2. **Recurring n-grams, level by level.** Each 4-word n-gram is hashed and
   kept when it occurs on ``min_dates`` distinct dates; an (n+1)-gram is only
   looked at where both n-grams inside it were kept (the a-priori rule), and
   its hash extends the n-gram's, so each level costs one pass over the
   positions still alive. For every position this gives the length of the
   longest recurring n-gram starting there.
3. **Maximal phrases.** An occurrence is *maximal* when no longer recurring
   n-gram contains it. A phrase becomes a candidate when it is maximal (it
   stands on its own) on ``min_dates`` dates: fragments such as "sea of peace
   friendship and" never do, so they never come out.
4. **A reader's boundaries.** A comma that does not separate list items is
   a clause boundary, so a dangling head or tail is cut off ("Forum, the two
   heads of state"); hyphenated compounds are never split ("so-called");
   function words ("and", "of", "is", "we") go from both ends, numbers from
   the end, but a leading article stays when it is always there ("a sea of
   ..."). A phrase that began with "and"/"or" takes back the word before it
   ("*fully* and effectively implement ...", "*comprehensively* and
   effectively implement ..."), and a neighbouring word that varies only in
   its ending is taken in ("build" / "building the South China Sea into ...").
   A phrase needs ``min_words`` words, two of them content words; a
   3-word phrase is found through a recurring 4-word phrase that holds it
   ("is consistent and clear").
5. **Every occurrence.** One scan over the corpus finds every occurrence of
   every candidate (lookup by its first words, checked token by token).
6. **Variants grouped.** Candidates are taken best-spread first; each joins
   the most similar earlier group leader when rapidfuzz's ``fuzz.ratio`` on
   the normalised wordings reaches :data:`GROUP_THRESHOLD` (88), or when it
   is the leader with one word more or less at an edge; otherwise it leads a
   group of its own. Only leaders that share a word pair with the candidate
   are compared, and only with leaders, so different formulas never chain
   into one: "consistent and clear" takes "consistent and clear-cut", but
   "a community with a shared future for mankind" and "a closer
   China-ASEAN community with a shared future" stay apart.
7. **Said shorter or longer.** Going down the ranking, a group whose wording
   lies inside a better-ranked one's (at least half as long, and found on at
   most 1.5 times as many dates: it rarely stands without the full formula)
   or holds it (the formula in a longer context) joins it. A shorter phrase
   with a life of its own ("dialogue and consultation") stays a point.

A point's text is its most frequent wording (after normalisation) in its
most frequent exact form; its aliases are the other wordings actually seen,
most frequent first (at most :data:`MAX_ALIASES`).

Ranking
-------

``score`` (higher first) is the product of:

- **spread** ``log2(1 + dates)``: a formula said on many dates is what a
  spokesperson is told to say;
- **specificity** ``sqrt(min(sum of word weights, 8))``: each content word
  weighs between 0.5 and 1, less the more dates it appears on (an inverse
  document frequency, capped), so long formulas of distinctive words beat
  short phrases of everyday ones ("the two sides");
- **names and titles** ``1 - 0.8 * caps**2``, ``caps`` being the share of
  capitalised content words (a sentence's first word aside): "State
  Councilor and Foreign Minister Wang Yi" is a name, not a position;
- **templates** ``1 - 0.7 * slot``: ``slot`` is how often the word right
  next to the phrase is a *different* name or number each time ("at the
  invitation of <name>", "<number> percent"); a constant neighbour ("China
  firmly opposes") is no slot;
- **complete statements** ``0.6 + 0.4 * closure``: the share of occurrences
  that end where the clause or a comma does ("... is consistent and clear.")
  rather than running on ("China stands ready to ...");
- **statistics and dates**: x 0.3 when the wording holds a number;
- **boilerplate**: x 0.05 when a wording contains a built-in stock phrase of
  press briefings (:data:`DEFAULT_STOP_PHRASES`: "do you have any comment",
  "refer you to the competent authorities", "as soon as possible", ...), is
  part of one, is nearly one (``fuzz.ratio`` >= 90), or when most of its
  occurrences overlap one where they stand (so the remnant "comment on the
  reports" of "do you have any comment on the reports" goes down too).
  Points that match one of the user's ``stop_phrases`` (see
  :func:`load_stop_phrases`) in the same way are left out.

Nothing is tuned to one government or text: the signals are recurrence
across dates, word frequencies, capitals, digits, punctuation and
neighbouring words.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import math
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import compress, count, pairwise
from operator import and_, attrgetter, eq, itemgetter, ne, not_
from pathlib import Path
from typing import NamedTuple

import tomli_w
from rapidfuzz import fuzz, process
from tabulate import tabulate

from .errors import InputError, OptionError
from .models import Document, Point, Token
from .normalise import Tokeniser, normalise
from .segment import document_sentences

PROGRESS_STAGES = 4
"""Steps :func:`discover` reports after reading the documents (see its ``progress``)."""

GROUP_THRESHOLD = 88.0
"""``fuzz.ratio`` (0-100) at or above which two candidate wordings are one point."""

DEFAULT_STOP_PHRASES: tuple[str, ...] = (
    # journalists' stock questions
    "do you have any comment",
    "do you have any response",
    "do you have any further comment",
    "what is your comment",
    "what is your response",
    "what's your comment",
    "what's your response",
    "can you confirm",
    "could you confirm",
    "could you give us more details",
    "could you share more details",
    "can you give us more information",
    "could you elaborate on",
    "how do you respond to",
    "how do you comment on",
    "is there any update",
    "my question is",
    "i have a question",
    "follow up question",
    # officials' procedural phrases
    "refer you to the competent authorities",
    "refer you to the competent authority",
    "refer you to the relevant authorities",
    "refer you to the competent department",
    "refer you to the relevant department",
    "i have no information",
    "i don't have any information",
    "i don't have information",
    "i'm not aware of",
    "i am not aware of",
    "we have noted the reports",
    "we have noted relevant reports",
    "we have noted the relevant reports",
    "i have answered this question",
    "as for your question",
    "thank you for your question",
    "your first question",
    "your second question",
    "your third question",
    "your last question",
    "i'd like to stress",
    "i want to stress",
    "let me stress",
    "i would like to announce",
    "i'd like to announce",
    "next question",
    "go ahead",
    "happy to take your questions",
    "a couple of things at the top",
    "one thing at the top",
    "that concludes",
    "this concludes",
    "good afternoon",
    "good morning",
    "ladies and gentlemen",
    "thank you",
    "regular press conference",
    "press briefing",
    "as far as i know",
    "nothing to update",
    "no information to offer",
    "due to scheduling reasons",
    # generic time fillers
    "as soon as possible",
    "at an early date",
    "at the earliest time possible",
    "at the moment",
    "in a timely manner",
    "under the current circumstances",
)
"""Briefing boilerplate of any government, pushed to the bottom of the ranking."""

_ARTICLES = frozenset({"a", "an", "the"})
_COORDINATORS = frozenset({"and", "or"})

_LIST_ITEM_WORDS = 6
"""A piece between two commas of at most this many words can be a serial-list item."""


def _words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``, for the word lists below."""
    return frozenset(text.split())


STOPWORDS: frozenset[str] = _words(
    """
    a an the and or nor but if then so as of to in on at by for from with without into onto
    upon about over under between among through during before after since until against
    within across toward towards per via than that this these those which who whom whose
    what when where why how it its itself they them their theirs we our ours you your yours
    i me my mine he him his she her hers is are was were be been being am has have had having
    do does did will would shall should can could may might must not no also very just only
    even too more most such both each either neither all any some other another own same
    there here it's that's there's what's i'm i'd i'll i've we're we'd we'll we've you're
    they're he's she's don't doesn't didn't won't can't isn't aren't wasn't weren't hasn't
    haven't let's
    """
)
"""English function words: never the first or last word of a discovered phrase.

(``us`` is deliberately absent: the normaliser turns ``U.S.`` into ``us``.)
"""

_TRAILING = STOPWORDS | _words(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion trillion"
)
"""Words a phrase never ends on: function words, and numbers whose noun is cut off
("largest trading partner for five")."""


@dataclass(frozen=True)
class DiscoveredPoint:
    """A recurring formulation found by :func:`discover`.

    point: the watchlist entry (id, canonical ``text``, ``aliases``).
    dates: on how many distinct dates it occurs.
    documents: the ids of the documents it occurs in, by date then id.
    first, last: the first and last of those dates.
    example: a sentence where the canonical wording occurs, as in the source.
    score: the ranking score (see the module docstring); higher ranks first.
    count: how many occurrences in all.
    """

    point: Point
    dates: int
    documents: tuple[str, ...]
    first: dt.date
    last: dt.date
    example: str
    score: float
    count: int = 0


class _Occ(NamedTuple):
    """One occurrence: token positions ``[start, end)`` in the corpus arrays."""

    start: int
    end: int


_GAP_MARKS = re.compile(
    r"(?P<hard>[;:()\[\]{}!?.\u2026\u2014\u2013\u3002\uff1b\uff1a\uff01\uff1f\uff08\uff09]"
    r"|\s[-\u2010\u2011]|[-\u2010\u2011]\s)"
    r"|(?P<soft>[^\w\s\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\-\u2010\u2011])"
    r"|(?P<glue>(?<=\w)[-\u2010\u2011](?=\w))"
)
"""Between two tokens: ``hard`` punctuation ends a clause, ``soft`` (a comma...) marks the
gap, ``glue`` is the hyphen of a compound ("so-called", "win-win")."""
_SOFT, _GLUE = 1, 2

MAX_CLAUSE = 200
"""Discovery cuts a clause longer than this many words into pieces of this size. No
clause of real briefings comes near (the longest of 500 has 136 words), but a
periodic one ("x y x y ...", one line repeated) makes every n-gram up to its
length recur, and the work would grow with the cube of its length."""
_QUOTES = (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class _Vocab(dict[str, int]):
    """Word -> id, numbering new words as they come."""

    def __missing__(self, word: str) -> int:
        wid = self[word] = len(self)
        return wid


class _Corpus:
    """The selected clauses of all documents as flat arrays indexed by token position.

    ids: token ids (``words[id]`` is the normalised word); room: tokens left in
    the clause from here (1 at its last token); pdate: index of the token's date in
    ``dates``; psent: index into ``sentences`` ((document index, start, end));
    toks: the tokens themselves; capital: 1 where a token starts with a
    capital letter and does not open its sentence.
    mark: what stands before each token: 0 (space), ``_SOFT`` (a comma or
    other punctuation that does not end a clause) or ``_GLUE`` (a compound's
    hyphen).
    """

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        include_questions: bool,
        speakers: Collection[str],
        tokeniser: Tokeniser | None,
        progress: Callable[[int], None],
    ) -> None:
        self.docs = sorted(documents, key=lambda d: (d.date, d.id))
        self.dates = sorted({d.date for d in self.docs})
        date_index = {d: k for k, d in enumerate(self.dates)}
        vocab = _Vocab()
        self.ids: list[int] = []
        self.room: list[int] = []
        self.mark = bytearray()
        self.pdate: list[int] = []
        self.psent: list[int] = []
        self.toks: list[Token] = []
        self.sentences: list[tuple[int, int, int]] = []
        self.capital = bytearray()
        text_of = attrgetter("text")
        start_of = attrgetter("start")
        for di, doc in enumerate(self.docs):
            d = date_index[doc.date]
            pieces: set[tuple[str, ...]] = set()
            for s in document_sentences(
                doc, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
            ):
                si = len(self.sentences)
                self.sentences.append((di, s.start, s.end))
                first = len(self.capital)
                for clause, marks in _clauses(doc.text, s.tokens):
                    if len(s.tokens) > MAX_CLAUSE and _seen_piece(clause, pieces):
                        continue
                    n = len(clause)
                    self.ids.extend(map(vocab.__getitem__, map(text_of, clause)))
                    self.room.extend(range(n, 0, -1))
                    self.mark.extend(marks)
                    self.pdate.extend([d] * n)
                    self.psent.extend([si] * n)
                    self.toks.extend(clause)
                    self.capital.extend(
                        map(str.isupper, map(doc.text.__getitem__, map(start_of, clause)))
                    )
                if len(self.capital) > first:
                    self.capital[first] = 0
            progress(1)
        self.words = list(vocab)
        self.function = bytearray(w in STOPWORDS for w in self.words)
        self.numeric = bytearray(any(c.isdigit() for c in w) for w in self.words)
        self.vocab: dict[str, int] = dict(vocab)

    def same_clause(self, i: int, j: int) -> bool:
        """Whether positions ``i < j`` lie in one clause."""
        return 0 <= i < j < len(self.ids) and self.room[i] - self.room[j] == j - i

    def joinable(self, i: int, j: int) -> bool:
        """Whether adjacent tokens ``i`` and ``j = i + 1`` join with nothing but space between."""
        return (
            i >= 0 and j < len(self.ids) and self.room[i] == self.room[j] + 1 and not self.mark[j]
        )

    def whole(self, start: int, end: int) -> bool:
        """Whether tokens ``[start, end)`` cut no hyphenated compound in two."""
        return self.mark[start] != _GLUE and not (
            self.same_clause(end - 1, end) and self.mark[end] == _GLUE
        )

    def doc_of(self, i: int) -> Document:
        return self.docs[self.sentences[self.psent[i]][0]]

    def surface(self, occ: _Occ) -> str:
        """The occurrence exactly as it stands in its document.

        A quotation mark opened inside the phrase is closed with it when the
        closing mark follows at once ('the "one country, two systems"').
        """
        text = self.doc_of(occ.start).text
        a, b = self.toks[occ.start].start, self.toks[occ.end - 1].end
        piece = text[a:b]
        for opening, closing in _QUOTES:
            if piece.count(opening) > piece.count(closing) and text.startswith(closing, b):
                return text[a : b + len(closing)]
        if piece.count('"') % 2 and text.startswith('"', b):
            return text[a : b + 1]
        return piece

    def key(self, occ: _Occ) -> tuple[int, ...]:
        return tuple(self.ids[occ.start : occ.end])

    def text_of(self, ids: Iterable[int]) -> str:
        return " ".join(self.words[w] for w in ids)

    def sentence_text(self, i: int) -> str:
        di, a, b = self.sentences[self.psent[i]]
        return self.docs[di].text[a:b]

    def sentence_initial(self, i: int) -> bool:
        return i == 0 or self.psent[i - 1] != self.psent[i]

    def stopword(self, i: int) -> bool:
        return bool(self.function[self.ids[i]])


def _clauses(text: str, tokens: Sequence[Token]) -> list[tuple[Sequence[Token], bytes]]:
    """Cut a sentence's tokens at hard punctuation; mark the tokens that follow a comma etc."""
    if not tokens:
        return []
    starts: list[int] | None = None
    cuts: list[int] = []
    soft: dict[int, int] = {}
    for m in _GAP_MARKS.finditer(text, tokens[0].end, tokens[-1].start):
        if starts is None:
            starts = [t.start for t in tokens]
        k = bisect_right(starts, m.start())
        if tokens[k - 1].end > m.start():
            continue
        if m.lastgroup == "hard":
            if not cuts or cuts[-1] != k:
                cuts.append(k)
        elif m.lastgroup == "soft" or k not in soft:
            soft[k] = _SOFT if m.lastgroup == "soft" else _GLUE
    out: list[tuple[Sequence[Token], bytes]] = []
    begin = 0
    bounds = [*cuts, len(tokens)]
    if len(tokens) > MAX_CLAUSE:
        bounds = _capped(bounds)
    for end in bounds:
        marks = bytes(soft.get(j, 0) for j in range(begin, end)) if soft else bytes(end - begin)
        out.append((tokens[begin:end], marks))
        begin = end
    return out


def _seen_piece(clause: Sequence[Token], pieces: set[tuple[str, ...]]) -> bool:
    """Whether a piece of an over-long sentence was already read in this document.

    A periodic sentence cut every :data:`MAX_CLAUSE` words repeats a few
    pieces over and over; one date adds nothing to recurrence across dates, so
    the repeats are left out (real sentences are never cut, so never touched).
    """
    words = tuple(t.text for t in clause)
    if words in pieces:
        return True
    pieces.add(words)
    return False


def _periodic(words: Sequence[str]) -> bool:
    """Whether ``words`` are one shorter unit said twice or more ("x y x y", "x x x").

    Such a phrase is a stutter or a filler line repeated, not a formulation.
    """
    n = len(words)
    return any(words[p:] == words[: n - p] for p in range(1, n // 2 + 1))


def _capped(bounds: Sequence[int]) -> list[int]:
    """Clause ends with an extra cut every :data:`MAX_CLAUSE` tokens of a longer clause."""
    out: list[int] = []
    begin = 0
    for end in bounds:
        out.extend(range(begin + MAX_CLAUSE, end, MAX_CLAUSE))
        out.append(end)
        begin = end
    return out


def _frequent_lengths(
    corpus: _Corpus, k: int, min_dates: int
) -> tuple[dict[int, int], dict[int, int]]:
    """Where n-grams (n >= k) recur on at least ``min_dates`` dates.

    Returns, for each position where the k-gram recurs, the length of the
    longest recurring n-gram starting there and that n-gram's hash. Level by
    level (a-priori): an (n+1)-gram is only counted where both n-grams inside
    it recur, and its hash is ``hash((hash of the n-gram, next token id))``.
    Integer hashing does not depend on PYTHONHASHSEED, so results are the
    same in every run.
    """
    ids, room, pdate = corpus.ids, corpus.room, corpus.pdate
    get_id, get_room = ids.__getitem__, room.__getitem__
    maxlen: dict[int, int] = {}
    last: dict[int, int] = {}
    cur = [i for i, r in enumerate(room) if r >= k]
    hcur = list(map(get_id, cur))
    for n in range(2, k):
        hcur = list(map(hash, zip(hcur, map(get_id, map((n - 1).__add__, cur)), strict=True)))
    n = k
    while cur:
        hs = list(map(hash, zip(hcur, map(get_id, map((n - 1).__add__, cur)), strict=True)))
        flags = _recurring(hs, list(map(pdate.__getitem__, cur)), min_dates)
        if n > k:
            failed = list(map(not_, flags))
            maxlen.update(dict.fromkeys(compress(cur, failed), n - 1))
            last.update(zip(compress(cur, failed), compress(hcur, failed), strict=True))
        keep = list(compress(cur, flags))
        hkeep = list(compress(hs, flags))
        # keep is sorted: position i + 1 was kept exactly when it follows i in keep
        nxt = list(
            map(
                and_,
                map(n.__lt__, map(get_room, keep)),
                map(eq, map((1).__add__, keep), [*keep[1:], -1]),
            )
        )
        stop = list(map(not_, nxt))
        maxlen.update(dict.fromkeys(compress(keep, stop), n))
        last.update(zip(compress(keep, stop), compress(hkeep, stop), strict=True))
        cur = list(compress(keep, nxt))
        hcur = list(compress(hkeep, nxt))
        n += 1
    return maxlen, last


def _recurring(hashes: list[int], dates: list[int], min_dates: int) -> list[bool]:
    """For each hash, whether it occurs on at least ``min_dates`` distinct dates.

    ``dates`` never decrease along the list, so a hash recurs on two dates
    exactly when one of its positions has a date before its last one: a dict
    and a set, no counting. More dates are counted only where that passes.
    """
    lasts = dict(zip(hashes, dates, strict=True))
    earlier = set(compress(hashes, map(ne, map(lasts.__getitem__, hashes), dates)))
    flags = list(map(earlier.__contains__, hashes))
    if min_dates <= 2:
        return flags if min_dates == 2 else [True] * len(hashes)
    pairs = set(zip(compress(hashes, flags), compress(dates, flags), strict=True))
    counts = Counter(map(itemgetter(0), pairs))
    return [f and counts[h] >= min_dates for f, h in zip(flags, hashes, strict=True)]


def _maximal_candidates(
    corpus: _Corpus, maxlen: dict[int, int], last: dict[int, int], min_dates: int
) -> list[_Occ]:
    """One occurrence of each phrase that is maximal (stands on its own) on >= min_dates dates."""
    room, pdate = corpus.room, corpus.pdate
    free: dict[tuple[int, int], set[int]] = {}
    first: dict[tuple[int, int], int] = {}
    for i in sorted(maxlen):
        length = maxlen[i]
        if maxlen.get(i - 1, 0) > length and room[i - 1] == room[i] + 1:
            continue
        key = (length, last[i])
        got = free.get(key)
        if got is None:
            free[key] = {pdate[i]}
            first[key] = i
        else:
            got.add(pdate[i])
    return [
        _Occ(first[key], first[key] + key[0]) for key, ds in free.items() if len(ds) >= min_dates
    ]


@dataclass(frozen=True, slots=True)
class _Form:
    """A candidate phrase as token ids; ``coordinated``: it starts with "and"/"or"."""

    ids: tuple[int, ...]
    coordinated: bool


def _trim(corpus: _Corpus, occ: _Occ, min_words: int) -> _Form | None:
    """Cut a phrase where a reader would; None if too little is left.

    A comma that does not separate the items of a list (no "and"/"or"
    follows) is a clause boundary: what stands before the first such comma
    ("Forum, the two heads of state") or after the last ("..., China will
    continue") is dropped; a list ("a sea of peace, friendship and
    cooperation") is kept whole. The halves of a hyphenated compound are
    never separated; then function words go from both ends (numbers from
    the end), except a leading article followed by a content word.
    """
    s = occ.start
    mark = corpus.mark
    words = [corpus.words[w] for w in corpus.ids[s : occ.end]]
    lo, hi = 0, len(words)
    commas = [r for r in range(1, hi) if mark[s + r] == _SOFT]
    if commas:
        lo, hi = _comma_cut(words, commas)
    while True:
        start = (lo, hi)
        while lo < hi and mark[s + lo] == _GLUE and corpus.same_clause(s + lo - 1, s + lo):
            lo += 1
        while lo < hi and corpus.same_clause(s + hi - 1, s + hi) and mark[s + hi] == _GLUE:
            hi -= 1
        while hi > lo and words[hi - 1] in _TRAILING and mark[s + hi - 1] != _GLUE:
            hi -= 1
        while (
            lo < hi and words[lo] in STOPWORDS and not (lo + 1 < hi and mark[s + lo + 1] == _GLUE)
        ):
            if words[lo] in _ARTICLES and lo + 1 < hi and words[lo + 1] not in STOPWORDS:
                break
            lo += 1
        if (lo, hi) == start:
            break
    core = words[lo:hi]
    if len(core) < min_words or _content(core) < 2 or _periodic(core):
        return None
    coordinated = lo > 0 and words[lo - 1] in _COORDINATORS and not mark[s + lo]
    if coordinated:
        lo -= 1
    return _Form(tuple(corpus.ids[s + lo : s + hi]), coordinated)


def _comma_cut(words: Sequence[str], commas: Sequence[int]) -> tuple[int, int]:
    """The span of ``words`` left once heads and tails set off by non-list commas go.

    When both cuts would meet (one comma, no list), the side with more
    content words stays ("At the invitation of ... Wang Yi, Foreign Minister").
    """
    lo, hi = 0, len(words)
    for head in commas:
        if _COORDINATORS.intersection(words[head:]):
            break
        lo = head
    for k in range(len(commas) - 1, -1, -1):
        tail = commas[k]
        rest = words[tail:hi]
        if not _COORDINATORS.isdisjoint(rest) and not (
            rest[0] in _COORDINATORS and _content(rest) > 1
        ):
            break
        if rest[0] in _COORDINATORS and k > 0 and _list_item(words[commas[k - 1] : tail]):
            break
        hi = tail
    if lo < hi:
        return lo, hi
    bounds = [0, *commas, len(words)]
    pieces = list(pairwise(bounds))
    return max(pieces, key=lambda p: (_content(words[p[0] : p[1]]), -p[0]))


def _list_item(words: Sequence[str]) -> bool:
    """Whether ``words`` (between two commas) reads as an item of a serial list.

    "..., disagree where we must, and engage ..." is the last item of a
    list, not a new clause, when the item before it is short and joins
    nothing itself.
    """
    return 0 < len(words) <= _LIST_ITEM_WORDS and _COORDINATORS.isdisjoint(words)


def _content(words: Iterable[str]) -> int:
    return sum(w not in STOPWORDS for w in words)


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


MAX_ALIASES = 10
"""At most this many aliases per point (the most frequent wordings): enough to match
the variants actually used without turning a watchlist into a phrase list."""

_SEED = 4
"""Length of the n-grams whose recurrence seeds the search: a shorter phrase is
found when a recurring phrase one word longer holds it ("is consistent and clear")."""

_BLOCK_CAP = 300
"""Leaders sharing a word pair beyond which that pair no longer proposes comparisons."""


def _group(
    keys: Sequence[tuple[int, ...]],
    texts: Sequence[str],
    can_lead: Sequence[bool],
    function_ids: Collection[int],
) -> list[int]:
    """Leader of each candidate (index into ``texts``, which come best first).

    A candidate joins the most similar earlier *leader* with ``fuzz.ratio`` >=
    :data:`GROUP_THRESHOLD`, else one that is the same but for one word more
    or less at an edge ("China stands ready to work" / "stands ready to
    work"); otherwise it leads a group of its own. Only leaders sharing a
    word pair (not two function words) with the candidate are compared
    (blocking), so the cost grows with the number of candidates, not its
    square; comparing with leaders only keeps different formulas from
    chaining together. A candidate that may not lead (a fragment) and joins
    no leader gets -1.
    """
    leader = list(range(len(texts)))
    blocks: dict[tuple[int, int], list[int]] = {}
    exact: dict[tuple[int, ...], int] = {}
    shorter: dict[tuple[int, ...], int] = {}
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
            hit = process.extractOne(
                text, [texts[j] for j in pool], scorer=fuzz.ratio, score_cutoff=GROUP_THRESHOLD
            )
            if hit is not None:
                best = pool[hit[2]]
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


@dataclass
class _Group:
    """A point under construction: its occurrences and what was measured on them."""

    occs: list[_Occ]
    key: tuple[int, ...]
    dates: list[int]
    score: float = 0.0


_SAMPLE = 30
"""Occurrences (spread evenly) on which capitals and neighbours are measured."""


def _sample(occs: Sequence[_Occ]) -> Sequence[_Occ]:
    if len(occs) <= _SAMPLE:
        return occs
    step = len(occs) / _SAMPLE
    return [occs[int(k * step)] for k in range(_SAMPLE)]


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


class _Scorer:
    """The ranking score described in the module docstring."""

    def __init__(self, corpus: _Corpus, stops: _Stops) -> None:
        self.corpus = corpus
        self.stops = stops
        per_word = Counter(w for w, _ in set(zip(corpus.ids, corpus.pdate, strict=True)))
        n = len(corpus.dates)
        self.weight = [
            0.0
            if w in STOPWORDS
            else 0.5 + 0.5 * min(1.0, max(0.0, math.log((n + 1) / (per_word[k] + 0.5))))
            for k, w in enumerate(corpus.words)
        ]

    def __call__(self, group: _Group) -> float:
        corpus = self.corpus
        spread = math.log2(1 + len(group.dates))
        specific = math.sqrt(min(sum(self.weight[w] for w in group.key), _MAX_SPECIFIC))
        sample = _sample(group.occs)
        score = spread * specific * (1 - 0.8 * _caps(corpus, sample) ** 2)
        score *= (1 - 0.7 * _slot(corpus, sample)) * (0.6 + 0.4 * _closure(corpus, sample))
        if any(c.isdigit() for w in group.key for c in corpus.words[w]):
            score *= 0.3
        if self.stops.hit(group, sample):
            score *= 0.05
        return round(score, 4)


_MAX_SPECIFIC = 8.0


def _caps(corpus: _Corpus, occs: Sequence[_Occ]) -> float:
    """Share of capitalised content words, not counting a sentence's first word."""
    capital = total = 0
    ids, function, upper = corpus.ids, corpus.function, corpus.capital
    for o in occs:
        for p in range(o.start, o.end):
            if not function[ids[p]] and not corpus.sentence_initial(p):
                total += 1
                capital += upper[p]
    return capital / total if total else 0.0


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
        self.padded = [f" {p} " for p in self.phrases]
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
        if any(stop in padded or padded in stop for stop in self.padded):
            return True
        hits = sum(any(self.cover[o.start : o.end]) for o in sample)
        return hits * 2 >= len(sample) > 0


@dataclass(frozen=True)
class _Described:
    text: str
    aliases: tuple[str, ...]
    example: str


def _describe(corpus: _Corpus, group: _Group) -> _Described:
    """Canonical text, aliases and an example sentence of a group.

    Occurrences are counted by wording (normalised); the most frequent
    wording is the point's, written in its most frequent exact form; each
    other wording becomes an alias, most frequent first.
    """
    by_key: dict[tuple[int, ...], Counter[str]] = {}
    first: dict[str, int] = {}
    for k, o in enumerate(group.occs):
        surface = corpus.surface(o)
        by_key.setdefault(corpus.key(o), Counter())[surface] += 1
        first.setdefault(surface, k)

    def best(surfaces: Counter[str]) -> str:
        return min(surfaces, key=lambda s: (-surfaces[s], first[s]))

    ranked = sorted(
        by_key,
        key=lambda key: (
            key != group.key,
            -by_key[key].total(),
            min(first[s] for s in by_key[key]),
        ),
    )
    text = best(by_key[ranked[0]])
    example = corpus.sentence_text(group.occs[first[text]].start)
    return _Described(
        text=text,
        aliases=tuple(best(by_key[key]) for key in ranked[1 : MAX_ALIASES + 1]),
        example=" ".join(_CONTROL.sub(" ", example).split()),
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
    parts: dict[tuple[int, ...], int] = {}
    absorbed: dict[int, list[_Group]] = {}
    for group in groups:
        key = group.key
        target = parts.get(key)
        if target is not None and len(group.dates) > 1.5 * len(accepted[target].dates):
            target = None
        if target is None:
            target = next(
                (exact[sub] for sub in _pieces(key, (len(key) + 1) // 2) if sub in exact), None
            )
        if target is not None:
            absorbed.setdefault(target, []).append(group)
            continue
        exact.setdefault(key, len(accepted))
        for sub in _pieces(key, max(min_words, (len(key) + 1) // 2)):
            parts.setdefault(sub, len(accepted))
        accepted.append(group)
    for target, extra in absorbed.items():
        group = accepted[target]
        occs = _dedupe(o for g in [group, *extra] for o in g.occs)
        merged = _Group(
            occs=occs,
            key=group.key,
            dates=sorted({corpus.pdate[o.start] for o in occs}),
        )
        merged.score = scorer(merged)
        accepted[target] = merged
    return _ranked(corpus, accepted)


def _pieces(key: tuple[int, ...], shortest: int) -> Iterable[tuple[int, ...]]:
    """The contiguous parts of ``key`` at least ``shortest`` long, longest first."""
    size = len(key)
    for length in range(size, max(shortest, 1) - 1, -1):
        for start in range(size - length + 1):
            yield key[start : start + length]


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out: list[str] = []
    for word in re.findall(r"[a-z0-9]+", ascii_text):
        if out and len("-".join([*out, word])) > 48:
            break
        out.append(word)
    return "-".join(out)[:48].strip("-") or "point"


def _unique_ids(texts: Sequence[str]) -> list[str]:
    taken: set[str] = set()
    out: list[str] = []
    for text in texts:
        base = _slug(text)
        slug, k = base, 1
        while slug in taken:
            k += 1
            slug = f"{base}-{k}"
        taken.add(slug)
        out.append(slug)
    return out


def discover(
    documents: Sequence[Document],
    *,
    min_dates: int = 2,
    top: int | None = None,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    stop_phrases: Collection[str] = (),
    min_words: int = 3,
    tokeniser: Tokeniser | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[DiscoveredPoint]:
    """Recurring formulations in ``documents``, best first (see the module docstring).

    min_dates: a formulation must occur on at least this many distinct dates.
    top: keep only the best ``top`` points.
    include_questions, speakers: which turns count, as in ``track``.
    stop_phrases: phrases whose points are left out (compared after normalisation).
    min_words: the fewest words a formulation may have (at least 2).
    progress: called with the number of steps done: one per document read, then
        one per later stage (``len(documents) + PROGRESS_STAGES`` in all).
    """
    if min_dates < 1:
        raise OptionError(f"--min-dates must be at least 1, not {min_dates}")
    if top is not None and top < 1:
        raise OptionError(f"--top must be at least 1, not {top}")
    if min_words < 2:
        raise OptionError(f"min_words must be at least 2, not {min_words}")
    with _no_gc():
        return _discover(
            documents,
            min_dates=min_dates,
            top=top,
            include_questions=include_questions,
            speakers=speakers,
            stop_phrases=stop_phrases,
            min_words=min_words,
            tokeniser=tokeniser,
            progress=progress or (lambda n: None),
        )


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    Discovery builds millions of small tuples and lists that never form
    cycles; the collector would re-scan them again and again (about a fifth
    of the run time on the 500-briefing corpus) and free nothing.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _discover(
    documents: Sequence[Document],
    *,
    min_dates: int,
    top: int | None,
    include_questions: bool,
    speakers: Collection[str],
    stop_phrases: Collection[str],
    min_words: int,
    tokeniser: Tokeniser | None,
    progress: Callable[[int], None],
) -> list[DiscoveredPoint]:
    corpus = _Corpus(
        documents,
        include_questions=include_questions,
        speakers=speakers,
        tokeniser=tokeniser,
        progress=progress,
    )
    maxlen, last = _frequent_lengths(corpus, max(min_words, _SEED), min_dates)
    progress(1)
    forms: dict[tuple[int, ...], _Form] = {}
    for occ in _maximal_candidates(corpus, maxlen, last, min_dates):
        form = _trim(corpus, occ, min_words)
        if form is not None:
            forms.setdefault(form.ids, form)
    form_list = list(forms.values())
    found = _find_all(corpus, form_list, min_words)
    progress(1)

    variants = [
        _variants(corpus, form, starts) for form, starts in zip(form_list, found, strict=True)
    ]
    inside = _contained(o for vs in variants for occs in vs for o in occs)
    pdate = corpus.pdate
    candidates: list[tuple[int, int, tuple[int, ...], list[_Occ]]] = []
    for vs in variants:
        frees = [[o for o in occs if o not in inside] for occs in vs]
        together = len({pdate[o.start] for free in frees for o in free})
        for occs, free in zip(vs, frees, strict=True):
            free_dates = len({pdate[o.start] for o in free})
            ndates = len({pdate[o.start] for o in occs})
            candidates.append(
                (
                    max(free_dates, min(together, min_dates)),
                    ndates,
                    _main_key(corpus, free or occs),
                    occs,
                )
            )
    texts = {c[2]: corpus.text_of(c[2]) for c in candidates}
    candidates.sort(key=lambda c: (-c[0], -c[1], -len(texts[c[2]]), texts[c[2]], c[3][0].start))
    function_ids = {k for k, w in enumerate(corpus.words) if w in STOPWORDS}
    leaders = _group(
        [c[2] for c in candidates],
        [texts[c[2]] for c in candidates],
        [c[0] >= min_dates for c in candidates],
        function_ids,
    )
    members: dict[int, list[tuple[tuple[int, ...], list[_Occ]]]] = {}
    for (_, _, key, occs), lead in zip(candidates, leaders, strict=True):
        if lead >= 0:
            members.setdefault(lead, []).append((key, occs))

    progress(1)
    user_stops = _Stops(corpus, stop_phrases)
    scorer = _Scorer(corpus, _Stops(corpus, DEFAULT_STOP_PHRASES))
    groups: list[_Group] = []
    for lead in sorted(members):
        parts = members[lead]
        occs = _dedupe(o for _, part in parts for o in part) if len(parts) > 1 else parts[0][1]
        dates = sorted({pdate[o.start] for o in occs})
        if len(dates) < min_dates:
            continue
        free = [o for o in occs if o not in inside]
        key = _main_key(corpus, free) if len(parts) > 1 and free else parts[0][0]
        group = _Group(occs, key, dates)
        if user_stops and user_stops.hit(group, _sample(occs)):
            continue
        group.score = scorer(group)
        groups.append(group)
    groups = _merge_nested(corpus, _ranked(corpus, groups), scorer, min_words)
    if top is not None:
        groups = groups[:top]

    progress(1)
    described = [_describe(corpus, g) for g in groups]
    out: list[DiscoveredPoint] = []
    ids = _unique_ids([d.text for d in described])
    for group, desc, pid in zip(groups, described, ids, strict=True):
        docs = sorted({corpus.sentences[corpus.psent[o.start]][0] for o in group.occs})
        out.append(
            DiscoveredPoint(
                point=Point(id=pid, text=desc.text, aliases=desc.aliases),
                dates=len(group.dates),
                documents=tuple(corpus.docs[d].id for d in docs),
                first=corpus.dates[group.dates[0]],
                last=corpus.dates[group.dates[-1]],
                example=desc.example,
                score=group.score,
                count=len(group.occs),
            )
        )
    return out


def load_stop_phrases(path: str | Path) -> list[str]:
    """Read a stop-phrases file: one phrase per line; blank lines and ``#`` comments ignored.

    A line that has no words after normalisation (only punctuation) is an
    :class:`~consistency.errors.InputError` naming the file and line, as is a
    file that cannot be read or is not UTF-8 text.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"cannot read stop phrases: {e.strerror or e}", path=name) from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("stop-phrases file is binary, not text", path=name, line=line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise InputError("stop-phrases file is not UTF-8", path=name, line=line) from None
    phrases: list[str] = []
    for number, raw_line in enumerate(text.splitlines(), 1):
        phrase = raw_line.split(" #", 1)[0].strip()
        if not phrase or phrase.startswith("#"):
            continue
        if not normalise(phrase):
            raise InputError(f"stop phrase {phrase!r} has no words", path=name, line=number)
        phrases.append(phrase)
    return phrases


def _comment(text: str) -> str:
    """Text made safe for one TOML comment line."""
    return " ".join(_CONTROL.sub(" ", text).split())


_EXAMPLE_CHARS = 240


def _excerpt(sentence: str, text: str) -> str:
    """At most :data:`_EXAMPLE_CHARS` of ``sentence``, keeping ``text`` in view."""
    if len(sentence) <= _EXAMPLE_CHARS:
        return sentence
    at = max(sentence.find(text), 0)
    start = max(0, min(at - (_EXAMPLE_CHARS - len(text)) // 2, len(sentence) - _EXAMPLE_CHARS))
    end = start + _EXAMPLE_CHARS
    piece = sentence[start:end].strip()
    return ("..." if start > 0 else "") + piece + ("..." if end < len(sentence) else "")


def render_toml(points: Sequence[DiscoveredPoint]) -> str:
    """A talking-point file (watchlist) that ``track --points`` accepts unchanged.

    Each ``[[point]]`` has its id, text and aliases, preceded by comments
    giving its number of dates, first and last date and an example sentence.
    """
    out = [
        "# Talking points found by `consistency discover`, best first.",
        "# Edit freely: delete what is not a talking point, rename ids, add tags.",
        "",
    ]
    if not points:
        out.append("# No formulation recurred on enough dates.")
    for p in points:
        example = _excerpt(_comment(p.example), p.point.text)
        out.append(
            f"# {p.dates} dates, {p.first.isoformat()} to {p.last.isoformat()}, "
            f"{p.count} occurrences, score {p.score:g}"
        )
        out.append(f"# e.g. {example}")
        out.append("[[point]]")
        out.append(tomli_w.dumps({"id": p.point.id}).rstrip("\n"))
        out.append(tomli_w.dumps({"text": p.point.text}).rstrip("\n"))
        if p.point.aliases:
            out.append(tomli_w.dumps({"aliases": list(p.point.aliases)}).rstrip("\n"))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_table(points: Sequence[DiscoveredPoint]) -> str:
    """A plain-text table, one row per point: rank, dates, date range, score, text, aliases."""
    rows = [
        [
            rank,
            p.point.id,
            p.dates,
            f"{p.first.isoformat()} .. {p.last.isoformat()}",
            f"{p.score:.2f}",
            p.point.text,
            len(p.point.aliases),
        ]
        for rank, p in enumerate(points, 1)
    ]
    headers = ["#", "id", "dates", "first .. last", "score", "text", "aliases"]
    return tabulate(rows, headers=headers, disable_numparse=True) + "\n"


def render_json(points: Sequence[DiscoveredPoint]) -> str:
    """JSON: ``{"schema": 1, "points": [...]}`` with each point's wording and where it recurs."""
    data = {
        "schema": 1,
        "points": [
            {
                "id": p.point.id,
                "text": p.point.text,
                "aliases": list(p.point.aliases),
                "dates": p.dates,
                "count": p.count,
                "first": p.first.isoformat(),
                "last": p.last.isoformat(),
                "score": p.score,
                "example": p.example,
                "documents": list(p.documents),
            }
            for p in points
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
