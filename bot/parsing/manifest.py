"""The optional ``film.toml`` manifest: metadata the documents themselves do not state."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import SeedError
from bot.parsing.folders import NESTED_TOO_DEEPLY, optional_file

__all__ = ["MANIFEST_NAME", "DocumentMeta", "Manifest", "read_manifest"]

MANIFEST_NAME = "film.toml"
_MAX_MANIFEST_BYTES = 64 * 1024
_TEXT_FIELDS = ("title", "publication", "url")


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """Per-document metadata from the manifest."""

    title: str | None = None
    publication: str | None = None
    url: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """A film folder's manifest; empty when the folder has none."""

    title: str | None = None
    documents: dict[str, DocumentMeta] = field(default_factory=dict)

    def meta(self, name: str) -> DocumentMeta:
        """Metadata for the document ``name`` (empty if the manifest does not mention it)."""
        return self.documents.get(name, DocumentMeta())


def _text(table: dict[str, object], key: str, path: Path) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SeedError(path, f"'{key}' must be a string")
    return value


def _document_meta(name: str, table: object, path: Path) -> DocumentMeta:
    if not isinstance(table, dict):
        raise SeedError(path, f'[documents."{name}"] must be a table')
    published = table.get("published")
    if isinstance(published, dt.datetime):
        published = published.date()
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise SeedError(path, f"'published' of {name} is not an ISO date") from exc
    if published is not None and not isinstance(published, dt.date):
        raise SeedError(path, f"'published' of {name} must be a date")
    fields = {key: _text(table, key, path) for key in _TEXT_FIELDS}
    return DocumentMeta(published=published, **fields)


def read_manifest(folder: Path) -> Manifest:
    """Read ``folder/film.toml`` if it exists; raises `SeedError` when it is malformed."""
    path = folder / MANIFEST_NAME
    if not optional_file(path, folder.parent):
        return Manifest()
    if path.stat().st_size > _MAX_MANIFEST_BYTES:
        raise SeedError(path, "the manifest is too large")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        reason = " ".join(str(exc).split())
        raise SeedError(path, f"invalid TOML: {reason}") from exc
    except RecursionError:
        raise SeedError(path, f"invalid TOML: {NESTED_TOO_DEEPLY}") from None
    documents = data.get("documents", {})
    if not isinstance(documents, dict):
        raise SeedError(path, "[documents] must be a table of file names")
    return Manifest(
        title=_text(data, "title", path),
        documents={name: _document_meta(name, meta, path) for name, meta in documents.items()},
    )
