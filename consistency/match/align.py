"""Word alignment of one wording of a point with a stretch of a sentence.

The alignment works on words, never characters. Each sentence word is *keyed*:
the point's word it is (the same normalised word, or one spelled alike:
:func:`~consistency.match.weights.similarity`), or none. rapidfuzz's Indel
opcodes align the point's keys with the sentence's; what it leaves over is read
as follows:

- **matched**: a point word found in order; it earns its weight (times the
  spelling similarity);
- **moved**: a run of point words found out of order ("from the middle out and
  the bottom up" for "from the bottom up and the middle out"): a run of two or
  more words, or one content word. It earns :data:`MOVE_CREDIT` of its weight.
  A single moved word may not stand at an edge of the span ("*mankind* lives
  in a community with a shared future", "ASEAN countries *working*" are not
  the formula reordered);
- **replaced**: sentence words standing where point words are missing (next to
  them in the alignment) replace them, one for one. They cost nothing; one word
  replaced by one word earns :data:`REPLACE_CREDIT` of the lighter word's weight
  (a longer run replaced is a different phrase more often than a new word). But in
  a point of fewer than :data:`KEY_WORDS` content words no content word may be
  replaced: 一个重要原则 ("an important
  principle") is not 一个中国原则 (the one-China principle), while "fully" may
  stand for "comprehensively" in a fifteen-word formula;
- **inserted**: any other sentence word inside the span costs
  :data:`INSERT_COST` of its weight (an elaboration: "China's position *on the
  Ukraine crisis* is ..."); but when the span also lacks one of the point's
  content words, an inserted content word costs its full weight: a word missing
  here and another come in there is a different phrase sharing words ("the
  Conduct of Parties in the South China Sea" is not "the Code of Conduct in the
  South China Sea"), and so does one in a point of fewer than :data:`KEY_WORDS`
  content words where two or more come in between all of its words (see
  :data:`CROWDING_WORDS`); and a name inserted into a point of fewer than
  :data:`KEY_WORDS` content words rejects the span ("in accordance with the *Basic*
  Law" names another law than "in accordance with law");
- **deleted**: a point word missing earns nothing; but a coordinator of the point
  standing in the place of the comma between two of its list items, found side by
  side, is in place: a list puts its "and" before whichever item is last ("a free
  *and* open Indo-Pacific" of "a free, open and inclusive Indo-Pacific");
- a run of sentence words standing for missing point words, between words found in
  order, pays the full weight of its content words beyond one word more than are
  missing ("Hong Kong affairs {-are-}{+and flagrantly interferes in+} China's ..."),
  or beyond as many as are missing when one of those is a content word: one word
  may stand for it ("fully" for "comprehensively"), more content is another phrase
  (新冠肺炎疫情{-发生-}{+构成二战+}以来: "constitutes the greatest crisis since WWII");
  a coordinator never stands for a point word that is not one (the tokeniser's
  ``coordinators``); the parts of a point's hyphenated compound stand side by side
  ("China-Russia"), or one of them is missing.

``score = 100 * credit / (weight of the point + cost of insertions)``.

**Edges.** A span starts and ends on point words. When the point's first (or
last) words are missing but the rest follows on, the sentence words standing
in their place are taken into the span, so a diff reads ``{-a-}{+an even+}
closer`` rather than a false ``{-a-} closer``: at most one word more than are
missing, never across punctuation the point does not have there, and the
outermost word taken is of the same kind (function or content word) as the
point's outermost missing word, with no more function words than are missing
(so "to" in "to build our economy" and "on" in "consultations on a code of
conduct" stay out), but for one before a content word that, with it, replaces the
point's one missing edge word (a shared future for {-mankind-}{+all humanity+}; not
"{-mutual respect-}{+basis of+} equality"); as many words as are missing, of the
same kinds in another order, are taken too ({-build a-}{+an even+} closer). As many
words as are missing are
preferred, then one more, then fewer: "will" stays out of "will build our economy".
A missing edge that holds a name of the point, with another name in its place,
rejects the span (see :func:`_named_instead`). Only for points of
:data:`EDGE_MIN_WORDS` words or more, when less than a third of the point is
missing at that edge, and when none of the missing words is in the span out of order
("the two peoples and meets" has "peoples": "meets" does not stand for it). The
words taken in are scored as replacements (a shared future for
{-mankind-}{+humanity+}); a hyphened compound is one word of its own class
({-clear-eyed-}{+realistic+} about ...). Where no such words stand for the point's
missing last words but the rest of the clause does (a few words, ending on a content
word where the clause ends), the span takes it in, its score unchanged: "Southeast
Asia is {-increasing-}{+on the rise+}, but ..." (see :func:`_rest_of_clause`). In
such a point, a content word of the sentence right where missing edge content words
go, not taken in, rejects the span: the sentence says
something else there, and a diff would show words dropped that were replaced
(新冠肺炎疫情*物资支持* is not 新冠肺炎疫情发生后; see :func:`_replaced_there`). Before a
shorter point any word may stand ("we think open lines of communication are ..." for
"keep open lines of communication"): its missing edge reads as dropped. In any point,
more than a third of its words missing at one edge, a content word among them, leaves
a fragment and no occurrence (the noun 新冠肺炎疫情 alone is not 新冠肺炎疫情发生以来);
a third may go ("China's position is consistent" of "... consistent and clear").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise, repeat
from typing import NamedTuple

from rapidfuzz.distance import Indel, LCSseq, Opcode

from ..lexicon import (
    has_digit,
    is_han_name,
    may_qualify,
    may_stand_for,
    numbers_in,
    word_classes,
)
from ..models import Token
from ..normalise import NO_GRAMMAR, Grammar, has_ending, one_word
from .weights import FLOOR, RARE, is_rare, prefixed, similarity

INSERT_COST = 0.25
"""What an inserted word costs, as a share of its weight."""

MOVE_CREDIT = 0.9
"""What a moved word earns, as a share of its weight: a reordered formula is the
same formula, but not an identical wording."""

REPLACE_CREDIT = 0.25
"""What a replaced word earns, as a share of the lighter of the two words: the word
is gone, but the formula's frame around it holds ("a shared future for
{-mankind-}{+humanity+}")."""

CROWDING_WORDS = 2
"""Content words put in between the words of a short point, none of them left side by
side, that make another phrase of it (see :meth:`Keyed._score`)."""

KEY_WORDS = 4
"""A point with fewer content words than this may not have one replaced: each is a
third of its meaning or more (一个重要原则 is not 一个中国原则)."""

EDGE_MIN_WORDS = 6
"""Points with fewer words never take in words that replace their edges: before
"open lines of communication" any verb may stand, not only one replacing "keep"."""

MIN_MATCHED = 3
"""A span has at least this many of the point's words (all of them in shorter points)."""

OPENING_REACH = 3
"""How many tokens may stand between a point's first word, a function word, and its next
word for a window to open on it (see :meth:`Keyed.best`): "so-called" is two."""

NEAR_BEST = 0.1
"""Windows whose quick score is this close to the best are scored exactly."""

MAX_EXACT = 12
"""At most this many windows of a sentence are scored exactly."""

_OTHER = "\x00"
_NO_KEY = (_OTHER, 0.0)
FIRST_KEY = 0x100
"""The code point of a wording's first distinct word's key; the next words' follow it."""
HYPHENS = frozenset("-\u2010\u2011")
"""The hyphens that join a compound's parts ("clear-cut")."""
_PUNCT_GAP = frozenset(",;:()[]\"'\u201c\u201d\u3001\uff0c\uff1b\uff1a\u300a\u300b")

_OPENING_QUOTES = " \"'\u201c\u2018\u300a"
"""Marks (and spaces) that may open a quoted formula after its determiner."""


@dataclass(frozen=True, slots=True)
class Alignment:
    """The best alignment of a point's wording with ``tokens[first:end]``.

    score: 0-100 (see the module docstring).
    first, end: token range of the span in the sentence, ``end`` exclusive.
    moved: token ranges (in the sentence) of runs of point words found out of order.
    """

    score: float
    first: int
    end: int
    moved: tuple[tuple[int, int], ...] = ()


def longest_window(words: int) -> int:
    """The most tokens a window of :meth:`Keyed.best` spans for a wording of ``words`` words."""
    return 2 * words + 4


class WordingKeys(NamedTuple):
    """What a wording is keyed by, the same for every sentence it is keyed against.

    chars: each distinct word's key character; keys: the wording's words as keys;
    weights: each word's weight; light: the keys of its function words; total: the
    sum of the weights; content: how many of its words are content words; counts: how
    often each key stands in ``keys``.
    """

    chars: dict[str, str]
    keys: str
    weights: tuple[float, ...]
    light: frozenset[str]
    total: float
    content: int
    counts: dict[str, int]
    wants: tuple[int, ...]


@lru_cache(maxsize=1 << 12)
def wording_keys(words: tuple[str, ...], weigh: Callable[[str], float]) -> WordingKeys:
    """A wording's keys (see :class:`WordingKeys`), computed once per wording."""
    chars = {w: chr(FIRST_KEY + k) for k, w in enumerate(dict.fromkeys(words))}
    light = frozenset(chars[w] for w in words if weigh(w) < RARE)
    weights = tuple(weigh(w) for w in words)
    keys = "".join(chars[w] for w in words)
    counts: dict[str, int] = {}
    for c in keys:
        counts[c] = counts.get(c, 0) + 1
    return WordingKeys(
        chars,
        keys,
        weights,
        light,
        sum(weights),
        sum(1 for w in weights if w >= RARE),
        counts,
        tuple(counts[c] for c in chars.values()),
    )


class Names:
    """The names among a run of tokens, told one position at a time when asked
    (``k in names``): content words written with a capital (in a ``sentence``, not
    its first word: any word opens a sentence capitalised; a point's text is a
    formula, whose first word is capitalised only as a name), and Chinese words
    jieba's dictionary tags as people, places or organisations. "the Korean
    Peninsula issue" is not "the Venezuelan issue", nor 构建亚太命运共同体 (Asia-Pacific)
    构建人类命运共同体; a name is what the formula is about, never a word a drift swaps.
    ``plain``: words that are never names, however written (a formula's "*Our*
    development partnership ...", the tokeniser's determiners: review 93); nor is a
    formula's first word the dictionary knows in a class other than a noun's.
    """

    def __init__(
        self,
        tokens: Sequence[Token],
        text: str,
        *,
        sentence: bool = True,
        plain: Collection[str] = (),
    ) -> None:
        self.tokens = tokens
        self.text = text
        self.first = 1 if sentence else 0
        self.plain = plain

    @cached_property
    def glued(self) -> frozenset[int]:
        """The positions of the words joined to the word before by a hyphen (see :func:`_glued`)."""
        return _glued(self.tokens, self.text)

    def __contains__(self, k: object) -> bool:
        if not isinstance(k, int) or not 0 <= k < len(self.tokens):
            return False
        t = self.tokens[k]
        if t.text in self.plain:
            return False
        capital = k >= self.first and self.text[t.start : t.start + 1].isupper()
        if capital and k == 0 and word_classes(t.text) - {"NOUN"}:
            # a formula written as a sentence opens on a capital: a word the dictionary
            # knows as an adjective, verb or adverb is none the less no name there
            # ("*Unilateral* attempts to change the status quo ...": review 94)
            capital = False
        return (capital and is_rare(t.text)) or is_han_name(t.text)

    def in_adjective(self, k: int, put_in: Collection[int]) -> bool:
        """Whether name ``k`` makes an adjective with a word in lower case glued to it by a
        hyphen, both among the words ``put_in``: after one that opens the compound
        ("pro-*Russian*"; not the second "People" of "People-to-People") or before one
        ("*Russian*-occupied", "*US*-led")."""
        tokens, text = self.tokens, self.text
        if k >= 1 and k - 1 in put_in:
            before = tokens[k - 1]
            if (
                hyphened(text, before, tokens[k])
                and not text[before.start].isupper()
                and not (k >= 2 and hyphened(text, tokens[k - 2], before))
            ):
                return True
        if k + 1 < len(tokens) and k + 1 in put_in:
            after = tokens[k + 1]
            return hyphened(text, tokens[k], after) and not text[after.start].isupper()
        return False


