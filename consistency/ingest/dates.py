"""Finding a briefing's date in a file name or in the first lines of its text.

Candidates are found with a few explicit patterns (never by fuzzy-parsing whole
lines, which reads a date into almost anything) and month-name candidates are
then parsed by python-dateutil. Every candidate must be a real calendar date
between 1900 and 2100.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator

from dateutil import parser as dateparser

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
_TEXT_DATE = re.compile(
    rf"(?P<mdy>\b{_MONTH}\.?\s+\d{{1,2}}{_ORD},?\s+\d{{4}}\b)"
    rf"|(?P<dmy>\b\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}\b)"
    r"|(?<![\d/.-])(?P<iy>\d{4})(?P<isep>[-/.])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})(?!\d|[/-]\d|\.\d)"
    r"|(?<![\d/.-])(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{4})(?![\d/])"
    r"|(?<![\d/.-])(?P<ed>\d{1,2})\.(?P<em>\d{1,2})\.(?P<ey>\d{4})(?!\d|\.\d)"
    r"|(?P<cy>\d{4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日"
    r"|(?:中華民國|中华民国|民國|民国)\s*(?P<ry>\d{2,3})\s*年\s*(?P<rm>\d{1,2})\s*月"
    r"\s*(?P<rd>\d{1,2})\s*日",
    re.IGNORECASE,
)
ROC_EPOCH = 1911
"""Year 1 of the Republic of China calendar (民國) is 1912: the dates of Taiwan's
government pages (中華民國113年3月5日 is 2024-03-05)."""
_NAME_DATE = re.compile(
    r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)|(?<!\d)(\d{4})([-_.])(\d{1,2})\6(\d{1,2})(?!\d)"
)
_DEFAULT = dt.datetime(2000, 1, 1)
_CLOCK = re.compile(
    r"(?:[A-Z]{2,10}[^\S\n]+)?\d{1,2}[:.]\d{2}(?:[^\S\n]*[AaPp]\.?[^\S\n]?[Mm]\.?)?"
    r"(?:[^\S\n]+\(?[A-Z]{2,5}\)?)?"
)
"""A clock line ("12:53 P.M. EST", "END 1:45 P.M. EST"), its spaces any Unicode spaces (a
web page's non-breaking ones)."""

HEADER_LINES = 10
"""How many non-empty lines at the top of a text are searched for a date."""

SHORT_LINE = 160
"""A line up to this long is header-like: a date anywhere in it counts."""

LEAD = 40
"""In a longer line, a date counts only if it starts within this many characters
(``On March 27, 2023, ...``), so that a date mentioned deep in the first
paragraph is not taken for the briefing's date."""


def _real(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _parse_words(candidate: str) -> dt.date | None:
    try:
        parsed = dateparser.parse(candidate, default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    return _real(parsed.year, parsed.month, parsed.day)


def _from_match(m: re.Match[str]) -> dt.date | None:
    if m.group("mdy") or m.group("dmy"):
        return _parse_words(m.group(0))
    if m.group("iy"):
        return _real(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    if m.group("uy"):
        first, second = int(m.group("um")), int(m.group("ud"))
        if first > 12:
            first, second = second, first
        return _real(int(m.group("uy")), first, second)
    if m.group("ey"):
        return _real(int(m.group("ey")), int(m.group("em")), int(m.group("ed")))
    if m.group("ry"):
        return _real(int(m.group("ry")) + ROC_EPOCH, int(m.group("rm")), int(m.group("rd")))
    return _real(int(m.group("cy")), int(m.group("cm")), int(m.group("cd")))


def date_spans(line: str) -> Iterator[tuple[int, int, dt.date]]:
    """Every real date written in ``line``, with where it starts and ends (see :func:`dates_in`).

    >>> [(a, b, str(d)) for a, b, d in date_spans("Briefing - January 10, 2023")]
    [(11, 27, '2023-01-10')]
    """
    for m in _TEXT_DATE.finditer(line):
        found = _from_match(m)
        if found is not None:
            yield m.start(), m.end(), found


def is_clock_time(line: str) -> bool:
    """A line that is only a clock time, perhaps with a word before it and a zone after it.

    >>> [is_clock_time(x) for x in ("2:17 p.m. EST", "END  3:41 P.M. EDT", "14:30", "At 10:30")]
    [True, True, True, False]
    """
    return _CLOCK.fullmatch(line.strip()) is not None


def dates_in(line: str) -> Iterator[tuple[int, dt.date]]:
    """Every real date written in ``line``, with the offset where it starts.

    Recognised: ``Sep 08, 2025``, ``March 27, 2023``, ``12 June 2019``,
    ``2019-06-12``, ``2019/06/12``, ``09/23/2025`` (month first unless the
    first number cannot be a month), ``12.06.2019`` (day first), ``2019年6月12日``,
    ``中華民國113年3月5日`` (the Republic of China calendar, see :data:`ROC_EPOCH`).

    >>> [str(d) for _, d in dates_in("09/23/2025 | Press release | on 09/24/2025")]
    ['2025-09-23', '2025-09-24']
    >>> [str(d) for _, d in dates_in("中華民國113年3月5日（星期二）")]
    ['2024-03-05']
    """
    for start, _end, found in date_spans(line):
        yield start, found


def date_in_line(line: str, *, lead: int | None = None) -> dt.date | None:
    """The first date in ``line``; with ``lead``, only one starting that early."""
    for start, found in dates_in(line):
        if lead is not None and start > lead:
            return None
        return found
    return None


def date_in_lines(
    lines: Iterable[str], *, skip: Callable[[str], bool] | None = None
) -> dt.date | None:
    """The date of the first of the top :data:`HEADER_LINES` non-empty lines that has one.

    A short (header-like) line may carry the date anywhere
    (``09/23/2025 | Press release``, ``Published: Sep 08, 2025 10:27 PM``,
    ``... Regular Press Conference on June 12, 2019``); a longer line only
    near its start (``On March 27, 2023, State Councilor ...``). Lines for
    which ``skip`` is true (speech: ``QUESTION: On March 3, 2023, ...``) count
    among the top lines but are not searched.
    """
    for line in _header_lines(lines, skip):
        found = date_in_line(line, lead=None if len(line) <= SHORT_LINE else LEAD)
        if found is not None:
            return found
    return None


def _header_lines(lines: Iterable[str], skip: Callable[[str], bool] | None) -> Iterator[str]:
    """The top :data:`HEADER_LINES` non-empty lines, stripped, less those ``skip`` names
    (which count among them): where a briefing's date is looked for."""
    seen = 0
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > HEADER_LINES:
            return
        if skip is None or not skip(line):
            yield line


def impossible_line_date(
    lines: Iterable[str], *, skip: Callable[[str], bool] | None = None
) -> str | None:
    """A date written in the top lines (where :func:`date_in_lines` looks) that names no
    real day (``Press briefing, 2025-02-30``, ``February 30, 2025``), when none of them
    has a real date: the user meant a date there.

    >>> impossible_line_date(["Press briefing, 2025-02-30", "We remain committed."])
    '2025-02-30'
    >>> impossible_line_date(["Briefing, 2025-02-28"]), impossible_line_date(["Page 2"])
    (None, None)
    """
    lines = list(lines)
    if date_in_lines(lines, skip=skip) is not None:
        return None
    for line in _header_lines(lines, skip):
        for m in _TEXT_DATE.finditer(line):
            if len(line) > SHORT_LINE and m.start() > LEAD:
                break
            if _from_match(m) is None:
                return m.group()
    return None


def date_in_name(*names: str) -> dt.date | None:
    """An ISO date in a file name (or the first of several names that has one).

    ``2025-10-22_briefing``, ``20251022``, ``2025_10_22``, ``2025.10.22``, ``2025-1-9``.

    >>> str(date_in_name("2025-10-22_briefing"))
    '2025-10-22'
    >>> date_in_name("20251322") is None
    True
    """
    for name in names:
        for m in _NAME_DATE.finditer(name):
            year, month, day = (m.group(1, 3, 4)) if m.group(1) else m.group(5, 7, 8)
            found = _real(int(year), int(month), int(day))
            if found is not None:
                return found
    return None


def impossible_name_date(*names: str) -> str | None:
    """A date-shaped part of a file name that names no real day (``2021-02-30``,
    ``2024-13-01``), when none of the names has a real date: the user meant a date there.

    >>> impossible_name_date("2021-02-30_briefing")
    '2021-02-30'
    >>> impossible_name_date("2021-02-28"), impossible_name_date("briefing-12")
    (None, None)
    """
    if date_in_name(*names) is not None:
        return None
    for name in names:
        for m in _NAME_DATE.finditer(name):
            year = m.group(1) or m.group(5)
            if 1900 <= int(year) <= 2100:
                return m.group()
    return None


def parse_iso(value: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` date (a full ISO timestamp is cut to its date), else None."""
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.+\-Z]*)?", text)
    if m is None:
        return None
    return _real(int(m.group(1)), int(m.group(2)), int(m.group(3)))
