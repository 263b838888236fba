"""The normaliser: source text -> tokens used for matching, each with its span.

Two wordings that differ only in what this module removes are the *same*
wording (status ``cosmetic`` at most). Everything else is a real difference.

How it works, in order:

1. **Scanning** finds candidate words in the *unchanged* source, so every token
   keeps its exact ``(start, end)`` span. What counts as a word:

   - a run of letters, marks and digits; apostrophes inside it (``China's``,
     ``China’s``) and a dot or comma between digits (``5.57``, ``60,000``) stay
     inside it;
   - a dotted abbreviation (``U.S.``, ``U.N.``, ``p.m.``) is one word;
   - the full-width apostrophe, dot and comma (U+FF07, U+FF0E, U+FF0C) count as their ASCII
     forms, so full-width text scans like the text NFKC makes of it;
   - a run of Han characters is cut into Chinese words by `jieba
     <https://pypi.org/project/jieba/>`_ with its bundled dictionary
     (``一个中国原则`` -> ``一个 / 中国 / 原则``; see :func:`han_words`), so
     mixed text works: Latin by the rules above, Han runs by jieba. A run in
     traditional characters is read in simplified ones first (see
     :func:`simplified`): jieba's dictionary is simplified, and the two scripts
     then give the same words (國防部 and 国防部 are one token);
   - everything else (punctuation, dashes, hyphens, quotes, symbols) separates
     words and is not a token. So ``people-to-people`` scans as three words,
     like ``people to people``.

2. **Rules** then map each candidate to its token text; each is a small
   function below, applied in :data:`RULES` order.

3. **Contractions** are cut into the words they stand for (see
   :func:`contraction`): ``don't`` is ``do`` + ``not``, ``won't`` ``will`` +
   ``not``, ``cannot`` ``can`` + ``not``, ``we're`` ``we`` + ``are``, ``it's``
   ``it`` + ``is`` (``'s`` and ``'d`` after a pronoun only; ``has`` and ``had`` where
   the next word says so: "it's been", "I'd seen"), each part
   with its own piece of the source's span (``do`` | ``n't``). Spoken briefings
   say "we don't support" where written statements say "we do not support": one
   wording.

A rule that would make a token scan differently a second time is undone by
:func:`_settle`, which keeps normalisation idempotent: ``tokens(" ".join(t))``
gives back ``t``.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from itertools import accumulate, repeat
from typing import Any, Protocol, cast

import regex

from .lexicon import UNSEEN_ZIPF, is_han_name, phrase_zipf, verb_lemmas, zipf
from .lexicon import han_frequencies as _han_frequencies
from .models import Token

_WORD = r"[^\W\p{Pc}\p{Han}]"
_APOS = "'\u2019\u2018\u02bc\u2032\uff07"
APOSTROPHES = _APOS
"""The characters read as an apostrophe inside a word ("China’s", "don‘t")."""
_SCAN = regex.compile(
    rf"(?:\p{{L}}[.\uff0e]){{2,}}"
    rf"|{_WORD}+(?:(?:[{_APOS}]|(?<=\p{{Nd}})[.,\uff0e\uff0c](?=\p{{Nd}})){_WORD}+)*"
    rf"|\p{{Han}}+",
    regex.VERSION0,
)
_ABBREV = regex.compile(r"(?:\p{L}\.){2,}")
_ASCII_SCAN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:(?:'|(?<=[0-9])[.,](?=[0-9]))[A-Za-z0-9]+)*"
)
_ASCII_SPLIT = re.compile(f"({_ASCII_SCAN.pattern})")
"""``_ASCII_SCAN`` as one group: ``split`` gives gap, word, gap, ... , gap."""
_PLAIN = str.maketrans(
    {c: "'" for c in "\u2018\u2019\u2032\uff07"}
    | {c: " " for c in "\u00a0\u2013\u2014\u201c\u201d\u2026"}
)
"""Apostrophes as ``'`` and common typographic punctuation as spaces, one character
for one: in the text this gives, ``_ASCII_SCAN`` finds words at the same places."""
_KNOWN_LIMIT = 1 << 18


class _KnownWords(dict[str, str]):
    """Scanned ASCII word -> its token text, filled as words are first seen.

    Looking a word up never fails (``__missing__`` normalises it), so a whole
    sentence's words are looked up in one ``map``; the table is emptied when it
    holds :data:`_KNOWN_LIMIT` words, which bounds its memory on endless input.
    """

    def __missing__(self, found: str) -> str:
        if len(self) > _KNOWN_LIMIT:
            self.clear()
        word = self[found] = normalise_word(found)
        parts = contraction(word)
        if parts is not None and len(_ASCII_SPLITS) <= _KNOWN_LIMIT:
            _ASCII_SPLITS.setdefault(word, parts)
        return word


_ASCII_WORDS = _KnownWords()
_ASCII_SPLITS: dict[str, tuple[str, str, int]] = {}
"""Every contraction :data:`_ASCII_WORDS` has held, with its parts (see
:func:`contraction`): a set test finds whether a text has any. Never emptied with the
words, which may be partway through a text (a review: a briefing read when the table
filled up lost its contractions); past :data:`_KNOWN_LIMIT` of them, every text is asked
word by word (see :func:`_ascii_columns`)."""


def nfkc(word: str) -> str:
    """Unicode NFKC: full-width letters, ligatures and compatibility forms become plain.

    Scraped transcripts mix composed and decomposed accents and full-width
    Latin; they must not look like different words.

    >>> nfkc("ＡＳＥＡＮ")
    'ASEAN'
    """
    return unicodedata.normalize("NFKC", word)


def ascii_quotes(word: str) -> str:
    """Curly apostrophes and primes become ``'`` (``China’s`` == ``China's``).

    Transcripts switch between typographic and typewriter apostrophes from one
    day to the next.

    >>> ascii_quotes("China\u2019s")
    "China's"
    """
    return word.translate(_QUOTE_TABLE)


_QUOTE_TABLE = str.maketrans({c: "'" for c in _APOS[1:]})


def casefold(word: str) -> str:
    """Case folding: ``ASEAN Way`` == ``ASEAN way``; capitals carry no policy.

    Folding can leave a letter and an accent apart (``ß́`` -> ``sś``), so the
    result is put back in NFKC form: normalising twice must change nothing.

    >>> casefold("ASEAN Way")
    'asean way'
    """
    return unicodedata.normalize("NFKC", word.casefold())


def fold_accents(word: str) -> str:
    """Accents on Latin letters go (``communiqué`` == ``communique``).

    English transcripts write a borrowed word or a name with its accents one day
    and without them the next ("Joint Communiqués", "joint communiques"); a mark
    on a Latin letter is typography there. Marks on letters of other scripts stay.

    >>> fold_accents("communiqués")
    'communiques'
    """
    if word.isascii():
        return word
    parts = unicodedata.normalize("NFD", word)
    out: list[str] = []
    for c in parts:
        if unicodedata.combining(c) and out and _LATIN.match(out[-1]):
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


_LATIN = regex.compile(r"\p{Latin}")


def collapse_abbreviation(word: str) -> str:
    """A dotted abbreviation loses its dots: ``U.S.`` == ``US``.

    Style guides disagree on the dots; the abbreviation is the same.

    >>> collapse_abbreviation("u.s.")
    'us'
    """
    if _ABBREV.fullmatch(word):
        return word.replace(".", "")
    return word


def drop_thousands_separators(word: str) -> str:
    """Commas between digits go (``60,000`` == ``60000``); decimal points stay.

    ``5.57 trillion`` must never equal ``557 trillion``, but the thousands
    separator is only typography.

    >>> drop_thousands_separators("60,000")
    '60000'
    >>> drop_thousands_separators("5.57")
    '5.57'
    """
    if "," in word:
        return regex.sub(r"(?<=\d),(?=\d)", "", word)
    return word


RULES: tuple[Callable[[str], str], ...] = (
    nfkc,
    ascii_quotes,
    casefold,
    fold_accents,
    collapse_abbreviation,
    drop_thousands_separators,
)
"""The rules, in the order they are applied to each scanned word."""


def _settle(word: str) -> str:
    """Return ``word`` if it scans as exactly itself, else only its word characters.

    NFKC and case folding can, rarely, produce characters that are not word
    characters (``½`` -> ``1⁄2``); keeping only the word characters keeps the
    normaliser idempotent. Dropping characters can bring a letter and an
    accent together (``A'ʼ́`` -> ``a`` + U+0301), so what is left is put in
    NFKC form and folded again, until nothing changes: the next pass must
    find the same word.
    """
    for _ in range(4):
        found = _SCAN.findall(word)
        if len(found) == 1 and found[0] == word:
            return word
        kept = "".join(regex.findall(_WORD, word))
        word = fold_accents(casefold(nfkc(kept)))
        if word == kept:
            return word
    return word


@lru_cache(maxsize=1 << 16)
def normalise_word(word: str) -> str:
    """Apply every rule in :data:`RULES` to one scanned word.

    >>> normalise_word("U.S.")
    'us'
    >>> normalise_word("People’s")
    "people's"
    """
    for rule in RULES:
        word = rule(word)
    return _settle(word)


_CONTRACTED_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}
"""The stems of "n't" that are not the word they stand for ("won't" is "will not")."""

_CONTRACTED_ENDINGS = {
    "n't": "not",
    "'re": "are",
    "'ll": "will",
    "'ve": "have",
    "'m": "am",
    "'s": "is",
    "'d": "would",
}
"""The contracted endings and the word each stands for. ``'s`` and ``'d`` only after
one of :data:`_HOSTS` (see :func:`contraction`)."""

CONTRACTED_WORDS = frozenset(
    {*_CONTRACTED_STEMS.values(), *_CONTRACTED_ENDINGS.values(), "has", "had"}
)
"""The words a contraction stands for, which its text may not spell ("won't" is "will")."""

_HOSTS = frozenset("i you he she it we they that there here what who where how".split())  # noqa: SIM905
"""The pronouns and question words after which ``'s`` is "is" or "has" and ``'d`` "would"
or "had" (see :func:`_in_context`): a possessive's ``'s`` follows a noun or a name
("China's", "each other's"), never one of these ("its", "his" are their possessives)."""

_HAS_AFTER = frozenset({"been", "got", "gotten"})
"""The words after which ``'s`` is "has": "it's been", "he's got"."""


@lru_cache(maxsize=1 << 12)
def contraction(word: str) -> tuple[str, str, int] | None:
    """The two words a contracted token text stands for, and how many characters of
    its end the second one takes; None for any other word.

    "We don't support Taiwan independence" and "we do not support ..." are one
    wording: spokespeople contract what statements write out. The parts are
    cut from the end of the word, one character for one, so each keeps its
    own span in the source (``do`` | ``n't``). A stem must be letters
    ("ain't" and "'n't" stay whole).

    >>> contraction("don't"), contraction("won't"), contraction("cannot")
    (('do', 'not', 3), ('will', 'not', 3), ('can', 'not', 3))
    >>> contraction("we're"), contraction("i'm"), contraction("china's")
    (('we', 'are', 3), ('i', 'am', 2), None)
    >>> contraction("it's"), contraction("i'd"), contraction("other's"), contraction("let's")
    (('it', 'is', 2), ('i', 'would', 2), None, ('let', 'us', 2))

    ``'s`` and ``'d`` may also be "has" and "had": the word after them tells (see
    :func:`_in_context`).
    """
    if word == "cannot":
        return ("can", "not", 3)
    if word == "let's":
        return ("let", "us", 2)
    for ending, meaning in _CONTRACTED_ENDINGS.items():
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if not stem.isalpha() or stem == "ai":
                return None
            if ending in ("'s", "'d") and stem not in _HOSTS:
                return None
            return (
                _CONTRACTED_STEMS.get(stem, stem) if meaning == "not" else stem,
                meaning,
                len(ending),
            )
    return None


def _split_contractions(
    words: list[str],
    spans: list[int],
    splits: dict[str, tuple[str, str, int]] | None,
    source: tuple[str, int] | None = None,
) -> tuple[list[str], list[int]]:
    """``words`` and their flat ``spans`` with each contraction cut in two (see
    :func:`contraction`; ``splits``: those known, else each word is asked). Where a word's
    text is longer or shorter than the word (a ligature: "ﬁ"), it is cut only when its
    text (``source``: the text and its offset) ends with the contracted ending itself,
    so that reading the words again cuts them the same (explored: "ﬁʼm" was one word,
    "fi'm" two)."""
    out_words: list[str] = []
    out_spans: list[int] = []
    for k, word in enumerate(words):
        parts = splits.get(word) if splits is not None else contraction(word)
        start, end = spans[2 * k], spans[2 * k + 1]
        if parts is not None and end - start != len(word):
            size = parts[2]
            tail = "" if source is None else source[0][end - size - source[1] : end - source[1]]
            folded = unicodedata.normalize("NFKC", tail).casefold()
            if "".join("'" if c in _APOS else c for c in folded) != word[-size:]:
                parts = None
        if parts is None:
            out_words.append(word)
            out_spans += (start, end)
            continue
        first, second, size = parts
        out_words += (first, _in_context(second, tuple(words[k + 1 : k + 3])))
        out_spans += (start, end - size, end - size, end)
    return out_words, out_spans


_SKIPPED = frozenset({"not", "never", "already", "just", "also", "always", "long"})
"""Words between ``'s`` or ``'d`` and the verb that tells what they stand for ("I'd *not*
seen", "it's *long* been")."""


@lru_cache(maxsize=1 << 12)
def _in_context(second: str, following: tuple[str, ...]) -> str:
    """The word a contraction's ``'s`` or ``'d`` stands for before the words
    ``following`` it (two are enough): "has" before "been" or "got" ("it's been our
    position"), "had" before an inflected verb, a participle ("I'd seen", "we'd noted"),
    and "better", where "would" takes the verb's plain form ("I'd like", "I'd refer you
    to"); "is" and "would" otherwise ("it's made clear" may be either: it reads "is"); one
    of :data:`_SKIPPED` may stand between ("I'd not seen").
    ``second`` itself for any other contraction."""
    if following and following[0] in _SKIPPED:
        following = following[1:]
    after = following[0] if following else ""
    if second == "is" and after in _HAS_AFTER:
        return "has"
    if second == "would" and after:
        verbs = verb_lemmas(after)
        if (verbs and after not in verbs) or after == "better":
            # "would" takes a verb's plain form: "we'd *noted*", "we'd *better*" are had
            return "had"
    return second


def one_word(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens of ``text`` are pieces of one written word (a contraction:
    ``do`` | ``n't``): nothing stands between them, and neither is Chinese there (Chinese
    words stand side by side). A span, a phrase or a diff never cuts such a word."""
    return (
        left.end == right.start
        and left.end > left.start
        and not _HAN.match(text, left.end - 1)
        and not _HAN.match(text, right.start)
    )


def explain(word: str) -> list[tuple[str, str]]:
    """Which rules changed ``word``, as ``(rule name, result)`` pairs, in order.

    >>> explain("U.S.")
    [('casefold', 'u.s.'), ('collapse_abbreviation', 'us')]
    """
    steps: list[tuple[str, str]] = []
    for rule in RULES:
        new = rule(word)
        if new != word:
            steps.append((rule.__name__, new))
        word = new
    return steps


ENGLISH_FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's i me my we us our ours you your
    yours he him his she her hers they them their theirs one ones what which who whom whose
    and or but nor so yet if then than as because while although though whether
    of in on at by for from to into onto with without within about above below over under
    between among through during before after since until upon against across along around
    toward towards via per near amid amidst beyond beside besides despite except inside
    outside throughout unlike behind beneath underneath alongside amongst till unless
    whereas whilst
    is are was were be been being am do does did doing done have has had having
    will would shall should can could may might must
    not no also very too just only all any some each every both either neither such other
    another same more most many much few several own
    where when why how whatever whenever wherever even itself mine
    myself ourselves yourself yourselves himself herself themselves
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""Standard English function words (articles, pronouns, prepositions, conjunctions,
auxiliaries, determiners). The matcher counts them half and never lets one stand in
for a talking point's word; a frequency rule catches the rest."""


CHINESE_FUNCTION_WORDS = frozenset(
    """
    的 地 得 之 了 着 过 吗 呢 吧 啊 呀 嘛 么
    和 与 及 以及 或 或者 而 而且 并 并且 但 但是 却 则 即 又 也 还 都 就 才 只 亦
    在 对 对于 把 被 将 从 向 于 为 为了 以 由 给 跟 同 比 按照 根据 关于 至于 通过 随着
    是 有 没有 不 没 要 会 能 可以 可 应 应该 已 已经 正在 曾 让 使
    这 那 这个 那个 这些 那些 这样 那样 此 其 该 各 每 某 本 之间
    我 我们 我方 你 你们 你方 您 他 他们 她 她们 它 它们 自己 大家
    个 等 等等
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""Standard Chinese function words (particles, prepositions, conjunctions, pronouns,
auxiliaries, measure word 个), as the Chinese segmenter cuts them."""

ENGLISH_NEGATIONS = frozenset(
    """
    no not never nor neither non unable
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""The English function words that negate what follows: a phrase may open with one ("no
foreign government ... has the right to interfere" is the formula; without "no" it says
the opposite); and "unable", "not able" in one word ("we are *unable to* support ...",
review 149)."""

CHINESE_NEGATIONS = frozenset(
    {
        "不",
        "没有",
        "没",
        "未",
        "从不",
        "绝不",
        "决不",
        "从未",
        "毫不",
        "并未",
        "不会",
        "不能",
        "不要",
        "不得",
        "不再",
        "尚未",
        "尚无",
        "并非",
        "不是",
        "无法",
        "未能",
        "决不能",
        "决不会",
        "绝不会",
        "绝不能",
        "永不",
        "从来不",
    }
)
"""The Chinese function words that negate what follows (as the segmenter cuts them: it
keeps 从不 "never", 绝不 "by no means", 不会 "will not", 不要 "do not", 不再 "no longer",
尚未 "not yet", 并非 "is not", 无法 "cannot", 决不会 "will never" whole; review 125:
"拐点*尚未*到来" was the formula "拐点已经到来" with a word replaced, counted by `track`;
政府*决不会*关闭... was the formula 政府*不会*关闭... with its negation dropped)."""

ENGLISH_NEGATION_CARRIERS = frozenset(
    """
    longer again yet to even fully entirely completely always ever necessarily really going
    has have had be been able continue committed willing prepared ready determined intend
    intends intending
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""English words that carry a negation right before them on to what follows: "we *no
longer* uphold the order", "not *fully*", "never *again*", "urged them not *to*
uphold", "he was not *going to* provide a running commentary" (review 77: "would
{+not+} provide a running commentary" was a change from it), "no longer *has* full
confidence in the Chancellor", "we will not *be able to* support Ukraine ...", "will not
*continue to* support ..." (review 149: the gate passed both as the formula said the same
way; they are how a policy's end is announced), and the words of a stance taken towards
it: "no longer *committed to* upholding the rules-based international order", "not
*prepared to*", "not *willing to*" (review 157: the gate passed the first). Any other word
takes the negation for
itself: "should not *undermine* peace and stability" negates no "peace and stability", nor
"not *only* uphold ... but also" the order."""

ENGLISH_PROHIBITIONS = frozenset({"stop", "cease", "halt", "refrain", "quit"})
"""English verbs that ask for what follows to end, as a negation asks for it not to be
done: "*not* interfering in China's internal affairs" says "*stop* interfering in ..." in
other words, not its opposite."""

CHINESE_PROHIBITIONS = frozenset({"停止", "停", "别", "勿", "切勿", "禁止"})
"""The same in Chinese: *不要*发表不负责任的言论 for *停止*发表不负责任的言论 (review 79: it
was called the opposite)."""

ENGLISH_DENIALS = frozenset(
    """
    deny denies denied denying exclude excludes excluded excluding preclude precludes
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""English verbs that deny or rule out what follows: a negation right before one affirms
("we do *not exclude* closing the door" says the door may close), so it negates no
formula after it."""

CHINESE_DENIALS = frozenset({"排除", "否认", "否定", "排斥"})
"""The same in Chinese: 政府*不排除*关闭两岸交流的大门 ("does not rule out closing") turns
政府不会关闭两岸交流的大门 ("will not close") round, its 不 no negation of it (review 137:
the gate passed it)."""

CHINESE_NEGATION_CARRIERS = frozenset({"再", "完全", "一定", "总是", "真正", "让", "继续", "能够"})
"""The same in Chinese, as the segmenter cuts them after a negation (不会*再*坚持,
不*完全*支持, 无法*继续*支持, 不*能够*), and the causative 让 ("let"): 还不能*让*每个孩子都能
享有……("cannot yet let every child ...") negates the formula after it (review 143: read as
the formula)."""

ENGLISH_NEGATION_HOSTS = frozenset(
    """
    do does did can could should must might need was were
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""The English auxiliaries a negation is written together with ("do" of "don't") and no
word before them: a discovered phrase that opens on the negation keeps the one before it
("do not support ..."), the phrase "don't support ..." says too. Not those that also
join the word before them ("is" of "it's not", "had" of "I'd not"): there the phrase
opens on the negation, as it must in "it's not ..." (unless the archive writes them
together with the negation, "isn't": see :attr:`discover.corpus._Corpus.contracted_before`)."""

ENGLISH_NEGATION_SUPPORTS = frozenset({"do", "does", "did"})
"""The English auxiliaries that carry a negation and say nothing else ("we *do* not want
..." for "we want ..."): a formula said negated is shown with it, `{+do not+} want ...`
(review 166: `{+not+} want ...`). Not a modal, which the formula's sentence says either
way ("should {+not+} uphold ...")."""

ENGLISH_COORDINATORS = frozenset({"and", "or"})
"""The English function words that join two parts of one kind ("peace *and* stability")."""

CHINESE_COORDINATORS = frozenset({"和", "与", "及", "或", "同", "跟"})
"""The Chinese function words that join two parts of one kind (和平*与*稳定; 同 and 跟 as
in 中国*同*巴基斯坦)."""

ENGLISH_CONTRASTIVES = frozenset({"but", "yet"})
"""The English words that open a clause contrasting with the one before: "Israel has the
right to defend itself, *but* how it does so matters", "we do not want war, *but* we are
not afraid of it" (reviews 146, 149: couplets with no row)."""

CHINESE_CONTRASTIVES = frozenset({"但", "但是", "而", "却", "然而"})
"""The same in Chinese: 和平无价，*但*……"""

ENGLISH_SUBORDINATORS = frozenset(
    {
        "as", "because", "since", "while", "whereas", "though", "although", "unless", "if",
        "whether", "whatever", "whichever", "whoever", "however", "which", "who", "whom",
        "whose", "that", "where", "when", "so", "even", "once", "until", "lest",
    }
)  # fmt: skip
"""The English words that open a clause of its own inside a sentence ("... *as* some
forces claim", "... *while* inflation falls"): words after a formula that open with one
say something more, they do not qualify it (see :mod:`consistency.check.runon`)."""

CHINESE_SUBORDINATORS = frozenset(
    {"因为", "由于", "虽然", "尽管", "如果", "即使", "只要", "只有", "除非", "既然", "以便", "以免"}
)
"""The same in Chinese: 因为 ("because"), 虽然 ("although"), 如果 ("if") ..."""

CHINESE_AND_WORDS = frozenset({"和", "与", "及", "同", "跟"})
"""The Chinese coordinators that all say "and" (not 或, "or"): one for another is
grammar (损害中美关系{-和-}{+与+}台海和平稳定 was a "new wording" card: review 79)."""

ENGLISH_REPORTING_VERBS = frozenset(
    {"said", "says", "told", "tells", "asked", "replied", "answered"}
)
"""English verbs that report speech, and only that ("stated", "added", "noted" are also
adjectives): "the PMOS said ..." frames who spoke, not what was said."""

ENGLISH_QUOTING = ENGLISH_REPORTING_VERBS | frozenset(
    {"say", "saying", "repeat", "repeats", "repeating", "tell", "telling"}
)
"""English verbs after which a question's words are someone else's, quoted: "You keep
*saying* those responsible must be held accountable, but ..." (review 163: journalists
quoting the spokesman's formulas back to him had them read as the language of the topic,
which both sides speak)."""

ENGLISH_SAYING_THAT = frozenset(
    """
    added adding noted noting stressed stressing insisted insisting reiterated reiterating
    explained explaining warned warning emphasised emphasized underlined stated clear
    responded responding confirmed confirming
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""English verbs that report speech when "that" follows them ("He *added that* the
Government would continue to consult", review 77: lobby summaries; "the PMOS *stressed
that* ...", "made *clear that*", review 87), and are other words elsewhere ("added
value", "the noted author", "a clear message")."""

ENGLISH_ASKING = frozenset(
    {
        "asked",
        "pressed",
        "questioned",
        "quizzed",
        "challenged",
        "put to",
        "was asked whether",
        "was asked if",
        "was asked about",
        "was asked why",
        "was asked how",
        "was asked what",
        "were asked whether",
        "were asked about",
        "was pressed on",
        "was challenged over",
        "was challenged on",
        "responding to a question",
        "in response to a question",
        "in answer to a question",
    }
)
"""English words that, opening a sentence, report a question put to the speaker: "*Asked*
whether there would be tax cuts in the autumn, the PMOS said ...", "*Pressed* on ...",
"When *asked* about ...", "*Responding to a question* whether ...", "*Put to* him that
...", "*Challenged* over ...", and after its subject "The PMOS *was asked whether* ..."
(review 87: a lobby summary's questions were 19 of its top 100 rows; reviews 108 and 112:
a question quoting a formula was counted as the government saying it, see
:func:`~consistency.segment.answer_start`)."""

ENGLISH_ADDRESSEES = frozenset({"us", "me", "you", "them", "him", "her"})
"""The English pronouns a telling verb takes before what is told: "you keep telling *us*
those responsible ..." (fresh-clone trial 182: the quote was read as the journalist's
own words)."""

ENGLISH_FIRST_PERSON = frozenset({"we", "i"})
"""The English pronouns of the speaker's side: reported, a name stands for them ("*We*
will stand with Ukraine" is "*the UK* would stand with Ukraine" in a lobby summary,
review 87)."""

ENGLISH_REFLEXIVES = frozenset(
    {"itself", "themselves", "ourselves", "myself", "yourself", "yourselves", "himself", "herself"}
)
"""The English reflexive pronouns: function words that close a verb's phrase as its
object, so a discovered phrase may end on one ("Israel has the right to defend
*itself*", review 159: the row was cut to "... to defend", and the formula, said on 82
dates, had none)."""

CHINESE_FIRST_PERSON = frozenset({"我们", "我", "我方"})
"""The Chinese pronouns of the speaker's side (see :data:`ENGLISH_FIRST_PERSON`)."""

ENGLISH_COPULAS = frozenset({"am", "is", "are", "be", "been", "being"})
"""English forms of "to be" a negation is said with where it takes a verb's place:
"Russia {-remains-}{+is no longer+} open to a political and diplomatic settlement"
(review 142: the gate passed it without a watchlist). "was", "were" are negation hosts."""

ENGLISH_CLEFTS = frozenset({"is that", "was that", "is to", "was to"})
"""English verb "to be" with the word after it where that opens what someone says or
means to do: "What I can tell you *is that* ...", "Our job *is to* protect ..." (a
pseudo-cleft)."""

CHINESE_REPORTING_VERBS = frozenset({"说", "指出", "称", "回答", "答"})
"""Chinese verbs that report speech (发言人*指出*); not 表示, which also expresses
(对此*表示*强烈不满, a formula)."""

ENGLISH_DETERMINERS = frozenset(
    "the a an this these those its their our his her my your any every each some such".split()  # noqa: SIM905
)
"""English function words that open a noun phrase: where a formula opens with one, another
one, with a word or none after it, stands in its place ("*a permanent* cessation of
hostilities agreement" for "the cessation of hostilities agreement"). Not "that", which
more often opens a clause ("we believe *that* denuclearization of the Peninsula ...")."""

CHINESE_DETERMINERS = frozenset({"这", "那", "该", "此", "这些", "那些", "各", "每"})
"""Chinese function words that open a noun phrase (这, 该, 各)."""

ENGLISH_POSSESSIVE_ENDINGS = frozenset({"'s"})
"""Endings that make an English word a possessive, which opens a noun phrase as a
determiner does: "*China's* Belt and Road Initiative" for "the Belt and Road Initiative".
(Chinese writes its possessive as a word of its own, 的.)"""

ENGLISH_OWNER_TURNS = frozenset({"the {} of {}"})
"""How English says a possessive the other way round, the thing owned in the first
``{}``, the owner in the second: "Japan's security" is "the security of Japan"."""


def has_ending(word: str, endings: tuple[str, ...]) -> bool:
    """Whether ``word`` ends with one of ``endings`` and is more than that ending (a
    possessive: "china's", not "'s")."""
    return word.endswith(endings) and word not in endings


ENGLISH_NEGATING_PREFIXES = frozenset({"un", "in", "im", "il", "ir", "non", "dis", "de", "anti"})
"""Prefixes that turn an English word into its opposite ("*in*stability", "*de*nuclearization",
"*un*changed"): such a word is not spelled like the word (see
:func:`~consistency.match.weights.prefixed`); "*re*unification" is ("unification")."""

FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": ENGLISH_FUNCTION_WORDS,
    "zh": CHINESE_FUNCTION_WORDS,
}
"""One function-word list per language (ISO 639-1 code)."""


class Tokeniser(Protocol):
    """The pluggable tokenising stage: text -> tokens with spans into that text.

    ``function_words`` lists the grammatical words (normalised) of the languages
    the tokeniser reads, which weigh less when matching and never open or
    close a discovered phrase. A tokeniser may also name, as ``negations``, the
    function words among them that negate what follows: those may open a
    discovered phrase (none when it does not say), and as ``negation_carriers`` the words
    that carry a negation before them on to what follows ("no *longer*"), and as
    ``negation_hosts`` those a negation is written together with ("do" of "don't"), as
    ``negation_supports`` those that carry one and say nothing else ("do"), and as
    ``copulas`` the forms of "to be" a negation is said with ("is no longer"), and as
    ``prohibitions`` the verbs that ask for what follows to end ("stop", 停止), for which a
    negation may stand, and as ``denials`` the verbs a negation before them turns into an
    affirmation ("not *exclude*", 不*排除*); and, as
    ``coordinators``, those
    that join two parts of one kind ("and", 和): one never stands for a word of a
    point that is not one ("Hong Kong affairs *and* China's internal affairs" is no
    "Hong Kong affairs *are* purely China's internal affairs"), and as ``and_words``
    those of them that say the same, one for another being grammar (和, 与), and as
    ``contrastives`` those that join a clause contrasting with the one before ("but", 但):
    discovery reads a couplet so made as one formula where it is said whole, and as
    ``subordinators`` those that open a clause of its own inside a sentence ("because",
    "while", 因为): words put after a formula that open with one (or with a coordinator or
    contrastive) do not qualify it; and, as
    ``negating_prefixes``, the prefixes that turn a word into its opposite ("in-"); and,
    as ``reporting_verbs``, the verbs that report speech ("said", 指出): discovery cuts a
    reporting frame off a phrase ("the PMOS said ..."), and as ``quoting`` those after which
    a journalist's words are someone else's ("you keep *saying* ..."): discovery does not
    count them as the journalists' own use of a phrase, nor after one of the
    ``addressees`` the verb takes ("telling *us* ..."); as ``saying_that`` those that
    report it when "that" follows ("he added that ..."), and as ``clefts`` the verb "to
    be" with the word after it where they open it ("what I can say *is that* ..."), and as
    ``asking`` the words that report a question when they open a sentence ("*Asked*
    whether ..., the PMOS said", "*Responding to a question* about ..."): discovery reads
    nothing of that clause; and, as ``first_person``, the pronouns of the speaker's side
    ("we", 我们), for which a name may stand at a formula's first word, as reported speech
    says it ("*the UK* would stand with ..."); and, as
    ``determiners``, the
    function words that open a noun phrase ("the", "a", 这): one may stand for another at
    a formula's first word ("*a permanent* cessation ..." for "the cessation ..."), as may
    a possessive, a word with one of its ``possessive_endings`` ("'s"), which its
    ``owner_turns`` say the other way round ("the {} of {}": "the security of Japan").
    And as ``reflexives``, the pronouns that close a verb's phrase as its object
    ("defend *itself*"), on which a discovered phrase may end.
    A ``revision`` (a string), where it has one, names how it cuts words: an index
    built under another revision is segmented again. A ``compound_joins(tokens)``, where
    it has one, tells which tokens are pieces of one word it cut for matching (see
    :meth:`WordTokeniser.compound_joins`): discovery opens and closes no phrase there.
    """

    name: str
    function_words: frozenset[str]

    def __call__(self, text: str, offset: int = 0) -> list[Token]: ...

    def __hash__(self) -> int: ...


class ColumnTokeniser(Tokeniser, Protocol):
    """A tokeniser that can also give its tokens as columns, without token objects.

    Optional: :func:`token_columns` uses ``columns`` where a tokeniser has it
    and builds the columns from the tokens otherwise.
    """

    def columns(self, text: str, offset: int = 0) -> tuple[list[str], list[int]]:
        """The token texts of ``text`` and their spans, flat: ``[start0, end0, start1, ...]``."""
        ...


_HAN = regex.compile(r"\p{Han}")


@cache
def _jieba() -> Any:
    """jieba's segmenter with its bundled dictionary, loaded once and quietly.

    jieba logs "Building prefix dict..." on stderr at its first use; that is
    noise in a command-line tool's output, so its logger is set to warnings.
    """
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    return segmenter


def _guessed_joins(tokens: Sequence[Token]) -> set[int]:
    """The positions ``k`` where single Han characters ``k - 1`` and ``k`` make one word as
    jieba guesses it from its model of unknown words (its HMM, which a reader's jieba cut
    applies to runs of single characters its dictionary lacks: 这|一 is 这一 "this", 互|鉴
    of 互学互鉴 is 互鉴). The tokens keep the dictionary's cut (the same string is always
    the same words); discovery opens and closes no phrase inside such a word (review 158:
    a row "一立场不会改变" of 这一立场不会改变)."""
    joins: set[int] = set()
    n = len(tokens)
    i = 0
    while i < n:
        j = i
        while (
            j < n
            and len(tokens[j].text) == 1
            and _HAN.match(tokens[j].text)
            and (j == i or tokens[j].start == tokens[j - 1].end)
        ):
            j += 1
        if j - i >= 2:
            joins.update(i + k for k in _model_joins("".join(t.text for t in tokens[i:j])))
        i = max(j, i + 1)
    return joins


@lru_cache(maxsize=1 << 14)
def _model_joins(block: str) -> tuple[int, ...]:
    """The character positions inside the words jieba's model of unknown words cuts
    ``block`` (single characters, together) into; none where the dictionary knows it."""
    if _jieba().FREQ.get(block):
        return ()
    from jieba import finalseg

    out: list[int] = []
    at = 0
    for word in finalseg.cut(block):
        out.extend(range(at + 1, at + len(word)))
        at += len(word)
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _settled_cut(run: str) -> tuple[int, ...]:
    """Word lengths of a Han run, each word a fixed point of the segmenter.

    jieba reads a word in context: the best cut of a sentence can hold a
    word that jieba would cut again when it stands alone. Such a word is cut
    again until every word, alone, is itself, so that the tokens of the
    normalised text (words joined by spaces) are the tokens themselves.
    """
    pieces = [b - a for _, a, b in _jieba().tokenize(run, HMM=False)]
    if len(pieces) == 1:
        return _compound_cut(run) or (len(run),)
    out: list[int] = []
    at = 0
    for size in pieces:
        out.extend(_settled_cut(run[at : at + size]))
        at += size
    return tuple(out)


COMPOUND_MIN = 4
"""A Chinese word this long or longer may be a compound of words (see :func:`_compound_cut`)."""


_COMPOUND_PIECES = 4
"""The most words a Chinese compound is told to be made of (see
:meth:`WordTokeniser.compound_joins`)."""


@lru_cache(maxsize=1 << 16)
def _compound_cut(word: str) -> tuple[int, ...] | None:
    """The lengths of the words a compound is made of, or None for a word of its own.

    jieba's dictionary holds phrases as words: 根本利益 ("fundamental interests"),
    强烈不满, 全面战略伙伴关系. Kept whole, the phrase is one token in one text
    and two in another where a word stands between its parts (根本 / 共同利益,
    "fundamental common interests"), and an alignment of the two is false
    ("{-根本利益-}{+根本+}"). So a word of :data:`COMPOUND_MIN` characters or more
    is cut into the words of jieba's best cut of it without itself, when each of
    them is a word of two characters or more; names (see
    :func:`~consistency.lexicon.is_han_name`: 乌鲁木齐) and words that would
    come apart into single characters (实实在在, 相向而行) stay whole.
    """
    if len(word) < COMPOUND_MIN or is_han_name(word):
        return None
    segmenter = _jieba()
    graph = segmenter.get_DAG(word)
    graph[0] = [end for end in graph[0] if end != len(word) - 1] or [0]
    route: dict[int, tuple[float, int]] = {}
    segmenter.calc(word, graph, route)
    pieces: list[str] = []
    at = 0
    while at < len(word):
        end = route[at][1] + 1
        pieces.append(word[at:end])
        at = end
    if min(map(len, pieces)) < 2:
        return None
    return tuple(n for piece in pieces for n in _settled_cut(piece))


@cache
def _traditional() -> Any:
    """A pattern of the characters OpenCC's traditional-to-simplified table changes
    (國, 發, 記, ...), read from the table OpenCC converts by; None where another
    release keeps it elsewhere (every run is then converted, more slowly)."""
    from importlib.resources import files

    try:
        table = files("opencc").joinpath("dictionary", "TSCharacters.txt")
        lines = table.read_text(encoding="utf-8").splitlines()
    except (OSError, ModuleNotFoundError):
        return None
    chars = "".join(
        line.split("\t", 1)[0]
        for line in lines
        if "\t" in line and len(line.split("\t", 1)[0]) == 1
    )
    return regex.compile("[" + regex.escape(chars, special_only=False) + "]") if chars else None


TRADITIONAL_SHARE = 0.05
"""The share of Han characters that only traditional writing uses from which a text is
written in traditional characters (see :func:`traditional`): a simplified text has next
to none (乾 of 乾隆), a traditional one a fifth or more (國, 發, 記, ...)."""


def traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional Chinese characters (Taiwan, Hong Kong):
    :data:`TRADITIONAL_SHARE` of its Han characters or more are ones OpenCC's table turns
    into others.

    >>> traditional("維護台海和平穩定是國際社會的共同利益"), traditional("中国的立场是一贯的")
    (True, False)
    """
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    changes = _traditional()
    if not han:
        return False
    if changes is None:
        changed = sum(a != b for a, b in zip(text, _to_simplified()(text), strict=False))
    else:
        changed = len(changes.findall(text))
    return changed >= TRADITIONAL_SHARE * han


@cache
def _to_simplified() -> Callable[[str], str]:
    from opencc import OpenCC

    return cast(Callable[[str], str], OpenCC("t2s").convert)


@lru_cache(maxsize=1 << 14)
def simplified(run: str) -> str:
    """A run of Han characters in simplified characters, one for one.

    Taiwan's and Hong Kong's briefings are written in traditional characters,
    which jieba's dictionary mostly lacks: 國防部新聞發言人 came out as single
    characters (國 / 防部 / 新 / 聞 / 發 / 言 / 人), so a phrase could start inside
    a word, and 國防部 and 国防部 were different words. OpenCC's conversion (by
    phrases: 著名 and 乾隆 stay, 乾淨 becomes 干净) gives the simplified run;
    segmented, its words keep the source's spans, one character for one. A run
    with no character the table changes is itself, and so is one whose
    conversion changes its length (none known).

    >>> simplified("國防部新聞發言人"), simplified("显著成效")
    ('国防部新闻发言人', '显著成效')
    """
    changes = _traditional()
    if changes is not None and not changes.search(run):
        return run
    out = _to_simplified()(run)
    return out if len(out) == len(run) else run


def han_words(run: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the Chinese words of a run of Han characters.

    jieba (dictionary only, no HMM guessing of new words: the same string
    is then cut the same way wherever it stands, names coming out as
    characters) segments the NFKC form of the run, which has one character
    per source character for Han text; a word it would cut again on its own
    is cut again (see :func:`_settled_cut`).

    >>> run = "和国际关系基本准则"
    >>> [run[a:b] for a, b in han_words(run)]
    ['和', '国际', '关系', '基本', '准则']
    """
    folded = unicodedata.normalize("NFKC", run)
    if len(folded) != len(run):
        folded = run
    out: list[tuple[int, int]] = []
    at = 0
    for size in _joined_characters(folded, _settled_cut(folded)):
        out.append((at, at + size))
        at += size
    return out


JOIN_LONGEST = 4
"""The longest word :func:`_joined_characters` makes of single characters."""


def _joined_characters(run: str, sizes: tuple[int, ...]) -> tuple[int, ...]:
    """``sizes`` with each stretch of single characters cut again into words of
    ordinary Chinese.

    jieba's dictionary (2013) lacks words of today's news (新冠 "COVID", 抗疫, 涉港,
    共赢, 两国, 澳方) and most names, which come out of it as single characters. Left
    so, a fragment may start inside such a word (方共同努力 out of 澳方共同努力), and
    新冠肺炎疫情 counts four words, not three, so that the noun alone holds two thirds of
    新冠肺炎疫情发生以来. So a stretch of single characters is cut as a unigram
    model cuts it, with the word frequencies of wordfreq's Chinese list (those that
    weigh words, see :mod:`consistency.lexicon`): the cut whose words, of up to
    :data:`JOIN_LONGEST` characters, are likeliest together (新冠 at Zipf 3.4 against
    新 at 6.1 and 冠 at 4.0 apart). A function word (:data:`CHINESE_FUNCTION_WORDS`: 之,
    同, 向, 这) stays a word of its own, as jieba cut it: wordfreq's list, itself cut by
    machine, holds 之海, 愿同 and 日向, which are no words. A stretch cuts the same
    wherever it stands, and a word made here is itself alone; words of two characters
    or more from jieba stay.
    """
    if sizes.count(1) < 2:
        return sizes
    out: list[int] = []
    k = at = 0
    while k < len(sizes):
        if sizes[k] != 1:
            out.append(sizes[k])
            at += sizes[k]
            k += 1
            continue
        end = k
        while end < len(sizes) and sizes[end] == 1 and run[at + end - k] not in _GRAMMAR:
            end += 1
        if end == k:
            out.append(1)
            at += 1
            k += 1
            continue
        out.extend(_unigram_cut(run[at : at + end - k]))
        at += end - k
        k = end
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _unigram_cut(chars: str) -> tuple[int, ...]:
    """Word lengths of the likeliest cut of ``chars`` by wordfreq's Chinese frequencies."""
    if len(chars) == 1:
        return (1,)
    freq = _han_frequencies()
    n = len(chars)
    best = [0.0] + [-math.inf] * n
    back = [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(max(0, j - JOIN_LONGEST), j):
            f = freq.get(chars[i:j])
            if f is None:
                if j - i > 1:
                    continue
                f = _UNSEEN_CHARACTER
            score = best[i] + math.log10(f)
            if score > best[j]:
                best[j], back[j] = score, i
    cut: list[int] = []
    j = n
    while j > 0:
        cut.append(j - back[j])
        j = back[j]
    return tuple(reversed(cut))


_GRAMMAR = frozenset(w for w in CHINESE_FUNCTION_WORDS if len(w) == 1)
"""The one-character function words, never joined to another character."""

_UNSEEN_CHARACTER = 1e-9
"""The frequency given a character wordfreq's list lacks (Zipf 0)."""


class WordTokeniser:
    """The default tokeniser: words as described in this module's docstring.

    Works for English and other languages written with spaces, and for
    Chinese (Han runs segmented into words by jieba), alone or mixed.
    """

    name = "words"
    revision = "11"
    """How it cuts words; an index built under another revision is segmented again.
    2: Chinese compounds are cut into their words (see :func:`_compound_cut`).
    3: single characters are joined into words of ordinary Chinese (see
    :func:`_joined_characters`). 4: traditional characters are read as simplified
    (see :func:`simplified`). 5: contractions are cut into their words (see
    :func:`contraction`). 6: a word a line break cuts after a hyphen is one word again
    (see :func:`_rejoined`). 7: one word alone in brackets is no token (see
    :func:`_without_asides`). 8: full-width Latin letters and square brackets are read
    as their ASCII forms there (［Ａ］ is an aside as [A] is). 9: an aside's brackets
    are a pair ("(A]" is none). 10: a contraction whose word a ligature lengthens is
    cut too ("ﬁʼm" as "fi'm"). 11: an ampersand joins an aside's word ("(CPV&OIA)")."""
    function_words = ENGLISH_FUNCTION_WORDS | CHINESE_FUNCTION_WORDS
    negations = ENGLISH_NEGATIONS | CHINESE_NEGATIONS
    negation_carriers = ENGLISH_NEGATION_CARRIERS | CHINESE_NEGATION_CARRIERS
    negation_hosts = ENGLISH_NEGATION_HOSTS
    negation_supports = ENGLISH_NEGATION_SUPPORTS
    copulas = ENGLISH_COPULAS
    prohibitions = ENGLISH_PROHIBITIONS | CHINESE_PROHIBITIONS
    denials = ENGLISH_DENIALS | CHINESE_DENIALS
    coordinators = ENGLISH_COORDINATORS | CHINESE_COORDINATORS
    and_words = CHINESE_AND_WORDS
    contrastives = ENGLISH_CONTRASTIVES | CHINESE_CONTRASTIVES
    subordinators = ENGLISH_SUBORDINATORS | CHINESE_SUBORDINATORS
    negating_prefixes = ENGLISH_NEGATING_PREFIXES
    reporting_verbs = ENGLISH_REPORTING_VERBS | CHINESE_REPORTING_VERBS
    quoting = ENGLISH_QUOTING | CHINESE_REPORTING_VERBS
    addressees = ENGLISH_ADDRESSEES
    saying_that = ENGLISH_SAYING_THAT
    clefts = ENGLISH_CLEFTS
    asking = ENGLISH_ASKING
    first_person = ENGLISH_FIRST_PERSON | CHINESE_FIRST_PERSON
    determiners = ENGLISH_DETERMINERS | CHINESE_DETERMINERS
    possessive_endings = ENGLISH_POSSESSIVE_ENDINGS
    owner_turns = ENGLISH_OWNER_TURNS
    reflexives = ENGLISH_REFLEXIVES

    def __call__(self, text: str, offset: int = 0) -> list[Token]:
        return make_tokens(*self.columns(text, offset))

    def compound_joins(self, tokens: Sequence[Token]) -> frozenset[int]:
        """The positions ``k`` where tokens ``k - 1`` and ``k`` are pieces of one word of
        the language, cut for matching: a Chinese compound of jieba's dictionary (see
        :func:`_compound_cut`: 冠状|病毒 of 冠状病毒). Discovery never opens or closes a
        phrase inside one (review 92: a row "病毒基因序列")."""
        joins: set[int] = set()
        known = _jieba().FREQ
        n = len(tokens)
        i = 0
        while i < n - 1:
            # left to right, the longest compound first, as a reader takes the words
            word, found = tokens[i].text, i
            for j in range(i + 1, min(n, i + _COMPOUND_PIECES) if _HAN.match(word) else i + 1):
                if tokens[j].start != tokens[j - 1].end or not _HAN.match(tokens[j].text):
                    break
                word += tokens[j].text
                if len(word) < COMPOUND_MIN or not known.get(word):
                    continue
                if _compound_cut(word) == tuple(len(t.text) for t in tokens[i : j + 1]):
                    found = j
            joins.update(range(i + 1, found + 1))
            i = found + 1
        return frozenset(joins | _guessed_joins(tokens))

    def columns(self, text: str, offset: int = 0) -> tuple[list[str], list[int]]:
        """What ``self(text, offset)`` gives, as columns (see :class:`ColumnTokeniser`)."""
        plain = text.translate(_PLAIN)
        if plain.isascii():
            words, spans = _ascii_columns(plain, offset)
        else:
            words, spans = _scanned_columns(text, offset)
        if "\n" in text and _LINE_BREAK.search(text):
            words, spans = _rejoined(text, offset, words, spans)
        if any(b in text for b in _BRACKETS):
            return _without_asides(text, offset, words, spans)
        return words, spans


_BRACKETS = "([（【［"
"""The brackets that open an aside (see :func:`_without_asides`)."""

_HALF_WIDTH = str.maketrans(
    {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in "（）"}
)
"""Full-width forms of ASCII (Ａ, ［) as ASCII, one character for one, but the full-width
round brackets, which are their own separators: asides are found in the text this gives,
so that "［Ａ］" is an aside as "[A]" is, and "ａ（ｂ）ｃ" none, as "a(b)c" is none."""

_WORD_INSIDE = r"\s*[\w\p{Pd}'\u2019.&]+?\s*"

_ASIDE = regex.compile(
    rf"(?<![\w\p{{Pd}}])(?:\({_WORD_INSIDE}\)|\[{_WORD_INSIDE}\])(?![\w\p{{Pd}}])"
    rf"|(?<![A-Za-z0-9])(?:（{_WORD_INSIDE}）|【{_WORD_INSIDE}】)(?![A-Za-z0-9])"
    r"|（\s*\p{Han}+\s*）|【\s*\p{Han}+\s*】"
)
"""One word alone in a pair of brackets: a run of word characters, dashes, dots,
ampersands and apostrophes ("(CPV&OIA)" is an aside as "(ER)" is: a review saw
"Secretary (CPV&OIA)" become "Secretary (ER)" shown as a word deleted, the new
title unmarked); "(A]" is no pair (explored: it was an aside, and "（Ａ］" none).
Half-width brackets stand apart from the words around them ("the (re)unification" is
no aside); full-width ones are their own separators (中方（完）), but beside a Latin
letter or a digit, as half-width ones are (see :data:`_HALF_WIDTH`), unless they hold Han
characters alone: "（四）8月商务运行情况" numbers an item (review 150: a plain diff showed
`{-四-}{+一+}）8月商务运行情况`, the item's place in the day's list, as a shift)."""


def aside_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` holds an aside of letters (see :data:`_ASIDE`): each pair of
    brackets with what they hold, as offsets into ``text``. The tokeniser drops the word
    inside; discovery reads no clause break at its brackets either ("the Hoang Sa
    *(Paracel)* and Truong Sa *(Spratly)* archipelagos" is one phrase: review 152).

    >>> aside_spans("over the Hoang Sa (Paracel) and the (re)unification (in 2 parts)")
    [(18, 27)]
    """
    stop = len(text) if end is None else end
    lo, hi = max(0, start - 1), min(len(text), stop + 1)  # the brackets' neighbours decide
    folded = text[lo:hi].translate(_HALF_WIDTH)
    return [
        (m.start() + lo, m.end() + lo)
        for m in _ASIDE.finditer(folded)
        if m.start() + lo >= start and m.end() + lo <= stop and any(c.isalpha() for c in m.group())
    ]


def _without_asides(
    text: str, offset: int, words: list[str], spans: list[int]
) -> tuple[list[str], list[int]]:
    """The columns without the token of each aside: one word alone in brackets (see
    this module's docstring). Where the brackets hold more than one token ("(COVID-19)"
    scans as two), all of them go; a bracketed phrase of several words ("(excluding
    Hubei Province)") is what the speaker said, and stays; so are numbers ("the Plan of
    Action (2026-2030)", "(3)"): a figure in brackets is content."""
    cuts = [(a + offset, b + offset) for a, b in aside_spans(text)]
    if not cuts:
        return words, spans
    starts = spans[0::2]
    drop: set[int] = set()
    for a, b in cuts:
        k = bisect_left(starts, a)
        inside = []
        while k < len(words) and spans[2 * k + 1] <= b:
            inside.append(k)
            k += 1
        if len(inside) == 1 or (inside and _one_written_word(text, offset, a, b)):
            drop.update(inside)
    if not drop:
        return words, spans
    keep = [k for k in range(len(words)) if k not in drop]
    return [words[k] for k in keep], [n for k in keep for n in (spans[2 * k], spans[2 * k + 1])]


def _one_written_word(text: str, offset: int, start: int, end: int) -> bool:
    """Whether the brackets at ``start:end`` hold one word as written, with no space in it
    ("(COVID-19)", "(U.S.)"). Not a Han run jieba cuts in two: Chinese writes no spaces,
    and （外交部发言人） is two words."""
    inner = text[start - offset + 1 : end - offset - 1].strip()
    return not (any(c.isspace() for c in inner) or _HAN.search(inner))


_LINE_BREAK = re.compile(r"[-\u00ad\u2010][ \t]*\r?\n[ \t]*")
"""A hyphen that ends a line, and the line break after it."""


def _rejoined(
    text: str, offset: int, words: list[str], spans: list[int]
) -> tuple[list[str], list[int]]:
    """The columns with each word a line break cut in two after a hyphen made one again
    ("to pro-⏎tect Japanese nationals": a review found the formula lost, and the gate
    failing on ``{-protect-}{+pro- tect+}``), its span taking in the break. Only where the
    line goes on in lower case and the whole word is more common in ordinary language
    than its two halves as two words (see :func:`~consistency.lexicon.phrase_zipf`):
    "inter-⏎national" is "international", "well-⏎known" stays "well known", as
    "well-known" is; "Indo-⏎Pacific" stays "indo pacific"."""
    ends = spans[1::2]
    joins: set[int] = set()
    for m in _LINE_BREAK.finditer(text):
        k = bisect_left(ends, m.start() + offset)
        if (
            k + 1 < len(words)
            and ends[k] == m.start() + offset
            and spans[2 * k + 2] == m.end() + offset
            and text[m.end()].islower()
            and _one_word(words[k], words[k + 1])
        ):
            joins.add(k)
    if not joins:
        return words, spans
    out: list[str] = []
    cut: list[int] = []
    k = 0
    while k < len(words):
        if k in joins:
            out.append(words[k] + words[k + 1])
            cut += (spans[2 * k], spans[2 * k + 3])
            k += 2
        else:
            out.append(words[k])
            cut += (spans[2 * k], spans[2 * k + 1])
            k += 1
    return out, cut


def _one_word(head: str, tail: str) -> bool:
    """Whether ``head`` and ``tail``, a word's halves, are one word of ordinary language."""
    if not (head.isalpha() and tail.isalpha()):
        return False
    whole = zipf(head + tail)
    return whole > UNSEEN_ZIPF and whole > phrase_zipf((head, tail))


def make_tokens(words: Sequence[str], spans: Sequence[int]) -> list[Token]:
    """Tokens from columns: ``words`` and their flat spans ``[start0, end0, start1, ...]``.

    Built by ``tuple.__new__``, which skips the named tuple's Python-level
    constructor (half the cost for the millions of tokens of an archive).
    """
    at = iter(spans)
    made: Iterable[Token] = map(tuple.__new__, repeat(Token), zip(words, at, at, strict=True))
    return cast(list[Token], list(made))


def _flat(tokens: Sequence[Token]) -> tuple[list[str], list[int]]:
    """The columns of ``tokens`` (see :class:`ColumnTokeniser`)."""
    return [t.text for t in tokens], [n for t in tokens for n in (t.start, t.end)]


def _ascii_columns(text: str, offset: int) -> tuple[list[str], list[int]]:
    """The tokens of ``text`` (ASCII characters only) as columns.

    The standard library's ``re`` scans such text several times faster than
    ``regex`` does (``_SCAN`` and ``_ASCII_SCAN`` find the same words in it; a
    property test checks it). ``split`` with the scan as its one group gives the
    gaps and the words in turn, so the running sum of their lengths is every
    word's start and end, with no match object per word.
    """
    pieces = _ASCII_SPLIT.split(text)
    found = pieces[1::2]
    spans = list(accumulate(map(len, pieces), initial=offset))[1:-1]
    words = list(map(_ASCII_WORDS.__getitem__, found))
    if "" in words:
        keep = [k for k, w in enumerate(words) if w]
        words = [words[k] for k in keep]
        spans = [n for k in keep for n in (spans[2 * k], spans[2 * k + 1])]
    if len(_ASCII_SPLITS) > _KNOWN_LIMIT:
        return _split_contractions(words, spans, None)
    if _ASCII_SPLITS and not _ASCII_SPLITS.keys().isdisjoint(words):
        return _split_contractions(words, spans, _ASCII_SPLITS)
    return words, spans


def _scanned_columns(text: str, offset: int) -> tuple[list[str], list[int]]:
    """The tokens of ``text`` by :data:`_SCAN` and :func:`normalise_word`, as columns."""
    words: list[str] = []
    spans: list[int] = []
    for m in _SCAN.finditer(text):
        found = m.group()
        start = m.start() + offset
        if _HAN.match(found):
            folded = unicodedata.normalize("NFKC", found)
            found = simplified(folded if len(folded) == len(found) else found)
            for a, b in han_words(found):
                word = normalise_word(found[a:b])
                if word:
                    words.append(word)
                    spans += (start + a, start + b)
            continue
        word = normalise_word(found)
        if word:
            words.append(word)
            spans += (start, m.end() + offset)
    joined = "\x00".join(words)
    if "'" in joined or "cannot" in joined:
        return _split_contractions(words, spans, None, (text, offset))
    return words, spans


def _scanned_tokens(text: str, offset: int) -> list[Token]:
    """The tokens of ``text`` by :data:`_SCAN` alone (what the ASCII path must equal)."""
    return make_tokens(*_scanned_columns(text, offset))


TOKENISERS: dict[str, Tokeniser] = {"words": WordTokeniser()}
DEFAULT_TOKENISER: Tokeniser = TOKENISERS["words"]


def revision(tokeniser: Tokeniser | None) -> str:
    """How the tokeniser (the default one when ``None``) cuts words: its ``revision``, ""
    where it names none (see :class:`Tokeniser`)."""
    return str(getattr(tokeniser or DEFAULT_TOKENISER, "revision", ""))


def named_words(tokeniser: Tokeniser | None, name: str) -> frozenset[str]:
    """What the tokeniser (the default one when ``None``) names as ``name``:
    ``"negations"``, ``"negation_carriers"``, ``"negation_hosts"``,
    ``"negation_supports"``, ``"copulas"``,
    ``"prohibitions"``, ``"denials"``, ``"coordinators"``,
    ``"and_words"``, ``"contrastives"``, ``"subordinators"``, ``"negating_prefixes"``,
    ``"reporting_verbs"``, ``"quoting"``, ``"addressees"``, ``"saying_that"``, ``"clefts"``,
    ``"asking"``,
    ``"first_person"``, ``"determiners"``, ``"possessive_endings"``, ``"owner_turns"`` or
    ``"reflexives"`` (see :class:`Tokeniser`); none where it names none."""
    return frozenset(getattr(tokeniser or DEFAULT_TOKENISER, name, ()))


@dataclass(frozen=True)
class Grammar:
    """The words a tokeniser names by the part they play in a sentence (see
    :class:`Tokeniser`), read from it once: the matching engine's rules take them as one
    value. A set the tokeniser does not name is empty, and the rules that read it apply
    nowhere."""

    negations: frozenset[str] = frozenset()
    negation_carriers: frozenset[str] = frozenset()
    negation_supports: frozenset[str] = frozenset()
    negating_prefixes: frozenset[str] = frozenset()
    denials: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    possessive_endings: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()


NO_GRAMMAR = Grammar()
"""The grammar of a tokeniser that names no word."""


@lru_cache(maxsize=16)
def grammar_of(tokeniser: Tokeniser | None) -> Grammar:
    """The :class:`Grammar` the tokeniser (the default one when ``None``) names."""
    return Grammar(**{f.name: named_words(tokeniser, f.name) for f in fields(Grammar)})


def tokenise(text: str, offset: int = 0, *, tokeniser: Tokeniser | None = None) -> list[Token]:
    """Tokens of ``text``; spans are shifted by ``offset`` (the text's place in its document).

    Short texts (wordings, diffs) are tokenised again and again across a run, so
    those are cached.

    >>> [t.text for t in tokenise("The U.S.-China “win-win” approach")]
    ['the', 'us', 'china', 'win', 'win', 'approach']
    """
    tok = tokeniser or DEFAULT_TOKENISER
    if offset == 0 and len(text) <= _CACHED_LENGTH:
        return list(_tokenise_cached(text, tok))
    return tok(text, offset)


_CACHED_LENGTH = 400


def token_columns(
    text: str, offset: int = 0, *, tokeniser: Tokeniser | None = None
) -> tuple[list[str], list[int]]:
    """:func:`tokenise` as columns: the token texts and their flat spans.

    ``[start0, end0, start1, end1, ...]``: what an archive packs, built
    without a token object per word where the tokeniser can (see
    :class:`ColumnTokeniser`).

    >>> token_columns("The U.S.-China", 10)
    (['the', 'us', 'china'], [10, 13, 14, 18, 19, 24])
    """
    tok = tokeniser or DEFAULT_TOKENISER
    if _has_columns(type(tok)):
        return cast(ColumnTokeniser, tok).columns(text, offset)
    return _flat(tokenise(text, offset, tokeniser=tok))


@cache
def _has_columns(kind: type) -> bool:
    """Whether ``kind`` has a ``columns`` method that goes with its ``__call__``.

    A subclass that overrides ``__call__`` but not ``columns`` (of
    :class:`WordTokeniser`, say) must not get its parent's columns.
    """
    call = next((c for c in kind.__mro__ if "__call__" in vars(c)), object)
    columns = next((c for c in kind.__mro__ if "columns" in vars(c)), None)
    return columns is not None and issubclass(columns, call)


@lru_cache(maxsize=1 << 16)
def _tokenise_cached(text: str, tokeniser: Tokeniser) -> tuple[Token, ...]:
    return tuple(tokeniser(text, 0))


def normalise(text: str, *, tokeniser: Tokeniser | None = None) -> str:
    """The normalised form of ``text``: its tokens joined by single spaces.

    Two texts are the same wording exactly when their normalised forms are equal.

    >>> normalise("A sea of peace, friendship and co-operation.")
    'a sea of peace friendship and co operation'
    """
    tok = tokeniser or DEFAULT_TOKENISER
    if len(text) <= _CACHED_LENGTH:
        return _normalised_cached(text, tok)
    return " ".join(t.text for t in tok(text, 0))


@lru_cache(maxsize=1 << 16)
def _normalised_cached(text: str, tokeniser: Tokeniser) -> str:
    return " ".join(t.text for t in _tokenise_cached(text, tokeniser))


def words(tokens: Sequence[Token]) -> list[str]:
    """The token texts of ``tokens``."""
    return [t.text for t in tokens]
