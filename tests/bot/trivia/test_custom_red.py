"""Red-DiscordBot compatibility of the list loader, over a folder of lists in Red's format."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import ListSettings, QuestionKind, TriviaList
from bot.trivia.custom import (
    MAX_ANSWER_CHARS,
    TRIVIA_SOURCE,
    load_trivia_list,
    load_trivia_yaml,
    parse_trivia_bytes,
)

LISTS = Path(__file__).parent / "lists"


def _load(name: str) -> TriviaList:
    return load_trivia_list(LISTS / f"{name}.yaml", name=name)


def _answers(trivia: TriviaList) -> dict[str, tuple[str, ...]]:
    return {question.text: question.answers for question in trivia.questions}


@pytest.mark.parametrize("path", sorted(LISTS.glob("*.yaml")), ids=lambda path: path.stem)
def test_every_list_in_the_folder_loads(path: Path) -> None:
    trivia = load_trivia_list(path, name=path.stem)
    assert trivia.questions
    for question in trivia.questions:
        assert question.kind is QuestionKind.CUSTOM
        assert question.answers
        assert all(answer.strip() for answer in question.answers)
        assert question.source == path.name
        assert question.origin.startswith(f"the list {path.stem}")
    for warning in trivia.warnings:
        assert warning.startswith(f"{path}:")
        assert warning.split(":")[1].isdigit()  # file:line: message


def test_yaml_booleans_are_text_as_red_reads_them() -> None:
    trivia = _load("booleans")
    answers = _answers(trivia)
    assert answers["Is a clapperboard used to sync picture and sound?"] == ("Yes", "True", "On")
    assert answers["Was the first feature-length sound film silent?"] == ("No", "False", "Off")
    assert answers["True or false, a dolly zoom changes the focal length during the shot?"] == (
        "True",
        "Yes",
        "On",
    )
    assert answers["Do projectionists call the reel change cue a cigarette burn?"] == (
        "yes",
        "True",
        "On",
        "Indeed",
    )
    assert answers['Is "fade to black" a transition?'] == ("on", "True", "Yes")
    assert answers["Can a matte painting be digital?"] == ("Yes", "True", "On")
    assert answers["Is the answer to this one written as text?"] == ("No",)  # quoted: a string
    assert trivia.warnings == ()


def test_duplicates_merge_their_answers_with_a_warning() -> None:
    trivia = _load("duplicates")
    assert _answers(trivia) == {
        "What colour is the light that means a take is rolling?": ("Red", "Crimson"),
        'WHO SHOUTS "CUT" ON SET?': ("The director", "Director"),
        "Which room is the film cut in?": ("Editing suite",),
    }
    path = LISTS / "duplicates.yaml"
    assert trivia.warnings == (
        f"{path}:4: duplicate question (first on line 2); answers merged",
        f"{path}:9: duplicate question (first on line 7); answers merged",
    )


def test_long_answers_load_with_a_warning() -> None:
    trivia = _load("long_answers")
    (long_question, _) = trivia.questions
    assert len(long_question.answers[0]) > MAX_ANSWER_CHARS
    assert long_question.answers[1] == "The harbour title card"
    path = LISTS / "long_answers.yaml"
    assert trivia.warnings == (
        f"{path}:3: answer is longer than {MAX_ANSWER_CHARS} characters (kept)",
    )
    assert trivia.description == (
        "Answers nobody would type in full, still loaded as Red loads them."
    )


def test_config_keys_map_to_round_settings_and_the_rest_are_named() -> None:
    trivia = _load("config")
    assert trivia.settings == ListSettings(
        seconds=25.0,
        idle_seconds=90.0,
        max_score=5,
        reveal_answer=False,
        use_spoilers=True,
        spoiler=False,  # "spolier" is not "spoiler"
    )
    assert [question.text for question in trivia.questions] == [
        "Which department builds the sets?",
        'What is a "gaffer" in charge of?',
    ]  # $schema is not a question
    path = LISTS / "config.yaml"
    assert trivia.warnings == (
        f"{path}:5: CONFIG.bot_plays is ignored: the bot never plays",
        f"{path}:10: CONFIG.payout_multiplier is ignored: this bot has no economy",
        f"{path}:12: unknown CONFIG key 'spolier' is ignored (did you mean 'spoiler'?)",
    )
    assert trivia.author == "Film club test desk"
    assert all(
        question.origin == "the list config by Film club test desk" for question in trivia.questions
    )


def test_unicode_and_numbers() -> None:
    unicode = _answers(_load("unicode"))
    assert unicode["Which emoji do film clubs use for popcorn?"] == ("🍿",)
    assert unicode["¿Cómo se dice 'film' en español?"] == ("Película",)  # same folded
    assert _load("unicode").author == "Zoë Ångström"
    numbers = _answers(_load("numbers"))
    assert numbers["How many frames per second does sound film usually run at?"] == ("24",)
    assert numbers['What aspect ratio is called "flat" in cinemas?'] == ("1.85",)
    assert numbers["What is zero minus zero?"] == ("0",)
    assert numbers["How many reels would a 104 minute feature need?"] == ("10", "ten")


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("delay: fast", "CONFIG.delay must be a number; ignored"),
        ("delay: -4", "CONFIG.delay must be above 0; ignored"),
        ("max_score: 2.5", "CONFIG.max_score must be a whole number above 0; ignored"),
        ("reveal_answer: sometimes", "CONFIG.reveal_answer must be true or false; ignored"),
        ("spoiler: maybe", "CONFIG.spoiler must be true or false; ignored"),
        ("timeout: .inf", "CONFIG.timeout must be a number; ignored"),
    ],
)
def test_bad_config_values_are_warnings(tmp_path: Path, config: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(f"CONFIG:\n  {config}\nQ?: [A]\n", encoding="utf-8")
    trivia = load_trivia_list(path, name="bad")
    assert trivia.settings == ListSettings()
    assert trivia.warnings == (f"{path}:2: {message}",)


def test_spoiler_config_and_prefix_survive_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "spoilers.yaml"
    path.write_text("Who wins?: [Ada]\n(spoiler) who wins?: [Bo]\n", encoding="utf-8")
    (question,) = load_trivia_list(path, name="s").questions
    assert question.answers == ("Ada", "Bo")
    assert question.spoiler


def test_uploads_are_parsed_from_bytes_with_the_same_rules() -> None:
    data = (LISTS / "duplicates.yaml").read_bytes()
    trivia = parse_trivia_bytes(data, Path("duplicates.yaml"), name="dupes")
    assert len(trivia.questions) == 3
    assert trivia.warnings[0].startswith("duplicates.yaml:4: duplicate question")
    with pytest.raises(match="not valid UTF-8"):
        parse_trivia_bytes(b"Q?: [\xff]\n", Path("x.yaml"), name="x")


def test_a_films_own_trivia_file_keeps_its_source(tmp_path: Path) -> None:
    path = tmp_path / "trivia.yaml"
    path.write_text("Q?: [Yes]\n", encoding="utf-8")
    (question,) = load_trivia_yaml(path, "some-film")
    assert (question.source, question.film, question.origin) == (TRIVIA_SOURCE, "some-film", "")
    assert question.answers == ("Yes", "True", "On")
