"""CI conventions of ``check`` and the CLI (issue 9): levels, --strict, --fail-on, formats,
exit codes and signals, -o -, --quiet, colours, folders. Each through CliRunner, and the
ones a CI job sees through a real process."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import cli
from consistency.report.check import escape_data, escape_property

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
POINTS = ROOT / "fixtures" / "talking-points.toml"
SOURCE = BRIEFINGS / "000_0c46398071a3ed71.txt"
FORMULA = "a sea of peace, friendship and cooperation"
SHIFTED = "a sea of lasting peace, friendship and cooperation"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(cli, list(args), prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


def process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m consistency ARGS`` in a real process."""
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    environ.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "consistency", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd,
        check=False,
    )


def shifted_copy(folder: Path) -> Path:
    """Seed 000 dated the next day, with one word added to the sea-of-peace formula."""
    text = SOURCE.read_text(encoding="utf-8").replace(FORMULA, SHIFTED)
    path = folder / "2025-10-23_today.txt"
    path.write_text(text, encoding="utf-8")
    return path


def watchlist(folder: Path, level: str | None) -> Path:
    """The fixture watchlist with sea-of-peace at ``level`` (None: no level key)."""
    text = POINTS.read_text(encoding="utf-8")
    if level is not None:
        text = text.replace(
            'tags = ["south-china-sea"]', f'tags = ["south-china-sea"]\nlevel = "{level}"', 1
        )
    path = folder / f"points-{level}.toml"
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Levels, --strict, --fail-on


@pytest.mark.parametrize(
    ("level", "plain", "strict", "label"),
    [
        (None, 1, 1, "error"),
        ("error", 1, 1, "error"),
        ("warning", 0, 1, "warning"),
        ("notice", 0, 0, "note"),
    ],
)
def test_levels_as_in_vale(
    tmp_path: Path, level: str | None, plain: int, strict: int, label: str
) -> None:
    new = shifted_copy(tmp_path)
    points = watchlist(tmp_path, level)
    args = ["--no-config", "check", str(new), "--against", str(BRIEFINGS), "--points", str(points)]
    code, out, _ = run(*args)
    assert code == plain
    assert f": {label}: shifted wording of 'sea-of-peace'" in out
    assert run(*args, "--strict")[0] == strict
    assert process(*args, "--strict").returncode == strict


def test_level_option_sets_points_without_their_own(tmp_path: Path) -> None:
    new = shifted_copy(tmp_path)
    args = ["--no-config", "check", str(new), "--against", str(BRIEFINGS)]
    assert run(*args)[0] == 0  # discovered points are warnings
    code, out, _ = run(*args, "--level", "error")
    assert code == 1 and ": error: shifted wording of" in out
    code, out, _ = run(*args, "--points", str(POINTS), "--level", "notice")
    assert code == 0 and ": note: shifted wording of 'sea-of-peace'" in out


def test_fail_on_none_reports_and_exits_0(tmp_path: Path) -> None:
    new = shifted_copy(tmp_path)
    args = ["--no-config", "check", str(new), "--against", str(BRIEFINGS), "--points", str(POINTS)]
    code, out, _ = run(*args, "--fail-on", "none", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["failed"] is False and data["fail_on"] == []
    [finding] = data["findings"]
    assert (finding["point"], finding["failing"]) == ("sea-of-peace", False)
    done = process(*args, "--fail-on", "none")
    assert done.returncode == 0
    assert ": note: shifted wording of 'sea-of-peace'" in done.stdout


@pytest.mark.parametrize("value", ['"shifted"', '["shifted"]', '"shifted,slot"'])
def test_fail_on_in_the_config_file_may_be_a_string_or_a_list(tmp_path: Path, value: str) -> None:
    new = shifted_copy(tmp_path)
    (tmp_path / "consistency.toml").write_text(
        f'points = "{POINTS}"\nagainst = "{BRIEFINGS}"\nfail-on = {value}\n', encoding="utf-8"
    )
    done = process("check", new.name, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (1, "")
    assert "error: shifted wording of 'sea-of-peace'" in done.stdout


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('fail-on = "shiftd"', "'fail-on': unknown finding kind 'shiftd'"),
        ('[check]\nwarn-on = ["slot", "x"]', "'warn-on': unknown finding kind 'x'"),
    ],
)
def test_a_bad_kind_in_the_config_names_the_file_and_key(
    tmp_path: Path, toml: str, message: str
) -> None:
    new = shifted_copy(tmp_path)
    config = tmp_path / "consistency.toml"
    config.write_text(f'against = "{BRIEFINGS}"\n{toml}\n', encoding="utf-8")
    done = process("check", new.name, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"consistency: error: {config}: {message}")
    assert done.stderr.count("\n") == 1


