"""Speaker turns: the seeds, the MFA corpus, other governments' transcript styles."""

from __future__ import annotations

import datetime as dt
import doctest
import re
from collections import Counter
from pathlib import Path

import pytest
from corpus import FULL, HAS_FULL, NO_FULL, having
from hypothesis import example, given
from hypothesis import strategies as st

import consistency.ingest.turns
from consistency import track
from consistency.ingest import document_from_text, load_documents
from consistency.ingest.turns import label_kind, split_turns
from consistency.models import Document, Point, Role, Turn

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
CORPUS = having("mfa/2018-05-11.txt")
needs_corpus = pytest.mark.skipif(CORPUS is None, reason=NO_FULL)
P, OFF, N = Role.PRESS, Role.OFFICIAL, Role.NARRATION


def spoken(text: str, turns: tuple[Turn, ...]) -> list[tuple[str | None, Role, str]]:
    return [(t.speaker, t.role, text[t.start : t.end]) for t in turns]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    return {d.id[:3]: d for d in load_documents([str(BRIEFINGS)])}


def test_doctests() -> None:
    assert doctest.testmod(consistency.ingest.turns).failed == 0


def test_seed_000_outlets_ask_and_guo_jiakun_answers(seeds: dict[str, Document]) -> None:
    doc = seeds["000"]
    assert doc.speakers == {
        "CCTV": P,
        "Guo Jiakun": OFF,
        "AFP": P,
        "EFE": P,
        "Yonhap News Agency": P,
        "Ukrinform News Agency": P,
    }
    first, second = doc.turns[0], doc.turns[1]
    assert (first.speaker, first.line) == ("CCTV", 2)
    assert doc.text[first.start :].startswith("Recent data shows that in the first three")
    assert doc.text[first.start : first.end].endswith("current relations with ASEAN?")
    assert (second.speaker, second.role, second.line) == ("Guo Jiakun", OFF, 3)
    assert doc.text[second.start :].startswith("China and ASEAN countries are close neighbors")
    # unlabelled paragraphs continue the answer
    assert [t.speaker for t in doc.turns[2:6]] == ["Guo Jiakun"] * 4
    assert all(t.role is OFF for t in doc.turns if t.speaker == "Guo Jiakun")


def test_seed_001_header_line_is_in_no_turn(seeds: dict[str, Document]) -> None:
    doc = seeds["001"]
    assert doc.turns[0].line == 2
    assert doc.turns[0].speaker == "China News Service"
    assert all("Press release" not in doc.text[t.start : t.end] for t in doc.turns)
    assert {s for s, r in doc.speakers.items() if r is OFF} == {"Guo Jiakun"}
    assert set(doc.speakers) == {
        "China News Service",
        "Guo Jiakun",
        "AFP",
        "Reuters",
        "RIA Novosti",
        "Folha de S.Paulo",
    }


@pytest.mark.parametrize(
    ("seed", "first_line", "paragraphs"),
    [("002", 7, 4), ("003", 4, 12), ("004", 11, 13)],
)
def test_narrative_seeds_are_one_narration_turn_per_paragraph(
    seeds: dict[str, Document], seed: str, first_line: int, paragraphs: int
) -> None:
    doc = seeds[seed]
    assert {(t.speaker, t.role) for t in doc.turns} == {(None, N)}
    assert doc.turns[0].line == first_line
    assert len(doc.turns) == paragraphs
    for turn in doc.turns:
        body = doc.text[turn.start : turn.end]
        assert "\n" not in body
        assert "Photo: Xinhua" not in body
        assert not body.startswith("Published:")


def test_every_seed_turn_is_a_clean_span(seeds: dict[str, Document]) -> None:
    for doc in seeds.values():
        ends = [0]
        for turn in doc.turns:
            body = doc.text[turn.start : turn.end]
            assert body == body.strip() and body
            assert turn.start >= ends[-1]
            assert doc.line_col(turn.start)[0] == turn.line
            if turn.speaker is not None:
                assert not body.startswith(f"{turn.speaker}:")
            ends.append(turn.end)


@needs_corpus
def test_corpus_qa_style() -> None:
    assert CORPUS is not None
    doc = load_documents([str(CORPUS / "mfa" / "2018-05-11.txt")])[0]
    assert doc.speakers == {"A": OFF, "Q": P}
    counts = Counter((t.speaker, t.role) for t in doc.turns)
    assert counts == {("A", OFF): 21, ("Q", P): 10}
    # the unlabelled opening announcements are the spokesperson's
    assert doc.turns[0].speaker == "A"
    assert doc.text[doc.turns[0].start :].startswith("At the invitation of President Julius")
    assert doc.turns[6].speaker == "Q"
    assert doc.text[doc.turns[6].start :].startswith("You just announced State Councilor")


@pytest.mark.parametrize(
    ("intro", "label"),
    [
        (
            "The Spokesman of the Ministry of Foreign Affairs, Esmaeil Baghaei, held his "
            "weekly press conference in Tehran on Monday and answered the questions of "
            "domestic and foreign journalists.",
            "Baghaei",
        ),
        (
            "国务院台办6月19日上午举行例行新闻发布会，发言人朱凤莲就近期两岸热点问题回答记者提问。",
            "朱凤莲",
        ),
        # a fresh-clone review: the label's capitals stand for the title the site names
        # him by
        (
            "The Prime Minister's Official Spokesperson held the morning lobby briefing and "
            "answered questions from journalists.",
            "PMOS",
        ),
    ],
    ids=["en", "zh", "title"],
)
def test_a_paragraph_before_the_first_label_naming_the_official_is_nobodys(
    intro: str, label: str
) -> None:
    """Review 146 (B1): the site's line "The Spokesman ..., Esmaeil Baghaei, held his
    weekly press conference ..." above the first label counted as the spokesman's words:
    a row of discovery and a point "repeated the same" in every diff. Before the first
    label, a paragraph that names the main official is the site's account of the
    briefing, nobody's turn (as a heading is); his opening words that follow are his."""
    text = (
        f"Weekly press conference\n\n{intro}\n\nGood morning. Trade with Oman rose last year.\n\n"
        f"{label}: We will answer your questions.\n\nIRNA: What about the talks?\n\n"
        f"{label}: They went well.\n\nTasnim: And the visit?\n\n{label}: It is planned.\n"
    )
    doc = document_from_text(text, id="2025-04-28", date=dt.date(2025, 4, 28))
    said = spoken(doc.text, doc.turns)
    assert not any(intro in t for _, _, t in said), said
    assert said[0] == (label, OFF, "Good morning. Trade with Oman rose last year."), said


@pytest.mark.parametrize(
    ("said", "label"),
    [
        (
            "The PMOS said the only path to long-term peace was a two-state solution, with a "
            "safe and secure Israel alongside a viable and sovereign Palestinian state.",
            "PMOS",
        ),
        ("朱凤莲表示，两岸同胞是血脉相连的一家人。", "朱凤莲"),
        # named by the title the label's capitals stand for, his words after a verb and
        # "that" (review 153: 24 more paragraphs of its lobby briefings)
        (
            "Asked whether the Prime Minister had spoken to the White House about the US "
            "peace plan, the Prime Minister's Official Spokesperson replied that Putin needed "
            "to come to the table.",
            "PMOS",
        ),
        (
            "In response to questions about the warning from the British Chambers of "
            "Commerce, the PMOS pointed out that interest rates had been cut several times.",
            "PMOS",
        ),
        ("The PMOS argued he did not intend to speculate on the independent process.", "PMOS"),
    ],
    ids=["en", "zh", "title-replied-that", "pointed-out-that", "argued"],
)
def test_a_paragraph_reporting_the_officials_words_before_the_first_label_is_his(
    said: str, label: str
) -> None:
    """Review 153 (B1): a lobby briefing is reported speech, "The PMOS said ..." in every
    paragraph, with now and then a direct exchange ("Question: ..." / "PMOS: ..."); every
    such paragraph before the first exchange was read as the site's account of the
    briefing, nobody's: 152 paragraphs of 16 briefings, 21 of the formulas' 225 sayings,
    read by no command, and a report carded a wording "not used before the period" that
    one of them had said. A paragraph whose first mention of the official reports what he
    said is his."""
    text = (
        f"PM's Official Spokesperson's lobby briefing: 10 June 2025\n\nGaza\n\n{said}\n\n"
        "Asked about Hamas, the spokesperson said it must have no part in governing Gaza.\n\n"
        "Housing\n\nQuestion: Is the target of 1.5 million homes still achievable?\n"
        f"{label}: Yes. We will not let a broken planning system stand in the way.\n"
    )
    doc = document_from_text(text, id="2025-06-10", date=dt.date(2025, 6, 10))
    turns = spoken(doc.text, doc.turns)
    assert turns[0] == (label, OFF, said), turns


