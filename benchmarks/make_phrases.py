"""Write ``benchmarks/phrases.txt``: 1,000 recurring official phrases of 4-9 words.

Run once: ``python benchmarks/make_phrases.py`` (reads the MFA corpus beside the
repository). The phrases are the n-grams (n = 4..9) found in the most briefings,
greedily kept when they share no 4-gram with a phrase already kept; the file is
committed, so the benchmarks do not depend on this script's run.
"""

from __future__ import annotations

import re
from collections import Counter

from _common import ROOT, corpus_dir


def main() -> None:
    counts: Counter[tuple[str, ...]] = Counter()
    for path in sorted(corpus_dir().glob("*.txt")):
        seen: set[tuple[str, ...]] = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("A:"):
                continue
            for sentence in re.split(r"[.;:?!]", line[2:]):
                words = re.findall(r"[\w']+", sentence.lower())
                for n in range(4, 10):
                    for i in range(len(words) - n + 1):
                        seen.add(tuple(words[i : i + n]))
        counts.update(seen)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1] * len(kv[0]) ** 0.5, kv[0]))
    kept: list[tuple[str, ...]] = []
    used: set[tuple[str, ...]] = set()
    for phrase, _ in ranked:
        grams = {phrase[i : i + 4] for i in range(len(phrase) - 3)}
        if grams & used:
            continue
        kept.append(phrase)
        used |= grams
        if len(kept) == 1000:
            break
    out = ROOT / "benchmarks" / "phrases.txt"
    out.write_text("".join(" ".join(p) + "\n" for p in kept), encoding="utf-8")
    print(f"{len(kept)} phrases -> {out}")


if __name__ == "__main__":
    main()
