"""What the built-in stop list still does: discovery with it and without it, side by side.

Usage:
    python benchmarks/stops_discover.py            # MFA top 100 and mfa-zh top 50

Runs ``discover`` twice on each corpus in one process: as shipped, then with
:data:`~consistency.discover.DEFAULT_STOP_PHRASES` emptied (nothing else changes), and
prints the rows that enter and leave the top without the list, with their dates and
score, and the time of each run. For each row that enters, it prints the learned signals
that judge the genre's procedure (see :mod:`consistency.discover.rank`): ``edge`` (share
of occurrences opening or closing their turn), ``brief`` (how much shorter than usual
their turns are), ``topic`` (topicality) and ``lift`` (beyond ordinary language).

Issue 10 asks for the list to go once the learned signals keep these rows out (it is an
English word list, and discovery is judged on archives in other languages and styles).
Not a test: it prints what a reader would check.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import corpus_dir

from consistency.discover import rank
from consistency.ingest import load_documents
from consistency.normalise import normalise

discovery: Any = importlib.import_module("consistency.discover")


def run(docs: list[Any], top: int, signals: dict[str, str]) -> tuple[list[Any], float]:
    """The top points, and the run's seconds; ``signals`` gets each point's learned signals."""
    scorer_call = rank._Scorer.__call__

    def call(self: rank._Scorer, group: Any) -> float:
        score = scorer_call(self, group)
        sample = rank._sample(group.occs)
        edge = max(rank._opens(self.corpus, sample), rank._closes(self.corpus, sample))
        signals[self.corpus.text_of(group.key)] = (
            f"edge={edge:.2f} brief={self.brevity(sample):.2f} "
            f"topic={self.topicality(group.key, sample):.1f} lift={self.lift(group):.2f}"
        )
        return score

    rank._Scorer.__call__ = call  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        points = discovery.discover(docs, top=top)
        return points, time.perf_counter() - start
    finally:
        rank._Scorer.__call__ = scorer_call  # type: ignore[method-assign]


def compare(folder: Path, top: int) -> None:
    docs = load_documents([folder])
    shipped = discovery.DEFAULT_STOP_PHRASES
    signals: dict[str, str] = {}
    with_list, t_with = run(docs, top, signals)
    discovery.DEFAULT_STOP_PHRASES = ()
    try:
        without, t_without = run(docs, top, signals)
    finally:
        discovery.DEFAULT_STOP_PHRASES = shipped
    print(f"== {folder.name}: top {top}, {len(docs)} briefings")
    print(f"   with the list {t_with:.1f} s, without {t_without:.1f} s")
    kept = {p.point.text for p in with_list}
    now = {p.point.text for p in without}
    entering = [(k, p) for k, p in enumerate(without, 1) if p.point.text not in kept]
    leaving = [(k, p) for k, p in enumerate(with_list, 1) if p.point.text not in now]
    print(f"   rows that enter without the list: {len(entering)}")
    for k, p in entering:
        why = signals.get(normalise(p.point.text), "")
        print(f"   {k:4} {p.dates:4} {p.score:7.3f}  {p.point.text}   [{why}]")
    print(f"   rows that leave: {len(leaving)}")
    for k, p in leaving:
        print(f"   {k:4} {p.dates:4} {p.score:7.3f}  {p.point.text}")


def main() -> None:
    mfa = corpus_dir()
    compare(mfa, 100)
    zh = mfa.parent / "mfa-zh"
    if zh.is_dir():
        compare(zh, 50)


if __name__ == "__main__":
    main()
