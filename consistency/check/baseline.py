"""The baseline ``check`` compares against: briefings in memory, or an index file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import IndexFileError, OptionError
from ..index import Index, is_sqlite_file
from ..match import Corpus
from ..models import Document, Progress, Sentence
from ..normalise import Tokeniser
from ..track import build_index
from .findings import BaselineSummary


class Baseline(Corpus, Protocol):
    """What ``check`` and ``diff`` need from the sentences they compare against."""

    def is_common(self, word: str) -> bool:
        """True for function words (the engine's rule)."""
        ...

    def frequency(self, word: str) -> int:
        """In how many sentences ``word`` occurs."""
        ...

    def postings(self, word: str) -> list[int]:
        """The sentences (numbers) that contain ``word``."""
        ...

    def words_of(self, ids: Iterable[int]) -> dict[int, str]:
        """The normalised words (joined by spaces) of these sentences."""
        ...

    def containing(self, words: Iterable[str]) -> list[int]:
        """The sentences that hold all of ``words``."""
        ...

    def prefetch(self, words: Iterable[str]) -> None:
        """Make the frequencies of ``words`` cheap to ask for."""
        ...

    def date_of(self, document: str) -> dt.date:
        """The date of a baseline document."""
        ...

    def documents_of(self, ids: Iterable[int]) -> dict[int, str]:
        """The document each of these sentences belongs to."""
        ...

    def path_of(self, document: str) -> str:
        """The path of a baseline document."""
        ...


class MemoryBaseline:
    """Baseline briefings segmented and indexed in memory (a :class:`Baseline`)."""

    def __init__(
        self,
        documents: Sequence[Document],
        *,
        include_questions: bool = False,
        speakers: Collection[str] = (),
        tokeniser: Tokeniser | None = None,
        progress: Progress | None = None,
    ) -> None:
        self.index = build_index(
            documents,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
            progress=progress,
        )
        self.documents = {d.id: d for d in documents}
        self._words: dict[int, str] = {}

    def candidates(self, words: Iterable[str]) -> list[int]:
        return self.index.candidates(words)

    def sentence(self, n: int) -> Sentence:
        return self.index.sentence(n)

    def text(self, document: str) -> str:
        return self.index.text(document)

    def is_common(self, word: str) -> bool:
        return self.index.is_common(word)

    def frequency(self, word: str) -> int:
        return self.index.frequency(word)

    def postings(self, word: str) -> list[int]:
        return [int(n) for n in self.index.postings(word)]

    def containing(self, words: Iterable[str]) -> list[int]:
        lists = sorted((self.postings(w) for w in set(words)), key=len)
        if not lists:
            return []
        found = set(lists[0])
        for other in lists[1:3]:
            found.intersection_update(other)
        return sorted(found)

    def words_of(self, ids: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        for n in ids:
            words = self._words.get(n)
            if words is None:
                tokens = self.index.sentences[n].tokens
                words = self._words[n] = " ".join(t.text for t in tokens)
            out[n] = words
        return out

    def prefetch(self, words: Iterable[str]) -> None:
        """Nothing to do: everything is in memory."""

    def date_of(self, document: str) -> dt.date:
        return self.documents[document].date

    def documents_of(self, ids: Iterable[int]) -> dict[int, str]:
        return {n: self.index.sentences[n].document for n in ids}

    def path_of(self, document: str) -> str:
        return self.documents[document].path


INDEX_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3"})
"""File endings that mean "an index" in ``--against``: such a file must be one."""


def is_index(paths: Sequence[str]) -> bool:
    """Whether ``paths`` names one index file (detected by SQLite's file header).

    A file ending in ``.db``/``.sqlite`` that is not an SQLite file is an
    :class:`~consistency.errors.IndexFileError`, not a briefing of an unknown type.
    """
    if len(paths) != 1 or not Path(paths[0]).is_file():
        return False
    if is_sqlite_file(paths[0]):
        return True
    if Path(paths[0]).suffix.lower() in INDEX_SUFFIXES:
        raise IndexFileError("not a consistency index (not an SQLite database)", path=paths[0])
    return False


def open_baseline(
    against: Sequence[str],
    *,
    load: Callable[[Sequence[str]], list[Document]],
    include_questions: bool = False,
    speakers: Collection[str] = (),
    since: dt.date | None = None,
    until: dt.date | None = None,
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
) -> tuple[Baseline, BaselineSummary, Index | None]:
    """The baseline named by ``against``: one index file, or briefings read with ``load``.

    Returns the baseline, its summary (without points) and the open index, if any.
    """
    if is_index(against):
        index = Index(against[0])
        try:
            corpus = index.corpus(
                include_questions=include_questions, speakers=speakers, since=since, until=until
            )
        except BaseException:
            index.close()
            raise
        docs = [
            d
            for d in index.documents()
            if (since is None or d.date >= since) and (until is None or d.date <= until)
        ]
        if not docs:
            index.close()
            raise OptionError(
                "the baseline has no briefings (check --against and --since/--until)",
                path=str(against[0]),
            )
        summary = BaselineSummary(
            kind="index",
            source=str(against[0]),
            documents=len(docs),
            first=docs[0].date if docs else None,
            last=docs[-1].date if docs else None,
            points=0,
            points_source="",
        )
        return corpus, summary, index
    documents = load(against)
    memory = MemoryBaseline(
        documents,
        include_questions=include_questions,
        speakers=speakers,
        tokeniser=tokeniser,
        progress=progress,
    )
    summary = BaselineSummary(
        kind="files",
        source=", ".join(str(a) for a in against),
        documents=len(documents),
        first=min((d.date for d in documents), default=None),
        last=max((d.date for d in documents), default=None),
        points=0,
        points_source="",
    )
    return memory, summary, None
