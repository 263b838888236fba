"""The HTML report in a real browser (headless Debian ``chromium`` through playwright).

No element may stick out of its table cell, timeline cell or paragraph, and the
page may not scroll sideways, at 1024, 1400 and 1920 px; screenshots go to
``$CONSISTENCY_ARTEFACTS`` (default: pytest's temporary directory). Skipped
when chromium or playwright is missing.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from browser import WIDTHS, available, browser, check_page

from consistency.ingest import load_documents
from consistency.models import DateSource, Document, Point
from consistency.report import render_html
from consistency.track import track
from consistency.watchlist import load_watchlist

ROOT = Path(__file__).resolve().parent.parent
REASON = available()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

# Formulas with the wordings a spokesperson moves between over 500 briefings.
FORMULAS = {
    "position": ["China's position is consistent and clear", "China's position is consistent"],
    "community": [
        "building a community with a shared future for mankind",
        "building a community with a shared future for humanity",
    ],
    "sea": [
        "a sea of peace, friendship and cooperation",
        "a sea of peace and cooperation",
        "a sea of peace, stability and cooperation",
    ],
    "win-win": ["mutual benefit and win-win results", "mutual benefit and win-win outcomes"],
    "internal": [
        "Hong Kong affairs are purely China's internal affairs",
        "Hong Kong affairs are China's internal affairs that brook no foreign interference",
    ],
}


def five_hundred() -> tuple[list[Document], list[Point]]:
    """500 dated briefings; each formula switches wording at its own dates, some days unsaid."""
    docs = []
    start = dt.date(2018, 5, 11)
    for k in range(500):
        date = start + dt.timedelta(days=k * 3 // 2)
        said = []
        for n, (name, forms) in enumerate(FORMULAS.items()):
            if (k + n) % (n + 2) == 0:
                continue
            said.append(f"Spokesperson: {forms[(k // (90 + 40 * n)) % len(forms)]}.")
            del name
        text = "Guo Jiakun: Good afternoon.\n" + "\n".join(said) + "\n"
        docs.append(Document(f"mfa/{date}", f"mfa/{date}.txt", text, date, DateSource.FILENAME))
    points = [Point(name, forms[0]) for name, forms in FORMULAS.items()]
    return docs, points


def artefacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CONSISTENCY_ARTEFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check(page: str, name: str, tmp_path: Path) -> None:
    out = artefacts(tmp_path)
    page_file = out / f"{name}.html"
    page_file.write_text(page, encoding="utf-8")
    with browser() as b:
        for width in WIDTHS:
            problems = check_page(b, page_file, width, out / f"{name}-{width}.png")
            assert problems == [], f"{name} at {width} px: {problems}"
            assert (out / f"{name}-{width}.png").stat().st_size > 0


def test_fixtures_report_fits_every_width(tmp_path: Path) -> None:
    docs = load_documents([str(ROOT / "fixtures" / "briefings")])
    points = load_watchlist(ROOT / "fixtures" / "talking-points.toml")
    check(render_html(track(docs, points)), "fixtures", tmp_path)


def test_500_briefing_report_fits_every_width(tmp_path: Path) -> None:
    docs, points = five_hundred()
    page = render_html(track(docs, points))
    assert page.count('class="tl-row"') == len(FORMULAS)
    check(page, "briefings-500", tmp_path)