def is_party(names: Names, f: int, length: int) -> bool:
    """Whether word ``f`` of a point of ``length`` words, whose names are ``names``, is the
    party it names: a name at its first or last word standing alone, its neighbour in the
    point no name ("peace in *Ukraine*", "the Republic of *Korea*"), not the end of a title
    ("Year of People-to-People *Exchanges*"). Replaced, the formula is said of another
    party ("a just and lasting peace in *Gaza*", "the Republic of *the* Philippines"): no
    drift of it, and no near miss (a review found the gate failing on them)."""
    last = length - 1
    if last == 0 or f not in (0, last) or f not in names:
        return False
    return (f + 1 if f == 0 else f - 1) not in names


NO_NAMES = Names((), "")


class Keyed:
    """One wording of a point, and one sentence keyed against it."""

    def __init__(
        self,
        words: Sequence[str],
        weigh: Callable[[str], float],
        sentence: Sequence[str],
        cache: dict[str, tuple[str, float]],
        closed: bool = False,
        names: tuple[Names, Names] = (NO_NAMES, NO_NAMES),
        lenient: bool = False,
        grammar: Grammar = NO_GRAMMAR,
        least: int = 0,
    ) -> None:
        """``cache`` maps words to their key and similarity; when ``closed``, it already
        holds every word spelled like a point word, and any other word is no point word.
        ``names``: the positions of the names among the point's words and the sentence's
        (see :class:`Names`); a replaced name rejects an alignment, unless ``lenient``:
        then it is scored as any replacement (a near miss, which ``check`` reports:
        "the Declaration on the *Behavior* (or *behavior*) of Parties"; never an
        occurrence). ``grammar``, the tokeniser's words by their part: a coordinator
        ("and", 和) never replaces a word of the point that is not one; a word with a
        negating prefix is spelled like the point's word only where the point negates it
        (see :func:`_key`); a determiner ("the", "a", 这), or a word with a possessive
        ending ("China's"), may stand for a point's missing first determiner (see
        :func:`_determiner_edge`); a negation carrier ("longer") with a negation before
        it is the negation, not a word replacing the point's (see
        :func:`_replaced_there`); a name may stand for a first-person pronoun ("we") at
        the point's first word (see :func:`_take`). ``least``:
        how many of the point's words a span must have (see :meth:`best`)."""
        wording = wording_keys(tuple(words), weigh)
        chars, self.form_chars, self.form_weights, self.light = wording[:4]
        self.total, self.content, self.want = wording.total, wording.content, wording.counts
        self.wants = wording.wants
        self.words = words
        self.form_names, self.sentence_names = names
        self.glued = self.form_names.glued
        self.weigh = weigh
        self.lenient = lenient
        self.coordinators = grammar.coordinators
        self.negations = negations = grammar.negations
        self.carriers = grammar.negation_carriers
        self.persons = grammar.first_person
        self.least = least
        self.determiners = grammar.determiners
        self.possessives = tuple(sorted(grammar.possessive_endings))
        prefixes = grammar.negating_prefixes
        if closed:
            hits = list(map(cache.get, sentence, repeat(_NO_KEY)))
        else:
            negated = _negated(tuple(words), negations)
            owned = owner_keys(words, self.form_names, chars, self.possessives)
            hits = []
            for word in sentence:
                hit = cache.get(word)
                if hit is None:
                    hit = _key(word, chars, negated, prefixes)
                    if hit[0] == _OTHER:
                        hit = owned.get(word, hit)
                    cache[word] = hit
                hits.append(hit)
        self.keys = "".join([h[0] for h in hits])
        self.sims = [h[1] for h in hits]
        self.sentence = sentence
        self._scored: dict[tuple[int, int], Alignment] = {}
        self._ops: dict[tuple[int, int], list[Opcode]] = {}

    def opcodes(self, lo: int, hi: int) -> list[Opcode]:
        """rapidfuzz's Indel opcodes of the point's keys against the window ``[lo, hi)``,
        computed once per window: scoring, settling and the edges all read them."""
        found = self._ops.get((lo, hi))
        if found is None:
            found = self._ops[lo, hi] = list(Indel.opcodes(self.form_chars, self.keys[lo:hi]))
        return found

    def score(self, lo: int, hi: int) -> Alignment:
        """The exact alignment score of the window ``[lo, hi)`` (each window scored once)."""
        found = self._scored.get((lo, hi))
        if found is None:
            found = self._scored[lo, hi] = self._score(lo, hi)
        return found

    def _score(self, lo: int, hi: int) -> Alignment:
        sims, form_weights = self.sims, self.form_weights
        credit = 0.0
        deleted: list[int] = []
        inserted: list[int] = []
        replaced: list[tuple[int, int, bool]] = []
        overlong: set[int] = set()
        spoken: set[int] = set()  # words in place of the speaker's "we"
        placed: dict[int, int] = {}
        blocks = self.opcodes(lo, hi)
        for k, op in enumerate(blocks):
            tag = op.tag
            if tag == "equal":
                at = lo + op.dest_start
                src = op.src_start
                for i in range(op.src_end - src):
                    credit += sims[at + i] * form_weights[src + i]
                    placed[src + i] = at + i
            elif tag == "delete":
                deleted.extend(range(op.src_start, op.src_end))
            else:
                span = range(lo + op.dest_start, lo + op.dest_end)
                inserted.extend(span)
                before = blocks[k - 1] if k else None
                after = blocks[k + 1] if k + 1 < len(blocks) else None
                gone = [
                    i
                    for b in (before, after)
                    if b is not None and b.tag == "delete"
                    for i in range(b.src_start, b.src_end)
                ]
                if not gone:
                    continue
                single = len(gone) == 1 and len(span) == 1
                replaced.extend((f, s, single) for f, s in zip(gone, span, strict=False))
                if any(self.words[i] in self.persons for i in gone):
                    spoken.update(span)
                if _between(blocks, k):
                    heavy = any(form_weights[i] >= RARE for i in gone)
                    overlong.update(span[len(gone) + (0 if heavy else 1) :])
        moved = self._moves(deleted, inserted)
        moved_at = {s for a, b in moved for s in range(a, b)}
        for a, b in moved:
            if (
                b - a < 2
                and (a == lo or b == hi)
                and not (self._set_apart(a, lo, hi) and self.listed_run(a, b))
            ):
                # One word at the edge of the span: "mankind lives in a community
                # ...", "ASEAN countries working" do not move it into the formula.
                return Alignment(0.0, lo, hi)
            if b - a < 2 and self.content < KEY_WORDS and not self._set_apart(a, lo, hi):
                # two words of a short point swapped, with nothing to part them, make
                # another phrase: "the principle China proposed" is no "the one-China
                # principle"; "equality and mutual respect" is "mutual respect and equality"
                return Alignment(0.0, lo, hi)
        moved_form = self._moved_form(deleted, moved)
        joined = self.sentence_names.glued if self.glued else frozenset()
        for k in self.glued:
            left, right = placed.get(k - 1), placed.get(k)
            if (
                (left is not None and right is not None and right != left + 1)
                or (
                    (left is None) != (right is None)
                    and (k if right is None else k - 1) in moved_form
                )
                or (left is None and right is not None and _glued_apart(right, +1, joined))
                or (right is None and left is not None and _glued_apart(left, -1, joined))
            ):
                # "China-Russia ... partnership" is not "China stands ready to work with
                # Russia to ... deepen our ... partnership"; nor is "China" of "China-US"
                # the "China" of "the one-China principle" (review 84: the span read
                # `{-the one-} principle is ... {~China~}{+-US ...+}`)
                return Alignment(0.0, lo, hi)
        weigh, sentence = self.weigh, self.sentence
        for s in moved_at:
            credit += MOVE_CREDIT * sims[s] * weigh(sentence[s])
        replacing, replaced_form = self._relisted(deleted, inserted, moved_form, moved_at, placed)
        credit += sum(form_weights[f] for f in replaced_form)
        for f, s, single in replaced:
            if f in moved_form or s in moved_at or s in replacing or self._no_determiner(f, s):
                continue
            if sentence[s] in self.coordinators and self.words[f] not in self.coordinators:
                # "Hong Kong affairs *and* China's internal affairs" joins two things where
                # "Hong Kong affairs *are* purely China's internal affairs" says one is the other
                return Alignment(0.0, lo, hi)
            other = self.keys[s] == _OTHER
            named = (
                other
                and s in self.sentence_names
                and not self._qualifies(f, s)
                # reported, the speaker's side is named for its "we" (see :func:`_take`)
                and s not in spoken
            )
            if (other and self.content < KEY_WORDS and form_weights[f] >= RARE) or (
                # a name of the point stands for itself: not even the point's own "the"
                # replaces it ("the Conduct of Parties" is no "Code of Conduct"); a near
                # miss may replace one inside it ("the Declaration on the *Behavior* of
                # Parties"), never the party it names (see :func:`is_party`), but for
                # the speaker's own "we" in its place ("{-India-}{+we+} would welcome
                # ...": review 110, the gate passed it, `diff` said "Dropped")
                (f in self.form_names or named)
                and (
                    not self.lenient
                    or (
                        is_party(self.form_names, f, len(self.form_chars))
                        and sentence[s] not in self.persons
                    )
                )
            ):
                return Alignment(0.0, lo, hi)
            replacing.add(s)
            replaced_form.add(f)
            if single:
                credit += REPLACE_CREDIT * min(form_weights[f], weigh(sentence[s]))
        lost = any(
            form_weights[f] >= RARE
            for f in deleted
            if f not in moved_form and f not in replaced_form
        )
        last = len(self.form_chars) - 1
        last_swapped = last in replaced_form and form_weights[last] >= RARE and not self.lenient
        free = moved_at | replacing
        names = self.sentence_names
        short = self.content < KEY_WORDS and not self.lenient
        extra = [s for s in inserted if s not in free]
        dropped = any(f not in moved_form and f not in replaced_form for f in deleted)
        # a short point whose words all stand apart, content words put in between them,
        # is another phrase sharing its words: "discussed {+ways to strengthen+}
        # bilateral {+cooperation in+} trade" (review 140: counted at 78.7)
        crowded = (
            short
            and not moved
            and sum(weigh(sentence[s]) >= RARE for s in extra) >= CROWDING_WORDS
            and not any(
                (nxt := placed.get(f + 1)) is not None
                and nxt > at
                and all(weigh(sentence[s]) < RARE for s in range(at + 1, nxt))
                for f, at in placed.items()
            )
        )
        cost = 0.0
        for s in extra:
            if (
                short
                and s in names
                and not names.in_adjective(s, extra)
                and (extra != [s] or dropped or self._names_another(s))
            ):
                # a name put in names another thing, but for a compound put in whole
                # that makes an adjective of it: "in *pro-Russian* Ukraine", "in
                # *Russian-occupied* Ukraine" (reviews)
                return Alignment(0.0, lo, hi)
            w = weigh(sentence[s])
            full = lost or crowded or s in overlong or (last_swapped and not self._listed(s, extra))
            cost += w if w >= RARE and full else INSERT_COST * w
        score = 100.0 * credit / (self.total + cost)
        return Alignment(score, lo, hi, tuple(moved))

    def _relisted(
        self,
        deleted: Sequence[int],
        inserted: Sequence[int],
        moved_form: Collection[int],
        moved_at: Collection[int],
        placed: dict[int, int],
    ) -> tuple[set[int], set[int]]:
        """The sentence words and the point's words of a coordinator that stands before
        another item of a list than in the point, in the place of the comma between two
        of its items, found side by side: "a free *and* open" for "a free, open and
        inclusive Indo-Pacific" is the formula with its last item dropped and its "and"
        in place, as a list puts it before whichever item is last (review 70: it scored
        under the threshold, its "and" counted put in and gone). Not a coordinator
        joining other words ("stability in Syria *and* the region")."""
        gone = [f for f in deleted if f not in moved_form and self.words[f] in self.coordinators]
        if not gone:
            return set(), set()
        point_at = {s: f for f, s in placed.items()}
        at: set[int] = set()
        form: set[int] = set()
        for s in inserted:
            left, right = point_at.get(s - 1), point_at.get(s + 1)
            if s in moved_at or left is None or right != left + 1:
                continue
            f = next((f for f in gone if f not in form and self.words[f] == self.sentence[s]), None)
            if f is not None:
                at.add(s)
                form.add(f)
        return at, form

    def _names_another(self, s: int) -> bool:
        """Whether the name put in at sentence word ``s``, the one word the span adds to a
        short formula found whole (its words there or replaced: "*a Qatari* cessation of
        hostilities agreement"), makes it name another thing: a Chinese name, or a
        capitalised word beside another name ("in accordance with the *Basic* Law" is no
        "in accordance with the law", "the Spokesperson's *Office* of" no "the spokesperson
        of"). Before a common noun a capitalised word qualifies it: "the *Western*
        sponsors of the Kiev regime" says "the sponsors of the Kiev
        regime" with a word put in, where the span without it read "{-the-} sponsors
        ..." (a fresh-clone review, Russian MFA 2025-07-17); so does a possessive, even
        beside a name ("the *EU's* Belt and Road Initiative"). Any other name put in, or
        a name beside another change, names another thing ("China *and Russia* will
        continue to")."""
        names = self.sentence_names
        word = self.sentence[s]
        if self.determines(word):
            return False
        return is_han_name(word) or s - 1 in names or s + 1 in names

    def determines(self, word: str) -> bool:
        """Whether a sentence word opens a noun phrase: a determiner or a possessive (not
        a function word spelled like one: "it's")."""
        return word in self.determiners or self._possessive(word)

    def _possessive(self, word: str) -> bool:
        return has_ending(word, self.possessives) and self.weigh(word) > FLOOR

    def _no_determiner(self, f: int, s: int) -> bool:
        """Whether sentence word ``s`` cannot stand for the point's determiner ``f``: only
        another determiner or a possessive does ("*its* sponsors of the Kiev regime"), or
        a word that qualifies the noun (a name, an adjective: see
        :func:`~consistency.lexicon.may_qualify`); "the money *of* sponsors of the Kiev
        regime" drops "the" and puts "of" in, "issues *concerning* core interests" drops
        it and says "concerning" before the formula."""
        word = self.sentence[s]
        if self.words[f] not in self.determiners or self.determines(word):
            return False
        return self.weigh(word) < RARE or not (s in self.sentence_names or may_qualify(word))

    def _qualifies(self, f: int, s: int) -> bool:
        """Whether the name at sentence word ``s``, standing for the point's word ``f``, a
        determiner, qualifies the noun after it: a possessive anywhere ("in keeping with
        {-our-}{+India's+} Neighbourhood First policy", a review), or at the point's first
        word any name that names no other thing: "with *Western* sponsors of the Kiev
        regime" is {-the-}{+Western+} sponsors ... (see :meth:`_names_another`)."""
        return self.words[f] in self.determiners and (
            self.determines(self.sentence[s]) or (f == 0 and not self._names_another(s))
        )

    def _listed(self, at: int, extra: Sequence[int]) -> bool:
        """Whether the inserted run holding sentence word ``at`` stands between punctuation
        marks: an item put in a list ("mutual respect*, equality,* mutual benefit")."""
        tokens, text = self.sentence_names.tokens, self.sentence_names.text
        a = b = at
        while a - 1 in extra:
            a -= 1
        while b + 1 in extra:
            b += 1
        if not tokens or a == 0 or b + 1 >= len(tokens):
            return False
        return _has_punct(text[tokens[a - 1].end : tokens[a].start]) and _has_punct(
            text[tokens[b].end : tokens[b + 1].start]
        )

    def listed_run(self, s: int, e: int) -> bool:
        """Whether the sentence run ``[s, e)`` of point words is a whole item of the point's
        list: its words stand together in the point, parted from the others there by a
        comma or a coordinator. Such a run moved is the list said in another order:
        "*equality,* mutual respect and mutual benefit" for "mutual respect, equality and
        mutual benefit" (review 84: not found at any threshold, where "mutual respect,
        mutual benefit and equality" was)."""
        run = self.keys[s:e]
        form = self.form_chars
        tokens, text = self.form_names.tokens, self.form_names.text
        if not tokens or _OTHER in run:
            return False
        n = len(run)
        for f in range(len(form) - n + 1):
            if form[f : f + n] != run:
                continue
            before = f > 0 and (
                self.words[f - 1] in self.coordinators
                or _has_punct(text[tokens[f - 1].end : tokens[f].start])
            )
            after = f + n < len(form) and (
                self.words[f + n] in self.coordinators
                or _has_punct(text[tokens[f + n - 1].end : tokens[f + n].start])
            )
            if before or after:
                return True
        return False

    def _set_apart(self, at: int, lo: int, hi: int) -> bool:
        """Whether the word at ``at`` is parted from the words beside it in the span by a
        coordinator or by punctuation (the parts of a list or a coordination)."""
        words, tokens, text = self.sentence, self.sentence_names.tokens, self.sentence_names.text
        for other in (at - 1, at + 1):
            if not lo <= other < hi:
                continue
            if words[other] in self.coordinators:
                return True
            left, right = min(at, other), max(at, other)
            if tokens and _has_punct(text[tokens[left].end : tokens[right].start]):
                return True
        return False

    def _moves(self, deleted: list[int], inserted: list[int]) -> list[tuple[int, int]]:
        """Sentence runs of point words that the alignment left over on both sides."""
        if not deleted or not inserted:
            return []
        missing: dict[str, int] = {}
        for f in deleted:
            c = self.form_chars[f]
            missing[c] = missing.get(c, 0) + 1
        runs: list[tuple[int, int]] = []
        for s in inserted:
            c = self.keys[s]
            if c == _OTHER or missing.get(c, 0) <= 0:
                continue
            missing[c] -= 1
            if runs and runs[-1][1] == s:
                runs[-1] = (runs[-1][0], s + 1)
            else:
                runs.append((s, s + 1))
        return [(a, b) for a, b in runs if b - a >= 2 or self.weigh(self.sentence[a]) >= RARE]

    def _moved_form(self, deleted: list[int], moved: list[tuple[int, int]]) -> set[int]:
        left = [self.keys[s] for a, b in moved for s in range(a, b)]
        out: set[int] = set()
        for f in deleted:
            c = self.form_chars[f]
            if c in left:
                left.remove(c)
                out.add(f)
        return out

    def matched(self, a: Alignment) -> int:
        """How many of the point's words the span has, in order or moved."""
        in_order = int(LCSseq.similarity(self.form_chars, self.keys[a.first : a.end]))
        return in_order + sum(b - s for s, b in a.moved)

    def _qualified(self, a: int, hi: int) -> bool:
        """Whether the point's first word at ``a`` stands before its next word with
        qualifiers only between, within :data:`OPENING_REACH` tokens: content words that
        may qualify a noun or verb, one written word for a compound ("the *so-called*
        collective West", "we *also* hope that the", "in *strict* accordance with"); not
        "of *attention from* the international community"."""
        keys = self.keys
        b = next((b for b in range(a + 2, min(a + 1 + OPENING_REACH, hi)) if keys[b] != _OTHER), 0)
        tokens, text = self.sentence_names.tokens, self.sentence_names.text
        if not b or not tokens:
            return False  # (no tokens: a sentence known by its words, discovery's families)
        if _has_punct(text[tokens[a].end : tokens[b].start]):
            return False  # "a comprehensive, just ..." goes to the edges (see _clause_break)
        words: list[str] = []
        for k in range(a + 1, b):
            if words and text[tokens[k - 1].end : tokens[k].start] in HYPHENS:
                words[-1] += "-" + self.sentence[k]
            else:
                words.append(self.sentence[k])
        return all(is_rare(w) and may_qualify(w, participle=True) for w in words)

    def best(self, lo: int, hi: int) -> Alignment | None:
        """The best window within ``[lo, hi)`` that starts and ends on point words.

        A function word of the point ("the", "of") starts or ends a window only
        next to another of the point's words: alone, it proves nothing. Every
        window is ranked by a quick score (point words present, as a
        bag); the few closest to the best are aligned exactly (ties: the
        shorter, then the earlier).
        """
        keys = self.keys
        m = len(self.form_chars)
        wants = self.wants
        light = self.light
        positions = [i for i, c in enumerate(keys[lo:hi], lo) if c != _OTHER]
        codes = [ord(keys[i]) - FIRST_KEY for i in positions]
        closes = [keys[i] not in light or (i > lo and keys[i - 1] != _OTHER) for i in positions]
        max_len = longest_window(m)
        count = len(positions)
        width = len(wants)
        # (minus the quick score, first, end): sorted, the best come first, then the
        # earlier, then the shorter
        rough: list[tuple[float, int, int]] = []
        first_key = self.form_chars[0]
        for j, a in enumerate(positions):
            # ... but the point's own first word may, a word or two before the next of its
            # words: "the *so-called* collective West" (review 89: no occurrence, as
            # "collective West" lacks a word of three)
            if (
                keys[a] in light
                and (a + 1 >= hi or keys[a + 1] == _OTHER)
                and (keys[a] != first_key or not self._qualified(a, hi))
            ):
                continue
            stop = a + max_len
            have = [0] * width
            found = 0
            for k in range(j, count):
                b = positions[k]
                if b >= stop:
                    break
                c = codes[k]
                if have[c] < wants[c]:
                    found += 1
                have[c] += 1
                if closes[k]:
                    rough.append((-(found / (m + INSERT_COST * (b - a + 1 - found))), a, b + 1))
        if not rough:
            return None
        rough.sort()
        cut = -rough[0][0] - NEAR_BEST
        near = [r for r in rough[:MAX_EXACT] if -r[0] >= cut]
        if len(near) == 1:
            return self.score(near[0][1], near[0][2])
        scored = [self.score(a, b) for _, a, b in near]
        top = max(scored, key=lambda s: (s.score, -(s.end - s.first), -s.first))
        if self.least == 0 or self.matched(top) >= self.least:
            return top
        # a window with too few of the point's words is none (see find_in_sentence)
        return max(
            scored,
            key=lambda s: (
                self.matched(s) >= self.least,
                s.score,
                -(s.end - s.first),
                -s.first,
            ),
        )


