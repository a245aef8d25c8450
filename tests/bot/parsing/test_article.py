"""Articles of a made-up film: infobox, lead, sections, subsections and cast."""

import datetime as dt

import pytest

from bot.errors import SeedError
from bot.parsing import parse_film
from bot.parsing.article import looks_like_article, parse_article, strip_disambiguator
from bot.parsing.documents import read_document
from tests.bot.parsing.lantern_keeper import ARTICLE, DIRECTOR, STAR, write_film


def article_from(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return parse_article(read_document(path))


@pytest.fixture
def article(tmp_path):
    return article_from(tmp_path, ARTICLE)


def credit(article, key):
    return next(f.values for f in article.infobox if f.key.casefold() == key)


def test_title_year_and_facts(article):
    assert article.title == "The Lantern Keeper"
    assert article.year == 2015
    assert article.release_date == dt.date(2015, 3, 3)
    assert article.runtime_minutes == 98


def test_infobox_values(article):
    assert credit(article, "director") == (DIRECTOR,)
    assert credit(article, "music") == ("Ansel Brook",)
    assert credit(article, "producer") == ("Odile Marchetti", "Sam Whitcombe")
    assert credit(article, "starring") == (STAR, "Dev Anand Rao", "Mo Whitfield")
    assert credit(article, "released") == ("March 3, 2015",)
    assert credit(article, "budget") == ("$2,500,000",)
    assert [f.line for f in article.infobox][:2] == [3, 4]


def test_money(article):
    assert [(m.key, m.text, m.amount) for m in article.money] == [
        ("Budget", "$2,500,000", pytest.approx(2.5e6)),
        ("Box office", "US$4.1 million", pytest.approx(4.1e6)),
    ]


def test_lead(article):
    assert article.lead.startswith("The Lantern Keeper is a 2015 Canadian drama film")
    assert "- Director" not in article.lead


def test_sections_and_subsections(article):
    assert [(s.path, s.spoiler) for s in article.sections] == [
        (("Synopsis",), True),
        (("Synopsis", "Ending"), True),
        (("Cast",), False),
        (("Production",), False),
        (("Production", "Design"), False),
        (("Reception",), False),
    ]
    design = article.sections[4]
    assert design.title == "Design"
    assert design.text == "The lamp was built by hand."
    assert [s.position for s in article.sections] == list(range(6))


def test_cast(article):
    wren, osric, pell = article.cast
    assert (wren.actor, wren.character) == (STAR, "Wren Hadley")
    assert wren.description == (
        "the keeper. She is stubborn, proud, and lonely; she eventually leaves the island."
    )
    assert wren.spoiler
    assert (osric.actor, osric.character, osric.description) == ("Dev Anand Rao", "Osric", None)
    assert not osric.spoiler
    assert pell.description == "the ferryman, who brings the mail"
    assert not pell.spoiler


def test_reviews_from_unspoiled_sections(article):
    assert [(r.aggregator, r.metric, r.value) for r in article.reviews] == [
        ("Rotten Tomatoes", "approval", 88.0),
        ("Rotten Tomatoes", "reviews", 52.0),
    ]


def test_no_title_line_falls_back_to_the_first_line(tmp_path):
    article = article_from(
        tmp_path,
        "Night Ferry\n- Director: Ada Brun\n- Released: 2015-03-03\n\nA film.\n\n==Plot==\nX.\n",
    )
    assert article.title == "Night Ferry"
    assert article.year == 2015
    assert article.sections[0].spoiler


def test_year_from_lead_when_no_release_date(tmp_path):
    article = article_from(tmp_path, "= Night Ferry =\n- Director: Ada Brun\n\nA 1999 film.\n")
    assert article.year == 1999
    assert article.release_date is None
    assert article.runtime_minutes is None


def test_looks_like_article(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Ada Brun: hello.\n\nBo Brun: bye.\n", encoding="utf-8")
    assert not looks_like_article(read_document(path))
    path.write_text(ARTICLE, encoding="utf-8")
    assert looks_like_article(read_document(path))


def test_article_cut_off_in_its_infobox(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_text("= Night Ferry =\n\n- Director: Ada Brun\n- Wri", encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        parse_article(read_document(path))
    assert caught.value.path == str(path)
    assert caught.value.line == 4
    assert "\n" not in str(caught.value)


def test_second_article_is_ignored_with_a_warning(tmp_path):
    other = ARTICLE.replace("The Lantern Keeper", "Another Title")
    film = parse_film(write_film(tmp_path, {"999_second.txt": other}))
    assert film.title == "The Lantern Keeper"
    assert film.warnings == ("999_second.txt: a second article was ignored",)


@pytest.mark.parametrize(
    ("heading", "title"),
    [
        ("Night Ferry (film)", "Night Ferry"),
        ("Night Ferry (2013 film)", "Night Ferry"),
        ("Night Ferry (American film)", "Night Ferry"),
        ("Night Ferry (1998 Canadian film)", "Night Ferry"),
        ("Night Ferry (Reprise)", "Night Ferry (Reprise)"),
        ("(film)", "(film)"),
    ],
)
def test_strip_disambiguator(heading, title):
    assert strip_disambiguator(heading) == title


def test_the_title_line_under_the_heading_wins(tmp_path):
    text = "= Night Ferry (2001 film) =\n\nThe Night Ferry\n- Director: Ada Brun\n\nA film.\n"
    assert article_from(tmp_path, text).title == "The Night Ferry"


def test_nested_infobox_items_and_a_lead_after_them(tmp_path):
    text = (
        "= Night Ferry =\n- Starring:\n  - Ada Brun\n  - Bo Lind\n- Released:\n"
        "  * May 2, 2001 (Oslo)\n  * June 9, 2001 (Norway)\n\nNight Ferry is a film.\n"
    )
    article = article_from(tmp_path, text)
    assert credit(article, "starring") == ("Ada Brun", "Bo Lind")
    assert credit(article, "released") == ("May 2, 2001 (Oslo)", "June 9, 2001 (Norway)")
    assert article.release_date == dt.date(2001, 5, 2)
    assert article.lead == "Night Ferry is a film."


def test_a_poster_caption_under_the_title_is_no_title(tmp_path):
    text = (
        "= Night Ferry (2001 film) =\n\nNight Ferry\nTheatrical release poster\n"
        "- Director: Ada Brun\n\nA film.\n"
    )
    assert article_from(tmp_path, text).title == "Night Ferry"
    text = "= Night Ferry (2001 film) =\n\nTheatrical release poster\n- Director: Ada Brun\n\nA.\n"
    assert article_from(tmp_path, text).title == "Night Ferry"


def test_a_plainlist_rendered_one_name_a_line(tmp_path):
    text = (
        "= Night Ferry =\n- Produced by:\nAda Brun\nBo Lind Jr.\n- Written by: Cy Moss\n\n"
        "Night Ferry is a film.\n"
    )
    article = article_from(tmp_path, text)
    assert credit(article, "produced by") == ("Ada Brun", "Bo Lind Jr.")
    assert credit(article, "written by") == ("Cy Moss",)
    assert article.lead == "Night Ferry is a film."
