"""Every command through click's CliRunner, and the entry points through real subprocesses."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency import load_documents
from consistency.cli import cli

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
POINTS = ROOT / "fixtures" / "talking-points.toml"
UNDATED = (
    "no date found; give one with --date YYYY-MM-DD, a manifest (--manifest or manifest.csv: "
    "path,date), a date in the file name (2025-10-22_briefing.txt), or a date line at the top "
    "(e.g. 'Published: Sep 08, 2025')"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def undated(tmp_path: Path) -> Path:
    """The seeds without their manifest: 000 and 003 have no date anywhere."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    for f in BRIEFINGS.glob("*.txt"):
        shutil.copy(f, folder / f.name)
    return folder


def test_ingest_dates_every_seed_and_says_how() -> None:
    code, out, _ = run("ingest", str(BRIEFINGS), "--format", "json")
    assert code == 0
    rows = {d["id"]: (d["date"], d["date_source"]) for d in json.loads(out)["documents"]}
    assert rows == {
        "000_0c46398071a3ed71": ("2025-10-22", "manifest"),
        "001_ea51057881414630": ("2025-09-23", "header"),
        "002_4a5ca9b62894acf8": ("2023-03-27", "header"),
        "003_28ddfdb37133726e": ("2025-05-20", "manifest"),
        "004_d0784a09b45da4f1": ("2025-09-08", "header"),
    }


def test_ingest_table_shows_speakers_and_words() -> None:
    code, out, _ = run("ingest", str(BRIEFINGS))
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("001_ea51057881414630"))
    assert "2025-09-23  header" in line
    assert "Guo Jiakun (o)" in line and "China News Service (p)" in line


def test_ingest_turns_show_who_is_read_as_saying_what() -> None:
    """``--turns`` lists each turn as read, so a reader can see why a sentence was or was
    not searched (a speaker read as press is not): in JSON each turn's speaker, role,
    line, span and words, the span's words the turn's text; in a table one line per turn
    after the documents. Without it, the JSON has no turns."""
    code, out, _ = run(
        "ingest", str(BRIEFINGS / "001_ea51057881414630.txt"), "--turns", "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)["documents"][0]
    text = (BRIEFINGS / "001_ea51057881414630.txt").read_text("utf-8")
    turns = doc["turns"]
    assert {(t["speaker"], t["role"]) for t in turns} == {
        (s["name"], s["role"]) for s in doc["speakers"]
    }
    assert all(text[t["start"] : t["end"]] == t["text"] for t in turns)
    asked = next(t for t in turns if t["speaker"] == "China News Service")
    assert asked["role"] == "press" and text.splitlines()[asked["line"] - 1].startswith(
        "China News Service"
    )
    code, table, _ = run("ingest", str(BRIEFINGS / "001_ea51057881414630.txt"), "--turns")
    assert code == 0
    listed = table.split("001_ea51057881414630 (")[1].splitlines()
    assert f"{len(turns)} turns" in listed[0]
    assert listed[1].split() == ["line", "role", "speaker", "words"]
    rows = [r for r in listed[3:] if r.strip()]
    assert len(rows) == len(turns)
    assert rows[0].split()[:2] == [str(turns[0]["line"]), turns[0]["role"]]
    code, out, _ = run("ingest", str(BRIEFINGS), "--format", "json")
    assert all("turns" not in d for d in json.loads(out)["documents"])


def test_undated_files_each_get_one_error_line(undated: Path) -> None:
    code, out, err = run("ingest", str(undated))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"consistency: error: {undated / '000_0c46398071a3ed71.txt'}: {UNDATED}",
        f"consistency: error: {undated / '003_28ddfdb37133726e.txt'}: {UNDATED}",
    ]


def test_date_option_needs_a_single_document() -> None:
    code, _, err = run("ingest", str(BRIEFINGS), "--date", "2025-01-01")
    assert code == 2
    assert err.startswith("consistency: error: ")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest"], "Missing argument 'PATH...'."),
        (["ingest", "missing.txt"], "missing.txt: no such file or directory"),
        (["ingest", str(BRIEFINGS), "--since", "2025-13-01"], "'2025-13-01' is not a date"),
        (["track", str(BRIEFINGS)], "Missing option '--points'"),
        (["track", str(BRIEFINGS), "--points", "nope.toml"], "nope.toml: cannot read watchlist"),
        (["track", str(BRIEFINGS), "--points", str(POINTS), "--threshold", "120"], "120"),
        (["report", str(BRIEFINGS), "--points", str(POINTS), "--format", "pdf"], "'pdf'"),
    ],
)
def test_usage_and_input_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("consistency: error: ")
    assert message in line


