import pytest

from bot.trivia.clock import Clock, MonotonicClock
from loopback.clock import FakeClock


def test_fake_clock_starts_where_told_and_advances() -> None:
    clock = FakeClock(100.0)
    assert clock.now() == 100.0
    clock.advance(2.5)
    clock.advance(0)
    assert clock.now() == 102.5


def test_fake_clock_never_goes_back() -> None:
    clock = FakeClock()
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-1)
    assert clock.now() == 0.0


def test_monotonic_clock_does_not_decrease() -> None:
    clock: Clock = MonotonicClock()
    first = clock.now()
    assert clock.now() >= first


def test_both_clocks_satisfy_the_protocol() -> None:
    clocks: list[Clock] = [MonotonicClock(), FakeClock()]
    assert all(isinstance(clock.now(), float) for clock in clocks)
