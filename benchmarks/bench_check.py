"""Benchmark: ``consistency check`` of one fresh briefing against an index of a 500-briefing corpus.

Builds an index of every briefing of CORPUS but the last (in a temporary
directory), then times, in fresh subprocesses, wall clock including Python's
start-up:

- ``check LAST --against INDEX`` (the fresh briefing, points discovered);
- the same with ``--format github --warn-on rephrased``;
- ``check`` of an unchanged copy of an indexed briefing;
- ``check`` of the fresh briefing forty times over on one line (a hostile input);
- as baselines, ``python -c "import consistency"`` and ``consistency --version``
  (interpreter plus the CLI's imports).

It prints each timing (best and median of ``--runs``) and its ratio to the
``--version`` baseline, plus the time to build the index and to re-run
``index`` over the unchanged files. Target: ``check`` under 1 s.

Usage: python benchmarks/bench_check.py [CORPUS] [--runs N] [--keep DIR]
(CORPUS: by default the corpus beside the repository, else the fixtures; see _common.py)
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, corpus_dir


def consistency_command(*args: str) -> list[str]:
    """``python -m consistency ARGS``."""
    return [sys.executable, "-m", "consistency", *args]


def timed(command: list[str], runs: int, expect: tuple[int, ...] = (0, 1)) -> list[float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in expect:
            raise SystemExit(f"{command} failed ({done.returncode}):\n{done.stderr}")
    return times


def report(name: str, times: list[float], base: float | None) -> None:
    best, median = min(times), statistics.median(times)
    ratio = f"  x{median / base:5.2f} of --version" if base else ""
    print(f"{name:<48} best {best:6.3f} s  median {median:6.3f} s{ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build the index here and keep it")
    args = parser.parse_args()
    if args.corpus is None:
        args.corpus = corpus_dir()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: no such folder")
    files = sorted(p for p in args.corpus.iterdir() if p.suffix == ".txt")
    if len(files) < 2:
        raise SystemExit(f"{args.corpus}: need at least two briefings")
    work = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        archive = work / "archive"
        archive.mkdir()
        for f in files[:-1]:
            shutil.copy(f, archive / f.name)
        fresh = files[-1]
        copy = work / f"{files[0].stem}_copy.txt"
        shutil.copy(files[0], copy)
        db = (args.keep or work) / "archive.db"
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            db.unlink(missing_ok=True)

        start = time.perf_counter()
        timed(consistency_command("--no-config", "index", str(archive), "--db", str(db)), 1, (0,))
        build = time.perf_counter() - start
        again = timed(
            consistency_command("--no-config", "index", str(archive), "--db", str(db)), 1, (0,)
        )
        print(f"corpus: {args.corpus} ({len(files) - 1} briefings indexed, new: {fresh.name})")
        print(f"index build                                      {build:6.2f} s")
        print(f"index re-run, nothing changed                    {again[0]:6.2f} s")
        print(f"index file size                                  {db.stat().st_size / 1e6:6.1f} MB")

        runs = args.runs
        startup = timed([sys.executable, "-c", "import consistency"], runs, (0,))
        version = timed(consistency_command("--version"), runs, (0,))
        base = statistics.median(version)
        report("python -c 'import consistency'", startup, base)
        report("consistency --version", version, base)
        check = ["--no-config", "check"]
        report(
            "check NEW --against INDEX",
            timed(consistency_command(*check, str(fresh), "--against", str(db)), runs),
            base,
        )
        report(
            "check NEW ... --format github --warn-on rephrased",
            timed(
                consistency_command(
                    *check,
                    str(fresh),
                    "--against",
                    str(db),
                    "--format",
                    "github",
                    "--warn-on",
                    "rephrased",
                ),
                runs,
            ),
            base,
        )
        report(
            "check COPY-OF-INDEXED --against INDEX",
            timed(consistency_command(*check, str(copy), "--against", str(db)), runs, (0,)),
            base,
        )
        # the fresh briefing forty times on one line: its matches found by bisection,
        # not by a pass over all of them for each (review 71: minutes on such a file)
        huge = work / "huge" / fresh.name
        huge.parent.mkdir()
        body = fresh.read_text(encoding="utf-8").replace("\n", " ")
        huge.write_text((body + " ") * 40 + "\n", encoding="utf-8")
        report(
            f"check HUGE ({huge.stat().st_size // 1000} KB, one line)",
            timed(consistency_command(*check, str(huge), "--against", str(db)), runs),
            base,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
