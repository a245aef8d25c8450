"""Damaged copies of the made-up films never crash the parser: a film loads or fails alone."""

import random
import shutil

import pytest

from bot.parsing import parse_seeds
from tests.bot.parsing.corpus import DOCUMENTS

JUNK = ("", ":", "|", "| |", "(", ")", "**", "- :", "- as", "Q:", "A:", "==", "= =", "[1]", "###")
ROUNDS = 12


def damage(text: str, rng: random.Random) -> str:
    """The text with lines dropped, repeated, swapped, replaced by junk, or cut short."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        index = rng.randrange(len(lines))
        action = rng.choice(("drop", "repeat", "swap", "junk", "cut"))
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "junk":
            lines[index] = rng.choice(JUNK) + lines[index][rng.randrange(len(lines[index]) + 1) :]
        else:
            lines[index] = lines[index][: rng.randrange(len(lines[index]) + 1)]
    return "\n".join(lines)


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_damaged_documents_never_crash_the_parser(tmp_path, round_):
    rng = random.Random(round_)
    seeds = tmp_path / "seeds"
    shutil.copytree(DOCUMENTS, seeds)
    for path in sorted(seeds.rglob("*.txt")):
        path.write_text(damage(path.read_text(encoding="utf-8"), rng), encoding="utf-8")
    kb = parse_seeds(seeds)
    assert len(kb.films) + len(kb.failures) == len([p for p in seeds.iterdir() if p.is_dir()])
    for failure in kb.failures:
        assert "the parser failed" not in failure.message, failure
    for film in kb.films:
        assert not [w for w in film.warnings if "the parser failed" in w], film.slug
