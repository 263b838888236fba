"""Pausing Python's cyclic garbage collector while a stage builds many small objects.

Discovery and tracking build millions of tuples, lists and small objects that
never form cycles and live to the stage's end; the collector would go through
them again and again and free nothing: a fifth of discovery's time on the 500
MFA briefings, and of ``track``'s on 1,000 (2.9 s of 14.5 s, with Python's
default thresholds; the CLI raises them, see :data:`consistency.cli.app.GC_THRESHOLDS`,
but a library caller keeps the defaults). Reference counting still frees
everything that is not in a cycle; the collector runs again after the stage.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off inside the block (as it was, after)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collector_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run with the cyclic collector off (see :func:`paused`)."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return fn(*args, **kwargs)

    return run
