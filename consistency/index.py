"""The SQLite index: briefings tokenised once, searched by ``check`` in well under a second.

``consistency index PATH... --db FILE`` stores, in one SQLite file (stdlib
:mod:`sqlite3`, WAL journal):

- ``documents``: each briefing's id, path, content hash (SHA-256 of its text
  and speaker turns), date and where it came from, title, source, full text
  and turns (JSON), so a document can be rebuilt without the original file;
- ``sentences``: the selected sentences (officials and narration, plus
  journalists with ``include_questions``) with speaker, role, line, their
  normalised words joined by spaces and the token offsets (little-endian
  uint32 pairs relative to the sentence start);
- ``vocabulary`` and ``postings``: word -> sentences, and each word's sentence
  frequency (what :meth:`IndexCorpus.is_common` needs);
- ``points``, ``forms`` and ``keys``: the points ``discover`` finds in the
  indexed briefings; each wording's normalised words with its
  candidate-picking words (the matcher's rule: its rare words, at least
  ``need`` of them in a sentence); and an inverted map from each wording's
  ``len(keys) - need + 1`` rarest such words to the wording (a prefix
  filter: a sentence with ``need`` of the keys has one of these), so
  ``check`` looks up only the points whose words a new briefing holds.

Updates are incremental and atomic: a document whose id, content hash and date
are unchanged costs nothing; a changed one is replaced; with ``prune`` the
documents not given are removed. The whole run is one transaction, so an error
(or a crash) leaves the previous state as it was. The discovered points are
refreshed whenever a run changed something.

The file is marked with SQLite's ``application_id`` (:data:`APPLICATION_ID`)
and ``user_version`` (:data:`SCHEMA_VERSION`); anything else -- another
program's SQLite file, a text file, another schema -- is refused with an
:class:`~consistency.errors.IndexFileError`.
"""

from __future__ import annotations

import datetime as dt
import functools
import glob
import hashlib
import json
import os
import sqlite3
import struct
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

try:
    import fcntl
except ImportError:  # Windows: leftovers of killed builds stay until removed by hand
    fcntl = None  # type: ignore[assignment]

from ._version import __version__
from .errors import IndexFileError
from .match import KEY_RULE as COMMON_RULE
from .match import candidate_keys, is_rare, make_forms
from .models import DateSource, Document, Level, Point, Progress, Role, Sentence, Token, Turn
from .normalise import DEFAULT_TOKENISER, Tokeniser
from .segment import document_sentences

SCHEMA_VERSION = 1
"""Version of the table layout; an index of another version must be rebuilt."""

APPLICATION_ID = 0x436E5374
"""SQLite ``application_id`` of a consistency index (``"CnSt"``)."""