def test_invalid_toml_in_the_config_is_named_file_colon_line(tmp_path: Path) -> None:
    """As a watchlist's: ``FILE:LINE: invalid TOML: ...``, not tomllib's "(at line L,
    column C)" (a review found the two styles)."""
    new = shifted_copy(tmp_path)
    config = tmp_path / "consistency.toml"
    config.write_text(f'against = "{BRIEFINGS}"\n[check]\nformat = \n', encoding="utf-8")
    done = process("check", new.name, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"consistency: error: {config}:3: invalid TOML: Invalid value\n"


# ---------------------------------------------------------------------------
# SARIF

SARIF_SCHEMA = json.loads(
    (ROOT / "tests" / "data" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8")
)


def validate_sarif(text: str) -> dict:  # type: ignore[type-arg]
    import jsonschema

    log = json.loads(text)
    jsonschema.Draft7Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft7Validator(SARIF_SCHEMA).validate(log)
    return log  # type: ignore[no-any-return]


def test_the_bundled_schema_rejects_what_github_would(tmp_path: Path) -> None:
    import jsonschema

    validator = jsonschema.Draft7Validator(SARIF_SCHEMA)
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": []}]}
    assert validator.is_valid(good)
    for bad in (
        {"version": "2.0.0", "runs": []},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]},
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{}]}]},
        {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "x"}},
                    "results": [{"message": {"text": "m"}, "level": "fatal"}],
                }
            ],
        },
        {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "x"}},
                    "results": [
                        {
                            "message": {"text": "m"},
                            "locations": [
                                {
                                    "physicalLocation": {
                                        "artifactLocation": {"uri": "a"},
                                        "region": {"startLine": 0},
                                    }
                                }
                            ],
                        }
                    ],
                }
            ],
        },
        {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "colour": 1}]},
    ):
        assert not validator.is_valid(bad), bad


def test_sarif_is_valid_and_locates_each_finding(tmp_path: Path) -> None:
    new = shifted_copy(tmp_path)
    points = watchlist(tmp_path, "warning")
    args = ["--no-config", "check", str(new), "--against", str(BRIEFINGS), "--points", str(points)]
    code, out, _ = run(*args, "--format", "sarif")
    assert code == 0
    log = validate_sarif(out)
    [finding] = json.loads(run(*args, "--format", "json")[1])["findings"]
    [sarif_run] = log["runs"]
    [result] = sarif_run["results"]
    assert result["ruleId"] == "sea-of-peace" and result["level"] == "warning"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "sea-of-peace"
    assert rules[result["ruleIndex"]]["defaultConfiguration"] == {"level": "warning"}
    assert (
        "diff: a sea of {+lasting+} peace, friendship and cooperation"
        in (result["message"]["text"])
    )
    [location] = result["locations"]
    region = location["physicalLocation"]["region"]
    assert region == {
        "startLine": finding["line"],
        "startColumn": finding["column"],
        "endLine": finding["end_line"],
        "endColumn": finding["end_column"] + 1,
    }
    line = new.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == SHIFTED
    # Outside the working directory: an absolute file URI.
    assert location["physicalLocation"]["artifactLocation"]["uri"] == new.as_uri()
    assert run(*args, "--format", "sarif")[1] == out  # deterministic
    code, strict, _ = run(*args, "--format", "sarif", "--strict")
    assert code == 1 and validate_sarif(strict)["runs"][0]["properties"]["failed"] is True


@pytest.mark.parametrize(
    ("level", "sarif", "code"),
    [("error", "error", 1), ("warning", "warning", 0), ("notice", "note", 0)],
)
def test_sarif_in_a_real_process_levels_and_relative_uris(
    level: str, sarif: str, code: int
) -> None:
    done = process(
        "--no-config",
        "check",
        "fixtures/briefings/000_0c46398071a3ed71.txt",
        "--date",
        "2025-10-22",
        "--against",
        "fixtures/briefings",
        "--until",
        "2025-10-21",
        "--points",
        "fixtures/talking-points.toml",
        "--format",
        "sarif",
        "--level",
        level,
        cwd=ROOT,
    )
    assert (done.returncode, done.stderr) == (code, "")
    results = validate_sarif(done.stdout)["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("implement-doc", sarif),
        ("code-of-conduct", sarif),
        ("community-shared-future", sarif),
        ("position-consistent-clear", sarif),
        # one word swapped, the rest in place: a near miss the gate reports
        ("dialogue-and-consultation", sarif),
    ]
    for r in results:
        artifact = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact == {
            "uri": "fixtures/briefings/000_0c46398071a3ed71.txt",
            "uriBaseId": "%SRCROOT%",
        }


# ---------------------------------------------------------------------------
# Exit codes, signals, unexpected errors


def test_no_arguments_prints_usage_and_exits_2() -> None:
    done = process()
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith("Usage: consistency [OPTIONS] COMMAND [ARGS]...")
    assert run()[0] == 2


