"""The matcher on hand-made sentences built from real briefing wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import load_documents, load_watchlist, track
from consistency.diff import word_diff
from consistency.match import (
    DEFAULT_THRESHOLD,
    SentenceIndex,
    drops,
    find_point,
    negated_before,
    swaps,
    weigher,
)
from consistency.match import find as find_module
from consistency.match.find import Match, _keep_best, make_forms, words_of
from consistency.models import Point, Role, Sentence
from consistency.normalise import Grammar, grammar_of, tokenise
from consistency.report import render_json
from consistency.segment import document_sentences
from consistency.track import build_index

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

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


def found(
    point_text: str, sentence: str, *, lenient: bool = False, **kw: object
) -> list[tuple[float, str]]:
    index = index_of(sentence, *FILLER)
    return [
        (m.score, sentence[m.start : m.end])
        for m in find_point(Point("p", point_text, **kw), index, lenient=lenient)  # type: ignore[arg-type]
        if m.sentence.document == "d0"
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
            'mutual benefit, and inclusiveness," Xu said',
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
    st.lists(
        st.sampled_from(["we", "uphold", "peace", "and", "the", "sea", "of", "friendship"]),
        max_size=12,
    ),
    st.lists(
        st.sampled_from(["we", "uphold", "peace", "and", "the", "sea", "of", "friendship"]),
        max_size=12,
    ),
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


class _Unbounded:
    """The same sentences with every one a candidate: what the bound must not change."""

    def __init__(self, index: SentenceIndex) -> None:
        self.index = index

    def candidates(self, words: object) -> list[int]:
        return list(range(len(self.index.sentences)))

    def sentence(self, n: int) -> Sentence:
        return self.index.sentence(n)

    def text(self, document: str) -> str:
        return self.index.text(document)


@pytest.mark.parametrize("threshold", [75.0, 60.0])
def test_candidate_bound_never_drops_a_match(threshold: float) -> None:
    """Picking candidates by the weight bound finds exactly what scoring every sentence finds."""
    docs = load_documents([str(FIXTURES / "briefings")])
    index = build_index(docs)
    points = load_watchlist(FIXTURES / "talking-points.toml")
    found_any = 0
    for point in points:
        a = [(m.start, m.end, m.score) for m in find_point(point, index, threshold=threshold)]
        b = [
            (m.start, m.end, m.score)
            for m in find_point(point, _Unbounded(index), threshold=threshold)
        ]
        assert a == b, point.id
        found_any += len(a)
    assert found_any > 20


def test_window_cut_never_drops_a_match_on_real_transcripts() -> None:
    """The per-window cut (weight and three words within the aligner's width) on MFA
    transcripts and the benchmark's recurring phrases, most of them function-word heavy
    ("between China and the"): the same matches as scoring every sentence."""
    docs = load_documents([str(FIXTURES / "corpus")])
    index = build_index(docs)
    phrases = (FIXTURES.parent / "benchmarks" / "phrases.txt").read_text("utf-8").splitlines()
    found_any = 0
    for k, text in enumerate(phrases[:30] + phrases[100::40]):
        point = Point(f"p{k}", text)
        for threshold in (75.0, 60.0):
            a = [
                (m.start, m.end, m.score, m.moved)
                for m in find_point(point, index, threshold=threshold)
            ]
            unbounded = find_point(point, _Unbounded(index), threshold=threshold)
            assert a == [(m.start, m.end, m.score, m.moved) for m in unbounded], text
            found_any += len(a)
    assert found_any > 100


def test_sentence_bounds_at_once_are_the_bounds_one_by_one() -> None:
    """The whole-sentence bound computed for all candidates at once (numpy) is the
    per-stretch bound of each sentence, to within rounding: dropping candidates by it
    before they are searched loses nothing."""
    import numpy as np

    from consistency.match.align import variant_keys, wording_keys
    from consistency.match.find import _bound, _sentence_bounds

    docs = load_documents([str(FIXTURES / "corpus")])
    index = build_index(docs)
    weigh = weigher()
    phrases = (FIXTURES.parent / "benchmarks" / "phrases.txt").read_text("utf-8").splitlines()
    numbers = np.arange(len(index.sentences), dtype=np.int64)
    for text in [*phrases[:20], "bilateral relations and issues", "the one-China principle"]:
        words = tuple(t.text for t in tokenise(text))
        keys = variant_keys(words, {w: index.spelled_alike(w) for w in words})
        wording = wording_keys(words, weigh)
        bounds = _sentence_bounds(index, numbers, wording, keys, weigh)
        for n, bound in zip(numbers, bounds, strict=True):
            sentence = index.words(int(n))
            one = _bound(sentence, 0, len(sentence), wording, keys, weigh)
            assert abs(bound - one) < 1e-9, (text, n)


def test_a_moved_word_spelled_alike_that_weighs_more_is_not_cut_by_the_bound() -> None:
    """MFA 2019-06-21: "specifics", moved, earns by its own weight, which is more than
    "specific" weighs; the bounds (per sentence and per stretch) allow for it. (The point
    has four content words: in a shorter one a word moves only where a coordinator or
    punctuation parts it from its neighbours.)"""
    sentence = (
        "In fact, starting from yesterday, both China and the DPRK released the specifics "
        "of the meeting and talks between the two leaders."
    )
    index = index_of(sentence, *FILLER)
    point = Point("p", "released aware of the specific meeting")
    bounded = [(m.start, m.end, m.score) for m in find_point(point, index, threshold=40.0)]
    unbounded = find_point(point, _Unbounded(index), threshold=40.0)
    assert bounded == [(m.start, m.end, m.score) for m in unbounded]
    [match] = unbounded
    assert [sentence[a:b] for a, b in match.moved] == ["specifics"]


def test_a_point_word_standing_for_a_missing_key_word_is_not_cut_by_the_bound() -> None:
    """MFA 2018-12-21: in "bilateral relations and bilateral cooperation", the second
    "bilateral" stands where "issues" is missing (80.7 for "bilateral relations and
    issues"). The bound once gave a short point's missing content word nothing, so the
    sentence was cut or not depending on the rest of the archive: searching the
    archive in two processes found one match fewer."""
    index = index_of(
        "so as to avoid seriously damaging bilateral relations and bilateral cooperation "
        "in relevant fields.",
        *FILLER,
    )
    point = Point("p", "bilateral relations and issues")
    bounded = [(m.start, m.end, m.score) for m in find_point(point, index)]
    unbounded = find_point(point, _Unbounded(index))
    assert bounded == [(m.start, m.end, m.score) for m in unbounded]
    assert len(bounded) == 1


@pytest.mark.parametrize("folder", ["corpus", "briefings"])
def test_every_verbatim_occurrence_is_found(folder: str) -> None:
    """Each place a phrase stands word for word (after normalising) is inside a match of
    score 100: the benchmark's 1,000 recurring phrases over real transcripts."""
    docs = load_documents([str(FIXTURES / folder)])
    index = build_index(docs)
    phrases = (FIXTURES.parent / "benchmarks" / "phrases.txt").read_text("utf-8").splitlines()
    checked = 0
    for k, text in enumerate(phrases):
        words = [t.text for t in tokenise(text)]
        found = find_point(Point(f"p{k}", text), index)
        for n in range(len(index.sentences)):
            sentence = index.sentence(n)
            tokens = sentence.tokens
            said = [t.text for t in tokens]
            for i in range(len(said) - len(words) + 1):
                if said[i : i + len(words)] != words:
                    continue
                start, end = tokens[i].start, tokens[i + len(words) - 1].end
                assert any(m.start <= start and end <= m.end and m.score == 100.0 for m in found), (
                    text,
                    sentence.document,
                    start,
                )
                checked += 1
    assert checked > 100


def test_packed_sentences_give_back_the_segmented_sentences() -> None:
    """The index keeps sentences packed (words and spans); each comes back whole."""
    docs = load_documents([str(FIXTURES / "briefings")])
    index = build_index(docs)
    expected = [
        s for d in sorted(docs, key=lambda d: (d.date, d.id)) for s in document_sentences(d)
    ]
    assert len(index.sentences) == len(expected)
    assert list(index.sentences) == expected
    assert [index.sentence(n) for n in range(len(expected))] == expected
    assert index.sentences[-1] == expected[-1]


# --- the engine's alignment on the cases of issue 8 ----------------------------------------

SEED_000_LINE_6 = (
    "We are committed to properly handling differences in the South China Sea through "
    "dialogue and consultation with countries directly concerned, and working with ASEAN "
    "countries to fully and effectively implement the Declaration on the Conduct of Parties "
    "in the South China Sea (DOC), accelerate consultations on a code of conduct in the South "
    "China Sea (COC), and deepen practical maritime cooperation."
)


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # a fresh-clone review's formulas, each read as a false deletion ({-we-}, {-a-})
        (
            "we stand shoulder to shoulder with our allies",
            "Today they stand shoulder to shoulder with our allies.",
            "{-we-}{+they+} stand shoulder to shoulder with our allies",
        ),
        (
            "我们与盟友并肩站在一起",
            "他们与盟友并肩站在一起。",
            "{-我们-}{+他们+}与盟友并肩站在一起",
        ),
        (
            "a free and open Indo-Pacific",
            "We work for an open and free Indo-Pacific.",
            "{-a-}{+an+} {~open and~} free Indo-Pacific",
        ),
        (
            "a just and lasting peace in Ukraine",
            "We seek a comprehensive, just and lasting peace in Ukraine.",
            "a {+comprehensive+}, just and lasting peace in Ukraine",
        ),
        # seed 000, line 7: the words that replace the formula's first word are in the span
        (
            "a closer China-ASEAN community with a shared future",
            "China stands ready to work with ASEAN countries to build an even closer "
            "China-ASEAN community with a shared future.",
            "{-a-}{+an even+} closer China-ASEAN community with a shared future",
        ),
        # another government's slogan: two edge words replaced
        (
            "grow the economy from the bottom up and the middle out",
            "That is why we are going to build our economy from the bottom up and the middle out.",
            "{-grow the-}{+build our+} economy from the bottom up and the middle out",
        ),
        # the same, with a word before the slot that is not part of it
        (
            "grow the economy from the bottom up and the middle out",
            "Now we will build our economy from the bottom up and the middle out.",
            "{-grow the-}{+build our+} economy from the bottom up and the middle out",
        ),
        # the formula's last word replaced (MFA corpus: "... for mankind" -> "... for humanity")
        (
            "a community with a shared future for mankind",
            "China will work with all parties to build a community with a shared future for "
            "humanity.",
            "a community with a shared future for {-mankind-}{+humanity+}",
        ),
        # seed 000, line 6: an adverb swapped at the edge
        (
            "comprehensively and effectively implement the Declaration on the Conduct of "
            "Parties in the South China Sea",
            SEED_000_LINE_6,
            "{-comprehensively-}{+fully+} and effectively implement the Declaration on the "
            "Conduct of Parties in the South China Sea",
        ),
    ],
)
def test_edge_replacements_are_replacements(point: str, sentence: str, expected: str) -> None:
    [(score, text)] = found(point, sentence)
    assert score >= DEFAULT_THRESHOLD
    assert word_diff(point, text) == expected


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # review 68 (a DFAT-style archive): the gate read "{-clear-eyed-} about ...", a drop;
        # a hyphened compound is a word of its own class, whatever its last part is alone
        (
            "clear-eyed about the character of the relationship and about the disagreements "
            "between our two systems",
            "We are realistic about the character of the relationship and about the "
            "disagreements between our two systems.",
            "{-clear-eyed-}{+realistic+} about the character of the relationship and about "
            "the disagreements between our two systems",
        ),
        # ... and "{-is increasing-}" where the rest of the clause stands for the last word
        (
            "economic engagement with Southeast Asia is increasing",
            "Our economic engagement with Southeast Asia is on the rise, but there's more to do.",
            "economic engagement with Southeast Asia is {-increasing-}{+on the rise+}",
        ),
        (
            "economic engagement with Southeast Asia is increasing",
            "Our economic engagement with Southeast Asia is on the rise and we welcome it.",
            "economic engagement with Southeast Asia is {-increasing-}{+on the rise+}",
        ),
        # review 149: a coordinated item goes with the run before its coordinator, the
        # clause ending after it ("{+by force+}" lost "or coercion"); where the clause goes
        # on past it, the run before the coordinator stands alone
        (
            "we oppose any unilateral changes to the status quo from either side",
            "As we have said, we oppose any unilateral changes to the status quo by force or "
            "coercion.",
            "we oppose any unilateral changes to the status quo {-from either side-}{+by force "
            "or coercion+}",
        ),
        (
            "we oppose any unilateral changes to the status quo from either side",
            "We oppose any unilateral changes to the status quo by force and we will respond.",
            "We oppose any unilateral changes to the status quo {-from either side-}{+by force+}",
        ),
        # review 88: the rest of the clause past an auxiliary is its predicate, no part of
        # the replacement ("{+question is consistent+}" was a false diff)
        (
            "China's position on the Korean Peninsula issue",
            "China's position on the Korean Peninsula question is consistent.",
            "China's position on the Korean Peninsula {-issue-}{+question+}",
        ),
        # review 125: a number the point ends on, another number standing for it, is
        # replaced by that number alone ("{+82%以上+}" read "% or more" as new)
        (
            "确保重点区域优良天数比率稳定在85",
            "今年要确保重点区域优良天数比率稳定在82%以上。",
            "确保重点区域优良天数比率稳定在{-85-}{+82+}",
        ),
    ],
)
def test_edge_replaced_by_words_of_another_kind(point: str, sentence: str, expected: str) -> None:
    [(_, text)] = found(point, sentence, threshold=70.0)
    assert word_diff(point, text) == expected


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # review 70 (an Indian-MEA-style archive): scored 74.1, under the threshold, so the
        # report had no card and counted the date absent
        (
            "a free, open and inclusive Indo-Pacific",
            "We work for a free and open Indo-Pacific.",
            "a free {+and+} open {-and inclusive-} Indo-Pacific",
        ),
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "It brings amity, sincerity and mutual benefit to all.",
            "amity, sincerity {+and+} mutual benefit {-and inclusiveness-}",
        ),
    ],
)
def test_a_list_s_last_item_dropped_keeps_its_coordinator_in_place(
    point: str, sentence: str, expected: str
) -> None:
    """A list puts its "and" before whichever item is last: with the last item dropped,
    the point's "and" stands where its comma stood, and is no word put in and gone."""
    [(score, text)] = found(point, sentence)
    assert score >= DEFAULT_THRESHOLD
    assert word_diff(point, text) == expected


BORDER = "jointly uphold peace and stability in the border areas"


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # MFA, June 2020 (a fresh-clone review): a modal verb before the formula does not
        # stand for its adverb
        (
            BORDER,
            "Both sides should uphold peace and stability in the border areas.",
            "{-jointly-} uphold peace and stability in the border areas",
        ),
        # an adverb does: the same kind of word in the formula's place
        (
            BORDER,
            "Both sides should firmly uphold peace and stability in the border areas.",
            "{-jointly-}{+firmly+} uphold peace and stability in the border areas",
        ),
        # MFA: an adverb does not stand for the demand's verb, an accusation is no demand
        (
            "stop interfering in China's internal affairs",
            "The US is grossly interfering in China's internal affairs.",
            "{-stop-} interfering in China's internal affairs",
        ),
        # MFA: "as well as" is no verb of the formula's
        (
            "uphold peace and stability in the South China Sea",
            "This serves regional prosperity as well as peace and stability in the South "
            "China Sea.",
            "{-uphold-} peace and stability in the South China Sea",
        ),
        # MFA 2020-06-18 and 2019-11-20: past "and" is another conjunct
        (
            "stop interfering in China's internal affairs",
            "We urge the US side to stop using this Xinjiang-related Act to harm China's "
            "interests and interfere in China's internal affairs.",
            "{-stop interfering-}{+interfere+} in China's internal affairs",
        ),
        (
            "stop interfering in China's internal affairs",
            "This act neglects facts and truth, applies double standards and interferes in "
            "China's internal affairs, including Hong Kong affairs.",
            "{-stop interfering-}{+interferes+} in China's internal affairs",
        ),
        # review 65 (a Japanese-MOFA-style archive): nothing stands for a missing "or"
        (
            "any unilateral attempts to change the status quo by force or coercion",
            "Japan's position is that any unilateral attempts to change the status quo by "
            "force must not be tolerated.",
            "any unilateral attempts to change the status quo by force {-or coercion-}",
        ),
        # MFA 2020-02-18: nor does it stand for "peace and"; the span goes on without them
        (
            "peace and stability in the South China Sea",
            "China stands ready to work with relevant regional countries to maintain "
            "stability in the South China Sea and turn it into a sea of peace, friendship and "
            "cooperation.",
            "{-peace and-} stability in the South China Sea",
        ),
    ],
)
def test_a_word_of_another_class_beside_a_missing_edge_word_stays_out(
    point: str, sentence: str, expected: str
) -> None:
    [(_, text)] = found(point, sentence)
    assert word_diff(point, text) == expected


