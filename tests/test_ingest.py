"""Ingest: reading files, directories, rows and stdin into dated documents, and every error."""

from __future__ import annotations

import datetime as dt
import doctest
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from corpus import NO_FULL, having
from hypothesis import given
from hypothesis import strategies as st

import consistency.ingest.dates
import consistency.ingest.encoding
from consistency.errors import ConsistencyError, InputError, InputErrors, OptionError
from consistency.ingest import UNDATED, document_from_text, load_documents
from consistency.ingest.dates import date_in_lines
from consistency.ingest.html import html_to_page
from consistency.models import DateSource, Document, Role

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = ROOT / "fixtures" / "briefings"
CORPUS = having("html/t1671670.html")
needs_corpus = pytest.mark.skipif(CORPUS is None, reason=NO_FULL)
D = dt.date
BODY = "Q: What is your comment?\nA: China's position is consistent and clear.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def problems(exc: pytest.ExceptionInfo[ConsistencyError]) -> list[str]:
    return str(exc.value).split("\n")


def one(path: Path, **options: object) -> Document:
    docs = load_documents([str(path)], **options)  # type: ignore[arg-type]
    assert len(docs) == 1
    return docs[0]


@pytest.mark.parametrize("module", [consistency.ingest.dates, consistency.ingest.encoding])
def test_doctests(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


# --- the seeds ---------------------------------------------------------------------------


def test_seed_directory_dates_titles_and_order() -> None:
    docs = load_documents([str(BRIEFINGS)])
    assert [(d.id, d.date, d.date_source, d.title) for d in docs] == [
        (
            "002_4a5ca9b62894acf8",
            D(2023, 3, 27),
            DateSource.HEADER,
            "Qin Gang Meets with Secretary-General of ASEAN Kao Kim Hourn",
        ),
        (
            "003_28ddfdb37133726e",
            D(2025, 5, 20),
            DateSource.MANIFEST,
            "Major progress expected from China-ASEAN free trade talks",
        ),
        (
            "004_d0784a09b45da4f1",
            D(2025, 9, 8),
            DateSource.HEADER,
            "China-ASEAN cooperation remains strong amid global uncertainty",
        ),
        ("001_ea51057881414630", D(2025, 9, 23), DateSource.HEADER, None),
        ("000_0c46398071a3ed71", D(2025, 10, 22), DateSource.MANIFEST, None),
    ]
    for doc in docs:
        assert doc.path == str(BRIEFINGS / f"{doc.id}.txt")
        assert doc.text == (BRIEFINGS / f"{doc.id}.txt").read_text("utf-8")


def test_seed_named_alone_is_dated_by_the_manifest_beside_it_or_given(tmp_path: Path) -> None:
    seed = BRIEFINGS / "000_0c46398071a3ed71.txt"
    assert one(seed).date_source is DateSource.MANIFEST  # fixtures/briefings/manifest.csv
    alone = tmp_path / seed.name
    alone.write_bytes(seed.read_bytes())
    with pytest.raises(InputError) as exc:
        load_documents([str(alone)])
    assert problems(exc) == [f"{alone}: {UNDATED}"]
    doc = one(seed, manifest=str(BRIEFINGS / "manifest.csv"))
    assert (doc.id, doc.date, doc.date_source) == (
        "000_0c46398071a3ed71",
        D(2025, 10, 22),
        DateSource.MANIFEST,
    )


def test_undated_message_names_the_four_ways() -> None:
    assert UNDATED == (
        "no date found; give one with --date YYYY-MM-DD, a manifest (--manifest or "
        "manifest.csv: path,date), a date in the file name (2025-10-22_briefing.txt), or a "
        "date line at the top (e.g. 'Published: Sep 08, 2025')"
    )


def test_date_option_wins_for_a_single_document() -> None:
    doc = one(BRIEFINGS / "001_ea51057881414630.txt", date=D(2025, 1, 2))
    assert (doc.date, doc.date_source) == (D(2025, 1, 2), DateSource.OPTION)


def test_date_option_with_several_documents_is_an_option_error() -> None:
    with pytest.raises(OptionError) as exc:
        load_documents([str(BRIEFINGS)], date=D(2025, 1, 2))
    assert problems(exc) == [
        "--date needs a single document, but 5 were given; "
        "date them with a manifest or dates in the file names"
    ]


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2025-10-22_briefing.txt", D(2025, 10, 22)),
        ("20251022.txt", D(2025, 10, 22)),
        ("briefing_2025_10_22.md", D(2025, 10, 22)),
        ("mfa-2019.06.12-transcript.txt", D(2019, 6, 12)),
        ("2019-04-29_2.txt", D(2019, 4, 29)),
    ],
)
def test_date_in_file_name(tmp_path: Path, name: str, expected: dt.date) -> None:
    doc = one(write(tmp_path / name, BODY))
    assert (doc.date, doc.date_source) == (expected, DateSource.FILENAME)


