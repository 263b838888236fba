"""Statuses, changes, distinct wordings and shift events of a point over time.

- ``status`` compares an occurrence with the point's canonical text:
  identical (byte-equal, white space aside), cosmetic (equal once normalised),
  shifted (a word inserted, deleted or replaced).
- ``change`` compares an occurrence with the *representative* occurrence
  (best score, then earliest) of the nearest earlier date that has one:
  first, same or shifted.
- A *shift* is recorded each time the representative wording of a date differs
  from that of the previous date that has the point.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from rapidfuzz.distance import Indel, Levenshtein

from .diff import moved_apart, skeleton, slotted, word_diff
from .lexicon import cut_short, may_stand_for, number_word, same_number, zipf
from .match.weights import is_rare, prefixed, similarity
from .models import (
    Change,
    Document,
    KeyChange,
    KeyChangeKind,
    Occurrence,
    Point,
    PointResult,
    ReportPeriod,
    Saying,
    Shift,
    Status,
    Token,
    TrackResult,
    Wording,
    WordingFamily,
)
from .normalise import (
    CONTRACTED_WORDS,
    Tokeniser,
    casefold,
    fold_accents,
    named_words,
    nfkc,
    normalise,
    tokenise,
)
from .segment import split_sentences


def _squash(text: str) -> str:
    return " ".join(text.split())


def status_of(text: str, canonical: str, *, tokeniser: Tokeniser | None = None) -> Status:
    """How ``text`` compares with ``canonical``.

    >>> status_of("ASEAN Way", "ASEAN way")
    <Status.COSMETIC: 'cosmetic'>
    >>> status_of("fully and effectively", "comprehensively and effectively")
    <Status.SHIFTED: 'shifted'>
    """
    if _squash(text) == _squash(canonical):
        return Status.IDENTICAL
    if normalise(text, tokeniser=tokeniser) == normalise(canonical, tokeniser=tokeniser):
        return Status.COSMETIC
    return Status.SHIFTED


def representatives(occurrences: Sequence[Occurrence]) -> dict[dt.date, Occurrence]:
    """The best occurrence of each date: highest score, then earliest document and position."""
    reps: dict[dt.date, Occurrence] = {}
    for occ in occurrences:
        cur = reps.get(occ.date)
        if cur is None or occ.score > cur.score:
            reps[occ.date] = occ
    return reps


def with_changes(
    occurrences: Sequence[Occurrence], *, tokeniser: Tokeniser | None = None
) -> list[Occurrence]:
    """Fill ``change`` on every occurrence (sorted by date, document, position)."""
    return [
        occ if occ.change is change else _with_change(occ, change)
        for occ, change in zip(occurrences, changes(occurrences, tokeniser=tokeniser), strict=True)
    ]


def changes(
    occurrences: Sequence[Occurrence], *, tokeniser: Tokeniser | None = None
) -> list[Change]:
    """Each occurrence's ``change`` (see :func:`with_changes`): against the wording of the
    nearest earlier date's representative occurrence."""
    reps = representatives(occurrences)
    previous: dict[dt.date, str | None] = {}  # the previous date's wording, normalised
    prev: str | None = None
    for d in sorted(reps):
        previous[d] = prev
        prev = normalise(reps[d].text, tokeniser=tokeniser)
    out = []
    for occ in occurrences:
        before = previous[occ.date]
        if before is None:
            out.append(Change.FIRST)
        elif before == normalise(occ.text, tokeniser=tokeniser):
            out.append(Change.SAME)
        else:
            out.append(Change.SHIFTED)
    return out


def _with_change(occ: Occurrence, change: Change) -> Occurrence:
    """``replace(occ, change=change)``, at a fifth of its cost (a report makes hundreds of
    thousands): the fields are copied as they are, none is checked again."""
    new = object.__new__(Occurrence)
    new.__dict__.update(occ.__dict__, change=change)
    return new


def wordings(
    occurrences: Sequence[Occurrence], *, tokeniser: Tokeniser | None = None
) -> list[Wording]:
    """Distinct wordings (by normalised form), ordered by first date."""
    groups: dict[str, list[Occurrence]] = {}
    for occ in occurrences:
        groups.setdefault(normalise(occ.text, tokeniser=tokeniser), []).append(occ)
    out = [
        Wording(
            text=occs[0].text,
            normalised=key,
            first=min(o.date for o in occs),
            last=max(o.date for o in occs),
            dates=len({o.date for o in occs}),
            count=len(occs),
        )
        for key, occs in groups.items()
    ]
    out.sort(key=lambda w: (w.first, -w.count, w.normalised))
    return out


def shifts(
    occurrences: Sequence[Occurrence], canonical: str, *, tokeniser: Tokeniser | None = None
) -> list[Shift]:
    """Each change of representative wording between consecutive dates that have one.

    A shift is marked ``slot`` when only the words inserted inside the formula
    differ (see :func:`consistency.diff.skeleton`), and ``recurring`` when the
    new wording was already used on an earlier date (occurrences are sorted
    by date, so the first one seen of each wording is its first use).
    """
    reps = representatives(occurrences)
    first_said: dict[str, dt.date] = {}  # each text once: a point's occurrences share a few
    for occ in occurrences:
        first_said.setdefault(occ.text, occ.date)
    used: dict[str, dt.date] = {}
    for text, first in first_said.items():
        used.setdefault(normalise(text, tokeniser=tokeniser), first)
    out: list[Shift] = []
    prev: Occurrence | None = None
    before = ""
    for d in sorted(reps):
        cur = reps[d]
        after = normalise(cur.text, tokeniser=tokeniser)
        if prev is not None and before != after:
            out.append(
                Shift(
                    date=cur.date,
                    document=cur.document,
                    previous_date=prev.date,
                    previous_document=prev.document,
                    before=prev.text,
                    after=cur.text,
                    diff=word_diff(prev.text, cur.text, tokeniser=tokeniser),
                    line=cur.line,
                    slot=skeleton(canonical, prev.text, tokeniser=tokeniser)
                    == skeleton(canonical, cur.text, tokeniser=tokeniser),
                    recurring=used[after] < cur.date,
                )
            )
        prev, before = cur, after
    return out


# --- wording families and the changes that matter ----------------------------------------

DEFAULT_PERIOD_DAYS = 31
"""Without ``--since``/``--baseline-until``, the reporting period is the archive's last
31 days (a calendar month at most: "what changed this month"); the rest is its baseline."""

TAKEOVER_MIN_DATES = 5
"""A wording holds the line only once said on at least this many dates (the old one before
a take-over, the new one after it): the same bar as :data:`REGULAR_DATES`; one to four
uses are a variant, not yet a line."""

TAKEOVER_END_DATES = 3
"""At the archive's end, a new wording said on every one of the point's dates since its
first, this many or more, has taken over so far (see :func:`takeovers`): the line of the
last weeks is news before it has had five dates to hold."""

TAKEOVER_SHARE = 2 / 3
"""A wording holds the line over a stretch when said on at least two of its dates in three:
two wordings that alternate (half each) neither hold it nor take it over."""

RARE_FACTOR = 5
"""How many times its usual gap a point's silence must last to count as news.

A point said on a share *p* of the dates is missing from *k* dates in a row by chance
with probability about (1 - p)^k, below e^-5 (under 1 %) when k >= 5/p, that is five
times its mean gap between dates."""

REGULAR_DATES = 5
"""A point said on at least this many dates is regular: its stopping can be news."""

BACK_SHARE = 1 / 2
"""A wording said before the period (or one only grammar apart from it) but not on this
share of the point's dates before the period, those last, nor on :data:`REGULAR_DATES`
of them, is news again when the period says it: the point had left it ("for humanity",
once in 2018, then "for mankind" on every date). Said later than that, it is no news
(review 71: "{+flagrantly+} interfere in China's internal affairs" was carded "not used
before the period" though "flagrantly interfered ..." was said nine days before it)."""

KIND_ORDER = (
    KeyChangeKind.TAKEOVER,
    KeyChangeKind.NEW_WORDING,
    KeyChangeKind.NEGATED,
    KeyChangeKind.NEAR_MISS,
    KeyChangeKind.STOPPED,
    KeyChangeKind.NEW_POINT,
)
"""The order reports list the changes that matter of the period in (see :func:`card_order`)."""

_KIND_RANK = {k: i for i, k in enumerate(KIND_ORDER)}


def card_order(change: KeyChange, points: dict[str, int]) -> tuple[bool, int, int, int]:
    """Where a report lists ``change`` (``points``: each point id's place in the
    watchlist): the period's changes first, by :data:`KIND_ORDER`, then date; then the
    earlier ones newest first, a history read back from the period (a review: the
    "Earlier in the archive" cards, kind by kind, jumped from 2020 back to 2018 and on)."""
    rank = _KIND_RANK[change.kind]
    day = change.date.toordinal()
    place = points.get(change.point, len(points))
    if change.in_period:
        return (False, rank, day, place)
    return (True, -day, rank, place)


CONTEXT_WIDTH = 240
"""Longest context sentence kept (centred on the wording)."""


