"""Reading seed files safely and splitting them into numbered paragraphs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.errors import SeedError
from bot.text import normalize_typography

__all__ = ["MAX_DOCUMENT_BYTES", "Document", "Paragraph", "read_document", "split_paragraphs"]

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
"""Seed documents are articles and interviews; anything larger is a mistake, not a film."""

_MAX_CONTROL_CHAR_RATIO = 0.01
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Unicode category Cc (C0 and C1 controls) except tab, line feed and carriage return."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of consecutive non-blank lines; ``line`` is its first line number (1-based)."""

    text: str
    line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A seed file's normalised text, split into paragraphs."""

    path: Path
    text: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def name(self) -> str:
        """The file name, used as the document's source name."""
        return self.path.name


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise SeedError(path, "the document is empty")
    if b"\x00" in data:
        raise SeedError(
            path, "binary data, not a text document", _line_of_offset(data, data.index(b"\x00"))
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = _line_of_offset(data, exc.start)
        raise SeedError(
            path, f"not valid UTF-8 (byte {exc.start}); save the file as UTF-8", line
        ) from exc
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > len(text) * _MAX_CONTROL_CHAR_RATIO:
        raise SeedError(path, "binary data, not a text document")
    return text


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Split text into paragraphs separated by blank lines, keeping line numbers."""
    paragraphs: list[Paragraph] = []
    block: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line:
            if not block:
                start = number
            block.append(line)
        elif block:
            paragraphs.append(Paragraph(" ".join(block), start, tuple(block)))
            block = []
    if block:
        paragraphs.append(Paragraph(" ".join(block), start, tuple(block)))
    return tuple(paragraphs)


def read_document(path: Path) -> Document:
    """Read and normalise one seed file; raises `SeedError` with the reason if it is unusable."""
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise SeedError(
                path, f"{size:,} bytes is larger than the {MAX_DOCUMENT_BYTES:,}-byte limit"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(path, f"cannot read the file ({exc.strerror or exc})") from exc
    text = _decode(path, data).replace("\r\n", "\n").replace("\r", "\n")
    text = normalize_typography(unicodedata.normalize("NFC", text))
    return Document(path=path, text=text, paragraphs=split_paragraphs(text))
