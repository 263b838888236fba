"""The JSON writer: the standard library's bytes, written by orjson where it can."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from consistency.jsontext import dumps


def stdlib(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.builds(
        round,
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
        st.integers(min_value=0, max_value=4),
    ).map(float)
    | st.text()
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(documents)
def test_the_same_text_as_the_standard_library(data: Any) -> None:
    assert dumps(data) == stdlib(data)


def test_what_orjson_refuses_is_written_by_the_standard_library() -> None:
    data = {"text": "a lone surrogate \udc80 from a broken file", "big": 2**70}
    assert dumps(data) == stdlib(data)


def test_a_real_report_is_written_as_the_standard_library_writes_it() -> None:
    from consistency import load_documents, track
    from consistency.report.data import to_dict
    from consistency.watchlist import load_watchlist

    fixtures = Path(__file__).parent.parent / "fixtures"
    docs = load_documents([str(fixtures / "briefings")])
    points = load_watchlist(str(fixtures / "talking-points.toml"))
    data = to_dict(track(docs, points))
    assert data["points"] and dumps(data) == stdlib(data)
