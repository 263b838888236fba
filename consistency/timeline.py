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

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from .diff import skeleton, word_diff
from .models import Change, Occurrence, Shift, Status, Wording
from .normalise import Tokeniser, normalise


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
    reps = representatives(occurrences)
    dates = sorted(reps)
    previous: dict[dt.date, Occurrence | None] = {}
    prev: Occurrence | None = None
    for d in dates:
        previous[d] = prev
        prev = reps[d]
    out = []
    for occ in occurrences:
        before = previous[occ.date]
        if before is None:
            change = Change.FIRST
        elif normalise(before.text, tokeniser=tokeniser) == normalise(
            occ.text, tokeniser=tokeniser
        ):
            change = Change.SAME
        else:
            change = Change.SHIFTED
        out.append(replace(occ, change=change))
    return out


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
    used: dict[str, dt.date] = {}
    for occ in occurrences:
        used.setdefault(normalise(occ.text, tokeniser=tokeniser), occ.date)
    out: list[Shift] = []
    prev: Occurrence | None = None
    for d in sorted(reps):
        cur = reps[d]
        after = normalise(cur.text, tokeniser=tokeniser)
        if prev is not None and normalise(prev.text, tokeniser=tokeniser) != after:
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
        prev = cur
    return out
