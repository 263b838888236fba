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
