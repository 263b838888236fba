"""Quality of discovery: the done-means of issue 10, measured on a real run.

Usage:
    python benchmarks/quality_discover.py                 # run discover and measure all below
    python benchmarks/quality_discover.py NEW.json [REF.json]   # measure a saved MFA run

With no argument it runs ``discover`` (``--top 100``) on the English MFA corpus, the
Chinese MFA corpus (``mfa-zh`` beside it) and each folder of ``fixtures/other/``, and prints:

- **MFA top 100**: recall of the formulas in ``benchmarks/mfa-points.toml`` (found as a
  point's text or alias, or nearly so); how many of the 100 wordings of the top 100 before
  issue 10 (``benchmarks/mfa-top100-before.txt``) the new top 100 still covers; rows that
  share a wording (one holds the other, or nearly the same words: a rough count of "one
  formula, two rows", which also pairs different formulas sharing words); rows holding a
  phrase of ordinary English from the issue, or a built-in stop phrase;
- **mfa-zh**: ids that are not readable, wordings (text and aliases) that start or end
  inside one of jieba's words where they stand, the genre's procedure in the top 50;
- **fixtures/other/**: the top 5 of each folder (synthetic samples of a few briefings).

Not a test: it prints what a reader would check.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import ROOT, corpus_dir

from consistency.discover import DEFAULT_STOP_PHRASES, discover
from consistency.ingest import load_documents
from consistency.models import Document
from consistency.normalise import WordTokeniser, normalise, tokenise

HERE = Path(__file__).resolve().parent

ORDINARY = [
    "the last two years",
    "around the world",
    "every single day",
    "past couple of days",
    "point in time",
    "a daily basis",
    "the past several months",
    "the rest of the world",
    "the past three years",
    "a long time",
]
"""Phrases of ordinary English the issue found in a top 100."""

PROCEDURE_ZH = ["关于第一个问题", "我刚才已经说过了", "建议你向主管部门询问", "我们注意到有关报道"]
"""The Chinese genre's procedure the issue names."""


def wordings(point: dict[str, Any]) -> list[str]:
    return [normalise(point["text"])] + [normalise(a) for a in point.get("aliases", [])]


def found(text: str, forms: list[tuple[int, str]]) -> int | None:
    """Best rank of a point whose wording holds ``text``, lies mostly inside it, or is nearly it."""
    t = normalise(text)
    best = None
    for rank, f in forms:
        holds = f" {t} " in f" {f} "
        inside = f" {f} " in f" {t} " and len(f.split()) >= 0.6 * len(t.split())
        near = fuzz.token_set_ratio(t, f) >= 90 and fuzz.ratio(t, f) >= 75
        if holds or inside or near:
            best = rank if best is None else min(best, rank)
    return best


def mfa_report(new: list[dict[str, Any]], reference: Sequence[str]) -> None:
    with (HERE / "mfa-points.toml").open("rb") as f:
        formulas = [p["text"] for p in tomllib.load(f)["point"]]
    forms = [(rank, w) for rank, p in enumerate(new, 1) for w in wordings(p)]
    missed = [t for t in formulas if found(t, forms) is None]
    print(f"mfa-points recall in top 100: {len(formulas) - len(missed)} / {len(formulas)}")
    for t in missed:
        print("   missed:", t)
    if reference:
        lost = [t for t in reference if found(t, forms) is None]
        print(f"top 100 before issue 10, wordings covered: {len(reference) - len(lost)} / 100")
        for t in lost:
            print("   lost:", t)
    pairs = []
    for a in range(len(new)):
        for b in range(a + 1, len(new)):
            x, y = normalise(new[a]["text"]), normalise(new[b]["text"])
            if f" {x} " in f" {y} " or f" {y} " in f" {x} " or fuzz.token_set_ratio(x, y) >= 90:
                pairs.append((a + 1, b + 1, new[a]["text"], new[b]["text"]))
    print(f"pairs of top-100 rows sharing a wording: {len(pairs)}")
    for pair in pairs:
        print("  ", pair)
    for label, phrases in (
        ("ordinary English", ORDINARY),
        ("built-in stop phrase", DEFAULT_STOP_PHRASES),
    ):
        keys = [f" {normalise(o)} " for o in phrases]
        hits = [
            (k, p["text"])
            for k, p in enumerate(new, 1)
            if any(o in f" {normalise(p['text'])} " for o in keys)
        ]
        print(f"top-100 rows holding {label}: {len(hits)}", hits or "")


