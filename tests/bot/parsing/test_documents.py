"""Seed files, film folders and manifests: bad documents are skipped, bad films fail alone."""

import datetime as dt
import random

import pytest

import bot.parsing
from bot.errors import SeedError
from bot.parsing import parse_film, parse_seeds
from bot.parsing.documents import read_document, split_paragraphs
from tests.bot.parsing.lantern_keeper import INTERVIEW, SLUG, write_film

NAME = "100_interview.txt"


def test_read_document_normalises_text(tmp_path):
    path = tmp_path / "doc.txt"
    raw = (
        "\ufeffZoe\u0308 said \u201chi\u201d\u00a0\u2014 it\u2019s\r\nfine.\r\n\r\nNext\u2026\rline"
    )
    path.write_bytes(raw.encode("utf-8"))
    document = read_document(path)
    assert document.name == "doc.txt"
    assert document.text == 'Zo\u00eb said "hi" - it\'s\nfine.\n\nNext...\nline'
    assert [(p.text, p.line) for p in document.paragraphs] == [
        ('Zo\u00eb said "hi" - it\'s fine.', 1),
        ("Next... line", 4),
    ]


def test_split_paragraphs_keeps_line_numbers():
    paragraphs = split_paragraphs("\n\nOne\n  two  \n\n\n\nThree\n")
    assert [(p.text, p.line, p.lines) for p in paragraphs] == [
        ("One two", 3, ("One", "two")),
        ("Three", 8, ("Three",)),
    ]


def write_sparse(path, size):
    with path.open("wb") as handle:
        handle.seek(size)
        handle.write(b"x")


MALFORMED = {
    "nul bytes": b"Hannah Lindqvist: hi\x00there\n",
    "random bytes 1": random.Random(1).randbytes(4096),
    "random bytes 2": random.Random(2).randbytes(64),
    "control characters": b"Hannah Lindqvist: hi\n" + b"\x01\x02\x03\x04" * 20,
    "latin-1": "Hannah Lindqvist: caf\u00e9 cr\u00e8me\n".encode("latin-1"),
    "cut utf-8 sequence": "Q: Hi?\n\nHannah Lindqvist: caf\u00e9".encode()[:-1],
    "empty": b"",
    "whitespace only": b" \n\t\r\n  \n",
    "neither article nor interview": b"Just some prose.\n\nAnother paragraph.\n",
    "one answer only": b"Q: Hi?\n\nHannah Lindqvist: Hello.\n",
}


def skipped(film):
    return [w for w in film.warnings if w.startswith(NAME) and ": skipped: " in w]


@pytest.mark.parametrize("content", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_documents_are_skipped_with_a_one_line_warning(tmp_path, content):
    write_film(tmp_path / "seeds", {NAME: content})
    kb = parse_seeds(tmp_path / "seeds")
    assert kb.failures == ()
    (film,) = kb.films
    (warning,) = skipped(film)
    assert "\n" not in warning
    assert all(source.name != NAME for source in film.sources)
    assert film.cast  # the film loaded from its article


def test_latin_1_warning_names_the_line(tmp_path):
    content = "Q: Hi?\n\nHannah Lindqvist: caf\u00e9\n".encode("latin-1")
    write_film(tmp_path, {NAME: content})
    (warning,) = skipped(parse_film(tmp_path / SLUG))
    assert warning.startswith(f"{NAME}:3: skipped: ")
    assert "UTF-8" in warning


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    folder = write_film(tmp_path, {})
    write_sparse(folder / NAME, 50 * 1024 * 1024)
    (warning,) = skipped(parse_film(folder))
    assert "limit" in warning


def test_a_film_whose_only_article_is_unreadable_fails_naming_the_file(tmp_path):
    folder = write_film(tmp_path, {NAME: INTERVIEW}, article=None)
    (folder / "900_article.txt").write_bytes(
        "= Night Ferry =\n- Writer: Caf\u00e9".encode("latin-1")
    )
    with pytest.raises(SeedError) as caught:
        parse_film(folder)
    assert caught.value.path == str(folder / "900_article.txt")
    assert caught.value.line == 2
    assert "no usable article" in str(caught.value)


@pytest.mark.parametrize(
    "article",
    [
        "= Night Ferry =\n\n- Director: Ada Brun\n- Wri",
        "= Night Ferry =\n\n- Director: Ada Brun\n- Writer: Caf\u00e9 Brun",
    ],
    ids=["cut mid-infobox", "cut mid-utf-8"],
)
def test_truncated_articles(tmp_path, article):
    folder = write_film(tmp_path, {NAME: INTERVIEW}, article=None)
    data = article.encode()
    if "\u00e9" in article:
        data = data[:-6]
    (folder / "900_article.txt").write_bytes(data)
    with pytest.raises(SeedError) as caught:
        parse_film(folder)
    assert caught.value.path == str(folder / "900_article.txt")
    assert caught.value.line == 4
    assert "\n" not in str(caught.value)


def test_film_folder_without_article(tmp_path):
    folder = write_film(tmp_path, {NAME: INTERVIEW}, article=None)
    with pytest.raises(SeedError, match="no usable article") as caught:
        parse_film(folder)
    assert caught.value.path == str(folder)


def test_film_folder_without_documents(tmp_path):
    folder = tmp_path / "empty-film"
    folder.mkdir()
    (folder / "notes.md").write_text("not a seed", encoding="utf-8")
    with pytest.raises(SeedError, match=r"no \.txt documents"):
        parse_film(folder)


def test_film_folder_with_a_bad_name_fails_alone(tmp_path):
    folder = write_film(tmp_path, {}, slug="Bad Name")
    write_film(tmp_path, {})
    kb = parse_seeds(tmp_path)
    assert [film.slug for film in kb.films] == [SLUG]
    (failure,) = kb.failures
    assert failure.slug == "Bad Name"
    assert "lowercase" in failure.message
    assert not failure.kept
    assert folder.is_dir()


def test_missing_seeds_folder(tmp_path):
    with pytest.raises(SeedError, match="does not exist"):
        parse_seeds(tmp_path / "nowhere")


def test_hidden_folders_and_other_files_are_ignored(tmp_path):
    write_film(tmp_path, {NAME: INTERVIEW})
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "junk.txt").write_bytes(b"\x00")
    (tmp_path / "README.md").write_text("seeds", encoding="utf-8")
    kb = parse_seeds(tmp_path)
    assert [film.slug for film in kb.films] == [SLUG]
    assert kb.film(SLUG) is not None
    assert kb.film("nope") is None


