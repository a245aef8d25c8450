"""Precision@1 of quote and cast search over labelled queries for the Ruby Sparks seeds.

Run with ``-s`` to see the numbers and every miss.
"""

from __future__ import annotations

from pathlib import Path

from bot.errors import NotFoundError
from bot.parsing import parse_seeds
from bot.services.cast import CastService
from bot.services.knowledge import KnowledgeService
from bot.services.quotes import QuoteService
from bot.storage.database import Database

PRECISION_FLOOR = 0.9

QUOTE_QUERIES: list[tuple[str, str]] = [
    # (what a member half-remembers, a distinctive piece of the quote they mean)
    # reordered words
    ("tattoo better love it forever", "it is like a tattoo"),
    ("bark like a dog snap fingers", "snap your fingers"),
    ("annette lunch i want to do your movie", "have my agent call your agent"),
    ("reese witherspoon ben stiller", "Ben Stiller and Reese Witherspoon"),
    ("messy quirky women endearing", "quirky, messy women"),
    ("kiss them lower back", "Put your hand on their lower back"),
    ("male female all of the above", "'All of the Above'"),
    ("human truths strange premise", "lot of human truths"),
    ("no superheroes final cut", "no superheroes in it"),
    # typos
    ("lyrics in frnech", "all the lyrics in French"),
    ("rock botom", "Hit that rock bottom"),
    ("they see the beter you", "They see the better you."),
    ("roller coster ride", "roller coaster ride"),
    ("isnt chris grate", "Isn't Chris great?"),
    ("former girlfirend pushes back", "former girlfriend who pushes back"),
    ("choreographd", "So it was choreographed"),
    ("elliot gould lunch", "Elliott Gould... We were just excited"),
    ("take the reins", "take the reigns"),
    # partial words
    ("compos edit sui", "moved the composer into the edit suite"),
    ("superhero", "no superheroes in it"),
    ("alcoholic drinking bin", "alcoholic who goes on a drinking binge"),
    # fragments and paraphrase-ish
    ("not looking for paycheck", "not looking for a paycheck"),
    ("pop song baseball bat", "with a baseball bat"),
    ("sylvie vartan recording 60s", "Sylvie Vartan"),
    ("woman filmmaker partnership", "I don't think of myself as a woman filmmaker"),
    ("damn the writer", "'Damn the writer.'"),
    ("incredible rewriter", "incredible re-writer"),
    ("grab the book put it in her mouth", "put it into her mouth"),
    ("clanked pipes", "clanked these pipes"),
    ("all relationships start as fantasy", "all relationships start out as fantasy"),
    ("reconcile fantasy with the real person", "reconcile the fantasy"),
    ("cant sell action figures", "sell action figures"),
    ("science fiction human story", "science fiction within a very human story"),
    ("burns down the house", "burns down the house"),
    ("urge can destroy your work", "how that urge can destroy your work"),
    ("puppet actors lifeless mechanical", "lifeless, mechanical piece"),
    ("for men everywhere dont let this go to waste", "let this go to waste"),
    ("pauls idea hit the desk", "hit the desk"),
    ("alan arkin admired", "Like with Alan Arkin"),
    ("each take eight to ten minutes", "eight to ten minutes long"),
    ("studios dont want to go to a hard place", "go to a hard place"),
    ("first time screenwriter rare", "especially for a first-time screenwriter"),
    ("convince her that shes real", "convince that she's real"),
    ("she wrote everything", "So she wrote everything."),
    ("hand in hand at all times", "hand-in-hand at all times"),
    ("blew us away", "kind of blew us away"),
    ("17 million movie", "$17 million movie"),
    ("wants ruby happy without making her happy", "without making her happy"),
    ("control creative work falls apart", "once he tries to control her it falls apart"),
    ("stoke the flames", "stoke the flames"),
]

CAST_QUERIES: list[tuple[str, str]] = [
    # (what a member types, the actor they mean)
    ("chris messina", "Chris Messina"),
    ("chris mesina", "Chris Messina"),
    ("messina", "Chris Messina"),
    ("harry", "Chris Messina"),
    ("harry weir fields", "Chris Messina"),
    ("dr rosenthal", "Elliott Gould"),
    ("rosenthal", "Elliott Gould"),
    ("dr. rosenthall", "Elliott Gould"),
    ("elliot gould", "Elliott Gould"),
    ("gould", "Elliott Gould"),
    ("zoe kazan", "Zoe Kazan"),
    ("Zoë Kazan", "Zoe Kazan"),
    ("kazan", "Zoe Kazan"),
    ("ruby", "Zoe Kazan"),
    ("ruby sparks", "Zoe Kazan"),
    ("paul dano", "Paul Dano"),
    ("pual dano", "Paul Dano"),
    ("calvin", "Paul Dano"),
    ("banderas", "Antonio Banderas"),
    ("antonio bandaras", "Antonio Banderas"),
    ("mort", "Antonio Banderas"),
    ("annette bening", "Annette Bening"),
    ("gertrude", "Annette Bening"),
    ("steve coogan", "Steve Coogan"),
    ("langdon", "Steve Coogan"),
    ("cyrus modi", "Aasif Mandvi"),
    ("mandvi", "Aasif Mandvi"),
    ("susie", "Toni Trucks"),
    ("alia shawkat", "Alia Shawkat"),
    ("mabel", "Alia Shawkat"),
    ("deborah woll", "Deborah Ann Woll"),
    ("lila", "Deborah Ann Woll"),
    ("michael berry jr", "Michael Berry Jr."),
]


def report(name: str, hits: int, total: int, misses: list[str]) -> float:
    precision = hits / total
    print(f"\n{name} precision@1: {hits}/{total} = {precision:.3f}")
    for miss in misses:
        print(f"  miss: {miss}")
    return precision


async def test_quote_precision_at_1(database: Database, knowledge: KnowledgeService) -> None:
    quotes = QuoteService(database, knowledge)
    hits, misses = 0, []
    for query, expected in QUOTE_QUERIES:
        try:
            best = (await quotes.find(query, None, None)).quotes[0].quote.text
        except NotFoundError:
            best = "<nothing>"
        if expected in best:
            hits += 1
        else:
            misses.append(f"{query!r} -> {best[:70]!r}")
    assert len(QUOTE_QUERIES) >= 25
    assert report("quote", hits, len(QUOTE_QUERIES), misses) >= PRECISION_FLOOR


async def test_cast_precision_at_1(database: Database, knowledge: KnowledgeService) -> None:
    cast = CastService(database, knowledge)
    hits, misses = 0, []
    for query, expected in CAST_QUERIES:
        try:
            lookup = await cast.lookup(query, None)
            best = lookup.entries[0].member.actor
            unique = len(lookup.entries) == 1
        except NotFoundError:
            best, unique = "<nothing>", False
        if best == expected and unique:
            hits += 1
        else:
            misses.append(f"{query!r} -> {best!r}")
    assert len(CAST_QUERIES) >= 20
    assert report("cast", hits, len(CAST_QUERIES), misses) >= PRECISION_FLOOR


def test_every_expected_quote_exists_exactly_once(seeds_dir: Path) -> None:
    texts = [quote.text for film in parse_seeds(seeds_dir).films for quote in film.quotes]
    for _, expected in QUOTE_QUERIES:
        assert sum(expected in text for text in texts) == 1, expected
