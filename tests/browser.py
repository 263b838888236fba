"""Open HTML reports in headless Chromium (Debian's ``chromium``) through playwright.

Used by ``tests/test_html_browser.py`` and ``docs/screenshots.py``; both skip
or stop cleanly when either is missing (playwright never downloads a browser here).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WIDTHS = (1024, 1400, 1920)

OVERFLOW_JS = """
() => {
  const bad = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) {
    bad.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  }
  const cells = 'td, th, li, p, h1, h2, h3, summary, .tl-row > *, .tl-head > *';
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const cell = el.parentElement && el.parentElement.closest(cells);
    if (!cell) continue;
    const c = cell.getBoundingClientRect();
    if (r.right > c.right + 1 || r.left < c.left - 1) {
      const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
      bad.push(`${name} [${Math.round(r.left)}, ${Math.round(r.right)}] outside ` +
               `${cell.tagName.toLowerCase()}.${cell.className} ` +
               `[${Math.round(c.left)}, ${Math.round(c.right)}]`);
    }
  }
  return bad.slice(0, 20);
}
"""


def available() -> str | None:
    """Why the browser checks cannot run here, or None when they can."""
    if CHROMIUM is None:
        return "chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return None


@contextmanager
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


def check_page(b: Any, page_file: Path, width: int, shot: Path | None) -> list[str]:
    """Overflowing elements of ``page_file`` at ``width`` px.

    With ``shot``, screenshots of the page's top there, and of its timeline beside it.
    """
    page = b.new_page(viewport={"width": width, "height": 900})
    try:
        page.set_default_timeout(30_000)
        page.goto(page_file.resolve().as_uri())
        problems: list[str] = page.evaluate(OVERFLOW_JS)
        if shot is not None:
            page.screenshot(path=str(shot), full_page=False)
            if page.locator("#timeline").count():
                page.evaluate("document.querySelector('#timeline').scrollIntoView()")
                page.screenshot(path=str(shot.with_name(shot.stem + "-timeline.png")))
        return problems
    finally:
        page.close()
