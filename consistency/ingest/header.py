"""The header at the top of a briefing: site banner, section, title, date line, captions.

None of it is speech, so the turns start after it. Detection is conservative:
the header is the run of short, header-like lines at the very top (at most
:data:`MAX_LINES` non-empty ones) that ends where the first body line starts;
it counts only if body text follows it. A header-like line is one of:

- a date line: a line with a date that does not end like a sentence, unless
  it holds little else (``09/23/2025 | Press release``), a
  clock time (``2:17 p.m. EST``) or a metadata line (``Published: Sep 08,
  2025 10:27 PM``, ``From: ...``, a bare ``Published``, ``By ...``);
- a banner: no lower-case letters (``SOURCE / ECONOMY``), or parts separated by
  `` | `` or `` / ``;
- a byline or place line: short capitalised parts separated by commas
  (``Ned Price, Department Spokesperson``, ``Washington, DC``);
- a photo caption (``... Photo: Xinhua``);
- a title candidate: 2 to 25 words, starting with a capital, digit or quote,
  ending with a letter, digit, quote or bracket (not ``.`` ``,`` ``:`` ``!`` ``?``),
  not on a function word ("... the convoy of the": a wrapped sentence), and no speaker
  label in front; or a title followed by the date
  (``Department Press Briefing - January 10, 2023``, or in Chinese or Japanese with the
  date set apart by a bracket, a dash or a space: ``国务院台办新闻发布会（2025年5月14日）``);
  or a short line of Chinese or Japanese without sentence punctuation; or a single word
  (``Remarks``, a breadcrumb such as ``Home``).

A line that runs on into the next one, right after it and opening in lower case, is
body: a paragraph wrapped at a width (review 106).

Up to :data:`MAX_STANDFIRST` body-like lines (a summary sentence under the
title) are part of the header when a metadata line follows them.

The title is the title candidate that is most clearly one: a title with its
date first, then one followed by a date, time or metadata line (the "title,
then date" pattern of most sites; bylines and office names in between are
passed over), then any other, a single word last. The name of an office, a
venue or a site (every word capitalised: "Office of the Spokesperson", "James
S. Brady Press Briefing Room") ranks below a title of the same kind, and is
no title at all unless a date or metadata line follows it (a venue is
followed by the clock time the briefing began). Among equals the last wins,
the one closest to the body (a site banner such as "Ministry of Foreign
Affairs of the People's Republic of China" comes first). Bylines and places
are never the title. Across an archive, see :func:`archive_titles`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..normalise import DEFAULT_TOKENISER
from .dates import date_in_line, date_spans, is_clock_time
from .turns import find_label, is_page_field, label_kind

MAX_LINES = 10
MAX_CHARS = 200
MAX_TITLE_WORDS = 25
MAX_HAN_TITLE_CHARS = 60
"""The most characters of a title in Chinese or Japanese, which has no spaces to count
words by."""
MAX_STANDFIRST = 2
MAX_STANDFIRST_CHARS = 400
MAX_DATE_LINE_REST = 25
"""A date line ending like a sentence ("Monday, 14 March 2023.") is header-like only when
little else is in it; "The talks will be held on 15 March 2023." is body."""

_METADATA = re.compile(
    r"(?i:published|updated|posted|released|issued|date|dated|time|source|author|editor"
    r"|location|from)\s*[:：]"
    r"|(?i:published|updated|posted|released|issued|from|source|date)\s*$"
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
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
"""A Markdown heading marker: ``# Title`` is read as ``Title``."""
_BANNER_SPLIT = re.compile(r"\s[|/]\s")
_BARE_FIELD = re.compile(r"[^\W\d_]+\s*[:：]?")
"""A metadata field name alone on its line ("From:", "Published"): the next line is its value."""
_WORD_LINE = re.compile(r"[^\W\d_](?:[\w'’.&-]*[\w'’&-])?")
_DATE_TAIL = re.compile(r"[\s)\]）】〕］]*")
_BEFORE_DATE = " \t-–—－,:;(|/（【〔［"
_HAN_DATE_APART = re.compile(r"\s*(?:[-–—－]+|[(\[（【〔［])\s*|\s+")
"""What sets a date apart from the Han title before it: a bracket, a dash (the Chinese
double dash ——, the full-width －: review 106) or a space ("国务院台办新闻发布会（2025年5月14日）");
"会议将于2025年5月14日" runs on into its date."""
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_NEXT_LINE = re.compile(r"\n[ \t]*\S")
"""A line break with the next line right after it, no blank line between."""
_CJK_PUNCTUATION = re.compile(r"[。！？；：，、,.!?;:]")


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CONNECTORS = _words("of and the for & de da do la le del der van von al el bin y e di")
_NOT_TITLE_WORDS = _words("published updated posted released issued date dated last source time")


