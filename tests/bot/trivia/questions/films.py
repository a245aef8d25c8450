"""Films for the question generator tests: one like the seeds, two made up for edge cases."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bot.models import (
    CastMember,
    DocumentKind,
    FilmRecord,
    InfoboxField,
    MoneyFigure,
    Question,
    Quote,
    ReviewScore,
    Section,
    SourceDocument,
)

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


HARBOR_TALK = "021_roundtable.txt"
HARBOR_PRESS = "022_press.txt"


def harbor_lights() -> FilmRecord:
    """A made-up film with a roundtable of four speakers: quotes good, fragmentary and echoing."""
    pia, omar, lena, ravi = "Pia Sandoval", "Omar Whitlock", "Lena Aho", "Ravi Menon"
    return FilmRecord(
        slug="harbor-lights",
        title="Harbor Lights",
        year=2019,
        infobox=_infobox(("Director", (pia,)), ("Music", (ravi,)), ("Editing", (omar,))),
        runtime_minutes=97,
        release_date=None,
        money=(),
        reviews=(),
        lead="Harbor Lights is a 2019 film.",
        sections=(Section(("Production",), "Filming took place on a ferry.", 0, spoiler=False),),
        cast=_cast(("Lena Aho", "Marit", "a ferry pilot who counts the gulls")),
        quotes=(
            _quote(
                pia,
                "We rebuilt the ferry's wheelhouse inside a disused tram depot.",
                HARBOR_TALK,
                4,
            ),
            _quote(omar, "Even though the footage looked calm on the monitors.", HARBOR_TALK, 6),
            _quote(
                lena,
                "When my character lies to the harbor master, she is protecting her brother.",
                HARBOR_TALK,
                8,
            ),
            _quote(
                ravi,
                "I wrote the ferry theme on a detuned accordion found in a lighthouse.",
                HARBOR_TALK,
                10,
            ),
            _quote(
                pia,
                "We told the crew, 'Nobody leaves the boat before the fog lifts.",
                HARBOR_TALK,
                12,
            ),
            _quote(
                omar,
                "Like with the gulls, we waited for weeks until the weather turned.",
                HARBOR_TALK,
                14,
            ),
            _quote(
                lena,
                "The storm scenes... we froze for three nights in borrowed raincoats.",
                HARBOR_TALK,
                16,
            ),
            _quote(
                ravi,
                "Did we? I honestly think the accordion chose the melody for us.",
                HARBOR_TALK,
                18,
            ),
            _quote(omar, "I think that was really something that we would do.", HARBOR_TALK, 20),
            _quote(
                lena,
                "Marit counts gulls because counting keeps her panic quiet at sea.",
                HARBOR_PRESS,
                3,
            ),
            _quote(
                omar,
                "Cutting the finale took eleven versions and two broken laptops.",
                HARBOR_PRESS,
                5,
                spoiler=True,
            ),
        ),
        sources=(
            SourceDocument(
                HARBOR_TALK,
                DocumentKind.INTERVIEW,
                publication="Quayside Weekly",
                published=dt.date(2019, 5, 2),
            ),
            SourceDocument(HARBOR_PRESS, DocumentKind.INTERVIEW, title="Four people, one ferry"),
            SourceDocument("020_article.txt", DocumentKind.ARTICLE, title="Harbor Lights"),
        ),
    )


def by_text(questions: tuple[Question, ...]) -> dict[str, Question]:
    return {question.text: question for question in questions}


_SYLLABLES = tuple(c + v for c in "bdfgklmnprstvz" for v in "aeiou")


def _made_up_name(number: int) -> str:
    """A distinct two-word name for ``number`` (three syllables each, no real person)."""
    digits = []
    for _ in range(6):
        number, digit = divmod(number, len(_SYLLABLES))
        digits.append(_SYLLABLES[digit])
    return f"{''.join(digits[:3]).capitalize()} {''.join(digits[3:]).capitalize()}"


def crowded(members: int) -> FilmRecord:
    """Ruby Sparks' record with a made-up cast of ``members`` actors and characters."""
    cast = tuple(
        CastMember(
            actor=_made_up_name(7919 * index + 1),
            character=_made_up_name(104_729 * index + 2),
            description=f"a clerk at the shop on street number {index}",
            position=index,
        )
        for index in range(members)
    )
    return dataclasses.replace(ruby_sparks(), slug=f"crowded-{members}", cast=cast)