MANIFEST = f"""\
title = "The Lantern Keeper (Director's Cut)"

[documents."{NAME}"]
publication = "Harbour Review"
url = "https://example.org/lantern"
published = 2015-03-05
"""


def test_manifest_supplies_source_metadata(tmp_path):
    film = parse_film(write_film(tmp_path, {NAME: INTERVIEW}, manifest=MANIFEST))
    source = next(s for s in film.sources if s.name == NAME)
    assert source.publication == "Harbour Review"
    assert source.url == "https://example.org/lantern"
    assert source.published == dt.date(2015, 3, 5)
    assert source.title == "Lantern Light: An Interview"
    assert source.label == "Harbour Review"
    assert film.title == "The Lantern Keeper (Director's Cut)"


def test_without_manifest_the_interview_supplies_what_it_can(tmp_path):
    film = parse_film(write_film(tmp_path, {NAME: INTERVIEW}))
    source = next(s for s in film.sources if s.name == NAME)
    assert source.publication is None
    assert source.url is None
    assert source.published == dt.date(2015, 3, 3)
    assert source.label == "Lantern Light: An Interview"
    assert film.title == "The Lantern Keeper"


def test_manifest_dates_may_be_strings_or_datetimes(tmp_path):
    manifest = f'[documents."{NAME}"]\npublished = "2015-03-06"\n'
    folder = write_film(tmp_path, {NAME: INTERVIEW}, manifest=manifest)
    source = next(s for s in parse_film(folder).sources if s.name == NAME)
    assert source.published == dt.date(2015, 3, 6)
    (folder / "film.toml").write_text(
        f'[documents."{NAME}"]\npublished = 2015-03-07T10:00:00\n', encoding="utf-8"
    )
    source = next(s for s in parse_film(folder).sources if s.name == NAME)
    assert source.published == dt.date(2015, 3, 7)
    assert type(source.published) is dt.date


BAD_MANIFESTS = {
    "invalid toml": "title = [unclosed",
    "title not a string": "title = 3",
    "documents not a table": "documents = 3",
    "document not a table": f'[documents]\n"{NAME}" = 3\n',
    "bad date": f'[documents."{NAME}"]\npublished = "03/04/2015"\n',
    "date of wrong type": f'[documents."{NAME}"]\npublished = 12:00:00\n',
    "url not a string": f'[documents."{NAME}"]\nurl = 1\n',
}


@pytest.mark.parametrize("manifest", BAD_MANIFESTS.values(), ids=BAD_MANIFESTS.keys())
def test_bad_manifests(tmp_path, manifest):
    folder = write_film(tmp_path, {NAME: INTERVIEW}, manifest=manifest)
    with pytest.raises(SeedError) as caught:
        parse_film(folder)
    assert caught.value.path == str(folder / "film.toml")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "content",
    [b"title = '\xff'\n", b"title = 'x'\n" + b"# padding\n" * 10_000],
    ids=["not utf-8", "too large"],
)
def test_unreadable_manifests(tmp_path, content):
    folder = write_film(tmp_path, {NAME: INTERVIEW})
    (folder / "film.toml").write_bytes(content)
    with pytest.raises(SeedError) as caught:
        parse_film(folder)
    assert caught.value.path == str(folder / "film.toml")


def test_a_parser_bug_fails_its_film_only(tmp_path, monkeypatch, caplog):
    write_film(tmp_path, {NAME: INTERVIEW})
    write_film(tmp_path, {NAME: INTERVIEW}, slug="aa-cursed")
    original = bot.parsing.parse_article

    def cursed(document, slug=None):
        if slug == "aa-cursed":
            raise RuntimeError("bug")
        return original(document, slug)

    monkeypatch.setattr(bot.parsing, "parse_article", cursed)
    kb = parse_seeds(tmp_path)
    assert [film.slug for film in kb.films] == [SLUG]
    (failure,) = kb.failures
    assert failure.slug == "aa-cursed"
    assert "the parser failed on this film (RuntimeError)" in failure.message
    assert "aa-cursed" in caplog.text
