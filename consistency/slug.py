"""Readable point ids made from a point's text (``discover`` names its points so), and
the test of whether an id is one."""

from __future__ import annotations

import re

from .normalise import DEFAULT_TOKENISER, ascii_quotes, tokenise

SLUG_CHARS = 48
"""The most characters of an id made from a text."""


def is_slug_of(point_id: str, text: str) -> bool:
    """Whether ``point_id`` is ``text`` made an id (see :func:`slug`), perhaps with a
    number after it (two points of one text): a name nobody chose.

    >>> is_slug_of("the-one-china-principle-2", "the one-China principle")
    True
    >>> is_slug_of("one-china", "the one-China principle")
    False
    """
    base = slug(text)
    if point_id == base:
        return True
    head, _, number = point_id.rpartition("-")
    return head == base and number.isdigit() and not number.startswith("0")


def slug(text: str) -> str:
    """A readable id for a point: its words in lower-case ASCII, joined by dashes.

    Chinese words are spelled in pinyin, one dash-free run per word
    (``严重违反一个中国原则`` -> ``yanzhong-weifan-yige-zhongguo-yuanze``), other scripts
    transliterated by anyascii (``международного сообщества`` ->
    ``mezhdunarodnogo-soobshchestva``, ``शांति और स्थिरता`` -> ``samti-aur-sthirta``), so an
    id stays ``[a-z0-9-]`` as watchlists require and still says what it is. An id cut
    short ends on a content word: ``comprehensively-and-effectively-implement``, not
    ``...-implement-the``.
    """
    words = _id_words(text)
    out: list[tuple[str, bool]] = []
    for word in words:
        if out and len("-".join([*(w for w, _ in out), word[0]])) > SLUG_CHARS:
            break
        out.append(word)
    if len(out) < len(words):
        while len(out) > 1 and out[-1][1]:
            out.pop()
    return "-".join(w for w, _ in out)[:SLUG_CHARS].strip("-") or "point"


def _id_words(text: str) -> list[tuple[str, bool]]:
    """The id's words, each with whether it is a function word."""
    from anyascii import anyascii

    function = DEFAULT_TOKENISER.function_words
    if not HAN.search(text):
        plain = ascii_quotes(text)  # "China’s" and "China's" give one id
        return [(w, w in function) for w in re.findall(r"[a-z0-9]+", anyascii(plain).lower())]
    from pypinyin import Style, lazy_pinyin

    out: list[tuple[str, bool]] = []
    for token in tokenise(text):
        word = token.text
        light = word in function
        if HAN.search(word):
            word = "".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore"))
        out.extend((w, light) for w in re.findall(r"[a-z0-9]+", anyascii(word).lower()))
    return out


HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
"""Han characters (the CJK blocks): words spelled in pinyin in ids."""
