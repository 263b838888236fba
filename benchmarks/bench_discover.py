"""Benchmark ``discover`` (ingest included) on a corpus of briefings.

Usage: python benchmarks/bench_discover.py [PATH] [--top N] [--repeat R]

PATH defaults to ``CONSISTENCY_CORPUS`` or ``../shared/corpus/mfa`` (500 briefings)
when it exists, else the 4-briefing sample in ``fixtures/corpus/mfa``. Prints wall times, the peak
resident memory of the process, and the ratio of the whole run to a baseline
measured in the same process: sentences and tokens of the same documents plus
one plain ``Counter`` of every 4-word n-gram, i.e. the cheapest possible
"recurring phrase" count. Targets (issue 4): under 10 s and under 1 GB on the
500 briefings. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _common import corpus_dir  # noqa: E402

from consistency.discover import discover  # noqa: E402
from consistency.ingest import load_documents  # noqa: E402
from consistency.models import Document  # noqa: E402
from consistency.segment import document_sentences  # noqa: E402


def baseline(documents: list[Document]) -> int:
    """Sentences and tokens of every document, then one Counter of all 4-grams."""
    grams: Counter[tuple[str, ...]] = Counter()
    for doc in documents:
        for s in document_sentences(doc):
            words = [t.text for t in s.tokens]
            grams.update(zip(words, words[1:], words[2:], words[3:], strict=False))
    return len(grams)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=None)
    parser.add_argument("--top", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.path is None:
        args.path = str(corpus_dir())

    runs: list[tuple[float, float, int]] = []
    for _ in range(args.repeat):
        gc.collect()
        t0 = time.perf_counter()
        docs = load_documents([args.path])
        t1 = time.perf_counter()
        points = discover(docs, top=args.top)
        t2 = time.perf_counter()
        runs.append((t1 - t0, t2 - t1, len(points)))
    peak = peak_mb()

    base: list[float] = []
    for _ in range(args.repeat):
        gc.collect()
        t0 = time.perf_counter()
        grams = baseline(load_documents([args.path]))
        base.append(time.perf_counter() - t0)

    ingest = statistics.median(r[0] for r in runs)
    found = statistics.median(r[1] for r in runs)
    total = statistics.median(r[0] + r[1] for r in runs)
    reference = statistics.median(base)
    print(f"corpus:       {args.path} ({len(docs)} documents)")
    print(f"points:       {runs[-1][2]} (top={args.top})")
    print(f"ingest:       {ingest:6.2f} s  (median of {args.repeat})")
    print(f"discover:     {found:6.2f} s")
    print(f"total:        {total:6.2f} s  (target < 10 s)")
    print(f"peak memory:  {peak:6.0f} MB (process peak RSS, target < 1024 MB)")
    print(f"baseline:     {reference:6.2f} s  (ingest + tokens + Counter of {grams} 4-grams)")
    print(f"ratio:        {total / reference:6.2f} x baseline")
    ok = total < 10 and peak < 1024
    print("result:       " + ("within target" if ok else "OVER TARGET"))


if __name__ == "__main__":
    main()
