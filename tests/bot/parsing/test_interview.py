"""Interviews in other styles than the real seeds, for a made-up film."""

import datetime as dt
from collections import Counter

import pytest

from bot.models import FilmRecord
from bot.parsing import parse_film
from tests.bot.parsing.lantern_keeper import DIRECTOR, INTERVIEW, STAR, write_film

NAME = "100_interview.txt"


def parse_interview_text(tmp_path, text: str) -> FilmRecord:
    return parse_film(write_film(tmp_path, {NAME: text}))


def quotes(film: FilmRecord):
    return [q for q in film.quotes if q.source == NAME]


def source(film: FilmRecord):
    return next(s for s in film.sources if s.name == NAME)


def test_full_names_surnames_and_header(tmp_path):
    film = parse_interview_text(tmp_path, INTERVIEW)
    found = [(q.speakers, q.text) for q in quotes(film)]
    assert found == [
        ((DIRECTOR,), "From my grandmother. She kept a light for forty years."),
        ((STAR,), "I read the script in one night."),
        ((STAR,), "Freezing."),
        ((DIRECTOR,), "We shot in November."),
    ]
    assert [q.question for q in quotes(film)] == [
        "Where did the idea come from?",
        "Where did the idea come from?",
        "Was the island cold?",
        "Was the island cold?",
    ]
    meta = source(film)
    assert meta.title == "Lantern Light: An Interview"
    assert meta.published == dt.date(2015, 3, 3)
    assert meta.publication is None


def test_labelled_questions_make_unlabelled_paragraphs_continuations(tmp_path):
    text = """\
INTERVIEWER: How long did the shoot take?

Hannah Lindqvist: Thirty-one days.

Here's the thing: we never planned a single shot.

INTERVIEWER: And the weather?

Lindqvist: Terrible.
"""
    film = parse_interview_text(tmp_path, text)
    found = [(q.speakers, q.text, q.question) for q in quotes(film)]
    assert found == [
        ((DIRECTOR,), "Thirty-one days.", "How long did the shoot take?"),
        (
            (DIRECTOR,),
            "Here's the thing: we never planned a single shot.",
            ("How long did the shoot take?"),
        ),
        ((DIRECTOR,), "Terrible.", "And the weather?"),
    ]
    assert [q.line for q in quotes(film)] == [3, 5, 9]
    assert [q.position for q in quotes(film)] == [0, 1, 2]


def test_unlabelled_questions_are_questions_not_quotes(tmp_path):
    text = """\
Cinema Weekly talks to the director and her star.

How did you cast it?

Lindqvist: Slowly. We saw hundreds of actors.

It shows. Was Iris the first choice?

Lindqvist: She was.

Calloway: I was!
"""
    film = parse_interview_text(tmp_path, text)
    found = [(q.speakers, q.text, q.question) for q in quotes(film)]
    assert found == [
        ((DIRECTOR,), "Slowly. We saw hundreds of actors.", "How did you cast it?"),
        ((DIRECTOR,), "She was.", "It shows. Was Iris the first choice?"),
        ((STAR,), "I was!", "It shows. Was Iris the first choice?"),
    ]
    assert source(film).title is None


def test_initials_joint_and_bold_labels(tmp_path):
    text = """\
Q: Who had the idea?

H.L.: I did.

I.C.: She did.

HL: Well, we both did.

Lindqvist & Calloway: Together!

Hannah Lindqvist and Iris Calloway: Always together.

**Calloway:** Bold label, markup after the colon.

**Lindqvist**: Bold label, markup before the colon.
"""
    film = parse_interview_text(tmp_path, text)
    found = [(q.speakers, q.text) for q in quotes(film)]
    assert found == [
        ((DIRECTOR,), "I did."),
        ((STAR,), "She did."),
        ((DIRECTOR,), "Well, we both did."),
        ((DIRECTOR, STAR), "Together!"),
        ((DIRECTOR, STAR), "Always together."),
        ((STAR,), "Bold label, markup after the colon."),
        ((DIRECTOR,), "Bold label, markup before the colon."),
    ]


def test_lines_with_a_colon_that_are_not_labels(tmp_path):
    text = """\
Note: this interview has been edited for length and clarity

We met at 5:15 in the afternoon.

5:15

INTERVIEWER: Ready?

Hannah Lindqvist: Ready. Here's the thing: we never rehearse.

Iris Calloway: Never.
"""
    film = parse_interview_text(tmp_path, text)
    quote, _ = quotes(film)
    assert quote.speakers == (DIRECTOR,)
    assert quote.text == "Ready. Here's the thing: we never rehearse."
    assert quote.question == "Ready?"
    assert not (source(film).title or "").startswith("Note")


