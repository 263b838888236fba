"""Benchmark warm runs (``--index FILE``) against cold ones, as whole processes (issue 8).

Run: ``python benchmarks/bench_warm.py [--copies 2] [--phrases 100]``.

The archive is the MFA corpus repeated ``--copies`` times (1,000 briefings by
default, as in ``bench_engine.py``); the watchlist is the first N lines of
``benchmarks/phrases.txt``. The index is built once with ``consistency index``
(its time is printed, not counted), then each command below runs once in a
subprocess, timed from start to exit:

- ``consistency --version``: Python's and click's start-up;
- cold: ``consistency track ARCHIVE --points P --format json``;
- warm, first: the same with ``--index DB`` (every file read and hashed, none
  segmented; every point searched, and its matches kept in the index);
- warm: the same again (the matches all kept: nothing searched);
- warm, no paths: ``consistency track --index DB ...`` (the archive as stored);
- warm, one briefing added: the archive plus one new file, with ``--index DB``
  (only that one searched);
- naive: the naive scan of ``bench_engine.py`` (in this process), for the ratio.

The warm outputs are compared with the cold one (they must be the same bytes).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, corpus_dir
from bench_engine import make_archive, naive


def consistency(*args: str) -> float:
    """Run ``consistency ARGS`` in a fresh process; its wall time in seconds."""
    command = [sys.executable, "-m", "consistency", *args]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    return elapsed


def write_points(phrases: list[str], path: Path) -> None:
    path.write_text(
        "".join(
            f'[[point]]\nid = "p{k}"\ntext = {json.dumps(p)}\n\n' for k, p in enumerate(phrases)
        ),
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--phrases", type=int, default=100)
    args = parser.parse_args()
    phrases = (ROOT / "benchmarks" / "phrases.txt").read_text(encoding="utf-8").splitlines()
    phrases = phrases[: args.phrases]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        archive = base / "archive"
        archive.mkdir()
        n = make_archive(corpus_dir(), args.copies, archive)
        points = base / f"{args.phrases}-phrases.toml"
        write_points(phrases, points)
        db = base / "archive.db"
        quiet = ("--no-config", "-q")
        t_index = consistency(*quiet, "index", str(archive), "--db", str(db))
        print(f"archive: {n} briefings; {args.phrases} phrases; index built in {t_index:.1f} s")
        t_start = consistency("--version")
        track = ("track", "--points", str(points), "--format", "json", "-o")
        cold_out, first_out = base / "cold.json", base / "first.json"
        warm_out, bare_out = base / "warm.json", base / "bare.json"
        t_cold = consistency(*quiet, *track, str(cold_out), str(archive))
        t_first = consistency(*quiet, *track, str(first_out), str(archive), "--index", str(db))
        t_warm = consistency(*quiet, *track, str(warm_out), str(archive), "--index", str(db))
        t_bare = consistency(*quiet, *track, str(bare_out), "--index", str(db))
        same = all(
            filecmp.cmp(cold_out, out, shallow=False) for out in (first_out, warm_out, bare_out)
        )
        first = sorted(archive.glob("*.txt"))[0]
        shutil.copyfile(first, archive / "2099-01-01.txt")
        added = base / "added.json"
        t_added = consistency(*quiet, *track, str(added), str(archive), "--index", str(db))
        (archive / "2099-01-01.txt").unlink()
        start = time.perf_counter()
        naive(archive, phrases)
        t_naive = time.perf_counter() - start
        print(f"python start-up   consistency --version     {t_start:7.2f} s")
        print(f"naive scan        (in process)              {t_naive:7.2f} s")
        rows = [
            ("cold", "track ARCHIVE", t_cold),
            ("warm, first", "track ARCHIVE --index DB", t_first),
            ("warm", "track ARCHIVE --index DB", t_warm),
            ("warm, no paths", "track --index DB", t_bare),
            ("warm, 1 added", "track ARCHIVE+1 --index DB", t_added),
        ]
        for name, command, t in rows:
            print(
                f"{name:17s} {command:26s} {t:7.2f} s   {t_cold / t:5.2f}x cold, "
                f"{t_naive / t:5.2f}x faster than naive, {t / t_start:5.1f}x start-up"
            )
        print(f"warm output identical to cold: {same}")


if __name__ == "__main__":
    main()