_SENTENCE_END = re.compile(r"[。！？!?\n]")


def _cut_inside_a_word(wording: str, docs: Sequence[Document]) -> bool:
    """Whether ``wording`` starts or ends inside one of jieba's words wherever it stands in
    ``docs`` (each sentence holding it segmented whole, as discovery segments it)."""
    bare = wording.strip("\u201c\u201d\u300a\u300b\"'")
    seen = False
    for doc in docs:
        text = doc.text
        at = text.find(bare)
        while at >= 0:
            seen = True
            begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
            stop = _SENTENCE_END.search(text, at + len(bare))
            end = stop.start() if stop else len(text)
            tokens = tokenise(text[begin:end])
            # not between the pieces of a compound the tokeniser cuts for matching (冠状|病毒)
            joined = WordTokeniser().compound_joins(tokens)
            edges = {t.start + begin for k, t in enumerate(tokens) if k not in joined} | {
                t.end + begin for k, t in enumerate(tokens) if k + 1 not in joined
            }
            if {at, at + len(bare)} <= edges:
                return False
            at = text.find(bare, at + 1)
    return seen


def zh_report(points: list[dict[str, Any]], docs: Sequence[Document]) -> None:
    by_id = {d.id: d for d in docs}
    unreadable = [
        p["id"]
        for p in points
        if not p["id"].replace("-", "").isascii() or p["id"].startswith("point")
    ]
    print(f"mfa-zh top 100: ids not readable: {len(unreadable)}", unreadable or "")
    cut = []
    total = 0
    for rank, p in enumerate(points, 1):
        mine = [by_id[d] for d in p["documents"] if d in by_id]
        for w in [p["text"], *p["aliases"]]:
            total += 1
            if _cut_inside_a_word(w, mine):
                cut.append((rank, w))
    print(
        f"mfa-zh top 100: wordings (texts and aliases) cut inside a word wherever they stand:"
        f" {len(cut)} / {total}"
    )
    for c in cut:
        print("  ", c)
    top = [w for p in points[:50] for w in wordings(p)]
    inside = [x for x in PROCEDURE_ZH if any(normalise(x) in w or w in normalise(x) for w in top)]
    print(f"mfa-zh top 50: the genre's procedure named in the issue: {len(inside)}", inside or "")
    print("mfa-zh top 20:")
    for rank, p in enumerate(points[:20], 1):
        print(f"  {rank:3} {p['dates']:4} {p['text']}  [{p['id']}]")


def main() -> None:
    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8") as f:
            new = json.load(f)["points"][:100]
        reference: list[str] = []
        if len(sys.argv) > 2:
            with open(sys.argv[2], encoding="utf-8") as f:
                reference = [p["text"] for p in json.load(f)["points"][:100]]
        mfa_report(new, reference)
        return
    before = [
        line
        for line in (HERE / "mfa-top100-before.txt").read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    mfa = corpus_dir()
    docs = load_documents([mfa])
    points = [_as_dict(p) for p in discover(docs, top=100)]
    print(f"== MFA ({len(docs)} briefings, {mfa})")
    mfa_report(points, before)
    zh = mfa.parent / "mfa-zh"
    if zh.is_dir():
        docs = load_documents([zh])
        print(f"\n== MFA Chinese ({len(docs)} briefings)")
        zh_report([_as_dict(p) for p in discover(docs, top=100)], docs)
    print("\n== fixtures/other/ (top 5 of each folder, --min-dates 2)")
    for folder in sorted(p for p in (ROOT / "fixtures" / "other").iterdir() if p.is_dir()):
        docs = load_documents([folder])
        found_points = discover(docs, top=5)
        print(f"  {folder.name} ({len(docs)} briefings, {len({d.date for d in docs})} dates):")
        for p in found_points:
            print(f"     {p.dates:3} {p.point.text}")


def _as_dict(p: Any) -> dict[str, Any]:
    return {
        "id": p.point.id,
        "text": p.point.text,
        "aliases": list(p.point.aliases),
        "dates": p.dates,
        "documents": list(p.documents),
    }


if __name__ == "__main__":
    main()
