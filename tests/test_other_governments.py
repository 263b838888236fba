"""Other governments' transcripts (synthetic samples in fixtures/other): dates, titles,
speakers and roles, headings and stage directions, encodings, archives, and the
end-to-end commands finding a formula whose wording was shifted."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import cli
from consistency.errors import InputError
from consistency.ingest import document_from_text, load_documents, split_turns
from consistency.ingest.dates import date_in_lines, date_in_name
from consistency.ingest.header import scan_header
from consistency.ingest.turns import label_kind
from consistency.models import DateSource, Document, Role

ROOT = Path(__file__).resolve().parent.parent
OTHER = ROOT / "fixtures" / "other"
STATE = OTHER / "us-state"
D = dt.date
P, OFF, N = Role.PRESS, Role.OFFICIAL, Role.NARRATION
HEADER = DateSource.HEADER


def doc(relative: str) -> Document:
    (found,) = load_documents([str(OTHER / relative)])
    return found


def roles(d: Document, role: Role) -> set[str]:
    return {s for s, r in d.speakers.items() if r is role}


def spoken(d: Document) -> list[str]:
    return [d.text[t.start : t.end] for t in d.turns]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="consistency")
    return result.exit_code, result.stdout, result.stderr


# --- dates, titles, speakers, per government --------------------------------------------


@pytest.mark.parametrize(
    ("relative", "date", "title", "officials", "press"),
    [
        (
            "us-state/dpb-price-taiwan.txt",
            D(2023, 1, 10),
            "Department Press Briefing - January 10, 2023",
            {"MR PRICE"},
            {"QUESTION"},
        ),
        (
            "us-state/dpb-price-balloon.txt",
            D(2023, 2, 14),
            "Department Press Briefing – February 14, 2023",
            {"MR. PRICE"},
            {"QUESTION"},
        ),
        (
            "us-state/dpb-miller-travel.txt",
            D(2023, 6, 20),
            "Department Press Briefing – June 20, 2023",
            {"MR MILLER"},
            {"QUESTION"},
        ),
        (
            "us-whitehouse/press-briefing-jean-pierre.txt",
            D(2023, 5, 2),
            "Press Briefing by Press Secretary Karine Jean-Pierre",
            {"MS. JEAN-PIERRE", "MR. KIRBY"},
            {"Q"},
        ),
        (
            "russia/zakharova-briefing.txt",
            D(2023, 3, 15),
            "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 15, 2023",
            {"Maria Zakharova"},
            {"Question"},
        ),
        (
            "japan/press-secretary-kobayashi.txt",
            D(2023, 3, 15),
            "Press Conference by Press Secretary KOBAYASHI Maki",
            {"Mr. Kobayashi"},
            {"NHK", "Reporter", "Kyodo News"},
        ),
        (
            "india/weekly-media-briefing.txt",
            D(2023, 3, 16),
            "Transcript of Weekly Media Briefing by the Official Spokesperson (March 16, 2023)",
            {"Official Spokesperson, Shri Arindam Bagchi"},
            {"Sidhant", "Question", "Maha Siddiqui"},
        ),
        (
            "china/mao-ning-cp1252.txt",
            D(2023, 3, 15),
            "Foreign Ministry Spokesperson Mao Ning’s Regular Press Conference on March 15, 2023",
            {"Mao Ning"},
            {"AFP", "Bloomberg"},
        ),
        (
            "china/mao-ning-gb18030.txt",
            D(2023, 3, 16),
            "外交部发言人毛宁主持例行记者会",
            {"毛宁"},
            {"法新社记者", "路透社记者"},
        ),
        (
            "china/mao-ning-bom-crlf.txt",
            D(2023, 3, 17),
            "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on March 17, 2023",
            {"Mao Ning"},
            {"Reuters"},
        ),
        (
            "china/wang-wenbin-page.html",
            D(2023, 3, 20),
            "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on "
            "March 20, 2023",
            {"Wang Wenbin"},
            {"CCTV", "Reuters"},
        ),
    ],
    ids=lambda v: v.split("/")[0] if isinstance(v, str) and "/" in v else None,
)
def test_transcripts_date_title_officials_and_press(
    relative: str, date: dt.date, title: str, officials: set[str], press: set[str]
) -> None:
    d = doc(relative)
    assert (d.date, d.date_source, d.title) == (date, HEADER, title)
    assert roles(d, OFF) == officials
    assert roles(d, P) == press
    assert roles(d, N) == set()
    for turn in d.turns:
        body = d.text[turn.start : turn.end]
        assert body == body.strip() and "\r" not in body
        if turn.speaker is not None:
            assert not body.startswith(f"{turn.speaker}:")


@pytest.mark.parametrize(
    ("relative", "date", "title"),
    [
        (
            "uk/lobby-briefing-march.txt",
            D(2023, 3, 14),
            "PM's Official Spokesperson's lobby briefing: 14 March 2023",
        ),
        (
            "uk/fcdo-statement-hong-kong.txt",
            D(2023, 3, 30),
            "Foreign Secretary statement on the six-monthly report on Hong Kong",
        ),
    ],
)
def test_uk_summaries_are_narration_not_a_dialogue(
    relative: str, date: dt.date, title: str
) -> None:
    d = doc(relative)
    assert (d.date, d.date_source, d.title) == (date, HEADER, title)
    assert d.speakers == {}
    assert {t.role for t in d.turns} == {N}
    assert not any("Published" in s or s.startswith("From") for s in spoken(d))


def test_reported_speech_is_not_a_speaker_label() -> None:
    lobby = doc("uk/lobby-briefing-march.txt")
    quoted = [s for s in spoken(lobby) if s.startswith("The PMOS said:")]
    assert len(quoted) == 2 and all(s.endswith('"') for s in quoted)
    for label in ("The PMOS said", "Foreign Secretary James Cleverly said", "He added"):
        assert label_kind(label) is None


def test_gov_uk_fields_and_summary_line_are_header() -> None:
    d = doc("uk/fcdo-statement-hong-kong.txt")
    first = d.turns[0]
    assert d.text[first.start : first.end] == "Foreign Secretary James Cleverly said:"
    assert not any("Development Office" in s or "six-monthly report" in s for s in spoken(d))


# --- headings, stage directions, opening text ----------------------------------------------


def test_russian_headings_are_nobody_and_the_opening_is_the_spokeswoman() -> None:
    d = doc("russia/zakharova-briefing.txt")
    said = spoken(d)
    for heading in (
        "Update on Ukraine",
        "Sergey Lavrov's schedule",
        "Russia-Africa summit",
        "Answers to media questions:",
    ):
        assert heading not in said
    assert "Answers to media questions" not in d.speakers
    first = d.turns[0]
    assert (first.speaker, first.role) == ("Maria Zakharova", OFF)
    assert d.text[first.start :].startswith("The Kiev regime continues")
    assert sum(t.role is P for t in d.turns) == 3


def test_japanese_section_headings_are_in_no_turn() -> None:
    d = doc("japan/press-secretary-kobayashi.txt")
    assert not any(
        s.startswith(("Questions Concerning", "(1)", "Opening Remarks")) for s in spoken(d)
    )
    assert [t.speaker for t in d.turns] == [
        "Mr. Kobayashi",
        "NHK",
        "Mr. Kobayashi",
        "Reporter",
        "Mr. Kobayashi",
        "Kyodo News",
        "Mr. Kobayashi",
    ]


@pytest.mark.parametrize(
    ("relative", "direction"),
    [
        ("us-state/dpb-price-taiwan.txt", "(The briefing was concluded at 3:02 p.m.)"),
        ("us-whitehouse/press-briefing-jean-pierre.txt", "END"),
    ],
)
def test_stage_directions_and_times_are_in_no_turn(relative: str, direction: str) -> None:
    d = doc(relative)
    assert direction in d.text
    assert not any(direction in s for s in spoken(d))
    assert not any(s.endswith(("EST", "EDT")) for s in spoken(d))


def test_speakers_named_alone_on_their_line_with_tags_and_a_running_count() -> None:
    """A transcription service's page (Factba.se): each name alone on its line, then a
    sentiment tag and a time range, then the words and a running count of paragraphs. The
    names are the speakers, the tags, times and counts are said by no one, the page's
    title is the title."""
    d = doc("us-factbase/2023-06-06_press-briefing.txt")
    assert d.title == (
        "Press Conference: Karine Jean-Pierre Holds a Press Briefing at The White House - "
        "June 6, 2023"
    )
    assert roles(d, OFF) == {"Karine Jean-Pierre"}
    assert roles(d, P) == {"Question"}
    assert roles(d, N) == set()
    said = spoken(d)
    assert said[:2] == ["Good afternoon, everybody.", "Good afternoon."]
    assert said[-1] == (
        "Default would be devastating for our economy and for the American people. "
        "Congress must act."
    )
    for tag in ("Positive", "Very Negative", "Unknown", "sec)", "Karine Jean-Pierre\n"):
        assert not any(tag in s for s in said), tag
    assert not any(s[-1].isdigit() for s in said)
    by_text = {d.text[t.start : t.end]: (t.speaker, t.role) for t in d.turns}
    assert by_text["Is the White House worried about the markets?"] == ("Question", P)


FACTBASE_ONCE = """Press Conference: Karine Jean-Pierre Holds a Press Briefing - June 7, 2023

