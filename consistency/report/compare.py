"""Renderers for ``consistency diff OLD NEW``: text (coloured on request), Markdown, JSON, HTML."""

from __future__ import annotations

from typing import Any

from ..compare import ARCHIVE, Comparison, Place, PointChange, PointComparison, Rephrasing
from ..errors import OptionError
from ..jsontext import dumps
from .diffmarkup import ansi_diff, flatten, markdown_diff, markdown_escape, parse_diff
from .html import language, template
from .view import one_line

COMPARE_FORMATS: tuple[str, ...] = ("text", "markdown", "json", "html")

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_TITLES = {
    PointChange.SHIFTED: "Shifted",
    PointChange.NEW: "New in NEW",
    PointChange.DROPPED: "Dropped from NEW",
    PointChange.SAME: "Repeated the same",
}
_ORDER = (PointChange.SHIFTED, PointChange.NEW, PointChange.DROPPED, PointChange.SAME)
MAX_REPEATED = 10
"""Text output lists at most this many points repeated the same (JSON lists them all)."""


def render_compare(comparison: Comparison, *, fmt: str = "text", color: bool = False) -> str:
    """``comparison`` in one of :data:`COMPARE_FORMATS`."""
    if fmt == "text":
        return render_compare_text(comparison, color=color)
    if fmt == "markdown":
        return render_compare_markdown(comparison)
    if fmt == "json":
        return render_compare_json(comparison)
    if fmt == "html":
        return render_compare_html(comparison)
    raise OptionError(f"unknown diff format {fmt!r} (choose from {', '.join(COMPARE_FORMATS)})")


def _describe(c: Comparison) -> tuple[str, str]:
    def one(label: str, doc: Any) -> str:
        return f"{label}: {doc.id} ({doc.date.isoformat()}, {doc.path})"

    return one("OLD", c.old), one("NEW", c.new)


_SOURCES = {ARCHIVE: "discovered in the archive, said in both"}


def points_line(c: Comparison) -> str:
    """``Talking points (watchlist): 3 repeated the same, 1 shifted, ...``."""
    counts = (
        f"{c.count(PointChange.SAME)} repeated the same, {c.count(PointChange.SHIFTED)} shifted, "
        f"{c.count(PointChange.NEW)} new in NEW, {c.count(PointChange.DROPPED)} dropped"
    )
    absent = c.count(PointChange.ABSENT)
    if absent:
        counts += f", {absent} in neither"
    source = _SOURCES.get(c.points_source, c.points_source)
    return f"Talking points ({source}, {len(c.points)}): {counts}."


def sentences_line(c: Comparison) -> str:
    s = c.sentences
    return (
        f"Sentences of NEW: {s.repeated} repeated, {s.rephrased} rephrased "
        f"(similarity >= {c.similarity:g}), {s.new} new; {s.dropped} of OLD dropped."
    )


# ---------------------------------------------------------------------------
# text


def _paint(text: str, colour: str, color: bool) -> str:
    return f"{colour}{text}{_RESET}" if color and text else text


def _where(place: Place | None, side: str) -> str:
    return f"{side} line {place.line}" if place else ""


def _kept(p: PointComparison) -> str:
    """``as before on NEW line N`` where a shifted point's old wording stands too, and why a
    near miss is a shift; else ""."""
    kept = f"as before on NEW line {p.kept.line}" if p.kept else ""
    return "; ".join(x for x in (kept, p.note) if x)


def _text_point(p: PointComparison, color: bool) -> str:
    if p.change is PointChange.SHIFTED:
        kept = f"; {_kept(p)}" if _kept(p) else ""
        # OLD need not say the point at all: a point said negated in NEW only (review 78:
        # "OLD line ?")
        old = f"OLD line {p.old.line}" if p.old else "not in OLD"
        where = f"{_where(p.new, 'NEW')} ({old}{kept})"
        diff = ansi_diff(flatten(parse_diff(p.diff)), color=color)
        return f"  {p.point.id}  {where}\n    {diff}"
    if p.change is PointChange.NEW:
        diff = ansi_diff(flatten(parse_diff(p.diff)), color=color)
        note = f" ({p.note})" if p.note else ""
        return f"  {p.point.id}  {_where(p.new, 'NEW')}: {diff}{note}"
    if p.change is PointChange.DROPPED:
        return f"  {p.point.id}  {_where(p.old, 'OLD')}: {one_line(p.diff)}"
    return f"  {p.point.id}: {one_line(p.diff)}"


