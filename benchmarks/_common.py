"""Shared helpers for the benchmarks: where the corpus is, and a best-of-N timer."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


FIXTURES = ROOT / "fixtures" / "corpus" / "mfa"
"""The 4-briefing sample bundled with the repository: what the benchmarks run on elsewhere."""


def corpus_dir() -> Path:
    """The briefings to benchmark on: ``CONSISTENCY_CORPUS`` (the corpus folder, or its
    ``mfa/``), else ``../shared/corpus/mfa`` beside the repository, else the fixtures.

    A ``CONSISTENCY_CORPUS`` that does not exist falls back to the fixtures, with a note.
    """
    given = os.environ.get("CONSISTENCY_CORPUS")
    if given:
        for candidate in (Path(given) / "mfa", Path(given)):
            if candidate.is_dir() and any(candidate.glob("*.txt")):
                return candidate
        print(f"note: CONSISTENCY_CORPUS={given} has no briefings; using {FIXTURES}", flush=True)
        return FIXTURES
    for shared in (
        ROOT.parent / "shared" / "corpus" / "mfa",
        ROOT.parent.parent / "shared" / "corpus" / "mfa",  # a git worktree at wt/NAME
    ):
        if shared.is_dir():
            return shared
    return FIXTURES


def best_of(n: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``n`` runs of ``fn`` (seconds) and its last result."""
    best = float("inf")
    result: T
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def run_measured(command: list[str]) -> tuple[float, float, int, str]:
    """Run ``command`` in a child process: seconds, its peak resident set (MB), exit
    status and the end of its standard error. Output is discarded.

    ``os.wait4`` gives this child's own resource use, so each run's peak is its own.
    """
    with tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        took = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return took, usage.ru_maxrss / 1024, child.returncode, err.read()[-2000:]
