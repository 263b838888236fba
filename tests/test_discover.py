"""``discover``: recurring formulations found without a watchlist, on real and hand-made text."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import random
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.discover import (
    DEFAULT_STOP_PHRASES,
    DiscoveredPoint,
    discover,
    load_stop_phrases,
    render_json,
    render_table,
    render_toml,
)
from consistency.discover.ngrams import _comma_cut
from consistency.discover.verify import verified_count
from consistency.errors import InputError, OptionError
from consistency.ingest import load_documents
from consistency.models import DateSource, Document, Point, Role, Turn
from consistency.normalise import ENGLISH_FUNCTION_WORDS, normalise
from consistency.track import track
from consistency.watchlist import load_watchlist, parse_watchlist

FIXTURES = Path(__file__).parent.parent / "fixtures"
BRIEFINGS = FIXTURES / "briefings"
CORPUS = FIXTURES / "corpus" / "mfa"


def doc(day: int, text: str, *, month: int = 3, suffix: str = "") -> Document:
    """A narration-only document dated 2024-``month``-``day``."""
    date = dt.date(2024, month, day)
    return Document(
        f"{date.isoformat()}{suffix}",
        f"{date.isoformat()}{suffix}.txt",
        text,
        date,
        DateSource.FILENAME,
        turns=(Turn(None, Role.NARRATION, 0, len(text), 1),),
    )


def texts(points: list[DiscoveredPoint]) -> list[str]:
    return [p.point.text for p in points]


def norm(text: str) -> str:
    return f" {normalise(text)} "


def contains(outer: str, inner: str) -> bool:
    return norm(inner) in norm(outer)


FILLER = [
    "The weather in the capital was mild on the day of the meeting.",
    "Reporters asked about the schedule of the upcoming summit in the region.",
    "The ministry published a summary of the talks later that evening.",
    "Several delegations arrived by train from neighbouring provinces.",
]


# --- the seeds ----------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> list[DiscoveredPoint]:
    return discover(load_documents([str(BRIEFINGS)]))


def test_seeds_find_the_sea_of_peace_formula_once(seeds: list[DiscoveredPoint]) -> None:
    hits = [
        p for p in seeds if contains(p.point.text, "a sea of peace, friendship and cooperation")
    ]
    assert len(hits) == 1
    [point] = hits
    assert point.dates == 2
    assert "a sea of peace, friendship and cooperation" in point.point.text
    assert not any(
        contains("a sea of peace, friendship and cooperation", p.point.text) for p in seeds
    )


def test_seeds_group_fully_and_comprehensively_implement(seeds: list[DiscoveredPoint]) -> None:
    [point] = [p for p in seeds if "effectively implement the Declaration" in p.point.text]
    wordings = {point.point.text, *point.point.aliases}
    assert wordings == {
        "comprehensively and effectively implement the Declaration on the Conduct of Parties "
        "in the South China Sea",
        "fully and effectively implement the Declaration on the Conduct of Parties "
        "in the South China Sea",
    }
    assert point.documents == ("002_4a5ca9b62894acf8", "000_0c46398071a3ed71")


def test_seeds_points_are_maximal(seeds: list[DiscoveredPoint]) -> None:
    for a in seeds:
        for b in seeds:
            if a is not b:
                assert not contains(a.point.text, b.point.text), (a.point.text, b.point.text)


def test_seeds_points_are_real_wordings_with_real_examples(
    seeds: list[DiscoveredPoint],
) -> None:
    sources = {d.id: d.text for d in load_documents([str(BRIEFINGS)])}
    for p in seeds:
        assert p.dates >= 2
        assert p.first <= p.last
        assert any(p.point.text in sources[d] for d in p.documents)
        for alias in p.point.aliases:
            assert any(alias in sources[d] for d in p.documents)
        assert p.point.text in p.example
        assert any(p.example in " ".join(sources[d].split()) for d in p.documents)


def test_seeds_boilerplate_is_last(seeds: list[DiscoveredPoint]) -> None:
    ranks = {p.point.text: k for k, p in enumerate(seeds)}
    assert ranks["Let me stress"] == len(seeds) - 1
    assert ranks["the 22nd China-ASEAN Expo"] > ranks["dialogue and consultation"]


def test_seeds_top_is_a_formula_not_a_name(seeds: list[DiscoveredPoint]) -> None:
    top = seeds[0].point.text
    assert top == "building the South China Sea into a sea of peace, friendship and cooperation"
    assert seeds[0].point.aliases == (
        "build the South China Sea into a sea of peace, friendship and cooperation",
    )


# --- hand-made: maximality and boundaries ------------------------------------------------


def test_maximal_phrase_comes_out_once_without_fragments() -> None:
    formula = "a sea of peace, friendship and cooperation"
    docs = [
        doc(1, f"We will build the South China Sea into {formula}. {FILLER[0]}"),
        doc(2, f"{FILLER[1]} The two sides vowed to make the waters {formula}."),
        doc(3, f"Leaders hope the region becomes {formula}, officials said."),
    ]
    points = discover(docs)
    assert texts(points) == [formula]
    assert points[0].dates == 3


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a dangling head before a comma goes
        (
            [
                "At the Forum, the two heads of state agreed on a joint plan of action.",
                "At the Summit, the two heads of state agreed on a joint plan of action.",
            ],
            "the two heads of state agreed on a joint plan of action",
        ),
        # a list keeps its first item
        (
            [
                "We want peace, stability and prosperity in the region now.",
                "Others seek peace, stability and prosperity in the region too.",
            ],
            "peace, stability and prosperity in the region",
        ),
        # function words go, a constant leading article stays
        (
            [
                "It is the one-China principle that matters.",
                "Because the one-China principle that matters is clear.",
            ],
            "the one-China principle that matters",
        ),
        # a compound is never cut in half
        (
            [
                "They oppose so-called long-arm jurisdiction by any country.",
                "We reject the so-called long-arm jurisdiction by any country.",
            ],
            "so-called long-arm jurisdiction by any country",
        ),
        # ... nor a word joined by an ampersand (review 91: "Regarding the situation in J")
        (
            [
                "The two sides will boost R&D cooperation in clean energy.",
                "Both ministers agreed to boost R&D cooperation in clean energy now.",
            ],
            "boost R&D cooperation in clean energy",
        ),
        (
            [
                "Regarding the situation in J&K, these are domestic issues of India.",
                "Regarding the situation in J&K, we have nothing more to add today.",
                "They spoke of the situation in J and others about the region.",
            ],
            "Regarding the situation in J&K",
        ),
    ],
)
def test_boundaries_fall_where_a_reader_puts_them(sentences: list[str], expected: str) -> None:
    docs = [doc(k + 1, s) for k, s in enumerate(sentences)]
    assert texts(discover(docs)) == [expected]


# --- hand-made: variants --------------------------------------------------------------------


def test_variants_become_aliases() -> None:
    docs = [
        doc(1, "Our stance is consistent and clear."),
        doc(2, "The view of Beijing is consistent and clear-cut."),
        doc(3, "This policy is consistent and clear, he said."),
        doc(4, "The message is consistent and clear-cut."),
        doc(5, "As everyone knows, the answer is consistent and clear."),
    ]
    [point] = discover(docs)
    assert point.point.text == "consistent and clear"
    assert point.point.aliases == ("consistent and clear-cut",)
    assert point.dates == 5
    assert point.count == 5


def test_different_formulas_sharing_words_stay_apart() -> None:
    mankind = "building a community with a shared future for mankind"
    asean = "building a closer China-ASEAN community with a shared future"
    docs = [
        doc(1, f"We are committed to {mankind}."),
        doc(2, f"Both sides pledged to work for {asean}."),
        doc(3, f"He spoke of {mankind} at length."),
        doc(4, f"The ministers discussed {asean} in Jakarta."),
    ]
    assert sorted(texts(discover(docs))) == sorted([asean, mankind])


def test_stem_variants_are_one_point() -> None:
    docs = [
        doc(1, "We must build an open world economy together."),
        doc(2, "They are building an open world economy step by step."),
        doc(3, "Each country builds an open world economy for all."),
    ]
    [point] = discover(docs)
    assert point.point.text == "build an open world economy"
    assert point.point.aliases == (
        "building an open world economy",
        "builds an open world economy",
    )


# --- hand-made: ranking ------------------------------------------------------------------


def briefings_with_boilerplate() -> list[Document]:
    names = ["Ali Khan", "Maria Lopez", "Jean Dupont", "Olga Petrova", "Kenji Sato", "Ana Silva"]
    months = ["May", "June", "July", "August", "September", "October"]
    out = []
    for k in range(6):
        text = (
            f"At the invitation of State Councilor and Foreign Minister Wang Yi, Foreign Minister "
            f"{names[k]} will pay an official visit to China from {months[k]} {k + 3} to {k + 5}.\n"
            f"Trade rose {k + 4}.{k} percent year on year in the first quarter.\n"
            "Q: Do you have any comment on the talks?\n"
            "We firmly oppose any attempt to interfere in the internal affairs of other countries "
            "under any pretext.\n"
        )
        out.append(doc(k + 1, text))
    return out


def test_boilerplate_ranks_below_a_real_formula() -> None:
    points = discover(briefings_with_boilerplate(), include_questions=True)
    ranked = texts(points)
    # "We", the sentence's first word in every saying, is the row's (see _always_before)
    formula = (
        "We firmly oppose any attempt to interfere in the internal affairs of other "
        "countries under any pretext"
    )
    assert ranked[0] == formula
    for other in points[1:]:
        assert other.score < points[0].score / 2, other.point.text
    assert any("Foreign Minister Wang Yi" in t for t in ranked)
    [question] = [p for p in points if "comment on the talks" in p.point.text]
    assert question.score < points[0].score / 20


def test_questions_are_left_out_by_default() -> None:
    docs = [
        doc(k, "Q: Do you have any comment on the reports about the new airport?\nA: No.")
        for k in (1, 2, 3)
    ]
    docs = [
        Document(
            d.id,
            d.path,
            d.text,
            d.date,
            d.date_source,
            turns=(
                Turn("Q", Role.PRESS, 3, d.text.index("\n"), 1),
                Turn("A", Role.OFFICIAL, d.text.index("A:") + 3, len(d.text), 2),
            ),
        )
        for d in docs
    ]
    assert discover(docs) == []
    [question] = discover(docs, include_questions=True)
    assert question.point.text == "comment on the reports about the new airport"
    assert question.score < 0.5


def test_user_stop_phrases_remove_points() -> None:
    docs = briefings_with_boilerplate()
    assert any("official visit" in t for t in texts(discover(docs)))
    kept = texts(discover(docs, stop_phrases=["will pay an official visit"]))
    assert not any("official visit" in t for t in kept)
    assert any("interfere in the internal affairs of other countries" in t for t in kept)


@pytest.mark.parametrize(
    "hand_over",
    [
        "I'm happy to take a few questions.",
        "With that, I will open the floor.",
        "Now I will turn it over to the ambassador.",
        "I have an announcement to make.",
    ],
)
def test_a_hand_over_of_a_small_archive_ranks_far_below_its_formula(hand_over: str) -> None:
    """On a few briefings the learned measures of procedure have too little to go on (10
    dates); the genre's hand-overs, said by any government's spokesperson, are built-in
    stop phrases: "take a few questions" was #1 of 28 real White House briefing openings."""
    formula = "defend the rules-based international order"
    docs = [
        doc(k, f"{FILLER[k % 4]} {hand_over} {FILLER[(k + 1) % 4]} We will {formula}.")
        for k in range(1, 5)
    ]
    found = discover(docs)
    assert found[0].point.text == formula
    spoken = normalise(hand_over)
    procedure = [p for p in found if normalise(p.point.text) in spoken]
    assert procedure, texts(found)
    assert all(p.score < 0.1 * found[0].score for p in procedure), texts(found)


def test_default_stop_phrases_are_already_normalised() -> None:
    for phrase in DEFAULT_STOP_PHRASES:
        assert normalise(phrase) == phrase


