"""The SQLite index: incremental atomic updates, foreign files refused, matches as in memory."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.cli import cli
from consistency.errors import IndexFileError
from consistency.index import SCHEMA_VERSION, Index, IndexStats, update_index
from consistency.index.codec import _pack_spans, _unpack_tokens
from consistency.ingest import load_documents
from consistency.match import find_point
from consistency.models import Document, Point, Role, Sentence
from consistency.normalise import DEFAULT_TOKENISER, tokenise
from consistency.segment import document_sentences
from consistency.track import build_index, track
from consistency.watchlist import load_watchlist

ROOT = Path(__file__).parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
POINTS = ROOT / "fixtures" / "talking-points.toml"
MFA = ROOT / "fixtures" / "corpus" / "mfa"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--no-config", *args], prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


def no_points(documents: Sequence[Document]) -> list[Any]:
    """A discoverer that finds nothing: keeps these tests independent of discovery."""
    return []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the seed briefings (with their manifest) that tests may change."""
    target = tmp_path / "briefings"
    shutil.copytree(BRIEFINGS, target)
    return target


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    return load_documents([str(BRIEFINGS)])


def counts(stats: IndexStats) -> tuple[int, int, int, int, int]:
    return stats.added, stats.changed, stats.unchanged, stats.removed, stats.kept


def test_second_run_over_the_same_files_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    first = update_index(db, load_documents([str(BRIEFINGS)]), discoverer=no_points)
    assert counts(first) == (5, 0, 0, 0, 0)
    again = update_index(db, load_documents([str(BRIEFINGS)]), discoverer=no_points)
    assert counts(again) == (0, 0, 5, 0, 0)
    assert str(again).splitlines()[0] == "0 added, 0 changed, 5 unchanged, 0 removed"
    assert again.sentences == first.sentences


def test_changed_file_is_replaced_and_missing_ones_need_prune(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    update_index(db, load_documents([str(folder)]), discoverer=no_points)
    target = folder / "001_ea51057881414630.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nA brand new closing line.\n")
    (folder / "004_d0784a09b45da4f1.txt").unlink()
    stats = update_index(db, load_documents([str(folder)]), discoverer=no_points)
    assert counts(stats) == (0, 1, 3, 0, 1)
    assert "1 not given, kept; --prune removes them" in str(stats)
    pruned = update_index(db, load_documents([str(folder)]), prune=True, discoverer=no_points)
    assert counts(pruned) == (0, 0, 4, 1, 0)
    with Index(db) as index:
        assert [d.id[:3] for d in index.documents()] == ["002", "003", "001", "000"]
        assert "A brand new closing line." in index.text("001_ea51057881414630")


def test_documents_come_back_exactly(tmp_path: Path, docs: list[Document]) -> None:
    db = tmp_path / "archive.db"
    update_index(db, docs, discoverer=no_points)
    with Index(db) as index:
        assert index.load_documents() == sorted(docs, key=lambda d: (d.date, d.id))


def test_index_serves_the_same_matches_as_memory(tmp_path: Path, docs: list[Document]) -> None:
    db = tmp_path / "archive.db"
    update_index(db, docs, discoverer=no_points)
    points = load_watchlist(POINTS)
    with Index(db) as index:
        corpus = index.corpus()
        assert track(docs, points, index=corpus) == track(docs, points)
        memory = build_index(docs)
        for point in points:
            from_db = [
                (m.sentence.document, m.start, m.end, m.score) for m in find_point(point, corpus)
            ]
            in_memory = [
                (m.sentence.document, m.start, m.end, m.score) for m in find_point(point, memory)
            ]
            assert sorted(from_db) == sorted(in_memory), point.id


def test_discovered_points_are_stored(tmp_path: Path, docs: list[Document]) -> None:
    db = tmp_path / "archive.db"
    stats = update_index(db, docs)
    with Index(db) as index:
        stored = index.points()
    assert stats.points == len(stored) > 0
    texts = [p.point.text for p in stored]
    assert any("sea of peace, friendship and cooperation" in t for t in texts)
    assert all(p.dates >= 2 for p in stored)


