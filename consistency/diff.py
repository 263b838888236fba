"""Word-level diffs with diff-match-patch, rendered over the original words.

diff-match-patch diffs characters; fed raw text, its semantic clean-up happily
splits words ("compre{-hensively-}{+fully+}"). So each distinct normalised token
becomes one private-use character, the two character strings are diffed and
cleaned up semantically, and every run is mapped back to the source words it
stands for. Tokens are compared in normalised form, so cosmetic differences
(case, quotes, hyphens, dotted abbreviations) never show up as changes.

Notation: ``{-removed-}{+added+}``; unchanged words as they stand in the new text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from diff_match_patch import diff_match_patch

from .models import Token
from .normalise import Tokeniser, tokenise

_BASE = 0xF0000  # Supplementary Private Use Area-A: never in real tokens.


class Op(StrEnum):
    """One kind of diff run."""

    EQUAL = "="
    DELETE = "-"
    INSERT = "+"


@dataclass(frozen=True)
class Piece:
    """A run of a word diff.

    op: equal, delete or insert.
    text: the source words of the run (old text for deletions, new text otherwise),
        from the first word's start to the last word's end.
    gap: for equal and inserted runs, the white space and punctuation of the new
        text that follow the run; empty for deletions.
    """

    op: Op
    text: str
    gap: str = ""


def _encode(tokens: Sequence[Token], table: dict[str, str]) -> str:
    chars = []
    for t in tokens:
        c = table.get(t.text)
        if c is None:
            c = chr(_BASE + len(table))
            table[t.text] = c
        chars.append(c)
    return "".join(chars)


def diff_tokens(
    old: str, old_tokens: Sequence[Token], new: str, new_tokens: Sequence[Token]
) -> list[Piece]:
    """Diff two tokenised texts; runs carry the original words of their side."""
    table: dict[str, str] = {}
    a = _encode(old_tokens, table)
    b = _encode(new_tokens, table)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    pieces: list[Piece] = []
    i = j = 0
    for code, chunk in diffs:
        n = len(chunk)
        if code == -1:
            pieces.append(Piece(Op.DELETE, old[old_tokens[i].start : old_tokens[i + n - 1].end]))
            i += n
            continue
        text = new[new_tokens[j].start : new_tokens[j + n - 1].end]
        after = new_tokens[j + n].start if j + n < len(new_tokens) else new_tokens[j + n - 1].end
        gap = new[new_tokens[j + n - 1].end : after]
        pieces.append(Piece(Op.EQUAL if code == 0 else Op.INSERT, text, gap))
        if code == 0:
            i += n
        j += n
    return pieces


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


def render(pieces: Sequence[Piece]) -> str:
    """Pieces as ``{-old-}{+new+}`` markup, over the new text's own punctuation.

    A deletion goes where the white space of the new text is, so
    ``the {-principle of-} "one country`` keeps the quote with its word.
    """
    out: list[str] = []
    pending = ""
    for k, piece in enumerate(pieces):
        if piece.op is Op.DELETE:
            before, space, after = _split_gap(pending)
            out.append(before + (space or (" " if out else "")))
            out.append(f"{{-{piece.text}-}}")
            nxt = pieces[k + 1].op if k + 1 < len(pieces) else None
            pending = after if nxt is Op.INSERT else " " + after
            continue
        out.append(pending)
        out.append(piece.text if piece.op is Op.EQUAL else f"{{+{piece.text}+}}")
        pending = piece.gap
    return "".join(out).strip()


def word_diff(old: str, new: str, *, tokeniser: Tokeniser | None = None) -> str:
    """Word diff from ``old`` to ``new`` in ``{-removed-}{+added+}`` notation.

    >>> word_diff("comprehensively and effectively implement",
    ...           "fully and effectively implement")
    '{-comprehensively-}{+fully+} and effectively implement'
    >>> word_diff("a sea of peace, friendship and cooperation",
    ...           "A sea of peace and cooperation")
    'A sea of peace {-friendship-} and cooperation'
    """
    old_tokens = tokenise(old, tokeniser=tokeniser)
    new_tokens = tokenise(new, tokeniser=tokeniser)
    if not new_tokens and not old_tokens:
        return new
    return render(diff_tokens(old, old_tokens, new, new_tokens))


SLOT = "\u2026"
"""Stands for a run of words inserted into a formula, in :func:`skeleton`."""


def skeleton(canonical: str, text: str, *, tokeniser: Tokeniser | None = None) -> tuple[str, ...]:
    """``text``'s words, with each run of words *inserted inside* the formula as :data:`SLOT`.

    Two wordings with the same skeleton differ only in what fills a slot of
    the formula (the topic in "China's position on ... is consistent and
    clear"), not in the formula's own words. Words that replace the
    formula's words, and words added at its edges, are kept.

    >>> skeleton("China's position is consistent and clear",
    ...          "China's position on the Kashmir issue is consistent and clear")
    ("china's", 'position', '…', 'is', 'consistent', 'and', 'clear')
    >>> skeleton("comprehensively and effectively implement",
    ...          "fully and effectively implement")
    ('fully', 'and', 'effectively', 'implement')
    """
    old_tokens = tokenise(canonical, tokeniser=tokeniser)
    new_tokens = tokenise(text, tokeniser=tokeniser)
    if not old_tokens or not new_tokens:
        return tuple(t.text for t in new_tokens)
    pieces = diff_tokens(canonical, old_tokens, text, new_tokens)
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if piece.op is Op.DELETE:
            continue
        inside = 0 < k < len(pieces) - 1
        replaces = any(n.op is Op.DELETE for n in (*pieces[k - 1 : k], *pieces[k + 1 : k + 2]))
        if piece.op is Op.INSERT and inside and not replaces:
            out.append(SLOT)
        else:
            out.extend(t.text for t in tokenise(piece.text, tokeniser=tokeniser))
    return tuple(out)
