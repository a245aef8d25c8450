"""Tests for the trivia question generator."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable

import pytest

from bot.models import (
    CastMember,
    DocumentKind,
    FilmRecord,
    InfoboxField,
    MoneyFigure,
    Quote,
    ReviewScore,
    Section,
    SourceDocument,
)
from bot.text import fold
from bot.trivia.models import Question, QuestionKind
from bot.trivia.questions import CHOICE_COUNT, MAX_QUOTE_CHARS, MIN_QUOTE_CHARS, generate_questions

ARTICLE = "002_4ca3bbe3d74d6462.txt"
STAGE = "000_876acf69d590195e.txt"
HUFF = "001_7f2975a1af750313.txt"


def _infobox(*pairs: tuple[str, tuple[str, ...]]) -> tuple[InfoboxField, ...]:
    return tuple(
        InfoboxField(key=key, values=values, line=index + 3)
        for index, (key, values) in enumerate(pairs)
    )


def _cast(*rows: tuple[str, str, str | None]) -> tuple[CastMember, ...]:
    return tuple(
        CastMember(actor=actor, character=character, description=description, position=index)
        for index, (actor, character, description) in enumerate(rows)
    )


def _quote(speaker: str, text: str, source: str, line: int, *, spoiler: bool = False) -> Quote:
    return Quote(
        speakers=(speaker,),
        text=text,
        source=source,
        position=line,
        line=line,
        question=None,
        spoiler=spoiler,
    )


def ruby_sparks() -> FilmRecord:
    """A record mirroring what the parsers produce from seeds/ruby-sparks."""
    dayton, faris = "Jonathan Dayton", "Valerie Faris"
    return FilmRecord(
        slug="ruby-sparks",
        title="Ruby Sparks",
        year=2012,
        infobox=_infobox(
            ("Director", (dayton, faris)),
            ("Writer", ("Zoe Kazan",)),
            ("Producer", ("Albert Berger", "Ron Yerxa")),
            (
                "Starring",
                (
                    "Paul Dano",
                    "Zoe Kazan",
                    "Antonio Banderas",
                    "Annette Bening",
                    "Steve Coogan",
                    "Elliott Gould",
                    "Chris Messina",
                ),
            ),
            ("Cinematography", ("Matthew Libatique",)),
            ("Editing", ("Pamela Martin",)),
            ("Music", ("Nick Urata",)),
            ("Studio", ("Bona Fide Productions",)),
            ("Distributor", ("Fox Searchlight Pictures",)),
            ("Released", ("2012-07-25",)),
            ("Runtime", ("104 minutes",)),
            ("Country", ("United States",)),
            ("Language", ("English",)),
            ("Gross", ("$9.4 million",)),
        ),
        runtime_minutes=104,
        release_date=dt.date(2012, 7, 25),
        money=(MoneyFigure(key="Gross", text="$9.4 million", amount=9_400_000.0),),
        reviews=(
            ReviewScore("Rotten Tomatoes", "approval rating", 79.0, "79%"),
            ReviewScore("Rotten Tomatoes", "average rating", 7.2, "7.2/10"),
            ReviewScore("Metacritic", "weighted average score", 67.0, "67"),
        ),
        lead="Ruby Sparks is a 2012 American romantic fantasy comedy-drama film.",
        sections=(
            Section(("Plot",), "Calvin Weir-Fields is a novelist ...", 0, spoiler=True),
            Section(("Cast",), "- Paul Dano as Calvin Weir-Fields ...", 1, spoiler=False),
            Section(("Reception", "Box office"), "a worldwide total of $9.4 million.", 2, False),
            Section(
                ("Reception", "Critical response"),
                "an approval rating of 79% based on 183 reviews, with an average rating of "
                "7.2/10. On Metacritic ... an average score of 67",
                3,
                spoiler=False,
            ),
        ),
        cast=_cast(
            (
                "Paul Dano",
                "Calvin Weir-Fields",
                "a young novelist who struggles with writer's block having not written a full "
                "book since his first publication at 19",
            ),
            (
                "Zoe Kazan",
                "Ruby Tiffany Sparks",
                "a young woman who is initially a dream and inspires Calvin to write about her",
            ),
            (
                "Antonio Banderas",
                "Mort",
                "the carefree boyfriend of Calvin's mother. Banderas took on the role for the "
                "opportunity to work with Bening.",
            ),
            ("Annette Bening", "Gertrude", "Calvin's mother"),
            (
                "Steve Coogan",
                "Langdon Tharp",
                "a novelist friend of Calvin who he met when his first book was published",
            ),
            (
                "Elliott Gould",
                "Dr. Rosenthal",
                "Calvin's therapist who encourages Calvin to write a page about anything",
            ),
            (
                "Chris Messina",
                "Harry Weir-Fields",
                "Calvin's older brother in whom he confides about the true nature of Ruby",
            ),
            ("Alia Shawkat", "Mabel", "a fan of Calvin's who gives him her phone number"),
            ("Aasif Mandvi", "Cyrus Modi", "Calvin's publicist"),
            ("Toni Trucks", "Susie Weir-Fields", "Harry's wife"),
            (
                "Deborah Ann Woll",
                "Lila",
                "Calvin's ex-girlfriend who left him before the events of the film",
            ),
            ("Wallace Langham", "Warren", None),
            ("Michael Berry Jr.", "Silverlake passerby", None),
        ),
        quotes=(
            _quote(
                dayton,
                "Paul [Dano] and Zoe [Kazan] brought in two of the producers from Little Miss "
                "Sunshine, Ron [Yerxa] and Albert [Berger].",
                STAGE,
                7,
            ),
            _quote(
                faris,
                "We just took advantage of the fact that there's two of us, and it allows us to "
                "explore the scenes together privately and have a sense of what we're going to "
                "be asking of our actors.",
                STAGE,
                13,
            ),
            _quote(
                dayton,
                "We're not writers. We are always heavily involved, but there is a period where "
                "we have to take the reigns. Zoe's been with this for a year, writing it.",
                STAGE,
                15,
            ),
            _quote(faris, "I do too.", STAGE, 21),
            _quote(
                dayton,
                "There's 'Male', 'Female', and then 'All of the Above'. And I think we're "
                "'All of the Above'.",
                STAGE,
                31,
            ),
            _quote(
                faris,
                "I love Chris.",
                STAGE,
                91,
            ),
            _quote(
                faris,
                "That was a key role. I think he makes the movie work ultimately because he's "
                "the one you have to convince that she's real.",
                STAGE,
                95,
            ),
            _quote(
                dayton,
                "It's a little bit like when you do a sex scene in a movie and you have two "
                "actors... even though these two were very close.",
                STAGE,
                137,
                spoiler=True,
            ),
            _quote(
                faris,
                "We were drawn to the idea that all relationships start out as fantasy. The "
                "person you're with, you have this sort of... fantasy of who they are.",
                STAGE,
                176,
                spoiler=True,
            ),
            _quote(
                dayton,
                "It's unfortunate that human stories aren't interesting for studios because, for "
                "whatever reason, they can't makes millions of dollars and they can't sell "
                "action figures.",
                HUFF,
                9,
            ),
            _quote(
                faris,
                "What independent means to us is that we get to make the film the way we want to "
                "make it and that we have final cut. There were other films which we were "
                "involved with in the past six years where we felt we weren't going to have that "
                "control so we decided no to do them.",
                HUFF,
                11,
            ),
            _quote(
                faris,
                "Calvin comes to realize it's a burden: he wants Ruby to be happy without making "
                "her happy. He is not enjoying that responsibility.",
                HUFF,
                41,
            ),
            _quote(
                faris,
                "Valerie and I always disagree about the music.",
                HUFF,
                50,
            ),
        ),
        sources=(
            SourceDocument(STAGE, DocumentKind.INTERVIEW, publication="The Film Stage"),
            SourceDocument(HUFF, DocumentKind.INTERVIEW, publication="HuffPost"),
            SourceDocument(ARTICLE, DocumentKind.ARTICLE, title="Ruby Sparks"),
        ),
    )


def lantern_keeper() -> FilmRecord:
    """A made-up film full of edge cases: shared surnames, a title naming a crew member, ..."""
    article = "010_lantern.txt"
    return FilmRecord(
        slug="lantern-keeper",
        title="The Lantern Keeper",
        year=1998,
        infobox=_infobox(
            ("Directed by", ("Mara Okafor", "Tomás Reyes", "Lin Hale")),
            ("Written by", ("Dr. Ivo Brandt Jr.",)),
            (
                "Produced by",
                ("Petra Wilde", "Sam Ocampo", "Hana Ito", "Gus Ferreira", "Noor Haddad"),
            ),
            ("Music by", ("Sven Lantern",)),
            ("Edited by", ("Ana Brandt",)),
            ("Cinematography", ("Joel Ruiz-Park",)),
            ("Cameo", ("Some Body",)),
            ("Production companies", ("North Star Films, Inc.", "Harbor Light Pictures")),
            ("Distributed by", ("The Beacon Company",)),
        ),
        runtime_minutes=8,
        release_date=dt.date(1998, 1, 9),
        money=(
            MoneyFigure(key="Budget", text="$1,250,000", amount=1_250_000.0),
            MoneyFigure(key="Gross", text="£3.1 million", amount=3_100_000.0),
            MoneyFigure(key="Opening weekend", text="$20,000", amount=20_000.0),
        ),
        reviews=(
            ReviewScore("Rotten Tomatoes", "approval rating", 98.0, "98%"),
            ReviewScore("Letterboxd", "average", 3.9, "3.9/5"),
        ),
        lead="The Lantern Keeper is a 1998 short film.",
        sections=(
            Section(("Cast",), "- Ada Quill as Captain Nell Harrow ...", 0, spoiler=True),
            Section(("Box office",), "It grossed £3.1 million worldwide.", 1, spoiler=False),
        ),
        cast=(
            CastMember(
                "Ada Quill",
                "Captain Nell Harrow",
                "the keeper of the lighthouse, who guards the lamp",
                0,
            ),
            CastMember("Ben Osei", "Tom Harrow", "Nell's son as a boy", 1),
            CastMember("Felix Grant", "Tom Harrow", "Nell's son as a man", 2),
            CastMember("Rita Vance", "Herself", None, 3),
            CastMember("Owen Marsh", "Mayor Pike", "the mayor of the harbor town", 4),
            CastMember("Owen Marsh", "Pike's Twin", None, 5),
            CastMember("Iris Crane", "Silas Crane", "the harbor master", 6),
            CastMember("Dev Crane", "Eli Crane", "the harbor master", 7),
            CastMember("Hugo Dane", "The Keeper", "a ghost who walks the cliffs", 8),
            CastMember("June Quill", "Dot", "Nell's deckhand who secretly loves Tom", 9, True),
            CastMember("Kit Moreau", "Bram Vos", "Hugo Dane's stand-in on the cliffs", 10),
        ),
        quotes=(
            Quote(
                ("Mara Okafor",),
                "Okafor is a name that the crew kept misspelling on every call sheet we printed.",
                "011_interview.txt",
                0,
                5,
                None,
                spoiler=False,
            ),
            Quote(
                ("Mara Okafor", "Lin Hale"),
                "We wrote the storm sequence together over three very long winter nights.",
                "011_interview.txt",
                1,
                9,
                None,
                spoiler=False,
            ),
            Quote(
                ("Lin Hale",),
                "The lighthouse was real, and the keeper who lived there cooked for all of us.",
                "011_interview.txt",
                2,
                12,
                None,
                spoiler=True,
            ),
            Quote(
                ("Lin Hale",),
                "Short one.",
                "011_interview.txt",
                3,
                14,
                None,
                spoiler=False,
            ),
            Quote(
                ("Tomás Reyes",),
                "We shot everything on film because the sea looks flat on video, and I "
                "refused to accept that for a story about light.",
                "011_interview.txt",
                4,
                20,
                None,
                spoiler=False,
            ),
        ),
        sources=(
            SourceDocument("011_interview.txt", DocumentKind.INTERVIEW),
            SourceDocument(article, DocumentKind.ARTICLE),
        ),
    )


def paper_moons() -> FilmRecord:
    """A made-up film with very little data and no sources."""
    return FilmRecord(
        slug="paper-moons",
        title="Paper Moons",
        year=2021,
        infobox=_infobox(("Director", ("Yuki Tanabe",)), ("Studio", ("Moonbeam Studios",))),
        cast=_cast(
            ("Rosa Lind", "Moon Girl", "the girl who folds moons"),
            ("Theo Park", "newspaper boy", None),
        ),
    )


FILMS = (ruby_sparks, lantern_keeper, paper_moons)


def _spaced(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_spaced(phrase))}(?!\w)", _spaced(text)) is not None


def _by_text(questions: tuple[Question, ...]) -> dict[str, Question]:
    return {question.text: question for question in questions}


@pytest.mark.parametrize("make", FILMS, ids=lambda make: make.__name__)
def test_never_rules_hold_for_every_question(make: Callable[[], FilmRecord]) -> None:
    film = make()
    questions = generate_questions(film)
    assert questions
    texts = [fold(question.text) for question in questions]
    assert len(texts) == len(set(texts)), "duplicate questions"
    for question in questions:
        assert question.film == film.slug
        assert question.source
        assert question.answers
        assert all(answer.strip() for answer in question.answers)
        for answer in question.answers:
            assert not _contains(question.text, answer), (question.text, answer)
        if not question.choices:
            continue
        folded = [_spaced(choice) for choice in question.choices]
        assert len(question.choices) == CHOICE_COUNT
        assert len(set(folded)) == CHOICE_COUNT, question.choices
        accepted = {_spaced(answer) for answer in question.answers}
        assert sum(choice in accepted for choice in folded) == 1, question
        assert question.choices.count(question.answer) == 1
        if question.kind is not QuestionKind.NUMBER:
            for choice in question.choices:
                assert choice == question.answer or not _contains(question.text, choice)


@pytest.mark.parametrize("make", FILMS, ids=lambda make: make.__name__)
def test_output_is_deterministic(make: Callable[[], FilmRecord]) -> None:
    assert generate_questions(make()) == generate_questions(make())


def test_ruby_sparks_counts_per_kind() -> None:
    counts = Counter(question.kind for question in generate_questions(ruby_sparks()))
    assert counts == {
        QuestionKind.CREDIT: 12,
        QuestionKind.ACTOR: 12,
        QuestionKind.CHARACTER: 11,
        QuestionKind.DESCRIPTION: 9,
        QuestionKind.QUOTE: 5,
        QuestionKind.NUMBER: 7,
    }


def test_ruby_sparks_two_directors() -> None:
    questions = _by_text(generate_questions(ruby_sparks()))
    joint = questions["Who directed Ruby Sparks?"]
    assert joint.answer == "Jonathan Dayton and Valerie Faris"
    assert {"Valerie Faris and Jonathan Dayton", "Dayton and Faris", "Faris", "Dayton"} <= set(
        joint.answers
    )
    assert "Albert Berger and Ron Yerxa" in joint.choices  # the producers: a natural pair
    for choice in joint.choices:
        if choice != joint.answer:
            assert "Dayton" not in choice
            assert "Faris" not in choice
    partner = questions["Who co-directed Ruby Sparks with Jonathan Dayton?"]
    assert partner.answers == ("Valerie Faris", "Faris")
    assert "Jonathan Dayton" not in partner.choices
    assert questions["Who co-directed Ruby Sparks with Valerie Faris?"].answer == "Jonathan Dayton"


def test_ruby_sparks_credits() -> None:
    questions = _by_text(generate_questions(ruby_sparks()))
    assert questions["Who wrote Ruby Sparks?"].answers == ("Zoe Kazan", "Kazan")
    assert questions["Who composed the music for Ruby Sparks?"].answer == "Nick Urata"
    assert questions["Who was the cinematographer of Ruby Sparks?"].answer == "Matthew Libatique"
    assert questions["Who edited Ruby Sparks?"].answer == "Pamela Martin"
    distributor = questions["Which company distributed Ruby Sparks?"]
    assert distributor.answers == ("Fox Searchlight Pictures", "Fox Searchlight")
    assert distributor.choices == ()  # only two companies: no invented distractors
    studio = questions["Which production company made Ruby Sparks?"]
    assert studio.answers == ("Bona Fide Productions", "Bona Fide")
    assert distributor.source == f"{ARTICLE} § Infobox"
    assert not any("Starring" in text or "English" in text for text in questions)


def test_ruby_sparks_cast_both_ways() -> None:
    questions = _by_text(generate_questions(ruby_sparks()))
    actor = questions["Who plays Calvin Weir-Fields in Ruby Sparks?"]
    assert actor.kind is QuestionKind.ACTOR
    assert actor.answers == ("Paul Dano", "Dano")
    assert actor.source == f"{ARTICLE} § Cast"
    character = questions["Whom does Paul Dano play in Ruby Sparks?"]
    assert character.kind is QuestionKind.CHARACTER
    # "Weir-Fields" is shared by three characters: no surname alias, no Weir-Fields distractor.
    assert character.answers == ("Calvin Weir-Fields", "Calvin Weir Fields", "Calvin")
    assert not any("Weir" in choice for choice in character.choices if choice != character.answer)
    assert questions["Whom does Elliott Gould play in Ruby Sparks?"].answers == (
        "Dr. Rosenthal",
        "Rosenthal",
    )
    # The title contains the answer ("Ruby Sparks"), so this one is never asked.
    assert "Whom does Zoe Kazan play in Ruby Sparks?" not in questions
    assert questions["Who plays Ruby Tiffany Sparks in Ruby Sparks?"].answer == "Zoe Kazan"
    # A descriptive extra is not asked about.
    assert not any("Silverlake" in text or "Michael Berry" in text for text in questions)


def test_ruby_sparks_descriptions() -> None:
    questions = _by_text(generate_questions(ruby_sparks()))
    descriptions = {
        text: question.answer
        for text, question in questions.items()
        if question.kind is QuestionKind.DESCRIPTION
    }
    assert descriptions == {
        "In Ruby Sparks, who plays the carefree boyfriend of Calvin's mother?": "Antonio Banderas",
        "In Ruby Sparks, who plays Calvin's mother?": "Annette Bening",
        "In Ruby Sparks, who plays a novelist friend of Calvin?": "Steve Coogan",
        "In Ruby Sparks, who plays Calvin's therapist?": "Elliott Gould",
        "In Ruby Sparks, who plays Calvin's older brother?": "Chris Messina",
        "In Ruby Sparks, who plays a fan of Calvin's?": "Alia Shawkat",
        "In Ruby Sparks, who plays Calvin's publicist?": "Aasif Mandvi",
        "In Ruby Sparks, who plays Harry's wife?": "Toni Trucks",
        "In Ruby Sparks, who plays Calvin's ex-girlfriend?": "Deborah Ann Woll",
    }


def test_ruby_sparks_quotes() -> None:
    quotes = [
        question
        for question in generate_questions(ruby_sparks())
        if question.kind is QuestionKind.QUOTE
    ]
    assert {question.answer for question in quotes} == {"Jonathan Dayton", "Valerie Faris"}
    for question in quotes:
        excerpt = question.text.split(': "', 1)[1].removesuffix('"?')
        assert MIN_QUOTE_CHARS <= len(excerpt) <= MAX_QUOTE_CHARS
        assert "Valerie" not in excerpt or question.answer != "Valerie Faris"
        assert "[" not in excerpt
        assert {"Jonathan Dayton", "Valerie Faris"} <= set(question.choices)
    by_line = {question.source: question for question in quotes}
    assert by_line[f"{STAGE} § line 176"].spoiler
    assert not by_line[f"{STAGE} § line 15"].spoiler
    long_quote = by_line[f"{HUFF} § line 11"]
    assert long_quote.text.endswith('we have final cut."?')  # first sentence only
    texts = " ".join(question.text for question in quotes)
    assert "I do too" not in texts  # too short
    assert "That was a key role" not in texts  # depends on what came before
    assert "Valerie and I" not in texts  # names its speaker


def test_ruby_sparks_numbers() -> None:
    questions = _by_text(generate_questions(ruby_sparks()))
    year = questions["In what year was Ruby Sparks released?"]
    assert year.answers == ("2012",)
    assert all(abs(int(choice) - 2012) <= 3 for choice in year.choices)
    month = questions["In which month of 2012 was Ruby Sparks released?"]
    assert month.answer == "July"
    assert "July 2012" in month.answers
    runtime = questions["How long is Ruby Sparks, in minutes?"]
    assert runtime.answers[:2] == ("104 minutes", "104")
    assert all(choice.endswith(" minutes") for choice in runtime.choices)
    gross = questions["How much did Ruby Sparks gross at the box office?"]
    assert gross.answer == "$9.4 million"
    assert "9.4" not in gross.answers  # a different value: the judge calls it close
    assert all(re.fullmatch(r"\$\d+\.\d million", choice) for choice in gross.choices)
    approval = questions["What is the approval rating of Ruby Sparks on Rotten Tomatoes?"]
    assert approval.answers == ("79%", "79", "79 percent")
    assert approval.source == f"{ARTICLE} § Critical response"
    assert all(choice.endswith("%") for choice in approval.choices)
    average = questions["What is the average rating of Ruby Sparks on Rotten Tomatoes?"]
    assert all(re.fullmatch(r"\d\.\d/10", choice) for choice in average.choices)
    metacritic = questions["What is the score of Ruby Sparks on Metacritic?"]
    assert metacritic.answer == "67"
    assert all(0 <= int(choice) <= 100 for choice in metacritic.choices)


def test_lantern_keeper_credits() -> None:
    questions = _by_text(generate_questions(lantern_keeper()))
    directors = questions["Who directed The Lantern Keeper?"]
    assert directors.answer == "Mara Okafor, Tomás Reyes and Lin Hale"
    assert "Okafor, Reyes and Hale" in directors.answers
    assert not any("co-directed" in text for text in questions)  # three: no partner questions
    producers = questions["Name one of the producers of The Lantern Keeper."]
    assert {"Petra Wilde", "Noor Haddad", "Ito"} <= set(producers.answers)
    # The composer's surname is in the title: the question would give its answer away.
    assert not any(question.answer == "Sven Lantern" for question in questions.values())
    # "Brandt" is shared by the writer and the editor: neither gets it as an alias.
    writer = questions["Who wrote The Lantern Keeper?"]
    assert writer.answers == ("Dr. Ivo Brandt Jr.", "Ivo Brandt")
    assert questions["Who edited The Lantern Keeper?"].answers == ("Ana Brandt",)
    assert "Ana Brandt" not in writer.choices
    studios = questions["Which production companies made The Lantern Keeper?"]
    assert studios.answers[:2] == (
        "North Star Films, Inc. and Harbor Light Pictures",
        "Harbor Light Pictures and North Star Films, Inc.",
    )
    assert "North Star" in studios.answers
    partner = questions[
        "Which production company made The Lantern Keeper together with Harbor Light Pictures?"
    ]
    assert partner.answers == ("North Star Films, Inc.", "North Star")
    distributor = questions["Which company distributed The Lantern Keeper?"]
    assert distributor.answers == ("The Beacon Company", "Beacon")
    assert distributor.choices == ()
    assert not any("Some Body" in question.answers for question in questions.values())


def test_lantern_keeper_cast_skips_ambiguous_roles() -> None:
    questions = _by_text(generate_questions(lantern_keeper()))
    texts = " ".join(questions)
    assert "Who plays Tom Harrow" not in texts  # two actors
    assert "Whom does Owen Marsh play" not in texts  # two roles
    assert "Herself" not in texts and "Rita Vance" not in texts  # plays herself
    assert "harbor master" not in texts  # the same clause for two characters
    assert "Whom does Hugo Dane play" not in texts  # "The Keeper" is in the title
    assert "a ghost" not in texts  # indefinite and naming nobody: not distinctive
    nell = questions["Whom does Ada Quill play in The Lantern Keeper?"]
    assert nell.answers == (
        "Captain Nell Harrow",
        "Nell Harrow",
        "Nell",
    )  # "Harrow" is shared with Tom Harrow
    keeper = questions["In The Lantern Keeper, who plays the keeper of the lighthouse?"]
    assert keeper.answer == "Ada Quill"
    assert keeper.spoiler  # the cast section is marked as a spoiler
    son = questions["In The Lantern Keeper, who plays Nell's son as a boy?"]
    assert son.answer == "Ben Osei"
    stand_in = questions["In The Lantern Keeper, who plays Hugo Dane's stand-in on the cliffs?"]
    assert "Hugo Dane" not in stand_in.choices
    assert questions["Whom does June Quill play in The Lantern Keeper?"].spoiler
    assert questions["Who plays Mayor Pike in The Lantern Keeper?"].answer == "Owen Marsh"


def test_lantern_keeper_quotes() -> None:
    quotes = [
        question
        for question in generate_questions(lantern_keeper())
        if question.kind is QuestionKind.QUOTE
    ]
    assert [(question.answer, question.spoiler) for question in quotes] == [
        ("Lin Hale", True),
        ("Tomás Reyes", False),
    ]
    assert {"Mara Okafor", "Tomás Reyes", "Lin Hale"} <= set(quotes[0].choices)
    assert all(question.source.startswith("011_interview.txt § line ") for question in quotes)


def test_lantern_keeper_numbers() -> None:
    questions = _by_text(generate_questions(lantern_keeper()))
    runtime = questions["How long is The Lantern Keeper, in minutes?"]
    assert all(int(choice.split()[0]) > 0 for choice in runtime.choices)
    month = questions["In which month of 1998 was The Lantern Keeper released?"]
    assert month.answer == "January"
    assert len(month.choices) == CHOICE_COUNT
    budget = questions["What was the budget of The Lantern Keeper?"]
    assert budget.answer == "$1,250,000"
    assert all(re.fullmatch(r"\$\d{1,3}(,\d{3})+", choice) for choice in budget.choices)
    assert budget.source == "010_lantern.txt § Infobox"
    gross = questions["How much did The Lantern Keeper gross at the box office?"]
    assert gross.source == "010_lantern.txt § Box office"
    assert all(choice.startswith("£") for choice in gross.choices)
    assert not any("Opening weekend" in text for text in questions)
    approval = questions["What is the approval rating of The Lantern Keeper on Rotten Tomatoes?"]
    assert all(int(choice.rstrip("%")) <= 100 for choice in approval.choices)
    letterboxd = questions["What is the average rating of The Lantern Keeper on Letterboxd?"]
    assert all(0 <= float(choice.split("/")[0]) <= 5 for choice in letterboxd.choices)
    assert all(choice.endswith("/5") for choice in letterboxd.choices)


def test_paper_moons_sparse_data() -> None:
    questions = generate_questions(paper_moons())
    texts = _by_text(questions)
    director = texts["Who directed Paper Moons?"]
    assert director.choices == ()  # only one other person: no invented distractors
    assert director.source == "paper-moons § Infobox"
    assert texts["Which production company made Paper Moons?"].answers == (
        "Moonbeam Studios",
        "Moonbeam",
    )
    assert "In Paper Moons, who plays the girl?" not in texts  # the clause names the character
    assert texts["Whom does Rosa Lind play in Paper Moons?"].answer == "Moon Girl"
    assert not any("newspaper" in text for text in texts)  # descriptive names are skipped
    assert all(
        question.choices == () for question in questions if question.kind is not QuestionKind.NUMBER
    )


def test_empty_film_gives_no_questions() -> None:
    assert generate_questions(FilmRecord(slug="empty", title="Empty")) == ()


def test_choices_follow_the_question_not_the_position() -> None:
    questions = generate_questions(ruby_sparks())
    positions = {
        question.choices.index(question.answer) for question in questions if question.choices
    }
    assert positions == {0, 1, 2, 3}
