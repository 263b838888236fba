"""Word-level diffs with diff-match-patch, rendered over the original words.

diff-match-patch diffs characters; fed raw text, its semantic clean-up happily
splits words ("compre{-hensively-}{+fully+}"). So each distinct normalised token
becomes one private-use character, the two character strings are diffed and
cleaned up semantically, and every run is mapped back to the source words it
stands for. Tokens are compared in normalised form, so cosmetic differences
(case, quotes, hyphens, dotted abbreviations) never show up as changes.

Notation: ``{-removed-}{+added+}``; unchanged words as they stand in the new text.
A run of words that only changed place ("from the middle out and the bottom up"
for "from the bottom up and the middle out") is a *move*: it is shown once, at
its new place, as ``{~the bottom up~}``, and not as a removal plus an addition.
A moved run is two words or more, or one content word (a function word that
changed place is ordinary removal and addition).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum
from functools import lru_cache
from itertools import pairwise

import regex
from diff_match_patch import diff_match_patch

from .lexicon import is_adverb
from .match.align import HYPHENS
from .match.weights import is_rare
from .models import Token
from .normalise import Tokeniser, named_words, one_word, tokenise

_BASE = 0xF0000  # Supplementary Private Use Area-A: never in real tokens.


class Op(StrEnum):
    """One kind of diff run."""

    EQUAL = "="
    DELETE = "-"
    INSERT = "+"
    MOVE = "~"
    MOVED_AWAY = "<"


@dataclass(frozen=True)
class Piece:
    """A run of a word diff.

    op: equal, delete, insert, move (words found at this new place), or moved away
        (the same words at their old place: kept so that pieces rebuild both
        texts, never rendered).
    text: the source words of the run (old text for deletions, new text otherwise),
        from the first word's start to the last word's end.
    gap: for equal and inserted runs, the white space and punctuation of the new
        text that follow the run; empty for deletions.
    lead, trail: the list mark a deleted or inserted run takes with it, before or after
        its words; joined: the hyphen that joined a deleted run to the next word.
    ahead: a deleted run the old text said right before the mark that follows the
        word before it in the new text (shown before that mark).
    """

    op: Op
    text: str
    gap: str = ""
    lead: str = ""
    trail: str = ""
    joined: str = ""
    ahead: bool = False


def _word_moves(
    old: Sequence[str], new: Sequence[str]
) -> tuple[list[tuple[int, str]], dict[str, str]]:
    """The runs of a word diff (see :func:`_moves`: each word one character, diffed and
    cleaned up semantically), and which word each character stands for."""
    table: dict[str, str] = {}
    for w in (*old, *new):
        table.setdefault(w, chr(_BASE + len(table)))
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    a, b = "".join(table[w] for w in old), "".join(table[w] for w in new)
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    words = {c: w for w, c in table.items()}
    runs = _moves(diffs, words)
    if any(code == 2 for code, _ in runs):
        # of two equal words that could anchor a move, the one that keeps its neighbours:
        # "{~mutual benefit~}, mutual respect", not "mutual {~benefit~}, {~mutual~}
        # respect" (a review); the reading in fewer runs is kept
        grouped = _moves(_fewest_runs(a, b), words)
        if len(grouped) < len(runs):
            runs = grouped
        # two halves swapped around the words between them read as one half moved:
        # "disagree where we must {~and cooperate where we can~}", not four words moved
        # about "where we ... and ... where we", which stay in order (review 68)
        moved = [c for c, _ in runs if c != -2]
        apart = sum(c == 2 and (k == 0 or moved[k - 1] != 2) for k, c in enumerate(moved))
        halves = _halves_swapped(a, b) if apart > 1 else None
        if halves is not None:
            runs = halves
    return runs, words


def word_moves(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, str]]:
    """The runs of the word diff of ``old`` and ``new`` (see :func:`_word_moves`), each
    word one character: codes 0 kept, -1 removed, 1 added, -2 moved away, 2 moved here."""
    return _word_moves(old, new)[0]


def _halves_swapped(a: str, b: str) -> list[tuple[int, str]] | None:
    """The runs of ``b`` read as ``a`` with two parts swapped around what stands between
    them (nothing, or a coordinator: A *and* B for B *and* A), outside what both share at
    the start and the end: the part ``b`` puts first stays, the other moves with the words
    between (codes as :func:`_moves` gives). None where ``b`` is no such swap."""
    if len(a) != len(b) or a == b:
        return None
    lo = 0
    while a[lo] == b[lo]:
        lo += 1
    hi = len(a)
    while a[hi - 1] == b[hi - 1]:
        hi -= 1
    old, new = a[lo:hi], b[lo:hi]
    for k in range(1, len(old)):
        first, rest = old[:k], old[k:]
        for p in range(len(rest)):
            between, second = rest[:p], rest[p:]
            if second and new == second + between + first:
                runs = [(0, a[:lo]), (-2, first + between), (0, second), (2, between + first)]
                return [r for r in [*runs, (0, a[hi:])] if r[1]]
    return None


def _fewest_runs(a: str, b: str) -> list[tuple[int, str]]:
    """A diff of ``a`` and ``b`` (diff-match-patch's codes: 0 equal, -1 removed, 1 added)
    keeping the most characters equal in order, and of those alignments the one in the
    fewest equal runs (diff-match-patch takes any common prefix first, whatever it cuts)."""
    n, m = len(a), len(b)
    low = (-1, 0)
    # best (kept, -runs) of a[:i], b[:j], ending on a kept pair (run) or on a gap (gap)
    run = [[low] * (m + 1) for _ in range(n + 1)]
    gap = [[low] * (m + 1) for _ in range(n + 1)]
    gap[0][0] = (0, 0)
    for i in range(n + 1):
        for j in range(m + 1):
            if i and j and a[i - 1] == b[j - 1]:
                p, q = run[i - 1][j - 1], gap[i - 1][j - 1]
                run[i][j] = max((p[0] + 1, p[1]), (q[0] + 1, q[1] - 1) if q != low else low)
            if (i, j) != (0, 0):
                gap[i][j] = max(
                    run[i - 1][j] if i else low,
                    gap[i - 1][j] if i else low,
                    run[i][j - 1] if j else low,
                    gap[i][j - 1] if j else low,
                )
    ops: list[tuple[int, str]] = []
    i, j, on_run = n, m, run[n][m] > gap[n][m]
    while i or j:
        if on_run:
            ops.append((0, a[i - 1]))
            i, j = i - 1, j - 1
            p, q = run[i][j], gap[i][j]
            on_run = p != low and (p[0], p[1]) >= (q[0], q[1] - 1)
            continue
        here = gap[i][j]
        steps = ((-1, 1, 0, True), (-1, 1, 0, False), (1, 0, 1, True), (1, 0, 1, False))
        for code, di, dj, was_run in steps:
            if i < di or j < dj:
                continue
            cell = (run if was_run else gap)[i - di][j - dj]
            if cell == here and cell != low:
                ops.append((code, a[i - 1] if code == -1 else b[j - 1]))
                i, j, on_run = i - di, j - dj, was_run
                break
    merged: list[tuple[int, str]] = []
    changed = {-1: "", 1: ""}
    for code, ch in [*reversed(ops), (0, "")]:
        if code:
            changed[code] += ch
            continue
        # each changed stretch as diff-match-patch writes it: removed, then added
        merged.extend((c, changed[c]) for c in (-1, 1) if changed[c])
        changed = {-1: "", 1: ""}
        if ch:
            if merged and merged[-1][0] == 0:
                merged[-1] = (0, merged[-1][1] + ch)
            else:
                merged.append((0, ch))
    return merged


def diff_tokens(
    old: str, old_tokens: Sequence[Token], new: str, new_tokens: Sequence[Token]
) -> list[Piece]:
    """Diff two tokenised texts; runs carry the original words of their side."""
    runs, _ = _word_moves([t.text for t in old_tokens], [t.text for t in new_tokens])
    runs = _whole_words(runs, _glued(old, old_tokens), _glued(new, new_tokens))
    pieces: list[Piece] = []
    i = j = 0
    for at, (code, chunk) in enumerate(runs):
        n = len(chunk)
        if code in (-1, -2):
            text = old[old_tokens[i].start : old_tokens[i + n - 1].end]
            # the old text's punctuation before a deleted run, where the new has none:
            # "peace{-, friendship-} and"
            # and the hyphen that joined it to the word before: "clear{--cut-} position"
            raw = old[old_tokens[i - 1].end : old_tokens[i].start] if i else ""
            lead = raw.strip()
            if lead and (
                not pieces
                or pieces[-1].gap.strip()
                or not (_MARK.fullmatch(lead) or (raw in HYPHENS and lead == raw))
            ):
                lead = ""
            # ... and after a deleted first item: "{-amity,-} sincerity"
            last = i + n - 1
            trail = ""
            following = (
                old[old_tokens[last].end : old_tokens[last + 1].start]
                if last + 1 < len(old_tokens)
                else ""
            )
            kept_before = (
                bool(pieces) and raw.strip() != "" and pieces[-1].gap.strip() == raw.strip()
            )
            if following and (not pieces or (kept_before and not lead)):
                # ... and after a deleted middle item whose mark before it the new text
                # keeps: "务实、{-互信、-}长远", not "务实、{-互信-}长远" (review 72: the old
                # side read 务实、互信长远)
                trail = following.strip() if _MARK.fullmatch(following.strip()) else ""
            # the hyphen that joined it to the word following: "{-China--}ASEAN"
            joined = following if following in HYPHENS and not lead else ""
            # a quotation mark or bracket opened inside the run is closed in it:
            # "{-推进中英关系“黄金时代”-}", not "{-推进中英关系“黄金时代-}" (a review); one
            # around the whole run goes with it: "the rules {-«as written»-} hold"
            closing = _closing(text, following)
            text += closing
            opener = raw.strip()
            rest = following.lstrip()[len(closing) :]
            if (
                not lead
                and opener in _PAIRS
                and rest.startswith(_PAIRS[opener])
                and not (pieces and opener in pieces[-1].gap)
            ):
                # (not where the new text keeps the mark: "今日（{-四月二十九日-}{+五月六日+}）",
                # review 118: the old side read 今日（（四月二十九日））)
                text = f"{opener}{text}{_PAIRS[opener]}"
            # ... a run the old text said right before the marks the new text keeps after
            # the word before it: "一贯{-的-}、明确的", not "一贯、{-的-}明确的" (review 92:
            # the old side read 一贯、的明确的); "多次強調{-的-}，「一國兩制」", "said it{-
            # clearly-}." (review 137: the old side read 強調，「的一國兩制」)
            mark = following.strip()
            if not following and code == -1:
                # ... or before the run moved away from right after it: "灰色地帶脅迫{-與-}，"
                # where the old text said "脅迫與軍事威脅，" (review 137: the old side read
                # 脅迫，與回到)
                mark = _after_moved(old, old_tokens, runs, at, last)
            ahead = (
                not raw.strip()
                and bool(pieces)
                and bool(_PUNCTUATION.fullmatch(mark))
                and pieces[-1].gap.strip() == mark
                and not trail
            )
            op = Op.DELETE if code == -1 else Op.MOVED_AWAY
            pieces.append(Piece(op, text, lead=lead, trail=trail, joined=joined, ahead=ahead))
            i += n
            continue
        text = new[new_tokens[j].start : new_tokens[j + n - 1].end]
        after = new_tokens[j + n].start if j + n < len(new_tokens) else new_tokens[j + n - 1].end
        gap = new[new_tokens[j + n - 1].end : after]
        op = {0: Op.EQUAL, 1: Op.INSERT, 2: Op.MOVE}[code]
        lead = ""
        if code == 1 and pieces and pieces[-1].op is Op.EQUAL and 0 < i < len(old_tokens):
            # the mark before an inserted item, where the old text had none, is the
            # item's: "林业{+、牧业+}合作", "open{+, secure+} and" (review 72: the old side
            # read 林业、合作)
            mark = pieces[-1].gap.strip()
            if (
                _MARK.fullmatch(mark)
                and not old[old_tokens[i - 1].end : old_tokens[i].start].strip()
            ):
                lead = mark
        trail = ""
        if (
            code == 1
            and not lead
            and pieces
            and pieces[-1].op is Op.EQUAL
            and 0 < i < len(old_tokens)
            and j + n < len(new_tokens)
        ):
            # ... and the mark after an inserted item between two the old text joined with
            # that mark: "主权、{+安全、+}发展", "sovereignty, {+security,+} development"
            # (review 92: the old side read 主权、、发展)
            mark = gap.strip()
            if (
                _MARK.fullmatch(mark)
                and pieces[-1].gap.strip() == mark
                and old[old_tokens[i - 1].end : old_tokens[i].start].strip() == mark
            ):
                trail, gap = mark, gap.replace(mark, "", 1)
        pieces.append(Piece(op, text, gap, lead=lead, trail=trail))
        if code == 0:
            i += n
        j += n
    return pieces


def _after_moved(
    old: str, tokens: Sequence[Token], runs: Sequence[tuple[int, str]], at: int, last: int
) -> str:
    """The mark the old text has after the runs moved away that follow run ``at`` (whose
    last token is ``last``), none where no such run follows."""
    end = last
    for code, chunk in runs[at + 1 :]:
        if code != -2:
            break
        end += len(chunk)
    if end == last or end + 1 >= len(tokens):
        return ""
    return old[tokens[end].end : tokens[end + 1].start].strip()


_PAIRS = dict(zip("“‘«「『《([（", "”’»」』》)]）", strict=True))
"""Opening marks and the marks that close them."""


def _closing(text: str, following: str) -> str:
    """The marks at the start of ``following`` that close what ``text`` opens and leaves
    open, innermost first."""
    open_marks: list[str] = []
    for c in text:
        if c in _PAIRS:
            open_marks.append(_PAIRS[c])
        elif open_marks and c == open_marks[-1]:
            open_marks.pop()
    out = ""
    for c in following.lstrip():
        if not open_marks or c != open_marks[-1]:
            break
        out += open_marks.pop()
    return out


def _glued(text: str, tokens: Sequence[Token]) -> list[bool]:
    """For each token, whether it and the next are one written word (see
    :func:`~consistency.normalise.one_word`)."""
    return [one_word(text, a, b) for a, b in pairwise(tokens)] + [False]


_CHANGED = 9
"""A kept word of a written word cut by the diff, to be removed and added."""


def _whole_words(
    runs: list[tuple[int, str]], old_glued: Sequence[bool], new_glued: Sequence[bool]
) -> list[tuple[int, str]]:
    """``runs`` such that none cuts a written word of either side in two: a contraction
    half kept and half changed is changed whole, "we {-will-}{+won't+} stand", not "we
    wo{+n't+} stand" (its tokens are "will" | "not")."""
    if not (any(old_glued) or any(new_glued)):
        return runs
    # one event per word: its code, its character, its place in the old and new texts
    events: list[tuple[int, str, int, int]] = []
    i = j = 0
    for code, chunk in runs:
        for c in chunk:
            old_side, new_side = code in (0, -1, -2), code in (0, 1, 2)
            events.append((code, c, i if old_side else -1, j if new_side else -1))
            i += old_side
            j += new_side
    changed = True
    while changed:
        changed = unmoved = False
        for new_side, glued in ((True, new_glued), (False, old_glued)):
            group: list[int] = []
            for k, (_, _, at_old, at_new) in enumerate(events):
                at = at_new if new_side else at_old
                if at < 0:
                    continue
                group.append(k)
                if glued[at]:
                    continue
                # the word's events, and the other side's between them
                stretch = range(group[0], group[-1] + 1)
                codes = {events[g][0] for g in stretch}
                if len(codes) > 1 and not codes & {2, -2}:
                    for g in stretch:
                        if events[g][0] == 0:
                            events[g] = (_CHANGED, *events[g][1:])
                            changed = True
                elif len(codes) > 1:
                    # a word moved out of a contraction: no moves at all, then
                    unmoved = changed = True
                group = []
        split: list[tuple[int, str, int, int]] = []
        for code, c, at_old, at_new in events:
            if unmoved and code in (2, -2):
                split.append((code // 2, c, at_old, at_new))
            elif code == _CHANGED:
                split += [(-1, c, at_old, -1), (1, c, -1, at_new)]
            else:
                split.append((code, c, at_old, at_new))
        events = split
    # each changed stretch as diff-match-patch writes it: removed (and moved away, in
    # the old text's order), then added
    ordered: list[tuple[int, str]] = []
    removed: list[tuple[int, str]] = []
    added: list[tuple[int, str]] = []
    for code, c, _, _ in [*events, (0, "", -1, -1)]:
        if code in (-1, -2):
            removed.append((code, c))
        elif code == 1:
            added.append((code, c))
        else:
            ordered += [*removed, *added, (code, c)]
            removed, added = [], []
    out: list[tuple[int, str]] = []
    for code, c in ordered:
        if out and out[-1][0] == code:
            out[-1] = (code, out[-1][1] + c)
        elif c:
            out.append((code, c))
    return out


def moved_apart(new: Sequence[str], old: Sequence[str]) -> tuple[int, list[str], list[str]]:
    """The runs of words that only changed place between two word sequences, as
    :func:`word_diff` finds them (see :func:`_moves`): how many runs, and each side
    without them. "strengthen coordination and communication" against "strengthen
    communication and coordination" is one run moved; what is left is "strengthen
    communication" on both sides."""
    pieces, words = _word_moves(old, new)
    runs = 0
    old_rest: list[str] = []
    new_rest: list[str] = []
    last = 0
    for code, chunk in pieces:
        runs += code == 2 and last != 2
        last = code
        if code in (0, -1):
            old_rest.extend(words[c] for c in chunk)
        if code in (0, 1):
            new_rest.extend(words[c] for c in chunk)
    return runs, new_rest, old_rest


def _shared_run(a: str, b: str, words: dict[str, str]) -> tuple[int, int, int] | None:
    """The longest run of words in both ``a`` and ``b`` worth calling a move: (size, i, j)."""
    best: tuple[int, int, int] | None = None
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            if k and (k >= 2 or is_rare(words[a[i]])) and (best is None or k > best[0]):
                best = (k, i, j)
    return best


def _refine(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Re-align each removal that is followed by an addition, finding the words they share.

    diff-match-patch's semantic clean-up merges a swap of two coordinated parts
    into one removal and one addition; aligned again, the words between the
    parts ("and the") stay in place and the parts themselves can be seen to move.
    """
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(diffs):
        code, chunk = diffs[k]
        if code == -1 and k + 1 < len(diffs) and diffs[k + 1][0] == 1:
            added = diffs[k + 1][1]
            matcher = SequenceMatcher(None, chunk, added, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    out.append((0, chunk[i1:i2]))
                    continue
                if i2 > i1:
                    out.append((-1, chunk[i1:i2]))
                if j2 > j1:
                    out.append((1, added[j1:j2]))
            k += 2
            continue
        out.append((code, chunk))
        k += 1
    return out


def _moves(diffs: list[tuple[int, str]], words: dict[str, str]) -> list[tuple[int, str]]:
    """Split removed and added runs where they share a run of words: those words moved.

    Codes: 0 equal, -1 removed, 1 added, -2 moved away (not shown), 2 moved here.
    """
    out = _refine(diffs)
    while True:
        best: tuple[int, int, int, int, int] | None = None
        for d, (dc, dtext) in enumerate(out):
            if dc != -1:
                continue
            for a, (ac, atext) in enumerate(out):
                if ac != 1:
                    continue
                found = _shared_run(dtext, atext, words)
                if found and (best is None or found[0] > best[0]):
                    best = (found[0], d, found[1], a, found[2])
        if best is None:
            return _beside_moves([(c, t) for c, t in out if t])
        size, d, da, a, ab = best
        dtext, atext = out[d][1], out[a][1]
        removed = [(-1, dtext[:da]), (-2, dtext[da : da + size]), (-1, dtext[da + size :])]
        added = [(1, atext[:ab]), (2, atext[ab : ab + size]), (1, atext[ab + size :])]
        if d < a:
            out = [*out[:d], *removed, *out[d + 1 : a], *added, *out[a + 1 :]]
        else:
            out = [*out[:a], *added, *out[a + 1 : d], *removed, *out[d + 1 :]]


def _beside_moves(out: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A word removed right beside a run moved away and added right beside where it comes
    moves with it: of two coordinated parts swapped, the coordinator goes along with the
    one that moves, as "and the" does in "from the {~middle out and the~} bottom up", so
    "strengthen {~coordination and~} communication" reads as the swap it is, not as
    "{~coordination~} {+and+} communication {-and-}". (One function word alone is no
    move: :func:`_shared_run`.)"""

    def beside(k: int, code: int) -> bool:
        return any(0 <= n < len(out) and out[n][0] == code for n in (k - 1, k + 1))

    for d, (dc, dtext) in enumerate(out):
        if dc != -1 or not beside(d, -2):
            continue
        a = next(
            (a for a, (ac, atext) in enumerate(out) if ac == 1 and atext == dtext and beside(a, 2)),
            None,
        )
        if a is not None:
            out[d], out[a] = (-2, dtext), (2, dtext)
    return out


def _split_gap(gap: str) -> tuple[str, str, str]:
    """Split a gap into (punctuation before the space, the space, what follows it)."""
    k = 0
    while k < len(gap) and not gap[k].isspace():
        k += 1
    m = k
    while m < len(gap) and gap[m].isspace():
        m += 1
    if m == k:
        return gap, "", ""
    return gap[:k], gap[k:m], gap[m:]


def _merged(pieces: Sequence[Piece]) -> list[Piece]:
    """Adjacent moves separated only by white space read as one moved run."""
    out: list[Piece] = []
    for piece in pieces:
        last = out[-1] if out else None
        if last is not None and piece.op is Op.MOVE and last.op is Op.MOVE and not last.gap.strip():
            out[-1] = Piece(Op.MOVE, last.text + last.gap + piece.text, piece.gap)
        else:
            out.append(piece)
    return out


_PUNCTUATION = regex.compile(r"\p{P}[\p{P}\s]*")
"""Marks, and the spaces between them (", “")."""

_MARK = regex.compile(r"[,;\u3001\uff0c\uff1b]")
"""Punctuation between list items, which a deleted item takes with it."""

_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]")
"""Scripts written without spaces between words (Chinese, Japanese) and their punctuation."""


def separator(left: str, right: str) -> str:
    """The space to put between two runs of words: none where either side is written without
    spaces (``停止干涉{-中国内政-}``), else one.

    >>> separator("stop", "interfering"), separator("停止", "干涉")
    (' ', '')
    """
    if _UNSPACED.match(left[-1:]) or _UNSPACED.match(right[:1]):
        return ""
    return " "


def render(pieces: Sequence[Piece]) -> str:
    """Pieces as ``{-old-}{+new+}`` markup, over the new text's own punctuation.

    A deletion goes where the white space of the new text is, so
    ``the {-principle of-} "one country`` keeps the quote with its word; in
    text written without spaces (Chinese) it adds none, nor after a hyphen.

    >>> word_diff("China-ASEAN Free Trade Area", "China-EU Free Trade Area")
    'China-{-ASEAN-}{+EU+} Free Trade Area'
    >>> word_diff("consistent and clear", "consistent and clear-cut")
    'consistent and clear{+-cut+}'
    >>> word_diff("a clear-cut position", "a clear position")
    'a clear{--cut-} position'
    >>> word_diff("the China-ASEAN community", "the ASEAN community")
    'the {-China--}ASEAN community'
    >>> word_diff("amity, sincerity, mutual benefit and inclusiveness",
    ...           "sincerity, mutual benefit, and inclusiveness")
    '{-amity,-} sincerity, mutual benefit, and inclusiveness'
    """
    pieces = _merged(
        [
            # the hyphen that joined a deleted word to one moved away goes with neither
            replace(p, joined="") if p.joined and nxt.op is Op.MOVED_AWAY else p
            for p, nxt in zip(pieces, [*pieces[1:], Piece(Op.EQUAL, "")], strict=True)
            if p.op is not Op.MOVED_AWAY
        ]
    )
    out: list[str] = []
    pending = ""
    held = False
    for k, piece in enumerate(pieces):
        if piece.op is Op.DELETE:
            before, space, after = _split_gap(pending)
            left = before or next((x for x in reversed(out) if x), "")
            # a gap of punctuation alone glues the words ("China-{-ASEAN-}{+EU+}")
            glued = bool(before) and not space
            nxt = pieces[k + 1] if k + 1 < len(pieces) else None
            replaced = nxt is not None and nxt.op is Op.INSERT
            if piece.ahead and not replaced and not held and out:
                left = next(x for x in reversed(out) if x) if any(out) else ""
                out.append(f"{{-{separator(left, piece.text)}{piece.text}-}}")
                continue
            if held:
                # after a deletion the new text glues to what follows, the space between
                # two deleted runs is the old text's: "EU-{-China-}{- China-}{+EU+}"
                out.append(f"{{-{separator(left, piece.text)}{piece.text}-}}")
                pending = after
                continue
            held = glued and not replaced
            if piece.lead and out and not replaced:
                # the old punctuation opens the deletion, right after the word before it
                out.append(before)
                inner = "" if piece.lead in HYPHENS else separator(piece.lead, piece.text)
                out.append(f"{{-{piece.lead}{inner}{piece.text}-}}")
            else:
                out.append(
                    before + (space or (separator(left, piece.text) if out and not glued else ""))
                )
                if replaced and space:
                    # what opens the new word stands before the words replaced, as in both
                    # texts: "given ${-110-}{+95+} million", not "{-110-}${+95+}"
                    out.append(after)
                    after = ""
                tail = "" if replaced else piece.trail or piece.joined
                out.append(f"{{-{piece.text}{tail}-}}")
            if replaced or glued or (piece.joined and not piece.trail):
                pending = after
            else:
                right = after or (nxt.text if nxt else "")
                pending = (" " if space else separator(piece.text, right)) + after
            continue
        held = False
        if piece.op is Op.INSERT and piece.lead and out:
            before, space, after = _split_gap(pending)
            out.append(f"{{+{before}{space}{after}{piece.text}+}}")
            pending = piece.gap
            continue
        if piece.op is Op.INSERT and piece.trail:
            out.append(pending)
            out.append(f"{{+{piece.text}{piece.trail}+}}")
            pending = piece.gap
            continue
        if piece.op is Op.INSERT and out and pending and set(pending) <= HYPHENS:
            # a hyphen that joins only inserted words is theirs: "clear{+-cut+}"
            out.append(f"{{+{pending}{piece.text}+}}")
            pending = piece.gap
            continue
        out.append(pending)
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        before_piece = pieces[k - 1] if k else None
        if (
            piece.op is Op.INSERT
            and piece.gap in HYPHENS
            and piece.gap
            and nxt is not None
            and nxt.op in (Op.EQUAL, Op.MOVE)
            and not (before_piece is not None and before_piece.joined)
        ):
            # ... and one that joins an inserted word to a kept or moved one: "the
            # {+China-+}ASEAN"
            out.append(f"{{+{piece.text}{piece.gap}+}}")
            pending = ""
            continue
        if piece.op is Op.EQUAL:
            out.append(piece.text)
        else:
            out.append(f"{{{piece.op.value}{piece.text}{piece.op.value}}}")
        pending = piece.gap
    return "".join(out).strip()


@lru_cache(maxsize=1 << 16)
def word_diff(old: str, new: str, *, tokeniser: Tokeniser | None = None) -> str:
    """Word diff from ``old`` to ``new`` in ``{-removed-}{+added+}`` notation.

    >>> word_diff("comprehensively and effectively implement",
    ...           "fully and effectively implement")
    '{-comprehensively-}{+fully+} and effectively implement'
    >>> word_diff("a sea of peace, friendship and cooperation",
    ...           "A sea of peace and cooperation")
    'A sea of peace{-, friendship-} and cooperation'
    >>> word_diff('the principle of "one country, two systems"',
    ...           'the principle of "one country, three systems"')
    'the principle of "one country, {-two-}{+three+} systems"'
    """
    old_tokens = tokenise(old, tokeniser=tokeniser)
    new_tokens = tokenise(new, tokeniser=tokeniser)
    if not new_tokens and not old_tokens:
        return new
    marked = render(diff_tokens(old, old_tokens, new, new_tokens))
    if not new_tokens:
        return marked
    # the new text's marks before its first word and after its last: a closing quote
    lead, trail = new[: new_tokens[0].start].strip(), new[new_tokens[-1].end :].strip()
    return f"{lead}{marked}{trail}"


def shared_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """How many words two wordings share at their start, then at their end (the end's words
    none of the start's): what stands between is where they differ.

    >>> shared_ends("a b c d".split(), "a x d".split())
    (1, 1)
    """
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return head, tail


SLOT = "\u2026"
"""Stands for a run of words inserted into a formula, in :func:`skeleton`."""


@lru_cache(maxsize=1 << 16)
def skeleton(canonical: str, text: str, *, tokeniser: Tokeniser | None = None) -> tuple[str, ...]:
    """``text``'s words, with each run of words *inserted inside* the formula as :data:`SLOT`.

    Two wordings with the same skeleton differ only in what fills a slot of
    the formula (the topic in "China's position on ... is consistent and
    clear"), not in the formula's own words. Words that replace the
    formula's words, and words added at its edges, are kept, and so are words
    that open with "and"/"or" (the tokeniser's coordinators), joined to the
    formula's word before them: "Russia's brutal *and illegal* war of
    aggression" grows the formula's own list, no topic fills it (review 149:
    against "Russia's brutal *full-scale* war ...", said before, the gate read
    a slot filled anew and passed it). A topic put before the formula's word
    with its "and" still fills a slot: "stop interfering in *Hong Kong affairs
    and* China's internal affairs". Nor do adverbs put in fill a slot: they say
    how the formula holds ("remains *partly* open"; see :func:`_manner`); nor words
    holding a negation: "we *do not* support a two-state solution" turns the formula
    over, whatever "we *continue to* support ..." said in that place before (review
    159: the watchlist gate read a slot filled anew and passed it).

    >>> skeleton("China's position is consistent and clear",
    ...          "China's position on the Kashmir issue is consistent and clear")
    ("china's", 'position', '…', 'is', 'consistent', 'and', 'clear')
    >>> skeleton("comprehensively and effectively implement",
    ...          "fully and effectively implement")
    ('fully', 'and', 'effectively', 'implement')
    """
    return slotted(canonical, text, tokeniser=tokeniser)[0]


def _manner(words: Sequence[str], function: Collection[str]) -> bool:
    """Whether words put inside a formula only say how it holds: adverbs, with function
    words beside them ("the door to dialogue remains *partly* open", "*very firmly*"):
    the formula's manner said otherwise, no topic in a slot (review 156: against "...
    remains *firmly* open" said before, the watchlist gate read a slot filled anew and
    passed the hedge)."""
    content = [w for w in words if w not in function]
    return bool(content) and all(is_adverb(w) for w in content)


def slotted(
    canonical: str, text: str, *, tokeniser: Tokeniser | None = None
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """:func:`skeleton`, and the words of each slot filled, in order.

    >>> slotted("China's position is consistent and clear",
    ...         "China's position on the Kashmir issue is consistent and clear")[1]
    [('on', 'the', 'kashmir', 'issue')]
    """
    old_tokens = tokenise(canonical, tokeniser=tokeniser)
    new_tokens = tokenise(text, tokeniser=tokeniser)
    if not old_tokens or not new_tokens:
        return tuple(t.text for t in new_tokens), []
    pieces = diff_tokens(canonical, old_tokens, text, new_tokens)
    coordinators = named_words(tokeniser, "coordinators")
    function = named_words(tokeniser, "function_words")
    negations = named_words(tokeniser, "negations")
    out: list[str] = []
    fillers: list[tuple[str, ...]] = []
    for k, piece in enumerate(pieces):
        if piece.op in (Op.DELETE, Op.MOVED_AWAY):
            continue
        inside = 0 < k < len(pieces) - 1
        replaces = any(n.op is Op.DELETE for n in (*pieces[k - 1 : k], *pieces[k + 1 : k + 2]))
        words = [t.text for t in tokenise(piece.text, tokeniser=tokeniser)]
        coordinated = bool(words) and words[0] in coordinators
        kept = _manner(words, function) or not negations.isdisjoint(words)
        if piece.op is Op.INSERT and inside and not replaces and not coordinated and not kept:
            out.append(SLOT)
            fillers.append(tuple(words))
        else:
            out.extend(words)
    return tuple(out), fillers
