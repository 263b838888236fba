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
  ``check`` looks up only the points whose words a new briefing holds;
- ``matches`` (made by the first warm run that keeps any): the matches that
  ``track`` and ``report --index`` found, per watched point and briefing
  content, so the next run with that watchlist searches only new briefings
  (:mod:`.matches`).

Updates are incremental and atomic: a document whose id, content hash and date
are unchanged costs nothing; a changed one is replaced; with ``prune`` the
documents not given are removed. The whole run is one transaction, so an error
(or a crash) leaves the previous state as it was. The discovered points are
refreshed whenever a run changed something.

The file is marked with SQLite's ``application_id`` (:data:`APPLICATION_ID`)
and ``user_version`` (:data:`SCHEMA_VERSION`); anything else -- another
program's SQLite file, a text file, another schema -- is refused with an
:class:`~consistency.errors.IndexFileError`.

The modules, by job: :mod:`.schema` (tables and records), :mod:`.codec` (rows
to and from documents, spans and points), :mod:`.files` (opening, validating,
locking the file), :mod:`.writer` (building and updating), :mod:`.reader`
(reading it, and the corpus ``check`` searches), :mod:`.matches` (the kept matches).
"""

from __future__ import annotations

from .codec import content_hash
from .files import damaged, is_sqlite_file
from .matches import MatchStore
from .reader import Index, IndexCorpus, SentenceStore, open_index, phrase_sentences
from .schema import (
    APPLICATION,
    APPLICATION_ID,
    SCHEMA_VERSION,
    IndexedDocument,
    IndexStats,
    StoredPoint,
)
from .writer import Discoverer, update_index

__all__ = [
    "APPLICATION",
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "Discoverer",
    "Index",
    "IndexCorpus",
    "IndexStats",
    "IndexedDocument",
    "MatchStore",
    "SentenceStore",
    "StoredPoint",
    "content_hash",
    "damaged",
    "is_sqlite_file",
    "open_index",
    "phrase_sentences",
    "update_index",
]
