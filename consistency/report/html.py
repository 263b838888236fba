"""The report as one self-contained HTML page (inline CSS and SVG; no scripts, fonts or images).

The page comes from ``consistency/templates/report.html`` with autoescaping on:
every text from a briefing is escaped, diffs become ``<del>``/``<ins>``. The
timeline has a real time axis (years, months or days, as the span needs): one
row per point, one mark per date it was said on, coloured by wording, with the
date's sentence on hover; beside it, a small SVG of each wording's share over time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..models import Document, KeyChange, TrackResult
from ..normalise import normalise, traditional
from ..timeline import Analysis, PointHistory, document_context, representatives
from . import view
from .diffmarkup import Segment, flatten, parse_diff

if TYPE_CHECKING:
    import jinja2


def template(name: str) -> jinja2.Template:
    """A page template of ``consistency/templates`` (all extend ``_page.html``)."""
    return _environment().get_template(name)


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # here: only HTML output needs it

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("consistency", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["lang_of"] = lang_attribute
    env.filters["nested_quotes"] = view.nested_quotes
    return env


def lang_attribute(text: str | Sequence[Segment], page: str) -> Markup:
    """`` lang="zh"`` (or ``ja``, ``ko``) for briefing text in a script the page's
    ``lang`` is not: the quotes of a Chinese briefing in a report whose archive is mostly
    English, so that a browser picks Chinese glyphs and a screen reader a Chinese voice;
    nothing where the text is in the page's language.

    >>> lang_attribute("香港事务纯属中国内政", "en"), lang_attribute("香港事务", "zh")
    (Markup(' lang="zh"'), Markup(''))
    >>> lang_attribute("香港事務", "zh-Hant")
    Markup('')
    """
    if not isinstance(text, str):
        text = "".join(t for _, t in text)
    code = _script_language(text)
    return Markup(f' lang="{code}"') if code and code != page.split("-")[0] else Markup("")


def _script_language(text: str) -> str | None:
    """``zh``, ``ja`` or ``ko`` for text written mostly in that script, else None."""
    counts = view.scripts_of(text)
    if counts["ja"]:
        counts["ja"] += counts.pop("zh", 0)
    if not counts:
        return None
    script = counts.most_common(1)[0][0]
    return script if script in ("zh", "ja", "ko") else None


PALETTE = 8
"""Wordings with their own colour per point (the prevailing one first); the rest are grey."""

MAX_MARKS = 600
"""Most marks per timeline row: past this many dates, nearby dates share a mark (the
wording said most often among them), so a 5,000-date archive stays a light page."""

MAX_BUCKETS = 60
"""Most bars in a share plot: days, weeks, months, quarters or years, whichever fits."""

MAX_TICKS = 8
"""Most labels on the time axis: eight 7-character dates fit its width at 1024 px."""

LAST_TICK = 90
"""No axis label starts past 90 % of the axis: a 7-character date needs about a tenth of
the axis at 1024 px."""

SPARSE = 60
"""Up to this many dates, timeline marks are drawn wider so that each stays visible."""


def language(documents: Sequence[Document]) -> str:
    """The page's ``lang``: from the scripts of the documents' letters (``und`` if unsure).

    >>> from consistency.models import DateSource
    >>> day = dt.date(2020, 1, 1)
    >>> language([Document("a", "a", "中国的立场是一贯的。", day, DateSource.OPTION)])
    'zh'
    >>> language([Document("a", "a", "我國的立場是一貫的。", day, DateSource.OPTION)])
    'zh-Hant'
    """
    counts: Counter[str] = Counter()
    for doc in documents[:50]:
        counts.update(view.scripts_of(doc.text[:5000]))
    counts.pop("other", None)
    if not counts:
        return "en"
    if counts["ja"] and counts["ja"] * 10 >= counts["zh"]:
        return "ja"
    script = counts.most_common(1)[0][0]
    if script == "zh" and traditional("".join(d.text[:5000] for d in documents[:50])):
        # glyphs of traditional forms where the font has both (review 78)
        return "zh-Hant"
    if script != "latin":
        return script
    words = " ".join(d.text[:5000] for d in documents[:50]).lower().split()
    common = sum(w in {"the", "and", "of", "to", "in", "is"} for w in words)
    return "en" if words and common / len(words) > 0.05 else "und"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Mark:
    x: float
    width: float
    colour: str
    title: str
    key: bool


@dataclass(frozen=True)
class Bar:
    x: int
    parts: tuple[tuple[str, float, float], ...]
    title: str


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    aliases: tuple[str, ...]
    summary: view.PointSummary
    marks: tuple[Mark, ...]
    bars: tuple[Bar, ...]
    buckets: int
    families: list[tuple[str, str, str, str, bool]]
    folded: str


@dataclass(frozen=True)
class ChangeView:
    date: str
    kind: str
    label: str
    point: str
    before: str | None
    after: str
    diff: list[Segment]
    where: str
    context: str


@dataclass(frozen=True)
class ShiftView:
    point: str
    date: str
    document: str
    line: int
    previous_document: str
    previous_when: str  # " (date)", or "" where the id starts with it
    diff: list[Segment]
    notes: str


class Axis:
    """Maps dates to 0-100 % of the timeline's width."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        self.first = first
        self.days = max(1, (last - first).days)

    def x(self, date: dt.date) -> float:
        return round(100 * (date - self.first).days / self.days, 3)

    def ticks(self) -> list[Tick]:
        """Years, else months (every 1, 2, 3, 6 or 12), else days: at most 8 labels.

        A tick past :data:`LAST_TICK` % of the axis is left out: its label would run past the end.
        """
        last = self.first + dt.timedelta(days=self.days)
        out: list[tuple[dt.date, str]] = []
        years = range(self.first.year + 1, last.year + 1)
        months = (last.year - self.first.year) * 12 + last.month - self.first.month
        if len(years) >= 3:
            step = -(-len(years) // MAX_TICKS)
            out = [(dt.date(y, 1, 1), str(y)) for y in years if y % step == 0]
        elif months >= 2:
            step = next(s for s in (1, 2, 3, 6, 12) if months // s <= MAX_TICKS)
            y, m = self.first.year, self.first.month
            while True:
                m += 1
                if m > 12:
                    y, m = y + 1, 1
                day = dt.date(y, m, 1)
                if day > last:
                    break
                if (m - 1) % step == 0:
                    out.append((day, str(y) if m == 1 else day.strftime("%Y-%m")))
        else:
            step = max(1, -(-self.days // MAX_TICKS))
            out = [
                (d, d.isoformat())
                for k in range(step, self.days + 1, step)
                for d in [self.first + dt.timedelta(days=k)]
            ]
        return [Tick(self.x(d), label) for d, label in out if self.x(d) <= LAST_TICK]


def _palette(history: PointHistory) -> dict[str, str]:
    """Each wording's colour (its normalised text to a class; a wording not listed, or a
    one-off, is ``fo``): in order of use, the wordings said before the period first, the
    first colour kept for them where the period says none (review 65: a formula said
    only in its new wording in a ``--since`` report was drawn in the colour of the line,
    as if unchanged)."""
    families = history.families
    old = [k for k, f in enumerate(families) if not f.new]
    new = [k for k, f in enumerate(families) if f.new]
    order = old + ([-1] if new and not old else []) + new
    return {
        families[k].normalised: f"f{n}"
        for n, k in enumerate(order)
        if k >= 0 and n < PALETTE and not families[k].one_off
    }


def _marks(history: PointHistory, axis: Axis, docs: dict[str, Document]) -> tuple[Mark, ...]:
    reps = representatives(history.result.occurrences)
    colours = _palette(history)
    key_dates = {c.date for c in history.changes}
    slots: dict[int, list[tuple[dt.date, str]]] = {}
    for date, key in history.said:
        slot = min(MAX_MARKS - 1, int(axis.x(date) / 100 * MAX_MARKS))
        slots.setdefault(slot, []).append((date, key))
    marks = []
    for said in slots.values():
        key = Counter(k for _, k in said).most_common(1)[0][0]
        date = next(d for d, k in said if k == key)
        occ = reps[date]
        doc = docs.get(occ.document)
        sentence = document_context(doc, occ.start, occ.end, 160) if doc else occ.text
        when = date.isoformat()
        if len(said) > 1:
            when = f"{said[0][0].isoformat()} to {said[-1][0].isoformat()} ({len(said)} dates)"
        marks.append(
            Mark(
                x=axis.x(said[0][0]),
                width=round(max(axis.x(said[-1][0]) - axis.x(said[0][0]), 0), 3),
                colour=colours.get(key, "fo"),
                title=f"{when}: {sentence}",
                key=any(d in key_dates for d, _ in said),
            )
        )
    # a card of words track does not count (said negated, said otherwise) on a date the
    # point is not said on: a mark there too, or its row read as silence (review 61)
    # ... on each date it counts (review 77: the grid marked the card's first date alone)
    said_on = {date for date, _ in history.said}
    for c in history.changes:
        if c.kind not in view.UNCOUNTED:
            continue
        for day in view.said_on(c):
            if day not in said_on and 0 <= axis.x(day) <= 100:
                said_on.add(day)
                marks.append(
                    Mark(
                        x=axis.x(day),
                        width=0,
                        colour="fo",
                        title=f"{day.isoformat()}, {view.KIND_LABELS[c.kind]}: {c.context}",
                        key=True,
                    )
                )
    return tuple(sorted(marks, key=lambda m: m.x))


def _bucket(date: dt.date, unit: str) -> str:
    if unit == "day":
        return date.isoformat()
    if unit == "week":
        monday = date - dt.timedelta(days=date.weekday())
        return monday.isoformat()
    if unit == "month":
        return f"{date.year}-{date.month:02d}"
    if unit == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    return str(date.year)


def _unit(first: dt.date, last: dt.date) -> str:
    days = (last - first).days + 1
    for unit, size in (("day", 1), ("week", 7), ("month", 30.4), ("quarter", 91.3)):
        if days / size <= MAX_BUCKETS:
            return unit
    return "year"


def buckets(first: dt.date, last: dt.date) -> tuple[str, list[str]]:
    """The share plots' time unit, and the label of each bucket from ``first`` to ``last``."""
    unit = _unit(first, last)
    labels: list[str] = []
    day = first
    while day <= last:
        label = _bucket(day, unit)
        if not labels or labels[-1] != label:
            labels.append(label)
        day += dt.timedelta(days=1)
    return unit, labels


def _bars(history: PointHistory, unit: str, labels: list[str]) -> tuple[Bar, ...]:
    index = {label: k for k, label in enumerate(labels)}
    colours = _palette(history)
    counts: dict[int, Counter[str]] = {}
    for occ in history.result.occurrences:
        k = index[_bucket(occ.date, unit)]
        counts.setdefault(k, Counter())[colours.get(normalise(occ.text), "fo")] += 1
    bars = []
    for k in sorted(counts):
        total = sum(counts[k].values())
        y = 0.0
        parts = []
        for colour in sorted(counts[k], key=lambda c: (c == "fo", c)):
            h = round(10 * counts[k][colour] / total, 3)
            parts.append((colour, y, h))
            y = round(y + h, 3)
        shares = ", ".join(
            f"{'other wordings' if c == 'fo' else 'wording ' + str(int(c[1:]) + 1)} "
            f"{view.percent(counts[k][c] / total)}"
            for c, _, _ in parts
        )
        bars.append(Bar(k, tuple(parts), f"{labels[k]}: {shares} of {total}"))
    return tuple(bars)


def _change(change: KeyChange) -> ChangeView:
    return ChangeView(
        date=view.change_when(change),
        kind=change.kind.value,
        label=view.KIND_LABELS[change.kind],
        point=change.point,
        before=view.one_line(change.before) if change.before is not None else None,
        after=view.one_line(change.after),
        diff=flatten(parse_diff(change.diff)) if change.diff else [],
        where=view.change_where(change),
        context=change.context,
    )


def render_html(
    result: TrackResult,
    *,
    max_date_columns: int = view.MAX_DATE_COLUMNS,
    analysis: Analysis | None = None,
    all_shifts: bool = False,
) -> str:
    """The human report as HTML: summary, changes that matter, timeline, wordings, shifts.

    ``max_date_columns`` is accepted for the other formats' sake; the HTML
    timeline has a time axis at any number of dates.
    """
    analysis = view.analysis_of(result, analysis)
    shown = analysis.result
    on = view.dates(shown)
    docs = {d.id: d for d in shown.documents}
    rows = []
    ticks: list[Tick] = []
    band: tuple[float, float] | None = None
    n_buckets = 0
    if on:
        axis = Axis(on[0], on[-1])
        ticks = axis.ticks()
        p = analysis.period
        if p.first is not None and p.last is not None and p.first > on[0]:
            # the reporting period shaded behind the marks, where the axis shows more
            left = axis.x(p.first)
            band = (left, round(max(axis.x(p.last) - left, 0.5), 3))
        unit, labels = buckets(on[0], on[-1])
        n_buckets = len(labels)
        for h in analysis.points:
            colours = _palette(h)
            families = [
                (
                    colours.get(f.normalised, "fo"),
                    view.percent(f.share),
                    f"{view.plural(f.dates, 'date')}, {view.date_range(f.first, f.last)}"
                    + "".join(f" ({', '.join(tags)})" for tags in [view.family_tags(f)] if tags),
                    view.one_line(f.text),
                    f.one_off,
                )
                for f in h.families
            ]
            rows.append(
                Row(
                    id=h.result.point.id,
                    text=view.one_line(h.result.point.text),
                    aliases=h.result.point.aliases,
                    summary=view.summarise(h.result, len(on)),
                    marks=_marks(h, axis, docs),
                    bars=_bars(h, unit, labels),
                    buckets=n_buckets,
                    families=families,
                    folded=view.folded_line(h) if not all_shifts else "",
                )
            )
    listed = view.list_shifts(analysis, all_shifts)
    shifts = [
        ShiftView(
            point=p.point.id,
            date=s.date.isoformat(),
            document=s.document,
            line=s.line,
            previous_document=view.previous(s)[0],
            previous_when=view.previous(s)[1],
            diff=flatten(parse_diff(s.diff)),
            notes=view.shift_notes(s),
        )
        for p, s in (view.shifts(shown) if listed else [])
    ]
    return template("report.html").render(
        lang=language(shown.documents),
        headline=view.headline(analysis),
        scope=view.scope_line(analysis),
        wordings_note=view.wordings_note(analysis),
        span=view.period_span(analysis),
        in_period=[_change(c) for c in analysis.in_period],
        earlier=[_change(c) for c in analysis.earlier],
        untold=view.untold_line(analysis),
        ticks=ticks,
        band=band,
        sparse=len(on) <= SPARSE,
        rows=rows,
        shifts=shifts,
        shift_sentence=view.shift_counts(analysis).sentence(),
        shifts_open=listed,
        all_shifts=all_shifts,
        documents=shown.documents,
        absent=view.absent_line(analysis),
    )
