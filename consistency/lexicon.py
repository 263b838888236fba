"""Ordinary-language word frequencies: the background model.

The matcher weighs a word by how rare it is in *ordinary* language, and
discovery ranks a phrase by how much more often the briefings use it than
ordinary language does. Both read the frequencies from here, so that a
word's weight is a property of the word, never of which briefings happen to be
in the corpus (a span found in one briefing is the same span inside any corpus).

The frequencies come from `wordfreq <https://pypi.org/project/wordfreq/>`_,
which ships word lists for English, Chinese and about 40 other languages in its
wheel (no download at run time). The language of a word is told by its
script: a word with Han characters is looked up in the Chinese list, any other
in the English one. Both lists are keyed by the same normalised forms the
tokeniser produces (lower case, plain apostrophes).
"""

from __future__ import annotations

import ast
import gzip
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import msgpack
import regex

MAX_ZIPF = 8.0
"""Zipf value of the most frequent words ("the" is 7.7, "的" 7.8)."""

UNSEEN_ZIPF = 1.0
"""Zipf value given to a word neither list knows (names, numbers, coinages)."""

_HAN = regex.compile(r"\p{Han}")


def language_of(word: str) -> str:
    """``"zh"`` for a word with Han characters, else ``"en"``.

    >>> language_of("中国"), language_of("asean")
    ('zh', 'en')
    """
    return "zh" if _HAN.search(word) else "en"


CUT_SHORT = 2
"""Characters a word cut short keeps at least (see :func:`cut_short`)."""

IDIOM_TAG = "i"
"""jieba's part-of-speech tag of an idiom (成语, most of four characters). Not its set
phrases ("l", 习用语), most of them compound nouns: 两国关系 "relations between the two
countries" is no 两国 "the two countries" said short."""


_ENGLISH_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = (
    {w: str(n) for n, w in enumerate(_ENGLISH_NUMBERS.split())}
    | {w: str(n) for n, w in enumerate("零一二三四五六七八九十")}
    | {"两": "2"}
)
"""Number words and the digits they stand for: English to twenty, Chinese numerals of one
character (两 is "two" too)."""


def number_word(word: str) -> bool:
    """Whether ``word`` is a number, in digits or in words (see :data:`_NUMBER_WORDS`).

    >>> number_word("12"), number_word("twelve"), number_word("三"), number_word("staff")
    (True, True, True, False)
    """
    return word.isdigit() or word in _NUMBER_WORDS


SCALE_WORDS = frozenset("hundred thousand million billion trillion 百 千 万 亿 万亿".split())  # noqa: SIM905
"""Words that scale the number in digits before them, as the tokeniser yields them: "1.5
*million*", 6*万*, 1.2*万亿* (jieba keeps 万 with a word after it, 万人, and then it is
that word)."""


