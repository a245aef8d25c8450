import os
import subprocess
import sys

from bot.search.vocabulary import Vocabulary

COUNTS = {
    "the": 900,
    "then": 300,
    "they": 250,
    "thy": 3,
    "composer": 12,
    "compose": 4,
    "lighthouse": 7,
    "lightning": 2,
    "keeper": 9,
    "kipper": 9,
    "cat": 40,
    "car": 40,
    "bat": 5,
}


def vocabulary(documents: int = 5000) -> Vocabulary:
    return Vocabulary(COUNTS, documents)


def test_long_words_are_corrected_to_the_closest_term():
    assert vocabulary().corrections("ligthouse")[0] == "lighthouse"
    assert vocabulary().corrections("composr")[0] == "composer"


def test_short_words_with_one_wrong_letter_are_corrected():
    assert vocabulary().corrections("thw")[0] == "the"
    assert vocabulary().corrections("cst")[0] == "cat"


def test_ties_go_to_the_more_common_term_then_the_alphabet():
    # 'cat' and 'car' are one letter from 'cax' and equally common: alphabetical order decides.
    assert vocabulary().corrections("cax") == ["car", "cat"]
    # 'keeper' and 'kipper' are equally close to 'keipper'... the ratio decides first.
    assert vocabulary().corrections("kepper")[0] in {"keeper", "kipper"}
    assert vocabulary().corrections("kepper") == vocabulary().corrections("kepper")


def test_corrections_do_not_depend_on_the_hash_seed():
    script = (
        "from bot.search.vocabulary import Vocabulary;"
        f"v = Vocabulary({COUNTS!r}, 5000);"
        "print([v.corrections(w) for w in ('cax', 'kepper', 'thw', 'tha', 'ba')])"
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_a_known_word_is_not_its_own_correction():
    assert "then" not in vocabulary().corrections("then")


def test_prefix_expansion_is_bounded():
    assert vocabulary().prefixed("compos", 5) == ["compose", "composer"]
    assert vocabulary().prefixed("th", 2) is None
    assert vocabulary().prefixed("zz", 5) == []


def test_common_words_only_count_in_a_large_archive():
    assert vocabulary(5000).is_common("the")
    assert not vocabulary(5000).is_common("composer")
    assert not vocabulary(10).is_common("the")
