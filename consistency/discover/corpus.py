"""The selected clauses of a corpus as flat arrays, and the word lists discovery reads."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ..lexicon import calendar, language_of, word_classes, zipf
from ..models import Document, Role, Sentence, Token
from ..normalise import (
    APOSTROPHES,
    CHINESE_COORDINATORS,
    DEFAULT_TOKENISER,
    ENGLISH_COORDINATORS,
    Tokeniser,
    aside_spans,
    has_ending,
    named_words,
    one_word,
)
from ..segment import document_sentences

_ARTICLES = frozenset({"a", "an", "the"})
_COORDINATORS = ENGLISH_COORDINATORS | CHINESE_COORDINATORS
"""Words that join the items of a list (English and Chinese)."""

_LIST_ITEM_WORDS = 6
"""A piece between two commas of at most this many words can be a serial-list item."""

_MAY_OPEN = frozenset({"us", "one"})
"""Function words of the tokeniser that may still open or close a formula: the
normaliser turns ``U.S.`` into ``us``, and "one" is also a numeral ("one country,
two systems")."""

_NAME_SPELLINGS = frozenset({"us"})
"""Those of :data:`_MAY_OPEN` that spell a name once normalised (``US``, ``U.S.``): where
the text writes one in lower case it is the function word, and goes from a phrase's
ends as any does ("Pacific leaders have told *us that* climate change is ...": review 68,
a false "taken over" card; see :meth:`_Corpus.pronoun`)."""

_NUMBERS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred thousand million billion trillion
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""Numbers a phrase never ends on: their noun is cut off ("largest trading partner for five")."""


EVERYDAY_ZIPF = 4.5
"""Words at least this frequent in ordinary language ("past", "few", "coming", "end",
"visit") may stand beside a calendar word in a phrase that only tells a time."""

TIME_COMPANY = 2
"""The most content words other than calendar words such a phrase holds."""

TIME_PHRASE = 6
"""The most words of a time phrase cut off a phrase's end ("by the end of the month")."""

TIME, MODIFIER, UNIT, DEICTIC = 1, 2, 4, 8
"""Flags of a word of the vocabulary (see :attr:`_Corpus.times`): a calendar word of its
language, a modifier ("last"), a unit of time ("week"), a word naming a day from today."""


def _adjective(word: str) -> bool:
    """Whether the dictionary knows ``word`` as an adjective (see
    :func:`~consistency.lexicon.word_classes`)."""
    return "ADJ" in word_classes(word)


def function_words(tokeniser: Tokeniser | None) -> frozenset[str]:
    """The words never first or last in a discovered phrase: the tokeniser's function words.

    Every language the tokeniser reads has one list (see
    :data:`consistency.normalise.FUNCTION_WORDS`); discovery reads it from there.
    """
    return frozenset((tokeniser or DEFAULT_TOKENISER).function_words) - _MAY_OPEN


def negations(tokeniser: Tokeniser | None) -> frozenset[str]:
    """The function words that negate what follows (the tokeniser's ``negations``, if it
    names any): a phrase may open with one, which cut off would reverse it."""
    return named_words(tokeniser, "negations")


STOPWORDS: frozenset[str] = function_words(None)
"""The default tokeniser's function words as discovery reads them."""


PREFIXED_STEM = 4
"""The fewest letters of a word that a negating prefix turns into its opposite (see
:attr:`_Corpus.prefixed`): "unfair", not "in" + "to"."""


class _Occ(NamedTuple):
    """One occurrence: token positions ``[start, end)`` in the corpus arrays."""

    start: int
    end: int


_GAP_MARKS = re.compile(
    r"(?=\W)(?:(?P<glue>(?<=\w)[-\u2010\u2011&](?=\w)|(?<=\d):(?=\d))"
    r"|(?P<hard>[;:()\[\]{}!?.\u2026\u2014\u2013\u3002\uff1b\uff1a\uff01\uff1f\uff08\uff09]"
    r"|\s[-\u2010\u2011]|[-\u2010\u2011]\s)"
    r"|(?P<list>[\u3001\uff64])"
    r"|(?P<soft>[^\w\s\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u300c-\u300f\-\u2010\u2011]))"
)
"""Between two tokens: ``hard`` punctuation ends a clause, ``soft`` (a comma...) marks the
gap, ``list`` is the enumeration comma (、), which parts the items of a list and nothing
else, ``glue`` is the hyphen of a compound ("so-called", "win-win") or an ampersand
between letters ("J&K", "R&D": review 91 found a row cut "Regarding the situation in
J"), or the colon of a time ("11:45": review 133 found a row "the vessels left the area at
about 11"). Every mark is a non-word character: the look-ahead that says so first lets the
scan pass over a word's letters at one test each (2.6 times faster on MFA's text)."""
_SOFT, _GLUE, _LIST = 1, 2, 3
_CONTRACTED = re.compile(rf"\w[{APOSTROPHES}]\w|cannot", re.IGNORECASE)
"""Where a sentence may hold a contraction, which the tokeniser cuts into two tokens
(see :func:`~consistency.normalise.contraction`)."""

BOUND_SHARE = 0.9
"""See :attr:`_Corpus.bound_after`."""

BOUND_MIN = 20
"""See :attr:`_Corpus.bound_after`."""

BOUND_PAIR_MIN = 10
"""See :attr:`_Corpus.bound_after`: a function word and a word each found with the other
at least :data:`BOUND_SHARE` of the time are one unit after this many times."""

BOUND_OPENS = 0.01
"""See :attr:`_Corpus.bound_after`: "in" opens 7.5 % of its clauses in the MFA corpus, 的
0.02 %."""

MAX_CLAUSE = 200
"""Discovery cuts a clause longer than this many words into pieces of this size. No
clause of real briefings comes near (the longest of 500 has 136 words), but a
periodic one ("x y x y ...", one line repeated) makes every n-gram up to its
length recur, and the work would grow with the cube of its length."""
_QUOTES = (
    ("\u201c", "\u201d"),
    ("\u2018", "\u2019"),
    ("\u00ab", "\u00bb"),
    ("\u300a", "\u300b"),
    ("\u300c", "\u300d"),
    ("\u300e", "\u300f"),
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


_PARAGRAPH = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""A line break between two sentences: a new paragraph, a unit of its own even inside one
turn (the segmenter reads a hard-wrapped line's break as a space, so a break left between
two sentences ends a paragraph)."""
_SPACES = re.compile(r"\s+")


def _one_line(text: str) -> str:
    """``text`` with each run of white space one space, or none between two Han characters."""
    if not _SPACES.search(text):
        return text

    def space(m: re.Match[str]) -> str:
        han = _HAN.match(text, m.end()) and _HAN.search(text, max(m.start() - 1, 0), m.start())
        return "" if han else " "

    return _SPACES.sub(space, text)


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_RAMP = bytes(range(255))
_FULL = b"\xff"


_ASKS = re.compile("[?\uff1f]")
"""A question mark, half or full width: what a journalist's turn that asks holds."""

QA_SHARE = 0.2
"""The least share of a document's turns (by length) that its questions and answers must
make up for what stands outside them to be its own statements (see :func:`_questions_span`)."""


def _questions_span(doc: Document) -> tuple[int, int] | None:
    """From the start of a document's first question to the end of its last journalist's
    turn; None where there are none, or where they make up less than :data:`QA_SHARE` of
    its turns: a page of reported speech with one exchange printed in it ("Question: ..." /
    "PMOS: ..."), whose body is no opening statement (review 153: "we will stand with
    Ukraine for as long as it takes", 28 dates, ranked #251 as a statement of the briefings'
    own). The first question is the first journalist's turn that asks (holds a question
    mark), where any does: a host's welcome before the opening statement ("Chair: Good
    morning ... we start with the appointments") asks nothing, and read as the first
    question it put the statement inside the questions and answers (review 165: "the
    Cabinet will meet as usual under the Chancellor's chairmanship", on all 220 dates, was
    row 13)."""
    asked = [t for t in doc.turns if t.role is Role.PRESS]
    if not asked:
        return None
    first = next((t for t in asked if _ASKS.search(doc.text, t.start, t.end)), asked[0])
    start, end = first.start, asked[-1].end
    total = sum(t.end - t.start for t in doc.turns)
    inside = sum(t.end - t.start for t in doc.turns if start <= t.start < end)
    return (start, end) if inside >= QA_SHARE * total else None


class _Vocab(dict[str, int]):
    """Word -> id, numbering new words as they come."""

    def __missing__(self, word: str) -> int:
        wid = self[word] = len(self)
        return wid


class _Corpus:
    """The selected clauses of all documents as flat arrays indexed by token position.

    ``sentences``: the documents' selected sentences as :func:`document_sentences`
    gives them, when the caller has them already (nothing is segmented twice).
    The arrays are :mod:`array` arrays: a machine word or less per position,
    read by numpy without a copy.

    ids: token ids (``words[id]`` is the normalised word); room: tokens left in
    the clause from here (1 at its last token); pdate: index of the token's date in
    ``dates``; psent: index into ``sentences`` ((document index, start, end));
    starts, ends: each token's span in its document; capital: 1 where a token starts with a
    capital letter and does not open its sentence.
    lead, tail: how many tokens of its turn (or paragraph) stand before and after
    each token, capped at 255.
    stop: the function words (never first or last in a phrase); trailing: the
    words a phrase never ends on (function words, numbers, and possessives: the
    tokeniser's ``possessive_endings``).
    mark: what stands before each token: 0 (space), ``_SOFT`` (a comma or
    other punctuation that does not end a clause), ``_LIST`` (the enumeration
    comma 、) or ``_GLUE`` (a compound's hyphen).
    """

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        include_questions: bool,
        speakers: Collection[str],
        tokeniser: Tokeniser | None,
        progress: Callable[[int], None],
        sentences: Iterable[Sentence] | None = None,
    ) -> None:
        self.docs = sorted(documents, key=lambda d: (d.date, d.id))
        segmented = None if sentences is None else _ByDocument(sentences)
        self.dates = sorted({d.date for d in self.docs})
        date_index = {d: k for k, d in enumerate(self.dates)}
        vocab = _Vocab()
        self.ids = array("i")
        self.room = array("H")
        self.mark = bytearray()
        self.pdate = array("i")
        self.psent = array("i")
        # 32 bits an offset where every text allows (8 M words: 50 MB less than 64)
        wide = "q" if any(len(d.text) >= 1 << 31 for d in self.docs) else "i"
        self.starts = array(wide)
        self.ends = array(wide)
        self.sentences: list[tuple[int, int, int]] = []
        self.capital = bytearray()
        text_of = attrgetter("text")
        start_of = attrgetter("start")
        end_of = attrgetter("end")
        self.lead = bytearray()
        self.tail = bytearray()
        self.doc_starts: list[int] = []
        compounds: Callable[[Sequence[Token]], frozenset[int]] | None = getattr(
            tokeniser or DEFAULT_TOKENISER, "compound_joins", None
        )
        for di, doc in enumerate(self.docs):
            d = date_index[doc.date]
            self.doc_starts.append(len(self.ids))
            turn_starts = [t.start for t in doc.turns]
            unit: tuple[int, int] | None = None
            unit_from = len(self.ids)
            previous_end = 0
            pieces: set[tuple[str, ...]] = set()
            for s in (
                document_sentences(
                    doc,
                    include_questions=include_questions,
                    speakers=speakers,
                    tokeniser=tokeniser,
                )
                if segmented is None
                else segmented.of(doc.id)
            ):
                here = (bisect_right(turn_starts, s.start), s.start)
                if (
                    unit is None
                    or here[0] != unit[0]
                    or _PARAGRAPH.search(doc.text, previous_end, s.start)
                ):
                    self._edges(unit_from)
                    unit_from = len(self.ids)
                    unit = here
                previous_end = s.end
                si = len(self.sentences)
                self.sentences.append((di, s.start, s.end))
                first = len(self.capital)
                joins = (
                    compounds(s.tokens)
                    if compounds is not None and _HAN_CHAR.search(doc.text, s.start, s.end)
                    else frozenset()
                )
                for clause, marks in _clauses(doc.text, s.tokens, joins):
                    if len(s.tokens) > MAX_CLAUSE and _seen_piece(clause, pieces):
                        continue
                    n = len(clause)
                    self.ids.extend(map(vocab.__getitem__, map(text_of, clause)))
                    self.room.extend(range(n, 0, -1))
                    self.mark.extend(marks)
                    self.pdate.extend([d] * n)
                    self.psent.extend([si] * n)
                    self.starts.extend(map(start_of, clause))
                    self.ends.extend(map(end_of, clause))
                    self.capital.extend(
                        map(str.isupper, map(doc.text.__getitem__, map(start_of, clause)))
                    )
                if len(self.capital) > first:
                    self.capital[first] = 0
            self._edges(unit_from)
            progress(1)
        self.qa: list[tuple[int, int] | None] = [_questions_span(doc) for doc in self.docs]
        self.words = list(vocab)
        self.stop = function_words(tokeniser)
        self.negations = negations(tokeniser)
        endings = tuple(named_words(tokeniser, "possessive_endings"))
        self.possessive_endings = endings
        owners = {w for w in vocab if has_ending(w, endings)}
        # a reflexive closes its verb's phrase: "the right to defend *itself*"
        self.trailing = (self.stop - named_words(tokeniser, "reflexives")) | _NUMBERS | owners
        self.function = bytearray(w in self.stop for w in self.words)
        self.single = bytearray(
            len(w) == 1 and bool(_HAN.match(w)) and w not in self.stop for w in self.words
        )
        self.numeric = bytearray(any(c.isdigit() for c in w) for w in self.words)
        self.vocab: dict[str, int] = dict(vocab)
        self.negation_ids = frozenset(vocab[w] for w in self.negations if w in self.vocab)
        self.negation_hosts = named_words(tokeniser, "negation_hosts")
        self.first_person = named_words(tokeniser, "first_person")
        self.prefixes = named_words(tokeniser, "negating_prefixes")
        self.reporting = named_words(tokeniser, "reporting_verbs")
        self.saying_that = named_words(tokeniser, "saying_that")
        self.clefts = named_words(tokeniser, "clefts")
        self.contrastives = named_words(tokeniser, "contrastives")
        self.subordinators = named_words(tokeniser, "subordinators")
        self.determiners = named_words(tokeniser, "determiners")

    @cached_property
    def times(self) -> bytearray:
        """The vocabulary's calendar words, flagged (:data:`TIME`, :data:`MODIFIER`,
        :data:`UNIT`, :data:`DEICTIC`; see :class:`consistency.lexicon.Calendar`, each word
        looked up in its own language's)."""
        flags = bytearray(len(self.words))
        for k, word in enumerate(self.words):
            days = calendar(language_of(word))
            flags[k] = (
                TIME * (word in days)
                | MODIFIER * (word in days.modifiers)
                | UNIT * (word in days.units)
                | DEICTIC * (word in days.deictics)
            )
        return flags

    def dated_end(self, start: int, end: int) -> int:
        """How many of the last words of the phrase at ``start:end`` tell a time: a word
        naming a day ("yesterday", 去年), a unit after a modifier ("last week"), a day or
        month named after a modifier or function word ("on Monday", "in December"), or,
        after a word of the phrase, a time phrase (see :meth:`only_time`) of at most
        :data:`TIME_PHRASE` words opening on a function word ("over the past few weeks",
        "by the end of the month", "for more than a century"); 0 for none."""
        times, ids = self.times, self.ids
        last = times[ids[end - 1]]
        if last & DEICTIC:
            return 1
        if end - start < 2:
            return 0
        before = ids[end - 2]
        if last & UNIT and times[before] & MODIFIER:
            return 2
        if last & TIME and not last & UNIT and (times[before] & MODIFIER or self.function[before]):
            return 2
        if last & TIME:
            for at in range(max(start + 1, end - TIME_PHRASE), end - 1):
                if self.function[ids[at]] and self.only_time(ids[at:end]):
                    return end - at
        return 0

    def only_time(self, key: Sequence[int]) -> bool:
        """Whether the phrase of word ids ``key`` only tells a time: its content words are
        calendar words (see :attr:`times`; modifiers aside) and at most
        :data:`TIME_COMPANY` others, everyday ones (:data:`EVERYDAY_ZIPF`) or numbers:
        "the past few weeks", "early next year", "the end of the month". An adjective
        right before a unit of time says which kind of unit, however rare it is: "by the
        end of the *fiscal* year" (review 162: read as a talking point on 95 dates),
        "the *academic* year"."""
        times, words = self.times, self.words
        calendar_words = others = 0
        for k, w in enumerate(key):
            if self.function[w] or times[w] & MODIFIER:
                continue
            if times[w] & TIME:
                calendar_words += 1
            elif (
                self.numeric[w]
                or zipf(words[w]) >= EVERYDAY_ZIPF
                or (k + 1 < len(key) and times[key[k + 1]] & UNIT and _adjective(words[w]))
            ):
                others += 1
                if others > TIME_COMPANY:
                    return False
            else:
                return False
        return calendar_words > 0

    def dated_start(self, start: int, end: int) -> int:
        """How many of the first words of the phrase at ``start:end`` tell a time counted
        from today: a word naming a day, a modifier and its unit ("this week"), or a unit,
        day or month after the modifier or function word just before the phrase ("[this]
        *week* to discuss ..."); 0 for none."""
        times, ids = self.times, self.ids
        first = times[ids[start]]
        if first & DEICTIC:
            return 1
        if first & MODIFIER and end - start > 1 and times[ids[start + 1]] & UNIT:
            return 2
        if start > 0 and first & TIME:
            before = ids[start - 1]
            if times[before] & MODIFIER or (not first & UNIT and self.function[before]):
                return 1
        return 0

    @cached_property
    def _by_word(self) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.intp], npt.NDArray[np.int32]]:
        """The token ids, the positions sorted by word, and the words in that order."""
        tokens = np.frombuffer(self.ids, dtype=np.int32)
        order = np.argsort(tokens, kind="stable")
        return tokens, order, tokens[order]

    def where(self, key: Sequence[int]) -> npt.NDArray[np.intp]:
        """Where the corpus says the word ids ``key`` word for word, start positions in
        order (a clause end between them or not: see :meth:`same_clause`); the positions
        are sorted by word once, when first asked."""
        tokens, order, words = self._by_word
        at = order[np.searchsorted(words, key[0]) : np.searchsorted(words, key[0], "right")]
        for j, w in enumerate(key[1:], 1):
            at = at[at + j < len(tokens)]
            at = at[tokens[at + j] == w]
        return at

    def negated(self, key: Iterable[int]) -> frozenset[int]:
        """The negations in a wording (word ids), and the words it negates by a prefix
        (as ``-1 - id`` of the word without it): two wordings that differ in them say
        opposite things ("interfere in ..." / "non-interference in ..."; "stability in
        the region" / "*in*stability in the region", which joined "peace and stability in
        the region" as an alias, and "instability in some regions" was a card)."""
        prefixed = self.prefixed
        return frozenset(
            w if w in self.negation_ids else prefixed[w]
            for w in key
            if w in self.negation_ids or w in prefixed
        )

    @cached_property
    def prefixed(self) -> dict[int, int]:
        """The words (ids) that are another word of the corpus after one of the
        tokeniser's negating prefixes ("instability", "unchanged"), each with ``-1 - id``
        of that word; function words are none ("unless", "inside")."""
        out: dict[int, int] = {}
        vocab, stop = self.vocab, self.stop
        for word, k in vocab.items():
            if word in stop:
                continue
            for prefix in self.prefixes:
                if word.startswith(prefix):
                    rest = word[len(prefix) :].removeprefix("-")
                    j = vocab.get(rest)
                    if j is not None and len(rest) >= PREFIXED_STEM and rest not in stop:
                        out[k] = -1 - j
                        break
        return out

    def _edges(self, start: int) -> None:
        """Mark the tokens from ``start`` on as one unit (a turn, or a paragraph of one)."""
        n = len(self.ids) - start
        self.lead.extend(_RAMP[: min(n, 255)])
        if n > 255:
            self.lead.extend(_FULL * (n - 255))
        if n > 255:
            self.tail.extend(_FULL * (n - 255))
        self.tail.extend(_RAMP[min(n, 255) - 1 :: -1] if n else b"")

    def document_span(self, i: int) -> tuple[int, int]:
        """The positions of the document that holds position ``i``."""
        k = bisect_right(self.doc_starts, i)
        end = self.doc_starts[k] if k < len(self.doc_starts) else len(self.ids)
        return self.doc_starts[k - 1], end

    def unit(self, start: int, end: int) -> tuple[int, int]:
        """The span of the turn (or paragraph) that holds positions ``[start, end)``."""
        lead, tail = self.lead, self.tail
        a = start
        while lead[a] == 255:
            a -= 255
        a -= lead[a]
        b = end - 1
        while tail[b] == 255:
            b += 255
        return a, b + tail[b] + 1

    def fused(self, j: int) -> bool:
        """Whether tokens ``j - 1`` and ``j`` are two halves of one Chinese word.

        Two single Han characters side by side, neither a function word, are
        a word the segmenter's dictionary did not know ("中" + "美" for 中美):
        a phrase never starts or ends between them. Nor between a number and the
        Chinese word written on to it, its unit or classifier (review 78: rows opened on
        萬美元... of 30萬美元, 國以... of 11國, 日抵台... of 12月8日).
        """
        if not (
            0 < j < len(self.ids)
            and self.room[j - 1] == self.room[j] + 1
            and self.mark[j] in (0, _GLUE)  # glued: a word jieba's model reads (这|一)
        ):
            return False
        before, here = self.ids[j - 1], self.ids[j]
        if self.single[before] and self.single[here]:
            return True
        return (
            bool(self.numeric[before])
            and self.starts[j] == self.ends[j - 1]
            and bool(_HAN.match(self.words[here]))
        )

    @cached_property
    def contracted_before(self) -> frozenset[int]:
        """Function words (ids) that a negation is written together with: the tokeniser's
        ``negation_hosts`` ("do" of "don't", "will" of "won't") and any the corpus glues
        to one. A phrase opening on that negation keeps the word before it (see
        :func:`.ngrams._trim`), so that the written-out "we *do not* support ..." and the
        spoken "we *don't* support ..." make one phrase, "do not support ...", not "not
        support ..." and "don't support ...", whether or not the archive ever contracts
        it (review 56: a watchlist discovered in a written archive carded the first
        "don't" as a change)."""
        import numpy as np

        hosts = frozenset(self.vocab[w] for w in self.negation_hosts if w in self.vocab)
        if not self.negation_ids or len(self.ids) < 2:
            return hosts
        ids = np.frombuffer(self.ids, dtype=np.int32)
        mark = np.frombuffer(self.mark, dtype=np.uint8)
        negation = np.zeros(len(self.words), dtype=bool)
        negation[list(self.negation_ids)] = True
        function = np.frombuffer(self.function, dtype=np.uint8).astype(bool)
        glued = (mark[1:] == _GLUE) & negation[ids[1:]] & function[ids[:-1]]
        return hosts | frozenset(int(w) for w in np.unique(ids[:-1][glued]))

    def pronoun(self, at: int) -> bool:
        """Whether the token at ``at`` is one of :data:`_NAME_SPELLINGS` written in lower
        case: "us", not "US"."""
        if self.words[self.ids[at]] not in _NAME_SPELLINGS:
            return False
        doc = self.docs[self.sentences[self.psent[at]][0]]
        return doc.text[self.starts[at]].islower()

    @cached_property
    def openers(self) -> frozenset[int]:
        """The function words (ids) that open a clause at least :data:`BOUND_OPENS` of the
        time: words that lead what follows ("in", "over", 对), not particles that end what
        stands before them (的). Learned from the corpus."""
        import numpy as np

        ids = np.frombuffer(self.ids, dtype=np.int32)
        if not len(ids):
            return frozenset()
        room = np.frombuffer(self.room, dtype=np.uint16)
        size = len(self.words)
        seen = np.bincount(ids, minlength=size)
        opening = np.ones(len(ids), dtype=bool)
        opening[1:] = room[:-1] == 1
        opens = np.bincount(ids[opening], minlength=size) >= BOUND_OPENS * seen
        function = np.frombuffer(self.function, dtype=np.uint8).astype(bool)
        return frozenset(int(w) for w in np.flatnonzero(opens & function & (seen > 0)))

    @cached_property
    def bound_after(self) -> dict[int, int]:
        """Words that nearly always follow one function word, learned (word id: its id).

        "accordance" stands after "in" at least :data:`BOUND_SHARE` of the time
        (:data:`BOUND_MIN` times or more): "in accordance with the law" is the phrase, and
        a phrase that opens on "accordance" is cut (see :func:`.ngrams._trim`). The
        function word must open a clause at least :data:`BOUND_OPENS` of the time, as
        "in" does and a particle that ends what stands before it (的) does not; or the
        two stand together nearly always both ways (:data:`BOUND_PAIR_MIN` times or more:
        "per cent", review 87's row "cent and families would begin to feel the
        difference"); and it is no coordinator ("and", "or"): a phrase never opens on one.
        """
        import numpy as np

        ids = np.frombuffer(self.ids, dtype=np.int32)
        if len(ids) < 2:
            return {}
        room = np.frombuffer(self.room, dtype=np.uint16)
        joined = (room[:-1] > 1) & (np.frombuffer(self.mark, dtype=np.uint8)[1:] == 0)
        prev, cur = ids[:-1][joined], ids[1:][joined]
        size = len(self.words)
        seen = np.bincount(ids, minlength=size)
        function = np.frombuffer(self.function, dtype=np.uint8).astype(bool)
        coordinator = np.zeros(size, dtype=bool)
        coordinator[[k for k, w in enumerate(self.words) if w in _COORDINATORS]] = True
        opens = np.zeros(size, dtype=bool)
        opens[sorted(self.openers)] = True
        keep = function[prev] & ~coordinator[prev] & ~function[cur]
        pairs, counts = np.unique(
            prev[keep].astype(np.int64) * size + cur[keep], return_counts=True
        )
        word, before = pairs % size, pairs // size
        bound = (counts >= BOUND_SHARE * seen[word]) & (
            ((counts >= BOUND_MIN) & opens[before])
            | ((counts >= BOUND_PAIR_MIN) & (counts >= BOUND_SHARE * seen[before]))
        )
        return {int(w): int(p) for w, p in zip(word[bound], before[bound], strict=True)}

    def written_as_name(self, at: int) -> bool:
        """Whether the token at ``at`` may be a name as written there: not a word written
        in lower case inside its sentence ("the *minister* explained", where "Foreign
        Minister Cho" makes "minister" a name of the corpus: review 117). Han script has
        no case: any word may be."""
        word = self.words[self.ids[at]]
        if not word.islower() or self.capital[at]:
            return True
        return at == 0 or self.psent[at - 1] != self.psent[at]

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

    def outside_questions(self, i: int) -> bool | None:
        """Whether position ``i`` stands before the briefing's first question or after its
        last one (in a statement of the briefing's own); None in a document without questions."""
        span = self.qa[self.sentences[self.psent[i]][0]]
        if span is None:
            return None
        return not span[0] <= self.starts[i] < span[1]

    def outside_share(self) -> float:
        """The share of positions, in documents with questions, outside them (see
        :meth:`outside_questions`)."""
        starts = self.starts
        bounds = [*self.doc_starts, len(self.ids)]
        outside = total = 0
        for di, span in enumerate(self.qa):
            if span is None:
                continue
            a, b = bounds[di], bounds[di + 1]
            inside = bisect_left(starts, span[1], a, b) - bisect_left(starts, span[0], a, b)
            outside += b - a - inside
            total += b - a
        return outside / total if total else 0.0

    def doc_of(self, i: int) -> Document:
        return self.docs[self.sentences[self.psent[i]][0]]

    def surface(self, occ: _Occ) -> str:
        """The occurrence exactly as it stands in its document.

        A quotation mark opened inside the phrase is closed with it when the
        closing mark follows at once ('the "one country, two systems"'), and one
        closed inside it is opened with it when the opening mark stands just
        before ('“一带一路”国际合作高峰论坛'). A line break or a run of spaces inside
        it is one space, and none between two Han characters: a formula wrapped
        across lines is one wording, written on one line.
        """
        return _one_line(self._surface(occ))

    def written(self, occ: _Occ) -> str:
        """The occurrence's own characters, from its first token's start to its last
        token's end (no marks around it taken in, white space as written)."""
        return self.doc_of(occ.start).text[self.starts[occ.start] : self.ends[occ.end - 1]]

    def _surface(self, occ: _Occ) -> str:
        text = self.doc_of(occ.start).text
        a, b = self.starts[occ.start], self.ends[occ.end - 1]
        piece = text[a:b]
        for opening, closing in _QUOTES:
            if piece.count(opening) > piece.count(closing) and text.startswith(closing, b):
                return text[a : b + len(closing)]
            if piece.count(closing) > piece.count(opening) and text.endswith(opening, 0, a):
                return text[a - len(opening) : b]
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


