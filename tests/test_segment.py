"""Sentence splitting and turn selection, on the seed briefings and hand-made cases."""

from __future__ import annotations

import datetime as dt
import doctest
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import consistency.segment
from consistency.ingest import load_documents
from consistency.match import PackedSentences
from consistency.models import DateSource, Document, Role, Sentence, Token, Turn
from consistency.normalise import normalise, one_word
from consistency.segment import (
    SentenceRow,
    document_sentences,
    select_turns,
    sentence_rows,
    split_sentences,
)
from consistency.track import build_index

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
GOLDEN = json.loads((ROOT / "fixtures" / "golden" / "sentences.json").read_text("utf-8"))
BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "case",
    GOLDEN["cases"],
    ids=[f"{Path(c['source']).stem}-{i}" for i, c in enumerate(GOLDEN["cases"])],
)
def test_golden_seed_paragraphs(case: dict[str, Any]) -> None:
    source = (ROOT / case["source"]).read_text("utf-8")
    assert case["paragraph"] in source.split("\n")
    assert sentences(case["paragraph"]) == case["sentences"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles never end a sentence
        ("Mr. Guo said so. Ms. Hua agreed.", ["Mr. Guo said so.", "Ms. Hua agreed."]),
        ("Dr. Tedros praised China. He said so.", ["Dr. Tedros praised China.", "He said so."]),
        # a title in capitals, as US transcripts label their speakers (a review)
        (
            "MR. PRICE: We support it. MS. PSAKI: Yes.",
            ["MR. PRICE: We support it.", "MS. PSAKI: Yes."],
        ),
        ("We met Prof. Huang yesterday.", ["We met Prof. Huang yesterday."]),
        # dotted abbreviations end one only before a sentence opener
        ("The U.S. side should stop. We urge it.", ["The U.S. side should stop.", "We urge it."]),
        ("The U.S. President spoke.", ["The U.S. President spoke."]),
        # a dotted abbreviation closing a compound (review 107: every "the Japan-U.S.
        # Alliance remains ..." was cut, and read shifted `{-the Japan-U.S.-}`)
        (
            "We reaffirmed that the Japan-U.S. Alliance remains the linchpin.",
            ["We reaffirmed that the Japan-U.S. Alliance remains the linchpin."],
        ),
        (
            "We spoke of the Japan-U.S. We then left.",
            ["We spoke of the Japan-U.S.", "We then left."],
        ),
        ("It is up to the U.S. The ball is there.", ["It is up to the U.S.", "The ball is there."]),
        (
            "He was in Washington D.C. On Monday he left.",
            ["He was in Washington D.C.", "On Monday he left."],
        ),
        ("The talks start at 3 p.m. Beijing time.", ["The talks start at 3 p.m. Beijing time."]),
        ("They sell fruit, e.g. Apples and pears.", ["They sell fruit, e.g. Apples and pears."]),
        # numbers
        (
            "Resolution No. 2231 ended. No. We disagree.",
            ["Resolution No. 2231 ended.", "No.", "We disagree."],
        ),
        ("It took effect on Jan. 1 this year.", ["It took effect on Jan. 1 this year."]),
        ("It met Suzuki Jun. Then it left.", ["It met Suzuki Jun.", "Then it left."]),
        (
            "Trade hit RMB 5.57 trillion. It rose 9.6 percent.",
            ["Trade hit RMB 5.57 trillion.", "It rose 9.6 percent."],
        ),
        (
            "It reached US$ 1 trillion in 2024. 50% was goods.",
            ["It reached US$ 1 trillion in 2024.", "50% was goods."],
        ),
        (
            "1. China supports ASEAN. 2. It opposes hegemony.",
            ["1. China supports ASEAN.", "2. It opposes hegemony."],
        ),
        ("II. Vice President Wang came.", ["II. Vice President Wang came."]),
        # quotations
        (
            '"Good news will soon come," Liang said. He smiled.',
            ['"Good news will soon come," Liang said.', "He smiled."],
        ),
        (
            '"We will never accept it." he said. "Nor will we."',
            ['"We will never accept it." he said.', '"Nor will we."'],
        ),
        (
            "“Markets abound in China. We hope to share,” Liang said.",
            ["“Markets abound in China.", "We hope to share,” Liang said."],
        ),
        ("He called it “win-win.” China agrees.", ["He called it “win-win.”", "China agrees."]),
        # parenthesised acronyms
        (
            "They signed it (DOC). They will adopt a code (COC) soon.",
            ["They signed it (DOC).", "They will adopt a code (COC) soon."],
        ),
        (
            "The Association of Southeast Asian Nations (ASEAN) Kao Kim Hourn came.",
            ["The Association of Southeast Asian Nations (ASEAN) Kao Kim Hourn came."],
        ),
        ("Holding Co., Ltd. (BAIC) will invest.", ["Holding Co., Ltd. (BAIC) will invest."]),
        (
            "Pens, paper, etc. (The list is long.) We buy them.",
            ["Pens, paper, etc.", "(The list is long.)", "We buy them."],
        ),
        # ellipses, ? and !
        ("We waited... and waited. Then it came.", ["We waited... and waited.", "Then it came."]),
        ("The figure was high… The next was low.", ["The figure was high…", "The next was low."]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ('He asked "why?" and left.', ['He asked "why?" and left.']),
        # initials, and names that look like titles
        (
            "George W. Bush visited. Mike R. Pompeo spoke.",
            ["George W. Bush visited.", "Mike R. Pompeo spoke."],
        ),
        ("He met Hun Sen. In 2019 he came.", ["He met Hun Sen.", "In 2019 he came."]),
        ("He went to St. Petersburg.", ["He went to St. Petersburg."]),
        # a missing space after a full stop
        (
            "It fought theft.The Chinese side calls on it.",
            ["It fought theft.", "The Chinese side calls on it."],
        ),
        ("Folha de S.Paulo asked.", ["Folha de S.Paulo asked."]),
        # every line break is a boundary; white space is trimmed
        ("Q: Any comment\nA: No comment. Thanks", ["Q: Any comment", "A: No comment.", "Thanks"]),
        ("first line\r\n\n  second line  \u2028third", ["first line", "second line", "third"]),
        ("  \n \t ", []),
        ("", []),
        # Chinese stops need no space
        (
            "中国和东盟是近邻。双方关系很好\uff01对吗\uff1f",
            ["中国和东盟是近邻。", "双方关系很好\uff01", "对吗\uff1f"],
        ),
        # the Devanagari danda and the Arabic question mark end a sentence
        (
            "भारत सरकार की नीति स्पष्ट है। हम शांति चाहते हैं। क्या यह सही है?",
            ["भारत सरकार की नीति स्पष्ट है।", "हम शांति चाहते हैं।", "क्या यह सही है?"],
        ),
        ("هل هذا صحيح؟ نعم.", ["هل هذا صحيح؟", "نعم."]),
    ],
)
def test_tricky_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "hard", "wrapped"),
    [
        (
            "build it into a sea of\npeace, friendship and cooperation. We will.",
            ["build it into a sea of", "peace, friendship and cooperation.", "We will."],
            ["build it into a sea of\npeace, friendship and cooperation.", "We will."],
        ),
        (
            "between China and \r\nASEAN countries.",
            ["between China and", "ASEAN countries."],
            ["between China and \r\nASEAN countries."],
        ),
        (
            "It ends here.\nNext line",
            ["It ends here.", "Next line"],
            ["It ends here.", "Next line"],
        ),
        ("He said “yes.”\nThen", ["He said “yes.”", "Then"], ["He said “yes.”", "Then"]),
        ("two points:\nFirst, we", ["two points:", "First, we"], ["two points:", "First, we"]),
        ("A heading\n\nThe body.", ["A heading", "The body."], ["A heading", "The body."]),
        ("A heading\n \t\nThe body.", ["A heading", "The body."], ["A heading", "The body."]),
        ("ends with a break\n", ["ends with a break"], ["ends with a break"]),
    ],
)
def test_hard_wraps(text: str, hard: list[str], wrapped: list[str]) -> None:
    assert sentences(text) == hard
    assert [text[a:b] for a, b in split_sentences(text, wrapped=True)] == wrapped


