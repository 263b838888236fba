"""``check``: the CI gate, against briefings and against an index, with and without a watchlist."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import FULL, HAS_FULL, NO_FULL
from hypothesis import given
from hypothesis import strategies as st

from consistency.check import (
    FindingKind,
    parse_kinds,
    run_check,
    word_similarity,
)
from consistency.check.baseline import MemoryBaseline
from consistency.check.points import IndexPoints
from consistency.check.run import discovered_points
from consistency.cli import cli
from consistency.discover import discover
from consistency.errors import OptionError
from consistency.index import Index, update_index
from consistency.ingest import load_documents
from consistency.normalise import normalise
from consistency.report.check import escape_data, escape_property
from consistency.watchlist import load_watchlist

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
POINTS = ROOT / "fixtures" / "talking-points.toml"
MFA = ROOT / "fixtures" / "corpus" / "mfa"
SOURCE = BRIEFINGS / "000_0c46398071a3ed71.txt"
FORMULA = "a sea of peace, friendship and cooperation"
SHIFTED = "a sea of lasting peace, friendship and cooperation"
SENTENCE = "China and ASEAN countries are close neighbors with similar visions"
REPHRASED = "China and ASEAN countries are good neighbors with similar visions"


def run(*args: str, config: bool = False) -> tuple[int, str, str]:
    flags = [] if config else ["--no-config"]
    result = CliRunner().invoke(cli, [*flags, *args], prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


def today(folder: Path, old: str = "", new: str = "", name: str = "2025-10-23_today.txt") -> Path:
    """A copy of seed 000 dated the next day, with ``old`` replaced by ``new`` once."""
    text = SOURCE.read_text(encoding="utf-8")
    if old:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("index") / "archive.db"
    update_index(db, load_documents([str(BRIEFINGS)]))
    return db


@pytest.fixture(scope="module")
def sea_point() -> str:
    """The id of the discovered point of the seeds that holds the formula."""
    found = discover(load_documents([str(BRIEFINGS)]))
    [pid] = [d.point.id for d in found if FORMULA in d.point.text]
    return pid


def baseline_of(kind: str, index: Path) -> str:
    return str(index) if kind == "index" else str(BRIEFINGS)


def fails_the_gate_but_not_at_near_0(path: Path, against: str, diff: str) -> None:
    """``check`` fails ``path`` with a shifted wording showing ``diff``; ``--near 0`` passes."""
    code, out, err = run("check", str(path), "--against", against, "--points", str(POINTS))
    assert (code, err) == (1, ""), out
    assert "error: shifted wording of" in out and diff in out
    code, out, _ = run(
        "check", str(path), "--against", against, "--points", str(POINTS), "--near", "0"
    )
    assert code == 0 and out.rstrip().endswith("No findings.")


BASELINES = ["files", "index"]


@pytest.mark.parametrize("kind", BASELINES)
@pytest.mark.parametrize("watchlist", [True, False])
def test_unchanged_copy_passes(tmp_path: Path, index: Path, kind: str, watchlist: bool) -> None:
    new = today(tmp_path)
    points = ["--points", str(POINTS)] if watchlist else []
    code, out, err = run("check", str(new), "--against", baseline_of(kind, index), *points)
    assert (code, err) == (0, "")
    assert out.rstrip().endswith("No findings.")
    # the copy's text is seed 000's, which the baseline holds
    assert (
        f"note: {new} has the same text as 000_0c46398071a3ed71 of the baseline, "
        "so none of its wordings can be new (to check it, leave it out: --until DATE)"
    ) in out.splitlines()


@pytest.mark.parametrize("kind", BASELINES)
def test_the_note_of_an_unchanged_copy_is_in_github_and_junit_output(
    tmp_path: Path, index: Path, kind: str
) -> None:
    """A review: README's GitHub Actions recipe uses ``--format github``, which printed a
    blank line for a briefing the baseline already holds, and JUnit five passing cases:
    the job passed with no hint that nothing could be new. The note is a ``::notice`` and
    the suite's ``<system-out>``."""
    new = today(tmp_path)
    args = ["check", str(new), "--against", baseline_of(kind, index), "--points", str(POINTS)]
    code, out, err = run(*args, "--format", "github")
    assert (code, err) == (0, "")
    assert out.startswith("::notice title=consistency%3A note::")
    assert "has the same text as 000_0c46398071a3ed71 of the baseline" in out
    code, out, err = run(*args, "--format", "junit")
    assert (code, err) == (0, "")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    assert "has the same text as 000_" in (suite.findtext("system-out") or "")


@pytest.mark.parametrize("kind", BASELINES)
def test_one_word_added_to_a_formula_fails_naming_the_point(
    tmp_path: Path, index: Path, kind: str
) -> None:
    new = today(tmp_path, FORMULA, SHIFTED)
    against = baseline_of(kind, index)
    code, out, err = run("check", str(new), "--against", against, "--points", str(POINTS))
    assert (code, err) == (1, "")
    first = out.splitlines()[0]
    assert first.startswith(f"{new}:6:")
    assert ": error: shifted wording of 'sea-of-peace' [shifted]" in first
    assert f"    new:       {SHIFTED}" in out
    assert (
        f"    baseline:  {FORMULA}  (2025-10-22, 000_0c46398071a3ed71, line 6; said on 2 dates)"
        in out
    )
    assert "    diff:      a sea of {+lasting+} peace, friendship and cooperation" in out
    assert "1 finding (1 shifted); 1 failing." in out


