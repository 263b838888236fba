"""``track`` on the real seed briefings: every matcher behaviour the users rely on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consistency import load_documents, load_watchlist, track
from consistency.models import Change, Point, Status, TrackResult

FIXTURES = Path(__file__).parent.parent / "fixtures"
BRIEFINGS = FIXTURES / "briefings"


@pytest.fixture(scope="module")
def docs():  # type: ignore[no-untyped-def]
    return load_documents([str(BRIEFINGS)])


@pytest.fixture(scope="module")
def result(docs) -> TrackResult:  # type: ignore[no-untyped-def]
    return track(docs, load_watchlist(FIXTURES / "talking-points.toml"))


def occurrences(result: TrackResult, point: str) -> list[tuple[str, str, str]]:
    [pr] = [p for p in result.points if p.point.id == point]
    return [(o.document[:3], o.status.value, o.text) for o in pr.occurrences]


def test_inserted_words_are_a_shifted_occurrence(result: TrackResult) -> None:
    assert occurrences(result, "position-consistent-clear") == [
        ("001", "shifted", "China's position is consistent"),
        ("000", "shifted", "China’s position on the Ukraine crisis is consistent and clear"),
    ]


def test_a_position_only_consistent_is_the_drift_seeds_md_names(result: TrackResult) -> None:
    """SEEDS.md: a position "consistent and clear" in one briefing, only "consistent" in another."""
    [pr] = [p for p in result.points if p.point.id == "position-consistent-clear"]
    assert pr.occurrences[0].diff == "China's position is consistent {-and clear-}"


def test_dropped_word_is_a_shifted_occurrence(result: TrackResult) -> None:
    assert ("004", "shifted", "sincerity, mutual benefit, and inclusiveness") in occurrences(
        result, "neighborhood-principles"
    )
    [pr] = [p for p in result.points if p.point.id == "neighborhood-principles"]
    [o] = [o for o in pr.occurrences if o.document.startswith("004")]
    assert o.diff == "{-amity,-} sincerity, mutual benefit, and inclusiveness"


def test_replaced_word_shows_in_the_diff(result: TrackResult) -> None:
    [pr] = [p for p in result.points if p.point.id == "implement-doc"]
    by_doc = {o.document[:3]: o for o in pr.occurrences}
    assert by_doc["002"].status is Status.IDENTICAL
    assert by_doc["000"].status is Status.SHIFTED
    assert by_doc["000"].diff.startswith("{-comprehensively-}{+fully+} and effectively implement")
    assert by_doc["000"].change is Change.SHIFTED


def test_inflection_is_found(result: TrackResult) -> None:
    assert occurrences(result, "people-to-people-year") == [
        ("001", "shifted", "China-ASEAN Year of People-to-People Exchange"),
        ("000", "identical", "China-ASEAN Year of People-to-People Exchanges"),
    ]


def test_cosmetic_difference_is_not_a_shift(result: TrackResult) -> None:
    statuses = {doc: status for doc, status, _ in occurrences(result, "asean-way")}
    assert statuses == {"002": "identical", "000": "cosmetic"}


def test_different_formulas_sharing_words_are_rejected(result: TrackResult) -> None:
    # 001 says "a community with a shared future for humanity", not the China-ASEAN one.
    assert "001" not in {d for d, _, _ in occurrences(result, "community-shared-future")}
    # 001 says "mutual benefit, openness and inclusiveness" (Vanuatu), not the neighbourhood one.
    assert "001" not in {d for d, _, _ in occurrences(result, "neighborhood-principles")}


def test_several_occurrences_in_one_document(result: TrackResult) -> None:
    docs = [d for d, _, _ in occurrences(result, "dialogue-and-consultation")]
    assert docs.count("001") == 2


def test_spans_are_exact_and_one_based_lines(result: TrackResult, docs) -> None:  # type: ignore[no-untyped-def]
    text = {d.id: d.text for d in docs}
    for pr in result.points:
        for o in pr.occurrences:
            assert text[o.document][o.start : o.end] == o.text
            assert text[o.document].count("\n", 0, o.start) + 1 == o.line


def test_absent_lists_documents_without_the_point(result: TrackResult) -> None:
    [pr] = [p for p in result.points if p.point.id == "sea-of-peace"]
    assert [d[:3] for d in pr.absent] == ["003", "004", "001"]
    assert pr.first_seen is not None and pr.first_seen.isoformat() == "2023-03-27"


def test_questions_are_not_tracked_unless_asked(docs) -> None:  # type: ignore[no-untyped-def]
    # "Do you have any further comment" is only ever said by journalists.
    point = Point("any-comment", "Do you have any further comment on China-ASEAN cooperation")
    [pr] = track(docs, [point]).points
    assert pr.occurrences == ()
    [pr] = track(docs, [point], include_questions=True).points
    assert [(o.document[:3], o.speaker) for o in pr.occurrences] == [("001", "China News Service")]


def test_speaker_filter(docs) -> None:  # type: ignore[no-untyped-def]
    point = Point("dc", "through dialogue and consultation")
    [pr] = track(docs, [point], speakers=["Guo Jiakun"]).points
    assert {o.speaker for o in pr.occurrences} == {"Guo Jiakun"}
    [pr] = track(docs, [point], speakers=["Nobody"]).points
    assert pr.occurrences == ()


def test_shift_events_compare_consecutive_dates(result: TrackResult) -> None:
    [pr] = [p for p in result.points if p.point.id == "implement-doc"]
    [shift] = pr.shifts
    assert (shift.previous_date.isoformat(), shift.date.isoformat()) == ("2023-03-27", "2025-10-22")
    assert shift.diff.startswith("{-comprehensively-}{+fully+}")


def test_track_is_deterministic(docs) -> None:  # type: ignore[no-untyped-def]
    points = load_watchlist(FIXTURES / "talking-points.toml")
    assert track(docs, points) == track(list(reversed(docs)), points)


def test_a_shift_only_in_the_inserted_topic_is_marked_slot() -> None:
    from consistency import document_from_text

    texts = {
        "2019-01-02": "China's position is consistent and clear.",
        "2019-01-03": "China's position on Kashmir is consistent and clear.",
        "2019-01-04": "China's position on Venezuela is consistent and clear.",
        "2019-01-05": "China's position on Venezuela remains consistent and clear.",
    }
    docs = [
        document_from_text(text, id=day, date=__import__("datetime").date.fromisoformat(day))
        for day, text in texts.items()
    ]
    # In four sentences every formula word is common, so scores run lower than usual.
    point = Point("p", "China's position is consistent and clear", threshold=70)
    [pr] = track(docs, [point]).points
    assert [(s.date.isoformat(), s.slot) for s in pr.shifts] == [
        ("2019-01-03", False),
        ("2019-01-04", True),
        ("2019-01-05", False),
    ]


def test_a_shift_back_to_an_earlier_wording_is_marked_recurring() -> None:
    import datetime as dt

    from consistency import document_from_text

    texts = {
        "2019-01-02": "We resolve disputes through dialogue and consultation.",
        "2019-01-03": "We resolve disputes through dialogue and friendly consultation.",
        "2019-01-04": "We resolve disputes through dialogue and consultation.",
    }
    docs = [document_from_text(t, id=d, date=dt.date.fromisoformat(d)) for d, t in texts.items()]
    point = Point("dc", "through dialogue and consultation", threshold=70)
    [pr] = track(docs, [point]).points
    assert [(s.date.isoformat(), s.recurring) for s in pr.shifts] == [
        ("2019-01-03", False),
        ("2019-01-04", True),
    ]


def test_points_that_only_refind_a_better_points_words_are_dropped(docs) -> None:  # type: ignore[no-untyped-def]
    from consistency.track import without_shadowed

    better = Point("dc", "through dialogue and consultation")
    shadow = Point("dc-again", "through dialogue and consultations")
    longer = Point("dc-longer", "address trade differences through dialogue and consultation")
    result = without_shadowed(track(docs, [better, shadow, longer]))
    assert [p.point.id for p in result.points] == ["dc", "dc-longer"]


def test_a_point_overlapping_a_better_one_in_most_passages_is_dropped() -> None:
    import datetime as dt

    from consistency import document_from_text
    from consistency.track import without_shadowed

    passage = "stop interfering in China's internal affairs that brook no foreign interference"
    texts = {f"2019-01-0{k}": f"The US must {passage}." for k in range(1, 6)}
    texts["2019-01-07"] = f"Foreign forces keep {passage[5:]}."
    docs = [document_from_text(t, id=d, date=dt.date.fromisoformat(d)) for d, t in texts.items()]
    better = Point("stop", "stop interfering in China's internal affairs")
    cut = Point("cut", "interfering in China's internal affairs that brook")  # the same words
    other = Point("brook", "internal affairs that brook no foreign interference")  # its own
    result = without_shadowed(track(docs, [better, cut, other]))
    assert [p.point.id for p in result.points] == ["stop", "brook"]


def test_a_point_whose_own_wording_a_better_one_finds_is_dropped_whatever_its_aliases_add() -> None:
    """MFA's report had both "stop interfering in China's domestic affairs" and, lower,
    "interfere in China's internal affairs" with the alias "China's internal affair": the
    lower row's own wording was found where the better row's was, and its alias padded it
    with the bare noun said of Xinjiang; the same words were counted twice."""
    import datetime as dt

    from consistency import document_from_text
    from consistency.track import without_shadowed

    texts = {
        f"2019-01-0{k}": "The US must stop interfering in China's internal affairs."
        for k in range(1, 6)
    }
    texts.update(
        {f"2019-02-0{k}": "Xinjiang affairs are China's internal affairs." for k in range(1, 7)}
    )
    docs = [document_from_text(t, id=d, date=dt.date.fromisoformat(d)) for d, t in texts.items()]
    better = Point("stop", "stop interfering in China's domestic affairs")
    lower = Point(
        "internal", "interfere in China's internal affairs", aliases=("China's internal affair",)
    )
    result = track(docs, [better, lower])
    found = {p.point.id: p.occurrences for p in result.points}
    assert len(found["stop"]) == 5 and len(found["internal"]) == 11
    assert sum(o.form == lower.text for o in found["internal"]) == 5
    assert [p.point.id for p in without_shadowed(result).points] == ["stop"]
    # its own wording found elsewhere too, the lower point stays
    elsewhere = [
        document_from_text(
            "Nobody may interfere in China's internal affairs.",
            id=f"2019-03-0{k}",
            date=dt.date(2019, 3, k),
        )
        for k in range(1, 4)
    ]
    kept = without_shadowed(track([*docs, *elsewhere], [better, lower]))
    assert [p.point.id for p in kept.points] == ["stop", "internal"]


def test_searching_in_processes_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    """The MFA sample (110 briefings) with every tenth of the benchmark's phrases,
    searched by three processes each indexing its own share of the briefings: the same
    result, to the byte of its JSON, as one process searching them all (a run of a
    thousand phrases once found one match fewer so: see test_match's bound tests)."""
    from importlib import import_module

    from consistency.report import render_json

    tracking = import_module("consistency.track")

    docs = load_documents([str(FIXTURES / "corpus")])
    phrases = (FIXTURES.parent / "benchmarks" / "phrases.txt").read_text("utf-8").splitlines()
    points = [Point(f"p{k}", text) for k, text in enumerate(phrases[::10])]
    serial = track(docs, points)
    assert sum(len(p.occurrences) for p in serial.points) > 100
    monkeypatch.setattr(tracking, "PARALLEL_MIN_CHARS", 0)
    assert tracking.worth_parallel(docs, points, 3)
    searched = []
    real = tracking.search_in_parts

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        searched.append(kwargs["jobs"])
        return real(*args, **kwargs)

    monkeypatch.setattr(tracking, "search_in_parts", spy)
    parallel = track(docs, points, jobs=3)
    assert searched == [3]
    assert render_json(parallel) == render_json(serial)


def test_parts_keep_every_briefing_once_in_order() -> None:
    from consistency.track import _parts

    docs = load_documents([str(FIXTURES / "corpus")])
    for count in (1, 2, 7, 500):
        parts = _parts(docs, count)
        assert [d.id for part in parts for d in part] == [d.id for d in docs]
        assert all(parts) and len(parts) <= count
    largest = max(len(d.text) for d in docs)
    share = sum(len(d.text) for d in docs) / 4
    sizes = [sum(len(d.text) for d in part) for part in _parts(docs, 4)]
    assert len(sizes) == 4 and all(abs(size - share) <= largest for size in sizes)
    assert _parts([], 3) == []


def test_a_simplified_point_is_found_in_a_traditional_briefing(tmp_path: Path) -> None:
    """A watchlist written in simplified characters finds its formula in a briefing written
    in traditional ones (Taiwan, Hong Kong, a mirror site), word for word."""
    (tmp_path / "2024-05-30.txt").write_text(
        "記者：請問有何評論？\n發言人：我們將堅決捍衛國家主權和領土完整。\n", encoding="utf-8"
    )
    result = track(load_documents([str(tmp_path)]), [Point("p", "坚决捍卫国家主权和领土完整")])
    [found] = result.points[0].occurrences
    assert found.text == "堅決捍衛國家主權和領土完整"
    assert found.score == 100.0


def test_tracking_pauses_the_cyclic_collector_and_restores_it(docs) -> None:  # type: ignore[no-untyped-def]
    """The collector would go through the run's millions of small objects over and over
    and free nothing (a fifth of a 1,000-briefing run); it is back on afterwards."""
    import gc

    states: list[bool] = []
    points = load_watchlist(FIXTURES / "talking-points.toml")
    assert gc.isenabled()
    track(docs, points, progress=lambda n: states.append(gc.isenabled()))
    assert states and not any(states)
    assert gc.isenabled()


def test_an_early_search_finds_what_a_search_in_parts_finds() -> None:
    """Processes started before the points are known, each indexing its share of the
    briefings at once (discovery starts them before it ranks), find each point's matches
    as :func:`search_in_parts` does, in the same order, and can be asked again."""
    from consistency.track import EarlySearch, search_in_parts, sort_documents

    docs = sort_documents(load_documents([str(FIXTURES / "corpus")]))
    phrases = (FIXTURES.parent / "benchmarks" / "phrases.txt").read_text("utf-8").splitlines()
    points = [Point(f"p{k}", text) for k, text in enumerate(phrases[::15])]
    options: dict[str, Any] = {"include_questions": False, "speakers": (), "tokeniser": None}
    expected = search_in_parts(docs, points, threshold=85.0, jobs=2, **options)
    assert sum(map(len, expected)) > 50
    with EarlySearch(docs, jobs=2, **options) as early:
        assert early.search(points, 85.0) == expected
        assert early.search(points[:2], 85.0) == expected[:2]
    assert early._workers == []


def test_an_early_search_says_when_a_process_fails_or_ends() -> None:
    """A share that cannot be indexed, or a process gone, is an error of the search, not
    matches missing."""
    from consistency.track import EarlySearch

    docs = load_documents([str(FIXTURES / "corpus")])[:4]
    unfit: Any = "no tokeniser"
    failing = EarlySearch(docs, jobs=2, include_questions=False, speakers=(), tokeniser=unfit)
    with failing, pytest.raises(RuntimeError, match="a search process failed: Traceback"):
        failing.search([Point("p", "peace and stability")], 85.0)
    with EarlySearch(docs, jobs=2, include_questions=False, speakers=(), tokeniser=None) as early:
        early._workers[0].terminate()
        early._workers[0].join()
        with pytest.raises(RuntimeError, match="ended before it answered"):
            early.search([Point("p", "peace and stability")], 85.0)