def owner_keys(
    words: Sequence[str], names: Names, chars: dict[str, str], possessives: Iterable[str]
) -> dict[str, tuple[str, float]]:
    """The key of each name of the point said with a possessive ending, as the name's own:
    "Hong *Kong's* affairs are China's internal affairs" says "Hong Kong affairs are ..."
    (review 84: the gate failed on it as "a name of the formula replaced")."""
    if not names.tokens:
        return {}
    return {
        words[f] + e: (chars[words[f]], 1.0)
        for f in range(len(words))
        if f in names
        for e in possessives
    }


def variant_keys(
    words: Sequence[str],
    variants: dict[str, list[str]],
    negations: frozenset[str] = frozenset(),
    prefixes: frozenset[str] = frozenset(),
) -> dict[str, tuple[str, float]]:
    """The key and similarity of each point word and each of its spelled-alike variants
    (``negations``, ``prefixes``: see :class:`Keyed`)."""
    chars = {w: chr(FIRST_KEY + k) for k, w in enumerate(dict.fromkeys(words))}
    negated = _negated(tuple(words), negations)
    out: dict[str, tuple[str, float]] = {}
    for w in chars:
        for v in variants.get(w, ()):
            if v not in chars:
                hit = _key(v, chars, negated, prefixes)
                if hit[0] != _OTHER:
                    out[v] = hit
    out.update((w, (c, 1.0)) for w, c in chars.items())
    return out