def test_a_replaced_last_word_fails_even_where_the_baseline_has_the_formula_cut_short(
    tmp_path: Path,
) -> None:
    """ "... for all humanity" for "... for mankind" (a review found it passing): the span
    takes in "all humanity", so it is not the baseline's "... for" (said there before
    "the two sides") and the gate fails."""
    formula = "building a community with a shared future for mankind"
    watchlist = tmp_path / "points.toml"
    watchlist.write_text(f'[[point]]\nid = "shared-future"\ntext = "{formula}"\n')
    baseline = tmp_path / "baseline"
    baseline.mkdir()
    for date, ending in (("2020-06-15", "the two sides"), ("2020-06-16", "mankind")):
        (baseline / f"{date}.txt").write_text(
            f"Zhao Lijian: We are {formula.replace('mankind', ending)}.\n", encoding="utf-8"
        )
    new = tmp_path / "2020-07-09.txt"
    new.write_text(
        "Zhao Lijian: We will keep building a community with a shared future for all humanity.\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(new), "--against", str(baseline), "--points", str(watchlist))
    assert (code, err) == (1, ""), out
    assert "for {-mankind-}{+all humanity+}" in out


BORDER = "jointly uphold peace and stability in the border areas"
"""An MFA formula (2020-06 on the China-India border), said in full by the baseline below."""


@pytest.mark.parametrize("kind", BASELINES)
@pytest.mark.parametrize(
    ("said", "diff"),
    [
        ("Both sides should jointly uphold peace and stability in the border.", "border {-areas-}"),
        ("We said: uphold peace and stability in the border areas.", "{-jointly-} uphold"),
    ],
)
def test_a_formula_cut_short_at_either_end_fails_the_gate(
    tmp_path: Path, kind: str, said: str, diff: str
) -> None:
    """A review: the formula without its first or last words passed the gate ("No
    findings", exit 0), where ``track`` reports the same span shifted: its words stand
    inside every full wording the baseline has, and that was taken for the baseline
    saying it. A wording is the baseline's only where the engine finds the point in
    those very words."""
    watchlist = tmp_path / "points.toml"
    watchlist.write_text(f'[[point]]\nid = "border"\ntext = "{BORDER}"\n', encoding="utf-8")
    baseline = tmp_path / "baseline"
    baseline.mkdir()
    for day in ("2020-06-17", "2020-06-18", "2020-06-19"):
        (baseline / f"{day}.txt").write_text(
            f"Zhao Lijian: Both sides should {BORDER}.\n", encoding="utf-8"
        )
    against = str(baseline)
    if kind == "index":
        against = str(tmp_path / "baseline.db")
        update_index(against, load_documents([str(baseline)]))
    new = tmp_path / "2020-06-22.txt"
    new.write_text(f"Zhao Lijian: {said}\n", encoding="utf-8")
    code, out, err = run("check", str(new), "--against", against, "--points", str(watchlist))
    assert (code, err) == (1, ""), out
    assert "shifted wording of 'border'" in out and diff in out
    # the full wording, said again, is the baseline's
    new.write_text(f"Zhao Lijian: Both sides should {BORDER}.\n", encoding="utf-8")
    code, out, _ = run("check", str(new), "--against", against, "--points", str(watchlist))
    assert code == 0 and out.rstrip().endswith("No findings."), out


def test_a_swapped_pair_is_shown_as_a_move_against_the_usual_wording(tmp_path: Path) -> None:
    """A review (MFA, June 2020): "strengthen coordination and communication", the usual
    "communication and coordination" swapped, was shown against a one-off wording that
    keeps its words in order, as `strengthen {-multi-agency-} coordination and
    communication`: a word dropped that the new text never had. Kept words count moved
    ones too, a move is one change, and the usual wording is as long: the diff shows the
    swap."""
    watchlist = tmp_path / "points.toml"
    text = "strengthen communication and coordination"
    watchlist.write_text(f'[[point]]\nid = "comm"\ntext = "{text}"\n', encoding="utf-8")
    baseline = tmp_path / "baseline"
    baseline.mkdir()
    said = {
        "2020-06-15": text,
        "2020-06-16": text,
        "2020-06-17": "strengthen multi-agency coordination and communication",
        "2020-06-19": text,
    }
    for day, words in said.items():
        (baseline / f"{day}.txt").write_text(
            f"Zhao Lijian: The two sides agreed to {words} through diplomatic channels.\n",
            encoding="utf-8",
        )
    new = tmp_path / "2020-07-03.txt"
    new.write_text(
        "Zhao Lijian: The two sides agreed to strengthen coordination and communication "
        "through diplomatic channels.\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(new), "--against", str(baseline), "--points", str(watchlist))
    assert (code, err) == (1, ""), out
    assert "diff:      strengthen {~coordination and~} communication" in out
    assert f"baseline:  {text}  (2020-06-19" in out


@pytest.mark.parametrize("kind", BASELINES)
@pytest.mark.parametrize(
    ("old", "new", "diff"),
    [
        # seed 000, line 16: a key word swapped; the formula scores 74.8, under 75
        ("is consistent and clear.", "is consistent and firm.", "consistent and {-clear-}{+firm+}"),
    ],
)
def test_a_wording_just_under_the_threshold_fails_the_gate(
    tmp_path: Path, index: Path, kind: str, old: str, new: str, diff: str
) -> None:
    """A review: one word changed in a watchlist formula took its score under 75, the
    point was simply absent, and ``check`` passed. Up to ``--near`` (5) under the
    threshold, it is a shifted wording, with its score."""
    fails_the_gate_but_not_at_near_0(today(tmp_path, old, new), baseline_of(kind, index), diff)


@pytest.mark.parametrize("kind", BASELINES)
def test_words_replacing_the_formulas_first_words_are_in_the_span(
    tmp_path: Path, index: Path, kind: str
) -> None:
    """A review: "fully and earnestly implement ..." was reported from "earnestly" on,
    as ``{-fully and effectively-}{+earnestly+} implement``, hiding the "fully and"
    the text still has (74.1, a near miss). Taking in the words that stand for the
    formula's first ones ("and" its own), it is the formula (80.3)."""
    path = today(tmp_path, "fully and effectively implement", "fully and earnestly implement")
    args = ["check", str(path), "--against", baseline_of(kind, index), "--points", str(POINTS)]
    for near in ("5", "0"):
        code, out, err = run(*args, "--near", near)
        assert (code, err) == (1, ""), out
        assert "    new:       fully and earnestly implement the Declaration" in out
        assert "diff:      fully and {-effectively-}{+earnestly+} implement" in out
        assert "near miss" not in out


@pytest.mark.parametrize("kind", BASELINES)
@pytest.mark.parametrize(
    ("old", "new", "diff"),
    [
        # seed 000, line 6: a capitalised word of a title (track rejects a replaced name)
        (
            "Declaration on the Conduct of Parties",
            "Declaration on the Behavior of Parties",
            "the Declaration on the {-Conduct-}{+Behavior+} of Parties",
        ),
        # seed 000, line 5 and line 4: the last word of a named formula
        (
            "Year of People-to-People Exchanges",
            "Year of People-to-People Contacts",
            "People-to-People {-Exchanges-}{+Contacts+}",
        ),
        ("Free Trade Area 3.0", "Free Trade Zone 3.0", "Free Trade {-Area-}{+Zone+} 3.0"),
        # a name replaced by a common word (a fresh-clone review: the finding vanished)
        (
            "the Conduct of Parties",
            "the behavior of Parties",
            "the Declaration on the {-Conduct-}{+behavior+} of Parties",
        ),
        # a name replaced where a better alignment crossed a comma (a review: no finding)
        (
            "a code of conduct in the South",
            "a code of conduct in the East",
            "a code of conduct in the {-South-}{+East+} China Sea",
        ),
        # seed 000, line 6: one of a short formula's two content words (54 under 75)
        (
            "through dialogue and consultation with",
            "through dialogue and communication with",
            "through dialogue and {-consultation-}{+communication+}",
        ),
    ],
)
def test_a_formula_with_one_word_swapped_fails_the_gate(
    tmp_path: Path, index: Path, kind: str, old: str, new: str, diff: str
) -> None:
    """A review: each of these passed ``check``. A name or a short formula's key word
    replaced rejects the span in ``track`` (one-China is not "an important" principle), so
    the point was absent. With the rest of the formula in place, the gate reports it."""
    fails_the_gate_but_not_at_near_0(today(tmp_path, old, new), baseline_of(kind, index), diff)


def test_a_near_miss_says_its_score_and_the_threshold(tmp_path: Path) -> None:
    """A review: the README promised the score of a finding under the threshold, and only
    JSON had it."""
    path = today(tmp_path, "dialogue and consultation with", "dialogue and communication with")
    args = ["check", str(path), "--against", str(BRIEFINGS), "--points", str(POINTS)]
    code, out, _ = run(*args)
    assert code == 1
    # ... and why it is reported: a word swapped, 11 under the threshold, no "within
    # --near of it" (a review found the line naming the wrong reason)
    assert (
        "    near miss: score 63.8, under the point's threshold 75: one word of the formula "
        "swapped\n" in out
    )
    code, out, _ = run(*args, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert (finding["score"], finding["threshold"], finding["near_miss"]) == (63.8, 75.0, True)
    assert finding["near_miss_note"].startswith("score 63.8, under the point's threshold 75")
    code, out, _ = run(*args, "--format", "github")
    assert "near miss: score 63.8" in out
    # a finding at or over the threshold is no near miss
    path = today(tmp_path, FORMULA, SHIFTED)
    code, out, _ = run(
        "check", str(path), "--against", str(BRIEFINGS), "--format", "json", "--points", str(POINTS)
    )
    [finding] = json.loads(out)["findings"]
    assert finding["near_miss"] is False and finding["score"] >= finding["threshold"]
    assert finding["near_miss_note"] is None
    # a name replaced scores over the threshold, but track does not count the span: a near
    # miss, which --near 0 drops (a review: JSON said near_miss false)
    path = today(
        tmp_path, "Declaration on the Conduct of Parties", "Declaration on the Behavior of Parties"
    )
    text = path.read_text(encoding="utf-8").replace(
        "fully and effectively", "comprehensively and effectively", 1
    )
    path.write_text(text, encoding="utf-8")
    args = ["check", str(path), "--against", str(BRIEFINGS), "--points", str(POINTS)]
    code, out, _ = run(*args, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert finding["score"] >= finding["threshold"] and finding["near_miss"] is True
    note = "score 92.4, but track does not count it: a name of the formula replaced"
    assert finding["near_miss_note"] == note
    code, out, _ = run(*args)
    assert f"near miss: {note}\n" in out
    code, out, _ = run(*args, "--near", "0")
    assert code == 0 and out.rstrip().endswith("No findings.")


@pytest.mark.parametrize("kind", BASELINES)
def test_a_swapped_word_the_baseline_already_says_passes(
    tmp_path: Path, index: Path, kind: str
) -> None:
    """Seed 000 says "through dialogue and negotiation" of Ukraine: a known wording."""
    path = today(tmp_path, "dialogue and consultation with", "dialogue and negotiation with")
    code, out, _ = run(
        "check", str(path), "--against", baseline_of(kind, index), "--points", str(POINTS)
    )
    assert code == 0 and out.rstrip().endswith("No findings."), out


@pytest.mark.parametrize("kind", BASELINES)
def test_without_a_watchlist_the_discovered_point_warns_and_fails_only_when_strict(
    tmp_path: Path, index: Path, kind: str, sea_point: str
) -> None:
    new = today(tmp_path, FORMULA, SHIFTED)
    args = ["check", str(new), "--against", baseline_of(kind, index)]
    code, out, _ = run(*args)
    assert code == 0
    assert ": warning: shifted wording of" in out
    # the passing gate says how to fail on warnings (a review: a new user did not find out)
    assert "1 finding (1 shifted); 0 failing (1 of warning-level points: --strict fails" in out
    code, out, _ = run(*args, "--strict", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["failed"] is True and data["strict"] is True
    assert data["baseline"]["points_source"] == "discovered"
    [finding] = data["findings"]
    assert sea_point in [finding["point"], *finding["also"]]
    assert (finding["path"], finding["line"], finding["kind"]) == (str(new), 6, "shifted")
    assert "{+lasting+}" in finding["diff"]
    assert finding["reference"]["date"] == "2025-10-22"


@pytest.mark.parametrize("kind", BASELINES)
def test_min_dates_leaves_out_points_seen_on_fewer_dates(
    tmp_path: Path, index: Path, kind: str
) -> None:
    new = today(tmp_path, FORMULA, SHIFTED)
    against = baseline_of(kind, index)
    code, out, _ = run("check", str(new), "--against", against, "--min-dates", "3")
    assert code == 0, out
    assert out.rstrip().endswith("No findings.")


def test_files_and_index_baselines_agree(tmp_path: Path, index: Path) -> None:
    new = today(tmp_path, FORMULA, SHIFTED)
    results = [
        run_check([str(new)], against, points_file=points, kinds=parse_kinds(["shifted,rephrased"]))
        for against in (str(BRIEFINGS), str(index))
        for points in (str(POINTS), None)
    ]

    def key(r):  # type: ignore[no-untyped-def]
        return [(f.kind, f.point, f.also, f.line, f.column, f.text, f.diff) for f in r.findings]

    assert key(results[0]) == key(results[2])
    assert key(results[1]) == key(results[3])


def test_json_github_and_junit_outputs(tmp_path: Path, index: Path) -> None:
    new = today(tmp_path, FORMULA, SHIFTED)
    args = ["check", str(new), "--against", str(index), "--points", str(POINTS)]
    code, out, _ = run(*args, "--format", "json")
    assert run(*args, "--format", "json")[1] == out
    finding = json.loads(out)["findings"][0]
    assert finding["point"] == "sea-of-peace" and finding["text"] == SHIFTED
    assert new.read_text(encoding="utf-8")[finding["start"] : finding["end"]] == SHIFTED

    code, out, _ = run(*args, "--format", "github")
    assert code == 1
    [line] = out.splitlines()
    col, end = finding["column"], finding["end_column"]
    assert line.startswith(
        f"::error file={new},line=6,endLine=6,col={col},endColumn={end},"
        "title=consistency%3A shifted wording of 'sea-of-peace'::"
        f"shifted wording of 'sea-of-peace': \u201c{SHIFTED}\u201d%0A"
    )
    assert line.endswith("diff: a sea of {+lasting+} peace, friendship and cooperation")

    code, out, _ = run(*args, "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    [suite] = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert len(cases) == len(load_watchlist(POINTS)) == int(suite.get("tests", ""))
    assert suite.get("failures") == root.get("failures") == "1"
    [failure] = cases["sea-of-peace"].findall("failure")
    assert failure.get("type") == "shifted"
    assert all(not c.findall("failure") for n, c in cases.items() if n != "sea-of-peace")


def test_notice_points_are_reported_but_never_fail(tmp_path: Path, index: Path) -> None:
    points = tmp_path / "points.toml"
    points.write_text(
        POINTS.read_text(encoding="utf-8").replace(
            'tags = ["south-china-sea"]', 'tags = ["south-china-sea"]\nlevel = "notice"', 1
        ),
        encoding="utf-8",
    )
    new = today(tmp_path, FORMULA, SHIFTED)
    args = ["check", str(new), "--against", str(index), "--points", str(points)]
    code, out, _ = run(*args)
    assert code == 0
    assert ": note: shifted wording of 'sea-of-peace'" in out
    code, out, _ = run(*args, "--format", "github")
    assert (code, out[:9]) == (0, "::notice ")


@pytest.mark.parametrize(
    ("options", "code", "reported"),
    [
        ((), 0, False),
        (("--warn-on", "rephrased"), 0, True),
        (("--fail-on", "shifted,rephrased"), 1, True),
        (("--fail-on", "none", "--warn-on", "rephrased"), 0, True),
    ],
)
@pytest.mark.parametrize("kind", BASELINES)
def test_rephrased_sentences_are_opt_in(
    tmp_path: Path, index: Path, kind: str, options: tuple[str, ...], code: int, reported: bool
) -> None:
    new = today(tmp_path, SENTENCE, REPHRASED)
    args = ["check", str(new), "--against", baseline_of(kind, index), "--points", str(POINTS)]
    got, out, _ = run(*args, *options, "--format", "json")
    assert got == code
    findings = json.loads(out)["findings"]
    if not reported:
        assert findings == []
        return
    [finding] = findings
    assert (finding["kind"], finding["line"], finding["point"]) == ("rephrased", 3, None)
    assert finding["diff"].startswith("China and ASEAN countries are {-close-}{+good+} neighbors")
    assert finding["reference"]["document"] == "000_0c46398071a3ed71"
    assert 85 <= finding["similarity"] < 100


def test_check_reads_its_defaults_from_consistency_toml(
    tmp_path: Path, index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "consistency.toml").write_text(
        f'points = "{POINTS}"\nagainst = "{index}"\n\n[check]\nfail-on = ["shifted"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    new = today(tmp_path, FORMULA, SHIFTED)
    code, out, _ = run("check", new.name, config=True)
    assert code == 1
    assert out.startswith("2025-10-23_today.txt:6:")


def test_a_configured_relative_path_is_named_without_dot_dots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh-clone review: ``against = "../fixtures/briefings"`` in a configuration file
    one folder down was named in the summary as ``cfg/../fixtures/briefings``."""
    cfg = tmp_path / "cfg"
    cfg.mkdir()
    shutil.copytree(BRIEFINGS, tmp_path / "briefings")
    (cfg / "consistency.toml").write_text('against = "../briefings"\n', encoding="utf-8")
    monkeypatch.chdir(cfg)
    new = today(cfg)
    code, out, _ = run("check", new.name, config=True)
    assert code == 0, out
    assert f"(briefings {tmp_path / 'briefings'}, " in out, out


def test_output_file_gets_the_report(tmp_path: Path, index: Path) -> None:
    new = today(tmp_path, FORMULA, SHIFTED)
    target = tmp_path / "report.xml"
    code, out, _ = run(
        "check",
        str(new),
        "--against",
        str(index),
        "--format",
        "junit",
        "-o",
        str(target),
        "--strict",
    )
    assert (code, out) == (1, "")
    assert ET.fromstring(target.read_text(encoding="utf-8")).tag == "testsuites"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--fail-on", "shiftd"),
            "unknown finding kind 'shiftd' (choose from shifted, slot, spelling, rephrased, none)",
        ),
        (("--points", "missing.toml"), "missing.toml: cannot read watchlist"),
    ],
)
def test_bad_options_exit_2(
    tmp_path: Path, index: Path, args: tuple[str, ...], message: str
) -> None:
    new = today(tmp_path)
    code, out, err = run("check", str(new), "--against", str(index), *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"consistency: error: {message}")
    assert len(err.splitlines()) == 1


def test_foreign_database_and_missing_file_exit_2(tmp_path: Path, index: Path) -> None:
    import sqlite3

    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    new = today(tmp_path)
    code, out, err = run("check", str(new), "--against", str(other))
    assert (code, out) == (2, "")
    assert err.startswith(
        f"consistency: error: {other}: not a consistency index (an SQLite database of another"
    )
    code, out, err = run("check", str(tmp_path / "nope.txt"), "--against", str(index))
    assert (code, out) == (2, "")
    assert err.startswith(f"consistency: error: {tmp_path / 'nope.txt'}: ")


def test_a_negation_dropped_from_a_watchlist_formula_fails_the_gate(tmp_path: Path) -> None:
    """A review: "Our bipartisan one China policy has changed" passed the gate ("No
    findings", exit 0) against a baseline that says it "has not changed": the span says the
    opposite, which ``track`` rightly does not count, and so ``check`` saw nothing. It is
    the watchlist formula said the other way round, shown with its negation dropped,
    whatever ``--near`` says (review 69)."""
    rows = ROOT / "fixtures" / "other" / "archives" / "dfat-transcripts.jsonl"
    points = tmp_path / "points.toml"
    text = "Our bipartisan one China policy has not changed"
    points.write_text(f'[[point]]\nid = "one-china"\ntext = "{text}"\n', encoding="utf-8")
    new = tmp_path / "2023-06-01.txt"
    new.write_text(
        "FOREIGN MINISTER: Our bipartisan one China policy has changed.\n", encoding="utf-8"
    )
    args = ["check", str(new), "--against", str(rows), "--points", str(points)]
    code, out, _ = run(*args)
    assert code == 1, out
    assert "    diff:      Our bipartisan one China policy has {-not-} changed\n" in out
    # what it is, not "a name replaced, a word swapped, or a negation" (a review); not a
    # near miss, which --near 0 would drop (review 69)
    assert "says the opposite: the formula's negation dropped (score " in out, out
    assert "near miss" not in out
    code, out, _ = run(*args, "--near", "0")
    assert code == 1 and "{-not-} changed" in out
    new.write_text(f"FOREIGN MINISTER: {text}.\n", encoding="utf-8")
    code, out, _ = run(*args)
    assert code == 0 and out.rstrip().endswith("No findings.")


def one_formula_gate(
    tmp_path: Path, formula: str, before: str, now: str, aliases: Sequence[str] = ()
) -> list[str]:
    """``check`` arguments: a briefing saying ``now`` against a baseline of one saying
    ``before``, with ``formula`` (and its ``aliases``) the one watchlist point."""
    points = tmp_path / "points.toml"
    listed = f"aliases = {json.dumps(list(aliases), ensure_ascii=False)}\n" if aliases else ""
    points.write_text(f'[[point]]\nid = "p"\ntext = "{formula}"\n{listed}', encoding="utf-8")
    base = tmp_path / "base"
    base.mkdir()
    (base / "2024-01-01.txt").write_text(f"A: {before}\n", encoding="utf-8")
    new = tmp_path / "2024-02-01.txt"
    new.write_text(f"A: {now}\n", encoding="utf-8")
    return ["check", str(new), "--against", str(base), "--points", str(points)]


def test_a_name_put_into_a_short_formula_is_said_so(tmp_path: Path) -> None:
    """A fresh-clone trial: "China's position *on the Meng Wanzhou incident* is consistent
    and {-clear-}{+resolute+}" was a near miss (score 68.2) whose note said "a name of the
    formula replaced": every name of the formula is there, and more. A name put in is
    said so; a name in the formula's place is still replaced."""
    formula = "China's position is consistent and clear"
    before = "China's position on the Huawei case is consistent and clear."
    now = "China's position on the Meng Wanzhou incident is consistent and resolute."
    args = one_formula_gate(tmp_path, formula, before, now)
    code, out, _ = run(*args, "--near", "10", "--no-color")
    assert code == 1, out
    assert "consistent and {-clear-}{+resolute+}" in out, out
    assert "under the point's threshold 75: a name put into the formula\n" in out, out
    code, out, _ = run(*args, "--near", "10", "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert finding["near_miss_note"].endswith(": a name put into the formula")


def test_a_briefing_read_mostly_as_questions_is_named_in_a_note(tmp_path: Path) -> None:
    """Review 156: every answer under "Nabila Massrali, Spokesperson for Foreign Affairs
    and Security Policy:" went on the journalist's question (the label was not read as
    one), and the gate passed a negation put in there with "No findings." and no word
    more. Only officials' words are checked: a briefing whose speech reads mostly as the
    journalists' is named, with the command that shows its turns."""
    label = (
        "Nabila Massrali, Spokesperson for Foreign Affairs and Security Policy of the "
        "European External Action Service in Brussels"
    )
    answer = "Not all options are on the table, and the ministers will discuss them. " * 3
    args = one_formula_gate(
        tmp_path, "all options are on the table", "All options are on the table.", ""
    )
    new = tmp_path / "2024-02-01.txt"
    opening = "Chief Spokesperson Eric Mamer: Good afternoon.\n"
    asked = "Question from Euronews: Will the Council act?"
    new.write_text(f"{opening}{asked}\n{label}: {answer}\n", encoding="utf-8")
    code, out, _ = run(*args)
    assert "reads as the journalists' questions, which are not checked" in out, out
    assert "--turns` shows whose each turn is" in out
    # a briefing read as answers has no such note
    new.write_text(f"{opening}{asked}\nA: {answer}\n", encoding="utf-8")
    code, out, _ = run(*args)
    assert code == 1 and "journalists' questions" not in out, out


def test_a_capitalised_qualifier_said_otherwise_in_a_name_fails_the_gate(tmp_path: Path) -> None:
    """Review 155: "21 more young Kashmiris were killed in Indian {-Illegally
    Occupied-}{+Administered+} Jammu and Kashmir" passed the watchlist gate: a run of the
    formula said otherwise must hold no name (the formula said of another party:
    "{-Hong Kong-}{+Xinjiang+} affairs are purely China's internal affairs"), and the
    official term's capitals made "Illegally Occupied" names. A word the dictionary knows
    only as an adverb, verb or adjective qualifies a party and names none."""
    formula = "Indian Illegally Occupied Jammu and Kashmir"
    before = f"The situation in {formula} continues to deteriorate."
    now = "21 more young Kashmiris were killed in Indian Administered Jammu and Kashmir."
    code, out, _ = run(*one_formula_gate(tmp_path, formula, before, now))
    assert code == 1, out
    assert "diff:      Indian {-Illegally Occupied-}{+Administered+} Jammu and Kashmir" in out
    # a party said otherwise is still the formula said of another party
    formula = "Hong Kong affairs are purely China's internal affairs"
    now = "Xinjiang affairs are purely China's internal affairs."
    (tmp_path / "hk").mkdir()
    code, out, _ = run(*one_formula_gate(tmp_path / "hk", formula, f"{formula}.", now))
    assert "{-Hong Kong-}{+Xinjiang+}" not in out, out


def test_a_refused_replacement_of_the_last_word_is_no_word_dropped(tmp_path: Path) -> None:
    """Review 89: "a more just multipolar world *architecture*" read `a more just
    multipolar world {-order-}`, in `check`, `diff` and a report's card: the engine took
    "architecture" for "order", the rules refused it (a content word replaced in a
    formula of three), and the span without it stood, a word dropped. The sentence says
    another thing there: `track` counts no occurrence, and the gate reports the word
    swapped."""
    formula = "a more just multipolar world order"
    now = "The declarations confirm the trend towards a more just multipolar world architecture."
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"We want {formula}.", now))
    assert code == 1, out
    assert "    diff:      a more just multipolar world {-order-}{+architecture+}\n" in out, out
    assert "one word of the formula swapped" in out


@pytest.mark.parametrize(
    ("formula", "said", "diff"),
    [
        (
            "uphold the rules-based international order",
            "We will not uphold the rules-based international order as they define it.",
            "{+not+} uphold the rules-based international order",
        ),
        (
            "坚持所有国家安全不可分割原则",
            "有关国家不坚持所有国家安全不可分割原则。",
            "{+不+}坚持所有国家安全不可分割原则",
        ),
        # a review: a negation of two words ("no longer", "never again", "not to"); in
        # Chinese 不再 ("no longer") and 不会再 ("will not ... again")
        (
            "uphold the rules-based international order",
            "We no longer uphold the rules-based international order.",
            "{+no longer+} uphold the rules-based international order",
        ),
        (
            "uphold the rules-based international order",
            "We urge them not to uphold the rules-based international order.",
            "{+not to+} uphold the rules-based international order",
        ),
        # a review (UK): the formula's verb inflected after the negation
        (
            "support a two-state solution",
            "The UK no longer supports a two-state solution.",
            "{-support-}{+no longer supports+} a two-state solution",
        ),
        ("坚持一个中国原则", "我们不再坚持一个中国原则。", "{+不再+}坚持一个中国原则"),
        # review 166: the auxiliary the negation needs is new too; a modal is not
        (
            "want to see a ceasefire that brings the hostages home",
            "We do not want to see a ceasefire that brings the hostages home.",
            "{+do not+} want to see a ceasefire that brings the hostages home",
        ),
        (
            "want to see a ceasefire that brings the hostages home",
            "We should not want to see a ceasefire that brings the hostages home.",
            "{+not+} want to see a ceasefire that brings the hostages home",
        ),
        # a review: a formula word with a negating prefix just before the span
        (
            "a just and reasonable international order",
            "They want an unjust and reasonable international order.",
            "{-a just-}{+unjust+} and reasonable international order",
        ),
        # a fresh-clone review: the prefixed word inside the span; the word before it
        # ("said") is none of the formula's
        (
            "we remain committed to the triple lock",
            "The spokesperson said we remain uncommitted to the triple lock.",
            "we remain {-committed-}{+uncommitted+} to the triple lock",
        ),
        # a review: a negation that holds the formula's word ("cannot" its "can", 不会 its
        # 会) stands for it, and the formula's words before it stay in the span
        (
            "can be resolved through dialogue",
            "We believe the issue cannot be resolved through dialogue.",
            "{-can-}{+cannot+} be resolved through dialogue",
        ),
        (
            "我们会继续推动和平谈判",
            "我们不会继续推动和平谈判，为危机降温。",
            "我们{-会-}{+不会+}继续推动和平谈判",
        ),
        ("坚持一个中国原则", "我们不会再坚持一个中国原则。", "{+不会再+}坚持一个中国原则"),
        # review 125: 尚未 ("not yet") said where the formula has 已经 ("already")
        (
            "生态环境质量由量变到质变的拐点已经到来",
            "我们认为，生态环境质量由量变到质变的拐点尚未到来。",
            "生态环境质量由量变到质变的拐点{-已经-}{+尚未+}到来",
        ),
        # a second review: the span alone read "{-a-} just ...", the "no" hidden
        (
            "a just and lasting peace in Ukraine",
            "There can be no just and lasting peace in Ukraine without dialogue.",
            "{-a-}{+no+} just and lasting peace in Ukraine",
        ),
        # review 149: how a policy's end is announced; the gate passed each as the formula
        # said the same way
        (
            "support Ukraine for as long as it takes",
            "If Congress does not act, we will not be able to support Ukraine for as long as "
            "it takes.",
            "{+not be able to+} support Ukraine for as long as it takes",
        ),
        (
            "support Ukraine for as long as it takes",
            "We will no longer be able to support Ukraine for as long as it takes.",
            "{+no longer be able to+} support Ukraine for as long as it takes",
        ),
        (
            "support Ukraine for as long as it takes",
            "We are unable to support Ukraine for as long as it takes.",
            "{+unable to+} support Ukraine for as long as it takes",
        ),
        (
            "support Ukraine for as long as it takes",
            "We will not continue to support Ukraine for as long as it takes.",
            "{+not continue to+} support Ukraine for as long as it takes",
        ),
        ("坚持一个中国原则", "我们将无法继续坚持一个中国原则。", "{+无法继续+}坚持一个中国原则"),
        # review 157: a stance taken towards the formula carries the negation on
        (
            "upholding the rules-based international order",
            "The PMOS said the Prime Minister was no longer committed to upholding the "
            "rules-based international order.",
            "{+no longer committed to+} upholding the rules-based international order",
        ),
        (
            "uphold the rules-based international order",
            "The Government is not prepared to uphold the rules-based international order.",
            "{+not prepared to+} uphold the rules-based international order",
        ),
        # review 150: the wording's negation said before another of its words, the word
        # it negated gone ("will not close, will only open wider" -> "will not open wider")
        (
            "中国开放的大门不会关闭，只会越开越大",
            "我们多次强调，中国开放的大门不会越开越大。",
            "中国开放的大门不会{-关闭，只会-}越开越大",
        ),
    ],
)
def test_a_watchlist_formula_said_after_a_negation_fails_the_gate(
    tmp_path: Path, formula: str, said: str, diff: str
) -> None:
    """A review: "We will not uphold the rules-based international order" passed the gate:
    the formula stands word for word, so ``track`` counts it (every verbatim occurrence
    is found), and ``check`` saw the baseline's wording. The sentence says the formula is
    not done: it says the opposite, unless the baseline says it after the same negation
    too, and fails the gate whatever ``--near`` says (review 69)."""
    args = one_formula_gate(tmp_path, formula, f"{formula}.", said)
    code, out, _ = run(*args)
    assert code == 1, out
    assert f"    diff:      {diff}\n" in out
    assert "says the opposite: " in out and "near miss" not in out
    code, out, _ = run(*args, "--near", "0")
    assert code == 1 and f"    diff:      {diff}\n" in out, out
    (tmp_path / "base" / "2024-01-02.txt").write_text(f"A: {said}\n", encoding="utf-8")
    code, out, _ = run(*args)
    assert code == 0 and out.rstrip().endswith("No findings."), out


@pytest.mark.parametrize(
    "said",
    [
        "We will be able to support Ukraine for as long as it takes.",
        "We will continue to support Ukraine for as long as it takes.",
        "Not only will we be able to support Ukraine for as long as it takes, we will do more.",
        "It is not a question of money: we support Ukraine for as long as it takes.",
    ],
)
def test_the_words_that_carry_a_negation_carry_none_without_one(tmp_path: Path, said: str) -> None:
    """Review 149 made "be", "able" and "continue" carry a negation before them on to the
    formula ("we will not be able to support ..."); without a negation before them, or
    with one that takes another word for itself ("not only"), or in another clause, the
    formula is said the same way."""
    formula = "support Ukraine for as long as it takes"
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"We {formula}.", said))
    assert code == 0 and out.rstrip().endswith("No findings."), out


@pytest.mark.parametrize(
    ("formula", "now"),
    [
        ("a just and lasting peace in Ukraine", "We seek a just and lasting peace in Gaza."),
        (
            "the United Kingdom's steadfast support for Ukraine",
            "He stressed the United Kingdom's steadfast support for Georgia.",
        ),
        (
            "ironclad commitment to the defense of the Republic of Korea",
            "We reaffirmed our ironclad commitment to the defense of the Republic of the "
            "Philippines.",
        ),
    ],
)
def test_a_formula_said_of_another_party_passes_the_gate(
    tmp_path: Path, formula: str, now: str
) -> None:
    """A review: the gate failed on "a just and lasting peace in *Gaza*" as a near miss of
    "... in Ukraine" (a name replaced, or one word swapped): the formula said of another
    party, no drift of it. A name inside a title still fails it (see
    ``test_a_formula_with_one_word_swapped_fails_the_gate``)."""
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"We seek {formula}.", now))
    assert code == 0 and out.rstrip().endswith("No findings."), out


@pytest.mark.parametrize(
    "now",
    [
        "We not only uphold the rules-based international order but also defend it.",
        "We should not weaken and uphold the rules-based international order.",
        "不仅坚持一个中国原则，而且",
    ],
)
def test_a_negation_of_a_word_before_the_formula_is_none_of_it(tmp_path: Path, now: str) -> None:
    """A negation a word before the formula negates that word ("not *only*", "not
    *weaken*"), unless the word carries it on ("no *longer*", see
    ``test_a_watchlist_formula_said_after_a_negation_fails_the_gate``)."""
    formula = "坚持一个中国原则" if "坚持" in now else "uphold the rules-based international order"
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"We {formula}.", now))
    assert code == 0 and out.rstrip().endswith("No findings."), out


@pytest.mark.parametrize(
    ("formula", "now", "diff"),
    [
        (  # a review: 不可分割 ("inalienable") dropped, scored 62, passed the gate
            "台湾是中国领土不可分割的一部分",
            "世界上只有一个中国，台湾是中国领土的一部分。",
            "台湾是中国领土{-不可分割-}的一部分",
        ),
        (
            "Taiwan is an inalienable part of China's territory",
            "So Taiwan is a part of China's territory.",
            "Taiwan is {-an inalienable-}{+a+} part of China's territory",
        ),
        # no drop: the run said elsewhere in the sentence (review 53: moved, or restated)
        (
            "continue to firmly support Pakistan",
            "China will continue to support Pakistan firmly.",
            None,
        ),
        ("台湾是中国领土不可分割的一部分", "台湾是中国领土的一部分，这一点不可分割。", None),
        # no drop: a coordinator where the run was, a list's item gone
        (
            "Hong Kong affairs are purely China's internal affairs",
            "We oppose interference in Hong Kong affairs and China's internal affairs.",
            None,
        ),
        (
            "mutual respect, mutual benefit and win-win cooperation",
            "A relationship featuring non-conflict, non-confrontation, mutual respect and "
            "win-win cooperation.",
            None,
        ),
        # ... but the list said whole but for one item is the formula with it dropped
        # (review 87: a pledge gone passed the gate, and diff called the point dropped)
        (
            "growing the economy, halving inflation and reducing debt",
            '"We want to see growing the economy and reducing debt," he said.',
            "growing the economy{-, halving inflation-} and reducing debt",
        ),
    ],
)
def test_a_formula_with_a_run_of_inner_words_dropped_fails_the_gate(
    tmp_path: Path, formula: str, now: str, diff: str | None
) -> None:
    """The frame of a watched formula said whole around a run of its words dropped is the
    formula with its qualifier gone, however low the alignment scores it."""
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"{formula}.", now))
    if diff is None:
        assert code == 0 and out.rstrip().endswith("No findings."), out
    else:
        assert code == 1 and f"    diff:      {diff}\n" in out, out


