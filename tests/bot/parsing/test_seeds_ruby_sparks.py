"""The project's real seeds: what the parsers must find in the Ruby Sparks documents."""

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from bot.models import DocumentKind, FilmRecord
from bot.parsing import parse_film
from bot.parsing.documents import read_document

FOLDER = Path(__file__).resolve().parents[3] / "seeds" / "ruby-sparks"
ROUNDTABLE = "000_876acf69d590195e.txt"
FESTIVAL = "001_7f2975a1af750313.txt"
ARTICLE = "002_4ca3bbe3d74d6462.txt"
DAYTON = "Jonathan Dayton"
FARIS = "Valerie Faris"
ANSWER_LABEL = re.compile(
    r"^(?:\*\*)?(?:Jonathan Dayton|Valerie Faris|Dayton and Faris|Dayton|Faris|JD|VF)\s*:"
)


@pytest.fixture(scope="module")
def film() -> FilmRecord:
    return parse_film(FOLDER)


def quotes_of(film: FilmRecord, source: str):
    return [q for q in film.quotes if q.source == source]


def source_of(film: FilmRecord, name: str):
    return next(s for s in film.sources if s.name == name)


def test_title_year_runtime_release(film):
    assert film.slug == "ruby-sparks"
    assert film.title == "Ruby Sparks"
    assert film.year == 2012
    assert film.runtime_minutes == 104
    assert film.release_date == dt.date(2012, 7, 25)


def test_directors(film):
    assert film.credit("Director") == (DAYTON, FARIS)
    assert film.credits["director"] == (DAYTON, FARIS)


def test_infobox_comma_lists_are_split(film):
    assert film.credit("producer") == ("Albert Berger", "Ron Yerxa")
    assert film.credit("starring") == (
        "Paul Dano",
        "Zoe Kazan",
        "Antonio Banderas",
        "Annette Bening",
        "Steve Coogan",
        "Elliott Gould",
        "Chris Messina",
    )
    assert film.credit("writer") == ("Zoe Kazan",)
    assert film.credit("no such key") == ()


def test_money_kept_as_written_and_as_number(film):
    (gross,) = film.money
    assert gross.key == "Gross"
    assert gross.text == "$9.4 million"
    assert gross.amount == pytest.approx(9.4e6)
    assert film.credit("gross") == ("$9.4 million",)


def test_cast(film):
    assert len(film.cast) == 13
    undescribed = [c for c in film.cast if c.description is None]
    assert [(c.actor, c.character) for c in undescribed] == [
        ("Wallace Langham", "Warren"),
        ("Michael Berry Jr.", "Silverlake passerby"),
    ]
    first = film.cast[0]
    assert (first.actor, first.character) == ("Paul Dano", "Calvin Weir-Fields")
    assert first.description is not None
    assert first.description.startswith("a young novelist")
    assert [c.position for c in film.cast] == list(range(13))


def test_plot_section_is_the_spoiler(film):
    spoilers = [s.path for s in film.sections if s.spoiler]
    assert spoilers == [("Plot",)]
    paths = [s.path for s in film.sections]
    assert ("Production", "Writing") in paths
    assert ("Reception", "Critical response") in paths


def test_lead_and_reviews(film):
    assert film.lead.startswith("Ruby Sparks is a 2012 American")
    approval = next(r for r in film.reviews if r.metric == "approval")
    assert (approval.aggregator, approval.value) == ("Rotten Tomatoes", 79.0)


def test_roundtable_speakers(film):
    counts = Counter(q.speakers for q in quotes_of(film, ROUNDTABLE))
    assert counts == {(DAYTON,): 34, (FARIS,): 33, (DAYTON, FARIS): 1}


def test_roundtable_spoilers_follow_the_marker(film):
    marker_line = next(
        number
        for number, line in enumerate((FOLDER / ROUNDTABLE).read_text().splitlines(), 1)
        if line.strip() == "**Spoilers ahead**"
    )
    quotes = quotes_of(film, ROUNDTABLE)
    assert sum(q.spoiler for q in quotes) == 28
    assert all(q.spoiler == (q.line > marker_line) for q in quotes)


def test_festival_interview(film):
    quotes = quotes_of(film, FESTIVAL)
    counts = Counter(q.speakers for q in quotes)
    assert counts == {(DAYTON,): 8, (FARIS,): 8}
    assert not any(q.spoiler for q in quotes)
    assert source_of(film, FESTIVAL).published == dt.date(2012, 9, 6)


def test_festival_continuation_paragraph_is_faris(film):
    document = read_document(FOLDER / FESTIVAL)
    by_line = {p.line: p.text for p in document.paragraphs}
    unlabelled = [q for q in quotes_of(film, FESTIVAL) if not ANSWER_LABEL.match(by_line[q.line])]
    assert len(unlabelled) == 1
    assert unlabelled[0].speakers == (FARIS,)
    assert unlabelled[0].text.startswith("Here is what is supposed to happen")


@pytest.mark.parametrize("name", [ROUNDTABLE, FESTIVAL])
def test_only_labelled_answers_are_quotes(film, name):
    """No stage direction, question, footer or intro paragraph becomes a quote."""
    document = read_document(FOLDER / name)
    quote_lines = {q.line for q in quotes_of(film, name)}
    labelled = {p.line for p in document.paragraphs if ANSWER_LABEL.match(p.text)}
    continuation = 1 if name == FESTIVAL else 0
    assert labelled <= quote_lines
    assert len(quote_lines - labelled) == continuation
    texts = {q.text for q in film.quotes}
    assert "No more articles" not in texts
    assert "[Everyone laughs]" not in texts
    assert not any(t.startswith(("I met up with", "Ruby Sparks marks")) for t in texts)


def test_interviewer_lines_are_not_quotes(film):
    texts = [q.text for q in film.quotes]
    assert "Exactly." not in texts
    assert not any(t.startswith("This is a human story") for t in texts)
    after = next(q for q in quotes_of(film, FESTIVAL) if q.question == "Exactly.")
    assert after.speakers == (FARIS,)


def test_outlet_label_is_the_publication_not_a_speaker(film):
    source = source_of(film, ROUNDTABLE)
    assert source.kind is DocumentKind.INTERVIEW
    assert source.publication == "The Film Stage"
    speakers = {s for q in film.quotes for s in q.speakers}
    assert speakers == {DAYTON, FARIS}


def test_questions_are_attached_to_answers(film):
    roundtable = quotes_of(film, ROUNDTABLE)
    assert roundtable[0].question == "So how did you get involved in this project?"
    assert roundtable[1].question is not None
    assert roundtable[1].question.startswith("I remember talking to you")
    joint = next(q for q in roundtable if len(q.speakers) == 2)
    assert joint.question == "So that sequence there was not choreographed?"
    festival = quotes_of(film, FESTIVAL)
    assert festival[0].question is not None
    assert festival[0].question.startswith("This is a human story")


def test_text_is_normalised(film):
    texts = " ".join(q.text for q in film.quotes)
    assert "\u2019" not in texts
    assert "\u00a0" not in texts
    assert "That's true." in texts


def test_sources(film):
    kinds = {s.name: s.kind for s in film.sources}
    assert kinds == {
        ARTICLE: DocumentKind.ARTICLE,
        ROUNDTABLE: DocumentKind.INTERVIEW,
        FESTIVAL: DocumentKind.INTERVIEW,
    }
    assert source_of(film, FESTIVAL).title is not None
    assert film.warnings == ()