def numbers_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two wordings differ only in their numbers, being the same words otherwise, in
    the same order. A count or a date in a recurring phrase is not its wording ("The
    delegation included {-10-}{+9+} members of Congress", "举办了第{-7-}{+11+}届"). A number
    is a word with a digit in it and the :data:`SCALE_WORDS` after it, one or more (review
    101: "{-8.8 million-}{+58,239+} people have fled their homes" was a shift,
    "{-12,000-}{+15,000+}" was not; review 151: "{-2 hundred-}{+6+} million dollars"). An
    approximator is no part of it: "{-some 43,500-}{+1.5 million+}" leaves out a hedge,
    and "more than" or "fewer than" say what the figure claims. Numbers in words
    are left out: "one country, two systems" is a formula's own; but a date in Chinese
    numerals is a number (see :func:`han_date`).

    >>> numbers_apart(["included", "10", "members"], ["included", "9", "members"])
    True
    >>> numbers_apart(["tell", "8.8", "million", "people"], ["tell", "58239", "people"])
    True
    >>> numbers_apart(["provide", "2", "hundred", "million"], ["provide", "6", "million"])
    True
    >>> numbers_apart(["one", "china"], ["two", "china"])
    False
    """

    def words(wording: Sequence[str]) -> list[str]:
        kept: list[str] = []
        number = False
        for w in wording:
            if any(c.isdigit() for c in w) or han_date(w):
                number = True
            elif not (number and w in SCALE_WORDS):
                number = False
                kept.append(w)
        return kept

    return list(a) != list(b) and words(a) == words(b)


def has_digit(word: str) -> bool:
    """Whether ``word`` holds a digit ("12", "3.0", "G20").

    >>> has_digit("G20"), has_digit("twenty")
    (True, False)
    """
    return any(c.isdigit() for c in word)


def numbers_in(words: Sequence[str]) -> tuple[str, ...]:
    """The words of ``words`` that hold a digit, in order.

    >>> numbers_in(["the", "12", "principles"])
    ('12',)
    """
    return tuple(filter(has_digit, words))


_HAN_DATE = regex.compile(
    r"[〇零一二三四五六七八九十两]{1,3}[月日号號]|[〇零一二三四五六七八九]{4}年"
)
"""A month, a day or a year in Chinese numerals: 四月, 二十九日, 二〇二五年."""


def han_date(word: str) -> bool:
    """Whether ``word`` is a month, a day or a year written in Chinese numerals: a date,
    as "29 April" is (review 118: "今日（{-四月二十九日-}{+五月六日+}）" was a shift in every
    diff of a Chief Executive's sessions). A count in numerals is a word: 一个中国, 三项,
    五年规划 ("five-year plan": a year is four numerals).

    >>> han_date("四月"), han_date("二十九日"), han_date("二〇二五年"), han_date("五年")
    (True, True, True, False)
    """
    return _HAN_DATE.fullmatch(word) is not None


def same_number(a: str, b: str) -> bool:
    """Whether one word is a number written in digits and the other the same number in
    words: "three" and "3", 三 and 3 (review 65: "Japan's policy of upholding the
    {-three-}{+3+} non-nuclear principles" was a card and failed the gate).

    >>> same_number("three", "3"), same_number("3", "三"), same_number("three", "4")
    (True, True, False)
    """
    return (
        a != b
        and _NUMBER_WORDS.get(a, a) == _NUMBER_WORDS.get(b, b)
        and (a.isdigit() or b.isdigit())
    )


def cut_short(a: str, b: str) -> bool:
    """Whether one word is the other cut short: an idiom of the Chinese segmenter's
    dictionary (see :data:`IDIOM_TAG`) and its first half, or less, of :data:`CUT_SHORT`
    characters at least, as 坚定 ("firm") of 坚定不移 ("unswerving"). The segmenter keeps
    an idiom one word, so a formula that drops its second half
    ("坚定{-不移-}走和平发展道路", a review) has otherwise lost a whole word of the formula
    and is not found at all. Not a compound noun and its first word (两国人民 "the two
    peoples" is no 两国 "the two countries" said short), never an alphabetic word: its
    forms are its spellings and lemmas (see :func:`consistency.match.weights.similarity`).

    >>> cut_short("坚定", "坚定不移"), cut_short("两国", "两国人民"), cut_short("in", "inland")
    (True, False, False)
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (
        len(short) >= CUT_SHORT
        and 2 * len(short) <= len(long)
        and long.startswith(short)
        and is_han(long)
        and _han_tags().get(long) == IDIOM_TAG
    )


_HAN_WORD = regex.compile(r"\p{Han}+")


def is_han(word: str) -> bool:
    """Whether ``word`` is all Han characters."""
    return _HAN_WORD.fullmatch(word) is not None


@cache
def _frequencies(lang: str) -> dict[str, float]:
    """wordfreq's list for ``lang`` as ``wordfreq.get_frequency_dict(lang)`` gives it.

    Read from wordfreq's own file (its documented "cBpack": gzipped msgpack, a header then
    one list of words per centibel of frequency) without importing wordfreq, whose import
    (ftfy, langcodes) costs as much as the read: a warm run weighs a few words only.
    """
    found = _read_word_list(lang)
    if found is None:
        from wordfreq import get_frequency_dict

        return get_frequency_dict(lang, wordlist="best")
    return found


def _read_word_list(lang: str) -> dict[str, float] | None:
    """wordfreq's file for ``lang`` read directly, or None where it is not laid out as this
    reads it (another wordfreq release): wordfreq itself is then asked."""
    spec = find_spec("wordfreq")
    folder = spec.submodule_search_locations if spec else None
    path = Path(folder[0], "data", f"large_{lang}.msgpack.gz") if folder else None
    if path is None or not path.is_file():
        return None
    try:
        with gzip.open(path, "rb") as packed:
            header, *buckets = msgpack.unpackb(packed.read(), raw=False)
        if header != {"format": "cB", "version": 1}:
            return None
        frequencies: dict[str, float] = {}
        for index, bucket in enumerate(buckets):
            # wordfreq's cB_to_freq
            frequencies.update(dict.fromkeys(bucket, 10 ** (-index / 100)))
    except (OSError, ValueError, TypeError):
        return None
    return frequencies


@dataclass(frozen=True)
class Calendar:
    """The words of a language that tell a time of the calendar, from dateparser's
    locale data (drawn from Unicode CLDR; 200 languages): what makes "last week",
    "the past few days", 上个月 a time and not a talking point.

    ``units``: the units of time ("week", "days", 小时); ``names``: the days of the week
    and the months, written out ("monday", "december", 星期一); ``deictics``: the single
    words that name a day, week, month or year from today ("today", "tomorrow", 去年);
    ``modifiers``: the words that do so before a unit ("*last* week", "*next* year").
    Abbreviations (units under three letters, names under four: "mo", "wed", and "may",
    a modal too) and single Han characters (日 is also Japan, 周 a surname) are left out:
    they are words of their own too.
    """

    units: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    deictics: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()

    def __contains__(self, word: object) -> bool:
        return word in self.units or word in self.names or word in self.deictics


_CALENDAR_UNITS = (  # noqa: SIM905 - a word list reads better as text
    "year month fortnight week day hour decade century morning afternoon evening night"
).split()
_CALENDAR_NAMES = (  # noqa: SIM905
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday"
).split()
_CALENDAR_SPANS = frozenset({"day", "week", "fortnight", "month", "year", "decade", "century"})
"""The units of the relative dates whose words are read ("1 week ago": "last week"); not
"now" (an hour, a second ago), said of anything."""


def _calendar_info(lang: str) -> dict[str, Any] | None:
    """dateparser's locale data for ``lang``, read from its file without importing
    dateparser (its import loads time zones); from its module where the file is not laid
    out as this reads it (another dateparser release); None for a language it lacks."""
    spec = find_spec("dateparser")
    folder = spec.submodule_search_locations if spec else None
    path = Path(folder[0], "data", "date_translation_data", f"{lang}.py") if folder else None
    try:
        if path is not None and path.is_file():
            (statement,) = ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(statement, ast.Assign):
                info = ast.literal_eval(statement.value)
                if isinstance(info, dict):
                    return info
    except (OSError, SyntaxError, ValueError):
        pass
    try:
        module = import_module(f"dateparser.data.date_translation_data.{lang}")
    except ImportError:
        return None
    found: dict[str, Any] = module.info
    return found


@cache
def calendar(lang: str) -> Calendar:
    """The calendar words of ``lang`` (``"en"``, ``"zh"``, ...); an empty calendar where
    dateparser has none."""
    info = _calendar_info(lang)
    if info is None:
        return Calendar()

    def words(entries: Iterable[str], shortest: int) -> set[str]:
        return {
            w.lower()
            for w in entries
            if " " not in w and (len(w) >= shortest if w.isascii() else len(w) > 1)
        }

    units = set().union(*(words(info.get(k, ()), 3) for k in _CALENDAR_UNITS))
    names = set().union(*(words(info.get(k, ()), 4) for k in _CALENDAR_NAMES))
    deictics: set[str] = set()
    modifiers: set[str] = set()
    for key, said in info.get("relative-type", {}).items():
        if not _CALENDAR_SPANS.intersection(key.split()):
            continue
        deictics |= words(said, 3)
        for phrase in said:
            parts = phrase.lower().split()
            if len(parts) == 2 and parts[1] in units:
                modifiers.add(parts[0])
    return Calendar(
        frozenset(units), frozenset(names), frozenset(deictics - units), frozenset(modifiers)
    )


def times_apart(a: Sequence[str], b: Sequence[str], function_words: Collection[str]) -> bool:
    """Whether two wordings differ only in the times they name: each stretch of words one
    says and the other not holds a calendar word of its language (see :func:`calendar`)
    and nothing but calendar words, their modifiers, numbers and ``function_words``. The
    diary's time in a recurring phrase is not its wording, as a count is not (see
    :func:`numbers_apart`): "energy company bosses at Chequers {-next week-}{+on
    Monday+} to discuss" (review 153 G4), "shut for several hours {+on+} Thursday" (a
    function word beside a calendar word, review 154 G3); "{-is hosting-}{+met+} ...
    {-next week-}" is a change of more than the time.

    >>> times_apart(["talks", "next", "week"], ["talks", "on", "monday"], {"on"})
    True
    >>> times_apart(["will", "meet", "today"], ["met", "yesterday"], ())
    False
    """
    if list(a) == list(b):
        return False

    def dated(word: str) -> bool:
        return word in calendar(language_of(word))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        changed = [*a[i1:i2], *b[j1:j2]]
        beside = [*a[i1 - 1 : i1], *a[i2 : i2 + 1], *b[j1 - 1 : j1], *b[j2 : j2 + 1]]
        if not any(dated(w) for w in changed) and not (
            # a function word put in or left out before a time: "{+on+} Thursday"
            any(dated(w) for w in beside) and all(w in function_words for w in changed)
        ):
            return False
        if not all(
            dated(w)
            or w in calendar(language_of(w)).modifiers
            or w in function_words
            or has_digit(w)
            for w in changed
        ):
            return False
    return True


def han_frequencies() -> dict[str, float]:
    """wordfreq's Chinese words and their frequencies (a share of all words)."""
    return _frequencies("zh")


@lru_cache(maxsize=1 << 18)
def zipf(word: str) -> float:
    """The word's Zipf frequency in ordinary language: log10 of uses per billion words.

    7 and above: function words ("the", "of", "的"); 5-6: everyday words
    ("people", "important"); 3-4: rarer words ("sincerity", "inclusiveness" is
    about 1.5); :data:`UNSEEN_ZIPF` for words the lists do not have.

    >>> zipf("the") > 7 > zipf("sincerity")
    True
    """
    freq = _frequencies(language_of(word)).get(word)
    if not freq:
        return UNSEEN_ZIPF
    return max(UNSEEN_ZIPF, min(MAX_ZIPF, math.log10(freq) + 9.0))


@lru_cache(maxsize=1 << 16)
def lemmas(word: str) -> frozenset[str]:
    """The dictionary forms an English word may be an inflection of (none for a word of
    another script, or one the dictionary lacks): "playing" -> {"play"}, "building" ->
    {"building", "build"}, "authorities" -> {"authority"}. Inflection is what sets
    "*playing* a constructive role" apart from "play a constructive role", and in a short
    word it weighs too much for a spelling ratio (0.73 for "play"/"playing").

    From `LemmInflect <https://pypi.org/project/lemminflect/>`_'s lookup table (80,000
    English forms, from the SPECIALIST Lexicon, shipped in its wheel): a lookup, no
    model, so a word's lemmas never depend on its sentence. Han words do not inflect.

    >>> sorted(lemmas("playing")), sorted(lemmas("building")), lemmas("中国")
    (['play'], ['build', 'building'], frozenset())
    """
    if language_of(word) != "en":
        return frozenset()
    # the case of the word asked for, as lemminflect gives it
    case = str.upper if word.isupper() else str.capitalize if word[:1].isupper() else str.lower
    return frozenset(case(lemma) for forms in _by_category(word).values() for lemma in forms)


def verb_lemmas(word: str) -> frozenset[str]:
    """The verbs an English word may be a form of ("seen": see; "noted": note), none for
    a word the dictionary knows as no verb."""
    if language_of(word) != "en":
        return frozenset()
    return frozenset(_by_category(word.lower()).get("VERB", ()))


def _by_category(word: str) -> dict[str, tuple[str, ...]]:
    """``getAllLemmas(word)``: the word's lemmas by category ("ADJ", "VERB", ...), from
    LemmInflect's table as :func:`_lemma_table` keeps it, or from LemmInflect itself where
    the table is not laid out as this reads it."""
    key = word.lower()
    kept = _lemma_table()
    if kept is not None:
        table, overrides = kept
        by_pos: dict[str, tuple[str, ...]] = {}
        for line in table.get(key, ()):
            parts = line.split(",")
            if len(parts) != 3:
                break
            _, category, forms = parts
            category = "AUX" if category.upper() == "MODAL" else category.upper()
            by_pos[category] = tuple(forms.split("/"))
        else:
            by_pos.update(overrides.get(key, {}))
            return by_pos
    from lemminflect import getAllLemmas

    found: dict[str, tuple[str, ...]] = getAllLemmas(key)
    return found


@cache
def _lemma_table() -> tuple[dict[str, list[str]], dict[str, dict[str, tuple[str, ...]]]] | None:
    """LemmInflect's lookup table and its overrides, as ``getAllLemmas`` reads them, or None
    where another release lays them out otherwise (LemmInflect itself is then asked).

    The table's lines (``word,category,lemma/lemma``) are only grouped by word here, and a
    word's parsed when it is looked up: LemmInflect parses all 80,000 when it loads
    (0.3 s, more than a ``check`` spends on everything else it weighs).
    """
    try:
        from lemminflect import config
        from lemminflect.codecs.OverridesCodec import OverridesCodec

        with gzip.open(config.lemma_lu_fn, "rb") as packed:
            text = packed.read().decode()
        overrides: dict[str, dict[str, tuple[str, ...]]] = OverridesCodec.load(
            config.lemma_overrides_fn
        )
    except (ImportError, AttributeError, OSError, ValueError, TypeError):
        return None
    table: dict[str, list[str]] = {}
    for line in text.split("\n"):  # as LemmInflect reads the file: by "\n" alone
        line = line.strip()
        if line:
            table.setdefault(line.partition(",")[0], []).append(line)
    return table, overrides


def phrase_zipf(words: Iterable[str]) -> float:
    """Zipf frequency of a phrase in ordinary language, by wordfreq's rule for several words.

    ``1 / f = 1 / f1 + 1 / f2 + ...``: the phrase is rarer than each of its words
    and its rarest word dominates. This is an *upper* bound on how often the
    phrase occurs (it assumes the words always come together); wordfreq
    divides further by 10 per word break it had to guess in Chinese, which
    is left out here in both languages, so that a phrase counts as ordinary
    unless the briefings use it more than ordinary language uses its rarest
    word.

    >>> round(phrase_zipf(["around", "the", "world"]), 1)
    5.5
    """
    total = sum(10.0 ** -zipf(w) for w in words)
    return -math.log10(total) if total else MAX_ZIPF


NAME_TAGS = frozenset({"nr", "ns", "nt"})
"""jieba's part-of-speech tags of names: people, places, organisations."""


@cache
def _han_tags() -> dict[str, str]:
    """jieba's dictionary: word -> part-of-speech tag (read once, only for Chinese text)."""
    import jieba.posseg

    tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
    return tags


@lru_cache(maxsize=1 << 16)
def is_han_name(word: str) -> bool:
    """Whether jieba's dictionary tags this Chinese word as a person, place or
    organisation (香港, 新疆, 亚太): Han script has no capitals to show a name.

    >>> is_han_name("香港"), is_han_name("人类"), is_han_name("Hong")
    (True, False, False)
    """
    return bool(_HAN.search(word)) and _han_tags().get(word, "")[:2] in NAME_TAGS


def unknown_han(word: str) -> bool:
    """Whether this Chinese word of two characters or more is none of jieba's dictionary:
    a name transliterated in a way the dictionary lacks (吐瓦鲁, Taiwan's Tuvalu; its 图瓦卢
    is there), or a coinage.

    >>> unknown_han("吐瓦鲁"), unknown_han("图瓦卢"), unknown_han("人类"), unknown_han("Tuvalu")
    (True, False, False, False)
    """
    return len(word) >= 2 and is_han(word) and word not in _han_tags()


@lru_cache(maxsize=1 << 14)
def is_preposition(word: str) -> bool:
    """Whether jieba's dictionary tags this Chinese word as a preposition (通过, 按照, 在):
    a negation before one negates the verb phrase it opens (不再*通过*对话协商解决问题).
    English prepositions are not told (LemmInflect lists open classes only).

    >>> is_preposition("通过"), is_preposition("对话"), is_preposition("through")
    (True, False, False)
    """
    return bool(_HAN.search(word)) and _han_tags().get(word) == "p"


_QUALIFYING = frozenset({"ADJ", "ADV"})
"""LemmInflect's categories of a word that may stand between a determiner and its noun."""

_QUALIFYING_TAGS = ("a", "b", "nr", "ns", "nt")
"""jieba's tags of the same: adjectives (a, ad, an), distinguishing words (b), names."""


_PARTICIPLE = ("ed", "en", "ing")
"""Endings of the English verb forms that qualify a noun after a determiner ("the
universally-*recognized* one-China principle", "the *emerging* economies")."""


def word_classes(word: str) -> frozenset[str]:
    """Every word class the dictionary knows ``word`` in (none for a word it lacks):
    LemmInflect's categories for English ("should": AUX, VERB; "jointly": ADV). None for
    Chinese: jieba's dictionary tags a word with one class, its commonest (按照 p, 恪守 v),
    not every class it may take, so two words whose tags differ may still stand for each
    other."""
    if _HAN.search(word):
        return frozenset()
    return frozenset(_by_category(word))


@lru_cache(maxsize=1 << 16)
def is_verb(word: str) -> bool:
    """Whether the dictionary knows ``word`` only as a verb, or as an auxiliary: what opens
    or holds a clause of its own ("must", "conveyed"), not a word that may name or qualify
    ("part", "further"). English from LemmInflect's table, Chinese from jieba's tags (v,
    not vn, a verb that names: 合作).

    >>> is_verb("must"), is_verb("conveyed"), is_verb("part"), is_verb("维护")
    (True, True, False, True)
    """
    if _HAN.search(word):
        tag = _han_tags().get(word, "")
        return tag.startswith("v") and tag != "vn"
    categories = _by_category(word).keys()
    return "AUX" in categories or categories == {"VERB"}


def is_finite_verb(word: str) -> bool:
    """Whether ``word`` is a verb (see :func:`is_verb`) that is no participle: what makes
    a phrase a statement ("dialogue *is* the only way forward"), not a name of a thing
    ("a community with a *shared* future", "*interfering* in Hong Kong affairs").

    >>> is_finite_verb("is"), is_finite_verb("shared"), is_finite_verb("维护")
    (True, False, True)
    """
    if not is_verb(word):
        return False
    return bool(_HAN.search(word)) or not word.lower().endswith(_PARTICIPLE)


@lru_cache(maxsize=1 << 16)
def is_adverb(word: str) -> bool:
    """Whether the dictionary knows ``word`` only as an adverb: a word that says how, how
    much or how sure ("firmly", "partly", 稳步, 切实), no topic. English from LemmInflect's
    table, Chinese from jieba's tags (d, and ad: an adjective said as an adverb).

    >>> is_adverb("partly"), is_adverb("issue"), is_adverb("still"), is_adverb("切实")
    (True, False, False, True)
    """
    if _HAN.search(word):
        return _han_tags().get(word, "") in ("d", "ad")
    return _by_category(word).keys() == {"ADV"}


@lru_cache(maxsize=1 << 16)
def may_stand_for(word: str, other: str) -> bool:
    """Whether ``word`` may take ``other``'s place in a phrase: the dictionary knows them
    in a word class they share, or lacks one of them. "firmly" stands for "jointly"
    (adverbs), "have" for "play" (verbs); "should" (a modal verb) does not stand for
    "jointly", where it goes before the formula ("should {-jointly-} uphold ...").

    >>> may_stand_for("firmly", "jointly"), may_stand_for("should", "jointly")
    (True, False)
    >>> may_stand_for("economic", "coordinated"), may_stand_for("economic", "provide")
    (True, False)
    >>> may_stand_for("秉持", "本着"), may_stand_for("好", "按照"), may_stand_for("放弃", "推动")
    (True, False, True)
    """
    if _HAN.search(word) and _HAN.search(other):
        # jieba tags a word with its commonest class only (本着 p, 秉持 v stand for each
        # other); but a single character, a complement, a place word or half an
        # abbreviation, does not stand for a word of two: 落实*好*, 中*俄* before
        # "按照两国领导人达成的重要共识" (review 92); a preposition does (*以*公开透明...
        # for 本着), and a particle goes with the word before it (违反*了*)
        tag = _han_tags().get(word, "")
        return len(word) > 1 or len(other) == 1 or tag == "p" or tag.startswith("u")
    mine, theirs = _classes(word), _classes(other)
    return not mine or not theirs or bool(mine & theirs)


def _classes(word: str) -> frozenset[str]:
    """:func:`word_classes`, a verb's participle an adjective too: "*coordinated*
    pressure" is "{-coordinated-}{+economic+} pressure", not "coordinated" dropped beside
    another word (review 98)."""
    classes = word_classes(word)
    if "VERB" in classes and word.lower().endswith(_PARTICIPLE):
        return classes | {"ADJ"}
    return classes


@lru_cache(maxsize=1 << 16)
def may_qualify(word: str, *, participle: bool = False) -> bool:
    """Whether a word may qualify a noun between its determiner and it: an adjective or
    adverb the dictionary knows as one ("a *permanent* cessation", "an *even* closer"),
    a name, or a word the dictionary lacks (a coinage, a name in lower case); not a word
    it knows only as a verb or a noun ("some *say* sponsors of the Kiev regime", "issues
    *concerning* core interests"). With ``participle``, a verb's participle too, as it
    qualifies a noun after a determiner. English from LemmInflect's table (see
    :func:`lemmas`), Chinese from jieba's tags.

    >>> may_qualify("permanent"), may_qualify("say"), may_qualify("concerning")
    (True, False, False)
    >>> may_qualify("qatari"), may_qualify("重要"), may_qualify("发展")
    (True, True, False)
    """
    if _HAN.search(word):
        tag = _han_tags().get(word)
        return tag is None or tag.startswith(_QUALIFYING_TAGS)
    categories = _by_category(word).keys()
    if participle and "VERB" in categories and word.lower().endswith(_PARTICIPLE):
        return True
    return not categories or bool(categories & _QUALIFYING)