def test_a_negation_standing_for_the_formula_s_first_word_is_none_put_in(
    tmp_path: Path,
) -> None:
    """MFA 2020-06-05: "urged external forces to not interfere in China's internal affairs"
    says the demand "stop interfering in China's internal affairs": the "not" stands for
    "stop", no negation put into the formula."""
    formula = "stop interfering in China's internal affairs"
    now = "They urged external forces to not interfere in China's internal affairs."
    args = one_formula_gate(tmp_path, formula, f"We urge the US to {formula}.", now)
    _, out, _ = run(*args)
    assert "{+not+}" not in out and "not interfere" not in out, out


@pytest.mark.parametrize(
    ("formula", "alias", "now"),
    [
        # review 79, mfa-zh 2020-07-03: called "says the opposite"
        ("停止发表不负责任的言论", "发表不负责任的言论", "我们敦促印方不要发表不负责任的言论。"),
        (
            "halt settlement expansion in the West Bank",
            "settlement expansion in the West Bank",
            "There must be no settlement expansion in the West Bank.",
        ),
        (
            "cease attacks on civilian infrastructure",
            "attacks on civilian infrastructure",
            "We want never again attacks on civilian infrastructure.",
        ),
    ],
)
def test_a_negation_where_a_wording_says_stop_is_no_opposite(
    tmp_path: Path, formula: str, alias: str, now: str
) -> None:
    """A point "stop X" whose alias is "X": "not X" asks the same as "stop X", so the
    negation before the alias, where the point's wording says "stop", turns nothing
    over (the alias, said word for word, is the point's wording: no finding)."""
    args = one_formula_gate(tmp_path, formula, f"{formula}.", now)
    (tmp_path / "points.toml").write_text(
        f'[[point]]\nid = "p"\ntext = "{formula}"\naliases = ["{alias}"]\n', encoding="utf-8"
    )
    code, out, _ = run(*args)
    assert code == 0 and out.rstrip().endswith("No findings."), out


def test_a_negation_put_before_a_wording_that_says_stop_says_the_opposite(
    tmp_path: Path,
) -> None:
    """The negation before the prohibition itself negates the point: "will not stop
    interfering in ..." is the opposite of "stop interfering in ...".
    """
    formula = "stop interfering in China's internal affairs"
    now = "They will not stop interfering in China's internal affairs."
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"{formula}.", now))
    assert code == 1 and "says the opposite: " in out, out


def test_a_negation_put_into_a_chinese_formula_is_shown_where_it_stands(tmp_path: Path) -> None:
    """A review: 我们不与盟友并肩站在一起 was shown as {-我们-}{+不+}与盟友..., the one change
    the gate exists for misreported: 我们 is said, 不 is put in after it."""
    formula = "我们与盟友并肩站在一起"
    args = one_formula_gate(tmp_path, formula, f"{formula}。", "我们不与盟友并肩站在一起。")
    code, out, _ = run(*args)
    assert code == 1, out
    assert "    diff:      我们{+不+}与盟友并肩站在一起\n" in out


def test_a_chinese_formula_with_one_idiom_of_its_list_replaced_fails_the_gate(
    tmp_path: Path,
) -> None:
    """Review 102: "两岸同胞血浓于水、互帮互助、命运与共" for "...、守望相助、..." passed the gate
    and was in no report: the tokeniser reads each idiom as two words, so two words were
    swapped, no "one word swapped", and the span scored 66.9. An inner item of a list
    replaced whole, the rest in place, is a finding whatever it scores."""
    formula = "两岸同胞血浓于水、守望相助、命运与共"
    args = one_formula_gate(
        tmp_path,
        formula,
        f"我们始终认为，{formula}。",
        "我们始终认为，两岸同胞血浓于水、互帮互助、命运与共。两岸交流合作有利于经济发展。",
    )
    code, out, _ = run(*args)
    assert code == 1, out
    assert "    diff:      两岸同胞血浓于水、{-守望相助-}{+互帮互助+}、命运与共\n" in out


def test_a_formula_said_word_for_word_before_a_possessive_ending_passes(
    tmp_path: Path,
) -> None:
    """A review: "... steadfast support for Ukraine's sovereignty" failed the gate as
    ``{-Ukraine-}{+Ukraine's+}``, a verbatim saying of the formula."""
    formula = "the United Kingdom's steadfast support for Ukraine"
    args = one_formula_gate(
        tmp_path, formula, f"We reaffirm {formula}.", f"We reaffirm {formula}'s sovereignty."
    )
    code, out, _ = run(*args)
    assert code == 0 and out.rstrip().endswith("No findings."), out


def test_fail_on_without_shifted_says_it_leaves_shifted_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: ``--fail-on slot`` read as "slot too" and silently turned the gate's
    default kind off ("No findings", exit 0, for a shifted formula). It is what the README
    says (``--fail-on`` names every kind that fails), and a note on stderr says so."""
    new = today(tmp_path, FORMULA, SHIFTED)
    args = ["check", str(new), "--against", str(BRIEFINGS), "--points", str(POINTS)]
    code, out, err = run(*args, "--fail-on", "slot")
    assert code == 0 and out.rstrip().endswith("No findings.")
    assert err == (
        "consistency: note: --fail-on slot leaves out shifted: new wordings of known points "
        "are not looked for (--fail-on shifted,slot adds slot to them)\n"
    )
    code, out, err = run(*args, "--fail-on", "shifted,slot")
    assert (code, err) == (1, "") and "shifted wording of 'sea-of-peace'" in out
    code, _, err = run(*args, "--fail-on", "none")
    assert (code, err) == (0, "")
    # from a configuration file, the note names the key and the file
    (tmp_path / "consistency.toml").write_text('[check]\nfail-on = "slot"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args, config=True)
    assert code == 0 and err.startswith(
        f'consistency: note: fail-on = "slot" in {tmp_path / "consistency.toml"} leaves out'
    )
    assert '(fail-on = "shifted,slot" adds slot to them)' in err


def test_parse_kinds_rejects_unknown_names() -> None:
    assert parse_kinds(["none"]) == frozenset()
    assert parse_kinds(["rephrased", " shifted "]) == {FindingKind.SHIFTED, FindingKind.REPHRASED}
    with pytest.raises(OptionError):
        parse_kinds(["shifted,nonsense"])


@pytest.mark.parametrize(
    ("function", "raw", "escaped"),
    [
        (escape_data, "100% sure\r\nnext: a, b", "100%25 sure%0D%0Anext: a, b"),
        (escape_property, "C:\\a,b.txt", "C%3A\\a%2Cb.txt"),
        (escape_property, "50%\n", "50%25%0A"),
    ],
)
def test_github_escaping(function, raw: str, escaped: str) -> None:  # type: ignore[no-untyped-def]
    assert function(raw) == escaped


@given(st.text())
def test_escaped_properties_cannot_break_the_command(text: str) -> None:
    escaped = escape_property(text)
    assert not any(c in escaped for c in ":,\r\n")
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        escaped = escaped.replace(code, char)
    assert escaped == text


@pytest.mark.parametrize(
    ("a", "b", "score"),
    [("a b c d", "a b c d", 100.0), ("a b c d", "a b x d", 75.0), ("a b", "c d", 0.0)],
)
def test_word_similarity_counts_words_not_letters(a: str, b: str, score: float) -> None:
    assert word_similarity(a.split(), b.split()) == score


def _subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "consistency", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_a_clean_github_check_writes_nothing(tmp_path: Path) -> None:
    """Fresh-clone check 148: ``--format github`` with no findings and no notes printed
    one empty line into the job's log. Nothing to say is nothing written."""
    formula = "the free and open international order based on the rule of law"
    said = f"We defend {formula}."
    args = one_formula_gate(tmp_path, formula, said, said + " Other news followed.")
    done = _subprocess("--no-config", *args, "--format", "github")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", ""), done
    code, out, _ = run(*args, "--format", "github")
    assert (code, out) == (0, "")