@needs_corpus
def test_a_name_with_its_office_in_brackets_is_an_official_whatever_its_length() -> None:
    """Review 100 (German government press conference): "BÜCHNER (Deputy Government
    Spokesperson):" was read as press by the dialogue's flow (the office in brackets was
    not read), and "ALEXANDRIN (Federal Ministry for Economic Affairs and Climate
    Action):", 68 characters, was no label at all: his answer joined the question before
    it and his formula was never tracked. An outlet in brackets names no role. The
    chair, who hands over, is the moderator: none of the officials' talking points."""
    text = (
        "CHAIR: Good morning, ladies and gentlemen. Mr Büchner, please.\n"
        "BÜCHNER (Deputy Government Spokesperson): Thank you. The cabinet meets on Monday.\n\n"
        "WAGNER (Federal Foreign Office): The Minister will travel to Cairo on Tuesday.\n\n"
        "QUESTION (Handelsblatt): Is there anything new on the Intel plant?\n\n"
        "ALEXANDRIN (Federal Ministry for Economic Affairs and Climate Action): We are in "
        "close and trusting contact with our European partners.\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("CHAIR", P),
        ("BÜCHNER (Deputy Government Spokesperson)", OFF),
        ("WAGNER (Federal Foreign Office)", OFF),
        ("QUESTION (Handelsblatt)", P),
        ("ALEXANDRIN (Federal Ministry for Economic Affairs and Climate Action)", OFF),
    ]
    assert label_kind("HEBESTREIT (Government Spokesperson)") == (3, OFF)
    assert label_kind("SMITH (Reuters)") == (2, None)


def test_a_name_said_with_its_title_first_and_alone_after_is_one_speaker() -> None:
    """Review 150 (China's Ministry of Commerce): the first answer's label carries the office
    ("商务部新闻发言人何咏前"), the later ones the bare name ("何咏前"); ``ingest`` listed two
    speakers, and ``--speaker`` chose one of them. The same in English ("SPOKESPERSON MAO
    NING" / "MAO NING"). The title decides the role: a host named alone after "主持人" is
    the moderator throughout. A name that is no other label's end stays its own."""
    zh = (
        "商务部新闻发言人何咏前：各位记者朋友，大家下午好！\n\n"
        "第一财经记者：请问商务部对出口形势有何评价？\n\n"
        "何咏前：今年以来，我国外贸总体平稳。\n\n"
        "路透社记者：请问中方有何回应？\n\n"
        "何咏前：中方将采取必要措施。\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(zh)] == [
        ("何咏前", OFF),
        ("第一财经记者", P),
        ("何咏前", OFF),
        ("路透社记者", P),
        ("何咏前", OFF),
    ]
    en = (
        "SPOKESPERSON MAO NING: Good afternoon.\n\n"
        "AFP: What is China's response?\n\n"
        "MAO NING: China will take necessary measures.\n\n"
        "Reuters: Will the talks continue?\n\n"
        "MAO NING: We have made our position clear.\n\n"
        "Reuters: And Ning Li?\n\n"
        "LI NING: I have nothing to add.\n"
    )
    speakers = [t.speaker for t in split_turns(en)]
    assert speakers == ["MAO NING", "AFP", "MAO NING", "Reuters", "MAO NING", "Reuters", "LI NING"]
    hosted = (
        "主持人 高晨：各位记者朋友，上午好！下面请陈司长介绍有关情况。\n\n"
        "教育部思想政治工作司司长 陈明远：谢谢主持人。我们将持续加强学生心理健康工作。\n\n"
        "高晨：下面开始提问。\n\n"
        "新华社记者：请问下一步有何考虑？\n\n"
        "陈明远：我们将一如既往推进这项工作。\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(hosted)] == [
        ("高晨", P),
        ("陈明远", OFF),
        ("高晨", P),
        ("新华社记者", P),
        ("陈明远", OFF),
    ]


def test_a_label_in_capitals_is_a_label_whatever_its_first_word() -> None:
    """A fresh-clone review (State Department, 2023-03-09): "UNDER SECRETARY BASS:" opens
    with "under", read as a sentence, so the under secretary's statement joined the
    reporter's turn before it and was never tracked."""
    text = (
        "MR PRICE: So with that, Ambassador Bass.\n\n"
        "UNDER SECRETARY BASS: Great. Thank you, Ned, colleagues. Good afternoon.\n\n"
        "QUESTION: No, that's every day. (Laughter.)\n\n"
        "UNDER SECRETARY BASS: But I know I speak for all of our colleagues.\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("MR PRICE", OFF),
        ("UNDER SECRETARY BASS", OFF),
        ("QUESTION", P),
        ("UNDER SECRETARY BASS", OFF),
    ]
    assert label_kind("Under the agreement") is None
    assert label_kind("UNDER SECRETARY BASS") == (3, OFF)
    # a heading in capitals names no role: it stays a sentence (a second review)
    assert label_kind("ON UKRAINE WE STAND FIRM") is None


@pytest.mark.parametrize("indent", ["     ", "        ", "\u00a0\u00a0\u00a0\u00a0 ", "\t\t"])
def test_labels_indented_as_whitehouse_gov_writes_them_are_labels(indent: str) -> None:
    """A fresh-clone review (whitehouse.gov, 2016-02-29): labels indented by five spaces,
    or by the non-breaking spaces of the page's markup, were not read: the 2,091 words of
    a Q&A were all narration, and a journalist's "time and time again" was discovered as
    the government's."""
    text = (
        f"{indent}MR. EARNEST:\u00a0 Let's go to the questions.  Kevin, do you want to start?\n\n"
        f"{indent}Q    Josh, can you talk a little bit about the White House's assessment of "
        "how the ceasefire is working in Syria?\n\n"
        f"{indent}MR. EARNEST:  Well, listen, we've obviously been closely monitoring reports.\n"
    )
    turns = split_turns(text)
    assert [(t.speaker, t.role) for t in turns] == [
        ("MR. EARNEST", OFF),
        ("Q", P),
        ("MR. EARNEST", OFF),
    ]
    assert text[turns[0].start :].startswith("Let's go")


def test_a_passage_set_in_deeper_than_the_labels_is_quoted_not_a_speaker() -> None:
    """A second review: with labels read at any indentation, "Article II, Section 2:"
    quoted under "MR. EARNEST:", set in deeper, became a journalist (its words the
    press's, the official's next paragraph too)."""
    text = (
        "     MR. EARNEST:  He does.  As the Constitution says:\n\n"
        "          Article II, Section 2:  He shall nominate, and by and with the Advice "
        "and Consent of the Senate, shall appoint Judges of the supreme Court.\n\n"
        "     That's what we're asking for.\n\n"
        "     Q    And on Syria?\n\n"
        "     MR. EARNEST:  The cessation of hostilities is holding.\n"
    )
    turns = split_turns(text)
    assert [t.speaker for t in turns if t.role is not OFF] == ["Q"]
    assert "Article II" in " ".join(text[t.start : t.end] for t in turns if t.role is OFF)


