"""The points ``check`` looks for: a watchlist, or those discovered in the baseline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from ..index import Index
from ..match import candidate_keys, make_forms
from ..models import Level, Point
from ..normalise import Tokeniser
from .findings import DISCOVERED_LEVEL

FormHit = tuple[int, tuple[str, ...], list[int]]
"""A point's wording that may occur: (point position, its words, sentence numbers)."""


DEFAULT_TOP = 200
"""How many discovered points ``check`` holds a new briefing to without a watchlist (and
``diff --points INDEX`` compares two by): the strongest formulas, not every phrase that
happened to recur twice."""


class PointSource(Protocol):
    """Where the points to check come from."""

    discovered: bool
    """True when every wording of every point was seen in the baseline (discovered points)."""

    top: int | None
    """The most discovered points taken (``--top``), or None: all of them."""

    def __len__(self) -> int: ...

    def form_hits(self, sentences: Sequence[Collection[str]]) -> list[FormHit]:
        """The wordings that may occur in these sentences (sets of words), by the matcher's rule."""
        ...

    def thresholds(self, positions: Iterable[int]) -> dict[int, float]:
        """The points' own thresholds, where they have one."""
        ...

    def points(self, positions: Iterable[int]) -> dict[int, Point]:
        """The points at these positions."""
        ...

    def all(self) -> list[Point]:
        """Every point, in order."""
        ...


class MemoryPoints:
    """Points in memory (a watchlist, or points discovered from baseline files)."""

    def __init__(
        self,
        points: Sequence[Point],
        is_common: Callable[[str], bool],
        *,
        discovered: bool = False,
        top: int | None = None,
        tokeniser: Tokeniser | None = None,
    ) -> None:
        self._points = list(points)
        self.discovered = discovered
        self.top = top
        self._is_common = is_common
        self._tokeniser = tokeniser
        self._keys: dict[str, list[int]] | None = None
        self._forms: list[tuple[int, tuple[str, ...], int]] = []

    def __len__(self) -> int:
        return len(self._points)

    def _build(self) -> dict[str, list[int]]:
        keys: dict[str, list[int]] = {}
        for position, point in enumerate(self._points):
            for form in make_forms(point, tokeniser=self._tokeniser):
                words, need = candidate_keys(form.words, self._is_common)
                for w in words:
                    keys.setdefault(w, []).append(len(self._forms))
                self._forms.append((position, form.words, need))
        return keys

    def form_hits(self, sentences: Sequence[Collection[str]]) -> list[FormHit]:
        if self._keys is None:
            self._keys = self._build()
        where: dict[int, list[int]] = {}
        for k, words in enumerate(sentences):
            hits: Counter[int] = Counter()
            for w in set(words):
                hits.update(self._keys.get(w, ()))
            for fid, h in hits.items():
                if h >= self._forms[fid][2]:
                    where.setdefault(fid, []).append(k)
        return [(self._forms[fid][0], self._forms[fid][1], ks) for fid, ks in sorted(where.items())]

    def thresholds(self, positions: Iterable[int]) -> dict[int, float]:
        out: dict[int, float] = {}
        for p in positions:
            threshold = self._points[p].threshold
            if threshold is not None:
                out[p] = threshold
        return out

    def points(self, positions: Iterable[int]) -> dict[int, Point]:
        return {p: self._points[p] for p in positions}

    def all(self) -> list[Point]:
        return list(self._points)


class IndexPoints:
    """Points an index stored by discovery: those on ``min_dates`` dates, the ``top`` best."""

    discovered = True

    def __init__(
        self,
        index: Index,
        *,
        min_dates: int = 1,
        top: int | None = None,
        level: Level = DISCOVERED_LEVEL,
    ) -> None:
        self.index = index
        self.level = level
        self.min_dates = min_dates
        self.top = top
        self.last = index.point_cutoff(min_dates=min_dates, top=top)

    def __len__(self) -> int:
        return self.index.point_count(min_dates=self.min_dates, top=self.top)

    def form_hits(self, sentences: Sequence[Collection[str]]) -> list[FormHit]:
        return self.index.form_hits(sentences, min_dates=self.min_dates, last=self.last)

    def thresholds(self, positions: Iterable[int]) -> dict[int, float]:
        return {}

    def points(self, positions: Iterable[int]) -> dict[int, Point]:
        stored = self.index.points_at(positions)
        return {p: replace(s.point, level=self.level) for p, s in stored.items()}

    def all(self) -> list[Point]:
        kept = [
            replace(s.point, level=self.level)
            for s in self.index.points()
            if s.dates >= self.min_dates
        ]
        return kept if self.top is None else kept[: self.top]
