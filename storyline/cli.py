"""The command line: a thin layer over :mod:`storyline.pipeline`.

:func:`main` is the one place that turns errors into messages and exit statuses:
0 when a report was written, 2 when nothing usable was found or the command was misused,
1 for anything unexpected (with a hint to see the traceback).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from storyline import __version__
from storyline.errors import InputError, NoUsableInput, OutputError, StorylineError
from storyline.model import Report
from storyline.pipeline import Progress, summarize

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Turn news articles from many outlets into cited story reports.",
)


#: The systems `storyline evaluate` knows (storyline.evaluate.SYSTEMS; kept here so that the
#: CLI starts without importing the scorer).
SYSTEMS = ("storyline", "lead", "lexrank", "textrank", "oracle")


class Format(StrEnum):
    md = "md"
    json = "json"
    html = "html"


_SUFFIX_FORMATS = {
    ".md": Format.md,
    ".json": Format.json,
    ".html": Format.html,
    ".htm": Format.html,
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    """storyline: cited multi-source summaries of news."""


@app.command("summarize")
def summarize_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Files, directories or globs of articles; '-' reads stdin."),
    ],
    format: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="md, json or html [default: md, or the --out suffix]."),
    ] = None,
    out: Annotated[
        list[str] | None,
        typer.Option(
            "--out", "-o", help="Write here instead of stdout ('-' is stdout); repeatable."
        ),
    ] = None,
    words: Annotated[
        int, typer.Option("--words", "-w", min=10, help="Summary budget in words.")
    ] = 250,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress or status lines.")
    ] = False,
) -> None:
    """Summarize articles into a report whose every sentence cites its sources."""
    with _progress(enabled=not quiet and sys.stderr.isatty()) as progress:
        report = summarize(paths, words=words, progress=progress)
    _report_problems(report)
    for target in out or ["-"]:
        chosen = format or _SUFFIX_FORMATS.get(Path(target).suffix.lower(), Format.md)
        _write(report, chosen, target)
        if target != "-" and not quiet:
            _say(f"wrote {target} ({chosen.value})")


@app.command("evaluate")
def evaluate_command(
    data: Annotated[Path, typer.Argument(help="Cluster JSONL: {id, documents, summaries} a line.")],
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", min=1, help="Score this many random clusters.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of --limit and the bootstrap.")] = 0,
    words: Annotated[int, typer.Option("--words", "-w", min=10, help="Word budget.")] = 250,
    systems: Annotated[
        str, typer.Option("--systems", help="Comma-separated: " + ",".join(SYSTEMS) + ".")
    ] = ",".join(SYSTEMS),
    metric: Annotated[
        str, typer.Option("--metric", help="f1 (Multi-News) or recall (DUC).")
    ] = "f1",
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Scoring processes.")] = 2,
    compare: Annotated[
        Path | None,
        typer.Option("--compare", help="Precomputed summaries {cluster, system, summary}."),
    ] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write results JSON.")] = None,
    plot_path: Annotated[
        Path | None, typer.Option("--plot", help="Write a bar chart (PNG).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Score storyline and baselines with ROUGE against reference summaries."""
    from storyline.evaluate import evaluate, plot

    chosen = [s.strip() for s in systems.split(",") if s.strip()]
    with _progress(enabled=not quiet and sys.stderr.isatty()) as progress:
        result = evaluate(
            data,
            words=words,
            systems=chosen,
            limit=limit,
            seed=seed,
            jobs=jobs,
            metric=metric,
            compare=compare,
            progress=progress,
        )
    for skipped in result.skipped:
        _say(f"skipped {skipped.path}: {skipped.reason}")
    print(f"{data}: {len(result.clusters)} clusters, {words} words, ROUGE {metric}")
    print(result.table())
    if out is not None:
        _write_text(out, json.dumps(result.to_dict(), indent=1) + "\n")
        _say(f"wrote {out}")
    if plot_path is not None:
        plot(result, plot_path)
        _say(f"wrote {plot_path}")


@app.command("evaluate-clusters")
def evaluate_clusters_command(
    data: Annotated[
        Path, typer.Argument(help="Article JSONL with a cluster label: {id, text, date, cluster}.")
    ],
    part: Annotated[
        str, typer.Option("--part", help="all, or the tune or test half of the labels.")
    ] = "all",
    batch_days: Annotated[
        int, typer.Option("--batch-days", min=1, help="Days of articles fed per batch.")
    ] = 1,
    baselines: Annotated[
        bool, typer.Option("--baselines/--no-baselines", help="Score the baselines too.")
    ] = True,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write results JSON.")] = None,
) -> None:
    """Score event clustering with B-cubed and pairwise precision, recall and F1."""
    from storyline.evaluate_clusters import PARTS, evaluate_clusters

    if part not in PARTS:
        raise InputError(str(data), f"--part must be one of {', '.join(PARTS)}")
    result = evaluate_clusters(data, part=part, batch_days=batch_days, baselines=baselines)
    for skipped in result.skipped:
        _say(f"skipped {skipped.path}: {skipped.reason}")
    print(
        f"{data} ({result.part}): {result.articles} articles, {result.labels} labels, "
        f"{result.copies} copies folded, {result.undated} undated; "
        f"clustered in {result.seconds:.1f} s"
    )
    print(result.table())
    if out is not None:
        _write_text(out, json.dumps(result.to_dict(), indent=1) + "\n")
        _say(f"wrote {out}")


def _report_problems(report: Report) -> None:
    for skipped in report.skipped:
        _say(f"skipped {skipped.path}: {skipped.reason}")
    for notice in report.notices:
        _say(f"note {notice.path}: {notice.message}")


def _write(report: Report, format: Format, target: str) -> None:
    render = {
        Format.md: report.to_markdown,
        Format.json: report.to_json,
        Format.html: report.to_html,
    }
    text = render[format]()
    if target == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    _write_text(Path(target), text)


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress as Bar

    with Bar(console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, object] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


def _say(message: str) -> None:
    print(f"storyline: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status instead of raising it."""
    try:
        app(
            args=list(argv) if argv is not None else None,
            standalone_mode=False,
            prog_name="storyline",
        )
    except typer.Exit as exc:  # --help, --version
        return int(exc.exit_code)
    except typer.Abort:
        _say("interrupted")
        return 130
    except typer.TyperException as exc:  # usage errors: typer prints them with a hint
        show = getattr(exc, "show", None)
        if show is not None:
            show()
        else:
            _say(str(exc))
        return 2
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except NoUsableInput as exc:
        _say(str(exc))
        return 2
    except StorylineError as exc:
        _say(str(exc))
        return 2
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("STORYLINE_DEBUG"):
            raise
        _say(
            f"internal error ({type(exc).__name__}: {exc}); rerun with STORYLINE_DEBUG=1 "
            "to see the traceback, and please report it"
        )
        return 1
    return 0