def test_failed_run_leaves_the_index_as_it_was(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "archive.db"
    update_index(db, load_documents([str(folder)]), discoverer=no_points)
    before = db.read_bytes()
    (folder / "2025-12-01_extra.txt").write_text("Guo Jiakun: A new briefing.\n", encoding="utf-8")

    def crash(documents: Sequence[Document]) -> list[Any]:
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        update_index(db, load_documents([str(folder)]), discoverer=crash)
    with Index(db) as index:
        assert len(index.documents()) == 5
    again = update_index(db, load_documents([str(BRIEFINGS)]), discoverer=no_points)
    assert counts(again) == (0, 0, 5, 0, 0)
    assert before[:16] == db.read_bytes()[:16]


def test_failed_first_run_leaves_no_file(tmp_path: Path, docs: list[Document]) -> None:
    db = tmp_path / "new.db"

    def crash(documents: Sequence[Document]) -> list[Any]:
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        update_index(db, docs, discoverer=crash)
    assert not db.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,date\n1,2025-01-01\n", "not a consistency index (not an SQLite database)"),
        (None, "not a consistency index (an SQLite database of another program)"),
    ],
)
def test_other_files_are_refused(tmp_path: Path, content: bytes | None, message: str) -> None:
    db = tmp_path / "other.db"
    if content is None:
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    else:
        db.write_bytes(content)
    before = db.read_bytes()
    with pytest.raises(IndexFileError) as err:
        Index(db)
    assert str(err.value).startswith(f"{db}: {message}")
    with pytest.raises(IndexFileError):
        update_index(db, load_documents([str(BRIEFINGS)]), discoverer=no_points)
    with pytest.raises(IndexFileError):
        update_index(db, load_documents([str(BRIEFINGS)]), rebuild=True, discoverer=no_points)
    assert db.read_bytes() == before


def test_other_schema_version_needs_a_rebuild(tmp_path: Path, docs: list[Document]) -> None:
    db = tmp_path / "archive.db"
    update_index(db, docs, discoverer=no_points)
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(IndexFileError) as err:
        Index(db)
    assert f"index made with schema {SCHEMA_VERSION + 1}" in str(err.value)
    assert f"reads schema {SCHEMA_VERSION}: rebuild it" in str(err.value)
    stats = update_index(db, docs, rebuild=True, discoverer=no_points)
    assert counts(stats) == (5, 0, 0, 0, 0)
    Index(db).close()


def test_missing_index_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match="no such index"):
        Index(tmp_path / "nowhere.db")


def test_questions_need_an_index_that_has_them(tmp_path: Path, docs: list[Document]) -> None:
    db = tmp_path / "archive.db"
    update_index(db, docs, discoverer=no_points)
    with Index(db) as index, pytest.raises(IndexFileError, match="officials' words only"):
        index.corpus(include_questions=True)
    stats = update_index(db, docs, include_questions=True, discoverer=no_points)
    assert stats.rebuilt and counts(stats) == (0, 5, 0, 0, 0)
    with Index(db) as index:
        ids = [n for (n,) in index.con.execute("SELECT id FROM sentences")]
        everyone = index.corpus(include_questions=True)
        assert everyone.allowed is None
        assert Role.PRESS in {everyone.sentence(n).role for n in ids}
        official = index.corpus()
        assert official.allowed is not None
        assert all(official.sentence(n).role is not Role.PRESS for n in official.allowed)


def test_an_index_cut_into_words_another_way_is_segmented_again(
    tmp_path: Path, docs: list[Document]
) -> None:
    """An index built before Chinese compounds were cut into their words (no
    ``segmentation`` in its meta) holds tokens the matcher no longer makes."""
    db = tmp_path / "archive.db"
    update_index(db, docs, discoverer=no_points)
    assert counts(update_index(db, docs, discoverer=no_points)) == (0, 0, 5, 0, 0)
    con = sqlite3.connect(db)
    con.execute("DELETE FROM meta WHERE key = 'segmentation'")
    con.commit()
    con.close()
    with Index(db) as index, pytest.raises(IndexFileError, match="as an earlier version did"):
        index.corpus()
    stats = update_index(db, docs, discoverer=no_points)
    assert stats.rebuilt and counts(stats) == (0, 5, 0, 0, 0)
    with Index(db) as index:
        assert index.meta["segmentation"] == getattr(DEFAULT_TOKENISER, "revision", None) == "11"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab U.S. 5,0 ’\n-é中"), min_size=1, max_size=60))