def test_a_function_word_before_the_span_stays_out() -> None:
    """'on' of 'consultations on' is not part of 'a code of conduct'."""
    hits = found("the Code of Conduct in the South China Sea", SEED_000_LINE_6)
    assert [text for _, text in hits] == ["a code of conduct in the South China Sea"]


def test_a_formula_sharing_words_is_not_the_point() -> None:
    """The Declaration on the Conduct of Parties (DOC) is not the Code of Conduct (COC)."""
    sentence = "We will implement the Declaration on the Conduct of Parties in the South China Sea."
    assert found("the Code of Conduct in the South China Sea", sentence) == []


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        (
            "grow the economy from the bottom up and the middle out",
            "Our plan will grow the economy from the middle out and the bottom up.",
            "grow the economy from the {~middle out and the~} bottom up",
        ),
        # MFA corpus, 2019-10-11 and others: "social stability and peace"
        (
            "maintain peace and stability",
            "It is a shared wish to maintain enduring social stability and peace.",
            "maintain {+enduring social+} {~stability and~} peace",
        ),
        (
            "uphold regional peace and stability",
            "We hope the parties will jointly uphold regional stability and peace.",
            "uphold regional {~stability and~} peace",
        ),
        # review 84 (planted in the MFA corpus): a list's item said first, one word at the
        # span's edge set apart by its comma, was not found at any threshold
        (
            "mutual respect, equality and mutual benefit",
            "We uphold the principles of equality, mutual respect and mutual benefit.",
            "{~equality~}, mutual respect and mutual benefit",
        ),
        (
            "mutual respect, equality and mutual benefit",
            "We uphold the principles of mutual respect, mutual benefit and equality.",
            "mutual respect, mutual benefit {~and equality~}",
        ),
        # ... but a point word at an edge that is no item of the point's list is no move
        ("a community with a shared future for mankind", "Mankind lives in a community.", None),
    ],
)
def test_reordered_parts_are_the_same_formula(
    point: str, sentence: str, expected: str | None
) -> None:
    hits = found(point, sentence)
    if expected is None:
        assert hits == []
        return
    [(score, text)] = hits
    assert score >= DEFAULT_THRESHOLD
    assert word_diff(point, text) == expected


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # review 68 (an Australian-DFAT-style archive): not found at any threshold
        (
            "cooperate where we can, disagree where we must",
            "We will disagree where we must, cooperate where we can, and engage in our "
            "national interest.",
            "disagree where we must, cooperate where we can",
        ),
        (
            "cooperate where we can and disagree where we must",
            "We will disagree where we must and cooperate where we can.",
            "disagree where we must and cooperate where we can",
        ),
        (
            "坚持独立自主，推动共同发展",
            "我们推动共同发展，坚持独立自主。",
            "推动共同发展，坚持独立自主",
        ),
        # halves turned round with a word of them gone are not the formula
        (
            "the one-China principle and the three China-US joint communiques",
            "the three China-US Joint Communiques that there is only one China",
            None,
        ),
        # a name's possessive turned round, and back (see match.find.owner_forms)
        # review 162 (a Japanese-style archive): 11 dates of the Taiwan formula said "the
        # security of Japan" were found at no threshold
        (
            "important not only for Japan's security but also for the stability of the region",
            "It is important not only for the security of Japan but also for the stability "
            "of the region.",
            "important not only for the security of Japan but also for the stability of the region",
        ),
        (
            "China's internal affairs",
            "Nobody may meddle in the internal affairs of China.",
            "the internal affairs of China",
        ),
        (
            "the sovereignty of China",
            "We defend China's sovereignty firmly.",
            "China's sovereignty",
        ),
        # another owner, or a name of two words, is no turning: "Kong" owns nothing
        ("China's internal affairs", "Nobody may meddle in the internal affairs of Japan.", None),
        ("Hong Kong's prosperity", "It serves the prosperity of Kong and more.", None),
    ],
)
def test_a_formula_s_two_halves_swapped_are_the_formula_shifted(
    point: str, sentence: str, expected: str | None
) -> None:
    hits = found(point, sentence)
    if expected is None:
        assert hits == [], hits
        return
    [(score, text)] = hits
    assert DEFAULT_THRESHOLD <= score < 100.0
    assert text == expected


def test_a_reordered_formula_is_shifted_and_its_move_is_in_the_json(tmp_path: Path) -> None:
    docs = [
        ("2024-01-02", "We will grow the economy from the bottom up and the middle out."),
        ("2024-02-02", "We will grow the economy from the middle out and the bottom up."),
    ]
    for date, text in docs:
        (tmp_path / f"{date}.txt").write_text(text + "\n", encoding="utf-8")
    result = track(
        load_documents([str(tmp_path)]),
        [Point("econ", "grow the economy from the bottom up and the middle out")],
    )
    [pr] = result.points
    assert [o.status.value for o in pr.occurrences] == ["identical", "shifted"]
    assert "{~" in pr.occurrences[1].diff
    [shift] = pr.shifts
    assert "{~middle out and the~}" in shift.diff
    data = json.loads(render_json(result))
    [occ_old, occ_new] = data["points"][0]["occurrences"]
    assert (occ_old["moved"], occ_new["moved"]) == ([], ["middle out and the"])
    assert data["points"][0]["shifts"][0]["moved"] == ["middle out and the"]


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # a review: a list grown by an item was missed
        (
            "a free and open Indo-Pacific",
            "We work for a free, open and inclusive Indo-Pacific.",
            ["a free, open and inclusive Indo-Pacific"],
        ),
        (  # MFA 2018-06-05
            "uphold multilateralism and oppose unilateralism and protectionism",
            "We should uphold multilateralism, oppose unilateralism and protectionism and "
            "promote an open world economy.",
            ["uphold multilateralism, oppose unilateralism and protectionism"],
        ),
        # a review: the item put in before the point's "and", or after it with a comma
        # before the "and" (review 49)
        (
            "a free and open Indo-Pacific",
            "We are committed to a free, secure and open Indo-Pacific.",
            ["a free, secure and open Indo-Pacific"],
        ),
        (
            "a free and open Indo-Pacific",
            "We are committed to a free, open, and secure Indo-Pacific.",
            ["a free, open, and secure Indo-Pacific"],
        ),
        (  # MFA 2019-01-30
            "regional peace and stability",
            "It is conducive to regional peace, security and stability.",
            ["regional peace, security and stability"],
        ),
        # review 52: the comma for the point's "and", the formula going on after the list
        (
            "a free and open Indo-Pacific",
            "We are committed to a free, open Indo-Pacific.",
            ["a free, open Indo-Pacific"],
        ),
        (
            "中方对此表示强烈不满和坚决反对",
            "中方对此表示强烈不满、坚决反对。",
            ["中方对此表示强烈不满、坚决反对"],
        ),
        (  # review 53: the "and" after the formula opens another noun phrase
            "a free and open Indo-Pacific",
            "We support a free, open Indo-Pacific and a rules-based international order.",
            ["a free, open Indo-Pacific"],
        ),
        (  # MFA 2019-04-17: the list goes on past the formula's last item
            "China's sovereignty and territorial integrity",
            "It concerns China's sovereignty, territorial integrity and development interests.",
            [],
        ),
        # a comma where the point has "and", and no "and" further: another list
        ("China and the US", "Talks between China, the US and Russia went well.", []),
        ("China and the US", "China, the US, Russia and the EU talked.", []),
        # the list grown past the point's last item is another list
        ("peace and stability in", "It serves peace, stability and development in Asia.", []),
        (  # review 52: a listed formula, its "and" dropped
            "mutual respect, mutual benefit and win-win cooperation",
            "It features mutual respect, mutual benefit, win-win cooperation and common "
            "development.",
            [],
        ),
        # a clause set off by the comma, its "and" before other words
        (
            "the one-China principle and the three China-US joint communiques",
            "The US should abide by the one-China principle, honor the clauses and its "
            "commitments in the three China-US Joint Communiques.",
            [],
        ),
    ],
)
def test_a_comma_for_the_point_s_and_in_a_list_grown_by_an_item(
    point: str, sentence: str, expected: list[str]
) -> None:
    hits = found(point, sentence)
    assert [text for _, text in hits] == expected
    assert all(score >= DEFAULT_THRESHOLD for score, _ in hits)


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        (  # MFA 2020-01-10
            "the Ministry of Commerce",
            "I'd like to quote the Ministry of Commerce's press release yesterday.",
            "the Ministry of Commerce",
        ),
        (  # a review: a verbatim saying failed the gate as {-Ukraine-}{+Ukraine's+}
            "the United Kingdom's steadfast support for Ukraine",
            "He reaffirmed the United Kingdom’s steadfast support for Ukraine’s sovereignty.",
            "the United Kingdom’s steadfast support for Ukraine",
        ),
    ],
)
def test_a_possessive_ending_on_the_last_word_belongs_to_what_follows(
    point: str, sentence: str, expected: str
) -> None:
    [(score, text)] = found(point, sentence)
    assert (score, text) == (100.0, expected)
    assert "{" not in word_diff(point, text)


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # another name where the formula's last name goes, past the formula's own "of"
        # or "for" (a fresh-clone review: "... the Republic {-of Korea-}", a false card)
        (
            "ironclad commitment to the defense of the Republic of Korea",
            "The US reaffirmed its ironclad commitment to the defense of the Republic of the "
            "Philippines.",
        ),
        (
            "ironclad commitment to the defense of the Republic of Korea",
            "The US reaffirmed its ironclad commitment to the defense of the Republic of Cyprus.",
        ),
        (
            "the United Kingdom's steadfast support for Ukraine",
            "He reaffirmed the United Kingdom's steadfast support for Georgia.",
        ),
        # a name where the formula goes on, which the edge cannot take in: "{-all states-}"
        # read the span as cut
        (
            "the principle of indivisible security for all states",
            "We recall the principle of indivisible security for all Europeans.",
        ),
        # mfa-zh 2018-11-28: China-Singapore trade, not the China-US formula
        ("中美经贸关系的本质是互利共赢", "中新之间的经贸合作本质是互利共赢的。"),
    ],
)
def test_another_name_at_an_edge_past_the_formula_s_own_words_is_no_occurrence(
    point: str, sentence: str
) -> None:
    assert found(point, sentence) == []


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # a replaced word that carries the meaning of a short formula
        ("the one-China principle", "It is an important principle of our foreign policy."),
        ("one country, two systems", "It is one country with its own systems."),
    ],
)
def test_a_replaced_key_word_rejects_the_match(point: str, sentence: str) -> None:
    assert found(point, sentence) == []


KOREA_2020_06_19 = (
    "With regard to the Korean Peninsula issue, Director Yang said that progress in political "
    "settlement serves the common interests of all parties."
)
SOVEREIGNTY_2018_10_16 = (
    "We urge the US side to stop undermining China's sovereignty and security interests, and "
    "be a contributor to peace and stability in the South China Sea rather than a destroyer."
)
HONG_KONG_2019_12_23 = (
    "President Moon Jae-in said the ROK believes Hong Kong affairs and Xinjiang affairs are "
    "both China's internal affairs."
)


def test_a_moved_run_beyond_a_clause_is_not_the_formula() -> None:
    """MFA 2020-06-19: "political settlement", six words and a comma past "the Korean
    Peninsula issue", is another clause's subject, not the formula reordered."""
    assert found("the political settlement of the Korean Peninsula issue", KOREA_2020_06_19) == []


def test_a_function_word_past_a_comma_does_not_end_the_span() -> None:
    """MFA 2018-10-16: the span ends at "interests", not at the "and" after the comma
    (which made "interests" read as moved)."""
    [(_, text)] = found("sovereignty, security and development interests", SOVEREIGNTY_2018_10_16)
    assert text == "sovereignty and security interests"


def test_the_point_s_own_last_word_just_past_the_span_is_taken_in() -> None:
    """MFA 2019-12-23: the span reaches the final "affairs" (an earlier "affairs" is an
    insertion, not the point's last word moved)."""
    [(score, text)] = found(
        "Hong Kong affairs are purely China's internal affairs", HONG_KONG_2019_12_23
    )
    assert text == "Hong Kong affairs and Xinjiang affairs are both China's internal affairs"
    assert score >= DEFAULT_THRESHOLD
    assert "{~" not in word_diff("Hong Kong affairs are purely China's internal affairs", text)


def test_a_point_word_left_over_at_an_edge_is_not_taken_in() -> None:
    """MFA 2018-05-14: the span ends at "benefit"; the "and" after it begins the next part
    of the list (the point's own "and" stands before "mutual benefit"), so it is no
    insertion to show."""
    sentence = (
        "When the cooperation undertaken by the two sides is based on mutual respect, mutual "
        "benefit and win-win outcomes and delivers concrete benefits to the two sides, I see "
        "no reason why other parties would object to that."
    )
    point = "mutual respect, equality and mutual benefit"
    [(_, text)] = found(point, sentence)
    assert text == "mutual respect, mutual benefit"
    assert word_diff(point, text).endswith("mutual benefit")


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        (  # a review: `Korea{+-Japan+}`, a card and a failing gate
            "ironclad commitment to the defense of the Republic of Korea",
            "We reaffirmed our ironclad commitment to the defense of the Republic of "
            "Korea-Japan cooperation.",
            "ironclad commitment to the defense of the Republic of Korea",
        ),
        (
            "the United Kingdom's steadfast support for Ukraine",
            "He stressed the United Kingdom's steadfast support for Ukraine-EU integration.",
            "the United Kingdom's steadfast support for Ukraine",
        ),
        # a review: `Ukraine{+-related+}`, a card and a failing gate; a name with a word
        # glued after it qualifies what follows, as its possessive does
        (
            "providing military support for Ukraine",
            "The US keeps providing military support for Ukraine-related programs.",
            "providing military support for Ukraine",
        ),
        (
            "the peaceful settlement of the Korean Peninsula issue",
            "We call for the peaceful settlement of the Korean Peninsula-related issues.",
            "the peaceful settlement of the Korean Peninsula-related issues",
        ),
        # a hyphenated word is still never cut: "clear-cut" is the formula's "clear" changed
        (
            "China's position is consistent and clear",
            "China's position remains consistent and clear-cut.",
            "China's position remains consistent and clear-cut",
        ),
    ],
)
def test_a_name_joined_to_the_formula_s_name_by_a_hyphen_stays_out(
    point: str, sentence: str, expected: str
) -> None:
    [(_, text)] = found(point, sentence)
    assert text == expected


