"""What every human-readable format shows, computed once from a :class:`TrackResult`.

The timeline has one cell per point and *date* (not per document: several
briefings can share a date), the summary counts stable and shifted points, and
long texts are shortened for table cells only.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..models import (
    KeyChange,
    KeyChangeKind,
    Occurrence,
    Point,
    PointResult,
    Shift,
    Status,
    TrackResult,
    Wording,
    WordingFamily,
)
from ..normalise import normalise
from ..slug import is_slug_of
from ..timeline import (
    NEAR_MIN_DATES,
    Analysis,
    PointHistory,
    analyse,
    representatives,
    short_baseline,
)
from .diffmarkup import shorten

MAX_DATE_COLUMNS = 8
"""Above this many dates the timeline is a per-point summary instead of a grid."""

CELL_WIDTH = 60
"""Longest text shown in a table cell; JSON and CSV are never shortened."""

SYMBOLS = {
    Status.IDENTICAL: "=",
    Status.COSMETIC: "~",
    Status.SHIFTED: "\u2260",
    Status.ABSENT: "\u00b7",
}
CHANGED = "!"
LEGEND = (
    ("=", "identical"),
    ("~", "cosmetic"),
    ("\u2260", "shifted (vs canonical)"),
    ("\u00b7", "absent"),
    (CHANGED, "changed since previous date"),
)
"""Each symbol of the timeline grid and what it means."""

UNCOUNTED = {KeyChangeKind.NEGATED: "\u00ac", KeyChangeKind.NEAR_MISS: "\u2248"}
"""The grid's symbol for a date a report's card says the point was said in words ``track``
does not count (said negated, said otherwise), on a date the point has no occurrence:
"·" (absent) there read as silence under a card that says it was said (see
:func:`uncounted`)."""

_SEVERITY = {Status.ABSENT: 0, Status.IDENTICAL: 1, Status.COSMETIC: 2, Status.SHIFTED: 3}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Cell:
    """One point on one date.

    status: the status of the date's representative occurrence, or absent.
    changed: a representative occurrence on this date changed wording since
        the previous date that has one.
    count: occurrences on this date.
    said: the kind of a card of words ``track`` does not count on this date, where it
        has no occurrence, or a "said negated" card (see :data:`UNCOUNTED`); else None.
    """

    date: dt.date
    status: Status
    changed: bool
    count: int
    said: KeyChangeKind | None = None

    @property
    def symbol(self) -> str:
        if self.said is not None:
            return UNCOUNTED[self.said]
        return SYMBOLS[self.status] + (CHANGED if self.changed else "")

    @property
    def title(self) -> str:
        """A one-line description, e.g. for an HTML tooltip."""
        text = f"{self.date.isoformat()}: {self.status.value}"
        if self.count > 1:
            text += f" ({self.count} occurrences)"
        if self.changed:
            text += ", changed since the previous date"
        return text


@dataclass(frozen=True)
class PointSummary:
    """One point's row in the summary layout.

    present, total: dates with an occurrence, dates in the run.
    first, last: first and last date seen (None when never found).
    wordings, shifts: how many distinct wordings and changes of wording.
    """

    id: str
    text: str
    present: int
    total: int
    first: dt.date | None
    last: dt.date | None
    wordings: int
    shifts: int

    @property
    def state(self) -> str:
        """``never found``, ``stable`` (wording never changed) or ``shifted``."""
        if self.present == 0:
            return "never found"
        return "shifted" if self.shifts else "stable"


def dates(result: TrackResult) -> tuple[dt.date, ...]:
    """Every distinct date in the run, ascending."""
    seen = {d.date for d in result.documents}
    seen.update(o.date for p in result.points for o in p.occurrences)
    return tuple(sorted(seen))


def uncounted(analysis: Analysis | None) -> dict[tuple[str, dt.date], KeyChangeKind]:
    """The dates each point was said in words ``track`` does not count, as the report's
    cards say (said negated, said otherwise), by point id and date."""
    if analysis is None:
        return {}
    return {
        (h.result.point.id, day): c.kind
        for h in analysis.points
        for c in h.changes
        if c.kind in UNCOUNTED
        for day in said_on(c)
    }


def said_on(change: KeyChange) -> tuple[dt.date, ...]:
    """The dates a card of words ``track`` does not count was said on (its own date
    where it names none)."""
    return change.said_on or (change.date,)


def legend(on_grid: Collection[str]) -> tuple[tuple[str, str], ...]:
    """:data:`LEGEND`, with the symbols of :data:`UNCOUNTED` the grid shows."""
    extra = tuple((UNCOUNTED[k], KIND_LABELS[k]) for k in UNCOUNTED if UNCOUNTED[k] in on_grid)
    return (*LEGEND[:-1], *extra, LEGEND[-1])


def cells(
    point: PointResult,
    on: Sequence[dt.date],
    said: Mapping[tuple[str, dt.date], KeyChangeKind] | None = None,
) -> tuple[Cell, ...]:
    """The point's cell for each date in ``on`` (``said``: see :func:`uncounted`).

    Its status is that of the date's representative occurrence (best score,
    then earliest: :func:`consistency.timeline.representatives`), the one its
    shifts compare; a cell is ``changed`` exactly when the point has a shift on
    that date. So the timeline, the summary's counts and the shift list are one
    computation.
    """
    by_date: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for occ in point.occurrences:
        by_date[occ.date].append(occ)
    shifted = {s.date for s in point.shifts}
    out = []
    for date in on:
        found = by_date.get(date, [])
        kind = said.get((point.point.id, date)) if said else None
        if not found:
            out.append(Cell(date, Status.ABSENT, False, 0, kind))
            continue
        status = representatives(found)[date].status
        # the formula word for word after a negation is an occurrence, and the card's
        # reversal all the same (review 70: the grid read "=", the card "said negated")
        negated = kind if kind is KeyChangeKind.NEGATED else None
        out.append(Cell(date, status, date in shifted, len(found), negated))
    return tuple(out)


def summarise(point: PointResult, total: int) -> PointSummary:
    return PointSummary(
        id=point.point.id,
        text=point.point.text,
        present=len(point.dates_present),
        total=total,
        first=point.first_seen,
        last=point.last_seen,
        wordings=len(point.wordings),
        shifts=len(point.shifts),
    )


SLOT_NOTE = "only the words inserted in the formula changed"
"""How reports mark a shift whose formula words stayed the same (``Shift.slot``)."""

RECURRING_NOTE = "a wording used before"
"""How reports mark a shift back to a wording of an earlier date (``Shift.recurring``)."""


def previous(shift: Shift) -> tuple[str, str]:
    """The document a shift is read against, and its date in parentheses unless its id
    already starts with that date ("previously 2025-03-19", not "2025-03-19 (2025-03-19)",
    a review)."""
    day = shift.previous_date.isoformat()
    return shift.previous_document, "" if shift.previous_document.startswith(day) else f" ({day})"


def shift_notes(shift: Shift) -> str:
    """The parenthesised notes of a shift for reports ("" when there are none)."""
    notes = [n for n, on in ((SLOT_NOTE, shift.slot), (RECURRING_NOTE, shift.recurring)) if on]
    return f"({'; '.join(notes)})" if notes else ""


def shifts(result: TrackResult) -> list[tuple[PointResult, Shift]]:
    """Every shift of every point, by date, then watchlist order, then document."""
    found = [(i, p, s) for i, p in enumerate(result.points) for s in p.shifts]
    found.sort(key=lambda t: (t[2].date, t[0], t[2].document, t[2].line))
    return [(p, s) for _, p, s in found]


def plural(n: int, word: str) -> str:
    return f"{n} {word if n == 1 else word + 's'}"


def summary_line(result: TrackResult) -> str:
    """One sentence: how many documents over which dates, how many points stable or shifted."""
    on = dates(result)
    docs = plural(len(result.documents), "document")
    if len(on) == 1:
        docs += f" dated {on[0].isoformat()}"
    elif on:
        docs += f" from {on[0].isoformat()} to {on[-1].isoformat()} ({plural(len(on), 'date')})"
    rows = [summarise(p, len(on)) for p in result.points]
    states = [s.state for s in rows]
    counts = [
        f"{states.count(state)} {state}"
        for state in ("stable", "shifted", "never found")
        if states.count(state)
    ]
    points = plural(len(rows), "talking point")
    return f"{docs}; {points}" + (f": {', '.join(counts)}." if counts else ".")


def wording_counts(point: Point, wording: Wording) -> str:
    """How often a wording was seen, and whether it is the canonical text or an alias.

    >>> p = Point("p", "consistent and clear", aliases=("consistent",))
    >>> w = Wording("Consistent and clear", "consistent and clear",
    ...             dt.date(2025, 9, 23), dt.date(2025, 9, 23), 1, 2)
    >>> wording_counts(p, w)
    '1 date, 2 times, canonical'
    """
    text = f"{plural(wording.dates, 'date')}, {plural(wording.count, 'time')}"
    said = normalise(wording.text)
    if said == normalise(point.text):
        return text + ", canonical"
    if any(said == normalise(alias) for alias in point.aliases):
        return text + ", alias"
    return text


def date_range(first: dt.date, last: dt.date) -> str:
    if first == last:
        return first.isoformat()
    return f"{first.isoformat()} to {last.isoformat()}"


def one_line(text: str) -> str:
    """Collapse white-space runs (line breaks included) to single spaces."""
    return _SPACE.sub(" ", text).strip()


_INNER_QUOTES = str.maketrans({"\u201c": "\u2018", "\u201d": "\u2019"})
_STRAIGHT_PAIR = re.compile(r'"([^"]*)"')
_OPENS = re.compile(r'"(?=\w)')


def nested_quotes(text: str) -> str:
    """``text`` with its own double quotes made single, to stand inside double ones: the
    formula the "Free and Open Indo-Pacific" is quoted “the ‘Free and Open
    Indo-Pacific’”, not “the “Free and Open Indo-Pacific””.

    >>> nested_quotes('the \u201cFree and Open\u201d and "one country, two systems"')
    'the ‘Free and Open’ and ‘one country, two systems’'
    >>> nested_quotes('the principle of "one country')
    'the principle of ‘one country'
    """
    paired = _STRAIGHT_PAIR.sub("\u2018\\1\u2019", text.translate(_INNER_QUOTES))
    return _OPENS.sub("\u2018", paired).replace('"', "\u2019")


def quoted(text: str) -> str:
    """``text`` on one line between double quotes (see :func:`nested_quotes`)."""
    return f"\u201c{nested_quotes(one_line(text))}\u201d"


def ellipsise(text: str, width: int = CELL_WIDTH) -> str:
    """``text`` on one line, shortened to ``width`` characters for a table cell."""
    return shorten(one_line(text), width)


# --- the summary, period and changes that matter -----------------------------------------

HEADLINE_NAMES = 5
"""How many points the headline names per kind of change before "and N more"."""

SHIFT_LIST_LIMIT = 20
"""Up to this many shifts, reports list them all; past it, they count them by kind
(``--all-shifts`` lists them, the JSON always has them)."""

KIND_LABELS = {
    KeyChangeKind.TAKEOVER: "new wording took over",
    KeyChangeKind.NEW_WORDING: "new wording",
    KeyChangeKind.NEGATED: "said negated",
    KeyChangeKind.NEAR_MISS: "said otherwise",
    KeyChangeKind.STOPPED: "no longer said",
    KeyChangeKind.NEW_POINT: "new point",
}
"""How reports name each kind of change that matters."""


def analysis_of(result: TrackResult, analysis: Analysis | None) -> Analysis:
    """The given analysis, or the default one (the last month against the rest)."""
    return analysis if analysis is not None else analyse(result)


def scripts_of(text: str) -> Counter[str]:
    """How many letters of ``text`` each script has: ``ja`` (kana), ``ko``, ``zh`` (Han),
    ``ru`` (Cyrillic), ``ar``, ``latin``, ``other``."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            counts[_script(unicodedata.name(ch, ""))] += 1
    return counts