@pytest.mark.parametrize(
    ("name", "said"),
    [("20251322.txt", "'20251322'"), ("t1659619.txt", None), ("1234-56-78.txt", None)],
)
def test_impossible_dates_in_names_are_not_dates(
    tmp_path: Path, name: str, said: str | None
) -> None:
    """Not dates; the error says so of a date-shaped name of a plausible year (test G11)."""
    path = write(tmp_path / name, BODY)
    with pytest.raises(InputError) as exc:
        load_documents([str(path)])
    why = UNDATED
    if said is not None:
        why = why.replace(
            "no date found", f"no date found ({said} in the file name is no real day)"
        )
    assert problems(exc) == [f"{path}: {why}"]


def test_date_in_a_folder_name_inside_the_input_directory(tmp_path: Path) -> None:
    write(tmp_path / "archive" / "2025-10-22" / "transcript.txt", BODY)
    doc = one(tmp_path / "archive")
    assert (doc.id, doc.date, doc.date_source) == (
        "2025-10-22/transcript",
        D(2025, 10, 22),
        DateSource.FILENAME,
    )


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("09/23/2025 | Press release | Distributed by Public on 09/23/2025 06:57", D(2025, 9, 23)),
        ("Published: Sep 08, 2025 10:27 PM", D(2025, 9, 8)),
        (
            "On March 27, 2023, State Councilor and Foreign Minister Qin Gang met with the "
            "Secretary-General of ASEAN in Beijing, and the two sides had talks.",
            D(2023, 3, 27),
        ),
        (
            "Foreign Ministry Spokesperson's Regular Press Conference on June 12, 2019",
            D(2019, 6, 12),
        ),
        ("2019-06-12", D(2019, 6, 12)),
        ("Updated 2019-06-12T10:00:00Z", D(2019, 6, 12)),
        ("12 June 2019", D(2019, 6, 12)),
        ("Wednesday, 12th June 2019", D(2019, 6, 12)),
        ("Sept. 8, 2025", D(2025, 9, 8)),
        ("23/09/2025", D(2025, 9, 23)),
        ("23.09.2025", D(2025, 9, 23)),
        ("2019/06/12 press briefing", D(2019, 6, 12)),
        ("2019年6月12日外交部发言人例行记者会", D(2019, 6, 12)),
        # the Republic of China calendar of Taiwan's pages (review 78: no date found)
        ("中華民國113年3月5日（星期二）", D(2024, 3, 5)),
        ("民國 99 年 1 月 4 日", D(2010, 1, 4)),
        # ... after a page's date field (review 137: the field read as a speaker's label)
        ("日期：中華民國114年9月4日（星期四）", D(2025, 9, 4)),
        ("日期：2025-09-04", D(2025, 9, 4)),
        ("發布日期：2025年9月4日", D(2025, 9, 4)),
    ],
)
def test_date_line_at_the_top(tmp_path: Path, top: str, expected: dt.date) -> None:
    doc = one(write(tmp_path / "briefing.txt", f"{top}\n{BODY}"))
    assert (doc.date, doc.date_source) == (expected, DateSource.HEADER)


def test_date_deep_in_a_long_first_paragraph_is_not_the_briefing_date(tmp_path: Path) -> None:
    text = (
        "State Councilor and Foreign Minister Wang Yi held talks with the visiting minister, "
        "and the two sides recalled the agreement signed on June 1, 2018 in Beijing, which "
        "has guided cooperation ever since.\n"
    )
    path = write(tmp_path / "briefing.txt", text)
    with pytest.raises(InputError):
        load_documents([str(path)])


def test_date_below_the_top_ten_lines_is_not_used() -> None:
    lines = [f"Paragraph {i}." for i in range(10)] + ["Published: Sep 08, 2025"]
    assert date_in_lines(lines) is None
    assert date_in_lines(lines[-1:]) == D(2025, 9, 8)


def test_header_date_of_the_first_dated_line_wins(tmp_path: Path) -> None:
    text = (
        "03/27/2023 | News release | Distributed by Public on 03/28/2023 20:47\n\n"
        "On March 28, 2023, the minister met his guest.\n"
    )
    assert one(write(tmp_path / "x.txt", text)).date == D(2023, 3, 27)


# --- manifests ---------------------------------------------------------------------------


