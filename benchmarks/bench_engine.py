"""Benchmark the matching engine against a naive scan and the read+tokenise floor (issue 8).

Run: ``python benchmarks/bench_engine.py [--copies 2] [--phrases 100,1000]``.

The archive is the MFA corpus repeated ``--copies`` times (each copy dated ten
years after the one before) in a temporary folder: 1,000 briefings by default.
The phrases are the first N lines of ``benchmarks/phrases.txt`` (recurring
official phrases of 4-9 words). Everything is timed in this one process, and
printed as ratios:

- floor: read every file and ``re.findall(r"\\w+", text.lower())``;
- naive: per briefing, split sentences, lower-case words, and
  ``rapidfuzz.process.cdist(phrases, sentences, scorer=fuzz.partial_ratio,
  score_cutoff=95)`` over sentences at least as long as the phrase;
- ingest: ``consistency.load_documents``;
- track: ``load_documents`` + ``track`` (cold: nothing cached), in this process, then
  with ``jobs=--jobs`` processes (default: one per processor), each indexing and
  searching a share of the briefings; the two results must be the same.

``--memory WORDS`` (e.g. 8000000) then runs ``consistency report`` with the
watchlist ``benchmarks/mfa-points.toml`` on a corpus of that many words (the MFA
corpus repeated, see ``make_big_corpus.py``) in a child process and prints its
peak resident memory and time, beside the read+findall floor of that corpus.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, corpus_dir, run_measured
from make_big_corpus import make

sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz, process

from consistency import load_documents, track
from consistency.models import Point
from consistency.track import usable_cpus


def make_archive(source: Path, copies: int, into: Path) -> int:
    """Copy the briefings ``copies`` times, shifting the year in each file name by 10."""
    n = 0
    for k in range(copies):
        for path in sorted(source.glob("*.txt")):
            name = path.name
            m = re.match(r"(\d{4})(-\d\d-\d\d.*)", name)
            name = f"{int(m.group(1)) + 10 * k}{m.group(2)}" if m else f"{k}_{name}"
            shutil.copyfile(path, into / name)
            n += 1
    return n


def floor(folder: Path) -> int:
    total = 0
    for path in sorted(folder.glob("*.txt")):
        total += len(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))
    return total


def naive(folder: Path, phrases: list[str]) -> int:
    lengths = [len(p) for p in phrases]
    hits = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences = [
            " ".join(re.findall(r"\w+", s.lower())) for s in re.split(r"(?<=[.!?])\s+", text)
        ]
        sentences = [s for s in sentences if len(s) >= min(lengths)]
        if not sentences:
            continue
        scores = process.cdist(phrases, sentences, scorer=fuzz.partial_ratio, score_cutoff=95)
        for i, length in enumerate(lengths):
            for j, s in enumerate(sentences):
                if len(s) >= length and scores[i, j]:
                    hits += 1
    return hits


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--phrases", default="100,1000")
    parser.add_argument("--memory", type=int, default=0, metavar="WORDS")
    parser.add_argument("--jobs", type=int, default=usable_cpus())
    args = parser.parse_args()
    all_phrases = (ROOT / "benchmarks" / "phrases.txt").read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = corpus_dir()
        n = make_archive(source, args.copies, folder)
        t_floor, words = timed(lambda: floor(folder))
        print(f"archive: {n} briefings, {words:,} words (copies of {source})")
        print(f"floor   read + findall           {t_floor:7.2f} s   1.00x floor")
        t_ingest, _docs = timed(lambda: load_documents([str(folder)]))
        ratio = t_ingest / t_floor
        print(f"ingest  load_documents           {t_ingest:7.2f} s   {ratio:5.2f}x floor")
        base: float | None = None
        for count in (int(c) for c in args.phrases.split(",")):
            phrases = all_phrases[:count]
            points = [Point(f"p{k}", p) for k, p in enumerate(phrases)]
            t_naive, hits = timed(lambda: naive(folder, phrases))  # noqa: B023
            t_track, result = timed(
                lambda: track(load_documents([str(folder)]), points)  # noqa: B023
            )
            found = sum(len(p.occurrences) for p in result.points)
            base = base or t_track
            print(
                f"{count:5d} phrases: naive {t_naive:7.2f} s ({hits} hits); "
                f"track {t_track:7.2f} s ({found} occurrences): "
                f"{t_naive / t_track:5.2f}x faster than naive, {t_track / t_floor:5.2f}x floor, "
                f"{t_track / base:4.2f}x the first phrase count"
            )
            if args.jobs > 1:
                t_jobs, spread = timed(
                    lambda: track(load_documents([str(folder)]), points, jobs=args.jobs)  # noqa: B023
                )
                print(
                    f"{count:5d} phrases, {args.jobs} processes: track {t_jobs:7.2f} s: "
                    f"{t_naive / t_jobs:5.2f}x faster than naive, {t_jobs / t_floor:5.2f}x floor, "
                    f"{t_track / t_jobs:4.2f}x one process; same result: "
                    + ("yes" if spread == result else "NO")
                )
    if args.memory:
        report_memory(args.memory)


def report_memory(words: int) -> None:
    """Peak memory and time of ``report --points`` on a corpus of ``words`` words."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        copies, _, written = make(folder, words, corpus_dir())
        t_floor, _ = timed(lambda: floor(folder))
        points = ROOT / "benchmarks" / "mfa-points.toml"
        command = [sys.executable, "-m", "consistency", "--no-config", "report", str(folder)]
        command += ["--points", str(points), "--format", "json", "-o", str(folder / "out.json")]
        took, peak, code, err = run_measured(command)
        if code not in (0, 1):
            sys.exit(f"report failed ({code}): {err}")
        print(
            f"report --points on {written:,} words ({copies} copies): {took:7.2f} s "
            f"({took / t_floor:5.2f}x floor), peak {peak:,.0f} MB"
        )


if __name__ == "__main__":
    main()
