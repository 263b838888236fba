"""``diff OLD NEW``: what a fresh briefing repeats, shifts, adds and drops against an earlier one.

Two parts:

1. **Talking points.** Each point (a watchlist's, or those discovered in the
   two briefings) is located in both, as ``track`` would, and classed:
   ``same`` (every wording NEW uses is one OLD used), ``shifted`` (NEW uses a
   wording OLD never did, or says the point after a negation OLD did not have; shown
   with its word diff against OLD's closest wording), ``new`` (only in NEW),
   ``dropped`` (only in OLD).
   Without a watchlist, points are discovered over the two briefings as if
   they were two dates (so a formula needs to be in both to be a point:
   discovered points are ``same`` or ``shifted``, shifted too where the words
   around a shared phrase changed a little, see :func:`_grown_apart`; ``new`` and
   ``dropped`` need a watchlist, and the sentence counts below cover the rest).
2. **Sentences.** Each official sentence of NEW is either repeated (the same
   words as a sentence of OLD), a rephrasing (a sentence of OLD at or above
   ``similarity`` word similarity, not identical: listed with its word diff)
   or new; the sentences of OLD that NEW neither repeats nor rephrases are
   dropped.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from rapidfuzz.distance import Indel, Levenshtein

from .check import (
    DEFAULT_SIMILARITY,
    MIN_SENTENCE_WORDS,
    MemoryBaseline,
    has_sentence,
    nearest_sentence,
    word_similarity,
)
from .check.points import DEFAULT_TOP
from .diff import shared_ends, word_diff
from .errors import ConsistencyError, InputErrors, OptionError
from .lexicon import (
    has_digit,
    is_han,
    may_stand_for,
    numbers_apart,
    numbers_in,
    times_apart,
    unknown_han,
)
from .match import DEFAULT_THRESHOLD, require_percent
from .match.align import Names
from .models import Document, Occurrence, Point, PointResult, Role, Sentence, Status, Token
from .normalise import Tokeniser, named_words, normalise, tokenise
from .segment import answer_start, document_sentences, split_sentences
from .timeline import grammar_only, grammar_word, turn_span
from .track import Selection, negated_sayings, track


class PointChange(StrEnum):
    """How a point fares from OLD to NEW."""

    SAME = "same"
    SHIFTED = "shifted"
    NEW = "new"
    DROPPED = "dropped"
    ABSENT = "absent"


@dataclass(frozen=True)
class Place:
    """A wording of a point in one of the two briefings (as in its source)."""

    text: str
    line: int
    column: int


@dataclass(frozen=True)
class PointComparison:
    """One point in OLD and NEW.

    change: same, shifted, new, dropped, or absent (in neither).
    old, new: the representative wording in each (the NEW wording that is
        new, for a shift; the OLD wording closest to it), or None.
    old_count, new_count: occurrences in each.
    diff: word diff old -> new wording (shifted), else the wording itself.
    kept: for a shift, the NEW occurrence that says a wording of OLD, when one does:
        the new wording stands beside the old one, not in its place.
    note: why a shift is one though ``track`` does not count the NEW wording (a watched
        formula said in words ``check`` reports as a near miss), else "".
    """

    point: Point
    change: PointChange
    old: Place | None
    new: Place | None
    old_count: int
    new_count: int
    diff: str
    kept: Place | None = None
    note: str = ""


@dataclass(frozen=True)
class Rephrasing:
    """A sentence of NEW that closely rephrases one of OLD."""

    old: Place
    new: Place
    similarity: float
    diff: str


@dataclass(frozen=True)
class SentenceCounts:
    """Official sentences of NEW by fate, and OLD's sentences NEW dropped."""

    repeated: int
    rephrased: int
    new: int
    dropped: int


