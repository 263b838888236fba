"""Make a large corpus for the speed benchmarks: the MFA corpus repeated with shifted dates.

Usage: python benchmarks/make_big_corpus.py OUT_DIR [--words 8000000] [--source DIR]

Each copy of the 500 briefings goes into ``OUT_DIR`` with every file's date
(its name, ``YYYY-MM-DD.txt``) moved on by five years per copy, so no two
files share a date; copies are added until the corpus holds at least
``--words`` words (white-space separated). The text is unchanged, so every
sentence recurs: the worst case for discovery, which then finds every clause
a candidate. Not a test; writes only under ``OUT_DIR`` (made if missing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from _common import corpus_dir


def shifted(name: str, years: int) -> str:
    """``YYYY-MM-DD.txt`` moved on by ``years`` (29 February becomes 28 February)."""
    day = dt.date.fromisoformat(name[:10])
    try:
        moved = day.replace(year=day.year + years)
    except ValueError:
        moved = day.replace(year=day.year + years, day=28)
    return f"{moved.isoformat()}{name[10:]}"


def make(out: Path, words: int, source: Path) -> tuple[int, int, int]:
    """Write the copies into ``out``: (copies, briefings per copy, words written)."""
    files = sorted(source.glob("*.txt"))
    if not files:
        sys.exit(f"{source}: no .txt briefings")
    texts = [(f.name, f.read_text("utf-8")) for f in files]
    per_copy = sum(len(t.split()) for _, t in texts)
    out.mkdir(parents=True, exist_ok=True)
    written = copies = 0
    while written < words:
        for name, text in texts:
            (out / shifted(name, 5 * copies)).write_text(text, "utf-8")
        written += per_copy
        copies += 1
    return copies, len(files), written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=8_000_000)
    parser.add_argument("--source", type=Path, default=corpus_dir())
    args = parser.parse_args()
    copies, files, words = make(args.out, args.words, args.source)
    print(f"{args.out}: {copies} copies of {files} briefings, {words:,} words")


if __name__ == "__main__":
    main()