def generated_archive(folder: Path, n: int) -> Path:
    """``n`` dated copies of the seeds (a run of some seconds), and a README that is skipped."""
    folder.mkdir()
    seeds = sorted(BRIEFINGS.glob("*.txt"))
    for k in range(n):
        text = seeds[k % len(seeds)].read_text(encoding="utf-8")
        day = f"{2001 + k // 300}-{1 + k // 28 % 10:02d}-{1 + k % 28:02d}"
        (folder / f"{day}_{k}.txt").write_text(f"{text}\nA: Item {k} is noted.\n", "utf-8")
    (folder / "README.md").write_text("# Notes on this archive\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signum", "code", "message", "times"),
    [(2, 130, "interrupted", 1), (15, 143, "terminated", 1), (15, 143, "terminated", 2)],
)
def test_a_signal_in_the_middle_of_a_run_exits_cleanly_leaving_nothing(
    tmp_path: Path, signum: int, code: int, message: str, times: int
) -> None:
    """A signal sent twice, as ``timeout`` sends SIGTERM (to the process, then to its
    group), ends the run as once: one line, no traceback, nothing left."""
    import signal
    import time

    archive = generated_archive(tmp_path / "archive", 600)
    out = tmp_path / "out"
    out.mkdir()
    environ = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "consistency",
            "--no-config",
            "report",
            str(archive),
            "-o",
            str(out / "report.html"),
            "--format",
            "html",
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environ,
        # A runner started in the background (a CI job, "pytest &") ignores SIGINT, and a
        # child inherits that: the run would finish, exit 0, and the test fail by chance.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # The note on the skipped README says the run is under way (past start-up).
    assert child.stderr is not None
    assert "skipped 1 file that is not a briefing" in child.stderr.readline()
    time.sleep(1.0)
    for k in range(times):
        time.sleep(0.05 * k)  # the second once the first is being handled
        child.send_signal(signal.Signals(signum))
    stdout, stderr = child.communicate(timeout=120)
    assert child.returncode == code
    # the seeds' copies are dated by their names, their headers saying the seeds' dates
    said = [x for x in stderr.splitlines() if not x.startswith("consistency: note:")]
    assert said == [f"consistency: {message}"] and stdout == ""
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("error", [KeyboardInterrupt, "Terminated"])
@pytest.mark.parametrize("tmpfile", [True, False])
def test_an_interrupted_write_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: object, tmpfile: bool
) -> None:
    from consistency import atomic
    from consistency import cli as cli_module

    target = tmp_path / "report.txt"
    target.write_text("before\n", encoding="utf-8")
    exc = cli_module.Terminated if error == "Terminated" else KeyboardInterrupt

    def interrupted(*args: object) -> None:
        raise exc()

    if not tmpfile:  # the portable way, as where O_TMPFILE is not there
        monkeypatch.delattr(atomic.os, "O_TMPFILE", raising=False)
    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(exc):
        cli_module.write_output("after\n", str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
    assert target.read_text(encoding="utf-8") == "before\n"


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="Linux O_TMPFILE")
def test_while_the_output_is_written_it_has_no_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So kill -9 in the middle of writing a large report leaves nothing beside the target."""
    from consistency import atomic

    seen: list[list[str]] = []
    write = os.write

    def watching(fd: int, data: bytes) -> int:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        return write(fd, data[:1000])

    monkeypatch.setattr(atomic.os, "write", watching)
    target = tmp_path / "report.html"
    atomic.write_atomically(str(target), "x" * 5000)
    assert len(seen) == 5 and all(names == [] for names in seen)
    assert target.read_text(encoding="utf-8") == "x" * 5000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert target.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_unwritable_output_is_one_error_line(tmp_path: Path) -> None:
    done = process("--no-config", "ingest", str(BRIEFINGS), "-o", str(tmp_path / "no" / "x.txt"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"consistency: error: {tmp_path / 'no' / 'x.txt'}: cannot write output: "
        "No such file or directory\n"
    )


BOOM = (
    "import sys, consistency.segment as s\n"
    "def boom(*a, **k):\n"
    "    raise RuntimeError('boom\\nsecond line')\n"
    "s.split_sentences = boom\n"
    "from consistency.cli import main\n"
    "sys.argv[0] = 'consistency'\n"
    "main()\n"
)


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_error_is_one_line_naming_the_file(debug: bool) -> None:
    seed = BRIEFINGS / "001_ea51057881414630.txt"
    flags = ["--debug"] if debug else []
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            BOOM,
            "--no-config",
            "track",
            str(seed),
            "--points",
            str(POINTS),
            *flags,
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert (done.returncode, done.stdout) == (2, "")
    last = done.stderr.splitlines()[-1]
    assert last.startswith(f"consistency: error: internal error while working on {seed}: ")
    assert "RuntimeError: boom second line" in last
    if debug:
        assert "Traceback (most recent call last)" in done.stderr
    else:
        assert done.stderr.count("\n") == 1 and last.endswith("(--debug shows the traceback)")


# ---------------------------------------------------------------------------
# -o -, --quiet, colours, --no-config after the command


def test_output_dash_is_standard_output(tmp_path: Path) -> None:
    args = ["--no-config", "ingest", str(BRIEFINGS), "--format", "json"]
    assert run(*args, "-o", "-") == run(*args)
    assert not (Path.cwd() / "-").exists()


def test_quiet_drops_notes_but_not_errors(tmp_path: Path) -> None:
    folder = tmp_path / "briefings"
    folder.mkdir()
    for f in BRIEFINGS.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "LICENSE").write_text("MIT\n", encoding="utf-8")
    loud = process("--no-config", "ingest", str(folder))
    assert loud.returncode == 0 and "consistency: note: skipped 1 file" in loud.stderr
    for args in (
        ("-q", "--no-config", "ingest", str(folder)),
        ("ingest", str(folder), "--quiet", "--no-config"),
    ):
        quiet = process(*args)
        assert (quiet.returncode, quiet.stderr, quiet.stdout) == (0, "", loud.stdout)
    missing = process("-q", "--no-config", "ingest", str(tmp_path / "nope"))
    assert missing.returncode == 2 and "no such file or directory" in missing.stderr


@pytest.mark.parametrize(
    ("env", "colour"),
    [
        ({}, False),
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ],
)
def test_force_color_and_no_color(tmp_path: Path, env: dict[str, str], colour: bool) -> None:
    new = shifted_copy(tmp_path)
    args = ["--no-config", "check", str(new), "--against", str(BRIEFINGS), "--points", str(POINTS)]
    done = process(*args, env=env)
    assert done.returncode == 1
    assert ("\x1b[" in done.stdout) is colour
    target = tmp_path / "out.txt"
    assert process(*args, "-o", str(target), env=env).returncode == 1
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_color_flags_before_the_command(tmp_path: Path) -> None:
    """``consistency --no-color check ...`` (as ``--no-config`` works on either side)."""
    new = shifted_copy(tmp_path)
    args = ["check", str(new), "--against", str(BRIEFINGS), "--points", str(POINTS)]
    plain = process("--no-color", "--no-config", *args, env={"FORCE_COLOR": "1"})
    assert plain.returncode == 1 and "\x1b[" not in plain.stdout
    loud = process("--color", "--no-config", *args)
    assert loud.returncode == 1 and "\x1b[" in loud.stdout


def test_no_config_after_the_command(tmp_path: Path) -> None:
    (tmp_path / "consistency.toml").write_text("no-such-option = 1\n", encoding="utf-8")
    broken = process("ingest", str(BRIEFINGS), cwd=tmp_path)
    assert broken.returncode == 2 and "unknown option 'no-such-option'" in broken.stderr
    for args in (
        ("--no-config", "ingest", str(BRIEFINGS)),
        ("ingest", str(BRIEFINGS), "--no-config"),
    ):
        done = process(*args, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (0, "")
    assert run("ingest", str(BRIEFINGS), "--no-config")[0] == 0


# ---------------------------------------------------------------------------
# Folders: what is a briefing


@pytest.fixture
def project_folder(tmp_path: Path) -> Path:
    """The seeds as a repository keeps them: with a README, a LICENSE, a CHANGELOG, a .tsv."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    for f in BRIEFINGS.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / "README.md").write_text("# Briefings\n\nUpdated on 2024-01-02.\n", "utf-8")
    (folder / "LICENSE.txt").write_text("MIT License\n", "utf-8")
    (folder / "CHANGELOG.md").write_text("## 2024-01-02\n- added 000\n", "utf-8")
    (folder / "files.tsv").write_text("path\tdate\n", "utf-8")
    drafts = folder / "drafts"
    drafts.mkdir()
    (drafts / "2025-12-01_draft.txt").write_text("A: Not yet said.\n", "utf-8")
    return folder


