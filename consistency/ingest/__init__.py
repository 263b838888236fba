"""Ingest: files, directories and standard input -> dated :class:`~consistency.models.Document`\\ s.

:func:`load_documents` reads every input, finds each briefing's date, title and
speaker turns, and either returns all documents or raises with *every* problem
found (one :class:`~consistency.errors.InputError`, or an
:class:`~consistency.errors.InputErrors` holding several), so that a user can
fix them all in one go. Nothing given is silently dropped.

Inputs (see CONTRACT.md "Inputs"):

- a file (``.txt``, ``.md``, ``.html``, ``.htm``, ``.jsonl``, ``.csv``; a file
  without an extension is read as text); its id is its file name without the
  extension;
- a directory, read recursively in sorted order (hidden folders, hidden files
  and files with other extensions are skipped: the note names each skipped file but
  hidden ones of other extensions, such as ``.DS_Store``; ``--include`` reads a
  hidden file, and a hidden folder whose path a glob starts with: ``--include
  '.pending/*'``); ids are paths relative to
  it, without the extension, with ``/`` separators; a ``manifest.csv`` in it
  (or in a folder below) dates the files it lists and is never a briefing;
- ``-``: standard input (id ``stdin``, path ``<stdin>``), read as HTML when it
  starts like a page, as JSON lines when it starts with ``{``, else as text.

Rows of ``.jsonl``/``.csv`` files are one document each: id from the ``id``
column, else ``FILE#ROW`` (ROW counts rows from 1), path ``PATH#ROW``.

:attr:`Document.text` is the decoded text with line endings normalised to
``\\n`` (for HTML: the extracted text, one paragraph per line); every offset
and line number refers to it.

Dates, first that succeeds (:class:`~consistency.models.DateSource`):

1. ``date=`` (``option``), only when there is a single document;
2. a manifest (``manifest``): ``manifest=`` first, then ``manifest.csv`` files
   found in input directories;
3. for rows, the row's ``date`` column (``row``), which they must have;
4. an ISO date in the file name or, for files in an input directory, in the
   name of a folder between it and the file (``filename``);
5. a date line near the top of the text, or in an HTML page's ``<title>``,
   date ``<meta>`` or ``<time>`` (``header``).

``since``/``until`` (inclusive) filter the documents after all of them were
read and validated, so a broken file is reported even when out of range.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO, TextIO

from ..context import working_on
from ..errors import ConsistencyError, InputError, InputErrors, ManifestError, OptionError
from ..models import DateSource, Document
from ..normalise import named_words, tokenise
from ..printable import clean_text, escape_controls
from .dates import (
    SHORT_LINE,
    date_in_line,
    date_in_lines,
    date_in_name,
    impossible_line_date,
    impossible_name_date,
    parse_iso,
)
from .encoding import decode, normalise_newlines
from .files import read_bytes
from .header import (
    MAX_TITLE_WORDS,
    REPEATED_TITLE_DOCUMENTS,
    REPEATED_TITLE_SHARE,
    archive_titles,
    scan_header,
)
from .html import html_to_page
from .manifest import Entry, read_manifest
from .rows import Row, parse_csv, parse_jsonl
from .select import FileSelection, listed, skipped_note
from .turns import find_label, label_kind, split_turns

__all__ = [
    "SUFFIXES",
    "FileSelection",
    "document_from_text",
    "load_documents",
    "split_turns",
]

SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
}
"""Briefing file extensions (case-insensitive) and how each is read."""

MANIFEST = "manifest.csv"
STDIN = "-"

UNDATED = (
    "no date found; give one with --date YYYY-MM-DD, a manifest (--manifest or "
    "manifest.csv: path,date), a date in the file name (2025-10-22_briefing.txt), or a "
    "date line at the top (e.g. 'Published: Sep 08, 2025')"
)
_LOOKED_FOR = ", ".join(SUFFIXES)
_WORDS = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class _Source:
    path: str
    real: str | None
    id: str
    names: tuple[str, ...]
    kind: str
    named: bool = False
    """Given on the command line (may be a pipe), not found in a folder."""


@dataclass(frozen=True, slots=True)
class _Draft:
    source: _Source
    id: str
    path: str
    text: str
    title: str | None
    page_date: dt.date | None = None
    row: Row | None = None
    url: str | None = None


def document_from_text(
    text: str,
    *,
    id: str,
    date: dt.date,
    path: str | None = None,
    date_source: DateSource = DateSource.OPTION,
    title: str | None = None,
    source: str | None = None,
) -> Document:
    """A :class:`Document` from text already in memory (line endings normalised).

    The title, when not given, and the turns are found as for files. Text and
    title are made safe to print (:func:`~consistency.printable.clean_text`:
    control characters and lone surrogates become U+FFFD, bidi controls go),
    id, path and source are escaped onto one printable line.
    """
    return _document(
        text, id=id, date=date, path=path, date_source=date_source, title=title, source=source
    )[0]


def _document(
    text: str,
    *,
    id: str,
    date: dt.date,
    path: str | None,
    date_source: DateSource,
    title: str | None,
    source: str | None,
) -> tuple[Document, tuple[str, ...]]:
    """:func:`document_from_text`, and the title candidates of its header (which
    :func:`_archive_titles` weighs across the archive without scanning it again)."""
    text = clean_text(normalise_newlines(text))
    header = scan_header(text)
    document = Document(
        id=escape_controls(id),
        path=escape_controls(id if path is None else path),
        text=text,
        date=date,
        date_source=date_source,
        title=clean_text(title) if title is not None else header.title,
        source=escape_controls(source) if source is not None else None,
        turns=split_turns(text, header.end),
    )
    return document, header.candidates


def load_documents(
    paths: Sequence[str | os.PathLike[str]],
    *,
    manifest: str | os.PathLike[str] | None = None,
    date: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    select: FileSelection | None = None,
    note: Callable[[str], None] | None = None,
    date_option: str = "--date",
    skip: Callable[[InputError], None] | None = None,
) -> list[Document]:
    """Read every briefing in ``paths``, sorted by date, then id.

    manifest: a ``path,date`` CSV dating files from outside.
    date: the date of the one document given.
    since, until: keep only documents dated in this range (inclusive).
    stdin: what ``-`` reads (default: the process's standard input).
    select: which files of input folders to read (default: briefing types, less
        README, LICENSE and other project files).
    note: called once with a line naming the files of input folders not read (and once
        with the files whose header dates them otherwise), where nothing is in error.
    date_option: the option that gives ``date``, as the error on an undated file names it
        ("": none does, as for a gate's baseline).
    skip: when given, each file that cannot be read (an :class:`InputError` naming it:
        binary, empty, undated, a duplicate id) is passed to it and left out, and the
        rest is read; other problems still raise.

    Raises :class:`InputError` or :class:`OptionError` for one problem,
    :class:`InputErrors` for several.
    """
    if since is not None and until is not None and since > until:
        raise OptionError(f"--since {since} is after --until {until}")
    errors: list[ConsistencyError] = []
    given = read_manifest(os.fspath(manifest), errors) if manifest is not None else {}
    given_errors = list(errors)
    found: dict[str, Entry] = {}
    sources: list[_Source] = []
    seen: set[str] = set()
    skipped: list[str] = []
    for path in paths:
        _expand(os.fspath(path), sources, found, seen, errors, select or FileSelection(), skipped)
    if date is not None:
        # the date given dates the one briefing: a manifest beside it is not read for it
        errors = [e for e in errors if not isinstance(e, ManifestError) or e in given_errors]
    drafts: list[_Draft] = []
    for src in sources:
        with working_on(src.path):
            drafts.extend(_read(src, stdin, errors))
    if date is not None and len(drafts) > 1:
        errors.append(
            OptionError(
                f"--date needs a single document, but {len(drafts)} were given; "
                "date them with a manifest or dates in the file names"
            )
        )
    documents: list[Document] = []
    ids: dict[str, tuple[str, str]] = {}
    from_header: dict[str, tuple[str, ...]] = {}
    broken = {
        os.path.realpath(e.path): e.path for e in errors if isinstance(e, ManifestError) and e.path
    }
    # only where a note can tell them: the header is read again for each file named by date
    at_odds: list[str] | None = [] if note is not None else None
    for draft in drafts:
        with working_on(draft.path):
            resolved = _resolve(
                draft, date, given, found, errors, date_option, broken, manifest, at_odds
            )
        if resolved is None:
            continue
        doc, candidates = resolved
        # by the file read, not by its printable path: "a\nb.txt" and a name holding a
        # newline print alike, and were one document with two texts
        source, other = ids.setdefault(doc.id, (str(draft.path), doc.path))
        if source != str(draft.path):
            errors.append(
                InputError(f"duplicate document id {doc.id!r} (also {other})", path=doc.path)
            )
            continue
        documents.append(doc)
        if draft.title is None:
            from_header[doc.id] = candidates
    documents = _archive_titles(documents, from_header)
    documents = _without_site_lines(documents)
    if skip is not None:
        for error in errors:
            if isinstance(error, InputError) and error.path is not None:
                skip(error)
        errors = [e for e in errors if not (isinstance(e, InputError) and e.path is not None)]
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise InputErrors(errors)
    # the notes only where the run goes on: an error is one line (a fresh-clone trial: a
    # folder of a binary .txt and a .bin printed the .bin's note, then the error)
    if skipped and note is not None:
        note(skipped_note(skipped))
    if at_odds and note is not None:
        note(_at_odds_note(at_odds))
    kept = [
        d
        for d in documents
        if (since is None or d.date >= since) and (until is None or d.date <= until)
    ]
    return sorted(kept, key=lambda d: (d.date, d.id))


def _archive_titles(
    documents: list[Document], from_header: Mapping[str, tuple[str, ...]]
) -> list[Document]:
    """Titles found in headers, passing over a line that heads too much of the archive
    (a venue, a series name: see :func:`~consistency.ingest.header.archive_titles`).
    ``from_header``: the title candidates of each document titled by its header, by id."""
    at = [k for k, d in enumerate(documents) if d.id in from_header]
    if len(at) < REPEATED_TITLE_DOCUMENTS:
        return documents
    titles = archive_titles([from_header[documents[k].id] for k in at])
    out = list(documents)
    for k, title in zip(at, titles, strict=True):
        if title != out[k].title:
            out[k] = replace(out[k], title=title)
    return out


_SENTENCE_END = (".", "?", "!", "\u3002", "\uff1f", "\uff01", ":", "\uff1a")

SITE_LINES = 12
"""The most lines above a briefing's first speaker label searched for the site's own."""


def _opening_lines(document: Document) -> list[tuple[str, int]]:
    """The non-empty lines between a briefing's header (where its first turn's line
    starts) and its first label-shaped line (at most :data:`SITE_LINES`): each one's
    text, white space collapsed, and its end."""
    lines: list[tuple[str, int]] = []
    text = document.text
    if not document.turns:
        return lines
    at = text.rfind("\n", 0, document.turns[0].start) + 1
    while at < len(text) and len(lines) < SITE_LINES:
        end = text.find("\n", at)
        end = len(text) if end == -1 else end
        line = " ".join(text[at:end].split())
        if line:
            if find_label(text, at, end) is not None:
                break
            lines.append((line, end))
        at = end + 1
    return lines


def _reports_speech(line: str) -> bool:
    """Whether ``line`` reports what someone said (one of the tokeniser's
    ``reporting_verbs``): a site's own lines never do, a briefing's narration does, word
    for word on many dates when it repeats a talking point ("Asked about the Government's
    position, the Prime Minister's Official Spokesperson *said* that the UK continues to
    support a two-state solution": a review)."""
    verbs = named_words(None, "reporting_verbs")
    return any(t.text in verbs for t in tokenise(line))


def _without_site_lines(documents: list[Document]) -> list[Document]:
    """Each briefing without the lines of the site it was copied from that open it: a
    line that opens too much of the archive, word for word, above the first speaker
    (see :data:`~consistency.ingest.header.REPEATED_TITLE_SHARE`), is the page's, not
    a speaker's, as a header is: "A .gov website belongs to an official government
    organization in the United States." (state.gov), "This is a provisional translation
    by an external company for reference purpose only." (MOFA Japan); never a line that
    reports speech (see :func:`_reports_speech`). Only such lines at
    the top go, with the headings among them ("(Video) Press Conference by Foreign
    Minister Motegi": no sentence); a speaker's words start after the last."""
    if len(documents) < REPEATED_TITLE_DOCUMENTS:
        return documents
    openings = [_opening_lines(d) for d in documents]
    counts = Counter(line for lines in openings for line in {line for line, _ in lines})
    need = max(REPEATED_TITLE_DOCUMENTS, REPEATED_TITLE_SHARE * len(documents))
    out = list(documents)
    for k, lines in enumerate(openings):
        start = None
        for line, end in lines:
            if counts[line] >= need and not _reports_speech(line):
                start = end
            elif line.endswith(_SENTENCE_END) or len(line.split()) > MAX_TITLE_WORDS:
                break
        if start is not None:
            out[k] = replace(out[k], turns=split_turns(out[k].text, start))
    return out


def _expand(
    path: str,
    sources: list[_Source],
    found: dict[str, Entry],
    seen: set[str],
    errors: list[ConsistencyError],
    select: FileSelection,
    skipped: list[str],
) -> None:
    if path == STDIN:
        if STDIN not in seen:
            seen.add(STDIN)
            sources.append(_Source("<stdin>", None, "stdin", (), "stdin"))
        return
    if os.path.isdir(path):
        _expand_directory(path, sources, found, seen, errors, select, skipped)
        return
    if not os.path.exists(path):
        errors.append(InputError("no such file or directory", path=path))
        return
    name = os.path.basename(path)
    stem, suffix = os.path.splitext(name)
    kind = SUFFIXES.get(suffix.lower(), "text" if not suffix else "")
    if name.lower() == MANIFEST:
        errors.append(
            InputError(
                "this is a manifest, not a briefing: give it with --manifest, or give its folder",
                path=path,
            )
        )
        return
    if not kind:
        errors.append(
            InputError(f"unsupported file type {suffix!r} (expected {_LOOKED_FOR})", path=path)
        )
        return
    real = os.path.realpath(path)
    if real not in seen:
        seen.add(real)
        sources.append(_Source(path, real, stem, (stem,), kind, named=True))
        _read_sibling_manifest(path, found, seen, errors)


def _read_sibling_manifest(
    path: str, found: dict[str, Entry], seen: set[str], errors: list[ConsistencyError]
) -> None:
    """A file given by name is dated by the ``manifest.csv`` beside it, as in a folder."""
    sibling = os.path.join(os.path.dirname(path) or ".", MANIFEST)
    key = f"{MANIFEST}:{os.path.realpath(sibling)}"
    if key in seen or not os.path.isfile(sibling):
        return
    seen.add(key)
    for name, entry in read_manifest(sibling, errors).items():
        found.setdefault(name, entry)


def _expand_directory(
    root: str,
    sources: list[_Source],
    found: dict[str, Entry],
    seen: set[str],
    errors: list[ConsistencyError],
    select: FileSelection,
    skipped: list[str],
) -> None:
    problems: list[OSError] = []
    count = 0
    before = len(skipped)
    tree = os.path.realpath(root)
    visited = {tree}
    for folder, dirs, files in os.walk(root, onerror=problems.append, followlinks=True):
        below = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if below == "." else below + "/"
        shown = [d for d in dirs if not d.startswith(".") or select.names_folder(prefix + d)]
        dirs[:] = [
            d
            for d in _folders_to_enter(root, tree, folder, shown, visited, errors)
            if not select.excluded(prefix + d)
        ]
        names = sorted(files)
        for name in names:
            if name.lower() == MANIFEST:
                for key, entry in read_manifest(os.path.join(folder, name), errors).items():
                    found.setdefault(key, entry)
        for name in names:
            stem, suffix = os.path.splitext(name)
            kind = SUFFIXES.get(suffix.lower())
            if name.lower() == MANIFEST:
                continue
            hidden = name.startswith(".")
            full = os.path.normpath(os.path.join(folder, name))
            if not select.decide(prefix + name, kind is not None and not hidden):
                if not select.excluded(prefix + name) and (kind is not None or not hidden):
                    skipped.append(full)
                continue
            rel = os.path.relpath(full, root)
            parts = rel.split(os.sep)
            count += 1
            real = os.path.realpath(full)
            if not _within(real, tree):
                errors.append(_outside(full, root, real))
                continue
            if real in seen:
                continue
            seen.add(real)
            ident = "/".join([*parts[:-1], stem])
            dated_by = (stem, *reversed(parts[:-1]))
            sources.append(_Source(full, real, ident, dated_by, kind or "text"))
    for problem in problems:
        where = problem.filename if isinstance(problem.filename, str) else root
        errors.append(InputError(f"cannot read folder: {problem.strerror}", path=where))
    if not count and not problems:
        # the files passed over said on the error's one line, not on a note before it
        passed = skipped[before:]
        del skipped[before:]
        why = f"; {skipped_note(passed)}" if passed else ""
        errors.append(InputError(f"no briefings found (looked for {_LOOKED_FOR}){why}", path=root))


def _folders_to_enter(
    root: str,
    tree: str,
    folder: str,
    dirs: list[str],
    visited: set[str],
    errors: list[ConsistencyError],
) -> list[str]:
    """The sub-folders of ``folder`` to walk into, in order.

    Symbolic links to folders are followed when they stay inside the input
    folder (``tree`` is its real path); one that leads out of it is an error,
    since what it points at was not given (a link committed into an archive
    could otherwise pull any file of the machine into a report). A folder
    already walked (a link back to a parent, or a second link to one folder)
    is not walked again, so link loops end.
    """
    keep: list[str] = []
    for name in sorted(dirs):
        full = os.path.join(folder, name)
        real = os.path.realpath(full)
        if not _within(real, tree):
            errors.append(_outside(full, root, real))
            continue
        if real in visited:
            continue
        visited.add(real)
        keep.append(name)
    return keep


def _within(real: str, tree: str) -> bool:
    return real == tree or real.startswith(tree.rstrip(os.sep) + os.sep)


def _outside(link: str, root: str, real: str) -> InputError:
    return InputError(
        f"symbolic link out of the input folder {root} (to {real}): not read; "
        "give its target as an input of its own",
        path=os.path.normpath(link),
    )


def _read(
    src: _Source, stdin: TextIO | BinaryIO | None, errors: list[ConsistencyError]
) -> list[_Draft]:
    try:
        if src.real is None:
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", sys.stdin)
            if stream is None:  # the process was started with standard input closed
                errors.append(InputError("standard input is closed", path=src.path))
                return []
            raw: str | bytes = stream.read()
        else:
            raw = read_bytes(src.path, pipes=src.named)
    except OSError as exc:
        errors.append(InputError(f"cannot read: {exc.strerror}", path=src.path))
        return []
    except InputError as exc:
        errors.append(exc)
        return []
    kind = src.kind
    if kind == "stdin":
        kind = _sniff(raw)
    try:
        text = (
            normalise_newlines(raw.removeprefix("\ufeff"))
            if isinstance(raw, str)
            else decode(raw, path=src.path, html=kind == "html")
        )
    except InputError as exc:
        errors.append(exc)
        return []
    if not _WORDS.search(text):
        errors.append(InputError("empty file (no text)", path=src.path))
        return []
    if kind == "html":
        page = html_to_page(text)
        if not page.text.strip():
            errors.append(InputError("no text found in the HTML page", path=src.path))
            return []
        return [_Draft(src, src.id, src.path, page.text, page.title, page.date, url=page.url)]
    if kind in ("jsonl", "csv"):
        before = len(errors)
        rows = (parse_jsonl if kind == "jsonl" else parse_csv)(text, src.path, errors)
        if not rows and len(errors) == before:
            errors.append(InputError("no rows", path=src.path))
        return [
            _Draft(
                src,
                row.id or f"{src.id}#{row.number}",
                f"{src.path}#{row.number}",
                normalise_newlines(row.text),
                row.title,
                row=row,
            )
            for row in rows
        ]
    return [_Draft(src, src.id, src.path, text, None)]


def _spoken(line: str) -> bool:
    """A line that starts with a speaker label: its dates are not the briefing's."""
    label = find_label(line, 0, len(line))
    return label is not None and not label.bare and label_kind(label.label) is not None


def _sniff(raw: str | bytes) -> str:
    head = raw[:512].decode("utf-8", "ignore") if isinstance(raw, bytes) else raw[:512]
    head = head.lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def _unread_manifest(
    real: str, broken: Mapping[str, str], manifest: str | os.PathLike[str] | None
) -> str | None:
    """The manifest with errors that may have dated the file at ``real``: the one given
    with ``--manifest``, else the one beside it."""
    mine = [os.path.join(os.path.dirname(real), MANIFEST)]
    if manifest is not None:
        mine.insert(0, os.fspath(manifest))
    return next((broken[p] for p in map(os.path.realpath, mine) if p in broken), None)


def _resolve(
    draft: _Draft,
    option: dt.date | None,
    given: dict[str, Entry],
    found: dict[str, Entry],
    errors: list[ConsistencyError],
    date_option: str = "--date",
    broken: Mapping[str, str] | None = None,
    manifest: str | os.PathLike[str] | None = None,
    at_odds: list[str] | None = None,
) -> tuple[Document, tuple[str, ...]] | None:
    """The document of ``draft`` and its header's title candidates, dated (by
    ``--date``, a manifest, its row, its file name or a date line, in that order), else
    an error appended. ``broken``: the manifests that could not be read in full (real
    path -> path as named), one of which, given with ``--manifest`` or beside the file,
    may be why a file has no date. ``at_odds``: where each file whose name and header
    give two dates is named, with both (see :func:`_at_odds_note`)."""
    src, row = draft.source, draft.row
    date: dt.date | None = None
    how = DateSource.OPTION
    if option is not None:
        date = option
    else:
        entry = given.get(src.real or "") or found.get(src.real or "")
        if entry is not None:
            date, how = entry.date, DateSource.MANIFEST
        elif row is not None:
            date, how = parse_iso(row.date), DateSource.ROW
            if date is None:
                problem = (
                    f"bad date {row.date!r} (expected YYYY-MM-DD)"
                    if row.date
                    else "row has no date (add a 'date' field, YYYY-MM-DD)"
                )
                errors.append(InputError(problem, path=src.path, line=row.line))
                return None
        else:
            date, how = date_in_name(*src.names), DateSource.FILENAME
            if date is None:
                lines = draft.text[:20000].split("\n")
                date, how = draft.page_date or date_in_lines(lines, skip=_spoken), DateSource.HEADER
                wrong = impossible_name_date(*src.names)
                if date is not None and wrong is not None and at_odds is not None:
                    # a name meant to date it (review 136: 2025-02-30.txt, a copy of a
                    # briefing, dated by its header without a word)
                    at_odds.append(f"{draft.path} (named {wrong}, no real day; header {date})")
            elif at_odds is not None:
                # a date line of the header's own, not a date the first sentences name
                header = draft.page_date or date_in_lines(
                    [line if _heading(line) else "." for line in draft.text[:20000].split("\n")],
                    skip=_spoken,
                )
                if header is not None and header != date:
                    at_odds.append(f"{draft.path} (named {date}; header {header})")
    if date is None:
        problem = (
            UNDATED.replace("--date", date_option, 1)
            if date_option
            else UNDATED.replace("--date YYYY-MM-DD, ", "", 1)
        )
        wrong = impossible_name_date(*src.names) if how is DateSource.HEADER else None
        if wrong is not None:
            problem = problem.replace(
                "no date found", f"no date found ({wrong!r} in the file name is no real day)", 1
            )
        elif how is DateSource.HEADER and draft.page_date is None:
            wrong = impossible_line_date(draft.text[:20000].split("\n"), skip=_spoken)
            if wrong is not None:
                problem = problem.replace(
                    "no date found", f"no date found ({wrong!r} at the top is no real day)", 1
                )
        unread = _unread_manifest(src.real or draft.path, broken or {}, manifest)
        if unread is not None:
            why = f"({unread}, which may date it, could not be read: see above)"
            problem = problem.replace("no date found", f"no date found {why}", 1)
        errors.append(InputError(problem, path=draft.path))
        return None
    document, candidates = _document(
        draft.text,
        id=draft.id,
        path=draft.path,
        date=date,
        date_source=how,
        title=draft.title,
        source=row.source if row is not None else draft.url,
    )
    if _header_only(document):
        errors.append(InputError("no text but its title and date line", path=draft.path))
        return None
    return document, candidates


def _heading(line: str) -> bool:
    """Whether ``line`` may be a header's line: short, and not ending as a sentence does."""
    return len(line) <= SHORT_LINE and not line.rstrip().endswith(_SENTENCE_END)


def _at_odds_note(at_odds: Sequence[str]) -> str:
    """One line naming the files whose names and headers give two dates (review 136: a
    file named 2024-04-24 whose header said April 24, 2025 moved the report's period a
    week back without a word): a real day in the name dates the file, as documented, the
    header otherwise, but a reader should know.

    >>> _at_odds_note(["a/2024-04-24.txt (named 2024-04-24; header 2025-04-24)"])
    '1 file whose name and header give two dates: a/2024-04-24.txt (named 2024-04-24; header 2025-04-24); the name dates a file where it is a real day, else the header (a manifest or --date dates it another way)'
    """  # noqa: E501
    what = (
        "file whose name and header give"
        if len(at_odds) == 1
        else "files whose names and headers give"
    )
    how = "it" if len(at_odds) == 1 else "them"
    return (
        f"{len(at_odds)} {what} two dates: {listed(at_odds)}; the name dates a file where "
        f"it is a real day, else the header (a manifest or --date dates {how} another way)"
    )


HEADER_ONLY_LINES = 4
"""The most lines, none ending a sentence, of a text that is a header alone (see
:func:`_header_only`)."""


def _header_only(document: Document) -> bool:
    """A text of a date line and at most :data:`HEADER_ONLY_LINES` lines in all, short
    and none ending a sentence (``Press briefing, 2025-02-02``, a title above it, a
    "Transcript" heading below: review 112): a page with no briefing in it."""
    lines = [
        line.strip().rstrip("\"'’”)]）")
        for t in document.turns
        for line in document.text[t.start : t.end].split("\n")
        if _WORDS.search(line)
    ]
    if not 1 <= len(lines) <= HEADER_ONLY_LINES or any(
        line.endswith(_SENTENCE_END) or len(line.split()) > MAX_TITLE_WORDS for line in lines
    ):
        return False
    return any(len(line) <= SHORT_LINE and date_in_line(line) is not None for line in lines)