def _script(name: str) -> str:
    if "HIRAGANA" in name or "KATAKANA" in name:
        return "ja"
    for part, code in (("HANGUL", "ko"), ("CJK", "zh"), ("CYRILLIC", "ru"), ("ARABIC", "ar")):
        if part in name:
            return code
    return "latin" if "LATIN" in name else "other"


LABEL_CHARS = 16
"""Characters of a point's text shown beside its id, where the two differ in script."""

HEADLINE_TEXT_CHARS = 60
"""Characters of a point's text the headline shows in place of an id made from it."""


def point_label(point_id: str, text: str) -> str:
    """How the headline names a point: by its text, quoted, when its id is only that text
    spelled as an id (as ``discover`` makes them: a reader reads "China's national
    security", not ``china-s-national-security``); else by its id, the name its
    watchlist gave it, and beside an id in Latin letters the point's text, shortened,
    when that is written in another script. A Chinese reader knows 新冠肺炎疫情发生以来,
    not ``xinguan-feiyan-yiqing-fasheng-yilai``.

    >>> point_label("xinguan-feiyan-yiqing-fasheng-yilai", "新冠肺炎疫情发生以来")
    '“新冠肺炎疫情发生以来”'
    >>> point_label("covid", "新冠肺炎疫情发生以来")
    'covid (新冠肺炎疫情发生以来)'
    >>> point_label("one-china", "the one-China principle")
    'one-china'
    >>> point_label("the-one-china-principle-2", "the one-China principle")
    '“the one-China principle”'
    """
    if is_slug_of(point_id, text):
        return quoted(shorten(text, HEADLINE_TEXT_CHARS))
    counts = scripts_of(text)
    if not counts or counts.most_common(1)[0][0] == "latin" or not point_id.isascii():
        return point_id
    return f"{point_id} ({shorten(text, LABEL_CHARS)})"