Karine Jean-Pierre

Positive
00:00:00-00:00:04 (4 sec)
Good afternoon, everybody. The President will travel to Ohio on June 5. 1

Peter Doocy

Neutral
00:00:04-00:00:09 (5 sec)
Thank you, Karine. Does the President still support the debt deal? 2

Karine Jean-Pierre

Slightly Positive
00:00:09-00:00:19 (10 sec)
He does. We will continue to grow the economy from the bottom up. That was 3

Unknown

Unknown
00:00:19-00:00:25 (6 sec)
Karine, one more on China? 4

Karine Jean-Pierre

Neutral
00:00:25-00:00:41 (16 sec)
We stand shoulder to shoulder with our allies. 6
"""

NO_TAGS = """Press briefing by the spokesperson

John Kirby
Good afternoon. We stand shoulder to shoulder with our allies.

Question
Thank you. What did they discuss?

John Kirby
They discussed the upcoming summit. I will not get ahead of the President.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a review: a reporter heard once, an "Unknown" speaker, a count with gaps, a short
        # page; the first name is the body's first label, not the header's byline
        (
            FACTBASE_ONCE,
            [
                ("Karine Jean-Pierre", OFF),
                ("Peter Doocy", P),
                ("Karine Jean-Pierre", OFF),
                ("Unknown", P),
                ("Karine Jean-Pierre", OFF),
            ],
        ),
        # names alone on a line with no tags between them and the words
        (NO_TAGS, [("John Kirby", OFF), ("Question", P), ("John Kirby", OFF)]),
    ],
)
def test_every_speaker_named_alone_on_a_line_is_one(
    text: str, expected: list[tuple[str, Role]]
) -> None:
    d = document_from_text(text, id="x", date=D(2023, 6, 7))
    assert [(t.speaker, t.role) for t in d.turns] == expected
    said = [d.text[t.start : t.end] for t in d.turns]
    assert not any(tag in s for s in said for tag in ("Neutral", "sec)", "John Kirby\n"))


