"""The matches a warm run found, kept in the index for the next run.

Each point's matches in a briefing depend on the briefing's content alone
(see :mod:`consistency.match.key`), so they are kept under the point's key
and the briefing's content hash. A later run with the same watchlist finds
afresh only in briefings new since, and reads the rest. A briefing whose
text changed has another hash (it is searched again); a change to the
engine, the point's wordings or the selection gives another key.

The table is created on first use, so an index built by an earlier version
gains it without a rebuild. Keeping is best effort: an index the run cannot
write (a read-only CI cache, a file another run holds) serves the run all the
same, and nothing is kept.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from ..match.key import engine_fingerprint
from ..models import Found, Role
from .files import _connect

_TABLES = (
    """CREATE TABLE IF NOT EXISTS match_contents (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE IF NOT EXISTS matches (
        key TEXT PRIMARY KEY,
        engine TEXT NOT NULL,
        used INTEGER NOT NULL,
        data BLOB NOT NULL
    )""",
)
"""``match_contents`` numbers the briefing contents (by content hash) that records name;
``matches`` holds one record per point key, made under the engine named (see
:func:`~consistency.match.key.engine_fingerprint`)."""

KEPT_KEYS = 5000
"""At most this many points' matches are kept; the least recently written go first (and
every record of another engine: an upgrade makes them stale)."""

_TIMEOUT = 2.0
"""Seconds to wait for another run's write before giving up keeping (the run goes on)."""


class MatchStore:
    """The kept matches of an index file (see the module docstring).

    ``hashes`` maps each document id of the run to its content hash.
    """

    def __init__(self, path: str | Path, hashes: Mapping[str, str]) -> None:
        self.path = Path(path)
        self.hashes = dict(hashes)

    def hash(self, document: str) -> str:
        """The content hash of ``document``."""
        return self.hashes[document]

    def recall(self, keys: Collection[str]) -> dict[str, dict[str, list[Found]]]:
        """For each key kept, the matches found in each briefing searched (by content hash)."""
        out: dict[str, dict[str, list[Found]]] = {}
        con = _reader(self.path)
        if con is None:
            return out
        try:
            tables = {
                name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"matches", "match_contents"} <= tables:
                return out
            shas = dict(con.execute("SELECT id, sha256 FROM match_contents").fetchall())
            wanted = sorted(set(keys))
            for k in range(0, len(wanted), 500):
                chunk = wanted[k : k + 500]
                marks = ",".join("?" * len(chunk))
                for key, data in con.execute(
                    f"SELECT key, data FROM matches WHERE key IN ({marks})", chunk
                ):
                    found = _decode(data, shas)
                    if found is not None:
                        out[key] = found
        except sqlite3.Error:
            return {}
        finally:
            con.close()
        return out

    def keep(self, found: Mapping[str, Mapping[str, Sequence[Found]]]) -> bool:
        """Keep these matches (each key's whole record, for every briefing it has been
        searched in); False when the index could not be written."""
        if not found:
            return True
        try:  # mode=rw: never create a file where the index has gone
            uri = f"{self.path.resolve().as_uri()}?mode=rw"
            con = sqlite3.connect(uri, uri=True, timeout=_TIMEOUT, isolation_level=None)
        except (sqlite3.Error, ValueError, OSError):
            return False
        try:
            con.execute("BEGIN IMMEDIATE")
            for table in _TABLES:
                con.execute(table)
            engine = engine_fingerprint()
            con.execute("DELETE FROM matches WHERE engine != ?", (engine,))
            shas = {sha for by_hash in found.values() for sha in by_hash}
            con.executemany(
                "INSERT OR IGNORE INTO match_contents (sha256) VALUES (?)",
                [(h,) for h in sorted(shas)],
            )
            ids = dict(con.execute("SELECT sha256, id FROM match_contents").fetchall())
            used = int(con.execute("SELECT coalesce(max(used), 0) + 1 FROM matches").fetchone()[0])
            con.executemany(
                "INSERT OR REPLACE INTO matches (key, engine, used, data) VALUES (?, ?, ?, ?)",
                [(key, engine, used, _encode(found[key], ids)) for key in sorted(found)],
            )
            con.execute(
                "DELETE FROM matches WHERE key NOT IN "
                "(SELECT key FROM matches ORDER BY used DESC, key LIMIT ?)",
                (KEPT_KEYS,),
            )
            con.execute("COMMIT")
        except sqlite3.Error:
            if con.in_transaction:
                con.execute("ROLLBACK")
            return False
        finally:
            con.close()
        return True


def forget_matches(con: sqlite3.Connection) -> None:
    """Drop every kept match of the index open on ``con`` (in its transaction): they
    were found in tokens the index no longer holds, under the same content hashes."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'matches'").fetchone():
        con.execute("DELETE FROM matches")


def _reader(path: Path) -> sqlite3.Connection | None:
    """A connection that only reads the index (see :func:`~.files._connect`), or None. A
    WAL-mode file in a read-only folder (a restored CI cache) is read as immutable."""
    for immutable in (False, True):
        con = None
        try:
            con = _connect(path, readonly=True, immutable=immutable)
            con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
            return con
        except sqlite3.Error:
            if con is not None:
                con.close()
    return None


def _encode(by_hash: Mapping[str, Sequence[Found]], ids: Mapping[str, int]) -> bytes:
    """A key's record: the contents searched (by number in ``match_contents``), and per
    content with matches, each as ``[start, end, score, form number, speaker, role]``, the
    forms listed once."""
    forms: dict[str, int] = {}
    found: dict[int, list[list[object]]] = {}
    for sha, hits in by_hash.items():
        if hits:
            found[ids[sha]] = [
                [f.start, f.end, f.score, forms.setdefault(f.form, len(forms)), f.speaker, f.role]
                for f in hits
            ]
    record = {
        "searched": sorted(ids[sha] for sha in by_hash),
        "forms": list(forms),
        "found": [[n, found[n]] for n in sorted(found)],
    }
    data = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(data.encode("utf-8", "surrogatepass"), 6)


def _decode(data: bytes, shas: Mapping[int, str]) -> dict[str, list[Found]] | None:
    """A key's record (see :func:`_encode`), or None when it cannot be read (it is then
    found afresh)."""
    try:
        record = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        forms = record["forms"]
        out: dict[str, list[Found]] = {shas[n]: [] for n in record["searched"]}
        for n, rows in record["found"]:
            out[shas[n]] = [
                Found(int(a), int(b), float(score), forms[form], speaker, Role(role))
                for a, b, score, form, speaker, role in rows
            ]
        return out
    except (ValueError, TypeError, KeyError, IndexError, zlib.error):
        return None