APPLICATION = "consistency-index"
_HEADER = b"SQLite format 3\x00"
_CHUNK = 900
"""Most SQL parameters per statement (old SQLite builds allow 999)."""


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    date TEXT NOT NULL,
    date_source TEXT NOT NULL,
    title TEXT,
    source TEXT,
    text TEXT NOT NULL,
    turns TEXT NOT NULL
);
CREATE INDEX documents_date ON documents (date, name);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    line INTEGER NOT NULL,
    speaker TEXT,
    role TEXT NOT NULL,
    words TEXT NOT NULL,
    spans BLOB NOT NULL
);
CREATE INDEX sentences_document ON sentences (document);
CREATE TABLE vocabulary (
    id INTEGER PRIMARY KEY,
    word TEXT NOT NULL UNIQUE,
    sentences INTEGER NOT NULL
);
CREATE TABLE postings (
    word INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    PRIMARY KEY (word, sentence)
) WITHOUT ROWID;
CREATE TABLE points (
    position INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    dates INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE forms (
    id INTEGER PRIMARY KEY,
    point INTEGER NOT NULL,
    words TEXT NOT NULL,
    keys TEXT NOT NULL,
    need INTEGER NOT NULL
);
CREATE TABLE keys (
    word TEXT NOT NULL,
    form INTEGER NOT NULL,
    PRIMARY KEY (word, form)
) WITHOUT ROWID;
"""


@dataclass(frozen=True)
class IndexStats:
    """What one ``index`` run did.

    added, changed, unchanged, removed: documents, by what happened to them.
    kept: documents in the index that were not given (left in; ``prune``
        removes them).
    documents, sentences, points: totals in the index after the run.
    rebuilt: whether every document was re-segmented (new settings or ``rebuild``).
    """

    added: int
    changed: int
    unchanged: int
    removed: int
    kept: int
    documents: int
    sentences: int
    points: int
    rebuilt: bool = False

    @property
    def modified(self) -> bool:
        """Whether the run changed anything."""
        return bool(self.added or self.changed or self.removed or self.rebuilt)

    def to_json(self) -> str:
        """The counts as a JSON object (one line)."""
        return (
            json.dumps(
                {
                    "added": self.added,
                    "changed": self.changed,
                    "unchanged": self.unchanged,
                    "removed": self.removed,
                    "kept": self.kept,
                    "documents": self.documents,
                    "sentences": self.sentences,
                    "points": self.points,
                    "rebuilt": self.rebuilt,
                }
            )
            + "\n"
        )

    def __str__(self) -> str:
        line = (
            f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.removed} removed"
        )
        if self.kept:
            line += f" ({self.kept} not given, kept; --prune removes them)"
        return (
            f"{line}\n{self.documents} documents, {self.sentences} sentences, "
            f"{self.points} discovered points"
        )


@dataclass(frozen=True)
class IndexedDocument:
    """A document's metadata as stored (the text is loaded on demand)."""

    id: str
    path: str
    sha256: str
    date: dt.date
    date_source: DateSource
    title: str | None
    source: str | None


@dataclass(frozen=True)
class StoredPoint:
    """A discovered point as stored: the point and how widely it recurs."""

    point: Point
    dates: int
    first: dt.date | None
    last: dt.date | None
    count: int
    score: float


def is_sqlite_file(path: str | Path) -> bool:
    """Whether ``path`` is a file that starts with SQLite's header (cheap: reads 16 bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == _HEADER
    except OSError:
        return False


def content_hash(document: Document) -> str:
    """SHA-256 of what segmentation depends on: the text and the speaker turns."""
    h = hashlib.sha256(document.text.encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(_turns_json(document.turns).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _turns_json(turns: Sequence[Turn]) -> str:
    return json.dumps(
        [[t.speaker, t.role.value, t.start, t.end, t.line] for t in turns],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _turns_from_json(raw: str) -> tuple[Turn, ...]:
    return tuple(Turn(s, Role(r), a, b, line) for s, r, a, b, line in json.loads(raw))


def _pack_spans(sentence: Sentence) -> bytes:
    flat: list[int] = []
    for t in sentence.tokens:
        flat.append(t.start - sentence.start)
        flat.append(t.end - sentence.start)
    return struct.pack(f"<{len(flat)}I", *flat)


def _unpack_tokens(words: str, spans: bytes, start: int) -> tuple[Token, ...]:
    flat = struct.unpack(f"<{len(spans) // 4}I", spans)
    return tuple(
        Token(w, start + flat[2 * k], start + flat[2 * k + 1])
        for k, w in enumerate(words.split(" "))
    )


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


# ---------------------------------------------------------------------------
# Opening and validating


def _connect(path: Path, *, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        con = sqlite3.connect(uri, uri=True, isolation_level=None)
    else:
        con = sqlite3.connect(str(path), isolation_level=None)
    return con


def _refuse(path: Path, message: str) -> IndexFileError:
    return IndexFileError(message, path=str(path))


def _validate(con: sqlite3.Connection, path: Path) -> dict[str, str]:
    """Check the marks of a consistency index and return its ``meta`` table."""
    _check_application(con, path)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        raise _refuse(
            path,
            f"index made with schema {version}; this version of consistency "
            f"({__version__}) reads schema {SCHEMA_VERSION}: rebuild it with "
            "'consistency index PATH... --db FILE --rebuild'",
        )
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as e:
        raise _refuse(path, f"damaged consistency index: {e}") from None
    if meta.get("application") != APPLICATION:
        raise _refuse(path, "damaged consistency index: its meta table is not consistency's")
    return meta


def _check_application(con: sqlite3.Connection, path: Path) -> None:
    """Refuse, before writing anything, an SQLite file that is not a consistency index."""
    try:
        app = con.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.OperationalError:
        raise  # cannot open (read-only folder, locked): not a verdict on the file
    except sqlite3.DatabaseError as e:
        raise _refuse(path, f"not a consistency index (unreadable SQLite file: {e})") from None
    if app != APPLICATION_ID:
        raise _refuse(
            path,
            "not a consistency index (an SQLite database of another program); "
            "give a file made by 'consistency index PATH... --db FILE'",
        )


def _check_file(path: Path, *, must_exist: bool) -> bool:
    """Whether ``path`` holds an SQLite file; raise when it holds something else."""
    if not path.exists():
        if must_exist:
            raise _refuse(
                path, "no such index; build one with 'consistency index PATH... --db FILE'"
            )
        return False
    if path.is_dir():
        raise _refuse(path, "is a directory, not an index file")
    try:
        size = path.stat().st_size
    except OSError as e:
        raise _refuse(path, f"cannot read index: {e.strerror or e}") from None
    if size == 0 and not must_exist:
        return False
    if not is_sqlite_file(path):
        raise _refuse(path, "not a consistency index (not an SQLite database)")
    return True


# ---------------------------------------------------------------------------
# Building and updating


@dataclass(frozen=True)
class _Settings:
    tokeniser: str
    roles: str

    @classmethod
    def of(cls, include_questions: bool, tokeniser: Tokeniser) -> _Settings:
        roles = [Role.OFFICIAL, Role.NARRATION] + ([Role.PRESS] if include_questions else [])
        return cls(tokeniser.name, ",".join(r.value for r in roles))


class _Writer:
    """The state of one update transaction: vocabulary ids and frequency changes."""

    def __init__(self, con: sqlite3.Connection, settings: _Settings, tokeniser: Tokeniser):
        self.con = con
        self.settings = settings
        self.tokeniser = tokeniser
        self.include_questions = Role.PRESS.value in settings.roles.split(",")
        self.vocab: dict[str, int] = dict(con.execute("SELECT word, id FROM vocabulary"))
        self.delta: Counter[int] = Counter()

    def word_id(self, word: str) -> int:
        wid = self.vocab.get(word)
        if wid is None:
            cur = self.con.execute(
                "INSERT INTO vocabulary (word, sentences) VALUES (?, 0)", (word,)
            )
            wid = self.vocab[word] = int(cur.lastrowid or 0)
        return wid

    def add_sentences(self, rowid: int, document: Document) -> None:
        sentences = document_sentences(
            document, include_questions=self.include_questions, tokeniser=self.tokeniser
        )
        postings: list[tuple[int, int]] = []
        insert = (
            "INSERT INTO sentences (document, start, end, line, speaker, role, words, spans) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        for s in sentences:
            words = [t.text for t in s.tokens]
            cur = self.con.execute(
                insert,
                (
                    rowid,
                    s.start,
                    s.end,
                    s.line,
                    s.speaker,
                    s.role.value,
                    " ".join(words),
                    _pack_spans(s),
                ),
            )
            sid = int(cur.lastrowid or 0)
            for w in sorted(set(words)):
                wid = self.word_id(w)
                postings.append((wid, sid))
                self.delta[wid] += 1
        self.con.executemany("INSERT INTO postings (word, sentence) VALUES (?, ?)", postings)

    def remove_sentences(self, rowid: int) -> None:
        pairs: list[tuple[int, int]] = []
        for sid, words in self.con.execute(
            "SELECT id, words FROM sentences WHERE document = ?", (rowid,)
        ).fetchall():
            for w in set(words.split(" ")):
                wid = self.vocab[w]
                pairs.append((wid, sid))
                self.delta[wid] -= 1
        self.con.executemany("DELETE FROM postings WHERE word = ? AND sentence = ?", pairs)
        self.con.execute("DELETE FROM sentences WHERE document = ?", (rowid,))

    def flush_frequencies(self) -> None:
        self.con.executemany(
            "UPDATE vocabulary SET sentences = sentences + ? WHERE id = ?",
            [(d, wid) for wid, d in sorted(self.delta.items()) if d],
        )
        self.con.execute("DELETE FROM vocabulary WHERE sentences <= 0")
        self.delta.clear()


def _document_row(doc: Document, digest: str) -> tuple[Any, ...]:
    return (
        doc.id,
        doc.path,
        digest,
        doc.date.isoformat(),
        doc.date_source.value,
        doc.title,
        doc.source,
        doc.text,
        _turns_json(doc.turns),
    )


def _document_from_row(row: Sequence[Any]) -> Document:
    """A stored document; a row that does not decode is a ``sqlite3.DatabaseError``."""
    name, path, date, date_source, title, source, text, turns = row
    try:
        return Document(
            id=name,
            path=path,
            text=text,
            date=dt.date.fromisoformat(date),
            date_source=DateSource(date_source),
            title=title,
            source=source,
            turns=_turns_from_json(turns),
        )
    except (ValueError, TypeError, KeyError, IndexError) as e:
        raise sqlite3.DatabaseError(f"document {name!r} does not decode: {e}") from None


_DOC_COLUMNS = "name, path, date, date_source, title, source, text, turns"

Discoverer = Callable[[Sequence[Document]], Sequence[Any]]
"""Finds points in the indexed documents: returns ``DiscoveredPoint``-like objects
(``.point``, ``.dates``, ``.first``, ``.last``, ``.count``, ``.score``)."""


def update_index(
    db: str | Path,
    documents: Sequence[Document],
    *,
    prune: bool = False,
    rebuild: bool = False,
    include_questions: bool = False,
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
    discoverer: Discoverer | None = None,
) -> IndexStats:
    """Create or update the index ``db`` with ``documents``, in one transaction.

    A document is matched to the stored one by id; it is *unchanged* when its
    content hash and date are the same (other metadata, such as its path, is
    refreshed in place), *changed* otherwise (its sentences are replaced).
    ``prune`` removes stored documents not among ``documents``. ``rebuild``
    starts an index afresh, even one of another schema version or a damaged
    one (never a file that is not a consistency index). A change of
    ``include_questions`` or of the tokeniser re-segments every stored
    document. ``progress`` is called with 1 per document. After any change,
    ``discoverer`` (default: :func:`consistency.discover.discover`) refreshes
    the stored points.

    A new index (and a rebuilt one) is built in a hidden temporary file beside
    ``db`` and moved into place once complete, so ``db`` is never a half-built
    file, even when the run is killed; a new index never replaces one that a
    concurrent run created meanwhile (this run then updates that one).

    Raises :class:`IndexFileError` for a file that is not an index of this
    schema, a damaged index, or one that cannot be written (read-only, disk
    full); on any error the file is left exactly as it was.
    """
    path = Path(db)
    tok = tokeniser or DEFAULT_TOKENISER
    settings = _Settings.of(include_questions, tok)
    duplicates = sorted(n for n, k in Counter(d.id for d in documents).items() if k > 1)
    if duplicates:
        raise IndexFileError(
            f"two documents with the id {duplicates[0]!r}; give them distinct paths",
            path=str(path),
        )
    run = _Run(documents, settings, tok, prune, rebuild, progress, discoverer)
    existed = _check_file(path, must_exist=False) and not _empty_database(path)
    if existed and rebuild:
        _check_ours(path)
        rebuilt = _build_new(path, run, replace=True)
        assert rebuilt is not None  # replacing never yields to another run
        return rebuilt
    if not existed:
        stats = _build_new(path, run, replace=path.exists())
        if stats is not None:
            return stats
    return _update_in_place(path, run)


@dataclass(frozen=True)
class _Run:
    """What one :func:`update_index` call was asked to do."""

    documents: Sequence[Document]
    settings: _Settings
    tokeniser: Tokeniser
    prune: bool
    rebuild: bool
    progress: Progress | None
    discoverer: Discoverer | None


_DAMAGE = (sqlite3.DatabaseError, ValueError, TypeError, KeyError, IndexError, struct.error)
"""What reading a damaged or tampered index raises (bad pages, rows of the wrong type or
shape: dates, roles, levels, JSON, packed offsets)."""


def damaged(path: str | Path, error: BaseException) -> IndexFileError:
    """The one error for an index that cannot be read or written as it stands."""
    if isinstance(error, sqlite3.OperationalError) and _is_full(error):
        return IndexFileError(f"cannot write index: {error}", path=str(path))
    if isinstance(error, sqlite3.OperationalError) and any(
        word in str(error) for word in ("locked", "busy", "readonly", "read-only", "unable to open")
    ):
        return IndexFileError(f"cannot use index: {error}", path=str(path))
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return IndexFileError(
        f"damaged consistency index ({detail}); rebuild it with "
        "'consistency index PATH... --db FILE --rebuild'",
        path=str(path),
    )


def _is_full(error: sqlite3.Error) -> bool:
    return "full" in str(error) or getattr(error, "sqlite_errorcode", 0) == 13


def _update_in_place(path: Path, run: _Run) -> IndexStats:
    """Update an existing index in one transaction (a crash rolls it back)."""
    try:
        con = _connect(path, readonly=False)
    except sqlite3.Error as e:
        raise _refuse(path, f"cannot open index: {e}") from None
    try:
        try:
            _check_application(con, path)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = NORMAL")
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as e:
            raise _refuse(path, f"cannot write index: {e}") from None
        try:
            stats = _update(con, path, True, run)
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as e:
        raise damaged(path, e) from None
    finally:
        con.close()
    return stats


def _build_new(path: Path, run: _Run, *, replace: bool) -> IndexStats | None:
    """Build a fresh index in a temporary file beside ``path``, then move it into place.

    ``replace``: put it in place of the file at ``path`` (a rebuild, or an empty
    database); else only where no file is (hard link, which fails when one
    appeared meanwhile: None is returned, and the caller updates that file).
    """
    folder = path.parent if str(path.parent) else Path(".")
    _sweep(folder, path.name)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise _refuse(path, f"cannot write index: {e.strerror or e}") from None
    _lock(fd, wait=True)  # held until the end: tells _sweep this build is alive
    tmp = Path(name)
    try:
        try:
            con = _connect(tmp, readonly=False)
            try:
                con.execute("PRAGMA journal_mode = WAL")
                con.execute("PRAGMA synchronous = NORMAL")
                con.execute("BEGIN IMMEDIATE")
                stats = _update(con, path, False, run)
                con.execute("COMMIT")
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
            os.chmod(tmp, _new_file_mode())
        except OSError as e:
            raise _refuse(path, f"cannot write index: {e.strerror or e}") from None
        except sqlite3.DatabaseError as e:
            raise damaged(path, e) from None
        try:
            _drop_sidecars(path)
            if replace:
                os.replace(tmp, path)
                return stats
            try:
                os.link(tmp, path)
            except FileExistsError:
                return None
            except OSError:  # no hard links here (some network or FAT file systems)
                if path.exists():
                    return None
                os.replace(tmp, path)
            return stats
        except OSError as e:
            raise _refuse(path, f"cannot write index: {e.strerror or e}") from None
    finally:
        _drop(tmp)
        os.close(fd)


def _lock(fd: int, *, wait: bool) -> bool:
    """An exclusive ``flock`` on ``fd`` (not SQLite's POSIX locks); False if held elsewhere."""
    if fcntl is None:
        return not wait
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _sweep(folder: Path, name: str) -> None:
    """Remove the temporary files of builds of ``name`` that were killed.

    A live build holds a lock on its file; a file nobody holds is a leftover.
    """
    try:
        leftovers = sorted(folder.glob(f".{glob.escape(name)}.*.tmp"))
    except OSError:
        return
    for tmp in leftovers:
        try:
            fd = os.open(tmp, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if _lock(fd, wait=False):
                _drop(tmp)
        finally:
            os.close(fd)


def _drop(tmp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _drop_sidecars(path: Path) -> None:
    """Remove a stale write-ahead log of a file about to be replaced or created.

    SQLite would otherwise replay it into the new file.
    """
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _new_file_mode() -> int:
    """0o666 less the umask: what a plain ``open()`` gives (mkstemp's 0o600 is private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _header_application_id(path: Path) -> int | None:
    """The ``application_id`` in an SQLite file's header (bytes 68-71), read without SQLite.

    It stays readable when the pages after the header are damaged.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return None
    if len(head) < 72 or not head.startswith(_HEADER):
        return None
    return int.from_bytes(head[68:72], "big")


def _empty_database(path: Path) -> bool:
    """Whether ``path`` is an SQLite file with nothing in it (a first build that was killed
    before its commit, by an older version): safe to build over."""
    if _header_application_id(path) != 0:
        return False
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _check_ours(path: Path) -> None:
    """Refuse to rebuild over an SQLite file that is not a consistency index."""
    if _header_application_id(path) != APPLICATION_ID:
        raise _refuse(
            path,
            "not a consistency index (an SQLite database of another program); "
            "give a file made by 'consistency index PATH... --db FILE'",
        )


def _update(con: sqlite3.Connection, path: Path, existed: bool, run: _Run) -> IndexStats:
    documents, settings, tokeniser = run.documents, run.settings, run.tokeniser
    prune, rebuild, progress, discoverer = run.prune, run.rebuild, run.progress, run.discoverer
    meta: dict[str, str] = {}
    if existed:
        meta = _validate(con, path)
    else:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                con.execute(statement)
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    resegment = bool(meta) and (
        meta.get("tokeniser") != settings.tokeniser or meta.get("roles") != settings.roles
    )
    _write_meta(con, settings)
    writer = _Writer(con, settings, tokeniser)
    stored: dict[str, tuple[int, str, str]] = {
        name: (rowid, digest, date)
        for rowid, name, digest, date in con.execute("SELECT id, name, sha256, date FROM documents")
    }
    if resegment:
        for rowid, _, _ in stored.values():
            writer.remove_sentences(rowid)
    added = changed = unchanged = 0
    given: set[str] = set()
    for doc in documents:
        given.add(doc.id)
        digest = content_hash(doc)
        row = _document_row(doc, digest)
        old = stored.get(doc.id)
        if old is None:
            cur = con.execute(
                f"INSERT INTO documents (name, path, sha256, date, date_source, title, source, "
                f"text, turns) VALUES ({_marks(9)})",
                row,
            )
            writer.add_sentences(int(cur.lastrowid or 0), doc)
            added += 1
        else:
            rowid, old_digest, old_date = old
            same = old_digest == digest and old_date == doc.date.isoformat()
            con.execute(
                "UPDATE documents SET name = ?, path = ?, sha256 = ?, date = ?, date_source = ?, "
                "title = ?, source = ?, text = ?, turns = ? WHERE id = ? AND (path IS NOT ? "
                "OR sha256 IS NOT ? OR date IS NOT ? OR date_source IS NOT ? OR title IS NOT ? "
                "OR source IS NOT ?)",
                (*row, rowid, doc.path, digest, row[3], row[4], doc.title, doc.source),
            )
            if same and not resegment:
                unchanged += 1
            else:
                if not resegment:
                    writer.remove_sentences(rowid)
                writer.add_sentences(rowid, doc)
                changed += 1
        if progress:
            progress(1)
    removed = kept = 0
    for name, (rowid, _, _) in sorted(stored.items()):
        if name in given:
            continue
        if prune:
            if not resegment:
                writer.remove_sentences(rowid)
            con.execute("DELETE FROM documents WHERE id = ?", (rowid,))
            removed += 1
        else:
            if resegment:
                writer.add_sentences(rowid, _load_document(con, rowid))
            kept += 1
    writer.flush_frequencies()
    modified = bool(added or changed or removed or resegment or rebuild)
    has_points = con.execute("SELECT 1 FROM points LIMIT 1").fetchone() is not None
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    if modified or (n_docs and not has_points and meta.get("discovered") != "1"):
        _refresh_points(con, discoverer, settings)
    n_sentences = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
    n_points = con.execute("SELECT count(*) FROM points").fetchone()[0]
    return IndexStats(
        added=added,
        changed=changed,
        unchanged=unchanged,
        removed=removed,
        kept=kept,
        documents=n_docs,
        sentences=n_sentences,
        points=n_points,
        rebuilt=resegment or rebuild,
    )


def _write_meta(con: sqlite3.Connection, settings: _Settings) -> None:
    values = {
        "application": APPLICATION,
        "schema": str(SCHEMA_VERSION),
        "version": __version__,
        "tokeniser": settings.tokeniser,
        "roles": settings.roles,
    }
    con.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        sorted(values.items()),
    )


def _load_document(con: sqlite3.Connection, rowid: int) -> Document:
    row = con.execute(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", (rowid,)).fetchone()
    return _document_from_row(row)


def _all_documents(con: sqlite3.Connection) -> list[Document]:
    return [
        _document_from_row(r)
        for r in con.execute(f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY date, name")
    ]


def _default_discoverer(include_questions: bool, tokeniser: Tokeniser) -> Discoverer:
    from .discover import discover

    def run(documents: Sequence[Document]) -> Sequence[Any]:
        return discover(documents, include_questions=include_questions, tokeniser=tokeniser)

    return run


def _refresh_points(
    con: sqlite3.Connection, discoverer: Discoverer | None, settings: _Settings
) -> None:
    """Run discovery over every indexed document and store the points and their keys."""
    from .normalise import TOKENISERS

    tokeniser = TOKENISERS.get(settings.tokeniser, DEFAULT_TOKENISER)
    include_questions = Role.PRESS.value in settings.roles.split(",")
    run = discoverer or _default_discoverer(include_questions, tokeniser)
    for table in ("points", "forms", "keys"):
        con.execute(f"DELETE FROM {table}")
    documents = _all_documents(con)
    found = list(run(documents)) if documents else []
    frequency = dict(con.execute("SELECT word, sentences FROM vocabulary"))
    point_rows: list[tuple[int, str, int, str]] = []
    form_rows: list[tuple[int, int, str, str, int]] = []
    key_rows: list[tuple[str, int]] = []
    for position, item in enumerate(found):
        point: Point = item.point
        data = {
            "id": point.id,
            "text": point.text,
            "aliases": list(point.aliases),
            "tags": list(point.tags),
            "threshold": point.threshold,
            "level": point.level.value,
            "dates": int(item.dates),
            "first": item.first.isoformat() if item.first else None,
            "last": item.last.isoformat() if item.last else None,
            "count": int(getattr(item, "count", 0)),
            "score": round(float(item.score), 6),
        }
        point_rows.append(
            (
                position,
                point.id,
                int(item.dates),
                json.dumps(data, ensure_ascii=False, separators=(",", ":")),
            )
        )
        for form in make_forms(point, tokeniser=tokeniser):
            fid = len(form_rows)
            keys, need = candidate_keys(form.words, lambda w: not is_rare(w))
            form_rows.append((fid, position, " ".join(form.words), " ".join(keys), need))
            rarest = sorted(keys, key=lambda w: (frequency.get(w, 0), w))
            key_rows.extend((w, fid) for w in rarest[: len(keys) - need + 1])
    con.executemany(
        "INSERT INTO points (position, id, dates, data) VALUES (?, ?, ?, ?)", point_rows
    )
    con.executemany(
        "INSERT INTO forms (id, point, words, keys, need) VALUES (?, ?, ?, ?, ?)", form_rows
    )
    con.executemany("INSERT OR IGNORE INTO keys (word, form) VALUES (?, ?)", key_rows)
    con.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [("discovered", "1"), ("common_rule", COMMON_RULE)],
    )


# ---------------------------------------------------------------------------
# Reading


def _point_from_data(data: dict[str, Any]) -> Point:
    threshold = data.get("threshold")
    return Point(
        id=data["id"],
        text=data["text"],
        aliases=tuple(data.get("aliases", ())),
        tags=tuple(data.get("tags", ())),
        threshold=None if threshold is None else float(threshold),
        level=Level(data.get("level", Level.WARNING.value)),
    )


def _stored_point(data: dict[str, Any]) -> StoredPoint:
    first, last = data.get("first"), data.get("last")
    return StoredPoint(
        point=_point_from_data(data),
        dates=int(data.get("dates", 0)),
        first=dt.date.fromisoformat(first) if first else None,
        last=dt.date.fromisoformat(last) if last else None,
        count=int(data.get("count", 0)),
        score=float(data.get("score", 0.0)),
    )


_T = TypeVar("_T")


def _guarded(cls: type[_T]) -> type[_T]:
    """Make the public methods of ``cls`` turn what a damaged index raises into :func:`damaged`.

    Rows are decoded where they are read (dates, roles, JSON, packed offsets);
    a tampered or corrupted file must end in one error naming it, never in a
    traceback that a CI gate would read as "findings".
    """
    for name, attr in list(vars(cls).items()):
        if callable(attr) and (not name.startswith("_") or name == "__init__"):
            setattr(cls, name, _guard(attr))
    return cls


def _guard(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def guarded(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except _DAMAGE as e:
            owner = getattr(self, "index", self)
            raise damaged(getattr(owner, "path", "<index>"), e) from None

    return guarded


@_guarded
class Index:
    """An index file opened for reading.

    Cheap to open (it reads the ``meta`` table only); everything else is
    loaded on demand.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        _check_file(self.path, must_exist=True)
        try:
            self.con = _connect(self.path, readonly=True)
            self.meta = self._validated()
        except sqlite3.OperationalError:
            # A WAL-mode file in a read-only folder (a restored CI cache): read it as immutable.
            try:
                self.con = _connect(self.path, readonly=True, immutable=True)
                self.meta = self._validated()
            except sqlite3.OperationalError as e:
                raise _refuse(self.path, f"cannot open index: {e}") from None
        try:
            self.roles = frozenset(Role(r) for r in self.meta.get("roles", "").split(",") if r)
        except ValueError:
            self.con.close()
            raise
        self._texts: dict[str, str] = {}

    def _validated(self) -> dict[str, str]:
        """The ``meta`` table; the connection is closed when the file is refused."""
        try:
            return _validate(self.con, self.path)
        except BaseException:
            self.con.close()
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def tokeniser(self) -> str:
        """The name of the tokeniser the index was built with."""
        return self.meta.get("tokeniser", DEFAULT_TOKENISER.name)

    def documents(self) -> list[IndexedDocument]:
        """Every stored document's metadata, by date then id."""
        return [
            IndexedDocument(n, p, h, dt.date.fromisoformat(d), DateSource(s), t, src)
            for n, p, h, d, s, t, src in self.con.execute(
                "SELECT name, path, sha256, date, date_source, title, source FROM documents "
                "ORDER BY date, name"
            )
        ]

    def load_documents(
        self, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[Document]:
        """The stored documents (text and turns included), by date then id."""
        where, args = _date_filter(since, until)
        return [
            _document_from_row(r)
            for r in self.con.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents {where} ORDER BY date, name", args
            )
        ]

    def text(self, document: str) -> str:
        """The text of a stored document."""
        text = self._texts.get(document)
        if text is None:
            row = self.con.execute(
                "SELECT text FROM documents WHERE name = ?", (document,)
            ).fetchone()
            if row is None:
                raise KeyError(document)
            text = self._texts[document] = row[0]
        return text

    def points(self) -> list[StoredPoint]:
        """The discovered points, best first."""
        return [
            _stored_point(json.loads(data))
            for (data,) in self.con.execute("SELECT data FROM points ORDER BY position")
        ]

    def point_count(self, *, min_dates: int = 1, top: int | None = None) -> int:
        """How many points are stored on ``min_dates`` dates or more (at most ``top``)."""
        n = int(
            self.con.execute(
                "SELECT count(*) FROM points WHERE dates >= ?", (min_dates,)
            ).fetchone()[0]
        )
        return n if top is None else min(n, top)

    def points_at(self, positions: Iterable[int]) -> dict[int, StoredPoint]:
        """The discovered points at these positions."""
        out: dict[int, StoredPoint] = {}
        wanted = sorted(set(positions))
        for chunk in _chunks(wanted):
            for position, data in self.con.execute(
                f"SELECT position, data FROM points WHERE position IN ({_marks(len(chunk))})",
                chunk,
            ):
                out[position] = _stored_point(json.loads(data))
        return out

    def point_cutoff(self, *, min_dates: int = 1, top: int | None = None) -> int | None:
        """The last position kept by ``top`` among the points on ``min_dates`` dates or more."""
        if top is None:
            return None
        row = self.con.execute(
            "SELECT position FROM points WHERE dates >= ? ORDER BY position LIMIT 1 OFFSET ?",
            (min_dates, top - 1),
        ).fetchone()
        return None if row is None else int(row[0])

    def form_hits(
        self,
        sentences: Sequence[Collection[str]],
        *,
        min_dates: int = 1,
        last: int | None = None,
    ) -> list[tuple[int, tuple[str, ...], list[int]]]:
        """The stored points' wordings that may occur in these sentences (sets of words).

        Returns ``(point position, wording's words, sentence numbers)`` for each
        wording and the sentences (indexes into ``sentences``) holding enough
        of its candidate-picking words: the rule the matcher itself uses to
        pick sentences, so no wording that could match is left out. Only the
        points on ``min_dates`` dates or more, up to position ``last``.
        """
        groups = [frozenset(s) for s in sentences]
        vocabulary = sorted(frozenset().union(*groups)) if groups else []
        if self.meta.get("common_rule") != COMMON_RULE:
            forms, candidates = self._recomputed(groups)
        else:
            forms_of: dict[str, list[int]] = {}
            for chunk in _chunks(vocabulary):
                for word, form in self.con.execute(
                    f"SELECT word, form FROM keys WHERE word IN ({_marks(len(chunk))})", chunk
                ):
                    forms_of.setdefault(word, []).append(form)
            candidates = []
            for group in groups:
                fids: set[int] = set()
                for w in group:
                    fids.update(forms_of.get(w, ()))
                candidates.append(fids)
            forms = self._forms(sorted(set().union(*candidates)) if candidates else [])
        dates = self._point_dates(sorted({f[0] for f in forms.values()}))
        where: dict[int, list[int]] = {}
        for k, fids in enumerate(candidates):
            group = groups[k]
            for fid in fids:
                position, _, keys, need = forms[fid]
                if dates.get(position, 0) < min_dates or (last is not None and position > last):
                    continue
                if len(group.intersection(keys)) >= need:
                    where.setdefault(fid, []).append(k)
        return [(forms[fid][0], forms[fid][1], ks) for fid, ks in sorted(where.items())]

    def _forms(
        self, ids: Sequence[int]
    ) -> dict[int, tuple[int, tuple[str, ...], tuple[str, ...], int]]:
        out: dict[int, tuple[int, tuple[str, ...], tuple[str, ...], int]] = {}
        for chunk in _chunks(ids):
            for fid, position, words, keys, need in self.con.execute(
                "SELECT id, point, words, keys, need FROM forms "
                f"WHERE id IN ({_marks(len(chunk))})",
                chunk,
            ):
                out[fid] = (position, tuple(words.split(" ")), tuple(keys.split(" ")), need)
        return out

    def _recomputed(
        self, groups: Sequence[frozenset[str]]
    ) -> tuple[dict[int, tuple[int, tuple[str, ...], tuple[str, ...], int]], list[set[int]]]:
        """Every form with keys computed afresh (the index counted common words otherwise)."""
        corpus = IndexCorpus(self, include_questions=True)
        forms: dict[int, tuple[int, tuple[str, ...], tuple[str, ...], int]] = {}
        for fid, position, words in self.con.execute("SELECT id, point, words FROM forms"):
            split = tuple(words.split(" "))
            keys, need = candidate_keys(split, corpus.is_common)
            forms[fid] = (position, split, tuple(keys), need)
        return forms, [set(forms) for _ in groups]

    def _point_dates(self, positions: Sequence[int]) -> dict[int, int]:
        out: dict[int, int] = {}
        for chunk in _chunks(positions):
            for position, dates in self.con.execute(
                f"SELECT position, dates FROM points WHERE position IN ({_marks(len(chunk))})",
                chunk,
            ):
                out[position] = dates
        return out

    def corpus(
        self,
        *,
        include_questions: bool = False,
        speakers: Collection[str] = (),
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> IndexCorpus:
        """The indexed sentences as a :class:`~consistency.match.Corpus`, with a selection.

        The selection is who speaks (as in ``track``) and a date range.
        Raises :class:`IndexFileError` when it asks for sentences the index
        does not hold (journalists' questions in an index built without them).
        """
        if include_questions and Role.PRESS not in self.roles:
            raise _refuse(
                self.path,
                "this index holds officials' words only; rebuild it with "
                "'consistency index PATH... --db FILE --include-questions'",
            )
        return IndexCorpus(
            self,
            include_questions=include_questions,
            speakers=speakers,
            since=since,
            until=until,
        )


def _date_filter(since: dt.date | None, until: dt.date | None) -> tuple[str, list[str]]:
    clauses, args = [], []
    if since is not None:
        clauses.append("date >= ?")
        args.append(since.isoformat())
    if until is not None:
        clauses.append("date <= ?")
        args.append(until.isoformat())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), args


def _speaker_key(name: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@_guarded
class IndexCorpus:
    """The sentences of an :class:`Index`, served lazily from SQLite.

    Implements :class:`consistency.match.Corpus`, so ``find_point(point,
    corpus)`` works unchanged, plus the look-ups ``check`` needs: posting
    lists, sentence frequencies, whether a phrase occurs anywhere.

    Sentence numbers are the rowids of ``sentences``. Word frequencies are
    those of all indexed sentences, whatever the selection, so a word is
    common or rare the same way for every query against one index.
    """

    def __init__(
        self,
        index: Index,
        *,
        include_questions: bool = False,
        speakers: Collection[str] = (),
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> None:
        self.index = index
        self.con = index.con
        self.documents: dict[int, tuple[str, dt.date, str]] = {
            rowid: (name, dt.date.fromisoformat(date), path)
            for rowid, name, date, path in self.con.execute(
                "SELECT id, name, date, path FROM documents"
            )
        }
        self._by_name = {name: (date, path) for name, date, path in self.documents.values()}
        self.total = int(self.con.execute("SELECT count(*) FROM sentences").fetchone()[0])
        self._freq: dict[str, tuple[int, int]] = {}
        self._sentences: dict[int, Sentence] = {}
        self._words: dict[int, str] = {}
        self.allowed = self._selection(include_questions, speakers, since, until)

    def _selection(
        self,
        include_questions: bool,
        speakers: Collection[str],
        since: dt.date | None,
        until: dt.date | None,
    ) -> frozenset[int] | None:
        """Sentence rowids of the selection, or None when it is every indexed sentence."""
        roles = {Role.OFFICIAL, Role.NARRATION} | ({Role.PRESS} if include_questions else set())
        clauses: list[str] = []
        args: list[Any] = []
        if not speakers and not roles >= self.index.roles:
            clauses.append(f"s.role IN ({_marks(len(roles))})")
            args.extend(sorted(r.value for r in roles))
        if since is not None or until is not None:
            docs = [
                rowid
                for rowid, (_, date, _) in self.documents.items()
                if (since is None or date >= since) and (until is None or date <= until)
            ]
            if len(docs) < len(self.documents):
                listed = ",".join(str(d) for d in sorted(docs)) or "NULL"
                clauses.append(f"s.document IN ({listed})")
        if not clauses and not speakers:
            return None
        where = " AND ".join(clauses) or "1"
        rows = self.con.execute(f"SELECT s.id, s.speaker FROM sentences s WHERE {where}", args)
        if speakers:
            wanted = {_speaker_key(s) for s in speakers}
            return frozenset(
                sid for sid, who in rows if who is not None and _speaker_key(who) in wanted
            )
        return frozenset(sid for sid, _ in rows)

    # -- frequencies ---------------------------------------------------------

    def prefetch(self, words: Iterable[str]) -> None:
        """Load the ids and frequencies of ``words`` in a few queries."""
        missing = sorted({w for w in words if w not in self._freq})
        for chunk in _chunks(missing):
            for word, wid, n in self.con.execute(
                f"SELECT word, id, sentences FROM vocabulary WHERE word IN ({_marks(len(chunk))})",
                chunk,
            ):
                self._freq[word] = (wid, n)
        for w in missing:
            self._freq.setdefault(w, (-1, 0))

    def _entry(self, word: str) -> tuple[int, int]:
        entry = self._freq.get(word)
        if entry is None:
            self.prefetch([word])
            entry = self._freq[word]
        return entry

    def frequency(self, word: str) -> int:
        """In how many indexed sentences ``word`` occurs."""
        return self._entry(word)[1]

    def is_common(self, word: str) -> bool:
        """True for function words (the engine's rule: see ``consistency.match.weights``)."""
        return not is_rare(word)

    def postings(self, word: str) -> list[int]:
        """The selected sentences that contain ``word``, in rowid order."""
        wid = self._entry(word)[0]
        if wid < 0:
            return []
        ids = [
            s
            for (s,) in self.con.execute(
                "SELECT sentence FROM postings WHERE word = ? ORDER BY sentence", (wid,)
            )
        ]
        if self.allowed is not None:
            ids = [s for s in ids if s in self.allowed]
        return ids

    def containing(self, words: Iterable[str]) -> list[int]:
        """The selected sentences holding all of ``words`` (the three rarest are intersected)."""
        entries = sorted({self._entry(w) for w in words}, key=lambda e: (e[1], e[0]))
        if not entries or entries[0][0] < 0:
            return []
        ids = [wid for wid, _ in entries[:3]]
        joins = "".join(
            f" JOIN postings p{i} ON p{i}.word = ? AND p{i}.sentence = p0.sentence"
            for i in range(1, len(ids))
        )
        rows = self.con.execute(
            f"SELECT p0.sentence FROM postings p0{joins} WHERE p0.word = ? ORDER BY p0.sentence",
            [*ids[1:], ids[0]],
        )
        found = [n for (n,) in rows]
        if self.allowed is not None:
            found = [n for n in found if n in self.allowed]
        return found

    # -- Corpus ----------------------------------------------------------------

    def candidates(self, words: Iterable[str]) -> list[int]:
        """Sentences holding enough of the rare ones among ``words`` (the matcher's rule)."""
        words = list(words)
        self.prefetch(words)
        keys, need = candidate_keys(words, self.is_common)
        hits: Counter[int] = Counter()
        for w in keys:
            hits.update(self.postings(w))
        return sorted(n for n, h in hits.items() if h >= need)

    def sentence(self, n: int) -> Sentence:
        """Sentence number ``n`` (a rowid), with its tokens."""
        cached = self._sentences.get(n)
        if cached is not None:
            return cached
        row = self.con.execute(
            "SELECT document, start, end, line, speaker, role, words, spans FROM sentences "
            "WHERE id = ?",
            (n,),
        ).fetchone()
        if row is None:
            raise KeyError(n)
        doc, start, end, line, speaker, role, words, spans = row
        sentence = Sentence(
            self.documents[doc][0],
            start,
            end,
            line,
            speaker,
            Role(role),
            _unpack_tokens(words, spans, start),
        )
        self._sentences[n] = sentence
        self._words[n] = words
        return sentence

    def text(self, document: str) -> str:
        """The full text of a stored document."""
        return self.index.text(document)

    # -- look-ups for check ----------------------------------------------------

    def words_of(self, ids: Iterable[int]) -> dict[int, str]:
        """The normalised words (joined by spaces) of these sentences."""
        out: dict[int, str] = {}
        missing: list[int] = []
        for n in ids:
            w = self._words.get(n)
            if w is None:
                missing.append(n)
            else:
                out[n] = w
        for chunk in _chunks(sorted(set(missing))):
            for n, words in self.con.execute(
                f"SELECT id, words FROM sentences WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                self._words[n] = out[n] = words
        return out

    def date_of(self, document: str) -> dt.date:
        """The date of a stored document."""
        return self._by_name[document][0]

    def path_of(self, document: str) -> str:
        """The path of a stored document (as given when it was indexed)."""
        return self._by_name[document][1]

    def documents_of(self, ids: Iterable[int]) -> dict[int, str]:
        """The id of the document each of these sentences belongs to."""
        out: dict[int, str] = {}
        for chunk in _chunks(sorted(set(ids))):
            for n, doc in self.con.execute(
                f"SELECT id, document FROM sentences WHERE id IN ({_marks(len(chunk))})", chunk
            ):
                out[n] = self.documents[doc][0]
        return out

    def phrase_sentences(self, words: Sequence[str], *, limit: int | None = None) -> list[int]:
        """Selected sentences whose normalised words contain ``words`` contiguously."""
        return phrase_sentences(self, words, limit=limit)


class SentenceStore(Protocol):
    """What :func:`phrase_sentences` needs: sentences by words, and their words."""

    def containing(self, words: Iterable[str]) -> list[int]:
        """Sentences that hold all of ``words`` (or a superset of them)."""
        ...

    def words_of(self, ids: Iterable[int]) -> dict[int, str]:
        """The normalised words (joined by spaces) of these sentences."""
        ...


def phrase_sentences(
    store: SentenceStore, words: Sequence[str], *, limit: int | None = None
) -> list[int]:
    """Sentences of ``store`` whose words contain the phrase ``words`` (in order, adjacent).

    The posting lists of its rarest words are intersected, then each remaining
    sentence is tested as a string (``" a b c "`` in ``" ... a b c ... "``).
    """
    if not words:
        return []
    needle = f" {' '.join(words)} "
    found: list[int] = []
    for n, text in sorted(store.words_of(store.containing(words)).items()):
        if needle in f" {text} ":
            found.append(n)
            if limit is not None and len(found) >= limit:
                break
    return found


@contextmanager
def open_index(path: str | Path) -> Iterator[Index]:
    """Open an index for reading, closing it afterwards."""
    index = Index(path)
    try:
        yield index
    finally:
        index.close()