def test_a_running_count_goes_but_numbers_said_stay() -> None:
    counted = "A: We met twice. 1\n\nQ: Why? 2\n\nA: Because we agreed to meet 3 times. 3\n"
    said = "A: We met twice. 2\n\nQ: Why? 9\n\nA: Because we agreed to meet. 4\n"
    assert [counted[t.start : t.end] for t in split_turns(counted)] == [
        "We met twice.",
        "Why?",
        "Because we agreed to meet 3 times.",
    ]
    assert [said[t.start : t.end] for t in split_turns(said)] == [
        "We met twice. 2",
        "Why? 9",
        "Because we agreed to meet. 4",
    ]


def test_short_lines_that_name_no_one_leave_a_text_narration() -> None:
    text = (
        "Update\n\nThe talks went well.\n\nNext steps\n\nWe will meet again.\n\n"
        "Next steps\n\nMore talks will follow.\n\nOutlook\n\nAll is well.\n"
    )
    turns = split_turns(text)
    assert {t.role for t in turns} == {N}
    assert "We will meet again." in [text[t.start : t.end] for t in turns]


def test_white_house_bare_q_and_go_ahead() -> None:
    d = doc("us-whitehouse/press-briefing-jean-pierre.txt")
    by_text = {d.text[t.start : t.end]: (t.speaker, t.role) for t in d.turns}
    assert by_text["Go ahead, Peter."] == ("MS. JEAN-PIERRE", OFF)
    assert by_text["Does he think the relationship is improving?"] == ("Q", P)
    assert by_text["I don't have anything new for you today."] == ("MR. KIRBY", OFF)


