import pytest

from bot.trivia.hints import MASK_CHAR, MAX_HINT_LEVEL, mask_answer


@pytest.mark.parametrize(
    ("answer", "level", "expected"),
    [
        ("Nick Urata", 0, "**** *****"),
        ("Nick Urata", 1, "N*** U****"),
        ("Nick Urata", 2, "N**k U**t*"),
        ("Spider-Man", 1, "S*****-M**"),
        ("Schindler's List", 1, "S********'* L***"),
        ("(500) Days of Summer", 1, "(5**) D*** o* S*****"),
        ("2001: A Space Odyssey", 1, "2***: A S**** O******"),
        ("2001: A Space Odyssey", 2, "2**1: A S**c* O**s**y"),
        ("1917", 1, "1***"),
        ("Up", 1, "U*"),
        ("Up", 2, "U*"),
        ("Zoë Kazan", 1, "Z** K****"),
        ("Amélie", 2, "A**l**"),
        ("", 1, ""),
        ("!?", 2, "!?"),
    ],
)
def test_masks_letters_and_digits_keeps_spaces_and_punctuation(
    answer: str, level: int, expected: str
) -> None:
    assert mask_answer(answer, level) == expected


def test_mask_keeps_length_and_separators() -> None:
    answer = "Jean-Pierre Jeunet & Marc Caro"
    masked = mask_answer(answer, 1)
    assert len(masked) == len(answer)
    assert [i for i, c in enumerate(masked) if c in " -&"] == [
        i for i, c in enumerate(answer) if c in " -&"
    ]
    assert masked == "J***-P***** J***** & M*** C***"


def test_a_hint_never_gives_the_whole_answer_away() -> None:
    assert mask_answer("M", 1) == MASK_CHAR
    assert mask_answer("A I", 1) == "A *"
    assert mask_answer("Ed", MAX_HINT_LEVEL) == "E*"


def test_levels_above_the_maximum_are_clamped() -> None:
    assert mask_answer("Nick Urata", MAX_HINT_LEVEL + 5) == mask_answer(
        "Nick Urata", MAX_HINT_LEVEL
    )


def test_each_level_reveals_at_least_as_much_as_the_previous() -> None:
    answer = "The Grand Budapest Hotel"
    shown = [
        {i for i, c in enumerate(mask_answer(answer, level)) if c != MASK_CHAR}
        for level in range(MAX_HINT_LEVEL + 1)
    ]
    assert shown[0] <= shown[1] <= shown[2]
    assert shown[0] < shown[1] < shown[2]