def test_project_files_in_a_folder_are_skipped_in_one_note(project_folder: Path) -> None:
    code, out, err = run("--no-config", "ingest", str(project_folder), "--format", "json")
    assert code == 0
    ids = [d["id"] for d in json.loads(out)["documents"]]
    assert sorted(ids) == sorted(
        [*(p.stem for p in BRIEFINGS.glob("*.txt")), "drafts/2025-12-01_draft"]
    )
    [note] = err.splitlines()
    assert note == (
        "consistency: note: skipped 4 files that are not briefings: "
        + ", ".join(
            str(project_folder / n)
            for n in ("CHANGELOG.md", "LICENSE.txt", "README.md", "files.tsv")
        )
        + " (--include GLOB reads them)"
    )


def test_include_and_exclude_decide(project_folder: Path) -> None:
    args = ["--no-config", "ingest", str(project_folder), "--format", "json"]
    code, out, err = run(
        *args, "--exclude", "drafts", "--exclude", "*.tsv", "--include", "README.md"
    )
    assert code == 0
    ids = {d["id"] for d in json.loads(out)["documents"]}
    assert "README" in ids and not any(i.startswith("drafts/") for i in ids)
    assert "files.tsv" not in err and "README.md" not in err and "LICENSE.txt" in err
    # exclude wins over include
    code, out, _ = run(*args, "--include", "README.md", "--exclude", "README*")
    assert "README" not in {d["id"] for d in json.loads(out)["documents"]}


