"""Keep the benchmark figures in README.md true: write them from benchmarks/RESULTS.md.

``python benchmarks/run_all.py --quick --write benchmarks/RESULTS.md`` keeps what
every benchmark printed, headed by the date, commit and machine load. The blocks
of README.md between ``<!-- figures: NAME -->`` and ``<!-- /figures -->`` are
written here from that file, never typed by hand.

    python docs/readme_figures.py          # rewrite README.md
    python docs/readme_figures.py --check  # exit 1 if README.md is out of date (used by the tests)
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"

_BLOCK = re.compile(r"(<!-- figures: ([\w-]+) -->\n)(.*?)(<!-- /figures -->)", re.S)


def sections(results: str) -> dict[str, str]:
    """Each benchmark's output in RESULTS.md, by script name; ``run`` is the heading."""
    out = {"run": results.splitlines()[0].removeprefix("# Benchmarks: ")}
    for m in re.finditer(r"^## (\S+)[^\n]*\n\n```\n(.*?)```", results, re.M | re.S):
        out[m.group(1)] = m.group(2)
    return out


def _seconds(text: str, label: str) -> float:
    m = re.search(rf"^{re.escape(label)}\s.*?([\d.]+) s", text, re.M)
    if m is None:
        raise SystemExit(f"RESULTS.md: no line {label!r}")
    return float(m.group(1))


def warm(parts: dict[str, str]) -> str:
    """The warm-runs table and what it says."""
    text = parts["bench_warm.py"]
    start = _seconds(text, "python start-up")
    naive = _seconds(text, "naive scan")
    built = re.search(r"index built in ([\d.]+) s", text)
    same = "warm output identical to cold: True" in text
    rows = [
        (
            "cold (one process per processor, the default `--jobs`)",
            "`consistency track ARCHIVE --points 100-phrases.toml --format json`",
            "cold",
        ),
        (
            "warm, first run of this watchlist",
            "the same with `--index DB` (every point searched, matches kept)",
            "warm, first",
        ),
        ("warm", "the same again (every match kept: nothing searched)", "warm"),
        ("warm, no paths", "`consistency track --index DB ...`", "warm, no paths"),
        (
            "warm, one briefing added",
            "`... ARCHIVE+1 --index DB` (that briefing alone indexed and searched)",
            "warm, 1 added",
        ),
    ]
    times = {label: _seconds(text, label) for _, _, label in rows}
    cold = times["cold"]
    lines = [
        f"Run {parts['run']} (`benchmarks/RESULTS.md`): 1,000 briefings, 100 phrases, whole",
        "processes.",
        "",
        "| run | command | wall time | vs cold | vs naive |",
        "|---|---|---:|---:|---:|",
        f"| Python start-up | `consistency --version` | {start:.2f} s | | |",
        f"| naive scan (issue 8) | in process | {naive:.2f} s | | 1.00x |",
    ]
    for name, command, label in rows:
        t = times[label]
        lines.append(
            f"| {name} | {command} | {t:.2f} s | {cold / t:.2f}x | {naive / t:.2f}x |"
        )
    fastest = min(t for label, t in times.items() if label != "cold")
    best = naive / fastest
    if start > naive / 30:
        why = (
            f"Python's start-up with the package's imports ({start:.2f} s) is already more"
            f" than a thirtieth of the naive scan ({naive / 30:.2f} s)."
        )
    else:
        why = (
            f"that would be {naive / 30:.2f} s; `consistency --version` takes {start:.2f} s, and"
            f" the other {fastest - start:.2f} s go to the library's imports, reading the kept"
            " matches and building and writing every occurrence with its diff and timeline."
        )
    closing = (
        f"Warm outputs identical to the cold one, byte for byte: {'yes' if same else 'NO'}."
        f" Building the index took {float(built.group(1)) if built else 0:.0f} s (once). The"
        f" best warm run is {best:.2f}x the naive scan, not the issue's 30x: " + why
    )
    # a figure stays on one line with its unit
    glued = re.sub(r"(\d) s\b", "\\1\x00s", closing)
    lines += ["", *(line.replace("\x00", " ") for line in textwrap.wrap(glued, width=92))]
    return "\n".join(lines) + "\n"


def engine(parts: dict[str, str]) -> str:
    """Cold ``track`` against the naive scan and the read+findall floor."""
    text = parts["bench_engine.py"]
    floor = _seconds(text, "floor")
    m = re.search(
        r"100 phrases: naive\s+([\d.]+) s .*?track\s+([\d.]+) s \(([\d]+) occurrences\)", text
    )
    if m is None:
        raise SystemExit("RESULTS.md: no 100-phrase line in bench_engine.py")
    naive, track, found = float(m.group(1)), float(m.group(2)), int(m.group(3))
    out = (
        f"Run {parts['run']} (`benchmarks/RESULTS.md`), 1,000 briefings, 100 phrases,\n"
        f"{found:,} occurrences: cold `track` {track:.1f} s, the naive `cdist` scan "
        f"{naive:.1f} s,\nreading and `findall` {floor:.2f} s: {naive / track:.2f}x the naive "
        f"scan, {track / floor:.0f}x the floor.\n"
    )
    m = re.search(r"100 phrases, (\d+) processes: track\s+([\d.]+) s.*?same result: (\w+)", text)
    if m is not None:
        jobs, spread = int(m.group(1)), float(m.group(2))
        out += (
            f"With {jobs} processes (`--jobs {jobs}`): {spread:.1f} s, {naive / spread:.2f}x the "
            f"naive scan, {spread / floor:.0f}x the floor; the same result: {m.group(3)}.\n"
        )
    return out


FIGURES: dict[str, Callable[[dict[str, str]], str]] = {"warm": warm, "engine": engine}


def rewrite(readme: str, results: str) -> str:
    parts = sections(results)
    return _BLOCK.sub(lambda m: m.group(1) + FIGURES[m.group(2)](parts) + m.group(4), readme)


def main(argv: list[str]) -> int:
    readme = README.read_text(encoding="utf-8")
    new = rewrite(readme, RESULTS.read_text(encoding="utf-8"))
    if "--check" in argv:
        return 0 if new == readme else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