def _asides(cards: int | None, taken: bool) -> str:
    """What the headline says after a point's name: its new wordings, when more than one,
    and whether one took over."""
    said = [f"{cards} new wordings"] if cards else []
    if taken:
        said.append("taken over")
    return f" ({', '.join(said)})" if said else ""


def _names(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:HEADLINE_NAMES])
    more = len(ids) - HEADLINE_NAMES
    return f"{shown} and {more} more" if more > 0 else shown


def _points_with(changes: Sequence[KeyChange], *kinds: KeyChangeKind) -> list[str]:
    return list(dict.fromkeys(c.point for c in changes if c.kind in kinds))


def period_span(analysis: Analysis) -> str:
    """The period's dates, e.g. ``2020-06-03 to 2020-07-03``."""
    p = analysis.period
    if p.first is None or p.last is None:
        return "no dates"
    return date_range(p.first, p.last)


def absent_line(analysis: Analysis) -> str:
    """What a point's Wordings say when it has none: "Never found", or, where the details
    cover an explicit period, "Not said in the period (...)" (review 74: a ``--since``
    report's "never found" for a point its "no longer said" card said was said on 24
    dates)."""
    if analysis.period.explicit:
        return f"Not said in the period ({period_span(analysis)})"
    return "Never found"


def wordings_note(analysis: Analysis) -> str | None:
    """What the Wordings count, where the details cover an explicit period: its dates
    alone, so a wording "prevailing" there may not be the one the baseline used most
    (review 114: "(prevailing, new in the period)" beside a card naming another usual
    wording)."""
    if not analysis.period.explicit:
        return None
    return (
        f"In the period ({period_span(analysis)}): shares and the prevailing wording count "
        "its dates alone; a wording new in the period is one the baseline never used."
    )