def test_a_negating_prefix_of_a_word_put_in_negates_that_word_alone() -> None:
    """MFA 2018-07-27 (a review: a false "said negated" card, and no occurrence): the "non"
    of "non-proliferation", a word the formula lacks, does not negate the formula."""
    sentence = (
        "On your second question, China's position on the non-proliferation issue is "
        "consistent and clear."
    )
    [(score, text)] = found("China's position is consistent and clear", sentence)
    assert text == "China's position on the non-proliferation issue is consistent and clear"
    assert score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "sentence",
    [
        "We want an unjust and lasting peace in Ukraine.",
        "We want a non-just and lasting peace in Ukraine.",
    ],
)
def test_a_negating_prefix_glued_to_a_formula_word_says_the_opposite(sentence: str) -> None:
    """A review: "a *non-just* and lasting peace" was a said-negated card, "an *unjust*
    and lasting peace" a new wording counted by ``track``. A formula's word with a
    negating prefix, glued or hyphened, says the opposite: no occurrence, a near miss of
    the gate (``lenient``), where "the peaceful *unification*" stays a wording of "the
    peaceful *re*unification" (a prefix dropped that negates nothing)."""
    point = "a just and lasting peace in Ukraine"
    assert found(point, sentence) == []
    [(score, text)] = found(point, sentence, lenient=True)
    assert "just and lasting peace in Ukraine" in text and score >= DEFAULT_THRESHOLD
    [(_, text)] = found(
        "the peaceful reunification of the motherland",
        "We oppose the peaceful unification of the motherland.",
    )
    assert text == "the peaceful unification of the motherland"


def test_a_name_glued_after_a_word_in_lower_case_qualifies_the_formula_s_name() -> None:
    """A review: "a just and lasting peace in *pro-Russian* Ukraine" failed the gate as a
    near miss while ``track`` said nothing: "Russian", put in, was read as another party.
    Glued after "pro" it is an adjective: the formula with a qualifier put in, shifted,
    as "in *western* Ukraine" is; "and Russia" put in still names another party."""
    point = "a just and lasting peace in Ukraine"
    [(score, text)] = found(point, "We want a just and lasting peace in pro-Russian Ukraine.")
    assert text == "a just and lasting peace in pro-Russian Ukraine"
    assert score >= DEFAULT_THRESHOLD
    assert found(point, "We want a just and lasting peace in Russia and Ukraine.") == []
    # review 53: the name before the word glued to it
    [(_, text)] = found(point, "We want a just and lasting peace in Russian-occupied Ukraine.")
    assert text == "a just and lasting peace in Russian-occupied Ukraine"


def test_a_negating_prefix_gone_is_no_near_miss() -> None:
    """MFA 2019-07-12 (a review: a false "said negated" card and a failing gate): "We
    oppose the US interference in other countries' internal affairs" affirms the principle
    of non-interference in other words; it is neither an occurrence nor a near miss. A
    negation dropped as a word of its own still is one."""
    index = index_of(
        "We oppose the US interference in other countries' internal affairs under the "
        "pretext of religion.",
        "Our one China policy has changed.",
    )
    point = Point("p", "non-interference in other countries' internal affairs")
    assert find_point(point, index, lenient=True) == []
    policy = Point("q", "our one China policy has not changed")
    [miss] = find_point(policy, index, lenient=True)
    assert miss.sentence.document == "d1"


def test_a_formula_s_negation_said_just_before_the_span_is_no_near_miss() -> None:
    """mfa-zh 2020-05-21 (a review: a false "said negated" card): "不要动辄干涉别国的内政"
    says 不干涉别国内政, its 不要 ("do not") two words before the span; neither an
    occurrence nor a near miss that says the opposite."""
    index = index_of("我们希望有关国家不要动辄干涉别国的内政。", "我们干涉别国的内政。")
    misses = find_point(Point("p", "不干涉别国内政"), index, lenient=True)
    assert [m.sentence.document for m in misses] == ["d1"]


def test_a_possessive_stands_for_a_determiner_inside_the_formula() -> None:
    """A review: "in keeping with India's Neighbourhood First policy" was no occurrence of
    "in keeping with our Neighbourhood First policy" (a name put in for "our"), though a
    possessive stands for a missing first determiner."""
    point = "in keeping with our Neighbourhood First policy"
    [(score, text)] = found(point, "We engage in keeping with India's Neighbourhood First policy.")
    assert score >= DEFAULT_THRESHOLD
    assert word_diff(point, text) == (
        "in keeping with {-our-}{+India's+} Neighbourhood First policy"
    )
    assert found(point, "We engage in keeping with our Act East policy.") == []


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        (  # MFA 2019-08-02: an "of" of the point's, out of place, ended the span
            "the denuclearization of the Peninsula",
            "Under the current circumstances, we hope all relevant parties will move toward the "
            "same direction, create favorable atmosphere for dialogue and make joint efforts for "
            "denuclearization on the Peninsula and lasting peace and stability of the Peninsula "
            "and the region.",
            "denuclearization on the Peninsula",
        ),
        (  # MFA 2019-03-12
            "of the two sides",
            "Second, the individual case you mentioned is between the two sides of the Taiwan "
            "Strait.",
            "two sides",
        ),
    ],
)
def test_a_span_neither_starts_nor_ends_in_words_put_in(
    point: str, sentence: str, expected: str
) -> None:
    [(score, text)] = found(point, sentence)
    assert text == expected
    assert score >= DEFAULT_THRESHOLD
    diff = word_diff(point, text)
    assert not diff.endswith("+}") and not diff.startswith("{+"), diff


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        (  # MFA 2019-08-20: "China" and "Russia" twenty words apart
            "China-Russia comprehensive strategic partnership of coordination for a new era",
            "China stands ready to work with Russia to act on our presidents' important "
            "consensus and deepen our comprehensive strategic partnership of coordination for "
            "a new era.",
        ),
        (  # MFA 2019-11-25: "Pakistan" read as moved out of "China-Pakistan"
            "the China-Pakistan all-weather strategic cooperative partnership",
            "China will work with Pakistan for steady progress in the CPEC and in our "
            "all-weather strategic cooperative partnership to bring more benefits.",
        ),
    ],
)
def test_the_parts_of_a_compound_stand_together(point: str, sentence: str) -> None:
    assert found(point, sentence) == []
    compound = point.split()[0] if "-" in point.split()[0] else point.split()[1]
    assert found(point, sentence.replace(compound.split("-")[1], compound, 1)) != []


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        (  # MFA 2019-06-14: "are" replaced by a clause of its own
            "Hong Kong affairs are China's internal affairs",
            "This act wantonly criticizes Hong Kong affairs and flagrantly interferes in "
            "China's domestic affairs.",
        ),
        (
            "Hong Kong affairs are China's internal affairs",  # MFA 2020-06-10
            "We urge the US to stop using Hong Kong-related matters to interfere in China's "
            "internal affairs, and do things that are conducive to Hong Kong's prosperity.",
        ),
        (
            "enhance our mutual trust",  # MFA 2018-10-26
            "China stands ready to work with Fiji to enhance dialogue and exchanges and deepen "
            "mutual trust and cooperation so as to move forward China-Fiji ties.",
        ),
    ],
)
def test_a_word_replaced_by_a_long_run_of_new_words_is_another_phrase(
    point: str, sentence: str
) -> None:
    """One word may stand for one, and one more may come in ("play {-a-}{+an active and+}
    constructive role"); each content word beyond that costs its whole weight."""
    assert found(point, sentence) == []


def test_a_word_and_one_more_for_one_word_is_a_replacement() -> None:
    [(_, text)] = found(
        "play a constructive role", "We hope all parties will play an active and constructive role."
    )
    assert text == "play an active and constructive role"


def test_a_span_does_not_end_on_a_function_word_joining_a_missing_word() -> None:
    """MFA 2019-03-18: "... of both countries *and* are the common aspiration": the point's
    "and" joins "peoples", which is not there."""
    sentence = (
        "Good neighborly relations serve the fundamental interests of both countries and are "
        "the common aspiration of the international community."
    )
    hits = found("the fundamental interests of both countries and peoples", sentence)
    assert not [text for _, text in hits if text.endswith("and")]


def test_a_coordinator_never_stands_for_another_word_of_the_point() -> None:
    """MFA 2020-06-03: "interference in Hong Kong-related affairs *and* China's internal
    affairs" joins two things; the formula says one *is* the other. An "and" inserted
    beside the point's words is still an elaboration (MFA 2019-12-23)."""
    point = "Hong Kong affairs are China's internal affairs"
    assert (
        found(
            point,
            "We deplore and reject the UK side's unwarranted accusations and blatant "
            "interference in Hong Kong-related affairs and China's internal affairs.",
        )
        == []
    )
    [(_, text)] = found(point, HONG_KONG_2019_12_23)
    assert text == "Hong Kong affairs and Xinjiang affairs are both China's internal affairs"


@pytest.mark.parametrize(
    ("point", "line", "expected"),
    [
        (
            "never seek hegemony or expansion",
            "China will not seek hegemony or expansion.",
            "{-never-}{+not+} seek hegemony or expansion",
        ),
        (
            "not interfere in other countries' internal affairs",
            "China will never interfere in other countries' internal affairs.",
            "{-not-}{+never+} interfere in other countries' internal affairs",
        ),
        # mfa-zh: the segmenter keeps 从不 ("never") whole
        ("不干涉别国内政", "作为一项原则，中国从不干涉别国内政。", "{-不-}{+从不+}干涉别国内政"),
    ],
)
def test_another_negation_stands_for_a_formulas_own(point: str, line: str, expected: str) -> None:
    """A second review: a negation said with another negation left no occurrence ("will
    *never* interfere" for "not interfere"; 从不干涉别国内政, on 5 mfa-zh dates, for
    不干涉别国内政), since the span without it stood right after a negation."""
    [(_, text)] = found(point, line)
    assert word_diff(point, text) == expected


def test_a_negation_carried_on_is_dropped_with_its_carrier() -> None:
    """A review: "will continue to provide security assistance to Ukraine" counted as the
    discovered "will no longer provide ...", which then named the slogan by its reversal
    and grouped the 27 affirmative sayings under it. "no longer" negates "provide"; both
    its words gone, with "provide" said, the negation is dropped: a near miss, no
    occurrence. Said with its negation, or with another one, it is found."""
    formula = "the United States will no longer provide security assistance to Ukraine"
    said = "Today the United States will continue to provide security assistance to Ukraine."
    assert found(formula, said) == []
    [(_, text)] = found(formula, said, lenient=True)
    assert text == said[6:-1]
    [(_, text)] = found(
        formula, "So the United States will no longer provide security assistance to Ukraine."
    )
    assert text.endswith("no longer provide security assistance to Ukraine")


@pytest.mark.parametrize(
    ("point", "line", "counted"),
    [
        # review 137: the negation turned into a denial's, the verb kept, no occurrence
        ("政府从来不会关闭两岸交流的大门", "外界不必过度解读，政府不排除关闭两岸交流的大门", False),
        ("政府不会关闭两岸交流的大门", "外界不必过度解读，政府不排除关闭两岸交流的大门", False),
        # ... but said with another negation, it is
        ("政府从来不会关闭两岸交流的大门", "外界不必过度解读，政府决不会关闭两岸交流的大门", True),
        # a formula's own negation before a denial stays one
        ("we will not exclude anyone", "We do not exclude anyone from the talks.", True),
        ("we will not exclude anyone", "We will exclude anyone from the talks.", False),
    ],
)
def test_a_negation_before_a_denial_is_none(point: str, line: str, counted: bool) -> None:
    """A negation right before a verb that denies or rules out affirms: 政府*不排除*关闭
    ("does not rule out closing") says the opposite of 政府*不会*关闭 ("will not close"),
    and was counted as the alias 政府*从来不会*关闭 ("has never closed"), its 不 read as
    the formula's negation said otherwise."""
    assert bool(found(point, line)) is counted, found(point, line, lenient=True)


@pytest.mark.parametrize(
    ("point", "line", "counted"),
    [
        (
            "discussed bilateral trade",
            "The two discussed ways to strengthen bilateral cooperation in trade and energy.",
            False,
        ),
        (
            "discussed bilateral trade",
            "They discussed bilateral trade, which stands at $1bn.",
            True,
        ),
        ("discussed bilateral trade", "They discussed growing bilateral trade.", True),
        ("地区和平稳定", "我们愿同各方一道维护地区和平与稳定。", True),
    ],
)
def test_a_short_point_s_words_all_set_apart_are_another_phrase(
    point: str, line: str, counted: bool
) -> None:
    """Review 140 (G1): "discussed bilateral trade" was counted at 78.7 in "discussed
    *ways to strengthen* bilateral *cooperation in* trade", a sentence of another matter,
    and the gate warned on it. Content words put in between every two of a short point's
    words make another phrase; a word put in beside words kept together, or function
    words between them (和平*与*稳定), do not."""
    assert bool(found(point, line)) is counted, found(point, line, lenient=True)


@pytest.mark.parametrize(
    ("point", "alias", "line", "expected"),
    [
        # review 140: an adjective in the place of the point's own, beside the alias
        (
            "the time-tested all-weather strategic cooperative partnership between Pakistan "
            "and China",
            "all-weather strategic cooperative partnership between Pakistan and China",
            "They agreed to take the ironclad all-weather strategic cooperative partnership "
            "between Pakistan and China to new heights.",
            "the ironclad all-weather strategic cooperative partnership between Pakistan and China",
        ),
        # a frame's noun before the alias, a function word between: the alias (MFA)
        (
            "the basis of mutual respect, equality and mutual benefit",
            "mutual respect, equality and mutual benefit",
            "We develop ties on the principle of mutual respect, equality and mutual benefit.",
            "mutual respect, equality and mutual benefit",
        ),
        # review 151: the point's last item replaced after its coordinator, past an older,
        # shorter wording (the gate passed "by force or intimidation" as the alias)
        (
            "unilateral attempts to change the status quo by force or coercion",
            "unilateral attempts to change the status quo by force",
            "Japan will never accept unilateral attempts to change the status quo by force or "
            "intimidation, and we conveyed this to China.",
            "unilateral attempts to change the status quo by force or intimidation",
        ),
        # ... and the first item, before it
        (
            "peace and stability across the Taiwan Strait",
            "stability across the Taiwan Strait",
            "We have consistently stressed the importance of security and stability across "
            "the Taiwan Strait.",
            "security and stability across the Taiwan Strait",
        ),
        # a short alias is a frame whose first item varies: the alias (MFA 2020-06-29)
        (
            "equality and mutually-beneficial cooperation",
            "mutually beneficial cooperation",
            "The two sides will deepen trust and mutually beneficial cooperation.",
            "mutually beneficial cooperation",
        ),
        # the older wording said as it was, the clause going on: the alias
        (
            "unilateral attempts to change the status quo by force or coercion",
            "unilateral attempts to change the status quo by force",
            "We oppose unilateral attempts to change the status quo by force or any other means.",
            "unilateral attempts to change the status quo by force",
        ),
    ],
)
def test_a_word_replacing_the_point_s_own_beside_an_alias_is_read_with_the_point(
    point: str, alias: str, line: str, expected: str
) -> None:
    """Review 140 (R1): "the *ironclad* all-weather strategic cooperative partnership
    ..." was the alias "all-weather strategic ..." word for word, "the ironclad" left
    out, so the report had no card for a word said for the first time. A content word
    right beside the alias, where the point has its own word the sentence lacks, is
    that word replaced: the point reads more of the stretch; so is one after the point's
    coordinator beside the alias (review 151)."""
    [(_, text)] = found(point, line, aliases=(alias,))
    assert text == expected


