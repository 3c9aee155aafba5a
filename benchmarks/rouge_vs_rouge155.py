"""How close storyline's ROUGE wrapper comes to ROUGE-1.5.5 on DUC 2004.

    .venv/bin/python benchmarks/rouge_vs_rouge155.py

The DUC 2004 data carries 13 systems' summaries and their per-topic ROUGE-1/2 recall from a
ROUGE-1.5.5 run (-n 4 -x -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a -d). This scores the
same summaries with storyline.rouge at 100 words and prints, per system, both means, their
difference, and the per-topic Pearson correlation.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from storyline.rouge import score

DUC = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data" / "duc2004"


def main() -> None:
    references = {c["id"]: c["summaries"] for c in map(json.loads, (DUC / "test.jsonl").open())}
    official = {
        (r["cluster"], r["system"]): (100 * r["rouge1_recall"], 100 * r["rouge2_recall"])
        for r in map(json.loads, (DUC / "system_rouge_per_topic.jsonl").open())
    }
    ours: dict[str, list[tuple[float, float]]] = defaultdict(list)
    theirs: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in map(json.loads, (DUC / "system_outputs.jsonl").open()):
        result = score(row["summary"].split("\n"), references[row["cluster"]], 100)
        ours[row["system"]].append((100 * result.rouge1_recall, 100 * result.rouge2_recall))
        theirs[row["system"]].append(official[(row["cluster"], row["system"])])
    print("| system | R-1 ours | R-1 1.5.5 | diff | r | R-2 ours | R-2 1.5.5 | diff | r |")
    print("|---|---|---|---|---|---|---|---|---|")
    diffs = []
    for system in sorted(ours, key=lambda s: -np.mean(theirs[s], axis=0)[0]):
        a, b = np.array(ours[system]), np.array(theirs[system])
        cells = []
        for k in (0, 1):
            r = np.corrcoef(a[:, k], b[:, k])[0, 1]
            cells += [
                f"{a[:, k].mean():.2f}",
                f"{b[:, k].mean():.2f}",
                f"{a[:, k].mean() - b[:, k].mean():+.2f}",
                f"{r:.3f}",
            ]
        diffs.append(a.mean(axis=0) - b.mean(axis=0))
        print(f"| {system} | " + " | ".join(cells) + " |")
    mean = np.mean(diffs, axis=0)
    print(f"mean difference: R-1 {mean[0]:+.2f}, R-2 {mean[1]:+.2f} (ours minus ROUGE-1.5.5)")


if __name__ == "__main__":
    main()
