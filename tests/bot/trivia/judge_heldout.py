"""A held-out table of typed guesses for the judge, written apart from its code and its own table.

Every name here is made up.  Accepted answers are given the way they reach the judge: generated
questions carry the full name and its unique short forms, hand-written lists only what their
author typed.  ``group`` names the class of guess, so figures can be given per class.
"""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    """One typed guess, the accepted answers, the right verdict and the class of guess."""

    guess: str
    accepted: tuple[str, ...]
    expected: bool
    group: str


CASTELLANO = ("Mira Castellano", "Castellano")
BRANDVOLD = ("Joel Brandvold", "Brandvold")
SHAW = ("Ines Shaw", "Shaw")
DIRECTORS = (
    "Hana Okoye and Petr Lindqvist",
    "Petr Lindqvist and Hana Okoye",
    "Okoye and Lindqvist",
    "Lindqvist and Okoye",
    "Hana Okoye",
    "Petr Lindqvist",
    "Okoye",
    "Lindqvist",
)
WRITERS_LIST = ("Tomasz Wrobel and Ada Finch",)
OKOYE = ("Hana Okoye", "Okoye")
HARDY = ("Hardy",)
WENDY = ("Wendy Marsh", "Wendy")
BETTY = ("Betty",)
PATTY = ("Patty Quill", "Patty")
HOLLY = ("Holly",)
DANNY = ("Danny Roe", "Danny")
CINDY = ("Cindy",)
SOPHIE = ("Sophie Brandt", "Sophie")
STEFAN = ("Stefan Ilic", "Stefan")
RAFAEL = ("Rafael",)
KELLY = ("Kelly",)
BIGGS = ("Rosa Biggs", "Biggs")
LOWE = ("Lowe",)
STUDIO = ("Bright Hollow Pictures",)
PRODUCTIONS = ("Tidewater Productions",)
FILMS = ("Grey Lantern Films",)
ENTERTAINMENT = ("Northgate Entertainment",)
RUNTIME = ("104",)
BITS = ("8",)
THEATERS = ("13",)
SEASONS = ("3",)
YEAR = ("1987",)
CARBON = ("C",)
CHOICE_B = ("B",)
RATING_X = ("X",)
POTASSIUM = ("K",)
MALCOLM = ("Malcolm Yates", "Yates")
TITLE = ("The Salt Orchard", "Salt Orchard")
SONG = ("Glass Harbour",)
GREEN = ("Green",)

