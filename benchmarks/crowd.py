"""A made-up film with a crowded cast, written as seed documents, for benchmarks and load tests."""

from __future__ import annotations

from pathlib import Path

__all__ = ["made_up_name", "write_crowded_film"]

_SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in "aeiou")
_NAME_SYLLABLES = 3


def made_up_name(number: int) -> str:
    """A distinct two-word name for ``number`` (three syllables a word, no real person)."""
    parts = []
    for _ in range(2 * _NAME_SYLLABLES):
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    first, last = "".join(parts[:_NAME_SYLLABLES]), "".join(parts[_NAME_SYLLABLES:])
    return f"{first.capitalize()} {last.capitalize()}"


def write_crowded_film(seeds: Path, slug: str, members: int) -> Path:
    """Write ``seeds/<slug>/001_article.txt``: an article whose cast list has ``members`` lines."""
    folder = seeds / slug
    folder.mkdir(parents=True)
    title = slug.replace("-", " ").title()
    cast = [
        f"- {made_up_name(7919 * n + 1)} as {made_up_name(104_729 * n + 2)},"
        f" a clerk at the shop on street number {n}"
        for n in range(members)
    ]
    starring = ", ".join(made_up_name(7919 * n + 1) for n in range(min(members, 8)))
    lines = [
        f"= {title} =",
        "",
        title,
        f"- Director: {made_up_name(11)}, {made_up_name(12)}",
        f"- Writer: {made_up_name(13)}",
        f"- Producer: {made_up_name(14)}, {made_up_name(15)}",
        f"- Starring: {starring}",
        f"- Music: {made_up_name(16)}",
        f"- Editing: {made_up_name(17)}",
        "- Studio: Gorabe Pictures",
        "- Distributor: Lumivo Films",
        "- Released: 2019-03-14",
        "- Runtime: 97 minutes",
        "- Gross: $4.2 million",
        "",
        f"{title} is a 2019 film about a street full of shops.",
        "",
        "==Plot==",
        "",
        "A shopkeeper loses a key and the whole street looks for it.",
        "",
        "==Cast==",
        "",
        *cast,
        "",
    ]
    article = folder / "001_article.txt"
    article.write_text("\n".join(lines), encoding="utf-8")
    return article
