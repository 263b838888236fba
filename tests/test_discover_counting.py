"""Discovery's counting structures give what the plain definitions give (they exist for speed
and memory at archive scale), and segmentation shared with ``track`` changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.discover import discover
from consistency.discover.corpus import _Corpus
from consistency.discover.families import _Holders, _pieces
from consistency.discover.ngrams import _frequent_lengths, _maximal_candidates
from consistency.ingest import load_documents
from consistency.models import DateSource, Document, Role, Turn
from consistency.track import build_index, sort_documents

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus" / "mfa"


def _doc(day: int, text: str) -> Document:
    date = dt.date(2024, 3, day)
    return Document(
        date.isoformat(),
        f"{date.isoformat()}.txt",
        text,
        date,
        DateSource.FILENAME,
        turns=(Turn(None, Role.NARRATION, 0, len(text), 1),),
    )


def _corpus(days: list[list[str]]) -> _Corpus:
    docs = [_doc(k + 1, " ".join(sentences)) for k, sentences in enumerate(days)]
    return _Corpus(
        docs, include_questions=False, speakers=(), tokeniser=None, progress=lambda n: None
    )


_WORDS = ["peace", "and", "stability", "of", "the", "region", "firmly", "uphold"]
_SENTENCE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(
    lambda ws: " ".join(ws) + "."
)
_DAYS = st.lists(st.lists(_SENTENCE, min_size=1, max_size=4), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(days=_DAYS, k=st.integers(2, 4), min_dates=st.integers(1, 3))
def test_frequent_lengths_are_the_longest_recurring_ngrams(
    days: list[list[str]], k: int, min_dates: int
) -> None:
    """At each position: the longest n-gram (n >= k) that stays in its clause and occurs
    on ``min_dates`` dates; equal n-grams of one length get one number, others differ."""
    corpus = _corpus(days)
    ids, room, pdate = list(corpus.ids), list(corpus.room), list(corpus.pdate)
    dates: defaultdict[tuple[int, ...], set[int]] = defaultdict(set)
    for i in range(len(ids)):
        for n in range(1, room[i] + 1):
            dates[tuple(ids[i : i + n])].add(pdate[i])
    maxlen, last = _frequent_lengths(corpus, k, min_dates)
    seen: dict[tuple[int, int], tuple[int, ...]] = {}
    for i in range(len(ids)):
        want = 0
        for n in range(k, room[i] + 1):
            if len(dates[tuple(ids[i : i + n])]) < min_dates:
                break
            want = n
        assert maxlen[i] == want
        if want:
            gram = tuple(ids[i : i + want])
            assert seen.setdefault((want, int(last[i])), gram) == gram
    assert len(set(seen.values())) == len(seen)
    for occ in _maximal_candidates(corpus, maxlen, last, min_dates):
        assert maxlen[occ.start] == occ.end - occ.start


_KEYS = st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=9).map(tuple), max_size=25)


@settings(max_examples=200, deadline=None)
@given(accepted=_KEYS, asked=_KEYS, min_words=st.integers(2, 4))
def test_holders_find_what_listing_every_part_finds(
    accepted: list[tuple[int, ...]], asked: list[tuple[int, ...]], min_words: int
) -> None:
    """The first wording with ``key`` as a part at least half its length and ``min_words``
    long: as found by listing every such part of every wording (memory cubic in length)."""
    parts: dict[tuple[int, ...], int] = {}
    holders = _Holders(min_words)
    for n, key in enumerate(accepted):
        for sub in _pieces(key, max(min_words, (len(key) + 1) // 2)):
            parts.setdefault(sub, n)
        holders.add(key)
    for key in [*asked, *accepted]:
        assert holders.first(key) == parts.get(key)


def test_report_sharing_its_sentences_discovers_the_same() -> None:
    """``report`` segments once and gives discovery the sentences it tracks in."""
    docs = load_documents([CORPUS])
    index = build_index(sort_documents(docs))
    shared = discover(docs, sentences=index.sentences)
    assert shared
    assert shared == discover(docs)


def test_sentences_in_another_document_order_discover_the_same() -> None:
    docs = load_documents([CORPUS])
    index = build_index(sort_documents(docs))
    backwards = sorted(index.sentences, key=lambda s: s.document, reverse=True)
    assert discover(docs, sentences=backwards) == discover(docs)
