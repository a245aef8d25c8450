"""Infobox values: dates, runtimes and money."""

import datetime as dt

import pytest

from bot.values import parse_date, parse_money, parse_runtime


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2015", dt.date(2015, 3, 3)),
        ("Mar. 3 2015", dt.date(2015, 3, 3)),
        ("3 March 2015", dt.date(2015, 3, 3)),
        ("2015-03-03", dt.date(2015, 3, 3)),
        ("03/04/2015", dt.date(2015, 3, 4)),
        ("13/04/2015", dt.date(2015, 4, 13)),
        ("09/06/2012 05:15 EDT | Updated 11/06/2012", dt.date(2012, 9, 6)),
        ("July 25, 2012 (United States)", dt.date(2012, 7, 25)),
        ("Sept. 6, 2012", dt.date(2012, 9, 6)),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "soon", "5:15", "2015-02-30", "Smarch 3, 2015", "31/31/2015"])
def test_parse_date_none(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("104 minutes", 104),
        ("104", 104),
        ("1 h 38 min", 98),
        ("1h38m", 98),
        ("2 hours", 120),
        ("98 min.", 98),
        ("unknown", None),
        ("", None),
    ],
)
def test_parse_runtime(text, expected):
    assert parse_runtime(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$9.4 million", 9.4e6),
        ("$140,822", 140822.0),
        ("$2,500,000", 2.5e6),
        ("£3m", 3e6),
        ("$1.2 billion", 1.2e9),
        ("$750 thousand", 750e3),
        ("US$2.5-3 million", 2.5e6),
        ("$5 to 7 million", 5e6),
        ("$12", 12.0),
    ],
)
def test_parse_money(text, expected):
    assert parse_money(text) == pytest.approx(expected)


def test_parse_money_without_a_figure():
    assert parse_money("undisclosed") is None