def test_manifest_csv_in_a_directory_dates_its_files_and_is_no_briefing(tmp_path: Path) -> None:
    write(tmp_path / "b" / "first.txt", BODY)
    write(tmp_path / "b" / "sub" / "second.md", BODY)
    write(tmp_path / "b" / "manifest.csv", "path,date\nfirst.txt,2024-01-02\n")
    write(tmp_path / "b" / "sub" / "manifest.csv", "path,date\nsecond.md,2024-01-03\n")
    docs = load_documents([str(tmp_path / "b")])
    assert [(d.id, d.date, d.date_source) for d in docs] == [
        ("first", D(2024, 1, 2), DateSource.MANIFEST),
        ("sub/second", D(2024, 1, 3), DateSource.MANIFEST),
    ]


def test_manifest_option_beats_the_directory_manifest_and_the_file_name(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2020-01-01.txt", BODY)
    write(tmp_path / "b" / "manifest.csv", "path,date\n2020-01-01.txt,2021-01-01\n")
    write(tmp_path / "m.csv", "Path , DATE,note\nb/2020-01-01.txt,2022-01-01,x\n")
    doc = one(tmp_path / "b", manifest=str(tmp_path / "m.csv"))
    assert (doc.date, doc.date_source) == (D(2022, 1, 1), DateSource.MANIFEST)
    assert one(tmp_path / "b").date == D(2021, 1, 1)


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        (
            "path,date\nx.txt,2024-13-01\n",
            "{m}:2: bad date '2024-13-01' for x.txt (expected YYYY-MM-DD)",
        ),
        (
            "path,date\nx.txt,yesterday\n",
            "{m}:2: bad date 'yesterday' for x.txt (expected YYYY-MM-DD)",
        ),
        ("path,date\n,2024-01-01\n", "{m}:2: empty path"),
        ("path,date\nmissing.txt,2024-01-01\n", "{m}:2: no such file: missing.txt"),
        (
            "file,when\nx.txt,2024-01-01\n",
            "{m}:1: manifest needs a header row with columns path,date (missing: path, date)",
        ),
        (
            "path,date\n\nx.txt,2024-01-01\nx.txt,2024-01-02\n",
            "{m}:4: x.txt listed twice with different dates (also line 3)",
        ),
        ("", "{m}: empty manifest (expected a header row path,date)"),
    ],
)
def test_bad_manifest_rows_name_file_and_line(tmp_path: Path, manifest: str, expected: str) -> None:
    write(tmp_path / "x.txt", "Published: Sep 08, 2025\n" + BODY)
    m = write(tmp_path / "m.csv", manifest)
    with pytest.raises(InputError) as exc:
        load_documents([str(tmp_path / "x.txt")], manifest=str(m))
    assert problems(exc) == [expected.format(m=m)]


def test_missing_manifest_option(tmp_path: Path) -> None:
    write(tmp_path / "2024-01-01.txt", BODY)
    with pytest.raises(InputError) as exc:
        load_documents([str(tmp_path)], manifest=str(tmp_path / "nope.csv"))
    assert problems(exc) == [f"{tmp_path / 'nope.csv'}: manifest not found"]


# --- encodings and line endings -----------------------------------------------------------


def test_utf8_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    raw = "\ufeffQ: What?\r\nA: China’s position is “consistent”.\r\rDone.\r\n"
    doc = one(write(tmp_path / "2024-01-01.txt", raw.encode("utf-8")))
    assert doc.text == "Q: What?\nA: China’s position is “consistent”.\n\nDone.\n"
    assert [(t.speaker, doc.text[t.start : t.end], t.line) for t in doc.turns] == [
        ("Q", "What?", 1),
        ("A", "China’s position is “consistent”.", 2),
        ("A", "Done.", 4),
    ]


def test_utf16_with_bom(tmp_path: Path) -> None:
    doc = one(write(tmp_path / "2024-01-01.txt", BODY.encode("utf-16")))
    assert doc.text == BODY


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "Published: Sep 08, 2025\n"
        "Guo Jiakun: China’s position on the “Ukraine crisis” is consistent and clear — "
        "we hope for peace. Café talks in Zürich were “constructive”.\n"
    )
    doc = one(write(tmp_path / "legacy.txt", text.encode("cp1252")))
    assert doc.text == text


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    text = "Published: Sep 08, 2025\nLa coopération franco-chinoise est très solide. À bientôt.\n"
    assert one(write(tmp_path / "fr.txt", text.encode("latin-1"))).text == text


def test_gb18030_file_is_decoded(tmp_path: Path) -> None:
    text = (
        "2019年6月12日\n问：中方对此有何评论？\n"
        "答：中方的立场是一贯的、明确的。我们希望各方保持冷静克制。\n"
    )
    doc = one(write(tmp_path / "zh.txt", text.encode("gb18030")))
    assert doc.text == text
    assert doc.date == D(2019, 6, 12)
    assert doc.speakers == {"问": Role.PRESS, "答": Role.OFFICIAL}


