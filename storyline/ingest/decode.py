"""Bytes to text: reject binary data, detect the charset of non-UTF-8 text."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from storyline.errors import InputError

# Bytes that never occur in text files (other than tab, newline, carriage return, form feed).
_CONTROL = bytes(range(0, 32)).translate(None, b"\t\n\r\x0c")
_SNIFF = 8192


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8" or the charset that was detected

    @property
    def guessed(self) -> bool:
        return self.encoding != "utf-8"


def decode(path: str, data: bytes) -> Decoded:
    """Decode ``data`` as UTF-8 or, failing that, as its detected charset.

    Raises :class:`InputError` for empty, whitespace-only or binary data. Line endings are
    normalized to ``\\n``.
    """
    if not data.strip():
        raise InputError(path, "file is empty; nothing to read")
    if _looks_binary(data):
        raise InputError(path, "binary file, not text; give storyline text, HTML or JSON")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        matches = from_bytes(data)
        # Short Western European text is often scored as cp1250 (turning "è" into "č");
        # cp1252 is by far the commoner legacy charset of news pages, so it wins a tie.
        best = next((m for m in matches if m.encoding == "cp1252"), None) or matches.best()
        if best is None:
            raise InputError(
                path, "not UTF-8 and no charset could be detected; re-save it as UTF-8"
            ) from None
        text, encoding = str(best), best.encoding
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "file is empty; nothing to read")
    return Decoded(text, encoding)


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if _is_utf16(head):
        return False
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls > max(8, len(head) // 100)


def _is_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))
