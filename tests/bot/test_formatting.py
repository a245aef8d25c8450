from __future__ import annotations

import random
import re

import pytest

from bot.formatting import (
    ELLIPSIS,
    MESSAGE_LIMIT,
    SPOILER_TAG,
    escape_markup,
    escape_spoiler_bars,
    split_message,
    spoiler,
    trim,
)

_WHITESPACE = re.compile(r"\s+")
ALPHABET = ["a", "b", "z", " ", " ", " ", "\n", ".", "!", "|", "||", "\\", "\\|", "é", "🎬", "*"]


def active_bars(text: str) -> list[int]:
    """Positions of the bars Discord's markdown treats as syntax (not escaped by a backslash)."""
    found = []
    position = 0
    while position < len(text):
        char = text[position]
        if char == "\\" and position + 1 < len(text):
            position += 2
            continue
        if char == "|":
            found.append(position)
        position += 1
    return found


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text, flags=re.DOTALL)


def squeeze(text: str) -> str:
    return _WHITESPACE.sub("", text)


def random_text(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(0, 400)):
        roll = rng.random()
        if roll < 0.05:
            parts.append("w" * rng.randint(50, 900))  # a word longer than some limits
        elif roll < 0.1:
            parts.append("\\" * rng.randint(1, 5))
        elif roll < 0.15:
            parts.append("|" * rng.randint(1, 4))
        else:
            parts.append(rng.choice(ALPHABET))
    return "".join(parts)


# -- trim -----------------------------------------------------------------------------------


def test_trim_leaves_short_text_alone() -> None:
    assert trim("Ruby Sparks", 11) == "Ruby Sparks"
    assert trim("", 5) == ""


def test_trim_ends_at_a_sentence_boundary() -> None:
    text = "Calvin writes a novel. Ruby appears in his kitchen one morning and stays."
    assert trim(text, 40) == "Calvin writes a novel." + ELLIPSIS


def test_trim_ends_at_a_word_boundary_without_a_sentence_end() -> None:
    text = "a struggling novelist whose character comes to life in his kitchen"
    trimmed = trim(text, 30)
    assert trimmed == "a struggling novelist whose" + ELLIPSIS
    assert len(trimmed) <= 30


def test_trim_cuts_a_single_long_word_hard() -> None:
    assert trim("x" * 50, 10) == "x" * 9 + ELLIPSIS


def test_trim_ignores_a_boundary_too_early_in_the_text() -> None:
    text = "Hi. " + "y" * 100
    trimmed = trim(text, 40)
    assert len(trimmed) == 40
    assert trimmed.startswith("Hi. yyy")


def test_trim_property_never_exceeds_the_limit() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = random_text(rng)
        limit = rng.randint(2, 300)
        trimmed = trim(text, limit)
        assert len(trimmed) <= limit
        if len(text) <= limit:
            assert trimmed == text
        else:
            assert trimmed.endswith(ELLIPSIS)
            assert text.startswith(trimmed[: -len(ELLIPSIS)])


# -- spoiler --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["plain", "a || b", "|", "||", "ends with a bar |", "ends with a backslash \\", "\\|", "\\\\"],
)
def test_spoiler_wraps_text_in_exactly_one_pair_of_tags(text: str) -> None:
    wrapped = spoiler(text)
    assert wrapped.startswith(SPOILER_TAG) and wrapped.endswith(SPOILER_TAG)
    assert active_bars(wrapped) == [0, 1, len(wrapped) - 2, len(wrapped) - 1]
    assert unescape(wrapped[2:-2]) == text


def test_escape_spoiler_bars_leaves_no_active_bar() -> None:
    assert active_bars(escape_spoiler_bars("a || b | c \\|| d")) == []


# -- split_message --------------------------------------------------------------------------


def test_short_text_is_one_piece() -> None:
    assert split_message("Ruby Sparks") == ("Ruby Sparks",)
    assert split_message("Ruby Sparks", hidden=True) == ("||Ruby Sparks||",)


