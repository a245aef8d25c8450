"""Tests for reading typed numbers with units, percentages and money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.trivia.numbers import Quantity, is_near, is_same, read_numbers


def _one(text: str, *, m_is_minutes: bool = False) -> Quantity:
    reading = read_numbers(text, m_is_minutes=m_is_minutes)
    assert len(reading.quantities) == 1, reading
    return reading.quantities[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("104", "104", None),
        ("104 minutes", "104", "minute"),
        ("104min", "104", "minute"),
        ("one hundred four", "104", None),
        ("one hundred and four", "104", None),
        ("a hundred and four", "104", None),
        ("1h44", "104", "minute"),
        ("1 hour 44 minutes", "104", "minute"),
        ("1:44", "104", "minute"),
        ("79%", "79", "percent"),
        ("79 per cent", "79", "percent"),
        ("seventy-nine percent", "79", "percent"),
        ("$9.4 million", "9400000", "usd"),
        ("9.4m", "9400000", None),
        ("$9,400,000", "9400000", "usd"),
        ("9.4 million dollars", "9400000", "usd"),
        ("USD 9.4M", "9400000", "usd"),
        ("9,4 million", "9400000", None),
        ("nine point four million", "9400000", None),
        ("€2 billion", "2000000000", "eur"),
        ("12k", "12000", None),
        ("2012", "2012", None),
        ("twenty twelve", "2012", None),
        ("nineteen eighty five", "1985", None),
        ("nineteen oh five", "1905", None),
        ("two thousand and twelve", "2012", None),
        ("twelve hundred", "1200", None),
    ],
)
def test_reads_one_quantity(text: str, value: str, unit: str | None) -> None:
    quantity = _one(text)
    assert quantity.value == Decimal(value)
    assert quantity.unit == unit


def test_m_means_minutes_only_when_asked() -> None:
    assert _one("104m", m_is_minutes=True) == Quantity(Decimal(104), "minute")
    assert _one("104m").value == Decimal(104_000_000)


def test_leftover_words_and_several_numbers() -> None:
    reading = read_numbers("i think it's 104 or 105")
    assert [q.value for q in reading.quantities] == [Decimal(104), Decimal(105)]
    assert reading.words == ("i", "think", "its", "or")
    assert read_numbers("a guess").quantities == ()
    assert read_numbers("one two").quantities != (Quantity(Decimal(3)),)


def test_same_and_near() -> None:
    runtime = Quantity(Decimal(104), "minute")
    assert is_same(Quantity(Decimal(104)), runtime)
    assert not is_same(Quantity(Decimal(104), "percent"), runtime)
    assert is_near(Quantity(Decimal(105)), runtime)
    assert is_near(Quantity(Decimal(104), "percent"), runtime)
    assert not is_near(Quantity(Decimal(1040)), runtime)
    assert not is_near(Quantity(Decimal(104)), runtime)
    year = Quantity(Decimal(2012))
    assert is_near(Quantity(Decimal(2013)), year)
    assert not is_near(Quantity(Decimal(2014)), year)
    gross = Quantity(Decimal(9_400_000), "usd", scaled=True)
    assert is_near(Quantity(Decimal("9.4")), gross)
    assert is_near(Quantity(Decimal(9_500_000)), gross)
    assert not is_near(Quantity(Decimal(10_000_000)), gross)
    assert is_near(Quantity(Decimal(9_400_000), "eur"), gross)