def _text_rephrasing(r: Rephrasing, color: bool) -> str:
    head = f"  NEW line {r.new.line} <- OLD line {r.old.line} (similarity {r.similarity:g})"
    return f"{head}\n    {ansi_diff(flatten(parse_diff(r.diff)), color=color)}"


def render_compare_text(c: Comparison, *, color: bool = False) -> str:
    """Plain text: header, talking points by change, rephrased sentences, counts."""
    old, new = _describe(c)
    sections = [f"{old}\n{new}", points_line(c)]
    for change in _ORDER:
        items = [p for p in c.points if p.change is change]
        if not items:
            continue
        title = _paint(f"{_TITLES[change]} ({len(items)})", _BOLD, color)
        shown = items[:MAX_REPEATED] if change is PointChange.SAME else items
        lines = [_text_point(p, color) for p in shown]
        if len(shown) < len(items):
            lines.append(f"  ... and {len(items) - len(shown)} more (--format json lists all)")
        sections.append(f"{title}\n" + "\n".join(lines))
    title = _paint("Rephrased sentences", _BOLD, color)
    body = "\n".join(_text_rephrasing(r, color) for r in c.rephrasings) or "  none"
    sections.append(f"{title}\n{body}")
    for heading, side, places in _changed(c):
        if places:
            title = _paint(f"{heading} ({len(places)})", _BOLD, color)
            lines = [f"  {side} line {p.line}: {one_line(p.text)}" for p in places]
            sections.append(f"{title}\n" + "\n".join(lines))
    sections.append(sentences_line(c))
    return "\n\n".join(sections) + "\n"


def _changed(c: Comparison) -> list[tuple[str, str, tuple[Place, ...]]]:
    """The sentences NEW adds and those it drops: heading, side, places."""
    return [
        ("New sentences", "NEW", c.changed.added),
        ("Dropped sentences", "OLD", c.changed.dropped),
    ]


# ---------------------------------------------------------------------------
# Markdown


def _md(text: str) -> str:
    return markdown_escape(one_line(text))


def render_compare_markdown(c: Comparison) -> str:
    """GitHub-flavoured Markdown: removals ~~struck~~, additions **bold**."""
    old, new = _describe(c)
    lines = [
        "# Briefing diff",
        "",
        f"- {_md(old)}",
        f"- {_md(new)}",
        "",
        _md(points_line(c)),
    ]
    for change in _ORDER:
        items = [p for p in c.points if p.change is change]
        if not items:
            continue
        lines += ["", f"## {_TITLES[change]} ({len(items)})", ""]
        if change is PointChange.SAME:
            lines += ["<details><summary>Points</summary>", ""]
        if change is PointChange.SHIFTED:
            lines += ["| point | NEW line | OLD line | change |", "|---|---:|---:|---|"]
            for p in items:
                lines.append(
                    f"| {_md(p.point.id)} | {p.new.line if p.new else ''} | "
                    f"{p.old.line if p.old else ''} | "
                    f"{markdown_diff(flatten(parse_diff(p.diff)))}"
                    f"{' ' + _md(f'({_kept(p)})') if _kept(p) else ''} |"
                )
        else:
            lines += ["| point | line | wording |", "|---|---:|---|"]
            for p in items:
                place = p.old if change is PointChange.DROPPED else p.new
                said = (
                    markdown_diff(flatten(parse_diff(p.diff)))
                    + (" " + _md(f"({p.note})") if p.note else "")
                    if change is PointChange.NEW
                    else _md(p.diff)
                )
                lines.append(f"| {_md(p.point.id)} | {place.line if place else ''} | {said} |")
        if change is PointChange.SAME:
            lines += ["", "</details>"]
    lines += ["", "## Rephrased sentences", ""]
    if c.rephrasings:
        lines += ["| NEW line | OLD line | similarity | change |", "|---:|---:|---:|---|"]
        for r in c.rephrasings:
            diff = markdown_diff(flatten(parse_diff(r.diff)))
            lines.append(f"| {r.new.line} | {r.old.line} | {r.similarity:g} | {diff} |")
    else:
        lines.append("None.")
    for heading, side, places in _changed(c):
        if places:
            lines += ["", f"## {heading} ({len(places)})", ""]
            lines += [f"| {side} line | sentence |", "|---:|---|"]
            lines += [f"| {p.line} | {_md(p.text)} |" for p in places]
    lines += ["", _md(sentences_line(c))]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# HTML