def test_a_clock_line_written_with_non_breaking_spaces_is_nobodys_words() -> None:
    """A second review (whitehouse.gov's markup): "END" and the clock time, set apart by
    non-breaking spaces, ended the last official's turn as speech; with plain spaces the
    line was a clock line, as it now is with any."""
    text = (
        "     MR. EARNEST:  Thanks, everybody.\n\n"
        "     Q    Thanks, Josh.\n\n"
        "     MR. EARNEST:  Have a good weekend.\n\n"
        "\u00a0\u00a0\u00a0\u00a0 END\u00a0\u00a0\u00a0\u00a0 1:45 P.M. EST\n"
    )
    assert [text[t.start : t.end] for t in split_turns(text)][-1] == "Have a good weekend."


def test_a_paragraph_a_time_stamp_opens_goes_on_its_speakers_turn() -> None:
    """A fresh-clone review (State Department 2024-09-16, a Rev transcript): Miller's
    "(01:47) With that, Matt?" was read as a journalist's unlabelled question, since it
    ends in "?" before another speaker's label; the time stamp alone on the line before it
    is the transcript's own mark that Miller goes on."""
    text = (
        "Matthew Miller (00:00):\n\nAfternoon, everyone. Let me start with some opening "
        "comments.\n\n(00:12)\nThe United States remains deeply concerned by the actions "
        "of the government.\n\n(01:47)\nWith that, Matt?\n\nMatt (01:49):\n\nOh, that is "
        "it? Nothing else.\n\nMatthew Miller (01:50):\n\nThat is it.\n"
    )
    turns = split_turns(text)
    handover = next(t for t in turns if text[t.start : t.end] == "With that, Matt?")
    assert (handover.speaker, handover.role) == ("Matthew Miller", OFF)
    # nor is the one he hands over to answering a question (a second review: "Matt" was
    # an official, so the file had no press words)
    assert {t.role for t in turns if t.speaker == "Matt"} == {P}
    # without the stamp, an unlabelled question before the official's label is the press's
    asked = text.replace("(01:47)\nWith that, Matt?", "What about Georgia?").replace(
        "Matt (01:49)", "Matthew Miller (01:49)"
    )
    turns = split_turns(asked)
    question = next(t for t in turns if asked[t.start : t.end] == "What about Georgia?")
    assert question.role is P


def test_a_speaker_who_only_asks_is_the_press_even_after_a_journalist() -> None:
    """A fresh-clone review (India MEA, 2023-12-07): journalists ask one after another,
    so "Sahil", who asked once right after another journalist, was read as the official
    answering her, and his question was tracked as the government's words."""
    text = (
        "Shri Arindam Bagchi, Official Spokesperson: A very good afternoon to all of you.\n"
        "Huma Siddiqui: Sir, I am Huma Siddiqui from the Financial Express. What is the "
        "situation?\n"
        "Shri Arindam Bagchi, Official Spokesperson: That's not my words, right?\n"
        "Huma Siddiqui: No, no, no. I mean it is the media report, Sir.\n"
        "Sahil: Sir, I am Sahil from ANI. Did Prime Minister Modi speak to Qatar Amir on "
        "the sidelines of COP28 Summit regarding the appeal?\n"
        "Shri Arindam Bagchi, Official Spokesperson: We have said what we can on this.\n"
    )
    roles = {t.speaker: t.role for t in split_turns(text)}
    assert roles["Sahil"] is P and roles["Huma Siddiqui"] is P
    assert roles["Shri Arindam Bagchi, Official Spokesperson"] is OFF
    # a second review (MEA 2023-03-16): journalists with a person's name, one after another
    queue = (
        "Shri Arindam Bagchi, Official Spokesperson: Very good afternoon. Let me begin.\n"
        "Pranay Upadhyaya: Sir, Pranay Upadhyaya ABP News se. What is the status?\n"
        "Yeshi Seli: Yeshi Seli from the New Indian Express. Where do we stand on this?\n"
        "Sidhant: Sir, Sidhant from WION. Is there any update on the visit?\n"
        "Runjhun Sharma: Runjhun Sharma, RT. There are reports. Could you clarify?\n"
        "Shri Arindam Bagchi, Official Spokesperson: Let me take these together.\n"
    )
    roles = {t.speaker: t.role for t in split_turns(queue)}
    assert [s for s, r in roles.items() if r is OFF] == [
        "Shri Arindam Bagchi, Official Spokesperson"
    ]


def test_the_speaker_a_title_names_is_the_official(tmp_path: Path) -> None:
    """A fresh-clone review (White House, 2022-09-07): the press secretary handed over to a
    guest with a question ("Bob, you want to go first?"), so the dialogue made her the one
    who asks, and her announcements were left out. The page's title names her."""
    text = (
        "Press Briefing by Press Secretary Karine Jean-Pierre 9/07/22 Transcript\n\n"
        "Karine Jean-Pierre: (00:00)\nGood afternoon, everybody. So today we have two new "
        "guests with us. And I will have, Bob, you want to go first?\n\n"
        "Bob Fenton: (00:28)\nThank you.\n\n"
        "Karine Jean-Pierre: (00:29)\nAll right.\n\n"
        "Bob Fenton: (00:32)\nWell, good morning and thanks for having me.\n"
    )
    (tmp_path / "2022-09-07.txt").write_text(text, encoding="utf-8")
    [doc] = load_documents([tmp_path / "2022-09-07.txt"])
    assert doc.speakers == {"Karine Jean-Pierre": OFF, "Bob Fenton": OFF}
    # two names in a title (an interview) name no one briefer
    interview = text.replace("Secretary Karine Jean-Pierre", "Karine Jean-Pierre and Bob Fenton")
    assert split_turns(interview)[0].role is P
    # nor does a title naming the interviewer in full and the official by surname alone (a
    # second review: the interviewer became the official, and Blinken the press)
    woodruff = (
        "Secretary Blinken's Interview With Judy Woodruff of PBS NewsHour\n"
        "Judy Woodruff: Mr. Secretary, thank you for joining us. Is the ceasefire holding?\n"
        "Antony Blinken: Good to be with you, Judy. We remain committed to the agreement.\n"
        "Judy Woodruff: And if it collapses, what then?\n"
        "Antony Blinken: We will keep working with our partners.\n"
        "Judy Woodruff: Mr. Secretary, thank you.\n"
        "Antony Blinken: Thank you, Judy.\n"
    )
    roles = {t.speaker: t.role for t in split_turns(woodruff)}
    assert roles == {"Judy Woodruff": P, "Antony Blinken": OFF}


def test_a_label_said_once_with_speech_after_it_is_no_heading() -> None:
    """A second review: "SAID ARIKAT: On the Palestinian issue, Ned" (a label said once, its
    line cut off) was taken for a section heading, and headings belong to no turn: the
    line was in no turn at all. Every line of speech is in a turn."""
    text = (
        "MR PRICE: Good afternoon. We remain committed to the agreement.\n"
        "MATT LEE: But Ned —\n"
        "MR PRICE: Let me finish. The agreement is holding.\n"
        "SAID ARIKAT: On the Palestinian issue, Ned\n"
        "MR PRICE: We support a two-state solution.\n"
    )
    turns = split_turns(text)
    assert any("On the Palestinian issue" in text[t.start : t.end] for t in turns)
    # a heading still ends on its colon
    headed = "MR PRICE: Good afternoon.\n\nUpdate on Ukraine:\n\nMR PRICE: We stand firm.\n"
    assert not any("Update on Ukraine" in headed[t.start : t.end] for t in split_turns(headed))


