"""Benchmark the cold segment + tokenise + pack stage (``build_index``) against its floor.

Run: ``python benchmarks/bench_ingest.py [--copies 2] [--runs 3] [--corpus FOLDER]``.

The archive is the MFA corpus repeated ``--copies`` times (as ``bench_engine.py``
makes it: 1,000 briefings by default), or the briefings of ``--corpus`` as they
are (``../shared/corpus/mfa-zh`` for Chinese). Everything is timed in this one
process, best of ``--runs`` in CPU seconds, and printed as ratios:

- floor: read every file and ``re.findall(r"\\w+", text.lower())``;
- ingest: ``consistency.load_documents`` (not part of the ratios below);
- token path: the stage as it was before token columns: each sentence tokenised
  into ``Token`` objects (a match object and a named tuple per word), then
  unpacked again into words and spans by ``PackedSentences.append``, one
  ``array.append`` per number, then indexed with a ``setdefault`` per word
  (a frozen copy below of that code);
- build_index: ``consistency.track.build_index`` (token columns: words and spans
  without a ``Token`` per word).

Both must give the same sentences, words and spans; the benchmark checks it.
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np
from _common import ROOT, corpus_dir
from bench_engine import make_archive

sys.path.insert(0, str(ROOT))

from consistency import load_documents
from consistency.match import PackedSentences, SentenceIndex
from consistency.match.corpus import distinct
from consistency.models import Document, Sentence, Token
from consistency.normalise import (
    _BRACKETS,
    _LINE_BREAK,
    _PLAIN,
    _rejoined,
    _scanned_tokens,
    _split_contractions,
    _without_asides,
    normalise_word,
)
from consistency.segment import answer_start, select_turns, split_sentences
from consistency.track import build_index

T = TypeVar("T")

_OLD_ASCII_SCAN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:(?:'|(?<=[0-9])[.,](?=[0-9]))[A-Za-z0-9]+)*"
)
_OLD_KNOWN: dict[str, str] = {}


def _old_tokens(text: str, offset: int) -> list[Token]:
    """The word tokeniser before token columns: a ``Token`` per word."""
    plain = text.translate(_PLAIN)
    words: list[str] = []
    spans: list[int] = []
    if not plain.isascii():
        for t in _scanned_tokens(text, offset):
            words.append(t.text)
            spans += (t.start, t.end)
    else:
        for m in _OLD_ASCII_SCAN.finditer(plain):
            word = _OLD_KNOWN.get(m.group())
            if word is None:
                word = _OLD_KNOWN[m.group()] = normalise_word(m.group())
            if word:
                words.append(word)
                spans += (m.start() + offset, m.end() + offset)
        words, spans = _split_contractions(words, spans, None)
    # the rules the tokeniser has had since: words cut by a line break, asides
    if "\n" in text and _LINE_BREAK.search(text):
        words, spans = _rejoined(text, offset, words, spans)
    if any(b in text for b in _BRACKETS):
        words, spans = _without_asides(text, offset, words, spans)
    return [Token(w, spans[2 * k], spans[2 * k + 1]) for k, w in enumerate(words)]


class _OldIndex(SentenceIndex):
    """``SentenceIndex`` numbering its words as it did: a ``setdefault`` per word."""

    def __init__(self, sentences: PackedSentences, texts: dict[str, str]) -> None:
        self.sentences = sentences
        self.texts = texts
        vocab: dict[str, int] = {}
        ids = array("i")
        lengths = array("q")
        self._words: list[Sequence[str]] = []
        for words in sentences.words:
            ids.extend([vocab.setdefault(w, len(vocab)) for w in words])
            lengths.append(len(words))
            self._words.append(words)
        self.vocab = vocab
        count = max(1, len(lengths))
        self._ids = np.asarray(ids, dtype=np.int32)
        self._first = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=self._first[1:])
        self._sentence_of = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)
        self._positions = np.argsort(self._ids, kind="stable").astype(np.int32)
        self._position_bounds = np.searchsorted(
            self._ids[self._positions], np.arange(len(vocab) + 1)
        )
        pairs = distinct(self._ids.astype(np.int64) * count + self._sentence_of)
        self._postings = (pairs % count).astype(np.int32)
        self._bounds = np.searchsorted(pairs // count, np.arange(len(vocab) + 1))
        self._affixes = None


class _OldPacked(PackedSentences):
    def append(self, sentence: Sentence) -> None:
        s = sentence
        self._heads.append((s.document, s.start, s.end, s.line, s.speaker, s.role))
        self.words.append(tuple(t.text for t in s.tokens))
        for t in s.tokens:
            self._spans.append(t.start)
            self._spans.append(t.end)
        self._first.append(len(self._spans) // 2)


def token_path(documents: Sequence[Document]) -> SentenceIndex:
    """``build_index`` as it was: Token objects per sentence, unpacked by ``append`` (a
    sentence that reports a question read from its answer, as today's)."""
    packed = _OldPacked()
    for doc in documents:
        text = doc.text
        for turn in select_turns(doc):
            for a, b in split_sentences(text, turn.start, turn.end, wrapped=True):
                tokens = _old_tokens(text[a:b], a)
                if tokens:
                    flat = [x for t in tokens for x in (t.start, t.end)]
                    k = answer_start(text, [t.text for t in tokens], flat, None)
                    if k >= len(tokens):
                        continue
                    a, tokens = (tokens[k].start, tokens[k:]) if k else (a, tokens)
                    line = doc.line_col(a)[0]
                    packed.append(
                        Sentence(doc.id, a, b, line, turn.speaker, turn.role, tuple(tokens))
                    )
    return _OldIndex(packed, {d.id: d.text for d in documents})


def floor(folder: Path) -> int:
    total = 0
    for path in sorted(folder.glob("*.txt")):
        total += len(re.findall(r"\w+", path.read_text(encoding="utf-8").lower()))
    return total


def best(runs: int, fn: Callable[[], T]) -> tuple[float, T]:
    """The fastest of ``runs`` runs of ``fn`` and its last result.

    In seconds of this process's CPU time, each from a fresh garbage collection (no
    run pays for the one before): on a shared machine, wall time counts the other
    processes too."""
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def same(a: SentenceIndex, b: SentenceIndex) -> bool:
    packed_a, packed_b = a.sentences, b.sentences
    assert isinstance(packed_a, PackedSentences) and isinstance(packed_b, PackedSentences)
    return (
        packed_a._heads == packed_b._heads
        and packed_a.words == packed_b.words
        and packed_a._spans == packed_b._spans
        and packed_a._first == packed_b._first
        and a.vocab == b.vocab
        and all(
            np.array_equal(getattr(a, n), getattr(b, n))
            for n in ("_ids", "_first", "_positions", "_postings", "_bounds")
        )
    )


def run(folder: Path, runs: int, label: str) -> None:
    t_floor, words = best(runs, lambda: floor(folder))
    t_ingest, docs = best(1, lambda: load_documents([str(folder)]))
    print(f"archive: {len(docs)} briefings, {words:,} words ({label})")
    print(f"floor        read + findall      {t_floor:7.2f} s   1.00x floor")
    print(f"ingest       load_documents      {t_ingest:7.2f} s   {t_ingest / t_floor:5.2f}x floor")
    build_index(docs[:20])  # load the segmenters (jieba) before timing
    t_old = t_new = float("inf")
    old = new = None
    for _ in range(runs):  # alternate, so both see the same machine load
        old = new = None
        t, old = best(1, lambda: token_path(docs))
        t_old = min(t_old, t)
        t, new = best(1, lambda: build_index(docs))
        t_new = min(t_new, t)
    assert old is not None and new is not None
    print(f"token path   Token objects       {t_old:7.2f} s   {t_old / t_floor:5.2f}x floor")
    print(
        f"build_index  token columns       {t_new:7.2f} s   {t_new / t_floor:5.2f}x floor, "
        f"{t_old / t_new:4.2f}x faster than the token path"
    )
    print(f"identical sentences, words, spans and vocabulary: {'yes' if same(old, new) else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, help="a folder of briefings, taken as it is")
    args = parser.parse_args()
    if args.corpus:
        run(args.corpus, args.runs, str(args.corpus))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = corpus_dir()
        make_archive(source, args.copies, folder)
        run(folder, args.runs, f"{args.copies} copies of {source}")


if __name__ == "__main__":
    main()
