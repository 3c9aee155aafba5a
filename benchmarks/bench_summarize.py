"""Wall time and peak memory of `storyline summarize` on the seeds and a 10-article set.

Each measurement runs the CLI in a fresh process (so model import and load are counted,
as a user would experience them) and reads the child's peak resident set size from
``resource.getrusage(RUSAGE_CHILDREN)``. Run from the repository root:

    .venv/bin/python benchmarks/bench_summarize.py [--repeat 3]

The 10-article set is the bundled example plus the test fixtures (all fictional). The
seeds are read from ../shared/seeds when present.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
TEN = [ROOT / "examples" / "harbor", ROOT / "tests" / "fixtures" / "event"]


# Runs the CLI in this child and prints the child's own peak RSS (KiB on Linux).
_CHILD = (
    "import resource, sys\n"
    "from storyline.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    "sys.exit(status)\n"
)


def measure(inputs: list[Path], repeat: int) -> tuple[float, float, float]:
    """Median and best wall seconds, and peak RSS in MiB, over ``repeat`` fresh runs."""
    times = []
    peak = 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.run(
            [
                sys.executable,
                "-c",
                _CHILD,
                "summarize",
                *map(str, inputs),
                "-q",
                "--format",
                "json",
                "--out",
                "/dev/null",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        peak = max(peak, int(child.stdout.split()[-1]) / 1024)
    return statistics.median(times), min(times), peak


def warm(inputs: list[Path], repeat: int) -> float:
    """Median seconds of the library call once the model is imported and loaded."""
    from storyline.embed import MiniLMEmbedder
    from storyline.pipeline import summarize

    times = []
    for _ in range(repeat):
        embedder = MiniLMEmbedder()  # fresh cache: every sentence is encoded again
        embedder.encode(["warm-up"])
        start = time.perf_counter()
        summarize(inputs, embedder=embedder)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def count_articles(inputs: list[Path]) -> int:
    from storyline.pipeline import load

    return len(load(inputs).articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sets = [("10-article set (example + fixtures)", TEN)]
    if SEEDS.is_dir():
        sets.insert(0, ("seeds (../shared/seeds)", [SEEDS]))
    print(
        f"{'set':38} {'articles':>8} {'cold median s':>13} {'cold best s':>11} "
        f"{'warm s':>7} {'peak MiB':>9}"
    )
    for name, inputs in sets:
        median, best, peak = measure(inputs, args.repeat)
        warm_seconds = warm(inputs, args.repeat)
        print(
            f"{name:38} {count_articles(inputs):>8} {median:>13.2f} {best:>11.2f} "
            f"{warm_seconds:>7.2f} {peak:>9.0f}"
        )
    print(
        f"cold: a fresh `storyline summarize` process (imports, model load, read, clean, "
        f"embed, summarize, JSON render); warm: the library call with the model loaded; "
        f"peak: the cold process's max RSS; median of {args.repeat} runs"
    )


if __name__ == "__main__":
    main()
