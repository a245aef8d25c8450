"""Parsing changed films in order, in worker processes when there are many."""

from bot.models import FilmFailure
from bot.seeds import folder_digest, load_film
from bot.services.film_stream import MIN_FILMS_FOR_WORKERS, stream_films
from tests.bot.parsing.lantern_keeper import INTERVIEW, write_film


def films(root, count):
    return [
        write_film(root, {"100_interview.txt": INTERVIEW}, slug=f"film-{n:02d}")
        for n in range(count)
    ]


async def streamed(folders):
    return [(film, fingerprints) async for film, fingerprints in stream_films(folders)]


async def test_many_films_come_back_in_order_from_worker_processes(tmp_path):
    folders = films(tmp_path, MIN_FILMS_FOR_WORKERS)
    result = await streamed(folders)
    assert [film.slug for film, _ in result] == [folder.name for folder in folders]
    assert result[3][0] == load_film(folders[3])
    assert result[3][1]["quotes"]


async def test_a_film_that_fails_in_a_worker_fails_alone(tmp_path):
    folders = films(tmp_path, MIN_FILMS_FOR_WORKERS)
    (folders[5] / "900_article.txt").unlink()
    result = [prepared async for prepared in stream_films(folders)]
    failure = result[5]
    assert isinstance(failure, FilmFailure)
    assert failure.slug == "film-05"
    assert all(not isinstance(r, FilmFailure) for n, r in enumerate(result) if n != 5)


async def test_few_films_are_parsed_without_workers(tmp_path):
    folders = films(tmp_path, 2)
    assert [film.slug for film, _ in await streamed(folders)] == ["film-00", "film-01"]


def test_the_folder_digest_changes_with_any_file(tmp_path):
    [folder] = films(tmp_path, 1)
    first = folder_digest(folder)
    assert folder_digest(folder) == first
    (folder / "film.toml").write_text('title = "Other"\n')
    assert folder_digest(folder) != first
