"""Tests for decoding input bytes to text (charsets, BOMs, line endings, binary)."""

from __future__ import annotations

import random

import pytest

from storyline.errors import InputError
from storyline.ingest.decode import decode

from ..conftest import FRENCH

GERMAN = (
    "Der Bürgermeister sagte am Dienstag, die Brücke werde für den Verkehr gesperrt.\n"
    "Die Arbeiten an der Straße sollen nach Angaben der Behörde im Frühjahr beginnen.\n"
    "»Wir müssen die Sicherheit der Bürger gewährleisten«, erklärte der Sprecher.\n"
    "Die Händler in der Innenstadt befürchten große Einbußen während der Bauzeit.\n"
)


def test_utf8_is_decoded_without_guessing() -> None:
    decoded = decode("a.txt", "Café owners in Zürich said « non ».".encode())

    assert decoded.text == "Café owners in Zürich said « non »."
    assert decoded.encoding == "utf-8"
    assert decoded.guessed is False


def test_utf8_bom_is_removed() -> None:
    decoded = decode("a.txt", b"\xef\xbb\xbfHeadline\nBody.")

    assert decoded.text == "Headline\nBody."
    assert decoded.guessed is False


def test_crlf_and_cr_line_endings_become_lf() -> None:
    decoded = decode("a.txt", b"One.\r\nTwo.\rThree.\n")

    assert decoded.text == "One.\nTwo.\nThree.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_french_single_byte_text_is_decoded_by_detected_charset(encoding: str) -> None:
    decoded = decode("a.txt", FRENCH.encode(encoding))

    assert decoded.text == FRENCH
    assert decoded.guessed is True


def test_german_latin1_text_is_decoded_by_detected_charset() -> None:
    decoded = decode("a.txt", GERMAN.encode("latin-1"))

    assert decoded.text == GERMAN
    assert decoded.guessed is True


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding: str) -> None:
    text = "Zürich: the bridge « reopens » on Monday.\nSecond line."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data

    decoded = decode("a.txt", data)

    assert decoded.text == text


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_only_is_an_error(data: bytes) -> None:
    with pytest.raises(InputError, match="empty") as caught:
        decode("blank.txt", data)

    assert caught.value.path == "blank.txt"


def test_whitespace_only_utf16_is_an_error() -> None:
    with pytest.raises(InputError, match="empty"):
        decode("blank.txt", " \n  \n".encode("utf-16"))


def test_binary_data_is_an_error() -> None:
    png_header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(400)) + b"\x00" * 40

    with pytest.raises(InputError, match="binary") as caught:
        decode("image.txt", png_header + noise)

    assert caught.value.path == "image.txt"
