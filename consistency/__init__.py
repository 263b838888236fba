"""consistency: track official talking points across dated briefings and diff their wording.

The pipeline, one module per stage, as plain functions over plain data::

    docs = load_documents(["briefings/"])           # ingest
    points = load_watchlist("talking-points.toml")   # watchlist
    result = track(docs, points)                     # segment, match, diff, timeline
    print(render_report(result))                     # report
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

from ._lazy import lazy_getattr, modules_of
from ._version import __version__

if TYPE_CHECKING:
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
        ManifestError,
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
    from .warm import load_archive
    from .watchlist import load_watchlist, parse_watchlist

_EXPORTS: dict[str, tuple[str, ...]] = {
    ".check": ("CheckResult", "Gate", "run_check"),
    ".compare": ("Comparison", "compare", "compare_files"),
    ".diff": ("word_diff",),
    ".discover": (
        "DEFAULT_STOP_PHRASES",
        "DiscoveredPoint",
        "discover",
        "load_stop_phrases",
        "render_toml",
    ),
    ".errors": (
        "ConfigError",
        "ConsistencyError",
        "IndexFileError",
        "InputError",
        "InputErrors",
        "ManifestError",
        "OptionError",
        "WatchlistError",
    ),
    ".index": ("Index", "IndexStats", "update_index"),
    ".ingest": ("document_from_text", "load_documents", "split_turns"),
    ".match": ("DEFAULT_THRESHOLD", "SentenceIndex", "find_point"),
    ".models": (
        "Change",
        "DateSource",
        "Document",
        "Level",
        "Occurrence",
        "Point",
        "PointResult",
        "Role",
        "Sentence",
        "Shift",
        "Status",
        "Token",
        "TrackResult",
        "Turn",
        "Wording",
    ),
    ".normalise": ("normalise", "tokenise"),
    ".report": (
        "render_csv",
        "render_html",
        "render_json",
        "render_markdown",
        "render_report",
        "render_table",
    ),
    ".segment": ("document_sentences", "select_turns", "split_sentences"),
    ".track": ("build_index", "track"),
    ".warm": ("load_archive",),
    ".watchlist": ("load_watchlist", "parse_watchlist"),
}
"""Each public name's module. They are imported on first use (PEP 562), so that
``consistency --version`` or one command imports only what it needs."""

_MODULE_OF = modules_of(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _MODULE_OF)


def __dir__() -> list[str]:
    """The public names, loaded or not, with the rest of the package's."""
    return sorted({*globals(), *__all__})


class _Package(ModuleType):
    """The package, whose functions named like its modules (``track``, ``normalise``,
    ``compare``, ``discover``) keep their names when those modules are imported: the import
    system binds a module to its package's attribute, which here would hide the function."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _MODULE_OF and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package

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
    "ManifestError",
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
    "load_archive",
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
