from __future__ import annotations

import pytest

from bot.search.fuzzy import (
    MAX_QUERY_CHARS,
    NAME_MATCH_CUTOFF,
    PREFIX_SCORE,
    FuzzyIndex,
    normalize_query,
)

PEOPLE = FuzzyIndex(
    [
        ("dano", ["Paul Dano", "Paul", "Dano", "Calvin Weir-Fields"]),
        ("rudd", ["Paul Rudd", "Paul", "Rudd"]),
        ("kazan", ["Zoë Kazan", "Zoe", "Kazan", "Ruby Tiffany Sparks", "Ruby Sparks"]),
        ("messina", ["Chris Messina", "Chris", "Messina", "Harry Weir-Fields", "Harry"]),
        ("gould", ["Elliott Gould", "Elliott", "Gould", "Dr. Rosenthal", "Rosenthal"]),
    ]
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Zoë   KAZAN ", "zoe kazan"),
        ("Dr. Rosenthal", "dr rosenthal"),
        ("Weir-Fields", "weir fields"),
        ("“Harry”—Weir", "harry weir"),
        ("O'Brien", "o'brien"),
        ("<@123> @everyone", "123 everyone"),
        ("***", ""),
        ("", ""),
    ],
)
def test_normalize_query(raw: str, expected: str) -> None:
    assert normalize_query(raw) == expected


def test_normalize_query_bounds_the_length() -> None:
    assert len(normalize_query("a" * 10_000)) == MAX_QUERY_CHARS


def test_len_counts_items_not_aliases() -> None:
    assert len(PEOPLE) == 5


@pytest.mark.parametrize(
    ("query", "item"),
    [
        ("chris mesina", "messina"),
        ("messina chris", "messina"),
        ("zoe kazan", "kazan"),
        ("ZOË", "kazan"),
        ("elliot gould", "gould"),
        ("harry weir fields", "messina"),
        ("dr rosenthal", "gould"),
        ("rosenthall", "gould"),
    ],
)
def test_search_forgives_typos_order_case_and_accents(query: str, item: str) -> None:
    matches = PEOPLE.search(query, limit=3)
    assert matches[0].item == item
    assert matches[0].score >= NAME_MATCH_CUTOFF


def test_a_different_surname_is_not_a_match() -> None:
    matches = PEOPLE.search("paul rudd", limit=5)
    assert [m.item for m in matches] == ["rudd"]
    assert PEOPLE.search("paul newman", limit=5) == []


def test_search_returns_one_entry_per_item_with_its_best_alias() -> None:
    matches = PEOPLE.search("harry", limit=10)
    assert [m.item for m in matches] == ["messina"]
    assert matches[0].alias == "Harry"
    assert matches[0].score == 100


def test_search_respects_limit_and_empty_queries() -> None:
    assert len(PEOPLE.search("paul", limit=1)) == 1
    assert PEOPLE.search("paul", limit=0) == []
    assert PEOPLE.search("   ", limit=5) == []
    assert PEOPLE.search("!!!", limit=5) == []


def test_prefix_search_favours_names_starting_with_the_query() -> None:
    assert PEOPLE.search("ros", limit=5) == []
    matches = PEOPLE.search("ros", limit=5, prefix=True)
    assert [m.item for m in matches] == ["gould"]
    assert matches[0].score == PREFIX_SCORE
    assert matches[0].alias == "Rosenthal"


def test_prefix_search_ranks_exact_above_prefix() -> None:
    matches = PEOPLE.search("paul", limit=5, prefix=True)
    assert {m.item for m in matches} == {"dano", "rudd"}
    assert all(m.score == 100 for m in matches)


def test_best_reports_ties_as_ambiguous() -> None:
    tied = PEOPLE.best("paul")
    assert {m.item for m in tied} == {"dano", "rudd"}
    (single,) = PEOPLE.best("paul dano")
    assert single.item == "dano"
    assert PEOPLE.best("nobody at all") == []


def test_best_accepts_a_looser_cutoff() -> None:
    assert PEOPLE.best("messy") == []
    loose = PEOPLE.best("mesina", cutoff=60)
    assert [m.item for m in loose] == ["messina"]


def test_hostile_queries_do_not_raise() -> None:
    for query in ['"', "*", "NEAR(", "\x00", "🎬" * 300, "\\" * 50, "a" * 100_000]:
        assert isinstance(PEOPLE.search(query, limit=25, prefix=True), list)
        assert isinstance(PEOPLE.best(query), list)