def test_a_section_listed_in_the_table_of_contents_is_no_speaker() -> None:
    """Review 61 (a Russian MFA briefing): "The Arctic: Territory of Dialogue forum",
    listed in the table of contents and again where its section begins, read as a label:
    "The Arctic" became an official speaker. A line of a table of contents (three
    title-shaped lines in a row or more) said again is a heading; three short replies in a
    row are speech."""
    text = (
        "1 February 2024 18:10\n"
        "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, February 1, 2024\n"
        "\n"
        "Table of contents\n"
        "Consular issues\n"
        "The Arctic: Territory of Dialogue forum\n"
        "The CIS Council of Foreign Ministers\n"
        "Answers to media questions:\n"
        "\n"
        "Consular issues\n"
        "\n"
        "Our consulates remain open. The queues are short.\n"
        "\n"
        "The Arctic: Territory of Dialogue forum\n"
        "\n"
        "The forum opens on Monday. Ministers from eight countries will attend.\n"
        "\n"
        "The CIS Council of Foreign Ministers\n"
        "\n"
        "The council meets in Minsk.\n"
        "\n"
        "Answers to media questions:\n"
        "\n"
        "Question: Will the minister attend?\n"
        "\n"
        "Maria Zakharova: He will.\n"
    )
    speakers = {t.speaker for t in split_turns(text)} - {None}  # the contents: narration
    assert speakers == {"Maria Zakharova", "Question"}, speakers
    short = "Q: Thanks\nMR PRICE: Sure\nQ: Okay\nMR PRICE: We will see.\n"
    assert [t.speaker for t in split_turns(short)] == ["Q", "MR PRICE", "Q", "MR PRICE"]


def test_a_hand_over_to_a_guest_is_the_officials_own() -> None:
    """A second review (White House 2022-09-07): "With that, I am happy to turn it over to
    Dr. Jha. Doctor, do you want to start?" ends in a question before an official's
    label, and was read as a journalist's question put without a label, in a transcript
    whose journalists bear one ("Q:"). It names the next speaker: a hand-over."""
    text = (
        "MS. JEAN-PIERRE: Good afternoon, everyone. The President remains committed.\n"
        "With that, I am happy to turn it over to Dr. Jha. Doctor, do you want to start?\n"
        "DR. JHA: Thank you, Karine. Today we are launching the updated campaign.\n"
        "Q: Thank you. How many doses have been shipped?\n"
        "DR. JHA: About twenty-five million.\n"
        "MS. JEAN-PIERRE: Go ahead, Steve.\n"
        "Q: On the economy, is the President worried?\n"
        "MS. JEAN-PIERRE: He is not.\n"
    )
    turns = split_turns(text)
    [handover] = [t for t in turns if "turn it over" in text[t.start : t.end]]
    assert (handover.speaker, handover.role) == ("MS. JEAN-PIERRE", OFF)
    # a question that names no one next is still the press's
    asked = text.replace("Doctor, do you want to start?", "What is the plan?").replace(
        "With that, I am happy to turn it over to Dr. Jha. ", ""
    )
    [question] = [t for t in split_turns(asked) if "What is the plan" in asked[t.start : t.end]]
    assert question.role is P


def test_a_colleague_given_the_floor_by_name_is_an_official() -> None:
    """Review 81 (a European Commission midday briefing): portfolio spokespersons spoke
    only after the chief handed over ("I'll pass the floor to my colleague Lucia"), each
    turn right after an official's, so they were read as the press and their words,
    formulas included, were never tracked (the gate passed a negation one of them put
    in). A journalist given the floor by name asks, and stays the press."""
    text = (
        "Marta Lindqvist: Good afternoon and welcome to the midday. I have two "
        "announcements for you today.\n"
        "QUESTION (EFE): Ireland has threatened to block the directive. What is your "
        "reaction?\n"
        "Marta Lindqvist: I'll pass the floor to my colleague Lucia, who follows this file.\n"
        "Lucia Ferreira: The EU stands firmly by Ukraine for as long as it takes.\n"
        "QUESTION (ARD): What is the timeline for the ministerial?\n"
        "Marta Lindqvist: Go ahead, Huma.\n"
        "Huma Siddiqui: Sir, I am Huma Siddiqui from the Financial Express. What is the "
        "situation?\n"
        "Marta Lindqvist: We will come back to you.\n"
        "Huma Siddiqui: No, no. I mean the media report.\n"
        "Marta Lindqvist: That concludes today's briefing.\n"
    )
    roles = {t.speaker: t.role for t in split_turns(text)}
    assert roles["Lucia Ferreira"] is OFF
    assert roles["Huma Siddiqui"] is P and roles["Marta Lindqvist"] is OFF


def test_corpus_named_style() -> None:
    assert CORPUS is not None
    doc = load_documents([str(CORPUS / "mfa" / "2020-05-11.txt")])[0]
    officials = {s for s, r in doc.speakers.items() if r is OFF}
    assert officials == {"Zhao Lijian"}
    assert {"CCTV", "Reuters", "The Paper", "The Globe and Mail", "AFP", "NHK"} <= set(
        s for s, r in doc.speakers.items() if r is P
    )
    assert doc.turns[0].speaker == "Zhao Lijian"  # opening announcement
    assert sum(t.speaker == "Zhao Lijian" for t in doc.turns) == 28


@pytest.mark.skipif(not HAS_FULL, reason=NO_FULL)
def test_corpus_every_briefing_has_an_official_and_only_spokespeople_are() -> None:
    docs = load_documents([str(FULL / "mfa")])
    officials = Counter(s for d in docs for s, r in d.speakers.items() if r is OFF)
    assert set(officials) == {"A", "Zhao Lijian", "Geng Shuang", "Hua Chunying", "Lu Kang"}
    assert all(any(t.role is OFF for t in d.turns) for d in docs)


@needs_corpus
def test_corpus_question_raised_after_the_conference_is_press() -> None:
    assert CORPUS is not None
    doc = load_documents([str(CORPUS / "mfa" / "2018-08-03.txt")])[0]
    turn = next(t for t in doc.turns if t.line == 22)
    assert (turn.speaker, turn.role) == (None, P)
    assert doc.speakers["Geng Shuang"] is OFF