# --- options ------------------------------------------------------------------------------


@pytest.mark.parametrize("min_dates", [1, 2, 3, 4, 5])
def test_min_dates_is_respected(min_dates: int) -> None:
    formula = "mutual respect and win-win cooperation in every field"
    docs = [doc(k, f"Day {k} {FILLER[k % 4]} They stressed {formula}.") for k in range(1, 5)]
    points = discover(docs, min_dates=min_dates)
    assert all(p.dates >= min_dates for p in points)
    assert any(formula in t for t in texts(points)) == (min_dates <= 4)


def test_more_dates_asked_than_the_briefings_have_reads_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A ten-year archive asked for --min-dates above its dates answers at once."""
    import importlib

    formula = "mutual respect and win-win cooperation in every field"
    docs = [doc(k, f"Day {k} {FILLER[k % 4]} They stressed {formula}.") for k in range(1, 5)]
    module = importlib.import_module("consistency.discover")

    def unread(*args: object, **kwargs: object) -> None:
        raise AssertionError("the briefings were read")

    monkeypatch.setattr(module, "_discover", unread)
    assert discover(docs, min_dates=5) == []
    with pytest.raises(AssertionError, match="were read"):
        discover(docs, min_dates=4)


def test_a_reporting_frame_is_cut_off_what_was_said() -> None:
    """Summaries of the UK's lobby briefings open every paragraph "the PMS said" or "asked
    whether the PM": who spoke, not a line of the government's. A phrase loses a verb
    that reports speech (the tokeniser's ``reporting_verbs``) among its first words, with
    what stands before it: the line the summary reports is the row."""
    topics = ["Syria", "the budget", "the strikes", "Europe", "housing", "the NHS"]
    docs = [
        doc(
            k,
            f"{FILLER[k % 4]} Asked about {topic}, the PMS said that the Government "
            f"remained committed to {topic}. Asked whether the PM would travel, the PMS said "
            "the Prime Minister had made his views very clear.",
        )
        for k, topic in enumerate(topics, 1)
    ]
    found = texts(discover(docs, min_dates=3))
    assert "the Prime Minister had made his views very clear" in found
    assert not [t for t in found if re.search(r"\b(said|asked)\b", t, re.IGNORECASE)]


def test_a_phrase_never_ends_on_a_possessive() -> None:
    """A fresh-clone review (whitehouse.gov, 2016): "part of the President's" was a row, cut
    where the noun the possessive opens varies ("... agenda", "... plan"). A possessive
    (the tokeniser's ``possessive_endings``) wants its noun, as "the" does."""
    nouns = ["agenda", "plan", "strategy", "budget", "proposal", "trip"]
    docs = [
        doc(k, f"{FILLER[k % 4]} That is an important part of the President's {noun} for now.")
        for k, noun in enumerate(nouns, 1)
    ]
    found = texts(discover(docs, min_dates=3))
    assert found and not [t for t in found if t.endswith("President's")]


@pytest.mark.parametrize("preposition", ["near", "amid", "beyond", "despite", "outside"])
def test_a_phrase_never_ends_on_a_preposition(preposition: str) -> None:
    """Review 154 (UN noon briefings): "in makeshift sites near" was a row, cut where the
    place after the preposition varies. Every English preposition is a function word, not
    only the commonest ("of", "in"), and a phrase closes on none."""
    places = ["Gaza", "Rafah", "Khan Younis", "the border", "the coast", "Deir al-Balah"]
    docs = [
        doc(
            k,
            f"{FILLER[k % 4]} Thousands of families are sheltering in makeshift sites "
            f"{preposition} {place} this month.",
        )
        for k, place in enumerate(places, 1)
    ]
    found = texts(discover(docs, min_dates=3))
    assert any("makeshift sites" in t for t in found)
    assert not [t for t in found if t.split()[-1] == preposition]


def test_a_formula_said_contracted_and_written_out_is_one_point() -> None:
    """Spoken "we don't support" and written "we do not support" were two rows of one
    formula, and a phrase could open on the "n't" of "don't"."""
    said = [
        "We don't support Taiwan independence, the spokesperson said.",
        "As always, we do not support Taiwan independence.",
        "Let me repeat: we don't support Taiwan independence.",
        "They asked again, and we do not support Taiwan independence.",
        "Our answer is the same: we don't support Taiwan independence.",
    ]
    found = discover([doc(k, text) for k, text in enumerate(said, 1)], min_dates=3)
    [point] = [p for p in found if "taiwan" in p.point.text.lower()]
    # "we", its subject, said before it in each of five sayings (see _always_before)
    assert norm(point.point.text) == norm("we do not support Taiwan independence")
    assert point.dates == 5
    assert not [t for t in texts(found) if re.match(r"n[’']t\b", t)]


def test_a_phrase_opening_on_a_negation_keeps_its_auxiliary_in_any_archive() -> None:
    """Review 56: in an archive that never contracts, the phrase was "not support Taiwan
    independence": saved as a watchlist, the first "We don't support ..." was a card
    (`{-not-}{+don't+}`), and its id changed once a briefing contracted."""
    written = [
        "As always, we do not support Taiwan independence.",
        "They asked again, and we do not support Taiwan independence.",
        "Our answer is the same: we do not support Taiwan independence.",
    ]
    spoken = [*written[:2], "Our answer is the same: we don't support Taiwan independence."]
    ids = []
    for said in (written, spoken):
        found = discover([doc(k, text) for k, text in enumerate(said, 1)], min_dates=3)
        [point] = [p for p in found if "taiwan" in p.point.text.lower()]
        assert norm(point.point.text) == norm("do not support Taiwan independence")
        ids.append(point.point.id)
    assert ids[0] == ids[1]


def test_same_date_counts_once() -> None:
    formula = "a new type of international relations featuring mutual respect"
    docs = [doc(1, f"We seek {formula}."), doc(1, f"They want {formula}.", suffix="_2")]
    assert discover(docs) == []
    assert texts(discover([*docs, doc(2, f"All need {formula}.")])) == [formula]


@pytest.mark.parametrize(
    ("said", "written"),
    [
        (
            "build the South China Sea into a sea of\npeace, friendship and cooperation",
            "build the South China Sea into a sea of peace, friendship and cooperation",
        ),
        ("中方愿同各方一道推动构建\n人类命运共同体", "中方愿同各方一道推动构建人类命运共同体"),
    ],
)
def test_a_formula_wrapped_across_lines_is_written_on_one(said: str, written: str) -> None:
    docs = [doc(k, f"{FILLER[k % 4]} We said: {said}.") for k in range(1, 4)]
    assert written in texts(discover(docs))


@pytest.mark.parametrize(
    ("formula", "ending", "slug"),
    [
        (
            "укрепление стратегического партнерства и взаимного доверия",
            ".",
            "ukreplenie-strategicheskogo-partnerstva",
        ),
        ("भारत शांति और स्थिरता के लिए प्रतिबद्ध है", "।", "bhart-samti-aur-sthirta-ke-lie-prtibddh-hai"),
    ],
)
def test_ids_of_other_scripts_are_readable(formula: str, ending: str, slug: str) -> None:
    """Russian and Hindi points get ids spelled in Latin letters, not ``point``, ``point-2``."""
    docs = [doc(k, f"{FILLER[k % 4]} {formula}{ending} {FILLER[(k + 1) % 4]}") for k in range(1, 4)]
    ids = [p.point.id for p in discover(docs)]
    assert any(i.startswith(slug) for i in ids), ids
    assert not any(i.startswith("point") for i in ids)


def test_top_keeps_the_best_as_the_engine_finds_them() -> None:
    """``top`` takes its rows from the best of the whole list, and counts each as
    ``track`` finds it: the same documents and occurrences."""
    docs = load_documents([str(CORPUS.parent)])
    every = discover(docs)
    best = discover(docs, top=5)
    assert len(best) == 5
    assert set(texts(best)) <= set(texts(every[: verified_count(5)]))
    assert [p.score for p in best] == sorted((p.score for p in best), reverse=True)
    result = track(docs, [p.point for p in best])
    for row, found in zip(best, result.points, strict=True):
        ids = [d.id for d in result.documents if any(o.document == d.id for o in found.occurrences)]
        assert list(row.documents) == ids
        assert row.count == len(found.occurrences)
        assert row.dates == len({o.date for o in found.occurrences}) >= 2
        assert row.first == min(o.date for o in found.occurrences)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min_dates": 0}, "--min-dates must be at least 1"),
        ({"top": 0}, "--top must be at least 1"),
        ({"min_words": 1}, "min_words must be at least 2"),
    ],
)
def test_bad_options(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        discover([], **kwargs)  # type: ignore[arg-type]


def test_no_documents_no_points() -> None:
    assert discover([]) == []


# --- determinism ----------------------------------------------------------------------------


def test_output_does_not_depend_on_input_order() -> None:
    docs = load_documents([str(BRIEFINGS), str(CORPUS)])
    shuffled = list(docs)
    random.Random(4).shuffle(shuffled)
    a, b = discover(docs), discover(shuffled)
    assert render_json(a) == render_json(b)
    assert render_toml(a) == render_toml(b)


# --- real transcripts ------------------------------------------------------------------------


def test_corpus_sample_names_rank_below_positions() -> None:
    points = discover(load_documents([str(CORPUS)]))
    ranked = texts(points)
    assert ranked[0] == "the sustained improvement and development of China-Japan relations"
    for name in ["China and Japan", "China and the US", "the United Nations"]:
        [point] = [p for p in points if p.point.text == name]
        assert point.score < points[0].score / 5
    assert all(p.dates >= 2 for p in points)
    ids = [p.point.id for p in points]
    assert len(ids) == len(set(ids))
    assert all(p.point.id.replace("-", "").isalnum() for p in points)


# --- rendering ---------------------------------------------------------------------------------


def test_toml_round_trips_through_the_watchlist_loader(tmp_path: Path) -> None:
    points = discover(load_documents([str(BRIEFINGS), str(CORPUS)]))
    text = render_toml(points)
    data = tomllib.loads(text)
    assert [t["id"] for t in data["point"]] == [p.point.id for p in points]
    path = tmp_path / "points.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load_watchlist(path)
    assert [(w.id, w.text, w.aliases) for w in loaded] == [
        (p.point.id, p.point.text, p.point.aliases) for p in points
    ]


def test_toml_comments_give_dates_and_an_example(seeds: list[DiscoveredPoint]) -> None:
    text = render_toml(seeds[:1])
    assert text.splitlines()[3:] == [
        "# 2 dates, 2023-03-27 to 2025-10-22, 2 occurrences, score 3.372",
        "# e.g. ...n the Conduct of Parties in the South China Sea, and adopt the Code of Conduct "
        "in the South China Sea as soon as possible, to provide institutional guarantees for "
        "building the South China Sea into a sea of peace, friendship and cooperation.",
        "# wordings (occurrences):",
        "#       1  building the South China Sea into a sea of peace, friendship and cooperation",
        "#       1  build the South China Sea into a sea of peace, friendship and cooperation",
        "[[point]]",
        'id = "building-the-south-china-sea-into-a-sea-of-peace"',
        'text = "building the South China Sea into a sea of peace, friendship and cooperation"',
        "aliases = [",
        '    "build the South China Sea into a sea of peace, friendship and cooperation",',
        "]",
    ]


def test_toml_counts_add_up_with_the_wordings_listed_no_alias() -> None:
    """A family's occurrences under wordings it keeps no alias for are counted on a line of
    their own: "the basis of the one-China principle" (10 times) headed a row of 245
    occurrences on 119 dates, most of them "the one-China principle" (MFA top 100)."""
    point = DiscoveredPoint(
        point=Point(id="basis", text="the basis of the one-China principle"),
        dates=119,
        documents=("a",),
        first=dt.date(2018, 5, 11),
        last=dt.date(2020, 6, 23),
        example="relations with China on the basis of the one-China principle",
        score=7.5,
        count=245,
        wordings=(("the basis of the one-China principle", 10),),
    )
    lines = render_toml([point]).splitlines()
    at = lines.index("# wordings (occurrences):")
    assert lines[at + 1 : at + 3] == [
        "#      10  the basis of the one-China principle",
        "#     235  (other wordings grouped with it)",
    ]
    whole = DiscoveredPoint(**{**point.__dict__, "count": 10})
    assert "# wordings (occurrences):" not in render_toml([whole])


def test_toml_escapes_awkward_text() -> None:
    point = DiscoveredPoint(
        point=Point(id="quote", text='the so-called "long-arm \\ jurisdiction"', aliases=("a\tb",)),
        dates=2,
        documents=("a", "b"),
        first=dt.date(2024, 1, 1),
        last=dt.date(2024, 1, 2),
        example='He said:\n"no"\x07 and left',
        score=1.0,
        count=2,
    )
    [loaded] = parse_watchlist(render_toml([point]))
    assert loaded.text == point.point.text
    assert loaded.aliases == ("a\tb",)
    assert '# e.g. He said: "no" and left' in render_toml([point])


def test_empty_toml_is_valid_toml() -> None:
    assert tomllib.loads(render_toml([])) == {}


def test_json_and_table(seeds: list[DiscoveredPoint]) -> None:
    import json

    data = json.loads(render_json(seeds))
    assert data["schema"] == 1
    first = data["points"][0]
    assert list(first) == [
        "id",
        "text",
        "aliases",
        "dates",
        "count",
        "first",
        "last",
        "score",
        "example",
        "documents",
        "wordings",
    ]
    assert first["documents"] == ["002_4a5ca9b62894acf8", "000_0c46398071a3ed71"]
    table = render_table(seeds[:2])
    assert table.splitlines()[0].split()[:6] == ["#", "id", "dates", "first", "..", "last"]
    assert "building the South China Sea into a sea of peace" in table


def test_table_wraps_a_long_formula(seeds: list[DiscoveredPoint]) -> None:
    """A review: one formula of 200 characters made every row of ``--format table`` 300
    characters wide. Its text wraps; every word of it is still there, in order."""
    from dataclasses import replace

    long = " ".join(["a sea of peace, friendship and cooperation"] * 5)
    point = replace(seeds[0], point=replace(seeds[0].point, text=long))
    table = render_table([point])
    assert max(len(line) for line in table.splitlines()) < 200
    header, _, *body = table.splitlines()
    col = header.index("text")
    said = " ".join(line[col : header.index("aliases")].strip() for line in body)
    assert said == long


def test_table_wraps_han_text_between_words(seeds: list[DiscoveredPoint]) -> None:
    """Review 85: a row of mfa-zh read "...以及国际关系基本准" then "则" on the next line,
    准则 ("norms") cut in two: a wrapper that knows only spaces cuts Han text anywhere.
    Lines break between the tokeniser's words, a wide character two columns."""
    from dataclasses import replace

    from consistency.discover.render import TABLE_TEXT_WIDTH

    text = "主张各方应切实遵守《联合国宪章》宗旨和原则以及国际关系基本准则"
    point = replace(seeds[0], point=replace(seeds[0].point, text=text))
    table = render_table([point])
    header, _, *body = table.splitlines()
    col = header.index("text")
    lines = [line[col:].split("  ")[0].strip() for line in body]
    assert "".join(lines) == text and len(lines) == 2, lines
    assert lines[1] == "准则", lines
    assert all(sum(2 for _ in line) <= TABLE_TEXT_WIDTH for line in lines)


# --- stop-phrases files ------------------------------------------------------------------------


def test_load_stop_phrases(tmp_path: Path) -> None:
    path = tmp_path / "stop.txt"
    path.write_text(
        "# boilerplate of our ministry\n\nas I said before\nwill pay an official visit  # visits\n",
        encoding="utf-8",
    )
    assert load_stop_phrases(path) == ["as I said before", "will pay an official visit"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"fine\n---\n", ":2: stop phrase '---' has no words"),
        (b"fine\n\xff\xfe bad\n", ":2: stop-phrases file is not UTF-8"),
        (b"fine\nx\x00y\n", ":2: stop-phrases file is binary, not text"),
    ],
)
def test_bad_stop_phrases_name_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "stop.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_stop_phrases(path)
    assert str(err.value) == f"{path}{message}"