CARD_KEY = (
    "{-words-} were dropped, {+words+} are new, {~words~} moved from elsewhere in the formula"
)
"""What a card's diff marks, in the contract's notation (see :func:`card_key`)."""


def card_key(analysis: Analysis) -> str | None:
    """The line that says what a card's diff marks, when a card has a diff: each shows
    the new wording against the closest one used before."""
    if any(c.before is not None for c in (*analysis.in_period, *analysis.earlier)):
        return "Each card shows the new wording against the closest one used before: "
    return None


def headline(analysis: Analysis) -> str:
    """One sentence: points tracked, and which changed wording, appeared or stopped in the period.

    Every format prints this same sentence, so the numbers never differ.
    """
    n = len(analysis.points)
    head = f"{plural(n, 'talking point')} tracked"
    if not n:
        return head + "."
    changes = analysis.in_period
    texts = {h.result.point.id: h.result.point.text for h in analysis.points}
    new_kinds = (KeyChangeKind.TAKEOVER, KeyChangeKind.NEW_WORDING)
    taken = set(_points_with(changes, KeyChangeKind.TAKEOVER))
    # the lines that changed first, then those with several new wordings, the most first,
    # each tier best first (the watchlist's order, discovery's rank), not by date: a
    # weekly archive's headline named a filler sentence first and left "zero tolerance
    # for {-terrorism-}{+extremism+} ..." in "and 1 more" (review 64), and the MFA one
    # left the point with three new wordings there (review 67), then after two with two
    # (review 71)
    rank = {h.result.point.id: k for k, h in enumerate(analysis.points)}
    cards = Counter(c.point for c in changes if c.kind in new_kinds)
    wording = sorted(
        _points_with(changes, *new_kinds),
        key=lambda p: (p not in taken, cards[p] < 2, -cards[p], rank.get(p, n)),
    )
    labelled = [
        point_label(p, texts.get(p, "")) + _asides(cards[p] if cards[p] > 1 else None, p in taken)
        for p in wording
    ]
    total = sum(cards.values())
    parts = [
        f"{len(wording)} changed wording in the period ({period_span(analysis)})"
        + (f", {plural(total, 'new wording')} in all" if total > len(wording) else "")
        + (f": {_names(labelled)}" if wording else "")
    ]
    for kind, what in (
        (KeyChangeKind.NEGATED, "said negated"),
        (KeyChangeKind.NEAR_MISS, "said otherwise"),
        (KeyChangeKind.NEW_POINT, ""),
        (KeyChangeKind.STOPPED, "no longer said"),
    ):
        ids = _points_with(changes, kind)
        if ids:
            said = sum(1 for c in changes if c.kind is kind)
            each = f" ({plural(said, 'card')} in all)" if said > len(ids) else ""
            # "2 new points", not "2 new" after "13 new wordings" (a review)
            count = f"{len(ids)} {what}" if what else plural(len(ids), "new point")
            parts.append(
                f"{count}{each}: {_names([point_label(p, texts.get(p, '')) for p in ids])}"
            )
    return f"{head}; " + "; ".join(parts) + "."