def test_indian_title_date_wins_over_the_publication_date() -> None:
    d = doc("india/weekly-media-briefing.txt")
    assert "March 17, 2023" in d.text and d.date == D(2023, 3, 16)


# --- encodings, HTML, archives -------------------------------------------------------------


def test_legacy_encodings_bom_and_crlf_decode_cleanly() -> None:
    cp1252 = doc("china/mao-ning-cp1252.txt")
    assert "China’s territory" in cp1252.text and "communiqués" in cp1252.text
    gb = doc("china/mao-ning-gb18030.txt")
    assert "一个中国原则" in gb.text
    bom = doc("china/mao-ning-bom-crlf.txt")
    assert bom.text.startswith("Foreign Ministry") and "\r" not in bom.text
    for d in (cp1252, gb, bom):
        assert "\r" not in d.text and "\ufeff" not in d.text


def test_html_page_keeps_the_briefing_and_drops_navigation_and_scripts() -> None:
    d = doc("china/wang-wenbin-page.html")
    assert d.source == "https://www.example.org/mfa/2023-03-20.html"
    assert d.text.startswith("Wang Wenbin: Good afternoon.")
    for junk in ("Home", "Search", "var nav", "Subscribe", "Copyright", "Suggest to a friend"):
        assert junk not in d.text


@pytest.mark.parametrize(
    ("name", "date", "title", "official", "gone"),
    [
        (
            "state-department-briefing.html",
            D(2023, 1, 10),
            "Department Press Briefing – January 10, 2023",
            "MR PRICE",
            ["(Laughter.)", "2:17 p.m. EST", "(The briefing was concluded", "Privacy Policy"],
        ),
        (
            "russia-mfa-briefing.html",
            D(2023, 3, 22),
            "Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, March 22, 2023 - "
            "The Ministry of Foreign Affairs of the Russian Federation",
            "Maria Zakharova",
            ["Update on Ukraine", "Answers to media questions:", "Russia-Africa summit"],
        ),
    ],
)
def test_html_briefings_of_other_ministries(
    name: str, date: dt.date, title: str, official: str, gone: list[str]
) -> None:
    d = doc(f"html/{name}")
    assert (d.date, d.date_source, d.title) == (date, HEADER, title)
    assert d.speakers == {official: OFF, "QUESTION" if "MR" in official else "Question": P}
    assert [t.role for t in d.turns] == [OFF, P, OFF, P, OFF]
    for text in gone:
        assert not any(text in s for s in spoken(d))


def test_jsonl_and_csv_archives_hold_several_briefings() -> None:
    docs = load_documents([str(OTHER / "archives")])
    assert [(d.id, d.date, d.date_source, d.title) for d in docs] == [
        ("dfat-2023-02-01", D(2023, 2, 1), DateSource.ROW, "Doorstop interview, Canberra"),
        ("dfat-2023-03-08", D(2023, 3, 8), DateSource.ROW, "Press conference, Perth"),
        ("dfat-2023-04-12", D(2023, 4, 12), DateSource.ROW, "Interview with ABC Radio"),
        (
            "mofa-kr-0504",
            D(2023, 5, 4),
            DateSource.ROW,
            "Regular Press Briefing by the Spokesperson",
        ),
        (
            "mofa-kr-0511",
            D(2023, 5, 11),
            DateSource.ROW,
            "Regular Press Briefing by the Spokesperson",
        ),
    ]
    for d in docs:
        assert roles(d, OFF) in ({"FOREIGN MINISTER"}, {"Spokesperson Lim Soo-suk"})
        assert roles(d, P) <= {"JOURNALIST", "PRESENTER", "Q"} and roles(d, P)
    assert docs[0].source == "https://example.org/dfat/doorstop-1"


