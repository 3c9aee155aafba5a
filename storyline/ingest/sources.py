"""Turn what the user named (files, directories, globs, ``-``) into readable inputs."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.errors import InputError

#: File name endings storyline reads when it walks a directory.
KNOWN_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json", ".jsonl", ".ndjson")

STDIN = "-"


@dataclass(frozen=True)
class Source:
    """The bytes of one input and where they came from (``<stdin>`` for ``-``)."""

    path: str
    data: bytes
    suffix: str  # lower-case file suffix, "" for stdin or none


def expand(inputs: Sequence[str | Path]) -> Iterator[Source | InputError]:
    """Yield each input's bytes, or an :class:`InputError` for an input that cannot be read.

    Directories are walked recursively (hidden entries skipped, files with unknown suffixes
    reported); globs are expanded; an explicitly named file is read whatever its suffix.
    The same file named twice is read once. Order: as given, then sorted within each
    directory or glob, so the same command always sees the same order.
    """
    seen: set[Path] = set()
    for item in inputs:
        name = str(item)
        if name == STDIN:
            yield Source("<stdin>", sys.stdin.buffer.read(), "")
            continue
        for path_or_error in _paths(name):
            if isinstance(path_or_error, InputError):
                yield path_or_error
                continue
            resolved = path_or_error.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            yield _read(path_or_error)


def _paths(name: str) -> Iterator[Path | InputError]:
    path = Path(name)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif glob.has_magic(name):
        matches = sorted(glob.glob(name, recursive=True))
        if not matches:
            yield InputError(name, "no file matches this pattern; check the pattern and quoting")
        for match in matches:
            yield from _walk(Path(match)) if Path(match).is_dir() else iter([Path(match)])
    else:
        yield InputError(name, "no such file or directory; check the path")


def _walk(directory: Path) -> Iterator[Path | InputError]:
    files = sorted(p for p in directory.rglob("*") if p.is_file() and not _hidden(p, directory))
    if not files:
        yield InputError(str(directory), "directory holds no files; point storyline at articles")
    for path in files:
        if path.suffix.lower() in KNOWN_SUFFIXES:
            yield path
        else:
            yield InputError(
                str(path),
                f"unsupported file type {path.suffix or '(no suffix)'!r} in a directory; "
                f"storyline reads {', '.join(KNOWN_SUFFIXES)} (name the file to read it as text)",
            )


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _read(path: Path) -> Source | InputError:
    try:
        data = path.read_bytes()
    except PermissionError:
        return InputError(str(path), "permission denied; check the file's permissions")
    except OSError as exc:
        return InputError(str(path), f"cannot be read ({exc.strerror or exc})")
    return Source(str(path), data, path.suffix.lower())