def scope_line(analysis: Analysis) -> str:
    """What was read and what the period is compared with."""
    result, p = analysis.result, analysis.period
    on = dates(result)
    docs = plural(len(result.documents), "document")
    if len(on) == 1:
        docs += f" dated {on[0].isoformat()}"
    elif on:
        docs += f" from {on[0].isoformat()} to {on[-1].isoformat()} ({plural(len(on), 'date')})"
    how = "chosen" if p.explicit else "the last month of the archive"
    period = f"period: {period_span(analysis)} ({plural(p.dates, 'date')}, {how})"
    if p.baseline_dates and p.baseline_first and p.baseline_last:
        base = (
            f"baseline: {plural(p.baseline_dates, 'date')} "
            f"from {p.baseline_first.isoformat()} to {p.baseline_last.isoformat()}"
        )
    else:
        base = "no baseline before it"
    if short_baseline(p):
        # said in the report, not only on stderr (a review: the HTML led with 24 cards of
        # noise against one date, and nothing said why)
        base += " (too few dates to compare with: most wordings read as new; see --since)"
    if p.explicit and p.baseline_dates:
        # the details cover the period; the baseline was read too (a review: "5 documents"
        # read as all the report read, of 30); the period's dates said once (review 114)
        return (
            f"Period: {period_span(analysis)} ({plural(len(result.documents), 'document')} "
            f"on {plural(p.dates, 'date')}, chosen); "
            f"{base}, read to compare with; the details below cover the period."
        )
    return f"{docs}; {period}; {base}."


def untold_line(analysis: Analysis) -> str | None:
    """One sentence naming the changes in the period that no card tells, or None: shifts
    back to a wording used before, and wordings new in grammar only (a plural, an
    article); with no briefing before the period, every change in it (review 52: a
    change was called "back to a wording used before"). Every other new wording of the
    period has its card, said beside the day's usual one or not.

    The timeline marks every shift with ``!`` and the wordings list each new wording;
    without this a reader looks for the card of a mark or a wording that has none.
    """
    p = analysis.period
    if p.first is None or p.last is None:
        return None
    told = {(c.point, c.date) for c in analysis.in_period}
    said = {(c.point, normalise(c.after)) for c in analysis.in_period}
    untold: dict[tuple[str, dt.date], None] = {}
    for point, shift in shifts(analysis.result):
        if p.first <= shift.date <= p.last and (point.point.id, shift.date) not in told:
            untold[point.point.id, shift.date] = None
    for history in analysis.points:
        name = history.result.point.id
        if all(f.new for f in history.families):
            continue  # a point first said in the period: no wording of it changed
        for family in history.families:
            if (
                family.new
                and p.first <= family.first <= p.last
                and (name, family.normalised) not in said
                and (name, family.first) not in told
            ):
                untold[name, family.first] = None
    quiet = [f"{name} on {day.isoformat()}" for name, day in analysis.quiet]
    if not untold and not quiet:
        return None
    names = [f"{name} on {day.isoformat()}" for name, day in sorted(untold, key=lambda k: k[1])]
    why = (
        "back to a wording used before, of grammar only, inside a card's, another first "
        "word, or what fills a slot of the formula"
        if p.baseline_dates
        else "no briefing before the period to tell a new wording from"
    )
    parts = []
    if names:
        parts.append(
            f"{plural(len(names), 'other change')} in the period ({why}): "
            f"{_names(names)}; see Wordings, and Shifts (--all-shifts lists each one)"
        )
    if quiet:
        parts.append(
            f"{len(quiet)} {'near miss' if len(quiet) == 1 else 'near misses'} of a tracked "
            f"formula said instead of it, each wording on one date (a card needs "
            f"{NEAR_MIN_DATES}; consistency check tells each): {_names(quiet)}"
        )
    return f"Not on a card: {'; and '.join(parts)}."


