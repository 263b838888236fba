"""Where the real corpora are: the sample bundled in fixtures/, and the full one beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "corpus"
"""Four MFA transcripts and four raw HTML pages, always there."""


def _full() -> Path:
    """``CONSISTENCY_CORPUS``, else ``shared/corpus`` beside the clone, else two levels up
    (a git worktree at ``wt/NAME`` beside ``shared/``)."""
    if "CONSISTENCY_CORPUS" in os.environ:
        return Path(os.environ["CONSISTENCY_CORPUS"])
    beside = ROOT.parent / "shared" / "corpus"
    above = ROOT.parent.parent / "shared" / "corpus"
    return above if not beside.is_dir() and above.is_dir() else beside


FULL = _full()
"""The 500-briefing corpus (``CONSISTENCY_CORPUS``, else ``../shared/corpus``), if present."""

HAS_FULL = len(list((FULL / "mfa").glob("*.txt"))) == 500


def having(probe: str) -> Path | None:
    """The bundled sample, else the full corpus, whichever holds ``probe`` (a relative path)."""
    return next((p for p in (SAMPLE, FULL) if (p / probe).is_file()), None)
