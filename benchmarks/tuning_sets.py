"""The tuning sets the benchmark scripts share: where they are and how they are scored.

Name -> (cluster file, word budget, ROUGE metric). Both live in ../shared/eval/data next to
the repository and are never copied into it.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data"
SETS = {
    "multi_news": (DATA / "multi_news" / "validation.jsonl", 250, "f1"),
    "duc2004": (DATA / "duc2004" / "test.jsonl", 100, "recall"),
}
