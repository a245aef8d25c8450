"""The made-up films under ``documents/``: one folder per film, each in layouts real pages use."""

from pathlib import Path

DOCUMENTS = Path(__file__).parent / "documents"


def film_folder(slug: str) -> Path:
    """The folder of one made-up film."""
    return DOCUMENTS / slug
