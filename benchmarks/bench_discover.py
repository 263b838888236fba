"""Benchmark ``discover`` (and ``report`` without a watchlist) against the read+tokenise floor.

Usage: python benchmarks/bench_discover.py [PATH] [--top N] [--report] [--repeat R]

PATH defaults to the 500-briefing MFA corpus when it is there (see
``_common.corpus_dir``); for the 8-million-word figures make a big corpus first:

    python benchmarks/make_big_corpus.py /tmp/big
    python benchmarks/bench_discover.py /tmp/big
    python benchmarks/bench_discover.py /tmp/big --report

Two floors are measured in this process, first:

- *findall*: read every file and ``re.findall(r"\\w+", text.lower())``, the least
  any tool must do;
- *tokenise*: what discovery itself cannot skip, ``load_documents`` and
  ``document_sentences`` (the tool's own reader, segmenter and normaliser).

The command then runs as ``python -m consistency ...`` in a child process (start-up
and imports included), and its time is given as a ratio to each floor; its peak
memory is the child's peak resident set (``ru_maxrss`` from ``os.wait4``).
Targets (issue 10), against the tokenise floor as the issue measured it (the
tool's tokeniser alone is about 12x the findall floor): discover at most 10x the
floor and under 1 GB on 8 M words; report without a watchlist at most 15x. Not a
test: timings depend on the machine.
Each figure is the best of ``--repeat`` runs (default 1: the big corpus takes minutes).
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import corpus_dir, run_measured  # noqa: E402

from consistency.ingest import load_documents  # noqa: E402
from consistency.segment import document_sentences  # noqa: E402

MB = 1024 * 1024


def findall_floor(path: str) -> tuple[float, int]:
    """Seconds to read every file under ``path`` and find its words; the words."""
    start = time.perf_counter()
    root = Path(path)
    files = sorted(root.rglob("*")) if root.is_dir() else [root]
    words = 0
    for f in files:
        if f.is_file():
            words += len(re.findall(r"\w+", f.read_text("utf-8", errors="replace").lower()))
    return time.perf_counter() - start, words


def tokenise_floor(path: str) -> tuple[float, int, int]:
    """Seconds to read and tokenise ``path``; documents and tokens selected."""
    start = time.perf_counter()
    docs = load_documents([path])
    tokens = sum(len(s.tokens) for d in docs for s in document_sentences(d))
    return time.perf_counter() - start, len(docs), tokens


def run_child(args: list[str]) -> tuple[float, float]:
    """Seconds and peak memory (MB) of ``python -m consistency ARGS`` in a child process."""
    command = [sys.executable, "-m", "consistency", "--no-config", *args]
    took, peak, code, err = run_measured(command)
    if code not in (0, 1):
        sys.exit(f"{' '.join(args)} failed ({code}): {err}")
    return took, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(corpus_dir()))
    parser.add_argument("--top", type=int, default=None)
    parser.add_argument("--report", action="store_true", help="time `report PATH` instead")
    parser.add_argument("--repeat", type=int, default=1, help="best of R runs")
    args = parser.parse_args()
    repeat = max(1, args.repeat)

    base_findall, words = min(findall_floor(args.path) for _ in range(repeat))
    base_tokenise, ndocs, ntokens = min(tokenise_floor(args.path) for _ in range(repeat))
    gc.collect()
    print(
        f"corpus:         {args.path} ({ndocs} documents, {words:,} words, "
        f"{ntokens:,} tokens selected)"
    )
    print(f"floor findall:  {base_findall:7.2f} s  (read + re.findall)")
    print(f"floor tokenise: {base_tokenise:7.2f} s  (load_documents + document_sentences)")
    with tempfile.TemporaryDirectory() as tmp:
        if args.report:
            what, target = "report", 15
            command = ["report", args.path, "--format", "html", "-o", os.path.join(tmp, "r.html")]
        else:
            what, target = "discover", 10
            command = ["discover", args.path, "--format", "toml", "-o", os.path.join(tmp, "d")]
        if args.top is not None:
            command += ["--top", str(args.top)]
        took, peak = min(run_child(command) for _ in range(repeat))
    ratio = took / base_tokenise
    print(f"{what + ':':15s} {took:7.2f} s  (child process: start-up and read included)")
    print(
        f"ratio:          {ratio:7.2f} x tokenise floor (target <= {target} x), "
        f"{took / base_findall:.2f} x findall floor"
    )
    print(f"peak memory:    {peak:7.0f} MB (child; target < 1024 MB)")
    print(
        "result:         " + ("within target" if ratio <= target and peak < 1024 else "OVER TARGET")
    )


if __name__ == "__main__":
    main()