@lru_cache(maxsize=1 << 12)
def _negated(words: tuple[str, ...], negations: frozenset[str]) -> frozenset[str]:
    """The point's words that follow one of its negations ("changed" in "has not changed")."""
    return frozenset(b for a, b in pairwise(words) if a in negations)


def _key(
    word: str,
    chars: dict[str, str],
    negated: Collection[str] = frozenset(),
    prefixes: Collection[str] = frozenset(),
) -> tuple[str, float]:
    """The point word that ``word`` is or is spelled like, and how alike, or
    ``(_OTHER, 0.0)``. A word with a negating prefix put before a point word
    ("*in*stability", "*de*nuclearization") is another word, but where the point negates
    that word ("has not changed" / "unchanged"): see
    :func:`~consistency.match.weights.prefixed`."""
    hit = chars.get(word)
    if hit is not None:
        return hit, 1.0
    best, best_sim = _OTHER, 0.0
    for w, c in chars.items():
        if w not in negated and prefixed(word, w, prefixes):
            continue
        sim = similarity(word, w)
        if sim > best_sim:
            best, best_sim = c, sim
    return best, best_sim


def _between(blocks: Sequence[Opcode], k: int) -> bool:
    """Whether block ``k`` stands between words of the point found in order (not at an edge,
    where :func:`extend_edges` decides how many words stand for the missing ones)."""
    return any(b.tag == "equal" for b in blocks[:k]) and any(
        b.tag == "equal" for b in blocks[k + 1 :]
    )


def _glued_apart(at: int, side: int, joined: Collection[int]) -> bool:
    """Whether sentence word ``at``, standing for one half of a point's compound, is joined
    by a hyphen to a word on the other ``side`` than the half missing, and not on that one:
    a part of another compound ("China" of "*China-US*" for that of "one-China"), where a
    part replaced keeps the shape ("*anti-*terrorism" for "counter-terrorism")."""
    own = at if side > 0 else at + 1
    other = at + 1 if side > 0 else at
    return other in joined and own not in joined


def hyphened(text: str, left: Token, right: Token) -> bool:
    """Whether only hyphens stand between two words ("China-Russia", "non-proliferation")."""
    gap = text[left.end : right.start]
    return bool(gap) and all(c in HYPHENS for c in gap)


def _compound(tokens: Sequence[Token], text: str, k: int) -> str:
    """The word ``k`` of a wording, whole with the parts hyphened to it: "clear-eyed" is an
    adjective, whatever the dictionary says of "eyed" ({-clear-eyed-}{+realistic+})."""
    a = b = k
    while a > 0 and hyphened(text, tokens[a - 1], tokens[a]):
        a -= 1
    while b + 1 < len(tokens) and hyphened(text, tokens[b], tokens[b + 1]):
        b += 1
    return text[tokens[a].start : tokens[b].end].lower()


def _glued(tokens: Sequence[Token], text: str) -> frozenset[int]:
    """The positions ``k`` of the point's words joined to the word before by a hyphen
    ("China-Russia", "all-weather"): the parts of a compound stand side by side."""
    return frozenset(k for k in range(1, len(tokens)) if hyphened(text, tokens[k - 1], tokens[k]))


def _has_punct(gap: str) -> bool:
    return any(c in _PUNCT_GAP for c in gap)


def extend_edges(
    keyed: Keyed,
    form_tokens: Sequence[Token],
    form_text: str,
    tokens: Sequence[Token],
    text: str,
    found: Alignment,
    is_function: Callable[[str], bool],
    lo: int,
    hi: int,
) -> Alignment:
    """Take in the sentence words that stand for the point's missing first or last words
    (in a point of :data:`EDGE_MIN_WORDS` or more), or reject the span when a content word
    stands for them and cannot be taken in (see :func:`_replaced_there`); in any point,
    reject the span when a name is missing at its edge and another word stands there (see
    :func:`_named_instead`), or when the words missing at one edge leave a fragment of the
    point (see :func:`_fragment`)."""
    m = len(form_tokens)
    form = keyed.form_chars
    if keyed.keys[found.first] == form[0] and keyed.keys[found.end - 1] == form[-1]:
        return found
    ops = [op for op in keyed.opcodes(found.first, found.end) if op.tag == "equal"]
    if not ops:
        return found
    a, b = found.first, found.end
    head = ops[0].src_start
    tail = m - ops[-1].src_end
    # a word found out of order is not missing: "the two peoples and meets" has "peoples";
    # the span may open or close on words found out of order ("an *open and* free
    # Indo-Pacific": {-a-}{+an+}, not a false {-a-})
    places = {s for s0, s1 in found.moved for s in range(s0, s1)}
    moved = {keyed.keys[s] for s in places}
    width = found.end - found.first
    head_missing = (
        head > 0
        and all(found.first + d in places for d in range(ops[0].dest_start))
        and not any(c in moved for c in form[:head])
    )
    tail_missing = (
        tail > 0
        and all(found.first + d in places for d in range(ops[-1].dest_end, width))
        and not any(c in moved for c in form[m - tail :])
    )
    if (
        head > 1
        and not head_missing
        and keyed.words[0] in keyed.determiners
        and form[0] not in moved
        and all(c in moved for c in form[1:head])
    ):
        # the point's first word, a determiner, missing before words moved from after it:
        # "for *a* mutually respectful and equal dialogue" is {-an-}{+a+} ..., not a false
        # "{-an-}" (review 89)
        a = _determiner_edge(keyed, tokens, text, found.first, lo)
        if a != found.first and keyed.score(a, found.end).score > 0.0:
            return Alignment(found.score, a, found.end, found.moved)
    at_head = head_missing and head <= m / 3
    at_tail = tail_missing and tail <= m / 3
    if (at_head and _named_instead(keyed, tokens, text, range(head), a, lo, -1)) or (
        at_tail and _named_instead(keyed, tokens, text, range(m - tail, m), b, hi, +1)
    ):
        return Alignment(0.0, found.first, found.end)
    if (head_missing and _fragment(keyed, range(head), m)) or (
        tail_missing and _fragment(keyed, range(m - tail, m), m)
    ):
        return Alignment(0.0, found.first, found.end)
    placed = _in_place(keyed, tokens, text, found.first, head, lo, -1) if head_missing else None
    if placed is None and tail_missing:
        placed = _in_place(keyed, tokens, text, found.end, tail, hi, +1)
    if placed is not None:
        a, b = min(placed, found.first), max(placed, found.end)
        own = keyed.score(a, b)
        if own.score > 0.0:
            return Alignment(max(found.score, own.score), a, b, own.moved)
    # the point's own missing edge words, a content word among them, just past a word or
    # two put in: "问题*坦率*深入地交换了意见" keeps its 问题 ("we hope that *friends from*
    # the" is no "we hope that the"); past a name put in, the span names another thing and
    # scores what the engine gives it
    a, b = found.first, found.end
    if head_missing and _holds_content(keyed, range(head)):
        a = _own_edge(keyed, tokens, text, a, head, lo, -1, names=True)
    if tail_missing and _holds_content(keyed, range(m - tail, m)):
        b = _own_edge(keyed, tokens, text, b, tail, hi, +1, names=True)
    named = _names_in(keyed, a, found.first) or _names_in(keyed, found.end, b)
    if (a, b) != (found.first, found.end) and (m < EDGE_MIN_WORDS or named):
        own = keyed.score(a, b)
        return Alignment(own.score, a, b, own.moved)
    if m < EDGE_MIN_WORDS and head == 1 and head_missing and not tail_missing:
        if keyed.words[0] not in keyed.determiners:
            start = _replaced_first(keyed, tokens, text, found, lo)
            wider = keyed.score(start, found.end) if start != found.first else found
            if start == found.first or wider.score <= 0.0:
                return found
            # the span reads better, it does not score better: no new occurrence comes of it
            return Alignment(min(found.score, wider.score), start, found.end, found.moved)
        a = _determiner_edge(keyed, tokens, text, found.first, lo)
        if a == found.first:
            return found
        wider = keyed.score(a, found.end)
        if wider.score > 0.0:
            # the span reads better, it does not score worse: no occurrence is lost for it
            return Alignment(found.score, a, found.end, found.moved)
        if keyed.keys[a] == keyed.form_chars[0] or keyed.determines(keyed.sentence[a]):
            # what stands after the determiner makes it another thing, and the span
            # without it read a false "{-the-}": "the *European Union* sponsors of terrorism"
            return Alignment(0.0, found.first, found.end)
        # names before the span that make it another thing: "the" is dropped, the names
        # are no part of it ("Hong Kong's Ministry of Commerce")
        return found
    if m < EDGE_MIN_WORDS:
        if head_missing or not tail_missing:
            return found
        end = _replaced_last(keyed, tokens, text, found, tail, hi)
        wider = keyed.score(found.first, end) if end != found.end else found
        if wider.score <= 0.0:
            return found
        if end != found.end:
            # ... to the clause's end: {-内政-}{+内部事务+}, see below
            end = _rest_of_clause(keyed, tokens, text, is_function, end, tail, hi, found.first)
        # the span reads better, it does not score better: no new occurrence comes of it
        return Alignment(min(found.score, wider.score), found.first, end, found.moved)
    take = (
        head if head_missing and head < m / 3 else 0,
        tail if tail_missing and tail < m / 3 else 0,
    )
    a, b = _take_edges(
        keyed, form_tokens, form_text, tokens, text, is_function, found, take, lo, hi
    )
    if (
        head_missing
        and a == found.first
        and _replaced_there(keyed, range(head), tokens, text, a, lo, -1)
    ) or (
        tail_missing
        and b == found.end
        and _replaced_there(keyed, range(m - tail, m), tokens, text, b, hi, +1)
    ):
        return Alignment(0.0, found.first, found.end)
    if tail_missing and take[1] and b == found.end and _holds_content(keyed, range(m - tail, m)):
        end = _rest_of_clause(keyed, tokens, text, is_function, b, tail, hi, a)
        if a == found.first and end != b:
            # the span reads truer; the score stays the alignment's
            return Alignment(found.score, a, end, found.moved)
    if (a, b) == (found.first, found.end):
        return found
    wider = keyed.score(a, b)
    if wider.score <= 0.0:
        form = keyed.form_chars
        if (a < found.first and keyed.keys[a] == form[0]) or (
            b > found.end and keyed.keys[b - 1] == form[-1]
        ):
            # the point's own edge word stands past words that make it another thing:
            # "The *Anglo-Saxon* sponsors", not a false "{-The-} sponsors ..."
            return Alignment(0.0, found.first, found.end)
        if (b > found.end and tail_missing and _holds_content(keyed, range(m - tail, m))) or (
            a < found.first and head_missing and _holds_content(keyed, range(head))
        ):
            # a content word standing for the point's, which the rules refuse: the sentence
            # says another thing where the formula goes on, not the formula with a word
            # dropped ("a more just multipolar world *architecture*" was "... world
            # {-order-}", review 89)
            return Alignment(0.0, found.first, found.end)
        return found
    end = b
    if tail_missing and b > found.end and _holds_content(keyed, range(m - tail, m)):
        # the words taken for the last ones may go on to the clause's end: "香港事务纯属中
        # 国*内部事务*，不容外来干预" says {-内政-}{+内部事务+}, not a false {+内部+} with 事务
        # left out (review 85); the score stays the one the words taken give
        end = _rest_of_clause(keyed, tokens, text, is_function, b, tail, hi, a)
    return Alignment(max(found.score, wider.score), a, end, found.moved)


