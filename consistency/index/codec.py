"""How documents, token spans and points are written into rows, and read back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import struct
from collections.abc import Iterator, Sequence
from typing import Any

from ..models import DateSource, Document, Level, Point, Role, Sentence, Token, Turn
from .schema import _CHUNK, StoredPoint


def content_hash(document: Document) -> str:
    """SHA-256 of what segmentation depends on: the text and the speaker turns."""
    h = hashlib.sha256(document.text.encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(_turns_json(document.turns).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _turns_json(turns: Sequence[Turn]) -> str:
    return json.dumps(
        [[t.speaker, t.role.value, t.start, t.end, t.line] for t in turns],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _turns_from_json(raw: str) -> tuple[Turn, ...]:
    return tuple(Turn(s, Role(r), a, b, line) for s, r, a, b, line in json.loads(raw))


def _pack_spans(sentence: Sentence) -> bytes:
    return _pack_flat([n for t in sentence.tokens for n in (t.start, t.end)], sentence.start)


def _pack_flat(spans: Sequence[int], start: int) -> bytes:
    """Flat token spans ``[start0, end0, ...]`` as stored: from ``start``, 4 bytes each."""
    return struct.pack(f"<{len(spans)}I", *[n - start for n in spans])


def _unpack_tokens(words: str, spans: bytes, start: int) -> tuple[Token, ...]:
    flat = struct.unpack(f"<{len(spans) // 4}I", spans)
    return tuple(
        Token(w, start + flat[2 * k], start + flat[2 * k + 1])
        for k, w in enumerate(words.split(" "))
    )


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for k in range(0, len(items), size):
        yield items[k : k + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _document_row(doc: Document, digest: str) -> tuple[Any, ...]:
    return (
        doc.id,
        doc.path,
        digest,
        doc.date.isoformat(),
        doc.date_source.value,
        doc.title,
        doc.source,
        doc.text,
        _turns_json(doc.turns),
    )


def _document_from_row(row: Sequence[Any]) -> Document:
    """A stored document; a row that does not decode is a ``sqlite3.DatabaseError``."""
    name, path, date, date_source, title, source, text, turns = row
    try:
        return Document(
            id=name,
            path=path,
            text=text,
            date=dt.date.fromisoformat(date),
            date_source=DateSource(date_source),
            title=title,
            source=source,
            turns=_turns_from_json(turns),
        )
    except (ValueError, TypeError, KeyError, IndexError) as e:
        raise sqlite3.DatabaseError(f"document {name!r} does not decode: {e}") from None


_DOC_COLUMNS = "name, path, date, date_source, title, source, text, turns"


def _point_from_data(data: dict[str, Any]) -> Point:
    threshold = data.get("threshold")
    return Point(
        id=data["id"],
        text=data["text"],
        aliases=tuple(data.get("aliases", ())),
        tags=tuple(data.get("tags", ())),
        threshold=None if threshold is None else float(threshold),
        level=Level(data.get("level", Level.WARNING.value)),
    )


def _stored_point(data: dict[str, Any]) -> StoredPoint:
    first, last = data.get("first"), data.get("last")
    return StoredPoint(
        point=_point_from_data(data),
        dates=int(data.get("dates", 0)),
        first=dt.date.fromisoformat(first) if first else None,
        last=dt.date.fromisoformat(last) if last else None,
        count=int(data.get("count", 0)),
        score=float(data.get("score", 0.0)),
    )
