"""The matcher: find each talking point inside the sentences of the briefings.

**Candidates.** An inverted index maps each normalised token to the sentences
that contain it. A point's *rare* tokens (those in fewer than
:data:`COMMON_SHARE` of the sentences) pick the candidate sentences: only
sentences holding enough of them are scored. No point is ever compared with
every sentence.

**Alignment.** Tokens become single characters (one per distinct token of the
point's wording; a sentence token spelled like a point token, e.g.
"Exchange"/"Exchanges", gets that token's character), and rapidfuzz aligns the
point with windows of the sentence that start and end on point tokens.

**Score** (0-100) of a wording ``W`` against a window::

    score = 100 * credit / (weight(W) + INSERT_WEIGHT * inserted)

Every word has a weight: 1, or :data:`COMMON_WEIGHT` for a common word: a
function word of the language ("the", "of", "and"), or one found in at least
:data:`COMMON_SHARE` of the sentences searched (and in :data:`COMMON_MIN` of
them, so that a handful of short texts does not make everything common).
``credit`` adds up the weights of the point's words found in order (a word
spelled alike counts its similarity, e.g. 0.94 for "exchange"/"exchanges");
``inserted`` adds up the weights of window words that are not the point's and
do not replace one of its words. So dropping one rare word of six scores about
82, inserting four words into a six-word formula about 87, and a different
formula that shares half its words (or only its function words and a place
name) 60-72. The default threshold, :data:`DEFAULT_THRESHOLD`, sits between.

**Edges.** A window ends on point words; a word that *replaces* the point's
first or last word ("fully" for "comprehensively") is taken in when it is rare
and stands where the point's word stood (same punctuation around it); a common
word ("of", "the") never is. A window is widened to whole hyphenated words
("clear-cut"), so spans fall on word boundaries.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq, Opcode

from .errors import OptionError
from .models import Point, Sentence, Token
from .normalise import DEFAULT_TOKENISER, Tokeniser, tokenise

DEFAULT_THRESHOLD = 75.0
"""Default minimum score for an occurrence (see the module docstring)."""

INSERT_WEIGHT = 0.25
"""How much one inserted word costs, relative to one missing word."""

SIMILAR_WORD = 85.0
"""rapidfuzz ratio at or above which two words of 4+ letters count as spelled alike."""

COMMON_SHARE = 0.15
"""A token in at least this share of the sentences searched is a common word..."""

COMMON_MIN = 20
"""...and in at least this many: in a handful of sentences frequency proves nothing."""

COMMON_RULE = f"{COMMON_SHARE}/{COMMON_MIN}"
"""The frequency rule as a string, stored in indexes built with it."""

COMMON_WEIGHT = 0.5
"""How much a common word ("the", "of") counts, relative to a rarer one."""

EDGE_MIN_WORDS = 6
"""Points with fewer words never take in a replacement word at their edges."""

NEAR_BEST = 0.1
"""Windows whose quick score is this close to the best are scored exactly."""

MAX_EXACT = 16
"""At most this many windows of a sentence are scored exactly."""

_OTHER = "\x00"
_HYPHENS = frozenset("-\u2010\u2011")
_PUNCT_GAP = frozenset(",;:()[]\"'\u201c\u201d")


@dataclass(frozen=True)
class Form:
    """One accepted wording of a point (the canonical text or an alias), tokenised."""

    text: str
    tokens: tuple[Token, ...]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.tokens)


@dataclass(frozen=True)
class Match:
    """A point found in a sentence.

    sentence: the sentence (offsets are document offsets).
    first, last: token indexes in ``sentence.tokens`` (inclusive) of the span.
    start, end: the span in the document text.
    score: 0-100 against ``form``.
    form: the best-scoring wording of the point.
    """

    sentence: Sentence
    first: int
    last: int
    start: int
    end: int
    score: float
    form: Form


CANDIDATE_SHARE = 0.4
"""A candidate sentence holds at least this share of a wording's rare words."""


def candidate_keys(words: Iterable[str], is_common: Callable[[str], bool]) -> tuple[list[str], int]:
    """The words that pick candidate sentences for a wording, and how many a sentence needs.

    The rare words (all of them when none is rare); a sentence needs
    :data:`CANDIDATE_SHARE` of them (at least one).
    """
    distinct = sorted(set(words))
    rare = [w for w in distinct if not is_common(w)] or distinct
    return rare, max(1, math.ceil(CANDIDATE_SHARE * len(rare)))


