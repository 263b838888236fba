"""What a point's matches in a document depend on, as one key (for a warm run's match store).

A point's matches in a sentence depend on that sentence alone (the stability
property the tests check): never on the other briefings of an archive, nor on
the order they are read. So the matches found in a document can be kept, by
the document's content hash, under a key naming everything else they depend
on: the point's wordings and threshold, whose words were searched, the
tokeniser, and the engine itself. A run with another key finds afresh.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .._version import __version__
from ..models import Point
from ..normalise import DEFAULT_TOKENISER, Tokeniser
from ..segment import speaker_key
from .find import DEFAULT_THRESHOLD, threshold_of

_ENGINE_SOURCES = ("match", "normalise.py", "segment.py", "lexicon.py")
"""The package's parts whose code decides where a point is found (and so, by their
source text, whether kept matches still hold)."""

_ENGINE_LIBRARIES = (
    "rapidfuzz",
    "wordfreq",
    "jieba",
    "opencc-python-reimplemented",
    "lemminflect",
)
"""Libraries whose data or code decide the same (word weights, Chinese words, traditional
characters read as simplified, alignment, English word forms and classes)."""


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """A hash of the matching engine: its source files and the versions of its libraries.

    Any change to them (an upgrade, an edited rule) makes every kept match stale.
    """
    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent.parent
    for name in _ENGINE_SOURCES:
        part = root / name
        files = sorted(part.glob("*.py")) if part.is_dir() else [part]
        for path in files:
            h.update(path.name.encode())
            try:
                h.update(path.read_bytes())
            except OSError:  # not installed as files: the version alone must tell
                h.update(b"?")
    for library in _ENGINE_LIBRARIES:
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{library}=?".encode())
    return h.hexdigest()


def match_key(
    point: Point,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    include_questions: bool = False,
    speakers: Collection[str] = (),
    tokeniser: Tokeniser | None = None,
) -> str:
    """The key of ``point``'s matches under these settings (a SHA-256, hex).

    Two points with the same wordings and threshold share it whatever their ids.
    """
    tok = tokeniser or DEFAULT_TOKENISER
    payload = json.dumps(
        [
            engine_fingerprint(),
            tok.name,
            threshold_of(point, threshold),
            [point.text, *point.aliases],
            include_questions,
            sorted({speaker_key(s) for s in speakers}),
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
