"""Hostile input: every case of the adversarial run (HARDENING.md, F1-F24) as a test.

Each failure class is a section below, named by its F-number. The promise is
the same everywhere: bad input is one line on stderr naming the file, exit 2,
no traceback, nothing half-written, never a hang; output never carries a
control character or a forged line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import cli
from consistency.models import Document

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
POINTS = ROOT / "fixtures" / "talking-points.toml"
FIRST = "000_0c46398071a3ed71.txt"
"""The seed dated 2025-10-22 by the fixtures' manifest; the gate's usual 'new' briefing."""


def run(*args: str | Path) -> tuple[int, str, str]:
    """The CLI through CliRunner: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


def proc(
    *args: str | Path, cwd: Path | None = None, stdin: int | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """The CLI as a real process (``python -m consistency``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "consistency", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=stdin,
        timeout=timeout,
        check=False,
    )


def one_error(code: int, err: str, *names: str) -> None:
    """Exit 2 and exactly one ``consistency: error:`` line that names ``names``."""
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("consistency: error: ")
    for name in names:
        assert name in lines[0], (name, lines[0])


@pytest.fixture
def fx(tmp_path: Path) -> Path:
    """A copy of fixtures/briefings (dated by its manifest) and the watchlist beside it."""
    shutil.copytree(BRIEFINGS, tmp_path / "fx")
    shutil.copy(POINTS, tmp_path / "tp.toml")
    return tmp_path / "fx"


def gate(fx: Path, *more: str | Path) -> list[str | Path]:
    """``check`` of the 2025-10-22 seed against the earlier seeds (2 findings with tp.toml)."""
    return [
        "check",
        fx / FIRST,
        "--date",
        "2025-10-22",
        "--against",
        fx,
        "--until",
        "2025-10-21",
        *more,
    ]


# F1 Deeply nested TOML -----------------------------------------------------------------


@pytest.mark.parametrize(
    "toml",
    ["x=" + "[" * 100_000 + "]" * 100_000 + "\n", "x=" + "{a=" * 5000 + "1" + "}" * 5000 + "\n"],
    ids=["arrays", "inline-tables"],
)
def test_f1_deep_watchlist_is_one_error(fx: Path, toml: str) -> None:
    deep = fx.parent / "deep.toml"
    deep.write_text(toml)
    code, _, err = run("--no-config", "track", fx, "--points", deep)
    one_error(code, err, "deep.toml", "nested too deeply")


def test_f1_deep_config_named_or_ignored(
    fx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = "x=" + "[" * 100_000 + "]" * 100_000 + "\n"
    found = tmp_path / "cfgdeep"
    found.mkdir()
    (found / "pyproject.toml").write_text(deep)
    monkeypatch.chdir(found)
    # A pyproject.toml is only a configuration with [tool.consistency]; one that cannot be
    # read as TOML is no configuration (as for any invalid pyproject.toml).
    code, out, _ = run("ingest", fx)
    assert code == 0 and "000_0c46398071a3ed71" in out
    (found / "consistency.toml").write_text(deep)
    code, _, err = run("ingest", fx)
    one_error(code, err, "consistency.toml", "nested too deeply")
    code, _, err = run("--config", found / "pyproject.toml", "ingest", fx)
    one_error(code, err, "pyproject.toml", "nested too deeply")


# F2 Config values of the wrong type -----------------------------------------------------


@pytest.mark.parametrize(
    ("config", "key", "command"),
    [
        ('manifest = ["a.csv","b.csv"]\n', "'manifest'", ["report", "{fx}"]),
        ("points = 5\n", "'points'", ["check", "{fx}/" + FIRST, "--against", "{fx}"]),
        ("top = 1e400\n", "'top'", ["report", "{fx}", "--points", "{tp}"]),
        ("threshold = nan\n", "'threshold'", ["check", "{fx}/" + FIRST, "--against", "{fx}"]),
        ("threshold = 'high'\n", "'threshold'", ["report", "{fx}", "--points", "{tp}"]),
        ("top = 0\n", "'top'", ["report", "{fx}"]),
        ("include-questions = 'yes'\n", "'include-questions'", ["report", "{fx}"]),
        (
            "[check]\nsimilarity = -inf\n",
            "'check.similarity'",
            ["check", "{fx}", "--against", "{fx}"],
        ),
        ("speaker = [1, 2]\n", "'speaker'", ["report", "{fx}"]),
        ("since = 1979-05-27T07:32:00Z\n", "'since'", ["report", "{fx}"]),
    ],
)
def test_f2_config_type_errors_name_file_and_key(
    fx: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    key: str,
    command: list[str],
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "consistency.toml").write_text(config)
    monkeypatch.chdir(folder)
    args = [a.format(fx=fx, tp=tmp_path / "tp.toml") for a in command]
    code, _, err = run(*args)
    one_error(code, err, str(folder / "consistency.toml"), key)


# F3 nan thresholds -------------------------------------------------------------------------


def test_f3_the_gate_fails_on_its_findings(fx: Path) -> None:
    code, out, _ = run("--no-config", *gate(fx, "--points", fx.parent / "tp.toml"))
    assert code == 1 and out.count("shifted") >= 2


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "+nan"])
@pytest.mark.parametrize("option", ["--threshold", "--similarity"])
def test_f3_nan_threshold_refused(fx: Path, option: str, value: str) -> None:
    code, _, err = run("--no-config", *gate(fx, "--points", fx.parent / "tp.toml", option, value))
    one_error(code, err, option)


def test_f3_nan_threshold_in_config_refused(fx: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (fx.parent / "consistency.toml").write_text("threshold = nan\n")
    monkeypatch.chdir(fx.parent)
    result = proc(*gate(fx, "--points", fx.parent / "tp.toml"))
    one_error(result.returncode, result.stderr, "consistency.toml", "'threshold'")


def test_f3_library_refuses_nan_threshold(fx: Path) -> None:
    from consistency import OptionError, load_documents, load_watchlist, track

    docs = load_documents([fx])
    with pytest.raises(OptionError, match="threshold"):
        track(docs, load_watchlist(fx.parent / "tp.toml"), threshold=float("nan"))


# F4 Huge manifest fields --------------------------------------------------------------------


def test_f4_manifest_field_past_csv_limit(fx: Path) -> None:
    folder = fx.parent / "m"
    folder.mkdir()
    shutil.copy(fx / FIRST, folder / "a.txt")
    (folder / "manifest.csv").write_text(
        'path,date\n"' + "x" * 200_000 + '",2025-10-22\na.txt,2025-10-22\n'
    )
    code, _, err = run("--no-config", "ingest", folder)
    assert code == 2 and "Traceback" not in err
    first = err.splitlines()[0]
    assert first.startswith("consistency: error: ")
    assert "manifest.csv:2: malformed CSV" in first and len(first) < 300


# F5 JSONL rows: huge integer, deep nesting --------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('{"date":"2025-01-01","text":' + "9" * 5000 + "}", "number too long"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
        ("[" * 100_000 + '"words"' + "]" * 100_000, "nested too deeply"),
    ],
    ids=["digits", "objects", "arrays"],
)
def test_f5_hostile_json_rows(tmp_path: Path, row: str, message: str) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(row + "\n")
    code, _, err = run("--no-config", "ingest", rows)
    one_error(code, err, "rows.jsonl:1", message)


# F6 Lone surrogates -------------------------------------------------------------------------


@pytest.fixture
def surrogate(tmp_path: Path) -> Path:
    rows = tmp_path / "sur.jsonl"
    text = "We uphold peace \ud800 and stability."
    rows.write_text(json.dumps({"id": "s1\udfff", "date": "2025-03-02", "text": text}) + "\n")
    return rows


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "{f}"],
        ["ingest", "{f}", "--format", "json"],
        ["report", "{f}", "--min-dates", "1"],
        ["report", "{f}", "--min-dates", "1", "--format", "csv"],
        ["index", "{f}", "--db", "{d}"],
    ],
)
def test_f6_lone_surrogate_becomes_replacement_character(
    surrogate: Path, command: list[str]
) -> None:
    args = [a.format(f=surrogate, d=surrogate.with_suffix(".db")) for a in command]
    result = proc("--no-config", *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_f6_surrogate_text_is_replaced_and_id_escaped(surrogate: Path) -> None:
    from consistency import load_documents

    (doc,) = load_documents([surrogate])
    assert doc.text == "We uphold peace \ufffd and stability."
    assert doc.id == "s1\\udfff"
    doc.text.encode("utf-8")


# F7 Closed standard input -----------------------------------------------------------------


def test_f7_closed_stdin() -> None:
    script = (
        "import os, sys, runpy; os.close(0); sys.stdin = None; "
        "sys.argv = ['consistency', '--no-config', 'ingest', '-', '--date', '2025-01-01']; "
        "runpy.run_module('consistency', run_name='__main__')"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    one_error(result.returncode, result.stderr, "<stdin>", "standard input is closed")


def test_f7_closed_stdin_real_shell() -> None:
    result = subprocess.run(
        f"exec {sys.executable} -m consistency --no-config ingest - --date 2025-01-01 <&-",
        shell=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    one_error(result.returncode, result.stderr, "<stdin>")


# F23 Multi-line error messages --------------------------------------------------------------


def test_f23_newline_in_a_manifest_cell_is_one_error_line(fx: Path) -> None:
    folder = fx.parent / "mq"
    folder.mkdir()
    shutil.copy(fx / FIRST, folder / "a.txt")
    (folder / "manifest.csv").write_text('path,date\n"a.txt\n,2025-10-22\n')
    code, _, err = run("--no-config", "ingest", folder)
    assert code == 2 and "Traceback" not in err
    assert all(line.startswith("consistency: error: ") for line in err.splitlines()), err
    assert "a.txt\\n,2025-10-22" in err


def test_f23_errors_are_always_one_line() -> None:
    from consistency.errors import InputError

    message = str(InputError("bad\nvalue\x1b[2J\u202e", path="a\nb.txt", line=3))
    assert message == "a\\nb.txt:3: bad\\nvalue\\x1b[2J\\u202e"


# F8 Special files in an input folder --------------------------------------------------------


def _folder_with(fx: Path, name: str) -> Path:
    folder = fx.parent / name
    folder.mkdir()
    shutil.copy(fx / FIRST, folder / "2025-10-22_a.txt")
    return folder


def test_f8_fifo_in_a_folder_is_an_error_not_a_hang(fx: Path) -> None:
    folder = _folder_with(fx, "p")
    os.mkfifo(folder / "2025-10-23_pipe.txt")
    result = proc("--no-config", "ingest", folder, timeout=30)
    one_error(result.returncode, result.stderr, "2025-10-23_pipe.txt", "FIFO")


def test_f8_fifo_named_manifest_is_an_error_not_a_hang(fx: Path) -> None:
    folder = _folder_with(fx, "pm")
    os.mkfifo(folder / "manifest.csv")
    result = proc("--no-config", "ingest", folder, timeout=30)
    assert result.returncode == 2
    assert "manifest.csv: not a regular file (a FIFO)" in result.stderr


def test_f8_link_to_dev_zero_is_refused(fx: Path) -> None:
    folder = _folder_with(fx, "z")
    (folder / "2025-10-23_zero.txt").symlink_to("/dev/zero")
    result = proc("--no-config", "ingest", folder, timeout=30)
    one_error(result.returncode, result.stderr, "2025-10-23_zero.txt", "/dev/zero")


def test_f8_device_node_inside_the_folder_is_refused(fx: Path) -> None:
    folder = _folder_with(fx, "d")
    try:
        os.mknod(folder / "2025-10-23_zero.txt", 0o666 | 0o020000, os.makedev(1, 5))
    except (PermissionError, OSError) as e:
        pytest.skip(f"cannot make a device node here: {e}")
    code, _, err = run("--no-config", "ingest", folder)
    one_error(code, err, "2025-10-23_zero.txt", "character device")


def test_f8_a_pipe_named_on_the_command_line_is_read(fx: Path) -> None:
    text = (fx / FIRST).read_text()
    result = subprocess.run(
        f"exec {sys.executable} -m consistency --no-config ingest --format json "
        f"--date 2025-10-22 <(cat {FIRST})",
        shell=True,
        executable="/bin/bash",
        cwd=fx,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["words"]["official"] > 0 and len(text) > 1000


# F9 Symlinked sub-folders, F10 symlinks out of the tree -------------------------------------


@pytest.fixture
def linked(fx: Path) -> Path:
    """s/real (3 briefings), s/arch (1 briefing) with s/arch/linked -> ../real."""
    s = fx.parent / "s"
    (s / "real").mkdir(parents=True)
    (s / "arch").mkdir()
    for f in sorted(fx.glob("00[0-2]*.txt")):
        shutil.copy(f, s / "real" / f.name)
    shutil.copy(next(fx.glob("003*.txt")), s / "arch")
    (s / "real" / "manifest.csv").write_text("path,date\n000_0c46398071a3ed71.txt,2025-10-22\n")
    (s / "arch" / "manifest.csv").write_text("path,date\n003_28ddfdb37133726e.txt,2025-05-20\n")
    (s / "arch" / "linked").symlink_to("../real")
    return s


def _ids(out: str) -> list[str]:
    return [d["id"] for d in json.loads(out)["documents"]]


def test_f9_symlinked_folder_inside_the_tree_is_read(linked: Path) -> None:
    (linked / "arch" / "linked").unlink()
    (linked / "arch" / "linked").symlink_to(linked / "real")
    (linked / "real" / "again").symlink_to("..")  # a loop: s/real/again -> s
    code, out, err = run("--no-config", "ingest", linked, "--format", "json")
    assert code == 0, err
    # every briefing once, under its own (first walked) folder; the loop ends
    assert sorted(_ids(out)) == [
        "arch/003_28ddfdb37133726e",
        "real/000_0c46398071a3ed71",
        "real/001_ea51057881414630",
        "real/002_4a5ca9b62894acf8",
    ]


def test_f9_symlinked_folder_only_reachable_through_the_link(linked: Path) -> None:
    inner = linked / "arch" / "inner"
    (linked / "arch" / "linked").unlink()
    shutil.move(linked / "real", inner)
    (linked / "arch" / "linked").symlink_to("inner")
    code, out, err = run("--no-config", "ingest", linked / "arch", "--format", "json")
    assert code == 0, err
    assert len(_ids(out)) == 4


def test_f9_symlinked_folder_out_of_the_tree_is_not_silently_skipped(linked: Path) -> None:
    result = proc("--no-config", "ingest", linked / "arch")
    one_error(result.returncode, result.stderr, "arch/linked", "symbolic link out of")


@pytest.fixture
def secret_link(fx: Path) -> Path:
    (fx.parent / "secret").mkdir()
    (fx.parent / "secret" / "creds").write_text(
        "API_TOKEN=ghp_Secret123\nThe spokesperson said ok.\n"
    )
    ex = _folder_with(fx, "ex")
    (ex / "2025-10-23_x.txt").symlink_to("../secret/creds")
    return ex


@pytest.mark.parametrize("command", ["ingest", "index", "report"])
def test_f10_symlink_out_of_the_tree_is_refused(secret_link: Path, command: str) -> None:
    db = secret_link.parent / "ex.db"
    extra = ["--db", str(db)] if command == "index" else []
    code, out, err = run("--no-config", command, secret_link, *extra)
    one_error(code, err, "2025-10-23_x.txt", "symbolic link out of")
    assert "ghp_Secret123" not in out
    assert not db.exists()


def test_f10_a_link_named_on_the_command_line_is_read(secret_link: Path) -> None:
    code, out, err = run(
        "--no-config", "ingest", secret_link / "2025-10-23_x.txt", "--format", "json"
    )
    assert code == 0, err
    assert _ids(out) == ["2025-10-23_x"]


# F11 Deeply nested HTML ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<div>", "</div>"), ("<div><span><b>", "</b></span></div>"), ("<ul><li>", "</li></ul>")],
    ids=["div", "mixed", "lists"],
)
def test_f11_deep_html_is_flattened_and_its_text_kept(
    tmp_path: Path, opening: str, closing: str
) -> None:
    page = tmp_path / "2025-01-01_deep.html"
    depth = 200_000 // len(opening) * 5
    page.write_text(
        "<html><body>" + opening * depth + "We uphold peace." + closing * depth + "</body></html>"
    )
    code, out, err = run("--no-config", "ingest", page, "--format", "json")
    assert code == 0, err
    (doc,) = json.loads(out)["documents"]
    assert doc["words"]["narration"] == 3


def test_f11_bounded_depth_leaves_ordinary_pages_alone() -> None:
    from consistency.ingest.html import MAX_DEPTH, bounded_depth, html_to_page

    page = "<html><body><div><p>One.</p><p>Two <b>bold</b></p></div></body></html>"
    assert bounded_depth(page) is page
    deep = "<div>" * (MAX_DEPTH + 50) + "<p>Deep words.</p>" + "</div>" * (MAX_DEPTH + 50)
    flat = bounded_depth(deep)
    assert flat.count("<div>") == MAX_DEPTH and flat.count("</div>") == MAX_DEPTH
    assert html_to_page(flat).text == "Deep words."


# F12 Algorithmic blow-ups on periodic text --------------------------------------------------


def _periodic_docs(unit: str, times: int, dates: Sequence[str]) -> list[Document]:
    from consistency import document_from_text

    return [
        document_from_text(unit * times, id=f"{d}_p", date=dt.date.fromisoformat(d))
        for d in dates
    ]


@pytest.mark.parametrize("unit", ["x\n", "x y\n", "we uphold peace and stability "])
@pytest.mark.parametrize("times", [2_000, 20_000])
def test_f12_a_periodic_sentence_costs_discovery_one_piece(unit: str, times: int) -> None:
    """The work of discovery no longer grows with the length of a periodic sentence:
    it holds MAX_CLAUSE words per phase of the period (and the rest), however long."""
    from consistency.discover.corpus import MAX_CLAUSE, _Corpus

    docs = _periodic_docs(unit, times, ["2025-01-01", "2025-01-02"])
    corpus = _Corpus(
        docs, include_questions=False, speakers=(), tokeniser=None, progress=lambda n: None
    )
    assert len(corpus.ids) <= 2 * (len(unit.split()) + 1) * MAX_CLAUSE
    assert max(corpus.room) <= MAX_CLAUSE


@pytest.mark.parametrize("unit", ["x\n", "x y\n", "peace and stability of the region\n"])
def test_f12_periodic_text_is_no_talking_point(unit: str) -> None:
    from consistency import discover

    docs = _periodic_docs(unit, 5_000, ["2025-01-01", "2025-01-02"])
    assert discover(docs, min_dates=1) == []


def test_f12_real_formulas_inside_periodic_noise_still_found() -> None:
    from consistency import discover, document_from_text

    formula = "China firmly opposes any form of interference in its internal affairs."
    docs = [
        document_from_text(
            f"{d}\n\n{formula}\n" + "x y\n" * 2_000, id=d, date=dt.date.fromisoformat(d)
        )
        for d in ("2025-01-01", "2025-01-02", "2025-01-03")
    ]
    texts = [p.point.text for p in discover(docs)]
    assert any("interference in its internal affairs" in t for t in texts), texts


@pytest.fixture
def xy(fx: Path) -> Path:
    folder = fx.parent / "xy"
    shutil.copytree(fx, folder)
    (folder / "2025-01-01_xy.txt").write_text("x y\n" * 2000)
    (folder / "2025-01-02_xy.txt").write_text("x y\n" * 2000)
    return folder


def test_f12_index_and_check_on_periodic_files(fx: Path, xy: Path) -> None:
    db = fx.parent / "xy.db"
    code, out, err = run("--no-config", "index", xy, "--db", db)
    assert code == 0, err
    assert out.startswith("7 added")
    code, out, err = run("--no-config", *gate(fx)[:-4], "--against", xy, "--until", "2025-10-21")
    assert code in (0, 1), err
    assert "Checked 1 new briefing against 6 briefings" in out
    code, out, err = run("--no-config", *gate(fx)[:-4], "--against", db, "--until", "2025-10-21")
    assert code in (0, 1), err


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("2025-01-01_x.txt", "x\n" * 10_000),
        ("2025-01-02_line.txt", "x " * 200_000),
        (
            "2025-01-06_wide.html",
            "<html><body><table><tr>" + "<td>x</td>" * 20_000 + "</tr></table></body></html>",
        ),
    ],
    ids=["repeated-line", "single-line", "wide-table"],
)
def test_f12_report_on_periodic_input_ends(tmp_path: Path, name: str, content: str) -> None:
    page = tmp_path / name
    page.write_text(content)
    code, out, err = run("--no-config", "report", page, "--min-dates", "1")
    assert code == 0, err
    assert "No talking points." in out
    assert "no formulation recurs" in err
