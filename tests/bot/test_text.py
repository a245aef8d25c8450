"""Text folding."""

from __future__ import annotations

import pytest

from bot.text import fold, strip_diacritics


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zoë", "zoe"),
        ("Łukasz", "lukasz"),
        ("Søren Ødegård", "soren odegard"),
        ("Đorđe", "dorde"),
        ("Þóra", "thora"),
        ("Æsa Œil", "aesa oeil"),
        ("Straße", "strasse"),
        ("  \u201cQuoted\u201d  ", '"quoted"'),
        ("是枝 裕和", "是枝 裕和"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_strip_diacritics_keeps_case() -> None:
    assert strip_diacritics("Łódź") == "Lodz"