def test_include_and_exclude_from_the_config_file(project_folder: Path) -> None:
    config = project_folder.parent / "consistency.toml"
    config.write_text('exclude = "drafts/*"\ninclude = ["CHANGELOG.md"]\n', encoding="utf-8")
    done = process("ingest", "briefings", "--format", "json", cwd=project_folder.parent)
    assert done.returncode == 0, done.stderr
    ids = {d["id"] for d in json.loads(done.stdout)["documents"]}
    assert "CHANGELOG" in ids and "drafts/2025-12-01_draft" not in ids


def test_check_against_a_folder_with_a_readme(project_folder: Path, tmp_path: Path) -> None:
    new = shifted_copy(tmp_path)
    done = process(
        "--no-config", "check", str(new), "--against", str(project_folder), "--points", str(POINTS)
    )
    assert done.returncode == 1
    assert done.stderr.startswith("consistency: note: skipped 4 files that are not briefings")


# ---------------------------------------------------------------------------
# diff on undated files; manifest.csv beside a file


@pytest.fixture
def undated_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Seeds 003 and 000 (dated only by the manifest) without their manifest."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes((BRIEFINGS / "003_28ddfdb37133726e.txt").read_bytes())
    new.write_bytes(SOURCE.read_bytes())
    return old, new


def test_diff_on_undated_files_names_options_that_exist(undated_pair: tuple[Path, Path]) -> None:
    old, new = undated_pair
    done = process("--no-config", "diff", str(old), str(new))
    assert (done.returncode, done.stdout) == (2, "")
    lines = done.stderr.splitlines()
    assert lines[0].startswith(
        f"consistency: error: {old}: no date found; give one with --old-date"
    )
    assert any(
        x.startswith(f"consistency: error: {new}: no date found; give one with --new-date")
        for x in lines
    )
    for option in ("--old-date", "--new-date", "--manifest"):
        assert option in process("--no-config", "diff", "--help").stdout
    dated = process(
        "--no-config",
        "diff",
        str(old),
        str(new),
        "--old-date",
        "2025-05-20",
        "--new-date",
        "2025-10-22",
        "--format",
        "json",
    )
    assert dated.returncode == 0, dated.stderr
    data = json.loads(dated.stdout)
    assert (data["old"]["date"], data["new"]["date"]) == ("2025-05-20", "2025-10-22")


def test_a_manifest_beside_single_files_dates_them(undated_pair: tuple[Path, Path]) -> None:
    old, new = undated_pair
    (old.parent / "manifest.csv").write_text(
        "path,date\nold.txt,2025-05-20\nnew.txt,2025-10-22\n", "utf-8"
    )
    done = process("--no-config", "diff", str(old), str(new), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["old"]["date"], data["new"]["date"]) == ("2025-05-20", "2025-10-22")
    code, out, _ = run("--no-config", "ingest", str(new), "--format", "json")
    [doc] = json.loads(out)["documents"]
    assert (code, doc["date"], doc["date_source"]) == (0, "2025-10-22", "manifest")


# ---------------------------------------------------------------------------
# Titles: a venue line is not the title

WHITE_HOUSE = ROOT / "fixtures" / "other" / "us-whitehouse-archive"


def test_venue_lines_are_not_titles() -> None:
    code, out, _ = run("--no-config", "ingest", str(WHITE_HOUSE), "--format", "json")
    assert code == 0
    titles = {d["id"]: d["title"] for d in json.loads(out)["documents"]}
    assert titles == {
        "2021-03-03_press-briefing": None,
        "2021-04-05_press-briefing": None,
        "2022-08-10_background-press-call": (
            "Background Press Call by Senior Administration Officials on the Inflation "
            "Reduction Act"
        ),
        "2023-05-02_press-briefing": (
            "Press Briefing by Press Secretary Karine Jean-Pierre and National Security "
            "Communications Advisor John Kirby"
        ),
        "2023-06-01_press-gaggle": "Press Gaggle by Principal Deputy Press Secretary Olivia Dalton",
        "2023-06-02_press-briefing": None,
    }
    # Alone, too: the venue is followed by the clock time, not a date.
    single = WHITE_HOUSE / "2021-03-03_press-briefing.txt"
    assert (
        json.loads(run("--no-config", "ingest", str(single), "--format", "json")[1])["documents"][
            0
        ]["title"]
        is None
    )


