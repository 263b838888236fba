"""Warm runs: an archive's documents and sentences read from a ``consistency index`` file.

``track``, ``report``, ``discover`` and ``diff`` take ``--index FILE``. The
briefings given on the command line are first brought up to date in the index
(:func:`~consistency.index.update_index`: only new or changed ones, by content
hash, are segmented and tokenised); with none given, the index's documents are
used as they are. Then the stored sentences -- words and packed token spans --
become the matcher's in-memory :class:`~consistency.match.SentenceIndex`
without re-tokenising: a sentence's tokens are unpacked only when the matcher
scores it. The run then goes on exactly as a cold one: same documents, same
sentences in the same order, so the same output byte for byte.

The selection (journalists' questions, ``--speaker``, dates) is applied to the
stored sentences as :func:`~consistency.segment.select_turns` applies it to
turns. An index cannot give what it does not hold: asking for journalists'
questions (``--include-questions``, or ``--speaker`` naming a journalist) from
an index built without them, or running with another tokeniser, is an
:class:`~consistency.errors.IndexFileError` (one line, exit 2); rebuild the
index with ``consistency index ... --include-questions``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import struct
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .check import DEFAULT_SIMILARITY
from .compare import Comparison, compare, points_of, read_side
from .compare import _one as one_document
from .errors import IndexFileError, OptionError
from .index import Index, IndexStats, MatchStore, content_hash, damaged, update_index
from .index.codec import _DOC_COLUMNS, _document_from_row
from .index.files import _DAMAGE
from .match import DEFAULT_THRESHOLD, SentenceIndex, require_percent
from .match.corpus import LazySentences
from .models import Document, Progress, Role, Sentence, Token
from .normalise import DEFAULT_TOKENISER, Tokeniser
from .segment import speaker_key
from .track import sort_documents

_Row = tuple[str, int, int, int, str | None, Role, bytes]
"""A stored sentence before its tokens are unpacked: document, start, end, line,
speaker, role, packed spans."""


@dataclass(frozen=True)
class Archive:
    """What a warm run works on.

    documents: the selected documents, by date then id.
    stats: what bringing the index up to date did (None when no paths were given).
    store: the matches kept by earlier runs (see :mod:`consistency.index.matches`).
    path, include_questions, speakers: the index file and whose sentences count.

    Their sentences (:attr:`index`) are read from the index on first use: a
    run whose every match is kept never reads them.
    """

    documents: tuple[Document, ...]
    stats: IndexStats | None
    store: MatchStore
    path: Path
    include_questions: bool = False
    speakers: tuple[str, ...] = ()

    def sentences(self, documents: Sequence[Document] | None = None) -> SentenceIndex:
        """The selected sentences of ``documents`` (some of the archive's; all of them
        when None: :attr:`index`). A function to pass to
        :func:`~consistency.track.track`, which reads only those it searches."""
        if documents is None or len(documents) == len(self.documents):
            return self.index
        return self._read(documents)

    @cached_property
    def index(self) -> SentenceIndex:
        """The selected sentences, ready for :func:`~consistency.track.track`."""
        return self._read(self.documents)

    def _read(self, documents: Sequence[Document]) -> SentenceIndex:
        with Index(self.path) as index:
            try:
                return _sentences(index, documents, self.include_questions, self.speakers)
            except _DAMAGE as e:
                raise damaged(self.path, e) from None


class StoredSentences(LazySentences):
    """Stored sentences as a sequence, each unpacked when used (see :class:`LazySentences`)."""

    def __init__(self, rows: Sequence[_Row], words: Sequence[Sequence[str]]) -> None:
        super().__init__()
        self._rows = rows
        self._words = words

    def __len__(self) -> int:
        return len(self._rows)

    def document(self, n: int) -> str:
        """The document of stored sentence number ``n``."""
        return self._rows[n][0]

    def unpack(self, n: int) -> Sentence:
        """Stored sentence number ``n``, its token spans unpacked."""
        document, start, end, line, speaker, role, spans = self._rows[n]
        flat = struct.unpack(f"<{len(spans) // 4}I", spans)
        tokens = tuple(
            Token(w, start + a, start + b)
            for w, a, b in zip(self._words[n], flat[::2], flat[1::2], strict=True)
        )
        return Sentence(document, start, end, line, speaker, role, tokens)


def load_archive(
    db: str | Path,
    documents: Sequence[Document] | None = None,
    *,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
) -> Archive:
    """The documents and selected sentences of the index ``db``, for a warm run.

    ``documents`` (those read from the command line's paths) are first added
    to the index or updated in it (a missing index is created); the archive
    is then exactly those documents. Without them, it is every stored
    document from ``since`` to ``until``. ``include_questions`` and
    ``speakers`` choose sentences as in :func:`~consistency.track.track`.
    The index's discovered points are not refreshed here (discovery reads the
    whole archive, the cost a warm run avoids): when documents changed they
    are marked out of date, and the next ``consistency index`` refreshes them.

    Raises :class:`IndexFileError` for a file that is not an index, a damaged
    one, or one that lacks the sentences asked for.
    """
    path = Path(db)
    tok = tokeniser or DEFAULT_TOKENISER
    stats: IndexStats | None = None
    if documents is not None:
        questions = include_questions
        if path.exists():
            with Index(path) as index:
                _check_settings(index, include_questions, tok)
                questions = Role.PRESS in index.roles
                stats = _unchanged(index, documents) if index.segmented(tok) else None
        if stats is None:
            stats = update_index(
                path,
                documents,
                include_questions=questions,
                tokeniser=tok,
                progress=progress,
                refresh_points=False,
            )
    with Index(path) as index:
        _check_settings(index, include_questions, tok)
        # a review: track, report and discover --index read such an index and found
        # wrong matches
        index.require_segmented(tok)
        try:
            return _load(index, documents, include_questions, speakers, since, until, stats)
        except _DAMAGE as e:
            raise damaged(path, e) from None


def _unchanged(index: Index, documents: Sequence[Document]) -> IndexStats | None:
    """The stats of an update that would change nothing, or None when it would.

    Every document stored with the same content hash and date: the index is
    not opened for writing at all (so a read-only one, a restored CI cache,
    serves a warm run).
    """
    try:
        stored = {d.id: (d.sha256, d.date) for d in index.documents()}
        if len({d.id for d in documents}) != len(documents) or any(
            stored.get(d.id) != (content_hash(d), d.date) for d in documents
        ):
            return None
        sentences = int(index.con.execute("SELECT count(*) FROM sentences").fetchone()[0])
        points = int(index.con.execute("SELECT count(*) FROM points").fetchone()[0])
    except _DAMAGE as e:
        raise damaged(index.path, e) from None
    return IndexStats(
        added=0,
        changed=0,
        unchanged=len(documents),
        removed=0,
        kept=len(stored) - len(documents),
        documents=len(stored),
        sentences=sentences,
        points=points,
    )


def _check_settings(index: Index, include_questions: bool, tokeniser: Tokeniser) -> None:
    if index.tokeniser != tokeniser.name:
        raise IndexFileError(
            f"index built with the {index.tokeniser!r} tokeniser, not {tokeniser.name!r}; "
            "rebuild it with 'consistency index PATH... --db FILE --rebuild'",
            path=str(index.path),
        )
    if include_questions and Role.PRESS not in index.roles:
        raise _no_questions(index)


def _no_questions(index: Index) -> IndexFileError:
    return IndexFileError(
        "this index holds officials' words only, not journalists' questions; rebuild it "
        "with 'consistency index PATH... --db FILE --include-questions'",
        path=str(index.path),
    )


def _load(
    index: Index,
    given: Sequence[Document] | None,
    include_questions: bool,
    speakers: Collection[str],
    since: dt.date | None,
    until: dt.date | None,
    stats: IndexStats | None,
) -> Archive:
    docs = sort_documents(
        given if given is not None else index.load_documents(since=since, until=until)
    )
    wanted = {speaker_key(s) for s in speakers}
    if wanted and Role.PRESS not in index.roles:
        for doc in docs:
            if any(
                t.role is Role.PRESS and t.speaker is not None and speaker_key(t.speaker) in wanted
                for t in doc.turns
            ):
                raise _no_questions(index)
    hashes = dict(index.con.execute("SELECT name, sha256 FROM documents").fetchall())
    missing = [d.id for d in docs if d.id not in hashes]
    if missing:
        raise sqlite3.DatabaseError(f"document {missing[0]!r} is missing")
    store = MatchStore(index.path, {d.id: hashes[d.id] for d in docs})
    return Archive(docs, stats, store, index.path, include_questions, tuple(speakers))


def _sentences(
    index: Index, docs: Sequence[Document], include_questions: bool, speakers: Collection[str]
) -> SentenceIndex:
    """The stored sentences of ``docs`` that the selection keeps, as the matcher's index."""
    wanted = {speaker_key(s) for s in speakers}
    roles = {Role.OFFICIAL.value, Role.NARRATION.value}
    if include_questions:
        roles.add(Role.PRESS.value)
    con: sqlite3.Connection = index.con
    rowids = {name: rowid for rowid, name in con.execute("SELECT id, name FROM documents")}
    rows: list[_Row] = []
    words: list[list[str]] = []
    for doc in docs:
        rowid = rowids.get(doc.id)
        if rowid is None:
            raise sqlite3.DatabaseError(f"document {doc.id!r} is missing")
        for start, end, line, speaker, role, text, spans in con.execute(
            "SELECT start, end, line, speaker, role, words, spans FROM sentences "
            "WHERE document = ? ORDER BY id",
            (rowid,),
        ):
            if wanted:
                if speaker is None or speaker_key(speaker) not in wanted:
                    continue
            elif role not in roles:
                continue
            split = text.split(" ")
            if len(spans) != 8 * len(split):
                raise sqlite3.DatabaseError(f"sentence of {doc.id!r} at {start}: bad token spans")
            rows.append((doc.id, start, end, line, speaker, Role(role), spans))
            words.append(split)
    sentences = StoredSentences(rows, words)
    return SentenceIndex(sentences, {d.id: d.text for d in docs}, words)