def test_a_word_with_a_prefix_is_another_word() -> None:
    """MFA 2020-07-03: "instability" is no "stability"; "unchanged" still stands for "not
    changed" where the point negates it (fixtures/other/us-state)."""
    assert (
        found(
            "peace and stability in the South China Sea",
            "The fundamental cause of instability in the South China Sea is the large-scale "
            "military activities and flexing of muscles by some non-regional country that "
            "lies tens of thousands of miles away.",
        )
        == []
    )
    [(_, text)] = found(
        "the one China policy has not changed",
        "Our one China policy remains unchanged and we oppose changes.",
    )
    # "Our", a determiner, stands for the point's "the"
    assert text == "Our one China policy remains unchanged"


def test_a_span_does_not_reach_across_other_words_for_a_word_spelled_alike() -> None:
    """MFA 2020-06-19 (a false card in two reviews): "people", spelled like "peoples", five
    words past the rest of the span, does not end it."""
    sentence = (
        "It is hoped that the US side will work with China to jointly develop a relationship "
        "featuring non-conflict, non-confrontation, mutual respect and win-win cooperation "
        "based on the common interests of the two peoples and the fundamental well-being of "
        "people around the world."
    )
    assert found("the fundamental interests of our two countries and peoples", sentence) == []
    [(_, text)] = found(
        "China-ASEAN Year of People-to-People Exchanges",
        'a series of activities for "China-ASEAN Year of People-to-People Exchange," which',
    )
    assert text == "China-ASEAN Year of People-to-People Exchange"


def test_review_cases_of_the_new_rules_that_must_still_be_found() -> None:
    """A review of this round's rules: 同 and 与 are both coordinators; "re-" is no negating
    prefix; a last word spelled alike stays when the point's own word is not in the span."""
    assert found("中国同巴基斯坦是全天候战略合作伙伴", "中国和巴基斯坦是全天候战略合作伙伴。")
    assert found("中方愿同国际社会一道", "中方愿与国际社会一道，共同努力。")
    assert found("peaceful reunification", "We stand for peaceful unification of the motherland.")
    [(_, text)] = found(
        "brought tangible benefits to the two peoples",
        "Our cooperation has brought tangible benefits to the two countries and their people.",
    )
    assert text == "brought tangible benefits to the two countries and their people"


def test_a_moved_word_before_a_colon_is_not_taken_in() -> None:
    """ "is clear: China's position is consistent" is not the formula reordered."""
    hits = found(
        "China's position is consistent and clear",
        "Our position is clear: China's position is consistent.",
        threshold=0.0,
    )
    assert "China's position is consistent" in [text for _, text in hits]
    assert all("clear:" not in text for _, text in hits)


README_SCORES = [
    # (point, sentence, the score README's table shows; None: rejected at any threshold)
    (
        "cooperate where we can, disagree where we must",
        "We will disagree where we must, cooperate where we can, and engage in our "
        "national interest.",
        95.1,
    ),
    (
        "China-ASEAN Year of People-to-People Exchanges",
        'activities for "China-ASEAN Year of People-to-People Exchange," which',
        98.7,
    ),
    (
        "a closer China-ASEAN community with a shared future",
        "China stands ready to work with ASEAN countries to build an even closer "
        "China-ASEAN community with a shared future.",
        97.6,
    ),
    (
        "grow the economy from the bottom up and the middle out",
        "We will grow the economy from the middle out and the bottom up.",
        97.0,
    ),
    (
        "comprehensively and effectively implement the Declaration on the Conduct of Parties "
        "in the South China Sea",
        SEED_000_LINE_6,
        87.8,
    ),
    (
        "China's position is consistent and clear",
        "China’s position on the Ukraine crisis is consistent and clear. We hope for peace.",
        87.5,
    ),
    (
        "grow the economy from the bottom up and the middle out",
        "That is why we are going to build our economy from the bottom up and the middle out.",
        79.9,
    ),
    (
        "a community with a shared future for mankind",
        "uphold the vision of building a community with a shared future for humanity.",
        78.3,
    ),
    (
        "amity, sincerity, mutual benefit and inclusiveness",
        "aligned with China's neighborhood diplomacy principles of sincerity, "
        'mutual benefit, and inclusiveness," Xu said',
        77.4,
    ),
    ("China's position is consistent and clear", "China's position is consistent.", 77.0),
    (
        "the Code of Conduct in the South China Sea",
        "fully and effectively implement the Declaration on the Conduct of Parties in the "
        "South China Sea (DOC)",
        68.0,
    ),
    (
        "a closer China-ASEAN community with a shared future",
        "a community with a shared future for humanity",
        48.3,
    ),
    (
        "amity, sincerity, mutual benefit and inclusiveness",
        "mutual benefit, openness and inclusiveness",
        46.6,
    ),
    ("坚持一个中国原则", "中方在反恐问题上坚持的一个重要原则就是标本兼治。", None),
    ("one country, two systems", "It is one country with its own systems.", None),
]


@pytest.mark.parametrize(("point", "sentence", "shown"), README_SCORES)
def test_readme_score_table_is_what_the_engine_gives(
    point: str, sentence: str, shown: float | None
) -> None:
    """Each row of README's "Match: how the score works" table, scored again."""
    readme = (FIXTURES.parent / "README.md").read_text("utf-8")
    best = max((score for score, _ in found(point, sentence, threshold=0.0)), default=None)
    if shown is None:
        assert not best  # no alignment, or one the rules reject (score 0)
        assert any(
            line.startswith(f"| {point} |") and "rejected" in line for line in readme.splitlines()
        )
    else:
        assert best is not None and round(best, 1) == shown
        assert any(
            line.startswith(f"| {point} |") and f"| {shown} |" in line
            for line in readme.splitlines()
        )


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # MFA 2020-06-05: another country's issue, not the Korean Peninsula's
        (
            "the political settlement of the Korean Peninsula issue",
            "China supports the political settlement of the Venezuelan issue.",
        ),
        # MFA 2020-06-03: "Hong Kong-related" does not stand in for "Xinjiang"
        (
            "Xinjiang affairs are purely China's internal affairs",
            "We urge them to stop interfering in Hong Kong-related affairs and China's "
            "internal affairs.",
        ),
    ],
)
def test_a_replaced_name_rejects_the_match(point: str, sentence: str) -> None:
    assert found(point, sentence) == []


def test_a_formula_without_commas_is_not_found_across_one() -> None:
    """MFA 2020-06-08: "enhancing mutual understanding, trust, communication and
    cooperation" lists trust; it is not "enhancing mutual trust" with a word inserted.
    A formula that is itself a list may still be found with its commas changed."""
    line = (
        "nine rounds of dialogue have been held so far, which has been important in enhancing "
        "mutual understanding, trust, communication and cooperation between the two sides."
    )
    assert found("enhancing mutual trust", line) == []
    assert found("enhancing mutual trust", "It helps in enhancing mutual trust.") != []
    [(_, text)] = found(
        "amity, sincerity, mutual benefit and inclusiveness",
        "principles of sincerity, mutual benefit, and inclusiveness, he said",
    )
    assert text == "sincerity, mutual benefit, and inclusiveness"


def test_a_replaced_function_word_does_not_reject() -> None:
    [(_, text)] = found(
        "the Code of Conduct in the South China Sea",
        "Talks on a Code of Conduct in the South China Sea resumed.",
    )
    assert text == "a Code of Conduct in the South China Sea"


@settings(deadline=None, max_examples=30)
@given(st.sampled_from([*FILLER, SEED_000_LINE_6]), st.integers(0, 5))
def test_spans_depend_only_on_the_sentence(extra: str, copies: int) -> None:
    """A briefing alone and the same briefing inside a bigger archive give the same spans."""
    point = Point("p", "the Code of Conduct in the South China Sea")
    alone = [(m.start, m.end, m.score) for m in find_point(point, index_of(SEED_000_LINE_6))]
    crowd = index_of(SEED_000_LINE_6, *([extra] * copies), *FILLER)
    within = [
        (m.start, m.end, m.score) for m in find_point(point, crowd) if m.sentence.document == "d0"
    ]
    assert alone == within


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # mfa-zh: "an important principle" is not the one-China principle
        ("坚持一个中国原则", "中方在反恐问题上坚持的一个重要原则就是标本兼治。"),
        # mfa-zh: "equality, mutual benefit, common development" is not "win-win"
        ("互利共赢", "推动中拉平等互利、共同发展的全面合作伙伴关系不断迈上新台阶。"),
    ],
)
def test_chinese_near_misses_are_rejected(point: str, sentence: str) -> None:
    assert found(point, sentence) == []


def test_a_replaced_chinese_name_rejects_the_match() -> None:
    """mfa-zh 2017-11-13: the Asia-Pacific community (亚太, a name in jieba's dictionary)
    is not the community with a shared future for mankind (人类)."""
    line = (
        "建设亚太自贸区是深化区域经济一体化的关键抓手，也是发展开放型亚太经济、"
        "构建亚太命运共同体的重要途径，符合各方的共同利益和长远发展需要。"
    )
    assert found("构建人类命运共同体", line) == []
    assert found("构建亚太命运共同体", line) != []


def test_a_missing_name_at_an_edge_with_another_name_in_its_place_rejects_the_match() -> None:
    """mfa-zh 2020-07-01 (a review): 香港特别行政区是中国不可分割的一部分 is said of Hong
    Kong; it is not the Taiwan formula with its subject dropped (the report read it as
    ``是中国{-领土-}不可分割的一部分``). Without the name, or with it, the formula is found."""
    taiwan = "台湾是中国领土不可分割的一部分"
    assert found(taiwan, "香港特别行政区是中国不可分割的一部分。") == []
    [(_, text)] = found(taiwan, "台湾是中国不可分割的一部分。")
    assert text == "台湾是中国不可分割的一部分"
    point = "Hong Kong affairs are purely China's internal affairs"
    assert found(point, "The affairs of Xinjiang are purely China's internal affairs.") == []
    assert found(point, "Hong Kong affairs are China's internal affairs.") != []


def test_one_word_replaced_by_two_at_an_edge_is_taken_in() -> None:
    """A review: "for all humanity" stood where "for mankind" ends the formula, and the
    span stopped at "for" (a false deletion ``{-mankind-}``); "all" may come in with
    "humanity", but "basis of" does not stand for the two words "mutual respect"."""
    [(_, text)] = found(
        "building a community with a shared future for mankind",
        "We will keep building a community with a shared future for all humanity.",
    )
    assert text == "building a community with a shared future for all humanity"
    [(_, text)] = found(
        "mutual respect, equality and mutual benefit",
        "on the basis of equality and mutual benefit",
        threshold=60,
    )
    assert text == "equality and mutual benefit"


def test_edge_words_of_the_same_kinds_in_another_order_are_taken_in() -> None:
    """Seed 000: "an even closer" stands where the discovered point says "build a
    closer"; the span takes in "an even" ({-build a-}{+an even+}), not "even" alone,
    which dropped "an" from the text shown (a review found it in README's report)."""
    [(_, text)] = found(
        "build a closer China-ASEAN community with a shared future",
        "We will work with ASEAN countries toward an even closer China-ASEAN community "
        "with a shared future.",
    )
    assert text == "an even closer China-ASEAN community with a shared future"


def test_a_word_found_out_of_order_is_not_replaced_at_the_edge() -> None:
    """MFA 2018-12-27: "peoples" is in the span, moved before "and"; it is not missing
    from the formula's end, so "meets" (the next clause's verb) does not stand for it."""
    [(_, text)] = found(
        "serves the fundamental interests of the two countries and peoples",
        "This serves the fundamental interests of the two peoples and meets the shared "
        "aspiration of the international community.",
    )
    assert text == "serves the fundamental interests of the two peoples"


def test_a_function_word_after_a_moved_word_does_not_end_the_span() -> None:
    """MFA: "Like I said just now" for "like I just said": "just", found out of order
    after the formula's last word, stays out ("Like I said", ``{-just-}``)."""
    [(_, text)] = found("like I just said", "A: Like I said just now, I am not aware of it.")
    assert text == "Like I said"


def test_a_chinese_idiom_cut_short_is_the_formula_shifted() -> None:
    """A review (a US-style and a Chinese archive with planted drifts): 坚定不移 ("unswerving",
    one word to the segmenter) cut to 坚定 ("firm") lost a whole word of a five-word
    formula, and the drift was found nowhere, neither by the watchlist gate nor by the
    report. An idiom's first half stands for it; a compound noun's first word does not
    (两国 "the two countries" for 两国人民 "the two peoples")."""
    formula = "坚定不移走和平发展道路"
    [(score, text)] = found(formula, "中方始终坚定走和平发展道路。")
    assert text == "坚定走和平发展道路" and score >= 75
    assert word_diff(formula, text) == "{-坚定不移-}{+坚定+}走和平发展道路"
    [(_, text)] = found("坚定走和平发展道路", "中方始终坚定不移走和平发展道路。")
    assert text == "坚定不移走和平发展道路"
    [(_, text)] = found("两国人民带来了实实在在的好处", "给两国和两国人民带来了实实在在的好处。")
    assert text == "两国人民带来了实实在在的好处"


def test_a_chinese_formula_is_found_in_words() -> None:
    [(_, text)] = found("坚持一个中国原则", "我们始终坚持一个中国原则。")
    assert text == "坚持一个中国原则"


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # MFA corpus: the subject of the sentence is not the formula's last word moved
        (
            "a community with a shared future for mankind",
            "It proves once again that all mankind lives in a community with a shared future.",
            None,
        ),
        # MFA corpus: the next clause's verb is not the formula's first word moved
        (
            "enhance political mutual trust",
            "This will further cement political mutual trust, enhance cooperation in various "
            "sectors.",
            None,
        ),
    ],
)
def test_a_word_outside_the_formula_is_not_a_move(
    point: str, sentence: str, expected: str | None
) -> None:
    hits = found(point, sentence)
    assert [word_diff(point, text) for _, text in hits] == ([expected] if expected else [])


def test_a_lenient_search_scores_a_replaced_name_as_a_near_miss() -> None:
    """What ``track`` rejects, ``check`` sees as a near miss: the same alignment, the
    replaced name scored as any replacement (here two names by one: far under)."""
    point = Point("p", "the political settlement of the Korean Peninsula issue")
    sentence = "China supports the political settlement of the Venezuelan issue."
    index = index_of(sentence, *FILLER)
    assert find_point(point, index) == []
    [near] = find_point(point, index, threshold=0.0, lenient=True)
    assert near.score < DEFAULT_THRESHOLD - 10
    # a short formula's key word replaced stays rejected: one-China is not "important"
    zh = index_of("中方在反恐问题上坚持的一个重要原则就是标本兼治。", *FILLER)
    point = Point("p", "坚持一个中国原则")
    assert find_point(point, zh, threshold=DEFAULT_THRESHOLD - 10, lenient=True) == []


