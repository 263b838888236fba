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

from ..models import Found, Role
from .files import _connect

_TABLE = """
CREATE TABLE IF NOT EXISTS matches (
    key TEXT PRIMARY KEY,
    used INTEGER NOT NULL,
    data BLOB NOT NULL
)
"""

KEPT_KEYS = 20000
"""At most this many points' matches are kept; the least recently used go first."""

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
        try:
            con = _connect(self.path, readonly=True)
            con.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            # A WAL-mode file in a read-only folder (a restored CI cache): read it as immutable.
            try:
                con = _connect(self.path, readonly=True, immutable=True)
            except sqlite3.Error:
                return out
        except sqlite3.Error:
            return out
        try:
            if not con.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'matches'"
            ).fetchone():
                return out
            wanted = sorted(set(keys))
            for k in range(0, len(wanted), 500):
                chunk = wanted[k : k + 500]
                marks = ",".join("?" * len(chunk))
                for key, data in con.execute(
                    f"SELECT key, data FROM matches WHERE key IN ({marks})", chunk
                ):
                    found = _decode(data)
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
        try:
            con = sqlite3.connect(str(self.path), timeout=_TIMEOUT, isolation_level=None)
        except sqlite3.Error:
            return False
        try:
            con.execute("BEGIN IMMEDIATE")
            con.execute(_TABLE)
            used = int(con.execute("SELECT coalesce(max(used), 0) + 1 FROM matches").fetchone()[0])
            con.executemany(
                "INSERT OR REPLACE INTO matches (key, used, data) VALUES (?, ?, ?)",
                [(key, used, _encode(by_hash)) for key, by_hash in sorted(found.items())],
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


def _encode(by_hash: Mapping[str, Sequence[Found]]) -> bytes:
    """A key's record: per content hash, each match as
    ``[start, end, score, form number, speaker, role]`` with its forms listed once."""
    forms: dict[str, int] = {}
    rows: dict[str, list[list[object]]] = {}
    for sha in sorted(by_hash):
        rows[sha] = [
            [f.start, f.end, f.score, forms.setdefault(f.form, len(forms)), f.speaker, f.role.value]
            for f in by_hash[sha]
        ]
    data = json.dumps({"forms": list(forms), "found": rows}, ensure_ascii=False)
    return zlib.compress(data.encode("utf-8", "surrogatepass"), 6)


def _decode(data: bytes) -> dict[str, list[Found]] | None:
    """A key's record, or None when it cannot be read (it is then found afresh)."""
    try:
        record = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        forms = record["forms"]
        return {
            sha: [
                Found(int(a), int(b), float(score), forms[form], speaker, Role(role))
                for a, b, score, form, speaker, role in rows
            ]
            for sha, rows in record["found"].items()
        }
    except (ValueError, TypeError, KeyError, IndexError, zlib.error):
        return None