def change_when(change: KeyChange) -> str:
    """The date a change is shown with: its date, or for a point no longer said the date it
    was last said on, named so (a fresh-clone trial: a card dated 2020-01-13 under "In the
    period (2020-06-03 to 2020-07-03)" read as a change on a date outside the period)."""
    day = change.date.isoformat()
    return f"last said {day}" if change.kind is KeyChangeKind.STOPPED else day


def change_title(change: KeyChange) -> str:
    """``2020-06-04  new wording  point-id``: the first line of a change in text reports."""
    return f"{change_when(change)}  {KIND_LABELS[change.kind]}  {change.point}"


def change_where(change: KeyChange) -> str:
    where = "last said in" if change.kind is KeyChangeKind.STOPPED else "in"
    return f"{where} document {change.document}, line {change.line}: {change.evidence}"


@dataclass(frozen=True)
class ShiftCounts:
    """A point's (or a report's) shifts by what the new wording is."""

    total: int
    recurring: int
    one_off: int

    @property
    def other(self) -> int:
        return self.total - self.recurring - self.one_off

    def sentence(self) -> str:
        if not self.total:
            return "No wording changed between dates."
        return (
            f"{plural(self.total, 'shift')} between dates: {self.recurring} back to a wording "
            f"used before, {self.one_off} to a one-off variant, {self.other} to another "
            "new wording."
        )


def shift_counts(analysis: Analysis) -> ShiftCounts:
    """How many shifts the report has, and of which kind (one computation with the list)."""
    total = recurring = one_off = 0
    for history in analysis.points:
        folded = {f.normalised for f in history.families if f.one_off}
        for s in history.result.shifts:
            total += 1
            if s.recurring:
                recurring += 1
            elif normalise(s.after) in folded:
                one_off += 1
    return ShiftCounts(total, recurring, one_off)


def list_shifts(analysis: Analysis, all_shifts: bool) -> bool:
    """Whether a report lists every shift (few enough, or ``--all-shifts``)."""
    return all_shifts or shift_counts(analysis).total <= SHIFT_LIST_LIMIT


def shown_families(history: PointHistory, all_shifts: bool) -> list[WordingFamily]:
    """The families a report lists: all with ``--all-shifts``, else one-off variants folded."""
    return [f for f in history.families if all_shifts or not f.one_off]


def folded_line(history: PointHistory) -> str:
    """ "+ N one-off variants (..)" for the families a report folds ("" when none)."""
    folded = [f for f in history.families if f.one_off]
    if not folded:
        return ""
    share = sum(f.count for f in folded) / max(1, len(history.result.occurrences))
    return (
        f"+ {plural(len(folded), 'one-off variant')} ({percent(share)} of occurrences; "
        "--all-shifts or JSON lists them)"
    )


def percent(share: float) -> str:
    """A share as a whole percentage, ``<1%`` for small non-zero ones."""
    if 0 < share < 0.005:
        return "<1%"
    return f"{round(share * 100)}%"


def family_tags(family: WordingFamily) -> list[str]:
    """What a wording is to its point: ``prevailing``, ``canonical`` (or ``alias``), ``new in
    the period``."""
    return [
        t
        for t, on in (
            ("prevailing", family.prevailing),
            (family.form or "", family.form is not None),
            ("new in the period", family.new),
        )
        if on
    ]


def family_line(family: WordingFamily) -> str:
    """``65%  120 dates  2018-05-14 to 2020-07-03  (prevailing, canonical)``."""
    tags = family_tags(family)
    notes = f"  ({', '.join(tags)})" if tags else ""
    return (
        f"{percent(family.share):>4}  {plural(family.dates, 'date')}, "
        f"{plural(family.count, 'time')}  {date_range(family.first, family.last)}{notes}"
    )