def test_a_lenient_search_finds_a_title_with_a_capitalised_word_swapped() -> None:
    """Seed 000, line 6, with "Conduct" swapped: a replaced name rejects the span, so
    ``track`` does not count it; leniently it scores over the threshold."""
    point = Point("p", "the Declaration on the Conduct of Parties in the South China Sea")
    line = SEED_000_LINE_6.replace("the Conduct of Parties", "the Behavior of Parties")
    index = index_of(line, *FILLER)
    assert find_point(point, index) == []
    [match] = find_point(point, index, lenient=True)
    assert line[match.start : match.end] == (
        "the Declaration on the Behavior of Parties in the South China Sea"
    )
    assert DEFAULT_THRESHOLD <= match.score < 100


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        ("through dialogue and consultation", "through dialogue and negotiation with", [(0, 4)]),
        (
            "a sea of peace, friendship and cooperation",
            "a sea of peace, amity and cooperation",
            [(0, 7)],
        ),
        # three words or fewer: no frame ("and cooperation" around a swapped edge)
        ("communication and cooperation", "opportunities and cooperation", []),
        # the first or last word: a content word for a content word only
        ("through dialogue and consultation", "through dialogue and the talks", []),
        # ... and the new word ends the phrase, or the sentence goes on past the frame
        ("through dialogue and consultation", "through dialogue and uphold peace", []),
        ("in accordance with the law", "in accordance with the bilateral treaty", []),
        ("fully and effectively implement", "we strictly and effectively implement", [(1, 5)]),
        ("fully and effectively implement", "resolute tough and effectively implement", []),
        ("the Code of Conduct", "a Code of Conduct", []),
        # the frame left weighs too little
        ("the ASEAN way", "the Chinese way", []),
        # spelled alike: the same word, which scoring finds
        ("through dialogue and consultation", "through dialogue and consultations", []),
        # two words swapped, or none
        ("through dialogue and consultation", "by dialogue and negotiation", []),
        ("through dialogue and consultation", "through dialogue and consultation", []),
    ],
)
def test_swaps_are_one_word_changed_in_a_frame_that_holds(
    point: str, sentence: str, expected: list[tuple[int, int]]
) -> None:
    assert swaps(words_of(tokenise(point)), words_of(tokenise(sentence)), weigher()) == expected


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # an idiom the tokeniser reads as two words, an inner item of a list (review 102)
        (
            "两岸同胞血浓于水、守望相助、命运与共",
            "我们认为两岸同胞血浓于水、互帮互助、命运与共。",
            [(2, 10)],
        ),
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "amity, shared prosperity, mutual benefit and inclusiveness",
            [(0, 7)],
        ),
        # not an item at the list's edge, where the frame holds on one side only
        ("两岸同胞血浓于水、守望相助、命运与共", "两岸同胞血浓于水、守望相助、共同繁荣", []),
        # nor an item said again with a word put in (which scoring finds)
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "amity, sincerity too, mutual benefit and inclusiveness",
            [],
        ),
        # nor an item longer than three words
        (
            "amity, sincerity, mutual benefit and inclusiveness",
            "amity, a deep and lasting sincerity of purpose, mutual benefit and inclusiveness",
            [],
        ),
    ],
)
def test_swaps_are_a_list_item_replaced_whole_in_a_frame_that_holds(
    point: str, sentence: str, expected: list[tuple[int, int]]
) -> None:
    [form] = make_forms(Point("p", point))
    assert swaps(form.words, words_of(tokenise(sentence)), weigher(), form.items) == expected


def test_a_formula_beside_a_comma_is_found_when_a_better_span_crosses_it() -> None:
    """The best alignment of "of the international community" in this sentence takes "of"
    from before the comma; that span is refused (a formula is not found across a comma),
    and the formula standing whole after the comma was lost with it (MFA, 2020-04-15)."""
    text = "In the face of the pandemic, the international community should join hands."
    matches = find_point(Point("p", "of the international community"), index_of(text))
    assert [text[m.start : m.end] for m in matches] == ["the international community"]


def test_the_words_standing_for_a_formulas_first_words_are_taken_in_with_its_own() -> None:
    """ "and" is the formula's own word between two replaced ones: the span once stopped
    at it and began at "earnestly" (74.1, no occurrence)."""
    text = (
        "We will work with ASEAN countries to fully and earnestly implement the Declaration"
        " on the Conduct of Parties in the South China Sea and deepen cooperation."
    )
    point = Point(
        "doc",
        "comprehensively and effectively implement the Declaration on the Conduct of Parties"
        " in the South China Sea",
    )
    [match] = find_point(point, index_of(text))
    assert text[match.start : match.end].startswith("fully and earnestly implement")
    assert match.score >= DEFAULT_THRESHOLD


def test_a_quoted_formula_is_found_with_its_closing_mark() -> None:
    """Words are letters: the span ended before the closing quote, and on MFA 8 verbatim
    occurrences of 'the principle of "one country, two systems"' read as cosmetic."""
    text = 'We uphold the principle of "one country, two systems" and the “Belt and Road” too.'
    point = Point("p", 'the principle of "one country, two systems"')
    [match] = find_point(point, index_of(text))
    assert text[match.start : match.end] == 'the principle of "one country, two systems"'
    [match] = find_point(Point("b", "the “Belt and Road"), index_of(text))
    assert text[match.start : match.end] == "the “Belt and Road”"


def test_words_taken_in_for_a_missing_last_word_end_with_their_phrase() -> None:
    """A review: "shared future for {-mankind-}{+the two+}" where the text says "the two
    sides"; the diff stopped inside the phrase that replaced the formula's last word."""
    text = "They agreed to build a community with a shared future for the two sides and more."
    point = Point("p", "a community with a shared future for mankind", threshold=60)
    [match] = find_point(point, index_of(text))
    assert text[match.start : match.end].endswith("for the two sides")
    assert word_diff(point.text, text[match.start : match.end]).endswith(
        "for {-mankind-}{+the two sides+}"
    )


def test_words_taken_in_up_to_a_content_word_end_there() -> None:
    """A review of the MFA report (2020-06-19, line 43): a false new wording "mutual respect
    and win-win cooperation {+based+}"; the phrase that replaced "results" ended at
    "cooperation", and "based on ..." opens the next."""
    text = (
        "It is hoped that the US side will jointly develop a relationship featuring"
        " non-conflict, non-confrontation, mutual respect and win-win cooperation based on"
        " the common interests of the two peoples."
    )
    point = Point("p", "non-conflict, non-confrontation, mutual respect and win-win results")
    [match] = find_point(point, index_of(text))
    assert text[match.start : match.end].endswith("win-win cooperation")


def test_only_a_number_stands_for_a_missing_number_at_the_edge() -> None:
    """A review: "the China-ASEAN Free Trade Area together" was the closest baseline
    wording of "... Area 4.0": "together" was taken in for the missing "3.0"."""
    point = Point("fta", "the China-ASEAN Free Trade Area 3.0")
    text = "We will build the China-ASEAN Free Trade Area together with our partners."
    for match in find_point(point, index_of(text), threshold=60):
        assert text[match.start : match.end] == "the China-ASEAN Free Trade Area"
    text = "We will build the China-ASEAN Free Trade Area 4.0 together with our partners."
    [match] = find_point(point, index_of(text))
    assert text[match.start : match.end] == "the China-ASEAN Free Trade Area 4.0"


def test_a_missing_part_of_a_compound_is_replaced_by_a_part_of_a_compound_only() -> None:
    """A review of the MFA report (2020-06-29): "We have no need to interfere in others'
    internal affairs" read as "{-country-}{+need+} to interfere ...": "need" was taken in
    for "non-" of "non-interference", and the card hid the "no" that says the opposite."""
    text = "We have no need to interfere in others' internal affairs, nor are we interested."
    point = Point("p", "non-interference in others' internal affairs", threshold=50)
    for match in find_point(point, index_of(text)):
        assert not text[match.start : match.end].startswith("need")
    point = Point("p", "counter-terrorism cooperation in the region and beyond")
    text = "We uphold anti-terrorism cooperation in the region and beyond."
    [match] = find_point(point, index_of(text))
    assert text[match.start : match.end].startswith("anti-terrorism")


def test_a_part_of_another_compound_is_no_part_of_the_point_s_compound() -> None:
    """Review 84: "the one-China principle is the political foundation of *China-US*
    relations and the universal consensus ..." was a near miss of "the one-China principle
    is a consensus of the international community" cut at "principle", its "China" read
    in "China-US" (`{-the one-} principle is ... {~China~}{+-US ...+}`). A sentence word
    joined by a hyphen on the other side than the point's missing half is part of
    another compound; one joined on the same side replaces that half ("anti-terrorism"
    for "counter-terrorism", above)."""
    text = (
        "I want to stress that the one-China principle is the political foundation of "
        "China-US relations and the universal consensus of the international community."
    )
    point = Point("p", "the one-China principle is a consensus of the international community")
    for match in find_point(point, index_of(text), threshold=50):
        assert text[match.start : match.end].startswith("the one-China principle"), match


def test_a_word_standing_for_a_name_said_before_is_not_the_points_name() -> None:
    """A review: 7 of 43 occurrences of "Xinjiang affairs are purely China's internal
    affairs" in the MFA report were "Hong Kong is China's SAR and its affairs are purely
    China's internal affairs"."""
    point = Point("x", "Xinjiang affairs are purely China's internal affairs")
    text = "Hong Kong is China's SAR and its affairs are purely China's internal affairs."
    assert find_point(point, index_of(text)) == []
    for text in (
        "Xinjiang affairs are purely China's internal affairs.",
        "The Xinjiang-related affairs are purely China's internal affairs.",
    ):
        assert find_point(point, index_of(text)), text


def test_a_span_that_negates_the_wording_is_not_the_wording() -> None:
    """A review: the discovered point "interferes in other countries' internal affairs"
    was found at 96 in "non-interference in other countries' internal affairs", and
    after "China never ..." and "We will not ...". A wording found word for word is
    found all the same (every verbatim occurrence is)."""
    point = Point("p", "interferes in other countries' internal affairs")
    for text in (
        "We uphold non-interference in other countries' internal affairs.",
        "We will not interfere in other countries' internal affairs.",
    ):
        assert find_point(point, index_of(text)) == [], text
    text = "China never interferes in other countries' internal affairs."
    [match] = find_point(point, index_of(text))
    assert match.score == 100.0
    # a negation the wording has is needed in the span
    point = Point("q", "non-interference in other countries' internal affairs")
    text = "Some powers keep up interference in other countries' internal affairs."
    assert find_point(point, index_of(text), threshold=50) == []
    # and in Chinese
    point = Point("z", "干涉别国内政的错误行径")
    assert find_point(point, index_of("中方一贯不干涉别国内政的行径。"), threshold=60) == []
    assert find_point(point, index_of("美方一贯干涉别国内政的行径。"), threshold=60) != []


def test_the_formulas_own_first_word_beyond_inserted_words_is_in_the_span() -> None:
    """A review of the MFA report (2020-06-08, line 19): "the basic diplomatic principle of
    non-interference ..." read as "{-the-} principle of non-interference": "the" alone
    never opens a window, and the words inserted after it hid it."""
    text = (
        "China has always been upholding the basic diplomatic principle of"
        " non-interference in other countries' internal affairs."
    )
    point = Point("p", "the principle of non-interference in other countries' internal affairs")
    [match] = find_point(point, index_of(text))
    found = text[match.start : match.end]
    assert found.startswith("the basic diplomatic principle")
    assert word_diff(point.text, found).startswith("the {+basic diplomatic+} principle")
    # not across punctuation, nor past three inserted words
    for gap in ("the, basic diplomatic", "the basic sound diplomatic"):
        text = (
            f"We uphold {gap} principle of non-interference in other countries' internal affairs."
        )
        [match] = find_point(point, index_of(text))
        assert text[match.start : match.end].startswith("principle")


def test_only_words_standing_for_the_missing_ones_are_taken_in_with_the_formulas_own() -> None:
    """A review: "countries *and* we implement ..." was taken for "comprehensively and
    effectively implement ..." (77.9): "we", a function word, stood for "effectively"
    where the point's function word, "and", was already found."""
    text = (
        "We are working with ASEAN countries and we implement the Declaration on the"
        " Conduct of Parties in the South China Sea."
    )
    point = Point(
        "doc",
        "comprehensively and effectively implement the Declaration on the Conduct of Parties"
        " in the South China Sea",
        threshold=60,
    )
    for match in find_point(point, index_of(text)):
        assert not text[match.start : match.end].startswith(("countries", "and", "we"))


def test_a_name_is_not_stood_for_by_another_word_of_the_point() -> None:
    """fixtures/briefings 002: "the Declaration on *the Conduct of Parties* in the South China
    Sea" is another document than the "Code of Conduct in the South China Sea"; the point's
    own "the" may not stand for its name "Code". The Code itself, lower-cased, is found."""
    line = (FIXTURES / "briefings" / "002_4a5ca9b62894acf8.txt").read_text().splitlines()[10]
    texts = [text for _, text in found("Code of Conduct in the South China Sea", line)]
    assert texts == ["Code of Conduct in the South China Sea"]
    [(_, text)] = found(
        "Code of Conduct in the South China Sea",
        "and working with ASEAN countries to fully and effectively implement the Declaration "
        "on the Conduct of Parties in the South China Sea (DOC), accelerate consultations on "
        "a code of conduct in the South China Sea (COC), and deepen practical cooperation",
    )
    assert text == "code of conduct in the South China Sea"


def test_a_chinese_compound_is_found_with_a_word_between_its_parts() -> None:
    """mfa-zh 2017-03-16: "根本共同利益" has 共同 inside the dictionary word 根本利益 of the
    point; the span is the whole phrase and the diff an insertion, not "{-根本利益-}{+根本+}"."""
    line = "这符合两国和两国人民的根本共同利益，也是地区国家乃至世界的共同期待。"
    [(_, text)] = found("符合两国和两国人民的根本利益", line)
    assert text == "符合两国和两国人民的根本共同利益"
    assert word_diff("符合两国和两国人民的根本利益", text) == "符合两国和两国人民的根本{+共同+}利益"


def test_a_name_missing_at_the_edge_with_another_subject_there_is_not_the_point() -> None:
    """MFA 2020-06-19, line 31 (English and Chinese): the Xinjiang statement opens the
    paragraph, where a capital proves no name; it was "{-Hong Kong-} affairs are purely
    ..." in the report. Short points are held to it too (香港事务纯属中国内政, five words)."""
    tail = "affairs are purely China's internal affairs that allow no foreign interference"
    assert found(f"Hong Kong {tail}", f"Xinjiang {tail}. We are resolute.") == []
    assert found("香港事务纯属中国内政", "新疆是中国领土，新疆事务纯属中国内政。") == []
    [(_, text)] = found("香港事务纯属中国内政", "香港是中国的特别行政区，香港事务纯属中国内政。")
    assert text == "香港事务纯属中国内政"


def test_words_sharing_only_their_end_are_not_spelled_alike() -> None:
    """Inflection changes a word's end; a shared end is a prefix put before the word, or
    another word: "western" is no "eastern", "unclear" no "nuclear", "resident" no
    "president" (880 such pairs in the MFA vocabulary were spelled alike)."""
    from consistency.match.weights import similarity

    for a, b in [("western", "eastern"), ("nuclear", "unclear"), ("president", "resident")]:
        assert similarity(a, b) == 0.0
        assert similarity(b, a) == 0.0
    assert similarity("reunification", "unification") > 0.85
    assert similarity("exchanges", "exchange") > 0.85
    assert found("the denuclearization of the Korean Peninsula", "It is unclear.") == []
    assert found("Western countries", "Eastern countries and regions met.") == []


def test_a_head_with_no_vowel_is_no_prefix() -> None:
    """MFA 2020-06-05 (a `check` warning on the last 20 MFA briefings): "right to
    development and *ability* to achieve ..." was "stability and development" shifted,
    "st" read as a prefix. A prefix is a syllable: "re-", "co-" are, "st" is not."""
    from consistency.match.weights import similarity

    assert similarity("stability", "ability") == similarity("ability", "stability") == 0.0
    assert similarity("co-operation", "operation") > 0.85
    line = (
        "Sanctions undermine sanctioned countries' right to development and ability to "
        "achieve sustainable development goals."
    )
    assert found("stability and development", line) == []
    assert found("stability and development", line, lenient=True) == []


def test_a_function_word_does_not_stand_for_a_content_word_at_the_edge() -> None:
    """MFA 2020-06-15 (a `check` near miss on the last 20 MFA briefings): "strengthen the
    community with a shared future for the two countries" read as "... for
    {-mankind-}{+the+}", a false diff: "the" is the point's word, left over by the
    alignment where "mankind" belongs. The span gives it up and takes in what stands in
    mankind's place; a "the" put before a point missing its first, content word is no
    part of the span either."""
    sentence = "We hope to strengthen the community with a shared future for the two countries."
    [(_, text)] = found(
        "the community with a shared future for mankind", sentence, lenient=True, threshold=60
    )
    assert text == "the community with a shared future for the two countries"
    sentence = (
        "China and India will work together for the peace and tranquility in the border areas."
    )
    [(_, text)] = found("uphold peace and tranquility in the border areas", sentence)
    assert text == "peace and tranquility in the border areas"