@dataclass(frozen=True, slots=True)
class Header:
    """end: offset where the body starts (0 when there is no header); title or None.

    candidates: every line that could be the title, best first (``title`` is the first).
    """

    end: int
    title: str | None
    candidates: tuple[str, ...] = ()


def _byline(line: str) -> bool:
    """Short capitalised parts between commas: "Ned Price, Department Spokesperson"."""
    parts = line.split(",")
    if len(parts) < 2:
        return False
    for part in parts:
        words = part.split()
        if not words or sum(w.casefold() not in _CONNECTORS for w in words) > 3:
            return False
        if not all(w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS for w in words):
            return False
    return True


_SENTENCES = re.compile(r"[?!](?=\s+\S)|(?<![^\W_])[a-z]{3,}\.(?=\s+\S)")
"""A sentence ending inside a line, more said after it ("Oh, what's going on? Good
afternoon. 1"): speech, never a title; an abbreviation ("Amb. Thomas-Greenfield",
"U.S. Policy") is no sentence's end."""


_QUOTED_SENTENCE_END = re.compile(r"[.?!\u3002\uff1f\uff01][\"'\u201d\u2019\u300d]+$")
"""A line ending with a quoted sentence's own stop ('The PMOS said: "The UK will stand with
Ukraine for as long as it takes."'): what someone said, never a title (a review: UK
lobby briefings lost such lines to the header)."""


def _title_shaped(line: str) -> bool:
    words = line.split()
    return (
        2 <= len(words) <= MAX_TITLE_WORDS
        and _TITLE_START.match(line) is not None
        and _TITLE_END.match(line[-1]) is not None
        and (line[0].isupper() or not line[0].isalpha())
        and _SENTENCES.search(line) is None
        and _QUOTED_SENTENCE_END.search(line) is None
    )


def _han_title(line: str) -> bool:
    """A short line of Chinese or Japanese without sentence punctuation: 外交部例行记者会."""
    return len(line) <= MAX_HAN_TITLE_CHARS and not _CJK_PUNCTUATION.search(line)


def _dated_title(line: str) -> bool:
    """A title that ends with the date: "Department Press Briefing - January 10, 2023",
    "国务院台办新闻发布会（2025年5月14日）"."""
    spans = list(date_spans(line))
    if not spans:
        return False
    start, end, _ = spans[-1]
    if not _DATE_TAIL.fullmatch(line, end):
        return False
    head = line[:start].rstrip(_BEFORE_DATE)
    if _CJK.search(head):
        # Han words have no spaces between them: the title is told by its shape, and by
        # the date set apart from it (review 102)
        return _han_title(head) and _HAN_DATE_APART.fullmatch(line, len(head), start) is not None
    return (
        len(head.split()) >= 2
        and head.split()[0].casefold() not in _NOT_TITLE_WORDS
        and not _byline(head)
        and not _BANNER_SPLIT.search(head)
        and _title_shaped(head)
    )


def _han_dated_title(line: str) -> bool:
    """A Chinese title with its date inside it, no field before it, a name of the event
    after it: 国家卫生健康委员会2025年5月14日新闻发布会文字实录 (review 141: no title);
    not "会议将于2025年5月14日举行" ("the meeting will be held on ..."), which runs on."""
    spans = list(date_spans(line))
    return (
        bool(spans)
        and _CJK.search(line[: spans[0][0]]) is not None
        and _han_title(line)
        and len(_CJK.findall(line[spans[-1][1] :])) >= MIN_HAN_TITLE_REST
    )


MIN_HAN_TITLE_REST = 4
"""Han characters a Chinese title needs after its date inside it (新闻发布会文字实录)."""