DETERMINER_REACH = 3
"""How many words before a point's span may stand for its missing first determiner:
the other determiner (or its own) and two words after it (see :func:`_determiner_edge`)."""


def _replaced_last(
    keyed: Keyed, tokens: Sequence[Token], text: str, found: Alignment, tail: int, hi: int
) -> int:
    """The end of a short point's span past the one word that replaces its last word, when
    that word is a content word and the next word of the sentence, in the same clause, is
    another content word, none of the point's: 新冠肺炎疫情发生*以后* ("after the outbreak")
    is 新冠肺炎疫情发生{-以来-}{+以后+}, not "since" dropped (mfa-zh 2020-03-09). Before
    a short point any word may stand ("we think open lines of communication" for "keep open
    lines ..."), but what stands right after its cut last word goes on in its place.
    ``found.end`` otherwise."""
    if tail != 1 or keyed.form_weights[-1] < RARE:
        return found.end
    nxt = next(_outward(tokens, text, found.end, hi, +1), None)
    if nxt is None or nxt[1] or keyed.keys[nxt[0]] != _OTHER or nxt[0] in keyed.sentence_names:
        return found.end
    if keyed.weigh(keyed.sentence[nxt[0]]) < RARE:
        return found.end
    return nxt[0] + 1


def _replaced_first(
    keyed: Keyed, tokens: Sequence[Token], text: str, found: Alignment, lo: int
) -> int:
    """The start of a short point's span before the one word that replaces its first word,
    when that is a content word and the word right before the span, in the same clause,
    is a content word that may stand for it (see
    :func:`~consistency.lexicon.may_stand_for`), none of the point's, no name and no
    negation (those have rules of their own): 中方将同各方一道，*放弃*构建人类命运共同体
    ("abandon") is {-推动-}{+放弃+}构建人类命运共同体, not "promote" dropped, which read
    a wording the archive had said (review 92). Not where an auxiliary follows the span,
    the subject of a clause that word takes ("we think open lines of communication are
    ..."). The mirror of :func:`_replaced_last`. ``found.first`` otherwise."""
    if keyed.form_weights[0] < RARE:
        return found.first
    before = next(_outward(tokens, text, found.first, lo, -1), None)
    if before is None or before[1]:
        return found.first
    k = before[0]
    word = keyed.sentence[k]
    if (
        keyed.keys[k] != _OTHER
        or k in keyed.sentence_names
        or word in keyed.negations
        or word in keyed.carriers
        or keyed.weigh(word) < RARE
        or not may_stand_for(word, keyed.words[0])
    ):
        return found.first
    after = next(_outward(tokens, text, found.end, len(tokens), +1), None)
    if after is not None and not after[1] and "AUX" in word_classes(keyed.sentence[after[0]]):
        # the span opens a clause the word before it takes: "we *think* open lines of
        # communication *are* important" says no formula with "keep" replaced
        return found.first
    return k


def _names_in(keyed: Keyed, a: int, b: int) -> bool:
    """Whether a name of the sentence stands among its words ``a`` to ``b``."""
    return any(k in keyed.sentence_names for k in range(a, b))


def _fragment(keyed: Keyed, missing: range, m: int) -> bool:
    """Whether the point's words ``missing`` at one edge of a span leave a fragment of a
    point of ``m`` words: half of them or more, whatever they weigh ("not just of" of "not
    just of the United States"), or more than a third, a content word among them."""
    return 2 * len(missing) >= m or (3 * len(missing) > m and _holds_content(keyed, missing))


def _holds_content(keyed: Keyed, words: range) -> bool:
    """Whether any of the point's words at positions ``words`` is a content word."""
    return any(keyed.form_weights[f] >= RARE for f in words)


def _take_edges(
    keyed: Keyed,
    form_tokens: Sequence[Token],
    form_text: str,
    tokens: Sequence[Token],
    text: str,
    is_function: Callable[[str], bool],
    found: Alignment,
    take: tuple[int, int],
    lo: int,
    hi: int,
) -> tuple[int, int]:
    """The span's edges within ``[lo, hi)`` after taking in the words that stand for the
    point's missing first and last words, ``take`` of them at each edge (0: none)."""
    head, tail = take
    a, b = found.first, found.end
    if head and all(w in keyed.determiners for w in keyed.words[:head]):
        a = _determiner_edge(keyed, tokens, text, a, lo)
    elif head:
        # the point's own words past a word or two put in are no words replaced: 我们*不*与
        # 盟友并肩站在一起 is 我们{+不+}与盟友..., not {-我们-}{+不+}
        a = _own_edge(keyed, tokens, text, a, head, lo, -1, names=True)
        if a == found.first:
            a = _take(keyed, form_tokens, form_text, tokens, text, is_function, a, head, lo, -1)
    if tail:
        b = _own_edge(keyed, tokens, text, b, tail, hi, +1)
        if b == found.end:
            b = _take(keyed, form_tokens, form_text, tokens, text, is_function, b, tail, hi, +1)
    return a, b


def _rest_of_clause(
    keyed: Keyed,
    tokens: Sequence[Token],
    text: str,
    is_function: Callable[[str], bool],
    at: int,
    missing: int,
    hi: int,
    first: int,
) -> int:
    """The span's end past the rest of its clause when that rest stands for the point's
    ``missing`` last words, a content word among them: a run of at most ``missing + 2``
    words, none of the point's but one the span from ``first`` holds as often as the point
    does (事务 of "香港事务" in "香港事务纯属中国*内部事务*"), no name or negation among
    them, ending on a content word where the clause ends (punctuation, or the sentence's
    end; or a coordinator, where what follows it is not the run's item, "by force *or
    coercion*"); never for a missing coordinator ("by force {-or coercion-} must
    not be ..."). Nothing else was said there in the formula's place: "Southeast Asia is
    {-increasing-}{+on the rise+}, but ...", not a false "{-increasing-}" (review 68).
    ``at`` otherwise; and for a number the point ends on, where a number stands for it:
    "稳定在{-85-}{+82+}%以上" ("steady at 85% or more"), not {+82%以上+} (review 125)."""
    if keyed.words[len(keyed.words) - missing] in keyed.coordinators:
        return at
    if numbers_in(keyed.words[-missing:]) and at > 0 and numbers_in([tokens[at - 1].text]):
        return at
    form, keys = keyed.form_chars, keyed.keys
    end = at
    # the run up to a coordinator, where what follows it is no item of the run's: "by
    # force *or coercion*" goes on (review 149: the card read `{-from either side-}{+by
    # force+}`), "by force *and we* will ..." does not
    stands = at
    for nxt, punct in _outward(tokens, text, at, len(tokens), +1):
        if punct:
            break
        if keyed.sentence[nxt] in keyed.coordinators:
            if end == at or is_function(tokens[end - 1].text):
                break
            stands = end
            continue
        if nxt >= hi or nxt - at >= missing + 2:
            return stands
        c = keys[nxt]
        if (
            (c != _OTHER and keys.count(c, first, at) < form.count(c))
            or nxt in keyed.sentence_names
            or keyed.sentence[nxt] in keyed.negations
            # an auxiliary opens the clause's predicate: "the Korean Peninsula *question*
            # is consistent" is {-issue-}{+question+}, not {+question is consistent+}
            # (review 88)
            or "AUX" in word_classes(keyed.sentence[nxt])
        ):
            return stands
        end = nxt + 1
    if end == at or is_function(tokens[end - 1].text):
        return stands
    return end


def _determiner_edge(keyed: Keyed, tokens: Sequence[Token], text: str, at: int, lo: int) -> int:
    """The span's start taken back past what stands for the point's missing first words,
    all determiners, in the same clause: another determiner (or the point's own) right
    before the span or with words that qualify the noun after it (names, and what
    :func:`~consistency.lexicon.may_qualify` says may: "signed *a permanent* cessation of
    hostilities agreement" is {-the-}{+a permanent+} cessation ..., not "the" dropped: a
    fresh-clone review, State Department 2023-02-02; "*an even* closer China-ASEAN
    community"), or a possessive with its owner's noun phrase ("*China's* Belt and Road
    Initiative", "the *EU's* Belt and Road ...": see :func:`_owner_start`); else a name
    right before the span, which qualifies the noun ("with *Western* sponsors of the Kiev
    regime" is {-the-}{+Western+} sponsors ...). Nothing else: "lies *with* sponsors of
    ..." is {-the-} sponsors ..., not {-the-}{+with+}; nor "*Some say* sponsors ...",
    "the money *of* sponsors". ``at`` when nothing stands for it within
    :data:`DETERMINER_REACH` words."""
    between: list[str] = []
    for nxt, punct in _outward(tokens, text, at, lo, -1):
        if nxt == at - 1 and punct:
            # a quotation mark that opens the formula: "a *“*Free and Open Indo-Pacific”"
            punct = _has_punct(text[tokens[nxt].end : tokens[at].start].strip(_OPENING_QUOTES))
        if punct and _listed_qualifiers(keyed, tokens, text, nxt):
            punct = False
        if punct or len(between) == DETERMINER_REACH:
            break
        word = keyed.sentence[nxt]
        own = keyed.keys[nxt] == keyed.form_chars[0]
        if own or keyed.determines(word):
            if len(between) >= 2 and any(keyed.weigh(w) <= FLOOR for w in between):
                break
            if own or word in keyed.determiners:
                return nxt
            return _owner_start(keyed, tokens, text, nxt, lo)
        if keyed.keys[nxt] != _OTHER or not (
            nxt in keyed.sentence_names or may_qualify(word, participle=True)
        ):
            break
        between.append(word)
    name = at - 1
    if name >= lo and name in keyed.sentence_names and not _gap_punct(tokens, text, name, at):
        return name
    return at


