"""Benchmark ``track``: 20 formulas over the MFA corpus (500 briefings).

Run: ``python benchmarks/bench_track.py [--runs N]``. Prints wall times and their ratio
to a baseline measured in the same process: reading and tokenising every briefing
(the least any tracker must do). Target (issue 3): track under 5 s for 20 points
over the 500 briefings, ingest included.
"""

from __future__ import annotations

import argparse
import sys

from _common import ROOT, best_of, corpus_dir

sys.path.insert(0, str(ROOT))

from consistency import load_documents, load_watchlist, tokenise, track


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    corpus = corpus_dir()
    points = load_watchlist(ROOT / "benchmarks" / "mfa-points.toml")

    def baseline() -> int:
        docs = load_documents([str(corpus)])
        return sum(len(tokenise(d.text)) for d in docs)

    def full() -> int:
        docs = load_documents([str(corpus)])
        result = track(docs, points)
        return sum(len(p.occurrences) for p in result.points)

    t_base, tokens = best_of(args.runs, baseline)
    t_track, found = best_of(args.runs, full)
    docs = load_documents([str(corpus)])
    print(f"corpus: {corpus} ({len(docs)} briefings, {tokens} tokens); {len(points)} points")
    print(f"baseline  ingest + tokenise      {t_base:7.3f} s")
    print(f"track     ingest + track         {t_track:7.3f} s   ratio {t_track / t_base:5.2f}x")
    print(f"occurrences found: {found}; best of {args.runs} runs")


if __name__ == "__main__":
    main()
