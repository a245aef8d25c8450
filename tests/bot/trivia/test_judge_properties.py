"""Property test: the judge never raises, whatever is typed and whatever the answers are."""

from __future__ import annotations

from hypothesis import strategies as st

from bot.trivia.judge import judge
from tests.properties import hostile_text, short_and_long

numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["$3.7 million", "85%", "1e999", "½", "٣", "Ⅻ", "1,,0", ".5", "-0"]),
)
texts = st.one_of(hostile_text, numbers)


def _never_raises(guess: str, answers: list[str]) -> None:
    verdict = judge(guess, answers)
    assert verdict is not None


test_judge_never_raises, test_judge_never_raises_long = short_and_long(
    texts, st.lists(texts, max_size=4)
)(_never_raises)