CASES: tuple[Case, ...] = (
    # --- general: exact, case, filler, typos, markup
    Case("Mira Castellano", CASTELLANO, True, "general"),
    Case("castellano", CASTELLANO, True, "general"),
    Case("i think it's castellano", CASTELLANO, True, "general"),
    Case("Castelano", CASTELLANO, True, "general"),
    Case("Mira Castelano", CASTELLANO, True, "general"),
    Case("||Castellano||", CASTELLANO, True, "general"),
    Case("castellano!!", CASTELLANO, True, "general"),
    Case("Mira", CASTELLANO, False, "general"),
    Case("Maria Castellano", CASTELLANO, False, "general"),
    Case("Mira Costa", CASTELLANO, False, "general"),
    Case("castellano, brandvold", CASTELLANO, False, "general"),
    Case("castellano or shaw", CASTELLANO, False, "general"),
    Case("Brandvold", BRANDVOLD, True, "general"),
    Case("joel brandvol", BRANDVOLD, True, "general"),
    Case("Brandvlod", BRANDVOLD, True, "general"),
    Case("Joel", BRANDVOLD, False, "general"),
    Case("Brandt", BRANDVOLD, False, "general"),
    Case("Shaw", SHAW, True, "general"),
    Case("ines shaw", SHAW, True, "general"),
    Case("Shah", SHAW, False, "general"),
    Case("Show", SHAW, False, "general"),
    Case("Salt Orchard", TITLE, True, "general"),
    Case("the salt orchard", TITLE, True, "general"),
    Case("Salt Orchards", TITLE, True, "general"),
    Case("Salt Orchid", TITLE, False, "general"),
    Case("Sand Orchard", TITLE, False, "general"),
    Case("Glass Harbour", SONG, True, "general"),
    Case("glass harbor", SONG, True, "general"),
    Case("Glass", SONG, False, "general"),
    Case("Grass Harbour", SONG, False, "general"),
    Case("1987", YEAR, True, "general"),
    Case("in 1987", YEAR, True, "general"),
    Case("1988", YEAR, False, "general"),
    Case("87", YEAR, False, "general"),
    Case("Malcolm Yates", MALCOLM, True, "general"),
    Case("yates", MALCOLM, True, "general"),
    Case("Malcom Yates", MALCOLM, True, "general"),
    Case("Malcolm Gates", MALCOLM, False, "general"),
    Case("Green", GREEN, True, "general"),
    Case("greem", GREEN, True, "general"),
    Case("Greed", GREEN, False, "general"),
    Case("Grey", GREEN, False, "general"),
    # --- a bare-number answer typed with a natural unit
    Case("104 minutes", RUNTIME, True, "number_unit"),
    Case("104 mins", RUNTIME, True, "number_unit"),
    Case("104", RUNTIME, True, "number_unit"),
    Case("8 bits", BITS, True, "number_unit"),
    Case("8 bit", BITS, True, "number_unit"),
    Case("13 theaters", THEATERS, True, "number_unit"),
    Case("13 theatres", THEATERS, True, "number_unit"),
    Case("3 seasons", SEASONS, True, "number_unit"),
    Case("it ran for 3 seasons", SEASONS, True, "number_unit"),
    Case("105 minutes", RUNTIME, False, "number_unit"),
    Case("12 theaters", THEATERS, False, "number_unit"),
    Case("8 or 16 bits", BITS, False, "number_unit"),
    Case("16 bits", BITS, False, "number_unit"),
    Case("3 seasons and 2 movies", SEASONS, False, "number_unit"),
    # --- a company typed without its corporate suffix
    Case("Bright Hollow", STUDIO, True, "company"),
    Case("bright hollow pictures", STUDIO, True, "company"),
    Case("Tidewater", PRODUCTIONS, True, "company"),
    Case("tidewater productions", PRODUCTIONS, True, "company"),
    Case("Grey Lantern", FILMS, True, "company"),
    Case("gray lantern", FILMS, True, "company"),
    Case("Northgate", ENTERTAINMENT, True, "company"),
    Case("Hollow", STUDIO, False, "company"),
    Case("Pictures", STUDIO, False, "company"),
    Case("Bright", STUDIO, False, "company"),
    Case("Lantern", FILMS, False, "company"),
    Case("Tidewell", PRODUCTIONS, False, "company"),
    Case("Southgate", ENTERTAINMENT, False, "company"),
    # --- both names for a two-person answer
    Case("Okoye and Lindqvist", DIRECTORS, True, "two_people"),
    Case("Hana Okoye, Petr Lindqvist", DIRECTORS, True, "two_people"),
    Case("lindqvist & okoye", DIRECTORS, True, "two_people"),
    Case("Okoye Lindqvist", DIRECTORS, True, "two_people"),
    Case("hana okoye and lindqvist", DIRECTORS, True, "two_people"),
    Case("Wrobel and Finch", WRITERS_LIST, True, "two_people"),
    Case("Ada Finch and Tomasz Wrobel", WRITERS_LIST, True, "two_people"),
    Case("tomasz wrobel, ada finch", WRITERS_LIST, True, "two_people"),
    Case("Wrobel", WRITERS_LIST, False, "two_people"),
    Case("Wrobel and Castellano", WRITERS_LIST, False, "two_people"),
    Case("Okoye and Castellano", DIRECTORS, False, "two_people"),  # one of the two is wrong
    Case("Okoye and Lindqvist", OKOYE, False, "two_people"),
    Case("Finch and Brandvold", WRITERS_LIST, False, "two_people"),
    # --- sound-alike spellings of a first name
    Case("Wendie Marsh", WENDY, True, "sound_alike"),
    Case("Wendie", WENDY, True, "sound_alike"),
    Case("Bettie", BETTY, True, "sound_alike"),
    Case("Kellie", KELLY, True, "sound_alike"),
    Case("Sofie Brandt", SOPHIE, True, "sound_alike"),
    Case("Sofie", SOPHIE, True, "sound_alike"),
    Case("Stephan Ilic", STEFAN, True, "sound_alike"),
    Case("Raphael", RAFAEL, True, "sound_alike"),
    Case("Sophia Brandt", SOPHIE, False, "sound_alike"),
    Case("Steven Ilic", STEFAN, False, "sound_alike"),
    Case("Kelsey", KELLY, False, "sound_alike"),
    # --- an extra trailing letter on a surname
    Case("Brandvoldt", BRANDVOLD, True, "trailing_letter"),
    Case("Castellanoa", CASTELLANO, True, "trailing_letter"),
    Case("Shawe", SHAW, True, "trailing_letter"),
    Case("Ines Shawe", SHAW, True, "trailing_letter"),
    Case("Biggse", BIGGS, True, "trailing_letter"),
    Case("Okoyee", OKOYE, True, "trailing_letter"),
    Case("Lower", LOWE, False, "trailing_letter"),
    Case("Shawl", SHAW, False, "trailing_letter"),
    Case("Biggest", BIGGS, False, "trailing_letter"),
    # --- a one-letter substitution that makes a different common word
    Case("Handy", HARDY, False, "common_word"),
    Case("Windy", WENDY, False, "common_word"),
    Case("Batty", BETTY, False, "common_word"),
    Case("Petty", PATTY, False, "common_word"),
    Case("Hilly", HOLLY, False, "common_word"),
    Case("Dandy", DANNY, False, "common_word"),
    Case("Candy", CINDY, False, "common_word"),
    Case("Hardly", HARDY, False, "common_word"),
    Case("Harty", HARDY, True, "common_word"),
    Case("Hollly", HOLLY, True, "common_word"),
    Case("Dany Roe", DANNY, True, "common_word"),
    Case("Cyndy", CINDY, True, "common_word"),
    # --- one-character answers, and one-letter guesses elsewhere
    Case("C", CARBON, True, "one_char"),
    Case("c.", CARBON, True, "one_char"),
    Case("it's C", CARBON, True, "one_char"),
    Case("carbon", CARBON, False, "one_char"),
    Case("K", POTASSIUM, True, "one_char"),
    Case("P", POTASSIUM, False, "one_char"),
    Case("b", CHOICE_B, True, "one_char"),
    Case("B)", CHOICE_B, True, "one_char"),
    Case("a", CHOICE_B, False, "one_char"),
    Case("X", RATING_X, True, "one_char"),
    Case("x", CASTELLANO, False, "one_char"),
    Case("c", CASTELLANO, False, "one_char"),
    Case("m", MALCOLM, False, "one_char"),
    Case("y", MALCOLM, False, "one_char"),
)
"""The table used while writing the issue-11 rules; roughly half the guesses are right."""

