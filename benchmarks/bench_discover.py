"""Benchmark ``discover`` (and ``report`` without a watchlist) against the read+tokenise floor.

Usage: python benchmarks/bench_discover.py [PATH] [--top N] [--report] [--repeat R]

PATH defaults to the 500-briefing MFA corpus when it is there (see
``_common.corpus_dir``); for the 8-million-word figures make a big corpus first:

    python benchmarks/make_big_corpus.py /tmp/big
    python benchmarks/bench_discover.py /tmp/big
    python benchmarks/bench_discover.py /tmp/big --report

The *floor* is what any discovery must do: read every file and tokenise every
selected sentence (``load_documents`` + ``document_sentences``). It is measured
in the same process, first, and the run is given as a ratio to it. Peak memory
is the process's peak resident set (``ru_maxrss``), floor included. Targets
(issue 10): discover at most 10x the floor and under 1 GB on 8 M words; report
without a watchlist at most 15x. Not a test: timings depend on the machine.
Each figure is the best of ``--repeat`` runs (default 1: the big corpus takes minutes).
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import corpus_dir  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from consistency.cli import cli  # noqa: E402
from consistency.discover import discover  # noqa: E402
from consistency.ingest import load_documents  # noqa: E402
from consistency.segment import document_sentences  # noqa: E402


def floor(path: str) -> tuple[float, int, int]:
    """Seconds to read and tokenise ``path``; documents and tokens."""
    start = time.perf_counter()
    docs = load_documents([path])
    tokens = sum(len(s.tokens) for d in docs for s in document_sentences(d))
    return time.perf_counter() - start, len(docs), tokens


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(corpus_dir()))
    parser.add_argument("--top", type=int, default=None)
    parser.add_argument("--report", action="store_true", help="time `report PATH` instead")
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs")
    args = parser.parse_args()

    floors = [floor(args.path) for _ in range(max(1, args.repeat))]
    base, ndocs, ntokens = min(floors)
    gc.collect()
    print(f"corpus:       {args.path} ({ndocs} documents, {ntokens:,} tokens selected)")
    print(f"floor:        {base:7.2f} s  (read + tokenise)")
    took = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        if args.report:
            with tempfile.TemporaryDirectory() as tmp:
                out = os.path.join(tmp, "report.html")
                result = CliRunner().invoke(
                    cli, ["report", args.path, "--format", "html", "--output", out]
                )
                if result.exit_code not in (0, 1):
                    sys.exit(f"report failed: {result.output}")
            what, target = "report", 15
        else:
            points = discover(load_documents([args.path]), top=args.top)
            what, target = f"discover ({len(points)} points)", 10
        took = min(took, time.perf_counter() - start)
    ratio = took / base
    peak = peak_mb()
    print(f"{what}: {took:7.2f} s  (read included)")
    print(f"ratio:        {ratio:7.2f} x floor  (target <= {target} x)")
    print(f"peak memory:  {peak:7.0f} MB (target < 1024 MB)")
    ok = ratio <= target and peak < 1024
    print("result:       " + ("within target" if ok else "OVER TARGET"))


if __name__ == "__main__":
    main()
