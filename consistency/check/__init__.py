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
- ``spelling`` (only when asked for): such a new wording that differs from its
  closest baseline wording, the canonical text or an alias only in words spelled
  alike, one for one ("{-Neighbourhood-}{+Neighborhood+}");
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

The modules, by job: :mod:`.findings` (what is reported, and the gate),
:mod:`.baseline` (briefings or an index), :mod:`.points` (watchlist or
discovered), :mod:`.similar` (near-variant sentences, closest wordings),
:mod:`.run` (the check itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_getattr, modules_of

if TYPE_CHECKING:
    from .baseline import INDEX_SUFFIXES, Baseline, MemoryBaseline, is_index, open_baseline
    from .findings import (
        DEFAULT_SIMILARITY,
        DISCOVERED_LEVEL,
        FINDING_KINDS,
        MIN_SENTENCE_WORDS,
        NEAR_MARGIN,
        BaselineSummary,
        CheckedPoint,
        CheckResult,
        Finding,
        FindingKind,
        Gate,
        Reference,
        parse_kinds,
    )
    from .points import FormHit, IndexPoints, MemoryPoints, PointSource
    from .run import check, run_check
    from .similar import (
        CLOSEST_CANDIDATES,
        closest_wording,
        encode_words,
        has_sentence,
        nearest_sentence,
        word_similarity,
    )

_EXPORTS: dict[str, tuple[str, ...]] = {
    ".baseline": ("INDEX_SUFFIXES", "Baseline", "MemoryBaseline", "is_index", "open_baseline"),
    ".findings": (
        "DEFAULT_SIMILARITY",
        "DISCOVERED_LEVEL",
        "FINDING_KINDS",
        "MIN_SENTENCE_WORDS",
        "NEAR_MARGIN",
        "BaselineSummary",
        "CheckedPoint",
        "CheckResult",
        "Finding",
        "FindingKind",
        "Gate",
        "Reference",
        "parse_kinds",
    ),
    ".points": ("FormHit", "IndexPoints", "MemoryPoints", "PointSource"),
    ".run": ("check", "run_check"),
    ".similar": (
        "CLOSEST_CANDIDATES",
        "closest_wording",
        "encode_words",
        "has_sentence",
        "nearest_sentence",
        "word_similarity",
    ),
}
"""Each public name's module, imported on first use: the CLI's options need the defaults
of :mod:`.findings`, not the check itself."""

__getattr__ = lazy_getattr(__name__, modules_of(_EXPORTS))

__all__ = [
    "CLOSEST_CANDIDATES",
    "DEFAULT_SIMILARITY",
    "DISCOVERED_LEVEL",
    "FINDING_KINDS",
    "INDEX_SUFFIXES",
    "MIN_SENTENCE_WORDS",
    "NEAR_MARGIN",
    "Baseline",
    "BaselineSummary",
    "CheckResult",
    "CheckedPoint",
    "Finding",
    "FindingKind",
    "FormHit",
    "Gate",
    "IndexPoints",
    "MemoryBaseline",
    "MemoryPoints",
    "PointSource",
    "Reference",
    "check",
    "closest_wording",
    "encode_words",
    "has_sentence",
    "is_index",
    "nearest_sentence",
    "open_baseline",
    "parse_kinds",
    "run_check",
    "word_similarity",
]