def test_bad_watchlist_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "points.toml"
    bad.write_text('[[point]]\nid = "a"\ntext = "x y z"\n\n[[point]]\nid = "a"\ntext = "q"\n')
    code, _, err = run("track", str(BRIEFINGS), "--points", str(bad))
    assert code == 2
    assert err == f"consistency: error: {bad}:6: duplicate point id 'a' (first defined at line 2)\n"


def test_track_json_is_schema_1_with_exact_spans() -> None:
    code, out, _ = run("track", str(BRIEFINGS), "--points", str(POINTS), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == 1
    texts = {d["id"]: (ROOT / d["path"]).read_text(encoding="utf-8") for d in data["documents"]}
    [doc_dates] = [[d["date"] for d in data["documents"]]]
    assert doc_dates == sorted(doc_dates)
    found = 0
    for point in data["points"]:
        for occ in point["occurrences"]:
            assert texts[occ["document"]][occ["start"] : occ["end"]] == occ["text"]
            found += 1
    assert found > 20


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv", "html"])
def test_track_output_is_byte_identical_across_runs(fmt: str) -> None:
    args = ["track", str(BRIEFINGS), "--points", str(POINTS), "--format", fmt]
    first, second = run(*args), run(*args)
    assert first[0] == 0
    assert first[1] == second[1]
    assert first[1].strip()


def test_report_shows_shifts_with_diffs() -> None:
    code, out, _ = run("report", str(BRIEFINGS), "--points", str(POINTS), "--no-color")
    assert code == 0
    assert "{-comprehensively-}{+fully+} and effectively implement" in out
    assert "\x1b[" not in out


def test_color_is_used_only_when_asked() -> None:
    code, out, _ = run("report", str(BRIEFINGS), "--points", str(POINTS), "--color")
    assert code == 0
    assert "\x1b[" in out


def test_coloured_commands_are_those_with_a_color_option() -> None:
    from consistency.cli.app import COLOURED_COMMANDS

    taking = {
        n
        for n, c in cli.commands.items()
        if any(p.name == "color" and not getattr(p, "hidden", False) for p in c.params)
    }
    assert taking == COLOURED_COMMANDS


@pytest.mark.parametrize("command", ["ingest", "discover"])
@pytest.mark.parametrize("flag", ["--no-color", "--color"])
def test_color_after_a_command_that_colours_nothing_is_accepted(command: str, flag: str) -> None:
    """Reviews 123, 124: ``discover --no-color`` was an error (exit 2) where ``consistency
    --no-color discover`` was not: a script may give it to every command, after its name."""
    code, out, err = run(command, str(BRIEFINGS), flag)
    assert code == 0, err
    assert "\x1b[" not in out
    assert "--color" not in run(command, "--help")[1]


@pytest.mark.parametrize("command", ["ingest", "discover", "report"])
def test_no_color_before_any_command_is_accepted(command: str) -> None:
    """Review 93: a script giving --no-color before every command failed on those that
    colour nothing ("No such option"); there it has nothing to say."""
    done = subprocess.run(
        [sys.executable, "-m", "consistency", "--no-color", "--no-config", command, str(BRIEFINGS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout


def test_output_file_is_written_and_nothing_on_error(tmp_path: Path, undated: Path) -> None:
    target = tmp_path / "out.json"
    args = ["track", str(BRIEFINGS), "--points", str(POINTS), "--format", "json"]
    code, out, _ = run(*args, "--output", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == 1
    failed = tmp_path / "failed.json"
    code, _, _ = run(
        "track", str(undated), "--points", str(POINTS), "--format", "json", "--output", str(failed)
    )
    assert code == 2
    assert not failed.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefings", "out.json"]


def test_since_and_until_restrict_dates() -> None:
    dates = ["--since", "2025-06-01", "--until", "2025-09-30"]
    code, out, _ = run("ingest", str(BRIEFINGS), *dates, "--format", "json")
    assert code == 0
    assert [d["date"] for d in json.loads(out)["documents"]] == ["2025-09-08", "2025-09-23"]


def test_configuration_file_supplies_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "consistency.toml").write_text(
        f'points = "{POINTS.as_posix()}"\n\n[track]\nformat = "json"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("track", str(BRIEFINGS))
    assert code == 0
    assert json.loads(out)["schema"] == 1
    code, out, _ = run("--no-config", "track", str(BRIEFINGS))
    assert code == 2


def test_unknown_configuration_key_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "consistency.toml").write_text('colour = "red"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("ingest", str(BRIEFINGS))
    assert code == 2
    assert "unknown option 'colour' in configuration" in err


def _subprocess(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "consistency", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=ROOT,
        check=False,
    )


def test_python_m_runs_the_main_job() -> None:
    proc = _subprocess("report", "fixtures/briefings", "--points", "fixtures/talking-points.toml")
    assert proc.returncode == 0, proc.stderr
    assert "5 documents from 2023-03-27 to 2025-10-22" in proc.stdout


def test_subprocess_error_has_no_traceback(undated: Path) -> None:
    proc = _subprocess("ingest", str(undated))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.splitlines()) == 2


def test_stdin_is_read_with_a_date() -> None:
    text = (BRIEFINGS / "001_ea51057881414630.txt").read_text(encoding="utf-8")
    proc = _subprocess("ingest", "-", "--date", "2025-09-23", "--format", "json", stdin=text)
    assert proc.returncode == 0, proc.stderr
    [doc] = json.loads(proc.stdout)["documents"]
    assert (doc["date"], doc["date_source"]) == ("2025-09-23", "option")


def test_output_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    old = os.umask(0o022)
    try:
        code, _, _ = run(
            "report", str(BRIEFINGS), "--points", str(POINTS), "--format", "html", "-o", str(target)
        )
    finally:
        os.umask(old)
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o644


def test_a_file_written_is_confirmed_to_a_person_at_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``report -o FILE`` printed nothing at all on success (a review); a terminal gets one
    line naming the file, a script or a CI log (stderr not a terminal) and ``--quiet`` none."""
    target = tmp_path / "report.html"
    args = ["--no-config", "report", str(BRIEFINGS), "--points", str(POINTS), "-o", str(target)]
    code, out, err = run(*args)
    assert (code, out, err) == (0, "", "")
    import consistency.cli.output as output

    monkeypatch.setattr(output, "_talking", lambda: True)
    code, out, err = run(*args)
    size = round(target.stat().st_size / 1024)
    assert (code, out) == (0, "")
    assert err.endswith(f"\nconsistency: wrote {target} ({size:,} KB)\n")  # after the progress
    code, out, err = run(*args, "--format", "markdown", "-o", "-")
    assert code == 0 and "wrote" not in err
    # a file in a format its suffix does not name: one line says both (review 60)
    csv = tmp_path / "points.csv"
    code, out, err = run("--no-config", "discover", str(BRIEFINGS), "-o", str(csv))
    lines = [line for line in err.splitlines() if line.startswith("consistency:")]
    assert code == 0 and len(lines) == 1 and "has no csv output; wrote" in lines[0], err


def test_output_into_a_missing_folder_is_one_error_line(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.json"
    code, _, err = run("ingest", str(BRIEFINGS), "--format", "json", "-o", str(target))
    assert code == 2
    assert err.startswith(f"consistency: error: {target}: cannot write output")


def test_report_without_points_leaves_boilerplate_out() -> None:
    code, out, _ = run("report", str(BRIEFINGS), "--no-color")
    assert code == 0
    assert "let-me-stress" not in out
    code, out, _ = run("discover", str(BRIEFINGS), "--format", "json", "--top", "100")
    assert "let-me-stress" in [p["id"] for p in json.loads(out)["points"]]


def test_discover_says_why_it_found_no_points() -> None:
    code, out, err = run("discover", str(BRIEFINGS / "001_ea51057881414630.txt"))
    assert code == 0
    assert out.count("\n") == 2  # the table's head
    assert err.startswith("consistency: note: no formulation recurs on 2 or more dates")


def test_report_says_why_it_found_no_points() -> None:
    code, out, err = run("report", str(BRIEFINGS / "001_ea51057881414630.txt"))
    assert code == 0
    assert "0 talking points" in out
    assert err.startswith("consistency: note: no formulation recurs on 2 or more dates")


def test_a_briefing_nothing_of_which_is_searched_is_named(tmp_path: Path) -> None:
    """A briefing whose every turn is a journalist's (a page of questions, or one whose
    answers carry a label the tool cannot read) has nothing searched: the run says which
    briefing and why, once, on stderr."""
    folder = tmp_path / "briefings"
    folder.mkdir()
    shutil.copy(BRIEFINGS / "001_ea51057881414630.txt", folder / "2025-10-01_mfa.txt")
    (folder / "2023-05-02_factbase.txt").write_text(
        "QUESTION: Will the Secretary travel to the region this week?\n\n"
        "QUESTION: And will he meet the foreign minister there?\n",
        encoding="utf-8",
    )
    for command in ("discover", "report", "track"):
        extra = ["--points", str(POINTS)] if command == "track" else []
        code, _, err = run(command, str(folder), *extra)
        assert code == 0, err
        unheard = [line for line in err.splitlines() if "no words of" in line]
        assert unheard == [
            "consistency: note: 1 briefing has no words of an official or narration: "
            f"{folder / '2023-05-02_factbase.txt'}; nothing in it is searched "
            "(`consistency ingest` shows who speaks where)"
        ]
    code, _, err = run("discover", str(folder), "--include-questions")
    assert code == 0 and "no words of" not in err


def test_discover_counts_what_report_tracks(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the MFA sample, each row of ``discover`` has the dates, documents and count
    that ``report`` (and ``track --points`` of discover's TOML) finds for it, and the
    report searches nothing again: it reads the matches discovery's engine found (its
    one search is for the period's sayings negated, a lenient one)."""
    from importlib import import_module

    tracking = import_module("consistency.track")
    searched: list[str] = []
    real = tracking.find_point

    def spy(point, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not kwargs.get("lenient"):
            searched.append(point.id)
        return real(point, *args, **kwargs)

    monkeypatch.setattr(tracking, "find_point", spy)
    corpus = str(ROOT / "fixtures" / "corpus")
    code, out, _ = run("discover", corpus, "--format", "json", "--top", "10", "--no-config")
    assert code == 0
    rows = json.loads(out)["points"]
    code, out, _ = run("report", corpus, "--format", "json", "--top", "10", "--no-config")
    assert code == 0 and searched == []
    tracked = json.loads(out)["points"]
    assert [p["id"] for p in tracked] == [r["id"] for r in rows]
    for row, point in zip(rows, tracked, strict=True):
        documents = sorted({o["document"] for o in point["occurrences"]})
        assert sorted(row["documents"]) == documents
        assert row["count"] == len(point["occurrences"])


@pytest.mark.parametrize("command", ["report", "track"])
def test_jobs_give_the_same_output(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--jobs 2`` searches the MFA sample in two processes (the size floor lowered so
    that it does): the same bytes as ``--jobs 1``."""
    from importlib import import_module

    tracking = import_module("consistency.track")
    calls: list[int] = []
    real = tracking.search_in_parts

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs["jobs"])
        return real(*args, **kwargs)

    monkeypatch.setattr(tracking, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(tracking, "search_in_parts", spy)
    corpus = str(ROOT / "fixtures" / "corpus")
    args = [command, corpus, "--format", "json", "--no-config"]
    args += ["--points", str(ROOT / "benchmarks" / "mfa-points.toml")]
    code, one, _ = run(*args, "--jobs", "1")
    assert code == 0 and calls == []
    code, two, _ = run(*args, "-j", "2")
    assert code == 0 and calls == [2]
    assert two == one


@pytest.mark.parametrize("command", ["discover", "report"])
def test_jobs_read_discovered_rows_alike(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a watchlist, ``--jobs 2`` has the engine read the best rows in two
    processes started before discovery ranks them (the size floor lowered so that it
    does): the same bytes as ``--jobs 1``."""
    from importlib import import_module

    tracking = import_module("consistency.track")
    verifying = import_module("consistency.discover.verify")
    calls: list[tuple[int, int]] = []
    late: list[int] = []
    real = tracking.EarlySearch.search

    def spy(self, points, threshold):  # type: ignore[no-untyped-def]
        calls.append((len(points), len(self._workers)))
        return real(self, points, threshold)

    monkeypatch.setattr(tracking, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(tracking.EarlySearch, "search", spy)
    monkeypatch.setattr(verifying, "search_in_parts", lambda *a, **k: late.append(1))
    corpus = str(ROOT / "fixtures" / "corpus")
    args = [command, corpus, "--format", "json", "--top", "10", "--no-config"]
    code, one, _ = run(*args, "--jobs", "1")
    assert code == 0 and calls == []
    code, two, _ = run(*args, "-j", "2")
    assert code == 0 and len(calls) == 1 and calls[0][0] > 10 and calls[0][1] == 2
    assert late == []
    assert two == one
    assert len(json.loads(one)["points"]) == 10


def _searched_after_ranking(
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[list[int], list[tuple[int, int]]]:
    """With the size floor of ``--jobs`` lowered: the early searches started (each fails
    the run) and the searches in parts once the rows are known (rows, processes)."""
    from importlib import import_module

    tracking = import_module("consistency.track")
    started: list[int] = []
    late: list[tuple[int, int]] = []
    real = tracking.search_in_parts

    def early(*args, **kwargs):  # type: ignore[no-untyped-def]
        started.append(1)
        raise AssertionError("no early search here")

    def spy(docs, points, **kwargs):  # type: ignore[no-untyped-def]
        late.append((len(points), kwargs["jobs"]))
        return real(docs, points, **kwargs)

    monkeypatch.setattr(tracking, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(import_module("consistency.discover"), "EarlySearch", early)
    monkeypatch.setattr(import_module("consistency.discover.verify"), "search_in_parts", spy)
    return started, late


def test_a_large_archive_is_searched_after_ranking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above ``EARLY_MAX_CHARS`` of text no processes index their shares while discovery
    ranks (they would hold them beside its arrays): the rows are searched in parts once
    known, the same bytes as ``--jobs 1``."""
    from importlib import import_module

    started, late = _searched_after_ranking(monkeypatch)
    corpus = str(ROOT / "fixtures" / "corpus")
    size = sum(len(d.text) for d in load_documents([corpus]))
    monkeypatch.setattr(import_module("consistency.track"), "EARLY_MAX_CHARS", size - 1)
    args = ["discover", corpus, "--format", "json", "--top", "10", "--no-config"]
    code, one, _ = run(*args, "--jobs", "1")
    assert code == 0 and late == []
    code, two, _ = run(*args, "-j", "2")
    assert code == 0 and started == [] and [jobs for _, jobs in late] == [2]
    assert two == one


def test_a_report_indexes_in_this_process_only_what_it_searches_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A report without a watchlist indexes the briefings in its own process only where
    the engine searches them there: once, for discovery and tracking alike, with
    ``--jobs 1``; never where processes search their own shares (an index held through
    discovery for nothing raised the peak of a report on 8.4 M words to 1.2 GB); after
    discovery, with ``--jobs 1`` on an archive over ``EARLY_MAX_CHARS``. The same bytes
    each way."""
    from importlib import import_module

    built: list[str] = []
    for name in ("consistency.cli.pipeline", "consistency.discover", "consistency.track"):
        module = import_module(name)
        real = module.build_index

        def spy(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            built.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, "build_index", spy)
    tracking = import_module("consistency.track")
    monkeypatch.setattr(tracking, "PARALLEL_MIN_CHARS", 0)
    corpus = str(ROOT / "fixtures" / "corpus")
    args = ["report", corpus, "--format", "json", "--top", "10", "--no-config"]
    code, one, _ = run(*args, "--jobs", "1")
    assert code == 0 and built == ["consistency.cli.pipeline"]
    built.clear()
    code, two, _ = run(*args, "-j", "2")
    assert code == 0 and built == []
    assert two == one
    size = sum(len(d.text) for d in load_documents([corpus]))
    monkeypatch.setattr(tracking, "EARLY_MAX_CHARS", size - 1)
    code, large, _ = run(*args, "--jobs", "1")
    assert code == 0 and built == ["consistency.discover"]
    assert large == one


@pytest.mark.parametrize("command", ["discover", "report"])
def test_a_warm_run_starts_no_search_before_its_rows_are_known(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From an index (whose kept matches spare most searching), ``--jobs 2`` indexes no
    briefings in other processes while discovery ranks: the rows the index has not
    searched are searched once known, the same bytes as ``--jobs 1``."""
    started, late = _searched_after_ranking(monkeypatch)
    corpus = str(ROOT / "fixtures" / "corpus")
    one_db, two_db = tmp_path / "one.db", tmp_path / "two.db"
    assert run("-q", "index", corpus, "--db", str(one_db), "--no-config")[0] == 0
    shutil.copy(one_db, two_db)
    args = [command, corpus, "--format", "json", "--top", "10", "--no-config"]
    code, one, _ = run(*args, "--index", str(one_db), "--jobs", "1")
    assert code == 0 and late == []
    code, two, _ = run(*args, "--index", str(two_db), "-j", "2")
    assert code == 0 and started == [] and len(late) == 1 and late[0][0] > 10
    assert two == one


@pytest.mark.parametrize("command", ["report", "ingest", "check"])
def test_keep_going_leaves_out_unreadable_briefings_and_says_so(
    tmp_path: Path, command: str
) -> None:
    """A review: one empty download stopped a whole folder's daily report. Without
    --keep-going it still does (exit 2, nothing written); with it, each file left out
    gets a ``skipped`` line on stderr, and the rest is read."""
    folder = tmp_path / "archive"
    shutil.copytree(BRIEFINGS, folder)
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "zz-empty.txt").write_text("", encoding="utf-8")
    args = [command, str(folder), "--no-config"]
    if command == "check":
        args = ["check", str(folder / "000_0c46398071a3ed71.txt"), "--against", str(folder)]
        args += ["--points", str(POINTS), "--no-config"]
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert "zz-binary.txt: binary file (not text)" in err
    code, out, err = run(*args, "--keep-going", "-q")
    assert code in (0, 1) and out
    assert err.splitlines() == [
        f"consistency: skipped: {folder / 'zz-binary.txt'}: binary file (not text)",
        f"consistency: skipped: {folder / 'zz-empty.txt'}: empty file (no text)",
    ]


def test_check_keep_going_never_passes_an_unread_new_briefing(tmp_path: Path) -> None:
    """A review: with --keep-going, an unreadable new transcript beside a good one was
    left out and the gate passed. It applies to the baseline only."""
    bad = tmp_path / "2025-10-23.txt"
    bad.write_bytes(b"\x00\x01 not text")
    good = tmp_path / "2025-10-24_new.txt"
    shutil.copy(BRIEFINGS / "000_0c46398071a3ed71.txt", good)
    code, out, err = run(
        "check",
        str(bad),
        str(good),
        "--against",
        str(BRIEFINGS),
        "--points",
        str(POINTS),
        "--keep-going",
        "--no-config",
    )
    assert code == 2 and out == ""
    assert err.strip() == (
        f"consistency: error: {bad}: binary file (not text) (a new briefing: a gate never "
        "leaves one out)"
    )


def test_keep_going_in_the_config_must_be_true_or_false(tmp_path: Path) -> None:
    (tmp_path / "consistency.toml").write_text("keep-going = 0\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--config", str(tmp_path / "consistency.toml"), "ingest", str(BRIEFINGS)],
        prog_name="consistency",
    )
    assert result.exit_code == 2
    assert "'keep-going' must be true or false" in result.stderr


def test_output_suffix_names_the_format_unless_one_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`report -o report.html` wrote a text report into report.html."""
    monkeypatch.chdir(tmp_path)
    assert run("report", str(BRIEFINGS), "--points", str(POINTS), "-o", "r.html")[0] == 0
    assert Path("r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert run("report", str(BRIEFINGS), "--points", str(POINTS), "-o", "r.md")[0] == 0
    assert Path("r.md").read_text(encoding="utf-8").startswith("# Talking-point report")
    assert run("track", str(BRIEFINGS), "--points", str(POINTS), "-o", "t.json")[0] == 0
    assert json.loads(Path("t.json").read_text(encoding="utf-8"))["schema"] == 1
    assert run("discover", str(BRIEFINGS), "--min-dates", "2", "-o", "p.toml")[0] == 0
    assert Path("p.toml").read_text(encoding="utf-8").lstrip("#").strip()
    assert run("track", "--points", "p.toml", str(BRIEFINGS), "-o", "t.csv")[0] == 0
    assert Path("t.csv").read_text(encoding="utf-8").startswith("point,document,date,")
    # --format wins over the suffix; a format the command lacks leaves its default
    assert (
        run("report", str(BRIEFINGS), "--points", str(POINTS), "-o", "r.html", "--format", "text")[
            0
        ]
        == 0
    )
    assert Path("r.html").read_text(encoding="utf-8").startswith("Talking-point report")
    code, _, err = run("discover", str(BRIEFINGS), "-o", "d.csv")
    assert code == 0
    assert (
        err
        == "consistency: note: discover has no csv output; wrote table to d.csv (see --format)\n"
    )
    assert Path("d.csv").read_text(encoding="utf-8").startswith("#")
    assert run("--quiet", "discover", str(BRIEFINGS), "-o", "d.csv")[2] == ""
    # a suffix that names no format says so (a fresh-clone trial: report.pdf was text);
    # a plain-text suffix does not
    code, _, err = run("report", str(BRIEFINGS), "--points", str(POINTS), "-o", "r.pdf")
    assert code == 0
    assert (
        err
        == "consistency: note: .pdf names no output format; wrote text to r.pdf (see --format)\n"
    )
    assert run("report", str(BRIEFINGS), "--points", str(POINTS), "-o", "r.txt")[2] == ""
    # so does a format set in the configuration file
    Path("consistency.toml").write_text('[track]\nformat = "markdown"\n', encoding="utf-8")
    assert run("track", str(BRIEFINGS), "--points", str(POINTS), "-o", "t2.json")[0] == 0
    assert Path("t2.json").read_text(encoding="utf-8").startswith("# Talking-point report")


@pytest.mark.parametrize(
    ("command", "named", "not_named"),
    [
        ("discover", [".json", ".toml"], [".sarif", ".xml", ".html", ".csv"]),
        ("check", [".json", ".sarif", ".xml for JUnit"], [".html", ".toml", ".csv"]),
        ("report", [".html", ".md", ".json", ".csv"], [".sarif", ".toml"]),
    ],
)
def test_output_help_names_only_the_commands_own_suffixes(
    command: str, named: list[str], not_named: list[str]
) -> None:
    """`discover --help` named .sarif and .xml, which discover cannot write (a review)."""
    code, out, _ = run(command, "--help")
    assert code == 0
    help_of_output = " ".join(out.split("--output FILE", 1)[1].split("\n  -")[0].split())
    assert all(s in help_of_output for s in named), help_of_output
    assert not any(s in help_of_output for s in not_named), help_of_output


@pytest.mark.parametrize("command", ["discover", "report"])
def test_output_into_a_missing_folder_fails_before_the_work(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o missing/dir/x`` was refused only once the run was done (seconds to minutes
    of work on an archive, a review found); it is refused first, with the same line."""
    from importlib import import_module

    commands = import_module("consistency.cli.commands")

    def never(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the archive was read")

    monkeypatch.setattr(commands, "_archive", never)
    target = tmp_path / "missing" / "x.json"
    code, out, err = run(command, str(BRIEFINGS), "-o", str(target))
    assert code == 2 and out == ""
    assert err == f"consistency: error: {target}: cannot write output: No such file or directory\n"
    assert not target.parent.exists()


def test_index_writes_its_summary_to_o_and_never_onto_its_db(tmp_path: Path) -> None:
    """Review 129: `index` had `--format` but refused `-o`, which every other command with a
    format takes. It writes its summary there; onto the index itself it is refused."""
    db, summary = tmp_path / "a.db", tmp_path / "summary.json"
    args = ("-q", "index", str(BRIEFINGS), "--db", str(db), "--format", "json")
    code, out, err = run(*args, "-o", str(summary))
    assert (code, out) == (0, ""), err
    assert json.loads(summary.read_text(encoding="utf-8"))["documents"] == 5
    code, out, err = run(*args, "-o", str(db))
    assert code == 2 and "would overwrite the input" in err and err.count("\n") == 1, err


def test_a_binary_briefing_beside_a_file_passed_over_is_one_error_line(tmp_path: Path) -> None:
    """Fresh-clone trial 177: a folder of a binary .txt and a .bin printed the note naming
    the .bin, then the error on the .txt: two lines for one problem. The notes come only
    where the run goes on."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "2020-07-03.txt").write_bytes(b"abc\x00\x01\x02")
    (folder / "2020-07-04.bin").write_text("hi\n", encoding="utf-8")
    code, out, err = run("--no-config", "report", str(folder))
    assert (code, out) == (2, "")
    assert err == f"consistency: error: {folder}/2020-07-03.txt: binary file (not text)\n"


def test_a_gate_error_says_whether_the_baseline_or_the_new_briefings_fail(
    tmp_path: Path,
) -> None:
    """Fresh-clone trial 182: `check NEW --against empty/` said "empty: no briefings
    found", and a binary file in a 500-file baseline failed the gate, without a word on
    which side it was or on --keep-going. Each line now says which; a new briefing is
    never left out (no hint), a baseline one is with --keep-going."""
    empty, base = tmp_path / "empty", tmp_path / "base"
    empty.mkdir()
    base.mkdir()
    for name in ("2020-07-01.txt", "2020-07-02.txt"):
        shutil.copyfile(BRIEFINGS / sorted(p.name for p in BRIEFINGS.glob("*.txt"))[0], base / name)
    (base / "2019-01-01.txt").write_bytes(b"abc\x00\x01\x02")
    new = str(sorted(BRIEFINGS.glob("*.txt"))[-1])
    code, out, err = run("--no-config", "check", new, "--against", str(empty))
    assert (code, out) == (2, "")
    assert err == (
        f"consistency: error: {empty}: no briefings found (looked for .txt, .md, .html, "
        ".htm, .jsonl, .csv) (the baseline, --against)\n"
    )
    code, out, err = run("--no-config", "check", str(empty), "--against", str(base))
    assert (code, out) == (2, "")
    assert err.endswith("(the new briefings, NEW)\n") and err.count("\n") == 1, err
    code, out, err = run("--no-config", "check", new, "--against", str(base))
    assert (code, out) == (2, "")
    assert err == (
        f"consistency: error: {base}/2019-01-01.txt: binary file (not text) "
        "(a baseline briefing: --keep-going leaves it out)\n"
    )
    code, out, err = run("--no-config", "check", new, "--against", str(base), "--keep-going")
    assert code in (0, 1) and "Checked 1 new briefing against 2 briefings" in out, err
    assert err.startswith(f"consistency: skipped: {base}/2019-01-01.txt: binary file"), err
    # fresh-clone trial 186: a missing NEW had no tag; an undated baseline file was told
    # to use --date, which dates the new briefing only
    missing = str(tmp_path / "nosuch")
    code, out, err = run("--no-config", "check", missing, "--against", str(base))
    assert (
        err
        == f"consistency: error: {missing}: no such file or directory (the new briefings, NEW)\n"
    )
    (base / "2019-01-01.txt").write_text("A: Nothing to add.\n", encoding="utf-8")
    (base / "notes.txt").write_text("A: Nothing to add.\n", encoding="utf-8")
    code, out, err = run(
        "--no-config", "check", new, "--date", "2025-10-22", "--against", str(base)
    )
    assert code == 2 and f"{base}/notes.txt: no date found; give one with a manifest" in err, err
    assert "--date" not in err and err.count("\n") == 1, err


def test_a_folder_of_no_briefings_is_one_error_line(tmp_path: Path) -> None:
    """A fresh-clone trial: a folder holding only a picture gave a note naming the file
    passed over, then the error; the error says both on its one line."""
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.jpg").write_bytes(b"\xff\xd8\xff")
    code, out, err = run("--no-config", "report", str(folder))
    assert (code, out) == (2, "")
    assert err == (
        f"consistency: error: {folder}: no briefings found (looked for .txt, .md, .html, "
        f".htm, .jsonl, .csv); skipped 1 file that is not a briefing: {folder}/notes.jpg "
        "(--include GLOB reads them)\n"
    )