@pytest.mark.parametrize(
    ("text", "wrapped"),
    [
        # a heading over its paragraph (review 101: UN noon briefings without labels)
        (
            "Honour Roll\nWe thank our friends in Bhutan for paying their regular budget dues.",
            ["Honour Roll", "We thank our friends in Bhutan for paying their regular budget dues."],
        ),
        (
            "Sudan\nA convoy of 7 trucks reached El Fasher on Monday.",
            ["Sudan", "A convoy of 7 trucks reached El Fasher on Monday."],
        ),
        (
            "Guest Tomorrow\n“Tomorrow, my guest will be the Executive Director of WFP.”",
            ["Guest Tomorrow", "“Tomorrow, my guest will be the Executive Director of WFP.”"],
        ),
        (
            "苏丹\n一支由七辆卡车组成的车队周一抵达法希尔。",
            ["苏丹", "一支由七辆卡车组成的车队周一抵达法希尔。"],
        ),
        (
            "（记者笑）\n我告诉你，中朝是山水相连的近邻。",
            ["（记者笑）", "我告诉你，中朝是山水相连的近邻。"],
        ),
        # hard-wrapped lines, as long as the widest, stay joined, before a name too
        (
            "On Monday the Foreign Minister travelled to Beijing, where he met with\n"
            "President Xi Jinping and Premier Li Qiang to discuss trade and the\n"
            "climate.",
            [
                "On Monday the Foreign Minister travelled to Beijing, where he met with\n"
                "President Xi Jinping and Premier Li Qiang to discuss trade and the\n"
                "climate."
            ],
        ),
        (
            "President Xi Jinping and Prime Minister\nAnthony Albanese held talks.",
            ["President Xi Jinping and Prime Minister\nAnthony Albanese held talks."],
        ),
        (
            "中方愿同各方一道推动构建\n人类命运共同体。",
            ["中方愿同各方一道推动构建\n人类命运共同体。"],
        ),
        # a short line ending in a function word goes on
        (
            "The minister met with\nPresident Xi Jinping in Beijing and discussed trade.",
            ["The minister met with\nPresident Xi Jinping in Beijing and discussed trade."],
        ),
        (
            "我们将继续同\n东盟各国一道努力，维护南海的和平与稳定，推动地区合作。",
            ["我们将继续同\n东盟各国一道努力，维护南海的和平与稳定，推动地区合作。"],
        ),
    ],
)
def test_a_heading_line_is_no_hard_wrap(text: str, wrapped: list[str]) -> None:
    """Review 101: a short line over a longer one that opens with a capital (or Han) heads
    it; a line a wrapper broke is about as long as the widest line of its paragraph."""
    assert [text[a:b] for a, b in split_sentences(text, wrapped=True)] == wrapped