def test_missing_stop_phrases_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read stop phrases"):
        load_stop_phrases(tmp_path / "nope.txt")


# --- invariants ----------------------------------------------------------------------------------

PHRASES = [
    "uphold the purposes and principles of the UN Charter",
    "resolve differences through dialogue and consultation",
    "a community with a shared future",
    "firmly opposes unilateral sanctions",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(PHRASES + FILLER), min_size=1, max_size=4),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=1, max_value=4),
)
def test_every_point_is_real_text_on_enough_dates(days: list[list[str]], min_dates: int) -> None:
    docs = [doc(k + 1, " ".join(f"{s.rstrip('.')}." for s in day)) for k, day in enumerate(days)]
    points = discover(docs, min_dates=min_dates)
    by_id = {d.id: d for d in docs}
    for p in points:
        assert p.dates >= min_dates
        assert p.dates == len({by_id[d].date for d in p.documents})
        assert any(p.point.text in by_id[d].text for d in p.documents)
    assert [p.score for p in points] == sorted((p.score for p in points), reverse=True)
    assert len({p.point.id for p in points}) == len(points)


def test_a_serial_list_is_one_formula() -> None:
    formula = "cooperate where we can, disagree where we must, and engage in our national interest"
    docs = [
        doc(1, f"We will {formula}. The minister met her counterpart in Canberra."),
        doc(2, f"As always, we {formula}. Trade talks continue next week."),
        doc(3, f"Our approach is simple: {formula}."),
    ]
    texts = [p.point.text for p in discover(docs)]
    assert formula in texts


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "de-risking, not decoupling",
            "the strategy follows the principle of de-risking, not decoupling",
        ),
        ("不屈服，也不挑衅", "台湾的立场是不屈服，也不挑衅"),
    ],
)
def test_a_contrast_after_a_comma_that_ends_the_clause_is_the_phrase_s_own(
    said: str, kept: str
) -> None:
    """Review 81: "de-risking, not decoupling" (40 dates) was cut at its comma, every row
    ending "... the principle of de-risking". A short contrast opening with a negation that
    closes the clause is the formula's second half, as a mirrored clause is."""
    chinese = "，" in said
    if chinese:
        tails = ["今天。", "这一点很清楚。", "我们再次强调。"]
        frame = "台湾的立场是{}。"
    else:
        tails = (
            [" investment.", " trade flows.", " our partners."] if said.endswith("and") else ["."]
        )
        frame = "The strategy follows the principle of {}"
    docs = [
        doc(k, frame.format(said) + tails[k % len(tails)] + f" Item {k} was discussed at length.")
        for k in range(1, 7)
    ]
    texts = [p.point.text.casefold() for p in discover(docs)]
    assert kept in texts, texts


def test_a_formula_said_inside_carriers_that_part_after_it_has_its_row() -> None:
    """Review 81: "unwavering support for the sovereignty and territorial integrity" said on
    34 dates in four carrier sentences, each going on its own way after it ("... of
    Ukraine", "... of Georgia", "... of Moldova"), ended none of them: four rows, each
    counting its own dates, none of the formula."""
    formula = "unwavering support for the sovereignty and territorial integrity"
    frames = [
        "We reaffirm our {} of {}, as the President said.",
        "The visit is a sign of our {} of {} and its people.",
        "The Commission expressed its {} of {} at the summit.",
        "The High Representative underlined the EU's {} of {} in her remarks.",
    ]
    places = ["Ukraine", "Georgia", "Moldova", "Armenia"]
    docs = [
        doc(k, frames[k % 4].format(formula, places[k % 4]) + f" Item {k} came up too.")
        for k in range(1, 17)
    ]
    texts = [p.point.text for p in discover(docs)]
    assert formula in texts, texts