WHITE_HOUSE = """\
MS. JEAN-PIERRE:  Good afternoon, everybody.
I have a couple of things at the top.
Q    Thank you, Karine.  On the debt ceiling, does the President agree?
MS. JEAN-PIERRE:  So, look, the President has been very clear.
Q
Follow-up on that?
MS. JEAN-PIERRE:  Go ahead.
"""
STATE = """\
MR PRICE: Good afternoon.
QUESTION: Thank you, Ned. Can you talk about China?
MR PRICE: Sure. Our position is consistent and clear.
"""
UK = """\
Journalist: Will the PM meet the President?
PMS: The Prime Minister looks forward to it.
Journalist: When?
PMS: I will not get ahead of the schedule.
"""
INTERVIEW = """\
Interviewer: Minister, what is China's view?
Wang Yi: China's position is consistent and clear.
Interviewer: And on trade?
Wang Yi: We oppose protectionism.
"""
NAMES_ONLY = """\
Reuters: Does China plan to respond?
Liu Jianchao: China will take necessary measures.
"""
MARKDOWN = """\
**Q:** What is your comment?
**Spokesperson:** We have noted the reports.
"""
BARE_LABELS = """\
QUESTION:
Can you confirm the visit?
ANSWER:
We will release information in due course.
"""
WRAPPED = """\
Q: Can you comment on the
report published today?
A: China's position is consistent
and clear.

We will keep you updated.
"""
OPENING_AND_SEPARATOR = """\
Good afternoon. I have two announcements.
AFP: Will the minister travel?
Zhao Lijian: Yes.
Reuters: When?
Zhao Lijian: Next week.
***
The press conference will be adjourned on Monday.
"""
FULL_WIDTH = """\
问：中方对此有何评论？
答：中方的立场是一贯的、明确的。
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            WHITE_HOUSE,
            [
                ("MS. JEAN-PIERRE", OFF, "Good afternoon, everybody."),
                ("MS. JEAN-PIERRE", OFF, "I have a couple of things at the top."),
                ("Q", P, "Thank you, Karine.  On the debt ceiling, does the President agree?"),
                ("MS. JEAN-PIERRE", OFF, "So, look, the President has been very clear."),
                ("Q", P, "Follow-up on that?"),
                ("MS. JEAN-PIERRE", OFF, "Go ahead."),
            ],
        ),
        (
            STATE,
            [
                ("MR PRICE", OFF, "Good afternoon."),
                ("QUESTION", P, "Thank you, Ned. Can you talk about China?"),
                ("MR PRICE", OFF, "Sure. Our position is consistent and clear."),
            ],
        ),
        (
            UK,
            [
                ("Journalist", P, "Will the PM meet the President?"),
                ("PMS", OFF, "The Prime Minister looks forward to it."),
                ("Journalist", P, "When?"),
                ("PMS", OFF, "I will not get ahead of the schedule."),
            ],
        ),
        (
            INTERVIEW,
            [
                ("Interviewer", P, "Minister, what is China's view?"),
                ("Wang Yi", OFF, "China's position is consistent and clear."),
                ("Interviewer", P, "And on trade?"),
                ("Wang Yi", OFF, "We oppose protectionism."),
            ],
        ),
        (
            NAMES_ONLY,
            [
                ("Reuters", P, "Does China plan to respond?"),
                ("Liu Jianchao", OFF, "China will take necessary measures."),
            ],
        ),
        (
            MARKDOWN,
            [
                ("Q", P, "What is your comment?"),
                ("Spokesperson", OFF, "We have noted the reports."),
            ],
        ),
        (
            BARE_LABELS,
            [
                ("QUESTION", P, "Can you confirm the visit?"),
                ("ANSWER", OFF, "We will release information in due course."),
            ],
        ),
        (
            WRAPPED,
            [
                ("Q", P, "Can you comment on the\nreport published today?"),
                ("A", OFF, "China's position is consistent\nand clear."),
                ("A", OFF, "We will keep you updated."),
            ],
        ),
        (
            OPENING_AND_SEPARATOR,
            [
                ("Zhao Lijian", OFF, "Good afternoon. I have two announcements."),
                ("AFP", P, "Will the minister travel?"),
                ("Zhao Lijian", OFF, "Yes."),
                ("Reuters", P, "When?"),
                ("Zhao Lijian", OFF, "Next week."),
                ("Zhao Lijian", OFF, "The press conference will be adjourned on Monday."),
            ],
        ),
        (
            FULL_WIDTH,
            [("问", P, "中方对此有何评论？"), ("答", OFF, "中方的立场是一贯的、明确的。")],
        ),
    ],
    ids=[
        "white-house",
        "state-department",
        "uk-lobby",
        "interview",
        "names-only",
        "markdown",
        "bare-labels",
        "wrapped",
        "opening-and-separator",
        "full-width-colon",
    ],
)
def test_transcript_styles(text: str, expected: list[tuple[str | None, Role, str]]) -> None:
    assert spoken(text, split_turns(text)) == expected


TIME_STAMPED = """\
Press Briefing by the Press Secretary, March 3

Dana Ortiz (00:03):
Good afternoon, everybody. I have two things at the top.

(00:41)
First, the President will travel to Ohio on Friday.

Reporter (01:12):
Thank you. Will he meet the governor?

Dana Ortiz: (01:15)
He will, and they will talk about the bridge.
"""


LEAD_STAMPED = """\
[00:01] Dana Ortiz: Good afternoon. I have two things at the top.
[00:40] Reporter: Will he meet the governor?
[00:45] Dana Ortiz: He will, and they will talk about the bridge.
"""


def test_a_time_stamp_may_stand_before_the_label() -> None:
    assert spoken(LEAD_STAMPED, split_turns(LEAD_STAMPED)) == [
        ("Dana Ortiz", OFF, "Good afternoon. I have two things at the top."),
        ("Reporter", P, "Will he meet the governor?"),
        ("Dana Ortiz", OFF, "He will, and they will talk about the bridge."),
    ]


def test_a_recording_s_time_stamps_mark_labels_and_are_said_by_no_one() -> None:
    """Transcription services write a time stamp beside each label, the label alone on its
    line ("Karine Jean-Pierre (00:03):", "Jen Psaki: (00:22)"), and stamp paragraphs
    ("(01:09)"). 13 of 28 White House briefings of that layout (a review of real pages)
    were read as narration, or with the stamp in the turn's text."""
    turns = split_turns(TIME_STAMPED)
    assert spoken(TIME_STAMPED, turns) == [
        ("Dana Ortiz", OFF, "Good afternoon, everybody. I have two things at the top."),
        ("Dana Ortiz", OFF, "First, the President will travel to Ohio on Friday."),
        ("Reporter", P, "Thank you. Will he meet the governor?"),
        ("Dana Ortiz", OFF, "He will, and they will talk about the bridge."),
    ]
    assert [t.line for t in turns] == [4, 7, 10, 13]


def test_one_time_stamped_name_makes_a_transcript() -> None:
    """A gaggle transcribed by a service may hold one speaker only; the time stamp by her
    name is a recording's, never prose's (a review: the page was all narration)."""
    text = (
        "Gaggle aboard Air Force One\n\nDana Ortiz (00:02):\n\n"
        "All right. We are headed to New York.\n\nThe President has a busy day.\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("Dana Ortiz", OFF),
        ("Dana Ortiz", OFF),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "He said: we will continue to work with all parties.",
        "The two sides agreed on the following: trade, investment and culture.",
        "Our position is very clear: we oppose it.",
        "I want to stress this: China will never accept it.",
        "A word of advice: stop it.",
        "Note: figures are provisional.",
        "Published: Sep 08, 2025 10:27 PM.",
        "At 10:30 the talks began.",
        "First, some figures from the NHC. Between 00:00 and 24:00 there were 5 cases.",
        "See https://example.org: it is all there.",
    ],
)
def test_prose_with_a_colon_is_narration(line: str) -> None:
    text = f"The minister met reporters.\n{line}\nThe talks will continue.\n"
    turns = split_turns(text)
    assert [(t.speaker, t.role) for t in turns] == [(None, N)] * 3
    assert text[turns[1].start : turns[1].end] == line


def test_one_unknown_label_does_not_make_a_transcript() -> None:
    text = "China and ASEAN met today.\nWang Yi: cooperation will deepen.\n"
    assert [(t.speaker, t.role) for t in split_turns(text)] == [(None, N), (None, N)]


@pytest.mark.parametrize(
    "text",
    [
        # Ministry of National Defense, 2020-10-29: the page holds one exchange
        "记者:有媒体报道。请予以证实并评论。\n吴谦:武器装备的具体部署地点事关军事秘密。\n",
        # MFA 2018-12-04: the spokesman, named once, answers a reporter's remark
        "问：中方对此有何评论？\n答：美方确定他们工作团队的代表是美方的事。\n"
        "记者：莱特希泽先生对中国的立场一贯强硬。\n"
        "耿爽：中美双方工作团队会按照两国元首会晤达成的共识，加紧磋商。\n",
    ],
)
def test_a_chinese_name_said_once_answers_where_labels_name_roles(text: str) -> None:
    turns = spoken(text, split_turns(text))
    name, role, said = turns[-1]
    assert name in {"吴谦", "耿爽"} and role is OFF and said.startswith(("武器", "中美"))
    assert turns[-2][1] is P


def test_a_chinese_label_of_an_office_and_a_name_is_the_officials() -> None:
    """Review 116 (a Ministry of National Defense archive): "国防部新闻发言人周海峰大校："
    (the ministry's spokesperson, Senior Colonel Zhou Haifeng) opened each briefing and
    was read as the spokesperson's words, so a change of spokesperson was a shifted
    talking point. An office, then a name and a title, is an official's label; a line
    that narrates what the office said is none."""
    text = (
        "国防部新闻发言人周海峰大校：各位记者朋友，大家下午好！\n"
        "问：请问发言人对此有何评论？\n"
        "答：中国军队愿同各国军队加强交流。\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("国防部新闻发言人周海峰大校", OFF),
        ("问", P),
        ("答", OFF),
    ]
    said = "发言人表示：中国军队愿同各国军队加强交流。\n问：请问有何评论？\n答：谢谢。\n"
    assert "发言人表示" not in {t.speaker for t in split_turns(said)}