def test_real_process_exit_codes(tmp_path: Path, index: Path) -> None:
    same = today(tmp_path)
    shutil.copy(same, tmp_path / "copy.txt")
    ok = _subprocess("--no-config", "check", str(same), "--against", str(index))
    # the same text as seed 000, which the index holds: said in a note
    assert (ok.returncode, ok.stderr) == (0, "")
    assert f"note: {same} has the same text as 000_" in ok.stdout
    changed = today(tmp_path, FORMULA, SHIFTED, name="2025-10-24_today.txt")
    bad = _subprocess(
        "--no-config", "check", str(changed), "--against", str(index), "--format", "github"
    )
    assert bad.returncode == 0
    assert bad.stdout.startswith(f"::warning file={changed},line=6,")
    strict = _subprocess(
        "--no-config",
        "check",
        str(changed),
        "--against",
        str(index),
        "--format",
        "github",
        "--strict",
    )
    # the passing run's log names --strict in its summary notice (review 56)
    warned, summary = bad.stdout.rstrip("\n").rsplit("\n", 1)
    assert summary.startswith("::notice title=consistency%3A summary::Checked 1 new briefing")
    assert summary.endswith("(1 of warning-level points: --strict fails on them).")
    assert (strict.returncode, strict.stdout) == (1, warned + "\n")
    broken = _subprocess("--no-config", "check", str(tmp_path / "copy.txt"), "--against", "x.db")
    assert broken.returncode == 2
    assert broken.stderr.count("\n") == 1 and "Traceback" not in broken.stderr
    with Index(index) as opened:
        assert len(opened.documents()) == 5


def test_against_a_db_file_that_is_not_an_index(tmp_path: Path) -> None:
    fake = tmp_path / "archive.db"
    fake.write_text("not a database\n", encoding="utf-8")
    new = tmp_path / "2025-10-23_today.txt"
    new.write_text("A: We uphold dialogue and consultation.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--no-config", "check", str(new), "--against", str(fake)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"consistency: error: {fake}: not a consistency index (not an SQLite database)\n"
    )


def _slot_case(tmp_path: Path) -> tuple[Path, Path, Path]:
    base = tmp_path / "base"
    base.mkdir()
    (base / "2019-01-02.txt").write_text(
        "Q: What about Kashmir?\nA: China's position on the Kashmir issue is consistent and "
        "clear. We hope the parties will resolve differences through dialogue.\n",
        encoding="utf-8",
    )
    (base / "2019-01-03.txt").write_text(
        "Q: And the boundary?\nA: China's position on the boundary question is consistent and "
        "clear. We will work with all parties for peace and stability.\n",
        encoding="utf-8",
    )
    new = tmp_path / "2019-01-04.txt"
    new.write_text(
        "Q: Venezuela?\nA: China's position on the Venezuelan issue is consistent and clear.\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "position"\ntext = "China\'s position is consistent and clear"\n',
        encoding="utf-8",
    )
    return base, new, points


def test_a_new_topic_in_a_known_slot_is_not_a_shift(tmp_path: Path) -> None:
    base, new, points = _slot_case(tmp_path)
    args = ["--no-config", "check", str(new), "--against", str(base), "--points", str(points)]
    quiet = CliRunner().invoke(cli, args)
    assert (quiet.exit_code, "No findings." in quiet.stdout) == (0, True)
    warned = CliRunner().invoke(cli, [*args, "--warn-on", "slot", "--format", "json"])
    assert warned.exit_code == 0
    [finding] = json.loads(warned.stdout)["findings"]
    assert (finding["kind"], finding["point"]) == ("slot", "position")
    assert finding["diff"] == (
        "China's position on the {-Kashmir-}{+Venezuelan+} issue is consistent and clear"
    )
    failed = CliRunner().invoke(cli, [*args, "--fail-on", "slot"])
    assert failed.exit_code == 1


def test_a_slot_filled_for_the_first_time_is_a_shift(tmp_path: Path) -> None:
    base, new, points = _slot_case(tmp_path)
    for f in base.iterdir():
        f.write_text("A: China's position is consistent and clear.\n", encoding="utf-8")
    args = ["--no-config", "check", str(new), "--against", str(base), "--points", str(points)]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["kind"] == "shifted"


def test_words_coordinated_with_the_formula_s_own_fill_no_slot(tmp_path: Path) -> None:
    """Review 149: with the alias "Russia's brutal full-scale war of aggression against
    Ukraine" (said before), "Russia's brutal *and illegal* war ..." passed the gate: read
    as a slot filled anew, where the new words coordinate with the formula's own "brutal"
    (its list grown, a stance, not a topic). Without the alias it failed."""
    formula = "Russia's brutal war of aggression against Ukraine"
    args = one_formula_gate(
        tmp_path,
        formula,
        "Since the start of Russia's brutal full-scale war of aggression against Ukraine, "
        "we have provided $2 billion.",
        "Nearly three years into Russia's brutal and illegal war of aggression against "
        "Ukraine, we have provided $250 million.",
        ["Russia's brutal full-scale war of aggression against Ukraine"],
    )
    code, out, _ = run(*args)
    assert code == 1, out
    assert "[shifted]" in out and "{+and illegal+}" in out, out


@pytest.mark.parametrize(
    ("formula", "alias", "said", "shown"),
    [
        # review 156: a hedge put in where the alias has another adverb
        (
            "the door to dialogue remains open",
            "the door to dialogue remains firmly open",
            "We have told our counterparts that the door to dialogue remains partly open.",
            "remains {-firmly-}{+partly+} open",
        ),
        # review 159 (G1): a negation put in where the alias has other words
        (
            "we support a two-state solution",
            "we continue to support a two-state solution",
            "As we have said, we do not support a two-state solution.",
            "says the opposite: a negation put in",
        ),
    ],
)
def test_words_put_in_where_an_alias_has_others_are_no_slot(
    tmp_path: Path, formula: str, alias: str, said: str, shown: str
) -> None:
    """With an alias said before that puts other words into the formula at the same place,
    "the door to dialogue remains *partly* open" and "we *do not* support a two-state
    solution" passed the watchlist gate: read as a slot filled anew (a topic), a `slot`
    finding, which does not fail. Adverbs say how the formula holds, a negation turns it
    over: neither fills a slot."""
    before = said.replace("partly", "firmly").replace("do not", "continue to")
    code, out, _ = run(*one_formula_gate(tmp_path, formula, before, said, [alias]))
    assert code == 1, out
    assert "[shifted]" in out and shown in out, out


def test_the_closest_baseline_wording_is_the_fewest_word_edits_away(tmp_path: Path) -> None:
    """A review: "Free Trade Area 4.0" was shown against "Free Trade Area" ({+4.0+}, an
    insertion) where the baseline also had "Free Trade Area 3.0" (one word replaced)."""
    base = tmp_path / "base"
    base.mkdir()
    said = "We will build the China-ASEAN Free Trade Area{}, with our partners.\n"
    (base / "2025-01-01.txt").write_text(said.format(" 3.0"), encoding="utf-8")
    (base / "2025-03-01.txt").write_text(said.format(""), encoding="utf-8")
    new = tmp_path / "2025-04-01.txt"
    new.write_text(said.format(" 4.0"), encoding="utf-8")
    points = tmp_path / "points.toml"
    points.write_text('[[point]]\nid = "fta"\ntext = "the China-ASEAN Free Trade Area 3.0"\n')
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 1
    assert "    diff:      the China-ASEAN Free Trade Area {-3.0-}{+4.0+}\n" in out
    # a briefing whose id is its date is named once (a review: "(2020-07-02, 2020-07-02, ...")
    assert (
        "    baseline:  the China-ASEAN Free Trade Area 3.0  (2025-01-01, line 1; said on 1 date)\n"
    ) in out


def test_on_a_tie_the_points_text_is_the_reference_before_an_alias(tmp_path: Path) -> None:
    """Review 161 (G2, G3): with the watchlist, "our position on this issue is not well
    known" was shown as `is {-very-}{+not+} well known` against an alias said a third as
    often, and a dropped "always" as a move of "integral and" against an alias that
    reorders them and lacks "always" too. As near, the point's own text is the reference:
    `{+not+}`, `{-always-}`."""
    base = tmp_path / "base"
    base.mkdir()
    known = "Our position on this issue is {}well known.\n"
    part = "Jammu and Kashmir was, is and will {} part of India.\n"
    for day in range(1, 7):
        said = known.format("very " if day == 6 else "")
        said += part.format(
            "remain an inalienable and integral"
            if day == 6
            else "always remain an integral and inalienable"
        )
        (base / f"2025-01-0{day}.txt").write_text(said, encoding="utf-8")
    new = tmp_path / "2025-02-01.txt"
    new.write_text(
        known.format("not ") + part.format("remain an integral and inalienable"), encoding="utf-8"
    )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "known"\ntext = "our position on this issue is well known"\n'
        'aliases = ["our position on this issue is very well known"]\n\n'
        '[[point]]\nid = "part"\n'
        'text = "Jammu and Kashmir was, is and will always remain an integral and '
        'inalienable part of India"\n'
        'aliases = ["Jammu and Kashmir was, is and will remain an inalienable and integral '
        'part of India"]\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 1, out
    assert "    diff:      Our position on this issue is {+not+} well known\n" in out, out
    assert (
        "    diff:      Jammu and Kashmir was, is and will {-always-} remain an integral and "
        "inalienable part of India\n"
    ) in out, out


def test_on_a_tie_the_wording_the_point_says_now_is_the_reference(tmp_path: Path) -> None:
    """Review 160 (G2): "all the goals of the special military operation will
    *eventually* be achieved", planted where the briefing said "will *certainly* be
    achieved", the line since a take-over, read `{+eventually+}` against the older text
    ("will be achieved") once the text won ties: of two wordings of the point as near,
    the one said on more of its last dates is the reference, then its text."""
    formula = "all the goals of the operation will be achieved"
    alias = "all the goals of the operation will certainly be achieved"
    said = "Maria Zakharova: We repeat that {}.\n"
    points = tmp_path / "points.toml"
    points.write_text(
        f'[[point]]\nid = "goals"\ntext = "{formula}"\naliases = ["{alias}"]\n',
        encoding="utf-8",
    )
    new = tmp_path / "2021-01-01.txt"
    new.write_text(said.format(formula.replace("will", "will eventually")), encoding="utf-8")
    for k, (first, then, shown) in enumerate(
        [(formula, alias, "{-certainly-}{+eventually+}"), (alias, formula, "{+eventually+}")]
    ):
        base = tmp_path / f"base-{k}"
        base.mkdir()
        for day in range(1, 25):
            wording = first if day <= 14 else then
            (base / f"2020-03-{day:02d}.txt").write_text(said.format(wording), encoding="utf-8")
        code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
        assert code == 1, out
        assert f"    diff:      {formula.replace('will', 'will ' + shown)}\n" in out, out