@dataclass(frozen=True)
class SentenceChanges:
    """What the counts of :class:`SentenceCounts` count: the sentences of NEW that are new,
    and those of OLD that NEW dropped, in the order they stand."""

    added: tuple[Place, ...]
    dropped: tuple[Place, ...]


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`."""

    old: Document
    new: Document
    points_source: str
    points: tuple[PointComparison, ...]
    rephrasings: tuple[Rephrasing, ...]
    sentences: SentenceCounts
    similarity: float
    changed: SentenceChanges = SentenceChanges((), ())

    def count(self, change: PointChange) -> int:
        return sum(1 for p in self.points if p.change is change)


WATCHLIST = "watchlist"
"""Points given in a watchlist: each is listed, said or not."""

DISCOVERED = "discovered"
"""Points discovered in the two briefings: each is said in both."""

ARCHIVE = "archive"
"""Points an index discovered in its archive (``diff --points INDEX``), beside those
discovered in the two briefings. They know a formula by its whole wording where the two
briefings share only part of it: "全面推进云岭数字走廊建设" said as "切实推进..." is
shifted, where the two alone share "推进云岭数字走廊建设" and call it the same (review
72). One of them shows a shift only, where OLD says it in one of its own wordings."""


def _two_dates(old: Document, new: Document) -> tuple[Document, Document]:
    """The pair with distinct ids and dates (NEW dated after OLD), for discovery and tracking."""
    new_id = new.id if new.id != old.id else f"{new.id} (new)"
    old_id = old.id if new.id != old.id else f"{old.id} (old)"
    new_date = new.date if new.date > old.date else old.date + dt.timedelta(days=1)
    return replace(old, id=old_id), replace(new, id=new_id, date=new_date)


def compare(
    old: Document,
    new: Document,
    *,
    points: Sequence[Point] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    source: str = WATCHLIST,
) -> Comparison:
    """Compare two briefings: talking points (``points``, else discovered) and sentences.

    ``source`` names where given points come from: :data:`WATCHLIST`, or :data:`ARCHIVE`
    (an index's discovered points: they join those discovered in the two briefings, to
    show the shifts these cannot, see :data:`ARCHIVE`). Discovered points are the same
    where their wordings are only numbers or grammar apart (a report's cards read them
    so; the rephrased sentences show every word)."""
    a, b = _two_dates(old, new)
    archive: set[str] = set()
    if points is None or source == ARCHIVE:
        from .discover import discover

        found = [
            d.point
            for d in discover(
                [a, b],
                min_dates=2,
                include_questions=include_questions,
                speakers=speakers,
                tokeniser=tokeniser,
            )
        ]
        extra = list(points or ())
        # an archive's point that is one of the two briefings' own (the same text) is
        # listed as theirs, under its id (review 78: each such id read "...-2")
        archived = {p.id: normalise(p.text, tokeniser=tokeniser) for p in extra}
        theirs = {normalise(p.text, tokeniser=tokeniser): p for p in found}
        archive = {pid for pid, text in archived.items() if text not in theirs}
        texts = set(archived.values())
        own = [p for text, p in theirs.items() if text not in texts]
        points = _own_ids(own, {p.id for p in extra}) + extra
        source = DISCOVERED if not extra else ARCHIVE
    selection: Selection = {
        "threshold": threshold,
        "include_questions": include_questions,
        "speakers": speakers,
        "tokeniser": tokeniser,
    }
    result = track([a, b], points, **selection)
    negated: dict[str, list[Place]] = {}
    negated_at: dict[str, tuple[int, int]] = {}
    negated_in_old: dict[str, list[Place]] = {}
    if points:
        # a formula said negated in NEW and not so in OLD: shifted, not the same ("should
        # {+not+} uphold ..." was "Repeated the same": a review; so was a discovered
        # "provide security assistance to Ukraine" after "will {+no longer+}", review 59)
        # ... where OLD said it negated in no words ("would {+not+} provide a running
        # commentary" after "was not going to provide ...": review 77)
        said = negated_sayings([a, b], points, turned=source != WATCHLIST, **selection)
        olds = {x.point.id for x in said if x.document == a.id}
        for x in said:
            place = b.text[x.start : x.end]
            if x.document == b.id and x.point.id not in olds:
                negated.setdefault(x.point.id, []).append(Place(place, *b.line_col(x.start)))
                negated_at.setdefault(x.point.id, (x.start, x.end))
            elif x.document == a.id:
                negated_in_old.setdefault(x.point.id, []).append(
                    Place(a.text[x.start : x.end], *a.line_col(x.start))
                )
    otherwise: dict[str, tuple[Place, str]] = {}
    if points and source == WATCHLIST:
        # a watched formula OLD said, NEW says only in words the gate reports as a near
        # miss: shifted, not dropped (review 61: "{-remains open to-}{+has lost interest
        # in+} a political ... settlement" was "Dropped from NEW")
        from .check.near import near_sayings

        said_in_new = {
            p.point.id for p in result.points if any(o.document == b.id for o in p.occurrences)
        }
        for x in near_sayings(
            [b],
            points,
            found_on={pid: {b.date} for pid in said_in_new},
            **selection,
        ):
            if x.point.id not in negated and x.point.id not in otherwise:
                place = b.text[x.start : x.end]
                otherwise[x.point.id] = (Place(place, *b.line_col(x.start)), x.why)
        # ... and OLD's own near misses of them: NEW's, where OLD said neither the formula
        # nor those words, are new (review 92: "香港事务纯属英国内政" was "in neither")
        said_in_old = {
            p.point.id for p in result.points if any(o.document == a.id for o in p.occurrences)
        }
        old_near = {
            (x.point.id, normalise(a.text[x.start : x.end], tokeniser=tokeniser))
            for x in near_sayings(
                [a],
                [p for p in points if p.id in otherwise and p.id not in said_in_old],
                **selection,
            )
        }
        for pid, (near, _) in list(otherwise.items()):
            if (
                pid not in said_in_old
                and (pid, normalise(near.text, tokeniser=tokeniser)) in old_near
            ):
                del otherwise[pid]
    rephrasings, counts, changed, pairs = _sentences(
        a, b, similarity, include_questions, speakers, tokeniser
    )
    compared = [
        _compare_point(
            p.point,
            [o for o in p.occurrences if o.document == a.id],
            [o for o in p.occurrences if o.document == b.id],
            tokeniser,
            negated.get(p.point.id, []),
            otherwise.get(p.point.id),
            negated_in_old.get(p.point.id, []),
            discovered=source != WATCHLIST,
            pairs=pairs if source == WATCHLIST else (),
            sides=(a, b),
            fixed=_fixed_numbers(p.point, tokeniser) if p.point.id in archive else (),
        )
        for p in result.points
        if p.point.id not in archive or _said_as_known(p, a.id)
    ]
    compared = [_negation_grown(c, result.points, a, b, negated_at, tokeniser) for c in compared]
    if source != WATCHLIST:
        # the two briefings' own phrases, beside an archive's formulas too (review 89:
        # `--points archive.db` called "pumping of {-Ukraine-}{+Moldova+} with Western
        # weapons ..." repeated, which the plain diff showed shifted)
        compared = _shown_once(
            _grown_apart(compared, result.points, a, b, tokeniser, fixed=archive), b
        )
    if archive:
        compared = _once_each(
            [
                c
                for c in compared
                if c.point.id not in archive
                or (c.change is PointChange.SHIFTED and not _archive_wording(c, tokeniser))
            ],
            archive,
        )
    return Comparison(
        old=old,
        new=new,
        points_source=source,
        points=tuple(compared),
        rephrasings=tuple(rephrasings),
        sentences=counts,
        changed=changed,
        similarity=similarity,
    )


AROUND = "the words around it changed"
"""The note of a phrase both briefings share that each says in a longer run of words, the
same but for one small change: the change is the formula's (see :func:`_grown_apart`)."""

AROUND_CHANGE = 2
"""The most words a change beside a shared phrase puts in, leaves out or replaces on one
side (see :func:`_grown_apart`)."""

AROUND_FLANK = 2
"""The fewest words that must agree past such a change, a content word among them unless
they run to the clause's edge in both briefings, where one content word is enough (see
:func:`_grown_apart`)."""

AROUND_ITEM = 4
"""The most words of a list item that one briefing has and the other lacks beside a
shared phrase, set off by clause marks (see :func:`_list_item`)."""

AROUND_REACH = 12
"""How many words past a shared phrase are compared on each side."""


def _grown_apart(
    compared: list[PointComparison],
    results: Sequence[PointResult],
    old: Document,
    new: Document,
    tokeniser: Tokeniser | None,
    fixed: Collection[str] = (),
) -> list[PointComparison]:
    """The points the two briefings discovered, each said the same, grown over one small
    change beside it where both go on alike past it: the shared phrase is a piece of a
    formula the change is in. Two briefings share only pieces of a changed formula, so
    "make sure the wealthiest Americans" and "corporations pay their fair share" were
    "Repeated the same" where NEW dropped "biggest" between them, and "concerned about the
    humanitarian situation in Gaza" where "we are {-deeply-}{+gravely+} concerned ..."
    (reviews 83-85: `diff` without points called every planted change repeated). Such a
    point is shifted, shown in the longer words (note :data:`AROUND`); points grown into
    the same words are shown once. A change is at most :data:`AROUND_CHANGE` words on
    each side, and :data:`AROUND_FLANK` words or more agree past it, a content word among
    them unless they are all the words up to the clause's edge in both (there one content
    word is enough: "is our {-top-} priority.", review 87). Points ``fixed`` (an archive's
    formulas) are not grown: their wordings are known."""
    by_id = {r.point.id: r for r in results}
    light = named_words(tokeniser, "function_words")
    grammar = grammar_word(tokeniser)
    prefixes = named_words(tokeniser, "negating_prefixes")
    same = named_words(tokeniser, "and_words")
    owned = named_words(tokeniser, "possessive_endings")
    out: list[PointComparison] = []
    # a change told already (a negation put in) is not told again in longer words
    taken = [
        (o.start, o.end)
        for c in compared
        if c.change is PointChange.SHIFTED and c.point.id in by_id
        for o in by_id[c.point.id].occurrences
        if o.document == new.id
    ]
    for c in compared:
        r = by_id.get(c.point.id)
        if (
            c.change is not PointChange.SAME
            or r is None
            or c.old is None
            or c.new is None
            or c.point.id in fixed
        ):
            out.append(c)
            continue
        if _said_alike(r, old, new):
            # every saying of NEW stands in a sentence OLD has word for word: the first
            # sayings of a phrase said twice are no pair (review 159: a briefing against
            # itself read "we've seen some progress on the {-balloon incident-}{+aid
            # trucks+}" from its two sayings)
            out.append(c)
            continue
        olds, news = _said_at(r, old, c.old.text), _said_at(r, new, c.new.text)

        def trivial(now: list[str], was: list[str]) -> bool:
            return (
                grammar_only(now, was, grammar, prefixes, same=same, endings=owned)
                or numbers_apart(now, was)
                or times_apart(now, was, light)
            )

        grown = (
            _grow(old, olds[0], new, news[0], light, trivial, tokeniser) if olds and news else None
        )
        if grown is None:
            swapped = _swapped(old, olds, new, news, light, tokeniser)
            if swapped is None or any(
                swapped[2].start < e and s < swapped[2].end for s, e in taken
            ):
                out.append(c)
                continue
            there, here, now = swapped
            taken.append((now.start, now.end))
            out.append(_shifted_around(c, there, here, tokeniser))
            continue
        (a0, a1), (b0, b1) = grown
        if any(b0 < e and s < b1 for s, e in taken):
            continue
        taken.append((b0, b1))
        there, here = _moved(old, (a0, a1), new, (b0, b1), tokeniser) or (
            Place(old.text[a0:a1], *old.line_col(a0)),
            Place(new.text[b0:b1], *new.line_col(b0)),
        )
        out.append(_shifted_around(c, there, here, tokeniser))
    return out


def _shifted_around(
    c: PointComparison, there: Place, here: Place, tokeniser: Tokeniser | None
) -> PointComparison:
    """``c`` shifted, shown in the longer words ``there`` (OLD's) and ``here`` (NEW's)."""
    return replace(
        c,
        change=PointChange.SHIFTED,
        old=there,
        new=here,
        diff=word_diff(there.text, here.text, tokeniser=tokeniser),
        note=AROUND,
    )


def _shown_once(compared: list[PointComparison], new: Document) -> list[PointComparison]:
    """``compared`` without a shift shown over words of NEW a shift before it shows: two
    pieces of one formula each grown to the move of its parts read twice, "2 shifted"
    (review 112)."""
    starts = [0]
    for line in new.text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    shown: list[tuple[int, int]] = []
    out: list[PointComparison] = []
    for c in compared:
        if c.change is PointChange.SHIFTED and c.new is not None:
            at = starts[c.new.line - 1] + c.new.column - 1
            span = (at, at + len(c.new.text))
            if any(a < span[1] and span[0] < b for a, b in shown):
                continue
            shown.append(span)
        out.append(c)
    return out


def _negation_grown(
    c: PointComparison,
    results: Sequence[PointResult],
    old: Document,
    new: Document,
    negated_at: Mapping[str, tuple[int, int]],
    tokeniser: Tokeniser | None,
) -> PointComparison:
    """``c``, a point NEW says negated, shown over the words OLD said where NEW's negation
    stands, the words past them agreeing: "Indonesia will {-continue to-}{+no longer+}
    facilitate an inclusive dialogue ..." (review 124: "{+no longer+} facilitate ...",
    as though the negation were put into an unchanged sentence)."""
    at = negated_at.get(c.point.id)
    if c.note != SAID_NEGATED or c.old is None or c.new is None or at is None:
        return c
    olds = [o for r in results if r.point.id == c.point.id for o in _said_at(r, old, c.old.text)]
    if not olds:
        return c
    was = olds[0]
    light = named_words(tokeniser, "function_words")
    grown = _grow(old, was, new, at, light, _nothing_trivial, tokeniser)
    if grown is None:
        return c
    (o0, o1), (n0, n1) = grown
    there = Place(old.text[o0:o1], *old.line_col(o0))
    here = Place(new.text[n0:n1], *new.line_col(n0))
    return replace(
        c, old=there, new=here, diff=word_diff(there.text, here.text, tokeniser=tokeniser)
    )


def _said_alike(result: PointResult, old: Document, new: Document) -> bool:
    """Whether each sentence of ``new`` holding ``result``'s point is a sentence of
    ``old`` holding it, word for word."""

    def sentences(doc: Document) -> set[str]:
        by_turn: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for o in result.occurrences:
            if o.document == doc.id:
                turn = turn_span(doc, o.start, o.end) or (0, len(doc.text))
                by_turn.setdefault(turn, []).append((o.start, o.end))
        out: set[str] = set()
        for (first, last), places in by_turn.items():
            spans = split_sentences(doc.text, first, last, wrapped=True)
            for start, end in places:
                lo, hi = _holding(spans, first, last, start, end)
                out.add(" ".join(doc.text[lo:hi].split()))
        return out

    mine = sentences(new)
    return bool(mine) and mine <= sentences(old)


def _said_at(result: PointResult, doc: Document, text: str) -> list[Occurrence]:
    """The occurrences of ``result``'s point in ``doc`` worded ``text``."""
    return [o for o in result.occurrences if o.document == doc.id and o.text == text]


def _nothing_trivial(now: list[str], was: list[str]) -> bool:
    """No change beside a phrase is too small to grow it over (see :func:`_grow`): beside
    a negation put in, every word OLD said in its place is shown."""
    return False


def _grow(
    old: Document,
    was: Occurrence,
    new: Document,
    now: Occurrence | tuple[int, int],
    light: Collection[str],
    trivial: Callable[[list[str], list[str]], bool],
    tokeniser: Tokeniser | None,
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans (OLD's, NEW's) of the phrase said at ``was`` and ``now`` (an occurrence,
    or a span: a negated saying, see :func:`_negation_grown`), grown over one
    small change on either side (see :func:`_grown_apart`), or None where neither grows.
    A side whose words differ only as ``trivial`` says (grammar, numbers: "the vast
    majority of {-the-} Hong Kong", "expressed {-concerns-}{+concern+}") does not grow,
    as the phrase itself would be the same said so."""
    a, b = _in_sentence(old, was, tokeniser), _in_sentence(new, now, tokeniser)
    if a is None or b is None:
        return None
    (otok, o0, o1), (ntok, n0, n1) = a, b
    ot, nt = old.text, new.text
    ow, nw = [t.text for t in otok], [t.text for t in ntok]
    joins = named_words(tokeniser, "coordinators")
    right = _past_trivial(
        ow[o1:],
        nw[n1:],
        light,
        _edges(ot, otok, o1, +1),
        _edges(nt, ntok, n1, +1),
        trivial,
        joins,
    )
    left = _past_trivial(
        ow[:o0][::-1],
        nw[:n0][::-1],
        light,
        _edges(ot, otok, o0, -1),
        _edges(nt, ntok, n0, -1),
        lambda now, was: trivial(now[::-1], was[::-1]),
    )
    olds, news = (otok, ot), (ntok, nt)
    if right is not None and names_apart(
        olds, (o1, o1 + right[0]), news, (n1, n1 + right[1]), light
    ):
        right = None
    if left is not None and names_apart(olds, (o0 - left[0], o0), news, (n0 - left[1], n0), light):
        left = None
    if right is None and left is None:
        return None
    (ol, nl), (orr, nr) = left or (0, 0), right or (0, 0)
    return (
        (otok[o0 - ol].start, otok[o1 + orr - 1].end),
        (ntok[n0 - nl].start, ntok[n1 + nr - 1].end),
    )


def _past_trivial(
    old: Sequence[str],
    new: Sequence[str],
    light: Collection[str],
    old_edges: Collection[int],
    new_edges: Collection[int],
    trivial: Callable[[list[str], list[str]], bool],
    joins: Collection[str] = (),
) -> tuple[int, int] | None:
    """:func:`_past`, looking past a change ``trivial`` calls none (NEW's words, OLD's,
    read outward) to the next one, the words between agreeing: "Chequers {-next
    week-}{+on Monday+} to {-discuss-}{+cut+} bills" changed more than the time (a
    fresh-clone review: the time alone read the same, and the word beyond it went
    untold). None where the change is trivial and none stands beyond it."""
    got = _past(old, new, light, old_edges, new_edges, joins)
    if got is None or not trivial(list(new[: got[1]]), list(old[: got[0]])):
        return got
    _, agree = shared_ends(old[: got[0]], new[: got[1]])
    a, b = got[0] - agree, got[1] - agree
    more = _past(
        old[a:],
        new[b:],
        light,
        {e - a for e in old_edges if e >= a},
        {e - b for e in new_edges if e >= b},
        joins,
    )
    if more is None or trivial(list(new[b : b + more[1]]), list(old[a : a + more[0]])):
        return None
    return a + more[0], b + more[1]


def names_apart(
    was: tuple[Sequence[Token], str],
    old: tuple[int, int],
    now: tuple[Sequence[Token], str],
    new: tuple[int, int],
    light: Collection[str] = (),
) -> bool:
    """Whether the words ``old`` of ``was`` (its tokens, of its text) and ``new`` of ``now``
    differ only in one run of names each (function words beside them aside): the same
    phrase said of another place or party, "thank our friends in {-Tunisia-}{+Uruguay+}
    for paying their regular budget dues in full", "{-UNDP-}{+FAO+} tells us" (review 101:
    18 of the 19 shifts of seven daily diffs), no drift of it (see
    :func:`~consistency.match.align.is_party`). A word that opens a sentence is a name
    as a formula's first word is (see :class:`~consistency.match.align.Names`): "UNDP
    tells us that ..." (review 106), not "We". Opposite a run of names, a Chinese word
    the dictionary does not know is one too: a name transliterated its own way
    ("{-马绍尔群岛-}{+吐瓦鲁+}", Taiwan's Tuvalu, review 111; see
    :func:`~consistency.lexicon.unknown_han`)."""
    (a, at), (b, bt) = was, now
    (a_lo, a_hi), (b_lo, b_hi) = old, new
    wa, wb = [t.text for t in a[a_lo:a_hi]], [t.text for t in b[b_lo:b_hi]]
    p, q = shared_ends(wa, wb)
    ra, rb = _fused_apart(wa[p : len(wa) - q], wb[p : len(wb) - q])
    runs = (
        (range(a_lo + p + ra[0], a_hi - q - ra[1]), Names(a, at, sentence=False), a),
        (range(b_lo + p + rb[0], b_hi - q - rb[1]), Names(b, bt, sentence=False), b),
    )
    named = [
        bool(run)
        and any(k in names for k in run)
        # a number beside the names is theirs: a date's day ("{-April 3-}{+March 24+}",
        # review 131), a name's number ("Resolution 2231")
        and all(k in names or tokens[k].text in light or has_digit(tokens[k].text) for k in run)
        for run, names, tokens in runs
    ]
    if all(named):
        # the same names in another order are no other party: "with {~Palestine and~}
        # Israel living side by side ..." moved the names of the formula (review 154 G2)
        said = [
            Counter(tokens[k].text.lower() for k in run if k in names)
            for run, names, tokens in runs
        ]
        return said[0] != said[1]
    if not any(named):
        return False
    run, _, tokens = runs[named.index(False)]
    return (
        bool(run)
        and all(unknown_han(tokens[k].text) or tokens[k].text in light for k in run)
        and any(unknown_han(tokens[k].text) for k in run)
    )


def _fused_apart(old: Sequence[str], new: Sequence[str]) -> tuple[tuple[int, int], tuple[int, int]]:
    """How many Chinese words at each end of ``old`` the other run says fused into its own
    word at that end, and the same of ``new``: 巴拉圭|政府 against 日本政府, one word in
    jieba's dictionary (review 113). Those words are said on both sides; what is left
    is what differs. ((off the start, off the end) of ``old``, the same of ``new``.)"""
    if not old or not new:
        return (0, 0), (0, 0)
    return (
        (_fused_off(old, new[0], end=False), _fused_off(old, new[-1], end=True)),
        (_fused_off(new, old[0], end=False), _fused_off(new, old[-1], end=True)),
    )


def _fused_off(run: Sequence[str], word: str, *, end: bool) -> int:
    """How many Chinese words at the start (``end``: the end) of ``run``, a word at least
    left, together make a shorter start (end) of ``word``."""
    best, said = 0, ""
    for k, w in enumerate(reversed(run[1:]) if end else run[:-1], 1):
        said = w + said if end else said + w
        if not is_han(w) or len(said) >= len(word):
            break
        if word.endswith(said) if end else word.startswith(said):
            best = k
    return best


def _past(
    old: Sequence[str],
    new: Sequence[str],
    light: Collection[str],
    old_edges: Collection[int],
    new_edges: Collection[int],
    joins: Collection[str] = (),
) -> tuple[int, int] | None:
    """How many words of ``old`` and ``new`` (each read outward from a shared phrase) the
    phrase grows by: the words they share, one change, and the words that agree past it
    (see :func:`_grown_apart`); ``*_edges``: how many words outward a clause ends after.
    None where no change stands so. A few words put in another order, the words past them
    agreeing, are one change too ("continue to work {~tenaciously and~} patiently toward
    the resolution of the abductions issue": review 107, "Repeated the same" as its two
    halves)."""
    moved = _reordered(old, new, light, old_edges, new_edges)
    if moved is not None:
        return moved
    blocks = [
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Indel.opcodes(list(old[:AROUND_REACH]), list(new[:AROUND_REACH]))
    ]
    k = 1 if blocks and blocks[0][0] == "equal" else 0
    # one change: the edit blocks between two runs the words share
    end = k
    while end < len(blocks) and blocks[end][0] != "equal":
        end += 1
    if end == k:
        return None
    i1, j1 = blocks[k][1], blocks[k][3]
    i2, j2 = blocks[end - 1][2], blocks[end - 1][4]
    if max(i2 - i1, j2 - j1) > AROUND_CHANGE and not (
        _list_item(i1, i2, j2 - j1, old_edges, old, joins)
        or _list_item(j1, j2, i2 - i1, new_edges, new, joins)
    ):
        return None
    if end >= len(blocks):
        # ... or one content word replaced by another of its kind at the clause's edge in
        # both, in the phrase's clause: "{-Unilateral-}{+Coercive+} attempts to change the
        # status quo ..." (review 94: "Repeated the same"); not "{-Yesterday-}{+Recently+},
        # State Councilor ...", nor "{-At present-}{+Currently+} the overall situation"
        if (i2 - i1, j2 - j1) != (1, 1) or min(old_edges, default=0) < i2:
            return None
        if min(new_edges, default=0) < j2:
            return None
        was, now = old[i1], new[j1]
        if was in light or now in light or not may_stand_for(was, now):
            return None
        return (i2, j2) if i2 in old_edges and j2 in new_edges else None
    _, f1, f2, g1, g2 = blocks[end]
    flank = list(old[f1:f2])
    while flank and flank[-1] in light and not _one_word(flank, f1, old_edges):
        flank.pop()
    if len(flank) >= AROUND_FLANK and any(w not in light for w in flank):
        return f1 + len(flank), g1 + len(flank)
    # all the words up to the clause's edge: two, or one content word ("is our {-top-}
    # priority.", review 87)
    enough = f2 - f1 >= AROUND_FLANK or any(w not in light for w in old[f1:f2])
    if enough and f2 in old_edges and g2 in new_edges:
        return f2, g2
    return None


def _one_word(flank: Sequence[str], at: int, edges: Collection[int]) -> bool:
    """Whether the last two words of ``flank`` (read outward from word ``at``) are two
    single Han characters of one clause, a word the segmenter did not know: the function
    word is the first half of it (这|番 of 这番讲话, "this speech"; review 122: the shift
    read "番讲话{-自相矛盾-}{+刻意挑衅+}", cut inside a word)."""
    return (
        len(flank) >= 2
        and all(len(w) == 1 and is_han(w) for w in flank[-2:])
        and at + len(flank) - 1 not in edges
    )


AROUND_REORDER = 5
"""The most words put in another order beside a shared phrase that :func:`_past` reads
as one change."""


def _reordered(
    old: Sequence[str],
    new: Sequence[str],
    light: Collection[str],
    old_edges: Collection[int],
    new_edges: Collection[int],
) -> tuple[int, int] | None:
    """How far :func:`_past` grows a phrase over the few words (at most
    :data:`AROUND_REORDER`, two content words among them) that ``old`` and ``new`` say in
    another order past the words they share, the words past them agreeing as
    :func:`_past` asks; None where no such words stand there."""
    shared = 0
    while shared < min(len(old), len(new)) and old[shared] == new[shared]:
        shared += 1
    for size in range(2, AROUND_REORDER + 1):
        end = shared + size
        if end > min(len(old), len(new)):
            break
        here, there = old[shared:end], new[shared:end]
        if list(here) == list(there) or sorted(here) != sorted(there):
            continue
        if sum(w not in light for w in here) < 2:
            continue
        agree = 0
        while (
            end + agree < min(len(old), len(new), AROUND_REACH)
            and old[end + agree] == new[end + agree]
        ):
            agree += 1
        flank = list(old[end : end + agree])
        while flank and flank[-1] in light:
            flank.pop()
        if len(flank) >= AROUND_FLANK and any(w not in light for w in flank):
            return end + len(flank), end + len(flank)
        if end + agree in old_edges and end + agree in new_edges and agree:
            return end + agree, end + agree
        if end in old_edges and end in new_edges:
            return end, end
    return None


def _list_item(
    start: int,
    end: int,
    other: int,
    edges: Collection[int],
    words: Sequence[str] = (),
    joins: Collection[str] = (),
) -> bool:
    """Whether the words ``start``..``end`` outward, which the other briefing lacks
    (``other`` words there), are a list item of :data:`AROUND_ITEM` words or fewer, set off
    by clause marks (``edges``): "a Black Sea region that is secure{-, open to trade,-}
    and free from coercion" (review 98: "Repeated the same: a Black Sea region that is
    secure"), or by a clause mark and the list's coordinator after it (``words``, read
    outward; ``joins``: the tokeniser's coordinators): "anchored on international
    law{-, the UN Charter-} and UNCLOS" (review 133: "Repeated the same")."""
    closed = end in edges or (end < len(words) and words[end] in joins)
    return other == 0 and end - start <= AROUND_ITEM and start in edges and closed


_CLAUSE_ENDS = ",;:()\u3001\uff0c\uff1b\uff1a"
"""The marks between two words that end a clause (see :func:`_edges`)."""


def _edges(text: str, tokens: Sequence[Token], at: int, step: int) -> set[int]:
    """How many words outward from token ``at`` (``step`` +1: rightward from it, -1:
    leftward from the one before it) a clause ends after: at punctuation or the sentence's
    edge (0: right at the phrase)."""

    def ends(a: Token, b: Token) -> bool:
        return any(ch in _CLAUSE_ENDS for ch in text[a.end : b.start])

    out: set[int] = set()
    k = at if step > 0 else at - 1
    if 0 < at < len(tokens) and ends(tokens[at - 1], tokens[at]):
        out.add(0)  # the clause ends right at the phrase
    n = 0
    while 0 <= k < len(tokens):
        n += 1
        nxt = k + step
        if not 0 <= nxt < len(tokens):
            out.add(n)
            break
        a, b = (tokens[k], tokens[nxt]) if step > 0 else (tokens[nxt], tokens[k])
        if ends(a, b):
            out.add(n)
        k = nxt
    return out


def _in_sentence(
    doc: Document, occ: Occurrence | tuple[int, int], tokeniser: Tokeniser | None
) -> tuple[list[Token], int, int] | None:
    """The tokens of the sentence of ``doc`` that holds ``occ`` (an occurrence, or a span),
    and the range of those it spans; None where it spans none. A question the sentence
    reports before its answer is none of it (see :func:`~consistency.segment.answer_start`:
    "Asked about the Prime Minister's plans for the {-weekend-}{+recess+}, the PMOS said the
    diary would be set out in the usual way" grew a phrase over the journalist's words,
    review 108)."""
    start, end = occ if isinstance(occ, tuple) else (occ.start, occ.end)
    lo, hi = _sentence_of(doc, start, end)
    tokens = tokenise(doc.text[lo:hi], lo, tokeniser=tokeniser)
    asked = answer_start(
        doc.text, [t.text for t in tokens], [x for t in tokens for x in (t.start, t.end)], tokeniser
    )
    if 0 < asked < len(tokens) and tokens[asked].start <= start:
        tokens = tokens[asked:]
    inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
    if not inside:
        return None
    return tokens, inside[0], inside[-1] + 1


def _sentence_of(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence of ``doc`` that holds ``[start, end)``, within its turn."""
    first, last = turn_span(doc, start, end) or (0, len(doc.text))
    return _holding(split_sentences(doc.text, first, last, wrapped=True), first, last, start, end)


def _holding(
    spans: Sequence[tuple[int, int]], first: int, last: int, start: int, end: int
) -> tuple[int, int]:
    """The span of the sentence among ``spans`` (those of a turn ``[first, last)``) that
    holds ``[start, end)``."""
    lo = max((s for s, _ in spans if s <= start), default=first)
    hi = min((e for _, e in spans if e >= end), default=last)
    return lo, hi


def _archive_wording(c: PointComparison, tokeniser: Tokeniser | None) -> bool:
    """Whether NEW says an archive point's shift in one of the point's own wordings (its
    text or an alias): a wording the archive said before, no news to it, as a report's
    timeline reads it ("{-two-}{+three+} announcements for you today", review 81; "{-the
    two-} Heads of State", its alias "heads of state" in "the Assembly of Heads of State
    and Government", review 79)."""
    if c.new is None:
        return False
    new = normalise(c.new.text, tokeniser=tokeniser)
    return any(new == normalise(t, tokeniser=tokeniser) for t in (c.point.text, *c.point.aliases))


def _own_ids(points: list[Point], taken: set[str]) -> list[Point]:
    """``points`` with ids apart from ``taken``: a point of the two briefings whose id an
    archive's point has (the same first words: "countries should abide by international
    law and the basic norms governing" and the whole formula) is numbered on."""
    given = set(taken)
    out = []
    for p in points:
        pid, n = p.id, 1
        while pid in given:
            n += 1
            pid = f"{p.id}-{n}"
        given.add(pid)
        out.append(p if pid == p.id else replace(p, id=pid))
    return out


def _fixed_numbers(point: Point, tokeniser: Tokeniser | None) -> tuple[str, ...]:
    """The numbers an archive's point says in its text and in every wording of it the
    archive lists: the formula's own, "the {-12-}{+14+} principles of the Moscow
    declaration" (reviews 120, 122, 124, 125: "Repeated the same" under `--points
    archive.db`, where `check` against the same archive reports the change); none where a
    wording says another number (a count: "{-15-}{+6+} of our nationals have been
    released")."""
    text = normalise(point.text, tokeniser=tokeniser).split(" ")
    own = numbers_in(text)
    for alias in point.aliases:
        said = normalise(alias, tokeniser=tokeniser).split(" ")
        if numbers_apart(said, text) and numbers_in(said) != own:
            return ()
    return own


def _renumbered(now: Sequence[str], was: Sequence[str], fixed: tuple[str, ...]) -> bool:
    """Whether NEW's wording ``now`` says other numbers than ``fixed``, which OLD's ``was``
    says (see :func:`_fixed_numbers`)."""
    return bool(fixed) and numbers_in(was) == fixed and numbers_in(now) != fixed


def _said_as_known(point: PointResult, old: str) -> bool:
    """Whether OLD says the point in one of its own wordings, its text or an alias (review
    78: an alias, found word for word, was not one): an archive's point is the yardstick
    of a change only where OLD says it as the archive knows it (said in other words in
    both, "interfere in" and "interference in", it is neither's formula)."""
    return any(
        o.document == old and (o.score >= 100.0 or o.status in (Status.IDENTICAL, Status.COSMETIC))
        for o in point.occurrences
    )


def _once_each(compared: list[PointComparison], archive: Collection[str]) -> list[PointComparison]:
    """Each stretch of NEW shifted once, under the best point saying it: the archive's
    first (they know the whole formula: "{-全面-}{+切实+}推进云岭数字走廊建设", where the two
    briefings share "推进云岭数字走廊建设"), best first (an archive holds overlapping points:
    "safeguard national security", "the legislation for safeguarding national
    security"); a point of the two briefings said the same within such a stretch is left
    out (it is the shifted formula's unchanged part)."""
    shifted = [c for c in compared if c.change is PointChange.SHIFTED and c.new is not None]
    shifted.sort(key=lambda c: c.point.id not in archive)
    shown: list[Place] = []
    kept: set[int] = set()
    for c in shifted:
        assert c.new is not None
        if not any(_overlap(c.new, s) for s in shown):
            shown.append(c.new)
            kept.add(id(c))
    return [
        c
        for c in compared
        if id(c) in kept
        or (
            c.change is not PointChange.SHIFTED
            and not (c.new is not None and any(_overlap(c.new, s) for s in shown))
        )
    ]


def _overlap(a: Place, b: Place) -> bool:
    return (
        a.line == b.line
        and "\n" not in a.text + b.text
        and a.column < b.column + len(b.text)
        and b.column < a.column + len(a.text)
    ) or (a.line, a.column) == (b.line, b.column)


def _place(o: Occurrence) -> Place:
    return Place(o.text, o.line, o.column)


SAID_NEGATED = "says the opposite: a negation put in or left out"
"""The note of a point NEW says negated where OLD did not, or the other way round (review
77: a plain shift read as any other rewording, where ``check`` says "says the
opposite")."""


def _said_as(
    point: Point,
    olds: Sequence[Occurrence],
    said: Place,
    new_count: int,
    tokeniser: Tokeniser | None,
    note: str = "",
) -> PointComparison:
    """The point shifted to words ``track`` does not count as it (``said`` in NEW), against
    the wording OLD had, else the formula's text."""
    before = olds[0].text if olds else point.text
    return PointComparison(
        point,
        PointChange.SHIFTED,
        _place(olds[0]) if olds else None,
        said,
        len(olds),
        new_count,
        word_diff(before, said.text, tokeniser=tokeniser),
        note=note,
    )


def _compare_point(
    point: Point,
    olds: Sequence[Occurrence],
    news: Sequence[Occurrence],
    tokeniser: Tokeniser | None,
    negated: Sequence[Place] = (),
    otherwise: tuple[Place, str] | None = None,
    unsaid: Sequence[Place] = (),
    discovered: bool = False,
    pairs: Sequence[tuple[Sentence, Sentence]] = (),
    sides: tuple[Document, Document] | None = None,
    fixed: tuple[str, ...] = (),
) -> PointComparison:
    """How NEW says ``point`` against OLD. Of a ``discovered`` point (not a watchlist's), a
    wording only numbers apart (see :func:`~consistency.lexicon.numbers_apart`), times
    apart (:func:`~consistency.lexicon.times_apart`) or grammar
    apart (see :func:`~consistency.timeline.grammar_only`) from one OLD said is the same
    (but for ``fixed``, the numbers an archive's point always says: see
    :func:`_fixed_numbers`),
    and so is the point where NEW says a wording of OLD's, whatever else NEW says near it
    (for the phrases two briefings share: their other matches in NEW were other phrases,
    "the Prime Minister {-would host leaders-}{+had hosted Prime+}" beside the phrase said
    word for word, review 77). ``unsaid``: where OLD says the point negated, which a point
    NEW says plainly has left out. ``pairs``: the sentences NEW rephrases (OLD's, NEW's),
    in ``sides`` (OLD, NEW): a point said in one of them only is shifted, where the other
    rephrases its sentence (see :data:`REPHRASED`)."""
    if otherwise is not None and olds and not news:
        # OLD said the formula, NEW only a near miss of it
        said, why = otherwise
        return _said_as(point, olds, said, 0, tokeniser, note=f"a near miss ({why})")
    if otherwise is not None and not olds and not news:
        # neither said the formula, and OLD not these words of NEW's (where it did, they
        # are no change: a review, "{-brook-}{+allow+} no foreign interference", both
        # briefings saying "allow"): new in NEW, a near miss (review 92)
        said, why = otherwise
        return PointComparison(
            point,
            PointChange.NEW,
            None,
            said,
            0,
            0,
            word_diff(point.text, said.text, tokeniser=tokeniser),
            note=f"a near miss ({why})",
        )
    if negated:
        # the formula said negated in NEW: against the wording OLD had (else the formula's)
        return _said_as(point, olds, negated[0], len(news), tokeniser, note=SAID_NEGATED)
    if unsaid and not olds and news:
        # OLD said the formula negated (track counts none of it), NEW says it: the
        # negation left out (review 81: "New in NEW", nothing told of OLD's "no longer")
        first = news[0]
        return PointComparison(
            point,
            PointChange.SHIFTED,
            unsaid[0],
            _place(first),
            0,
            len(news),
            word_diff(unsaid[0].text, first.text, tokeniser=tokeniser),
            note=SAID_NEGATED,
        )
    if not olds and not news:
        return PointComparison(point, PointChange.ABSENT, None, None, 0, 0, "")
    if sides is not None and (not olds or not news):
        a, b = sides
        for o in news or olds:
            there = _counterpart(o.start, o.end, pairs, a if news else b, back=not news)
            if there is None:
                continue
            here = _place(o)
            before, after = (there, here) if news else (here, there)
            return PointComparison(
                point,
                PointChange.SHIFTED,
                before,
                after,
                len(olds),
                len(news),
                word_diff(before.text, after.text, tokeniser=tokeniser),
                note=REPHRASED["OLD" if news else "NEW"],
            )
    if not olds:
        # against the wording it was found as: a wording of the watchlist reads plain, a
        # new one shows its change (review 65: "closely communicate with ..." read as
        # the formula, "New in NEW", with nothing marked)
        first = news[0]
        diff = word_diff(first.form, first.text, tokeniser=tokeniser)
        return PointComparison(point, PointChange.NEW, None, _place(first), 0, len(news), diff)
    if not news:
        first = olds[0]
        return PointComparison(
            point, PointChange.DROPPED, _place(first), None, len(olds), 0, first.text
        )
    old_words = {normalise(o.text, tokeniser=tokeniser): o for o in olds}
    new_words = [(n, normalise(n.text, tokeniser=tokeniser)) for n in news]

    light = grammar_word(tokeniser)
    prefixes = named_words(tokeniser, "negating_prefixes")
    same = named_words(tokeniser, "and_words")
    owned = named_words(tokeniser, "possessive_endings")

    function = named_words(tokeniser, "function_words")
    old_tokens: dict[str, list[Token]] = {}  # OLD's wordings tokenised, once each

    def known(key: str, occ: Occurrence) -> str | None:
        if key in old_words:
            return key
        if not discovered:
            return None
        words = key.split(" ")
        for k in old_words:
            said = k.split(" ")
            if (
                (numbers_apart(words, said) and not _renumbered(words, said, fixed))
                or grammar_only(words, said, light, prefixes, same=same, endings=owned)
                or times_apart(words, said, function)
            ):
                return k
        now = tokenise(occ.text, tokeniser=tokeniser)
        for k, o in old_words.items():
            if k not in old_tokens:
                old_tokens[k] = tokenise(o.text, tokeniser=tokeniser)
            was = old_tokens[k]
            if names_apart((was, o.text), (0, len(was)), (now, occ.text), (0, len(now)), function):
                return k
        return None

    kept = next((o for o, said in new_words if known(said, o) is not None), None)
    shifts: list[tuple[Occurrence, Occurrence, bool]] = []
    for n, key in new_words if not (discovered and kept is not None) else ():
        if known(key, n) is None:
            words = key.split(" ")
            closest = max(
                olds,
                key=lambda o: (
                    word_similarity(words, normalise(o.text, tokeniser=tokeniser).split(" ")),
                    -o.start,
                ),
            )
            was = normalise(closest.text, tokeniser=tokeniser).split(" ")
            shifts.append(
                (n, closest, grammar_only(words, was, light, prefixes, same=same, endings=owned))
            )
    if shifts:
        # of NEW's wordings OLD never said, the first that changes more than grammar (review
        # 84: "basic norms of {-the-} international relations" hid "international law and
        # {-basic-} norms ..." said ten lines on)
        n, closest, _ = min(shifts, key=lambda t: t[2])
        there, here = _place(closest), _place(n)
        if discovered and sides is not None:
            there, here = (
                _moved(
                    sides[0], (closest.start, closest.end), sides[1], (n.start, n.end), tokeniser
                )
                or _in_step(sides[0], closest, sides[1], n, tokeniser)
                or (there, here)
            )
            now = normalise(here.text, tokeniser=tokeniser).split(" ")
            was = normalise(there.text, tokeniser=tokeniser).split(" ")
            if (
                now == was
                or (numbers_apart(now, was) and not _renumbered(now, was, fixed))
                or times_apart(now, was, function)
            ):
                # grown over the words around them, the two say the same but for numbers
                # ("information, 39 Indian fishermen and {-3-}{+1+} boats are in custody",
                # review 110: an archive's point found shorter in OLD) or times
                return PointComparison(
                    point, PointChange.SAME, there, here, len(olds), len(news), here.text
                )
        return PointComparison(
            point,
            PointChange.SHIFTED,
            there,
            here,
            len(olds),
            len(news),
            word_diff(there.text, here.text, tokeniser=tokeniser),
            _place(kept) if kept is not None else None,
        )
    best = max(
        (o for o, said in new_words if known(said, o) is not None),
        key=lambda o: (o.score, -o.start),
    )
    twin_key = known(normalise(best.text, tokeniser=tokeniser), best)
    assert twin_key is not None
    twin = old_words[twin_key]
    return PointComparison(
        point, PointChange.SAME, _place(twin), _place(best), len(olds), len(news), best.text
    )


MOVE_REACH = 8
"""The most words a shifted phrase's span grows by on each side to take in a move (see
:func:`_moved`)."""


def _moved(
    old: Document,
    was: tuple[int, int],
    new: Document,
    now: tuple[int, int],
    tokeniser: Tokeniser | None,
    light: Collection[str] = (),
    least: int = 0,
) -> tuple[Place, Place] | None:
    """The spans ``was`` (in OLD) and ``now`` (in NEW) of a discovered phrase, each grown
    within its sentence by :data:`MOVE_REACH` words at most on either side, the least in
    all, to hold the same words in another order, the words moved holding ``least`` words
    not ``light`` or more: the shift is a move. Two briefings
    share pieces of a formula whose parts were swapped, so the piece "full respect for
    international humanitarian" read `{-humanitarian-}{+human+}` where NEW said "... human
    rights law and international humanitarian law" (review 101), and "和平统一、{+一国两制+}"
    where NEW swapped the two (review 102): they read as the move. None where no such
    spans are found."""
    a, b = _in_sentence(old, was, tokeniser), _in_sentence(new, now, tokeniser)
    if a is None or b is None:
        return None
    (otok, o0, o1), (ntok, n0, n1) = a, b
    ow, nw = [t.text for t in otok], [t.text for t in ntok]
    best: tuple[int, int, int, int, int] | None = None
    for lo in range(min(MOVE_REACH, o0) + 1):
        for ln in range(min(MOVE_REACH, n0) + 1):
            for ro in range(min(MOVE_REACH, len(ow) - o1) + 1):
                rn = (o1 + ro - o0 + lo) - (n1 - n0 + ln)
                if not 0 <= rn <= min(MOVE_REACH, len(nw) - n1):
                    continue
                total = lo + ln + ro + rn
                if best is not None and total >= best[0]:
                    continue
                left, right = ow[o0 - lo : o1 + ro], nw[n0 - ln : n1 + rn]
                if (
                    left != right
                    and sorted(left) == sorted(right)
                    and (not least or _moved_weight(left, right, light) >= least)
                ):
                    best = (total, lo, ln, ro, rn)
    if best is None:
        return None
    _, lo, ln, ro, rn = best
    # ... and over the words both go on with on a side grown: "... humanitarian} law"
    grow = MOVE_REACH if lo or ln else 0
    while grow and o0 - lo > 0 and n0 - ln > 0 and ow[o0 - lo - 1] == nw[n0 - ln - 1]:
        lo, ln, grow = lo + 1, ln + 1, grow - 1
    grow = MOVE_REACH if ro or rn else 0
    while grow and o1 + ro < len(ow) and n1 + rn < len(nw) and ow[o1 + ro] == nw[n1 + rn]:
        ro, rn, grow = ro + 1, rn + 1, grow - 1
    start, end = otok[o0 - lo].start, otok[o1 + ro - 1].end
    first, last = ntok[n0 - ln].start, ntok[n1 + rn - 1].end
    return (
        Place(old.text[start:end], *old.line_col(start)),
        Place(new.text[first:last], *new.line_col(first)),
    )


def _moved_weight(left: Sequence[str], right: Sequence[str], light: Collection[str]) -> int:
    """The words not ``light`` among those ``right`` says elsewhere than ``left`` (the
    same words in another order): what moved, less the words both say in place."""
    return sum(
        w not in light
        for op in Indel.opcodes(left, right)
        if op.tag == "delete"
        for w in left[op.src_start : op.src_end]
    )


def _swapped(
    old: Document,
    olds: Sequence[Occurrence],
    new: Document,
    news: Sequence[Occurrence],
    light: Collection[str],
    tokeniser: Tokeniser | None,
) -> tuple[Place, Place, Occurrence] | None:
    """A phrase both briefings say the same, grown over the part of its formula NEW put
    on its other side (see :func:`_moved`): "联合演训旨在提升协同作战能力和检验联合指挥效能"
    against "...检验联合指挥效能和提升协同作战能力" shared both parts, each "repeated the
    same" (review 116): the move is the change. The part moved holds
    :data:`MOVE_CONTENT` content words or more: a function word on the other side of a
    phrase is no move of a formula's part. OLD's grown words and NEW's, and the
    occurrence in NEW they grew from; None where no occurrence of the phrase in OLD and
    in NEW is so grown."""
    for was in olds:
        for now in news:
            moved = _moved(
                old,
                (was.start, was.end),
                new,
                (now.start, now.end),
                tokeniser,
                light,
                MOVE_CONTENT,
            )
            if moved is not None:
                return *moved, now
    return None


MOVE_CONTENT = 2
"""Content words the part of a formula moved to a phrase's other side holds at least
(see :func:`_swapped`)."""


IN_STEP_REACH = 4
"""The most words a shifted phrase's span grows by on either side (see :func:`_in_step`)."""


def _in_step(
    old: Document, was: Occurrence, new: Document, now: Occurrence, tokeniser: Tokeniser | None
) -> tuple[Place, Place] | None:
    """The spans of a discovered phrase shifted from ``was`` (OLD) to ``now`` (NEW), each
    grown over the words its sentence says where the other span's words stand in it, by
    :data:`IN_STEP_REACH` words at most, when the two then differ by fewer words: a phrase
    found in OLD as "rapid and unimpeded humanitarian access ..." and in NEW as "safe and
    unimpeded ..." read `{-rapid-}{+safe+} and unimpeded`, where NEW dropped "rapid" from
    "safe, rapid and unimpeded" (review 101): it reads `safe{-, rapid-} and unimpeded`.
    Grown spans that differ only by words one of them puts in are taken too, though they
    differ by more words, over found spans that differ by a word replaced: "a reliable
    partner, *a proactive contributor* and an active ... member" read
    `{-partner-}{+contributor+} and an active ...`, as if NEW no longer said "partner"
    (review 152); it reads `partner{+, a proactive contributor+} and an active ...`.
    None where neither grows so."""
    a, b = _in_sentence(old, was, tokeniser), _in_sentence(new, now, tokeniser)
    if a is None or b is None:
        return None
    (otok, o0, o1), (ntok, n0, n1) = a, b
    ow, nw = [t.text for t in otok], [t.text for t in ntok]
    pairs = [
        (op.src_start + k, op.dest_start + k)
        for op in Indel.opcodes(ow, nw)
        if op.tag == "equal"
        for k in range(op.src_end - op.src_start)
    ]
    a0, a1, b0, b1 = o0, o1, n0, n1
    for _ in range(2):
        into_new = [j for i, j in pairs if a0 <= i < a1]
        into_old = [i for i, j in pairs if b0 <= j < b1]
        if into_new:
            b0, b1 = min(b0, into_new[0]), max(b1, into_new[-1] + 1)
        if into_old:
            a0, a1 = min(a0, into_old[0]), max(a1, into_old[-1] + 1)
    if max(o0 - a0, a1 - o1, n0 - b0, b1 - n1) > IN_STEP_REACH or (a0, a1, b0, b1) == (
        o0,
        o1,
        n0,
        n1,
    ):
        return None
    grown, found = (ow[a0:a1], nw[b0:b1]), (ow[o0:o1], nw[n0:n1])
    if Indel.distance(*grown) >= Indel.distance(*found) and not (
        _one_sided(*grown) and not _one_sided(*found)
    ):
        return None
    start, end = otok[a0].start, otok[a1 - 1].end
    first, last = ntok[b0].start, ntok[b1 - 1].end
    return (
        Place(old.text[start:end], *old.line_col(start)),
        Place(new.text[first:last], *new.line_col(first)),
    )


def _one_sided(was: Sequence[str], now: Sequence[str]) -> bool:
    """Whether one of two wordings is the other with words put in, none left out or
    replaced (in order, all the shorter one's words stand in the longer)."""
    short, long = sorted((was, now), key=len)
    return Indel.distance(short, long) == len(long) - len(short)


def _sentences(
    old: Document,
    new: Document,
    similarity: float,
    include_questions: bool,
    speakers: Collection[str],
    tokeniser: Tokeniser | None,
) -> tuple[list[Rephrasing], SentenceCounts, SentenceChanges, list[tuple[Sentence, Sentence]]]:
    """The sentences of NEW repeated, rephrased and new, and OLD's dropped; and each
    rephrasing's two sentences (OLD's, NEW's)."""
    baseline = MemoryBaseline(
        [old], include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
    )
    repeated = rephrased = fresh = 0
    used: set[int] = set()
    identical: set[str] = set()
    out: list[Rephrasing] = []
    pairs: list[tuple[Sentence, Sentence]] = []
    added: list[Place] = []
    for s in document_sentences(
        new, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
    ):
        words = [t.text for t in s.tokens]
        if has_sentence(baseline, words):
            repeated += 1
            identical.add(" ".join(words))
            continue
        near = None
        if s.role is not Role.PRESS and len(words) >= MIN_SENTENCE_WORDS:
            near = nearest_sentence(baseline, words, similarity=similarity)
        if near is None:
            fresh += 1
            added.append(_sentence_place(new, s))
            continue
        n, score = near
        used.add(n)
        rephrased += 1
        other = baseline.sentence(n)
        pairs.append((other, s))
        before = old.text[other.start : other.end]
        after = new.text[s.start : s.end]
        out.append(
            Rephrasing(
                old=Place(before, other.line, old.line_col(other.start)[1]),
                new=Place(after, s.line, new.line_col(s.start)[1]),
                similarity=round(score, 1),
                diff=word_diff(before, after, tokeniser=tokeniser),
            )
        )
    texts = baseline.words_of(range(len(baseline.index.sentences)))
    dropped = [
        _sentence_place(old, baseline.sentence(n))
        for n, t in sorted(texts.items())
        if n not in used and t not in identical
    ]
    counts = SentenceCounts(repeated, rephrased, fresh, len(dropped))
    return out, counts, SentenceChanges(tuple(added), tuple(dropped)), pairs


def _counterpart(
    start: int, end: int, pairs: Sequence[tuple[Sentence, Sentence]], to: Document, *, back: bool
) -> Place | None:
    """The words of document ``to`` that stand where the span ``start:end`` stands in a
    sentence of a rephrasing (NEW's; OLD's where ``back``): the words they align with,
    the edges taking in what replaces the span's own."""
    for old_sentence, new_sentence in pairs:
        here, there = (old_sentence, new_sentence) if back else (new_sentence, old_sentence)
        if not (here.start <= start and end <= here.end):
            continue
        inside = [k for k, t in enumerate(here.tokens) if start <= t.start and t.end <= end]
        if not inside:
            return None
        i, j = inside[0], inside[-1] + 1
        lo = hi = None
        for op in Levenshtein.opcodes(
            [t.text for t in there.tokens], [t.text for t in here.tokens]
        ):
            t1, t2, h1, h2 = op.src_start, op.src_end, op.dest_start, op.dest_end
            if lo is None and h1 <= i < h2:
                lo = t1 + (i - h1) if op.tag == "equal" else t1
            if hi is None and h1 < j <= h2:
                hi = t1 + (j - h1) if op.tag == "equal" else t2
        if lo is None or hi is None or hi <= lo:
            return None
        said = [t.text for t in there.tokens[lo:hi]]
        if word_similarity(said, [t.text for t in here.tokens[i:j]]) < COUNTERPART_SIMILARITY:
            # another phrase in the rephrased sentence's place ("the {-three joint
            # communiqués-}{+one-China principle+}"): the point is new there
            return None
        first, last = there.tokens[lo], there.tokens[hi - 1]
        return Place(to.text[first.start : last.end], *to.line_col(first.start))
    return None


COUNTERPART_SIMILARITY = 50.0
"""How much alike (word similarity, 0-100) a point's words and those standing in their place
in the sentence rephrased must be for those to be the point in other words."""

REPHRASED = {
    "OLD": "OLD said it in words track does not count, in the sentence NEW rephrases",
    "NEW": "NEW says it in words track does not count, rephrasing OLD's sentence",
}
"""The note of a watched point said in one briefing and, where the other rephrases that
sentence, said there in words ``track`` does not count: shifted, not new nor dropped
(review 79: "Hong Kong affairs are {-purely-}{+entirely+} China's internal affairs" was
"New in NEW", beside OLD's "... China's domestic affairs" listed as its rephrasing)."""


def _sentence_place(document: Document, sentence: Sentence) -> Place:
    """Where a sentence stands in its document, and its words as written."""
    return Place(
        document.text[sentence.start : sentence.end],
        sentence.line,
        document.line_col(sentence.start)[1],
    )


def read_side(
    path: str,
    name: str,
    date: dt.date | None,
    *,
    manifest: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> Document:
    """The one briefing of ``path``, the ``name`` (OLD or NEW) side of a comparison,
    dated by ``date`` (``--old-date``/``--new-date``) when given."""
    from .ingest import load_documents

    docs = load_documents(
        [path],
        manifest=manifest,
        since=since,
        until=until,
        date=date,
        date_option=f"--{name.lower()}-date",
    )
    return _one(docs, name, path)


def _one(docs: list[Document], name: str, given: str) -> Document:
    if not docs:
        raise OptionError(f"{name} has no briefing in the --since/--until range", path=given)
    if len(docs) != 1:
        raise OptionError(f"{name} must be one briefing, but it holds {len(docs)}", path=given)
    return docs[0]


def points_of(path: str | None) -> tuple[list[Point] | None, str]:
    """The points ``diff --points`` names, and where they come from: a watchlist's, or,
    where ``path`` is an index built by ``consistency index``, the best it discovered in
    its archive on 2 dates or more, as many as ``check`` holds a briefing to (see
    :data:`ARCHIVE`; out of date or not: they are the archive's formulas as last
    discovered). Without ``path``: none given."""
    if path is None:
        return None, DISCOVERED
    from .index import Index, is_sqlite_file

    if not is_sqlite_file(path):
        from .watchlist import load_watchlist

        return load_watchlist(path), WATCHLIST
    with Index(path) as index:
        stored = [s.point for s in index.points(stale=True) if s.dates >= 2][:DEFAULT_TOP]
    if not stored:
        raise OptionError("the index holds no point discovered on 2 dates or more", path=path)
    return stored, ARCHIVE


def compare_files(
    old: str,
    new: str,
    *,
    points_file: str | None = None,
    manifest: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    old_date: dt.date | None = None,
    new_date: dt.date | None = None,
) -> Comparison:
    """``consistency diff OLD NEW``: read both briefings (and the watchlist), compare them.

    Each of OLD and NEW must hold exactly one briefing in the ``since``/``until`` range.
    ``old_date``/``new_date`` date them (``--old-date``/``--new-date``); else a manifest,
    ``manifest.csv`` beside them, their file names or their first lines.
    """
    require_percent(threshold, "threshold")
    require_percent(similarity, "similarity")
    points, source = points_of(points_file)
    sides: list[Document] = []
    problems: list[ConsistencyError] = []
    for path, name, date in ((old, "OLD", old_date), (new, "NEW", new_date)):
        try:
            sides.append(read_side(path, name, date, manifest=manifest, since=since, until=until))
        except InputErrors as e:
            problems.extend(e.errors)
        except ConsistencyError as e:
            problems.append(e)
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputErrors(problems)
    a, b = sides
    return compare(
        a,
        b,
        points=points,
        threshold=threshold,
        similarity=similarity,
        include_questions=include_questions,
        speakers=speakers,
        source=source,
    )
