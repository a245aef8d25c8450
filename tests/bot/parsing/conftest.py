"""The made-up corpus films, parsed once per test session for every module that reads them."""

import pytest

from bot.parsing import parse_film
from tests.bot.parsing.corpus import film_folder


@pytest.fixture(scope="session")
def salt():
    return parse_film(film_folder("salt-meridian"))


@pytest.fixture(scope="session")
def copper():
    return parse_film(film_folder("copper-orchard"))


@pytest.fixture(scope="session")
def osaki():
    return parse_film(film_folder("osaki-lanterns"))