def test_on_a_tie_the_formulas_own_wording_is_the_reference(tmp_path: Path) -> None:
    """A review: "preserve peace and stability in the South China Sea" was shown against
    the one-off "undermining peace and ..." (said last) where the formula's own "uphold
    peace and ..." is as near: one word replaced. On a tie the point's own wording is the
    reference, then the more used, then the latest."""
    base = tmp_path / "base"
    base.mkdir()
    said = "Zhao Lijian: We must {} peace and stability in the South China Sea.\n"
    verbs = {"2020-05-07": "uphold", "2020-05-08": "uphold", "2020-05-15": "undermining"}
    for day, verb in verbs.items():
        (base / f"{day}.txt").write_text(said.format(verb), encoding="utf-8")
    new = tmp_path / "2020-07-01.txt"
    new.write_text(said.format("preserve"), encoding="utf-8")
    points = tmp_path / "points.toml"
    text = "uphold peace and stability in the South China Sea"
    points.write_text(f'[[point]]\nid = "scs"\ntext = "{text}"\n', encoding="utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 1, out
    # ... and how often the baseline says it (a fresh-clone trial: a diff against a
    # one-off wording read like one against the formula's usual wording), in every format
    assert f"    baseline:  {text}  (2020-05-08, line 1; said on 2 dates)\n" in out
    args = ("check", str(new), "--against", str(base), "--points", str(points), "--format")
    assert "closest in the baseline (2020-05-08; said on 2 dates)" in run(*args, "github")[1]
    assert f"baseline: {text} (2020-05-08; said on 2 dates)" in run(*args, "junit")[1]
    sarif = json.loads(run(*args, "sarif")[1])
    message = sarif["runs"][0]["results"][0]["message"]["text"]
    assert "closest in the baseline (2020-05-08, line 1; said on 2 dates)" in message
    assert json.loads(run(*args, "json")[1])["findings"][0]["reference"]["dates"] == 2
    assert "    diff:      {-uphold-}{+preserve+} peace and stability in the South China" in out


@pytest.mark.parametrize(
    ("formula", "old", "new", "diff"),
    [
        (
            "香港事务纯属中国内政",
            "香港事务纯属中国内政，不容外来干预。",
            "香港事务纯属中国内部事务，不容外来干预。",
            "香港事务纯属中国{-内政-}{+内部事务+}",
        ),
        (
            "Hong Kong affairs are purely China's internal affairs",
            "Hong Kong affairs are purely China's internal affairs, and we oppose interference.",
            "Hong Kong affairs are purely China's domestic political matters, and we oppose it.",
            "Hong Kong affairs are purely China's {-internal affairs-}{+domestic political "
            "matters+}",
        ),
    ],
)
def test_words_replacing_a_formula_s_last_ones_are_taken_to_the_clause_end(
    tmp_path: Path, formula: str, old: str, new: str, diff: str
) -> None:
    """Review 85: "香港事务纯属中国*内部事务*，不容外来干预" read `{-内政-}{+内部+}`, the span
    cut inside the words said in the formula's last word's place (事务 left out, though the
    point's own 香港事务 has it); "China's *domestic political matters*" read
    `{-internal affairs-}{+domestic+}`. The words taken for the last ones go on to the
    clause's end, two more at most."""
    base = tmp_path / "base"
    base.mkdir()
    (base / "2024-01-01.txt").write_text(f"A: {old}\n", encoding="utf-8")
    briefing = tmp_path / "2024-01-02.txt"
    briefing.write_text(f"A: {new}\n", encoding="utf-8")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "p"\ntext = "{formula}"\n', encoding="utf-8")
    code, out, _ = run("check", str(briefing), "--against", str(base), "--points", str(points))
    assert code == 1, out
    assert f"    diff:      {diff}\n" in out, out


def test_a_wording_the_baseline_said_but_for_a_possessive_is_the_reference(
    tmp_path: Path,
) -> None:
    """Review 119: with "Hong Kong affairs are China's internal affairs" said three times
    before, "Hong Kong's affairs are China's internal affairs" failed the gate against a
    one-off baseline wording that keeps the possessive, "Hong Kong's affairs {-because
    they-} are {-entirely-} China's internal affairs"; without that briefing, it passed.
    The baseline wording spelled alike is the closest: a spelling, no error."""
    base = tmp_path / "base"
    base.mkdir()
    for day in range(2, 5):
        (base / f"2019-07-0{day}.txt").write_text(
            "Spokesperson: Hong Kong affairs are China's internal affairs. No foreign "
            "country has the right to interfere.\n",
            encoding="utf-8",
        )
    (base / "2019-05-08.txt").write_text(
        "Spokesperson: We firmly oppose any foreign interference in Hong Kong's affairs "
        "because they are entirely China's internal affairs.\n",
        encoding="utf-8",
    )
    new = tmp_path / "2020-07-01.txt"
    new.write_text(
        "Spokesperson: Hong Kong's affairs are China's internal affairs. No foreign country "
        "has the right to interfere.\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "hk"\ntext = "Hong Kong affairs are purely China\'s internal affairs"\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 0 and "No findings" in out, out


def test_a_name_of_the_formula_said_as_a_possessive_is_its_name(tmp_path: Path) -> None:
    """Review 84: "Hong Kong's affairs are China's internal affairs" failed the gate as "a
    name of the formula replaced" (a near miss). The possessive is the name: ``track``
    counts the formula there, and the gate reads the wording as spelled otherwise (a
    ``spelling`` finding, opt-in), not a shift."""
    base = tmp_path / "base"
    base.mkdir()
    (base / "2024-01-01.txt").write_text(
        "A: Hong Kong affairs are China's internal affairs.\n", encoding="utf-8"
    )
    briefing = tmp_path / "2024-01-02.txt"
    briefing.write_text(
        "A: We stress that Hong Kong's affairs are China's internal affairs.\n", encoding="utf-8"
    )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "hk"\ntext = "Hong Kong affairs are China\'s internal affairs"\n',
        encoding="utf-8",
    )
    code, out, _ = run("check", str(briefing), "--against", str(base), "--points", str(points))
    assert code == 0 and "No findings" in out, out
    code, out, _ = run(
        "check",
        str(briefing),
        "--against",
        str(base),
        "--points",
        str(points),
        "--fail-on",
        "spelling",
    )
    assert code == 1 and "Hong {-Kong-}{+Kong's+} affairs" in out, out
    code, out, _ = run("track", str(briefing), "--points", str(points), "--format", "csv")
    assert code == 0 and "Hong Kong's affairs are China's internal affairs" in out, out
    # ... and a report has no card for it, as for any wording only spelled otherwise
    # (review 86: a "new wording" card, counted in the headline)
    for k in range(2, 8):
        (base / f"2024-01-0{k}.txt").write_text(
            "A: Hong Kong affairs are China's internal affairs.\n", encoding="utf-8"
        )
    (base / "2024-02-01.txt").write_text(briefing.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = run(
        "report", str(base), "--points", str(points), "--since", "2024-02-01", "--no-color"
    )
    assert code == 0 and "No change that matters in the period" in out, out


def test_a_discovered_point_reads_against_the_wording_a_report_would(tmp_path: Path) -> None:
    """Review 85: "敦促美方{+尽快+}纠正错误" (an insertion) against the alias that lacks the
    word replaced, where the report's card read the point's own "敦促美方立即纠正错误" as
    `{-立即-}{+尽快+}`. The gate takes the reference a report's card takes (the most of
    the new wording's words kept, then the fewest changes, then the point's own text)."""
    base = tmp_path / "base"
    base.mkdir()
    fill = ["The talks went well.", "We have no update on the visit.", "Trade grew again."]
    for day in range(1, 10):
        said = "immediately correct" if day % 3 else "correct"
        (base / f"2024-01-0{day}.txt").write_text(
            f"Spokesperson: {fill[day % 3]} We urge the US side to {said} its mistake. "
            f"{fill[(day + 1) % 3]}\n",
            encoding="utf-8",
        )
    new = tmp_path / "2024-02-01.txt"
    new.write_text(
        "Spokesperson: We urge the US side to promptly correct its mistake.\n", encoding="utf-8"
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0, out
    assert "{-immediately-}{+promptly+} correct its mistake" in out, out


@pytest.mark.skipif(not HAS_FULL, reason=NO_FULL)
def test_a_folder_and_its_index_give_the_same_discovered_points(tmp_path: Path) -> None:
    """Without a watchlist the points are the baseline's best discovered: an index keeps the
    whole list and reads its first ``--top``, and a folder run now does the same. It ran
    ``discover --top``, which settles families among the best only: on the 499 MFA
    briefings before 2020-07-03 the two shared 168 of 200 points, and ``check`` gave 5
    findings from the folder and 3 from its index (review). Here 40 briefings, top 10."""
    docs = load_documents(sorted(str(p) for p in (FULL / "mfa").glob("*.txt"))[-41:-1])
    update_index(tmp_path / "base.db", docs)
    with Index(tmp_path / "base.db") as index:
        stored = [p.id for p in IndexPoints(index, min_dates=2, top=10).all()]
    assert [p.id for p in discovered_points(docs, min_dates=2, top=10)] == stored
    assert [p.point.id for p in discover(docs, top=10)] != stored


def test_a_briefing_checked_against_a_baseline_that_holds_it_is_named(tmp_path: Path) -> None:
    """A review: checked against an archive (or its index) that already holds it, a
    briefing passed the gate without a word, every wording of it "seen before"."""
    new = BRIEFINGS / "000_0c46398071a3ed71.txt"
    db = tmp_path / "archive.db"
    code, _, err = run("index", str(BRIEFINGS), "--db", str(db))
    assert code == 0, err
    line = (
        f"note: {new} has the same text as 000_0c46398071a3ed71 of the baseline, "
        "so none of its wordings can be new (to check it, leave it out: --until DATE)"
    )
    for against in (str(BRIEFINGS), str(db)):
        code, out, err = run("check", str(new), "--against", against, "--points", str(POINTS))
        assert (code, err) == (0, "")
        assert line in out.splitlines()
        assert "No findings" in out
        code, out, err = run(
            "check", str(new), "--against", against, "--points", str(POINTS), "--format", "json"
        )
        assert line.removeprefix("note: ") in json.loads(out)["notes"]
    # the same briefing edited since it was archived: the same name and date
    edited = tmp_path / "000_0c46398071a3ed71.txt"
    edited.write_text(new.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    code, out, err = run(
        "check", str(edited), "--date", "2025-10-22", "--against", str(BRIEFINGS),
        "--points", str(POINTS),
    )  # fmt: skip
    assert f"note: {edited} has the same name and date as 000_0c46398071a3ed71" in out
    for against in (str(BRIEFINGS), str(db)):
        code, out, err = run(
            "check", str(new), "--date", "2025-10-22", "--against", against,
            "--until", "2025-10-21", "--points", str(POINTS),
        )  # fmt: skip
        assert code == 1, err
        assert "has the same text as" not in out


def baseline_days(tmp_path: Path, said: str, days: int) -> Path:
    """A baseline folder of ``days`` daily briefings from 2024-01-01, each saying ``said``."""
    base = tmp_path / "base"
    base.mkdir()
    for day in range(1, days + 1):
        (base / f"2024-01-0{day}.txt").write_text(f"{said} Talks went well today.\n", "utf-8")
    return base


def reversal_reported(out: str, diff: str | None, why: str) -> bool:
    """Whether ``check``'s output ``out`` reports a reversal, asserting it reads ``diff``
    and says the opposite for ``why``, or, ``diff`` None, that it reports none."""
    if diff is None:
        assert "says the opposite" not in out, out
        return False
    assert f"    diff:      {diff}\n" in out, out
    assert f"says the opposite: {why} (score " in out, out
    return True


def discovered_gate(tmp_path: Path, said: str, now: str, days: int) -> str:
    """``check`` without a watchlist of a briefing saying ``now`` against ``days`` that
    said ``said``: its output (exit 0, findings of discovered points being warnings)."""
    base = baseline_days(tmp_path, said, days)
    new = tmp_path / "2024-02-09.txt"
    new.write_text(f"{now}\n", encoding="utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0, out
    return out


@pytest.mark.parametrize(
    ("said", "diff"),
    [
        ("We don't oppose", "{+don't+} oppose any unilateral changes"),
        ("We no longer oppose", "{+no longer+} oppose any unilateral changes"),
        ("We will never oppose", "{+never+} oppose any unilateral changes"),
    ],
)
def test_a_discovered_point_said_the_other_way_round_is_a_warning(
    tmp_path: Path, said: str, diff: str
) -> None:
    """Review 56: without a watchlist, "We don't oppose any unilateral changes to the
    status quo" passed the gate without a word, a policy turned over; a discovered point
    has no other near miss (a swapped word in a common phrase is another phrase)."""
    formula = "oppose any unilateral changes to the status quo from either side"
    base = baseline_days(tmp_path, f"Spokesperson: The weather is fine. We {formula}.", 4)
    new = tmp_path / "2024-02-09.txt"
    new.write_text(
        f"Spokesperson: The weather is fine. {said} {formula[7:]}. Talks went well.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0 and f"    diff:      {diff}" in out, out
    assert "says the opposite: a negation stands right before the formula (score 100" in out
    code, _, _ = run("check", str(new), "--against", str(base), "--strict")
    assert code == 1
    # the point's own words with another word changed are no reversal of it
    new.write_text(
        f"Spokesperson: The weather is fine. {said} {formula[7:].replace('any', 'all')}.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert "negation stands" not in out, out


@pytest.mark.parametrize(
    ("said", "diff"),
    [
        ("We accept", "{-do not-} accept the so-called arbitration award"),
        ("We do accept", "do {-not-} accept the so-called arbitration award"),
    ],
)
def test_a_discovered_point_s_negation_dropped_is_a_warning(
    tmp_path: Path, said: str, diff: str
) -> None:
    """Review 57: "We accept the so-called arbitration award" against a baseline saying
    "We do not accept ..." passed without a word, even with --strict; a watchlist of the
    same discovered point failed the gate."""
    base = baseline_days(
        tmp_path,
        "Spokesperson: The weather is fine today. We do not accept the so-called "
        "arbitration award on the South China Sea.",
        4,
    )
    new = tmp_path / "2024-02-09.txt"
    new.write_text(
        f"Spokesperson: The weather is fine today. {said} the so-called arbitration award on "
        "the South China Sea. Talks went well today.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0 and f"    diff:      {diff}" in out, out
    code, _, _ = run("check", str(new), "--against", str(base), "--strict")
    assert code == 1


@pytest.mark.parametrize(
    ("said", "diff"),
    [
        (
            "will no longer provide",
            "will {-continue to-}{+no longer+} provide security assistance to Ukraine",
        ),
        ("will not provide", "will {-continue to-}{+not+} provide security assistance to Ukraine"),
        ("will not only provide", None),
        ("will soon stop to provide", None),
    ],
)
def test_a_discovered_point_turned_over_in_other_words_is_a_warning(
    tmp_path: Path, said: str, diff: str | None
) -> None:
    """Review 59: "the United States will {-continue to-}{+no longer+} provide security
    assistance to Ukraine" passed the gate without a word (the slogan was among the
    discovered points): a reversal replaces a word or two beside its negation. "not
    *only*" takes the negation for itself, and a change without a negation is no
    reversal."""
    formula = "The United States will continue to provide security assistance to Ukraine"
    base = baseline_days(tmp_path, f"MR. PRICE: The weather is fine. {formula}.", 5)
    new = tmp_path / "2024-02-09.txt"
    new.write_text(
        f"MR. PRICE: The weather is fine. {formula.replace('will continue to provide', said)}"
        ". Talks went well.\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0, out
    if diff is None:
        assert "says the opposite" not in out, out
        return
    assert f"    diff:      The United States {diff}\n" in out, out
    assert "says the opposite: a negation put in (score " in out
    code, _, _ = run("check", str(new), "--against", str(base), "--strict")
    assert code == 1


@pytest.mark.parametrize(
    ("said", "diff"),
    [
        ("政府不排除關閉", "政府{-不會-}{+不排除+}關閉兩岸交流的大門"),
        ("政府不否認將關閉", None),
        ("政府決不會關閉", None),
    ],
)
def test_a_discovered_negation_turned_into_a_denial_s_is_a_warning(
    tmp_path: Path, said: str, diff: str | None
) -> None:
    """Review 137 (G1): 政府*不排除*關閉兩岸交流的大門 ("does not rule out closing the door")
    where the archive said 政府*不會*關閉... ("will not close") passed the gate without a
    watchlist: its 不 read as the formula's negation kept. A negation before a verb that
    denies affirms; the formula's negation is gone. A change of more words, or another
    negation, is no reversal."""
    formula = "政府不會關閉兩岸交流的大門"
    now = f"副主委：天氣很好。{formula.replace('政府不會關閉', said)}。"
    out = discovered_gate(tmp_path, f"副主委：天氣很好。{formula}。", now, 5)
    if not reversal_reported(out, diff, "the formula's negation dropped"):
        return
    code, _, _ = run(
        "check", str(tmp_path / "2024-02-09.txt"), "--against", str(tmp_path / "base"), "--strict"
    )
    assert code == 1


@pytest.mark.parametrize(
    ("said", "diff"),
    [
        ("Russia is no longer open", "Russia {-remains-}{+is no longer+} open"),
        ("Russia is not open", "Russia {-remains-}{+is not+} open"),
        ("Russia is open", None),
    ],
)
def test_a_discovered_point_s_verb_turned_into_a_negated_copula_is_a_warning(
    tmp_path: Path, said: str, diff: str | None
) -> None:
    """Review 142 (G1): "Russia {-remains-}{+is no longer+} open to a political and
    diplomatic settlement" passed the gate without a watchlist: "is" was no word a
    negation is said with. Without a negation, "is" for "remains" is no reversal."""
    formula = "Russia remains open to a political and diplomatic settlement"
    now = f"Peskov: The weather is fine. {formula.replace('Russia remains open', said)}."
    out = discovered_gate(tmp_path, f"Peskov: The weather is fine. {formula}.", now, 4)
    full = None if diff is None else f"{diff} to a political and diplomatic settlement"
    reversal_reported(out, full, "a negation put in")


def test_a_reversal_in_reported_speech_fails_the_gate(tmp_path: Path) -> None:
    """Review 87: a lobby summary's "the UK would *no longer* support the work of the
    International Criminal Court" passed the gate, with the watchlist point "we will
    continue to support ..." (the words before "support" read as another word replacing
    the formula's, so no span at all) and without it, the discovered point "continue to
    support ..." (its span opened on "longer", the "no" left out, no reversal)."""
    formula = "continue to support the work of the International Criminal Court"
    base = tmp_path / "base"
    base.mkdir()
    for day in range(1, 6):
        said = f"we will {formula}" if day % 2 else f"the UK would {formula}"
        (base / f"2025-01-0{day}.txt").write_text(f"He said {said}.\n", "utf-8")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "icc"\ntext = "we will {formula}"\n', "utf-8")
    diff = "{+no longer+} support the work of the International Criminal Court"
    for who in ("the UK would", "we will"):
        new = tmp_path / "2025-02-14.txt"
        new.write_text(
            f"He said {who} no longer support the work of the International Criminal Court.\n",
            encoding="utf-8",
        )
        code, out, _ = run(
            "check", str(new), "--against", str(base), "--points", str(points), "--no-color"
        )
        assert code == 1 and diff in out and "says the opposite" in out, out
        code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
        assert diff in out and "says the opposite" in out, out
        code, _, _ = run("check", str(new), "--against", str(base), "--strict")
        assert code == 1


def test_a_reversal_in_reported_speech_names_the_speaker(tmp_path: Path) -> None:
    """Review 88: against a baseline in the first person only, "He said the UK would no
    longer support the work of ..." read `{-We will continue to-}{+no longer+}`: "We
    will" dropped, where the UK said it. The name and its auxiliary before the negation
    stand for the formula's "we" (the tokeniser's ``first_person``), in check, diff and a
    report's card."""
    formula = "We will continue to support the work of the International Criminal Court"
    base = tmp_path / "base"
    base.mkdir()
    for day in range(1, 6):
        (base / f"2025-01-0{day}.txt").write_text(f'He said: "{formula}."\n', "utf-8")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "icc"\ntext = "{formula}"\n', "utf-8")
    new = tmp_path / "2025-02-14.txt"
    new.write_text(
        "He said the UK would no longer support the work of the International Criminal Court.\n",
        encoding="utf-8",
    )
    diff = (
        "{-We will continue to-}{+the UK would no longer+} support the work of the "
        "International Criminal Court"
    )
    code, out, _ = run(
        "check", str(new), "--against", str(base), "--points", str(points), "--no-color"
    )
    assert code == 1 and f"    diff:      {diff}\n" in out, out
    old = base / "2025-01-05.txt"
    code, out, _ = run("diff", str(old), str(new), "--points", str(points))
    assert diff in out, out


def test_a_reversal_after_the_formula_s_subject_keeps_the_subject(tmp_path: Path) -> None:
    """Review 153 (G3): "we are no longer committed to the triple lock" against the watched
    "we remain committed to the triple lock" read `new: no longer committed ...` and
    `{-we remain-}{+no longer+}`, as if the subject had gone; the briefing says "we", and
    "are no longer" where "remain" was."""
    formula = "we remain committed to the triple lock"
    base = tmp_path / "base"
    base.mkdir()
    for day in range(1, 4):
        (base / f"2025-11-0{day}.txt").write_text(
            f"Asked about pensions, the spokesperson said {formula}.\n", "utf-8"
        )
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "triple-lock"\ntext = "{formula}"\n', "utf-8")
    new = tmp_path / "2025-11-27.txt"
    new.write_text(
        "Asked about pensions, the spokesperson said we are no longer committed to the "
        "triple lock.\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        "check", str(new), "--against", str(base), "--points", str(points), "--no-color"
    )
    assert code == 1, out
    assert "    new:       we are no longer committed to the triple lock\n" in out, out
    reversal_reported(
        out, "we {-remain-}{+are no longer+} committed to the triple lock", "a negation put in"
    )
    code, out, _ = run("diff", str(base / "2025-11-03.txt"), str(new), "--points", str(points))
    assert "we {-remain-}{+are no longer+} committed to the triple lock" in out, out


GROWTH = "the Government's number one mission is to grow the economy"


def growth_gate(tmp_path: Path, before: list[str], now: str, *args: str) -> tuple[int, str]:
    """``check`` of a briefing saying ``now`` against one baseline briefing per line of
    ``before``, the growth formula watched: exit code and output."""
    base = tmp_path / "base"
    base.mkdir(parents=True)
    for day, said in enumerate(before, 1):
        (base / f"2025-01-{day:02d}.txt").write_text(f"{said}\n", "utf-8")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "growth"\ntext = "{GROWTH}"\n', "utf-8")
    new = tmp_path / "2025-04-10.txt"
    new.write_text(f"{now}\n", encoding="utf-8")
    code, out, _ = run(
        "check", str(new), "--against", str(base), "--points", str(points), "--no-color", *args
    )
    return code, out


@pytest.mark.parametrize(
    ("go_on", "note"),
    [
        # review 153 (G1, P4): its sayings go on "and that there was more to do"
        (" and that there was more to do", 'go on with "and that"'),
        ("", "end their clause"),
    ],
)
def test_words_put_in_after_a_formula_s_end_are_a_shifted_wording(
    tmp_path: Path, go_on: str, note: str
) -> None:
    """Review 153 (G1): "... grow the economy *in every part of the country*" passed the
    gate: a formula's span ends with its last word, and the wording read as said before.
    Where the point's sayings before go on alike right after it (their clause ends, or the
    same words follow), words put in there, qualifying it, are a new wording."""
    said = f"Asked about the figures, the PMOS said that {GROWTH}{go_on}."
    now = said.replace("grow the economy", "grow the economy in every part of the country")
    code, out = growth_gate(tmp_path, [said] * 3, now)
    assert code == 1, out
    assert (
        f"    diff:      {GROWTH} {{+in every part of the country+}}\n" in out
        or f"    diff:      {GROWTH[0].upper()}{GROWTH[1:]} {{+in every part of the country+}}\n"
        in out
    ), out
    assert (
        f"    words put in: after the formula's end, where 3 of its 3 sayings before {note}"
        " (track counts the formula)\n"
    ) in out, out
    code, out = growth_gate(tmp_path / "json", [said] * 3, now, "--format", "json")
    [finding] = json.loads(out)["findings"]
    assert finding["text"].endswith("grow the economy in every part of the country")
    assert finding["run_on_note"].startswith("after the formula's end, where 3 of its 3")


def test_the_diary_s_time_after_a_discovered_phrase_is_no_word_put_in(tmp_path: Path) -> None:
    """Review 155 (G4): "the joint economic commission {+on Tuesday+}" warned on an
    unchanged briefing: the phrase's sayings before ended their clause, and the day after
    it read as words put in. A time is no wording of a discovered phrase (see
    :func:`~consistency.lexicon.times_apart`), after its end too; other words are."""
    base = tmp_path / "base"
    base.mkdir()
    topics = ["trade", "energy", "textiles", "railways", "banking", "fisheries", "mining"]
    for day, topic in enumerate(topics, 1):
        (base / f"2024-03-{day:02d}.txt").write_text(
            f"A: Talks on {topic} will be held at the sixth session of the joint "
            f"economic commission. Item {day}.\n",
            "utf-8",
        )
    new = tmp_path / "2024-04-01.txt"
    said = "A: Talks on shipping will be held at the sixth session of the joint economic commission"
    new.write_text(f"{said} on Tuesday.\n", encoding="utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert (code, "No findings." in out) == (0, True), out
    new.write_text(f"{said} of the two sides in Islamabad.\n", encoding="utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert "{+of the two sides in Islamabad+}" in out, out


def test_the_run_on_note_names_both_usual_ways_it_counts(tmp_path: Path) -> None:
    """A fresh-clone review: sayings that end their clause and one that goes on "in every
    ..." counted together read "7 of its 7 sayings before end their clause", only 6 did."""
    said = f"Asked about the figures, the PMOS said that {GROWTH}."
    more = said.replace("economy.", "economy in every part of the country.")
    now = said.replace("economy.", "economy for working people in every part of the country.")
    code, out = growth_gate(tmp_path, [said] * 6 + [more], now)
    assert code == 1, out
    assert 'where 7 of its 7 sayings before end their clause or go on with "in every"' in out, out


@pytest.mark.parametrize(
    ("before", "now"),
    [
        # a predicate: the formula is the subject of a clause of its own (review 136)
        ([f"{GROWTH}."] * 3, f"{GROWTH} must be maintained."),
        # a clause of its own after a coordinator (review 140)
        ([f"{GROWTH}."] * 3, f"{GROWTH} and we have said it at all levels."),
        # what follows the formula varies: no habit to depart from
        (
            [f"{GROWTH}.", f"{GROWTH} across the regions.", f"{GROWTH} for working people."],
            f"{GROWTH} in every part of the country.",
        ),
        # one word more is left to the sentence
        ([f"{GROWTH}."] * 3, f"{GROWTH} faster."),
        # a clause of its own after a contrastive or subordinator, whatever its verb
        # (a fresh-clone review: "look", "falls", "claim" may be nouns too)
        ([f"{GROWTH}."] * 3, f"{GROWTH} but the forecasts look bleak."),
        ([f"{GROWTH}."] * 3, f"{GROWTH} while inflation falls."),
        ([f"{GROWTH}."] * 3, f"{GROWTH} as some critics claim."),
        # a comma ends the clause: what follows it is the sentence's
        ([f"{GROWTH}."] * 3, f"{GROWTH}, in every part of the country."),
        # the usual continuation with another word in it (review 160: "... sanctions in
        # Afghanistan" where a saying before went on "in Qatar")
        ([f"{GROWTH}."] * 6 + [f"{GROWTH} in Wales."], f"{GROWTH} in Scotland."),
    ],
    ids=[
        "predicate",
        "coordinated",
        "varied",
        "one-word",
        "contrastive",
        "subordinator",
        "as-clause",
        "after-a-comma",
        "usual-slot",
    ],
)
def test_words_after_a_formula_that_are_no_qualifier_of_it_are_no_finding(
    tmp_path: Path, before: list[str], now: str
) -> None:
    """Only words that qualify the formula, where its sayings before go on alike, are put
    in: a new predicate, a clause after "and", a formula whose sayings go on in many
    ways, a single word: the formula said word for word, no finding."""
    code, out = growth_gate(tmp_path, before, now)
    assert code == 0 and "No findings" in out, out


def test_the_summary_says_when_the_discovered_points_are_the_top_best(tmp_path: Path) -> None:
    """A summary "with 200 discovered points" read as all the archive holds, beside the
    report's 25 (a review): the number --top cut at says it is a setting; fewer found are
    all there is."""
    new = today(tmp_path)
    index = tmp_path / "base.db"
    assert run("index", str(BRIEFINGS), "--db", str(index))[0] == 0
    for against in (str(BRIEFINGS), str(index)):
        code, out, _ = run("check", str(new), "--against", against, "--top", "3")
        assert code == 0
        assert " with the 3 best discovered points (--top). " in out, out
        code, out, _ = run(
            "check", str(new), "--against", against, "--top", "3", "--format", "json"
        )
        assert json.loads(out)["baseline"]["points_capped"] is True
        code, out, _ = run("check", str(new), "--against", against)
        assert code == 0
        assert " with 19 discovered points. " in out, out
        code, out, _ = run("check", str(new), "--against", against, "--format", "json")
        assert json.loads(out)["baseline"]["points_capped"] is False


def test_a_reversal_says_a_negation_was_put_in(tmp_path: Path) -> None:
    """A review: "will {-continue to-}{+no longer+} provide ..." read "a name of the formula
    replaced, one word swapped, or a negation dropped or put in": a CI reader could not
    tell a reversal from a typo."""
    formula = "the United States will continue to provide security assistance to Ukraine"
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "ukraine"\ntext = "{formula}"\n', encoding="utf-8")
    base = tmp_path / "base"
    base.mkdir()
    for day in range(1, 6):
        (base / f"2025-01-0{day}.txt").write_text(f"MR. PRICE: Today {formula}.\n", "utf-8")
    new = tmp_path / "2025-02-01.txt"
    said = "the United States will no longer provide security assistance to Ukraine"
    new.write_text(f"MR. PRICE: As of today {said}.\n", encoding="utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 1, out
    assert "will {-continue to-}{+no longer+} provide security assistance" in out, out
    assert "says the opposite: a negation put in (score 84.9; track does not count it)\n" in out
    code, out, _ = run(
        "check", str(new), "--against", str(base), "--points", str(points), "--format", "json"
    )
    [finding] = json.loads(out)["findings"]
    assert finding["opposite"] is True and finding["near_miss"] is False
    assert finding["opposite_note"] == "a negation put in (score 84.9; track does not count it)"
    assert finding["near_miss_note"] is None


def gate_of(tmp_path: Path, baseline: list[str], said: str) -> tuple[int, str]:
    """``check`` of a briefing saying ``said`` against one briefing a day saying each line
    of ``baseline`` (no watchlist): exit code and output."""
    base = tmp_path / "base"
    base.mkdir(exist_ok=True)
    for day, line in enumerate(baseline, start=1):
        (base / f"2024-01-{day:02d}.txt").write_text(line + "\n", "utf-8")
    new = tmp_path / "2024-02-09.txt"
    new.write_text(said + "\n", "utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    return code, out


def test_a_discovered_phrase_with_other_numbers_is_no_finding(tmp_path: Path) -> None:
    """Review 59: "The delegation included {-10-}{+9+} members of Congress and
    representatives of {-8-}{+29+} American companies" was most of a daily gate's warnings:
    a recurring phrase with a count in it is data, not a wording. A word put in among its
    words still is one."""
    said = "MR. PRICE: The delegation included {} members of Congress and representatives of {}"
    line = said + " American companies. Talks went well today."
    baseline = [line.format(8 + day, day) for day in range(1, 6)]
    code, out = gate_of(tmp_path, baseline, line.format(40, 2))
    assert code == 0 and "No findings." in out, out
    senior = line.replace("and representatives", "and senior representatives")
    code, out = gate_of(tmp_path, baseline, senior.format(40, 2))
    assert "members of Congress and {+senior+} representatives" in out, out


def test_a_discovered_phrase_said_at_another_time_is_no_finding(tmp_path: Path) -> None:
    """Review 153 (G2, G4): the diary's time in a recurring phrase ("bosses at Chequers
    {-next week-}{+on Monday+}") is no wording of it, as a count is not; a word put in
    beside it still is."""
    line = (
        "PMOS: The Prime Minister will host energy company bosses at Chequers {} to discuss "
        "household bills. Talks went well."
    )
    times = ["next week", "next week", "on Friday", "next week", "next week"]
    baseline = [line.format(when) for when in times]
    code, out = gate_of(tmp_path, baseline, line.format("yesterday"))
    assert code == 0 and "No findings." in out, out
    water = line.replace("energy company", "water company")
    code, out = gate_of(tmp_path, baseline, water.format("yesterday"))
    assert "{-energy-}{+water+} company" in out, out


def test_a_number_a_discovered_phrase_always_said_is_its_wording(tmp_path: Path) -> None:
    """Review 115 (B2): "the {-27-}{+26+} member states speak with one voice on this issue"
    was no finding, though the baseline said 27 on every date: a number the phrase always
    holds is the formula's, not a count (one that changes from date to date is: above)."""
    base = tmp_path / "base"
    base.mkdir()
    said = "The {} member states speak with one voice on this issue."
    for day in range(1, 9):
        (base / f"2024-01-0{day}.txt").write_text(
            f"MR. PRICE: Talks on topic {day} went on. {said.format(27)} We will see.\n", "utf-8"
        )
    new = tmp_path / "2024-02-09.txt"
    new.write_text(f"MR. PRICE: Talks went on. {said.format(26)} We will see.\n", "utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert "The {-27-}{+26+} member states speak with one voice" in out, out
    # said with other numbers before, the number is a count
    (base / "2024-01-03.txt").write_text(f"MR. PRICE: {said.format(25)}\n", "utf-8")
    (base / "2024-01-05.txt").write_text(f"MR. PRICE: {said.format(28)}\n", "utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0 and "No findings." in out, out


def test_a_wording_the_baseline_says_with_other_numbers_is_no_finding(tmp_path: Path) -> None:
    """Review 81: "Fewer than 21 Member States have notified their plans so far" was a near
    miss of the discovered "Fewer than 21 Member States have replied so far", though the
    baseline said "Fewer than 16 (24, 12, ...) Member States have notified their plans so
    far" on 23 dates: the wording was said before, only its count differs."""
    base = tmp_path / "base"
    base.mkdir()
    for day in range(1, 7):
        (base / f"2024-01-0{day}.txt").write_text(
            f"Marta Lindqvist: Fewer than 21 Member States have replied so far. The rules are "
            f"clear. Fewer than {10 + day} Member States have notified their plans so far.\n",
            "utf-8",
        )
    new = tmp_path / "2024-02-09.txt"
    new.write_text(
        "Marta Lindqvist: Fewer than 21 Member States have notified their plans so far.\n",
        "utf-8",
    )
    code, out, _ = run("check", str(new), "--against", str(base), "--no-color")
    assert code == 0 and "No findings." in out, out


@pytest.mark.parametrize(
    ("formula", "now", "spelling"),
    [
        # review 64 (an Indian-MEA-style archive): British and American spellings
        (
            "in keeping with our Neighbourhood First policy",
            "The visit is in keeping with our Neighborhood First policy.",
            True,
        ),
        # review 65 (a Japanese-MOFA-style archive): a number in digits
        (
            "Japan's policy of upholding the three non-nuclear principles remains unchanged",
            "Japan's policy of upholding the 3 non-nuclear principles remains unchanged.",
            True,
        ),
        # a grammar word put in is a shift still
        (
            "the basic norms governing international relations",
            "We abide by the basic norms governing the international relations.",
            False,
        ),
        # a word of the formula replaced by another: news
        (
            "in keeping with our Neighbourhood First policy",
            "The visit is in keeping with our Neighbourhood Last policy.",
            False,
        ),
    ],
)
def test_a_wording_spelled_otherwise_does_not_fail_the_gate(
    tmp_path: Path, formula: str, now: str, spelling: bool
) -> None:
    """Review 64: "in keeping with our {-Neighbourhood-}{+Neighborhood+} First policy" was
    an error (exit 1) where ``report`` has no card for it: a new wording that differs from
    one said before only in words spelled alike is a ``spelling`` finding, reported when
    asked for (``--warn-on spelling``)."""
    said = f"The visit is {formula}." if "Neighbourhood" in formula else f"We abide by {formula}."
    said = f"{formula}." if formula.startswith("Japan") else said
    args = one_formula_gate(tmp_path, formula, said, now)
    code, out, _ = run(*args)
    assert (code == 0) is spelling, out
    code, out, _ = run(*args, "--warn-on", "spelling")
    assert ("[spelling]" in out) is spelling, out
    if spelling:
        assert ("{-Neighbourhood-}{+Neighborhood+}" in out or "{-three-}{+3+}" in out) and not code


@pytest.mark.parametrize(
    "now",
    [
        # review 65 (a Japanese-MOFA-style archive), 2025-06-17: an error, "shifted wording"
        "We defend the free and open international order (Interpretation) based on the rule"
        " of law.",
        "We defend the free and open [inaudible] international order based on the rule of law.",
        "We defend the free and open international order [crosstalk] based on the rule of law.",
    ],
)
def test_a_transcript_s_note_inside_a_formula_passes_the_gate(tmp_path: Path, now: str) -> None:
    formula = "the free and open international order based on the rule of law"
    args = one_formula_gate(tmp_path, formula, f"We defend {formula}.", now)
    code, out, _ = run(*args)
    assert code == 0 and out.rstrip().endswith("No findings."), out
    code, out, _ = run(*args, "--format", "junit")
    assert code == 0 and "<failure" not in out and "<skipped" not in out, out


def test_a_bracketed_phrase_inside_a_formula_still_fails_the_gate(tmp_path: Path) -> None:
    """Only one word alone in brackets is a note; words said in brackets are said."""
    formula = "the free and open international order based on the rule of law"
    now = "We defend the free and open international order (as we see it) based on the rule of law."
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"We defend {formula}.", now))
    assert code == 1 and "{+as we see it+}" in out, out


def test_a_formula_s_halves_swapped_fail_the_gate_as_shifted(tmp_path: Path) -> None:
    """Review 68: the gate said "No findings" and JUnit "not said in this briefing"."""
    formula = "cooperate where we can, disagree where we must"
    said = "We will disagree where we must, cooperate where we can."
    done = _subprocess("--no-config", *one_formula_gate(tmp_path, formula, f"We {formula}.", said))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "shifted wording of 'p'" in done.stdout
    assert "disagree where we must, {~cooperate where we can~}" in done.stdout


def test_a_couplet_s_clauses_swapped_fail_the_gate(tmp_path: Path) -> None:
    """Review 142 (G2): "as long as this is not possible, the special military operation
    continues, although we would prefer to achieve our goals by political and diplomatic
    means" passed the gate: the formula holds two commas and an "and", and only a
    wording cut in one place had its halves swapped. Each comma between two clauses,
    neither a short list item, is such a place."""
    formula = (
        "we would prefer to achieve our goals by political and diplomatic means, but as long "
        "as this is not possible, the special military operation continues"
    )
    now = (
        "Our approach is this: as long as this is not possible, the special military "
        "operation continues, although we would prefer to achieve our goals by political "
        "and diplomatic means."
    )
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"You know it: {formula}.", now))
    assert code == 1, out
    assert "{~as long as this is not possible, the special military operation continues~}" in out


def test_coordinated_parts_swapped_fail_the_gate_though_a_cut_span_nearly_matches(
    tmp_path: Path,
) -> None:
    """Review 133: "the integrity of our maritime zones and the safety of our fishermen"
    passed the gate ("No findings", exit 0) where `track` said it shifted (96.1): under
    the gate's lowered threshold the formula was found at 72 in the words it opens with,
    cut before "our fishermen", a cut the gate lets pass, and the swapped wording was
    looked for only where nothing was found."""
    formula = "the safety of our fishermen and the integrity of our maritime zones"
    said = "Our first concern is always {}. We are still validating the reports."
    now = said.format("the integrity of our maritime zones and the safety of our fishermen")
    code, out, _ = run(*one_formula_gate(tmp_path, formula, said.format(formula), now))
    assert code == 1, out
    assert (
        "diff:      the integrity of our maritime zones {~and the safety of our fishermen~}" in out
    )


def test_a_point_the_briefing_does_not_say_is_a_skipped_junit_case(tmp_path: Path) -> None:
    """Review 65: a slogan dropped from the briefings "passed" its JUnit case on every
    date; a case with nothing to check is skipped, and the counts say so."""
    formula = "the abductions issue is the most important issue for the administration"
    args = one_formula_gate(tmp_path, formula, f"We say {formula}.", "Nothing to add today.")
    code, out, _ = run(*args, "--format", "junit")
    assert code == 0, out
    root = ET.fromstring(out)
    [case] = root.iter("testcase")
    assert case.get("name") == "p"
    assert case.find("skipped") is not None
    assert root.get("skipped") == "1" and root.find("testsuite").get("skipped") == "1"  # type: ignore[union-attr]
    # said: a passing case, nothing skipped
    (tmp_path / "again").mkdir()
    args = one_formula_gate(tmp_path / "again", formula, f"We say {formula}.", f"So {formula}.")
    code, out, _ = run(*args, "--format", "junit")
    root = ET.fromstring(out)
    assert code == 0 and root.get("skipped") == "0" and root.find(".//skipped") is None
    # said in a sentence the baseline has word for word: said all the same (review 66:
    # every point a briefing repeated was skipped)
    (tmp_path / "same").mkdir()
    args = one_formula_gate(tmp_path / "same", formula, f"We say {formula}.", f"We say {formula}.")
    code, out, _ = run(*args, "--format", "junit")
    root = ET.fromstring(out)
    assert code == 0 and root.get("skipped") == "0" and root.find(".//skipped") is None


def test_each_failing_finding_of_a_point_is_a_junit_case_of_its_own(tmp_path: Path) -> None:
    """Review 119: two findings of one point were two ``<failure>`` elements of one case,
    and the suite said ``failures="3"`` where the text said 4 failing: tools that read one
    failure per case lost the second. A point failing twice is two cases, each named by
    where its finding stands."""
    formula = "stop interfering in China's internal affairs"
    before = (
        f"We urge the US to {formula}. We also urge them to stop using religious issues to "
        "interfere in China's internal affairs."
    )
    now = (
        "We urge the US to stop interfering in our internal affairs. We urge them to stop "
        "using these matters to interfere in China's internal affairs."
    )
    code, out, _ = run(*one_formula_gate(tmp_path, formula, before, now), "--format", "junit")
    assert code == 1, out
    root = ET.fromstring(out)
    cases = list(root.iter("testcase"))
    assert [len(c.findall("failure")) for c in cases] == [1, 1], out
    assert [c.get("name") for c in cases] == ["p (1:22)", "p (1:80)"], out
    assert root.get("failures") == "2" and root.get("tests") == "2"


def test_a_span_under_the_threshold_with_both_edges_replaced_is_no_near_miss(
    tmp_path: Path,
) -> None:
    """Review 88 on the MFA gate (2020-06-24): "peace and stability on the Korean Peninsula
    serves the interests of all parties" was a near miss of "position on the Korean
    Peninsula issue", `{-position-}{+stability+} on the Korean Peninsula
    {-issue-}{+serves+}`: under the threshold, the formula's first and last words both
    gone, what is left is a place name any sentence may hold. A near miss keeping an edge
    is still one."""
    formula = "position on the Korean Peninsula issue"
    before = f"I think I just made clear China's {formula}."
    now = (
        "Safeguarding peace and stability on the Korean Peninsula serves the interests of "
        "all parties."
    )
    code, out, _ = run(*one_formula_gate(tmp_path, formula, before, now))
    assert code == 0 and out.rstrip().endswith("No findings."), out
    now = "China's stance on the Korean Peninsula issue is consistent."
    (tmp_path / "kept").mkdir()
    code, out, _ = run(*one_formula_gate(tmp_path / "kept", formula, before, now))
    assert code == 1, out
    assert "{-position-}{+stance+} on the Korean Peninsula issue" in out, out


def test_a_short_formulas_first_word_replaced_is_no_wording_said_before(tmp_path: Path) -> None:
    """Review 92: "推动构建人类命运共同体" ("promote building a community with a shared future
    for mankind") said as "*放弃*构建人类命运共同体" ("abandon building ...") passed the
    watchlist gate: the span stopped short of the word replacing the short formula's
    first, and "构建人类命运共同体" alone was a wording the baseline had said. The content
    word right before a short formula's missing first word stands in its place."""
    formula = "推动构建人类命运共同体"
    base = tmp_path / "base"
    base.mkdir()
    for day, said in enumerate(
        [f"中方将同各方一道，{formula}，维护世界和平。", "各国应携起手来，构建人类命运共同体。"], 1
    ):
        (base / f"2020-01-0{day}.txt").write_text(f"赵立坚：{said}\n", encoding="utf-8")
    points = tmp_path / "points.toml"
    points.write_text(f'[[point]]\nid = "p"\ntext = "{formula}"\n', encoding="utf-8")
    new = tmp_path / "2020-01-07.txt"
    new.write_text("赵立坚：中方将同各方一道，放弃构建人类命运共同体，维护世界和平。\n", "utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 1, out
    assert "    diff:      {-推动-}{+放弃+}构建人类命运共同体\n" in out, out
    # the formula's object alone after a comma is still the wording said before
    new.write_text("赵立坚：各国应携起手来，构建人类命运共同体。\n", "utf-8")
    code, out, _ = run("check", str(new), "--against", str(base), "--points", str(points))
    assert code == 0, out


@pytest.mark.parametrize("other", ["Nepal", "the Maldives", "South Korea"])
def test_a_name_of_two_words_replaced_in_a_formula_fails_the_gate(
    tmp_path: Path, other: str
) -> None:
    """Review 91: "Our development partnership with *Nepal* is people-centric and
    demand-driven" against the watched "... with Sri Lanka ..." passed with "No
    findings": the two words of the name weighed the span under the threshold, and a span
    under it keeping none of the formula's names was taken for another subject's phrase.
    The formula's words said word for word around another name are the formula with its
    name replaced, a near miss; "the *market* principle" is still nothing of "the
    one-China principle"."""
    formula = "our development partnership with Sri Lanka is people-centric and demand-driven"
    now = f"Our development partnership with {other} is people-centric and demand-driven."
    code, out, _ = run(
        *one_formula_gate(tmp_path, formula, f"{formula[0].upper()}{formula[1:]}.", now)
    )
    assert code == 1, out
    assert f"with {{-Sri Lanka-}}{{+{other}+}} is people-centric" in out, out
    assert "a name of the formula replaced" in out


@pytest.mark.parametrize(
    ("now", "diff"),
    [
        (
            "India said that the development partnership with Sri Lanka is people-centric "
            "and demand-driven.",
            "{-Our-}{+the+} development partnership with Sri Lanka is people-centric",
        ),
        (
            "India said that the development partnership with Nepal is people-centric and "
            "demand-driven.",
            "{-Our-}{+the+} development partnership with {-Sri Lanka-}{+Nepal+} is",
        ),
    ],
)
def test_a_formulas_capitalised_determiner_is_no_name(tmp_path: Path, now: str, diff: str) -> None:
    """Review 93: the watched "Our development partnership with Sri Lanka ..." said as
    "*the* development partnership ..." passed with "No findings" and `track` counted no
    occurrence: the formula's "Our", capitalised as its first word, was taken for a name,
    and another word in a name's place is another subject. The tokeniser's determiners
    are never names."""
    formula = "Our development partnership with Sri Lanka is people-centric and demand-driven"
    code, out, _ = run(*one_formula_gate(tmp_path, formula, f"{formula}.", now))
    assert code == 1, out
    assert diff in out, out


@pytest.mark.parametrize(
    ("formula", "before", "now", "diff"),
    [
        # a formula written as a sentence opens on a capital: an adjective there is no name
        (
            "Unilateral attempts to change the status quo by force or coercion are absolutely "
            "unacceptable",
            "Unilateral attempts to change the status quo by force or coercion are absolutely "
            "unacceptable.",
            "Coercive attempts to change the status quo by force or coercion are absolutely "
            "unacceptable.",
            "{-Unilateral-}{+Coercive+} attempts to change the status quo",
        ),
        # a comma before the formula's own last part, said whole, breaks no clause
        (
            "Japan will continue to provide strong support to Ukraine in close cooperation "
            "with the G7 and the international community",
            "Japan will continue to provide strong support to Ukraine, in close cooperation "
            "with the G7 and the international community.",
            "Japan will no longer provide strong support to Ukraine, in close cooperation "
            "with the G7 and the international community.",
            "Japan will {-continue to-}{+no longer+} provide strong support to Ukraine",
        ),
    ],
)
def test_review_94s_changes_to_watched_formulas_fail_the_gate(
    tmp_path: Path, formula: str, before: str, now: str, diff: str
) -> None:
    """Review 94 (a Japan MOFA-style archive): each passed the watchlist gate with "No
    findings": "Unilateral", capitalised as a sentence's first word, was taken for a name
    and another word in its place for another subject; "Ukraine*,* in close cooperation
    ..." set off the formula's own last part as another clause. (Its "... and the
    *Philippines*" for "... and the Republic of Korea" is the formula said of another
    party, which passes: see ``test_a_formula_said_of_another_party_passes_the_gate``.)"""
    code, out, _ = run(*one_formula_gate(tmp_path, formula, before, now))
    assert code == 1, out
    assert diff in out, out


def test_an_alias_said_word_for_word_in_another_wording_s_words_passes(tmp_path: Path) -> None:
    """Review 97 (D4): the briefing says the alias "the aggressive Russophobic policy of the
    Baltic authorities", which the baseline said, after "a manifestation of", which the
    longer alias has: the gate failed it as `{-course-}{+policy+} of the {-current-}`. A
    wording of the point said word for word passes, whatever of another wording stands
    around it; the report's card (review 99) reads the words around it as said (its
    Shifts still read a span against a span: "{-manifestation of-} ...")."""
    watchlist = tmp_path / "points.toml"
    watchlist.write_text(
        '[[point]]\nid = "baltic"\n'
        'text = "the aggressive Russophobic course of the Baltic authorities"\n'
        'aliases = ["the aggressive Russophobic policy of the Baltic authorities", '
        '"manifestation of the aggressive Russophobic course of the current Baltic '
        'authorities"]\n',
        encoding="utf-8",
    )
    base = tmp_path / "base"
    base.mkdir()
    said = {
        "2024-09-02": "We condemn the aggressive Russophobic course of the Baltic authorities.",
        "2024-09-16": "The ban is a manifestation of the aggressive Russophobic course of the "
        "current Baltic authorities.",
        "2024-09-30": "The aggressive Russophobic policy of the Baltic authorities has closed "
        "Russian-language schools.",
    }
    for day, line in said.items():
        (base / f"{day}.txt").write_text(f"Maria Zakharova: {line}\n", encoding="utf-8")
    new = tmp_path / "2024-10-14.txt"
    new.write_text(
        "Maria Zakharova: The persecution of Russian citizens is a manifestation of the "
        "aggressive Russophobic policy of the Baltic authorities.\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(new), "--against", str(base), "--points", str(watchlist))
    assert code == 0, out + err
    assert "No findings." in out
    # where the baseline said only the longer wording, the briefing's wording is new, and
    # its card reads the words around the alias as said
    (base / "2024-09-30.txt").unlink()
    (base / "2024-09-02.txt").unlink()
    (base / new.name).write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("report", str(base), "--points", str(watchlist), "--since", "2024-10-14")
    assert code == 0, err
    cards = out.split("\nTimeline\n")[0]
    assert "manifestation of the aggressive Russophobic {-course-}{+policy+}" in cards, out
    assert "{-manifestation of-}" not in cards


@pytest.mark.parametrize(
    "question",
    [
        'Asked whether the government was still "resolutely focused on delivering for '
        'working people" after the resignation, the PMOS said the Prime Minister was getting '
        "on with the job.",
        'Put to him that "resolutely focused on delivering for working people" was a slogan '
        "rather than a policy, the PMOS said the figures spoke for themselves.",
        "Asked whether, after the resignation, the government was resolutely focused on "
        "delivering for working people, the PMOS said it was.",
        # review 112: a question set off as a sentence of its own; a passive; "challenged"
        "Asked whether the government was still resolutely focused on delivering for "
        "working people. The PMOS said the Prime Minister had full confidence in his team.",
        'The PMOS was asked whether the government was still "resolutely focused on '
        'delivering for working people" after the resignation. He said the Prime Minister '
        "had full confidence in his team.",
        'Challenged over whether the government was still "resolutely focused on delivering '
        'for working people", the PMOS said the Prime Minister had full confidence in his '
        "team.",
        # review 113: an adverb in the passive; the question set off by commas
        "The PMOS was also asked whether the government was still resolutely focused on "
        "delivering for working people. He said the record spoke for itself.",
        "The PMOS, asked whether the government was still resolutely focused on delivering "
        "for working people, said the record spoke for itself.",
    ],
    ids=[
        "asked",
        "put-to",
        "comma-inside",
        "own-sentence",
        "passive",
        "challenged",
        "passive-adverb",
        "set-off",
    ],
)
def test_a_reported_question_quoting_a_formula_is_not_the_government_saying_it(
    tmp_path: Path, question: str
) -> None:
    """Review 108 (D1): in a lobby summary a journalist's question is narrated ("Asked
    whether the government was still "...", the PMOS said ..."). Its quote of a formula
    was tracked as the government's words and failed the gate ("shifted wording ...
    {-is-}{+was still+}"). The question, up to the comma before the answer's reporting
    verb, is the press's, as discovery already read it."""
    watchlist = tmp_path / "tp.toml"
    watchlist.write_text(
        '[[point]]\nid = "focused"\n'
        'text = "the government is resolutely focused on delivering for working people"\n',
        encoding="utf-8",
    )
    base = tmp_path / "base"
    base.mkdir()
    for day in ("2025-10-01", "2025-10-08", "2025-10-15"):
        (base / f"{day}.txt").write_text(
            f"Lobby briefing: {day}\n\nThe PMOS said the government is resolutely focused on "
            "delivering for working people.\n",
            encoding="utf-8",
        )
    new = tmp_path / "2025-10-22.txt"
    new.write_text(f"Lobby briefing: 22 October 2025\n\n{question}\n", encoding="utf-8")
    code, out, err = run("check", str(new), "--against", str(base), "--points", str(watchlist))
    assert code == 0, out + err
    assert "No findings." in out
    code, out, err = run(
        "track", str(base), str(new), "--points", str(watchlist), "--format", "json"
    )
    assert code == 0, err
    dates = [o["date"] for p in json.loads(out)["points"] for o in p["occurrences"]]
    assert dates == ["2025-10-01", "2025-10-08", "2025-10-15"]
    # the answer is the speaker's: a formula said after the comma counts
    new.write_text(
        "Lobby briefing: 22 October 2025\n\nAsked about the resignation, the PMOS said the "
        "government was resolutely focused on delivering for working people.\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(new), "--against", str(base), "--points", str(watchlist))
    assert code == 1, out + err
    assert "{-is-}{+was+}" in out, out


def gate(
    tmp_path: Path,
    formula: str,
    said: str,
    new: str,
    label: str = "Spokesperson",
    aliases: Sequence[str] = (),
) -> str:
    """``check`` of a briefing saying ``new`` against three that said ``said``, the
    watchlist holding ``formula`` (with ``aliases``): its output (exit 1 with a finding,
    else 0)."""
    watchlist = tmp_path / "tp.toml"
    listed = ", ".join(f'"{a}"' for a in aliases)
    watchlist.write_text(
        f'[[point]]\nid = "f"\ntext = "{formula}"\naliases = [{listed}]\n', encoding="utf-8"
    )
    base = tmp_path / "base"
    base.mkdir()
    for day in ("2025-10-01", "2025-10-08", "2025-10-15"):
        (base / f"{day}.txt").write_text(f"{label}: {said}\n", encoding="utf-8")
    briefing = tmp_path / "2025-10-22.txt"
    briefing.write_text(f"{label}: {new}\n", encoding="utf-8")
    code, out, err = run("check", str(briefing), "--against", str(base), "--points", str(watchlist))
    assert code in (0, 1), err
    assert (code == 1) == ("error: shifted wording" in out), out
    return out


@pytest.mark.parametrize(
    ("formula", "new", "shown"),
    [
        (
            "clean power by 2030 is the way to bring down household energy bills",
            "He said clean power by 2030 is the way to bring down costs for families, and "
            "that the government was backing wind.",
            "bring down {-household energy bills-}{+costs for families+}",
        ),
        (
            "household energy bills will come down for good with clean power by 2030",
            "We are clear that costs for families will come down for good with clean power "
            "by 2030.",
            "{-household energy bills-}{+costs for families+} will come down",
        ),
        (
            "本着相互尊重、求同存异的精神妥善处理经贸分歧",
            "我们愿本着相互尊重、聚同化异的精神妥善处理经贸分歧。",
            "{-求同存异-}{+聚同化异+}",
        ),
        # review 147: the tokeniser cuts the idiom 命运|与|共, and its 与 ("and") is a
        # word's part, not a coordinator joining the run to what follows
        (
            "两岸同胞是血脉相连的一家人",
            "两岸同胞是命运与共的一家人，没有解不开的心结。",
            "两岸同胞是{-血脉相连-}{+命运与共+}的一家人",
        ),
        # review 146: a couplet's second clause said otherwise up to its last word, the
        # first clause kept whole
        (
            "we do not want war, but we are not afraid of it",
            "As we have said, we do not want war, but we are fully prepared for it.",
            "we are {-not afraid of-}{+fully prepared for+} it",
        ),
    ],
    ids=["end", "start", "zh-idiom", "zh-idiom-and", "couplet-end"],
)
def test_a_run_of_a_formula_said_in_other_words_fails_the_gate(
    tmp_path: Path, formula: str, new: str, shown: str
) -> None:
    """Review 108 (D2): "clean power by 2030 is the way to bring down {-household energy
    bills-}{+costs for families+}" passed the gate (score 66, no near-miss rule for an
    end reworded); review 109 (D1): an idiom of a formula replaced by another passed it
    too, the tokeniser reading the two in different numbers of words. A run of up to
    three words said in other words, the rest in place, is a near miss."""
    out = gate(tmp_path, formula, f"We said that {formula}.", new)
    assert "error: shifted wording" in out, out
    assert shown in out, out
    assert "said in other words" in out, out


def test_an_end_said_otherwise_around_a_negation_fails_the_gate(tmp_path: Path) -> None:
    """Review 154 (G1): "international humanitarian law must {-be respected-}{+not be
    ignored+}" passed the gate: the end said otherwise takes one word more, the negation,
    and keeps fewer of the wording's words. Without the negation it stays a new sentence."""
    formula = "international humanitarian law must be respected"
    said = f"As always, {formula}, including the principles of distinction."
    now = "International humanitarian law must not be ignored, including the principles."
    out = gate(tmp_path, formula, said, now)
    assert "must {+not+} be {-respected-}{+ignored+}" in out, out
    assert "says the opposite: a negation put in" in out, out
    (tmp_path / "plain").mkdir()
    out = gate(
        tmp_path / "plain",
        formula,
        said,
        "International humanitarian law must guide us all, including the principles.",
    )
    assert "No findings" in out, out


@pytest.mark.parametrize(
    ("formula", "new"),
    [
        # a name in the run: the formula said of another party (MFA)
        (
            "Hong Kong affairs are purely China's internal affairs",
            "Xinjiang affairs are purely China's internal affairs.",
        ),
        (
            "the political settlement of the Korean Peninsula issue",
            "We support the political settlement of the Venezuelan issue.",
        ),
        # a coordinator put in joins two things (MFA)
        (
            "Hong Kong affairs are purely China's internal affairs",
            "They interfered in Hong Kong matters and China's internal affairs.",
        ),
        # a short formula's first words otherwise: its core in another frame (MFA)
        (
            "the principle of one country, two systems",
            "We will ensure the steady implementation of one country, two systems.",
        ),
    ],
    ids=["name-first", "name-inside", "coordinator", "short-edge"],
)
def test_a_formula_said_of_another_party_or_in_another_frame_passes(
    tmp_path: Path, formula: str, new: str
) -> None:
    """What the run rule above must not read as the formula reworded: each was a false
    finding of the MFA gate (20 new briefings against 480, the 20 formulas of
    benchmarks/mfa-points.toml) while the rule was being written."""
    out = gate(tmp_path, formula, f"We said that {formula}.", new)
    assert "No findings." in out, out


@pytest.mark.parametrize(
    ("said", "findings"),
    [
        ("民进党当局“倚美谋独”、“以武拒统”、“以法谋独”，危害台海和平稳定。", 1),
        # a clause after a comma is no item; nor is a long one after 、
        ("民进党当局“倚美谋独”、“以武拒统”，以法谋独，危害台海和平稳定。", 0),
        ("民进党当局“倚美谋独”、“以武拒统”、处心积虑地破坏两岸关系和平发展。", 0),
    ],
    ids=["item", "clause", "long"],
)
def test_a_list_formula_grown_by_an_item_fails_the_gate(
    tmp_path: Path, said: str, findings: int
) -> None:
    """Review 147 (P6): the list 民进党当局“倚美谋独”、“以武拒统” said with an item put after
    it, 、“以法谋独”, passed the gate: the span ended where the wording ends, a wording
    used before. A list that ends a formula grown by an item set off by 、 is a new
    wording of it."""
    formula = "民进党当局“倚美谋独”、“以武拒统”"
    out = gate(tmp_path, formula, f"我们指出，{formula}，危害台海和平稳定。", said)
    assert out.count("error: shifted wording") == findings, out
    if findings:
        assert "“以武拒统”、“{+以法谋独+}”" in out, out


@pytest.mark.parametrize(
    ("formula", "aliases", "new"),
    [
        ("扎实推进“双减”", ("扎实推进“双减”工作",), "教育系统将扎实推进各项工作。"),
        (
            "we firmly oppose the so-called “maximum pressure” campaign",
            (),
            "We firmly oppose the so-called “snapback” campaign.",
        ),
        ("坚持“一国两制”方针不动摇", (), "坚持方针不动摇。"),
    ],
    ids=["zh-replaced", "en-replaced", "zh-dropped"],
)
def test_a_formula_said_of_another_quoted_term_passes(
    tmp_path: Path, formula: str, aliases: tuple[str, ...], new: str
) -> None:
    """Review 143 (G1): the gate failed on 扎实推进{-双减-}{+各项工作+}, stock officialese
    ("solidly advance all the work") sharing the frame of the watched 扎实推进“双减”工作.
    The term a formula sets off in quotation marks is what it is about: said of another
    term, or without it, the frame is another phrase, no near miss."""
    out = gate(tmp_path, formula, f"我们表示，{formula}。", new, aliases=aliases)
    assert "No findings." in out, out


def test_a_word_of_a_quoted_term_changed_fails_the_gate(tmp_path: Path) -> None:
    """... but a word of the term changed is a drift of the formula (mfa-zh, 2017-03-23:
    “双轨{-并行-}{+并进+}”)."""
    formula = "中方提出的“双轨并行”思路和“双暂停”倡议"
    out = gate(
        tmp_path,
        formula,
        f"我们表示，{formula}。",
        "我们认为中方提出的“双轨并进”思路和“双暂停”倡议是合理的。",
    )
    assert "error: shifted wording" in out, out
    assert "双轨{-并行-}{+并进+}" in out, out


def test_the_speakers_we_in_place_of_the_formulas_subject_is_a_near_miss(
    tmp_path: Path,
) -> None:
    """Review 110 (D2): "{-India-}{+we+} would welcome any step that contributes to peace
    and stability in the region" passed the gate and `diff --points` called the formula
    "Dropped": a word in the place of the formula's opening name made it another party's.
    The speaker's own "we" is no other party: a near miss, shown with its "we"; another
    name there still is one ("Pakistan would welcome ...")."""
    formula = "India would welcome any step that contributes to peace and stability in the region"
    out = gate(
        tmp_path,
        formula,
        f"{formula}.",
        "On the talks held this week, we would welcome any step that contributes to peace "
        "and stability in the region.",
    )
    assert "{-India-}{+we+} would welcome" in out, out
    assert "a name of the formula replaced" in out, out


def test_another_name_in_place_of_the_formulas_subject_passes(tmp_path: Path) -> None:
    """... but another party's name in its place is the formula said of that party."""
    formula = "India would welcome any step that contributes to peace and stability in the region"
    out = gate(
        tmp_path,
        formula,
        f"{formula}.",
        "Pakistan would welcome any step that contributes to peace and stability in the region.",
    )
    assert "No findings." in out, out


def test_an_option_of_one_value_given_twice_is_an_error(tmp_path: Path) -> None:
    """Review 112 (D7): ``check --against a --against b`` read ``b`` alone, silently: the
    findings and, with ``--strict``, the exit code changed. An option of one value given
    twice is a usage error; one that takes several may repeat."""
    new = today(tmp_path)
    code, out, err = run("check", str(new), "--against", str(BRIEFINGS), "--against", str(new))
    assert code == 2, out + err
    assert "--against given twice" in err and "Traceback" not in err
    code, out, err = run(
        "check", str(new), f"--against={BRIEFINGS}", "--fail-on", "shifted", "--fail-on", "slot"
    )
    assert code in (0, 1), err


@pytest.mark.parametrize("points", [[], ["--points", str(POINTS)]], ids=["discovered", "watchlist"])
def test_a_briefing_checked_a_block_of_sentences_at_a_time_gives_the_same_findings(
    monkeypatch: pytest.MonkeyPatch, points: list[str]
) -> None:
    """Review 119: `check` of a 9.5 MB line of formula words took 2.8 GB, the engine holding
    one point's matches over every sentence at once (1 MB: 390 MB, now 271 MB). A briefing
    is searched a block of sentences at a time: the findings and the counts of points said
    are the same however small the blocks."""
    import consistency.check.run as check_run

    newest = sorted(BRIEFINGS.glob("*.txt"))[-1]
    args = ["check", str(newest), "--against", str(BRIEFINGS), "--format", "json", *points]
    args += ["--exclude", newest.name]
    code, whole, err = run(*args)
    assert code in (0, 1), err
    monkeypatch.setattr(check_run, "SENTENCE_BLOCK", 3)
    assert run(*args) == (code, whole, err)
    assert json.loads(whole)["findings"], whole


@pytest.mark.parametrize(
    "aliases",
    [(), ("our Neighbourhood First policy and the SAGAR vision",)],
    ids=["text", "alias-in-other-order"],
)
def test_the_near_miss_that_reads_the_whole_stretch_is_the_finding(
    tmp_path: Path, aliases: tuple[str, ...]
) -> None:
    """Review 136 (G1): "our Neighbourhood First policy and Vision MAHASAGAR" for "...
    Vision SAGAR" failed the gate as "... and Vision {-SAGAR-}": the new name was in no
    part of the finding: the alias's near miss (70.5, its words in another order) was
    taken before the formula's word swapped (79.3), which reads the whole stretch."""
    formula = "our Neighbourhood First policy and Vision SAGAR"
    out = gate(
        tmp_path,
        formula,
        f"This project reflects {formula}.",
        "This project reflects our Neighbourhood First policy and Vision MAHASAGAR.",
        aliases=aliases,
    )
    assert "Vision {-SAGAR-}{+MAHASAGAR+}" in out, out
    assert "score 79.3" in out, out


def _frame_baseline(tmp_path: Path, lines: Sequence[str]) -> MemoryBaseline:
    for k, line in enumerate(lines):
        (tmp_path / f"2025-01-{k + 1:02d}.txt").write_text(f"何亚东：{line}\n", encoding="utf-8")
    return MemoryBaseline(load_documents([tmp_path]))


def test_a_discovered_frame_said_of_a_new_topic_fills_a_slot(tmp_path: Path) -> None:
    """Review 150: the discovered-points gate warned `推动{-离岸贸易-}{+农村电商+}提质增效`
    (and five like it), a frame the baseline says of a dozen topics: the new topic fills
    the frame's slot, as a report's cards read it. A word of the point's own there, said in
    half the baseline's fillers or more, is no slot: the formula's own word changed."""
    from consistency.check.run import _fills_a_slot

    topics = ["跨境电商", "加工贸易", "离岸贸易", "海外仓", "步行街", "老字号"]
    base = _frame_baseline(tmp_path, [f"我们将推动{t}提质增效，谢谢。" for t in topics])

    def words(text: str) -> tuple[str, ...]:
        return tuple(normalise(text).split())

    assert _fills_a_slot(base, words("推动农村电商提质增效"), words("推动离岸贸易提质增效"))
    assert not _fills_a_slot(base, words("推动农村电商发展"), words("推动离岸贸易提质增效"))
    own = tmp_path / "own"
    own.mkdir()
    said = ["has always desired", "desires", "wants", "seeks", "has long sought"]
    base = _frame_baseline(
        own,
        [f"Pakistan {w} peaceful and cooperative relations with all its neighbours." for w in said],
    )
    assert not _fills_a_slot(
        base,
        words("Pakistan desires peaceful good neighbourly and cooperative relations with all"),
        words("Pakistan has always desired peaceful and cooperative relations with all"),
    )


def test_a_discovered_row_cut_where_its_sentences_part_ends_on_a_slot(tmp_path: Path) -> None:
    """Review 161 (G4): an unchanged briefing warned "our Embassies have been working hard
    to {-expand-}{+support climate finance+}": the discovered row ends on the word where
    its sentences part, "... to expand food processing", "... to support dairy", "... to
    promote climate finance". A new saying opening on one of the words said there fills
    that slot; a word the baseline never says there, or a last word said in half the
    places, is a change."""
    from consistency.check.run import _fills_a_slot

    lines = [
        f"Our Embassies have been working hard to {w}, as you know."
        for w in ["expand food processing", "support dairy", "promote climate finance"] * 2
        + ["expand fisheries", "support capacity building"]
    ]
    base = _frame_baseline(tmp_path, lines)

    def words(text: str) -> tuple[str, ...]:
        return tuple(normalise(text).split())

    row = words("our Embassies have been working hard to expand")
    assert _fills_a_slot(base, words("our Embassies have been working hard to support trade"), row)
    assert not _fills_a_slot(base, words("our Embassies have been working hard to cut aid"), row)
    # the last word left out: no word in its place (MFA: "lodged solemn representations
    # with the US {-side-}", where the first version read past the new words' end)
    assert not _fills_a_slot(base, words("our Embassies have been working hard to"), row)
    # two last words replaced (review 162 G1: "the Ministry of Foreign Affairs {-will
    # follow-}{+deployed+}" warned on an unchanged briefing), not three
    two = words("our Embassies have been working hard to expand food")
    assert _fills_a_slot(base, words("our Embassies have been working hard to promote trade"), two)
    assert not _fills_a_slot(base, words("our Embassies have been working hard to cut aid"), two)
    three = words("our Embassies have been working hard to expand food processing")
    assert not _fills_a_slot(
        base, words("our Embassies have been working hard to promote trade"), three
    )
    # ... after a subject of two content words or more; after "China" alone, two last
    # words replaced are the formula reworded (MFA: "China {+is+} firmly {-opposes-}{+
    # determined in opposing+}")
    from consistency.check.run import _end_room

    assert _end_room(words("the Ministry of Foreign Affairs")) == 2
    assert _end_room(words("China")) == 1
    own = tmp_path / "own"
    own.mkdir()
    base = _frame_baseline(own, [*lines, *lines[::3] * 3])
    assert not _fills_a_slot(base, words("our Embassies have been working hard to support"), row)
