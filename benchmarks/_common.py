"""Shared helpers for the benchmarks: where the corpus is, and a best-of-N timer."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def corpus_dir() -> Path:
    """The 500-briefing corpus (``CONSISTENCY_CORPUS`` or ../shared) if there, else fixtures."""
    for candidate in (
        os.environ.get("CONSISTENCY_CORPUS"),
        ROOT.parent / "shared" / "corpus" / "mfa",
        ROOT.parent.parent / "shared" / "corpus" / "mfa",  # a git worktree at wt/NAME
        ROOT / "fixtures" / "corpus" / "mfa",
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return ROOT / "fixtures" / "briefings"


def best_of(n: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``n`` runs of ``fn`` (seconds) and its last result."""
    best = float("inf")
    result: T
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result