# --- small hand-made cases of other formats ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "QUESTION (Reuters): Will the minister travel?\nMINISTER: Yes.\n"
            "QUESTION (AFP): When?\nMINISTER: Next week.\n",
            [
                ("QUESTION (Reuters)", P),
                ("MINISTER", OFF),
                ("QUESTION (AFP)", P),
                ("MINISTER", OFF),
            ],
        ),
        (
            "Q. Will the minister travel?\nA. Yes, next week.\nQ. Where?\nA. To Berlin.\n",
            [("Q", P), ("A", OFF), ("Q", P), ("A", OFF)],
        ),
        (
            "MODERATOR: Our first question goes to Reuters.\n"
            "QUESTION: Did you discuss export controls?\n"
            "SENIOR STATE DEPARTMENT OFFICIAL: We did.\n",
            [("MODERATOR", P), ("QUESTION", P), ("SENIOR STATE DEPARTMENT OFFICIAL", OFF)],
        ),
        (
            "問：中方對此有何評論？\n答：中方的立場是一貫的、明確的。\n",
            [("問", P), ("答", OFF)],
        ),
        ("記者：日本政府の立場は？\n報道官：立場は一貫。\n", [("記者", P), ("報道官", OFF)]),
        (
            "외교부 대변인: 정부의 입장은 일관됩니다.\n기자: 추가 질문이 있습니까?\n",
            [("외교부 대변인", OFF), ("기자", P)],
        ),
    ],
    ids=["parenthesised-outlet", "q-dot-a-dot", "moderator", "traditional", "japanese", "korean"],
)
def test_other_label_styles(text: str, expected: list[tuple[str, Role]]) -> None:
    assert [(t.speaker, t.role) for t in split_turns(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "A. Introduction\nThe review covers three areas.\nB. Scope\nIt is limited to trade.\n",
        "Answers to media questions:\nThe minister met reporters on Monday.\n",
    ],
)
def test_outlines_and_headings_with_colons_are_not_transcripts(text: str) -> None:
    assert {t.role for t in split_turns(text)} == {N}


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        (
            "Home\nBriefings\nDepartment Press Briefing – March 1, 2023\nNed Price, Department "
            "Spokesperson\nWashington, DC\nMarch 1, 2023\n2:17 p.m. EST\n\nMR PRICE: Hello.\n",
            "Department Press Briefing – March 1, 2023",
            "MR PRICE:",
        ),
        (
            "Readout of Secretary Blinken's Call with Foreign Minister Wang Yi\n"
            "Office of the Spokesperson\nJanuary 24, 2024\n\nThe Secretary spoke today with him.\n",
            "Readout of Secretary Blinken's Call with Foreign Minister Wang Yi",
            "The Secretary spoke",
        ),
        (
            "Remarks\nAntony J. Blinken, Secretary of State\nBeijing, People's Republic of China\n"
            "June 19, 2023\n\nSECRETARY BLINKEN: Good evening.\n",
            "Remarks",
            "SECRETARY BLINKEN:",
        ),
        (
            "QUESTION:\nCan you confirm the visit?\nANSWER:\nWe will.\n",
            None,
            "QUESTION:",
        ),
    ],
    ids=["breadcrumbs-byline-place-time", "office-line", "one-word-title", "bare-label-first"],
)
def test_header_titles_skip_bylines_places_times_and_offices(
    text: str, title: str | None, body: str
) -> None:
    header = scan_header(text)
    assert header.title == title
    assert text[header.end :].lstrip().startswith(body)