def test_a_line_heading_much_of_an_archive_is_not_a_title(tmp_path: Path) -> None:
    """ "Via Teleconference" followed by the date looks like a title in one document; heading
    most of an archive, it is the venue. The title of one briefing never repeats so."""
    body = (
        "\nSENIOR ADMINISTRATION OFFICIAL:  Thanks, everyone, for joining the call today.\n\n"
        "Q    Thanks.  What is the timeline?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:  We expect guidance in the coming weeks.\n"
    )
    folder = tmp_path / "calls"
    folder.mkdir()
    for k in range(1, 5):
        (folder / f"2022-03-0{k}_call.txt").write_text(
            f"Via Teleconference\nMarch {k}, 2022\n{body}", encoding="utf-8"
        )
    (folder / "2022-03-05_call.txt").write_text(
        f"Background Press Call on the Summit\nVia Teleconference\nMarch 5, 2022\n{body}", "utf-8"
    )
    docs = json.loads(run("--no-config", "ingest", str(folder), "--format", "json")[1])["documents"]
    assert [d["title"] for d in docs] == [
        None,
        None,
        None,
        None,
        "Background Press Call on the Summit",
    ]
    alone = run("--no-config", "ingest", str(folder / "2022-03-01_call.txt"), "--format", "json")
    assert json.loads(alone[1])["documents"][0]["title"] == "Via Teleconference"


def test_a_sites_banner_below_the_first_line_is_no_title_either(tmp_path: Path) -> None:
    """A fresh-clone review (state.gov pages copied whole): "Official websites use .gov"
    was passed over as a line heading the archive, and the banner line after it became
    every briefing's title. A line among the header lines of much of an archive names
    the site, first or not."""
    chrome = (
        "An official website of the United States Government Here's how you know\n\n"
        "Official websites use .gov\n\n"
    )
    body = (
        "2:21 p.m. EDT\n\nMR PRICE: Good afternoon.\n\nQUESTION: Thank you.\n\n"
        "MR PRICE: Thanks, all.\n"
    )
    folder = tmp_path / "state"
    folder.mkdir()
    for k in range(1, 5):
        (folder / f"2021-04-0{k}.txt").write_text(f"{chrome}{body}", encoding="utf-8")
    (folder / "2021-04-05.txt").write_text(
        f"{chrome}Department Press Briefing - April 5, 2021\n\n{body}", encoding="utf-8"
    )
    docs = json.loads(run("--no-config", "ingest", str(folder), "--format", "json")[1])["documents"]
    assert [d["title"] for d in docs] == [None] * 4 + ["Department Press Briefing - April 5, 2021"]


def test_a_sites_lines_opening_much_of_an_archive_are_nobodys_words(tmp_path: Path) -> None:
    """A fresh-clone review (state.gov pages copied whole, MOFA Japan): the page's own
    lines above the first speaker ("A .gov website belongs to an official government
    organization in the United States.") were the spokesman's opening words, discovered
    on every date. Lines that open much of an archive word for word are the site's, as
    a header is; a briefing's own opening stays."""
    from consistency.ingest import load_documents

    chrome = (
        "Official websites use .gov\n\n"
        "A .gov website belongs to an official government organization in the United "
        "States.\n\nSecure .gov websites use HTTPS\n\n"
    )
    folder = tmp_path / "state"
    folder.mkdir()
    for k in range(1, 6):
        (folder / f"2021-04-0{k}.txt").write_text(
            f"{chrome}We condemn the violence in case {k}.\n\nMR PRICE: Good afternoon.\n\n"
            "QUESTION: Thank you.\n\nMR PRICE: Thanks, all.\n",
            encoding="utf-8",
        )
    for d in load_documents([folder]):
        said = " ".join(d.text[t.start : t.end] for t in d.turns)
        assert "website" not in said and "HTTPS" not in said
        assert said.startswith("We condemn the violence")
    [alone] = load_documents([folder / "2021-04-01.txt"])
    assert "website belongs" in " ".join(alone.text[t.start : t.end] for t in alone.turns)
    # under a heading that varies (MOFA Japan 2021-04-20)
    folder = tmp_path / "mofa"
    folder.mkdir()
    for k in range(1, 6):
        (folder / f"2021-04-0{k}.txt").write_text(
            "Press Conference by Foreign Minister MOTEGI Toshimitsu\n\n"
            f"Tuesday, April {k}, 2021, 4:04 p.m. Ministry of Foreign Affairs\n\n"
            f"(Video) Press Conference by Foreign Minister {'Motegi' if k % 2 else 'MOTEGI'}\n"
            "This is a provisional translation by an external company for reference purpose "
            f"only.\n\nOpening Remarks\n\nMinister Motegi: We will hold talks on case {k}.\n\n"
            "Reporter: Thank you.\n",
            encoding="utf-8",
        )
    for d in load_documents([folder]):
        said = " ".join(d.text[t.start : t.end] for t in d.turns)
        assert "translation" not in said and "We will hold talks" in said