@pytest.mark.parametrize("who", ["the UK would", "Britain would", "the United Kingdom will"])
def test_a_name_stands_for_the_speakers_we_in_reported_speech(who: str) -> None:
    """Review 87: a lobby summary's "She said the UK would stand with Ukraine for as long
    as it takes" was `{-We will-} stand with Ukraine ...`, a false word dropped: no name
    was taken in at a formula's edge. Reported, the speaker's side is named for its "we"
    (the tokeniser's ``first_person``); other pronouns stood for it already."""
    formula = "we will stand with Ukraine for as long as it takes"
    line = f"She said {who} stand with Ukraine for as long as it takes."
    [(_, text)] = found(formula, line)
    assert text == f"{who} stand with Ukraine for as long as it takes"
    # a name beside the point's own words is no part of it
    [(_, text)] = found("stand with Ukraine for as long as it takes", line)
    assert text == "stand with Ukraine for as long as it takes"


def test_a_short_formula_with_a_qualifier_put_in_after_its_first_word_is_found() -> None:
    """Review 89: "the *so-called* collective West", "the *criminal* Kiev regime" were no
    occurrence: a window opened on the point's "the" only beside another of its words,
    and "collective West" alone lacks one of the three words a short formula's span must
    have. The point's first word opens one a word or two before the next, with
    qualifiers only between; "of *attention from* the international community" is none."""
    said = "We see how the so-called collective West is forcing Kenya to vote against Russia."
    [(_, text)] = found("the collective West", said)
    assert text == "the so-called collective West"
    said = "Instead of negotiating, the criminal Kiev regime is trying to drag Italy into war."
    [(_, text)] = found("the Kiev regime", said)
    assert text == "the criminal Kiev regime"
    said = "The issue drew a lot of attention from the international community."
    [(_, text)] = found("of the international community", said)
    assert text == "the international community"


def test_a_determiner_before_parts_said_the_other_way_round_is_the_point_s() -> None:
    """Review 89: "a platform for *a* mutually respectful and equal dialogue" read
    `{-an-} mutually respectful {~and equal~} dialogue`: the point's first word, missing
    before its parts said the other way round, stood for no word, and "a" was left out."""
    said = "The SCO is a platform for a mutually respectful and equal dialogue, without dictates."
    [(_, text)] = found("an equal and mutually respectful dialogue", said)
    assert text == "a mutually respectful and equal dialogue"


def test_words_with_letters_put_inside_are_not_spelled_alike() -> None:
    """Review 74: "The federal states wants to *present* the timetable" was "the Federal
    *President*" shifted (`diff`), and on MFA "the *basics* of" stood for "the *basis* of",
    "two *counties*" for "two *countries*": letters put inside a word make another word.
    Spelling swaps or doubles a letter, or puts a vowel in ("defence"/"defense",
    "traveling"/"travelling", "neighborhood"/"neighbourhood": review 64)."""
    from consistency.match.weights import similarity

    for a, b in [("present", "president"), ("basis", "basics"), ("counties", "countries")]:
        assert similarity(a, b) == similarity(b, a) == 0.0
    spellings = [
        ("defence", "defense"),
        ("traveling", "travelling"),
        ("neighborhood", "neighbourhood"),
    ]
    for a, b in [*spellings, ("exchange", "exchanges")]:
        assert similarity(a, b) > 0.85
    line = "The federal states wants to present the timetable next week."
    assert found("the Federal President", line) == []


@pytest.mark.parametrize(
    ("point", "line", "span"),
    [
        # MFA 2020-05-18: reported as "a constructive role" with "play" dropped
        (
            "play a constructive role",
            "China will continue playing a constructive role in this process.",
            "playing a constructive role",
        ),
        # MFA 2020-06-16: not found at all for the singular
        (
            "refer you to the competent authority",
            "I'm not aware of the specifics that you are interested in and would refer you "
            "to the competent authorities.",
            "refer you to the competent authorities",
        ),
    ],
    ids=["playing", "authorities"],
)
def test_an_inflected_word_is_the_point_s_word(point: str, line: str, span: str) -> None:
    """A review: "*playing* a constructive role" was a card "{-play-} a constructive role"
    (a word dropped, where the sentence inflects it): in a short word an ending weighs
    too much for the spelling ratio. Two forms of one word in the dictionary are spelled
    alike; "urge"/"urgent" are not."""
    assert [text for _, text in found(point, line)] == [span]
    assert found("urge the US to stop", "It is urgent for us to stop this.") == []


def test_a_short_point_s_own_edge_word_past_a_word_put_in_is_taken_in() -> None:
    """A review (Medium): "{-问题-}深入{+地+}交换了意见" was the card of "... 突出问题*坦率*
    深入地交换了意见" (mfa-zh 2020-06-23): 问题 is there, 坦率 ("frankly") put in after it.
    A short point's own missing edge word, a content word, standing just past a word or
    two put in is taken in; a function word alone is not ("we hope that *friends from* the"
    is no "we hope that the")."""
    line = (
        "会谈期间，双方在第一次军长级会谈共识基础上，就当前边境管控中的突出问题坦率深入地"
        "交换了意见，同意采取必要措施，推动事态降温。"
    )
    assert [t for _, t in found("问题深入交换意见", line)] == ["问题坦率深入地交换了意见"]
    hope = "We hope that friends from the region will come."
    assert [t for _, t in found("we hope that the", hope)] == ["We hope that"]


COVID_SINCE = ("新冠肺炎疫情发生以来", ("新冠肺炎疫情暴发以来", "新冠肺炎疫情发生后"))
"""A formula discovered on the newest 60 mfa-zh briefings, with its aliases."""


@pytest.mark.parametrize(
    "line",
    [
        # mfa-zh 2020-06-04: COVID "supplies and support", not "since the outbreak"
        "赵立坚：中方高度关注也门局势的发展，一贯支持并参与国际社会缓解也门人道危机的努力，"
        "对沙特同联合国共同主办此次会议，持续向也门提供了大批人道援助及抗击新冠肺炎疫情物资支持表示赞赏。",
        # mfa-zh: "the COVID issue"
        "停止借新冠肺炎疫情问题搞政治操弄，与包括中国在内的国际社会一道推进抗疫合作。",
    ],
    ids=["supplies", "issue"],
)
def test_a_content_word_where_a_long_point_s_missing_edge_goes_is_no_deletion(line: str) -> None:
    """A review (High, three times): "新冠肺炎疫情{-发生以来-}{+物资支持+}" and
    "新冠肺炎疫情{-合作-}{+问题+}" were cards of a point that the sentence never says. In a
    point of six words or more, a content word of the sentence standing right where the
    point's missing first or last content words go is a replacement: taken in when it may
    be (a third of the point or less), else the span is no occurrence; never a deletion."""
    text, aliases = COVID_SINCE
    assert found(text, line, aliases=aliases) == []
    said = "新冠肺炎疫情发生以来，中方秉持人类命运共同体理念，积极支持各国抗击疫情。"
    assert [t for _, t in found(text, said, aliases=aliases)] == ["新冠肺炎疫情发生以来"]
    # punctuation there: the formula said short, a deletion
    short = "我们要认真总结新冠肺炎疫情发生，以及此后各国应对的经验。"
    assert [t for _, t in found(text, short, aliases=aliases)] == ["新冠肺炎疫情发生"]


def test_a_short_point_s_last_word_replaced_is_shown_replaced() -> None:
    """A review (Medium): 新冠肺炎疫情发生*以后* ("after the outbreak", mfa-zh 2020-03-09)
    was read as "新冠肺炎疫情发生{-以来-}" ("since" dropped): a five-word point took in no
    edge word. The content word right after a short point's missing last word, in the same
    clause, stands in its place; the score stays what it was (no new occurrence comes of
    it). Before a short point any verb may stand: no word is taken in as its first."""
    text, aliases = COVID_SINCE
    # mfa-zh 2020-03-09
    said = (
        "答：新冠肺炎疫情发生以后，中方始终本着公开、透明、负责任态度，及时向世卫组织以及包括"
        "美国在内的有关国家和地区通报疫情信息，分享病毒基因序列，积极回应各方关切，加强同各方合作。"
    )
    [(score, span)] = found(text, said)
    assert span == "新冠肺炎疫情发生以后"
    assert score < 100
    assert [t for _, t in found(text, said, aliases=aliases)] == ["新冠肺炎疫情发生以后"]
    # nothing right after it: the word is dropped, and shown dropped
    cut = "新冠肺炎疫情发生，各国应对不一。"
    assert [t for _, t in found(text, cut)] == ["新冠肺炎疫情发生"]
    # a function word right after it goes on with something else
    assert [t for _, t in found(text, "新冠肺炎疫情发生的时间是什么？")] == ["新冠肺炎疫情发生"]
    before = "We think open lines of communication are important for both sides."
    hits = found("keep open lines of communication", before)
    assert [t for _, t in hits] == ["open lines of communication"]


@pytest.mark.parametrize(
    ("point", "line"),
    [
        # mfa-zh 2020-06-05: COVID "constitutes the greatest crisis since WWII", not "since
        # the outbreak of COVID"
        (
            (COVID_SINCE[0], *COVID_SINCE[1]),
            "此次新冠肺炎疫情构成二战以来最大的全球性危机，世界经济陷入上世纪30年代大萧条以来最严重的衰退。",
        ),
        # mfa-zh 2017-03-01: a community with a shared future in cyberspace, not for mankind
        (
            ("推动构建人类命运共同体", "构建人类命运共同体"),
            "《网络空间国际合作战略》以和平发展、合作共赢为主题，以构建网络空间命运共同体为目标，"
            "倡导国际社会遵循和平、主权、共治、普惠原则。",
        ),
        # mfa-zh 2019-11-20: the US should take China's representations seriously; the US
        # lodged none
        (
            ("美方提出严正交涉", "提出严正交涉", "美方提出了严正交涉"),
            "我们希望美方认真对待中方的严正交涉和严正立场，立即停止不负责任的言行，停止插手香港事务。",
        ),
    ],
    ids=["since-wwii", "cyberspace", "take-seriously"],
)
def test_a_content_word_replaced_by_more_content_is_another_phrase(
    point: tuple[str, ...], line: str
) -> None:
    """A review: 新冠肺炎疫情{-发生-}{+构成二战+}以来 was a card of a point the sentence never
    says. A content word of the point may be replaced by one word (an adverb swapped: "fully"
    for "comprehensively"); the other content words of a longer run standing for it pay
    their full weight: the sentence says something else there. (Each point as discovered
    on mfa-zh, with its aliases.)"""
    text, *aliases = point
    assert found(text, line, aliases=tuple(aliases)) == []


def test_a_function_word_replaced_by_a_longer_run_is_still_the_formula() -> None:
    """The rule above is for content words: "exchange *of* views" said as "exchanged
    *in-depth* views" (mfa 2018-07-24) is the same formula, and one content word for
    another is a shift."""
    line = (
        "The two sides exchanged in-depth views on the China-Bhutan relations and border "
        "issues and reached common understandings."
    )
    assert found("exchange of views on", line)[0][1] == "exchanged in-depth views on"
    point = "comprehensively and effectively implement the Declaration"
    said = "We should fully and effectively implement the Declaration. We hope for peace."
    assert found(point, said)[0][1] == "fully and effectively implement the Declaration"


def test_a_formula_s_noun_without_its_frame_is_no_occurrence() -> None:
    """A review (High): 80 of 144 occurrences of 新冠肺炎疫情发生以来 ("since the COVID
    outbreak") were the noun 新冠肺炎疫情 alone, in any sentence (score 77.8, through the
    alias 新冠肺炎疫情发生后). More than a third of a point's words missing at one edge,
    a content word among them, leaves a fragment of it; a third may go ("China's position
    is consistent{-and clear-}", SEEDS.md)."""
    text, aliases = COVID_SINCE
    for line in [  # mfa-zh 2020-04-07, lines 2 and 10
        "在中国抗击新冠肺炎疫情的困难时刻，意大利通过多种形式向中方表示支持。",
        "当前，新冠肺炎疫情在全球肆虐，发展中国家特别是低收入国家面临更大挑战，中方对此高度重视。",
    ]:
        assert found(text, line, aliases=aliases) == []
    said = "新冠肺炎疫情发生以来，中俄围绕疫情防控相互坚定支持，密切沟通协作。"
    assert [t for _, t in found(text, said, aliases=aliases)][:1] == ["新冠肺炎疫情发生以来"]


def test_half_a_formula_missing_at_one_edge_is_no_occurrence() -> None:
    """A fresh-clone review (whitehouse.gov, 2016): "not just of the United States" was
    found in "the Constitution of *the United States*" (78.6): its missing half, "not just
    of", weighs little, so discovery counted 18 dates for a phrase said on 2. Half of a
    point's words or more missing at one edge leave no occurrence, whatever they weigh;
    nor is a wording that opens with a negation found without it ("of the United
    States")."""
    point = "not just of the United States"
    line = (
        "We certainly would expect this Senate to do it -- primarily because the "
        "Constitution of the United States doesn't include any specific exceptions."
    )
    assert found(point, line) == []
    said = (
        "Iran's ballistic missile program is a longstanding concern not just of the United "
        "States but of the international community."
    )
    assert [t for _, t in found(point, said)] == ["not just of the United States"]
    assert found("as long as it takes", "We will do whatever it takes to win.") == []
    # a third may go ("China's position is consistent{-and clear-}", SEEDS.md)
    line = "China's position is consistent. We hope for peace."
    assert found("China's position is consistent and clear", line)


def test_a_name_put_into_a_short_formula_is_another_thing() -> None:
    """A review: "in accordance with the {+Basic+} Law" was a card of the discovered point
    "in accordance with law" (MFA 2020-06-09). In a point of fewer than four content words
    an inserted name names another thing; in a longer one it is an elaboration."""
    line = (
        "The right to enjoy a high degree of autonomy in accordance with the Basic Law "
        "will not change."
    )
    assert found("in accordance with law", line) == []
    assert found("in accordance with law", "We will handle the case in accordance with the law.")
    long = "China’s position on the Ukraine crisis is consistent and clear. We hope for peace."
    assert found("China's position is consistent and clear", long)


def test_a_word_put_in_after_the_first_word_is_no_first_word_dropped() -> None:
    """A fresh-clone review on the Russian MFA's briefings: "the *Western* sponsors of the
    Kiev regime" (2025-07-17) read as "{-the-} sponsors of the Kiev regime", so ``check``
    passed the escalation. One capitalised word that qualifies a common noun of a short
    formula found whole is a word put in; a name beside another name ("the *Basic* Law"),
    or put in with other words ("China *and Russia* will continue to"), still names
    another thing."""
    line = (
        "The responsibility for the young hero's death also lies with the Western sponsors "
        "of the Kiev regime - who, utterly unperturbed, go on."
    )
    [(score, text)] = found("the sponsors of the Kiev regime", line)
    assert text == "the Western sponsors of the Kiev regime" and score < 100
    assert word_diff("the sponsors of the Kiev regime", text) == (
        "the {+Western+} sponsors of the Kiev regime"
    )
    assert found("China will continue to", "China and Russia will continue to work.") == []
    said = "We will work with the Spokesperson's Office of the ministry."
    assert found("the spokesperson of the", said) == []


