"""Read typed numbers (digits or words, with units, percentages and money) as exact values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from bot.text import fold

__all__ = [
    "NUMBER_CLOSE_ABSOLUTE",
    "NUMBER_CLOSE_RELATIVE",
    "NUMBER_CLOSE_RELATIVE_FROM",
    "Quantity",
    "Reading",
    "Unit",
    "is_near",
    "is_same",
    "read_numbers",
]

Unit = Literal["minute", "percent", "usd", "eur", "gbp"]

NUMBER_CLOSE_ABSOLUTE = Decimal(1)
"""A guess off by at most this much (e.g. 105 for 104, 2013 for 2012) is "close"."""
NUMBER_CLOSE_RELATIVE = Decimal("0.02")
"""Large answers (money) also count a guess within this fraction as "close"."""
NUMBER_CLOSE_RELATIVE_FROM = Decimal(10_000)
"""The relative margin applies only to answers at least this large (so never to years)."""
MINUTES_PER_HOUR = 60
"""Hours are converted to minutes so ``1h44`` reads as 104 minutes."""
_MANTISSA_SCALES = (Decimal(1_000), Decimal(1_000_000), Decimal(1_000_000_000))

_SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_HUNDRED = "hundred"
_WORD_SCALES = {
    "thousand": Decimal(1_000),
    "million": Decimal(1_000_000),
    "millions": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
    "billions": Decimal(1_000_000_000),
}
_SUFFIX_SCALES = {
    **_WORD_SCALES,
    "k": Decimal(1_000),
    "grand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mil": Decimal(1_000_000),
    "mill": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "mln": Decimal(1_000_000),
    "mio": Decimal(1_000_000),
    "milion": Decimal(1_000_000),
    "millon": Decimal(1_000_000),
    "mm": Decimal(1_000_000),
    "b": Decimal(1_000_000_000),
    "bn": Decimal(1_000_000_000),
}
_ONE_WORDS = frozenset({"a", "an"})
_AND = "and"
_POINT = "point"
_OH = "oh"
_MINUTE_WORDS = frozenset({"minutes", "minute", "mins", "min"})
_HOUR_WORDS = frozenset({"hours", "hour", "hrs", "hr", "h"})
_PERCENT_WORDS = frozenset({"%", "percent", "pct", "pc", "percentage"})
_PER = ("per", "cent")
_CURRENCY_WORDS: dict[str, Unit] = {
    "$": "usd",
    "usd": "usd",
    "dollars": "usd",
    "dollar": "usd",
    "bucks": "usd",
    "€": "eur",
    "eur": "eur",
    "euro": "eur",
    "euros": "eur",
    "£": "gbp",
    "gbp": "gbp",
    "pounds": "gbp",
    "quid": "gbp",
}
_CODES = frozenset({"usd", "eur", "gbp"})
_YEAR_PART_MIN = 10
_YEAR_PART_SCALE = 100
_MAX_DIGIT = 9

_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_TOKEN = re.compile(
    r"(?P<clock>\b\d{1,2}:\d{2}\b)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?![\d,])|\d+(?:\.\d+)?|\.\d+)"
    r"|(?P<sym>[$€£%])"
    r"|(?P<word>[^\W\d_]+)"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """An exact number with an optional unit; ``scaled`` if a word like "million" was applied."""

    value: Decimal
    unit: Unit | None = None
    scaled: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """The numbers found in a text and the words that were not part of any number."""

    quantities: tuple[Quantity, ...]
    words: tuple[str, ...]


@dataclass(slots=True)
class _Parsed:
    """A number being built while reading, with whether it came from hours."""

    quantity: Quantity
    from_hours: bool
    end: int


def _tokenize(text: str) -> list[str]:
    """Split folded text into number, symbol and word tokens (apostrophes dropped)."""
    return [m.group(0) for m in _TOKEN.finditer(fold(text).replace("'", ""))]


def _decimal_comma(number: str) -> str:
    """``9,400,000`` -> ``9400000``; a European ``9,4`` -> ``9.4``."""
    if _DECIMAL_COMMA.fullmatch(number):
        return number.replace(",", ".")
    return number.replace(",", "")


def _below_100(words: list[str], i: int) -> tuple[int, int] | None:
    """Read "seven", "seventeen" or "seventy seven" starting at ``i``."""
    if i >= len(words):
        return None
    word = words[i]
    if word in _SMALL:
        return _SMALL[word], i + 1
    if word in _TENS:
        value = _TENS[word]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if 0 < _SMALL.get(nxt, 0) <= _MAX_DIGIT:
            return value + _SMALL[nxt], i + 2
        return value, i + 1
    return None


def _below_1000(words: list[str], i: int) -> tuple[int, int] | None:
    """Read a number below a thousand ("a hundred and four", "one hundred four")."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if i < len(words) and words[i] in _ONE_WORDS and (nxt == _HUNDRED or nxt in _WORD_SCALES):
        value, j = 1, i + 1
    else:
        read = _below_100(words, i)
        if read is None:
            return None
        value, j = read
    if j < len(words) and words[j] == _HUNDRED:
        value *= 100
        j += 1
        k = j + 1 if j < len(words) and words[j] == _AND else j
        rest = _below_100(words, k)
        if rest is not None:
            value += rest[0]
            j = rest[1]
    return value, j


