"""Every date an infobox gives, each with its place or event; the release date is the first."""

import datetime as dt

import pytest

from bot.dates import dated_events, split_dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "May 2, 2014 (Tribeca) June 20, 2014 (United States)",
            ("May 2, 2014 (Tribeca)", "June 20, 2014 (United States)"),
        ),
        (
            "2 May 2014 (Tribeca Film Festival); 20 June 2014 (Canada)",
            ("2 May 2014 (Tribeca Film Festival)", "20 June 2014 (Canada)"),
        ),
        (
            "Tribeca: May 2, 2014, Canada: June 20, 2014",
            ("Tribeca: May 2, 2014", "Canada: June 20, 2014"),
        ),
        ("2014-05-02", ("2014-05-02",)),
        ("", ()),
    ],
)
def test_split_dates(value, expected):
    assert split_dates(value) == expected


def test_dated_events_keep_the_event():
    events = dated_events(["May 2, 2014 (Tribeca)", "Canada: June 20, 2014", "2014-07-01", "soon"])
    assert [(e.date, e.event) for e in events] == [
        (dt.date(2014, 5, 2), "Tribeca"),
        (dt.date(2014, 6, 20), "Canada"),
        (dt.date(2014, 7, 1), None),
    ]


def test_dates_separated_by_slashes():
    assert split_dates("25 July 2012 (US) / 12 October 2012 (UK)") == (
        "25 July 2012 (US)",
        "12 October 2012 (UK)",
    )