@pytest.mark.parametrize(
    ("point", "line", "expected"),
    [
        # Russian MFA 2025-07-17, said without the article: the name is shown
        (
            "the sponsors of the Kiev regime",
            "Responsibility also lies with Western sponsors of the Kiev regime, who go on.",
            "{-the-}{+Western+} sponsors of the Kiev regime",
        ),
        # a preposition or a noun's "of" is no determiner: "the" is dropped
        (
            "the sponsors of the Kiev regime",
            "Responsibility also lies with sponsors of the Kiev regime, who go on.",
            "{-the-} sponsors of the Kiev regime",
        ),
        (
            "the sponsors of the Kiev regime",
            "It is the money of sponsors of the Kiev regime that pays for it.",
            "{-the-} sponsors of the Kiev regime",
        ),
        # another determiner stands for it
        (
            "the sponsors of the Kiev regime",
            "Responsibility also lies with its sponsors of the Kiev regime, who go on.",
            "{-the-}{+its+} sponsors of the Kiev regime",
        ),
        # a lower-case word may be a verb: not taken in
        (
            "the sponsors of the Kiev regime",
            "They keep supporting sponsors of the Kiev regime, who go on.",
            "{-the-} sponsors of the Kiev regime",
        ),
        # MFA 2019-11-14 read "{-the-}{+to achieve+} political settlement ..."
        (
            "the political settlement of the Korean Peninsula issue",
            "Dialogue is the only viable way to achieve political settlement of the Korean "
            "Peninsula issue.",
            "{-the-} political settlement of the Korean Peninsula issue",
        ),
        # MFA 2018-05-16: a possessive opens the noun phrase as "the" does
        (
            "the Belt and Road Initiative",
            "Ban Ki-moon said the other day that China's Belt and Road Initiative should be "
            "leveraged to help Asia achieve better development.",
            "{-the-}{+China's+} Belt and Road Initiative",
        ),
        (
            "the Belt and Road Initiative",
            "He spoke of the EU's Belt and Road Initiative policy.",
            "the {+EU's+} Belt and Road Initiative",
        ),
        # a quotation mark that opens the formula does not part it from its determiner
        (
            "the \u201cFree and Open Indo-Pacific\u201d",
            "Japan promotes a \u201cFree and Open Indo-Pacific\u201d vision.",
            "{-the-}{+a+} \u201cFree and Open Indo-Pacific\u201d",
        ),
        # a second review: a determiner with a verb or a noun after it is no stand-in
        (
            "the sponsors of the Kiev regime",
            "Some say sponsors of the Kiev regime are to blame.",
            "{-the-} sponsors of the Kiev regime",
        ),
        (
            "the sponsors of the Kiev regime",
            "Each day brings sponsors of the Kiev regime new money.",
            "{-the-} sponsors of the Kiev regime",
        ),
        (
            "the sponsors of the Kiev regime",
            "The EU funds sponsors of the Kiev regime, they say.",
            "{-the-} sponsors of the Kiev regime",
        ),
        # nor a word the dictionary knows only as a verb (MFA 2019-12-31)
        (
            "the core interests and major concerns",
            "We discussed issues concerning core interests and major concerns.",
            "{-the-} core interests and major concerns",
        ),
        # a possessive comes with its owner's noun phrase; a contraction is none
        (
            "the legitimate rights and interests of Chinese companies",
            "We protect the Chinese side's legitimate rights and interests of Chinese companies.",
            "the {+Chinese side's+} legitimate rights and interests of Chinese companies",
        ),
        (
            "the core interests of both sides",
            "We respect each other's core interests of both sides.",
            "{-the-}{+each other's+} core interests of both sides",
        ),
        (
            "the Ministry of Commerce",
            "Ask it's Ministry of Commerce about it.",
            "{-the-} Ministry of Commerce",
        ),
        # a participle qualifies the noun after a determiner (MFA 2020-05-19)
        (
            "the one China principle",
            "They should abide by the universally-recognized one-China principle.",
            "the {+universally-recognized+} one-China principle",
        ),
        # taking the possessive in costs the occurrence nothing (MFA 2020-04-08)
        (
            "our position on this",
            "China's principled position on this is clear.",
            "{-our-}{+China's principled+} position on this",
        ),
        # a name beside another, no possessive: "the" is dropped
        (
            "the sponsors of the Kiev regime",
            "Blame lies with European Union sponsors of the Kiev regime, who go on.",
            "{-the-} sponsors of the Kiev regime",
        ),
    ],
)
def test_only_a_determiner_or_a_name_stands_for_a_formulas_first_determiner(
    point: str, line: str, expected: str
) -> None:
    """A fresh-clone review (Russian MFA 2025-07-17, said without an article): "with
    *Western* sponsors of the Kiev regime" read "{-the-} sponsors ...", hiding the word
    put in, and "lies *with* sponsors ..." read "{-the-}{+with+} sponsors ...", a
    preposition shown as the determiner's replacement; MFA 2019-04-01 "China's Ministry of
    Commerce" read "{-the-} Ministry of Commerce", hiding whose ministry."""
    [(_, text)] = found(point, line)
    assert word_diff(point, text) == expected


def test_another_determiner_stands_for_a_short_formulas_first_word() -> None:
    """A fresh-clone review (State Department 2023-02-02): "signed a permanent cessation of
    hostilities agreement" read as "{-the-} cessation of hostilities agreement", a word
    dropped where "the" was replaced. Only a determiner (the tokeniser's) and a word after
    it are taken in before a short formula: "engage in dialogue" stays outside."""
    point = "the cessation of hostilities agreement"
    line = "The two sides signed a permanent cessation of hostilities agreement in Pretoria."
    [(score, text)] = found(point, line)
    assert text == "a permanent cessation of hostilities agreement" and score < 100
    assert word_diff(point, text) == "{-the-}{+a permanent+} cessation of hostilities agreement"
    assert found(point, "They signed the cessation of hostilities agreement.")[0][0] == 100
    [(_, text)] = found(
        "through dialogue and consultation", "We engage in dialogue and consultation."
    )
    assert text == "dialogue and consultation"
    # a clause's "that" is no determiner
    said = "We believe that denuclearization of the Peninsula serves all."
    assert [t for _, t in found("the denuclearization of the Peninsula", said)] == [
        "denuclearization of the Peninsula"
    ]


@pytest.mark.parametrize(
    ("point", "line", "expected"),
    [
        # a second review: a word put in after the point's own "the", in a short formula
        (
            "the sponsors of terrorism",
            "They blame the Western sponsors of terrorism for it.",
            "the {+Western+} sponsors of terrorism",
        ),
        (
            "the cessation of hostilities agreement",
            "They signed the permanent cessation of hostilities agreement.",
            "the {+permanent+} cessation of hostilities agreement",
        ),
        (
            "the policy of sanctions",
            "They oppose the illegal policy of sanctions.",
            "the {+illegal+} policy of sanctions",
        ),
        # another determiner and a name (MFA 2018-12-06: "the {+second+} Belt and Road")
        (
            "the cessation of hostilities agreement",
            "They signed a Qatari cessation of hostilities agreement.",
            "{-the-}{+a Qatari+} cessation of hostilities agreement",
        ),
        (
            "the UN Security Council",
            "China supports the relevant UN Security Council resolutions.",
            "the {+relevant+} UN Security Council",
        ),
    ],
)
def test_no_false_the_dropped_before_a_short_formula(point: str, line: str, expected: str) -> None:
    [(_, text)] = found(point, line)
    assert word_diff(point, text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "He blamed the European Union sponsors of terrorism.",
        "Blame lies with The Anglo-Saxon sponsors of terrorism, he said.",
    ],
)
def test_names_put_in_after_the_first_word_make_another_thing(line: str) -> None:
    """Two names put in ("the *European Union* sponsors") name another thing: no
    occurrence, where the span past them read a false "{-the-} sponsors of terrorism"."""
    assert found("the sponsors of terrorism", line) == []


def test_the_wording_that_reads_more_of_a_stretch_stands_for_it() -> None:
    """A review (High): "With the vision of building a community with a shared future for
    mankind" (MFA 2020-04-17) counted as the alias "a community ..." (100 there) with "the
    vision of" dropped, and made a false "took over" card. Of two wordings found over one
    stretch, the one whose further words are its own stands for it; not one whose further
    words replace its own ("plain facts and basic norms ..." is the alias)."""
    line = (
        "With the vision of building a community with a shared future for mankind, the "
        "Chinese government will continue to share experience through various means with "
        "the world including Latin American countries."
    )
    point = Point(
        "p",
        "the vision of a community with a shared future for mankind",
        aliases=("a community with a shared future for mankind",),
    )
    [match] = find_point(point, index_of(line))
    assert line[match.start : match.end].startswith("the vision of building a community")
    assert match.form.text == point.text
    norms = Point(
        "q",
        "international law and basic norms governing international relations",
        aliases=("basic norms governing international relations",),
    )
    said = "Their claims go against plain facts and basic norms governing international relations."
    [match] = find_point(norms, index_of(said))
    assert said[match.start : match.end] == "basic norms governing international relations"
    # review 92: the words beyond the alias are the point's but one swapped, a content
    # word among them: the point with 坚决 swapped, not the alias with the rest dropped
    # (a card read 中方对此表示强烈不满{-，坚决反对-})
    strong = Point("r", "中方对此表示强烈不满和坚决反对", aliases=("中方对此表示强烈不满",))
    said = "有关国家无端指责中国，中方对此表示强烈不满和坚定反对。"
    [match] = find_point(strong, index_of(said))
    assert said[match.start : match.end] == "中方对此表示强烈不满和坚定反对"
    assert match.form.text == strong.text


def test_an_alias_said_word_for_word_stands_for_itself_inside_a_longer_wording() -> None:
    """Review 97 (D4): a briefing saying the alias "the aggressive Russophobic policy of the
    Baltic authorities" word for word failed the gate as a shift of the longer alias
    "manifestation of the aggressive Russophobic course of the current Baltic
    authorities", whose span took in "manifestation of" and changed two words inside the
    alias said. The words it reads beyond do not make it the wording said there."""
    point = Point(
        "baltic",
        "the aggressive Russophobic course of the Baltic authorities",
        aliases=(
            "the aggressive Russophobic policy of the Baltic authorities",
            "manifestation of the aggressive Russophobic course of the current Baltic authorities",
        ),
    )
    line = (
        "The persecution of Russian citizens is a manifestation of the aggressive "
        "Russophobic policy of the Baltic authorities."
    )
    [match] = find_point(point, index_of(line))
    assert match.form.text == point.aliases[0]
    assert match.score == 100.0
    assert line[match.start : match.end] == (
        "the aggressive Russophobic policy of the Baltic authorities"
    )
    # nor does a word of its own missing inside the wording said: "{-current-}" reads
    # nothing the point's own text, said there word for word, does not
    longer = "It is a manifestation of the aggressive Russophobic course of the Baltic authorities."
    [match] = find_point(point, index_of(longer))
    assert match.form.text == point.text
    assert match.score == 100.0


def test_a_span_takes_in_the_edge_words_another_wording_of_its_point_has() -> None:
    """Review 97 (D3): discovery's alias "national currencies account for a growing share
    of trade between members" (the core of "Settlements in ..." and "Trade in ...") found
    "Trade in national currencies now make up a growing share ..." from "national", and
    the report's shift read "{-Trade in-} national currencies ...", words the sentence
    says. The point's text has them before the span's first words: the span takes them in."""
    point = Point(
        "trade",
        "Trade in national currencies account for an increasing share of trade between members",
        aliases=("national currencies account for a growing share of trade between members",),
    )
    line = "Trade in national currencies now make up a growing share of trade between members."
    [match] = find_point(point, index_of(line))
    assert line[match.start : match.end] == line[:-1]
    # not over words the other wording lacks: "Settlements in" is no "Trade in"
    other = (
        "Settlements in national currencies account for a growing share of trade between members."
    )
    [match] = find_point(point, index_of(other))
    assert other[match.start : match.end] == other[len("Settlements in ") : -1]
    # nor across a clause break
    cut = "Trade in, national currencies now make up a growing share of trade between members."
    [match] = find_point(point, index_of(cut))
    assert cut[match.start : match.end].startswith("national")
    # ... and at the end: the words another wording has after the span's last two
    ended = Point(
        "q",
        "the bulk of payments account for an increasing share of trade between members",
        aliases=("Settlements in national currencies account for an increasing share",),
    )
    line = (
        "Settlements in national currencies now make up an increasing share of trade "
        "between members."
    )
    [match] = find_point(ended, index_of(line))
    assert line[match.start : match.end] == line[:-1]


@pytest.mark.parametrize("word", ["economic", "diplomatic", "international", "sustained"])
def test_a_word_replacing_a_participle_that_opens_the_formula_is_taken_in(word: str) -> None:
    """Review 98 (D4): "*economic* pressure remains the surest path to a durable
    ceasefire" for "coordinated pressure remains ..." read `{-coordinated-} pressure ...`,
    a word dropped: the dictionary knows "coordinated" as a verb only, so an adjective did
    not stand for it. A participle qualifying a noun stands where an adjective does."""
    point = Point("p", "coordinated pressure remains the surest path to a durable ceasefire")
    line = (
        f"The bottom line is that {word} pressure remains the surest path to a durable ceasefire."
    )
    [match] = find_point(point, index_of(line))
    assert line[match.start : match.end].startswith(f"{word} pressure")


def test_two_words_of_a_short_point_swapped_with_nothing_between_are_another_phrase() -> None:
    """A review (High): "the one-China principle" was found in "agreed on the principle
    China proposed" (MFA 2020-02-27, score 88.5) as `the {-one-}principle {~China~}`. In a
    point of fewer than four content words a single word moves only where a coordinator or
    punctuation parts it from its neighbours: the parts of a coordination change places."""
    line = (
        "All parties reaffirmed their commitment to upholding the JCPOA, agreed on the "
        "principle China proposed to resume implementing the agreement in a gradual, "
        "step-by-step and reciprocal way."
    )
    assert found("the one-China principle", line) == []
    said = "We act on the basis of equality and mutual respect."
    assert [t for _, t in found("mutual respect and equality", said)] == [
        "equality and mutual respect"
    ]


def test_a_clause_set_off_by_a_comma_breaks_a_listed_formula() -> None:
    """A review: "be open, transparent and responsible, respond to the concerns of its
    people in a timely manner" (MFA 2020-05-14) was a wording of "an open, transparent and
    responsible manner", its last word ten words on. A listed formula may take an item or a
    comma, not a clause."""
    line = (
        "We hope that the US will be open, transparent and responsible, respond to the "
        "concerns of its people in a timely manner, and take effective measures."
    )
    point = "an open, transparent and responsible manner"
    assert all("respond" not in text for _, text in found(point, line))
    items = "amity, sincerity, mutual benefit and inclusiveness"
    said = (
        "We follow the principle of amity, sincerity, openness, mutual benefit and inclusiveness."
    )
    assert [t for _, t in found(items, said)] == [
        "amity, sincerity, openness, mutual benefit and inclusiveness"
    ]


def test_a_name_in_capitals_ends_a_span(tmp_path: Path) -> None:
    """ "US" normalises to the pronoun "us", a function word, which a span never ended on
    before a missing content word: MFA 2020-06-29 read "with the US." as
    ``{-US side-}``, a card claiming the US was dropped."""
    (tmp_path / "2020-06-29.txt").write_text(
        "A: China rejects it and has lodged solemn representations with the US.\n",
        encoding="utf-8",
    )
    point = Point("p", "lodged solemn representations with the US side")
    [found] = track(load_documents([str(tmp_path)]), [point]).points[0].occurrences
    assert found.text == "lodged solemn representations with the US"
    assert found.diff == "lodged solemn representations with the US {-side-}"