def test_empty_text_is_no_pieces() -> None:
    assert split_message("") == ()
    assert split_message("   \n ", hidden=True) == ()


def test_long_text_splits_at_sentence_ends() -> None:
    sentence = "Calvin writes about a girl named Ruby. "
    pieces = split_message(sentence * 100)
    assert len(pieces) > 1
    for piece in pieces:
        assert len(piece) <= MESSAGE_LIMIT
        assert piece.endswith("Ruby.")


def test_hidden_pieces_are_each_their_own_spoiler() -> None:
    pieces = split_message("Calvin burns the manuscript. " * 200, hidden=True, limit=500)
    assert len(pieces) > 1
    for piece in pieces:
        assert len(piece) <= 500
        assert piece.startswith("||Calvin") and piece.endswith("manuscript.||")


@pytest.mark.parametrize("hidden", [False, True])
def test_split_message_property(hidden: bool) -> None:
    rng = random.Random(2012 + hidden)
    for _ in range(200):
        text = random_text(rng)
        limit = rng.choice([10, 11, 25, 64, 100, 333, MESSAGE_LIMIT])
        pieces = split_message(text, hidden=hidden, limit=limit)
        for piece in pieces:
            assert 0 < len(piece) <= limit, (text, limit, piece)
            if not hidden:
                assert piece == piece.strip()
        if hidden:
            for piece in pieces:
                bars = active_bars(piece)
                assert bars == [0, 1, len(piece) - 2, len(piece) - 1], (text, limit, piece)
            joined = "".join(unescape(piece[2:-2]) for piece in pieces)
        else:
            joined = "".join(pieces)
        assert squeeze(joined) == squeeze(text), (text, limit)


def test_split_message_keeps_escapes_next_to_their_bars() -> None:
    text = "a" * 8 + "|" * 40
    for limit in range(10, 30):
        for piece in split_message(text, hidden=True, limit=limit):
            assert active_bars(piece) == [0, 1, len(piece) - 2, len(piece) - 1]
            assert not piece[2:-2].endswith("\\") or piece[2:-2].endswith("\\\\")


def test_split_message_with_trailing_backslash_keeps_the_spoiler_closed() -> None:
    (piece,) = split_message("the answer is C:\\", hidden=True)
    assert active_bars(piece) == [0, 1, len(piece) - 2, len(piece) - 1]


def test_escape_markup_leaves_no_markup_active() -> None:

    escaped = escape_markup("a || b \\ *c* _d_ ~~e~~ `f` <@1> [g](h)\n# head\n> quote\n- item")
    assert escaped == (
        "a \\|\\| b \\\\ \\*c\\* \\_d\\_ \\~\\~e\\~\\~ \\`f\\` \\<@1> \\[g\\](h)\n"
        "\\# head\n\\> quote\n\\- item"
    )


def test_trim_never_keeps_half_an_escape() -> None:

    text = escape_markup("word " * 3 + "|" * 40)
    for limit in range(10, 40):
        cut = trim(text, limit)
        body = cut.removesuffix("…")
        assert (len(body) - len(body.rstrip("\\"))) % 2 == 0, cut


def test_join_capped_keeps_what_fits_and_counts_the_rest() -> None:
    from bot.formatting import join_capped

    items = [f"<@{1190000000000000000 + i}> +3" for i in range(146)]
    text = join_capped(items, 2000)
    assert len(text) <= 2000
    kept = text.count("<@")
    assert text.endswith(f"and {146 - kept} more")
    assert kept > 60
    assert join_capped(["a", "b"], 10) == "a, b"
    four = ["aaaa", "bbbb", "cccc", "dddd"]
    assert join_capped(four, 16) == "aaaa, and 3 more"
    assert join_capped(four, 15) == "and 4 more"
    assert join_capped(["toolongitem"], 5) == "and 1 more"