def document_context(document: Document, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """:func:`context` within the turn that holds ``document.text[start:end]``: the quote
    leaves out the speaker's label ("MR. HALLORAN:", "Zhao Lijian:" began card quotes,
    a review)."""
    return context(document.text, start, end, width, within=turn_span(document, start, end))


def turn_span(document: Document, start: int, end: int) -> tuple[int, int] | None:
    """The span of the speaker turn of ``document`` that holds ``[start, end)``; None where
    none does."""
    turns = document.turns
    at = bisect.bisect_right(turns, start, key=lambda t: t.start) - 1
    if at >= 0 and turns[at].start <= start and end <= turns[at].end:
        return turns[at].start, turns[at].end
    return None


def context(
    text: str,
    start: int,
    end: int,
    width: int = CONTEXT_WIDTH,
    *,
    within: tuple[int, int] | None = None,
) -> str:
    """The sentence of ``text`` around ``text[start:end]``, on one line, at most ``width`` long.

    A longer sentence is cut at word boundaries around the wording, with "…" where cut.

    >>> context("First one. China's position is clear. Next.", 11, 36)
    "China's position is clear."
    >>> context("MR. PRICE: We support it. Next.", 14, 24)
    'MR. PRICE: We support it.'
    >>> context("a b c d e f g h i j k l m n o p q r s t u v w x y z. Next.", 24, 25, 20)
    '… i j k l m n o p q …'
    """
    first, last = within or (0, len(text))
    lo, hi = max(first, start - 4 * width), min(last, end + 4 * width)
    # the segmenter's sentences: "MR. PRICE: We ..." is one, not "PRICE: We ..." (a review)
    spans = split_sentences(text, lo, hi, wrapped=True)
    begin = max((a for a, _ in spans if a <= start), default=lo)
    finish = min((b for _, b in spans if b >= end), default=hi)
    if finish - begin <= width:
        return " ".join(text[begin:finish].split())
    room = max(0, width - (end - start)) // 2
    left = max(begin, start - room)
    right = min(finish, end + room)
    if left > begin:
        cut = text.find(" ", left, start)
        left = cut + 1 if cut != -1 else start
    if right < finish:
        cut = text.rfind(" ", end, right)
        right = cut if cut != -1 else end
    pre = "\u2026 " if left > begin else ""
    post = " \u2026" if right < finish else ""
    return pre + " ".join(text[left:right].split()) + post


@dataclass(frozen=True)
class PointHistory:
    """One point as every report shows it, computed once.

    result: the point's occurrences, absences and shifts over the dates reported.
    families: its distinct wordings over those dates, prevailing first, then by use.
    said: each date the point is said on (in the dates reported) with the normalised
        wording of its representative occurrence; the timeline colours and the
        shifts both come from this.
    changes: its changes that matter (in the period, and in default mode earlier ones).
    """

    result: PointResult
    families: tuple[WordingFamily, ...]
    said: tuple[tuple[dt.date, str], ...]
    changes: tuple[KeyChange, ...]

    @property
    def shift_dates(self) -> frozenset[dt.date]:
        return frozenset(s.date for s in self.result.shifts)


@dataclass(frozen=True)
class Analysis:
    """A report's one computation: the period, every point's history, the changes that matter.

    result: what the report's details cover (the period when it was chosen explicitly,
        else the whole archive read).
    changes: every point's changes in :func:`card_order`: those in the period by
        :data:`KIND_ORDER`, then date; the earlier ones newest first.
    """

    result: TrackResult
    period: ReportPeriod
    points: tuple[PointHistory, ...]
    changes: tuple[KeyChange, ...]
    quiet: tuple[tuple[str, dt.date], ...] = ()
    """The near misses of watched points that stand instead of the formula in the period
    on too few dates for a card (see :func:`with_near_misses`), by point id and date."""

    @property
    def in_period(self) -> tuple[KeyChange, ...]:
        return tuple(c for c in self.changes if c.in_period)

    @property
    def earlier(self) -> tuple[KeyChange, ...]:
        return tuple(c for c in self.changes if not c.in_period)


def short_baseline(period: ReportPeriod) -> str | None:
    """A note when the baseline has fewer dates than the period it is compared with, and
    too few for any point to be regular in it (:data:`REGULAR_DATES`): no wording is
    usual there, most of the period's read as new, and the cards are noise (a review: the
    default month of a five-week archive left one date of baseline, and 24 cards). None
    otherwise."""
    few = min(period.dates, REGULAR_DATES)
    if period.first is None or not 0 < period.baseline_dates < few:
        # none at all: nothing reads as new against it (see :func:`analyse`)
        return None
    return (
        f"the baseline has {_plural(period.baseline_dates, 'date')} before the period's "
        f"{period.dates}: against so few, most wordings read as new; choose a period with "
        "--since or --baseline-until"
    )


def restrict(
    result: TrackResult,
    first: dt.date | None,
    last: dt.date | None,
    *,
    tokeniser: Tokeniser | None = None,
) -> TrackResult:
    """``result`` with only the documents, occurrences and shifts dated ``first``..``last``.

    A shift on the period's first date with the point still compares with the
    baseline's last wording: that is what changed.
    """

    def inside(d: dt.date) -> bool:
        return (first is None or d >= first) and (last is None or d <= last)

    docs = tuple(d for d in result.documents if inside(d.date))
    keep = {d.id for d in docs}
    points = []
    for p in result.points:
        occs = tuple(o for o in p.occurrences if inside(o.date))
        points.append(
            PointResult(
                point=p.point,
                occurrences=occs,
                absent=tuple(a for a in p.absent if a in keep),
                wordings=tuple(wordings(occs, tokeniser=tokeniser)),
                shifts=tuple(s for s in p.shifts if inside(s.date)),
            )
        )
    return TrackResult(documents=docs, points=tuple(points))


def choose_period(
    documents: Sequence[Document],
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    baseline_until: dt.date | None = None,
    period_days: int = DEFAULT_PERIOD_DAYS,
) -> tuple[dt.date | None, dt.date | None, ReportPeriod]:
    """The period's bounds and its description, from the options and the documents' dates.

    ``since`` starts the period; else the day after ``baseline_until``; else the
    period is the last ``period_days`` days up to the latest briefing. The
    baseline is every date before the period (up to ``baseline_until`` if given).
    """
    all_dates = sorted({d.date for d in documents if until is None or d.date <= until})
    explicit = since is not None or baseline_until is not None
    if since is not None:
        start: dt.date | None = since
    elif baseline_until is not None:
        start = baseline_until + dt.timedelta(days=1)
    elif all_dates:
        start = all_dates[-1] - dt.timedelta(days=period_days - 1)
    else:
        start = None
    end = until if until is not None else (all_dates[-1] if all_dates else None)
    inside = [d for d in all_dates if start is None or d >= start]
    base = [
        d
        for d in all_dates
        if start is not None and d < start and (baseline_until is None or d <= baseline_until)
    ]
    period = ReportPeriod(
        first=inside[0] if inside else None,
        last=inside[-1] if inside else None,
        dates=len(inside),
        baseline_first=base[0] if base else None,
        baseline_last=base[-1] if base else None,
        baseline_dates=len(base),
        explicit=explicit,
    )
    return start, end, period


def _most_common_text(occs: Sequence[Occurrence]) -> str:
    counts = Counter(o.text for o in occs)
    best = max(counts.values())
    return next(o.text for o in occs if counts[o.text] == best)


def cached_normaliser(tokeniser: Tokeniser | None = None) -> Callable[[str], str]:
    """:func:`normalise` with ``tokeniser``, remembering each text's form (reports ask often)."""
    cache: dict[str, str] = {}

    def norm(text: str) -> str:
        found = cache.get(text)
        if found is None:
            found = cache[text] = normalise(text, tokeniser=tokeniser)
        return found

    return norm


def families(
    point: PointResult,
    *,
    baseline: frozenset[str] = frozenset(),
    has_baseline: bool = False,
    tokeniser: Tokeniser | None = None,
    norm: Callable[[str], str] | None = None,
) -> tuple[WordingFamily, ...]:
    """The point's distinct wordings with their use, the prevailing one first.

    ``baseline`` holds the normalised wordings used before the period; a family
    is ``new`` when there is a baseline and it is not in it.
    """
    norm = norm or cached_normaliser(tokeniser)
    groups: dict[str, list[Occurrence]] = {}
    for occ in point.occurrences:
        groups.setdefault(norm(occ.text), []).append(occ)
    total = len(point.occurrences)
    canonical = norm(point.point.text)
    aliases = {norm(a) for a in point.point.aliases}

    def rank(item: tuple[str, list[Occurrence]]) -> tuple[int, int, int, str]:
        key, occs = item
        return (-len({o.date for o in occs}), -len(occs), occs[0].date.toordinal(), key)

    ordered = sorted(groups.items(), key=rank)
    out = []
    for k, (key, occs) in enumerate(ordered):
        form = "canonical" if key == canonical else "alias" if key in aliases else None
        n_dates = len({o.date for o in occs})
        new = has_baseline and key not in baseline
        out.append(
            WordingFamily(
                text=_most_common_text(occs),
                normalised=key,
                first=occs[0].date,
                last=occs[-1].date,
                dates=n_dates,
                count=len(occs),
                share=round(len(occs) / total, 4),
                prevailing=k == 0,
                form=form,
                one_off=n_dates == 1 and k != 0 and form is None and not new,
                new=new,
            )
        )
    return tuple(out)


def takeovers(
    seq: Sequence[str], said: Sequence[Collection[str]] | None = None
) -> list[tuple[int, str, str]]:
    """Where a new wording takes over: ``(index, old, new)`` over a point's dates in order
    (``seq``: each date's wording; ``said``: every wording said on each date, when a date
    may say more than one).

    At date *i*, wording *new* takes over from *old* when *old* held the line
    (said on at least :data:`TAKEOVER_SHARE` of the dates since the last
    take-over, or the start, and on at least :data:`TAKEOVER_MIN_DATES`), and
    *new*, said at *i*, holds it over as many dates from *i* on (or all the
    rest, when fewer are left): the longer the old wording held, the longer
    the new one must hold to replace it. Alternating wordings (half each) or a
    variant that comes and goes never do. On the point's last dates, fewer than
    :data:`TAKEOVER_MIN_DATES`, a new wording said on every one of them,
    :data:`TAKEOVER_END_DATES` or more, has taken over so far (review 64: five formulas
    changed three weeks before a weekly archive's last month, and said since only in
    their new wording, had no card), unless said on :data:`TAKEOVER_MIN_DATES` dates or
    more before: a wording used all along, said three times running at the end, is
    chance, not a new line (review 97: "in kind" and "accordingly" alternating over 17
    dates, the last three "accordingly").

    >>> takeovers(list("aaaaabbbbb")), takeovers(list("aaaaaabababbbb"))
    ([(5, 'a', 'b')], [(8, 'a', 'b')])
    >>> takeovers(list("ab" * 20)), takeovers(list("aaaaaaabb")), takeovers(list("aaabaaab"))
    ([], [], [])
    >>> takeovers(list("aaaaabbbbbbbcccccccccccc"))
    [(5, 'a', 'b'), (12, 'b', 'c')]
    >>> takeovers(list("aaaaaaaabbb")), takeovers(list("aaaaaaaabb"))
    ([(8, 'a', 'b')], [])
    >>> takeovers(list("aaaaaaaabab")), takeovers(list("akkaaaakakakkkaaa"))
    ([], [])

    A wording used before, on :data:`TAKEOVER_MIN_DATES` dates or more, that holds the
    archive's last dates, fewer than the old one held, has taken over only where said on
    every one of them: an old variant said on five of the last six is chance.

    >>> takeovers(list("aabaaabaaaabaaaabaaaaabaaaaaabbbbab"))
    []
    >>> takeovers(list("aabaaabaaaabaaaabaaaaabaaaaaabbbbbb"))
    [(29, 'a', 'b')]

    The old wording gives way, too: from *i* on it is said on a third of the dates at
    most (see :func:`_gave_way`), beside the new one or not: a date that says both still
    says the old (review 152: "please follow the Ministry's website *for updates*" took
    over, the card said, where the old wording went on on 5 of the next 7 dates, 3 of
    them after the new one in the same briefing).

    >>> takeovers(list("aaaaabbbbb"), [{"a"}] * 5 + [{"b"}, {"a", "b"}] + [{"b"}] * 3)
    [(5, 'a', 'b')]
    >>> takeovers(list("aaaaabbbbb"), [{"a"}] * 5 + [{"a", "b"}] * 4 + [{"b"}])
    []
    """
    where: dict[str, list[int]] = {}
    for i, one in enumerate(seq):
        where.setdefault(one, []).append(i)
    anywhere: dict[str, list[int]] = where
    if said is not None:
        anywhere = {}
        for i, ones in enumerate(said):
            for one in ones:
                anywhere.setdefault(one, []).append(i)
    out: list[tuple[int, str, str]] = []
    before: Counter[str] = Counter()
    start = 0
    for i, now in enumerate(seq):
        if before:
            old, count = before.most_common(1)[0]
            span = i - start
            stop = min(len(seq), i + span)
            used = bisect.bisect_left(where[now], stop) - bisect.bisect_left(where[now], i)
            rest = len(seq) - i
            known = bisect.bisect_left(where[now], i) >= TAKEOVER_MIN_DATES
            if (
                now != old
                and count >= TAKEOVER_SHARE * span
                and count >= TAKEOVER_MIN_DATES
                and used >= TAKEOVER_SHARE * (stop - i)
                # a wording used before, on the archive's last dates, fewer than the old
                # one held: on every one of them (review 158: said on 16 of 74 dates,
                # then on 5 of the last 6, was carded as the new line)
                and (stop - i >= span or not known or used == stop - i)
                and _gave_way(anywhere.get(old, where[old]), i, len(seq))
                and (
                    used >= TAKEOVER_MIN_DATES
                    or (
                        rest < TAKEOVER_MIN_DATES
                        and used == rest >= TAKEOVER_END_DATES
                        and bisect.bisect_left(where[now], i) < TAKEOVER_MIN_DATES
                    )
                )
            ):
                out.append((i, old, now))
                before = Counter()
                start = i
        before[now] += 1
    return out


def _lines(
    keys: Sequence[str],
    others: Iterable[str],
    light: Callable[[str], bool],
    prefixes: Collection[str],
    same: Collection[str],
    endings: Collection[str],
) -> dict[str, str]:
    """Each wording of ``keys`` (a point's, one per date) and of ``others`` (its other
    occurrences') mapped to the line it says: the wording of ``keys`` said on the most
    dates, :data:`TAKEOVER_MIN_DATES` or more (a line's least), that it differs from in
    grammar only (see :func:`grammar_only`), else itself. A line holds through its
    grammar: "the goals of the special military operation will be achieved", said beside
    "goals of the ..." on a quarter of its dates, held the line that "... will *certainly*
    be achieved" took over (review 160: no card, the old wording alone on 57 % of the
    dates before). Only wordings said that often are lines to join: read against every
    other, a point of 5,000 dates and hundreds of one-off wordings took seconds."""
    counts = Counter(keys)
    heads: list[tuple[str, list[str]]] = []
    out: dict[str, str] = {}

    def head_of(key: str) -> str | None:
        words = key.split()
        return next(
            (
                h
                for h, said in heads
                if grammar_only(words, said, light, prefixes, same=same, endings=endings)
            ),
            None,
        )

    for key in sorted(counts, key=lambda k: (-counts[k], k)):
        head = head_of(key)
        if head is None and counts[key] >= TAKEOVER_MIN_DATES:
            heads.append((key, key.split()))
        out[key] = head or key
    for key in sorted(set(others) - out.keys()):
        out[key] = head_of(key) or key
    return out


def _gave_way(positions: Sequence[int], i: int, n: int) -> bool:
    """Whether a wording said at ``positions`` (of ``n`` dates) is said from date ``i`` on
    on a third of them at most (1 - :data:`TAKEOVER_SHARE`): what a new wording took over
    from gave way to it. Two wordings alternating by chance, one holding five of seven
    dates, then the other five of the next seven, then the first again (review 99: "in
    kind" and "accordingly"), take over from nothing."""
    after = len(positions) - bisect.bisect_left(positions, i)
    return after <= (1 - TAKEOVER_SHARE) * (n - i)


def _lone_start(positions: Sequence[int]) -> int:
    """How many of a point's first dates (archive positions) stand alone before it is said
    regularly: each followed by a silence of :data:`RARE_FACTOR` times the mean gap of the
    dates after it, which are :data:`REGULAR_DATES` or more. "public health and food
    security" once in December 2018 is not the start of "public health security", said on
    57 dates from February 2020 (a review: a "new point" card dated 2018-12-03)."""
    k = 0
    while len(positions) - k - 1 >= REGULAR_DATES and positions[k + 1] - positions[
        k
    ] >= RARE_FACTOR * _mean_gap(positions[k + 1 :]):
        k += 1
    return k


def _mean_gap(positions: Sequence[int]) -> float:
    """Mean number of archive dates from one use to the next (1 when said once)."""
    if len(positions) < 2:
        return 1.0
    return (positions[-1] - positions[0]) / (len(positions) - 1)


_CLAUSE_MARK = re.compile(r"[,.;:!?\u2014\u3001\uff0c\u3002\uff1b\uff1a\uff01\uff1f\n]")
"""What ends a clause between a wording and the words before or after it."""


def _neighbours(
    doc: Document, occurrence: Occurrence, extra: int, step: int, tokeniser: Tokeniser | None
) -> tuple[str, list[Token]]:
    """The words right before (``step`` -1) or after (+1) an occurrence in its clause and
    turn, at most ``extra`` of them, and the stretch of text they were read from."""
    text = doc.text
    span = turn_span(doc, occurrence.start, occurrence.end) or (0, len(text))
    if step < 0:
        lo = max(span[0], occurrence.start - 20 * extra)
        head = text[lo : occurrence.start]
        cut = max((m.end() for m in _CLAUSE_MARK.finditer(head)), default=0)
        words = tokenise(head[cut:], lo + cut, tokeniser=tokeniser)
        return text, (words[-min(len(words), extra) :] if words else [])
    hi = min(span[1], occurrence.end + 20 * extra)
    tail = text[occurrence.end : hi]
    stop = _CLAUSE_MARK.search(tail)
    words = tokenise(
        tail[: stop.start() if stop else len(tail)], occurrence.end, tokeniser=tokeniser
    )
    return text, words[: min(len(words), extra)]


def _said_around(
    before: str, occurrence: Occurrence, doc: Document, tokeniser: Tokeniser | None
) -> str:
    """The occurrence's text, widened over the words right before (and after) it in its
    clause that the wording it is shown against (``before``) has there: a card compares
    the two, and a span that stops short of words the sentence says read them as dropped.
    "a *manifestation of* the aggressive Russophobic policy of the Baltic authorities",
    found as the alias "the aggressive Russophobic policy ...", shown against
    "manifestation of the aggressive Russophobic course of the current Baltic
    authorities", reads `manifestation of the aggressive Russophobic {-course-}{+policy+}
    of the {-current-} Baltic authorities`, not `{-manifestation of-} the aggressive ...`
    (review 99). The widest reach that leaves the fewest words dropped and put in; the
    text itself where none leaves fewer."""
    old = [t.text for t in tokenise(before, tokeniser=tokeniser)]
    new = [t.text for t in tokenise(occurrence.text, tokeniser=tokeniser)]
    least = Indel.distance(old, new)
    if not least or not old:
        return occurrence.text
    text, lead = _neighbours(doc, occurrence, len(old), -1, tokeniser)
    start, head = occurrence.start, []
    for j in range(1, len(lead) + 1):
        words = [t.text for t in lead[-j:]]
        cost = Indel.distance(old, words + new)
        if cost < least:
            least, start, head = cost, lead[-j].start, words
    missing = len(old) - len(new)
    if not head and lead and 0 < missing <= len(lead) and old[missing:] == new:
        # the word right before it stands for the wording's first words it lacks, as the
        # engine's edge replacement reads one: "中国将*稳步*推进高水平对外开放" against
        # 坚定不移推进... is `{-坚定不移-}{+稳步+}推进...`, not the adverb dropped (review 150)
        word = lead[-1].text
        if is_rare(word) and word not in old and may_stand_for(word, old[missing - 1]):
            start = lead[-1].start
    _, trail = _neighbours(doc, occurrence, len(old), +1, tokeniser)
    end = occurrence.end
    for j in range(1, len(trail) + 1):
        cost = Indel.distance(old, head + new + [t.text for t in trail[:j]])
        if cost < least:
            least, end = cost, trail[j - 1].end
    return text[start:end]


def _with_words_in_place(
    before: str,
    occurrence: Occurrence,
    latest: Occurrence,
    docs: Mapping[str, Document],
    *,
    tokeniser: Tokeniser | None,
    said: Sequence[Occurrence] = (),
) -> str:
    """``before`` with the words its ``occurrence`` had where the new wording (said at
    ``latest``) says more: a wording that is the new one without its first (or last)
    words was said after (or before) other words of the same clause, which the new ones
    replace. Review 91: "{+The onus is on+}
    Pakistan to take ..." took over from "Pakistan to take ...", said after "It is for",
    "It is incumbent upon": the card reads `{-It is for-}{+The onus is on+} Pakistan ...`.
    Only where the new one (``latest``) opens (or closes) its clause, and the old one did
    not: what opened the old clause is what the new words stand for; where other words
    stand there beside the new wording too, the new words are put in
    ("违背*国际法和*国际关系基本准则" after "违背国际关系基本准则"); so they are where the old
    wording opened its clause on one of its dates, ``said`` (review 143: "就是*要*办好人民
    满意的教育" on the last date of "办好人民满意的教育", which opened its clause on others,
    read `{-要-}{+努力+}办好……`: 努力 is put in). ``before`` otherwise."""
    after = latest.text
    old = [t.text for t in tokenise(before, tokeniser=tokeniser)]
    new = [t.text for t in tokenise(after, tokeniser=tokeniser)]
    doc, now = docs.get(occurrence.document), docs.get(latest.document)
    if doc is None or now is None or not old or len(new) <= len(old):
        return before
    extra = len(new) - len(old)
    if new[extra:] == old:
        step = -1
    elif new[: len(old)] == old:
        step = 1
    else:
        return before
    text, words = _neighbours(doc, occurrence, extra, step, tokeniser)
    _, beside = _neighbours(now, latest, 1, step, tokeniser)
    if not words or beside:
        return before
    for other in said:
        there = docs.get(other.document)
        if there is not None and not _neighbours(there, other, 1, step, tokeniser)[1]:
            return before
    if step < 0:
        return text[words[0].start : occurrence.end]
    return text[occurrence.start : words[-1].end]


def _plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def _point_changes(
    point: PointResult,
    archive: Sequence[dt.date],
    start: dt.date | None,
    end: dt.date | None,
    docs: dict[str, Document],
    *,
    tokeniser: Tokeniser | None,
    norm: Callable[[str], str],
    told_inside: Callable[[Occurrence], bool] = lambda occ: False,
) -> list[KeyChange]:
    """Every change that matters of one point over the whole archive read
    (``told_inside``: see :class:`_Inside`)."""
    if not point.occurrences:
        return []
    reps = representatives(point.occurrences)
    days = sorted(reps)
    keys = [norm(reps[d].text) for d in days]
    position = {d: k for k, d in enumerate(archive)}
    where = [position[d] for d in days]

    def in_period(d: dt.date) -> bool:
        return (start is None or d >= start) and (end is None or d <= end)

    prefixes = named_words(tokeniser, "negating_prefixes")

    light = grammar_word(tokeniser)
    same = named_words(tokeniser, "and_words")
    owned = named_words(tokeniser, "possessive_endings")

    def make(kind: KeyChangeKind, occ: Occurrence, before: str | None, evidence: str) -> KeyChange:
        doc = docs.get(occ.document)
        after = occ.text
        if before is not None and doc is not None:
            after = _said_around(before, occ, doc, tokeniser)
        return KeyChange(
            kind=kind,
            point=point.point.id,
            date=occ.date,
            document=occ.document,
            line=occ.line,
            before=before,
            after=after,
            diff=word_diff(before, after, tokeniser=tokeniser) if before is not None else "",
            evidence=evidence,
            context=document_context(doc, occ.start, occ.end) if doc else one_line(occ.text),
            in_period=in_period(occ.date),
        )

    def text_of(key: str, upto: int, keys: Sequence[str] = keys) -> str:
        return _most_common_text(
            [reps[d] for d, k in zip(days[:upto], keys[:upto], strict=True) if k == key]
        )

    said_on: dict[dt.date, set[str]] = {}
    for o in point.occurrences:
        said_on.setdefault(o.date, set()).add(norm(o.text))
    line = _lines(keys, set().union(*said_on.values()), light, prefixes, same, owned)
    lines = [line[k] for k in keys]
    present = {d: {line[k] for k in said} for d, said in said_on.items()}
    out = []
    start_of = 0
    for i, old, new in takeovers(lines, [present[d] for d in days]):
        if grammar_only(new.split(), old.split(), light, prefixes, same=same, endings=owned):
            # grammar taking over is no new line: "{-forcing-}{+forced+} the main hospital"
            # (review 154: two such cards headed a report), as a new wording grammar apart
            # from one used before is none
            start_of = i
            continue
        if told_inside(reps[days[i]]):
            # the line said inside it is another point's, said before (see _Inside)
            start_of = i
            continue
        span = i - start_of
        window = lines[i : i + span]
        last_old = next(reps[days[j]] for j in range(i - 1, -1, -1) if lines[j] == old)
        change = make(
            KeyChangeKind.TAKEOVER,
            reps[days[i]],
            _with_words_in_place(
                text_of(old, i, lines),
                last_old,
                reps[days[i]],
                docs,
                tokeniser=tokeniser,
                said=[reps[days[j]] for j in range(i) if lines[j] == old],
            ),
            f"then said on {window.count(new)} of the point's next {len(window)} dates; "
            f"the wording before on {lines[start_of:i].count(old)} of the {span} before",
        )
        # a wording holds the line once said on TAKEOVER_MIN_DATES dates (or on all the
        # point's last ones): one that came to hold it in the period is the period's news,
        # first said before it or not (review 64: "zero tolerance for {-terrorism-}
        # {+extremism+} ...", from a week before a weekly archive's last month)
        uses = [d for d, k in zip(days[i:], lines[i:], strict=True) if k == new]
        held = uses[min(TAKEOVER_MIN_DATES, len(uses)) - 1]
        news = in_period(held) and change.date <= held
        if news and not in_period(change.date):
            # a card dated before the period it is listed under says why (review 102)
            change = replace(
                change, evidence=f"{change.evidence}; it held the line from {held.isoformat()}"
            )
        out.append(replace(change, in_period=news))
        start_of = i
    gap = _mean_gap(where)
    lone = _lone_start(where)
    said_from = where[lone] - (where[lone - 1] + 1 if lone else 0)
    rest = _mean_gap(where[lone:])
    if said_from >= RARE_FACTOR * rest and where[lone] > 0:
        # a point said once long before is "said before only on ...", never "first said"
        # (review 67 read "first said ... (before that only on 2018-12-03)" as a
        # contradiction)
        opening = (
            f"said before only on {', '.join(d.isoformat() for d in days[:lone])}, then not on "
            f"the next {_plural(said_from, 'date')} with briefings; from here"
            if lone
            else f"first said after {_plural(said_from, 'date')} with briefings without it; then"
        )
        out.append(
            make(
                KeyChangeKind.NEW_POINT,
                reps[days[lone]],
                None,
                f"{opening} on {_plural(len(days) - lone, 'date')}, about every "
                f"{rest:.1f} dates with briefings",
            )
        )
    silence = len(archive) - 1 - where[-1]
    if len(days) >= REGULAR_DATES and silence >= RARE_FACTOR * gap:
        clear = archive[where[-1] + math.ceil(RARE_FACTOR * gap)]
        change = make(
            KeyChangeKind.STOPPED,
            reps[days[-1]],
            None,
            f"said on {len(days)} dates, about every {gap:.1f} dates with briefings, "
            f"then not on the {_plural(silence, 'date')} after {days[-1].isoformat()}",
        )
        out.append(replace(change, in_period=in_period(clear)))
    if start is not None and where[0] < position.get(start, len(archive)):
        base = [k for d, k in zip(days, keys, strict=True) if d < start]
        if base:
            counts = Counter(base)
            said_before = Counter(
                key
                for _, key in {(o.date, norm(o.text)) for o in point.occurrences if o.date < start}
            )
            taken = {norm(c.after) for c in out if c.kind is KeyChangeKind.TAKEOVER and c.in_period}
            last_said: dict[str, Occurrence] = {}
            for o in sorted(point.occurrences, key=lambda o: (o.date, o.document, o.start)):
                if o.date < start:
                    last_said[norm(o.text)] = o
            base_days = [d for d in days if d < start]
            seen: set[str] = set()
            in_dates = [d for d in days if in_period(d)]
            # every occurrence of the period, not only each date's best: a second new
            # wording said the same day ("an *unwavering* commitment ..." beside "...
            # defence ...") is news too (a review)
            said = [o for o in point.occurrences if in_period(o.date)]
            said.sort(key=lambda o: (o.date, o.document, o.start))
            dates_of: dict[str, set[dt.date]] = {}
            for o in said:
                dates_of.setdefault(norm(o.text), set()).add(o.date)
            carded: list[str] = []
            for occ in said:
                key = norm(occ.text)
                if key in seen:
                    continue
                seen.add(key)
                if key in taken:
                    continue
                # grammar apart from a new wording carded earlier in the period, it says
                # nothing new: "*the* vision of a shared future" after "*a* vision of a
                # shared future" (a review); nor apart from one used before, unless the
                # point had left it (BACK_SHARE): "深入地交换了意见" is no card against
                # 问题深入交换了意见 ({-问题-}) beside 深入交换意见
                words = key.split()
                if any(
                    grammar_only(
                        words, w.split(), light, prefixes, swapped=True, same=same, endings=owned
                    )
                    for w in carded
                ):
                    continue
                earlier = [
                    last_said[w]
                    for w in last_said
                    if w == key
                    or grammar_only(words, w.split(), light, prefixes, same=same, endings=owned)
                ]
                back = max(earlier, key=lambda o: o.date) if earlier else None
                since = sum(1 for d in base_days if back is not None and d > back.date)
                if back is not None and since < max(REGULAR_DATES, BACK_SHARE * len(base_days)):
                    continue
                formula = norm(point.point.text).split()
                if (
                    edge_slot(words, counts)
                    or middle_slot(words, counts, formula, light)
                    or head_slot(words, counts, light)
                ):
                    continue
                # said inside a wording carded earlier in the period, its change is told:
                # "protecting the {~freedoms and~} rights of our compatriots abroad" after
                # "The Ministry attaches great importance to protecting the {~freedoms
                # and~} rights ..." (review 61: two cards, one change)
                if any(f" {key} " in f" {c} " for c in carded):
                    continue
                near = nearest(key, counts, norm(point.point.text))
                before = text_of(near, len(base))
                if any(
                    _slot_swapped(form, before, occ.text, light, tokeniser)
                    for form in (point.point.text, *point.point.aliases)
                ):
                    # only the topic in a slot inside the formula changed: "China's
                    # position on the issue of {-Nagorno-Karabakh-}{+5G technology+} is
                    # clear and consistent" (a review; check's "slot" kind, not failing by
                    # default), read against any of its wordings: "两国{-元首-}{+领导人+}"
                    # of an alias hid the slot of 两国领导人就{...}达成重要共识 (review 114)
                    continue
                if told_inside(occ):
                    continue
                carded.append(key)
                opening = (
                    "not used before the period, when the point was said on "
                    f"{_plural(len(base), 'date')}, "
                    if back is None
                    else f"not used since {back.date.isoformat()} (“{one_line(back.text)}”), "
                    f"the point said without it on the {_plural(since, 'date')} after that "
                    f"before the period, {len(base)} in all, "
                )
                out.append(
                    make(
                        KeyChangeKind.NEW_WORDING,
                        occ,
                        before,
                        opening
                        + _against(near, said_before)
                        + f"; in the period on {len(dates_of[key])} of its "
                        f"{len(in_dates)} dates",
                    )
                )
    return out


def _against(near: str, said_before: Counter[str]) -> str:
    """What a new wording's card says of the wording it is shown against (``near``): on how
    many dates before the period it was said, and whether it was the usual one (said on
    the most dates). Every date that says a wording counts, as in the report's Wordings
    (a review: "21 with its usual wording" counted the dates each date's best match had
    it, where the Wordings said 41)."""
    most = max(said_before.values())
    if said_before[near] == most:
        return f"{said_before[near]} of them in the wording it is shown against, its usual one"
    return (
        f"{most} of them in its usual wording; shown against the closest wording used then "
        f"(on {said_before[near]} of those dates)"
    )


def _slot_swapped(
    form: str, before: str, now: str, light: Callable[[str], bool], tokeniser: Tokeniser | None
) -> bool:
    """Whether ``before`` and ``now`` are the wording ``form`` with the same slots filled by
    other topics (see :func:`~consistency.diff.slotted`)."""
    was, was_in = slotted(form, before, tokeniser=tokeniser)
    now_words, now_in = slotted(form, now, tokeniser=tokeniser)
    return was == now_words and all(
        _topic_swapped(a, b, light) for a, b in zip(was_in, now_in, strict=True)
    )


def _topic_swapped(old: Sequence[str], new: Sequence[str], light: Callable[[str], bool]) -> bool:
    """Whether a slot of a formula filled with ``old`` words, then ``new`` ones, holds
    another topic: the same words, or each side with content words the other lacks. A slot
    of grammar filled with content, or content dropped or put in beside what stood there,
    is the formula's drift: 提出{-了-}{+强烈抗议和+}严正交涉 ("a strong protest and"
    stern representations), 美方应{-切实-}恪守 ("earnestly" gone)."""
    if tuple(old) == tuple(new):
        return True
    was = {w for w in old if not light(w)}
    now = {w for w in new if not light(w)}
    return bool(was - now) and bool(now - was)


def edge_slot(new: Sequence[str], earlier: Mapping[str, int]) -> bool:
    """Whether wording ``new`` (words) only puts another word first where the wordings used
    before (normalised, with their dates) had two others or more, each on two dates or
    more, the rest the same: "{-country-}{+Moscow+} remains open to a political and
    diplomatic settlement of the conflict" against "country remains open ..." and "Russia
    remains open ..." is the line said of another subject, no new wording of it (review
    61: a card). A word said first on one date alone proves no slot: an edge read once,
    a verb taking the formula (把这项工作*放在*推进健康中国建设的大局中 made
    "{-全面-}{+加快+}推进健康中国建设" another first word: review 141). Nor do two forms
    of one word, spelled alike: 坚定不移 and 坚定 ("unswervingly", "firmly") are the formula's
    own adverb, and "{-坚定不移-}{+稳步+}推进高水平对外开放" is news (review 150: no card, the
    gate failed on it). Only the first
    word: the last is what the formula says ("中方对此表示强烈{-不满-}{+谴责+}",
    dissatisfaction turned into condemnation, is news however many words stood there
    before)."""
    if len(new) < 2:
        return False
    fillers: Counter[str] = Counter()
    for wording, dates in earlier.items():
        words = wording.split()
        if len(words) == len(new) and words[1:] == list(new[1:]):
            fillers[words[0]] += dates
    fillers.pop(new[0], None)
    kinds: list[list[str]] = []
    for word in sorted(w for w, n in fillers.items() if n >= SLOT_FILLER_DATES):
        kind = next((k for k in kinds if any(similarity(word, w) for w in k)), None)
        if kind is None:
            kinds.append([word])
        else:
            kind.append(word)
    return len(kinds) >= 2


SLOT_FILLER_DATES = 2
"""On how many dates a word must have filled a place of a formula to show it a slot (see
:func:`edge_slot`)."""


def head_slot(new: Sequence[str], earlier: Mapping[str, int], light: Callable[[str], bool]) -> bool:
    """Whether wording ``new`` (words) only puts other words before a tail that the
    wordings used before (normalised, with their dates) opened with :data:`SLOT_FILLERS`
    different heads or more, no one of them on half those dates, the tail holding two
    content words or more: a closing line said after whatever came before it ("the
    {-weekend-}{+manufacturer+} and we will inform you in good time", review 74: five
    cards heading the headline of a report without a watchlist). A head said mostly
    one way is the formula's own: "{-comprehensively-}{+fully+} and effectively
    implement" is news; so are heads that share a content word, in half of them or
    more: wordings of the formula."""
    tail = 0
    for wording in earlier:
        words = wording.split()
        k = 0
        while k < min(len(words), len(new)) - 1 and words[-1 - k] == new[-1 - k]:
            k += 1
        tail = max(tail, k)
    if tail == 0 or sum(not light(w) for w in new[len(new) - tail :]) < 2:
        return False
    end = list(new[len(new) - tail :])
    fillers: Counter[tuple[str, ...]] = Counter()
    for wording, n in earlier.items():
        words = wording.split()
        if len(words) > tail and words[len(words) - tail :] == end:
            fillers[tuple(words[: len(words) - tail])] += n
    fillers.pop(tuple(new[: len(new) - tail]), None)
    total = sum(fillers.values())
    if len(fillers) < SLOT_FILLERS or 2 * max(fillers.values()) >= total:
        return False
    # heads that share their words are the formula's own wordings ("activities
    # *endangering* ...", "activities that *endanger* ...": MFA), not a slot
    shared = Counter(w for head in fillers for w in set(head) if not light(w))
    return not shared or 2 * max(shared.values()) < len(fillers)


SLOT_FILLERS = 3
"""How many different fillers the wordings used before put between the same words, none
of them on half the dates or more, before :func:`middle_slot` calls that place a slot."""


def middle_slot(
    new: Sequence[str],
    earlier: Mapping[str, int],
    formula: Sequence[str],
    light: Callable[[str], bool],
) -> bool:
    """Whether wording ``new`` (words) only fills a place inside the ``formula`` (its
    words) that the wordings used before (normalised, with their dates) filled with
    :data:`SLOT_FILLERS` different words or more, no one of them on half those dates, the
    words around it holding every content word of the formula: "stop using {-religious
    issues-}{+these matters+} to interfere in China's internal affairs" beside "stop
    using them ...", "... the relevant issues ...", "... this issue ..." (MFA
    2020-07-01, a review). A place filled mostly one way is the formula's own:
    "{-comprehensively-}{+fully+} and effectively implement" is news however many other
    adverbs stood there once; so is a place holding a word of the formula: "activities
    {+in the SAR+} that {-endanger-}{+jeopardize+} China's national security". Each place
    a wording used before leaves between the words it shares with ``new`` is tried, the
    narrowest first: against "memoranda of understanding on youth affairs are expected to
    be signed" alone, "... on {-youth-}{+maritime+} affairs ..." fills a place filled one
    way; the place of "youth affairs", filled with "education", "textiles", ... before, is
    the slot (review 155: the card was the report's only change that matters). The place
    may be the formula's end: "... where ministers would discuss {-the aviation
    sector-}{+the housing shortage+}", its end said 48 ways on 48 dates (review 157: the
    diary's topic headed a report); an end said one way is what the formula says
    ("中方对此表示强烈{-不满-}{+谴责+}")."""
    split = [(w.split(), n) for w, n in earlier.items()]
    frames = [(_frame(new, words), n) for words, n in split if words != list(new)]
    tried: set[tuple[int, int]] = set()
    for (head, tail), _ in sorted(frames, key=lambda f: (sum(f[0]), f[1], f[0]), reverse=True):
        if (head, tail) not in tried and head:
            tried.add((head, tail))
            if _slot_at(new, split, formula, light, head, tail):
                return True
    return False


def _slot_at(
    new: Sequence[str],
    split: Sequence[tuple[list[str], int]],
    formula: Sequence[str],
    light: Callable[[str], bool],
    head: int,
    tail: int,
) -> bool:
    """:func:`middle_slot` at one place: the ``head`` first and ``tail`` last words of
    ``new`` kept, what stands between them the filling (``split``: the wordings used
    before, as words, with their dates)."""
    around = [*new[:head], *new[len(new) - tail :]]
    fillers: Counter[tuple[str, ...]] = Counter()
    for words, n in split:
        if (
            len(words) > head + tail
            and words[:head] == list(new[:head])
            and words[len(words) - tail :] == list(new[len(new) - tail :])
        ):
            fillers[tuple(words[head : len(words) - tail])] += n
    total = sum(fillers.values())

    def one_filling(w: str) -> bool:
        # a word of the formula that fills the place on fewer than half its dates, one
        # filling among others: a discovered "停止利用*涉藏*问题干涉中国内政" beside 涉疆,
        # 涉港, 各种 (review 85: four cards of the topic); not "endanger" of "activities
        # (in the SAR) that endanger ...", said (or "endangering") in most of them
        said = sum(n for f, n in fillers.items() if any(similarity(w, x) for x in f))
        return 0 < 2 * said < total

    # a number of the formula may be the slot: "The project office has {-three-}{+two+}
    # new staff", where the baseline said seven, fifteen, twelve, twenty and six (review
    # 75: a card)
    if any(
        not light(w)
        and not number_word(w)
        and not one_filling(w)
        and not any(similarity(w, a) for a in around)
        for w in formula
    ):
        return False
    fillers.pop(tuple(new[head : len(new) - tail]), None)
    total = sum(fillers.values())
    return len(fillers) >= SLOT_FILLERS and 2 * max(fillers.values()) < total


def _frame(new: Sequence[str], old: Sequence[str]) -> tuple[int, int]:
    """How many words ``new`` and ``old`` share at their start and at their end, a word
    left between them in each."""
    most = min(len(new), len(old)) - 1
    head = 0
    while head < most and new[head] == old[head]:
        head += 1
    tail = 0
    while head + tail < most and new[-1 - tail] == old[-1 - tail]:
        tail += 1
    return head, tail


GRAMMAR_ZIPF = 7.0
"""Words at least this frequent in ordinary language (Zipf, see :mod:`.lexicon`) are pure
grammar: "the", "a", "of", "to", "and", "in", "for", "is"; 的, 是, 了. "only" (6.1) and "all"
(6.5) are not: "the {+only+} right way" is news; nor is a negation, however frequent."""


def grammar_word(tokeniser: Tokeniser | None = None) -> Callable[[str], bool]:
    """The test of a word of pure grammar for :func:`grammar_only`: as common as
    :data:`GRAMMAR_ZIPF`, or a coordinator (one put in or left out joins the same parts:
    "保持冷静{+和+}克制", "keep calm {+and+} restrained", review 66; 和 is just under the
    bar), and no negation."""
    negations = named_words(tokeniser, "negations")
    coordinators = named_words(tokeniser, "coordinators")

    def light(word: str) -> bool:
        return (zipf(word) >= GRAMMAR_ZIPF or word in coordinators) and word not in negations

    return light


def grammar_only(
    new: Sequence[str],
    old: Sequence[str],
    light: Callable[[str], bool],
    prefixes: Collection[str] = frozenset(),
    *,
    swapped: bool = False,
    same: Collection[str] = frozenset(),
    endings: Collection[str] = frozenset(),
) -> bool:
    """Whether wording ``new`` differs from ``old`` only in grammar words (``light``, see
    :data:`GRAMMAR_ZIPF`) put in or left out, and in words spelled alike (not by a prefix:
    "{-official-}{+unofficial+}" is news; nor one cut short, see
    :func:`~consistency.lexicon.cut_short`: "{-坚定不移-}{+坚定+}"): grammar, not the
    line. "basic norms of {+the+} international relations" is no change that matters
    (``--all-shifts`` lists it);
    "mutually beneficial {+and friendly+} cooperation" and "{-the-}{+a+} code of conduct"
    (a function word replaced by another) are. With ``swapped``, grammar words replaced
    by others are grammar too: the same change said again, "*the* vision of a shared
    future" after "*a* vision of a shared future". One word of ``same`` for another is
    grammar (the tokeniser's ``and_words``: 和, 与), and so is a word for itself with one of
    ``endings`` (the tokeniser's ``possessive_endings``: "Hong *Kong's* affairs", review 86:
    a card, where the gate read it as spelled otherwise).

    >>> light = lambda w: w in {"the", "of", "a"}
    >>> grammar_only("norms of the relations".split(), "norms of relations".split(), light)
    True
    >>> grammar_only("a code".split(), "the code".split(), light)
    False
    >>> grammar_only("a code".split(), "the code".split(), light, swapped=True)
    True
    >>> old, new = ["关系", "和", "稳定"], ["关系", "与", "稳定"]
    >>> grammar_only(new, old, light), grammar_only(new, old, light, same={"和", "与"})
    (False, True)
    """
    for op in Levenshtein.opcodes(old, new):
        if op.tag == "equal":
            continue
        gone, come = old[op.src_start : op.src_end], new[op.dest_start : op.dest_end]
        if op.tag == "replace" and swapped and all(light(w) for w in (*gone, *come)):
            continue
        if op.tag == "replace" and all(w in same for w in (*gone, *come)):
            continue
        if op.tag == "replace":
            if len(gone) != len(come) or not all(
                (similarity(a, b) and not prefixed(a, b, prefixes) and not cut_short(a, b))
                or same_number(a, b)
                or any(a == b + e or b == a + e for e in endings)
                for a, b in zip(gone, come, strict=True)
            ):
                return False
        elif not all(light(w) for w in (*gone, *come)):
            return False
    return True


def nearest(key: str, earlier: Counter[str], canonical: str | None = None) -> str:
    """Of the wordings (normalised) used before, the one a new wording ``key`` departs
    from least: the most of its words kept, in order or moved, then the fewest changes
    (words inserted, deleted or replaced, so "for humanity" is one word from "for
    mankind", as from "for"); on a tie the point's ``canonical`` wording, then the nearer
    in length, the more used, alphabetically (see :func:`closeness`). A one-off wording as
    near as the point's own is no better reference: "strengthen multi-agency coordination
    and communication" reads against "strengthen communication and coordination" (18 dates),
    not against "strengthen our emergency communication and coordination" (one), which
    invented "our emergency" replaced (a review).

    A new wording is shown against it, not against the point's usual wording: "Upholding
    the vision of a shared future for mankind" reads as "community with" dropped from
    "the vision of a community with a shared future for mankind", where against the usual
    "community with a shared future" every word around would read as changed.
    """
    words = key.split()

    def rank(k: str) -> tuple[int, int, int, bool, int, int]:
        near = closeness(words, k.split())
        return (near.lost, near.changes, near.grammar_lost, k != canonical, near.apart, -earlier[k])

    return min(sorted(earlier), key=rank)


class Closeness(NamedTuple):
    """How far one wording is from another as a diff reads it; each the smaller the closer."""

    lost: int
    """Content words of the new wording not kept (in order or moved)."""
    changes: int
    """Words inserted, deleted or replaced, and each run moved, as one."""
    grammar_lost: int
    """Words of pure grammar (:data:`GRAMMAR_ZIPF`) of the new wording not kept."""
    apart: int
    """The difference in length."""


def closeness(new: Sequence[str], old: Sequence[str]) -> Closeness:
    """How far wording ``old`` is from ``new`` as a diff reads it (see :class:`Closeness`):
    first the content words of ``new`` lost, then the changes, then its grammar words
    lost, then the difference in length. "the vision of a shared future" keeps all its
    words in "the vision of a community with a shared future" (three deleted), only two
    content words in "the community with a shared future"; "Free Trade Area 4.0" is one
    word from "Free Trade Area 3.0" and from "Free Trade Area", and as long as the first;
    "strengthen coordination and communication" keeps every word of "strengthen
    communication and coordination" (a move, as its diff shows it) and its content words
    in "strengthen multi-agency coordination and communication" (one word deleted), and
    is as long as the first (a review: the swap was shown against the one-off wording, as
    a word dropped). A grammar word kept counts for less than a change: "interests and
    expectations of the two peoples" reads against "interests of the two peoples" (two
    words inserted), not against "interests of the two countries and meets the
    aspirations of the two peoples", which keeps its "and" at the cost of seven changes
    (a review)."""
    runs, new_rest, old_rest = moved_apart(new, old)
    kept = Counter(new) - Counter(new_rest)
    for op in Indel.opcodes(new_rest, old_rest):
        if op.tag == "equal":
            kept.update(new_rest[op.src_start : op.src_end])
    missing = Counter(new) - kept
    grammar = sum(n for w, n in missing.items() if zipf(w) >= GRAMMAR_ZIPF)
    changes = Levenshtein.distance(new_rest, old_rest) + runs
    return Closeness(missing.total() - grammar, changes, grammar, abs(len(new) - len(old)))


def one_line(text: str) -> str:
    """Collapse white-space runs (line breaks included) to single spaces."""
    return " ".join(text.split())


def analyse(
    result: TrackResult,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    baseline_until: dt.date | None = None,
    period_days: int = DEFAULT_PERIOD_DAYS,
    tokeniser: Tokeniser | None = None,
) -> Analysis:
    """Wording families, the reporting period and the changes that matter, once for all formats.

    ``result`` holds every briefing read, the baseline included. With ``since``
    or ``baseline_until`` the details cover the period only (the contract's
    ``--since``); otherwise the whole archive, with the last ``period_days``
    days as the period.
    """
    start, end, period = choose_period(
        result.documents,
        since=since,
        until=until,
        baseline_until=baseline_until,
        period_days=period_days,
    )
    archive = sorted(
        {d.date for d in result.documents} | {o.date for p in result.points for o in p.occurrences}
    )
    if baseline_until is not None:
        archive = [d for d in archive if d <= baseline_until or start is None or d >= start]
    shown = restrict(result, start, end, tokeniser=tokeniser) if period.explicit else result
    norm = cached_normaliser(tokeniser)
    docs = {d.id: d for d in result.documents}
    histories = []
    order = {p.point.id: k for k, p in enumerate(result.points)}
    told_inside = _Inside(result.points, docs, norm)
    every: list[KeyChange] = []
    for full, part in zip(result.points, shown.points, strict=True):
        baseline = frozenset(
            norm(o.text) for o in full.occurrences if start is not None and o.date < start
        )
        fams = families(part, baseline=baseline, has_baseline=period.baseline_dates > 0, norm=norm)
        reps = representatives(part.occurrences)
        said = tuple((d, norm(reps[d].text)) for d in sorted(reps))
        changes = [
            c
            for c in _point_changes(
                full,
                archive,
                start,
                end,
                docs,
                tokeniser=tokeniser,
                norm=norm,
                told_inside=told_inside,
            )
            if c.in_period or (not period.explicit and c.kind is not KeyChangeKind.NEW_WORDING)
        ]
        histories.append(PointHistory(part, fams, said, tuple(changes)))
        every.extend(changes)
    every.sort(key=lambda c: card_order(c, order))
    return Analysis(shown, period, tuple(histories), tuple(_one_card_per_place(every, norm)))


def with_negations(
    analysis: Analysis,
    sayings: Sequence[Saying],
    documents: Sequence[Document],
    result: TrackResult | None = None,
    *,
    tokeniser: Tokeniser | None = None,
) -> Analysis:
    """``analysis`` with a ``negated`` card for each wording of a point said in the period
    with a negation its formula lacks, or without one it has, or word for word after one
    (``sayings``: see :func:`consistency.track.negated_sayings`), unless a briefing before
    the period already said those very words: "we {+no longer+} stand shoulder to
    shoulder with our allies" is the line turned over, which ``track`` never counts and
    a report told nowhere (a review). Such a point has no "no longer said" card dated
    before its negated one: it was not silent. Each card reads against the closest
    wording ``result`` has of the point before the period (see :func:`_saying_card`)."""
    p = analysis.period
    if not sayings or p.first is None or p.last is None:
        return analysis
    norm = cached_normaliser(tokeniser)
    docs = {d.id: d for d in documents}
    dates: dict[tuple[str, str], set[dt.date]] = {}
    first: dict[tuple[str, str], tuple[Saying, Document]] = {}
    for saying in sayings:
        doc = docs[saying.document]
        if not p.first <= doc.date <= p.last:
            continue
        key = (saying.point.id, norm(doc.text[saying.start : saying.end]))
        dates.setdefault(key, set()).add(doc.date)
        first.setdefault(key, (saying, doc))
    cards = []
    earlier = _Earlier([d for d in documents if d.date < p.first], tokeniser)
    earlier_of = _before(result, p.first)
    negations = named_words(tokeniser, "negations")
    for key, (saying, doc) in first.items():
        if earlier.said(key[1]):
            continue
        evidence = (
            f"said {_negated_how(saying.point, negations, tokeniser)}, never before the "
            f"period; in the period on {_plural(len(dates[key]), 'date')}"
        )
        cards.append(
            _saying_card(
                KeyChangeKind.NEGATED, saying, doc, evidence, tokeniser, dates[key], earlier_of
            )
        )
    if not cards:
        return analysis
    negated: dict[str, dt.date] = {}
    for card in cards:
        negated[card.point] = min(card.date, negated.get(card.point, card.date))

    def kept(change: KeyChange) -> bool:
        # a point said negated after it "stopped" was not silent: the line was turned
        # over, which its negated card tells (a review: "no longer said ... not on the 8
        # dates after" beside "we {+do not+} support ..." on two of them)
        said = negated.get(change.point)
        return not (
            change.kind is KeyChangeKind.STOPPED and said is not None and said > change.date
        )

    return _with_cards(analysis, cards, kept)


NEAR_MIN_DATES = 2
"""The fewest dates of the period a near miss stands on, instead of its formula, to have a
card (see :func:`with_near_misses`)."""


def with_near_misses(
    analysis: Analysis,
    sayings: Sequence[Saying],
    documents: Sequence[Document],
    result: TrackResult,
    *,
    tokeniser: Tokeniser | None = None,
) -> Analysis:
    """``analysis`` with a ``near-miss`` card ("said otherwise") for each wording of a
    point (watched or discovered) that ``check`` reports as a near miss (``sayings``: see
    :func:`consistency.check.near.near_sayings`) and that stands *instead of* the formula:
    on :data:`NEAR_MIN_DATES` dates of the period or more, each a date the point is not
    found on, of a point said on :data:`REGULAR_DATES` dates or more before the period, in
    words no briefing before the period said. "Russia {-remains open to-}{+has lost
    interest in+} a political and diplomatic settlement of the conflict" (score 71.3,
    under the threshold 75) on three dates, the formula on none of them: the gate failed
    on it and the report said nothing, the point only absent (review 61). A near miss
    beside the formula on its date, or said once, is the gate's to tell (one said once
    instead of the formula is named in :attr:`Analysis.quiet`): on the MFA corpus
    with ``benchmarks/mfa-points.toml`` the period's nine were such, several noise ("the
    {-principle-}{+success+} of "one country, two systems"")."""
    p = analysis.period
    if not sayings or p.first is None or p.last is None:
        return analysis
    first_day, last_day = p.first, p.last
    norm = cached_normaliser(tokeniser)
    docs = {d.id: d for d in documents}
    found: dict[str, set[dt.date]] = {}
    for point in result.points:
        found[point.point.id] = {o.date for o in point.occurrences}
    dates: dict[tuple[str, str], set[dt.date]] = {}
    first: dict[tuple[str, str], tuple[Saying, Document]] = {}
    for saying in sayings:
        doc = docs[saying.document]
        said = found.get(saying.point.id, set())
        if not first_day <= doc.date <= last_day or doc.date in said:
            continue
        if sum(d < first_day for d in said) < REGULAR_DATES:
            continue
        key = (saying.point.id, norm(doc.text[saying.start : saying.end]))
        dates.setdefault(key, set()).add(doc.date)
        first.setdefault(key, (saying, doc))
    earlier = _Earlier([d for d in documents if d.date < first_day], tokeniser)
    earlier_of = _before(result, first_day)
    cards = []
    quiet: set[tuple[str, dt.date]] = set()
    for key, (saying, doc) in first.items():
        if earlier.said(key[1]):
            continue
        if len(dates[key]) < NEAR_MIN_DATES:
            # no card, but named (review 81: "the green and digital {-transition-}{+
            # transformation+}", said once, was in no part of the report)
            quiet.update((saying.point.id, day) for day in dates[key])
            continue
        before = sum(d < first_day for d in found[saying.point.id])
        evidence = (
            f"a near miss, not counted as the point ({saying.why}); said so on "
            f"{_plural(len(dates[key]), 'date')} of the period, the point on none of them; "
            f"the point was said on {_plural(before, 'date')} before the period"
        )
        cards.append(
            _saying_card(
                KeyChangeKind.NEAR_MISS, saying, doc, evidence, tokeniser, dates[key], earlier_of
            )
        )
    analysis = replace(analysis, quiet=tuple(sorted(quiet, key=lambda q: (q[1], q[0]))))
    if not cards:
        return analysis
    return _with_cards(analysis, cards, lambda change: True)


def _before(result: TrackResult | None, first: dt.date) -> dict[str, list[Occurrence]]:
    """Each point's occurrences in ``result`` dated before ``first``, by point id."""
    if result is None:
        return {}
    return {p.point.id: [o for o in p.occurrences if o.date < first] for p in result.points}


def _negated_how(point: Point, negations: Collection[str], tokeniser: Tokeniser | None) -> str:
    """How a point was said negated, for its card: without the negation its formula has,
    or with one it lacks (put in, or said right before it), as ``check`` tells it (a
    fresh-clone trial: the card named all three ways at once)."""
    own = any(t.text in negations for t in tokenise(point.text, tokeniser=tokeniser))
    return "without the negation the formula has" if own else "with a negation the formula lacks"


def _saying_card(
    kind: KeyChangeKind,
    saying: Saying,
    doc: Document,
    evidence: str,
    tokeniser: Tokeniser | None,
    dates: Collection[dt.date] = (),
    earlier: Mapping[str, Sequence[Occurrence]] | None = None,
) -> KeyChange:
    """The card of a point said in the period in words ``track`` does not count as its
    wording (``saying``, in ``doc``, and so on ``dates``), diffed against the closest
    wording of the point's occurrences before the period (``earlier``, by point id: see
    :func:`nearest`), else the formula's text. Review 83: "keeping the lines of
    communication open", a discovered point's text said on 15 dates, "keep ..." on 19,
    read `{-keeping-}{+no longer keep+} the lines ...` where only "no longer" was new."""
    said = doc.text[saying.start : saying.end]
    reference = saying.point.text
    before = (earlier or {}).get(saying.point.id, ())
    if before:
        norm = cached_normaliser(tokeniser)
        counts = Counter(k for _, k in {(o.date, norm(o.text)) for o in before})
        near = nearest(norm(said), counts, norm(reference))
        reference = _most_common_text([o for o in before if norm(o.text) == near])
    return KeyChange(
        kind=kind,
        point=saying.point.id,
        date=doc.date,
        document=doc.id,
        line=doc.line_col(saying.start)[0],
        before=reference,
        after=said,
        diff=word_diff(reference, said, tokeniser=tokeniser),
        evidence=evidence,
        context=document_context(doc, saying.start, saying.end),
        in_period=True,
        said_on=(doc.date, *sorted(set(dates) - {doc.date})),
    )


class _Earlier:
    """The briefings before a period, to ask whether one of them said a wording: each is
    normalised only when its text, folded by the normaliser's character rules and with
    everything but letters and digits left out, holds the wording's longest word of ASCII
    letters and digits (one no contraction stands for): normalisation never makes such a
    word up. Normalising them all took 1.4 s on the 476 MFA briefings before June 2020."""

    def __init__(self, documents: Sequence[Document], tokeniser: Tokeniser | None) -> None:
        self.documents = documents
        self.tokeniser = tokeniser
        self._folded: list[str] | None = None
        self._normalised: dict[int, str] = {}

    def said(self, key: str) -> bool:
        """Whether a briefing says the normalised wording ``key``."""
        plain = [w for w in key.split() if _PROBE.fullmatch(w) and w not in CONTRACTED_WORDS]
        probe = max(plain, key=len) if plain else ""
        if probe and self._folded is None:
            self._folded = [_folded(d.text) for d in self.documents]
        for k, doc in enumerate(self.documents):
            if probe and self._folded is not None and probe not in self._folded[k]:
                continue
            text = self._normalised.get(k)
            if text is None:
                text = self._normalised[k] = f" {normalise(doc.text, tokeniser=self.tokeniser)} "
            if f" {key} " in text:
                return True
        return False


_PROBE = re.compile(r"[a-z0-9]{3,}")
_NOT_PROBED = re.compile(r"[^a-z0-9]+")


def _folded(text: str) -> str:
    """``text`` as the normaliser folds characters (NFKC, case, accents), letters and
    digits only."""
    return _NOT_PROBED.sub("", fold_accents(casefold(nfkc(text))))


def _with_cards(
    analysis: Analysis, cards: Sequence[KeyChange], kept: Callable[[KeyChange], bool]
) -> Analysis:
    """``analysis`` with more ``cards``, less the changes that are not ``kept``."""
    order = {h.result.point.id: k for k, h in enumerate(analysis.points)}
    every = sorted([*filter(kept, analysis.changes), *cards], key=lambda c: card_order(c, order))
    by_point: dict[str, list[KeyChange]] = {}
    for card in cards:
        by_point.setdefault(card.point, []).append(card)
    points = tuple(
        replace(
            h,
            changes=(*filter(kept, h.changes), *by_point.get(h.result.point.id, ())),
        )
        for h in analysis.points
    )
    return replace(analysis, points=points, changes=tuple(every))


class _Inside:
    """Whether a point's new wording is another point's wording said before it, inside a
    frame the point itself said before: "Japan will continue to work to uphold the rule
    of law {-at-}{+in the+} sea", a carrier's card, where the formula's own point "the
    rule of law at sea" had said "the rule of law in the sea" on seven dates before
    (review 162: the report's one headline card; fresh-clone trial 177: the same change
    said on every date of the period, a take-over card). The formula's point tells its
    own wordings; the carrier's frame is unchanged; nothing is new."""

    def __init__(
        self,
        points: Sequence[PointResult],
        docs: Mapping[str, Document],
        norm: Callable[[str], str],
    ) -> None:
        self.docs, self.norm = docs, norm
        self.by_document: dict[str, list[Occurrence]] = {}
        self.first: dict[str, dict[str, dt.date]] = {}
        for p in points:
            first = self.first.setdefault(p.point.id, {})
            for o in p.occurrences:
                self.by_document.setdefault(o.document, []).append(o)
                key = norm(o.text)
                if key not in first or o.date < first[key]:
                    first[key] = o.date

    def __call__(self, occ: Occurrence) -> bool:
        doc = self.docs.get(occ.document)
        if doc is None:
            return False
        norm = self.norm
        mine = self.first.get(occ.point, {})
        frames: list[str] | None = None
        for other in self.by_document.get(occ.document, ()):
            if (
                other.point == occ.point
                or not occ.start <= other.start < other.end <= occ.end
                or (other.start, other.end) == (occ.start, occ.end)
            ):
                continue
            said = self.first.get(other.point, {}).get(norm(other.text))
            if said is None or said >= occ.date:
                continue
            if frames is None:
                frames = [w for w, d in mine.items() if d < occ.date]
            head = norm(doc.text[occ.start : other.start])
            tail = norm(doc.text[other.end : occ.end])
            if any(_framed(frame, head, tail) for frame in frames):
                return True
        return False


def _framed(wording: str, head: str, tail: str) -> bool:
    """Whether ``wording`` (normalised) opens on the words ``head`` and ends on ``tail``
    with some words between."""
    padded = f" {wording} "
    return (
        padded.startswith(f" {head} " if head else " ")
        and padded.endswith(f" {tail} " if tail else " ")
        and len(wording) > len(head) + len(tail) + 1
    )


def _one_card_per_place(
    changes: Sequence[KeyChange], norm: Callable[[str], str]
) -> list[KeyChange]:
    """``changes`` without a card whose new wording stands inside another point's card of the
    same kind, at the same line: "Hong Kong affairs are China's {-internal-}{+domestic+}
    affairs" is already told by the card of "Hong Kong affairs are {-purely-} China's
    {-internal-}{+domestic+} affairs that allow no foreign interference" on that line (the
    newest 60 MFA briefings: two cards, twice). The point's own history keeps its change."""
    said = [f" {norm(c.after)} " for c in changes]
    place: dict[tuple[KeyChangeKind, str, int], list[int]] = {}
    for k, c in enumerate(changes):
        place.setdefault((c.kind, c.document, c.line), []).append(k)

    def inside(k: int) -> bool:
        c = changes[k]
        if c.kind is KeyChangeKind.STOPPED:
            return False
        return any(
            changes[j].point != c.point
            and said[k] in said[j]
            and (len(said[k]) < len(said[j]) or j < k)
            for j in place[(c.kind, c.document, c.line)]
        )

    return [c for k, c in enumerate(changes) if not inside(k)]
