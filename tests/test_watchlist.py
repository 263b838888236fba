"""Watchlist files: the contract's TOML format, and an error naming file and line for each rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.errors import InputErrors, WatchlistError
from consistency.models import Level
from consistency.watchlist import load_watchlist, parse_watchlist

FIXTURE = Path(__file__).parent.parent / "fixtures" / "talking-points.toml"


def test_contract_example_loads() -> None:
    text = """
[[point]]
id = "sea-of-peace"                                  # required, unique, [a-z0-9-]
text = "a sea of peace, friendship and cooperation"  # required: the canonical wording
aliases = ["a sea of peace and cooperation"]          # optional: other accepted wordings
tags = ["south-china-sea"]                           # optional
threshold = 88                                       # optional per-point match threshold (0-100)
level = "error"                                      # optional: error (default) | warning | notice
"""
    [point] = parse_watchlist(text)
    assert point.id == "sea-of-peace"
    assert point.aliases == ("a sea of peace and cooperation",)
    assert point.tags == ("south-china-sea",)
    assert point.threshold == 88.0
    assert point.level is Level.ERROR
    assert point.line == 2


def test_fixture_watchlist_has_at_least_twelve_points() -> None:
    points = load_watchlist(FIXTURE)
    assert len(points) >= 12
    assert len({p.id for p in points}) == len(points)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[point]]\nid = "a"\ntext = "x y"\n\n[[point]]\nid = "a"\ntext = "z"\n',
            "w.toml:6: duplicate point id 'a' (first defined at line 2)",
        ),
        (
            '[[point]]\nid = "a"\ntext = "x"\ncolour = "red"\n',
            "w.toml:4: unknown key 'colour' in [[point]] (allowed: aliases, id, level, tags, "
            "text, threshold)",
        ),
        (
            '[[point]]\nid = "a"\ntext = "  "\n',
            "w.toml:3: point 'a' has an empty or missing 'text'",
        ),
        (
            '[[point]]\nid = "Bad Id"\ntext = "x"\n',
            "w.toml:2: invalid point id 'Bad Id': use lowercase a-z, 0-9 and single dashes",
        ),
        (
            '[[point]]\nid = "a"\ntext = "x"\nthreshold = 120\n',
            "w.toml:4: point 'a': 'threshold' 120 is outside 0-100",
        ),
        (
            '[[point]]\nid = "a"\ntext = "x"\nlevel = "fatal"\n',
            "w.toml:4: point 'a': 'level' must be error, warning or notice, not 'fatal'",
        ),
        (
            '[[point]]\nid = "a"\ntext = "x"\naliases = "y"\n',
            "w.toml:4: point 'a': 'aliases' must be a list of non-empty strings",
        ),
        (
            'title = "x"\n[[point]]\nid = "a"\ntext = "x"\n',
            "w.toml:1: unknown top-level key 'title' (expected [[point]] tables)",
        ),
        ("", "w.toml: no [[point]] tables: the watchlist is empty"),
    ],
)
def test_bad_watchlists_name_file_and_line(text: str, message: str) -> None:
    with pytest.raises(WatchlistError) as err:
        parse_watchlist(text, path="w.toml")
    assert str(err.value) == message


def test_every_problem_of_a_watchlist_is_reported_on_its_own_line() -> None:
    """Two problems in one table and one in another: three lines, each at its key."""
    text = '[[point]]\nid="A b"\ntext=""\n\n[[point]]\nid = "ok"\ntext = "peace"\nthreshold = 500\n'
    with pytest.raises(InputErrors) as err:
        parse_watchlist(text, path="w.toml")
    assert str(err.value).splitlines() == [
        "w.toml:2: invalid point id 'A b': use lowercase a-z, 0-9 and single dashes",
        "w.toml:3: point 'A b' has an empty or missing 'text'",
        "w.toml:8: point 'ok': 'threshold' 500 is outside 0-100",
    ]


def test_a_tables_problems_come_in_the_order_of_their_lines() -> None:
    """A missing 'text' is reported at the table's header, before a bad id below it (a
    review had line 2 printed before line 1)."""
    with pytest.raises(InputErrors) as err:
        parse_watchlist('[[point]]\nid = "Bad Id"\n', path="w.toml")
    assert str(err.value).splitlines() == [
        "w.toml:1: point 'Bad Id' has an empty or missing 'text'",
        "w.toml:2: invalid point id 'Bad Id': use lowercase a-z, 0-9 and single dashes",
    ]


def test_toml_syntax_error_names_the_line() -> None:
    with pytest.raises(WatchlistError, match=r"^w\.toml:3: invalid TOML: "):
        parse_watchlist('[[point]]\nid = "a"\ntext = \n', path="w.toml")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WatchlistError, match=r"nope\.toml: cannot read watchlist"):
        load_watchlist(tmp_path / "nope.toml")


def test_an_index_given_as_a_watchlist_says_so(tmp_path: Path) -> None:
    """Review 82: ``report --points base.db`` (an index, which ``diff --points`` takes)
    said "base.db:1: watchlist is not UTF-8"; it says what the file is and where it goes,
    through the CLI too (one line, exit 2)."""
    import subprocess
    import sys

    briefings = tmp_path / "b"
    briefings.mkdir()
    (briefings / "2024-01-01.txt").write_text("A: We uphold peace.\nB: And?\n", "utf-8")
    db = tmp_path / "base.db"
    run = [sys.executable, "-m", "consistency", "--no-config", "-q"]
    subprocess.run([*run, "index", str(briefings), "--db", str(db)], check=True)
    with pytest.raises(WatchlistError, match=r"base\.db: an SQLite database, not a TOML watchlist"):
        load_watchlist(db)
    done = subprocess.run(
        [*run, "report", str(briefings), "--points", str(db)], capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "by diff --points" in done.stderr, done.stderr


def test_points_without_a_level_are_errors_unless_told_otherwise() -> None:
    text = (
        '[[point]]\nid = "a"\ntext = "one two"\n\n'
        '[[point]]\nid = "b"\ntext = "x y"\nlevel = "notice"\n'
    )
    assert [p.level for p in parse_watchlist(text)] == [Level.ERROR, Level.NOTICE]
    assert [p.level for p in parse_watchlist(text, level=Level.WARNING)] == [
        Level.WARNING,
        Level.NOTICE,
    ]
