"""Property tests: the seed parsers raise nothing but `SeedError`, whatever the input."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from hypothesis import strategies as st

from bot.errors import SeedError
from bot.parsing import parse_film
from bot.parsing.article import parse_article
from bot.parsing.documents import read_document
from bot.parsing.interview import parse_interview
from bot.parsing.manifest import read_manifest
from bot.parsing.speakers import SpeakerResolver
from bot.trivia.custom import load_trivia_yaml
from tests.properties import hostile_text, short_and_long

ARTICLE_LINES = st.sampled_from(
    [
        "= A Title =",
        "- Director: Ana Brisk, Tom Vale",
        "- Starring: Ana Brisk",
        "- Runtime: 97 minutes",
        "- Released: 2019-02-30",
        "- Gross: $4.2 million",
        "==Plot==",
        "===Cast===",
        "==Cast==",
        "- Ana Brisk as Nell Foss, a keeper",
        "Ana Brisk: We shot it in winter.",
        "Q: Why winter?",
        "**Spoilers ahead**",
        "",
    ]
)
documents = st.one_of(
    hostile_text,
    st.lists(st.one_of(ARTICLE_LINES, hostile_text), max_size=30).map("\n".join),
)
raw_bytes = st.one_of(st.binary(max_size=400), documents.map(lambda t: t.encode("utf-8")))


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _document_parsers(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        path = _write(Path(temporary), "doc.txt", data)
        try:
            document = read_document(path)
        except SeedError:
            return
        for parse in (
            lambda: parse_article(document, "a-film"),
            lambda: parse_interview(document, SpeakerResolver(["Ana Brisk"], document.text)),
        ):
            with contextlib.suppress(SeedError):
                parse()


def _film_folder(article: str, interview: bytes, manifest: str, trivia: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "a-film"
        folder.mkdir()
        _write(folder, "001_article.txt", article.encode("utf-8"))
        _write(folder, "002_interview.txt", interview)
        _write(folder, "film.toml", manifest.encode("utf-8"))
        _write(folder, "trivia.yaml", trivia.encode("utf-8"))
        for step in (
            lambda: parse_film(folder),
            lambda: read_manifest(folder),
            lambda: load_trivia_yaml(folder / "trivia.yaml", "a-film"),
        ):
            try:
                step()
            except SeedError as error:
                assert "\n" not in str(error)


test_document_parsers_raise_only_seed_errors, test_document_parsers_long = short_and_long(
    raw_bytes
)(_document_parsers)

test_film_folders_raise_only_seed_errors, test_film_folders_long = short_and_long(
    documents, raw_bytes, hostile_text, hostile_text
)(_film_folder)