def test_header_never_swallows_chinese_opening_announcements() -> None:
    text = "一、应邀请，国务院副总理将出席峰会。\n中德关系发展良好。\n问：有何评论？\n答：没有。\n"
    assert scan_header(text).end == 0
    assert split_turns(text)[0].role is OFF


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Wednesday, March 15, 2023, 4:00 p.m. Ministry of Foreign Affairs"], D(2023, 3, 15)),
        (["15 March 2023 18:10", "Briefing by ..."], D(2023, 3, 15)),
        (["Published", "30 March 2023"], D(2023, 3, 30)),
        (["Tuesday 14 March 2023.", "The PMOS said the talks went well."], D(2023, 3, 14)),
    ],
)
def test_date_lines(lines: list[str], expected: dt.date) -> None:
    assert date_in_lines(lines) == expected


def test_a_date_in_a_question_does_not_date_the_briefing(tmp_path: Path) -> None:
    path = tmp_path / "untitled.txt"
    path.write_text(
        "QUESTION: On March 3, 2023, Beijing said it would respond. Any comment?\n"
        "MR PRICE: We have seen the reports.\n",
        "utf-8",
    )
    with pytest.raises(InputError, match="no date found"):
        load_documents([str(path)])
    (dated,) = load_documents([str(path)], date=D(2023, 3, 6))
    assert dated.speakers == {"QUESTION": P, "MR PRICE": OFF}


def test_unpadded_iso_dates_in_file_names() -> None:
    assert date_in_name("2023-1-9_briefing") == D(2023, 1, 9)
    assert date_in_name("v2.1.3") is None


# --- end to end: discover, report, check ---------------------------------------------------


def test_report_finds_the_planted_shift_across_three_dates() -> None:
    code, out, _ = run("report", str(STATE), "--format", "json")
    assert code == 0
    points = {p["id"]: p for p in json.loads(out)["points"]}
    policy = next(p for p in points.values() if "one China policy" in p["text"])
    assert policy["text"].endswith("one China policy has not changed")
    (shift,) = policy["shifts"]
    assert (shift["date"], shift["document"], shift["previous_date"]) == (
        "2023-06-20",
        "dpb-miller-travel",
        "2023-02-14",
    )
    assert shift["diff"].endswith("one China policy {-has not changed-}{+remains unchanged+}")
    assert not any("concluded" in p["text"] for p in points.values())


def test_discover_keeps_stage_directions_and_titles_out() -> None:
    code, out, _ = run("discover", str(STATE), "--format", "json")
    assert code == 0
    texts = [p["text"] for p in json.loads(out)["points"]]
    assert any(t.endswith("one China policy has not changed") for t in texts)
    assert not any("briefing" in t.casefold() or "p.m." in t for t in texts)


def test_check_fails_on_the_shifted_briefing_and_passes_an_unchanged_one() -> None:
    new = STATE / "dpb-miller-travel.txt"
    code, out, _ = run(
        "check",
        str(new),
        "--against",
        str(STATE),
        "--until",
        "2023-06-19",
        "--format",
        "json",
        "--strict",
    )
    assert code == 1  # discovered points are warnings: they fail with --strict
    findings = json.loads(out)["findings"]
    policy = next(f for f in findings if "one China policy" in f["text"])
    assert policy["text"] == "one China policy remains unchanged"
    assert (policy["line"], policy["reference"]["date"]) == (12, "2023-02-14")
    same = STATE / "dpb-price-balloon.txt"
    code, out, _ = run("check", str(same), "--against", str(STATE), "--until", "2023-02-14")
    assert code == 0, out


@pytest.mark.parametrize(
    "folder",
    [
        "us-state",
        "us-whitehouse",
        "us-whitehouse-archive",
        "us-factbase",
        "uk",
        "russia",
        "japan",
        "india",
        "china",
        "html",
        "archives",
    ],
)
def test_every_command_runs_on_every_government(folder: str) -> None:
    path = str(OTHER / folder)
    for command in ("ingest", "discover", "report"):
        code, out, err = run(command, path)
        assert code == 0, err
        assert out
