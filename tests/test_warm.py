"""Warm runs (``--index FILE``): the same output as a cold run, byte for byte.

A warm run reads the documents and the stored sentences of an index built by
``consistency index`` instead of segmenting and tokenising the briefings again;
these tests hold it to the cold run's output on the seed briefings and on a
slice of the real corpus, after changes to the archive, and under every
selection (journalists' questions, speakers, dates).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from corpus import FULL, HAS_FULL, NO_FULL

import consistency.index.writer
from consistency import load_documents, track
from consistency.cli import cli
from consistency.errors import IndexFileError
from consistency.index import Index
from consistency.models import Document
from consistency.report import render_json
from consistency.warm import load_archive
from consistency.watchlist import load_watchlist

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
POINTS = ROOT / "fixtures" / "talking-points.toml"
MFA_POINTS = ROOT / "benchmarks" / "mfa-points.toml"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    if cwd is not None:
        old = Path.cwd()
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args), prog_name="consistency")
    finally:
        if cwd is not None:
            os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def ok(*args: str) -> str:
    code, out, err = run("--no-config", "-q", *args)
    assert code == 0, err
    return out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the seed briefings (with their manifest) that a test may change."""
    target = tmp_path / "briefings"
    shutil.copytree(BRIEFINGS, target)
    return target


def index_of(folder: Path, db: Path, *extra: str) -> Path:
    ok("index", str(folder), "--db", str(db), *extra)
    return db


def test_warm_track_and_report_are_the_cold_ones_byte_for_byte(
    folder: Path, tmp_path: Path
) -> None:
    db = index_of(folder, tmp_path / "a.db")
    for command in (
        ["track", "--points", str(POINTS), "--format", "json"],
        ["track", "--points", str(POINTS), "--format", "markdown"],
        ["report", "--points", str(POINTS)],
        ["report"],
        ["report", "--format", "json", "--since", "2025-09-01"],
    ):
        cold = ok(*command[:1], str(folder), *command[1:])
        assert ok(*command[:1], str(folder), *command[1:], "--index", str(db)) == cold
        # Without paths, the index's documents as they are.
        assert ok(*command, "--index", str(db)) == cold


def test_warm_discover_is_the_cold_one(folder: Path, tmp_path: Path) -> None:
    db = index_of(folder, tmp_path / "a.db")
    cold = ok("discover", str(folder), "--format", "json")
    assert ok("discover", "--index", str(db), "--format", "json") == cold
    assert ok("discover", str(folder), "--index", str(db), "--format", "json") == cold


