"""Keep the outputs pasted in README.md true: regenerate them from real runs.

Each block in README.md that follows a marker such as ``<!-- report -->`` is the
output of the command listed here, run on the bundled fixtures (cut at the last
blank line within its first lines where the table says so, with "..." after the
cut).

    python docs/readme_outputs.py          # rewrite README.md
    python docs/readme_outputs.py --check  # exit 1 if README.md is out of date (used by the tests)
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

BLOCKS: dict[str, tuple[list[str], int | None]] = {
    "report": (["report", "fixtures/briefings", "--no-color"], 59),
    "report-with-points": (
        ["report", "fixtures/briefings", "--points", "fixtures/talking-points.toml", "--no-color"],
        64,
    ),
    "ingest": (["ingest", "fixtures/briefings"], None),
    "discover-toml": (["discover", "fixtures/briefings", "--top", "3", "--format", "toml"], 21),
    "check": (
        [
            "check",
            "fixtures/briefings/000_0c46398071a3ed71.txt",
            "--date",
            "2025-10-22",
            "--against",
            "fixtures/briefings",
            "--until",
            "2025-10-21",
            "--points",
            "fixtures/talking-points.toml",
        ],
        None,
    ),
}
"""Marker -> (command-line arguments, how many lines to keep or None for all)."""


def output(args: list[str], keep: int | None) -> str:
    """What ``consistency ARGS`` prints, run from the repository root."""
    from consistency.cli import cli

    here = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli, ["--no-config", *args], prog_name="consistency")
    finally:
        os.chdir(here)
    lines = result.stdout.rstrip("\n").splitlines()
    if keep is not None and len(lines) > keep:
        kept = lines[:keep]
        while kept and kept[-1].strip():
            kept.pop()
        while kept and not kept[-1].strip():
            kept.pop()
        lines = [*kept, "", "..."]
    return "\n".join(line.rstrip() for line in lines)


def rewrite(text: str) -> str:
    """README text with every marked block replaced by fresh output."""
    for marker, (args, keep) in BLOCKS.items():
        pattern = re.compile(rf"(<!-- {re.escape(marker)} -->\n```\w*\n)(.*?)(\n```)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no block after <!-- {marker} -->")
        fresh = output(args, keep)
        text = pattern.sub(lambda m, fresh=fresh: m.group(1) + fresh + m.group(3), text)
    return text


def main() -> None:
    sys.path.insert(0, str(ROOT))
    current = README.read_text(encoding="utf-8")
    fresh = rewrite(current)
    if "--check" in sys.argv[1:]:
        if fresh != current:
            raise SystemExit("README.md outputs are out of date: run python docs/readme_outputs.py")
        return
    README.write_text(fresh, encoding="utf-8")


if __name__ == "__main__":
    main()
