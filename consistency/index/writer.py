"""Building and updating an index: incremental, atomic, with the discovered points refreshed."""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import IndexFileError
from ..match import KEY_RULE as COMMON_RULE
from ..match import candidate_keys, is_rare, make_forms
from ..models import Document, Point, Progress, Role
from ..normalise import DEFAULT_TOKENISER, Tokeniser, revision
from ..segment import sentence_rows
from .codec import (
    _DOC_COLUMNS,
    _document_from_row,
    _document_row,
    _marks,
    _pack_flat,
    content_hash,
)
from .files import (
    _check_application,
    _check_file,
    _check_ours,
    _connect,
    _drop,
    _drop_sidecars,
    _empty_database,
    _lock,
    _new_file_mode,
    _refuse,
    _sweep,
    _validate,
    damaged,
)
from .matches import forget_matches
from .schema import _SCHEMA, APPLICATION, APPLICATION_ID, SCHEMA_VERSION, IndexStats


@dataclass(frozen=True)
class _Settings:
    tokeniser: str
    roles: str
    revision: str = ""

    @classmethod
    def of(cls, include_questions: bool, tokeniser: Tokeniser) -> _Settings:
        roles = [Role.OFFICIAL, Role.NARRATION] + ([Role.PRESS] if include_questions else [])
        return cls(tokeniser.name, ",".join(r.value for r in roles), revision(tokeniser))


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
        rows = sentence_rows(
            document, include_questions=self.include_questions, tokeniser=self.tokeniser
        )
        postings: list[tuple[int, int]] = []
        insert = (
            "INSERT INTO sentences (document, start, end, line, speaker, role, words, spans) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        for start, end, line, speaker, role, words, spans in rows:
            cur = self.con.execute(
                insert,
                (
                    rowid,
                    start,
                    end,
                    line,
                    speaker,
                    role.value,
                    " ".join(words),
                    _pack_flat(spans, start),
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
    refresh_points: bool = True,
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
    the stored points. With ``refresh_points=False`` (a warm run: discovery
    reads the whole archive) they are left as they were and marked out of date:
    the next update that refreshes them does so even when nothing else changed,
    and until then reading them is an :class:`IndexFileError`.

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
    run = _Run(documents, settings, tok, prune, rebuild, progress, discoverer, refresh_points)
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
    refresh_points: bool = True


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
        meta.get("tokeniser") != settings.tokeniser
        or meta.get("roles") != settings.roles
        or meta.get("segmentation", "") != settings.revision
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
        # a review: a warm run on an index of the release before kept wrong ones for good
        forget_matches(con)
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
    stale = meta.get(_STALE) == "1"
    if not run.refresh_points:
        if modified and not stale:
            _set_meta(con, {_STALE: "1"})
    elif modified or stale or (n_docs and not has_points and meta.get("discovered") != "1"):
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


_STALE = "points_stale"
"""Key in ``meta``: "1" when documents changed since the points were discovered."""


def _set_meta(con: sqlite3.Connection, values: dict[str, str]) -> None:
    con.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        sorted(values.items()),
    )


def _write_meta(con: sqlite3.Connection, settings: _Settings) -> None:
    values = {
        "application": APPLICATION,
        "schema": str(SCHEMA_VERSION),
        "version": __version__,
        "tokeniser": settings.tokeniser,
        "roles": settings.roles,
        "segmentation": settings.revision,
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
    from ..discover import discover

    def run(documents: Sequence[Document]) -> Sequence[Any]:
        return discover(documents, include_questions=include_questions, tokeniser=tokeniser)

    return run


def _refresh_points(
    con: sqlite3.Connection, discoverer: Discoverer | None, settings: _Settings
) -> None:
    """Run discovery over every indexed document and store the points and their keys."""
    from ..normalise import TOKENISERS

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
        [("discovered", "1"), ("common_rule", COMMON_RULE), (_STALE, "0")],
    )