def _listed_qualifiers(keyed: Keyed, tokens: Sequence[Token], text: str, k: int) -> bool:
    """Whether a lone comma after word ``k`` parts two words that both qualify a noun, a
    list of them before it: "a *comprehensive,* just and lasting peace" (`a
    {+comprehensive+}, just ...`, not a false `{-a-}`); "in a *word,* just ..." is no
    list, nor "the, basic" (the word before the comma is a content word)."""
    gap = text[tokens[k].end : tokens[k + 1].start]
    before, after = keyed.sentence[k], keyed.sentence[k + 1]
    return (
        gap.strip() == ","
        and keyed.weigh(before) >= RARE
        and may_qualify(before)
        and may_qualify(after)
    )


def _owner_start(keyed: Keyed, tokens: Sequence[Token], text: str, at: int, lo: int) -> int:
    """The start of the owner's noun phrase whose possessive stands at ``at``: back to its
    determiner (or the point's own) past the names and qualifiers before the possessive
    ("*the Chinese side's*", "*each other's*", "the *EU's*"), else to the first of the
    names right before it ("*Hong Kong's*", "*Xi Jinping's*"). Within
    :data:`DETERMINER_REACH` words, in the same clause."""
    start = at
    named = True
    for k, (nxt, punct) in enumerate(_outward(tokens, text, at, lo, -1)):
        if punct or k == DETERMINER_REACH:
            break
        word = keyed.sentence[nxt]
        if keyed.keys[nxt] == keyed.form_chars[0] or word in keyed.determiners:
            return nxt
        if not (nxt in keyed.sentence_names or may_qualify(word)):
            break
        named = named and nxt in keyed.sentence_names
        if named:
            start = nxt
    return start


def _replaced_there(
    keyed: Keyed,
    edge: range,
    tokens: Sequence[Token],
    text: str,
    at: int,
    limit: int,
    step: int,
) -> bool:
    """Whether the point's ``edge`` words, missing beyond the span's edge ``at``, hold a
    content word while a content word the span did not take in stands right there, in the
    same clause: the sentence says something else where the formula goes on, and a diff
    would show a word dropped where one was replaced. 新冠肺炎疫情*物资*支持 is not
    新冠肺炎疫情发生后 with two words dropped, nor is "to *have* a constructive role"
    "{-play-} a constructive role". A function word there may go with the words kept ("the
    norms governing ..." for "basic norms governing ...")."""
    if all(keyed.form_weights[f] < RARE for f in edge):
        return False
    nxt = next(_outward(tokens, text, at, limit, step), None)
    if nxt is None or nxt[1] or keyed.keys[nxt[0]] != _OTHER:
        return False
    word = keyed.sentence[nxt[0]]
    beside = keyed.words[edge[-1] if step < 0 else edge[0]]
    if step < 0 and _negating(keyed, tokens, text, nxt[0], limit):
        # the formula said the other way round, not replaced: "the UK would *no longer*
        # support the work of ..." for "we will continue to support ..." (review 87: the
        # gate passed it); the negation is told (see find._opposite)
        return False
    if beside in keyed.coordinators:
        # nothing but a coordinator stands for one (see :func:`_take`): "*maintain*
        # stability in the South China Sea" drops "peace and" (MFA 2020-02-18)
        return False
    return keyed.weigh(word) >= RARE and may_stand_for(word, beside)


def _negating(keyed: Keyed, tokens: Sequence[Token], text: str, at: int, limit: int) -> bool:
    """Whether sentence word ``at`` is a negation, or one of the words that carry one on
    with a negation before them ("no *longer*"), in the same clause."""
    for k, punct in _outward(tokens, text, at + 1, limit, -1):
        word = keyed.sentence[k]
        if word in keyed.negations:
            return True
        if word not in keyed.carriers or (punct and k < at):
            return False
    return False


def negation_edge(
    keyed: Keyed,
    negations: frozenset[str],
    tokens: Sequence[Token],
    text: str,
    found: Alignment,
    lo: int,
) -> Alignment:
    """The span taken back to the negation right before it, in the same clause, when the
    point opens with a negation the span lacks: another negation says it ("China will
    *never* interfere in ..." for "not interfere in ...", 从不干涉别国内政 for 不干涉别国内政).
    ``found`` when the wider span is another thing."""
    before = found.first - 1
    if (
        keyed.words[0] not in negations
        or keyed.sentence[found.first] in negations
        or before < lo
        or keyed.sentence[before] not in negations
        or _gap_punct(tokens, text, before, found.first)
    ):
        return found
    wider = keyed.score(before, found.end)
    return wider if wider.score > 0.0 else found


def drop_dangling(keyed: Keyed, found: Alignment) -> Alignment:
    """The span without a function word of the point at its end whose next word in the point,
    a content word, is missing: "the fundamental interests of both countries" for "... of
    both countries and peoples", not "... both countries *and*" (MFA 2019-03-18: "... both
    countries and are the common aspiration"): that "and" joins nothing of the point's.
    A function word followed in the point by another ("the bottom *up* and the middle
    out") stays: it may belong with the words before it.

    Nor does a span end on a word only spelled like the point's last one, when the word
    itself is in the span and two words or more outside the alignment stand before the
    end: "... the two *peoples* and the fundamental well-being of *people*" is no "... two
    countries and *peoples*" (MFA 2020-06-19, a false "new wording" card); "to the two
    countries and their *people*" still stands for "to the two *peoples*".

    A word written in capitals ("US", "U.S.") is a name whatever its spelling says, and
    stays: "lodged solemn representations with the *US*." (MFA 2020-06-29) read as
    ``{-US side-}``, a false card."""
    keys, light = keyed.keys, keyed.light
    b = found.end
    a = found.first
    if b - a > 3 and keyed.sims[b - 1] < 1.0:
        # an edge word only spelled like the point's, across words that are not in the
        # alignment ("... and the fundamental well-being of *people*" for "... and peoples")
        ops = keyed.opcodes(a, b)
        equal = [op for op in ops if op.tag == "equal"]
        if len(equal) > 1 and equal[-1].dest_end == b - a and equal[-1].dest_start == b - a - 1:
            inner = a + equal[-2].dest_end
            moved = {k for s, e in found.moved for k in range(s, e)}
            exact = any(keys[k] == keys[b - 1] and keyed.sims[k] == 1.0 for k in range(a, b - 1))
            if exact and sum(k not in moved for k in range(inner, b - 1)) >= 2:
                return keyed.score(a, inner)
    if b - a < 2 or keys[b - 1] not in light or any(e == b for _, e in found.moved):
        return found
    if _written_in_capitals(keyed.sentence_names, b - 1):
        # "US" is a name, not the pronoun "us": "with the US." says the US, not "with the"
        return found
    ops = keyed.opcodes(found.first, b)
    last = next((op for op in reversed(ops) if op.tag == "equal"), None)
    if last is None or last.dest_end != b - found.first:
        return found
    after = last.src_end
    if after >= len(keyed.form_chars) or keyed.form_chars[after] in light:
        return found
    return keyed.score(found.first, b - 1)


def drop_inserted(keyed: Keyed, found: Alignment) -> Alignment:
    """The span without the sentence words at either end that stand for none of the
    point's: neither found (in order or moved) nor standing where a point word is
    missing. Such a word is the sentence going on, not the point changed: "the
    denuclearization of the Peninsula" in "denuclearization on the Peninsula and
    political settlement of the Peninsula issue" is ``{-the-} denuclearization
    {-of-}{+on+} the Peninsula``, never ``... the Peninsula {+and political settlement
    of+}`` (an "of" of the point's, out of place, ended the span). A rejected span is
    left as it is, and so is one the alignment would reject once cut."""
    if found.score <= 0.0:
        return found
    a, b = found.first, found.end
    ops = keyed.opcodes(a, b)
    held = [False] * (b - a)
    for k, op in enumerate(ops):
        if op.tag == "delete":
            continue
        if op.tag != "equal" and not any(
            0 <= j < len(ops) and ops[j].tag == "delete" for j in (k - 1, k + 1)
        ):
            continue
        held[op.dest_start : op.dest_end] = [True] * (op.dest_end - op.dest_start)
    for s, e in found.moved:
        held[s - a : e - a] = [True] * (e - s)
    if held[0] and held[-1]:
        return found
    if not any(held):
        return found
    first = a + held.index(True)
    end = b - held[::-1].index(True)
    cut = keyed.score(first, end)
    return cut if cut.score > 0.0 else found


def _written_in_capitals(names: Names, k: int) -> bool:
    """Whether sentence word ``k`` is written in capitals, two letters or more ("US")."""
    if not 0 <= k < len(names.tokens):
        return False
    t = names.tokens[k]
    written = names.text[t.start : t.end]
    return sum(c.isalpha() for c in written) >= 2 and written.isupper()


def _grammar_alike(keyed: Keyed, word: str, other: str) -> bool:
    """Whether two words of the tokeniser's function words share a word class the
    dictionary knows them in, or the dictionary knows neither (Chinese): of one kind at
    an edge, on whichever side of ordinary rarity each falls ("*they* stand shoulder to
    shoulder with our allies" is `{-we-}{+they+}`, 他们与盟友... `{-我们-}{+他们+}`; "they"
    is a shade rarer than "we"). "will" is no "not"."""
    if not keyed.weigh(word) == keyed.weigh(other) == FLOOR:
        return False
    mine, theirs = word_classes(word), word_classes(other)
    return bool(mine & theirs) or not (mine or theirs)


OWN_EDGE_GAP = 2
"""Words that may stand between a span and the point's own missing edge words for the span
to take them in (see :func:`_own_edge`)."""