def test_unclear_legacy_encoding_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "2024-01-01.txt", "外交部".encode("gb18030"))
    with pytest.raises(InputError) as exc:
        load_documents([str(path)])
    (line,) = problems(exc)
    assert line.startswith(f"{path}: not UTF-8 and the encoding is unclear (could be ")
    assert line.endswith("); convert the file to UTF-8")


def test_a_few_stray_bytes_are_no_evidence_of_an_exotic_encoding(tmp_path: Path) -> None:
    """Review 88: plain English with a few stray bytes was read, garbled and with exit 0,
    in an Urdu code page ("\\xff\\xfe": cp1006) or a Baltic one ("caf\\xe9" and
    "\\x80\\x81": cp775). Too few non-ASCII bytes tell no encoding but the WHATWG
    fallback, cp1252, where it fits; else the file is refused, naming the line."""
    path = write(tmp_path / "2024-01-02.txt", b"The spokesman said \xff\xfe is good.\n")
    assert one(path).text == "The spokesman said \u00ff\u00fe is good.\n"
    path = write(tmp_path / "2024-01-03.txt", b"A: We met at the caf\xe9.\nIt was \x80\x81 fine.\n")
    with pytest.raises(InputError) as exc:
        load_documents([str(path)])
    [line] = problems(exc)
    assert line.startswith(f"{path}:1: not UTF-8, and 3 non-ASCII bytes are too few to tell ")


def test_damaged_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    raw = "Q: Is China’s position “clear”?\nA: Yes\xff it is.\n".encode().replace(
        b"\xc3\xbf", b"\xff"
    )
    path = write(tmp_path / "2024-01-01.txt", raw)
    with pytest.raises(InputError) as exc:
        load_documents([str(path)])
    assert problems(exc) == [f"{path}:2: invalid UTF-8 (byte 0xff); convert the file to UTF-8"]


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(32)) * 10])
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "2024-01-01.txt", content)
    with pytest.raises(InputError) as exc:
        load_documents([str(path)])
    assert problems(exc) == [f"{path}: binary file (not text)"]


