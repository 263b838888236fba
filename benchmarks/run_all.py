"""Run every benchmark, one after the other: ``python benchmarks/run_all.py [--quick]
[--write FILE]``.

Each prints its own wall times and ratios to a baseline measured in the same run
(see the scripts: bench_track.py, bench_engine.py, bench_warm.py, bench_ingest.py,
bench_discover.py, bench_check.py, bench_report.py).
They run on the corpus beside the repository, or on the fixtures where there is none
(see _common.py), from any working directory. ``--quick``: one run of each timing, but
the best of three of discover's on the MFA corpus (a minute more): its figure sits
near its target, and one run on a busy machine falls either side of it.
``--write FILE``: also write what they printed to FILE (Markdown), headed by the date,
the commit and the machine (cores, load before and after), so figures quoted in the
README can be checked against the run they came from.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "bench_track.py": ["--runs", "1"],
    "bench_engine.py": ["--phrases", "100"],
    "bench_warm.py": [],
    "bench_ingest.py": ["--runs", "1"],
    "bench_discover.py": ["--repeat", "3"],
    "bench_check.py": ["--runs", "1"],
    "bench_report.py": ["--runs", "1"],
}
"""Each benchmark, and its options for ``--quick``."""


def _machine() -> str:
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{os.cpu_count()} cores, load average {load}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description="Run every benchmark, one after the other (about 10 minutes; --quick: 4)."
    )
    parser.add_argument("--quick", action="store_true", help="one run of each timing")
    parser.add_argument("--write", type=Path, metavar="FILE", help="also write the output here")
    options = parser.parse_args(argv)
    quick, write = options.quick, options.write
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=HERE, capture_output=True, text=True
    ).stdout.strip()
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        f"# Benchmarks: {started}, commit {commit or '?'}",
        "",
        f"`python benchmarks/run_all.py {' '.join(argv)}`; before: {_machine()}.",
    ]
    failed = 0
    for name, fast in BENCHMARKS.items():
        print(f"== {name}", flush=True)
        command = [sys.executable, str(HERE / name), *(fast if quick else [])]
        done = subprocess.run(command, check=False, stdout=subprocess.PIPE, text=True)
        print(done.stdout, end="", flush=True)
        failed |= done.returncode
        parts += ["", f"## {name} {' '.join(fast if quick else [])}".rstrip(), "", "```"]
        parts += [done.stdout.rstrip(), "```"]
    parts += ["", f"After: {_machine()}.", ""]
    if write is not None:
        write.write_text("\n".join(parts), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
