"""Benchmark ``report FILE`` on one 10 MB briefing that is a single line of real text.

Usage: python benchmarks/bench_single_line.py [--mb 10] [--source DIR] [--min-dates 2,1]

The file is the corpus's briefings (the MFA corpus beside the repository, see
``_common.corpus_dir``), each flattened to one line and joined with spaces, the
whole corpus again and again until it holds ``--mb`` megabytes; it is named
``2030-01-01_line.txt`` so ingest dates it from its name. No newline anywhere:
one paragraph, one turn, ordinary sentences. ``report FILE`` then runs in a child
process (``python -m consistency``) once per ``--min-dates`` value; the default 2
finds nothing on one date, 1 makes every clause a candidate (the worst case).
Targets (issue 10): under 20 s and 1 GB peak resident set. Not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import corpus_dir, run_measured


def single_line(source: Path, size: int) -> str:
    """The briefings of ``source`` as one line of at least ``size`` UTF-8 bytes, cut there."""
    flat = [
        " ".join(line.strip() for line in f.read_text("utf-8").splitlines() if line.strip())
        for f in sorted(source.glob("*.txt"))
    ]
    if not any(flat):
        sys.exit(f"{source}: no .txt briefings")
    parts: list[str] = []
    total = 0
    while total < size:
        for text in flat:
            parts.append(text)
            total += len(text.encode()) + 1
            if total >= size:
                break
    return " ".join(parts).encode()[:size].decode("utf-8", "ignore").rstrip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--source", type=Path, default=corpus_dir())
    parser.add_argument("--min-dates", default="2,1", help="comma-separated values to run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2030-01-01_line.txt"
        path.write_text(single_line(args.source, int(args.mb * 1_000_000)), "utf-8")
        size = path.stat().st_size
        print(f"file: {size:,} bytes, one line, from {args.source}")
        for min_dates in args.min_dates.split(","):
            command = [
                sys.executable,
                "-m",
                "consistency",
                "--no-config",
                "report",
                str(path),
                "--format",
                "json",
                "-o",
                str(Path(tmp) / "report.json"),
                "--min-dates",
                min_dates,
            ]
            took, peak, code, err = run_measured(command)
            if code not in (0, 1):
                sys.exit(f"report failed ({code}): {err}")
            ok = took < 20 and peak < 1024
            print(
                f"report --min-dates {min_dates}: {took:6.1f} s, peak {peak:5.0f} MB  "
                + ("within target" if ok else "OVER TARGET (20 s, 1024 MB)")
            )


if __name__ == "__main__":
    main()