class _ByDocument:
    """Sentences handed over in one stream, taken document by document.

    In the order the corpus reads documents (by date, then id: how
    :func:`~consistency.track.build_index` makes them) only one document's
    sentences are unpacked at a time; a document that comes early in the
    stream waits in a buffer until it is read.
    """

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._groups = groupby(sentences, key=attrgetter("document"))
        self._waiting: dict[str, list[Sentence]] = {}

    def of(self, document: str) -> list[Sentence]:
        """The sentences of ``document`` (none if it has none)."""
        got = self._waiting.pop(document, None)
        if got is not None:
            return got
        for doc, sentences in self._groups:
            if doc == document:
                return list(sentences)
            self._waiting.setdefault(doc, []).extend(sentences)
        return []


_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
"""A Han character: a sentence holding one may hold a compound (see :func:`_clauses`)."""


def _clauses(
    text: str, tokens: Sequence[Token], joins: Collection[int] = ()
) -> list[tuple[Sequence[Token], bytes]]:
    """Cut a sentence's tokens at hard punctuation; mark the tokens that follow a comma etc.,
    and those ``joins`` glues to the token before as pieces of one word (the tokeniser's
    ``compound_joins``: 冠状|病毒)."""
    if not tokens:
        return []
    starts: list[int] | None = None
    cuts: list[int] = []
    soft: dict[int, int] = {}
    asides: list[tuple[int, int]] | None = None
    for m in _GAP_MARKS.finditer(text, tokens[0].end, tokens[-1].start):
        if starts is None:
            starts = [t.start for t in tokens]
        k = bisect_right(starts, m.start())
        if tokens[k - 1].end > m.start():
            continue
        if m.lastgroup == "hard" and m.group() in "()[]\uff08\uff09":
            if asides is None:
                # the brackets of a word the tokeniser drops (no token left inside): no break
                asides = [
                    (a, b)
                    for a, b in aside_spans(text, tokens[0].end, tokens[-1].start)
                    if bisect_right(starts, a) == bisect_right(starts, b - 1)
                ]
            if any(a <= m.start() < b for a, b in asides):
                continue
        if m.lastgroup == "hard":
            if not cuts or cuts[-1] != k:
                cuts.append(k)
        elif m.lastgroup in ("soft", "list") or k not in soft:
            soft[k] = {"soft": _SOFT, "list": _LIST}.get(m.lastgroup or "", _GLUE)
    for k in joins:
        soft.setdefault(k, _GLUE)
    if _CONTRACTED.search(text, tokens[0].start, tokens[-1].end):
        # the halves of a contraction ("do" | "n't") are glued like a compound's
        for k in range(1, len(tokens)):
            if one_word(text, tokens[k - 1], tokens[k]):
                soft[k] = _GLUE
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


def _capped(bounds: Sequence[int]) -> list[int]:
    """Clause ends with an extra cut every :data:`MAX_CLAUSE` tokens of a longer clause."""
    out: list[int] = []
    begin = 0
    for end in bounds:
        out.extend(range(begin + MAX_CLAUSE, end, MAX_CLAUSE))
        out.append(end)
        begin = end
    return out


@dataclass
class _Group:
    """A point under construction: its occurrences and what was measured on them
    (``core``: a formula said only in frames, see
    :func:`~consistency.discover.ngrams._shared_cores`)."""

    occs: list[_Occ]
    key: tuple[int, ...]
    dates: list[int]
    score: float = 0.0
    core: bool = False
