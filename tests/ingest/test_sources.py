"""Tests for turning named inputs (files, directories, globs, stdin) into sources."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from storyline.errors import InputError
from storyline.ingest.sources import Source, expand


def _write(path: Path, text: str = "Some article text.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _sources(results: list[Source | InputError]) -> list[Source]:
    return [r for r in results if isinstance(r, Source)]


def _errors(results: list[Source | InputError]) -> list[InputError]:
    return [r for r in results if isinstance(r, InputError)]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "z.txt")
    _write(tmp_path / "sub" / "c.json", '{"text": "x"}')
    _write(tmp_path / "a.txt")

    results = list(expand([tmp_path]))

    assert _errors(results) == []
    assert [Path(s.path) for s in results] == [
        tmp_path / "a.txt",
        tmp_path / "sub" / "c.json",
        tmp_path / "z.txt",
    ]


def test_source_carries_bytes_and_lowercase_suffix(tmp_path: Path) -> None:
    path = tmp_path / "Story.TXT"
    path.write_bytes(b"Raw bytes here.")

    [source] = list(expand([path]))

    assert source == Source(str(path), b"Raw bytes here.", ".txt")


def test_hidden_files_and_directories_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "visible.txt")
    _write(tmp_path / ".hidden.txt")
    _write(tmp_path / ".cache" / "inside.txt")

    results = list(expand([tmp_path]))

    assert [Path(r.path).name for r in results] == ["visible.txt"]


def test_unknown_suffix_in_directory_is_an_error_naming_the_file(tmp_path: Path) -> None:
    _write(tmp_path / "story.txt")
    odd = _write(tmp_path / "photo.png")

    results = list(expand([tmp_path]))

    [error] = _errors(results)
    assert error.path == str(odd)
    assert str(odd) in str(error)
    assert [Path(s.path).name for s in _sources(results)] == ["story.txt"]


def test_explicitly_named_file_with_unknown_suffix_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.md", "An article saved as markdown.")

    [source] = list(expand([str(path)]))

    assert isinstance(source, Source)
    assert source.data == b"An article saved as markdown."
    assert source.suffix == ".md"


def test_glob_yields_matching_files_sorted(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt")
    _write(tmp_path / "a.txt")
    _write(tmp_path / "c.json", '{"text": "x"}')

    results = list(expand([str(tmp_path / "*.txt")]))

    assert [Path(r.path).name for r in results] == ["a.txt", "b.txt"]


def test_glob_without_match_is_an_error(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.txt")

    [error] = list(expand([pattern]))

    assert isinstance(error, InputError)
    assert error.path == pattern
    assert "no file matches" in error.reason


def test_missing_path_is_an_error_saying_no_such_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"

    [error] = list(expand([missing]))

    assert isinstance(error, InputError)
    assert error.path == str(missing)
    assert "no such file" in str(error)


def test_missing_path_does_not_stop_other_inputs(tmp_path: Path) -> None:
    present = _write(tmp_path / "present.txt")

    results = list(expand([tmp_path / "absent.txt", present]))

    assert len(_errors(results)) == 1
    assert [s.path for s in _sources(results)] == [str(present)]


def test_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "story.txt")

    results = list(expand([path, str(path), tmp_path, str(tmp_path / "*.txt")]))

    assert len(results) == 1
    assert results[0].path == str(path)


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()

    [error] = list(expand([empty]))

    assert isinstance(error, InputError)
    assert error.path == str(empty)
    assert "no files" in error.reason


def test_stdin_is_read_from_its_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = SimpleNamespace(buffer=io.BytesIO(b"Piped article text.\n"))
    monkeypatch.setattr(sys, "stdin", fake)

    [source] = list(expand(["-"]))

    assert source == Source("<stdin>", b"Piped article text.\n", "")
