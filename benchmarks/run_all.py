"""Run every benchmark, one after the other: ``python benchmarks/run_all.py``.

Each prints its own wall times and ratios to a baseline measured in the same run
(see the scripts: bench_track.py, bench_discover.py, bench_check.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ("bench_track.py", "bench_discover.py", "bench_check.py", "bench_report.py")


def main() -> int:
    failed = 0
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / name)], check=False).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