# --- HTML ----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head>
<meta charset="windows-1252"><title>Regular Press Conference on June 12, 2019</title>
<style>p {color: red}</style><script>var x = "Q: not speech";</script></head>
<body><nav><a href="/">Home</a> &gt; <a href="/press">Press</a></nav>
<div class="sidebar"><p>Links</p></div>
<div class="content">
<p>China and the UK will hold the dialogue on June 17.</p>
<p><b>Q: What do you expect&nbsp;from it?</b></p>
<p>A: We hope for “positive” outcomes.<br>We will release more information.</p>
</div><footer><p>Copyright</p></footer></body></html>"""


def test_html_page_main_text_title_and_date(tmp_path: Path) -> None:
    doc = one(write(tmp_path / "t1.html", PAGE.encode("cp1252")))
    assert doc.text == (
        "China and the UK will hold the dialogue on June 17.\n"
        "Q: What do you expect from it?\n"
        "A: We hope for “positive” outcomes.\n"
        "We will release more information."
    )
    assert (doc.date, doc.date_source) == (D(2019, 6, 12), DateSource.HEADER)
    assert doc.title == "Regular Press Conference on June 12, 2019"
    assert [(t.speaker, t.role) for t in doc.turns] == [
        ("A", Role.OFFICIAL),
        ("Q", Role.PRESS),
        ("A", Role.OFFICIAL),
        ("A", Role.OFFICIAL),
    ]


def test_html_dates_from_meta_and_time() -> None:
    meta = '<html><head><meta property="article:published_time" content="2020-06-15T09:00">'
    assert html_to_page(meta + "</head><body><p>Hi.</p></body></html>").date == D(2020, 6, 15)
    timed = '<html><body><time datetime="2020-06-16">June</time><p>Hi.</p></body></html>'
    assert html_to_page(timed).date == D(2020, 6, 16)


def test_html_canonical_address_is_the_source(tmp_path: Path) -> None:
    page = PAGE.replace(
        "<title>", '<link rel="canonical" href="https://example.org/t1.html"><title>'
    )
    doc = one(write(tmp_path / "t1.html", page.encode("cp1252")))
    assert doc.source == "https://example.org/t1.html"


def test_html_without_paragraphs_falls_back_to_the_body_minus_boilerplate() -> None:
    page = html_to_page("<body><nav>Menu</nav><div>Line one<br>Line two</div></body>")
    assert page.text == "Line one\nLine two"


@needs_corpus
def test_raw_ministry_pages() -> None:
    assert CORPUS is not None
    docs = load_documents([str(CORPUS / "html")])
    assert [(d.id, d.date, d.date_source) for d in docs] == [
        ("t1659619", D(2019, 4, 29), DateSource.HEADER),
        ("t1660057", D(2019, 4, 29), DateSource.HEADER),
        ("t1671670", D(2019, 6, 12), DateSource.HEADER),
        ("t1789003", D(2020, 6, 15), DateSource.HEADER),
    ]
    june = docs[2]
    assert june.title == (
        "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on June 12, 2019"
    )
    assert june.text + "\n" == (CORPUS / "mfa" / "2019-06-12.txt").read_text("utf-8")
    for doc in docs:
        assert "Home" not in doc.text and "Suggest to a friend" not in doc.text
        assert any(t.role is Role.OFFICIAL for t in doc.turns)
    assert docs[3].speakers["Zhao Lijian"] is Role.OFFICIAL


# --- rows ------------------------------------------------------------------------------------


def test_jsonl_rows(tmp_path: Path) -> None:
    rows = [
        {"id": "wh-1", "date": "2024-05-01", "text": "Q: Why?\nA: Because.", "title": "Briefing"},
        {"date": "2024-05-02", "text": "A statement.", "source": "https://example.org/2"},
    ]
    path = write(tmp_path / "rows.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs = load_documents([str(path)])
    assert [(d.id, d.path, d.date, d.date_source, d.title, d.source) for d in docs] == [
        ("wh-1", f"{path}#1", D(2024, 5, 1), DateSource.ROW, "Briefing", None),
        ("rows#2", f"{path}#2", D(2024, 5, 2), DateSource.ROW, None, "https://example.org/2"),
    ]
    assert docs[0].text == "Q: Why?\nA: Because."
    assert docs[0].speakers == {"Q": Role.PRESS, "A": Role.OFFICIAL}


def test_csv_rows_with_multiline_text(tmp_path: Path) -> None:
    content = 'date,text,id\r\n2024-05-01,"Q: Why?\r\nA: Because.",a\r\n2024-05-02,Plain.,\r\n'
    path = write(tmp_path / "rows.csv", content)
    docs = load_documents([str(path)])
    assert [(d.id, d.text, d.date) for d in docs] == [
        ("a", "Q: Why?\nA: Because.", D(2024, 5, 1)),
        ("rows#2", "Plain.", D(2024, 5, 2)),
    ]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "r.jsonl",
            '{"date": "2024-01-01", "text": "ok"}\n{"date": oops}\n',
            ["{p}:2: invalid JSON: Expecting value"],
        ),
        ("r.jsonl", '["a list"]\n', ["{p}:1: expected a JSON object"]),
        ("r.jsonl", '\n{"date": "2024-01-01"}\n', ["{p}:2: missing field 'text'"]),
        ("r.jsonl", '{"date": "2024-01-01", "text": "  "}\n', ["{p}:1: empty text"]),
        (
            "r.jsonl",
            '{"date": "01/02/2024", "text": "x"}\n',
            ["{p}:1: bad date '01/02/2024' (expected YYYY-MM-DD)"],
        ),
        ("r.jsonl", '{"text": "x"}\n', ["{p}:1: row has no date (add a 'date' field, YYYY-MM-DD)"]),
        (
            "r.jsonl",
            '{"date": "2024-01-01", "text": ["x"]}\n',
            ["{p}:1: field 'text' must be a string"],
        ),
        (
            "r.csv",
            "date,body\n2024-01-01,x\n",
            ["{p}:1: missing column 'text' (a briefing CSV needs columns date,text)"],
        ),
        ("r.csv", "date,text\n2024-01-01,x,extra\n", ["{p}:2: expected 2 fields, found 3"]),
        ("r.csv", "date,text\n", ["{p}: no rows"]),
        (
            "r.jsonl",
            '{"id": "a", "date": "2024-01-01", "text": "x"}\n'
            '{"id": "a", "date": "2024-01-02", "text": "y"}\n',
            ["{p}#2: duplicate document id 'a' (also {p}#1)"],
        ),
    ],
)
def test_row_errors_name_file_and_line(
    tmp_path: Path, name: str, content: str, expected: list[str]
) -> None:
    path = write(tmp_path / name, content)
    with pytest.raises(ConsistencyError) as exc:
        load_documents([str(path)])
    assert problems(exc) == [e.format(p=path) for e in expected]


# --- stdin -------------------------------------------------------------------------------------


def test_stdin_text() -> None:
    doc = load_documents(["-"], stdin=io.StringIO("Published: Sep 08, 2025\r\n" + BODY))[0]
    assert (doc.id, doc.path, doc.date, doc.date_source) == (
        "stdin",
        "<stdin>",
        D(2025, 9, 8),
        DateSource.HEADER,
    )
    assert doc.text.startswith("Published: Sep 08, 2025\nQ: What")


def test_stdin_bytes_html_and_jsonl() -> None:
    page = load_documents(["-"], stdin=io.BytesIO(PAGE.encode("cp1252")))[0]
    assert page.title == "Regular Press Conference on June 12, 2019"
    rows = load_documents(["-"], stdin=io.BytesIO(b'{"date": "2024-01-01", "text": "One."}\n'))
    assert [(d.id, d.path) for d in rows] == [("stdin#1", "<stdin>#1")]


def test_stdin_with_date_option_and_undated() -> None:
    doc = load_documents(["-"], stdin=io.StringIO(BODY), date=D(2024, 2, 3))[0]
    assert (doc.date, doc.date_source) == (D(2024, 2, 3), DateSource.OPTION)
    with pytest.raises(InputError) as exc:
        load_documents(["-"], stdin=io.StringIO(BODY))
    assert problems(exc) == [f"<stdin>: {UNDATED}"]


# --- paths and errors ----------------------------------------------------------------------------


def test_directory_walk_ids_order_and_skips(tmp_path: Path) -> None:
    base = tmp_path / "in"
    write(base / "b" / "2024-01-02.md", BODY)
    write(base / "a" / "2024-01-02.htm", "<p>" + BODY + "</p>")
    write(base / "2024-01-01.TXT", BODY)
    write(base / "notes.pdf", b"%PDF")
    write(base / ".hidden" / "2024-01-01.txt", BODY)
    write(base / ".swap.txt", BODY)
    docs = load_documents([str(base)])
    assert [d.id for d in docs] == ["2024-01-01", "a/2024-01-02", "b/2024-01-02"]
    assert docs[1].path == str(base / "a" / "2024-01-02.htm")


def test_path_objects_and_a_capitalised_manifest(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", BODY)
    write(tmp_path / "Manifest.CSV", "path,date\nx.txt,2024-03-04\n")
    docs = load_documents([tmp_path])
    assert [(d.id, d.date, d.date_source) for d in docs] == [
        ("x", D(2024, 3, 4), DateSource.MANIFEST)
    ]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "2024-01-01.txt", BODY)
    assert len(load_documents([str(tmp_path), str(path)])) == 1


def test_file_without_extension_is_text(tmp_path: Path) -> None:
    assert one(write(tmp_path / "2024-01-01", BODY)).id == "2024-01-01"


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: p / "nope.txt", "{p}/nope.txt: no such file or directory"),
        (
            lambda p: write(p / "empty" / "x.pdf", b"%PDF").parent,
            "{p}/empty: no briefings found (looked for .txt, .md, .html, .htm, .jsonl, .csv); "
            "skipped 1 file that is not a briefing: {p}/empty/x.pdf (--include GLOB reads them)",
        ),
        (
            lambda p: write(p / "2024-01-01.docx", b"PK"),
            "{p}/2024-01-01.docx: unsupported file type '.docx' "
            "(expected .txt, .md, .html, .htm, .jsonl, .csv)",
        ),
        (
            lambda p: write(p / "manifest.csv", "path,date\n"),
            "{p}/manifest.csv: this is a manifest, not a briefing: give it with --manifest, "
            "or give its folder",
        ),
        (
            lambda p: write(p / "2024-01-01.txt", " \n\ufeff"),
            "{p}/2024-01-01.txt: empty file (no text)",
        ),
        (
            lambda p: write(p / "2024-01-01.html", "<html><script>x</script></html>"),
            "{p}/2024-01-01.html: no text found in the HTML page",
        ),
    ],
    ids=["missing", "no-briefings", "unsupported", "manifest-named", "empty", "empty-html"],
)
def test_path_errors(tmp_path: Path, setup: object, expected: str) -> None:
    path = setup(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError) as exc:
        load_documents([str(path)])
    assert problems(exc) == [expected.format(p=tmp_path)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "2024-01-01.txt", BODY)
    path.chmod(0)
    try:
        with pytest.raises(InputError) as exc:
            load_documents([str(path)])
        assert problems(exc) == [f"{path}: cannot read: Permission denied"]
    finally:
        path.chmod(0o644)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    good = write(tmp_path / "2024-01-01.txt", BODY)
    undated = write(tmp_path / "undated.txt", BODY)
    binary = write(tmp_path / "2024-01-02.txt", b"\x00\x01\x02")
    with pytest.raises(InputErrors) as exc:
        load_documents([str(tmp_path / "missing.txt"), str(good), str(undated), str(binary)])
    assert [type(e) for e in exc.value.errors] == [InputError] * 3
    assert problems(exc) == [  # type: ignore[arg-type]
        f"{tmp_path}/missing.txt: no such file or directory",
        f"{binary}: binary file (not text)",
        f"{undated}: {UNDATED}",
    ]


def test_duplicate_ids_from_two_inputs(tmp_path: Path) -> None:
    write(tmp_path / "a" / "2024-01-01.txt", BODY)
    write(tmp_path / "b" / "2024-01-01.txt", BODY)
    with pytest.raises(InputError) as exc:
        load_documents([str(tmp_path / "a"), str(tmp_path / "b")])
    assert problems(exc) == [
        f"{tmp_path}/b/2024-01-01.txt: duplicate document id '2024-01-01' "
        f"(also {tmp_path}/a/2024-01-01.txt)"
    ]


# --- since / until -------------------------------------------------------------------------------


def test_since_until_are_inclusive_and_applied_after_validation(tmp_path: Path) -> None:
    for day in ("2024-01-01", "2024-01-02", "2024-01-03"):
        write(tmp_path / f"{day}.txt", BODY)
    kept = load_documents([str(tmp_path)], since=D(2024, 1, 2), until=D(2024, 1, 3))
    assert [d.id for d in kept] == ["2024-01-02", "2024-01-03"]
    assert load_documents([str(tmp_path)], since=D(2025, 1, 1)) == []
    broken = write(tmp_path / "2023-01-01.txt", b"\x00")
    with pytest.raises(InputError) as exc:
        load_documents([str(tmp_path)], since=D(2024, 1, 2))
    assert problems(exc) == [f"{broken}: binary file (not text)"]


def test_since_after_until_is_an_option_error() -> None:
    with pytest.raises(OptionError) as exc:
        load_documents([str(BRIEFINGS)], since=D(2025, 2, 1), until=D(2025, 1, 1))
    assert problems(exc) == ["--since 2025-02-01 is after --until 2025-01-01"]


# --- invariants ---------------------------------------------------------------------------


def test_loading_is_deterministic() -> None:
    assert load_documents([str(BRIEFINGS)]) == load_documents([str(BRIEFINGS)])


@given(
    st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
)
def test_document_from_text_spans_refer_to_its_normalised_text(
    lines: list[str], newline: str
) -> None:
    doc = document_from_text(newline.join(lines), id="x", date=D(2024, 1, 1))
    assert "\r" not in doc.text and "\u2028" not in doc.text
    for turn in doc.turns:
        assert 0 <= turn.start < turn.end <= len(doc.text)
        assert doc.line_col(turn.start)[0] == turn.line


def test_copied_seed_directory_keeps_its_manifest(tmp_path: Path) -> None:
    shutil.copytree(BRIEFINGS, tmp_path / "seeds")
    docs = load_documents([str(tmp_path / "seeds")])
    assert sorted(d.date_source.value for d in docs) == [
        "header",
        "header",
        "header",
        "manifest",
        "manifest",
    ]


def test_markdown_transcript_title_and_bold_labels(tmp_path: Path) -> None:
    md = tmp_path / "2023-01-10.md"
    md.write_text(
        "# Department Press Briefing - January 10, 2023\n\n"
        "**MR PRICE:** Good afternoon. Our one China policy has not changed.\n\n"
        "**QUESTION:** What about the balloon?\n\n"
        "**MR PRICE:** We remain committed to peace and stability across the Taiwan Strait.\n",
        encoding="utf-8",
    )
    [doc] = load_documents([str(md)])
    assert doc.title == "Department Press Briefing - January 10, 2023"
    assert doc.speakers == {"MR PRICE": Role.OFFICIAL, "QUESTION": Role.PRESS}


@pytest.mark.parametrize(
    "after",
    ["Talks continued over the weekend.", 'The PMOS said: "Talks continued."', ""],
)
def test_a_quoted_answer_under_a_uk_header_is_said_not_a_title(tmp_path: Path, after: str) -> None:
    """A fresh-clone review (UK lobby briefing): 'The PMOS said: "The UK will stand with
    Ukraine for as long as it takes."' was read as a title line of the header, so the
    formula was never searched (and with another quote after it, no header was found
    at all). A line ending with a quoted sentence's stop is what someone said."""
    quote = 'The PMOS said: "The UK will stand with Ukraine for as long as it takes."'
    path = tmp_path / "2024-01-10.txt"
    path.write_text(
        "Press release\nPM's Official Spokesperson's lobby briefing: 10 January 2024\n"
        "From: Prime Minister's Office, 10 Downing Street\nPublished 10 January 2024\n\n"
        f"Foreign affairs\n\n{quote}\n\n{after}\n",
        encoding="utf-8",
    )
    [doc] = load_documents([str(path)])
    assert doc.title == "PM's Official Spokesperson's lobby briefing: 10 January 2024"
    said = [doc.text[t.start : t.end] for t in doc.turns]
    assert said[0] == quote and "Published" not in " ".join(said)


