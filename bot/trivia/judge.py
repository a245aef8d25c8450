"""Judge a typed trivia guess against the accepted answers: fair to fast typists, strict otherwise.

Decisions:

* Normalisation: Discord mentions, custom emoji, ``:shortcodes:``, markdown/spoiler markup,
  punctuation, case, smart quotes and diacritics are ignored; hyphens split words and ``&`` reads
  as "and". A leading article ("the", "a", "an") is optional on both sides, as is a leading
  "Dr."/"Mr."/"Mrs."/"Ms." on the accepted answer ("doctor"/"mister" read as "dr"/"mr"); these
  word lists, and the generic words below, come from :mod:`bot.names`.
  ``Mary-Jane``, ``Mary Jane`` and ``MaryJane`` are equal (up to three words may be joined).
  A trailing "s" on a guessed word is free (``Smith's``, ``Jones``).
* Typo budget (Damerau/OSA edits, a swap of two letters is one edit), counted per word so a whole
  word can never be swapped: words of at most 2 letters get none; 3-4 letter words get one only
  inside a multi-word answer, and only as a slip: an extra letter or two swapped letters (``Anne``
  for ``Ann``, ``Jhon``), and for 4 letters also a missing letter or a neighbouring QWERTY key
  (``Jphn``), never an unrelated letter (``Saul`` for ``Paul``, ``Jim`` for ``Tim``); a
  single-word answer of at most 4 letters gets none; 5-9 letters get one; 10+ get two. Words under
  ``FREE_FIRST_LETTER_CHARS`` letters may change their first letter only to a neighbouring key or
  a sound-alike (``Karl`` for ``Carl``), since ``Larry``/``Harry`` are different names, and may
  gain a last letter only by a slip (``Smithh``, not ``Smithy``). The whole answer is capped by
  the same scale applied to its length without spaces (<=4: 0, 5-9: 1, 10+: 2). Words with digits
  must match exactly.
* Words of their own: a guessed word that is one edit away from the answer's word but is a
  common English word (:mod:`bot.trivia.words`) is that word, not a typo (``Handy`` for the
  character ``Hardy``, ``Greed`` for ``Green``, ``Rose`` for ``Rosie``), unless it only drops
  a doubled letter, a final ``s`` or a ``u`` (``Eliot``, ``spark``, ``harbor``); ``gray`` and
  ``grey`` are one word.
* Sound-alikes and slips that cost nothing: ``ph`` reads as ``f`` and a final ``ie`` as ``y``
  (``Sofie``, ``Kellie``); a word of 4+ letters may gain a doubled last letter or an ``e``
  (``Maddoxx``, ``Shawe``) unless that makes a common word (``Lower``).
* Companies: an answer ending in a corporate suffix (``Pictures``, ``Productions``, ``Films``,
  ``Inc.``...) is also accepted without it, if a substantial word is left (``Tidewater``).
* Pairs: for a joint answer (``A and B``, ``A & B``, ``A, B``) a guess naming both people, each
  by full name or surname, in either order, with any separator or none, is correct; naming one
  right and one wrong person is not.
* One character: a one-letter guess is correct only when an accepted answer is that letter
  (``C`` for carbon, a multiple-choice ``D``); otherwise it is too short to judge.
* Sentences: the answer may be surrounded by at most ``MAX_EXTRA_WORDS`` filler words ("i think
  it's", "is it", "lol", ...). Any other extra word makes the guess wrong, which is also what
  rejects shotguns ("smith, jones, brown") and different people ("Paul Jones" for "Paul Smith").
* Numbers: when an accepted answer is only a number (with an optional unit, %, or currency), the
  guess must contain exactly one number, equal in value (``9.4m`` == ``$9,400,000``), in a
  compatible unit (a missing unit is fine), plus filler words only. A bare-number answer may be
  typed with what it counts, one word (``104 minutes``, ``8 bits``, ``13 theaters``).
* Close (never together with correct): one extra typo per word and overall; a proper part of a
  multi-word answer (``Paul`` or ``Smith`` for ``Paul Smith``); a number off by at most
  ``NUMBER_CLOSE_ABSOLUTE`` (105 for 104, 2013 for 2012) or, for answers of 10,000 or more, within
  ``NUMBER_CLOSE_RELATIVE``; the right number in the wrong unit; ``9.4`` for ``$9.4 million``. A
  different word in place of a name word (``Paul Jones`` for ``Paul Smith``, ``Ann Smith`` for
  ``Jane Smith``) is a different person and not close; shotguns and over-long sentences are never
  close.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from rapidfuzz.distance import OSA

from bot.names import (
    COMPANY_SUFFIXES,
    HONORIFIC_SPELLINGS,
    LEADING_ARTICLES,
    NAME_SUFFIXES,
    SHORT_HONORIFICS,
    strip_company_suffix,
    surname,
)
from bot.text import fold
from bot.trivia.numbers import Quantity, is_near, is_same, read_numbers
from bot.trivia.words import SPELLING_VARIANTS, is_other_word

__all__ = [
    "CLOSE_EXTRA_TYPOS",
    "FREE_FIRST_LETTER_CHARS",
    "KEYBOARD_WORD_CHARS",
    "LONG_TYPOS",
    "LONG_WORD_CHARS",
    "MAX_EXTRA_WORDS",
    "MAX_GUESS_CHARS",
    "MAX_JOINED_WORDS",
    "MAX_PAIR_GUESS_WORDS",
    "MAX_PARTIAL_WORDS",
    "MAX_UNIT_WORDS",
    "MEDIUM_TYPOS",
    "MEDIUM_WORD_CHARS",
    "MIN_GUESS_CHARS",
    "MIN_PARTIAL_CHARS",
    "MIN_PLURAL_CHARS",
    "MIN_SOUND_ALIKE_CHARS",
    "MIN_TRAILING_SLIP_CHARS",
    "SHORT_TYPOS",
    "SHORT_WORD_CHARS",
    "TRAILING_SLIP_LETTERS",
    "VARIANT_DROPPED_LETTERS",
    "Reason",
    "Verdict",
    "judge",
]

MAX_GUESS_CHARS = 300
"""Longer guesses are wrong without further work (an answer plus a short sentence fits)."""
MIN_GUESS_CHARS = 2
"""Guesses with fewer letters/digits than this (after cleaning) are wrong; one digit is allowed."""
MAX_EXTRA_WORDS = 7
"""How many filler words may surround the answer ("i'm pretty sure it's ...")."""
MAX_JOINED_WORDS = 3
"""How many words may be typed joined (``MaryJane``) or split (``Star light``)."""
SHORT_WORD_CHARS = 3
"""Words this short get no typo, except inside multi-word answers: one extra or swapped letter."""
KEYBOARD_WORD_CHARS = 4
"""Words of this length get one keyboard-like slip, only inside multi-word answers."""
MEDIUM_WORD_CHARS = 5
"""From this length a word (or an answer, spaces removed) gets one typo."""
LONG_WORD_CHARS = 10
"""From this length a word (or an answer, spaces removed) gets two typos."""
SHORT_TYPOS = 0
MEDIUM_TYPOS = 1
LONG_TYPOS = 2
CLOSE_EXTRA_TYPOS = 1
"""A near miss may have this many more typos than allowed, per word and overall."""
MIN_PARTIAL_CHARS = 3
"""A partial answer (first name alone) is close only if it has a word at least this long."""
MAX_PARTIAL_WORDS = 6
"""Answers up to this many words have every ordered subset tried as a part; longer, runs only."""
MIN_PLURAL_CHARS = 3
"""A trailing "s" is ignored only on guessed words at least this long (``Smith's``)."""
FREE_FIRST_LETTER_CHARS = 8
"""Shorter words may not change their first letter (``Larry`` is not ``Harry``) but by a slip."""
MIN_TRAILING_SLIP_CHARS = 4
"""Words from this length may gain a last letter for free when it doubles the last one or is an
``e`` (``Maddoxx``, ``Shawe``), unless the result is a common word (``Lowe`` is not ``Lower``)."""
TRAILING_SLIP_LETTERS = frozenset("e")
VARIANT_DROPPED_LETTERS = frozenset("u")
"""A guess may drop one of these and still be the answer's word spelt another way (harbor)."""
"""Letters often added at the end of a surname besides a doubled last letter (``Browne``)."""
MIN_SOUND_ALIKE_CHARS = 4
"""Words from this length may end in ``ie`` for ``y`` (``Kellie``); ``ph`` is always ``f``."""
MAX_UNIT_WORDS = 1
"""Words a guess may add after a bare-number answer's number, naming its unit (``8 bits``)."""
MAX_PAIR_GUESS_WORDS = 8
"""Longest guess tried as two names typed without a separator (``Hale Moreno``)."""
_ORDINARY_SUFFIXES = frozenset({"film", "picture", "production", "studio", "media", "features"})
"""Company suffixes too ordinary to drop from an answer that may not name a company."""
_ADJACENT_SWAP = 2
_SOUND_ALIKE = frozenset({("c", "k"), ("k", "c"), ("s", "z"), ("z", "s"), ("i", "y"), ("y", "i")})

Reason = Literal[
    "match",
    "typo",
    "number",
    "near_typo",
    "near_number",
    "partial",
    "shotgun",
    "too_long",
    "empty",
    "no_match",
]

_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b")
_SHORTCODE = re.compile(r":[a-z0-9_+\-]+:", re.IGNORECASE)
_NON_WORD = re.compile(r"[\W_]+")
_SEPARATOR = re.compile(r"[,/;|+&]|\b(?:or|and|vs|nor)\b")
_RUN = re.compile(r"(.)\1{2,}")
_PAIR_SEPARATOR = re.compile(r",|&|\+|\band\b")
_PAIR = 2

_CONNECTIVES = frozenset({"and", "of", "in", "on", "to", "for", "with"})
_GENERIC = _CONNECTIVES | COMPANY_SUFFIXES | NAME_SUFFIXES
"""Words that name nothing on their own, so a guess of only these is never a partial answer."""
_FILLER = frozenset(
    {
        *LEADING_ARTICLES,
        *SHORT_HONORIFICS,
        "i",
        "im",
        "ive",
        "id",
        "ill",
        "me",
        "my",
        "we",
        "you",
        "u",
        "it",
        "its",
        "is",
        "was",
        "be",
        "am",
        "are",
        "isnt",
        "wasnt",
        "aint",
        "innit",
        "that",
        "thats",
        "this",
        "theres",
        "there",
        "of",
        "course",
        "think",
        "thinking",
        "thought",
        "guess",
        "guessing",
        "believe",
        "reckon",
        "say",
        "going",
        "go",
        "with",
        "feel",
        "like",
        "know",
        "sure",
        "pretty",
        "quite",
        "very",
        "really",
        "so",
        "maybe",
        "perhaps",
        "probably",
        "prob",
        "probs",
        "possibly",
        "definitely",
        "def",
        "defo",
        "surely",
        "certainly",
        "obviously",
        "clearly",
        "totally",
        "absolutely",
        "literally",
        "actually",
        "honestly",
        "answer",
        "final",
        "hmm",
        "hm",
        "umm",
        "um",
        "uh",
        "uhh",
        "er",
        "erm",
        "ah",
        "oh",
        "ooh",
        "aha",
        "ha",
        "haha",
        "hehe",
        "lol",
        "lmao",
        "rofl",
        "omg",
        "ok",
        "okay",
        "well",
        "wait",
        "right",
        "yes",
        "yeah",
        "yea",
        "yep",
        "yup",
        "ya",
        "correct",
        "easy",
        "ez",
        "duh",
        "please",
        "pls",
        "plz",
        "gotta",
        "has",
        "have",
        "to",
        "must",
        "should",
        "would",
        "could",
        "might",
        "will",
        "gonna",
        "idk",
        "dunno",
        "hey",
        "btw",
        "imo",
        "tbh",
        "ngl",
        "xd",
        "jk",
        "just",
        "but",
        "then",
        "who",
        "what",
        "whats",
        "which",
        "called",
        "named",
        "question",
        "bet",
        "on",
        "for",
        "about",
        "how",
        "let",
        "lemme",
        "no",
        "doubt",
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
        "by",
        "played",
        "plays",
        "playing",
        "directed",
        "director",
        "wrote",
        "written",
        "writer",
        "composed",
        "composer",
        "guy",
        "again",
        "one",
        "oops",
        "ugh",
    }
)
_NUMBER_FILLER = frozenset(
    {
        "around",
        "approx",
        "approximately",
        "roughly",
        "exactly",
        "precisely",
        "long",
        "runtime",
        "run",
        "time",
        "gross",
        "grossed",
        "made",
        "earned",
        "box",
        "office",
        "total",
        "in",
        "year",
        "released",
        "came",
        "out",
        "score",
        "rating",
        "ran",
        "lasted",
        "took",
        "%",
    }
)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Map each letter to the letters around it on a QWERTY keyboard."""
    where = {
        ch: (row, col) for row, keys in enumerate(_KEYBOARD_ROWS) for col, ch in enumerate(keys)
    }
    near: dict[str, frozenset[str]] = {}
    for ch, (row, col) in where.items():
        spots = {(row, col - 1), (row, col + 1), (row - 1, col), (row - 1, col + 1)}
        spots |= {(row + 1, col - 1), (row + 1, col)}
        near[ch] = frozenset(
            other for other, spot in where.items() if spot in spots and other != ch
        )
    return near


_NEIGHBOURS = _keyboard_neighbours()


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of judging a guess; ``matched`` is the accepted answer it equalled."""

    correct: bool
    close: bool = False
    matched: str | None = None
    reason: Reason = "no_match"

    def __post_init__(self) -> None:
        """Refuse a verdict that is both correct and close."""
        if self.correct and self.close:
            raise ValueError("a verdict cannot be both correct and close")


@dataclass(frozen=True, slots=True)
class _Form:
    """An accepted answer prepared for matching."""

    original: str
    words: tuple[str, ...]
    budget: int


def _clean(text: str) -> str:
    """Fold ``text`` and drop mentions, custom emoji and ``:shortcodes:``."""
    return fold(_SHORTCODE.sub(" ", _MENTION.sub(" ", text)))


def _words(cleaned: str) -> tuple[str, ...]:
    """Split cleaned text into plain words: punctuation and markup go, apostrophes join."""
    spaced = _NON_WORD.sub(" ", cleaned.replace("'", "").replace("&", " and "))
    return tuple(HONORIFIC_SPELLINGS.get(word, word) for word in spaced.split())


def _budget(length: int) -> int:
    """Typos allowed for a word or a whole answer of ``length`` letters."""
    if length >= LONG_WORD_CHARS:
        return LONG_TYPOS
    if length >= MEDIUM_WORD_CHARS:
        return MEDIUM_TYPOS
    return SHORT_TYPOS


def _word_budget(length: int, *, multi: bool) -> int:
    """Typos allowed in one word of an answer; 3-4 letter words get one only in longer answers."""
    if multi and SHORT_WORD_CHARS <= length <= KEYBOARD_WORD_CHARS:
        return MEDIUM_TYPOS
    return _budget(length)


def _strip_lead(words: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a leading article, then a leading honorific, if something substantial remains."""
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    rest = words[1:]
    if rest and words[0] in SHORT_HONORIFICS and len("".join(rest)) > KEYBOARD_WORD_CHARS - 1:
        words = rest
    return words


def _form(answer: str) -> _Form | None:
    """Prepare one accepted answer, or ``None`` if nothing is left after cleaning."""
    words = _strip_lead(_words(_clean(answer)))
    if not words:
        return None
    return _Form(answer, words, _budget(len("".join(words))))


def _is_filler(word: str, *, numeric: bool = False) -> bool:
    """Whether ``word`` is chat filler ("i think it's", "lol", "hmmm") around an answer."""
    if word in _FILLER or _RUN.sub(r"\1", word) in _FILLER:
        return True
    return numeric and word in _NUMBER_FILLER


def _is_slip(guess: str, answer: str) -> bool:
    """Whether one edit is a slip (extra/missing letter, swap, next key); 3 letters: extra/swap."""
    tiny = len(answer) <= SHORT_WORD_CHARS
    if len(guess) != len(answer):
        return len(guess) > len(answer) or not tiny
    diffs = [i for i, (g, a) in enumerate(zip(guess, answer, strict=True)) if g != a]
    if len(diffs) == 1:
        return not tiny and guess[diffs[0]] in _NEIGHBOURS.get(answer[diffs[0]], frozenset())
    return len(diffs) == _ADJACENT_SWAP and diffs[1] == diffs[0] + 1


def _keeps_ends(guess: str, answer: str) -> bool:
    """Whether a short word kept its edges: a first letter, or an added last one, must be a slip."""
    if len(answer) >= FREE_FIRST_LETTER_CHARS:
        return True
    appended = len(guess) == len(answer) + 1 and guess.startswith(answer)
    if appended and len(answer) >= MEDIUM_WORD_CHARS:
        last, wanted = guess[-1], answer[-1]
        return last == wanted or last in _NEIGHBOURS.get(wanted, frozenset())
    if len(guess) != len(answer):
        return True
    first, wanted = guess[0], answer[0]
    if first == wanted or (guess[1:2], first) == (wanted, answer[1:2]):
        return True
    return first in _NEIGHBOURS.get(wanted, frozenset()) or (first, wanted) in _SOUND_ALIKE


def _sound_key(word: str) -> str:
    """``word`` with sound-alike spellings made equal: ``ph`` as ``f``, a final ``ie`` as ``y``."""
    key = word.replace("ph", "f")
    if len(key) >= MIN_SOUND_ALIKE_CHARS and key.endswith("ie"):
        key = f"{key[:-2]}y"
    return key


def _trailing_slip(guess: str, answer: str) -> bool:
    """Whether ``guess`` is ``answer`` plus a doubled last letter or an ``e``, not another word."""
    return (
        len(answer) >= MIN_TRAILING_SLIP_CHARS
        and len(guess) == len(answer) + 1
        and guess.startswith(answer)
        and (guess[-1] == answer[-1] or guess[-1] in TRAILING_SLIP_LETTERS)
        and not is_other_word(guess, answer)
    )


def _harmless_drop(guess: str, answer: str) -> bool:
    """Whether ``guess`` drops one letter of ``answer`` the way a slip or a variant does.

    A doubled letter typed once (``Eliot``), a final ``s`` (``spark``) or one of the
    ``VARIANT_DROPPED_LETTERS`` (``harbor``); not any other letter (``Rose`` for ``Rosie``).
    """
    if len(guess) != len(answer) - 1:
        return False
    for i, letter in enumerate(answer):
        if answer[:i] + answer[i + 1 :] != guess:
            continue
        doubled = letter in answer[max(i - 1, 0) : i] + answer[i + 1 : i + 2]
        final_s = letter == "s" and i == len(answer) - 1
        if doubled or final_s or letter in VARIANT_DROPPED_LETTERS:
            return True
    return False


def _word_cost(guess: str, answer: str, limit: int, *, strict: bool) -> int | None:
    """Edits between a guessed and an accepted word if within ``limit``, else ``None``."""
    if guess == answer:
        return 0
    if any(ch.isdigit() for ch in guess + answer):
        return None
    if strict and (
        _sound_key(guess) == _sound_key(answer) or frozenset({guess, answer}) in SPELLING_VARIANTS
    ):
        return 0
    candidates = [guess]
    plural = len(guess) >= MIN_PLURAL_CHARS and guess.endswith("s") and not answer.endswith("s")
    if plural or (strict and _trailing_slip(guess, answer)):
        candidates.insert(0, guess[:-1])
    best: int | None = None
    for candidate in candidates:
        cost = int(OSA.distance(candidate, answer, score_cutoff=limit))
        if cost > limit:
            continue
        # An edit that makes another word is that word (Handy for Hardy, Rose for Rosie), unless
        # it only drops a letter the way slips and spelling variants do (Eliot, harbor).
        if (
            strict
            and cost
            and not _harmless_drop(candidate, answer)
            and is_other_word(candidate, answer)
        ):
            continue
        if strict and cost and not _keeps_ends(candidate, answer):
            continue
        if (
            strict
            and cost
            and len(answer) <= KEYBOARD_WORD_CHARS
            and not _is_slip(candidate, answer)
        ):
            continue
        if best is None or cost < best:
            best = cost
    return best


def _align(guess: Sequence[str], form: _Form, slack: int) -> int | None:
    """Fewest edits turning ``guess`` words into the answer's words (joins allowed), or ``None``."""
    answer = form.words
    multi = len(answer) > 1
    unreachable = form.budget + slack + 1
    best = [[unreachable] * (len(answer) + 1) for _ in range(len(guess) + 1)]
    best[0][0] = 0
    for i in range(len(guess) + 1):
        for j in range(len(answer) + 1):
            so_far = best[i][j]
            if so_far >= unreachable:
                continue
            for take_g, take_a in _steps():
                if i + take_g > len(guess) or j + take_a > len(answer):
                    continue
                piece = "".join(answer[j : j + take_a])
                limit = _word_budget(len(piece), multi=multi) if not slack else _budget(len(piece))
                limit += slack
                cost = _word_cost("".join(guess[i : i + take_g]), piece, limit, strict=slack == 0)
                if cost is not None and so_far + cost < best[i + take_g][j + take_a]:
                    best[i + take_g][j + take_a] = so_far + cost
    total = best[len(guess)][len(answer)]
    return total if total <= form.budget + slack else None


def _steps() -> Iterator[tuple[int, int]]:
    """Alignment moves: one word to one word, or several joined words on one side."""
    yield 1, 1
    for joined in range(2, MAX_JOINED_WORDS + 1):
        yield 1, joined
        yield joined, 1


def _windows(
    words: tuple[str, ...], size: int, *, numeric: bool = False
) -> Iterator[tuple[int, int]]:
    """Spans of ``words`` that could hold a ``size``-word answer with only filler around them."""
    lead = 0
    while lead < len(words) and _is_filler(words[lead], numeric=numeric):
        lead += 1
    trail = len(words)
    while trail > 0 and _is_filler(words[trail - 1], numeric=numeric):
        trail -= 1
    shortest = max(1, -(-size // MAX_JOINED_WORDS))
    longest = size * MAX_JOINED_WORDS
    for start in range(min(lead, len(words) - 1) + 1):
        for end in range(max(trail, start + 1), len(words) + 1):
            if shortest <= end - start <= longest:
                yield start, end


@dataclass(frozen=True, slots=True)
class _Found:
    """An answer found in the guess: how many typos it took and whether the sentence was short."""

    form: _Form
    typos: int
    short: bool


def _match(words: tuple[str, ...], forms: Sequence[_Form], slack: int) -> _Found | None:
    """The best answer found in a filler-surrounded span of ``words``, short sentences first."""
    found: _Found | None = None
    for form in forms:
        for start, end in _windows(words, len(form.words)):
            typos = _align(words[start:end], form, slack)
            if typos is None:
                continue
            candidate = _Found(form, typos, start + len(words) - end <= MAX_EXTRA_WORDS)
            if found is None or (candidate.short, -candidate.typos) > (found.short, -found.typos):
                found = candidate
            if candidate.short and not typos:
                return candidate
    return found


def _parts(form: _Form) -> Iterator[_Form]:
    """Proper parts of a multi-word answer that still name something (``Paul``, ``Smith``)."""
    size = len(form.words)
    if size > MAX_PARTIAL_WORDS:
        spans = [range(i, j) for i in range(size) for j in range(i + 1, size + 1)]
        picks = [tuple(span) for span in spans if len(span) < size]
    else:
        picks = [c for n in range(1, size) for c in combinations(range(size), n)]
    for pick in picks:
        words = tuple(form.words[i] for i in pick)
        if any(len(w) >= MIN_PARTIAL_CHARS and w not in _GENERIC for w in words):
            yield _Form(form.original, words, _budget(len("".join(words))))


def _partial(words: tuple[str, ...], forms: Sequence[_Form]) -> bool:
    """Whether the guess is a part of some answer (``Paul`` for ``Paul Smith``)."""
    parts = [part for form in forms for part in _parts(form)]
    found = _match(words, parts, slack=0)
    return found is not None and found.short


def _is_shotgun(cleaned: str) -> bool:
    """Whether the guess lists two or more candidates ("dano, kazan", "rudd or dano")."""
    parts = [_words(part) for part in _SEPARATOR.split(cleaned)]
    return sum(any(not _is_filler(w) for w in part) for part in parts) > 1


def _numeric_answer(answer: str) -> Quantity | None:
    """The quantity an accepted answer consists of, if it is only a number (with unit)."""
    reading = read_numbers(_clean(answer))
    if len(reading.quantities) == 1 and not reading.words:
        return reading.quantities[0]
    return None


def _judge_number(cleaned: str, answers: Sequence[tuple[str, Quantity]]) -> Verdict | None:
    """Judge a guess against numeric answers; ``None`` if the guess holds no number."""
    minutes = any(q.unit == "minute" for _, q in answers)
    reading = read_numbers(cleaned, m_is_minutes=minutes)
    values = set(reading.quantities)
    if not values:
        return None
    extra = [w for w in reading.words if not _is_filler(w, numeric=True)]
    bare = all(quantity.unit is None for _, quantity in answers)
    if bare and len(extra) <= MAX_UNIT_WORDS and all(w.isalpha() for w in extra):
        extra = []  # a bare count typed with what it counts: "8 bits", "13 theaters"
    if len(values) > 1 or extra:
        return Verdict(correct=False, reason="shotgun" if len(values) > 1 else "no_match")
    if len(reading.words) > MAX_EXTRA_WORDS:
        return Verdict(correct=False, reason="too_long")
    (guess,) = values
    for original, quantity in answers:
        if is_same(guess, quantity) or (
            bare and guess.value == quantity.value and not guess.scaled
        ):
            return Verdict(correct=True, matched=original, reason="number")
    near = any(is_near(guess, quantity) for _, quantity in answers)
    return Verdict(correct=False, close=near, reason="near_number" if near else "no_match")


def _compact(answer: str) -> str:
    """An answer's letters and digits only, folded (``C.`` gives ``c``)."""
    return "".join(_words(_clean(answer)))


def _company_cores(accepted: Sequence[str]) -> list[str]:
    """Accepted company names without their corporate suffix (``Bright Hollow Pictures``)."""
    cores = []
    for answer in accepted:
        words = _words(_clean(answer))
        if len(words) < _PAIR or words[-1] not in COMPANY_SUFFIXES - _ORDINARY_SUFFIXES:
            continue
        core = strip_company_suffix(answer)
        if any(len(w) >= MIN_PARTIAL_CHARS and w not in _GENERIC for w in _words(_clean(core))):
            cores.append(core)
    return cores


def _members(answer: str) -> tuple[str, str] | None:
    """The two people a joint answer names (``A and B``, ``A & B``, ``A, B``), if it is one."""
    parts = [part.strip() for part in _PAIR_SEPARATOR.split(answer) if part.strip()]
    return (parts[0], parts[1]) if len(parts) == _PAIR else None


def _splits(cleaned: str) -> Iterator[tuple[str, str]]:
    """Ways to read a guess as two names: at its separator, else between any two words."""
    parts = [part for part in _PAIR_SEPARATOR.split(cleaned) if _words(part)]
    if len(parts) == _PAIR:
        yield parts[0], parts[1]
        return
    words = _words(cleaned)
    if len(parts) == 1 and _PAIR <= len(words) <= MAX_PAIR_GUESS_WORDS:
        for cut in range(1, len(words)):
            yield " ".join(words[:cut]), " ".join(words[cut:])


def _names(part: str, member: str) -> bool:
    """Whether one part of a guess names one member of a pair (full name or surname)."""
    forms = [member]
    last = surname(member)
    if last is not None and len(last) >= MIN_PARTIAL_CHARS:
        forms.append(last)
    return judge(part, forms).correct


def _both_named(cleaned: str, accepted: Sequence[str]) -> str | None:
    """The joint answer whose two people the guess names, in either order, if any."""
    for answer in accepted:
        members = _members(answer)
        if members is None:
            continue
        first, second = members
        for one, other in _splits(cleaned):
            if (_names(one, first) and _names(other, second)) or (
                _names(one, second) and _names(other, first)
            ):
                return answer
    return None


def judge(guess: str, accepted: Sequence[str]) -> Verdict:
    """Judge a typed ``guess`` against the ``accepted`` answers (already including aliases)."""
    if len(guess) > MAX_GUESS_CHARS and len(guess.strip()) > MAX_GUESS_CHARS:
        return Verdict(correct=False, reason="too_long")
    cleaned = _clean(guess)
    words = _words(cleaned)
    compact = "".join(words)
    if len(compact) < MIN_GUESS_CHARS and not compact.isdigit():
        single = next((a for a in accepted if compact and _compact(a) == compact), None)
        if single is not None:  # "C" for carbon: only when an accepted answer is that letter
            return Verdict(correct=True, matched=single, reason="match")
        return Verdict(correct=False, reason="empty")

    numeric = [(a, q) for a in accepted if (q := _numeric_answer(a)) is not None]
    number_verdict = _judge_number(cleaned, numeric) if numeric else None
    if number_verdict is not None and number_verdict.correct:
        return number_verdict

    texts = [a for a, _ in numeric]
    words_of = [a for a in accepted if a not in texts]
    forms = [f for a in (*words_of, *_company_cores(words_of)) if (f := _form(a)) is not None]
    longest = max((len(form.words) for form in forms), default=0)
    if len(words) > longest * MAX_JOINED_WORDS + MAX_EXTRA_WORDS:
        return number_verdict or Verdict(correct=False, reason="too_long")
    found = _match(words, forms, slack=0)
    if found is not None and found.short:
        reason: Reason = "typo" if found.typos else "match"
        return Verdict(correct=True, matched=found.form.original, reason=reason)
    if number_verdict is not None:
        return number_verdict
    if found is not None:
        return Verdict(correct=False, reason="too_long")
    pair = _both_named(cleaned, words_of)
    if pair is not None:
        return Verdict(correct=True, matched=pair, reason="match")
    # Everything around a near miss or a partial answer is filler, so neither can be a shotgun.
    near = _match(words, forms, slack=CLOSE_EXTRA_TYPOS)
    if near is not None and near.short:
        return Verdict(correct=False, close=True, reason="near_typo")
    if _partial(words, forms):
        return Verdict(correct=False, close=True, reason="partial")
    return Verdict(correct=False, reason="shotgun" if _is_shotgun(cleaned) else "no_match")
