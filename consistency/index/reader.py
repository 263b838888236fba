"""Reading an index: documents, sentences and points, and the corpus ``check`` searches."""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from ..match import KEY_RULE as COMMON_RULE
from ..match import candidate_keys, is_rare
from ..models import DateSource, Document, Role, Sentence
from ..normalise import DEFAULT_TOKENISER, TOKENISERS, Tokeniser, revision
from ..segment import speaker_key
from .codec import _DOC_COLUMNS, _chunks, _document_from_row, _marks, _stored_point, _unpack_tokens
from .files import _DAMAGE, _check_file, _check_ours, _connect, _refuse, _validate, damaged
from .schema import IndexedDocument, StoredPoint
from .writer import _STALE

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
        _check_ours(self.path)  # by its header: opening another program's file adds files to it
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

    def _fresh_points(self) -> None:
        """Refuse to serve discovered points that a warm run left out of date."""
        if self.meta.get(_STALE) == "1":
            raise _refuse(
                self.path,
                "the discovered points are out of date (briefings were added by a warm run); "
                "refresh them with 'consistency index PATH... --db FILE'",
            )

    def points(self, *, stale: bool = False) -> list[StoredPoint]:
        """The discovered points, best first (``stale``: even those out of date, when
        briefings were added since they were discovered)."""
        if not stale:
            self._fresh_points()
        return [
            _stored_point(json.loads(data))
            for (data,) in self.con.execute("SELECT data FROM points ORDER BY position")
        ]

    def point_count(self, *, min_dates: int = 1, top: int | None = None) -> int:
        """How many points are stored on ``min_dates`` dates or more (at most ``top``)."""
        self._fresh_points()
        n = int(
            self.con.execute(
                "SELECT count(*) FROM points WHERE dates >= ?", (min_dates,)
            ).fetchone()[0]
        )
        return n if top is None else min(n, top)

    def points_at(self, positions: Iterable[int]) -> dict[int, StoredPoint]:
        """The discovered points at these positions."""
        self._fresh_points()
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
        self._fresh_points()
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
        self._fresh_points()
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

    def segmented(self, tokeniser: Tokeniser | None = None) -> bool:
        """Whether the index's text was cut into words as ``tokeniser`` (the index's own,
        by name) cuts it now."""
        tok = tokeniser or TOKENISERS.get(self.tokeniser)
        return self.meta.get("segmentation", "") == revision(tok)

    def require_segmented(self, tokeniser: Tokeniser | None = None) -> None:
        """:class:`IndexFileError` unless :meth:`segmented`: its tokens are not the ones
        the engine reads now, nor those a new briefing is cut into."""
        if not self.segmented(tokeniser):
            raise _refuse(
                self.path,
                "this index cuts text into words as an earlier version did; update it "
                "with 'consistency index PATH... --db FILE'",
            )

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
        self.require_segmented()
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
            wanted = {speaker_key(s) for s in speakers}
            return frozenset(
                sid for sid, who in rows if who is not None and speaker_key(who) in wanted
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