def test_a_chinese_name_said_once_is_no_speaker_in_prose() -> None:
    text = "今天天气很好。\n王毅：合作将不断深化。\n"
    assert [(t.speaker, t.role) for t in split_turns(text)] == [(None, N), (None, N)]


def test_a_follow_up_label_said_once_is_no_name() -> None:
    text = "问：是吗？\n答：是的。\n追问一：你能否解释一下？\n我并没有使用这个词。\n"
    assert "追问一" not in {t.speaker for t in split_turns(text)}


def test_a_line_starting_with_q_is_not_a_transcript_on_its_own() -> None:
    text = "Cases rose again this week.\nQ fever is spreading in the north.\n"
    assert [(t.speaker, t.role) for t in split_turns(text)] == [(None, N), (None, N)]


def test_case_variants_of_a_label_are_one_speaker() -> None:
    text = "AFP: What is your comment?\nHua Chunying: No comment.\nCNN: And?\nHua chunying: No.\n"
    turns = split_turns(text)
    assert [t.speaker for t in turns] == ["AFP", "Hua Chunying", "CNN", "Hua Chunying"]


def test_rhetorical_question_ending_an_answer_stays_official() -> None:
    text = (
        "CCTV: What is your comment?\n"
        "Hua Chunying: We have noted the reports.\n"
        "Who is making mistakes?\n"
        "PTI: Can we conclude that China has no objection?\n"
        "Hua Chunying: China supports the WHO.\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("CCTV", P),
        ("Hua Chunying", OFF),
        ("Hua Chunying", OFF),
        ("PTI", P),
        ("Hua Chunying", OFF),
    ]


def test_photo_captions_are_in_no_turn() -> None:
    text = "The expo opened.\nVisitors at the expo, June 21, 2025. Photo: Xinhua\nTrade grew.\n"
    assert [text[t.start : t.end] for t in split_turns(text)] == [
        "The expo opened.",
        "Trade grew.",
    ]


def test_start_and_end_limit_the_turns_and_keep_document_offsets() -> None:
    text = "Header line\nQ: Why?\nA: Because.\nQ: Sure?\n"
    start = text.index("Q:")
    end = text.index("Q: Sure")
    turns = split_turns(text, start, end)
    assert [(t.speaker, text[t.start : t.end], t.line) for t in turns] == [
        ("Q", "Why?", 2),
        ("A", "Because.", 3),
    ]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Q", (3, P)),
        ("A", (3, OFF)),
        ("Follow-up", (3, P)),
        ("Journalist adds", (3, P)),
        ("Xinhua News Agency", (3, P)),
        ("MS. PSAKI", (3, OFF)),
        # the asker's word first, whatever title follows (review 74: "Dr." made an official)
        ("QUESTION DR. ROSE", (3, P)),
        ("QUESTION MS. ROSE", (3, P)),
        ("SECRETARY BLINKEN", (3, OFF)),
        ("Spokesperson", (3, OFF)),
        ("Guo Jiakun", (2, None)),
        ("Folha de S.Paulo", (2, None)),
        ("CCTV", (2, None)),
        ("Hua chunying", (1, None)),
        ("He said", None),
        ("The two sides agreed on the following", None),
        ("Our position is very clear", None),
        ("Published", None),
        ("Place", None),
        ("Good afternoon, everyone", None),
        ("路透社记者", (3, P)),
        ("我想强调", None),
    ],
)
def test_label_kind(label: str, expected: tuple[int, Role | None] | None) -> None:
    assert label_kind(label) == expected


_LINE = st.one_of(
    st.text(alphabet="abc XYZ:.?,\t", max_size=40),
    st.sampled_from(["Q: Why?", "A: Because.", "AFP: Sure?", "Zhao Lijian: Yes.", "***", ""]),
)