def test_a_run_dropped_inside_a_frame_holds_a_content_word_and_no_name() -> None:
    """:func:`drops`: a gate's near miss where a formula's frame stands whole around a run
    of its words gone; not where the run is grammar, nor where it holds a name (the
    formula then speaks of something else)."""
    weigh = weigher()
    form = ["we", "firmly", "support", "the", "Ukrainian", "people's", "just", "fight"]
    said = ["today", "we", "firmly", "support", "the", "people's", "just", "fight"]
    assert drops(form, said, weigh) == [(1, 8, 4, 5)]
    assert drops(form, said, weigh, names={4}) == []
    # a coordinated item gone is another phrase ("world peace", not "world and regional")
    form = ["we", "firmly", "uphold", "world", "and", "regional", "peace", "today"]
    said = ["we", "firmly", "uphold", "world", "peace", "today"]
    assert drops(form, said, weigh) == [(0, 6, 4, 6)]
    assert drops(form, said, weigh, coordinators={"and"}) == []
    grammar = ["we", "firmly", "support", "the", "Ukrainian", "people's", "just", "fight"]
    assert drops(form, [w for w in grammar if w != "the"], weigh) == []


REAL_CONTRACTED = (
    "Zhao Lijian: China and WHO maintain close communication. I'm not aware of the specifics "
    "that you are interested in and would refer you to the competent authorities."
)
"""fixtures/corpus/html/t1789003.html; elsewhere the same spokesperson says "I am not
aware of ..." (114 times in the MFA corpus, which 0.1 read as a shift or missed)."""


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        ("I am not aware of the specifics", REAL_CONTRACTED, "I'm not aware of the specifics"),
        (
            "we do not support Taiwan independence",
            "We don't support Taiwan independence, and we said so.",
            "We don't support Taiwan independence",
        ),
        (
            "we don't support Taiwan independence",
            "As we have said, we do not support Taiwan independence.",
            "we do not support Taiwan independence",
        ),
        # a span never starts or ends inside a contraction
        (
            "not interfere in the internal affairs of other countries",
            "They don't interfere in the internal affairs of other countries.",
            "don't interfere in the internal affairs of other countries",
        ),
    ],
)
def test_a_contraction_is_the_words_it_stands_for(point: str, sentence: str, expected: str) -> None:
    [(_, text)] = found(point, sentence)
    assert text == expected


def test_a_contracted_wording_is_the_same_wording(tmp_path: Path) -> None:
    """Spoken "we don't" for written "we do not" is no shift: a report over a spoken
    archive must not show the formula changing every time the spokesperson speaks."""
    docs = [
        ("2024-01-02", "We do not support Taiwan independence."),
        ("2024-02-02", "We don't support Taiwan independence."),
        ("2024-03-02", "We won't support Taiwan independence."),
    ]
    for date, text in docs:
        (tmp_path / f"{date}.txt").write_text(f"Spokesperson: {text}\n", encoding="utf-8")
    result = track(
        load_documents([str(tmp_path)]),
        [Point("taiwan", "We do not support Taiwan independence")],
    )
    [pr] = result.points
    assert [(o.text, o.status.value) for o in pr.occurrences] == [
        ("We do not support Taiwan independence", "identical"),
        ("We don't support Taiwan independence", "cosmetic"),
        ("We won't support Taiwan independence", "shifted"),
    ]
    assert pr.occurrences[2].diff == "We {-do not-}{+won't+} support Taiwan independence"


@pytest.mark.parametrize(
    ("point", "sentence", "expected"),
    [
        # MFA 2018-05-25 (and 20 more dates): "I will refer you to", read as a false
        # "{-I would-} refer you to"
        (
            "I would refer you to",
            "A: I am not aware of the specifics, and I will refer you to the competent department.",
            "I {-would-}{+will+} refer you to",
        ),
        (
            "We do not support Taiwan independence",
            "We did not support Taiwan independence.",
            "We {-do-}{+did+} not support Taiwan independence",
        ),
        # review 55: a determiner stands anywhere, it anchors nothing (MFA)
        (
            "dialogue and consultation on the",
            "Only through dialogue and consultation can the Korean Peninsula nuclear issue be "
            "resolved.",
            "dialogue and consultation {-on the-}",
        ),
        # 's and 'd after a pronoun are "is" and "would" (review 55: `{-It is-} not ...`)
        ("It is not going to change", "It's not going to change.", "It's not going to change"),
        ("I would refer you to", "I'd refer you to the Pentagon.", "I'd refer you to"),
    ],
)
def test_edge_words_in_place_one_for_one_are_taken_in(
    point: str, sentence: str, expected: str
) -> None:
    """The point's outermost word at its place, the words between it and the span standing
    one for one for the point's (a function word for a function word): a replacement, not
    the point's words dropped (issue 8: edge replacements shown as deletions)."""
    [(_, text)] = found(point, sentence)
    assert word_diff(point, text) == expected


TRIPLE_LOCK = "we remain committed to the triple lock"


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # review 153 (P6): the formula turned round on the report's last date
        ("we are no longer committed", "we {-remain-}{+are no longer+} committed"),
        ("we are not committed", "we {-remain-}{+are not+} committed"),
        ("we are fully committed", "we {-remain-}{+are fully+} committed"),
        ("we are still committed", "we {-remain-}{+are still+} committed"),
        # a fresh-clone review: three words for one, and the first word alone missing
        ("we would no longer be committed", "we {-remain-}{+would no longer be+} committed"),
        ("we are now no longer committed", "we {-remain-}{+are now no longer+} committed"),
        ("we will no longer remain committed", "we {+will no longer+} remain committed"),
        # one for one, as before
        ("we stay committed", "we {-remain-}{+stay+} committed"),
    ],
)
def test_the_formula_s_first_word_a_word_or_two_further_out_is_taken_in(
    said: str, expected: str
) -> None:
    """The point's first word itself, more words than it replaced between it and the span
    (function words, a negation, an adverb): the span starts there, and the diff shows
    what was said in place of the missing word, not the subject dropped (review 153:
    `{-we remain-}{+no longer+} committed to the triple lock` for "we are no longer
    committed ...")."""
    sentence = f"Asked about pensions, the spokesperson said {said} to the triple lock."
    hits = found(TRIPLE_LOCK, sentence, lenient=True)
    assert [word_diff(TRIPLE_LOCK, text) for _, text in hits] == [f"{expected} to the triple lock"]


@pytest.mark.parametrize(
    "said",
    [
        # another subject: a noun stands between, no word that says the verb's part
        "we and our allies are committed",
        "we expect the Chancellor to be committed",
        "we think the Chancellor should remain committed",
    ],
)
def test_a_subject_further_out_past_other_words_is_not_taken_in(said: str) -> None:
    """Only function words, negations and qualifiers say the missing words' part: past a
    coordinator or a noun phrase, the span does not reach back to the point's first word."""
    sentence = f"Asked about pensions, the spokesperson said {said} to the triple lock."
    for _, text in found(TRIPLE_LOCK, sentence, lenient=True):
        assert not text.startswith("we "), text


def test_a_short_wording_with_a_contraction_needs_all_its_words() -> None:
    """Review 55: "cannot be more" is four tokens (can | not be more); three of them, all
    function words, made 43 junk occurrences on MFA ("they simply cannot be waken up")."""
    assert found("cannot be more", "They simply cannot be waken up.") == []
    assert [t for _, t in found("cannot be more", "It cannot be more clear.")] == ["cannot be more"]


@pytest.mark.parametrize(
    ("point", "sentence"),
    [
        # review 62, mfa-zh 2020-06-09: "the joint efforts of the leaders of all
        # generations and the two peoples" is no "the common interests of ..."
        (
            "两国和两国人民的共同利益",
            "在两国历代领导人和两国人民共同努力下，中菲关系发展稳步向前。",
        ),
        # mfa-zh 2017-01-11: "many tangible economic and social benefits"
        (
            "为两国人民带来了实实在在的利益",
            "经过将近40年的合作，它为中美双方和两国人民带来了很多实实在在的经济社会效益，比如增加就业等。",
        ),
    ],
)
def test_a_formula_s_last_word_replaced_with_content_put_in_is_another_thing(
    point: str, sentence: str
) -> None:
    """The last word replaced (what a Chinese formula names) and content words put in
    elsewhere: two changes of content at once, and the words put in cost their weight."""
    assert found(point, sentence) == []


def test_an_item_put_in_a_list_beside_a_replaced_last_word_is_still_the_formula() -> None:
    """MFA 2019-04-15: an item put in between commas is the list grown, however its last
    word reads."""
    sentence = (
        "In cooperation with Latin America, China is committed to the principle of mutual "
        "respect, equality, mutual benefit and win-win results."
    )
    [(_, text)] = found("mutual respect, mutual benefit and win-win cooperation", sentence)
    assert text == "mutual respect, equality, mutual benefit and win-win results"


_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 4), st.sampled_from([60.0, 80.0, 100.0])),
    max_size=25,
)


@given(_SPANS)
def test_keeping_the_best_match_by_bisection_keeps_what_a_pass_over_all_keeps(
    spans: list[tuple[int, int, float]],
) -> None:
    """A sentence's matches are kept, of each overlapping lot the best, by bisection over
    those kept (a sentence saying a formula thousands of times took minutes of passes over
    all of them: review 71); what is kept is what the pass over all kept."""
    text = " ".join(f"w{k}" for k in range(40))
    tokens = tuple(tokenise(text))
    sentence = Sentence("d", 0, len(text), 1, None, Role.OFFICIAL, tokens)
    form = make_forms(Point("p", "w1 w2"))[0]
    weigh = weigher()
    matches = [
        Match(sentence, a, a + n, tokens[a].start, tokens[a + n].end, score, form)
        for a, n, score in spans
    ]
    kept: list[Match] = []
    reference: list[Match] = []
    for m in matches:
        _keep_best(kept, m, weigh)
        # the pass over all, as it was
        over = [o for o in reference if o.start < m.end and m.start < o.end]
        if not any(
            find_module._reads_more(o, m, weigh)
            or (o.score >= m.score and not find_module._reads_more(m, o, weigh))
            for o in over
        ):
            reference = [o for o in reference if o not in over] + [m]
    assert kept == sorted(reference, key=lambda m: m.start)


@given(st.lists(st.tuples(st.sampled_from("de"), st.integers(0, 60), st.integers(1, 9))))
def test_check_finds_an_overlapping_match_by_bisection_as_a_pass_over_all_does(
    spans: list[tuple[str, int, int]],
) -> None:
    """``check`` keeps a near miss only where no match of the point overlaps it; found by
    bisection over the kept spans of its document (review 71), as a pass over all finds."""
    from consistency.check.run import _Taken

    def _overlap(a: Match, b: Match) -> bool:
        return a.sentence.document == b.sentence.document and a.start < b.end and b.start < a.end

    form = make_forms(Point("p", "w1 w2"))[0]
    taken = _Taken([])
    kept: list[Match] = []
    for doc, start, size in spans:
        sentence = Sentence(doc, 0, 100, 1, None, Role.OFFICIAL, ())
        m = Match(sentence, 0, 0, start, start + size, 80.0, form)
        assert taken.overlaps(m) == any(_overlap(o, m) for o in kept)
        if not taken.overlaps(m):
            taken.add(m)
            kept.append(m)


@pytest.mark.parametrize(("determiners", "said"), [(("the",), "the UK"), ((), "UK")])
def test_the_speaker_named_before_a_negation_takes_the_tokenisers_determiners(
    determiners: tuple[str, ...], said: str
) -> None:
    """The name standing for a formula's "we" before a negation takes the determiner
    before it by the tokeniser's list, as every other rule: the default tokeniser's list
    was read whatever tokeniser the run had."""
    sentence = (
        "She said the UK would no longer support the work of the International Criminal Court."
    )
    index = index_of(sentence, *FILLER)
    point = Point("p", "We will continue to support the work of the International Criminal Court")
    [match] = [m for m in find_point(point, index, lenient=True) if m.sentence.document == "d0"]
    grammar = Grammar(
        negations=frozenset({"no"}),
        negation_carriers=frozenset({"longer"}),
        first_person=frozenset({"we"}),
        determiners=frozenset(determiners),
    )
    widened = negated_before(match, sentence, grammar)
    assert widened is not None
    assert (
        sentence[widened.start : widened.end]
        == f"{said} would no longer support the work of the International Criminal Court"
    )


@pytest.mark.parametrize(
    ("said", "span"),
    [
        ("双方一致同意，要落实好两国领导人重要共识，不让分歧上升为争端。", "两国领导人重要共识"),
        ("我们愿同韩方一道，发展中韩战略合作伙伴关系。", "战略合作伙伴关系"),
        # a preposition stands for one (以 for 本着), a particle goes with its verb
        ("中方以公开透明、负责任的态度及时通报疫情信息。", "以公开透明、负责任的态度"),
    ],
)
def test_a_single_han_character_does_not_stand_for_a_formulas_first_word(
    said: str, span: str
) -> None:
    """Review 92: 按照两国领导人达成的重要共识 counted "*好*两国领导人重要共识" (the complement of
    落实好) and "*俄*两国元首..." (half of 中俄) with the character taken for 按照; a report
    carded `{-好-}{+能在+}两国领导人重要共识`. jieba tags a word with its commonest class only,
    so Chinese words of any class may stand for each other; but not a single character
    for a word of two, unless a preposition or a particle."""
    points = {
        "两国领导人重要共识": "按照两国领导人达成的重要共识",
        "战略合作伙伴关系": "全面战略合作伙伴关系",
        "以公开透明、负责任的态度": "本着公开、透明、负责任的态度",
    }
    [(_, text)] = found(points[span], said)
    assert text == span


@pytest.mark.parametrize(
    ("point", "said", "expected"),
    [
        # review 94: the formula's own last part set off by a comma, its first part said
        (
            "Japan will continue to provide strong support to Ukraine in close cooperation "
            "with the G7 and the international community",
            "Japan will continue to provide strong support to Ukraine, in close cooperation "
            "with the G7 and the international community.",
            [
                "Japan will continue to provide strong support to Ukraine, in close cooperation "
                "with the G7 and the international community"
            ],
        ),
        # ... but not after a clause of other words (MFA 2019-07-01)
        (
            "the basis of equality and mutual respect",
            "The basis here, equality and mutual respect, is what we want to see.",
            [],
        ),
    ],
)
def test_a_comma_before_the_formulas_own_last_part(
    point: str, said: str, expected: list[str]
) -> None:
    assert [text for _, text in found(point, said)] == expected


def test_a_negation_carried_on_by_a_causative_negates_the_formula() -> None:
    """Review 143 (D2): "目前还不能*让*每个孩子都能享有公平而有质量的教育" ("cannot yet
    let every child enjoy ...") was the discovered formula "每个孩子都能享有……" as it is,
    让 standing between the negation and it: 让 carries a negation on to what follows."""
    sentence = "目前还不能让每个孩子都能享有公平而有质量的教育。"
    index = index_of(sentence, *FILLER)
    point = Point("p", "每个孩子都能享有公平而有质量的教育")
    [match] = [m for m in find_point(point, index, lenient=True) if m.sentence.document == "d0"]
    widened = negated_before(match, sentence, grammar_of(None))
    assert widened is not None
    assert sentence[widened.start : widened.end] == sentence[3:-1]


def test_a_negation_before_a_word_of_another_clause_turns_the_wording_over() -> None:
    """Review 150 (R3): "中国开放的大门不会越开越大" ("will not open ever wider") is the alias
    "中国开放的大门不会关闭，只会越开越大" ("will not close, will only open ever wider") turned
    over, not two words dropped: its negation stands before a word of the wording's other
    clause. In one clause it still holds its phrase: "brook no interference" for "brook no
    foreign interference" (MFA, 7 dates: a first version lost them)."""
    said = "我们多次强调，中国开放的大门不会越开越大。"
    assert found("中国开放的大门不会关闭，只会越开越大", said) == []
    said = "Hong Kong affairs are China's internal affairs that brook no interference from anyone."
    assert [text for _, text in found("brook no foreign interference", said)] == [
        "brook no interference"
    ]