def compare_in_index(
    db: str | Path,
    old: str,
    new: str,
    *,
    points_file: str | None = None,
    manifest: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    old_date: dt.date | None = None,
    new_date: dt.date | None = None,
) -> Comparison:
    """``consistency diff OLD NEW --index FILE``: as :func:`~consistency.compare.compare_files`,
    where OLD or NEW that is not a file names a document stored in the index (its id).

    Files given are brought up to date in the index first. The comparison
    itself segments the two briefings, as a cold ``diff`` does (two documents
    cost little); the index spares reading and dating the stored one.
    """
    require_percent(threshold, "threshold")
    require_percent(similarity, "similarity")
    points, source = points_of(points_file)
    sides: list[Document | str] = []
    read: list[Document] = []
    for given, name, date in ((old, "OLD", old_date), (new, "NEW", new_date)):
        if given == "-" or Path(given).exists():
            doc = read_side(given, name, date, manifest=manifest, since=since, until=until)
            sides.append(doc)
            read.append(doc)
        else:
            if date is not None:
                raise OptionError(
                    f"--{name.lower()}-date dates a file; {given!r} names a stored briefing"
                )
            sides.append(given)
    path = Path(db)
    tok = DEFAULT_TOKENISER
    if read:
        questions = include_questions
        unchanged = None
        if path.exists():
            with Index(path) as index:
                questions = Role.PRESS in index.roles
                unchanged = _unchanged(index, read)
        if unchanged is None:
            update_index(
                path, read, include_questions=questions, tokeniser=tok, refresh_points=False
            )
    a = _stored(path, sides[0], "OLD", since, until)
    b = _stored(path, sides[1], "NEW", since, until)
    return compare(
        a,
        b,
        points=points,
        threshold=threshold,
        similarity=similarity,
        include_questions=include_questions,
        speakers=speakers,
        source=source,
    )


def _stored(
    path: Path, side: Document | str, name: str, since: dt.date | None, until: dt.date | None
) -> Document:
    """A document read from a file, or the stored one of that id (in the date range)."""
    if isinstance(side, Document):
        return side
    with Index(path) as index:
        try:
            found = [
                _document_from_row(row)
                for row in index.con.execute(
                    f"SELECT {_DOC_COLUMNS} FROM documents WHERE name = ?", (side,)
                )
            ]
        except _DAMAGE as e:
            raise damaged(path, e) from None
    if not found:
        raise OptionError(
            f"{name} {side!r} is neither a file nor a briefing stored in the index",
            path=str(path),
        )
    in_range = [
        d
        for d in found
        if (since is None or d.date >= since) and (until is None or d.date <= until)
    ]
    return one_document(in_range, name, side)