@given(st.lists(_LINE, max_size=25), st.sampled_from(["\n", "\n\n"]))
def test_turns_are_ordered_stripped_spans_inside_the_text(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    turns = split_turns(text)
    previous_end = 0
    for turn in turns:
        body = text[turn.start : turn.end]
        assert body and body == body.strip()
        assert previous_end <= turn.start < turn.end <= len(text)
        assert text.count("\n", 0, turn.start) + 1 == turn.line
        previous_end = turn.end
    narration = [t.role is N for t in turns]
    assert all(narration) or not any(narration)
    assert all(t.speaker is None for t in turns if t.role is N)
    assert split_turns(text) == turns


@given(st.lists(st.text(alphabet="abc XYZ.?,\t", max_size=40), max_size=25))
@example(["a", "X", "X?", "X", "X", "X?", "a", "X?"])  # explored: the "X" lines were lost
@example(["X", "X", "X?", "X", "X", "X?", "a", "X", "X?"])  # explored: labels of speaker X
@example(["X", "?a", "X?", "X", "X", "X?", "a", "X", "X?"])  # explored: "A" alone set tag lines
def test_narration_covers_every_word(lines: list[str]) -> None:
    """Every word is in a turn, or is the label of a speaker of one ("X" on a line of its
    own before what X says)."""
    text = "\n".join(lines)
    turns = split_turns(text)
    covered = "".join(text[t.start : t.end] for t in turns)
    labels = {t.speaker.casefold() for t in turns if t.speaker}
    left = text
    for t in reversed(turns):
        left = left[: t.start] + " " + left[t.end :]
    assert {w.casefold() for w in re.findall(r"\w+", left)} <= labels, (covered, left)


def test_empty_and_blank_texts_have_no_turns() -> None:
    assert split_turns("") == ()
    assert split_turns("\n \n***\n") == ()


def test_a_name_and_a_long_title_set_apart_by_a_comma_label_a_turn() -> None:
    """Japan's MOFA writes "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs:" (seven
    words, 51 characters): read as prose, the minister's answers stayed in the reporter's
    turn and the archive's best formula was a journalist's words."""
    text = (
        "Press Conference by Foreign Minister HAYASHI Yoshimasa\n\n"
        "NHK, Iwasawa: What is your view on the launch by North Korea?\n\n"
        "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs: We will respond to North Korea, "
        "including the nuclear and missile issues as well as the abductions issue.\n"
    )
    assert [(s, r) for s, r, _ in spoken(text, split_turns(text))][-2:] == [
        ("NHK, Iwasawa", P),
        ("Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs", OFF),
    ]
    assert label_kind("Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs") == (3, OFF)
    # each part of it is a label's length at most, and prose is no label however set apart
    assert label_kind("In addition, this will be the tenth meeting") is None
    assert label_kind("Mr. A B C D E F, Minister") is None


@pytest.mark.parametrize(
    "label",
    [
        "Nabila Massrali, Spokesperson for Foreign Affairs and Security Policy",
        "Anitta Hipper, Lead Spokesperson for Foreign Affairs and Security Policy",
        "Ambassador Linda Thomas-Greenfield, U.S. Representative to the United Nations",
        # a fresh-clone trial: twelve words to the title
        "Peter Stano, Lead Spokesperson for Foreign Affairs and Security Policy of the "
        "European Union",
    ],
)
def test_a_name_and_an_office_of_many_words_label_a_turn(label: str) -> None:
    """Review 156 (EU midday briefings): "Nabila Massrali, Spokesperson for Foreign Affairs
    and Security Policy:" (71 characters, seven words to the title) was read as prose, so
    every answer of hers went on the journalist's question: half the officials' words were
    the press's, and a gate passed a negation put in there unchecked."""
    text = (
        "Midday briefing of 3 December 2025\n\n"
        "Question from Euronews: Will the Council adopt new sanctions this week?\n\n"
        f"{label}: All options remain on the table, and the ministers will discuss them.\n"
    )
    assert [(s, r) for s, r, _ in spoken(text, split_turns(text))][-2:] == [
        ("Question from Euronews", P),
        (label, OFF),
    ]
    assert label_kind(label) == (3, OFF)


def test_a_title_of_many_words_is_no_label_without_an_office() -> None:
    """Only an office's title may run past a label's words: a heading or a sentence set
    apart by a comma stays prose, however capitalised."""
    heading = "Ukraine, Russia and the Question of Sanctions Relief for Key Sectors"
    assert label_kind(heading) is None
    assert label_kind("As we said, the Minister for Foreign Affairs will travel to Kyiv") is None
    assert label_kind("Peter Stano, Spokesperson for foreign affairs who answered") is None


def test_a_label_alone_on_its_line_asks_by_the_line_after_it() -> None:
    """Transcription services write "Matt (00:09):" and the words on the next line; the
    label line holds no question mark, so every such turn read as a statement, and the
    journalist teasing the spokesperson was an official (State Department briefing of
    2024-02-20, as Rev transcribed it)."""
    text = (
        "Department of State Daily Press Briefing 2/20/24 Transcript\n\n"
        "Matthew Miller (00:04):\n\nGood afternoon, everyone. Thank you. Sorry to be late.\n\n"
        "Matt (00:09):\n\nAre you really?\n\n"
        "Matthew Miller (00:12):\n\nI am sorry to be late. You think I don\u2019t want to get "
        "on with my day as much as you do?\n\n"
        "Matt (00:15):\n\nAll right. I\u2019ll accept your apologies.\n\n"
        "Matthew Miller (00:21):\n\nThank you. Let me start with some opening comments.\n\n"
        "We saw further evidence of the Putin regime\u2019s brutality this weekend.\n"
    )
    roles = {s: r for s, r, _ in spoken(text, split_turns(text))}
    assert roles == {"Matthew Miller": OFF, "Matt": P}


def test_fields_of_the_page_are_no_speakers() -> None:
    """An RSS copy of a briefing opens "Subscribe: ...", "Preview: ...", "Last Build Date:
    ..." (three officials, once); a page's title "Press Conference: Karine Jean-Pierre
    Holds a Press Briefing ..." made the whole briefing a journalist's turn, nothing of it
    searched. Lines that do not end as said words do, each standing alone, are fields."""
    feed = (
        "Subscribe: Downing Street Says\nPreview: Downing Street Says\n\n"
        "Last Build Date: Tue, 27 Dec 2016 22:16:27 +0000\n\n"
        "When asked about Syria, the PMOS said the Prime Minister had made his views on "
        "Syria very clear.\n"
    )
    assert {r for _, r, _ in spoken(feed, split_turns(feed))} == {N}
    title = (
        "Press Conference: Karine Jean-Pierre Holds a Press Briefing at The White House\n\n"
        "It is Congress's constitutional obligation to act.\n"
    )
    assert spoken(title, split_turns(title))[-1] == (
        None,
        N,
        "It is Congress's constitutional obligation to act.",
    )
    # review 68 (an Australian transcript): a listing of subjects is a field, full stop
    # or not; it was the minister saying "Strategic Equilibrium In The Indo-Pacific"
    dfat = (
        "E&OE TRANSCRIPT\n\n"
        "SUBJECTS: Strategic Equilibrium In The Indo-Pacific; AUKUS; Ukraine; Pacific.\n\n"
        "FOREIGN MINISTER: Good morning. We seek strategic equilibrium in the region.\n\n"
        "JOURNALIST: Minister, what about AUKUS?\n\n"
        "FOREIGN MINISTER: AUKUS has bipartisan support.\n"
    )
    assert {s for s, _, _ in spoken(dfat, split_turns(dfat))} == {"FOREIGN MINISTER", "JOURNALIST"}
    # said words parted by semicolons run longer than a listing's items
    said = (
        "FOREIGN MINISTER: We will keep talking to our partners in the region; we will"
        " support them; we will stand by them.\nJOURNALIST: Thanks.\n"
    )
    assert spoken(said, split_turns(said))[0][0] == "FOREIGN MINISTER"
    # said words stay a speaker's, with or without a full stop on a line of their own
    said = "Q: Any comment\nA: We have no comment.\nQ: Thanks.\n"
    assert [(s, r) for s, r, _ in spoken(said, split_turns(said))] == [
        ("Q", P),
        ("A", OFF),
        ("Q", P),
    ]


def test_an_answers_last_paragraph_before_the_officials_closing_label_stays_official() -> None:
    """Review 91 (an India MEA layout): the spokesperson's answer went on in a paragraph
    without a label, and the next labelled turn was the spokesperson's own closing
    ("Thank you all for joining"): the paragraph was read as a journalist's question put
    without a label, since no one takes the floor from themselves, and the formula in it
    was lost on almost every date. Where journalists bear labels, that holds no longer;
    a paragraph ending in "?" is still a question."""
    text = (
        "Official Spokesperson, Shri Randhir Jaiswal: Good afternoon. Let me take the "
        "questions now.\n\n"
        "Maha, CNN-News18: Sir, Pakistan made remarks on Kashmir. Your reaction?\n\n"
        "Official Spokesperson, Shri Randhir Jaiswal: These are internal matters of India.\n\n"
        "India firmly rejects such unwarranted and baseless remarks.\n\n"
        "Official Spokesperson, Shri Randhir Jaiswal: Thank you all for joining this briefing.\n"
    )
    turns = split_turns(text)
    [answer] = [t for t in turns if text[t.start : t.end].startswith("India firmly")]
    assert answer.role is OFF
    asked = text.replace("baseless remarks.\n", "baseless remarks, Sir?\n")
    turns = split_turns(asked)
    [question] = [t for t in turns if asked[t.start : t.end].startswith("India firmly")]
    assert question.role is P


def test_a_chinese_outlet_in_title_marks_labels_a_journalist() -> None:
    """mfa-zh 2020-04-28: "《澳大利亚人报》记者：..." (The Australian's reporter) was no label,
    a label starting on a letter only; the question went on the spokesperson's turn once
    an unlabelled paragraph before the same official's label was no longer a question by
    that alone (review 91)."""
    text = (
        "耿爽：我们注意到了有关报道。\n"
        "《澳大利亚人报》记者：我读了中国大使接受采访的原文。作为常住北京的澳大利亚人，我很关心。\n"
        "耿爽：你没有听到过吗？\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("耿爽", OFF),
        ("《澳大利亚人报》记者", P),
        ("耿爽", OFF),
    ]


def test_an_answers_last_paragraph_before_a_closing_answer_label_is_the_officials() -> None:
    """Review 102 (a Taiwan Affairs Office archive in the 问：/答： layout): the official's
    last paragraph, unlabelled and no question, stood before the closing "答：" line, and
    was read as a question put without a label, so the formula in it was tracked on no
    date. A paragraph before an answer's label is a question only when it reads as one:
    it asks, or it speaks of the journalist ("记者解释：...", mfa-zh 2019-01-30; "After
    the Press Conference, a journalist asked if ...", mfa 2019-04-04)."""
    said = "我们坚决反对“台独”分裂行径和外部势力干涉，这是我们的一贯立场。"
    text = (
        "问：请问发言人对近期两岸交流有何评论？\n"
        "答：两岸同胞往来是正常的民间交流。\n"
        f"{said}\n"
        "答：今天的发布会到此结束。谢谢大家！\n"
    )
    doc = document_from_text(text, id="2025-01-08", date=dt.date(2025, 1, 8))
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("问", P),
        ("答", OFF),
        ("答", OFF),
        ("答", OFF),
    ]
    point = Point("taidu", "坚决反对“台独”分裂行径和外部势力干涉")
    [found] = track([doc], [point]).points
    assert [(o.speaker, o.line) for o in found.occurrences] == [("答", 3)]
    # what reads as the press's before "答：" is still a question put without a label
    for press in ("请问这是否是一贯立场？", "记者解释：有媒体这么报道。"):
        asked = text.replace(said, press)
        assert [t.role for t in split_turns(asked)] == [P, OFF, P, OFF]
    english = (
        "Q: Will China help Iran?\nA: We will consider it.\n"
        "After the Press Conference, a journalist asked if China is going to offer help.\n"
        "A: China will positively consider providing assistance.\n"
    )
    assert [t.role for t in split_turns(english)] == [P, OFF, P, OFF]


