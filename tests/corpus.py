"""Where the real corpora are: the sample bundled in fixtures/, and the full one beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "corpus"
"""Four MFA transcripts and four raw HTML pages, always there."""

_BESIDE = [ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus"]
FULL = Path(
    os.environ.get("CONSISTENCY_CORPUS", next((p for p in _BESIDE if p.is_dir()), _BESIDE[0]))
)
"""The 500-briefing corpus (``CONSISTENCY_CORPUS``, else ``../shared/corpus`` beside the
clone, or ``../../shared/corpus`` beside a worktree folder), if present."""

HAS_FULL = len(list((FULL / "mfa").glob("*.txt"))) == 500


def having(probe: str) -> Path | None:
    """The bundled sample, else the full corpus, whichever holds ``probe`` (a relative path)."""
    return next((p for p in (SAMPLE, FULL) if (p / probe).is_file()), None)


NO_FULL = (
    f"the full corpus is not at {FULL}: set CONSISTENCY_CORPUS to the folder holding mfa/ "
    "(500 briefings) to run this test"
)
"""Why a test that needs the full corpus is skipped, and how to run it."""
