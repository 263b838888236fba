"""What may reach a terminal, a log or a file: no control characters, no display tricks.

Briefings and file names come from anywhere. A raw ``ESC`` in a transcript can
retitle a terminal or clear it; a bidi override (U+202E) reorders what a
reader sees; a newline in a file name forges a line of CI output (a GitHub
``::error`` command); a lone surrogate (a JSON ``\\ud800``, or an undecodable
byte in a file name) cannot even be written as UTF-8. Two rules, applied once
where such text enters:

- :func:`clean_text` for what a briefing says (its text and title): control
  characters other than tab and newline, and lone surrogates, become U+FFFD
  (visible, like an undecodable byte); bidi embedding, override and isolate
  controls are removed (they only steer display).
- :func:`escape_controls` for names and messages (ids, paths, error lines):
  the same characters, newline included, become visible escapes (``\\n``,
  ``\\x1b``, ``\\u202e``), so a name is always one printable line.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 and C1 control characters except tab and newline."""
_BIDI = "\u202a-\u202e\u2066-\u2069"
"""Bidi embeddings, overrides and isolates (LRE..RLO, LRI..PDI)."""
_SURROGATES = "\ud800-\udfff"

_UNSAFE_TEXT = re.compile(f"[{_CONTROLS}{_SURROGATES}]")
_BIDI_CONTROLS = re.compile(f"[{_BIDI}]")
_UNSAFE_OR_BIDI = re.compile(f"[{_CONTROLS}{_SURROGATES}{_BIDI}]")
"""Either kind: one pass over a clean text (most are) instead of two."""
_UNSAFE_NAME = re.compile(f"[\n\t{_CONTROLS}{_BIDI}{_SURROGATES}\u2028\u2029]")

REPLACEMENT = "\ufffd"


def clean_text(text: str) -> str:
    """Briefing text safe to show: controls and lone surrogates -> U+FFFD, bidi controls gone.

    >>> clean_text("peace \\x1b[2J and \\u202estability\\ud800")
    'peace \\ufffd[2J and stability\\ufffd'
    """
    if not _UNSAFE_OR_BIDI.search(text):
        return text
    if _UNSAFE_TEXT.search(text):
        text = _UNSAFE_TEXT.sub(REPLACEMENT, text)
    if _BIDI_CONTROLS.search(text):
        text = _BIDI_CONTROLS.sub("", text)
    return text


def escape_controls(text: str) -> str:
    r"""A name or message on one printable line: unsafe characters as Python escapes.

    >>> print(escape_controls("a\nb\x1b]0;x\x07\u202e"))
    a\nb\x1b]0;x\x07\u202e
    """
    if not _UNSAFE_NAME.search(text):
        return text
    return _UNSAFE_NAME.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    char = m.group()
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