def _own_edge(
    keyed: Keyed,
    tokens: Sequence[Token],
    text: str,
    at: int,
    missing: int,
    limit: int,
    step: int,
    *,
    names: bool = False,
) -> int:
    """The span edge past the point's own missing edge words when they stand, in order, just
    beyond one or two inserted words: "*the* basic diplomatic principle of
    non-interference" is "the {+basic diplomatic+} principle", not "{-the-} principle"
    (a function word alone never opens a window). ``at`` when they do not, across no
    punctuation and (unless ``names``) no name."""
    want = keyed.form_chars[:missing] if step < 0 else keyed.form_chars[-missing:]
    seen: list[int] = []
    for nxt, punct in _outward(tokens, text, at, limit, step):
        if (
            punct
            or (nxt in keyed.sentence_names and not names)
            or len(seen) == missing + OWN_EDGE_GAP
        ):
            break
        seen.append(nxt)
    for gap in range(1, OWN_EDGE_GAP + 1):
        run = seen[gap : gap + missing]
        if len(run) < missing or any(keyed.keys[k] != _OTHER for k in seen[:gap]):
            continue
        inner = "".join(keyed.keys[k] for k in (reversed(run) if step < 0 else run))
        if inner == want:
            return run[-1] if step < 0 else run[-1] + 1
    return at


IN_PLACE_EXTRA = 3
"""Words more than it replaces that the run between a span and the point's outermost edge
word may hold, said in its place (see :func:`_in_place`): "we *would no longer be*
committed" for "we remain committed"."""


def _in_place(
    keyed: Keyed, tokens: Sequence[Token], text: str, at: int, missing: int, limit: int, step: int
) -> int | None:
    """The span edge past the point's ``missing`` edge words where they stand right beyond
    ``at``, in the same clause, one for one: the point's outermost word itself (no
    determiner or coordinator, which stand anywhere), each other one itself or replaced by
    a word of its kind (function or content word; no name, coordinator or negation):
    "*We did* not support Taiwan independence" is `We {-do-}{+did+} not support ...`, not a
    false `{-We do-} not support ...`.

    Or the outermost word itself up to :data:`IN_PLACE_EXTRA` words further out, the run
    between it and the span saying the inner missing words' part in more words:
    function words, negations and their carriers, words that may qualify a verb (no name,
    coordinator or word of the point's): "*we are no longer* committed to ..." is `we
    {-remain-}{+are no longer+} committed ...`, the formula said the other way round
    (review 153), not a false `{-we remain-}{+no longer+}` whose subject had gone; "*we
    are fully* committed" is no `{-we remain-}` either; "*we will no longer* remain
    committed" (the outermost word alone missing) is `we {+will no longer+} remain ...`.
    None otherwise."""
    if missing < 1:
        return None
    seen: list[int] = []
    for nxt, punct in _outward(tokens, text, at, limit, step):
        if punct or len(seen) == missing + IN_PLACE_EXTRA:
            break
        seen.append(nxt)
    if len(seen) < missing:
        return None
    outermost = keyed.words[0] if step < 0 else keyed.words[-1]
    if outermost in keyed.determiners or outermost in keyed.coordinators:
        # it opens or joins whatever stands there: "dialogue and consultation *can the*
        # Korean Peninsula nuclear issue be resolved" is no "... on the" (a review)
        return None
    form = keyed.form_chars
    places = range(missing - 1, -1, -1) if step < 0 else range(len(form) - missing, len(form))
    if missing > 1 and _one_for_one(keyed, seen[:missing], places):
        return seen[missing - 1] if step < 0 else seen[missing - 1] + 1
    edge = places[-1]
    for far in range(missing, len(seen)):
        if keyed.keys[seen[far]] == form[edge]:
            if all(_says_in_place(keyed, k) for k in seen[:far]):
                return seen[far] if step < 0 else seen[far] + 1
            break
    return None


def _one_for_one(keyed: Keyed, seen: Sequence[int], places: Iterable[int]) -> bool:
    """Whether sentence words ``seen`` are the point's at ``places``, the last (outermost)
    itself, each other one itself or a word of its kind (see :func:`_in_place`)."""
    form = keyed.form_chars
    for k, f in zip(seen, places, strict=True):
        if keyed.keys[k] == form[f]:
            continue
        word = keyed.sentence[k]
        if (
            k == seen[-1]
            or keyed.keys[k] != _OTHER
            or k in keyed.sentence_names
            or word in keyed.coordinators
            or word in keyed.negations
            or (keyed.weigh(word) >= RARE) != (keyed.form_weights[f] >= RARE)
        ):
            return False
    return True


def _says_in_place(keyed: Keyed, k: int) -> bool:
    """Whether sentence word ``k`` may say a missing word's part in a longer run (see
    :func:`_in_place`): a function word, a negation or its carrier, or a word that may
    qualify a verb; none of the point's words, no name or coordinator."""
    word = keyed.sentence[k]
    if keyed.keys[k] != _OTHER or k in keyed.sentence_names or word in keyed.coordinators:
        return False
    return (
        keyed.weigh(word) < RARE
        or word in keyed.negations
        or word in keyed.carriers
        or may_qualify(word)
    )


def _named_instead(
    keyed: Keyed,
    tokens: Sequence[Token],
    text: str,
    edge: range,
    at: int,
    limit: int,
    step: int,
) -> bool:
    """Whether the point's missing ``edge`` words hold a name and another name stands in
    their place, within as many words and one more, in the same clause: 香港特别行政区是中国
    不可分割的一部分 is not the Taiwan formula 台湾是中国领土不可分割的一部分 with its subject
    dropped, but the same words said of another place. Any other word right there stands
    for the name: a function word for a name said before ("Hong Kong is China's SAR and
    *its* affairs are purely China's internal affairs" is not the Xinjiang formula), a
    content word for another subject, a name that opens the sentence among them
    ("*Xinjiang* affairs are purely China's internal affairs ...", whose capital proves
    nothing there). The point's own edge words standing in their places come first ("the
    Republic *of* the Philippines" is not "the Republic {-of Korea-}"). A near miss
    (``keyed.lenient``) may have the speaker's "we" (the tokeniser's ``first_person``) where
    the point names its subject."""
    if not any(f in keyed.form_names for f in edge):
        return False
    own = list(edge) if step > 0 else list(reversed(edge))
    kept = 0
    for k, (nxt, punct) in enumerate(_outward(tokens, text, at, limit, step)):
        if k > len(edge) or punct:
            return False
        if (
            kept == k < len(own)
            and own[k] not in keyed.form_names
            and keyed.keys[nxt] == keyed.form_chars[own[k]]
        ):
            kept += 1
            continue
        if k == kept < len(own) and own[k] in keyed.form_names:
            # another word where the point's name goes, even one of the point's ("the
            # Republic of *the* Philippines"); but the speaker's own "we" is a near miss
            # ("{-India-}{+we+} would welcome ...": review 110, see Keyed.score)
            return not (keyed.lenient and tokens[nxt].text in keyed.persons)
        if keyed.keys[nxt] != _OTHER:
            return False
        if k == 0 or nxt in keyed.sentence_names:
            return True
    return False


def _outward(
    tokens: Sequence[Token], text: str, at: int, limit: int, step: int
) -> Iterator[tuple[int, bool]]:
    """The tokens past a span's edge ``at``, going outward (``step`` -1 or +1) up to
    ``limit``: each one's number, and whether punctuation stands between it and the
    token before it on the way."""
    nxt = at - 1 if step < 0 else at
    while (nxt >= limit) if step < 0 else (nxt < limit):
        left, right = (nxt, nxt + 1) if step < 0 else (nxt - 1, nxt)
        yield nxt, _has_punct(text[tokens[left].end : tokens[right].start])
        nxt += step


def _take(
    keyed: Keyed,
    form_tokens: Sequence[Token],
    form_text: str,
    tokens: Sequence[Token],
    text: str,
    is_function: Callable[[str], bool],
    at: int,
    missing: int,
    limit: int,
    step: int,
) -> int:
    """The new span edge after taking in up to ``missing + 1`` words beyond ``at``: words
    that stand for the point's missing edge words, and among them the point's own word
    where it belongs ("fully *and* earnestly" for "comprehensively and effectively")."""
    if step < 0:
        edge = form_tokens[:missing]
        outer = edge[0].text
        inner_gap = form_text[form_tokens[missing - 1].end : form_tokens[missing].start]
    else:
        k = len(form_tokens) - missing
        edge = form_tokens[k:]
        outer = edge[-1].text
        inner_gap = form_text[form_tokens[k - 1].end : form_tokens[k].start]
    edge_at = range(missing) if step < 0 else range(len(form_tokens) - missing, len(form_tokens))
    if any(f in keyed.form_names for f in edge_at):
        # a near miss's "we" where the point names its subject stands for the name
        # ("{-India-}{+we+} would welcome ...", see :func:`_named_instead`)
        if keyed.lenient and step < 0 and all(f in keyed.form_names for f in edge_at):
            for nxt, punct in _outward(tokens, text, at, limit, step):
                if not punct and tokens[nxt].text in keyed.persons:
                    return nxt
                break
        return at
    function_missing = sum(1 for t in edge if is_function(t.text))
    numbers_missing = sum(1 for t in edge if _numeric(t.text))
    valid: dict[int, int] = {}
    function_taken = numbers_taken = 0
    inner_punct = _has_punct(inner_gap)
    inner_glued = inner_gap in HYPHENS and bool(inner_gap)
    for i, (nxt, punct) in enumerate(_outward(tokens, text, at, limit, step)):
        # the first gap as the point's own there; no punctuation after it
        if i == missing + 1 or punct != (i == 0 and inner_punct):
            break
        # a missing part of a compound ("non-" of "non-interference") is replaced by a
        # part of a compound only: "no *need* to interfere" does not stand for it
        if i == 0 and inner_glued:
            left, right = (nxt, nxt + 1) if step < 0 else (nxt - 1, nxt)
            if text[tokens[left].end : tokens[right].start] not in HYPHENS:
                break
        if nxt in keyed.sentence_names:
            if step < 0 and outer in keyed.persons and at - nxt <= missing:
                # the speaker's side named where the formula says "we", reported, the
                # words between standing for the formula's after it: "*the UK* would
                # stand with Ukraine" is {-We will-}{+the UK would+} stand ..., not a
                # false {-We will-} (review 87)
                return _name_start(keyed, tokens, text, nxt, limit)
            break
        if keyed.keys[nxt] != _OTHER:
            # the formula's own word where it stands: "fully *and* earnestly implement"
            # for "comprehensively and effectively implement"
            own = missing - 1 - i if step < 0 else len(form_tokens) - missing + i
            if i >= missing or keyed.keys[nxt] != keyed.form_chars[own]:
                break
            if own in (0, len(form_tokens) - 1):
                valid[i + 1] = nxt if step < 0 else nxt + 1
            # a function word of the point's, found: no other word may stand for it
            function_missing -= is_function(tokens[nxt].text)
            continue
        if keyed.sentence[nxt] in keyed.coordinators:
            # what stands past a coordinator is another conjunct, no word of the
            # formula's: "to harm China's interests *and* interfere in China's internal
            # affairs" is {-stop-} interfere ..., not {-stop-}{+interests and+} (MFA
            # 2020-06-18)
            break
        word = tokens[nxt].text
        taken = i + 1
        if i < missing:
            replaced = edge[missing - 1 - i] if step < 0 else edge[i]
            if replaced.text in keyed.coordinators:
                # no other word stands for a coordinator: "by force *must* not be
                # tolerated" is "by force {-or coercion-}", not {-or coercion-}{+must+}
                # (review 65)
                break
            j = missing - 1 - i if step < 0 else len(form_tokens) - missing + i
            if not may_stand_for(keyed.sentence[nxt], _compound(form_tokens, form_text, j)):
                # a word of another class stands beside the formula, it does not stand
                # in it: "should {-jointly-} uphold ...", not "{-jointly-}{+should+}"
                break
        function_taken += is_function(word)
        numbers_taken += _numeric(word)
        pos = nxt if step < 0 else nxt + 1
        same_kind = (
            (is_function(word) == is_function(outer) or _grammar_alike(keyed, word, outer))
            and _numeric(word) == _numeric(outer)
            and function_taken <= (function_missing + (missing == 1 and not is_function(word)))
        )
        # as many words as are missing, of the same kinds in another order: "an even"
        # for "build a" ({-build a-}{+an even+} closer, not {-build a-}{+even+})
        same_kinds = (
            taken == missing
            and function_taken == function_missing
            and numbers_taken == numbers_missing
        )
        if (same_kind or same_kinds) and not _name_goes_on(tokens, text, nxt, step, limit):
            valid[taken] = pos
    for k in (missing, missing + 1, *range(missing - 1, 0, -1)):
        if k in valid:
            return _phrase_end(keyed, tokens, text, is_function, at, valid[k], missing, limit, step)
    return at