def test_token_offsets_round_trip(text: str) -> None:
    tokens = tuple(tokenise(text))
    if not tokens:
        return
    sentence = Sentence("d", tokens[0].start, tokens[-1].end, 1, None, Role.NARRATION, tokens)
    words = " ".join(t.text for t in tokens)
    assert _unpack_tokens(words, _pack_spans(sentence), sentence.start) == tokens


def test_cli_index_reports_counts_and_refuses_a_text_file(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    code, out, err = run("index", str(BRIEFINGS), "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith("5 added, 0 changed, 0 unchanged, 0 removed\n")
    code, out, _ = run("index", str(BRIEFINGS), "--db", str(db), "--format", "json")
    assert code == 0 and '"unchanged": 5' in out
    text = tmp_path / "notes.txt"
    text.write_text("not an index\n", encoding="utf-8")
    code, out, err = run("index", str(BRIEFINGS), "--db", str(text))
    assert (code, out) == (2, "")
    assert err == (
        f"consistency: error: {text}: not a consistency index (not an SQLite database)\n"
    )
    assert text.read_text(encoding="utf-8") == "not an index\n"


def test_cli_index_input_error_writes_nothing(tmp_path: Path, folder: Path) -> None:
    db = tmp_path / "archive.db"
    (folder / "undated.txt").write_text("Nothing says when.\n", encoding="utf-8")
    code, out, err = run("index", str(folder), "--db", str(db))
    assert (code, out) == (2, "")
    assert err.startswith(f"consistency: error: {folder / 'undated.txt'}: no date found")
    assert not db.exists()


# --- nothing left beside the index ------------------------------------------------------------
# An index kept in a CI job's repository must come out of every run as it went in: no
# -wal, -shm or -journal file beside it (SQLite leaves a WAL-mode file's two to its readers).


def _beside(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir())


@pytest.fixture
def ci(tmp_path: Path) -> Path:
    """An index built by ``consistency index`` alone in its folder, and a new briefing."""
    (tmp_path / "2026-01-05_new.txt").write_text(
        "Guo Jiakun: China's position on the Kashmir issue is consistent and clear. "
        "We uphold peace and stability in the region.\n",
        encoding="utf-8",
    )
    db = tmp_path / "repo" / "archive.db"
    db.parent.mkdir()
    code, _, err = run("index", str(BRIEFINGS), "--db", str(db))
    assert code == 0, err
    assert _beside(db) == ["archive.db"]
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{new}", "--against", "{db}"],
        ["track", "--points", str(POINTS), "--index", "{db}"],
        ["report", "--index", "{db}"],
        ["discover", "--index", "{db}"],
        ["diff", "--index", "{db}", "002_4a5ca9b62894acf8", "003_28ddfdb37133726e"],
        ["index", str(BRIEFINGS), "--db", "{db}"],
    ],
    ids=lambda c: c[0],
)
def test_a_run_leaves_no_file_beside_the_index(ci: Path, command: list[str]) -> None:
    new = ci.parent.parent / "2026-01-05_new.txt"
    args = [a.format(db=ci, new=new) for a in command]
    for _ in range(2):  # the second track reads every match it kept, and writes nothing
        code, _, err = run(*args)
        assert code in (0, 1), err
        assert _beside(ci) == ["archive.db"], args


def test_a_warm_run_that_adds_a_briefing_leaves_no_file_beside_the_index(ci: Path) -> None:
    new = ci.parent.parent / "2026-01-05_new.txt"
    code, _, err = run(
        "track", "--points", str(POINTS), "--index", str(ci), str(BRIEFINGS), str(new)
    )
    assert code == 0, err
    assert _beside(ci) == ["archive.db"]
    code, _, err = run("check", str(new), "--against", str(ci))
    assert code == 2 and "out of date" in err
    assert _beside(ci) == ["archive.db"]


