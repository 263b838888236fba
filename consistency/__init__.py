"""consistency: track official talking points across dated briefings and diff their wording.

The pipeline, one module per stage, as plain functions over plain data::

    docs = load_documents(["briefings/"])           # ingest
    points = load_watchlist("talking-points.toml")   # watchlist
    result = track(docs, points)                     # segment, match, diff, timeline
    print(render_report(result))                     # report
"""

from __future__ import annotations

from ._version import __version__
from .check import CheckResult, Gate, run_check
from .compare import Comparison, compare, compare_files
from .diff import word_diff
from .discover import (
    DEFAULT_STOP_PHRASES,
    DiscoveredPoint,
    discover,
    load_stop_phrases,
    render_toml,
)
from .errors import (
    ConfigError,
    ConsistencyError,
    IndexFileError,
    InputError,
    InputErrors,
    OptionError,
    WatchlistError,
)
from .index import Index, IndexStats, update_index
from .ingest import document_from_text, load_documents, split_turns
from .match import DEFAULT_THRESHOLD, SentenceIndex, find_point
from .models import (
    Change,
    DateSource,
    Document,
    Level,
    Occurrence,
    Point,
    PointResult,
    Role,
    Sentence,
    Shift,
    Status,
    Token,
    TrackResult,
    Turn,
    Wording,
)
from .normalise import normalise, tokenise
from .report import (
    render_csv,
    render_html,
    render_json,
    render_markdown,
    render_report,
    render_table,
)
from .segment import document_sentences, select_turns, split_sentences
from .track import build_index, track
from .watchlist import load_watchlist, parse_watchlist

__all__ = [
    "DEFAULT_STOP_PHRASES",
    "DEFAULT_THRESHOLD",
    "Change",
    "CheckResult",
    "Comparison",
    "ConfigError",
    "ConsistencyError",
    "DateSource",
    "DiscoveredPoint",
    "Document",
    "Gate",
    "Index",
    "IndexFileError",
    "IndexStats",
    "InputError",
    "InputErrors",
    "Level",
    "Occurrence",
    "OptionError",
    "Point",
    "PointResult",
    "Role",
    "Sentence",
    "SentenceIndex",
    "Shift",
    "Status",
    "Token",
    "TrackResult",
    "Turn",
    "WatchlistError",
    "Wording",
    "__version__",
    "build_index",
    "compare",
    "compare_files",
    "discover",
    "document_from_text",
    "document_sentences",
    "find_point",
    "load_documents",
    "load_stop_phrases",
    "load_watchlist",
    "normalise",
    "parse_watchlist",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_report",
    "render_table",
    "render_toml",
    "run_check",
    "select_turns",
    "split_sentences",
    "split_turns",
    "tokenise",
    "track",
    "update_index",
    "word_diff",
]