def _decimals(words: list[str], i: int) -> tuple[str, int]:
    """Read the digit words after "point" ("nine point four")."""
    digits = ""
    while i < len(words) and _SMALL.get(words[i], _MAX_DIGIT + 1) <= _MAX_DIGIT:
        digits += str(_SMALL[words[i]])
        i += 1
    return digits, i


def _year_form(words: list[str], i: int) -> tuple[Decimal, int] | None:
    """Read spoken years such as "twenty twelve" or "nineteen oh five"."""
    first = _below_100(words, i)
    if first is None or first[0] < _YEAR_PART_MIN:
        return None
    j = first[1]
    if j < len(words) and words[j] == _OH:
        second = _below_100(words, j + 1)
        if second is None or second[0] > _MAX_DIGIT:
            return None
    else:
        second = _below_100(words, j)
        if second is None or second[0] < _YEAR_PART_MIN:
            return None
    return Decimal(first[0] * _YEAR_PART_SCALE + second[0]), second[1]


def _read_words(words: list[str], i: int) -> tuple[Decimal, int, bool] | None:
    """Read a number written in words at ``i``; the flag tells if a scale word was used."""
    year = _year_form(words, i)
    if year is not None:
        return year[0], year[1], False
    total = Decimal(0)
    scaled = False
    j = i
    while True:
        read = _below_1000(words, j)
        if read is None:
            break
        value = Decimal(read[0])
        j = read[1]
        if j < len(words) and words[j] == _POINT:
            digits, after = _decimals(words, j + 1)
            if digits:
                value += Decimal("0." + digits)
                j = after
        if j < len(words) and words[j] in _WORD_SCALES:
            total += value * _WORD_SCALES[words[j]]
            scaled = True
            j += 1
            if j + 1 < len(words) and words[j] == _AND and _below_100(words, j + 1) is not None:
                j += 1
            continue
        total += value
        break
    if j == i:
        return None
    return total, j, scaled


def _suffixes(
    tokens: list[str],
    j: int,
    value: Decimal,
    unit: Unit | None,
    *,
    scaled: bool,
    m_is_minutes: bool,
) -> _Parsed:
    """Apply scale words and units that follow a number."""
    from_hours = False
    while j < len(tokens):
        piece = tokens[j]
        if piece == "m" and m_is_minutes:
            unit = "minute"
        elif piece in _SUFFIX_SCALES and not scaled:
            value *= _SUFFIX_SCALES[piece]
            scaled = True
        elif piece in _MINUTE_WORDS:
            unit = "minute"
        elif piece in _HOUR_WORDS and not from_hours:
            value *= MINUTES_PER_HOUR
            unit = "minute"
            from_hours = True
        elif piece in _PERCENT_WORDS:
            unit = "percent"
        elif tuple(tokens[j : j + len(_PER)]) == _PER:
            unit = "percent"
            j += len(_PER) - 1
        elif piece in _CURRENCY_WORDS:
            unit = _CURRENCY_WORDS[piece]
        else:
            break
        j += 1
    return _Parsed(Quantity(value, unit, scaled), from_hours, j)