def test_a_talking_point_repeated_at_the_top_of_narrated_briefings_is_searched(
    tmp_path: Path,
) -> None:
    """A fresh-clone review (UK lobby briefings, narration with no speaker labels): a
    paragraph reporting a talking point word for word on every date was taken for the
    site's own line and never searched; ``check`` then failed each new briefing with a
    formula "never in the baseline". A line that reports speech is nobody's site."""
    from consistency.ingest import load_documents

    said = (
        "Asked about the Government's position, the Prime Minister's Official Spokesperson "
        "said that the UK continues to support a two-state solution."
    )
    folder = tmp_path / "uk"
    folder.mkdir()
    for k in range(1, 6):
        (folder / f"2024-01-0{k}.txt").write_text(
            f"PM's Official Spokesperson's lobby briefing: {k} January 2024\n"
            "From: Prime Minister's Office, 10 Downing Street\n\nForeign affairs\n\n"
            f"{said}\n\nThe PMOS added that deliveries continued on day {k}.\n",
            encoding="utf-8",
        )
    for d in load_documents([folder]):
        assert said in " ".join(d.text[t.start : t.end] for t in d.turns), d.id
    points = tmp_path / "p.toml"
    points.write_text('[[point]]\nid = "x"\ntext = "support a two-state solution"\n')
    code, out, _ = run(
        "--no-config", "track", str(folder), "--points", str(points), "--format", "csv"
    )
    assert code == 0 and out.count(",identical,") == 5, out


# ---------------------------------------------------------------------------
# Benchmarks outside the usual layout


def test_benchmarks_run_from_another_directory_without_the_corpus(tmp_path: Path) -> None:
    """``python benchmarks/run_all.py`` falls back to the fixtures, as README says, and
    ``--write`` keeps what each printed, headed by the commit and the machine."""
    environ = {**os.environ, "CONSISTENCY_CORPUS": str(tmp_path / "no-corpus")}
    environ["PYTHONPATH"] = str(ROOT)
    results = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--quick", "--write", results],
        capture_output=True,
        text=True,
        env=environ,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    fixtures = ROOT / "fixtures" / "corpus" / "mfa"
    # one note from each benchmark that reads the corpus:
    # track, engine, warm, ingest, discover, check
    assert done.stdout.count(f"using {fixtures}") == 6
    assert f"corpus: {fixtures} (3 briefings indexed" in done.stdout
    assert "Traceback" not in done.stderr
    written = results.read_text(encoding="utf-8")
    assert written.startswith("# Benchmarks: ") and "cores, load average" in written
    assert "## bench_warm.py" in written and "warm output identical to cold: True" in written


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('level = "fatal"', "'level': 'fatal' is not one of 'error', 'warning', 'notice'."),
        ('[check]\nformat = "xml"', "'format': 'xml' is not one of"),
    ],
)
def test_a_bad_option_value_in_the_config_names_the_file_and_key(
    tmp_path: Path, toml: str, message: str
) -> None:
    new = shifted_copy(tmp_path)
    config = tmp_path / "consistency.toml"
    config.write_text(f'against = "{BRIEFINGS}"\n{toml}\n', encoding="utf-8")
    done = process("check", new.name, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"consistency: error: {config}: {message}")
    assert done.stderr.count("\n") == 1


def test_a_closed_output_pipe_is_not_the_findings_code(tmp_path: Path) -> None:
    """``consistency check ... | head -0``: 141 (as a shell reports SIGPIPE), never 1."""
    new = shifted_copy(tmp_path)
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "consistency",
            "--no-config",
            "check",
            str(new),
            "--against",
            str(BRIEFINGS),
            "--points",
            str(POINTS),
            "--fail-on",
            "none",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        err = child.stderr.read()
        assert (child.wait(timeout=120), err) == (141, b"")


_REPORT = [sys.executable, "-m", "consistency", "--no-config", "report"]
_REPORT += [str(ROOT / "fixtures" / "corpus"), "--format", "json"]


