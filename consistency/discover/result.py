"""The result of discovery: one discovered talking point."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..models import Point


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
    wordings: each wording of the family (the text, then the aliases) with how
        many occurrences it has, in that order.
    firsts: the first date each of those wordings is said on, word for word (None for
        one never said so), in the same order; empty when not known.
    took_over: whether each of those wordings took the place of the ones before it (see
        :func:`~consistency.discover.verify.took_over`), in the same order; empty when
        not known.
    """

    point: Point
    dates: int
    documents: tuple[str, ...]
    first: dt.date
    last: dt.date
    example: str
    score: float
    count: int = 0
    wordings: tuple[tuple[str, int], ...] = ()
    firsts: tuple[dt.date | None, ...] = ()
    took_over: tuple[bool, ...] = ()

    @property
    def replacing(self) -> frozenset[str]:
        """The wordings that took the place of the ones before them (see ``took_over``)."""
        return frozenset(
            w for (w, _), over in zip(self.wordings, self.took_over, strict=False) if over
        )
