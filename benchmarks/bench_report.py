"""Benchmark the report at archive scale: 25 points over 500 and 5,000 dates (synthetic).

Run: ``python benchmarks/bench_report.py [--runs N]``. For each size prints the wall
time of the analysis (families, period, changes that matter) and of each format, with
the ratio to a baseline measured in the same run: normalising every occurrence's text
once (the least any report must do), and the HTML page's size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys

from _common import ROOT, best_of

sys.path.insert(0, str(ROOT))

from consistency.models import (
    DateSource,
    Document,
    Occurrence,
    Point,
    PointResult,
    Role,
    Status,
    TrackResult,
)
from consistency.normalise import normalise
from consistency.report import render_report
from consistency.timeline import analyse, shifts, with_changes, wordings


def archive(n_dates: int, n_points: int = 25) -> TrackResult:
    """Briefings every weekday or so; each point said on 60 % of them, in four wordings that
    take turns, with a one-off variant one time in five."""
    rng = random.Random(1)
    start = dt.date(2006, 1, 2)
    docs = [
        Document(
            f"d{k}",
            f"d{k}.txt",
            "x" * 400,
            start + dt.timedelta(days=k * 7 // 5),
            DateSource.FILENAME,
        )
        for k in range(n_dates)
    ]
    points = []
    for p in range(n_points):
        forms = [f"formula {p} wording {w}" for w in range(4)]
        occs = []
        for k, doc in enumerate(docs):
            if rng.random() < 0.4:
                continue
            said = forms[(k // (n_dates // 7 + p)) % 4]
            if rng.random() < 0.2:
                said = f"formula {p} variant {k}"
            occs.append(
                Occurrence(
                    f"p{p}",
                    doc.id,
                    doc.date,
                    "S",
                    Role.OFFICIAL,
                    said,
                    10,
                    10 + len(said),
                    1,
                    11,
                    100.0,
                    forms[0],
                    Status.SHIFTED,
                    said,
                )
            )
        occs = with_changes(occs)
        points.append(
            PointResult(
                Point(f"p{p}", forms[0]),
                tuple(occs),
                (),
                tuple(wordings(occs)),
                tuple(shifts(occs, forms[0])),
            )
        )
    return TrackResult(tuple(docs), tuple(points))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for n in (500, 5000):
        result = archive(n)
        texts = [o.text for p in result.points for o in p.occurrences]
        t_base, _ = best_of(args.runs, lambda texts=texts: [normalise(t) for t in texts])
        t_analyse, analysis = best_of(args.runs, lambda result=result: analyse(result))
        print(f"{n} dates, 25 points, {len(texts)} occurrences; baseline {t_base:.2f} s")
        print(f"  analyse   {t_analyse:6.2f} s  ({t_analyse / t_base:.1f}x baseline)")
        for fmt in ("text", "markdown", "html", "json"):
            t, out = best_of(
                args.runs,
                lambda fmt=fmt, result=result, analysis=analysis: render_report(
                    result, fmt=fmt, analysis=analysis
                ),
            )
            size = f", {len(out.encode()) // 1024} KB" if fmt == "html" else ""
            print(f"  {fmt:9} {t:6.2f} s  ({t / t_base:.1f}x baseline{size})")


if __name__ == "__main__":
    main()
