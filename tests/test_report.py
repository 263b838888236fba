"""Renderers: JSON (schema 1), CSV, the track table, and the report as text, Markdown, HTML."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import io
import itertools
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from consistency.errors import OptionError
from consistency.models import (
    Change,
    DateSource,
    Document,
    Occurrence,
    Point,
    PointResult,
    Role,
    Shift,
    Status,
    TrackResult,
    Wording,
)
from consistency.normalise import normalise
from consistency.report import (
    CSV_COLUMNS,
    REPORT_FORMATS,
    diffmarkup,
    format_diff,
    parse_diff,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    render_report,
    render_table,
    to_dict,
    view,
)
from consistency.report.diffmarkup import (
    ansi_diff,
    condense,
    markdown_diff,
    markdown_escape,
    sides,
)

SEEDS = Path(__file__).parent.parent / "fixtures" / "briefings"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# The five seed briefings, by date: (id, date, where the date comes from, speaker, role).
SEED_DOCS = [
    ("002_4a5ca9b62894acf8", dt.date(2023, 3, 27), DateSource.HEADER, None, Role.NARRATION),
    ("003_28ddfdb37133726e", dt.date(2025, 5, 20), DateSource.MANIFEST, None, Role.NARRATION),
    ("004_d0784a09b45da4f1", dt.date(2025, 9, 8), DateSource.HEADER, None, Role.NARRATION),
    ("001_ea51057881414630", dt.date(2025, 9, 23), DateSource.HEADER, "Guo Jiakun", Role.OFFICIAL),
    (
        "000_0c46398071a3ed71",
        dt.date(2025, 10, 22),
        DateSource.MANIFEST,
        "Guo Jiakun",
        Role.OFFICIAL,
    ),
]
IMPLEMENT = (
    "fully and effectively implement the Declaration on the Conduct of Parties "
    "in the South China Sea"
)
IMPLEMENT_2023 = IMPLEMENT.replace("fully", "comprehensively")
IMPLEMENT_DIFF = "{-comprehensively-}{+fully+}" + IMPLEMENT.removeprefix("fully")


def seed_documents() -> dict[str, Document]:
    docs = {}
    for doc_id, date, source, _, _ in SEED_DOCS:
        path = SEEDS / f"{doc_id}.txt"
        docs[doc_id] = Document(
            id=doc_id,
            path=str(path),
            text=path.read_text(encoding="utf-8"),
            date=date,
            date_source=source,
        )
    return docs


def occurrence(
    doc: Document,
    point: str,
    wording: str,
    status: Status,
    diff: str,
    change: Change | None,
    *,
    score: float = 100.0,
    after: int = 0,
) -> Occurrence:
    start = doc.text.index(wording, after)
    line, column = doc.line_col(start)
    speaker, role = next((s, r) for i, _, _, s, r in SEED_DOCS if i == doc.id)
    return Occurrence(
        point=point,
        document=doc.id,
        date=doc.date,
        speaker=speaker,
        role=role,
        text=wording,
        start=start,
        end=start + len(wording),
        line=line,
        column=column,
        score=score,
        form=wording,
        status=status,
        diff=diff,
        change=change,
    )


def wording(occs: list[Occurrence]) -> Wording:
    dates = sorted({o.date for o in occs})
    return Wording(
        occs[0].text, normalise(occs[0].text), dates[0], dates[-1], len(dates), len(occs)
    )


def point_result(point: Point, occs: list[Occurrence], docs: dict[str, Document]) -> PointResult:
    """Absences, wordings and shifts derived from the occurrences, as the timeline does."""
    found = {o.document for o in occs}
    absent = tuple(d for d, *_ in SEED_DOCS if d in docs and d not in found)
    groups: dict[str, list[Occurrence]] = {}
    for o in occs:
        groups.setdefault(normalise(o.text), []).append(o)
    shifts = []
    reps = [o for o in occs if o.change is not None]
    for before, after in itertools.pairwise(reps):
        if after.change == Change.SHIFTED:
            diff = after.diff if point.id == "consistent" else IMPLEMENT_DIFF
            shifts.append(
                Shift(
                    after.date,
                    after.document,
                    before.date,
                    before.document,
                    before.text,
                    after.text,
                    diff,
                    after.line,
                )
            )
    return PointResult(
        point, tuple(occs), absent, tuple(wording(g) for g in groups.values()), tuple(shifts)
    )


def seed_result() -> TrackResult:
    """Five talking points tracked through the five seed briefings."""
    docs = seed_documents()
    d2023, d0923, d1022 = (
        docs["002_4a5ca9b62894acf8"],
        docs["001_ea51057881414630"],
        docs["000_0c46398071a3ed71"],
    )
    sea = "a sea of peace, friendship and cooperation"
    consistent = "China's position is consistent and clear"
    points = [
        Point("sea-of-peace", sea, tags=("south-china-sea",)),
        Point("implement-doc", IMPLEMENT, aliases=("implement the DOC",)),
        Point("asean-way", "the ASEAN way"),
        Point("consistent", consistent),
        Point("shared-future", "a closer China-ASEAN community with a shared future"),
    ]
    occs = {
        "sea-of-peace": [
            occurrence(d2023, "sea-of-peace", sea, Status.IDENTICAL, sea, Change.FIRST),
            occurrence(d1022, "sea-of-peace", sea, Status.IDENTICAL, sea, Change.SAME),
        ],
        "implement-doc": [
            occurrence(
                d2023,
                "implement-doc",
                IMPLEMENT_2023,
                Status.SHIFTED,
                IMPLEMENT_DIFF.replace(
                    "{-comprehensively-}{+fully+}", "{-fully-}{+comprehensively+}"
                ),
                Change.FIRST,
                score=91.2345,
            ),
            occurrence(
                d1022, "implement-doc", IMPLEMENT, Status.IDENTICAL, IMPLEMENT, Change.SHIFTED
            ),
        ],
        "asean-way": [
            occurrence(
                d2023, "asean-way", "the ASEAN way", Status.IDENTICAL, "the ASEAN way", Change.FIRST
            ),
            occurrence(
                d1022, "asean-way", "the ASEAN Way", Status.COSMETIC, "the ASEAN Way", Change.SAME
            ),
            # A second, weaker mention in the same briefing: not the representative, but a
            # wording new in the period, with its own card.
            occurrence(
                d1022,
                "asean-way",
                "the ASEAN",
                Status.SHIFTED,
                "the ASEAN {-way-}",
                None,
                score=88.04,
            ),
        ],
        "consistent": [
            occurrence(
                d0923,
                "consistent",
                "China's position is consistent",
                Status.SHIFTED,
                "China's position is consistent {-and clear-}",
                Change.FIRST,
                score=90.0,
            ),
            occurrence(
                d1022,
                "consistent",
                "China\u2019s position on the Ukraine crisis is consistent and clear",
                Status.SHIFTED,
                "China\u2019s position {+on the Ukraine crisis+} is consistent and clear",
                Change.SHIFTED,
                score=89.5,
            ),
        ],
        "shared-future": [],
    }
    return TrackResult(
        documents=tuple(docs[d] for d, *_ in SEED_DOCS),
        points=tuple(point_result(p, occs[p.id], docs) for p in points),
    )


@pytest.fixture(scope="module")
def seeds() -> TrackResult:
    return seed_result()


def synthetic(n_dates: int, *, wording_text: str = "consistent and clear") -> TrackResult:
    """One point over ``n_dates`` daily briefings; its wording flips every 50 days."""
    start = dt.date(2018, 5, 11)
    docs, occs, shifts = [], [], []
    previous: Occurrence | None = None
    for k in range(n_dates):
        date = start + dt.timedelta(days=k)
        said = wording_text if (k // 50) % 2 == 0 else "consistent"
        text = f"China's position is {said}."
        doc = Document(
            f"mfa/{date.isoformat()}",
            f"mfa/{date.isoformat()}.txt",
            text,
            date,
            DateSource.FILENAME,
        )
        docs.append(doc)
        if k % 7 == 6:
            continue
        status = Status.IDENTICAL if said == wording_text else Status.SHIFTED
        change = (
            Change.FIRST
            if previous is None
            else Change.SAME
            if previous.text == said
            else Change.SHIFTED
        )
        occ = Occurrence(
            "position",
            doc.id,
            date,
            "Hua Chunying",
            Role.OFFICIAL,
            said,
            20,
            20 + len(said),
            1,
            21,
            100.0,
            wording_text,
            status,
            said if status is Status.IDENTICAL else "consistent {-and clear-}",
            change,
        )
        if change is Change.SHIFTED and previous is not None:
            shifts.append(
                Shift(
                    date,
                    doc.id,
                    previous.date,
                    previous.document,
                    previous.text,
                    said,
                    "consistent {-and clear-}"
                    if said == "consistent"
                    else "consistent {+and clear+}",
                    1,
                )
            )
        occs.append(occ)
        previous = occ
    wordings = tuple(
        Wording(
            w,
            w,
            min(o.date for o in occs if o.text == w),
            max(o.date for o in occs if o.text == w),
            sum(o.text == w for o in occs),
            sum(o.text == w for o in occs),
        )
        for w in dict.fromkeys(o.text for o in occs)
    )
    absent = tuple(d.id for d in docs if d.id not in {o.document for o in occs})
    point = PointResult(
        Point("position", wording_text), tuple(occs), absent, wordings, tuple(shifts)
    )
    return TrackResult(tuple(docs), (point,))


# --- diff markup -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "segments"),
    [
        ("", []),
        ("a sea of peace", [("=", "a sea of peace")]),
        (IMPLEMENT_DIFF, [("-", "comprehensively"), ("+", "fully"), ("=", IMPLEMENT[5:])]),
        (
            "A sea of peace {-friendship-} and cooperation",
            [("=", "A sea of peace "), ("-", "friendship"), ("=", " and cooperation")],
        ),
        ("is consistent{+ and clear+}", [("=", "is consistent"), ("+", " and clear")]),
        ("{+a+}{+b+}", [("+", "ab")]),
        ("{--}{++}x", [("=", "x")]),
        ("a {-b", [("=", "a {-b")]),
        ("a -} b +}", [("=", "a -} b +}")]),
        ("{-}", [("=", "{-}")]),
        ("{+-}", [("=", "{+-}")]),
        ("{-a {+b+} c-}", [("-", "a {+b+} c")]),
        ("{-a{+b+}", [("=", "{-a"), ("+", "b")]),
        ("x {-y-} {+z", [("=", "x "), ("-", "y"), ("=", " {+z")]),
    ],
)
def test_parse_diff(markup: str, segments: list[tuple[str, str]]) -> None:
    assert parse_diff(markup) == segments


_piece = st.text(alphabet=st.characters(blacklist_characters="{}"), min_size=1, max_size=8)


@given(st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), _piece), max_size=8))
def test_parse_inverts_format(segments: list[tuple[str, str]]) -> None:
    parsed = parse_diff(format_diff(segments))  # type: ignore[arg-type]
    assert "".join(t for _, t in parsed) == "".join(t for _, t in segments)
    assert all(a[0] != b[0] for a, b in itertools.pairwise(parsed))
    assert format_diff(parse_diff(format_diff(parsed))) == format_diff(parsed)


@given(st.text(alphabet="{}-+ab ", max_size=30))
def test_any_text_parses_to_a_canonical_form(text: str) -> None:
    parsed = parse_diff(text)
    assert all(t for _, t in parsed)
    assert parse_diff(format_diff(parsed)) == parsed


def test_sides_of_a_real_diff() -> None:
    assert sides(parse_diff(IMPLEMENT_DIFF)) == (IMPLEMENT_2023, IMPLEMENT)


def test_condense_keeps_the_change_and_elides_the_rest() -> None:
    markup = "one two three four five six seven {-comprehensively-}{+fully+} a b c d e f g h"
    assert format_diff(condense(parse_diff(markup), context=2)) == (
        "\u2026 six seven {-comprehensively-}{+fully+} a b \u2026"
    )
    middle = "{+x+} 1 2 3 4 5 6 7 8 9 {-y-}"
    assert format_diff(condense(parse_diff(middle), context=2)) == "{+x+} 1 2 \u2026 8 9 {-y-}"
    unchanged = "a\nsea   of peace"
    assert condense(parse_diff(unchanged)) == [("=", "a sea of peace")]


def test_condense_shortens_long_changes_only_when_asked() -> None:
    long = "the Declaration on the Conduct of Parties in the South China Sea"
    segments = parse_diff(f"{{-{long}-}} is consistent")
    assert condense(segments)[0] == ("-", long)
    assert condense(segments, width=20) == [
        ("-", "the Declaration on\u2026"),
        ("=", " is consistent"),
    ]


@pytest.mark.parametrize(
    ("markup", "markdown"),
    [
        (IMPLEMENT_DIFF, "~~comprehensively~~ **fully**" + IMPLEMENT[5:]),
        ("is consistent{+ and clear+}", "is consistent **and clear**"),
        ("the {-2*3-} rule", "the ~~2\\*3~~ rule"),
        ("a {-b-}{+c+}", "a ~~b~~ **c**"),
        ("| pipe <b>", "\\| pipe \\<b\\>"),
    ],
)
def test_markdown_diff(markup: str, markdown: str) -> None:
    assert markdown_diff(parse_diff(markup)) == markdown


def test_markdown_escape_leaves_plain_wording_alone() -> None:
    assert markdown_escape("China\u2019s position (DOC), 5.57 trillion") == (
        "China\u2019s position (DOC), 5.57 trillion"
    )


def test_ansi_diff_colours_only_when_asked() -> None:
    segments = parse_diff(IMPLEMENT_DIFF)
    assert ansi_diff(segments, color=False) == IMPLEMENT_DIFF
    coloured = ansi_diff(segments)
    assert "\x1b[31m{-comprehensively-}\x1b[0m\x1b[32m{+fully+}\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == IMPLEMENT_DIFF


# --- JSON and CSV ----------------------------------------------------------------------

DOCUMENT_KEYS = ["id", "path", "date", "date_source", "title", "source"]
POINT_KEYS = [
    "id",
    "text",
    "occurrences",
    "absent",
    "aliases",
    "tags",
    "level",
    "first_seen",
    "last_seen",
    "wordings",
    "shifts",
    "families",
    "changes",
]
OCCURRENCE_KEYS = [
    "document",
    "date",
    "speaker",
    "text",
    "start",
    "end",
    "line",
    "score",
    "status",
    "change",
    "diff",
    "column",
    "role",
    "form",
    "moved",
]
WORDING_KEYS = ["text", "normalised", "first", "last", "dates", "count"]
SHIFT_KEYS = [
    "date",
    "document",
    "previous_date",
    "previous_document",
    "before",
    "after",
    "diff",
    "line",
    "slot",
    "recurring",
    "moved",
]


def schema() -> dict[str, object]:
    text = resources.files("consistency.report").joinpath("schema-1.json").read_text("utf-8")
    loaded: dict[str, object] = json.loads(text)
    return loaded


@pytest.mark.parametrize("result", [seed_result(), synthetic(30), TrackResult((), ())])
def test_json_validates_against_the_schema(result: TrackResult) -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.validate(json.loads(render_json(result)), schema())


def test_schema_rejects_what_the_contract_forbids(seeds: TrackResult) -> None:
    data = json.loads(render_json(seeds))
    data["points"][0]["occurrences"][0]["date"] = "22/10/2025"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema())


def test_json_key_order_is_fixed(seeds: TrackResult) -> None:
    data = json.loads(render_json(seeds))
    assert list(data) == ["schema", "documents", "points", "period", "headline", "changes"]
    assert data["schema"] == 1
    assert all(list(d) == DOCUMENT_KEYS for d in data["documents"])
    assert all(list(p) == POINT_KEYS for p in data["points"])
    for p in data["points"]:
        assert all(list(o) == OCCURRENCE_KEYS for o in p["occurrences"])
        assert all(list(w) == WORDING_KEYS for w in p["wordings"])
        assert all(list(s) == SHIFT_KEYS for s in p["shifts"])


def test_json_values(seeds: TrackResult) -> None:
    text = render_json(seeds)
    assert text.endswith("}\n") and text.startswith('{\n  "schema": 1,')
    assert "China\u2019s position" in text  # ensure_ascii=False
    data = json.loads(text)
    assert [d["id"] for d in data["documents"]] == [d for d, *_ in SEED_DOCS]
    assert data["documents"][-1] == {
        "id": "000_0c46398071a3ed71",
        "path": str(SEEDS / "000_0c46398071a3ed71.txt"),
        "date": "2025-10-22",
        "date_source": "manifest",
        "title": None,
        "source": None,
    }
    sea, implement, way, consistent, future = data["points"]
    assert sea["occurrences"][1] | {"start": 0, "end": 0} == {
        "document": "000_0c46398071a3ed71",
        "date": "2025-10-22",
        "speaker": "Guo Jiakun",
        "text": "a sea of peace, friendship and cooperation",
        "start": 0,
        "end": 0,
        "line": 6,
        "score": 100.0,
        "status": "identical",
        "change": "same",
        "diff": "a sea of peace, friendship and cooperation",
        "column": 640,
        "role": "official",
        "form": "a sea of peace, friendship and cooperation",
        "moved": [],
    }
    assert sea["absent"] == ["003_28ddfdb37133726e", "004_d0784a09b45da4f1", "001_ea51057881414630"]
    assert sea["tags"] == ["south-china-sea"] and sea["level"] == "warning"
    assert implement["occurrences"][0]["score"] == 91.2
    assert implement["aliases"] == ["implement the DOC"]
    assert implement["shifts"] == [
        {
            "date": "2025-10-22",
            "document": "000_0c46398071a3ed71",
            "previous_date": "2023-03-27",
            "previous_document": "002_4a5ca9b62894acf8",
            "before": IMPLEMENT_2023,
            "after": IMPLEMENT,
            "diff": IMPLEMENT_DIFF,
            "line": 6,
            "slot": False,
            "recurring": False,
            "moved": [],
        }
    ]
    assert [o["change"] for o in way["occurrences"]] == ["first", "same", None]
    assert way["occurrences"][2]["score"] == 88.0
    assert consistent["occurrences"][0]["speaker"] == "Guo Jiakun"
    assert (future["first_seen"], future["last_seen"], future["occurrences"]) == (None, None, [])
    assert len(future["absent"]) == 5
    assert sea["wordings"] == [
        {
            "text": "a sea of peace, friendship and cooperation",
            "normalised": "a sea of peace friendship and cooperation",
            "first": "2023-03-27",
            "last": "2025-10-22",
            "dates": 2,
            "count": 2,
        }
    ]
    assert json.loads(text) == to_dict(seeds)


def test_json_never_shortens_long_wordings() -> None:
    long = "consistent and clear, " * 20 + "and unchanged"
    result = synthetic(12, wording_text=long)
    assert json.loads(render_json(result))["points"][0]["text"] == long
    assert any(row["text"] == long for row in csv.DictReader(io.StringIO(render_csv(result))))


def test_csv_has_one_row_per_occurrence(seeds: TrackResult) -> None:
    text = render_csv(seeds)
    assert "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == sum(len(p.occurrences) for p in seeds.points) == 9
    assert rows[2] == {
        "point": "implement-doc",
        "document": "002_4a5ca9b62894acf8",
        "date": "2023-03-27",
        "speaker": "",
        "role": "narration",
        "status": "shifted",
        "change": "first",
        "score": "91.2",
        "line": "11",
        "column": "104",
        "start": rows[2]["start"],
        "end": rows[2]["end"],
        "text": IMPLEMENT_2023,
        "diff": "{-fully-}{+comprehensively+}" + IMPLEMENT[5:],
    }
    doc = seeds.documents[0]
    assert doc.text[int(rows[2]["start"]) : int(rows[2]["end"])] == IMPLEMENT_2023
    assert [r["change"] for r in rows if r["point"] == "asean-way"] == ["first", "same", ""]


def test_csv_quotes_commas_quotes_and_line_breaks() -> None:
    said = 'consistent, "clear"\nand firm'
    base = synthetic(1)
    occ = base.points[0].occurrences[0]
    odd = Occurrence(**{**occ.__dict__, "text": said})
    result = TrackResult(base.documents, (PointResult(base.points[0].point, (odd,), (), (), ()),))
    rows = list(csv.DictReader(io.StringIO(render_csv(result))))
    assert [r["text"] for r in rows] == [said]


# --- table -----------------------------------------------------------------------------


def test_table_grid_for_the_seeds(seeds: TrackResult) -> None:
    table = render_table(seeds)
    lines = table.splitlines()
    assert lines[0].split() == [
        "point",
        "2023-03-27",
        "2025-05-20",
        "2025-09-08",
        "2025-09-23",
        "2025-10-22",
    ]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:7]}
    assert rows == {
        "sea-of-peace": ["=", "·", "·", "·", "="],
        "implement-doc": ["≠", "·", "·", "·", "=!"],
        "asean-way": ["=", "·", "·", "·", "~"],
        "consistent": ["·", "·", "·", "≠", "≠!"],
        "shared-future": ["·", "·", "·", "·", "·"],
    }
    assert "= identical" in table and "! changed since previous date" in table
    assert "{-comprehensively-}{+fully+} and effectively implement the …" in table
    assert table.endswith("\n") and not table.endswith("\n\n")


@pytest.mark.parametrize(("max_columns", "grid"), [(5, True), (6, True), (4, False), (0, False)])
def test_table_layout_switches_at_the_threshold(
    seeds: TrackResult, max_columns: int, grid: bool
) -> None:
    table = render_table(seeds, max_date_columns=max_columns)
    header = table.splitlines()[0].split()
    assert ("2025-05-20" in header) is grid
    assert ("first" in header) is not grid
    if not grid:
        row = next(line for line in table.splitlines() if line.startswith("implement-doc"))
        assert row.split()[:6] == ["implement-doc", "2/5", "2023-03-27", "2025-10-22", "2", "1"]
        assert "shared-future      0/5  -" in table


def test_table_stays_readable_with_500_dates() -> None:
    result = synthetic(500)
    table = render_table(result)
    lines = table.splitlines()
    assert lines[0].split()[:3] == ["point", "dates", "first"]
    assert "429/500" in lines[2]  # every 7th briefing does not say it
    shifts = [line for line in lines if line.startswith("20")]
    assert len(shifts) == len(result.points[0].shifts) == 9
    assert max(len(line) for line in lines) < 120


def test_table_cells_show_the_representative_and_mark_only_shifts() -> None:
    base = synthetic(2)
    first, second = base.points[0].occurrences
    twin_doc = Document("mfa/twin", "mfa/twin.txt", second.text, second.date, DateSource.FILENAME)
    twin = Occurrence(
        **{
            **second.__dict__,
            "document": "mfa/twin",
            "status": Status.SHIFTED,
            "change": Change.SHIFTED,
            "score": 90.0,
        }
    )
    aside = Occurrence(**{**first.__dict__, "status": Status.SHIFTED, "change": None, "score": 80})
    # A weaker occurrence's own `change` never marks the cell: only the point's shifts do.
    point = PointResult(base.points[0].point, (first, aside, second, twin), (), (), ())
    result = TrackResult((*base.documents, twin_doc), (point,))
    assert [c.symbol for c in view.cells(point, view.dates(result))] == ["=", "="]
    shift = Shift(second.date, "mfa/twin", first.date, first.document, "a", "b", "{-a-}{+b+}", 1)
    point = PointResult(point.point, point.occurrences, (), (), (shift,))
    result = TrackResult(result.documents, (point,))
    assert render_table(result).splitlines()[2].split() == ["position", "=", "=!"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # mfa-zh headline (a review): "...合作中继…" cut inside 继续
        (
            "支持世卫组织在全球抗疫合作中继续发挥领导作用",
            "zhichi-shiwei (支持世卫组织在全球抗疫合作中…)",
        ),
        ("香港特别行政区是中国不可分割的一部分", "xianggang (香港特别行政区是中国不可分割的…)"),
    ],
)
def test_a_headline_shortens_chinese_text_between_words(text: str, label: str) -> None:
    name = label.split(" ")[0]
    assert view.point_label(name, text) == label


def test_long_wordings_are_shortened_in_table_cells() -> None:
    long = "consistent and clear, " * 20 + "and unchanged"
    table = render_table(synthetic(12, wording_text=long), max_date_columns=4)
    assert long not in table
    assert max(len(line) for line in table.splitlines()) < 160
    assert view.ellipsise(long) in table and len(view.ellipsise(long)) <= view.CELL_WIDTH


@pytest.mark.parametrize("render", [render_table, lambda r, **kw: render_report(r, **kw)])
def test_ansi_colours_only_with_color(seeds: TrackResult, render: object) -> None:
    plain = render(seeds)  # type: ignore[operator]
    coloured = render(seeds, color=True)  # type: ignore[operator]
    assert "\x1b[" not in plain
    assert "\x1b[32m{+fully+}\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == plain


# --- reports ---------------------------------------------------------------------------


def test_text_report(seeds: TrackResult) -> None:
    report = render_report(seeds)
    assert report.startswith("Talking-point report\n====================\n\n")
    lines = report.splitlines()
    assert lines[3] == (
        "5 talking points tracked; 2 changed wording in the period (2025-09-23 to 2025-10-22): "
        "implement-doc, asean-way."
    )
    assert lines[5] == (
        "5 documents from 2023-03-27 to 2025-10-22 (5 dates); period: 2025-09-23 to 2025-10-22 "
        "(2 dates, the last month of the archive); baseline: 3 dates from 2023-03-27 "
        "to 2025-09-08."
    )
    order = ["Changes that matter", "Timeline", "Wordings", "Shifts"]
    assert [report.index(f"\n{h}\n") for h in order] == sorted(
        report.index(f"\n{h}\n") for h in order
    )
    changes = report[report.index("Changes that matter") : report.index("Timeline")]
    assert (
        "2025-10-22  new wording  implement-doc\n"
        f"  {IMPLEMENT_DIFF}\n"
        "  in document 000_0c46398071a3ed71, line 6: "
    ) in changes
    shifts = report[report.index("\nShifts\n") :]
    assert shifts.index("implement-doc") < shifts.index("consistent")
    assert (
        "  000_0c46398071a3ed71, line 6; previously 002_4a5ca9b62894acf8 (2023-03-27)\n"
        f"  {IMPLEMENT_DIFF}\n"
    ) in shifts
    assert (
        'consistent: "China\'s position is consistent and clear"\n'
        "   50%  1 date, 1 time  2025-09-23  (prevailing, new in the period)\n"
        "        China's position is consistent\n"
    ) in report
    assert (
        'shared-future: "a closer China-ASEAN community with a shared future"\n  never found'
        in report
    )


def test_markdown_report(seeds: TrackResult) -> None:
    md = render_markdown(seeds)
    assert md == render_report(seeds, fmt="markdown")
    assert md.startswith("# Talking-point report\n\n**5 talking points tracked; 2 changed")
    assert md.index("## Changes that matter") < md.index("## Timeline") < md.index("## Wordings")
    assert "## Timeline\n\n| point " in md
    assert "| `implement-doc` |      ≠       |" in md
    assert "> ~~comprehensively~~ **fully** and effectively implement the Declaration" in md
    assert "> China\u2019s position **on the Ukraine crisis** is consistent and clear" in md
    assert (
        "- 100%  2 dates, 2 times  2023-03-27 to 2025-10-22  (prevailing, canonical): "
        "“a sea of peace, friendship and cooperation”"
    ) in md
    summary = render_markdown(seeds, max_date_columns=2)
    header = [
        cell.strip() for cell in summary.split("## Timeline\n\n")[1].splitlines()[0].split("|")
    ]
    assert header[1:-1] == [
        "point",
        "dates",
        "first seen",
        "last seen",
        "wordings",
        "shifts",
        "canonical text",
    ]
    assert "| `shared-future` |     0/5 | \u2013  " in summary


def test_markdown_escapes_wordings() -> None:
    result = synthetic(3, wording_text="*consistent* and <clear>")
    md = render_markdown(result)
    assert "\\*consistent\\* and \\<clear\\>" in md
    assert "*consistent*" not in md.replace("\\*", "")


def test_html_report(seeds: TrackResult) -> None:
    page = render_html(seeds)
    assert page == render_report(seeds, fmt="html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<del>comprehensively</del><ins>fully</ins> and effectively" in page
    headline = "5 talking points tracked; 2 changed wording in the period"
    assert f'<p class="headline">{headline}' in page
    assert page.index('id="changes"') < page.index('id="timeline"') < page.index('id="wordings"')
    # the wordings tables say what each wording is, as the text report does
    assert "<td>1 date, 2025-10-22 (new in the period)</td>" in page
    # the diff marks are explained where the cards are (a review: the move mark was not)
    legend = page[page.index('id="changes"') : page.index('<ol class="changes">')]
    assert "<del>struck</del>" in legend and '<mark class="moved">words</mark> moved' in legend
    # implement-doc: said 2023-03-27 and 2025-10-22 (a new wording, marked as a change).
    row = re.search(r'<div class="tl-row">.*?#point-implement-doc.*?</div></div>', page)
    assert row is not None
    marks = re.findall(r'<a class="m (f\d|fo)( key)?" style="left: ([\d.]+)%', row.group(0))
    assert [(c, k, float(x)) for c, k, x in marks] == [("f0", "", 0.0), ("f1", " key", 100.0)]
    assert 'title="2025-10-22: ' in row.group(0)
    assert "China\u2019s position <ins>on the Ukraine crisis</ins> is consistent" in page
    assert re.search(r"<(script|link|img|iframe)\b", page) is None
    assert "http://" not in page and "https://" not in page


def test_html_scales_to_500_dates_with_a_time_axis() -> None:
    page = render_html(synthetic(500))
    ticks = re.findall(r'<span class="tick" style="left: [\d.]+%">([^<]+)</span>', page)
    # 2018-05-11 to 2019-09-22: every other month, a year's January by its number; none
    # in the last 10 % of the axis.
    assert ticks == ["2018-07", "2018-09", "2018-11", "2019", "2019-03", "2019-05", "2019-07"]
    row = re.search(r'<div class="tl-row">.*?</div></div>', page)
    assert row is not None
    assert row.group(0).count('<a class="m ') == 429  # every 7th briefing does not say it
    assert row.group(0).count('class="m f0') + row.group(0).count('class="m f1') == 429
    assert len(re.findall(r"<rect ", page)) > 0 and 'class="share"' in page


def test_html_escapes_wordings_and_diffs() -> None:
    evil = "<script>alert('x')</script> & consistent"
    result = synthetic(60, wording_text=evil)
    point = result.points[0]
    shift = point.shifts[0]
    hostile = Shift(**{**shift.__dict__, "diff": "{-<script>-}{+<b>bold</b>+} & co"})
    result = TrackResult(
        result.documents,
        (PointResult(point.point, point.occurrences, point.absent, point.wordings, (hostile,)),),
    )
    page = render_html(result)
    assert "<script" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; consistent" in page
    assert "<del>&lt;script&gt;</del><ins>&lt;b&gt;bold&lt;/b&gt;</ins> &amp; co" in page


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_reports_are_byte_identical_across_runs(fmt: str) -> None:
    first = render_report(seed_result(), fmt=fmt)
    assert first == render_report(seed_result(), fmt=fmt)
    assert render_report(synthetic(40), fmt=fmt) == render_report(synthetic(40), fmt=fmt)


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_empty_result_renders(fmt: str) -> None:
    out = render_report(TrackResult((), ()), fmt=fmt)
    assert out.endswith("\n")
    if fmt in ("text", "markdown", "html"):
        assert "0 talking points tracked." in out


def test_report_delegates_json_and_csv(seeds: TrackResult) -> None:
    assert render_report(seeds, fmt="json") == render_json(seeds)
    assert render_report(seeds, fmt="csv") == render_csv(seeds)
    with pytest.raises(OptionError, match="unknown report format 'pdf'"):
        render_report(seeds, fmt="pdf")


@pytest.mark.parametrize("module", [diffmarkup, view])
def test_docstring_examples(module: object) -> None:
    failures, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert tried and not failures


def test_html_marks_briefing_text_in_another_script_than_the_page(tmp_path: Path) -> None:
    """A review: a folder of English and Chinese briefings made a page ``lang="en"`` with
    no ``lang`` on its Chinese quotes (a browser then picks glyphs and a screen reader a
    voice for English). Quotes, diffs and contexts in another script carry their own
    ``lang``; in a page of their own language, none."""
    from click.testing import CliRunner

    from consistency.cli import cli

    zh = ["香港事务纯属中国内政。", "香港事务纯属中国内政。", "香港事务完全是中国内政。"]
    en = [
        "Hong Kong affairs are purely China's internal affairs, and we oppose interference.",
        "Hong Kong affairs are purely China's internal affairs, and we oppose interference.",
        "Hong Kong affairs are China's internal affairs, and we oppose interference.",
    ]
    folder = tmp_path / "briefings"
    folder.mkdir()
    for k, (a, b) in enumerate(zip(zh, en, strict=True)):
        (folder / f"2020-06-0{k + 1}-zh.txt").write_text(f"华春莹：{a}\n", encoding="utf-8")
        (folder / f"2020-06-0{k + 1}-en.txt").write_text(
            f"Hua Chunying: {b} We will say more on this later in the week, as usual.\n",
            encoding="utf-8",
        )
    points = tmp_path / "points.toml"
    points.write_text(
        '[[point]]\nid = "hk-zh"\ntext = "香港事务纯属中国内政"\n\n'
        '[[point]]\nid = "hk-en"\n'
        'text = "Hong Kong affairs are purely China\'s internal affairs"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    out = tmp_path / "report.html"
    args = ["report", str(folder), "--points", str(points), "-o", str(out)]
    mixed = runner.invoke(cli, args)
    assert mixed.exit_code == 0, mixed.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<q lang="zh">香港事务纯属中国内政</q>' in page
    assert '<td lang="zh"><q>' in page
    assert '<q lang="en">' not in page and "Canonical: <q>Hong Kong" in page
    for path in folder.glob("*-en.txt"):
        path.unlink()
    alone = runner.invoke(cli, args)
    assert alone.exit_code == 0, alone.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert ' lang="zh"' not in page.split("\n", 2)[2]
    # the page of `diff` takes its lang from its two briefings too (it was always "en")
    compare = tmp_path / "diff.html"
    old, new = sorted(folder.glob("*-zh.txt"))[:2]
    done = runner.invoke(
        cli, ["diff", str(old), str(new), "--points", str(points), "-o", str(compare)]
    )
    assert done.exit_code == 0, done.output
    assert compare.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="zh">')
    # in traditional characters, the page says so (review 78: a browser picks traditional
    # glyph forms where the font has both), and its quotes need no lang of their own
    for path in folder.glob("*-zh.txt"):
        path.write_text(
            path.read_text(encoding="utf-8").replace("华春莹", "華春瑩").replace("务", "務"),
            encoding="utf-8",
        )
        path.write_text(
            path.read_text(encoding="utf-8") + "我國政府對此表示關切，將持續與各國溝通。\n",
            encoding="utf-8",
        )
    hant = runner.invoke(cli, args)
    assert hant.exit_code == 0, hant.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-Hant">')
    assert ' lang="zh"' not in page.split("\n", 2)[2]
    # ... and its fonts are traditional ones first (review 137: the page named only
    # simplified fonts, so traditional text was drawn in mainland glyph forms)
    [rule] = [line for line in page.splitlines() if line.startswith(":lang(zh-Hant) {")]
    assert rule.index('"Noto Sans CJK TC"') < rule.index("sans-serif")
    assert "CJK SC" not in rule


def test_the_text_and_markdown_reports_say_what_a_card_s_diff_marks(seeds: TrackResult) -> None:
    """A review: the HTML report has a key to its diffs, the text report had none, so a
    new reader met `{+ +}`, `{- -}` and `{~ ~}` unexplained. Both say it above the cards,
    in the marks the cards use."""
    text = render_report(seeds, fmt="text")
    key = "Each card shows the new wording against the closest one used before: "
    assert f"{key}{{-words-}} were dropped, {{+words+}} are new, {{~words~}} moved" in text
    assert text.index(key) < text.index("In the period")
    markdown = render_report(seeds, fmt="markdown")
    assert f"{key}~~words~~ were dropped, **words** are new, \u21b7*words* moved" in markdown
