"""``check``: the CI gate. Does a fresh briefing word a known point in a way never seen before?

The baseline is either briefings (read and indexed in memory) or an index
file built by ``consistency index`` (served from SQLite, see
:mod:`consistency.index`). The points are a watchlist, or those discovered in
the baseline.

Finding kinds (:class:`FindingKind`):

- ``shifted``: a point occurs in the new briefing in a wording (compared
  after normalisation) that is neither its canonical text, nor one of its
  aliases, nor anywhere in the baseline;
- ``slot`` (only when asked for): such a new wording that differs from its
  closest baseline wording only in the words inserted inside the formula
  ("China's position on <a new topic> is consistent and clear"): the formula
  held, its topic is new (see :func:`consistency.diff.skeleton`);
- ``rephrased`` (only when asked for): a sentence of the new briefing that is
  a near-variant of a baseline sentence -- word-level similarity at or above
  ``similarity`` but not the same words.

How it stays fast against a large baseline:

1. a sentence of the new briefing whose words are those of a baseline
   sentence cannot hold a new wording: it is skipped (exact look-up through
   the posting lists of its two rarest words);
2. only the points whose candidate-picking words the remaining sentences
   contain are matched (the matcher's own rule, so none that could match is
   missed), and only against those sentences;
3. whether a wording occurs in the baseline is a phrase look-up (posting
   lists, then a substring test on the candidate sentences' words), not a
   search of the whole baseline;
4. the closest baseline wording is searched only for the points that have a
   finding, and only in the baseline sentences that share most words with
   the new wording.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from rapidfuzz import fuzz

from .context import working_on
from .diff import skeleton, word_diff
from .errors import IndexFileError, OptionError
from .index import (
    Index,
    is_sqlite_file,
    phrase_sentences,
)
from .ingest.select import FileSelection
from .match import (
    DEFAULT_THRESHOLD,
    Corpus,
    Match,
    SentenceIndex,
    candidate_keys,
    candidates_by_weight,
    find_point,
    make_forms,
    require_percent,
    weigher,
)
from .models import Document, Level, Point, Progress, Role, Sentence
from .normalise import TOKENISERS, Tokeniser
from .segment import document_sentences
from .track import build_index

DEFAULT_SIMILARITY = 85.0
"""Word-level similarity (0-100) at or above which two sentences are near-variants."""

MIN_SENTENCE_WORDS = 6
"""Shorter sentences ("Thank you.", "Next question.") are never reported as rephrased."""

CLOSEST_CANDIDATES = 40
"""How many baseline sentences are searched for the closest wording of a finding."""

_RARE_KEYS = 6


class FindingKind(StrEnum):
    """What a finding says about the new briefing."""

    SHIFTED = "shifted"
    SLOT = "slot"
    REPHRASED = "rephrased"


FINDING_KINDS: tuple[str, ...] = tuple(k.value for k in FindingKind)


def parse_kinds(values: Iterable[str]) -> frozenset[FindingKind]:
    """Finding kinds from option values (each may hold several, comma-separated).

    ``none`` stands for no kind at all.

    >>> sorted(parse_kinds(["shifted,rephrased"]))
    [<FindingKind.REPHRASED: 'rephrased'>, <FindingKind.SHIFTED: 'shifted'>]
    """
    kinds: set[FindingKind] = set()
    for value in values:
        for part in str(value).split(","):
            name = part.strip().lower()
            if not name or name == "none":
                continue
            try:
                kinds.add(FindingKind(name))
            except ValueError:
                raise OptionError(
                    f"unknown finding kind {name!r} (choose from {', '.join(FINDING_KINDS)}, none)"
                ) from None
    return frozenset(kinds)


DISCOVERED_LEVEL = Level.WARNING
"""The level of points discovered in the baseline: reported, failing only with ``--strict``,
so a gate without a watchlist does not fail on a recurring phrase that is not a formula."""

DEFAULT_FAIL_ON: frozenset[FindingKind] = frozenset({FindingKind.SHIFTED})
"""What ``check`` fails on when ``--fail-on`` is not given."""


@dataclass(frozen=True)
class Gate:
    """When ``check`` fails: the policy, as in Vale and ruff.

    fail_on: finding kinds that can fail the check (``--fail-on``).
    warn_on: finding kinds reported without failing (``--warn-on``).
    strict: ``warning`` points fail too (``--strict``).

    A finding of a kind in ``fail_on`` has its point's level: ``error`` fails,
    ``warning`` fails only when ``strict``, ``notice`` never. Findings of any
    other kind are notices. With ``fail_on`` empty (``--fail-on none``) the
    default kinds are still looked for and reported, as notices.
    """

    fail_on: frozenset[FindingKind] = DEFAULT_FAIL_ON
    warn_on: frozenset[FindingKind] = frozenset()
    strict: bool = False

    @classmethod
    def parse(
        cls, fail_on: Iterable[str], warn_on: Iterable[str] = (), *, strict: bool = False
    ) -> Gate:
        """A gate from option values (``"shifted,slot"``, ``"none"``; a bare string is one value).

        >>> Gate.parse("none").kinds == DEFAULT_FAIL_ON
        True
        """
        return cls(parse_kinds(_values(fail_on)), parse_kinds(_values(warn_on)), strict)

    @property
    def kinds(self) -> frozenset[FindingKind]:
        """The finding kinds to look for."""
        return self.fail_on | self.warn_on if self.fail_on else DEFAULT_FAIL_ON | self.warn_on

    def level(self, finding: Finding) -> Level:
        """The level ``finding`` is reported at: its point's, or notice for other kinds."""
        return finding.level if finding.kind in self.fail_on else Level.NOTICE

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` makes the check fail."""
        level = self.level(finding)
        return level is Level.ERROR or (self.strict and level is Level.WARNING)


def _values(value: Iterable[str] | str) -> list[str]:
    """Option values: a string (as in ``fail-on = "shifted"`` in a config file) is one value."""
    if isinstance(value, str):
        return [value]
    out = []
    for v in value:
        if not isinstance(v, str):
            raise OptionError(f"finding kinds must be strings, not {v!r}")
        out.append(v)
    return out


@dataclass(frozen=True)
class Reference:
    """A wording in the baseline, as it stands in its source.

    text: the wording (``source[start:end]``); document, date, path: where;
    line, column: 1-based position of its start.
    """

    text: str
    document: str
    date: dt.date
    path: str
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    """One thing ``check`` reports.

    kind: shifted or rephrased.
    point: the point id (None for rephrased sentences).
    level: the point's level (warning for rephrased sentences).
    document, path, date: the new briefing.
    line, column, end_line, end_column: the span of ``text`` (1-based; end inclusive).
    text: the new wording, exactly as in the source.
    reference: the closest baseline wording, if the baseline has one.
    canonical: the point's canonical text (None for rephrased sentences).
    diff: word diff from the reference (else the canonical text) to ``text``.
    score: the match score against the point (rephrased: the similarity).
    similarity: word-level similarity of ``text`` to ``reference`` (0-100).
    also: other points whose occurrences overlap this one (reported once, here).
    start, end: the span of ``text`` in the new briefing's text.
    """

    kind: FindingKind
    point: str | None
    level: Level
    document: str
    path: str
    date: dt.date
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    reference: Reference | None
    canonical: str | None
    diff: str
    score: float
    similarity: float | None = None
    also: tuple[str, ...] = ()
    start: int = 0
    end: int = 0

    @property
    def title(self) -> str:
        """A one-line title, e.g. ``shifted wording of 'sea-of-peace'``."""
        if self.kind is FindingKind.SHIFTED:
            return f"shifted wording of '{self.point}'"
        if self.kind is FindingKind.SLOT:
            return f"new words inside '{self.point}'"
        return "rephrased sentence"


@dataclass(frozen=True)
class CheckedPoint:
    """A point checked in one new briefing (a test case in JUnit output).

    occurrences: how many times it was found there (0 for a watchlist point
    the briefing does not mention).
    """

    document: str
    point: Point
    occurrences: int


@dataclass(frozen=True)
class BaselineSummary:
    """What the new briefings were compared with."""

    kind: str
    source: str
    documents: int
    first: dt.date | None
    last: dt.date | None
    points: int
    points_source: str


@dataclass(frozen=True)
class CheckResult:
    """The result of :func:`check`.

    documents: the new briefings, in the order given.
    baseline: what they were compared with.
    kinds: the finding kinds looked for.
    checked: each (new briefing, point) pair that was checked.
    findings: sorted by briefing, line, column, kind, point.
    """

    documents: tuple[Document, ...]
    baseline: BaselineSummary
    kinds: frozenset[FindingKind]
    checked: tuple[CheckedPoint, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = field(default=())

    def failing(self, gate: Gate) -> list[Finding]:
        """The findings that make ``check`` fail under ``gate``."""
        return [f for f in self.findings if gate.fails(f)]


# ---------------------------------------------------------------------------
# Baselines


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


# ---------------------------------------------------------------------------
# Points


FormHit = tuple[int, tuple[str, ...], list[int]]
"""A point's wording that may occur: (point position, its words, sentence numbers)."""


class PointSource(Protocol):
    """Where the points to check come from."""

    discovered: bool
    """True when every wording of every point was seen in the baseline (discovered points)."""

    def __len__(self) -> int: ...

    def form_hits(self, sentences: Sequence[Collection[str]]) -> list[FormHit]:
        """The wordings that may occur in these sentences (sets of words), by the matcher's rule."""
        ...

    def thresholds(self, positions: Iterable[int]) -> dict[int, float]:
        """The points' own thresholds, where they have one."""
        ...

    def points(self, positions: Iterable[int]) -> dict[int, Point]:
        """The points at these positions."""
        ...

    def all(self) -> list[Point]:
        """Every point, in order."""
        ...


class MemoryPoints:
    """Points in memory (a watchlist, or points discovered from baseline files)."""

    def __init__(
        self,
        points: Sequence[Point],
        is_common: Callable[[str], bool],
        *,
        discovered: bool = False,
        tokeniser: Tokeniser | None = None,
    ) -> None:
        self._points = list(points)
        self.discovered = discovered
        self._is_common = is_common
        self._tokeniser = tokeniser
        self._keys: dict[str, list[int]] | None = None
        self._forms: list[tuple[int, tuple[str, ...], int]] = []

    def __len__(self) -> int:
        return len(self._points)

    def _build(self) -> dict[str, list[int]]:
        keys: dict[str, list[int]] = {}
        for position, point in enumerate(self._points):
            for form in make_forms(point, tokeniser=self._tokeniser):
                words, need = candidate_keys(form.words, self._is_common)
                for w in words:
                    keys.setdefault(w, []).append(len(self._forms))
                self._forms.append((position, form.words, need))
        return keys

    def form_hits(self, sentences: Sequence[Collection[str]]) -> list[FormHit]:
        if self._keys is None:
            self._keys = self._build()
        where: dict[int, list[int]] = {}
        for k, words in enumerate(sentences):
            hits: Counter[int] = Counter()
            for w in set(words):
                hits.update(self._keys.get(w, ()))
            for fid, h in hits.items():
                if h >= self._forms[fid][2]:
                    where.setdefault(fid, []).append(k)
        return [(self._forms[fid][0], self._forms[fid][1], ks) for fid, ks in sorted(where.items())]

    def thresholds(self, positions: Iterable[int]) -> dict[int, float]:
        out: dict[int, float] = {}
        for p in positions:
            threshold = self._points[p].threshold
            if threshold is not None:
                out[p] = threshold
        return out

    def points(self, positions: Iterable[int]) -> dict[int, Point]:
        return {p: self._points[p] for p in positions}

    def all(self) -> list[Point]:
        return list(self._points)


class IndexPoints:
    """Points an index stored by discovery: those on ``min_dates`` dates, the ``top`` best."""

    discovered = True

    def __init__(
        self,
        index: Index,
        *,
        min_dates: int = 1,
        top: int | None = None,
        level: Level = DISCOVERED_LEVEL,
    ) -> None:
        self.index = index
        self.level = level
        self.min_dates = min_dates
        self.top = top
        self.last = index.point_cutoff(min_dates=min_dates, top=top)

    def __len__(self) -> int:
        return self.index.point_count(min_dates=self.min_dates, top=self.top)

    def form_hits(self, sentences: Sequence[Collection[str]]) -> list[FormHit]:
        return self.index.form_hits(sentences, min_dates=self.min_dates, last=self.last)

    def thresholds(self, positions: Iterable[int]) -> dict[int, float]:
        return {}

    def points(self, positions: Iterable[int]) -> dict[int, Point]:
        stored = self.index.points_at(positions)
        return {p: replace(s.point, level=self.level) for p, s in stored.items()}

    def all(self) -> list[Point]:
        kept = [
            replace(s.point, level=self.level)
            for s in self.index.points()
            if s.dates >= self.min_dates
        ]
        return kept if self.top is None else kept[: self.top]


# ---------------------------------------------------------------------------
# Similarity helpers (shared with ``diff``)


def encode_words(sequences: Sequence[Sequence[str]]) -> list[str]:
    """Each word sequence as a string with one character per distinct word (shared table)."""
    table: dict[str, str] = {}
    out: list[str] = []
    for words in sequences:
        chars = []
        for w in words:
            c = table.get(w)
            if c is None:
                c = table[w] = chr(0x100 + len(table))
            chars.append(c)
        out.append("".join(chars))
    return out


def word_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word-level similarity 0-100 (rapidfuzz ``ratio`` with each word as one symbol).

    >>> word_similarity("a b c d".split(), "a b x d".split())
    75.0
    """
    x, y = encode_words([a, b])
    return float(fuzz.ratio(x, y))


def has_sentence(baseline: Baseline, words: Sequence[str]) -> bool:
    """Whether the baseline holds a sentence with exactly these normalised words."""
    if not words:
        return True
    target = " ".join(words)
    return any(text == target for text in baseline.words_of(baseline.containing(words)).values())


def nearest_sentence(
    baseline: Baseline,
    words: Sequence[str],
    *,
    similarity: float = DEFAULT_SIMILARITY,
    limit: int = 200,
) -> tuple[int, float] | None:
    """The baseline sentence most similar to ``words`` at or above ``similarity``, if any.

    Candidates share at least half of the sentence's (up to six) rarest
    words; identical sentences are not returned. Ties go to the later sentence.
    """
    distinct = sorted(
        (w for w in set(words) if not baseline.is_common(w)),
        key=lambda w: (baseline.frequency(w), w),
    )
    keys = [w for w in distinct if baseline.frequency(w) > 0][:_RARE_KEYS]
    if not keys:
        return None
    need = max(1, math.ceil(len(keys) / 2))
    hits: Counter[int] = Counter()
    for w in keys:
        hits.update(baseline.postings(w))
    ranked = sorted((n for n, h in hits.items() if h >= need), key=lambda n: (-hits[n], -n))
    if not ranked:
        return None
    texts = baseline.words_of(ranked[:limit])
    target = " ".join(words)
    best: tuple[int, float] | None = None
    for n in sorted(texts, reverse=True):
        other = texts[n]
        if other == target:
            continue
        score = word_similarity(words, other.split(" "))
        if score >= similarity and (best is None or score > best[1]):
            best = (n, score)
    return best


class _NewCorpus(SentenceIndex):
    """New sentences in memory, searched with the engine's own candidate rule."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        texts: dict[str, str],
        tokeniser: Tokeniser | None,
    ) -> None:
        super().__init__(sentences, texts)
        self.limit = DEFAULT_THRESHOLD
        self.weigh = weigher(tokeniser)
        self.word_sets = [frozenset(t.text for t in s.tokens) for s in sentences]

    def could_match(self, words: Sequence[str], sentences: Iterable[int]) -> list[int]:
        """The sentences among ``sentences`` where a wording of ``words`` can reach the limit."""
        wanted = set(sentences)
        return [
            n for n in candidates_by_weight(self, words, self.weigh, self.limit) if n in wanted
        ]


class _Narrowed:
    """A baseline whose candidates are cut to those sharing most words with one wording."""

    def __init__(self, baseline: Baseline, words: Sequence[str], limit: int) -> None:
        self.baseline = baseline
        self.limit = limit
        self.hits: Counter[int] = Counter()
        rare = [w for w in set(words) if not baseline.is_common(w)] or sorted(set(words))
        for w in sorted(rare):
            self.hits.update(baseline.postings(w))

    def candidates(self, words: Iterable[str]) -> list[int]:
        found = self.baseline.candidates(words)
        found.sort(key=lambda n: (-self.hits[n], -n))
        return sorted(found[: self.limit])

    def sentence(self, n: int) -> Sentence:
        return self.baseline.sentence(n)

    def text(self, document: str) -> str:
        return self.baseline.text(document)

    def is_common(self, word: str) -> bool:
        return self.baseline.is_common(word)


def closest_wording(
    point: Point,
    words: Sequence[str],
    baseline: Baseline,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    tokeniser: Tokeniser | None = None,
    limit: int = CLOSEST_CANDIDATES,
) -> tuple[Reference, float] | None:
    """The baseline wording of ``point`` closest to ``words``, with its similarity.

    Only the ``limit`` baseline sentences sharing most rare words with
    ``words`` are searched. Ties go to the later date.
    """
    narrowed = _Narrowed(baseline, words, limit)
    best: tuple[tuple[float, dt.date, str, int], Reference] | None = None
    for match in find_point(point, narrowed, threshold=threshold, tokeniser=tokeniser):
        found = [t.text for t in match.sentence.tokens[match.first : match.last + 1]]
        score = word_similarity(words, found)
        doc = match.sentence.document
        date = baseline.date_of(doc)
        key = (score, date, doc, -match.start)
        if best is None or key > best[0]:
            text = baseline.text(doc)
            line, column = _line_col(text, match.start)
            ref = Reference(
                text[match.start : match.end], doc, date, baseline.path_of(doc), line, column
            )
            best = (key, ref)
    if best is None:
        return None
    return best[1], best[0][0]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ---------------------------------------------------------------------------
# The check


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


def check(
    new: Sequence[Document],
    baseline: Baseline,
    points: PointSource,
    *,
    summary: BaselineSummary,
    kinds: Collection[FindingKind] = (FindingKind.SHIFTED,),
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
    progress: Progress | None = None,
) -> CheckResult:
    """Compare each new briefing with ``baseline`` and report what ``kinds`` name.

    ``points`` are the points to check (see :class:`MemoryPoints`,
    :class:`IndexPoints`). ``progress`` is called with 1 per new briefing.
    """
    kinds = frozenset(kinds)
    findings: list[Finding] = []
    checked: list[CheckedPoint] = []
    references: dict[tuple[str, tuple[str, ...]], tuple[Reference, float] | None] = {}
    for doc in new:
        with working_on(doc.path):
            sentences = document_sentences(
                doc, include_questions=include_questions, speakers=speakers, tokeniser=tokeniser
            )
            words = [tuple(t.text for t in s.tokens) for s in sentences]
            baseline.prefetch({w for ws in words for w in ws})
            novel = [k for k, ws in enumerate(words) if not has_sentence(baseline, ws)]
            novel_sentences = [sentences[k] for k in novel]
            doc_findings: list[Finding] = []
            seen: dict[int, tuple[Point, int]] = {}
            if kinds & {FindingKind.SHIFTED, FindingKind.SLOT}:
                doc_findings.extend(
                    f
                    for f in _shifted(
                        doc,
                        novel_sentences,
                        baseline,
                        points,
                        seen,
                        references,
                        threshold=threshold,
                        tokeniser=tokeniser,
                    )
                    if f.kind in kinds
                )
            if FindingKind.REPHRASED in kinds:
                taken = [(f.start, f.end) for f in doc_findings]
                doc_findings.extend(
                    _rephrased(doc, novel_sentences, baseline, similarity, taken, tokeniser)
                )
            findings.extend(sorted(doc_findings, key=_finding_order))
            checked.extend(_checked(doc, points, seen))
        if progress:
            progress(1)
    notes: list[str] = []
    if kinds & {FindingKind.SHIFTED, FindingKind.SLOT} and len(points) == 0:
        notes.append("no talking points to check (none given, none discovered in the baseline)")
    summary = BaselineSummary(
        kind=summary.kind,
        source=summary.source,
        documents=summary.documents,
        first=summary.first,
        last=summary.last,
        points=len(points),
        points_source="discovered" if points.discovered else "watchlist",
    )
    return CheckResult(
        documents=tuple(new),
        baseline=summary,
        kinds=kinds,
        checked=tuple(checked),
        findings=tuple(findings),
        notes=tuple(notes),
    )


def _finding_order(f: Finding) -> tuple[int, int, str, str]:
    return (f.line, f.column, f.kind.value, f.point or "")


def _checked(
    doc: Document, points: PointSource, seen: dict[int, tuple[Point, int]]
) -> list[CheckedPoint]:
    """Watchlist points: all of them; discovered points: those found in ``doc``."""
    if not points.discovered:
        return [
            CheckedPoint(doc.id, p, seen[k][1] if k in seen else 0)
            for k, p in enumerate(points.all())
        ]
    return [CheckedPoint(doc.id, p, n) for _, (p, n) in sorted(seen.items()) if n]


def _shifted(
    doc: Document,
    sentences: Sequence[Sentence],
    baseline: Baseline,
    points: PointSource,
    seen: dict[int, tuple[Point, int]],
    references: dict[tuple[str, tuple[str, ...]], tuple[Reference, float] | None],
    *,
    threshold: float,
    tokeniser: Tokeniser | None,
) -> list[Finding]:
    """Occurrences of points in ``sentences`` whose wording the baseline never has."""
    if not sentences:
        return []
    corpus = _NewCorpus(sentences, {doc.id: doc.text}, tokeniser)
    hits = points.form_hits(corpus.word_sets)
    limits = points.thresholds(sorted({p for p, _, _ in hits}))
    possible: set[int] = set()
    for position, words, where in hits:
        if position in possible:
            continue
        corpus.limit = limits.get(position, threshold)
        if corpus.could_match(words, where):
            possible.add(position)
    found: list[tuple[int, Finding]] = []
    known: dict[tuple[str, ...], bool] = {}
    for position, point in sorted(points.points(possible).items()):
        forms = {f.words for f in make_forms(point, tokeniser=tokeniser)}
        corpus.limit = point.threshold if point.threshold is not None else threshold
        matches = find_point(point, corpus, threshold=threshold, tokeniser=tokeniser)
        if matches:
            seen[position] = (point, len(matches))
        for match in matches:
            span = tuple(t.text for t in match.sentence.tokens[match.first : match.last + 1])
            if span in forms:
                continue
            old = known.get(span)
            if old is None:
                old = known[span] = bool(phrase_sentences(baseline, span, limit=1))
            if old:
                continue
            key = (point.id, span)
            if key not in references:
                ref = _closest_form(point, span, baseline, tokeniser) if points.discovered else None
                references[key] = ref or closest_wording(
                    point, span, baseline, threshold=threshold, tokeniser=tokeniser
                )
            found.append((position, _finding(doc, point, match, span, references[key], tokeniser)))
            ref = references[key]
            if ref is not None and _same_skeleton(point, found[-1][1].text, ref[0].text, tokeniser):
                found[-1] = (position, replace(found[-1][1], kind=FindingKind.SLOT))
    return _merge_overlapping(found)


def _finding(
    doc: Document,
    point: Point,
    match: Match,
    span: Sequence[str],
    ref: tuple[Reference, float] | None,
    tokeniser: Tokeniser | None,
) -> Finding:
    text = doc.text[match.start : match.end]
    line, column = doc.line_col(match.start)
    end_line, end_column = doc.line_col(match.end - 1)
    reference, sim = (ref[0], ref[1]) if ref else (None, None)
    return Finding(
        kind=FindingKind.SHIFTED,
        point=point.id,
        level=point.level,
        document=doc.id,
        path=doc.path,
        date=doc.date,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=text,
        reference=reference,
        canonical=point.text,
        diff=word_diff(reference.text if reference else point.text, text, tokeniser=tokeniser),
        score=round(match.score, 1),
        similarity=None if sim is None else round(sim, 1),
        start=match.start,
        end=match.end,
    )


def _same_skeleton(point: Point, new: str, old: str, tokeniser: Tokeniser | None) -> bool:
    """Whether ``new`` and ``old`` differ only in words inserted inside the point's formula."""
    return skeleton(point.text, new, tokeniser=tokeniser) == skeleton(
        point.text, old, tokeniser=tokeniser
    )


def _merge_overlapping(found: Sequence[tuple[int, Finding]]) -> list[Finding]:
    """One finding per stretch of new wording: the best-ranked point's, naming the others.

    Discovered points overlap ("China deplores and firmly opposes", "China
    firmly rejects"...), so one changed word could otherwise be reported
    once per point that covers it.
    """
    kept: list[Finding] = []
    for _, finding in sorted(found, key=lambda pf: (pf[0], pf[1].start)):
        for k, other in enumerate(kept):
            if other.start < finding.end and finding.start < other.end:
                if finding.point not in other.also and finding.point != other.point:
                    kept[k] = replace(other, also=(*other.also, finding.point or ""))
                break
        else:
            kept.append(finding)
    return kept


def _closest_form(
    point: Point, span: Sequence[str], baseline: Baseline, tokeniser: Tokeniser | None
) -> tuple[Reference, float] | None:
    """The point's wording closest to ``span`` that the baseline has, at its latest date.

    For discovered points, whose wordings were all seen in the baseline.
    """
    forms = make_forms(point, tokeniser=tokeniser)
    ranked = sorted(range(len(forms)), key=lambda k: (-word_similarity(span, forms[k].words), k))
    for k in ranked:
        words = forms[k].words
        ids = phrase_sentences(baseline, words)
        if not ids:
            continue
        owners = baseline.documents_of(ids)
        n = max(ids, key=lambda i: (baseline.date_of(owners[i]), i))
        sentence = baseline.sentence(n)
        tokens = sentence.tokens
        texts = [t.text for t in tokens]
        m = len(words)
        at = next(i for i in range(len(texts) - m + 1) if tuple(texts[i : i + m]) == words)
        source = baseline.text(sentence.document)
        start, end = tokens[at].start, tokens[at + m - 1].end
        line, column = _line_col(source, start)
        doc = sentence.document
        ref = Reference(
            source[start:end], doc, baseline.date_of(doc), baseline.path_of(doc), line, column
        )
        return ref, word_similarity(span, words)
    return None


def _rephrased(
    doc: Document,
    sentences: Sequence[Sentence],
    baseline: Baseline,
    similarity: float,
    taken: Sequence[tuple[int, int]],
    tokeniser: Tokeniser | None,
) -> list[Finding]:
    """Official sentences of ``doc`` that closely rephrase a baseline sentence.

    A sentence that already holds a shifted wording is left out: that finding
    says more.
    """
    out: list[Finding] = []
    for s in sentences:
        if s.role is Role.PRESS or len(s.tokens) < MIN_SENTENCE_WORDS:
            continue
        if any(a < s.end and s.start < b for a, b in taken):
            continue
        words = [t.text for t in s.tokens]
        near = nearest_sentence(baseline, words, similarity=similarity)
        if near is None:
            continue
        n, score = near
        other = baseline.sentence(n)
        other_text = baseline.text(other.document)
        before = other_text[other.start : other.end]
        line, column = doc.line_col(s.start)
        end_line, end_column = doc.line_col(s.end - 1)
        ref_line, ref_column = _line_col(other_text, other.start)
        text = doc.text[s.start : s.end]
        out.append(
            Finding(
                kind=FindingKind.REPHRASED,
                point=None,
                level=Level.ERROR,
                document=doc.id,
                path=doc.path,
                date=doc.date,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                text=text,
                reference=Reference(
                    before,
                    other.document,
                    baseline.date_of(other.document),
                    baseline.path_of(other.document),
                    ref_line,
                    ref_column,
                ),
                canonical=None,
                diff=word_diff(before, text, tokeniser=tokeniser),
                score=round(score, 1),
                similarity=round(score, 1),
                start=s.start,
                end=s.end,
            )
        )
    return out


def run_check(
    new_paths: Sequence[str],
    against: str,
    *,
    points_file: str | None = None,
    manifest: str | None = None,
    date: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kinds: Collection[FindingKind] = (FindingKind.SHIFTED,),
    threshold: float = DEFAULT_THRESHOLD,
    similarity: float = DEFAULT_SIMILARITY,
    min_dates: int = 2,
    top: int | None = None,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    level: Level | None = None,
    select: FileSelection | None = None,
    note: Callable[[str], None] | None = None,
) -> CheckResult:
    """``consistency check``: read the new briefings, open the baseline, pick the points, check.

    ``against`` is an index file (recognised by its SQLite header) or a
    briefing file or directory. ``date`` dates the single new briefing;
    ``since``/``until`` restrict the baseline; ``manifest`` dates files of
    both. Without ``points_file``, the points are those discovered in the
    baseline on ``min_dates`` dates or more (the ``top`` best, if given).
    ``level`` is the level of points that set none (default: ``error`` for
    watchlist points, ``warning`` for discovered ones). ``select`` and ``note`` are
    :func:`~consistency.ingest.load_documents`'s.
    """
    from .ingest import load_documents
    from .watchlist import load_watchlist

    require_percent(threshold, "threshold")
    require_percent(similarity, "similarity")
    watchlist = load_watchlist(points_file, level=level or Level.ERROR) if points_file else None
    new = load_documents(list(new_paths), manifest=manifest, date=date, select=select, note=note)
    if not new:
        raise OptionError("no new briefings to check")

    def load(paths: Sequence[str]) -> list[Document]:
        docs = load_documents(
            list(paths), manifest=manifest, since=since, until=until, select=select, note=note
        )
        if not docs:
            raise OptionError(
                "the baseline has no briefings (check --against and --since/--until)",
                path=str(against),
            )
        return docs

    baseline, summary, index = open_baseline(
        [against],
        load=load,
        include_questions=include_questions,
        speakers=speakers,
        since=since,
        until=until,
    )
    tokeniser = TOKENISERS.get(index.tokeniser) if index is not None else None
    try:
        points: PointSource
        if watchlist is not None:
            points = MemoryPoints(watchlist, baseline.is_common, tokeniser=tokeniser)
        elif index is not None:
            points = IndexPoints(
                index, min_dates=min_dates, top=top, level=level or DISCOVERED_LEVEL
            )
        else:
            from .discover import discover

            assert isinstance(baseline, MemoryBaseline)
            found = discover(
                list(baseline.documents.values()),
                min_dates=min_dates,
                top=top,
                include_questions=include_questions,
                speakers=speakers,
            )
            points = MemoryPoints(
                [replace(f.point, level=level or DISCOVERED_LEVEL) for f in found],
                baseline.is_common,
                discovered=True,
            )
        return check(
            new,
            baseline,
            points,
            summary=summary,
            kinds=kinds,
            threshold=threshold,
            similarity=similarity,
            include_questions=include_questions,
            speakers=speakers,
            tokeniser=tokeniser,
        )
    finally:
        if index is not None:
            index.close()