def common_floor(sentences: int) -> int:
    """How many of ``sentences`` a word must be in to count as common."""
    return max(COMMON_MIN, math.ceil(COMMON_SHARE * sentences))


class Corpus(Protocol):
    """What the matcher needs from the sentences it searches.

    :class:`SentenceIndex` keeps them in memory; ``consistency.index`` serves
    them from SQLite.
    """

    def candidates(self, words: Iterable[str]) -> list[int]:
        """Numbers of the sentences worth scoring for a wording with these words."""
        ...

    def sentence(self, n: int) -> Sentence:
        """Sentence number ``n``."""
        ...

    def text(self, document: str) -> str:
        """The full text of a document (sentence offsets refer to it)."""
        ...

    def is_common(self, word: str) -> bool:
        """True for words too frequent to pick candidates (function words)."""
        ...


class SentenceIndex:
    """Sentences in memory with an inverted index from token to sentence numbers.

    Built once per run; every point's candidates come from it.
    """

    def __init__(self, sentences: Sequence[Sentence], texts: dict[str, str]) -> None:
        """``texts`` maps a document id to its text (for edge punctuation checks)."""
        self.sentences = sentences
        self.texts = texts
        postings: dict[str, list[int]] = {}
        for n, sentence in enumerate(sentences):
            for word in {t.text for t in sentence.tokens}:
                postings.setdefault(word, []).append(n)
        self.postings = postings
        self.common_floor = common_floor(len(sentences))

    def sentence(self, n: int) -> Sentence:
        """Sentence number ``n``."""
        return self.sentences[n]

    def text(self, document: str) -> str:
        """The text of ``document``."""
        return self.texts[document]

    def frequency(self, word: str) -> int:
        """How many sentences contain ``word``."""
        return len(self.postings.get(word, ()))

    def is_common(self, word: str) -> bool:
        """True for function words by frequency (no language-specific list)."""
        return self.frequency(word) >= self.common_floor

    def candidates(self, words: Iterable[str]) -> list[int]:
        """Sentence numbers holding enough of the rare ones among ``words``."""
        rare, need = candidate_keys(words, self.is_common)
        hits: Counter[int] = Counter()
        for w in rare:
            hits.update(self.postings.get(w, ()))
        return sorted(n for n, h in hits.items() if h >= need)


def make_forms(point: Point, *, tokeniser: Tokeniser | None = None) -> list[Form]:
    """The canonical wording and each alias, tokenised, without duplicates."""
    forms: list[Form] = []
    seen: set[tuple[str, ...]] = set()
    for text in (point.text, *point.aliases):
        form = Form(text, tuple(tokenise(text, tokeniser=tokeniser)))
        if form.tokens and form.words not in seen:
            seen.add(form.words)
            forms.append(form)
    return forms