def test_log_files_a_read_only_reader_left_are_removed_by_the_next_run(ci: Path) -> None:
    """An earlier version read the index read-only, which left its -wal and -shm files."""
    con = sqlite3.connect(f"{ci.as_uri()}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (5,)
    con.close()
    assert _beside(ci) == ["archive.db", "archive.db-shm", "archive.db-wal"]
    code, _, err = run("check", str(ci.parent.parent / "2026-01-05_new.txt"), "--against", str(ci))
    assert code in (0, 1), err
    assert _beside(ci) == ["archive.db"]


def test_the_last_run_to_let_go_of_the_index_removes_its_log_files(
    tmp_path: Path, docs: list[Document]
) -> None:
    """A run reading the index while another writes it: both work, and whichever
    lets go of the file last (here the reader) removes the -wal and -shm files."""
    db = tmp_path / "archive.db"
    update_index(db, docs[:3], discoverer=no_points)
    with Index(db) as reader:
        assert len(reader.documents()) == 3
        stats = update_index(db, docs, discoverer=no_points)
        assert counts(stats) == (2, 0, 3, 0, 0)
        assert len(reader.documents()) == 5
        assert "archive.db-wal" in _beside(db)
    assert _beside(db) == ["archive.db"]
    with Index(db) as reader:
        update_index(db, docs[:4], prune=True, discoverer=no_points)
        assert len(reader.documents()) == 4
    assert _beside(db) == ["archive.db"]


@pytest.mark.parametrize(
    "make",
    ["text", "empty", "truncated", "other program", "other program, WAL mode"],
)
def test_a_file_refused_as_no_index_is_left_as_it_was(ci: Path, make: str) -> None:
    other = ci.parent / "other.db"
    if make == "text":
        other.write_text("not an index\n", encoding="utf-8")
    elif make == "empty":
        other.write_bytes(b"")
    elif make == "truncated":
        other.write_bytes(ci.read_bytes()[:8192])
    else:
        con = sqlite3.connect(other)
        if make.endswith("WAL mode"):
            con.execute("PRAGMA journal_mode = WAL")
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
    before = other.read_bytes()
    new = ci.parent.parent / "2026-01-05_new.txt"
    code, out, err = run("check", str(new), "--against", str(other))
    assert (code, out) == (2, "")
    [line] = err.splitlines()
    assert line.startswith(f"consistency: error: {other}: not a consistency index (")
    assert line.count("'") % 2 == 0 and line.count('"') % 2 == 0 and line.endswith((")", "'"))
    assert _beside(ci) == ["archive.db", "other.db"]
    assert other.read_bytes() == before


@dataclass(frozen=True)
class _Found:
    point: Point
    dates: int = 2
    first: dt.date | None = None
    last: dt.date | None = None
    count: int = 2
    score: float = 1.0


def _ngram_points(documents: Sequence[Document]) -> list[_Found]:
    """Many points of every length and mix of rare and common words: n-grams of the text."""
    found = []
    for doc in documents:
        for k, sentence in enumerate(document_sentences(doc)):
            words = [doc.text[t.start : t.end] for t in sentence.tokens]
            for n in (2, 3, 5, 8):
                for at in range(k % 3, len(words) - n, 9):
                    text = " ".join(words[at : at + n])
                    found.append(_Found(Point(f"p{len(found)}", text, aliases=(words[at],))))
    return found


def test_stored_keys_pick_the_same_wordings_as_the_matcher_rule(tmp_path: Path) -> None:
    """The prefix-filtered keys (and their recomputation) give what the full rule gives."""
    from consistency.check import MemoryPoints

    docs = load_documents([str(MFA)])
    db = tmp_path / "mfa.db"
    update_index(db, docs[:-1], discoverer=_ngram_points)
    sentences = [{t.text for t in s.tokens} for s in document_sentences(docs[-1])]

    def hits(index: Index) -> list[tuple[int, tuple[str, ...], list[int]]]:
        return sorted(index.form_hits(sentences))

    with Index(db) as index:
        stored = [p.point for p in index.points()]
        assert len(stored) > 1500
        full = MemoryPoints(stored, index.corpus().is_common, discovered=True)
        expected = sorted(full.form_hits(sentences))
        assert len(expected) > 1000
        assert hits(index) == expected
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '0.5' WHERE key = 'common_share'")
    con.commit()
    con.close()
    with Index(db) as index:
        assert hits(index) == expected