@pytest.mark.parametrize(("shift", "spread"), [(0, 9), (1, 9), (2, 5), (5, 7)])
def test_a_formula_said_inside_frames_one_read_on_in_several_rows_has_its_row(
    shift: int, spread: int
) -> None:
    """A fresh-clone trial (a Japanese MOFA-style archive of 36 dates): "lodged a solemn
    protest through diplomatic channels", said after four frames that each go on their own
    way, had no row but five of its frames, the top one counting the others' dates. One
    frame ("Japan ... concerning the vessel from Kenya", "... from Morocco") was a
    candidate three times, read on past "concerning" (no function word in the lexicon),
    and three candidates going on with one content word read as a phrase cut short. A word
    gone on with counts once a frame. The frames that say the formula with "strong" are
    its wording with "strong", an alias, not "other wordings grouped with it". Whatever
    the draw of places (``shift``, ``spread``): the trial's archive named the formula whole
    in one draw and not in another."""
    formula = "lodged a {} protest through diplomatic channels"
    frames = [
        "The Director-General {} with the embassy of {} in Tokyo.",
        "Japan immediately {} over the incident near {}.",
        "Japan {} concerning the vessel from {}.",
        "The Government of Japan {} against the {} side.",
    ]
    places = ["Kenya", "Morocco", "Ghana", "Peru", "Chile", "Laos", "Egypt", "Canada", "Brazil"]
    docs = []
    for k in range(1, 29):
        place = places[((k // 4) % 3 + shift) % 9] if k % 4 == 2 else places[(k + shift) % spread]
        said = formula.format("strong" if k % 5 == 0 else "solemn")
        docs.append(doc(k, frames[k % 4].format(said, place) + f" Item {k} was raised."))
    rows = [p for p in discover(docs) if "protest" in p.point.text]
    assert [p.point.text for p in rows] == [formula.format("solemn")], rows
    assert rows[0].point.aliases == (formula.format("strong"),)
    assert rows[0].dates >= 26


def _objections(seed: int) -> list[Document]:
    """30 dates, a formula said on 22 in four frames drawn by ``seed``: inside two, at the
    end of one ("The foreign secretary ..."), at the start of one once "we have" goes
    ("... over the incident and are waiting for answers"); "formal" for "firm" on 5."""
    r = random.Random(seed)
    countries = ["Chile", "Peru", "Ghana", "Kenya", "Laos", "Nepal", "Oman", "Fiji"]
    vessels = ["trawler", "tanker", "ferry", "patrol boat", "research vessel"]
    places = ["the northern shoals", "Cape Amari", "the strait", "Isla Verde"]
    topics = ["a rail link", "vaccine storage", "bird counts", "port fees", "a film festival"]
    topics += ["water sharing", "school exchanges", "a solar park", "flood maps", "quotas"]
    said = set(r.sample(range(30), 22))
    formal = set(r.sample(sorted(said), 5))
    docs = []
    for i in range(30):
        lines = [
            f"The minister met the envoy of {r.choice(countries)} to discuss {r.choice(topics)}.",
            f"Officials from {r.choice(countries)} will visit in "
            f"{r.choice(['May', 'June', 'July'])} to talk about {r.choice(topics)}.",
        ]
        if i in said:
            word = "formal" if i in formal else "firm"
            f = f"registered a {word} objection through diplomatic channels"
            lines.append(
                r.choice(
                    [
                        f"On Monday the ministry {f} with the embassy of {r.choice(countries)}, "
                        "which had expelled a diplomat.",
                        f"Asked about the incident near {r.choice(places)}, she said we have {f} "
                        "over the incident and are waiting for answers.",
                        f"The envoy was told that our government {f} concerning the "
                        f"{r.choice(vessels)} held off {r.choice(places)}.",
                        f"The foreign secretary {f} against the {r.choice(countries)} side, "
                        "calling the move provocative.",
                    ]
                )
            )
        r.shuffle(lines)
        docs.append(doc(i + 1, " ".join(lines)))
    return docs


@pytest.mark.parametrize("seed", [1, 5, 8, 11])
def test_a_formula_at_some_frames_edges_and_inside_others_names_its_row(seed: int) -> None:
    """Fresh-clone trial 181: "registered a firm objection through diplomatic channels"
    (26 dates, four frames) had its row on 8 draws of 15. Said inside two frames, at the
    end of a third and at the start of a fourth, the phrase said inside had two frames,
    one short of a row: the frames whose edge is its edge count too. Nor does a frame that
    says it with "formal" name the row (the engine reads the formula inside it). On the
    base, these draws gave the frame "... over the incident and are waiting for answers"
    the row. A frame saying it with "formal" may still stand beside it (see README,
    Limits)."""
    rows = [p for p in discover(_objections(seed)) if "objection" in p.point.text]
    assert rows[0].point.text == "registered a firm objection through diplomatic channels"
    assert rows[0].dates >= 19
    assert all(p.dates <= 4 for p in rows[1:])


@pytest.mark.parametrize("seed", [1, 3, 10])
def test_a_formula_said_as_a_verb_s_object_in_a_carrier_names_the_row(seed: int) -> None:
    """Fresh-clone trial 181: "the minister backed a federal solution for the island with
    both communities sharing power ..." (7 sayings) named the row of the formula (18, after
    three other frames): a carrier had to end on a function word ("... made clear *that*")
    for the formula inside it to name the row. A formula opening on an article after a
    verb is that verb's object, and the verb a carrier's."""
    formula = (
        "a federal solution for the island with both communities sharing power on equal "
        "terms and in mutual respect"
    )
    frames = [
        "We remain committed to {1}.",
        "The talks in {0} should lead to {1}.",
        "Our aim has not changed: {1}.",
        "Speaking to the envoy of {0}, the minister backed {1}.",
    ]
    cities = ["Port Leno", "Varna", "Kos", "Split"]
    r = random.Random(seed)
    docs = [
        doc(
            i + 1,
            f"The minister met farmers from {r.choice(cities)}. "
            + r.choice(frames).format(r.choice(cities), formula)
            + f" Item {i} was noted.",
        )
        for i in range(24)
    ]
    rows = [p.point.text for p in discover(docs) if "federal" in p.point.text]
    assert rows == [formula]


def test_a_formula_said_in_two_wordings_inside_carriers_has_its_row() -> None:
    """Review 146: "the crimes of the Zionist regime in Gaza and the West Bank" (36 dates,
    the archive's commonest formula) was four carrier rows and none of it: some carriers
    said "the crimes *committed by* the Zionist regime", so the words all of them share
    began at "the Zionist regime", and one went on with a content word ("... live on
    television"), which read as a phrase cut short. The carriers that go on alike are
    read on apart, and one of several going on with a content word is its own clause."""
    formula = "the crimes {} the Zionist regime in Gaza and the West Bank"
    frames = [
        "The silence of Western governments in the face of {} is shameful.",
        "The world is watching {} live on television.",
        "We have raised {} with the Secretary-General in writing.",
        "The United States is complicit in {} by sending weapons.",
    ]
    docs = [
        doc(k, frames[k % 4].format(formula.format("committed by" if k % 5 == 0 else "of")))
        for k in range(1, 17)
    ]
    texts = [p.point.text for p in discover(docs)]
    assert formula.format("of") in texts, texts


def test_carriers_ranked_below_their_formula_fold_into_it() -> None:
    """Review 65's archive: "a free and open Indo-Pacific" (30 dates) had its row, and four
    carrier sentences that hold it, of 4 to 10 dates each, had theirs below it: five rows
    of one formula. A carrier of a rich formula found on more than ``CORE_SHARE`` times
    its dates folds into it wherever it ranks (review 81: three more such rows)."""
    formula = "a free and open Indo-Pacific"
    assert _carried(formula) == [formula]
    # a common word coordinated with another counts as one of its content words (review
    # 82: "The High Representative was clear that only a comprehensive, just and lasting
    # peace can bring stability", 11 dates, kept its row beside the formula's 27)
    formula = "a comprehensive, just and lasting peace"
    assert _carried(formula) == [formula]


def _carried(formula: str) -> list[str]:
    """The rows discovered where ``formula`` is said alone on 12 dates and in three carriers
    ranked below it on 4 dates each."""
    carriers = [
        "The visit is an important opportunity to advance our shared vision of {}.",
        "Japan will continue to work with like-minded countries to realize {}.",
        "The two ministers confirmed that they would cooperate toward strengthening {}.",
    ]
    short = ["We want {}.", "It is vital for {}.", "This serves {}.", "Japan stands for {}."]
    docs = [
        doc(k, (carriers[k % 3] if k % 2 else short[k % 4]).format(formula) + f" Item {k}.")
        for k in range(1, 25)
    ]
    return [p.point.text for p in discover(docs)]


def _alias_choice(point: str, *others: str) -> list[str]:
    """Which of ``others`` :func:`_wordings` keeps as aliases of ``point``."""
    from importlib import import_module

    families = import_module("consistency.discover.families")
    from consistency.match import weigher
    from consistency.normalise import tokenise

    vocab: dict[str, int] = {}
    keys = [
        tuple(vocab.setdefault(t.text, len(vocab)) for t in tokenise(text))
        for text in (point, *others)
    ]
    kept = families._wordings(keys, [point, *others], list(vocab), weigher())
    return [text for key, text in zip(keys, (point, *others), strict=True) if key in kept][1:]


@pytest.mark.parametrize(
    ("point", "alias", "kept"),
    [
        # MFA: a part of the formula, matched alone, finds what is not the formula
        ("the vision of a community with a shared future for mankind", "a shared future", False),
        (
            "serves the fundamental interests of the two countries and peoples",
            "benefits to our two countries and peoples",
            False,
        ),
        (
            "the basis of mutual respect, equality and mutual benefit",
            "the basis of equality",
            False,
        ),
        # the formula with a word dropped, inflected, or other words at an edge
        ("enhance political mutual trust", "enhance mutual trust", True),
        (
            "the shared aspiration of the international community",
            "the shared aspirations of the international community",
            True,
        ),
        (
            "building a community with a shared future for mankind",
            "uphold the vision of a community with a shared future for mankind",
            True,
        ),
        ("consistent and clear", "consistent and clear-cut", True),
        # a coordinator in place of a word of the point joins two things (MFA top 100; the
        # newest 60 MFA briefings, where the alias made a false card)
        (
            "Hong Kong affairs are purely China's internal affairs",
            "Hong Kong affairs and China's internal affairs",
            False,
        ),
        (
            "rules-based multilateral trading system",
            "rules and the multilateral trading system",
            False,
        ),
        (
            "Hong Kong affairs are purely China's internal affairs",
            "Hong Kong affairs are China's internal affairs",
            True,
        ),
        # a key word of the formula replaced: the name that weighs most is shared, the frame
        # is not (MFA top 100 and mfa-zh top 100, where these were aliases)
        ("the basis of the one-China principle", "the fact that the one-China principle", False),
        (
            "the basis of the one-China principle",
            "the precondition of the one-China principle",
            False,
        ),
        (
            "sovereignty and territorial integrity",
            "security and territorial integrity should be respected",
            False,
        ),
        ("作出了重要贡献", "作出了重大贡献", False),
        # the formula's content words reordered, or in a compound: no replaced key word
        ("reached important consensus", "important consensus was reached", True),
        ("consistent and clear", "clear-cut and consistent", True),
        # the formula inside more words: the point's own wording finds it
        (
            "non-interference in each other's internal affairs",
            "mutual respect and non-interference in each other's internal affairs",
            False,
        ),
    ],
)
def test_an_alias_is_a_wording_of_the_formula(point: str, alias: str, kept: bool) -> None:
    assert _alias_choice(point, alias) == ([alias] if kept else [])


def test_an_alias_holding_a_shorter_alias_is_left_out() -> None:
    assert _alias_choice(
        "international law and basic norms governing international relations",
        "basic norms governing international relations",
        "the basic norms governing international relations",
    ) == ["basic norms governing international relations"]


def test_a_slogan_reversed_on_a_few_dates_is_not_named_by_its_reversal() -> None:
    """A review: "will continue to provide security assistance to Ukraine" on 24 dates, then
    "will no longer provide ..." on 2: with ``--top 100`` a row was named by the reversal,
    credited the affirmative sayings as "other wordings grouped with it"; a watchlist saved
    from it was inverted. The engine does not count a negation dropped with the word
    carrying it ("no longer"), so the reversal has its own dates only."""
    yes = "The United States will continue to provide security assistance to Ukraine."
    no = "The United States will no longer provide security assistance to Ukraine."
    filler = ["We have nothing new on that.", "The talks went well this week."]
    docs = [doc(day, f"{yes} {filler[day % 2]}") for day in range(1, 25)]
    docs += [doc(day, f"{no} {filler[day % 2]}", month=4) for day in (1, 2)]
    found = discover(docs, top=100)
    for p in found:
        reversed_ = "no longer" in p.point.text
        assert p.dates <= 2 if reversed_ else p.dates >= 2, (p.point.text, p.dates)
    assert any(
        "continue to provide security assistance to Ukraine" in p.point.text and p.dates == 24
        for p in found
    ), texts(found)


def framed(frames: Sequence[str], formula: str) -> list[Document]:
    """28 daily documents, each saying ``formula`` in one of ``frames`` (in turn; ``{}``
    stands for the formula) between two filler sentences."""
    filler = ["The weather was fine.", "Talks went well.", "We have no update.", "More later."]
    return [
        doc(
            day,
            f"{filler[day % 4]} {frames[day % len(frames)].format(formula)} "
            f"{filler[(day + 1) % 4]}",
        )
        for day in range(1, 29)
    ]


def test_a_formula_said_only_in_frames_that_recur_is_one_row_of_its_own() -> None:
    """Review 59 (a US-style archive): "our ironclad commitment to the defense of Japan",
    said on every date, but each time inside one of a few frames that recur ("Let me
    underline ...", "Nothing about this changes ...", "Today's announcement reflects
    ..."), was five rows of frames and no row of its own: each frame was a maximal phrase,
    the formula never. A phrase that ends several frames and is found on many more dates
    than any of them is the formula; its frames fold into it."""
    formula = "our ironclad commitment to the defense of Japan"
    frames = [
        "Let me underline {}.",
        "Nothing about this changes {}.",
        "Today's announcement reflects {}.",
        "The visit will reaffirm {}.",
    ]
    found = discover(framed(frames, formula), top=20)
    rows = [p for p in found if "ironclad commitment" in p.point.text]
    # (its leading "our", a function word, stays: in this archive it is said with
    # "ironclad" alone, and "ironclad" with it, one unit; see test_discover_rank's
    # test_a_phrase_never_opens_inside_a_pair_of_words_said_together)
    assert [(p.point.text, p.dates) for p in rows] == [(formula, 28)], texts(found)


def test_a_carrier_sentence_of_a_rich_formula_said_far_more_often_folds_into_it() -> None:
    """Review 74 (a German-style archive): "humanitarian access must be granted
    immediately and without hindrance" (24 dates) had its row, and so had two carriers
    of it ranked above it ("Together with France and the United Kingdom we insist that
    ...", 7 dates): three rows of one formula. A better-ranked row holding a formula of
    four content words or more said on more than 1.5 times its dates folds into it."""
    formula = "humanitarian access must be granted immediately and without hindrance"
    carriers = [
        "Together with France and the United Kingdom we insist that {}.",
        "The minister told the Israeli side that {}.",
    ]
    leads = ["Let me be clear:", "Once again:", "As we said,", "Our view is plain:", "Again,"]
    filler = [
        "The weather was fine.",
        "Talks went well.",
        "We have no update.",
        "More later.",
        "The budget is on track.",
        "Nothing to add.",
        "We are following this closely.",
    ]
    docs = []
    for day in range(1, 43):
        line = (
            carriers[day % 3].format(formula)
            if day % 3 < 2
            else f"{leads[day % 5]} {formula}."
            if day % 6 == 2
            else ""
        )
        text = f"{filler[day % 7]} {line} {filler[(day + 3) % 7]}"
        docs.append(doc(day % 28 + 1, text, month=3 + day // 28))
    found = discover(docs, top=20)
    rows = [(p.point.text, p.dates) for p in found if "humanitarian" in p.point.text]
    assert rows == [(formula, 35)], texts(found)


def test_a_template_with_a_slot_for_a_name_is_one_row() -> None:
    """Review 70 (an Indian-MEA-style archive): "We have issued an advisory for Indian
    nationals travelling to {country}" was sixteen rows, one per country, twelve in the
    top 60. A shared beginning that candidates go on from with names alone, four or
    more, is one row: the template."""
    places = ["Kenya", "Sri Lanka", "Brazil", "Nepal", "the Philippines", "Egypt", "Japan"]
    filler = ["The weather was fine.", "Talks went well.", "We have no update.", "More later."]

    def said(line: str, count: int) -> list[Document]:
        """28 daily documents, ``line`` filled with the first ``count`` places in turn."""
        return [
            doc(
                day, f"{filler[day % 4]} {line.format(places[day % count])} {filler[(day + 1) % 4]}"
            )
            for day in range(1, 29)
        ]

    line = "We have issued an advisory for Indian nationals travelling to {}, see our website."
    found = discover(said(line, 7), top=20)
    rows = [(p.point.text, p.dates) for p in found if "advisory" in p.point.text]
    assert rows == [("issued an advisory for Indian nationals travelling", 28)], texts(found)
    # three places are as often a longer name cut short: each its own row as before
    rows = [p.point.text for p in discover(said(line, 3), top=20) if "advisory" in p.point.text]
    assert len(rows) == 3 and all("travelling to" in r for r in rows), rows
    # the slot inside, before words the candidates share: the side with more content
    line = "A delegation from {} called on the Foreign Secretary and discussed trade projects."
    found = discover(said(line, 7), top=20)
    rows = [(p.point.text, p.dates) for p in found if "Foreign Secretary" in p.point.text]
    assert rows == [("called on the Foreign Secretary and discussed trade projects", 28)], texts(
        found
    )


def test_frames_that_end_on_one_function_word_are_told_apart_by_the_word_before_it() -> None:
    """Review 70 (an Indian-MEA-style archive): "guided by our national interest and
    strategic autonomy", said on 25 dates in four carriers ("our choices *are*", "India's
    decisions on this matter *are*", "energy purchases *are*", "engagement with partners
    *is*"), was four rows of carriers and none of its own: the three that end on "are"
    counted as one frame. Before a function word, the nearest content word names the
    frame too."""
    formula = "guided by our national interest and strategic autonomy"
    frames = [
        "Let me reiterate that our choices are {}.",
        "India's decisions on this matter are {}.",
        "Our energy purchases are {}.",
        "Our engagement with partners is {}.",
    ]
    found = discover(framed(frames, formula), top=20)
    rows = [(p.point.text, p.dates) for p in found if "autonomy" in p.point.text]
    assert rows == [(formula, 28)], texts(found)


def test_a_formula_said_only_in_long_carrier_sentences_has_a_row_of_its_own() -> None:
    """Review 65 (a Japanese-MOFA-style archive): "a free and open Indo-Pacific", said on
    30 dates, each time in one of a few carrier sentences three times its length, had no
    row in ``--top 300``; the carriers had four. A frame longer than twice the formula
    counts for one of three content words or more, and the formula ranks with its best
    frame."""
    formula = "a free and open Indo-Pacific"
    carriers = [
        "The visit is an important opportunity to advance our shared vision of {}.",
        "Japan will continue to work with like-minded countries to realize {}.",
        "The two ministers confirmed that they would cooperate toward strengthening {}.",
        "Japan will promote concrete cooperation with ASEAN toward {}, including at sea.",
    ]
    found = discover(framed(carriers, formula), top=20)
    assert (formula, 28) in [(p.point.text, p.dates) for p in found], texts(found)
    # a short phrase stays a fragment of its carriers: "the two peoples"
    short = "the two peoples"
    assert short not in [p.point.text for p in discover(framed(carriers, short), top=20)]


@pytest.mark.parametrize(
    ("formula", "carriers"),
    [
        # review 68 (an Australian-DFAT-style archive): said on 18 of 40 dates, four rows
        # of its carriers and none of its own: two carriers end on it (one naming a name
        # the formula lacks, no frame of it), two go on past it; carriers that hold the
        # formula, not only those that end on it, are its frames
        (
            "a rules-based order where sovereignty is respected",
            [
                "This goes to the heart of {}.",
                "We want {} and disputes resolved peacefully.",
                "In our view Australia's interests are served by {}.",
                "{} protects smaller countries as well as larger ones.",
            ],
        ),
        # review 70 (an Indian-MEA-style archive): said on 18 of 32 dates, it joined the
        # family of the one sentence that goes on past it (7 dates), which named the row;
        # the gate then checked that sentence alone and passed "India has
        # {-consistently-}{+always+} supported ...": a formula of four content words or
        # more said on more than 1.5 times the dates of a sentence holding it is no
        # variant of that sentence
        (
            "India has consistently supported a negotiated two-state solution",
            [
                "{} leading to a sovereign, independent and viable State of Palestine.",
                "On the Middle East, {}.",
                "{}, and we continue to call for restraint.",
                "Let me reiterate that {}.",
            ],
        ),
    ],
)
def test_a_formula_said_in_carriers_has_a_row_counting_every_date(
    formula: str, carriers: list[str]
) -> None:
    found = discover(framed(carriers, formula), top=20)
    assert (formula, 28) in [(p.point.text, p.dates) for p in found], texts(found)
    assert not [p for p in found if p.point.text != formula and p.point.text in formula]


def test_us_in_lower_case_goes_from_a_phrase_s_ends_and_us_in_capitals_stays() -> None:
    """Review 68: "Pacific leaders have told us that climate change is the greatest
    security threat to the Pacific", said on most dates, gave the row "us that climate
    change ...": the normaliser writes "US" and "us" alike, so "us" was never cut; the
    report then read the formula said without its lead-in as a new wording that took over.
    Written in lower case it is the pronoun; "US arms sales ..." keeps its name."""
    formula = "climate change is the greatest security threat to the Pacific"
    frames = [
        "Pacific leaders have told us that {}.",
        "Pacific leaders have told us that {}, and we agree.",
        "Leaders told us that {}.",
        "{}.",
    ]
    found = discover(framed(frames, formula), top=20)
    assert [p.point.text for p in found if "climate" in p.point.text] == [formula], texts(found)
    us = "US arms sales to the region must stop"
    found = discover(framed(["{}.", "Again, {}.", "We repeat: {}.", "Today {}."], us), top=20)
    assert us in texts(found)


RIGHTS = "the legitimate and lawful rights and interests"


@pytest.mark.parametrize(
    ("goes_on", "own_row"),
    [
        # carriers going on past it each their own way: the formula is what they share
        (["of our citizens abroad", "of our companies there", "of our nationals"], True),
        # ... going on the same way, to the next content word, more often than carriers
        # end on it: it is cut short of those words (mfa-zh: 本着公开、透明、负责任*的态度*)
        (["of the people", "of the people there", "of the people abroad"], False),
    ],
)
def test_carriers_that_go_on_past_a_formula_count_as_its_frames_when_they_part(
    goes_on: list[str], own_row: bool
) -> None:
    carriers = [
        "We call on all sides to respect {}.",
        "In our view Japan must honour {}.",
        *(
            f"We will {verb} {{}} {rest}."
            for verb, rest in zip(["protect", "safeguard", "defend"], goes_on, strict=True)
        ),
        "The talks went well.",
    ]
    found = discover(framed(carriers, RIGHTS), top=20)
    assert ((RIGHTS, 24) in [(p.point.text, p.dates) for p in found]) is own_row, texts(found)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # review 68 (an Australian-DFAT-style archive): said on 25 of 40 dates, no row;
        # cut at its comma, "cooperate where we can" alone is ordinary English
        (
            "our approach is to cooperate where we can , disagree where we must",
            "our approach is to cooperate where we can , disagree where we must",
        ),
        (
            "we save where we can , spend where we must",
            "we save where we can , spend where we must",
        ),
        # review 74 (a German-style archive): halves of different lengths, and a lead-in
        # before the first; the slogan was its first half alone
        (
            "the idea is simple , strong where it matters , lean where it can be",
            "strong where it matters , lean where it can be",
        ),
        # review 115 (an EU-Commission-style archive): halves that end alike, of other
        # lengths, the second opening with its "and"; three carrier rows, none of it
        (
            "open to partners where we can , and protective of our interests where we must",
            "open to partners where we can , and protective of our interests where we must",
        ),
        # a clause set off by a comma shares no words in the same places
        (
            "at the summit , the leaders reaffirmed the partnership",
            "the leaders reaffirmed the partnership",
        ),
        # fresh-clone trial 184: a topic set off before a clause whose "and" came within a
        # list's reach read as a list's first item; the row was named by one topic
        (
            "the digital agenda , the relevant discussions are still ongoing and i will "
            "not anticipate their outcome",
            "the relevant discussions are still ongoing and i will not anticipate their outcome",
        ),
        # ... but items alike stay a list, clauses as noun phrases
        ("the talks , the visit and the agreement", "the talks , the visit and the agreement"),
        (
            "talks are under way , a visit is planned and a deal is near",
            "talks are under way , a visit is planned and a deal is near",
        ),
    ],
)
def test_two_clauses_mirroring_each_other_are_one_phrase(text: str, kept: str) -> None:
    """A comma between two clauses that mirror each other ("... *where we* can, ...
    *where we* must") parts the halves of one slogan, not a clause set off."""
    pieces = text.split()
    words = [w for w in pieces if w != ","]
    commas = [k - n for n, k in enumerate(k for k, w in enumerate(pieces) if w == ",")]
    lo, hi = _comma_cut(words, commas, ENGLISH_FUNCTION_WORDS)
    assert " ".join(words[lo:hi]) == kept.replace(" ,", "")


def test_a_row_counted_out_leaves_its_id_to_the_next_of_that_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Review 59: ``discover --top`` listed "i-ll-let-the-pentagon-speak-to-the-specifics-3"
    and no "-2": ids were given before the engine counted the rows (step 8), which drops
    some. They are given again in the order kept."""
    from importlib import import_module

    module = import_module("consistency.discover")
    real = module.verify

    def first_out(found, *args, **kwargs):  # type: ignore[no-untyped-def]
        return real(found, *args, **kwargs)[1:]

    japan = "the Secretary reaffirmed our ironclad commitment to the defense of Japan"
    korea = "the Secretary reaffirmed our ironclad commitment to the defense of Korea"
    docs = [doc(day, f"{japan}. {korea}. Talks went well.") for day in range(1, 9)]
    ids = [p.point.id for p in discover(docs, top=5)]
    assert len(ids) >= 2 and ids[1] == f"{ids[0]}-2", ids
    monkeypatch.setattr(module, "verify", first_out)
    kept = discover(docs, top=5)
    assert kept[0].point.id == ids[0], [p.point.id for p in kept]


def test_a_watchlist_does_not_accept_a_wording_first_said_late_in_its_point_s_life(
    tmp_path: Path,
) -> None:
    """Review 87: "The safety and security of British nationals is our priority"
    ({-top-}), first said 35 days before a year-long archive's end and on 3 dates since,
    was written as a live alias, and a gate built from the file passed the drift. An
    alias first said in the last 20% of the time its point was said is written commented
    out; one said from early on stays an alias."""
    from click.testing import CliRunner

    from consistency.cli import cli

    usual = "the safety and security of British nationals is our top priority"
    early = "the safety and security of British nationals remains our top priority"
    late = "the safety and security of British nationals is our priority"
    start = dt.date(2024, 1, 1)
    for k in range(50):
        said = late if k in (42, 45, 47) else early if k in (3, 11, 19) else usual
        (tmp_path / f"{start + dt.timedelta(days=7 * k)}.txt").write_text(
            f"The spokesperson said {said}. Next question.\n", "utf-8"
        )
    runner = CliRunner()
    out = runner.invoke(cli, ["--no-config", "discover", str(tmp_path), "--format", "toml"])
    assert out.exit_code == 0, out.stderr
    assert f'    # "{late}",\n' in out.stdout, out.stdout
    assert "(in the last 20% of the time the point was said, " in out.stdout
    [point] = [p for p in tomllib.loads(out.stdout)["point"] if p["text"] == usual]
    assert point["aliases"] == [early]


def test_a_watchlist_does_not_accept_a_wording_first_said_in_the_last_month(
    tmp_path: Path,
) -> None:
    """Review 61: ``discover --format toml`` of an archive whose last 8 briefings of 40
    said "... waging a *proxy* war ..." wrote it as an alias, and ``check`` with that
    watchlist passed it ("No findings"): an alias first said in the archive's last 31 days
    is written commented out, with its date; one said earlier stays an alias."""
    from click.testing import CliRunner

    from consistency.cli import cli

    hybrid = "the collective West is waging a hybrid war against Russia"
    older = "the collective West is waging an undeclared hybrid war against Russia"
    proxy = "the collective West is waging a proxy war against Russia"
    start = dt.date(2024, 1, 1)
    for k in range(40):
        said = proxy if k >= 36 else older if k in (5, 9, 13) else hybrid
        (tmp_path / f"{start + dt.timedelta(days=3 * k)}.txt").write_text(
            f"Maria Zakharova: On day {k} we said that {said}. Next question.\n", "utf-8"
        )
    runner = CliRunner()
    out = runner.invoke(cli, ["--no-config", "discover", str(tmp_path), "--format", "toml"])
    assert out.exit_code == 0, out.stderr
    new_day = (start + dt.timedelta(days=3 * 36)).isoformat()
    assert (
        f"    # new, first said {new_day} (in the archive's last 31 days): uncomment to accept\n"
        f'    # "{proxy}",\n'
    ) in out.stdout
    [point] = [p for p in tomllib.loads(out.stdout)["point"] if p["text"] == hybrid]
    assert point["aliases"] == [older]
    watchlist = tmp_path.parent / "points.toml"
    watchlist.write_text(out.stdout, encoding="utf-8")
    last = tmp_path / f"{start + dt.timedelta(days=3 * 39)}.txt"
    gate = runner.invoke(
        cli,
        [
            "--no-config",
            "check",
            str(last),
            "--against",
            str(tmp_path),
            "--points",
            str(watchlist),
            "--until",
            (start + dt.timedelta(days=3 * 35)).isoformat(),
        ],
    )
    assert gate.exit_code == 1, gate.stdout
    assert "{-hybrid-}{+proxy+}" in gate.stdout
    data = runner.invoke(cli, ["--no-config", "discover", str(tmp_path), "--format", "json"])
    [row] = [p for p in json.loads(data.stdout)["points"] if p["text"] == hybrid]
    assert {w["text"]: w["first"] for w in row["wordings"]}[proxy] == new_day


@pytest.mark.parametrize(("beside", "held"), [(False, True), (True, False)])
def test_a_watchlist_does_not_accept_a_wording_that_took_the_place_of_the_others(
    tmp_path: Path, beside: bool, held: bool
) -> None:
    """Review 64 (a weekly archive): "zero tolerance for *extremism* in all its forms and
    manifestations", said in place of "terrorism" on the last 6 dates, from 41 days before
    the archive's end, was an alias of the discovered watchlist, and ``check`` passed it. A
    wording said since its first date in place of the wordings before it is written
    commented out; one said beside them (``beside``) stays an alias."""
    from click.testing import CliRunner

    from consistency.cli import cli

    old = "there must be zero tolerance for terrorism in all its forms and manifestations"
    new = old.replace("terrorism", "extremism")
    start = dt.date(2024, 1, 4)
    for k in range(30):
        said = [new] if k >= 24 else [old]
        if beside and k >= 24:
            said.append(old)
        if k == 10:
            said = [new]  # said once long before too: no matter
        lines = " ".join(f"Our position is clear: {s}." for s in said)
        (tmp_path / f"{start + dt.timedelta(days=7 * k)}.txt").write_text(
            f"Official Spokesperson: On week {k} we met. {lines} Next question.\n", "utf-8"
        )
    out = CliRunner().invoke(cli, ["--no-config", "discover", str(tmp_path), "--format", "toml"])
    assert out.exit_code == 0, out.stderr
    [point] = [p for p in tomllib.loads(out.stdout)["point"] if "zero tolerance" in p["text"]]
    assert ("extremism" in " ".join(point.get("aliases", []))) is not held, out.stdout
    if held:
        assert ", and said since in place of the wordings before it: uncomment to accept" in (
            out.stdout
        )


def test_an_alias_the_engine_never_finds_word_for_word_is_left_out() -> None:
    """Review 66: ``discover --format toml`` wrote an alias found on no date word for word,
    "open and rules-based Indo-Pacific", a fragment of a planted drift that a watchlist
    would then accept. A discovered point keeps the aliases the engine finds."""
    from consistency.discover.verify import _counted
    from consistency.models import Found, Role

    text = "a free, open, inclusive and rules-based Indo-Pacific"
    fragment = "open and rules-based Indo-Pacific"
    said = "a free, open and inclusive Indo-Pacific"
    row = DiscoveredPoint(
        point=Point("ipac", text, aliases=(fragment, said)),
        dates=2,
        documents=("d1", "d2"),
        first=dt.date(2024, 1, 1),
        last=dt.date(2024, 1, 2),
        example=text,
        score=5.0,
    )
    docs = {d.id: d for d in (doc(1, f"We want {text}."), doc(2, f"We want {said}."))}
    hits = [
        (d, Found(0, 10, 100.0, form, "Spokesperson", Role.OFFICIAL))
        for d, form in zip(sorted(docs), (text, said), strict=True)
    ]
    counted = _counted(row, hits, docs)
    assert counted.point.aliases == (said,)
    assert [w for w, _ in counted.wordings] == [text, said]


def test_a_phrase_never_starts_inside_a_chinese_compound() -> None:
    """Review 92: a row "病毒基因序列" (mfa-zh) started inside 冠状病毒 ("coronavirus") where
    the briefings said 新型冠状病毒基因序列: the tokeniser cuts jieba's compounds into
    their words for matching (冠状|病毒), and discovery read the cut as a word boundary.
    The pieces of a compound are glued as a hyphenated word's are."""
    said = [
        "我们第一时间向世卫组织分享了新型冠状病毒基因序列信息。",
        "中方第一时间分享了新型冠状病毒基因序列的信息。",
        "主动向台湾地区通报新型冠状病毒基因序列和获取相关基因序列途径的信息。",
        "中方及时通报疫情信息，分享病毒基因序列，积极回应各方关切。",
        "中方向世卫组织通报疫情信息，分享病毒基因序列，同各国开展医疗卫生合作。",
        "疫情发生后，中方第一时间向世卫组织分享了病毒基因序列信息。",
        "中方相关部门第一时间发布病毒基因序列等信息。",
    ]
    assert texts(discover([doc(k + 1, s) for k, s in enumerate(said)])) == ["分享病毒基因序列"]


class _Words:
    """A corpus's word table, as :func:`_named_by` reads it."""

    possessive_endings = ("'s", "\u2019s")

    def __init__(self, text: str) -> None:
        self.words = sorted(set(text.split()))
        self.function = [w in ENGLISH_FUNCTION_WORDS for w in self.words]

    def key(self, text: str) -> tuple[int, ...]:
        return tuple(self.words.index(w) for w in text.split())


def test_a_family_is_named_by_its_variant_said_most_alone_or_in_frames() -> None:
    """Review 97 (D1): a family was named by its best-ranked wording, "the neocolonial
    practices of former metropolitan powers" (7 times), over "... of *the* former
    metropolitan powers" (20, said alone and after "overcome", "end", ...). A variant
    keeps every content word of it; a wording inside it never names it, however often
    said: "China's internal affairs" is another phrase than "interfere in China's
    internal affairs"."""
    named_by = importlib.import_module("consistency.discover.families")._named_by
    bare = "the neocolonial practices of former metropolitan powers"
    full = "the neocolonial practices of the former metropolitan powers"
    partnership = "comprehensive strategic cooperative partnership"
    part = "china's internal affairs"
    table = _Words(f"{full} overcome end {partnership} interfere in {part}")
    k = table.key
    counts = {k(bare): 6, k(f"overcome {full}"): 5, k(full): 5, k(f"end {full}"): 4}
    assert named_by(table, k(bare), counts) == k(full)
    # the best-ranked wording keeps the name where it is said as often
    counts = {k(bare): 6, k(full): 6}
    assert named_by(table, k(bare), counts) == k(bare)
    # nor does a frame around it name it
    counts = {k(bare): 4, k(f"overcome {bare}"): 5}
    assert named_by(table, k(bare), counts) == k(bare)
    # nor a wording without one of its content words
    counts = {k(partnership): 10, k("the comprehensive strategic partnership"): 170}
    assert named_by(table, k(partnership), counts) == k(partnership)
    counts = {k(f"interfere in {part}"): 4, k(part): 40}
    assert named_by(table, k(f"interfere in {part}"), counts) == k(f"interfere in {part}")


def test_a_family_is_named_by_its_wording_without_a_function_word_said_more() -> None:
    """Review 156 (D4): "de-risking, and not decoupling" (16 times) named the row over
    "de-risking, not decoupling" (24): a variant had to be as long as the best-ranked
    wording. One that only leaves out function words names it where said more; a piece
    of it never does ("not decoupling")."""
    named_by = importlib.import_module("consistency.discover.families")._named_by
    long, short = "de-risking and not decoupling", "de-risking not decoupling"
    table = _Words(f"{long} of one is strategy the")
    k = table.key
    counts = {k(long): 16, k(short): 24}
    assert named_by(table, k(long), counts) == k(short)
    counts = {k(long): 16, k(short): 10, k(f"the strategy is one of {short}"): 4}
    assert named_by(table, k(long), counts) == k(long)
    counts = {k(long): 16, k("not decoupling"): 40}
    assert named_by(table, k(long), counts) == k(long)


def test_a_family_is_named_by_its_wording_with_a_modifier_coordinated_before_it() -> None:
    """Review 160 (D4): "a just and democratic multipolar world order" (said 16 times word
    for word, 30 with the carriers that end on it) was the row "democratic multipolar world
    order", the end its carriers share (12 times alone): a longer wording was read as a
    frame, and the formula lost a content word. A word of the same class coordinated
    before the first is a modifier like it, no frame; not the end of a clause before
    ("communiques and prudently and properly handle ...")."""
    named_by = importlib.import_module("consistency.discover.families")._named_by
    key = "democratic multipolar world order"
    full = f"a just and {key}"
    table = _Words(f"{full} towards step real contribution to forming communiques")
    k = table.key
    counts = {k(key): 12, k(full): 16, k(f"contribution to forming {full}"): 5}
    counts[k(f"a real step towards {full}")] = 5
    assert named_by(table, k(key), counts) == k(full)
    # said less than the wording alone, it does not
    counts = {k(key): 40, k(full): 16}
    assert named_by(table, k(key), counts) == k(key)
    # a noun before "and" ends another clause
    clause = "communiques and democratic multipolar world order"
    counts = {k(key): 12, k(clause): 30}
    assert named_by(table, k(key), counts) == k(key)


class _Stream(_Words):
    """A corpus's tokens as :func:`_uncut` reads them: each sentence's words (a comma marks
    the word after it), each sentence ending its clause."""

    def __init__(self, sentences: Sequence[str]) -> None:
        super().__init__(" ".join(sentences).replace(",", ""))
        self.ids: list[int] = []
        self.mark = bytearray()
        self.ends: set[int] = set()
        for sentence in sentences:
            comma = False
            for word in sentence.split():
                self.ids.append(self.words.index(word.rstrip(",")))
                self.mark.append(1 if comma else 0)
                comma = word.endswith(",")
            self.ends.add(len(self.ids))

    def joinable(self, i: int, j: int) -> bool:
        return i >= 0 and j < len(self.ids) and j not in self.ends and not self.mark[j]

    def found(self, wording: str, sentences: range) -> list[tuple[int, int]]:
        """Where ``wording`` stands in each of ``sentences`` (by number)."""
        key, starts = self.key(wording.replace(",", "")), [0, *sorted(self.ends)]
        return [
            (a, a + len(key))
            for n in sentences
            for a in range(starts[n], starts[n + 1] - len(key) + 1)
            if tuple(self.ids[a : a + len(key)]) == key
        ]


def test_a_family_named_by_a_piece_of_its_carriers_is_named_by_its_formula() -> None:
    """Review 160 (D8): the row of "illegitimate unilateral sanctions" (said alone 22 times,
    in all 40 of the family's sayings) was "hit by illegitimate unilateral sanctions
    *keeps*", a piece of a carrier that always goes on ("keeps growing", "keeps getting
    longer"). A wording that always runs on is named by the longest wording inside it that
    does not, said alone as often at least and in most of the family's sayings; not by a
    list's last item."""
    families = importlib.import_module("consistency.discover.families")
    occ = importlib.import_module("consistency.discover.corpus")._Occ
    piece, formula = (
        "hit by illegitimate unilateral sanctions keeps",
        "illegitimate unilateral sanctions",
    )
    sentences = [f"countries {piece} growing"] * 3 + [f"countries {piece} rising"] * 2
    sentences += [f"they impose {formula}"] * 6 + [f"they impose {formula} on cuba"]
    table = _Stream(sentences)

    def family(table: _Stream, spans: dict[str, range]) -> tuple[dict, dict]:
        at = {
            table.key(w.replace(",", "")): [occ(*x) for x in table.found(w, n)]
            for w, n in spans.items()
        }
        return {k: len(v) for k, v in at.items()}, at

    counts, at = family(table, {piece: range(5), formula: range(5, 12)})
    assert families._uncut(table, table.key(piece), counts, at) == table.key(formula)
    # a wording that ends its clause somewhere is no piece cut short
    ends = _Stream([*sentences, piece])
    counts, at = family(ends, {piece: range(13), formula: range(5, 12)})
    assert families._uncut(ends, ends.key(piece), counts, at) == ends.key(piece)
    # said alone less often than the piece, the formula does not name it
    counts, at = family(table, {piece: range(5), formula: range(5, 8)})
    assert families._uncut(table, table.key(piece), counts, at) == table.key(piece)
    # nor does a list's last item name the list ("负责任的态度" of "公开、透明、负责任的态度")
    listed = "an open, transparent, responsible attitude promptly"
    item = "responsible attitude"
    lists = _Stream([f"in {listed} reply"] * 4 + [f"with a {item}"] * 8)
    counts, at = family(lists, {listed: range(4), item: range(4, 12)})
    key = lists.key(listed.replace(",", ""))
    assert families._uncut(lists, key, counts, at) == key


def test_a_family_is_named_by_its_variant_with_an_owner_said_with_of() -> None:
    """Review 151 (D2): "peace and stability across the Taiwan Strait *are* important not
    only for *Japan's security* ..." (4 dates) named the row over "... *is* important not
    only for *the security of Japan* ..." (7 dates, alone and after three carriers): a
    variant keeps every content word of the best-ranked wording, and "japan" was not
    "japan's". A possessive is its owner's word."""
    named_by = importlib.import_module("consistency.discover.families")._named_by
    short = "stability are important for japan's security and the region"
    full = "stability is important for the security of japan and the region"
    table = _Words(f"{short} {full} we have stated that")
    k = table.key
    counts = {k(short): 4, k(full): 4, k(f"we have stated that {full}"): 3}
    assert named_by(table, k(short), counts) == k(full)
    # a word that is not its owner's stays another word
    other = "stability is important for the security of korea and the region"
    table = _Words(f"{short} {other} korea's")
    counts = {table.key(short): 4, table.key(other): 7}
    assert named_by(table, table.key(short), counts) == table.key(short)


def test_a_formula_said_in_a_frame_with_a_word_in_another_form_is_the_formula() -> None:
    """Review 151 (D1): "outstanding issues of concern such as the abductions, nuclear and
    missile issues", said on 14 dates in four carriers, folded into the best-ranked one,
    "... such as the *abduction*, nuclear and missile issues must be resolved
    comprehensively before relations can be normalized" (5 dates), which named the row and
    counted its 5 dates: the report carded the formula "no longer said" while it went on,
    and missed its parts reordered. A formula said in a frame in another form of one of
    its words is said in it, as it is word for word; another word is another phrase."""
    families = importlib.import_module("consistency.discover.families")
    corpus = importlib.import_module("consistency.discover.corpus")
    formula = "outstanding issues of concern such as the abductions nuclear and missile issues"
    frame = "our position is that outstanding issues of concern such as the abduction nuclear "
    frame += "and missile issues must be resolved comprehensively"
    other = frame.replace("abduction", "territorial")
    table = _Words(f"{formula} {frame} {other}")

    def group(text: str, dates: int, core: bool = False) -> object:
        return corpus._Group([], table.key(text), list(range(dates)), core=core)

    core = group(formula, 14, core=True)
    said_in = families._said_in
    assert said_in(core, group(frame, 5), table.words)
    assert not said_in(core, group(other, 5), table.words)
    assert not said_in(core, group(frame, 10), table.words)  # not said far more often
    assert not said_in(group(formula, 14), group(frame, 5), table.words)  # no formula alone


def test_a_frame_said_with_many_endings_is_one_row() -> None:
    """Review 98 (D7): "I'm not going to get ahead of the Secretary's schedule", "... of
    the investigation", "... of where the discussions end up" and five more were eight
    rows of the top 50 of a State Department archive: a deflection said with whatever
    the question was about. Three rows or more opening with the same six words and going
    on each its own way are one: the frame. A name after the frame fills a slot of one
    formula, whose rows stay ("support for a free and sovereign Ukraine", "... Moldova")."""
    endings = [
        "the Secretary's schedule",
        "the investigation",
        "where the discussions end up",
        "decisions that have not been made",
        "what the court may rule",
    ]
    topics = ["grain", "visas", "ports", "flights", "fisheries", "rail", "water"]
    docs = []
    for k in range(30):
        text = (
            f"MR MILLER: On {topics[k % 7]}, I'm not going to get ahead of {endings[k % 5]}. "
            f"Our support for a free and sovereign {['Ukraine', 'Moldova', 'Georgia'][k % 3]} "
            "will not waver.\n"
            f"QUESTION: What about {topics[(k + 3) % 7]} talks number {k}?\n"
        )
        docs.append(doc(k + 1, text))
    ranked = texts(discover(docs))
    assert len([t for t in ranked if t.lower().startswith("i'm not going to get ahead")]) <= 1, (
        ranked
    )
    sovereign = [t for t in ranked if "free and sovereign" in t]
    assert len(sovereign) >= 3 and all(
        t.split()[-1] in ("Ukraine", "Moldova", "Georgia") or "waver" in t for t in sovereign
    ), ranked


TOPICS = [
    "the peace summit in Switzerland",
    "the situation in Gaza",
    "the loan to Ukraine",
    "the escalation in Lebanon",
    "the humanitarian situation in Rafah",
    "the negotiations in Cairo and Doha",
]


def test_a_frame_said_about_many_topics_is_one_row() -> None:
    """Review 100 (D3): "I can tell you that *the peace summit in Switzerland* was also
    discussed in the cabinet", "... *the situation in Gaza* ..." and more were a row per
    topic in a German archive's top 100: a notice said about whatever was asked. Rows
    alike but for a topic in their middle are one row, the frame's richer side."""
    docs = []
    for k in range(42):
        text = (
            f"I can tell you that {TOPICS[k % 6]} was also discussed in the cabinet on "
            f"Wednesday. A question on {TOPICS[(k + 3) % 6]}, number {k}. "
            "We remain committed to a lasting peace in the region.\n"
        )
        docs.append(doc(k % 28 + 1, text, month=3 + k // 28))
    ranked = texts(discover(docs))
    assert len([t for t in ranked if "discussed in the cabinet" in t]) == 1, ranked
    assert not any(topic in t for t in ranked for topic in TOPICS if "cabinet" in t), ranked
    assert "We remain committed to a lasting peace in the region" in ranked


def test_a_frame_whose_endings_open_with_one_article_is_one_row() -> None:
    """Review 100 (D3): "The Foreign Office is in contact with the relevant authorities
    about *the* peace summit in Switzerland", "... about *the* situation in Gaza" and six
    more were eight rows of a German archive's top 100: the endings part after a shared
    "the", and the frame is what recurs. The thing each ending names counts, not its
    article (see :func:`test_a_frame_said_with_many_endings_is_one_row`)."""
    topics = [*TOPICS, "arms exports to Israel", "the G7 summit in Italy"]
    offices = ["Foreign Office", "Foreign Office", "Ministry of Defence", "Ministry of Finance"]
    pick = random.Random(1).choice
    docs = []
    for k in range(60):
        text = "".join(
            f"The {pick(offices)} is in contact with the relevant authorities about "
            f"{pick(topics)}. "
            for _ in range(2)
        )
        text += f"There were questions about {pick(topics)} today, number {k}.\n"
        docs.append(doc(k % 28 + 1, text, month=3 + k // 28))
    ranked = texts(discover(docs))
    framed = [t for t in ranked if "relevant authorities about" in t]
    assert not framed, ranked
    assert "contact with the relevant authorities" in ranked, ranked


def test_a_formula_said_mostly_of_one_party_keeps_its_row() -> None:
    """A formula with a slot is said mostly of one party: "the political settlement of the
    *Korean Peninsula* issue" (MFA: 59 of 70 dates), beside the Afghan, Syrian and
    Iranian nuclear issues. Its rows are no frame said about everything (see
    :func:`test_a_frame_said_about_many_topics_is_one_row`)."""
    parties = ["Afghan", "Syrian", "Iranian nuclear", "Palestinian"]
    docs = []
    for k in range(40):
        party = parties[k % 4] if k % 10 >= 7 else "Korean Peninsula"
        text = (
            f"China supports the political settlement of the {party} issue through dialogue. "
            f"A question on the visit, number {k}.\n"
        )
        docs.append(doc(k % 28 + 1, text, month=3 + k // 28))
    ranked = texts(discover(docs))
    assert any("political settlement of the Korean Peninsula issue" in t for t in ranked), ranked


def test_a_formula_said_in_three_carriers_two_sharing_their_lead_in_is_one_row(
    tmp_path: Path,
) -> None:
    """Review 101 (D3): "Israel and Palestine living side by side in peace and security",
    said on 35 dates in three carriers, was two carrier rows (17 and 11 dates), the third
    carrier's 7 dates in none, and a report without a watchlist carded it "no longer
    said" when one carrier went out of use. Two carriers share "a two-State solution,
    with" (24 dates together: the formula on 35 was no 1.5 times as many), and the third
    names "States" (capitalised, UN style) before a comma that sets the formula off. A
    core stands on its own when found on more than 1.5 times the dates of each carrier,
    and a name a comma sets off is no party of it."""
    formula = "Israel and Palestine living side by side in peace and security"
    carriers = [
        f"The Secretary-General remains committed to a two-State solution, with {formula}.",
        f"The only sustainable path is a two-State solution, with {formula}, with "
        "Jerusalem as the capital of both States.",
        f"We want to see an end to the occupation and two States, {formula}, based on the "
        "relevant UN resolutions.",
    ]
    said = [0] * 17 + [1] * 7 + [2] * 11 + [None] * 95
    random.Random(101).shuffle(said)
    start = dt.date(2024, 9, 2)
    for k, c in enumerate(said):
        text = carriers[c] if c is not None else "I have nothing further on that today."
        (tmp_path / f"{start + dt.timedelta(days=k)}.txt").write_text(f"Spokesman: {text}\n")
    docs = load_documents([str(tmp_path)])
    found = discover(docs)
    rows = [f for f in found if "side by side" in f.point.text]
    assert [(f.point.text, f.dates) for f in rows] == [(formula, 35)], [
        (f.point.text, f.dates) for f in rows
    ]


def test_a_family_said_with_a_clause_after_a_comma_is_named_without_it() -> None:
    """Review 98 (D2): a family was named "a Black Sea region that is secure, open to trade,
    and free from coercion, and that has not changed" (4 times), the formula said 13 times
    with many endings or none: the clause after the last comma is a carrier's. Not the
    items of a list before it ("a Black Sea region that is secure"), nor a short clause."""
    named_by = importlib.import_module("consistency.discover.families")._named_by
    formula = "a black sea region that is secure open to trade and free from coercion"
    said = f"{formula} and that has not changed"
    table = _Words(f"{said} we want to see support")
    k = table.key
    cuts = [7, 10, 14]  # before "open", "and free", "and that"
    counts = {k(said): 4, k(formula): 2, k(f"want to see {formula}"): 2, k(f"support {formula}"): 3}
    assert named_by(table, k(said), counts, cuts) == k(formula)
    # said no more than half as often again, the clause stays
    counts = {k(said): 4, k(formula): 2}
    assert named_by(table, k(said), counts, cuts) == k(said)
    # nor is a comma inside a list a clause's edge
    counts = {k(said): 4, k("a black sea region that is secure"): 20}
    assert named_by(table, k(said), counts, cuts) == k(said)


def test_a_clause_after_a_comma_is_named_by_its_variant_said_more() -> None:
    """Review 164 (D4): "中方将同地区国家一道，维护地区和平与稳定" (8 times) named the row by
    its clause after the comma, "维护地区和平与稳定" (35 with its frames), over
    "维护地区和平稳定" (64), the same words but for a function word: the clause took the
    name and its own variants were never weighed. It is named as its own family would be."""
    named_by = importlib.import_module("consistency.discover.families")._named_by
    table = _Words("中方 将 同 地区 国家 一道 维护 和平 与 稳定 不利于")
    table.function = [w in {"将", "同", "与"} for w in table.words]
    k = table.key
    said = "中方 将 同 地区 国家 一道 维护 地区 和平 与 稳定"
    clause, variant = "维护 地区 和平 与 稳定", "维护 地区 和平 稳定"
    counts = {k(said): 8, k(clause): 9, k(f"不利于 {clause}"): 6, k(variant): 41}
    counts[k(f"不利于 {variant}")] = 7
    assert named_by(table, k(said), counts, [6]) == k(variant)
    # said less than the clause, the variant leaves it the name
    counts[k(variant)] = 4
    del counts[k(f"不利于 {variant}")]
    assert named_by(table, k(said), counts, [6]) == k(clause)


@pytest.mark.parametrize("full_dates", [3, 2])
def test_a_list_said_with_one_more_item_is_named_in_full(full_dates: int) -> None:
    """Review 136 (D3): "a democratic, stable, peaceful, progressive and inclusive
    Bangladesh" said on 3 dates, "a stable, peaceful, ..." on 2, named the row by the
    shorter list (said inside the longer too), so a reordering was carded `{+democratic,+}`:
    "democratic" said for the first time, where it had only moved. The list with one more
    item is the list said in full, not a frame around the shorter; it names the row where
    it is said more often than the shorter alone."""
    full = "a democratic, stable, peaceful, progressive and inclusive Bangladesh"
    short = "a stable, peaceful, progressive and inclusive Bangladesh"
    leads = ["India supports", "India stands for", "We want", "Our support is for"] * 2
    said = [full, short, full, short, full if full_dates == 3 else short]
    said.append(short.replace("peaceful,", "peaceful, democratic,"))
    docs = [
        doc(k + 1, f"We have raised our concerns about the minorities. {leads[k]} {said[k]}.")
        for k in range(6)
    ]
    [row] = [p for p in discover(docs) if "Bangladesh" in p.point.text]
    if full_dates == 3:
        assert (row.point.text, row.point.aliases) == (full, (short,))
    else:
        assert row.point.text == short, row.point
    assert row.dates == 6


def test_a_formula_in_corner_quotes_after_a_carrier_is_its_own_row() -> None:
    """Review 137 (D3): 「一國兩制」在台灣沒有市場 ("one country, two systems has no market
    in Taiwan") on 6 of 6 dates, after three carriers or none, was the row
    如同本會多次強調的，「一國兩制」在台灣沒有市場 (the carrier "as this Council has
    stressed many times", 4 dates): the corner quotes cut like commas, and of the two
    clauses a comma parts, as rich in content words, the first stayed. Quotes are quotes;
    of two such clauses the rarer in ordinary language stays."""
    said = [
        "如同本會多次強調的，「一國兩制」在台灣沒有市場。",
        "本會已經多次強調，「一國兩制」在台灣沒有市場，香港的經驗就是最好的例證。",
        "如同本會多次強調的，「一國兩制」在台灣沒有市場。",
        "我們一再重申，「一國兩制」在台灣沒有市場，台灣主流民意也清楚拒絕。",
        "如同本會多次強調的，「一國兩制」在台灣沒有市場。",
        "「一國兩制」在台灣沒有市場，這是台灣社會的高度共識。",
    ]
    other = ["海巡署已經加強金門海域的巡護。", "民調結果下週公布。", "台商座談會下個月舉行。"]
    docs = [doc(k + 1, f"{other[k % 3]}{s}{other[(k + 1) % 3]}") for k, s in enumerate(said)]
    rows = [(p.point.text, p.dates) for p in discover(docs) if "一國兩制" in p.point.text]
    assert rows == [("「一國兩制」在台灣沒有市場", 6)], rows


def test_an_enumeration_s_numbers_are_no_part_of_a_row() -> None:
    """Review 141 (D1): 二是推广减盐、减油、减糖行动 ("second is: promote less salt, oil and
    sugar") said as a list's third item, 三是..., was carded as a new wording
    `{-二-}{+三+}是推广...`, and 29 of the top 100 rows opened with such numbers. A
    number and a function word opening a clause number an item; the row starts after
    them. A number that is the formula's ("two sides agreed ...") stays."""
    items = ["加强健康科普", "推广减盐、减油、减糖行动", "加强高血压基层规范管理"]
    texts = []
    for k in range(5):
        said = items[k % 3 :] + items[: k % 3]
        listed = "；".join(f"{'一二三'[n]}是{item}" for n, item in enumerate(said))
        texts.append(f"谢谢您的提问。主要做了以下几方面工作：{listed}。两国双方同意加强合作。")
    rows = [p.point.text for p in discover([doc(k + 1, t) for k, t in enumerate(texts)])]
    assert set(items) <= set(rows), rows
    assert not any(re.match("[一二三]是", t) for t in rows), rows


def test_a_formula_said_in_two_carriers_one_naming_a_place_far_before_it_is_found() -> None:
    """Review 98 (D5): "a phased return of displaced families under international
    monitoring", new, said on 4 dates in two carrier sentences ("The envoy's proposal
    sets out ...", "Any arrangement north of the Litani has to include ..."), was two
    2-date rows and no row of the formula: a carrier naming a place anywhere was no frame
    of it. A name right before a rich formula makes it another thing's; one far before,
    in the carrier's subject, does not."""
    core = "a phased return of displaced families under international monitoring"
    carriers = [
        f"The envoy's proposal sets out {core}, and we think both sides can accept it.",
        f"Any arrangement north of the Litani has to include {core}.",
    ]
    topics = ["grain", "visas", "ports", "flights", "fisheries", "rail", "water", "roads"]
    docs = [
        doc(
            k + 1,
            f"MR MILLER: Talks on {topics[k % 8]} go on. "
            + (carriers[k % 2] if k >= 8 else "We are in close touch with our partners.")
            + "\n",
        )
        for k in range(12)
    ]
    ranked = texts(discover(docs))
    assert core in ranked, ranked


def test_a_wording_that_is_the_formula_after_a_lead_in_is_no_alias() -> None:
    """Review 100 (D4): "point I can only tell you that Russia's war of aggression against
    Ukraine is a flagrant violation of international law" (2 times) was an alias of "...
    flagrant breach of international law" (25), and the report's shift read a false
    `{-point I can only tell you that-} ... {-violation-}{+breach+}`. The formula (a word
    replaced at most) after a lead-in of three words or more is the formula in a carrier.
    A fuller wording stays: words after a point cut short, or a lead-in with more changed."""
    in_context = importlib.import_module("consistency.discover.families")._in_longer_context
    war = "russia's war of aggression against ukraine is a flagrant breach of international law"
    said = "point i can only tell you that " + war.replace("breach", "violation")
    table = _Words(f"{said} {war} coordinated pressure remains the surest path to a durable")
    k = table.key
    assert in_context(k(war), k(said))
    assert not in_context(k(war), k(war.replace("breach", "violation")))
    cut = "coordinated pressure remains the surest path"
    assert not in_context(k(cut), k(f"{cut} to a durable"))
    assert not in_context(k(war), k(f"point i can only {war.replace('breach of', 'violation to')}"))
    # ... a word put in or left out as well as one replaced (review 136: "Let me underline
    # that the safety and security of Indian nationals *abroad* is our highest priority")
    assert in_context(k(war), k(f"point i can only tell you that {war.replace(' flagrant', '')}"))
    assert in_context(k(war), k(f"point i can only tell you that {war} durable"))
    internal = "china's internal affairs that allow no foreign interference"
    table = _Words(f"{internal} hong kong affairs are purely brook")
    k = table.key
    framed = "affairs are purely " + internal.replace("allow", "brook")
    assert not in_context(k(internal), k(framed))


def test_a_lead_in_sharing_only_function_words_with_the_formula_is_a_carrier() -> None:
    """Review 156: "continue to believe that a two-state solution remains the only viable
    path to peace and security ..." (4 sayings) named the row of "two-state solution
    remains the only viable path to lasting peace and security ..." (most sayings open on
    "a" or "the"): its lead-in shares "to" with the formula, which read as the formula's
    own frame. Read with the word table's function words, it is a carrier; a lead-in that
    shares a content word still is the formula's own ("affairs are purely")."""
    in_context = importlib.import_module("consistency.discover.families")._in_longer_context
    formula = "two state solution remains the only viable path to lasting peace and security"
    carrier = "continue to believe that a " + formula.replace(" lasting", "")
    internal = "china's internal affairs that allow no foreign interference"
    framed = "affairs are purely " + internal.replace("allow", "brook")
    table = _Words(f"{carrier} {formula} {framed} allow")
    k = table.key
    assert not in_context(k(formula), k(carrier))
    assert in_context(k(formula), k(carrier), table.function)
    assert not in_context(k(internal), k(framed), table.function)


_NOUNS = (  # noqa: SIM905 - a word list reads better as text
    "ferry grain border grid quota pipeline port rail bridge harbour tariff visa loan census "
    "vaccine satellite dam canal airport tunnel refinery mine forest reactor festival stadium "
    "museum archive"
).split()


def test_an_adverb_swapped_is_one_formula() -> None:
    """Review 166: "The President has been very clear" (65 dates) and "... incredibly
    clear" (28) were two rows, the first ranked past 200 (everyday words), and a gate
    without a watchlist passed "... *somewhat* clear". How much is no other formula; a
    content word replaced still is ("China and Japan" is no "China and the US")."""
    adverbs = ["very", "very", "very", "incredibly", "really"]
    docs = [
        doc(day, f"On the {_NOUNS[day * 5 % 28]}, the President has been {adverbs[day % 5]} clear.")
        for day in range(1, 29)
    ]
    [row] = [p for p in discover(docs) if "clear" in p.point.text]
    assert row.point.text == "the President has been very clear"
    assert set(row.point.aliases) == {
        "the President has been incredibly clear",
        "the President has been really clear",
    }
    assert row.dates == 28