class _Keyed:
    """A sentence's tokens as characters for one form, with similarity and weight per token."""

    def __init__(
        self,
        form: Form,
        tokens: Sequence[Token],
        common: Callable[[str], bool],
        cache: dict[str, tuple[str, float, float]],
    ):
        chars = {w: chr(0x100 + k) for k, w in enumerate(dict.fromkeys(form.words))}
        self.form_chars = "".join(chars[w] for w in form.words)
        self.form_weights = [COMMON_WEIGHT if common(w) else 1.0 for w in form.words]
        self.total = sum(self.form_weights)
        keys: list[str] = []
        sims: list[float] = []
        weights: list[float] = []
        for t in tokens:
            hit = cache.get(t.text)
            if hit is None:
                key, sim = _key(t.text, chars)
                hit = (key, sim, COMMON_WEIGHT if common(t.text) else 1.0)
                cache[t.text] = hit
            keys.append(hit[0])
            sims.append(hit[1])
            weights.append(hit[2])
        self.keys = "".join(keys)
        self.sims = sims
        self.weights = weights

    def score(self, lo: int, hi: int) -> float:
        """Exact score of the window ``keys[lo:hi]`` (see the module docstring)."""
        credit = 0.0
        inserted = 0.0
        blocks = list(Indel.opcodes(self.form_chars, self.keys[lo:hi]))
        for k, op in enumerate(blocks):
            if op.tag == "equal":
                at = lo + op.dest_start
                for i in range(op.src_end - op.src_start):
                    credit += self.sims[at + i] * self.form_weights[op.src_start + i]
            elif op.tag == "insert":
                # Inserted words next to a deleted run replace the words deleted there.
                size = op.dest_end - op.dest_start
                before = _deleted(blocks[k - 1]) if k else 0
                after = _deleted(blocks[k + 1]) if k + 1 < len(blocks) else 0
                at = lo + op.dest_start
                first = min(before, size)
                inserted += sum(self.weights[at + first : at + max(first, size - after)])
        return 100.0 * credit / (self.total + INSERT_WEIGHT * inserted)

    def matched(self, lo: int, hi: int) -> int:
        """How many of the point's words the window ``[lo, hi)`` has, in order."""
        return int(LCSseq.similarity(self.form_chars, self.keys[lo:hi]))

    def best_window(self, lo: int, hi: int) -> tuple[float, int, int] | None:
        """The best window within ``[lo, hi)`` starting and ending on point words.

        Every window is ranked by a quick unweighted LCS score; the few closest
        to the best are then scored exactly (ties: the shorter, then the earlier).
        """
        form_chars, keys = self.form_chars, self.keys
        m = len(form_chars)
        positions = [i for i in range(lo, hi) if keys[i] != _OTHER]
        max_len = 2 * m + 4
        rough: list[tuple[float, int, int]] = []
        for a_idx, a in enumerate(positions):
            for b in positions[a_idx:]:
                w = b - a + 1
                if w > max_len:
                    break
                lcs = LCSseq.similarity(form_chars, keys[a : b + 1])
                rough.append((lcs / (m + INSERT_WEIGHT * (w - lcs)), a, b + 1))
        if not rough:
            return None
        top = max(r[0] for r in rough)
        near = sorted((r for r in rough if r[0] >= top - NEAR_BEST), key=lambda r: -r[0])
        scored = [(self.score(a, b), a, b) for _, a, b in near[:MAX_EXACT]]
        return max(scored, key=lambda s: (s[0], -(s[2] - s[1]), -s[1]))


def _deleted(op: Opcode) -> int:
    return op.src_end - op.src_start if op.tag == "delete" else 0


def commonness(index: Corpus, tokeniser: Tokeniser | None = None) -> Callable[[str], bool]:
    """``word -> bool``: a function word of the language, or common in the searched text."""
    function_words = (tokeniser or DEFAULT_TOKENISER).function_words
    seen: dict[str, bool] = {}

    def common(word: str) -> bool:
        hit = seen.get(word)
        if hit is None:
            hit = seen[word] = word in function_words or index.is_common(word)
        return hit

    return common


def _key(word: str, chars: dict[str, str]) -> tuple[str, float]:
    if word in chars:
        return chars[word], 1.0
    if len(word) >= 4:
        best, best_sim = None, 0.0
        for w, c in chars.items():
            if len(w) >= 4:
                sim = fuzz.ratio(word, w, score_cutoff=SIMILAR_WORD)
                if sim > best_sim:
                    best, best_sim = c, sim
        if best is not None:
            return best, best_sim / 100.0
    return _OTHER, 0.0


def _gap(text: str, left: Token, right: Token) -> str:
    return text[left.end : right.start]


def _has_punct(gap: str) -> bool:
    return any(c in _PUNCT_GAP for c in gap)


def _extend_edges(
    form: Form,
    keyed: _Keyed,
    tokens: Sequence[Token],
    text: str,
    common: Callable[[str], bool],
    a: int,
    b: int,
) -> tuple[int, int]:
    """Take in rare words that replace the point's first or last words.

    Only for points of :data:`EDGE_MIN_WORDS` words or more: in a shorter one,
    the word before "open lines of communication" is as likely to be any verb
    ("we think open lines ...") as a replacement for "keep".
    """
    ft = form.tokens
    if len(ft) < EDGE_MIN_WORDS:
        return a, b
    ops = [op for op in Indel.opcodes(keyed.form_chars, keyed.keys[a:b]) if op.tag == "equal"]
    if not ops:
        return a, b

    def takes(k: int, f: int, gap: str, form_gap: str) -> bool:
        return (
            keyed.keys[k] == _OTHER
            and _can_replace(tokens[k].text, ft[f].text, common)
            and _has_punct(gap) == _has_punct(form_gap)
        )

    f_first, f_last = ops[0].src_start, ops[-1].src_end
    while (
        f_first > 0
        and a > 0
        and takes(
            a - 1,
            f_first - 1,
            _gap(text, tokens[a - 1], tokens[a]),
            form.text[ft[f_first - 1].end : ft[f_first].start],
        )
    ):
        a, f_first = a - 1, f_first - 1
    while (
        f_last < len(ft)
        and b < len(tokens)
        and takes(
            b,
            f_last,
            _gap(text, tokens[b - 1], tokens[b]),
            form.text[ft[f_last - 1].end : ft[f_last].start],
        )
    ):
        b, f_last = b + 1, f_last + 1
    return a, b


