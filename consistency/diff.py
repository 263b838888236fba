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
    text: the source words of the run (old text for deletions, new text otherwise).
    """

    op: Op
    text: str


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
    """Diff two tokenised texts; runs carry the original words of their side.

    Equal and inserted runs are slices of ``new`` (keeping its punctuation);
    deleted runs are slices of ``old``. Whitespace or punctuation between runs
    of ``new`` is kept with the preceding run.
    """
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
        if code == 0:
            pieces.append(Piece(Op.EQUAL, _span(new, new_tokens, j, j + n)))
            i += n
            j += n
        elif code == -1:
            pieces.append(Piece(Op.DELETE, _span(old, old_tokens, i, i + n)))
            i += n
        else:
            pieces.append(Piece(Op.INSERT, _span(new, new_tokens, j, j + n)))
            j += n
    return pieces


def _span(text: str, tokens: Sequence[Token], a: int, b: int) -> str:
    """The source text from token ``a`` to token ``b - 1``, with the gap that follows it."""
    start = tokens[a].start
    end = tokens[b].start if b < len(tokens) else tokens[b - 1].end
    return text[start:end]


def render(pieces: Sequence[Piece]) -> str:
    """Pieces as ``{-old-}{+new+}`` markup.

    Trailing whitespace of a run moves outside its markers, so that
    ``{+fully+} and`` reads naturally.
    """
    out: list[str] = []
    for k, piece in enumerate(pieces):
        text = piece.text
        if piece.op is Op.EQUAL:
            out.append(text)
            continue
        body = text.rstrip()
        tail = text[len(body) :]
        if piece.op is Op.DELETE:
            body = body.rstrip(" ,;:")
            nxt = pieces[k + 1].op if k + 1 < len(pieces) else None
            if out and not out[-1][-1:].isspace():
                out.append(" ")
            tail = " " if nxt is Op.EQUAL else ""
            out.append(f"{{-{body}-}}{tail}")
        else:
            out.append(f"{{+{body}+}}{tail}")
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


def has_changes(pieces: Sequence[Piece]) -> bool:
    """True when any run is an insertion or deletion."""
    return any(p.op is not Op.EQUAL for p in pieces)
