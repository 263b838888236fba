"""Renderers for ``consistency check``: text, JSON, GitHub Actions annotations, JUnit XML
(and SARIF, in :mod:`consistency.report.sarif`).

Each returns a string. The :class:`~consistency.check.Gate` says how each finding
is reported (its level) and whether it fails the check.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

from ..check import CheckResult, Finding, FindingKind, Gate
from ..errors import OptionError
from ..jsontext import dumps
from ..models import Level
from .diffmarkup import ansi_diff, flatten, parse_diff
from .sarif import file_of
from .view import one_line, quoted

CHECK_FORMATS: tuple[str, ...] = ("text", "json", "github", "junit", "sarif")

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_LEVEL_COLOUR = {Level.ERROR: "\x1b[1;31m", Level.WARNING: "\x1b[1;33m", Level.NOTICE: "\x1b[1;36m"}


def render_check(result: CheckResult, *, fmt: str = "text", gate: Gate, color: bool = False) -> str:
    """``result`` in one of :data:`CHECK_FORMATS`."""
    if fmt == "text":
        return render_check_text(result, gate=gate, color=color)
    if fmt == "json":
        return render_check_json(result, gate=gate)
    if fmt == "github":
        return render_check_github(result, gate=gate)
    if fmt == "junit":
        return render_check_junit(result, gate=gate)
    if fmt == "sarif":
        from .sarif import render_check_sarif

        return render_check_sarif(result, gate=gate)
    raise OptionError(f"unknown check format {fmt!r} (choose from {', '.join(CHECK_FORMATS)})")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_line(result: CheckResult, gate: Gate) -> str:
    """One sentence: what was checked against what, and what was found."""
    base = result.baseline
    span = ""
    if base.first and base.last:
        span = f", {base.first.isoformat()} to {base.last.isoformat()}"
    what = "index" if base.kind == "index" else "briefings"
    noun = "point" if base.points == 1 else "points"
    points = f"{base.points} {base.points_source} {noun}" if base.points_source else ""
    if base.capped:
        # the number is a setting, not all the archive holds (a review: "200 discovered
        # points" beside the report's 25)
        points = f"the {points.replace(' discovered', ' best discovered')} (--top)"
    against = f"{_plural(base.documents, 'briefing')} ({what} {base.source}{span})"
    checked = (
        f"Checked {_plural(len(result.documents), 'new briefing')} against {against}"
        + (f" with {points}" if points else "")
        + "."
    )
    if not result.findings:
        return f"{checked} No findings."
    kinds = Counter(f.kind.value for f in result.findings)
    parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    failing = sum(1 for f in result.findings if gate.fails(f))
    held = sum(1 for f in result.findings if gate.held(f))
    # a gate that passes on warnings says how to make it fail on them (a review: a new
    # user with discovered points saw "0 failing" and no way on)
    why = f" ({held} of warning-level points: --strict fails on them)" if held else ""
    found = _plural(len(result.findings), "finding")
    return f"{checked} {found} ({parts}); {failing} failing{why}."


# ---------------------------------------------------------------------------
# text


def _paint(text: str, colour: str, color: bool) -> str:
    return f"{colour}{text}{_RESET}" if color and text else text


def _where(f: Finding) -> str:
    """``FILE:LINE:COL``, the form editors and CI logs jump to, where the finding's lines are
    the file's; else (a row of a ``.jsonl``/``.csv`` file, an HTML page: lines of its text)
    ``FILE (text line L, column C)``, which no tool takes for a line of the file."""
    if file_of(f.path)[1]:
        return f"{f.path}:{f.line}:{f.column}"
    return f"{f.path} (text line {f.line}, column {f.column})"


def _text_block(f: Finding, gate: Gate, color: bool) -> str:
    level = gate.level(f)
    label = "note" if level is Level.NOTICE else level.value
    colour = _DIM if level is Level.NOTICE else _LEVEL_COLOUR[level]
    head = f"{_paint(_where(f), _BOLD, color)}: {_paint(label, colour, color)}: {f.title}"
    if f.also:
        head += f" (also {', '.join(repr(a) for a in f.also)})"
    head += f" [{f.kind.value}]"
    lines = [head, f"    new:       {one_line(f.text)}"]
    if f.reference is not None:
        r = f.reference
        lines.append(f"    baseline:  {one_line(r.text)}  ({r.cited()})")
    elif f.canonical is not None:
        lines.append(f"    watchlist: {one_line(f.canonical)}  (never in the baseline)")
    lines.append(f"    diff:      {ansi_diff(flatten(parse_diff(f.diff)), color=color)}")
    if f.note is not None:
        lines.append(f"    {f.note[0]}: {f.note[1]}")
    return "\n".join(lines)


def render_check_text(result: CheckResult, *, gate: Gate, color: bool = False) -> str:
    """Compiler-style lines (``FILE:LINE:COL: level: title``), each finding with its diff."""
    blocks = [_text_block(f, gate, color) for f in result.findings]
    blocks.extend(f"note: {n}" for n in result.notes)
    blocks.append(summary_line(result, gate))
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------
# JSON


def finding_dict(f: Finding, gate: Gate) -> dict[str, Any]:
    ref = f.reference
    return {
        "kind": f.kind.value,
        "point": f.point,
        "also": list(f.also),
        "level": f.level.value,
        "failing": gate.fails(f),
        "document": f.document,
        "path": f.path,
        "date": f.date.isoformat(),
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "canonical": f.canonical,
        "reference": None
        if ref is None
        else {
            "text": ref.text,
            "document": ref.document,
            "path": ref.path,
            "date": ref.date.isoformat(),
            "line": ref.line,
            "column": ref.column,
            "dates": ref.dates or None,
        },
        "diff": f.diff,
        "score": f.score,
        "threshold": f.threshold,
        "near_miss": f.near_miss,
        "near_miss_note": f.score_note or None,
        "opposite": f.opposite,
        "opposite_note": f.opposite_note or None,
        "run_on_note": f.run_on_note or None,
        "similarity": f.similarity,
    }


def render_check_json(result: CheckResult, *, gate: Gate) -> str:
    """The result as JSON (``schema`` 1), keys in a fixed order."""
    base = result.baseline
    failing = [f for f in result.findings if gate.fails(f)]
    data = {
        "schema": 1,
        "failed": bool(failing),
        "fail_on": sorted(k.value for k in gate.fail_on),
        "strict": gate.strict,
        "kinds": sorted(k.value for k in result.kinds),
        "baseline": {
            "kind": base.kind,
            "source": base.source,
            "documents": base.documents,
            "first": base.first.isoformat() if base.first else None,
            "last": base.last.isoformat() if base.last else None,
            "points": base.points,
            "points_source": base.points_source,
            "points_capped": base.capped,
        },
        "documents": [
            {"id": d.id, "path": d.path, "date": d.date.isoformat()} for d in result.documents
        ],
        "summary": {
            "findings": len(result.findings),
            "failing": len(failing),
            "by_kind": {
                k.value: sum(1 for f in result.findings if f.kind is k) for k in FindingKind
            },
            "checked": len(result.checked),
        },
        "findings": [finding_dict(f, gate) for f in result.findings],
        "notes": list(result.notes),
    }
    return dumps(data)


# ---------------------------------------------------------------------------
# GitHub Actions workflow commands


def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF), as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (also ``:`` and ``,``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_message(f: Finding) -> str:
    lines = [f"{f.title}: {quoted(f.text)}"]
    if f.also:
        lines[0] += f" (also {', '.join(f.also)})"
    if f.reference is not None:
        r = f.reference
        lines.append(f"closest in the baseline ({r.cited(line=False)}): {quoted(r.text)}")
    elif f.canonical is not None:
        lines.append(f"watchlist wording: {quoted(f.canonical)}")
    lines.append(f"diff: {one_line(f.diff)}")
    if f.note is not None:
        lines.append(f"{f.note[0]}: {f.note[1]}")
    return "\n".join(lines)


def render_check_github(result: CheckResult, *, gate: Gate) -> str:
    """One ``::error``/``::warning``/``::notice`` workflow command per finding, a
    ``::notice`` per note of the check, and one with the summary line where warnings do
    not fail the check (it names ``--strict``).

    The annotation type is the finding's level under ``gate``: its point's
    level, or ``notice`` for a kind that ``--fail-on`` does not name.
    """
    out = []
    for f in result.findings:
        kind = gate.level(f).value
        file, lines = file_of(f.path)
        props = [f"file={escape_property(file)}"]
        if lines:
            props.extend([f"line={f.line}", f"endLine={f.end_line}"])
        if lines and f.end_line == f.line:
            props.extend([f"col={f.column}", f"endColumn={f.end_column}"])
        title = f"consistency: {f.title}"
        props.append(f"title={escape_property(title)}")
        message = _github_message(f)
        if not lines:
            message = f"{_where(f)}: {message}"  # the row or page, on the file as a whole
        out.append(f"::{kind} {','.join(props)}::{escape_data(message)}")
    # a note says what the check could not see (a briefing already in its baseline, one
    # with nothing to check): the job's summary shows it, where a pass alone would not
    out.extend(
        f"::notice title={escape_property('consistency: note')}::{escape_data(n)}"
        for n in result.notes
    )
    if any(gate.held(f) for f in result.findings):
        # warnings a pass leaves in the log: how to make the gate fail on them (a review)
        title = escape_property("consistency: summary")
        out.append(f"::notice title={title}::{escape_data(summary_line(result, gate))}")
    return "".join(line + "\n" for line in out)


# ---------------------------------------------------------------------------
# JUnit XML

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def _failure_text(f: Finding) -> str:
    lines = [f"{_where(f)}: {f.title}", f"new:      {one_line(f.text)}"]
    if f.reference is not None:
        r = f.reference
        lines.append(f"baseline: {one_line(r.text)} ({r.cited(line=False)})")
    elif f.canonical is not None:
        lines.append(f"watchlist: {one_line(f.canonical)}")
    lines.append(f"diff:     {one_line(f.diff)}")
    if f.note is not None:
        lines.append(f"{f.note[0]}: {f.note[1]}")
    return "\n".join(lines)


def render_check_junit(result: CheckResult, *, gate: Gate) -> str:
    """JUnit XML: a test suite per new briefing, a test case per checked point, skipped
    where the briefing does not say it.

    A finding that fails the check is a ``<failure>`` of its point's case
    (and of the cases of the points it also covers); a point with several is a case
    per failing finding, named by where it stands (``id (LINE:COL)``), a case holding one
    failure; rephrased sentences are the failures of one extra case per briefing.
    Findings that do not fail go to the case's ``<system-out>``; the check's notes to the
    ``<system-out>`` of the suite of the briefing they name (all suites, for a note
    naming none).
    """
    root = ET.Element("testsuites", name="consistency check")
    total_tests = total_failures = total_skipped = 0
    for doc in result.documents:
        findings = [f for f in result.findings if f.document == doc.id]
        by_point: dict[str, list[Finding]] = {}
        for f in findings:
            if f.kind in (FindingKind.SHIFTED, FindingKind.SLOT) and f.point:
                for pid in (f.point, *f.also):
                    by_point.setdefault(pid, []).append(f)
        cases: list[tuple[str, list[Finding]]] = []
        listed: set[str] = set()
        unsaid: set[str] = set()
        for checked in result.checked:
            if checked.document == doc.id and checked.point.id not in listed:
                listed.add(checked.point.id)
                cases.append((checked.point.id, by_point.get(checked.point.id, [])))
                if not checked.occurrences:
                    unsaid.add(checked.point.id)
        for pid in sorted(set(by_point) - listed):
            cases.append((pid, by_point[pid]))
        if FindingKind.REPHRASED in result.kinds:
            cases.append(
                ("rephrased sentences", [f for f in findings if f.kind is FindingKind.REPHRASED])
            )
        suite = ET.SubElement(root, "testsuite", name=_xml_text(doc.path))
        failures = skipped = 0
        tests = 0
        for name, its in cases:
            failing = [f for f in its if gate.fails(f)]
            # a case per failing finding where a point has several: a test case holds
            # one failure (review 119: "failures=3" where the text said 4 failing)
            named = (
                [(name, failing)]
                if len(failing) <= 1
                else [(f"{name} ({f.line}:{f.column})", [f]) for f in failing]
            )
            for k, (label, fails) in enumerate(named):
                tests += 1
                case = ET.SubElement(
                    suite,
                    "testcase",
                    classname=_xml_text(f"consistency.check.{doc.id}"),
                    name=_xml_text(label),
                    file=_xml_text(doc.path),
                )
                if name in unsaid and not its:
                    # not said: nothing to check, which a passing case would hide (review
                    # 65: a slogan dropped "passed" on every date)
                    ET.SubElement(case, "skipped", message="not said in this briefing")
                    skipped += 1
                    continue
                for f in fails:
                    failures += 1
                    failure = ET.SubElement(
                        case,
                        "failure",
                        type=f.kind.value,
                        message=_xml_text(f"{_where(f)}: {f.title}: {one_line(f.text)}"),
                    )
                    failure.text = _xml_text(_failure_text(f))
                quiet = [f for f in its if not gate.fails(f)] if k == 0 else []
                if quiet:
                    out = ET.SubElement(case, "system-out")
                    out.text = _xml_text("\n\n".join(_failure_text(f) for f in quiet))
        notes = [n for n in result.notes if doc.path in n] or [
            n for n in result.notes if not any(d.path in n for d in result.documents)
        ]
        if notes:
            ET.SubElement(suite, "system-out").text = _xml_text(
                "\n".join(f"note: {n}" for n in notes)
            )
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        total_tests += tests
        total_failures += failures
        total_skipped += skipped
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    root.set("skipped", str(total_skipped))
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
