"""The background frequencies: wordfreq's lists, read without importing wordfreq."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict

from consistency.lexicon import _frequencies, numbers_apart

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_frequencies_are_wordfreqs(lang: str) -> None:
    ours = _frequencies(lang)
    theirs = get_frequency_dict(lang, wordlist="best")
    assert ours == theirs
    assert list(ours) == list(theirs)


def probe(code: str) -> None:
    """Run ``code`` in a fresh interpreter (nothing imported before it); fail if it fails."""
    subprocess.run(
        [sys.executable, "-c", code], check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}
    )


def test_a_words_weight_does_not_import_wordfreq() -> None:
    probe(
        "from consistency.lexicon import zipf\n"
        "import sys\n"
        "assert zipf('the') > 7 > zipf('sincerity')\n"
        "assert 'wordfreq' not in sys.modules"
    )


def test_lemmas_are_lemminflects() -> None:
    """Every form of LemmInflect's table and overrides (and some capitalised), and words it
    lacks, have the lemmas ``getAllLemmas`` gives."""
    from lemminflect import getAllLemmas

    from consistency.lexicon import _lemma_table, lemmas

    kept = _lemma_table()
    assert kept is not None
    table, overrides = kept
    words = sorted({*table, *overrides})
    assert len(words) > 60_000
    words += [w.upper() for w in words[::97]] + [w.capitalize() for w in words[::89]]
    words += ["briefing-room", "xyzzy", "", "Playing", "PLAYING", "'d"]
    for word in words:
        theirs = frozenset(lemma for forms in getAllLemmas(word).values() for lemma in forms)
        assert lemmas.__wrapped__(word) == theirs, word


def test_another_layout_of_the_libraries_files_falls_back_on_the_libraries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A release of wordfreq or LemmInflect that lays out its files otherwise is asked
    through its own API: the same frequencies and lemmas, only slower to load."""
    from lemminflect import getAllLemmas

    import consistency.lexicon as lexicon

    monkeypatch.setattr(lexicon, "_read_word_list", lambda lang: None)
    lexicon._frequencies.cache_clear()
    try:
        assert lexicon._frequencies("en") == get_frequency_dict("en", wordlist="best")
    finally:
        lexicon._frequencies.cache_clear()
    monkeypatch.setattr(lexicon, "_lemma_table", lambda: None)
    for word in ["playing", "authorities", "Building", "xyzzy"]:
        theirs = frozenset(lemma for forms in getAllLemmas(word).values() for lemma in forms)
        assert lexicon.lemmas.__wrapped__(word) == theirs


@pytest.mark.parametrize(
    ("a", "b", "apart"),
    [
        ("tell 8.8 million people", "tell 58239 people", True),
        ("since 68393 people", "since 2.7 million people", True),
        ("达 6 万 创", "达 8000 创", True),
        ("增加 1.2 万亿", "增加 9000 亿", True),
        # a hedge left out is a word left out (review 101 D1)
        ("lebanon some 43500 students", "lebanon 1.5 million students", False),
        # a scale word after no digit is a word
        ("12000 people", "millions of people", False),
        # a number in words is left out, as before: "one country, two systems"
        ("one million people", "1.5 million people", False),
    ],
)
def test_a_number_is_its_digits_and_its_scale_word(a: str, b: str, apart: bool) -> None:
    """Review 101 D1: "{-8.8 million-}{+58,239+} people" was a shift where
    "{-12,000-}{+15,000+}" was not."""
    assert numbers_apart(a.split(), b.split()) is apart


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_calendar_data_is_dateparsers(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The locale data read from dateparser's file is what its module holds, and another
    layout of its files falls back on the module."""
    from importlib import import_module

    import consistency.lexicon as lexicon

    module = import_module(f"dateparser.data.date_translation_data.{lang}")
    assert lexicon._calendar_info(lang) == module.info
    monkeypatch.setattr(lexicon, "find_spec", lambda name: None)
    assert lexicon._calendar_info(lang) == module.info


def test_calendar_words_do_not_import_dateparser() -> None:
    probe(
        "from consistency.lexicon import calendar\n"
        "import sys\n"
        "assert 'week' in calendar('en') and '去年' in calendar('zh')\n"
        "assert 'dateparser' not in sys.modules"
    )


def test_calendar_words() -> None:
    """Units, named days and months, and the words that count from today; no abbreviation
    that is a word of its own, no single Han character; none for a language dateparser
    lacks."""
    from consistency.lexicon import Calendar, calendar

    en, zh = calendar("en"), calendar("zh")
    assert {"week", "weeks", "day", "years", "decades", "morning"} <= en.units
    assert {"monday", "december", "june"} <= en.names
    assert en.deictics == {"today", "tomorrow", "yesterday"}
    assert en.modifiers == {"last", "next", "this"}
    assert not {"may", "mo", "wed", "sun", "now", "second"} & (en.units | en.names | en.deictics)
    assert {"去年", "今年", "上周", "明天"} <= zh.deictics
    assert {"个月", "小时", "星期"} <= zh.units
    assert not {"日", "周", "天", "年", "月"} & (zh.units | zh.names | zh.deictics)
    assert "week" in en and "去年" in zh and "weekly" not in en
    assert calendar("qq") == Calendar()