def test_a_heading_in_a_briefing_without_labels_is_its_own_sentence(tmp_path: Path) -> None:
    """Review 101 (D5): ``document_sentences`` gave "Honour Roll\\nWe thank our friends ...";
    the heading was the first words of the paragraph's sentence."""
    path = tmp_path / "2025-01-01.txt"
    path.write_text(
        "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n"
        "Sudan\nA convoy of 7 trucks reached El Fasher on Monday.\n\n"
        "Honour Roll\n"
        "We thank our friends in Bhutan for paying their regular budget dues in full.\n",
        "utf-8",
    )
    (document,) = load_documents([path])
    # the title and the first heading are the page's header (no sentence)
    assert texts_of(document_sentences(document), document) == [
        "A convoy of 7 trucks reached El Fasher on Monday.",
        "Honour Roll",
        "We thank our friends in Bhutan for paying their regular budget dues in full.",
    ]


def test_range_is_respected_on_a_seed() -> None:
    text = (BRIEFINGS / "003_28ddfdb37133726e.txt").read_text("utf-8")
    start = text.index('"Markets')
    end = text.index("Speaking of")
    spans = split_sentences(text, start, end)
    assert [text[a:b] for a, b in spans] == [
        '"Markets and opportunities abound in China.',
        "We hope to share development opportunities with all countries, including our "
        'neighbors, to achieve mutual benefit and win-win results," Liang said.',
    ]


