"""Made-up films under documents/: titles, infobox lists, dates and cast as pages write them."""

import datetime as dt

import pytest

from bot.dates import dated_events
from bot.parsing import parse_film
from tests.bot.parsing.corpus import film_folder


def notes(film, key):
    field = next(f for f in film.infobox if f.key.casefold() == key)
    return list(zip(field.values, field.notes, strict=True))


@pytest.mark.parametrize(
    ("slug", "title"),
    [
        ("salt-meridian", "Salt Meridian"),
        ("copper-orchard", "The Copper Orchard"),
        ("osaki-lanterns", "Lanterns of Osaki"),
        ("grey-harbour", "Grey Harbour"),
    ],
)
def test_titles_have_no_disambiguator(slug, title):
    assert parse_film(film_folder(slug)).title == title


def test_infobox_suffixes_qualifiers_labels_and_companies(salt):
    assert salt.credit("directed by") == ("Teodor Vance Jr.",)
    assert salt.credit("screenplay by") == ("Maren Ostby", "Pell Arkwright")
    assert salt.credit("starring") == ("Ferris Okonedo", "Liesl Haverkamp", "Ansel Drummond III")
    assert notes(salt, "cinematography") == [("Corwin Blaylock", "A.S.C.")]
    assert notes(salt, "edited by") == [("Ruth Anselm", "associate editor"), ("Dov Keszler", None)]
    assert salt.credit("production companies") == (
        "Forty Acres and a Mule Works",
        "Harrow & Finch Pictures",
    )
    assert notes(salt, "distributed by") == [("Lantern Row Releasing", "United States")]


def test_run_together_plainlist_split_with_names_from_the_lead(salt):
    assert salt.credit("produced by") == (
        "Ysolde Tarrant",
        "Gideon Pryce-Hollis",
        "Marisol Quent",
        "Bram Lattimore",
    )
    assert not [w for w in salt.warnings if "Produced by" in w]


def test_every_release_date_kept_with_its_event(salt, copper):
    assert salt.release_date == dt.date(2009, 9, 12)
    assert [(e.date, e.event) for e in dated_events(salt.credit("release dates"))] == [
        (dt.date(2009, 9, 12), "Telluride Film Festival"),
        (dt.date(2009, 10, 30), "United States"),
    ]
    assert copper.credit("released") == ("3 May 2016 (Cannes)", "19 August 2016 (United Kingdom)")
    assert copper.release_date == dt.date(2016, 5, 3)


def test_nested_infobox_items(copper):
    assert copper.credit("edited by") == ("Ida Fenn", "Rolf Dunmore Jr.")
    assert copper.credit("starring") == ("Hollis Greer", "Petra Valdane", "Emory Castile")
    assert notes(copper, "music") == [("Iver Blom", "B.S.C.")]
    assert copper.credit("producers") == ("Everly Brothers Films", "Tamsin Rook")


def test_cast_as_lines_with_notes_and_several_roles(salt):
    assert [(c.actor, c.character, c.note) for c in salt.cast] == [
        ("Ferris Okonedo", "Hessa Lund", None),
        ("Liesl Haverkamp", "Inga Lund", None),
        ("Ansel Drummond III", "Captain Ebbe Strand", None),
        ("Oona Villiers", "the Ferry Pilot", "uncredited"),
        ("Pim Castellane", "Radio Voice", "voice"),
        ("Dorit Amsel", "Widow Kass", "credited as Dorrie Amsel"),
        ("Jasper Kettering", "Young Ebbe", None),
        ("Jasper Kettering", "Ebbe's Father", None),
        ("Noor Halvard", "Sister Agathe", None),
        ("Noor Halvard", "Mother Agathe", None),
    ]
    assert salt.cast[0].description == (
        "a cartographer who trusts her instruments, her dog, and nothing else."
    )


def test_cast_character_first_under_family_headings(copper):
    assert [(c.actor, c.character, c.description, c.note) for c in copper.cast] == [
        ("Hollis Greer", "Nell Greer", "the eldest daughter", None),
        ("Emory Castile", "Tobias Greer", None, None),
        ("Petra Valdane", "Ada Vance", None, None),
        ("Corin Maddox", "Silas Vance", None, "uncredited"),
    ]
    assert [w for w in copper.warnings if w.startswith("article.txt")] == []


def test_an_unsure_run_together_split_warns(osaki):
    assert osaki.credit("produced by") == ("Hiro Tanabe", "Saki Mori", "Leon Marsh")
    (warning,) = osaki.warnings
    assert warning.startswith(
        "article.txt:6: 'Produced by' value 'Hiro Tanabe Saki Mori Leon Marsh'"
    )
    assert "check it" in warning


def test_voice_cast_table(osaki):
    assert [(c.actor, c.character, c.note) for c in osaki.cast][:4] == [
        ("Mio Asakura", "Hana", "Japanese"),
        ("Delia Brandt", "Hana", "English"),
        ("Goro Ishida", "Grandfather Tsuru", "Japanese"),
        ("Walt Penhaligon", "Grandfather Tsuru", "English"),
    ]
    assert len(osaki.cast) == 7


def test_cast_section_without_pairs_warns():
    film = parse_film(film_folder("grey-harbour"))
    assert film.cast == ()
    (warning,) = [w for w in film.warnings if w.startswith("article.txt")]
    assert warning.startswith("article.txt:10: the cast section 'Cast'")


@pytest.fixture(scope="module")
def harrow():
    return parse_film(film_folder("harrow-road"))


def test_rendered_page_artefacts_are_dropped(harrow):
    assert harrow.title == "Harrow Road"
    assert harrow.credit("directed by") == ("Wendell Okafor",)
    assert harrow.runtime_minutes == 104
    assert "[" not in harrow.lead
    assert harrow.credit("release dates") == (
        "14 March 1987 (London Film Festival)",
        "2 October 1987 (United Kingdom)",
    )
    assert harrow.release_date == dt.date(1987, 3, 14)


def test_labels_list_each_person_once_and_companies_stay_whole(harrow):
    assert harrow.credit("written by") == ("Priya Lanning", "Wendell Okafor")
    assert notes(harrow, "produced by") == [
        ("Ines Carvalho", "executive producer"),
        ("Tobias Wren Sr.", None),
    ]
    assert notes(harrow, "cinematography") == [("Anders Holm", "ASC")]
    assert harrow.credit("edited by") == ("Ike Marlowe Jr.",)
    assert harrow.credit("production companies") == (
        "Northlight and a Lantern Pictures",
        "Okafor & Lanning Films",
    )
    assert harrow.credit("based on") == ("The Long Road by Mabel Thorne",)


def test_prose_and_numbered_lines_in_a_cast_section(harrow):
    assert [(c.actor, c.character, c.note) for c in harrow.cast] == [
        ("Ruth Ellery", "Maud Penrose", None),
        ("Conrad Baptiste", 'Desmond "Dez" Fairweather', None),
        ("Jun Takeda", "Mr. Ito", None),
        ("Olwen Price", "Granny Penrose", "uncredited"),
    ]
    assert [w for w in harrow.warnings if w.startswith("article.txt")] == []
