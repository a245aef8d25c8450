"""A made-up film, 'The Lantern Keeper', for documents the real seeds do not cover."""

from pathlib import Path

SLUG = "the-lantern-keeper"
DIRECTOR = "Hannah Lindqvist"
STAR = "Iris Calloway"

ARTICLE = """\
= The Lantern Keeper =

- Director: Hannah Lindqvist
- Writer: Tomas Reyes
- Producer: Odile Marchetti & Sam Whitcombe
- Starring: Iris Calloway, Dev Anand Rao and Mo Whitfield
- Music: Ansel Brook
- Released: March 3, 2015
- Runtime: 1 h 38 min
- Budget: $2,500,000
- Box office: US$4.1 million
- Country: Canada

The Lantern Keeper is a 2015 Canadian drama film directed by Hannah Lindqvist.
It stars Iris Calloway as the last keeper of a lighthouse.

==Synopsis==
Wren Hadley keeps the lighthouse after her father's death.
===Ending===
Wren finally lets the light go dark.

==Cast==
- Iris Calloway as Wren Hadley, the keeper. She is stubborn, proud, and lonely; \
she eventually leaves the island.
- Dev Anand Rao as Osric
- Mo Whitfield as Pell, the ferryman, who brings the mail

==Production==
Filming took place in Nova Scotia over 31 days.
===Design===
The lamp was built by hand.

==Reception==
On Rotten Tomatoes, the film holds an approval rating of 88% based on 52 reviews.
"""

INTERVIEW = """\
Lantern Light: An Interview

March 3, 2015

We sat down with Hannah Lindqvist and Iris Calloway in Halifax.

Q: Where did the idea come from?

Hannah Lindqvist: From my grandmother. She kept a light for forty years.

Iris Calloway: I read the script in one night.

Q: Was the island cold?

Calloway: Freezing.

Lindqvist: We shot in November.
"""


def write_film(
    root: Path,
    documents: dict[str, str | bytes],
    *,
    slug: str = SLUG,
    article: str | None = ARTICLE,
    manifest: str | None = None,
) -> Path:
    """Write a film folder under ``root`` with the article and ``documents``; return it."""
    folder = root / slug
    folder.mkdir(parents=True, exist_ok=True)
    if article is not None:
        (folder / "900_article.txt").write_text(article, encoding="utf-8")
    for name, content in documents.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if manifest is not None:
        (folder / "film.toml").write_text(manifest, encoding="utf-8")
    return folder
