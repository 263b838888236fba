"""The ``ingest`` listing: what was read, with dates, speakers and word counts."""

from __future__ import annotations

from collections.abc import Sequence

from ..jsontext import dumps
from ..models import Document, Role, Turn
from ..normalise import tokenise


def word_counts(document: Document) -> dict[str, int]:
    """Words (tokens) spoken by role: official, press, narration."""
    counts = {role.value: 0 for role in Role}
    for turn in document.turns:
        counts[turn.role.value] += len(tokenise(document.text[turn.start : turn.end]))
    return counts


def _speakers(document: Document) -> list[dict[str, str]]:
    return [{"name": name, "role": role.value} for name, role in document.speakers.items()]


def turns_of(document: Document) -> list[dict[str, object]]:
    """Each turn of ``document`` as read: speaker, role, line, span and words (``ingest
    --turns``), so that a reader can see who the tool takes to say what."""
    return [
        {
            "speaker": t.speaker,
            "role": t.role.value,
            "line": t.line,
            "start": t.start,
            "end": t.end,
            "text": document.text[t.start : t.end],
        }
        for t in document.turns
    ]


def inventory(documents: Sequence[Document], *, turns: bool = False) -> list[dict[str, object]]:
    """One plain record per document (the JSON form of ``ingest``); ``turns``: with each
    document's turns (see :func:`turns_of`)."""
    rows: list[dict[str, object]] = []
    for doc in documents:
        record: dict[str, object] = {
            "id": doc.id,
            "path": doc.path,
            "date": doc.date.isoformat(),
            "date_source": doc.date_source.value,
            "title": doc.title,
            "speakers": _speakers(doc),
            "words": word_counts(doc),
        }
        if turns:
            record["turns"] = turns_of(doc)
        rows.append(record)
    return rows


def _cut(text: str | None, width: int) -> str:
    if not text:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


def _one_line(document: Document, turn: Turn) -> str:
    return " ".join(document.text[turn.start : turn.end].split())


TURN_WIDTH = 72
"""Characters of a turn's words that ``ingest --turns`` shows in a table."""


def render_inventory(
    documents: Sequence[Document], *, fmt: str = "table", turns: bool = False
) -> str:
    """``ingest`` output as a table or as JSON (``{"schema": 1, "documents": [...]}``);
    ``turns``: each document's turns too, after the table (see :func:`turns_of`)."""
    records = inventory(documents, turns=turns)
    if fmt == "json":
        return dumps({"schema": 1, "documents": records})
    rows = []
    for rec, doc in zip(records, documents, strict=True):
        words = rec["words"]
        assert isinstance(words, dict)
        speakers = ", ".join(f"{name} ({role.value[0]})" for name, role in doc.speakers.items())
        rows.append(
            [
                rec["id"],
                rec["date"],
                rec["date_source"],
                _cut(doc.title, 40),
                _cut(speakers, 50),
                words["official"],
                words["press"],
                words["narration"],
            ]
        )
    headers = ["id", "date", "from", "title", "speakers", "official", "press", "narration"]
    from tabulate import tabulate  # here: the JSON inventory needs no table

    table = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
    total = sum(sum(r[5:8]) for r in rows)
    legend = "speakers: (o) official, (p) press, (n) narration; words counted per role"
    noun = "document" if len(rows) == 1 else "documents"
    out = f"{table}\n\n{len(rows)} {noun}, {total} words. {legend}\n"
    if turns:
        for doc in documents:
            lines = [
                [t.line, t.role.value, t.speaker or "", _cut(_one_line(doc, t), TURN_WIDTH)]
                for t in doc.turns
            ]
            listed = tabulate(
                lines,
                headers=["line", "role", "speaker", "words"],
                tablefmt="simple",
                disable_numparse=True,
            )
            out += f"\n{doc.id} ({doc.path}): {len(lines)} turns\n{listed}\n"
    return out
