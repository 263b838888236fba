"""The header at the top of a briefing: site banner, section, title, date line, captions.

None of it is speech, so the turns start after it. Detection is conservative:
the header is the run of short, header-like lines at the very top (at most
:data:`MAX_LINES` non-empty ones) that ends where the first body line starts;
it counts only if body text follows it. A header-like line is one of:

- a date line: a short line with a date (``09/23/2025 | Press release``) or a
  metadata line (``Published: Sep 08, 2025 10:27 PM``, ``By ...``);
- a banner: no lower-case letters (``SOURCE / ECONOMY``), or parts separated by
  `` | `` or `` / ``;
- a photo caption (``... Photo: Xinhua``);
- a title candidate: 2 to 25 words, starting with a capital, digit or quote,
  ending with a letter, digit, quote or bracket (not ``.`` ``,`` ``:`` ``!`` ``?``),
  and no speaker label in front.

The title is the last title candidate of the header, the one closest to the
body (a site banner such as "Ministry of Foreign Affairs of the People's
Republic of China" comes first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import date_in_line
from .turns import find_label, label_kind

MAX_LINES = 10
MAX_CHARS = 200
MAX_TITLE_WORDS = 25

_METADATA = re.compile(
    r"(?i:published|updated|posted|released|issued|date|dated|time|source|author|editor"
    r"|location)\s*[:：]"
    r"|(?i:by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$"
)
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]]*$")
_CAPTION = re.compile(
    r"\b(?:photo|photograph|file photo|image)(?:\s+by)?\s*[:/]\s*[^.!?:]{1,60}\)?$"
    r"|^(?:photo|image|picture|caption)\s*[:/：]",
    re.IGNORECASE,
)
_TITLE_START = re.compile(r"[^\W_]|[\"'“‘]")
_TITLE_END = re.compile(r"[^\W_]|[\"'”’)\]]")
_BANNER_SPLIT = re.compile(r"\s[|/]\s")


@dataclass(frozen=True, slots=True)
class Header:
    """end: offset where the body starts (0 when there is no header); title or None."""

    end: int
    title: str | None


def _kind(line: str) -> str | None:
    """What a stripped header line is ("date", "banner", "caption", "title"), or None for body."""
    if len(line) > MAX_CHARS:
        return None
    if _CAPTION.search(line):
        return "caption"
    if _METADATA.match(line):
        return "date"
    label = find_label(line, 0, len(line))
    if label is not None and not label.bare and label_kind(label.label) is not None:
        return None
    if date_in_line(line) is not None and (len(line) <= 60 or not _SENTENCE_END.search(line)):
        return "date"
    if not any(c.islower() for c in line) or _BANNER_SPLIT.search(line):
        return "banner"
    words = line.split()
    if (
        2 <= len(words) <= MAX_TITLE_WORDS
        and _TITLE_START.match(line)
        and _TITLE_END.match(line[-1])
        and (line[0].isupper() or not line[0].isalpha())
    ):
        return "title"
    return None


def scan_header(text: str) -> Header:
    """Find the header at the top of ``text``: where the body starts, and the title."""
    pos = 0
    end = 0
    title: str | None = None
    seen = 0
    while pos < len(text):
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl
        line = text[pos:stop].strip()
        if line and any(c.isalnum() for c in line):
            seen += 1
            kind = _kind(line) if seen <= MAX_LINES else None
            if kind is None:
                return Header(end, title) if end else Header(0, None)
            if kind == "title":
                title = line
            end = stop
        if nl == -1:
            break
        pos = nl + 1
    return Header(0, None)
