"""The matching engine: where a talking point occurs, and how its wording differs.

- :mod:`.weights`: how much each word counts (ordinary-language rarity);
- :mod:`.corpus`: the sentences searched, and the candidate rule;
- :mod:`.align`: the word alignment (matches, moves, replacements, edges) and its score;
- :mod:`.find`: a point's wordings found across an archive.

Every rule of matching lives in this package; check, compare, discover and the
index call it and copy none of its weights or floors.
"""

from __future__ import annotations

from .align import INSERT_COST, KEY_WORDS, MOVE_CREDIT, REPLACE_CREDIT, Alignment
from .corpus import (
    KEY_RULE,
    Corpus,
    PackedSentences,
    SentenceIndex,
    candidate_keys,
    candidates_by_weight,
)
from .find import (
    DEFAULT_THRESHOLD,
    Form,
    Match,
    close_quotes,
    drops,
    find_dropped,
    find_in_sentence,
    find_point,
    find_reworded,
    find_swapped,
    holds_run,
    make_forms,
    negated_before,
    negating_words,
    possessive_cut,
    require_percent,
    rewords,
    says_opposite,
    span_words,
    swaps,
    threshold_of,
    turned_over,
    weigher,
)
from .weights import FLOOR, RARE, SIMILAR_WORD, is_rare, similarity, weight

__all__ = [
    "DEFAULT_THRESHOLD",
    "FLOOR",
    "INSERT_COST",
    "KEY_RULE",
    "KEY_WORDS",
    "MOVE_CREDIT",
    "RARE",
    "REPLACE_CREDIT",
    "SIMILAR_WORD",
    "Alignment",
    "Corpus",
    "Form",
    "Match",
    "PackedSentences",
    "SentenceIndex",
    "candidate_keys",
    "candidates_by_weight",
    "close_quotes",
    "drops",
    "find_dropped",
    "find_in_sentence",
    "find_point",
    "find_reworded",
    "find_swapped",
    "holds_run",
    "is_rare",
    "make_forms",
    "negated_before",
    "negating_words",
    "possessive_cut",
    "require_percent",
    "rewords",
    "says_opposite",
    "similarity",
    "span_words",
    "swaps",
    "threshold_of",
    "turned_over",
    "weigher",
    "weight",
]
