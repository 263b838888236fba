"""What the index stores: its SQL schema, version marks, and the records it returns."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from ..models import DateSource, Point

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