def _merge_durations(parsed: list[_Parsed]) -> list[Quantity]:
    """Join "1 hour 44 minutes" / "1h44" into one quantity of minutes."""
    merged: list[Quantity] = []
    i = 0
    while i < len(parsed):
        current = parsed[i]
        nxt = parsed[i + 1] if i + 1 < len(parsed) else None
        if (
            current.from_hours
            and nxt is not None
            and not nxt.from_hours
            and nxt.quantity.unit in (None, "minute")
            and not nxt.quantity.scaled
        ):
            total = current.quantity.value + nxt.quantity.value
            merged.append(Quantity(total, "minute"))
            i += 2
            continue
        merged.append(current.quantity)
        i += 1
    return merged


def _is_number_at(tokens: list[str], i: int) -> bool:
    """Whether ``tokens[i]`` starts with a digit (after a currency code such as ``USD``)."""
    return i < len(tokens) and tokens[i][:1].isdigit()


def read_numbers(text: str, *, m_is_minutes: bool = False) -> Reading:
    """Find the quantities in ``text``; a bare ``m`` means minutes if ``m_is_minutes``."""
    tokens = _tokenize(text)
    parsed: list[_Parsed] = []
    leftovers: list[str] = []
    currency: Unit | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        value: Decimal | None = None
        scaled = False
        if token in ("$", "€", "£") or (token in _CODES and _is_number_at(tokens, i + 1)):
            currency = _CURRENCY_WORDS[token]
            i += 1
            continue
        if ":" in token:
            hours, minutes = token.split(":")
            parsed.append(
                _Parsed(
                    Quantity(Decimal(int(hours) * MINUTES_PER_HOUR + int(minutes)), "minute"),
                    from_hours=False,
                    end=i + 1,
                )
            )
            i += 1
            continue
        if token[0].isdigit() or token[0] == ".":
            try:
                value = Decimal(_decimal_comma(token))
            except InvalidOperation:  # pragma: no cover - the token regex only yields numbers
                value = None
            j = i + 1
        else:
            read = _read_words(tokens, i)
            if read is not None:
                value, j, scaled = read
        if value is None:
            leftovers.append(token)
            i += 1
            continue
        item = _suffixes(tokens, j, value, currency, scaled=scaled, m_is_minutes=m_is_minutes)
        currency = None
        parsed.append(item)
        i = item.end
    return Reading(tuple(_merge_durations(parsed)), tuple(leftovers))


def _units_match(guess: Quantity, answer: Quantity) -> bool:
    """Whether the guess's unit (if any) agrees with the answer's."""
    return guess.unit is None or guess.unit == answer.unit


def is_same(guess: Quantity, answer: Quantity) -> bool:
    """Whether ``guess`` is exactly the answer's value in a compatible unit."""
    return guess.value == answer.value and _units_match(guess, answer)


def is_near(guess: Quantity, answer: Quantity) -> bool:
    """Whether a wrong ``guess`` is a near miss (tiny margin, wrong unit, or missing "million")."""
    if is_same(guess, answer):
        return False
    if guess.value == answer.value:
        return True
    if (
        not guess.scaled
        and answer.scaled
        and guess.unit in (None, answer.unit)
        and any(guess.value * scale == answer.value for scale in _MANTISSA_SCALES)
    ):
        return True
    if not _units_match(guess, answer):
        return False
    diff = abs(guess.value - answer.value)
    if diff <= NUMBER_CLOSE_ABSOLUTE:
        return True
    return abs(answer.value) >= NUMBER_CLOSE_RELATIVE_FROM and diff <= NUMBER_CLOSE_RELATIVE * abs(
        answer.value
    )