def _without_dates(line: str) -> str:
    """The line with its dates taken out, and the punctuation around them."""
    parts: list[str] = []
    pos = 0
    for start, end, _ in date_spans(line):
        parts.append(line[pos:start])
        pos = end
    parts.append(line[pos:])
    return " ".join(" ".join(parts).replace(".", " ").replace(",", " ").split())


def _kind(line: str) -> str | None:
    """What a stripped header line is, or None for body.

    "dated" (a title with its date), "title", "date", "time", "meta", "banner",
    "byline" or "caption".
    """
    if len(line) > MAX_CHARS:
        return None
    if _CAPTION.search(line):
        return "caption"
    if _METADATA.match(line):
        return "meta"
    if is_clock_time(line):
        return "time"
    label = find_label(line, 0, len(line))
    if label is not None and label.colon and is_page_field(label.label):
        # 地点：国家卫生健康委新闻发布厅 ("place:"), 发布人： ("speakers:"), review 141
        return "meta"
    # a title may follow a kind of event and a colon ("Press Conference: Karine Jean-Pierre
    # Holds a Press Briefing at The White House - May 2, 2023", Factba.se): a speaker's
    # line goes on with speech, not a date
    if label is not None and label_kind(label.label) is not None and not _dated_title(line):
        return None
    if date_in_line(line) is not None and (
        not _SENTENCE_END.search(line) or len(_without_dates(line)) <= MAX_DATE_LINE_REST
    ):
        if _BANNER_SPLIT.search(line):
            return "banner"
        return "dated" if _dated_title(line) or _han_dated_title(line) else "date"
    if not any(c.islower() for c in line) and not _CJK.search(line):
        return "banner"
    if _BANNER_SPLIT.search(line):
        return "banner"
    if _byline(line):
        return "byline"
    if _CJK.search(line):
        # a title and its subject after one colon: "教育部2025年第3场新闻发布会：介绍学生资助
        # 工作有关情况" (review 143: no title, its words the first speaker's)
        return "title" if _han_title(line.replace("：", "", 1)) else None
    if _WORD_LINE.fullmatch(line):
        return "word"
    # a line ending on "the", "of", "to" breaks off a sentence a wrapper cut (review 106:
    # "The Secretary-General strongly condemns the attack on the convoy of the" took the
    # first lines of a briefing wrapped at 72 columns); a title before its date may ("...
    # Regular Press Conference on March 17, 2023")
    cut = line.split()[-1] in DEFAULT_TOKENISER.function_words
    return "title" if _title_shaped(line) and not cut else None


def _name_like(line: str) -> bool:
    """Every word capitalised bar "of", "the" ...: the name of an office, a venue or a site."""
    return all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS for w in line.split()
    )


def _title_score(lines: list[tuple[str, int, str | None]], i: int) -> float | None:
    """How clearly header line ``i`` is the title (see the module docstring); None if not one."""
    line, _, kind = lines[i]
    if kind == "dated":
        return 2.0
    if kind not in ("title", "word"):
        return None
    score = 0.0 if kind == "title" else -1.0
    name = _name_like(line)
    if name:
        score -= 0.5
    for after, _, what in lines[i + 1 :]:
        if what is None or what == "byline" or (what in ("title", "word") and _name_like(after)):
            continue
        # A venue names where, then the clock says when: "... Briefing Room" / "2:47 P.M. EDT".
        if what in ("date", "meta") or (what == "time" and not name):
            score += 1
        break
    if name and kind == "title" and score < 0:
        return None  # a venue, an office or a site's name, not the title of this briefing
    return score


def _standfirst(line: str) -> bool:
    """A summary sentence under a title: body-like, but no speaker label in front."""
    if len(line) > MAX_STANDFIRST_CHARS:
        return False
    label = find_label(line, 0, len(line))
    return label is None or label_kind(label.label) is None