@pytest.mark.parametrize(("start", "end"), [(-1, None), (3, 2), (0, 99)])
def test_bad_range_is_refused(start: int, end: int | None) -> None:
    with pytest.raises(ValueError, match="bad range"):
        split_sentences("Short text.", start, end)


def test_doctests() -> None:
    result = doctest.testmod(consistency.segment)
    assert result.attempted > 0
    assert result.failed == 0


PIECES = st.sampled_from(
    [
        "Mr",
        "Dr",
        "U.S",
        "p.m",
        "No",
        "Jan",
        "Sen",
        "etc",
        "W",
        "I",
        "II",
        "1",
        "5.57",
        "The",
        "We",
        "china",
        "ASEAN",
        "(DOC)",
        "(",
        ")",
        '"',
        "“",
        "”",
        "\u2019",
        "'",
        ".",
        ".",
        ". ",
        "?",
        "!",
        "...",
        "…",
        "。",
        "\uff0c",
        ",",
        ";",
        ":",
        " ",
        " ",
        "  ",
        "\t",
        "\u3000",
        "\xa0",
        *BREAKS,
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=60)


@st.composite
def text_and_range(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(TEXTS)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@given(text_and_range(), st.booleans())
def test_spans_partition_the_non_space_characters(
    case: tuple[str, int, int], wrapped: bool
) -> None:
    text, start, end = case
    spans = split_sentences(text, start, end, wrapped=wrapped)
    covered: list[int] = []
    previous_end = start
    for a, b in spans:
        assert previous_end <= a < b <= end
        piece = text[a:b]
        assert piece.strip() == piece
        covered.extend(i for i in range(a, b) if not text[i].isspace())
        previous_end = b
    assert covered == [i for i in range(start, end) if not text[i].isspace()]


@given(text_and_range())
def test_line_breaks_end_sentences(case: tuple[str, int, int]) -> None:
    text, start, end = case
    for a, b in split_sentences(text, start, end):
        assert not any(c in BREAKS for c in text[a:b])
    for a, b in split_sentences(text, start, end, wrapped=True):
        lines = re.split(r"\r\n|[" + BREAKS + "]", text[a:b])
        assert all(line.strip() for line in lines)
        assert not any(
            line.rstrip().rstrip("\"'\u201d\u2019)]").endswith((".", "?", "!", ":", ";"))
            for line in lines[:-1]
        )


@given(text_and_range(), st.booleans())
def test_a_range_splits_like_the_same_text_cut_out(
    case: tuple[str, int, int], wrapped: bool
) -> None:
    text, start, end = case
    alone = split_sentences(text[start:end], wrapped=wrapped)
    within = split_sentences(text, start, end, wrapped=wrapped)
    assert within == [(a + start, b + start) for a, b in alone]


# --- turns ---------------------------------------------------------------

_LABEL = re.compile(r"^([A-Z][\w .'-]{0,40}): ", re.M)


def seed_document(name: str, spokesperson: str) -> Document:
    """A seed briefing with turns cut at its speaker labels (a stand-in for ingest)."""
    text = (BRIEFINGS / name).read_text("utf-8")
    labels = list(_LABEL.finditer(text))
    turns = []
    for m, nxt in zip(labels, [*labels[1:], None], strict=True):
        end = len(text) if nxt is None else nxt.start()
        speaker = m.group(1)
        role = Role.OFFICIAL if speaker == spokesperson else Role.PRESS
        line = text.count("\n", 0, m.end()) + 1
        turns.append(Turn(speaker, role, m.end(), len(text[:end].rstrip()), line))
    return Document(
        id=Path(name).stem,
        path=str(BRIEFINGS / name),
        text=text,
        date=dt.date(2025, 9, 23),
        date_source=DateSource.FILENAME,
        turns=tuple(turns),
    )


SEED = seed_document("001_ea51057881414630.txt", "Guo Jiakun")
OFFICIAL_LINE = "We deplore and reject those remarks."
AFP_QUESTION = "Does the Foreign Ministry have a comment on this?"


def texts_of(sents: Sequence[Any], document: Document) -> list[str]:
    return [document.text[s.start : s.end] for s in sents]


def test_default_keeps_only_the_official() -> None:
    sents = document_sentences(SEED)
    assert {(s.speaker, s.role) for s in sents} == {("Guo Jiakun", Role.OFFICIAL)}
    found = texts_of(sents, SEED)
    assert OFFICIAL_LINE in found
    assert AFP_QUESTION not in found
    assert not any(t.startswith("Guo Jiakun:") for t in found)


def test_include_questions_adds_the_press() -> None:
    sents = document_sentences(SEED, include_questions=True)
    by_text = {SEED.text[s.start : s.end]: s for s in sents}
    assert by_text[AFP_QUESTION].speaker == "AFP"
    assert by_text[AFP_QUESTION].role is Role.PRESS
    assert OFFICIAL_LINE in by_text
    assert len(sents) > len(document_sentences(SEED))


@pytest.mark.parametrize(
    ("kwargs", "speakers"),
    [
        ({}, ["Guo Jiakun"]),
        (
            {"include_questions": True},
            [
                "AFP",
                "China News Service",
                "Folha de S.Paulo",
                "Guo Jiakun",
                "RIA Novosti",
                "Reuters",
            ],
        ),
        ({"speakers": ["  guo   JIAKUN "]}, ["Guo Jiakun"]),
        ({"speakers": ["afp"]}, ["AFP"]),
        ({"speakers": ["Reuters", "AFP"], "include_questions": True}, ["AFP", "Reuters"]),
        ({"speakers": ["Nobody"]}, []),
    ],
)
def test_select_turns_on_a_seed(kwargs: dict[str, Any], speakers: list[str]) -> None:
    turns = select_turns(SEED, **kwargs)
    assert sorted({t.speaker for t in turns if t.speaker}) == speakers
    assert turns == sorted(turns, key=lambda t: t.start)


def test_sentence_spans_lines_and_tokens_point_into_the_document() -> None:
    sents = document_sentences(SEED, include_questions=True)
    assert sents
    for s in sents:
        assert s.document == "001_ea51057881414630"
        assert s.line == SEED.text.count("\n", 0, s.start) + 1
        assert s.tokens
        for token in s.tokens:
            assert s.start <= token.start < token.end <= s.end
        # each written word, a contraction's two tokens together ("what's": what | 's)
        k = 0
        while k < len(s.tokens):
            end = k + 1
            while end < len(s.tokens) and one_word(SEED.text, s.tokens[end - 1], s.tokens[end]):
                end += 1
            written = SEED.text[s.tokens[k].start : s.tokens[end - 1].end]
            assert normalise(written) == " ".join(t.text for t in s.tokens[k:end])
            k = end
    us = next(s for s in sents if SEED.text[s.start : s.end].startswith("The U.S., Japan"))
    assert [t.text for t in us.tokens[:3]] == ["the", "us", "japan"]


def make_document(text: str, turns: Sequence[Turn]) -> Document:
    return Document(
        id="hand",
        path="hand.txt",
        text=text,
        date=dt.date(2020, 1, 2),
        date_source=DateSource.FILENAME,
        turns=tuple(turns),
    )


def test_a_wrapped_turn_is_one_paragraph() -> None:
    text = (
        "Liang said China will build the South China Sea into a sea of peace,\n"
        "friendship and cooperation. He\nsmiled."
    )
    document = make_document(text, [Turn(None, Role.NARRATION, 0, len(text), 1)])
    sents = document_sentences(document)
    assert texts_of(sents, document)[0].endswith("a sea of peace,\nfriendship and cooperation.")
    assert [s.line for s in sents] == [1, 2]
    assert [t.text for t in sents[1].tokens] == ["he", "smiled"]


def test_narration_and_a_document_without_turns() -> None:
    text = "On Monday, Liang spoke.\n\u2014 \u2026\nHe said it was “consistent and clear.”"
    narrated = make_document(text, [Turn(None, Role.NARRATION, 0, len(text), 1)])
    bare = make_document(text, [])
    for document in (narrated, bare):
        sents = document_sentences(document)
        assert texts_of(sents, document) == [
            "On Monday, Liang spoke.",
            "He said it was “consistent and clear.”",
        ]
        assert [s.line for s in sents] == [1, 3]
        assert {s.role for s in sents} == {Role.NARRATION}
    assert document_sentences(narrated, speakers=["Liang"]) == []


def test_custom_tokeniser_is_used() -> None:
    class Upper:
        name = "upper"

        def __call__(self, text: str, offset: int = 0) -> list[Token]:
            return [Token(text.upper(), offset, offset + len(text))]

    document = make_document("One. Two.", [Turn("X", Role.OFFICIAL, 0, 9, 1)])
    sents = document_sentences(document, tokeniser=Upper())
    assert [s.tokens for s in sents] == [(Token("ONE.", 0, 4),), (Token("TWO.", 5, 9),)]


def _fixture_documents() -> list[Document]:
    folders = [ROOT / "fixtures" / "corpus" / "mfa", ROOT / "fixtures" / "corpus" / "html"]
    folders += [
        BRIEFINGS,
        *sorted(p for p in (ROOT / "fixtures" / "other").iterdir() if p.is_dir()),
    ]
    return [d for folder in folders for d in load_documents([folder])]


def _row(s: Sentence) -> SentenceRow:
    spans = [n for t in s.tokens for n in (t.start, t.end)]
    return (s.start, s.end, s.line, s.speaker, s.role, [t.text for t in s.tokens], spans)


@pytest.mark.parametrize("include_questions", [False, True])
def test_rows_and_the_packed_index_equal_the_sentences_on_the_fixtures(
    include_questions: bool,
) -> None:
    """The token-free path (rows, ``PackedSentences.add``, ``build_index``) gives exactly
    the sentences and tokens of :func:`document_sentences`, Chinese text included."""
    documents = _fixture_documents()
    assert any(re.search("[\u4e00-\u9fff]", d.text) for d in documents)
    expected: list[Sentence] = []
    for d in documents:
        sents = document_sentences(d, include_questions=include_questions)
        assert sentence_rows(d, include_questions=include_questions) == [_row(s) for s in sents]
        expected.extend(sents)
    packed = PackedSentences()
    for s in expected:
        packed.append(s)
    assert list(packed) == expected
    index = build_index(documents, include_questions=include_questions)
    assert list(index.sentences) == expected
    assert [tuple(index.words(n)) for n in range(len(expected))] == [
        tuple(t.text for t in s.tokens) for s in expected
    ]


def test_rows_of_a_custom_tokeniser_come_from_its_tokens() -> None:
    class Upper:
        name = "upper"
        function_words: frozenset[str] = frozenset()

        def __call__(self, text: str, offset: int = 0) -> list[Token]:
            return [Token(text.upper(), offset, offset + len(text))]

    document = make_document("One. Two.", [Turn("X", Role.OFFICIAL, 0, 9, 1)])
    assert sentence_rows(document, tokeniser=Upper()) == [
        (0, 4, 1, "X", Role.OFFICIAL, ["ONE."], [0, 4]),
        (5, 9, 1, "X", Role.OFFICIAL, ["TWO."], [5, 9]),
    ]
