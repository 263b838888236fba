"""Screenshots of the HTML report for README: the bundled fixtures, and the 500 MFA briefings.

    python docs/screenshots.py   # needs Debian's chromium and the playwright package

Writes ``docs/report-fixtures.png`` (the page's top) and ``docs/report-fixtures-timeline.png``
(its timeline) and, when the corpus is beside the repository, ``docs/report-mfa.png`` and
``docs/report-mfa-timeline.png`` (the top and the timeline of the 500-briefing report).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import available, browser  # noqa: E402
from corpus import FULL, HAS_FULL  # noqa: E402

from consistency.cli import cli  # noqa: E402


def report(args: list[str], target: Path) -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(
        cli, ["--no-config", "report", *args, "--format", "html", "-o", str(target)]
    )
    if result.exit_code != 0:
        raise SystemExit(result.stderr)


def shoot(page_file: Path, out: Path, anchor: str | None, width: int = 1280) -> None:
    with browser() as b:
        page = b.new_page(viewport={"width": width, "height": 760})
        page.goto(page_file.resolve().as_uri())
        if anchor:
            page.evaluate(f"document.querySelector('{anchor}').scrollIntoView()")
        page.screenshot(path=str(out))
        page.close()


def main() -> None:
    if reason := available():
        raise SystemExit(reason)
    with tempfile.TemporaryDirectory() as tmp:
        fixtures = Path(tmp) / "fixtures.html"
        report(["fixtures/briefings", "--points", "fixtures/talking-points.toml"], fixtures)
        shoot(fixtures, ROOT / "docs" / "report-fixtures.png", None)
        shoot(fixtures, ROOT / "docs" / "report-fixtures-timeline.png", "#timeline")
        if HAS_FULL:
            mfa = Path(tmp) / "mfa.html"
            report([str(FULL / "mfa")], mfa)
            shoot(mfa, ROOT / "docs" / "report-mfa.png", None)
            shoot(mfa, ROOT / "docs" / "report-mfa-timeline.png", "#timeline")


if __name__ == "__main__":
    main()