def test_after_one_file_changed_and_one_added_only_those_are_segmented(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.db"
    points = load_watchlist(POINTS)
    load_archive(db, load_documents([str(folder)]))
    edit_one(folder)
    (folder / "005_added.txt").write_text(
        (folder / "004_d0784a09b45da4f1.txt").read_text(encoding="utf-8") + "\nOne more line.\n",
        encoding="utf-8",
    )
    segmented: list[str] = []
    real = consistency.index.writer.sentence_rows

    def counting(document: Document, **kwargs: Any) -> Any:
        segmented.append(document.id)
        return real(document, **kwargs)

    monkeypatch.setattr(consistency.index.writer, "sentence_rows", counting)
    docs = load_documents([str(folder)])
    archive = load_archive(db, docs)
    assert sorted(segmented) == ["001_ea51057881414630", "005_added"]
    assert archive.stats is not None
    assert (archive.stats.added, archive.stats.changed, archive.stats.unchanged) == (1, 1, 4)
    cold = render_json(track(docs, points))
    assert render_json(track(archive.documents, points, index=archive.index)) == cold
    # The CLI, with and without paths, gives the same bytes.
    assert ok("track", "--index", str(db), "--points", str(POINTS), "--format", "json") == cold
    assert (
        ok("track", str(folder), "--index", str(db), "--points", str(POINTS), "--format", "json")
        == cold
    )


def test_a_new_index_is_created_from_the_paths(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    cold = ok("track", str(folder), "--points", str(POINTS), "--format", "json")
    assert (
        ok("track", str(folder), "--index", str(db), "--points", str(POINTS), "--format", "json")
        == cold
    )
    assert db.is_file()


def test_the_selection_is_respected(folder: Path, tmp_path: Path) -> None:
    db = index_of(folder, tmp_path / "q.db", "--include-questions")
    for extra in (
        [],
        ["--include-questions"],
        ["--speaker", "AFP"],
        ["--speaker", "guo  jiakun"],
        ["--since", "2025-05-01"],
        ["--until", "2025-09-30", "--since", "2025-05-01"],
    ):
        base = ["track", "--points", str(POINTS), "--format", "json", *extra]
        cold = ok(base[0], str(folder), *base[1:])
        assert ok(*base, "--index", str(db)) == cold, extra
        assert ok(base[0], str(folder), *base[1:], "--index", str(db)) == cold, extra


def test_an_index_without_questions_cannot_give_them(folder: Path, tmp_path: Path) -> None:
    db = index_of(folder, tmp_path / "a.db")
    target = tmp_path / "out.json"
    for extra in (["--include-questions"], ["--speaker", "AFP"]):
        code, out, err = run(
            "--no-config",
            "track",
            "--index",
            str(db),
            "--points",
            str(POINTS),
            "-o",
            str(target),
            *extra,
        )
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert err.startswith(f"consistency: error: {db}: ")
        assert "--include-questions" in err
        assert not target.exists()
    # An official named is fine.
    cold = ok("track", str(folder), "--points", str(POINTS), "--speaker", "Guo Jiakun")
    assert (
        ok("track", "--index", str(db), "--points", str(POINTS), "--speaker", "Guo Jiakun") == cold
    )
    with pytest.raises(IndexFileError, match="journalists"):
        load_archive(db, include_questions=True)


@pytest.mark.parametrize(
    "content",
    [b"not an index\n", b"SQLite format 3\x00" + b"\x00" * 200],
    ids=["text", "broken-sqlite"],
)
def test_a_bad_index_is_one_line_exit_2_nothing_written(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    target = tmp_path / "out.json"
    for command in (
        ["track", "--points", str(POINTS)],
        ["report"],
        ["discover"],
        ["track", str(BRIEFINGS), "--points", str(POINTS)],
    ):
        code, _, err = run("--no-config", *command, "--index", str(db), "-o", str(target))
        assert code == 2, err
        assert err.count("\n") == 1 and str(db) in err, err
        assert "Traceback" not in err
        assert not target.exists()
    assert db.read_bytes() == content


def test_a_missing_index_without_paths_is_an_error(tmp_path: Path) -> None:
    code, _, err = run("--no-config", "report", "--index", str(tmp_path / "none.db"))
    assert code == 2
    assert "no such index" in err and err.count("\n") == 1
    code, _, err = run("--no-config", "report")
    assert code == 2
    assert "PATH" in err


def test_the_index_comes_from_the_configuration(folder: Path, tmp_path: Path) -> None:
    index_of(folder, tmp_path / "a.db")
    (tmp_path / "consistency.toml").write_text('index = "a.db"\n', encoding="utf-8")
    cold = ok("track", str(folder), "--points", str(POINTS), "--format", "json")
    code, out, err = run("-q", "track", "--points", str(POINTS), "--format", "json", cwd=tmp_path)
    assert code == 0, err
    assert out == cold


def test_a_real_process_runs_warm(folder: Path, tmp_path: Path) -> None:
    db = index_of(folder, tmp_path / "a.db")
    cold = ok("report", str(folder), "--points", str(POINTS))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "consistency",
            "--no-config",
            "report",
            "--index",
            str(db),
            "--points",
            str(POINTS),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == cold


@pytest.mark.skipif(not HAS_FULL, reason=NO_FULL)
def test_a_corpus_slice_warm_is_cold(tmp_path: Path) -> None:
    folder = tmp_path / "slice"
    folder.mkdir()
    files = sorted((FULL / "mfa").glob("*.txt"))
    for path in files[:29]:
        shutil.copy(path, folder / path.name)
    db = index_of(folder, tmp_path / "a.db")
    shutil.copy(files[29], folder / files[29].name)  # one briefing more since the index
    last = folder / files[28].name  # and one changed
    last.write_text(last.read_text(encoding="utf-8") + "\nA: That is all.\n", encoding="utf-8")
    for command in (
        ["track", "--points", str(MFA_POINTS), "--format", "json"],
        ["report", "--points", str(MFA_POINTS)],
    ):
        cold = ok(command[0], str(folder), *command[1:])
        assert ok(command[0], str(folder), *command[1:], "--index", str(db)) == cold
        assert ok(*command, "--index", str(db)) == cold


def test_a_warm_run_leaves_discovered_points_marked_out_of_date(
    folder: Path, tmp_path: Path
) -> None:
    """Discovery reads the whole archive: a warm run that changed it defers it to `index`."""
    db = index_of(folder, tmp_path / "a.db")
    with Index(db) as index:
        before = index.points()
    assert before
    # Nothing changed: the points stay usable.
    ok("track", str(folder), "--index", str(db), "--points", str(POINTS))
    with Index(db) as index:
        assert index.points() == before
    (folder / "005_added.txt").write_text(
        (folder / "004_d0784a09b45da4f1.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    ok("track", str(folder), "--index", str(db), "--points", str(POINTS))
    code, _, err = run("--no-config", "check", str(BRIEFINGS), "--against", str(db))
    assert code == 2
    assert err.count("\n") == 1 and "out of date" in err and "consistency index" in err
    # With a watchlist, check does not need them.
    code, _, err = run(
        "--no-config", "check", str(BRIEFINGS), "--against", str(db), "--points", str(POINTS)
    )
    assert code in (0, 1), err
    out = ok("index", str(folder), "--db", str(db), "--format", "json")
    assert '"added": 0' in out and '"changed": 0' in out
    with Index(db) as index:
        assert index.points()
    code, _, err = run("--no-config", "check", str(BRIEFINGS), "--against", str(db))
    assert code in (0, 1), err


def test_warm_diff_reads_files_or_stored_briefings(folder: Path, tmp_path: Path) -> None:
    db = index_of(folder, tmp_path / "a.db")
    old, new = folder / "001_ea51057881414630.txt", folder / "000_0c46398071a3ed71.txt"
    for fmt in ("text", "json"):
        cold = ok("diff", str(old), str(new), "--format", fmt)
        assert ok("diff", str(old), str(new), "--index", str(db), "--format", fmt) == cold
        assert ok("diff", old.stem, new.stem, "--index", str(db), "--format", fmt) == cold
        assert ok("diff", old.stem, str(new), "--index", str(db), "--format", fmt) == cold
    code, _, err = run("--no-config", "diff", "nosuch", new.stem, "--index", str(db))
    assert code == 2
    assert err.count("\n") == 1 and "'nosuch' is neither a file nor a briefing stored" in err
    code, _, err = run(
        "--no-config", "diff", old.stem, new.stem, "--index", str(db), "--since", "2025-10-01"
    )
    assert code == 2 and "OLD has no briefing in the --since/--until range" in err


def test_an_unchanged_archive_is_not_written_to(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing new: the index is only read (a read-only CI cache serves a warm run).

    The first warm run with a watchlist keeps its matches in the index; the next
    one finds them all kept and writes nothing."""
    db = index_of(folder, tmp_path / "a.db")
    ok("report", str(folder), "--index", str(db), "--points", str(POINTS))
    before = db.read_bytes()

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("update_index called for an unchanged archive")

    monkeypatch.setattr("consistency.warm.update_index", refuse)
    docs = load_documents([str(folder)])
    archive = load_archive(db, docs)
    assert archive.stats is not None
    assert (archive.stats.unchanged, archive.stats.added, archive.stats.changed) == (5, 0, 0)
    cold = ok("report", str(folder), "--points", str(POINTS))
    assert ok("report", str(folder), "--index", str(db), "--points", str(POINTS)) == cold
    old, new = folder / "001_ea51057881414630.txt", folder / "000_0c46398071a3ed71.txt"
    assert ok("diff", str(old), str(new), "--index", str(db)) == ok("diff", str(old), str(new))
    assert db.read_bytes() == before


def kept_keys(db: Path) -> int:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return int(con.execute("SELECT count(*) FROM matches").fetchone()[0])
    finally:
        con.close()


def count_searches(module: Any, monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The documents each ``module.find_point`` call searches from now on, one set per call."""
    searched: list[set[str]] = []
    real = module.find_point

    def counting(point: Any, corpus: Any, **kwargs: Any) -> Any:
        within = kwargs.get("within")
        numbers = range(len(corpus.sentences))
        searched.append(
            {corpus.sentence(n).document for n in numbers if within is None or within[n]}
        )
        return real(point, corpus, **kwargs)

    monkeypatch.setattr(module, "find_point", counting)
    return searched


def edit_one(folder: Path) -> None:
    """Put a new sentence into briefing 001 of ``folder`` (the others stay as they are)."""
    changed = folder / "001_ea51057881414630.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace(
            "Guo Jiakun:", "Guo Jiakun: We uphold peace, friendship and cooperation.", 1
        ),
        encoding="utf-8",
    )


def test_a_second_warm_run_reads_the_kept_matches_and_searches_only_what_changed(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first warm run keeps each point's matches; the next searches only the
    briefings new or changed since (by content), and says the same as a cold run."""
    import importlib

    module = importlib.import_module("consistency.track")  # the package names a function so
    db = index_of(folder, tmp_path / "a.db")
    points = load_watchlist(POINTS)
    command = ("track", "--points", str(POINTS), "--format", "json")
    first = ok(*command, str(folder), "--index", str(db))
    assert first == ok(*command, str(folder)) and kept_keys(db) == len(points)

    searched = count_searches(module, monkeypatch)
    assert ok(*command, str(folder), "--index", str(db)) == first
    assert searched == []
    edit_one(folder)
    warm = ok(*command, str(folder), "--index", str(db))
    assert searched and all(s == {"001_ea51057881414630"} for s in searched)
    assert warm == ok(*command, str(folder)) != first


def test_a_warm_report_keeps_what_discovery_read_and_reads_it_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a watchlist, discovery reads its best rows with the engine; a warm run
    keeps those matches in the index, so the next run (and ``discover --index``)
    searches only the briefings changed since, and says what a cold run says."""
    import importlib

    module = importlib.import_module("consistency.discover.verify")
    db = index_of(folder, tmp_path / "a.db")
    command = ("report", "--format", "json")
    first = ok(*command, str(folder), "--index", str(db))
    assert first == ok(*command, str(folder)) and kept_keys(db) > 0

    searched = count_searches(module, monkeypatch)
    assert ok(*command, str(folder), "--index", str(db)) == first
    discovered = ok("discover", str(folder), "--format", "json")
    assert ok("discover", str(folder), "--index", str(db), "--format", "json") == discovered
    assert searched and all(len(s) == len(list(folder.glob("*.txt"))) for s in searched)
    searched.clear()
    assert ok("discover", str(folder), "--index", str(db), "--format", "json") == discovered
    assert searched == []
    edit_one(folder)
    warm = ok(*command, str(folder), "--index", str(db))
    assert searched and all(s == {"001_ea51057881414630"} for s in searched)
    assert warm == ok(*command, str(folder))


def test_kept_matches_serve_only_the_settings_they_were_found_under(
    folder: Path, tmp_path: Path
) -> None:
    """Another threshold, selection or wording is another key: found afresh."""
    db = index_of(folder, tmp_path / "a.db", "--include-questions")
    for extra in ([], ["--threshold", "90"], ["--include-questions"], ["--speaker", "Mao Ning"]):
        command = ("report", "--points", str(POINTS), "--format", "json", *extra)
        cold = ok(*command, str(folder))
        assert ok(*command, str(folder), "--index", str(db)) == cold
        assert ok(*command, "--index", str(db)) == cold
    assert kept_keys(db) == 4 * len(load_watchlist(POINTS))


def test_an_index_that_cannot_be_written_still_serves_a_warm_run(
    folder: Path, tmp_path: Path
) -> None:
    from consistency.index import MatchStore
    from consistency.models import Found, Role

    kept = {"key": {"sha": [Found(0, 4, 100.0, "text", None, Role.OFFICIAL)]}}
    assert not MatchStore(tmp_path / "nowhere" / "a.db", {}).keep(kept)
    assert not MatchStore(tmp_path / "gone.db", {}).keep(kept)
    assert not (tmp_path / "gone.db").exists()  # no file made where the index has gone
    db = index_of(folder, tmp_path / "a.db")
    points = load_watchlist(POINTS)
    docs = load_documents([str(folder)])
    archive = load_archive(db, docs)
    cold = render_json(track(docs, points))
    unwritable = MatchStore(tmp_path / "nowhere" / "a.db", archive.store.hashes)
    warm = track(archive.documents, points, index=archive.sentences, store=unwritable)
    assert render_json(warm) == cold


def test_a_damaged_kept_record_is_found_afresh(folder: Path, tmp_path: Path) -> None:
    import sqlite3

    db = index_of(folder, tmp_path / "a.db")
    command = ("track", "--points", str(POINTS), "--format", "json")
    cold = ok(*command, str(folder))
    assert ok(*command, "--index", str(db)) == cold
    con = sqlite3.connect(db)
    con.execute("UPDATE matches SET data = x'00ff'")
    con.commit()
    con.close()
    assert ok(*command, "--index", str(db)) == cold


def test_kept_records_of_another_engine_or_past_the_cap_are_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import consistency.index.matches as kept
    from consistency.index import MatchStore
    from consistency.models import Found, Role

    db = tmp_path / "a.db"
    sqlite3.connect(db).close()
    store = MatchStore(db, {"d1": "sha1", "d2": "sha2"})
    hit = Found(0, 4, 100.0, "text", "Mao Ning", Role.OFFICIAL)
    assert store.keep({"old": {"sha1": [hit], "sha2": []}})
    assert store.recall(["old"]) == {"old": {"sha1": [hit], "sha2": []}}
    monkeypatch.setattr(kept, "engine_fingerprint", lambda: "an upgraded engine")
    monkeypatch.setattr(kept, "KEPT_KEYS", 2)
    for key in ("a", "b", "c"):
        assert store.keep({key: {"sha1": []}})
    assert set(store.recall(["old", "a", "b", "c"])) == {"b", "c"}


def test_an_index_cut_into_words_by_an_earlier_version_is_never_read_as_it_is(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A review: ``track``, ``report`` and ``discover --index`` read an index whose tokens
    an earlier tokeniser cut (before contractions were cut into their words) and found
    wrong matches, which were kept; ``consistency index`` cut the text again but the kept
    matches, under the same content hashes, stayed wrong."""
    import importlib
    import sqlite3

    module = importlib.import_module("consistency.track")
    db = index_of(folder, tmp_path / "a.db")
    command = ("track", "--points", str(POINTS), "--format", "json")
    cold = ok(*command, str(folder))
    assert ok(*command, str(folder), "--index", str(db)) == cold and kept_keys(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '4' WHERE key = 'segmentation'")
    con.commit()
    con.close()
    before = db.read_bytes()
    for what in (command, ("report",), ("discover",)):
        code, out, err = run("--no-config", "-q", *what, "--index", str(db))
        assert code == 2 and out == "", err
        assert "cuts text into words as an earlier version did" in err
        assert db.read_bytes() == before
    # with the paths, the index is cut again and its kept matches are found afresh
    searched = count_searches(module, monkeypatch)
    assert ok(*command, str(folder), "--index", str(db)) == cold
    assert searched and set().union(*searched) == {p.stem for p in folder.glob("*.txt")}
    with Index(db) as index:
        assert index.meta["segmentation"] == "11"