def _name_start(keyed: Keyed, tokens: Sequence[Token], text: str, at: int, limit: int) -> int:
    """Where the name ending at token ``at`` begins, its determiner with it ("the United
    Kingdom"), within the clause and from ``limit`` on."""
    start = at
    for k, punct in _outward(tokens, text, at, limit, -1):
        if punct:
            break
        if k in keyed.sentence_names:
            start = k
            continue
        if keyed.sentence[k] in keyed.determiners:
            start = k
        break
    return start


def _numeric(word: str) -> bool:
    """Whether a word is a number (or holds one: "3.0", "G20"): only a number stands for a
    number at a formula's edge ("Free Trade Area {-3.0-}{+4.0+}", never "{+together+}")."""
    return has_digit(word)


def _phrase_end(
    keyed: Keyed,
    tokens: Sequence[Token],
    text: str,
    is_function: Callable[[str], bool],
    at: int,
    end: int,
    missing: int,
    limit: int,
    step: int,
) -> int:
    """``end``, or past the content words that go on right after it, when the words taken
    in for the point's missing last words stop inside a phrase: "for {-mankind-}{+the two
    sides+}", not "{+the two+}" before "sides". Content words standing one for one for the
    missing ones are a whole replacement: "win-win {-results-}{+cooperation+} based on ...",
    not "{+cooperation based+}". At most ``missing + 2`` words in all."""
    if step < 0 or (end - at <= missing and not any(is_function(t.text) for t in tokens[at:end])):
        return end
    while (
        end < limit
        and end - at < missing + 2
        and not _has_punct(text[tokens[end - 1].end : tokens[end].start])
        and keyed.keys[end] == _OTHER
        and end not in keyed.sentence_names
        and not is_function(tokens[end].text)
    ):
        end += 1
    return end


def _name_goes_on(tokens: Sequence[Token], text: str, at: int, step: int, limit: int) -> bool:
    """Whether the capitalised word at ``at`` is followed, going outward, by another
    in the same run of words: "Hong" of "Hong Kong" is never a span's edge."""
    nxt = at + step
    if (nxt < limit if step < 0 else nxt >= limit) or not (0 <= nxt < len(tokens)):
        return False
    left, right = (tokens[nxt], tokens[at]) if step < 0 else (tokens[at], tokens[nxt])
    if text[left.end : right.start].strip():
        return False
    return text[tokens[at].start].isupper() and text[tokens[nxt].start].isupper()


def settle_on_clause(
    keyed: Keyed, tokens: Sequence[Token], text: str, found: Alignment, lo: int, hi: int
) -> Alignment:
    """Settle the span's edges on the clause that holds the formula (within ``[lo, hi)``).

    - A moved run outside the span's in-order words that punctuation or other
      words cut off from them is not the formula reordered: in "deepen political mutual
      trust, enhance cooperation", "enhance" begins the next clause; in "the
      Korean Peninsula issue, Director Yang said that progress in political
      settlement", "political settlement" is another sentence's subject. The
      span gives it up (and the other words left at that edge).
    - A function word of the point ends or starts a span only next to another
      of its words, with no punctuation between ("security interests, and"
      ends at "interests"), nor ends it after one found out of order, unless
      it is the point's own last word or the span has few other words in order
      ("the two peoples and" for "the two countries and peoples" ends at
      "peoples").
    - A point word just past an edge, with no punctuation between, is taken in
      when that scores better, and always when it is the point's own first or
      last word ("... China's internal affairs", not "... China's internal" with
      an earlier "affairs" read as moved).
    """
    keys = keyed.keys
    current = found
    tail_key = keyed.form_chars[-1]
    for _ in range(4):
        a, b = current.first, current.end
        core = [op for op in keyed.opcodes(a, b) if op.tag == "equal"]
        in_order = sum(op.dest_end - op.dest_start for op in core)
        if core:
            first, last = a + core[0].dest_start, a + core[-1].dest_end
            for s, e in current.moved:
                between = range(e, first) if e <= first else range(last, s)
                if keyed.listed_run(s, e) and all(keys[k] != _OTHER for k in between):
                    # an item of the point's list said elsewhere in the list
                    continue
                if e <= first and _cut_off(keyed, tokens, text, e - 1, first):
                    a = max(a, first)
                elif s >= last and _cut_off(keyed, tokens, text, last - 1, s):
                    b = min(b, last)
        while a < b and keys[a] == _OTHER:
            a += 1
        while b > a and keys[b - 1] == _OTHER:
            b -= 1
        if (
            b - a > 1
            and keys[b - 1] in keyed.light
            and (
                _gap_punct(tokens, text, b - 2, b - 1)
                or (keys[b - 1] != tail_key and _moved_at(current, b - 2) and in_order > 2)
            )
        ):
            b -= 1
        if b - a > 1 and keys[a] in keyed.light and _gap_punct(tokens, text, a, a + 1):
            a += 1
        if b <= a:
            return Alignment(0.0, current.first, current.end)
        a, b = _on_aligned(keyed, current, a, b)
        trimmed = current if (a, b) == (current.first, current.end) else keyed.score(a, b)
        wider = trimmed
        edges = keyed.form_chars[-1], keyed.form_chars[0]
        for (x, y), edge in zip(((a, b + 1), (a - 1, b)), edges, strict=True):
            at, inner = (x, a) if x < a else (y - 1, b - 1)
            if lo <= x and y <= hi and keys[at] != _OTHER:
                if _gap_punct(tokens, text, min(at, inner), max(at, inner)):
                    continue
                other = keyed.score(x, y)
                own_edge = keys[at] == edge and keys[inner] != edge
                if (
                    x == a
                    and keys[at] in keyed.light
                    and keys[at] != edge
                    and _moved_at(other, inner)
                ):
                    continue
                if keys[at] in keyed.light and _on_aligned(keyed, other, x, y) != (x, y):
                    continue  # the word left over would be given up again
                if other.score > wider.score or (own_edge and other.score > 0):
                    wider = other
        if wider == current:
            return current
        current = wider
    return current


def _on_aligned(keyed: Keyed, current: Alignment, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the point's function words at its edges that the alignment leaves
    over, when that scores no worse: such a word is an insertion ("mutual respect, mutual
    benefit *and*" for "mutual respect, equality and mutual benefit", whose "and" stands
    elsewhere), which only costs. A content word left over stays: it may be the point's
    word said in another order, which the diff shows."""
    ops = keyed.opcodes(a, b)
    kept = {a + k for op in ops if op.tag == "equal" for k in range(op.dest_start, op.dest_end)}
    kept.update(k for s, e in current.moved for k in range(s, e))
    first, end = a, b
    while end - first > 1 and end - 1 not in kept and keyed.keys[end - 1] in keyed.light:
        end -= 1
    while end - first > 1 and first not in kept and keyed.keys[first] in keyed.light:
        first += 1
    if (first, end) == (a, b):
        return a, b
    if (
        keyed.score(first, end).score >= keyed.score(a, b).score
        or (first != a and _for_content(keyed, ops, head=True))
        or (end != b and _for_content(keyed, ops, head=False))
    ):
        return first, end
    return a, b


def _for_content(keyed: Keyed, ops: Sequence[Opcode], *, head: bool) -> bool:
    """Whether the point's words past the alignment at one edge (its start when ``head``,
    else its end) hold a content word: a function word left over there stands where that
    word belongs and cannot say it ("a shared future for *the* two countries" is no "...
    for {-mankind-}{+the+}", MFA 2020-06-15), so the span gives it up though the score
    loses the replacement's small credit."""
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return False
    form = keyed.form_chars
    past = form[: equal[0].src_start] if head else form[equal[-1].src_end :]
    return any(c not in keyed.light for c in past)


def _moved_at(found: Alignment, k: int) -> bool:
    """Whether token ``k`` is in one of ``found``'s moved runs."""
    return any(s <= k < e for s, e in found.moved)


def _gap_punct(tokens: Sequence[Token], text: str, left: int, right: int) -> bool:
    """Whether punctuation stands between token ``left`` and token ``right``."""
    return _has_punct(text[tokens[left].end : tokens[right].start])


def _cut_off(keyed: Keyed, tokens: Sequence[Token], text: str, left: int, right: int) -> bool:
    """Whether punctuation, or a word that is not the point's, stands between token
    ``left`` and token ``right`` (a moved run and the in-order words of the span)."""
    return _has_punct(text[tokens[left].end : tokens[right].start]) or any(
        keyed.keys[k] == _OTHER for k in range(left + 1, right)
    )


def snap_compounds(
    tokens: Sequence[Token], text: str, found: Alignment, lo: int, hi: int
) -> Alignment:
    """Widen the span within ``[lo, hi)`` so it does not cut a hyphenated word in two
    ("clear-cut"), but for two names joined ("the Republic of *Korea-Japan* cooperation",
    "*Ukraine-EU* integration": the formula's name, then another party, not the formula
    changed; a review), and for a word glued after a name that ends the span: "support for
    *Ukraine-related* programs" qualifies what follows, as "Ukraine's" would (see
    :func:`~consistency.match.find.possessive_cut`). A contraction is never cut: "we
    *don't* support" (see :func:`~consistency.normalise.one_word`)."""
    a, b = found.first, found.end
    while a > lo and (
        one_word(text, tokens[a - 1], tokens[a])
        or (_joined(text, tokens[a - 1], tokens[a]) and not _names_joined(text, tokens, a))
    ):
        a -= 1
    while b < hi and (
        one_word(text, tokens[b - 1], tokens[b])
        or (_joined(text, tokens[b - 1], tokens[b]) and not _capitalised(text, tokens[b - 1]))
    ):
        b += 1
    if (a, b) == (found.first, found.end):
        return found
    return Alignment(found.score, a, b, found.moved)


def _names_joined(text: str, tokens: Sequence[Token], k: int) -> bool:
    """Whether the words ``k - 1`` and ``k``, joined by a hyphen, are both capitalised."""
    return all(_capitalised(text, tokens[j]) for j in (k - 1, k))


def _capitalised(text: str, token: Token) -> bool:
    return text[token.start : token.start + 1].isupper()


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return len(gap) == 1 and gap in HYPHENS