def _report_child(stdout: int) -> subprocess.Popen[bytes]:
    """``consistency report fixtures/corpus --format json`` (about 100 KB, more than a pipe
    holds) writing to ``stdout``."""
    return subprocess.Popen(
        _REPORT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _pending(fd: int) -> int:
    """Bytes waiting to be read from the pipe ``fd``."""
    import fcntl
    import termios

    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def _wait_full(fd: int, child: subprocess.Popen[bytes]) -> None:
    """Until the pipe ``fd`` reads from holds 64 KiB (the child is blocked on it) or the
    child is gone."""
    deadline = time.monotonic() + 120
    while _pending(fd) < 65536 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_reader_that_goes_away_mid_report_is_141_not_success() -> None:
    """A review: ``| head -c 10`` on a report larger than the pipe exited 0 (Python's
    stream dropped the rest of a short write), so a script could not tell a cut report
    from a whole one. The reader closing mid-write is 141."""
    read, write = os.pipe()
    with _report_child(write) as child:
        os.close(write)
        _wait_full(read, child)
        os.read(read, 10)
        os.close(read)
        assert child.stderr is not None
        err = child.stderr.read()
        assert (child.wait(timeout=120), err) == (141, b"")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_non_blocking_standard_output_gets_the_whole_report() -> None:
    """A review: a parent that leaves the pipe non-blocking (some CI runners) got the
    first 64 KiB of a report and exit 0. Every byte arrives, the same as through a file."""
    import fcntl

    whole = subprocess.run(
        _REPORT,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    ).stdout
    assert len(whole) > 65536
    read, write = os.pipe()
    fcntl.fcntl(write, fcntl.F_SETFL, fcntl.fcntl(write, fcntl.F_GETFL) | os.O_NONBLOCK)
    with _report_child(write) as child:
        os.close(write)
        _wait_full(read, child)
        got = b""
        while chunk := os.read(read, 1 << 16):
            got += chunk
        os.close(read)
        assert child.stderr is not None
        err = child.stderr.read()
        assert (child.wait(timeout=120), err, got) == (0, b"", whole)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
@pytest.mark.parametrize("closed", [1, 2])
def test_a_run_started_with_a_standard_stream_closed_fails_plainly(closed: int) -> None:
    """A review: ``consistency report ... >&-`` ended in a traceback (Python gives no
    ``sys.stdout`` then). Without standard output it is one error, exit 2; without
    standard error the report is written all the same."""
    done = subprocess.run(
        [sys.executable, "-m", "consistency", "--no-config", "report", str(BRIEFINGS)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        preexec_fn=lambda: os.close(closed),
        check=False,
    )
    if closed == 1:
        assert (done.returncode, done.stderr.decode()) == (
            2,
            "consistency: error: <stdout>: cannot write to standard output: it is closed\n",
        )
    else:
        assert done.returncode == 0 and b"Talking-point report" in done.stdout


def test_sarif_of_an_html_page_locates_the_file_not_lines_of_its_text(tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><title>Briefing</title></head><body><h1>Briefing</h1>"
        "<p>Q: And the South China Sea?</p><p>A: We will make it {}.</p></body></html>\n"
    )
    old = tmp_path / "2025-01-01_old.html"
    old.write_text(page.format(FORMULA), encoding="utf-8")
    new = tmp_path / "2025-01-02_new.html"
    new.write_text(page.format(SHIFTED), encoding="utf-8")
    code, out, _ = run(
        "--no-config",
        "check",
        str(new),
        "--against",
        str(old),
        "--points",
        str(POINTS),
        "--format",
        "sarif",
    )
    assert code == 1
    [result] = validate_sarif(out)["runs"][0]["results"]
    assert result["ruleId"] == "sea-of-peace"
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": new.as_uri()}}
    # nor do the text and GitHub forms pass a line of its text for a line of the page
    args = ["--no-config", "check", str(new), "--against", str(old), "--points", str(POINTS)]
    code, out, _ = run(*args)
    assert code == 1 and out.startswith(f"{new} (text line ")
    code, out, _ = run(*args, "--format", "github")
    assert code == 1 and "line=" not in out and f"::{escape_data(str(new))} (text line " in out


def test_annotations_of_a_row_name_its_file_and_say_the_row(tmp_path: Path) -> None:
    """A review: GitHub annotations of a briefing that is a row of a ``.jsonl`` file named
    ``file=new.jsonl#2,line=1`` (a file GitHub has not, a line of the row's text). As in
    SARIF, the annotation is on the file; its message says the row and the place in it."""
    rows = ROOT / "fixtures" / "other" / "archives" / "dfat-transcripts.jsonl"
    lines = rows.read_text(encoding="utf-8").splitlines()
    new = tmp_path / "new.jsonl"
    new.write_text(
        lines[2].replace("2023-04-12", "2023-05-01").replace("disagree where we must", "disagree")
        + "\n",
        encoding="utf-8",
    )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "cooperate"\ntext = "cooperate where we can, disagree where we must"\n',
        encoding="utf-8",
    )
    args = ["--no-config", "check", str(new), "--against", str(rows), "--points", str(points)]
    code, out, _ = run(*args, "--format", "github")
    assert code == 1, out
    [annotation] = out.splitlines()
    assert annotation.startswith(f"::error file={escape_property(str(new))},title=")
    assert "line=" not in annotation and "#" not in annotation.split("::")[1]
    assert f"::{escape_data(str(new))}#1 (text line 7, column " in annotation
    code, out, _ = run(*args)
    assert out.startswith(f"{new}#1 (text line 7, column ")
    code, out, _ = run(*args, "--format", "sarif")
    [result] = validate_sarif(out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": new.as_uri()}}


def test_a_briefing_whose_name_starts_like_a_project_file_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in ("security-council_2025-10-22.txt", "notice_2025-10-23.txt", "History.md"):
        (folder / name).write_bytes(SOURCE.read_bytes())
    code, out, err = run("--no-config", "ingest", str(folder), "--format", "json")
    assert code == 0
    ids = [d["id"] for d in json.loads(out)["documents"]]
    assert ids == ["security-council_2025-10-22", "notice_2025-10-23"]
    history = folder / "History.md"
    assert err == (
        f"consistency: note: skipped 1 file that is not a briefing: {history} "
        "(--include GLOB reads them)\n"
    )
