"""Quality of a ``discover --format json`` top 100 on the MFA corpus.

Usage: python benchmarks/quality_discover.py NEW.json [REFERENCE.json]

Prints the recall of the formulas in benchmarks/mfa-points.toml (found as a
point's text or alias, or nearly so), how many of a reference top 100's wordings
(e.g. an earlier version's output) the new top 100 still covers, and the pairs
of top-100 points where one wording holds the other or nearly the same words
(a rough count of "one formula, two rows": containment also pairs different
formulas sharing words, "the international community" in "the shared aspiration
of the international community"). Not a test.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from consistency.normalise import normalise


def load(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        points: list[dict[str, Any]] = json.load(f)["points"][:100]
    return points


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


def main() -> None:
    new = load(sys.argv[1])
    reference = load(sys.argv[2]) if len(sys.argv) > 2 else []
    with (Path(__file__).parent / "mfa-points.toml").open("rb") as f:
        formulas = [p["text"] for p in tomllib.load(f)["point"]]
    forms = [(rank, w) for rank, p in enumerate(new, 1) for w in wordings(p)]
    missed = [t for t in formulas if found(t, forms) is None]
    print(f"mfa-points recall in top 100: {len(formulas) - len(missed)} / {len(formulas)}")
    for t in missed:
        print("   missed:", t)
    if reference:
        lost = [p["text"] for p in reference if found(p["text"], forms) is None]
        kept = len(reference) - len(lost)
        print(f"reference top-100 wordings covered: {kept} / {len(reference)}")
        for t in lost:
            print("   lost:", t)
    pairs = []
    for a in range(len(new)):
        for b in range(a + 1, len(new)):
            x, y = normalise(new[a]["text"]), normalise(new[b]["text"])
            if f" {x} " in f" {y} " or f" {y} " in f" {x} " or fuzz.token_set_ratio(x, y) >= 90:
                pairs.append((a + 1, b + 1, new[a]["text"], new[b]["text"]))
    print(f"pairs of top-100 points sharing a wording: {len(pairs)}")
    for pair in pairs:
        print("  ", pair)


if __name__ == "__main__":
    main()