@pytest.mark.parametrize(
    "opening",
    [
        # the first line ends on a function word, the second runs on in lower case
        "The Secretary-General strongly condemns the attack on the convoy of the\n"
        "World Food Programme near the border, which killed two humanitarian\n"
        "workers. He calls for accountability.\n",
        # ... or only the second line tells it
        "The Secretary-General strongly condemns the attack on the aid convoy\n"
        "near the border, which killed two humanitarian workers. He calls for\n"
        "accountability.\n",
    ],
    ids=["function-word", "lower-case"],
)
def test_a_briefing_wrapped_at_a_width_has_no_header_in_its_first_lines(
    tmp_path: Path, opening: str
) -> None:
    """Review 106: a briefing hard-wrapped at 72 columns, with no title or date line, lost
    its first two lines to the header, a capitalised line without closing punctuation
    being a title: the title read "World Food Programme near the border, which killed two
    humanitarian", and "strongly condemns the attack on the convoy" was found on no date
    its section came first. A line ending on a function word, or running on into a line
    that opens in lower case, is no header."""
    path = tmp_path / "2025-01-07.txt"
    path.write_text(opening + "\nThe Council will meet tomorrow morning.\n", encoding="utf-8")
    [doc] = load_documents([str(path)])
    assert doc.title is None
    assert doc.text[doc.turns[0].start :].startswith("The Secretary-General strongly condemns")


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("国务院台办新闻发布会（2025年5月14日）", "国务院台办新闻发布会（2025年5月14日）"),
        ("国务院台办新闻发布会 2025年5月14日", "国务院台办新闻发布会 2025年5月14日"),
        # the Chinese double dash and the full-width one (review 106)
        ("国务院台办新闻发布会——2025年5月14日", "国务院台办新闻发布会——2025年5月14日"),
        ("国务院台办新闻发布会－2025年5月14日", "国务院台办新闻发布会－2025年5月14日"),
        (
            "Taiwan Affairs Office Press Conference (May 14, 2025)",
            "Taiwan Affairs Office Press Conference (May 14, 2025)",
        ),
        # a line running on into its date, or a sentence, is no title
        ("会议将于2025年5月14日", None),
        ("朱凤莲表示，两岸同胞是一家人（2025年5月14日）", None),
        # the date inside the title (review 141), but not a line running on past it
        (
            "国家卫生健康委员会2025年5月14日新闻发布会文字实录",
            "国家卫生健康委员会2025年5月14日新闻发布会文字实录",
        ),
        ("会议将于2025年5月14日举行", None),
        # a title and its subject after a colon (review 143), above its date line
        (
            "教育部2025年第3场新闻发布会：介绍学生资助工作有关情况\n2025年5月14日",
            "教育部2025年第3场新闻发布会：介绍学生资助工作有关情况",
        ),
    ],
    ids=[
        "han-bracketed",
        "han-spaced",
        "han-double-dash",
        "han-full-width-dash",
        "english",
        "han-runs-on",
        "han-sentence",
        "han-date-inside",
        "han-runs-on-past",
        "han-title-colon-subject",
    ],
)
def test_a_chinese_title_with_its_date_is_the_title(
    tmp_path: Path, first: str, title: str | None
) -> None:
    """Review 102: "国务院台办新闻发布会（2025年5月14日）" dated its briefing but was no title,
    while the English "Taiwan Affairs Office Press Conference (May 14, 2025)" was: a title
    before its date had to be two words set apart by spaces, and Chinese has none."""
    path = write(
        tmp_path / "briefing.txt",
        f"{first}\n"
        "国务院台湾事务办公室5月14日上午举行例行新闻发布会，发言人陈斌华就近期两岸热点问题回答记者提问。\n"
        "新华社记者：请问发言人对近期两岸交流有何评论？\n"
        "陈斌华：两岸同胞往来是正常的民间交流。\n",
    )
    doc = one(path)
    assert (doc.date, doc.date_source, doc.title) == (D(2025, 5, 14), DateSource.HEADER, title)


def test_a_heading_with_its_date_above_a_dateline_is_the_title(tmp_path: Path) -> None:
    """Review 152: Viet Nam's MOFA writes "Regular Press Conference of the Ministry of
    Foreign Affairs on 7 March 2024" above "Ha Noi, 07/03/2024"; both are dated lines, and
    the tie went to the later one: 11 of 47 briefings were titled by their dateline. Of
    two header lines as likely to be the title, the first is."""
    heading = "Regular Press Conference of the Ministry of Foreign Affairs on 7 March 2024"
    path = write(
        tmp_path / "briefing.txt",
        f"{heading}\nHa Noi, 07/03/2024\n\n"
        "Spokesperson Pham Thu Hang: Good afternoon. I am ready to take your questions.\n\n"
        "Reporter (VnExpress): Could you comment on the visit?\n\n"
        "Spokesperson Pham Thu Hang: The visit was a success.\n",
    )
    doc = one(path)
    assert (doc.date, doc.title) == (D(2024, 3, 7), heading)
