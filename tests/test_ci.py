"""CI conventions of ``check`` and the CLI (issue 9): levels, --strict, --fail-on, formats,
exit codes and signals, -o -, --quiet, colours, folders. Each through CliRunner, and the
ones a CI job sees through a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import cli

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
        ("position-consistent-clear", sarif),
    ]
    for r in results:
        artifact = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert artifact == {
            "uri": "fixtures/briefings/000_0c46398071a3ed71.txt",
            "uriBaseId": "%SRCROOT%",
        }
