"""``check --format sarif``: SARIF 2.1.0, the format GitHub code scanning uploads.

One run of the tool ``consistency``; one rule per talking point that has a
finding (its id is the point id; rephrased sentences share the rule
``consistency/rephrased``); one result per finding, with the level the gate
gives it (``error``, ``warning``, ``note``), a message holding the new wording,
the closest baseline wording and the word diff, and the span of the new wording
as a physical location (the file alone for rows of ``.jsonl``/``.csv`` files
and for HTML pages, whose line numbers count lines of their text). File URIs
are relative to ``root`` (the working directory: a CI job runs from the
repository's root) when the file is under it, as GitHub wants them, with
``%SRCROOT%`` as their base.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .._version import __version__
from ..check import CheckResult, Finding, FindingKind, Gate
from ..jsontext import dumps
from ..models import Level
from .view import one_line, quoted

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
REPHRASED_RULE = "consistency/rephrased"
"""The rule of rephrased sentences (point ids cannot hold a ``/``, so it clashes with none)."""

_SARIF_LEVEL = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTICE: "note"}
_HTML = re.compile(r"\.html?$", re.IGNORECASE)
_ROW = re.compile(r"^(?P<file>.+\.(?:jsonl|csv))#\d+$", re.IGNORECASE)


def artifact_uri(path: str, root: Path | None = None) -> str:
    """``path`` as a URI reference: relative to ``root`` (default: the working directory)
    when under it, else an absolute ``file://`` URI.

    >>> artifact_uri("fixtures/a b.txt", Path("/repo"))
    'fixtures/a%20b.txt'
    >>> artifact_uri("/repo/x/y.txt", Path("/repo"))
    'x/y.txt'
    >>> artifact_uri("/elsewhere/y.txt", Path("/repo"))
    'file:///elsewhere/y.txt'
    """
    p = Path(path)
    if not p.is_absolute():
        return quote(p.as_posix())
    base = Path.cwd() if root is None else root
    try:
        return quote(p.relative_to(base).as_posix())
    except ValueError:
        return "file://" + quote(p.as_posix())


def _rule_id(f: Finding) -> str:
    return REPHRASED_RULE if f.kind is FindingKind.REPHRASED or not f.point else f.point


def _message(f: Finding) -> str:
    lines = [f"{f.title} [{f.kind.value}]: {quoted(f.text)}"]
    if f.also:
        lines[0] += f" (also {', '.join(f.also)})"
    if f.reference is not None:
        r = f.reference
        lines.append(f"closest in the baseline ({r.cited()}): {quoted(r.text)}")
    elif f.canonical is not None:
        lines.append(f"watchlist wording (never in the baseline): {quoted(f.canonical)}")
    lines.append(f"diff: {one_line(f.diff)}")
    if f.note is not None:
        lines.append(f"{f.note[0]}: {f.note[1]}")
    return "\n".join(lines)


def _fingerprint(f: Finding) -> str:
    """Stable across runs and line moves: the kind, point and new wording, not the position."""
    key = "\x1f".join((f.kind.value, f.point or "", f.document, one_line(f.text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def file_of(path: str) -> tuple[str, bool]:
    """The file a finding's briefing is in, and whether the finding's lines are lines of
    that file: not for a row of a ``.jsonl``/``.csv`` file (``rows.jsonl#2``, whose lines
    count lines of the row's text) nor an HTML page (lines of its text): such findings are
    on the file as a whole (SARIF, GitHub annotations)."""
    row = _ROW.match(path)
    if row is not None:
        return row.group("file"), False
    return path, not _HTML.search(path)


def _location(f: Finding, root: Path | None) -> dict[str, Any]:
    file, lines = file_of(f.path)
    artifact = {"uri": artifact_uri(file, root)}
    if not artifact["uri"].startswith("file://"):
        artifact["uriBaseId"] = "%SRCROOT%"
    physical: dict[str, Any] = {"artifactLocation": artifact}
    if lines:
        physical["region"] = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column + 1,  # SARIF's end column is exclusive
        }
    return {"physicalLocation": physical}


def _rule(rule_id: str, findings: list[Finding]) -> dict[str, Any]:
    first = findings[0]
    if rule_id == REPHRASED_RULE:
        text = "An official sentence closely rephrases a sentence of the baseline."
    else:
        text = f"Talking point '{rule_id}': {one_line(first.canonical or first.text)}"
    return {
        "id": rule_id,
        "shortDescription": {"text": text},
        "defaultConfiguration": {"level": _SARIF_LEVEL[first.level]},
    }


def render_check_sarif(result: CheckResult, *, gate: Gate, root: Path | None = None) -> str:
    """``result`` as a SARIF 2.1.0 log (JSON), keys and results in a fixed order."""
    by_rule: dict[str, list[Finding]] = {}
    for f in result.findings:
        by_rule.setdefault(_rule_id(f), []).append(f)
    rule_ids = sorted(by_rule)
    index = {r: k for k, r in enumerate(rule_ids)}
    results = []
    for f in result.findings:
        rule_id = _rule_id(f)
        results.append(
            {
                "ruleId": rule_id,
                "ruleIndex": index[rule_id],
                "level": _SARIF_LEVEL[gate.level(f)],
                "message": {"text": _message(f)},
                "locations": [_location(f, root)],
                "partialFingerprints": {"consistencyFinding/v1": _fingerprint(f)},
                "properties": {
                    "kind": f.kind.value,
                    "point": f.point,
                    "also": list(f.also),
                    "failing": gate.fails(f),
                    "date": f.date.isoformat(),
                    "document": f.document,
                    "diff": f.diff,
                    "score": f.score,
                    "threshold": f.threshold,
                    "near_miss": f.near_miss,
                    "near_miss_note": f.score_note or None,
                    "opposite": f.opposite,
                    "opposite_note": f.opposite_note or None,
                    "run_on_note": f.run_on_note or None,
                },
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "consistency",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(r, by_rule[r]) for r in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {
                    "%SRCROOT%": {"description": {"text": "The directory consistency ran in"}}
                },
                "results": results,
                "properties": {
                    "failed": bool(result.failing(gate)),
                    "notes": list(result.notes),
                },
            }
        ],
    }
    return dumps(log)
