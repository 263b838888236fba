"""Bytes -> text: UTF-8 first, legacy encodings only when the guess is safe.

A briefing decoded in the wrong encoding would match nothing and show garbage
in every report, so this module refuses rather than guesses: text that is
neither UTF-8 (with or without a byte-order mark), nor UTF-16/32 with a
byte-order mark, nor a legacy encoding that charset-normalizer identifies
without ambiguity, is an :class:`~consistency.errors.InputError`.

Line endings (CRLF, CR, NEL, U+2028/9, vertical tab, form feed) become ``\\n``
so that every line number agrees with ``text.split("\\n")`` and with editors.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_OTHER_BREAKS = "\x0b\x0c\x85\u2028\u2029"
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_UNICODE_WITHOUT_BOM = ("utf_16", "utf_32")
_PREFERRED = "cp1252"
"""The WHATWG fallback for undeclared legacy text, and a superset of Latin-1's
printable range: when it is among the equally good guesses, it is the one."""


def normalise_newlines(text: str) -> str:
    r"""Every line break becomes ``\n``.

    >>> normalise_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    for other in _OTHER_BREAKS:
        if other in text:
            text = text.replace(other, "\n")
    return text


def decode(data: bytes, *, path: str, html: bool = False) -> str:
    """Decode a briefing's bytes, or raise :class:`InputError` naming ``path``.

    html: also honour a ``<meta charset>`` declaration.
    The result has ``\\n`` line endings and no byte-order mark.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise _invalid(data, exc, path, encoding) from None
    if _is_binary(data):
        raise InputError("binary file (not text)", path=path)
    try:
        return normalise_newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if html:
        declared = _declared_encoding(data)
        if declared is not None and declared.replace("-", "").replace("_", "") != "utf8":
            try:
                return normalise_newlines(data.decode(declared))
            except (LookupError, UnicodeDecodeError):
                pass
    if _looks_like_broken_utf8(data):
        raise _invalid(data, utf8_error, path, "UTF-8")
    return normalise_newlines(_guess(data, path))


def _is_binary(data: bytes) -> bool:
    """A NUL byte anywhere, or many control characters in the first 64 KiB, mean this
    is not a text file (no text holds a NUL: a transcript with binary data after it is
    no transcript)."""
    if b"\x00" in data:
        return True
    head = data[:65536]
    return len(_CONTROL_BYTES.findall(head)) > max(2, len(head) // 20)


def _declared_encoding(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes is damaged UTF-8, not a legacy encoding.

    Decoding it as, say, cp1252 would turn every correct curly quote into
    mojibake (``â€™``), so it is refused instead.
    """
    valid = len(_UTF8_MULTIBYTE.findall(data))
    if valid == 0:
        return False
    invalid = len(data.decode("utf-8", errors="replace").encode("utf-8").split(b"\xef\xbf\xbd")) - 1
    return valid >= invalid


def _invalid(data: bytes, exc: UnicodeDecodeError, path: str, encoding: str) -> InputError:
    line = data.count(b"\n", 0, exc.start) + 1
    bad = data[exc.start : exc.start + 1].hex()
    return InputError(
        f"invalid {encoding} (byte 0x{bad}); convert the file to UTF-8", path=path, line=line
    )


GUESS_EVIDENCE = 16
"""The fewest non-ASCII bytes from which a legacy encoding other than cp1252 is told:
"The spokesman said \\xff\\xfe is good." is no Urdu code page (cp1006), nor "caf\\xe9"
with "\\x80\\x81" Baltic (cp775): too few bytes to tell (review 88: each was read,
garbled, with exit 0)."""

_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _guess(data: bytes, path: str) -> str:
    """A legacy encoding charset-normalizer is sure of, else :class:`InputError`.

    Sure means: among the candidates with the least mess and about the best
    language coherence, cp1252 is one of them, or all decode to the same text and the
    file has :data:`GUESS_EVIDENCE` non-ASCII bytes to tell it by.
    """
    matches = [m for m in from_bytes(data) if not m.encoding.startswith(_UNICODE_WITHOUT_BOM)]
    if not matches or min(m.chaos for m in matches) > 0.1:
        raise InputError(
            "not UTF-8 and no known text encoding fits; convert the file to UTF-8", path=path
        )
    least = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= least + 0.01]
    best = max(m.coherence for m in close)
    close = [m for m in close if m.coherence >= best - 0.05]
    for m in close:
        if _PREFERRED in m.could_be_from_charset:
            return data.decode(_PREFERRED)
    texts = {str(m) for m in close}
    foreign = len(_NON_ASCII.findall(data))
    if len(texts) == 1 and foreign >= GUESS_EVIDENCE:
        return texts.pop()
    if len(texts) == 1:
        first = _NON_ASCII.search(data)
        line = data[: first.start()].count(b"\n") + 1 if first else None
        few = f"{foreign} non-ASCII bytes are" if foreign != 1 else "1 non-ASCII byte is"
        raise InputError(
            f"not UTF-8, and {few} too few to tell the encoding (could be "
            f"{close[0].encoding}); convert the file to UTF-8",
            path=path,
            line=line,
        )
    names = ", ".join(sorted({m.encoding for m in close})[:4])
    raise InputError(
        f"not UTF-8 and the encoding is unclear (could be {names}); convert the file to UTF-8",
        path=path,
    )
