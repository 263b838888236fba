"""The background frequencies: wordfreq's lists, read without importing wordfreq."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from wordfreq import get_frequency_dict

from consistency.lexicon import _frequencies

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_frequencies_are_wordfreqs(lang: str) -> None:
    ours = _frequencies(lang)
    theirs = get_frequency_dict(lang, wordlist="best")
    assert ours == theirs
    assert list(ours) == list(theirs)


def test_a_words_weight_does_not_import_wordfreq() -> None:
    probe = (
        "from consistency.lexicon import zipf\n"
        "import sys\n"
        "assert zipf('the') > 7 > zipf('sincerity')\n"
        "assert 'wordfreq' not in sys.modules"
    )
    subprocess.run(
        [sys.executable, "-c", probe], check=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)}
    )