def test_a_spokesperson_who_chairs_while_a_guest_answers_is_official() -> None:
    """Review 128: where a guest answered every question, the spokesperson who opened with
    a statement of the government's work and then only handed the floor on ("请继续提问",
    after each answer) was read as press, her statement never searched (two formulas
    silently missed). A turn after an official's that asks nothing, of the person who
    opened the briefing and never asks, hands the floor on; a journalist whose question
    has no question mark still asks ("The Paper: ... I would like to know your response
    to his words.", MFA)."""
    text = (
        "孟维宁：女士们、先生们，大家上午好！欢迎出席新闻发布会。首先，我介绍几项近期重点工作情况。\n\n"
        "我们有信心、有能力、有条件完成全年目标任务，这一点是毋庸置疑的。\n\n"
        "下面，请记者朋友提问。\n\n"
        "经济日报记者：外界关注集成电路领域是否存在产能过剩问题，请问您如何回应？\n\n"
        "柯明哲：感谢您的提问。我们将继续加快构建内需主导、内外联动的新发展格局。\n\n"
        "孟维宁：请继续提问。\n\n"
        "新华社记者：请问冬季供暖保障情况如何？\n\n"
        "柯明哲：今年供暖季能源供应总体平稳。\n\n"
        "孟维宁：请继续提问。\n\n"
        "彭博社记者：请问下一步有何打算？\n\n"
        "柯明哲：我们将持续深化重点领域改革。\n\n"
        "孟维宁：今天的发布会到此结束。谢谢大家！\n"
    )
    roles = {t.speaker: t.role for t in split_turns(text)}
    assert roles["孟维宁"] is OFF and roles["柯明哲"] is OFF
    assert roles["经济日报记者"] is P and roles["新华社记者"] is P


def test_chinese_labels_with_full_width_brackets_and_officials_titles() -> None:
    """Review 137 (Taiwan's Mainland Affairs Council): 記者（中央社）： was no label (its
    brackets full-width), so a question joined the moderator's turn; 法政處林政宏處長：
    (a department's director) and 梁文傑副主委： (the deputy chair) were read by the flow
    of the dialogue alone, a third of the directors' answers as the press's, the rest as
    words of the turn before. A title ends an official's label as the English role words
    do; a page's field (日期：, "date:") is no label at all."""
    text = (
        "主持人：各位媒體朋友大家好，記者會現在開始。\n"
        "梁文傑副主委：大家午安。本會再次提醒國人赴陸港澳務必提高警覺。\n"
        "記者（中央社）：想請問副主委，目前失聯的國人有多少人？\n"
        "梁文傑副主委：目前本會掌握的個案約有40件。\n"
        "法政處林政宏處長：我補充說明一下。中共應該立即停止對台灣的軍事威脅。\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)][1:] == [
        ("梁文傑副主委", OFF),
        ("記者（中央社）", P),
        ("梁文傑副主委", OFF),
        ("法政處林政宏處長", OFF),
    ]
    assert label_kind("記者（中央社）") == (3, P)
    assert label_kind("日期") is None
    assert label_kind("發布時間") is None


NHC = (
    "国家卫生健康委员会2025年5月14日新闻发布会文字实录\n\n"
    "时间：2025年5月14日 下午3时\n"
    "地点：国家卫生健康委新闻发布厅\n"
    "主题：介绍慢性病防控有关情况\n"
    "发布人：\n"
    "国家卫生健康委医政司司长 李海涛\n"
    "主持人：国家卫生健康委宣传司副司长、新闻发言人 胡强强\n\n"
    "主持人 胡强强：\n各位媒体朋友，大家下午好！下面请记者朋友提问。\n\n"
    "人民日报记者：\n请问检查检验结果互认进展如何？\n\n"
    "医政司司长 李海涛：\n谢谢您的提问。主要有以下几点考虑：一是扩大互认范围。\n"
    "下一步，我们将全面推进健康中国建设。\n\n"
    "新华社记者：\n请问慢性病防控有哪些举措？\n\n"
    "{answering}\n谢谢。我们将坚持以人民健康为中心。\n\n"
    "主持人 胡强强：\n今天的发布会到此结束，谢谢大家！\n"
)


@pytest.mark.parametrize(
    "answering",
    [
        "医政司一级巡视员孟亚平：",
        "中国疾病预防控制中心慢性非传染性疾病预防控制中心副主任蒋晓军：",
        "上海交通大学医学院附属瑞金医院精神科主任医师许红梅：",
        "孟亚平：",
    ],
)
def test_a_chinese_commission_s_labels_title_and_header(tmp_path: Path, answering: str) -> None:
    """Review 141 (China's National Health Commission): "医政司司长 李海涛：" (a title, a
    space, a name), a name alone on its line, and long titles ending in an office and a
    name (一级巡视员, "first-level inspector"; 主任医师, "chief physician") were no labels:
    the officials' answers were the journalists' words, never searched. The host
    (主持人) is the moderator, as "moderator" is; the header's fields (时间, 地点, 主题,
    发布人, 主持人：...) are said by no one; the title holds its date inside; a line that
    announces what follows ("主要有以下几点考虑：") is no label."""
    path = tmp_path / "2025-05-14.txt"
    path.write_text(NHC.format(answering=answering), encoding="utf-8")
    [doc] = load_documents([str(path)])
    assert doc.title == "国家卫生健康委员会2025年5月14日新闻发布会文字实录"
    said = [(t.speaker, t.role, doc.text[t.start : t.end]) for t in doc.turns]
    assert [(who, role) for who, role, _ in said] == [
        ("主持人 胡强强", P),
        ("人民日报记者", P),
        ("医政司司长 李海涛", OFF),
        ("医政司司长 李海涛", OFF),
        ("新华社记者", P),
        (answering.rstrip("："), OFF),
        ("主持人 胡强强", P),
    ], said
    assert said[2][2] == "谢谢您的提问。主要有以下几点考虑：一是扩大互认范围。"
    assert not any("发布厅" in text or "宣传司" in text for _, _, text in said)


def test_a_chinese_ministry_s_names_alone_on_their_lines_and_guests_adding() -> None:
    """Review 143 (China's Ministry of Education): "王立群：" alone on its line above each
    answer, said more than once, was no label (the answers the journalist's words);
    a guest adding to an answer ("杨晓林：我补充一点。...") was read as asking; a title
    of two titles (副司长、一级巡视员) was no label. Where the press are named by their
    outlets, a person named is an official."""
    text = (
        "周晓岚：\n各位记者朋友，上午好！\n\n"
        "王立群：\n各位媒体朋友，大家好。我们将加快建设教育强国。\n\n"
        "中国教育报记者：\n请问今年高校毕业生就业有哪些举措？\n\n"
        "王立群：\n谢谢您的提问。我们将促进高校毕业生高质量充分就业。\n\n"
        "杨晓林：我补充一点。深圳市开通了求职维权热线。\n\n"
        "光明日报记者：请问有哪些安排？\n\n"
        "教育部高校学生司副司长、一级巡视员 吴海涛：谢谢您的提问。\n\n"
        "杨晓林：我补充一点。我们将努力办好人民满意的教育。\n"
    )
    assert [(t.speaker, t.role) for t in split_turns(text)] == [
        ("周晓岚", OFF),
        ("王立群", OFF),
        ("中国教育报记者", P),
        ("王立群", OFF),
        ("杨晓林", OFF),
        ("光明日报记者", P),
        ("教育部高校学生司副司长、一级巡视员 吴海涛", OFF),
        ("杨晓林", OFF),
    ]