def render_compare_html(c: Comparison) -> str:
    """One self-contained page in the style of the HTML report (same CSS, no scripts)."""
    sections = []
    for change in _ORDER:
        items = [p for p in c.points if p.change is change]
        if not items:
            continue
        rows = [
            {
                "point": p.point.id,
                "new_line": p.new.line if p.new else "",
                "old_line": p.old.line if p.old else "",
                "kept": _kept(p),
                "diff": flatten(parse_diff(p.diff))
                if change in (PointChange.SHIFTED, PointChange.NEW)
                else [("=", one_line(p.diff))],
            }
            for p in items
        ]
        column = "change" if change is PointChange.SHIFTED else "wording"
        sections.append(
            {
                "title": _TITLES[change],
                "rows": rows,
                "column": column,
                "collapsed": change is PointChange.SAME,
            }
        )
    rephrasings = [
        {
            "new_line": r.new.line,
            "old_line": r.old.line,
            "similarity": f"{r.similarity:g}",
            "diff": flatten(parse_diff(r.diff)),
        }
        for r in c.rephrasings
    ]
    return template("compare.html").render(
        lang=language([c.new, c.old]),
        old=_doc(c.old),
        new=_doc(c.new),
        points_line=points_line(c),
        sentences_line=sentences_line(c),
        sections=sections,
        rephrasings=rephrasings,
        changed=[
            {
                "title": heading,
                "side": side,
                "rows": [{"line": p.line, "text": one_line(p.text)} for p in places],
            }
            for heading, side, places in _changed(c)
            if places
        ],
    )


# ---------------------------------------------------------------------------
# JSON


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"text": place.text, "line": place.line, "column": place.column}


def _doc(doc: Any) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "date": doc.date.isoformat(),
        "date_source": doc.date_source.value,
        "title": doc.title,
    }


def render_compare_json(c: Comparison) -> str:
    """The comparison as JSON (``schema`` 1)."""
    data = {
        "schema": 1,
        "old": _doc(c.old),
        "new": _doc(c.new),
        "points_source": c.points_source,
        "summary": {change.value: c.count(change) for change in PointChange},
        "points": [
            {
                "id": p.point.id,
                "text": p.point.text,
                "change": p.change.value,
                "old": _place(p.old),
                "new": _place(p.new),
                "old_count": p.old_count,
                "new_count": p.new_count,
                "diff": p.diff,
                "kept": _place(p.kept),
                "note": p.note,
            }
            for p in c.points
        ],
        "rephrased": [
            {
                "old": _place(r.old),
                "new": _place(r.new),
                "similarity": r.similarity,
                "diff": r.diff,
            }
            for r in c.rephrasings
        ],
        "sentences": {
            "repeated": c.sentences.repeated,
            "rephrased": c.sentences.rephrased,
            "new": c.sentences.new,
            "dropped": c.sentences.dropped,
        },
        "similarity": c.similarity,
        "new_sentences": [_place(p) for p in c.changed.added],
        "dropped_sentences": [_place(p) for p in c.changed.dropped],
    }
    return dumps(data)
