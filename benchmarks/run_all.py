"""Run every benchmark, one after the other: ``python benchmarks/run_all.py [--quick]``.

Each prints its own wall times and ratios to a baseline measured in the same run
(see the scripts: bench_track.py, bench_engine.py, bench_ingest.py, bench_discover.py,
bench_check.py, bench_report.py).
They run on the corpus beside the repository, or on the fixtures where there is none
(see _common.py), from any working directory. ``--quick``: one run of each timing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {
    "bench_track.py": ["--runs", "1"],
    "bench_engine.py": ["--phrases", "100"],
    "bench_ingest.py": ["--runs", "1"],
    "bench_discover.py": ["--repeat", "1"],
    "bench_check.py": ["--runs", "1"],
    "bench_report.py": ["--runs", "1"],
}
"""Each benchmark, and its options for ``--quick``."""


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    failed = 0
    for name, fast in BENCHMARKS.items():
        print(f"== {name}", flush=True)
        command = [sys.executable, str(HERE / name), *(fast if quick else [])]
        failed |= subprocess.run(command, check=False).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
