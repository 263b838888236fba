"""The matcher on hand-made sentences built from real briefing wording."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.match import DEFAULT_THRESHOLD, SentenceIndex, find_point
from consistency.models import Point, Role, Sentence
from consistency.normalise import tokenise

FILLER = [
    "The weather was fine in Beijing on that day and many people went out.",
    "We will continue to work with all parties for peace.",
    "The meeting was held in a friendly atmosphere of the talks.",
    "The two sides exchanged views on the situation in the region.",
] * 3


def index_of(*texts: str) -> SentenceIndex:
    sentences = [
        Sentence(f"d{k}", 0, len(t), 1, None, Role.NARRATION, tuple(tokenise(t)))
        for k, t in enumerate(texts)
    ]
    return SentenceIndex(sentences, {f"d{k}": t for k, t in enumerate(texts)})


def found(point_text: str, sentence: str, **kw: object) -> list[tuple[float, str]]:
    index = index_of(sentence, *FILLER)
    return [
        (m.score, sentence[m.start : m.end])
        for m in find_point(Point("p", point_text, **kw), index)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # words inserted inside the phrase
        (
            "China's position is consistent and clear",
            "China’s position on the Ukraine crisis is consistent and clear. We hope for peace.",
            "China’s position on the Ukraine crisis is consistent and clear",
        ),
        # words dropped (a common word before the phrase is not taken in)
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "aligned with China's neighborhood diplomacy principles of sincerity, "
            "mutual benefit, and inclusiveness,\" Xu said",
            "sincerity, mutual benefit, and inclusiveness",
        ),
        # a word replaced at the edge of the phrase
        (
            "comprehensively and effectively implement the Declaration on the Conduct of "
            "Parties in the South China Sea",
            "working with ASEAN countries to fully and effectively implement the Declaration "
            "on the Conduct of Parties in the South China Sea (DOC), accelerating",
            "fully and effectively implement the Declaration on the Conduct of Parties in the "
            "South China Sea",
        ),
        # inflection
        (
            "China-ASEAN Year of People-to-People Exchanges",
            'a series of activities for "China-ASEAN Year of People-to-People Exchange," which',
            "China-ASEAN Year of People-to-People Exchange",
        ),
        # cosmetic only
        ("the ASEAN way", "resolving internal affairs through the ASEAN Way.", "the ASEAN Way"),
        # a hyphenated word is never cut in two
        (
            "China's position is consistent and clear",
            "China's position remains consistent and clear-cut.",
            "China's position remains consistent and clear-cut",
        ),
    ],
)
def test_finds_shifted_wordings_with_exact_spans(point: str, sentence: str, expected: str) -> None:
    hits = found(point, sentence)
    assert [text for _, text in hits] == [expected]
    assert hits[0][0] >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        (
            "a closer China-ASEAN community with a shared future",
            "uphold the vision of building a community with a shared future for humanity.",
        ),
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "based on mutual respect, equal-footed consultation, mutual benefit, openness and "
            "inclusiveness.",
        ),
        ("China's position is consistent and clear", "China's position is firm."),
    ],
)
def test_rejects_different_formulas_sharing_words(point: str, sentence: str) -> None:
    assert found(point, sentence) == []


def test_several_occurrences_in_one_sentence() -> None:
    sentence = (
        "We resolve differences through dialogue and consultation, and we settle disputes "
        "through dialogue and consultation too."
    )
    hits = found("through dialogue and consultation", sentence)
    assert [t for _, t in hits] == ["through dialogue and consultation"] * 2


def test_alias_scores_against_its_own_wording() -> None:
    hits = found(
        "a sea of peace, friendship and cooperation",
        "to build it into a sea of peace and cooperation.",
        aliases=("a sea of peace and cooperation",),
    )
    assert hits == [(100.0, "a sea of peace and cooperation")]


def test_per_point_threshold_is_respected() -> None:
    sentence = "sincerity, mutual benefit and inclusiveness are our principles"
    point = "amity, sincerity, mutual benefit and inclusiveness"
    assert found(point, sentence)  # scores 83.3
    assert found(point, sentence, threshold=90.0) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["we", "uphold", "peace", "and", "the", "sea", "of", "friendship"]),
             max_size=12),
    st.lists(st.sampled_from(["we", "uphold", "peace", "and", "the", "sea", "of", "friendship"]),
             max_size=12),
)
def test_occurrence_text_is_the_exact_source_span(before: list[str], after: list[str]) -> None:
    sentence = " ".join([*before, "a sea of peace, friendship and cooperation", *after]) + "."
    index = index_of(sentence, *FILLER)
    matches = find_point(Point("p", "a sea of peace, friendship and cooperation"), index)
    assert matches, sentence
    for m in matches:
        span = sentence[m.start : m.end]
        assert span == span.strip()
        assert tokenise(span)[0].start == 0
        assert m.score >= DEFAULT_THRESHOLD


def test_short_points_take_in_no_replacement_at_their_edges() -> None:
    hits = found(
        "keep open lines of communication",
        "We think open lines of communication are important for both sides.",
    )
    assert [text for _, text in hits] == ["open lines of communication"]