def scan_header(text: str) -> Header:
    """Find the header at the top of ``text``: where the body starts, and the title."""
    lines: list[tuple[str, int, str | None]] = []
    pos = 0
    while pos < len(text) and len(lines) <= MAX_LINES:
        nl = text.find("\n", pos)
        stop = len(text) if nl == -1 else nl
        line = _MARKDOWN_HEADING.sub("", text[pos:stop].strip())
        if line and any(c.isalnum() for c in line):
            kind = _kind(line) if len(lines) < MAX_LINES else None
            if (
                kind is not None
                and lines
                and lines[-1][2] == "meta"
                and _BARE_FIELD.fullmatch(lines[-1][0])
            ):
                kind = "meta"
            lines.append((line, stop, kind))
        if nl == -1:
            break
        pos = nl + 1
    for i in range(len(lines) - 1):
        line, stop, kind = lines[i]
        if kind not in (None, "meta") and _runs_on(text, stop, lines[i + 1][0]):
            lines[i] = (line, stop, None)
    count = 0
    for i, (_, _, kind) in enumerate(lines):
        if kind is not None:
            count = i + 1
            continue
        skipped = lines[i : i + MAX_STANDFIRST + 1]
        follows = next((j for j, entry in enumerate(skipped) if entry[2] is not None), None)
        if (
            count == 0
            or follows is None
            or skipped[follows][2] != "meta"
            or not all(_standfirst(entry[0]) for entry in skipped[:follows])
        ):
            break
    count = next(
        (i for i in range(1, count) if _speaker_again(text, lines[i][0], lines[count - 1][1])),
        count,
    )
    if count == 0 or count >= len(lines):
        return Header(0, None)
    header = lines[:count]
    scored = [(score, i) for i in range(count) if (score := _title_score(header, i)) is not None]
    # ties: the first (a heading with its date above a dateline, "Ha Noi, 07/03/2024":
    # review 152)
    order = sorted(scored, key=lambda si: (-si[0], si[1]))
    ranked = tuple(dict.fromkeys(header[i][0] for _, i in order))
    return Header(header[count - 1][1], ranked[0] if ranked else None, ranked)


def _runs_on(text: str, stop: int, following: str) -> bool:
    """Whether the line ending at ``stop`` goes on into the line ``following`` it: the next
    line, right after it, opens in lower case ("... which killed two humanitarian" /
    "workers. He calls for accountability.": a paragraph wrapped at a width, no header)."""
    return _NEXT_LINE.match(text, stop) is not None and following[:1].islower()


def _speaker_again(text: str, line: str, end: int) -> bool:
    """Whether a header-like ``line`` is a speaker's label alone on its line, said again
    alone on a line after the header (which ends at ``end``): "Karine Jean-Pierre" above
    the first of her turns on a transcription service's page is the body's first label,
    not a byline."""
    if text.find(line, end) < 0 or label_kind(line) is None:
        return False
    return re.search(rf"(?m)^[^\S\n]*{re.escape(line)}[^\S\n]*$", text[end:]) is not None


REPEATED_TITLE_DOCUMENTS = 3
"""A header line that is the title of at least this many documents of an archive..."""

REPEATED_TITLE_SHARE = 0.1
"""...and of at least this share of them names the place or the series, not the briefing."""


def repeated_titles(candidates: Sequence[Sequence[str]]) -> frozenset[str]:
    """The titles that too many documents share to name any one of them.

    ``candidates`` holds each document's title candidates, best first. A
    venue ("James S. Brady Press Briefing Room", "Via Teleconference"), a
    series name or a site's banner ("An official website of the United States
    Government") recurs in the headers of most of an archive, first or not; the
    title of one briefing does not.

    >>> sorted(repeated_titles([["Via Call", "A"], ["Via Call", "B"], ["Via Call"], ["C"]]))
    ['Via Call']
    """
    counts = Counter(c for cs in candidates for c in set(cs))
    need = max(REPEATED_TITLE_DOCUMENTS, REPEATED_TITLE_SHARE * len(candidates))
    return frozenset(t for t, n in counts.items() if n >= need)


def archive_titles(candidates: Sequence[Sequence[str]]) -> list[str | None]:
    """Each document's title, passing over lines repeated across the archive.

    >>> archive_titles([["Via Call", "A"], ["Via Call", "B"], ["Via Call"], ["C"]])
    ['A', 'B', None, 'C']
    """
    repeated = repeated_titles(candidates)
    return [next((c for c in cs if c not in repeated), None) for cs in candidates]