def test_curly_quotes_and_non_breaking_spaces(tmp_path):
    text = (
        "Q:\u00a0What\u2019s next?\n\n"
        "Hannah Lindqvist:\u00a0We didn\u2019t plan \u201canything\u201d.\n\n"
        "Iris\u00a0Calloway: Me\u00a0neither.\n"
    )
    film = parse_interview_text(tmp_path, text)
    found = [(q.speakers, q.text, q.question) for q in quotes(film)]
    assert found == [
        ((DIRECTOR,), 'We didn\'t plan "anything".', "What's next?"),
        ((STAR,), "Me neither.", "What's next?"),
    ]


def test_stage_directions_and_footers_are_skipped(tmp_path):
    text = """\
Q: Funny set?

Hannah Lindqvist: Very funny.

[Laughs]

(Laughter)

Iris Calloway: She is joking.

Advertisement

No more articles
"""
    film = parse_interview_text(tmp_path, text)
    assert [q.text for q in quotes(film)] == ["Very funny.", "She is joking."]


def test_outlet_label_is_the_publication(tmp_path):
    text = """\
03/04/2015

Cinema Weekly: How did you cast it?

Hannah Lindqvist: Slowly.

Cinema Weekly: Why?

Hannah Lindqvist: Because it matters.
"""
    film = parse_interview_text(tmp_path, text)
    assert Counter(q.speakers for q in quotes(film)) == {(DIRECTOR,): 2}
    assert [q.question for q in quotes(film)] == ["How did you cast it?", "Why?"]
    meta = source(film)
    assert meta.publication == "Cinema Weekly"
    assert meta.label == "Cinema Weekly"
    assert meta.published == dt.date(2015, 3, 4)


def test_uncredited_person_named_in_the_intro_can_speak(tmp_path):
    text = """\
Martin Long: a conversation

We talked to the producer Martin Long and to Hannah Lindqvist.

Q: Was it hard?

Long: Very hard.

Lindqvist: Yes.
"""
    film = parse_interview_text(tmp_path, text)
    assert [(q.speakers, q.text) for q in quotes(film)] == [
        (("Martin Long",), "Very hard."),
        ((DIRECTOR,), "Yes."),
    ]
    assert source(film).title == "Martin Long: a conversation"


class TestAnswerLabel:
    """'A:' never names a person called A: its answers go to the interview's one subject."""

    def test_a_answers_go_to_the_only_credited_person_named(self, tmp_path):
        text = """\
Published 2015-03-03

We talked to Hannah Lindqvist about her new film.

Q: Where did the idea come from?

A: From my grandmother.

Q: And the lighthouse?

A: We built it.
"""
        film = parse_interview_text(tmp_path, text)
        assert [(q.speakers, q.text, q.question) for q in quotes(film)] == [
            ((DIRECTOR,), "From my grandmother.", "Where did the idea come from?"),
            ((DIRECTOR,), "We built it.", "And the lighthouse?"),
        ]
        assert film.warnings == ()

    def test_a_answers_go_to_the_only_named_speaker(self, tmp_path):
        text = """\
We talked to Hannah Lindqvist, who cast Iris Calloway.

Q: Hello?

Lindqvist: Hello.

Q: Again?

A: Again.
"""
        film = parse_interview_text(tmp_path, text)
        assert [(q.speakers, q.text) for q in quotes(film)] == [
            ((DIRECTOR,), "Hello."),
            ((DIRECTOR,), "Again."),
        ]

    def test_a_answers_are_skipped_when_the_subject_is_ambiguous(self, tmp_path):
        text = """\
Q: Who starts?

Hannah Lindqvist: I do.

Iris Calloway: Then me.

Q: And then?

A: Nobody knows.
"""
        film = parse_interview_text(tmp_path, text)
        assert [q.text for q in quotes(film)] == ["I do.", "Then me."]
        assert not any("A" in q.speakers for q in film.quotes)
        assert len(film.warnings) == 1
        assert NAME in film.warnings[0]


SPOILER_MARKERS = [
    "SPOILER WARNING",
    "*** Spoilers below ***",
    "[Spoilers follow]",
    "**Spoilers ahead**",
]


@pytest.mark.parametrize("marker", SPOILER_MARKERS)
def test_spoiler_markers(tmp_path, marker):
    text = f"""\
Before we start: this conversation discusses the ending of the film in detail, spoilers and all.

Q: How does it start?

Hannah Lindqvist: With a storm.

{marker}

Q: How does it end?

Iris Calloway: In the dark.

Hannah Lindqvist: I hate spoilers, so I will not say more than that about it.
"""
    film = parse_interview_text(tmp_path, text)
    assert [(q.text, q.spoiler) for q in quotes(film)] == [
        ("With a storm.", False),
        ("In the dark.", True),
        ("I hate spoilers, so I will not say more than that about it.", True),
    ]


def test_no_marker_means_no_spoilers(tmp_path):
    film = parse_interview_text(tmp_path, INTERVIEW)
    assert quotes(film)
    assert not any(q.spoiler for q in quotes(film))