def _can_replace(word: str, original: str, common: Callable[[str], bool]) -> bool:
    """Whether ``word`` may stand for the point's ``original`` word at an edge.

    Only a rare word of three or more characters for a rare word, and of the
    same kind (number for number, word for word): "fully" for
    "comprehensively", never "of" for "amity", "at" for "3.0" or "where" for
    "brook".
    """
    if len(word) < 3 or common(word) or common(original):
        return False
    return _is_number(word) == _is_number(original)


def _is_number(word: str) -> bool:
    return word[:1].isdigit()


def _snap_compounds(tokens: Sequence[Token], text: str, a: int, b: int) -> tuple[int, int]:
    """Widen ``[a, b)`` so it does not cut a hyphenated word in two."""
    while a > 0 and _joined(text, tokens[a - 1], tokens[a]):
        a -= 1
    while b < len(tokens) and _joined(text, tokens[b - 1], tokens[b]):
        b += 1
    return a, b


def _joined(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return len(gap) == 1 and gap in _HYPHENS


def find_in_sentence(
    form: Form,
    sentence: Sentence,
    index: Corpus,
    threshold: float,
    cache: dict[str, tuple[str, float, float]],
    common: Callable[[str], bool],
) -> list[tuple[float, int, int]]:
    """Every non-overlapping window of ``sentence`` matching ``form`` at ``threshold``.

    Returns ``(score, first, end)`` token ranges, ``end`` exclusive.
    """
    tokens = sentence.tokens
    keyed = _Keyed(form, tokens, common, cache)
    text = index.text(sentence.document)
    found: list[tuple[float, int, int]] = []
    spans = [(0, len(tokens))]
    while spans:
        lo, hi = spans.pop()
        if hi - lo <= 0:
            continue
        hit = keyed.best_window(lo, hi)
        if hit is None or hit[0] < threshold:
            continue
        _, a, b = hit
        a, b = _extend_edges(form, keyed, tokens, text, common, a, b)
        a, b = _snap_compounds(tokens, text, a, b)
        a, b = max(a, lo), min(b, hi)
        score = keyed.score(a, b)
        if score < threshold or keyed.matched(a, b) < min(3, len(keyed.form_chars)):
            continue
        found.append((score, a, b))
        spans.append((lo, a))
        spans.append((b, hi))
    return found


def require_percent(value: float, name: str) -> float:
    """``value`` if it is a score from 0 to 100, else :class:`OptionError`.

    NaN compares false with everything: a NaN threshold would let every score
    through the matcher's ``score < threshold`` test, or none, and a CI gate
    would pass with no findings.
    """
    if not (isinstance(value, int | float) and math.isfinite(value) and 0 <= value <= 100):
        raise OptionError(f"{name} must be a number from 0 to 100, not {value!r}")
    return float(value)


def find_point(
    point: Point,
    index: Corpus,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    tokeniser: Tokeniser | None = None,
) -> list[Match]:
    """Every place ``point`` (any of its wordings) occurs in the indexed sentences.

    Where several wordings match overlapping spans, the best score wins.
    Sorted by document order of the index, then position.
    """
    limit = require_percent(
        point.threshold if point.threshold is not None else threshold, "threshold"
    )
    best: dict[tuple[int, int, int], Match] = {}
    common = commonness(index, tokeniser)
    for form in make_forms(point, tokeniser=tokeniser):
        cache: dict[str, tuple[str, float, float]] = {}
        for n in index.candidates(form.words):
            sentence = index.sentence(n)
            for score, a, b in find_in_sentence(form, sentence, index, limit, cache, common):
                tokens = sentence.tokens
                match = Match(
                    sentence, a, b - 1, tokens[a].start, tokens[b - 1].end, score, form
                )
                _keep_best(best, n, match)
    return [best[k] for k in sorted(best)]


def _keep_best(best: dict[tuple[int, int, int], Match], n: int, match: Match) -> None:
    for key, other in list(best.items()):
        if key[0] == n and other.start < match.end and match.start < other.end:
            if other.score >= match.score:
                return
            del best[key]
    best[(n, match.start, match.end)] = match