AKINDELE = ("Tobi Akindele", "Akindele")
MORGAN = ("Rhys Morgan", "Morgan")
PAIR = ("Signe Dahl and Marek Novak", "Marek Novak and Signe Dahl", "Dahl and Novak")
LIST_PAIR = ("Yuki Sato & Dev Patil",)
JAMIE = ("Jamie Orr", "Jamie")
PHOEBE = ("Phoebe Lark", "Phoebe")
ROSIE = ("Rosie",)
BUSTER = ("Buster",)
MOLLY = ("Molly Finch", "Molly")
KITE = ("Kite Hill Studios",)
HARBOUR = ("Harbourline Pictures",)
COMET = ("Comet Releasing",)
SCREENS = ("2,400",)
EPISODES = ("22",)
MINUTES = ("88 minutes", "88")
FE = ("Fe",)
ANSWER_D = ("D",)
NOIR = ("Film noir", "Noir")

FRESH_CASES: tuple[Case, ...] = (
    Case("Tobi Akindele", AKINDELE, True, "general"),
    Case("akindelle", AKINDELE, True, "general"),
    Case("I'm pretty sure it's Akindele", AKINDELE, True, "general"),
    Case("Tobi", AKINDELE, False, "general"),
    Case("Akinola", AKINDELE, False, "general"),
    Case("Rhys Morgan", MORGAN, True, "general"),
    Case("morgan", MORGAN, True, "general"),
    Case("Reese Morgan", MORGAN, False, "general"),
    Case("Organ", MORGAN, False, "general"),
    Case("Morgana", MORGAN, False, "general"),
    Case("film noir", NOIR, True, "general"),
    Case("noire", NOIR, True, "general"),
    Case("film", NOIR, False, "general"),
    Case("88", MINUTES, True, "number_unit"),
    Case("88 min", MINUTES, True, "number_unit"),
    Case("88 seconds", MINUTES, False, "number_unit"),
    Case("22 episodes", EPISODES, True, "number_unit"),
    Case("twenty-two episodes", EPISODES, True, "number_unit"),
    Case("22 episodes in 2 seasons", EPISODES, False, "number_unit"),
    Case("2400 screens", SCREENS, True, "number_unit"),
    Case("2,400 cinemas", SCREENS, True, "number_unit"),
    Case("2,500 screens", SCREENS, False, "number_unit"),
    Case("Kite Hill", KITE, True, "company"),
    Case("kite hill studio", KITE, True, "company"),
    Case("Hill", KITE, False, "company"),
    Case("Harbourline", HARBOUR, True, "company"),
    Case("harborline", HARBOUR, True, "company"),
    Case("Comet", COMET, True, "company"),
    Case("Releasing", COMET, False, "company"),
    Case("Rocket", COMET, False, "company"),
    Case("Dahl and Novak", PAIR, True, "two_people"),
    Case("Novak, Dahl", PAIR, True, "two_people"),
    Case("signe dahl marek novak", PAIR, True, "two_people"),
    Case("Dahl", PAIR, False, "two_people"),
    Case("Dahl and Novack", PAIR, True, "two_people"),
    Case("Dahl and Nolan", PAIR, False, "two_people"),
    Case("Sato and Patil", LIST_PAIR, True, "two_people"),
    Case("Dev Patil and Yuki Sato", LIST_PAIR, True, "two_people"),
    Case("Patil", LIST_PAIR, False, "two_people"),
    Case("Sato or Patil", LIST_PAIR, False, "two_people"),
    Case("Jamey Orr", JAMIE, True, "sound_alike"),
    Case("Jamy", JAMIE, True, "sound_alike"),
    Case("Pheobe", PHOEBE, True, "sound_alike"),
    Case("Febe Lark", PHOEBE, False, "sound_alike"),
    Case("Rosy", ROSIE, True, "sound_alike"),
    Case("Rose", ROSIE, False, "sound_alike"),
    Case("Orre", ("Jamie Orr", "Orr"), False, "trailing_letter"),
    Case("Larke", ("Phoebe Lark", "Lark"), True, "trailing_letter"),
    Case("Finchh", ("Molly Finch", "Finch"), True, "trailing_letter"),
    Case("Finches", ("Molly Finch", "Finch"), False, "trailing_letter"),
    Case("Larks", ("Phoebe Lark", "Lark"), True, "trailing_letter"),
    Case("Buster", BUSTER, True, "common_word"),
    Case("Butter", BUSTER, False, "common_word"),
    Case("Duster", BUSTER, False, "common_word"),
    Case("Bustr", BUSTER, True, "common_word"),
    Case("Holly", MOLLY, False, "common_word"),
    Case("Molly Fitch", MOLLY, False, "common_word"),
    Case("Molyl", MOLLY, True, "common_word"),
    Case("Fe", FE, True, "one_char"),
    Case("D", ANSWER_D, True, "one_char"),
    Case("d)", ANSWER_D, True, "one_char"),
    Case("option d", ANSWER_D, True, "one_char"),
    Case("e", ANSWER_D, False, "one_char"),
    Case("f", FE, False, "one_char"),
    Case("t", AKINDELE, False, "one_char"),
)
"""Written after the rules were frozen: 93.8% with 2 false accepts on its first, untuned run
(Organ for Morgan, Rose for Rosie); the dropped-letter rule they led to makes it 96.9%, so that
figure is no longer a held-out one."""
