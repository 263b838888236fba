"""Shared test settings.

Hypothesis runs derandomized by default (the ``ci`` profile: a fixed seed per
test, no deadline), so a run fails or passes the same way on every machine and
CI never fails by chance. To search with fresh random inputs locally, run
``HYPOTHESIS_PROFILE=explore pytest``; keep any failure it finds as an
``@example`` on the test.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
